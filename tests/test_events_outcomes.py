"""Talks known only from their outcome, and unions told by a common noun as speakers.

"The government reached an agreement with the union on Monday": the two sides held
talks that day (signings._partner: the other side told with "with"); "X and Y have
reached an agreement to end the strike": talks held, on a day the report does not name
(signings._undated_outcome). "The nurses' union said": the union named before speaks
(speakers._members_of).

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, meetings, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)
MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


@pytest.mark.parametrize(
    "text, day",
    [
        ("The Zambian government reached an agreement with the teachers' union on Monday to end the "
         "two-week strike.", MONDAY),
        ("Bolivar Mining struck a deal with the dockworkers' union late on Tuesday, ending a walkout "
         "that had shut the port of Valdora.", TUESDAY),
    ],
)
def test_a_deal_reached_with_the_other_side_on_a_day_is_talks_that_day(run, text, day):
    r = one(run(text), "NegotiationRound")
    assert r.status == "Occurred" and bounds(r) == (day, day)


@pytest.mark.parametrize(
    "text",
    [
        "Orion Airlines and the Pilots Association of Valdora have reached a tentative agreement to end the walkout.",
        "The month-long strike is over: the Valdora Nurses Union has struck a deal with the Kestrel Corporation.",
    ],
)
def test_a_deal_reached_with_no_day_is_talks_held_before_the_report(run, text):
    r = one(run(text), "NegotiationRound")
    assert r.status == "Occurred" and bounds(r) == (None, PUBLISHED)


def test_the_partner_of_the_deal_takes_part(run):
    r = one(run("The month-long strike is over: the Valdora Nurses Union has struck a deal with the Kestrel "
                "Corporation."), "NegotiationRound")
    assert {"Kestrel Corporation", "Valdora Nurses Union"} <= set(r.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania and Freedonia could not reach a deal to reopen the border.",
        "Kestrel Motors and the Valdora Nurses Union are expected to reach a deal next week.",
        "Kestrel Motors hopes to strike a deal with the Valdora Nurses Union.",
    ],
)
def test_a_deal_not_reached_tells_of_no_talks_held(run, text):
    assert [e for e in meetings(run(text)) if e.status == "Occurred"] == []


def test_a_deal_after_the_talks_told_is_no_second_session(run):
    x = run("Delegates of Chile and Peru met in Lima on Monday. The two sides reached a deal to "
            "reopen the border.")
    (r,) = meetings(x)
    assert r.place == "Lima" and bounds(r) == (MONDAY, MONDAY)


def test_the_members_union_speaks_for_the_union_named_before(run):
    x = run("Nurses will walk out again under their umbrella body, the Valdora Nurses Union, from "
            "3 April. The nurses' union said on Monday that the ministry had ignored the deal.")
    s = one(x, "Statement")
    assert s.actors == ("Valdora Nurses Union",) and bounds(s) == (MONDAY, MONDAY)


def test_a_union_named_after_its_members_with_none_told_before_is_no_speaker(run):
    assert kinds(run("The teachers' union said on Monday that the offer was insufficient."), "Statement") == []


# status_clause._at_a_standstill (row status_standstill_word)
@pytest.mark.parametrize(
    "text",
    [
        "Negotiations between Kestrel Motors and the Valdora Nurses Union remain stuck.",
        "The border talks between Chile and Peru are stalled.",
        "Talks between Ruritania and Freedonia stay at an impasse over fishing rights.",
        "The debt talks are at a standstill, Valdoran officials said on Monday.",
    ],
)
def test_talks_at_a_standstill_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


@pytest.mark.parametrize(
    "text",
    [
        "The negotiations were deadlocked in 2019 before Freedonia walked away.",
        "Talks between the lenders and Zambia are not stuck, the minister insisted.",
    ],
)
def test_talks_at_a_standstill_in_the_past_or_denied_are_not_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status != "Ongoing"


# status_clause._in_a_standstill: talks a stalemate stands over were held
def test_talks_a_deadlock_stands_over_leave_the_summit_occurred(run):
    x = run("President Omar Halim of Chile and Prime Minister Ana Ruiz of Peru discussed on Monday how to "
            "settle the fishing dispute. To break the deadlock in the border talks, Chile and Peru agreed to "
            "launch expedited negotiations.")
    s = one(x, "Summit")
    assert s.status == "Occurred" and bounds(s) == (MONDAY, MONDAY)


def test_talks_stalled_since_a_month_in_the_perfect_are_not_ongoing(run):
    """'have been stalled since May': the halt is told with its time, so the talks stopped
    then (the dev gold's reading), unlike talks that 'are stalled' now."""
    x = run("The wage talks between the dockers and the port authority have been stalled since May.")
    (talks,) = [e for e in x.events if e.kind == "NegotiationRound"]
    assert talks.status != "Ongoing"
