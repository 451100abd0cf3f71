"""One event told several times, and generic mentions that are no event of their own.

A later mention whose place, day, round or status fits exactly one event told before
joins it (taking what it adds); a word that only names a topic or a container ("the
issue of a truce", "the truce monitoring mechanism") or a verb that only looks like a
meeting ("meet the preconditions") makes no event. The sentences are our own, with
invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, meetings, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 5, 8)


# coref.py: a meeting to come told twice in one city, each time "in the coming days", is one.
def test_a_meeting_to_come_told_twice_in_one_city_is_one_meeting(run):
    x = run("A meeting between the water ministers of Peru and Chile in Washington, D.C. is expected in the "
            "coming days. Diplomats said a meeting between the two ministers in Washington would soon settle "
            "the quotas.")
    found = meetings(x)
    assert len(found) == 1, [(e.kind, e.label) for e in x.events]
    assert len(found[0].mentions) == 2


# coref.py: a definite mention named by its place ("the Oslo meeting") is the event told there.
def test_the_meeting_named_by_its_city_is_the_round_held_there(run):
    x = run("Another round of trade talks between Brazil and Canada opened in Oslo on Thursday. "
            "Hopes are high that the Oslo meeting will extend a pause on tariffs.")
    found = meetings(x)
    assert len(found) == 1, [(e.kind, e.label) for e in x.events]
    assert found[0].place == "Oslo" and found[0].time.earliest == date(2026, 5, 7)


# coref.py _day_key: "the talks had first been planned for 9:30" are the talks held that day.
def test_the_talks_set_for_an_hour_of_the_day_they_were_held_are_those_talks(run):
    x = run("On Tuesday the army commanders of Chile and Peru sat down for talks, which ended with a pledge "
            "to pull back patrols. The talks had first been planned for 9:30 on Tuesday morning.")
    r = one(x, "NegotiationRound")
    assert r.status == "Occurred" and r.time.earliest == date(2026, 5, 5)


# coref.py: "the second round ... in Lima", undated, numbers the session in focus in Lima.
def test_an_undated_numbered_round_in_the_same_city_is_the_session_in_focus(run):
    x = run("Delegations of Chile and Peru negotiated in Lima on Wednesday for six hours. "
            "The second round of talks between Chile and Peru in Lima produced a draft on fisheries.")
    r = one(x, "NegotiationRound")
    assert r.round == 2 and r.time.earliest == date(2026, 5, 6) and r.place == "Lima"


# coref.py: an undated meeting held in the city where one meeting was told is that meeting.
def test_an_undated_meeting_held_in_the_same_city_is_the_meeting_told_there(run):
    x = run("In Quito on 3 May, the chief negotiators for Peru and Chile were received by mediator Ilse Varga. "
            "In a post on Tuesday, Varga said she had hosted a long meeting of both negotiators in Quito.")
    found = meetings(x)
    assert len(found) == 1, [(e.kind, e.label) for e in x.events]
    assert found[0].time.earliest == date(2026, 5, 3)


# coref.py _same_place, gazetteer capitals: a capital and its country are one place.
def test_the_talks_in_the_country_are_the_talks_in_its_capital(run):
    x = run("Mediators hosted talks between Peru and Chile in Nairobi on Monday. "
            "The talks in Kenya ended without a deal.")
    r = one(x, "NegotiationRound")
    assert r.place == "Nairobi" and len(r.mentions) == 2


def test_meetings_in_two_cities_stay_two(run):
    x = run("In Quito on 3 May, the chief negotiators for Peru and Chile were received by mediator Ilse Varga. "
            "Varga later hosted a long meeting of both negotiators in Lima.")
    assert len(meetings(x)) == 2, [(e.kind, e.label) for e in x.events]


# coref.py: "these talks" are the talks told before, of their kind, not the summit told between.
def test_these_talks_are_the_talks_told_before_not_the_summit(run):
    x = run("Peru and Chile reached a patrol accord on Monday after border talks. "
            "There is still no word on talks between the two presidents at the Pacific summit. "
            "These talks have in the past eased several standoffs on the border.")
    assert len(kinds(x, "NegotiationRound")) == 1, [(e.kind, e.label) for e in x.events]


# coref.py _bare: a truce told with no status of its own is the truce told with one.
def test_a_truce_told_bare_and_then_proposed_is_one_truce(run):
    x = run("Mediators in Nairobi hinted that a truce between the two militias was within reach. "
            "The envoys are pressing both sides to accept a possible truce.")
    truce = one(x, "Ceasefire")
    assert truce.status == "Proposed"
    assert len(truce.mentions) == 2


# triggers.py _skip_noun, row container_noun: the last noun of a run of nouns decides.
@pytest.mark.parametrize("text", [
    "Officers of both armies took part on Monday in a session of the ceasefire monitoring mechanism based in Tarsa.",
    "The truce verification mechanism in Tarsa met on Monday with officers of both armies.",
])
def test_a_truce_that_names_a_monitoring_body_is_no_truce(run, text):
    x = run(text)
    assert kinds(x, "Ceasefire") == [], [(e.kind, e.label) for e in x.events]


# triggers.py _skip_noun, row container_noun: "a mechanism for negotiations" is a body, not talks.
def test_a_mechanism_for_negotiations_is_no_round(run):
    x = run("A joint mechanism for negotiations on fishing quotas was set up by Peru and Chile in Lima.")
    assert kinds(x, "NegotiationRound") == [], [(e.kind, e.label) for e in x.events]


# triggers.py _skip_noun, row topic_container_noun: "the issue of a truce" is a topic.
def test_the_issue_of_a_truce_is_a_topic(run):
    x = run("Talks between Ruritania and Orsinia in Tarsa on Monday dealt with the question of a truce "
            "and the matter of a prisoner swap.")
    assert kinds(x, "Ceasefire") == [] and kinds(x, "PrisonerExchange") == [], \
        [(e.kind, e.label) for e in x.events]
    assert len(kinds(x, "NegotiationRound")) == 1


# triggers.py _event_verb, row met_requirement_noun: fulfilling a condition is no meeting.
@pytest.mark.parametrize("text", [
    "The government refused to meet the rebels' preconditions before any talks.",
    "Orsinia says it met every deadline set by the mediators.",
    "The lender says the offer meets the equal burden-sharing principle of the creditors.",
])
def test_meeting_a_condition_is_no_meeting(run, text):
    x = run(text)
    assert kinds(x, "Meeting") == [], [(e.kind, e.label) for e in x.events]


# focus.py _headline_end: a section word above the headline ("World") leaves the headline a headline.
def test_a_headline_under_a_section_word_is_the_meeting_the_body_tells(run):
    x = run("World\nPeru and Ecuador envoys hail a productive meeting\n\n"
            "The envoys of Peru and Ecuador, meeting in Lima on Monday, discussed the river border.")
    found = meetings(x)
    assert len(found) == 1, [(e.kind, e.label) for e in x.events]
    assert found[0].place == "Lima" and len(found[0].mentions) == 2


# coref.py _corefer: "the next meeting" after a round is the next round of those talks.
def test_the_next_meeting_after_a_round_is_a_round(run):
    x = run("Envoys of Peru and Chile negotiated in Lima on Monday for six hours. "
            "A date in early June has been set for the next meeting. "
            "Both sides hope to settle the quotas at the next meetings.")
    rounds = kinds(x, "NegotiationRound")
    assert kinds(x, "Meeting") == [] and len(rounds) == 2, [(e.kind, e.label) for e in x.events]
    assert {r.status for r in rounds} == {"Occurred", "Planned"}


# coref.py: "next meeting: in Quito ... the fourth round ... in Quito": one round to come, numbered.
def test_a_meeting_to_come_and_a_numbered_round_in_the_same_city_are_one(run):
    x = run("Peru and Chile closed their third round in Lima on Friday. Next meeting: in Quito. "
            "The fourth round of the negotiations will take place in Quito in June.")
    assert kinds(x, "Meeting") == [], [(e.kind, e.label) for e in x.events]
    ahead = [r for r in kinds(x, "NegotiationRound") if r.status == "Planned"]
    assert len(ahead) == 1 and ahead[0].round == 4 and len(ahead[0].mentions) == 2


# coref.py: a bare truce, a truce in a draft and "the phased truce": one truce, proposed.
def test_a_truce_told_three_ways_is_one_proposed_truce(run):
    x = run("Envoy Ilse Varga indicated that a truce between the two militias was imminent. "
            "Mediators gave both militias the final draft of a truce agreement on Monday. "
            "If agreed, the phased truce could end two years of fighting.")
    truce = one(x, "Ceasefire")
    assert truce.status == "Proposed" and len(truce.mentions) == 3
