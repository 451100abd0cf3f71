"""The store itself: opening, locking, its state and publication mark, documents' graphs,
exports and views as of a date (see :mod:`kg.store`)."""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.records import Extraction
from kg.reconcile import reconcile
from kg.rdf.build_view import view_quads
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI, SEM
from kg.rdf.publish import checkpoint
from kg.store.timeline import SCHEMA as TIMELINE_SCHEMA

#: Above this many changed documents in one call, the consolidated graph is recomputed whole.
FULL_THRESHOLD = 200

#: The format of the sidecar, marked ``format`` in its ``meta`` table: 2 keeps the
#: N-Quads of each document's graph and of each unit of the consolidated graph
#: compressed (zlib: 8 to 18 times smaller); a store without the mark is of format 1
#: (plain N-Quads), read as it is and compressed by the next change made to it.
FORMAT = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY, sha256 TEXT, published TEXT, x BLOB,
                                 nq BLOB);
CREATE TABLE IF NOT EXISTS claims (claim TEXT PRIMARY KEY, doc_id TEXT, event_id TEXT, comp TEXT);
CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc_id);
CREATE INDEX IF NOT EXISTS claims_comp ON claims (comp);
CREATE TABLE IF NOT EXISTS blocks (block TEXT, claim TEXT);
CREATE INDEX IF NOT EXISTS blocks_block ON blocks (block);
CREATE INDEX IF NOT EXISTS blocks_claim ON blocks (claim);
CREATE TABLE IF NOT EXISTS arecs (doc_id TEXT, idx INTEGER, published TEXT, a BLOB,
                                  PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS akeys (key TEXT, doc_id TEXT, idx INTEGER);
CREATE INDEX IF NOT EXISTS akeys_key ON akeys (key);
CREATE INDEX IF NOT EXISTS akeys_doc ON akeys (doc_id);
CREATE TABLE IF NOT EXISTS anames (key TEXT PRIMARY KEY, name TEXT);
CREATE TABLE IF NOT EXISTS loose (key TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS units (owner TEXT PRIMARY KEY, nq BLOB);
CREATE TABLE IF NOT EXISTS event_iri (owner TEXT PRIMARY KEY, iri TEXT);
CREATE INDEX IF NOT EXISTS event_iri_iri ON event_iri (iri);
""" + TIMELINE_SCHEMA

_HAS_PLACE = ox.NamedNode(str(SEM.hasPlace))


@dataclass(frozen=True, slots=True)
class AddResult:
    """What an update did: documents added, replaced, left unchanged (same hash) or
    removed; how many merged events were re-reconciled; whether the consolidated
    graph was recomputed whole; how long it took."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    events_touched: int = 0
    full: bool = False
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())


class KgStore:
    """An open store: ``oxigraph`` (a pyoxigraph ``Store``), the sidecar ``db`` and the minter."""

    def __init__(self, path: Path, oxigraph: ox.Store, db: sqlite3.Connection, minter: IriMinter):
        self.path = path
        self.oxigraph = oxigraph
        self.db = db
        self.minter = minter
        self.current = ox.NamedNode(str(minter.current_graph))
        self.pending_add: list[ox.Quad] = []
        self.pending_remove: list[ox.Quad] = []
        self.touched: set[str] = set()  # subjects of the quads flushed since the last index update
        self.format = FORMAT  # of the sidecar (see :data:`FORMAT`)

    def pack(self, nq: bytes) -> bytes:
        """N-Quads as the sidecar keeps them (compressed in the current format)."""
        return zlib.compress(nq) if nq and self.format >= 2 else nq

    def pack_parts(self, parts: Iterable[bytes]) -> bytes:
        """:meth:`pack` of the N-Quads made of ``parts`` (whole lines each), compressed
        as they come: the whole text is never held, only its compressed form."""
        if self.format < 2:
            return b"".join(parts)
        z, out = None, []
        for part in parts:
            if part:
                z = z or zlib.compressobj()
                out.append(z.compress(part))
        if z is None:
            return b""
        out.append(z.flush())
        return b"".join(out)

    def unpack_parts(self, blob: bytes | None, size: int = 1 << 24) -> Iterator[bytes]:
        """:meth:`unpack` in parts of whole lines of about ``size`` bytes, decompressed
        as they are asked for (a long document's graph is never held whole).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as out, open_store(out) as store:
        ...     text = b"".join(b'<http://a.example/s> <http://a.example/p> "%d" .\\n' % i for i in range(999))
        ...     parts = list(store.unpack_parts(store.pack_parts([text[:100], text[100:]]), size=1000))
        ...     (b"".join(parts) == text, all(p.endswith(b"\\n") for p in parts), len(parts) > 10)
        (True, True, True)
        """
        if not blob:
            return
        if self.format < 2:
            yield blob
            return
        z = zlib.decompressobj()
        rest = b""
        data = memoryview(blob)
        for i in range(0, len(data), 1 << 20):
            rest += z.decompress(data[i:i + (1 << 20)])
            while len(rest) >= size:
                cut = rest.rfind(b"\n", 0, size) + 1 or rest.find(b"\n", size) + 1
                if not cut:  # a line longer than size: wait for its end
                    break
                yield rest[:cut]
                rest = rest[cut:]
        rest += z.flush()
        if rest:
            yield rest

    def unpack(self, blob: bytes | None) -> bytes:
        """N-Quads kept in the sidecar, as written (:meth:`pack` undone).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as out, open_store(out) as store:
        ...     line = b'<http://a.example/s> <http://a.example/p> "o" <http://a.example/g> .\\n'
        ...     (len(store.pack(line * 100)) < len(line * 100) // 10, store.unpack(store.pack(line)) == line)
        (True, True)
        """
        return zlib.decompress(blob) if blob and self.format >= 2 else (blob or b"")

    def close(self) -> None:
        """Flush and close (the store cannot be used afterwards)."""
        self.db.commit()
        self.db.close()
        self.oxigraph.flush()
        del self.oxigraph

    def __enter__(self) -> KgStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def document_ids(self) -> list[str]:
        """The ids of the documents in the store, sorted."""
        return [r[0] for r in self.db.execute("SELECT doc_id FROM docs ORDER BY doc_id")]

    def document_hashes(self) -> dict[str, str]:
        """Document id -> SHA-256 of the content stored for it (unchanged content is a no-op)."""
        return dict(self.db.execute("SELECT doc_id, sha256 FROM docs"))

    def extractions(self, *, as_of: date | None = None) -> Iterator[Extraction]:
        """The stored records, by document id (with ``as_of``: published up to that date)."""
        sql = "SELECT x FROM docs"
        args: tuple = ()
        if as_of is not None:
            sql += " WHERE published <> '' AND published <= ?"
            args = (as_of.isoformat(),)
        for (blob,) in self.db.execute(sql + " ORDER BY doc_id", args):
            yield pickle.loads(blob)

    def query(self, sparql: str):
        """SPARQL over the store (see :mod:`kg.rdf.query` for the bundled queries)."""
        return self.oxigraph.query(sparql)


def open_store(out_dir: Path | str, *, base_iri: str = DEFAULT_BASE_IRI) -> KgStore:
    """Open (or create) the store in ``<out_dir>/store/``.

    The base IRI is fixed when the store is created; opening it with another
    one raises :class:`~kg.errors.StoreError`.
    """
    path = Path(out_dir) / "store"
    try:
        path.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path / "claims.sqlite")
        db.executescript(_SCHEMA)
        row = db.execute("SELECT v FROM meta WHERE k = 'base'").fetchone()
        minter = IriMinter(base_iri)
        if row is None:
            db.execute("INSERT INTO meta VALUES ('base', ?)", (minter.base,))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (str(FORMAT),))
            db.commit()
        elif row[0] != minter.base:
            db.close()
            raise StoreError(f"{path}: the store was built with base IRI {row[0]}, not {minter.base}")
        mark = db.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
        fmt = int(mark[0]) if mark else 1
        if fmt > FORMAT:
            db.close()
            raise StoreError(f"{path}: the store is of format {fmt}, made by a newer kg (this one "
                             f"reads up to {FORMAT}); build the folder again or upgrade kg")
        oxigraph = ox.Store(str(path / "oxigraph"))
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    store = KgStore(path, oxigraph, db, minter)
    store.format = fmt
    return store


