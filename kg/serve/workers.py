"""Query workers: processes forked from one loaded copy of the graph, each under a
memory limit, killed at the time limit and replaced at once.

A *zygote* process, started fresh (``spawn``), loads the graph, imports the SPARQL
parser and the engine, and then only forks: a worker shares the zygote's memory
copy-on-write, so a new one is ready in milliseconds whatever the size of the
graph. Each worker, before its first query:

- closes every file descriptor but its channel to the server and may open no
  new one (``RLIMIT_NOFILE``): whatever a query says, the worker cannot open a
  socket or a file, so nothing is fetched on a client's behalf even if a parser
  read a query differently from the engine;
- may grow by at most the memory limit (``RLIMIT_AS`` over its size at the fork):
  a query that needs more fails inside the worker, which dies, never the server;
- reads each query with rdflib's parser (:func:`kg.rdf.query.check_query`) and
  only then gives it to Oxigraph.

The server side (:class:`WorkerPool`) hands a query to an idle worker and waits
at most the time left; at the time limit it kills the worker (its core and its
memory are freed at once) and forks a fresh one in its place.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle

import pyoxigraph as ox

__all__ = ["Request", "WorkerPool"]

_MIB = 1 << 20


@dataclass(frozen=True, slots=True)
class Request:
    """A query for a worker, with what it needs to answer it."""

    query: str
    accept: str | None = None
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


# --------------------------------------------------------------------------
# inside the zygote and the workers
# --------------------------------------------------------------------------
def _vm_size() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def _confine(channel_fd: int, memory: int) -> int:
    """Keep only standard streams and the channel (moved to fd 3); no new
    descriptor, no core file, at most ``memory`` more bytes of address space."""
    limit = _vm_size() + memory
    try:  # should the system run short of memory, a worker goes first, not the server
        with open("/proc/self/oom_score_adj", "w", encoding="ascii") as f:
            f.write("1000")
    except OSError:
        pass
    if channel_fd != 3:
        os.dup2(channel_fd, 3)
        os.close(channel_fd)
    os.closerange(4, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    resource.setrlimit(resource.RLIMIT_NOFILE, (4, 4))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return 3


def _worker(channel_fd: int, store: ox.Store, limits) -> None:
    from kg.serve.endpoint import evaluate

    conn = Connection(_confine(channel_fd, limits.memory_mb * _MIB))
    conn.send("confined")  # the pool counts a worker only once its limits hold
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = evaluate(store, request, limits)
        except MemoryError:
            conn.send(None)  # the server answers for a worker that ran out of memory
            return
        conn.send(answer)


def _warm_up(store: ox.Store, limits) -> None:
    """Import and build everything a worker uses (a worker cannot open a file)."""
    from kg.serve.endpoint import evaluate

    for text in ("SELECT ?s WHERE { ?s ?p ?o FILTER(?o > 1) } LIMIT 1",
                 "ASK { GRAPH ?g { ?s ?p ?o } }",
                 "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1",
                 "SELECT * WHERE {"):
        for accept in ("application/sparql-results+json", "application/sparql-results+xml",
                       "text/csv", "text/tab-separated-values", "application/n-triples", None):
            evaluate(store, Request(text, accept), limits)


def _zygote(data: str, limits, control: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops us
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the system
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 50 * limits.max_depth + 2000))
    store = ox.Store()
    store.load(path=data, format=ox.RdfFormat.N_QUADS)
    _warm_up(store, limits)
    control.send("ready")
    while True:
        try:
            if control.recv() != "fork":
                return
        except (EOFError, OSError):
            return
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the worker
            try:
                control.close()
                ours.close()
                _worker(theirs.detach(), store, limits)
            except BaseException:  # noqa: BLE001 - a worker reports and ends
                import traceback

                traceback.print_exc()
            finally:
                os._exit(0)
        theirs.close()
        control.send(pid)
        send_handle(control, ours.fileno(), pid)
        ours.close()


# --------------------------------------------------------------------------
# in the server
# --------------------------------------------------------------------------
class _Worker:
    __slots__ = ("pid", "conn")

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid, self.conn = pid, conn

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.conn.close()


class WorkerPool:
    """``limits.workers`` query workers over a copy of ``store``.

    >>> from kg.serve.endpoint import Limits
    >>> pool = WorkerPool(ox.Store(), Limits(workers=1))
    >>> pool.run(Request("ASK { ?s ?p ?o }", "text/csv"), time.monotonic() + 10).body
    b'false'
    >>> pool.close()
    """

    def __init__(self, store: ox.Store, limits) -> None:
        self.limits = limits
        self.executed = 0
        """Queries handed to a worker (for tests and statistics)."""
        self.killed = 0
        """Workers killed at the time limit or lost to the memory limit."""
        self._lock = threading.Lock()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: dict[int, _Worker] = {}
        self._closed = False
        tmp = tempfile.mkdtemp(prefix="kg-serve-")
        try:
            data = os.path.join(tmp, "graph.nq")
            store.dump(data, format=ox.RdfFormat.N_QUADS)
            ctx = multiprocessing.get_context("spawn")
            self._control, theirs = ctx.Pipe()
            self._zygote = ctx.Process(target=_zygote, args=(data, limits, theirs),
                                       name="kg-serve-zygote", daemon=True)
            self._zygote.start()
            theirs.close()
            if not self._control.poll(300) or self._control.recv() != "ready":
                raise RuntimeError("the query workers did not start")
        except BaseException:
            self._stop_zygote()
            raise
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        for _ in range(limits.workers):
            self._idle.put(self._fork())

    def _fork(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise RuntimeError("the pool is closed")
            self._control.send("fork")
            pid = self._control.recv()
            worker = _Worker(pid, Connection(recv_handle(self._control)))
            if not worker.conn.poll(60) or worker.conn.recv() != "confined":
                worker.kill()
                raise RuntimeError("a query worker did not start")
            self._workers[pid] = worker
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.pop(worker.pid, None)
            self.killed += 1
        try:
            self._idle.put(self._fork())
        except (RuntimeError, OSError, EOFError):
            pass  # closing, or the zygote is gone: no more workers

    def pids(self) -> list[int]:
        """The process ids of the live workers."""
        with self._lock:
            return sorted(self._workers)

    def run(self, request: Request, deadline: float):
        """The :class:`~kg.serve.endpoint.Answer` of a worker, or a 503 when none is
        free before ``deadline``, the query is still running at ``deadline`` (the
        worker is killed) or its worker died (the memory limit)."""
        from kg.serve.endpoint import Answer, too_slow

        try:
            worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return too_slow(self.limits, waiting=True)
        with self._lock:
            self.executed += 1
        try:
            worker.conn.send(request)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                return too_slow(self.limits)
            answer = worker.conn.recv()
        except (EOFError, OSError):
            answer = None
        if not isinstance(answer, Answer):
            self._replace(worker)
            return Answer(503, "text/plain; charset=utf-8",
                          f"the query was stopped: it needed more than the memory limit of "
                          f"{self.limits.memory_mb} MiB\n".encode())
        self._idle.put(worker)
        return answer

    def _stop_zygote(self) -> None:
        try:
            self._control.send("stop")
        except (OSError, AttributeError, ValueError):
            pass
        zygote = getattr(self, "_zygote", None)
        if zygote is not None and zygote.pid is not None:
            zygote.join(5)
            if zygote.is_alive():
                zygote.kill()
                zygote.join(5)

    def close(self) -> None:
        """Kill the workers and stop the zygote."""
        with self._lock:
            self._closed = True
            workers = list(self._workers.values())
            self._workers.clear()
        for w in workers:
            w.kill()
        self._stop_zygote()
        self._control.close()
