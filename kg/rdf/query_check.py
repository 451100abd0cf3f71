"""Checking a SPARQL query before anything runs it: how deep it nests, whether it
parses, and whether it asks for what a reader refuses (updates, ``LOAD``, a
federated ``SERVICE`` pattern), read from rdflib's parse, never by pattern.

:mod:`kg.rdf.query` (``kg query``) and :mod:`kg.serve` (``kg serve``) check every
query with :func:`check_query`; both names are importable from :mod:`kg.rdf.query`.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from kg.errors import QueryError

if TYPE_CHECKING:
    from kg.rdf.query import Query

__all__ = ["MAX_DEPTH", "QueryRefused", "check_query", "query_depth"]

#: Deepest query accepted: brackets ``{ ( [`` open at once plus the operators and
#: groups chained at each of those levels (``1+1+1`` counts 2, ``{a} {b}`` 2).
#: Parsers and engines recurse along this depth; past it a query is refused
#: before any of them sees it.
MAX_DEPTH = 128

_LEX = re.compile(  # strings as unrolled loops: linear even when one is never closed
    r'(?P<long>"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*''')"
    r'|(?P<str>"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"'
    r"|'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*')"
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r'|(?P<comment>\#[^\n\r]*)'
    r'|(?P<esc>\\.)'
    r'|(?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)'
    r'|(?P<open>[{(\[])|(?P<close>[})\]])'
    r'|(?P<op>\|\||&&|!=|<=|>=|[=<>+\-*/|^!])',
    re.S,
)


def query_depth(text: str, limit: int | None = None) -> int:
    """How deep ``text`` nests, as :data:`MAX_DEPTH` counts it: brackets open at once
    plus the operators and groups chained at each open level. Strings, comments and
    escaped characters do not count; a bracket inside an IRI closes only one opened
    inside the same IRI, so no reading of ``<`` (IRI or comparison) hides nesting.
    Stops early once past ``limit``.

    >>> query_depth("SELECT * { ?s ?p ?o FILTER(?o > 1) }")
    6
    >>> query_depth('SELECT * { ?s ?p "((((" } # ((((')
    4
    >>> query_depth("SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000, limit=128) > 128
    True
    >>> query_depth("ASK { FILTER(" + "+".join(["1"] * 50000) + ") }", limit=128) > 128
    True
    """
    levels = [0]  # operators and groups chained at each open level
    total = 1  # len(levels) + sum(levels), kept up to date
    deepest = total
    for m in _LEX.finditer(text):
        kind = m.lastgroup
        if kind == "open":
            if m.group() == "{":
                levels[-1] += 1
                total += 1
            levels.append(0)
            total += 1
        elif kind == "close":
            if len(levels) > 1:
                total -= 1 + levels.pop()
        elif kind == "op":
            levels[-1] += 1
            total += 1
        elif kind == "iri":
            inner = 0
            for ch in m.group()[1:-1]:
                if ch in "([":
                    levels.append(0)
                    total += 1
                    inner += 1
                elif ch in ")]" and inner:
                    total -= 1 + levels.pop()
                    inner -= 1
                deepest = max(deepest, total)
        if total > deepest:
            deepest = total
            if limit is not None and deepest > limit:
                return deepest
    return deepest


class QueryRefused(QueryError):
    """A well-formed query this reader will not run: an update, ``LOAD``, or a
    federated ``SERVICE`` pattern (unless allowed)."""


def _rdflib_parser():
    """rdflib's SPARQL parser and algebra (imported on first use: building the
    grammar takes a moment)."""
    from rdflib.plugins.sparql import algebra, parser

    return parser, algebra


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _walk_for_service(node) -> bool:
    """True if a parsed query's algebra holds a SERVICE pattern (walked without recursion)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return False


def _on_own_stack(function, *args):
    """``function(*args)`` run in a thread of its own, its exception raised here.

    pyparsing leaves reference cycles through the frames of the stack it ran on
    (an exception it keeps refers to its frame, which refers to its callers'):
    on a stack of its own they cannot keep a caller's objects alive, such as an
    open store whose lock the next command needs.
    """
    import threading

    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, function(*args)))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            outcome.append((False, exc))

    thread = threading.Thread(target=run, name="kg-sparql-parser", daemon=True)
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if ok:
        return value
    raise value.with_traceback(None)


