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

from extraction import one, status_case  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


# An offer, call or plan the other side turned down: Rejected (status_clause._refused_or_dropped,
# rows rejected, status_refusal_noun, status_saying_verb, status_no_word; proposals._rejections).
REJECTED = [
    status_case("NegotiationRound", "Rejected", "Bolivia rejected Ecuador's offer of talks on the disputed river."),
    status_case("Ceasefire", "Rejected", "An offer of a ceasefire made by the rebels was turned down by the government on Monday."),
    status_case("Ceasefire", "Rejected", "The government turned down a rebel proposal for a truce."),
    status_case("Summit", "Rejected", "The junta has rebuffed calls for a summit with the opposition leaders."),
    status_case("NegotiationRound", "Rejected", "Talks proposed by La Paz were rejected by Quito."),
    status_case("Summit", "Rejected", "The ministry dismissed the idea of a summit of the two presidents as premature."),
    status_case("NegotiationRound", "Rejected", "Quito refused an invitation to the talks in La Paz."),
    status_case("Ceasefire", "Rejected", "A truce offered by the militia was spurned by the army."),
    status_case("Ceasefire", "Rejected", "Bolivia rejects Ecuador truce offer"),
    status_case("Ceasefire", "Rejected", "Ghana spurns Togo ceasefire proposal"),
    status_case("PrisonerExchange", "Rejected", "Ecuador's offer of a prisoner swap, which Bolivia rejected last week, is off the table."),
    status_case("Ceasefire", "Rejected", "The army chief said the rebels' ceasefire offer had been rejected."),
    status_case("NegotiationRound", "Rejected", "Quito has said no to fresh talks with La Paz."),
    status_case("NegotiationRound", "Rejected", "Lome said no to the talks that Accra had proposed."),
    status_case("Proposal", "Rejected", "The union turned down the management's pay offer on Monday."),
    status_case("Summit", "Rejected", "The president declined an invitation to a summit in Quito."),
    status_case("Summit", "Rejected", "Togo turned down the summit invitation from Accra."),
    status_case("Ceasefire", "Rejected", "The government's rejection of a ceasefire proposed by the rebels angered mediators."),
    status_case("Ceasefire", "Rejected", "Accra's rejection of the truce put forward by Lome surprised few."),
    status_case("NegotiationRound", "Rejected", "Officials confirmed Togo's refusal of further talks with Ghana."),
    status_case("NegotiationRound", "Rejected", "The talks offered by Accra were rejected outright by the Togolese cabinet."),
    status_case("Ceasefire", "Rejected", "Accra firmly rejected a truce proposal from the militia on Tuesday."),
    status_case("Ceasefire", "Rejected", "The rebels said they had rejected the government's offer of a truce."),
    status_case("Summit", "Rejected", "The summit that Oslo had proposed was rejected by Reykjavik."),
    status_case("Ceasefire", "Rejected", "The rebels' rejection of the truce came as no surprise."),
    status_case("Summit", "Rejected", "A summit was ruled out by the president."),
    status_case("NegotiationRound", "Rejected", "The militia dismissed the call for talks as a ploy."),
    status_case("Ceasefire", "Rejected", "The rebels have refused to agree to a ceasefire."),
    status_case("NegotiationRound", "Rejected", "The army declined to participate in the talks in Geneva."),
    status_case("Summit", "Rejected", "Croatia has turned down an invitation to a summit in Ljubljana."),
    # not turned down: denied, to come, or only possible
    status_case("Ceasefire", "Proposed", "The government did not reject the rebels' offer of a truce."),
    status_case("Ceasefire", "Proposed", "Bolivia will not reject the truce offer."),
    status_case("Ceasefire", "Proposed", "Accra might reject the truce proposal, diplomats said."),
    status_case("Ceasefire", "Proposed", "Accra has not rejected the truce proposal."),
]

