"""Validation against ontology/shapes.ttl, run inside pyoxigraph, and its parity with pySHACL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import RdfError, ShapeViolation
from kg.rdf.namespaces import NIF, NKG, PROV, RDF, RDFS, SEM, SH, XSD
from kg.rdf.io import load_graph
from kg.rdf.validate import SHAPES_FILE, ValidationReport, check, validate, validate_file
from kg.resources import ONTOLOGY_DIR

CASE = Path(__file__).parent / "cases" / "graph-small"
BASE = "https://w3id.org/negotiation-kg/id/"
DOC_A = URIRef(BASE + "graph/doc/a-istanbul")
DOC_B = URIRef(BASE + "graph/doc/b-address")
R2 = URIRef(BASE + "event/negotiation-round/russia-ukraine/2")
R3 = URIRef(BASE + "event/negotiation-round/russia-ukraine/3")
EXCHANGE = URIRef(BASE + "event/prisoner-exchange/doc/a-istanbul/exchange")
PESKOV_ST = URIRef(BASE + "event/statement/2025-06-03/dmitry-peskov")
SUMMIT = URIRef(BASE + "event/summit/doc/b-address/leaders-meeting")
KREMLIN = URIRef(BASE + "actor/the-kremlin")
AGREEMENT = URIRef(BASE + "agreement/doc/a-istanbul/exchange")
DOCUMENT_A = URIRef(BASE + "doc/a-istanbul")
MENTION_LAST = URIRef(BASE + "mention/a-istanbul/319-403")
MENTION_ROUND = URIRef(BASE + "mention/a-istanbul/95-186")


def small_dataset() -> Dataset:
    ds = Dataset()
    ds.parse(CASE / "input.trig", format="trig")
    return ds


def to_store(ds: Dataset) -> ox.Store:
    store = ox.Store()
    store.load(ds.serialize(format="nquads").encode("utf-8"), ox.RdfFormat.N_QUADS)
    return store


# --- broken variants: each edits document graph A ------------------------------------


def two_statuses(g: Graph) -> None:
    g.add((EXCHANGE, NKG.status, NKG.Occurred))


def missing_provenance(g: Graph) -> None:
    g.remove((R2, PROV.wasDerivedFrom, None))


def begin_after_end(g: Graph) -> None:
    g.set((PESKOV_ST, SEM.hasEarliestBeginTimeStamp, Literal("2025-06-04", datatype=XSD.date)))


def string_date(g: Graph) -> None:
    g.set((R3, SEM.hasLatestEndTimeStamp, Literal("2025-06-30")))


def ill_typed_date(g: Graph) -> None:
    g.set((R3, SEM.hasLatestEndTimeStamp, Literal("2025-06-31", datatype=XSD.date)))


def mention_beyond_text(g: Graph) -> None:
    g.set((DOCUMENT_A, NKG.textLength, Literal("400", datatype=XSD.nonNegativeInteger)))


def actor_without_label(g: Graph) -> None:
    g.remove((KREMLIN, RDFS.label, None))


def actor_with_two_labels(g: Graph) -> None:
    g.add((KREMLIN, RDFS.label, Literal("Kremlin")))


def no_event_class(g: Graph) -> None:
    g.remove((EXCHANGE, RDF.type, NKG.PrisonerExchange))


def two_event_classes(g: Graph) -> None:
    g.add((R2, RDF.type, NKG.Meeting))


def status_outside_the_list(g: Graph) -> None:
    g.set((EXCHANGE, NKG.status, URIRef(str(NKG._NS) + "Postponed")))


def round_number_zero(g: Graph) -> None:
    g.set((R2, NKG.roundNumber, Literal(0)))


def begin_index_after_end(g: Graph) -> None:
    g.set((MENTION_ROUND, NIF.beginIndex, Literal("190", datatype=XSD.nonNegativeInteger)))


def anchor_of_wrong_length(g: Graph) -> None:
    g.set((MENTION_ROUND, NIF.anchorOf, Literal("Russian delegations met")))


def agreement_without_label(g: Graph) -> None:
    g.remove((AGREEMENT, RDFS.label, None))


def document_without_identifier(g: Graph) -> None:
    g.remove((DOCUMENT_A, URIRef("http://purl.org/dc/terms/identifier"), None))


#: variant -> (focus node, path or None) that a result must name.
VARIANTS: dict[Callable[[Graph], None], tuple[URIRef, URIRef | None]] = {
    two_statuses: (EXCHANGE, NKG.status),
    missing_provenance: (R2, PROV.wasDerivedFrom),
    begin_after_end: (PESKOV_ST, SEM.hasEarliestBeginTimeStamp),
    string_date: (R3, SEM.hasLatestEndTimeStamp),
    ill_typed_date: (R3, SEM.hasLatestEndTimeStamp),
    mention_beyond_text: (MENTION_LAST, None),
    actor_without_label: (KREMLIN, RDFS.label),
    actor_with_two_labels: (KREMLIN, RDFS.label),
    no_event_class: (EXCHANGE, None),
    two_event_classes: (R2, None),
    status_outside_the_list: (EXCHANGE, NKG.status),
    round_number_zero: (R2, NKG.roundNumber),
    begin_index_after_end: (MENTION_ROUND, NIF.beginIndex),
    anchor_of_wrong_length: (MENTION_ROUND, None),
    agreement_without_label: (AGREEMENT, RDFS.label),
    document_without_identifier: (DOCUMENT_A, URIRef("http://purl.org/dc/terms/identifier")),
}


def broken(variant: Callable[[Graph], None]) -> Dataset:
    ds = small_dataset()
    variant(ds.graph(DOC_A))
    return ds


# --- the valid graph -------------------------------------------------------------------


def test_the_small_graph_conforms() -> None:
    report = validate(load_graph(CASE / "input.trig"))
    assert report.conforms, report.text
    assert report.results == ()
    assert report.text == "The graph conforms to the shapes."


def test_the_ontology_graph_is_skipped_and_conforms_as_data() -> None:
    store = load_graph(CASE / "input.trig")
    store.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE,
               to_graph=ox.NamedNode(BASE + "graph/ontology"))
    assert validate(store).conforms
    # a Turtle union that includes the ontology, in the default graph
    assert validate_file(ONTOLOGY_DIR / "kg.ttl").conforms


def test_the_store_keeps_no_derived_integer_type_but_still_conforms() -> None:
    """pyoxigraph stores xsd:nonNegativeInteger as xsd:integer; sh:datatype accepts it in range."""
    store = load_graph(CASE / "input.trig")
    begin = next(iter(store.quads_for_pattern(ox.NamedNode(str(MENTION_ROUND)),
                                              ox.NamedNode(str(NIF.beginIndex)), None)))
    assert begin.object.datatype == ox.NamedNode(str(XSD.integer))
    assert validate(store).conforms
    store.add(ox.Quad(ox.NamedNode(str(MENTION_ROUND)), ox.NamedNode(str(NIF.endIndex)),
                      ox.Literal("-1", datatype=ox.NamedNode(str(XSD.integer))), ox.NamedNode(str(DOC_A))))
    paths = {r.path for r in validate(store).results if r.focus == str(MENTION_ROUND)}
    assert str(NIF.endIndex) in paths


# --- each kind of violation ------------------------------------------------------------


@pytest.mark.parametrize("variant", list(VARIANTS), ids=lambda v: v.__name__)
def test_each_violation_names_the_node(variant: Callable[[Graph], None]) -> None:
    report = validate(to_store(broken(variant)))
    assert not report.conforms
    focus, path = VARIANTS[variant]
    named = [r for r in report.results if r.focus == str(focus) and r.path == (str(path) if path else None)]
    assert named, report.text
    assert {r.graph for r in report.results} == {str(DOC_A)}  # the other graphs are untouched
    assert all(r.severity == "Violation" and r.message for r in report.results)
    assert str(focus) in report.text and str(DOC_A) in report.text


def test_values_and_messages_of_results() -> None:
    report = validate(to_store(broken(two_event_classes)))
    values = sorted(r.value for r in report.results)
    assert values == [f"<{NKG.Meeting}>", f"<{NKG.NegotiationRound}>"]
    assert any("more than one event class" in r.message and "nkg:Meeting" in r.message for r in report.results)
    report = validate(to_store(broken(string_date)))
    result = next(r for r in report.results if r.path == str(SEM.hasLatestEndTimeStamp))
    assert result.value == '"2025-06-30"'


def test_check_raises_shape_violation_with_the_report() -> None:
    assert check(load_graph(CASE / "input.trig")) is None
    with pytest.raises(ShapeViolation) as info:
        check(to_store(broken(actor_without_label)))
    assert str(KREMLIN) in str(info.value)
    assert "rdfs:label" in info.value.report and str(DOC_A) in info.value.report
    assert info.value.exit_code == 1


# --- files --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["nquads", "trig", "json-ld"])
def test_validate_file_reads_each_dataset_format(tmp_path: Path, fmt: str) -> None:
    suffix = {"nquads": ".nq", "trig": ".trig", "json-ld": ".jsonld"}[fmt]
    good = tmp_path / f"good{suffix}"
    good.write_text(small_dataset().serialize(format=fmt), encoding="utf-8")
    assert validate_file(good).conforms
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(broken(two_statuses).serialize(format=fmt), encoding="utf-8")
    report = validate_file(bad)
    assert [r.graph for r in report.results if r.focus == str(EXCHANGE)] == [str(DOC_A)]


def test_a_turtle_file_is_one_graph(tmp_path: Path) -> None:
    ds = broken(missing_provenance)
    path = tmp_path / "doc.ttl"
    path.write_text(ds.graph(DOC_A).serialize(format="turtle"), encoding="utf-8")
    report = validate_file(path)
    assert [(r.graph, r.focus) for r in report.results] == [("", str(R2))]
    assert "default graph" in report.text
    nt = tmp_path / "doc.nt"
    nt.write_text(ds.graph(DOC_B).serialize(format="nt"), encoding="utf-8")
    assert validate_file(nt).conforms


def test_jsonld_with_a_context_file_is_read_through_rdflib(tmp_path: Path) -> None:
    """pyoxigraph refuses a context given as a relative file; rdflib reads it next to the document."""
    (tmp_path / "context.jsonld").write_text((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    path = tmp_path / "actor.jsonld"
    path.write_text('{"@context": "context.jsonld", "@id": "https://example.org/a", '
                    '"@type": ["Person", "Actor"], "label": "A. Person", "wasDerivedFrom": "https://example.org/d"}',
                    encoding="utf-8")
    with pytest.raises(SyntaxError):
        ox.Store().load(path=str(path), format=ox.RdfFormat.JSON_LD)
    store = load_graph(path)
    assert len(store) == 4
    report = validate(store)
    # the document it derives from is not in the graph
    assert [(r.graph, r.focus, r.path) for r in report.results] == [("", "https://example.org/a", str(PROV.wasDerivedFrom))]


def test_parse_errors_name_the_file(tmp_path: Path) -> None:
    for name, text in [("bad.trig", "<a> <b> { oops"), ("bad.ttl", "<a> <b> ."), ("bad.jsonld", "{not json"),
                       ("bad.nq", "<http://a> <http://b> .")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(RdfError, match=name):
            validate_file(path)
    (tmp_path / "graph.csv").write_text("a,b", encoding="utf-8")
    with pytest.raises(RdfError, match="unknown graph file extension"):
        validate_file(tmp_path / "graph.csv")
    with pytest.raises(RdfError, match="no such graph file"):
        validate_file(tmp_path / "missing.trig")


# --- the translator on other shapes --------------------------------------------------------

PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

FEATURE_SHAPES = PREFIXES + """
ex:ThingShape a sh:NodeShape ;
    sh:targetSubjectsOf ex:code ;
    sh:property [ sh:path ex:code ; sh:minCount 2 ; sh:maxCount 3 ; sh:pattern "^[a-z]+$" ; sh:flags "i" ;
                  sh:maxLength 4 ; sh:nodeKind sh:Literal ; sh:severity sh:Warning ] ,
                [ sh:path ex:size ; sh:maxExclusive 10 ; sh:minExclusive 0 ] ,
                [ sh:path ex:other ; sh:minCount 1 ; sh:deactivated true ] .
