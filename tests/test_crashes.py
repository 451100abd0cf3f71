"""Crash classes seen on real news, fixed at the root (issue 10, section 2).

Each test builds an article of our own wording with the shape of text that
stopped a build: the build now publishes it, conforms to the shapes and names
no failed document.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kg.records import Document, Event, Extraction, TimeValue
from kg.rdf.io import load_graph
from kg.rdf.query import select

ROOT = Path(__file__).resolve().parent.parent


def build_one(tmp_path: Path, name: str, text: str):
    from kg.pipeline import build

    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    result = build([path], out=tmp_path / "out", strict=True)  # strict: any failure raises
    return result, load_graph(tmp_path / "out")


def extract_one(text: str, name: str = "t") -> Extraction:
    from kg.extract import extract_many
    from kg.load import parse_document

    doc = parse_document(text, doc_id=name, source=f"{name}.txt", sha256="0")
    (x,) = extract_many([doc])
    return x


# 1. a statement whose medium comes before its speaker -------------------------
MEDIUM_FIRST = (" date 2024-09-12\nHarbour talks resume\n(Lakeside Courier) Tomas Aberg, who leads the "
                "Swedish delegation, reached Tallinn on Tuesday for a new session with Estonian "
                "officials. In a televised address, Aberg turned to the fishing quotas.\n")


@pytest.mark.slow
def test_a_speaker_named_after_the_medium_gets_a_forward_evidence_span(tmp_path):
    x = extract_one(MEDIUM_FIRST)
    statements = [e for e in x.events if e.kind == "Statement"]
    assert statements
    for e in x.events:
        for m in e.mentions:
            assert m.start < m.end and MEDIUM_FIRST[m.start:m.end] == m.text, (e.key, m)
    spans = [m.text for e in statements for m in e.mentions]
    assert any("address" in s and "Aberg" in s for s in spans), spans
    result, _ = build_one(tmp_path, "medium", MEDIUM_FIRST)
    assert result.failed == ()


def test_an_empty_evidence_span_is_an_internal_error_not_bad_input():
    import spacy

    from kg.errors import ExtractionError, LoadError
    from kg.extract.events import _Ctx

    nlp = spacy.blank("en")
    sdoc = nlp("One two three.")
    doc = Document(id="d", source="d.txt", text="One two three.", sha256="0")
    ctx = _Ctx.__new__(_Ctx)
    ctx.doc, ctx.document, ctx.off = sdoc, doc, 0
    assert ctx.mention(0, 2).text == "One two"
    with pytest.raises(ExtractionError) as err:
        ctx.mention(2, 2)
    assert not isinstance(err.value, LoadError)


# 2. a body or a title whose country the text never names ----------------------
UNNAMED_AFFILIATION = (" date 2024-10-03\nCanal dispute goes to mediators\n(Isthmus Daily) Secretary of "
                       "State Lena Marsh said on Wednesday that mediators would host both sides in "
                       "Montevideo next month. The United Nations Security Council welcomed the move, "
                       "and Marsh praised its members for their support.\n")


@pytest.mark.slow
def test_an_affiliation_the_text_never_names_is_not_published_as_a_link(tmp_path):
    x = extract_one(UNNAMED_AFFILIATION)
    names = {a.name for a in x.actors}
    assert any(a.kind == "Organization" and "Security Council" in a.name for a in x.actors)
    for a in x.actors:
        assert a.affiliation is None or a.affiliation in names, a
    for e in x.events:
        for n in (*e.actors, *e.proposed_by):
            assert n in names, (e.key, n)
    result, graph = build_one(tmp_path, "unnamed", UNNAMED_AFFILIATION)
    assert result.failed == ()
    rows = select(graph, "SELECT ?a ?b WHERE { GRAPH ?g { ?a nkg:affiliatedWith ?b "
                         "FILTER NOT EXISTS { ?b a ?class } } }")
    assert rows == []


# 3. a publication known to the month only --------------------------------------
MONTH_ONLY = (" date 2024-03\nBorder commission meets\n(Andes Monitor) Surveyors from Bolivia and "
              "Paraguay met in Asuncion on Thursday to mark the disputed stretch of the border.\n")


def test_a_month_only_header_is_accepted_with_month_precision():
    from kg.load import parse_document

    doc = parse_document(MONTH_ONLY, doc_id="m", source="m.txt", sha256="0", date=date(2024, 3, 9))
    assert (doc.published, doc.published_period) == (None, "2024-03")
    assert doc.title == "Border commission meets"
    assert doc.body.startswith("(Andes Monitor)") is False and doc.publisher == "Andes Monitor"


@pytest.mark.parametrize("header", [" date 2024-13", " date 2024-3", " date 2024-00", " date 202"])
def test_a_malformed_month_is_still_refused(header):
    from kg.errors import LoadError
    from kg.load import parse_document

    with pytest.raises(LoadError, match="invalid header date"):
        parse_document(header + "\nTitle\nBody.", doc_id="m", source="m.txt", sha256="0")


@pytest.mark.slow
def test_a_month_only_article_publishes_its_month_and_invents_no_day(tmp_path):
    result, graph = build_one(tmp_path, "month", MONTH_ONLY)
    assert result.failed == ()
    rows = select(graph, "SELECT DISTINCT ?d WHERE { GRAPH ?g { ?doc dcterms:issued ?d } }")
    assert [(r["d"].value, r["d"].datatype.value) for r in rows] == [
        ("2024-03", "http://www.w3.org/2001/XMLSchema#gYearMonth")]
    # "on Thursday" has no day to count from: no event gets a day from it
    days = select(graph, "SELECT ?e ?b WHERE { GRAPH ?g { ?e sem:hasEarliestBeginTimeStamp ?b } }")
    assert days == []
    listed = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert listed["failed"] == []


# 4. two articles numbering different talks the same round ----------------------
def _claim_doc(doc_id, published, place, day):
    t = TimeValue(day.isoformat(), day.isoformat(), day, day, "day")
    ev = Event(key="r2", kind="NegotiationRound", label="Second round", status="Occurred", time=t,
               place=place, round=2, track="chile-peru-2024")
    doc = Document(id=doc_id, source=f"{doc_id}.txt", text="", sha256=doc_id, published=published)
    return Extraction(doc, events=(ev,))


def test_one_round_told_with_another_date_and_place_is_one_node_with_conflicts():
    from kg.reconcile import reconcile

    a = _claim_doc("spring", date(2024, 4, 20), "Lima", date(2024, 4, 15))
    b = _claim_doc("autumn", date(2024, 10, 2), "Santiago", date(2024, 9, 28))
    view = reconcile([a, b])
    (round2,) = [e for e in view.events if e.round == 2]
    assert sorted(c.prop for c in round2.conflicts) == ["place", "time"]
    assert (round2.time.earliest, round2.time.latest) == (date(2024, 4, 15), date(2024, 9, 28))
    assert round2.place == "Santiago"  # the latest factual claim


def test_the_two_claims_of_one_round_build_a_graph_that_conforms(tmp_path):
    from kg.pipeline import build

    xs = {"spring": _claim_doc("spring", date(2024, 4, 20), "Lima", date(2024, 4, 15)),
          "autumn": _claim_doc("autumn", date(2024, 10, 2), "Santiago", date(2024, 9, 28))}
    paths = []
    for name, x in xs.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(f" date {x.document.published.isoformat()}\nTalks\nBody.\n", encoding="utf-8")
        paths.append(path)

    def claims(docs):
        from dataclasses import replace

        for d in docs:
            yield replace(xs[d.id], document=d)

    result = build(paths, out=tmp_path / "out", extract=claims, strict=True)
    assert result.failed == ()
    rows = select(load_graph(tmp_path / "out"), """
        SELECT ?e (COUNT(DISTINCT ?end) AS ?ends) WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph .
          ?e a nkg:NegotiationRound ; sem:hasLatestEndTimeStamp ?end } } GROUP BY ?e""")
    assert [int(r["ends"].value) for r in rows] == [1]
    conflicts = select(load_graph(tmp_path / "out"), """
        SELECT ?c WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph . ?c a nkg:Conflict } }""")
    assert len(conflicts) >= 2  # the date and the place, flagged with their sources


def test_one_name_given_two_actor_classes_by_two_articles_is_one_actor_that_conforms(tmp_path):
    """A one-word movement that one text takes for a person and two others for an
    organization: one node (its IRI is its name) of one class, the class most give."""
    from dataclasses import replace

    from kg.pipeline import build
    from kg.records import Actor

    kinds = {"north": "Organization", "south": "Person", "west": "Organization"}
    paths = []
    for i, name in enumerate(kinds):
        path = tmp_path / f"{name}.txt"
        path.write_text(f" date 2024-05-{10 + i}\nTalks\nBody.\n", encoding="utf-8")
        paths.append(path)

    def claims(docs):
        for d in docs:
            yield Extraction(d, actors=(Actor("Velmora", kinds[d.id]),))

    result = build(paths, out=tmp_path / "out", extract=claims, strict=True)
    assert result.failed == ()
    rows = select(load_graph(tmp_path / "out"), """
        SELECT ?a ?t WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph . ?a a ?t ; rdfs:label "Velmora" }
          FILTER (STRSTARTS(STR(?t), STR(nkg:))) }""")
    assert [r["t"].value.rsplit("#", 1)[1] for r in rows] == ["Organization"]


@pytest.mark.slow
def test_the_riyadh_article_builds_with_the_seed(tmp_path):
    from kg.pipeline import build

    result = build([ROOT / "seeds", ROOT / "tests" / "corpus_extra" / "108_riyadh_black_sea.txt"],
                   out=tmp_path / "out", strict=True)
    assert result.failed == () and result.stats.documents == 2


def test_a_feed_row_known_to_the_year_only_is_read_with_year_precision(tmp_path):
    from kg.load import load_paths

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "y", "text": "Envoys met in Quito.", "published": "2023"}\n'
                    '{"id": "m", "text": "Envoys met in Quito.", "published": "2023-11"}\n'
                    '{"id": "d", "text": "Envoys met in Quito.", "published": "2023-11-04"}\n',
                    encoding="utf-8")
    got = [(d.id, d.published, d.published_period) for d in load_paths([feed])]
    assert got == [("y", None, "2023"), ("m", None, "2023-11"), ("d", date(2023, 11, 4), None)]


def test_the_graph_says_a_year_as_a_year(tmp_path):
    from kg.pipeline import build

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "y", "text": "Envoys met in Quito.", "published": "2023"}\n', encoding="utf-8")
    build([feed], out=tmp_path / "out", nlp=False, strict=True)
    rows = select(load_graph(tmp_path / "out"), "SELECT DISTINCT ?d WHERE { GRAPH ?g { ?doc dcterms:issued ?d } }")
    assert [(r["d"].value, r["d"].datatype.value) for r in rows] == [
        ("2023", "http://www.w3.org/2001/XMLSchema#gYear")]


# 5. one name spelled with and without its accents -------------------------------
TWO_SPELLINGS = (" date 2024-06-12\nRiver treaty talks\n(Valley Times) The mediator, Rosa Ibáñez, opened a "
                 "new round of water talks between Bolivia and Chile in La Paz on Tuesday. Rosa Ibanez, "
                 "who has led the mediation since March, said both sides had made concessions.\n")


@pytest.mark.slow
def test_two_spellings_of_one_name_are_one_actor(tmp_path):
    x = extract_one(TWO_SPELLINGS)
    people = [a for a in x.actors if a.kind == "Person"]
    assert [a.name for a in people] == ["Rosa Ibáñez"]
    assert "Rosa Ibanez" in people[0].aliases and len(people[0].mentions) == 2
    result, graph = build_one(tmp_path, "spellings", TWO_SPELLINGS)
    assert result.failed == ()
    rows = select(graph, "SELECT ?a (COUNT(DISTINCT ?l) AS ?n) WHERE { GRAPH ?g { ?a a nkg:Person ; "
                         "rdfs:label ?l } } GROUP BY ?a")
    assert [int(r["n"].value) for r in rows] == [1]


# 6. one session told twice, with two different time expressions -------------------
TOLD_TWICE = (" date 2024-06-12\nTrade talks resume\n(Valley Times) Negotiators from Chile and Peru are set "
              "to resume their talks this morning in Geneva after a tense week. A Chilean official said "
              "the talks in Geneva scheduled for today were the last chance for a deal.\n")


@pytest.mark.slow
def test_one_session_told_twice_builds_a_graph_that_conforms(tmp_path):
    result, graph = build_one(tmp_path, "twice", TOLD_TWICE)
    assert result.failed == ()
    rows = select(graph, "SELECT ?i (COUNT(DISTINCT ?t) AS ?n) WHERE { GRAPH ?g { ?i nkg:timex ?t } } "
                         "GROUP BY ?i")
    assert rows and all(int(r["n"].value) == 1 for r in rows)


def test_events_that_share_a_day_and_place_but_disagree_keep_apart(tmp_path):
    """Two events of one document that would be minted the same IRI keep IRIs of
    their document, in its graph and in the consolidated one."""
    from kg.extract import own_iris
    from kg.pipeline import build

    day = date(2024, 6, 12)
    morning = TimeValue("this morning", "2024-06-12TMO", day, day, "day")
    today = TimeValue("today", "2024-06-12", day, day, "day")
    events = (Event("a", "Meeting", "", "Planned", time=morning, place="Geneva"),
              Event("b", "Meeting", "", "Occurred", time=today, place="Geneva"))
    path = tmp_path / "one.txt"
    path.write_text(" date 2024-06-12\nTalks\nBody.\n", encoding="utf-8")

    assert [e.own_iri for e in own_iris(events)] == [True, True]

    def two_records(docs):
        for d in docs:
            yield Extraction(d, events=own_iris(events))

    result = build([path], out=tmp_path / "out", extract=two_records, strict=True)
    assert result.failed == ()
    rows = select(load_graph(tmp_path / "out"), """
        SELECT ?e ?s WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph . ?e a nkg:Meeting ; nkg:status ?s } }""")
    assert len(rows) == 2 and len({r["e"] for r in rows}) == 2
    assert all("/doc/one/" in r["e"].value for r in rows)


# 7. "agree" with nothing agreed: a question or a heading -----------------------------
NOTHING_AGREED = (" date 2023-05-17\nGrain corridor talks\n(Delta Herald) Envoys of Egypt and Sudan met in "
                  "Khartoum on Monday and agreed to extend the grain corridor by six months.\n\n"
                  "So what did the two governments agree to?\n\nTHE SIDES AGREE TO:\n"
                  "- joint customs checks\n- a monthly review\n")


@pytest.mark.slow
def test_agree_with_nothing_agreed_makes_no_agreement(tmp_path):
    x = extract_one(NOTHING_AGREED)
    labels = [a.label for a in x.agreements]
    assert any("grain corridor" in label for label in labels), labels
    assert all(label.strip() and label.lower() not in ("what", "agree") for label in labels), labels
    question = NOTHING_AGREED.index("So what did")
    assert not [m for a in x.agreements for m in a.mentions if question <= m.start < question + 40]
    result, _ = build_one(tmp_path, "nothing", NOTHING_AGREED)
    assert result.failed == ()
