"""kg serve: a read-only SPARQL 1.1 Protocol endpoint over the built graph, used
through a real client (SPARQLWrapper) and raw HTTP on loopback."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kg.rdf.io import load_graph
from kg.serve import Limits, SPARQL_PATH, make_server

import servers

CASE = Path(__file__).parent / "cases" / "serve-small"
TIMELINE = (CASE / "queries" / "timeline.rq").read_text(encoding="utf-8")
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Running:
    """A server of :func:`make_server` running in a thread."""

    def __init__(self, store, static_dir=None, limits=None):
        self.server = make_server(store, port=0, static_dir=static_dir, limits=limits, quiet=True)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.endpoint = self.base + SPARQL_PATH
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def get(self, path: str, headers: dict | None = None):
        req = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with OPENER.open(req, timeout=30) as r:
                return r.status, r.headers.get("Content-Type"), r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type"), exc.read()

    def post(self, body: bytes, content_type: str, headers: dict | None = None):
        req = urllib.request.Request(self.endpoint, data=body, method="POST",
                                     headers={"Content-Type": content_type, **(headers or {})})
        try:
            with OPENER.open(req, timeout=30) as r:
                return r.status, r.headers.get("Content-Type"), r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type"), exc.read()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """An output folder with the graph and a view, and a secret file next to it."""
    root = tmp_path_factory.mktemp("site")
    out = root / "out"
    out.mkdir()
    (out / "graph.trig").write_bytes((CASE / "graph.trig").read_bytes())
    (out / "timeline.html").write_text("<!doctype html><title>Timeline</title>", encoding="utf-8")
    (out / ".push-state.json").write_text("{}", encoding="utf-8")
    (root / "secret.txt").write_text("not for clients", encoding="utf-8")
    (out / "escape").symlink_to(root / "secret.txt")
    return out


@pytest.fixture(scope="module")
def store(site):
    return load_graph(site)


@pytest.fixture(scope="module")
def running(store, site):
    r = Running(store, static_dir=site)
    yield r
    r.close()


def client(running, query, fmt=JSON, method=None):
    sw = SPARQLWrapper(running.endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        sw.setMethod(POST)
        sw.setRequestMethod(POSTDIRECTLY)
    elif method is not None:
        sw.setMethod(method)
    return sw.query()


# --------------------------------------------------------------------------
# answers
# --------------------------------------------------------------------------
def test_binds_loopback_by_default(running):
    assert running.server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", servers.query_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("method", ["GET", "POST", POSTDIRECTLY])
def test_queries_through_sparqlwrapper_match_local_rows(running, store, path, method):
    query = path.read_text(encoding="utf-8")
    results = client(running, query, JSON, method).convert()
    assert servers.rows_from_json(results) == servers.rows_from_pyoxigraph(store, query)


def test_select_as_xml_csv_and_tsv(running, store):
    expected = servers.rows_from_pyoxigraph(store, TIMELINE)
    doc = client(running, TIMELINE, XML).convert()  # a minidom Document
    results = doc.getElementsByTagName("result")
    assert len(results) == len(expected)
    csv_text = client(running, TIMELINE, CSV).convert().decode("utf-8")
    lines = csv_text.strip("\r\n").split("\r\n")
    assert lines[0] == "event,class,label,status,begin,end"
    assert len(lines) == len(expected) + 1
    tsv_text = client(running, TIMELINE, TSV).convert().decode("utf-8")
    tsv_lines = tsv_text.strip("\n").split("\n")
    assert tsv_lines[0].split("\t")[0] == "?event"
    assert len(tsv_lines) == len(expected) + 1
    # TSV carries typed terms: the dates come back as xsd:date
    assert '"2025-06-02"^^<http://www.w3.org/2001/XMLSchema#date>' in tsv_text


def test_ask_and_construct(running, store):
    ask = client(running, "ASK { GRAPH ?g { ?s a <https://w3id.org/negotiation-kg/ontology#Document> } }",
                 JSON).convert()
    assert ask["boolean"] is True
    construct = ("CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { GRAPH "
                 "<https://w3id.org/negotiation-kg/id/graph/current> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }")
    expected = {(t.subject, t.predicate, t.object) for t in store.query(construct)}
    ttl = client(running, construct, TURTLE).convert()
    got = {(t.subject, t.predicate, t.object) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    assert got == expected and len(got) > 5
    status, ctype, body = running.get(
        SPARQL_PATH + "?" + urllib.parse.urlencode({"query": construct}),
        {"Accept": "application/n-triples"})
    assert status == 200 and ctype.startswith("application/n-triples")
    got = {(t.subject, t.predicate, t.object) for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}
    assert got == expected


def test_content_negotiation(running):
    q = SPARQL_PATH + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { BIND(1 AS ?x) }"})
    assert running.get(q)[1] == "application/sparql-results+json"
    status, ctype, body = running.get(q, {"Accept": "text/html;q=0.9, text/csv;q=0.5"})
    assert status == 200 and ctype.startswith("text/csv") and body == b"x\r\n1\r\n"
    assert running.get(q, {"Accept": "image/png"})[0] == 406
    assert running.get(q, {"Accept": "text/tab-separated-values;q=0.4, application/sparql-results+xml"})[1] \
        == "application/sparql-results+xml"


# --------------------------------------------------------------------------
# safety
# --------------------------------------------------------------------------
def test_malformed_query_is_400_with_the_parser_message(running):
    with pytest.raises(QueryBadFormed) as info:
        client(running, "SELECT * WHERE { ?s ?p }")
    assert "line 1, column" in str(info.value)
    status, _, body = running.get(SPARQL_PATH + "?query=SELECT%20*%20WHERE%20%7B")
    assert status == 400 and b"SPARQL syntax error" in body


def test_updates_are_refused(running, store):
    before = len(store)
    update = "INSERT DATA { GRAPH <http://e.org/g> { <http://e.org/s> <http://e.org/p> 1 } }"
    sw = SPARQLWrapper(running.endpoint, updateEndpoint=running.endpoint)
    sw.setQuery(update)
    sw.setMethod(POST)
    with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as info:
        sw.query()
    assert "403" in str(info.value)
    assert running.post(update.encode(), "application/sparql-update")[0] == 403
    assert running.post(urllib.parse.urlencode({"update": update}).encode(),
                        "application/x-www-form-urlencoded")[0] == 403
    assert running.post(b"DROP ALL", "application/sparql-query")[0] == 403
    assert len(store) == before


def test_service_is_refused_and_nothing_is_fetched(running):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(1.0)
    port = listener.getsockname()[1]
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = running.get(SPARQL_PATH + "?" + urllib.parse.urlencode({"query": query}))
        assert status == 403 and b"SERVICE" in body
        silent = f"SELECT * WHERE {{ SERVICE SILENT ?x {{ ?s ?p ?o }} VALUES ?x {{ <http://127.0.0.1:{port}/> }} }}"
        assert running.post(silent.encode(), "application/sparql-query")[0] == 403
        with pytest.raises(OSError):  # timeout: nobody connected
            listener.accept()
    finally:
        listener.close()


def test_result_cap_time_limit_and_body_cap(store):
    r = Running(store, limits=Limits(timeout=0.5, max_results=10, max_body=2000))
    try:
        q = SPARQL_PATH + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
        status, _, body = r.get(q)
        assert status == 413 and b"LIMIT" in body
        assert r.get(q.replace("%7D+%7D", "%7D+%7D+LIMIT+10"))[0] == 200
        slow = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
                "GRAPH ?i { ?x ?y ?z } FILTER(STR(?c) < STR(?f)) }")
        started = time.monotonic()
        status, _, body = r.post(slow.encode(), "application/sparql-query")
        assert status == 503 and b"limit" in body
        assert time.monotonic() - started < 5
        status, _, body = r.post(b"query=" + b"x" * 5000, "application/x-www-form-urlencoded")
        assert status == 413
    finally:
        r.close()
    # a query whose solutions stream is stopped at the limit while it is being read
    r = Running(store, limits=Limits(timeout=0.5, max_results=10**9))
    try:
        many = "SELECT * WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } GRAPH ?i { ?x ?y ?z } }"
        started = time.monotonic()
        status, _, body = r.post(many.encode(), "application/sparql-query")
        assert status == 503 and b"limit" in body
        assert time.monotonic() - started < 3
    finally:
        r.close()


# --------------------------------------------------------------------------
# static files
# --------------------------------------------------------------------------
def test_static_files_and_no_traversal(running, site):
    status, ctype, body = running.get("/graph.trig")
    assert status == 200 and ctype == "application/trig"
    assert body == (site / "graph.trig").read_bytes()
    status, ctype, _ = running.get("/timeline.html")
    assert status == 200 and ctype.startswith("text/html")
    for bad in ("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/escape",
                "/.push-state.json", "/graph.trig%00.html", "/nope.html"):
        status, _, body = running.get(bad)
        assert status == 404, bad
        assert b"not for clients" not in body
    # raw request line with a traversal the client library would not normalize
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=10)
    conn.request("GET", "/../../secret.txt")
    resp = conn.getresponse()
    assert resp.status == 404 and b"not for clients" not in resp.read()
    conn.close()


def test_index_lists_graphs_and_files(running):
    status, ctype, body = running.get("/")
    assert status == 200 and ctype.startswith("text/html")
    assert b"/sparql" in body and b"graph.trig" in body
    assert b"https://w3id.org/negotiation-kg/id/graph/current" in body
    assert b".push-state.json" not in body


def test_writes_to_files_are_refused(running):
    req = urllib.request.Request(running.base + "/graph.trig", data=b"x", method="PUT")
    with pytest.raises(urllib.error.HTTPError) as info:
        OPENER.open(req, timeout=10)
    assert info.value.code == 405


# --------------------------------------------------------------------------
# load and the command line
# --------------------------------------------------------------------------
def test_bounded_load_8_clients_2000_queries(running, store):
    expected = servers.rows_from_pyoxigraph(store, TIMELINE)
    body = urllib.parse.urlencode({"query": TIMELINE})
    errors: list[str] = []
    done = [0] * 8

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=60)
        try:
            for n in range(250):
                conn.request("POST", SPARQL_PATH, body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                data = resp.read()
                if resp.status != 200:
                    errors.append(f"{resp.status}: {data[:200]!r}")
                    return
                if n % 50 == 0 and servers.rows_from_json(json.loads(data)) != expected:
                    errors.append("wrong rows")
                    return
                done[i] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is reported
            errors.append(repr(exc))
        finally:
            conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    seconds = time.monotonic() - started
    assert errors == []
    assert sum(done) == 2000
    print(f"\nkg serve: 2000 timeline queries from 8 clients in {seconds:.2f} s "
          f"({2000 / seconds:.0f} queries/s)")


def test_cli_serve_answers_queries(tmp_path):
    port = servers.free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--graph", str(CASE), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        url = f"http://127.0.0.1:{port}{SPARQL_PATH}?" + urllib.parse.urlencode(
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
        deadline = time.monotonic() + 30
        while True:
            try:
                with OPENER.open(url, timeout=5) as r:
                    data = json.loads(r.read())
                break
            except (urllib.error.URLError, OSError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "kg serve did not start"
                time.sleep(0.2)
        assert int(data["results"]["bindings"][0]["n"]["value"]) == len(load_graph(CASE))
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_protocol_dataset_parameters(running, store):
    current = "https://w3id.org/negotiation-kg/id/graph/current"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    q = SPARQL_PATH + "?" + urllib.parse.urlencode({"query": count})
    status, _, body = running.get(q)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"
    status, _, body = running.get(q + "&" + urllib.parse.urlencode({"default-graph-uri": current}))
    expected = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(current)))
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected
    named = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    q = SPARQL_PATH + "?" + urllib.parse.urlencode({"query": named, "named-graph-uri": current})
    rows = json.loads(running.get(q)[2])["results"]["bindings"]
    assert [r["g"]["value"] for r in rows] == [current]


@pytest.mark.parametrize("command", ["push", "serve"])
def test_commands_have_help_with_an_example(command, capsys):
    from kg.cli import main

    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert f"kg {command}" in text and "Example:" in text