ex:ItemShape a sh:NodeShape ;
    sh:targetNode ex:item ;
    sh:property [ sh:path ex:size ; sh:maxInclusive 5 ; sh:message "size {?value} of {$this} too large" ] .
"""

FEATURE_DATA = """
<https://example.org/g> {
  <https://example.org/ok> <https://example.org/code> "ab", "CD" ; <https://example.org/size> 3 .
  <https://example.org/one> <https://example.org/code> "ab" .
  <https://example.org/four> <https://example.org/code> "a", "b", "c", "d" .
  <https://example.org/digits> <https://example.org/code> "a1", "b" .
  <https://example.org/long> <https://example.org/code> "abcde", "b" .
  <https://example.org/iri> <https://example.org/code> <https://example.org/x>, "b" .
  <https://example.org/big> <https://example.org/code> "a", "b" ; <https://example.org/size> 10 .
  <https://example.org/item> <https://example.org/size> 7 .
}
"""


def test_translator_supports_counts_patterns_ranges_and_severities(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(FEATURE_SHAPES, encoding="utf-8")
    store = ox.Store()
    store.load(FEATURE_DATA.encode(), ox.RdfFormat.TRIG)
    report = validate(store, shapes=shapes)
    focus = {r.focus.rsplit("/", 1)[-1] for r in report.results}
    assert focus == {"one", "four", "digits", "long", "iri", "big", "item"}
    assert {r.severity for r in report.results if r.path.endswith("code")} == {"Warning"}
    item = next(r for r in report.results if r.focus.endswith("item"))
    assert item.message == "size 7 of <https://example.org/item> too large"


def test_unsupported_shacl_is_refused(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(PREFIXES + """
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:or ( [ sh:path ex:p ; sh:minCount 1 ] [ sh:path ex:q ; sh:minCount 1 ] ) .
""", encoding="utf-8")
    with pytest.raises(RdfError, match=r"unsupported SHACL feature sh:or"):
        validate(ox.Store(), shapes=shapes)
    shapes.write_text(PREFIXES + """
ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ] .
""", encoding="utf-8")
    with pytest.raises(RdfError, match="not a single IRI"):
        validate(ox.Store(), shapes=shapes)


def test_target_classes_include_subclasses_in_the_graph() -> None:
    store = load_graph(CASE / "input.trig")
    # an event typed only with a subclass declared in the same graph, without a status
    store.load(f"""
