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
from kg.analysis.projection import graph_parts
from kg.analysis.timeline import timeline
from kg.analysis.tracks import track_key

__all__ = ["timelinejs", "graphml_graph", "graphml_parts", "graphml_text"]


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
    import networkx as nx

    nodes, edges = graphml_parts(data)
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes.items())
    G.add_edges_from((u, v, {"rel": rel}) for u, v, rel in edges)
    return G


def graphml_parts(data: TimelineData):
    """:func:`kg.analysis.projection.graph_parts` with the GraphML attributes added."""
    nodes, edges = graph_parts(data)
    nodes = {n: dict(a) for n, a in nodes.items()}
    for e in data.events:
        attrs = nodes[e.iri]
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
            nodes[a.iri]["jobTitle"] = a.job_title
    for attrs in nodes.values():
        for k in [k for k, v in attrs.items() if v is None or v == ""]:
            del attrs[k]
    return nodes, edges


def graphml_text(parts) -> str:
    """GraphML for :func:`graphml_parts`, written directly (the networkx
    writer takes seconds on 10,000 events without lxml). Attribute
    types are declared per key: ``int`` for integers, ``string`` otherwise;
    nodes and edges keep the graph's order, so the file is deterministic.

    >>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
    >>> import io, networkx as nx
    >>> data = read_timeline(store_from_trig(EXAMPLE_TRIG))
    >>> G, H = graphml_graph(data), nx.read_graphml(io.StringIO(graphml_text(graphml_parts(data))))
    >>> (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    True
    """
    from xml.sax.saxutils import escape, quoteattr

    nodes, edges = parts
    node_keys: dict[str, str] = {}
    for attrs in nodes.values():
        for k, v in attrs.items():
            kind = "int" if isinstance(v, int) and not isinstance(v, bool) else "string"
            if node_keys.get(k, kind) != kind:
                kind = "string"
            node_keys[k] = kind
    edge_keys = ["rel"]
    nk = {k: f"d{i}" for i, k in enumerate(sorted(node_keys))}
    ek = {k: f"d{len(nk) + i}" for i, k in enumerate(edge_keys)}
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
           'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">']
    for k in sorted(node_keys):
        out.append(f'<key id="{nk[k]}" for="node" attr.name={quoteattr(k)} attr.type="{node_keys[k]}"/>')
    for k in edge_keys:
        out.append(f'<key id="{ek[k]}" for="edge" attr.name={quoteattr(k)} attr.type="string"/>')
    out.append('<graph edgedefault="directed">')
    for n, attrs in nodes.items():
        data = "".join(f'<data key="{nk[k]}">{escape(str(v))}</data>' for k, v in sorted(attrs.items()))
        out.append(f"<node id={quoteattr(n)}>{data}</node>")
    key = ek["rel"]
    for i, (u, v, rel) in enumerate(edges):
        out.append(f'<edge id="e{i}" source={quoteattr(u)} target={quoteattr(v)}><data key="{key}">{escape(rel)}</data></edge>')
    out += ["</graph>", "</graphml>", ""]
    return "\n".join(out)
