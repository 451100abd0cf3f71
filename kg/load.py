"""Loading: files, directories and feeds -> :class:`~kg.records.Document`.

Accepted inputs (see the domain model, section 1):

- ``.txt`` in the native format: a header line `` date 2025-07-20 403`` (optional
  leading whitespace or BOM, the word ``date``, an ISO publication date, or a month
  `` date 2025-02`` or a year when that is all the source knows, an optional
  source token), a title line, then the body, which may open with a ``(PUBLISHER)``
  tag. Untidy variants are read too: the header running into the body, no title
  line, no publisher tag, no header at all.
- ``.md``/``.markdown``: an optional front matter block (``---`` ... ``---`` with
  ``date:``, ``title:``, ``publisher:``, ``url:``) and a first ``# `` heading as title.
- ``.jsonl``/``.ndjson``: one JSON object per line with a non-empty string ``text``
  and optional ``id``, ``title``, ``date``/``published`` (a day, or a month
  ``2025-02`` or a year when that is all the source knows), ``publisher``, ``url``.

``Document.text`` is the whole decoded text exactly as in the file (header, BOM and
CRLF kept) so that evidence offsets index the original file; for JSON Lines it is
the ``text`` field. The publication date comes from the header (or front matter,
or the JSON ``date``/``published`` field), else from the ``date`` argument, else
it is unknown: it is never guessed from file times.

A file that cannot be read as a document raises :class:`~kg.errors.LoadError`
naming the file (and the line, for JSON Lines) and the problem.

>>> doc = parse_document(" date 2025-07-20 403\\nTalks resume\\n(MENAFN) Delegates met.",
...                      doc_id="d", source="d.txt", sha256="0")
>>> (doc.published.isoformat(), doc.source_token, doc.title, doc.publisher, doc.body)
('2025-07-20', '403', 'Talks resume', 'MENAFN', 'Delegates met.')
>>> doc = parse_document(" date 2025-02\\nTalks resume\\nDelegates met.", doc_id="d", source="d.txt",
...                      sha256="0")
>>> (doc.published, doc.published_period, doc.title)
(None, '2025-02', 'Talks resume')
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path

from kg.errors import LoadError, UsageError
from kg.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "load_paths", "load_file", "parse_document"]

log = logging.getLogger(__name__)

#: File name suffixes read as documents, and the ``Document.format`` each gives.
SUPPORTED_SUFFIXES = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_SUFFIX_LIST = ".txt, .md, .markdown, .jsonl or .ndjson"

# Leading bytes of common binary formats, checked before decoding.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy office document"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)

#: A publication known to the month or the year only: `` date 2025-02``, `` date 2025``.
_MONTH = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2]))?")
# The native header: `date`, an ISO date (validated later), then the rest of the line.
_HEADER = re.compile(r"\A(?:\ufeff)?\s*date(?:[ \t]*:[ \t]*|[ \t]+)(?P<date>\d\S*)", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
# A source token that is followed by body text on the same line must look like an id:
# digits, hex with a digit, or capitals/digits with a separator or at least 3 digits.
_ID_TOKEN = re.compile(
    r"\d+"
    r"|(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}"
    r"|(?=[^a-z]*\d)(?=[A-Z0-9]*[-_:/#.][A-Z0-9]|(?:\D*\d){3})[A-Z0-9][A-Z0-9_:/#.\-]*"
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].+)?")
# An opening "(Publisher)" tag, the spaces after it and an optional wire-style dash.
_PUBLISHER_TAG = re.compile(r"\((?P<name>[^()\n]{1,60})\)[ \t]*(?:[-\u2013\u2014][ \t]+)?")
_PUBLISHER_NAME = re.compile(r"[^\W\d_][\w&.,'\u2019 /\-]*(?<![.!?,])")
# Headline-shape tests for the title line.
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_ABBREV_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|No)\.)$")
_INNER_SENTENCE = re.compile(
    r"[a-z0-9)\"'\u201d\u2019][.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]"
)
_MAX_TITLE_WORDS = 35
_MAX_TITLE_CHARS = 250
_ATX_H1 = re.compile(r"#[ \t]+(?P<title>.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_H1 = re.compile(r"=+[ \t]*\r?")


# --------------------------------------------------------------------------- public API


def load_paths(
    paths: Iterable[str | Path],
    *,
    date: Date | None = None,
    keep_going: bool = False,
    on_error: Callable[[LoadError], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
) -> list[Document]:
    """Load every document under ``paths`` (files and directories), in a stable order.

    Arguments are taken in the order given; a directory is walked recursively and
    its entries in sorted name order. In directories only ``.txt``, ``.md``,
    ``.markdown``, ``.jsonl`` and ``.ndjson`` files are read; every other entry
    (other files, hidden entries, links to directories, a file reached twice) is
    passed to ``on_skip(path, reason)``, or logged as a warning when it is None.
    A file named explicitly must have one of these suffixes.

    With ``keep_going=False`` the first problem raises :class:`LoadError`; with
    ``keep_going=True`` each problem goes to ``on_error`` (logged as an error when it
    is None) and loading goes on with the next file or JSON line. Problems are: a
    missing path, an unreadable or unsupported file (see :func:`load_file`), a
    directory without documents, and a document id already loaded from another file.
    ``date`` is the publication date of documents that do not state one.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "b.txt").write_text("Second file.\\n")
    >>> (root / "a").mkdir()
    >>> _ = (root / "a" / "x.txt").write_text(" date 2025-06-02\\nRound two\\nTalks ended.\\n")
    >>> _ = (root / "notes.csv").write_text("a,b\\n")
    >>> skipped = []
    >>> docs = load_paths([root], on_skip=lambda p, why: skipped.append(p.name))
    >>> [(d.id, d.published) for d in docs]
    [('x', datetime.date(2025, 6, 2)), ('b', None)]
    >>> skipped
    ['notes.csv']
    >>> errors = []
    >>> docs = load_paths([root / "missing.txt", root / "b.txt"], keep_going=True,
    ...                   on_error=errors.append)
    >>> [d.id for d in docs], [e.problem for e in errors]
    (['b'], ['no such file or directory'])
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    default = _check_date_argument(date)

    def fail(error: LoadError) -> None:
        if not keep_going:
            raise error
        if on_error is not None:
            on_error(error)
        else:
            log.error("%s", error)

    def skip(path: Path, reason: str) -> None:
        if on_skip is not None:
            on_skip(path, reason)
        else:
            log.warning("%s: skipped: %s", path, reason)

    docs: list[Document] = []
    seen_ids: dict[str, str] = {}
    seen_files: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _walk(path, skip, fail)
            if files is not None and not files:
                fail(LoadError(str(path), f"directory holds no {_SUFFIX_LIST} files"))
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            fail(LoadError(str(path), "no such file or directory"))
            continue
        for file in files or ():
            key = _identity(file)
            if key in seen_files:
                skip(file, "already loaded (named twice)")
                continue
            seen_files.add(key)
            try:
                loaded = _load_file(file, default, fail if keep_going else None)
            except LoadError as error:
                fail(error)
                continue
            for doc in loaded:
                where = doc.source if doc.line is None else f"{doc.source}:{doc.line}"
                if doc.id in seen_ids:
                    first = seen_ids[doc.id]
                    problem = f"duplicate document id {doc.id!r} (already loaded from {first})"
                    fail(LoadError(doc.source, problem, line=doc.line))
                    continue
                seen_ids[doc.id] = where
                docs.append(doc)
    return docs


