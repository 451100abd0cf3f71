"""Dates of events by kind of phrasing, as real reports give them (issue 10, section 3):
truces told with verbs, the publication day of a report known to its month only,
a lead that starts below a few short header lines, verbs that share a subject and a day.

Every sentence here is our own, with invented places and people; each test shows one
kind of phrasing the date rules handle, and what they must leave open.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

SATURDAY = date(2026, 3, 14)
THURSDAY = date(2026, 3, 12)

#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = SATURDAY


# ---------------------------------------------------------------- a truce told with verbs
def test_a_truce_agreed_on_a_day_with_verbs_is_in_force_from_that_day(run):
    """'On Thursday ... agreed to halt hostilities': the truce the report then names with
    a noun, without a day, has been in force since Thursday."""
    x = run("On Thursday the armies of Norland and Vespia agreed to halt hostilities along the river "
            "after months of fighting.\nA lasting cessation of hostilities was later put in writing "
            "by envoys of both sides.")
    truce = one(x, "Ceasefire")
    assert truce.status == "Ongoing"
    assert bounds(truce) == (THURSDAY, None)


def test_a_truce_starting_at_an_hour_of_the_day_told_starts_that_day(run):
    """'agreed to stop all firing starting from 1600 hours' after a call on Saturday
    morning: the truce began on Saturday (a clock time is on the day told before)."""
    x = run("The army chiefs of Norland and Vespia spoke by phone on Saturday morning. Both sides agreed "
            "to stop all firing on land and at sea starting from 1600 hours local time.\n"
            "Confirming the ceasefire from the capital, the Vespian premier said a ceasefire taking effect "
            "at once had been agreed by the two countries.")
    truces = kinds(x, "Ceasefire")
    assert truces and all(bounds(t) == (SATURDAY, None) and t.status == "Ongoing" for t in truces)


def test_a_truce_announced_as_agreed_is_in_force_from_the_announcement(run):
    """'The armies have agreed on a truce, the mediator announced on Saturday
    afternoon': in force by the day of the announcement."""
    x = run("The two armies have agreed on a complete truce, the regional mediator announced in Arusha "
            "on Saturday afternoon.\n\"This is a day of hope,\" he told reporters.")
    assert bounds(one(x, "Ceasefire")) == (SATURDAY, None)


def test_a_truce_agreed_to_stop_at_midnight_or_in_the_future_gets_no_day_from_the_verbs(run):
    """Midnight may open or close its day, and a promise to stop is no truce in force."""
    x = run("Both sides agreed to halt the shelling starting at midnight.\n"
            "The ceasefire was welcomed by neighbouring states.")
    assert all(t.earliest is None for t in (e.time for e in kinds(x, "Ceasefire")) if t is not None)
    y = run("Both sides will agree on Thursday to cease hostilities, officials hope.\n"
            "A ceasefire would allow aid convoys to pass.")
    assert all(bounds(e)[0] is None for e in kinds(y, "Ceasefire"))


# ---------------------------------------------------------------- talks to start on a day
WEDNESDAY_NEXT = date(2026, 3, 18)