# Talks under way on the day of the report: Ongoing (status._on_the_day, _in_talks,
# _in_a_phase with _lately, _still_at_it, _begun_and_lasting; rows status_phase_verb,
# status_in_talks_word, status_meeting_day_verb, status_present_perfect_aux).
ONGOING = [
    status_case("NegotiationRound", "Ongoing", "The delegations of Bolivia and Ecuador are meeting in Geneva on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "The delegations of Bolivia and Ecuador are meeting in Geneva today."),
    status_case("NegotiationRound", "Ongoing", "Talks between Bolivia and Ecuador continue for a third day in Geneva."),
    status_case("NegotiationRound", "Ongoing", "Negotiators from Bolivia and Ecuador were locked in talks in Geneva on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "Negotiators from Bolivia and Ecuador remained in talks in Geneva on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "The two delegations remained locked in talks in Accra on Wednesday evening."),
    status_case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador entered their second week on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "Talks between Ghana and Togo dragged into a fourth day on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "The negotiations between Ghana and Togo went into a second day on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "As the talks between Bolivia and Ecuador dragged into a third day, hopes of a deal faded."),
    status_case("NegotiationRound", "Ongoing", "Bolivia-Ecuador talks stretch into a third day"),
    status_case("NegotiationRound", "Ongoing", "Bolivia and Ecuador talks go into a second day in Geneva"),
    status_case("NegotiationRound", "Ongoing", "Border talks between Ghana and Togo spill into a second week"),
    status_case("NegotiationRound", "Ongoing", "Talks between Bolivia and Ecuador are under way in Geneva."),
    status_case("NegotiationRound", "Ongoing", "Bolivian and Ecuadorian negotiators are holding talks in Geneva."),
    status_case("NegotiationRound", "Ongoing", "Negotiations between Bolivia and Ecuador resumed in Geneva on Wednesday and are expected to last two days."),
    status_case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador, now in their fourth day, have made little headway."),
    status_case("NegotiationRound", "Ongoing", "Delegations from Bolivia and Ecuador have been negotiating in Geneva since Monday."),
    status_case("NegotiationRound", "Ongoing", "Ghanaian and Togolese officials have been meeting behind closed doors since Monday."),
    status_case("NegotiationRound", "Ongoing", "Ghana and Togo have been holding talks in Accra since Sunday."),
    status_case("NegotiationRound", "Ongoing", "Envoys of Bolivia and Ecuador gathered in Geneva on Wednesday for a new round of talks."),
    status_case("NegotiationRound", "Ongoing", "Negotiations between Bolivia and Ecuador were still going on in Geneva late on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "The third round of talks between Bolivia and Ecuador is taking place in Geneva this week."),
    status_case("NegotiationRound", "Ongoing", "Bolivia and Ecuador were holding talks in Geneva on Wednesday, officials said."),
    status_case("NegotiationRound", "Ongoing", "The talks between Bolivia and Ecuador are continuing in Geneva."),
    status_case("NegotiationRound", "Ongoing", "Officials said the talks between Bolivia and Ecuador would continue into Thursday."),
    status_case("NegotiationRound", "Ongoing", "Negotiators from Ghana and Togo are still meeting in Accra, a spokesman said."),
    status_case("NegotiationRound", "Ongoing", "A spokesman said on Wednesday that the negotiators were still meeting in Oslo."),
    status_case("NegotiationRound", "Ongoing", "Talks between Norway and Iceland, under way since Monday, have yet to produce a deal."),
    status_case("NegotiationRound", "Ongoing", "Fishing talks between Norway and Iceland continue in Oslo"),
    status_case("NegotiationRound", "Ongoing", "The talks are at a critical stage, the mediator said."),
    status_case("NegotiationRound", "Ongoing", "Talks on the border treaty have been going on for months."),
    # begun on the report's day, and no end told (status_clause._just_begun, _on_its_day)
    status_case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro resumed in Vienna on Wednesday after a two-month pause."),
    status_case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro opened in Vienna on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "Talks between Serbia and Montenegro began in Vienna today."),
    status_case("NegotiationRound", "Occurred", "Talks between Serbia and Montenegro resumed in Vienna on Monday after a two-month pause."),
    status_case("NegotiationRound", "Occurred", "Talks between Serbia and Montenegro opened in Vienna on Wednesday and ended hours later."),
    status_case("NegotiationRound", "Ongoing", "Austrian and Hungarian negotiators are in Graz this week for talks on water rights."),
    status_case("NegotiationRound", "Ongoing", "The talks in Graz, which opened on Monday, are due to end on Friday."),
    status_case("NegotiationRound", "Occurred", "The talks in Graz, which opened on Monday, ended on Tuesday with a joint statement."),
    # held "for a second day" on the report's day (status._another_day)
    status_case("NegotiationRound", "Ongoing", "Delegations from Serbia and Montenegro met for a second day in Vienna on Wednesday, "
                                         "with no sign of a breakthrough."),
    status_case("NegotiationRound", "Occurred", "Delegations from Serbia and Montenegro met for a second day in Vienna on Monday."),
    # over before the report: held
    status_case("NegotiationRound", "Occurred", "Ghana and Togo had been holding talks in Accra for a month before the coup."),
    status_case("NegotiationRound", "Occurred", "In 2019 the talks between Ghana and Togo dragged into a third day before collapsing."),
    status_case("NegotiationRound", "Occurred", "The two delegations were locked in talks in Accra for much of January."),
    status_case("NegotiationRound", "Occurred", "Talks between Norway and Iceland opened in Oslo on February 10."),
]

