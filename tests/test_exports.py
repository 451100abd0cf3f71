"""Strict, portable exports: every graph file of a build is accepted by strict
parsers of other implementations (pyoxigraph without ``lenient``; Apache Jena
RIOT ``--validate --strict``, warnings included), all formats carry the same
quads (JSON-LD round-trips), the bundled queries give the same rows under
rdflib and pyoxigraph, and no loader ever fetches a remote JSON-LD context."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import zipfile
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import RdfError
from kg.rdf.io import check_jsonld_local, load_graph, read_quads

import servers

CASE = Path(__file__).parent / "cases" / "serve-small"
FORMATS = {
    "graph.trig": ox.RdfFormat.TRIG,
    "graph.nq": ox.RdfFormat.N_QUADS,
    "graph.ttl": ox.RdfFormat.TURTLE,
    "graph.jsonld": ox.RdfFormat.JSON_LD,
}
RDFLIB_FORMATS = {"graph.trig": "trig", "graph.nq": "nquads", "graph.ttl": "turtle",
                  "graph.jsonld": "json-ld"}


@pytest.fixture(scope="module", params=["fixture", "build"])
def out(request, tmp_path_factory) -> Path:
    """A folder of graph files: the hand-written fixture, or a real build of the development corpus (seed and tests/corpus)."""
    if request.param == "fixture":
        return CASE
    return servers.built_output(tmp_path_factory.mktemp("build"))


def files(out: Path) -> list[Path]:
    return [out / name for name in FORMATS if (out / name).is_file()]


def strict_quads(path: Path) -> set:
    """Quads as pyoxigraph reads them strictly (IRIs and language tags validated)."""
    if path.suffix == ".jsonld":
        check_jsonld_local(json.loads(path.read_text(encoding="utf-8")), str(path))
    quads = ox.parse(path=str(path), format=FORMATS[path.name], lenient=False)
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in quads}


def as_triples(quads: set) -> set:
    return {(s, p, o) for s, p, o, _ in quads}


def test_build_writes_every_format(out):
    if out == CASE:
        assert (out / "graph.trig").is_file()
        return
    assert [p.name for p in files(out)] == list(FORMATS)


def test_strict_pyoxigraph_and_same_quads_in_every_format(out):
    reference = strict_quads(files(out)[0])
    assert reference, "empty graph"
    assert all(not isinstance(g, ox.DefaultGraph) for *_, g in reference), \
        "nothing belongs in the default graph"
    for path in files(out)[1:]:
        quads = strict_quads(path)
        if path.name == "graph.ttl":  # Turtle is the union of the graphs
            assert as_triples(quads) == as_triples(reference), path.name
        else:  # N-Quads and JSON-LD keep the graphs: JSON-LD round-trips
            assert quads == reference, path.name


def test_rdflib_reads_the_same_quads(out):
    import rdflib

    reference = strict_quads(files(out)[0])
    expected = {(str(s), str(p), str(o)) for s, p, o, _ in reference}
    for path in files(out):
        ds = rdflib.Dataset()
        ds.parse(path, format=RDFLIB_FORMATS[path.name])
        got = set()
        for s, p, o, _g in ds.quads((None, None, None, None)):
            got.add((_nt(s), _nt(p), _nt(o)))
        assert got == expected, f"{path.name}: {sorted(got ^ expected)[:5]}"


def _nt(term) -> str:
    """An rdflib term written as pyoxigraph's str() writes it (N-Triples)."""
    from rdflib import Literal

    if isinstance(term, Literal):
        lit = ox.Literal(str(term), language=term.language) if term.language else ox.Literal(
            str(term), datatype=ox.NamedNode(str(term.datatype or "http://www.w3.org/2001/XMLSchema#string")))
        return str(lit)
    return str(ox.NamedNode(str(term)))


@pytest.mark.parametrize("path", servers.query_files(), ids=lambda p: p.name)
def test_queries_give_the_same_rows_in_rdflib_and_pyoxigraph(out, path):
    import rdflib

    query = path.read_text(encoding="utf-8")
    ds = rdflib.Dataset()
    ds.parse(files(out)[0], format=RDFLIB_FORMATS[files(out)[0].name])
    store = load_graph(out)
    local = servers.rows_from_pyoxigraph(store, query)
    assert servers.rows_from_rdflib(ds, query) == local


# --------------------------------------------------------------------------
# Apache Jena RIOT (Debian libapache-jena-java)
# --------------------------------------------------------------------------
_JARS = (
    "jena-arq jena-base jena-core jena-iri jena-cmds commons-cli commons-codec commons-compress "
    "commons-csv commons-io commons-lang3 commons-logging dexx.collection gson guava httpclient "
    "httpclient-cache httpcore jackson-annotations jackson-core jackson-databind jakarta.json-api "
    "jsonld-java protobuf thrift titanium-json-ld slf4j-api slf4j-simple"
).split()


