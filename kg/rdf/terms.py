"""N-Triples term strings: the :class:`NQuad` tuple every writer prints, the
canonical form of a literal, and the vocabulary's classes and predicates as the
``<iri>`` strings the graph builders put in quads.

>>> literal("Talks", None), _P.status
('"Talks"', '<https://w3id.org/negotiation-kg/ontology#status>')
"""

from __future__ import annotations

from typing import NamedTuple

import pyoxigraph as ox

from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES
from kg.rdf.namespaces import (
    DCTERMS,
    NIF,
    NKG,
    PROV,
    RDF,
    RDFS,
    SDO,
    SEM,
    SKOS,
    TIME,
    XSD,
)

__all__ = ["NQuad", "nquad", "literal"]


class NQuad(NamedTuple):
    """A quad as four N-Triples terms: ``<iri>``, ``"literal"^^<datatype>``, ``_:b``.

    >>> q = NQuad("<http://e.org/s>", "<http://e.org/p>", '"x"', "<http://e.org/g>")
    >>> q.line()
    '<http://e.org/s> <http://e.org/p> "x" <http://e.org/g> .\\n'
    """

    s: str
    p: str
    o: str
    g: str  # "" for the default graph

    def line(self) -> str:
        """The N-Quads line of this quad."""
        if self.g:
            return f"{self.s} {self.p} {self.o} {self.g} .\n"
        return f"{self.s} {self.p} {self.o} .\n"


def nquad(q: ox.Quad | ox.Triple) -> NQuad:
    """An :class:`NQuad` from a pyoxigraph Quad or Triple.

    >>> nquad(ox.Triple(ox.NamedNode("http://e.org/s"), ox.NamedNode("http://e.org/p"), ox.Literal(2)))
    NQuad(s='<http://e.org/s>', p='<http://e.org/p>', o='"2"^^<http://www.w3.org/2001/XMLSchema#integer>', g='')
    """
    g = getattr(q, "graph_name", None)
    gs = "" if g is None or isinstance(g, ox.DefaultGraph) else str(g)
    return NQuad(str(q.subject), str(q.predicate), str(q.object), gs)


# Canonical N-Triples escapes (RDF 1.1 canonical form): \b \t \n \f \r \" \\ and
# \\uXXXX for the other control characters; everything else as it is.
_ESCAPES = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                 0x22: '\\"', 0x5C: "\\\\"})


def literal(value: str, datatype: str | None = None) -> str:
    """The N-Triples form of a literal; ``datatype`` is an IRI (None: xsd:string).

    >>> literal('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    >>> literal("2", str(XSD.integer))
    '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    text = '"' + value.translate(_ESCAPES) + '"'
    return f"{text}^^<{datatype}>" if datatype else text


def _iri(term) -> str:
    return f"<{term}>"


# Terms used for every document, as N-Triples strings.
_TYPE = _iri(RDF.type)
_LABEL = _iri(RDFS.label)
_XSD_DATE = str(XSD.date)
_XSD_MONTH = str(XSD.gYearMonth)
_XSD_YEAR = str(XSD.gYear)
_XSD_INTEGER = str(XSD.integer)
_XSD_NNI = str(XSD.nonNegativeInteger)
_EVENT_CLASS = {kind: _iri(NKG[kind]) for kind in EVENT_CLASSES}
_ACTOR_CLASS = {kind: _iri(NKG[kind]) for kind in ACTOR_CLASSES}
_STATUS = {status: _iri(NKG[status]) for status in STATUSES}


class _P:
    """Predicates and classes as N-Triples strings."""

    Document = _iri(NKG.Document)
    Entity = _iri(PROV.Entity)
    NewsArticle = _iri(SDO.NewsArticle)
    identifier = _iri(DCTERMS.identifier)
    issued = _iri(DCTERMS.issued)
    title = _iri(DCTERMS.title)
    publisher = _iri(DCTERMS.publisher)
    sourceToken = _iri(NKG.sourceToken)
    textLength = _iri(NKG.textLength)
    url = _iri(SDO.url)
    SemEvent = _iri(SEM.Event)
    SemActor = _iri(SEM.Actor)
    SemPlace = _iri(SEM.Place)
    Place = _iri(NKG.Place)
    Agreement = _iri(NKG.Agreement)
    ConsolidatedGraph = _iri(NKG.ConsolidatedGraph)
    status = _iri(NKG.status)
    earliest = _iri(SEM.hasEarliestBeginTimeStamp)
    latest = _iri(SEM.hasLatestEndTimeStamp)
    hasTime = _iri(SEM.hasTime)
    Interval = _iri(TIME.Interval)
    Instant = _iri(TIME.Instant)
    timex = _iri(NKG.timex)
    timexType = _iri(NKG.timexType)
    hasBeginning = _iri(TIME.hasBeginning)
    hasEnd = _iri(TIME.hasEnd)
    inXSDDate = _iri(TIME.inXSDDate)
    hasPlace = _iri(SEM.hasPlace)
    hasActor = _iri(SEM.hasActor)
    roundNumber = _iri(NKG.roundNumber)
    track = _iri(NKG.track)
    cameoCode = _iri(NKG.cameoCode)
    proposedBy = _iri(NKG.proposedBy)
    proposes = _iri(NKG.proposes)
    respondsTo = _iri(NKG.respondsTo)
    reachedAt = _iri(NKG.reachedAt)
    party = _iri(NKG.party)
    evidence = _iri(NKG.evidence)
    derivedFrom = _iri(PROV.wasDerivedFrom)
    altLabel = _iri(SKOS.altLabel)
    exactMatch = _iri(SKOS.exactMatch)
    jobTitle = _iri(SDO.jobTitle)
    affiliatedWith = _iri(NKG.affiliatedWith)
    OffsetBasedString = _iri(NIF.OffsetBasedString)
    beginIndex = _iri(NIF.beginIndex)
    endIndex = _iri(NIF.endIndex)
    anchorOf = _iri(NIF.anchorOf)
    referenceContext = _iri(NIF.referenceContext)
    inDocument = _iri(NKG.inDocument)
