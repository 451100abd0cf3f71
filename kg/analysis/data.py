"""Read the consolidated view of a graph into plain records.

This is the only module of the analysis that speaks SPARQL: :func:`read_timeline`
reads everything the views need from the named graph that marks itself
``a nkg:ConsolidatedGraph`` and returns a :class:`TimelineData` of frozen records.
The other modules are pure functions over those records.

>>> data = read_timeline(store_from_trig(EXAMPLE_TRIG))
>>> [e.label for e in data.events]
['Umerov proposes a third round', 'Second round (2025-06-02)', 'Proposed third round']
>>> r2 = data.events[1]
>>> r2.earliest, r2.status, r2.round, r2.certain
(datetime.date(2025, 6, 2), 'Occurred', 2, True)
>>> data.events[0].dated, data.events[2].dated
(True, False)
>>> data.label(r2.actors[0])
'Russia'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from kg.errors import RenderError
from kg.rdf.namespaces import PREFIXES, PROV, RDF, RDFS
from kg.records import ACTOR_CLASSES, EVENT_CLASSES

__all__ = [
    "Evidence",
    "DocumentRec",
    "EventRec",
    "ActorRec",
    "AgreementRec",
    "TimelineData",
    "read_timeline",
    "store_from_trig",
    "EXAMPLE_TRIG",
]

# Namespaces as plain strings (the values the Store gives are strings), declared once in kg.rdf.namespaces.
NKG = PREFIXES["nkg"]
SEM = PREFIXES["sem"]
RDF_TYPE = str(RDF.type)
RDFS_LABEL = str(RDFS.label)
SKOS = PREFIXES["skos"]
TIME = PREFIXES["time"]
PROV_DERIVED = str(PROV.wasDerivedFrom)
DCT = PREFIXES["dcterms"]
SDO = PREFIXES["schema"]
NIF = PREFIXES["nif"]

#: A small graph in the published layout, used by the examples of this package.
EXAMPLE_TRIG = """
@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/negotiation-kg/id/> .
<graph/current> {
  <graph/current> a nkg:ConsolidatedGraph .
  <event/r2> a nkg:NegotiationRound, sem:Event ; rdfs:label "Second round (2025-06-02)" ;
    nkg:status nkg:Occurred ; nkg:roundNumber 2 ; nkg:track "a-b" ;
    sem:hasEarliestBeginTimeStamp "2025-06-02"^^xsd:date ;
    sem:hasLatestEndTimeStamp "2025-06-02"^^xsd:date ;
    sem:hasActor <actor/russia>, <actor/ukraine> .
  <event/p> a nkg:Proposal, sem:Event ; rdfs:label "Umerov proposes a third round" ;
    nkg:status nkg:Occurred ; sem:hasLatestEndTimeStamp "2025-07-19"^^xsd:date ;
    nkg:proposedBy <actor/umerov> ; nkg:proposes <event/r3> ; sem:hasActor <actor/umerov> .
  <event/r3> a nkg:NegotiationRound, sem:Event ; rdfs:label "Proposed third round" ;
    nkg:status nkg:Proposed ; nkg:track "a-b" ; sem:hasActor <actor/russia>, <actor/ukraine> .
  <agreement/g> a nkg:Agreement ; rdfs:label "Exchange agreement" ; nkg:status nkg:Occurred ;
    nkg:reachedAt <event/r2> ; nkg:party <actor/russia>, <actor/ukraine> .
  <actor/umerov> a nkg:Person, sem:Actor ; rdfs:label "Rustem Umerov" ;
    nkg:affiliatedWith <actor/ukraine> .
  <actor/ukraine> a nkg:Country, sem:Actor ; rdfs:label "Ukraine" .
  <actor/russia> a nkg:Country, sem:Actor ; rdfs:label "Russia" .
}
"""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A mention supporting a node: its text and where it comes from."""

    anchor: str
    doc: str = ""
    begin: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentRec:
    """A source document."""

    iri: str
    identifier: str = ""
    title: str = ""
    issued: date | None = None
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class EventRec:
    """An event of the consolidated view; bounds are absent when the text gives none."""

    iri: str
    kind: str
    label: str
    status: str = ""
    earliest: date | None = None
    latest: date | None = None
    timex: str | None = None
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    round: int | None = None
    track: str | None = None
    proposed_by: tuple[str, ...] = ()
    proposes: tuple[str, ...] = ()
    responds_to: tuple[str, ...] = ()
    realized_by: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()
    #: what each source said of it: ``(publication day or None, status)``, by day
    reports: tuple[tuple[date | None, str], ...] = ()

    @property
    def dated(self) -> bool:
        """True when the text gives at least one bound."""
        return self.earliest is not None or self.latest is not None

    @property
    def certain(self) -> bool:
        """True when both bounds are known and equal (a known single day)."""
        return self.earliest is not None and self.earliest == self.latest


