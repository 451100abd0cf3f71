"""Score the temporal normalizer on TempEval-3's TimeML data (TBAQ-cleaned).

Usage: python bench/tempeval.py DIR [--only TimeBank|AQUAINT] [--errors N] [--timeml-spans]

``DIR`` is a local copy of ``TBAQ-cleaned`` (its ``TimeBank/`` and ``AQUAINT/``
folders of ``.tml`` files) or one of those folders. The data is other people's
text: it is read from where it lies and never copied into the project.

Each document's ``<TEXT>`` is stripped of its tags, keeping the character offsets,
type and value of every gold ``TIMEX3``; the document creation time (``<DCT>``)
is the anchor. The normalizer runs as the pipeline calls it,
``find_timexes(text, dct, split_ranges=True, tense_at=...)`` with the tense read from
the parse of the project's trained pipeline (``--no-parse``: from the words alone), and is
scored as TempEval-3 scores
it: a relaxed match is any overlap (each gold and each prediction matched at most
once), a strict match the same span. Per TIMEX3 type (the gold's type for recall
and value accuracy, the predicted type for precision) and for all types it prints
gold and predicted counts, relaxed P/R/F1, strict F1, value accuracy on relaxed
matches and value F1 (value accuracy x relaxed F1), then the most frequent value
errors. ``--timeml-spans`` scores the spans as TimeML draws them (a bounding
modifier such as "by" or "as early as" outside the span, see
:func:`kg.extract.timex.timeml_span`); without it the spans are the pipeline's.

A second table scores values under the project's convention where it
deliberately differs from TimeML's (see docs/decisions/20261206-timeml.md): a
prediction more specific than the gold's underspecified value counts as right.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.extract.timex import find_timexes, tense_from_parse, timeml_span, timex_type  # noqa: E402

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Pred:
    start: int
    end: int
    type: str
    value: str
    text: str


def read_tml(path: Path) -> tuple[str, date, list[Gold]]:
    """The plain text of a document's ``<TEXT>``, its creation date and its gold TIMEX3s."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    if dct_m is None:
        raise ValueError(f"{path}: no DCT")
    dct = date.fromisoformat(dct_m.group(1))
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    out: list[str] = []
    n = 0
    stack: list[tuple[str, dict[str, str], int]] = []
    golds: list[Gold] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = html.unescape(body[pos : m.start()])
        out.append(piece)
        n += len(piece)
        pos = m.end()
        closing, name, attrs, selfclosing = m.groups()
        if selfclosing:
            continue
        if not closing:
            stack.append((name, dict(_ATTR.findall(attrs)), n))
            continue
        while stack:
            oname, oattrs, ostart = stack.pop()
            if oname == name:
                break
        else:
            continue
        if name == "TIMEX3":
            text = "".join(out)
            golds.append(Gold(ostart, n, oattrs.get("type", ""), oattrs.get("value", ""), text[ostart:n]))
    piece = html.unescape(body[pos:])
    out.append(piece)
    return "".join(out), dct, golds


def predict(text: str, dct: date, *, timeml_spans: bool, parse=None) -> list[Pred]:
    preds = []
    tense_at = tense_from_parse(parse) if parse is not None else None
    for tv in find_timexes(text, dct, split_ranges=True, tense_at=tense_at):
        start, end = timeml_span(tv) if timeml_spans else (tv.mention.start, tv.mention.end)
        preds.append(Pred(start, end, timex_type(tv), tv.timex or "", text[start:end]))
    return preds


def match(golds: list[Gold], preds: list[Pred]) -> list[tuple[Gold, Pred]]:
    """One-to-one relaxed matching: the best-overlapping free prediction for each gold."""
    used: set[int] = set()
    pairs = []
    for g in golds:
        best, best_ov = None, 0
        for i, p in enumerate(preds):
            if i in used:
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            pairs.append((g, preds[best]))
    return pairs


def more_specific(pred: str, gold: str) -> bool:
    """``pred`` fills in what the underspecified ``gold`` leaves open ("1998-01-08" for "XXXX-01-08").

    >>> more_specific("1998-01-08", "XXXX-01-08"), more_specific("1998-W02", "1998-01-08")
    (True, False)
    >>> more_specific("1998-01-08TEV", "1998-01-08"), more_specific("1998-01-08T10:00", "XXXX-XX-XXT10:00")
    (True, True)
    """
    if not gold or not pred or pred == gold:
        return pred == gold
    if len(pred) >= len(gold) and all(g == "X" or g == p for g, p in zip(gold, pred, strict=False)):
        return "X" in gold or pred.startswith(gold + "T")
    return False


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def parse_all(docs) -> dict[str, object]:
    """The pipeline's parse of each text (tagger, parser, morphology of its trained model)."""
    import spacy

    from kg.nlp.pipeline import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    else:
        raise SystemExit(f"none of the trained pipelines {MODEL_NAMES} is installed")
    return {doc_id: parsed for (doc_id, *_), parsed in zip(docs, nlp.pipe(d[1] for d in docs), strict=True)}


