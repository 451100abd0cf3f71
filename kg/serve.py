"""A read-only SPARQL 1.1 Protocol endpoint over a built graph, and the build's
views and exports as static files.

``kg serve --graph out`` answers SPARQL at ``/sparql`` (GET, POST with a form or
``application/sparql-query``) and serves the files of ``out/`` (the HTML views,
``graph.trig``...) under ``/``. It is safe by default:

- it binds 127.0.0.1 unless told otherwise;
- it is read-only: SPARQL Update is refused (403), and so are federated queries
  (``SERVICE``, 403), so nothing is ever fetched on a client's behalf;
- each query has a time limit (503 when exceeded) and each answer a size cap
  (solutions or triples; 413 when exceeded, with a hint to add a LIMIT);
- request bodies are capped (413); a malformed query gets a 400 that carries the
  parser's message with its line and column;
- static files are served only from inside the folder: no ``..``, no hidden
  files, no symbolic link leading out of it.

Results are negotiated from the ``Accept`` header (or a ``format`` parameter):
SELECT and ASK as ``application/sparql-results+json`` (the default), ``+xml``,
``text/csv`` or ``text/tab-separated-values``; CONSTRUCT and DESCRIBE as
``text/turtle`` (the default) or ``application/n-triples``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> endpoint = SparqlEndpoint(store)
>>> answer = endpoint.answer("ASK { ?s ?p ?o }", accept="text/csv")
>>> answer.status, answer.content_type, answer.body
(200, 'text/csv; charset=utf-8', b'false')
>>> endpoint.answer("SELECT * WHERE { ?s ?p }").status
400
>>> endpoint.answer("INSERT DATA { <http://e.org/s> <http://e.org/p> 1 }").status
403
"""

from __future__ import annotations

import concurrent.futures
import json
import mimetypes
import posixpath
import re
import sys
import threading
import time
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox

from kg.errors import UsageError

__all__ = [
    "Limits",
    "Answer",
    "SparqlEndpoint",
    "make_server",
    "serve",
    "SPARQL_PATH",
]

#: Where the SPARQL endpoint answers.
SPARQL_PATH = "/sparql"

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
_STATIC_TYPES = {
    ".trig": "application/trig",
    ".nq": "application/n-quads",
    ".ttl": "text/turtle; charset=utf-8",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".rq": "application/sparql-query",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}

# Lexical pieces to blank out before looking for keywords: comments, strings, IRIs.
_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*',
    re.S,
)
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE\b(?!:)", re.I)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[\w.-]*:\s*\S+|BASE\s+\S+)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.S)


