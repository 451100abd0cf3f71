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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, XSD
from rdflib.term import Node

from kg.errors import RdfError, ShapeViolation
from kg.rdf.io import load_graph
from kg.rdf.namespaces import PREFIXES, SH
from kg.resources import ONTOLOGY_DIR

__all__ = [
    "SHAPES_FILE",
    "ValidationResult",
    "ValidationReport",
    "validate",
    "check",
    "validate_file",
]

#: The shapes every graph the project builds must satisfy.
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_DEFAULT_GRAPH_NAME = ""

# sh: terms a shape may use, by where they may appear.
_NODE_SHAPE_TERMS = {
    SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode,
    SH.property, SH.sparql, SH.message, SH.severity, SH.deactivated, SH.name, SH.description,
}
_PROPERTY_TERMS = {
    SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.nodeKind,
    SH.hasValue, SH.pattern, SH.flags, SH.minLength, SH.maxLength, SH.minInclusive,
    SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.lessThan, SH.lessThanOrEquals,
    SH.message, SH.severity, SH.deactivated, SH.name, SH.description, SH.order, SH.group,
}
_SPARQL_TERMS = {SH.select, SH.prefixes, SH.message, SH.deactivated}

# Integer types, with their bounds. The pyoxigraph store normalizes literals of
# the derived integer types to xsd:integer on load (oxigraph issue #526), so a
# value stored as xsd:integer satisfies sh:datatype of a derived type when it
# is within the bounds of that type.
_INTEGER_TYPES: dict[URIRef, tuple[int | None, int | None]] = {
    XSD.integer: (None, None),
    XSD.nonNegativeInteger: (0, None),
    XSD.positiveInteger: (1, None),
    XSD.nonPositiveInteger: (None, 0),
    XSD.negativeInteger: (None, -1),
    XSD.long: (-(2**63), 2**63 - 1),
    XSD.int: (-(2**31), 2**31 - 1),
    XSD.short: (-(2**15), 2**15 - 1),
    XSD.byte: (-(2**7), 2**7 - 1),
    XSD.unsignedLong: (0, 2**64 - 1),
    XSD.unsignedInt: (0, 2**32 - 1),
    XSD.unsignedShort: (0, 2**16 - 1),
    XSD.unsignedByte: (0, 2**8 - 1),
}
_CASTS = {XSD.date: "xsd:date", XSD.dateTime: "xsd:dateTime", XSD.decimal: "xsd:decimal",
          XSD.boolean: "xsd:boolean", XSD.double: "xsd:double", XSD.float: "xsd:float"}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
_NODE_KINDS = {
    SH.IRI: "!isIRI(?value)",
    SH.Literal: "!isLiteral(?value)",
    SH.BlankNode: "!isBlank(?value)",
    SH.BlankNodeOrIRI: "isLiteral(?value)",
    SH.BlankNodeOrLiteral: "isIRI(?value)",
    SH.IRIOrLiteral: "isBlank(?value)",
}
# Stands for "instance of" in the generated patterns (see _Check.query).
_TYPE = "%TYPE%"
_TYPE_PATH = "rdf:type/rdfs:subClassOf*"
_PROLOGUE = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)


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


# ---------------------------------------------------------------------------
# Translating the shapes into queries


@dataclass(frozen=True, slots=True)
class _Check:
    """One constraint as a query template.

    ``where`` is the group graph pattern that, given the target patterns binding
    ``?this``, yields the violations with ``?value`` (optional); ``having``
    switches to a grouped query (counts).
    """

    targets: str
    where: str
    path: str | None
    message: str
    severity: str
    has_value: bool = True
    having: str | None = None
    prologue: str = ""

    def query(self, named: bool, subclasses: bool = True) -> str:
        """The SELECT query over all named graphs (``named``) or over the default graph.

        Without ``subclasses`` (no ``rdfs:subClassOf`` triple in the graphs), class
        membership is a plain ``rdf:type`` lookup, which the store answers much faster
        than the ``rdf:type/rdfs:subClassOf*`` path it is then equivalent to.
        """
        body = f"{self.targets}\n{self.where}".replace(_TYPE, _TYPE_PATH if subclasses else "rdf:type")
        value = " ?value" if self.has_value else ""
        if named:
            inner = f"GRAPH ?kg_graph {{\n{body}\n}}"
            graph_var = "?kg_graph "
        else:
            inner = body
            graph_var = ""
        if self.having:
            return (
                f"{_PROLOGUE}{self.prologue}SELECT {graph_var}?this WHERE {{\n{inner}\n}}\n"
                f"GROUP BY {graph_var}?this HAVING ({self.having})"
            )
        return f"{_PROLOGUE}{self.prologue}SELECT DISTINCT {graph_var}?this{value} WHERE {{\n{inner}\n}}"


