"""HTTP for ``kg serve``: a Starlette application on uvicorn.

uvicorn listens with a real backlog (:data:`BACKLOG`), parses HTTP with
httptools, closes idle kept-alive connections after ``Limits.idle_timeout``
and answers HTTP/1.0 with ``Connection: close`` (one answer per connection);
a connection that has not sent its headers, or its body, within
``Limits.body_timeout`` gets a 408 and is closed, and nothing of a request
whose body did not all arrive is run.
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
from html import escape
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.errors import UsageError
from kg.serve.endpoint import Answer, Limits, SparqlEndpoint, text_answer

__all__ = ["BACKLOG", "PUBLIC_FILES", "SPARQL_PATH", "Server", "make_server", "serve"]

#: Where the SPARQL endpoint answers.
SPARQL_PATH = "/sparql"

#: Connections the system queues before the server accepts them.
BACKLOG = 2048


def _public_files() -> tuple[str, ...]:
    from kg.rdf.io import GRAPH_FILES, MANIFEST
    from kg.render import VIEW_FILES

    return (*GRAPH_FILES, *VIEW_FILES, MANIFEST)


#: The only files of the build folder served: the graph files, the pages and
#: exports, the manifest. Never the store, push state or temporary folders.
PUBLIC_FILES = _public_files()

_STATIC_TYPES = {
    ".trig": "application/trig",
    ".nq": "application/n-quads",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".graphml": "application/graphml+xml",
}


def public_file(root: Path, name: str) -> Path | None:
    """The file of ``root`` that the URL path ``name`` names, if it is one of
    :data:`PUBLIC_FILES`, a regular file, and not a link out of ``root``.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()); _ = (d / "graph.trig").write_text("")
    >>> _ = (d / "push-state.json").write_text("{}")
    >>> public_file(d, "graph.trig") == (d / "graph.trig").resolve()
    True
    >>> [public_file(d, n) for n in ("push-state.json", "../graph.trig", "store/x", "timeline.html")]
    [None, None, None, None]
    """
    if name not in PUBLIC_FILES:
        return None
    root = root.resolve()
    path = root / name
    try:
        target = path.resolve(strict=True)
    except OSError:
        return None
    if target.parent != root or not target.is_file():
        return None
    return target


def _index_page(root: Path | None, graphs: list[str]) -> bytes:
    items = ""
    if root is not None:
        files = [n for n in PUBLIC_FILES if public_file(root, n) is not None]
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


class _BodyProblem(Exception):
    def __init__(self, answer: Answer) -> None:
        self.answer = answer


async def _read_body(request, limits: Limits) -> bytes:
    """The whole body, within ``limits.max_body`` bytes and ``limits.body_timeout`` s."""
    from starlette.requests import ClientDisconnect

    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limits.max_body:
                raise _BodyProblem(text_answer(413, f"request body over the limit of "
                                                    f"{limits.max_body} bytes"))
        except ValueError:
            raise _BodyProblem(text_answer(400, "bad Content-Length")) from None
    chunks: list[bytes] = []
    size = 0

    async def read() -> None:
        nonlocal size
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body:
                raise _BodyProblem(text_answer(413, f"request body over the limit of "
                                                    f"{limits.max_body} bytes"))
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), limits.body_timeout)
    except asyncio.TimeoutError:
        raise _BodyProblem(text_answer(408, f"the request body did not arrive within "
                                            f"{limits.body_timeout:g} s")) from None
    except ClientDisconnect:
        raise _BodyProblem(text_answer(400, "the request body was cut short")) from None
    body = b"".join(chunks)
    if declared is not None and len(body) != int(declared):
        raise _BodyProblem(text_answer(400, "the request body was cut short"))
    return body


def build_app(endpoint: SparqlEndpoint, root: Path | None, graphs: list[str]):
    """The Starlette application: SPARQL at :data:`SPARQL_PATH`, the index at ``/``
    and the :data:`PUBLIC_FILES` of ``root``."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import FileResponse, Response
    from starlette.routing import Route

    limits = endpoint.limits
    cors = {"Access-Control-Allow-Origin": "*", "Vary": "Accept"}

    def respond(answer: Answer, extra: dict | None = None) -> Response:
        headers = {"X-Content-Type-Options": "nosniff", **(extra or {})}
        if answer.status in (408, 413):
            headers["Connection"] = "close"
        return Response(answer.body, answer.status, headers=headers,
                        media_type=answer.content_type)

    async def sparql(request):
        params = parse_qs(request.url.query, keep_blank_values=True)
        query = None
        if request.method == "POST":
            ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            try:
                body = await _read_body(request, limits)
            except _BodyProblem as problem:
                return respond(problem.answer)
            if ctype == "application/sparql-update":
                return respond(text_answer(403, "SPARQL Update is refused: this endpoint is "
                                                "read-only"))
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return respond(text_answer(400, "the request body is not UTF-8"))
            if ctype == "application/sparql-query":
                query = text
            elif ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(k, []).extend(v)
            else:
                return respond(text_answer(415, "POST a form (application/x-www-form-urlencoded)"
                                                " or application/sparql-query"))
        elif not params:
            return respond(text_answer(200, f"SPARQL endpoint: GET or POST {SPARQL_PATH}"
                                            "?query=..."))
        if "update" in params:
            return respond(text_answer(403, "SPARQL Update is refused: this endpoint is "
                                            "read-only"))
        if query is None:
            queries = params.get("query", [])
            if len(queries) != 1:
                return respond(text_answer(400, "give exactly one 'query' parameter"), cors)
            query = queries[0]
        fmt = (params.get("format") or params.get("output") or [None])[0]
        args = dict(fmt=fmt, default_graphs=tuple(params.get("default-graph-uri", [])),
                    named_graphs=tuple(params.get("named-graph-uri", [])))
        accept = request.headers.get("accept")
        answer = endpoint.cached(query, accept, **args)
        if answer is None:
            answer = await run_in_threadpool(endpoint.answer, query, accept, **args)
        return respond(answer, cors)

    async def index(request):
        return respond(Answer(200, "text/html; charset=utf-8", _index_page(root, graphs)))

    async def static(request):
        name = request.path_params["name"]
        target = public_file(root, name) if root is not None else None
        if target is None:
            return respond(text_answer(404, "not found"))
        ctype = _STATIC_TYPES.get(target.suffix.lower(), "application/octet-stream")
        return FileResponse(target, media_type=ctype,
                            headers={"X-Content-Type-Options": "nosniff"})

    return Starlette(routes=[
        Route(SPARQL_PATH, sparql, methods=["GET", "POST"]),
        Route("/", index, methods=["GET"]),
        Route("/{name:path}", static, methods=["GET"]),
    ])


