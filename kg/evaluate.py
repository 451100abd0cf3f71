"""Scoring predictions against gold annotations, exactly as domain model §4 says.

Plain data in, plain data out: a :class:`GoldDoc` (read by :func:`load_gold`)
and a :class:`PredictedDoc` (read from a built graph by
:func:`predictions_from_store`, or straight from extraction records by
:func:`predictions_from_extraction`) give a :class:`DocScore`
(:func:`score_document`); many give a :class:`Report` (:func:`evaluate`) with
per-document rows and macro averages, printed by :func:`format_table` or
turned into JSON by :func:`to_json`.

The rules, with the choices §4 leaves open written down:

Event matching
    Predicted events are matched one-to-one to gold events (optional ones
    included). A pair is *admissible* when the types agree, the dates are
    compatible, and the place and round agree. Dates are compatible when both
    are unknown, or the predicted [begin, end] overlaps the gold [begin, end], a
    missing bound being open: a gold event with no bound is compatible with any
    prediction, but a prediction with no bound at all matches only a gold event
    with no bound either (``docs/decisions/20261206-undated-match.md``; with
    ``undated_matches_any=True`` it matches any dates, the reading before that
    decision, kept to compare the two). Where the gold names a place (a name or a list
    of acceptable names) a predicted place, if any, must equal one of them,
    compared case- and diacritics-insensitively; where the gold names a round
    number a predicted round, if any, must be equal. Among admissible pairs the
    matcher takes a maximum matching (networkx ``max_weight_matching``, exact on
    integer weights, deterministic): it matches as many predictions as possible,
    then prefers pairs that agree better (evidence word overlap, exact dates,
    status, actors, timex), then, all else equal, a non-optional gold event over
    an optional one. (So a prediction whose evidence is an optional event stays
    with it and does not stand in for a missed non-optional one.)

Event precision, recall, F1
    A prediction matched to a non-optional gold event is a true positive; one
    matched to an optional gold event counts neither way; an unmatched
    prediction is a false hit; an unmatched non-optional gold event is a miss.

Over matched pairs (non-optional gold only)
    exact-date accuracy (both bounds equal, a missing bound equal only to a
    missing bound), status accuracy, and event-actor F1 (micro over the pairs:
    each actor name is mapped to a gold actor through the gold names and
    aliases, case- and diacritics-insensitively).

Fabricated bounds
    A predicted bound where the gold bound is ``null`` (the text gives none).
    It makes the pair's dates inexact (a date error) and is listed, for every
    matched pair, optional gold events included.

Actors of the document
    Each predicted actor is mapped to a gold actor by its name (else by one of
    its aliases) through the gold names and aliases; matching is one-to-one, so
    a second node for the same gold actor is a false hit ("duplicate"; the node
    named exactly like the gold actor is the one that counts).

Agreement and proposal recall
    A non-optional gold agreement with a ``reached_at`` is recalled by a
    predicted agreement whose ``reached_at`` event is matched to that gold
    event; one without ``reached_at`` is recalled by a predicted agreement whose
    parties include all the gold parties (through the aliases). A gold proposal
    ``{by, proposes}`` is recalled by a predicted proposal with a proposer that
    maps to ``by`` and whose proposed event is matched to ``proposes``.
    Both are one-to-one; optional gold agreements and proposals do not count.

TIMEX accuracy
    Over the non-optional gold temporal expressions. The candidates for a gold
    expression are the predicted (surface text, value) pairs whose text equals
    the gold text (case-insensitively, punctuation ignored); if there is none,
    those whose text contains the gold text as whole words or is contained in
    it. The gold expression is right when a candidate has the gold value.
    (A graph that records the value only on an event's time interval gives the
    event's evidence texts as surface texts, hence the containment rule.)

Precision, recall, F1 and accuracies are ``None`` when undefined (0/0): P
with nothing predicted, R with nothing to find, F1 = 2tp/(2tp+fp+fn) with no
item at all, an accuracy or recall with nothing to score. A macro average is
the mean over the documents where the metric is defined (and ``None`` if it
is defined for none); the fabricated count is a total, not an average.

>>> from datetime import date
>>> g = GoldDoc("d", events=(GoldEvent("r2", "NegotiationRound", "Occurred",
...     date(2025, 6, 2), date(2025, 6, 2), place=("Istanbul",), round=2),))
>>> p = PredictedDoc("d", events=(PredictedEvent("NegotiationRound", "Occurred",
...     date(2025, 6, 2), date(2025, 6, 2), place="istanbul", iri="e1"),))
>>> s = score_document(p, g)
>>> s.events.f1, s.exact_dates.value, s.status.value
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, unquote

from kg.errors import LoadError, RdfError, UsageError
from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES, Extraction

__all__ = [
    "PredictedEvent",
    "PredictedActor",
    "PredictedAgreement",
    "PredictedProposal",
    "PredictedTimex",
    "PredictedDoc",
    "GoldEvent",
    "GoldActor",
    "GoldAgreement",
    "GoldProposal",
    "GoldTimex",
    "GoldDoc",
    "PRF",
    "Ratio",
    "DocScore",
    "Report",
    "METRICS",
    "load_gold",
    "load_golds",
    "predictions_from_extraction",
    "predictions_from_store",
    "document_ids",
    "match_events",
    "score_document",
    "evaluate",
    "evaluate_store",
    "format_table",
    "format_errors",
    "to_json",
]


# --------------------------------------------------------------------------- predictions
@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """An event as the system reports it. ``iri`` identifies it within its document
    (the node IRI in a graph, the record key in an extraction); ``type`` and
    ``status`` are local names ("NegotiationRound", "Occurred")."""

    type: str
    status: str | None = None
    begin: date | None = None
    end: date | None = None
    timex: str | None = None
    place: str | None = None
    round: int | None = None
    actors: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    iri: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True)
class PredictedActor:
    """A person, country or organization as the system reports it."""

    name: str
    type: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None


class PredictedAgreement(NamedTuple):
    """``reached_at`` is the ``iri`` of a predicted event, or None."""

    label: str
    reached_at: str | None
    parties: tuple[str, ...]


class PredictedProposal(NamedTuple):
    """Who proposed (actor names) and the ``iri`` of the proposed predicted event."""

    by: tuple[str, ...]
    proposes: str | None


class PredictedTimex(NamedTuple):
    """A temporal expression: its surface text and its TIMEX3 value."""

    text: str
    value: str | None


@dataclass(frozen=True, slots=True)
class PredictedDoc:
    """Everything the system reports for one document."""

    doc_id: str
    events: tuple[PredictedEvent, ...] = ()
    actors: tuple[PredictedActor, ...] = ()
    agreements: tuple[PredictedAgreement, ...] = ()
    proposals: tuple[PredictedProposal, ...] = ()
    timexes: tuple[PredictedTimex, ...] = ()


# --------------------------------------------------------------------------- gold
@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event; ``place`` holds the acceptable place names (empty: none named)."""

    key: str
    type: str
    status: str
    begin: date | None = None
    end: date | None = None
    timex: str | None = None
    place: tuple[str, ...] = ()
    round: int | None = None
    actors: tuple[str, ...] = ()
    evidence: str = ""
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class GoldAgreement:
    key: str
    label: str = ""
    reached_at: str | None = None  # a gold event key
    parties: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldProposal:
    by: str
    proposes: str  # a gold event key
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldTimex:
    text: str
    value: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold file (domain model §3)."""

    doc_id: str
    published: date | None = None
    events: tuple[GoldEvent, ...] = ()
    actors: tuple[GoldActor, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    proposals: tuple[GoldProposal, ...] = ()
    timexes: tuple[GoldTimex, ...] = ()
    source: str = ""


# --------------------------------------------------------------------------- scores
@dataclass(frozen=True, slots=True)
class PRF:
    """Counts of a precision/recall measure; the ratios are None when undefined.

    >>> PRF(3, 1, 2).precision, PRF(3, 1, 2).recall, round(PRF(3, 1, 2).f1, 3)
    (0.75, 0.6, 0.667)
    >>> PRF(0, 0, 2).precision is None, PRF(0, 0, 2).f1
    (True, 0.0)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Ratio:
    """``correct`` out of ``total``; ``value`` is None when there is nothing to score.

    >>> Ratio(3, 4).value, Ratio(0, 0).value
    (0.75, None)
    """

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


