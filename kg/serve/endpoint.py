"""The SPARQL side of ``kg serve``: limits, answers, content negotiation, the
evaluation a worker runs, and the endpoint that puts them together with a cache.

>>> endpoint = SparqlEndpoint(ox.Store(), Limits(workers=1))
>>> answer = endpoint.answer("ASK { ?s ?p ?o }", accept="text/csv")
>>> answer.status, answer.content_type, answer.body
(200, 'text/csv; charset=utf-8', b'false')
>>> endpoint.answer("SELECT * WHERE { ?s ?p }").status
400
>>> endpoint.answer("INSERT DATA { <http://e.org/s> <http://e.org/p> 1 }").status
403
>>> endpoint.answer("SELECT * WHERE " + "{" * 3000 + "}" * 3000).status
400
>>> endpoint.close()
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.query import MAX_DEPTH, QueryRefused, check_query

__all__ = ["Limits", "Answer", "SparqlEndpoint", "evaluate", "too_slow"]

_RESULTS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv; charset=utf-8", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values; charset=utf-8", ox.QueryResultsFormat.TSV),
}
_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPHS = {
    "turtle": ("text/turtle; charset=utf-8", ox.RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
_GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
}
_FORMAT_PARAM = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "ntriples": "ntriples", "nt": "ntriples",
    "n-triples": "ntriples",
}
_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.S)


@dataclass(frozen=True, slots=True)
class Limits:
    """The safety limits of the endpoint (``kg serve --help`` documents them)."""

    timeout: float = 10.0
    """Seconds a query may take, waiting for a worker included; at the limit its
    worker is killed and the client gets a 503."""
    memory_mb: int = 1024
    """MiB a worker may grow by while it answers one query (beyond the graph it
    shares); past it the query fails with a 503 and the worker is replaced."""
    max_results: int = 100_000
    """Solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer (413 past it)."""
    max_body: int = 1 << 20
    """Bytes of a request body or of a query (413 past it)."""
    max_depth: int = MAX_DEPTH
    """Nesting of a query (brackets open at once plus operators chained inside
    them); deeper is refused with a 400 before anything parses it."""
    workers: int = 2
    """Worker processes evaluating queries at the same time; more queries wait."""
    body_timeout: float = 10.0
    """Seconds a client has to send a request's headers and body (408, closed)."""
    idle_timeout: float = 5.0
    """Seconds a kept-alive connection may stay idle before it is closed."""
    cache_mb: int = 64
    """MiB of answers kept, by query text and build (the graph never changes under them)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer of the endpoint."""

    status: int
    content_type: str
    body: bytes


def text_answer(status: int, message: str) -> Answer:
    """A plain-text answer."""
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def too_slow(limits: Limits, *, waiting: bool = False) -> Answer:
    """The 503 of a query stopped at the time limit (or that found no free worker)."""
    if waiting:
        return text_answer(503, f"no query worker was free within the limit of "
                                f"{limits.timeout:g} s; try again")
    return text_answer(503, f"the query ran longer than the limit of {limits.timeout:g} s "
                            "and was stopped")


class _TooBig(Exception):
    pass


def _negotiate(accept: str | None, table: dict[str, str], default: str) -> str | None:
    """The format key of ``table`` the client prefers, ``default`` for a wildcard,
    None if nothing acceptable (a 406)."""
    if not accept or not accept.strip():
        return default
    choices = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, i, media))
    for _, _, media in sorted(choices):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


# --------------------------------------------------------------------------
# in a worker
# --------------------------------------------------------------------------
def evaluate(store: ox.Store, request, limits: Limits) -> Answer:
    """Read, run and serialize one query (what a worker does; no time limit here:
    the server kills the worker at the limit).

    >>> from kg.serve.workers import Request
    >>> evaluate(ox.Store(), Request("ASK {}", "text/csv"), Limits()).body
    b'true'
    >>> evaluate(ox.Store(), Request("SELECT * { SERVICE <http://127.0.0.1:9/> {} }"), Limits()).status
    403
    """
    try:
        check_query(request.query, max_depth=limits.max_depth)
    except QueryRefused as exc:
        return text_answer(403, str(exc).removeprefix("<query>: "))
    except QueryError as exc:
        return text_answer(400, str(exc).split(": ", 1)[1] if ": " in str(exc) else str(exc))
    kwargs = {}
    if request.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
    if request.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    try:
        result = store.query(request.query, **kwargs)
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        m = _POSITION.match(message)
        if m:
            line, col, detail = m.groups()
            message = f"SPARQL syntax error at line {line}, column {col}: {detail}"
        else:
            message = f"SPARQL syntax error: {message}"
        return text_answer(400, message)
    except (OSError, RuntimeError, ValueError) as exc:
        return text_answer(400, f"the query cannot be evaluated: {exc}")
    graph = isinstance(result, ox.QueryTriples)
    key = _FORMAT_PARAM.get(request.fmt.lower()) if request.fmt else None
    if key is not None and (key in _GRAPHS) != graph:
        key = None
    if key is None:
        if graph:
            key = _negotiate(request.accept, _GRAPH_TYPES, "turtle")
        else:
            key = _negotiate(request.accept, _RESULT_TYPES, "json")
    if key is None:
        offered = ", ".join(_GRAPH_TYPES if graph else _RESULT_TYPES)
        return text_answer(406, f"cannot answer in {request.accept!r}; offered: {offered}")
    try:
        return _serialize(result, key, limits.max_results)
    except _TooBig:
        return text_answer(413, f"the answer has more than {limits.max_results} results; "
                                "add a LIMIT to the query")
    except (OSError, RuntimeError, ValueError) as exc:
        return text_answer(500, f"the query failed: {exc}")


