"""One document's named graph: its extraction records turned into checked quads.

:func:`extraction_quads` gives the quads of ``<base>graph/doc/<id>``; a record that
cannot be published raises :class:`~kg.errors.RdfError` naming the document.
:func:`kg.rdf.build.build_quads` puts the graphs of many documents together.
"""

from __future__ import annotations

import re

from kg.errors import IriError, RdfError
from kg.records import Actor, Agreement, Event, Extraction, Mention, TimeValue
from kg.rdf.iris import IriMinter, check_iri
from kg.rdf.namespaces import WD
from kg.rdf.terms import (
    _ACTOR_CLASS,
    _EVENT_CLASS,
    _LABEL,
    _STATUS,
    _TYPE,
    _XSD_DATE,
    _XSD_INTEGER,
    _XSD_MONTH,
    _XSD_NNI,
    _XSD_YEAR,
    NQuad,
    _P,
    literal,
)

__all__ = ["extraction_quads"]

_WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")


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
        # the document's actors minted one IRI, told apart (IriMinter.actor_iris)
        self.actor_iris = {n: self.node(i) for n, i in self.minter.actor_iris(x.actors).items()}

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
        if name in self.actor_iris:
            return self.actor_iris[name]
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
            if t.timex3_type_shown:
                self.add(interval, _P.timexType, self.text(t.timex3_type, "a TIMEX3 type"))
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
