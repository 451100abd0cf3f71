"""How each step of a build grows with the number of documents: time, peak memory, exponent.

Run: ``python bench/scale.py [--docs 1000 10000 ...] [--steps extract reconcile store publish]
[--extract-fraction F]``.

For each size N, each step runs in a process of its own (so its peak resident memory,
Rust allocations included, is its own) on a synthetic corpus (``gen_corpus.py``:
extracted records, about 20 events a document, in a world sized for N documents):

* ``extract``: :func:`kg.extract.extract_many` (one process) over N x F documents
  (F = ``--extract-fraction``, default 0.01: the language pipeline runs about 15
  documents a second, and its cost is per document), the seed and development
  articles repeated under distinct ids; the time is scaled to N documents;
* ``reconcile``: :func:`kg.reconcile.reconcile` of the N documents' records
  (cross-document identity of actors, events, agreements);
* ``store``: a full build of the persistent store (:func:`kg.store.add_documents`
  into an empty store: the documents' graphs, reconciliation, the consolidated
  graph, the sidecar index);
* ``publish``: from that store (in the same process as ``store``, so its peak RSS
  is at least the store's), the sorted ``graph.nq`` (the export every other
  file is written from) and the first page of the bundled timeline.

Each line gives seconds, peak RSS (MB) of the step's process and the RSS once its
input is in memory (and, for reconcile and store, ``cpu_s``: the CPU time of the step,
steadier than the wall clock on a shared machine; the reconcile target is judged on it);
the last lines give each step's growth exponent between the smallest and the largest
size, and between each size and the next (time ~ N^k; 1 is linear), against the targets.
``first_page_s`` is the first page of 50 of the bundled timeline from the store's
timeline index, ``first_page_query_s`` the same page by the query alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

STEPS = ("extract", "reconcile", "store", "publish")
#: Growth exponent targets (time ~ N^k).
TARGETS = {"reconcile": 1.15, "extract": 1.15, "store": 1.15, "publish": 1.15}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts(n: int):
    from kg.load import load_paths

    base = load_paths([ROOT / "seeds", ROOT / "tests" / "corpus"], on_skip=lambda *a: None)
    return [dataclasses.replace(base[k % len(base)], id=f"{base[k % len(base)].id}-{k}")
            for k in range(n)]


def step(name: str, n: int, fraction: float, world: int | None = None) -> dict:
    """Run one step at size ``n`` (in this process) and measure it."""
    out: dict = {"step": name, "docs": n}
    if name == "extract":
        from kg.extract import _default_nlp, extract_many

        m = max(7, round(n * fraction))
        docs = _texts(m)
        list(extract_many(docs[:1]))  # the pipeline loaded, caches warm
        out["input_rss_mb"] = _rss_mb()
        t = time.perf_counter()
        xs = list(extract_many(docs))
        dt = time.perf_counter() - t
        out.update(measured_docs=m, measured_s=dt, seconds=dt * n / m,
                   events=sum(len(x.events) for x in xs))
        out["peak_rss_mb"] = _rss_mb()
        return out
    from gen_corpus import generate

    xs = list(generate(n, seed=0, world_docs=world))
    out["events"] = sum(len(x.events) for x in xs)
    out["input_rss_mb"] = _rss_mb()
    if name == "reconcile":
        from kg.reconcile import reconcile

        t, c = time.perf_counter(), time.process_time()
        view = reconcile(xs)
        out["seconds"] = time.perf_counter() - t
        out["cpu_s"] = time.process_time() - c
        out["merged_events"] = len(view.events)
        out["peak_rss_mb"] = _rss_mb()
        return out
    from kg.rdf.query import page, resolve_query
    from kg.store import add_documents, export_nquads, indexed_page, open_store

    with tempfile.TemporaryDirectory(dir=os.environ.get("KG_BENCH_TMP")) as tmp:
        store = open_store(tmp)
        t, c = time.perf_counter(), time.process_time()
        add_documents(store, xs)
        out["seconds"] = time.perf_counter() - t
        out["cpu_s"] = time.process_time() - c
        out["quads"] = len(store.oxigraph)
        out["peak_rss_mb"] = _rss_mb()
        del xs
        pub: dict = {"step": "publish", "docs": n, "input_rss_mb": _rss_mb()}
        t = time.perf_counter()
        lines = set()
        for chunk in export_nquads(store):
            lines.update(chunk.splitlines(keepends=True))
        data = b"".join(sorted(lines))
        (Path(tmp) / "graph.nq").write_bytes(data)
        pub["seconds"] = time.perf_counter() - t
        pub["quads"] = len(lines)
        del lines, data
        paged = resolve_query("timeline", paged=True)
        t = time.perf_counter()
        list(store.oxigraph.query(indexed_page(tmp, paged, limit=50).text))
        pub["first_page_s"] = time.perf_counter() - t  # from the store's timeline index
        t = time.perf_counter()
        list(store.oxigraph.query(page(paged, limit=50).text))
        pub["first_page_query_s"] = time.perf_counter() - t  # the query alone sorts every event
        pub["peak_rss_mb"] = _rss_mb()
        store.close()
    out["then"] = pub
    return out


def _run(name: str, n: int, fraction: float, world: int | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--docs", str(n),
           "--extract-fraction", str(fraction)] + (["--world", str(world)] if world else [])
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        return {"step": name, "docs": n, "error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def exponent(t1: float, t2: float, n1: int, n2: int) -> float:
    """The k of t ~ n^k through two points.

    >>> round(exponent(1.0, 10.0, 1000, 10000), 2)
    1.0
    """
    return math.log(t2 / t1) / math.log(n2 / n1)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    p.add_argument("--extract-fraction", type=float, default=0.01,
                   help="share of N documents the extract step runs on (default 0.01)")
    p.add_argument("--world", type=int, metavar="DOCS",
                   help="generate every corpus in the world sized for DOCS documents (the same "
                        "countries, people and tracks at every size: denser blocks as N grows, "
                        "as in a year of news about the same talks); default: sized for N")
    p.add_argument("--worker", choices=STEPS, help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print the results as JSON lines too")
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(step(args.worker, args.docs[0], args.extract_fraction, args.world)))
        return 0
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print("step | docs | seconds | peak RSS MB | input RSS MB | notes")
    results: dict[str, dict[int, dict]] = {s: {} for s in args.steps}
    for n in sorted(args.docs):
        for s in args.steps:
            if s == "publish":
                if "store" in args.steps:
                    continue  # measured in the store step's process
                r = _run("store", n, args.extract_fraction, args.world).get("then") or {"error": "store failed"}
            else:
                r = _run(s, n, args.extract_fraction, args.world)
            rs = [(s, r)] + ([("publish", r.pop("then"))] if "then" in r and "publish" in args.steps else [])
            for s, r in rs:
                results[s][n] = r
                if "error" in r:
                    print(f"{s} | {n:,} | error: {r['error']}", flush=True)
                    continue
                notes = {k: v for k, v in r.items()
                         if k not in ("step", "docs", "seconds", "peak_rss_mb", "input_rss_mb", "then")}
                shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v:,}"
                                  for k, v in notes.items())
                print(f"{s} | {n:,} | {r['seconds']:.2f} | {r['peak_rss_mb']:.0f} | "
                      f"{r['input_rss_mb']:.0f} | {shown}", flush=True)
                if args.json:
                    print(json.dumps(r), flush=True)
    ok = True
    for s in args.steps:
        good = sorted(n for n, r in results[s].items() if "error" not in r)
        if len(good) < 2:
            continue
        n1, n2 = good[0], good[-1]
        k = exponent(results[s][n1]["seconds"], results[s][n2]["seconds"], n1, n2)
        target = TARGETS[s]
        steps = [exponent(results[s][a]["seconds"], results[s][b]["seconds"], a, b)
                 for a, b in zip(good, good[1:])]
        cpu = ""
        per_step = f" (per step: {', '.join(f'{x:.2f}' for x in steps)})" if len(steps) > 1 else ""
        if all("cpu_s" in results[s][n] for n in good):  # CPU time: steadier on a shared machine
            kc = exponent(results[s][n1]["cpu_s"], results[s][n2]["cpu_s"], n1, n2)
            ok &= kc <= target or s != "reconcile"
            cpu_steps = [exponent(results[s][a]["cpu_s"], results[s][b]["cpu_s"], a, b)
                         for a, b in zip(good, good[1:])]
            cpu = f", {kc:.2f} in CPU time" + (
                f" (per step: {', '.join(f'{x:.2f}' for x in cpu_steps)})" if len(steps) > 1 else "")
        else:
            ok &= k <= target or s != "reconcile"
        print(f"growth exponent {s} ({n1:,} -> {n2:,} documents): {k:.2f}{cpu}{per_step} "
              f"(target <= {target})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
