"""The persistent store: documents' graphs and the consolidated graph, updated incrementally.

``<out>/store/`` holds an embedded Oxigraph store (``oxigraph/``, RocksDB on
disk; chosen with numbers in ``docs/decisions/20261126-store.md``) and a
sidecar SQLite file (``claims.sqlite``) with what incremental updates need:
each document's records and content hash, the blocking keys of its events, the
merged event and component of each claim, the actor name map, and the quads
each unit of the consolidated graph wrote (so they can be taken out exactly).

* :func:`add_documents` replaces the graph of each new or changed document
  (``<base>graph/doc/<id>``) and re-reconciles only the components of claims
  it touches (see :func:`kg.reconcile.components`); an unchanged document
  (same SHA-256) is a no-op. Many documents at once, an empty store, or a
  change in the identity of actors (two actors merging, a canonical name
  changing) recompute the whole consolidated graph instead.
* :func:`remove_document` takes a document's claims out and re-reconciles.
* :func:`as_of_store` computes the view "as of" a date on the fly into an
  in-memory store, for queries.
* :func:`published_store` opens the store of a build folder read-only for
  queries, when it holds what the folder's files publish: each change forgets
  the publication mark, and publishing the files sets it again
  (:func:`mark_published`), so a change whose files were not written is never
  answered from, and :func:`store_state` tells the next command to publish again.
* :func:`locked` makes writers of one folder wait for each other; an update
  that was killed half-way leaves the store marked *dirty*, and :func:`repair`
  rebuilds the Oxigraph store and the consolidated graph from the sidecar's
  documents (whose SQLite transactions are atomic) before anything else.

Either way the consolidated graph equals what :func:`kg.reconcile.reconcile`
gives for all the documents (tests check it).

>>> import tempfile
>>> from datetime import date
>>> from kg.records import Document, Extraction
>>> doc = Document(id="d1", source="d1.txt", text="Talks.", sha256="abc",
...                published=date(2025, 7, 20))
>>> with tempfile.TemporaryDirectory() as out, open_store(out) as store:
...     first = add_documents(store, [Extraction(doc)])
...     again = add_documents(store, [Extraction(doc)])
...     (first.added, again.unchanged, store.document_ids())
(('d1',), ('d1',), ['d1'])
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.records import Extraction
from kg.reconcile import (
    Claim,
    MergedEvent,
    NameResolver,
    View,
    actor_keys,
    claims_of,
    components,
    event_blocks,
    merge_actors,
    merge_agreements,
    merge_events,
    reconcile,
    _features,
    _score,
)
from kg.rdf.build_view import (
    _CachedMinter,
    actor_unit,
    agreement_unit,
    document_unit,
    event_iris,
    event_unit,
    graph_unit,
    place_unit,
    iter_view_units,
    view_quads,
)
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI, SEM
from kg.rdf.publish import checkpoint

__all__ = ["store_state", "copy_store", "KgStore", "AddResult", "open_store", "locked", "LOCK_TIMEOUT", "stored_hashes",
           "repair", "mark_published", "published_store", "add_documents",
           "sync_documents", "remove_document", "rebuild_current", "as_of_store", "view_store", "document_graph_quads",
           "document_graph_nquads", "export_nquads"]

#: Above this many changed documents in one call, the consolidated graph is recomputed whole.
FULL_THRESHOLD = 200

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
"""

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
            db.commit()
        elif row[0] != minter.base:
            db.close()
            raise StoreError(f"{path}: the store was built with base IRI {row[0]}, not {minter.base}")
        oxigraph = ox.Store(str(path / "oxigraph"))
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    return KgStore(path, oxigraph, db, minter)


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


