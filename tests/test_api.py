"""The library API (kg.build, kg.open, KnowledgeGraph) as a Python user calls it.

The builds use the trained pipeline on the seed and the development articles; the
Network objects are drawn in headless Chromium (skips locally without it, fails
with CI=true, see tests/browser.py).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import kg


ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "seeds", ROOT / "tests" / "corpus"]


@pytest.fixture(scope="module")
def memory():
    return kg.build(INPUTS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("api") / "out"
    graph = kg.build(INPUTS, out=out)
    return out, graph


@pytest.mark.slow
def test_in_memory_build_equals_the_folder_build_quad_for_quad(memory, folder):
    out, graph = folder
    assert memory.out_dir is None
    assert memory.nquads() == (out / "graph.nq").read_bytes()
    assert graph.nquads() == (out / "graph.nq").read_bytes()
    assert len(memory.store) == len(kg.open(out).store) > 1000


@pytest.mark.slow
def test_in_memory_build_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    kg.build(ROOT / "seeds")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_query_rows_are_python_values_and_dataframes_are_typed(memory):
    rows = memory.query("timeline")
    assert rows.variables[:3] == ["event", "type", "label"]
    assert len(rows) >= 10
    begins = [r["begin"] for r in rows if r["begin"] is not None]
    assert begins and all(type(b) is dt.date for b in begins)
    assert all(isinstance(r["event"], str) and r["event"].startswith("https://") for r in rows)
    rounds = memory.query("rounds")
    assert {type(r["round"]) for r in rounds if r["round"] is not None} == {int}
    # a user's query: typed dates are dates, a string that looks like a day stays a string
    mine = memory.query("SELECT ?d ?s WHERE { GRAPH ?g { ?e sem:hasEarliestBeginTimeStamp ?d } "
                        "BIND (STR(?d) AS ?s) } LIMIT 5")
    assert mine and all(type(r["d"]) is dt.date and type(r["s"]) is str for r in mine)
    assert [r["s"] for r in mine] == [r["d"].isoformat() for r in mine]

    pd = pytest.importorskip("pandas")
    frame = rows.to_pandas()
    assert list(frame.columns) == rows.variables
    assert str(frame["begin"].dtype) == "datetime64[ns]"
    assert str(frame["label"].dtype) == "string"
    assert frame["begin"].dropna().iloc[0] == pd.Timestamp(begins[0])
    assert str(rounds.to_pandas()["round"].dtype) == "Int64"


@pytest.mark.slow
def test_query_text_ask_construct_and_as_of(memory, folder):
    count = memory.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count[0]["n"] == len(memory.store)
    assert memory.query("ASK { GRAPH ?g { ?s a nkg:NegotiationRound } }") is True
    triples = memory.query("CONSTRUCT { ?s a nkg:NegotiationRound } WHERE { GRAPH ?g { ?s a nkg:NegotiationRound } }")
    assert triples and all(t[1].endswith("#type") for t in triples)
    # as of a day before any document: nothing; the seed's day: its proposed round is Proposed
    assert memory.query("rounds", as_of=dt.date(2000, 1, 1)) == []
    seed_day = dt.date(2025, 7, 20)
    statuses = {r["status"] for r in memory.query("rounds", as_of=seed_day)}
    assert "Proposed" in statuses
    out, _ = folder
    assert kg.open(out).query("rounds", as_of=seed_day) == memory.query("rounds", as_of=seed_day)


@pytest.mark.slow
def test_rdflib_dataset_and_networkx_projection(memory):
    ds = memory.to_rdflib()
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    expected = {row["g"] for row in memory.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == expected
    assert sum(len(g) for g in ds.graphs()) == len(memory.store)
    G = memory.to_networkx()
    assert G.number_of_nodes() == memory.analysis()["exports"]["graphml"]["nodes"]


@pytest.mark.slow
def test_networks_have_the_pages_nodes_and_edges(memory, tmp_path):
    report = memory.analysis()
    timeline, actors = memory.timeline_network(), memory.actors_network()
    assert (len(timeline.nodes), len(timeline.edges)) == (report["views"]["timeline"]["nodes"],
                                                         report["views"]["timeline"]["edges"])
    assert (len(actors.nodes), len(actors.edges)) == (report["views"]["actors"]["nodes"],
                                                     report["views"]["actors"]["edges"])
    # the page kg build writes is this Network's page
    out = tmp_path / "t.html"
    timeline.write_html(str(out))
    assert out.read_text(encoding="utf-8") == memory.timeline_network().generate_html()
    assert not (tmp_path / "lib").exists()  # nothing beside the page: all is inlined


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("which", ["timeline", "actors"])
def test_a_tweaked_network_draws_offline_in_chromium(memory, watched_page, tmp_path, which):
    net = memory.timeline_network() if which == "timeline" else memory.actors_network()
    net.nodes[0]["label"] = "<b>renamed</b> in a notebook"
    path = tmp_path / f"{which}.html"
    net.write_html(str(path))
    page = watched_page.page
    page.goto(path.as_uri())
    deadline = 30_000
    while not page.evaluate("!!(window.kgView && window.kgView.drawn === true)"):
        page.wait_for_timeout(50)
        deadline -= 50
        assert deadline > 0, "the page did not draw"
    assert watched_page.errors == []
    assert watched_page.requests == [path.as_uri()]
    counts = page.evaluate("[kgView.nodes.length, kgView.edges.length]")
    assert counts == [len(net.nodes), len(net.edges)]
    assert page.evaluate("kgView.nodes.get(0).label") == "<b>renamed</b> in a notebook"
    assert page.evaluate("document.querySelectorAll('b').length") == 0  # text, never markup


@pytest.mark.slow
def test_repr_html_is_an_iframe_whose_srcdoc_is_the_page(memory):
    import html

    shown = memory._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"")
    srcdoc = shown.split('srcdoc="', 1)[1].split('" style=', 1)[0]
    assert '"' not in srcdoc and "<" not in srcdoc  # escaped as an attribute value
    assert html.unescape(srcdoc) == memory.timeline_network().generate_html()


def test_open_refuses_what_is_not_a_build_folder(tmp_path):
    with pytest.raises(kg.KgError, match="not a build folder"):
        kg.open(tmp_path / "nothing")


def test_python_values_of_every_datatype():
    import pyoxigraph as ox

    from kg.api import python_value

    xsd = "http://www.w3.org/2001/XMLSchema#"
    lit = lambda v, t: ox.Literal(v, datatype=ox.NamedNode(xsd + t))  # noqa: E731
    assert python_value(lit("7", "nonNegativeInteger")) == 7
    assert python_value(lit("1.5", "double")) == 1.5
    assert python_value(lit("true", "boolean")) is True
    assert python_value(lit("2025-01-02T03:04:05Z", "dateTime")) == dt.datetime(
        2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    assert python_value(ox.Literal("plain")) == "plain"
    assert python_value(ox.BlankNode("b1")) == "_:b1"
    assert json.dumps(python_value(lit("2025", "gYear"))) == '"2025"'


@pytest.mark.slow
def test_query_is_read_before_it_runs_as_kg_query_reads_it(memory):
    from kg.errors import QueryError

    deep = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
    with pytest.raises(QueryError):
        memory.query(deep)
    with pytest.raises(QueryError):
        memory.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


@pytest.mark.slow
def test_in_memory_a_failing_document_is_left_out_and_named(tmp_path, monkeypatch):
    import kg.extract.events as events

    real = events.extract_events

    def extract_events(sdoc, document, **kw):
        if document.id == "bad":
            raise RuntimeError("the event rules hit a token they did not expect")
        return real(sdoc, document, **kw)

    monkeypatch.setattr(events, "extract_events", extract_events)
    for name in ("good", "bad"):
        (tmp_path / f"{name}.txt").write_text(" date 2026-01-12\nEnvoys meet\n(Wire) Envoys of Norway and "
                                              "Chile met in Lisbon on Friday.\n", encoding="utf-8")
    graph = kg.build([tmp_path])
    assert [f.id for f in graph.failed] == ["bad"] and "token" in graph.failed[0].error
    ids = {r["id"] for r in graph.query("SELECT ?id WHERE { GRAPH ?g { ?d a nkg:Document ; dcterms:identifier ?id } }")}
    assert ids == {"good"}
