"""The build in memory: the graph of some documents as a store and sorted N-Quads,
without a build folder (:func:`kg.api.build` with no ``out``).

It extracts and isolates failing documents as :func:`kg.pipeline.build` does, and its
N-Quads are byte-identical to the ``graph.nq`` that build publishes for the same inputs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path

from kg.errors import UsageError
from kg.extract.stream import extract_stream
from kg.failures import Failure, _failed, _failure, _graph_ok
from kg.pipeline import Progress, _load
from kg.rdf.build import nquad, to_store
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI
from kg.records import Document

__all__ = ["build_memory"]

log = logging.getLogger(__name__)


def build_memory(
    paths: Sequence[str | Path],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    date: Date | None = None,
    keep_going: bool = False,
    exclude: Sequence[str] | None = None,
    nlp=None,
    validate: bool = True,
    progress: Progress | None = None,
):
    """Build the graph of the documents at ``paths`` in memory, writing nothing.

    Returns ``(store, nquads, extractions, minter, failed)``: a pyoxigraph Store of
    every named graph, the sorted N-Quads (byte-identical to the ``graph.nq`` that
    :func:`build` publishes for the same inputs), the documents' records, the IRI
    minter and the documents left out (:class:`Failure`). Documents are extracted as
    :func:`build` extracts them (:func:`extract_stream`: long bodies by sections), and
    one that fails is left out and listed, as there. Raises as :func:`build` does.
    """
    from kg.rdf.build import ontology_quads
    from kg.rdf.build_view import view_quads
    from kg.rdf.io import sorted_nquads
    from kg.reconcile import reconcile
    from kg.store import document_graph_quads

    minter = IriMinter(base_iri)
    warnings: list[str] = []
    docs = _load(paths, date=date, keep_going=keep_going, warnings=warnings, exclude=exclude)
    if not docs:
        shown = " ".join(str(p) for p in paths)
        raise UsageError(f"{shown}: no documents to build (.txt, .md and .jsonl files are read)")
    failures: list[Failure] = []

    def on_error(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))
        log.info("%s: failed: %s", document.id, exc)

    xs = []
    for x in extract_stream(docs, nlp=nlp, progress=progress, on_error=on_error):
        xs.append(x)
        if progress is not None:
            progress(len(xs) + len(failures), len(docs))
    xs = [x for x in xs if _graph_ok(x, minter, on_error)]
    if not xs:
        raise _failed(failures, "no document left to publish")
    quads = set(ontology_quads(minter))
    for x in xs:
        quads.update(nquad(q) for q in document_graph_quads(x, minter))
    quads.update(nquad(q) for q in view_quads(reconcile(xs), minter))
    nquads = sorted_nquads(list(quads))
    store = to_store(nquads)
    if validate:
        from kg.rdf.validate import check

        check(store)
    return store, nquads, xs, minter, tuple(failures)
