"""Inputs read as they are used: a JSON Lines feed a line at a time, documents extracted
a batch at a time, bad lines named when they are reached, progress with a total.

Sizes here are small (the large inputs are measured by ``bench/inputs.py``): what is
tested is the order in which things are read, not how much memory they take.
"""

from __future__ import annotations

import json
import os
import threading

import pytest

from kg.errors import LoadError
from kg.load import count_documents, iter_documents, load_paths
from kg.records import Document


def _feed(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_feed_is_read_a_line_at_a_time(tmp_path):
    """The first record is given while the writer of the feed has not yet written the
    second line: the reader never waits for the whole file."""
    fifo = tmp_path / "wire.jsonl"
    os.mkfifo(fifo)
    given_first = threading.Event()

    def writer() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "w1", "text": "Mediators arrived in Accra."}) + "\n")
            f.flush()
            given_first.wait(timeout=10)  # the second line waits for the reader's first record
            f.write(json.dumps({"id": "w2", "text": "The envoys left Accra."}) + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        docs = iter_documents([fifo])
        first = next(docs)
        read_before_second_line = not given_first.is_set()
        given_first.set()
        rest = list(docs)
    finally:
        given_first.set()
        thread.join(timeout=10)
    assert read_before_second_line and first.id == "w1" and first.line == 1
    assert [d.id for d in rest] == ["w2"] and rest[0].line == 2


def test_a_bad_line_is_named_when_reached_after_the_lines_before_it(tmp_path):
    feed = tmp_path / "desk.jsonl"
    feed.write_text('{"text": "Talks opened in Lima."}\n\n{"text": "Talks paused."}\n'
                    '{"text": ["not", "text"]}\n{"text": "Talks resumed."}\n', encoding="utf-8")
    docs = iter_documents([feed])
    assert [next(docs).line, next(docs).line] == [1, 3]
    with pytest.raises(LoadError) as caught:
        next(docs)
    assert caught.value.line == 4 and "it is an array" in caught.value.problem
    assert str(caught.value).startswith(f"{feed}:4:")

    errors = []
    kept = load_paths([feed], keep_going=True, on_error=errors.append)
    assert [d.line for d in kept] == [1, 3, 5]
    assert [e.line for e in errors] == [4]


def test_bytes_that_are_not_text_name_their_line_and_the_file_offset(tmp_path):
    feed = tmp_path / "mixed.jsonl"
    good = b'{"text": "Envoys met."}\n'
    data = good + b'{"text": "Caf\xe9 talks"}\n' + b'{"text": "a\x00b"}\n' + good
    feed.write_bytes(data)
    errors = []
    kept = load_paths([feed], keep_going=True, on_error=errors.append)
    assert [d.line for d in kept] == [1, 4]
    assert [e.line for e in errors] == [2, 3]
    accent, nul = data.index(b"\xe9"), data.index(b"\x00")  # offsets in the file
    assert f"byte 0xE9 at offset {accent}" in errors[0].problem
    assert f"NUL byte at offset {nul}" in errors[1].problem


def test_a_feed_of_blank_lines_is_refused_as_whitespace(tmp_path):
    feed = tmp_path / "blank.jsonl"
    feed.write_text("\n  \n\n", encoding="utf-8")
    with pytest.raises(LoadError, match="only whitespace"):
        list(iter_documents([feed]))
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    with pytest.raises(LoadError, match="file is empty"):
        list(iter_documents([empty]))


def test_a_bad_date_argument_fails_before_anything_is_read(tmp_path):
    from kg.errors import UsageError

    with pytest.raises(UsageError):
        iter_documents([tmp_path / "never-read.jsonl"], date="2025-02-30")


def test_count_documents_counts_files_and_lines_without_reading_them_as_records(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.md").write_text("# Talks\n\nThey met.\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text("Envoys met in Bern.\n", encoding="utf-8")
    _feed(tmp_path / "feed.jsonl", [{"text": "a"}, {"text": "b"}, {"x": 1}])
    (tmp_path / "skip.csv").write_text("a,b\n", encoding="utf-8")
    assert count_documents([tmp_path]) == 5  # the bad third line is counted too
    assert count_documents([tmp_path], exclude=("*.jsonl",)) == 2


def test_extraction_pulls_documents_a_batch_at_a_time():
    from kg.pipeline import BATCH_DOCUMENTS, extract_stream

    pulled = 0

    def documents():
        nonlocal pulled
        for i in range(3 * BATCH_DOCUMENTS):
            pulled += 1
            yield Document(id=f"n{i}", source="feed.jsonl", text="Envoys met.", sha256=str(i), line=i + 1)

    xs = extract_stream(documents(), nlp=False)
    first = next(xs)
    assert first.document.id == "n0" and pulled == BATCH_DOCUMENTS
    assert sum(1 for _ in xs) == 3 * BATCH_DOCUMENTS - 1 and pulled == 3 * BATCH_DOCUMENTS


def test_a_build_reports_progress_against_the_counted_total(tmp_path):
    from kg.pipeline import build

    feed = tmp_path / "feed.jsonl"
    _feed(feed, [{"id": f"r{i}", "date": "2025-03-0%d" % (1 + i % 9), "text": f"Envoys met in Bern, day {i}."}
                 for i in range(12)])
    calls = []
    result = build([feed], out=tmp_path / "out", nlp=False, progress=lambda *a: calls.append(a))
    counts = [a for a in calls if a[:2] != (0, 0)]
    assert counts[0][:2] == (1, 12) and counts[-1][:2] == (12, 12)
    assert [a[0] for a in counts] == list(range(1, 13))
    assert result.stats.documents == 12


def test_skipped_lines_are_warned_first_and_the_rest_is_built(tmp_path):
    from kg.pipeline import build

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Envoys met in Bern."}\n{"id": "b"}\n'
                    '{"id": "c", "text": "Envoys left Bern."}\n', encoding="utf-8")
    result = build([feed], out=tmp_path / "out", nlp=False, keep_going=True)
    assert [d["id"] for d in result.manifest["documents"]] == ["a", "c"]
    assert result.warnings[0].startswith("skipped:") and ":2:" in result.warnings[0]
