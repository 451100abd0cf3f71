"""Events told in kinds of phrasing the rules missed, found by probing with sentences of our
own: texts made public, words of commitment or regret, talking with a leader by rank,
leaders named as a group who meet, and one word that tells two sittings.

The sentences are our own, with invented persons, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, meetings, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)
MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


# triggers.jsonl publish-text, make-public, published-by (written), cue passive_publish_verb
@pytest.mark.parametrize(
    "text, speakers",
    [
        ("Chile and Peru have published the full text of the boundary treaty initialled by their "
         "ministers last week.", {"Chile", "Peru"}),
        ("Kenya's labour ministry released the full text of the wage agreement on Tuesday.", {"Kenya"}),
        ("Peru's foreign ministry made public the wording of the treaty on Monday.", {"Peru"}),
    ],
)
def test_a_text_made_public_is_a_statement_of_who_publishes_it(run, text, speakers):
    s = one(run(text), "Statement")
    assert speakers <= set(s.actors)
    assert s.status == "Occurred"


def test_a_text_published_by_a_ministry_is_its_statement(run):
    x = run("According to the text of the accord published by Chile's Ministry of Foreign Affairs, "
            "both sides renounce the use of force.")
    s = one(x, "Statement")
    assert any("Ministry of Foreign Affairs" in a or a == "Chile" for a in s.actors)


def test_a_published_text_takes_no_date_of_the_events_it_names(run):
    # the treaty was initialled last week; the text was made public on a day the text does not tell
    x = run("Chile and Peru have published the full text of the boundary treaty initialled by their "
            "ministers last week.")
    assert bounds(one(x, "Statement")) == (None, PUBLISHED)


def test_a_draft_put_out_for_a_deal_is_no_published_agreement(run):
    # a draft text for a deal is what one side proposes, not the words of an agreement made known
    x = run("After a night of haggling, the summit's Chilean hosts released the final text for a deal "
            "on fisheries.")
    assert kinds(x, "Statement") == []


# triggers.jsonl say-commit
@pytest.mark.parametrize(
    "text, speaker, day",
    [
        ("Chilean President Rafael Ortiz pledged on Monday to hold a referendum on the deal within a year.",
         "Rafael Ortiz", MONDAY),
        ("Peru's Prime Minister Ana Lucia Ferro vowed on Monday to keep negotiating with the miners.",
         "Ana Lucia Ferro", MONDAY),
        ("Guyana's foreign minister Hugh Todd alerted the Caribbean Community to the warship on Tuesday.",
         "Hugh Todd", TUESDAY),
    ],
)
def test_words_of_commitment_or_alarm_are_statements(run, text, speaker, day):
    s = one(run(text), "Statement")
    assert s.actors[0] == speaker and bounds(s) == (day, day)


def test_a_ministry_that_regrets_speaks(run):
    x = run("Chile's foreign ministry regretted on Tuesday that the scheduled round could not take place.")
    s = one(x, "Statement")
    assert bounds(s) == (TUESDAY, TUESDAY)


# triggers.jsonl talk-with; statements.py (a leader by rank after "with")
def test_talking_with_a_leader_by_rank_is_a_conversation(run):
    x = run("Later that day, President Rafael Ortiz talked with the Brazilian president about the blockade.")
    m = one(x, "Meeting")
    assert "Rafael Ortiz" in m.actors and "Brazil" in m.actors
    assert kinds(x, "Statement") == []


def test_talking_to_reporters_is_no_conversation(run):
    x = run("Chilean President Rafael Ortiz talked to reporters in Santiago on Monday.")
    assert meetings(x) == []


# again.py: one word that tells two sittings
def test_met_on_one_day_and_again_on_another_is_two_events(run):
    x = run("President Rafael Ortiz and opposition leader Carla Ruiz met in Valparaiso on 20 February "
            "and again on 27 February.")
    got = sorted(bounds(e) for e in meetings(x))
    assert got == [(date(2026, 2, 20), date(2026, 2, 20)), (date(2026, 2, 27), date(2026, 2, 27))]


def test_two_sittings_each_take_their_own_place(run):
    x = run("Negotiators from Peru and Bolivia met in Lima last Monday and again in La Paz last Thursday.")
    got = sorted((bounds(e)[0], e.place) for e in kinds(x, "NegotiationRound"))
    assert got == [(date(2026, 2, 26), "La Paz"), (MONDAY, "Lima")]


def test_two_meetings_held_on_two_dates_are_two_events(run):
    x = run("The two leaders reviewed the decisions of their two previous meetings, held in Arica on "
            "3 February and 10 February.")
    got = sorted(bounds(e)[0] for e in meetings(x))
    assert got == [date(2026, 2, 3), date(2026, 2, 10)]


def test_a_span_of_days_stays_one_sitting(run):
    x = run("Negotiators met in Geneva from Monday to Wednesday.")
    (r,) = meetings(x)
    assert bounds(r) == (MONDAY, date(2026, 3, 4))


# statements.py _guest_at_a_place (row host_verb)
def test_a_delegation_welcomed_at_a_place_is_met(run):
    x = run("Peru's foreign minister Lucia Varela welcomed the Bolivian delegation in Lima on Monday.")
    (m,) = meetings(x)
    assert m.place == "Lima" and bounds(m) == (MONDAY, MONDAY)
    assert kinds(x, "Statement") == []


def test_a_decision_welcomed_is_words(run):
    x = run("Peru's foreign minister Lucia Varela welcomed the decision of the Bolivian court in Lima on Monday.")
    assert meetings(x) == []


# triggers.jsonl talk-with ("by"): a call, as "spoke by phone" (a Meeting, as the rule tests of
# calls between presidents named as a group have it)
def test_leaders_who_talk_by_phone_hold_a_call(run):
    x = run("The presidents of Chile and Peru talked by phone on Monday.")
    (m,) = meetings(x)
    assert bounds(m) == (MONDAY, MONDAY) and {"Chile", "Peru"} <= set(m.actors)


# triggers.jsonl huddle
def test_negotiators_who_huddle_hold_talks(run):
    x = run("Negotiators from the union and the carmaker huddled in Detroit on Tuesday.")
    r = one(x, "NegotiationRound")
    assert r.place == "Detroit" and bounds(r) == (TUESDAY, TUESDAY)


# speakers._government_of (rows side_body_noun, state_form_noun)
def test_a_delegation_qualified_by_its_country_speaks_for_it(run):
    x = run("The Chilean delegation said after the talks in Lima on Monday that progress had been made.")
    s = one(x, "Statement")
    assert s.actors[0] == "Chile"


def test_the_government_of_a_republic_speaks_for_the_country(run):
    x = run("The Government of the Republic of Peru announced today that it had concluded talks with "
            "its bondholders.")
    s = one(x, "Statement")
    assert s.actors[0] == "Peru" and bounds(s) == (PUBLISHED, PUBLISHED)


# again.py: the second date told already as its own event
def test_rounds_told_on_two_dates_are_not_split_twice(run):
    x = run("Talks opened in Quito on 2 February; further rounds came on 9 February and 16 February.")
    got = sorted(bounds(e)[0] for e in kinds(x, "NegotiationRound"))
    assert got == [date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 16)]


# speakers._speaker: a trailing attribution parsed as a noun phrase with its verb
def test_a_trailing_attribution_parsed_as_a_noun_phrase_speaks(run):
    x = run("The rebels have signed an agreement with the government, the Bolivian presidency announced on Monday.")
    s = one(x, "Statement")
    assert s.actors[0] == "Bolivia" and bounds(s) == (MONDAY, MONDAY)


# statements.py written (row written_medium_noun)
def test_words_told_in_a_letter_are_the_countrys_written_statement(run):
    x = run("In a letter to the UN Security Council on Tuesday, Guyana accused Venezuela of provocation.")
    s = one(x, "Statement")
    assert s.actors[0] == "Guyana" and bounds(s) == (TUESDAY, TUESDAY)


def test_a_country_that_accuses_in_no_text_of_its_own_is_no_statement(run):
    # a country's standing accusation with no day and no written text is no statement of the day
    x = run("Guyana accuses Venezuela of provocation.")
    assert kinds(x, "Statement") == []


# triggers.jsonl say-commit (downplay)
def test_an_official_who_plays_an_idea_down_speaks(run):
    s = one(run("A senior Chilean official downplayed the idea on Monday."), "Statement")
    assert s.actors[0] == "Chile" and bounds(s) == (MONDAY, MONDAY)


# triggers.jsonl bargaining
def test_bargaining_told_as_talks_is_a_round(run):
    r = one(run("Bargaining between the Teamsters and the carrier resumed on Tuesday after a two-week break."),
            "NegotiationRound")
    assert r.status == "Occurred" and bounds(r) == (TUESDAY, TUESDAY)


@pytest.mark.parametrize(
    "text",
    [
        "The union ratified a collective bargaining agreement on Monday.",
        "Workers lost bargaining power after the reform.",
    ],
)
def test_bargaining_that_qualifies_a_thing_is_no_round(run, text):
    assert kinds(run(text), "NegotiationRound") == []


def test_the_second_date_hung_on_a_later_verb_is_a_second_sitting(run):
    x = run("Negotiators from Peru and Chile met in Lima on 3 February, and again on 24 February, to discuss "
            "the border.")
    got = sorted(bounds(e)[0] for e in kinds(x, "NegotiationRound"))
    assert got == [date(2026, 2, 3), date(2026, 2, 24)]
    assert all(not m.text.startswith((",", "and")) for e in kinds(x, "NegotiationRound") for m in e.mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators met in Geneva in January and February.",
        "The delegations met in Lima from Monday until Wednesday.",
        "The ministers met in Lima on Monday, 2 March.",
    ],
)
def test_one_span_or_one_day_told_twice_stays_one_sitting(run, text):
    assert len(meetings(run(text))) == 1


# triggers.jsonl say-react
@pytest.mark.parametrize(
    "text, speaker, day",
    [
        ("Chilean President Rafael Ortiz slammed the decision on Monday as a betrayal.", "Rafael Ortiz", MONDAY),
        ("Kenya's labour minister Joseph Mwangi echoed those concerns on Tuesday.", "Joseph Mwangi", TUESDAY),
        ("Guyana's President Irfan Alleyne thanked the Caribbean leaders for their support on Monday.",
         "Irfan Alleyne", MONDAY),
        ("Ecuadorian President Daniel Roldos signalled on Monday that he was ready to compromise.",
         "Daniel Roldos", MONDAY),
        ("Argentine President Julia Paredes reacted angrily to the ruling on Monday.", "Julia Paredes", MONDAY),
    ],
)
def test_words_of_reaction_are_statements(run, text, speaker, day):
    s = one(run(text), "Statement")
    assert s.actors[0] == speaker and bounds(s) == (day, day)


def test_a_market_that_reacts_makes_no_statement(run):
    assert kinds(run("Copper prices reacted sharply to the news on Monday."), "Statement") == []


# triggers.jsonl say-answer (row clause_speech_verb)
def test_an_answer_told_with_its_words_is_a_statement(run):
    x = run("Chilean Foreign Minister Lucia Varela said on Monday that the talks had failed. Her Bolivian "
            "counterpart Hugo Mendez responded on Tuesday that Chile was to blame.")
    got = sorted((s.actors[0], bounds(s)[0]) for s in kinds(x, "Statement"))
    assert got == [("Hugo Mendez", TUESDAY), ("Lucia Varela", MONDAY)]


def test_a_quote_answered_is_a_statement(run):
    s = one(run('"That is false," Bolivian Foreign Minister Hugo Mendez replied on Tuesday.'), "Statement")
    assert s.actors[0] == "Hugo Mendez"


def test_an_answer_in_deeds_is_no_statement(run):
    assert kinds(run("The Bolivian army responded with artillery fire on Tuesday."), "Statement") == []


def test_bargaining_in_general_is_no_round(run):
    x = run("Swaps made while the fighting goes on depend entirely on bargaining between the two sides.")
    assert kinds(x, "NegotiationRound") == []


# speakers._sides_told_before (row speaking_sides_noun)
@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru held talks in Lima on Monday. In a joint statement, the two sides said the border would reopen.",
        "Negotiators from Chile and Peru met in Lima on Monday. Both sides said afterwards that progress had been made.",
        "Chile and Peru signed a border treaty in Lima on Monday. Both governments said the treaty would be ratified "
        "within a month.",
    ],
)
def test_both_sides_speak_for_the_sides_told_before(run, text):
    s = one(run(text), "Statement")
    assert set(s.actors) == {"Chile", "Peru"}


def test_the_countries_of_a_region_are_no_sides_told_before(run):
    x = run("Chile and Peru held talks in Lima on Monday. The countries of the region said they welcomed the talks.")
    assert kinds(x, "Statement") == []


def test_both_sides_with_no_two_sides_told_before_name_no_speaker(run):
    assert kinds(run("Both sides said afterwards that progress had been made."), "Statement") == []


def test_both_leaders_speak_as_persons_not_as_their_countries(run):
    x = run("Chile and Peru held a summit in Lima on Monday. Both leaders expressed optimism afterwards.")
    assert all(s.actors != ["Chile", "Peru"] and "Chile" not in s.actors[:1] for s in kinds(x, "Statement"))
