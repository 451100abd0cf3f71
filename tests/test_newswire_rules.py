"""Rules grown from the errors of the newswire dev split (tests/realnews/te3, issue 10).

Each rule handles a kind of phrasing; every sentence here is written for the test
(other conflicts, other names, other word order than any article of the set), so
that the rules are checked as rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, iso_bounds, kinds, one, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (a Monday).
PUBLISHED = date(2024, 6, 10)


# ---------------------------------------------------------------- the date of the next clause
@pytest.mark.parametrize("text, expected", [
    ("The rebels walked out of the negotiations in March and then launched an offensive on May 4.",
     ("2024-03-01", "2024-03-31")),
    ("Last year the government quit the talks, and then it called snap elections for October 2.",
     ("2023-01-01", "2023-12-31")),
    ("Union leaders abandoned the wage negotiations on Tuesday and staged a strike on Thursday.",
     ("2024-06-04", "2024-06-04")),
])
def test_a_date_of_the_next_clause_does_not_date_talks_told_with_their_own(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert iso_bounds(r) == expected


def test_a_clause_that_goes_on_telling_of_the_talks_themselves_still_dates_them(run):
    r = one(run("Negotiations in Accra started on June 3 and wound up two days later on June 5."),
            "NegotiationRound")
    assert iso_bounds(r) == ("2024-06-03", "2024-06-05")


# ---------------------------------------------------------------- the clause of talks told with their place
@pytest.mark.parametrize("text, expected", [
    ("The three-day negotiations in Nairobi, which ended on Saturday, produced no accord.",
     ("2024-06-06", "2024-06-08")),
    ("Envoys say the talks in Muscat, which opened on Tuesday, are going well.",
     ("2024-06-04", "None")),
])
def test_a_clause_hung_on_the_place_of_talks_tells_of_the_talks(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert iso_bounds(r) == expected


# ---------------------------------------------------------------- how long talks lasted, in a clause of their own
@pytest.mark.parametrize("text, expected", [
    ("The talks, which lasted two days, ended on Friday.", ("2024-06-06", "2024-06-07")),
    ("Mediators said the consultations, which ran for three days, wrapped up on Thursday.",
     ("2024-06-04", "2024-06-06")),
])
def test_a_clause_telling_how_long_talks_lasted_spans_back_from_their_end(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert iso_bounds(r) == expected


# ---------------------------------------------------------------- talks whose own clause says they opened that day
@pytest.mark.parametrize("text", [
    "Delegates gathered in Vienna to attend the fifth round of the talks, which opened on Monday morning.",
    "Negotiators from both camps will attend the new round of talks, which opened in Vienna on Monday.",
    "The minister flew to Muscat for the consultations, which began on Monday.",
])
def test_talks_whose_own_clause_opened_them_on_the_report_day_are_under_way(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


def test_talks_whose_own_clause_opened_them_on_an_earlier_day_are_left_to_the_tense(run):
    r = one(run("Envoys prepared for the talks, which began on Friday."), "NegotiationRound")
    assert r.status == "Occurred"


# ---------------------------------------------------------------- a leader named by rank meets a leader
@pytest.mark.parametrize("text", [
    "The Jordanian monarch met the Iraqi president in Baghdad on Monday.",
    "On Monday in Jakarta the Thai premier met President Joko Widodo.",
])
def test_a_leader_by_rank_meeting_a_leader_is_a_summit(run, text):
    assert one(run(text), "Summit").status == "Occurred"


@pytest.mark.parametrize("text", [
    "The foreign minister met his counterpart in Oslo on Monday.",
    "The president met the rebel commander in Juba on Monday.",
])
def test_a_leader_by_rank_meeting_others_is_no_summit(run, text):
    assert one(run(text), "Meeting").status == "Occurred"


# ---------------------------------------------------------------- one round to come, told twice
def test_a_numbered_round_to_come_joins_the_talks_to_come_told_before(run):
    x = run("Further talks on the border are planned, officials said. "
            "The fifth round of the border talks will open on June 20, the ministry said.")
    r = one(x, "NegotiationRound")
    assert (r.round, r.status, str(bounds(r)[0])) == (5, "Planned", "2024-06-20")


def test_the_new_round_is_the_round_to_come_told_before(run):
    x = run("The sides will hold a third round of talks in Doha next week. "
            "Officials said the new round would focus on prisoners.")
    r = one(x, "NegotiationRound")
    assert (r.round, len(r.mentions)) == (3, 2)


def test_a_new_round_after_the_round_to_come_is_another_round(run):
    x = run("The sides will hold a third round of talks in Doha next week. "
            "Officials said a new round would follow in the autumn.")
    assert len([e for e in x.events if e.kind == "NegotiationRound"]) == 2


# ---------------------------------------------------------------- a surname told without its article
@pytest.mark.parametrize("text, person, short", [
    ('Conference spokesman Naseer al-Ani told reporters the talks had ended. "We are hopeful," said Ani.',
     "Naseer al-Ani", "Ani"),
    ("Mediator Khalid el-Masri met both delegations in Doha. Masri later said the talks would resume.",
     "Khalid el-Masri", "Masri"),
])
def test_a_surname_told_without_its_article_is_the_person(nlp, text, person, short):
    from extraction import actors_of

    found = actors_of(nlp, text)
    assert list(found) == [person] and short in found[person].aliases


# ---------------------------------------------------------------- which way a weekday points
@pytest.mark.parametrize("text, word, value", [
    # adjourned until a day: the day ahead (a Wednesday report)
    ("The constitutional committee's sessions were adjourned until Monday.", "Monday", "2024-06-17"),
    # a meeting due on a day, a session beginning a day: ahead
    ("Diplomats cited the council meeting due on Thursday as the next test.", "Thursday", "2024-06-13"),
    ("Chiefs gathered for a two-day conclave starting Friday, officials said.", "Friday", "2024-06-14"),
    # a participle of a noun between a future cue and the day: the noun's day, past
    ("Monitors will oversee the truce agreed on Tuesday along the river.", "Tuesday", "2024-06-11"),
    ("Monitors will oversee the truce agreed on Monday along the river.", "Monday", "2024-06-10"),
    # the cue's own passive stays ahead
    ("The vote will be held on Monday.", "Monday", "2024-06-17"),
])
def test_the_words_around_a_weekday_give_its_direction(text, word, value):
    from kg.extract.timex import find_timexes

    found = {tv.text: tv.timex for tv in find_timexes(text, date(2024, 6, 12))}
    assert found[word] == value


# ---------------------------------------------------------------- an end sought through a gerund
@pytest.mark.parametrize("text, kind", [
    ("The talks in Davao are aimed at forging a ceasefire with the rebels.", "Ceasefire"),
    ("Regional envoys redoubled efforts toward arranging a summit of the two leaders.", "Summit"),
    ("Mediators stepped up efforts for a truce in the south.", "Ceasefire"),
])
def test_an_event_sought_through_a_gerund_or_an_effort_is_proposed(run, text, kind):
    assert one(run(text), kind).status == "Proposed"


# ---------------------------------------------------------------- talks told with the participle of their start
@pytest.mark.parametrize("text", [
    "Envoys flew to Arusha to join the negotiations begun on Monday.",
    "Envoys flew to Arusha to join the negotiations started on Monday.",
])
def test_talks_told_with_the_participle_of_their_start_that_day_are_under_way_from_it(run, text):
    r = one(run(text), "NegotiationRound")
    assert (r.status, iso_bounds(r)) == ("Ongoing", ("2024-06-10", "None"))


def test_talks_told_with_the_participle_of_an_earlier_start_began_then(run):
    r = one(run("Observers praised the talks begun on Friday in Arusha."), "NegotiationRound")
    assert str(bounds(r)[0]) == "2024-06-07"


# ---------------------------------------------------------------- a leader and the counterpart named with them
def test_a_meeting_of_a_leader_and_the_counterpart_named_with_them_is_a_summit(run):
    x = run("Croatian President Ivo Maric and his Slovenian counterpart Jan Novak had an informal "
            "meeting in Piran on Friday.")
    assert one(x, "Summit").place == "Piran"


def test_a_minister_and_the_counterpart_named_with_them_hold_a_meeting(run):
    x = run("Foreign Minister Ana Lind and her Danish counterpart Per Holm had a meeting on Thursday in Oslo.")
    assert one(x, "Meeting").status == "Occurred"


# ---------------------------------------------------------------- a meeting that agreed on something took place
@pytest.mark.parametrize("text", [
    "The first regional summit in 1998 agreed on a customs union.",
    "The donors' conference session has agreed to extend the aid programme.",
])
def test_a_meeting_that_agreed_on_something_took_place(run, text):
    assert [e.status for e in run(text).events if e.kind in ("Summit", "NegotiationRound", "Meeting")] == ["Occurred"]


def test_sides_that_agreed_to_a_summit_plan_it(run):
    assert one(run("Both sides agreed to a summit in July."), "Summit").status == "Planned"


# ---------------------------------------------------------------- whose visit: "a visit by", "paid a visit"
@pytest.mark.parametrize("text", [
    "An unannounced visit by Prime Minister Ana Lind to Kabul on Sunday drew protests.",
    "On Sunday Prime Minister Ana Lind paid a visit to Kabul.",
])
def test_a_leaders_visit_told_by_its_agent_or_its_light_verb_is_a_summit(run, text):
    assert str(bounds(one(run(text), "Summit"))[0]) == "2024-06-09"


def test_an_envoys_trip_made_to_a_place_is_talks_there(run):
    r = one(run("The UN envoy made a trip to Aden on Monday."), "NegotiationRound")
    assert r.place == "Aden"


def test_anybody_elses_visit_is_no_event(run):
    assert not run("The singer made a visit to Kabul on Sunday.").events


# ---------------------------------------------------------------- exchanges of a domain are no prisoner swap
@pytest.mark.parametrize("text", [
    "The two premiers agreed to deepen political, economic and defense exchanges.",
    "Both governments pledged to expand cultural and student exchanges next year.",
])
def test_exchanges_of_a_domain_are_no_prisoner_exchange(run, text):
    assert not [e for e in run(text).events if e.kind == "PrisonerExchange"]


def test_an_exchange_of_prisoners_is_still_one(run):
    assert one(run("The sides held a prisoner exchange on Sunday."), "PrisonerExchange").status == "Occurred"


# ---------------------------------------------------------------- a counterpart named after a leader
def test_a_counterpart_named_after_the_word_is_a_person(nlp):
    from extraction import actors_of

    found = actors_of(nlp, "The deal was made during the talks between Chilean President Gabriel Boric "
                           "and his visiting Argentine counterpart Javier Milei in Santiago on Sunday.")
    assert found["Javier Milei"].kind == "Person" and found["Javier Milei"].affiliation == "Argentina"


def test_talks_between_a_leader_and_the_counterpart_named_with_them_are_a_summit(run):
    x = run("The deal was made during the talks between Chilean President Gabriel Boric "
            "and his visiting Argentine counterpart Javier Milei in Santiago on Sunday.")
    assert one(x, "Summit").place == "Santiago"


# ---------------------------------------------------------------- "the May 4 accord signed by X and Y"
def test_an_accord_named_by_its_day_and_signed_by_named_people_was_signed_that_day(run):
    x = run("Monitors follow the rules laid down by the May 4 accord signed by Prime Minister Ana Lind "
            "and Foreign Minister Omar Haddad in Amman.")
    m = one(x, "Meeting")
    assert (str(bounds(m)[0]), m.place) == ("2024-05-04", "Amman")
    assert [a.reached_at for a in x.agreements] == [m.key]


@pytest.mark.parametrize("text", [
    "Monitors follow the 2019 accord signed by Prime Minister Ana Lind and Foreign Minister Omar Haddad.",
    "Monitors follow the accord signed by Prime Minister Ana Lind and Foreign Minister Omar Haddad.",
])
def test_an_accord_named_by_its_year_or_by_no_date_tells_no_signing(run, text):
    assert not run(text).events


# ---------------------------------------------------------------- a leader meets a counterpart "for talks"
@pytest.mark.parametrize("text, status", [
    ("Chilean President Gabriel Boric will meet his Argentine counterpart Javier Milei in Santiago "
     "on Friday for talks on trade.", "Planned"),
    ("Chilean President Gabriel Boric met his Argentine counterpart Javier Milei in Santiago on Friday.",
     "Occurred"),
])
def test_a_leader_meeting_the_counterpart_for_talks_holds_a_summit(run, text, status):
    x = run(text)
    assert one(x, "Summit").status == status and not [e for e in x.events if e.kind == "NegotiationRound"]


def test_delegations_meeting_for_talks_hold_a_round(run):
    x = run("Delegations of Chile and Argentina will meet in Santiago on Friday for talks on trade.")
    assert one(x, "NegotiationRound").status == "Planned"


# ---------------------------------------------------------------- "X and Y, who met in ..."
def test_leaders_joined_before_a_relative_clause_of_meeting_hold_a_summit(run):
    x = run("The plan was agreed by Chilean President Gabriel Boric and Argentine President Javier Milei, "
            "who met in the Peruvian capital of Lima in September.")
    assert one(x, "Summit").place == "Lima"


def test_one_envoy_before_a_relative_clause_of_meeting_holds_no_summit(run):
    x = run("The plan was praised by the envoy, who met in Lima with rebel leaders in September.")
    assert not [e for e in x.events if e.kind == "Summit"]


# ---------------------------------------------------------------- "ahead of December 21 talks"
@pytest.mark.parametrize("text, expected", [
    ("The minister's tour comes ahead of June 21 talks between the two rebel factions.", ("2024-06-21", "2024-06-21")),
    ("The minister's tour comes ahead of next week's talks between the two rebel factions.", ("2024-06-17", "2024-06-23")),
])
def test_a_bound_told_with_the_date_that_names_the_talks_dates_the_talks(run, text, expected):
    assert iso_bounds(one(run(text), "NegotiationRound")) == expected


# ---------------------------------------------------------------- leaders of one country agreeing
@pytest.mark.parametrize("text", [
    "Peru's political leaders agreed on Wednesday to hold early elections.",
    "Peruvian party leaders agreed on Wednesday to hold early elections.",
])
def test_leaders_of_one_country_agreeing_on_a_day_held_domestic_talks(run, text):
    x = run(text)
    assert str(bounds(one(x, "NegotiationRound"))[0]) == "2024-06-05" and not [e for e in x.events if e.kind == "Summit"]


def test_leaders_of_two_countries_agreeing_on_a_day_held_a_summit(run):
    assert one(run("The leaders of Peru and Chile agreed on Wednesday to reopen the border."), "Summit").status == "Occurred"


# ---------------------------------------------------------------- "a June summit", "an earlier March round"
@pytest.mark.parametrize("text, kind, expected", [
    ("Officials recalled that a March summit of the bloc had ended in acrimony.", "Summit",
     ("2024-03-01", "2024-03-31")),
    ("The accord built on an earlier April round in Nairobi.", "NegotiationRound", ("2024-04-01", "2024-04-30")),
])
def test_a_month_naming_an_event_after_an_article_dates_it(run, text, kind, expected):
    assert iso_bounds(one(run(text), kind)) == expected


# ---------------------------------------------------------------- "to monitor a shaky ceasefire"
def test_a_truce_watched_and_told_as_fragile_is_in_force(run):
    x = run("The African Union has deployed troops to monitor a shaky ceasefire in the region.")
    assert one(x, "Ceasefire").status == "Ongoing"


def test_a_truce_to_be_watched_once_signed_is_not_yet_in_force(run):
    x = run("The African Union will deploy troops to monitor a ceasefire once it is signed.")
    assert one(x, "Ceasefire").status == "Proposed"


# ---------------------------------------------------------------- talks someone will or could bring to an end
@pytest.mark.parametrize("text", [
    "The two factions could finalize talks on a unity cabinet this week.",
    "The two factions hope to conclude the talks on a unity cabinet soon.",
])
def test_talks_someone_will_or_could_end_are_under_way(run, text):
    assert [e.status for e in run(text).events if e.kind in ("NegotiationRound", "Summit")] == ["Ongoing"]


def test_talks_not_concluded_are_no_talks_under_way(run):
    assert not [e for e in run("The leaders did not conclude the talks.").events if e.status == "Ongoing"]


# ---------------------------------------------------------------- a clause of the same time
@pytest.mark.parametrize("text, kind, expected", [
    ("Shelling resumed along the border on Thursday as envoys of both governments held talks in Doha.",
     "NegotiationRound", ("2024-06-06", "2024-06-06")),
    ("Crowds gathered outside the palace on Saturday while the two ministers met behind closed doors.",
     "Meeting", ("2024-06-08", "2024-06-08")),
    ("Markets slid on Friday, as peace negotiations among the rival parties yielded only a short list of reforms.",
     "NegotiationRound", ("2024-06-07", "2024-06-07")),
])
def test_an_event_in_a_clause_of_as_or_while_takes_the_day_of_the_clause_it_hangs_on(run, text, kind, expected):
    e = one(run(text), kind)
    assert iso_bounds(e) == expected


def test_a_clause_of_as_in_a_perfect_tense_tells_an_earlier_time(run):
    e = one(run("The army pulled back on Wednesday, as the negotiations had broken down."), "NegotiationRound")
    assert bounds(e)[0] != date(2024, 6, 5)


# ---------------------------------------------------------------- one body's own sitting
@pytest.mark.parametrize("text", [
    "Diplomats expect the World Health Organization's Executive Board meeting due on Wednesday to adopt the text.",
    "NATO's North Atlantic Council session on Friday endorsed the withdrawal plan.",
])
def test_the_sitting_of_one_body_named_with_its_organization_is_a_meeting(run, text):
    x = run(text)
    assert [e.kind for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Meeting"]


def test_the_body_named_on_its_sitting_takes_part_in_it(run):
    e = one(run("NATO's North Atlantic Council session on Friday endorsed the withdrawal plan."), "Meeting")
    assert "North Atlantic Treaty Organization" in e.actors


@pytest.mark.parametrize("text", [
    "The joint border commission of Peru and Chile met on Friday in Lima.",
    "The joint committee of the two governments held a session on Friday in Lima.",
])
def test_the_sitting_of_a_body_that_two_sides_share_is_talks_between_them(run, text):
    x = run(text)
    assert [e.kind for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["NegotiationRound"]


# ---------------------------------------------------------------- a listed body's name inside a longer one
@pytest.mark.parametrize("text, longer, listed", [
    ("The Commonwealth of Puerto Rico said on Monday it backed the deal.",
     "Commonwealth of Puerto Rico", "Commonwealth of Nations"),
    ("The World Bank of Savings said on Monday it would fund the border crossing.",
     "World Bank of Savings", "World Bank"),
])
def test_a_listed_body_followed_by_of_and_a_name_is_the_start_of_another_name(nlp, text, longer, listed):
    from extraction import actors_of

    found = actors_of(nlp, text)
    assert listed not in found
    assert longer in found


def test_a_listed_body_told_alone_is_still_that_body(nlp):
    from extraction import actors_of

    assert "Commonwealth of Nations" in actors_of(nlp, "The Commonwealth summit opened in Kampala on Friday.")


# ---------------------------------------------------------------- names after a plural title
@pytest.mark.parametrize("text, names", [
    ("The accord was opposed by senators Ilse Brandauer and Tomasz Wielicki.", ["Ilse Brandauer", "Tomasz Wielicki"]),
    ("The junta sent council members Adama Ouedraogo and Salif Kone to the talks.", ["Adama Ouedraogo", "Salif Kone"]),
])
def test_full_names_after_a_plural_title_are_persons(nlp, text, names):
    from extraction import actors_of

    found = actors_of(nlp, text)
    for name in names:
        assert found.get(name) is not None and found[name].kind == "Person"


# ---------------------------------------------------------------- a prime minister's trip
@pytest.mark.parametrize("text", [
    "The Dutch prime minister made a trip to Jakarta on Thursday to discuss the fisheries dispute.",
    "The Norwegian prime minister's visit to Nairobi on Friday was cut short.",
])
def test_a_trip_of_a_prime_minister_named_by_rank_is_a_summit(run, text):
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Summit"]


def test_a_trip_of_a_minister_named_by_rank_is_no_summit(run):
    kinds = [e.kind for e in run("The trade minister made a trip to Jakarta on Thursday.").events]
    assert "Summit" not in kinds


# ---------------------------------------------------------------- leaders met by an official
@pytest.mark.parametrize("text", [
    "Chilean Foreign Minister Alberto van Klaveren will hold talks with Bolivian leaders on Thursday.",
    "The trade minister is due to meet Vietnamese leaders in Hanoi on Friday.",
])
def test_leaders_met_by_an_official_make_a_meeting_not_a_summit(run, text):
    kinds = [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")]
    assert kinds and "Summit" not in kinds


@pytest.mark.parametrize("text", [
    "President Gabriel Boric will hold talks with Bolivian leaders on Thursday.",
    "A meeting of regional leaders will open in Nairobi on Monday.",
])
def test_leaders_meeting_leaders_still_make_a_summit(run, text):
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Summit"]


# ---------------------------------------------------------------- one country's leaders, sentence-initial
@pytest.mark.parametrize("text", [
    "Feuding Kenyan leaders resumed round-table talks on Monday in Nairobi.",
    "Opposing Bolivian leaders held talks on Saturday in La Paz.",
])
def test_talks_of_one_countrys_leaders_are_domestic_talks_even_after_a_capital_that_opens_the_sentence(run, text):
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["NegotiationRound"]


def test_talks_of_the_leaders_of_two_countries_stay_a_summit(run):
    text = "Opposing Bolivian and Chilean leaders held talks on Saturday in La Paz."
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Summit"]


# ---------------------------------------------------------------- people swapped for people
@pytest.mark.parametrize("text", [
    "The couple, Anna and Piet Visser, was exchanged on Monday for jailed militant Robert Varga.",
    "The captured pilot was swapped on Sunday for 40 prisoners.",
])
def test_people_exchanged_for_a_person_or_prisoners_are_a_prisoner_exchange(run, text):
    assert [e.kind for e in run(text).events] == ["PrisonerExchange"]


@pytest.mark.parametrize("text", [
    "The two countries exchanged ambassadors on Monday.",
    "The firms swapped assets for shares on Monday.",
])
def test_things_exchanged_are_no_prisoner_exchange(run, text):
    assert "PrisonerExchange" not in [e.kind for e in run(text).events]

# ---------------------------------------------------------------- a meeting on the sidelines of a summit
@pytest.mark.parametrize("text", [
    "Varga, Sanader hold talks in Vienna\nForeign Minister Lena Varga of Hungary and Prime Minister Ivo Sanader of "
    "Croatia met on the sidelines of a Danube summit in Vienna on Friday, a radio station reported.",
    "Foreign Minister Lena Varga of Hungary and Prime Minister Ivo Sanader of Croatia met on Friday on the margins "
    "of a regional summit in Vienna.",
])
def test_a_meeting_on_the_sidelines_of_a_summit_is_not_the_summit(run, text):
    x = run(text)
    assert any(" met " in m.text for m in one(x, "Meeting").mentions)
    assert not any(" met " in m.text for m in one(x, "Summit").mentions)


def test_a_summit_told_twice_is_still_one_summit(run):
    x = run("The Danube summit opened in Vienna on Friday. Leaders at the summit in Vienna adopted a river plan.")
    assert len(one(x, "Summit").mentions) == 2


# ---------------------------------------------------------------- two persons' meeting named "talks"
def test_two_persons_meeting_named_talks_in_the_headline_stays_a_meeting(run):
    x = run("Varga, Sanader hold talks in Vienna\nForeign Minister Lena Varga of Hungary and Prime Minister "
            "Ivo Sanader of Croatia met in Vienna on Friday, a radio station reported.")
    assert [e.kind for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Meeting"]


def test_delegations_meeting_for_talks_stays_a_round(run):
    x = run("Delegations of Hungary and Croatia met in Vienna on Friday for talks on the border.")
    assert [e.kind for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["NegotiationRound"]


# ---------------------------------------------------------------- "the two met and held talks" told after the meeting
@pytest.mark.parametrize("text", [
    "Foreign Minister Lena Varga of Hungary and Prime Minister Ivo Sanader of Croatia met in Vienna on Friday. "
    "Aides said the two met by chance and held 40-minute talks.",
    "Foreign Minister Lena Varga of Hungary and Prime Minister Ivo Sanader of Croatia met by chance in Vienna on "
    "Friday and held brief talks.",
])
def test_talks_held_in_a_clause_joined_to_the_meeting_are_that_meeting(run, text):
    x = run(text)
    (e,) = [e for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")]
    assert (e.kind, iso_bounds(e)) == ("Meeting", ("2024-06-07", "2024-06-07"))


def test_talks_held_with_a_day_and_place_of_their_own_are_another_meeting(run):
    x = run("Foreign Minister Lena Varga of Hungary and Prime Minister Ivo Sanader of Croatia met in Vienna on "
            "Friday and held talks in Graz on Sunday.")
    assert len([e for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")]) == 2


# ---------------------------------------------------------------- "the new round" with no status of its own
@pytest.mark.parametrize("text", [
    "Border talks between Peru and Ecuador will resume in Quito next week. Officials said that an accord on "
    "fishing in the new round would ease tension.",
    "The sixth round of the border talks will open in Geneva on Thursday, the ministry said. An official said "
    "that settling the maps in the new round could help both sides.",
])
def test_the_new_round_told_with_no_status_of_its_own_is_the_round_to_come(run, text):
    (e,) = [e for e in run(text).events if e.kind == "NegotiationRound"]
    assert e.status == "Planned"


def test_a_new_round_told_as_opened_is_another_round(run):
    x = run("The fifth round of border talks ended in Oslo in May. A new round opened in Geneva on Monday.")
    assert len(kinds(x, "NegotiationRound")) == 2

# ---------------------------------------------------------------- "wants a ceasefire agreement"
@pytest.mark.parametrize("text", [
    "The Tarma Liberation Front wants a ceasefire agreement in force across the whole province.",
    "Leaders of the Tarma Liberation Front want a truce deal covering the highlands.",
])
def test_wanting_an_agreement_named_by_its_event_proposes_that_event(run, text):
    p, truce = proposes(run(text), "Ceasefire")
    assert p.proposed_by == ("Tarma Liberation Front",) and truce.status == "Proposed"


@pytest.mark.parametrize("text", [
    "The Tarma Liberation Front wants the ceasefire agreement to hold.",
    "The Tarma Liberation Front wants a peace agreement with the government.",
])
def test_wanting_an_agreement_told_before_or_of_no_event_proposes_nothing(run, text):
    assert not kinds(run(text), "Proposal")


# ---------------------------------------------------------------- "the king urged ..."
@pytest.mark.parametrize("text, kind", [
    ("Nepali King Birendra Thapa addressed the parliament in Kathmandu on Monday. "
     "The king urged India and Bhutan to resume their border talks.", "NegotiationRound"),
    ("Qatari Emir Hamad Kuwari met the French foreign minister on Monday. "
     "The emir proposed a meeting of Gulf ministers in Doha next month.", "Meeting"),
])
def test_a_ruler_named_by_the_title_alone_proposes(run, text, kind):
    p, _ = proposes(run(text), kind)
    assert p.proposed_by == (text.split(" ")[2] + " " + text.split(" ")[3],)


def test_a_title_two_people_hold_names_no_proposer(run):
    x = run("Moroccan King Hassan Idrissi met Jordanian King Talal Hashem in Rabat on Monday. "
            "The king proposed a meeting of the two cabinets in June.")
    p, _ = proposes(x, "Meeting")
    assert p.proposed_by == ()


# ---------------------------------------------------------------- "put forward a compromise list"
@pytest.mark.parametrize("text", [
    "To break the deadlock, Portugal has put forward a compromise list of the fishing quotas each member wants.",
    "Portugal on Tuesday tabled a compromise text on fishing quotas.",
    "The Portuguese presidency presented a compromise plan on fishing quotas to the other members.",
])
def test_a_compromise_text_put_forward_is_a_proposal_of_its_own(run, text):
    (p,) = kinds(run(text), "Proposal")
    assert p.proposed_by == ("Portugal",)


@pytest.mark.parametrize("text", [
    "Portugal presented a plan on fishing quotas to the other members.",
    "The ministers discussed the compromise plan agreed last week.",
])
def test_a_plan_of_no_terms_or_one_told_before_is_no_proposal(run, text):
    assert not kinds(run(text), "Proposal")


# ---------------------------------------------------------------- "proposals from the EU's Portuguese presidency"
@pytest.mark.parametrize("text, maker", [
    ("Fisheries ministers were still waiting for a new offer from the EU's Portuguese presidency.", "Portugal"),
    ("Fisheries ministers were still waiting for a new offer from Spain's presidency of the bloc.", "Spain"),
])
def test_the_maker_of_an_offer_is_the_body_named_before_its_possessor(run, text, maker):
    (p,) = kinds(run(text), "Proposal")
    assert p.proposed_by == (maker,)


# ---------------------------------------------------------------- "urged the resumption of the stalled talks"
@pytest.mark.parametrize("text", [
    "Chilean President Elena Soto on Friday urged the resumption of the frozen boundary negotiations.",
    "Chilean President Elena Soto urged a quick restart of peace talks between the two rebel groups.",
])
def test_urging_a_resumption_of_talks_proposes_them(run, text):
    p, talks = proposes(run(text), "NegotiationRound")
    assert p.proposed_by == ("Elena Soto",) and talks.status == "Proposed"


def test_urging_the_resumption_of_what_is_no_event_proposes_nothing(run):
    assert not kinds(run("Chilean President Elena Soto urged the resumption of copper exports."), "Proposal")


# ---------------------------------------------------------------- "the commission recommended ..."
@pytest.mark.parametrize("text, kind", [
    ("The Halvorsen Commission recommended a truce across the northern provinces.", "Ceasefire"),
    ("The Halvorsen Commission on Tuesday recommended talks between the army and the rebels.", "NegotiationRound"),
])
def test_a_body_recommending_an_event_proposes_it(run, text, kind):
    p, e = proposes(run(text), kind)
    assert p.proposed_by == ("Halvorsen Commission",) and e.status == "Proposed"


def test_a_body_recommending_terms_makes_a_proposal_of_its_own(run):
    (p,) = kinds(run("The Halvorsen Commission had recommended 30 open seats and 20 reserved seats."), "Proposal")
    assert p.proposed_by == ("Halvorsen Commission",)


@pytest.mark.parametrize("text", [
    "The Halvorsen Commission did not recommend a truce.",
    "Doctors recommended rest for the injured negotiator.",
])
def test_a_recommendation_denied_or_by_no_side_is_no_proposal(run, text):
    assert not kinds(run(text), "Proposal")


# ---------------------------------------------------------------- "invited the rebels to rejoin the talks last week"
@pytest.mark.parametrize("text, begin", [
    ("Bolivia invited the guerrillas to rejoin the negotiations last week.", "2024-06-03"),
    ("Bolivia asked the guerrillas to resume negotiations two weeks ago.", "2024-05-27"),
])
def test_a_past_time_on_the_event_proposed_is_the_time_of_proposing(run, text, begin):
    p, talks = proposes(run(text), "NegotiationRound")
    assert str(bounds(p)[0]) == begin and bounds(talks) == (None, None) and talks.status == "Proposed"


def test_a_past_time_of_a_noun_inside_the_proposal_stays_there(run):
    x = run("Bolivia urged the guerrillas to resume the negotiations suspended last month.")
    p, _ = proposes(x, "NegotiationRound")
    assert bounds(p)[0] is None


# ---------------------------------------------------------------- "is to present new proposals on Friday"
def test_a_proposal_someone_is_to_put_forward_is_planned_on_its_day(run):
    (p,) = kinds(run("Norway is to table fresh proposals on Thursday to end the deadlock over quotas."), "Proposal")
    assert p.status == "Planned" and iso_bounds(p) == ("2024-06-13", "2024-06-13")


def test_a_proposal_someone_was_to_put_forward_is_planned_with_no_day_gone_by(run):
    (p,) = kinds(run("Norway was to table fresh proposals on Thursday to end the deadlock, an aide said."),
                 "Proposal")
    assert p.status == "Planned" and bounds(p) == (None, None)


def test_a_proposal_put_forward_is_no_plan(run):
    (p,) = kinds(run("Norway tabled fresh proposals on Thursday to end the deadlock over quotas."), "Proposal")
    assert p.status == "Occurred" and iso_bounds(p) == ("2024-06-06", "2024-06-06")


# ---------------------------------------------------------------- "insisted on direct talks"
@pytest.mark.parametrize("text, kind", [
    ("Ecuador insisted on direct negotiations with Colombia over the border.", "NegotiationRound"),
    ("Ecuador has insisted on a meeting of the two defence ministers before any summit.", "Meeting"),
    ("Ecuador insisted on holding the next round of talks in Quito.", "NegotiationRound"),
])
def test_insisting_on_an_event_proposes_it(run, text, kind):
    p, e = proposes(run(text), kind)
    assert p.proposed_by == ("Ecuador",) and e.status == "Proposed"


@pytest.mark.parametrize("text", [
    "Ecuador insisted on Tuesday that the negotiations with Colombia had failed.",
    "Ecuador insisted on its right to patrol the river.",
])
def test_insisting_on_a_day_or_a_right_proposes_nothing(run, text):
    assert not kinds(run(text), "Proposal")


# ---------------------------------------------------------------- "is expected to table fresh proposals"
@pytest.mark.parametrize("text, begin", [
    ("Iceland is expected to table fresh proposals on Thursday to end the deadlock over quotas.", "2024-06-13"),
    ("Iceland is due to present a new compromise plan on fishing quotas next week.", "2024-06-17"),
    ("Iceland plans to propose talks with Norway next month.", "2024-07-01"),
])
def test_a_proposal_expected_due_or_planned_is_planned_and_made_by_its_subject(run, text, begin):
    (p,) = kinds(run(text), "Proposal")
    assert p.proposed_by == ("Iceland",) and p.status == "Planned" and str(bounds(p)[0]) == begin


def test_a_proposal_not_expected_is_none(run):
    assert not kinds(run("Iceland is not expected to table fresh proposals on Thursday."), "Proposal")


# ---------------------------------------------------------------- a leaders' meeting named in capitals
@pytest.mark.parametrize("text", [
    "Kenya hosted the 14th Regional Economic Leaders' Meeting on Saturday.",
    "Chile hosted the Andean Presidents' Meeting on Saturday.",
])
def test_a_leaders_meeting_named_in_capitals_is_a_summit(run, text):
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Summit"]


# ---------------------------------------------------------------- thanked or praised for organizing
@pytest.mark.parametrize("text", [
    "The chancellor congratulated Kenya for successfully organizing the regional leaders' meeting last weekend.",
    "The minister thanked Norway for arranging the talks in Oslo last week.",
])
def test_what_someone_is_thanked_or_praised_for_organizing_took_place(run, text):
    (e,) = [e for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")]
    assert e.status == "Occurred"


def test_talks_being_organized_are_still_planned(run):
    e = one(run("Norway is organizing talks in Oslo next week."), "NegotiationRound")
    assert e.status == "Planned"


# ---------------------------------------------------------------- "Presidents A of X and B of Y"
def test_a_plural_title_with_each_persons_country_gives_each_the_title_and_the_country(nlp):
    from extraction import actors_of

    found = actors_of(nlp, "Presidents Ana Souza of Brazil and Luis Pena of Chile met on Friday in Lima.")
    assert found["Ana Souza"].affiliation == "Brazil"
    assert found["Luis Pena"].affiliation == "Chile"
    assert "President" in (found["Luis Pena"].title or "")


def test_the_leaders_named_with_a_plural_title_and_their_countries_hold_a_summit(run):
    x = run("Presidents Ana Souza of Brazil and Luis Pena of Chile met on Friday in Lima.")
    assert [e.kind for e in x.events] == ["Summit"]


# ---------------------------------------------------------------- a plan or programme signed
@pytest.mark.parametrize("text", [
    "The two governments signed a ten-year cooperation programme in Kampala on Friday.",
    "Ministers of both countries signed a joint energy plan on Friday in Baku.",
])
def test_a_plan_or_programme_signed_is_an_agreement(run, text):
    assert len(run(text).agreements) == 1


def test_a_plan_signed_off_by_one_body_is_no_agreement(run):
    assert run("The ministry signed off on the budget plan on Friday.").agreements == ()


# ---------------------------------------------------------------- "leaders of" one party or one country
@pytest.mark.parametrize("text", [
    "Leaders of Chile's small Green party struck an electoral pact with the Socialists on Wednesday.",
    "Leaders of the ruling coalition held talks on Wednesday in Santiago.",
])
def test_talks_of_the_leaders_of_one_party_or_body_are_domestic_talks(run, text):
    assert [e.kind for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["NegotiationRound"]


def test_talks_of_the_leaders_of_two_countries_are_a_summit(run):
    x = run("Leaders of Chile and Peru held talks on Wednesday in Lima.")
    assert [e.kind for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")] == ["Summit"]


# ---------------------------------------------------------------- a place after "at" before "said"
@pytest.mark.parametrize("text, place", [
    ("\"They are tired of waiting,\" a grocery store owner at Fort Davis said.", "Fort Davis"),
    ("\"Nobody trusts the truce,\" a baker near Port Moody said on Monday.", "Port Moody"),
    ("\"We are tired of waiting,\" a shop owner at Marfa said.", "Marfa"),
])
def test_a_name_after_a_preposition_of_place_before_said_is_no_speaker(nlp, text, place):
    from extraction import actors_of

    found = actors_of(nlp, text)
    assert place not in found or found[place].kind != "Person"


def test_a_name_after_said_is_still_the_speaker(nlp):
    from extraction import actors_of

    assert actors_of(nlp, "\"We will sign,\" said Ana Souza.")["Ana Souza"].kind == "Person"


# ---------------------------------------------------------------- a stance or aim "to hold talks"
@pytest.mark.parametrize("text, kind", [
    ("\"It is our stand to hold four-way talks on the dispute,\" the minister said.", "NegotiationRound"),
    ("Our position is to hold direct talks with the rebels.", "NegotiationRound"),
    ("Our aim is to hold a summit with Chile next year.", "Summit"),
])
def test_talks_told_as_a_sides_stance_or_aim_are_proposed(run, text, kind):
    assert one(run(text), kind).status == "Proposed"


def test_talks_told_as_the_plan_for_a_day_are_planned(run):
    assert one(run("The plan is to hold talks in Lima on Monday."), "NegotiationRound").status == "Planned"


# ---------------------------------------------------------------- a headline's "UN chief" is the person
def test_a_headlines_statement_by_a_bodys_chief_is_the_statement_of_that_bodys_person(run):
    x = run("UN chief welcomes restart of Juba talks\n\nUN Secretary-General Antonio Guterres on Tuesday "
            "welcomed the restart of the talks in Juba. Guterres urged both sides to keep the truce.")
    statements = [e for e in x.events if e.kind == "Statement"]
    assert len(statements) == 1 and "United Nations" not in statements[0].actors[:1]


def test_a_headlines_statement_by_a_bodys_chief_is_no_other_bodys_persons(run):
    x = run("UN chief welcomes restart of Juba talks\n\nKenyan President William Ruto on Tuesday "
            "pledged support for the talks in Juba.")
    assert len([e for e in x.events if e.kind == "Statement"]) == 2


# ---------------------------------------------------------------- who a person met "with"
@pytest.mark.parametrize("text", [
    "Colombian Foreign Minister Ana Rojas met with her Peruvian counterpart, Luis Paredes, on Monday to ease a "
    "border row. Paredes flew home later.",
    "On Monday Colombian Foreign Minister Ana Rojas met with Peruvian Foreign Minister Luis Paredes in Lima.",
])
def test_the_person_met_with_takes_part_in_the_meeting(run, text):
    e = one(run(text), "Meeting")
    assert {"Ana Rojas", "Luis Paredes"} <= set(e.actors)


def test_talks_with_the_person_met_told_after_the_meeting_are_that_meeting(run):
    x = run("Colombian Foreign Minister Ana Rojas met with her Peruvian counterpart, Luis Paredes, on Monday. "
            "Speaking after talks with Paredes, Rojas said the talks were useful.")
    assert len(one(x, "Meeting").mentions) >= 2


# ---------------------------------------------------------------- talks that something "can" bring about
@pytest.mark.parametrize("text", [
    "The minister voiced hope that the border deal can lead to renewed peace negotiations, the agency said.",
    "Mediators believe the prisoner release can open the door to formal talks with the rebels.",
])
def test_talks_that_something_can_bring_about_are_only_proposed(run, text):
    assert one(run(text), "NegotiationRound").status == "Proposed"


def test_talks_held_are_still_held_when_a_later_clause_says_what_can_follow(run):
    e = one(run("The two delegations held talks in Lima on Friday, and officials said a deal can follow."),
            "NegotiationRound")
    assert e.status == "Occurred"


# ---------------------------------------------------------------- background signings told with no day or place
@pytest.mark.parametrize("text", [
    "Currently only two countries, Peru and Chile, have inked border treaties with Bolivia.",
    "So far only Peru and Chile have signed border treaties with Bolivia, the minister noted.",
])
def test_a_signing_told_only_with_its_party_or_the_present_is_no_meeting(run, text):
    assert not [e for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")]


@pytest.mark.parametrize("text", [
    "Peru signed a border treaty with Bolivia on Friday.",
    "Peru and Chile signed a border treaty in Lima.",
])
def test_a_signing_with_a_day_or_a_place_of_its_own_is_still_a_meeting(run, text):
    assert one(run(text), "Meeting").status == "Occurred"


# ---------------------------------------------------------------- a meeting timed by the talks it comes before
@pytest.mark.parametrize("text", [
    "US envoy Mark Dane said on Saturday he will meet with his Iranian counterpart in Oslo ahead of the "
    "resumption of the six-nation talks next week.",
    "US envoy Mark Dane said he will meet his Iranian counterpart in Oslo next week ahead of the nuclear talks.",
    "Envoy Mark Dane met Foreign Minister Reza Amini in Oslo on Monday before the nuclear talks in Oslo.",
])
def test_a_meeting_held_ahead_of_the_talks_is_not_the_talks(run, text):
    x = run(text)
    assert len([e for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")]) == 2


# ---------------------------------------------------------------- a meeting to come, told with its month and then its day
def test_a_meeting_to_come_told_again_with_its_day_in_the_same_city_is_one_meeting(run):
    x = run("Trade ministers will hold talks in Lima next month to save the tariff accord, officials said. "
            "The WTO meeting is scheduled on July 3 in Lima, with fears growing over farm subsidies.")
    (e,) = [e for e in x.events if e.kind in ("Meeting", "NegotiationRound", "Summit")]
    assert iso_bounds(e) == ("2024-07-03", "2024-07-03")


@pytest.mark.parametrize("text", [
    "Trade ministers will hold talks in Lima next month, officials said. "
    "The WTO meeting is scheduled on July 3 in Quito.",
    "Trade ministers held talks in Lima in May. The WTO meeting is scheduled on July 3 in Lima.",
])
def test_a_meeting_to_come_in_another_city_or_after_one_held_is_another_meeting(run, text):
    assert len([e for e in run(text).events if e.kind in ("Meeting", "NegotiationRound", "Summit")]) == 2


# ---------------------------------------------------------------- talks said to be likely, with no infinitive
@pytest.mark.parametrize("text, kind", [
    ("More bilateral talks were likely after the plenary session, the spokesman added.", "NegotiationRound"),
    ("Fresh talks between the two sides are unlikely before the election.", "NegotiationRound"),
    ("A summit of the two presidents is likely in the autumn, diplomats said.", "Summit"),
])
def test_talks_said_to_be_likely_are_only_proposed(run, text, kind):
    assert "Proposed" in [e.status for e in kinds(run(text), kind)]


def test_talks_that_collapsed_and_are_unlikely_to_resume_were_held(run):
    e = one(run("The talks, which collapsed on Wednesday, are unlikely to resume soon."), "NegotiationRound")
    assert e.status == "Occurred"


# ---------------------------------------------------------------- a known truce that would hold
@pytest.mark.parametrize("text", [
    "The rebels said the truce would hold.",
    "The militia said its two-month-old ceasefire will hold despite the raid.",
])
def test_a_known_truce_said_to_hold_is_in_force(run, text):
    assert one(run(text), "Ceasefire").status == "Ongoing"


def test_a_truce_hoped_to_hold_once_signed_is_not_in_force(run):
    assert one(run("Officials hope a truce will hold if it is signed."), "Ceasefire").status != "Ongoing"


# ---------------------------------------------------------------- a month in what is put forward
@pytest.mark.parametrize("text, kind, expected", [
    ("Oslo suggested that the two leaders hold a summit in March.", "Summit", ("2025-03-01", "2025-03-31")),
    ("Oslo proposed that talks be held in Bergen in April.", "NegotiationRound", ("2025-04-01", "2025-04-30")),
    ("Oslo urged the rebels to meet in April.", "NegotiationRound", ("2025-04-01", "2025-04-30")),
    ("Oslo wants talks in Bergen in April.", "NegotiationRound", ("2025-04-01", "2025-04-30")),
])
def test_a_month_in_what_someone_puts_forward_is_to_come(run, text, kind, expected):
    e = one(run(text), kind)
    assert iso_bounds(e) == expected


def test_a_month_in_what_someone_says_was_held_is_past(run):
    e = one(run("Oslo said the two leaders held a summit in March."), "Summit")
    assert iso_bounds(e) == ("2024-03-01", "2024-03-31")


# ---------------------------------------------------------------- parties "in talks"
@pytest.mark.parametrize("text", [
    "Chile and Peru are in talks about the maritime border.",
    "Chile said it was in talks with Peru about the maritime border.",
])
def test_parties_in_talks_hold_talks_under_way(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


def test_being_in_talks_in_a_past_year_is_no_talks_under_way(run):
    e = one(run("Chile said it was in talks with Peru in 2019."), "NegotiationRound")
    assert e.status == "Occurred"


# ---------------------------------------------------------------- a proposal made by two together
@pytest.mark.parametrize("text", [
    "The rebels accepted a truce plan put forward by Norwegian and Swiss mediators.",
    "The rebels accepted a truce plan proposed by Norway and Switzerland.",
])
def test_a_proposal_by_joined_makers_is_made_by_both(run, text):
    (p,) = [e for e in run(text).events if e.kind == "Proposal"]
    assert set(p.proposed_by) == {"Norway", "Switzerland"}


def test_a_proposal_by_one_makers_envoy_to_another_is_the_first_makers(run):
    (p,) = [e for e in run("The rebels accepted a truce plan proposed by Norway's envoy to Sweden.").events
            if e.kind == "Proposal"]
    assert p.proposed_by == ("Norway",)


# ---------------------------------------------------------------- a leader who "met with" a leader
def test_a_leader_who_met_with_another_leader_held_a_summit(run):
    x = run("President Gabriel Boric met with President Luis Arce in Santiago on Tuesday.")
    assert [e.kind for e in x.events] == ["Summit"]


@pytest.mark.parametrize("text", [
    "Foreign Minister Ana Souza met with Foreign Minister Luis Pena in Santiago on Tuesday.",
    "President Gabriel Boric met with union leaders in Santiago on Tuesday.",
])
def test_a_meeting_with_someone_who_is_no_leader_stays_a_meeting(run, text):
    assert [e.kind for e in run(text).events] == ["Meeting"]


# ---------------------------------------------------------------- "N days of talks that ended on X"
@pytest.mark.parametrize("text", [
    "Negotiators failed to reach a deal after three days of talks in Cairo that ended on Thursday.",
    "Three days of talks that ended on Thursday produced nothing.",
])
def test_days_of_talks_told_with_the_clause_of_their_end_run_up_to_that_day(run, text):
    e = one(run(text), "NegotiationRound")
    assert iso_bounds(e) == ("2024-06-04", "2024-06-06")


# ---------------------------------------------------------------- the day something was called off
@pytest.mark.parametrize("text, kind", [
    ("The meeting of the two foreign ministers was called off on Friday.", "Meeting"),
    ("Talks in Geneva between the two governments were postponed on Friday.", "NegotiationRound"),
])
def test_the_day_an_event_was_called_off_is_not_its_day(run, text, kind):
    e = one(run(text), kind)
    assert e.status == "Cancelled" and bounds(e)[0] != date(2024, 6, 7)


@pytest.mark.parametrize("text, kind, expected", [
    ("Talks in Geneva between the two governments were postponed until July.", "NegotiationRound",
     ("2024-07-01", "2024-07-31")),
    ("The meeting set for Thursday between the two ministers was cancelled on Monday.", "Meeting",
     ("2024-06-13", "2024-06-13")),
])
def test_a_new_date_or_the_day_set_still_dates_an_event_put_off(run, text, kind, expected):
    assert iso_bounds(one(run(text), kind)) == expected


# ---------------------------------------------------------------- a side "open to talks"
@pytest.mark.parametrize("text, who", [
    ("The palace said King Haakon was open to talks.", None),
    ("Bolivia is ready for negotiations.", "Bolivia"),
])
def test_a_side_open_or_ready_for_talks_proposes_them(run, text, who):
    x = run(text)
    talks = one(x, "NegotiationRound")
    assert talks.status == "Proposed"
    if who is not None:
        assert [p.proposed_by for p in x.events if p.kind == "Proposal"] == [(who,)]


def test_nobody_open_to_talks_proposes_nothing(run):
    assert run("Nobody is open to talks.").events == ()


# ---------------------------------------------------------------- a truce that broke down or expired
@pytest.mark.parametrize("text", [
    "The ceasefire between the clans broke down within hours.",
    "The truce between the two militias expired on Sunday.",
])
def test_a_truce_that_broke_down_or_expired_is_not_in_force(run, text):
    assert one(run(text), "Ceasefire").status == "Occurred"


def test_a_truce_that_expired_on_a_day_ended_that_day(run):
    e = one(run("The truce between the two militias expired on Sunday."), "Ceasefire")
    assert bounds(e)[1] == date(2024, 6, 9)


def test_a_truce_holding_is_still_in_force(run):
    assert one(run("The truce between the two militias is holding."), "Ceasefire").status == "Ongoing"


def test_parties_locked_in_negotiations_hold_talks_under_way(run):
    e = one(run("Chile and Peru remain locked in negotiations over the border."), "NegotiationRound")
    assert e.status == "Ongoing"
