"""Namespaces of the published vocabulary, declared once.

Every term is declared, so a typo raises instead of minting a wrong IRI:

>>> str(NKG.NegotiationRound)
'https://w3id.org/negotiation-kg/ontology#NegotiationRound'
>>> NKG.NegotiatonRound  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'NegotiatonRound' not in namespace
"""

from __future__ import annotations

from rdflib import RDF, RDFS, OWL, XSD, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS, TIME, DefinedNamespace
from rdflib.term import URIRef

__all__ = [
    "NKG",
    "SEM",
    "NIF",
    "SDO",
    "SH",
    "WD",
    "RDF",
    "RDFS",
    "OWL",
    "XSD",
    "DCTERMS",
    "PROV",
    "SKOS",
    "TIME",
    "PREFIXES",
    "ONTOLOGY_IRI",
    "DEFAULT_BASE_IRI",
]

#: The ontology's own namespace (see docs/decisions/20261126-iri-scheme.md).
ONTOLOGY_IRI = "https://w3id.org/negotiation-kg/ontology"
#: Default base under which instance IRIs are minted (``--base-iri`` changes it).
DEFAULT_BASE_IRI = "https://w3id.org/negotiation-kg/id/"


class NKG(DefinedNamespace):
    """The negotiation knowledge graph ontology."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # event classes
    NegotiationRound: URIRef
    Meeting: URIRef
    Summit: URIRef
    Proposal: URIRef
    Statement: URIRef
    PrisonerExchange: URIRef
    RepatriationOfRemains: URIRef
    Ceasefire: URIRef
    # other classes
    Agreement: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Document: URIRef
    Place: URIRef
    Status: URIRef
    StatusScheme: URIRef
    Conflict: URIRef
    ConsolidatedGraph: URIRef
    # statuses
    Occurred: URIRef
    Ongoing: URIRef
    Planned: URIRef
    Proposed: URIRef
    Rejected: URIRef
    Cancelled: URIRef
    # properties
    status: URIRef
    timex: URIRef
    timexType: URIRef
    roundNumber: URIRef
    track: URIRef
    proposedBy: URIRef
    proposes: URIRef
    respondsTo: URIRef
    reachedAt: URIRef
    party: URIRef
    affiliatedWith: URIRef
    evidence: URIRef
    inDocument: URIRef
    cameoCode: URIRef
    sourceToken: URIRef
    realizedBy: URIRef
    conflictsWith: URIRef
    claimedBy: URIRef
    sourcePath: URIRef
    textLength: URIRef


class SEM(DefinedNamespace):
    """Simple Event Model (the terms the project uses)."""

    _NS = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
    _fail = True

    Event: URIRef
    Actor: URIRef
    Place: URIRef
    Time: URIRef
    hasActor: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    hasEarliestBeginTimeStamp: URIRef
    hasLatestEndTimeStamp: URIRef
    hasBeginTimeStamp: URIRef
    hasEndTimeStamp: URIRef
    eventType: URIRef
    actorType: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format core (the terms the project uses)."""

    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    OffsetBasedString: URIRef
    String: URIRef
    Context: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef
    isString: URIRef


class SDO(DefinedNamespace):
    """schema.org, https form (the terms the project uses)."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    NewsArticle: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Place: URIRef
    Event: URIRef
    jobTitle: URIRef
    url: URIRef


SH = Namespace("http://www.w3.org/ns/shacl#")
WD = Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in every serialization, in this order.
PREFIXES: dict[str, str] = {
    "nkg": str(NKG._NS),
    "sem": str(SEM._NS),
    "time": str(TIME),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "schema": str(SDO._NS),
    "nif": str(NIF._NS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "wd": str(WD),
}
