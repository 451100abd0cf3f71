"""Fixed positions and styles for the two pages, as compact plain data.

The timeline puts events left to right by date (one pixel scale for the whole
page), one lane per track or event class, then lanes for agreements, actors and
undated events. Nothing here is HTML: labels and quotes stay plain strings and
the page turns them into text nodes.

>>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> p = timeline_payload(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> [lane["label"] for lane in p["lanes"]]
['Russia–Ukraine talks, 2025', 'Proposals', 'Agreements', 'Actors', 'Undated (no date in the text)']
>>> len(p["nodes"]), len(p["edges"])
(7, 10)
"""

from __future__ import annotations

import bisect
import heapq
from datetime import date

from kg.analysis.data import TimelineData
from kg.analysis.projection import TIMELINE_RELS, actor_view, graph_parts, timeline_view_parts
from kg.analysis.tracks import track_key
from kg.records import EVENT_CLASSES
from kg.render.story import CLASS_COLORS, agreement_label, class_title, rank, short_label, tick_sets, track_titles

__all__ = ["timeline_payload", "actors_payload", "CLASS_COLORS", "REL_STYLES"]


def actors_payload(data: TimelineData, measures=None, A=None) -> dict:
    """The actor network page's payload (:func:`kg.render.actors_layout.actors_payload`)."""
    from kg.render.actors_layout import actors_payload as payload

    return payload(data, measures, A)

_SHAPES = {"Agreement": "diamond", "Person": "square", "Country": "square", "Organization": "square",
           "Actor": "square"}
#: the actor network: shape by kind, colour by community
_ACTOR_SHAPES = {"Person": "dot", "Country": "square", "Organization": "triangle", "Actor": "diamond"}
STATUS_STYLES = {  # status -> style name
    "Occurred": "occurred",
    "Ongoing": "ongoing",
    "Planned": "proposed",
    "Proposed": "proposed",
    "Rejected": "ended",
    "Cancelled": "ended",
}
#: rel -> (label, colour, dashed, arrow, width)
REL_STYLES = {
    "participant": ("takes part", "#c7c7c7", False, False, 0.6),
    "proposedBy": ("proposed by", "#ffbb78", True, False, 1.0),
    "proposes": ("proposes", "#ff7f0e", True, True, 2.0),
    "respondsTo": ("responds to", "#9467bd", False, True, 2.0),
    "realizedBy": ("realized by", "#2ca02c", False, True, 2.0),
    "reachedAt": ("agreement reached at", "#d62728", False, True, 2.0),
    "party": ("party to", "#f4a6a6", False, False, 0.8),
    "coparticipation": ("took part together", "#b0b0b0", False, False, 1.0),
    "affiliatedWith": ("speaks for / belongs to", "#e6550d", True, True, 1.5),
}
UNDATED = "Undated (no date in the text)"


def _group_options(kind: str, style: str, shape: str, size: int) -> dict:
    color = CLASS_COLORS.get(kind, CLASS_COLORS["Event"])
    opts: dict = {"shape": shape, "size": size, "borderWidth": 2,
                  "color": {"background": color, "border": color,
                            "highlight": {"background": color, "border": "#000000"},
                            "hover": {"background": color, "border": "#000000"}}}
    if style == "proposed":  # hollow with a dashed rim: not (yet) happened
        opts["color"]["background"] = "#ffffff"
        opts["color"]["highlight"]["background"] = "#ffffff"
        opts["color"]["hover"]["background"] = "#ffffff"
        opts["shapeProperties"] = {"borderDashes": [4, 3]}
        opts["borderWidth"] = 3
    elif style == "ongoing":
        opts["borderWidth"] = 3
        opts["color"]["border"] = "#222222"
    elif style == "ended":
        opts["color"]["background"] = "#d9d9d9"
        opts["shapeProperties"] = {"borderDashes": [2, 2]}
    return opts


