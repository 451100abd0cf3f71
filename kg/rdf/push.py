"""Sending a built graph to another triplestore over the SPARQL 1.1 Graph Store
HTTP Protocol. The graph is read with :func:`kg.rdf.io.read_quads`.

Each named graph of the build (one per document, the ontology, the consolidated
view) is sent as N-Triples with ``PUT STORE_URL?graph=<iri>``: a re-push replaces
the graph, it never duplicates it. The consolidated graph goes last, so a store
never shows a consolidated view ahead of the documents it is made of.

A push records what it sent in a state file (``push-state.json`` in the build
folder): for each store URL, each graph's IRI and the SHA-256 of what was sent.
``resume=True`` skips the graphs that the last push to the same store already
sent unchanged, so a failed push can be finished without sending everything again.

Only standard library HTTP is used (``urllib.request``): basic or digest
authentication, a timeout, retries with exponential backoff on 5xx answers and
connection errors.

>>> import pyoxigraph as ox
>>> g = ox.NamedNode("https://example.org/graph/doc/a")
>>> quads = [ox.Quad(ox.NamedNode("https://example.org/a"),
...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("A"), g)]
>>> [(p.graph, p.triples) for p in graph_payloads(quads)]
[('https://example.org/graph/doc/a', 1)]
>>> graph_request_url("http://127.0.0.1:7878/store", "https://example.org/graph/doc/a")
'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fgraph%2Fdoc%2Fa'
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
import time
import urllib.error
import urllib.request
from base64 import b64encode
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import RdfError, StoreError, UsageError

__all__ = [
    "AUTH_SCHEMES",
    "STATE_FILE",
    "Auth",
    "GraphPayload",
    "PushReport",
    "graph_payloads",
    "graph_request_url",
    "push",
    "read_state",
]

#: Authentication schemes of :class:`Auth`.
AUTH_SCHEMES = ("basic", "digest")
#: Name of the push state file written next to the graph files.
STATE_FILE = "push-state.json"

_ONTOLOGY_SUFFIX = "graph/ontology"
_CURRENT_SUFFIX = "graph/current"


# --------------------------------------------------------------------------
# what is sent
# --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GraphPayload:
    """One named graph as it is sent: its IRI, triple count and sorted N-Triples."""

    graph: str
    triples: int
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _order(iri: str) -> tuple[int, str]:
    if iri.endswith(_ONTOLOGY_SUFFIX):
        return (0, iri)
    if iri.endswith(_CURRENT_SUFFIX):
        return (2, iri)
    return (1, iri)


def graph_payloads(quads: Iterable[ox.Quad]) -> list[GraphPayload]:
    """Every named graph of ``quads`` (from :func:`kg.rdf.io.read_quads`, or a Store) as
    sorted N-Triples without duplicates: the ontology first, the documents, then
    the consolidated graph last. Raises RdfError if the default graph holds
    triples (the layout keeps everything in named graphs) or a graph is named by
    a blank node.
    """
    graphs: dict[str, set[str]] = {}
    for q in quads:
        name = q.graph_name
        if isinstance(name, ox.DefaultGraph):
            raise RdfError("the graph has triples outside any named graph; only named graphs are pushed")
        if not isinstance(name, ox.NamedNode):
            raise RdfError(f"graph {name} is a blank node; it cannot be addressed in a store")
        graphs.setdefault(name.value, set()).add(f"{q.subject} {q.predicate} {q.object} .\n")
    payloads = [GraphPayload(g, len(lines), "".join(sorted(lines)).encode("utf-8"))
                for g, lines in graphs.items()]
    return sorted(payloads, key=lambda p: _order(p.graph))


def graph_request_url(store_url: str, graph: str) -> str:
    """The Graph Store Protocol URL addressing ``graph`` (indirect identification)."""
    sep = "&" if "?" in store_url else "?"
    return f"{store_url}{sep}graph={quote(graph, safe='')}"


# --------------------------------------------------------------------------
# state (for resuming)
# --------------------------------------------------------------------------
def read_state(path: Path | str | None) -> dict[str, dict[str, str]]:
    """The push state file as ``{store_url: {graph_iri: sha256}}`` (empty if absent)."""
    if path is None:
        return {}
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the push state: {exc}") from None
    stores = data.get("stores") if isinstance(data, dict) else None
    if not isinstance(stores, dict):
        raise StoreError(f"{path}: not a push state file (no 'stores' object)")
    return {url: dict(graphs) for url, graphs in stores.items() if isinstance(graphs, dict)}


def _write_state(path: Path, state: dict[str, dict[str, str]]) -> None:
    text = json.dumps({"stores": state}, sort_keys=True, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".push-state.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StoreError(f"{path}: cannot write the push state: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Auth:
    """Credentials for the store; ``scheme`` is "basic" or "digest"."""

    user: str
    password: str
    scheme: str = "basic"

    def __post_init__(self) -> None:
        if self.scheme not in AUTH_SCHEMES:
            raise UsageError(f"unknown authentication scheme {self.scheme!r} (basic or digest)")

    def __repr__(self) -> str:  # never show the password
        return f"Auth(user={self.user!r}, scheme={self.scheme!r})"


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push did. ``sent`` and ``skipped`` hold graph IRIs; ``failed`` pairs a
    graph IRI with the reason; ``not_sent`` the graphs not tried after a failure."""

    store_url: str
    sent: tuple[tuple[str, int], ...] = ()
    skipped: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    not_sent: tuple[str, ...] = ()
    seconds: float = 0.0
    dry_run: bool = False
    state_file: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_sent

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.sent)

    def summary(self) -> str:
        """One line: graphs, triples, seconds."""
        verb = "would send" if self.dry_run else "sent"
        line = (f"{verb} {len(self.sent)} graph(s), {self.triples} triple(s) to "
                f"{self.store_url} in {self.seconds:.2f} s")
        if self.skipped:
            line += f"; {len(self.skipped)} unchanged graph(s) skipped"
        if self.failed:
            line += f"; {len(self.failed)} failed"
        if self.not_sent:
            line += f"; {len(self.not_sent)} not tried"
        return line