@dataclass(frozen=True, slots=True)
class ActorRec:
    """A person, country or organization."""

    iri: str
    kind: str
    label: str
    alt_labels: tuple[str, ...] = ()
    job_title: str = ""
    affiliated_with: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementRec:
    """An agreement and the event where it was reached."""

    iri: str
    label: str
    status: str = ""
    reached_at: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineData:
    """Everything the analysis and the views read from a graph, as plain records.

    Records are sorted by IRI so that the same graph gives the same data.
    """

    events: tuple[EventRec, ...] = ()
    actors: tuple[ActorRec, ...] = ()
    agreements: tuple[AgreementRec, ...] = ()
    documents: tuple[DocumentRec, ...] = ()
    places: dict[str, str] = field(default_factory=dict)

    @cached_property
    def event_by_iri(self) -> dict[str, EventRec]:
        return {e.iri: e for e in self.events}

    @cached_property
    def actor_by_iri(self) -> dict[str, ActorRec]:
        return {a.iri: a for a in self.actors}

    @cached_property
    def document_by_iri(self) -> dict[str, DocumentRec]:
        return {d.iri: d for d in self.documents}

    @cached_property
    def agreement_by_iri(self) -> dict[str, AgreementRec]:
        return {g.iri: g for g in self.agreements}

    @cached_property
    def labels(self) -> dict[str, str]:
        out = {d.iri: d.title or d.identifier for d in self.documents}
        out.update(self.places)
        for table in (self.agreements, self.events, self.actors):
            out.update((r.iri, r.label) for r in table)
        return out

    @cached_property
    def track_series(self) -> dict[str, tuple[tuple[int, str], ...]]:
        """Named tracks by their parties: ``"russia-ukraine"`` -> ``((2022,
        "russia-ukraine-2022"), (2025, "russia-ukraine-2025"))``, for tracks of the form
        parties-year (see ``docs/decisions/*-round-tracks.md``), sorted by year."""
        out: dict[str, set[tuple[int, str]]] = defaultdict(set)
        for e in self.events:
            if e.track:
                base, _, year = e.track.rpartition("-")
                if base and year.isdigit() and len(year) == 4:
                    out[base].add((int(year), e.track))
        return {k: tuple(sorted(v)) for k, v in out.items()}

    def label(self, iri: str) -> str:
        """The label of any node of the data, else the last segment of its IRI."""
        found = self.labels.get(iri)
        return found if found is not None else _local(iri)


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def store_from_trig(text: str):
    """A pyoxigraph Store holding a TriG text (for examples and tests); see
    :func:`kg.rdf.io.store_from_text`.

    >>> len(store_from_trig(EXAMPLE_TRIG)) > 10
    True
    """
    from kg.rdf.io import store_from_text

    return store_from_text(text, "trig")


_REPORTS = f"""
SELECT DISTINCT ?event ?doc ?status WHERE {{
  GRAPH ?view {{ ?view a <{NKG}ConsolidatedGraph> . ?event <{NKG}evidence> ?m . ?m <{NKG}inDocument> ?doc }}
  GRAPH ?g {{ ?claim <{NKG}evidence> ?m ; <{NKG}status> ?status }}
  FILTER (?g != ?view)
}}"""


class _Literal(str):
    """A literal's lexical form, as :func:`read_timeline` keeps it."""

    __slots__ = ()


class _Blank(str):
    """A blank node's label, as :func:`read_timeline` keeps it."""

    __slots__ = ()


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _int(value: str) -> int | None:
    try:
        return int(value.strip())
    except ValueError:
        return None


