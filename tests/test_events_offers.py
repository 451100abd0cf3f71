"""Proposals told in the many ways news reports them: passives ("talks were proposed
by X"), nominalisations with their maker ("the proposal by X for a truce", "X's call
for a ceasefire"), verbs of seeking and calling on, and bare plurals ("offered talks")
that name what is proposed (docs/extending-extraction.md: a row plus a sentence).

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import one, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# The agent of a passive or of a participle proposes (proposals.py: _proposed_in_passive).
@pytest.mark.parametrize(
    ("text", "by", "kind"),
    [
        ("Talks in Lima were proposed by Colombia.", "Colombia", "NegotiationRound"),
        ("A ceasefire proposed by Ecuador took effect on Monday.", "Ecuador", "Ceasefire"),
        ("The talks suggested by Namibia would be held in Windhoek.", "Namibia", "NegotiationRound"),
    ],
)
def test_the_agent_of_a_passive_proposes(run, text, by, kind):
    p, _ = proposes(run(text), kind)
    assert by in p.proposed_by


# A proposal noun with its maker and its event proposes it, whatever verb governs it
# (proposals.py: _offer_of_maker; the 'call for' row of triggers.jsonl).
@pytest.mark.parametrize(
    ("text", "by", "kind"),
    [
        ("The proposal by Kenya for a ceasefire was discussed on Monday.", "Kenya", "Ceasefire"),
        ("Ghana's call for a ceasefire went unanswered.", "Ghana", "Ceasefire"),
        ("A plan by Chile to hold talks in Santiago was announced on Monday.", "Chile", "NegotiationRound"),
        ("The ministers agreed to a proposal by Mali to hold a summit in Bamako.", "Mali", "Summit"),
    ],
)
def test_a_proposal_noun_with_its_maker_proposes(run, text, by, kind):
    p, _ = proposes(run(text), kind)
    assert p.proposed_by[0] == by


def test_no_offer_is_no_proposal(run):
    x = run("Nobody in Accra had seen any plan by Togo for a ceasefire.")
    assert [e for e in x.events if e.kind == "Proposal"] == []


# Seeking a meeting and calling on the sides to meet propose it (triggers.jsonl: 'seek', 'call-on').
@pytest.mark.parametrize(
    ("text", "by", "kind"),
    [
        ("Finland sought a meeting with Estonia on Tuesday.", "Finland", "Meeting"),
        ("Malawi called on the two sides to hold talks in Lilongwe.", "Malawi", "NegotiationRound"),
    ],
)
def test_seeking_and_calling_on_propose(run, text, by, kind):
    p, target = proposes(run(text), kind)
    assert p.proposed_by[0] == by and target.status == "Proposed"


def test_seeking_nothing_of_the_text_is_no_proposal(run):
    x = run("Finland is seeking to lower its energy prices. Malawi called on Monday for calm.")
    assert [e for e in x.events if e.kind == "Proposal"] == []


# Bare plural talks that a word of proposing governs are the proposed talks, not talks in
# general (triggers.py: _proposed_thing; cues.jsonl: proposal_governor_dep).
@pytest.mark.parametrize(
    "text",
    [
        "Tunisia offered talks to the rebels.",
        "Peru's demand for talks was rejected.",
        "Chile urged both sides to resume talks.",
        "Sweden asked Denmark to host talks.",
    ],
)
def test_bare_talks_under_a_proposal_are_the_proposed_talks(run, text):
    p, target = proposes(run(text), "NegotiationRound")
    assert p.proposed_by and target.status in ("Proposed", "Rejected")


# A draft of a deal released or handed over is a proposal of terms; a proposal that names no
# other event of the text proposes what it is itself, as the real-news gold records it
# (proposals.py: _names_terms; records.py; cues.jsonl: delivery_verb).
def test_a_draft_of_a_deal_released_proposes_its_own_terms(run):
    x = run("Ghana put out a fresh draft of the closing deal this morning.")
    p = one(x, "Proposal")
    assert p.proposed_by == ("Ghana",) and p.proposes == p.key


def test_a_plan_alone_or_the_text_of_a_treaty_made_is_no_proposal(run):
    x = run("Kenya presented a plan. Bolivia and Paraguay published the text of a treaty initialled by their ministers.")
    assert [e for e in x.events if e.kind == "Proposal"] == []


# A peace plan or an N-point plan put forward is terms of a settlement, a proposal of its
# own; a plan for something else is not (proposals.py: _names_terms; cues.jsonl: peace_plan_word).
@pytest.mark.parametrize(
    ("text", "by"),
    [
        ("Qatar presented a peace plan on Monday.", "Qatar"),
        ("Ghana unveiled a 12-point plan to end the war.", "Ghana"),
    ],
)
def test_a_peace_plan_put_forward_is_a_proposal(run, text, by):
    p = one(run(text), "Proposal")
    assert p.proposed_by == (by,) and p.proposes == p.key


def test_seeking_in_the_present_is_an_aim_not_a_request(run):
    x = run("Finland seeks to broker a ceasefire between its neighbours.")
    assert [e for e in x.events if e.kind == "Proposal"] == []
