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
    _add_incremental_commands(sub)
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


# --------------------------------------------------------------------------
# kg add, kg remove: the persistent store in <out>/store, updated incrementally
# --------------------------------------------------------------------------
def _add_incremental_commands(sub) -> None:
    """``add`` and ``remove`` (the persistent store); ``add_as_of_argument`` is for ``query``."""
    p = sub.add_parser(
        "add",
        help="add or update documents in the persistent store (out/store)",
        description="Add documents to the persistent store in OUT/store and re-reconcile only "
        "the events and actors they touch; a document already stored with the same content is "
        "left as it is. Example: kg add articles/2025-07-24.txt --out out",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="documents (files or directories)")
    p.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")
    p.add_argument("--date", type=_as_of_date, metavar="YYYY-MM-DD",
                   help="publication date of documents that do not state one")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=_cmd_add)
    p = sub.add_parser(
        "remove",
        help="remove a document's claims from the persistent store",
        description="Remove a document (by its identifier) from the persistent store in "
        "OUT/store: its graph and its claims go, and what they touched is re-reconciled. "
        "Example: kg remove 004_istanbul_round3 --out out",
    )
    p.add_argument("doc", metavar="DOC", help="the document identifier (dcterms:identifier)")
    p.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    p.set_defaults(func=_cmd_remove)


def _as_of_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def add_as_of_argument(parser) -> None:
    """Give a query command ``--as-of DATE`` (answer over the documents published up to DATE)."""
    parser.add_argument("--as-of", type=_as_of_date, metavar="YYYY-MM-DD", dest="as_of",
                        help="answer over the view as of DATE: only documents published up to "
                        "DATE count (needs the persistent store, OUT/store)")


def store_for_query(out_dir, as_of=None):
    """The pyoxigraph store a query runs on: the persistent store in ``out_dir``,
    or with ``as_of`` an in-memory store holding the view as of that date."""
    from pathlib import Path

    from kg.errors import StoreError
    from kg.store import as_of_store, open_store

    if not (Path(out_dir) / "store").is_dir():
        raise StoreError(f"{out_dir}: no persistent store here (run kg build or kg add first)")
    store = open_store(out_dir)
    if as_of is None:
        return store.oxigraph
    try:
        return as_of_store(store, as_of)
    finally:
        store.close()


def _report(result, quiet: bool) -> None:
    if quiet:
        return
    parts = [f"{len(result.added)} added", f"{len(result.replaced)} replaced",
             f"{len(result.unchanged)} unchanged"]
    if result.removed:
        parts.append(f"{len(result.removed)} removed")
    how = "whole view recomputed" if result.full else f"{result.events_touched} events re-reconciled"
    print(f"kg: {', '.join(parts)}; {how} in {result.seconds:.2f} s")


def _cmd_add(args) -> int:
    from kg.extract import extract_many
    from kg.load import load_paths
    from kg.store import add_documents, open_store

    docs = load_paths(args.paths, date=args.date)
    with open_store(args.out) as store:
        known = {r[0]: r[1] for r in store.db.execute("SELECT doc_id, sha256 FROM docs")}
        fresh = [d for d in docs if known.get(d.id) != d.sha256]
        same = [d for d in docs if known.get(d.id) == d.sha256]
        result = add_documents(store, list(extract_many(fresh)) if fresh else [])
    from dataclasses import replace

    result = replace(result, unchanged=result.unchanged + tuple(d.id for d in same))
    _report(result, args.quiet)
    return 0


def _cmd_remove(args) -> int:
    from kg.store import open_store, remove_document

    with open_store(args.out) as store:
        result = remove_document(store, args.doc)
    _report(result, args.quiet)
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
