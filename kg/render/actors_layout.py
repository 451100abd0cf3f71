"""The actor network page: positions, communities in colour, size by a named measure.

Positions come from a seeded spring layout (a shell layout past 500 actors); the
colour of an actor is its community in the co-participation graph (networkx's
greedy modularity, deterministic), its shape its kind, its size its betweenness
centrality (the legend names the measure and its range). Each actor lists the
tracks whose rounds it took part in, for the page's track filter.

>>> from kg.analysis import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> p = actors_payload(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> p["size_legend"]["label"], len(p["communities"]) >= 1
('size: betweenness centrality', True)
"""

from __future__ import annotations

from kg.analysis.data import EventRec, TimelineData
from kg.analysis.projection import actor_view
from kg.analysis.tracks import track_key
from kg.render.layout import _ACTOR_SHAPES, _Tables, _group_options, _payload, _short
from kg.render.story import COMMUNITY_COLORS, track_titles

__all__ = ["actors_payload"]


def _communities(A, node_ids: list[str], data: TimelineData) -> tuple[dict[str, int], list[str]]:
    """Communities of the co-participation graph (networkx's greedy modularity, which is
    deterministic), largest first; each titled by its three most connected members."""
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(node_ids)
    for u, v, d in A.edges(data=True):  # a person goes with the body it speaks for
        w = simple[u][v]["weight"] + d.get("weight", 1) if simple.has_edge(u, v) else d.get("weight", 1)
        simple.add_edge(u, v, weight=w)
    if simple.number_of_edges() == 0:
        groups = [set(node_ids)] if node_ids else []
    else:
        groups = [set(c) for c in nx.community.greedy_modularity_communities(simple, weight="weight")]
    groups.sort(key=lambda c: (-len(c), min(c)))
    alone = set().union(*(c for c in groups if len(c) == 1)) if len(groups) > 1 else set()
    groups = [c for c in groups if len(c) > 1 or not alone] + ([alone] if alone else [])
    of, titles = {}, []
    for k, members in enumerate(groups):
        for m in members:
            of[m] = k
        if members is alone:
            titles.append("not linked to the others")
            continue
        top = sorted(members, key=lambda m: (-simple.degree(m, weight="weight"), data.label(m)))[:3]
        titles.append(", ".join(data.label(m) for m in top) + (" …" if len(members) > 3 else ""))
    return of, titles


