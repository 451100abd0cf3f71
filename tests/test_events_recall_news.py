"""Events that news prose tells in ways the rules missed: talks said to be in progress,
a resumption urged (no talks held), unnamed officials speaking for their country, bodies
that speak, talks known only from their outcome, leaders who discuss.

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


# patterns.jsonl be-in-progress: "be in progress" is "under way"
@pytest.mark.parametrize(
    "text",
    [
        "Talks on the debt restructuring of Zambia are already in progress, the finance ministry said on Monday.",
        "Negotiations on a new coalition in Belgium are in progress.",
        "Talks between Chile and Peru were in progress in Lima when the news broke on Monday.",
    ],
)
def test_talks_in_progress_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


# status.py _urged_resumption (rows status_proposing_verb, status_urging_phrase)
@pytest.mark.parametrize(
    "text",
    [
        "Mediators from Qatar urged a resumption of negotiations between Israel and Hamas.",
        "Sweden urged a speedy return and a resumption to negotiations between Serbia and Kosovo.",
    ],
)
def test_a_resumption_urged_is_no_talks_held(run, text):
    assert [e for e in meetings(run(text)) if e.status == "Occurred"] == []


def test_talks_urged_and_then_resumed_are_one_event(run):
    x = run("The bishops had urged a resumption of the peace talks with the rebels. On Monday the "
            "negotiations resumed in Havana.")
    (r,) = [e for e in meetings(x) if e.status == "Occurred"]
    assert r.place == "Havana" and bounds(r) == (MONDAY, MONDAY)
    assert [e for e in meetings(x) if e.status != "Proposed"] == [r]


def test_a_call_for_a_resumption_is_proposed(run):
    x = run("The Pope called for a resumption of the peace talks between Armenia and Azerbaijan.")
    assert [e.status for e in meetings(x)] in ([], ["Proposed"])


# speakers.py _unnamed_for (rows unnamed_speaker_noun, unnamed_speaker_det)
@pytest.mark.parametrize(
    "text, country, day",
    [
        ("A senior Chilean official told reporters in Lima on Tuesday that the border talks had stalled.",
         "Chile", TUESDAY),
        ("Peruvian officials said on Monday that the next round would be held in Quito.", "Peru", MONDAY),
        ('"There will be no deal this week," a senior Ecuadorian negotiator said on Monday.', "Ecuador", MONDAY),
    ],
)
def test_an_unnamed_official_speaks_for_the_country(run, text, country, day):
    s = one(run(text), "Statement")
    assert country in s.actors and bounds(s) == (day, day)


def test_the_official_told_before_is_no_country(run):
    x = run("Gabriel Orlen, a Chilean negotiator, met the Peruvian delegation on Monday. The negotiator "
            "said later that the talks had been useful.")
    assert all("Chile" != s.actors[0] for s in kinds(x, "Statement"))


# speakers.py _unnamed_for: a written statement told without "the" speaks for its issuers
def test_a_joint_statement_issued_by_two_countries_speaks_for_them(run):
    s = one(run("A joint statement issued by Chile and Peru on Monday welcomed the progress of the talks."),
            "Statement")
    assert s.actors[0] in ("Chile", "Peru") and bounds(s) == (MONDAY, MONDAY)


def test_a_statement_from_a_countrys_office_speaks_for_the_country(run):
    s = one(run("A statement from the Bolivian presidency said the summit in Sucre would go ahead."), "Statement")
    assert list(s.actors) == ["Bolivia"]


def test_the_statement_told_alone_names_no_speaker(run):
    assert kinds(run("The statement said the talks had failed."), "Statement") == []


# triggers.jsonl lodge-protest ("written": a country speaks through it)
@pytest.mark.parametrize(
    "text, by, to",
    [
        ("Peru filed a protest with Chile on Monday over the detention of its fishermen.", "Peru", "Chile"),
        ("Chile lodged a formal protest with Argentina over the incident.", "Chile", "Argentina"),
        ("Bolivia has lodged a strong diplomatic protest against Paraguay.", "Bolivia", "Paraguay"),
    ],
)
def test_a_protest_lodged_is_a_statement_of_the_country(run, text, by, to):
    s = one(run(text), "Statement")
    assert list(s.actors[:2]) == [by, to] and s.status == "Occurred"


def test_a_street_protest_is_no_statement(run):
    assert kinds(run("Thousands of farmers staged a protest in Lima on Monday."), "Statement") == []


# speakers.py: the passive agent of a verb of judging (row passive_judging_verb)
@pytest.mark.parametrize(
    "text, who",
    [
        ("The plan was described by Peruvian Foreign Minister Tomas Belin as a step backwards.", "Tomas Belin"),
        ("The truce, welcomed by President Mara Sosa on Monday, held overnight.", "Mara Sosa"),
    ],
)
def test_the_agent_of_a_judgement_speaks(run, text, who):
    assert one(run(text), "Statement").actors[0] == who


# triggers.jsonl discuss-v, senses.py _discussed_apart (row discussion_verb)
@pytest.mark.parametrize(
    "text, day",
    [
        ("President Gabriel Orlen of Chile and President Mara Sosa of Peru discussed the border dispute in "
         "Lima on Monday.", MONDAY),
        ("Chilean President Gabriel Orlen discussed the water dispute with visiting Peruvian President Mara "
         "Sosa on Tuesday.", TUESDAY),
    ],
)
def test_two_leaders_who_discuss_hold_a_summit(run, text, day):
    s = one(run(text), "Summit")
    assert {"Gabriel Orlen", "Mara Sosa"} <= set(s.actors) and bounds(s) == (day, day) and s.status == "Occurred"


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet of Chile discussed the budget on Monday.",
        "Gabriel Orlen said he had discussed the matter with his ministers.",
    ],
)
def test_a_discussion_of_no_two_named_persons_is_no_meeting(run, text):
    assert meetings(run(text)) == []


def test_a_discussion_at_a_meeting_told_is_that_meeting(run):
    x = run("President Gabriel Orlen of Chile and President Mara Sosa of Peru met in Lima on Monday and "
            "discussed the border dispute.")
    assert len(meetings(x)) == 1


def test_leaders_who_will_discuss_plan_a_summit(run):
    x = run("President Gabriel Orlen of Chile and President Mara Sosa of Peru will discuss the border dispute "
            "in Lima next week.")
    assert one(x, "Summit").status == "Planned"


# state.py _numbered_name: a forum named by letters and a number is no place
def test_a_numbered_forum_is_no_place(run):
    x = run("Delegates adopted a final text at the COP31 climate summit in Varna early on Sunday.")
    assert [e.place for e in kinds(x, "Summit")] in (["Varna"], [None])


# statements.py _own_time: a country speaks on a day told with its verb, not a day of another event
def test_a_country_speaks_on_a_time_of_its_own(run):
    x = run("Chile said in early February that the summit would go ahead.")
    s = one(x, "Statement")
    assert bounds(s) == (date(2026, 2, 1), date(2026, 2, 28))


def test_a_time_inside_another_event_dates_no_country_statement(run):
    x = run("Before the outbreak of the war in April, Peru announced that the dam was almost finished.")
    assert [bounds(s) for s in kinds(x, "Statement")] in ([], [(None, None)])


def test_an_anonymous_source_is_no_statement_of_the_country(run):
    x = run("A Bolivian government source said on Monday that the talks had stalled.")
    assert kinds(x, "Statement") == []


# statements.py _attribution: words told on the authority of a body of a side (row attribution_body_noun)
@pytest.mark.parametrize(
    "text, who",
    [
        ("The talks will resume next week, according to Chile's foreign ministry.", "Chile"),
        ("The talks went well on Monday, according to the Bolivian army.", "Bolivia"),
    ],
)
def test_according_to_a_body_is_its_statement(run, text, who):
    s = one(run(text), "Statement")
    assert who in s.actors[0]


@pytest.mark.parametrize(
    "text",
    [
        "According to a report in a Lima newspaper, the talks had failed.",
        "According to the agreement, the talks will resume next week.",
    ],
)
def test_according_to_a_thing_is_no_statement(run, text):
    assert kinds(run(text), "Statement") == []


def test_according_to_the_police_is_no_statement_of_a_side(run):
    x = run("Two protesters died in the clashes, according to the Bolivian national police.")
    assert kinds(x, "Statement") == []


# triggers._skip_noun: "Ceasefire talks" with "talks" read as a verb is still the topic of talks
def test_ceasefire_talks_opening_a_sentence_are_no_ceasefire(run):
    x = run("Ceasefire talks between Israel and Hamas resumed in Doha on Monday.")
    assert kinds(x, "Ceasefire") == []
    r = one(x, "NegotiationRound")
    assert r.status == "Occurred" and r.place == "Doha" and bounds(r) == (MONDAY, MONDAY)


# speakers._unnamed_for, row written_release_noun: a body's release or readout speaks for it
@pytest.mark.parametrize(
    "text, who",
    [
        ("A Peruvian army release said on Tuesday that the commanders had met at the border.", "Peru"),
        ("A Bolivian government readout said the two ministers had met in La Paz on Monday.", "Bolivia"),
    ],
)
def test_a_release_of_a_body_is_its_statement(run, text, who):
    assert one(run(text), "Statement").actors[0] == who


def test_the_release_of_prisoners_is_no_statement(run):
    assert kinds(run("The release of the prisoners said much about the talks."), "Statement") == []


# ranks._delegation_meets_person: a delegation meeting one named person of the other side
@pytest.mark.parametrize(
    "text",
    [
        "A delegation of the Kurdish party met President Arlo Venn in Ankara on Monday to discuss the peace process.",
        "The union delegation met with Labour Minister Carla Vidal in La Paz on Monday.",
    ],
)
def test_a_delegation_meeting_a_person_is_a_meeting(run, text):
    (m,) = meetings(run(text))
    assert m.kind == "Meeting" and bounds(m) == (MONDAY, MONDAY)


@pytest.mark.parametrize(
    "text",
    [
        "Union leaders met Labour Minister Carla Vidal in La Paz on Monday for a third round of wage talks.",
        "The Peruvian delegation met the Chilean delegation in Lima on Monday.",
    ],
)
def test_delegations_meeting_or_a_round_named_stay_a_round(run, text):
    (m,) = meetings(run(text))
    assert m.kind == "NegotiationRound"


# senses._released_thing: a thing released is no exchange of prisoners
@pytest.mark.parametrize(
    "text",
    [
        "The ministry described the talks as constructive in a statement released on Monday.",
        "Figures released by the health ministry on Tuesday showed a fall in cases.",
    ],
)
def test_a_thing_released_is_no_exchange(run, text):
    assert kinds(run(text), "PrisonerExchange") == []


@pytest.mark.parametrize(
    "text",
    [
        "The 40 prisoners released on Monday were flown to Kyiv.",
        "The soldiers freed in the swap on Monday arrived home on Tuesday.",
    ],
)
def test_prisoners_released_are_an_exchange(run, text):
    assert bounds(one(run(text), "PrisonerExchange")) == (MONDAY, MONDAY)


# status.py: talks that go on in the present or future are under way ("going on" with any tense of now)
def test_talks_that_will_go_on_are_ongoing(run):
    x = run("Belin said on Monday that the talks would go on.")
    assert one(x, "NegotiationRound").status == "Ongoing"


def test_talks_that_went_on_for_hours_were_held(run):
    x = run("The talks went on for six hours in Lima on Monday.")
    r = one(x, "NegotiationRound")
    assert r.status == "Occurred" and bounds(r) == (MONDAY, MONDAY)


# coref.py: "the meeting" at an hour of the day talks begun that day are held: those talks
def test_the_meeting_at_an_hour_of_talks_begun_that_day_is_those_talks(run):
    x = run("Peru and Chile opened their border talks in La Paz on Monday. The meeting at the palace got "
            "under way at about 3 p.m., when Chile's foreign minister Ana Ruiz arrived.")
    (r,) = meetings(x)
    assert r.place == "La Paz" and r.time.earliest == MONDAY


# state.py _venue_of_named_event: "the Kingston Talks" are held in Kingston
def test_talks_named_after_their_city_are_held_there(run):
    x = run("The discussions, called the Kingston Talks, ended on Tuesday without an agreement.")
    assert [e.place for e in meetings(x)] in (["Kingston"], [None])
    assert all(e.place != "Kingston Talks" for e in x.events)


# ranks._one_body_sits (rows sitting_body_noun, sitting_event_noun): one body's own sitting is a meeting
@pytest.mark.parametrize(
    "text",
    [
        "The cabinet held an emergency session on Monday to discuss the strike.",
        "Parliament will hold a special session next week to vote on the deal.",
    ],
)
def test_one_bodys_sitting_is_a_meeting(run, text):
    assert [e.kind for e in meetings(run(text))] == ["Meeting"]


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations held a closed-door session in Oslo on Monday.",
        "The mediators convened the parties for a late-night session in Nairobi on Friday.",
    ],
)
def test_a_session_of_two_sides_is_a_round(run, text):
    assert [e.kind for e in meetings(run(text))] == ["NegotiationRound"]


# speakers._named_before (rows labour_union_noun, labour_union_name_end): "the union" names a workers' body again
def test_the_union_names_a_workers_body_told_before(run):
    x = run("Talks between Norvex Motors and the United Mine Workers collapsed on Monday. The union said the "
            "strike would continue until the company raised its offer.")
    assert one(x, "Statement").actors[0] == "United Mine Workers"


def test_the_union_still_names_a_union_by_its_word(run):
    x = run("The European Union and Chile resumed talks in Brussels on Monday. The union said a deal was close.")
    assert one(x, "Statement").actors[0] == "European Union"


# speakers._speaker (row quoting_verb): the passive subject of "quoted as saying" speaks
@pytest.mark.parametrize(
    "text, who",
    [
        ("Ana Ruiz, Peru's chief negotiator, was quoted by state media as saying that the talks had stalled.",
         "Ana Ruiz"),
        ("Bolivian President Mara Sosa was cited by the Lima Times as saying that a summit was possible.", "Mara Sosa"),
    ],
)
def test_who_is_quoted_as_saying_speaks(run, text, who):
    assert one(run(text), "Statement").actors[0] == who


# ranks._sitting_class: a government's meeting with a union of workers is a round, as "met the union" is
@pytest.mark.parametrize(
    "text",
    [
        "The government called an emergency meeting with the teachers' union FETB and other union leaders at "
        "the labour ministry on Monday.",
        "The Bolivian government held a meeting with the miners' union COMIBOL in La Paz on Monday.",
    ],
)
def test_a_meeting_with_a_union_is_a_round(run, text):
    (r,) = meetings(run(text))
    assert r.kind == "NegotiationRound" and bounds(r) == (MONDAY, MONDAY)


def test_a_meeting_with_a_union_leader_by_name_stays_a_meeting(run):
    x = run("Labour Minister Carla Vidal held a meeting with union leader Marta Gil in La Paz on Monday.")
    assert [e.kind for e in meetings(x)] == ["Meeting"]


# ranks._all_leaders: a leader's counterpart named with them is a leader too
def test_a_leader_and_his_counterpart_who_meet_hold_a_summit(run):
    x = run("Chilean President Gabriel Orlen and his Peruvian counterpart Mara Sosa met in Lima on Monday.")
    s = one(x, "Summit")
    assert {"Gabriel Orlen", "Mara Sosa"} <= set(s.actors)


def test_a_minister_and_his_counterpart_who_meet_hold_a_meeting(run):
    x = run("Chilean Foreign Minister Pablo Ortega and his Peruvian counterpart Ana Ruiz met in Lima on Monday.")
    assert [e.kind for e in meetings(x)] in (["Meeting"], ["NegotiationRound"])


# senses._discussed_apart: talks that are only the topic of the discussion name no other meeting
def test_leaders_who_discuss_a_deadlock_in_talks_hold_a_summit(run):
    x = run("Chile's President Gabriel Orlen received his Peruvian counterpart Mara Sosa on Thursday, and the "
            "two discussed ways to break the deadlock in the border negotiations.")
    assert bounds(one(x, "Summit")) == (date(2026, 2, 26), date(2026, 2, 26))


# ranks._sitting_class (row visiting_word): a meeting with a visiting delegation is a meeting
def test_a_meeting_with_a_visiting_delegation_is_a_meeting(run):
    x = run("A meeting on Tuesday with a visiting Chilean delegation gave the Bolivian energy minister, "
            "Tomas Belin, a chance to set out his terms.")
    m = one(x, "Meeting")
    assert bounds(m) == (TUESDAY, TUESDAY) and "Chile" in m.actors
    assert [e for e in meetings(x) if e.status == "Occurred"] == [m]


# triggers.jsonl discussion, senses._discussion_of_no_sides (row discussion_noun)
@pytest.mark.parametrize(
    "text",
    [
        "The government of Bolivia and the coca growers' federation had a detailed discussion in La Paz on Monday.",
        "Peru held a discussion with Chile on the maritime border in Lima on Monday.",
    ],
)
def test_a_discussion_of_two_sides_is_talks(run, text):
    r = one(run(text), "NegotiationRound")
    assert r.status == "Occurred" and bounds(r) == (MONDAY, MONDAY)


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet had a long discussion on the budget on Monday.",
        "There was a heated discussion in parliament on Tuesday.",
    ],
)
def test_a_discussion_of_one_side_is_no_talks(run, text):
    assert meetings(run(text)) == []


def test_bare_discussion_between_two_countries_is_no_talks(run):
    x = run("For years, high-level discussion between Chile and Bolivia has been frozen.")
    assert meetings(x) == []


# speakers._named_before (row body_anaphor_noun): "the organisation" names the last body told again
@pytest.mark.parametrize(
    "text",
    [
        "Ministers of the Andean Oil Group agreed on Monday to cut output. The organisation said in a statement "
        "that the decision reflected weak demand.",
        "The Andean Oil Group met in Quito on Monday. The alliance said the cut would take effect in May.",
    ],
)
def test_the_organisation_names_the_body_told_before(run, text):
    assert one(run(text), "Statement").actors[0] == "Andean Oil Group"


# senses._not_held with _inverted_negation: talks under a fronted negation were not held
def test_talks_under_a_fronted_negation_were_not_held(run):
    assert meetings(run("Not since 2019 have the two Koreas held formal talks.")) == []


def test_talks_held_since_a_year_were_held(run):
    x = run("The two Koreas have held formal talks since 2019.")
    assert one(x, "NegotiationRound").status == "Occurred"
