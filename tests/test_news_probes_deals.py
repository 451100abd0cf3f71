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


# ---------------------------------------------------------------- a text sent out whose participle proposes
@pytest.mark.parametrize("text, by, kind", [
    ("Chile sent a letter to the rebel commander proposing a truce over the holidays.", ("Chile",), "Ceasefire"),
    ("India released a policy paper calling for talks between the two Koreas.", ("India",), "NegotiationRound"),
    ("The African Union published a document calling for a summit on the crisis.", ("African Union",), "Summit"),
    ("Norway wrote a note to both governments offering a meeting in Oslo.", ("Norway",), "Meeting"),
])
def test_the_sender_of_a_text_proposes_what_its_participle_asks_for(run, text, by, kind):
    assert_proposes(run(text), kind, by, "Proposed")


def test_a_text_sent_on_a_day_proposes_on_that_day_and_one_to_be_sent_is_planned(run):
    p, _ = assert_proposes(run("Peru and Chile sent a letter on Friday proposing a summit in Lima."), "Summit",
                           ("Peru", "Chile"), "Proposed")
    assert (str(p.time.earliest), str(p.time.latest)) == ("2024-06-07", "2024-06-07")
    p, _ = assert_proposes(run("Ecuador will send a message to Bogota proposing talks in Quito."), "NegotiationRound",
                           ("Ecuador",), "Proposed")
    assert p.status == "Planned"


@pytest.mark.parametrize("text", [
    "Venezuela received a letter from the mediators proposing talks in Barbados.",
    "The Security Council passed a resolution calling for a truce in Darfur.",  # a resolution adopted
])
def test_one_who_receives_or_adopts_the_text_proposes_nothing(run, text):
    assert not [p for p in kinds(run(text), "Proposal") if p.proposed_by]


# ---------------------------------------------------------------- "penned a deal": a signing, as "inked" is
@pytest.mark.parametrize("text, place, day", [
    ("Qatar and Rwanda penned an aviation agreement in Kigali on Thursday.", "Kigali", "2024-06-06"),
    ("The pact, penned in Astana on Tuesday, sets up a customs union.", "Astana", "2024-06-04"),
])
def test_penning_a_deal_is_its_signing(run, text, place, day):
    x = run(text)
    (m,) = kinds(x, "Meeting")
    assert (m.place, str(m.time.earliest), str(m.time.latest)) == (place, day, day)
    (a,) = x.agreements
    assert a.reached_at == m.key


def test_penning_a_text_is_no_signing_but_may_propose(run):
    x = run("Senator Mark Kelly penned a letter to Beijing on Monday urging talks on trade.")
    assert kinds(x, "Meeting") == [] and x.agreements == ()
    x = run("Iceland penned a letter calling for a summit of the Arctic states.")
    assert_proposes(x, "Summit", ("Iceland",), "Proposed")


# ---------------------------------------------------------------- the setting of a signing is no part of what was agreed
@pytest.mark.parametrize("text, label", [
    ("Chile and Peru signed a border treaty in Lima on Friday.", "A border treaty"),
    ("Kenya and Somalia initialled a maritime accord at the State House in Nairobi on Monday.", "A maritime accord"),
    # a place that is not where it was reached stays
    ("Norway and Sweden signed an agreement on fishing in the Barents Sea on Friday.",
     "An agreement on fishing in the Barents Sea"),
    # and so does a place told with the participle of reaching
    ("Both sides praised the accord reached in Doha.", "The accord reached in Doha"),
])
def test_the_place_where_an_agreement_was_reached_leaves_its_label(run, text, label):
    assert [a.label for a in run(text).agreements] == [label]


# ---------------------------------------------------------------- a signing to come is a planned meeting of the signatories
@pytest.mark.parametrize("text, place, days, actors", [
    ("Serbia and Kosovo will sign the accord on Thursday.", None, ("2024-06-13", "2024-06-13"), ("Serbia", "Kosovo")),
    ("Egypt and Sudan are expected to sign the water treaty in Khartoum next week.", "Khartoum",
     ("2024-06-17", "2024-06-23"), ("Egypt", "Sudan")),
    ("The border pact is expected to be signed in Tbilisi on Saturday.", "Tbilisi", ("2024-06-15", "2024-06-15"), ()),
])
def test_a_signing_to_come_is_a_planned_meeting_and_no_agreement_yet(run, text, place, days, actors):
    x = run(text)
    (m,) = kinds(x, "Meeting")
    assert (m.status, m.place, str(m.time.earliest), str(m.time.latest)) == ("Planned", place) + days
    assert m.actors == actors
    assert x.agreements == ()


