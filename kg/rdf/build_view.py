"""The consolidated view (:class:`kg.reconcile.View`) -> quads of ``<base>graph/current``.

The quads come in *units*, each owned by one thing of the view, so that a
store can replace exactly what a change touches: ``doc:<id>`` (the document
node, its mentions and the evidence links of actors to them), ``actor:<name>``,
``event:<id>`` (the event, its time interval, conflicts and the
``nkg:realizedBy`` links of the claims it realized), ``agreement:<doc>#<key>``
and ``place:<slug>``. The consolidated graph marks itself ``a
nkg:ConsolidatedGraph`` (unit ``graph``). No blank node, every IRI from
:class:`~kg.rdf.iris.IriMinter`.

>>> from datetime import date
>>> from kg.records import Document, Extraction
>>> from kg.reconcile import reconcile
>>> doc = Document(id="d1", source="d1.txt", text="Talks.", sha256="0",
...                published=date(2025, 7, 20))
>>> quads = view_quads(reconcile([Extraction(doc)]), IriMinter("https://example.org/"))
>>> sorted({q.graph_name.value for q in quads})
['https://example.org/graph/current']
>>> len(quads)
7
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

import pyoxigraph as ox

from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES, Document, Mention, TimeValue
from kg.reconcile import MergedActor, MergedAgreement, MergedEvent, View
from kg.rdf.iris import IriMinter, slug
from kg.rdf.namespaces import (
    DCTERMS, NIF, NKG, PROV, RDF, RDFS, SDO, SEM, SKOS, TIME, WD, XSD,
)

__all__ = ["view_quads", "view_units", "iter_view_units", "event_iris", "document_unit", "event_unit",
           "actor_unit", "agreement_unit", "place_unit", "graph_unit"]


def _n(term) -> ox.NamedNode:
    if isinstance(term, ox.NamedNode):
        return term
    return _vocab(str(term))


@lru_cache(maxsize=4096)
def _vocab(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)
_DATE = _n(XSD.date)
_MONTH = _n(XSD.gYearMonth)
_YEAR = _n(XSD.gYear)
_INT = _n(XSD.integer)
_NNI = _n(XSD.nonNegativeInteger)
_EVENT_CLASS = {k: _n(NKG[k]) for k in EVENT_CLASSES}
_ACTOR_CLASS = {k: _n(NKG[k]) for k in ACTOR_CLASSES}
_STATUS = {s: _n(NKG[s]) for s in STATUSES}
_TIME_PROP = {"earliest": _n(SEM.hasEarliestBeginTimeStamp),
              "latest": _n(SEM.hasLatestEndTimeStamp)}


_PRED: dict[str, ox.NamedNode] = {}


class _V:
    """The vocabulary terms used here, as pyoxigraph nodes (converted once)."""

    DCTERMS_identifier = ox.NamedNode(str(DCTERMS.identifier))
    DCTERMS_issued = ox.NamedNode(str(DCTERMS.issued))
    DCTERMS_publisher = ox.NamedNode(str(DCTERMS.publisher))
    DCTERMS_title = ox.NamedNode(str(DCTERMS.title))
    NIF_OffsetBasedString = ox.NamedNode(str(NIF.OffsetBasedString))
    NIF_anchorOf = ox.NamedNode(str(NIF.anchorOf))
    NIF_beginIndex = ox.NamedNode(str(NIF.beginIndex))
    NIF_endIndex = ox.NamedNode(str(NIF.endIndex))
    NIF_referenceContext = ox.NamedNode(str(NIF.referenceContext))
    NKG_Agreement = ox.NamedNode(str(NKG.Agreement))
    NKG_Conflict = ox.NamedNode(str(NKG.Conflict))
    NKG_ConsolidatedGraph = ox.NamedNode(str(NKG.ConsolidatedGraph))
    NKG_Document = ox.NamedNode(str(NKG.Document))
    NKG_Organization = ox.NamedNode(str(NKG.Organization))
    NKG_Place = ox.NamedNode(str(NKG.Place))
    NKG_affiliatedWith = ox.NamedNode(str(NKG.affiliatedWith))
    NKG_cameoCode = ox.NamedNode(str(NKG.cameoCode))
    NKG_claimedBy = ox.NamedNode(str(NKG.claimedBy))
    NKG_conflictsWith = ox.NamedNode(str(NKG.conflictsWith))
    NKG_evidence = ox.NamedNode(str(NKG.evidence))
    NKG_inDocument = ox.NamedNode(str(NKG.inDocument))
    NKG_party = ox.NamedNode(str(NKG.party))
    NKG_proposedBy = ox.NamedNode(str(NKG.proposedBy))
    NKG_proposes = ox.NamedNode(str(NKG.proposes))
    NKG_reachedAt = ox.NamedNode(str(NKG.reachedAt))
    NKG_realizedBy = ox.NamedNode(str(NKG.realizedBy))
    NKG_respondsTo = ox.NamedNode(str(NKG.respondsTo))
    NKG_roundNumber = ox.NamedNode(str(NKG.roundNumber))
    NKG_sourceToken = ox.NamedNode(str(NKG.sourceToken))
    NKG_status = ox.NamedNode(str(NKG.status))
    NKG_textLength = ox.NamedNode(str(NKG.textLength))
    NKG_timex = ox.NamedNode(str(NKG.timex))
    NKG_timexType = ox.NamedNode(str(NKG.timexType))
    NKG_track = ox.NamedNode(str(NKG.track))
    PROV_Entity = ox.NamedNode(str(PROV.Entity))
    PROV_wasDerivedFrom = ox.NamedNode(str(PROV.wasDerivedFrom))
    RDF_Statement = ox.NamedNode(str(RDF.Statement))
    RDF_object = ox.NamedNode(str(RDF.object))
    RDF_predicate = ox.NamedNode(str(RDF.predicate))
    RDF_subject = ox.NamedNode(str(RDF.subject))
    RDF_type = ox.NamedNode(str(RDF.type))
    RDFS_label = ox.NamedNode(str(RDFS.label))
    SDO_NewsArticle = ox.NamedNode(str(SDO.NewsArticle))
    SDO_jobTitle = ox.NamedNode(str(SDO.jobTitle))
    SDO_url = ox.NamedNode(str(SDO.url))
    SEM_Actor = ox.NamedNode(str(SEM.Actor))
    SEM_Event = ox.NamedNode(str(SEM.Event))
    SEM_Place = ox.NamedNode(str(SEM.Place))
    SEM_hasActor = ox.NamedNode(str(SEM.hasActor))
    SEM_hasEarliestBeginTimeStamp = ox.NamedNode(str(SEM.hasEarliestBeginTimeStamp))
    SEM_hasLatestEndTimeStamp = ox.NamedNode(str(SEM.hasLatestEndTimeStamp))
    SEM_hasPlace = ox.NamedNode(str(SEM.hasPlace))
    SEM_hasTime = ox.NamedNode(str(SEM.hasTime))
    SKOS_altLabel = ox.NamedNode(str(SKOS.altLabel))
    SKOS_exactMatch = ox.NamedNode(str(SKOS.exactMatch))
    TIME_Instant = ox.NamedNode(str(TIME.Instant))
    TIME_Interval = ox.NamedNode(str(TIME.Interval))
    TIME_hasBeginning = ox.NamedNode(str(TIME.hasBeginning))
    TIME_hasEnd = ox.NamedNode(str(TIME.hasEnd))
    TIME_inXSDDate = ox.NamedNode(str(TIME.inXSDDate))


class _Unit:
    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        if not isinstance(p, ox.NamedNode):
            key = str(p)
            p = _PRED.get(key) or _PRED.setdefault(key, ox.NamedNode(key))
        self.quads.append(ox.Quad(s, p, o, self.graph))


class _CachedMinter:
    """IriMinter with the IRIs of actors, documents, places and the graph cached as nodes."""

    def __init__(self, minter: IriMinter) -> None:
        self.minter = minter
        self._cache: dict[tuple, ox.NamedNode] = {}
        self._actors: dict[str, ox.NamedNode] = {}

    def use_actors(self, actors: Iterable[MergedActor]) -> None:
        """Mint the actors of a view that would share an IRI apart
        (:meth:`kg.rdf.iris.IriMinter.actor_iris`): every actor is one of them."""
        self._actors = {n: ox.NamedNode(str(i)) for n, i in self.minter.actor_iris(actors).items()}

    def __getattr__(self, name):
        return getattr(self.minter, name)

    def _get(self, kind: str, key: str, make) -> ox.NamedNode:
        hit = self._cache.get((kind, key))
        if hit is None:
            hit = self._cache[(kind, key)] = ox.NamedNode(str(make(key)))
        return hit

    def actor(self, name: str) -> ox.NamedNode:
        return self._actors.get(name) or self._get("a", name, self.minter.actor)

    def document(self, doc_id: str) -> ox.NamedNode:
        return self._get("d", doc_id, self.minter.document)

    def place(self, name: str) -> ox.NamedNode:
        return self._get("p", name, self.minter.place)

    def mention(self, m) -> ox.NamedNode:
        return self._get("m", m, self.minter.mention)

    @property
    def current_graph(self) -> ox.NamedNode:
        return self._get("g", "current", lambda _: self.minter.current_graph)


def _cached(minter) -> _CachedMinter:
    return minter if isinstance(minter, _CachedMinter) else _CachedMinter(minter)


def _date(d) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=_DATE)


def graph_unit(minter: IriMinter) -> list[ox.Quad]:
    """The mark of the consolidated graph: ``<graph/current> a nkg:ConsolidatedGraph``."""
    g = _n(minter.current_graph)
    return [ox.Quad(g, _TYPE, _n(_V.NKG_ConsolidatedGraph), g)]


def _mention(u: _Unit, minter: IriMinter, m: Mention) -> ox.NamedNode:
    node = _n(minter.mention(m))
    doc = _n(minter.document(m.doc_id))
    u.add(node, _V.RDF_type, _n(_V.NIF_OffsetBasedString))
    u.add(node, _V.NIF_beginIndex, ox.Literal(str(m.start), datatype=_NNI))
    u.add(node, _V.NIF_endIndex, ox.Literal(str(m.end), datatype=_NNI))
    u.add(node, _V.NIF_anchorOf, ox.Literal(m.text))
    u.add(node, _V.NIF_referenceContext, doc)
    u.add(node, _V.NKG_inDocument, doc)
    return node


def document_unit(doc: Document, mentions: Iterable[Mention], actor_evidence: Iterable[tuple[str, Mention | None]],
                  minter: IriMinter) -> list[ox.Quad]:
    """The document node, the mentions of it that the view uses, and the links
    ``actor nkg:evidence mention`` / ``actor prov:wasDerivedFrom doc`` it supports."""
    u = _Unit(_n(minter.current_graph))
    d = _n(minter.document(doc.id))
    u.add(d, _V.RDF_type, _n(_V.NKG_Document))
    u.add(d, _V.RDF_type, _n(_V.PROV_Entity))
    u.add(d, _V.RDF_type, _n(_V.SDO_NewsArticle))
    u.add(d, _V.DCTERMS_identifier, ox.Literal(doc.id))
    if doc.published is not None:
        u.add(d, _V.DCTERMS_issued, _date(doc.published))
    elif doc.published_period:  # known to the month or the year only
        kind = _MONTH if "-" in doc.published_period else _YEAR
        u.add(d, _V.DCTERMS_issued, ox.Literal(doc.published_period, datatype=kind))
    if doc.title:
        u.add(d, _V.DCTERMS_title, ox.Literal(doc.title))
    if doc.publisher:
        u.add(d, _V.DCTERMS_publisher, ox.Literal(doc.publisher))
    if doc.source_token:
        u.add(d, _V.NKG_sourceToken, ox.Literal(doc.source_token))
    u.add(d, _V.NKG_textLength, ox.Literal(str(len(doc.text)), datatype=_NNI))
    if doc.url:
        try:
            u.add(d, _V.SDO_url, ox.NamedNode(doc.url))
        except ValueError:
            pass
    for m in sorted(set(mentions)):
        if m.doc_id == doc.id:
            _mention(u, minter, m)
    for name, m in sorted(set(actor_evidence), key=lambda t: (t[0], t[1] or Mention("", 0, 0, ""))):
        node = _n(minter.actor(name))
        if m is None:
            u.add(node, _V.PROV_wasDerivedFrom, d)
        else:
            u.add(node, _V.NKG_evidence, _n(minter.mention(m)))
    return u.quads


def place_unit(name: str, minter: IriMinter) -> list[ox.Quad]:
    """A place node with its label."""
    u = _Unit(_n(minter.current_graph))
    node = _n(minter.place(name))
    u.add(node, _V.RDF_type, _n(_V.NKG_Place))
    u.add(node, _V.RDF_type, _n(_V.SEM_Place))
    u.add(node, _V.RDFS_label, ox.Literal(name))
    return u.quads


def actor_unit(a: MergedActor, minter: IriMinter) -> list[ox.Quad]:
    """What the view decides about an actor (evidence links come with the documents)."""
    u = _Unit(_n(minter.current_graph))
    node = _n(minter.actor(a.name))
    u.add(node, _V.RDF_type, _ACTOR_CLASS.get(a.kind, _n(_V.NKG_Organization)))
    u.add(node, _V.RDF_type, _n(_V.SEM_Actor))
    u.add(node, _V.RDFS_label, ox.Literal(a.name))
    for alias in a.aliases:
        u.add(node, _V.SKOS_altLabel, ox.Literal(alias))
    if a.title:
        u.add(node, _V.SDO_jobTitle, ox.Literal(a.title))
    if a.affiliation and a.affiliation != a.name:
        u.add(node, _V.NKG_affiliatedWith, _n(minter.actor(a.affiliation)))
    if a.wikidata:
        u.add(node, _V.SKOS_exactMatch, _n(WD[a.wikidata]))
    return u.quads


def event_iris(events: Iterable[MergedEvent], minter: IriMinter) -> dict[str, ox.NamedNode]:
    """Merged event id -> IRI (a round by track and number, a single-day event by
    class, date and place, anything else by its first claim's document and key;
    an event whose first claim keeps an IRI of its document, see
    :attr:`kg.records.Event.own_iri`, keeps that one). Events kept apart that would
    share one get a distinguishing segment (:meth:`kg.rdf.iris.IriMinter.merged_event_iris`):
    pass every event that could clash (all of a view, or whole clash groups)."""
    return {k: _n(v) for k, v in minter.merged_event_iris(events).items()}


def _time(u: _Unit, minter: IriMinter, node: ox.NamedNode, t: TimeValue) -> None:
    if t.earliest is not None:
        u.add(node, _TIME_PROP["earliest"], _date(t.earliest))
    if t.latest is not None:
        u.add(node, _TIME_PROP["latest"], _date(t.latest))
    interval = _n(minter.interval(node.value))
    u.add(node, _V.SEM_hasTime, interval)
    u.add(interval, _V.RDF_type, _n(_V.TIME_Interval))
    if t.timex:
        u.add(interval, _V.NKG_timex, ox.Literal(t.timex))
        if t.timex3_type_shown:
            u.add(interval, _V.NKG_timexType, ox.Literal(t.timex3_type))
    for which, value, prop in (("begin", t.earliest, _V.TIME_hasBeginning), ("end", t.latest, _V.TIME_hasEnd)):
        if value is None:
            continue
        instant = _n(minter.instant(node.value, which))
        u.add(interval, prop, instant)
        u.add(instant, _V.RDF_type, _n(_V.TIME_Instant))
        u.add(instant, _V.TIME_inXSDDate, _date(value))


def event_unit(e: MergedEvent, iris: Mapping[str, ox.NamedNode], minter: IriMinter) -> list[ox.Quad]:
    """A merged event: its claims' union, decided status and bounds, conflicts and
    the realization links. ``iris`` maps merged event ids to IRIs (see :func:`event_iris`)."""
    u = _Unit(_n(minter.current_graph))
    node = iris[e.id]
    u.add(node, _V.RDF_type, _EVENT_CLASS[e.kind])
    u.add(node, _V.RDF_type, _n(_V.SEM_Event))
    if e.label:
        u.add(node, _V.RDFS_label, ox.Literal(e.label))
    u.add(node, _V.NKG_status, _STATUS[e.status])
    if e.time is not None:
        _time(u, minter, node, e.time)
    if e.place:
        u.add(node, _V.SEM_hasPlace, _n(minter.place(e.place)))
    for name in e.actors:
        u.add(node, _V.SEM_hasActor, _n(minter.actor(name)))
    if e.round is not None:
        u.add(node, _V.NKG_roundNumber, ox.Literal(str(int(e.round)), datatype=_INT))
    if e.track:
        u.add(node, _V.NKG_track, ox.Literal(e.track))
    if e.cameo:
        u.add(node, _V.NKG_cameoCode, ox.Literal(e.cameo))
    for name in e.proposed_by:
        u.add(node, _V.NKG_proposedBy, _n(minter.actor(name)))
    for target in e.proposes:
        if target in iris:
            u.add(node, _V.NKG_proposes, iris[target])
    for target in e.responds_to:
        if target in iris:
            u.add(node, _V.NKG_respondsTo, iris[target])
    for m in e.mentions:
        u.add(node, _V.NKG_evidence, _n(minter.mention(m)))
    for doc_id in e.sources:
        u.add(node, _V.PROV_wasDerivedFrom, _n(minter.document(doc_id)))
    for claim in e.realizes:
        claim_node = _n(minter.event(claim.event, claim.doc_id))
        if claim_node != node:
            u.add(claim_node, _V.NKG_realizedBy, node)
    n = 0
    for conflict in e.conflicts:
        nodes: list[tuple] = []  # (doc, predicate, node, value)
        for cv in conflict.claims:
            if conflict.prop == "time":
                values = [(_V.SEM_hasEarliestBeginTimeStamp, cv.earliest), (_V.SEM_hasLatestEndTimeStamp, cv.latest)]
                values = [(p, _date(v)) for p, v in values if v is not None]
            else:
                values = [(_V.SEM_hasPlace, _n(minter.place(cv.place)))]
            for pred, value in values:
                n += 1
                c = _n(minter.conflict(node.value, n))
                u.add(c, _V.RDF_type, _n(_V.NKG_Conflict))
                u.add(c, _V.RDF_type, _n(_V.RDF_Statement))
                u.add(c, _V.RDF_subject, node)
                u.add(c, _V.RDF_predicate, _n(pred))
                u.add(c, _V.RDF_object, value)
                u.add(c, _V.NKG_claimedBy, _n(minter.document(cv.doc_id)))
                nodes.append((cv.doc_id, str(pred), c, value))
        for i, (d1, p1, c1, v1) in enumerate(nodes):
            for d2, p2, c2, v2 in nodes[i + 1:]:
                if d1 != d2 and p1 == p2 and v1 != v2:
                    u.add(c1, _V.NKG_conflictsWith, c2)
                    u.add(c2, _V.NKG_conflictsWith, c1)
    return u.quads


def agreement_unit(a: MergedAgreement, iris: Mapping[str, ox.NamedNode], minter: IriMinter) -> list[ox.Quad]:
    """A document's agreement, pointing at the merged event and actors."""
    u = _Unit(_n(minter.current_graph))
    ag = a.agreement
    node = _n(minter.agreement(ag, a.doc_id))
    u.add(node, _V.RDF_type, _n(_V.NKG_Agreement))
    if ag.label:
        u.add(node, _V.RDFS_label, ox.Literal(ag.label))
    u.add(node, _V.NKG_status, _STATUS[ag.status])
    if a.reached_at and a.reached_at in iris:
        u.add(node, _V.NKG_reachedAt, iris[a.reached_at])
    for name in a.parties:
        u.add(node, _V.NKG_party, _n(minter.actor(name)))
    for m in ag.mentions:
        u.add(node, _V.NKG_evidence, _n(minter.mention(m)))
    u.add(node, _V.PROV_wasDerivedFrom, _n(minter.document(a.doc_id)))
    return u.quads


