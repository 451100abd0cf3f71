"""Reading and writing graph files, and publishing an output folder atomically.

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

>>> import pyoxigraph as ox
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
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from kg.errors import RdfError
from kg.rdf.build import NQuad, nquad
from kg.rdf.namespaces import NKG, PREFIXES, RDF, XSD
from kg.rdf.publish import checkpoint, fsync_dir, published_dir

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

Quads = Iterable["NQuad | ox.Quad | ox.Triple"]

_RDF_TYPE = f"<{RDF.type}>"
_XSD = str(XSD)
_XSD_STRING = _XSD + "string"
_INTEGER = re.compile(r"^-?(0|[1-9][0-9]*)$")
# A local name that every Turtle parser accepts after a prefix (a safe subset of PN_LOCAL).
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]*)$")


def _strings(quads: Quads) -> Iterator[NQuad]:
    for q in quads:
        yield q if isinstance(q, NQuad) else nquad(q)


def _order(nt: str) -> tuple[int, str]:
    """Sort key of an N-Triples term: IRIs by their text (so <a> sorts before <a/b>),
    then blank nodes, then literals."""
    if nt[0] == "<":
        return (0, nt[1:-1])
    return (1, nt) if nt[0] == "_" else (2, nt)


def _pred_order(nt: str) -> tuple[int, str]:
    return (0, "") if nt == _RDF_TYPE else _order(nt)


def _group(triples: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, set[str]]]:
    subjects: dict[str, dict[str, set[str]]] = {}
    for s, p, o in triples:
        preds = subjects.get(s)
        if preds is None:
            preds = subjects[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = {o}
        else:
            objs.add(o)
    return subjects


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
# JSON-LD
# --------------------------------------------------------------------------
_GEN_DELIMS = tuple("/#:?[]@")
_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_SIMPLE_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _UNESCAPE.sub(
        lambda m: chr(int(m.group(1) or m.group(2), 16)) if (m.group(1) or m.group(2))
        else _SIMPLE_ESCAPES[m.group(3)], text)


def _literal_parts(nt: str) -> tuple[str, str | None, str | None]:
    """``(lexical form, datatype IRI or None, language or None)`` of an N-Triples literal."""
    if nt[-1] == '"':
        return _unescape(nt[1:-1]), None, None
    if nt[-1] == ">":
        i = nt.rindex('"^^<')
        dt = nt[i + 4:-1]
        return _unescape(nt[1:i]), (None if dt == _XSD_STRING else dt), None
    i = nt.rindex('"@')
    return _unescape(nt[1:i]), None, nt[i + 2:]


def load_context(path: Path | str | None = None):
    """The ``@context`` of ``ontology/context.jsonld`` (or ``path``), checked to be local.

    >>> load_context()["nkg"]
    'https://w3id.org/negotiation-kg/ontology#'
    """
    if path is None:
        from kg.resources import ontology_file

        path = ontology_file("context.jsonld")
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RdfError(f"{path}: cannot read the JSON-LD context: {exc}") from None
    ctx = data.get("@context") if isinstance(data, dict) else None
    if ctx is None:
        raise RdfError(f"{path}: no '@context' in the JSON-LD context file")
    _check_local_context(ctx, path)
    return ctx


class _Compactor:
    """Compacts terms with a local context: the terms, prefixes and keyword aliases it
    defines. Only simple term definitions (``@id`` and optionally ``@type``) are used;
    anything else is written in expanded form, which is always correct."""

    def __init__(self, context) -> None:
        merged: dict = {}
        for part in context if isinstance(context, list) else [context]:
            if isinstance(part, dict):
                merged.update(part)
        self.raw = merged
        self.alias = {"@id": "@id", "@type": "@type", "@graph": "@graph"}
        self.prefixes: list[tuple[str, str]] = []
        self.vocab_terms: dict[str, str] = {}  # IRI -> term, for @type and @vocab values
        self.properties: dict[str, list[tuple[str, str | None]]] = {}  # IRI -> [(term, coercion)]
        for term in sorted(merged):
            if term.startswith("@"):
                continue
            value = merged[term]
            if isinstance(value, str) and value in self.alias and self.alias[value] == value:
                self.alias[value] = term
                continue
            if isinstance(value, str):
                iri, coercion = self.expand(value), None
                if iri and value.endswith(_GEN_DELIMS) and ":" in value:
                    self.prefixes.append((term, iri))
            elif isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
                iri = self.expand(value["@id"])
                coercion = value.get("@type")
                if coercion is not None and coercion not in ("@id", "@vocab"):
                    coercion = self.expand(coercion)
                    if coercion is None:
                        continue
            else:
                continue
            if iri is None or ":" in term:
                continue
            self.vocab_terms.setdefault(iri, term)
            self.properties.setdefault(iri, []).append((term, coercion))
        self.prefixes.sort(key=lambda kv: (-len(kv[1]), kv[0]))
        self.cache: dict[str, str] = {}

    def expand(self, value: str, depth: int = 0) -> str | None:
        if value.startswith("@") or depth > 8:
            return None
        prefix, sep, suffix = value.partition(":")
        if not sep:
            return None
        if not suffix.startswith("//"):
            definition = self.raw.get(prefix)
            if isinstance(definition, dict):
                definition = definition.get("@id")
            if isinstance(definition, str):
                base = self.expand(definition, depth + 1)
                if base is not None:
                    return base + suffix
        return value

    def iri(self, iri: str) -> str:
        """A compact IRI (``prefix:local``) or the IRI, for @id positions."""
        out = self.cache.get(iri)
        if out is None:
            out = iri
            for name, ns in self.prefixes:
                if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                    out = f"{name}:{iri[len(ns):]}"
                    break
            self.cache[iri] = out
        return out

    def vocab(self, iri: str) -> str:
        """A term, compact IRI or IRI, for @type values and @vocab-coerced values."""
        return self.vocab_terms.get(iri) or self.iri(iri)

    def key(self, prop: str, first_object: str) -> tuple[str, str | None]:
        """The key for a property and the type coercion it implies."""
        choices = self.properties.get(prop)
        if not choices:
            return self.iri(prop), None
        if first_object[0] == "<":
            wanted = ("@id", "@vocab")
        else:
            _, dt, lang = _literal_parts(first_object)
            wanted = (dt,) if dt and not lang else (None,)
        for term, coercion in choices:
            if coercion in wanted:
                return term, coercion
        return choices[0]

    def value(self, nt: str, coercion: str | None):
        if nt[0] == "<":
            iri = nt[1:-1]
            if coercion == "@id":
                return self.iri(iri)
            if coercion == "@vocab":
                return self.vocab(iri)
            return {self.alias["@id"]: self.iri(iri)}
        if nt[0] == "_":
            return {self.alias["@id"]: nt}
        lex, dt, lang = _literal_parts(nt)
        if lang:
            return {"@value": lex, "@language": lang}
        if dt is None:
            return lex if coercion is None else {"@value": lex}
        if dt == coercion:
            return lex
        return {"@value": lex, self.alias["@type"]: self.vocab(dt)}

    def node(self, s: str, preds: dict[str, set[str]]) -> dict:
        node: dict = {self.alias["@id"]: self.iri(s[1:-1]) if s[0] == "<" else s}
        types = preds.get(_RDF_TYPE)
        if types and all(t[0] == "<" for t in types):
            values = [self.vocab(t[1:-1]) for t in sorted(types, key=_order)]
            node[self.alias["@type"]] = values[0] if len(values) == 1 else values
        props: dict[str, list] = {}
        for p in sorted(preds, key=_order):
            if p == _RDF_TYPE and self.alias["@type"] in node:
                continue
            objs = sorted(preds[p], key=_order)
            key, coercion = self.key(p[1:-1], objs[0])
            props.setdefault(key, []).extend(self.value(o, coercion) for o in objs)
        for key in sorted(props):
            values = props[key]
            node[key] = values[0] if len(values) == 1 else values
        return node


def jsonld(quads: Quads, *, context=None) -> str:
    """JSON-LD of ``quads``, compacted with ``context`` (default: the project's
    ``ontology/context.jsonld``), which is embedded, never fetched.

    One entry per named graph, one node object a line; graphs, nodes, keys and
    values sorted, so the same quads always give the same text.

    >>> import pyoxigraph as ox
    >>> ctx = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "label": "rdfs:label"}
    >>> q = ox.Quad(ox.NamedNode("https://e.org/x"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
    ...             ox.Literal("X"), ox.NamedNode("https://e.org/g"))
    >>> print(jsonld([q], context=ctx), end="")
    {
      "@context": {
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "label": "rdfs:label"
      },
      "@graph": [
        {"@id": "https://e.org/g", "@graph": [
          {"@id": "https://e.org/x", "label": "X"}
        ]}
      ]
    }
    """
    if context is None:
        context = load_context()
    else:
        _check_local_context(context, "<context>")
    c = _Compactor(context)
    graphs: dict[str, list[tuple[str, str, str]]] = {}
    for q in _strings(quads):
        graphs.setdefault(q.g, []).append(q[:3])
    dump = json.dumps
    entries: list[str] = []
    for g in sorted(graphs, key=lambda g: _order(g) if g else (-1, "")):
        subjects = _group(graphs[g])
        nodes = [dump(c.node(s, subjects[s]), ensure_ascii=False) for s in sorted(subjects, key=_order)]
        if g:
            gid = c.iri(g[1:-1]) if g[0] == "<" else g
            head = "{" + dump(c.alias["@id"]) + ": " + dump(gid, ensure_ascii=False) + ", " + dump(c.alias["@graph"]) + ": ["
            entries.append("    " + head + "\n" + ",\n".join("      " + n for n in nodes) + "\n    ]}")
        else:
            entries.extend("    " + n for n in nodes)
    ctx_text = dump(context, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return (
        "{\n  \"@context\": " + ctx_text + ",\n  " + dump(c.alias["@graph"]) + ": [\n"
        + ",\n".join(entries) + "\n  ]\n}\n"
    )


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

# --------------------------------------------------------------------------
# reading (never fetching anything)
# --------------------------------------------------------------------------
#: Graph file extensions :func:`read_quads` reads, and their formats.
GRAPH_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def _context_file(ref: str, source: Path | str, folder: Path | None, seen: tuple[Path, ...]):
    """The ``@context`` of the local file a relative context reference names (relative
    to ``folder``), its own context references inlined; RdfError for anything that is
    not a local file. Errors name ``source``, the document being read."""
    parts = urlsplit(ref)
    local = folder is not None and not (parts.scheme or parts.netloc or parts.query) and parts.path
    if not local:
        where = " and local context files" if folder is not None else ""
        raise RdfError(f"{source}: the remote JSON-LD context {ref!r} is not fetched "
                       f"(only inline contexts{where} are read)")
    path = (folder / unquote(parts.path)).resolve()
    if path in seen:
        raise RdfError(f"{source}: the JSON-LD context file {path} includes itself")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as exc:
        raise RdfError(f"{source}: cannot read the JSON-LD context file {ref!r}: {exc}") from None
    if not isinstance(data, dict) or "@context" not in data:
        raise RdfError(f"{source}: no '@context' in the JSON-LD context file {path}")
    return _local_context(data["@context"], source, path.parent, (*seen, path))


def _local_context(ctx, source: Path | str, folder: Path | None = None, seen: tuple[Path, ...] = ()):
    """``ctx`` with every context file it names inlined. Raises RdfError for anything
    that would make a JSON-LD processor fetch a remote document: a context given by
    URL, an ``@import``, in scoped contexts too. Relative references are read from
    ``folder`` when given, else refused as well."""
    if isinstance(ctx, str):
        return _context_file(ctx, source, folder, seen)
    if isinstance(ctx, list):
        return [_local_context(item, source, folder, seen) for item in ctx]
    if isinstance(ctx, dict):
        if "@import" in ctx:
            raise RdfError(f"{source}: '@import' of the JSON-LD context {ctx['@import']!r} is not "
                           "fetched (only inline contexts are read)")
        return _local_jsonld(ctx, source, folder, seen)  # scoped contexts of term definitions
    if ctx is None:
        return None
    raise RdfError(f"{source}: a JSON-LD context is an object, not {type(ctx).__name__}")


def _check_local_context(ctx, where: Path | str) -> None:
    """Refuse a JSON-LD context that would make a processor fetch a remote document."""
    _local_context(ctx, where)


def _local_jsonld(node, source: Path | str, folder: Path | None = None, seen: tuple[Path, ...] = ()):
    """A JSON-LD document with every ``@context`` checked by :func:`_local_context`."""
    if isinstance(node, dict):
        return {key: _local_context(value, source, folder, seen) if key == "@context"
                else _local_jsonld(value, source, folder, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_local_jsonld(item, source, folder, seen) for item in node]
    return node


def check_jsonld_local(data, source: str = "<json-ld>") -> None:
    """Raise RdfError if a JSON-LD document would make a processor fetch a remote
    document: a context given by reference (a string), an ``@import``, anywhere,
    including contexts scoped to terms and nested nodes.

    >>> check_jsonld_local({"@context": {"name": "https://schema.org/name"}, "name": "x"})
    >>> check_jsonld_local({"@context": "http://127.0.0.1:9/ctx.jsonld"}, "a.jsonld")
    Traceback (most recent call last):
    kg.errors.RdfError: a.jsonld: the remote JSON-LD context 'http://127.0.0.1:9/ctx.jsonld' is not fetched (only inline contexts are read)
    """
    _local_jsonld(data, source)


def _graph_file(path: Path) -> Path:
    if path.is_dir():
        for name in ("graph.trig", "graph.nq"):
            if (path / name).is_file():
                return path / name
        raise RdfError(f"{path}: no graph.trig or graph.nq in this folder (run 'kg build')")
    if not path.is_file():
        raise RdfError(f"{path}: no such graph file or folder (run 'kg build')")
    return path


def read_quads(path: Path | str) -> list[ox.Quad]:
    """The quads of a graph file, or of a build folder (its ``graph.trig``, else
    ``graph.nq``), exactly as written (a Store would give integer literals of
    derived datatypes back as ``xsd:integer``).

    The format comes from the extension (see :data:`GRAPH_FORMATS`). Nothing is
    ever fetched: a JSON-LD file whose contexts are not inline or in local files
    is refused before any parser sees it; JSON-LD that pyoxigraph refuses (a
    context given as a relative file...) is read by rdflib. Triples of a file
    without graphs (Turtle, N-Triples, RDF/XML, N3) go into the graph that the
    file declares ``a nkg:ConsolidatedGraph``, so the bundled queries work on
    ``graph.ttl`` too; else they stay in the default graph. Errors are
    :class:`RdfError` naming the file (and line and column).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<https://e.org/v> a <https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph> .")
    >>> [q.graph_name.value for q in read_quads(p)]
    ['https://e.org/v']
    >>> read_quads("no/such/dir")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.RdfError: no/such/dir: no such graph file or folder ...
    """
    path = _graph_file(Path(path))
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(GRAPH_FORMATS))
        raise RdfError(f"{path}: unknown graph file extension {path.suffix!r} (known: {known})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RdfError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return _parse(data, fmt, path, path.resolve().parent)


def _parse(data: bytes, fmt: ox.RdfFormat, source: Path | str, folder: Path | None) -> list[ox.Quad]:
    """The quads of ``data``; ``folder`` holds the local JSON-LD context files (None: none are read)."""
    if fmt == ox.RdfFormat.JSON_LD:
        return _parse_jsonld(data, source, folder)
    try:
        quads = list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError) as exc:
        raise RdfError(f"{source}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    return quads if fmt.supports_datasets else _into_consolidated_graph(quads)


def _into_consolidated_graph(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Triples of the default graph moved into the one graph that declares itself
    ``a nkg:ConsolidatedGraph`` (unchanged when none or several do)."""
    marker, rdf_type = str(NKG.ConsolidatedGraph), str(RDF.type)
    views = {q.subject for q in quads
             if isinstance(q.graph_name, ox.DefaultGraph) and isinstance(q.subject, ox.NamedNode)
             and q.predicate.value == rdf_type and q.object.value == marker}
    if len(views) != 1:
        return quads
    (view,) = views
    return [ox.Quad(q.subject, q.predicate, q.object, view) if isinstance(q.graph_name, ox.DefaultGraph)
            else q for q in quads]


def _parse_jsonld(data: bytes, source: Path | str, folder: Path | None) -> list[ox.Quad]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeError, ValueError) as exc:
        raise RdfError(f"{source}: not JSON: {exc}") from None
    inlined = _local_jsonld(doc, source, folder)  # raises before any parser sees a remote context
    try:
        return list(ox.parse(data, format=ox.RdfFormat.JSON_LD))
    except (SyntaxError, ValueError) as exc:
        base = Path(source).resolve().as_uri() if isinstance(source, Path) else None
        return _parse_jsonld_with_rdflib(inlined, source, base, first_error=exc)


