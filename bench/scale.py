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
* ``publish``: from that store, in a process of its own (so that its peak RSS is
  publishing's, not the store build's), the four graph files as a build publishes
  them (:func:`kg.pipeline.store_quads` into :func:`kg.rdf.io.write_graph_files`:
  ``graph.trig``, ``graph.nq``, ``graph.ttl``, ``graph.jsonld``); with ``--views``
  the views (:func:`kg.render.write_views` on the persistent store) after them.
  The first page of the bundled timeline is measured in the store's process.

``--keep DIR`` keeps each size's store in ``DIR/<N>`` and reuses it when it is there
(a second run, of other code, measures publishing on the same stores).

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


def step(name: str, n: int, fraction: float, world: int | None = None, *,
         store_dir: Path | None = None, publish: bool = False, views: bool = False) -> dict:
    """Run one step at size ``n`` (in this process) and measure it; ``store``: in
    ``store_dir`` (kept, and reused when built), then ``publish`` in a process of its own."""
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
    from kg.store import add_documents, indexed_page, open_store

    keep = Path(store_dir) if store_dir else None
    with tempfile.TemporaryDirectory(dir=os.environ.get("KG_BENCH_TMP")) as scratch:
        tmp = keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        built = (tmp / "store" / "built").exists()
        store = open_store(tmp)
        if not built:
            t, c = time.perf_counter(), time.process_time()
            add_documents(store, xs)
            out["seconds"] = time.perf_counter() - t
            out["cpu_s"] = time.process_time() - c
            (tmp / "store" / "built").touch()
        else:
            out["seconds"] = out["cpu_s"] = float("nan")  # reused: --keep
        out["quads"] = len(store.oxigraph)
        out["peak_rss_mb"] = _rss_mb()
        del xs
        paged = resolve_query("timeline", paged=True)
        t = time.perf_counter()
        list(store.oxigraph.query(indexed_page(tmp, paged, limit=50).text))
        out["first_page_s"] = time.perf_counter() - t  # from the store's timeline index
        t = time.perf_counter()
        list(store.oxigraph.query(page(paged, limit=50).text))
        out["first_page_query_s"] = time.perf_counter() - t  # the query alone sorts every event
        store.close()
        if publish:
            out["then"] = _run("publish", n, fraction, world, store_dir=tmp, views=views)
    return out


def rss_now_mb() -> float:
    """The resident size of this process now (MB)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def publish(n: int, store_dir: Path, *, views: bool = False) -> dict:
    """Publish the store in ``store_dir`` (in this process) and measure it: the graph
    files, then (``views``) the views; the resident size is sampled every 20 ms."""
    import threading

    from kg.pipeline import store_quads
    from kg.rdf.io import sha256_file, write_graph_files
    from kg.store import open_store

    peak = [0.0]
    running = [True]

    def sample() -> None:
        while running[0]:
            peak[0] = max(peak[0], rss_now_mb())
            time.sleep(0.02)

    out: dict = {"step": "publish", "docs": n}
    kept = open_store(store_dir)
    out["input_rss_mb"] = rss_now_mb()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with tempfile.TemporaryDirectory(dir=store_dir, prefix="publish-") as folder:
        t, c = time.perf_counter(), time.process_time()
        written = write_graph_files(store_quads(kept), Path(folder), base=kept.minter.base)
        out["seconds"] = time.perf_counter() - t
        out["cpu_s"] = time.process_time() - c
        out["files_mb"] = sum(Path(p).stat().st_size for p in written) / 2**20
        out["sha256"] = " ".join(f"{Path(p).name}:{sha256_file(p)[:12]}" for p in written)  # to compare runs
        with open(Path(folder) / "graph.nq", "rb") as f:
            out["quads"] = sum(1 for _ in f)
        out["files_peak_rss_mb"] = max(peak[0], rss_now_mb())
        if views:
            from kg.render import write_views

            t = time.perf_counter()
            write_views(kept.oxigraph, Path(folder))
            out["views_s"] = time.perf_counter() - t
    running[0] = False
    sampler.join()
    kept.close()
    # sampled: the kernel's maximum (ru_maxrss) of a process started by the store's
    # process starts from the resident size of that process
    out["peak_rss_mb"] = max(peak[0], rss_now_mb())
    return out


def _run(name: str, n: int, fraction: float, world: int | None = None, *,
         store_dir: Path | None = None, publish: bool = False, views: bool = False) -> dict:
    cmd = [sys.executable, __file__, "--worker", name, "--docs", str(n),
           "--extract-fraction", str(fraction)] + (["--world", str(world)] if world else [])
    cmd += (["--keep", str(store_dir)] if store_dir else []) + (["--publish"] if publish else [])
    cmd += ["--views"] if views else []
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
    p.add_argument("--keep", type=Path, metavar="DIR",
                   help="keep each size's store in DIR/<N> and reuse it when it is there")
    p.add_argument("--views", action="store_true", help="publish the views too (kg.render)")
    p.add_argument("--worker", choices=STEPS, help=argparse.SUPPRESS)
    p.add_argument("--publish", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--json", action="store_true", help="print the results as JSON lines too")
    args = p.parse_args(argv)
    if args.worker == "publish":
        print(json.dumps(publish(args.docs[0], args.keep, views=args.views)))
        return 0
    if args.worker:
        print(json.dumps(step(args.worker, args.docs[0], args.extract_fraction, args.world,
                              store_dir=args.keep, publish=args.publish, views=args.views)))
        return 0
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print("step | docs | seconds | peak RSS MB | input RSS MB | notes")
    results: dict[str, dict[int, dict]] = {s: {} for s in args.steps}

    def keep(n: int) -> Path | None:
        return args.keep / str(n) if args.keep else None

    for n in sorted(args.docs):
        for s in args.steps:
            if s == "publish":
                if "store" in args.steps:
                    continue  # run by the store step, in a process of its own
                r = _run("store", n, args.extract_fraction, args.world, store_dir=keep(n), publish=True,
                         views=args.views).get("then") or {"error": "store failed"}
            else:
                r = _run(s, n, args.extract_fraction, args.world, store_dir=keep(n) if s == "store" else None,
                         publish=s == "store" and "publish" in args.steps, views=args.views)
            rs = [(s, r)] + ([("publish", r.pop("then"))] if "then" in r and "publish" in args.steps else [])
            for s, r in rs:
                results[s][n] = r
                if "error" in r:
                    print(f"{s} | {n:,} | error: {r['error']}", flush=True)
                    continue
                notes = {k: v for k, v in r.items()
                         if k not in ("step", "docs", "seconds", "peak_rss_mb", "input_rss_mb", "then")}
                shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else
                                  f"{k} {v}" if isinstance(v, str) else f"{k} {v:,}"
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
        m1, m2 = results[s][n1]["peak_rss_mb"], results[s][n2]["peak_rss_mb"]
        print(f"growth exponent of peak memory {s} ({n1:,} -> {n2:,} documents): "
              f"{exponent(m1, m2, n1, n2):.2f} ({m1:,.0f} -> {m2:,.0f} MB)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