def _sparql_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise RdfError(f"a blank node cannot be used as a value in a shape: {node!r}")


class _Shapes:
    """Reads a shapes graph and compiles its constraints into :class:`_Check` s."""

    def __init__(self, graph: Graph, source: str) -> None:
        self.g = graph
        self.source = source

    def fail(self, problem: str) -> RdfError:
        return RdfError(f"{self.source}: {problem}")

    def one(self, node: Node, prop: URIRef) -> Node | None:
        values = list(self.g.objects(node, prop))
        if len(values) > 1:
            raise self.fail(f"{_name(node)} has more than one {_compact(str(prop))}")
        return values[0] if values else None

    def check_terms(self, node: Node, allowed: set[URIRef], what: str) -> None:
        for p in set(self.g.predicates(node, None)):
            if str(p).startswith(str(SH)) and p not in allowed:
                raise self.fail(f"unsupported SHACL feature {_compact(str(p))} on {what} {_name(node)}")

    def node_shapes(self) -> list[Node]:
        shapes = set(self.g.subjects(RDF.type, SH.NodeShape))
        for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode):
            shapes.update(self.g.subjects(p, None))
        return sorted(shapes, key=str)

    def compile(self) -> list[_Check]:
        checks: list[_Check] = []
        for shape in self.node_shapes():
            if (shape, RDF.type, SH.PropertyShape) in self.g or (shape, SH.path, None) in self.g:
                raise self.fail(f"unsupported SHACL feature: targets on property shape {_name(shape)}")
            self.check_terms(shape, _NODE_SHAPE_TERMS, "node shape")
            if self.deactivated(shape):
                continue
            targets = self.targets(shape)
            severity = self.severity(shape)
            for prop_shape in sorted(self.g.objects(shape, SH.property), key=str):
                self.check_terms(prop_shape, _PROPERTY_TERMS, "property shape")
                if not self.deactivated(prop_shape):
                    checks.extend(self.property_checks(prop_shape, targets))
            for constraint in sorted(self.g.objects(shape, SH.sparql), key=str):
                self.check_terms(constraint, _SPARQL_TERMS, "SPARQL constraint")
                if not self.deactivated(constraint):
                    checks.append(self.sparql_check(shape, constraint, targets, severity))
        return checks

    def deactivated(self, node: Node) -> bool:
        value = self.one(node, SH.deactivated)
        return bool(value is not None and value.toPython() is True)

    def severity(self, node: Node) -> str:
        value = self.one(node, SH.severity)
        if value is None:
            return "Violation"
        return _SEVERITIES.get(value, str(value).rsplit("#", 1)[-1])

    def targets(self, shape: Node) -> str:
        parts = []
        for cls in sorted(self.g.objects(shape, SH.targetClass), key=str):
            parts.append(f"?this {_TYPE} {_sparql_term(cls)} .")
        for p in sorted(self.g.objects(shape, SH.targetSubjectsOf), key=str):
            parts.append(f"?this {_sparql_term(p)} ?kg_any .")
        for p in sorted(self.g.objects(shape, SH.targetObjectsOf), key=str):
            parts.append(f"?kg_any {_sparql_term(p)} ?this .")
        for node in sorted(self.g.objects(shape, SH.targetNode), key=str):
            parts.append(f"VALUES ?this {{ {_sparql_term(node)} }} ?this ?kg_p ?kg_o .")
        if not parts:
            raise self.fail(f"node shape {_name(shape)} has no target")
        if len(parts) == 1:
            return parts[0]
        return " UNION ".join(f"{{ {p} }}" for p in parts)

    def property_checks(self, prop_shape: Node, targets: str) -> list[_Check]:
        path = self.one(prop_shape, SH.path)
        if not isinstance(path, URIRef):
            raise self.fail(f"unsupported SHACL feature: sh:path of {_name(prop_shape)} is not a single IRI")
        p = _sparql_term(path)
        severity = self.severity(prop_shape)
        shape_message = self.one(prop_shape, SH.message)
        short = _compact(str(path))

        def check(where: str, default: str, *, has_value: bool = True, having: str | None = None) -> _Check:
            message = str(shape_message) if shape_message is not None else default
            return _Check(targets, where, str(path), message, severity, has_value, having)

        out = []
        value = f"?this {p} ?value ."
        for name in sorted(self.g.predicates(prop_shape, None), key=str):
            obj = self.one(prop_shape, name)
            if name == SH.minCount:
                n = int(obj)
                if n == 1:
                    out.append(check(f"FILTER NOT EXISTS {{ ?this {p} ?kg_v }}",
                                     f"expected a value of {short}", has_value=False))
                elif n > 1:
                    out.append(check(f"OPTIONAL {{ ?this {p} ?kg_v }}",
                                     f"expected at least {n} values of {short}",
                                     has_value=False, having=f"COUNT(DISTINCT ?kg_v) < {n}"))
            elif name == SH.maxCount:
                n = int(obj)
                if n == 0:
                    out.append(check(value, f"expected no value of {short}"))
                elif n == 1:
                    out.append(check(f"?this {p} ?kg_v1, ?kg_v2 . FILTER (!sameTerm(?kg_v1, ?kg_v2))",
                                     f"expected at most one value of {short}", has_value=False))
                else:
                    out.append(check(f"?this {p} ?kg_v .", f"expected at most {n} values of {short}",
                                     has_value=False, having=f"COUNT(DISTINCT ?kg_v) > {n}"))
            elif name == SH.datatype:
                out.append(check(f"{value} FILTER ({_datatype_violation(obj)})",
                                 f"{short} must be of datatype {_compact(str(obj))}"))
            elif name == SH["class"]:
                out.append(check(f"{value} FILTER NOT EXISTS {{ ?value {_TYPE} {_sparql_term(obj)} }}",
                                 f"{short} must be an instance of {_compact(str(obj))}"))
            elif name == SH["in"]:
                members = list(Collection(self.g, obj))
                allowed = " || ".join(f"sameTerm(?value, {_sparql_term(m)})" for m in members) or "false"
                out.append(check(f"{value} FILTER (!({allowed}))",
                                 f"{short} must be one of {', '.join(_compact(str(m)) for m in members)}"))
            elif name == SH.nodeKind:
                if obj not in _NODE_KINDS:
                    raise self.fail(f"unknown sh:nodeKind {obj} on {_name(prop_shape)}")
                out.append(check(f"{value} FILTER ({_NODE_KINDS[obj]})",
                                 f"{short} must be a {_compact(str(obj))}"))
            elif name == SH.hasValue:
                out.append(check(f"FILTER NOT EXISTS {{ ?this {p} {_sparql_term(obj)} }}",
                                 f"{short} must include {_sparql_term(obj)}", has_value=False))
            elif name == SH.pattern:
                flags = self.one(prop_shape, SH.flags)
                args = f"STR(?value), {Literal(str(obj)).n3()}"
                if flags is not None:
                    args += f", {Literal(str(flags)).n3()}"
                out.append(check(f"{value} FILTER (isBlank(?value) || !COALESCE(REGEX({args}), false))",
                                 f"{short} must match {obj}"))
            elif name in (SH.minLength, SH.maxLength):
                op = ">=" if name == SH.minLength else "<="
                out.append(check(f"{value} FILTER (isBlank(?value) || !(STRLEN(STR(?value)) {op} {int(obj)}))",
                                 f"the length of {short} must be {op} {int(obj)}"))
            elif name in _COMPARISONS:
                op = _COMPARISONS[name]
                out.append(check(f"{value} FILTER (!COALESCE(?value {op} {_sparql_term(obj)}, false))",
                                 f"{short} must be {op} {obj}"))
            elif name in (SH.lessThan, SH.lessThanOrEquals):
                op = "<" if name == SH.lessThan else "<="
                other = _sparql_term(obj)
                out.append(check(f"{value} ?this {other} ?kg_o . FILTER (!COALESCE(?value {op} ?kg_o, false))",
                                 f"{short} must be {op} {_compact(str(obj))}"))
        return out

    def sparql_check(self, shape: Node, constraint: Node, targets: str, severity: str) -> _Check:
        select = self.one(constraint, SH.select)
        if select is None:
            raise self.fail(f"SPARQL constraint of {_name(shape)} has no sh:select")
        text = str(select)
        if re.search(r"[?$](shapesGraph|currentShape)\b", text):
            raise self.fail(f"unsupported SHACL feature: $shapesGraph/$currentShape in {_name(shape)}")
        prologue = ""
        for decl_owner in sorted(self.g.objects(constraint, SH.prefixes), key=str):
            for decl in sorted(self.g.objects(decl_owner, SH.declare), key=str):
                prefix, ns = self.one(decl, SH.prefix), self.one(decl, SH.namespace)
                if prefix is None or ns is None:
                    raise self.fail(f"incomplete sh:declare on {_name(decl_owner)}")
                prologue += f"PREFIX {prefix}: <{ns}>\n"
        own_prologue, projection, body, modifiers = _split_select(text, self.fail)
        message = self.one(constraint, SH.message) or self.one(shape, SH.message)
        has_value = re.search(r"[?$]value\b", projection) is not None or projection.strip() == "*"
        if modifiers.strip():
            # Solution modifiers (GROUP BY ...): keep the query whole and join it on ?this.
            value = " ?value" if has_value else ""
            where = f"{{ SELECT ?this{value} WHERE {{ {body} }} {modifiers} }}"
        else:
            where = body
        return _Check(
            targets,
            where,
            None,
            str(message) if message is not None else f"SPARQL constraint of {_name(shape)} violated",
            severity,
            has_value,
            None,
            prologue + own_prologue,
        )


