"""Time and memory of building and writing the graph for synthetic records.

    python bench/bench_rdf.py [DOCUMENTS]

Prints seconds per stage for DOCUMENTS synthetic documents (default 2000;
each gives about 240 quads, twice that with the consolidated graph).
"""

from __future__ import annotations

import resource
import sys
import time
from datetime import date, timedelta

from kg.records import Actor, Document, Event, Extraction, Mention, TimeValue
from kg.rdf.build import build_quads, graph_stats, to_store
from kg.rdf.io import jsonld, sorted_nquads, trig, turtle

CONTEXT = {"nkg": "https://w3id.org/negotiation-kg/ontology#",
           "label": "http://www.w3.org/2000/01/rdf-schema#label"}


def synthetic(n: int):
    words = "talks round meeting summit delegation ceasefire exchange proposal".split()
    for i in range(n):
        text = " ".join(words[(i + k) % len(words)] for k in range(400))
        doc_id = f"doc{i:06d}"
        doc = Document(id=doc_id, source=f"{doc_id}.txt", text=text, sha256="0" * 64,
                       published=date(2025, 1, 1) + timedelta(days=i % 300), title=f"Title {i}")
        actors, events = [], []
        for k in range(6):
            s = 10 * k
            actors.append(Actor(f"Actor {(i * 7 + k) % 500}", "Person", aliases=(f"A{k}",),
                                mentions=(Mention(doc_id, s, s + 5, text[s:s + 5]),)))
        for k in range(8):
            s = 100 + 12 * k
            day = date(2025, 1, 1) + timedelta(days=(i + k) % 365)
            events.append(Event(f"e{k}", "Meeting", f"Meeting {k} of {i}", "Occurred",
                                time=TimeValue("x", day.isoformat(), day, day, "day"),
                                place=f"City {k}", actors=(actors[k % 6].name,),
                                mentions=(Mention(doc_id, s, s + 7, text[s:s + 7]),)))
        yield Extraction(doc, actors=tuple(actors), events=tuple(events))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t = time.perf_counter()

    def lap(what: str) -> None:
        nonlocal t
        now = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{what:<14} {now - t:6.2f} s   max RSS {rss:6.0f} MB", flush=True)
        t = now

    quads = build_quads(synthetic(n), ontology=None)
    lap(f"records->quads ({len(quads)} quads)")
    store = to_store(quads)
    lap("store")
    graph_stats(store)
    lap("stats")
    sorted_nquads(quads)
    lap("graph.nq")
    trig(quads)
    lap("graph.trig")
    turtle(quads)
    lap("graph.ttl")
    if "--jsonld" in sys.argv:
        jsonld(quads, context=CONTEXT)
        lap("graph.jsonld")


if __name__ == "__main__":
    main()
