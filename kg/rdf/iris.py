"""The one place that mints IRIs, from stable keys.

The same real-world thing gets the same IRI across documents and runs: an actor
by its canonical name, a round by its track and number, a dated event by its
class, date and place, anything else by its document and key. Events of the
consolidated graph that reconciliation keeps apart but that would get one IRI
are told apart by one more segment (:meth:`IriMinter.merged_event_iris`).

>>> m = IriMinter()
>>> str(m.actor("Rustem Umerov"))
'https://w3id.org/negotiation-kg/id/actor/rustem-umerov'
>>> str(m.place("Çırağan Palace"))
'https://w3id.org/negotiation-kg/id/place/ciragan-palace'
>>> str(m.document("000_5ff86238f25741d4"))
'https://w3id.org/negotiation-kg/id/doc/000_5ff86238f25741d4'
>>> check_iri("not an iri")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
kg.errors.IriError: not an absolute IRI: 'not an iri'
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import quote

from rdflib.term import URIRef

from kg.errors import IriError
from kg.records import Agreement, Event, Mention
from kg.reconcile.records import fold
from kg.rdf.namespaces import DEFAULT_BASE_IRI

__all__ = ["IriMinter", "check_iri", "slug"]

# RFC 3987 absolute IRI, checked loosely but strictly enough for N-Triples:
# a scheme, then no space, no control character and none of <>"{}|\^`.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]+$")
_CLASS_SLUG = re.compile(r"(?<!^)(?=[A-Z])")


def check_iri(iri: str) -> URIRef:
    """Return ``iri`` as a URIRef if it is a valid absolute IRI, else raise IriError.

    >>> check_iri("https://example.org/a/b")
    rdflib.term.URIRef('https://example.org/a/b')
    """
    if not isinstance(iri, str) or not _IRI.match(iri):
        raise IriError(f"not an absolute IRI: {iri!r}")
    return URIRef(iri)


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text`` for an IRI path segment.

    >>> slug("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slug("  ")
    '_'
    """
    out = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return out or "_"


def _segment(text: str) -> str:
    """An identifier kept as it is, percent-encoded where it is not IRI-safe."""
    return quote(text, safe="-._~") or "_"


def class_slug(kind: str) -> str:
    """``NegotiationRound`` -> ``negotiation-round``."""
    return _CLASS_SLUG.sub("-", kind).lower()


