"""How the time stage and extraction scale with the length of one document.

Run: ``python bench/long_text.py [--timex-mb 1] [--extract-mb 5] [--runs 3]``.

Two figures, each a ratio against a baseline run in the same process:

- ``find_timexes`` over the bodies of the development articles repeated to about
  ``--timex-mb`` megabytes, against the same over a tenth of that text: seconds per
  character of the long run / seconds per character of the short one (near 1 = linear).
- ``extract_many`` of one document of about ``--extract-mb`` megabytes through a light
  pipeline (tokenizer, sentences and the project's components; the trained parser takes
  about 17 minutes on 5 MB), against the same over a tenth of that text, the same way.

Each figure is the median of ``--runs`` runs, long and short alternating. The last line is
the worse of the two::

    worst ratio long/short per character = 1.08 (target <= 1.5)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 1.5
ANCHOR = date(2025, 7, 20)


def corpus_bodies() -> str:
    paths = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    return "\n".join(p.read_text(encoding="utf-8").split("\n", 1)[1] for p in paths) + "\n"


def per_char(run, text: str) -> float:
    t0 = time.perf_counter()
    run(text)
    return (time.perf_counter() - t0) / len(text)


def ratio(run, long_text: str, short_text: str, runs: int) -> tuple[float, float, float]:
    """(median s/char long, median s/char short, their ratio)."""
    longs, shorts = [], []
    for _ in range(runs):
        longs.append(per_char(run, long_text))
        shorts.append(per_char(run, short_text))
    lo, sh = statistics.median(longs), statistics.median(shorts)
    return lo, sh, lo / sh


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--timex-mb", type=float, default=1.0)
    ap.add_argument("--extract-mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)

    import spacy

    from kg.extract import extract_many
    from kg.extract.timex import find_timexes
    from kg.nlp import add_kg_components
    from kg.records import Document

    body = corpus_bodies()
    long_text = body * max(1, int(args.timex_mb * 1_000_000 // len(body)))
    short_text = body * max(1, int(args.timex_mb * 100_000 // len(body)))
    lo, sh, r1 = ratio(lambda t: find_timexes(t, ANCHOR), long_text, short_text, args.runs)
    print(f"find_timexes: {len(long_text):,} chars {lo * len(long_text):.2f} s, "
          f"{len(short_text):,} chars {sh * len(short_text):.2f} s; ratio long/short per char = {r1:.2f}")

    light = spacy.blank("en")
    light.add_pipe("sentencizer")
    add_kg_components(light)
    para = ("Delegations met in Geneva on Monday for talks. The next round will be held next week, "
            "the envoy said. Both sides agreed to exchange prisoners.\n")

    def extract(text: str) -> None:
        doc = Document("d", "d.txt", text, "0", published=ANCHOR)
        (x,) = list(extract_many([doc], nlp=light))
        assert x.warnings == (), x.warnings

    long_doc = para * int(args.extract_mb * 1_000_000 // len(para) + 1)
    short_doc = para * int(args.extract_mb * 100_000 // len(para) + 1)
    lo, sh, r2 = ratio(extract, long_doc, short_doc, args.runs)
    print(f"extract_many (light pipeline): {len(long_doc):,} chars {lo * len(long_doc):.1f} s, "
          f"{len(short_doc):,} chars {sh * len(short_doc):.1f} s; ratio long/short per char = {r2:.2f}")
    worst = max(r1, r2)
    print(f"worst ratio long/short per character = {worst:.2f} (target <= {TARGET})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