@dataclass(frozen=True, slots=True)
class Limits:
    """The safety limits of the endpoint."""

    timeout: float = 10.0
    """Seconds a query may run before the client gets a 503."""
    max_results: int = 100_000
    """Solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer."""
    max_body: int = 1 << 20
    """Bytes of a request body."""
    workers: int = 8
    """Queries evaluated at the same time; more wait their turn."""


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer of the endpoint."""

    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


class _TooBig(Exception):
    pass


class _TooSlow(Exception):
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


def strip_noise(query: str) -> str:
    """``query`` with comments, strings and IRIs blanked out (for keyword checks).

    >>> strip_noise('SELECT ?s { ?s <http://e/SERVICE> "SERVICE" } # SERVICE').split()
    ['SELECT', '?s', '{', '?s', '<>', '}']
    """
    def repl(m: re.Match) -> str:
        return "<>" if m.group(0).startswith("<") else " " if m.group(0)[0] in "\"'" else " "
    return _NOISE.sub(repl, query)


def uses_service(query: str) -> bool:
    """True if the query asks for a federated ``SERVICE`` pattern.

    >>> uses_service("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://e/p> "SERVICE" }')
    False
    """
    return bool(_SERVICE.search(strip_noise(query)))


class SparqlEndpoint:
    """Answers SPARQL queries over a pyoxigraph Store, within :class:`Limits`.

    The store is queried as it is: its default graph (empty in a build, whose
    triples are all in named graphs) and all its named graphs, unless the request
    names ``default-graph-uri`` / ``named-graph-uri``.
    """

    def __init__(self, store: ox.Store, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=self.limits.workers, thread_name_prefix="kg-sparql")

    def close(self) -> None:
        """Stop the query workers (queries still running are abandoned)."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def answer(
        self,
        query: str,
        accept: str | None = None,
        *,
        fmt: str | None = None,
        default_graphs: tuple[str, ...] = (),
        named_graphs: tuple[str, ...] = (),
    ) -> Answer:
        """Evaluate ``query`` and serialize the results for the client."""
        if _UPDATE.match(strip_noise(query)):
            return _text(403, "SPARQL Update is refused: this endpoint is read-only")
        if uses_service(query):
            return _text(403, "federated queries (SERVICE) are refused by this endpoint")
        kwargs = {}
        try:
            if default_graphs:
                kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            if named_graphs:
                kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            return _text(400, f"invalid graph IRI: {exc}")
        # pyoxigraph results must be read in the thread that made them: the whole
        # evaluation runs in a worker, and this thread waits at most the time limit.
        deadline = time.monotonic() + self.limits.timeout
        future = self._pool.submit(self._evaluate, query, kwargs, accept, fmt, deadline)
        try:
            return future.result(timeout=self.limits.timeout + 1.0)
        except concurrent.futures.TimeoutError:
            return self._too_slow()

    def _too_slow(self) -> Answer:
        return _text(503, f"the query ran longer than the limit of {self.limits.timeout:g} s")

    def _evaluate(self, query: str, kwargs: dict, accept: str | None, fmt: str | None,
                  deadline: float) -> Answer:
        if time.monotonic() > deadline:  # waited too long for a worker
            return self._too_slow()
        try:
            result = self.store.query(query, **kwargs)
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            m = _POSITION.match(message)
            if m:
                line, col, detail = m.groups()
                message = f"SPARQL syntax error at line {line}, column {col}: {detail}"
            else:
                message = f"SPARQL syntax error: {message}"
            return _text(400, message)
        except (OSError, RuntimeError, ValueError) as exc:
            return _text(400, f"the query cannot be evaluated: {exc}")
        graph = isinstance(result, ox.QueryTriples)
        key = _FORMAT_PARAM.get(fmt.lower()) if fmt else None
        if key is not None and (key in _GRAPHS) != graph:
            key = None
        if key is None:
            if graph:
                key = _negotiate(accept, _GRAPH_TYPES, "turtle")
            else:
                key = _negotiate(accept, _RESULT_TYPES, "json")
        if key is None:
            offered = ", ".join(_GRAPH_TYPES if graph else _RESULT_TYPES)
            return _text(406, f"cannot answer in {accept!r}; offered: {offered}")
        # Errors become answers here, so that no traceback carries the results
        # (which must be dropped in this thread) to another thread.
        try:
            return self._serialize(result, key, deadline)
        except _TooSlow:
            return self._too_slow()
        except _TooBig:
            return _text(413, f"the answer has more than {self.limits.max_results} results; "
                              "add a LIMIT to the query")
        except (OSError, RuntimeError, ValueError) as exc:
            return _text(500, f"the query failed: {exc}")
        finally:
            del result

    def _serialize(self, result, key: str, deadline: float) -> Answer:
        cap = self.limits.max_results
        if isinstance(result, ox.QueryBoolean):
            media, ofmt = _RESULTS[key]
            return Answer(200, media, result.serialize(format=ofmt))
        if isinstance(result, ox.QueryTriples):
            triples = []
            for triple in result:
                triples.append(triple)
                if len(triples) > cap:
                    raise _TooBig
                if time.monotonic() > deadline:
                    raise _TooSlow
            media, ofmt = _GRAPHS[key]
            return Answer(200, media, ox.serialize(triples, format=ofmt))
        names = [v.value for v in result.variables]
        lines = ["\t".join(f"?{n}" for n in names)]
        count = 0
        for solution in result:
            count += 1
            if count > cap:
                raise _TooBig
            if time.monotonic() > deadline:
                raise _TooSlow
            lines.append("\t".join("" if t is None else str(t) for t in solution))
        tsv = ("\n".join(lines) + "\n").encode("utf-8")
        media, ofmt = _RESULTS[key]
        solutions = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
        return Answer(200, media, solutions.serialize(format=ofmt))