#: Seconds a writer waits for another one to finish with the same folder.
LOCK_TIMEOUT = 600.0


@contextlib.contextmanager
def locked(out_dir: Path | str, *, timeout: float = LOCK_TIMEOUT, create: bool = True):
    """Hold the write lock of the build folder ``out_dir`` (a ``flock`` on its
    ``store/`` folder), waiting up to ``timeout`` seconds for another ``kg add``,
    ``kg remove`` or ``kg build`` to finish; then :class:`~kg.errors.StoreError`
    says so in one line. ``create=False``: when the folder has no store yet, no
    lock is needed and none is taken.

    The store folder moves when the build folder is republished
    (:mod:`kg.rdf.publish`) and the lock moves with it; a lock taken on a store
    that is no longer at its path (a ``kg build`` replaced it) is taken again.

    >>> import tempfile
    >>> out = tempfile.mkdtemp()
    >>> with locked(out):
    ...     with locked(out, timeout=0.2):  # doctest: +ELLIPSIS
    ...         pass
    Traceback (most recent call last):
    kg.errors.StoreError: ...: another kg command is writing this folder; gave up waiting after 0.2 s ...
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no locking
        yield
        return
    path = Path(out_dir) / "store"
    deadline = time.monotonic() + timeout
    while True:
        if not path.is_dir():
            if not create:
                yield
                return
            path.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:  # moved under us: look again
            continue
        except OSError as exc:
            raise StoreError(f"{out_dir}: cannot take the write lock: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise StoreError(f"{out_dir}: another kg command is writing this folder; gave up "
                                 f"waiting after {timeout:g} s (--wait SECONDS waits longer)") from None
            time.sleep(0.1)
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except OSError:
            same = False
        if same:
            break
        os.close(fd)  # republished while we waited: lock the store that is there now
    try:
        yield
    finally:
        os.close(fd)


def stored_hashes(out_dir: Path | str) -> dict[str, str]:
    """Document id -> content hash of the store in ``out_dir`` (empty when there is
    none), read without opening the store: no lock is needed, so documents can be
    compared (and extracted) while another command writes.

    >>> import tempfile
    >>> stored_hashes(tempfile.mkdtemp())
    {}
    """
    path = Path(out_dir) / "store" / "claims.sqlite"
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT doc_id, sha256 FROM docs"))
        finally:
            db.close()
    except sqlite3.Error:
        return {}


def store_state(out_dir: Path | str) -> tuple[bool, bool]:
    """``(dirty, in_step)`` of the store in ``out_dir``, read without opening it (nothing
    is written): whether an update was interrupted before it committed, and whether the
    folder's files show what it holds: it is not dirty, carries a publication mark, and
    the mark is the ``graph.nq`` hash that ``manifest.json`` lists. A folder without a store
    is clean and in step.

    >>> import tempfile
    >>> store_state(tempfile.mkdtemp())
    (False, True)
    """
    import json

    path = Path(out_dir) / "store" / "claims.sqlite"
    if not path.is_file():
        return False, True
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = dict(db.execute("SELECT k, v FROM meta WHERE k IN ('published', 'dirty')"))
        finally:
            db.close()
    except sqlite3.Error:
        return True, False
    if "dirty" in rows:
        return True, False
    try:
        listed = json.loads((Path(out_dir) / "manifest.json").read_text(encoding="utf-8"))
        return False, listed["outputs"]["graph.nq"]["sha256"] == rows.get("published")
    except (OSError, ValueError, KeyError, TypeError):
        return False, False


def copy_store(source: Path | str, target: Path | str) -> None:
    """Copy the store folder ``source`` to ``target`` for an update that must leave
    the original untouched until it is swapped in: the sidecar and RocksDB's small
    files are copied, its table files (``*.sst``, never changed once written) are
    hard links, so the copy costs little whatever the size of the store. A missing
    ``source`` gives an empty folder (a new store).

    >>> import tempfile, pathlib
    >>> src = pathlib.Path(tempfile.mkdtemp()) / "store"; (src / "oxigraph").mkdir(parents=True)
    >>> _ = (src / "oxigraph" / "000009.sst").write_bytes(b"t"); _ = (src / "claims.sqlite").write_bytes(b"d")
    >>> dst = src.parent / "copy"; copy_store(src, dst)
    >>> (dst / "oxigraph" / "000009.sst").stat().st_ino == (src / "oxigraph" / "000009.sst").stat().st_ino
    True
    >>> (dst / "claims.sqlite").stat().st_ino == (src / "claims.sqlite").stat().st_ino
    False
    """
    import shutil

    source, target = Path(source), Path(target)
    if not source.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return

    def link_or_copy(src: str, dst: str) -> str:
        if src.endswith(".sst"):
            try:
                os.link(src, dst)
                return dst
            except OSError:
                pass
        return shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy,
                    ignore=shutil.ignore_patterns("*.tmp", ".kg-carried"))


def mark_published(store: KgStore, nquads_sha256: str) -> None:
    """Record that the folder's files now publish the store: ``nquads_sha256`` is
    the SHA-256 of the ``graph.nq`` written from it (the manifest lists it)."""
    store.db.execute("INSERT OR REPLACE INTO meta VALUES ('published', ?)", (nquads_sha256,))
    store.db.commit()
    checkpoint("marked")


def _unpublish(store: KgStore) -> None:
    """Forget the publication mark and mark the store dirty before it changes
    (committed at once, so a run that stops half-way leaves a store that queries
    do not answer from and that the next command repairs)."""
    store.db.execute("DELETE FROM meta WHERE k = 'published'")
    store.db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")
    if store.format < FORMAT:
        _upgrade(store)
    store.db.commit()


def _upgrade(store: KgStore) -> None:
    """Bring a sidecar of an older format to :data:`FORMAT` (in the caller's transaction,
    so the store is of one format or the other, never a mix)."""
    db = store.db
    store.format = FORMAT
    for table, key in (("docs", "doc_id"), ("units", "owner")):
        rows = db.execute(f"SELECT {key}, nq FROM {table}").fetchall()
        for k, nq in rows:
            if nq:
                db.execute(f"UPDATE {table} SET nq = ? WHERE {key} = ?", (store.pack(nq), k))
    db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (str(FORMAT),))


def _clean(store: KgStore) -> None:
    """The update is complete: clear the dirty mark (in the update's own transaction)."""
    store.db.execute("DELETE FROM meta WHERE k = 'dirty'")


def published_store(out_dir: Path | str) -> ox.Store | None:
    """The Oxigraph store of the build folder ``out_dir``, opened read-only, when it
    holds exactly what the folder's files publish (its publication mark is the
    ``graph.nq`` hash of ``manifest.json``); ``None`` when there is no store or it
    is out of step (a ``kg add`` whose files were not written), so the caller reads
    the files instead. Queries on it need no loading: a 1M-quad graph answers at once.
    Oxigraph leaves reading undefined while another process writes the store: keep
    it for one query, and answer from the files when that query fails.

    >>> import tempfile
    >>> published_store(tempfile.mkdtemp()) is None
    True
    """
    import json

    out_dir = Path(out_dir)
    path = out_dir / "store"
    try:
        listed = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        expected = listed["outputs"]["graph.nq"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (path / "claims.sqlite").is_file() or not (path / "oxigraph").is_dir():
        return None
    try:
        db = sqlite3.connect(f"{(path / 'claims.sqlite').resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT v FROM meta WHERE k = 'published'").fetchone()
        finally:
            db.close()
        if row is None or row[0] != expected:
            return None
        return ox.Store.read_only(str(path / "oxigraph"))
    except (OSError, RuntimeError, sqlite3.Error):  # missing or damaged: read the files
        return None


# --- documents' graphs ----------------------------------------------------------
#: Lines of N-Quads made, loaded and compressed at a time (a long document's graph in parts).
PART_LINES = 50_000


def document_graph_nquads(x: Extraction, minter: IriMinter) -> bytes:
    """A document's own graph (``<base>graph/doc/<id>``: what it says) as N-Quads,
    written by the build's writer (:func:`kg.rdf.build.extraction_quads`)."""
    return b"".join(document_graph_parts(x, minter))


def document_graph_parts(x: Extraction, minter: IriMinter, lines: int = PART_LINES) -> Iterator[bytes]:
    """:func:`document_graph_nquads` in parts of ``lines`` lines (UTF-8), made as asked for."""
    from kg.rdf.build import extraction_quads

    quads = extraction_quads(x, minter)
    for i in range(0, len(quads), lines):
        yield "".join(q.line() for q in quads[i:i + lines]).encode("utf-8")


def document_graph_quads(x: Extraction, minter: IriMinter) -> list[ox.Quad]:
    """:func:`document_graph_nquads` as pyoxigraph quads."""
    return list(ox.parse(document_graph_nquads(x, minter), format=ox.RdfFormat.N_QUADS))


def _ensure_ontology(store: KgStore, *, replace: bool = False) -> None:
    """Keep the ontology in ``<base>graph/ontology`` (as the exports have it);
    ``replace`` reloads it (a full build)."""
    from kg.rdf.build import ontology_quads

    graph = ox.NamedNode(str(store.minter.ontology_graph))
    present = store.oxigraph.contains_named_graph(graph)
    if present and not replace:
        return
    if present:
        store.oxigraph.remove_graph(graph)
    data = "".join(q.line() for q in ontology_quads(store.minter)).encode("utf-8")
    store.oxigraph.load(data, format=ox.RdfFormat.N_QUADS)


# --- exports ----------------------------------------------------------------------
def export_nquads(store: KgStore) -> Iterator[bytes]:
    """The store's graphs as N-Quads chunks, exactly as they were written (the Oxigraph
    store reads derived XSD types back as their primitive, ``xsd:nonNegativeInteger``
    as ``xsd:integer``; the sidecar keeps the quads as built): the ontology, each
    document's graph, then the consolidated graph unit by unit. Sort the lines and
    drop repeated ones (two units can state the same quad) for byte-identical files.
    """
    from kg.rdf.build import ontology_quads

    yield "".join(q.line() for q in ontology_quads(store.minter)).encode("utf-8")
    for (nq,) in store.db.execute("SELECT nq FROM docs ORDER BY doc_id"):
        yield from store.unpack_parts(nq)
    for (nq,) in store.db.execute("SELECT nq FROM units ORDER BY owner"):
        yield from store.unpack_parts(nq)


# --- as of a date ---------------------------------------------------------------
def as_of_store(store: KgStore, day: date) -> ox.Store:
    """An in-memory store holding the consolidated graph as of ``day`` (only the
    documents published up to that day), for the bundled queries."""
    return view_store(store.extractions(as_of=day), day, store.minter)


def view_store(extractions: Iterable[Extraction], day: date, minter: IriMinter) -> ox.Store:
    """An in-memory store holding the consolidated graph of ``extractions`` as of
    ``day``: those published up to that day, reconciled as then."""
    xs = [x for x in extractions if x.document.published is not None and x.document.published <= day]
    memory = ox.Store()
    memory.bulk_extend(view_quads(reconcile(xs, as_of=day), minter))
    return memory
