"""The RDF stage: records -> quads in the published layout, the graph files, atomic output."""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import IriError, RdfError
from kg.rdf.build import (
    build_quads,
    build_store,
    extraction_quads,
    graph_stats,
    ontology_quads,
    to_store,
)
from kg.rdf.io import (
    jsonld,
    load_graph,
    published_dir,
    read_quads,
    sorted_nquads,
    trig,
    turtle,
    write_graph_files,
    write_json,
)
from kg.rdf.iris import IriMinter, check_iri
from kg.rdf.namespaces import NKG, RDF, XSD

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "tests" / "cases").glob("rdf-*"))

#: A JSON-LD context of the kind the project bundles (types coerced, IRIs as @id).
CONTEXT = {
    "nkg": "https://w3id.org/negotiation-kg/ontology#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "label": "rdfs:label",
    "status": {"@id": "nkg:status", "@type": "@id"},
    "evidence": {"@id": "nkg:evidence", "@type": "@id"},
    "earliest": {"@id": "sem:hasEarliestBeginTimeStamp", "@type": "xsd:date"},
}


def load_case(case: Path):
    spec = importlib.util.spec_from_file_location(f"case_{case.name.replace('-', '_')}",
                                                  case / "records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def to_rdflib(quads) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(data=sorted_nquads(quads).decode("utf-8"), format="nquads")
    return ds


def graph_of(ds: rdflib.Dataset, name: str) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in ds.graph(rdflib.URIRef(name)):
        g.add(t)
    return g


def assert_isomorphic(got: rdflib.Graph, expected: rdflib.Graph, what: str) -> None:
    if isomorphic(got, expected):
        return
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    pytest.fail(
        f"{what} differs from expected.trig\n--- only in the built graph:\n"
        f"{only_got.serialize(format='nt')}\n--- only in expected.trig:\n"
        f"{only_expected.serialize(format='nt')}"
    )


@pytest.fixture(scope="module")
def case():
    return load_case(ROOT / "tests" / "cases" / "rdf-two-documents")


def exact(quads) -> set[ox.Quad]:
    """Quads as pyoxigraph terms, parsed (not stored: a Store normalizes datatypes)."""
    return set(ox.parse(sorted_nquads(quads), format=ox.RdfFormat.N_QUADS))


@pytest.fixture(scope="module")
def quads(case):
    """The exact quads, as written to files."""
    return build_quads(case.EXTRACTIONS, base_iri=case.BASE_IRI, ontology=None)


@pytest.fixture(scope="module")
def store(quads):
    """The same, for SPARQL."""
    return to_store(quads)


# ---------------------------------------------------------------------------
# golden cases
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("case_dir", CASES, ids=[c.name for c in CASES])
def test_golden_document_graphs(case_dir):
    mod = load_case(case_dir)
    built = to_rdflib(build_quads(mod.EXTRACTIONS, base_iri=mod.BASE_IRI, ontology=None))
    expected = rdflib.Dataset()
    expected.parse(case_dir / "expected.trig", format="trig")
    minter = IriMinter(mod.BASE_IRI)
    doc_graphs = {str(minter.doc_graph(x.document.id)) for x in mod.EXTRACTIONS}
    expected_graphs = {str(g.identifier) for g in expected.graphs() if len(g)}
    assert expected_graphs == doc_graphs
    for name in sorted(doc_graphs):
        assert_isomorphic(graph_of(built, name), graph_of(expected, name), name)


@pytest.mark.parametrize("case_dir", CASES, ids=[c.name for c in CASES])
def test_current_graph_is_the_union_of_document_graphs_and_marks_itself(case_dir):
    mod = load_case(case_dir)
    minter = IriMinter(mod.BASE_IRI)
    built = exact(build_quads(mod.EXTRACTIONS, base_iri=mod.BASE_IRI, ontology=None))
    current = ox.NamedNode(str(minter.current_graph))
    union = set()
    for x in mod.EXTRACTIONS:
        g = ox.NamedNode(str(minter.doc_graph(x.document.id)))
        union |= {ox.Triple(q.subject, q.predicate, q.object) for q in built if q.graph_name == g}
    marker = ox.Triple(current, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(NKG.ConsolidatedGraph)))
    got = {ox.Triple(q.subject, q.predicate, q.object) for q in built if q.graph_name == current}
    assert got == union | {marker}


