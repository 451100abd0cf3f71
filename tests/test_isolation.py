"""One document never takes the others down (issue 10, section 2: fault isolation).

Failures are injected through real seams of the library: the event stage of
one document raises, or returns a record that breaks the shapes, while the
language pipeline and every other stage run for real.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from kg.errors import DocumentsFailed, ShapeViolation
from kg.rdf.io import load_graph
from kg.rdf.query import select

pytestmark = pytest.mark.slow

ARTICLES = {
    "alder": (" date 2024-11-04\nFishery talks open\n(Coastal Post) Delegations from Iceland and "
              "Norway met in Bergen on Monday for a first round of talks on mackerel quotas.\n"),
    "birch": (" date 2024-11-06\nQuota talks stall\n(Coastal Post) Negotiators from Iceland and "
              "Norway will meet again in Reykjavik next week, a spokesman said on Tuesday.\n"),
    "cedar": (" date 2024-11-08\nThird session set\n(Coastal Post) Iceland proposed a third round "
              "of quota talks in Torshavn later this month.\n"),
}


def write_articles(folder: Path, names=("alder", "birch", "cedar")) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def documents_in(out: Path) -> list[str]:
    rows = select(load_graph(out), """
        SELECT DISTINCT ?id WHERE { GRAPH ?g { ?d a nkg:Document ; dcterms:identifier ?id } }""")
    return sorted(r["id"].value for r in rows)


@pytest.fixture
def events_fail_for(monkeypatch):
    """Make the event stage raise for one document id (the others run as usual)."""
    import kg.extract.events as events

    real = events.extract_events

    def install(doc_id: str, failure=None):
        def extract_events(sdoc, document, **kw):
            if document.id == doc_id:
                if failure is None:
                    raise RuntimeError("the event rules hit a token they did not expect")
                return failure(real(sdoc, document, **kw))
            return real(sdoc, document, **kw)

        monkeypatch.setattr(events, "extract_events", extract_events)

    return install


def undeclared(result):
    """Records whose first event names a participant that is no actor of the
    document: the graph builder takes them, the shapes do not."""
    from dataclasses import replace

    events, agreements = result
    return (replace(events[0], actors=events[0].actors + ("Ruritania",)),) + tuple(events[1:]), agreements


def test_a_document_that_raises_in_extraction_is_left_out_and_named(tmp_path, events_fail_for, capsys):
    from kg.cli import main

    events_fail_for("birch")
    paths = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["build", *map(str, paths), "--out", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert err[0].startswith("kg: failed: ") and "[birch]" in err[0]
    assert "RuntimeError: the event rules hit a token they did not expect" in err[0]
    assert documents_in(out) == ["alder", "cedar"]
    listed = json.loads((out / "manifest.json").read_text())
    assert [f["id"] for f in listed["failed"]] == ["birch"]
    assert listed["failed"][0]["kind"] == "error"
    assert sorted(d["id"] for d in listed["documents"]) == ["alder", "cedar"]


def test_the_summary_names_the_failed_document(tmp_path, events_fail_for):
    from kg.cli import _summary
    from kg.pipeline import build

    events_fail_for("alder")
    result = build(write_articles(tmp_path / "in"), out=tmp_path / "out")
    assert [f.id for f in result.failed] == ["alder"]
    summary = _summary(result)
    assert "failed      1 document left out" in summary
    assert "[alder]: events not extracted (RuntimeError" in summary


def test_strict_exits_1_and_publishes_nothing(tmp_path, events_fail_for, capsys):
    from kg.cli import main

    paths = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["build", *map(str, paths), "--out", str(out)]) == 0
    before = snapshot(out)
    events_fail_for("cedar")
    capsys.readouterr()
    assert main(["build", *map(str, paths), "--out", str(out), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "[cedar]" in err and "nothing published" in err
    assert snapshot(out) == before


def test_a_document_whose_claims_violate_the_shapes_is_left_out(tmp_path, events_fail_for):
    from kg.pipeline import build
    from kg.rdf.validate import validate

    events_fail_for("birch", undeclared)
    result = build(write_articles(tmp_path / "in"), out=tmp_path / "out")
    assert [(f.id, f.kind) for f in result.failed] == [("birch", "shapes")]
    assert "violate the shapes" in result.failed[0].error
    assert documents_in(tmp_path / "out") == ["alder", "cedar"]
    assert validate(load_graph(tmp_path / "out")).conforms
    # the same output as a build of the other two alone
    clean = build(write_articles(tmp_path / "in2", ("alder", "cedar")), out=tmp_path / "clean")
    assert clean.failed == ()
    assert (tmp_path / "out" / "graph.nq").read_bytes() == (tmp_path / "clean" / "graph.nq").read_bytes()


def test_a_record_the_graph_builder_refuses_fails_its_document_only(tmp_path, events_fail_for):
    from dataclasses import replace
    from datetime import date

    from kg.pipeline import build
    from kg.records import TimeValue

    def backwards(result):
        events, agreements = result
        wrong = TimeValue("soon", None, date(2024, 11, 20), date(2024, 11, 10), "range")
        return (replace(events[0], time=wrong),) + tuple(events[1:]), agreements

    events_fail_for("cedar", backwards)
    result = build(write_articles(tmp_path / "in"), out=tmp_path / "out")
    assert [(f.id, f.kind) for f in result.failed] == [("cedar", "error")]
    assert documents_in(tmp_path / "out") == ["alder", "birch"]


def test_strict_refuses_claims_that_violate_the_shapes(tmp_path, events_fail_for):
    from kg.pipeline import build

    events_fail_for("birch", undeclared)
    with pytest.raises(ShapeViolation):
        build(write_articles(tmp_path / "in"), out=tmp_path / "out", strict=True)
    assert not (tmp_path / "out").exists()


def test_unreadable_input_is_still_bad_input(tmp_path, capsys):
    from kg.cli import main

    paths = write_articles(tmp_path / "in", ("alder",))
    bad = tmp_path / "in" / "broken.txt"
    bad.write_bytes(b"")  # an empty file cannot be read as a document
    assert main(["build", str(paths[0]), str(bad), "--out", str(tmp_path / "out")]) == 2
    assert main(["build", str(paths[0]), str(bad), "--out", str(tmp_path / "out"), "--keep-going"]) == 0


@pytest.mark.parametrize("how", ["raises", "violates"])
def test_a_failed_add_leaves_the_store_exactly_as_it_was(tmp_path, events_fail_for, how):
    import pyoxigraph as ox

    from kg.pipeline import add, build

    out = tmp_path / "out"
    build(write_articles(tmp_path / "in", ("alder", "cedar")), out=out)
    before = snapshot(out)
    store = ox.Store.read_only(str(out / "store" / "oxigraph"))
    quads_before = set(store)
    del store
    events_fail_for("birch", None if how == "raises" else undeclared)
    with pytest.raises(DocumentsFailed) as err:
        add(write_articles(tmp_path / "more", ("birch",)), out=out)
    assert "birch" in str(err.value)
    assert snapshot(out) == before
    store = ox.Store.read_only(str(out / "store" / "oxigraph"))
    assert set(store) == quads_before
    del store
    assert sorted(p.name for p in out.iterdir()) == sorted({k.split("/")[0] for k in before})


def test_a_successful_add_swaps_in_the_updated_store(tmp_path):
    from kg.pipeline import add, build

    out = tmp_path / "out"
    build(write_articles(tmp_path / "in", ("alder",)), out=out)
    result = add(write_articles(tmp_path / "more", ("birch",)), out=out)
    assert result.added == ("birch",)
    assert documents_in(out) == ["alder", "birch"]
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_extract_many_reports_a_failing_document_and_goes_on(events_fail_for):
    from kg.extract import extract_many
    from kg.load import parse_document

    events_fail_for("birch")
    docs = [parse_document(ARTICLES[n], doc_id=n, source=f"{n}.txt", sha256=n) for n in ARTICLES]
    failed = []
    got = [x.document.id for x in extract_many(docs, on_error=lambda d, e: failed.append((d.id, str(e))))]
    assert got == ["alder", "cedar"]
    assert failed == [("birch", "birch.txt: events not extracted "
                       "(RuntimeError: the event rules hit a token they did not expect)")]
    from kg.errors import ExtractionError

    with pytest.raises(ExtractionError, match="birch.txt: events not extracted"):
        list(extract_many(docs))


def test_the_cli_names_failed_documents_even_under_quiet(tmp_path, events_fail_for, capsys):
    from kg.cli import main

    events_fail_for("alder")
    paths = write_articles(tmp_path / "in")
    assert main(["build", *map(str, paths), "--out", str(tmp_path / "out"), "-q"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "[alder]" in err[0]


def test_the_output_of_a_partial_build_is_deterministic(tmp_path, events_fail_for):
    from kg.pipeline import build

    events_fail_for("cedar", undeclared)
    paths = write_articles(tmp_path / "in")
    build(paths, out=tmp_path / "one")
    build(paths, out=tmp_path / "two")
    assert (tmp_path / "one" / "manifest.json").read_bytes() == (tmp_path / "two" / "manifest.json").read_bytes()
    shutil.rmtree(tmp_path / "two")


def test_the_sweep_of_bench_realnews_counts_each_failure(tmp_path, events_fail_for, capsys, monkeypatch):
    """bench/realnews.py --sweep: texts checked against their sha256, failures counted
    alone and together (our own articles, one of them failing inside extraction)."""
    import hashlib
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("realnews", root / "bench" / "realnews.py")
    realnews = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "realnews", realnews)
    spec.loader.exec_module(realnews)

    texts = tmp_path / "texts"
    texts.mkdir()
    rows = []
    for name in ("alder", "birch", "cedar"):
        data = ARTICLES[name].encode("utf-8")
        (texts / f"{name}.txt").write_bytes(data)
        rows.append({"id": name, "published": "2024-11", "sha256": hashlib.sha256(data).hexdigest()})
    rows[2]["sha256"] = "0" * 64  # cedar's text is not the one listed
    rows.append({"id": "dogwood", "published": "2024", "sha256": "0" * 64})  # never retrieved
    sweep = tmp_path / "sweep.json"
    sweep.write_text(json.dumps(rows), encoding="utf-8")
    events_fail_for("birch")
    status = realnews.main(["--sweep", "--texts", str(texts), "--sweep-manifest", str(sweep)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert "sweep: 1 text(s) missing in" in "\n".join(out) and "dogwood" in "\n".join(out)
    assert any("sha256 differs" in line and "cedar" in line for line in out)
    for mode in ("each alone", "all together"):
        assert (f"sweep: 2 articles, built 1, failed 1 (internal errors 1, shape violations 0, "
                f"refusals 0) [{mode}]") in out
    assert sum(line.startswith("  birch: internal: ") for line in out) == 2
