"""Scoring: one document's predictions against its gold (:func:`score_document`),
and many documents macro-averaged into a :class:`Report` (:func:`evaluate`,
:func:`evaluate_store` for the document graphs of a built store).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from kg.errors import UsageError
from kg.evaluate.match import (
    _actor_prf,
    _assign,
    _contains_words,
    _exact,
    _Names,
    _norm,
    _why_missed,
    _words,
    match_events,
)
from kg.evaluate.predict import (
    _actor_sort_key,
    _document_graph,
    _document_graphs,
    predictions_from_store,
)
from kg.evaluate.records import (
    METRICS,
    PRF,
    DocScore,
    Fabricated,
    FalseHit,
    GoldAgreement,
    GoldDoc,
    GoldProposal,
    Miss,
    Pair,
    PredictedActor,
    PredictedAgreement,
    PredictedDoc,
    PredictedProposal,
    Ratio,
    Report,
    TimexError,
)


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
    >>> from kg.evaluate import GoldActor, GoldEvent, PredictedEvent
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

    >>> from kg.evaluate import GoldEvent, PredictedEvent
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
