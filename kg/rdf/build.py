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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from kg.errors import IriError, RdfError
from kg.records import (
    ACTOR_CLASSES,
    EVENT_CLASSES,
    STATUSES,
    Actor,
    Agreement,
    Event,
    Extraction,
    Mention,
    TimeValue,
)
from kg.rdf.iris import IriMinter, check_iri
from kg.rdf.namespaces import (
    DCTERMS,
    DEFAULT_BASE_IRI,
    NIF,
    NKG,
    ONTOLOGY_IRI,
    PROV,
    RDF,
    RDFS,
    SDO,
    SEM,
    SKOS,
    TIME,
    WD,
    XSD,
)

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
_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


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


@dataclass(frozen=True, slots=True)
class GraphStats:
    """What a built graph holds, counted in the consolidated graph.

    ``events_by_class`` maps an event class local name to its count;
    ``triples`` counts the distinct triples of the union of all graphs.
    """

    documents: int
    events: int
    actors: int
    agreements: int
    places: int
    mentions: int
    quads: int
    triples: int
    graphs: int
    events_by_class: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Plain data for the manifest."""
        return {
            "documents": self.documents,
            "events": self.events,
            "events_by_class": dict(sorted(self.events_by_class.items())),
            "actors": self.actors,
            "agreements": self.agreements,
            "places": self.places,
            "mentions": self.mentions,
            "graphs": self.graphs,
            "quads": self.quads,
            "triples": self.triples,
        }


class _Nodes:
    """IRIs minted during one build, checked once and kept as N-Triples strings."""

    def __init__(self, minter: IriMinter) -> None:
        self.minter = minter
        self.actors: dict[str, str] = {}
        self.places: dict[str, str] = {}

    def iri(self, iri) -> str:
        return f"<{check_iri(str(iri))}>"

    def actor(self, name: str) -> str:
        node = self.actors.get(name)
        if node is None:
            node = self.actors[name] = self.iri(self.minter.actor(name))
        return node

    def place(self, name: str) -> str:
        node = self.places.get(name)
        if node is None:
            node = self.places[name] = self.iri(self.minter.place(name))
        return node


class _DocQuads:
    """Collects the quads of one document's graph, checking what goes in."""

    def __init__(self, x: Extraction, nodes: _Nodes) -> None:
        self.labelled_places: set[str] = set()
        self.x = x
        self.doc = x.document
        self.nodes = nodes
        self.minter = nodes.minter
        self.graph = self.node(self.minter.doc_graph(self.doc.id))
        self.doc_node = self.node(self.minter.document(self.doc.id))
        self.quads: list[NQuad] = []
        self.event_nodes: dict[str, str] = {}
        self.mentions: set[Mention] = set()

    # helpers ----------------------------------------------------------------
    def fail(self, problem: str) -> RdfError:
        return RdfError(f"{self.doc.source}: document {self.doc.id!r}: {problem}")

    def node(self, iri) -> str:
        try:
            return self.nodes.iri(iri)
        except IriError as exc:
            raise self.fail(str(exc)) from None

    def add(self, s: str, p: str, o: str) -> None:
        self.quads.append(NQuad(s, p, o, self.graph))

    def text(self, value: str, what: str) -> str:
        if not isinstance(value, str):
            raise self.fail(f"{what} is not text: {value!r}")
        try:
            value.encode("utf-8")
        except UnicodeError:
            raise self.fail(f"{what} is not valid Unicode text: {value!r}") from None
        return literal(value)

    def date(self, value) -> str:
        return literal(value.isoformat(), _XSD_DATE)

    def actor_node(self, name: str) -> str:
        if not name or not name.strip():
            raise self.fail("an actor has an empty name")
        try:
            return self.nodes.actor(name)
        except IriError as exc:
            raise self.fail(str(exc)) from None

    def event_ref(self, key: str, what: str) -> str:
        try:
            return self.event_nodes[key]
        except KeyError:
            raise self.fail(f"{what} names an unknown event key {key!r}") from None

    def status(self, status: str, what: str) -> str:
        try:
            return _STATUS[status]
        except KeyError:
            raise self.fail(f"{what} has an unknown status {status!r}") from None

    # the graph --------------------------------------------------------------
    def build(self) -> list[NQuad]:
        self.document()
        keys = [ev.key for ev in self.x.events]
        if len(set(keys)) != len(keys):
            dup = sorted(k for k in set(keys) if keys.count(k) > 1)[0]
            raise self.fail(f"two events have the key {dup!r}")
        for key, iri in self.minter.event_iris(self.x.events, self.doc.id).items():
            self.event_nodes[key] = self.node(iri)
        for actor in self.x.actors:
            self.actor(actor)
        for ev in self.x.events:
            self.event(ev)
        for ag in self.x.agreements:
            self.agreement(ag)
        for t in self.x.timexes:
            self.timex(t)
        return self.quads

    def document(self) -> None:
        d, doc = self.doc_node, self.doc
        self.add(d, _TYPE, _P.Document)
        self.add(d, _TYPE, _P.Entity)
        self.add(d, _TYPE, _P.NewsArticle)
        self.add(d, _P.identifier, self.text(doc.id, "the identifier"))
        if doc.published is not None:
            self.add(d, _P.issued, self.date(doc.published))
        elif doc.published_period:  # known to the month or the year only
            kind = _XSD_MONTH if "-" in doc.published_period else _XSD_YEAR
            self.add(d, _P.issued, literal(doc.published_period, kind))
        if doc.title:
            self.add(d, _P.title, self.text(doc.title, "the title"))
        if doc.publisher:
            self.add(d, _P.publisher, self.text(doc.publisher, "the publisher"))
        if doc.source_token:
            self.add(d, _P.sourceToken, self.text(doc.source_token, "the source token"))
        self.add(d, _P.textLength, literal(str(len(doc.text)), _XSD_NNI))
        if doc.url:
            try:
                url = self.nodes.iri(doc.url)
            except IriError:
                raise self.fail(f"url is not an absolute IRI: {doc.url!r}") from None
            self.add(d, _P.url, url)

    def mention(self, m: Mention) -> str:
        doc = self.doc
        if m.doc_id != doc.id:
            raise self.fail(f"a mention points at another document ({m.doc_id!r})")
        if not (0 <= m.start <= m.end <= len(doc.text)) or doc.text[m.start : m.end] != m.text:
            raise self.fail(
                f"mention {m.start}-{m.end} {m.text!r} does not match the text at those offsets"
            )
        node = self.node(self.minter.mention(m))
        if m not in self.mentions:
            self.mentions.add(m)
            self.add(node, _TYPE, _P.OffsetBasedString)
            self.add(node, _P.beginIndex, literal(str(m.start), _XSD_NNI))
            self.add(node, _P.endIndex, literal(str(m.end), _XSD_NNI))
            self.add(node, _P.anchorOf, self.text(m.text, "a mention"))
            self.add(node, _P.referenceContext, self.doc_node)
            self.add(node, _P.inDocument, self.doc_node)
        return node

    def provenance(self, node: str, mentions: tuple[Mention, ...]) -> None:
        for m in mentions:
            self.add(node, _P.evidence, self.mention(m))
        self.add(node, _P.derivedFrom, self.doc_node)

    def actor(self, a: Actor) -> None:
        try:
            cls = _ACTOR_CLASS[a.kind]
        except KeyError:
            raise self.fail(f"actor {a.name!r} has an unknown kind {a.kind!r}") from None
        node = self.actor_node(a.name)
        self.add(node, _TYPE, cls)
        self.add(node, _TYPE, _P.SemActor)
        self.add(node, _LABEL, self.text(a.name, "an actor name"))
        for alias in a.aliases:
            if alias and alias != a.name:
                self.add(node, _P.altLabel, self.text(alias, "an alias"))
        if a.title:
            self.add(node, _P.jobTitle, self.text(a.title, "a job title"))
        if a.affiliation:
            self.add(node, _P.affiliatedWith, self.actor_node(a.affiliation))
        if a.wikidata:
            if not isinstance(a.wikidata, str) or not _WIKIDATA_ID.match(a.wikidata):
                raise self.fail(f"actor {a.name!r}: not a Wikidata id: {a.wikidata!r}")
            self.add(node, _P.exactMatch, self.node(WD[a.wikidata]))
        self.provenance(node, a.mentions)

    def time(self, node: str, t: TimeValue) -> None:
        if t.earliest is not None and t.latest is not None and t.earliest > t.latest:
            raise self.fail(f"time {t.text!r} ends ({t.latest}) before it begins ({t.earliest})")
        event_iri = node[1:-1]
        interval = self.node(self.minter.interval(event_iri))
        if t.earliest is not None:
            self.add(node, _P.earliest, self.date(t.earliest))
        if t.latest is not None:
            self.add(node, _P.latest, self.date(t.latest))
        self.add(node, _P.hasTime, interval)
        self.interval(interval, event_iri, t)

    def timex(self, t: TimeValue) -> None:
        """A temporal expression of the text: the interval it denotes, with its
        TIMEX value, bounds and the span it was read from."""
        if t.mention is None or (t.timex is None and t.earliest is None and t.latest is None):
            return
        if t.earliest is not None and t.latest is not None and t.earliest > t.latest:
            raise self.fail(f"time {t.text!r} ends ({t.latest}) before it begins ({t.earliest})")
        iri = str(self.minter.timex(t.mention))
        interval = self.node(iri)
        self.interval(interval, iri, t)
        self.add(interval, _P.evidence, self.mention(t.mention))

    def interval(self, interval: str, owner_iri: str, t: TimeValue) -> None:
        self.add(interval, _TYPE, _P.Interval)
        if t.timex:
            self.add(interval, _P.timex, self.text(t.timex, "a TIMEX value"))
        for which, value, prop in (
            ("begin", t.earliest, _P.hasBeginning),
            ("end", t.latest, _P.hasEnd),
        ):
            if value is None:
                continue
            instant = self.node(self.minter.instant(owner_iri, which))
            self.add(interval, prop, instant)
            self.add(instant, _TYPE, _P.Instant)
            self.add(instant, _P.inXSDDate, self.date(value))

    def place(self, name: str) -> str:
        try:
            node = self.nodes.place(name)
        except IriError as exc:
            raise self.fail(str(exc)) from None
        if node not in self.labelled_places:  # one label: spellings that share an IRI
            self.labelled_places.add(node)
            self.add(node, _TYPE, _P.Place)
            self.add(node, _TYPE, _P.SemPlace)
            self.add(node, _LABEL, self.text(name, "a place name"))
        return node

    def event(self, ev: Event) -> None:
        try:
            cls = _EVENT_CLASS[ev.kind]
        except KeyError:
            raise self.fail(f"event {ev.key!r} has an unknown class {ev.kind!r}") from None
        node = self.event_nodes[ev.key]
        self.add(node, _TYPE, cls)
        self.add(node, _TYPE, _P.SemEvent)
        if ev.label:
            self.add(node, _LABEL, self.text(ev.label, "an event label"))
        self.add(node, _P.status, self.status(ev.status, f"event {ev.key!r}"))
        if ev.time is not None:
            self.time(node, ev.time)
        if ev.place:
            self.add(node, _P.hasPlace, self.place(ev.place))
        for name in ev.actors:
            self.add(node, _P.hasActor, self.actor_node(name))
        if ev.round is not None:
            if isinstance(ev.round, bool) or not isinstance(ev.round, int):
                raise self.fail(f"event {ev.key!r}: round is not an integer: {ev.round!r}")
            self.add(node, _P.roundNumber, literal(str(ev.round), _XSD_INTEGER))
        if ev.track:
            self.add(node, _P.track, self.text(ev.track, "a track"))
        if ev.cameo:
            self.add(node, _P.cameoCode, self.text(ev.cameo, "a CAMEO code"))
        for name in ev.proposed_by:
            self.add(node, _P.proposedBy, self.actor_node(name))
        if ev.proposes:
            self.add(node, _P.proposes, self.event_ref(ev.proposes, f"event {ev.key!r}"))
        if ev.responds_to:
            self.add(node, _P.respondsTo, self.event_ref(ev.responds_to, f"event {ev.key!r}"))
        self.provenance(node, ev.mentions)

    def agreement(self, ag: Agreement) -> None:
        node = self.node(self.minter.agreement(ag, self.doc.id))
        self.add(node, _TYPE, _P.Agreement)
        if ag.label:
            self.add(node, _LABEL, self.text(ag.label, "an agreement label"))
        self.add(node, _P.status, self.status(ag.status, f"agreement {ag.key!r}"))
        if ag.reached_at:
            self.add(node, _P.reachedAt, self.event_ref(ag.reached_at, f"agreement {ag.key!r}"))
        for name in ag.parties:
            self.add(node, _P.party, self.actor_node(name))
        self.provenance(node, ag.mentions)


