"""What a reader of the timeline sees written: short labels, track names, axis ticks, colours.

Plain functions over the analysis records, used by :mod:`kg.render.layout`:

* :func:`short_label` — a few words per event ("Round 3 · Istanbul",
  "Summit (proposed)"), and :func:`rank`, which labels the page places first;
* :func:`track_titles` — a lane per track, named as a person names it
  ("Russia–Ukraine talks, 2025");
* :func:`tick_sets` — axis ticks at every granularity (years to days), from which
  the page picks the finest whose labels do not overlap at the current zoom;
* :data:`CLASS_COLORS` — a colour-blind-safe palette (Okabe–Ito, completed with
  Paul Tol's muted scheme), one distinct colour per class.

>>> from kg.analysis.data import EventRec, TimelineData
>>> data = TimelineData(places={"p/ist": "Istanbul"})
>>> short_label(EventRec("e", "NegotiationRound", "x", round=3, places=("p/ist",), status="Occurred"), data)
'Round 3 · Istanbul'
>>> short_label(EventRec("s", "Summit", "Leaders to meet", status="Proposed"), data)
'Summit (proposed)'
>>> short_label(EventRec("m", "Meeting", "Envoys meet the mediators in a lakeside hotel"), data)
'Envoys meet the mediators i…'
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from kg.analysis.data import EventRec, TimelineData
from kg.rdf.iris import slug

__all__ = ["CLASS_COLORS", "COMMUNITY_COLORS", "KEY_CLASSES", "short_label", "rank", "track_titles",
           "class_title", "tick_sets"]

#: One colour per class, colour-blind safe: Okabe & Ito's eight, then Paul Tol's muted.
#: Events are dots, agreements diamonds and actors squares, so shape tells them apart too.
CLASS_COLORS = {
    "NegotiationRound": "#0072B2",  # blue
    "Meeting": "#56B4E9",  # sky blue
    "Summit": "#332288",  # indigo
    "Proposal": "#E69F00",  # orange
    "Statement": "#882255",  # wine
    "PrisonerExchange": "#009E73",  # bluish green
    "RepatriationOfRemains": "#DDCC77",  # sand
    "Ceasefire": "#CC79A7",  # reddish purple
    "Event": "#999999",  # grey
    "Agreement": "#D55E00",  # vermillion
    "Person": "#44AA99",  # teal
    "Country": "#117733",  # green
    "Organization": "#AA4499",  # purple
    "Actor": "#BBBBBB",  # pale grey
}
#: Colours of the actor communities, in order (Tol's muted, then Okabe–Ito).
COMMUNITY_COLORS = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
                    "#882255", "#AA4499", "#0072B2", "#E69F00", "#009E73")

#: The classes whose every event carries a label at the default zoom.
KEY_CLASSES = ("NegotiationRound", "Summit", "Agreement", "Ceasefire")

_CLASS_TITLES = {
    "NegotiationRound": ("Round", "Negotiation rounds"),
    "Meeting": ("Meeting", "Meetings"),
    "Summit": ("Summit", "Summits"),
    "Proposal": ("Proposal", "Proposals"),
    "Statement": ("Statement", "Statements"),
    "PrisonerExchange": ("Prisoner exchange", "Prisoner exchanges"),
    "RepatriationOfRemains": ("Repatriation", "Repatriations of remains"),
    "Ceasefire": ("Ceasefire", "Ceasefires"),
    "Event": ("Event", "Other events"),
    "Agreement": ("Agreement", "Agreements"),
}
_STATUS_NOTES = {"Proposed": "proposed", "Planned": "planned", "Ongoing": "ongoing",
                 "Rejected": "rejected", "Cancelled": "cancelled"}


def class_title(kind: str, plural: bool = False) -> str:
    """A class as people write it.

    >>> class_title("PrisonerExchange"), class_title("Meeting", plural=True)
    ('Prisoner exchange', 'Meetings')
    """
    one, many = _CLASS_TITLES.get(kind, (kind, kind))
    return many if plural else one


def rank(kind: str) -> int:
    """Which labels come first: 0 for the key classes, 1 other events, 2 actors."""
    if kind in KEY_CLASSES:
        return 0
    return 1 if kind in _CLASS_TITLES else 2


def _clip(text: str, n: int = 22) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def short_label(e: EventRec, data: TimelineData) -> str:
    """A few words for an event. For the key classes: the class (a round's number), its
    first place, its status where it is not what happened; for the others their own
    label, clipped."""
    if e.kind not in KEY_CLASSES:
        return _clip(e.label, 28)
    head = f"Round {e.round}" if e.kind == "NegotiationRound" and e.round is not None \
        else ("Talks" if e.kind == "NegotiationRound" else class_title(e.kind))
    place = data.label(e.places[0]) if e.places else ""
    note = _STATUS_NOTES.get(e.status)
    text = head
    if place and e.kind in ("NegotiationRound", "Meeting", "Summit", "Ceasefire", "PrisonerExchange"):
        text = f"{head} · {_clip(place, 14)}"
    return f"{text} ({note})" if note else text


def agreement_label(label: str) -> str:
    """An agreement's short label: its own words, clipped."""
    return _clip(label, 26)


def track_titles(keys_events: dict[str, list[EventRec]], data: TimelineData) -> dict[str, str]:
    """Each track key -> a lane title as a person names it: the parties (countries and
    organizations; else everyone) joined by en dashes, "talks", and the years.

    >>> from kg.analysis.data import ActorRec
    >>> data = TimelineData(actors=(ActorRec("a/u", "Country", "Ukraine"), ActorRec("a/r", "Country", "Russia")))
    >>> r = EventRec("r", "NegotiationRound", "", actors=("a/u", "a/r"), earliest=date(2025, 5, 16))
    >>> track_titles({"russia-ukraine-2025": [r]}, data)
    {'russia-ukraine-2025': 'Russia–Ukraine talks, 2025'}
    """
    out = {}
    for key, events in keys_events.items():
        actors = data.actor_by_iri
        counts: dict[str, int] = defaultdict(int)
        for e in events:
            for a in e.actors:
                if a in actors and actors[a].kind in ("Country", "Organization"):
                    counts[a] += 1
        named = [a for a in counts if slug(data.label(a)) and slug(data.label(a)) in key]
        parties = named or sorted(counts, key=lambda a: (-counts[a], data.label(a)))[:2]
        names = sorted(data.label(a) for a in parties)
        if not names:
            names = [key.replace("-", " ").strip().title() or "Talks"]
        years = sorted({d.year for e in events for d in (e.earliest, e.latest) if d is not None})
        when = "" if not years else f", {years[0]}" if years[0] == years[-1] else f", {years[0]}–{years[-1]}"
        out[key] = f"{'–'.join(names)} talks{when}"
    # two tracks named alike (the same parties, the same years): keep them apart
    seen: dict[str, int] = defaultdict(int)
    for key in sorted(out):
        seen[out[key]] += 1
        if seen[out[key]] > 1:
            out[key] = f"{out[key]} ({seen[out[key]]})"
    return out


def _month_add(d: date, months: int) -> date:
    m = d.month - 1 + months
    return date(d.year + m // 12, m % 12 + 1, 1)


def tick_sets(dmin: date, dmax: date, xd, cut) -> dict[str, list]:
    """Axis ticks ``[x, label, major]`` at each granularity over ``[dmin, dmax]``:
    ``year``, ``quarter``, ``month``, ``week`` (Mondays) and ``day`` (the last two over
    spans of up to a century and twenty years). ``xd(day)`` gives the x of a day; days inside a cut stretch
    of the axis (``cut(day)``) get no tick.

    >>> t = tick_sets(date(2025, 1, 10), date(2025, 3, 5), lambda d: d.toordinal(), lambda d: False)
    >>> [x[1] for x in t["month"]], [x[1] for x in t["quarter"]]
    (['Jan 2025', 'Feb 2025', 'Mar 2025'], ['Q1 2025'])
    >>> t["day"][0][1], len(t["week"])
    ('10 Jan', 9)
    """
    out: dict[str, list] = {}
    years = [date(y, 1, 1) for y in range(dmin.year, dmax.year + 2)]
    out["year"] = [[xd(d), str(d.year), 1] for d in years if not cut(d)]
    quarters, months = [], []
    m = date(dmin.year, dmin.month, 1)
    while m <= dmax:
        if not cut(m):
            months.append([xd(m), m.strftime("%b %Y"), 1 if m.month == 1 else 0])
            if m.month % 3 == 1:
                quarters.append([xd(m), f"Q{(m.month - 1) // 3 + 1} {m.year}", 1 if m.month == 1 else 0])
        m = _month_add(m, 1)
    out["quarter"], out["month"] = quarters, months
    span = (dmax - dmin).days
    if span <= 36525:
        monday = dmin + timedelta(days=(7 - dmin.weekday()) % 7)
        out["week"] = [[xd(d), d.strftime("%d %b").lstrip("0"), 1 if d.day <= 7 else 0]
                       for d in (monday + timedelta(weeks=k) for k in range(span // 7 + 2))
                       if d <= dmax + timedelta(days=7) and not cut(d)]
    if span <= 7305:
        out["day"] = [[xd(d), d.strftime("%d %b").lstrip("0"), 1 if d.day == 1 else 0]
                      for d in (dmin + timedelta(days=k) for k in range(span + 1)) if not cut(d)]
    return out
