"""kg push: the built graph into other triplestores over the SPARQL 1.1 Graph Store
HTTP Protocol, checked against real servers (Oxigraph, Virtuoso) on loopback,
and against small local HTTP servers that misbehave on purpose."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import RdfError, StoreError, UsageError
from kg.rdf.io import load_graph, read_quads
from kg.rdf.push import (
    STATE_FILE,
    Auth,
    graph_payloads,
    push,
    read_state,
)

import servers

CASE = Path(__file__).parent / "cases" / "serve-small"
BASE = "https://w3id.org/negotiation-kg/id/"
CURRENT = BASE + "graph/current"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_graph(CASE)


@pytest.fixture(scope="module")
def quads() -> list[ox.Quad]:
    return read_quads(CASE)


def local_triples(store: ox.Store) -> int:
    return sum(1 for q in store if q.graph_name.value.startswith(BASE))


# --------------------------------------------------------------------------
# what is sent
# --------------------------------------------------------------------------
def test_payloads_cover_every_graph_ontology_first_current_last(quads):
    payloads = graph_payloads(quads + quads[:5])  # duplicates are sent once
    names = [p.graph for p in payloads]
    assert names[0] == BASE + "graph/ontology"
    assert names[-1] == CURRENT
    assert set(names) == {q.graph_name.value for q in quads}
    assert sum(p.triples for p in payloads) == len(set(quads))
    # each payload is valid N-Triples holding exactly its graph's triples, datatypes
    # as written (a Store would give xsd:nonNegativeInteger back as xsd:integer)
    for p in payloads:
        parsed = list(ox.parse(p.data, format=ox.RdfFormat.N_TRIPLES))
        assert len(parsed) == p.triples
        expected = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name.value == p.graph}
        assert {(t.subject, t.predicate, t.object) for t in parsed} == expected
    assert b"XMLSchema#nonNegativeInteger" in payloads[1].data


def test_payloads_refuse_triples_in_the_default_graph():
    q = ox.Quad(ox.NamedNode("http://e.org/s"), ox.NamedNode("http://e.org/p"), ox.Literal("o"))
    with pytest.raises(RdfError, match="outside any named graph"):
        graph_payloads([q])


def test_bad_store_url_and_auth_scheme_are_usage_errors(quads):
    with pytest.raises(UsageError, match="not an http"):
        push(quads, "ftp://127.0.0.1/store")
    with pytest.raises(UsageError, match="--user"):  # never recorded in the state file
        push(quads, "http://dba:dba@127.0.0.1:9/store", dry_run=True)
    with pytest.raises(UsageError, match="authentication scheme"):
        Auth("u", "p", "kerberos")
    assert "secret" not in repr(Auth("u", "secret", "digest"))


# --------------------------------------------------------------------------
# a recording Graph Store on loopback that fails on demand
# --------------------------------------------------------------------------
class Recorder:
    """A tiny Graph Store: keeps graphs by IRI; ``plan`` maps a graph IRI to a list
    of status codes to answer before accepting (e.g. [503, 503])."""

    def __init__(self, *, plan=None, refuse=(), user=None, password=None):
        self.graphs: dict[str, bytes] = {}
        self.requests: list[tuple[str, str, dict]] = []
        self.plan = {k: list(v) for k, v in (plan or {}).items()}
        self.refuse = set(refuse)
        rec = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_PUT(self):  # noqa: N802
                n = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(n)
                graph = parse_qs(urlsplit(self.path).query)["graph"][0]
                rec.requests.append(("PUT", graph, dict(self.headers)))
                if user is not None:
                    want = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
                    if self.headers.get("Authorization") != want:
                        return self._reply(401)
                if graph in rec.refuse:
                    return self._reply(400, b"bad data in this graph")
                pending = rec.plan.get(graph)
                if pending:
                    return self._reply(pending.pop(0))
                created = graph not in rec.graphs
                rec.graphs[graph] = body
                self._reply(201 if created else 204)

            def _reply(self, code, body=b""):
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def test_dry_run_sends_nothing(quads, capsys):
    with Recorder() as rec:
        report = push(quads, rec.url, dry_run=True)
        assert rec.requests == []
    assert report.dry_run and report.ok
    assert len(report.sent) == 4 and report.triples == len(set(quads))
    assert report.summary().startswith("would send 4 graph(s)")


def test_push_sends_ntriples_with_basic_auth(quads):
    with Recorder(user="ana", password="s3cret") as rec:
        report = push(quads, rec.url, auth=Auth("ana", "s3cret", "basic"))
    assert report.ok, report
    assert set(rec.graphs) == {q.graph_name.value for q in quads}
    assert all(h["Content-Type"].startswith("application/n-triples") for _, _, h in rec.requests)
    with Recorder(user="ana", password="s3cret") as rec:
        report = push(quads, rec.url, auth=Auth("ana", "wrong", "basic"), retries=0)
    assert not report.ok
    assert len(report.failed) == 4 and "401" in report.failed[0][1]


def test_retries_with_backoff_on_5xx(quads):
    ontology = BASE + "graph/ontology"
    with Recorder(plan={ontology: [503, 502]}) as rec:
        report = push(quads, rec.url, retries=2, backoff=0.01)
    assert report.ok
    assert [g for _, g, _ in rec.requests].count(ontology) == 3
    with Recorder(plan={ontology: [503, 503, 503]}) as rec:
        report = push(quads, rec.url, retries=1, backoff=0.01)
    assert [g for g, _ in report.failed] == [ontology]
    assert "HTTP 503" in report.failed[0][1] and "2 attempt(s)" in report.failed[0][1]
    assert len(report.sent) == 3  # the others still went


def test_unreachable_store_stops_and_lists_what_was_not_tried(quads):
    port = servers.free_port()  # nothing listens there
    report = push(quads, f"http://127.0.0.1:{port}/store", retries=1, backoff=0.01)
    assert not report.ok
    assert len(report.failed) == 1 and "cannot reach" in report.failed[0][1]
    assert len(report.not_sent) == 3


def test_failed_graph_named_exit_code_and_resume(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.trig").write_bytes((CASE / "graph.trig").read_bytes())
    bad = BASE + "graph/doc/b2"
    with Recorder(refuse={bad}) as rec:
        code = main(["push", rec.url, "--graph", str(out), "--retries", "0", "-q"])
        err = capsys.readouterr().err
        assert code == 2
        assert bad in err and "HTTP 400" in err and "--resume" in err
        state = read_state(out / STATE_FILE)[rec.url]
        assert bad not in state and len(state) == 3
        # the store accepts it now: a resumed push sends only the missing graph
        rec.refuse.clear()
        rec.requests.clear()
        code = main(["push", rec.url, "--graph", str(out), "--resume"])
        assert code == 0
        assert "3 unchanged graph(s) skipped" in capsys.readouterr().out
        assert [g for _, g, _ in rec.requests] == [bad]
        # a changed graph is sent again even with --resume
        text = (out / "graph.trig").read_text().replace('"Harbour Wire"', '"Harbour Wire Daily"')
        (out / "graph.trig").write_text(text)
        rec.requests.clear()
        assert main(["push", rec.url, "--graph", str(out), "--resume", "-q"]) == 0
        assert capsys.readouterr().out == ""  # -q: nothing but errors
        assert sorted(g for _, g, _ in rec.requests) == sorted([BASE + "graph/doc/a1", CURRENT])


def test_cli_needs_both_user_and_password(tmp_path, capsys):
    assert main(["push", "http://127.0.0.1:9/store", "--graph", str(CASE), "--user", "u"]) == 2
    assert "--password" in capsys.readouterr().err


# --------------------------------------------------------------------------
# real servers
# --------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    start = {"oxigraph": servers.start_oxigraph, "virtuoso": servers.start_virtuoso}[request.param]
    srv = start(tmp_path_factory.mktemp(request.param))
    yield srv
    srv.stop()


def _auth(srv) -> Auth | None:
    return Auth(srv.user, srv.password, srv.auth) if srv.user else None


@pytest.mark.server
def test_push_to_real_server_then_queries_match(server, store, quads):
    report = push(quads, server.store_url, auth=_auth(server), timeout=30)
    assert report.ok, report.failed
    assert report.triples == local_triples(store)
    assert server.count() == local_triples(store)
    # every graph arrived with its own triples
    for g in store.named_graphs():
        res = server.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g.value}> {{ ?s ?p ?o }} }}")
        n = int(res["results"]["bindings"][0]["n"]["value"])
        assert n == sum(1 for _ in store.quads_for_pattern(None, None, None, g)), g
    # a second push replaces, never duplicates
    again = push(quads, server.store_url, auth=_auth(server), timeout=30)
    assert again.ok
    assert server.count() == local_triples(store)
    # the bundled queries (and the fixture's), as they are, give the same rows
    for path in servers.query_files():
        query = path.read_text(encoding="utf-8")
        local = servers.rows_from_pyoxigraph(store, query)
        remote = servers.rows_from_json(server.select(query))
        assert remote == local, f"{server.name}: {path.name} differs"
        if path.parent.name == "queries" and path.parent.parent.name == "serve-small":
            assert local, f"{path.name} returns no row on the fixture"


@pytest.mark.server
def test_push_replaces_a_changed_graph(server, store, quads, tmp_path):
    trig = tmp_path / "graph.trig"
    trig.write_text((CASE / "graph.trig").read_text().replace('"Harbour Wire"', '"Harbour Wire Daily"'))
    changed = read_quads(trig)
    assert push(changed, server.store_url, auth=_auth(server)).ok
    q = ('SELECT ?p WHERE { GRAPH <%s> { ?d <http://purl.org/dc/terms/publisher> ?p } }'
         % (BASE + "graph/doc/a1"))
    values = [b["p"]["value"] for b in server.select(q)["results"]["bindings"]]
    assert values == ["Harbour Wire Daily"]
    assert push(quads, server.store_url, auth=_auth(server)).ok
    assert server.count() == local_triples(store)


@pytest.mark.server
@pytest.mark.parametrize("server", ["virtuoso"], indirect=True)
def test_wrong_credentials_are_reported(server, quads):
    report = push(quads, server.store_url, auth=Auth(server.user, "not-the-password", server.auth),
                  retries=0)
    assert not report.ok
    assert all("401" in why for _, why in report.failed)


@pytest.mark.server
@pytest.mark.parametrize("server", ["virtuoso"], indirect=True)
def test_datatypes_arrive_as_written(server, quads):
    """Virtuoso keeps derived datatypes: the push sends the file's literals, not a
    Store's canonical ones."""
    assert push(quads, server.store_url, auth=_auth(server)).ok
    res = server.select("SELECT DISTINCT (DATATYPE(?n) AS ?t) WHERE { GRAPH ?g { "
                        "?d <https://w3id.org/negotiation-kg/ontology#textLength> ?n } }")
    types = {b["t"]["value"] for b in res["results"]["bindings"]}
    assert types == {"http://www.w3.org/2001/XMLSchema#nonNegativeInteger"}


@pytest.mark.server
def test_push_a_real_build_then_bundled_queries_match(server, tmp_path_factory):
    """The seeds built by ``kg build``: pushed twice, same per-graph counts, and the
    bundled queries give the same rows on the server as locally (rdflib included
    in test_exports)."""
    out = servers.built_output(tmp_path_factory.mktemp("build"))
    built = read_quads(out)
    assert push(built, server.store_url, auth=_auth(server), timeout=60).ok
    assert push(built, server.store_url, auth=_auth(server), timeout=60).ok
    for g in {q.graph_name for q in built}:
        res = server.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g.value}> {{ ?s ?p ?o }} }}")
        assert int(res["results"]["bindings"][0]["n"]["value"]) == len(
            {q for q in built if q.graph_name == g}), g
    local = load_graph(out)
    for path in servers.query_files():
        query = path.read_text(encoding="utf-8")
        assert servers.rows_from_json(server.select(query)) == \
            servers.rows_from_pyoxigraph(local, query), f"{server.name}: {path.name}"
