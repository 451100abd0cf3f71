"""Extraction: documents -> records (actors, time, events, agreements).

``extract_many`` is the stage's entry point used by the build. It yields one
:class:`~kg.records.Extraction` per document, in input order.

>>> from kg.records import Document
>>> doc = Document(id="d", source="d.txt", text="Hello.", sha256="0")
>>> [x.document.id for x in extract_many([doc], nlp=False)]
['d']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.records import Document, Extraction

__all__ = ["extract_many"]


def extract_many(
    docs: Iterable[Document], *, nlp=None, n_process: int = 1
) -> Iterator[Extraction]:
    """Extract records from each document (document-level facts only for now).

    ``nlp`` is a loaded spaCy pipeline, ``None`` to load the default one, or
    ``False`` to skip language analysis (document facts only).
    """
    for doc in docs:
        yield Extraction(document=doc)
