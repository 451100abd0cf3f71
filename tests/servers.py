"""Real triplestore servers for the tests, started on loopback on free ports.

- Oxigraph's server (the ``oxigraph`` CLI next to the venv's Python, or on PATH):
  Graph Store at ``/store``, queries at ``/query``, no authentication.
- OpenLink Virtuoso 7 (Debian ``virtuoso-opensource-7-bin``): a minimal ini in a
  temporary folder, both ports bound to 127.0.0.1; Graph Store at
  ``/sparql-graph-crud-auth`` with digest authentication (user dba), queries at
  ``/sparql``; stopped with ``isql-vt ... exec="shutdown;"``. No GRANT is needed:
  on a fresh database dba may write through the authenticated Graph Store
  endpoint, and the anonymous ``/sparql`` endpoint may read every graph.

A test that needs a server calls :func:`require`: it skips with the reason when
the server is missing, and fails when the environment says ``CI=true``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(condition: bool, reason: str) -> None:
    """Skip (locally) or fail (under CI=true) when ``condition`` is false."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, proc: subprocess.Popen, seconds: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode} before answering:\n{tail}")
        try:
            with opener.open(url, timeout=2) as r:
                r.read()
                return
        except urllib.error.HTTPError:
            return  # it answers
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise RuntimeError(f"server did not answer {url} within {seconds} s")


@dataclass
class Server:
    """A running server: where to PUT graphs, where to query, and the credentials."""

    name: str
    store_url: str
    query_url: str
    proc: subprocess.Popen
    user: str | None = None
    password: str | None = None
    auth: str | None = None
    admin_port: int | None = None

    def select(self, query: str) -> dict:
        """Run a query on the server's SPARQL endpoint; the JSON results as a dict."""
        data = urllib.parse.urlencode({"query": query}).encode()
        req = urllib.request.Request(
            self.query_url, data=data,
            headers={"Accept": "application/sparql-results+json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=60) as r:
            return json.loads(r.read().decode("utf-8"))

    def count(self, prefix: str = "https://w3id.org/negotiation-kg/id/") -> int:
        """Number of triples in the named graphs whose IRI starts with ``prefix``
        (Virtuoso keeps system graphs of its own)."""
        res = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                          f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }}')
        return int(res["results"]["bindings"][0]["n"]["value"])

    def stop(self) -> None:
        if self.proc.poll() is None:
            if self.name == "virtuoso" and self.admin_port:
                subprocess.run(
                    ["isql-vt", f"127.0.0.1:{self.admin_port}", "dba", "dba", 'exec=shutdown;'],
                    capture_output=True, timeout=60)
                try:
                    self.proc.wait(timeout=60)
                except subprocess.TimeoutExpired:
                    pass
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()


