"""Records for tests that build graphs from hand-made claims (no text analysed): a
one-day time value, a bare document, the shapes report of some quads, and the check
that a store updated in steps holds what a full build of the same claims gives.

>>> from datetime import date
>>> day(date(2025, 6, 2)).earliest
datetime.date(2025, 6, 2)
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from kg.records import Document, TimeValue


def day(d: date) -> TimeValue:
    """The time value of one day."""
    return TimeValue(d.isoformat(), d.isoformat(), d, d, "day")


def document(doc_id: str, published: date | None) -> Document:
    """A document whose text names only its id."""
    return Document(id=doc_id, source=f"{doc_id}.txt", text=f"Talks {doc_id}.", sha256=doc_id,
                    published=published)


def validate_quads(quads):
    """The SHACL report (:func:`kg.rdf.validate.validate`) of a store holding ``quads``."""
    from kg.rdf.validate import validate

    store = ox.Store()
    store.extend(quads)
    return validate(store)


def current_triples(store) -> set:
    """The triples of the store's consolidated graph as it is."""
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, store.current)}


def expected_triples(xs, store) -> set:
    """The triples a full reconciliation of the extractions ``xs`` gives, minted by the
    store's minter."""
    from kg.rdf.build_view import view_quads
    from kg.reconcile import reconcile

    mem = ox.Store()
    mem.extend(view_quads(reconcile(list(xs)), store.minter))
    return {ox.Triple(q.subject, q.predicate, q.object) for q in mem}


def update_in_steps(store, xs, rng) -> list:
    """Add the extractions ``xs`` in a random order, one to three at a time, then remove
    a third of them; after each step the store equals a full build of what it holds.
    Gives the extractions kept."""
    from kg.store import add_documents, remove_document

    order = rng.sample(xs, len(xs))
    i = 0
    while i < len(order):
        n = rng.randint(1, 3)
        add_documents(store, order[i:i + n])
        i += n
        assert current_triples(store) == expected_triples(order[:i], store)
    gone = set(rng.sample([x.document.id for x in xs], len(xs) // 3))
    for doc_id in sorted(gone):
        remove_document(store, doc_id)
    kept = [x for x in xs if x.document.id not in gone]
    assert current_triples(store) == expected_triples(kept, store)
    return kept
