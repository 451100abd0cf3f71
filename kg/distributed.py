"""The per-document work of a build on Dask: ``kg build --workers N``.

The documents are split into the partitions of a Dask bag. Each partition runs
the per-document work (language analysis, extraction, the document graphs) in
a worker process that loads the language pipeline once, writes the document
graphs of its partition as one content-addressed N-Quads shard
(``<shards>/<sha256 of the bytes>.nq``) and returns the records. The build then
goes on as the plain one does (:func:`kg.pipeline.build` with this module as its
``extract``): cross-document reconciliation, the store, validation and the
published files need every document and run in the driver. Extraction is per
document, so any partitioning and any number of workers give the same
records, hence a byte-identical ``graph.nq``.

The cluster is a ``dask.distributed`` ``LocalCluster`` of N single-threaded
processes, or the running cluster at ``scheduler`` (a ``tcp://host:port``
address; the workers must have kg installed). Dask is an optional extra
(``pip install 'negotiation-kg[dask]'``); nothing imports it but this module.

With ``push``, each shard is sent to a SPARQL 1.1 Graph Store endpoint as soon
as its partition is done (:func:`kg.rdf.push.push`, one PUT per document
graph), with the push state in ``<shards>/push-state.json``: a re-run sends only
the graphs whose content changed. The ontology and the consolidated graph are
sent after the build, from ``graph.nq``.

>>> partitions(list(range(7)), 3)
[[0, 1, 2], [3, 4], [5, 6]]
>>> shard_name(b"")
'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.nq'
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import UsageError
from kg.records import Document, Extraction

__all__ = ["DaskOptions", "partitions", "shard_name", "extract_partition", "dask_extract",
           "build_on_dask", "shards_dir"]

log = logging.getLogger(__name__)

#: Partitions per worker by default: enough to balance documents of uneven length.
PARTITIONS_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class DaskOptions:
    """How to run the per-document work: ``workers`` local processes, or the cluster at
    ``scheduler``; ``partitions`` (default 4 per worker); where shards go; where to push."""

    workers: int = 2
    scheduler: str | None = None
    partitions: int | None = None
    shards: Path | None = None
    push: str | None = None


def partitions(items: Sequence, n: int) -> list[list]:
    """``items`` in ``n`` contiguous parts of sizes differing by at most one (no empty part)."""
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, start = [], 0
    for k in range(n):
        end = start + size + (1 if k < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def shard_name(data: bytes) -> str:
    """The file name of a shard: the SHA-256 of its bytes, ``.nq``."""
    return hashlib.sha256(data).hexdigest() + ".nq"


def shards_dir(out: str | Path) -> Path:
    """Where a build into ``out`` keeps its shards by default: ``<out>.shards`` beside it
    (not inside: the output folder is replaced whole by each build)."""
    out = Path(out)
    return out.parent / f"{out.name}.shards"


def _write_shard(folder: Path, data: bytes) -> str:
    name = shard_name(data)
    path = folder / name
    if not path.exists():  # same bytes, same name: an unchanged partition is not rewritten
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return name


def extract_partition(docs: list[Document], *, shard_folder: str, base_iri: str) -> list:
    """The work of one partition (runs in a worker): extract each document, write the
    document graphs as one shard, return ``[(shard name, extractions, failures)]`` (a
    one-item partition of the resulting bag).

    One document never sinks its partition: a document whose extraction fails, or
    whose graph cannot be written, is left out of the extractions and the shard and
    named in ``failures`` (:class:`kg.failures.Failure` records, as the plain build
    lists them).

    >>> import tempfile
    >>> from kg.records import Document
    >>> docs = [Document(id="a", source="a.txt", text="Talks.", sha256="0")]
    >>> [(name, xs, failures)] = extract_partition(docs, shard_folder=tempfile.mkdtemp(),
    ...                                            base_iri="https://example.org/kg/")
    >>> [x.document.id for x in xs], failures, len(name)
    (['a'], [], 67)
    """
    from kg.extract import extract_many
    from kg.failures import _failure
    from kg.rdf.iris import IriMinter
    from kg.store import document_graph_nquads

    minter = IriMinter(base_iri)
    failures = []

    def failed(document: Document, exc: Exception) -> None:
        failures.append(_failure(document, exc))

    xs, graphs = [], []
    for x in extract_many(docs, on_error=failed):
        try:
            graphs.append(document_graph_nquads(x, minter))
        except Exception as exc:  # noqa: BLE001 - one document must not stop the others
            failed(x.document, exc)
            continue
        xs.append(x)
    data = b"".join(sorted(set(b"".join(graphs).splitlines(keepends=True))))
    folder = Path(shard_folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [(_write_shard(folder, data), xs, failures)]


def _client(options: DaskOptions):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the installed extras
        raise UsageError("kg build --workers/--scheduler needs Dask: "
                         "pip install 'negotiation-kg[dask]' (dask[distributed])") from None
    if options.scheduler:
        return Client(options.scheduler), None
    if options.workers < 1:
        raise UsageError("--workers must be 1 or more")
    cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _push_shard(path: Path, options: DaskOptions) -> None:
    import pyoxigraph as ox

    from kg.errors import StoreError
    from kg.rdf.push import push

    quads = ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
    report = push(quads, options.push, state_file=path.parent / "push-state.json", resume=True)
    if report.failed:
        raise StoreError(f"{options.push}: {len(report.failed)} graph(s) of shard {path.name} "
                         f"not stored: {report.failed[0][1]}")
    log.info("pushed shard %s: %d graph(s) sent, %d unchanged", path.name, len(report.sent),
             len(report.skipped))


def dask_extract(options: DaskOptions, *, base_iri: str,
                 shards: Path) -> Callable[[Sequence[Document]], Iterator[Extraction]]:
    """An ``extract`` for :func:`kg.pipeline.build` that runs on Dask: yields the
    extractions in input order as their partitions finish, and a
    :class:`kg.failures.Failure` for each document a worker left out (the build
    lists it as it lists its own failures)."""

    def extract(docs: Sequence[Document]) -> Iterator[Extraction]:
        import dask.bag as db
        from dask.distributed import as_completed

        docs = list(docs)
        if not docs:
            return
        shards.mkdir(parents=True, exist_ok=True)
        n_parts = options.partitions or PARTITIONS_PER_WORKER * max(1, options.workers)
        parts = partitions(docs, n_parts)
        bag = db.from_sequence(parts, partition_size=1).map_partitions(
            lambda chunk: extract_partition([d for part in chunk for d in part],
                                            shard_folder=str(shards), base_iri=base_iri))
        client, cluster = _client(options)
        try:
            futures = client.compute(bag.to_delayed())
            index = {f.key: k for k, f in enumerate(futures)}
            done: dict[int, list[Extraction]] = {}
            next_k = 0
            for future in as_completed(futures):
                [(name, xs, failures)] = future.result()
                k = index[future.key]
                log.info("partition %d/%d: %d document(s), shard %s", k + 1, len(futures),
                         len(xs), name)
                if options.push:
                    _push_shard(shards / name, options)
                done[k] = [*failures, *xs]
                future.release()
                while next_k in done:
                    yield from done.pop(next_k)
                    next_k += 1
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return extract


def build_on_dask(paths, *, options: DaskOptions, out: str | Path = "out", **kwargs):
    """:func:`kg.pipeline.build` with the per-document work on Dask (see the module);
    then, with ``options.push``, the ontology and the consolidated graph are pushed."""
    from kg.pipeline import build
    from kg.rdf.iris import IriMinter
    from kg.rdf.namespaces import DEFAULT_BASE_IRI

    base = IriMinter(kwargs.get("base_iri") or DEFAULT_BASE_IRI).base
    shards = Path(options.shards) if options.shards else shards_dir(out)
    result = build(paths, out=out, extract=dask_extract(options, base_iri=base, shards=shards),
                   **kwargs)
    if options.push:
        from kg.errors import StoreError
        from kg.rdf.io import read_quads
        from kg.rdf.push import push

        report = push(read_quads(Path(out) / "graph.nq"), options.push,
                      state_file=shards / "push-state.json", resume=True)
        if report.failed or report.not_sent:
            raise StoreError(f"{options.push}: {len(report.failed)} graph(s) not stored"
                             + (f": {report.failed[0][1]}" if report.failed else ""))
    return result
