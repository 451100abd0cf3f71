"""Agreements and their signings told in the ways news tells them: leaders who agreed on
a day or at a place (a summit the report does not name), accords signed or initialled
told by a participle ("the accord signed last July"), signings "in the presence of" the
leaders, inking a pact, and an agreement told just after the meeting it came from
(docs/extending-extraction.md: a row plus a sentence).

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def _reached_at(x, agreement):
    (event,) = [e for e in x.events if e.key == agreement.reached_at]
    return event


# Leaders who agreed on a day or at a place met there (signings.py: _leaders_agreeing).
@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        ("The presidents of Chile and Peru agreed on Monday to a ceasefire along their border.",
         date(2026, 3, 2), None),
        ("The leaders welcomed the accord reached by Chilean President Ana Lopez and Peruvian "
         "President Juan Ruiz in Arica on 3 March.", date(2026, 3, 3), "Arica"),
    ],
)
def test_leaders_agreeing_on_a_day_met_that_day(run, text, day, place):
    x = run(text)
    s = one(x, "Summit")
    assert (s.status, s.time.earliest, s.time.latest, s.place) == ("Occurred", day, day, place)
    (a,) = x.agreements
    assert a.reached_at == s.key


def test_leaders_agreeing_at_a_meeting_told_make_no_second_meeting(run):
    x = run("The presidents of Chile and Peru met in Arica on Monday and agreed to reopen the border.")
    assert kinds(x, "Summit") == [] and len([e for e in x.events if e.kind != "Statement"]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The two presidents agreed to keep talking.",  # no day, no place
        "Officials of Chile and Peru agreed on Monday to a ceasefire along their border.",  # no leaders
        "The presidents of Chile and Peru will agree on Monday to a ceasefire.",  # still to come
    ],
)
def test_no_summit_without_leaders_agreeing_on_a_day(run, text):
    assert kinds(run(text), "Summit") == []


# An accord signed or initialled, told by a participle with its own earlier date, was
# signed at a meeting of its own (signings.py: _signer_verb, _sign_verb, _dated_before;
# cues.jsonl: signing_verb).
@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("The grain accord signed last July expires on Monday.", date(2025, 7, 1)),
        ("Signed on Friday by President Ana Lopez and President Juan Ruiz, the truce is to take "
         "effect on Sunday.", date(2026, 2, 27)),
    ],
)
def test_an_accord_signed_told_by_a_participle(run, text, earliest):
    x = run(text)
    (a,) = x.agreements
    signing = _reached_at(x, a)
    assert signing.kind in ("Meeting", "Summit") and signing.status == "Occurred"
    assert signing.time.earliest == earliest


@pytest.mark.parametrize(
    "text",
    [
        "The deal to be signed in Lima next week would end the dispute.",
        "Delegates of Chile and Peru signed an accord in Lima. The deal signed in Lima allowed trade to resume.",
    ],
)
def test_a_participle_of_signing_still_to_come_or_told_again_is_no_new_signing(run, text):
    x = run(text)
    assert len([e for e in x.events if e.kind in ("Meeting", "Summit")]) <= 1
    assert all(a.reached_at is not None for a in x.agreements)


# 'initialled in the presence of both presidents at a meeting': the meeting is a
# summit and the treaty was reached there, not proposed (triggers.py: _in_presence_of_leaders;
# cues.jsonl: agreement_made_verb).
def test_a_treaty_initialled_in_the_presence_of_leaders(run):
    x = run("The text of a treaty initialled in the presence of both presidents at a meeting in Asuncion "
            "last week has been published by Bolivia and Paraguay.")
    s = one(x, "Summit")
    assert s.place == "Asuncion" and [e for e in x.events if e.kind == "Proposal"] == []
    (a,) = x.agreements
    assert a.reached_at == s.key


def test_inking_a_pact_is_signing_it(run):
    x = run("Chile and Peru inked a trade pact in Lima on Tuesday.")
    m = one(x, "Meeting")
    (a,) = x.agreements
    assert a.reached_at == m.key and m.place == "Lima" and m.time.earliest == date(2026, 3, 3)


# An agreement told right after the dated meeting it came from was reached there, not at
# the latest meeting of the report (agreements.py: _previous_sentence_meeting).
def test_an_agreement_told_after_its_meeting(run):
    x = run("The second round of talks between Chile and Peru was held in Lima on June 2, 2025. "
            "Before that, on May 6, 2025, their delegations had met in Quito. "
            "An agreement was reached on a prisoner exchange.")
    (a,) = x.agreements
    assert _reached_at(x, a).place == "Quito"


# An agreement noun with a participle of announcing tells of an agreement reached
# (cues.jsonl: agreement_made_verb).
def test_an_accord_announced_by_someone_was_reached(run):
    x = run("The accord, announced by Prime Minister Lena Vik of Norway on May 3, cut tariffs on fish to 10 percent.")
    (a,) = x.agreements
    assert "accord" in a.label.lower()


# Leaders who struck, reached or announced a deal or framework on a day or at a place
# met there (signings.py: _outcome_of_leaders; cues.jsonl: joint_outcome_verb).
@pytest.mark.parametrize(
    ("text", "day", "place"),
    [
        ("The presidents of Chile and Peru struck a deal in Arica on Monday to reopen the border.",
         date(2026, 3, 2), "Arica"),
        ("On March 1, in Lima, Chilean President Ana Lopez and Peruvian President Juan Ruiz announced "
         "a new trade framework.", date(2026, 3, 1), "Lima"),
    ],
)
def test_leaders_striking_a_deal_on_a_day_met_that_day(run, text, day, place):
    s = one(run(text), "Summit")
    assert (s.status, s.time.earliest, s.place) == ("Occurred", day, place)


def test_countries_reaching_a_deal_imply_no_summit(run):
    assert kinds(run("Chile and Peru reached a deal on Monday."), "Summit") == []


# A signing told in a relative clause with its signatory and date, in a passive with its
# date, or with a date the parser hangs on the subject; frameworks and initiatives are
# signed too (signings.py: _signer_verb, _signing, _dated_before; cues.jsonl: signed_thing).
@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        ("President Ana Lopez said the peace agreement which she signed three years ago with the rebel "
         "leader Juan Ruiz was holding.", date(2023, 1, 1)),
        ("The Lakeside Initiative, first signed on 14 May 2021, was allowed to lapse last year.", date(2021, 5, 14)),
        ("Nurses on Tuesday signed a return-to-work agreement with the government of Ghana.", date(2026, 3, 3)),
        ("Chile and Peru signed a new trade framework in Lima on Saturday.", date(2026, 2, 28)),
    ],
)
def test_more_ways_of_telling_a_signing(run, text, earliest):
    x = run(text)
    (a,) = x.agreements
    signing = _reached_at(x, a)
    assert signing.kind in ("Meeting", "Summit") and signing.time.earliest == earliest


def test_an_accord_signed_in_a_year_without_signatories_is_background(run):
    x = run("Both capitals agreed to revive the security accord that was signed in 2001.")
    assert [e for e in x.events if e.kind in ("Meeting", "Summit")] == []


# The two parties of the talks, named together, will swap or return something for each
# other: terms they agreed at the talks (agreements.py; cues.jsonl: agreement_mutual_verb).
def test_both_parties_will_swap_prisoners_after_talks(run):
    x = run("Chile and Peru met for talks in Lima on Monday. Within days, Chile and Peru will swap "
            "300 prisoners each.")
    (a,) = x.agreements
    assert _reached_at(x, a).kind == "NegotiationRound" and set(a.parties) == {"Chile", "Peru"}


def test_both_parties_will_meet_again_is_no_agreement(run):
    x = run("Chile and Peru held talks in Lima on Monday. Chile and Peru will hold more talks in May.")
    assert x.agreements == ()


# Both sides who agreed at a place on a day met there, a meeting of the kind of the talks
# told before (a round when there are none), unless the report names one that day
# (signings.py: _leaders_agreeing, _implicit_dropped).
def test_both_sides_agreeing_at_a_place_in_a_month_met_there(run):
    x = run("Talks between President Ana Lopez and President Juan Ruiz led to Saturday's accord on the deal, "
            "to which both sides had agreed in Lima last month.")
    (s,) = [e for e in kinds(x, "Summit") if e.place == "Lima"]
    assert (s.status, s.time.earliest, s.time.latest) == ("Occurred", date(2026, 2, 1), date(2026, 2, 28))


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday both sides announced an agreement to stop firing.",  # announcing is no meeting
        "A truce in the two-year conflict has been agreed by both sides, officials said.",  # no day, no place
    ],
)
def test_sides_announcing_or_agreeing_without_a_day_met_nowhere(run, text):
    x = run(text)
    assert [e for e in x.events if e.kind in ("Meeting", "Summit", "NegotiationRound")] == []
