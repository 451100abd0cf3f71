"""One exception tree for the whole project.

Only :mod:`kg.cli` turns these into exit codes (see the README): 2 for bad input
or usage (:class:`LoadError`, :class:`QueryError`, :class:`UsageError`), 1 for a
graph that fails validation (:class:`ShapeViolation`).

>>> issubclass(LoadError, KgError)
True
>>> str(LoadError("seeds/a.txt", "file is empty"))
'seeds/a.txt: file is empty'
"""

from __future__ import annotations

__all__ = [
    "KgError",
    "UsageError",
    "LoadError",
    "ExtractionError",
    "RdfError",
    "IriError",
    "ShapeViolation",
    "DocumentsFailed",
    "QueryError",
    "StoreError",
    "RenderError",
]


class KgError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 2


class UsageError(KgError):
    """The command line or an argument of a library call is wrong."""


class LoadError(KgError):
    """An input file cannot be read as a document.

    The message always starts with the file (and line, for JSON Lines).
    """

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        self.source = str(source)
        self.problem = problem
        self.line = line
        where = f"{self.source}:{line}" if line is not None else self.source
        super().__init__(f"{where}: {problem}")


class ExtractionError(KgError):
    """The language pipeline or an extractor failed on a document."""


class RdfError(KgError):
    """Records could not be turned into RDF, or a graph file could not be read or written."""


class IriError(RdfError):
    """A minted or given IRI is not a valid absolute IRI."""


class ShapeViolation(KgError):
    """A graph does not satisfy the SHACL shapes; ``report`` holds the readable report."""

    exit_code = 1

    def __init__(self, message: str, report: str = "") -> None:
        self.report = report
        super().__init__(message)


class DocumentsFailed(KgError):
    """Some documents could not be built (``kg build --strict``, ``kg add``, or every
    document of a build failed); ``failures`` names each document and its error."""

    exit_code = 1

    def __init__(self, message: str, failures: tuple = ()) -> None:
        self.failures = tuple(failures)
        super().__init__(message)


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be answered."""


class StoreError(KgError):
    """The persistent store cannot be opened, read or written."""


class RenderError(KgError):
    """An analysis or a view cannot be produced from the graph."""
