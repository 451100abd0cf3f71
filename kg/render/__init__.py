"""Views: the interactive timeline and actor pages, and exports for other tools.

:func:`write_views` writes, from a graph in a pyoxigraph Store, into ``out_dir``:
``timeline.html`` and ``actors.html`` (self-contained pages; nothing is fetched),
``timeline.json`` (TimelineJS), ``graph.graphml`` (Gephi) and ``analysis.json``.

>>> import tempfile
>>> from kg.analysis import store_from_trig, EXAMPLE_TRIG
>>> with tempfile.TemporaryDirectory() as d:
...     [p.name for p in write_views(store_from_trig(EXAMPLE_TRIG), d)]
['timeline.html', 'actors.html', 'timeline.json', 'graph.graphml', 'analysis.json']
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from kg.analysis.data import TimelineData, read_timeline
from kg.analysis.report import analyze

__all__ = ["write_views", "write_json", "render_timeline", "render_actors", "timelinejs", "graphml_graph",
           "VIEW_FILES"]

VIEW_FILES = ("timeline.html", "actors.html", "timeline.json", "graph.graphml", "analysis.json")


def __getattr__(name: str):  # exports without importing networkx at package import
    if name in ("timelinejs", "graphml_graph"):
        from kg.render import exports

        return getattr(exports, name)
    raise AttributeError(name)


def render_timeline(data: TimelineData, *, title: str = "Negotiation timeline") -> str:
    """The timeline page for ``data`` as an HTML string (the page of
    :func:`kg.render.network.timeline_network`).

    >>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
    >>> page = render_timeline(read_timeline(store_from_trig(EXAMPLE_TRIG)))
    >>> "https://" in page.split('id="kg-data"')[0].split("<style>")[0]
    False
    """
    from kg.render.network import timeline_network

    return timeline_network(data, title=title).generate_html()


def render_actors(data: TimelineData, *, title: str = "Actors of the negotiations", measures=None) -> str:
    """The actor network page for ``data`` as an HTML string (``measures``:
    :func:`kg.analysis.actor_measures` if already computed).

    >>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
    >>> "Rustem Umerov" in render_actors(read_timeline(store_from_trig(EXAMPLE_TRIG)))
    True
    """
    from kg.render.network import actors_network

    return actors_network(data, title=title, measures=measures).generate_html()


def _write_atomic(path: Path, text: str | None = None, writer=None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if writer is not None:
                writer(fh)
            else:
                fh.write(text.encode("utf-8"))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _holds_items(obj) -> bool:
    from kg.analysis.report import Items

    return isinstance(obj, Items) or isinstance(obj, dict) and any(_holds_items(v) for v in obj.values())


def write_json(fh, obj) -> None:
    """Write ``obj`` into the binary file ``fh`` as ``json.dumps(obj, ensure_ascii=False,
    sort_keys=True)`` does, byte for byte, with each :class:`kg.analysis.report.Items`
    in it written item by item (made as they are written, never all held).

    >>> import io
    >>> from kg.analysis.report import Items
    >>> obj = {"b": Items(lambda: ({"y": 1, "x": [i]} for i in range(2)), 2), "a": "é", "c": {}}
    >>> fh = io.BytesIO(); write_json(fh, obj); fh.getvalue().decode()
    '{"a": "é", "b": [{"x": [0], "y": 1}, {"x": [1], "y": 1}], "c": {}}'
    >>> obj["b"] = list(obj["b"]); json.dumps(obj, ensure_ascii=False, sort_keys=True) == fh.getvalue().decode()
    True
    """
    from kg.analysis.report import Items

    if isinstance(obj, dict) and _holds_items(obj):
        fh.write(b"{")
        for n, key in enumerate(sorted(obj)):
            head = json.dumps(key, ensure_ascii=False) + ": "
            fh.write(((", " if n else "") + head).encode("utf-8"))
            write_json(fh, obj[key])
        fh.write(b"}")
    elif isinstance(obj, Items):
        fh.write(b"[")
        for n, item in enumerate(obj):
            text = json.dumps(item, ensure_ascii=False, sort_keys=True)
            fh.write(((", " if n else "") + text).encode("utf-8"))
        fh.write(b"]")
    else:
        fh.write(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def write_views(store, out_dir: str | Path, *, data: TimelineData | None = None) -> list[Path]:
    """Write the pages and exports of the graph in ``store`` into ``out_dir``.

    Each file is written atomically. An empty consolidated view still gives
    pages (saying so) and an analysis with zero counts. Returns the paths written.
    """
    from kg.analysis.actors import ActorMeasure
    from kg.render.exports import graphml_parts, graphml_text, timelinejs

    out = Path(out_dir)
    data = read_timeline(store) if data is None else data
    report = analyze(data, allow_empty=True, lazy=True)  # the entries are made as written
    measures = [ActorMeasure(**{**m, "affiliated_with": tuple(m["affiliated_with"])})
                for m in report["actors"]["measures"]]
    # large files: compact JSON (the C encoder), one line
    return [
        _write_atomic(out / "timeline.html", render_timeline(data)),
        _write_atomic(out / "actors.html", render_actors(data, measures=measures)),
        _write_atomic(out / "timeline.json", json.dumps(timelinejs(data), ensure_ascii=False)),
        _write_atomic(out / "graph.graphml", graphml_text(graphml_parts(data))),
        _write_atomic(out / "analysis.json", writer=lambda fh: write_json(fh, report)),
    ]