def _protocol(header_timeout: float):
    """uvicorn's httptools protocol, closing a connection whose request headers
    do not arrive within ``header_timeout`` seconds (uvicorn only times out the
    idle time between requests)."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class Protocol(HttpToolsProtocol):
        _kg_timer = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._kg_arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._kg_arm()

        def on_headers_complete(self) -> None:
            self._kg_disarm()
            super().on_headers_complete()

        def connection_lost(self, exc) -> None:
            self._kg_disarm()
            super().connection_lost(exc)

        def _kg_arm(self) -> None:
            self._kg_disarm()
            self._kg_timer = self.loop.call_later(header_timeout, self._kg_expire)

        def _kg_disarm(self) -> None:
            if self._kg_timer is not None:
                self._kg_timer.cancel()
                self._kg_timer = None

        def _kg_expire(self) -> None:
            if not self.transport.is_closing():
                self.transport.close()

    return Protocol


class Server:
    """A running-to-be ``kg serve``: a listening socket, the query workers and the
    uvicorn server. ``start()`` serves from a background thread (``close()`` stops
    it); ``serve_forever()`` serves in the calling thread until Ctrl-C."""

    def __init__(self, sock: socket.socket, endpoint: SparqlEndpoint, app, *, quiet: bool) -> None:
        import uvicorn

        self.socket = sock
        self.endpoint = endpoint
        self.server_address = sock.getsockname()[:2]
        self.port = self.server_address[1]
        limits = endpoint.limits
        config = uvicorn.Config(
            app, http=_protocol(limits.body_timeout), loop="asyncio", lifespan="off",
            backlog=BACKLOG, timeout_keep_alive=limits.idle_timeout, log_config=None,
            access_log=not quiet, log_level="warning" if quiet else "info",
            server_header=False, timeout_graceful_shutdown=2)
        self._uvicorn = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted; then stop the workers."""
        try:
            self._uvicorn.run(sockets=[self.socket])
        finally:
            self._release()

    def start(self) -> "Server":
        """Serve from a background thread; returns once the server accepts."""
        self._thread = threading.Thread(target=self._uvicorn.run,
                                        kwargs={"sockets": [self.socket]},
                                        name="kg-serve", daemon=True)
        self._thread.start()
        while not self._uvicorn.started and self._thread.is_alive():
            self._thread.join(0.02)
        return self

    def close(self) -> None:
        """Stop serving and stop the workers."""
        self._uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(10)
        self._release()

    def _release(self) -> None:
        self.endpoint.close()
        self.socket.close()


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket with :data:`BACKLOG`. Its protocol is spelled out
    (``IPPROTO_TCP``) so that asyncio turns Nagle's algorithm off on each accepted
    connection: uvicorn writes headers and body apart, and with Nagle and delayed
    acknowledgements each answer would wait some 40 ms."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


def make_server(
    store: ox.Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    static_dir: Path | str | None = None,
    limits: Limits | None = None,
    quiet: bool = False,
    build: str | None = None,
) -> Server:
    """A :class:`Server` answering SPARQL at ``/sparql`` over a copy of ``store`` and
    serving the public files of ``static_dir`` under ``/``; ``port=0`` picks a free
    port (``server.port``). ``build`` names the data for the answer cache.

    >>> import urllib.request
    >>> srv = make_server(ox.Store(), port=0, quiet=True, limits=Limits(workers=1)).start()
    >>> url = f"http://127.0.0.1:{srv.port}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"
    >>> urllib.request.urlopen(url).read()
    b'{"head":{},"boolean":false}'
    >>> srv.close()
    """
    try:
        sock = _listen(host, port)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
        endpoint = SparqlEndpoint(store, limits, build=build)
    except BaseException:
        sock.close()
        raise
    root = Path(static_dir).resolve() if static_dir is not None else None
    return Server(sock, endpoint, build_app(endpoint, root, graphs), quiet=quiet)


def serve(
    store: ox.Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    static_dir: Path | str | None = None,
    limits: Limits | None = None,
    quiet: bool = True,
    build: str | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C); see :func:`make_server`. Requests are
    logged to standard error unless ``quiet``."""
    server = make_server(store, host=host, port=port, static_dir=static_dir, limits=limits,
                         quiet=quiet, build=build)
    del store  # the workers hold their copy: the caller's, if it kept none, is freed
    h, p = server.server_address
    print(f"kg serve: SPARQL at http://{h}:{p}{SPARQL_PATH}"
          + (f", files of {static_dir} at http://{h}:{p}/" if static_dir else ""), file=sys.stderr)
    server.serve_forever()