def _serialize(result, key: str, cap: int) -> Answer:
    if isinstance(result, ox.QueryBoolean):
        media, ofmt = _RESULTS[key]
        return Answer(200, media, result.serialize(format=ofmt))
    if isinstance(result, ox.QueryTriples):
        triples = []
        for triple in result:
            triples.append(triple)
            if len(triples) > cap:
                raise _TooBig
        media, ofmt = _GRAPHS[key]
        return Answer(200, media, ox.serialize(triples, format=ofmt))
    names = [v.value for v in result.variables]
    lines = ["\t".join(f"?{n}" for n in names)]
    for solution in result:
        if len(lines) > cap:
            raise _TooBig
        lines.append("\t".join("" if t is None else str(t) for t in solution))
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    media, ofmt = _RESULTS[key]
    solutions = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return Answer(200, media, solutions.serialize(format=ofmt))


# --------------------------------------------------------------------------
# in the server
# --------------------------------------------------------------------------
class AnswerCache:
    """Answers by request, least recently used first out, within ``max_bytes``.

    >>> cache = AnswerCache(24)
    >>> for key in "ab": cache.put(key, Answer(200, "text/plain", b"123456"))
    >>> _ = cache.get("a")
    >>> for key in "cde": cache.put(key, Answer(200, "text/plain", b"123456"))
    >>> [key for key in "abcde" if cache.get(key)]
    ['a', 'c', 'd', 'e']
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key) -> Answer | None:
        with self._lock:
            answer = self._items.get(key)
            if answer is not None:
                self._items.move_to_end(key)
            return answer

    def put(self, key, answer: Answer) -> None:
        if len(answer.body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._size -= len(old.body)
            self._items[key] = answer
            self._size += len(answer.body)
            while self._size > self.max_bytes and self._items:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped.body)


#: Answers that depend only on the request and the build (kept in the cache).
_CACHED = frozenset({200, 400, 403, 406, 413})


class SparqlEndpoint:
    """Answers SPARQL queries over a copy of a pyoxigraph Store, within :class:`Limits`.

    The store is queried as it is: its default graph (empty in a build, whose
    triples are all in named graphs) and all its named graphs, unless the request
    names ``default-graph-uri`` / ``named-graph-uri``. ``build`` names the data
    (the cache is keyed by it and the query text); by default, this endpoint's own.
    """

    def __init__(self, store: ox.Store, limits: Limits | None = None, *,
                 build: str | None = None) -> None:
        from kg.serve.workers import WorkerPool

        self.limits = limits or Limits()
        self.build = build or uuid.uuid4().hex
        self.cache = AnswerCache(self.limits.cache_mb << 20)
        self.pool = WorkerPool(store, self.limits)

    def close(self) -> None:
        """Stop the query workers."""
        self.pool.close()

    def key(self, query: str, accept: str | None, fmt: str | None,
            default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> tuple:
        """The cache key of a request."""
        return (self.build, query, accept or "", fmt or "", default_graphs, named_graphs)

    def cached(self, query: str, accept: str | None = None, *, fmt: str | None = None,
               default_graphs: tuple[str, ...] = (),
               named_graphs: tuple[str, ...] = ()) -> Answer | None:
        """The answer kept for this request, if any (cheap: no parsing)."""
        return self.cache.get(self.key(query, accept, fmt, default_graphs, named_graphs))

    def answer(self, query: str, accept: str | None = None, *, fmt: str | None = None,
               default_graphs: tuple[str, ...] = (),
               named_graphs: tuple[str, ...] = ()) -> Answer:
        """Check, evaluate and serialize ``query`` for the client, all in a worker
        (even the depth check: this process only looks answers up and waits)."""
        from kg.serve.workers import Request

        started = time.monotonic()
        key = self.key(query, accept, fmt, default_graphs, named_graphs)
        kept = self.cache.get(key)
        if kept is not None:
            return kept
        lim = self.limits
        if len(query.encode("utf-8")) > lim.max_body:
            return text_answer(413, f"the query is over the limit of {lim.max_body} bytes")
        try:
            for g in default_graphs + named_graphs:
                ox.NamedNode(g)
        except ValueError as exc:
            return text_answer(400, f"invalid graph IRI: {exc}")
        answer = self.pool.run(Request(query, accept, fmt, default_graphs, named_graphs),
                               started + lim.timeout)
        if answer.status in _CACHED:
            self.cache.put(key, answer)
        return answer
