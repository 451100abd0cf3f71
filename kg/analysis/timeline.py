"""The timeline: events ordered by their date bounds.

An event's bounds are the earliest begin and the latest end the text supports;
a missing bound is unknown (open), never invented. Event ``a`` certainly
precedes ``b`` when ``a`` ends before ``b`` begins, both bounds being known
(:func:`precedes`); otherwise their order is open: the timeline is a partial
order, and the list order among such events is only a reading order.
``TimelineEntry.concurrent`` lists, for an event with both bounds known, the
other such events whose bounds overlap its own. An event with an open bound
(``earliest`` or ``latest`` is ``None``) is unordered with every event on that
side; those pairs are implied by the bounds and not listed, which keeps the
lists short on large graphs. Undated events are kept apart, in
``Timeline.undated``.

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> t = timeline(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> [(e.label, e.earliest, e.latest) for e in t.entries]
[('Second round (2025-06-02)', '2025-06-02', '2025-06-02'), ('Umerov proposes a third round', None, '2025-07-19')]
>>> from kg.analysis.data import EventRec
>>> r2, p = (read_timeline(store_from_trig(EXAMPLE_TRIG)).event_by_iri[e.iri] for e in t.entries)
>>> precedes(r2, p), precedes(p, r2)  # "by 19 July" may be before, on or after 2 June
(False, False)
>>> [e.label for e in t.undated]
['Proposed third round']
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from kg.analysis.data import EventRec, TimelineData

__all__ = ["TimelineEntry", "UndatedEntry", "Timeline", "timeline", "precedes", "sort_key"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event in reading order; dates are ISO strings, ``None`` when unknown."""

    iri: str
    label: str
    kind: str
    status: str
    earliest: str | None
    latest: str | None
    rank: int
    concurrent: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UndatedEntry:
    """An event the text gives no date for."""

    iri: str
    label: str
    kind: str
    status: str


@dataclass(frozen=True, slots=True)
class Timeline:
    entries: tuple[TimelineEntry, ...]
    undated: tuple[UndatedEntry, ...]


def sort_key(event: EventRec) -> tuple:
    """Reading-order key of a dated event: its known bounds, then label and IRI.

    An event known only by its latest end sorts at that end.

    >>> from datetime import date
    >>> a = EventRec("a", "Meeting", "A", latest=date(2025, 6, 2))
    >>> b = EventRec("b", "Meeting", "B", earliest=date(2025, 6, 1), latest=date(2025, 6, 3))
    >>> sorted([a, b], key=sort_key)[0].label
    'B'
    """
    lo = event.earliest or event.latest
    hi = event.latest or event.earliest
    return (lo or date.max, hi or date.max, event.label, event.iri)


def precedes(a: EventRec, b: EventRec) -> bool:
    """True when the bounds put ``a`` certainly before ``b``.

    >>> from datetime import date
    >>> r1 = EventRec("1", "NegotiationRound", "", latest=date(2025, 6, 2))
    >>> r2 = EventRec("2", "NegotiationRound", "", earliest=date(2025, 6, 2), latest=date(2025, 6, 2))
    >>> r3 = EventRec("3", "NegotiationRound", "", earliest=date(2025, 7, 21))
    >>> precedes(r1, r2), precedes(r2, r3), precedes(r1, r3), precedes(r3, r1)
    (False, True, True, False)
    """
    return a.latest is not None and b.earliest is not None and a.latest < b.earliest


def _overlaps(events: list[EventRec]) -> dict[str, list[str]]:
    """Pairs of events with both bounds known whose bounds overlap.

    A sweep over events ordered by their earliest begin, keeping those still
    open in a heap by latest end. Output-sensitive: O(n log n + pairs).
    """
    lo_min, hi_max = date.min, date.max
    out: dict[str, list[str]] = {e.iri: [] for e in events}
    order = sorted((e for e in events if e.earliest and e.latest), key=lambda e: (e.earliest, e.iri))
    active: list[tuple[date, str]] = []  # heap of (latest end, iri)
    alive: set[str] = set()
    for e in order:
        lo = e.earliest or lo_min
        while active and active[0][0] < lo:
            _, gone = heapq.heappop(active)
            alive.discard(gone)
        for other in alive:
            out[other].append(e.iri)
            out[e.iri].append(other)
        heapq.heappush(active, (e.latest or hi_max, e.iri))
        alive.add(e.iri)
    return out


def timeline(data: TimelineData) -> Timeline:
    """Order the events of ``data`` by their bounds; undated events kept apart.

    ``entries[i].concurrent`` lists the events with known bounds overlapping
    those of entry ``i`` (see the module notes for open bounds).
    """
    dated = sorted((e for e in data.events if e.dated), key=sort_key)
    concurrent = _overlaps(dated)
    entries = tuple(
        TimelineEntry(
            iri=e.iri,
            label=e.label,
            kind=e.kind,
            status=e.status,
            earliest=e.earliest.isoformat() if e.earliest else None,
            latest=e.latest.isoformat() if e.latest else None,
            rank=i,
            concurrent=tuple(sorted(concurrent[e.iri])),
        )
        for i, e in enumerate(dated)
    )
    undated = tuple(
        UndatedEntry(e.iri, e.label, e.kind, e.status)
        for e in sorted((e for e in data.events if not e.dated), key=lambda e: (e.kind, e.label, e.iri))
    )
    return Timeline(entries, undated)
