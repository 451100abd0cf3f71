"""The build with its per-document work on Dask (kg.distributed) against the plain build.

Both run over the development corpus (the seed and tests/corpus) with the trained
pipeline; the Dask builds run on real local clusters of worker processes.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from kg.resources import PROJECT_DIR

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")

pytestmark = pytest.mark.slow

CORPUS = [PROJECT_DIR / "seeds", PROJECT_DIR / "tests" / "corpus"]


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    """graph.nq of the plain (single-process) build."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("plain") / "out"
    build(CORPUS, out=out)
    return out / "graph.nq"


@pytest.fixture(scope="module")
def cluster():
    """A running dask.distributed cluster of two worker processes, reached by its address
    (as --scheduler reaches a cluster a user runs)."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as c:
        yield c


def test_dask_build_on_two_local_workers_is_byte_identical_to_the_plain_build(plain, tmp_path):
    from kg.distributed import DaskOptions, build_on_dask

    out = tmp_path / "out"
    result = build_on_dask(CORPUS, options=DaskOptions(workers=2), out=out)
    assert result.stats.documents == 7
    data = (out / "graph.nq").read_bytes()
    assert data == plain.read_bytes()
    # each shard is named by the SHA-256 of its bytes, and together they hold exactly the
    # document graphs of graph.nq
    shards = sorted((tmp_path / "out.shards").glob("*.nq"))
    assert len(shards) == 7  # 4 partitions per worker, at most one per document
    lines = set()
    for shard in shards:
        assert shard.name == hashlib.sha256(shard.read_bytes()).hexdigest() + ".nq"
        lines |= set(shard.read_bytes().splitlines())
    doc_lines = {line for line in data.splitlines() if b"/graph/doc/" in line.rsplit(b"<", 1)[-1]}
    assert doc_lines and lines == doc_lines


@pytest.mark.parametrize("partitions", [1, 3, 7])
def test_any_partitioning_gives_the_same_graph(plain, cluster, tmp_path, partitions):
    from kg.cli import main

    out = tmp_path / "out"
    code = main(["build", *map(str, CORPUS), "--out", str(out), "--scheduler",
                 cluster.scheduler_address, "--partitions", str(partitions), "-q"])
    assert code == 0
    assert (out / "graph.nq").read_bytes() == plain.read_bytes()
    assert len(list((tmp_path / "out.shards").glob("*.nq"))) == partitions


def test_the_plain_build_imports_no_dask():
    code = ("import sys, kg.cli, kg.pipeline\n"
            "kg.cli.build_parser()\n"
            "assert not [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_DIR)


def test_partitions_cover_the_input_in_order():
    from kg.distributed import partitions

    items = list(range(10))
    for n in (1, 3, 4, 10, 25):
        parts = partitions(items, n)
        assert [i for p in parts for i in p] == items
        assert len(parts) == min(n, len(items)) and all(parts)
        assert max(map(len, parts)) - min(map(len, parts)) <= 1


@pytest.mark.server
def test_push_during_the_build_fills_a_graph_store_and_a_rerun_sends_nothing(plain, cluster, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent))
    import servers

    from kg.cli import main

    server = servers.start_oxigraph(tmp_path / "oxigraph")
    args = ["build", *map(str, CORPUS), "--out", str(tmp_path / "out"), "--scheduler",
            cluster.scheduler_address, "--partitions", "3", "--push", server.store_url, "-q"]
    try:
        assert main(args) == 0
        graphs = {line.rsplit(b" ", 2)[-2] for line in plain.read_bytes().splitlines()}
        assert server.count() == len(plain.read_bytes().splitlines())
        listed = server.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert len(listed["results"]["bindings"]) == len(graphs)
    finally:
        server.stop()
    # the store is gone: a re-run of the same build has nothing to send, so it succeeds
    assert main(args) == 0
    assert (tmp_path / "out" / "graph.nq").read_bytes() == plain.read_bytes()


@pytest.mark.parametrize("option", ["--workers", "--partitions"])
def test_a_worker_or_partition_count_below_one_is_a_usage_error(option, tmp_path):
    from kg.cli import main

    assert main(["build", str(PROJECT_DIR / "seeds"), "--out", str(tmp_path / "o"), option, "0",
                 "-q"]) == 2
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("strict", [False, True])
def test_a_document_that_fails_in_a_worker_is_left_out_and_named(tmp_path, monkeypatch, strict):
    """One document never sinks the rest on Dask either: the worker reports it, the build
    publishes the others and names it (``--strict``: nothing is published). The cluster
    runs its worker in this process (threads) so that the failing step can be injected."""
    import json

    from dask.distributed import LocalCluster

    import kg.extract
    from kg.distributed import DaskOptions, build_on_dask
    from kg.errors import DocumentsFailed, ExtractionError

    real = kg.extract.extract_document

    def faulty(document, sdoc):
        if "quarrel" in document.text:
            raise ExtractionError(f"{document.source}: events not extracted (an injected fault)")
        return real(document, sdoc)

    monkeypatch.setattr(kg.extract, "extract_document", faulty)
    src = tmp_path / "in"
    src.mkdir()
    (src / "calm.txt").write_text(" date 2024-03-02\nThe envoys met in Lisbon on Friday.\n")
    (src / "odd.txt").write_text(" date 2024-03-02\nA quarrel over the agenda delayed talks.\n")
    out = tmp_path / "out"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        options = DaskOptions(scheduler=cluster.scheduler_address, partitions=2)
        if strict:
            with pytest.raises(DocumentsFailed, match="injected fault"):
                build_on_dask([src], options=options, out=out, strict=True)
            assert not out.exists()
            return
        result = build_on_dask([src], options=options, out=out)
    assert [(f.id, f.kind) for f in result.failed] == [("odd", "error")]
    assert "injected fault" in result.failed[0].error
    manifest = json.loads((out / "manifest.json").read_text())
    assert [f["id"] for f in manifest["failed"]] == ["odd"]
    graph = (out / "graph.nq").read_text()
    assert "/doc/calm" in graph and "/doc/odd" not in graph