def repair(store: KgStore) -> bool:
    """After an update that was interrupted (the store is still marked dirty), rebuild
    the Oxigraph store and the consolidated graph from the documents the sidecar
    holds; returns whether there was anything to repair."""
    if store.db.execute("SELECT 1 FROM meta WHERE k = 'dirty'").fetchone() is None:
        return False
    store.oxigraph.clear()
    _ensure_ontology(store)
    tmp = store.path / "documents.nq.tmp"
    with tmp.open("wb") as f:
        for (nq,) in store.db.execute("SELECT nq FROM docs ORDER BY doc_id"):
            if nq:
                f.write(nq)
    store.oxigraph.bulk_load(path=str(tmp), format=ox.RdfFormat.N_QUADS)
    tmp.unlink()
    rebuild_current(store)
    return True


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
    store.db.commit()


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
def document_graph_nquads(x: Extraction, minter: IriMinter) -> bytes:
    """A document's own graph (``<base>graph/doc/<id>``: what it says) as N-Quads,
    written by the build's writer (:func:`kg.rdf.build.extraction_quads`)."""
    from kg.rdf.build import extraction_quads

    return "".join(q.line() for q in extraction_quads(x, minter)).encode("utf-8")


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


# --- units of the consolidated graph --------------------------------------------
def _nq(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else b""


def _drop_units(store: KgStore, owners: Iterable[str]) -> set[str]:
    """Remove the quads the given units wrote; returns the places they used."""
    places = set()
    db = store.db
    for owner in owners:
        row = db.execute("SELECT nq FROM units WHERE owner = ?", (owner,)).fetchone()
        if row is None:
            continue
        if row[0]:
            for q in ox.parse(row[0], format=ox.RdfFormat.N_QUADS):
                if q.predicate == _HAS_PLACE:
                    places.add(q.object.value)
                store.pending_remove.append(q)
        db.execute("DELETE FROM units WHERE owner = ?", (owner,))
        db.execute("DELETE FROM event_iri WHERE owner = ?", (owner,))
    return places


def _shared_iris(store: KgStore, owners: Sequence[str]) -> set[str]:
    """The IRIs of the given event units (to restore other events minted the same)."""
    out = set()
    for chunk in _chunks(list(owners)):
        out |= {r[0] for r in store.db.execute(
            f"SELECT iri FROM event_iri WHERE owner IN ({_placeholders(len(chunk))})", chunk)}
    return out


def _restore_shared(store: KgStore, iris: set[str], rewritten: set[str]) -> None:
    """Two merged events can be minted the same IRI (same class, day and place): the
    graph holds the union of their quads, so re-add the quads of the ones not rewritten."""
    for iri in sorted(iris):
        for owner, nq in store.db.execute(
                "SELECT u.owner, u.nq FROM event_iri e JOIN units u ON u.owner = e.owner "
                "WHERE e.iri = ?", (iri,)).fetchall():
            if owner not in rewritten and nq:
                store.pending_add.extend(ox.parse(nq, format=ox.RdfFormat.N_QUADS))


def _flush(store: KgStore) -> None:
    """Apply the pending removals (one SPARQL update) and additions (one transaction)."""
    if store.pending_remove:
        # N-Quads lines -> "GRAPH <g> { s p o . }" blocks of a DELETE DATA
        by_graph: dict[str, list[str]] = {}
        for q in store.pending_remove:
            line = str(ox.Triple(q.subject, q.predicate, q.object))
            by_graph.setdefault(str(q.graph_name), []).append(line + " .")
        update = "DELETE DATA { " + " ".join(
            f"GRAPH {g} {{ {' '.join(lines)} }}" for g, lines in by_graph.items()) + " }"
        store.oxigraph.update(update)
        store.pending_remove = []
    if store.pending_add:
        store.oxigraph.extend(store.pending_add)
        store.pending_add = []


def _write_unit(store: KgStore, owner: str, quads: list[ox.Quad], *, bulk: bool = False) -> set[str]:
    store.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?)", (owner, _nq(quads)))
    if owner.startswith("event:") and quads:
        store.db.execute("INSERT OR REPLACE INTO event_iri VALUES (?, ?)", (owner, quads[0].subject.value))
    if not bulk:
        store.pending_add.extend(quads)
    return {q.object.value for q in quads if q.predicate == _HAS_PLACE}


