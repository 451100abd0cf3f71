"""Statements introduced other ways (issue 10 §3): a statement or a spokesperson
qualified by a country's government or ministry ("a Peruvian government statement
said", "a Peruvian foreign ministry spokesperson confirmed") is a statement by that
country, as "the Peruvian government said" is; a leader of a government speaks as a
person, not as the body; a speaker's words "in a post" are another statement than
their remarks at a news conference."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2025, 9, 10)


@pytest.mark.parametrize(
    "text, country",
    [
        ("A Paraguayan foreign ministry spokesperson confirmed on Monday that the river talks with "
         "Bolivia had been frank.", "Paraguay"),
        ("Bolivia's defence ministry spokeswoman told reporters the border talks had stalled.", "Bolivia"),
        ("A Uruguayan government statement said that Foreign Minister Tomas Arbelo would fly to "
         "Asuncion for talks on Friday.", "Uruguay"),
    ],
)
def test_statement_of_a_government_body_is_by_its_country(run, text, country):
    x = run(text)
    s = one(x, "Statement")
    assert s.actors[0] == country


def test_a_ministry_spokesperson_without_a_country_makes_no_statement(run):
    x = run("A foreign ministry spokesperson said the river talks had been frank.")
    assert kinds(x, "Statement") == []


def test_a_government_leader_is_not_the_body_speaking(run):
    x = run("The Bolivian government leader said the border talks had stalled.")
    assert all(s.actors[:1] != ("Bolivia",) for s in kinds(x, "Statement"))



@pytest.mark.parametrize(
    "text",
    [
        "Minister Lucia Ferreyra welcomed the accord on Tuesday, telling a news conference in Montevideo "
        "that the fishing quarrel was over. Ferreyra insisted in a post on social media that the accord "
        "would last.",
        "Lucia Ferreyra, Uruguay's foreign minister, hailed the fishing accord at a news conference in "
        "Montevideo on Tuesday. She insisted afterwards in a post that it would last.",
    ],
)
def test_a_post_after_remarks_is_another_statement(run, text):
    # the post names no platform: "in a post" alone tells the medium
    a, b = sorted(kinds(run(text), "Statement"), key=lambda e: e.mentions[0].start)
    assert [m.text for m in a.mentions if "post" in m.text] == []
    assert len(b.mentions) == 1 and "in a post" in b.mentions[0].text
    assert a.actors == b.actors == ("Lucia Ferreyra",)
