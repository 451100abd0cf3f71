"""How validation scales: copies of the small test graph, validated inside pyoxigraph.

Run: ``python bench/bench_validate.py [copies ...]`` (default 100 500 2000; 2000 copies
make about a million triples). Prints triples, seconds and triples per second, and the
ratio of the time per triple to that of the smallest run (near 1 means linear).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.rdf.validate import validate  # noqa: E402

CASE = Path(__file__).resolve().parent.parent / "tests" / "cases" / "graph-small" / "input.trig"
CURRENT = "https://w3id.org/negotiation-kg/id/graph/current"


def build(copies: int) -> ox.Store:
    """``copies`` renamed copies of the two document graphs, and their union as the current graph."""
    text = CASE.read_text(encoding="utf-8")
    head, _, rest = text.partition("<graph/doc/a-istanbul> {")
    docs = "<graph/doc/a-istanbul> {" + rest.split("<graph/current> {")[0]
    parts = [head]
    for i in range(copies):
        parts.append(
            docs.replace("a-istanbul", f"a-istanbul-{i}")
            .replace("b-address", f"b-address-{i}")
            .replace("russia-ukraine/", f"track-{i}/")
        )
    parts.append(f"<{CURRENT}> {{ <{CURRENT}> a <https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph> . }}\n")
    store = ox.Store()
    store.load("".join(parts).encode("utf-8"), ox.RdfFormat.TRIG)
    store.update(f"INSERT {{ GRAPH <{CURRENT}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    return store


def main(argv: list[str]) -> None:
    base = None
    for copies in [int(a) for a in argv] or [100, 500, 2000]:
        store = build(copies)
        start = time.perf_counter()
        report = validate(store)
        seconds = time.perf_counter() - start
        per_triple = seconds / len(store)
        base = base or per_triple
        print(f"{len(store):>9} triples  {seconds:6.1f} s  {len(store) / seconds:>8.0f} triples/s  "
              f"ratio {per_triple / base:4.2f}  conforms={report.conforms}")


if __name__ == "__main__":
    main(sys.argv[1:])