def _with_reports(store, events: list[EventRec], issued: dict[str, date | None]) -> list[EventRec]:
    """Each event with what its sources said of it: the status each document's own
    graph gives it (by the mentions they share), else the view's status for each
    source, with the sources' publication days (the page's "as reported on")."""
    from dataclasses import replace

    said: dict[str, set[tuple[date | None, str]]] = defaultdict(set)
    for event, doc, status in store.query(_REPORTS):
        if status.value.startswith(NKG):
            said[event.value].add((issued.get(doc.value), status.value[len(NKG):]))
    out = []
    for e in events:
        reports = said.get(e.iri) or {(issued.get(s), e.status) for s in e.sources if s in issued}
        key = lambda r: (r[0] is not None, r[0] or date.min, r[1])  # noqa: E731
        out.append(replace(e, reports=tuple(sorted(reports, key=key))) if reports else e)
    return out


def read_timeline(store) -> TimelineData:
    """Read events, actors, agreements and documents of the consolidated view.

    ``store`` is a ``pyoxigraph.Store`` holding the graph in the project's layout
    (named graphs; the consolidated one marks itself ``a nkg:ConsolidatedGraph``).
    Raises RenderError when no graph marks itself as the consolidated view.

    >>> read_timeline(store_from_trig("<http://g> { <http://a> <http://b> <http://c> }"))
    ... # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.RenderError: the store holds no graph marked a nkg:ConsolidatedGraph
    """
    import pyoxigraph as ox

    props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    # the views' graphs read quad by quad (a SELECT DISTINCT of them held them all again)
    views = [q.subject for q in store.quads_for_pattern(
        None, ox.NamedNode(RDF_TYPE), ox.NamedNode(NKG + "ConsolidatedGraph"), None)
             if q.subject == q.graph_name]
    if not views:
        raise RenderError("the store holds no graph marked a nkg:ConsolidatedGraph")
    # A term is kept as its text: an IRI as a str (each IRI's text once), a literal's
    # lexical form as a _Literal, a blank node's label as a _Blank (a large graph's
    # pyoxigraph terms took about twice the memory).
    known: dict[str, str] = {}
    seen: set = set()
    for view in dict.fromkeys(views):
        for q in store.quads_for_pattern(None, None, None, view):
            s, o = q.subject, q.object
            if not isinstance(s, ox.NamedNode):
                continue
            if len(views) > 1:  # two views: a triple once
                triple = ox.Triple(s, q.predicate, o)
                if triple in seen:
                    continue
                seen.add(triple)
            if isinstance(o, ox.NamedNode):
                value = known.setdefault(o.value, o.value)
            elif isinstance(o, ox.Literal):
                value = _Literal(o.value)
            else:  # a blank node (or a quoted triple)
                value = _Blank(o.value if isinstance(o, ox.BlankNode) else str(o))
            props[known.setdefault(s.value, s.value)][known.setdefault(q.predicate.value, q.predicate.value)] \
                .append(value)
    del known, seen

    def iris(node: dict, pred: str) -> tuple[str, ...]:
        return tuple(sorted({o for o in node.get(pred, ()) if type(o) is str}))

    def lit(node: dict, pred: str) -> str:
        values = sorted(str(o) for o in node.get(pred, ()) if type(o) is _Literal)
        return values[0] if values else ""

    def lits(node: dict, pred: str) -> tuple[str, ...]:
        return tuple(sorted({str(o) for o in node.get(pred, ()) if type(o) is _Literal}))

    def first_date(node: dict, pred: str, pick) -> date | None:
        values = [d for d in (_date(o) for o in node.get(pred, ()) if type(o) is _Literal) if d]
        return pick(values) if values else None

    def evidence(node: dict) -> tuple[Evidence, ...]:
        out = []
        for m in iris(node, NKG + "evidence"):
            mn = props.get(m, {})
            doc = (iris(mn, NKG + "inDocument") or iris(mn, NIF + "referenceContext") or ("",))[0]
            out.append(
                Evidence(
                    anchor=lit(mn, NIF + "anchorOf"),
                    doc=doc,
                    begin=_int(lit(mn, NIF + "beginIndex") or "x"),
                    end=_int(lit(mn, NIF + "endIndex") or "x"),
                )
            )
        return tuple(sorted(out, key=lambda e: (e.doc, e.begin or 0, e.end or 0, e.anchor)))

    def local_types(node: dict) -> set[str]:
        return {o[len(NKG):] for o in node.get(RDF_TYPE, ()) if o.startswith(NKG)}

    events, actors, agreements, documents = [], [], [], []
    places: dict[str, str] = {}
    for iri in sorted(props):
        node = props[iri]
        types = local_types(node)
        label = lit(node, RDFS_LABEL)
        kinds = [k for k in EVENT_CLASSES if k in types]
        if kinds or any(o == SEM + "Event" for o in node.get(RDF_TYPE, ())):
            earliest = first_date(node, SEM + "hasEarliestBeginTimeStamp", min)
            latest = first_date(node, SEM + "hasLatestEndTimeStamp", max)
            timex = None
            for t in iris(node, SEM + "hasTime"):
                tn = props.get(t, {})
                timex = timex or (lit(tn, NKG + "timex") or None)
                if earliest is None:
                    for b in iris(tn, TIME + "hasBeginning"):
                        earliest = first_date(props.get(b, {}), TIME + "inXSDDate", min)
                if latest is None:
                    for b in iris(tn, TIME + "hasEnd"):
                        latest = first_date(props.get(b, {}), TIME + "inXSDDate", max)
            status = [s[len(NKG):] for s in iris(node, NKG + "status") if s.startswith(NKG)]
            place_iris = iris(node, SEM + "hasPlace")
            for pl in place_iris:
                places[pl] = lit(props.get(pl, {}), RDFS_LABEL) or _local(pl)
            events.append(
                EventRec(
                    iri=iri,
                    kind=kinds[0] if kinds else "Event",
                    label=label or _local(iri),
                    status=status[0] if status else "",
                    earliest=earliest,
                    latest=latest,
                    timex=timex,
                    places=place_iris,
                    actors=iris(node, SEM + "hasActor"),
                    round=_int(lit(node, NKG + "roundNumber") or "x"),
                    track=lit(node, NKG + "track") or None,
                    proposed_by=iris(node, NKG + "proposedBy"),
                    proposes=iris(node, NKG + "proposes"),
                    responds_to=iris(node, NKG + "respondsTo"),
                    realized_by=iris(node, NKG + "realizedBy"),
                    evidence=evidence(node),
                    sources=iris(node, PROV_DERIVED),
                )
            )
        elif "Agreement" in types:
            status = [s[len(NKG):] for s in iris(node, NKG + "status") if s.startswith(NKG)]
            agreements.append(
                AgreementRec(
                    iri=iri,
                    label=label or _local(iri),
                    status=status[0] if status else "",
                    reached_at=iris(node, NKG + "reachedAt"),
                    parties=iris(node, NKG + "party"),
                    evidence=evidence(node),
                    sources=iris(node, PROV_DERIVED),
                )
            )
        elif types & set(ACTOR_CLASSES) or any(o == SEM + "Actor" for o in node.get(RDF_TYPE, ())):
            kind = next((k for k in ACTOR_CLASSES if k in types), "Actor")
            actors.append(
                ActorRec(
                    iri=iri,
                    kind=kind,
                    label=label or _local(iri),
                    alt_labels=lits(node, SKOS + "altLabel"),
                    job_title=lit(node, SDO + "jobTitle"),
                    affiliated_with=iris(node, NKG + "affiliatedWith"),
                    same_as=iris(node, SKOS + "exactMatch"),
                    evidence=evidence(node),
                    sources=iris(node, PROV_DERIVED),
                )
            )
        elif "Document" in types:
            documents.append(
                DocumentRec(
                    iri=iri,
                    identifier=lit(node, DCT + "identifier") or _local(iri),
                    title=lit(node, DCT + "title"),
                    issued=_date(lit(node, DCT + "issued")),
                    publisher=lit(node, DCT + "publisher"),
                    url=lit(node, SDO + "url"),
                )
            )
        elif "Place" in types:
            places[iri] = label or _local(iri)
    events = _with_reports(store, events, {d.iri: d.issued for d in documents})
    return TimelineData(
        events=tuple(events),
        actors=tuple(actors),
        agreements=tuple(agreements),
        documents=tuple(documents),
        places=dict(sorted(places.items())),
    )