def load_file(path: str | Path, *, date: Date | None = None) -> list[Document]:
    """Load one file: one document, or one per line for JSON Lines.

    Raises :class:`LoadError` for a missing or unsupported file, an empty or
    whitespace-only file, binary content, bytes that are not UTF-8, a JSON line
    that is not an object with a non-empty string ``text``, an invalid date, or
    no article text after the header.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> feed = root / "feed.jsonl"
    >>> _ = feed.write_text('{"id": "a", "text": "Talks began.", "date": "2025-06-02T09:00:00Z"}\\n'
    ...                     '{"text": "(AP) Talks ended."}\\n')
    >>> for d in load_file(feed):
    ...     print(d.id, d.line, d.published, d.publisher, d.body)
    a 1 2025-06-02 None Talks began.
    feed-2 2 None AP Talks ended.
    >>> _ = (root / "bad.jsonl").write_text('[1, 2]\\n')
    >>> load_file(root / "bad.jsonl")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.LoadError: .../bad.jsonl:1: JSON line is an array, not an object
    """
    return _load_file(Path(path), _check_date_argument(date), None)


def parse_document(
    text: str,
    *,
    doc_id: str,
    source: str,
    sha256: str,
    date: Date | None = None,
    format: str = "txt",
) -> Document:
    """Read the header, title and publisher of a decoded native (or Markdown) text.

    ``date`` is used when the text states no publication date. ``format`` is
    ``"txt"`` or ``"md"`` (front matter and ``#`` heading). The header may run into
    the body; a token after the date is the source token only when it ends the line
    or looks like an id and is not followed by a lower-case word.

    >>> doc = parse_document(" date 2025-06-02 Delegations met again on Monday in Istanbul.",
    ...                      doc_id="d", source="d.txt", sha256="0")
    >>> (doc.published.isoformat(), doc.source_token, doc.title, doc.body[:15])
    ('2025-06-02', None, None, 'Delegations met')
    >>> doc = parse_document("---\\ntitle: Talks\\ndate: 2025-06-02\\n---\\n# Talks\\nThey met.\\n",
    ...                      doc_id="m", source="m.md", sha256="0", format="md")
    >>> (doc.title, doc.published.isoformat(), doc.body)
    ('Talks', '2025-06-02', 'They met.\\n')
    >>> parse_document(" date 2025-13-45 403\\nA title\\nBody.", doc_id="x", source="x.txt",
    ...                sha256="0")
    Traceback (most recent call last):
    kg.errors.LoadError: x.txt:1: invalid header date '2025-13-45': month must be in 1..12
    """
    if format not in ("txt", "md"):
        raise UsageError(f"parse_document: format must be 'txt' or 'md', not {format!r}")
    head = _parse_text(text, source=source, markdown=format == "md", guess_title=True)
    return Document(
        id=doc_id,
        source=source,
        text=text,
        sha256=sha256,
        body_start=head.body_start,
        published=head.published or (None if head.published_period else _check_date_argument(date)),
        published_period=head.published_period,
        title=head.title,
        publisher=head.publisher,
        source_token=head.source_token,
        url=head.url,
        format=format,
    )