class IriMinter:
    """Mints every instance IRI of the project under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        check_iri(base)
        self.base = base

    def _iri(self, path: str) -> URIRef:
        return check_iri(self.base + path)

    # graphs -----------------------------------------------------------------
    def doc_graph(self, doc_id: str) -> URIRef:
        """The named graph holding what one document supports."""
        return self._iri(f"graph/doc/{_segment(doc_id)}")

    @property
    def ontology_graph(self) -> URIRef:
        return self._iri("graph/ontology")

    @property
    def current_graph(self) -> URIRef:
        """The consolidated graph (reconciled state across documents)."""
        return self._iri("graph/current")

    # nodes ------------------------------------------------------------------
    def document(self, doc_id: str) -> URIRef:
        return self._iri(f"doc/{_segment(doc_id)}")

    def actor(self, name: str) -> URIRef:
        return self._iri(f"actor/{slug(name)}")

    def place(self, name: str) -> URIRef:
        return self._iri(f"place/{slug(name)}")

    def status(self, status: str) -> URIRef:  # statuses live in the ontology
        from kg.rdf.namespaces import NKG

        return URIRef(NKG[status])

    def event(self, event: Event, doc_id: str) -> URIRef:
        """A round by track and number; a single-day event by class, date and place
        (or principal actor), and its number for a numbered round without a track
        (reconciliation never merges two round numbers, so neither does the IRI);
        anything else by its document and key. A proposal
        is an act told by one document (one party may make several in a day), so
        it is keyed by its document; reconciliation merges proposals across
        documents.

        >>> from datetime import date
        >>> from kg.records import TimeValue
        >>> m = IriMinter("https://example.org/")
        >>> str(m.event(Event("r2", "NegotiationRound", "", "Occurred", round=2,
        ...     track="russia-ukraine"), "d1"))
        'https://example.org/event/negotiation-round/russia-ukraine/2'
        >>> day = TimeValue("June 2", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
        >>> str(m.event(Event("s", "Statement", "", "Occurred", time=day,
        ...     actors=("Dmitry Peskov",)), "d1"))
        'https://example.org/event/statement/2025-06-02/dmitry-peskov'
        >>> str(m.event(Event("r4", "NegotiationRound", "", "Occurred", time=day, place="Lisbon",
        ...     round=4), "d1"))  # a numbered round without a track: the number too
        'https://example.org/event/negotiation-round/2025-06-02/lisbon/round-4'
        >>> str(m.event(Event("x", "Ceasefire", "", "Proposed"), "d1"))
        'https://example.org/event/ceasefire/doc/d1/x'
        """
        cls = class_slug(event.kind)
        if event.kind == "NegotiationRound" and event.track and event.round is not None:
            return self._iri(f"event/{cls}/{slug(event.track)}/{event.round}")
        t = event.time
        if t is not None and t.is_single_day and event.kind != "Proposal" and not getattr(event, "own_iri", False):
            where = event.place or (event.actors[0] if event.actors else None)
            tail = f"/{slug(where)}" if where else ""
            if event.round is not None:  # rounds of different numbers are never one event
                tail += f"/round-{event.round}"
            return self._iri(f"event/{cls}/{t.earliest.isoformat()}{tail}")
        return self._iri(f"event/{cls}/doc/{_segment(doc_id)}/{slug(event.key)}")

    def event_iris(self, events: Iterable[Event], doc_id: str) -> dict[str, URIRef]:
        """The IRIs of one document's events, by event key.

        Events of one document that would share an IRI (two statements of one
        speaker on one day) all keep document-scoped IRIs instead of being
        silently fused; a round keeps its track-and-number IRI, its identity.

        >>> from datetime import date
        >>> from kg.records import TimeValue
        >>> m = IriMinter("https://example.org/")
        >>> day = TimeValue("Monday", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
        >>> evs = [Event("c", "Ceasefire", "", "Proposed"),
        ...        Event("p1", "Proposal", "", "Occurred", time=day, actors=("Russia",), proposes="c"),
        ...        Event("s1", "Statement", "", "Occurred", time=day, actors=("Ann Lee",)),
        ...        Event("s2", "Statement", "", "Occurred", time=day, actors=("Ann Lee",))]
        >>> for key, iri in m.event_iris(evs, "d1").items():
        ...     print(key, iri.removeprefix("https://example.org/"))
        c event/ceasefire/doc/d1/c
        p1 event/proposal/doc/d1/p1
        s1 event/statement/doc/d1/s1
        s2 event/statement/doc/d1/s2
        """
        events = list(events)
        by_key = {e.key: e for e in events}
        minted = {e.key: self.event(e, doc_id) for e in events}
        seen: dict[URIRef, int] = {}
        for iri in minted.values():
            seen[iri] = seen.get(iri, 0) + 1
        for key, iri in minted.items():
            e = by_key[key]
            if seen[iri] > 1 and not (e.track and e.round is not None):
                minted[key] = self._iri(f"event/{class_slug(e.kind)}/doc/{_segment(doc_id)}/{slug(key)}")
        return minted

    def merged_event_iris(self, events: Iterable) -> dict[str, URIRef]:
        """The IRIs of the merged events of a consolidated graph, by event id.

        ``events`` are :class:`kg.reconcile.MergedEvent` records (their ``id``,
        ``first_doc``, ``actors``, ``claims`` and :meth:`~kg.reconcile.MergedEvent.as_event`
        are read). Each gets the IRI :meth:`event` mints for it, unless reconciliation
        kept apart events that it mints one IRI (one class, day and place, but
        disjoint actors; two events one document tells; ...): one node would get
        two sets of values. Every event of such a clash then gets one more segment
        that says which it is, made of what the event is and never of the order of
        the documents: ``with+`` and its actors (sorted slugs joined by ``+``;
        ``with+none`` without actors), and, when another event of the clash has the
        same actors, ``~`` and a short hash of its sorted claim ids. No slug, date,
        number or document segment holds a ``+``, so a clash's IRIs are never
        another event's. Events that do not clash keep their IRIs.

        >>> from datetime import date
        >>> from kg.reconcile import MergedEvent
        >>> from kg.records import TimeValue
        >>> m = IriMinter("https://example.org/")
        >>> day = TimeValue("May 4", "2033-05-04", date(2033, 5, 4), date(2033, 5, 4), "day")
        >>> def met(doc, *actors, place="Tervel"):
        ...     return MergedEvent(f"{doc}#m", "Meeting", "", "Occurred", doc, day, place, None,
        ...                        None, actors, (), (doc,), (f"{doc}#m",), first_doc=doc)
        >>> evs = [met("d2", "Belmora"), met("d1", "Ardenia", "Castrel"), met("d3", "Ardenia"),
        ...        met("d4", "Ardenia", place="Varn")]
        >>> for key, iri in sorted(m.merged_event_iris(evs).items()):
        ...     print(key, iri.removeprefix("https://example.org/"))
        d1#m event/meeting/2033-05-04/tervel/with+ardenia+castrel
        d2#m event/meeting/2033-05-04/tervel/with+belmora
        d3#m event/meeting/2033-05-04/tervel/with+ardenia
        d4#m event/meeting/2033-05-04/varn
        >>> twins = [met("d5", "Ardenia"), met("d6", "Ardenia")]  # same actors too: their claims
        >>> sorted(i.rsplit("/", 1)[1] for i in m.merged_event_iris(twins).values())
        ['with+ardenia~3e1108cd', 'with+ardenia~a0aa18af']
        """
        events = list(events)
        minted = {e.id: self.event(e.as_event(), e.first_doc) for e in events}
        clashes: dict[URIRef, list] = defaultdict(list)
        for e in events:
            clashes[minted[e.id]].append(e)
        for iri, group in clashes.items():
            if len(group) < 2:
                continue
            parts = {e.id: _actors_part(e.actors) for e in group}
            shared = Counter(parts.values())
            for e in group:
                part = parts[e.id]
                if shared[part] > 1:
                    part += "~" + _claims_digest(e.claims)
                minted[e.id] = check_iri(f"{iri}/{part}")
        return minted

    def actor_iris(self, actors: Iterable) -> dict[str, URIRef]:
        """The IRIs of actors that :meth:`actor` mints one IRI but that reconciliation
        keeps apart, by name; actors that clash with no other are left out (they
        keep :meth:`actor`'s IRI).

        ``actors`` are records with a ``name`` and a ``kind`` (merged actors of a
        consolidated graph, or one document's actors). Reconciliation compares names
        as the slug folds them (:func:`kg.reconcile.name_key`), so only names the slug
        keeps no letter of (``actor/_``) can still clash. Each actor of a clash then
        gets one more segment made of what it is: ``as+`` and its kind, and, when
        another actor of the clash has that kind too, ``~`` and a short hash of its
        name. No slug holds a ``+``, so the segment never makes another actor's IRI.

        >>> from kg.records import Actor
        >>> m = IriMinter("https://example.org/")
        >>> clash = [Actor("Тамар", "Person"), Actor("Тамара", "Person"), Actor("Сакартвело", "Country"),
        ...          Actor("Ardenia", "Country")]
        >>> for name, iri in sorted(m.actor_iris(clash).items()):
        ...     print(name, iri.removeprefix("https://example.org/"))
        Сакартвело actor/_/as+country
        Тамар actor/_/as+person~ac739e44
        Тамара actor/_/as+person~f10f74e4
        """
        kinds: dict[str, str] = {}
        for a in actors:
            kinds.setdefault(a.name, a.kind)
        clashes: dict[str, list[str]] = defaultdict(list)
        for name in sorted(kinds):
            clashes[slug(name)].append(name)
        out: dict[str, URIRef] = {}
        for names in clashes.values():
            if len(names) < 2:
                continue
            iri = self.actor(names[0])
            shared = Counter(kinds[n] for n in names)
            for name in names:
                part = "as+" + class_slug(kinds[name])
                if shared[kinds[name]] > 1:
                    part += "~" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
                out[name] = check_iri(f"{iri}/{part}")
        return out

    def agreement(self, agreement: Agreement, doc_id: str) -> URIRef:
        return self._iri(f"agreement/doc/{_segment(doc_id)}/{slug(agreement.key)}")

    def mention(self, mention: Mention) -> URIRef:
        return self._iri(f"mention/{_segment(mention.doc_id)}/{mention.start}-{mention.end}")

    def timex(self, mention: Mention) -> URIRef:
        """The time:Interval that a temporal expression of a document denotes."""
        return self._iri(f"timex/{_segment(mention.doc_id)}/{mention.start}-{mention.end}")

    def interval(self, node: URIRef) -> URIRef:
        """The time:Interval of an event (an IRI, not a blank node, for determinism)."""
        return check_iri(str(node) + "/time")

    def instant(self, node: URIRef, which: str) -> URIRef:
        """``which`` is "begin" or "end"."""
        return check_iri(f"{node}/time/{which}")

    def conflict(self, node: URIRef, n: int) -> URIRef:
        return check_iri(f"{node}/conflict/{n}")


def _actors_part(actors: Iterable[str]) -> str:
    """The segment naming a clashing event by its actors.

    >>> _actors_part(("Ostrelia", "Varnia", "ostrelia")), _actors_part(())
    ('with+ostrelia+varnia', 'with+none')
    """
    return "+".join(["with", *(sorted({slug(a) for a in actors}) or ["none"])])


def _claims_digest(claims: Iterable[str]) -> str:
    """A short hash of a merged event's claim ids (``<doc id>#<key>``), whatever their order.

    >>> _claims_digest(["b#1", "a#2"]) == _claims_digest(["a#2", "b#1"])
    True
    """
    return hashlib.sha256("\n".join(sorted(claims)).encode("utf-8")).hexdigest()[:8]