# A truce in force: Ongoing, not Planned (status._kept_truce, dates._truces_in_force).
TRUCE = [
    status_case("Ceasefire", "Ongoing", "The ceasefire between Bolivia and Ecuador has largely held since it took effect on Sunday."),
    status_case("Ceasefire", "Ongoing", "A truce that took effect on Sunday has brought calm to the border."),
    status_case("Ceasefire", "Ongoing", "The truce between the army and the rebels is holding."),
    status_case("Ceasefire", "Ongoing", "The ceasefire, in place since January, remains fragile."),
    status_case("Ceasefire", "Ongoing", "A ceasefire between the army and the rebels came into force at midnight on Monday."),
    status_case("Ceasefire", "Ongoing", "The fragile truce appeared to be holding on Wednesday."),
    status_case("Ceasefire", "Ongoing", "The ceasefire went into effect on Monday."),
    status_case("Ceasefire", "Ongoing", "Violations of the ceasefire were reported along the border on Tuesday."),
    status_case("Ceasefire", "Ongoing", "The truce, which began on February 1, has been broken several times."),
    status_case("Ceasefire", "Ongoing", "The ceasefire remains in effect despite sporadic clashes."),
    status_case("Ceasefire", "Ongoing", "The shaky truce has held for a week."),
    status_case("Ceasefire", "Ongoing", "Both sides accuse each other of breaching the truce that started on Sunday."),
    status_case("Ceasefire", "Ongoing", "A week-old ceasefire between the army and the rebels is under strain."),
    status_case("Ceasefire", "Ongoing", "The current ceasefire expires at the end of the month."),
    status_case("Ceasefire", "Ongoing", "The truce, which has been in force since January, is fragile."),
    status_case("Ceasefire", "Ongoing", "Three days into the ceasefire, aid convoys reached the town."),
    status_case("Ceasefire", "Ongoing", "A truce between the army and the rebels took effect on Monday."),
    status_case("Ceasefire", "Ongoing", "Sporadic violations have tested the ceasefire in recent days."),
    status_case("Ceasefire", "Ongoing", "The ceasefire between Serbia and the rebels, agreed on February 2, has largely been respected."),
    status_case("Ceasefire", "Ongoing", "Both sides have so far observed the ceasefire that began on Monday."),
    status_case("Ceasefire", "Ongoing", "The ceasefire announced on Monday appeared to be holding on Wednesday."),
    status_case("Ceasefire", "Ongoing", "A fragile ceasefire brokered by Qatar last month remains in place."),
    status_case("Ceasefire", "Ongoing", "Since a ceasefire was declared on Sunday, the border has been quiet."),
]