@pytest.mark.parametrize("text", [
    "Kenya refused to sign the accord in Nairobi on Friday.",
    "Delegates hope to sign the deal in Geneva next week.",
    "Georgia and Armenia failed to sign the pact in Yerevan on Friday.",
    "Peru would sign the treaty in Lima on Monday if Chile dropped its demands.",
])
def test_a_signing_refused_hoped_for_or_hypothetical_is_no_meeting(run, text):
    assert kinds(run(text), "Meeting") == []


# ---------------------------------------------------------------- an offer of a meeting accepted is a plan, not terms
@pytest.mark.parametrize("text", [
    "Caracas accepted an offer from Brazil to host talks with the opposition.",
    "Kyiv accepted Ankara's offer to host a new round of talks in Istanbul.",
    "The rebels accepted an offer of talks from Norway.",
])
def test_an_accepted_offer_of_a_meeting_is_no_agreement(run, text):
    assert run(text).agreements == ()


def test_an_accepted_offer_of_terms_stays_an_agreement(run):
    assert [a.label for a in run("The dockers accepted the wage offer on Friday.").agreements] == ["The wage offer"]


# ---------------------------------------------------------------- more verbs of arriving at a deal
@pytest.mark.parametrize("text, day", [
    ("Ghana and Togo thrashed out a border deal on Wednesday.", "2024-06-05"),
    ("Chile and Bolivia nailed down a water agreement on Thursday.", "2024-06-06"),
    ("Japan and Vietnam forged a defence pact on Friday.", "2024-06-07"),
    ("Peru and Ecuador landed a trade deal on Saturday.", "2024-06-08"),
    ("Mali and Niger secured an accord on the border on Sunday.", "2024-06-09"),
])
def test_a_deal_thrashed_out_forged_or_landed_on_a_day_was_reached_at_talks_that_day(run, text, day):
    x = run(text)
    (r,) = kinds(x, "NegotiationRound")
    assert (str(r.time.earliest), str(r.time.latest)) == (day, day)
    (a,) = x.agreements
    assert a.reached_at == r.key and len(a.parties) == 2


@pytest.mark.parametrize("text", [
    "Mediators are trying to nail down a deal this week.",
    "The two countries forged close ties in the 1990s.",
])
def test_a_deal_sought_or_ties_forged_are_no_agreement(run, text):
    assert run(text).agreements == ()


# ---------------------------------------------------------------- a signing told by a participle joined to another
@pytest.mark.parametrize("text, place, days", [
    ("The truce, mediated by Oman and signed in Muscat on Thursday, took effect on Friday.", "Muscat",
     ("2024-06-06", "2024-06-06")),
    ("The accord, drafted by Sweden and signed in Stockholm in May, expires next year.", "Stockholm",
     ("2024-05-01", "2024-05-31")),
])
def test_a_signing_participle_joined_to_another_is_a_signing(run, text, place, days):
    (m,) = kinds(run(text), "Meeting")
    assert (m.status, m.place, str(m.time.earliest), str(m.time.latest)) == ("Occurred", place) + days


def test_a_joined_participle_that_is_no_signing_makes_no_meeting(run):
    assert kinds(run("The pact, drafted by Chile and approved by Peru in May, sets up a commission."), "Meeting") == []


# ---------------------------------------------------------------- "mooted": proposing, as "floated" is
@pytest.mark.parametrize("text, by, kind", [
    ("Nairobi mooted a summit of the regional leaders in Mombasa.", ("Kenya",), "Summit"),
    ("Senegal mooted a truce along the border on Friday.", ("Senegal",), "Ceasefire"),
])
def test_mooting_an_event_proposes_it(run, text, by, kind):
    assert_proposes(run(text), kind, by, "Proposed")


def test_a_moot_point_proposes_nothing(run):
    assert kinds(run("Whether the talks resume is a moot point, Kenya said."), "Proposal") == []


# ---------------------------------------------------------------- those invited or urged to an event take part in it
@pytest.mark.parametrize("text, kind, actors", [
    ("Sweden invited Serbia and Kosovo to talks in Stockholm.", "NegotiationRound", {"Serbia", "Kosovo"}),
    ("Egypt urged Ethiopia and Sudan to hold talks in Cairo.", "NegotiationRound", {"Ethiopia", "Sudan"}),
])
def test_those_invited_or_urged_to_an_event_take_part_in_it(run, text, kind, actors):
    p, e = assert_proposes(run(text), kind, (text.split()[0],), "Proposed")
    assert actors <= set(e.actors), e.actors
