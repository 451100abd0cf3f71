"""Integrity of the second development set (tests/corpus_extra) and of the fresh held-out set
(tests/corpus_fresh): every article has a gold file that loads, names the right document and
date, and quotes the article it annotates.

These tests check the data, not any extractor's score.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.evaluate import load_gold, load_golds

EXTRA = Path(__file__).parent / "corpus_extra"
FRESH = Path(__file__).parent / "corpus_fresh"
SETS = {EXTRA: (8, 200, 350), FRESH: (6, 140, 250)}  # folder: (at least n articles, min, max words)
TEXTS = sorted(EXTRA.glob("*.txt")) + sorted(FRESH.glob("*.txt"))
HEADER = re.compile(r" ?date (\d{4}-\d{2}-\d{2}) \S+\n")


@pytest.mark.parametrize("folder", list(SETS), ids=lambda p: p.name)
def test_every_article_has_exactly_one_gold_file(folder):
    texts = sorted(folder.glob("*.txt"))
    assert len(texts) >= SETS[folder][0]
    assert sorted(p.stem for p in (folder / "gold").glob("*.json")) == [p.stem for p in texts]
    assert len({g.doc_id for g in load_golds([folder / "gold"])}) == len(texts)


def test_the_two_sets_share_no_document():
    assert not {p.stem for p in EXTRA.glob("*.txt")} & {p.stem for p in FRESH.glob("*.txt")}


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_article_is_in_the_native_format(path):
    text = path.read_text(encoding="utf-8")
    header = HEADER.match(text)
    assert header, "header ' date YYYY-MM-DD <token>' expected on the first line"
    title, body = text[header.end():].split("\n", 1)
    assert title and not title.startswith("(")
    assert re.match(r"\([^)]+\) \S", body), "body should open with '(Publisher)'"
    _, low, high = SETS[path.parent]
    assert low <= len(body.split()) <= high


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_gold_matches_and_quotes_its_article(path):
    text = path.read_text(encoding="utf-8")
    gold = load_gold(path.parent / "gold" / f"{path.stem}.json")
    assert gold.doc_id == path.stem
    assert str(gold.published) == HEADER.match(text).group(1)
    known = {n.casefold() for a in gold.actors for n in (a.name, *a.aliases)}
    for e in gold.events:
        assert e.evidence and e.evidence in text, f"{e.key}: evidence not in the article"
        unknown = [a for a in e.actors if a.casefold() not in known]
        assert not unknown, f"{e.key}: actors {unknown} are not gold actors"
        if e.begin and e.status == "Occurred":
            assert e.begin <= gold.published, f"{e.key}: occurred after publication"
    for a in gold.actors:
        assert a.affiliation is None or a.affiliation.casefold() in known, a.name
    for g in gold.agreements:
        assert all(p.casefold() in known for p in g.parties), g.key
    for p in gold.proposals:
        assert p.by.casefold() in known, p.by
    for t in gold.timexes:
        assert t.text in text, f"timex {t.text!r} not in the article"
