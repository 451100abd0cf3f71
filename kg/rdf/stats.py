"""Counting what a built graph holds (:class:`GraphStats`, for the manifest and
the build summary), by SPARQL over its consolidated graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.rdf.namespaces import NKG

__all__ = ["GraphStats", "graph_stats"]


@dataclass(frozen=True, slots=True)
class GraphStats:
    """What a built graph holds, counted in the consolidated graph.

    ``events_by_class`` maps an event class local name to its count;
    ``triples`` counts the distinct triples of the union of all graphs.
    """

    documents: int
    events: int
    actors: int
    agreements: int
    places: int
    mentions: int
    quads: int
    triples: int
    graphs: int
    events_by_class: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        """Plain data for the manifest."""
        return {
            "documents": self.documents,
            "events": self.events,
            "events_by_class": dict(sorted(self.events_by_class.items())),
            "actors": self.actors,
            "agreements": self.agreements,
            "places": self.places,
            "mentions": self.mentions,
            "graphs": self.graphs,
            "quads": self.quads,
            "triples": self.triples,
        }

_COUNTS = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?view { ?view a nkg:ConsolidatedGraph .
    { ?x a nkg:Document . BIND("documents" AS ?what) }
    UNION { ?x a sem:Event . BIND("events" AS ?what) }
    UNION { ?x a sem:Actor . BIND("actors" AS ?what) }
    UNION { ?x a nkg:Agreement . BIND("agreements" AS ?what) }
    UNION { ?x a nkg:Place . BIND("places" AS ?what) }
    UNION { ?x a nif:OffsetBasedString . BIND("mentions" AS ?what) }
  }
} GROUP BY ?what
"""

_EVENT_COUNTS = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?view { ?view a nkg:ConsolidatedGraph . ?e a sem:Event, ?class . }
  FILTER(?class != sem:Event)
} GROUP BY ?class
"""


def graph_stats(store: ox.Store) -> GraphStats:
    """Count what the consolidated graph of ``store`` holds (see :class:`GraphStats`).

    >>> from kg.rdf.build import build_store
    >>> s = graph_stats(build_store([], ontology=None))
    >>> (s.documents, s.quads, s.graphs)
    (0, 1, 1)
    """
    counts = {str(sol["what"].value): int(sol["n"].value) for sol in store.query(_COUNTS)}
    by_class: dict[str, int] = {}
    prefix = str(NKG._NS)
    for sol in store.query(_EVENT_COUNTS):
        iri = sol["class"].value
        name = iri[len(prefix):] if iri.startswith(prefix) else iri
        by_class[name] = int(sol["n"].value)
    triples = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )
    n_triples = int(next(iter(triples))["n"].value)
    return GraphStats(
        documents=counts.get("documents", 0),
        events=counts.get("events", 0),
        actors=counts.get("actors", 0),
        agreements=counts.get("agreements", 0),
        places=counts.get("places", 0),
        mentions=counts.get("mentions", 0),
        quads=len(store),
        triples=n_triples,
        graphs=sum(1 for _ in store.named_graphs()),
        events_by_class=by_class,
    )