def oxigraph_cli() -> str | None:
    """Path of the ``oxigraph`` server CLI, or None."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.exists():
        return str(local)
    return shutil.which("oxigraph")


def start_oxigraph(workdir: Path) -> Server:
    cli = oxigraph_cli()
    require(cli is not None, "the oxigraph server CLI is not installed (pip install oxigraph)")
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "oxigraph.log"
    proc = subprocess.Popen(
        [cli, "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}"],
        stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/query?query=ASK%7B%7D", proc, 60, log)
    except Exception:
        proc.kill()
        proc.wait()
        raise
    return Server("oxigraph", f"{base}/store", f"{base}/query", proc)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {d}
ThreadsPerQuery = 2
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
MaxClientConnections = 4
ServerThreads = 4

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def start_virtuoso(workdir: Path) -> Server:
    require(virtuoso_available(),
            "Virtuoso is not installed (apt-get install virtuoso-opensource-7-bin; see .ci/install-servers.sh)")
    workdir.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = workdir / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(d=workdir, sql_port=sql_port, http_port=http_port))
    log = workdir / "virtuoso.out"
    proc = subprocess.Popen(
        ["virtuoso-t", "+configfile", str(ini), "+foreground"],
        cwd=workdir, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", f"{base}/sparql-graph-crud-auth", f"{base}/sparql", proc,
                    user="dba", password="dba", auth="digest", admin_port=sql_port)
    try:
        _wait_http(f"{base}/sparql?query=ASK%7B%7D", proc, 120, workdir / "virtuoso.log")
    except Exception:
        server.stop()
        raise
    return server


# --------------------------------------------------------------------------
# comparing query results across implementations
# --------------------------------------------------------------------------
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


_XSD = "http://www.w3.org/2001/XMLSchema#"
# Integer datatypes derived from xsd:integer. Oxigraph (the pyoxigraph Store and
# Oxigraph's server) gives them back as xsd:integer, the same value; rows are
# compared by value for them, and exactly for every other term.
_INTEGER_TYPES = {_XSD + t for t in (
    "integer nonNegativeInteger positiveInteger nonPositiveInteger negativeInteger long int "
    "short byte unsignedLong unsignedInt unsignedShort unsignedByte").split()}


def _lit(value: str, datatype: str | None, lang: str | None) -> tuple:
    if lang:
        return ("literal", value, RDF_LANG_STRING, lang.lower())
    if datatype in _INTEGER_TYPES:
        try:
            return ("literal", str(int(value)), _XSD + "integer", "")
        except ValueError:
            pass
    return ("literal", value, datatype or XSD_STRING, "")


def rows_from_json(results: dict) -> list[tuple]:
    """Sorted rows of SPARQL JSON results, each term as a comparable tuple."""
    names = results["head"]["vars"]
    rows = []
    for b in results["results"]["bindings"]:
        row = []
        for n in names:
            t = b.get(n)
            if t is None:
                row.append(None)
            elif t["type"] == "uri":
                row.append(("uri", t["value"]))
            elif t["type"] == "bnode":
                row.append(("bnode",))
            else:
                row.append(_lit(t["value"], t.get("datatype"), t.get("xml:lang")))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def rows_from_pyoxigraph(store, query: str) -> list[tuple]:
    import pyoxigraph as ox

    result = store.query(query)
    rows = []
    for sol in result:
        row = []
        for t in sol:
            if t is None:
                row.append(None)
            elif isinstance(t, ox.NamedNode):
                row.append(("uri", t.value))
            elif isinstance(t, ox.BlankNode):
                row.append(("bnode",))
            else:
                row.append(_lit(t.value, t.datatype.value, t.language))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def rows_from_rdflib(dataset, query: str) -> list[tuple]:
    from rdflib import BNode, Literal, URIRef

    rows = []
    for r in dataset.query(query):
        row = []
        for t in r:
            if t is None:
                row.append(None)
            elif isinstance(t, URIRef):
                row.append(("uri", str(t)))
            elif isinstance(t, BNode):
                row.append(("bnode",))
            elif isinstance(t, Literal):
                row.append(_lit(str(t), str(t.datatype) if t.datatype else None, t.language))
            else:
                row.append(("other", str(t)))
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def query_files() -> list[Path]:
    """The bundled queries (ontology/queries/*.rq) and the fixture's, for parity tests."""
    here = Path(__file__).resolve().parent
    bundled = here.parent / "ontology" / "queries"
    files = sorted(bundled.glob("*.rq")) if bundled.is_dir() else []
    return files + sorted((here / "cases" / "serve-small" / "queries").glob("*.rq"))


# --------------------------------------------------------------------------
# a real build of the development corpus: the seed and tests/corpus
# --------------------------------------------------------------------------
_BUILT: dict[str, Path] = {}


def built_output(tmp_dir: Path) -> Path:
    """``kg build seeds tests/corpus --out DIR``, run once per session."""
    if "out" in _BUILT:
        return _BUILT["out"]
    from kg.cli import main

    root = Path(__file__).resolve().parents[1]
    out = tmp_dir / "out"
    code = main(["build", str(root / "seeds"), str(root / "tests" / "corpus"), "--out", str(out), "-q"])
    assert code == 0, f"kg build failed with exit code {code}"
    _BUILT["out"] = out
    return out
