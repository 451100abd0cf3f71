"""Score kg on real news excerpts (tests/realnews), or sweep real articles for failed builds.

Usage:
  python bench/realnews.py [--split dev|test|all] [--texts DIR] [--errors]
  python bench/realnews.py --sweep [--texts DIR] [--together-only | --alone-only]

The manifests name the articles (``tests/realnews/manifest.json``: id, query, url,
published, sha256, chars, split; ``tests/realnews/sweep.json``: the same without the
split); the texts themselves are other people's writing and are never committed:
they are read from ``--texts`` (default ``tests/realnews/texts/``, git-ignored), each
checked against its sha256. Missing texts and texts whose sha256 differs are named,
and the rest go on.

Default mode: the articles of each split are built together through kg's JSON Lines
input (each row's ``published`` date given with the text) by the library's build, and
the document graphs are scored against ``tests/realnews/gold/<id>.json`` with
:mod:`kg.evaluate`: per document and macro event P/R/F1, exact dates, status, actor
F1, agreement and proposal recall, fabricated bounds, for dev and for test
separately. A document the build leaves out (or a build that fails) scores 0.

``--sweep``: builds every sweep article alone and then all of them together, and
prints for each mode::

    sweep: N articles, built B, failed F (internal errors E, shape violations S, refusals R)

naming each failure. An internal error is an exception or a record the graph
builder rejects; a shape violation is a graph that fails the SHACL shapes; a
refusal is an article that kg refuses to read as input (exit 2).

``--manifest`` and ``--gold`` may be given several times (manifest fragments,
folders of gold files); ``--sweep-manifest`` names the sweep list.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "tests" / "realnews"


# --------------------------------------------------------------------------- manifests and texts
def read_rows(paths: list[Path]) -> list[dict]:
    """The rows of the manifest files, in order, one per id (a later file wins)."""
    rows: dict[str, dict] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):  # {"articles": [...]} or {"rows": [...]}
            data = data.get("articles") or data.get("rows") or []
        for row in data:
            rows[str(row["id"])] = row
    return list(rows.values())


@dataclass
class Texts:
    """The rows whose text is present and intact, and those that are not."""

    present: list[tuple[dict, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def read_texts(rows: list[dict], folder: Path) -> Texts:
    out = Texts()
    for row in rows:
        path = folder / f"{row['id']}.txt"
        try:
            data = path.read_bytes()
        except OSError:
            out.missing.append(row["id"])
            continue
        if row.get("sha256") and hashlib.sha256(data).hexdigest() != row["sha256"]:
            out.changed.append(row["id"])
            continue
        out.present.append((row, data.decode("utf-8")))
    return out


def report_texts(texts: Texts, folder: Path, what: str) -> None:
    if texts.missing:
        print(f"{what}: {len(texts.missing)} text(s) missing in {folder}: {' '.join(texts.missing)}")
    if texts.changed:
        print(f"{what}: {len(texts.changed)} text(s) whose sha256 differs from the manifest "
              f"(left out): {' '.join(texts.changed)}")


def write_feed(items: list[tuple[dict, str]], path: Path) -> Path:
    """The articles as kg's JSON Lines input: id, text and the row's publication date."""
    with path.open("w", encoding="utf-8") as f:
        for row, text in items:
            record = {"id": row["id"], "text": text}
            if row.get("published"):
                record["published"] = row["published"]
            if row.get("url"):
                record["url"] = row["url"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------- builds
@dataclass
class Outcome:
    """A build of some articles: which were published, which failed and how."""

    built: list[str] = field(default_factory=list)
    failed: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (class, message)
    out: Path | None = None


def _classify(exc: BaseException) -> str:
    from kg.errors import KgError, ShapeViolation

    if isinstance(exc, ShapeViolation):
        return "shapes"
    if isinstance(exc, KgError) and exc.exit_code == 2 and not isinstance(exc.__cause__, Exception):
        return "refused"
    return "internal"


def build_articles(items: list[tuple[dict, str]], work: Path, name: str) -> Outcome:
    """Build ``items`` together with :func:`kg.pipeline.build` into ``work/name``."""
    from kg.errors import DocumentsFailed
    from kg.pipeline import build

    feed = write_feed(items, work / f"{name}.jsonl")
    out = work / name
    ids = [row["id"] for row, _ in items]
    outcome = Outcome(out=out)
    try:
        result = build([feed], out=out, keep_going=True)
    except DocumentsFailed as exc:
        for f in exc.failures:
            outcome.failed[f.id] = ("shapes" if f.kind == "shapes" else "internal", f.error)
        for i in ids:
            outcome.failed.setdefault(i, ("internal", f"left out of a build that failed: {exc}"))
        return outcome
    except Exception as exc:  # noqa: BLE001 - a benchmark names every failure and goes on
        kind = _classify(exc)
        why = f"{exc.__class__.__name__}: {' '.join(str(exc).split())}"
        if kind == "refused":  # every line skipped: say why the loader refused them
            from kg.errors import LoadError
            from kg.load import load_paths

            try:
                load_paths([feed])
            except LoadError as refused:
                why = f"LoadError: {refused}"
        for i in ids:
            outcome.failed[i] = (kind, why)
        return outcome
    for f in result.failed:
        outcome.failed[f.id] = ("shapes" if f.kind == "shapes" else "internal", f.error)
    published = {d["id"] for d in result.manifest["documents"]}
    for i in ids:
        if i in published:
            outcome.built.append(i)
        elif i not in outcome.failed:  # a line the loader skipped (keep_going)
            why = next((w for w in result.warnings if f":{ids.index(i) + 1}:" in w), "not read")
            outcome.failed[i] = ("refused", why)
    return outcome


# --------------------------------------------------------------------------- scoring
def _gold_copy(path: Path, work: Path) -> Path:
    """The gold file, with a publication known to the month or year only left out
    of its ``published`` field (kg.evaluate reads a day there; scoring uses the
    events' own bounds, not the publication date)."""
    import re

    data = json.loads(path.read_text(encoding="utf-8"))
    published = data.get("published")
    if not (isinstance(published, str) and re.fullmatch(r"\d{4}(-\d{2})?", published)):
        return path
    data["published"] = None
    copy = work / "gold" / path.name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return copy


def score(args) -> int:
    from kg.evaluate import evaluate, evaluate_store, format_errors, format_table, load_golds
    from kg.rdf.io import load_graph

    rows = read_rows(args.manifest)
    texts = read_texts(rows, args.texts)
    report_texts(texts, args.texts, "realnews")
    gold_files = {}
    for folder in args.gold:
        for path in sorted(folder.glob("*.json")):
            gold_files.setdefault(path.stem, path)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    work = Path(tempfile.mkdtemp(prefix="kg-realnews-"))
    try:
        for split in splits:
            items = [(row, text) for row, text in texts.present
                     if row.get("split") == split and row["id"] in gold_files]
            no_gold = [row["id"] for row, _ in texts.present
                       if row.get("split") == split and row["id"] not in gold_files]
            print(f"\n== {split}: {len(items)} article(s) with gold"
                  + (f"; no gold for {' '.join(no_gold)}" if no_gold else ""))
            if not items:
                continue
            golds = load_golds([_gold_copy(gold_files[row["id"]], work) for row, _ in items])
            t0 = time.perf_counter()
            outcome = build_articles(items, work, split)
            seconds = time.perf_counter() - t0
            for i, (kind, why) in sorted(outcome.failed.items()):
                print(f"build failed ({kind}), scored 0: {i}: {why}")
            if outcome.built:
                report = evaluate_store(load_graph(outcome.out), golds)
            else:
                report = evaluate(golds, [])
            print(f"built {len(outcome.built)}/{len(items)} in {seconds:.1f} s")
            print(format_table(report))
            if args.errors and split == "dev":  # errors are read on dev only (issue 10, section 1)
                print(format_errors(report))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


# --------------------------------------------------------------------------- sweep
def sweep_line(n: int, outcome_failed: dict[str, tuple[str, str]], mode: str) -> str:
    kinds = [k for k, _ in outcome_failed.values()]
    f = len(outcome_failed)
    return (f"sweep: {n} articles, built {n - f}, failed {f} (internal errors {kinds.count('internal')}, "
            f"shape violations {kinds.count('shapes')}, refusals {kinds.count('refused')}) [{mode}]")


def sweep(args) -> int:
    rows = read_rows([args.sweep_manifest])
    texts = read_texts(rows, args.texts)
    report_texts(texts, args.texts, "sweep")
    items = texts.present
    if args.only:
        items = [(r, t) for r, t in items if r["id"] in args.only]
    n = len(items)
    work = Path(tempfile.mkdtemp(prefix="kg-sweep-"))
    status = 0
    try:
        if not args.together_only:
            failed: dict[str, tuple[str, str]] = {}
            for row, text in items:
                outcome = build_articles([(row, text)], work, row["id"])
                failed.update(outcome.failed)
                shutil.rmtree(work / row["id"], ignore_errors=True)
            print(sweep_line(n, failed, "each alone"))
            for i, (kind, why) in sorted(failed.items()):
                print(f"  {i}: {kind}: {why}")
            status |= bool(failed)
        if not args.alone_only:
            outcome = build_articles(items, work, "all")
            print(sweep_line(n, outcome.failed, "all together"))
            for i, (kind, why) in sorted(outcome.failed.items()):
                print(f"  {i}: {kind}: {why}")
            status |= bool(outcome.failed)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return int(status)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:5]))
    ap.add_argument("--texts", type=Path, default=REALNEWS / "texts",
                    help="folder of the article texts <id>.txt (default: tests/realnews/texts)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all",
                    help="which split to score (default: all, each reported separately)")
    ap.add_argument("--manifest", type=Path, action="append",
                    help="manifest of the scored set (repeatable; default: tests/realnews/manifest.json)")
    ap.add_argument("--gold", type=Path, action="append",
                    help="folder of gold files <id>.json (repeatable; default: tests/realnews/gold)")
    ap.add_argument("--errors", action="store_true", help="list the errors of the dev split")
    ap.add_argument("--sweep", action="store_true", help="build the sweep articles, count failures")
    ap.add_argument("--sweep-manifest", type=Path, default=REALNEWS / "sweep.json",
                    help="the sweep list (default: tests/realnews/sweep.json)")
    ap.add_argument("--only", nargs="*", default=None, metavar="ID", help="sweep only these ids")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--alone-only", action="store_true", help="sweep: each article alone only")
    mode.add_argument("--together-only", action="store_true", help="sweep: all together only")
    args = ap.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # each line as it comes, also into a file
        sys.stdout.reconfigure(line_buffering=True)
    args.manifest = args.manifest or [REALNEWS / "manifest.json"]
    args.gold = args.gold or [REALNEWS / "gold"]
    import logging

    logging.basicConfig(level=logging.ERROR, format="kg: %(message)s")
    return sweep(args) if args.sweep else score(args)


if __name__ == "__main__":
    sys.exit(main())
