"""Many documents, one story: the development corpus reconciled across documents.

Two sources of records for the corpus (``seeds/`` and ``tests/corpus/*.txt``):

* the gold annotations (``tests/corpus/gold/*.json``) read as extraction
  records, so the cross-document rules are tested on the corpus's real facts
  independently of extraction quality;
* the extraction stage itself (``kg.extract.extract_many``, marked slow), which
  skips while the stage extracts no events yet.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.load import load_paths
from kg.records import Actor, Event, Extraction, Mention, TimeValue
from kg.reconcile import reconcile
from kg.store import add_documents, as_of_store, open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "seeds", ROOT / "tests" / "corpus"]
GOLD = ROOT / "tests" / "corpus" / "gold"
SEED = "000_5ff86238f25741d4"
ROUND3 = "004_istanbul_round3"


def _time(e: dict) -> TimeValue | None:
    b, x = e.get("begin"), e.get("end")
    if b is None and x is None:
        return None
    b = date.fromisoformat(b) if b else None
    x = date.fromisoformat(x) if x else None
    return TimeValue(e.get("timex") or "", e.get("timex"), b, x, "day" if b and b == x else "range")


def gold_extractions() -> list[Extraction]:
    """The gold files as extraction records (evidence found in the text where it is)."""
    docs = {d.id: d for d in load_paths(CORPUS)}
    out = []
    for path in sorted(GOLD.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        doc = docs[g["doc"]]
        proposes = {}
        for p in g.get("proposals", []):
            proposes.setdefault(p["by"], p["proposes"])

        def mention(text):
            i = doc.text.find(text) if text else -1
            return (Mention(doc.id, i, i + len(text), text),) if i >= 0 else ()

        events = []
        for e in g["events"]:
            place = e.get("place")
            place = place[0] if isinstance(place, list) else place
            kw = {}
            if e["type"] == "Proposal":
                by = [a for a in e.get("actors", []) if a in proposes]
                if by:
                    kw = {"proposed_by": (by[0],), "proposes": proposes.pop(by[0])}
            events.append(Event(e["key"], e["type"], e["key"], e["status"], time=_time(e),
                                place=place, round=e.get("round"), actors=tuple(e.get("actors", ())),
                                mentions=mention(e.get("evidence")), **kw))
        actors = [Actor(a["name"], a["type"], tuple(a.get("aliases", ())), title=a.get("title"),
                        affiliation=a.get("affiliation")) for a in g["actors"]]
        out.append(Extraction(doc, actors=tuple(actors), events=tuple(events)))
    return out


ROUNDS = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?n ?b ?status ?place WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph .
  ?e a nkg:NegotiationRound ; nkg:status ?status .
  OPTIONAL { ?e nkg:roundNumber ?n } OPTIONAL { ?e sem:hasEarliestBeginTimeStamp ?b }
  OPTIONAL { ?e sem:hasPlace/rdfs:label ?place } } }"""


def _rounds(store: ox.Store) -> list[tuple]:
    rows = [(r["n"] and int(r["n"].value), r["b"] and r["b"].value,
             r["status"].value.rsplit("#", 1)[1], r["place"] and r["place"].value,
             r["e"].value) for r in store.query(ROUNDS)]
    return sorted(rows, key=lambda r: (r[0] or 0, r[1] or "", r[4]))


def _current(store) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, store.current)}


@pytest.fixture(scope="module")
def gold():
    return gold_extractions()


def test_every_order_gives_the_same_consolidated_graph(tmp_path, gold):
    orders = [gold, list(reversed(gold))] + [random.Random(s).sample(gold, len(gold)) for s in (1, 2, 3)]
    graphs = []
    for i, order in enumerate(orders):
        with open_store(tmp_path / str(i)) as store:
            for x in order:  # one document at a time: incremental after the first
                add_documents(store, [x])
            graphs.append(_current(store))
    for g in graphs[1:]:
        assert g == graphs[0], (sorted(map(str, g - graphs[0]))[:5], sorted(map(str, graphs[0] - g))[:5])


def test_istanbul_rounds_of_2025_are_three_nodes(tmp_path, gold):
    with open_store(tmp_path) as store:
        add_documents(store, gold)
        rounds = [r for r in _rounds(store.oxigraph) if r[1] and r[1].startswith("2025") and r[3] == "Istanbul"]
        assert [(n, b, s) for n, b, s, _, _ in rounds] == [
            (1, "2025-05-16", "Occurred"), (2, "2025-06-02", "Occurred"), (3, "2025-07-23", "Occurred")]
        # the 2022 rounds stay apart: three in Belarus, one in Istanbul, none merged with 2025
        old = [r for r in _rounds(store.oxigraph) if r[1] and r[1].startswith("2022")]
        assert [(n, b, p) for n, b, _, p, _ in old if p == "Belarus"] == [
            (1, "2022-02-28", "Belarus"), (2, "2022-03-03", "Belarus"), (3, "2022-03-07", "Belarus")]
        assert not {r[4] for r in old} & {r[4] for r in rounds}