def _place_names(events: Iterable[MergedEvent]) -> dict[str, str]:
    return {e.place: e.place for e in events if e.place}


def _fix_places(store: KgStore, iris: set[str], names: dict[str, str]) -> None:
    """Places are shared: write a place's node while an event uses it, remove it after."""
    _flush(store)
    minter = store.minter
    by_iri: dict[str, str] = {}
    for n in sorted(names):  # spellings that share an IRI: the first in order labels it
        by_iri.setdefault(str(minter.place(n)), n)
    for iri in sorted(iris):
        node = ox.NamedNode(iri)
        used = next(iter(store.oxigraph.quads_for_pattern(None, _HAS_PLACE, node, store.current)), None)
        owner = "place:" + iri.rsplit("/", 1)[-1]
        if used is None:
            _drop_units(store, [owner])
        elif iri in by_iri and store.db.execute(
                "SELECT 1 FROM units WHERE owner = ?", (owner,)).fetchone() is None:
            _write_unit(store, owner, place_unit(by_iri[iri], minter))


def _doc_unit(x: Extraction, resolve, minter) -> list[ox.Quad]:
    mentions = {m for e in x.events for m in e.mentions}
    mentions |= {m for a in x.agreements for m in a.mentions}
    evidence = set()
    for a in x.actors:
        name = resolve(a.name)
        evidence.add((name, None))
        for m in a.mentions:
            mentions.add(m)
            evidence.add((name, m))
    return document_unit(x.document, mentions, evidence, minter)


# --- full rebuild ---------------------------------------------------------------
def rebuild_current(store: KgStore, extractions: Sequence[Extraction] | None = None) -> AddResult:
    """Recompute the whole consolidated graph from every stored document
    (``extractions``: the records of exactly the stored documents, when the caller
    holds them already)."""
    t0 = time.perf_counter()
    _unpublish(store)
    db = store.db
    xs = list(store.extractions()) if extractions is None else list(extractions)
    view = reconcile(xs)
    minter = _CachedMinter(store.minter)
    store.oxigraph.remove_graph(store.current) if store.oxigraph.contains_named_graph(store.current) else None
    for table in ("claims", "blocks", "arecs", "akeys", "anames", "loose", "units", "event_iri"):
        db.execute(f"DELETE FROM {table}")
    resolve = NameResolver(view.actors)

    def stream() -> Iterator[ox.Quad]:
        for owner, unit in iter_view_units(view, minter):
            _write_unit(store, owner, unit, bulk=True)
            yield from unit

    store.oxigraph.bulk_extend(stream())
    _index_actors(store, xs, resolve, view)
    comps = components([c for x in xs for c in claims_of(x)], resolve)
    _index_claims(store, comps, view.claim_event, resolve)
    store.oxigraph.flush()
    checkpoint("store-rebuilt")
    _clean(store)
    db.commit()
    return AddResult(events_touched=len(view.events), full=True, seconds=time.perf_counter() - t0)


def _index_actors(store: KgStore, xs: Iterable[Extraction], resolve: NameResolver, view: View | None) -> None:
    db = store.db
    for x in xs:
        _index_doc_actors(store, x)
    db.executemany("INSERT OR REPLACE INTO anames VALUES (?, ?)", sorted(resolve.map.items()))
    loose = set()
    for x in xs:
        for e in x.events:
            for n in (*e.actors, *e.proposed_by):
                if resolve(n) == n:
                    loose.update(NameResolver.keys_of(n, (), "Person"))
    db.executemany("INSERT OR IGNORE INTO loose VALUES (?)", [(k,) for k in sorted(loose)])