def test_talks_set_to_start_on_a_day_begin_then_and_have_no_end(run):
    """'set to start Wednesday': the first day of talks to come; how long they run
    the words do not say, so the end stays open."""
    x = run("Technical talks between the two delegations are set to start Wednesday in Lome, the ministry said.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Planned"
    assert bounds(talks) == (WEDNESDAY_NEXT, None)


def test_talks_whose_clause_is_scheduled_to_begin_on_a_day_begin_then(run):
    """'negotiations, which are scheduled to open ... on March 18': the clause's verb
    completes 'scheduled', and gives the talks their first day."""
    x = run("On March 2, Ghana's foreign ministry asked the army and the rebels to take part in peace "
            "negotiations, which are scheduled to open in Accra on March 18.")
    talks = one(x, "NegotiationRound")
    assert (talks.status, talks.place) == ("Planned", "Accra")
    assert bounds(talks) == (WEDNESDAY_NEXT, None)


def test_talks_that_began_on_a_day_keep_their_start_and_the_report_as_end(run):
    """Told in the past ('began on Wednesday' in Saturday's paper) the day is the
    start of talks that took place, not of talks to come."""
    x = run("Peace talks between the two delegations began on Wednesday in Lome and ended without a deal.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Occurred"
    assert bounds(talks)[0] == date(2026, 3, 11)


# ---------------------------------------------------------------- verbs joined to a dated statement
def test_a_proposal_joined_to_a_dated_statement_is_made_that_day(run):
    """'Vela spoke warmly of the talks and invited him to visit': one act;
    the invitation takes the day of the remarks (a news conference on Thursday)."""
    x = run("President Ana Vela of Norland met Premier Ivo Kan of Vespia in Lome on Thursday.\n"
            "Vela told a joint news conference on Thursday that the talks had been frank.\n"
            "Vela spoke warmly of her talks with Kan and invited him to visit Norland in return.")
    assert bounds(one(x, "Proposal")) == (THURSDAY, THURSDAY)


def test_a_proposal_joined_to_a_statement_without_a_day_stays_open(run):
    """Remarks without a day of their own lend none to the invitation."""
    x = run("President Ana Vela of Norland met Premier Ivo Kan of Vespia in Lome.\n"
            "In an interview, Vela spoke warmly of her talks with Kan and invited him to visit Norland in return.")
    assert bounds(one(x, "Proposal"))[0] is None


# ---------------------------------------------------------------- a statement on an event of the day
def test_a_statement_describing_talks_of_the_publication_day_was_made_that_day(run):
    """'the meeting, which the ministry described as frank', the meeting held on
    Saturday in Saturday's paper: said that day (not before the meeting, not after
    the report)."""
    x = run("On Saturday Norland and Vespia opened their first round of talks in Lome.\n"
            "Norland's envoy Pia Moss attended the meeting, which Vespia's foreign ministry described as "
            "\"frank and useful.\"")
    assert bounds(one(x, "Statement")) == (SATURDAY, SATURDAY)


def test_a_statement_describing_earlier_talks_keeps_an_open_start(run):
    """The talks were on Thursday: when the remark was made the text does not say."""
    x = run("On Thursday Norland and Vespia opened their first round of talks in Lome.\n"
            "Norland's envoy Pia Moss attended the meeting, which Vespia's foreign ministry described as "
            "\"frank and useful.\"")
    assert bounds(one(x, "Statement")) == (None, SATURDAY)


# ---------------------------------------------------------------- a bound told with the event's own period
def test_talks_of_next_week_named_in_a_bound_are_within_next_week(run):
    """'travel ... ahead of next week's negotiations': 'ahead of' bounds the trip; the
    negotiations are within next week (Monday to Sunday), not merely before its end."""
    x = run("The ministry said that its envoys will travel to Lagos ahead of next week's peace negotiations "
            "with the rebels in Accra.")
    talks = one(x, "NegotiationRound")
    assert bounds(talks) == (date(2026, 3, 16), date(2026, 3, 22))


# ---------------------------------------------------------------- background told with its own period
def test_a_past_truce_with_its_own_years_that_collapsed_keeps_its_years(run):
    """'the truce between 2017 and 2018 had collapsed': the years are the truce's own
    period, not the day it collapsed (which would give it only an end)."""
    x = run("The earlier 90-day truce between 2017 and 2018 had collapsed.")
    assert bounds(one(x, "Ceasefire")) == (date(2017, 1, 1), date(2018, 12, 31))


def test_talks_that_stalled_in_a_month_keep_that_month_as_their_end(run):
    """The date on the verb of stalling is when they stopped: the end only."""
    x = run("The talks between Norland and Vespia stalled in January.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 1, 31))


# ---------------------------------------------------------------- talks stalled since a period
def test_talks_stalled_since_a_month_ended_in_that_month(run):
    """'have been stalled since January': they stopped in January (the end), and began
    before it (no start), not January to the report."""
    x = run("Negotiations on the water accord have been stalled since January.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 1, 31))


def test_talks_that_began_long_ago_and_stalled_since_a_month(run):
    """'began more than a year ago ... but have been stalled since January': a start
    told roughly is no bound; the halt in January is the end."""
    x = run("The talks between Norland and Vespia on a border treaty began more than a year ago in Lome "
            "but have been stalled since January.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 1, 31))


def test_talks_held_since_a_month_still_start_then(run):
    """Without a verb of stopping, 'since' is the start of what still goes on."""
    x = run("Negotiations on the water accord have continued since January.")
    assert bounds(one(x, "NegotiationRound"))[0] == date(2026, 1, 1)


# ---------------------------------------------------------------- within a span from now
def test_an_exchange_to_be_held_within_weeks_runs_from_now_to_then(run):
    """'will be held within three weeks': from the publication day to three weeks on."""
    x = run("The Red Cross said the exchange of detainees will be held within three weeks.")
    assert bounds(one(x, "PrisonerExchange")) == (SATURDAY, date(2026, 4, 4))


def test_an_exchange_completed_within_weeks_of_a_deal_is_not_dated_by_the_span(run):
    """Told in the past, 'within three weeks' says how long it took, not when."""
    x = run("The exchange of detainees was completed within three weeks of the deal.")
    assert bounds(one(x, "PrisonerExchange")) == (None, SATURDAY)


# ---------------------------------------------------------------- in the past week
def test_talks_in_the_past_week_run_from_a_week_before_the_report(run):
    """'his talks in the past week': from seven days before the publication day to it."""
    x = run("The envoy described his talks in the past week with Gulf officials as encouraging.")
    assert bounds(one(x, "Meeting")) == (date(2026, 3, 7), SATURDAY)


def test_talks_stalled_over_the_past_month_get_no_span(run):
    """Stalled over the past month: they took place before it, not within it."""
    x = run("Negotiations on the water accord have stalled over the past month.")
    assert bounds(one(x, "NegotiationRound"))[0] is None


# ---------------------------------------------------------------- at the talks, on the subject
def test_a_proposal_by_a_side_at_the_talks_is_made_on_the_day_of_the_talks(run):
    """'The delegation at the talks proposed ...': the subject's 'at the talks' places
    the proposal at those talks, on their day."""
    x = run("A second round of talks brought Norland and Vespia together in Lome on Thursday.\n"
            "The Norlandic delegation at the talks proposed that all prisoners be exchanged.")
    assert bounds(one(x, "Proposal")) == (THURSDAY, THURSDAY)


# ---------------------------------------------------------------- "today" in words quoted from an earlier day
def test_a_statement_whose_quoted_words_say_today_in_a_report_of_an_earlier_day(run):
    """The report tells of Wednesday; the mediator's words 'the accord signed today'
    were said that Wednesday."""
    x = run("The governments of Norland and Vespia agreed on Wednesday to end their border war.\n"
            "\"The accord signed today is only a start,\" said the mediator, Anna Kerr.")
    assert bounds(one(x, "Statement")) == (date(2026, 3, 11), date(2026, 3, 11))


def test_a_truce_reached_at_talks_held_over_days_is_in_force_from_their_first_day(run):
    """'Between Tuesday and Wednesday ... held peace talks and reached a ceasefire
    agreement, the mediator said on Thursday': agreed at the talks, in force from Tuesday at the
    earliest, not from the day it was announced."""
    x = run("Between Tuesday and Wednesday, army officers and rebel commanders held peace talks in Arusha and "
            "reached a written ceasefire agreement, the mediator said on Thursday.\n"
            "Both sides undertook to put the ceasefire into effect at once.")
    assert bounds(one(x, "Ceasefire")) == (date(2026, 3, 10), None)


# ---------------------------------------------------------------- hours-long talks before a dated outcome
def test_talks_of_some_hours_before_an_accord_on_a_day_were_held_that_day(run):
    """'Thursday's accord came after 12-hour talks': talks of hours, ended by
    Thursday, were held on Thursday."""
    x = run("Thursday's accord came after 12-hour talks in Lome between the leaders of Norland and Vespia.")
    assert bounds(one(x, "Summit")) == (THURSDAY, THURSDAY)


def test_talks_of_weeks_before_an_accord_on_a_day_only_end_by_then(run):
    """Weeks of talks before Thursday's accord: ended by Thursday, begun before."""
    x = run("Thursday's accord came after two weeks of talks in Lome between the leaders of Norland and Vespia.")
    assert bounds(one(x, "Summit")) == (None, THURSDAY)
