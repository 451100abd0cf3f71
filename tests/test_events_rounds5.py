"""Rounds of talks on real-news phrasing: talks only hoped for, and what stays a round.

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, meetings, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# generic.py hoped_resumption, row hoped_resumption_word: talks only proposed and only
# named as what someone hopes to take up again, with no time or place, are no event.
@pytest.mark.parametrize(
    "text",
    [
        "Lima said on Monday that it was willing to restart the boundary talks.",
        "Mediators have tried for years to find a basis for the water talks to resume.",
    ],
)
def test_talks_only_hoped_to_resume_are_no_event(run, text):
    assert meetings(run(text)) == []


# generic.py _proposed_by_someone: talks whose resumption a side asked for or sought are
# what that side proposes (a proposal and its talks), as talks a side urged are.
@pytest.mark.parametrize(
    "text",
    [
        "The Andean envoy asked the secretary-general to help revive the frozen border negotiations.",
        "Quito has sought the resumption of the boundary negotiations since they broke down.",
    ],
)
def test_talks_a_side_asked_to_resume_are_what_it_proposes(run, text):
    _, target = proposes(run(text), "NegotiationRound")  # the talks are the proposal's
    assert target.status == "Proposed"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Lima proposed to resume the boundary talks in Quito next month.", "Quito"),
        ("Lima proposed that the boundary talks resume next month.", None),
    ],
)
def test_a_resumption_with_its_own_time_or_place_stays_a_round(run, text, place):
    (talks,) = meetings(run(text))
    assert talks.kind == "NegotiationRound" and talks.place == place
    assert talks.time is not None and talks.time.earliest == date(2026, 4, 1)


def test_talks_told_as_resumed_stay_a_round(run):
    (talks,) = meetings(run("The boundary talks between Chile and Peru resumed in Arica on Monday."))
    assert talks.status == "Occurred" and talks.place == "Arica"


# twice.py _bare and row new: talks told as another event ("similar", "separate",
# "parallel") are not the one event of their class told again.
def test_similar_talks_with_other_creditors_are_another_round(run):
    x = run("Chile held discussions with its bondholders in Lima from 3 to 6 March. "
            "It also conducted similar discussions with a group of local banks.")
    rounds = kinds(x, "NegotiationRound")
    assert len(rounds) == 2
    assert sorted(r.place or "" for r in rounds) == ["", "Lima"]


def test_talks_told_again_with_nothing_of_their_own_are_still_one(run):
    x = run("Chile held discussions with its bondholders in Lima from 3 to 6 March. "
            "The discussions ended with a draft.")
    assert len(kinds(x, "NegotiationRound")) == 1


def test_similar_talks_told_and_referred_to_stay_another_round(run):
    x = run("From 3 to 6 March, Chile negotiated in Lima with the holders of its bonds. A group of "
            "domestic lenders owed a fifth of the debt is now in similar discussions with Chile, and "
            "lawyers sat in on these meetings as well.")
    assert len(kinds(x, "NegotiationRound")) == 2


def test_separate_meetings_of_one_host_are_one_meeting(run):
    x = run("The minister hosted the two negotiators in separate meetings last week.")
    assert len(meetings(x)) == 1


# coref._find_antecedent, twice._bare and twice._told_apart, row recent: talks told as
# earlier ones, with no determiner, are another event than the one they are told with.
def test_earlier_discussions_told_with_other_talks_are_another_event(run):
    x = run("Talks in Peru produced a truce between Lima and the rebels, while earlier direct "
            "discussions between Presidents Ruiz and Vale were likewise held in Lima.")
    assert sorted((e.kind, e.place) for e in meetings(x)) == [("NegotiationRound", "Peru"), ("Summit", "Lima")]


def test_earlier_talks_are_not_the_meeting_told_before(run):
    x = run("Ministers of Chile and Peru met in Arica on Monday. Earlier talks between their deputies had stalled.")
    assert len(meetings(x)) == 2


def test_the_talks_told_again_are_the_meeting_told_before(run):
    x = run("Ministers of Chile and Peru met in Arica on Monday. The talks had stalled for a while.")
    assert len(meetings(x)) == 1


# triggers._event_verb, rows purpose_verb and travel_verb: "visit" is a verb of travel
# to a meeting, so the talks it is made for are an event dated by the visit.
def test_envoys_visiting_to_negotiate_is_a_planned_round(run):
    x = run("Chile and Peru said their mediators would visit Tacna next week to negotiate with the rebels "
            "over the border.")
    (talks,) = kinds(x, "NegotiationRound")
    assert talks.status == "Planned"
    assert (talks.time.earliest, talks.time.latest) == (date(2026, 3, 9), date(2026, 3, 15))


# twice._retold: the same event verb with the same object under the same verb, in the
# lead and again in the body, is one event.
def test_a_lead_retelling_the_planned_talks_is_one_round(run):
    x = run("Mediators heading to Tacna to negotiate border accord\n\n"
            "Next week mediators from Chile and Peru head to the mountain town of Tacna to negotiate a border "
            "accord with the rebel leadership, a spokesman said.")
    assert len(kinds(x, "NegotiationRound")) == 1


# triggers.jsonl rows stop-firing and halt-to-firing (and "understanding", "accord",
# "pact" in deal_noun): stopping all firing or hostilities is a truce.
@pytest.mark.parametrize(
    "text",
    [
        "On Sunday the two armies announced an agreement to stop all firing along the frontier, effective at once.",
        "Later, an understanding to cease hostilities was reached over a radio link.",
        "The border commanders agreed on Tuesday to a halt to all shelling.",
    ],
)
def test_stopping_all_firing_is_a_truce(run, text):
    assert len(kinds(run(text), "Ceasefire")) == 1


def test_refusing_to_stop_fighting_is_no_truce(run):
    assert kinds(run("The rebels said they would not stop fighting."), "Ceasefire") == []


# ranks._their_holders (read by triggers._talks_of_leaders): "their talks" are the talks of
# the subject "their" stands for; leaders' talks are a summit.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("After their one-day talks at Arica airport, the leaders of Chile and Peru flew home on "
         "Monday, each claiming a win.", "Summit"),
        ("After their one-day talks at Arica airport, the negotiators of Chile and Peru flew home on "
         "Monday, each claiming a win.", "NegotiationRound"),
    ],
)
def test_their_talks_are_the_talks_of_the_leaders_they_stand_for(run, text, kind):
    (talks,) = meetings(run(text))
    assert talks.kind == kind
