"""Print the evaluation table of extraction over the dev corpus (seeds/ + tests/corpus/).

Usage: python bench/dev_events.py [--errors] [--dump]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from kg.evaluate import evaluate, format_errors, format_table, load_golds, predictions_from_extraction
from kg.extract import extract_many
from kg.load import load_paths

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    paths = [ROOT / "seeds", *sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    docs = [d for d in load_paths(paths) if "/gold/" not in str(d.source)]
    golds = load_golds(sorted((ROOT / "tests" / "corpus" / "gold").glob("*.json")))
    extractions = list(extract_many(docs))
    preds = [predictions_from_extraction(x) for x in extractions]
    report = evaluate(golds, preds)
    print(format_table(report))
    if "--errors" in argv:
        print(format_errors(report))
    if "--dump" in argv:
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

