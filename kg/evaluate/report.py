"""Printing a :class:`Report`: the table of scores (:func:`format_table`), the
errors behind them (:func:`format_errors`) and plain JSON data (:func:`to_json`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kg.evaluate.records import Report


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

    >>> from kg.evaluate import GoldDoc, GoldEvent, PredictedDoc, PredictedEvent, evaluate
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

    >>> from kg.evaluate import GoldDoc, GoldEvent, PredictedDoc, PredictedEvent, evaluate
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

    >>> from kg.evaluate import GoldDoc, PredictedDoc, evaluate
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
