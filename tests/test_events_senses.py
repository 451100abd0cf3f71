"""Events on prose nobody tuned for: trigger words in another sense, talks said not to
be held, habits of a kind of people (no event); gatherings of negotiators, sit-downs,
video conferences, ministers meeting (events of the right class); countries and
ministries that speak (statements).

The sentences are our own, with invented persons, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, meetings, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


# senses.py _round_of_other, row round_noun: a round is talks only when its "of" names talks.
@pytest.mark.parametrize(
    "text",
    [
        "The delegates greeted the announcement with a round of applause.",
        "A third round of sanctions against Togo took effect on Monday.",
        "The first round of the presidential election in Ghana is set for May 3.",
        "The latest round of price increases angered commuters in Varno.",
    ],
)
def test_a_round_of_something_else_is_no_talks(run, text):
    assert meetings(run(text)) == []


def test_a_round_of_talks_is_still_a_round(run):
    x = run("A third round of talks between Chile and Bolivia took place in Lima on Monday.")
    r = one(x, "NegotiationRound")
    assert r.round == 3 and r.status == "Occurred" and r.place == "Lima"


# senses.py _summit_of_height, row height_word
def test_the_summit_of_a_mountain_is_no_summit(run):
    assert meetings(run("Climbers were turned back from the summit of Mount Kerel after the storm.")) == []


def test_a_summit_of_leaders_is_still_a_summit(run):
    x = run("The summit of Andean presidents opened in Quito on Monday.")
    assert one(x, "Summit").place == "Quito"


# senses.py _not_held: talks a negated verb of holding has as object
@pytest.mark.parametrize(
    "text",
    [
        "The two governments have not held direct talks since 2019.",
        "Chile and Bolivia did not hold a meeting during the crisis.",
    ],
)
def test_talks_not_held_are_no_event(run, text):
    assert meetings(run(text)) == []


def test_talks_that_did_not_produce_a_deal_were_held(run):
    x = run("Talks between Chile and Bolivia in Lima on Monday did not produce a deal.")
    assert one(x, "NegotiationRound").status == "Occurred"


# senses.py _habit_of_a_kind: a meeting verb in a present relative clause on a bare plural
def test_what_people_who_meet_do_is_no_meeting(run):
    assert meetings(run("Leaders who meet in secret seldom keep their promises, the columnist argued.")) == []


def test_a_meeting_told_in_a_relative_clause_with_a_date_stays(run):
    x = run("The envoys, who met in Oslo on Monday, agreed to talk again.")
    assert [e.place for e in meetings(x) if e.status == "Occurred"] == ["Oslo"]


# senses.py _gathering_of_others, trigger gather, row gathering_verb
def test_negotiators_who_gather_hold_a_round(run):
    x = run("Negotiators from the Greens and the Liberals gathered in a hotel outside Lisbon on "
            "Saturday for a final push on a coalition pact.")
    r = one(x, "NegotiationRound")
    assert r.status == "Occurred" and r.time.earliest == date(2026, 2, 28)


def test_negotiators_who_gather_for_talks_told_hold_those_talks(run):
    x = run("Envoys of Chile and Peru gathered in Quito on Monday for a fresh round of fishing talks.")
    assert len(meetings(x)) == 1 and one(x, "NegotiationRound").place == "Quito"


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of protesters gathered outside the parliament in Lima on Monday.",
        "The inspectors gathered evidence at the port on Tuesday.",
    ],
)
def test_others_who_gather_hold_no_talks(run, text):
    assert meetings(run(text)) == []


# triggers rows sit-down-noun, video-conference
def test_a_sit_down_of_leaders_is_a_summit(run):
    x = run("President Amara Kole and President Ana Ruiz had a brief sit-down on the sidelines "
            "of the Arctic forum in Tromso on Thursday.")
    s = one(x, "Summit")
    assert s.status == "Occurred" and s.time.earliest == date(2026, 2, 26)


def test_a_video_conference_is_a_meeting(run):
    x = run("After a six-hour video conference on Monday, the finance ministers of the bloc agreed to extend the loan.")
    m = one(x, "Meeting")
    assert m.status == "Occurred" and m.time.earliest == date(2026, 3, 2)


# ranks._officials, row minister_noun: a minister by title received is a Meeting
def test_a_minister_received_by_a_premier_is_a_meeting(run):
    x = run("Latvia's prime minister, Mara Tesk, received the Ghanaian foreign minister in her office on Monday.")
    assert one(x, "Meeting").time.earliest == date(2026, 3, 2)


def test_a_country_and_rebels_agreeing_to_meet_stay_a_round(run):
    x = run("The government of Peru and the rebels met in Havana on Monday.")
    assert one(x, "NegotiationRound").place == "Havana"


# statements._speech_verb: a country speaks in the past of a day, not in a standing present
@pytest.mark.parametrize(
    "text, country",
    [
        ("Bolivia said on Friday it would not attend the conference in Chile.", "Bolivia"),
        ("Bolivia said on Friday that the border would stay closed.", "Bolivia"),
        ("Chile on Tuesday accused Bolivia of stalling the water talks.", "Chile"),
    ],
)
def test_a_country_that_said_something_made_a_statement(run, text, country):
    s = one(run(text), "Statement")
    assert s.actors[0] == country and s.status == "Occurred"


def test_a_country_that_says_what_it_holds_makes_no_statement(run):
    assert kinds(run("Bolivia says the islands have always been its own."), "Statement") == []


# speakers._reported_country: a ministry that reports its country's words speaks for it
def test_a_ministry_reporting_its_country_speaks_for_it(run):
    x = run("Latvia urged both sides to show restraint, the foreign ministry said on Monday.")
    s = one(x, "Statement")
    assert s.actors == ("Latvia",) and s.time.earliest == date(2026, 3, 2)


# speakers._speaker: a speech verb the parser hangs on its subject noun ("negotiator, X, announced")
def test_a_speaker_in_apposition_announcing_makes_a_statement(run):
    x = run("The union's chief negotiator, Pia Holm, announced on Tuesday that members had voted to accept the offer.")
    s = one(x, "Statement")
    assert s.actors[0] == "Pia Holm" and s.time.earliest == date(2026, 3, 3)


# guards: phrasings that already held and must keep holding
@pytest.mark.parametrize(
    "text, kind, status",
    [
        ("President Amara Kole of Chile spoke by phone with Bolivia's President Ana Ruiz on Tuesday.", "Summit", "Occurred"),
        ("Talks between the hospital board and the nurses' union resumed on Monday after a week-long break.",
         "NegotiationRound", "Occurred"),
        ("Negotiators for Skyline Air and its pilots reconvened on Tuesday.", "NegotiationRound", "Occurred"),
        ("Envoys from Ecuador and Peru will hold a second round of talks in Doha later this month.",
         "NegotiationRound", "Planned"),
        ("The summit planned for next month in Lusaka was cancelled on Tuesday.", "Summit", "Cancelled"),
        ("The peace talks in Kampala have been suspended indefinitely after a deadly attack.",
         "NegotiationRound", "Cancelled"),
        ("Negotiators from Chile and Bolivia are meeting in Oslo this week.", "NegotiationRound", "Ongoing"),
        ("The truce, which took effect at midnight on Sunday, is largely holding.", "Ceasefire", "Ongoing"),
    ],
)
def test_phrasings_that_hold(run, text, kind, status):
    assert one(run(text), kind).status == status


@pytest.mark.parametrize(
    "text",
    [
        "Talks are the only way to settle the quarrel over the Varno shipyard, Mayor Ilse Torven said on Tuesday.",
        "Ceasefires in the region have rarely lasted more than a few weeks.",
        "The ruling party elected a new chairman at its congress in Tirana on Sunday.",
        "Quarterly sales at Orlan Motors fell short of meeting expectations, the company said on Tuesday.",
        "The hospital will meet the cost of the new wing from its own reserves.",
    ],
)
def test_words_of_talks_that_name_none_stay_no_event(run, text):
    x = run(text)
    assert [e for e in x.events if e.kind not in ("Statement",)] == []


# coref._same_persons: one meeting of the same persons told twice is one event
def test_a_summit_of_two_leaders_told_twice_is_one(run):
    x = run("Prime Minister Jonas Wirth of Latvia spoke with President Ana Ruiz of Lithuania in Vilnius on "
            "Monday. The talks Wirth held with President Ruiz in Vilnius were his first abroad this year.")
    s = one(x, "Summit")
    assert s.time.earliest == date(2026, 3, 2) and len(s.mentions) == 2


def test_a_call_and_what_was_said_during_it_are_one_summit(run):
    x = run("Chancellor Dieter Weyl of Austria phoned President Ana Ruiz of Peru on Sunday. During the call, "
            "Weyl and Ruiz discussed the gas transit deal.")
    assert one(x, "Summit").time.earliest == date(2026, 3, 1)


def test_two_meetings_of_the_same_leaders_years_apart_stay_two(run):
    x = run("President Amara Kole met President Ana Ruiz in Quito on Monday. Kole and Ruiz last met in Lima in 2019.")
    assert sorted(e.place for e in kinds(x, "Summit")) == ["Lima", "Quito"]


# ranks._pronoun_person: "he" is the subject of the sentence told before it
def test_talks_held_by_he_with_a_president_are_a_summit(run):
    x = run("Latvian Prime Minister Jonas Wirth returned to Riga on Sunday from a trip to Vilnius, where he "
            "held talks with President Ana Ruiz of Lithuania.")
    assert one(x, "Summit").place == "Vilnius" and kinds(x, "NegotiationRound") == []


# senses.told_in_course, row talks_course_verb: bare plural talks whose course is told
@pytest.mark.parametrize(
    "text, status",
    [
        ("A spokesperson for Orlan Motors confirmed on Monday that talks with the union had resumed.", "Occurred"),
        ("Asked about the talks, Kremlin spokesman Ivan Sorov said only that contacts were continuing.", "Ongoing"),
    ],
)
def test_bare_talks_whose_course_is_told_are_an_event(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


def test_bare_talks_that_rarely_end_well_are_no_event(run):
    assert meetings(run("Negotiations between landlords and tenants rarely ended well in the old days.")) == []


# senses._not_held: a negated verb of planning with the event as its passive subject
def test_a_summit_not_planned_is_no_event(run):
    x = run("Chile's foreign minister, Ilse Varga, told the senate on Wednesday that a summit with Bolivia was not planned.")
    assert meetings(x) == [] and one(x, "Statement").actors[0] == "Ilse Varga"


def test_a_summit_not_yet_announced_but_planned_stays_planned(run):
    x = run("A summit with Bolivia is planned for May, although no date has been announced.")
    assert one(x, "Summit").status == "Planned"


# ranks._with_counterpart: talks, calls and meetings "with a counterpart" by rank
@pytest.mark.parametrize(
    "text, kind, status",
    [
        ("President Ana Ruiz held a phone call with her Chilean counterpart on Friday.", "Summit", "Occurred"),
        ("Peru's foreign minister is due to visit La Paz next week for talks with his Bolivian counterpart.",
         "Meeting", "Planned"),
        ("The Chilean defence minister called his Bolivian counterpart on Monday to discuss the incident.",
         "Meeting", "Occurred"),
    ],
)
def test_talks_with_a_counterpart_take_the_holders_rank(run, text, kind, status):
    x = run(text)
    assert one(x, kind).status == status and len(meetings(x)) == 1


# state.is_leader: the words of a leader's title are whole words
def test_a_trade_minister_of_the_united_kingdom_is_no_leader(run):
    x = run("British Trade Minister Tom Harlow held a phone call with his Indian counterpart on Friday.")
    assert kinds(x, "Summit") == [] and len(meetings(x)) == 1


# senses._asked, senses._in_general (row any_det): questions and talks in general
@pytest.mark.parametrize(
    "text",
    [
        "Talks with Chile? Not now, says Bolivia's president.",
        "Any meeting between the two presidents would have to be prepared carefully, the spokesman said.",
    ],
)
def test_questions_and_talks_in_general_are_no_event(run, text):
    assert meetings(run(text)) == []


def test_talks_ruled_out_with_any_are_still_rejected(run):
    x = run("Chile on Monday ruled out any talks with Bolivia before the elections.")
    assert one(x, "NegotiationRound").status == "Rejected"


def test_a_question_in_a_quote_does_not_unmake_the_talks_told(run):
    x = run('Negotiators from Chile and Bolivia met in Lima on Monday. "Why not a deal?" one of them asked.')
    assert one(x, "NegotiationRound").place == "Lima"


# triggers row express: words expressed or voiced are a statement
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Ecuador expressed regret on Monday over Peru's decision to close the border.", "Ecuador"),
        ("Labour Minister Ivo Dane voiced hope on Tuesday that the strike would end soon.", "Ivo Dane"),
    ],
)
def test_words_expressed_are_a_statement(run, text, speaker):
    s = one(run(text), "Statement")
    assert s.actors[0] == speaker and s.status == "Occurred"


# status.py, row status_later_word: a present progressive for a later hour of the day is a plan
@pytest.mark.parametrize(
    "text, kind",
    [
        ("President Ana Ruiz of Peru is meeting President Rafael Mora of Ecuador later on Wednesday.", "Summit"),
        ("Negotiators from Chile and Bolivia are meeting again this evening, a diplomat said.", "NegotiationRound"),
    ],
)
def test_meeting_later_today_is_planned(run, text, kind):
    e = one(run(text), kind)
    assert e.status == "Planned" and e.time.earliest == PUBLISHED


def test_meeting_today_without_a_later_hour_is_ongoing(run):
    x = run("The delegations of Chile and Bolivia are meeting in Geneva on Wednesday.")
    assert one(x, "NegotiationRound").status == "Ongoing"


# senses._a_thing (row meeting_thing_noun), a gerund subject: words of meeting that name
# a thing, an activity
@pytest.mark.parametrize(
    "text",
    [
        "The meeting room at the ministry was renovated last year.",
        "The meeting point for the convoy was moved to the border crossing on Monday.",
        "Meeting expectations will be hard for the new coalition, analysts said.",
        "Negotiating with the rebels would be a betrayal, the opposition leader said.",
    ],
)
def test_things_and_activities_are_no_event(run, text):
    assert meetings(run(text)) == []


def test_several_rounds_since_a_month_are_the_series_told(run):
    x = run("Since January, Chile and Bolivia have held several rounds of talks on the Silala waters.")
    assert len(meetings(x)) == 1
