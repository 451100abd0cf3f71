"""Status on real-news phrasing: talks under way on the day of the report.

The sentences are our own, with invented names, and appear in no corpus
(published on Wednesday 2026-03-04).
"""

from __future__ import annotations

from datetime import date

import pytest

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from extraction import one, runner
except ImportError:  # pragma: no cover
    from tests.extraction import one, runner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, date(2026, 3, 4))


# status.py _on_the_day, rows status_meeting_day_verb, past_progressive_aux, habitual_word
@pytest.mark.parametrize(
    "text",
    [
        "Delegations from Peru and Chile were meeting in Lima on Wednesday to settle the last details of a border plan.",
        "Peru and Chile hold a two-day round of talks in Lima.",
    ],
)
def test_talks_told_as_going_on_that_day_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


@pytest.mark.parametrize(
    "text, status",
    [
        ("Delegations from Peru and Chile were meeting in Lima on Monday when the news broke.", "Occurred"),
        ("The envoys of Peru and Chile usually meet in Lima every spring.", "Occurred"),
        ("When the envoys of Peru and Chile meet in Lima, they will discuss the border.", "Planned"),
        ("Envoys of Peru and Chile will meet in Lima on Friday.", "Planned"),
    ],
)
def test_talks_on_another_day_a_habit_or_a_clause_of_time_are_not_ongoing(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# coref.py: a later definite mention whose modal speaks of the outcome ("the talks would
# lead to a deal") joins the talks under way and leaves them Ongoing.
@pytest.mark.parametrize(
    "text",
    [
        "Delegations of Peru and Chile were meeting in Lima on Wednesday. "
        "The rebels hoped that this round of talks would lead to a border deal.",
        "Peru and Chile hold a two-day round of talks in Lima. Officials said the talks would lead to a border deal.",
    ],
)
def test_talks_under_way_stay_ongoing_when_told_again_with_a_modal(run, text):
    talks = one(run(text), "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) == 2


# coref.py _live (row talks_start_verb) and status row status_ongoing_modifier: talks
# begun this week, "the ongoing round" and "the current round" are one round under way.
def test_talks_begun_and_told_as_ongoing_are_one_round_under_way(run):
    x = run("Talks between Peru and Chile on the border continue in Lima. "
            "The ongoing round of negotiations that began in Lima is the first in years. "
            "Last Sunday, negotiations began in the Peruvian capital between the two governments. "
            "The current round of negotiations is part of a wider effort.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) >= 3


def test_talks_that_began_and_ended_are_not_the_round_under_way_elsewhere(run):
    x = run("Talks between Peru and Chile began in Lima on February 2 and ended on February 4. "
            "The ongoing talks in Quito are a separate track.")
    assert sorted(e.status for e in x.events if e.kind == "NegotiationRound") == ["Occurred", "Ongoing"]


# status.py _early_day_of (rows status_day_noun, status_early_day_word) and the arrival
# rows of _on_the_day (status_arrival_verb).
@pytest.mark.parametrize(
    "text, status",
    [
        ("The first day of peace talks between Peru and Chile ended on Tuesday in Lima without a breakthrough.",
         "Ongoing"),
        ("The last day of peace talks between Peru and Chile ended on Tuesday in Lima.", "Occurred"),
        ("Trade envoys from Peru and Chile arrived for a new round of talks in Lima on Wednesday.", "Ongoing"),
        ("Trade envoys from Peru and Chile arrived for a new round of talks in Lima on Monday.", "Occurred"),
    ],
)
def test_a_first_day_or_an_arrival_on_the_day_leaves_talks_under_way(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# coref.py: a definite mention of talks held joins the talks under way.
def test_a_definite_mention_joins_the_talks_under_way(run):
    x = run("Trade envoys from Peru and Chile arrived for a new round of talks in Lima on Wednesday. "
            "The talks are the third of their kind this year.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) == 2
