"""kg: build a negotiation-timeline knowledge graph from news articles, and query it.

Thin: parses options, calls the library, formats output, maps errors to exit
codes: 0 ok, 1 validation failed, 2 bad input or usage. Errors are one line on
standard error: ``kg: error: <file>: <problem>``.

>>> build_parser().parse_args(["build", "seeds", "--out", "o"]).out
'o'
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from datetime import date as Date
from pathlib import Path

from kg.errors import KgError, ShapeViolation, UsageError

__all__ = ["build_parser", "main"]

EPILOG_BUILD = """\
examples:
  kg build seeds                          the seed article into out/
  kg build articles/ feed.jsonl --out site --date 2025-07-20
  kg build articles/ --keep-going -v      skip unreadable files, log each document
"""
EPILOG_VALIDATE = """\
examples:
  kg validate out/graph.trig
  kg validate export.ttl && echo conforms
"""
EPILOG_EVALUATE = """\
examples:
  kg evaluate tests/corpus/gold --graph out/graph.trig --show-errors
  kg evaluate gold/ --format json > scores.json
"""
EPILOG_QUERY = """\
examples:
  kg query --list                          the bundled queries
  kg query timeline                        events in time order, from out/graph.trig
  kg query timeline --format json --graph site/
  kg query my-query.rq --format csv > rows.csv
  echo 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | kg query -
