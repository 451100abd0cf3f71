"""The networkx projection of the graph, and the node/edge sets each view draws.

Nodes are events, agreements and actors (``kind`` = their class, ``group`` =
event, agreement or actor); edges are typed by ``rel``:

========== ===================== ==========================
rel        from -> to            graph property
========== ===================== ==========================
participant event -> actor        sem:hasActor
proposedBy proposal -> actor      nkg:proposedBy
proposes   proposal -> event      nkg:proposes
respondsTo statement -> event     nkg:respondsTo
realizedBy event -> event         nkg:realizedBy
reachedAt  agreement -> event     nkg:reachedAt
party      agreement -> actor     nkg:party
affiliatedWith actor -> actor     nkg:affiliatedWith
========== ===================== ==========================

Edges whose target is no event, agreement or actor of the view are left out.

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> G = project(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> G.number_of_nodes(), G.number_of_edges()
(7, 11)
>>> sorted({d["rel"] for _, _, d in G.edges(data=True)})
['affiliatedWith', 'participant', 'party', 'proposedBy', 'proposes', 'reachedAt']
>>> T = timeline_view(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> T.number_of_nodes(), T.number_of_edges()
(7, 10)
"""

from __future__ import annotations

from kg.analysis.data import TimelineData

__all__ = ["graph_parts", "project", "timeline_view", "timeline_view_parts", "actor_view", "TIMELINE_RELS"]

#: The edge types the timeline page draws (affiliations are drawn on the actors page).
TIMELINE_RELS = ("participant", "proposedBy", "proposes", "respondsTo", "realizedBy", "reachedAt", "party")


def graph_parts(data: TimelineData) -> tuple[dict[str, dict], list[tuple[str, str, str]]]:
    """The projection as plain data: node attributes by IRI, ``(from, to, rel)`` edges."""
    nodes: dict[str, dict] = {}
    for e in data.events:
        nodes[e.iri] = {"group": "event", "kind": e.kind, "label": e.label, "status": e.status}
    for g in data.agreements:
        nodes[g.iri] = {"group": "agreement", "kind": "Agreement", "label": g.label, "status": g.status}
    for a in data.actors:
        nodes[a.iri] = {"group": "actor", "kind": a.kind, "label": a.label, "status": ""}
    edges: list[tuple[str, str, str]] = []

    def actor(iri: str) -> bool:
        if iri not in nodes:  # referenced as an actor but not described: still an actor
            nodes[iri] = {"group": "actor", "kind": "Actor", "label": data.label(iri), "status": ""}
        return nodes[iri]["group"] == "actor"

    def event(iri: str) -> bool:
        return iri in nodes and nodes[iri]["group"] == "event"

    for e in data.events:
        edges += [(e.iri, a, "participant") for a in e.actors if actor(a)]
        edges += [(e.iri, a, "proposedBy") for a in e.proposed_by if actor(a)]
        for rel, targets in (("proposes", e.proposes), ("respondsTo", e.responds_to), ("realizedBy", e.realized_by)):
            edges += [(e.iri, t, rel) for t in targets if event(t)]
    for g in data.agreements:
        edges += [(g.iri, t, "reachedAt") for t in g.reached_at if event(t)]
        edges += [(g.iri, a, "party") for a in g.parties if actor(a)]
    for a in data.actors:
        edges += [(a.iri, b, "affiliatedWith") for b in a.affiliated_with if actor(b)]
    return nodes, edges


def project(data: TimelineData):
    """The whole graph as a ``networkx.MultiDiGraph`` (the GraphML export)."""
    import networkx as nx

    nodes, edges = graph_parts(data)
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes.items())
    G.add_edges_from((u, v, {"rel": rel}) for u, v, rel in edges)
    return G


def timeline_view_parts(parts) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The nodes and ``(from, to, rel)`` edges the timeline page draws, from
    :func:`graph_parts`: events, agreements, the actors linked to them, and
    every edge but affiliations."""
    attrs, all_edges = parts
    rels = set(TIMELINE_RELS)
    edges = [e for e in all_edges if e[2] in rels]
    linked = {v for _, v, _ in edges} | {u for u, _, _ in edges}
    nodes = [n for n, a in attrs.items() if a["group"] != "actor" or n in linked]
    return nodes, edges


def timeline_view(data: TimelineData):
    """:func:`timeline_view_parts` as a ``networkx.MultiDiGraph``."""
    import networkx as nx

    parts = graph_parts(data)
    nodes, edges = timeline_view_parts(parts)
    H = nx.MultiDiGraph()
    H.add_nodes_from((n, parts[0][n]) for n in nodes)
    H.add_edges_from((u, v, {"rel": rel}) for u, v, rel in edges)
    return H


def actor_view(data: TimelineData, C=None):
    """What the actors page draws: the co-participation network (``rel`` =
    "coparticipation", with ``weight``, once per pair) plus affiliation edges
    (actor -> the actor it speaks for), as a MultiDiGraph."""
    import networkx as nx

    from kg.analysis.actors import coparticipation

    C = coparticipation(data) if C is None else C
    H = nx.MultiDiGraph()
    H.add_nodes_from(C.nodes(data=True))
    for u, v, d in C.edges(data=True):
        u, v = sorted((u, v))
        H.add_edge(u, v, rel="coparticipation", weight=d["weight"])
    for a in data.actors:
        for b in a.affiliated_with:
            if b not in H:
                H.add_node(b, label=data.label(b), kind="Actor")
            H.add_edge(a.iri, b, rel="affiliatedWith", weight=1)
    return H
