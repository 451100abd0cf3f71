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

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES, Document, Mention, TimeValue
from kg.reconcile import MergedActor, MergedAgreement, MergedEvent, View
from kg.rdf.iris import IriMinter, slug
from kg.rdf.namespaces import (
    DCTERMS, NIF, NKG, PROV, RDF, RDFS, SDO, SEM, SKOS, TIME, WD, XSD,
)

__all__ = ["view_quads", "view_units", "event_iris", "document_unit", "event_unit",
           "actor_unit", "agreement_unit", "place_unit", "graph_unit"]


def _n(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


_TYPE = _n(RDF.type)
_LABEL = _n(RDFS.label)
_DATE = _n(XSD.date)
_INT = _n(XSD.integer)
_NNI = _n(XSD.nonNegativeInteger)
_EVENT_CLASS = {k: _n(NKG[k]) for k in EVENT_CLASSES}
_ACTOR_CLASS = {k: _n(NKG[k]) for k in ACTOR_CLASSES}
_STATUS = {s: _n(NKG[s]) for s in STATUSES}
_TIME_PROP = {"earliest": _n(SEM.hasEarliestBeginTimeStamp),
              "latest": _n(SEM.hasLatestEndTimeStamp)}


class _Unit:
    def __init__(self, graph: ox.NamedNode) -> None:
        self.graph = graph
        self.quads: list[ox.Quad] = []

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, _n(p) if not isinstance(p, ox.NamedNode) else p, o, self.graph))


def _date(d) -> ox.Literal:
    return ox.Literal(d.isoformat(), datatype=_DATE)


def graph_unit(minter: IriMinter) -> list[ox.Quad]:
    """The mark of the consolidated graph: ``<graph/current> a nkg:ConsolidatedGraph``."""
    g = _n(minter.current_graph)
    return [ox.Quad(g, _TYPE, _n(NKG.ConsolidatedGraph), g)]


def _mention(u: _Unit, minter: IriMinter, m: Mention) -> ox.NamedNode:
    node = _n(minter.mention(m))
    doc = _n(minter.document(m.doc_id))
    u.add(node, RDF.type, _n(NIF.OffsetBasedString))
    u.add(node, NIF.beginIndex, ox.Literal(str(m.start), datatype=_NNI))
    u.add(node, NIF.endIndex, ox.Literal(str(m.end), datatype=_NNI))
    u.add(node, NIF.anchorOf, ox.Literal(m.text))
    u.add(node, NIF.referenceContext, doc)
    u.add(node, NKG.inDocument, doc)
    return node


def document_unit(doc: Document, mentions: Iterable[Mention], actor_evidence: Iterable[tuple[str, Mention | None]],
                  minter: IriMinter) -> list[ox.Quad]:
    """The document node, the mentions of it that the view uses, and the links
    ``actor nkg:evidence mention`` / ``actor prov:wasDerivedFrom doc`` it supports."""
    u = _Unit(_n(minter.current_graph))
    d = _n(minter.document(doc.id))
    u.add(d, RDF.type, _n(NKG.Document))
    u.add(d, RDF.type, _n(PROV.Entity))
    u.add(d, RDF.type, _n(SDO.NewsArticle))
    u.add(d, DCTERMS.identifier, ox.Literal(doc.id))
    if doc.published is not None:
        u.add(d, DCTERMS.issued, _date(doc.published))
    if doc.title:
        u.add(d, DCTERMS.title, ox.Literal(doc.title))
    if doc.publisher:
        u.add(d, DCTERMS.publisher, ox.Literal(doc.publisher))
    if doc.source_token:
        u.add(d, NKG.sourceToken, ox.Literal(doc.source_token))
    u.add(d, NKG.textLength, ox.Literal(str(len(doc.text)), datatype=_NNI))
    if doc.url:
        try:
            u.add(d, SDO.url, ox.NamedNode(doc.url))
        except ValueError:
            pass
    for m in sorted(set(mentions)):
        if m.doc_id == doc.id:
            _mention(u, minter, m)
    for name, m in sorted(set(actor_evidence), key=lambda t: (t[0], t[1] or Mention("", 0, 0, ""))):
        node = _n(minter.actor(name))
        if m is None:
            u.add(node, PROV.wasDerivedFrom, d)
        else:
            u.add(node, NKG.evidence, _n(minter.mention(m)))
    return u.quads


