"""Dates of events as real reports give them (issue 10, section 3): reports of the
publication day, start and end verbs, a date told in another mention of the event.

Every sentence here is our own, with invented places and people; each test shows one
kind of phrasing the date rules handle, and what they must leave open.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

SATURDAY = date(2026, 3, 14)


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = SATURDAY


# ---------------------------------------------------------------- a report of the publication day
def test_remarks_to_the_press_in_a_report_of_the_day_are_of_that_day(run):
    """The lead tells of the publication day only ("agreed on Saturday" in
    Saturday's paper): a news conference reported without a day of its own was
    held that day."""
    x = run("Leaders of Valdoria and Kestrania agreed on Saturday to halt the shelling along their border.\n"
            "The mediator, Prime Minister Tomas Reller of Norway, said at a press conference that the halt "
            "would begin at dawn.\nNo other details were given.")
    assert bounds(one(x, "Statement")) == (SATURDAY, SATURDAY)


def test_a_statement_after_a_news_conference_in_a_report_of_the_day_is_of_that_day(run):
    """'The ministries gave a joint news conference. ..., said a general': the
    statement was made there, on the day the report tells of."""
    x = run("Leaders of Valdoria and Kestrania agreed on Saturday to halt the shelling along their border.\n"
            "In Oslo, the two foreign ministries gave a joint news conference. The guns had fallen silent, "
            "said General Anton Berg of the Valdorian army.")
    assert bounds(one(x, "Statement")) == (SATURDAY, SATURDAY)


def test_remarks_after_the_days_press_conference_are_of_that_day(run):
    """Once the report tells of the day's press conference, the undated remarks it
    reports after it were made there; without one they stay open."""
    text = ("Leaders of Valdoria and Kestrania agreed on Saturday to halt the shelling along their border.\n"
            "The mediator, Prime Minister Tomas Reller of Norway, said at a press conference that the halt "
            "would begin at dawn.\nNo other details were given.\n"
            "President Ilse Marant of Valdoria said the agreement was a fair compromise.")
    said = {e.actors[0]: bounds(e) for e in kinds(run(text), "Statement")}
    assert said["Ilse Marant"] == (SATURDAY, SATURDAY)
    said = {e.actors[0]: bounds(e) for e in kinds(run(text.replace(" at a press conference", "")), "Statement")}
    assert said["Ilse Marant"] == (None, SATURDAY)


def test_remarks_to_the_press_after_an_earlier_day_stay_open(run):
    """The lead tells of an earlier day: the press conference may have been then."""
    x = run("Leaders of Valdoria and Kestrania agreed on Thursday to halt the shelling along their border.\n"
            "The mediator, Prime Minister Tomas Reller of Norway, said at a press conference that the halt "
            "would begin at dawn.")
    assert bounds(one(x, "Statement")) == (None, SATURDAY)


def test_a_plain_statement_in_a_report_of_the_day_stays_open(run):
    """Only a statement to the press (or a speech) takes the day of the report; a
    plain "said" may quote earlier words."""
    x = run("Leaders of Valdoria and Kestrania agreed on Saturday to halt the shelling along their border.\n"
            "Prime Minister Tomas Reller of Norway said that the halt would begin at dawn.")
    assert bounds(one(x, "Statement")) == (None, SATURDAY)


def test_today_in_the_reported_words_dates_the_statement(run):
    """'we handed over our list today', in a report of the publication day: the
    words were said that day."""
    x = run("Valdoria and Kestrania will swap 400 detainees, officials of both governments said on Saturday.\n"
            "Orvan Delic, a member of the Valdorian delegation, said in a post on Telegram that "
            "\"we handed over our list today and expect theirs soon\".")
    assert bounds(one(x, "Statement")) == (SATURDAY, SATURDAY)


def test_today_quoted_in_a_report_of_an_earlier_day_is_that_day(run):
    """The lead tells of Thursday: the quoted 'today' is Thursday's, the day the words
    were said (as the real-news gold reads such quotes), not the publication day."""
    x = run("Valdoria and Kestrania swapped 400 detainees on Thursday, officials said.\n"
            "Orvan Delic, a member of the Valdorian delegation, said in a post on Telegram that "
            "\"we handed over our list today and expect theirs soon\".")
    thursday = date(2026, 3, 12)
    assert bounds(one(x, "Statement")) == (thursday, thursday)


def test_today_said_by_the_narrator_in_a_report_of_an_earlier_day_stays_open(run):
    """Not quoted, 'today' is the narrator's, the publication day: it names no day of
    a statement made about Thursday's swap."""
    x = run("Valdoria and Kestrania swapped 400 detainees on Thursday, officials said.\n"
            "Orvan Delic, a member of the Valdorian delegation, said today that the lists were complete.")
    assert bounds(one(x, "Statement"))[0] != date(2026, 3, 12)


# ---------------------------------------------------------------- start verbs, reports of a day
def test_talks_that_began_in_a_month_start_then_and_run_to_the_report(run):
    """'began early last month': the month is the lower bound only; the talks went on,
    or ended, by the publication."""
    x = run("Negotiations between Valdoria and Kestrania on their river border began early last month "
            "in Reykjavik.")
    assert bounds(one(x, "NegotiationRound")) == (date(2026, 2, 1), SATURDAY)


def test_a_start_told_roughly_is_no_first_day(run):
    """'began over a year ago' is no start in last year: the talks are not dated
    from January of last year to the report."""
    x = run("Negotiations between Valdoria and Kestrania on their river border began over a year ago "
            "in Reykjavik.")
    assert bounds(one(x, "NegotiationRound")) != (date(2025, 1, 1), SATURDAY)


def test_talks_told_as_done_by_a_statement_of_a_day_ended_by_that_day(run):
    """'have finalized the negotiations, the ministry said on Tuesday': done by Tuesday."""
    x = run("Valdoria and Kestrania have finalized the negotiations on a border treaty, the Valdorian "
            "foreign ministry said in a statement on Tuesday.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 10))
    x = run("A week of talks in Oslo between Valdoria and Kestrania has ended without a breakthrough, "
            "the Norwegian foreign ministry said in a statement yesterday.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 13))


def test_talks_a_statement_says_will_end_get_no_bound_from_it(run):
    x = run("The Valdorian foreign ministry said on Thursday that the second round of talks with "
            "Kestrania would end next week.")
    assert one(x, "NegotiationRound").status == "Planned"
    assert bounds(one(x, "NegotiationRound"))[1] != date(2026, 3, 12)


# ---------------------------------------------------------------- a part of the event gives one bound
def test_the_closing_ceremony_of_a_round_gives_its_end_only(run):
    x = run("Valdoria and Kestrania signed a protocol on fishing rights on Friday, during the closing ceremony "
            "of the fourth round of talks in Oslo.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 13))


def test_the_opening_session_of_a_round_gives_its_start_only(run):
    x = run("The opening session of the fourth round of talks between Valdoria and Kestrania was held "
            "in Oslo on Monday.")
    assert bounds(one(x, "NegotiationRound")) == (date(2026, 3, 9), SATURDAY)


# ---------------------------------------------------------------- bounds of another verb, month-only reports
TREATY = ("Valdoria and Kestrania decided that their envoys would begin negotiations on a border treaty "
          "and would have a joint fishing commission in place before the end of this month.")


def test_a_bound_on_the_next_verb_of_a_plan_is_not_the_talks_bound(run):
    """'would begin negotiations ... and would have a commission in place before
    the end of this month': the bound is the commission's."""
    talks = one(run(TREATY), "NegotiationRound")
    assert (talks.status, bounds(talks)) == ("Planned", (None, None))


def test_a_report_known_to_the_month_resolves_this_month(nlp):
    """A report dated to the month only: 'before the end of this month' is still
    the end of that month, and the bound of the other verb stays off the talks."""
    from kg.extract import extract_many
    from kg.records import Document

    def run_month(text):
        (x,) = extract_many([Document("m", "m.txt", text, "0", published_period="2026-03")], nlp=nlp)
        return x

    x = run_month("Envoys of Valdoria and Kestrania will hold a new round of talks before the end of this month.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 31))
    assert bounds(one(run_month(TREATY), "NegotiationRound")) == (None, None)


# ---------------------------------------------------------------- end and start verbs
def test_talks_that_ended_on_a_day_end_then_and_began_before(run):
    """'ended on Thursday': Thursday is their end; when they began is not told."""
    x = run("The fourth round of talks between Valdoria and Kestrania ended on Thursday in Oslo.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 12))


def test_a_clause_the_parse_hangs_on_the_parties_is_the_talks_clause(run):
    """'the talks between A and B, which ended on Thursday': the clause is the talks'."""
    x = run("The talks between Valdoria and Kestrania, which ended on Thursday in Oslo, produced no deal.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 12))
    x = run("The talks between Valdoria and Kestrania, which opened on Monday in Oslo, produced no deal.")
    assert bounds(one(x, "NegotiationRound")) == (date(2026, 3, 9), SATURDAY)


# ---------------------------------------------------------------- a statement dated in another mention
def test_a_statement_announced_by_its_speaker_on_a_day_is_of_that_day(run):
    """'The outcome was announced by X at a briefing on Friday. X said ...': one
    statement, made on Friday."""
    x = run("Valdoria and Kestrania held talks in Oslo on Tuesday and Wednesday.\n"
            "The outcome was announced by the Norwegian foreign ministry spokeswoman, Ingrid Solvang, "
            "at a routine briefing on Friday.\nSolvang said that both sides agreed to a truce.")
    assert bounds(one(x, "Statement")) == (date(2026, 3, 13), date(2026, 3, 13))


def test_a_statement_after_another_speakers_announcement_stays_undated(run):
    x = run("Valdoria and Kestrania held talks in Oslo on Tuesday and Wednesday.\n"
            "The outcome was announced by the Norwegian foreign ministry spokeswoman, Ingrid Solvang, "
            "at a routine briefing on Friday.\nThe Valdorian envoy, Marek Tollin, said that both sides "
            "agreed to a truce.")
    stmts = {e.actors[0]: bounds(e) for e in kinds(x, "Statement")}
    assert stmts.get("Marek Tollin") == (None, SATURDAY)


def test_talks_that_stalled_in_a_month_ended_by_its_end(run):
    """'stalled in January', 'broke off in January': January is when they stopped,
    not when they were held."""
    x = run("The border talks between Valdoria and Kestrania stalled in January over fishing quotas.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 1, 31))
    x = run("The border talks between Valdoria and Kestrania, which broke off in January, have stalled ever since.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 1, 31))


def test_a_swap_that_lasted_days_and_ended_on_a_day_ended_then(run):
    """'the exchange, which lasted three days and ended on March 2': its end only."""
    x = run("The exchange of prisoners, which lasted three days and ended on March 2, was the largest "
            "of the war.")
    assert bounds(one(x, "PrisonerExchange")) == (None, date(2026, 3, 2))


def test_a_pause_in_the_talks_told_on_a_day_ends_them_by_then(run):
    """'On March 3 the mediators announced a pause in the talks': the talks were not
    held on March 3; they had stopped by then."""
    x = run("On March 3, the Norwegian mediators announced a pause in the border talks between Valdoria "
            "and Kestrania.")
    assert bounds(one(x, "NegotiationRound")) == (None, date(2026, 3, 3))