def score(docs, *, timeml_spans: bool, lenient: bool = False, parses=None):
    """Per type: counts, relaxed P/R/F1, strict F1, value accuracy, value F1; and the value errors."""
    rows = {}
    errors: Counter = Counter()
    tallies = {t: Counter() for t in (*TYPES, "ALL")}
    for doc_id, text, dct, golds in docs:
        preds = predict(text, dct, timeml_spans=timeml_spans, parse=(parses or {}).get(doc_id))
        pairs = match(golds, preds)
        for g in golds:
            for t in (g.type, "ALL"):
                tallies[t]["gold"] += 1
        for p in preds:
            for t in (p.type, "ALL"):
                if t in tallies:
                    tallies[t]["pred"] += 1
        for g, p in pairs:
            strict = g.start == p.start and g.end == p.end
            right = p.value == g.value or (lenient and more_specific(p.value, g.value))
            for t in (g.type, "ALL"):
                tallies[t]["rec"] += 1
                tallies[t]["strict_rec"] += strict
                tallies[t]["value"] += right
            for t in (p.type, "ALL"):
                if t in tallies:
                    tallies[t]["prec"] += 1
                    tallies[t]["strict_prec"] += strict
            if not right:
                errors[(g.type, g.text.lower(), g.value, p.value)] += 1
    for t, c in tallies.items():
        p = c["prec"] / c["pred"] if c["pred"] else 0.0
        r = c["rec"] / c["gold"] if c["gold"] else 0.0
        sp = c["strict_prec"] / c["pred"] if c["pred"] else 0.0
        sr = c["strict_rec"] / c["gold"] if c["gold"] else 0.0
        acc = c["value"] / c["rec"] if c["rec"] else 0.0
        f1 = _f1(p, r)
        rows[t] = (c["gold"], c["pred"], p, r, f1, _f1(sp, sr), acc, acc * f1)
    return rows, errors


def format_rows(rows) -> str:
    head = f"{'type':<9}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'strict':>8}{'v.acc':>7}{'v.F1':>7}"
    lines = [head]
    for t, (g, n, p, r, f1, sf1, acc, vf1) in rows.items():
        lines.append(
            f"{t:<9}{g:>6}{n:>6}{100 * p:>7.1f}{100 * r:>7.1f}{100 * f1:>7.1f}{100 * sf1:>8.1f}"
            f"{100 * acc:>7.1f}{100 * vf1:>7.1f}"
        )
    return "\n".join(lines)


def load(root: Path, only: str | None):
    if (root / "TimeBank").is_dir() or (root / "AQUAINT").is_dir():
        dirs = [root / name for name in ("TimeBank", "AQUAINT") if only in (None, name)]
    else:
        dirs = [root]
    docs = []
    for d in dirs:
        for path in sorted(p for p in d.glob("*.tml") if not p.name.startswith(".")):
            text, dct, golds = read_tml(path)
            docs.append((path.stem, text, dct, golds))
    return docs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--only", choices=("TimeBank", "AQUAINT"), default=None)
    ap.add_argument("--errors", type=int, default=30, help="how many value errors to list")
    ap.add_argument("--timeml-spans", action="store_true")
    ap.add_argument("--no-parse", action="store_true", help="tense from the words alone, without the parse")
    args = ap.parse_args(argv)
    docs = load(args.dir, args.only)
    if not docs:
        print(f"no .tml files under {args.dir}", file=sys.stderr)
        return 2
    print(f"{len(docs)} documents, {sum(len(d[3]) for d in docs)} gold TIMEX3")
    parses = None if args.no_parse else parse_all(docs)
    rows, errors = score(docs, timeml_spans=args.timeml_spans, parses=parses)
    print("TimeML values (exact):")
    print(format_rows(rows))
    lenient, _ = score(docs, timeml_spans=args.timeml_spans, lenient=True, parses=parses)
    print("\nProject convention (a more specific value than the gold's underspecified one counts):")
    print(format_rows(lenient))
    if args.errors:
        print(f"\n{args.errors} most frequent value errors (type, text, gold, predicted):")
        for (t, text, g, p), k in errors.most_common(args.errors):
            print(f"{k:>4}  {t:<9}{text!r:<32}{g:<16}{p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
