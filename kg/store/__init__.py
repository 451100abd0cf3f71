"""The persistent store: documents' graphs and the consolidated graph, updated incrementally.

``<out>/store/`` holds an embedded Oxigraph store (``oxigraph/``, RocksDB on
disk; chosen with numbers in ``docs/decisions/20261126-store.md``) and a
sidecar SQLite file (``claims.sqlite``) with what incremental updates need:
each document's records and content hash, the blocking keys of its events, the
merged event and component of each claim, the actor name map, and the quads
each unit of the consolidated graph wrote (so they can be taken out exactly);
the N-Quads of the documents' graphs and of the units are kept compressed
(format 2, :data:`FORMAT`; a store of format 1 is read as it is and
compressed by the next change).

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
* :func:`indexed_page` answers a page of the bundled timeline from the sort keys
  the store keeps for it (:mod:`kg.store.timeline`), without sorting every event.
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

from kg.store.core import (FORMAT, FULL_THRESHOLD, LOCK_TIMEOUT, AddResult, KgStore, as_of_store, copy_store,
                           document_graph_nquads, document_graph_quads, export_nquads, locked,
                           mark_published, open_store, published_store, store_state, stored_hashes,
                           view_store)
from kg.store.timeline import index_timeline, indexed_page
from kg.store.update import add_documents, rebuild_current, remove_document, repair, sync_documents

__all__ = ["store_state", "copy_store", "KgStore", "AddResult", "open_store", "locked", "LOCK_TIMEOUT", "stored_hashes",
           "repair", "mark_published", "published_store", "add_documents",
           "sync_documents", "remove_document", "rebuild_current", "as_of_store", "view_store", "document_graph_quads",
           "document_graph_nquads", "export_nquads", "FORMAT", "FULL_THRESHOLD", "index_timeline", "indexed_page"]
