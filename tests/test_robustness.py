"""Odd documents go through extraction and the build without error.

A 200 KB article, a one-word article, an article without sentence punctuation and
articles in other languages are written as files, loaded as users load them and
run through :func:`kg.extract.extract_many`, then through ``kg build``, whose
manifest, parsed headers and evidence offsets are checked. "Without error" means
no exception and no step of the extraction reporting a failure in
``Extraction.warnings`` (notes about the text, such as a round given two dates,
are not failures); every piece of evidence must still point at its own text in
the file. Inputs of odd shape follow: folders nested 1,200 deep, header dates at
the ends of the calendar, the development articles joined into one. The sizes
that take minutes (a 5 MB or 50 MB article, 100,000 JSON lines) are measured by
``bench/inputs.py``, not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HEADER = " date 2025-07-20 403\n"

GERMAN = (
    HEADER
    + "Gespräche in Genf ohne Durchbruch\n"
    "(DPA) Die Delegationen beider Seiten sind am Mittwoch in Genf zu einer weiteren "
    "Gesprächsrunde zusammengekommen, ohne sich auf einen Waffenstillstand zu einigen. "
    "Nach Angaben aus Verhandlungskreisen wurde über den Austausch von Gefangenen und "
    "über humanitäre Korridore gesprochen. Der Vermittler erklärte am Abend, man habe "
    "„in einer konstruktiven Atmosphäre“ beraten, ein Abkommen sei jedoch noch in weiter "
    "Ferne. Beide Regierungen wollen in der kommenden Woche schriftliche Vorschläge "
    "vorlegen; ein neuer Termin für ein Treffen wurde nicht genannt.\n"
)

SPANISH = (
    HEADER
    + "Las conversaciones se reanudan sin acuerdo\n"
    "(EFE) Los negociadores de ambos gobiernos se reunieron el martes en Bogotá durante "
    "casi diez horas, pero no lograron cerrar un pacto sobre el alto el fuego. Según "
    "fuentes cercanas a la mesa, las partes discutieron la liberación de detenidos y un "
    "calendario para la entrega de armas. El mediador afirmó que el diálogo seguirá el "
    "mes próximo y pidió a los grupos armados que respeten a la población civil.\n"
)

ONE_WORD = "Ceasefire\n"

# Lower-case clauses joined by "and"/"then"/"while": no sentence-final punctuation at all.
NO_PUNCTUATION = (
    "negotiators from both sides met in geneva on tuesday and talked for six hours "
    "while the mediator said the delegations would meet again next week "
    "then officials announced a prisoner exchange of forty detainees "
    "and the foreign minister called the talks constructive "
    "but no ceasefire was agreed and the next round could take place in doha "
    "after the summit the envoys returned home without a deal"
)


def _bench_inputs():
    """``bench/inputs.py``: the invented articles the input benchmark uses."""
    import importlib.util

    path = ROOT / "bench" / "inputs.py"
    spec = importlib.util.spec_from_file_location("bench_inputs", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def big_article(size: int, seed: int = 7) -> str:
    """A native-format article of about ``size`` characters from varied invented
    sentences (:func:`bench.inputs.article_text`)."""
    return _bench_inputs().article_text(size, seed=seed)


def test_big_article_is_varied_and_sized():
    text = big_article(200_000)
    assert 200_000 <= len(text) < 201_000
    lines = [line for line in text.split("\n") if line]
    assert len(set(lines)) == len(lines)  # no paragraph repeats
    sentences = text.replace("\n", " ").split(". ")
    assert len(set(sentences)) > 0.8 * len(sentences)  # few sentences recur


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _extract(path: Path):
    from kg.extract import extract_many
    from kg.load import load_paths

    docs = load_paths([path])
    assert len(docs) == 1
    out = list(extract_many(docs))
    assert len(out) == 1
    x = out[0]
    assert x.document.id == docs[0].id
    # notes about the text (a round given two dates) may be there; no step may have failed
    failed = [w for w in x.warnings if " not extracted (" in w or " not normalized (" in w]
    assert failed == [], failed
    text = docs[0].text
    for record in (*x.events, *x.actors, *x.agreements):
        for m in record.mentions:
            assert text[m.start : m.end] == m.text, (record, m)
    return x


@pytest.mark.slow
def test_one_word_article(tmp_path):
    x = _extract(_write(tmp_path, "one.txt", ONE_WORD))
    assert len(x.events) <= 1


@pytest.mark.slow
def test_article_without_sentence_punctuation(tmp_path):
    x = _extract(_write(tmp_path, "flat.txt", HEADER + "No punctuation\n" + NO_PUNCTUATION + "\n"))
    kinds = {(e.kind, e.status, e.time.timex if e.time else None) for e in x.events}
    # one run-on clause after another: the exchange and the planned meeting are still found,
    # the meeting dated by "next week" against the header's date (a Sunday)
    assert ("NegotiationRound", "Planned", "2025-W30") in kinds, kinds
    assert any(kind == "PrisonerExchange" for kind, _, _ in kinds), kinds


@pytest.mark.slow
@pytest.mark.parametrize("name,text", [("de.txt", GERMAN), ("es.txt", SPANISH)])
def test_article_in_another_language(tmp_path, name, text):
    x = _extract(_write(tmp_path, name, text))
    assert len(x.events) <= 2, [(e.kind, [m.text for m in e.mentions]) for e in x.events]


@pytest.mark.slow
def test_several_processes_give_the_same_records():
    from kg.extract import extract_many
    from kg.load import load_paths

    docs = load_paths([ROOT / "seeds", ROOT / "tests" / "corpus"], on_skip=lambda path, reason: None)
    assert len(docs) >= 4
    one = list(extract_many(docs))
    two = list(extract_many(docs, n_process=2))
    assert [x.document.id for x in two] == [d.id for d in docs]
    assert two == one
    assert sum(len(x.events) for x in two) > 0


# ---------------------------------------------------------------- through the command line
ODD = {"big.txt": None, "one.txt": ONE_WORD, "flat.txt": HEADER + "No punctuation\n" + NO_PUNCTUATION + "\n",
       "de.txt": GERMAN, "es.txt": SPANISH}


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory):
    """``kg build`` over a 200 KB article and the odd ones, as a user runs it."""
    root = tmp_path_factory.mktemp("odd")
    src = root / "in"
    src.mkdir()
    for name, text in ODD.items():
        _write(src, name, big_article(200_000) if text is None else text)
    out = root / "out"
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-4000:]
    assert "Traceback" not in proc.stderr
    return src, out


def _nquads(out: Path):
    import pyoxigraph as ox

    return list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))


@pytest.mark.slow
def test_odd_articles_build_a_manifest_that_lists_what_was_read_and_written(odd_build):
    import hashlib
    import json

    src, out = odd_build
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in manifest["documents"]}
    assert set(docs) == {Path(n).stem for n in ODD}
    for name in ODD:
        digest = hashlib.sha256((src / name).read_bytes()).hexdigest()
        assert docs[Path(name).stem]["sha256"] == digest
    assert sorted(e["documents"] for e in manifest["inputs"]) == [1] * len(ODD)
    for name, entry in manifest["outputs"].items():
        data = (out / name).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (entry["bytes"], entry["sha256"]), name
    assert {"graph.nq", "graph.trig", "graph.ttl", "graph.jsonld"} <= set(manifest["outputs"])
    assert manifest["counts"]["documents"] == len(ODD)
    assert manifest["counts"]["events"] > 100  # the long article is full of talks


@pytest.mark.slow
def test_odd_articles_are_parsed_as_their_headers_say(odd_build):
    from kg.rdf.namespaces import DCTERMS

    _, out = odd_build
    facts: dict[tuple[str, str], str] = {}
    for q in _nquads(out):
        if q.predicate.value in (str(DCTERMS.title), str(DCTERMS.publisher), str(DCTERMS.issued)):
            doc = q.subject.value.rsplit("/", 1)[-1]
            facts[(doc, q.predicate.value.rsplit("/", 1)[-1])] = q.object.value
    assert facts[("big", "title")] == "Talks continue over many rounds"
    assert facts[("big", "publisher")] == "Wire"
    assert facts[("de", "publisher")] == "DPA" and facts[("es", "publisher")] == "EFE"
    assert facts[("de", "title")] == "Gespräche in Genf ohne Durchbruch"
    assert {facts[(d, "issued")] for d in ("big", "de", "es", "flat")} == {"2025-07-20"}
    assert ("one", "issued") not in facts  # no header: the date is unknown, never guessed


@pytest.mark.slow
def test_odd_articles_evidence_points_at_its_own_text(odd_build):
    from kg.rdf.namespaces import NIF, NKG

    src, out = odd_build
    texts = {Path(n).stem: (src / n).read_text(encoding="utf-8") for n in ODD}
    mentions: dict[str, dict[str, str]] = {}
    for q in _nquads(out):
        p = q.predicate.value
        if p in (str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf), str(NKG.inDocument)):
            mentions.setdefault(q.subject.value, {})[p.rsplit("#", 1)[-1]] = q.object.value
    assert len(mentions) > 100
    ends = []
    for iri, m in mentions.items():
        doc = m["inDocument"].rsplit("/", 1)[-1]
        begin, end = int(m["beginIndex"]), int(m["endIndex"])
        assert texts[doc][begin:end] == m["anchorOf"], (iri, m)
        if doc == "big":
            ends.append(end)
    assert max(ends) > 0.95 * len(texts["big"])  # the end of the long article is reached


# ---------------------------------------------------------------- inputs of any shape
def test_folders_nested_1200_deep_are_walked(tmp_path):
    from kg.load import load_paths

    folder = tmp_path / "deep"
    folder.mkdir()
    os.chdir(folder)
    try:
        for _ in range(1200):  # relative steps: the full path is longer than a pathlib call allows
            os.mkdir("d")
            os.chdir("d")
        Path("a.txt").write_text(HEADER + "Talks\nEnvoys met.\n", encoding="utf-8")
        Path("b.txt").write_text("Envoys met again.\n", encoding="utf-8")
    finally:
        os.chdir(ROOT)
    (tmp_path / "deep" / "z.txt").write_text("Last.\n", encoding="utf-8")
    try:
        docs = load_paths([tmp_path / "deep"])
        assert [d.id for d in docs] == ["a", "b", "z"]  # depth first, in name order
        assert Path(docs[0].source).parts.count("d") == 1200
        assert docs[0].published.isoformat() == "2025-07-20"
    finally:
        _remove_nested(folder)


def _remove_nested(folder: Path) -> None:
    """Remove a chain of nested ``d`` folders bottom-up (shutil.rmtree recurses)."""
    os.chdir(folder)
    depth = 0
    try:
        while os.path.isdir("d"):
            os.chdir("d")
            depth += 1
        for _ in range(depth):
            for name in os.listdir("."):
                os.unlink(name)
            os.chdir("..")
            os.rmdir("d")
    finally:
        os.chdir(ROOT)


@pytest.mark.parametrize("day", ["0001-01-01", "0001-12-31", "9999-12-25", "9999-12-31"])
def test_dates_near_the_ends_of_the_calendar_stay_bounded(day):
    from datetime import date

    from kg.extract.timex import find_timexes, normalize

    anchor = date.fromisoformat(day)
    text = ("Envoys met yesterday and meet again next week; a round is due next month, another "
            "in two years and one the year after next. Three years later they met in December.")
    found = find_timexes(text, anchor)
    assert found  # the expressions within the calendar are still normalized
    for t in found:
        for bound in (t.earliest, t.latest):
            assert bound is None or date.min <= bound <= date.max
    yesterday = normalize("yesterday", anchor)  # before year 1 there is no day to name
    if anchor == date.min:
        assert yesterday is None
    else:
        assert yesterday.timex == date.fromordinal(anchor.toordinal() - 1).isoformat()


@pytest.mark.slow
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_header_at_the_end_of_the_calendar_builds(tmp_path, nlp, day):
    from kg.pipeline import build

    src = _write(tmp_path, "edge.txt", f" date {day}\nEdge of time\n(Wire) Negotiators met yesterday "
                 "and will meet again next week. A round is planned for next month and a summit "
                 "in two years; a truce began a week later and lasted 90 days.\n")
    result = build([src], out=tmp_path / "out", nlp=nlp)
    assert result.stats.documents == 1 and result.stats.events >= 1
    assert (tmp_path / "out" / "timeline.html").is_file()


@pytest.mark.slow
def test_the_development_articles_joined_into_one_give_rounds_numbered_from_one(tmp_path, nlp):
    from kg.load import load_paths
    from kg.pipeline import build
    from kg.rdf.namespaces import NKG

    docs = load_paths([ROOT / "tests" / "corpus"], on_skip=lambda path, reason: None)
    bodies = "\n\n".join(d.text[d.body_start:] for d in docs)
    src = _write(tmp_path, "joined.txt", HEADER + "Joined\n" + "\n\n".join([bodies] * 4))
    result = build([src], out=tmp_path / "out", nlp=nlp)  # a round numbered 0 fails the shapes
    rounds = [int(q.object.value) for q in _nquads(tmp_path / "out")
              if q.predicate.value == str(NKG.roundNumber)]
    assert rounds and min(rounds) >= 1
    assert result.stats.events > 10


@pytest.mark.slow
def test_a_long_body_is_extracted_section_by_section(tmp_path, nlp):
    from kg.load import load_paths
    from kg.pipeline import extract_stream

    path = _write(tmp_path, "long.txt", big_article(12_000, seed=3))
    [doc] = load_paths([path])
    [whole] = extract_stream([doc], nlp=nlp)
    [cut] = extract_stream([doc], nlp=nlp, section_chars=3_000)  # four sections or so
    assert cut.document == doc
    keys = [e.key for e in cut.events]
    assert len(keys) == len(set(keys)) and any(k.startswith("s3-") for k in keys)
    names = [a.name for a in cut.actors]
    assert len(names) == len(set(names))  # an actor named in several sections is one actor
    for record in (*cut.events, *cut.actors, *cut.agreements):
        for m in record.mentions:
            assert doc.text[m.start:m.end] == m.text and m.doc_id == doc.id
    # the same sentences give the same events, spread over the whole text; within one
    # section a person's repeated remarks are one event, across sections they stay apart
    assert len(whole.events) <= len(cut.events) <= 2 * len(whole.events)
    assert max(m.end for e in cut.events for m in e.mentions) > 0.9 * len(doc.text)
    # a round numbered in several sections is one event: one date, the shapes hold
    from kg.pipeline import build

    result = build([path], out=tmp_path / "out", extract=lambda docs: [cut])
    assert result.stats.events > 10


@pytest.mark.slow
def test_a_round_named_in_two_sections_is_one_event(tmp_path, nlp):
    from kg.load import load_paths
    from kg.pipeline import build, extract_stream

    filler = "Observers from Ghana watched the border crossings for several weeks. " * 12
    text = (HEADER + "Two sections\n(Wire) Delegations of Norway and Qatar held the second round of "
            "their talks in Oslo on June 2.\n\n" + filler + "\n\n"
            "Oslo hosted the second round of the talks between Norway and Qatar on June 9.\n")
    path = _write(tmp_path, "two.txt", text)
    [doc] = load_paths([path])
    [cut] = extract_stream([doc], nlp=nlp, section_chars=600)
    rounds = [e for e in cut.events if e.kind == "NegotiationRound" and e.round == 2]
    assert len(rounds) == 1, [(e.key, e.time) for e in cut.events]
    assert {m.start > 600 for m in rounds[0].mentions} == {False, True}  # told in both sections
    build([path], out=tmp_path / "out", extract=lambda docs: [cut])  # one date a round: shapes hold
