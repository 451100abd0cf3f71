"""The whole analysis as plain JSON-ready data, and its text rendering.

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> report = analyze(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> report["counts"]
{'events': 3, 'dated': 2, 'undated': 1, 'actors': 3, 'agreements': 1, 'documents': 0, 'proposals': 1}
>>> report["views"]["timeline"], report["exports"]["timelinejs"]["omitted_undated"]
({'nodes': 7, 'edges': 10}, ['https://w3id.org/negotiation-kg/id/event/r3'])
>>> print(format_text(report).splitlines()[0])
Timeline: 3 events (2 dated, 1 undated), 3 actors, 1 agreements, 0 documents
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields, is_dataclass

from kg.analysis.actors import actor_measures, affiliations, coparticipation, top_proposers
from kg.analysis.data import TimelineData
from kg.analysis.projection import actor_view, graph_parts, timeline_view_parts
from kg.analysis.proposals import proposals
from kg.analysis.timeline import timeline_entries, undated_entries
from kg.analysis.tracks import tracks
from kg.errors import RenderError

__all__ = ["analyze", "format_text", "Items"]


class Items:
    """A list of a report made item by item each time it is read, for a writer
    that streams it (:func:`kg.render.write_json`): the timeline's entries, whose
    ``concurrent`` lists grow with the square of the events of a busy stretch, so
    a large graph's are never all held at once. ``list(items)`` is the list.

    >>> items = Items(lambda: iter("ab"), 2)
    >>> len(items), list(items), list(items)
    (2, ['a', 'b'], ['a', 'b'])
    """

    def __init__(self, make: Callable[[], Iterable], n: int) -> None:
        self._make = make
        self._n = n

    def __iter__(self) -> Iterator:
        return iter(self._make())

    def __len__(self) -> int:
        return self._n


def asdict(obj):
    """A record as plain JSON data (tuples become lists); faster than dataclasses.asdict.

    >>> from kg.analysis.timeline import UndatedEntry
    >>> asdict(UndatedEntry("i", "l", "Summit", "Proposed"))
    {'iri': 'i', 'label': 'l', 'kind': 'Summit', 'status': 'Proposed'}
    """
    if is_dataclass(obj):
        return {f.name: asdict(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [asdict(x) for x in obj]
    return obj


def analyze(data: TimelineData, *, allow_empty: bool = False, lazy: bool = False) -> dict:
    """Timeline, tracks, actors, proposals, the views' sizes and export notes.

    Raises RenderError when the graph holds no event and no actor, unless
    ``allow_empty`` (the build still writes empty views then). With ``lazy`` the
    timeline's entries are :class:`Items`, made as they are written.
    """
    if not data.events and not data.actors and not allow_empty:
        raise RenderError("the consolidated view holds no events and no actors")
    undated = undated_entries(data)
    if lazy:
        entries = Items(lambda: (asdict(e) for e in timeline_entries(data)),
                        sum(1 for e in data.events if e.dated))
    else:
        entries = [asdict(e) for e in timeline_entries(data)]
    C = coparticipation(data)
    measures = actor_measures(data, C) if C.number_of_nodes() else []
    parts = graph_parts(data)
    t_nodes, t_edges = timeline_view_parts(parts)
    A = actor_view(data, C)
    props = proposals(data)
    return {
        "counts": {
            "events": len(data.events),
            "dated": len(entries),
            "undated": len(undated),
            "actors": len(data.actors),
            "agreements": len(data.agreements),
            "documents": len(data.documents),
            "proposals": len(props),
        },
        "timeline": {
            "entries": entries,
            "undated": [asdict(e) for e in undated],
        },
        "tracks": [asdict(tr) for tr in tracks(data)],
        "actors": {
            "measures": [asdict(m) for m in measures],
            "affiliations": [list(p) for p in affiliations(data)],
            "top_proposers": [list(p) for p in top_proposers(data)],
            "coparticipation": {"nodes": C.number_of_nodes(), "edges": C.number_of_edges()},
        },
        "proposals": [asdict(p) for p in props],
        "views": {
            "timeline": {"nodes": len(t_nodes), "edges": len(t_edges)},
            "actors": {"nodes": A.number_of_nodes(), "edges": A.number_of_edges()},
        },
        "exports": {
            "timelinejs": {
                "events": len(entries),
                "omitted_undated": [u.iri for u in undated],
                "note": "TimelineJS needs a start year; events the text gives no date for are left out, never given an invented date.",
            },
            "graphml": {"nodes": len(parts[0]), "edges": len(parts[1])},
        },
    }


def _dates(lo: str | None, hi: str | None) -> str:
    if lo and hi:
        return lo if lo == hi else f"{lo} … {hi}"
    if hi:
        return f"by {hi}"
    if lo:
        return f"from {lo}"
    return "undated"


def format_text(report: dict, *, limit: int = 40) -> str:
    """A readable summary of :func:`analyze`'s report (``kg analyze``)."""
    c = report["counts"]
    lines = [
        f"Timeline: {c['events']} events ({c['dated']} dated, {c['undated']} undated), "
        f"{c['actors']} actors, {c['agreements']} agreements, {c['documents']} documents",
    ]
    entries = report["timeline"]["entries"]
    for e in entries[:limit]:
        mark = " ~" if e["concurrent"] else "  "
        lines.append(f"{mark}{_dates(e['earliest'], e['latest']):<26} {e['kind']:<22} {e['status']:<9} {e['label']}")
    if len(entries) > limit:
        lines.append(f"  … {len(entries) - limit} more dated events")
    if entries:
        lines.append("  (~ order not fixed by the dates: bounds overlap another event's)")
    if report["timeline"]["undated"]:
        lines.append("Undated (no date in the text):")
        for u in report["timeline"]["undated"][:limit]:
            lines.append(f"  {u['kind']:<22} {u['status']:<9} {u['label']}")
    for tr in report["tracks"]:
        lines.append(f"Track {tr['key']}: {len(tr['rounds'])} rounds")
        for r in tr["rounds"]:
            gap = f"+{r['gap_days']}d" if r["gap_days"] is not None else "   "
            extra = []
            if r["agreements"]:
                extra.append(f"{len(r['agreements'])} agreement(s)")
            if r["proposed"]:
                extra.append(f"proposed {len(r['proposed'])}")
            num = r["round"] if r["round"] is not None else "?"
            lines.append(f"  round {num:<3} {gap:>6} {_dates(r['earliest'], r['latest']):<26} {r['status']:<9} {r['label']}"
                         + (f" [{'; '.join(extra)}]" if extra else ""))
    measures = report["actors"]["measures"]
    if measures:
        lines.append("Actors (betweenness, degree, events):")
        for m in measures[: min(limit, 15)]:
            lines.append(f"  {m['betweenness']:.3f} {m['degree']:.3f} {m['events']:>4}  {m['label']} ({m['kind']})")
    if report["actors"]["affiliations"]:
        lines.append("Speaks for: " + "; ".join(f"{a} → {b}" for a, b in report["actors"]["affiliations"][:limit]))
    if report["actors"]["top_proposers"]:
        lines.append("Top proposers: " + ", ".join(f"{a} ({n})" for a, n in report["actors"]["top_proposers"]))
    if report["proposals"]:
        lines.append("Proposals:")
        for p in report["proposals"][:limit]:
            for t in p["proposes"] or [{"label": "(nothing linked)", "status": "", "realized_by": []}]:
                real = f" → realized by {', '.join(t['realized_by_labels'])}" if t["realized_by"] else ""
                lines.append(f"  {', '.join(p['by']) or '?'}: {t['label']} [{t['status'] or '?'}]{real}")
    omitted = report["exports"]["timelinejs"]["omitted_undated"]
    if omitted:
        lines.append(f"TimelineJS export leaves out {len(omitted)} undated event(s).")
    return "\n".join(lines)
