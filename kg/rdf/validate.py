"""Validation of graphs against the SHACL shapes, run as SPARQL inside pyoxigraph.

The shapes file (``ontology/shapes.ttl`` by default) is translated into SPARQL
SELECT queries, one per constraint, each of which returns the violating focus
nodes of every named graph at once; the store answers them, so validation scales
with the store (a million triples take seconds) instead of walking nodes in
Python. The shapes apply within one graph at a time: each named graph is
validated separately, and so is the default graph when it holds triples. Graphs
that declare an ``owl:Ontology`` (the ontology graph) are skipped.

Supported SHACL (the features ``shapes.ttl`` uses, and a few more): node shapes
with ``sh:targetClass`` (instances of the class or of its ``rdfs:subClassOf``
subclasses in the same graph), ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``,
``sh:targetNode``; property shapes with a single IRI as ``sh:path`` and
``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (ill-typed dates and integers
count as violations), ``sh:class``, ``sh:in``, ``sh:nodeKind``, ``sh:hasValue``,
``sh:pattern`` (with ``sh:flags``), ``sh:minLength``, ``sh:maxLength``,
``sh:minInclusive``, ``sh:maxInclusive``, ``sh:minExclusive``,
``sh:maxExclusive``, ``sh:lessThan``, ``sh:lessThanOrEquals``; SPARQL-based
constraints (``sh:sparql`` with ``sh:select``, ``sh:prefixes``/``sh:declare``)
whose query refers to the focus node as ``$this`` (pre-bound: the body of the
query is evaluated with ``$this`` bound to each focus node, except inside its
sub-queries) and may return ``?value``; ``sh:message`` (with ``{?value}`` and
``{$this}`` placeholders), ``sh:severity``, ``sh:deactivated``. Any other
``sh:`` term in the shapes raises :class:`~kg.errors.RdfError` rather than
being silently ignored.

The shapes are compiled into SPARQL checks by :mod:`kg.rdf.shacl`; the report
records are in :mod:`kg.rdf.validation_report`. This module runs the checks and
re-exports the public names of both.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(b'''
... @prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
... @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
... <https://example.org/g> {
...   <https://example.org/ukraine> a nkg:Country, sem:Actor .
... }''', ox.RdfFormat.TRIG)
>>> report = validate(store)
>>> report.conforms
False
>>> sorted({r.path.rsplit("#", 1)[-1] for r in report.results})
['label', 'wasDerivedFrom']
>>> print(report.text.splitlines()[0])
2 results in 1 graph: the graph does not conform to the shapes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import OWL, RDFS

from kg.errors import RdfError, ShapeViolation
from kg.rdf.io import load_graph
from kg.rdf.shacl import SHAPES_FILE, _checks, _Group, _groups
from kg.rdf.validation_report import ValidationReport, ValidationResult, _compact

__all__ = [
    "SHAPES_FILE",
    "ValidationResult",
    "ValidationReport",
    "validate",
    "check",
    "validate_file",
]

_DEFAULT_GRAPH_NAME = ""


# ---------------------------------------------------------------------------
# Running the queries


def _term_text(term) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def _value_text(term) -> str:
    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    return term.value if isinstance(term, ox.Literal) else str(term)


def _format_message(message: str, this, value) -> str:
    for name, term in (("this", this), ("value", value)):
        if term is not None:
            message = re.sub(r"\{[?$]" + name + r"\}", _value_text(term).replace("\\", r"\\"), message)
    return message


def _graphs(store: ox.Store) -> tuple[set, bool, bool, bool]:
    """What to validate: the ontology graphs to skip, whether the named graphs to
    validate hold rdfs:subClassOf triples, whether the default graph holds triples
    and whether it holds rdfs:subClassOf triples."""
    ontology = {
        row["g"]
        for row in store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?o a <{OWL.Ontology}> }} }}")
    }
    with_subclasses = {
        row["g"]
        for row in store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a <{RDFS.subClassOf}> ?b }} }}")
    }
    named_subclasses = bool(with_subclasses - ontology)
    has_default = bool(store.query("ASK { ?s ?p ?o }"))
    default_subclasses = bool(store.query(f"ASK {{ ?a <{RDFS.subClassOf}> ?b }}"))
    return ontology, named_subclasses, has_default, default_subclasses


def validate(store: ox.Store, *, shapes: Path | None = None) -> ValidationReport:
    """Validate every graph of ``store`` (except the ontology graph) against the shapes.

    Each named graph is validated on its own; so is the default graph if it holds
    triples. ``shapes`` defaults to ``ontology/shapes.ttl``.

    >>> import pyoxigraph as ox
    >>> validate(ox.Store()).conforms
    True
    """
    checks = _checks(shapes)
    ontology, named_subclasses, has_default, default_subclasses = _graphs(store)
    has_named = any(True for _ in store.named_graphs())
    results: set[ValidationResult] = set()
    for unit in _groups(checks):  # the checks of each value of one target: one query
        runs = []
        if has_named:
            runs.append((unit.query(True, named_subclasses), True))
        if has_default:
            runs.append((unit.query(False, default_subclasses), False))
        group = unit.checks if isinstance(unit, _Group) else None
        check = unit
        for query, is_named in runs:
            try:
                rows = store.query(query)
            except SyntaxError as exc:
                raise RdfError(f"cannot run a shape as SPARQL ({exc}): {query}") from exc
            for row in rows:
                if is_named and row["kg_graph"] in ontology:
                    continue
                if group is not None:
                    check = group[int(row["kg_check"].value)]
                graph = _term_text(row["kg_graph"]) if is_named else _DEFAULT_GRAPH_NAME
                this = row["this"]
                value = row["value"] if check.has_value and not check.having else None
                results.add(
                    ValidationResult(
                        graph=graph,
                        focus=_term_text(this),
                        path=check.path,
                        message=_format_message(check.message, this, value),
                        severity=check.severity,
                        value=str(value) if value is not None else None,
                    )
                )
    ordered = tuple(sorted(results, key=lambda r: (r.graph, r.focus, r.path or "", r.message, r.value or "")))
    return ValidationReport(conforms=not ordered, results=ordered)


def check(store: ox.Store, *, shapes: Path | None = None) -> None:
    """Raise :class:`~kg.errors.ShapeViolation` (summary, full report) unless the store conforms.

    >>> import pyoxigraph as ox
    >>> check(ox.Store()) is None
    True
    """
    report = validate(store, shapes=shapes)
    if not report.conforms:
        raise ShapeViolation(report.summary, report.text)


# ---------------------------------------------------------------------------
# Files

def validate_file(path: Path | str, *, shapes: Path | None = None) -> ValidationReport:
    """Read a graph file (see :func:`kg.rdf.io.read_quads`) and validate it.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "bad.ttl")
    ...     _ = open(p, "w").write("<a> <b> .")
    ...     validate_file(p)  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.RdfError: .../bad.ttl: not valid Turtle: ...
    """
    return validate(load_graph(path), shapes=shapes)
