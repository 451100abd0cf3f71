"""Statements told apart: what several speakers announce together is not the statement
of one of them alone, and a written statement set apart from the one told before
("an earlier statement") is a statement of its own (statements.py, with the cue row
another_statement_modifier of ontology/lexicon/cues.jsonl).

The sentences are our own and appear in no corpus; the names are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def told(x):
    return sorted(e.actors for e in kinds(x, "Statement"))


def test_a_joint_announcement_is_not_one_speakers_own_statement(run):
    """"X confirmed ... X and Y announced": X's statement, and one of X and Y."""
    x = run("The Tanner Union confirmed on request that the wage deal was final. Days earlier, the "
            "Tanner Union and the Pacific Rail Company announced that their talks would resume in private.")
    assert told(x) == [("Tanner Union",), ("Tanner Union", "Pacific Rail Company")]


def test_she_and_another_announcing_speak_together(run):
    """"X has said as she and Y announced it": "she" is X, who speaks with Y; Y's own
    words after it are Y's statement."""
    x = run('The accord is a "great day", Peruvian President Ana Ruiz has said as she and Chilean '
            "President Tomas Vidal announced it. Mr Vidal said the fine print was still being drafted.")
    assert told(x) == [("Ana Ruiz",), ("Ana Ruiz", "Tomas Vidal"), ("Tomas Vidal",)]


def test_an_earlier_statement_is_a_statement_of_its_own(run):
    x = run("The Peruvian Foreign Ministry said the border talks were calm. The Peruvian Foreign "
            "Ministry said in an earlier statement that the border would stay closed.")
    assert told(x) == [("Peruvian Foreign Ministry",), ("Peruvian Foreign Ministry",)]
    x = run("The Peruvian Foreign Ministry said the border talks were calm. The Peruvian Foreign "
            "Ministry said in a statement that the border would stay closed.")
    assert told(x) == [("Peruvian Foreign Ministry",)]  # one statement, told twice


def test_one_speakers_words_told_twice_stay_one_statement(run):
    x = run("The Tanner Union said the wage deal was final. The Tanner Union added that strikes would end.")
    assert told(x) == [("Tanner Union",)]


@pytest.mark.parametrize(
    "text, country",
    [
        ("The fishing accord will be signed by Chile and Peru on Friday, the office of the President "
         "of Peru reported.", "Peru"),
        ("The office of the Chilean president announced that the fishing accord would be signed soon.", "Chile"),
        ("Peru's presidency said that the fishing accord would be signed soon.", "Peru"),
    ],
)
def test_the_office_of_a_leader_speaks_for_the_country(run, text, country):
    """"The office of the President of X reported", "X's presidency said": X's statement
    (cue rows leader_office_noun and leader_office_word)."""
    assert told(run(text)) == [(country,)]


def test_an_office_of_no_leader_names_no_speaker(run):
    assert told(run("The office of the Peruvian ombudsman said that the fishing accord was unfair.")) == []


def test_a_statement_read_after_a_quote_is_its_issuers(run):
    """'"...," read a joint statement issued on behalf of X and Y': the parser takes the
    inverted subject for the object of "read"; the statement is X's and Y's (cue row
    statement_read_verb)."""
    x = run('"Progress on the border file has been steady," read a joint statement issued on behalf '
            "of Peru, Chile and the United Nations.")
    assert told(x) == [("Peru", "Chile", "United Nations")]
    assert told(run("At the gate, a clerk read a statement about the new border rules.")) == []


def test_the_bodys_official_told_again_by_title_is_the_person_told_before(run):
    """"The UN top envoy said", after "United Nations envoy X said": X's words, not a
    statement by the body; a title of another kind is not that person."""
    x = run("United Nations envoy Ana Ruiz said the border talks had ended. Both sides will be bound by "
            "the deal, the UN top envoy said.")
    assert told(x) == [("Ana Ruiz",)]
    x = run("Peruvian President Luis Mendoza said the border talks had ended. The deal is final, the "
            "Peruvian foreign minister said.")
    assert told(x) == [("Luis Mendoza",)]



def test_a_statement_to_come_is_not_the_one_made(run):
    """"X said ... X will give details at a press conference on Friday": two statements,
    one made and one to come."""
    x = run("The Peruvian Foreign Ministry said the border talks were calm. The Peruvian Foreign Ministry "
            "will give more details at a press conference on Friday.")
    assert sorted(e.status for e in kinds(x, "Statement")) == ["Occurred", "Planned"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Pedro Lagos, head of Chile's delegation, listed the main results of a week of talks.", "Pedro Lagos"),
        ("Peruvian envoy Ana Ruiz listed the main outcomes of the border meeting.", "Ana Ruiz"),
    ],
)
def test_listing_the_results_is_a_statement(run, text, speaker):
    """"X named three results of the talks": X's statement (trigger row say-listing)."""
    assert told(run(text)) == [(speaker,)]


def test_naming_a_person_is_no_statement(run):
    assert told(run("The Peruvian Foreign Ministry named a new border envoy on Monday.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Peruvian government said that the border talks had ended.",
        "The government of Peru said the fishing accord was fair.",
        "Peru's government announced that the fishing accord was signed.",
    ],
)
def test_a_countrys_government_speaks_for_it_when_first_named(run, text):
    """The country that qualifies "government" itself speaks, not only a "the government"
    told again after it (speakers._government_of)."""
    assert told(run(text)) == [("Peru",)]


def test_government_workers_do_not_speak_for_the_country(run):
    assert told(run("The Peruvian government workers said that the strike would go on.")) == []
