"""The timeline index: the sort keys of the bundled timeline, kept beside the claims.

``timeline_page.rq`` orders the events of the consolidated graph by whether they are
dated, their first known day, begin, end, class, a short hash of the IRI and the IRI
(its header says so). A SPARQL engine has no index in that order: to cut even the
first page it reads and sorts every event (5 to 7 s over 10M quads). The store keeps
those keys in a table of its sidecar, ``timeline``: one row per event, class, begin
and end as the query reads them from the graph (an event with two begins, two rows,
as the query has), indexed in the query's order. A page is then a walk of that
index, and ``kg query timeline --limit`` looks up only the page's events in the
graph (:func:`indexed_page`), with the same rows in the same order as the query.

The table is written from the graph, not from the records: after a full rebuild
from every event of the consolidated graph (:func:`index_timeline`), after an
incremental update from the events whose quads it added or removed
(:func:`reindex_events`). The mark ``timeline`` in ``meta`` says that the table is
complete; a store built before the table existed has no mark, and pages are then
answered by the query alone until its next full rebuild (or :func:`index_timeline`).

>>> import tempfile
>>> from datetime import date
>>> from kg.records import Document, Event, Extraction, TimeValue
>>> from kg.store import add_documents, open_store
>>> d = TimeValue("June 2", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
>>> x = Extraction(Document(id="d1", source="d1", text="", sha256="1", published=date(2025, 6, 3)),
...                events=(Event("e1", "Meeting", "talks", "Occurred", time=d, actors=("X",)),))
>>> with tempfile.TemporaryDirectory() as out, open_store(out) as store:
...     _ = add_documents(store, [x])
...     [(r[1], r[2], r[3]) for r in page_rows(store.db, limit=10)]
[('Meeting', '2025-06-02', '2025-06-02')]
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

from kg.records import EVENT_CLASSES
from kg.rdf.namespaces import NKG, RDF, SEM

__all__ = ["SCHEMA", "index_timeline", "reindex_events", "page_rows", "indexed_page"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS timeline (event TEXT NOT NULL, type TEXT NOT NULL, b TEXT, e TEXT,
                                     undated INTEGER NOT NULL, key TEXT NOT NULL, last TEXT,
                                     span INTEGER NOT NULL, tie TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS timeline_order ON timeline (undated, key, b, e, type, tie, event);
CREATE INDEX IF NOT EXISTS timeline_event ON timeline (event);
CREATE INDEX IF NOT EXISTS timeline_span ON timeline (span);
"""

_TYPE = ox.NamedNode(str(RDF.type))
_BEGIN = ox.NamedNode(str(SEM.hasEarliestBeginTimeStamp))
_END = ox.NamedNode(str(SEM.hasLatestEndTimeStamp))
_CLASSES = {str(NKG[k]): k for k in EVENT_CLASSES}
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: What ``COALESCE(?b, ?e, "9999-12-31"^^xsd:date)`` gives an undated event.
_NO_DAY = "9999-12-31"


class _NotIndexable(Exception):
    """A begin or end the table cannot order as the query does (not a plain xsd:date)."""


def _day(term) -> str:
    if not isinstance(term, ox.Literal) or term.datatype.value != _XSD_DATE or not _ISO.match(term.value):
        raise _NotIndexable(str(term))
    return term.value


def _rows(event: str, classes: Iterable[str], begins: Iterable[str | None],
          ends: Iterable[str | None]) -> list[tuple]:
    """The rows of one event: each of its classes, begins and ends (none: one unbound)."""
    tie = hashlib.md5(event.encode("utf-8")).hexdigest()[:12]
    out = []
    for kind in sorted(classes):
        for b in sorted(begins) or [None]:
            for e in sorted(ends) or [None]:
                undated = int(b is None and e is None)
                span = (date.fromisoformat(e) - date.fromisoformat(b)).days if b and e else 0
                out.append((event, kind, b, e, undated, b or e or _NO_DAY, e or b, max(span, 0), tie))
    return out


def _mark(db: sqlite3.Connection, complete: bool) -> None:
    if complete:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('timeline', '1')")
    else:
        db.execute("DELETE FROM meta WHERE k = 'timeline'")


