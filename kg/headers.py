"""Reading a decoded text's header, front matter, title line and publisher tag, and ISO dates.

The part of loading (:mod:`kg.load`) that looks inside one text: where the
body starts, the publication date (a day, or a month or year when that is all
the source knows), the title, the publisher and the source token.

>>> head = _parse_text(" date 2025-07-20 403\\nTalks resume\\n(MENAFN) Delegates met.",
...                    source="d.txt", markdown=False, guess_title=True)
>>> (head.published.isoformat(), head.source_token, head.title, head.publisher, head.body_start)
('2025-07-20', '403', 'Talks resume', 'MENAFN', 43)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime

from kg.errors import LoadError, UsageError

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
