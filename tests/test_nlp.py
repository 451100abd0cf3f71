"""The language pipeline: loading, offsets, chunking of long texts, odd inputs."""

from __future__ import annotations

import pytest
import spacy

from kg.errors import ExtractionError
from kg.nlp import KG_COMPONENTS, add_kg_components, analyze, split_paragraphs
from kg.records import Document


def _doc(text: str, body_start: int = 0, id: str = "d") -> Document:
    return Document(id=id, source=f"{id}.txt", text=text, sha256="", body_start=body_start)


def test_components_are_added_after_ner():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("ner")
    nlp.add_pipe("sentencizer", name="after")
    add_kg_components(nlp)
    names = nlp.pipe_names
    assert names.index("kg_actors") == names.index("ner") + 1
    assert [n for n, _ in KG_COMPONENTS][0] == "kg_actors"
    add_kg_components(nlp)  # idempotent
    assert names == nlp.pipe_names


def test_offsets_point_into_the_whole_text(blank):
    text = " date 2025-07-20 403\nA title\n(MENAFN) Kyiv has proposed talks with Moscow."
    start = text.index("(MENAFN)")
    [(document, doc)] = analyze(blank, [_doc(text, start)])
    assert doc.user_data == {"offset": start, "doc_id": "d"}
    for span in doc.spans["kg_actors"]:
        s, e = span.start_char + start, span.end_char + start
        assert text[s:e] == span.text


def test_documents_come_back_in_order(blank):
    docs = [_doc(f"Talks number {i} in Oslo.", id=f"d{i}") for i in range(40)]
    out = [d.id for d, _ in analyze(blank, docs, batch_size=7)]
    assert out == [d.id for d in docs]


def test_split_paragraphs_reassembles_the_text():
    text = ("Paragraph one is here.\n\n" * 5) + "x" * 30 + " tail words"
    chunks = split_paragraphs(text, 50)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 50 for _, c in chunks)
    assert all(text[o : o + len(c)] == c for o, c in chunks)


@pytest.mark.slow
def test_a_document_longer_than_a_chunk_is_analysed_in_chunks(blank):
    """About 400 KB, four chunks of the default size (bench/long_text.py runs 5 MB)."""
    from kg.nlp import CHUNK_CHARS

    para = "Norwegian Foreign Minister Espen Barth Eide met officials. Kyiv said it was ready.\n\n"
    text = "Header\n" + para * (4 * CHUNK_CHARS // len(para) + 1)
    assert len(text) > 4 * CHUNK_CHARS
    [(document, doc)] = analyze(blank, [_doc(text, 7)])
    assert doc.text == text[7:]
    spans = doc.spans["kg_actors"]
    last = spans[-1]
    assert text[last.start_char + 7 : last.end_char + 7] == last.text == "Kyiv"
    # coreference works across chunks: the whole doc is one Doc
    assert {s.kb_id_ for s in spans} == {"Norway", "Espen Barth Eide", "Ukraine"}
    assert len(spans) == 3 * text.count(para)  # every paragraph, none lost at a chunk boundary


@pytest.mark.slow
def test_long_document_with_the_trained_pipeline_keeps_offsets(nlp):
    body = "Umerov met Rustem Umerov's team in Kyiv.\n\nMoscow said no.\n\n" * 30
    text = "T\n" + body
    [(_, doc)] = analyze(nlp, [_doc(text, 2)], chunk_chars=100)
    assert doc.text == body
    assert sum(1 for s in doc.spans["kg_actors"] if s.kb_id_ == "Rustem Umerov") == 60
    assert doc.has_annotation("DEP") and len(list(doc.sents)) >= 60  # parsed, chunk by chunk
    for span in doc.spans["kg_actors"]:
        assert text[span.start_char + 2 : span.end_char + 2] == span.text


@pytest.mark.parametrize(
    "text",
    ["Talks", "", "no punctuation at all just words about Kyiv and Moscow talking",
     "Переговоры в Стамбуле завершились без прорыва.", "会谈在伊斯坦布尔举行。", "   \n\n  "],
)
def test_odd_inputs(blank, text):
    [(_, doc)] = analyze(blank, [_doc(text)])
    assert doc.text == text


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["Talks", "no punctuation at all just words about Kyiv and Moscow talking",
     "Переговоры в Стамбуле завершились без прорыва.", ""],
)
def test_odd_inputs_trained(nlp, text):
    [(_, doc)] = analyze(nlp, [_doc(text)])
    assert doc.text == text
    assert "kg_actors" in doc.spans


@pytest.mark.slow
def test_trained_pipeline_has_parser_ner_and_kg_components(nlp):
    assert {"parser", "ner", "kg_actors"} <= set(nlp.pipe_names)
    assert nlp.pipe_names.index("kg_actors") > nlp.pipe_names.index("ner")
    doc = nlp("Zelenskyy met Putin. Kyiv said talks would go on.")
    assert len(list(doc.sents)) == 2


def test_missing_model_raises_a_clear_error(monkeypatch):
    import kg.nlp.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MODEL_NAMES", ("kg_no_such_model_a", "kg_no_such_model_b"))
    pipeline.load_pipeline.cache_clear()
    try:
        with pytest.raises(ExtractionError, match="kg_no_such_model_a"):
            pipeline.load_pipeline()
    finally:
        pipeline.load_pipeline.cache_clear()


@pytest.mark.slow
def test_several_processes_keep_order_offsets_and_spans(blank):
    text = "T\nKyiv said Moscow's team met Turkish Foreign Minister Hakan Fidan."
    docs = [_doc(text, 2, id=f"d{i}") for i in range(6)]
    out = list(analyze(blank, docs, n_process=2, batch_size=2))
    assert [d.id for d, _ in out] == [d.id for d in docs]
    for document, doc in out:
        assert doc.user_data == {"offset": 2, "doc_id": document.id}
        assert [s.kb_id_ for s in doc.spans["kg_actors"]] == ["Ukraine", "Russia", "Turkey", "Hakan Fidan"]


def test_trigger_fast_path_finds_what_spacys_matcher_finds(nlp):
    """The indexed matcher of kg_triggers gives the same trigger spans as spaCy's
    Matcher with the same patterns, on every development and extra article."""
    from pathlib import Path

    from spacy.matcher import Matcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from kg.nlp.triggers import TRIGGERS_KEY, _relax
    from kg.load import load_paths

    root = Path(__file__).resolve().parent
    docs = load_paths([root.parent / "seeds", root / "corpus", root / "corpus_extra"])
    tagger = nlp.get_pipe("kg_triggers")
    reference = Matcher(nlp.vocab)
    for key, entry in tagger.entries.items():
        reference.add(key, [_relax(entry["pattern"], True, True)])
    # the lexicon takes the fast path but for a few rows with operators or NOT_IN (spaCy's
    # Matcher runs those); the spans of both together are compared below
    assert len(tagger.matcher) <= len(tagger.entries) // 10
    seen = 0
    for d in docs:
        doc = nlp(d.text)
        spans = [Span(doc, s, e, label=tagger.entries[nlp.vocab.strings[m]]["class"])
                 for m, s, e in reference(doc)]
        want = sorted(filter_spans(spans), key=lambda s: (s.start, s.end))
        got = doc.spans[TRIGGERS_KEY]
        assert [(s.start, s.end, s.label_) for s in got] == [(s.start, s.end, s.label_) for s in want], d.id
        seen += len(got)
    assert seen > 100
