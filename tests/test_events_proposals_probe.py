"""Proposals in phrasings nobody tuned for: who put forward which plan, offer, appeal or
demand, and what it proposes, when that is told by a relative clause, a modifier, the next
sentence, a joined second event or a quote (docs/extending-extraction.md: a row or a few
lines, and a sentence of our own).

The sentences are our own, with invented people, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import assert_proposes, kinds, one, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def _targets(x):
    """(proposer, class, status) of every Proposal of ``x`` and the event it proposes."""
    by_key = {e.key: e for e in x.events}
    return sorted((p.proposed_by, by_key[p.proposes].kind, by_key[p.proposes].status)
                  for p in kinds(x, "Proposal"))


# A relative clause on the plan names its maker, even where the parser calls it an acl;
# what the clause says the plan is for is what it proposes (proposal_nouns._relative_clause,
# _content_of_clause).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("The rebels rejected the plan that Oman presented for a ceasefire.", "Oman"),
        ("Moscow rejected a peace plan drawn up by Turkey for a ceasefire in the region.", "Turkey"),
    ],
)
def test_the_clause_on_a_plan_names_its_maker_and_its_truce(run, text, by):
    assert_proposes(run(text), "Ceasefire", (by,), "Rejected")


# An event told as the modifier of a proposal noun is what it proposes (_event_modifiers).
@pytest.mark.parametrize(
    "text",
    [
        "Norway's 30-day truce proposal was rejected by the rebels on Sunday.",
        "The rebels dismissed Norway's latest ceasefire proposal on Sunday.",
    ],
)
def test_a_truce_proposal_proposes_the_truce(run, text):
    assert_proposes(run(text), "Ceasefire", ("Norway",), "Rejected")


# Appeals and pleas for an event, and lobbying for one (trigger rows appeal-for-noun, lobby-for).
@pytest.mark.parametrize(
    ("text", "by", "kind"),
    [
        ("Brazil's appeal for a truce went unanswered.", "Brazil", "Ceasefire"),
        ("Ghana's plea for talks was ignored by both capitals.", "Ghana", "NegotiationRound"),
        ("Indonesia is lobbying for a summit of regional leaders in Jakarta.", "Indonesia", "Summit"),
    ],
)
def test_appeals_pleas_and_lobbying_propose(run, text, by, kind):
    assert_proposes(run(text), kind, (by,), "Proposed")


def test_a_court_appeal_is_no_proposal(run):
    assert kinds(run("Ghana lodged an appeal against the ruling on the border talks."), "Proposal") == []


# An offer being weighed was made (cue weighing_verb).
def test_an_offer_under_study_was_made(run):
    x = run("The rebels are studying an offer of a ceasefire from the Swedish government.")
    p, truce = proposes(x, "Ceasefire")
    assert p.proposed_by == ("Sweden",)
    assert truce.status == "Proposed"


# What a plan told before calls for in the next sentence, through "it" or "the plan", is
# what the plan proposes: one proposal (proposals._told_after).
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kenya unveiled a peace plan on Monday. The plan calls for a ceasefire in the border region.",
         "Ceasefire"),
        ("Poland submitted a proposal to the European Commission on Tuesday. It envisages a summit of "
         "the 27 leaders in Warsaw.", "Summit"),
    ],
)
def test_a_plan_told_again_in_the_next_sentence(run, text, kind):
    p, target = proposes(run(text), kind)
    assert p.proposed_by in (("Kenya",), ("Poland",))
    assert target.status == "Proposed"


def test_a_proposer_told_between_keeps_its_own_proposal(run):
    x = run("Kenya unveiled a peace plan on Monday. Uganda then proposed talks in Kampala.")
    assert ("Uganda",) in [p.proposed_by for p in kinds(x, "Proposal")]
    assert ("Kenya", "NegotiationRound") not in [(p.proposed_by[0], k) for p, k in
                                                 [(p, e.kind) for p in kinds(x, "Proposal")
                                                  for e in x.events if e.key == p.proposes]]


# Two events joined in what is proposed: a proposal for each, both only Proposed.
def test_a_truce_and_talks_proposed_together_are_two_proposals(run):
    x = run("Austria presented a new peace initiative on Monday. It calls for a ceasefire and talks in Vienna.")
    assert _targets(x) == [(("Austria",), "Ceasefire", "Proposed"), (("Austria",), "NegotiationRound", "Proposed")]


def test_a_roadmap_with_a_swap_and_talks(run):
    x = run("The Arvel roadmap presented by Foreign Minister Gita Solen envisages a prisoner swap and talks in Daran.")
    assert [(k, s) for _, k, s in _targets(x)] == [("NegotiationRound", "Proposed"), ("PrisonerExchange", "Proposed")]


# The clause of a proposing verb or noun tells what is proposed, not what was held.
def test_proposing_that_talks_be_held_proposes_them(run):
    p, talks = proposes(run("Spain proposed that talks be held in Madrid."), "NegotiationRound")
    assert p.proposed_by == ("Spain",)
    assert talks.status == "Proposed"


def test_a_proposal_that_talks_be_held_rejected(run):
    p, talks = proposes(run("Mexico's proposal that talks be held in Cancun was rejected by the United States."),
                        "NegotiationRound")
    assert p.proposed_by == ("Mexico",)
    assert talks.status == "Rejected"


# A quoted offer of "ours" is the speaker's (cue first_person_possessive).
def test_a_quoted_offer_of_ours_is_the_speakers(run):
    x = run('"Our offer of talks still stands," Colombian President Diego Sarmal told reporters.')
    p, talks = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("Diego Sarmal",)
    assert talks.status == "Proposed"


def test_their_offer_in_a_quote_is_not_the_speakers(run):
    x = run('"Their offer of talks is a trick," Colombian President Diego Sarmal told reporters.')
    assert all(p.proposed_by != ("Diego Sarmal",) for p in kinds(x, "Proposal"))


# Seeking talks proposes them; seeking to broker a truce is an attempt (row seek-present, cue aim_verb).
def test_seeking_talks_proposes_them(run):
    p, talks = proposes(run("Ukraine is seeking talks with Hungary on minority rights."), "NegotiationRound")
    assert p.proposed_by == ("Ukraine",)
    assert talks.status == "Proposed"


@pytest.mark.parametrize(
    "text",
    [
        "Finland sought to broker a ceasefire between its neighbours.",
        "Finland is seeking to broker a ceasefire between its neighbours.",
    ],
)
def test_seeking_to_broker_is_no_proposal(run, text):
    assert kinds(run(text), "Proposal") == []
    assert one(run(text), "Ceasefire")


# An offer made by an agent, what its clause is for, and an offer renewed (row renewing_verb).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("An offer made by Oman to host talks between the two sides was accepted by Yemen.", "Oman"),
        ("Japan renewed its offer to host talks between the two Koreas.", "Japan"),
    ],
)
def test_an_offer_made_or_renewed_proposes_its_talks(run, text, by):
    assert_proposes(run(text), "NegotiationRound", (by,), "Proposed")


# The actor before a hyphen and a participle of brokering made the proposal (row maker_participle).
def test_a_brokered_truce_proposal_is_the_brokers(run):
    p, truce = proposes(run("Israel accepted the US-brokered truce proposal on Tuesday."), "Ceasefire")
    assert p.proposed_by == ("United States",)


# What an invitation turned down is for, hung on the verb (row reacted_content_verb_prep).
def test_an_invitation_to_talks_turned_down(run):
    x = run("Belarus turned down an invitation from Poland to talks in Warsaw.")
    p, talks = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("Poland",)
    assert talks.status == "Rejected"


# The day a proposal was made is its own, not that of what it proposes (_before_report,
# _proposals_day_not_events); a month ahead stays the proposed talks' own.
@pytest.mark.parametrize(
    ("text", "made"),
    [
        ("Last month Peru offered to host talks with Chile.", (date(2026, 2, 1), date(2026, 2, 28))),
        ("Egypt on Wednesday proposed a 30-day truce in Gaza.", (PUBLISHED, PUBLISHED)),
        ("In 2024, Qatar proposed a prisoner exchange between the two sides.", (date(2024, 1, 1), date(2024, 12, 31))),
    ],
)
def test_the_day_of_a_proposal_is_not_the_proposed_events(run, text, made):
    x = run(text)
    p = one(x, "Proposal")
    (target,) = [e for e in x.events if e.key == p.proposes]
    assert (p.time.earliest, p.time.latest) == made
    assert target.status == "Proposed" and target.time is None


def test_a_month_ahead_is_the_proposed_talks_own(run):
    p, talks = proposes(run("Norway has proposed talks in Oslo in April."), "NegotiationRound")
    assert (talks.time.earliest, talks.time.latest) == (date(2026, 4, 1), date(2026, 4, 30))


# "It was proposed by X that ...": the agent proposes what the clause tells (_proposed_in_passive).
def test_it_was_proposed_by_an_agent_that(run):
    p, talks = proposes(run("It was proposed by Kenya that the talks be moved to Mombasa."), "NegotiationRound")
    assert p.proposed_by == ("Kenya",)
    assert talks.status == "Proposed"


# Probes that hold: one sentence each of many registers and negotiation kinds, with the one
# proposal a careful reader annotates (proposer, class and status of what is proposed).
@pytest.mark.parametrize(
    ("text", "by", "kind", "status"),
    [
        # wire-style leads and headlines
        ("Chile proposed a 30-day truce with the rebels on Tuesday.", "Chile", "Ceasefire", "Proposed"),
        ("Egypt proposes two-day truce in Gaza", "Egypt", "Ceasefire", "Proposed"),
        ("Pakistan calls for talks with India on water dispute", "Pakistan", "NegotiationRound", "Proposed"),
        ("Ireland offers Iceland talks on fishing dispute", "Ireland", "NegotiationRound", "Proposed"),
        # possessives, 'from' and 'by', passives
        ("A proposal from Kenya for a meeting of the border commission was welcomed by Uganda.", "Kenya",
         "Meeting", "Proposed"),
        ("A meeting between the two prime ministers was proposed by Finland last week.", "Finland", "Meeting",
         "Proposed"),
        ("Talks on the dispute were requested by Guatemala in January.", "Guatemala", "NegotiationRound", "Proposed"),
        ("Ukraine's demand for a full ceasefire was rejected by Moscow.", "Ukraine", "Ceasefire", "Rejected"),
        ("Iran's offer to resume nuclear talks was welcomed by France.", "Iran", "NegotiationRound", "Proposed"),
        ("The proposal for a prisoner swap, made by Jordan in May, was accepted on Friday.", "Jordan",
         "PrisonerExchange", "Proposed"),
        # kinds: drafts, roadmaps, ultimatums, counter-proposals, calls, invitations
        ("Envoys from Egypt handed over a draft of a ceasefire agreement to the rebel delegation.", "Egypt",
         "Ceasefire", "Proposed"),
        ("The Ecuadorian government issued an ultimatum to the rebels to accept a ceasefire by Friday.", "Ecuador",
         "Ceasefire", "Proposed"),
        ("Bolivia submitted a counter-proposal for a new round of talks on Thursday.", "Bolivia",
         "NegotiationRound", "Proposed"),
        ("Denmark floated the idea of a new round of talks in Copenhagen.", "Denmark", "NegotiationRound",
         "Proposed"),
        ("Ghana invited the president of Togo to a summit in Accra next month.", "Ghana", "Summit", "Proposed"),
        ("The Arab League called on Sudan and Chad to hold talks on the border.", "Arab League",
         "NegotiationRound", "Proposed"),
        ("Nigeria urged both sides to agree to a ceasefire.", "Nigeria", "Ceasefire", "Proposed"),
        # labour, trade, coalition, hostage, debt, border
        ("The Metalworkers Union demanded talks with the National Employers Federation on Friday.",
         "Metalworkers Union", "NegotiationRound", "Proposed"),
        ("The European Union proposed a fresh round of trade talks with Mercosur in Brasilia.", "European Union",
         "NegotiationRound", "Proposed"),
        ("Christian Democrat leader Markus Feld invited the Greens to exploratory talks on a coalition.",
         "Markus Feld", "NegotiationRound", "Proposed"),
        ("Hamas offered to exchange the remaining hostages for 500 prisoners.", "Hamas", "PrisonerExchange",
         "Proposed"),
        ("The International Monetary Fund offered Zambia a new round of talks on its debt.",
         "International Monetary Fund", "NegotiationRound", "Proposed"),
        ("Tajikistan proposed a meeting of the joint border commission in Dushanbe next month.", "Tajikistan",
         "Meeting", "Proposed"),
        # reported speech, quotes, the subject of the sentence before
        ('"We will propose a new round of talks in Geneva," Swiss Foreign Minister Lukas Brenn said on Tuesday.',
         "Lukas Brenn", "NegotiationRound", "Proposed"),
        ("Labour Minister Amal Reyes met union leaders on Monday. He later offered them talks on a new contract.",
         "Amal Reyes", "NegotiationRound", "Proposed"),
        ("Colombia proposed a ceasefire on Friday, but the rebels rejected it.", "Colombia", "Ceasefire",
         "Rejected"),
        ("Peruvian officials had earlier floated a proposal to hold the next meeting in Lima, an idea that was "
         "quickly dismissed by Chile.", "Peru", "Meeting", "Rejected"),
    ],
)
def test_probes_that_hold(run, text, by, kind, status):
    x = run(text)
    by_key = {e.key: e for e in x.events}
    found = [(p.proposed_by[:1], by_key[p.proposes].kind, by_key[p.proposes].status)
             for p in kinds(x, "Proposal") if p.proposes in by_key]
    assert ((by,), kind, status) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Whether Chile will propose talks remains unclear.",
        "If Peru proposes talks, Chile will attend.",
        "Valdoria did not propose any talks with the rebels.",
    ],
)
def test_no_proposal_where_none_was_made(run, text):
    assert kinds(run(text), "Proposal") == []


# A plan of terms with its maker, rejected or welcomed, was put forward (_offer_of_maker).
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Sudan rejected Kenya's 10-point peace plan on Monday.", "Rejected"),
        ("Both factions welcomed the Kenyan peace plan.", "Occurred"),
    ],
)
def test_a_peace_plan_reacted_to_is_its_makers_proposal(run, text, status):
    p = one(run(text), "Proposal")
    assert p.proposed_by == ("Kenya",) and p.proposes == p.key
    assert p.status == status


def test_a_plan_for_the_budget_rejected_is_no_proposal(run):
    assert kinds(run("The senate rejected Kenya's plan for the budget."), "Proposal") == []


# A bare weekday on a proposing verb in the past is the day the proposal was made, the last
# such day up to the report, not the proposed talks' next one (_weekday_of_proposing).
@pytest.mark.parametrize(
    "text",
    [
        "Kenya on Tuesday proposed talks in Nairobi.",
        "On Tuesday, Kenya proposed hosting a fresh round of talks between the two factions in Nairobi.",
    ],
)
def test_a_weekday_on_a_past_proposing_verb_dates_the_proposal(run, text):
    p, talks = proposes(run(text), "NegotiationRound")
    assert (p.time.earliest, p.time.latest) == (date(2026, 3, 3), date(2026, 3, 3))
    assert talks.time is None and talks.status == "Proposed"


def test_next_weekday_stays_the_proposed_talks(run):
    p, talks = proposes(run("Kenya proposed talks for next Tuesday."), "NegotiationRound")
    assert (talks.time.earliest, talks.time.latest) == (date(2026, 3, 10), date(2026, 3, 10))


def test_a_rejected_truce_takes_no_date_of_the_offer(run):
    x = run("Peru offered the rebels a 30-day truce on Monday. The rebels rejected Peru's offer of a truce on Tuesday.")
    p, truce = proposes(x, "Ceasefire")
    assert (p.time.earliest, p.time.latest) == (date(2026, 3, 2), date(2026, 3, 2))
    assert truce.status == "Rejected" and truce.time is None


# A resolution put forward, drafted or handed in, proposes what its clause demands; one
# adopted, or "a peaceful resolution", proposes nothing (trigger row resolution-draft).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("The French-drafted resolution demanding a truce was vetoed by Russia.", "France"),
        ("Algeria submitted a draft resolution calling for an immediate ceasefire in Gaza.", "Algeria"),
        ("A resolution drafted by Malta calls for a humanitarian truce in the north.", "Malta"),
    ],
)
def test_a_resolution_put_forward_proposes_its_truce(run, text, by):
    assert_proposes(run(text), "Ceasefire", (by,), "Proposed")


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council adopted a resolution demanding an immediate ceasefire.",
        "Both sides called for a peaceful resolution of the conflict.",
        "The resolution, adopted by 13 votes to none, demands a ceasefire.",
    ],
)
def test_a_resolution_adopted_is_no_proposal(run, text):
    assert kinds(run(text), "Proposal") == []


# Asking a side to do something with its object is a request, a proposal of its own even
# when it names no event (row request_verb); asking for calm or to "engage" is none.
@pytest.mark.parametrize(
    ("text", "by", "made"),
    [
        ("In July, President Ana Roble of Chile appealed to Peru to increase gas exports.", "Ana Roble",
         (date(2025, 7, 1), date(2025, 7, 31))),
        ("Japan urges the United States to sign the order lowering car tariffs.", "Japan", (None, PUBLISHED)),
    ],
)
def test_a_request_to_act_is_a_proposal_of_its_own(run, text, by, made):
    p = one(run(text), "Proposal")
    assert p.proposed_by == (by,) and p.proposes == p.key
    assert (p.time.earliest, p.time.latest) == made


@pytest.mark.parametrize(
    "text",
    [
        "Malawi called on Monday for calm.",
        "Ghana called on all parties to engage constructively.",
        "The envoy was asked to host a dinner in Lima.",
    ],
)
def test_no_request_without_an_act_asked(run, text):
    assert kinds(run(text), "Proposal") == []


def test_a_call_to_stop_fighting_is_no_request_of_terms(run):
    assert kinds(run("Norway urged Peru to halt the air strikes on the border towns."), "Proposal") == []
