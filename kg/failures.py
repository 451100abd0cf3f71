"""Documents a build leaves out, and why: the :class:`Failure` record the manifest and
the summary list, the check that a document's own graph can be written, and the search
for the documents whose claims make a graph violate the shapes.

One document never sinks the rest: :mod:`kg.pipeline` calls these to isolate, name and
count a failing document and publish the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from kg.errors import DocumentsFailed, KgError, ShapeViolation
from kg.rdf.iris import IriMinter
from kg.records import Document, Extraction

__all__ = ["Failure"]


def _display_path(source: str) -> str:
    """A path as the manifest shows it: relative to the working folder when inside it."""
    path = Path(source)
    try:
        if path.is_absolute():
            path = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return path.as_posix()


@dataclass(frozen=True, slots=True)
class Failure:
    """A document the build left out: its id and source, and why.

    ``kind`` is ``"error"`` (an internal failure while extracting or publishing
    it: an exception, a record the graph builder refuses) or ``"shapes"`` (its
    claims make the graph violate the shapes).

    >>> f = Failure("d1", "a.txt", "error", "events not extracted (ValueError: boom)")
    >>> f.line()
    'a.txt [d1]: events not extracted (ValueError: boom)'
    """

    id: str
    source: str
    kind: str
    error: str

    def line(self) -> str:
        """One line naming the document and the error."""
        error = " ".join(self.error.split())
        source = _display_path(self.source)
        if error.startswith(f"{self.source}: "):
            error = error[len(self.source) + 2:]
        return f"{source} [{self.id}]: {error}"

    def as_dict(self) -> dict:
        return {"id": self.id, "source": _display_path(self.source), "kind": self.kind,
                "error": " ".join(self.error.split())}


class _Violation(ShapeViolation):
    """A shape violation with its report and the validated store (to find whose claims)."""

    def __init__(self, report, store) -> None:
        super().__init__(report.summary, report.text)
        self.results = report.results
        self.store = store


def _failure(document: Document, exc: BaseException) -> Failure:
    kind = "shapes" if isinstance(exc, ShapeViolation) else "error"
    text = str(exc) if isinstance(exc, KgError) else f"{exc.__class__.__name__}: {exc}"
    return Failure(document.id, document.source, kind, " ".join(text.split()))


def _failed(failures: Sequence[Failure], why: str) -> DocumentsFailed:
    n = len(failures)
    first = failures[0].line() if failures else ""
    return DocumentsFailed(f"{n} document{'s' if n != 1 else ''} failed and {why}: nothing "
                           f"published; first: {first}", tuple(failures))


def _graph_ok(x: Extraction, minter: IriMinter, on_error) -> bool:
    """Can the document's own graph be written? (A record the RDF stage refuses,
    such as evidence that does not match the text, fails this document only.)
    Each line is made and encoded as the store will write it, one at a time: the
    graph's whole text is not needed to know (a 5 MB article's is 380 MB)."""
    from kg.rdf.build import extraction_quads

    try:
        for q in extraction_quads(x, minter):
            q.line().encode("utf-8")
    except Exception as exc:  # noqa: BLE001 - one document must not stop the others
        import os

        if os.environ.get("KG_DEBUG"):
            raise
        on_error(x.document, exc)
        return False
    return True


def _blame(exc: _Violation, xs: Sequence[Extraction], minter: IriMinter) -> list[Failure]:
    """The documents whose claims make the graph violate the shapes: the owner of a
    document graph that does not conform; for a node of the consolidated graph,
    the latest published of the documents it is derived from (its claim came last)."""
    by_graph = {str(minter.doc_graph(x.document.id)): x.document for x in xs}
    by_node = {str(minter.document(x.document.id)): x.document for x in xs}
    current = str(minter.current_graph)
    blamed: dict[str, tuple[Document, list[str]]] = {}

    def blame(doc: Document, result) -> None:
        what = f"{_short(result.focus, minter)}: {result.message}"
        blamed.setdefault(doc.id, (doc, []))[1].append(what)

    for result in exc.results:
        graph = result.graph.strip("<>")
        focus = result.focus.strip("<>")
        if graph in by_graph:
            blame(by_graph[graph], result)
        elif graph == current:
            sources = _sources(exc.store, focus, current)
            docs = [by_node[s] for s in sources if s in by_node]
            if docs:
                blame(max(docs, key=lambda d: (d.published or Date.min, d.id)), result)
    out = []
    for doc, problems in blamed.values():
        extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        out.append(Failure(doc.id, doc.source, "shapes",
                           f"its claims violate the shapes: {problems[0]}{extra}"))
    return out


def _short(iri: str, minter: IriMinter) -> str:
    return iri.removeprefix(minter.base)


def _sources(store, focus: str, graph: str) -> list[str]:
    """The documents the node ``focus`` (or the event it belongs to, for its time
    nodes) of ``graph`` is derived from."""
    if not focus or focus.startswith("_:") or any(c in focus for c in '<>" {}|\\^`'):
        return []
    rows = store.query(
        "SELECT DISTINCT ?s ?d WHERE { GRAPH <%s> { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?d } "
        "FILTER (?s = <%s> || STRSTARTS(\"%s\", CONCAT(STR(?s), \"/\"))) }"
        % (graph, focus, focus.replace("\\", "\\\\").replace('"', '\\"')))
    return sorted({row["d"].value for row in rows})


def _leave_out(store, xs: Sequence[Extraction], exc: _Violation, minter: IriMinter,
               failures: list[Failure], progress=None) -> list[Extraction]:
    """After the graph of ``xs`` in ``store`` (a :class:`kg.store.KgStore`) failed the
    shapes: add the documents to blame to ``failures`` and take them out of the store
    as it is (their graphs and claims out, the events and actors they touched
    re-reconciled: what storing the others alone gives, at the cost of what the
    blamed documents touch). Returns the documents kept. Raises the violation itself,
    with its report, when there is no one to blame or nothing would be left."""
    from kg.store import sync_documents

    blamed = _blame(exc, xs, minter)
    if not blamed or len(blamed) == len(xs):
        raise ShapeViolation(str(exc), exc.report) from None
    failures.extend(blamed)
    gone = {f.id for f in blamed}
    if progress is not None:
        progress(0, 0, f"leaving out {len(gone)} document{'s' if len(gone) != 1 else ''} "
                       "whose claims violate the shapes")
    kept = [x for x in xs if x.document.id not in gone]
    sync_documents(store, kept)
    return kept
