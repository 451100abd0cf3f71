"""Records for tests that build graphs from hand-made claims (no text analysed): a
one-day time value, a bare document, and the shapes report of some quads.

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
