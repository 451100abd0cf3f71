"""The command line's options: one sub-parser per command, its help and epilog.

>>> build_parser().parse_args(["query", "timeline", "--limit", "5"]).limit
5
"""

from __future__ import annotations

import argparse
from datetime import date as Date

from kg.errors import UsageError

from kg.cli.commands import (_cmd_add, _cmd_remove, cmd_analyze, cmd_build, cmd_evaluate, cmd_push,
                             cmd_query, cmd_render, cmd_serve, cmd_validate, cmd_view)

__all__ = ["add_as_of_argument", "build_parser"]

EPILOG_BUILD = """\
examples:
  kg build seeds                          the seed article into out/
  kg build articles/ feed.jsonl --out site --date 2025-07-20
  kg build articles/ --keep-going -v      skip unreadable files, log each document
  kg build articles/ --workers 4          extraction on a local Dask cluster of 4 processes
  kg build feed.jsonl --scheduler tcp://scheduler:8786 --push http://127.0.0.1:7878/store
  kg build articles/ --strict             exit 1, publish nothing, if any document fails
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
  kg evaluate gold/ --graph out --undated-matches-any   # the lenient reading of undated events
"""
EPILOG_PUSH = """\
examples:
  kg push http://127.0.0.1:7878/store --graph out
  kg push https://triples.example.org/store --user me --resume -v
"""
EPILOG_SERVE = """\
limits (the answer past each):
  nesting of a query     128: brackets open at once plus operators chained in them (400)
  what a query may do    read: updates, LOAD and SERVICE are refused (403)
  --timeout              10 s a query, waiting for a worker included; worker killed (503)
  --memory               1024 MiB a query beyond the graph; its worker dies (503)
  --max-results          100000 solutions or triples in an answer (413)
  request body           1 MiB (413); headers and body within --body-timeout, 10 s (408)
  idle connection        closed after 5 s; HTTP/1.0 gets one answer per connection

examples:
  kg serve --graph out --port 8000       then open http://127.0.0.1:8000/
"""
EPILOG_ANALYZE = """\
examples:
  kg analyze
  kg analyze --graph out/graph.trig --format json > analysis.json
"""
EPILOG_RENDER = """\
examples:
  kg render
  kg render --graph export.trig --out pages
"""
EPILOG_VIEW = """\
examples:
  kg view
  kg view --out site --no-open
"""
EPILOG_ADD = """\
examples:
  kg add articles/2025-07-24.txt --out out
  kg add new-articles/ feed.jsonl
"""
EPILOG_REMOVE = """\
examples:
  kg remove 004_istanbul_round3 --out out
"""
EPILOG_QUERY = """\
examples:
  kg query --list                          the bundled queries
  kg query timeline                        events in time order, from out/graph.trig
  kg query timeline --format json --graph site/
  kg query timeline --since 2025-06-01 --until 2025-06-30 --limit 50 --offset 50
  kg query my-query.rq --format csv > rows.csv
  kg query rounds --format jsonl           one JSON object per row
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


def _out_option(parser: argparse.ArgumentParser) -> None:
    """The ``--out`` option of the commands that write or update an output folder."""
    parser.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")


def _graph_option(parser: argparse.ArgumentParser, default: str = "out",
                  files: str = ".trig .nq .jsonld .ttl .nt .rdf ...") -> None:
    """The ``--graph`` option of every command that reads a built graph (see kg.rdf.io.read_quads)."""
    parser.add_argument("--graph", default=default, metavar="DIR|FILE",
                        help=f"build folder (its graph.trig, else graph.nq) or graph file: {files} "
                        "(default: %(default)s)")


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
    _out_option(b)
    b.add_argument("--base-iri", default=None, metavar="IRI",
                   help="base of the minted IRIs (default: https://w3id.org/negotiation-kg/id/)")
    b.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date of articles whose header gives none")
    b.add_argument("--keep-going", action="store_true",
                   help="skip files that cannot be read (with a warning) instead of stopping")
    b.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                   help="pass over files of the input folders whose name matches GLOB (repeatable); "
                   "a folder's README*, LICENSE*, CHANGELOG*, CHANGES*, CONTRIBUTING* are passed over "
                   "unless --exclude is given ('--exclude none' reads them all)")
    scale = b.add_argument_group("scaling out (needs the dask extra: pip install 'negotiation-kg[dask]')")
    scale.add_argument("--workers", type=int, metavar="N",
                       help="extract on a local Dask cluster of N processes (same graph.nq, byte for byte)")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="extract on the running dask.distributed cluster at ADDRESS (tcp://host:port)")
    scale.add_argument("--partitions", type=int, metavar="K",
                       help="document partitions of the Dask bag (default: 4 per worker)")
    scale.add_argument("--shards", metavar="DIR",
                       help="where partitions write their N-Quads shards (default: OUT.shards beside OUT)")
    scale.add_argument("--push", metavar="STORE_URL",
                       help="send the document graphs to this SPARQL Graph Store endpoint as their "
                       "partitions finish, then the ontology and the consolidated graph; a re-run "
                       "sends only what changed")
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 1, publish nothing) when any document cannot be built; "
                   "by default such a document is left out, named on stderr and in the manifest")
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
        "dcterms, skos, schema, nif, rdf, rdfs, owl, xsd, wd) are predeclared. On a build "
        "folder the query runs on its persistent store (DIR/store, nothing to load) while "
        "that holds what the folder's files publish, else on the files. The query is read "
        "before it runs: updates and LOAD are refused, SERVICE too unless --allow-service, "
        "and so is nesting deeper than 128 (brackets open at once plus operators chained "
        "inside them). Ctrl-C stops a query.",
        epilog=EPILOG_QUERY)
    q.add_argument("query", nargs="?", metavar="QUERY", help="query name, .rq file, '-' or text")
    _graph_option(q)
    q.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json", "jsonl"),
                   help="result format (default: table)")
    q.add_argument("--list", action="store_true", help="list the bundled queries and exit")
    window = q.add_argument_group("paging and window (the bundled timeline; see its header)")
    window.add_argument("--limit", type=int, metavar="N", help="at most N rows (a page)")
    window.add_argument("--offset", type=int, metavar="M", help="skip the first M rows")
    window.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD",
                        help="only events that end on or after this date")
    window.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD",
                        help="only events that begin on or before this date")
    q.add_argument("--allow-service", action="store_true",
                   help="let SERVICE patterns fetch from other endpoints (refused by default)")
    add_as_of_argument(q)
    q.set_defaults(func=cmd_query)

    e = sub.add_parser(
        "evaluate", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="score a built graph against gold annotation files",
        description="Score a built graph against gold files as domain model section 4 says, "
        "per document and macro-averaged.",
        epilog=EPILOG_EVALUATE)
    e.add_argument("gold", nargs="+", metavar="GOLD",
                   help="gold JSON files, or directories of them (*.json)")
    _graph_option(e, files=".trig .nq .jsonld (they keep the document graphs)")
    e.add_argument("--format", choices=("text", "json"), default="text",
                   help="a table or JSON (default: %(default)s)")
    e.add_argument("--show-errors", action="store_true",
                   help="also list misses, false hits, fabricated bounds and other errors")
    e.add_argument("--undated-matches-any", action="store_true",
                   help="let a predicted event without dates match a dated gold event (the lenient "
                   "reading; by default it matches only an undated one, see "
                   "docs/decisions/20261206-undated-match.md)")
    e.set_defaults(func=cmd_evaluate)

    p = sub.add_parser(
        "push", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="send the built graph to a SPARQL Graph Store endpoint",
        description="Send each named graph of the build (documents, ontology, consolidated "
        "view) to a SPARQL 1.1 Graph Store HTTP Protocol endpoint with PUT ?graph=<iri>, so a "
        "re-push replaces instead of duplicating.",
        epilog=EPILOG_PUSH)
    p.add_argument("store_url", metavar="STORE_URL",
                   help="the Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    _graph_option(p)
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
    p.set_defaults(func=cmd_push)

    s = sub.add_parser(
        "serve", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="a read-only SPARQL endpoint over the built graph, with its views and files",
        description="Serve SPARQL 1.1 Protocol at /sparql over the built graph and the public "
        "files of the build folder at / (graph files, pages, exports, manifest; never the "
        "store or push state). Binds 127.0.0.1; read-only. Every query is parsed before it "
        "runs, in a worker process that can open no file or socket and is replaced when a "
        "limit stops it. Answers are cached by query text and build.",
        epilog=EPILOG_SERVE)
    _graph_option(s)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks one)")
    s.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="time limit of a query in seconds, waiting for a worker included "
                   "(default: 10)")
    s.add_argument("--memory", type=int, default=1024, metavar="MIB",
                   help="memory a query may use beyond the loaded graph, in MiB (default: 1024)")
    s.add_argument("--workers", type=int, default=2, metavar="N",
                   help="queries evaluated at the same time, one process each (default: 2)")
    s.add_argument("--body-timeout", type=float, default=10.0, metavar="S",
                   help="seconds a client has to send a request's headers and body "
                   "(default: 10)")
    s.add_argument("--max-results", type=int, default=100_000, metavar="N",
                   help="most solutions or triples in one answer (default: 100000)")
    s.set_defaults(func=cmd_serve)

    a = sub.add_parser(
        "analyze", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="print the timeline analysis of a built graph",
        description="Timeline (ordered by date bounds; undated kept apart), tracks of rounds, "
        "actor centrality and proposals of the graph's consolidated view.",
        epilog=EPILOG_ANALYZE)
    _graph_option(a)
    a.add_argument("--format", choices=("text", "json"), default="text",
                   help="output format (default text)")
    a.set_defaults(func=cmd_analyze)

    r = sub.add_parser(
        "render", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="write the timeline and actor pages and exports from a built graph",
        description="Writes timeline.html, actors.html (self-contained, work offline), "
        "timeline.json (TimelineJS), graph.graphml (Gephi) and analysis.json.",
        epilog=EPILOG_RENDER)
    _graph_option(r)
    r.add_argument("--out", default=None, help="output folder (default: the build folder the graph is in)")
    r.set_defaults(func=cmd_render)

    w = sub.add_parser(
        "view", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="open the timeline page in the default browser",
        description="Opens <out>/timeline.html (written by kg build or kg render).",
        epilog=EPILOG_VIEW)
    w.add_argument("--out", default="out", help="folder holding timeline.html (default out)")
    w.add_argument("--no-open", action="store_true", help="only print the page's path")
    w.set_defaults(func=cmd_view)
    _add_incremental_commands(sub, common)
    return parser


# --------------------------------------------------------------------------
# kg add, kg remove: the persistent store in <out>/store, updated incrementally
# --------------------------------------------------------------------------
def _add_incremental_commands(sub, common) -> None:
    """``add`` and ``remove`` (the persistent store); ``add_as_of_argument`` is for ``query``."""
    parents = [common]
    p = sub.add_parser(
        "add", parents=parents, formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG_ADD,
        help="add or update documents in the persistent store (out/store)",
        description="Add documents to the persistent store in OUT/store and re-reconcile only "
        "the events and actors they touch; a document already stored with the same content is "
        "left as it is. All or nothing: when a document cannot be extracted or the updated graph "
        "does not conform, the store and the files stay exactly as they were (exit 1).",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="documents (files or directories)")
    _out_option(p)
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date of documents that do not state one")
    _wait_option(p)
    p.set_defaults(func=_cmd_add)
    p = sub.add_parser(
        "remove", parents=parents, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EPILOG_REMOVE,
        help="remove a document's claims from the persistent store",
        description="Remove a document (by its identifier) from the persistent store in "
        "OUT/store: its graph and its claims go, and what they touched is re-reconciled.",
    )
    p.add_argument("doc", metavar="DOC", help="the document identifier (dcterms:identifier)")
    _out_option(p)
    _wait_option(p)
    p.set_defaults(func=_cmd_remove)


def _wait_option(parser) -> None:
    """``--wait SECONDS``: how long to wait for another command writing the same folder."""
    from kg.store import LOCK_TIMEOUT

    parser.add_argument("--wait", type=float, default=LOCK_TIMEOUT, metavar="SECONDS",
                        help="wait this long for another kg command writing the same --out "
                        "(default: %(default)g)")


def add_as_of_argument(parser) -> None:
    """Give a query command ``--as-of DATE`` (answer over the documents published up to DATE)."""
    parser.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD", dest="as_of",
                        help="answer over the view as of DATE: only documents published up to "
                        "DATE count (needs the persistent store, OUT/store)")
