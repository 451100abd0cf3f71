"""The extraction stage as a whole: composition, odd inputs, and the dev-corpus acceptance floors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.records import Document, Extraction

ROOT = Path(__file__).resolve().parent.parent


def _doc(text: str, doc_id: str = "d", published: date | None = date(2025, 7, 20)) -> Document:
    return Document(doc_id, f"{doc_id}.txt", text, "0", published=published)


def test_document_facts_only_without_language_analysis():
    from kg.extract import extract_many

    docs = [_doc("Talks were held on Monday.", "a"), _doc("", "b")]
    out = list(extract_many(docs, nlp=False))
    assert [x.document.id for x in out] == ["a", "b"]
    assert all(isinstance(x, Extraction) and x.events == () for x in out)


def test_trigger_component_annotates_only():
    import spacy

    import kg.nlp.triggers  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_triggers")
    doc = nlp("The envoys agree on a truce and a prisoner swap at the summit.")
    got = [(s.text, s.label_, s.kb_id_) for s in doc.spans["kg_triggers"]]
    assert ("truce", "Ceasefire", "ceasefire") in got
    assert ("summit", "Summit", "summit") in got
    assert ("agree", "Agreement", "agree") in got
    assert not doc.ents  # no decisions, no entities: spans only


def test_line_breaks_start_sentences():
    import spacy

    import kg.nlp.triggers  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_line_breaks")
    nlp.add_pipe("sentencizer")
    doc = nlp("What comes next\nThe envoys meet again")
    assert [s.text.strip() for s in doc.sents] == ["What comes next", "The envoys meet again"]


def test_lexicons_are_well_formed():
    from kg.extract.events import CAMEO, cues
    from kg.nlp.triggers import load_lexicon
    from kg.records import EVENT_CLASSES

    for entry in load_lexicon():
        assert entry["class"] in EVENT_CLASSES + ("Agreement",)
        assert entry["cameo"].isdigit() and entry["pattern"]
    assert set(CAMEO) == set(EVENT_CLASSES)
    assert {"occurred", "planned", "proposed", "rejected", "cancelled", "ongoing"} <= set(cues())


# ---------------------------------------------------------------- with the trained pipeline
@pytest.mark.slow
def test_composition_keeps_order_and_offsets(nlp):
    from kg.extract import extract_many

    head = " date 2025-06-03 77\nTitle line\n"
    text = head + "(Wire) Sudanese envoys met in Jeddah on Monday and agreed to free 40 detainees."
    doc = Document("w", "w.txt", text, "0", body_start=len(head), published=date(2025, 6, 3))
    out = list(extract_many([_doc("Nothing happened.", "first"), doc], nlp=nlp))
    assert [x.document.id for x in out] == ["first", "w"]
    x = out[1]
    assert x.warnings == ()
    assert any(a.kind == "Country" for a in x.actors)
    assert any(t.timex == "2025-06-02" for t in x.timexes)
    (round_,) = [e for e in x.events if e.kind == "NegotiationRound"]
    assert round_.place == "Jeddah" and str(round_.time.earliest) == "2025-06-02"
    for rec in x.events + x.agreements:
        for m in rec.mentions:
            assert text[m.start:m.end] == m.text and m.start >= len(head)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ceasefire",
        "",
        "talks talks talks held round second summit will meet proposed rejected agreed",
        "the delegations met in geneva on monday and agreed to swap prisoners then they said "
        "the next round would be held next week and the president proposed a summit",
        "Les délégations russe et ukrainienne se sont réunies lundi à Istanbul pour un deuxième "
        "cycle de négociations. Медведев заявил, что переговоры продолжатся.",
        "\n\n\n   \t",
        "«»“”—–…" * 50,
        "He said. She said. They said. It said.",
    ],
)
def test_odd_inputs_never_fail(nlp, text):
    from kg.extract import extract_many

    (x,) = list(extract_many([_doc(text)], nlp=nlp))
    assert x.warnings == ()
    for rec in x.events + x.agreements:
        for m in rec.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.slow
def test_a_document_of_several_chunks_is_extracted_in_windows():
    """About 400 KB, four chunks, go through a light pipeline (tokenizer, sentences, the
    project's components); bench/long_text.py runs 5 MB and reports how time scales."""
    import spacy

    from kg.extract import extract_many
    from kg.nlp import add_kg_components

    light = spacy.blank("en")
    light.add_pipe("sentencizer")
    add_kg_components(light)
    para = ("Delegations gathered in Geneva for talks on Monday. Another round is set for next week, "
            "said the envoy. A prisoner exchange was agreed by both sides.\n")
    n = 400_000 // len(para) + 1
    text = para * n
    (x,) = list(extract_many([_doc(text)], nlp=light))
    assert x.warnings == ()
    assert len(text) >= 400_000 and len(x.events) > n
    assert len({e.key for e in x.events}) == len(x.events)
    for e in x.events:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    last = text.rindex("Delegations gathered in Geneva")  # the last paragraph is reached
    assert any(m.start >= last for e in x.events for m in e.mentions)


# ---------------------------------------------------------------- the measurement
GOLD = ROOT / "tests" / "corpus" / "gold"
METRICS = ("event_f1", "exact_date_accuracy", "status_accuracy", "event_actor_f1", "actor_f1",
           "agreement_recall", "proposal_recall", "timex_accuracy")
# Floors per document, near the figures measured on 2026-12-06 (rounded down to 0.05; the
# figure itself in the comment). None: the metric is undefined there (nothing to find) and
# must stay so. Raise a floor when the figure rises; a drop below one fails.
FLOORS = {
    #                        evF1  date  stat evAct actF1  agrR  prpR timex
    "000_5ff86238f25741d4": (1.00, 1.00, 1.00, 0.95, 1.00, 1.00, 1.00, 1.00),  # evAct 0.968
    "001_istanbul_round1": (1.00, 1.00, 1.00, 0.80, 1.00, 1.00, 1.00, 0.85),  # evAct 0.839, timex 0.857
    "002_exchange_completed": (1.00, 1.00, 1.00, 1.00, 1.00, 1.00, None, 1.00),
    "003_istanbul_round2": (0.95, 1.00, 1.00, 0.90, 1.00, 1.00, 1.00, 1.00),  # evF1 0.966, evAct 0.926
    "004_istanbul_round3": (1.00, 1.00, 1.00, 0.70, 1.00, 1.00, 1.00, 1.00),  # evAct 0.732
    "005_us_iran_talks": (1.00, 1.00, 1.00, 0.85, 1.00, None, None, 1.00),  # evAct 0.875
    "006_talks_2022": (0.95, 1.00, 1.00, 0.80, 1.00, 1.00, 0.00, 1.00),  # evF1 0.957, evAct 0.844
}


def _below_floors(metrics_by_doc: dict[str, dict]) -> list[str]:
    """The (document, metric, figure, floor) that fall below their floor, as readable lines."""
    assert sorted(metrics_by_doc) == sorted(FLOORS)
    out = []
    for doc, floors in FLOORS.items():
        for name, floor in zip(METRICS, floors):
            got = metrics_by_doc[doc][name]
            if (floor is None) != (got is None) or (floor is not None and got < floor):
                out.append(f"{doc} {name}: {got} (floor {floor})")
    return out


@pytest.mark.slow
def test_dev_corpus_meets_the_acceptance_floors(dev_extractions):
    """Extraction over seeds/ + tests/corpus/ scored against the gold, document by document."""
    from kg.evaluate import evaluate, format_errors, format_table, load_golds, predictions_from_extraction

    assert all(x.warnings == () for x in dev_extractions)
    report = evaluate(load_golds([GOLD]), [predictions_from_extraction(x) for x in dev_extractions])
    table = format_table(report) + "\n" + format_errors(report)
    assert _below_floors({r.doc_id: r.metrics() for r in report.documents}) == [], table
    assert report.fabricated_total == 0, table  # no date bound the text does not support
    assert report.missing_predictions == () and report.unscored == (), table


@pytest.mark.slow
def test_the_built_graph_meets_the_same_floors_through_kg_evaluate(dev_build, capsys):
    """``kg build seeds tests/corpus`` then ``kg evaluate`` on the built folder: the published
    graph, not only the extraction records, carries what the gold asks for."""
    import json

    from kg.cli import main

    assert main(["evaluate", str(GOLD), "--graph", str(dev_build), "--format", "json"]) == 0
    strict = json.loads(capsys.readouterr().out)
    assert not strict["undated_matches_any"]
    by_doc = {d["doc"]: d["metrics"] for d in strict["documents"]}
    assert _below_floors(by_doc) == [], json.dumps(strict["documents"], indent=1)[:4000]
    assert strict["fabricated_total"] == 0 and strict["missing_predictions"] == [] == strict["unscored"]
    assert main(["evaluate", str(GOLD), "--graph", str(dev_build), "--format", "json",
                 "--undated-matches-any"]) == 0
    lenient = json.loads(capsys.readouterr().out)
    assert lenient["undated_matches_any"]
    assert lenient["macro"]["event_recall"] >= strict["macro"]["event_recall"]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_sentences_give_consistent_records(nlp, seed):
    """Sentences of invented articles in random order, cut and lower-cased: never an error,
    never a begin after an end, evidence always the document's text."""
    import random

    from kg.extract import extract_many

    sentences = [
        "Armenian and Azerbaijani envoys met in Geneva on Tuesday for a third round of talks.",
        "The next round is scheduled for August 12 in Vienna.",
        "Foreign Minister Ararat Mirzoyan later told journalists that progress had been made.",
        "Tashkent hosted two earlier rounds, the second on May 14.",
        "Norway proposed a ceasefire, which the army rejected on Thursday.",
        "Out of that session came an understanding on prisoner swaps.",
        "Later that day, President Ilham Aliyev said he would meet Pashinyan next month.",
        "No deal came out of the session of June 2.",
        "Each side will release 50 detainees.",
    ]
    rng = random.Random(seed)
    docs = []
    for i in range(12):
        text = " ".join(rng.sample(sentences, rng.randint(1, len(sentences))))
        if rng.random() < 0.3:
            text = text.lower().replace(".", "")
        if rng.random() < 0.3:
            a = rng.randint(0, len(text))
            text = text[a:a + rng.randint(0, 300)]
        published = rng.choice([date(2025, 6, 3), date(2022, 3, 30), None])
        docs.append(_doc(text, f"s{i}", published))
    for x in extract_many(docs, nlp=nlp):
        assert x.warnings == ()
        for e in x.events:
            if e.time is not None and e.time.earliest and e.time.latest:
                assert e.time.earliest <= e.time.latest
            for m in e.mentions:
                assert x.document.text[m.start:m.end] == m.text
