"""Scoring predictions against gold annotations, exactly as domain model §4 says.

Plain data in, plain data out: a :class:`GoldDoc` (read by :func:`load_gold`)
and a :class:`PredictedDoc` (read from a built graph by
:func:`predictions_from_store`, or straight from extraction records by
:func:`predictions_from_extraction`) give a :class:`DocScore`
(:func:`score_document`); many give a :class:`Report` (:func:`evaluate`) with
per-document rows and macro averages, printed by :func:`format_table` or
turned into JSON by :func:`to_json`.

The package holds one module per concern, whose public names it re-exports:
:mod:`~kg.evaluate.records` (the predicted, gold and score records),
:mod:`~kg.evaluate.gold` (reading gold files), :mod:`~kg.evaluate.predict`
(predictions from records or from a built graph), :mod:`~kg.evaluate.match`
(event matching), :mod:`~kg.evaluate.scores` (scoring and macro averages) and
:mod:`~kg.evaluate.report` (table, errors, JSON).

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

from kg.evaluate.gold import load_gold, load_golds
from kg.evaluate.match import match_events
from kg.evaluate.predict import document_ids, predictions_from_extraction, predictions_from_store
from kg.evaluate.records import (
    METRICS,
    PRF,
    DocScore,
    Fabricated,
    FalseHit,
    GoldActor,
    GoldAgreement,
    GoldDoc,
    GoldEvent,
    GoldProposal,
    GoldTimex,
    Miss,
    Pair,
    PredictedActor,
    PredictedAgreement,
    PredictedDoc,
    PredictedEvent,
    PredictedProposal,
    PredictedTimex,
    Ratio,
    Report,
    TimexError,
)
from kg.evaluate.report import format_errors, format_table, to_json
from kg.evaluate.scores import evaluate, evaluate_store, score_document

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
