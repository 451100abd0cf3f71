"""``kg serve`` against Oxigraph's own server, same data, same run: queries per
second and latency (p50, p99) at 1, 8, 32 and 64 concurrent clients, and how
soon a runaway query is stopped.

Both servers run as separate processes on loopback; the same graph is loaded in
both (Oxigraph's through ``kg push``). Each client keeps one connection alive and
POSTs the bundled timeline query; every answer must be a 200 (anything else, or a
connection error, counts as an error). Two rounds:

- ``repeated``: the same query text again and again (``kg serve`` answers it from
  its cache after the first time; Oxigraph evaluates it each time);
- ``distinct``: each request's text differs by a trailing comment, so ``kg serve``
  parses and evaluates every one (fewer requests: it is slow on purpose).

Then eight runaway queries at once, with ``--timeout 2``: the seconds until each
is answered (the limit plus the time to kill the worker) and the latency of a
normal query right after them.

Target at 64 clients, repeated round: 0 errors, p99 < 1 s, throughput at least
Oxigraph's.

    python bench/serve.py                       # builds the development corpus graph
    python bench/serve.py --graph out --queries 2000
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.rdf.io import load_graph, read_quads  # noqa: E402
from kg.rdf.push import push  # noqa: E402

FIXTURE = ROOT / "tests" / "cases" / "serve-small"
CLIENTS = (1, 8, 32, 64)
RUNAWAY = ("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a ?b ?c }} GRAPH ?h {{ ?d ?e ?f }} "
           "GRAPH ?i {{ ?x ?y ?z }} GRAPH ?j {{ ?k ?l ?m }} FILTER(STR(?c) < STR(?f) || ?z != {n}) }}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            with opener.open(url, timeout=2) as r:
                r.read()
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def development_graph(tmp: Path) -> Path:
    """Build the seeds and the development corpus."""
    from kg.cli import main

    corpus = tmp / "corpus"
    corpus.mkdir()
    for src in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*.txt")]:
        (corpus / src.name).write_bytes(src.read_bytes())
    out = tmp / "out"
    if main(["build", str(corpus), "--out", str(out), "--quiet"]) != 0:
        print("(the build failed: benchmarking the test fixture instead)")
        return FIXTURE
    return out


def timeline_query() -> tuple[str, str]:
    bundled = ROOT / "ontology" / "queries" / "timeline.rq"
    from kg.rdf.namespaces import PREFIXES

    prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in sorted(PREFIXES.items()))
    return prologue + bundled.read_text(encoding="utf-8"), str(bundled.relative_to(ROOT))


def run_load(port: int, path: str, query: str, clients: int, total: int,
             distinct: bool = False) -> dict:
    """``total`` requests from ``clients`` keep-alive connections: q/s, p50, p99, errors."""
    per_client = max(1, total // clients)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine: list[float] = []
        try:
            barrier.wait(60)
            for n in range(per_client):
                text = f"{query}\n# {i}-{n}" if distinct else query
                body = urllib.parse.urlencode({"query": text})
                started = time.perf_counter()
                try:
                    conn.request("POST", path, body=body, headers={
                        "Content-Type": "application/x-www-form-urlencoded",
                        "Accept": "application/sparql-results+json"})
                    resp = conn.getresponse()
                    resp.read()
                    if resp.status != 200:
                        with lock:
                            errors.append(str(resp.status))
                except (OSError, http.client.HTTPException) as exc:
                    with lock:
                        errors.append(type(exc).__name__)
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                mine.append(time.perf_counter() - started)
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    latencies.sort()
    return {
        "qps": len(latencies) / seconds,
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "errors": len(errors),
        "n": len(latencies),
    }


def runaways(port: int, normal: str) -> tuple[list[float], float, list[int]]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def post(text: str) -> int:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/sparql",
                                     data=urllib.parse.urlencode({"query": text}).encode())
        try:
            with opener.open(req, timeout=300) as r:
                r.read()
                return r.status
        except urllib.error.HTTPError as exc:
            return exc.code

    seconds: list[float] = []
    statuses: list[int] = []

    def one(n: int) -> None:
        started = time.perf_counter()
        statuses.append(post(RUNAWAY.format(n=n)))
        seconds.append(time.perf_counter() - started)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    started = time.perf_counter()
    statuses.append(post(normal + "\n# after the runaways"))
    return sorted(seconds), time.perf_counter() - started, statuses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="build folder or graph file (default: build the development corpus)")
    ap.add_argument("--queries", type=int, default=1280,
                    help="requests per measurement of the repeated round (default 1280)")
    ap.add_argument("--distinct", type=int, default=128,
                    help="requests per measurement of the distinct round (default 128)")
    args = ap.parse_args(argv)
    oxigraph = Path(sys.executable).parent / "oxigraph"
    if not oxigraph.exists():
        raise SystemExit("the oxigraph server CLI is not installed (pip install oxigraph)")
    query, qname = timeline_query()
    with tempfile.TemporaryDirectory(prefix="kg-bench-serve-") as tmp:
        tmp = Path(tmp)
        graph = Path(args.graph) if args.graph else development_graph(tmp)
        store = load_graph(graph)
        rows = len(list(store.query(query)))
        print(f"graph: {graph} ({len(store)} quads); query: {qname} ({rows} rows)")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        ours_port, ox_port = free_port(), free_port()
        ours = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port", str(ours_port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        theirs = subprocess.Popen(
            [str(oxigraph), "serve", "--location", str(tmp / "oxigraph"), "--bind",
             f"127.0.0.1:{ox_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait(f"http://127.0.0.1:{ours_port}/sparql?query=ASK%7B%7D", ours)
            wait(f"http://127.0.0.1:{ox_port}/query?query=ASK%7B%7D", theirs)
            report = push(read_quads(graph), f"http://127.0.0.1:{ox_port}/store")
            if not report.ok:
                raise SystemExit(f"push to Oxigraph failed: {report.failed}")
            run_load(ours_port, "/sparql", query, 1, 20)  # warm up both
            run_load(ox_port, "/query", query, 1, 20)
            for label, distinct, total in (("repeated", False, args.queries),
                                           ("distinct", True, args.distinct)):
                print(f"\n{label} query text ({total} requests per row)")
                print(f"{'clients':>7}  {'kg q/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'err':>4}  "
                      f"{'oxi q/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'err':>4}  {'ratio':>5}")
                for clients in CLIENTS:
                    a = run_load(ours_port, "/sparql", query, clients, total, distinct)
                    b = run_load(ox_port, "/query", query, clients, total, distinct)
                    print(f"{clients:>7}  {a['qps']:>7.0f} {a['p50'] * 1e3:>7.1f} "
                          f"{a['p99'] * 1e3:>7.1f} {a['errors']:>4}  {b['qps']:>7.0f} "
                          f"{b['p50'] * 1e3:>7.1f} {b['p99'] * 1e3:>7.1f} {b['errors']:>4}  "
                          f"{a['qps'] / b['qps']:>5.2f}", flush=True)
            ours.terminate()
            ours.wait(20)
            ours = subprocess.Popen(
                [sys.executable, "-m", "kg", "serve", "--graph", str(graph), "--port",
                 str(ours_port), "--timeout", "2"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait(f"http://127.0.0.1:{ours_port}/sparql?query=ASK%7B%7D", ours)
            seconds, after, statuses = runaways(ours_port, query)
            print(f"\n8 runaway queries, --timeout 2: answered {sorted(set(statuses[:-1]))} after "
                  f"{seconds[0]:.2f}-{seconds[-1]:.2f} s; a normal query right after: "
                  f"{statuses[-1]} in {after * 1e3:.0f} ms")
        finally:
            for proc in (ours, theirs):
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