def test_the_same_round_from_two_documents_is_one_node(store, case):
    minter = IriMinter(case.BASE_IRI)
    rows = list(store.query("""
        SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {
          GRAPH ?view { ?view a nkg:ConsolidatedGraph . ?e a nkg:NegotiationRound ;
                        prov:wasDerivedFrom ?d } } GROUP BY ?e""",
                            prefixes={"nkg": str(NKG._NS), "prov": "http://www.w3.org/ns/prov#"}))
    assert [(r["e"].value, int(r["n"].value)) for r in rows] == [
        (f"{minter.base}event/negotiation-round/russia-ukraine/2", 2)
    ]


def test_every_quad_once(quads):
    assert len(set(quads)) == len(quads)


def test_nothing_in_default_graph_no_blank_nodes_every_iri_valid(quads):
    built = exact(quads)
    assert len(built) == len(quads)
    for q in built:
        assert not isinstance(q.graph_name, ox.DefaultGraph), q
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            assert not isinstance(term, ox.BlankNode), q
            if isinstance(term, ox.NamedNode):
                check_iri(term.value)


def test_literal_datatypes(quads):
    xsd = str(XSD)
    expected = {
        "http://purl.org/dc/terms/issued": xsd + "date",
        "http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp": xsd + "date",
        "http://semanticweb.cs.vu.nl/2009/11/sem/hasLatestEndTimeStamp": xsd + "date",
        "http://www.w3.org/2006/time#inXSDDate": xsd + "date",
        str(NKG.roundNumber): xsd + "integer",
        str(NKG.textLength): xsd + "nonNegativeInteger",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex": xsd + "nonNegativeInteger",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex": xsd + "nonNegativeInteger",
    }
    seen = set()
    for q in exact(quads):
        if isinstance(q.object, ox.Literal):
            want = expected.get(q.predicate.value, xsd + "string")
            assert q.object.datatype.value == want, q
            seen.add(q.predicate.value)
    assert set(expected) <= seen