@pytest.fixture(scope="session")
def riot(tmp_path_factory):
    """A command list running Jena's ``riotcmd.riot``.

    Debian's jena-core relocates its bundled Xerces to the package ``xerces`` but
    leaves the message files under ``org/apache/jena/ext/xerces``; without them
    Jena fails at start-up ("internal error" in XSSimpleTypeDecl), so a copy of
    the message files is put on the class path at the relocated place.
    """
    java = shutil.which("java")
    jars = [Path("/usr/share/java") / f"{name}.jar" for name in _JARS]
    missing = [j.name for j in jars if not j.exists()]
    servers.require(java is not None and not missing,
                    f"Apache Jena is not installed (missing {missing or 'java'}; "
                    "apt-get install libapache-jena-java, see .ci/install-servers.sh)")
    shim = tmp_path_factory.mktemp("jena-shim")
    with zipfile.ZipFile("/usr/share/java/jena-core.jar") as z:
        for name in z.namelist():
            if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = shim / "xerces" / name[len("org/apache/jena/ext/xerces/"):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(name))
    classpath = ":".join([str(shim)] + [str(j) for j in jars])
    return [java, "-cp", classpath, "riotcmd.riot"]


def _riot_args(path: Path) -> list[str]:
    # Debian ships no Jakarta JSON provider for Titanium (Jena's JSON-LD 1.1
    # reader), so JSON-LD is read with Jena's JSON-LD 1.0 reader (jsonld-java).
    return ["--syntax=JSONLD10"] if path.suffix == ".jsonld" else []


def run_riot(riot, *args) -> subprocess.CompletedProcess:
    return subprocess.run([*riot, *args], capture_output=True, text=True, timeout=300)


def test_riot_check_catches_a_bad_literal(riot, tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://e.org/s> <http://e.org/p> "June"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    res = run_riot(riot, "--strict", "--output=nquads", str(bad))  # as the export check runs it
    assert res.returncode != 0 or "WARN" in res.stderr
    assert "not valid for datatype" in res.stderr


def test_riot_reads_the_same_quads_strictly_without_warnings(riot, out):
    """One riot run per file: strict parsing must report no warning or error, and the quads
    it reads must be the reference's (one JVM start per file instead of two)."""
    reference = strict_quads(files(out)[0])
    for path in files(out):
        if path.suffix == ".jsonld":
            check_jsonld_local(json.loads(path.read_text(encoding="utf-8")), str(path))
        res = run_riot(riot, "--strict", *_riot_args(path), "--output=nquads", str(path))
        assert res.returncode == 0 and "WARN" not in res.stderr and "ERROR" not in res.stderr, \
            f"{path.name}: {res.stderr.strip()[:2000]}"
        quads = {(q.subject, q.predicate, q.object, q.graph_name)
                 for q in ox.parse(res.stdout, format=ox.RdfFormat.N_QUADS)}
        if path.name == "graph.ttl":
            assert as_triples(quads) == as_triples(reference), path.name
        else:
            assert quads == reference, path.name


# --------------------------------------------------------------------------
# no remote fetching
# --------------------------------------------------------------------------
@pytest.fixture
def listener():
    """A loopback port that records whether anybody connected to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.setblocking(False)
    yield sock
    sock.close()


def _connected(sock) -> bool:
    try:
        conn, _ = sock.accept()
    except (BlockingIOError, OSError):
        return False
    conn.close()
    return True


def _loaders():
    from kg.rdf.validate import validate_file

    return [("kg.rdf.io.read_quads", read_quads), ("kg.rdf.io.load_graph", load_graph),
            ("kg.rdf.validate.validate_file", validate_file)]


REMOTE_SHAPES = {
    "context-string": lambda url: {"@context": url, "@id": "http://e.org/a", "name": "x"},
    "context-list": lambda url: {"@context": [{"n": "http://e.org/n"}, url], "@id": "http://e.org/a"},
    "import": lambda url: {"@context": {"@version": 1.1, "@import": url}, "@id": "http://e.org/a"},
    "scoped": lambda url: {"@context": {"p": {"@id": "http://e.org/p", "@context": url}},
                           "@id": "http://e.org/a", "p": {"@id": "http://e.org/b"}},
    "nested-node": lambda url: {"@id": "http://e.org/a",
                                "http://e.org/p": {"@context": url, "@id": "http://e.org/b"}},
}


@pytest.mark.parametrize("loader", _loaders(), ids=lambda x: x[0])
@pytest.mark.parametrize("shape", sorted(REMOTE_SHAPES))
def test_remote_jsonld_context_is_refused_not_fetched(tmp_path, listener, loader, shape):
    _, load = loader
    for url in (f"http://127.0.0.1:{listener.getsockname()[1]}/ctx.jsonld",
                "http://127.0.0.1:9/ctx.jsonld"):
        path = tmp_path / "remote.jsonld"
        path.write_text(json.dumps(REMOTE_SHAPES[shape](url)), encoding="utf-8")
        with pytest.raises(RdfError) as info:
            load(path)
        message = str(info.value)
        assert str(path) in message and "context" in message.lower()
        assert not _connected(listener), "the loader connected to the remote context"


def test_inline_jsonld_context_is_read(tmp_path):
    path = tmp_path / "inline.jsonld"
    path.write_text(json.dumps({
        "@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label"},
        "@id": "https://w3id.org/negotiation-kg/id/graph/current",
        "@graph": [{"@id": "https://w3id.org/negotiation-kg/id/actor/x", "label": "X"}],
    }), encoding="utf-8")
    store = load_graph(path)
    assert [q.object.value for q in store] == ["X"]
    assert store.named_graphs().__next__().value.endswith("graph/current")
