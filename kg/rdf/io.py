"""Reading and writing graph files, and publishing an output folder atomically.

The JSON-LD writer lives in :mod:`kg.rdf.jsonld`, the readers in :mod:`kg.rdf.read` and
the term order every writer shares in :mod:`kg.rdf.quadtext`; their names are importable
from here too.

Writers are deterministic: the same quads give the same bytes, whatever their order.

- ``graph.nq``: N-Quads, one quad a line, lines sorted.
- ``graph.trig`` and ``graph.ttl``: canonical TriG / Turtle from this module's
  small writer: prefixes bound explicitly, instance IRIs written relative to
  ``@base``, graphs, subjects, predicates (``a`` first) and objects sorted
  (IRIs by their text, then blank nodes, then literals). ``graph.ttl`` is the
  union of all graphs.
- ``graph.jsonld``: JSON-LD compacted with ``ontology/context.jsonld`` (the
  context is embedded, never fetched): a named graph per entry, one node object
  a line, keys and values sorted.
- ``manifest.json``: what was built from what (no timestamps).

Every command reads graph files through one reader, :func:`read_quads` (exact
quads) or :func:`load_graph` (a Store built on it): any format by its extension,
a build folder, and never anything fetched from the network.

Writers take :class:`~kg.rdf.build.NQuad` tuples (exact terms) or pyoxigraph
Quads/Triples.

>>> import pyoxigraph as ox  # noqa: F401 (the examples)
>>> g = ox.NamedNode("https://example.org/graph/a")
>>> q = ox.Quad(ox.NamedNode("https://example.org/actor/x"),
...             ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("X"), g)
>>> print(turtle([q], base="https://example.org/", prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"}), end="")
@base <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<BLANKLINE>
<actor/x> rdfs:label "X" .
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import RdfError
from kg.rdf.namespaces import PREFIXES
from kg.rdf.publish import checkpoint, fsync_dir, published_dir
from kg.rdf.quadtext import _INTEGER, _LOCAL, _RDF_TYPE, _XSD, Quads, _group, _order, _pred_order, _strings
from kg.rdf.jsonld import jsonld, load_context  # noqa: F401
from kg.rdf.read import (GRAPH_FORMATS, check_jsonld_local, load_graph, read_quads,  # noqa: F401
                         store_from_text)

__all__ = [
    "GRAPH_FILES",
    "MANIFEST",
    "sorted_nquads",
    "turtle",
    "trig",
    "jsonld",
    "load_context",
    "write_nquads",
    "write_trig",
    "write_turtle",
    "write_jsonld",
    "write_graph_files",
    "write_json",
    "sha256_file",
    "GRAPH_FORMATS",
    "check_jsonld_local",
    "read_quads",
    "load_graph",
    "store_from_text",
    "published_dir",
]

#: Files every build writes into the output folder (the manifest last).
GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld")
MANIFEST = "manifest.json"

# --------------------------------------------------------------------------
# canonical Turtle / TriG
# --------------------------------------------------------------------------
class _Terms:
    """Writes N-Triples term strings compactly: prefixed names, IRIs relative to the base."""

    def __init__(self, prefixes: dict[str, str], base: str | None) -> None:
        # longest namespace first, so the most specific prefix wins
        self.prefixes = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self.base = base if base and base.endswith("/") and not re.search(r"[?#]", base) else None
        self.cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        out = self.cache.get(iri)
        if out is None:
            out = self.cache[iri] = self._iri(iri)
        return out

    def _iri(self, iri: str) -> str:
        for name, ns in self.prefixes:
            if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                return f"{name}:{iri[len(ns):]}"
        if self.base and iri.startswith(self.base):
            rel = iri[len(self.base):]
            path = re.split(r"[?#]", rel, maxsplit=1)[0]
            first = path.split("/", 1)[0]
            if (rel and ":" not in first and rel[0] not in "/?#"
                    and not any(seg in (".", "..") for seg in path.split("/"))):
                return f"<{rel}>"
        return f"<{iri}>"

    def term(self, nt: str) -> str:
        """An N-Triples term in Turtle."""
        if nt[0] == "<":
            return self.iri(nt[1:-1])
        if nt[0] == '"' and nt[-1] == ">":
            lex, _, dt = nt.rpartition('"^^<')
            dt = dt[:-1]
            value = lex[1:]
            if dt == _XSD + "integer" and _INTEGER.match(value):
                return value
            if dt == _XSD + "boolean" and value in ("true", "false"):
                return value
            return f'{lex}"^^{self.iri(dt)}'
        return nt  # a simple or language-tagged literal, or a blank node


def _header(terms: _Terms, prefixes: dict[str, str]) -> list[str]:
    lines = [f"@base <{terms.base}> ."] if terms.base else []
    lines += [f"@prefix {name}: <{ns}> ." for name, ns in prefixes.items()]
    return lines


def _statements(triples: Iterable[tuple[str, str, str]], terms: _Terms, indent: str) -> Iterator[str]:
    """One Turtle statement per subject, subjects, predicates and objects sorted."""
    subjects = _group(triples)
    sep = f" ;\n{indent}    "
    for s in sorted(subjects, key=_order):
        preds = subjects[s]
        parts = []
        for p in sorted(preds, key=_pred_order):
            objs = preds[p]
            name = "a" if p == _RDF_TYPE else terms.term(p)
            if len(objs) == 1:
                parts.append(f"{name} {terms.term(next(iter(objs)))}")
            else:
                parts.append(f"{name} " + ", ".join(terms.term(o) for o in sorted(objs, key=_order)))
        yield f"{indent}{terms.term(s)} {sep.join(parts)} ."


def turtle(quads: Quads, *, prefixes: dict[str, str] | None = None, base: str | None = None) -> str:
    """Canonical Turtle of the union of ``quads`` (graph names dropped, duplicates merged).

    The same set of triples always gives the same text, whatever the order given.

    >>> import pyoxigraph as ox
    >>> p = ox.NamedNode("http://example.org/p")
    >>> a = [ox.Triple(ox.NamedNode("http://example.org/s"), p, ox.Literal(v)) for v in (2, 1)]
    >>> turtle(a) == turtle(list(reversed(a)))
    True
    >>> print(turtle(a, prefixes={"ex": "http://example.org/"}), end="")
    @prefix ex: <http://example.org/> .
    <BLANKLINE>
    ex:s ex:p 1, 2 .
    """
    prefixes = dict(PREFIXES if prefixes is None else prefixes)
    terms = _Terms(prefixes, base)
    body = _statements((q[:3] for q in _strings(quads)), terms, "")
    return "\n".join([*_header(terms, prefixes), "", *body]) + "\n"


def trig(quads: Quads, *, prefixes: dict[str, str] | None = None, base: str | None = None) -> str:
    """Canonical TriG: one block per named graph, graphs and their triples sorted.

    Triples of the default graph come first, outside any block.

    >>> import pyoxigraph as ox
    >>> q = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
    ...             ox.NamedNode("http://example.org/o"), ox.NamedNode("http://example.org/g"))
    >>> print(trig([q], base="http://example.org/", prefixes={}), end="")
    @base <http://example.org/> .
    <BLANKLINE>
    <g> {
      <s> <p> <o> .
    }
    """
    prefixes = dict(PREFIXES if prefixes is None else prefixes)
    terms = _Terms(prefixes, base)
    graphs: dict[str, list[tuple[str, str, str]]] = {}
    for q in _strings(quads):
        graphs.setdefault(q.g, []).append(q[:3])
    out = _header(terms, prefixes)
    for g in sorted(graphs, key=lambda g: _order(g) if g else (-1, "")):
        out.append("")
        if g:
            out.append(f"{terms.term(g)} {{")
            out.extend(_statements(graphs[g], terms, "  "))
            out.append("}")
        else:
            out.extend(_statements(graphs[g], terms, ""))
    return "\n".join(out) + "\n"


def sorted_nquads(quads: Quads) -> bytes:
    """``quads`` as N-Quads, each once, lines sorted: byte-identical for the same data.

    >>> import pyoxigraph as ox
    >>> g = ox.NamedNode("http://e.org/g")
    >>> qs = [ox.Quad(ox.NamedNode("http://e.org/" + v), ox.NamedNode("http://e.org/p"),
    ...               ox.Literal(v), g) for v in "bab"]
    >>> print(sorted_nquads(qs).decode(), end="")
    <http://e.org/a> <http://e.org/p> "a" <http://e.org/g> .
    <http://e.org/b> <http://e.org/p> "b" <http://e.org/g> .
    """
    return b"".join(_nquad_chunks(quads))


def _nquad_chunks(quads: Quads, size: int = 20_000) -> Iterator[bytes]:
    """:func:`sorted_nquads` a chunk of ``size`` lines at a time, so that a large graph
    is written without its whole text in memory. The quads are sorted as tuples of
    terms, which orders the lines as sorting the lines themselves would: where one
    term is a proper prefix of another (``_:b1``/``_:b12``, ``"x"``/``"x"@en``, a
    default-graph quad and a named one), the line of the shorter goes on with a space
    or `` .``, which sorts before any character that can follow inside a term.

    >>> from kg.rdf.build import NQuad
    >>> qs = [NQuad("_:b12", "<p>", '"x"', ""), NQuad("_:b1", "<p>", '"x"@en', "<g>"),
    ...       NQuad("_:b1", "<p>", '"x"', "<g>"), NQuad("_:b1", "<p>", '"x"', "")]
    >>> lines = [q.line() for q in qs]
    >>> b"".join(_nquad_chunks(qs, size=3)) == "".join(sorted(lines)).encode()
    True
    """
    unique = sorted(set(_strings(quads)))
    for i in range(0, len(unique), size):
        yield "".join([q.line() for q in unique[i:i + size]]).encode("utf-8")


# --------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------
def _write_bytes(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or chunks of bytes) to ``path`` by write-then-rename: a
    fresh file next to it is written and fsync'd, then renamed over ``path`` (and the
    folder fsync'd), so a reader or a crash sees the old bytes or the new ones, never
    a cut file."""
    path = Path(path)
    part = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        with open(part, "wb") as f:
            for chunk in (data,) if isinstance(data, bytes) else data:
                f.write(chunk)
            f.flush()
            checkpoint(f"writing-{path.name}")
            os.fsync(f.fileno())
        os.replace(part, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        raise RdfError(f"{path}: cannot write: {exc.strerror or exc}") from None
    fsync_dir(path.parent)
    return path


def write_nquads(quads: Quads | bytes, path: Path | str) -> Path:
    """Write sorted N-Quads (``quads``, or their :func:`sorted_nquads` bytes)."""
    return _write_bytes(Path(path), quads if isinstance(quads, bytes) else _nquad_chunks(quads))


def write_trig(quads: Quads, path: Path | str, *, base: str | None = None) -> Path:
    """Write canonical TriG of every graph."""
    return _write_bytes(Path(path), trig(quads, base=base).encode("utf-8"))


def write_turtle(quads: Quads, path: Path | str, *, base: str | None = None) -> Path:
    """Write canonical Turtle of the union of all graphs."""
    return _write_bytes(Path(path), turtle(quads, base=base).encode("utf-8"))


def write_jsonld(quads: Quads, path: Path | str, *, context=None) -> Path:
    """Write JSON-LD (see :func:`jsonld`)."""
    return _write_bytes(Path(path), jsonld(quads, context=context).encode("utf-8"))


def write_graph_files(
    quads: Quads,
    out_dir: Path | str,
    *,
    base: str | None = None,
    context=None,
    nquads: bytes | None = None,
) -> list[Path]:
    """Write the graph files (:data:`GRAPH_FILES`) into ``out_dir``.

    Give the exact quads (:func:`kg.rdf.build.build_quads`): a pyoxigraph Store
    reads ``xsd:nonNegativeInteger`` literals back as ``xsd:integer``. ``base`` is
    the base IRI that TriG and Turtle write instance IRIs against; ``context``
    the JSON-LD context (default: ``ontology/context.jsonld``); ``nquads`` the
    :func:`sorted_nquads` of ``quads`` if already made.
    """
    out_dir = Path(out_dir)
    quads = list(_strings(quads))
    return [
        write_trig(quads, out_dir / "graph.trig", base=base),
        write_nquads(quads if nquads is None else nquads, out_dir / "graph.nq"),
        write_turtle(quads, out_dir / "graph.ttl", base=base),
        write_jsonld(quads, out_dir / "graph.jsonld", context=context),
    ]


def write_json(data, path: Path | str) -> Path:
    """Write ``data`` as deterministic JSON (sorted keys, two-space indent, final newline).

    >>> import tempfile, pathlib
    >>> p = write_json({"b": 1, "a": [2]}, pathlib.Path(tempfile.mkdtemp()) / "m.json")
    >>> print(p.read_text(), end="")
    {
      "a": [
        2
      ],
      "b": 1
    }
    >>> sha256_file(p)[:12]
    'cd6468ed3173'
    """
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    return _write_bytes(Path(path), text.encode("utf-8"))


def sha256_file(path: Path | str) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()

