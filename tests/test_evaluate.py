"""Tests of kg.evaluate: every scoring rule of domain model §4 on hand-written cases,
the graph reader on a hand-written TriG, and perfect predictions built from the
real gold files going through the whole matcher."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import LoadError, RdfError, UsageError
from kg.evaluate import (
    METRICS,
    GoldActor,
    GoldAgreement,
    GoldDoc,
    GoldEvent,
    GoldProposal,
    GoldTimex,
    PredictedActor,
    PredictedAgreement,
    PredictedDoc,
    PredictedEvent,
    PredictedProposal,
    PredictedTimex,
    document_ids,
    evaluate,
    evaluate_store,
    format_errors,
    format_table,
    load_gold,
    load_golds,
    match_events,
    predictions_from_extraction,
    predictions_from_store,
    score_document,
    to_json,
)
from kg.rdf.io import load_graph
from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

HERE = Path(__file__).parent
GOLD_DIR = HERE / "corpus" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
SMALL = HERE / "cases" / "eval-small"

D1, D2, D3, D4 = date(2025, 3, 1), date(2025, 3, 2), date(2025, 3, 3), date(2025, 3, 4)

ACTORS = (
    GoldActor("Volodymyr Zelenskyy", "Person", ("Zelensky", "Zelenskyy")),
    GoldActor("Ukraine", "Country", ("Kyiv", "Kiev")),
    GoldActor("Russia", "Country", ("Moscow",)),
    GoldActor("Türkiye", "Country", ("Turkey",)),
)


def gev(key, type="NegotiationRound", status="Occurred", begin=None, end=None, **kw):
    return GoldEvent(key, type, status, begin, end, **kw)


def pev(iri, type="NegotiationRound", status="Occurred", begin=None, end=None, **kw):
    return PredictedEvent(type, status, begin, end, iri=iri, **kw)


def gold(*events, **kw):
    kw.setdefault("actors", ACTORS)
    return GoldDoc("d", events=tuple(events), **kw)


def pred(*events, **kw):
    return PredictedDoc("d", events=tuple(events), **kw)


def pairs(p, g):
    return {(x.gold_key, x.iri) for x in score_document(p, g).pairs}


# ------------------------------------------------------------------ admissibility
def test_types_must_agree():
    s = score_document(pred(pev("p", "Meeting", begin=D1, end=D1)),
                       gold(gev("g", "NegotiationRound", begin=D1, end=D1)))
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 1, 1)
    assert s.misses[0].why == "no predicted NegotiationRound"


@pytest.mark.parametrize(
    "pb, pe, gb, ge, ok",
    [
        (D1, D1, D1, D1, True),  # same day
        (D1, D3, D2, D2, True),  # predicted range contains the gold day
        (D2, D2, D1, D3, True),  # gold range contains the predicted day
        (D1, D2, D2, D4, True),  # ranges touch on one day
        (D1, D1, D2, D2, False),  # different days
        (D3, D4, D1, D2, False),  # predicted after gold
        (None, None, D1, D1, False),  # nothing predicted: no match for a dated gold event
        (None, None, None, D1, False),  # ... nor for one with a single bound
        (D1, D1, None, None, True),  # gold unknown: open on both sides
        (None, None, None, None, True),  # both unknown
        (None, D1, D2, D2, False),  # predicted ends before gold begins
        (None, D3, D2, D2, True),  # open begin, end after gold
        (D3, None, None, D2, False),  # predicted begins after gold's last day
        (D1, None, None, D2, True),
    ],
)
def test_dates_must_overlap_with_missing_bounds_open(pb, pe, gb, ge, ok):
    s = score_document(pred(pev("p", begin=pb, end=pe)), gold(gev("g", begin=gb, end=ge)))
    assert (s.events.tp == 1) is ok


def test_an_undated_prediction_matches_a_dated_gold_event_only_in_the_lenient_reading():
    p, g = pred(pev("p")), gold(gev("g", begin=D1, end=D1))
    strict = score_document(p, g)
    assert (strict.events.tp, strict.events.fp, strict.events.fn) == (0, 1, 1)
    assert "dates" in strict.misses[0].why
    lenient = score_document(p, g, undated_matches_any=True)
    assert (lenient.events.tp, lenient.events.fp, lenient.events.fn) == (1, 0, 0)
    assert lenient.exact_dates.value == 0.0  # matched, but its dates are wrong
    assert evaluate([g], [p]).macro["event_f1"] == 0.0
    report = evaluate([g], [p], undated_matches_any=True)
    assert report.macro["event_f1"] == 1.0 and report.undated_matches_any
    assert "lenient dates" in format_table(report) and "lenient" not in format_table(evaluate([g], [p]))


def test_place_from_a_list_case_and_diacritics_insensitive():
    g = gold(gev("g", begin=D1, end=D1, place=("Dolmabahçe Palace", "Istanbul")))
    for place, ok in [("istanbul", True), ("Dolmabahce palace", True), ("DOLMABAHÇE PALACE", True),
                      (None, True), ("Ankara", False), ("Istanbul Airport", False)]:
        s = score_document(pred(pev("p", begin=D1, end=D1, place=place)), g)
        assert (s.events.tp == 1) is ok, place
    s = score_document(pred(pev("p", begin=D1, end=D1, place="Ankara")), g)
    assert "place" in s.misses[0].why


def test_no_gold_place_accepts_any_predicted_place():
    s = score_document(pred(pev("p", place="Geneva")), gold(gev("g")))
    assert s.events.tp == 1


def test_round_number_must_agree_when_both_given():
    g = gold(gev("g", round=2))
    assert score_document(pred(pev("p", round=2)), g).events.tp == 1
    assert score_document(pred(pev("p", round=None)), g).events.tp == 1
    s = score_document(pred(pev("p", round=3)), g)
    assert s.events.tp == 0 and "round" in s.misses[0].why
    assert score_document(pred(pev("p", round=3)), gold(gev("g"))).events.tp == 1


# ------------------------------------------------------------------ matching
def test_matching_is_optimal_not_greedy():
    # p1 fits both gold rounds, p2 only the first; a greedy pass that gives p1 the
    # first round would leave p2 unmatched.
    g = gold(gev("a", begin=D1, end=D1), gev("b", begin=D3, end=D3))
    p = pred(pev("p1", begin=D1, end=D3, evidence=("talks",)), pev("p2", begin=D1, end=D1))
    assert pairs(p, g) == {("a", "p2"), ("b", "p1")}


def test_matching_is_one_to_one():
    g = gold(gev("a", begin=D1, end=D1))
    s = score_document(pred(pev("p1", begin=D1, end=D1), pev("p2", begin=D1, end=D1)), g)
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 1, 0)
    assert len(s.false_hits) == 1


def test_ties_are_broken_by_evidence_dates_and_status():
    g = gold(gev("a", "Statement", evidence="Peskov told reporters on Monday"),
             gev("b", "Statement", evidence="the president said in a video address"))
    p = pred(pev("x", "Statement", evidence=("in a video address the president said",)),
             pev("y", "Statement", evidence=("Peskov told reporters",)))
    assert pairs(p, g) == {("a", "y"), ("b", "x")}
    g = gold(gev("a", "Summit", "Proposed"), gev("b", "Summit", "Occurred", begin=D2, end=D2))
    p = pred(pev("x", "Summit", "Occurred", begin=D2, end=D2), pev("y", "Summit", "Proposed"))
    assert pairs(p, g) == {("a", "y"), ("b", "x")}


def test_match_events_returns_index_pairs_deterministically():
    golds = [gev(k) for k in "abc"]
    preds = [pev(k) for k in "xyz"]
    first = match_events(preds, golds)
    assert len(first) == 3 and all(first == match_events(preds, golds) for _ in range(5))


# ------------------------------------------------------------------ optional events
def test_optional_gold_neither_true_positive_nor_miss():
    g = gold(gev("req", "Meeting"), gev("opt", "Statement", optional=True))
    s = score_document(pred(pev("m", "Meeting"), pev("s", "Statement")), g)
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)
    s = score_document(pred(pev("m", "Meeting")), g)
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)
    assert s.misses == ()


def test_prediction_goes_to_the_required_gold_event_when_nothing_else_decides():
    g = gold(gev("opt", begin=D1, end=D1, optional=True), gev("req", begin=D1, end=D1))
    s = score_document(pred(pev("p", begin=D1, end=D1)), g)
    assert pairs(pred(pev("p", begin=D1, end=D1)), g) == {("req", "p")}
    assert (s.events.tp, s.events.fp, s.events.fn) == (1, 0, 0)


def test_optional_pairs_do_not_count_in_dates_status_or_actors():
    g = gold(gev("req", "Meeting", begin=D1, end=D1),
             gev("opt", "Statement", begin=D1, end=D1, actors=("Ukraine",), optional=True))
    s = score_document(pred(pev("m", "Meeting", begin=D1, end=D1),
                            pev("s", "Statement", "Planned", begin=None, end=D1)), g)
    assert s.exact_dates.total == 1 and s.exact_dates.value == 1.0
    assert s.status.value == 1.0
    assert s.event_actors.f1 is None  # the only counted pair has no actors on either side


def test_a_prediction_of_an_optional_event_does_not_stand_in_for_a_missed_one():
    g = gold(gev("req", "Statement", begin=D1, end=D1, evidence="the president said on Monday"),
             gev("opt", "Statement", end=D2, evidence="media outlets reported", optional=True))
    p = pred(pev("x", "Statement", end=D2, evidence=("media outlets reported",)))
    s = score_document(p, g)
    assert pairs(p, g) == {("opt", "x")}
    assert (s.events.tp, s.events.fp, s.events.fn) == (0, 0, 1)
    assert "matched other gold events" in s.misses[0].why


# ------------------------------------------------------------------ dates, status, fabrication
def test_exact_dates_and_status_over_matched_pairs():
    g = gold(gev("a", begin=D1, end=D1), gev("b", "Summit", "Proposed", begin=D1, end=D3),
             gev("c", "Meeting", begin=None, end=D2))
    p = pred(pev("x", begin=D1, end=D1),
             pev("y", "Summit", "Planned", begin=D1, end=D2),
             pev("z", "Meeting", "Occurred", begin=None, end=D2))
    s = score_document(p, g)
    assert (s.exact_dates.correct, s.exact_dates.total) == (2, 3)
    assert (s.status.correct, s.status.total) == (2, 3)
    assert s.fabricated == ()


def test_fabricated_bounds_are_date_errors_and_listed():
    g = gold(gev("a", "Statement", begin=None, end=D2), gev("b", "Summit", "Proposed"),
             gev("c", "Meeting", begin=None, end=D2, optional=True))
    p = pred(pev("x", "Statement", begin=D1, end=D2),
             pev("y", "Summit", "Proposed", begin=D3, end=D4),
             pev("z", "Meeting", begin=D1, end=D1))
    s = score_document(p, g)
    assert s.exact_dates.value == 0.0
    assert {(f.gold_key, f.bound, f.value) for f in s.fabricated} == {
        ("a", "begin", D1), ("b", "begin", D3), ("b", "end", D4), ("c", "begin", D1)}
    report = evaluate([g], [p])
    assert report.fabricated_total == 4
    assert "fabricated begin 2025-03-01 on a <x>" in format_errors(report)


def test_a_missing_bound_is_a_date_error_but_not_fabricated():
    s = score_document(pred(pev("x", begin=None, end=D2)), gold(gev("a", begin=D2, end=D2)))
    assert s.exact_dates.value == 0.0 and s.fabricated == ()


# ------------------------------------------------------------------ actors
def test_event_actors_compared_through_gold_aliases():
    g = gold(gev("a", actors=("Volodymyr Zelenskyy", "Ukraine", "Russia")))
    p = pred(pev("x", actors=("ZELENSKY", "Kyiv", "Belarus")))
    s = score_document(p, g)
    assert (s.event_actors.tp, s.event_actors.fp, s.event_actors.fn) == (2, 1, 1)
    assert s.event_actors.f1 == pytest.approx(2 / 3)


def test_document_actors_one_to_one_through_aliases():
    g = gold()
    p = pred(actors=(
        PredictedActor("Zelensky", "Person"),
        PredictedActor("Volodymyr Zelenskyy", "Person"),  # a second node for the same person
        PredictedActor("Turkiye", "Country"),  # diacritics-insensitive alias of Türkiye
        PredictedActor("President Zelensky's office", "Organization"),
        PredictedActor("Moskva", "Country", aliases=("Moscow",)),  # known by an alias
    ))
    s = score_document(p, g)
    assert (s.actors.tp, s.actors.fp, s.actors.fn) == (3, 2, 1)
    assert s.actor_misses == ("Ukraine",)
    assert "Zelensky (duplicate of Volodymyr Zelenskyy)" in s.actor_false_hits


# ------------------------------------------------------------------ agreements and proposals
def test_agreement_recall_through_the_event_matching():
    g = gold(gev("r1", begin=D1, end=D1), gev("r2", begin=D3, end=D3),
             agreements=(GoldAgreement("g1", "exchange", "r1", ("Ukraine", "Russia")),
                         GoldAgreement("g2", "corridors", "r1", ("Ukraine", "Russia")),
                         GoldAgreement("g3", "bodies", "r2", ()),
                         GoldAgreement("g4", "old accord", None, ("Ukraine", "Russia"),
                                       optional=True)))
    events = (pev("e1", begin=D1, end=D1), pev("e2", begin=D3, end=D3))
    # one predicted agreement at r1 recalls one of the two r1 agreements (one-to-one)
    s = score_document(pred(*events, agreements=(PredictedAgreement("Exchange", "e1", ()),)), g)
    assert (s.agreements.correct, s.agreements.total) == (1, 3)
    assert s.agreement_misses == ("g2", "g3")  # the label breaks the tie
    # reached at an event that matched a different gold event: no recall
    s = score_document(pred(*events, agreements=(PredictedAgreement("x", "e2", ()),
                                                 PredictedAgreement("y", "e9", ()))), g)
    assert (s.agreements.correct, s.agreements.total) == (1, 3)
    assert s.agreement_misses == ("g1", "g2")


def test_agreement_without_reached_at_recalled_by_parties():
    g = gold(agreements=(GoldAgreement("g", "accord", None, ("Ukraine", "Russia")),))
    ok = PredictedAgreement("accord", None, ("Kyiv", "Moscow", "Türkiye"))
    partial = PredictedAgreement("accord", None, ("Kyiv",))
    assert score_document(pred(agreements=(ok,)), g).agreements.value == 1.0
    assert score_document(pred(agreements=(partial,)), g).agreements.value == 0.0
    assert score_document(pred(), gold()).agreements.value is None


def test_proposal_recall_needs_proposer_and_proposed_event():
    g = gold(gev("next", begin=D2, end=D4, optional=True),
             gev("summit", "Summit", "Proposed"),
             proposals=(GoldProposal("Volodymyr Zelenskyy", "summit"),
                        GoldProposal("Ukraine", "next"),
                        GoldProposal("Russia", "next", optional=True)))
    events = (pev("n", begin=D3, end=D3), pev("s", "Summit", "Proposed"))
    good = pred(*events, proposals=(PredictedProposal(("Zelensky",), "s"),
                                    PredictedProposal(("Kyiv", "Moscow"), "n")))
    s = score_document(good, g)
    assert (s.proposals.correct, s.proposals.total) == (2, 2)
    wrong_by = pred(*events, proposals=(PredictedProposal(("Moscow",), "s"),))
    wrong_event = pred(*events, proposals=(PredictedProposal(("Zelensky",), "n"),))
    unmatched = pred(events[1], proposals=(PredictedProposal(("Kyiv",), "n"),))
    for p in (wrong_by, wrong_event, unmatched):
        assert score_document(p, g).proposals.correct == 0
    assert score_document(unmatched, g).proposal_misses == (
        ("Volodymyr Zelenskyy", "summit"), ("Ukraine", "next"))


# ------------------------------------------------------------------ timexes
def test_timex_accuracy_by_surface_text():
    g = gold(timexes=(GoldTimex("Saturday", "2025-07-19"), GoldTimex("next week", "2025-W30"),
                      GoldTimex("June 2", "2025-06-02"), GoldTimex("the same day", "2025-05-16"),
                      GoldTimex("three years", "P3Y", optional=True)))
    p = pred(timexes=(
        PredictedTimex("saturday", "2025-07-19"),  # exact text, any case
        PredictedTimex("week", "2025-W31"),  # contained, wrong value
        PredictedTimex("the session on June 2", "2025-06-02"),  # contains the gold text
        PredictedTimex("same", "2025-05-16"),  # contained as a word
        PredictedTimex("June 2", "2025-06-03"),  # an exact text wins over containment
    ))
    s = score_document(p, g)
    assert (s.timexes.correct, s.timexes.total) == (2, 4)
    assert {e.text: e.predicted for e in s.timex_errors} == {
        "next week": ("2025-W31",), "June 2": ("2025-06-03",)}


def test_timex_containment_is_by_whole_words():
    g = gold(timexes=(GoldTimex("May", "2025-05"),))
    assert score_document(pred(timexes=(PredictedTimex("Mayday", "2025-05"),)), g).timexes.value == 0
    assert score_document(pred(timexes=(PredictedTimex("in May", "2025-05"),)), g).timexes.value == 1


# ------------------------------------------------------------------ report
def test_macro_average_skips_undefined_metrics():
    ga = gold(gev("a", begin=D1, end=D1), gev("b", "Summit", "Proposed"))
    gb = replace(gold(gev("c", "Meeting")), doc_id="e")
    pa = pred(pev("x", begin=D1, end=D2), pev("y", "Summit", "Proposed"))
    pb = PredictedDoc("e", events=(pev("z", "Statement"),))
    r = evaluate([ga, gb], [pa, pb])
    a, b = r.documents
    assert a.metrics()["event_f1"] == 1.0 and b.metrics()["event_f1"] == 0.0
    assert r.macro["event_f1"] == 0.5
    assert b.metrics()["exact_date_accuracy"] is None  # no matched events in "e"
    assert r.macro["exact_date_accuracy"] == 0.5 and r.macro_documents["exact_date_accuracy"] == 1
    assert r.macro["timex_accuracy"] is None and r.macro_documents["timex_accuracy"] == 0
    table = format_table(r)
    assert table.splitlines()[3].split()[:5] == ["MACRO", "0.50", "0.50", "0.50", "0.50"]


def test_missing_and_unscored_predictions():
    g = gold(gev("a"))
    r = evaluate([g], {"other": PredictedDoc("other")})
    assert r.missing_predictions == ("d",) and r.unscored == ("other",)
    assert r.documents[0].events.fn == 1 and not r.documents[0].predicted
    assert "d*" in format_table(r)
    with pytest.raises(UsageError):
        evaluate([g, g], [])


def test_to_json_round_trips_through_json():
    g = gold(gev("a", begin=None, end=D2, evidence="talks"), gev("b", "Summit", "Proposed"))
    p = pred(pev("x", begin=D1, end=D2), pev("z", "Ceasefire", begin=D3, end=D3))
    data = json.loads(json.dumps(to_json(evaluate([g], [p]))))
    doc = data["documents"][0]
    assert doc["counts"]["events"] == {"tp": 1, "fp": 1, "fn": 1}
    assert doc["fabricated"] == [{"gold_key": "a", "iri": "x", "bound": "begin", "value": "2025-03-01"}]
    assert doc["misses"][0]["key"] == "b"
    assert doc["false_hits"][0]["begin"] == "2025-03-03"
    assert set(data["macro"]) == set(METRICS)


# ------------------------------------------------------------------ gold files
def test_load_gold_reads_every_corpus_file():
    golds = load_golds([GOLD_DIR])
    assert [g.doc_id for g in golds] == [f.stem for f in GOLD_FILES]
    seed = next(g for g in golds if g.doc_id.startswith("000_"))
    assert seed.published == date(2025, 7, 20)
    r2 = next(e for e in seed.events if e.key == "istanbul-round-2")
    assert (r2.place, r2.round, r2.begin) == (("Istanbul",), 2, date(2025, 6, 2))


@pytest.mark.parametrize(
    "text, problem",
    [
        ('{"doc": "d", "events": [', "not valid JSON"),
        ('[]', "expected a JSON object"),
        ('{"events": []}', "gold.doc: expected a string"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Party", "status": "Occurred"}]}',
         "events[0].type: 'Party' is not one of"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Summit", "status": "Done"}]}',
         "events[0].status"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Summit", "status": "Occurred",'
         ' "begin": "2025-13-01"}]}', "events[0].begin: not an ISO date"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Summit", "status": "Occurred",'
         ' "begin": "2025-03-02", "end": "2025-03-01"}]}', "is before begin"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Summit", "status": "Occurred",'
         ' "round": "2"}]}', "events[0].round"),
        ('{"doc": "d", "events": [{"key": "a", "type": "Summit", "status": "Occurred"},'
         ' {"key": "a", "type": "Summit", "status": "Occurred"}]}', "duplicate key 'a'"),
        ('{"doc": "d", "agreements": [{"key": "g", "reached_at": "nope"}]}',
         "agreements[0].reached_at: 'nope' is not the key of a gold event"),
        ('{"doc": "d", "proposals": [{"by": "X"}]}', "proposals[0].proposes"),
        ('{"doc": "d", "actors": [{"name": "X", "type": "Person", "aliases": "Y"}]}',
         "actors[0].aliases: expected a list of strings"),
    ],
)
def test_load_gold_rejects_bad_files_naming_them(tmp_path, text, problem):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as err:
        load_gold(path)
    assert str(err.value).startswith(str(path))
    assert problem in str(err.value)


def test_load_golds_refuses_two_files_for_one_document(tmp_path):
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text('{"doc": "same"}', encoding="utf-8")
    with pytest.raises(UsageError, match="already has gold"):
        load_golds([tmp_path])


# ------------------------------------------------------------------ whole matcher on the real gold
def perfect_prediction(g: GoldDoc) -> PredictedDoc:
    """What a flawless system would report for a gold file, events in reverse order
    and under other identifiers, so that the matcher has to find the pairs."""
    iri = {e.key: f"urn:event:{n}" for n, e in enumerate(reversed(g.events))}
    return PredictedDoc(
        g.doc_id,
        events=tuple(
            PredictedEvent(e.type, e.status, e.begin, e.end, e.timex,
                           e.place[-1].upper() if e.place else None, e.round,
                           tuple(reversed(e.actors)), (e.evidence,), iri[e.key], e.key)
            for e in reversed(g.events)),
        actors=tuple(PredictedActor(a.name, a.type, a.aliases, a.title, a.affiliation)
                     for a in g.actors),
        agreements=tuple(PredictedAgreement(a.label, iri.get(a.reached_at), a.parties)
                         for a in g.agreements),
        proposals=tuple(PredictedProposal((p.by,), iri[p.proposes]) for p in g.proposals),
        timexes=tuple(PredictedTimex(t.text, t.value) for t in g.timexes),
    )


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_perfect_prediction_scores_one_everywhere(path):
    g = load_gold(path)
    p = perfect_prediction(g)
    s = score_document(p, g)
    for name, value in s.metrics().items():
        assert value in (1.0, None), name
    for name in ("event_f1", "exact_date_accuracy", "status_accuracy", "actor_f1", "timex_accuracy"):
        assert s.metrics()[name] == 1.0, name
    assert s.misses == s.false_hits == s.fabricated == ()
    iri = {e.label: e.iri for e in p.events}
    assert {(x.gold_key, x.iri) for x in s.pairs} == {(e.key, iri[e.key]) for e in g.events}


def test_perfect_corpus_report_and_known_degradations():
    golds = load_golds([GOLD_DIR])
    preds = [perfect_prediction(g) for g in golds]
    report = evaluate(golds, preds)
    assert report.macro["event_f1"] == 1.0 and report.fabricated_total == 0
    # drop every document's first non-optional event: recall falls by exactly one each
    degraded = []
    expected_recall = []
    for g, p in zip(golds, preds):
        first = next(e for e in g.events if not e.optional)
        degraded.append(replace(p, events=tuple(e for e in p.events if e.label != first.key)))
        required = sum(not e.optional for e in g.events)
        expected_recall.append((required - 1) / required)
    report = evaluate(golds, degraded)
    for row, want in zip(report.documents, expected_recall):
        assert row.events.recall == pytest.approx(want)
        assert row.events.precision == 1.0
    assert report.macro["event_recall"] == pytest.approx(sum(expected_recall) / len(golds))


# ------------------------------------------------------------------ reading predictions
def expected_small() -> PredictedDoc:
    data = json.loads((SMALL / "expected.json").read_text(encoding="utf-8"))

    def day(v):
        return date.fromisoformat(v) if v else None

    return PredictedDoc(
        data["doc_id"],
        events=tuple(PredictedEvent(**{**e, "begin": day(e["begin"]), "end": day(e["end"]),
                                       "actors": tuple(e["actors"]),
                                       "evidence": tuple(e["evidence"])})
                     for e in data["events"]),
        actors=tuple(PredictedActor(**{**a, "aliases": tuple(a["aliases"])})
                     for a in data["actors"]),
        agreements=tuple(PredictedAgreement(a["label"], a["reached_at"], tuple(a["parties"]))
                         for a in data["agreements"]),
        proposals=tuple(PredictedProposal(tuple(p["by"]), p["proposes"])
                        for p in data["proposals"]),
        timexes=tuple(PredictedTimex(t["text"], t["value"]) for t in data["timexes"]),
    )


@pytest.fixture(scope="module")
def small_store():
    return load_graph(SMALL / "graph.trig")


def test_predictions_from_store_reads_one_document_graph(small_store):
    got = predictions_from_store(small_store, "small-1")
    want = expected_small()
    assert got.doc_id == want.doc_id
    assert got.events == want.events
    assert got.actors == want.actors
    assert set(got.agreements) == set(want.agreements)
    assert set(got.proposals) == set(want.proposals)
    assert set(got.timexes) == set(want.timexes)
    assert predictions_from_store(small_store, "small-1") == got  # deterministic


def test_store_documents_exclude_the_consolidated_graph(small_store):
    assert document_ids(small_store) == ["small-1", "small-2"]
    other = predictions_from_store(small_store, "small-2")
    assert [e.type for e in other.events] == ["Ceasefire", "NegotiationRound"]
    assert other.events[1].actors == ("Valdor",)
    with pytest.raises(RdfError, match="'nope'"):
        predictions_from_store(small_store, "nope")


def test_evaluate_store_scores_the_small_case(small_store):
    report = evaluate_store(small_store, [load_gold(SMALL / "gold.json")])
    (row,) = report.documents
    assert (row.events.tp, row.events.fp, row.events.fn) == (3, 1, 1)
    assert [m.key for m in row.misses] == ["exchange"]
    assert [h.type for h in row.false_hits] == ["Statement"]  # undated: matches no dated gold event
    (lenient,) = evaluate_store(small_store, [load_gold(SMALL / "gold.json")],
                                undated_matches_any=True).documents
    assert (lenient.events.tp, lenient.events.fp, lenient.events.fn) == (3, 0, 1)
    assert (row.event_actors.tp, row.event_actors.fp, row.event_actors.fn) == (6, 0, 1)
    assert row.actors.f1 == 1.0
    assert row.agreements.value == row.proposals.value == row.timexes.value == 1.0
    assert report.unscored == ("small-2",)


def test_graph_files_that_cannot_be_evaluated_are_refused(tmp_path, capsys):
    bad = tmp_path / "g.trig"
    bad.write_text("<a> { this is not trig", encoding="utf-8")
    with pytest.raises(RdfError, match="g.trig: not valid TriG"):
        load_graph(bad)
    ttl = tmp_path / "g.ttl"  # Turtle has no document graphs to evaluate
    ttl.write_text("<https://e.org/a> <https://e.org/p> <https://e.org/b> .", encoding="utf-8")
    assert main(["evaluate", str(SMALL / "gold.json"), "--graph", str(ttl)]) == 2
    assert "g.ttl: evaluation reads the document graphs" in capsys.readouterr().err


def test_predictions_from_extraction():
    text = "Talks in Geneva on March 3. Berg proposed a summit. They agreed a swap."
    doc = Document(id="x", source="x.txt", text=text, sha256="0")
    day = TimeValue("March 3", "2025-03-03", D3, D3, "day", Mention("x", 19, 26, "March 3"))
    extraction = Extraction(
        doc,
        actors=(Actor("Anna Berg", "Person", ("Berg",), "Minister", "Norland"),),
        events=(
            Event("round", "NegotiationRound", "Geneva talks", "Occurred", time=day,
                  place="Geneva", round=2, actors=("Norland",),
                  mentions=(Mention("x", 0, 26, text[0:26]),)),
            Event("summit", "Summit", "Summit", "Proposed"),
            Event("prop", "Proposal", "Berg proposes", "Occurred", proposed_by=("Anna Berg",),
                  proposes="summit"),
        ),
        agreements=(Agreement("swap", "Swap", reached_at="round", parties=("Norland",)),),
        timexes=(day,),
    )
    p = predictions_from_extraction(extraction)
    assert p.doc_id == "x"
    rnd = next(e for e in p.events if e.iri == "round")
    assert (rnd.begin, rnd.end, rnd.timex, rnd.place, rnd.round) == (D3, D3, "2025-03-03", "Geneva", 2)
    assert rnd.evidence == ("Talks in Geneva on March 3",)
    assert p.proposals == (PredictedProposal(("Anna Berg",), "summit"),)
    assert p.agreements == (PredictedAgreement("Swap", "round", ("Norland",)),)
    assert p.timexes == (PredictedTimex("March 3", "2025-03-03"),)
    assert p.actors[0].aliases == ("Berg",)
    g = GoldDoc("x", events=(gev("r", begin=D3, end=D3, round=2), gev("s", "Summit", "Proposed")),
                proposals=(GoldProposal("Anna Berg", "s"),),
                agreements=(GoldAgreement("a", "swap", "r", ()),),
                timexes=(GoldTimex("March 3", "2025-03-03"),))
    s = score_document(p, g)
    assert s.proposals.value == s.agreements.value == s.timexes.value == 1.0
    assert (s.events.tp, s.events.fp) == (2, 1)


# ------------------------------------------------------------------ command line
def test_cli_evaluate_text_and_json(capsys):
    code = main(["evaluate", str(SMALL / "gold.json"), "--graph", str(SMALL / "graph.trig"),
                 "--show-errors"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[1].startswith("small-1") and "MACRO" in out
    assert 'missed event exchange (PrisonerExchange): "exchange prisoners"' in out
    code = main(["evaluate", str(SMALL / "gold.json"), "--graph", str(SMALL / "graph.trig"),
                 "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["documents"][0]["counts"]["events"]["fn"] == 1


def test_cli_evaluate_bad_input_exits_2(tmp_path, capsys):
    assert main(["evaluate", str(SMALL / "gold.json"), "--graph", str(tmp_path / "no.trig")]) == 2
    assert "no.trig: no such graph file" in capsys.readouterr().err
    assert main(["evaluate", str(tmp_path), "--graph", str(SMALL / "graph.trig")]) == 2
    assert "no *.json gold files" in capsys.readouterr().err


def test_cli_evaluate_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    assert "kg evaluate tests/corpus/gold" in capsys.readouterr().out