# A demand, offer or plan put forward, and terms still being worked out: Proposed
# (status_clause._still_to_make, row status_negotiating_verb; row status_possibility_adverb;
# status._terms_would, rows status_conditional_aux, status_terms_noun: what terms would bring).
PROPOSED = [
    status_case("Ceasefire", "Proposed", "The rebels demanded a ceasefire before any talks."),
    status_case("NegotiationRound", "Proposed", "Bolivia proposed talks with Ecuador in La Paz next month."),
    status_case("Ceasefire", "Proposed", "The mediators put forward a plan for a truce."),
    status_case("Ceasefire", "Proposed", "Ecuador called for an immediate ceasefire."),
    status_case("Summit", "Proposed", "The opposition is pressing for a summit with the president."),
    status_case("Summit", "Proposed", "The opposition leader urged a summit with the president."),
    status_case("PrisonerExchange", "Proposed", "A proposal for a prisoner exchange was submitted by the Red Cross on Monday."),
    status_case("Summit", "Proposed", "Bolivia floated the idea of a summit in La Paz."),
    status_case("Ceasefire", "Proposed", "The envoy urged both sides to agree to a truce."),
    status_case("NegotiationRound", "Proposed", "Ecuador's demand for direct talks with Bolivia went unanswered."),
    status_case("Ceasefire", "Proposed", "The mediators want a truce to start before the holidays."),
    status_case("Ceasefire", "Proposed", "Under the draft plan, a truce would take hold within a week."),
    status_case("Ceasefire", "Proposed", "Bolivia has offered a 30-day truce."),
    status_case("NegotiationRound", "Proposed", "Ecuador offered to host talks between the two rebel groups."),
    status_case("Ceasefire", "Proposed", "The rebels are demanding a truce and the release of prisoners."),
    status_case("Ceasefire", "Proposed", "The foreign minister pushed for a ceasefire during his visit."),
    status_case("Summit", "Proposed", "The president invited his Bolivian counterpart to a summit in Quito."),
    status_case("Ceasefire", "Proposed", "Mediators are negotiating a ceasefire deal between the army and the militia."),
    status_case("Ceasefire", "Proposed", "Envoys will travel to Lome next week to negotiate a lasting truce."),
    status_case("Summit", "Proposed", "Accra is possibly preparing a summit with Lome for the spring."),
    status_case("Summit", "Proposed", "The leaders of Ghana and Togo could perhaps hold a summit in May."),
    status_case("Summit", "Planned", "Accra is preparing a summit with Lome for the spring."),
    status_case("Ceasefire", "Proposed", "A truce has been proposed by the mediators."),
    status_case("Ceasefire", "Proposed", "Mediators presented a draft ceasefire agreement to both sides on Tuesday."),
    status_case("Summit", "Proposed", "Oslo said it was open to a summit with Reykjavik."),
    status_case("Summit", "Proposed", "A summit between the two leaders has not been ruled out, a spokesman said."),
    status_case("Summit", "Proposed", "Vienna hopes to hold a summit with Budapest before the summer."),
    status_case("Summit", "Proposed", "Croatia is considering an invitation to a summit in Ljubljana."),
    status_case("Summit", "Proposed", "Slovenia has invited Croatia's prime minister to a summit in Ljubljana."),
    status_case("Ceasefire", "Proposed", "Mediators are trying to broker a ceasefire between the army and the rebels."),
    status_case("Ceasefire", "Proposed", "The ceasefire that the mediators are seeking would last thirty days."),
    status_case("PrisonerExchange", "Proposed", "The deal would free the hostages held by the militia, the president said."),
    status_case("PrisonerExchange", "Proposed", "Officials said the plan would have the rebels release sixty prisoners."),
    status_case("PrisonerExchange", "Planned", "The militia will free forty captives on Friday under the deal."),
]

