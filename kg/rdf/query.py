"""SPARQL over a built graph, in pyoxigraph.

A query is a bundled query name (``ontology/queries/<name>.rq``), a ``.rq`` file,
``-`` for standard input, or the text of a query. Results are written as the
W3C formats (SPARQL 1.1 Query Results JSON, CSV, TSV) or as an aligned text
table; CONSTRUCT and DESCRIBE give Turtle, ASK gives true or false.

The store is queried as it is (no union default graph): the bundled queries
find the consolidated graph with ``GRAPH ?view { ?view a nkg:ConsolidatedGraph }``.
The project's prefixes (nkg, sem, time, prov, dcterms, skos, schema, nif, rdf,
rdfs, owl, xsd, wd) are predeclared.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> g = ox.NamedNode("https://example.org/graph/current")
>>> store.add(ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
...                   ox.NamedNode("https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph"), g))
>>> q = Query("SELECT ?view WHERE { GRAPH ?view { ?view a nkg:ConsolidatedGraph } }", "<doc>")
>>> print(run_query(store, q, "csv").decode().replace("\\r", ""), end="")
view
https://example.org/graph/current
>>> run_query(store, Query("ASK { ?s ?p ?o }", "<doc>"), "table")
b'false\\n'
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.namespaces import DEFAULT_BASE_IRI, PREFIXES
from kg.rdf.query_check import MAX_DEPTH, QueryRefused, check_query, query_depth

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "QueryRefused",
    "check_query",
    "query_depth",
    "Query",
    "bundled_queries",
    "resolve_query",
    "run_query",
    "select",
    "format_table",
    "page",
    "page_events",
]

#: Output formats of ``kg query``.
FORMATS = ("table", "csv", "tsv", "json", "jsonl")

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.S)


@dataclass(frozen=True, slots=True)
class Query:
    """The text of a SPARQL query and where it came from (for error messages)."""

    text: str
    source: str


def _queries_dir() -> Path:
    from kg.resources import QUERIES_DIR

    return QUERIES_DIR


def _description(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            return line.lstrip("#").strip()
        if line:
            break
    return ""


def date_columns(text: str) -> tuple[str, ...]:
    """The columns a query's header declares as days in ISO form (``# Date columns: begin
    end``): the bundled queries give ``xsd:date`` values as their lexical form, which the
    library API turns back into :class:`datetime.date`. Read from the leading comments only.

    >>> date_columns("# timeline\\n# Date columns: begin end\\nSELECT * {}")
    ('begin', 'end')
    >>> date_columns("SELECT * {}  # Date columns: x")
    ()
    """
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        body = line.lstrip("#").strip()
        if body.lower().startswith("date columns:"):
            return tuple(body.split(":", 1)[1].split())
    return ()


def bundled_queries(directory: Path | None = None) -> list[tuple[str, str]]:
    """The bundled queries as ``(name, first comment line)``, sorted by name
    (a leading ``name:`` in the comment is left out).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "actors.rq").write_text("# actors: who is who\\nSELECT * {}")
    >>> _ = (d / "rounds.rq").write_text("# The rounds\\nSELECT * {}")
    >>> bundled_queries(d)
    [('actors', 'who is who'), ('rounds', 'The rounds')]
    """
    directory = _queries_dir() if directory is None else directory
    if not directory.is_dir():
        return []
    out = []
    for p in sorted(directory.glob("*.rq")):
        text = _description(p.read_text(encoding="utf-8"))
        if text.startswith(f"{p.stem}:"):
            text = text[len(p.stem) + 1:].strip()
        out.append((p.stem, text))
    return out


#: Bundled queries with a shape of their own for a page (``--limit``/``--offset``): the
#: same rows in the same order, where only the events of the page are looked up.
PAGED = {"timeline": "timeline_page"}


def resolve_query(spec: str, *, stdin: TextIO | None = None, directory: Path | None = None,
                  paged: bool = False) -> Query:
    """Find the query named by ``spec``: ``-`` (stdin), a file, a bundled name, or query text.
    With ``paged``, a bundled query of :data:`PAGED` is read in its page shape.

    >>> resolve_query("ASK {}").source
    '<command line>'
    >>> resolve_query("no-such-query", directory=Path("/nonexistent"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryError: unknown query 'no-such-query' ...
    """
    if spec == "-":
        stream = sys.stdin if stdin is None else stdin
        return Query(stream.read(), "<stdin>")
    path = Path(spec)
    try:
        is_file = path.is_file()
    except OSError:  # too long, or no name at all: query text
        is_file = False
    if path.suffix == ".rq" or is_file:
        try:
            return Query(path.read_text(encoding="utf-8"), str(path))
        except FileNotFoundError:
            raise QueryError(f"{path}: no such query file") from None
        except (OSError, UnicodeError) as exc:
            raise QueryError(f"{path}: cannot read the query: {exc}") from None
    if _NAME.match(spec):
        directory = _queries_dir() if directory is None else directory
        if paged and (directory / f"{PAGED.get(spec, '')}.rq").is_file():
            spec = PAGED[spec]
        bundled = directory / f"{spec}.rq"
        if bundled.is_file():
            return Query(bundled.read_text(encoding="utf-8"), str(bundled))
        raise QueryError(
            f"unknown query {spec!r} (not a file; 'kg query --list' shows the bundled queries)"
        )
    return Query(spec, "<command line>")


_WINDOW = re.compile(r"^(?P<head>.*VALUES\s*\(\s*\?since\s+\?until\s*\)\s*\{)\s*\(\s*UNDEF\s+UNDEF\s*\)"
                     r"(?P<tail>\s*\}.*#\s*window\s*)$", re.M)
_PAGE = re.compile(r"^(?P<indent>[ \t]*)#\s*page\s*$", re.M)


def _date_term(day) -> str:
    return "UNDEF" if day is None else f'"{day.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'


def page(query: Query, *, limit: int | None = None, offset: int | None = None,
         since=None, until=None) -> Query:
    r"""``query`` with a window (``since``, ``until``: dates) and a page (``limit``,
    ``offset``), written where the query's header says: the ``VALUES (?since ?until)``
    line marked ``# window`` and the line ``# page`` (see ``timeline.rq``); a query
    without them takes ``LIMIT``/``OFFSET`` at its end and no window.

    >>> from datetime import date
    >>> q = Query("SELECT ?x WHERE {\n  VALUES (?since ?until) { (UNDEF UNDEF) }  # window\n"
    ...           "  { SELECT ?x WHERE { VALUES ?x { 1 2 3 } } ORDER BY ?x\n  # page\n  }\n}", "q")
    >>> print(page(q, limit=2, offset=1, since=date(2025, 6, 1)).text)  # doctest: +NORMALIZE_WHITESPACE
    SELECT ?x WHERE {
      VALUES (?since ?until) { ("2025-06-01"^^<http://www.w3.org/2001/XMLSchema#date> UNDEF) }  # window
      { SELECT ?x WHERE { VALUES ?x { 1 2 3 } } ORDER BY ?x
      LIMIT 2 OFFSET 1
      }
    }
    >>> page(Query("SELECT ?x WHERE { }", "q"), limit=5).text
    'SELECT ?x WHERE { }\nLIMIT 5'
    """
    for name, value in (("limit", limit), ("offset", offset)):
        if value is not None and value < 0:
            raise QueryError(f"--{name} must be 0 or more, not {value}")
    text = query.text
    if since is not None or until is not None:
        if since is not None and until is not None and since > until:
            raise QueryError(f"--since {since.isoformat()} is after --until {until.isoformat()}")
        m = _WINDOW.search(text)
        if m is None:
            raise QueryError(f"{query.source}: the query has no window (a line "
                             "'VALUES (?since ?until) { (UNDEF UNDEF) }  # window'); "
                             "--since and --until work with the bundled timeline")
        text = (text[:m.start()] + f"{m['head']} ({_date_term(since)} {_date_term(until)})"
                + m["tail"] + text[m.end():])
    modifiers = " ".join(f"{word} {value}" for word, value in (("LIMIT", limit), ("OFFSET", offset))
                         if value is not None)
    if modifiers:
        m = _PAGE.search(text)
        if m is not None:
            text = text[:m.start()] + m["indent"] + modifiers + text[m.end():]
        else:
            text = text.rstrip() + "\n" + modifiers
    return Query(text, query.source)


_EVENTS = re.compile(r"^(?P<head>[^\n]*\{)[ \t]*#\s*events[ \t]*\n(?P<body>.*?)^[ \t]*#\s*page[ \t]*$",
                     re.M | re.S)
_SELECT = re.compile(r"^\s*SELECT\s+(?P<vars>(?:\?\w+\s+)+)WHERE", re.S)
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def page_events(query: Query, rows: list[tuple]) -> Query | None:
    r"""``query`` with the subquery that orders and pages the events (from the line
    marked ``# events`` to the line ``# page``, see ``timeline_page.rq``) replaced by
    the given rows ``(event IRI, type, begin, end, undated, key, tie)`` of a page, in a
    ``VALUES`` table: the page as an index read it, only its events looked up.
    ``None`` when the query has no such part.

    >>> q = Query("SELECT * WHERE {\n  {  # events\n    SELECT ?view ?event ?type ?b ?e ?undated "
    ...           "?key ?tie\n    WHERE { ?event a ?type }\n    # page\n  }\n}", "q")
    >>> print(page_events(q, [("https://example.org/e1", "Meeting", "2025-06-02", None, 0,
    ...                        "2025-06-02", "0a1b2c3d4e5f")]).text)  # doctest: +NORMALIZE_WHITESPACE
    SELECT * WHERE {
      {
        SELECT ?view ?event ?type ?b ?e ?undated ?key ?tie WHERE {
          { SELECT ?view WHERE { GRAPH ?view { ?view a nkg:ConsolidatedGraph } } }
          VALUES (?event ?type ?b ?e ?undated ?key ?tie) {
            (<https://example.org/e1> "Meeting" "2025-06-02"^^<http://www.w3.org/2001/XMLSchema#date> UNDEF 0 "2025-06-02"^^<http://www.w3.org/2001/XMLSchema#date> "0a1b2c3d4e5f")
          }
        }
      }
    }
    >>> page_events(Query("SELECT * { }", "q"), []) is None
    True
    """
    m = _EVENTS.search(query.text)
    if m is None:
        return None
    select = _SELECT.match(m["body"])
    if select is None or select["vars"].split() != ["?view", "?event", "?type", "?b", "?e", "?undated",
                                                     "?key", "?tie"]:
        return None
    indent = re.match(r"[ \t]*", m["head"]).group() + "  "

    def date_term(day: str | None) -> str:
        return "UNDEF" if day is None else str(ox.Literal(day, datatype=ox.NamedNode(_XSD_DATE)))

    lines = [f"{indent}  ({ox.NamedNode(event)} {ox.Literal(kind)} {date_term(b)} {date_term(e)} "
             f"{int(undated)} {date_term(key)} {ox.Literal(tie)})"
             for event, kind, b, e, undated, key, tie in rows]
    body = "\n".join([
        f"{indent}SELECT ?view ?event ?type ?b ?e ?undated ?key ?tie WHERE {{",
        f"{indent}  {{ SELECT ?view WHERE {{ GRAPH ?view {{ ?view a nkg:ConsolidatedGraph }} }} }}",
        f"{indent}  VALUES (?event ?type ?b ?e ?undated ?key ?tie) {{", *lines, f"{indent}  }}",
        f"{indent}}}"])
    text = query.text[:m.start()] + m["head"] + "\n" + body + query.text[m.end():]
    return Query(text, query.source)


def _execute(store: ox.Store, query: Query | str):
    if isinstance(query, str):
        query = Query(query, "<query>")
    try:
        return store.query(query.text, prefixes=PREFIXES)
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        m = _POSITION.match(message)
        if m:
            line, col, detail = m.groups()
            detail = detail.replace("Prefix not found", "a declared prefix")
            if len(detail) > 120:
                detail = detail[:119] + "…"
            raise QueryError(
                f"{query.source}:{line}:{col}: SPARQL syntax error at line {line}, "
                f"column {col}: {detail}"
            ) from None
        raise QueryError(f"{query.source}: SPARQL syntax error: {message[:200]}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{query.source}: the query failed: {exc}") from None


def _cell(term, prefixes: list[tuple[str, str]], base: str | None = None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if base and iri.startswith(base) and len(iri) > len(base):
            return f"id:{iri[len(base):]}"
        for name, ns in prefixes:
            if iri.startswith(ns) and re.match(r"^[A-Za-z0-9_-]+$", iri[len(ns):]):
                return f"{name}:{iri[len(ns):]}"
        return iri
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def format_table(variables: list[str], rows: list[tuple], *, width: int = 80,
                 base: str | None = DEFAULT_BASE_IRI) -> str:
    """Rows of terms (or None) as an aligned text table; cells cut at ``width`` characters.
    IRIs read short: the build's own (under ``base``) as ``id:...``, the others by their
    prefix where they have one.

    >>> print(format_table(["a", "bb"], [(ox.Literal("x"), None),
    ...     (ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("1")),
    ...     (ox.NamedNode(DEFAULT_BASE_IRI + "event/summit/a-b/2025-06-02"), None)]), end="")
    a                              bb
    ------------------------------ --
    x
    rdfs:label                     1
    id:event/summit/a-b/2025-06-02
    (3 rows)
    """
    prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
    cells = []
    for row in rows:
        out = []
        for term in row:
            text = " ".join(_cell(term, prefixes, base).split()) if term is not None else ""
            out.append(text if len(text) <= width else text[: width - 1] + "…")
        cells.append(out)
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
    lines = [" ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip()]
    lines.append(" ".join("-" * w for w in widths))
    lines += [" ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def run_query(store: ox.Store, query: Query | str, fmt: str = "table", *,
              allow_service: bool = False, checked: bool = False,
              base: str | None = DEFAULT_BASE_IRI) -> bytes:
    """Run ``query`` on ``store`` and return the results in ``fmt`` (see :data:`FORMATS`).

    The query is first read by :func:`check_query` (depth limit, syntax, no update,
    no ``SERVICE`` unless ``allow_service``), unless the caller ``checked`` it already.

    SELECT: a text table (the build's own IRIs, under ``base``, shortened to ``id:...``),
    W3C SPARQL JSON/CSV/TSV, or JSON Lines (one object per row, variable to plain value:
    IRIs and dates as strings, numbers as numbers; unbound variables left out); ASK:
    ``true``/``false`` (JSON per the spec; ``{"boolean": ...}`` as JSON Lines); CONSTRUCT
    and DESCRIBE: canonical Turtle whatever ``fmt``.
    Raises :class:`~kg.errors.QueryError`, with line and column for a syntax error.

    >>> print(run_query(ox.Store(), "SELECT ?n WHERE { VALUES ?n { 1 2 } }", "tsv").decode(), end="")
    ?n
    1
    2
    >>> q = "SELECT ?n ?d WHERE { VALUES ?n { 1 } BIND(xsd:date('2025-06-02') AS ?d) }"
    >>> print(run_query(ox.Store(), q, "jsonl").decode(), end="")
    {"n": 1, "d": "2025-06-02"}
    >>> run_query(ox.Store(), Query("SELECT ?n WHERE {", "q.rq"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryError: q.rq:1:18: SPARQL syntax error at line 1, column 18: ...
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if not checked:
        check_query(query, prefixes=PREFIXES, allow_service=allow_service)
    result = _execute(store, query)
    try:
        if isinstance(result, ox.QueryBoolean):
            if fmt == "json":
                return result.serialize(format=ox.QueryResultsFormat.JSON) + b"\n"
            if fmt == "jsonl":
                return b'{"boolean": %s}\n' % (b"true" if bool(result) else b"false")
            return b"true\n" if bool(result) else b"false\n"
        if isinstance(result, ox.QueryTriples):
            from kg.rdf.io import turtle

            return turtle(list(result)).encode("utf-8")
        if fmt == "table":
            names = [v.value for v in result.variables]
            rows = [tuple(sol[i] for i in range(len(names))) for sol in result]
            return format_table(names, rows, base=base).encode("utf-8")
        if fmt == "jsonl":
            return _json_lines(result)
        fmts = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
                "tsv": ox.QueryResultsFormat.TSV}
        data = result.serialize(format=fmts[fmt])
        return data + b"\n" if fmt == "json" else data
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"{getattr(query, 'source', '<query>')}: the query failed: {exc}") from None


def _json_lines(result) -> bytes:
    import json

    from kg.api import python_value

    names = [v.value for v in result.variables]
    lines = [json.dumps({n: python_value(sol[i]) for i, n in enumerate(names) if sol[i] is not None},
                        ensure_ascii=False, default=str) for sol in result]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def select(store: ox.Store, query: Query | str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
    """Run a SELECT query and return its rows as plain dicts (unbound variables left out).
    For the project's own queries: nothing is checked first (see :func:`run_query`).

    >>> select(ox.Store(), "SELECT ?x WHERE { BIND(1 AS ?x) }")[0]["x"].value
    '1'
    """
    result = _execute(store, query)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("select() needs a SELECT query")
    names = [v.value for v in result.variables]
    return [
        {n: sol[i] for i, n in enumerate(names) if sol[i] is not None} for sol in result
    ]
