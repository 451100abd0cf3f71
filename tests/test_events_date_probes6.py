"""Dates of events, probed again with sentences of our own (issue 10, section 3):
days told relative to the report and then named ("today (Monday)"), days with their
date in brackets, weekends told in the past, months and days without a year before or
after the report, ranges, fronted years, rounds that began on a day, talks under way,
and dates of a neighbouring clause.

Every sentence is our own, with invented places, people and parties, in the registers
of wire leads, headlines, quotes and long reports about labour, trade, debt,
coalition, ceasefire, hostage, border and nuclear talks. Each row gives the publication
day, the text, and the bounds a careful reader gives each event of a class (``None``:
open); a meeting and a round of talks count as one class here (which of the two a
sentence names is the triggers' business, not the dates').
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import assert_dated, bounds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

CASES = [
    # the publication day, told with its weekday
    (date(2026, 3, 8), "Negotiators of Osterland and Bavaro held talks in Velm on Sunday, officials said.",
     [("NegotiationRound", date(2026, 3, 8), date(2026, 3, 8))]),
    (date(2026, 3, 9), '"We are meeting the union today (Monday) to discuss wages," the transport minister Ilse Varga said.',
     [("Meeting", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 6, 12), "The delegations of Mirovia and Kastel met on Friday (June 12) in the border town of Vell.",
     [("Meeting", date(2026, 6, 12), date(2026, 6, 12))]),
    (date(2026, 3, 13), "The mediators [Friday] held a new round of talks with both sides in Castelmar.",
     [("NegotiationRound", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 13), "Photo: Delegates from Mirovia and Kastel shake hands at the end of talks in Vell yesterday.",
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    (date(2026, 3, 12), "Mediators from Velm said Thursday the two sides had agreed to a prisoner swap.",
     [("Statement", date(2026, 3, 12), date(2026, 3, 12))]),
    # a day told relative to the report, then named: the named day
    (date(2026, 3, 10), '"We reached a deal with the carmaker today (Monday)," the union leader Tomas Reyl told reporters.',
     [("Statement", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 10), "Envoys of Qaran and Belmoor held talks on Monday (March 9) in Port Essa.",
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 9))]),
    (date(2026, 3, 10), "Envoys of Qaran and Belmoor will hold talks on Thursday (March 12) in Port Essa.",
     [("NegotiationRound", date(2026, 3, 12), date(2026, 3, 12))]),
    # weekends: told in the past on a weekday, the one just gone
    (date(2026, 3, 9), "Union leaders and the airline Skyra held talks this weekend but failed to reach a deal.",
     [("NegotiationRound", date(2026, 3, 7), date(2026, 3, 8))]),
    (date(2026, 3, 9), "Negotiators from Orlo met this weekend with the bondholders in Castelmar.",
     [("Meeting", date(2026, 3, 7), date(2026, 3, 8))]),
    (date(2026, 3, 9), "This weekend's talks between the union and Skyra ended without a deal.",
     [("NegotiationRound", date(2026, 3, 7), date(2026, 3, 8))]),
    (date(2026, 3, 11), "Negotiators from Orlo will meet the bondholders this weekend in Castelmar.",
     [("Meeting", date(2026, 3, 14), date(2026, 3, 15))]),
    # months and days without a year
    (date(2026, 3, 11), "Delegations of Kastel and Mirovia held talks in Vell in November.",
     [("NegotiationRound", date(2025, 11, 1), date(2025, 11, 30))]),
    (date(2026, 3, 11), "Delegations of Kastel and Mirovia will hold talks in Vell in November.",
     [("NegotiationRound", date(2026, 11, 1), date(2026, 11, 30))]),
    (date(2026, 3, 11), "Selvania's creditors proposed that the debt talks resume in May.",
     [("NegotiationRound", date(2026, 5, 1), date(2026, 5, 31))]),
    (date(2026, 3, 11), "The finance ministry proposes new talks with the bondholders in May.",
     [("NegotiationRound", date(2026, 5, 1), date(2026, 5, 31))]),
    (date(2026, 3, 11), "Orlo's government proposes holding talks with its creditors in May.",
     [("NegotiationRound", date(2026, 5, 1), date(2026, 5, 31))]),
    (date(2026, 3, 11), "The mediators suggest that the next round take place in June in Geneva.",
     [("NegotiationRound", date(2026, 6, 1), date(2026, 6, 30))]),
    (date(2026, 3, 11), "The union wants talks with the port operators to resume in April.",
     [("NegotiationRound", date(2026, 4, 1), date(2026, 4, 30))]),
    (date(2026, 3, 11), "Kastel and Mirovia agreed to hold talks in April.",
     [("NegotiationRound", date(2026, 4, 1), date(2026, 4, 30))]),
    (date(2026, 3, 11), "The minister said the talks were postponed to April.",
     [("NegotiationRound", date(2026, 4, 1), date(2026, 4, 30))]),
    (date(2026, 7, 20), "The envoys of Talmar and Ostrava will meet on August 3 in Geneva to discuss the border.",
     [("Meeting", date(2026, 8, 3), date(2026, 8, 3))]),
    (date(2026, 8, 10), "The envoys of Talmar and Ostrava met on August 3 in Geneva to discuss the border.",
     [("Meeting", date(2026, 8, 3), date(2026, 8, 3))]),
    (date(2026, 8, 20), "The envoys of Talmar and Ostrava met on August 3 and again on August 17.",
     [("Meeting", date(2026, 8, 3), date(2026, 8, 3))]),
    (date(2026, 7, 20), "The talks were moved to August 3, the ministry said.",
     [("NegotiationRound", date(2026, 8, 3), date(2026, 8, 3))]),
    (date(2026, 1, 10), "Envoys of Talmar and Ostrava held talks on December 28 in Geneva.",
     [("NegotiationRound", date(2025, 12, 28), date(2025, 12, 28))]),
    (date(2026, 12, 20), "Envoys of Talmar and Ostrava will hold talks on January 8 in Geneva.",
     [("NegotiationRound", date(2027, 1, 8), date(2027, 1, 8))]),
    # ranges
    (date(2026, 3, 11), "Trade envoys of Osterland and Bavaro will hold talks between August 14 and September 4 in Velm.",
     [("NegotiationRound", date(2026, 8, 14), date(2026, 9, 4))]),
    (date(2026, 3, 11), "Talks on the loan were held between February 2 and February 6 in Castelmar.",
     [("NegotiationRound", date(2026, 2, 2), date(2026, 2, 6))]),
    (date(2026, 3, 11), "The committee will hold talks between 14 and 18 April in Vell.",
     [("NegotiationRound", date(2026, 4, 14), date(2026, 4, 18))]),
    # fronted years
    (date(2026, 3, 11), "In 1987, Talmar and Ostrava held talks on the border in Vell.",
     [("NegotiationRound", date(1987, 1, 1), date(1987, 12, 31))]),
    (date(2026, 3, 11), "Back in 2014, negotiators of Qaran and Belmoor met secretly in Port Essa.",
     [("Meeting", date(2014, 1, 1), date(2014, 12, 31))]),
    # rounds that began on a day, talks under way
    (date(2026, 3, 11), "Negotiators for Mirovia and Kastel have been holding talks in Vell since Monday.",
     [("NegotiationRound", date(2026, 3, 9), None)]),
    (date(2026, 3, 11), "The talks, which started on Monday, are continuing in Velm.",
     [("NegotiationRound", date(2026, 3, 9), None)]),
    (date(2026, 3, 11), "The fourth round, which began on March 2, is expected to end on Friday.",
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 13))]),
    (date(2026, 3, 11), "Talks between the dockworkers' union and the port operators are under way in Castelmar.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "The third round of talks, which began on March 2 in Velm, is continuing this week.",
     [("NegotiationRound", date(2026, 3, 2), None)]),
    (date(2026, 3, 11), "Coalition talks between the Greens and the Liberals are continuing this week.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "Budget talks between the coalition partners drag on this month in Castelmar.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "The nuclear talks in Vell, under way since January, are still going on this week.",
     [("NegotiationRound", date(2026, 1, 1), None)]),
    (date(2026, 3, 11), "Negotiators from Orlo and the bondholders held talks this week in Castelmar.",
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 11))]),
    (date(2026, 3, 11), "Negotiators from Orlo and the bondholders are holding talks this week in Castelmar.",
     [("NegotiationRound", date(2026, 3, 9), date(2026, 3, 15))]),
    # talks told on their n-th day: begun n - 1 days before it, no end
    (date(2026, 3, 11), "The talks between Velm and the rebels entered a third day on Wednesday.",
     [("NegotiationRound", date(2026, 3, 9), None)]),
    (date(2026, 3, 11), "The fisheries negotiations between Orlo and Selvania in Vell are entering their twelfth consecutive day.",
     [("NegotiationRound", date(2026, 2, 28), None)]),
    (date(2026, 3, 11), "Coalition negotiators are meeting for a fourth day in Castelmar.",
     [("NegotiationRound", date(2026, 3, 8), None)]),
    (date(2026, 3, 11), "The wage talks ended on their third day on Monday without a deal.",
     [("NegotiationRound", None, date(2026, 3, 9))]),
    (date(2026, 3, 11), "Talks will enter a second day on Friday, the mediators said.",
     [("NegotiationRound", date(2026, 3, 13), date(2026, 3, 13))]),
    # a bound on when talks start is none on when they end
    (date(2026, 3, 11), "Technical talks between Selvania and its creditors are to start by the end of April and last four months.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "The two governments agreed that border negotiations would begin before June.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "Under a plan both ministries backed, technical negotiations should open by the end of April and produce a result inside three months.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "Orlo and the bondholders will open talks before the end of the month, a ministry official said.",
     [("NegotiationRound", None, None)]),
    (date(2026, 3, 11), "The talks must be concluded by the end of April, the mediator said.",
     [("NegotiationRound", None, date(2026, 4, 30))]),
    (date(2026, 3, 11), "A new round of talks will be held before the end of April.",
     [("NegotiationRound", None, date(2026, 4, 30))]),
    (date(2026, 3, 11), "The airline and the pilots must finish their talks by Friday, the court ruled.",
     [("NegotiationRound", None, date(2026, 3, 13))]),
    # a new date after a postponement lies ahead
    (date(2026, 3, 11), "The summit between the presidents of Talmar and Ostrava, originally set for May, has been moved to June.",
     [("Summit", date(2026, 6, 1), date(2026, 6, 30))]),
    (date(2026, 3, 11), "Budget talks between the coalition parties have been pushed back to June.",
     [("NegotiationRound", date(2026, 6, 1), date(2026, 6, 30))]),
    # other registers
    (date(2026, 3, 11), "Hours ago, the mediators in Port Essa announced that a prisoner exchange had been completed.",
     [("PrisonerExchange", None, date(2026, 3, 11))]),
    (date(2026, 3, 11), "This afternoon the finance minister met the creditors' committee in Castelmar.",
     [("Meeting", date(2026, 3, 11), date(2026, 3, 11))]),
    (date(2026, 3, 11), "Talks on a free trade deal between Osterland and Bavaro are expected to resume in mid-May.",
     [("NegotiationRound", date(2026, 5, 1), date(2026, 5, 31))]),
    (date(2026, 3, 11), "Earlier this year, the government of Selvania held talks with the bondholders in Castelmar.",
     [("NegotiationRound", date(2026, 1, 1), date(2026, 3, 11))]),
    (date(2026, 3, 11), "The ceasefire agreed by Qaran and Belmoor on Sunday took effect at midnight.",
     [("Ceasefire", date(2026, 3, 8), None)]),
    (date(2026, 3, 11), "A 30-day truce between the army and the rebels will take effect on Friday.",
     [("Ceasefire", date(2026, 3, 13), date(2026, 4, 12))]),
    (date(2026, 3, 11), "The hostages were freed on Tuesday, two days after gunmen attacked a convoy near Port Essa.",
     [("PrisonerExchange", date(2026, 3, 10), date(2026, 3, 10))]),
    (date(2026, 3, 11), "The union and the hospital board will meet again the day after tomorrow.",
     [("Meeting", date(2026, 3, 13), date(2026, 3, 13))]),
    (date(2026, 3, 11), "On March 2, coalition talks between the Greens and the Liberals collapsed.",
     [("NegotiationRound", None, date(2026, 3, 2))]),
    (date(2026, 3, 11), "Trade talks between Osterland and Bavaro, held in Velm from 2 to 4 March, ended without agreement.",
     [("NegotiationRound", date(2026, 3, 2), date(2026, 3, 4))]),
    # dates of a neighbouring clause
    (date(2026, 3, 11), "The nuclear talks, which began in Vell in January, will resume next week.",
     [("NegotiationRound", date(2026, 3, 16), date(2026, 3, 22))]),
    (date(2026, 3, 11), "The talks that began in January will resume in April in Vell.",
     [("NegotiationRound", date(2026, 4, 1), date(2026, 4, 30))]),
    (date(2026, 3, 11), "The debt talks, which began in January, stalled last week.",
     [("NegotiationRound", date(2026, 1, 1), date(2026, 3, 8))]),
    (date(2026, 3, 11), "Talks between Orlo and its creditors adjourned last month. A ceasefire in the north has held since Sunday.",
     [("Ceasefire", date(2026, 3, 8), None)]),
    (date(2026, 3, 11), "The talks in Vell, which adjourned last month, will resume next week, while a ceasefire in the north holds.",
     [("Ceasefire", None, None)]),
    (date(2026, 3, 11), "Under a 2003 pact the two armies agreed to observe a ceasefire along the frontier again.",
     [("Ceasefire", None, None)]),
    (date(2026, 3, 11), "Talks held in early October failed, and the two sides met again in Vell on Monday.",
     [("Meeting", date(2026, 3, 9), date(2026, 3, 9))]),
]


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_probe_dates(run_on, published, text, expected):
    assert_dated(run_on(text, published), expected)


@pytest.mark.parametrize("text,expected", [
    ("A fresh deadline of Monday was set for the gas accord, the mediators said.", "2026-03-16"),
    ("The mediator gave both sides a deadline of Tuesday to reply.", "2026-03-17"),
    ("The unions rejected the offer and set a deadline of Monday for new talks.", "2026-03-16"),
    ("The talks missed the deadline of Friday.", "2026-03-13"),
    ("The deadline on Friday passed without a deal.", "2026-03-13"),
])
def test_a_deadline_set_lies_ahead(text, expected):
    """A deadline set or given lies ahead of the day it is set on (a Saturday paper's
    'set a deadline of Monday' is the Monday to come); one missed or passed is behind."""
    from kg.extract.timex import find_timexes

    (t,) = find_timexes(text, date(2026, 3, 14))
    assert t.timex == expected


@pytest.mark.parametrize("text,expected", [
    ('"We signed the accord today (Monday)," the envoy said.', "2026-03-09"),
    ("The ministers met yesterday, Sunday, in Vell.", "2026-03-08"),
    ("The strike ends today, as the union said.", "2026-03-10"),
])
def test_a_relative_day_named_after(text, expected):
    """'today (Monday)': the weekday named right after is the day meant."""
    from kg.extract.timex import find_timexes

    assert find_timexes(text, date(2026, 3, 10))[0].timex == expected


@pytest.mark.parametrize("text,word,expected", [
    ("The talks that began in January will resume in April.", "January", "past"),
    ("Talks held in January will resume soon.", "January", "past"),
    ("Talks expected in May will focus on tariffs.", "May", "future"),
    ("The meeting scheduled for May will take place in Vell.", "May", "future"),
    ("The talks on Thursday will focus on tariffs.", "Thursday", "future"),
])
def test_a_past_verb_before_the_date_is_its_own(text, word, expected):
    """A future cue after the expression does not make it future when a verb in the
    past comes before it in its clause ("that began in January will resume")."""
    from kg.extract.timex.tense import guess_tense

    assert guess_tense(text, text.index(word), text.index(word) + len(word)) == expected


def test_a_quote_after_the_meeting_told_again_is_of_the_day(run_on):
    """A report of the day that tells its meeting again a paragraph later ("The meeting,
    held in ..."), without its date, still speaks of the day there: a quote in the next
    paragraph was said that day."""
    text = ("Envoys of Qaran and Belmoor met in Port Essa on Thursday to discuss the release of detained fishermen.\n\n"
            "The two neighbours have quarrelled over fishing rights for a decade.\n\n"
            "The meeting, held in the old customs house of Port Essa, lasted three hours.\n\n"
            "\"We heard each other at last,\" the Qarani envoy Mira Selk said.\n")
    x = run_on(text, date(2026, 3, 12))
    assert [bounds(e) for e in x.events if e.kind == "Statement"] == [(date(2026, 3, 12), date(2026, 3, 12))]


def test_a_question_heading_is_no_paragraph_of_the_report(run_on):
    """An explainer's question heading ("What did the ministers agree?") is no paragraph
    that leads the report away from its day: a statement after it, within reach of the
    lead's meeting of the day, was made that day."""
    text = ("Oil ministers of the Andean Oil Group met in Quito on Thursday and agreed to cut output.\n\n"
            "The group has twelve members from three continents.\n\n"
            "What did the ministers agree?\n\n"
            "The group's chairman Tomas Ruiz said the cut of one million barrels a day would start in May.\n")
    x = run_on(text, date(2026, 3, 12))
    assert (date(2026, 3, 12), date(2026, 3, 12)) in [bounds(e) for e in x.events if e.kind == "Statement"]