def _doc_material(view: View, resolve_actor) -> tuple[dict, dict]:
    mentions: dict[str, set] = {d.id: set() for d in view.documents}
    evidence: dict[str, set] = {d.id: set() for d in view.documents}
    for e in view.events:
        for m in e.mentions:
            mentions.setdefault(m.doc_id, set()).add(m)
    for a in view.agreements:
        for m in a.agreement.mentions:
            mentions.setdefault(m.doc_id, set()).add(m)
    for a in view.actors:
        for m in a.mentions:
            mentions.setdefault(m.doc_id, set()).add(m)
            evidence.setdefault(m.doc_id, set()).add((a.name, m))
        for doc_id in a.sources:
            evidence.setdefault(doc_id, set()).add((a.name, None))
    return mentions, evidence


def iter_view_units(view: View, minter: IriMinter) -> Iterator[tuple[str, list[ox.Quad]]]:
    """The quads of the consolidated graph, unit by unit (``(owner, quads)``; see the
    module doc), without holding them all at once. A place is one unit for all its
    spellings."""
    minter = _cached(minter)
    minter.use_actors(view.actors)
    yield "graph", graph_unit(minter)
    mentions, evidence = _doc_material(view, None)
    for d in view.documents:
        yield f"doc:{d.id}", document_unit(d, mentions.pop(d.id, ()), evidence.pop(d.id, ()), minter)
    for a in view.actors:
        yield f"actor:{a.name}", actor_unit(a, minter)
    iris = event_iris(view.events, minter)
    places: dict[str, list[str]] = {}
    for e in view.events:
        yield f"event:{e.id}", event_unit(e, iris, minter)
        if e.place:
            places.setdefault(slug(e.place), [])
            if e.place not in places[slug(e.place)]:
                places[slug(e.place)].append(e.place)
    for a in view.agreements:
        yield f"agreement:{a.doc_id}#{a.agreement.key}", agreement_unit(a, iris, minter)
    for key in sorted(places):
        # spellings that share an IRI ("Doha", "DOHA"): one label, the first in order
        yield f"place:{key}", place_unit(min(places[key]), minter)


def view_units(view: View, minter: IriMinter) -> dict[str, list[ox.Quad]]:
    """The quads of the consolidated graph, by owning unit (see :func:`iter_view_units`)."""
    return dict(iter_view_units(view, minter))


def view_quads(view: View, minter: IriMinter) -> list[ox.Quad]:
    """All quads of ``<base>graph/current`` for ``view``, deduplicated, in a stable order."""
    seen: set[ox.Quad] = set()
    out = []
    for unit in view_units(view, minter).values():
        for q in unit:
            if q not in seen:
                seen.add(q)
                out.append(q)
    return out