class TimeAxis:
    """Dates to day coordinates, with long stretches without any event cut short.

    A stretch between two consecutive known dates longer than a fifth of the
    whole span (and than 60 days) is drawn ``BREAK_DAYS`` wide and marked as
    cut; the mapping stays increasing, so order on the page is order in time.

    >>> a = TimeAxis([date(2022, 3, 1), date(2022, 3, 11), date(2025, 4, 1), date(2025, 4, 3)])
    >>> [a.day(d) for d in (date(2022, 3, 11), date(2025, 4, 1), date(2025, 4, 3))]
    [10.0, 34.0, 36.0]
    >>> a.day(date(2023, 1, 1)) < a.day(date(2024, 1, 1))
    True
    """

    BREAK_DAYS = 24

    def __init__(self, dates) -> None:
        ds = sorted(set(dates))
        self.start = ds[0].toordinal()
        threshold = max(60, (ds[-1] - ds[0]).days // 5)
        self.breaks = [(a, b) for a, b in zip(ds, ds[1:]) if (b - a).days > threshold]
        self._starts = [a.toordinal() for a, _ in self.breaks]
        self._cut: list[int] = []
        removed = 0
        for a, b in self.breaks:
            removed += (b - a).days - self.BREAK_DAYS
            self._cut.append(removed)
        self.length = self.day(ds[-1])

    def day(self, d: date) -> float:
        o = d.toordinal()
        if not self.breaks:
            return float(o - self.start)
        k = bisect.bisect_right(self._starts, o) - 1
        if k < 0:
            return float(o - self.start)
        a, b = self.breaks[k]
        if o < b.toordinal():  # inside the cut stretch: squeezed
            before = self._cut[k - 1] if k else 0
            return (a.toordinal() - self.start - before) + (o - a.toordinal()) * self.BREAK_DAYS / (b - a).days
        return float(o - self.start - self._cut[k])

    def cut(self, d: date) -> bool:
        """True when ``d`` falls inside a cut stretch."""
        return any(a < d < b for a, b in self.breaks)


def _dates_text(lo: date | None, hi: date | None) -> str:
    if lo and hi:
        return lo.isoformat() if lo == hi else f"between {lo.isoformat()} and {hi.isoformat()}"
    if hi:
        return f"on or before {hi.isoformat()} (no earlier bound in the text)"
    if lo:
        return f"on or after {lo.isoformat()} (no later bound in the text)"
    return "no date in the text"


class _Tables:
    """Tooltip rows and evidence in compact form: row keys and sources are
    shared tables, so a large page does not repeat them for every node."""

    def __init__(self, data: TimelineData) -> None:
        self.data = data
        self.keys: list[str] = []
        self._key: dict[str, int] = {}
        self.sources: list[str] = []
        self._source: dict[str, int] = {}

    def row(self, key: str, value: str) -> list:
        k = self._key.get(key)
        if k is None:
            k = self._key[key] = len(self.keys)
            self.keys.append(key)
        return [k, value]

    def source(self, doc_iri: str) -> int:
        s = self._source.get(doc_iri)
        if s is None:
            doc = self.data.document_by_iri.get(doc_iri)
            if doc is not None:
                meta = ", ".join(x for x in (doc.publisher, doc.issued.isoformat() if doc.issued else "") if x)
                text = " — ".join([doc.title or doc.identifier] + ([meta] if meta else [])) + f" [{doc.identifier}]"
                if doc.url:
                    text += f" {doc.url}"
            else:
                text = doc_iri
            s = self._source[doc_iri] = len(self.sources)
            self.sources.append(text)
        return s

    def evidence(self, evidence) -> list[list]:
        """``[quote, source index, begin, end]`` per mention (offsets may be null)."""
        return [[ev.anchor, self.source(ev.doc), ev.begin, ev.end] for ev in evidence]


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _stack(items: list[tuple[float, int]], gap: float) -> dict[int, int]:
    """Assign each (x, id) to a row so that items of a row are ``gap`` apart."""
    rows: list[tuple[float, int]] = []  # heap of (last x, row)
    out: dict[int, int] = {}
    for x, i in sorted(items):
        if rows and rows[0][0] + gap <= x:
            _, r = heapq.heappop(rows)
        else:
            r = len(rows)
        out[i] = r
        heapq.heappush(rows, (x, r))
    return out


def _payload(page: str, nodes, node_ids, info, T, edges, groups: dict, rels, classes, dense: bool,
             *, lanes=(), ticks=(), breaks=(), whiskers=(), axis=None) -> dict:
    """The data a page's script draws: the same keys for the timeline and the actors."""
    return {
        "page": page,
        "nodes": nodes,
        "iris": node_ids,
        "info": info,
        "keys": T.keys,
        "sources": T.sources,
        "edges": edges,
        "groups": list(groups.values()),
        "group_names": list(groups),
        "status_styles": STATUS_STYLES,
        "rels": [[rel, *REL_STYLES[rel]] for rel in rels],
        "lanes": list(lanes),
        "ticks": list(ticks),
        "breaks": list(breaks),
        "axis": axis,
        "whiskers": list(whiskers),
        "legend": {"classes": classes, "rels": [list(REL_STYLES[r][:3]) for r in rels]},
        "dense": dense,
    }


def timeline_payload(data: TimelineData, parts=None) -> dict:
    """Nodes, edges, lanes, month ticks, date bars and legend of the timeline page.

    Node ``i`` is ``nodes[i] = [x, y, label, group]`` with ``info[i]`` its tooltip
    ``[title, rows of [key index, value], evidence as [quote, source index,
    begin, end]]`` (keys and sources in ``keys`` and ``sources``) and ``iris[i]``;
    edges are ``[from, to, rel index]``.
    """
    parts = graph_parts(data) if parts is None else parts
    node_ids, view_edges = timeline_view_parts(parts)
    attrs = parts[0]
    events = data.event_by_iri
    n_dated = sum(1 for e in data.events if e.dated)
    bounds = [d for e in data.events for d in (e.earliest, e.latest) if d is not None]
    dmin, dmax = (min(bounds), max(bounds)) if bounds else (None, None)
    axis_map = TimeAxis(bounds) if bounds else None
    span = max(1.0, axis_map.length) if axis_map else 1.0
    dense = len(data.events) > 500
    gap = 30.0 if dense else 130.0
    row_h = 30.0 if dense else 60.0

    index = {iri: i for i, iri in enumerate(node_ids)}
    reached: dict[str, list[str]] = {}
    linked_from: dict[str, list[str]] = {}
    for u, v, rel in view_edges:
        if rel == "reachedAt":
            reached.setdefault(u, []).append(v)
        linked_from.setdefault(v, []).append(u)

    def place(width: float):
        ppd = min(40.0, max(0.5, width / span))

        def xd(d: date) -> float:
            return axis_map.day(d) * ppd

        # lanes and x of every node ------------------------------------------------
        lane_of: dict[int, str] = {}
        track_members: dict[str, list] = {}
        xs: dict[int, float] = {}
        undated: list[int] = []
        for iri in node_ids:
            i = index[iri]
            e = events.get(iri)
            if e is None:
                continue
            if not e.dated:
                undated.append(i)
                continue
            lo, hi = e.earliest or e.latest, e.latest or e.earliest
            xs[i] = round((xd(lo) + xd(hi)) / 2, 1)
            if e.kind == "NegotiationRound" or e.track:
                lane_of[i] = f"Track {track_key(e, data)}"
                track_members.setdefault(lane_of[i], []).append(e)
            else:
                lane_of[i] = e.kind
        for iri in node_ids:
            i = index[iri]
            if attrs[iri]["group"] == "agreement":
                at = [index[v] for v in reached.get(iri, ()) if index[v] in xs]
                if at:
                    xs[i] = min(xs[j] for j in at)
                    lane_of[i] = "Agreements"
                else:
                    undated.append(i)
        # undated lane: a reading order, not a time axis
        undated.sort(key=lambda i: (attrs[node_ids[i]]["kind"], attrs[node_ids[i]]["label"], node_ids[i]))
        per_row = max(1, int(max(width, 600) // 140))
        ux = {i: (k % per_row) * 140.0 for k, i in enumerate(undated)}
        urow = {i: k // per_row for k, i in enumerate(undated)}
        for iri in node_ids:
            i = index[iri]
            if attrs[iri]["group"] == "actor":
                linked = sorted(xs.get(index[u], ux.get(index[u], 0.0)) for u in linked_from.get(iri, ()))
                xs[i] = linked[len(linked) // 2] if linked else 0.0
                lane_of[i] = "Actors"
        # lane order: tracks, classes, agreements, actors, undated
        names = set(lane_of.values())
        order = sorted(n for n in names if n.startswith("Track "))
        order += [k for k in (*EVENT_CLASSES, "Event") if k in names]
        order += [n for n in ("Agreements", "Actors") if n in names]
        titles = track_titles(track_members, data)
        lanes, ys, y = [], {}, 0.0
        members_of: dict[str, list[tuple[float, int]]] = {}
        for i, ln in lane_of.items():
            members_of.setdefault(ln, []).append((xs[i], i))
        for name in order:
            rows = _stack(members_of[name], gap)
            n_rows = max(rows.values()) + 1
            for i, r in rows.items():
                ys[i] = round(y + row_h / 2 + r * row_h, 1)
            title = titles.get(name) or (class_title(name, plural=True) if name in EVENT_CLASSES or name == "Event"
                                         else name)
            lanes.append({"label": title, "y0": y, "y1": y + n_rows * row_h, "undated": False,
                          "track": name[len("Track "):] if name.startswith("Track ") else None})
            y += n_rows * row_h + 20
        if undated:
            n_rows = max(urow.values()) + 1
            for i in undated:
                xs[i] = ux[i]
                ys[i] = round(y + row_h / 2 + urow[i] * row_h, 1)
            lanes.append({"label": UNDATED, "y0": y, "y1": y + n_rows * row_h, "undated": True, "track": None})
        dated_bottom = max((ln["y1"] for ln in lanes if not ln["undated"]), default=0.0)
        return ppd, xs, ys, lanes, dated_bottom, lane_of

    # widen the axis until the page is landscape (or a day gets 40 px)
    width = max(1600.0, min(200000.0, 4.0 * n_dated)) if dense else 1200.0
    while True:
        ppd, xs, ys, lanes, dated_bottom, lane_of = place(width)
        height = lanes[-1]["y1"] if lanes else 0.0
        if width >= 200000.0 or ppd >= 40.0 or width >= 1.6 * height:
            break
        width *= 2

    def xd(d: date) -> float:
        return round(axis_map.day(d) * ppd, 1)

    # nodes -------------------------------------------------------------------
    groups: dict[str, dict] = {}
    group_index: dict[str, int] = {}

    def group(kind: str, status: str, node_group: str) -> int:
        style = STATUS_STYLES.get(status, "occurred" if node_group == "actor" else "unknown")
        name = f"{kind}:{style}"
        if name not in group_index:
            shape, size = {"event": ("dot", 10), "agreement": ("diamond", 11), "actor": ("square", 7)}[node_group]
            group_index[name] = len(group_index)
            groups[name] = _group_options(kind, style, shape, size)
        return group_index[name]

    T = _Tables(data)
    track_list = [ln["track"] for ln in lanes if ln["track"] is not None]
    track_index = {f"Track {k}": n for n, k in enumerate(track_list)}
    nodes, info, whiskers, shorts, facets, reports, linked = [], [], [], [], [], [], []
    actor_nodes = {iri for iri in node_ids if attrs[iri]["group"] == "actor"}
    for iri in node_ids:
        i = index[iri]
        nd = attrs[iri]
        nodes.append([xs[i], ys[i], _short(nd["label"]), group(nd["kind"], nd["status"], nd["group"])])
        ev = events.get(iri)
        if ev is not None:
            shorts.append(short_label(ev, data))
            lo, hi = ev.earliest or ev.latest, ev.latest or ev.earliest
            facets.append([ev.kind, ev.status or "", track_index.get(lane_of.get(i, ""), -1),
                           lo.toordinal() if lo else None, hi.toordinal() if hi else None, rank(ev.kind)])
            reports.append([[d.toordinal() if d else None, st] for d, st in ev.reports])
            linked.append(sorted(index[a] for a in ev.actors if a in actor_nodes))
        elif iri in data.agreement_by_iri:
            g = data.agreement_by_iri[iri]
            shorts.append(agreement_label(nd["label"]))
            at = [events[v] for v in g.reached_at if v in events and events[v].dated]
            lo = min((e.earliest or e.latest for e in at), default=None)
            hi = max((e.latest or e.earliest for e in at), default=None)
            facets.append(["Agreement", g.status or "", track_index.get(lane_of.get(i, ""), -1),
                           lo.toordinal() if lo else None, hi.toordinal() if hi else None, rank("Agreement")])
            reports.append([])
            linked.append(sorted(index[a] for a in g.parties if a in actor_nodes))
        else:
            shorts.append(_short(nd["label"], 26))
            facets.append([nd["kind"], "", -1, None, None, rank(nd["kind"])])
            reports.append([])
            linked.append([])
        rows: list[list[str]] = []
        evidence: list[list[str]] = []
        e = events.get(iri)
        if e is not None:
            rows += [T.row("Class", e.kind), T.row("Status", e.status or "not stated"),
                     T.row("Dates", _dates_text(e.earliest, e.latest))]
            if e.timex:
                rows.append(T.row("TIMEX3", e.timex))
            if e.round is not None:
                rows.append(T.row("Round", str(e.round)))
            if e.track:
                rows.append(T.row("Track", e.track))
            if e.places:
                rows.append(T.row("Place", ", ".join(data.label(p) for p in e.places)))
            for key, vals in (("Actors", e.actors), ("Proposed by", e.proposed_by), ("Proposes", e.proposes),
                              ("Responds to", e.responds_to), ("Realized by", e.realized_by)):
                if vals:
                    rows.append(T.row(key, ", ".join(data.label(v) for v in vals)))
            evidence = T.evidence(e.evidence)
            if e.dated and not e.certain and dmin is not None:
                lo = xd(e.earliest) if e.earliest else None
                hi = xd(e.latest) if e.latest else None
                whiskers.append([lo if lo is not None else hi, hi if hi is not None else lo, ys[i],
                                 1 if lo is None else 0, 1 if hi is None else 0])
        elif iri in data.agreement_by_iri:
            g = data.agreement_by_iri[iri]
            rows += [T.row("Class", "Agreement"), T.row("Status", g.status or "not stated")]
            if g.reached_at:
                rows.append(T.row("Reached at", ", ".join(data.label(v) for v in g.reached_at)))
                at = [events[v] for v in g.reached_at if v in events]
                if at:
                    rows.append(T.row("Dates", _dates_text(at[0].earliest, at[0].latest)))
            if g.parties:
                rows.append(T.row("Parties", ", ".join(data.label(v) for v in g.parties)))
            evidence = T.evidence(g.evidence)
        else:
            a = data.actor_by_iri.get(iri)
            rows.append(T.row("Class", a.kind if a else "Actor"))
            if a is not None:
                if a.job_title:
                    rows.append(T.row("Title", a.job_title))
                if a.affiliated_with:
                    rows.append(T.row("Speaks for", ", ".join(data.label(v) for v in a.affiliated_with)))
                evidence = T.evidence(a.evidence)
        info.append([nd["label"], rows, evidence])

    for kind in sorted({e.kind for e in data.events}):  # the page restyles a node as of a day
        for status in (*STATUS_STYLES, ""):
            group(kind, status, "event")
    rel_index = {rel: k for k, rel in enumerate(TIMELINE_RELS)}
    edges = [[index[u], index[v], rel_index[rel]] for u, v, rel in view_edges]

    # month ticks -------------------------------------------------------------
    ticks, breaks = [], []
    if dmin is not None:
        starts = []
        m = date(dmin.year, dmin.month, 1)
        end = date(dmax.year + (dmax.month == 12), dmax.month % 12 + 1, 1)
        while m <= end:
            if not axis_map.cut(m):
                starts.append(m)
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
        months = len(starts)
        step = 1 if months <= 24 else 3 if months <= 72 else 12
        line_every = 1 if months <= 120 else step
        for k, m in enumerate(starts):
            if k % line_every == 0:
                ticks.append([xd(m), m.strftime("%b %Y") if k % step == 0 else "", 1 if m.month == 1 else 0])
        for a, b in axis_map.breaks:
            days = (b - a).days
            span_text = f"{days / 365.25:.1f} years" if days > 400 else f"{days} days"
            breaks.append([xd(a), xd(b), f"axis cut: {span_text} without events ({a.isoformat()} – {b.isoformat()})"])

    ticksets = tick_sets(dmin, dmax, xd, axis_map.cut) if dmin is not None else {}
    published = sorted({d.issued for d in data.documents if d.issued is not None})
    present_kinds = sorted({a["kind"] for a in attrs.values()})
    story = {
        "short": shorts,
        "facets": facets,
        "linked": linked,
        "reports": reports,
        "tracks": [next(ln["label"] for ln in lanes if ln["track"] == k) for k in track_list],
        "ticksets": ticksets,
        "published": [[d.toordinal(), d.isoformat()] for d in published],
        "class_titles": {k: class_title(k, plural=True) for k in (*EVENT_CLASSES, "Event", "Agreement")},
    }
    return story | _payload(
        "timeline", nodes, node_ids, info, T, edges, groups, TIMELINE_RELS,
        [[k, CLASS_COLORS.get(k, CLASS_COLORS["Event"]), _SHAPES.get(k, "dot"), class_title(k)]
         for k in present_kinds], dense,
        lanes=lanes, ticks=ticks, breaks=breaks, whiskers=whiskers,
        axis={"y0": 0.0, "y1": dated_bottom, "ppd": ppd, "start": dmin.isoformat() if dmin else None},
    )
