"""Status on real-news phrasing: talks under way on the day of the report.

The sentences are our own, with invented names, and appear in no corpus
(published on Wednesday 2026-03-04).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# status.py _on_the_day, rows status_meeting_day_verb, past_progressive_aux, habitual_word
@pytest.mark.parametrize(
    "text",
    [
        "As a border plan neared completion, negotiators from Peru and Chile were meeting in Lima on Wednesday.",
        "Peru and Chile hold a two-day round of talks in Lima.",
    ],
)
def test_talks_told_as_going_on_that_day_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


@pytest.mark.parametrize(
    "text, status",
    [
        ("Delegations from Peru and Chile were meeting in Lima on Monday when the news broke.", "Occurred"),
        ("The envoys of Peru and Chile usually meet in Lima every spring.", "Occurred"),
        ("When the envoys of Peru and Chile meet in Lima, they will discuss the border.", "Planned"),
        ("A meeting of envoys from Peru and Chile is to take place in Lima on Friday.", "Planned"),
    ],
)
def test_talks_on_another_day_a_habit_or_a_clause_of_time_are_not_ongoing(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# coref.py: a later definite mention whose modal speaks of the outcome ("the talks would
# lead to a deal") joins the talks under way and leaves them Ongoing.
@pytest.mark.parametrize(
    "text",
    [
        "Delegations of Peru and Chile were meeting in Lima on Wednesday. "
        "The rebels hoped that this round of talks would lead to a border deal.",
        "Peru and Chile hold a two-day round of talks in Lima. Officials said the talks would lead to a border deal.",
    ],
)
def test_talks_under_way_stay_ongoing_when_told_again_with_a_modal(run, text):
    talks = one(run(text), "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) == 2


# coref.py _live (row talks_start_verb) and status row status_ongoing_modifier: talks
# begun this week, "the ongoing round" and "the current round" are one round under way.
def test_talks_begun_and_told_as_ongoing_are_one_round_under_way(run):
    x = run("Talks between Peru and Chile on the border continue in Lima. "
            "This ongoing round of negotiations, which opened in Lima, is the first in years. "
            "The two governments began negotiations in the Peruvian capital last Sunday. "
            "The current round of negotiations is part of a wider effort.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) >= 3


def test_talks_that_began_and_ended_are_not_the_round_under_way_elsewhere(run):
    x = run("Talks between Peru and Chile began in Lima on February 2 and ended on February 4. "
            "The ongoing talks in Quito are a separate track.")
    assert sorted(e.status for e in x.events if e.kind == "NegotiationRound") == ["Occurred", "Ongoing"]


# status.py _early_day_of (rows status_day_noun, status_early_day_word) and the arrival
# rows of _on_the_day (status_arrival_verb).
@pytest.mark.parametrize(
    "text, status",
    [
        ("The first day of peace talks between Peru and Chile ended on Tuesday in Lima without a breakthrough.",
         "Ongoing"),
        ("The last day of peace talks between Peru and Chile ended on Tuesday in Lima.", "Occurred"),
        ("On Wednesday Peruvian and Chilean trade envoys arrived in Lima for another round of talks.", "Ongoing"),
        ("On Monday Peruvian and Chilean trade envoys arrived in Lima for another round of talks.", "Occurred"),
    ],
)
def test_a_first_day_or_an_arrival_on_the_day_leaves_talks_under_way(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# coref.py: a definite mention of talks held joins the talks under way.
def test_a_definite_mention_joins_the_talks_under_way(run):
    x = run("On Wednesday Peruvian and Chilean trade envoys arrived in Lima for another round of talks. "
            "These talks are the third of the year.")
    talks = one(x, "NegotiationRound")
    assert talks.status == "Ongoing"
    assert len(talks.mentions) == 2


# status.py _begun_and_lasting (rows status_begun_verb, status_lasting_verb): talks told
# as begun in the past and as going on now or later are under way; _bare_present reads
# the tagger's bare VB with a subject as the present ("which opened on Monday, continue").
@pytest.mark.parametrize(
    "text",
    [
        "Border negotiations between Uruguay and Paraguay started in Montevideo on Monday and are still going on.",
        "Border negotiations between Uruguay and Paraguay, which opened on Monday, continue in Montevideo.",
        "Border negotiations between Uruguay and Paraguay got under way in Montevideo on Monday "
        "and will last until Saturday.",
    ],
)
def test_talks_begun_and_told_as_going_on_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


@pytest.mark.parametrize(
    "text, status",
    [
        ("Border negotiations between Uruguay and Paraguay started in Montevideo on Monday and ended on Tuesday.",
         "Occurred"),
        ("Border negotiations between Uruguay and Paraguay started in Montevideo on Monday but did not continue.",
         "Occurred"),
    ],
)
def test_talks_begun_and_ended_or_not_going_on_are_not_ongoing(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# status.py row status_resuming_verb: talks to be taken up again are Planned, not Ongoing.
@pytest.mark.parametrize(
    "text",
    [
        "In Montevideo, negotiators of Uruguay and Paraguay will reconvene after the holidays.",
        "Border negotiations between Uruguay and Paraguay will resume in Montevideo on Monday.",
        "Border negotiations between Uruguay and Paraguay are set to resume in Montevideo.",
    ],
)
def test_talks_to_be_resumed_are_planned(run, text):
    assert one(run(text), "NegotiationRound").status == "Planned"


# status.py _told_for_later: the present of a timetable, or a past verb announcing an
# event for a day after the publication, leaves the event to come (Planned, with its day).
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The trade ministers of Uruguay and Paraguay meet in Montevideo on March 19.", "NegotiationRound"),
        ("On March 19 a summit of Uruguay and Paraguay takes place in Asuncion.", "Summit"),
        ("Uruguay and Paraguay have announced a summit for March 19.", "Summit"),
    ],
)
def test_an_event_told_for_a_later_day_is_planned(run, text, kind):
    e = one(run(text), kind)
    assert e.status == "Planned"
    assert e.time is not None and e.time.earliest == date(2026, 3, 19)


def test_an_event_on_an_earlier_day_stays_occurred(run):
    e = one(run("The trade ministers of Uruguay and Paraguay met in Montevideo on February 19."), "NegotiationRound")
    assert e.status == "Occurred"


# dates.py _truces_in_force: a truce in force only from a later day is Planned.
def test_a_truce_in_force_from_a_later_day_is_planned(run):
    x = run("Starting on March 19, a truce between Uruguay and Paraguay applies on the river border.")
    assert one(x, "Ceasefire").status == "Planned"


def test_a_truce_in_force_since_an_earlier_day_is_ongoing(run):
    x = run("Since February 19, a truce between Uruguay and Paraguay has applied on the river border.")
    assert one(x, "Ceasefire").status == "Ongoing"


# status.py _planned_xcomp: agreeing or deciding to go on with talks puts them to come.
@pytest.mark.parametrize(
    "text",
    [
        "Uruguay and Paraguay plan to continue their expert meetings on the river border through the summer.",
        "After a long night, the delegations of Uruguay and Paraguay decided to continue the talks in Montevideo.",
    ],
)
def test_talks_agreed_or_decided_to_go_on_are_planned(run, text):
    (e,) = [e for e in run(text).events if e.kind in ("Meeting", "NegotiationRound")]
    assert e.status == "Planned"


def test_talks_that_continue_are_ongoing(run):
    assert one(run("In Montevideo, the talks of Uruguay and Paraguay continue."), "NegotiationRound").status == "Ongoing"


# status.py _participant_clauses: a clause of scheduling that the parser hung on the
# other side named in the talks' own phrase still schedules the talks.
def test_talks_scheduled_in_a_clause_on_their_other_side_are_planned(run):
    x = run("The envoy flew to Asuncion to get ready for negotiations with the ranchers, "
            "which are planned to open next month.")
    assert one(x, "NegotiationRound").status == "Planned"


# status.py _kept_truce (rows truce_upkeep_verb, definite_word): a known truce as the
# object of a verb of keeping, watching or breaking it is in force, whatever the tense.
@pytest.mark.parametrize(
    "second",
    [
        "A Brazilian mission is going to supervise the ceasefire.",
        "Brazilian officers are to oversee the ceasefire.",
        "Each army has since breached the ceasefire twice.",
    ],
)
def test_a_known_truce_kept_or_broken_is_in_force(run, second):
    x = run("Uruguay and Paraguay proclaimed a ceasefire along the river on Wednesday. " + second)
    assert one(x, "Ceasefire").status == "Ongoing"


def test_a_truce_to_be_kept_from_a_later_day_is_planned(run):
    x = run("From March 19 on, both navies are going to respect the ceasefire, Uruguay and Paraguay said.")
    assert one(x, "Ceasefire").status == "Planned"


# status.py _conditional (row status_condition_mark): an event to come under a condition
# is only Proposed; the same event without the condition is Planned.
@pytest.mark.parametrize(
    "text, status",
    [
        ("Unless fighting resumes, the presidents of Uruguay and Paraguay will hold a summit in Salto.", "Proposed"),
        ("If the rains stop, Uruguay and Paraguay would meet again for talks, an aide said.", "Proposed"),
        ("The presidents of Uruguay and Paraguay will hold a summit in Salto.", "Planned"),
    ],
)
def test_an_event_to_come_under_a_condition_is_proposed(run, text, status):
    (e,) = [e for e in run(text).events if e.kind in ("Summit", "NegotiationRound", "Meeting")]
    assert e.status == status


# status.py, row status_pending_adjective: what a deal not yet made is for is Proposed.
def test_the_content_of_a_deal_told_as_near_is_proposed(run):
    x = run("A deal on a detainee swap between Uruguay and Paraguay is close, aides said.")
    assert one(x, "PrisonerExchange").status == "Proposed"


# Rows status_planned_head (poise, intend), planned (pencil): verbs of planning.
@pytest.mark.parametrize(
    "text",
    [
        "The presidents of Uruguay and Paraguay appear poised to hold a summit in Salto.",
        "Uruguay said it intends to hold a new round of talks with Paraguay in Salto.",
        "A summit of Uruguay and Paraguay was pencilled in for the autumn.",
    ],
)
def test_phrasings_of_planning_are_planned(run, text):
    (e,) = [e for e in run(text).events if e.kind in ("Summit", "NegotiationRound")]
    assert e.status == "Planned"


# Rows status_continuing_verb, status_lasting_verb (drag): talks dragging on are under way.
def test_talks_dragging_on_are_ongoing(run):
    x = run("In Salto the border negotiations of Uruguay and Paraguay are dragging on.")
    assert one(x, "NegotiationRound").status == "Ongoing"


# status.py _before_phrase (row status_before_prep): talks named as what something
# comes before are still to come (weakly Planned); after them, they took place.
@pytest.mark.parametrize(
    "text, status",
    [
        ("Prior to border talks between Uruguay and Paraguay in Salto, the army pulled back its troops.", "Planned"),
        ("Following border talks between Uruguay and Paraguay in Salto, the army pulled back its troops.", "Occurred"),
    ],
)
def test_talks_named_as_what_comes_later_are_planned(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# status.py _in_a_phase (rows status_phase_verb, status_phase_noun) and _in_talks (row
# status_in_talks_word): talks told, in the present, as in a day or week of theirs, or
# a side told as in them, are under way; in the past they took place.
@pytest.mark.parametrize(
    "text, status",
    [
        ("The river talks of Uruguay and Paraguay are now in their fourth week.", "Ongoing"),
        ("The river talks of Uruguay and Paraguay have moved into their final phase.", "Ongoing"),
        ("Uruguay is still bogged down in negotiations with Paraguay over the river.", "Ongoing"),
        ("Since January, Uruguay and Paraguay have been in negotiations over the river.", "Ongoing"),
        ("In 2019, Uruguay and Paraguay were engaged in negotiations in Salto over the river.", "Occurred"),
    ],
)
def test_talks_told_as_in_a_part_of_theirs_or_with_sides_in_them_are_ongoing(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# status.py _headline_infinitive: a headline's to-infinitive with no finite verb is the
# news future (Planned).
@pytest.mark.parametrize(
    "text",
    [
        "Uruguay, Paraguay to open river talks in Salto",
        "River negotiations between Uruguay and Paraguay to reconvene in Salto",
    ],
)
def test_a_headline_infinitive_plans_the_event(run, text):
    assert one(run(text), "NegotiationRound").status == "Planned"


# status.py _in_a_phase: "now in their Nth day" said of the talks themselves.
def test_talks_in_their_nth_day_told_in_apposition_are_ongoing(run):
    x = run("The river negotiations of Uruguay and Paraguay, already in their fifth day, have produced little.")
    assert one(x, "NegotiationRound").status == "Ongoing"


# Row planned_work (gear): getting ready for talks plans them.
def test_gearing_up_for_talks_plans_them(run):
    x = run("In Salto, officials of Uruguay and Paraguay are gearing up for a round of negotiations.")
    assert one(x, "NegotiationRound").status == "Planned"


# status.py row truce_expiry_verb: a truce that runs out later is in force until then.
@pytest.mark.parametrize(
    "text",
    [
        "The river ceasefire between Uruguay and Paraguay will lapse at the end of the month.",
        "The river ceasefire between Uruguay and Paraguay expires in three weeks.",
    ],
)
def test_a_truce_that_runs_out_later_is_in_force(run, text):
    assert one(run(text), "Ceasefire").status == "Ongoing"


# status.py: "be to" with a passive, the progressive passive of preparing, the present
# progressive of a clause on the talks, and talks resumed and going on.
@pytest.mark.parametrize(
    "text, kind, status",
    [
        ("A summit of Uruguay and Paraguay is to be convened in Salto.", "Summit", "Planned"),
        ("The summit of Uruguay and Paraguay was to open at nine, but it opened an hour late.", "Summit", "Occurred"),
        ("In Salto, a summit of Uruguay and Paraguay is being arranged.", "Summit", "Planned"),
        ("Paraguay hopes the border negotiations that are taking place in Asuncion will end the feud.",
         "NegotiationRound", "Ongoing"),
        ("Paraguay hoped the border negotiations that took place in Asuncion had ended the feud.",
         "NegotiationRound", "Occurred"),
        ("River negotiations of Uruguay and Paraguay reconvened in Salto on Monday and are due to run all week.",
         "NegotiationRound", "Ongoing"),
    ],
)
def test_be_to_preparing_and_progressive_clauses(run, text, kind, status):
    assert one(run(text), kind).status == status


# status.py _sought_offered_or_running, rows status_goal_word, status_goal_prep, status_copular_verb
@pytest.mark.parametrize(
    "text",
    [
        "The aim of the Andean mediators is a lasting truce between Peru and Chile.",
        "A lasting truce between Peru and Chile remains the goal of the Andean mediators.",
        "Peru hopes for a ceasefire with Chile.",
    ],
)
def test_a_truce_that_is_only_an_end_sought_is_proposed(run, text):
    assert one(run(text), "Ceasefire").status == "Proposed"


# rows status_accepting_verb, status_both_sides_word
def test_a_truce_accepted_by_one_side_is_proposed_and_the_talks_it_accepts_planned(run):
    x = run("The rebels of Chile accept an immediate truce and talks with Peru under Andean mediation.")
    assert one(x, "Ceasefire").status == "Proposed"
    assert one(x, "NegotiationRound").status == "Planned"


def test_a_truce_accepted_by_both_sides_is_not_only_proposed(run):
    assert one(run("Peru and Chile accepted a truce on Monday."), "Ceasefire").status == "Ongoing"


# rows status_near_word, status_ending_verb, status_overrun_prep, status_overrun_noun
@pytest.mark.parametrize(
    "text",
    [
        "Negotiators for Peru and Chile are close to wrapping up the border talks.",
        "Negotiators for Peru and Chile are on the verge of concluding the border talks.",
        "The border talks between Peru and Chile went into overtime in Lima.",
    ],
)
def test_talks_near_their_end_or_past_their_time_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


# status.py _be_to: "be to" with a verb of going on is a timetable, not talks under way
def test_talks_that_are_to_continue_at_an_hour_are_planned(run):
    assert one(run("The negotiations of Peru and Chile are to continue at noon in Lima."),
               "NegotiationRound").status == "Planned"


# status.py _known_aside: a modal far above definite talks does not make them proposed
def test_a_modal_over_what_may_come_of_definite_talks_leaves_them_not_proposed(run):
    x = run("A new fund could pave the way for a broad deal from the border talks between Peru and Chile.")
    assert one(x, "NegotiationRound").status != "Proposed"
    assert one(run("The summit of Peru and Chile could take place in May."), "Summit").status == "Proposed"


# status.py _just_begun, rows status_begun_verb, status_begun_present_word
@pytest.mark.parametrize(
    "text",
    [
        "Border Talks Between Peru and Chile Begin in Lima",
        "The border talks between Peru and Chile begin in Lima.",
        "Envoys of Peru and Chile have started border talks in Lima.",
    ],
)
def test_talks_told_as_begun_and_no_more_are_ongoing(run, text):
    assert one(run(text), "NegotiationRound").status == "Ongoing"


@pytest.mark.parametrize(
    "text, status",
    [
        ("Envoys of Peru and Chile started border talks in Lima on Monday.", "Occurred"),
        ("Envoys of Peru and Chile had started border talks in Lima in May.", "Occurred"),
        ("The border talks between Peru and Chile have not yet begun.", "Planned"),
    ],
)
def test_talks_begun_in_the_past_or_not_begun_are_not_ongoing(run, text, status):
    assert one(run(text), "NegotiationRound").status == status


# rows status_goal_word (verbs of trying), status.py: the object of their infinitive
@pytest.mark.parametrize(
    "text, kind",
    [
        ("The Andean envoy seeks to broker a truce between Peru and Chile.", "Ceasefire"),
        ("The Andean envoy is trying to arrange talks between Peru and Chile.", "NegotiationRound"),
        ("Mediators said they would work toward a permanent ceasefire between Peru and Chile.", "Ceasefire"),
    ],
)
def test_an_event_someone_tries_to_bring_about_is_proposed(run, text, kind):
    assert one(run(text), kind).status == "Proposed"


def test_talks_of_an_attempt_that_was_called_off_are_cancelled_not_proposed(run):
    x = run("An earlier attempt at border talks between Peru and Chile, planned for May in Quito, was called off.")
    assert one(x, "NegotiationRound").status == "Cancelled"


# status_clause.py: the object of the to-infinitive of a verb of row "rejected"
@pytest.mark.parametrize(
    "text, kind, status",
    [
        ("The Chilean president refuses to hold a face-to-face meeting with his Peruvian counterpart.", "Meeting",
         "Rejected"),
        ("Chile did not refuse to hold talks with Peru.", "NegotiationRound", "Proposed"),
    ],
)
def test_an_event_a_side_refuses_to_hold_is_rejected(run, text, kind, status):
    assert one(run(text), kind).status == status


# dates.py _agreed_at_once, row truce_immediacy_word
@pytest.mark.parametrize(
    "text, status",
    [
        ("Peru and Chile agreed to put the truce into effect at once.", "Ongoing"),
        ("Peru and Chile agreed to implement the truce immediately.", "Ongoing"),
        ("Peru and Chile agreed to implement the truce.", "Planned"),
        ("Peru and Chile agreed to implement the truce from March 10.", "Planned"),
        ("Peru and Chile will agree to implement the truce immediately.", "Planned"),
    ],
)
def test_a_truce_agreed_to_take_effect_at_once_is_in_force(run, text, status):
    assert one(run(text), "Ceasefire").status == status


# dates.py _weekday_to_come, row weekday_word: a report known to its month only
def _in_a_month_report(nlp, text):
    from kg.extract import extract_many
    from kg.records import Document

    (x,) = list(extract_many([Document("t", "t.txt", text, "0", published=None, published_period="2025-11")],
                             nlp=nlp))
    return x


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The truce between Peru and Chile, set to begin Wednesday, includes a pullback of troops.", "Ceasefire"),
        ("A meeting of envoys from Peru and Chile is to take place in Lima on Saturday.", "NegotiationRound"),
    ],
)
def test_an_event_to_come_on_a_weekday_of_a_month_report_begins_in_that_month(nlp, text, kind):
    e = one(_in_a_month_report(nlp, text), kind)
    assert (e.status, e.time.earliest if e.time else None) == ("Planned", date(2025, 11, 1))
    assert e.time.latest is None


def test_an_event_held_on_a_weekday_of_a_month_report_gets_no_first_day(nlp):
    e = one(_in_a_month_report(nlp, "Envoys of Peru and Chile met in Lima on Saturday."), "NegotiationRound")
    assert e.status == "Occurred" and e.time.earliest is None  # the Saturday may be in the month before


# status_clause.py _since_its_start, row status_start_noun
@pytest.mark.parametrize(
    "text, status",
    [
        ("Three weeks after the start of the border talks, Peru and Chile are near a deal.", "Ongoing"),
        ("Three weeks after the start of the border talks, Peru and Chile signed a deal.", "Occurred"),
    ],
)
def test_talks_named_by_their_start_in_a_present_sentence_are_ongoing(run, text, status):
    x = run(text)
    assert status in [e.status for e in x.events if e.kind == "NegotiationRound"]
    if status == "Ongoing":
        assert one(x, "NegotiationRound").time is None  # under way: no end at the publication