# Talks dropped or put off: Cancelled; put off to a later day: Planned; broken down or
# walked out of: held (rows cancelled, status_dropping_phrasal, status_dropping_noun).
CANCELLED = [
    status_case("NegotiationRound", "Cancelled", "Talks between Bolivia and Ecuador planned for Friday were postponed."),
    status_case("NegotiationRound", "Cancelled", "Bolivia called off the talks with Ecuador."),
    status_case("Meeting", "Cancelled", "Ghana called the meeting off at the last minute."),
    status_case("Summit", "Cancelled", "The summit in La Paz was cancelled after the attack."),
    status_case("NegotiationRound", "Cancelled", "Bolivia suspended its talks with Ecuador on Monday."),
    status_case("Meeting", "Cancelled", "The meeting of the two ministers has been put off indefinitely."),
    status_case("Summit", "Cancelled", "A planned summit between the two leaders was scrapped."),
    status_case("Summit", "Cancelled", "The summit of the two presidents, first set for May, was scrapped."),
    status_case("Summit", "Cancelled", "Summit between Bolivia and Ecuador postponed"),
    status_case("NegotiationRound", "Cancelled", "The postponement of the talks angered the opposition."),
    status_case("NegotiationRound", "Cancelled", "The cancellation of the talks between Bolivia and Ecuador was announced on Monday."),
    status_case("Summit", "Cancelled", "Officials announced the cancellation of the summit between Ghana and Togo."),
    status_case("NegotiationRound", "Cancelled", "Following the suspension of the talks between Ghana and Togo, troops moved to the border."),
    status_case("NegotiationRound", "Cancelled", "The talks between Bolivia and Ecuador were suspended indefinitely."),
    status_case("NegotiationRound", "Cancelled", "The next round of talks has been shelved."),
    status_case("Summit", "Cancelled", "The Ghana-Togo summit has been shelved until further notice."),
    status_case("NegotiationRound", "Planned", "The postponement of the talks to March 20 angered the opposition."),
    status_case("Summit", "Planned", "Officials announced the postponement of the summit between Ghana and Togo until March 25."),
    status_case("NegotiationRound", "Planned", "The talks between Ghana and Togo have been put off until March 20."),
    status_case("NegotiationRound", "Occurred", "The talks between Bolivia and Ecuador collapsed on Tuesday."),
    status_case("NegotiationRound", "Occurred", "The talks between Bolivia and Ecuador broke down on Tuesday."),
    status_case("NegotiationRound", "Occurred", "The Bolivian delegation walked out of the talks on Tuesday."),
    status_case("NegotiationRound", "Occurred", "Norway did not cancel the talks with Iceland."),
    # a negated verb of taking place (status._did_not_happen, row status_happening_verb)
    status_case("Meeting", "Cancelled", "A planned meeting between the two foreign ministers did not take place."),
    status_case("Summit", "Cancelled", "The summit in Vienna will not go ahead, the foreign ministry said."),
    status_case("Summit", "Cancelled", "The summit was not held because of the storm."),
    status_case("Summit", "Proposed", "The summit might not take place at all."),
    status_case("NegotiationRound", "Occurred", "The talks did not produce a deal."),
    status_case("NegotiationRound", "Cancelled", "Norway-Iceland Talks Postponed Indefinitely"),
    status_case("NegotiationRound", "Cancelled", "The ministry said the talks with Iceland had been called off."),
    status_case("NegotiationRound", "Cancelled", "The talks, which were due to open on Monday, have been postponed."),
    status_case("NegotiationRound", "Cancelled", "The talks were called off at the last minute."),
    status_case("NegotiationRound", "Cancelled", "Slovenia pulled the plug on the talks with Croatia."),
    status_case("NegotiationRound", "Cancelled", "Talks planned for Friday have been called off after the attack."),
]

