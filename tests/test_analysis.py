"""Analysis of the consolidated view, exports and the CLI (no browser needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from kg.analysis import (
    EventRec,
    TimelineData,
    actor_measures,
    affiliations,
    analyze,
    coparticipation,
    precedes,
    proposals,
    read_timeline,
    store_from_trig,
    timeline,
    top_proposers,
    tracks,
)
from kg.analysis.synthetic import synthetic_trig
from kg.errors import RenderError
from kg.render import write_views
from kg.render.exports import timelinejs

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from views_cases import BASE, load_case
except ImportError:  # pragma: no cover
    from tests.views_cases import BASE, load_case

ROOT = Path(__file__).resolve().parent.parent
ID = BASE


@pytest.fixture(scope="module")
def seed():
    return read_timeline(load_case("views-seed"))


@pytest.fixture(scope="module")
def synthetic():
    return read_timeline(store_from_trig(synthetic_trig(300, seed=3)))


def test_read_timeline_keeps_only_the_bounds_the_graph_gives(seed):
    assert len(seed.events) == 15 and len(seed.actors) == 7 and len(seed.agreements) == 2
    r1 = seed.event_by_iri[ID + "event/negotiation-round/russia-ukraine/1"]
    assert (r1.earliest, r1.latest, r1.round, r1.track) == (None, date(2025, 6, 2), 1, "russia-ukraine")
    nxt = seed.event_by_iri[ID + "event/negotiation-round/doc/s1/next-round"]
    assert (nxt.earliest, nxt.latest, nxt.timex, nxt.status) == (date(2025, 7, 21), date(2025, 7, 27), "2025-W30", "Proposed")
    assert nxt.realized_by == (ID + "event/negotiation-round/russia-ukraine/3",)
    summit = seed.event_by_iri[ID + "event/summit/doc/s1/leaders-summit"]
    assert not summit.dated and summit.earliest is None and summit.latest is None
    peskov = seed.event_by_iri[ID + "event/statement/doc/s1/peskov-comment"]
    assert peskov.responds_to == (ID + "event/statement/2025-07-19/volodymyr-zelenskyy",)
    assert peskov.evidence[0].anchor.startswith("Kremlin spokesperson Dmitry Peskov")
    assert seed.document_by_iri[peskov.evidence[0].doc].identifier == "s1"


def test_read_timeline_reads_only_the_consolidated_view():
    store = load_case("views-seed")
    store.update(f"INSERT DATA {{ GRAPH <{ID}graph/doc/s9> {{ <{ID}event/x> a "
                 f"<https://w3id.org/negotiation-kg/ontology#Meeting> }} }}")
    assert ID + "event/x" not in read_timeline(store).event_by_iri
    with pytest.raises(RenderError, match="ConsolidatedGraph"):
        read_timeline(store_from_trig(f"<{ID}graph/doc/a> {{ <{ID}a> <{ID}b> <{ID}c> }}"))


def test_timeline_is_a_linear_extension_and_undated_events_get_no_date(seed, synthetic):
    for data in (seed, synthetic):
        t = timeline(data)
        dated_iris = [e.iri for e in t.entries]
        assert {u.iri for u in t.undated} == {e.iri for e in data.events if not e.dated}
        assert not set(dated_iris) & {u.iri for u in t.undated}
        recs = [data.event_by_iri[i] for i in dated_iris]
        for a, b in combinations(recs, 2):  # a is listed before b
            assert not precedes(b, a), (a.label, b.label)


def test_concurrent_lists_exactly_the_overlapping_closed_ranges(synthetic):
    t = timeline(synthetic)
    closed = [e for e in synthetic.events if e.earliest and e.latest]
    expected = {e.iri: set() for e in closed}
    for a, b in combinations(closed, 2):
        if not precedes(a, b) and not precedes(b, a):
            expected[a.iri].add(b.iri)
            expected[b.iri].add(a.iri)
    got = {e.iri: set(e.concurrent) for e in t.entries if e.earliest and e.latest}
    assert got == expected
    assert any(expected.values())


def test_tracks_order_rounds_with_gaps_agreements_and_proposals(seed):
    [track] = tracks(seed)
    assert track.key == "russia-ukraine"
    rounds = track.rounds
    assert [r.round for r in rounds] == [1, 2, None, 3]
    # 1 -> 2: same day; 2 -> proposed next round: 49 days; next round (21-27 July)
    # overlaps round 3 (23 July): no gap can be given
    assert [r.gap_days for r in rounds] == [None, 0, 49, None]
    assert rounds[1].agreements == (ID + "agreement/doc/s1/june-2-humanitarian",)
    assert rounds[3].agreements == (ID + "agreement/doc/s2/exchange-1200",)
    assert rounds[3].proposed == (ID + "event/ceasefire/doc/s2/short-truce",)
    assert rounds[2].proposed == ()  # a proposed round proposes nothing itself


def test_track_of_rounds_without_a_track_is_their_parties():
    trig = f"""@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
    @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <{ID}graph/current> {{ <{ID}graph/current> a nkg:ConsolidatedGraph .
      <{ID}e/1> a nkg:NegotiationRound ; rdfs:label "Talks in Doha" ; nkg:status nkg:Occurred ;
        sem:hasActor <{ID}actor/qatar>, <{ID}actor/chad>, <{ID}actor/envoy> ;
        sem:hasEarliestBeginTimeStamp "2024-02-01"^^xsd:date ; sem:hasLatestEndTimeStamp "2024-02-03"^^xsd:date .
      <{ID}e/2> a nkg:NegotiationRound ; rdfs:label "Talks resume" ; nkg:status nkg:Occurred ;
        sem:hasActor <{ID}actor/chad>, <{ID}actor/qatar> ;
        sem:hasEarliestBeginTimeStamp "2024-03-04"^^xsd:date ; sem:hasLatestEndTimeStamp "2024-03-04"^^xsd:date .
      <{ID}actor/qatar> a nkg:Country ; rdfs:label "Qatar" .
      <{ID}actor/chad> a nkg:Country ; rdfs:label "Chad" .
      <{ID}actor/envoy> a nkg:Person ; rdfs:label "An Envoy" . }}"""
    [track] = tracks(read_timeline(store_from_trig(trig)))
    assert track.key == "Chad–Qatar"
    assert [r.gap_days for r in track.rounds] == [None, 30]



def test_rounds_without_a_number_join_the_series_of_their_parties_by_date():
    """Unnumbered talks of two parties join their named track (parties-year) whose
    series had begun by then; an undated proposed round joins the latest series."""
    def rnd(n, when, extra=""):
        day = f'sem:hasEarliestBeginTimeStamp "{when}"^^xsd:date ;' if when else ""
        return (f"<{ID}e/{n}> a nkg:NegotiationRound ; rdfs:label \"Talks {n}\" ; {day} {extra}"
                f" nkg:status nkg:Occurred ; sem:hasActor <{ID}actor/chad>, <{ID}actor/niger> .")
    trig = f"""@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
    @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    <{ID}graph/current> {{ <{ID}graph/current> a nkg:ConsolidatedGraph .
      {rnd(1, "2019-05-02", 'nkg:roundNumber 1 ; nkg:track "chad-niger-2019" ;')}
      {rnd(2, "2023-01-10", 'nkg:roundNumber 1 ; nkg:track "chad-niger-2023" ;')}
      {rnd(3, "2020-07-07")}
      {rnd(4, "2024-02-02")}
      {rnd(5, None)}
      {rnd(6, "2018-01-01")}
      <{ID}actor/chad> a nkg:Country ; rdfs:label "Chad" .
      <{ID}actor/niger> a nkg:Country ; rdfs:label "Niger" . }}"""
    found = {t.key: [r.label for r in t.rounds] for t in tracks(read_timeline(store_from_trig(trig)))}
    assert found == {"chad-niger-2019": ["Talks 6", "Talks 1", "Talks 3"],
                     "chad-niger-2023": ["Talks 2", "Talks 4", "Talks 5"]}

def test_actor_measures(seed):
    G = coparticipation(seed)
    both = [e for e in seed.events if {ID + "actor/ukraine", ID + "actor/russia"} <= set(e.actors)]
    assert G[ID + "actor/ukraine"][ID + "actor/russia"]["weight"] == len(both) == 8
    measures = actor_measures(seed, G)
    assert measures[0].label == "Rustem Umerov"  # the only bridge to Zelenskyy and Medinsky
    assert measures[0].betweenness > 0
    assert all(m.betweenness == 0 for m in measures[1:] if m.label in ("Kremlin", "Dmitry Peskov"))
    assert ("Dmitry Peskov", "Kremlin") in affiliations(seed)
    assert ("Kremlin", "Russia") in affiliations(seed)
    assert top_proposers(seed) == [("Rustem Umerov", 1), ("Vladimir Medinsky", 1), ("Volodymyr Zelenskyy", 1)]
    with pytest.raises(RenderError, match="no actors"):
        actor_measures(TimelineData())


def test_proposals_with_status_and_realization(seed):
    by_label = {p.label: p for p in proposals(seed)}
    umerov = by_label["Umerov proposes another meeting"]
    [item] = umerov.proposes
    assert (item.status, item.realized_by) == ("Proposed", (ID + "event/negotiation-round/russia-ukraine/3",))
    assert item.realized_by_labels == ("Third Istanbul round (2025-07-23)",)
    [truce] = by_label["Medinsky proposes a ceasefire of two days"].proposes
    assert (truce.kind, truce.status, truce.realized_by) == ("Ceasefire", "Proposed", ())


def test_analyze_reports_and_refuses_an_empty_graph(seed):
    report = analyze(seed)
    assert report["counts"]["undated"] == len(report["timeline"]["undated"]) == 4
    assert report["exports"]["timelinejs"]["omitted_undated"] == [u["iri"] for u in report["timeline"]["undated"]]
    json.dumps(report)  # plain data
    with pytest.raises(RenderError, match="no events"):
        analyze(TimelineData())
    assert analyze(TimelineData(), allow_empty=True)["counts"]["events"] == 0


TIMELINEJS_SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                    "autolink", "unique_id"}
TIMELINEJS_DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def test_timelinejs_export_follows_the_documented_fields(seed):
    tl = timelinejs(seed)
    assert set(tl) <= {"events", "title", "eras", "scale"}
    assert len(tl["events"]) == sum(1 for e in seed.events if e.dated)
    for slide in tl["events"]:
        assert set(slide) <= TIMELINEJS_SLIDE
        assert isinstance(slide["start_date"]["year"], int)
        for key in ("start_date", "end_date"):
            if key in slide:
                assert set(slide[key]) <= TIMELINEJS_DATE
        assert set(slide["text"]) <= {"headline", "text"}
    heads = {s["text"]["headline"] for s in tl["events"]}
    assert "Leaders&#x27; meeting" not in heads and "Leaders' meeting" not in heads  # undated: left out
    r1 = next(s for s in tl["events"] if s["text"]["headline"] == "First Istanbul round")
    assert r1["start_date"] == {"year": 2025, "month": 6, "day": 2} and "on or before" in r1["display_date"]
    assert "4 event(s)" in tl["title"]["text"]["text"]


def test_write_views_outputs_are_valid_deterministic_and_escaped(tmp_path):
    store = load_case("views-xss")
    paths = write_views(store, tmp_path / "a")
    assert [p.name for p in paths] == ["timeline.html", "actors.html", "timeline.json", "graph.graphml", "analysis.json"]
    write_views(store, tmp_path / "b")
    for p in paths:
        assert p.read_bytes() == (tmp_path / "b" / p.name).read_bytes(), p.name
    G = nx.read_graphml(tmp_path / "a" / "graph.graphml")
    report = json.loads((tmp_path / "a" / "analysis.json").read_text())
    assert G.number_of_nodes() == report["exports"]["graphml"]["nodes"]
    for _, attrs in G.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    tl = (tmp_path / "a" / "timeline.json").read_text()
    assert "<script" not in tl and "<img" not in tl and "&lt;img" in tl
    for name in ("timeline.html", "actors.html"):
        page = (tmp_path / "a" / name).read_text()
        tags = _Tags()
        tags.feed(page)  # tokenized as a browser does: script content is raw text
        assert [t for t, _ in tags.starts if t == "script"] == ["script"] * 3, name  # data, vis, ours
        assert {t for t, _ in tags.starts} <= {"html", "head", "meta", "title", "style", "body", "header", "h1",
                                                "span", "input", "select", "option", "label", "main", "div",
                                                "aside", "h2", "script", "details", "summary", "nav",
                                                "output"}, name
        assert not [a for _, attrs in tags.starts for a, _ in attrs if a.startswith("on")]
        assert "__pwned" in page and "javascript:" in page  # present, as data only


def test_graphml_of_a_larger_graph_round_trips(tmp_path, synthetic):
    from kg.render.exports import graphml_graph, graphml_parts, graphml_text

    G = graphml_graph(synthetic)
    (tmp_path / "g.graphml").write_text(graphml_text(graphml_parts(synthetic)), encoding="utf-8")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted((u, v, d["rel"]) for u, v, d in H.edges(data=True)) == sorted(
        (u, v, d["rel"]) for u, v, d in G.edges(data=True))
    rounds = [d["round"] for _, d in H.nodes(data=True) if "round" in d]
    assert rounds and all(isinstance(r, int) for r in rounds)


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.starts: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, attrs))


def _kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_analyze_render_view(tmp_path):
    import pyoxigraph as ox

    graph = tmp_path / "graph.trig"
    load_case("views-seed").dump(str(graph), ox.RdfFormat.TRIG)
    res = _kg("analyze", "--graph", str(graph), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["counts"]["events"] == 15
    res = _kg("analyze", "--graph", str(graph))
    assert res.returncode == 0 and "Track russia-ukraine: 4 rounds" in res.stdout
    res = _kg("render", "--graph", str(graph))
    assert res.returncode == 0, res.stderr
    assert {Path(line).name for line in res.stdout.split()} == {
        "timeline.html", "actors.html", "timeline.json", "graph.graphml", "analysis.json"}
    res = _kg("render", "--graph", str(tmp_path))  # a build folder: the views go into it
    assert res.returncode == 0, res.stderr
    assert {Path(line).parent for line in res.stdout.split()} == {tmp_path}
    res = _kg("view", "--out", str(tmp_path), "--no-open")
    assert res.returncode == 0 and res.stdout.strip() == str((tmp_path / "timeline.html").resolve())
    res = _kg("view", "--out", str(tmp_path / "nope"), "--no-open")
    assert res.returncode == 2 and "timeline.html" in res.stderr
    res = _kg("analyze", "--graph", str(tmp_path / "missing.trig"))
    assert res.returncode == 2 and "missing.trig" in res.stderr and "Traceback" not in res.stderr


def test_cli_analyze_reads_turtle_through_its_consolidated_graph(tmp_path):
    """graph.ttl (the union of the graphs) marks the consolidated view, so it gives the same analysis."""
    from kg.rdf.io import turtle

    store = load_case("views-seed")
    (tmp_path / "graph.ttl").write_text(turtle(list(store)), encoding="utf-8")
    res = _kg("analyze", "--graph", str(tmp_path / "graph.ttl"), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == json.loads(json.dumps(analyze(read_timeline(store)), sort_keys=True))


@pytest.mark.parametrize("command", ["analyze", "render", "view"])
def test_cli_views_commands_have_help_with_an_example(command):
    res = _kg(command, "--help")
    assert res.returncode == 0 and "examples:\n  kg " + command in res.stdout


def test_event_records_without_bounds_are_never_ordered():
    a = EventRec("a", "Summit", "A")
    b = EventRec("b", "Summit", "B", earliest=date(2025, 1, 1), latest=date(2025, 1, 1))
    assert not precedes(a, b) and not precedes(b, a)


def test_concurrent_events_are_those_whose_bounds_overlap():
    """Each entry's ``concurrent`` lists exactly the other events with both bounds known
    that the first of the two to begin (by begin, then IRI) has not ended before the
    other begins: on random events, some with a bound open or the bounds reversed."""
    import random
    from datetime import timedelta

    from kg.analysis.timeline import timeline_entries

    for seed in range(60):
        rng = random.Random(seed)
        events = []
        for i in range(rng.randint(1, 40)):
            lo = date(2031, 3, 1) + timedelta(rng.randint(0, 15))
            hi = lo + timedelta(rng.randint(-2, 5))
            open_side = rng.random()
            events.append(EventRec(f"urn:e{rng.randint(0, 99)}-{i}", "Meeting", f"m{i}",
                                   earliest=None if open_side < 0.1 else lo,
                                   latest=None if 0.1 <= open_side < 0.2 else hi))
        data = TimelineData(events=tuple(events))
        closed = [e for e in events if e.earliest and e.latest]

        def overlap(a, b):
            first, second = sorted((a, b), key=lambda e: (e.earliest, e.iri))
            return first.latest >= second.earliest

        want = {e.iri: tuple(sorted(o.iri for o in closed if o is not e and overlap(e, o)))
                if e in closed else () for e in events}
        got = {t.iri: t.concurrent for t in timeline_entries(data)}
        assert got == {k: v for k, v in want.items() if k in got}
        assert [t.iri for t in timeline(data).entries] == list(got)
