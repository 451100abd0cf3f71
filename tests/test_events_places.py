"""Where events happened: which place mention is the venue of which event
(kg/extract/events/arguments.py), told in the ways news tells it.

The sentences are our own, with invented people, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def test_a_leading_article_is_no_part_of_the_place(run):
    """'the White House' is the place White House (state.py: add_place)."""
    x = run("The summit took place at the White House on Monday.")
    assert one(x, "Summit").place == "White House"


def test_where_a_party_is_from_is_no_venue(run):
    """'militias in western Ethiopia held talks in Nairobi': the talks were in Nairobi,
    not where one party is based (arguments.py: _of_a_party)."""
    x = run("Delegates of Ethiopia's government and two militias in western Ethiopia "
            "held peace talks in Nairobi on Monday.")
    assert one(x, "NegotiationRound").place == "Nairobi"


def test_a_place_within_the_event_nouns_own_phrase_is_its_venue(run):
    """'talks between envoys of Ghana and Togo in Accra': the place hangs on a party inside
    the event noun's phrase, and is the venue (arguments.py: _of_a_party)."""
    x = run("On Tuesday, negotiations between the fisheries ministers of Ghana and Togo in Accra "
            "broke up without a deal.")
    assert one(x, "NegotiationRound").place == "Accra"


def test_where_the_speakers_are_is_no_venue_of_the_event(run):
    x = run("Negotiators in Quito held talks with the rebel envoys on Monday.")
    assert one(x, "NegotiationRound").place is None


@pytest.mark.parametrize(
    "text",
    [
        "The Kenya-Somalia talks ended on Monday.",
        "The Chile trade talks began on Monday.",
    ],
)
def test_parties_before_an_event_noun_are_no_venue(run, text):
    """A pair of parties joined by a hyphen, or a country by its own name, before the
    event noun tells who talks, not where (arguments.py: _party_modifier)."""
    assert one(run(text), "NegotiationRound").place is None


def test_a_city_before_an_event_noun_is_its_venue(run):
    assert one(run("The Geneva talks ended on Monday."), "NegotiationRound").place == "Geneva"


def test_a_place_in_the_event_nouns_own_clause(run):
    """'talks between X and Y, hosted in Doha': the participle clause of the event noun
    gives its venue, whatever its verb."""
    x = run("Talks between Kenya and Somalia, hosted in Doha, ended on Monday.")
    assert one(x, "NegotiationRound").place == "Doha"
