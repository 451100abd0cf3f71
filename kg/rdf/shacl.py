"""Translating a SHACL shapes file into SPARQL checks, one query template per
constraint (:class:`_Check`), which :func:`kg.rdf.validate.validate` runs in the
store. The supported features are listed in :mod:`kg.rdf.validate`; any other
``sh:`` term raises :class:`~kg.errors.RdfError`. Compiled shapes are cached by
file and modification time.

>>> checks = _checks(None)  # the bundled ontology/shapes.ttl
>>> "nkg:status" in {_compact(c.path) for c in checks if c.path}
True
>>> print(checks[0].query(named=True).splitlines()[3])
SELECT DISTINCT ?kg_graph ?this WHERE {
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import RdfError
from kg.rdf.namespaces import SH
from kg.rdf.validation_report import _compact
from kg.resources import ONTOLOGY_DIR

__all__ = ["SHAPES_FILE"]

#: The shapes every graph the project builds must satisfy.
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

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
    group: str | None = None  # "value" or "absent": checks of one target that run together

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


    @property
    def per_value(self) -> bool:
        """Does ``where`` begin by matching the values of ``path`` (binding ``?this``
        itself, then testing each value, or two of them)? Such checks of one target
        run together (:class:`_Group`); the builder marks them."""
        return self.group == "value"

    @property
    def absent(self) -> bool:
        """Is this the check that ``path`` has a value (``sh:minCount 1``)? Such checks
        of one target run together (:class:`_Group`); the builder marks them."""
        return self.group == "absent"


@dataclass(frozen=True, slots=True)
class _Group:
    """Checks that share their targets, run as one query that matches the targets
    once and names the check of each row (``?kg_check``, its index in ``checks``): its
    rows are those of the checks run one by one, each with the index of its check.
    Either checks of each value (:attr:`_Check.per_value`), each a branch of a UNION
    that binds ``?this`` (and ``?value``, if it has one) itself, or checks that a path
    has a value (:attr:`_Check.absent`), whose paths the targets are joined with
    (``VALUES``) before one ``FILTER NOT EXISTS``.

    >>> groups = [g for g in _groups(_checks(None)) if isinstance(g, _Group)]
    >>> len(groups[0].checks) > 1
    True
    >>> any("BIND(1 AS ?kg_check)" in g.query(named=True) for g in groups)
    True
    >>> any("VALUES (?kg_check ?kg_p)" in g.query(named=True) for g in groups)
    True
    """

    checks: tuple[_Check, ...]

    def query(self, named: bool, subclasses: bool = True) -> str:
        """The SELECT query over all named graphs (``named``) or over the default graph
        (see :meth:`_Check.query`)."""
        if self.checks[0].absent:
            rows = " ".join(f"({i} <{c.path}>)" for i, c in enumerate(self.checks))
            test = f"VALUES (?kg_check ?kg_p) {{ {rows} }}\nFILTER NOT EXISTS {{ ?this ?kg_p ?kg_v }}"
        else:
            test = " UNION ".join(f"{{ {c.where}\nBIND({i} AS ?kg_check) }}" for i, c in enumerate(self.checks))
        body = f"{self.checks[0].targets}\n{test}".replace(_TYPE, _TYPE_PATH if subclasses else "rdf:type")
        if named:
            return (f"{_PROLOGUE}SELECT DISTINCT ?kg_graph ?this ?value ?kg_check WHERE {{\n"
                    f"GRAPH ?kg_graph {{\n{body}\n}}\n}}")
        return f"{_PROLOGUE}SELECT DISTINCT ?this ?value ?kg_check WHERE {{\n{body}\n}}"


def _groups(checks: tuple[_Check, ...]) -> list[_Check | _Group]:
    """``checks`` as the queries to run: the checks of each value that share their
    targets as one :class:`_Group`, and those that a path has a value as another (in
    the order of their first check); the others one by one."""
    by_key: dict[tuple[str, bool], list[_Check]] = {}
    out: list = []
    for c in checks:
        if c.per_value or c.absent:
            key = (c.targets, c.absent)
            if key not in by_key:
                by_key[key] = []
                out.append(by_key[key])
            by_key[key].append(c)
        else:
            out.append(c)
    return [(_Group(tuple(x)) if len(x) > 1 else x[0]) if isinstance(x, list) else x for x in out]


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

        def check(where: str, default: str, *, has_value: bool = True, having: str | None = None,
                  group: str | None = "value") -> _Check:
            """A check of the property; ``group``: "value" for a ``where`` that begins by
            matching the values of the path (the default), "absent" for "has no value"."""
            message = str(shape_message) if shape_message is not None else default
            return _Check(targets, where, str(path), message, severity, has_value, having, group=group)

        out = []
        value = f"?this {p} ?value ."
        for name in sorted(self.g.predicates(prop_shape, None), key=str):
            obj = self.one(prop_shape, name)
            if name == SH.minCount:
                n = int(obj)
                if n == 1:
                    out.append(check(f"FILTER NOT EXISTS {{ ?this {p} ?kg_v }}",
                                     f"expected a value of {short}", has_value=False, group="absent"))
                elif n > 1:
                    out.append(check(f"OPTIONAL {{ ?this {p} ?kg_v }}",
                                     f"expected at least {n} values of {short}",
                                     has_value=False, having=f"COUNT(DISTINCT ?kg_v) < {n}", group=None))
            elif name == SH.maxCount:
                n = int(obj)
                if n == 0:
                    out.append(check(value, f"expected no value of {short}"))
                elif n == 1:
                    out.append(check(f"?this {p} ?kg_v1, ?kg_v2 . FILTER (!sameTerm(?kg_v1, ?kg_v2))",
                                     f"expected at most one value of {short}", has_value=False))
                else:
                    out.append(check(f"?this {p} ?kg_v .", f"expected at most {n} values of {short}",
                                     has_value=False, having=f"COUNT(DISTINCT ?kg_v) > {n}", group=None))
            elif name == SH.datatype:
                out.append(check(f"{value} FILTER ({_datatype_violation(obj)})",
                                 f"{short} must be of datatype {_compact(str(obj))}"))
            elif name == SH["class"]:
                # "no such type" as an OPTIONAL left unbound: what FILTER NOT EXISTS says
                # (its pattern has no variable but ?value), which the store answers
                # several times slower, a search per value
                out.append(check(f"{value} OPTIONAL {{ ?value {_TYPE} {_sparql_term(obj)} . BIND(true AS ?kg_typed) }} "
                                 "FILTER (!BOUND(?kg_typed))",
                                 f"{short} must be an instance of {_compact(str(obj))}", group=None))
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
                                 f"{short} must include {_sparql_term(obj)}", has_value=False, group=None))
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