def actors_payload(data: TimelineData, measures=None, A=None) -> dict:
    """The actor network: positions from a seeded spring layout, colour by community of the
    co-participation graph, shape by kind, size by betweenness centrality (named in the legend
    with its range), co-participation and affiliation edges, and the tracks each actor is in."""
    import networkx as nx

    from kg.analysis.actors import actor_measures

    A = actor_view(data) if A is None else A
    if measures is None:
        measures = actor_measures(data) if A.number_of_nodes() else []
    by = {m.iri: m for m in measures}
    node_ids = sorted(A.nodes)
    index = {iri: i for i, iri in enumerate(node_ids)}
    n = len(node_ids)
    if n == 0:
        pos = {}
    elif n <= 500:  # the dense spring layout (numpy only)
        simple = nx.Graph()
        simple.add_nodes_from(node_ids)
        simple.add_edges_from((u, v) for u, v in A.edges())
        pos = nx.spring_layout(simple, seed=7, iterations=50)
    else:  # large: organizations and countries inside, people outside next to whom they speak for
        inner = [i for i in node_ids if A.nodes[i].get("kind") != "Person"]
        home = {a.iri: (a.affiliated_with or ("",))[0] for a in data.actors}
        outer = sorted((i for i in node_ids if A.nodes[i].get("kind") == "Person"),
                       key=lambda i: (inner.index(home[i]) if home.get(i) in inner else len(inner), i))
        pos = nx.shell_layout(A, nlist=[inner, outer] if inner and outer else [node_ids])
    scale = 120.0 * max(3.0, n ** 0.5)
    groups: dict[str, dict] = {}
    group_index: dict[str, int] = {}
    T = _Tables(data)
    nodes, info = [], []
    community, titles = _communities(A, node_ids, data)
    top_b = max((m.betweenness for m in measures), default=0.0) or 1.0
    top_d = max((m.degree for m in measures), default=0.0) or 1.0
    tracked = _tracked(data)
    event_tracks = _actor_tracks(tracked)
    track_names = sorted({t for ts in event_tracks.values() for t in ts})
    facets, actor_tracks = [], []
    for iri in node_ids:
        kind = A.nodes[iri].get("kind") or "Actor"
        c = community.get(iri, 0)
        name = f"{kind}:{c}"
        if name not in group_index:
            group_index[name] = len(group_index)
            opts = _group_options(kind, "occurred", _ACTOR_SHAPES.get(kind, "dot"), 10)
            color = COMMUNITY_COLORS[c % len(COMMUNITY_COLORS)]
            opts["color"].update(background=color, border=color)
            opts["color"]["highlight"]["background"] = opts["color"]["hover"]["background"] = color
            groups[name] = opts
        m = by.get(iri)
        # size by betweenness (the legend names it and its range), at least 6, at most 40
        size = 6 + 34 * ((m.betweenness / top_b) if m and top_b else 0) + 4 * ((m.degree / top_d) if m else 0)
        facets.append([kind, "", c, None, None, 2])
        actor_tracks.append([track_names.index(t) for t in sorted(event_tracks.get(iri, ()))])
        x, y = pos[iri]
        label = A.nodes[iri].get("label") or data.label(iri)
        nodes.append([round(float(x) * scale, 1), round(float(y) * scale, 1), _short(label, 40),
                      group_index[name], round(size, 1)])
        a = data.actor_by_iri.get(iri)
        rows = [T.row("Class", kind)]
        if a is not None and a.job_title:
            rows.append(T.row("Title", a.job_title))
        if a is not None and a.alt_labels:
            rows.append(T.row("Also called", ", ".join(a.alt_labels)))
        if a is not None and a.affiliated_with:
            rows.append(T.row("Speaks for", ", ".join(data.label(v) for v in a.affiliated_with)))
        if m is not None:
            rows += [T.row("Events", str(m.events)), T.row("Proposals", str(m.proposals)),
                     T.row("Degree centrality", f"{m.degree:.3f}"), T.row("Betweenness", f"{m.betweenness:.3f}")]
        info.append([label, rows, T.evidence(a.evidence) if a else []])
    rels = ["coparticipation", "affiliatedWith"]
    edges = [[index[u], index[v], rels.index(d["rel"]), d.get("weight", 1)] for u, v, d in A.edges(data=True)]
    kinds = sorted({f[0] for f in facets})
    legend = [[f"community {k + 1}", COMMUNITY_COLORS[k % len(COMMUNITY_COLORS)], "dot", f"{t}"]
              for k, t in enumerate(titles)]
    legend += [[k, "#777777", _ACTOR_SHAPES.get(k, "dot"), f"shape: {k.lower()}"] for k in kinds]
    betweenness = [m.betweenness for m in measures] or [0.0]
    return {
        "facets": facets,
        "short": [_short(A.nodes[i].get("label") or data.label(i), 30) for i in node_ids],
        "communities": titles,
        "tracks": _track_titles(track_names, tracked, data),
        "actor_tracks": actor_tracks,
        "size_legend": {"label": "size: betweenness centrality", "min": f"{min(betweenness):.2f}",
                        "max": f"{max(betweenness):.2f}"},
    } | _payload("actors", nodes, node_ids, info, T, edges, groups, rels, legend, n > 500)


def _tracked(data: TimelineData) -> list[tuple[str, EventRec]]:
    """The rounds (and tracked events), in the order of the events, each with its
    track (:func:`~kg.analysis.tracks.track_key`, worked out once an event)."""
    return [(track_key(e, data), e) for e in data.events if e.kind == "NegotiationRound" or e.track]


def _actor_tracks(tracked: list[tuple[str, EventRec]]) -> dict[str, set[str]]:
    """Actor -> the tracks of the rounds (and tracked events) it took part in."""
    out: dict[str, set[str]] = {}
    for key, e in tracked:
        for a in e.actors:
            out.setdefault(a, set()).add(key)
    return out


def _track_titles(keys: list[str], tracked: list[tuple[str, EventRec]], data: TimelineData) -> list[str]:
    """The title of each track of ``keys``, from its rounds (each track titled alone)."""
    members: dict[str, list[EventRec]] = {}
    for key, e in tracked:
        members.setdefault(key, []).append(e)
    return [track_titles({key: members.get(key, [])}, data)[key] for key in keys]

