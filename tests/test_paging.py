"""Paging and a window on the bundled timeline: the same rows as the whole query, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.rdf.query import Query, page, resolve_query, run_query

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def store():
    """A synthetic graph in the published layout: 240 events, dated, half-dated and undated."""
    from kg.analysis.data import store_from_trig
    from kg.analysis.synthetic import synthetic_trig

    return store_from_trig(synthetic_trig(240, seed=7))


@pytest.fixture(scope="module")
def timeline() -> Query:
    return resolve_query("timeline")


@pytest.fixture(scope="module")
def paged() -> Query:
    """The page shape of the timeline (what kg query timeline --limit runs)."""
    q = resolve_query("timeline", paged=True)
    assert q.source.endswith("timeline_page.rq")
    return q


def rows(store, query: Query) -> list[dict]:
    return json.loads(run_query(store, query, "json"))["results"]["bindings"]


@pytest.fixture(scope="module")
def full(store, timeline) -> list[dict]:
    out = rows(store, timeline)
    assert len(out) == 240
    return out


@pytest.mark.parametrize("size", [7, 50, 240, 500])
def test_pages_in_turn_give_the_rows_of_the_whole_query_in_order(store, paged, full, size):
    got = []
    for offset in range(0, len(full) + size, size):
        got += rows(store, page(paged, limit=size, offset=offset))
    assert got == full


def test_pages_of_one_row_are_the_rows_at_their_offsets(store, paged, full):
    """Pages of one row at offsets spread over the whole timeline (dated, half-dated and
    undated events alike), and one past its end."""
    for offset in [*range(0, len(full), 13), len(full) - 1]:
        assert rows(store, page(paged, limit=1, offset=offset)) == [full[offset]], offset
    assert rows(store, page(paged, limit=1, offset=len(full))) == []


def test_a_page_is_a_slice_and_an_offset_alone_skips(store, timeline, paged, full):
    assert rows(store, page(paged, limit=10, offset=95)) == full[95:105]
    assert rows(store, page(paged, offset=230)) == full[230:]
    assert rows(store, page(paged, limit=0)) == []
    # the whole-timeline shape pages too (LIMIT and OFFSET at its end)
    assert rows(store, page(timeline, limit=10, offset=95)) == full[95:105]
    assert rows(store, paged) == full


def _in_window(row: dict, since: date | None, until: date | None) -> bool:
    begin = row.get("begin", {}).get("value")
    end = row.get("end", {}).get("value")
    if begin is None and end is None:
        return False
    last, first = end or begin, begin or end
    return ((since is None or date.fromisoformat(last) >= since)
            and (until is None or date.fromisoformat(first) <= until))


@pytest.mark.parametrize("since, until", [
    (date(2022, 3, 1), date(2022, 5, 31)),
    (date(2022, 4, 15), None),
    (None, date(2022, 2, 10)),
    (date(2022, 2, 1), date(2022, 2, 1)),
])
def test_a_window_keeps_the_events_that_overlap_it_in_the_same_order(store, timeline, paged, full,
                                                                     since, until):
    expected = [r for r in full if _in_window(r, since, until)]
    assert 0 < len(expected) < len(full)
    windowed = rows(store, page(timeline, since=since, until=until))
    assert windowed == expected
    # and a window pages like the whole query
    assert rows(store, page(paged, since=since, until=until)) == expected
    assert rows(store, page(paged, since=since, until=until, limit=5, offset=3)) == expected[3:8]


def test_undated_events_are_outside_any_window(store, timeline, full):
    undated = [r for r in full if "begin" not in r and "end" not in r]
    assert undated
    windowed = rows(store, page(timeline, since=date(1900, 1, 1), until=date(2999, 12, 31)))
    assert len(windowed) == len(full) - len(undated)


def test_bad_paging_arguments_are_query_errors(timeline):
    with pytest.raises(QueryError, match="--limit must be 0 or more"):
        page(timeline, limit=-1)
    with pytest.raises(QueryError, match="is after --until"):
        page(timeline, since=date(2025, 2, 1), until=date(2025, 1, 1))
    with pytest.raises(QueryError, match="has no window"):
        page(Query("SELECT * WHERE { ?s ?p ?o }", "q.rq"), since=date(2025, 1, 1))


def test_the_cli_pages_and_windows_the_timeline(tmp_path, store):
    from kg.rdf.io import write_graph_files

    quads = list(store.quads_for_pattern(None, None, None, None))
    write_graph_files(quads, tmp_path)

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--graph",
                               str(tmp_path / "graph.nq"), "--format", "csv", *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)

    whole = kg().stdout.splitlines()
    assert len(whole) == 241
    assert kg("--limit", "4", "--offset", "10").stdout.splitlines() == whole[:1] + whole[11:15]
    bad = kg("--since", "2025-02-01", "--until", "2025-01-01")
    assert bad.returncode == 2 and "is after --until" in bad.stderr


# --- from a build folder's store: the page's events read from its timeline index -------
def _records():
    """Generated documents, and one of events known by one bound only (a begin, an end)."""
    import importlib.util

    from kg.records import Document, Event, Extraction, TimeValue

    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", gen)
    spec.loader.exec_module(gen)
    xs = list(gen.generate(40, seed=11))
    half = Extraction(
        Document(id="half", source="half.txt", text="", sha256="half", published=date(2024, 5, 2)),
        events=(Event("b", "Summit", "summit from May", "Planned", actors=("Quarvia",),
                      time=TimeValue("from May", None, date(2024, 5, 1), None, "range")),
                Event("e", "Ceasefire", "truce until June", "Ongoing", actors=("Quarvia",),
                      time=TimeValue("until June", None, None, date(2024, 6, 30), "range"))))
    return xs + [half]


def _index(store) -> set[tuple]:
    return set(store.db.execute("SELECT * FROM timeline"))


def _indexed(out, paged, **window) -> Query:
    from kg.store import indexed_page

    q = indexed_page(out, paged, **window)
    assert q is not None and "VALUES (?event" in q.text  # the index was read
    return q


def test_pages_from_the_store_index_are_the_rows_of_the_whole_query(tmp_path, timeline, paged):
    from kg.store import add_documents, open_store

    with open_store(tmp_path) as kept:
        add_documents(kept, _records())
        whole = rows(kept.oxigraph, timeline)
        assert len(whole) > 300
        assert any("begin" in r and "end" not in r for r in whole)
        assert any("end" in r and "begin" not in r for r in whole)
        for size in (37, 500):
            got = []
            for offset in range(0, len(whole) + size, size):
                got += rows(kept.oxigraph, _indexed(tmp_path, paged, limit=size, offset=offset))
            assert got == whole
        assert rows(kept.oxigraph, _indexed(tmp_path, paged, offset=len(whole) - 3)) == whole[-3:]
        assert rows(kept.oxigraph, _indexed(tmp_path, paged, limit=0)) == []
        days = sorted(date.fromisoformat(r["begin"]["value"]) for r in whole if "begin" in r)
        early, middle = days[len(days) // 4], days[len(days) // 2]
        for since, until in [(early, early), (middle, None), (None, early), (early, middle),
                             (date(2024, 6, 1), date(2024, 6, 1))]:
            expected = [r for r in whole if _in_window(r, since, until)]
            assert expected, (since, until)
            assert rows(kept.oxigraph, _indexed(tmp_path, paged, since=since, until=until)) == expected
            assert rows(kept.oxigraph, _indexed(tmp_path, paged, since=since, until=until, limit=4,
                                                offset=2)) == expected[2:6]


def test_kg_add_and_remove_keep_the_index_as_a_rebuild_writes_it(tmp_path, timeline, paged):
    from dataclasses import replace

    from kg.store import add_documents, index_timeline, open_store, remove_document

    xs = _records()
    with open_store(tmp_path) as kept:
        add_documents(kept, xs[:25])
        steps = [lambda: add_documents(kept, [xs[25]]), lambda: add_documents(kept, xs[26:30]),
                 lambda: add_documents(kept, [xs[-1]]), lambda: remove_document(kept, xs[3].document.id),
                 lambda: remove_document(kept, "half"),
                 lambda: add_documents(kept, [replace(xs[7], document=replace(xs[7].document, sha256="v2"),
                                                      events=xs[7].events[:4])])]
        for step in steps:
            result = step()
            assert not result.full
            after_update = _index(kept)
            assert index_timeline(kept)
            assert after_update == _index(kept)
            kept.db.commit()
        whole = rows(kept.oxigraph, timeline)
        assert rows(kept.oxigraph, _indexed(tmp_path, paged, limit=20, offset=40)) == whole[40:60]


def test_a_store_without_a_complete_index_pages_by_the_query(tmp_path, paged):
    from kg.store import add_documents, indexed_page, open_store

    with open_store(tmp_path) as kept:
        add_documents(kept, _records()[:3])
        assert indexed_page(tmp_path, paged, limit=5) is not None
        kept.db.execute("DELETE FROM meta WHERE k = 'timeline'")  # as a store from before the index
        kept.db.commit()
        assert indexed_page(tmp_path, paged, limit=5) is None
    assert indexed_page(tmp_path / "nowhere", paged, limit=5) is None
    # a query without the marked part is not the bundled page
    assert indexed_page(tmp_path, resolve_query("timeline"), limit=5) is None


def test_the_cli_reads_a_page_from_the_index_of_a_published_store(tmp_path, timeline):
    from kg.store import add_documents, mark_published, open_store

    with open_store(tmp_path) as kept:
        add_documents(kept, _records()[:12])
        whole = run_query(kept.oxigraph, timeline, "csv").decode().splitlines()
        mark_published(kept, "0" * 64)
    (tmp_path / "manifest.json").write_text(json.dumps({"outputs": {"graph.nq": {"sha256": "0" * 64}}}))

    def kg(*args):
        done = subprocess.run([sys.executable, "-m", "kg", "query", "timeline", "--graph", str(tmp_path),
                               "--format", "csv", *args], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert kg("--limit", "5", "--offset", "10") == whole[:1] + whole[11:16]
    # the page comes from the index: without its first row, the first page starts later
    with open_store(tmp_path) as kept:
        kept.db.execute("DELETE FROM timeline WHERE rowid = (SELECT rowid FROM timeline "
                        "ORDER BY undated, key, b, e, type, tie, event LIMIT 1)")
        kept.db.commit()
    assert kg("--limit", "3") == whole[:1] + whole[2:5]


def test_the_index_and_the_query_know_the_same_event_classes(paged, timeline):
    import re

    from kg.records import EVENT_CLASSES

    for q in (paged, timeline):
        listed = re.search(r"VALUES \?class \{([^}]*)\}", q.text).group(1)
        assert set(re.findall(r"nkg:(\w+)", listed)) == set(EVENT_CLASSES)
