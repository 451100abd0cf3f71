"""Actors: who takes part with whom, who is central, who speaks for whom.

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> data = read_timeline(store_from_trig(EXAMPLE_TRIG))
>>> G = coparticipation(data)
>>> sorted(G.nodes), G["https://w3id.org/negotiation-kg/id/actor/russia"]["https://w3id.org/negotiation-kg/id/actor/ukraine"]["weight"]
(['https://w3id.org/negotiation-kg/id/actor/russia', 'https://w3id.org/negotiation-kg/id/actor/ukraine', 'https://w3id.org/negotiation-kg/id/actor/umerov'], 2)
>>> [(a.label, a.degree, a.events) for a in actor_measures(data)]
[('Russia', 0.5, 2), ('Ukraine', 0.5, 2), ('Rustem Umerov', 0.0, 1)]
>>> affiliations(data)
[('Rustem Umerov', 'Ukraine')]
>>> top_proposers(data)
[('Rustem Umerov', 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from kg.analysis.data import TimelineData
from kg.errors import RenderError

__all__ = ["ActorMeasure", "coparticipation", "actor_measures", "affiliations", "top_proposers"]


@dataclass(frozen=True, slots=True)
class ActorMeasure:
    iri: str
    label: str
    kind: str
    events: int  # events the actor takes part in
    degree: float  # degree centrality in the co-participation network
    betweenness: float
    proposals: int  # proposals it made (nkg:proposedBy)
    affiliated_with: tuple[str, ...] = ()


def coparticipation(data: TimelineData):
    """The co-participation network: actors linked by the events they share.

    An undirected ``networkx.Graph`` over every actor of ``data`` (isolated
    ones included); edge ``weight`` counts the shared events, ``events`` lists them.
    """
    import networkx as nx

    G = nx.Graph()
    for a in data.actors:
        G.add_node(a.iri, label=a.label, kind=a.kind)
    for e in data.events:
        people = sorted(set(e.actors) | set(e.proposed_by))
        for a in people:
            if a not in G:
                G.add_node(a, label=data.label(a), kind="Actor")
        for u, v in combinations(people, 2):
            if G.has_edge(u, v):
                G[u][v]["weight"] += 1
                G[u][v]["events"].append(e.iri)
            else:
                G.add_edge(u, v, weight=1, events=[e.iri])
    return G


def actor_measures(data: TimelineData, G=None) -> list[ActorMeasure]:
    """Degree and betweenness centrality of every actor, most central first.

    Betweenness is exact up to 300 actors and estimated from 200 sampled
    sources (fixed seed) above, so that large graphs stay fast and results
    stay reproducible.
    Raises RenderError on a graph with no actors.
    """
    import networkx as nx

    G = coparticipation(data) if G is None else G
    if G.number_of_nodes() == 0:
        raise RenderError("the graph has no actors to measure")
    degree = nx.degree_centrality(G) if G.number_of_nodes() > 1 else {n: 0.0 for n in G}
    k = 200 if G.number_of_nodes() > 300 else None
    between = nx.betweenness_centrality(G, k=k, seed=0)
    events = Counter(a for e in data.events for a in set(e.actors) | set(e.proposed_by))
    proposals = Counter(a for e in data.events for a in e.proposed_by)
    out = []
    for iri in G.nodes:
        rec = data.actor_by_iri.get(iri)
        out.append(
            ActorMeasure(
                iri=iri,
                label=G.nodes[iri].get("label") or data.label(iri),
                kind=G.nodes[iri].get("kind") or "Actor",
                events=events[iri],
                degree=round(degree[iri], 6),
                betweenness=round(between[iri], 6),
                proposals=proposals[iri],
                affiliated_with=rec.affiliated_with if rec else (),
            )
        )
    out.sort(key=lambda m: (-m.betweenness, -m.degree, -m.events, m.label, m.iri))
    return out


def affiliations(data: TimelineData) -> list[tuple[str, str]]:
    """Who speaks for whom: (actor, the actor it is affiliated with), by label."""
    return sorted(
        (a.label, data.label(b)) for a in data.actors for b in a.affiliated_with
    )


def top_proposers(data: TimelineData, n: int = 10) -> list[tuple[str, int]]:
    """The actors that made the most proposals (nkg:proposedBy), with their counts."""
    counts = Counter(a for e in data.events for a in set(e.proposed_by))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], data.label(kv[0]), kv[0]))
    return [(data.label(a), c) for a, c in ranked[:n]]
