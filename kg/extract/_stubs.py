"""Minimal stand-ins used only while the time and actor stages are not available.

They cover common phrasings so that event extraction can be developed and
tested; :mod:`kg.extract` prefers the real stages whenever they import.

>>> from datetime import date
>>> [t.timex for t in find_timexes("They met on June 2 and will meet next week.", date(2025, 7, 20))]
['2025-06-02', '2025-W30']
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from kg.records import Mention, TimeValue

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_M = "|".join(_MONTHS)
_D = "|".join(_DAYS)

_PATTERNS = [
    ("between", re.compile(rf"\bbetween ({_M}) (\d{{1,2}}) and (?:({_M}) )?(\d{{1,2}})\b", re.I)),
    ("monthday", re.compile(rf"\b({_M}) (\d{{1,2}})(?:,? (\d{{4}}))?\b(?!,? \d{{4}})", re.I)),
    ("monthyear", re.compile(rf"\b({_M}) (\d{{4}})\b", re.I)),
    ("endof", re.compile(rf"\bthe (end|start|beginning|middle) of ({_M})\b", re.I)),
    ("relweek", re.compile(r"\b(next week|the upcoming week|the coming week|last week|this week)\b", re.I)),
    ("relmonth", re.compile(r"\b(late last month|last month|earlier this month|this month|next month)\b", re.I)),
    ("thisyear", re.compile(r"\b(earlier this year|this year|last year)\b", re.I)),
    ("weekday", re.compile(rf"\b(last |next |this )?({_D})(?:'s)?\b", re.I)),
    ("sameday", re.compile(r"\b(the same day|that day|later that day|that evening|that morning)\b", re.I)),
    ("coming", re.compile(r"\b(in the coming days|in the coming weeks|soon)\b", re.I)),
    ("recent", re.compile(r"\b(recent|recently)\b", re.I)),
    ("year", re.compile(r"\b(1[89]\d\d|20\d\d)\b")),
]


def _day(text, d):
    return d, d, "day", d.isoformat()


def normalize(text: str, anchor: date | None, *, reference: date | None = None, tense: str | None = None):
    """Normalize one expression (see :func:`find_timexes`)."""
    found = find_timexes(text, anchor, reference=reference)
    return found[0] if found else None


def find_timexes(text: str, anchor: date | None, *, doc_id: str = "", offset: int = 0,
                 tense_at=None, reference: date | None = None) -> list[TimeValue]:
    """Find and normalize a few kinds of temporal expressions."""
    out: list[TimeValue] = []
    taken: list[tuple[int, int]] = []
    last = reference
    hits = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.end(), kind, m))
    for s, e, kind, m in sorted(hits):
        v = _value(kind, m, anchor, last, tense_at(s + offset) if tense_at else None)
        if v is None:
            continue
        earliest, latest, gran, tx = v
        if gran == "day":
            last = earliest
        mention = Mention(doc_id, s + offset, e + offset, text[s:e])
        out.append(TimeValue(text[s:e], tx, earliest, latest, gran, mention))
    return out


def _value(kind, m, anchor, last, tense):
    a = anchor
    if kind == "year":
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31), "year", str(y)
    if a is None and kind not in ("monthyear",):
        return None
    if kind == "between":
        m1 = _MONTHS[m.group(1).lower()]
        m2 = _MONTHS[(m.group(3) or m.group(1)).lower()]
        d1, d2 = date(a.year, m1, int(m.group(2))), date(a.year, m2, int(m.group(4)))
        return d1, d2, "range", f"{d1.isoformat()}/{d2.isoformat()}"
    if kind == "monthday":
        mo, dd = _MONTHS[m.group(1).lower()], int(m.group(2))
        y = int(m.group(3)) if m.group(3) else a.year
        try:
            d = date(y, mo, dd)
        except ValueError:
            return None
        return _day(m.group(0), d)
    if kind == "monthyear":
        mo, y = _MONTHS[m.group(1).lower()], int(m.group(2))
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", f"{y}-{mo:02d}"
    if kind == "endof":
        mo = _MONTHS[m.group(2).lower()]
        y = a.year
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", f"{y}-{mo:02d}"
    if kind == "relweek":
        w = m.group(1).lower()
        monday = a - timedelta(days=a.weekday())
        shift = {"last week": -7, "this week": 0}.get(w, 7)
        start = monday + timedelta(days=shift)
        iso = start.isocalendar()
        return start, start + timedelta(days=6), "week", f"{iso[0]}-W{iso[1]:02d}"
    if kind == "relmonth":
        w = m.group(1).lower()
        y, mo = a.year, a.month
        if "last" in w:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif "next" in w:
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", f"{y}-{mo:02d}"
    if kind == "thisyear":
        y = a.year - (1 if "last" in m.group(1).lower() else 0)
        return date(y, 1, 1), date(y, 12, 31), "year", str(y)
    if kind == "weekday":
        mod = (m.group(1) or "").strip().lower()
        wd = _DAYS[m.group(2).lower()]
        if mod == "next" or (tense == "future" and not mod):
            delta = (wd - a.weekday()) % 7 or 7
            return _day("", a + timedelta(days=delta))
        delta = (a.weekday() - wd) % 7
        if mod == "last" and delta == 0:
            delta = 7
        return _day("", a - timedelta(days=delta))
    if kind == "sameday":
        d = last or a
        tx = d.isoformat() + ("TEV" if "evening" in m.group(1).lower() else "")
        return d, d, "day", tx
    if kind == "coming":
        return None, None, "ref", "FUTURE_REF"
    if kind == "recent":
        return None, a, "ref", "PAST_REF"
    return None


# ---------------------------------------------------------------- actors
_COUNTRY_WORDS = {
    "russia": "Russia", "russian": "Russia", "moscow": "Russia", "kremlin": None,
    "ukraine": "Ukraine", "ukrainian": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine",
    "turkey": "Turkey", "turkish": "Turkey", "ankara": "Turkey", "türkiye": "Turkey",
    "iran": "Iran", "iranian": "Iran", "tehran": "Iran",
    "united states": "United States", "us": "United States", "u.s.": "United States",
    "washington": "United States", "american": "United States",
    "oman": "Oman", "omani": "Oman", "belarus": "Belarus", "belarusian": "Belarus",
    "israel": "Israel", "israeli": "Israel", "china": "China", "chinese": "China",
    "france": "France", "french": "France", "germany": "Germany", "german": "Germany",
    "qatar": "Qatar", "qatari": "Qatar", "egypt": "Egypt", "egyptian": "Egypt",
    "armenia": "Armenia", "armenian": "Armenia", "azerbaijan": "Azerbaijan",
    "azerbaijani": "Azerbaijan", "sudan": "Sudan", "ethiopia": "Ethiopia",
}


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorResult:
    actors: tuple
    mentions: tuple


def _close(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or a[:3] != b[:3] and a[-3:] != b[-3:]:
        return False
    # edit distance <= 2
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def extract_actors(doc, document) -> ActorResult:
    """Countries from a small word list, persons and organizations from the NER."""
    from kg.records import Actor

    off = doc.user_data.get("offset", 0)
    mentions = []
    persons: list[str] = []
    titles: dict[str, str] = {}
    for ent in doc.ents:
        low = ent.text.lower().removeprefix("the ")
        low = low.removesuffix("'s").removesuffix("’s")
        if ent.label_ in ("GPE", "NORP", "LOC", "ORG") and low in _COUNTRY_WORDS and _COUNTRY_WORDS[low]:
            mentions.append(ActorMention(ent.start_char + off, ent.end_char + off, _COUNTRY_WORDS[low], "Country"))
        elif ent.label_ == "ORG" and low in ("kremlin", "nato", "un", "united nations", "eu", "european union"):
            mentions.append(ActorMention(ent.start_char + off, ent.end_char + off, ent.text.removeprefix("the "), "Organization"))
        elif ent.label_ == "PERSON":
            text = re.sub(r"['’]s$", "", ent.text).strip()
            toks = text.split()
            if not toks or text.lower() in _COUNTRY_WORDS:
                continue
            name = None
            for p in persons:
                if _close(p.split()[-1], toks[-1]) or (len(toks) > 1 and p.split()[-1] == toks[-1]):
                    name = p
                    break
            if name is None:
                name = text
                if len(toks) >= 2:
                    persons.append(text)
            prev = doc[max(ent.start - 3, 0):ent.start].text.lower()
            if any(w in prev for w in ("president", "prime minister", "chancellor", "king")):
                titles.setdefault(name, "President")
            mentions.append(ActorMention(ent.start_char + off, ent.end_char + off, name, "Person"))
    # lower-case country words the NER missed (e.g. "Russian")
    for tok in doc:
        low = tok.text.lower()
        if low in _COUNTRY_WORDS and _COUNTRY_WORDS[low] and not any(
            m.start <= tok.idx + off < m.end for m in mentions
        ):
            mentions.append(ActorMention(tok.idx + off, tok.idx + len(tok) + off, _COUNTRY_WORDS[low], "Country"))
    # single-word persons seen before as full names
    fixed = []
    for m in mentions:
        if m.kind == "Person" and len(m.name.split()) == 1:
            for p in persons:
                if _close(p.split()[-1], m.name):
                    m = ActorMention(m.start, m.end, p, "Person")
                    break
        fixed.append(m)
    mentions = sorted(set(fixed), key=lambda m: (m.start, m.end))
    names = {}
    for m in mentions:
        names.setdefault(m.name, m.kind)
    actors = tuple(Actor(name=n, kind=k, title=titles.get(n)) for n, k in sorted(names.items()))
    return ActorResult(actors, tuple(mentions))
