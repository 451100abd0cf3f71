"""Print the evaluation table of extraction over the dev corpus (seeds/ + tests/corpus/).

Usage: python bench/dev_events.py [--errors] [--dump] [--corpus DIR] [--only N,N,...]

``--corpus DIR`` scores the ``*.txt`` of DIR against ``DIR/gold`` instead of the dev
corpus; ``--only`` keeps the documents whose identifier starts with one of the given
prefixes (e.g. ``--corpus tests/corpus_extra --only 101,102``). Only the selected texts
and gold files are read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.evaluate import evaluate, format_errors, format_table, load_golds, predictions_from_extraction
from kg.extract import extract_many
from kg.load import load_paths

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--only", default="")
    args = ap.parse_args(argv)
    only = tuple(p.strip() for p in args.only.split(",") if p.strip())

    def keep(p: Path) -> bool:
        return not only or p.stem.startswith(only)

    if args.corpus is None:
        paths = [ROOT / "seeds", *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
        gold_dir = ROOT / "tests" / "corpus" / "gold"
    else:
        corpus = args.corpus if args.corpus.is_absolute() else ROOT / args.corpus
        paths = sorted(corpus.glob("*.txt"))
        gold_dir = corpus / "gold"
    paths = [p for p in paths if p.is_dir() or keep(p)]
    docs = [d for d in load_paths(paths) if "/gold/" not in str(d.source)]
    golds = load_golds([p for p in sorted(gold_dir.glob("*.json")) if keep(p)])
    extractions = list(extract_many(docs))
    preds = [predictions_from_extraction(x) for x in extractions]
    report = evaluate(golds, preds)
    print(format_table(report))
    if args.errors:
        print(format_errors(report))
    if args.dump:
        for x in extractions:
            print("==", x.document.id, x.warnings)
            for e in x.events:
                t = e.time
                print(f"  {e.key:40} {e.kind:18} {e.status:9} {t.earliest if t else None}..{t.latest if t else None} {t.timex if t else ''} place={e.place} r={e.round} by={e.proposed_by} prop={e.proposes} resp={e.responds_to} | {[m.text for m in e.mentions][:3]}")
            for a in x.agreements:
                print(f"  AGR {a.key} @ {a.reached_at} {a.parties} {a.label!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