"""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one line: ``kg: error: ...``, exit 2."""

    def error(self, message: str):  # noqa: D102 - argparse API
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _iso_date(text: str) -> Date:
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The ``kg`` argument parser (one sub-command per task)."""
    common = argparse.ArgumentParser(add_help=False)
    talk = common.add_argument_group("output")
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="print nothing but errors")
    talk.add_argument("-v", "--verbose", action="count", default=0,
                      help="log what happens (per document); -vv for more")

    parser = _Parser(prog="kg", description=__doc__.split("\n\n")[0],
                     formatter_class=argparse.RawDescriptionHelpFormatter,
                     epilog="Run 'kg COMMAND --help' for the options and examples of a command.")
    from kg import __version__

    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    b = sub.add_parser(
        "build", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="build the graph and views from articles",
        description="Read articles (.txt, .md, .jsonl files or folders of them), extract "
        "events, actors and agreements, validate the graph and write it to --out: "
        "graph.trig, graph.nq, graph.ttl, graph.jsonld, manifest.json (and the views). "
        "A failed build leaves the previous output as it was.",
        epilog=EPILOG_BUILD)
    b.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    b.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")
    b.add_argument("--base-iri", default=None, metavar="IRI",
                   help="base of the minted IRIs (default: https://w3id.org/negotiation-kg/id/)")
    b.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date of articles whose header gives none")
    b.add_argument("--keep-going", action="store_true",
                   help="skip files that cannot be read (with a warning) instead of stopping")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser(
        "validate", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="check a graph file against the SHACL shapes",
        description="Check a graph file (.trig .nq .ttl .jsonld ...) against the project's "
        "SHACL shapes. Exit 0 when it conforms, 1 with a report when it does not.",
        epilog=EPILOG_VALIDATE)
    v.add_argument("file", metavar="FILE", help="graph file")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser(
        "query", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="run a SPARQL query on a built graph",
        description="Run a SPARQL query on a built graph. QUERY is the name of a bundled "
        "query (see --list), a .rq file, '-' for standard input, or the query text. "
        "SELECT prints a table or W3C JSON/CSV/TSV results; ASK prints true or false; "
        "CONSTRUCT and DESCRIBE print Turtle. Common prefixes (nkg, sem, time, prov, "
        "dcterms, skos, schema, nif, rdf, rdfs, owl, xsd, wd) are predeclared.",
        epilog=EPILOG_QUERY)
    q.add_argument("query", nargs="?", metavar="QUERY", help="query name, .rq file, '-' or text")
    q.add_argument("--graph", default="out", metavar="FILE|DIR",
                   help="graph file, or build folder for its graph.trig (default: out)")
    q.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json"),
                   help="result format (default: table)")
    q.add_argument("--list", action="store_true", help="list the bundled queries and exit")
    q.set_defaults(func=cmd_query)

    e = sub.add_parser(
        "evaluate", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="score a built graph against gold annotation files",
        description="Score a built graph against gold files as domain model section 4 says, "
        "per document and macro-averaged.",
        epilog=EPILOG_EVALUATE)
    e.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold JSON files, or directories of them (*.json)")
    e.add_argument("--graph", default="out/graph.trig", metavar="FILE",
                   help="the built graph, TriG or N-Quads (default: %(default)s)")
    e.add_argument("--format", choices=("text", "json"), default="text",
                   help="a table or JSON (default: %(default)s)")
    e.add_argument("--show-errors", action="store_true",
                   help="also list misses, false hits, fabricated bounds and other errors")
    e.set_defaults(func=cmd_evaluate)
    return parser


# ---------------------------------------------------------------------------
# feedback
# ---------------------------------------------------------------------------
def _interactive(args) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _setup_logging(args) -> None:
    if args.verbose >= 2:
        level = logging.DEBUG
    elif args.verbose == 1:
        level = logging.INFO
    elif args.quiet or not sys.stderr.isatty():
        level = logging.ERROR
    else:
        level = logging.WARNING
    logging.basicConfig(level=level, format="kg: %(message)s", stream=sys.stderr, force=True)


def format_progress(done: int, total: int, elapsed: float) -> str:
    """One progress line: documents done, rate, time left.

    >>> format_progress(50, 200, 10.0)
    '   50/200 documents  5.0/s  0:30 left'
    """
    rate = done / elapsed if elapsed > 0 else 0.0
    left = (total - done) / rate if rate > 0 else 0.0
    minutes, seconds = divmod(int(round(left)), 60)
    width = len(str(total))
    return f"  {done:>{width}}/{total} documents  {rate:.1f}/s  {minutes}:{seconds:02d} left"


class _Progress:
    """Redraws one line on the terminal, at most ten times a second, after half a second."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < 0.5 or (now - self.last < 0.1 and done < total):
            return
        self.last = now
        self.shown = True
        self.stream.write("\r" + format_progress(done, total, now - self.start) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _summary(result) -> str:
    s = result.stats
    out = Path(result.out_dir)
    lines = [f"Built {out}/ from {s.documents} document{'s' if s.documents != 1 else ''} "
             f"in {result.seconds:.1f} s"]
    by_class = ", ".join(f"{k} {v}" for k, v in sorted(s.events_by_class.items(),
                                                       key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"  events      {s.events}" + (f"  ({by_class})" if by_class else ""))
    lines.append(f"  actors      {s.actors}")
    lines.append(f"  agreements  {s.agreements}")
    lines.append(f"  triples     {s.triples} ({s.quads} quads in {s.graphs} graphs)")
    if result.warnings:
        lines.append(f"  warnings    {len(result.warnings)}")
        lines += [f"    {w}" for w in result.warnings[:5]]
        if len(result.warnings) > 5:
            lines.append(f"    ... {len(result.warnings) - 5} more in {out}/manifest.json")
    else:
        lines.append("  warnings    0")
    graph_files = [n for n in result.outputs if n.startswith("graph.") or n == "manifest.json"]
    lines.append(f"  outputs     {out}/: {' '.join(graph_files)}")
    if (out / "timeline.html").exists():
        lines.append(f"  timeline    open {out / 'timeline.html'} in a browser")
    graph_arg = "" if out == Path("out") else f" --graph {out}"
    lines.append(f"  query       kg query --list; kg query timeline{graph_arg}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------
def cmd_build(args) -> int:
    from kg.pipeline import build
    from kg.rdf.namespaces import DEFAULT_BASE_IRI

    progress = _Progress(sys.stderr) if _interactive(args) else None
    try:
        result = build(
            args.paths,
            out=args.out,
            base_iri=args.base_iri or DEFAULT_BASE_IRI,
            date=args.date,
            keep_going=args.keep_going,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    if _interactive(args):
        print(_summary(result), file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from kg.rdf.validate import validate_file

    report = validate_file(args.file)
    if report.conforms:
        if not args.quiet:
            print(f"{args.file}: conforms")
        return 0
    print(report.text.rstrip("\n"))
    print(f"kg: error: {args.file}: does not conform to the shapes "
          f"({len(report.results)} problem{'s' if len(report.results) != 1 else ''})",
          file=sys.stderr)
    return ShapeViolation.exit_code


def cmd_query(args) -> int:
    from kg.rdf.query import bundled_queries, resolve_query, run_query

    if args.list:
        queries = bundled_queries()
        width = max((len(n) for n, _ in queries), default=0)
        for name, description in queries:
            print(f"{name.ljust(width)}  {description}".rstrip())
        return 0
    if not args.query:
        raise UsageError("kg query: give a QUERY (a bundled name, a .rq file or '-'), or --list "
                         "(see 'kg query --help')")
    from kg.rdf.io import load_graph

    query = resolve_query(args.query)
    store = load_graph(args.graph)
    data = run_query(store, query, args.format)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def cmd_evaluate(args) -> int:
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


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["query", "--list"]) == 0  # doctest: +ELLIPSIS
    actors ...
    True
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help(sys.stderr)
            return 2
        _setup_logging(args)
        return args.func(args) or 0
    except ShapeViolation as exc:
        if exc.report:
            print(exc.report.rstrip("\n"), file=sys.stderr)
        print(f"kg: error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KgError as exc:
        print(f"kg: error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (kg query ... | head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
