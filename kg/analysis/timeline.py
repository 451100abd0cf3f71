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

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from kg.analysis.data import EventRec, TimelineData

__all__ = ["TimelineEntry", "UndatedEntry", "Timeline", "timeline", "precedes", "sort_key",
           "timeline_entries", "undated_entries", "Concurrency"]


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


class Concurrency:
    """The events whose known bounds overlap an event's, told one event at a time.

    Two events with both bounds known overlap when the one that begins first (by
    earliest begin, then IRI) ends on or after the other begins. Events are
    grouped by their pair of bounds, and the events of one group have the same
    others (but themselves): :meth:`of` keeps the sorted list of the last group
    asked for, so asking for the events in the timeline's order (a group's
    events are consecutive there) makes each list once. Memory is that of one
    list, not of every pair: the pairs grow with the square of the events where
    many share a few weeks.

    >>> from datetime import date
    >>> d = lambda n: date(2025, 6, n)
    >>> es = [EventRec("a", "Meeting", "", earliest=d(1), latest=d(3)),
    ...       EventRec("b", "Meeting", "", earliest=d(3), latest=d(3)),
    ...       EventRec("c", "Meeting", "", earliest=d(4), latest=d(4)),
    ...       EventRec("d", "Meeting", "", latest=d(3))]
    >>> c = Concurrency(es)
    >>> [c.of(e) for e in es]
    [('b',), ('a',), (), ()]
    """

    def __init__(self, events) -> None:
        groups: dict[tuple[date, date], list[str]] = {}
        for e in events:
            if e.earliest and e.latest:
                groups.setdefault((e.earliest, e.latest), []).append(e.iri)
        self._groups = sorted(groups.items())
        self._last: tuple[tuple[date, date] | None, list[str]] = (None, [])

    def of(self, event: EventRec) -> tuple[str, ...]:
        """The IRIs of the other events overlapping ``event``, sorted (none when a
        bound of ``event`` is open)."""
        if not (event.earliest and event.latest):
            return ()
        key = (event.earliest, event.latest)
        if self._last[0] == key:
            found = self._last[1]
        else:
            found, shared = self._overlapping(event)
            if shared:
                self._last = (key, found)
        return tuple(i for i in found if i != event.iri)

    def _overlapping(self, event: EventRec) -> tuple[list[str], bool]:
        """The sorted IRIs of the events overlapping ``event`` (itself among them
        where its group counts), and whether they are the same for its whole group
        (not so when a bound pair is reversed and the first to begin is told by IRI)."""
        lo, hi = event.earliest, event.latest
        found: list[str] = []
        shared = True
        for (b_lo, b_hi), iris in self._groups:
            if b_lo < lo:
                if b_hi >= lo:
                    found += iris
            elif b_lo > lo:
                if b_lo > hi:
                    break  # the groups are in order of their begin: none later overlaps
                found += iris
            elif hi >= lo and b_hi >= lo:
                found += iris
            else:  # a begin shared with a reversed pair of bounds: the first by IRI decides
                shared = False
                found += [i for i in iris if (hi if event.iri < i else b_hi) >= lo]
        found.sort()
        return found, shared


def timeline(data: TimelineData) -> Timeline:
    """Order the events of ``data`` by their bounds; undated events kept apart.

    ``entries[i].concurrent`` lists the events with known bounds overlapping
    those of entry ``i`` (see the module notes for open bounds).
    """
    return Timeline(tuple(timeline_entries(data)), undated_entries(data))


def undated_entries(data: TimelineData) -> tuple[UndatedEntry, ...]:
    """The undated events of :func:`timeline`, by class, label and IRI."""
    return tuple(
        UndatedEntry(e.iri, e.label, e.kind, e.status)
        for e in sorted((e for e in data.events if not e.dated), key=lambda e: (e.kind, e.label, e.iri))
    )


def timeline_entries(data: TimelineData) -> Iterator[TimelineEntry]:
    """The dated entries of :func:`timeline`, made one at a time (an entry's
    ``concurrent`` is made as it is reached: at most one group's list is held).

    >>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
    >>> [e.rank for e in timeline_entries(read_timeline(store_from_trig(EXAMPLE_TRIG)))]
    [0, 1]
    """
    dated = sorted((e for e in data.events if e.dated), key=sort_key)
    concurrent = Concurrency(dated)
    for i, e in enumerate(dated):
        yield TimelineEntry(
            iri=e.iri,
            label=e.label,
            kind=e.kind,
            status=e.status,
            earliest=e.earliest.isoformat() if e.earliest else None,
            latest=e.latest.isoformat() if e.latest else None,
            rank=i,
            concurrent=concurrent.of(e),
        )