def index_timeline(store) -> bool:
    """Write the whole table from the consolidated graph of ``store`` (a
    :class:`~kg.store.KgStore`); returns whether it could be (every begin and end a
    plain ``xsd:date``), and marks it complete if so."""
    graph, db = store.current, store.db
    db.execute("DELETE FROM timeline")
    classes: dict[str, set[str]] = {}
    for iri, kind in _CLASSES.items():
        for q in store.oxigraph.quads_for_pattern(None, _TYPE, ox.NamedNode(iri), graph):
            if isinstance(q.subject, ox.NamedNode):
                classes.setdefault(q.subject.value, set()).add(kind)
    bounds: dict[str, tuple[set, set]] = {}
    try:
        for n, prop in enumerate((_BEGIN, _END)):
            for q in store.oxigraph.quads_for_pattern(None, prop, None, graph):
                if q.subject.value in classes:
                    bounds.setdefault(q.subject.value, (set(), set()))[n].add(_day(q.object))
    except _NotIndexable:
        _mark(db, False)
        return False
    empty = (set(), set())
    db.executemany("INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (row for event in sorted(classes)
                    for row in _rows(event, classes[event], *bounds.get(event, empty))))
    _mark(db, True)
    return True


def reindex_events(store, iris: Iterable[str]) -> None:
    """Rewrite the rows of the events ``iris`` from the consolidated graph (after an
    update added or removed quads about them; an IRI that is no event has none)."""
    graph, db = store.current, store.db
    try:
        for iri in sorted(set(iris)):
            db.execute("DELETE FROM timeline WHERE event = ?", (iri,))
            node = ox.NamedNode(iri)
            kinds = {_CLASSES[q.object.value] for q in store.oxigraph.quads_for_pattern(node, _TYPE, None, graph)
                     if q.object.value in _CLASSES}
            if not kinds:
                continue
            begins = {_day(q.object) for q in store.oxigraph.quads_for_pattern(node, _BEGIN, None, graph)}
            ends = {_day(q.object) for q in store.oxigraph.quads_for_pattern(node, _END, None, graph)}
            db.executemany("INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           _rows(iri, kinds, begins, ends))
    except _NotIndexable:
        _mark(db, False)


def page_rows(db: sqlite3.Connection, *, limit: int | None = None, offset: int | None = None,
              since: date | None = None, until: date | None = None) -> list[tuple] | None:
    """The rows ``(event, type, begin, end, undated, key, tie)`` of a page of the
    timeline, in its order, from the table (``None`` when the table is not complete).
    ``since``/``until`` keep the events of a window, as ``timeline_page.rq`` does."""
    if db.execute("SELECT 1 FROM meta WHERE k = 'timeline'").fetchone() is None:
        return None
    where, args = [], []
    if since is not None or until is not None:
        where.append("undated = 0")
    if since is not None:
        # an event ends (or, without an end, begins) on or after ``since``: it begins at
        # most the longest span of the table before it, a bound the index can use
        longest = db.execute("SELECT MAX(span) FROM timeline").fetchone()[0] or 0
        where += ["key >= ?", "last >= ?"]
        args += [(since - timedelta(days=longest)).isoformat(), since.isoformat()]
    if until is not None:
        where.append("key <= ?")
        args.append(until.isoformat())
    sql = "SELECT event, type, b, e, undated, key, tie FROM timeline"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY undated, key, b, e, type, tie, event LIMIT ? OFFSET ?"
    args += [-1 if limit is None else limit, offset or 0]
    return db.execute(sql, args).fetchall()


def indexed_page(out_dir: Path | str, query, *, limit: int | None = None, offset: int | None = None,
                 since: date | None = None, until: date | None = None):
    """``query`` (the bundled ``timeline_page.rq``, as resolved) for a page, with its
    events read from the timeline index of the store in ``out_dir``: a
    :class:`~kg.rdf.query.Query` that looks up only those events, or ``None`` when
    the query has no part marked for it or the store no complete index (then run the
    query as :func:`kg.rdf.query.page` writes it). Read-only; answer from the store
    only when it is in step with the folder's files (:func:`kg.store.published_store`).
    """
    from kg.rdf.query import page_events

    if page_events(query, []) is None:
        return None
    path = Path(out_dir) / "store" / "claims.sqlite"
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = page_rows(db, limit=limit, offset=offset, since=since, until=until)
        finally:
            db.close()
    except sqlite3.Error:  # no table (an older store), or being replaced: ask the query
        return None
    return None if rows is None else page_events(query, rows)