def _index_doc_actors(store: KgStore, x: Extraction) -> None:
    pub = x.document.published.isoformat() if x.document.published else ""
    rows, keys = [], []
    for i, a in enumerate(x.actors):
        rows.append((x.document.id, i, pub, pickle.dumps(a, protocol=5)))
        keys += [(k, x.document.id, i) for k in actor_keys(a)]
    store.db.executemany("INSERT OR REPLACE INTO arecs VALUES (?, ?, ?, ?)", rows)
    store.db.executemany("INSERT INTO akeys VALUES (?, ?, ?)", keys)


def _index_claims(store: KgStore, comps: Iterable[list[Claim]], claim_event, resolve) -> None:
    rows, blocks = [], []
    for comp in comps:
        cid = comp[0].id
        for c in comp:
            rows.append((c.id, c.doc_id, claim_event[c.id], cid))
            index, _ = event_blocks(c.event, resolve)
            blocks += [(b, c.id) for b in index]
    store.db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?)", rows)
    store.db.executemany("INSERT INTO blocks VALUES (?, ?)", blocks)


# --- incremental update ---------------------------------------------------------
class _Docs:
    """Stored extractions loaded on demand (once per update)."""

    def __init__(self, store: KgStore, override: dict[str, Extraction | None]):
        self.store = store
        self.cache: dict[str, Extraction | None] = dict(override)

    def get(self, doc_id: str) -> Extraction | None:
        if doc_id not in self.cache:
            row = self.store.db.execute("SELECT x FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
            self.cache[doc_id] = pickle.loads(row[0]) if row else None
        return self.cache[doc_id]

    def claim(self, claim_id: str) -> Claim | None:
        doc_id, key = claim_id.split("#", 1)
        x = self.get(doc_id)
        if x is None:
            return None
        for e in x.events:
            if e.key == key:
                return Claim(doc_id, x.document.published, e)
        return None


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence, n: int = 500) -> Iterator[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _actor_update(store: KgStore, old: list[Extraction], new: list[Extraction]):
    """Re-merge the actor clusters the changed documents touch. Returns (merged actors
    of those clusters, their docs' records, structural change?)."""
    db = store.db
    changed = {x.document.id for x in old} | {x.document.id for x in new}
    keys = {k for x in (*old, *new) for a in x.actors for k in actor_keys(a)}
    recs: dict[tuple[str, int], tuple] = {}
    frontier = set(keys)
    seen_keys: set[str] = set()
    while frontier:
        seen_keys |= frontier
        found = set()
        for chunk in _chunks(sorted(frontier)):
            found |= {(r[0], r[1]) for r in db.execute(
                f"SELECT doc_id, idx FROM akeys WHERE key IN ({_placeholders(len(chunk))})", chunk)}
        found = {f for f in found if f[0] not in changed and f not in recs}
        frontier = set()
        for doc_id, idx in sorted(found):
            pub, blob = db.execute("SELECT published, a FROM arecs WHERE doc_id = ? AND idx = ?",
                                   (doc_id, idx)).fetchone()
            actor = pickle.loads(blob)
            recs[(doc_id, idx)] = (date.fromisoformat(pub) if pub else None, doc_id, actor)
            frontier |= actor_keys(actor)
        frontier -= seen_keys
    records = list(recs.values())
    records += [(x.document.published, x.document.id, a) for x in new for a in x.actors]
    merged = merge_actors(records)
    new_map = NameResolver(merged).map
    old_entries = {}
    old_names = set()
    all_keys = set(new_map)
    for x in old:
        for a in x.actors:
            all_keys |= set(NameResolver.keys_of(a.name, a.aliases, a.kind))
    for chunk in _chunks(sorted(all_keys)):
        for k, name in db.execute(
                f"SELECT key, name FROM anames WHERE key IN ({_placeholders(len(chunk))})", chunk):
            old_entries[k] = name
            old_names.add(name)
    structural = any(new_map.get(k) != v for k, v in old_entries.items())
    if not structural:
        for chunk in _chunks(sorted(k for k, v in new_map.items()
                                    if k not in old_entries and k != _norm_of(v))):
            if db.execute(f"SELECT 1 FROM loose WHERE key IN ({_placeholders(len(chunk))})",
                          chunk).fetchone():
                structural = True
    return merged, new_map, old_names, structural


def _norm_of(name: str) -> str:
    from kg.reconcile import norm

    return norm(name)


def add_documents(store: KgStore, extractions: Iterable[Extraction], *,
                  full_threshold: int = FULL_THRESHOLD) -> AddResult:
    """Add or replace documents; re-reconcile only what they touch.

    A document whose content hash (``Document.sha256``) is already stored is
    left as it is. Two documents with the same id in one call are an error.
    """
    t0 = time.perf_counter()
    db = store.db
    new: dict[str, Extraction] = {}
    unchanged, replaced, added = [], [], []
    for x in extractions:
        doc_id = x.document.id
        if doc_id in new:
            raise StoreError(f"{x.document.source}: document id {doc_id!r} given twice")
        row = db.execute("SELECT sha256 FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is not None and row[0] == x.document.sha256:
            unchanged.append(doc_id)
            continue
        (replaced if row is not None else added).append(doc_id)
        new[doc_id] = x
    if not new:
        return AddResult(unchanged=tuple(unchanged), seconds=time.perf_counter() - t0)
    empty = db.execute("SELECT COUNT(*) FROM docs").fetchone()[0] == 0
    result = _update(store, new, [], full=empty or len(new) > full_threshold)
    return AddResult(added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged),
                     events_touched=result[0], full=result[1], seconds=time.perf_counter() - t0)


def sync_documents(store: KgStore, extractions: Iterable[Extraction], *,
                   full_threshold: int = FULL_THRESHOLD) -> AddResult:
    """Make the store hold exactly ``extractions`` (what ``kg build`` does): new and
    changed documents are added, unchanged ones kept, the others removed.

    >>> import tempfile
    >>> from kg.records import Document, Extraction
    >>> docs = [Extraction(Document(id=i, source=i, text="x", sha256=i)) for i in "abc"]
    >>> with tempfile.TemporaryDirectory() as out, open_store(out) as store:
    ...     _ = sync_documents(store, docs[:2])
    ...     r = sync_documents(store, docs[1:])
    ...     (r.added, r.unchanged, r.removed, store.document_ids())
    (('c',), ('b',), ('a',), ['b', 'c'])
    """
    t0 = time.perf_counter()
    xs = list(extractions)
    given = {x.document.id for x in xs}
    removed = [d for d in store.document_ids() if d not in given]
    result = add_documents(store, xs, full_threshold=full_threshold) if xs else AddResult()
    if removed:
        touched, full = _update(store, {}, removed, full=len(removed) > full_threshold)
        result = AddResult(result.added, result.replaced, result.unchanged, tuple(removed),
                           result.events_touched + touched, result.full or full)
    from dataclasses import replace

    return replace(result, seconds=time.perf_counter() - t0)


def remove_document(store: KgStore, doc_id: str) -> AddResult:
    """Remove a document's graph and claims, and re-reconcile what they touched."""
    t0 = time.perf_counter()
    if store.db.execute("SELECT 1 FROM docs WHERE doc_id = ?", (doc_id,)).fetchone() is None:
        raise StoreError(f"{store.path}: no document {doc_id!r} in the store")
    touched, full = _update(store, {}, [doc_id], full=False)
    return AddResult(removed=(doc_id,), events_touched=touched, full=full,
                     seconds=time.perf_counter() - t0)


def _update(store: KgStore, new: dict[str, Extraction], removed: list[str], *, full: bool):
    _unpublish(store)
    checkpoint("store-dirty")
    db = store.db
    minter = store.minter
    docs = _Docs(store, {})
    old = [x for x in (docs.get(d) for d in sorted({*new, *removed})) if x is not None]
    # 1. the documents' own graphs and records
    for doc_id in sorted({*new, *removed}):
        g = ox.NamedNode(str(minter.doc_graph(doc_id)))
        if store.oxigraph.contains_named_graph(g):
            store.oxigraph.remove_graph(g)
    for doc_id in removed:
        db.execute("DELETE FROM docs WHERE doc_id = ?", (doc_id,))
    tmp = store.path / "documents.nq.tmp"
    with tmp.open("wb") as f:  # through a file: the loader reads it without holding every quad
        for doc_id, x in sorted(new.items()):
            nq = document_graph_nquads(x, minter)
            f.write(nq)
            pub = x.document.published.isoformat() if x.document.published else ""
            db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)",
                       (doc_id, x.document.sha256, pub, pickle.dumps(x, protocol=5), nq))
    if full:
        store.oxigraph.bulk_load(path=str(tmp), format=ox.RdfFormat.N_QUADS)
    else:
        store.oxigraph.load(path=str(tmp), format=ox.RdfFormat.N_QUADS)
    tmp.unlink()
    checkpoint("documents-loaded")
    _ensure_ontology(store, replace=full)
    if full:
        others = db.execute("SELECT COUNT(*) FROM docs").fetchone()[0] - len(new)
        given = sorted(new.values(), key=lambda x: x.document.id) if others == 0 else None
        return rebuild_current(store, given).events_touched, True
    # 2. actors
    merged_actors, new_map, old_names, structural = _actor_update(store, old, list(new.values()))
    if structural:
        return rebuild_current(store).events_touched, True
    changed = sorted({*new, *removed})
    ph = _placeholders(len(changed))
    db.execute(f"DELETE FROM arecs WHERE doc_id IN ({ph})", changed)
    db.execute(f"DELETE FROM akeys WHERE doc_id IN ({ph})", changed)
    for x in new.values():
        _index_doc_actors(store, x)
    db.executemany("INSERT OR REPLACE INTO anames VALUES (?, ?)", sorted(new_map.items()))
    resolve = NameResolver(mapping=dict(db.execute("SELECT key, name FROM anames")))
    minter_c = _CachedMinter(minter)
    _drop_units(store, [f"actor:{n}" for n in sorted(old_names)])
    for a in merged_actors:
        if a.affiliation:
            from dataclasses import replace

            a = replace(a, affiliation=resolve(a.affiliation))
        _write_unit(store, f"actor:{a.name}", actor_unit(a, minter_c))
    # 3. the components the change touches
    old_claims = [f"{x.document.id}#{e.key}" for x in old for e in x.events]
    comps = set()
    for chunk in _chunks(old_claims):
        comps |= {r[0] for r in db.execute(
            f"SELECT DISTINCT comp FROM claims WHERE claim IN ({_placeholders(len(chunk))})", chunk)}
    new_claims = [c for x in new.values() for c in claims_of(x)]
    for c in new_claims:
        _, probe = event_blocks(c.event, resolve)
        fc = _features(c, resolve)
        others = set()
        for chunk in _chunks(list(probe)):
            others |= {r[0] for r in db.execute(
                f"SELECT claim FROM blocks WHERE block IN ({_placeholders(len(chunk))})", chunk)}
        for other_id in sorted(others):
            if other_id.split("#", 1)[0] in new or other_id.split("#", 1)[0] in removed:
                continue
            other = docs.claim(other_id)
            if other is not None and _score(fc, _features(other, resolve)):
                row = db.execute("SELECT comp FROM claims WHERE claim = ?", (other_id,)).fetchone()
                if row:
                    comps.add(row[0])
    members: set[str] = set()
    for chunk in _chunks(sorted(comps)):
        members |= {r[0] for r in db.execute(
            f"SELECT claim FROM claims WHERE comp IN ({_placeholders(len(chunk))})", chunk)}
    old_events: set[str] = set()
    for chunk in _chunks(sorted(members)):
        old_events |= {r[0] for r in db.execute(
            f"SELECT DISTINCT event_id FROM claims WHERE claim IN ({_placeholders(len(chunk))})", chunk)}
    members = {m for m in members if m.split("#", 1)[0] not in new and m.split("#", 1)[0] not in removed}
    claims = [c for c in (docs.claim(m) for m in sorted(members)) if c is not None] + new_claims
    # 4. re-reconcile them
    merged, claim_event = merge_events(claims, resolve)
    involved = {c.doc_id for c in claims}
    xs = [x for x in (new.get(d) or docs.get(d) for d in sorted(involved)) if x is not None]
    in_scope = set(claim_event)
    agreements = [a for a in merge_agreements(xs, claim_event, resolve)
                  if a.doc_id in new or (a.agreement.reached_at
                                         and f"{a.doc_id}#{a.agreement.reached_at}" in in_scope)]
    dropped = [f"event:{e}" for e in sorted(old_events)]
    shared = _shared_iris(store, dropped)
    places = _drop_units(store, dropped)
    old_agreements = [f"agreement:{a.doc_id}#{a.agreement.key}" for a in agreements]
    old_agreements += [f"agreement:{x.document.id}#{a.key}" for x in old for a in x.agreements]
    places |= _drop_units(store, sorted(set(old_agreements)))
    places |= _drop_units(store, [f"doc:{d}" for d in changed])
    iris = event_iris(merged, minter_c)
    for e in merged:
        places |= _write_unit(store, f"event:{e.id}", event_unit(e, iris, minter_c))
    for a in agreements:
        _write_unit(store, f"agreement:{a.doc_id}#{a.agreement.key}", agreement_unit(a, iris, minter_c))
    for x in new.values():
        _write_unit(store, f"doc:{x.document.id}", _doc_unit(x, resolve, minter_c))
    shared |= {str(iri.value) for iri in iris.values()}
    _restore_shared(store, shared, {f"event:{e.id}" for e in merged})
    if db.execute("SELECT 1 FROM units WHERE owner = 'graph'").fetchone() is None:
        _write_unit(store, "graph", graph_unit(minter))
    _fix_places(store, places, _place_names(merged))
    _flush(store)
    # 5. the index
    gone = sorted(members | set(old_claims))
    for chunk in _chunks(gone):
        db.execute(f"DELETE FROM claims WHERE claim IN ({_placeholders(len(chunk))})", chunk)
    for chunk in _chunks(sorted(set(old_claims))):
        db.execute(f"DELETE FROM blocks WHERE claim IN ({_placeholders(len(chunk))})", chunk)
    for chunk in _chunks([c.id for c in new_claims]):
        db.execute(f"DELETE FROM blocks WHERE claim IN ({_placeholders(len(chunk))})", chunk)
    comps_new = components(claims, resolve)
    rows, blocks = [], []
    for comp in comps_new:
        for c in comp:
            rows.append((c.id, c.doc_id, claim_event[c.id], comp[0].id))
    db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?)", rows)
    for c in new_claims:
        index, _ = event_blocks(c.event, resolve)
        blocks += [(b, c.id) for b in index]
    db.executemany("INSERT INTO blocks VALUES (?, ?)", blocks)
    loose = set()
    for x in new.values():
        for e in x.events:
            for n in (*e.actors, *e.proposed_by):
                if resolve(n) == n:
                    loose.update(NameResolver.keys_of(n, (), "Person"))
    db.executemany("INSERT OR IGNORE INTO loose VALUES (?)", [(k,) for k in sorted(loose)])
    store.oxigraph.flush()
    checkpoint("store-updated")
    _clean(store)
    db.commit()
    return len(merged), False


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
        if nq:
            yield nq
    for (nq,) in store.db.execute("SELECT nq FROM units ORDER BY owner"):
        if nq:
            yield nq


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
