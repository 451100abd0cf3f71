"""The command line, run as users run it: ``python -m kg ...`` in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.cli import build_parser
from kg.errors import RenderError, ShapeViolation
from kg.records import Event
from kg.rdf.io import load_graph
from kg.rdf.query import select

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def kg(*args, cwd=ROOT, input=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, input=input, timeout=600)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """``kg build seeds`` into a folder that already has a README of its own."""
    out = tmp_path_factory.mktemp("build") / "out"
    out.mkdir()
    (out / "README.md").write_text("notes of the user\n")
    r = kg("build", "seeds", "--out", out)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    return out


def documents_only(docs):
    """Extraction without the language pipeline, for tests of the build's plumbing."""
    from kg.extract import extract_many

    return extract_many(docs, nlp=False)


def test_build_writes_every_output_and_keeps_files_it_did_not_write(built):
    names = {p.name for p in built.iterdir()}
    graph_files = {"graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"}
    views = {"timeline.html", "actors.html", "timeline.json", "graph.graphml", "analysis.json"}
    assert names == graph_files | views | {"manifest.json", "README.md", "store"}
    assert (built / "README.md").read_text() == "notes of the user\n"
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 1
    assert manifest["inputs"] == [{
        "path": "seeds/000_5ff86238f25741d4.txt", "documents": 1,
        "sha256": __import__("hashlib").sha256((SEEDS / "000_5ff86238f25741d4.txt").read_bytes()).hexdigest(),
    }]
    assert set(manifest["outputs"]) == graph_files | views
    assert manifest["base_iri"] == "https://w3id.org/negotiation-kg/id/"
    for name, entry in manifest["outputs"].items():
        assert entry["bytes"] == (built / name).stat().st_size


