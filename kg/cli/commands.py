"""The commands: each ``cmd_*`` takes the parsed options, calls the library and prints
its result; errors are raised as :mod:`kg.errors` and turned into exit codes by
:func:`kg.cli.main`."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from kg.errors import ShapeViolation, UsageError

from kg.cli.feedback import _Progress, _interactive, _summary

__all__ = ["store_for_query"]


def cmd_build(args) -> int:
    from kg.pipeline import build
    from kg.rdf.namespaces import DEFAULT_BASE_IRI

    progress = _Progress(sys.stderr) if _interactive(args) else None
    options = dict(out=args.out, base_iri=args.base_iri or DEFAULT_BASE_IRI, date=args.date,
                   keep_going=args.keep_going, strict=args.strict, progress=progress,
                   exclude=_exclude(args.exclude))
    for name in ("workers", "partitions"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            raise UsageError(f"kg build: --{name} must be 1 or more")
    try:
        if args.workers or args.scheduler or args.push:
            from kg.distributed import DaskOptions, build_on_dask

            dask = DaskOptions(workers=args.workers or 1, scheduler=args.scheduler,
                               partitions=args.partitions, shards=args.shards, push=args.push)
            result = build_on_dask(args.paths, options=dask, **options)
        else:
            result = build(args.paths, **options)
    finally:
        if progress is not None:
            progress.close()
    for failure in result.failed:
        print(f"kg: failed: {failure.line()}", file=sys.stderr)
    if _interactive(args):
        print(_summary(result), file=sys.stderr)
    return 0


def _exclude(globs: list[str] | None):
    """The ``--exclude`` globs: the defaults when none is given, none for ``none``."""
    if globs is None:
        return None
    return tuple(g for g in globs if g.lower() != "none")


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
    from kg.errors import QueryError
    from kg.rdf.namespaces import PREFIXES
    from kg.rdf.query import bundled_queries, check_query, page, resolve_query, run_query

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
    from kg.store import published_store

    paged = args.limit is not None or args.offset is not None
    resolved = resolve_query(args.query, paged=paged)
    window = dict(limit=args.limit, offset=args.offset, since=args.since, until=args.until)
    query = page(resolved, **window)
    # Read (never run) before anything is loaded: depth limit, syntax, no update, no SERVICE.
    check_query(query, prefixes=PREFIXES, allow_service=args.allow_service)
    graph = Path(args.graph)
    base = _build_base(graph)
    data = None
    with _interruptible():
        if args.as_of is not None:
            data = run_query(store_for_query(graph if graph.is_dir() else graph.parent, args.as_of),
                             query, args.format, checked=True, base=base)
        elif graph.is_dir() and (kept := published_store(graph)) is not None:
            from kg.store import indexed_page

            # a page of the timeline: its events read from the store's timeline index
            fast = indexed_page(graph, resolved, **window) if paged else None
            try:  # the store in step with the files: nothing to load
                data = run_query(kept, fast or query, args.format, checked=True, base=base)
            except QueryError:  # changed under the query by a kg add in another process
                data = None
        if data is None:
            data = run_query(load_graph(graph), query, args.format, checked=True, base=base)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return 0


def _build_base(graph: Path) -> str:
    """The base IRI of the build ``graph`` belongs to (its manifest's), else the default."""
    from kg.pipeline import build_base_iri

    return build_base_iri(graph if graph.is_dir() else graph.parent)


@contextlib.contextmanager
def _interruptible():
    """Ctrl-C ends the process at once while a query runs: the engine does not
    return to Python until it is done, so a Python handler would wait for it."""
    import signal
    import threading

    old = None
    if threading.current_thread() is threading.main_thread():
        old = signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        yield
    finally:
        if old is not None:
            signal.signal(signal.SIGINT, old)


def cmd_evaluate(args) -> int:
    import json

    from kg import evaluate as ev
    from kg.errors import RdfError
    from kg.rdf.io import GRAPH_FORMATS, load_graph

    fmt = GRAPH_FORMATS.get(Path(args.graph).suffix.lower())
    if fmt is not None and not fmt.supports_datasets:  # its triples lose their document graphs
        raise RdfError(f"{args.graph}: evaluation reads the document graphs: give a file that keeps "
                       "its named graphs (.trig, .nq, .jsonld) or a build folder")
    golds = ev.load_golds(args.gold)
    report = ev.evaluate_store(load_graph(args.graph), golds, undated_matches_any=args.undated_matches_any)
    if args.format == "json":
        print(json.dumps(ev.to_json(report), indent=2, ensure_ascii=False))
    else:
        print(ev.format_table(report))
        if args.show_errors:
            errors = ev.format_errors(report)
            print("\n" + (errors or "no errors"))
    return 0


def cmd_push(args) -> int:
    import os

    from kg.errors import StoreError
    from kg.rdf.io import read_quads
    from kg.rdf.push import STATE_FILE, Auth, push

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
        for line in lines:
            print(line, file=sys.stderr)
        raise StoreError(f"{len(report.failed) + len(report.not_sent)} graph(s) not pushed{hint}")
    return 0


def cmd_serve(args) -> int:
    import hashlib

    from kg.rdf.io import MANIFEST, load_graph
    from kg.serve import Limits, serve

    graph = Path(args.graph)
    if min(args.timeout, args.body_timeout) <= 0 or min(args.memory, args.workers) < 1:
        raise UsageError("kg serve: --timeout, --body-timeout, --memory and --workers must be "
                         "positive")
    stamp = graph / MANIFEST if graph.is_dir() else graph
    build = hashlib.sha256(stamp.read_bytes()).hexdigest() if stamp.is_file() else None
    limits = Limits(timeout=args.timeout, max_results=args.max_results, memory_mb=args.memory,
                    workers=args.workers, body_timeout=args.body_timeout)
    # in memory, handed over: a long-lived reader of out/store would race kg add
    serve(load_graph(graph), host=args.host, port=args.port, static_dir=graph if graph.is_dir() else None,
          limits=limits, quiet=not args.verbose, build=build)
    return 0

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
    for note in result.notes:
        print(f"kg: {note}")


def _cmd_add(args) -> int:
    from kg.pipeline import update

    _report(update(args.out, add=args.paths, date=args.date, wait=args.wait), args.quiet)
    return 0


def _cmd_remove(args) -> int:
    from kg.pipeline import update

    _report(update(args.out, remove=[args.doc], wait=args.wait), args.quiet)
    return 0


def cmd_analyze(args) -> int:
    import json

    from kg.analysis import analyze, format_text, read_timeline
    from kg.rdf.io import load_graph

    report = analyze(read_timeline(load_graph(args.graph)))
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True))
    else:
        print(format_text(report))
    return 0


def cmd_render(args) -> int:
    from kg.rdf.io import load_graph
    from kg.render import write_views

    graph = Path(args.graph)
    out = Path(args.out) if args.out else (graph if graph.is_dir() else graph.parent)
    for path in write_views(load_graph(graph), out):
        print(path)
    return 0


def cmd_view(args) -> int:
    page = Path(args.out) / "timeline.html"
    if not page.is_file():
        raise UsageError(f"{page}: no such page (run `kg build` or `kg render` first)")
    print(page.resolve())
    if not args.no_open:
        import webbrowser

        webbrowser.open(page.resolve().as_uri())
    return 0
