"""The command line: thin. Parses options, calls the library, formats output,
maps errors to exit codes (0 ok, 1 validation failed, 2 bad input or usage)."""

from __future__ import annotations

import argparse
import sys

from kg.errors import KgError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_evaluate(sub)
    return parser


# --- kg evaluate --------------------------------------------------------------
def _add_evaluate(sub) -> None:
    """Register ``kg evaluate``."""
    p = sub.add_parser(
        "evaluate",
        help="score a built graph against gold annotation files",
        description="Score a built graph against gold files as domain model section 4 says,"
        " per document and macro-averaged. Example:"
        " kg evaluate tests/corpus/gold --graph out/graph.trig --show-errors",
    )
    p.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold JSON files, or directories of them (*.json)")
    p.add_argument("--graph", default="out/graph.trig", metavar="FILE",
                   help="the built graph, TriG or N-Quads (default: %(default)s)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="a table or JSON (default: %(default)s)")
    p.add_argument("--show-errors", action="store_true",
                   help="also list misses, false hits, fabricated bounds and other errors")
    p.set_defaults(func=_run_evaluate)


def _run_evaluate(args) -> int:
    import json

    from kg import evaluate as ev

    golds = ev.load_golds(args.gold)
    report = ev.evaluate_store(ev.load_graph(args.graph), golds)
    if args.format == "json":
        print(json.dumps(ev.to_json(report), indent=2, ensure_ascii=False))
    else:
        print(ev.format_table(report))
        if args.show_errors:
            errors = ev.format_errors(report)
            print("\n" + (errors or "no errors"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
