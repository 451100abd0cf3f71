"""The views as pyvis ``Network`` objects: the pages are rendered from them.

:func:`timeline_network` and :func:`actors_network` give a :class:`KgNetwork`, a
pyvis ``Network`` whose ``nodes``, ``edges`` and ``options`` are those the page
draws (positions, groups and colours, edge styles, the vis-network options), filled
in one pass over the layout's payload. Its ``generate_html()`` renders the
project's own offline template (``assets/page.html.jinja``, through pyvis's
template environment) around them, so ``timeline.html`` and a ``Network`` tweaked
in a notebook are drawn by the same code: nothing is fetched, vis-network is
inlined from the pyvis package, and every text from a document is escaped.

>>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> net = timeline_network(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> len(net.nodes), len(net.edges), net.options["physics"]
(7, 10, False)
>>> sorted(net.nodes[0])
['group', 'id', 'label', 'x', 'y']
>>> "Second round (2025-06-02)" in net.generate_html()
True
"""

from __future__ import annotations

import gc
import math
from contextlib import contextmanager
from pathlib import Path

from pyvis.network import Network

from kg.analysis.data import TimelineData

__all__ = ["KgNetwork", "network_from_payload", "timeline_network", "actors_network"]

@contextmanager
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


#: Keys of a layout payload that the Network holds as its own nodes and edges.
_DRAWN = ("nodes", "edges")


class KgNetwork(Network):
    """A pyvis ``Network`` that renders as a kg page.

    ``nodes``, ``edges`` and ``options`` are pyvis's (edit them as usual);
    ``payload`` holds the rest of the page's data (tooltips, lanes, axis ticks,
    legend) and ``page`` its title, summary and note.
    """

    def __init__(self, payload: dict, *, title: str, summary: str = "", note: str = ""):
        from kg.render.page import ASSETS, TEMPLATE

        super().__init__(height="100%", width="100%", heading=title, cdn_resources="in_line",
                         directed=payload.get("page") == "timeline")
        self.set_template_dir(str(ASSETS), TEMPLATE)
        self.payload = {k: v for k, v in payload.items() if k not in _DRAWN}
        self.page = {"title": title, "summary": summary, "note": note}
        with _no_gc():  # many small objects: the cyclic collector only slows this down
            self.nodes, self.edges, self.options = _expand(payload)
        self.node_ids = [n["id"] for n in self.nodes]
        self.node_map = {n["id"]: n for n in self.nodes}

    def page_data(self) -> dict:
        """The JSON the page's script draws: the payload with these nodes, edges, options."""
        return {**self.payload, "nodes": self.nodes, "edges": self.edges, "options": self.options}

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The self-contained page (the arguments are pyvis's, kept for compatibility)."""
        from kg.render.page import render_page

        template = self.templateEnv.get_template(self.path)
        with _no_gc():
            self.html = render_page(template, self.page_data(), **self.page)
        return self.html

    def write_html(self, name, local: bool = True, notebook: bool = False, open_browser: bool = False) -> None:
        """Write the page to ``name`` atomically (no ``lib/`` folder: everything is inlined)."""
        from kg.render import _write_atomic

        path = _write_atomic(Path(name), self.generate_html())
        if open_browser:
            import webbrowser

            webbrowser.open(path.resolve().as_uri())

    def _repr_html_(self) -> str:
        """Drawn inline in Jupyter, in an iframe (a page's script does not run when its
        HTML is inserted directly)."""
        import html

        return (f'<iframe srcdoc="{html.escape(self.generate_html(), quote=True)}" '
                'style="width:100%;height:640px;border:1px solid #ddd" sandbox="allow-scripts" '
                f'title="{html.escape(self.page["title"], quote=True)}"></iframe>')


def _expand(payload: dict) -> tuple[list[dict], list[dict], dict]:
    """vis-network nodes, edges and options from the compact form of a payload."""
    nodes = []
    for i, n in enumerate(payload["nodes"]):
        node = {"id": i, "x": n[0], "y": n[1], "label": n[2], "group": f"g{n[3]}"}
        if len(n) > 4:
            node["size"] = n[4]
        nodes.append(node)
    # an edge names its relation; the page styles it from the relation's row of the
    # payload ("rels": colour, dashes, arrow, width) unless the edge sets that itself
    rels = payload["rels"]
    names = [r[0] for r in rels]
    edges = [{"id": j, "from": e[0], "to": e[1], "rel": names[e[2]]} for j, e in enumerate(payload["edges"])]
    for j, e in enumerate(payload["edges"]):
        if len(e) > 3 and names[e[2]] == "coparticipation":
            edges[j]["width"] = round(min(8, rels[e[2]][5] + math.log(e[3])), 2)
    dense = payload["dense"]
    options = {
        "physics": False,
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "groups": {f"g{k}": g for k, g in enumerate(payload["groups"])},
        # labels are drawn by the page's own layer (placed without overlap), not by vis
        "nodes": {"font": {"size": 0, "face": "sans-serif", "color": "#222222"},
                  "scaling": {"label": {"enabled": False}}},
        "edges": {"smooth": False, "selectionWidth": 1.5},
        "interaction": {"hover": True, "dragNodes": False, "tooltipDelay": 80, "multiselect": False,
                        "hideEdgesOnDrag": dense, "hideEdgesOnZoom": dense,
                        "navigationButtons": False, "keyboard": False},
    }
    return nodes, edges, options


def network_from_payload(payload: dict, *, title: str, summary: str = "", note: str = "") -> KgNetwork:
    """The :class:`KgNetwork` of a payload of :mod:`kg.render.layout`."""
    return KgNetwork(payload, title=title, summary=summary, note=note)


def _summary(data: TimelineData) -> str:
    dated = sum(1 for e in data.events if e.dated)
    return (f"{len(data.events)} events ({dated} dated, {len(data.events) - dated} undated), "
            f"{len(data.actors)} actors, {len(data.agreements)} agreements, "
            f"{len(data.documents)} source documents")


def timeline_network(data: TimelineData, *, title: str = "Negotiation timeline") -> KgNetwork:
    """The timeline of ``data`` as a :class:`KgNetwork` (``timeline.html`` is its page)."""
    from kg.render.layout import timeline_payload

    with _no_gc():
        payload = timeline_payload(data)
    undated = sum(1 for e in data.events if not e.dated)
    note = f"{undated} undated event(s) in their own lane, not on the time axis" if undated else ""
    if not data.events:
        note = "The graph holds no events yet."
    return network_from_payload(payload, title=title, summary=_summary(data), note=note)


def actors_network(data: TimelineData, *, title: str = "Actors of the negotiations",
                   measures=None) -> KgNetwork:
    """The actor network of ``data`` as a :class:`KgNetwork` (``actors.html`` is its page);
    ``measures``: :func:`kg.analysis.actor_measures` if already computed."""
    from kg.render.layout import actors_payload

    with _no_gc():
        payload = actors_payload(data, measures)
    note = "" if data.actors else "The graph holds no actors yet."
    summary = ("Size: betweenness centrality; colour: community of the co-participation network; "
               "shape: person, country or organization; edges: events taken part in together, affiliations.")
    return network_from_payload(payload, title=title, summary=summary, note=note)
