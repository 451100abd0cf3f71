"""Proposals on real-news phrasing: who put forward which plan, draft, request or
invitation, and what it proposes (docs/extending-extraction.md: a row plus a sentence).

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import assert_proposes, kinds, one, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# A draft, plan or text handed over is a proposal when it names the event it is for
# (proposals.py: plan nouns under a delivery verb, with an event in their phrase).
@pytest.mark.parametrize(
    "text",
    [
        "Norwegian envoys sent both camps a revised draft of a truce agreement.",
        "The Kenyan mediators have handed the two factions a draft for a ceasefire.",
    ],
)
def test_a_draft_handed_over_proposes_the_truce_it_is_for(run, text):
    p, truce = proposes(run(text), "Ceasefire")
    assert p.proposed_by and p.proposed_by[0] in ("Norway", "Kenya")
    assert truce.status == "Proposed"


def test_a_plan_that_names_no_event_is_still_no_proposal(run):
    assert kinds(run("The finance minister presented a plan for the budget on Friday."), "Proposal") == []


# "ask" (row asking_verb, trigger row "ask"): what its clause names is proposed.
@pytest.mark.parametrize(
    "text",
    [
        "President Ana Roble of Chile asked that the envoy arrange a three-party meeting with both mayors.",
        "Ana Roble, the Chilean president, asked the envoy to convene a meeting of the three mayors.",
    ],
)
def test_asking_for_a_meeting_proposes_it(run, text):
    assert_proposes(run(text), "Meeting", ("Ana Roble",), "Proposed")


@pytest.mark.parametrize(
    "text",
    [
        "The envoy was asked about the talks in Lima.",
        "Reporters asked the envoy whether the talks would resume in Lima.",
        "The envoy was asked to host talks in Lima.",
    ],
)
def test_asking_about_talks_proposes_nothing(run, text):
    assert kinds(run(text), "Proposal") == []


# A first-person proposal in a quote is the speaker's (row first_person_subject).
def test_a_quoted_call_is_proposed_by_the_speaker(run):
    x = run('"We urge the rebels to return to the peace talks," Foreign Minister Iker Sola told reporters.')
    p, talks = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("Iker Sola",)
    assert talks.status == "Proposed"


# An invitation to talks the text says are already scheduled leaves them Planned.
def test_an_invitation_to_scheduled_talks_leaves_them_planned(run):
    x = run("Kenya invited the two factions to peace talks, which are scheduled to open in Nairobi next month.")
    p, talks = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("Kenya",)
    assert talks.status == "Planned"


def test_an_invitation_to_talks_alone_proposes_them(run):
    _, talks = proposes(run("Kenya invited the two factions to peace talks in Nairobi."), "NegotiationRound")
    assert talks.status == "Proposed"


# An offer someone reacts to was made (proposals.py _offer_reacted_to, rows
# offer_content_prep, offer_maker_prep); turned down, what it offered is Rejected.
@pytest.mark.parametrize(
    "text, status",
    [
        ("The rebels rejected Kenya's offer of talks in Nairobi.", "Rejected"),
        ("The rebels turned down an offer of a truce from the government.", "Rejected"),
        ("The rebels welcomed Kenya's offer of talks in Nairobi.", "Proposed"),
    ],
)
def test_an_offer_reacted_to_proposes_what_it_offers(run, text, status):
    x = run(text)
    p = one(x, "Proposal")
    (target,) = [e for e in x.events if e.key == p.proposes]
    assert target.status == status
    if "Kenya" in text:
        assert p.proposed_by == ("Kenya",)


# A plan that frames a clause proposes its event (row plan_frame_prep).
def test_a_plan_framing_a_clause_proposes_its_truce(run):
    p, truce = proposes(run("Under a plan put forward by Kenya, the two sides would observe a truce for 30 days."),
                         "Ceasefire")
    assert p.proposed_by == ("Kenya",)
    assert truce.status == "Proposed"


# A demand is a proposal of what it demands (trigger row "demand").
@pytest.mark.parametrize(
    "text, kind, by",
    [
        ("Ecuador is demanding another round of negotiations, this time in Quito.", "NegotiationRound",
         ("Ecuador",)),
        ("The envoys demanded that the talks move to Quito.", "NegotiationRound", ()),
    ],
)
def test_a_demand_proposes_what_it_demands(run, text, kind, by):
    assert_proposes(run(text), kind, by, "Proposed")


# A memorandum the parser hangs on the recipient, a document with the terms of a truce
# (trigger row proposal-text, cue proposal_text_noun), and each side's own proposal of
# the same truce is its own Proposal.
def test_each_side_handing_over_terms_of_a_truce_proposes_it(run):
    x = run("Weeks earlier, Ecuador had given Colombia a text with the terms of a truce. "
            "Colombia in turn delivered to Ecuador its memorandum on the truce only at the Oslo talks.")
    props = kinds(x, "Proposal")
    assert sorted(p.proposed_by for p in props) == [("Colombia",), ("Ecuador",)]
    (truce,) = kinds(x, "Ceasefire")
    assert {p.proposes for p in props} == {truce.key}
    assert truce.status == "Proposed"


def test_a_text_handed_over_that_names_no_event_is_no_proposal(run):
    assert kinds(run("The envoys handed over a list of names to the monitors."), "Proposal") == []


# Nouns of a request (trigger row proposal-request): a demand, request or invitation
# made, accepted or turned down.
@pytest.mark.parametrize(
    "text, kind, status, by",
    [
        ("The rebels rejected the demand for a truce.", "Ceasefire", "Rejected", ()),
        ("The rebels turned down Kenya's invitation to peace talks in Nairobi.", "NegotiationRound", "Rejected",
         ("Kenya",)),
        ("The rebels accepted an invitation from Kenya to attend peace talks in Nairobi.", "NegotiationRound",
         "Proposed", ("Kenya",)),
        ("Peru made a request for a new round of talks.", "NegotiationRound", "Proposed", ("Peru",)),
    ],
)
def test_a_request_made_or_answered_proposes_its_event(run, text, kind, status, by):
    assert_proposes(run(text), kind, by, status)


def test_overtures_and_steps_proposed_in_one_sentence_are_one_proposal(run):
    x = run("President Ana Roble of Peru has made overtures to Chile since May, and has proposed steps to build trust.")
    assert one(x, "Proposal").proposed_by == ("Ana Roble",)


def test_a_department_proposes_for_its_state(run):
    x = run("The United States said on Friday that the State Department had invited both factions to peace talks in Oslo.")
    p, _ = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("State Department", "United States")


# A proposal sent in a clause joined to a dated one shares its date.
def test_proposals_sent_with_a_dated_clause_share_its_date(run):
    p = one(run("On Monday Peru finished its draft and sent its proposals to Chile."), "Proposal")
    assert p.proposed_by == ("Peru",)
    assert (str(p.time.earliest), str(p.time.latest)) == ("2026-03-02", "2026-03-02")


# Mediators proposing together: every actor joined in the subject proposes.
@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Norway proposed a three-phase truce.",
        "The mediators, Kenya and Norway, proposed a three-phase truce.",
        "Kenya and Norway put forward a plan for a 60-day truce.",
    ],
)
def test_joint_mediators_both_propose(run, text):
    p, _ = proposes(run(text), "Ceasefire")
    assert p.proposed_by == ("Kenya", "Norway")


def test_a_country_a_proposer_speaks_for_is_not_a_joint_proposer(run):
    p, _ = proposes(run("President Ana Roble of Peru proposed a truce with Chile."), "Ceasefire")
    assert p.proposed_by == ("Ana Roble",)


# A definite mention of an offer told before gives it its maker ("the Kenyan invitation").
def test_a_later_mention_of_the_invitation_names_who_made_it(run):
    x = run("Kenya said on Friday it was ready to help. The rebels accepted an invitation to attend peace talks in Nairobi. "
            "The army accepted the Kenyan invitation on Monday.")
    p, talks = proposes(x, "NegotiationRound")
    assert p.proposed_by == ("Kenya",)
    assert talks.status == "Proposed"