def _name(node: Node) -> str:
    return f"<{node}>" if isinstance(node, URIRef) else "a blank node shape" if isinstance(node, BNode) else str(node)


def _datatype_violation(datatype: Node) -> str:
    """The FILTER condition under which ``?value`` does not satisfy ``sh:datatype``.

    Ill-typed literals ("2025-13-45"^^xsd:date) are violations too.
    """
    dt = _sparql_term(datatype)
    if datatype in _INTEGER_TYPES:
        low, high = _INTEGER_TYPES[datatype]
        same = f"sameTerm(datatype(?value), {dt})"
        if datatype != XSD.integer:
            same = f"({same} || sameTerm(datatype(?value), xsd:integer))"
        ok = "isNumeric(xsd:integer(STR(?value)))"
        if low is not None:
            ok += f" && xsd:integer(STR(?value)) >= {low}"
        if high is not None:
            ok += f" && xsd:integer(STR(?value)) <= {high}"
        return f"!isLiteral(?value) || !{same} || !COALESCE({ok}, false)"
    cond = f"!isLiteral(?value) || !sameTerm(datatype(?value), {dt})"
    if datatype in _CASTS:
        cond += f" || !COALESCE({_CASTS[datatype]}(STR(?value)) = ?value, false)"
    return cond


_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*|<[^<>"{}|^`\\\s]*>')


def _split_select(text: str, fail) -> tuple[str, str, str, str]:
    """Split a SELECT query into (prologue, projection, WHERE body, solution modifiers).

    >>> _split_select("PREFIX a: <x:> SELECT $this ?value WHERE { $this a:p ?value . } ORDER BY ?value", None)
    ('PREFIX a: <x:> ', '$this ?value', ' $this a:p ?value . ', ' ORDER BY ?value')
    """
    # Blank out strings, comments and IRIs so that braces and keywords inside them do not count.
    masked = _STRING.sub(lambda m: " " * len(m.group()), text)
    match = re.search(r"\bSELECT\b", masked, re.IGNORECASE)
    if not match:
        raise fail("sh:select is not a SELECT query")
    open_at = masked.find("{", match.end())
    if open_at < 0:
        raise fail("sh:select has no WHERE clause")
    depth = 0
    for i in range(open_at, len(masked)):
        if masked[i] == "{":
            depth += 1
        elif masked[i] == "}":
            depth -= 1
            if depth == 0:
                close_at = i
                break
    else:
        raise fail("sh:select has unbalanced braces")
    projection = re.sub(r"\bWHERE\s*$", "", masked[match.end():open_at].strip(), flags=re.IGNORECASE)
    projection = projection.replace("DISTINCT", "").replace("REDUCED", "").strip()
    return text[: match.start()], projection, text[open_at + 1 : close_at], text[close_at + 1 :]


@lru_cache(maxsize=8)
def _compiled(path: str, mtime: float) -> tuple[_Check, ...]:
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many kinds of parse errors
        raise RdfError(f"{path}: cannot read the shapes: {exc}") from exc
    return tuple(_Shapes(graph, path).compile())


def _checks(shapes: Path | None) -> tuple[_Check, ...]:
    path = Path(shapes) if shapes is not None else SHAPES_FILE
    if not path.exists():
        raise RdfError(f"{path}: shapes file not found")
    return _compiled(str(path.resolve()), path.stat().st_mtime)


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
    for check in checks:
        runs = []
        if has_named:
            runs.append((check.query(True, named_subclasses), True))
        if has_default:
            runs.append((check.query(False, default_subclasses), False))
        for query, is_named in runs:
            try:
                rows = store.query(query)
            except SyntaxError as exc:
                raise RdfError(f"cannot run a shape as SPARQL ({exc}): {query}") from exc
            for row in rows:
                if is_named and row["kg_graph"] in ontology:
                    continue
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
