"""Changing the store: documents added, replaced and removed, the consolidated graph
re-reconciled where they touch it or rebuilt whole, and repair after an interruption."""

from __future__ import annotations

import itertools
import pickle
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import pyoxigraph as ox

from kg.errors import StoreError
from kg.records import Extraction
from kg.reconcile import (
    Claim,
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
    event_iris,
    event_unit,
    graph_unit,
    iter_view_units,
)
from kg.rdf.publish import checkpoint
from kg.store.core import (FULL_THRESHOLD, AddResult, KgStore, _clean, _ensure_ontology, _unpublish,
                           document_graph_parts, open_store)
from kg.store.timeline import index_timeline, reindex_events
from kg.store.units import (_chunks, _clash_partners, _doc_unit, _drop_units, _first_iri, _fix_places,
                            _flush, _place_names, _placeholders, _shared_iris, _write_unit)


def repair(store: KgStore) -> bool:
    """After an update that was interrupted (the store is still marked dirty), rebuild
    the Oxigraph store and the consolidated graph from the documents the sidecar
    holds; returns whether there was anything to repair."""
    if store.db.execute("SELECT 1 FROM meta WHERE k = 'dirty'").fetchone() is None:
        return False
    store.oxigraph.clear()
    _ensure_ontology(store)
    with _Loader(store, bulk=True) as loader:
        for (nq,) in store.db.execute("SELECT nq FROM docs ORDER BY doc_id"):
            for _ in loader.feed(store.unpack_parts(nq)):
                pass
    rebuild_current(store)
    return True


#: Quads given to Oxigraph's loader at a time: its bulk loader holds what it is given
#: (up to a million quads a thread) before writing it, so a long document's graph or a
#: large consolidated graph is loaded in parts.
LOAD_QUADS = 100_000


