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
>>> T = timeline_view(G); T.number_of_nodes(), T.number_of_edges()
(7, 10)
"""

from __future__ import annotations

from kg.analysis.data import TimelineData

__all__ = ["project", "timeline_view", "actor_view", "TIMELINE_RELS"]

#: The edge types the timeline page draws (affiliations are drawn on the actors page).
TIMELINE_RELS = ("participant", "proposedBy", "proposes", "respondsTo", "realizedBy", "reachedAt", "party")


def project(data: TimelineData):
    """The whole graph as a ``networkx.MultiDiGraph`` (the GraphML export)."""
    import networkx as nx

    G = nx.MultiDiGraph()
    for e in data.events:
        G.add_node(e.iri, group="event", kind=e.kind, label=e.label, status=e.status)
    for g in data.agreements:
        G.add_node(g.iri, group="agreement", kind="Agreement", label=g.label, status=g.status)
    for a in data.actors:
        G.add_node(a.iri, group="actor", kind=a.kind, label=a.label, status="")

    def actor(iri: str) -> bool:
        if iri not in G:  # referenced as an actor but not described: still an actor
            G.add_node(iri, group="actor", kind="Actor", label=data.label(iri), status="")
        return G.nodes[iri]["group"] == "actor"

    def target(iri: str, group: str) -> bool:
        return iri in G and G.nodes[iri]["group"] == group

    for e in data.events:
        for a in e.actors:
            if actor(a):
                G.add_edge(e.iri, a, rel="participant")
        for a in e.proposed_by:
            if actor(a):
                G.add_edge(e.iri, a, rel="proposedBy")
        for rel, targets in (("proposes", e.proposes), ("respondsTo", e.responds_to), ("realizedBy", e.realized_by)):
            for t in targets:
                if target(t, "event"):
                    G.add_edge(e.iri, t, rel=rel)
    for g in data.agreements:
        for t in g.reached_at:
            if target(t, "event"):
                G.add_edge(g.iri, t, rel="reachedAt")
        for a in g.parties:
            if actor(a):
                G.add_edge(g.iri, a, rel="party")
    for a in data.actors:
        for b in a.affiliated_with:
            if actor(b):
                G.add_edge(a.iri, b, rel="affiliatedWith")
    return G


def timeline_view(G):
    """What the timeline page draws: events, agreements, the actors linked to
    them, and every edge but affiliations."""
    keep = {n for n, d in G.nodes(data=True) if d["group"] != "actor"}
    edges = [(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d["rel"] in TIMELINE_RELS]
    keep |= {v for _, v, _ in edges}
    return _with_nodes(G, keep, edges)


def _with_nodes(G, nodes, edges):
    H = G.__class__()
    H.add_nodes_from((n, G.nodes[n]) for n in sorted(nodes))
    H.add_edges_from((u, v, k, G.edges[u, v, k]) for u, v, k in edges)
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