def _parse(text: str, source: str, prefixes: dict[str, str], max_depth: int) -> tuple[str, bool]:
    """The form of a query and whether it holds a SERVICE pattern, as rdflib reads it."""
    parser, algebra = _rdflib_parser()
    from pyparsing import ParseException

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 50 * max_depth + 2000))  # pure-Python recursion only
    try:
        try:
            parsed = parser.parseQuery(text)
        except ParseException as exc:
            try:
                parser.parseUpdate(text)
            except Exception:  # noqa: BLE001 - not an update either: the query's error stands
                detail = str(exc.msg).replace("{", "").replace("}", "")
                found = text[exc.loc:exc.loc + 20].split()
                found = f", found {found[0]!r}" if found else ", found the end of the query"
                raise QueryError(f"{source}:{exc.lineno}:{exc.col}: SPARQL syntax error at line "
                                 f"{exc.lineno}, column {exc.col}: {detail}{found}") from None
            raise QueryRefused(f"{source}: SPARQL Update (and LOAD) is refused: "
                               "queries are read-only") from None
        try:
            translated = algebra.translateQuery(parsed, initNs=prefixes)
        except RecursionError:
            raise QueryError(f"{source}: the query nests too deeply") from None
        except Exception as exc:  # noqa: BLE001 - rdflib raises bare Exceptions here
            message = " ".join(str(exc).split())
            m = re.match(r"Unknown namespace prefix : (\S*)", message)
            if m:
                found = re.search(rf"(?<![\w:]){re.escape(m[1])}:", text)
                line, col = _position(text, found.start()) if found else (1, 1)
                raise QueryError(f"{source}:{line}:{col}: SPARQL syntax error at line {line}, "
                                 f"column {col}: the prefix {m[1]}: is not declared") from None
            raise QueryError(f"{source}: the query cannot be read: {message[:200]}") from None
    finally:
        sys.setrecursionlimit(limit)
    return translated.algebra.name, _walk_for_service(translated.algebra)


def check_query(query: Query | str, *, prefixes: dict[str, str] | None = None,
                allow_service: bool = False, max_depth: int = MAX_DEPTH) -> str:
    """Parse ``query`` with rdflib's SPARQL parser, without running it, and return
    its form (``SelectQuery``, ``AskQuery``, ``ConstructQuery``, ``DescribeQuery``).

    Refused before any parser sees it: nesting deeper than ``max_depth`` (a
    :class:`~kg.errors.QueryError`). Refused from the parse: updates and ``LOAD``,
    and unless ``allow_service``, a ``SERVICE`` pattern anywhere in the algebra
    (:class:`QueryRefused`). A syntax error is a QueryError with line and column.

    >>> check_query("SELECT ?s WHERE { ?s ?p ?o }")
    'SelectQuery'
    >>> check_query("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kg.rdf.query_check.QueryRefused: <query>: federated queries (SERVICE) are refused
    >>> check_query("LOAD <http://127.0.0.1:9/data.ttl>")
    Traceback (most recent call last):
    kg.rdf.query_check.QueryRefused: <query>: SPARQL Update (and LOAD) is refused: queries are read-only
    >>> check_query("SELECT * " + "{" * 200 + "}" * 200)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryError: <query>: the query nests deeper than the limit of 128 ...
    """
    text, source = (query, "<query>") if isinstance(query, str) else (query.text, query.source)
    if query_depth(text, max_depth) > max_depth:
        raise QueryError(f"{source}: the query nests deeper than the limit of {max_depth} "
                         "(brackets open at once plus operators chained inside them)")
    form, service = _on_own_stack(_parse, text, source, prefixes or {}, max_depth)
    if service and not allow_service:
        raise QueryRefused(f"{source}: federated queries (SERVICE) are refused")
    return form
