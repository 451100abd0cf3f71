"""Queries per second of ``kg serve`` against Oxigraph's own server, same data, same run.

Both servers run as separate processes on loopback; the same graph is loaded in
both (Oxigraph's through ``kg push``); clients on keep-alive connections send the
timeline query (the bundled one, else the test fixture's) and check every answer
is 200. Prints queries per second under 1 and 8 concurrent clients and the ratio
ours / Oxigraph's.

    python bench/serve.py                       # builds the development corpus graph
    python bench/serve.py --graph out --queries 2000
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
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
    """Build the seeds and the development corpus, if the build command exists."""
    from kg.cli import main

    corpus = tmp / "corpus"
    corpus.mkdir()
    for src in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*.txt")]:
        (corpus / src.name).write_bytes(src.read_bytes())
    out = tmp / "out"
    try:
        code = main(["build", str(corpus), "--out", str(out)])
    except SystemExit as exc:  # argparse: no such command yet
        code = exc.code
    if code != 0 or not (out / "graph.trig").is_file():
        print("(kg build is not available here: benchmarking the test fixture instead)")
        return FIXTURE
    return out


def timeline_query() -> tuple[str, str]:
    bundled = ROOT / "ontology" / "queries" / "timeline.rq"
    path = bundled if bundled.is_file() else FIXTURE / "queries" / "timeline.rq"
    return path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))


def run_load(port: int, path: str, query: str, clients: int, total: int) -> float:
    body = urllib.parse.urlencode({"query": query})
    per_client = total // clients
    errors: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            for _ in range(per_client):
                conn.request("POST", path, body=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/sparql-results+json"})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errors.append(str(resp.status))
                    return
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} client(s) failed: {errors[:3]}")
    return per_client * clients / seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", help="build folder or graph file (default: build the development corpus)")
    ap.add_argument("--queries", type=int, default=1000, help="queries per measurement (default 1000)")
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
        print(f"graph: {graph} ({len(store)} quads); query: {qname} ({rows} rows); "
              f"{args.queries} queries per measurement")
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
            # warm up both
            run_load(ours_port, "/sparql", query, 1, 20)
            run_load(ox_port, "/query", query, 1, 20)
            print(f"{'clients':>7}  {'kg serve q/s':>12}  {'oxigraph q/s':>12}  {'ratio':>6}")
            for clients in (1, 8):
                q_ours = run_load(ours_port, "/sparql", query, clients, args.queries)
                q_ox = run_load(ox_port, "/query", query, clients, args.queries)
                print(f"{clients:>7}  {q_ours:>12.0f}  {q_ox:>12.0f}  {q_ours / q_ox:>6.2f}")
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
