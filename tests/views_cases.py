"""Hand-made graphs for the analysis and view tests (tests/cases/views-*/).

Each case folder holds ``docs.trig`` (document graphs in the published layout)
and optionally ``view.trig`` (triples only the consolidated view holds, such as
reconciliation links). :func:`load_case` builds the consolidated view the way
the layout defines it: the union of the document graphs, marked
``a nkg:ConsolidatedGraph``.
"""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
BASE = "https://w3id.org/negotiation-kg/id/"
NKG = "https://w3id.org/negotiation-kg/ontology#"


def consolidate(store) -> None:
    """Add ``graph/current``: the union of the document graphs, marked as the view."""
    current = f"<{BASE}graph/current>"
    store.update(
        f"INSERT {{ GRAPH {current} {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?g), "{BASE}graph/doc/")) }}'
    )
    store.update(f"INSERT DATA {{ GRAPH {current} {{ {current} a <{NKG}ConsolidatedGraph> }} }}")


def load_case(name: str):
    """A pyoxigraph Store holding the case ``tests/cases/<name>/``."""
    import pyoxigraph as ox

    folder = CASES / name
    store = ox.Store()
    store.load(path=str(folder / "docs.trig"), format=ox.RdfFormat.TRIG)
    consolidate(store)
    if (folder / "view.trig").exists():
        store.load(path=str(folder / "view.trig"), format=ox.RdfFormat.TRIG)
    return store
