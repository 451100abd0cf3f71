"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, and the build's
published files.

``kg serve --graph out`` answers SPARQL at ``/sparql`` (GET, POST with a form or
``application/sparql-query``) and serves the public files of ``out/`` (the graph
files, the pages and exports, the manifest: :data:`PUBLIC_FILES`) under ``/``.
It is safe by default:

- it binds 127.0.0.1 unless told otherwise;
- every query is read by rdflib's SPARQL parser before it runs: nesting deeper
  than ``Limits.max_depth`` is refused (400) before any parser sees it, updates,
  ``LOAD`` and federated ``SERVICE`` patterns from the parsed algebra (403);
- queries run in worker processes (:mod:`kg.serve.workers`) that cannot open a
  socket or a file, may grow by at most ``Limits.memory_mb``, and are killed at
  ``Limits.timeout`` (503) and replaced at once;
- each answer is capped (solutions or triples; 413 with a hint to add a LIMIT),
  and so are request bodies (413), the time to send them (408, closed) and the
  idle time of a kept-alive connection;
- only the public files are served: never the store, push state or temporary
  folders, nor a link leading out of the folder.

Results are negotiated from the ``Accept`` header (or a ``format`` parameter):
SELECT and ASK as ``application/sparql-results+json`` (the default), ``+xml``,
``text/csv`` or ``text/tab-separated-values``; CONSTRUCT and DESCRIBE as
``text/turtle`` (the default) or ``application/n-triples``. Answers are kept
(by query text, format and build) and served again without running the query.
"""

from kg.serve.app import BACKLOG, PUBLIC_FILES, SPARQL_PATH, Server, make_server, serve
from kg.serve.endpoint import Answer, Limits, SparqlEndpoint

__all__ = [
    "Limits",
    "Answer",
    "SparqlEndpoint",
    "Server",
    "make_server",
    "serve",
    "SPARQL_PATH",
    "PUBLIC_FILES",
    "BACKLOG",
]