def place_unit(name: str, minter: IriMinter) -> list[ox.Quad]:
    """A place node with its label."""
    u = _Unit(_n(minter.current_graph))
    node = _n(minter.place(name))
    u.add(node, RDF.type, _n(NKG.Place))
    u.add(node, RDF.type, _n(SEM.Place))
    u.add(node, RDFS.label, ox.Literal(name))
    return u.quads


def actor_unit(a: MergedActor, minter: IriMinter) -> list[ox.Quad]:
    """What the view decides about an actor (evidence links come with the documents)."""
    u = _Unit(_n(minter.current_graph))
    node = _n(minter.actor(a.name))
    u.add(node, RDF.type, _ACTOR_CLASS.get(a.kind, _n(NKG.Organization)))
    u.add(node, RDF.type, _n(SEM.Actor))
    u.add(node, RDFS.label, ox.Literal(a.name))
    for alias in a.aliases:
        u.add(node, SKOS.altLabel, ox.Literal(alias))
    if a.title:
        u.add(node, SDO.jobTitle, ox.Literal(a.title))
    if a.affiliation and a.affiliation != a.name:
        u.add(node, NKG.affiliatedWith, _n(minter.actor(a.affiliation)))
    if a.wikidata:
        u.add(node, SKOS.exactMatch, _n(WD[a.wikidata]))
    return u.quads


def event_iris(events: Iterable[MergedEvent], minter: IriMinter) -> dict[str, ox.NamedNode]:
    """Merged event id -> IRI (a round by track and number, a single-day event by
    class, date and place, anything else by its first claim's document and key)."""
    return {e.id: _n(minter.event(e.as_event(), e.first_doc)) for e in events}


def _time(u: _Unit, minter: IriMinter, node: ox.NamedNode, t: TimeValue) -> None:
    if t.earliest is not None:
        u.add(node, _TIME_PROP["earliest"], _date(t.earliest))
    if t.latest is not None:
        u.add(node, _TIME_PROP["latest"], _date(t.latest))
    interval = _n(minter.interval(node.value))
    u.add(node, SEM.hasTime, interval)
    u.add(interval, RDF.type, _n(TIME.Interval))
    if t.timex:
        u.add(interval, NKG.timex, ox.Literal(t.timex))
    for which, value, prop in (("begin", t.earliest, TIME.hasBeginning), ("end", t.latest, TIME.hasEnd)):
        if value is None:
            continue
        instant = _n(minter.instant(interval.value, which))
        u.add(interval, prop, instant)
        u.add(instant, RDF.type, _n(TIME.Instant))
        u.add(instant, TIME.inXSDDate, _date(value))


