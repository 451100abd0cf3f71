"""kg: a negotiation-timeline knowledge graph.

Reads news articles about negotiations and publishes events, actors and
agreements as RDF (see the README and ``ontology/``). The library API:
:func:`build` and :func:`open` give a :class:`KnowledgeGraph` (see :mod:`kg.api`).

>>> import kg
>>> sorted(n for n in kg.__all__ if n[0].islower())
['build', 'open', 'resources']
"""

from kg import resources
from kg.errors import KgError
from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

__version__ = "0.1.0"

__all__ = [
    "KgError",
    "KnowledgeGraph",
    "Rows",
    "build",
    "open",
    "resources",
    "Actor",
    "Agreement",
    "Document",
    "Event",
    "Extraction",
    "Mention",
    "TimeValue",
    "__version__",
]

_API = ("KnowledgeGraph", "Rows", "build", "open")


def __getattr__(name: str):  # the API without importing pyoxigraph at package import
    if name in _API:
        from kg import api

        return getattr(api, name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
