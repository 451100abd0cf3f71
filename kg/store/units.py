"""The units of the consolidated graph: the quads each merged event, actor, agreement,
place and document wrote, kept in the sidecar so they can be taken out exactly."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from kg.records import Extraction
from kg.reconcile import MergedEvent
from kg.rdf.build_view import document_unit, place_unit
from kg.store.core import _HAS_PLACE, KgStore


def _nq(quads: Sequence[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) if quads else b""


def _nq_parts(quads: Sequence[ox.Quad], n: int = 50_000) -> Iterator[bytes]:
    """:func:`_nq` in parts of ``n`` quads (a large unit's text is never made whole)."""
    for i in range(0, len(quads), n):
        yield _nq(quads[i:i + n])


def _drop_units(store: KgStore, owners: Iterable[str]) -> set[str]:
    """Remove the quads the given units wrote; returns the places they used."""
    places = set()
    db = store.db
    for owner in owners:
        row = db.execute("SELECT nq FROM units WHERE owner = ?", (owner,)).fetchone()
        if row is None:
            continue
        if row[0]:
            for q in ox.parse(store.unpack(row[0]), format=ox.RdfFormat.N_QUADS):
                if q.predicate == _HAS_PLACE:
                    places.add(q.object.value)
                store.pending_remove.append(q)
        db.execute("DELETE FROM units WHERE owner = ?", (owner,))
        db.execute("DELETE FROM event_iri WHERE owner = ?", (owner,))
    return places


def _shared_iris(store: KgStore, owners: Sequence[str]) -> set[str]:
    """The IRIs the given event units were minted before any clash was told apart
    (:func:`_write_unit`): where other events minted the same may be."""
    out = set()
    for chunk in _chunks(list(owners)):
        out |= {r[0] for r in store.db.execute(
            f"SELECT iri FROM event_iri WHERE owner IN ({_placeholders(len(chunk))})", chunk)}
    return out


def _clash_partners(store: KgStore, iris: set[str], owners: set[str]) -> set[str]:
    """The ids of the stored events, other than the event units ``owners``, first minted
    one of ``iris``: the events whose IRIs a clash with the events minted ``iris``
    decides (:meth:`kg.rdf.iris.IriMinter.merged_event_iris`)."""
    out = set()
    for chunk in _chunks(sorted(iris)):
        out |= {r[0] for r in store.db.execute(
            f"SELECT owner FROM event_iri WHERE iri IN ({_placeholders(len(chunk))})", chunk)}
    return {o.removeprefix("event:") for o in out - owners}


def _flush(store: KgStore) -> None:
    """Apply the pending removals (one SPARQL update) and additions (one transaction)."""
    store.touched.update(q.subject.value for q in (*store.pending_remove, *store.pending_add)
                         if isinstance(q.subject, ox.NamedNode))
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


def _write_unit(store: KgStore, owner: str, quads: list[ox.Quad], *, bulk: bool = False,
                base: str | None = None) -> set[str]:
    """Keep a unit and add its quads; an event's unit is filed under ``base``, the IRI
    :meth:`kg.rdf.iris.IriMinter.event` mints it before a clash is told apart (the
    IRI of its node in stores written before clashes were told apart)."""
    store.db.execute("INSERT OR REPLACE INTO units VALUES (?, ?)", (owner, store.pack_parts(_nq_parts(quads))))
    if owner.startswith("event:") and quads:
        store.db.execute("INSERT OR REPLACE INTO event_iri VALUES (?, ?)",
                         (owner, base or quads[0].subject.value))
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


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence, n: int = 500) -> Iterator[Sequence]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _first_iri(minter, e: MergedEvent) -> str:
    """The IRI an event is minted before a clash is told apart (see :func:`_write_unit`)."""
    return str(minter.event(e.as_event(), e.first_doc))
