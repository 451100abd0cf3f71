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
        self.server = make_server(store, port=0, static_dir=static_dir, limits=limits,
                                  quiet=True).start()
        self.port = self.server.port
        self.pool = self.server.endpoint.pool
        self.base = f"http://127.0.0.1:{self.port}"
        self.endpoint = self.base + SPARQL_PATH

    def close(self):
        self.server.close()

    def get(self, path: str, headers: dict | None = None):
        req = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with OPENER.open(req, timeout=60) as r:
                return r.status, r.headers.get("Content-Type"), r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type"), exc.read()

    def post(self, body: bytes, content_type: str, headers: dict | None = None):
        req = urllib.request.Request(self.endpoint, data=body, method="POST",
                                     headers={"Content-Type": content_type, **(headers or {})})
        try:
            with OPENER.open(req, timeout=60) as r:
                return r.status, r.headers.get("Content-Type"), r.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type"), exc.read()

    def form(self, query: str):
        return self.post(urllib.parse.urlencode({"query": query}).encode(),
                         "application/x-www-form-urlencoded")


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
    (out / "graph.nq").symlink_to(root / "secret.txt")  # a public name, a link out
    # what a build folder holds that is not for the public
    (out / "push-state.json").write_text('{"store": "not for clients"}', encoding="utf-8")
    (out / "store").mkdir()
    (out / "store" / "claims.sqlite").write_text("not for clients", encoding="utf-8")
    (out / ".out.tmp-1234").mkdir()
    (out / ".out.tmp-1234" / "graph.trig").write_text("not for clients", encoding="utf-8")
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


