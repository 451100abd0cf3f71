"""Reading gold annotation files (domain model §3) into :class:`GoldDoc` records.

Every field is checked as it is read; a bad file raises
:class:`~kg.errors.LoadError` naming the file and the field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import LoadError, UsageError
from kg.evaluate.records import GoldActor, GoldAgreement, GoldDoc, GoldEvent, GoldProposal, GoldTimex
from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES


def _date(value: Any, where: str, source: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise LoadError(source, f"{where}: expected an ISO date or null, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise LoadError(source, f"{where}: not an ISO date: {value!r}") from None


def _str(obj: Mapping, name: str, where: str, source: str, *, required=True, default=None):
    value = obj.get(name, default)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise LoadError(source, f"{where}.{name}: expected a string, got {value!r}")
    return value


def _strs(obj: Mapping, name: str, where: str, source: str) -> tuple[str, ...]:
    value = obj.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LoadError(source, f"{where}.{name}: expected a list of strings, got {value!r}")
    return tuple(value)


def _bool(obj: Mapping, name: str, where: str, source: str) -> bool:
    value = obj.get(name, False)
    if not isinstance(value, bool):
        raise LoadError(source, f"{where}.{name}: expected true or false, got {value!r}")
    return value


def _choice(value: Any, choices: Sequence[str], where: str, source: str) -> str:
    if value not in choices:
        raise LoadError(source, f"{where}: {value!r} is not one of {', '.join(choices)}")
    return value


def _list(data: Mapping, name: str, source: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise LoadError(source, f"{name}: expected a list of objects")
    return value


def load_gold(path: str | Path) -> GoldDoc:
    """Read and check one gold file (domain model §3).

    Raises :class:`~kg.errors.LoadError` naming the file (and the JSON line)
    on bad JSON, a missing or ill-typed field, an unknown type or status, an
    end before a begin, or a key that refers to no gold event.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> p = os.path.join(d, "g.json")
    >>> _ = open(p, "w").write('{"doc": "d", "events": [{"key": "r", "type": "Summit",'
    ...     ' "status": "Proposed", "begin": null, "end": "2025-08-31",'
    ...     ' "place": ["Geneva", "Genf"]}]}')
    >>> g = load_gold(p)
    >>> g.events[0].end, g.events[0].place
    (datetime.date(2025, 8, 31), ('Geneva', 'Genf'))
    >>> _ = open(p, "w").write('{"doc": "d",')
    >>> load_gold(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.LoadError: ...g.json:1: not valid JSON: ...
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(source, f"cannot read gold file: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(source, f"not valid JSON: {exc.msg} (column {exc.colno})",
                        line=exc.lineno) from None
    if not isinstance(data, dict):
        raise LoadError(source, "expected a JSON object")
    doc_id = _str(data, "doc", "gold", source)
    raw = data.get("published")
    # a publication known to the month or year only (``2025-02``, ``2025``) has no day
    published = None if isinstance(raw, str) and re.fullmatch(r"\d{4}(-\d{2})?", raw) else _date(
        raw, "published", source)

    events = []
    for i, e in enumerate(_list(data, "events", source)):
        w = f"events[{i}]"
        begin = _date(e.get("begin"), f"{w}.begin", source)
        end = _date(e.get("end"), f"{w}.end", source)
        if begin and end and end < begin:
            raise LoadError(source, f"{w}: end {end} is before begin {begin}")
        place = e.get("place")
        if place is None:
            places: tuple[str, ...] = ()
        elif isinstance(place, str):
            places = (place,)
        elif isinstance(place, list) and place and all(isinstance(p, str) for p in place):
            places = tuple(place)
        else:
            raise LoadError(source, f"{w}.place: expected a name, a list of names or null")
        rnd = e.get("round")
        if rnd is not None and (not isinstance(rnd, int) or isinstance(rnd, bool)):
            raise LoadError(source, f"{w}.round: expected an integer or null, got {rnd!r}")
        events.append(GoldEvent(
            key=_str(e, "key", w, source),
            type=_choice(e.get("type"), EVENT_CLASSES, f"{w}.type", source),
            status=_choice(e.get("status"), STATUSES, f"{w}.status", source),
            begin=begin, end=end,
            timex=_str(e, "timex", w, source, required=False),
            place=places, round=rnd,
            actors=_strs(e, "actors", w, source),
            evidence=_str(e, "evidence", w, source, default=""),
            optional=_bool(e, "optional", w, source),
        ))
    keys = [e.key for e in events]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise LoadError(source, f"events: duplicate key {dup[0]!r}")

    actors = []
    for i, a in enumerate(_list(data, "actors", source)):
        w = f"actors[{i}]"
        actors.append(GoldActor(
            name=_str(a, "name", w, source),
            type=_choice(a.get("type"), ACTOR_CLASSES, f"{w}.type", source),
            aliases=_strs(a, "aliases", w, source),
            title=_str(a, "title", w, source, required=False),
            affiliation=_str(a, "affiliation", w, source, required=False),
        ))

    def event_key(value: Any, where: str, *, required: bool) -> str | None:
        if value is None and not required:
            return None
        if value not in keys:
            raise LoadError(source, f"{where}: {value!r} is not the key of a gold event")
        return value

    agreements = []
    for i, g in enumerate(_list(data, "agreements", source)):
        w = f"agreements[{i}]"
        agreements.append(GoldAgreement(
            key=_str(g, "key", w, source, default=f"agreement-{i}"),
            label=_str(g, "label", w, source, default=""),
            reached_at=event_key(g.get("reached_at"), f"{w}.reached_at", required=False),
            parties=_strs(g, "parties", w, source),
            optional=_bool(g, "optional", w, source),
        ))
    proposals = []
    for i, p in enumerate(_list(data, "proposals", source)):
        w = f"proposals[{i}]"
        proposals.append(GoldProposal(
            by=_str(p, "by", w, source),
            proposes=event_key(p.get("proposes"), f"{w}.proposes", required=True),
            optional=_bool(p, "optional", w, source),
        ))
    timexes = []
    for i, t in enumerate(_list(data, "timexes", source)):
        w = f"timexes[{i}]"
        timexes.append(GoldTimex(
            text=_str(t, "text", w, source),
            value=_str(t, "value", w, source),
            optional=_bool(t, "optional", w, source),
        ))
    return GoldDoc(doc_id, published, tuple(events), tuple(actors), tuple(agreements),
                   tuple(proposals), tuple(timexes), source)


def load_golds(paths: Iterable[str | Path]) -> list[GoldDoc]:
    """Load gold files; a directory stands for its ``*.json`` files (sorted).

    Raises UsageError when nothing is found or two files name the same document.

    >>> load_golds([])  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.UsageError: no gold files given
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(p.glob("*.json"))
            if not found:
                raise UsageError(f"{p}: no *.json gold files in this directory")
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise LoadError(str(p), "no such file or directory")
    if not files:
        raise UsageError("no gold files given")
    golds = [load_gold(f) for f in files]
    seen: dict[str, str] = {}
    for g in golds:
        if g.doc_id in seen:
            raise UsageError(f"{g.source}: document {g.doc_id!r} already has gold in {seen[g.doc_id]}")
        seen[g.doc_id] = g.source
    return golds
