"""Records -> RDF quads in the published vocabulary.

Layout (see ``docs/decisions/20261126-iri-scheme.md``): one named graph per
document (``<base>graph/doc/<id>``) holding the document node and everything
extracted from it; the ontology in ``<base>graph/ontology``;
``<base>graph/current``, the deduplicated union of the document graphs, which
marks itself ``a nkg:ConsolidatedGraph``. Nothing goes in the default graph, no
blank node is ever written, every IRI comes from :class:`~kg.rdf.iris.IriMinter`
and passes :func:`~kg.rdf.iris.check_iri`.

Quads are built as :class:`NQuad` tuples of N-Triples term strings: they are
exact (a pyoxigraph ``Store`` reads ``xsd:nonNegativeInteger`` back as
``xsd:integer``; see ``docs/decisions/20261126-engine.md``), cheap to make,
dedupe and sort, and are what the writers of :mod:`kg.rdf.io` print.
:func:`to_store` loads them into a pyoxigraph Store for SPARQL.

The term strings and :class:`NQuad` live in :mod:`kg.rdf.terms`, one document's
graph in :mod:`kg.rdf.doc_graph`, the counts of a built graph in
:mod:`kg.rdf.stats`; this module puts the graphs together and re-exports their
public names.

>>> from datetime import date
>>> from kg.records import Document, Extraction
>>> doc = Document(id="d1", source="d1.txt", text="Talks.", sha256="0",
...                published=date(2025, 7, 20))
>>> quads = build_quads([Extraction(doc)], base_iri="https://example.org/", ontology=None)
>>> sorted({q.g for q in quads})
['<https://example.org/graph/current>', '<https://example.org/graph/doc/d1>']
>>> [q.o for q in quads if q.p.endswith("issued>")]
['"2025-07-20"^^<http://www.w3.org/2001/XMLSchema#date>', '"2025-07-20"^^<http://www.w3.org/2001/XMLSchema#date>']
>>> graph_stats(to_store(quads)).documents
1
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import RdfError
from kg.records import Extraction
from kg.rdf.doc_graph import _extraction_quads, _Nodes, extraction_quads
from kg.rdf.iris import IriMinter, check_iri
from kg.rdf.namespaces import DEFAULT_BASE_IRI, ONTOLOGY_IRI
from kg.rdf.stats import GraphStats, graph_stats
from kg.rdf.terms import _TYPE, NQuad, _P, literal, nquad

__all__ = [
    "NQuad",
    "GraphStats",
    "build_quads",
    "build_store",
    "extraction_quads",
    "ontology_quads",
    "to_store",
    "nquad",
    "graph_stats",
    "literal",
]

log = logging.getLogger(__name__)


def ontology_quads(minter: IriMinter, path: Path | str | None = None) -> list[NQuad]:
    """The ontology (``ontology/kg.ttl`` unless ``path`` is given) in ``<base>graph/ontology``.

    Blank nodes (OWL lists, restrictions) are replaced by deterministic IRIs
    under the ontology graph (``.../graph/ontology/genid/c14nN``, named by
    RDF canonicalization), so the published graph never holds a blank node.

    >>> quads = ontology_quads(IriMinter("https://example.org/"))
    >>> {q.g for q in quads}
    {'<https://example.org/graph/ontology>'}
    >>> any(q.s == "<https://w3id.org/negotiation-kg/ontology#NegotiationRound>" for q in quads)
    True
    """
    if path is None:
        from kg.resources import ontology_file

        path = ontology_file("kg.ttl")
    path = Path(path)
    graph = f"<{minter.ontology_graph}>"
    try:
        triples = list(ox.parse(path=str(path), base_iri=ONTOLOGY_IRI))
    except (SyntaxError, ValueError, OSError) as exc:
        raise RdfError(f"{path}: cannot read the ontology: {exc}") from None
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
           for t in triples):
        dataset = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        triples = list(dataset)

    def term(t) -> str:
        if isinstance(t, ox.BlankNode):
            return f"<{check_iri(f'{minter.ontology_graph}/genid/{t.value}')}>"
        return str(t)

    return sorted({NQuad(term(t.subject), str(t.predicate), term(t.object), graph) for t in triples})


def build_quads(
    extractions: Iterable[Extraction],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    minter: IriMinter | None = None,
    ontology: Path | str | None | bool = True,
    on_document: Callable[[Extraction, int], None] | None = None,
) -> list[NQuad]:
    """The published graph of ``extractions``: every quad once, in no particular order.

    Each document's quads go into its own graph and, deduplicated, into
    ``<base>graph/current``, which marks itself ``a nkg:ConsolidatedGraph``.
    ``ontology`` is True for the bundled ``ontology/kg.ttl``, a path for another
    file, or None/False to leave the ontology graph out (tests of the document
    graphs). ``on_document(extraction, quads)`` is called after each document
    (progress, logging). Two documents with the same id are an error: their
    graphs would overwrite each other.

    >>> from kg.records import Document, Extraction
    >>> docs = [Document(id=i, source=f"{i}.txt", text="x", sha256="0") for i in "ab"]
    >>> quads = build_quads([Extraction(d) for d in docs], ontology=None)
    >>> sorted({q.g.rsplit("/graph/", 1)[1] for q in quads})
    ['current>', 'doc/a>', 'doc/b>']
    """
    minter = minter or IriMinter(base_iri)
    nodes = _Nodes(minter)
    current = nodes.iri(minter.current_graph)
    out: list[NQuad] = [NQuad(current, _TYPE, _P.ConsolidatedGraph, current)]
    if ontology is True:
        out += ontology_quads(minter)
    elif ontology:
        out += ontology_quads(minter, ontology)
    union: set[tuple[str, str, str]] = set()
    seen: dict[str, str] = {}
    for x in extractions:
        doc = x.document
        if doc.id in seen:
            raise RdfError(
                f"{doc.source}: document id {doc.id!r} is already used by {seen[doc.id]}"
            )
        seen[doc.id] = doc.source if doc.line is None else f"{doc.source}:{doc.line}"
        quads = _extraction_quads(x, nodes)
        out += quads
        union.update(q[:3] for q in quads)
        log.debug("%s: %d quads", doc.id, len(quads))
        if on_document is not None:
            on_document(x, len(quads))
    union.discard((current, _TYPE, _P.ConsolidatedGraph))
    out += [NQuad(s, p, o, current) for s, p, o in union]
    return out


def to_store(quads: Iterable[NQuad | ox.Quad] | bytes) -> ox.Store:
    """A new in-memory pyoxigraph Store holding ``quads`` (or N-Quads bytes), for SPARQL.

    The store answers queries (validation, counts, views, ``kg query``) but reads
    derived XSD datatypes back as their primitive type (``xsd:nonNegativeInteger``
    as ``xsd:integer``): write files from the quads, not from the store.

    >>> q = NQuad("<http://e.org/s>", "<http://e.org/p>",
    ...           '"5"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>', "<http://e.org/g>")
    >>> [str(x.object) for x in to_store([q])]
    ['"5"^^<http://www.w3.org/2001/XMLSchema#integer>']
    """
    if isinstance(quads, bytes):
        data = quads
    else:
        data = "".join(
            "%s %s %s %s .\n" % q if isinstance(q, NQuad) else nquad(q).line() for q in quads
        ).encode("utf-8")
    store = ox.Store()
    try:
        store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    except SyntaxError as exc:  # a bug of this module: the quads are built checked
        raise RdfError(f"the built quads do not parse as N-Quads: {exc}") from None
    return store


def build_store(
    extractions: Iterable[Extraction],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    minter: IriMinter | None = None,
    ontology: Path | str | None | bool = True,
) -> ox.Store:
    """:func:`build_quads` loaded into a Store, for SPARQL.

    >>> from kg.records import Document, Extraction
    >>> docs = [Document(id=i, source=f"{i}.txt", text="x", sha256="0") for i in "ab"]
    >>> store = build_store([Extraction(d) for d in docs], ontology=None)
    >>> graph_stats(store).documents, graph_stats(store).graphs
    (2, 3)
    """
    return to_store(build_quads(extractions, base_iri=base_iri, minter=minter, ontology=ontology))
