"""Rules grown from the errors of the newswire dev split (tests/realnews/te3, issue 10).

Each rule handles a kind of phrasing; every sentence here is written for the test
(other conflicts, other names, other word order than any article of the set), so
that the rules are checked as rules.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

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
    assert tuple(map(str, bounds(r))) == expected


def test_a_clause_that_goes_on_telling_of_the_talks_themselves_still_dates_them(run):
    r = one(run("Negotiations in Accra started on June 3 and wound up two days later on June 5."),
            "NegotiationRound")
    assert tuple(map(str, bounds(r))) == ("2024-06-03", "2024-06-05")


# ---------------------------------------------------------------- the clause of talks told with their place
@pytest.mark.parametrize("text, expected", [
    ("The three-day negotiations in Nairobi, which ended on Saturday, produced no accord.",
     ("2024-06-06", "2024-06-08")),
    ("Envoys say the talks in Muscat, which opened on Tuesday, are going well.",
     ("2024-06-04", "None")),
])
def test_a_clause_hung_on_the_place_of_talks_tells_of_the_talks(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert tuple(map(str, bounds(r))) == expected


# ---------------------------------------------------------------- how long talks lasted, in a clause of their own
@pytest.mark.parametrize("text, expected", [
    ("The talks, which lasted two days, ended on Friday.", ("2024-06-06", "2024-06-07")),
    ("Mediators said the consultations, which ran for three days, wrapped up on Thursday.",
     ("2024-06-04", "2024-06-06")),
])
def test_a_clause_telling_how_long_talks_lasted_spans_back_from_their_end(run, text, expected):
    r = one(run(text), "NegotiationRound")
    assert tuple(map(str, bounds(r))) == expected


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
    assert (r.status, tuple(map(str, bounds(r)))) == ("Ongoing", ("2024-06-10", "None"))


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
    assert tuple(map(str, bounds(one(run(text), "NegotiationRound")))) == expected


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
    assert tuple(map(str, bounds(one(run(text), kind)))) == expected


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
    assert tuple(map(str, bounds(e))) == expected


def test_a_clause_of_as_in_a_perfect_tense_tells_an_earlier_time(run):
    e = one(run("The army pulled back on Wednesday, as the negotiations had broken down."), "NegotiationRound")
    assert bounds(e)[0] != date(2024, 6, 5)


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
    assert (e.kind, tuple(map(str, bounds(e)))) == ("Meeting", ("2024-06-07", "2024-06-07"))


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
    assert tuple(map(str, bounds(e))) == ("2024-07-03", "2024-07-03")


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
