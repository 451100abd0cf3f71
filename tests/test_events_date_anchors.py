"""Dates told through another event or another clause (issue 10, section 3), probed
with sentences of our own: an event some days before or after another one that has a
day ("two days after the summit on Friday", "the day after the summit, which was held
on Thursday", "met on Tuesday, a day before the talks resumed"); a truce whose clause of
telling or agreeing has one day and whose start has another ("announced on Saturday,
took effect on Sunday"); an event noun whose own clause of taking place has a day while
the verb it hangs on tells of something else ("arrived on Sunday for talks that begin
on Thursday"); the day of a meeting told in one sentence and referred back to in the
next; months, years and weeks as the period's bounds; and events with no day told,
which stay open.

Every sentence is our own, with invented places, people and parties. Each row gives the
publication day, the text, and for each class named the bounds a careful reader gives
every event of that class (``None``: open), in the order kg lists them.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: A Wednesday: Monday is March 9, last week March 2 to 8.
PUBLISHED = date(2026, 3, 11)
D = date

CASES = [
    # some days before or after another event that has a day
    (PUBLISHED,
     "Two days after the summit in Varna on Friday, the foreign ministers of Talmar and Ostrava met in Vell.",
     {"Summit": [(D(2026, 3, 6), D(2026, 3, 6))], "Meeting": [(D(2026, 3, 8), D(2026, 3, 8))]}),
    (PUBLISHED,
     "The day after the summit, which was held on Thursday in Varna, the presidents of Talmar and "
     "Ostrava spoke by phone.",
     {"Summit": [(D(2026, 3, 5), D(2026, 3, 5))], "Meeting": [(D(2026, 3, 6), D(2026, 3, 6))]}),
    (PUBLISHED,
     "The mediators met the hostage families on Tuesday, a day before the talks resumed in Doha.",
     {"NegotiationRound": [(D(2026, 3, 10), D(2026, 3, 10)), (D(2026, 3, 11), D(2026, 3, 11))]}),
    (PUBLISHED,
     "The summit in Varna on Friday came a week after the foreign ministers met in Vell.",
     {"Summit": [(D(2026, 3, 6), D(2026, 3, 6))], "Meeting": [(D(2026, 2, 27), D(2026, 2, 27))]}),
    (PUBLISHED,
     "A week after the talks in Geneva on March 2, the envoys of Orlo and Selvania held talks again in Vell.",
     {"NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 2)), (D(2026, 3, 9), D(2026, 3, 9))]}),
    (PUBLISHED,
     "The ministers of Orlo and Selvania will meet on Friday, three days before the summit in Varna.",
     {"Meeting": [(D(2026, 3, 13), D(2026, 3, 13))], "Summit": [(D(2026, 3, 16), D(2026, 3, 16))]}),
    (PUBLISHED,
     "The envoys of Orlo signed the accord on Friday, a day after talks in Geneva.",
     {"NegotiationRound": [(D(2026, 3, 5), D(2026, 3, 5))]}),
    (PUBLISHED,
     "The summit of Talmar and Ostrava was held in Varna on Thursday. Two days later, the foreign "
     "ministers met in Vell.",
     {"Summit": [(D(2026, 3, 5), D(2026, 3, 5))], "Meeting": [(D(2026, 3, 7), D(2026, 3, 7))]}),
    (PUBLISHED,
     "The envoys of Orlo and Selvania met on Monday. The day before, the mediator had held talks with the rebels.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9)), (D(2026, 3, 8), D(2026, 3, 8))]}),
    (PUBLISHED, "The talks in Paris took place ten days before the creditors approved the plan on Tuesday.",
     {"NegotiationRound": [(D(2026, 2, 28), D(2026, 2, 28))]}),
    (PUBLISHED, "The ministers of Orlo and Selvania will meet a week before the summit opens on 20 March.",
     {"Meeting": [(D(2026, 3, 13), D(2026, 3, 13))], "Summit": [(D(2026, 3, 20), None)]}),
    (PUBLISHED, "The summit in Varna, scheduled two weeks after the talks in Vell on March 2, was called off.",
     {"Summit": [(D(2026, 3, 16), D(2026, 3, 16))], "NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 2))]}),
    (PUBLISHED, "The two sides met on Saturday, a week after the ceasefire took effect.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 7))], "Ceasefire": [(D(2026, 2, 28), None)]}),
    # counted past the report for an event told in the past: no such day
    (PUBLISHED, "Two weeks after the summit in Varna on 3 March, the foreign ministers met in Vell.",
     {"Summit": [(D(2026, 3, 3), D(2026, 3, 3))], "Meeting": [(D(2026, 3, 3), PUBLISHED)]}),
    # a truce: the day it was told or agreed on is not the day it starts on
    (PUBLISHED, "The truce announced on Saturday took effect on Sunday.",
     {"Ceasefire": [(D(2026, 3, 8), None)]}),
    (PUBLISHED, "The truce announced on Saturday will take effect on Sunday.",
     {"Ceasefire": [(D(2026, 3, 15), None)]}),
    (PUBLISHED, "The ceasefire, which the army and the rebels signed on Monday, came into force on Tuesday.",
     {"Ceasefire": [(D(2026, 3, 10), None)]}),
    (PUBLISHED, "A ceasefire agreed on Monday took effect at once.",
     {"Ceasefire": [(D(2026, 3, 9), None)]}),
    (PUBLISHED, "After ten days of talks in Vell, the two governments agreed on Wednesday to swap detainees.",
     {"NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 11))]}),
    (PUBLISHED, "The accord on prisoners came on Monday after three days of negotiations in Geneva.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 9))]}),
    (PUBLISHED, "After two weeks of talks, the union and Dornhaus reached a deal on Friday.",
     {"NegotiationRound": [(None, D(2026, 3, 6))]}),
    (D(2026, 3, 8), "Talks between Orlo and Selvania in Doha that began on Friday ended in a truce on Sunday.",
     {"NegotiationRound": [(D(2026, 3, 6), D(2026, 3, 8))], "Ceasefire": [(D(2026, 3, 8), None)]}),
    (PUBLISHED, "The truce reached in Doha last week has been largely respected.",
     {"Ceasefire": [(D(2026, 3, 2), None)]}),
    (PUBLISHED, "The army and the rebels agreed a truce in January.",
     {"Ceasefire": [(D(2026, 1, 1), None)]}),
    (PUBLISHED, "The truce, which came into force at midnight on Saturday, was holding on Monday.",
     {"Ceasefire": [(None, None)]}),
    (PUBLISHED, "A 72-hour truce between the army and the rebels began at dawn on Monday.",
     {"Ceasefire": [(D(2026, 3, 9), D(2026, 3, 12))]}),
    # the event noun's own clause of taking place, under a verb of something else
    (PUBLISHED, "The foreign minister of Orlo flew to Vell on Monday for a summit that took place on Tuesday.",
     {"Summit": [(D(2026, 3, 10), D(2026, 3, 10))]}),
    # a day told once and referred back to
    (PUBLISHED, "Envoys of Orlo and Selvania met in Geneva on Monday. The meeting ended without a joint statement.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9))]}),
    (PUBLISHED,
     "Negotiators for the dockworkers and the port authority held talks on Tuesday. The talks, the first "
     "since the strike began, lasted six hours.",
     {"NegotiationRound": [(D(2026, 3, 10), D(2026, 3, 10))]}),
    (PUBLISHED,
     "The presidents of Talmar and Ostrava held a summit in Varna on Saturday. At the summit, the two "
     "leaders agreed to reopen the border.",
     {"Summit": [(D(2026, 3, 7), D(2026, 3, 7))]}),
    (PUBLISHED,
     "Debt talks between Selvania and its creditors took place in Paris on 2 March. At the talks, the "
     "creditors offered a five-year grace period.",
     {"NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 2))]}),
    (PUBLISHED,
     "Envoys of Orlo and Selvania met in Geneva on Friday. Diplomats said afterwards that the meeting had "
     "been constructive.",
     {"NegotiationRound": [(D(2026, 3, 6), D(2026, 3, 6))]}),
    (PUBLISHED,
     "The labour minister of Selvania met union leaders on Thursday. At that meeting, the minister offered "
     "a 4 percent raise.",
     {"Meeting": [(D(2026, 3, 5), D(2026, 3, 5))]}),
    (PUBLISHED,
     "The border commission of Mirovia and Kastel met in Vell last Friday. It was the commission's first "
     "meeting in a year.",
     {"Meeting": [(D(2026, 3, 6), D(2026, 3, 6))]}),
    (PUBLISHED, "The talks in Geneva were held on Monday. On the sidelines of the talks, Foreign Minister "
     "Ana Weiss met the mediator.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9))], "Meeting": [(D(2026, 3, 9), D(2026, 3, 9))]}),
    (PUBLISHED, "The talks opened in Geneva on Monday. On the sidelines of the talks, Foreign Minister Ana Weiss "
     "met the mediator.",
     {"Meeting": [(D(2026, 3, 9), PUBLISHED)]}),
    # talks told as lasting some days with their noun
    (PUBLISHED, "Two-day talks between the envoys of Orlo and Selvania opened in Vell on Monday.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 10))]}),
    (PUBLISHED, "The envoys of Orlo and Selvania will hold three-day talks in Vell from 20 March.",
     {"NegotiationRound": [(D(2026, 3, 20), D(2026, 3, 22))]}),
    (PUBLISHED, "The two-day talks between the envoys of Orlo and Selvania ended in Vell on Tuesday.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 10))]}),
    (D(2026, 3, 9), "The envoys of Orlo and Selvania are holding two-day talks in Vell today.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 10))]}),
    (PUBLISHED, "The envoys of Orlo and Selvania held two-day talks in Vell last week.",
     {"NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 8))]}),
    # months, years, weeks and weekends: the period's bounds
    (PUBLISHED, "The January round of talks between the union and Dornhaus produced an outline deal.",
     {"NegotiationRound": [(D(2026, 1, 1), D(2026, 1, 31))]}),
    (PUBLISHED, "The May summit of Talmar and Ostrava will be held in Varna.",
     {"Summit": [(D(2026, 5, 1), D(2026, 5, 31))]}),
    (PUBLISHED, "Talks between the governments of Orlo and Selvania last year ended without a deal.",
     {"NegotiationRound": [(D(2025, 1, 1), D(2025, 12, 31))]}),
    (PUBLISHED, "In March last year, envoys of Mirovia and Kastel met in Vell.",
     {"NegotiationRound": [(D(2025, 3, 1), D(2025, 3, 31))]}),
    (PUBLISHED, "A summit of the two presidents in 2024 produced a trade pact.",
     {"Summit": [(D(2024, 1, 1), D(2024, 12, 31))]}),
    (PUBLISHED, "The two ministers last met in January 2024, in Vell.",
     {"Meeting": [(D(2024, 1, 1), D(2024, 1, 31))]}),
    (PUBLISHED, "Earlier this week, the finance minister of Selvania met the creditors in Paris.",
     {"Meeting": [(D(2026, 3, 9), D(2026, 3, 11))]}),
    (PUBLISHED, "Over the weekend, the two coalition partners held talks to save the government.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 8))]}),
    (D(2026, 3, 9), "The talks between the nurses and the hospital board broke up over the weekend without a deal.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 8))]}),
    (PUBLISHED, "Negotiators of Orlo and Selvania met twice last month.",
     {"NegotiationRound": [(D(2026, 2, 1), D(2026, 2, 28))]}),
    (PUBLISHED, "The coalition partners met earlier this month to discuss the budget.",
     {"Meeting": [(D(2026, 3, 1), D(2026, 3, 11))]}),
    (PUBLISHED,
     "Nurses and the hospital board held talks earlier this week; another round is planned for next week.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 11)), (D(2026, 3, 16), D(2026, 3, 22))]}),
    (PUBLISHED, "The summit of Talmar and Ostrava, held in Varna three weeks ago, produced a trade pact.",
     {"Summit": [(D(2026, 2, 16), D(2026, 2, 22))]}),
    # a day in a clause that belongs to another event
    (PUBLISHED,
     "The ministers of Orlo and Selvania, who had signed a trade pact on Monday, met again in Vell yesterday.",
     {"Meeting": [(D(2026, 3, 10), D(2026, 3, 10))]}),
    (PUBLISHED, "Negotiators of Vantor who arrived in Geneva on Sunday began talks with the rebels on Tuesday.",
     {"NegotiationRound": [(D(2026, 3, 10), D(2026, 3, 10))]}),
    (PUBLISHED, "The mediator said on Monday that the talks had resumed two days earlier.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 7))]}),
    (PUBLISHED, "The talks between Orlo and Selvania will resume on Thursday, the mediator said on Monday.",
     {"NegotiationRound": [(D(2026, 3, 12), D(2026, 3, 12))]}),
    (D(2026, 3, 9), "The two presidents spoke by phone on Saturday and agreed to meet in Varna next month.",
     {"Meeting": [(D(2026, 3, 7), D(2026, 3, 7)), (D(2026, 4, 1), D(2026, 4, 30))]}),
    # an earlier plan, "now", and the date the event has now
    (PUBLISHED, "The summit, initially set for May, will now take place in June.",
     {"Summit": [(D(2026, 6, 1), D(2026, 6, 30))]}),
    (PUBLISHED, "The talks, originally planned for April, are now expected in May.",
     {"NegotiationRound": [(D(2026, 5, 1), D(2026, 5, 31))]}),
    (PUBLISHED, "Talks between Orlo and Selvania, first held in 2017, resumed last week.",
     {"NegotiationRound": [(D(2026, 3, 2), D(2026, 3, 8))]}),
    # a clause joined with a subject of its own tells of that thing
    (D(2026, 3, 9), "Talks between the union and Dornhaus broke down over the weekend, and a strike began this morning.",
     {"NegotiationRound": [(None, D(2026, 3, 8))]}),
    (D(2026, 3, 9), "The envoys of Orlo and Selvania held talks in Vell over the weekend and met again this morning.",
     {"NegotiationRound": [(D(2026, 3, 7), D(2026, 3, 8))], "Meeting": [(D(2026, 3, 9), D(2026, 3, 9))]}),
    # a statement that reports a past event of a day, told with its noun: said that day or after
    (PUBLISHED, "Ana Weiss, the foreign minister of Orlo, said the talks on Monday had been useful.",
     {"Statement": [(D(2026, 3, 9), PUBLISHED)], "NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9))]}),
    # the week, month or year before or after the one told of
    (PUBLISHED, "The envoys met in Vell on Monday. The week before, their deputies had held talks in Geneva.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9)), (D(2026, 3, 2), D(2026, 3, 8))]}),
    (PUBLISHED, "The presidents held a summit in Varna in 2019. The year before, their ministers had met in Vell.",
     {"Summit": [(D(2019, 1, 1), D(2019, 12, 31))], "Meeting": [(D(2018, 1, 1), D(2018, 12, 31))]}),
    # a date of the thing a "since" phrase names is not the event's
    (PUBLISHED, "The talks, the first since the war in 2020, took place in Vell.",
     {"NegotiationRound": [(None, PUBLISHED)]}),
    (PUBLISHED, "Talks resumed on Monday for the first time since the war in 2020.",
     {"NegotiationRound": [(D(2026, 3, 9), D(2026, 3, 9))]}),
    # a date of a thing named after "after" or "before": one bound of the event
    (PUBLISHED, "Labour talks at the Vell port, suspended in January, will resume after the elections in May.",
     {"NegotiationRound": [(D(2026, 5, 1), None)]}),
    (PUBLISHED, "The debt talks are now expected to conclude by the end of the year rather than in June.",
     {"NegotiationRound": [(None, D(2026, 12, 31))]}),
    # a statement about what happens today was made today
    (PUBLISHED, "The metalworkers' union IG Stahl announced that the walkout at Dornhaus is to be called off at noon today.",
     {"Statement": [(PUBLISHED, PUBLISHED)]}),
    # no day told: open bounds, or only the end the report gives
    (PUBLISHED, "A new round of talks between the union and the carmaker Dornhaus is expected.",
     {"NegotiationRound": [(None, None)]}),
    (PUBLISHED, "The summit, whose date has not been announced, will be held in Varna.",
     {"Summit": [(None, None)]}),
    (PUBLISHED, "Nuclear talks between Orlo and the agency will resume in Vienna after the New Year holiday.",
     {"NegotiationRound": [(None, None)]}),
    (PUBLISHED, "The union and the employers will hold talks before the end of the month.",
     {"NegotiationRound": [(None, D(2026, 3, 31))]}),
    (PUBLISHED, "Talks between Qaran and Belmoor broke down last year and have not resumed.",
     {"NegotiationRound": [(None, D(2025, 12, 31))]}),
]


@pytest.mark.parametrize("published,text,expected", CASES, ids=[c[1][:48] for c in CASES])
def test_dates_told_through_another_event(run_on, published, text, expected):
    x = run_on(text, published)
    for kind, want in expected.items():
        got = [bounds(e) for e in kinds(x, kind)]
        assert sorted(got, key=str) == sorted(want, key=str), (kind, got, [(e.kind, e.label) for e in x.events])


def test_talks_told_in_their_own_clause_are_not_dated_by_an_arrival(run_on):
    """'arrived on Sunday for talks that begin on Thursday': Sunday is the arrival's
    day, not the talks' (whatever their status, they cannot be Sunday's)."""
    x = run_on("A delegation of Vantor rebels arrived in Geneva on Sunday for talks that begin on Thursday.",
               PUBLISHED)
    (talks,) = kinds(x, "NegotiationRound")
    assert date(2026, 3, 8) not in bounds(talks)


def test_repeated_headlines_and_agency_tags_are_no_paragraphs_of_the_lead(run_on):
    """A web page's excerpt repeats its headline and photo caption and carries a
    one-word agency tag before the lead: those lines are not paragraphs, so the lead
    that tells of the publication day is still the lead, and a statement quoted right
    after it without a day of its own was made that day."""
    text = ("Orlo and Selvania agree to swap detainees\n"
            "Delegates at the talks in Vell. (Photo)\n"
            "Wire\n"
            "Orlo and Selvania agree to swap detainees\n"
            "Delegates at the talks in Vell. (Photo)\n"
            "The governments of Orlo and Selvania agreed to free 300 detainees, the United Nations said on Wednesday.\n"
            "\"This is a day of hope for hundreds of families,\" said Mara Quell, the chief mediator.")
    x = run_on(text, PUBLISHED)
    (quell,) = [e for e in kinds(x, "Statement") if "Quell" in e.label]
    assert bounds(quell) == (PUBLISHED, PUBLISHED)


def test_talks_begun_as_the_object_of_a_verb_of_starting_start_in_that_period(run_on):
    """'began coalition talks in March': the talks began then and went on (from March 1
    to the report), not talks of March only; told roughly ('more than a year ago'),
    no start at all."""
    x = run_on("The Social Party began coalition talks with the Greens in March.", date(2026, 4, 20))
    (talks,) = kinds(x, "NegotiationRound")
    assert bounds(talks) == (date(2026, 3, 1), date(2026, 4, 20))
    x = run_on("The envoys began their talks in Vell more than a year ago.", PUBLISHED)
    (talks,) = kinds(x, "NegotiationRound")
    assert bounds(talks) == (None, PUBLISHED)


def test_a_truce_a_headline_tells_in_the_present_and_the_lead_as_agreed_is_in_force(run_on):
    """A headline's 'X, Y agree to immediate truce' (present for past) and the lead's
    'agreed on Sunday to an immediate truce' are one truce, agreed in the past: in
    force from Sunday, not a plan without a day."""
    text = ("Orlo, Selvania agree to halt fighting after talks in Qatar\n"
            "Meeting in Doha on Sunday, Orlo and Selvania agreed to an immediate truce.")
    x = run_on(text, date(2026, 3, 8))
    (truce,) = kinds(x, "Ceasefire")
    assert truce.status == "Ongoing" and bounds(truce) == (date(2026, 3, 8), None)


def test_a_truce_in_force_on_the_publication_day_is_ongoing(run_on):
    """A truce of some hours begun on Monday and running past Wednesday's paper is in
    force (Ongoing), not over; one agreed in a past month without a start of its own
    is in force since that month."""
    x = run_on("A 72-hour truce between the army and the rebels began at dawn on Monday.", PUBLISHED)
    assert one_truce(x).status == "Ongoing"
    x = run_on("The army and the rebels agreed a truce in January.", PUBLISHED)
    assert one_truce(x).status == "Ongoing"


def one_truce(x):
    (truce,) = kinds(x, "Ceasefire")
    return truce
