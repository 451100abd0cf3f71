"""Within-document coreference on real-news phrasing: one meeting told twice is one event.

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# coref.py _syntactic_merge, row naming_verb: the name given to talks is the talks.
@pytest.mark.parametrize(
    "text",
    [
        'Premier Ana Roble of Peru called the talks in Lima "a very constructive meeting" and said more work was needed.',
        "Ana Roble described the talks in Lima as a frank meeting.",
    ],
)
def test_talks_called_a_meeting_are_one_event(run, text):
    x = run(text)
    meetings = kinds(x, "NegotiationRound") + kinds(x, "Meeting")
    assert len(meetings) == 1, [(e.kind, e.label) for e in x.events]
    assert meetings[0].kind == "NegotiationRound"


# coref.py: talks to come told twice, with no date, round or other place, are one round.
def test_talks_to_come_told_twice_are_one_round(run):
    x = run("The two governments agreed to launch urgent negotiations on the river dam. "
            "Both leaders tasked their ministers to begin expedited negotiations on the dam within four months.")
    rounds = kinds(x, "NegotiationRound")
    assert len(rounds) == 1, [(e.label, e.status) for e in x.events]
    assert len(rounds[0].mentions) == 2


def test_talks_to_come_in_two_cities_stay_two(run):
    x = run("Peru and Chile will hold talks in Lima next month. Bolivia and Chile will hold talks in Quito.")
    assert len(kinds(x, "NegotiationRound")) == 2


@pytest.mark.parametrize(
    "text, status",
    [
        # a meeting to come told twice, undated
        ("Peru wants to convene a meeting on water rights with Chile. "
         "Officials in Lima hope to organise a meeting on water rights before the rains.", "Proposed"),
        # "the meeting" with no tense of its own, after a meeting to come and none held
        ("The foreign ministers of Peru and Chile will hold a special meeting in Lima to discuss the border. "
         "Calming tensions is the aim of the meeting, officials said.", "Planned"),
    ],
)
def test_a_meeting_to_come_told_twice_is_one_meeting(run, text, status):
    (meeting,) = kinds(run(text), "Meeting")
    assert meeting.status == status
    assert len(meeting.mentions) == 2


# truces.py _truces_in_force_merged: one truce in force told twice is one truce.
@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to a permanent cessation of hostilities. Mediators said a truce was declared after the talks.",
        "Peru and Chile agreed to a truce. Monitors said a ceasefire was declared along the border.",
    ],
)
def test_a_truce_in_force_told_twice_is_one_truce(run, text):
    x = run(text)
    (truce,) = kinds(x, "Ceasefire")
    assert truce.status == "Ongoing"
    assert len(truce.mentions) == 2


def test_truces_in_force_in_two_places_stay_two(run):
    x = run("A ceasefire has been in force in Lima since January. A separate ceasefire has been in force in Quito since May.")
    assert len(kinds(x, "Ceasefire")) == 2
