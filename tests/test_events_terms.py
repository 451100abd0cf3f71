"""Offers and demands of terms: a side that offers or demands pay, hours, a contract or an
extension puts forward a proposal of its own, which proposes what it is itself
(docs/extending-extraction.md: a row plus a sentence; rows terms_offer_noun, terms_verb,
terms_noun, denial_verb in ontology/lexicon/cues.jsonl, trigger row counteroffer).

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one, proposes  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def _terms(x):
    """The one Proposal of ``x``, which must propose itself."""
    p = one(x, "Proposal")
    assert p.proposes == p.key
    return p


# A verb of offering or demanding whose object is terms of a deal (rows terms_verb, terms_noun),
# wherever the parser hangs the terms after a recipient.
@pytest.mark.parametrize(
    "text, by",
    [
        ("After a week of strikes, Calder Rail offered the drivers a 32-hour week.", "Calder Rail"),
        ("Tarn Airways is offering its pilots pay rises of 14 percent over three years.", "Tarn Airways"),
    ],
)
def test_offering_terms_is_a_proposal_of_them(run, text, by):
    p = _terms(run(text))
    assert p.proposed_by == (by,)
    assert p.status == "Occurred"


# A date after the report in the terms is the terms', not the offer's.
def test_a_date_in_the_terms_offered_does_not_date_the_offer(run):
    p = _terms(run("Calder Rail offered the drivers a 32-hour week by 2029."))
    assert bounds(p) == (None, PUBLISHED)


# A noun of an offer or demand with its maker (row terms_offer_noun), whatever governs it.
@pytest.mark.parametrize(
    "text, by",
    [
        ("Negotiations broke down over the Harwick Dockers Union's demand for a 6 percent raise.",
         "Harwick Dockers Union"),
        ("Governor Mara Quist's demand that the budget be rewritten stalled the session.", "Mara Quist"),
    ],
)
def test_an_offer_or_demand_with_its_maker_is_a_proposal(run, text, by):
    assert _terms(run(text)).proposed_by == (by,)


# Who puts an offer to a vote does not make it: the possessor does.
def test_an_offer_put_to_a_vote_is_its_makers(run):
    p = _terms(run("The drivers' union refused to put Calder Rail's offer to a ballot."))
    assert p.proposed_by == ("Calder Rail",)


# A counteroffer tabled (trigger row counteroffer) is dated by its clause.
def test_a_counteroffer_tabled_is_a_dated_proposal(run):
    p = _terms(run("Sorel Energy tabled a counteroffer on Thursday."))
    assert p.proposed_by == ("Sorel Energy",)
    assert bounds(p) == (date(2026, 2, 26), date(2026, 2, 26))


# An offer of terms turned down is itself Rejected.
def test_an_offer_of_terms_turned_down_is_rejected(run):
    p = _terms(run("Calder Rail offered a new contract. The drivers' union turned down that proposal."))
    assert p.proposed_by == ("Calder Rail",)
    assert p.status == "Rejected"


# A later bare mention of a side's offer is the offer told before, not a second one.
def test_a_later_mention_of_the_offer_is_the_same_proposal(run):
    x = run("Calder Rail offered a 4 percent raise. The drivers have not yet answered Calder Rail's offer.")
    assert _terms(x).proposed_by == ("Calder Rail",)


# No proposal from a modal, a condition, a denial, or an offer of something that is no term.
@pytest.mark.parametrize(
    "text",
    [
        "Calder Rail could offer a new contract.",
        "If the drivers reject Calder Rail's offer, the strike will go on.",
        "Calder Rail denied making an offer to the drivers.",
        "Calder Rail has denied proposing a truce with the strikers.",
        "Calder Rail offered condolences to the families of the drivers.",
    ],
)
def test_no_proposal_of_terms_that_was_not_made(run, text):
    assert kinds(run(text), "Proposal") == []


# A first-person offer in a quote is the speaker's (row first_person_subject).
def test_a_quoted_offer_of_terms_is_the_speakers(run):
    p = _terms(run('"We have offered fair raises of 9 percent over three years," said Calder Rail, the national railway.'))
    assert p.proposed_by == ("Calder Rail",)


# A demanded state of things is terms; talks in a clause of time under it are its condition,
# still to come, not what is demanded (row condition_mark).
@pytest.mark.parametrize(
    "text",
    [
        "The Kivu Front demanded the army reopen the banks in the north before any talks can begin.",
        "The Kivu Front demanded that the army withdraw from the north before any talks could start.",
    ],
)
def test_a_demand_with_talks_as_its_condition_proposes_itself(run, text):
    x = run(text)
    assert _terms(x).proposed_by == ("Kivu Front",)
    assert [e.status for e in kinds(x, "NegotiationRound")] == ["Proposed"]


# An offer in a condition however the parser hangs it is not told as made.
def test_an_offer_under_a_distant_if_is_no_proposal(run):
    x = run("If the drivers vote for a second time to reject Calder Rail's offer, the strike will go on.")
    assert kinds(x, "Proposal") == []


# Who stands behind a proposal in a hyphenated modifier proposes it (row maker_participle).
@pytest.mark.parametrize(
    "text, by, kind",
    [
        ("A Kenyan-backed proposal for a truce was rejected by the rebels.", "Kenya", "Ceasefire"),
        ("The rebels rejected an Egyptian-drafted proposal for a truce.", "Egypt", "Ceasefire"),
        ("A Norway-sponsored plan for talks in Oslo was welcomed by both sides.", "Norway", "NegotiationRound"),
    ],
)
def test_the_backer_named_before_the_hyphen_proposes(run, text, by, kind):
    p, _ = proposes(run(text), kind)
    assert p.proposed_by == (by,)


# A definite possessor names again the organisation told before ('the union' after its name).
def test_the_unions_demand_is_the_named_unions(run):
    x = run("The Tanner Dockers Union walked out on Monday. Talks stalled over the union's demand for a 12 percent raise.")
    assert _terms(x).proposed_by == ("Tanner Dockers Union",)


# A plan drawn up (row drafting_verb) is a proposal when it is terms put to the other side
# (row terms_plan_word, or a peace plan); any other plan stays none.
@pytest.mark.parametrize(
    "text, by",
    [
        ("Advised by its creditors, Ecuador crafted a new debt repayment plan in line with the loan's conditions.",
         "Ecuador"),
        ("Peru devised a peace plan for the border.", "Peru"),
    ],
)
def test_a_plan_of_terms_drawn_up_is_a_proposal(run, text, by):
    assert _terms(run(text)).proposed_by == (by,)


def test_a_plan_drawn_up_for_anything_else_is_no_proposal(run):
    assert kinds(run("The finance minister prepared a plan for the new stadium."), "Proposal") == []


# A visit a leader is invited to is a summit the inviter proposes (row inviting_verb,
# triggers.py _leader_visit); pupils invited on a visit make none.
def test_a_leader_invited_for_a_visit_is_a_proposed_summit(run):
    x = run("President Ana Roble praised the talks with Iker Sola and invited the Chilean president for a return visit.")
    p, summit = proposes(x, "Summit")
    assert p.proposed_by == ("Ana Roble",)
    assert summit.status == "Proposed"


def test_others_invited_on_a_visit_make_no_summit(run):
    assert kinds(run("The school invited the pupils on a visit to the museum."), "Summit") == []


# In a report known to its month only, a proposal told as of the report's day ('today',
# row speaking_day_word) lies in that month; with a known day, on that day.
@pytest.mark.parametrize(
    "published, period, expected",
    [
        (None, "2022-11", (date(2022, 11, 1), date(2022, 11, 30))),
        (date(2022, 11, 9), None, (date(2022, 11, 9), date(2022, 11, 9))),
    ],
)
def test_a_draft_released_today_lies_in_the_reports_period(nlp, published, period, expected):
    from kg.extract import extract_many
    from kg.records import Document

    text = "Peru, which hosts the summit, today circulated a new draft of the closing text of the meeting.\n"
    doc = Document("t", "t.txt", text, "0", published=published, published_period=period)
    (x,) = list(extract_many([doc], nlp=nlp))
    p = one(x, "Proposal")
    assert p.proposed_by == ("Peru",)
    assert bounds(p) == expected


# An offer put forward proposes itself, as a plan put forward does (row terms_offer_noun).
def test_an_offer_put_forward_is_a_proposal(run):
    assert _terms(run("Sorel Energy has put forward a new pay offer.")).proposed_by == ("Sorel Energy",)


# An event verb a verb of proposing governs is the event proposed (triggers.py _event_verb),
# where its 'to' left it out: 'urged both sides to return to the negotiating table'.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Kenya urged both sides to return to the negotiating table.", "NegotiationRound"),
        ("Kenya urged the army to return the bodies of the fallen.", "RepatriationOfRemains"),
    ],
)
def test_urging_an_event_told_by_a_verb_proposes_it(run, text, kind):
    p, target = proposes(run(text), kind)
    assert p.proposed_by == ("Kenya",)
    assert target.status == "Proposed"


# Terms a side says it would take, named afresh, are terms it offers (trigger row
# ready-to-accept, rows willing_word, indefinite_det); not terms already on the table,
# and not when it is not ready.
@pytest.mark.parametrize(
    "text, by",
    [
        ("On Monday Sorel Energy told reporters it was prepared to accept a 30-day extension of its contract.",
         "Sorel Energy"),
        ("The Tanner Dockers Union is willing to accept a 3 percent raise.", "Tanner Dockers Union"),
    ],
)
def test_ready_to_accept_new_terms_offers_them(run, text, by):
    assert _terms(run(text)).proposed_by == (by,)


@pytest.mark.parametrize(
    "text",
    [
        "The Tanner Dockers Union is not willing to accept a 3 percent raise.",
        "The Tanner Dockers Union is ready to accept the extension.",
    ],
)
def test_ready_to_accept_offers_nothing_when_not_or_when_the_terms_are_anothers(run, text):
    assert kinds(run(text), "Proposal") == []


# The side that turns an offer down is not its maker: its own terms stay as made.
def test_a_side_turning_down_an_offer_does_not_reject_its_own_terms(run):
    x = run("The Tanner Dockers Union demanded a 9 percent raise. The Tanner Dockers Union rejected the offer.")
    p = _terms(x)
    assert p.proposed_by == ("Tanner Dockers Union",)
    assert p.status == "Occurred"


# An offer of terms someone accepts or turns down was made, by whoever made it; a date
# of the reaction bounds it from above only.
def test_an_offer_of_terms_accepted_was_made(run):
    p = _terms(run("Tanner port's dock workers accepted a pay offer in a vote, their union said."))
    assert p.proposed_by == ()
    assert bounds(p) == (None, PUBLISHED)


def test_an_offer_of_terms_turned_down_on_a_day_was_made_by_that_day(run):
    p = _terms(run("The drivers rejected an offer of a 4 percent raise on Friday."))
    assert p.status == "Rejected"
    assert bounds(p) == (None, date(2026, 2, 27))


@pytest.mark.parametrize(
    "text, n",
    [
        ("The drivers voted to accept an offer.", 0),  # no terms named
        ("Sorel Energy offered a 4 percent raise. The drivers voted to accept the offer.", 1),  # the one told before
    ],
)
def test_an_offer_accepted_is_no_new_proposal_without_terms_or_told_before(run, text, n):
    assert len(kinds(run(text), "Proposal")) == n


# A demand turned down by the other side (row terms_offer_noun read by the rejections).
def test_a_demand_turned_down_by_the_other_side_is_rejected(run):
    x = run("The Tanner Dockers Union demanded a 9 percent raise. Sorel Energy rejected the demand.")
    p = _terms(x)
    assert p.proposed_by == ("Tanner Dockers Union",)
    assert p.status == "Rejected"