# --------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------
def _static_path(root: Path, url_path: str) -> Path | None:
    """The file under ``root`` that ``url_path`` names, or None if it is not a
    plain visible file inside ``root``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "a.html").write_text("x")
    >>> _static_path(d, "/a.html") == (d / "a.html").resolve()
    True
    >>> [_static_path(d, p) for p in ("/../etc/passwd", "/%2e%2e/x", "/.hidden", "/a.html%00")]
    [None, None, None, None]
    """
    path = unquote(url_path)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p]
    if any(p.startswith(".") for p in parts):
        return None
    norm = posixpath.normpath("/" + "/".join(parts))
    root = root.resolve()
    target = (root / norm.lstrip("/")).resolve() if parts else root
    if target != root and root not in target.parents:
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def _index_page(root: Path | None, graphs: list[str]) -> bytes:
    items = ""
    if root is not None:
        files = sorted(p.name for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
        items = "".join(f'<li><a href="/{escape(n)}">{escape(n)}</a></li>' for n in files)
    graph_items = "".join(f"<li><code>{escape(g)}</code></li>" for g in graphs)
    html = (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>Negotiation knowledge graph</title></head><body>"
        "<h1>Negotiation knowledge graph</h1>"
        f"<p>SPARQL endpoint: <a href=\"{SPARQL_PATH}\"><code>{SPARQL_PATH}</code></a> "
        "(GET or POST <code>query=</code>; read-only).</p>"
        f"<h2>Named graphs</h2><ul>{graph_items}</ul>"
        f"<h2>Files</h2><ul>{items}</ul></body></html>"
    )
    return html.encode("utf-8")


def make_server(
    store: ox.Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    static_dir: Path | str | None = None,
    limits: Limits | None = None,
    quiet: bool = False,
):
    """A ``ThreadingHTTPServer`` serving SPARQL at ``/sparql`` over ``store`` and the
    files of ``static_dir`` under ``/``. Call ``serve_forever()`` on it (and
    ``shutdown()``/``server_close()`` to stop); ``port=0`` picks a free port
    (``server.server_address[1]``).

    >>> import pyoxigraph as ox, threading, urllib.request
    >>> srv = make_server(ox.Store(), port=0, quiet=True)
    >>> t = threading.Thread(target=srv.serve_forever, daemon=True); t.start()
    >>> url = f"http://127.0.0.1:{srv.server_address[1]}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
    >>> urllib.request.urlopen(url).read()
    b'{"head":{},"boolean":false}'
    >>> srv.shutdown(); srv.server_close()
    """
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    endpoint = SparqlEndpoint(store, limits)
    lim = endpoint.limits
    root = Path(static_dir).resolve() if static_dir is not None else None
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
        # algorithm and delayed ACKs add ~40 ms to each answer on a kept-alive connection.
        disable_nagle_algorithm = True
        server_version = "kg-serve"
        sys_version = ""

        def log_message(self, format, *args):  # noqa: A002 (the stdlib's name)
            if not quiet:
                sys.stderr.write(f"{self.address_string()} - {format % args}\n")

        def _send(self, answer: Answer, *, head: bool = False, extra: dict | None = None) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if not head:
                self.wfile.write(answer.body)

        def _sparql(self, params: dict[str, list[str]], query: str | None) -> None:
            cors = {"Access-Control-Allow-Origin": "*", "Vary": "Accept"}
            if "update" in params:
                return self._send(_text(403, "SPARQL Update is refused: this endpoint is read-only"))
            if query is None:
                queries = params.get("query", [])
                if len(queries) != 1:
                    return self._send(_text(400, "give exactly one 'query' parameter"), extra=cors)
                query = queries[0]
            fmt = (params.get("format") or params.get("output") or [None])[0]
            answer = endpoint.answer(
                query, self.headers.get("Accept"), fmt=fmt,
                default_graphs=tuple(params.get("default-graph-uri", [])),
                named_graphs=tuple(params.get("named-graph-uri", [])))
            self._send(answer, extra=cors)

        def _body(self) -> bytes | None:
            if self.headers.get("Transfer-Encoding"):
                self._send(_text(411, "send the body with a Content-Length"))
                return None
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                self._send(_text(411, "send the body with a Content-Length"))
                return None
            if length < 0 or length > lim.max_body:
                self.close_connection = True
                self._send(_text(413, f"request body over the limit of {lim.max_body} bytes"))
                return None
            return self.rfile.read(length)

        def do_GET(self, head: bool = False) -> None:  # noqa: N802 (the stdlib's name)
            parts = urlsplit(self.path)
            if parts.path == SPARQL_PATH:
                params = parse_qs(parts.query, keep_blank_values=True)
                if not params:
                    return self._send(_text(200, f"SPARQL endpoint: GET or POST {SPARQL_PATH}?query=..."),
                                      head=head)
                return self._sparql(params, None)
            if parts.path in ("", "/") and (root is None or not (root / "index.html").is_file()):
                return self._send(Answer(200, "text/html; charset=utf-8", _index_page(root, graphs)),
                                  head=head)
            target = _static_path(root, parts.path) if root is not None else None
            if target is None:
                return self._send(_text(404, "not found"), head=head)
            ctype = _STATIC_TYPES.get(target.suffix.lower()) or (
                mimetypes.guess_type(target.name)[0] or "application/octet-stream")
            try:
                data = target.read_bytes()
            except OSError:
                return self._send(_text(404, "not found"), head=head)
            self._send(Answer(200, ctype, data), head=head)

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET(head=True)

        def do_POST(self) -> None:  # noqa: N802
            parts = urlsplit(self.path)
            if parts.path != SPARQL_PATH:
                return self._send(_text(405, f"POST only to {SPARQL_PATH}"), extra={"Allow": "GET, HEAD"})
            body = self._body()
            if body is None:
                return
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            params = parse_qs(parts.query, keep_blank_values=True)
            if ctype == "application/sparql-update":
                return self._send(_text(403, "SPARQL Update is refused: this endpoint is read-only"))
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return self._send(_text(400, "the request body is not UTF-8"))
            if ctype == "application/sparql-query":
                return self._sparql(params, text)
            if ctype == "application/x-www-form-urlencoded":
                form = parse_qs(text, keep_blank_values=True)
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
                return self._sparql(params, None)
            self._send(_text(415, "POST a form (application/x-www-form-urlencoded) "
                                  "or application/sparql-query"))

        def _refuse(self) -> None:
            self._send(_text(405, "this endpoint is read-only"), extra={"Allow": "GET, HEAD, POST"})

        do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        allow_reuse_address = True

        def server_close(self) -> None:
            super().server_close()
            endpoint.close()

    try:
        return Server((host, port), Handler)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(
    store: ox.Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    static_dir: Path | str | None = None,
    limits: Limits | None = None,
    quiet: bool = True,
    ready: threading.Event | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C); see :func:`make_server`. Requests are
    logged to standard error unless ``quiet``."""
    server = make_server(store, host=host, port=port, static_dir=static_dir, limits=limits,
                         quiet=quiet)
    h, p = server.server_address[:2]
    print(f"kg serve: SPARQL at http://{h}:{p}{SPARQL_PATH}"
          + (f", files of {static_dir} at http://{h}:{p}/" if static_dir else ""), file=sys.stderr)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