def _parse_jsonld_with_rdflib(doc, source: Path | str, base: str | None, *,
                              first_error: Exception) -> list[ox.Quad]:
    """rdflib reads JSON-LD that pyoxigraph refuses, e.g. a context given as a relative
    file; it gets the document with those contexts inlined, so it fetches nothing."""
    from rdflib import BNode, Dataset, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    dataset = Dataset()
    try:
        dataset.parse(data=json.dumps(doc), format="json-ld", publicID=base)
    except Exception as exc:  # rdflib's JSON-LD parser raises many kinds of errors
        raise RdfError(f"{source}: not valid JSON-LD: {_one_line(str(first_error))}; "
                       f"rdflib: {_one_line(str(exc))}") from None

    def term(node):
        if isinstance(node, URIRef):
            return ox.NamedNode(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)

    try:
        return [ox.Quad(term(s), term(p), term(o),
                        ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID else term(g))
                for s, p, o, g in dataset.quads()]
    except ValueError as exc:
        raise RdfError(f"{source}: invalid RDF term in JSON-LD: {exc}") from None


def load_graph(path: Path | str) -> ox.Store:
    """:func:`read_quads` into a new in-memory Store (for querying).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<https://e.org/v> a <https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph> .")
    >>> [g.value for g in load_graph(p).named_graphs()]
    ['https://e.org/v']
    """
    store = ox.Store()
    store.extend(read_quads(path))
    return store


def store_from_text(text: str, format: str = "trig") -> ox.Store:
    """A Store holding a graph given as text (for examples and tests); ``format`` is
    an extension of :data:`GRAPH_FORMATS` without its dot. Read as :func:`read_quads`
    reads a file, except that JSON-LD contexts must all be inline.

    >>> len(store_from_text("<http://e.org/g> { <http://e.org/a> <http://e.org/b> <http://e.org/c> }"))
    1
    """
    fmt = GRAPH_FORMATS.get("." + format.lower().lstrip("."))
    if fmt is None:
        raise RdfError(f"<{format} text>: unknown graph format {format!r}")
    store = ox.Store()
    store.extend(_parse(text.encode("utf-8"), fmt, f"<{format} text>", None))
    return store


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
