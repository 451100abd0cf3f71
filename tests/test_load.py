"""Tests of the loading stage (kg.load): golden cases, bad inputs, directories, options."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import date
from pathlib import Path

import pytest

from kg.errors import LoadError, UsageError
from kg.load import load_file, load_paths, parse_document

HERE = Path(__file__).parent
CASES = sorted((HERE / "cases").glob("load-*"))
SEED = HERE.parent / "seeds" / "000_5ff86238f25741d4.txt"
FIELDS = (
    "id", "sha256", "body_start", "title", "publisher", "source_token", "url", "format", "line"
)


# --------------------------------------------------------------------------- golden cases


def test_cases_exist():
    names = {case.name for case in CASES}
    for required in ("load-seed", "load-untidy-header", "load-no-title", "load-no-publisher",
                     "load-plain", "load-md", "load-jsonl"):
        assert required in names


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path):
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    default = date.fromisoformat(expected["date"]) if expected.get("date") else None
    inputs = sorted(p for p in case.iterdir() if p.name != "expected.json")
    docs = [doc for path in inputs for doc in load_file(path, date=default)]
    assert len(docs) == len(expected["documents"])
    for doc, want in zip(docs, expected["documents"]):
        assert Path(doc.source).name == want["file"]
        for name in FIELDS:
            assert getattr(doc, name) == want[name], name
        published = want["published"] and date.fromisoformat(want["published"])
        assert doc.published == (published or None)
        assert doc.body.startswith(want["body_prefix"])
        if doc.format != "jsonl":
            # the whole file, decoded as it is (header, BOM and CRLF kept)
            assert doc.text == Path(doc.source).read_bytes().decode("utf-8")


def test_seed_offsets_index_the_file():
    (doc,) = load_file(SEED)
    raw = SEED.read_bytes().decode("utf-8")
    assert doc.text == raw
    assert doc.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert doc.published == date(2025, 7, 20)
    assert (doc.source_token, doc.publisher) == ("403", "MENAFN")
    assert doc.title == "Zelensky reveals new proposed phases of peace discussions with Russia"
    phrase = "the most recent session occurring on June 2"
    start = doc.text.index(phrase)
    assert raw[start:start + len(phrase)] == phrase
    assert doc.text[: doc.body_start].endswith("(MENAFN) ")


def test_corpus_files_load_with_header_title_and_publisher():
    docs = load_paths([HERE / "corpus"], on_skip=lambda p, why: None)
    assert [d.id for d in docs] == sorted(p.stem for p in (HERE / "corpus").glob("*.txt"))
    for doc in docs:
        assert doc.published is not None and doc.source_token and doc.title and doc.publisher
        assert doc.text.splitlines()[1] == doc.title
        assert doc.body_start > len(doc.title)


def test_crlf_offsets_count_carriage_returns(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b" date 2025-06-02 9\r\nTitle here\r\nBody one.\r\nBody two.\r\n")
    (doc,) = load_file(path)
    assert doc.text.count("\r\n") == 4
    assert doc.text[doc.body_start:].startswith("Body one.\r\n")
    assert doc.title == "Title here"


# --------------------------------------------------------------------------- header rules


@pytest.mark.parametrize(
    "first_line, token, run_in",
    [
        (" date 2025-06-02 403", "403", None),  # token ends the line
        (" date 2025-06-02", None, None),  # no token
        (" date 2025-06-02   ", None, None),  # trailing spaces
        ("date: 2025-06-02 x1", "x1", None),  # colon form, token ends the line
        (" date 2025-06-02 8812 Envoys gathered.", "8812", "Envoys gathered."),  # digits
        (" date 2025-06-02 a1b2c3d4 Envoys gathered.", "a1b2c3d4", "Envoys gathered."),  # hex
        (" date 2025-06-02 REU-2291 Envoys gathered.", "REU-2291", "Envoys gathered."),  # capitals
        (" date 2025-06-02 Envoys gathered.", None, "Envoys gathered."),  # a word is body
        (" date 2025-06-02 NATO envoys gathered.", None, "NATO envoys gathered."),  # no digit
        (" date 2025-06-02 G20 envoys gathered.", None, "G20 envoys gathered."),  # lower case next
        (" date 2025-06-02 1200 prisoners went home.", None, "1200 prisoners went home."),
    ],
)
def test_header_source_token_or_run_in_body(first_line, token, run_in):
    text = first_line + "\nTitle line\nThe talks went on."
    doc = parse_document(text, doc_id="d", source="d.txt", sha256="0")
    assert doc.published == date(2025, 6, 2)
    assert doc.source_token == token
    if run_in is None:
        assert (doc.title, doc.body) == ("Title line", "The talks went on.")
    else:  # the body starts on the header line; the next line is body, not a title
        assert doc.title is None
        assert doc.body == run_in + "\nTitle line\nThe talks went on."


def test_header_may_follow_bom_and_blank_lines():
    text = "\ufeff\n  date 2025-06-02 7\nA title\nBody."
    doc = parse_document(text, doc_id="d", source="d", sha256="0")
    assert (doc.published, doc.source_token, doc.title) == (date(2025, 6, 2), "7", "A title")
    assert doc.body == "Body."


def test_word_date_in_prose_is_not_a_header():
    doc = parse_document("Dated letters arrived.\nMore.", doc_id="d", source="d", sha256="0")
    assert doc.published is None and doc.body_start == 0


@pytest.mark.parametrize(
    "line, is_title",
    [
        ("Envoys agree to meet again in Geneva", True),
        ("Will the truce hold?", True),
        ("Iran to resume talks with U.S.", True),
        ("Ceasefire talks: what we know so far", True),
        ("The envoys met on Friday.", False),  # a sentence with a full stop
        ("They met. Nobody spoke to reporters afterwards.", False),
        ("Did they agree? Nobody would say!", False),  # several sentences
        ("\u201cWe are ready,\u201d the minister said on Monday.\u201d", False),
        ("The delegations, which arrived late,", False),  # a paragraph broken off
        ("(Valley Observer) Mediators met on Tuesday", False),  # the body's publisher tag
        (" ".join(["word"] * 40), False),  # far too long for a headline
    ],
)
def test_title_line_rule(line, is_title):
    text = f" date 2025-06-02 5\n{line}\nThe second line of the article follows here."
    doc = parse_document(text, doc_id="d", source="d", sha256="0")
    assert (doc.title == line) is is_title
    if not is_title:
        assert doc.title is None
        assert doc.text[doc.body_start:].startswith(line.split(") ")[-1])


def test_hard_wrapped_paragraph_is_not_a_title():
    text = "Envoys from the two sides met again\nin the capital on Monday.\n"
    doc = parse_document(text, doc_id="d", source="d", sha256="0")
    assert doc.title is None and doc.body_start == 0


def test_single_line_is_body_not_title():
    text = " date 2025-06-02\nEnvoys met in Geneva"
    doc = parse_document(text, doc_id="d", source="d", sha256="0")
    assert doc.title is None and doc.body == "Envoys met in Geneva"


@pytest.mark.parametrize(
    "opening, publisher, body",
    [
        ("(Gulf & Levant Report) Iran said", "Gulf & Levant Report", "Iran said"),
        ("(AP) \u2014 Iran said", "AP", "Iran said"),
        ("(Reuters) - Iran said", "Reuters", "Iran said"),
        ("(This story was updated.) Iran said", None, "(This story"),
        ("(10:00 GMT) Iran said", None, "(10:00"),
    ],
)
def test_publisher_tag(opening, publisher, body):
    text = f" date 2025-06-02 5\nA title\n{opening} more."
    doc = parse_document(text, doc_id="d", source="d", sha256="0")
    assert doc.publisher == publisher
    assert doc.body.startswith(body)


def test_markdown_setext_heading_and_front_matter_without_title():
    text = "---\ndate: '2025-06-03'\n---\nTalks end\n=========\n\nThey ended.\n"
    doc = parse_document(text, doc_id="m", source="m.md", sha256="0", format="md")
    assert (doc.title, doc.published, doc.body) == ("Talks end", date(2025, 6, 3), "They ended.\n")


def test_parse_document_rejects_unknown_format():
    with pytest.raises(UsageError):
        parse_document("x", doc_id="d", source="d", sha256="0", format="html")


# --------------------------------------------------------------------------- bad inputs


def _load_error(path: Path, **kwargs) -> LoadError:
    with pytest.raises(LoadError) as info:
        load_file(path, **kwargs)
    error = info.value
    assert error.source == str(path)
    assert "\n" not in str(error)
    assert str(error).startswith(str(path))
    return error


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert "empty" in _load_error(path).problem


def test_whitespace_only_file(tmp_path):
    path = tmp_path / "blank.md"
    path.write_bytes(b" \n\t\r\n")
    assert "whitespace" in _load_error(path).problem


def test_png_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert "binary file (PNG image)" in _load_error(path).problem


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"Talks\x00\x00 resumed", "NUL byte at offset 5"),
        (b"\xff\xfe d\x00a\x00", "UTF-16"),
    ],
)
def test_other_binary_content(tmp_path, data, words):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    assert words in _load_error(path).problem


def test_latin1_bytes(tmp_path):
    path = tmp_path / "latin1.txt"
    data = " date 2025-06-02 1\nTalks in Bogot\xe1\nThey met.\n".encode("latin-1")
    path.write_bytes(data)
    problem = _load_error(path).problem
    assert "not UTF-8" in problem
    offset = data.index(b"\xe1")
    assert f"offset {offset}" in problem and "line 2" in problem


def test_latin1_bytes_in_jsonl_name_the_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "Bogot\xe1"}\n')
    error = _load_error(path)
    assert error.line == 2 and "not UTF-8" in error.problem


@pytest.mark.parametrize(
    "line, words",
    [
        ("[1,2]", "is an array, not an object"),
        ('"text"', "is a string, not an object"),
        ("{not json", "not valid JSON"),
        ('{"id": "a"}', '"text" must be a non-empty string (it is missing)'),
        ('{"text": "  "}', "(it is empty)"),
        ('{"text": 5}', "(it is a number)"),
        ('{"text": "x", "date": "2025-13-45"}', "invalid date '2025-13-45'"),
        ('{"text": "x", "published": 20250602}', '"published" must be a string'),
        ('{"text": "x", "id": ""}', '"id" must be a non-empty string'),
        ('{"text": "x", "date": "2025-06-02", "published": "2025-06-03"}', "disagree"),
    ],
)
def test_bad_jsonl_line(tmp_path, line, words):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "A good first record."}\n' + line + "\n", encoding="utf-8")
    error = _load_error(path)
    assert error.line == 2
    assert words in error.problem
    assert str(error).startswith(f"{path}:2: ")


def test_duplicate_id_within_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n', encoding="utf-8")
    error = _load_error(path)
    assert error.line == 2 and "duplicate document id 'a' (also on line 1)" in error.problem


def test_invalid_header_date(tmp_path):
    path = tmp_path / "bad-date.txt"
    path.write_text(" date 2025-13-45 403\nA title\nThe body.\n", encoding="utf-8")
    error = _load_error(path)
    assert "invalid header date '2025-13-45'" in error.problem and error.line == 1


def test_header_date_not_iso(tmp_path):
    path = tmp_path / "compact.txt"
    path.write_text("date 20250602 403\nA title\nThe body.\n", encoding="utf-8")
    assert "not an ISO date" in _load_error(path).problem


def test_front_matter_errors(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\ndate: 2025-02-30\n---\nBody.\n", encoding="utf-8")
    error = _load_error(bad)
    assert "invalid front matter date" in error.problem and error.line == 3
    open_ended = tmp_path / "open.md"
    open_ended.write_text("---\ntitle: x\nBody.\n", encoding="utf-8")
    assert "never closed" in _load_error(open_ended).problem


def test_header_without_article(tmp_path):
    path = tmp_path / "header-only.txt"
    path.write_text(" date 2025-06-02 403\n\n", encoding="utf-8")
    assert "no article text" in _load_error(path).problem


def test_unsupported_and_missing_files(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_text("text", encoding="utf-8")
    assert "unsupported file type '.pdf'" in _load_error(pdf).problem
    with pytest.raises(LoadError, match="no such file or directory"):
        load_paths([tmp_path / "nowhere"])
    with pytest.raises(LoadError, match="unsupported file type"):
        load_paths([pdf])


# --------------------------------------------------------------------------- load_paths


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "b" / "z").mkdir()
    (root / "a.txt").write_text("Alpha story.\n", encoding="utf-8")
    (root / "b" / "z" / "deep.md").write_text("# Deep\n\nDeep story.\n", encoding="utf-8")
    (root / "b" / "m.txt").write_text("Middle story.\n", encoding="utf-8")
    (root / "c.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    (root / "B.TXT").write_text("Upper-case suffix.\n", encoding="utf-8")
    (root / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.txt").write_text("Hidden.\n", encoding="utf-8")


def test_directory_recursion_is_sorted_and_skips_are_reported(tmp_path):
    _tree(tmp_path)
    skipped = []
    docs = load_paths([tmp_path], on_skip=lambda p, why: skipped.append((p.name, why)))
    assert [d.id for d in docs] == ["B", "a", "m", "deep", "c-1", "c-2"]
    assert [d.format for d in docs] == ["txt", "txt", "txt", "md", "jsonl", "jsonl"]
    assert [name for name, _ in skipped] == [".hidden", "notes.csv"]
    # the same tree, given in another order, loads the same way
    again = load_paths([str(tmp_path)], on_skip=lambda p, w: None)
    assert [d.id for d in again] == [d.id for d in docs]


def test_argument_order_is_kept_and_a_file_named_twice_is_reported(tmp_path):
    _tree(tmp_path)
    skipped = []
    docs = load_paths(
        [tmp_path / "b" / "m.txt", tmp_path / "b"], on_skip=lambda p, w: skipped.append((p.name, w))
    )
    assert [d.id for d in docs] == ["m", "deep"]
    assert skipped == [("m.txt", "already loaded (named twice)")]


def test_skips_are_logged_when_no_callback(tmp_path, caplog):
    _tree(tmp_path)
    with caplog.at_level(logging.WARNING, logger="kg.load"):
        load_paths([tmp_path])
    messages = [r.getMessage() for r in caplog.records]
    assert any("notes.csv" in m and "skipped" in m for m in messages)


def test_empty_directory_is_an_error(tmp_path):
    (tmp_path / "only.csv").write_text("a\n", encoding="utf-8")
    with pytest.raises(LoadError, match="directory holds no"):
        load_paths([tmp_path], on_skip=lambda p, w: None)


def test_duplicate_ids_across_files_name_both(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first = tmp_path / "x" / "story.txt"
    second = tmp_path / "y" / "story.md"
    first.write_text("One.\n", encoding="utf-8")
    second.write_text("Two.\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_paths([tmp_path])
    assert info.value.source == str(second)
    assert "duplicate document id 'story'" in info.value.problem
    assert str(first) in info.value.problem


def test_first_error_stops_without_keep_going(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("Fine.\n", encoding="utf-8")
    with pytest.raises(LoadError, match="a.txt: file is empty"):
        load_paths([tmp_path])


def test_keep_going_collects_errors_and_goes_on(tmp_path):
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-good.txt").write_text("Good story.\n", encoding="utf-8")
    (tmp_path / "c-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "d-feed.jsonl").write_text(
        '{"text": "First."}\n[1,2]\n{"text": "Third."}\n', encoding="utf-8"
    )
    (tmp_path / "e-latin.txt").write_bytes("Caf\xe9 talks.\n".encode("latin-1"))
    (tmp_path / "f-date.txt").write_text(" date 2025-13-45\nA title\nBody.\n", encoding="utf-8")
    errors: list[LoadError] = []
    docs = load_paths([tmp_path, tmp_path / "missing.txt"], keep_going=True, on_error=errors.append)
    assert [d.id for d in docs] == ["b-good", "d-feed-1", "d-feed-3"]
    assert [(Path(e.source).name, e.line) for e in errors] == [
        ("a-empty.txt", None),
        ("c-photo.txt", None),
        ("d-feed.jsonl", 2),
        ("e-latin.txt", None),
        ("f-date.txt", 1),
        ("missing.txt", None),
    ]


def test_keep_going_without_callback_logs_errors(tmp_path, caplog):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("Good.\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="kg.load"):
        docs = load_paths([tmp_path], keep_going=True)
    assert [d.id for d in docs] == ["b"]
    assert any("a.txt: file is empty" in r.getMessage() for r in caplog.records)


# --------------------------------------------------------------------------- publication date


def test_publication_date_precedence_and_never_file_time(tmp_path):
    headed = tmp_path / "headed.txt"
    headed.write_text(" date 2025-06-02 1\nTitle\nBody.\n", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text("Body without header.\n", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "a", "date": "2025-05-01"}\n{"text": "b"}\n', encoding="utf-8")
    os.utime(plain, (1_600_000_000, 1_600_000_000))  # 2020-09-13: must not be used
    default = date(2025, 7, 1)
    assert load_file(headed, date=default)[0].published == date(2025, 6, 2)
    assert load_file(plain, date=default)[0].published == default
    assert load_file(plain)[0].published is None
    assert [d.published for d in load_file(feed, date=default)] == [date(2025, 5, 1), default]
    assert load_paths([plain], date=default)[0].published == default


def test_bad_date_argument_is_a_usage_error(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Body.\n", encoding="utf-8")
    with pytest.raises(UsageError):
        load_file(plain, date="2025-02-30")
    assert load_file(plain, date="2025-02-28")[0].published == date(2025, 2, 28)


def test_jsonl_sha256_is_of_the_line_bytes(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [b'{"text": "One."}', b'{"text": "Two \xc3\xa9."}']
    path.write_bytes(lines[0] + b"\r\n" + lines[1])
    docs = load_file(path)
    assert [d.sha256 for d in docs] == [hashlib.sha256(line).hexdigest() for line in lines]
    assert docs[1].text == "Two \u00e9."