def extraction_quads(x: Extraction, minter: IriMinter) -> list[NQuad]:
    """The quads of one document's named graph (``<base>graph/doc/<id>``), deduplicated.

    Raises :class:`~kg.errors.RdfError` naming the document when a record
    cannot be published: an unknown class or status, a mention whose text is not
    the document's text at its offsets, a reference to an unknown event key.

    >>> from kg.records import Document, Extraction
    >>> doc = Document(id="d1", source="d1.txt", text="Talks.", sha256="0")
    >>> quads = extraction_quads(Extraction(doc), IriMinter("https://example.org/"))
    >>> [q.o for q in quads if q.p.endswith("textLength>")]
    ['"6"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>']
    >>> {q.g for q in quads}
    {'<https://example.org/graph/doc/d1>'}
    """
    return _extraction_quads(x, _Nodes(minter))


def _extraction_quads(x: Extraction, nodes: _Nodes) -> list[NQuad]:
    return list(dict.fromkeys(_DocQuads(x, nodes).build()))


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


_COUNTS = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?view { ?view a nkg:ConsolidatedGraph .
    { ?x a nkg:Document . BIND("documents" AS ?what) }
    UNION { ?x a sem:Event . BIND("events" AS ?what) }
    UNION { ?x a sem:Actor . BIND("actors" AS ?what) }
    UNION { ?x a nkg:Agreement . BIND("agreements" AS ?what) }
    UNION { ?x a nkg:Place . BIND("places" AS ?what) }
    UNION { ?x a nif:OffsetBasedString . BIND("mentions" AS ?what) }
  }
} GROUP BY ?what
"""

_EVENT_COUNTS = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?view { ?view a nkg:ConsolidatedGraph . ?e a sem:Event, ?class . }
  FILTER(?class != sem:Event)
} GROUP BY ?class
"""


def graph_stats(store: ox.Store) -> GraphStats:
    """Count what the consolidated graph of ``store`` holds (see :class:`GraphStats`).

    >>> s = graph_stats(build_store([], ontology=None))
    >>> (s.documents, s.quads, s.graphs)
    (0, 1, 1)
    """
    counts = {str(sol["what"].value): int(sol["n"].value) for sol in store.query(_COUNTS)}
    by_class: dict[str, int] = {}
    prefix = str(NKG._NS)
    for sol in store.query(_EVENT_COUNTS):
        iri = sol["class"].value
        name = iri[len(prefix):] if iri.startswith(prefix) else iri
        by_class[name] = int(sol["n"].value)
    triples = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
    n_triples = int(next(iter(triples))["n"].value)
    return GraphStats(
        documents=counts.get("documents", 0),
        events=counts.get("events", 0),
        actors=counts.get("actors", 0),
        agreements=counts.get("agreements", 0),
        places=counts.get("places", 0),
        mentions=counts.get("mentions", 0),
        quads=len(store),
        triples=n_triples,
        graphs=sum(1 for _ in store.named_graphs()),
        events_by_class=by_class,
    )