# --------------------------------------------------------------------------- files


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _walk(
    root: Path, skip: Callable[[Path, str], None], fail: Callable[[LoadError], None]
) -> list[Path] | None:
    """Supported files under ``root``, depth first in sorted name order."""
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        fail(LoadError(str(root), f"cannot read directory: {exc.strerror or exc}"))
        return None
    files: list[Path] = []
    for entry in entries:
        if entry.name.startswith("."):
            skip(entry, "hidden")
        elif entry.is_dir():
            if entry.is_symlink():
                skip(entry, "link to a directory, not followed")
            else:
                files.extend(_walk(entry, skip, fail) or ())
        elif not entry.is_file():
            skip(entry, "not a regular file")
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(entry)
        else:
            skip(entry, f"not a {_SUFFIX_LIST} file")
    return files


def _load_file(
    path: Path, default: Date | None, report: Callable[[LoadError], None] | None
) -> list[Document]:
    """Load one file; JSON line problems go to ``report`` if given, else raise."""
    source = str(path)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        suffix = path.suffix or "(none)"
        raise LoadError(source, f"unsupported file type {suffix!r}: expected {_SUFFIX_LIST}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(source, "no such file or directory") from None
    except IsADirectoryError:
        raise LoadError(source, "is a directory") from None
    except OSError as exc:
        raise LoadError(source, f"cannot read file: {exc.strerror or exc}") from None
    text = _decode(data, source, jsonl=fmt == "jsonl")
    if not text.strip():
        raise LoadError(source, "file is empty" if not data else "file holds only whitespace")
    if fmt == "jsonl":
        return _load_jsonl(data, source, path.stem, default, report)
    doc = parse_document(
        text,
        doc_id=path.stem,
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        date=default,
        format=fmt,
    )
    return [doc]


def _decode(data: bytes, source: str, *, jsonl: bool) -> str:
    """UTF-8 text of ``data``, or a LoadError saying why it is not text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise LoadError(source, f"binary file ({kind}), not a text document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(source, "not UTF-8: UTF-16 byte order mark at offset 0 (save it as UTF-8)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise LoadError(source, f"binary file (NUL byte at offset {nul}), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_no = data.count(b"\n", 0, exc.start) + 1
        where = "" if jsonl else f", line {line_no}"
        raise LoadError(
            source,
            f"not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}{where}",
            line=line_no if jsonl else None,
        ) from None


def _load_jsonl(
    data: bytes,
    source: str,
    stem: str,
    default: Date | None,
    report: Callable[[LoadError], None] | None,
) -> list[Document]:
    docs: list[Document] = []
    ids: dict[str, int] = {}
    for number, raw in enumerate(data.split(b"\n"), start=1):
        raw = raw[:-1] if raw.endswith(b"\r") else raw
        line = raw.decode("utf-8")  # the whole file decoded, so every line does
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue  # a blank line holds no record
        try:
            doc = _jsonl_record(line, raw, source, stem, number, default)
            if doc.id in ids:
                problem = f"duplicate document id {doc.id!r} (also on line {ids[doc.id]})"
                raise LoadError(source, problem, line=number)
        except LoadError as error:
            if report is None:
                raise
            report(error)
            continue
        ids[doc.id] = number
        docs.append(doc)
    return docs


def _jsonl_record(
    line: str, raw: bytes, source: str, stem: str, number: int, default: Date | None
) -> Document:
    def error(problem: str) -> LoadError:
        return LoadError(source, problem, line=number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise error(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise error(f"JSON line is {_json_kind(record)}, not an object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else "empty" if isinstance(text, str) else _json_kind(text)
        raise error(f'"text" must be a non-empty string (it is {what})')

    def string_field(name: str) -> str | None:
        value = record.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise error(f'"{name}" must be a string, not {_json_kind(value)}')
        return value.strip() or None

    raw_id = record.get("id")
    if raw_id is None:
        doc_id = f"{stem}-{number}"
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    elif isinstance(raw_id, str) and raw_id.strip():
        doc_id = raw_id.strip()
    else:
        raise error(f'"id" must be a non-empty string or an integer, not {_json_kind(raw_id)}')

    published = month = None
    for name in ("date", "published"):
        value = string_field(name)
        if value is None:
            continue
        if _MONTH.fullmatch(value):  # known to the month or year only, as a header can say
            if month is not None and value != month:
                raise error(f'"date" ({month}) and "published" ({value}) disagree')
            month = value
            continue
        try:
            day = _parse_iso_date(value)
        except ValueError as exc:
            raise error(f'invalid date {value!r} in "{name}": {exc}') from None
        if published is not None and day != published:
            raise error(f'"date" ({published}) and "published" ({day}) disagree')
        published = day
    if published is not None and month is not None and not published.isoformat().startswith(month):
        raise error(f'"date" and "published" disagree ({month}, {published})')

    title = string_field("title")
    publisher = string_field("publisher")
    url = string_field("url")
    head = _parse_text(
        text, source=source, line=number, markdown=False, guess_title=False, title=title
    )
    return Document(
        id=doc_id,
        source=source,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        body_start=head.body_start,
        published=head.published or published or (None if head.published_period or month else default),
        published_period=None if head.published or published else (month or head.published_period),
        title=title or head.title,
        publisher=publisher or head.publisher,
        source_token=head.source_token,
        url=url,
        format="jsonl",
        line=number,
    )


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dict):
        return "an object"
    return "null"


# --------------------------------------------------------------------------- dates


def _parse_iso_date(value: str) -> Date:
    """The calendar date of an ISO date or date-time (the date as written).

    >>> _parse_iso_date("2025-06-02T23:30:00-05:00")
    datetime.date(2025, 6, 2)
    >>> _parse_iso_date("2025-02-30")
    Traceback (most recent call last):
    ValueError: day is out of range for month
    """
    m = _ISO_DATE.fullmatch(value.strip())
    if not m:
        raise ValueError("not an ISO date (YYYY-MM-DD)")
    day = Date(int(m[1]), int(m[2]), int(m[3]))
    if len(value.strip()) > 10:
        try:
            datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not an ISO date or date-time") from None
    return day


def _check_date_argument(value: object) -> Date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    if isinstance(value, str):
        try:
            return _parse_iso_date(value)
        except ValueError as exc:
            raise UsageError(f"invalid publication date {value!r}: {exc}") from None
    raise UsageError(f"date must be a datetime.date, not {type(value).__name__}")


# --------------------------------------------------------------------------- text


@dataclass(frozen=True, slots=True)
class _Head:
    body_start: int
    published: Date | None = None
    title: str | None = None
    publisher: str | None = None
    source_token: str | None = None
    url: str | None = None
    published_period: str | None = None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and (text[pos].isspace() or text[pos] == "\ufeff"):
        pos += 1
    return pos


def _parse_text(
    text: str,
    *,
    source: str,
    markdown: bool,
    guess_title: bool,
    line: int | None = None,
    title: str | None = None,
) -> _Head:
    """Find header, front matter, title line and publisher tag in ``text``.

    ``guess_title`` allows taking a headline-shaped first line as title when no
    header or front matter was found (JSON records already carry their title).
    """
    published = source_token = url = publisher = month = None
    pos = 0  # where the title line (or the body) is looked for
    candidate: tuple[int, int] | None = None  # a run-in title candidate on the header line
    header = False

    front = _front_matter(text, source) if markdown else None
    if front is not None:
        fields, pos = front
        published, title = fields.get("date"), fields.get("title")
        publisher, url = fields.get("publisher"), fields.get("url")
        header = True
    elif m := _HEADER.match(text):
        header = True
        token = m["date"]
        try:
            if _MONTH.fullmatch(token):  # " date 2025-02": known to the month, no day invented
                month = token
            else:
                published = _parse_iso_date(token)
        except ValueError as exc:
            where = line or text.count("\n", 0, m.start("date")) + 1
            raise LoadError(source, f"invalid header date {token!r}: {exc}", line=where) from None
        end = _line_end(text, m.end())
        rest = _skip_space_inline(text, m.end(), end)
        pos = end + 1
        if rest < end:
            tok = _TOKEN.match(text, rest, end)
            after = _skip_space_inline(text, tok.end(), end)
            if after >= end:
                source_token = tok[0]
            elif _ID_TOKEN.fullmatch(tok[0]) and not text[after].islower():
                source_token = tok[0]
                candidate = (after, end)
            else:
                candidate = (rest, end)

    if candidate is None:
        start = _skip_space(text, min(pos, len(text)))
        candidate = (start, _line_end(text, start))
    start, end = candidate
    body_start = start

    if start < len(text):
        line_text = text[start:end].strip()
        heading = _ATX_H1.fullmatch(line_text) if markdown else None
        setext = None
        if markdown and heading is None and line_text and end < len(text):
            setext = _SETEXT_H1.fullmatch(text, end + 1, _line_end(text, end + 1))
        if heading is not None:
            title = title or heading["title"].strip() or None
            body_start = _skip_space(text, end)
        elif setext is not None:
            title = title or line_text
            body_start = _skip_space(text, setext.end())
        elif title is not None and line_text == title.strip():
            body_start = _skip_space(text, end)  # the record's title opens its text
        elif title is None and (header or guess_title) and _is_title_line(text, start, end):
            title = line_text
            body_start = _skip_space(text, end)

    tag = _PUBLISHER_TAG.match(text, body_start)
    if tag and _PUBLISHER_NAME.fullmatch(tag["name"].strip()) and len(tag["name"].split()) <= 8:
        publisher = publisher or tag["name"].strip()
        body_start = _skip_space(text, tag.end())

    if not text[body_start:].strip():
        raise LoadError(source, "no article text after the header and title", line=line)
    return _Head(body_start, published, title, publisher, source_token, url, month)


def _skip_space_inline(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\r":
        pos += 1
    return pos


def _is_title_line(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is a headline rather than the body.

    A headline is followed by more text, does not open with a ``(Publisher)``
    tag, is at most 35 words and 250 characters, does not end with a full stop
    (abbreviations such as "U.S." aside), a comma, colon or semicolon, does not
    hold several sentences ending in "?" or "!", and is not continued by a next
    line starting in lower case (a hard-wrapped paragraph).

    >>> t = "Iran to resume talks with U.S.\\nOfficials said so."
    >>> _is_title_line(t, 0, t.index("\\n"))
    True
    >>> t = "Envoys met in Rome on Friday. No date was set.\\nMore text."
    >>> _is_title_line(t, 0, t.index("\\n"))
    False
    """
    line = text[start:end].strip()
    after = _skip_space(text, end)
    if not line or after >= len(text):
        return False  # a lone line is the body itself
    if _PUBLISHER_TAG.match(line):
        return False
    if len(line) > _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    bare = line.rstrip(_CLOSERS)
    if bare.endswith((",", ";", ":")):
        return False
    if bare.endswith(".") and not _ABBREV_END.search(bare):
        return False
    if bare.endswith(("!", "?")) and _INNER_SENTENCE.search(line):
        return False
    next_start = end + 1
    if next_start < len(text) and text[next_start:next_start + 1].islower():
        return False  # the paragraph goes on on the next line
    return True


def _front_matter(text: str, source: str) -> tuple[dict, int] | None:
    """Fields of a ``---`` front matter block and the offset after it, or None."""
    start = _skip_space_inline(text, 1 if text.startswith("\ufeff") else 0, len(text))
    end = _line_end(text, start)
    if text[start:end].rstrip() != "---":
        return None
    fields: dict = {}
    pos, number = end + 1, 1
    while pos <= len(text):
        number += 1
        end = _line_end(text, pos)
        raw = text[pos:end].rstrip()
        if raw in ("---", "..."):
            return fields, end + 1
        key, sep, value = raw.partition(":")
        key = key.strip().lower()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if sep and value and not raw[:1].isspace():
            if key in ("date", "published"):
                try:
                    day = _parse_iso_date(value)
                except ValueError as exc:
                    problem = f"invalid front matter date {value!r}: {exc}"
                    raise LoadError(source, problem, line=number) from None
                fields.setdefault("date", day)
            elif key in ("title", "publisher", "url"):
                fields[key] = value
        if end >= len(text):
            break
        pos = end + 1
    raise LoadError(source, "front matter opened by '---' is never closed", line=1)
