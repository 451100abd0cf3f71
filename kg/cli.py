"""The command line: thin. Parses options, calls the library, formats output,
maps errors to exit codes (0 ok, 1 validation failed, 2 bad input or usage)."""

from __future__ import annotations

import argparse
import sys

from kg.errors import KgError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description=__doc__)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_views_commands(sub)
    return parser


# --- views: analyze, render, view ---------------------------------------------
def _add_views_commands(sub) -> None:
    """``kg analyze``, ``kg render`` and ``kg view`` (the analysis and the pages)."""
    default_graph = "out/graph.trig"

    p = sub.add_parser(
        "analyze",
        help="print the timeline analysis of a built graph",
        description="Timeline (ordered by date bounds; undated kept apart), tracks of rounds, "
        "actor centrality and proposals of the graph's consolidated view.\n\n"
        "example: kg analyze --graph out/graph.trig --format json > analysis.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--graph", default=default_graph, help=f"TriG or N-Quads file (default {default_graph})")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser(
        "render",
        help="write the timeline and actor pages and exports from a built graph",
        description="Writes timeline.html, actors.html (self-contained, work offline), timeline.json "
        "(TimelineJS), graph.graphml (Gephi) and analysis.json.\n\n"
        "example: kg render --graph out/graph.trig --out out",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--graph", default=default_graph, help=f"TriG or N-Quads file (default {default_graph})")
    p.add_argument("--out", default=None, help="output folder (default: the graph's folder)")
    p.set_defaults(func=_cmd_render)

    p = sub.add_parser(
        "view",
        help="open the timeline page in the default browser",
        description="Opens <out>/timeline.html (written by kg build or kg render).\n\n"
        "example: kg view --out out --no-open",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--out", default="out", help="folder holding timeline.html (default out)")
    p.add_argument("--no-open", action="store_true", help="only print the page's path")
    p.set_defaults(func=_cmd_view)


def _cmd_analyze(args) -> int:
    import json

    from kg.analysis import analyze, format_text, open_graph, read_timeline

    report = analyze(read_timeline(open_graph(args.graph)))
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(format_text(report))
    return 0


def _cmd_render(args) -> int:
    from pathlib import Path

    from kg.analysis import open_graph
    from kg.render import write_views

    out = Path(args.out) if args.out else Path(args.graph).parent
    for path in write_views(open_graph(args.graph), out):
        print(path)
    return 0


def _cmd_view(args) -> int:
    from pathlib import Path

    from kg.errors import UsageError

    page = Path(args.out) / "timeline.html"
    if not page.is_file():
        raise UsageError(f"{page}: no such page (run `kg build` or `kg render` first)")
    print(page.resolve())
    if not args.no_open:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())
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
