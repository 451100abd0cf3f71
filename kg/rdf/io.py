"""Reading and writing graph files, and publishing an output folder atomically.

The JSON-LD writer lives in :mod:`kg.rdf.jsonld`, the readers in :mod:`kg.rdf.read` and
the term order every writer shares in :mod:`kg.rdf.quadtext`; their names are importable
from here too.

Writers are deterministic: the same quads give the same bytes, whatever their order.
The files of a build (:func:`write_graph_files`) are written in bounded memory
whatever the size of the graph: the quads are read once, as a stream, sorted by runs
on disk (:class:`kg.rdf.runs.SortedQuads`) and each file is written as its runs are
merged, node by node; no file's text, and no grouping of the graph, is held.

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
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path

import pyoxigraph as ox

from kg.errors import RdfError
from kg.rdf.namespaces import PREFIXES
from kg.rdf.publish import checkpoint, fsync_dir, published_dir
from kg.rdf.quadtext import _INTEGER, _LOCAL, _RDF_TYPE, _XSD, NQuad, Quads
from kg.rdf.jsonld import CACHED_IRIS, jsonld, jsonld_chunks, load_context  # noqa: F401
from kg.rdf.runs import SortedQuads
import kg.rdf.jsonld as jsonld_module
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
        self.forms: dict[str, str] = {}  # N-Triples term -> as written (bounded, see term)

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
        """An N-Triples term in Turtle (an IRI or a typed literal remembered as written)."""
        out = self.forms.get(nt)
        if out is None:
            if nt[0] == "<":
                out = self._iri(nt[1:-1])
            elif nt[0] == '"' and nt[-1] == ">":
                out = self._typed(nt)
            else:
                return nt  # a simple or language-tagged literal, or a blank node
            if len(self.forms) >= jsonld_module.CACHED_IRIS:  # bounded, as the IRIs'
                self.forms.clear()
            self.forms[nt] = out
        return out

    def _typed(self, nt: str) -> str:
        lex, _, dt = nt.rpartition('"^^<')
        dt = dt[:-1]
        value = lex[1:]
        if dt == _XSD + "integer" and _INTEGER.match(value):
            return value
        if dt == _XSD + "boolean" and value in ("true", "false"):
            return value
        return f'{lex}"^^{self._iri(dt)}'


def _header(terms: _Terms, prefixes: dict[str, str]) -> list[str]:
    lines = [f"@base <{terms.base}> ."] if terms.base else []
    lines += [f"@prefix {name}: <{ns}> ." for name, ns in prefixes.items()]
    return lines


def _statements(triples: Iterable[tuple[str, ...]], terms: _Terms, indent: str) -> Iterator[str]:
    """One Turtle statement per subject, from triples (or quads of one graph) sorted by
    subject, predicate (``rdf:type`` first) and object, each once (:mod:`kg.rdf.runs`)."""
    sep = f" ;\n{indent}    "
    term = terms.term
    for s, rows in groupby(triples, key=itemgetter(0)):
        parts = []
        for p, objs in groupby(rows, key=itemgetter(1)):
            name = "a" if p == _RDF_TYPE else term(p)
            parts.append(f"{name} " + ", ".join([term(row[2]) for row in objs]))
        yield f"{indent}{term(s)} {sep.join(parts)} ."


def _lines_text(lines: Iterable[str]) -> Iterator[str]:
    """``"\\n".join(lines) + "\\n"``, a line at a time."""
    empty = True
    for line in lines:
        empty = False
        yield line + "\n"
    if empty:
        yield "\n"


def _turtle_lines(triples: Iterable[tuple[str, str, str]], prefixes: dict[str, str] | None,
                  base: str | None) -> Iterator[str]:
    prefixes = dict(PREFIXES if prefixes is None else prefixes)
    terms = _Terms(prefixes, base)
    yield from _header(terms, prefixes)
    yield ""
    yield from _statements(triples, terms, "")


def _trig_lines(quads: Iterable[NQuad], prefixes: dict[str, str] | None, base: str | None) -> Iterator[str]:
    prefixes = dict(PREFIXES if prefixes is None else prefixes)
    terms = _Terms(prefixes, base)
    yield from _header(terms, prefixes)
    for g, in_graph in groupby(quads, key=attrgetter("g")):
        yield ""
        if g:  # the quads of a graph as its triples (their graph name is not read)
            yield f"{terms.term(g)} {{"
            yield from _statements(in_graph, terms, "  ")
            yield "}"
        else:
            yield from _statements(in_graph, terms, "")


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
    return "".join(_lines_text(_turtle_lines(SortedQuads(quads).triples(), prefixes, base)))


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
    return "".join(_lines_text(_trig_lines(SortedQuads(quads).by_graph(), prefixes, base)))


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
    return b"".join(SortedQuads(quads).lines())


def _nquad_chunks(quads: Quads, size: int = 20_000, *, folder: Path | None = None,
                  run_quads: int | None = None) -> Iterator[bytes]:
    """:func:`sorted_nquads` a chunk of ``size`` lines at a time; with ``folder``, sorted
    there by runs (:class:`~kg.rdf.runs.SortedQuads`), so that a large graph is written
    without its text, or its quads, in memory. The quads are sorted as tuples of terms
    in a run, and the runs merged by line, which is one order: where one term is a
    proper prefix of another (``_:b1``/``_:b12``, ``"x"``/``"x"@en``, a default-graph
    quad and a named one), the line of the shorter goes on with a space or `` .``,
    which sorts before any character that can follow inside a term.

    >>> from kg.rdf.build import NQuad
    >>> import tempfile
    >>> qs = [NQuad("_:b12", "<p>", '"x"', ""), NQuad("_:b1", "<p>", '"x"@en', "<g>"),
    ...       NQuad("_:b1", "<p>", '"x"', "<g>"), NQuad("_:b1", "<p>", '"x"', "")]
    >>> lines = [q.line() for q in qs]
    >>> b"".join(_nquad_chunks(qs, size=3)) == "".join(sorted(lines)).encode()
    True
    >>> sorted_runs = _nquad_chunks(qs + qs[::-1], folder=Path(tempfile.mkdtemp()), run_quads=1)
    >>> b"".join(sorted_runs) == "".join(sorted(lines)).encode()
    True
    """
    with SortedQuads(quads, folder, run_quads=run_quads) as sq:
        yield from sq.chunks(size)


def _encoded(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    """Pieces of text as UTF-8, about ``size`` characters a chunk."""
    buf: list[str] = []
    n = 0
    for piece in pieces:
        buf.append(piece)
        n += len(piece)
        if n >= size:
            yield "".join(buf).encode("utf-8")
            buf, n = [], 0
    if buf:
        yield "".join(buf).encode("utf-8")


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
    except BaseException:  # an error while making the chunks: no part file left
        with contextlib.suppress(OSError):
            part.unlink()
        raise
    fsync_dir(path.parent)
    return path


def write_nquads(quads: Quads | bytes, path: Path | str) -> Path:
    """Write sorted N-Quads (``quads``, or their :func:`sorted_nquads` bytes); a large
    graph is sorted by runs in a hidden folder next to ``path``."""
    path = Path(path)
    if isinstance(quads, bytes):
        return _write_bytes(path, quads)
    with SortedQuads(quads, path.parent) as sq:
        return _write_bytes(path, sq.chunks())


def write_trig(quads: Quads, path: Path | str, *, base: str | None = None) -> Path:
    """Write canonical TriG of every graph (sorted by runs next to ``path``)."""
    path = Path(path)
    with SortedQuads(quads, path.parent) as sq:
        return _write_trig(sq, path, base)


def write_turtle(quads: Quads, path: Path | str, *, base: str | None = None) -> Path:
    """Write canonical Turtle of the union of all graphs (sorted by runs next to ``path``)."""
    path = Path(path)
    with SortedQuads(quads, path.parent) as sq:
        return _write_turtle(sq, path, base)


def write_jsonld(quads: Quads, path: Path | str, *, context=None) -> Path:
    """Write JSON-LD (see :func:`jsonld`; sorted by runs next to ``path``)."""
    path = Path(path)
    with SortedQuads(quads, path.parent) as sq:
        return _write_jsonld(sq, path, context)


def _write_trig(sq: SortedQuads, path: Path, base: str | None) -> Path:
    return _write_bytes(path, _encoded(_lines_text(_trig_lines(sq.by_graph(), None, base))))


def _write_turtle(sq: SortedQuads, path: Path, base: str | None) -> Path:
    return _write_bytes(path, _encoded(_lines_text(_turtle_lines(sq.triples(), None, base))))


def _write_jsonld(sq: SortedQuads, path: Path, context) -> Path:
    chunks = jsonld_chunks(sq.by_graph(), context=context)  # the context checked first
    return _write_bytes(path, _encoded(chunks))


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

    ``quads`` may be any iterable (a stream, with repeats): it is read once, and
    sorted by runs in a hidden folder of ``out_dir`` (:class:`~kg.rdf.runs.SortedQuads`,
    removed before this returns), from which each file is written as it is merged:
    memory stays bounded whatever the number of quads.
    """
    out_dir = Path(out_dir)
    with SortedQuads(quads, out_dir) as sq:
        return [
            _write_trig(sq, out_dir / "graph.trig", base),
            _write_bytes(out_dir / "graph.nq", sq.chunks() if nquads is None else nquads),
            _write_turtle(sq, out_dir / "graph.ttl", base),
            _write_jsonld(sq, out_dir / "graph.jsonld", context),
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

