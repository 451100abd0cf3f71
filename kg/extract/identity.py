"""One event per round of a track within a document.

A document may speak of the same round in several places ("the third round",
"Wednesday's session" resolved to round 3). A round of a track is one real event,
so the events that name the same track and round become one, with every evidence
span. Where the document gives that round dates that cannot both hold, the merged
event keeps no date bounds (none is invented) and a warning says so.

>>> from datetime import date
>>> from kg.records import Agreement, Event, Mention, TimeValue
>>> d1 = TimeValue("May 3", "2026-05-03", date(2026, 5, 3), date(2026, 5, 3), "day")
>>> a = Event("a", "NegotiationRound", "Round 2", "Occurred", time=d1, round=2, track="x-y",
...           actors=("X",), mentions=(Mention("d", 0, 5, "talks"),))
>>> b = Event("b", "NegotiationRound", "Round 2", "Occurred", round=2, track="x-y",
...           actors=("Y",), mentions=(Mention("d", 40, 47, "session"),))
>>> c = Event("c", "Statement", "Remark", "Occurred", responds_to="b")
>>> g = Agreement("g", "Deal", reached_at="b")
>>> events, agreements, warnings = merge_rounds((a, b, c), (g,))
>>> [(e.key, e.actors, len(e.mentions), e.responds_to) for e in events]
[('a', ('X', 'Y'), 2, None), ('c', (), 0, 'a')]
>>> agreements[0].reached_at, warnings
('a', ())
"""

from __future__ import annotations

from dataclasses import replace

from kg.records import Agreement, Event, TimeValue

__all__ = ["merge_rounds"]


def _combine_time(a: TimeValue | None, b: TimeValue | None) -> tuple[TimeValue | None, bool]:
    """The time both support, and whether they conflict."""
    if a is None:
        return b, False
    if b is None:
        return a, False
    lo = max((d for d in (a.earliest, b.earliest) if d is not None), default=None)
    hi = min((d for d in (a.latest, b.latest) if d is not None), default=None)
    if lo is not None and hi is not None and lo > hi:
        return None, True
    if (lo, hi) == (a.earliest, a.latest):
        return a, False
    if (lo, hi) == (b.earliest, b.latest):
        return b, False
    return replace(a, timex=None, earliest=lo, latest=hi, granularity="range"), False


def merge_rounds(
    events: tuple[Event, ...], agreements: tuple[Agreement, ...] = ()
) -> tuple[tuple[Event, ...], tuple[Agreement, ...], tuple[str, ...]]:
    """Merge events naming the same track and round; re-point the references of
    events and agreements to the event each merged into."""
    first: dict[tuple[str, int], int] = {}
    merged: list[Event] = []
    renamed: dict[str, str] = {}
    conflicted: set[int] = set()
    warnings: list[str] = []
    for ev in events:
        ident = (ev.track, ev.round) if ev.track and ev.round is not None else None
        if ident is None or ident not in first:
            if ident is not None:
                first[ident] = len(merged)
            merged.append(ev)
            continue
        i = first[ident]
        keep = merged[i]
        renamed[ev.key] = keep.key
        time, clash = _combine_time(keep.time, ev.time)
        if clash or i in conflicted:
            if i not in conflicted:
                warnings.append(f"round {ev.round} of {ev.track}: the text gives dates that "
                                f"cannot both hold; its dates are left open")
            conflicted.add(i)
            time = None
        merged[i] = replace(
            keep,
            time=time,
            place=keep.place or ev.place,
            actors=keep.actors + tuple(a for a in ev.actors if a not in keep.actors),
            mentions=tuple(sorted(set(keep.mentions) | set(ev.mentions))),
        )
    if not renamed:
        return tuple(events), tuple(agreements), ()

    def to(key: str | None) -> str | None:
        return renamed.get(key, key) if key is not None else None

    out = tuple(replace(e, proposes=to(e.proposes), responds_to=to(e.responds_to)) for e in merged)
    deals = tuple(replace(g, reached_at=to(g.reached_at)) for g in agreements)
    return out, deals, tuple(warnings)
