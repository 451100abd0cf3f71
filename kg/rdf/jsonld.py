"""JSON-LD out of quads: compacted with the project's context (embedded, never fetched), a named graph per entry, one node object per subject, written node by node from sorted quads (:mod:`kg.rdf.runs`); and the context file itself."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter
from pathlib import Path

from kg.errors import RdfError
from kg.rdf.quadtext import NQuad, Quads, _LOCAL, _RDF_TYPE, _XSD_STRING, _order
from kg.rdf.read import _check_local_context
from kg.rdf.runs import SortedQuads

#: IRIs whose written form the TriG, Turtle and JSON-LD writers remember (then they
#: start again): the memory of a cache that would otherwise grow with the graph.
CACHED_IRIS = 50_000


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
            if len(self.cache) >= CACHED_IRIS:  # bounded: a large graph has millions of IRIs
                self.cache.clear()
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

    def node(self, s: str, preds: dict[str, list[str]]) -> dict:
        """The node object of ``s``; ``preds`` its predicates and their objects, each
        object once and in :func:`~kg.rdf.quadtext._order` (as :func:`_preds` reads them)."""
        node: dict = {self.alias["@id"]: self.iri(s[1:-1]) if s[0] == "<" else s}
        types = preds.get(_RDF_TYPE)
        if types and all(t[0] == "<" for t in types):
            values = [self.vocab(t[1:-1]) for t in types]
            node[self.alias["@type"]] = values[0] if len(values) == 1 else values
        props: dict[str, list] = {}
        for p in sorted(preds, key=_order):
            if p == _RDF_TYPE and self.alias["@type"] in node:
                continue
            objs = preds[p]
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
    return "".join(jsonld_chunks(SortedQuads(quads).by_graph(), context=context))


def jsonld_chunks(quads: Iterable[NQuad], *, context=None) -> Iterator[str]:
    """:func:`jsonld` as pieces of text, from quads sorted graph by graph then by
    subject, each once (:meth:`kg.rdf.runs.SortedQuads.by_graph`): one node object
    is made at a time, so the text of a graph of any size streams in bounded memory.
    The context is read and checked before the first piece.

    >>> from kg.rdf.build import NQuad
    >>> q = NQuad("<https://e.org/x>", "<https://e.org/p>", '"X"', "")
    >>> print("".join(jsonld_chunks([q], context={})), end="")
    {
      "@context": {},
      "@graph": [
        {"@id": "https://e.org/x", "https://e.org/p": "X"}
      ]
    }
    """
    if context is None:
        context = load_context()
    else:
        _check_local_context(context, "<context>")
    return _chunks(quads, context, _Compactor(context))


def _chunks(quads: Iterable[NQuad], context, c: _Compactor) -> Iterator[str]:
    dump = json.dumps
    ctx_text = dump(context, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    yield "{\n  \"@context\": " + ctx_text + ",\n  " + dump(c.alias["@graph"]) + ": [\n"
    first = True
    for g, in_graph in groupby(quads, key=attrgetter("g")):
        nodes = (dump(c.node(s, _preds(rows)), ensure_ascii=False)
                 for s, rows in groupby(in_graph, key=attrgetter("s")))
        if g:
            gid = c.iri(g[1:-1]) if g[0] == "<" else g
            head = ("{" + dump(c.alias["@id"]) + ": " + dump(gid, ensure_ascii=False) + ", "
                    + dump(c.alias["@graph"]) + ": [")
            yield ("" if first else ",\n") + "    " + head + "\n"
            yield "      " + next(nodes)
            for n in nodes:
                yield ",\n      " + n
            yield "\n    ]}"
            first = False
        else:
            for n in nodes:
                yield ("" if first else ",\n") + "    " + n
                first = False
    yield "\n  ]\n}\n"


def _preds(quads: Iterable[NQuad]) -> dict[str, list[str]]:
    """A subject's predicates and their objects, from its quads in the order of
    :meth:`kg.rdf.runs.SortedQuads.by_graph` (each once, objects in
    :func:`~kg.rdf.quadtext._order`): the objects of each predicate in that order."""
    preds: dict[str, list[str]] = {}
    for q in quads:
        objs = preds.get(q.p)
        if objs is None:
            preds[q.p] = [q.o]
        else:
            objs.append(q.o)
    return preds