class _Transient(Exception):
    """A failure worth retrying (5xx, connection refused or reset, timeout)."""


class _Unreachable(Exception):
    """The store could not be reached even after the retries."""


def _opener(store_url: str, auth: Auth | None) -> urllib.request.OpenerDirector:
    handlers: list = []
    if auth is not None and auth.scheme == "digest":
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        parts = urlsplit(store_url)
        mgr.add_password(None, f"{parts.scheme}://{parts.netloc}/", auth.user, auth.password)
        handlers.append(urllib.request.HTTPDigestAuthHandler(mgr))
    # No proxy: the store is addressed directly, whatever the environment says.
    handlers.append(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener(*handlers)


def _digest_header(opener, request: urllib.request.Request, timeout: float) -> str | None:
    """The ``Authorization`` header for ``request``, from the challenge that a bodiless
    ``HEAD`` of the same URL draws, or None when the store asks for none.

    A digest store answers a request without credentials with 401 and may close the
    connection before reading its body: a large PUT sent first without credentials
    then fails with a broken pipe instead of reaching the challenge, and so does every
    retry. Asking with an empty request first sends the body once, authenticated.
    """
    digest = next((h for h in opener.handlers if isinstance(h, urllib.request.HTTPDigestAuthHandler)), None)
    if digest is None:
        return None
    plain = _opener(request.full_url, None)  # the same direct connection, without the digest handler
    probe = urllib.request.Request(request.full_url, method="HEAD")
    try:
        with plain.open(probe, timeout=timeout) as response:
            response.read()
        return None  # no challenge: the store lets this request through
    except urllib.error.HTTPError as exc:
        exc.read()
        challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
    scheme, _, rest = challenge.partition(" ")
    if scheme.lower() != "digest":
        return None
    fields = urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(rest)))
    return digest.get_authorization(request, fields)