# Talks expected, due, set, slated or poised to take place: Planned; what could or
# would happen: Proposed.
PLANNED = [
    status_case("NegotiationRound", "Planned", "Talks between Bolivia and Ecuador are expected to take place in La Paz next week."),
    status_case("Meeting", "Planned", "The two foreign ministers are due to meet on Friday."),
    status_case("Summit", "Planned", "A summit of the two presidents is set for March 20 in La Paz."),
    status_case("NegotiationRound", "Planned", "Negotiators are slated to resume talks on Monday."),
    status_case("NegotiationRound", "Planned", "Talks between Bolivia and Ecuador scheduled for next week"),
    status_case("NegotiationRound", "Planned", "Bolivia and Ecuador will hold talks in La Paz on Friday."),
    status_case("NegotiationRound", "Planned", "A new round of talks is expected next week."),
    status_case("Summit", "Planned", "The leaders are set to hold a summit in Quito in April."),
    status_case("Summit", "Planned", "Preparations are under way for a summit in Quito in April."),
    status_case("NegotiationRound", "Planned", "The talks, expected to open on Monday, will focus on the river border."),
    status_case("NegotiationRound", "Planned", "Negotiators from both countries are scheduled to meet in Quito next Tuesday."),
    status_case("NegotiationRound", "Planned", "Norway and Iceland Set to Resume Fishing Talks Next Week"),
    status_case("NegotiationRound", "Planned", "The ministry said the talks with Iceland would resume on March 12."),
    status_case("NegotiationRound", "Planned", "Talks between Norway and Iceland will open in Oslo on March 10."),
    status_case("NegotiationRound", "Planned", "Talks between Norway and Iceland have not yet begun."),
    status_case("NegotiationRound", "Planned", "A new round of talks has been scheduled for next week."),
    status_case("NegotiationRound", "Planned", "Austrian and Hungarian negotiators meet again on March 18 in Graz."),
    status_case("NegotiationRound", "Planned", "Negotiators from Austria and Hungary were due to meet again on March 18 in Graz."),
    status_case("Summit", "Planned", "A summit of the two leaders has been pencilled in for April."),
    status_case("Summit", "Planned", "The two leaders are poised to hold a summit in Graz next month."),
    status_case("NegotiationRound", "Planned", "Water-rights talks between Austria and Hungary, which are to open in Graz on March 18, will run for a week."),
    status_case("Ceasefire", "Planned", "The truce is due to come into effect at midnight on Friday."),
    status_case("NegotiationRound", "Proposed", "Ecuador would hold talks with Bolivia if the blockade ended."),
    status_case("Summit", "Proposed", "A summit of the two presidents might take place in April."),
    status_case("Meeting", "Proposed", "The two leaders may meet on the sidelines of the forum."),
    status_case("Summit", "Proposed", "A summit would only make sense if the fighting stopped."),
    status_case("NegotiationRound", "Proposed", "Spain would be willing to hold talks with Portugal if the fishing ban were lifted."),
    status_case("Summit", "Proposed", "A summit in Lisbon remains a possibility, officials said."),
    status_case("Summit", "Proposed", "Portugal is weighing a summit with Spain."),
    status_case("Summit", "Proposed", "There is talk of a summit between the two leaders in the autumn."),
    status_case("NegotiationRound", "Proposed", "Lisbon says it is ready for talks with Madrid at any time."),
    status_case("NegotiationRound", "Proposed", "Should the blockade end, talks between Spain and Portugal could resume."),
    status_case("Summit", "Proposed", "The prime minister did not rule out a summit with his Spanish counterpart."),
    status_case("Meeting", "Proposed", "The two ministers might meet on the sidelines of the NATO summit in Lisbon."),
    # a condition the parser hung on the infinitive of purpose (status._conditional)
    status_case("Meeting", "Proposed", 'After that, the envoy said, there would be a meeting of defence chiefs from the '
                                 'region, "if both sides are willing", to settle the border row.'),
    status_case("Meeting", "Planned", "After that, the envoy said, there will be a meeting of defence chiefs from the "
                                "region to settle the border row."),
    status_case("Summit", "Proposed", "The summit will take place in Accra, if the rebels agree, to seal the deal."),
]

# An event dated before the report judged in the past tense was held; a call for one to
# come is a proposal (status._judged_after, row status_judging_adjective).
JUDGED = [
    status_case("Meeting", "Occurred", "The meeting of the two ministers in January was important for both sides."),
    status_case("Summit", "Occurred", "The summit in Lome last year was historic, the minister recalled."),
    status_case("Meeting", "Proposed", "A meeting of the two ministers is essential, the envoy said."),
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
    status_case("NegotiationRound", "Ongoing", "Norway, Iceland Talks Enter Third Day in Oslo"),
    status_case("NegotiationRound", "Ongoing", "Fishing Talks Drag Into Second Week"),
    status_case("NegotiationRound", "Ongoing", "Border Talks Between Ghana and Togo Continue in Accra"),
    status_case("Ceasefire", "Rejected", "Rebels Reject Government Truce Offer"),
    status_case("NegotiationRound", "Planned", "Fishing Talks Set to Resume Next Week in Oslo"),
    status_case("NegotiationRound", "Planned", "Fishing Talks to Resume Next Week in Oslo"),
    status_case("NegotiationRound", "Planned", "Norway and Iceland Set to Resume Fishing Talks Next Week"),
]


@pytest.mark.parametrize("text, kind, status", HEADLINES)
def test_status_in_a_title_case_headline(run, text, kind, status):
    assert one(run(text), kind).status == status
