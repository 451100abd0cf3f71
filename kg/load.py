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

import fnmatch
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date as Date
from pathlib import Path

from kg.errors import LoadError, UsageError
from kg.headers import _MONTH, _check_date_argument, _parse_iso_date, _parse_text
from kg.records import Document

__all__ = ["SUPPORTED_SUFFIXES", "DEFAULT_EXCLUDE", "load_paths", "iter_documents", "count_documents",
           "load_file", "parse_document"]

#: Files of a folder that are about the folder, not articles: left out of a folder's walk
#: unless ``exclude`` says otherwise (a file named on the command line is always read).
DEFAULT_EXCLUDE = ("README*", "LICENSE*", "LICENCE*", "CHANGELOG*", "CHANGES*", "CONTRIBUTING*")

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


# --------------------------------------------------------------------------- public API


def load_paths(
    paths: Iterable[str | Path],
    *,
    date: Date | None = None,
    keep_going: bool = False,
    on_error: Callable[[LoadError], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
) -> list[Document]:
    """Load every document under ``paths`` (files and directories), in a stable order.

    Arguments are taken in the order given; a directory is walked recursively and
    its entries in sorted name order. In directories only ``.txt``, ``.md``,
    ``.markdown``, ``.jsonl`` and ``.ndjson`` files are read; every other entry
    (other files, hidden entries, links to directories, a file reached twice) is
    passed to ``on_skip(path, reason)``, or logged as a warning when it is None.
    A file named explicitly must have one of these suffixes. In directories, files
    whose name matches a glob of ``exclude`` (by default :data:`DEFAULT_EXCLUDE`: a
    folder's README, LICENSE, CHANGELOG...) are passed over too; a file named
    explicitly is always read.

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
    >>> _ = (root / "README.md").write_text("# About\\n\\nCollected by the desk.\\n")
    >>> [d.id for d in load_paths([root], on_skip=lambda p, why: None)]
    ['x', 'b']
    >>> [d.id for d in load_paths([root], exclude=("b.*",), on_skip=lambda p, why: None)]
    ['README', 'x']
    >>> errors = []
    >>> docs = load_paths([root / "missing.txt", root / "b.txt"], keep_going=True,
    ...                   on_error=errors.append)
    >>> [d.id for d in docs], [e.problem for e in errors]
    (['b'], ['no such file or directory'])
    """
    return list(iter_documents(paths, date=date, keep_going=keep_going, on_error=on_error,
                               on_skip=on_skip, exclude=exclude))


def iter_documents(
    paths: Iterable[str | Path],
    *,
    date: Date | None = None,
    keep_going: bool = False,
    on_error: Callable[[LoadError], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
    exclude: Iterable[str] = DEFAULT_EXCLUDE,
) -> Iterator[Document]:
    """:func:`load_paths`, one document at a time: the same documents in the same
    order, with the same problems, but a file is read only when its documents are
    asked for, and a JSON Lines feed one line at a time, so that a feed of any
    length is loaded in the memory of one line. A bad line raises (or, with
    ``keep_going``, is reported) when the reading reaches it, naming its line; the
    documents of the lines before it have been given by then.

    >>> import tempfile
    >>> feed = Path(tempfile.mkdtemp()) / "feed.jsonl"
    >>> _ = feed.write_text('{"text": "Envoys met."}\\n{"text": 3}\\n{"text": "They left."}\\n')
    >>> docs = iter_documents([feed])
    >>> next(docs).id
    'feed-1'
    >>> next(docs)
    Traceback (most recent call last):
    kg.errors.LoadError: ...feed.jsonl:2: "text" must be a non-empty string (it is a number)
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    default = _check_date_argument(date)  # a bad date fails now, not at the first document
    return _documents(list(paths), default, keep_going, on_error, on_skip, tuple(exclude))


def _documents(paths, default, keep_going, on_error, on_skip, exclude) -> Iterator[Document]:
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

    seen_ids: dict[str, str] = {}
    seen_files: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = _walk(path, skip, fail, exclude)
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
            loaded = _read_file(file, default, fail if keep_going else None)
            while True:
                try:
                    doc = next(loaded)
                except StopIteration:
                    break
                except LoadError as error:
                    fail(error)
                    break
                where = doc.source if doc.line is None else f"{doc.source}:{doc.line}"
                if doc.id in seen_ids:
                    first = seen_ids[doc.id]
                    problem = f"duplicate document id {doc.id!r} (already loaded from {first})"
                    fail(LoadError(doc.source, problem, line=doc.line))
                    continue
                seen_ids[doc.id] = where
                yield doc


def count_documents(paths: Iterable[str | Path], *, exclude: Iterable[str] = DEFAULT_EXCLUDE) -> int:
    """About how many documents :func:`iter_documents` will give for ``paths``, for
    a progress bar: one a text file and one a JSON line that holds something (the
    lines are counted, not parsed), found by the same walk, silently; bad files and
    lines are counted too.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("Envoys met.\\n")
    >>> _ = (root / "feed.jsonl").write_text('{"text": "a"}\\n\\n{"text": "b"}\\n')
    >>> count_documents([root])
    3
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total = 0

    def quiet(*_args) -> None:
        pass

    for given in paths:
        path = Path(given)
        files = _walk(path, quiet, quiet, tuple(exclude)) if path.is_dir() else [path]
        for file in files or ():
            if SUPPORTED_SUFFIXES.get(file.suffix.lower()) != "jsonl":
                total += 1
                continue
            try:
                with file.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
    return total


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
    return list(_read_file(Path(path), _check_date_argument(date), None))


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
    root: Path, skip: Callable[[Path, str], None], fail: Callable[[LoadError], None],
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
) -> list[Path] | None:
    """Supported files under ``root``, depth first in sorted name order.

    The walk keeps its own stack (no recursion), so folders nested any depth are read.
    """

    def entries(folder: Path) -> list[Path] | None:
        try:
            return sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            fail(LoadError(str(folder), f"cannot read directory: {exc.strerror or exc}"))
            return None

    top = entries(root)
    if top is None:
        return None
    files: list[Path] = []
    stack = [iter(top)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            skip(entry, "hidden")
        elif entry.is_dir():
            if entry.is_symlink():
                skip(entry, "link to a directory, not followed")
            else:
                stack.append(iter(entries(entry) or ()))
        elif not entry.is_file():
            skip(entry, "not a regular file")
        elif any(fnmatch.fnmatch(entry.name, glob) for glob in exclude):
            skip(entry, "excluded (--exclude)")
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(entry)
        else:
            skip(entry, f"not a {_SUFFIX_LIST} file")
    return files


def _read_file(
    path: Path, default: Date | None, report: Callable[[LoadError], None] | None
) -> Iterator[Document]:
    """The documents of one file; JSON line problems go to ``report`` if given, else raise.
    A JSON Lines file is read a line at a time (:func:`_read_jsonl`)."""
    source = str(path)
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        suffix = path.suffix or "(none)"
        raise LoadError(source, f"unsupported file type {suffix!r}: expected {_SUFFIX_LIST}")
    try:
        if fmt == "jsonl":
            with path.open("rb") as f:
                yield from _read_jsonl(f, source, path.stem, default, report)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(source, "no such file or directory") from None
    except IsADirectoryError:
        raise LoadError(source, "is a directory") from None
    except OSError as exc:
        raise LoadError(source, f"cannot read file: {exc.strerror or exc}") from None
    text = _decode(data, source)
    if not text.strip():
        raise LoadError(source, "file is empty" if not data else "file holds only whitespace")
    yield parse_document(
        text,
        doc_id=path.stem,
        source=source,
        sha256=hashlib.sha256(data).hexdigest(),
        date=default,
        format=fmt,
    )


def _binary_start(data: bytes, source: str) -> None:
    """A LoadError when ``data`` (a file's first bytes) opens a binary format or UTF-16."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise LoadError(source, f"binary file ({kind}), not a text document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(source, "not UTF-8: UTF-16 byte order mark at offset 0 (save it as UTF-8)")


def _decode(data: bytes, source: str) -> str:
    """UTF-8 text of ``data``, or a LoadError saying why it is not text."""
    _binary_start(data, source)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise LoadError(source, f"binary file (NUL byte at offset {nul}), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_no = data.count(b"\n", 0, exc.start) + 1
        raise LoadError(
            source, f"not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start}, line {line_no}"
        ) from None


def _read_jsonl(
    f,
    source: str,
    stem: str,
    default: Date | None,
    report: Callable[[LoadError], None] | None,
) -> Iterator[Document]:
    """The documents of the JSON Lines file open (binary) as ``f``, a line at a time:
    only the current line (and the ids seen, to refuse a repeated one) is held.
    A line that is not UTF-8, holds a NUL byte or is not a record is a LoadError
    naming it (its offset counted from the start of the file)."""
    _binary_start(f.peek(16)[:16] if hasattr(f, "peek") else b"", source)
    ids: dict[str, int] = {}
    offset = 0  # of the current line in the file
    records = 0  # lines that hold something
    for number, raw in enumerate(f, start=1):
        start, offset = offset, offset + len(raw)
        raw = raw[:-1] if raw.endswith(b"\n") else raw
        raw = raw[:-1] if raw.endswith(b"\r") else raw
        try:
            line = _jsonl_line(raw, source, number, start)
            if not line.strip():
                continue  # a blank line holds no record
            records += 1
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
        yield doc
    if not records:
        raise LoadError(source, "file is empty" if not offset else "file holds only whitespace")


def _jsonl_line(raw: bytes, source: str, number: int, start: int) -> str:
    """The text of line ``number`` of a JSON Lines file (its bytes ``raw`` start at
    ``start`` in the file), or a LoadError naming the line."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        problem = f"binary data (NUL byte at offset {start + nul}), not a text document"
        raise LoadError(source, problem, line=number)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8: byte 0x{raw[exc.start]:02X} at offset {start + exc.start}"
        raise LoadError(source, problem, line=number) from None
    return line.removeprefix("\ufeff") if number == 1 else line


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


