"""Rules found by probing how current reporting tells who proposed what and which
agreements were reached or signed, each with sentences written for the test.

The probes are our own sentences in the registers of wire copy about offers, plans,
demands and deals; a rule lands here when a kind of phrasing came out wrong, and each
test holds at least one case that failed before its rule.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import assert_proposes, kinds  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline

#: The publication date of the documents ``run`` makes (a Monday).
PUBLISHED = date(2024, 6, 10)


# ---------------------------------------------------------------- the maker of an offer hung on the verb of reacting
@pytest.mark.parametrize("text, by, kind, status", [
    # the parser hangs "by"/"from" on the verb of reacting
    ("Kyiv accepted the proposal from Ankara for a prisoner exchange.", ("Turkey",), "PrisonerExchange", "Proposed"),
    ("Seoul welcomed the proposal from Beijing for a summit in Shanghai.", ("China",), "Summit", "Proposed"),
    ("The Taliban accepted a proposal by Qatar for a truce.", ("Qatar",), "Ceasefire", "Proposed"),
    # and on the noun
    ("The opposition accepted a proposal by Norway for a truce in the north.", ("Norway",), "Ceasefire", "Proposed"),
    ("Moscow rejected a proposal by Finland for a prisoner swap.", ("Finland",), "PrisonerExchange", "Rejected"),
])
def test_the_maker_of_an_offer_reacted_to_is_its_by_or_from(run, text, by, kind, status):
    assert_proposes(run(text), kind, by, status)


def test_a_passive_reaction_names_no_maker_by_its_agent(run):
    # "by Norway" tells who accepted the offer, not who made it
    x = run("A proposal for a truce in the north was accepted by Norway.")
    assert not [p for p in kinds(x, "Proposal") if p.proposed_by == ("Norway",)]


# ---------------------------------------------------------------- makers joined in the offer's 'by' or 'from'
@pytest.mark.parametrize("text, by, kind, status", [
    ("A proposal by Ghana and Nigeria calls for a summit in Accra.", ("Ghana", "Nigeria"), "Summit", "Proposed"),
    ("Bogota welcomed the proposal from Brazil and Chile for a truce with the rebels.", ("Brazil", "Chile"),
     "Ceasefire", "Proposed"),
    ("The army dismissed an offer by Kenya and Ethiopia for talks in Nairobi.", ("Kenya", "Ethiopia"),
     "NegotiationRound", "Rejected"),
    # one who backs the maker's plan made no part of it
    ("The proposal by Kenya, backed by Uganda and Rwanda, calls for a truce.", ("Kenya",), "Ceasefire", "Proposed"),
])
def test_makers_joined_in_the_by_of_an_offer_all_made_it(run, text, by, kind, status):
    assert_proposes(run(text), kind, by, status)