def event_unit(e: MergedEvent, iris: Mapping[str, ox.NamedNode], minter: IriMinter) -> list[ox.Quad]:
    """A merged event: its claims' union, decided status and bounds, conflicts and
    the realization links. ``iris`` maps merged event ids to IRIs (see :func:`event_iris`)."""
    u = _Unit(_n(minter.current_graph))
    node = iris[e.id]
    u.add(node, RDF.type, _EVENT_CLASS[e.kind])
    u.add(node, RDF.type, _n(SEM.Event))
    if e.label:
        u.add(node, RDFS.label, ox.Literal(e.label))
    u.add(node, NKG.status, _STATUS[e.status])
    if e.time is not None:
        _time(u, minter, node, e.time)
    if e.place:
        u.add(node, SEM.hasPlace, _n(minter.place(e.place)))
    for name in e.actors:
        u.add(node, SEM.hasActor, _n(minter.actor(name)))
    if e.round is not None:
        u.add(node, NKG.roundNumber, ox.Literal(str(int(e.round)), datatype=_INT))
    if e.track:
        u.add(node, NKG.track, ox.Literal(e.track))
    if e.cameo:
        u.add(node, NKG.cameoCode, ox.Literal(e.cameo))
    for name in e.proposed_by:
        u.add(node, NKG.proposedBy, _n(minter.actor(name)))
    for target in e.proposes:
        if target in iris:
            u.add(node, NKG.proposes, iris[target])
    for target in e.responds_to:
        if target in iris:
            u.add(node, NKG.respondsTo, iris[target])
    for m in e.mentions:
        u.add(node, NKG.evidence, _n(minter.mention(m)))
    for doc_id in e.sources:
        u.add(node, PROV.wasDerivedFrom, _n(minter.document(doc_id)))
    for claim in e.realizes:
        claim_node = _n(minter.event(claim.event, claim.doc_id))
        if claim_node != node:
            u.add(claim_node, NKG.realizedBy, node)
    n = 0
    for conflict in e.conflicts:
        nodes: list[tuple] = []  # (doc, predicate, node, value)
        for cv in conflict.claims:
            if conflict.prop == "time":
                values = [(SEM.hasEarliestBeginTimeStamp, cv.earliest), (SEM.hasLatestEndTimeStamp, cv.latest)]
                values = [(p, _date(v)) for p, v in values if v is not None]
            else:
                values = [(SEM.hasPlace, _n(minter.place(cv.place)))]
            for pred, value in values:
                n += 1
                c = _n(minter.conflict(node.value, n))
                u.add(c, RDF.type, _n(NKG.Conflict))
                u.add(c, RDF.type, _n(RDF.Statement))
                u.add(c, RDF.subject, node)
                u.add(c, RDF.predicate, _n(pred))
                u.add(c, RDF.object, value)
                u.add(c, NKG.claimedBy, _n(minter.document(cv.doc_id)))
                nodes.append((cv.doc_id, str(pred), c, value))
        for i, (d1, p1, c1, v1) in enumerate(nodes):
            for d2, p2, c2, v2 in nodes[i + 1:]:
                if d1 != d2 and p1 == p2 and v1 != v2:
                    u.add(c1, NKG.conflictsWith, c2)
                    u.add(c2, NKG.conflictsWith, c1)
    return u.quads


def agreement_unit(a: MergedAgreement, iris: Mapping[str, ox.NamedNode], minter: IriMinter) -> list[ox.Quad]:
    """A document's agreement, pointing at the merged event and actors."""
    u = _Unit(_n(minter.current_graph))
    ag = a.agreement
    node = _n(minter.agreement(ag, a.doc_id))
    u.add(node, RDF.type, _n(NKG.Agreement))
    if ag.label:
        u.add(node, RDFS.label, ox.Literal(ag.label))
    u.add(node, NKG.status, _STATUS[ag.status])
    if a.reached_at and a.reached_at in iris:
        u.add(node, NKG.reachedAt, iris[a.reached_at])
    for name in a.parties:
        u.add(node, NKG.party, _n(minter.actor(name)))
    for m in ag.mentions:
        u.add(node, NKG.evidence, _n(minter.mention(m)))
    u.add(node, PROV.wasDerivedFrom, _n(minter.document(a.doc_id)))
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


def view_units(view: View, minter: IriMinter) -> dict[str, list[ox.Quad]]:
    """The quads of the consolidated graph, by owning unit (see the module doc)."""
    units: dict[str, list[ox.Quad]] = {"graph": graph_unit(minter)}
    mentions, evidence = _doc_material(view, None)
    for d in view.documents:
        units[f"doc:{d.id}"] = document_unit(d, mentions.get(d.id, ()), evidence.get(d.id, ()), minter)
    for a in view.actors:
        units[f"actor:{a.name}"] = actor_unit(a, minter)
    iris = event_iris(view.events, minter)
    places = set()
    for e in view.events:
        units[f"event:{e.id}"] = event_unit(e, iris, minter)
        if e.place:
            places.add(e.place)
    for a in view.agreements:
        units[f"agreement:{a.doc_id}#{a.agreement.key}"] = agreement_unit(a, iris, minter)
    for name in sorted(places):
        units.setdefault(f"place:{slug(name)}", []).extend(place_unit(name, minter))
    return units


def view_quads(view: View, minter: IriMinter) -> list[ox.Quad]:
    """All quads of ``<base>graph/current`` for ``view``, deduplicated, in a stable order."""
    seen: dict[ox.Quad, None] = {}
    for unit in view_units(view, minter).values():
        for q in unit:
            seen.setdefault(q, None)
    return list(seen)
