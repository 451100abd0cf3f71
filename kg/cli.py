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
    _add_store_commands(sub)
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


# --------------------------------------------------------------------------
# kg push, kg serve: the graph into other triplestores and out to clients
# --------------------------------------------------------------------------
def _add_store_commands(sub) -> None:
    """``push`` (SPARQL Graph Store protocol) and ``serve`` (SPARQL endpoint)."""
    p = sub.add_parser(
        "push",
        help="send the built graph to a SPARQL Graph Store endpoint",
        description="Send each named graph of the build (documents, ontology, consolidated "
        "view) to a SPARQL 1.1 Graph Store HTTP Protocol endpoint with PUT ?graph=<iri>, so a "
        "re-push replaces instead of duplicating. Example: "
        "kg push http://127.0.0.1:7878/store --graph out",
    )
    p.add_argument("store_url", metavar="STORE_URL",
                   help="the Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--graph", default="out", metavar="DIR|FILE",
                   help="build folder or graph file (default: out)")
    p.add_argument("--user", help="user name for the store")
    p.add_argument("--password", help="password for the store (or env KG_STORE_PASSWORD)")
    p.add_argument("--auth", choices=("basic", "digest"), default="basic",
                   help="authentication scheme (default: basic)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="seconds to wait for each request (default: 60)")
    p.add_argument("--retries", type=int, default=3, metavar="N",
                   help="retries with backoff on 5xx answers and connection errors (default: 3)")
    p.add_argument("--state", metavar="FILE",
                   help="where to record the graphs sent (default: DIR/push-state.json "
                   "when --graph is a folder)")
    p.add_argument("--resume", action="store_true",
                   help="skip the graphs the last push to STORE_URL already sent unchanged")
    p.add_argument("--dry-run", action="store_true", help="show what would be sent, send nothing")
    _talk_options(p)
    p.set_defaults(func=_cmd_push)

    s = sub.add_parser(
        "serve",
        help="a read-only SPARQL endpoint over the built graph, with its views and files",
        description="Serve SPARQL 1.1 Protocol at /sparql over the built graph and the files "
        "of the build folder at /. Binds 127.0.0.1; read-only; SERVICE refused; queries are "
        "time-limited and answers capped. Example: kg serve --graph out --port 8000",
    )
    s.add_argument("--graph", default="out", metavar="DIR|FILE",
                   help="build folder or graph file (default: out)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks one)")
    s.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="time limit of a query in seconds (default: 10)")
    s.add_argument("--max-results", type=int, default=100_000, metavar="N",
                   help="most solutions or triples in one answer (default: 100000)")
    _talk_options(s)
    s.set_defaults(func=_cmd_serve)


def _talk_options(p) -> None:
    """The shared -q/-v options (declared here so that this block stands alone)."""
    talk = p.add_argument_group("output")
    talk.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    talk.add_argument("-v", "--verbose", action="count", default=0,
                      help="log what happens (each graph sent, each request served)")


def _cmd_push(args) -> int:
    import os
    from pathlib import Path

    from kg.errors import StoreError, UsageError
    from kg.rdf.push import STATE_FILE, Auth, push, read_quads

    password = args.password if args.password is not None else os.environ.get("KG_STORE_PASSWORD")
    if (args.user is None) != (password is None):
        raise UsageError("give both --user and --password (or neither)")
    auth = Auth(args.user, password, args.auth) if args.user is not None else None
    graph = Path(args.graph)
    state = Path(args.state) if args.state else (graph / STATE_FILE if graph.is_dir() else None)
    if args.resume and state is None:
        raise UsageError("--resume needs --state FILE when --graph is a file")
    quads = read_quads(graph)  # exact datatypes (a Store would canonicalize some)
    say = (lambda msg: print(msg, file=sys.stderr)) if args.verbose or args.dry_run else None
    report = push(quads, args.store_url, auth=auth, timeout=args.timeout, retries=args.retries,
                  dry_run=args.dry_run, state_file=None if args.dry_run else state,
                  resume=args.resume, progress=say)
    if not args.quiet:
        print(report.summary())
    if not report.ok:
        lines = [f"  {g}: {why}" for g, why in report.failed]
        lines += [f"  {g}: not tried" for g in report.not_sent]
        hint = (f"; the graphs sent are recorded in {report.state_file}, re-run with --resume"
                if report.state_file else "")
        raise StoreError(f"{len(report.failed) + len(report.not_sent)} graph(s) not pushed"
                         f"{hint}:\n" + "\n".join(lines))
    return 0


def _cmd_serve(args) -> int:
    from pathlib import Path

    from kg.rdf.push import load_dataset
    from kg.serve import Limits, serve

    graph = Path(args.graph)
    store = load_dataset(graph)
    serve(store, host=args.host, port=args.port, static_dir=graph if graph.is_dir() else None,
          limits=Limits(timeout=args.timeout, max_results=args.max_results),
          quiet=not args.verbose)
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
