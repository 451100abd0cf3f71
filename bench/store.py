"""Benchmark of the persistent store against rdflib's in-memory engine, on the same data.

For each corpus size, a synthetic corpus (``bench/gen_corpus.py``: extracted
records, about 20 events per document, so the store is measured and not the
language pipeline) is built, each engine in its own process (so the peak
resident memory is its own, Rust allocations included):

* ``store``: ``kg.store`` (Oxigraph on disk + sidecar), a full build through
  ``add_documents``; then one more document added incrementally;
* ``oxigraph-mem``: the same quads bulk-loaded into an in-memory pyoxigraph Store;
* ``rdflib``: the same quads added to an rdflib ``Dataset`` (in memory).

Each prints: quads, triples of the consolidated graph, build time, peak RSS,
and the time of the bundled ``timeline`` and ``actors`` queries (best of 3;
rdflib once, with a time limit), and the ratios against rdflib.

    python bench/store.py                       # 1,000 and 10,000 documents
    python bench/store.py --docs 1000 --engines store rdflib
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

ENGINES = ("store", "oxigraph-mem", "rdflib")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _queries() -> dict[str, str]:
    from kg.resources import QUERIES_DIR

    return {name: (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
            for name in ("timeline", "actors")}


def _all_quads(xs, minter):
    from kg.reconcile import reconcile
    from kg.rdf.build_view import view_quads
    from kg.store import document_graph_quads

    for x in xs:
        yield from document_graph_quads(x, minter)
    yield from view_quads(reconcile(xs), minter)


class _Timeout(Exception):
    pass


def _timed(fn, repeat: int, limit: float | None = None):
    best = None
    rows = None
    for _ in range(repeat):
        if limit:
            signal.signal(signal.SIGALRM, lambda *a: (_ for _ in ()).throw(_Timeout()))
            signal.alarm(int(limit))
        t = time.perf_counter()
        try:
            rows = fn()
        except _Timeout:
            return None, None
        finally:
            if limit:
                signal.alarm(0)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best, rows


def worker(engine: str, n_docs: int, seed: int, limit: float) -> dict:
    """Build one engine on ``n_docs`` documents and measure it (runs in its own process)."""
    import pyoxigraph as ox

    from gen_corpus import generate
    from kg.rdf.iris import IriMinter

    xs = list(generate(n_docs, seed=seed))
    rss_records = _rss_mb()
    queries = _queries()
    minter = IriMinter()
    out: dict = {"engine": engine, "docs": n_docs, "events": sum(len(x.events) for x in xs),
                 "records_rss_mb": rss_records}
    if engine == "store":
        from kg.store import add_documents, open_store

        with tempfile.TemporaryDirectory(dir=os.environ.get("KG_BENCH_TMP")) as tmp:
            store = open_store(tmp)
            t = time.perf_counter()
            add_documents(store, xs)
            out["build_s"] = time.perf_counter() - t
            out["rss_mb"] = _rss_mb()
            out["quads"] = len(store.oxigraph)
            out["current_triples"] = sum(1 for _ in store.oxigraph.quads_for_pattern(
                None, None, None, store.current))
            for name, text in queries.items():
                dt, rows = _timed(lambda: list(store.oxigraph.query(text)), 3)
                out[f"{name}_s"], out[f"{name}_rows"] = dt, len(rows)
            [extra] = generate(1, seed=seed, start=n_docs, world_docs=n_docs)
            r = add_documents(store, [extra])
            out["add_one_s"], out["add_one_full"] = r.seconds, r.full
            out["add_one_events"] = r.events_touched
            r = add_documents(store, [extra])
            out["add_same_s"] = r.seconds
            store.close()
            out["disk_mb"] = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 2**20
        return out
    t = time.perf_counter()
    quads = _all_quads(xs, minter)  # a generator: records -> quads as the engine loads them
    if engine == "oxigraph-mem":
        store = ox.Store()
        store.bulk_extend(quads)
        out["build_s"] = time.perf_counter() - t
        out["quads"] = len(store)
        current = ox.NamedNode(str(minter.current_graph))
        out["current_triples"] = sum(1 for _ in store.quads_for_pattern(None, None, None, current))
        del xs
        out["rss_mb"] = _rss_mb()
        for name, text in queries.items():
            dt, rows = _timed(lambda: list(store.query(text)), 3)
            out[f"{name}_s"], out[f"{name}_rows"] = dt, len(rows)
        return out
    # rdflib
    from rdflib import Dataset, Literal, URIRef

    ds = Dataset()
    n_quads = 0
    graphs: dict[str, object] = {}
    terms: dict[str, object] = {}

    def term(node):
        if isinstance(node, ox.Literal):
            dt = node.datatype.value if node.datatype else None
            if node.language:
                return Literal(node.value, lang=node.language)
            return Literal(node.value, datatype=URIRef(dt) if dt else None)
        hit = terms.get(node.value)
        if hit is None:
            hit = terms[node.value] = URIRef(node.value)
        return hit

    for q in quads:
        g = graphs.get(q.graph_name.value)
        if g is None:
            g = graphs[q.graph_name.value] = ds.graph(URIRef(q.graph_name.value))
        g.add((term(q.subject), term(q.predicate), term(q.object)))
        n_quads += 1
    out["build_s"] = time.perf_counter() - t
    out["quads"] = n_quads  # as added (the union may hold duplicates across graphs: none here)
    out["current_triples"] = len(graphs[str(minter.current_graph)])
    del xs, terms
    out["rss_mb"] = _rss_mb()
    for name, text in queries.items():
        dt, rows = _timed(lambda: list(ds.query(text)), 1, limit)
        out[f"{name}_s"] = dt
        out[f"{name}_rows"] = len(rows) if rows is not None else None
    return out


def _run(engine: str, n: int, seed: int, limit: float) -> dict:
    cmd = [sys.executable, __file__, "--worker", engine, "--docs", str(n), "--seed", str(seed),
           "--limit", str(limit)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"engine": engine, "docs": n, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fmt(v, unit="") -> str:
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    if isinstance(v, float):
        return f"{v:.3f}{unit}" if v < 10 else f"{v:.1f}{unit}"
    return f"{v:,}{unit}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--limit", type=float, default=900, help="time limit of an rdflib query, seconds")
    p.add_argument("--rdflib-max-docs", type=int, default=2500,
                   help="skip rdflib above this many documents (its memory grows by about"
                        " 1 KB a quad; default: %(default)s)")
    p.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print the results as JSON lines too")
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.docs[0], args.seed, args.limit)))
        return 0
    cols = ("docs", "engine", "quads", "current_triples", "build_s", "rss_mb", "timeline_s",
            "actors_s", "add_one_s", "add_same_s")
    print(" | ".join(cols) + " | timeline x | actors x")
    for n in args.docs:
        engines = [e for e in args.engines if e != "rdflib" or n <= args.rdflib_max_docs]
        if len(engines) < len(args.engines):
            print(f"{n:,} | rdflib | skipped: more than --rdflib-max-docs {args.rdflib_max_docs:,}")
        results = [_run(e, n, args.seed, args.limit) for e in engines]
        base = next((r for r in results if r["engine"] == "rdflib"), None)
        for r in results:
            if "error" in r:
                print(f"{n:,} | {r['engine']} | error: {r['error']}")
                continue
            ratios = []
            for q in ("timeline_s", "actors_s"):
                if base and base.get(q) and r.get(q):
                    ratios.append(f"{base[q] / r[q]:.0f}x")
                elif base and base.get(q) is None and "error" not in base:
                    ratios.append(f">{args.limit / r[q]:.0f}x" if r.get(q) else "-")
                else:
                    ratios.append("-")
            print(" | ".join(_fmt(r.get(c)) for c in cols) + " | " + " | ".join(ratios), flush=True)
            if args.json:
                print(json.dumps(r), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
