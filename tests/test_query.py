"""``kg query``: bundled queries, files, stdin, result formats and errors."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.rdf.build import build_quads, to_store
from kg.rdf.io import write_graph_files
from kg.rdf.query import Query, bundled_queries, resolve_query, run_query, select

ROOT = Path(__file__).resolve().parent.parent
QUERY_DIR = ROOT / "ontology" / "queries"
CASE = ROOT / "tests" / "cases" / "rdf-two-documents"
CONTEXT = {"rdfs": "http://www.w3.org/2000/01/rdf-schema#", "label": "rdfs:label"}


def kg(*args, input=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, input=input, timeout=300)


@pytest.fixture(scope="module")
def records():
    spec = importlib.util.spec_from_file_location("case_records", CASE / "records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def graph_dir(tmp_path_factory, records) -> Path:
    """The graph files of the hand-written two-document case."""
    out = tmp_path_factory.mktemp("graph")
    quads = build_quads(records.EXTRACTIONS, base_iri=records.BASE_IRI, ontology=None)
    write_graph_files(quads, out, base=records.BASE_IRI, context=CONTEXT)
    return out


@pytest.fixture(scope="module")
def store(records):
    return to_store(build_quads(records.EXTRACTIONS, base_iri=records.BASE_IRI, ontology=None))


def test_timeline_as_sparql_json_results(graph_dir):
    r = kg("query", "timeline", "--format", "json", "--graph", graph_dir)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert "event" in data["head"]["vars"] and "begin" in data["head"]["vars"]
    rows = data["results"]["bindings"]
    # round, meeting, proposal, statement: the round is one node though two documents tell it
    assert len({row["event"]["value"] for row in rows}) == 4
    for row in rows:
        for cell in row.values():
            assert cell["type"] in ("uri", "literal", "bnode") and "value" in cell
    assert rows[0]["begin"]["value"] == "2025-06-02"


def test_the_graph_folder_the_trig_and_the_turtle_give_the_same_rows(graph_dir):
    outs = [kg("query", "timeline", "--format", "csv", "--graph", g).stdout
            for g in (graph_dir, graph_dir / "graph.trig", graph_dir / "graph.nq",
                      graph_dir / "graph.ttl", graph_dir / "graph.jsonld")]
    assert outs[0] and all(o == outs[0] for o in outs)


def test_csv_and_tsv_follow_the_w3c_formats(graph_dir):
    r = kg("query", "timeline", "--format", "csv", "--graph", graph_dir)
    raw = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--format", "csv",
                          "--graph", str(graph_dir)], cwd=ROOT, capture_output=True).stdout
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert raw.count(b"\r\n") == len(rows) + 1 and b"\n" not in raw.replace(b"\r\n", b"")
    assert rows[0]["event"].startswith("https://example.org/kg/event/")
    tsv = kg("query", "timeline", "--format", "tsv", "--graph", graph_dir).stdout.splitlines()
    assert tsv[0].split("\t")[0] == "?event"
    assert tsv[1].split("\t")[0].startswith("<https://example.org/kg/event/")
    assert len(tsv) == len(rows) + 1


def test_table_is_aligned(graph_dir):
    r = kg("query", "timeline", "--graph", graph_dir)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    header, rule = lines[0], lines[1]
    assert header.startswith("event") and set(rule) <= {"-", " "}
    col = header.index("type")
    assert rule[col - 1] == " " and rule[col] == "-"
    n = len(json.loads(kg("query", "timeline", "--format", "json", "--graph", graph_dir).stdout)
            ["results"]["bindings"])
    assert lines[-1] == f"({n} rows)" and len(lines) == n + 3


def test_list_names_the_bundled_queries_with_their_first_comment():
    r = kg("query", "--list")
    assert r.returncode == 0, r.stderr
    listed = {line.split()[0]: line for line in r.stdout.splitlines()}
    assert "timeline" in listed
    assert [n for n, _ in bundled_queries()] == sorted(listed)
    assert "events of the consolidated view" in listed["timeline"]


def test_query_from_stdin_and_from_a_file(graph_dir, tmp_path):
    text = ("SELECT ?label WHERE { GRAPH ?view { ?view a nkg:ConsolidatedGraph . "
            "?a a sem:Actor ; rdfs:label ?label } } ORDER BY ?label")
    r = kg("query", "-", "--format", "csv", "--graph", graph_dir, input=text)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["label", "Russia", "Rustem Umerov", "Ukraine"]
    rq = tmp_path / "actors.rq"
    rq.write_text(text)
    assert kg("query", rq, "--format", "csv", "--graph", graph_dir).stdout == r.stdout


def test_ask_and_construct(graph_dir):
    ask = "ASK { GRAPH ?g { ?e nkg:roundNumber 2 } }"
    assert kg("query", "-", "--graph", graph_dir, input=ask).stdout == "true\n"
    data = json.loads(kg("query", "-", "--format", "json", "--graph", graph_dir, input=ask).stdout)
    assert data == {"head": {}, "boolean": True}
    construct = ("CONSTRUCT { ?a rdfs:label ?l } WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph . "
                 "?a a sem:Actor ; rdfs:label ?l } }")
    r = kg("query", "-", "--graph", graph_dir, input=construct)
    assert r.returncode == 0, r.stderr
    triples = list(ox.parse(r.stdout, format=ox.RdfFormat.TURTLE))
    assert sorted(t.object.value for t in triples) == ["Russia", "Rustem Umerov", "Ukraine"]


@pytest.mark.parametrize("text, line", [
    ("SELECT ?x WHERE { ?x ?p }", 1),
    ("SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o = ) }", 4),
])
def test_a_malformed_query_exits_2_with_its_position(graph_dir, text, line):
    r = kg("query", "-", "--graph", graph_dir, input=text)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    m = re.match(r"kg: error: <stdin>:(\d+):(\d+): SPARQL syntax error at line (\d+), column (\d+): \S",
                 lines[0])
    assert m, lines[0]
    assert int(m[1]) == int(m[3]) == line and m[2] == m[4]
    assert 1 <= int(m[2]) <= len(text.splitlines()[line - 1]) + 1


def test_a_malformed_query_file_is_named(graph_dir, tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?x WHERE { ?x a nope:Thing }")
    r = kg("query", rq, "--graph", graph_dir)
    assert r.returncode == 2
    assert f"{rq}:1:" in r.stderr and len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["no-such-query"], "unknown query 'no-such-query'"),
    (["missing.rq"], "missing.rq: no such query file"),
    (["timeline", "--graph", "no/such/dir"], "no such graph file"),
])
def test_query_input_errors_exit_2(graph_dir, args, message):
    if "--graph" not in args:
        args = [*args, "--graph", graph_dir]
    r = kg("query", *args)
    assert r.returncode == 2
    assert r.stderr.startswith("kg: error: ") and message in r.stderr


@pytest.mark.parametrize("name", [n for n, _ in bundled_queries()])
def test_every_bundled_query_runs(store, name):
    data = json.loads(run_query(store, resolve_query(name), "json"))
    assert "head" in data


def test_query_library(store):
    rows = select(store, "SELECT ?n WHERE { GRAPH ?g { ?e nkg:roundNumber ?n } }")
    assert {r["n"].value for r in rows} == {"2"}
    with pytest.raises(QueryError, match=r"<q>:1:\d+: SPARQL syntax error"):
        run_query(store, Query("SELECT WHERE", "<q>"))
    with pytest.raises(QueryError, match="unknown format"):
        run_query(store, Query("ASK {}", "<q>"), "xml")


# --------------------------------------------------------------------------
# reading a query before it runs
# --------------------------------------------------------------------------
@pytest.mark.parametrize("bomb", [
    "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
    "SELECT * WHERE { BIND(" + "+".join(["1"] * 50000) + " AS ?x) }",
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10000 + "?o" + ")" * 10000 + ") }",
])
def test_deep_nesting_exits_2_with_a_message(graph_dir, bomb):
    r = kg("query", "-", "--graph", graph_dir, input=bomb)
    assert r.returncode == 2, r.stderr[-500:]
    assert "nests deeper than the limit of 128" in r.stderr and len(r.stderr.splitlines()) == 1


def test_nesting_within_the_limit_runs():
    from kg.rdf.query import MAX_DEPTH, query_depth

    text = "SELECT ?o WHERE " + "{" * 30 + " ?s ?p ?o " + "}" * 30
    assert query_depth(text) <= MAX_DEPTH
    assert run_query(ox.Store(), text, "csv") == b"o\r\n"
    # strings, comments and escaped names do not count
    quiet = 'SELECT * WHERE { ?s ?p "' + "(" * 500 + '" } # ' + "{" * 500
    assert query_depth(quiet) < 10


class Listener:
    """A TCP listener on loopback that counts connections, closing each at once."""

    def __init__(self):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.count += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.sock.close()


def test_service_is_refused_unless_allowed_and_then_runs_once(graph_dir):
    listener = Listener()
    try:
        silent = f"SELECT * WHERE {{ SERVICE SILENT <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}"
        r = kg("query", "-", "--graph", graph_dir, input=silent)
        assert r.returncode == 2 and "SERVICE" in r.stderr and "refused" in r.stderr
        hidden = ("PREFIX ex: <http://e.org/>\nselect * where { ?s ?p ?o OPTIONAL { { SELECT ?x "
                  f"WHERE {{ sErViCe <http://127.0.0.1:{listener.port}/x> {{ ?x ex:q ?y }} }} }} }} }}")
        assert kg("query", "-", "--graph", graph_dir, input=hidden).returncode == 2
        assert listener.count == 0
        # opted in: the query runs, once (no syntax check that runs it first)
        r = kg("query", "-", "--allow-service", "--format", "csv", "--graph", graph_dir, input=silent)
        assert r.returncode == 0, r.stderr
        assert listener.count == 1
    finally:
        listener.close()


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://e.org/s> <http://e.org/p> 1 }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "DROP ALL",
])
def test_updates_and_load_are_refused(graph_dir, update):
    r = kg("query", "-", "--graph", graph_dir, input=update)
    assert r.returncode == 2 and "refused" in r.stderr


def test_ctrl_c_stops_a_running_query(graph_dir):
    import signal
    import time

    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s1 ?p1 ?o1 } GRAPH ?b { ?s2 ?p2 ?o2 } "
               "GRAPH ?c { ?s3 ?p3 ?o3 } GRAPH ?d { ?s4 ?p4 ?o4 } GRAPH ?e { ?s5 ?p5 ?o5 } "
               "FILTER(STR(?o1) < STR(?o2)) }")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "query", "-", "--graph", str(graph_dir)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdin.write(runaway.encode())
    proc.stdin.close()
    time.sleep(4)  # started, read, and running the query (it would run for many minutes)
    assert proc.poll() is None, proc.stderr.read()
    proc.send_signal(signal.SIGINT)
    try:
        code = proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail("Ctrl-C did not stop the query")
    assert code != 0 and proc.stdout.read() == b""


def test_table_shortens_the_builds_own_iris_and_json_lines_give_plain_values(graph_dir, tmp_path, records):
    folder = tmp_path / "build"
    shutil.copytree(graph_dir, folder)
    (folder / "manifest.json").write_text(json.dumps({"base_iri": records.BASE_IRI}))
    table = kg("query", "timeline", "--graph", folder).stdout.splitlines()
    events = [line.split()[0] for line in table[2:-1]]
    assert events and all(e.startswith("id:event/") for e in events)
    assert records.BASE_IRI not in "\n".join(table)
    lines = kg("query", "timeline", "--format", "jsonl", "--graph", folder).stdout.splitlines()
    rows = [json.loads(line) for line in lines]
    full = json.loads(kg("query", "timeline", "--format", "json", "--graph", folder).stdout)["results"]["bindings"]
    assert len(rows) == len(full) == len(events)
    assert [r["event"] for r in rows] == [b["event"]["value"] for b in full]
    assert rows[0]["begin"] == "2025-06-02" and "begin" not in [k for r in rows for k, v in r.items() if v is None]
    assert json.loads(kg("query", "ASK { ?s ?p ?o }", "--format", "jsonl", "--graph", folder).stdout) == {"boolean": False}


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.rq")), ids=lambda p: p.name)
def test_sparql_clients_read_each_bundled_query_as_the_form_it_is(path):
    """SPARQLWrapper picks GET/POST and ``query=`` or ``update=`` from the first SPARQL
    keyword it finds after stripping comments, and its stripping misses some comment
    lines: a header comment saying "add" made it send the timeline as an update (403
    from any read-only endpoint). The bundled queries' headers avoid such words."""
    from SPARQLWrapper import SPARQLWrapper

    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    form = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body).group(1).upper()
    client = SPARQLWrapper("http://127.0.0.1:9/sparql")
    client.setQuery(text)
    assert client.queryType == form
