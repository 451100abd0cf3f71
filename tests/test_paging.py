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
