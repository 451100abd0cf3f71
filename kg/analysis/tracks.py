"""Tracks: sequences of negotiation rounds between the same parties.

A round belongs to the track the graph names (``nkg:track``); a round with no
track joins the named track of its two parties whose series had begun by its date
(see :func:`track_key`), else a track of its parties (the countries and
organizations among its actors, or all its actors when there are none). Rounds are ordered by their
bounds, then by round number; the gap between two rounds is counted in days
from the latest end of one to the earliest begin of the next, and is ``None``
when either bound is unknown or the bounds overlap. Each round lists the agreements reached at it and
the events proposed there: those the round itself ``nkg:proposes``, and those
of a proposal whose known bounds fall within the round's and whose proposer
takes part in it (only for a round that took place or is under way).

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> [t] = tracks(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> t.key, [(r.round, r.status, r.gap_days) for r in t.rounds]
('a-b', [(2, 'Occurred', None), (None, 'Proposed', None)])
>>> t.rounds[0].agreements
('https://w3id.org/negotiation-kg/id/agreement/g',)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from kg.analysis.data import EventRec, TimelineData
from kg.analysis.timeline import sort_key
from kg.rdf.iris import slug

__all__ = ["TrackRound", "Track", "tracks", "track_key"]


@dataclass(frozen=True, slots=True)
class TrackRound:
    iri: str
    label: str
    round: int | None
    status: str
    earliest: str | None
    latest: str | None
    gap_days: int | None  # from the previous round of the track
    agreements: tuple[str, ...] = ()
    proposed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Track:
    key: str
    parties: tuple[str, ...]
    rounds: tuple[TrackRound, ...]


def track_key(event: EventRec, data: TimelineData) -> str:
    """The track a round belongs to: its ``nkg:track``; for a round without one
    (no round number in the text), the named track of the same parties whose series
    began last by the round's date (the latest one for an undated round); else its
    parties' labels.

    >>> from kg.analysis.data import ActorRec, TimelineData
    >>> from datetime import date
    >>> ab = ("x/a", "x/b")
    >>> data = TimelineData(
    ...     events=(EventRec("r1", "NegotiationRound", "", round=1, track="a-b-2022", actors=ab),
    ...             EventRec("r2", "NegotiationRound", "", round=1, track="a-b-2025", actors=ab)),
    ...     actors=(ActorRec("x/a", "Country", "A"), ActorRec("x/b", "Country", "B")))
    >>> talks = EventRec("t", "NegotiationRound", "", earliest=date(2022, 3, 29), actors=ab)
    >>> track_key(talks, data), track_key(EventRec("n", "NegotiationRound", "", actors=ab), data)
    ('a-b-2022', 'a-b-2025')
    >>> track_key(EventRec("r", "NegotiationRound", "", actors=("x/b", "x/a")), TimelineData())
    'a–b'
    """
    if event.track:
        return event.track
    actors = data.actor_by_iri
    parties = [a for a in event.actors if a in actors and actors[a].kind in ("Country", "Organization")]
    labels = sorted(data.label(a) for a in (parties or event.actors))
    series = data.track_series.get("-".join(sorted(slug(x) for x in labels))) if len(labels) == 2 else None
    if series:
        day = event.earliest or event.latest
        if day is None:
            return series[-1][1]
        begun = [track for year, track in series if year <= day.year]
        return begun[-1] if begun else series[0][1]
    return "–".join(labels) or "(no parties)"


def _within(inner: EventRec, outer: EventRec) -> bool:
    if outer.earliest is None or outer.latest is None:
        return False
    lo = inner.earliest or inner.latest
    hi = inner.latest or inner.earliest
    return lo is not None and outer.earliest <= lo and hi <= outer.latest


def tracks(data: TimelineData) -> list[Track]:
    """Group the negotiation rounds of ``data`` into tracks, each in order."""
    groups: dict[str, list[EventRec]] = defaultdict(list)
    for e in data.events:
        if e.kind == "NegotiationRound":
            groups[track_key(e, data)].append(e)
    reached: dict[str, list[str]] = defaultdict(list)
    for g in data.agreements:
        for at in g.reached_at:
            reached[at].append(g.iri)
    proposals = sorted((e for e in data.events if e.kind == "Proposal" and e.proposes and e.dated),
                       key=lambda p: (p.earliest or p.latest, p.iri))
    starts = [p.earliest or p.latest for p in proposals]
    out = []
    for key in sorted(groups):
        rounds = sorted(
            groups[key],
            key=lambda e: (sort_key(e)[:2], e.round if e.round is not None else 1 << 30, e.label, e.iri),
        )
        items, prev = [], None
        for e in rounds:
            gap = None
            if prev is not None and prev.latest is not None and e.earliest is not None:
                gap = (e.earliest - prev.latest).days
                gap = gap if gap >= 0 else None
            proposed = set(e.proposes)
            candidates = ()
            if e.status in ("Occurred", "Ongoing", "") and e.earliest and e.latest:
                candidates = proposals[bisect_left(starts, e.earliest):bisect_right(starts, e.latest)]
            for p in candidates:
                if _within(p, e) and (set(p.proposed_by) | set(p.actors)) & set(e.actors):
                    proposed.update(p.proposes)
            items.append(
                TrackRound(
                    iri=e.iri,
                    label=e.label,
                    round=e.round,
                    status=e.status,
                    earliest=e.earliest.isoformat() if e.earliest else None,
                    latest=e.latest.isoformat() if e.latest else None,
                    gap_days=gap,
                    agreements=tuple(sorted(reached.get(e.iri, ()))),
                    proposed=tuple(sorted(proposed - {e.iri})),
                )
            )
            prev = e
        parties = sorted({a for e in rounds for a in e.actors if data.actor_by_iri.get(a) is None
                          or data.actor_by_iri[a].kind != "Person"})
        out.append(Track(key, tuple(parties), tuple(items)))
    return out