@prefix nkg: <{NKG._NS}> . @prefix rdfs: <{RDFS}> .
<{DOC_B}> {{
  <https://example.org/Talks> rdfs:subClassOf nkg:NegotiationRound .
  <https://example.org/e> a <https://example.org/Talks> .
}}""".encode(), ox.RdfFormat.TRIG)
    report = validate(store)
    assert ("https://example.org/e", str(NKG.status)) in {(r.focus, r.path) for r in report.results}


# --- parity with pySHACL -------------------------------------------------------------------


_PYSHACL_CACHE: dict[frozenset, tuple[bool, frozenset[str]]] = {}


def pyshacl_verdict(ds: Dataset, shapes: Graph) -> tuple[bool, set[str]]:
    """pySHACL on each named graph of ``ds``: whether all conform, and the focus nodes.

    The verdict on a graph is cached by its triples: the variants leave most graphs as they are.
    """
    import pyshacl

    conforms, focus = True, set()
    for graph in ds.graphs():
        if len(graph) == 0:
            continue
        key = frozenset(graph)
        if key not in _PYSHACL_CACHE:
            ok, results, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
            _PYSHACL_CACHE[key] = (ok, frozenset(str(f) for f in results.objects(None, SH.focusNode)))
        ok, nodes = _PYSHACL_CACHE[key]
        conforms = conforms and ok
        focus |= nodes
    return conforms, focus


@pytest.mark.slow
@pytest.mark.parametrize("variant", [None, *VARIANTS], ids=lambda v: v.__name__ if v else "valid")
def test_parity_with_pyshacl(variant: Callable[[Graph], None] | None) -> None:
    ds = small_dataset() if variant is None else broken(variant)
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    expected_conforms, expected_focus = pyshacl_verdict(ds, shapes)
    report: ValidationReport = validate(to_store(ds))
    assert report.conforms == expected_conforms
    assert {r.focus for r in report.results} == expected_focus
