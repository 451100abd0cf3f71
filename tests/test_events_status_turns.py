"""Status told by a later turn of the sentence, on phrasings of our own (issue 10,
section 3): offers and talks turned down by a verb with a particle or a rarer verb of
refusing, an offer noun the tagger reads as a verb, talks put on hold, an event first
planned or put off that then went ahead, talks continued or opened on the report's day,
met on a later day in the progressive, in talks "for weeks", and talks put off to a
later day by "pushed back to".

Every sentence is our own, with invented names and places, and appears in no corpus.
The documents are published on Wednesday 2026-03-04 (the ``run`` fixture of
conftest.py). Most cases failed before the rule they name; the others guard its bounds
(negated, only possible, resumed later, dated before the report).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import one, status_case  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


# Turned down by a verb of row status_rejecting_phrase, alone or with its particle, the
# particle read as a preposition, or an offer noun read as a verb
# (status_turns._turned_down, _offer_misread).
TURNED_DOWN = [
    status_case("NegotiationRound", "Rejected", "The dockworkers' union voted down the talks proposed by the port authority."),
    status_case("NegotiationRound", "Rejected", "The proposed talks were voted down by the union's members."),
    status_case("Summit", "Rejected", "The prime minister snubbed an invitation to a summit in Karvik."),
    status_case("Ceasefire", "Rejected", "The opposition threw out the ceasefire plan put forward by the mediators."),
    status_case("Ceasefire", "Rejected", "Parliament voted against the ceasefire deal on Tuesday."),
    status_case("Ceasefire", "Rejected", "The army shot down the rebels' proposal for a truce."),
    status_case("Ceasefire", "Rejected", "The generals brushed aside the ceasefire proposal."),
    status_case("NegotiationRound", "Rejected", "Tarsan vetoed the talks."),
    status_case("Ceasefire", "Rejected", "The rebels rejected the government's ceasefire offer."),
    status_case("Ceasefire", "Rejected", "The rebels dismissed the government's ceasefire offer as a stunt."),
    status_case("Ceasefire", "Proposed", "The rebels welcomed the government's ceasefire offer."),
    status_case("Ceasefire", "Proposed", "The rebels are studying the government's ceasefire offer."),
    # a verb of coming to the talks refused (row status_joining_verb)
    status_case("NegotiationRound", "Rejected", "Tarsan refused to sit down for talks with Velmora."),
    # not turned down: negated or only possible
    status_case("Ceasefire", "Proposed", "The generals did not brush aside the ceasefire proposal."),
    status_case("Ceasefire", "Proposed", "The generals might throw out the ceasefire proposal."),
]

# Put on hold (status_turns._on_hold, row status_on_hold_noun): halted, as suspended talks.
ON_HOLD = [
    status_case("NegotiationRound", "Cancelled", "The talks have been put on hold."),
    status_case("NegotiationRound", "Cancelled", "Velmora has put the talks with Tarsan on ice."),
    status_case("Summit", "Cancelled", "The summit remains on hold."),
]

# An event with a clause of its own whose main clause tells what became of it
# (status_turns._went_ahead).
WENT_AHEAD = [
    status_case("NegotiationRound", "Occurred", "The talks that had been scheduled for Monday went ahead as planned."),
    status_case("Summit", "Occurred", "The summit, which had been postponed twice, finally took place in Karvik on Monday."),
    status_case("NegotiationRound", "Occurred", "The talks, which had been expected to last a day, ran until Tuesday night."),
    status_case("Meeting", "Occurred", "The meeting, which had been postponed twice, went ahead on Monday."),
    status_case("Meeting", "Planned", "The meeting, which had been postponed twice, will take place on Friday."),
    status_case("NegotiationRound", "Ongoing", "The coalition talks, which had been stalled for weeks, are now under way again."),
]

# Tense and day: talks continued or opened on the report's day, met in the progressive on
# a later day, in talks "for weeks", put off "back to" a later day (status.py).
TENSE = [
    status_case("NegotiationRound", "Ongoing", "Negotiators resumed on Monday and will continue their talks on Thursday."),
    status_case("NegotiationRound", "Ongoing", "Velmora and Tarsan will continue talks on Thursday."),
    status_case("NegotiationRound", "Planned", "Velmora and Tarsan will resume talks on Thursday."),
    status_case("NegotiationRound", "Planned", "Velmora and Tarsan agreed to continue talks next month."),
    status_case("NegotiationRound", "Ongoing", "Velmora and Tarsan kicked off a new round of trade talks in Karvik on Wednesday."),
    status_case("NegotiationRound", "Ongoing", "Velmora and Tarsan opened talks in Karvik on Wednesday."),
    status_case("NegotiationRound", "Occurred", "Velmora and Tarsan opened talks in Karvik on Monday."),
    status_case("Meeting", "Planned", "The ministers are meeting in Karvik next Tuesday."),
    status_case("Summit", "Planned", "The summit opens in Karvik on March 20."),
    status_case("NegotiationRound", "Ongoing", "The union and the carmaker have been in talks for weeks."),
    status_case("NegotiationRound", "Planned", "The talks have been pushed back to March 20."),
]


# Still to come: what preparations are for, told in the present (status_turns._prepared_for,
# row status_preparation_noun); a start that is expected (status_clause._since_its_start);
# a gerund of meeting under a future verb (status_turns._gerund_under).
TO_COME = [
    status_case("Summit", "Planned", "Preparations for the summit in Karvik are in full swing."),
    status_case("NegotiationRound", "Planned", "The resumption of talks is expected on March 10."),
    status_case("Meeting", "Planned", '"We will prepare for the talks tomorrow by meeting the mediators first," the envoy said.'),
    status_case("Meeting", "Proposed", "The envoy could prepare for the talks by meeting the mediators first."),
    status_case("Meeting", "Planned", "We will be preparing for the talks tomorrow morning by meeting the mediators "
                                "and then meeting with the rebels."),
    status_case("Ceasefire", "Planned", "Velmora and Tarsan announced on Tuesday a ceasefire that will take effect on Saturday."),
    status_case("NegotiationRound", "Proposed", "Whether the talks will resume remains unclear."),
    status_case("Summit", "Proposed", "Officials are unsure whether the summit will go ahead."),
    status_case("Ceasefire", "Planned", "The army said a ceasefire would begin at noon on Thursday."),
    status_case("Ceasefire", "Proposed", "The truce would begin only if the hostages were freed."),
    status_case("NegotiationRound", "Ongoing", "Talks have resumed in Karvik after a two-week break."),
    status_case("NegotiationRound", "Occurred", "Talks between Velmora and Tarsan were ongoing in 2019 when the war broke out."),
    status_case("NegotiationRound", "Ongoing", "Talks between Velmora and Tarsan were ongoing, a spokesman said."),
]

# Terms still sought or near (rows status_goal_word, status_reach_noun; status_turns._within_reach).
SOUGHT = [
    status_case("Ceasefire", "Proposed", "The search for a ceasefire continues."),
    status_case("Ceasefire", "Proposed", "Velmora made a fresh bid for a ceasefire."),
    status_case("Ceasefire", "Proposed", "A ceasefire is within reach, the mediator said."),
]

# Plans dropped (status_turns._plans_dropped, row cancelled), an offer not accepted
# (_not_accepted), an event a later one follows (_followed, row status_following_verb).
DROPPED_OR_DONE = [
    status_case("Summit", "Cancelled", "Plans for a summit in Karvik were abandoned."),
    status_case("Summit", "Cancelled", "Velmora has scrapped plans for a summit with Tarsan."),
    status_case("Summit", "Proposed", "Velmora has not scrapped plans for a summit with Tarsan."),
    status_case("Summit", "Cancelled", "The two leaders' summit has been axed."),
    status_case("Ceasefire", "Rejected", "Tarsan said it would not accept a ceasefire."),
    status_case("Ceasefire", "Rejected", "The rebels did not accept the government's offer of a truce."),
    status_case("Ceasefire", "Proposed", "The rebels have not yet accepted the government's offer of a truce."),
    status_case("Meeting", "Occurred", "The envoys' arrival follows a meeting with President Tomas Arlen at the palace in Karvik, "
                                 "where Arlen urged the team to seek a breakthrough in the talks."),
]


# Put forward: a that-clause in the subjunctive after a verb of asking (status_turns._mandated,
# row status_mandating_verb), on the table (row status_offered_noun), asked for by a verb and
# its preposition (_asked_for, row status_urging_phrase); an invitation turned down in the
# next sentence (row rejected_object_noun of the proposals stage).
PUT_FORWARD = [
    status_case("Summit", "Proposed", "Velmora's president suggested that a summit be held in Karvik."),
    status_case("NegotiationRound", "Proposed", "The opposition demanded that the talks resume at once."),
    status_case("NegotiationRound", "Proposed", "Tarsan insisted that the talks take place in a neutral country."),
    status_case("NegotiationRound", "Planned", "Tarsan said that the talks will take place in a neutral country."),
    status_case("Ceasefire", "Proposed", "A ceasefire is on the table."),
    status_case("NegotiationRound", "Proposed", "Direct talks are on offer, the envoy said."),
    status_case("NegotiationRound", "Proposed", "Tarsan insisted on direct talks with Velmora."),
    status_case("Meeting", "Proposed", "The union is lobbying for a meeting with the health minister."),
    status_case("Summit", "Rejected", "Velmora invited Tarsan's leader to a summit. The invitation was declined."),
    # sought in place of what is dropped (status_turns._favoured, row status_favour_noun)
    status_case("NegotiationRound", "Proposed", "Velmora wants to scrap the old fishing regime in favour of annual "
                                          "negotiations with Tarsan."),
    # a headline's "as talks begin" read as "as" with an object (status_turns._begin_after_as)
    status_case("NegotiationRound", "Ongoing", "Mediators announce fishing deal as Velmora-Tarsan talks begin"),
    # judged with "would be" (status_turns._would_be)
    status_case("Summit", "Proposed", '"A summit would be welcome," the minister said.'),
    status_case("Summit", "Proposed", "A summit would be premature, the minister said."),
    status_case("Summit", "Planned", "The summit would be held in May, the minister said."),
    # hedged by an adjective of likelihood (status_turns._likely, row status_likelihood_adjective)
    status_case("Summit", "Proposed", "A summit is likely to be held in the spring, diplomats said."),
    status_case("Summit", "Proposed", "A summit is unlikely to be held this year."),
    # not the talks a past clause of their own tells were held: the hedge is on what comes next
    status_case("NegotiationRound", "Occurred", "The negotiations, which broke down last week, are not likely to restart before May."),
    status_case("NegotiationRound", "Proposed", "Talks that were due to open on Friday are unlikely to go ahead."),
    status_case("Summit", "Planned", "A summit is expected to be held in the spring."),
    # agreed only under a modal (status_turns._maybe_agreed, row status_can_word)
    status_case("Ceasefire", "Proposed", "Diplomats said a truce might be agreed within days."),
    status_case("Ceasefire", "Proposed", "The mediators hope a truce can be agreed by Friday."),
]

# Held now or dropped: the present progressive passive of holding talks (status_turns._being_held,
# row status_meeting_day_verb), back in talks (row status_in_talks_word), the owner of a noun of
# dropping or refusing (status_turns._owned_drop).
HELD_OR_DROPPED = [
    status_case("NegotiationRound", "Ongoing", "Indirect nuclear talks between Velmora and Tarsan are being held in Karvik."),
    status_case("NegotiationRound", "Planned", "Indirect nuclear talks between Velmora and Tarsan are being held in Karvik "
                                         "next week."),
    status_case("NegotiationRound", "Ongoing", "The talks are being conducted behind closed doors."),
    status_case("NegotiationRound", "Ongoing", "Nurses and hospital managers from Velmora are back in talks this week."),
    status_case("NegotiationRound", "Cancelled", "The talks' postponement was announced on Tuesday."),
    status_case("Summit", "Cancelled", "The summit's cancellation came as a surprise."),
    status_case("NegotiationRound", "Planned", "The talks' postponement to March 20 was announced on Tuesday."),
    status_case("Ceasefire", "Rejected", "The ceasefire's rejection by the rebels came as no surprise."),
    # in full swing, told "so far" (status_turns._in_swing, _so_far; rows status_going_noun,
    # status_so_far_phrase)
    status_case("NegotiationRound", "Ongoing", "Talks are now in full swing in Karvik."),
    status_case("NegotiationRound", "Occurred", "The talks were in full swing when the shelling began in 2019."),
    status_case("NegotiationRound", "Ongoing", "The talks have made little progress so far."),
    status_case("NegotiationRound", "Ongoing", "The talks have yielded no agreement to date."),
    status_case("NegotiationRound", "Occurred", "The talks made little progress."),
]

# Parts and days: talks "in their final stretch" (row status_phase_noun), a phase word the
# parser hung on the verb, the day of an "as" clause told by its main clause, a phrase of
# "before" in a past sentence dated before the report (status.py, status_turns._over_before).
PARTS_AND_DAYS = [
    status_case("NegotiationRound", "Ongoing", "Border talks enter second day"),
    status_case("NegotiationRound", "Ongoing", "The negotiations, now in their final stretch, are expected to conclude on Friday."),
    status_case("NegotiationRound", "Occurred", "As the talks continued in Karvik on Monday, protesters gathered outside."),
    status_case("NegotiationRound", "Ongoing", "As the talks continued in Karvik on Wednesday, protesters gathered outside."),
    status_case("Meeting", "Occurred", "Before the meeting with his Tarsani counterpart on Monday, the minister visited the border."),
    status_case("Meeting", "Planned", "Before the meeting with his Tarsani counterpart on Friday, the minister will visit the border."),
]


@pytest.mark.parametrize("text, kind, status", PUT_FORWARD + PARTS_AND_DAYS + HELD_OR_DROPPED)
def test_status_of_what_is_put_forward_and_when(run, text, kind, status):
    assert one(run(text), kind).status == status


@pytest.mark.parametrize("text, kind, status", TURNED_DOWN + ON_HOLD + WENT_AHEAD + TENSE + TO_COME
                         + DROPPED_OR_DONE + SOUGHT)
def test_status_of_the_event(run, text, kind, status):
    assert one(run(text), kind).status == status
