"""Status on phrasings nobody tuned the rules for (issue 10, section 3): an offer turned
down, talks under way on the day, a truce in force, a demand or plan put forward, talks
dropped or put off, talks still to come, and what may only happen.

Every sentence is our own, with invented names, in varied syntax (passive, nominal,
relative clause, headline, reported speech, negation, tense), and appears in no corpus.
The documents are published on Wednesday 2026-03-04 (the ``run`` fixture of
conftest.py). A sentence whose class kg reads differently is left out: this file is
about status. Status values are those of the domain model: talks that broke down or
were walked out of were held (Occurred); talks suspended, called off or put off with
no new day are Cancelled.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


def _case(kind, status, text):
    return pytest.param(text, kind, status, id=text[:60])


# An offer, call or plan the other side turned down: Rejected (status_clause._refused_or_dropped,
# rows rejected, status_refusal_noun, status_saying_verb, status_no_word; proposals._rejections).
REJECTED = [
    _case("NegotiationRound", "Rejected", "Bolivia rejected Ecuador's offer of talks on the disputed river."),
    _case("Ceasefire", "Rejected", "An offer of a ceasefire made by the rebels was turned down by the government on Monday."),
    _case("Ceasefire", "Rejected", "The government turned down a rebel proposal for a truce."),
    _case("Summit", "Rejected", "The junta has rebuffed calls for a summit with the opposition leaders."),
    _case("NegotiationRound", "Rejected", "Talks proposed by La Paz were rejected by Quito."),
    _case("Summit", "Rejected", "The ministry dismissed the idea of a summit of the two presidents as premature."),
    _case("NegotiationRound", "Rejected", "Quito refused an invitation to the talks in La Paz."),
    _case("Ceasefire", "Rejected", "A truce offered by the militia was spurned by the army."),
    _case("Ceasefire", "Rejected", "Bolivia rejects Ecuador truce offer"),
    _case("Ceasefire", "Rejected", "Ghana spurns Togo ceasefire proposal"),
    _case("PrisonerExchange", "Rejected", "Ecuador's offer of a prisoner swap, which Bolivia rejected last week, is off the table."),
    _case("Ceasefire", "Rejected", "The army chief said the rebels' ceasefire offer had been rejected."),
    _case("NegotiationRound", "Rejected", "Quito has said no to fresh talks with La Paz."),
    _case("NegotiationRound", "Rejected", "Lome said no to the talks that Accra had proposed."),
    _case("Proposal", "Rejected", "The union turned down the management's pay offer on Monday."),
    _case("Summit", "Rejected", "The president declined an invitation to a summit in Quito."),
    _case("Summit", "Rejected", "Togo turned down the summit invitation from Accra."),
    _case("Ceasefire", "Rejected", "The government's rejection of a ceasefire proposed by the rebels angered mediators."),
    _case("Ceasefire", "Rejected", "Accra's rejection of the truce put forward by Lome surprised few."),
    _case("NegotiationRound", "Rejected", "Officials confirmed Togo's refusal of further talks with Ghana."),
    _case("NegotiationRound", "Rejected", "The talks offered by Accra were rejected outright by the Togolese cabinet."),
    _case("Ceasefire", "Rejected", "Accra firmly rejected a truce proposal from the militia on Tuesday."),
    _case("Ceasefire", "Rejected", "The rebels said they had rejected the government's offer of a truce."),
    _case("Summit", "Rejected", "The summit that Oslo had proposed was rejected by Reykjavik."),
    _case("Ceasefire", "Rejected", "The rebels' rejection of the truce came as no surprise."),
    _case("Summit", "Rejected", "A summit was ruled out by the president."),
    _case("NegotiationRound", "Rejected", "The militia dismissed the call for talks as a ploy."),
    _case("Ceasefire", "Rejected", "The rebels have refused to agree to a ceasefire."),
    _case("NegotiationRound", "Rejected", "The army declined to participate in the talks in Geneva."),
    _case("Summit", "Rejected", "Croatia has turned down an invitation to a summit in Ljubljana."),
    # not turned down: denied, to come, or only possible
    _case("Ceasefire", "Proposed", "The government did not reject the rebels' offer of a truce."),
    _case("Ceasefire", "Proposed", "Bolivia will not reject the truce offer."),
    _case("Ceasefire", "Proposed", "Accra might reject the truce proposal, diplomats said."),
    _case("Ceasefire", "Proposed", "Accra has not rejected the truce proposal."),
]

# Talks under way on the day of the report: Ongoing (status._on_the_day, _in_talks,
# _in_a_phase with _lately, _still_at_it, _begun_and_lasting; rows status_phase_verb,
# status_in_talks_word, status_meeting_day_verb, status_present_perfect_aux).
ONGOING = [
    _case("NegotiationRound", "Ongoing", "The delegations of Bolivia and Ecuador are meeting in Geneva on Wednesday."),
    _case("NegotiationRound", "Ongoing", "The delegations of Bolivia and Ecuador are meeting in Geneva today."),
    _case("NegotiationRound", "Ongoing", "Talks between Bolivia and Ecuador continue for a third day in Geneva."),
    _case("NegotiationRound", "Ongoing", "Negotiators from Bolivia and Ecuador were locked in talks in Geneva on Wednesday."),
    _case("NegotiationRound", "Ongoing", "Negotiators from Bolivia and Ecuador remained in talks in Geneva on Wednesday."),
    _case("NegotiationRound", "Ongoing", "The two delegations remained locked in talks in Accra on Wednesday evening."),
    _case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador entered their second week on Wednesday."),
    _case("NegotiationRound", "Ongoing", "Talks between Ghana and Togo dragged into a fourth day on Wednesday."),
    _case("NegotiationRound", "Ongoing", "The negotiations between Ghana and Togo went into a second day on Wednesday."),
    _case("NegotiationRound", "Ongoing", "As the talks between Bolivia and Ecuador dragged into a third day, hopes of a deal faded."),
    _case("NegotiationRound", "Ongoing", "Bolivia-Ecuador talks stretch into a third day"),
    _case("NegotiationRound", "Ongoing", "Bolivia and Ecuador talks go into a second day in Geneva"),
    _case("NegotiationRound", "Ongoing", "Border talks between Ghana and Togo spill into a second week"),
    _case("NegotiationRound", "Ongoing", "Talks between Bolivia and Ecuador are under way in Geneva."),
    _case("NegotiationRound", "Ongoing", "Bolivian and Ecuadorian negotiators are holding talks in Geneva."),
    _case("NegotiationRound", "Ongoing", "Negotiations between Bolivia and Ecuador resumed in Geneva on Wednesday and are expected to last two days."),
    _case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador, now in their fourth day, have made little headway."),
    _case("NegotiationRound", "Ongoing", "Delegations from Bolivia and Ecuador have been negotiating in Geneva since Monday."),
    _case("NegotiationRound", "Ongoing", "Ghanaian and Togolese officials have been meeting behind closed doors since Monday."),
    _case("NegotiationRound", "Ongoing", "Ghana and Togo have been holding talks in Accra since Sunday."),
    _case("NegotiationRound", "Ongoing", "Envoys of Bolivia and Ecuador gathered in Geneva on Wednesday for a new round of talks."),
    _case("NegotiationRound", "Ongoing", "Negotiations between Bolivia and Ecuador were still going on in Geneva late on Wednesday."),
    _case("NegotiationRound", "Ongoing", "The third round of talks between Bolivia and Ecuador is taking place in Geneva this week."),
    _case("NegotiationRound", "Ongoing", "Bolivia and Ecuador were holding talks in Geneva on Wednesday, officials said."),
    _case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador are continuing in Geneva."),
    _case("NegotiationRound", "Ongoing", "Officials said the talks between Bolivia and Ecuador would continue into Thursday."),
    _case("NegotiationRound", "Ongoing", "Negotiators from Ghana and Togo are still meeting in Accra, a spokesman said."),
    _case("NegotiationRound", "Ongoing", "A spokesman said on Wednesday that the negotiators were still meeting in Oslo."),
    _case("NegotiationRound", "Ongoing", "Talks between Norway and Iceland, under way since Monday, have yet to produce a deal."),
    _case("NegotiationRound", "Ongoing", "Fishing talks between Norway and Iceland continue in Oslo"),
    _case("NegotiationRound", "Ongoing", "The talks are at a critical stage, the mediator said."),
    _case("NegotiationRound", "Ongoing", "Talks on the border treaty have been going on for months."),
    # begun on the report's day, and no end told (status_clause._just_begun, _on_its_day)
    _case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro resumed in Vienna on Wednesday after a two-month pause."),
    _case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro opened in Vienna on Wednesday."),
    _case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro began in Vienna today."),
    _case("NegotiationRound", "Occurred", "Talks between Serbia and Montenegro resumed in Vienna on Monday after a two-month pause."),
    _case("NegotiationRound", "Occurred", "Talks between Serbia and Montenegro opened in Vienna on Wednesday and ended hours later."),
    _case("NegotiationRound", "Ongoing", "Austrian and Hungarian negotiators are in Graz this week for talks on water rights."),
    _case("NegotiationRound", "Ongoing", "The talks in Graz, which opened on Monday, are due to end on Friday."),
    _case("NegotiationRound", "Occurred", "The talks in Graz, which opened on Monday, ended on Tuesday with a joint statement."),
    # held "for a second day" on the report's day (status._another_day)
    _case("NegotiationRound", "Ongoing", "Delegations from Serbia and Montenegro met for a second day in Vienna on Wednesday, "
                                         "with no sign of a breakthrough."),
    _case("NegotiationRound", "Occurred", "Delegations from Serbia and Montenegro met for a second day in Vienna on Monday."),
    # over before the report: held
    _case("NegotiationRound", "Occurred", "Ghana and Togo had been holding talks in Accra for a month before the coup."),
    _case("NegotiationRound", "Occurred", "In 2019 the talks between Ghana and Togo dragged into a third day before collapsing."),
    _case("NegotiationRound", "Occurred", "The two delegations were locked in talks in Accra for much of January."),
    _case("NegotiationRound", "Occurred", "Talks between Norway and Iceland opened in Oslo on February 10."),
]

# A truce in force: Ongoing, not Planned (status._kept_truce, dates._truces_in_force).
TRUCE = [
    _case("Ceasefire", "Ongoing", "The ceasefire between Bolivia and Ecuador has largely held since it took effect on Sunday."),
    _case("Ceasefire", "Ongoing", "A truce that took effect on Sunday has brought calm to the border."),
    _case("Ceasefire", "Ongoing", "The truce between the army and the rebels is holding."),
    _case("Ceasefire", "Ongoing", "The ceasefire, in place since January, remains fragile."),
    _case("Ceasefire", "Ongoing", "A ceasefire between the army and the rebels came into force at midnight on Monday."),
    _case("Ceasefire", "Ongoing", "The fragile truce appeared to be holding on Wednesday."),
    _case("Ceasefire", "Ongoing", "The ceasefire went into effect on Monday."),
    _case("Ceasefire", "Ongoing", "Violations of the ceasefire were reported along the border on Tuesday."),
    _case("Ceasefire", "Ongoing", "The truce, which began on February 1, has been broken several times."),
    _case("Ceasefire", "Ongoing", "The ceasefire remains in effect despite sporadic clashes."),
    _case("Ceasefire", "Ongoing", "The shaky truce has held for a week."),
    _case("Ceasefire", "Ongoing", "Both sides accuse each other of breaching the truce that started on Sunday."),
    _case("Ceasefire", "Ongoing", "A week-old ceasefire between the army and the rebels is under strain."),
    _case("Ceasefire", "Ongoing", "The current ceasefire expires at the end of the month."),
    _case("Ceasefire", "Ongoing", "The truce, which has been in force since January, is fragile."),
    _case("Ceasefire", "Ongoing", "Three days into the ceasefire, aid convoys reached the town."),
    _case("Ceasefire", "Ongoing", "A truce between the army and the rebels took effect on Monday."),
    _case("Ceasefire", "Ongoing", "Sporadic violations have tested the ceasefire in recent days."),
    _case("Ceasefire", "Ongoing", "The ceasefire between Serbia and the rebels, agreed on February 2, has largely been respected."),
    _case("Ceasefire", "Ongoing", "Both sides have so far observed the ceasefire that began on Monday."),
    _case("Ceasefire", "Ongoing", "The ceasefire announced on Monday appeared to be holding on Wednesday."),
    _case("Ceasefire", "Ongoing", "A fragile ceasefire brokered by Qatar last month remains in place."),
    _case("Ceasefire", "Ongoing", "Since a ceasefire was declared on Sunday, the border has been quiet."),
]

# A demand, offer or plan put forward, and terms still being worked out: Proposed
# (status_clause._still_to_make, row status_negotiating_verb; row status_possibility_adverb;
# status._terms_would, rows status_conditional_aux, status_terms_noun: what terms would bring).
PROPOSED = [
    _case("Ceasefire", "Proposed", "The rebels demanded a ceasefire before any talks."),
    _case("NegotiationRound", "Proposed", "Bolivia proposed talks with Ecuador in La Paz next month."),
    _case("Ceasefire", "Proposed", "The mediators put forward a plan for a truce."),
    _case("Ceasefire", "Proposed", "Ecuador called for an immediate ceasefire."),
    _case("Summit", "Proposed", "The opposition is pressing for a summit with the president."),
    _case("Summit", "Proposed", "The opposition leader urged a summit with the president."),
    _case("PrisonerExchange", "Proposed", "A proposal for a prisoner exchange was submitted by the Red Cross on Monday."),
    _case("Summit", "Proposed", "Bolivia floated the idea of a summit in La Paz."),
    _case("Ceasefire", "Proposed", "The envoy urged both sides to agree to a truce."),
    _case("NegotiationRound", "Proposed", "Ecuador's demand for direct talks with Bolivia went unanswered."),
    _case("Ceasefire", "Proposed", "The mediators want a truce to start before the holidays."),
    _case("Ceasefire", "Proposed", "Under the draft plan, a truce would take hold within a week."),
    _case("Ceasefire", "Proposed", "Bolivia has offered a 30-day truce."),
    _case("NegotiationRound", "Proposed", "Ecuador offered to host talks between the two rebel groups."),
    _case("Ceasefire", "Proposed", "The rebels are demanding a truce and the release of prisoners."),
    _case("Ceasefire", "Proposed", "The foreign minister pushed for a ceasefire during his visit."),
    _case("Summit", "Proposed", "The president invited his Bolivian counterpart to a summit in Quito."),
    _case("Ceasefire", "Proposed", "Mediators are negotiating a ceasefire deal between the army and the militia."),
    _case("Ceasefire", "Proposed", "Envoys will travel to Lome next week to negotiate a lasting truce."),
    _case("Summit", "Proposed", "Accra is possibly preparing a summit with Lome for the spring."),
    _case("Summit", "Proposed", "The leaders of Ghana and Togo could perhaps hold a summit in May."),
    _case("Summit", "Planned", "Accra is preparing a summit with Lome for the spring."),
    _case("Ceasefire", "Proposed", "A truce has been proposed by the mediators."),
    _case("Ceasefire", "Proposed", "Mediators presented a draft ceasefire agreement to both sides on Tuesday."),
    _case("Summit", "Proposed", "Oslo said it was open to a summit with Reykjavik."),
    _case("Summit", "Proposed", "A summit between the two leaders has not been ruled out, a spokesman said."),
    _case("Summit", "Proposed", "Vienna hopes to hold a summit with Budapest before the summer."),
    _case("Summit", "Proposed", "Croatia is considering an invitation to a summit in Ljubljana."),
    _case("Summit", "Proposed", "Slovenia has invited Croatia's prime minister to a summit in Ljubljana."),
    _case("Ceasefire", "Proposed", "Mediators are trying to broker a ceasefire between the army and the rebels."),
    _case("Ceasefire", "Proposed", "The ceasefire that the mediators are seeking would last thirty days."),
    _case("PrisonerExchange", "Proposed", "The deal would free the hostages held by the militia, the president said."),
    _case("PrisonerExchange", "Proposed", "Officials said the plan would have the rebels release sixty prisoners."),
    _case("PrisonerExchange", "Planned", "The militia will free forty captives on Friday under the deal."),
]

# Talks dropped or put off: Cancelled; put off to a later day: Planned; broken down or
# walked out of: held (rows cancelled, status_dropping_phrasal, status_dropping_noun).
CANCELLED = [
    _case("NegotiationRound", "Cancelled", "Talks between Bolivia and Ecuador planned for Friday were postponed."),
    _case("NegotiationRound", "Cancelled", "Bolivia called off the talks with Ecuador."),
    _case("Meeting", "Cancelled", "Ghana called the meeting off at the last minute."),
    _case("Summit", "Cancelled", "The summit in La Paz was cancelled after the attack."),
    _case("NegotiationRound", "Cancelled", "Bolivia suspended its talks with Ecuador on Monday."),
    _case("Meeting", "Cancelled", "The meeting of the two ministers has been put off indefinitely."),
    _case("Summit", "Cancelled", "A planned summit between the two leaders was scrapped."),
    _case("Summit", "Cancelled", "The summit of the two presidents, first set for May, was scrapped."),
    _case("Summit", "Cancelled", "Summit between Bolivia and Ecuador postponed"),
    _case("NegotiationRound", "Cancelled", "The postponement of the talks angered the opposition."),
    _case("NegotiationRound", "Cancelled", "The cancellation of the talks between Bolivia and Ecuador was announced on Monday."),
    _case("Summit", "Cancelled", "Officials announced the cancellation of the summit between Ghana and Togo."),
    _case("NegotiationRound", "Cancelled", "Following the suspension of the talks between Ghana and Togo, troops moved to the border."),
    _case("NegotiationRound", "Cancelled", "The talks between Bolivia and Ecuador were suspended indefinitely."),
    _case("NegotiationRound", "Cancelled", "The next round of talks has been shelved."),
    _case("Summit", "Cancelled", "The Ghana-Togo summit has been shelved until further notice."),
    _case("NegotiationRound", "Planned", "The postponement of the talks to March 20 angered the opposition."),
    _case("Summit", "Planned", "Officials announced the postponement of the summit between Ghana and Togo until March 25."),
    _case("NegotiationRound", "Planned", "The talks between Ghana and Togo have been put off until March 20."),
    _case("NegotiationRound", "Occurred", "The talks between Bolivia and Ecuador collapsed on Tuesday."),
    _case("NegotiationRound", "Occurred", "The talks between Bolivia and Ecuador broke down on Tuesday."),
    _case("NegotiationRound", "Occurred", "The Bolivian delegation walked out of the talks on Tuesday."),
    _case("NegotiationRound", "Occurred", "Norway did not cancel the talks with Iceland."),
    # a negated verb of taking place (status._did_not_happen, row status_happening_verb)
    _case("Meeting", "Cancelled", "A planned meeting between the two foreign ministers did not take place."),
    _case("Summit", "Cancelled", "The summit in Vienna will not go ahead, the foreign ministry said."),
    _case("Summit", "Cancelled", "The summit was not held because of the storm."),
    _case("Summit", "Proposed", "The summit might not take place at all."),
    _case("NegotiationRound", "Occurred", "The talks did not produce a deal."),
    _case("NegotiationRound", "Cancelled", "Norway-Iceland Talks Postponed Indefinitely"),
    _case("NegotiationRound", "Cancelled", "The ministry said the talks with Iceland had been called off."),
    _case("NegotiationRound", "Cancelled", "The talks, which were due to open on Monday, have been postponed."),
    _case("NegotiationRound", "Cancelled", "The talks were called off at the last minute."),
    _case("NegotiationRound", "Cancelled", "Slovenia pulled the plug on the talks with Croatia."),
    _case("NegotiationRound", "Cancelled", "Talks planned for Friday have been called off after the attack."),
]

# Talks expected, due, set, slated or poised to take place: Planned; what could or
# would happen: Proposed.
PLANNED = [
    _case("NegotiationRound", "Planned", "Talks between Bolivia and Ecuador are expected to take place in La Paz next week."),
    _case("Meeting", "Planned", "The two foreign ministers are due to meet on Friday."),
    _case("Summit", "Planned", "A summit of the two presidents is set for March 20 in La Paz."),
    _case("NegotiationRound", "Planned", "Negotiators are slated to resume talks on Monday."),
    _case("NegotiationRound", "Planned", "Talks between Bolivia and Ecuador scheduled for next week"),
    _case("NegotiationRound", "Planned", "Bolivia and Ecuador will hold talks in La Paz on Friday."),
    _case("NegotiationRound", "Planned", "A new round of talks is expected next week."),
    _case("Summit", "Planned", "The leaders are set to hold a summit in Quito in April."),
    _case("Summit", "Planned", "Preparations are under way for a summit in Quito in April."),
    _case("NegotiationRound", "Planned", "The talks, expected to open on Monday, will focus on the river border."),
    _case("NegotiationRound", "Planned", "Negotiators from both countries are scheduled to meet in Quito next Tuesday."),
    _case("NegotiationRound", "Planned", "Norway and Iceland Set to Resume Fishing Talks Next Week"),
    _case("NegotiationRound", "Planned", "The ministry said the talks with Iceland would resume on March 12."),
    _case("NegotiationRound", "Planned", "Talks between Norway and Iceland will open in Oslo on March 10."),
    _case("NegotiationRound", "Planned", "Talks between Norway and Iceland have not yet begun."),
    _case("NegotiationRound", "Planned", "A new round of talks has been scheduled for next week."),
    _case("NegotiationRound", "Planned", "Austrian and Hungarian negotiators meet again on March 18 in Graz."),
    _case("NegotiationRound", "Planned", "Negotiators from Austria and Hungary were due to meet again on March 18 in Graz."),
    _case("Summit", "Planned", "A summit of the two leaders has been pencilled in for April."),
    _case("Summit", "Planned", "The two leaders are poised to hold a summit in Graz next month."),
    _case("NegotiationRound", "Planned", "Water-rights talks between Austria and Hungary, which are to open in Graz on March 18, will run for a week."),
    _case("Ceasefire", "Planned", "The truce is due to come into effect at midnight on Friday."),
    _case("NegotiationRound", "Proposed", "Ecuador would hold talks with Bolivia if the blockade ended."),
    _case("Summit", "Proposed", "A summit of the two presidents might take place in April."),
    _case("Meeting", "Proposed", "The two leaders may meet on the sidelines of the forum."),
    _case("Summit", "Proposed", "A summit would only make sense if the fighting stopped."),
    _case("NegotiationRound", "Proposed", "Spain would be willing to hold talks with Portugal if the fishing ban were lifted."),
    _case("Summit", "Proposed", "A summit in Lisbon remains a possibility, officials said."),
    _case("Summit", "Proposed", "Portugal is weighing a summit with Spain."),
    _case("Summit", "Proposed", "There is talk of a summit between the two leaders in the autumn."),
    _case("NegotiationRound", "Proposed", "Lisbon says it is ready for talks with Madrid at any time."),
    _case("NegotiationRound", "Proposed", "Should the blockade end, talks between Spain and Portugal could resume."),
    _case("Summit", "Proposed", "The prime minister did not rule out a summit with his Spanish counterpart."),
    _case("Meeting", "Proposed", "The two ministers might meet on the sidelines of the NATO summit in Lisbon."),
    # a condition the parser hung on the infinitive of purpose (status._conditional)
    _case("Meeting", "Proposed", 'After that, the envoy said, there would be a meeting of defence chiefs from the '
                                 'region, "if both sides are willing", to settle the border row.'),
    _case("Meeting", "Planned", "After that, the envoy said, there will be a meeting of defence chiefs from the "
                                "region to settle the border row."),
    _case("Summit", "Proposed", "The summit will take place in Accra, if the rebels agree, to seal the deal."),
]

# An event dated before the report judged in the past tense was held; a call for one to
# come is a proposal (status._judged_after, row status_judging_adjective).
JUDGED = [
    _case("Meeting", "Occurred", "The meeting of the two ministers in January was important for both sides."),
    _case("Summit", "Occurred", "The summit in Lome last year was historic, the minister recalled."),
    _case("Meeting", "Proposed", "A meeting of the two ministers is essential, the envoy said."),
]


def test_declining_to_comment_on_talks_rejects_nothing(run):
    x = run("Asked about Tuesday's talks in Geneva, a rebel spokesman declined to comment.")
    assert one(x, "NegotiationRound").status != "Rejected"


@pytest.mark.parametrize("text, kind, status", REJECTED + ONGOING + TRUCE + PROPOSED + CANCELLED + PLANNED + JUDGED)
def test_status_of_the_event(run, text, kind, status):
    assert one(run(text), kind).status == status


# Title-case headlines the tagger reads as runs of names (status_clause._headline_word, rows
# status_headline_rejecting_word, status_headline_going_word, status_planned_adjective).
HEADLINES = [
    _case("NegotiationRound", "Ongoing", "Norway, Iceland Talks Enter Third Day in Oslo"),
    _case("NegotiationRound", "Ongoing", "Fishing Talks Drag Into Second Week"),
    _case("NegotiationRound", "Ongoing", "Border Talks Between Ghana and Togo Continue in Accra"),
    _case("Ceasefire", "Rejected", "Rebels Reject Government Truce Offer"),
    _case("NegotiationRound", "Planned", "Fishing Talks Set to Resume Next Week in Oslo"),
    _case("NegotiationRound", "Planned", "Fishing Talks to Resume Next Week in Oslo"),
    _case("NegotiationRound", "Planned", "Norway and Iceland Set to Resume Fishing Talks Next Week"),
]


@pytest.mark.parametrize("text, kind, status", HEADLINES)
def test_status_in_a_title_case_headline(run, text, kind, status):
    assert one(run(text), kind).status == status