def _put(opener, url: str, payload: GraphPayload, auth: Auth | None, timeout: float) -> int:
    headers = {"Content-Type": "application/n-triples; charset=utf-8"}
    if auth is not None and auth.scheme == "basic":
        token = b64encode(f"{auth.user}:{auth.password}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    request = urllib.request.Request(url, data=payload.data, method="PUT", headers=headers)
    try:
        if auth is not None and auth.scheme == "digest":
            header = _digest_header(opener, request, timeout)
            if header:
                request.add_unredirected_header("Authorization", f"Digest {header}")
        with opener.open(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        body = exc.read(400).decode("utf-8", "replace").strip()
        detail = f"HTTP {exc.code} {exc.reason}" + (f": {' '.join(body.split())[:200]}" if body else "")
        if exc.code >= 500 or exc.code == 429:
            raise _Transient(detail) from None
        if exc.code in (401, 403):
            detail += " (check --user, --password and --auth)"
        raise StoreError(detail) from None
    except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _Transient(f"cannot reach the store: {reason}") from None


def push(
    quads: Iterable[ox.Quad],
    store_url: str,
    *,
    auth: Auth | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 0.5,
    dry_run: bool = False,
    state_file: Path | str | None = None,
    resume: bool = False,
    progress: Callable[[str], None] | None = None,
) -> PushReport:
    """PUT every named graph of ``quads`` (give :func:`kg.rdf.io.read_quads`, which keeps
    datatypes exactly as written) to the Graph Store endpoint ``store_url``.

    A graph that fails with a 4xx answer is reported and the push goes on with the
    next one; when the store cannot be reached (after ``retries`` retries with
    backoff ``backoff * 2**n`` seconds) the push stops and lists the graphs not
    tried. Each graph sent is recorded in ``state_file`` at once, so that
    ``resume=True`` skips the graphs already sent unchanged to the same store.
    ``dry_run`` sends nothing and reports what would be sent.

    >>> import pyoxigraph as ox
    >>> s = [ox.Quad(ox.NamedNode("http://e.org/a"), ox.NamedNode("http://e.org/p"),
    ...              ox.Literal("x"), ox.NamedNode("http://e.org/graph/doc/a"))]
    >>> push(s, "http://127.0.0.1:9/store", dry_run=True).summary()
    'would send 1 graph(s), 1 triple(s) to http://127.0.0.1:9/store in 0.00 s'
    """
    parts = urlsplit(store_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"not an http(s) URL of a Graph Store endpoint: {store_url!r}")
    if retries < 0 or timeout <= 0:
        raise UsageError("--retries must be 0 or more and --timeout more than 0")
    if parts.username or parts.password:
        raise UsageError("give credentials with --user and --password, not in STORE_URL")
    say = progress or (lambda _msg: None)
    started = time.monotonic()
    payloads = graph_payloads(quads)
    state_path = Path(state_file) if state_file is not None else None
    state = read_state(state_path)
    done = state.setdefault(store_url, {})
    sent: list[tuple[str, int]] = []
    skipped: list[str] = []
    failed: list[tuple[str, str]] = []
    not_sent: list[str] = []
    opener = _opener(store_url, auth)
    for i, payload in enumerate(payloads):
        if resume and done.get(payload.graph) == payload.sha256:
            skipped.append(payload.graph)
            say(f"skip {payload.graph} (already sent unchanged)")
            continue
        if dry_run:
            sent.append((payload.graph, payload.triples))
            say(f"PUT {graph_request_url(store_url, payload.graph)} "
                f"({payload.triples} triples, {len(payload.data)} bytes)")
            continue
        try:
            _send(opener, store_url, payload, auth, timeout, retries, backoff, say)
        except StoreError as exc:
            failed.append((payload.graph, str(exc)))
            say(f"FAILED {payload.graph}: {exc}")
            continue
        except _Unreachable as exc:
            failed.append((payload.graph, str(exc)))
            not_sent = [p.graph for p in payloads[i + 1:]]
            say(f"FAILED {payload.graph}: {exc}")
            break
        sent.append((payload.graph, payload.triples))
        done[payload.graph] = payload.sha256
        if state_path is not None:
            _write_state(state_path, state)
        say(f"sent {payload.graph} ({payload.triples} triples)")
    return PushReport(
        store_url=store_url,
        sent=tuple(sent),
        skipped=tuple(skipped),
        failed=tuple(failed),
        not_sent=tuple(not_sent),
        seconds=time.monotonic() - started,
        dry_run=dry_run,
        state_file=str(state_path) if state_path is not None else None,
    )


def _send(opener, store_url, payload, auth, timeout, retries, backoff, say) -> None:
    url = graph_request_url(store_url, payload.graph)
    for attempt in range(retries + 1):
        try:
            _put(opener, url, payload, auth, timeout)
            return
        except _Transient as exc:
            if attempt == retries:
                if str(exc).startswith("cannot reach"):
                    raise _Unreachable(f"{exc} (after {retries + 1} attempt(s))") from None
                raise StoreError(f"{exc} (after {retries + 1} attempt(s))") from None
            delay = backoff * 2**attempt
            say(f"retry {payload.graph} in {delay:.1f} s: {exc}")
            time.sleep(delay)
