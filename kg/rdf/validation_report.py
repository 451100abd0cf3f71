"""The outcome of a SHACL validation: :class:`ValidationResult` (one violation) and
:class:`ValidationReport` (all of them, with the one-line summary and the readable
report ``kg validate`` prints).

>>> ValidationResult("https://example.org/g", "https://example.org/e", None, "x").severity
'Violation'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.rdf.namespaces import PREFIXES, SH

__all__ = ["ValidationResult", "ValidationReport"]


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One violation: where (graph, focus node, property), what, and how serious.

    ``graph`` is the IRI of the named graph ("" for the default graph), ``focus``
    the IRI of the focus node (``_:id`` for a blank node), ``path`` the IRI of
    the property (None for a SPARQL constraint on the node), ``value`` the
    offending value in N-Triples form, if any.
    """

    graph: str
    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of a validation: ``conforms`` is true when there is no result."""

    conforms: bool
    results: tuple[ValidationResult, ...] = ()

    @property
    def summary(self) -> str:
        """One line: how many results in how many graphs, and the first of them.

        >>> ValidationReport(True).summary
        'the graph conforms to the shapes'
        """
        if self.conforms:
            return "the graph conforms to the shapes"
        first = self.results[0]
        graphs = len({r.graph for r in self.results})
        where = _graph_name(first.graph)
        path = f" {_compact(first.path)}" if first.path else ""
        return (
            f"the graph does not conform to the shapes: {_count(len(self.results), 'result')} in "
            f"{_count(graphs, 'graph')}; first: {where}: {_node(first.focus)}{path}: {first.message}"
        )

    @property
    def text(self) -> str:
        """A readable report naming graph, focus node, path, value and message.

        >>> r = ValidationResult("https://example.org/g", "https://example.org/e",
        ...     "https://w3id.org/negotiation-kg/ontology#status", "Exactly one status.")
        >>> print(ValidationReport(False, (r,)).text)
        1 result in 1 graph: the graph does not conform to the shapes.
        graph <https://example.org/g>
          Violation: <https://example.org/e> nkg:status
            Exactly one status.
        """
        if self.conforms:
            return "The graph conforms to the shapes."
        graphs = sorted({r.graph for r in self.results})
        lines = [
            f"{_count(len(self.results), 'result')} in {_count(len(graphs), 'graph')}: "
            "the graph does not conform to the shapes."
        ]
        current = None
        for r in self.results:
            if r.graph != current:
                current = r.graph
                lines.append(_graph_name(r.graph))
            path = f" {_compact(r.path)}" if r.path else ""
            lines.append(f"  {r.severity}: {_node(r.focus)}{path}")
            lines.append(f"    {r.message}")
            if r.value is not None:
                lines.append(f"    value: {r.value}")
        return "\n".join(lines)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _node(focus: str) -> str:
    return focus if focus.startswith(("_:", '"')) else f"<{focus}>"


def _graph_name(graph: str) -> str:
    return f"graph <{graph}>" if graph else "default graph"


_NAMES = {**PREFIXES, "sh": str(SH)}


def _compact(iri: str) -> str:
    """``nkg:status`` for a term of a known namespace, else ``<iri>``."""
    for prefix, ns in _NAMES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w\-]*", iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"
