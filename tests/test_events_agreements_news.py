"""Agreements in more phrasings of real news: who the parties are when the phrase
names them, deals that were "closed", "come to" or are "in place", a new agreement
that was reached, the meeting told after the agreement, and a signing on a weekday
in a report known only to its month.

Every sentence is our own, in other syntax and with other entities and dates than
the articles the kinds were first seen in; each asserts what the row or rule behind
it gives (``agreement_party_prep``, ``agreement_new_word``, ``agreement_in_force_word``
and ``close`` in ``agreement_reached_verb`` in ``cues.jsonl``; the parties, "come to"
and told-after rules of :mod:`kg.extract.events.agreements`; the weekday rule of
:mod:`kg.extract.events.signings`).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# ---------------------------------------------------------------- parties the phrase names
def test_the_subject_of_the_agreeing_names_its_parties_not_the_talks_of_the_report(run):
    x = run("Talks between Chile and Peru resumed in Lima on Monday. "
            "Separately, Bolivia and Paraguay agreed to reopen a border crossing on the Pilcomayo river.")
    (agr,) = x.agreements
    assert agr.label == "Reopen a border crossing on the Pilcomayo river"
    assert set(agr.parties) == {"Bolivia", "Paraguay"}


def test_a_new_agreement_reached_between_three_parties(run):
    x = run("Fishery officials said a new sardine accord had been reached between Portugal, Spain and Morocco.")
    (agr,) = x.agreements
    assert set(agr.parties) == {"Portugal", "Spain", "Morocco"}


def test_a_new_deal_still_sought_is_no_agreement(run):
    x = run("Lisbon and Madrid are seeking a new deal on water from the Tagus.")
    assert x.agreements == ()


def test_a_pact_closed_with_another_party(run):
    x = run("Estonia closed a transit pact with Latvia after a week of bargaining.")
    (agr,) = x.agreements
    assert agr.label.startswith("A transit pact")
    assert set(agr.parties) == {"Estonia", "Latvia"}


# ---------------------------------------------------------------- more ways to say it was reached
def test_coming_to_an_agreement_at_talks(run):
    x = run("After four days of talks in Vienna, the two delegations came to an agreement on grain exports.")
    talks = one(x, "NegotiationRound")
    (agr,) = x.agreements
    assert agr.label == "An agreement on grain exports"
    assert agr.reached_at == talks.key


def test_a_late_deal_is_not_one_come_to(run):
    x = run("Officials in Vienna said the deal would come too late for the harvest.")
    assert x.agreements == ()


def test_an_agreement_the_parties_have_in_place(run):
    x = run("The two shipping firms, after months of negotiations in Oslo, have a merger agreement in place at last.")
    talks = one(x, "NegotiationRound")
    (agr,) = x.agreements
    assert agr.label.startswith("A merger agreement")
    assert agr.reached_at == talks.key


def test_an_agreement_they_do_not_have_in_place_is_no_agreement(run):
    x = run("The two shipping firms still do not have a merger agreement in place.")
    assert x.agreements == ()


# ---------------------------------------------------------------- the meeting it was reached at
def test_no_meeting_told_before_the_first_told_after_where_its_parties_met(run):
    x = run("Bolivia and Paraguay reached an accord on river transport. "
            "Their foreign ministers had held talks in Asuncion, according to officials. "
            "On Friday a Bolivian envoy met Chilean officials in Santiago.")
    talks = [e for e in x.events if e.place == "Asuncion"]
    assert len(talks) == 1, [(e.kind, e.place) for e in x.events]
    (agr,) = x.agreements
    assert agr.reached_at == talks[0].key


# ---------------------------------------------------------------- signings
def test_a_signing_on_a_weekday_in_a_report_known_to_its_month(nlp):
    from kg.extract import extract_many
    from kg.records import Document

    text = "Nurses of the Ruvuma clinics on Tuesday signed a back-to-work agreement with the health ministry."
    doc = Document("t", "t.txt", text, "0", published=None, published_period="2026-02")
    (x,) = list(extract_many([doc], nlp=nlp))
    m = one(x, "Meeting")
    assert m.status == "Occurred"
    assert m.time is not None and m.time.latest == date(2026, 2, 28)
    assert m.time.earliest is None or m.time.earliest >= date(2026, 2, 1)
    assert [a.reached_at for a in x.agreements] == [m.key]
    assert kinds(x, "NegotiationRound") == []


# ---------------------------------------------------------------- what concluded talks were for, offers accepted
def test_talks_completed_to_agree_on_a_text_agreed_it_there(run):
    x = run("Mali and Niger completed the talks in Niamey to agree on a shared customs code.")
    talks = one(x, "NegotiationRound")
    (agr,) = x.agreements
    assert agr.label == "A shared customs code"
    assert agr.reached_at == talks.key


def test_talks_still_to_complete_agree_nothing(run):
    x = run("Mali and Niger will complete the talks in Niamey to agree on a shared customs code.")
    assert x.agreements == ()


def test_an_offer_voted_through_is_an_agreement(run):
    x = run("Teachers of the Lusaka schools union voted on Monday to accept a pay offer from the ministry.")
    (agr,) = x.agreements
    assert agr.label.startswith("A pay offer")


@pytest.mark.parametrize("text", [
    "The Lusaka teachers refused to accept the pay offer.",
    "If the teachers accept the offer, the strike ends.",
    "The teachers may accept the pay offer next week.",
    "The teachers might sign the deal.",
])
def test_an_offer_or_deal_refused_or_only_possible_is_no_agreement(run, text):
    assert run(text).agreements == ()


# ---------------------------------------------------------------- "the agreement came after <talks>"
def test_the_agreement_came_after_talks_where_it_was_reached(run):
    x = run("Talks between Ghana and Togo opened in Accra on Monday. Ghana and Togo agreed on a new border "
            "demarcation. The agreement came after a two-day session of talks in Lome.")
    lome = [e for e in x.events if e.place == "Lome"]
    assert len(lome) == 1, [(e.kind, e.place) for e in x.events]
    (agr,) = x.agreements
    assert agr.label == "A new border demarcation"
    assert agr.reached_at == lome[0].key


def test_a_deal_still_to_come_after_talks_moves_nothing(run):
    x = run("Talks between Ghana and Togo opened in Accra on Monday. Ghana and Togo agreed on a new border "
            "demarcation. A final deal would come after talks in Lome next month.")
    accra = [e for e in x.events if e.place == "Accra"]
    assert [a.reached_at for a in x.agreements] == [accra[0].key]


# ---------------------------------------------------------------- leaders who agreed, with no day or place
def test_two_leaders_who_agreed_met_though_no_day_is_given(run):
    x = run("President Moreno of Ecuador and President Castillo of Peru have agreed to open talks on a river treaty. "
            "In a joint statement, President Moreno and President Castillo agreed to open talks on a river treaty "
            "within three months.")
    s = one(x, "Summit")  # one meeting, told twice
    assert s.status == "Occurred"
    assert one(x, "NegotiationRound").status != "Occurred"  # the talks they agreed to open are not where
    assert x.agreements and all(a.reached_at == s.key for a in x.agreements)


def test_leaders_who_agreed_at_a_meeting_the_report_names_imply_no_other(run):
    x = run("President Moreno of Ecuador and President Castillo of Peru met in Quito on Monday. "
            "President Moreno and President Castillo agreed to open talks on a river treaty.")
    s = one(x, "Summit")
    assert s.place == "Quito"
    assert [a.reached_at for a in x.agreements] == [s.key]


# ---------------------------------------------------------------- two sides who came to an agreement on a day
def test_two_sides_who_came_to_an_agreement_on_a_day_met_that_day(run):
    x = run("Talks between the growers and the millers resumed in Cali on Monday. "
            "The growers and the millers came to an agreement on cane prices on Tuesday.")
    rounds = sorted(kinds(x, "NegotiationRound"), key=lambda e: e.time.earliest)
    assert [str(e.time.earliest) for e in rounds] == ["2026-03-02", "2026-03-03"]
    (agr,) = x.agreements
    assert agr.label == "An agreement on cane prices"
    assert agr.reached_at == rounds[1].key


def test_two_sides_who_agreed_on_a_day_of_talks_told_make_no_other_meeting(run):
    x = run("Talks between the growers and the millers took place in Cali this week. "
            "The growers and the millers came to an agreement on cane prices on Tuesday.")
    talks = one(x, "NegotiationRound")
    assert [a.reached_at for a in x.agreements] == [talks.key]


# ---------------------------------------------------------------- denials
@pytest.mark.parametrize("text", [
    "Officials denied that a deal had been struck with Peru.",
    "The ministry denied having agreed to a truce with Peru.",
    "Officials in Lima rejected reports that Chile had signed the pact.",
])
def test_an_agreement_denied_is_no_agreement(run, text):
    assert run(text).agreements == ()


def test_an_agreement_confirmed_is_one(run):
    assert [a.label for a in run("Officials confirmed that a deal had been struck with Peru.").agreements] == ["A deal"]


# ---------------------------------------------------------------- accords approved or ratified, labour contracts
@pytest.mark.parametrize("text, label", [
    ("Ghana's creditors approved the debt restructuring accord on Monday.", "The debt restructuring accord"),
    ("Parliament ratified the accord with Togo on Thursday.", "The accord with Togo"),
    ("The union and the carmaker reached a tentative labour contract on Sunday.", "A tentative labour contract"),
])
def test_accords_approved_or_ratified_and_labour_contracts_are_agreements(run, text, label):
    assert [a.label for a in run(text).agreements] == [label]


@pytest.mark.parametrize("text", [
    "Parliament is expected to ratify the accord with Togo.",
    "The senate has yet to ratify the treaty.",
    "Deputies did not approve the accord.",
    "Lawmakers may approve the deal next week.",
    "The club signed a contract with the striker.",
])
def test_ratifications_to_come_or_refused_and_other_contracts_are_not(run, text):
    assert run(text).agreements == ()


# ---------------------------------------------------------------- "X was agreed"
def test_a_truce_that_was_agreed_is_an_agreement_of_those_who_agreed_it(run):
    x = run("A three-day truce was agreed on Monday by Sudan and Chad.")
    (agr,) = x.agreements
    assert agr.label == "A three-day truce"
    assert set(agr.parties) == {"Sudan", "Chad"}


def test_a_truce_that_was_not_agreed_is_none(run):
    assert run("No truce was agreed by Sudan and Chad on Monday.").agreements == ()


# ---------------------------------------------------------------- deals announced, finalised, talks that ended in one
@pytest.mark.parametrize("text, label", [
    ("The two companies announced a merger agreement on Monday.", "A merger agreement"),
    ("The two firms completed a merger deal.", "A merger deal"),
    ("The talks in Oslo ended in an agreement on fishing quotas.", "An agreement on fishing quotas"),
])
def test_deals_announced_completed_or_that_talks_ended_in(run, text, label):
    assert [a.label for a in run(text).agreements] == [label]


def test_talks_that_ended_in_an_agreement_reached_it(run):
    x = run("Three days of talks in Rome culminated in a deal on grain exports.")
    talks = one(x, "NegotiationRound")
    assert [a.reached_at for a in x.agreements] == [talks.key]


@pytest.mark.parametrize("text", [
    "The government ended the agreement with Peru.",
    "Chile announced it would seek a deal with Peru.",
    "Chile will announce a deal with Peru on Monday.",
    "The talks ended without an agreement.",
])
def test_an_agreement_ended_sought_or_still_to_announce_is_not_reached(run, text):
    assert run(text).agreements == ()


def test_an_agreement_announced_on_a_day_implies_no_meeting_that_day(run):
    x = run("Army chiefs of Chile and Peru held talks in Arica on Monday. "
            "An agreement to halt patrols had been announced by both sides on Saturday.")
    talks = one(x, "NegotiationRound")
    assert talks.place == "Arica"


# ---------------------------------------------------------------- mediators; the meeting told after that ended last
def test_those_who_brokered_a_deal_are_not_its_parties(run):
    x = run("Envoys of Chile and Peru held talks in Quito on Monday. "
            "Ecuador and Brazil brokered the fishing agreement last year.")
    assert [set(a.parties) for a in x.agreements] == [{"Chile", "Peru"}]


def test_with_no_meeting_told_before_the_one_told_after_that_ended_last(run):
    x = run("Chile and Peru agreed on a shared customs code. "
            "Talks between them in Lima in May had failed. The talks finally resumed in Quito in October.")
    quito = [e for e in x.events if e.place == "Quito"]
    assert len(quito) == 1, [(e.kind, e.place) for e in x.events]
    assert [a.reached_at for a in x.agreements] == [quito[0].key]