def test_mentions_anchor_the_document_text(store, case):
    texts = {x.document.id: x.document.text for x in case.EXTRACTIONS}
    rows = list(store.query("""
        SELECT ?id ?b ?e ?a WHERE { GRAPH ?g {
          ?m a nif:OffsetBasedString ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ;
             nkg:inDocument ?d ; nif:referenceContext ?d . ?d dcterms:identifier ?id } }""",
        prefixes={"nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                  "nkg": str(NKG._NS), "dcterms": "http://purl.org/dc/terms/"}))
    assert len(rows) >= 10
    for r in rows:
        assert texts[r["id"].value][int(r["b"].value):int(r["e"].value)] == r["a"].value


def test_stats_count_the_consolidated_graph(store):
    s = graph_stats(store)
    assert (s.documents, s.events, s.actors, s.agreements, s.places) == (2, 4, 3, 1, 1)
    assert s.events_by_class == {"NegotiationRound": 1, "Meeting": 1, "Proposal": 1, "Statement": 1}
    assert s.graphs == 3 and s.quads == len(store)
    assert s.triples == len({(q.subject, q.predicate, q.object) for q in store})


# ---------------------------------------------------------------------------
# records that cannot be published
# ---------------------------------------------------------------------------
def _first(case):
    return case.EXTRACTIONS[0]


@pytest.mark.parametrize("change, message", [
    (lambda x: replace(x, events=(replace(x.events[0], status="Maybe"),) + x.events[1:]),
     "unknown status 'Maybe'"),
    (lambda x: replace(x, events=(replace(x.events[0], kind="Party"),) + x.events[1:]),
     "unknown class 'Party'"),
    (lambda x: replace(x, events=x.events[:2] + (replace(x.events[2], proposes="nope"),)),
     "unknown event key 'nope'"),
    (lambda x: replace(x, actors=(replace(x.actors[0], mentions=(
        replace(x.actors[0].mentions[0], start=70),)),) + x.actors[1:]),
     "does not match the text"),
    (lambda x: replace(x, actors=(replace(x.actors[0], kind="Alien"),)),
     "unknown kind 'Alien'"),
    (lambda x: replace(x, actors=(replace(x.actors[0], wikidata="212"),)),
     "not a Wikidata id"),
])
def test_bad_records_raise_rdf_error_naming_the_document(case, change, message):
    x = change(_first(case))
    with pytest.raises(RdfError) as err:
        extraction_quads(x, IriMinter(case.BASE_IRI))
    assert "a1.txt: document 'a1'" in str(err.value)
    assert message in str(err.value)


def test_duplicate_document_ids_are_refused(case):
    x = _first(case)
    with pytest.raises(RdfError, match="already used by a1.txt"):
        build_store([x, x], ontology=None)


def test_bad_base_iri_is_refused():
    with pytest.raises(IriError):
        build_store([], base_iri="not an iri", ontology=None)


def test_base_iri_changes_every_instance_iri(case):
    s = build_store(case.EXTRACTIONS, base_iri="urn:x-test:", ontology=None)
    for q in s:
        for term in (q.subject, q.graph_name):
            assert term.value.startswith("urn:x-test:"), q


# ---------------------------------------------------------------------------
# the ontology graph
# ---------------------------------------------------------------------------
def test_ontology_blank_nodes_become_stable_iris(tmp_path):
    ttl = tmp_path / "o.ttl"
    ttl.write_text(textwrap.dedent("""\
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
        <https://w3id.org/negotiation-kg/ontology> a owl:Ontology .
        nkg:evidence rdfs:domain [ a owl:Class ; owl:unionOf ( nkg:Meeting nkg:Agreement ) ] .
        """))
    minter = IriMinter("https://example.org/")
    a, b = ontology_quads(minter, ttl), ontology_quads(minter, ttl)
    assert a == b
    assert len(a) == 1 + 1 + 2 + 2 * 2  # the ontology, the domain, the class node, two list cells
    assert {q.g for q in a} == {"<https://example.org/graph/ontology>"}
    assert not any(t.startswith("_:") for q in a for t in q)
    assert len(exact(a)) == len(a)


def test_bundled_ontology_goes_into_its_graph():
    s = build_store([], ontology=True)
    graphs = {g.value for g in s.named_graphs()}
    assert "https://w3id.org/negotiation-kg/id/graph/ontology" in graphs
    assert len(s) > 50


# ---------------------------------------------------------------------------
# writers
# ---------------------------------------------------------------------------
def test_turtle_and_trig_do_not_depend_on_quad_order(quads, case):
    quads = list(quads)
    shuffled = quads[:]
    random.Random(7).shuffle(shuffled)
    base = IriMinter(case.BASE_IRI).base
    assert turtle(quads, base=base) == turtle(shuffled, base=base)
    assert trig(quads, base=base) == trig(shuffled, base=base)


def test_canonical_turtle_and_trig_parse_back_to_the_same_graph(quads, case):
    base = IriMinter(case.BASE_IRI).base
    assert set(ox.parse(trig(quads, base=base), format=ox.RdfFormat.TRIG)) == exact(quads)
    ds = rdflib.Dataset()
    ds.parse(data=trig(quads, base=base), format="trig")
    assert set(ds.quads()) == set(to_rdflib(quads).quads())
    union = {ox.Triple(q.subject, q.predicate, q.object)
             for q in ox.parse(turtle(quads, base=base), format=ox.RdfFormat.TURTLE)}
    assert union == {ox.Triple(q.subject, q.predicate, q.object) for q in exact(quads)}


def test_turtle_writes_literals_that_need_escaping():
    s = ox.NamedNode("https://example.org/s")
    p = ox.NamedNode("https://example.org/p")
    values = ['say "no"\\', "two\nlines\ttab", "é ü 中", ox.Literal("02", datatype=ox.NamedNode(str(XSD.integer)))]
    triples = [ox.Triple(s, p, v if isinstance(v, ox.Literal) else ox.Literal(v)) for v in values]
    text = turtle(triples, prefixes={})
    got = list(ox.parse(text, format=ox.RdfFormat.TURTLE))
    assert sorted(map(str, got)) == sorted(map(str, triples))


def test_relative_iris_are_only_written_when_safe():
    base = "https://example.org/kg/"
    p = ox.NamedNode("https://example.org/p")
    objs = [base + "doc/a:b", base + "doc/..", base + "a/./b", base + "x?y#z", base + "x"]
    triples = [ox.Triple(ox.NamedNode(base + "s"), p, ox.NamedNode(o)) for o in objs]
    text = turtle(triples, base=base, prefixes={})
    assert sorted(map(str, ox.parse(text, format=ox.RdfFormat.TURTLE))) == sorted(map(str, triples))


def test_sorted_nquads_are_sorted_and_complete(quads):
    lines = sorted_nquads(quads).decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(quads)
    assert sorted_nquads(list(reversed(quads))) == sorted_nquads(quads)


def test_jsonld_is_compacted_with_the_context_and_complete(quads):
    text = jsonld(quads, context=CONTEXT)
    data = json.loads(text)
    assert data["@context"] == CONTEXT
    assert '"label": "Second Istanbul round"' in text
    assert '"status": "nkg:Occurred"' in text
    assert '"earliest": "2025-06-02"' in text
    assert set(ox.parse(text, format=ox.RdfFormat.JSON_LD)) == exact(quads)
    ds = rdflib.Dataset()
    ds.parse(data=text, format="json-ld")
    assert set(ds.quads()) == set(to_rdflib(quads).quads())
    assert text == jsonld(list(reversed(quads)), context=CONTEXT)


def test_jsonld_with_the_bundled_context(quads):
    path = ROOT / "ontology" / "context.jsonld"
    text = jsonld(quads)
    assert json.loads(text)["@context"] == json.loads(path.read_text())["@context"]
    assert set(ox.parse(text, format=ox.RdfFormat.JSON_LD)) == exact(quads)


@pytest.mark.parametrize("ctx", ["https://schema.org/", [{"a": "b:"}, "https://x.org/c.jsonld"],
                                 {"@import": "https://x.org/c.jsonld"}])
def test_remote_jsonld_contexts_are_never_fetched(quads, ctx):
    with pytest.raises(RdfError, match="not fetched"):
        jsonld(quads, context=ctx)


def test_every_export_parses_back_with_the_same_quads(quads, case, tmp_path):
    """Parsed by pyoxigraph (not into a Store, which normalizes datatypes) and by rdflib."""
    base = IriMinter(case.BASE_IRI).base
    write_graph_files(quads, tmp_path, base=base, context=CONTEXT)
    union = len({q[:3] for q in quads})
    for name, fmt, rdflib_fmt, expected in [
        ("graph.trig", ox.RdfFormat.TRIG, "trig", len(quads)),
        ("graph.nq", ox.RdfFormat.N_QUADS, "nquads", len(quads)),
        ("graph.ttl", ox.RdfFormat.TURTLE, "turtle", union),
        ("graph.jsonld", ox.RdfFormat.JSON_LD, "json-ld", len(quads)),
    ]:
        path = tmp_path / name
        parsed = list(ox.parse(path=str(path), format=fmt))
        n_ox = len(parsed)
        if fmt.supports_datasets:
            assert set(parsed) == exact(quads), name
        if rdflib_fmt == "turtle":
            n_rdflib = len(rdflib.Graph().parse(path, format="turtle"))
        else:
            ds = rdflib.Dataset()
            ds.parse(path, format=rdflib_fmt)
            n_rdflib = len(list(ds.quads()))
        assert n_ox == n_rdflib == expected, name


#: Terms where one is a proper prefix of another, of each kind and in each place: the
#: cases where orders by text, by term and by the writers' term order could part.
_EDGE_QUADS = [
    (s, p, o, g)
    for s in ("<https://e.example/a>", "<https://e.example/a/b>", "<https://e.example/a-c>", "_:b1", "_:b12")
    for p in (f"<{RDF.type}>", "<https://e.example/p>", "<https://e.example/p/q>")
    for o in ("<https://e.example/a>", "<https://e.example/a/b>", '"x"', '"x"@en', '"x"@en-gb',
              f'"1"^^<{XSD.integer}>', f'"x y"^^<{XSD.string}>', '"\\u00e9t\\u00e9"', '"été"', "_:b1")
    for g in ("", "<https://e.example/g>", "<https://e.example/g/h>", "_:g")
]


@pytest.mark.parametrize("edge", [False, True], ids=["case", "prefix-terms"])
def test_graph_files_sorted_by_runs_on_disk_are_the_bytes_of_one_sort(quads, case, edge, tmp_path,
                                                                      monkeypatch):
    """A stream with repeats, sorted in runs of 7 quads merged 3 at a time (so in two
    levels), with the writers' IRI caches cleared every 2 IRIs, writes the bytes that
    one sort in memory writes, and leaves no run file; graph.nq is the sorted set of
    the lines."""
    import kg.rdf.jsonld as jsonld_module
    import kg.rdf.runs as runs
    from kg.rdf.build import NQuad

    given = [NQuad(*q) for q in _EDGE_QUADS] if edge else list(quads)
    base = IriMinter(case.BASE_IRI).base
    one, many = tmp_path / "one", tmp_path / "many"
    one.mkdir()
    many.mkdir()
    write_graph_files(given, one, base=base, context=CONTEXT)
    monkeypatch.setattr(runs, "RUN_QUADS", 7)
    monkeypatch.setattr(runs, "MEMORY_QUADS", 7)
    monkeypatch.setattr(runs, "FAN_IN", 3)
    monkeypatch.setattr(jsonld_module, "CACHED_IRIS", 2)  # the writers' caches cleared often
    stream = (q for q in given + given[::-1] + given[::3])
    write_graph_files(stream, many, base=base, context=CONTEXT)
    assert sorted(p.name for p in many.iterdir()) == sorted(p.name for p in one.iterdir())
    for name in ("graph.nq", "graph.trig", "graph.ttl", "graph.jsonld"):
        assert (many / name).read_bytes() == (one / name).read_bytes(), name
    lines = sorted({q.line() for q in given})
    assert (many / "graph.nq").read_text(encoding="utf-8") == "".join(lines)
    assert (many / "graph.trig").read_text(encoding="utf-8") == trig(given, base=base)
    assert (many / "graph.ttl").read_text(encoding="utf-8") == turtle(given, base=base)
    assert (many / "graph.jsonld").read_text(encoding="utf-8") == jsonld(given, context=CONTEXT)
    assert set(ox.parse(path=str(many / "graph.trig"), format=ox.RdfFormat.TRIG)) == exact(given)


_BUILD_SCRIPT = """
import sys, importlib.util
from pathlib import Path
spec = importlib.util.spec_from_file_location("case", sys.argv[1])
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
from kg.rdf.build import build_quads
from kg.rdf.io import write_graph_files
ctx = {"nkg": "https://w3id.org/negotiation-kg/ontology#", "label": "http://www.w3.org/2000/01/rdf-schema#label"}
quads = build_quads(reversed(mod.EXTRACTIONS) if sys.argv[3] == "r" else mod.EXTRACTIONS,
                    base_iri=mod.BASE_IRI, ontology=None)
write_graph_files(quads, Path(sys.argv[2]), base=mod.BASE_IRI, context=ctx)
"""


def test_graph_files_are_byte_identical_across_processes(tmp_path):
    """Different hash seeds and document order: the same bytes."""
    records = ROOT / "tests" / "cases" / "rdf-two-documents" / "records.py"
    outs = []
    for seed, order in (("1", "f"), ("2", "r")):
        out = tmp_path / f"run{seed}"
        out.mkdir()
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", _BUILD_SCRIPT, str(records), str(out), order],
                       check=True, cwd=ROOT, env=env)
        outs.append(out)
    for name in ("graph.nq", "graph.ttl", "graph.trig", "graph.jsonld"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


# ---------------------------------------------------------------------------
# reading graph files
# ---------------------------------------------------------------------------
def test_load_graph_puts_turtle_into_the_consolidated_graph(quads, case, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(turtle(quads, base=IriMinter(case.BASE_IRI).base))
    loaded = load_graph(path)
    current = str(IriMinter(case.BASE_IRI).current_graph)
    assert {g.value for g in loaded.named_graphs()} == {current}
    assert not list(loaded.quads_for_pattern(None, None, None, ox.DefaultGraph()))


@pytest.mark.parametrize("name, content, message", [
    ("bad.ttl", "<a> <b> .", "bad.ttl"),
    ("bad.xyz", "", "unknown graph file extension"),
    ("missing.trig", None, "no such graph file"),
    ("remote.jsonld", '{"@context": "https://schema.org/", "name": "x"}', "not fetched"),
])
def test_load_graph_errors_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(RdfError, match=message) as err:
        load_graph(path)
    assert name in str(err.value)


def test_read_quads_of_a_build_folder_and_of_each_graph_file(quads, case, tmp_path):
    """One reader for every file a build writes: the same quads from each dataset
    format, the union in the consolidated graph from Turtle."""
    write_graph_files(quads, tmp_path, base=IriMinter(case.BASE_IRI).base, context=CONTEXT)
    want = set(read_quads(tmp_path / "graph.nq"))
    assert set(read_quads(tmp_path)) == set(read_quads(tmp_path / "graph.trig")) == want
    assert set(read_quads(tmp_path / "graph.jsonld")) == want
    current = ox.NamedNode(str(IriMinter(case.BASE_IRI).current_graph))
    assert set(read_quads(tmp_path / "graph.ttl")) == {ox.Quad(q.subject, q.predicate, q.object, current)
                                                      for q in want}
    (tmp_path / "graph.trig").unlink()
    assert set(read_quads(tmp_path)) == want  # a folder without graph.trig: its graph.nq


def test_jsonld_context_files_are_read_locally_and_checked_too(tmp_path):
    """A context given as a relative file is read (through rdflib, which pyoxigraph
    cannot); a context file that names a remote context is refused like the document."""
    (tmp_path / "ctx.jsonld").write_text(json.dumps({"@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label"}}))
    doc = tmp_path / "doc.jsonld"
    doc.write_text(json.dumps({"@context": "ctx.jsonld", "@id": "https://e.org/a", "label": "A"}))
    [q] = read_quads(doc)
    assert (q.subject.value, q.object.value) == ("https://e.org/a", "A")
    (tmp_path / "ctx.jsonld").write_text(json.dumps({"@context": ["https://schema.org/"]}))
    with pytest.raises(RdfError, match="not fetched"):
        read_quads(doc)
    (tmp_path / "ctx.jsonld").write_text(json.dumps({"@context": "ctx.jsonld"}))
    with pytest.raises(RdfError, match="includes itself"):
        read_quads(doc)


# ---------------------------------------------------------------------------
# atomic output folder
# ---------------------------------------------------------------------------
def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_publication_leaves_the_previous_output_as_it_was(tmp_path):
    out = tmp_path / "out"
    with published_dir(out) as tmp:
        (tmp / "graph.nq").write_text("old\n")
        write_json({"outputs": {"graph.nq": {}}}, tmp / "manifest.json")
    (out / "README.md").write_text("mine")
    before = _snapshot(out)
    with pytest.raises(RuntimeError):
        with published_dir(out) as tmp:
            (tmp / "graph.nq").write_text("new\n")
            raise RuntimeError("boom")
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left behind


def test_publication_keeps_foreign_files_and_drops_stale_outputs(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "README.md").write_text("mine")
    (out / "notes").mkdir()
    (out / "notes" / "a.txt").write_text("a")
    with published_dir(out) as tmp:
        (tmp / "graph.nq").write_text("1\n")
        (tmp / "timeline.html").write_text("<p>")
        write_json({"outputs": {"graph.nq": {}, "timeline.html": {}}}, tmp / "manifest.json")
    with published_dir(out) as tmp:  # a build that writes no timeline
        (tmp / "graph.nq").write_text("2\n")
        write_json({"outputs": {"graph.nq": {}}}, tmp / "manifest.json")
    assert _snapshot(out) == {
        "README.md": b"mine", "graph.nq": b"2\n", "manifest.json": _snapshot(out)["manifest.json"],
        "notes/a.txt": b"a",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_temporal_expressions_are_published_with_their_span():
    """Every temporal expression the extraction read, not only those that date an
    event, is an interval with its TIMEX value, bounds and the span it came from."""
    from datetime import date

    from kg.records import Document, Extraction, Mention, TimeValue

    text = "Envoys will meet next week, a month after the talks of 3 May."
    doc = Document(id="t1", source="t1.txt", text=text, sha256="0", published=date(2026, 5, 20))
    start = text.index("next week")
    week = TimeValue("next week", "2026-W22", date(2026, 5, 25), date(2026, 5, 31), "week",
                     Mention("t1", start, start + 9, "next week"))
    store = to_store(build_quads([Extraction(document=doc, timexes=(week,))], ontology=False))
    rows = list(store.query(
        "PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#> "
        "PREFIX time: <http://www.w3.org/2006/time#> "
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
        "SELECT DISTINCT ?v ?b ?e ?anchor WHERE { GRAPH ?g { ?i a time:Interval ; nkg:timex ?v ; "
        "time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e ; "
        "nkg:evidence/nif:anchorOf ?anchor } }"))
    assert [(r["v"].value, r["b"].value, r["e"].value, r["anchor"].value) for r in rows] == [
        ("2026-W22", "2026-05-25", "2026-05-31", "next week")]