class _Loader:
    """N-Quads text loaded into the Oxigraph store about :data:`LOAD_QUADS` lines at a
    time, through a file (``bulk``: Oxigraph's bulk loader, else a transaction)."""

    def __init__(self, store: KgStore, *, bulk: bool, quads: int = LOAD_QUADS) -> None:
        self.store, self.bulk, self.quads = store, bulk, quads
        self.path = store.path / "documents.nq.tmp"
        self.file = self.path.open("wb")
        self.lines = 0

    def feed(self, parts: Iterable[bytes]) -> Iterator[bytes]:
        """Write ``parts`` (whole lines each) to be loaded, and give each back."""
        for part in parts:
            self.file.write(part)
            self.lines += part.count(b"\n")
            if self.lines >= self.quads:
                self._load()
            yield part

    def _load(self) -> None:
        self.file.close()
        if self.lines:
            if self.bulk:
                self.store.oxigraph.bulk_load(path=str(self.path), format=ox.RdfFormat.N_QUADS)
            else:
                self.store.oxigraph.load(path=str(self.path), format=ox.RdfFormat.N_QUADS)
        self.file = self.path.open("wb")
        self.lines = 0

    def __enter__(self) -> _Loader:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None:
                self._load()
        finally:
            self.file.close()
            self.path.unlink(missing_ok=True)


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
    for table in ("claims", "blocks", "arecs", "akeys", "anames", "loose", "units", "event_iri", "timeline"):
        db.execute(f"DELETE FROM {table}")
    resolve = NameResolver(view.actors)
    bases = {f"event:{e.id}": _first_iri(minter, e) for e in view.events}

    def stream() -> Iterator[ox.Quad]:
        for owner, unit in iter_view_units(view, minter):
            _write_unit(store, owner, unit, bulk=True, base=bases.get(owner))
            yield from unit

    quads = stream()
    while True:  # in parts: the bulk loader holds what it is given
        part = list(itertools.islice(quads, LOAD_QUADS))
        if not part:
            break
        store.oxigraph.bulk_extend(part)
        del part
    store.touched.clear()
    index_timeline(store)
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
    from kg.reconcile import lookup_key

    return lookup_key(name)


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
    # a document's graph is made, loaded and compressed in parts: its whole text is never held
    with _Loader(store, bulk=full) as loader:
        for doc_id, x in sorted(new.items()):
            nq = store.pack_parts(loader.feed(document_graph_parts(x, minter)))
            pub = x.document.published.isoformat() if x.document.published else ""
            db.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)",
                       (doc_id, x.document.sha256, pub, pickle.dumps(x, protocol=5), nq))
    checkpoint("documents-loaded")
    _ensure_ontology(store, replace=full)
    if full:
        others = db.execute("SELECT COUNT(*) FROM docs").fetchone()[0] - len(new)
        given = sorted(new.values(), key=lambda x: x.document.id) if others == 0 else None
        return rebuild_current(store, given).events_touched, True
    # 2. actors
    merged_actors, new_map, old_names, structural = _actor_update(store, old, list(new.values()))
    # an actor whose name the IRI slug keeps no letter of may share its IRI with
    # another (kg.rdf.iris.IriMinter.actor_iris): which of them clash is decided whole
    structural = structural or any(k.startswith("=") for k in new_map) or db.execute(
        "SELECT 1 FROM anames WHERE key LIKE '=%' LIMIT 1").fetchone() is not None
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
    # 4. re-reconcile them, with the components of the events whose IRIs a clash with
    # theirs decides (minted one IRI before or after: each gets a distinguishing part,
    # or loses it when the clash is gone), until no other event is minted one of theirs
    while True:
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
        merged, claim_event = merge_events(claims, resolve)
        minted = {_first_iri(minter_c, e) for e in merged}
        minted |= _shared_iris(store, [f"event:{e}" for e in old_events])
        partners = _clash_partners(store, minted, {f"event:{e}" for e in old_events})
        more: set[str] = set()
        for chunk in _chunks(sorted(partners)):
            more |= {r[0] for r in db.execute(
                f"SELECT DISTINCT comp FROM claims WHERE claim IN ({_placeholders(len(chunk))})", chunk)}
        if more <= comps:
            break
        comps |= more
    involved = {c.doc_id for c in claims}
    xs = [x for x in (new.get(d) or docs.get(d) for d in sorted(involved)) if x is not None]
    in_scope = set(claim_event)
    agreements = [a for a in merge_agreements(xs, claim_event, resolve)
                  if a.doc_id in new or (a.agreement.reached_at
                                         and f"{a.doc_id}#{a.agreement.reached_at}" in in_scope)]
    dropped = [f"event:{e}" for e in sorted(old_events)]
    places = _drop_units(store, dropped)
    old_agreements = [f"agreement:{a.doc_id}#{a.agreement.key}" for a in agreements]
    old_agreements += [f"agreement:{x.document.id}#{a.key}" for x in old for a in x.agreements]
    places |= _drop_units(store, sorted(set(old_agreements)))
    places |= _drop_units(store, [f"doc:{d}" for d in changed])
    iris = event_iris(merged, minter_c)
    for e in merged:
        places |= _write_unit(store, f"event:{e.id}", event_unit(e, iris, minter_c),
                              base=_first_iri(minter_c, e))
    for a in agreements:
        _write_unit(store, f"agreement:{a.doc_id}#{a.agreement.key}", agreement_unit(a, iris, minter_c))
    for x in new.values():
        _write_unit(store, f"doc:{x.document.id}", _doc_unit(x, resolve, minter_c))
    if db.execute("SELECT 1 FROM units WHERE owner = 'graph'").fetchone() is None:
        _write_unit(store, "graph", graph_unit(minter))
    _fix_places(store, places, _place_names(merged))
    _flush(store)
    if db.execute("SELECT 1 FROM meta WHERE k = 'timeline'").fetchone() is not None:
        reindex_events(store, store.touched)
    store.touched.clear()
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
