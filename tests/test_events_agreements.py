"""Agreements in the phrasings of real news: signings told as a noun, agreements named
by a proper name, agreements named by the year they were reached.

Every sentence is our own, in other syntax and with other entities and dates than the
articles the kinds were first seen in; each asserts what the row or rule behind it
gives (``signing-of``, ``agreement-name`` and ``pact`` in ``triggers.jsonl``; ``presence_noun``, ``talks_subject_prep``,
``signing_noun``, ``signing_unreached_word``, ``agreement_kept_verb`` in ``cues.jsonl``; the background rule of
:mod:`kg.extract.events.agreements`).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow  # needs the trained English pipeline


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def test_the_signing_of_an_agreement_is_a_dated_meeting_where_it_is_reached(run):
    x = run("The signing of a water protocol by Zambia and Malawi in Lusaka on 3 March eased the dispute.")
    m = one(x, "Meeting")
    assert (m.status, str(m.time.earliest), str(m.time.latest)) == ("Occurred", "2026-03-03", "2026-03-03")
    (agr,) = x.agreements
    assert agr.label == "A water protocol"
    assert agr.reached_at == m.key
    assert set(agr.parties) == {"Zambia", "Malawi"}


def test_a_signing_still_ahead_reaches_no_agreement(run):
    x = run("Ahead of the signing of the Kafue Accord, Zambia and Malawi held talks in Lusaka on Monday.")
    assert x.agreements == ()
    assert one(x, "NegotiationRound").status == "Occurred"


def test_an_agreement_named_by_a_proper_name_is_reached_where_it_is_signed(run):
    x = run("Zambia and Malawi held talks in Lusaka on Monday. "
            "The Kafue Accord was signed by Zambia and Malawi in Lusaka on Tuesday.")
    (agr,) = x.agreements
    assert agr.label == "The Kafue Accord"
    signed = [e for e in x.events if e.key == agr.reached_at]
    assert [str(e.time.earliest) for e in signed] == ["2026-03-03"]


def test_a_pact_is_an_agreement(run):
    x = run("Envoys of Chile and Peru met in Arica on Monday and sealed a fisheries pact.")
    (agr,) = x.agreements
    assert agr.reached_at == one(x, "NegotiationRound").key
    assert "pact" in agr.label


def test_an_agreement_named_by_an_earlier_year_is_one_reached_then(run):
    x = run("Delegations of Sudan and Chad met in N'Djamena on Monday. "
            "Rebels rejected the 2019 peace deal, saying its terms were never honoured.")
    (agr,) = x.agreements
    assert "peace deal" in agr.label
    assert agr.reached_at is None  # not the meeting of the report


def test_an_agreement_named_by_a_later_year_is_not_one(run):
    x = run("Ministers of Chile and Peru met in Lima on Monday to discuss the 2027 fisheries pact.")
    assert x.agreements == ()
    assert one(x, "NegotiationRound").status == "Occurred"


@pytest.mark.parametrize("present, kind", [("both presidents", "Summit"), ("their deputies", "Meeting")])
def test_a_meeting_where_an_accord_is_initialled_before_the_leaders_is_a_summit(run, present, kind):
    x = run(f"In the presence of {present}, the border accord was initialled by the Ghanaian and Togolese "
            f"foreign ministers at a meeting in Accra on Monday.")
    m = one(x, kind)
    assert (m.place, str(m.time.earliest)) == ("Accra", "2026-03-02")
    assert [a.reached_at for a in x.agreements] == [m.key]


def test_terms_agreed_during_this_meeting_are_reached_at_the_meeting_that_took_place(run):
    x = run("On 4 February, negotiations were held in Ghana on the reopening of the border. "
            "At this meeting, a joint customs office in Lome was agreed by the parties.")
    r = [e for e in x.events if e.kind == "NegotiationRound" and e.status == "Occurred"]
    assert [str(e.time.earliest) for e in r] == ["2026-02-04"]
    (agr,) = x.agreements
    assert agr.reached_at == r[0].key


@pytest.mark.parametrize("who, kind", [("The leaders of Kenya and Uganda", "Summit"),
                                       ("The foreign ministers of Kenya and Uganda", "NegotiationRound")])
def test_talks_after_which_leaders_agreed_are_a_summit(run, who, kind):
    x = run(f"{who} agreed on Monday to a border truce after talks in Kampala.")
    m = one(x, kind)
    assert m.place == "Kampala"
    (agr,) = x.agreements
    assert agr.reached_at == m.key


def test_presidents_who_met_for_talks_held_a_summit(run):
    x = run("Kenyan President William Ruto and Ugandan President Yoweri Museveni met on Monday in Kampala "
            "for talks hosted by the AU chairman.")
    assert one(x, "Summit").place == "Kampala"
    assert kinds(x, "NegotiationRound") == []


def test_an_agreement_named_by_its_name_and_kept_was_reached_before_the_meeting(run):
    x = run("Delegations of Sudan and Chad met in Geneva on Monday. Both governments have implemented the Lakeside Accord.")
    (agr,) = x.agreements
    assert agr.label == "The Lakeside Accord"
    assert agr.reached_at is None and set(agr.parties) == {"Sudan", "Chad"}


def test_the_pact_told_again_is_the_same_agreement(run):
    x = run("Envoys of Chile and Peru met in Arica on Monday and sealed a fisheries pact. The pact was reached after two days.")
    (agr,) = x.agreements
    assert agr.label == "A fisheries pact" and len(agr.mentions) == 2