class Listener:
    """A TCP listener on loopback that records whether anybody connected."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(1.0)
        self.port = self.sock.getsockname()[1]

    def contacted(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except OSError:  # timeout: nobody connected
            return False
        conn.close()
        return True

    def close(self):
        self.sock.close()


def test_service_is_refused_and_nothing_is_fetched(running):
    listener = Listener()
    port = listener.port
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = running.get(SPARQL_PATH + "?" + urllib.parse.urlencode({"query": query}))
        assert status == 403 and b"SERVICE" in body
        silent = f"SELECT * WHERE {{ SERVICE SILENT ?x {{ ?s ?p ?o }} VALUES ?x {{ <http://127.0.0.1:{port}/> }} }}"
        assert running.post(silent.encode(), "application/sparql-query")[0] == 403
        # SERVICE in a subquery, under OPTIONAL, behind keywords spelled in other cases
        hidden = (f"PREFIX ex: <http://e.org/>\nselect * where {{ ?s ?p ?o OPTIONAL {{ "
                  f"{{ SELECT ?x WHERE {{ sErViCe SiLeNt <http://127.0.0.1:{port}/x> {{ ?x ex:q ?y }} }} }} }} }}")
        assert running.form(hidden)[0] == 403
        # the walk-around of a pattern check: an escaped '#' in a prefixed name before SERVICE
        walk = (f"PREFIX ex: <http://e.org/>\nSELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ ?s ex:a\\#b ?x }}\n"
                f"SERVICE SILENT <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }}")
        status, _, body = running.form(walk)
        assert status in (400, 403), body
        assert not listener.contacted()
    finally:
        listener.close()


def test_deep_nesting_is_refused_and_the_server_lives_on(running):
    bombs = [
        "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000,
        "SELECT * WHERE { BIND(" + "+".join(["1"] * 50000) + " AS ?x) }",
        "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 10000 + "?o" + ")" * 10000 + ") }",
        # brackets inside what may read as an IRI still count
        "SELECT * WHERE { ?s ?p ?o FILTER(?o " + "<((((((((1> 2 " * 40 + ") }",
    ]
    for bomb in bombs:
        status, _, body = running.form(bomb)
        assert status == 400 and b"deeper than the limit" in body, body[:200]
    status, _, _ = running.post(bombs[0].encode(), "application/sparql-query")
    assert status == 400
    # still answering, and a query nesting a little is fine
    fine = "SELECT * WHERE " + "{" * 20 + " ?s ?p ?o " + "}" * 20 + " LIMIT 1"
    assert running.form(fine)[0] == 200


RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a ?b ?c }} GRAPH ?h {{ ?d ?e ?f }} "
           "GRAPH ?i {{ ?x ?y ?z }} GRAPH ?j {{ ?k ?l ?m }} FILTER(STR(?c) < STR(?f) || ?z != {n}) }}")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def test_runaway_queries_are_stopped_and_the_pool_recovers(store):
    r = Running(store, limits=Limits(timeout=1.0, workers=2))
    try:
        before = r.pool.pids()
        answers: list[int] = []

        def runaway(n: int) -> None:
            answers.append(r.form(RUNAWAY.format(n=n))[0])

        threads = [threading.Thread(target=runaway, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert answers == [503] * 8
        assert r.pool.killed >= 2
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in before) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in before)  # their cores and memory are free
        assert len(r.pool.pids()) == 2
        started = time.monotonic()
        status, _, body = r.form("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert status == 200 and str(len(store)).encode() in body
        assert time.monotonic() - started < 2.0  # the issue's bound: the pool is back
    finally:
        r.close()


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def test_a_memory_hungry_query_is_stopped_within_its_limit(store):
    limit_mb = 200
    r = Running(store, limits=Limits(timeout=60.0, workers=1, memory_mb=limit_mb))
    try:
        worker = r.pool.pids()[0]
        with open(f"/proc/{worker}/oom_score_adj", encoding="ascii") as f:
            assert f.read().strip() == "1000"  # short of memory, the system kills a worker first
        base = _rss(worker)
        server_base = _rss(os.getpid())
        peaks = {"worker": 0, "server": 0}
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                for pid in r.pool.pids():
                    peaks["worker"] = max(peaks["worker"], _rss(pid))
                peaks["server"] = max(peaks["server"], _rss(os.getpid()))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        try:
            hungry = ("SELECT * WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
                      "GRAPH ?i { ?x ?y ?z } } ORDER BY ?c ?f ?z")
            status, _, body = r.form(hungry)
        finally:
            done.set()
            sampler.join()
        assert status == 503 and b"memory limit" in body, body[:200]
        assert peaks["worker"] > base  # it did grow
        assert peaks["worker"] <= base + (limit_mb + 64) * 2**20
        assert peaks["server"] <= server_base + 128 * 2**20
        assert not _alive(worker) and r.pool.pids() != [worker]
        assert r.form("ASK { GRAPH ?g { ?s ?p ?o } }")[0] == 200
    finally:
        r.close()


def test_result_cap_time_limit_and_body_cap(store):
    r = Running(store, limits=Limits(timeout=0.5, max_results=10, max_body=2000))
    try:
        q = SPARQL_PATH + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"})
        status, _, body = r.get(q)
        assert status == 413 and b"LIMIT" in body
        assert r.get(q.replace("%7D+%7D", "%7D+%7D+LIMIT+10"))[0] == 200
        status, _, body = r.post(RUNAWAY.format(n=0).encode(), "application/sparql-query")
        assert status == 503 and b"limit" in body
        status, _, body = r.post(b"query=" + b"x" * 5000, "application/x-www-form-urlencoded")
        assert status == 413
    finally:
        r.close()


def test_64_simultaneous_new_connections_are_all_answered(running):
    body = urllib.parse.urlencode({"query": TIMELINE}).encode()
    request = (f"POST {SPARQL_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    barrier = threading.Barrier(64)
    results: list[str] = []

    def client() -> None:
        try:
            barrier.wait(30)
            with socket.create_connection(("127.0.0.1", running.port), timeout=60) as sock:
                sock.sendall(request)
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
            results.append(data.split(b"\r\n", 1)[0].decode())
        except Exception as exc:  # noqa: BLE001 - every failure is counted
            results.append(repr(exc))

    threads = [threading.Thread(target=client) for _ in range(64)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results == ["HTTP/1.1 200 OK"] * 64


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def test_a_truncated_post_is_not_run_and_its_connection_is_closed(store):
    r = Running(store, limits=Limits(body_timeout=1.0))
    try:
        ran = r.pool.executed
        with socket.create_connection(("127.0.0.1", r.port), timeout=30) as sock:
            sock.sendall(f"POST {SPARQL_PATH} HTTP/1.1\r\nHost: x\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\n"
                         "Content-Length: 1000\r\n\r\nquery=".encode())
            data = _read_all(sock)  # returns only once the server has closed the connection
        assert data.startswith(b"HTTP/1.1 408 "), data[:100]
        # a client that leaves half-way: nothing is run either
        with socket.create_connection(("127.0.0.1", r.port), timeout=30) as sock:
            sock.sendall(f"POST {SPARQL_PATH} HTTP/1.1\r\nHost: x\r\n"
                         "Content-Type: application/sparql-query\r\n"
                         "Content-Length: 1000\r\n\r\nASK {}".encode())
        # headers that never end: closed too
        with socket.create_connection(("127.0.0.1", r.port), timeout=30) as sock:
            sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
            assert _read_all(sock) == b""
        assert r.form("ASK {}")[0] == 200
        assert r.pool.executed == ran + 1
    finally:
        r.close()


def test_http_1_0_keep_alive_gets_a_whole_answer(running):
    with socket.create_connection(("127.0.0.1", running.port), timeout=30) as sock:
        sock.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        data = _read_all(sock)  # would hang if the server kept it open without saying so
    head, _, body = data.partition(b"\r\n\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in
               (line.partition(b":") for line in head.split(b"\r\n")[1:])}
    assert head.startswith(b"HTTP/1.1 200")
    assert headers[b"connection"] == b"close" and int(headers[b"content-length"]) == len(body)
    assert json.loads(body) == {"head": {}, "boolean": True}
    # HTTP/1.1 keeps the connection open for the next request
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=30)
    for _ in range(3):
        conn.request("GET", SPARQL_PATH + "?query=ASK%7B%7D")
        resp = conn.getresponse()
        assert resp.status == 200 and resp.read() == body
    conn.close()


# --------------------------------------------------------------------------
# static files
# --------------------------------------------------------------------------
def test_static_files_and_no_traversal(running, site):
    status, ctype, body = running.get("/graph.trig")
    assert status == 200 and ctype == "application/trig"
    assert body == (site / "graph.trig").read_bytes()
    status, ctype, _ = running.get("/timeline.html")
    assert status == 200 and ctype.startswith("text/html")
    for bad in ("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/escape", "/graph.nq",
                "/.push-state.json", "/push-state.json", "/store/claims.sqlite", "/store/",
                "/.out.tmp-1234/graph.trig", "/graph.trig%00.html", "/nope.html"):
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
    assert b"/sparql" in body and b"graph.trig" in body and b"timeline.html" in body
    assert b"https://w3id.org/negotiation-kg/id/graph/current" in body
    for hidden in (b"push-state.json", b"store", b"escape", b"graph.nq", b".out.tmp"):
        assert hidden not in body


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
    assert f"\nexamples:\n  kg {command} " in text


def test_a_worker_cannot_open_a_socket_whatever_a_query_says():
    """The second wall behind the parser: were a SERVICE pattern to reach the
    engine (a query read one way by rdflib and another by Oxigraph), a confined
    worker could still not connect anywhere."""
    listener = Listener()
    script = (
        "import socket, sys, pyoxigraph as ox\n"
        "from kg.serve.workers import _confine\n"
        "ours, theirs = socket.socketpair()\n"
        "_confine(theirs.detach(), 256 << 20)\n"
        f"query = 'SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?s ?p ?o }} }}'\n"
        "try:\n"
        "    list(ox.Store().query(query))\n"
        "    print('answered')\n"
        "except OSError as exc:\n"
        "    print('refused:', exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    try:
        proc = subprocess.Popen([sys.executable, "-c", script], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = proc.communicate(timeout=120)
        assert not listener.contacted()
    finally:
        listener.close()
    assert out.decode().startswith("refused: "), (out, err[-2000:])


def test_serve_help_documents_the_limits(capsys):
    from kg.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = capsys.readouterr().out
    for limit in ("128", "--timeout", "--memory", "1024 MiB", "1 MiB", "--body-timeout", "5 s"):
        assert limit in text, limit