def test_two_builds_are_byte_identical(built, tmp_path):
    """``kg build seeds --out A && kg build seeds --out B && cmp``, with another hash seed."""
    other = tmp_path / "B"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    r = subprocess.run([sys.executable, "-m", "kg", "build", "seeds", "--out", str(other)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    a, b = snapshot(built), snapshot(other)
    a.pop("README.md")
    # the published files; the persistent store (out/store) is a database, not an export
    a = {k: v for k, v in a.items() if not k.startswith("store/")}
    b = {k: v for k, v in b.items() if not k.startswith("store/")}
    assert a == b


def test_a_build_off_a_terminal_or_quiet_prints_nothing(tmp_path):
    """Without a terminal (as here) a build is silent; --quiet too."""
    r = kg("build", "seeds", "--out", tmp_path / "o", "--quiet")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_verbose_logs_each_document_and_base_iri_changes_the_iris(tmp_path):
    r = kg("build", "seeds", "--out", tmp_path / "o", "--base-iri", "https://example.org/talks/", "-v")
    assert r.returncode == 0, r.stderr
    assert "000_5ff86238f25741d4 (seeds/000_5ff86238f25741d4.txt):" in r.stderr
    nq = (tmp_path / "o" / "graph.nq").read_text()
    assert "<https://example.org/talks/graph/current>" in nq
    assert "w3id.org/negotiation-kg/id/" not in nq


BAD_INPUTS = {
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "latin1.txt": " date 2025-07-20\nTalks in Gen\xe8ve\n(WIRE) D\xe9l\xe9gations met.\n".encode("latin-1"),
    "feed.jsonl": b"[1,2]\n",
    "bad-date.txt": b" date 2025-13-45\nTalks resume\n(WIRE) Delegations met again.\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_naming_the_file_and_keeps_the_output(built, tmp_path, name):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = snapshot(out)
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(BAD_INPUTS[name])
    r = kg("build", SEEDS, bad, "--out", out)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), r.stderr
    assert name in lines[0]
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no temporary folder left


def test_keep_going_skips_bad_files_with_a_warning(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    r = kg("build", SEEDS, bad, "--out", tmp_path / "o", "--keep-going")
    assert r.returncode == 0, r.stderr
    manifest = json.loads((tmp_path / "o" / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 1
    assert any("empty.txt" in w for w in manifest["warnings"])


@pytest.mark.parametrize("args, message", [
    (["build"], "the following arguments are required: PATH"),
    (["build", "seeds", "--date", "2025-13-45"], "not a date YYYY-MM-DD"),
    (["build", "seeds", "--base-iri", "not an iri"], "not an absolute IRI"),
    (["build", "no/such/folder"], "no/such/folder"),
    (["query"], "give a QUERY"),
    (["query", "timeline", "--format", "xml"], "invalid choice: 'xml'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["validate", "no-such.trig"], "no-such.trig"),
])
def test_usage_and_input_errors_exit_2_with_one_line(tmp_path, args, message):
    r = kg(*args, "--out", tmp_path / "o") if args[:1] == ["build"] and len(args) > 1 else kg(*args)
    assert r.returncode == 2
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), r.stderr
    assert message in lines[0]
    assert not (tmp_path / "o").exists()


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_the_cli_has_the_commands_of_the_issue():
    assert {"build", "validate", "query"} <= set(_commands())


@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_command_has_help_with_an_example(command):
    r = kg(*([command] if command else []), "--help")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: kg")
    if command:
        text = r.stdout.lower()
        assert "example" in text and f"kg {command}" in text.split("example", 1)[1]


def test_validate_a_built_graph_and_each_export(built):
    for name in ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld"):
        r = kg("validate", built / name)
        assert r.returncode == 0, (name, r.stdout, r.stderr)
        assert "conforms" in r.stdout


def test_validate_reports_a_violation_with_exit_1(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text(
        "@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .\n"
        "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .\n"
        "<https://example.org/graph/doc/x> {\n"
        "  <https://example.org/event/x> a nkg:Meeting, sem:Event .\n"
        "}\n")
    r = kg("validate", bad)
    assert r.returncode == 1
    assert "https://example.org/event/x" in r.stdout
    assert r.stderr.startswith("kg: error: ") and "bad.trig" in r.stderr


# ---------------------------------------------------------------------------
# the library side of the build: a failure after loading leaves out/ untouched
# ---------------------------------------------------------------------------
def test_a_graph_that_violates_the_shapes_is_not_published(built, tmp_path):
    """One document that gives the same round two statuses: exit 1, nothing published."""
    from kg.extract import extract_many
    from kg.pipeline import build

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = snapshot(out)

    def contradictory(docs):
        for x in extract_many(docs, nlp=False):
            rounds = tuple(Event(key=k, kind="NegotiationRound", label="Third round", status=status,
                                 round=3, track="russia-ukraine")
                           for k, status in (("a", "Occurred"), ("b", "Planned")))
            yield replace(x, events=x.events + rounds)

    with pytest.raises(ShapeViolation) as err:
        build([SEEDS], out=out, extract=contradictory)
    assert "event/negotiation-round/russia-ukraine/3" in err.value.report
    assert "nkg:status" in err.value.report
    assert snapshot(out) == before


def test_documents_that_disagree_about_a_round_still_build(tmp_path):
    from kg.extract import extract_many
    from kg.pipeline import build

    (tmp_path / "a.txt").write_text(" date 2025-05-10\nTalks planned\n(WIRE) A round is planned.\n")
    (tmp_path / "b.txt").write_text(" date 2025-05-20\nTalks held\n(WIRE) The round took place.\n")

    def one_round(docs):
        for x, status in zip(extract_many(docs, nlp=False), ("Planned", "Occurred")):
            yield replace(x, events=(Event(key="r", kind="NegotiationRound", label="Round 3",
                                           status=status, round=3, track="russia-ukraine"),))

    build([tmp_path / "a.txt", tmp_path / "b.txt"], out=tmp_path / "out", extract=one_round)
    # one round in the consolidated view, with the status of the later publication
    rows = select(load_graph(tmp_path / "out"), """
        SELECT ?e ?status WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph .
          ?e a nkg:NegotiationRound ; nkg:status ?status } }""")
    assert [r["status"].value.rsplit("#", 1)[1] for r in rows] == ["Occurred"]


def test_a_failing_post_build_writer_leaves_the_output_as_it_was(built, tmp_path):
    from kg import pipeline

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = snapshot(out)

    def broken_view(store, out_dir):
        (out_dir / "timeline.html").write_text("<p>half")
        raise RenderError("timeline: cannot draw")

    pipeline.POST_BUILD_WRITERS.append(broken_view)
    try:
        with pytest.raises(RenderError):
            pipeline.build([SEEDS], out=out, extract=documents_only)
    finally:
        pipeline.POST_BUILD_WRITERS.remove(broken_view)
    assert snapshot(out) == before


def test_post_build_writers_run_and_their_files_enter_the_manifest(tmp_path):
    from kg import pipeline

    def count_view(store, out_dir):
        path = out_dir / "count.txt"
        path.write_text(str(len(store)))
        return [path]

    pipeline.POST_BUILD_WRITERS.append(count_view)
    try:
        result = pipeline.build([SEEDS], out=tmp_path / "o", extract=documents_only)
    finally:
        pipeline.POST_BUILD_WRITERS.remove(count_view)
    assert (tmp_path / "o" / "count.txt").read_text() == str(result.stats.quads)
    assert "count.txt" in result.manifest["outputs"]


def test_summary_names_counts_outputs_and_the_next_steps(tmp_path):
    from kg.cli import _summary
    from kg.pipeline import build

    result = build([SEEDS], out=tmp_path / "site", extract=documents_only)
    text = _summary(result)
    assert f"from {result.stats.documents} document" in text
    assert "graph.trig" in text and "manifest.json" in text
    listed = next(line for line in text.splitlines() if line.lstrip().startswith("outputs"))
    assert set(listed.split(":", 1)[1].split()) == set(result.outputs) | {"store/"}
    assert {"timeline.html", "actors.html", "analysis.json"} <= set(result.outputs)
    assert "kg query timeline --graph" in text
    assert len(text.splitlines()) < 25


def test_add_then_remove_republishes_from_the_store(built, tmp_path):
    """kg add updates the published files from the store; removing the document again
    gives back the build's graph byte for byte; --as-of answers over older documents."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    article = tmp_path / "later.txt"
    article.write_text(" date 2025-08-02 77\nEnvoys meet again\n(Wire) Russian and Ukrainian "
                       "delegations met in Geneva on Friday for a fourth round of talks.\n")
    r = kg("add", article, "--out", out)
    assert r.returncode == 0, r.stderr
    assert (out / "graph.nq").read_bytes() != (built / "graph.nq").read_bytes()
    assert "later" in (out / "graph.nq").read_text()
    assert any(d["id"] == "later" for d in json.loads((out / "manifest.json").read_text())["documents"])
    now = kg("query", "timeline", "--graph", out, "--format", "csv")
    before = kg("query", "timeline", "--graph", out, "--format", "csv", "--as-of", "2025-07-31")
    assert now.returncode == before.returncode == 0
    assert "Geneva" in now.stdout and "Geneva" not in before.stdout
    r = kg("remove", "later", "--out", out)
    assert r.returncode == 0, r.stderr
    for name in ("graph.nq", "graph.ttl", "graph.trig"):
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_spellings_of_one_place_give_it_one_label(tmp_path):
    """Two spellings that mint one place IRI ("Doha", "DOHA") label it once, in the
    document graphs and in the consolidated view, so the build validates."""
    from kg.extract import extract_many
    from kg.pipeline import build

    (tmp_path / "a.txt").write_text(" date 2025-05-10\nTalks\n(WIRE) Talks were held.\n")
    (tmp_path / "b.txt").write_text(" date 2025-05-20\nTalks\n(WIRE) Talks were held.\n")

    def two_spellings(docs):
        for x, place in zip(extract_many(docs, nlp=False), ("Doha", "DOHA")):
            events = tuple(Event(key=f"m{i}", kind="Meeting", label="Meeting", status="Occurred",
                                 place=p) for i, p in enumerate((place, place.lower())))
            yield replace(x, events=events)

    build([tmp_path / "a.txt", tmp_path / "b.txt"], out=tmp_path / "out", extract=two_spellings)
    rows = select(load_graph(tmp_path / "out"), """
        SELECT DISTINCT ?g ?label WHERE { GRAPH ?g { ?p a nkg:Place ; rdfs:label ?label } }""")
    by_graph: dict[str, list[str]] = {}
    for r in rows:
        by_graph.setdefault(r["g"].value, []).append(r["label"].value)
    assert len(by_graph) == 3 and all(len(v) == 1 for v in by_graph.values()), by_graph


def test_queries_on_a_build_folder_run_on_its_store_while_it_is_in_step(built, tmp_path, monkeypatch,
                                                                        capsys):
    """A build folder is queried on its persistent store (nothing loaded) with the same
    answers as its files; a store changed without its files being written is not used."""
    from kg.cli import main
    from kg.extract import extract_many
    from kg.load import load_paths
    from kg.pipeline import refresh
    from kg.rdf import io as rdf_io
    from kg.rdf.query import bundled_queries, resolve_query, run_query
    from kg.store import add_documents, open_store, published_store

    out = tmp_path / "out"
    shutil.copytree(built, out)
    kept = published_store(out)
    assert kept is not None
    files = load_graph(out / "graph.trig")
    for name, _ in bundled_queries():
        query = resolve_query(name)
        assert run_query(kept, query, "json") == run_query(files, query, "json"), name
    del kept

    def no_loading(path):
        raise AssertionError(f"loaded {path}")

    monkeypatch.setattr(rdf_io, "load_graph", no_loading)
    assert main(["query", "timeline", "--graph", str(out), "--format", "csv"]) == 0
    assert "Istanbul" in capsys.readouterr().out
    monkeypatch.undo()

    # the store changes, the files are not written (a run stopped half-way)
    article = tmp_path / "later.txt"
    article.write_text(" date 2025-08-02 77\nEnvoys meet again\n(Wire) Russian and Ukrainian "
                       "delegations met in Geneva on Friday for a fourth round of talks.\n")
    with open_store(out) as store:
        add_documents(store, list(extract_many(load_paths([article]))))
    assert published_store(out) is None
    r = kg("query", "timeline", "--graph", out, "--format", "csv")
    assert r.returncode == 0 and "Geneva" not in r.stdout  # the files' answer
    refresh(out)
    assert published_store(out) is not None
    r = kg("query", "timeline", "--graph", out, "--format", "csv")
    assert r.returncode == 0 and "Geneva" in r.stdout
    # a store that fails under the query (its files gone, as after a compaction by a
    # writer in another process): the answer comes from the files
    for table in (out / "store" / "oxigraph").glob("*.sst"):
        table.unlink()
    again = kg("query", "timeline", "--graph", out, "--format", "csv")
    assert (again.returncode, again.stdout) == (0, r.stdout), again.stderr
