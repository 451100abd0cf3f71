"""kg: a negotiation-timeline knowledge graph.

Reads news articles about negotiations and publishes events, actors and
agreements as RDF (see the README and ``ontology/``).
"""

from kg.errors import KgError
from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

__version__ = "0.1.0"

__all__ = [
    "KgError",
    "Actor",
    "Agreement",
    "Document",
    "Event",
    "Extraction",
    "Mention",
    "TimeValue",
    "__version__",
]
