"""The ontology, the JSON-LD context and the bundled SPARQL queries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.records import ACTOR_CLASSES, EVENT_CLASSES, STATUSES
from kg.rdf.namespaces import NIF, NKG, OWL, PROV, RDF, RDFS, SDO, SEM, SKOS, XSD
from kg.resources import ONTOLOGY_DIR, QUERIES_DIR

CASE = Path(__file__).parent / "cases" / "graph-small"
BASE = "https://w3id.org/negotiation-kg/id/"
EVENT = BASE + "event/"
ACTOR = BASE + "actor/"
SCHEMA_DOMAIN = URIRef("https://schema.org/domainIncludes")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def nkg_terms() -> list[str]:
    return [name for name in NKG.__annotations__ if not name.startswith("_")]


# --- the ontology -------------------------------------------------------------


def test_ontology_parses_in_both_engines_without_blank_nodes(onto: Graph) -> None:
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(onto) > 300
    assert not [t for t in onto if any(isinstance(x, BNode) for x in t)]
    assert (URIRef("https://w3id.org/negotiation-kg/ontology"), RDF.type, OWL.Ontology) in onto


@pytest.mark.parametrize("name", nkg_terms())
def test_every_declared_term_is_defined_with_label_and_comment(onto: Graph, name: str) -> None:
    term = NKG[name]
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                    OWL.NamedIndividual}, f"{name} has no OWL type"
    assert [lit for lit in onto.objects(term, RDFS.label) if str(lit).strip()], f"{name} has no label"
    assert [lit for lit in onto.objects(term, RDFS.comment) if len(str(lit)) > 20], f"{name} has no comment"


def test_every_nkg_term_of_the_ontology_is_declared_in_namespaces(onto: Graph) -> None:
    ns = str(NKG._NS)
    defined = {str(s)[len(ns):] for s in onto.subjects() if str(s).startswith(ns)}
    assert defined == set(nkg_terms())


def test_event_and_actor_classes_are_aligned(onto: Graph) -> None:
    for name in EVENT_CLASSES:
        assert (NKG[name], RDFS.subClassOf, SEM.Event) in onto, name
    for name in ACTOR_CLASSES:
        assert (NKG[name], RDFS.subClassOf, SEM.Actor) in onto, name
    assert (NKG.Document, RDFS.subClassOf, PROV.Entity) in onto
    assert (NKG.Document, RDFS.subClassOf, SDO.NewsArticle) in onto
    assert (NKG.Person, RDFS.subClassOf, SDO.Person) in onto
    assert (NKG.Place, RDFS.subClassOf, SEM.Place) in onto
    assert (NKG.Agreement, RDFS.subClassOf, SEM.Event) not in onto
    # the eight event classes are pairwise disjoint
    for a in EVENT_CLASSES:
        for b in EVENT_CLASSES:
            if a < b:
                assert {(NKG[a], OWL.disjointWith, NKG[b]), (NKG[b], OWL.disjointWith, NKG[a])} & set(onto), (a, b)


def test_cameo_codes_of_the_classes(onto: Graph) -> None:
    codes = {name: {str(c) for c in onto.objects(NKG[name], NKG.cameoCode)}
             for name in (*EVENT_CLASSES, "Agreement")}
    assert codes["NegotiationRound"] == {"046"}
    assert codes["Proposal"] == {"036"}
    assert codes["Statement"] == {"010"}
    assert codes["PrisonerExchange"] == {"0841"}
    assert codes["RepatriationOfRemains"] == {"0841"}
    assert codes["Ceasefire"] == {"0871"}
    assert codes["Agreement"] == {"057"}
    assert codes["Meeting"] and codes["Summit"] and all(c.startswith("04") for c in codes["Meeting"] | codes["Summit"])
    # every code is documented in the comment of its class
    for name, found in codes.items():
        comment = " ".join(str(c) for c in onto.objects(NKG[name], RDFS.comment))
        assert all(code in comment for code in found), name
    # the finer statement codes and "express intent to meet" are documented too
    cameo_comment = str(onto.value(NKG.cameoCode, RDFS.comment))
    for code in ("036", "046", "057", "010", "013", "0841", "0871"):
        assert f'"{code}"' in cameo_comment


def test_statuses_are_a_concept_scheme(onto: Graph) -> None:
    members = set(onto.subjects(RDF.type, NKG.Status))
    assert members == {NKG[s] for s in STATUSES}
    assert (NKG.StatusScheme, RDF.type, SKOS.ConceptScheme) in onto
    for status in members:
        assert (status, SKOS.inScheme, NKG.StatusScheme) in onto
        assert (status, RDF.type, OWL.NamedIndividual) in onto


def test_properties_have_domains_and_ranges(onto: Graph) -> None:
    ns = str(NKG._NS)
    props = {s for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in onto.subjects(RDF.type, kind) if str(s).startswith(ns)}
    assert len(props) == 19  # every property of NKG but the annotation nkg:cameoCode
    for prop in props:
        assert onto.value(prop, RDFS.domain) or onto.value(prop, SCHEMA_DOMAIN), prop
        assert onto.value(prop, RDFS.range), prop
    assert onto.value(NKG.status, RDFS.range) == NKG.Status
    assert onto.value(NKG.textLength, RDFS.range) == XSD.nonNegativeInteger
    assert onto.value(NKG.evidence, RDFS.range) == NIF.OffsetBasedString
    assert onto.value(NKG.realizedBy, RDFS.domain) == SEM.Event


# --- the JSON-LD context -------------------------------------------------------


def test_context_expands_a_document() -> None:
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    # JSON-LD 1.0 processors (Debian's Jena among them) refuse a 1.1 context;
    # the context uses no 1.1 feature, so it declares none.
    assert "@version" not in context
    doc = {
        "@context": context,
        "@graph": [
            {
                "@id": BASE + "event/negotiation-round/russia-ukraine/2",
                "@type": ["NegotiationRound", "Event"],
                "label": "Second round",
                "status": "Occurred",
                "roundNumber": 2,
                "hasEarliestBeginTimeStamp": "2025-06-02",
                "hasActor": [ACTOR + "ukraine"],
                "hasPlace": BASE + "place/istanbul",
                "evidence": BASE + "mention/d/10-20",
                "wasDerivedFrom": BASE + "doc/d",
            },
            {
                "@id": BASE + "mention/d/10-20",
                "@type": "OffsetBasedString",
                "beginIndex": "10",
                "endIndex": "20",
                "anchorOf": "met on 2 J",
                "inDocument": BASE + "doc/d",
            },
            {"@id": ACTOR + "ukraine", "@type": ["Country", "Actor"], "exactMatch": "wd:Q212"},
            {"@id": BASE + "doc/d", "@type": "Document", "issued": "2025-06-03", "textLength": "30"},
        ],
    }
    g = Graph().parse(data=json.dumps(doc), format="json-ld")
    e = URIRef(BASE + "event/negotiation-round/russia-ukraine/2")
    m = URIRef(BASE + "mention/d/10-20")
    expected = {
        (e, RDF.type, NKG.NegotiationRound),
        (e, RDF.type, SEM.Event),
        (e, RDFS.label, Literal("Second round")),
        (e, NKG.status, NKG.Occurred),
        (e, NKG.roundNumber, Literal("2", datatype=XSD.integer)),
        (e, SEM.hasEarliestBeginTimeStamp, Literal("2025-06-02", datatype=XSD.date)),
        (e, SEM.hasActor, URIRef(ACTOR + "ukraine")),
        (e, SEM.hasPlace, URIRef(BASE + "place/istanbul")),
        (e, NKG.evidence, m),
        (e, PROV.wasDerivedFrom, URIRef(BASE + "doc/d")),
        (m, RDF.type, NIF.OffsetBasedString),
        (m, NIF.beginIndex, Literal("10", datatype=XSD.nonNegativeInteger)),
        (m, NIF.endIndex, Literal("20", datatype=XSD.nonNegativeInteger)),
        (m, NIF.anchorOf, Literal("met on 2 J")),
        (m, NKG.inDocument, URIRef(BASE + "doc/d")),
        (URIRef(ACTOR + "ukraine"), SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q212")),
    }
    assert expected <= set(g)


def test_context_maps_every_property_with_coercions(onto: Graph) -> None:
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else curie

    terms = {}
    for key, value in context.items():
        if key.startswith("@") or key in prefixes:
            continue
        iri = value if isinstance(value, str) else value["@id"]
        terms[expand(iri)] = value
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(str(NKG._NS)):
            assert isinstance(terms.get(str(prop)), dict), prop
            assert terms[str(prop)]["@type"] in ("@id", "@vocab"), prop
    for prop in onto.subjects(RDF.type, OWL.DatatypeProperty):
        if str(prop).startswith(str(NKG._NS)):
            assert str(prop) in terms, prop
    for name in EVENT_CLASSES + ACTOR_CLASSES + STATUSES:
        assert terms.get(str(NKG[name])) == f"nkg:{name}"


# --- the bundled queries -------------------------------------------------------

QUERIES = sorted(QUERIES_DIR.glob("*.rq"))


def test_the_seven_queries_are_bundled() -> None:
    assert {q.stem for q in QUERIES} >= {
        "timeline", "rounds", "proposals", "agreements", "actors", "statements", "evidence"}


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_query_parses_and_documents_itself(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {path.stem}:")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Columns:" in line for line in header)
    assert "?view a nkg:ConsolidatedGraph" in text
    prepareQuery(text)
    result = ox.Store().query(text)
    assert [v.value for v in result.variables]
    # every output column is named in the header comment
    columns = [v.value for v in result.variables]
    comment = " ".join(header)
    assert all(c in comment for c in columns), columns


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.load(path=str(CASE / "input.trig"), format=ox.RdfFormat.TRIG)
    s.load(path=str(ONTOLOGY_DIR / "kg.ttl"), format=ox.RdfFormat.TURTLE,
           to_graph=ox.NamedNode(BASE + "graph/ontology"))
    return s


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(CASE / "input.trig", format="trig")
    ds.graph(URIRef(BASE + "graph/ontology")).parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")
    return ds


def run_oxigraph(store: ox.Store, text: str) -> list[tuple]:
    result = store.query(text)
    names = [v.value for v in result.variables]
    return [tuple(None if row[n] is None else row[n].value for n in names) for row in result]


def run_rdflib(dataset: Dataset, text: str) -> list[tuple]:
    return [tuple(None if x is None else str(x) for x in row) for row in dataset.query(text)]


R2 = EVENT + "negotiation-round/russia-ukraine/2"
R3 = EVENT + "negotiation-round/russia-ukraine/3"
NEXT = EVENT + "negotiation-round/doc/b-address/next-round"
EXCHANGE = EVENT + "prisoner-exchange/doc/a-istanbul/exchange"
PROP_A = EVENT + "proposal/doc/a-istanbul/third-round"
PROP_B = EVENT + "proposal/doc/b-address/new-round"
PESKOV_ST = EVENT + "statement/2025-06-03/dmitry-peskov"
ZELENSKY_ST = EVENT + "statement/2025-07-19/volodymyr-zelensky"
SUMMIT = EVENT + "summit/doc/b-address/leaders-meeting"
AGREEMENT = BASE + "agreement/doc/a-istanbul/exchange"
R2_LABEL = "Second round of talks in Istanbul (2025-06-02)"
PESKOV_QUOTE = "Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow would study the proposal"
ZELENSKY_QUOTE = "President Volodymyr Zelensky said in his evening address on Saturday"
PROP_A_QUOTE = "Umerov proposed a third round before the end of June"
PROP_B_QUOTE = "proposed a new round with Russia next week"
NSDC = "Secretary of the National Security and Defense Council"

EXPECTED = {
    "timeline": [
        (R2, "NegotiationRound", R2_LABEL, "2025-06-02", "2025-06-02", "2025-06-02", "Occurred",
         "Istanbul", "Russia; Ukraine"),
        (PESKOV_ST, "Statement", "Peskov says Moscow will study the proposal", "2025-06-03", "2025-06-03",
         "2025-06-03", "Occurred", None, "Dmitry Peskov"),
        (R3, "NegotiationRound", "Third round of talks", None, "2025-06-30", "2025-06", "Proposed", None,
         "Russia; Ukraine"),
        (ZELENSKY_ST, "Statement", "Zelensky's evening address", "2025-07-19", "2025-07-19", "2025-07-19",
         "Occurred", None, "Volodymyr Zelensky"),
        (NEXT, "NegotiationRound", "Next round of talks", "2025-07-21", "2025-07-27", "2025-W30", "Proposed",
         None, "Russia; Ukraine"),
        # undated events last (by type; see timeline_order)
        (EXCHANGE, "PrisonerExchange", "Exchange of prisoners", None, None, None, "Planned", None,
         "Russia; Ukraine"),
        (PROP_B, "Proposal", "Umerov proposes a new round", None, None, None, "Occurred", None, "Rustem Umerov"),
        (PROP_A, "Proposal", "Umerov proposes a third round", None, None, None, "Occurred", None,
         "Rustem Umerov"),
        (SUMMIT, "Summit", "Meeting of leaders", None, None, None, "Proposed", None, "Russia; Ukraine"),
    ],
    "rounds": [
        ("russia-ukraine", "2", R2, R2_LABEL, "Occurred", "2025-06-02", "2025-06-02", "Istanbul"),
        ("russia-ukraine", "3", R3, "Third round of talks", "Proposed", None, "2025-06-30", None),
        ("russia-ukraine", None, NEXT, "Next round of talks", "Proposed", "2025-07-21", "2025-07-27", None),
    ],
    "proposals": [
        (PROP_B, "Umerov proposes a new round", "Rustem Umerov", None, "Occurred", NEXT, "NegotiationRound",
         "Next round of talks", "Proposed"),
        (PROP_A, "Umerov proposes a third round", "Rustem Umerov", None, "Occurred", R3, "NegotiationRound",
         "Third round of talks", "Proposed"),
    ],
    "agreements": [
        (AGREEMENT, "Agreement to exchange prisoners", "Occurred", R2, R2_LABEL, "2025-06-02", "Istanbul",
         "Russia; Ukraine"),
    ],
    "actors": [
        (ACTOR + "dmitry-peskov", "Dmitry Peskov", "Person", "Kremlin spokesman", "Russia; the Kremlin", None,
         None),
        (ACTOR + "russia", "Russia", "Country", None, None, "Moscow", "http://www.wikidata.org/entity/Q159"),
        (ACTOR + "rustem-umerov", "Rustem Umerov", "Person", f"Defence Minister; {NSDC}", "Ukraine", "Umerov",
         None),
        (ACTOR + "ukraine", "Ukraine", "Country", None, None, "Kyiv", "http://www.wikidata.org/entity/Q212"),
        (ACTOR + "volodymyr-zelensky", "Volodymyr Zelensky", "Person", "President", "Ukraine", "Zelensky",
         "http://www.wikidata.org/entity/Q3874799"),
        (ACTOR + "the-kremlin", "the Kremlin", "Organization", None, "Russia", None, None),
    ],
    "statements": [
        (PESKOV_ST, "2025-06-03", "2025-06-03", "Dmitry Peskov", "Peskov says Moscow will study the proposal",
         "Occurred", PROP_A, "Umerov proposes a third round", PESKOV_QUOTE),
        (ZELENSKY_ST, "2025-07-19", "2025-07-19", "Volodymyr Zelensky", "Zelensky's evening address",
         "Occurred", None, None, ZELENSKY_QUOTE),
    ],
    "evidence": [
        (ACTOR + "rustem-umerov", "Rustem Umerov", "a-istanbul", "228", "258", "Defence Minister Rustem Umerov"),
        (ACTOR + "rustem-umerov", "Rustem Umerov", "b-address", "176", "245", f"Rustem Umerov, {NSDC}"),
        (ACTOR + "volodymyr-zelensky", "Volodymyr Zelensky", "b-address", "70", "138", ZELENSKY_QUOTE),
        (AGREEMENT, "Agreement to exchange prisoners", "a-istanbul", "188", "226",
         "The sides agreed to exchange prisoners"),
        (NEXT, "Next round of talks", "b-address", "247", "289", PROP_B_QUOTE),
        (R2, R2_LABEL, "a-istanbul", "95", "186",
         "Russian delegations on June 2 held their second round of talks at Istanbul's Çırağan Palace"),
        (R3, "Third round of talks", "a-istanbul", "265", "317", PROP_A_QUOTE),
        (EXCHANGE, "Exchange of prisoners", "a-istanbul", "208", "226", "exchange prisoners"),
        (PROP_A, "Umerov proposes a third round", "a-istanbul", "265", "317", PROP_A_QUOTE),
        (PROP_B, "Umerov proposes a new round", "b-address", "247", "289", PROP_B_QUOTE),
        (PESKOV_ST, "Peskov says Moscow will study the proposal", "a-istanbul", "319", "403", PESKOV_QUOTE),
        (ZELENSKY_ST, "Zelensky's evening address", "b-address", "70", "138", ZELENSKY_QUOTE),
        (SUMMIT, "Meeting of leaders", "b-address", "144", "174", "a meeting of leaders is needed"),
    ],
}


def timeline_order(row: tuple) -> tuple:
    """The order timeline.rq documents, computed here with Python's own MD5: undated
    last, by begin (or end), end and type, then the first 12 hex digits of the MD5
    of the event IRI, then the other columns (an unbound value sorts first)."""
    event, type_, label, begin, end, timex, status, places, actors = row
    undated = begin is None and end is None
    rest = tuple(v or "" for v in (label, timex, status, places, actors))
    return (undated, begin or end or "", begin or "", end or "", type_,
            hashlib.md5(event.encode("utf-8")).hexdigest()[:12], event) + rest


def test_timeline_order_is_chronological_then_by_type() -> None:
    ordered = sorted(EXPECTED["timeline"], key=timeline_order)
    # the dated events keep the order they were written in, undated last, by type
    assert ordered[:5] == EXPECTED["timeline"][:5]
    assert [r[1] for r in ordered[5:]] == ["PrisonerExchange", "Proposal", "Proposal", "Summit"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows_on_the_small_graph(store: ox.Store, dataset: Dataset, name: str) -> None:
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    rows = run_oxigraph(store, text)
    expected = EXPECTED[name]
    if name == "timeline":
        assert sorted(rows, key=repr) == sorted(expected, key=repr)
        expected = sorted(expected, key=timeline_order)
    assert rows == expected
    # the same rows, in the same order, from another engine
    assert run_rdflib(dataset, text) == rows


def test_evidence_spans_match_the_source_texts(store: ox.Store) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CASE.glob("*.txt")}
    rows = run_oxigraph(store, (QUERIES_DIR / "evidence.rq").read_text(encoding="utf-8"))
    for _node, _label, doc, begin, end, text in rows:
        assert texts[doc][int(begin):int(end)] == text


def test_evidence_query_takes_one_node_through_values(store: ox.Store) -> None:
    text = (QUERIES_DIR / "evidence.rq").read_text(encoding="utf-8")
    assert "VALUES ?node { UNDEF }" in text
    one = text.replace("VALUES ?node { UNDEF }", f"VALUES ?node {{ <{R2}> }}")
    assert [row[0] for row in run_oxigraph(store, one)] == [R2]


def test_queries_read_only_the_consolidated_view() -> None:
    """Without the consolidated graph, the document graphs alone give no rows."""
    s = ox.Store()
    s.load(path=str(CASE / "input.trig"), format=ox.RdfFormat.TRIG)
    s.remove_graph(ox.NamedNode(BASE + "graph/current"))
    for path in QUERIES:
        assert run_oxigraph(s, path.read_text(encoding="utf-8")) == [], path.stem