def test_seed_and_third_round_article(tmp_path, gold):
    pair = [x for x in gold if x.document.id in (SEED, ROUND3)]
    view = reconcile(pair)
    third = view.event_of(ROUND3, "istanbul-round-3")
    assert view.event_of(SEED, "next-round") is third
    assert (third.status, third.round, third.place) == ("Occurred", 3, "Istanbul")
    assert (third.time.earliest, third.time.latest) == (date(2025, 7, 23), date(2025, 7, 23))
    assert [c.id for c in third.realizes] == [f"{SEED}#next-round"]
    assert third.sources == (SEED, ROUND3)
    with open_store(tmp_path) as store:
        add_documents(store, pair)
        realized = [(r["p"].value, r["r"].value) for r in store.query(
            "PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#> "
            "SELECT ?p ?r WHERE { GRAPH ?g { ?g a nkg:ConsolidatedGraph . ?p nkg:realizedBy ?r } }")]
        assert len(realized) == 1 and realized[0][0].endswith(f"/doc/{SEED}/next-round")
        third_rounds = [r for r in _rounds(store.oxigraph) if r[0] == 3]
        assert [(n, b, s, p) for n, b, s, p, _ in third_rounds] == [(3, "2025-07-23", "Occurred", "Istanbul")]


def test_as_of_seed_date_shows_the_next_round_proposed(tmp_path, gold):
    with open_store(tmp_path) as store:
        add_documents(store, gold)
        then = _rounds(as_of_store(store, date(2025, 7, 20)))
        assert [(n, s) for n, b, s, p, e in then if e.endswith(f"{SEED}/next-round")] == [(None, "Proposed")]
        assert not [r for r in then if r[1] == "2025-07-23"]  # the third round not yet held
        now = _rounds(store.oxigraph)
        assert not [r for r in now if r[4].endswith(f"{SEED}/next-round")]  # shown once, as round 3


def test_umerov_is_one_person_whose_title_changed(gold):
    view = reconcile(gold)
    [umerov] = [a for a in view.actors if a.name == "Rustem Umerov"]
    assert umerov.title == "Secretary of the National Security and Defense Council"
    assert {t for _, _, t in umerov.titles} == {
        "Defence Minister of Ukraine", "Secretary of the National Security and Defense Council"}
    [zelenskyy] = [a for a in view.actors if "Zelensky" in a.aliases]
    assert zelenskyy.name == "Volodymyr Zelenskyy"


@pytest.fixture(scope="module")
def extracted(dev_extractions):
    xs = list(dev_extractions)
    assert sorted(x.document.id for x in xs) == sorted(d.id for d in load_paths(CORPUS))
    assert all(x.events for x in xs), [x.document.id for x in xs if not x.events]
    return xs


@pytest.mark.slow
def test_extracted_corpus_in_every_order(tmp_path, extracted):
    orders = [extracted, list(reversed(extracted))]
    orders += [random.Random(s).sample(extracted, len(extracted)) for s in (1, 2, 3)]
    graphs = []
    for i, order in enumerate(orders):
        with open_store(tmp_path / str(i)) as store:
            for x in order:
                add_documents(store, [x])
            graphs.append(_current(store))
    assert all(g == graphs[0] for g in graphs[1:])


@pytest.mark.slow
def test_extracted_corpus_merges_the_rounds(tmp_path, extracted):
    with open_store(tmp_path) as store:
        add_documents(store, extracted)
        rounds = [r for r in _rounds(store.oxigraph)
                  if r[1] and r[1].startswith("2025") and r[3] == "Istanbul"]
        assert [(n, b, s) for n, b, s, _, _ in rounds] == [
            (1, "2025-05-16", "Occurred"), (2, "2025-06-02", "Occurred"), (3, "2025-07-23", "Occurred")]
        old = {r[4] for r in _rounds(store.oxigraph) if r[1] and r[1].startswith("2022")}
        assert old and not old & {r[4] for r in rounds}  # the 2022 rounds stay apart
        realized = [r["p"].value for r in store.query(
            "PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#> SELECT ?p WHERE { GRAPH ?g {"
            " ?g a nkg:ConsolidatedGraph . ?p nkg:realizedBy ?r . ?r nkg:roundNumber 3 } }")]
        assert any(f"/doc/{SEED}/" in p for p in realized)  # the seed's proposed next round
        then = _rounds(as_of_store(store, date(2025, 7, 20)))
        assert [s for n, b, s, p, e in then if f"/doc/{SEED}/" in e] == ["Proposed"]


@pytest.mark.slow
def test_extracted_seed_and_third_round_article(extracted):
    view = reconcile([x for x in extracted if x.document.id in (SEED, ROUND3)])
    [third] = [e for e in view.events if e.kind == "NegotiationRound" and e.round == 3]
    assert (third.status, third.place, third.time.earliest) == ("Occurred", "Istanbul", date(2025, 7, 23))
    assert [c.doc_id for c in third.realizes] == [SEED]
    assert [e for e in view.events if e.kind == "NegotiationRound" and e.status == "Proposed"] == []