class Pair(NamedTuple):
    """A matched pair: the gold key and the predicted ``iri``."""

    gold_key: str
    iri: str
    optional: bool
    exact_date: bool
    status_ok: bool


class Miss(NamedTuple):
    """A non-optional gold event that no prediction matched, and why."""

    key: str
    type: str
    evidence: str
    why: str


class FalseHit(NamedTuple):
    """A predicted event that matched no gold event."""

    iri: str
    type: str
    label: str
    evidence: str
    begin: date | None
    end: date | None


class Fabricated(NamedTuple):
    """A predicted date bound where the gold has none (``bound`` is begin or end)."""

    gold_key: str
    iri: str
    bound: str
    value: date


class TimexError(NamedTuple):
    """A gold temporal expression not rightly valued; ``predicted`` holds the
    values of its candidates (empty: no candidate text)."""

    text: str
    value: str
    predicted: tuple[str, ...]


#: The per-document metrics, in table order.
METRICS = (
    "event_precision",
    "event_recall",
    "event_f1",
    "exact_date_accuracy",
    "status_accuracy",
    "event_actor_f1",
    "actor_precision",
    "actor_recall",
    "actor_f1",
    "agreement_recall",
    "proposal_recall",
    "timex_accuracy",
)


@dataclass(frozen=True, slots=True)
class DocScore:
    """The scores of one document, with the errors behind them."""

    doc_id: str
    events: PRF
    exact_dates: Ratio
    status: Ratio
    event_actors: PRF
    actors: PRF
    agreements: Ratio
    proposals: Ratio
    timexes: Ratio
    pairs: tuple[Pair, ...] = ()
    misses: tuple[Miss, ...] = ()
    false_hits: tuple[FalseHit, ...] = ()
    fabricated: tuple[Fabricated, ...] = ()
    actor_misses: tuple[str, ...] = ()
    actor_false_hits: tuple[str, ...] = ()
    agreement_misses: tuple[str, ...] = ()
    proposal_misses: tuple[tuple[str, str], ...] = ()
    timex_errors: tuple[TimexError, ...] = ()
    predicted: bool = True  # False: no prediction was found for this document

    def metrics(self) -> dict[str, float | None]:
        """The metrics of :data:`METRICS` for this document (None where undefined)."""
        return {
            "event_precision": self.events.precision,
            "event_recall": self.events.recall,
            "event_f1": self.events.f1,
            "exact_date_accuracy": self.exact_dates.value,
            "status_accuracy": self.status.value,
            "event_actor_f1": self.event_actors.f1,
            "actor_precision": self.actors.precision,
            "actor_recall": self.actors.recall,
            "actor_f1": self.actors.f1,
            "agreement_recall": self.agreements.value,
            "proposal_recall": self.proposals.value,
            "timex_accuracy": self.timexes.value,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Per-document scores and their macro averages.

    ``macro_documents[m]`` is how many documents metric ``m`` is defined for;
    ``missing_predictions`` names gold documents without a prediction (scored as
    empty); ``unscored`` names predicted documents without gold (ignored);
    ``undated_matches_any`` tells which reading of date compatibility scored it.
    """

    documents: tuple[DocScore, ...]
    macro: dict[str, float | None]
    macro_documents: dict[str, int]
    fabricated_total: int = 0
    missing_predictions: tuple[str, ...] = ()
    unscored: tuple[str, ...] = ()
    undated_matches_any: bool = False


# --------------------------------------------------------------------------- text helpers
_TRANSLIT = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def _norm(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form of a name or phrase."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLIT).casefold())
    stripped = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


def _words(text: str) -> set[str]:
    return set(_norm(text).split())


def _contains_words(longer: str, shorter: str) -> bool:
    """True when ``shorter`` occurs in ``longer`` as whole words (both normalized)."""
    return bool(shorter) and f" {shorter} " in f" {longer} "


class _Names:
    """Maps actor names to gold canonical names through the gold names and aliases."""

    def __init__(self, actors: Iterable[GoldActor]) -> None:
        actors = tuple(actors)
        self._map: dict[str, str] = {}
        for a in actors:  # a name wins over another actor's alias
            self._map.setdefault(_norm(a.name), a.name)
        for a in actors:
            for alias in a.aliases:
                self._map.setdefault(_norm(alias), a.name)

    def resolve(self, name: str) -> str | None:
        return self._map.get(_norm(name))

    def key(self, name: str) -> str:
        """The gold name, or a marked normalized form for a name the gold does not know."""
        return self.resolve(name) or "\x00" + _norm(name)


# --------------------------------------------------------------------------- gold loading
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
    published = _date(data.get("published"), "published", source)

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


# --------------------------------------------------------------------------- predictions from records
def predictions_from_extraction(extraction: Extraction) -> PredictedDoc:
    """What an :class:`~kg.records.Extraction` reports, without going through RDF.

    Event ``iri`` is the record key (what ``proposes`` and ``reached_at`` refer to);
    the time values of the extraction and of its events give the timexes.

    >>> from datetime import date
    >>> from kg.records import Document, Event, Extraction, Mention, TimeValue
    >>> doc = Document(id="d", source="d.txt", text="Talks on June 2.", sha256="0")
    >>> t = TimeValue("June 2", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
    >>> x = Extraction(doc, events=(Event("r", "NegotiationRound", "Talks", "Occurred",
    ...     time=t, mentions=(Mention("d", 0, 15, "Talks on June 2"),)),), timexes=(t,))
    >>> p = predictions_from_extraction(x)
    >>> p.events[0].begin, p.events[0].evidence, p.timexes
    (datetime.date(2025, 6, 2), ('Talks on June 2',), (PredictedTimex(text='June 2', value='2025-06-02'),))
    """
    events = []
    proposals = []
    timexes = {PredictedTimex(t.text, t.timex) for t in extraction.timexes}
    for e in extraction.events:
        t = e.time
        events.append(PredictedEvent(
            type=e.kind, status=e.status,
            begin=t.earliest if t else None, end=t.latest if t else None,
            timex=t.timex if t else None, place=e.place, round=e.round,
            actors=tuple(e.actors), evidence=tuple(m.text for m in e.mentions),
            iri=e.key, label=e.label,
        ))
        if t is not None and t.text:
            timexes.add(PredictedTimex(t.text, t.timex))
        if e.kind == "Proposal" and (e.proposed_by or e.proposes):
            proposals.append(PredictedProposal(tuple(e.proposed_by), e.proposes))
    actors = [PredictedActor(a.name, a.kind, tuple(a.aliases), a.title, a.affiliation)
              for a in extraction.actors]
    agreements = [PredictedAgreement(a.label, a.reached_at, tuple(a.parties))
                  for a in extraction.agreements]
    return PredictedDoc(
        doc_id=extraction.document.id,
        events=tuple(sorted(events, key=_event_sort_key)),
        actors=tuple(sorted(actors, key=_actor_sort_key)),
        agreements=tuple(sorted(agreements, key=_tuple_sort_key)),
        proposals=tuple(sorted(proposals, key=_tuple_sort_key)),
        timexes=tuple(sorted(timexes, key=_tuple_sort_key)),
    )


def _event_sort_key(e: PredictedEvent):
    return (e.iri, e.type, repr(e))


def _actor_sort_key(a: PredictedActor):
    return (a.name, repr(a))


def _tuple_sort_key(t: tuple):
    return repr(t)


# --------------------------------------------------------------------------- predictions from a graph
def _query(store, q: str, graph=None) -> list[tuple]:
    """Rows of a SELECT as tuples of plain strings (None for unbound)."""
    from kg.rdf.namespaces import PREFIXES

    kwargs = {"default_graph": graph} if graph is not None else {}
    try:
        solutions = store.query(q, prefixes=PREFIXES, **kwargs)
    except SyntaxError as exc:  # a bug in this module, not bad input
        raise RdfError(f"evaluation query failed: {exc}") from None
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]


_CONSOLIDATED = "nkg:ConsolidatedGraph"


def _document_graphs(store) -> dict[str, list[str]]:
    rows = _query(store, f"""
        SELECT DISTINCT ?id ?g WHERE {{
          GRAPH ?g {{ ?d a nkg:Document ; dcterms:identifier ?id . }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?g a {_CONSOLIDATED} }} }}
        }}""")
    out: dict[str, list[str]] = {}
    for doc_id, g in rows:
        out.setdefault(doc_id, []).append(g)
    return {k: sorted(v) for k, v in out.items()}


def document_ids(store) -> list[str]:
    """Identifiers of the documents that have a document graph in ``store``, sorted.

    >>> import pyoxigraph as ox
    >>> document_ids(ox.Store())
    []
    """
    return sorted(_document_graphs(store))


def _document_graph(store, doc_id: str, graphs: Mapping[str, list[str]] | None = None) -> str:
    candidates = (graphs if graphs is not None else _document_graphs(store)).get(doc_id, [])
    if not candidates:
        raise RdfError(f"no document graph has a document with dcterms:identifier {doc_id!r}")
    if len(candidates) > 1:
        tail = "graph/doc/" + quote(doc_id, safe="-._~")
        preferred = [g for g in candidates if g.endswith(tail)]
        if len(preferred) != 1:
            raise RdfError(f"document {doc_id!r} is in several graphs: {', '.join(candidates)}")
        return preferred[0]
    return candidates[0]


def _local(iri: str | None) -> str | None:
    if iri is None:
        return None
    return re.split(r"[#/]", iri)[-1]


def _tail_name(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("-", " ")


def _iso(value: str, node: str, prop: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RdfError(f"<{node}> {prop}: not an xsd:date: {value!r}") from None


def predictions_from_store(store, doc_id: str) -> PredictedDoc:
    """Read what one document's named graph says, whatever the base IRI.

    The graph is the one holding a ``nkg:Document`` with ``dcterms:identifier``
    ``doc_id`` (not the consolidated graph). Names are ``rdfs:label`` values
    (the IRI's last segment when a node has no label). Timexes are the
    ``nkg:timex`` values of nodes with ``nif:anchorOf`` or ``nkg:evidence``
    mentions, and of event intervals paired with the event's evidence texts.
    Raises RdfError when no document graph has that identifier.

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.load(input=b'''@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
    ... @prefix dcterms: <http://purl.org/dc/terms/> .
    ... <http://x/graph/doc/d> { <http://x/doc/d> a nkg:Document ; dcterms:identifier "d" .
    ...   <http://x/e> a nkg:Summit ; nkg:status nkg:Proposed . }''', format=ox.RdfFormat.TRIG)
    >>> predictions_from_store(s, "d").events
    (PredictedEvent(type='Summit', status='Proposed', begin=None, end=None, timex=None, place=None, round=None, actors=(), evidence=(), iri='http://x/e', label=''),)
    """
    import pyoxigraph as ox

    graph = ox.NamedNode(_document_graph(store, doc_id))

    def rows(q: str) -> list[tuple]:
        return _query(store, q, graph)

    def grouped(q: str) -> dict[str, list]:
        out: dict[str, list] = {}
        for node, value in rows(q):
            if value is not None:
                out.setdefault(node, []).append(value)
        return out

    def labelled(q: str) -> dict[str, list[str]]:
        out: dict[str, set[str]] = {}
        for node, target, label in rows(q):
            out.setdefault(node, set()).add(label if label is not None else _tail_name(target))
        return {k: sorted(v) for k, v in out.items()}

    event_values = ", ".join(f"nkg:{c}" for c in EVENT_CLASSES)
    classes: dict[str, list[str]] = grouped(
        f"SELECT ?e ?c WHERE {{ ?e a ?c . FILTER(?c IN ({event_values})) }}")
    labels = grouped("SELECT ?e ?l WHERE { ?e rdfs:label ?l }")
    statuses = grouped("SELECT ?e ?s WHERE { ?e nkg:status ?s }")
    begins = grouped("SELECT ?e ?b WHERE { ?e sem:hasEarliestBeginTimeStamp ?b }")
    ends = grouped("SELECT ?e ?b WHERE { ?e sem:hasLatestEndTimeStamp ?b }")
    timex = grouped("SELECT ?e ?t WHERE { ?e sem:hasTime ?i . ?i nkg:timex ?t }")
    rounds = grouped("SELECT ?e ?n WHERE { ?e nkg:roundNumber ?n }")
    evidence = grouped("SELECT ?e ?a WHERE { ?e nkg:evidence ?m . ?m nif:anchorOf ?a }")
    places = labelled("SELECT ?e ?p ?l WHERE { ?e sem:hasPlace ?p . OPTIONAL { ?p rdfs:label ?l } }")
    event_actors = labelled(
        "SELECT ?e ?a ?l WHERE { ?e sem:hasActor ?a . OPTIONAL { ?a rdfs:label ?l } }")

    events = []
    for iri in sorted(classes):
        try:
            rnd = min(int(v) for v in rounds[iri]) if iri in rounds else None
        except ValueError:
            raise RdfError(f"<{iri}> nkg:roundNumber: not an integer: {rounds[iri]!r}") from None
        events.append(PredictedEvent(
            type=_local(sorted(classes[iri])[0]),
            status=_local(min(statuses[iri])) if iri in statuses else None,
            begin=min(_iso(v, iri, "sem:hasEarliestBeginTimeStamp") for v in begins[iri])
            if iri in begins else None,
            end=max(_iso(v, iri, "sem:hasLatestEndTimeStamp") for v in ends[iri])
            if iri in ends else None,
            timex=min(timex[iri]) if iri in timex else None,
            place=places[iri][0] if iri in places else None,
            round=rnd,
            actors=tuple(event_actors.get(iri, ())),
            evidence=tuple(sorted(set(evidence.get(iri, ())))),
            iri=iri,
            label=min(labels[iri]) if iri in labels else "",
        ))

    actor_values = ", ".join(f"nkg:{c}" for c in ACTOR_CLASSES)
    actor_classes = grouped(f"SELECT ?a ?c WHERE {{ ?a a ?c . FILTER(?c IN ({actor_values})) }}")
    alt = grouped("SELECT ?a ?l WHERE { ?a skos:altLabel ?l }")
    titles = grouped("SELECT ?a ?t WHERE { ?a schema:jobTitle ?t }")
    affiliations = labelled(
        "SELECT ?a ?b ?l WHERE { ?a nkg:affiliatedWith ?b . OPTIONAL { ?b rdfs:label ?l } }")
    actors = sorted(
        (PredictedActor(
            name=min(labels[a]) if a in labels else _tail_name(a),
            type=_local(sorted(actor_classes[a])[0]),
            aliases=tuple(sorted(set(alt.get(a, ())))),
            title=min(titles[a]) if a in titles else None,
            affiliation=affiliations[a][0] if a in affiliations else None,
        ) for a in actor_classes),
        key=_actor_sort_key,
    )

    agreement_nodes = [r[0] for r in rows("SELECT ?g WHERE { ?g a nkg:Agreement }")]
    reached = grouped("SELECT ?g ?e WHERE { ?g a nkg:Agreement ; nkg:reachedAt ?e }")
    parties = labelled(
        "SELECT ?g ?a ?l WHERE { ?g nkg:party ?a . OPTIONAL { ?a rdfs:label ?l } }")
    agreements = sorted(
        (PredictedAgreement(
            min(labels[g]) if g in labels else "",
            min(reached[g]) if g in reached else None,
            tuple(parties.get(g, ())),
        ) for g in set(agreement_nodes)),
        key=_tuple_sort_key,
    )

    by = labelled("SELECT ?p ?a ?l WHERE { ?p a nkg:Proposal ; nkg:proposedBy ?a ."
                  " OPTIONAL { ?a rdfs:label ?l } }")
    proposes = grouped("SELECT ?p ?e WHERE { ?p a nkg:Proposal ; nkg:proposes ?e }")
    proposals = sorted(
        (PredictedProposal(tuple(by.get(p, ())), min(proposes[p]) if p in proposes else None)
         for p in set(by) | set(proposes)),
        key=_tuple_sort_key,
    )

    timex_rows = rows("""
        SELECT DISTINCT ?text ?value WHERE {
          ?x nkg:timex ?value .
          { ?x nif:anchorOf ?text }
          UNION { ?x nkg:evidence ?m . ?m nif:anchorOf ?text }
          UNION { ?e sem:hasTime ?x ; nkg:evidence ?m . ?m nif:anchorOf ?text }
        }""")
    timexes = sorted({PredictedTimex(t, v) for t, v in timex_rows}, key=_tuple_sort_key)
    return PredictedDoc(doc_id, tuple(events), tuple(actors), tuple(agreements),
                        tuple(proposals), tuple(timexes))


# --------------------------------------------------------------------------- matching
def _dates_compatible(p: PredictedEvent, g: GoldEvent, undated_matches_any: bool = False) -> bool:
    if (not undated_matches_any and p.begin is None and p.end is None
            and (g.begin is not None or g.end is not None)):
        return False  # an undated prediction does not match a dated gold event
    if p.begin is not None and g.end is not None and p.begin > g.end:
        return False
    if g.begin is not None and p.end is not None and g.begin > p.end:
        return False
    return True


def _place_ok(p: PredictedEvent, g: GoldEvent) -> bool:
    return not g.place or p.place is None or _norm(p.place) in {_norm(x) for x in g.place}


def _round_ok(p: PredictedEvent, g: GoldEvent) -> bool:
    return g.round is None or p.round is None or p.round == g.round


def _admissible(p: PredictedEvent, g: GoldEvent, undated_matches_any: bool = False) -> bool:
    return (p.type == g.type and _dates_compatible(p, g, undated_matches_any) and _place_ok(p, g)
            and _round_ok(p, g))


def _evidence_overlap(p: PredictedEvent, g: GoldEvent) -> float:
    gw = _words(g.evidence)
    best = 0.0
    for text in p.evidence:
        pw = _words(text)
        if pw or gw:
            best = max(best, len(pw & gw) / len(pw | gw))
    return best


def _actor_prf(p: PredictedEvent, g: GoldEvent, names: _Names) -> PRF:
    pk = {names.key(a) for a in p.actors}
    gk = {names.key(a) for a in g.actors}
    return PRF(len(pk & gk), len(pk - gk), len(gk - pk))


def _exact(p: PredictedEvent, g: GoldEvent) -> bool:
    return p.begin == g.begin and p.end == g.end


def _quality(p: PredictedEvent, g: GoldEvent, names: _Names) -> int:
    """0..100: how well an admissible pair agrees (a tie-break between matchings)."""
    actors = _actor_prf(p, g, names).f1
    return round(
        40 * _evidence_overlap(p, g)
        + 25 * _exact(p, g)
        + 15 * (p.status == g.status)
        + 10 * (actors if actors is not None else 1.0)
        + 10 * (p.timex == g.timex)
    )


def _assign(n_left: int, n_right: int, weights: Mapping[tuple[int, int], int]) -> list[tuple[int, int]]:
    """A maximum-cardinality, then maximum-weight, one-to-one assignment."""
    import networkx as nx

    if not weights:
        return []
    graph = nx.Graph()
    graph.add_nodes_from(("L", i) for i in range(n_left))
    graph.add_nodes_from(("R", j) for j in range(n_right))
    for (i, j), w in sorted(weights.items()):
        graph.add_edge(("L", i), ("R", j), weight=w)
    pairs = []
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        left, right = (a, b) if a[0] == "L" else (b, a)
        pairs.append((left[1], right[1]))
    return sorted(pairs)


def match_events(
    preds: Sequence[PredictedEvent], golds: Sequence[GoldEvent], actors: Iterable[GoldActor] = (),
    *, undated_matches_any: bool = False,
) -> list[tuple[int, int]]:
    """The one-to-one matching of predicted to gold events, as (pred index, gold index).

    Maximizes the matched predictions, then the agreement of the pairs, then the
    matched non-optional gold events (see the module notes). ``actors`` are the
    gold actors, whose aliases help compare event actors in the tie-break.
    ``undated_matches_any`` lets a prediction without dates match dated gold events.

    >>> from datetime import date
    >>> d = date(2025, 6, 2)
    >>> golds = [GoldEvent("a", "Statement", "Occurred", d, d),
    ...          GoldEvent("b", "Statement", "Occurred", None, date(2025, 6, 9))]
    >>> preds = [PredictedEvent("Statement", "Occurred", None, None),
    ...          PredictedEvent("Statement", "Occurred", date(2025, 6, 5), date(2025, 6, 5))]
    >>> match_events(preds, golds)  # the undated one matches no dated gold event
    [(1, 1)]
    >>> match_events(preds, golds, undated_matches_any=True)  # it takes "a", the dated one "b"
    [(0, 0), (1, 1)]
    """
    names = _Names(actors)
    n = min(len(preds), len(golds))
    scale = 202 * (n + 1)  # larger than any sum of the tie-break terms
    weights = {}
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if _admissible(p, g, undated_matches_any):
                weights[(i, j)] = scale + 2 * _quality(p, g, names) + (not g.optional)
    return _assign(len(preds), len(golds), weights)


def _why_missed(g: GoldEvent, preds: Sequence[PredictedEvent], undated_matches_any: bool) -> str:
    same = [(i, p) for i, p in enumerate(preds) if p.type == g.type]
    if not same:
        return f"no predicted {g.type}"
    if any(_admissible(p, g, undated_matches_any) for _, p in same):
        return f"its candidate {g.type} predictions matched other gold events"
    reasons = []
    if not any(_dates_compatible(p, g, undated_matches_any) for _, p in same):
        reasons.append("dates")
    if not any(_place_ok(p, g) for _, p in same):
        reasons.append("place")
    if not any(_round_ok(p, g) for _, p in same):
        reasons.append("round")
    return f"{len(same)} predicted {g.type} disagree on " + (" or ".join(reasons) or
                                                             "a combination of dates, place and round")


# --------------------------------------------------------------------------- scoring
def _gold_keys(names: _Names, values: Iterable[str]) -> set[str]:
    return {names.key(v) for v in values}


def _score_timexes(pred: PredictedDoc, gold: GoldDoc) -> tuple[Ratio, tuple[TimexError, ...]]:
    predicted = [(_norm(t.text), (t.value or "").strip().upper()) for t in pred.timexes if t.text]
    correct = 0
    total = 0
    errors = []
    for gt in gold.timexes:
        if gt.optional:
            continue
        total += 1
        text = _norm(gt.text)
        value = gt.value.strip().upper()
        cands = [v for t, v in predicted if t == text]
        if not cands:
            cands = [v for t, v in predicted if _contains_words(t, text) or _contains_words(text, t)]
        if value in cands:
            correct += 1
        else:
            errors.append(TimexError(gt.text, gt.value, tuple(sorted(set(cands)))))
    return Ratio(correct, total), tuple(errors)


def _score_actors(pred: PredictedDoc, gold: GoldDoc, names: _Names):
    def canonical_of(a: PredictedActor) -> str | None:
        found = names.resolve(a.name)
        return found or next((c for c in map(names.resolve, a.aliases) if c), None)

    def order(a: PredictedActor):  # a node named like the gold actor takes it first
        c = canonical_of(a)
        return (c is None or _norm(c) != _norm(a.name), _actor_sort_key(a))

    matched: set[str] = set()
    false_hits = []
    for a in sorted(pred.actors, key=order):
        canonical = canonical_of(a)
        if canonical is None:
            false_hits.append(a.name)
        elif canonical in matched:
            false_hits.append(f"{a.name} (duplicate of {canonical})")
        else:
            matched.add(canonical)
    misses = tuple(a.name for a in gold.actors if a.name not in matched)
    return PRF(len(matched), len(false_hits), len(misses)), misses, tuple(false_hits)


def _recall(golds: Sequence, preds: Sequence, admissible, similarity) -> tuple[Ratio, list[int]]:
    """One-to-one recall of the non-optional ``golds``; returns the missed gold indices."""
    required = [j for j, g in enumerate(golds) if not g.optional]
    weights = {}
    for i, p in enumerate(preds):
        for j in required:
            if admissible(p, golds[j]):
                weights[(i, j)] = 1000 + similarity(p, golds[j])
    found = {j for _, j in _assign(len(preds), len(golds), weights)}
    return Ratio(len(found), len(required)), [j for j in required if j not in found]


def score_document(pred: PredictedDoc, gold: GoldDoc, *, undated_matches_any: bool = False) -> DocScore:
    """Score one document's predictions against its gold, per domain model §4.

    ``undated_matches_any`` selects the lenient reading of date compatibility
    (see the module notes).

    >>> from datetime import date
    >>> d = date(2025, 7, 19)
    >>> gold = GoldDoc("d", events=(
    ...     GoldEvent("addr", "Statement", "Occurred", d, d, actors=("Volodymyr Zelenskyy",)),
    ...     GoldEvent("x", "Statement", "Occurred", None, date(2025, 7, 20), optional=True),
    ...     GoldEvent("ex", "PrisonerExchange", "Planned")),
    ...     actors=(GoldActor("Volodymyr Zelenskyy", "Person", ("Zelensky",)),))
    >>> pred = PredictedDoc("d", events=(
    ...     PredictedEvent("Statement", "Occurred", d, d, actors=("Zelensky",), iri="e1"),
    ...     PredictedEvent("PrisonerExchange", "Planned", None, date(2025, 7, 20), iri="e2"),
    ...     PredictedEvent("Summit", "Proposed", iri="e3")),
    ...     actors=(PredictedActor("Zelensky", "Person"),))
    >>> s = score_document(pred, gold)
    >>> s.events, s.exact_dates, s.event_actors.f1, s.actors.f1
    (PRF(tp=2, fp=1, fn=0), Ratio(correct=1, total=2), 1.0, 1.0)
    >>> s.fabricated
    (Fabricated(gold_key='ex', iri='e2', bound='end', value=datetime.date(2025, 7, 20)),)
    >>> [h.type for h in s.false_hits]
    ['Summit']
    """
    names = _Names(gold.actors)
    pairs = match_events(pred.events, gold.events, gold.actors, undated_matches_any=undated_matches_any)
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}

    pair_records = []
    fabricated = []
    exact = status = counted = 0
    event_actors = PRF()
    for i, j in pairs:
        p, g = pred.events[i], gold.events[j]
        is_exact = _exact(p, g)
        status_ok = p.status == g.status
        pair_records.append(Pair(g.key, p.iri, g.optional, is_exact, status_ok))
        for bound, pv, gv in (("begin", p.begin, g.begin), ("end", p.end, g.end)):
            if gv is None and pv is not None:
                fabricated.append(Fabricated(g.key, p.iri, bound, pv))
        if g.optional:
            continue
        counted += 1
        exact += is_exact
        status += status_ok
        event_actors = event_actors + _actor_prf(p, g, names)

    tp = sum(1 for _, j in pairs if not gold.events[j].optional)
    missed = [j for j, g in enumerate(gold.events) if not g.optional and j not in matched_gold]
    misses = tuple(
        Miss(gold.events[j].key, gold.events[j].type, gold.events[j].evidence,
             _why_missed(gold.events[j], pred.events, undated_matches_any))
        for j in missed
    )
    false_hits = tuple(
        FalseHit(p.iri, p.type, p.label, p.evidence[0] if p.evidence else "", p.begin, p.end)
        for i, p in enumerate(pred.events) if i not in matched_pred
    )

    actors, actor_misses, actor_false_hits = _score_actors(pred, gold, names)

    # predicted event iri -> gold key, through the matching (optional gold included)
    to_gold = {pred.events[i].iri: gold.events[j].key for i, j in pairs}

    def agreement_ok(p: PredictedAgreement, g: GoldAgreement) -> bool:
        if g.reached_at is not None:
            return p.reached_at is not None and to_gold.get(p.reached_at) == g.reached_at
        return _gold_keys(names, g.parties) <= _gold_keys(names, p.parties)

    def label_similarity(p: PredictedAgreement, g: GoldAgreement) -> int:
        pw, gw = _words(p.label), _words(g.label)
        return round(100 * len(pw & gw) / len(pw | gw)) if pw | gw else 0

    agreements, agreement_missed = _recall(gold.agreements, pred.agreements, agreement_ok,
                                           label_similarity)

    def proposal_ok(p: PredictedProposal, g: GoldProposal) -> bool:
        return (names.key(g.by) in _gold_keys(names, p.by)
                and p.proposes is not None and to_gold.get(p.proposes) == g.proposes)

    proposals, proposal_missed = _recall(gold.proposals, pred.proposals, proposal_ok,
                                         lambda p, g: 0)
    timexes, timex_errors = _score_timexes(pred, gold)

    return DocScore(
        doc_id=gold.doc_id,
        events=PRF(tp, len(pred.events) - len(pairs), len(missed)),
        exact_dates=Ratio(exact, counted),
        status=Ratio(status, counted),
        event_actors=event_actors if counted else PRF(),
        actors=actors,
        agreements=agreements,
        proposals=proposals,
        timexes=timexes,
        pairs=tuple(pair_records),
        misses=misses,
        false_hits=false_hits,
        fabricated=tuple(fabricated),
        actor_misses=actor_misses,
        actor_false_hits=actor_false_hits,
        agreement_misses=tuple(gold.agreements[j].key for j in agreement_missed),
        proposal_misses=tuple((gold.proposals[j].by, gold.proposals[j].proposes)
                              for j in proposal_missed),
        timex_errors=timex_errors,
    )


def evaluate(
    golds: Iterable[GoldDoc], preds: Mapping[str, PredictedDoc] | Iterable[PredictedDoc],
    *, undated_matches_any: bool = False,
) -> Report:
    """Score every gold document and macro-average the metrics.

    A gold document without a prediction is scored against an empty one (and
    named in ``missing_predictions``); predictions without gold are ignored
    (named in ``unscored``). A macro average is the mean over the documents
    where the metric is defined. ``undated_matches_any`` selects the lenient
    reading of date compatibility (see the module notes).

    >>> g1 = GoldDoc("a", events=(GoldEvent("s", "Summit", "Proposed"),))
    >>> g2 = GoldDoc("b", events=(GoldEvent("m", "Meeting", "Occurred"),))
    >>> r = evaluate([g1, g2], [PredictedDoc("a", events=(PredictedEvent("Summit", "Proposed"),))])
    >>> r.macro["event_recall"], r.macro["exact_date_accuracy"], r.macro_documents["exact_date_accuracy"]
    (0.5, 1.0, 1)
    >>> r.missing_predictions
    ('b',)
    """
    if isinstance(preds, Mapping):
        by_id = dict(preds)
    else:
        by_id = {}
        for p in preds:
            if p.doc_id in by_id:
                raise UsageError(f"two predictions for document {p.doc_id!r}")
            by_id[p.doc_id] = p
    rows = []
    missing = []
    seen = set()
    for g in golds:
        if g.doc_id in seen:
            raise UsageError(f"two gold files for document {g.doc_id!r}")
        seen.add(g.doc_id)
        p = by_id.get(g.doc_id)
        if p is None:
            missing.append(g.doc_id)
            rows.append(replace(score_document(PredictedDoc(g.doc_id), g,
                                               undated_matches_any=undated_matches_any), predicted=False))
        else:
            rows.append(score_document(p, g, undated_matches_any=undated_matches_any))
    macro: dict[str, float | None] = {}
    counts: dict[str, int] = {}
    for m in METRICS:
        values = [v for v in (r.metrics()[m] for r in rows) if v is not None]
        macro[m] = sum(values) / len(values) if values else None
        counts[m] = len(values)
    return Report(
        documents=tuple(rows),
        macro=macro,
        macro_documents=counts,
        fabricated_total=sum(len(r.fabricated) for r in rows),
        missing_predictions=tuple(missing),
        unscored=tuple(sorted(set(by_id) - seen)),
        undated_matches_any=undated_matches_any,
    )


def evaluate_store(store, golds: Iterable[GoldDoc], *, undated_matches_any: bool = False) -> Report:
    """Score the document graphs of ``store`` against ``golds`` (see :func:`evaluate`).

    >>> import pyoxigraph as ox
    >>> evaluate_store(ox.Store(), [GoldDoc("a")]).missing_predictions
    ('a',)
    """
    golds = list(golds)
    graphs = _document_graphs(store)
    preds = {}
    for g in golds:
        if g.doc_id in graphs:
            _document_graph(store, g.doc_id, graphs)  # raises on ambiguity
            preds[g.doc_id] = predictions_from_store(store, g.doc_id)
    report = evaluate(golds, preds, undated_matches_any=undated_matches_any)
    unscored = tuple(sorted(set(graphs) - {g.doc_id for g in golds}))
    return replace(report, unscored=unscored)


# --------------------------------------------------------------------------- output
_COLUMNS = (
    ("evP", "event_precision"),
    ("evR", "event_recall"),
    ("evF1", "event_f1"),
    ("date", "exact_date_accuracy"),
    ("stat", "status_accuracy"),
    ("evAct", "event_actor_f1"),
    ("actP", "actor_precision"),
    ("actR", "actor_recall"),
    ("actF1", "actor_f1"),
    ("agrR", "agreement_recall"),
    ("prpR", "proposal_recall"),
    ("timex", "timex_accuracy"),
)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(report: Report) -> str:
    """One row per document and a MACRO row; ``-`` marks a metric undefined there.

    >>> r = evaluate([GoldDoc("a", events=(GoldEvent("s", "Summit", "Proposed"),))],
    ...              [PredictedDoc("a", events=(PredictedEvent("Summit", "Proposed"),))])
    >>> print(format_table(r).splitlines()[0])
    document   evP   evR  evF1  date  stat evAct  actP  actR actF1  agrR  prpR timex  fab
    >>> print(format_table(r).splitlines()[2])
    MACRO     1.00  1.00  1.00  1.00  1.00     -     -     -     -     -     -     -    0
    """
    width = max([len("document"), len("MACRO")] + [len(r.doc_id) for r in report.documents])
    header = "document".ljust(width) + "".join(f"{h:>6}" for h, _ in _COLUMNS) + f"{'fab':>5}"
    lines = [header]
    for r in report.documents:
        m = r.metrics()
        name = r.doc_id if r.predicted else r.doc_id + "*"
        lines.append(name.ljust(width) + "".join(f"{_cell(m[k]):>6}" for _, k in _COLUMNS)
                     + f"{len(r.fabricated):>5}")
    lines.append("MACRO".ljust(width)
                 + "".join(f"{_cell(report.macro[k]):>6}" for _, k in _COLUMNS)
                 + f"{report.fabricated_total:>5}")
    notes = [
        "evP/evR/evF1 events; date exact-date and stat status accuracy and evAct event-actor F1"
        " over matched events; act* document actors; agrR/prpR agreement/proposal recall;"
        " timex TIMEX value accuracy; fab fabricated date bounds (MACRO: total).",
        "MACRO is the mean over the documents where a metric is defined ('-' = undefined).",
    ]
    if report.undated_matches_any:
        notes.append("lenient dates: an undated prediction may match a dated gold event.")
    if report.missing_predictions:
        notes.append("* no prediction for this document (scored as empty): "
                     + ", ".join(report.missing_predictions))
    if report.unscored:
        notes.append("not scored (no gold): " + ", ".join(report.unscored))
    return "\n".join(lines + [""] + notes)


def _d(value: date | None) -> str:
    return value.isoformat() if value else "?"


def format_errors(report: Report) -> str:
    """Misses, false hits, fabricated bounds and the other errors, per document.

    >>> r = evaluate([GoldDoc("a", events=(GoldEvent("s", "Summit", "Proposed",
    ...     evidence="a summit"),))], [PredictedDoc("a")])
    >>> print(format_errors(r))
    == a
      missed event s (Summit): "a summit" [no predicted Summit]
    """
    out = []
    for r in report.documents:
        lines = []
        for m in r.misses:
            lines.append(f'  missed event {m.key} ({m.type}): "{m.evidence}" [{m.why}]')
        for h in r.false_hits:
            text = h.label or h.evidence or h.iri
            lines.append(f'  false hit {h.type} {_d(h.begin)}..{_d(h.end)}: "{text}" <{h.iri}>')
        for f in r.fabricated:
            lines.append(f"  fabricated {f.bound} {f.value.isoformat()} on {f.gold_key} <{f.iri}>")
        for p in r.pairs:
            if not p.optional and not (p.exact_date and p.status_ok):
                what = [w for w, ok in (("dates", p.exact_date), ("status", p.status_ok)) if not ok]
                lines.append(f"  matched {p.gold_key} <{p.iri}> wrong {' and '.join(what)}")
        lines += [f"  missed actor {a}" for a in r.actor_misses]
        lines += [f"  false actor {a}" for a in r.actor_false_hits]
        lines += [f"  missed agreement {a}" for a in r.agreement_misses]
        lines += [f"  missed proposal {b} -> {p}" for b, p in r.proposal_misses]
        for t in r.timex_errors:
            got = ", ".join(t.predicted) if t.predicted else "no candidate"
            lines.append(f'  timex "{t.text}" should be {t.value} (got {got})')
        if lines:
            out.append(f"== {r.doc_id}")
            out.extend(lines)
    return "\n".join(out)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _jsonable(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def to_json(report: Report) -> dict:
    """The report as plain JSON-ready data (metrics, counts and errors per document).

    >>> r = evaluate([GoldDoc("a")], [PredictedDoc("a")])
    >>> sorted(to_json(r))
    ['documents', 'fabricated_total', 'macro', 'macro_documents', 'missing_predictions', 'undated_matches_any', 'unscored']
    """
    docs = []
    for r in report.documents:
        docs.append({
            "doc": r.doc_id,
            "predicted": r.predicted,
            "metrics": r.metrics(),
            "counts": {
                "events": {"tp": r.events.tp, "fp": r.events.fp, "fn": r.events.fn},
                "event_actors": {"tp": r.event_actors.tp, "fp": r.event_actors.fp,
                                 "fn": r.event_actors.fn},
                "actors": {"tp": r.actors.tp, "fp": r.actors.fp, "fn": r.actors.fn},
                **{name: {"correct": x.correct, "total": x.total} for name, x in (
                    ("exact_dates", r.exact_dates), ("status", r.status),
                    ("agreements", r.agreements), ("proposals", r.proposals),
                    ("timexes", r.timexes))},
            },
            "pairs": _jsonable(r.pairs),
            "misses": _jsonable(r.misses),
            "false_hits": _jsonable(r.false_hits),
            "fabricated": _jsonable(r.fabricated),
            "actor_misses": list(r.actor_misses),
            "actor_false_hits": list(r.actor_false_hits),
            "agreement_misses": list(r.agreement_misses),
            "proposal_misses": [{"by": b, "proposes": p} for b, p in r.proposal_misses],
            "timex_errors": _jsonable(r.timex_errors),
        })
    return {
        "documents": docs,
        "macro": dict(report.macro),
        "macro_documents": dict(report.macro_documents),
        "fabricated_total": report.fabricated_total,
        "missing_predictions": list(report.missing_predictions),
        "unscored": list(report.unscored),
        "undated_matches_any": report.undated_matches_any,
    }
