"""Offers, bids, drafts and appeals, the offers turned down, and the agreements signed,
issued or adopted, as news reports them (docs/extending-extraction.md: a row plus a
sentence): a tender offer launched, a takeover bid, a draft agreement drawn up by one
side, an appeal to agree to a truce; an offer rejected by a relative clause or through
a pronoun; a declaration issued and an agreement adopted at talks; a signing in a
subordinate passive dated by its year and place, a signing told before its subject,
and the signing of an agreement named with its parties.

The sentences are our own, with invented situations, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def _proposal(x):
    p = one(x, "Proposal")
    return p, next(e for e in x.events if e.key == p.proposes)


# An offer of terms launched, bid or drawn up is a proposal of its maker (rows delivery_verb
# 'launch', terms_offer_noun 'bid', proposing_verb 'draft', draft_word).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("Chile launched a hostile tender offer for the Peruvian miner last month.", "Chile"),
        ("Kenya prepared a draft agreement on water sharing and sent it to Uganda on Tuesday.", "Kenya"),
        ("The Ghanaian government drafted a deal on cocoa exports and is awaiting Togo's reply.", "Ghana"),
        ("Britain handed a draft of the fisheries agreement to Norway on Monday.", "United Kingdom"),
    ],
)
def test_an_offer_launched_or_drawn_up_is_its_makers(run, text, by):
    x = run(text)
    p, target = _proposal(x)
    assert p.proposed_by == (by,)
    assert target is p  # terms offered: the proposal proposes itself
    assert p.status == "Occurred"
    assert x.agreements == ()  # a draft is no agreement reached


def test_a_tender_offer_is_dated_by_its_clause(run):
    p, _ = _proposal(run("Chile launched a hostile tender offer for the Peruvian miner last month."))
    assert bounds(p) == (date(2026, 2, 1), date(2026, 2, 28))


def test_a_takeover_bid_turned_down_is_rejected(run):
    p, _ = _proposal(run("Peru's board rejected a takeover bid by Chile's state miner in January."))
    assert p.proposed_by == ("Chile",)
    assert p.status == "Rejected"


def test_a_bid_to_do_something_is_no_offer(run):
    assert kinds(run("Chile launched a bid to host the Andean games."), "Proposal") == []
    assert kinds(run("The rebels ended the talks in a bid to win more concessions."), "Proposal") == []


def test_a_draft_signed_is_an_agreement_not_a_proposal(run):
    x = run("Ghana and Togo signed a draft agreement on Monday.")
    assert kinds(x, "Proposal") == []
    (a,) = x.agreements
    assert set(a.parties) == {"Ghana", "Togo"}


def test_a_draft_to_be_sent_by_an_agent_is_planned(run):
    p, _ = _proposal(run("A new draft of the trade deal will be sent to Brussels by Britain in the coming days."))
    assert p.proposed_by == ("United Kingdom",)
    assert p.status == "Planned"


def test_a_draft_of_no_agreement_is_no_proposal(run):
    assert kinds(run("Peru released a draft of the new constitution on Monday."), "Proposal") == []


# 'appealed to X to accept a truce' proposes the truce (trigger row appeal-to).
def test_an_appeal_to_accept_a_truce_proposes_it(run):
    p, truce = _proposal(run("The Nigerian president appealed to the rebels to accept a truce."))
    assert truce.kind == "Ceasefire" and truce.status == "Proposed"
    assert p.proposed_by == ("Nigeria",)


# An offer or demand turned down in a relative clause or through a pronoun is Rejected
# (proposals.py: _rejections; row rejected_pronoun).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("Ghana offered a 12 percent raise to the teachers' union, which rejected it on Friday.", "Ghana"),
        ("Norvik Steel made its initial bid in January, but it was rebuffed.", "Norvik Steel"),
        ("The Royal College of Nursing is demanding a 15 percent pay rise, a demand the health ministry "
         "has rejected.", "Royal College of Nursing"),
    ],
)
def test_an_offer_turned_down_in_a_clause_is_rejected(run, text, by):
    p, _ = _proposal(run(text))
    assert p.proposed_by == (by,)
    assert p.status == "Rejected"


def test_an_offer_not_turned_down_stays_occurred(run):
    p, _ = _proposal(run("Norvik Steel made its initial bid in January."))
    assert p.status == "Occurred"
    assert bounds(p) == (date(2026, 1, 1), date(2026, 1, 31))


# A declaration issued, an agreement adopted, an accord hammered out: reached
# (rows agreement_reached_verb and agreement_made_verb).
def test_a_declaration_issued_at_talks_was_reached_there(run):
    x = run("A joint declaration was issued by Armenia and Georgia at the end of the talks in Tbilisi on Monday.")
    talks = one(x, "NegotiationRound")
    (a,) = x.agreements
    assert a.reached_at == talks.key
    assert set(a.parties) == {"Armenia", "Georgia"}


def test_a_final_agreement_adopted_at_a_summit_was_reached_there(run):
    x = run("A final agreement was adopted by Egypt and the delegates at the close of the summit in Cairo.")
    (a,) = x.agreements
    assert a.reached_at == one(x, "Summit").key


def test_an_accord_hammered_out_is_an_agreement(run):
    (a,) = run("The accord hammered out in Doha last week was hailed by Washington.").agreements
    assert "accord" in a.label.lower()


# Signings (signings.py, agreements.py).
def test_a_signing_in_a_clause_dated_by_year_and_place(run):
    x = run("It took a truce deal, signed in Accra in 1994, to end the fighting and bring in monitors.")
    m = one(x, "Meeting")
    assert bounds(m) == (date(1994, 1, 1), date(1994, 12, 31)) and m.place == "Accra"
    (a,) = x.agreements
    assert a.reached_at == m.key


def test_a_treaty_signed_at_a_place_in_a_year(run):
    x = run("The treaty between Peru and Ecuador, signed in Brasilia in 1998, ended the dispute.")
    m = one(x, "Meeting")
    assert bounds(m) == (date(1998, 1, 1), date(1998, 12, 31))
    (a,) = x.agreements
    assert a.reached_at == m.key and set(a.parties) == {"Peru", "Ecuador"}


def test_a_year_alone_is_still_background(run):
    x = run("The accord that was signed in 1994 still holds.")
    assert kinds(x, "Meeting") == []


def test_a_signing_told_before_its_subject(run):
    x = run("Since it was signed in Arusha on March 2, the accord has held.")
    m = one(x, "Meeting")
    assert bounds(m) == (date(2026, 3, 2), date(2026, 3, 2)) and m.place == "Arusha"
    (a,) = x.agreements
    assert a.reached_at == m.key


def test_the_signing_of_an_accord_named_with_its_parties(run):
    x = run("The signing of the accord between Chad and Niger in January ended years of talks.")
    m = one(x, "Meeting")
    (a,) = x.agreements
    assert a.reached_at == m.key and set(a.parties) == {"Chad", "Niger"}


def test_the_signing_of_the_accord_told_before_reaches_nothing_new(run):
    x = run("Chad and Niger signed an accord in Niamey on Monday. The signing of the accord was welcomed.")
    assert len(x.agreements) == 1


def test_the_text_of_an_agreement_reached_is_no_proposal(run):
    x = run("The full text of the trade agreement that Chile and Peru initialled in January went online on Monday.")
    assert kinds(x, "Proposal") == []


# A participle after a dated verb in the past shares its date (terms.py: _shared_clause_time).
@pytest.mark.parametrize(
    ("text", "day", "kind"),
    [
        ("Last Friday, the Malian president phoned the two rebel leaders, urging them to agree to a truce.",
         date(2026, 2, 27), "Ceasefire"),
        ("On Monday Qatar wrote to both delegations, proposing a new round of talks in Doha.",
         date(2026, 3, 2), "NegotiationRound"),
        ("Norway hosted the envoys in Oslo on Tuesday, offering to mediate a prisoner exchange.",
         date(2026, 3, 3), "PrisonerExchange"),
    ],
)
def test_a_participle_proposes_on_the_day_of_its_verb(run, text, day, kind):
    p, target = _proposal(run(text))
    assert bounds(p) == (day, day)
    assert target.kind == kind and target.status == "Proposed"


def test_a_participle_after_an_undated_verb_has_no_day(run):
    p, _ = _proposal(run("The Kenyan foreign minister flew to Mogadishu, urging a ceasefire before the elections."))
    assert bounds(p) == (None, PUBLISHED)


# One side's offer told by a noun and again by a verb is one proposal (proposals.py: _proposals_once).
def test_one_offer_told_by_noun_and_by_verb_is_one_proposal(run):
    x = run("Kenya's proposal for talks in Nairobi was welcomed by both sides. Kenya had proposed the talks last week.")
    p, talks = _proposal(x)
    assert p.proposed_by == ("Kenya",)
    assert talks.kind == "NegotiationRound" and talks.status == "Proposed"
    assert len(p.mentions) >= 2


def test_two_sides_proposing_one_truce_stay_two_proposals(run):
    x = run("Kenya proposed a truce in the border war. Uganda also proposed a truce, to begin on Monday.")
    assert {p.proposed_by[0] for p in kinds(x, "Proposal")} >= {"Kenya", "Uganda"}


# Demands and offers of terms in the present, and deals offered (trigger row seek, rows
# terms_verb, offered_deal_noun).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("The Philippine Nurses Association is seeking a 25 percent raise from the health department.",
         "Philippine Nurses Association"),
        ("Armenia says it has offered Azerbaijan a non-aggression pact.", "Armenia"),
    ],
)
def test_terms_sought_or_a_pact_offered_are_a_proposal(run, text, by):
    p, target = _proposal(run(text))
    assert p.proposed_by == (by,) and target is p


def test_seeking_an_end_is_no_proposal(run):
    assert kinds(run("Police in Lagos are seeking the two men seen near the port."), "Proposal") == []


# 'pressed China for a summit' (trigger row press-someone-for): a proposal, made by the
# report's day, of a summit bounded by the date the phrase gives.
def test_pressing_someone_for_a_summit_proposes_it(run):
    x = run("Japan pressed China for a summit of the two leaders before the end of the year.")
    p, summit = _proposal(x)
    assert p.proposed_by == ("Japan",) and summit.kind == "Summit" and summit.status == "Proposed"
    assert bounds(p) == (None, PUBLISHED)
    assert bounds(summit) == (None, date(2026, 12, 31))


def test_seeking_to_do_something_is_an_attempt_not_a_proposal(run):
    assert kinds(run("President Petro seeks to broker a truce between the two factions."), "Proposal") == []


def test_an_accord_inked_at_a_place_on_a_day_is_a_signing(run):
    x = run("The ceasefire agreement, inked in Geneva on 23 October, still holds.")
    m = one(x, "Meeting")
    assert bounds(m) == (date(2025, 10, 23), date(2025, 10, 23)) and m.place == "Geneva"
    (a,) = x.agreements
    assert a.reached_at == m.key


# A proposal noun whose relative clause tells who put it forward, and when
# (proposals.py: _proposed_by_agent); one proposal, not one for the noun and one for the verb.
@pytest.mark.parametrize(
    ("text", "by", "status", "when", "kind"),
    [
        ("The proposal, which Norway presented on Friday, foresees a prisoner exchange in May.",
         "Norway", "Occurred", (date(2026, 2, 27), date(2026, 2, 27)), "PrisonerExchange"),
        ("The proposal that Qatar submitted on Monday calls for a 42-day truce.",
         "Qatar", "Occurred", (date(2026, 3, 2), date(2026, 3, 2)), "Ceasefire"),
        ("The plan that Kenya will present next week includes talks in Nairobi.",
         "Kenya", "Planned", (date(2026, 3, 9), date(2026, 3, 15)), "NegotiationRound"),
    ],
)
def test_a_proposal_put_forward_in_its_relative_clause(run, text, by, status, when, kind):
    p, target = _proposal(run(text))
    assert p.proposed_by == (by,) and p.status == status and bounds(p) == when
    assert target.kind == kind and target.status == "Proposed"


def test_an_offer_made_in_a_relative_clause_and_turned_down(run):
    p, target = _proposal(run("The offer which Peru made on Friday was rejected by Ecuador."))
    assert p.proposed_by == ("Peru",) and p.status == "Rejected" and target is p


# A plan to be handed over for someone's approval is a proposal of its own, by the side the
# sentence before names (row approval_noun; terms.py: _for_approval, _maker_told_before).
def test_a_plan_submitted_for_endorsement_is_planned(run):
    x = run("Mali's junta has drawn up a transition timetable with the mediators. "
            "The plan will be submitted to ECOWAS for endorsement next month.")
    p, target = _proposal(x)
    assert p.proposed_by == ("Mali",) and target is p
    assert p.status == "Planned" and bounds(p) == (date(2026, 4, 1), date(2026, 4, 30))


def test_a_plan_with_no_maker_told_before_is_no_proposal(run):
    x = run("The opposition met in Accra on Friday. The plan will be presented to parliament for approval next week.")
    assert kinds(x, "Proposal") == []


def test_a_plan_sent_for_no_approval_stays_no_proposal(run):
    x = run("Guinea's military rulers unveiled a roadmap on Monday. The plan will be sent to the African Union.")
    assert kinds(x, "Proposal") == []


# The maker of an initiative, invitation or request that brought an event about proposed it
# (rows occasion_noun, occasion_prep; proposals.py: _occasion_of); the event stays as told.
@pytest.mark.parametrize(
    ("text", "by", "kind"),
    [
        ("The talks in Doha were held at the initiative of Qatar.", "Qatar", "NegotiationRound"),
        ("At Norway's invitation, the delegations met in Oslo on Tuesday.", "Norway", "NegotiationRound"),
        ("The talks in Nairobi, a Kenyan initiative, opened on Monday.", "Kenya", "NegotiationRound"),
        ("The summit was convened at the request of Egypt.", "Egypt", "Summit"),
    ],
)
def test_an_event_held_at_someones_initiative_was_proposed_by_them(run, text, by, kind):
    p, target = _proposal(run(text))
    assert p.proposed_by == (by,)
    assert target.kind == kind and target.status == "Occurred"


def test_an_initiative_of_no_event_proposes_nothing_here(run):
    assert kinds(run("At the initiative of Qatar, the ministers discussed the weather."), "Proposal") == []


# Offers voted down, or turned down in a clause on the offer's phrase (row rejecting_vote_verb).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("Pelcorp's offer of a 6 percent raise was voted down by the drivers on Sunday.", "Pelcorp"),
        ("The drivers voted down Pelcorp's offer of a 6 percent raise.", "Pelcorp"),
        ("Peru made an offer of a tariff cut, which Ecuador turned down.", "Peru"),
    ],
)
def test_an_offer_voted_or_turned_down_is_rejected(run, text, by):
    p, _ = _proposal(run(text))
    assert p.proposed_by == (by,) and p.status == "Rejected"


def test_an_offer_voted_on_is_not_rejected(run):
    p, _ = _proposal(run("The drivers voted on Pelcorp's offer of a 6 percent raise on Sunday."))
    assert p.status == "Occurred"


def test_a_takeover_bid_made_is_an_offer(run):
    p, target = _proposal(run("Olvex Corp made a bid of 4 billion dollars for its rival Tarnet."))
    assert p.proposed_by == ("Olvex Corp",) and target is p and p.status == "Occurred"
