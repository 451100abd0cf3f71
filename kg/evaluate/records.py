"""The plain records of evaluation: what the system predicts for a document, what
its gold file says, and the scores and errors that compare the two.

Frozen dataclasses and named tuples only, with no behaviour beyond the ratios a
score derives from its counts; :mod:`kg.evaluate` re-exports them all.

>>> PRF(2, 0, 2).recall, Ratio(1, 2).value
(0.5, 0.5)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple


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
