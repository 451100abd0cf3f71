"""Rules found by probing kinds of phrasing common in current negotiation
reporting (issue 10), each with sentences written for the test.

The probes are our own sentences in the registers of wire copy about talks,
truces, exchanges and deals; a rule lands here when a kind of phrasing came out
wrong, and each test holds at least one case that failed before its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, iso_bounds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (a Monday).
PUBLISHED = date(2024, 6, 10)


# ---------------------------------------------------------------- a date the parser hangs on the talks' topic
@pytest.mark.parametrize("text, expected", [
    ("The ministers resumed negotiations on a peace treaty on Thursday in Brussels.",
     ("2024-06-06", "2024-06-06")),
    ("Canada wrapped up discussions on a free trade agreement with Ecuador on Wednesday.",
     ("2024-06-05", "2024-06-05")),
    ("The rebels and the army began negotiations on a truce agreement on Sunday.", ("2024-06-09", "2024-06-09")),
    ("Brazil and Paraguay concluded their talks about the dam accord on Friday.", ("2024-06-07", "2024-06-07")),
])
def test_a_date_hung_on_the_topic_of_talks_dates_the_talks(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert iso_bounds(r) == expected


def test_a_date_in_a_clause_of_the_topic_stays_with_the_topic(run):
    # the day the pact was signed is not the day of the talks about it
    r = one(run("Ministers held talks about the pact that was signed on Thursday."), "NegotiationRound")
    assert bounds(r)[0] is None


# ---------------------------------------------------------------- bare "talks" still to come
@pytest.mark.parametrize("text", [
    "Negotiations will restart once the monsoon season ends.",
    "Consultations are due to reopen after the parliamentary vote.",
    "Talks are expected to begin after the holidays, officials say.",
])
def test_bare_talks_told_as_still_to_come_are_planned_talks(run, text):
    assert one(run(text), "NegotiationRound").status == "Planned"


def test_talks_told_as_a_habit_are_talks_in_general(run):
    assert run("Talks usually reopen after the holidays.").events == ()


# ---------------------------------------------------------------- "the agency quoted X as saying"
@pytest.mark.parametrize("text, speaker", [
    ("Local radio quoted Prime Minister Anna Lindqvist as saying the talks had gone well.", "Anna Lindqvist"),
    ("A state news agency on Monday quoted Interior Minister Tomas Varga as saying that talks would go on.",
     "Tomas Varga"),
])
def test_the_one_an_outlet_quotes_is_the_speaker(run, text, speaker):
    x = run(text)
    assert [e.actors for e in x.events if e.kind == "Statement"] == [(speaker,)]


def test_the_one_quoted_in_the_passive_is_still_the_speaker(run):
    x = run("Foreign Minister Rosa Quispe was quoted by the radio as saying the talks had stalled.")
    assert [e.actors for e in x.events if e.kind == "Statement"] == [("Rosa Quispe",)]


# ---------------------------------------------------------------- bare "talks" someone held
@pytest.mark.parametrize("text, status", [
    ("Energy ministers of the two states have conducted negotiations.", "Occurred"),
    ("After the vote, both parties held consultations.", "Occurred"),
    ("The mediators will hold talks with each camp.", "Planned"),
])
def test_bare_talks_someone_held_or_will_hold_are_talks(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


@pytest.mark.parametrize("text", [
    "Diplomats usually hold talks every spring.",
    "The parties have not held negotiations.",
])
def test_talks_held_as_a_habit_or_never_held_are_no_event(run, text):
    assert [e for e in run(text).events if e.kind == "NegotiationRound"] == []


# ---------------------------------------------------------------- a listed body inside a person's name
@pytest.mark.parametrize("text, person", [
    ("Mohammed Ali al-Hamas told the radio that the truce would hold.", "Mohammed Ali al-Hamas"),
    ("Speaking in Sanaa, Yahya el-Houthi said the group welcomed the talks.", "Yahya el-Houthi"),
])
def test_a_listed_body_glued_to_a_name_particle_ends_a_persons_name(run, text, person):
    x = run(text)
    assert person in {a.name for a in x.actors if a.kind == "Person"}
    assert not {"Hamas", "Houthis"} & {a.name for a in x.actors}


def test_the_body_told_apart_from_a_name_is_still_the_body(run):
    x = run("Houthi leader Yahya el-Houthi said the movement welcomed the talks.")
    assert "Houthis" in {a.name for a in x.actors}


# ---------------------------------------------------------------- talks named in a clause of "when"
@pytest.mark.parametrize("text, expected", [
    ("Relations thawed in 2018, when both governments opened negotiations on the border.",
     ("2018-01-01", "2018-12-31")),
    ("The strike began in March, when talks with the employers collapsed.", ("2024-03-01", "2024-03-31")),
])
def test_talks_told_in_a_when_clause_take_its_date(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert iso_bounds(r) == expected


# ---------------------------------------------------------------- "since" a month, in a clause of what is to come
@pytest.mark.parametrize("text, word, value", [
    ("The session in Nairobi will be the third since February.", "since February", "2024-02"),
    ("The guild will free two sailors it has held since January.", "since January", "2024-01"),
])
def test_since_a_month_points_back_whatever_the_clause_tense(run, text, word, value):
    x = run(text)
    assert [t.timex for t in x.timexes if t.text == word] == [value]


# ---------------------------------------------------------------- the first talks in a while are no first round
@pytest.mark.parametrize("text", [
    "Pakistani and Indian officials held their first formal negotiations since 2019 on Tuesday.",
    "The unions will hold their first talks in two years next week.",
])
def test_the_first_talks_in_a_while_have_no_round_number(run, text):
    assert one(run(text), "NegotiationRound").round is None


def test_the_first_round_told_with_its_month_is_round_one(run):
    assert one(run("Both delegations held the first round in May."), "NegotiationRound").round == 1


# ---------------------------------------------------------------- remains swapped are remains returned
@pytest.mark.parametrize("text, status", [
    ("Both armies agreed to exchange the bodies of their dead next week.", "Planned"),
    ("On Thursday the militias swapped the remains of 40 fighters.", "Occurred"),
])
def test_remains_exchanged_or_swapped_are_a_return_of_remains(run, text, status):
    x = run(text)
    assert one(x, "RepatriationOfRemains").status == status
    assert [e for e in x.events if e.kind == "PrisonerExchange"] == []


def test_people_swapped_are_still_a_prisoner_exchange(run):
    assert one(run("On Thursday the militias swapped 40 captured fighters."), "PrisonerExchange").status == "Occurred"


def test_the_remaining_captives_swapped_are_a_prisoner_exchange(run):
    x = run("The clan freed the remaining captives on Friday.")
    assert one(x, "PrisonerExchange").status == "Occurred"


# ---------------------------------------------------------------- "in the same city"
@pytest.mark.parametrize("text, place", [
    ("Envoys of the two kingdoms met in Amman on Tuesday. They will meet again at the same venue next month.", "Amman"),
    ("The third round opened in Lusaka on Friday. The second round, held in the same city in April, ended in a deadlock.",
     "Lusaka"),
])
def test_an_event_held_in_the_same_place_has_the_place_told_before(run, text, place):
    x = run(text)
    assert len(x.events) >= 2 and all(e.place == place for e in x.events if e.kind in ("NegotiationRound", "Meeting"))


def test_the_same_place_with_nothing_told_before_is_no_place(run):
    assert one(run("The envoys will meet again at the same venue next month."), "NegotiationRound").place is None


# ---------------------------------------------------------------- what is held "instead"
def test_a_meeting_told_as_held_instead_is_not_the_one_called_off(run):
    x = run("The summit between Presidents Aria Vos and Tomas Berg, planned for May, was cancelled. "
            "President Vos and President Berg could instead meet in July.")
    assert sorted(e.status for e in x.events if e.kind == "Summit") == ["Cancelled", "Proposed"]


# ---------------------------------------------------------------- talks on the sidelines of a meeting held somewhere
@pytest.mark.parametrize("text, place", [
    ("The trade ministers of Peru and Chile held talks on the margins of the regional forum meeting in Cusco on Friday.",
     "Cusco"),
    ("Envoys of the two kingdoms held consultations on the sidelines of the donors' conference in Oslo.", "Oslo"),
])
def test_talks_on_the_sidelines_of_a_meeting_are_where_it_is(run, text, place):
    r = one(run(text), "NegotiationRound")
    assert r.place == place


# ---------------------------------------------------------------- the one whose envoy someone is
@pytest.mark.parametrize("text", [
    "President Ilse Moreau's envoy Karel Dufek met the rebel commander Omar Sadiq in Goma on Friday.",
    "Karel Dufek, President Ilse Moreau's special envoy, held a long meeting with Omar Sadiq on Friday.",
])
def test_the_one_whose_envoy_meets_is_not_at_the_meeting(run, text):
    actors = [a for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit") for a in e.actors]
    assert "Karel Dufek" in actors and "Ilse Moreau" not in actors


def test_a_leader_who_meets_in_person_is_at_the_meeting(run):
    x = run("President Ilse Moreau met the rebel commander Omar Sadiq in Goma on Friday.")
    assert "Ilse Moreau" in [a for e in x.events for a in e.actors]
