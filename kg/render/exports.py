"""Exports for other tools: TimelineJS JSON and GraphML (for Gephi).

TimelineJS (https://timeline.knightlab.com/docs/json-format.html): an object
with ``events`` (slides), an optional ``title`` slide; each slide has a
required ``start_date`` ({year, month, day}), optional ``end_date``,
``text`` {headline, text}, ``group``, ``display_date``, ``unique_id`` and
``autolink``. TimelineJS renders ``text`` as HTML, so every string is escaped.
Events the text gives no date for cannot be placed and are left out (listed in
the analysis under ``exports.timelinejs.omitted_undated``); no date is invented.

>>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> tl = timelinejs(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> [(e["start_date"], e.get("display_date")) for e in tl["events"]]
[({'year': 2025, 'month': 6, 'day': 2}, None), ({'year': 2025, 'month': 7, 'day': 19}, 'on or before 2025-07-19')]
"""

from __future__ import annotations

import html
from datetime import date

from kg.analysis.data import TimelineData
from kg.analysis.projection import project
from kg.analysis.timeline import timeline
from kg.analysis.tracks import track_key

__all__ = ["timelinejs", "graphml_graph"]


def _d(d: date) -> dict:
    return {"year": d.year, "month": d.month, "day": d.day}


def timelinejs(data: TimelineData, *, title: str = "Negotiation timeline") -> dict:
    """The dated events of ``data`` as a TimelineJS JSON object."""
    esc = html.escape
    t = timeline(data)
    events = []
    for entry in t.entries:
        e = data.event_by_iri[entry.iri]
        lo, hi = e.earliest, e.latest
        slide: dict = {"start_date": _d(lo or hi)}
        if lo and hi and hi != lo:
            slide["end_date"] = _d(hi)
            slide["display_date"] = f"between {lo.isoformat()} and {hi.isoformat()}"
        elif not lo:
            slide["display_date"] = f"on or before {hi.isoformat()}"
        elif not hi:
            slide["display_date"] = f"on or after {lo.isoformat()}"
        parts = [f"<p>{esc(e.kind)}, {esc(e.status or 'status not stated')}</p>"]
        if e.actors:
            parts.append(f"<p>Actors: {esc(', '.join(data.label(a) for a in e.actors))}</p>")
        if e.places:
            parts.append(f"<p>Place: {esc(', '.join(data.label(p) for p in e.places))}</p>")
        for ev in e.evidence:
            doc = data.document_by_iri.get(ev.doc)
            src = (doc.title or doc.identifier) if doc else ev.doc
            parts.append(f"<blockquote>{esc(ev.anchor)}</blockquote><p>Source: {esc(src)}</p>")
        slide["text"] = {"headline": esc(e.label), "text": "".join(parts)}
        slide["group"] = esc(f"Track {track_key(e, data)}" if e.kind == "NegotiationRound" or e.track else e.kind)
        slide["unique_id"] = f"event-{entry.rank}"
        slide["autolink"] = False
        events.append(slide)
    left_out = len(t.undated)
    note = f"{len(events)} dated events."
    if left_out:
        note += f" {left_out} event(s) the sources give no date for are not shown: TimelineJS cannot place them."
    return {"title": {"text": {"headline": esc(title), "text": esc(note)}}, "events": events}


def graphml_graph(data: TimelineData):
    """The projection with GraphML-legal attributes only (str, int; none missing-as-None).

    >>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
    >>> G = graphml_graph(read_timeline(store_from_trig(EXAMPLE_TRIG)))
    >>> G.nodes["https://w3id.org/negotiation-kg/id/event/r2"]["earliest"], G.nodes["https://w3id.org/negotiation-kg/id/event/r2"]["round"]
    ('2025-06-02', 2)
    """
    G = project(data)
    for e in data.events:
        attrs = G.nodes[e.iri]
        for key, value in (("earliest", e.earliest), ("latest", e.latest)):
            if value is not None:
                attrs[key] = value.isoformat()
        if e.round is not None:
            attrs["round"] = int(e.round)
        if e.track:
            attrs["track"] = e.track
        if e.timex:
            attrs["timex"] = e.timex
        if e.places:
            attrs["places"] = "; ".join(data.label(p) for p in e.places)
    for a in data.actors:
        if a.job_title:
            G.nodes[a.iri]["jobTitle"] = a.job_title
    for _, attrs in G.nodes(data=True):
        for k in [k for k, v in attrs.items() if v is None or v == ""]:
            del attrs[k]
    return G
