"""Triggers and statements on real-news phrasing: events told in words the first
trigger rows did not know, and their class.

The sentences are our own, with invented names, and appear in no corpus
(published on Wednesday 2026-03-04).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# ---------------------------------------------------------------- statements told with other verbs
# triggers.jsonl row say-judge; statements.py _speech_verb, row judging_speech_verb
@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The Halvor Pilots Union accused Nordair of stalling on Monday.", "Halvor Pilots Union"),
        ("The Halvor Pilots Union walked out on Monday, accusing Nordair of bad faith.", "Halvor Pilots Union"),
        ("The Green League labelled the accord a betrayal on Tuesday.", "Green League"),
        ("Dr. Ilse Varga, the chair of the Halvor Pilots Union, remarked on Monday that the offer fell short.",
         "Ilse Varga"),
    ],
)
def test_judging_and_remarking_verbs_are_statements(run, text, speaker):
    s = one(run(text), "Statement")
    assert speaker in s.actors


def test_a_judging_verb_without_its_object_is_no_statement(run):
    x = run("Praised by the Green League, the accord was ratified on Tuesday in Kestrel.")
    assert kinds(x, "Statement") == []


# statements.py _speech_noun / _speech_verb, row no_comment_head
@pytest.mark.parametrize(
    "text",
    [
        "A spokesman for the Halvor Pilots Union, Pavel Ostrowski, was not available for comment on Monday.",
        "Pavel Ostrowski, a spokesman for Nordair, declined to comment on Monday.",
    ],
)
def test_no_comment_is_no_statement(run, text):
    assert kinds(run(text), "Statement") == []


# ---------------------------------------------------------------- talks not named "talks"
# triggers.jsonl rows back-to-table, wrangling
@pytest.mark.parametrize(
    "text",
    [
        "The Halvor Pilots Union and Nordair went back to the negotiating table on Monday with a state mediator.",
        "After weeks of wrangling between Nordair and the Halvor Pilots Union, a deal emerged in Oslo on Friday.",
    ],
)
def test_talks_not_named_talks_are_a_round(run, text):
    assert kinds(run(text), "NegotiationRound")


# triggers.py _ordinal: numbered sessions and meetings are rounds of the talks
@pytest.mark.parametrize(
    "text, n",
    [
        ("The two negotiating panels held their 14th meeting in Quito on Friday.", 14),
        ("The accord came out of the thirty-second round of border talks, held in Kestrel on Monday.", 32),
    ],
)
def test_a_numbered_meeting_is_a_round(run, text, n):
    e = one(run(text), "NegotiationRound")
    assert e.round == n


def test_a_spelled_out_ordinal_is_not_read_as_its_last_word(run):
    x = run("The accord came out of the twenty-first round of border talks, held in Kestrel on Monday.")
    assert [e.round for e in kinds(x, "NegotiationRound")] == [21]


# ---------------------------------------------------------------- visits and contacts at a distance
# triggers.jsonl row contact-v, cue contact_verb; triggers.py _event_verb
def test_leaders_phoning_each_other_make_a_summit(run):
    e = one(run("President Oksana Belova of Valdoria phoned President Tomas Rehn of Meresh on Tuesday."), "Summit")
    assert {"Oksana Belova", "Tomas Rehn"} <= set(e.actors)


def test_a_commander_contacting_his_counterpart_is_a_meeting(run):
    x = run("General Aurel Matei contacted his Mereshi counterpart over the military hotline on Tuesday.")
    assert one(x, "Meeting").status == "Occurred"


def test_a_contact_verb_without_the_other_side_is_no_event(run):
    x = run("General Aurel Matei could not be contacted on Tuesday.")
    assert kinds(x, "Meeting") == [] and kinds(x, "Summit") == []


# statements.py _speech_verb: a conversation of leaders, or a call to a leader
@pytest.mark.parametrize(
    "text",
    [
        "President Oksana Belova spoke with the leaders of both countries on Tuesday.",
        "Prime Minister Ana Sorel called President Tomas Rehn on Tuesday.",
    ],
)
def test_a_leaders_conversation_is_a_summit_not_a_statement(run, text):
    x = run(text)
    assert one(x, "Summit").status == "Occurred"
    assert kinds(x, "Statement") == []


# statements.py _speaker, _named_before: a definite noun that names a speaker again
def test_the_union_announced_after_its_name_is_the_union(run):
    x = run("Most dockers in Brisport belong to the Tanner Union. On Monday the union announced that its members "
            "had backed the new contract in a vote.")
    assert one(x, "Statement").actors[0] == "Tanner Union"


def test_a_definite_noun_naming_nobody_before_is_no_speaker(run):
    x = run("On Monday the union announced that dockers had backed the new contract in a vote.")
    assert kinds(x, "Statement") == []


def test_the_statement_added_is_the_statement_told_before(run):
    x = run("The Valdorian Green League said on Monday that it would join the coalition. The party will hold "
            "two ministries, the statement added.")
    s = one(x, "Statement")
    assert any(m.text == "the statement added" for m in s.mentions)


# ---------------------------------------------------------------- class: leaders of one country or of parties
# triggers.py _talks_of_leaders, _domestic_leaders, row domestic_leader_modifier
@pytest.mark.parametrize(
    "text",
    [
        "The party leaders of the three coalition partners held talks in Lima on Monday.",
        "The Chilean leaders broke off their talks without a deal just before midnight, ten hours after they began.",
    ],
)
def test_talks_of_party_or_national_leaders_are_no_summit(run, text):
    x = run(text)
    assert kinds(x, "Summit") == [] and kinds(x, "NegotiationRound")


def test_talks_of_the_leaders_of_two_countries_stay_a_summit(run):
    assert kinds(run("The leaders of Chile and Peru held talks in Lima on Monday."), "Summit")


# ---------------------------------------------------------------- false statements
# statements.py _speaker, row rank_and_file_noun
def test_workers_of_a_company_do_not_speak_for_it(run):
    assert kinds(run("Unionized workers of Nordair Co. said Monday they will strike."), "Statement") == []


def test_officials_of_a_body_speak_for_it(run):
    s = one(run("Officials of the Halvor Pilots Union said Monday they will strike."), "Statement")
    assert s.actors[0] == "Halvor Pilots Union"


# statements.py _relayed, row relay_title
def test_a_spokesman_relaying_an_appeal_is_not_its_speaker(run):
    x = run("Secretary-General Ines Morava urged all parties to choose dialogue, UN spokesman Tomas Ekdal said on Monday.")
    assert one(x, "Statement").actors[0] == "Ines Morava"


def test_a_leader_reporting_another_stays_the_speaker(run):
    x = run("President Ana Sorel said on Monday that Tomas Rehn had rejected the plan.")
    assert one(x, "Statement").actors[0] == "Ana Sorel"


# ---------------------------------------------------------------- visits and meetings of leaders named by rank
# triggers.py _event_verb, _leader_by_rank, row leader_rank_noun
@pytest.mark.parametrize(
    "text",
    [
        "President Oksana Belova met the Chilean president in Santiago on Thursday.",
        "President Oksana Belova met her Chilean counterpart in Santiago on Thursday.",
    ],
)
def test_a_leader_meeting_a_leader_named_by_rank_is_a_summit(run, text):
    assert one(run(text), "Summit").status == "Occurred"


# triggers.jsonl rows leader-visit, leader-visit-v; triggers.py _leader_visit, _leader_visits, row visit_noun
@pytest.mark.parametrize(
    "text",
    [
        "The thaw began when President Oksana Belova visited Santiago in February.",
        "The accord was first discussed during President Oksana Belova's trip to Santiago in February.",
        "The visit of President Oksana Belova to Santiago in February opened the way to the accord.",
    ],
)
def test_a_leaders_visit_is_a_summit(run, text):
    assert kinds(run(text), "Summit")


@pytest.mark.parametrize(
    "text",
    [
        "The thaw began when the inspectors visited Santiago in February.",
        "The inspectors' trip to Santiago in February was cut short.",
    ],
)
def test_a_visit_of_others_is_no_event(run, text):
    assert run(text).events == ()


# triggers.py _leaders, _one_persons: one envoy's talks are his meetings, not a round
@pytest.mark.parametrize(
    "text",
    [
        "The envoy Marek Vlasic described his talks in Lima and Quito over the past week as useful.",
        "Envoy Marek Vlasic held consultations in Lima on Monday.",
    ],
)
def test_one_envoys_talks_are_a_meeting(run, text):
    x = run(text)
    assert kinds(x, "NegotiationRound") == [] and kinds(x, "Meeting")


# ---------------------------------------------------------------- a follow-up meeting of parties; an address as a noun
# triggers.py _event_verb: two bodies that agree to meet again meet as parties to talks
def test_two_parties_meeting_again_make_a_round(run):
    x = run("The Kestrel Dockers Union and the Brisport Port Authority agreed to meet again in May after ten days "
            "of bargaining.")
    assert kinds(x, "Meeting") == [] and one(x, "NegotiationRound").status == "Planned"


# statements.py _address_to, rows address_audience, address_body
@pytest.mark.parametrize(
    "text",
    [
        "The message of President Oksana Belova in her speech to the national assembly on Monday was that the war is over.",
        "President Oksana Belova flew to Lima on Monday. Her message in her address to the senate that afternoon "
        "was that the war is over.",
    ],
)
def test_an_address_to_a_body_told_as_a_noun_is_a_statement(run, text):
    s = one(run(text), "Statement")
    assert s.actors[0] == "Oksana Belova"


# ---------------------------------------------------------------- talks named only as a way or a role
# triggers.py _skip_noun, row route_noun; row delegation
@pytest.mark.parametrize(
    "text",
    [
        "With the accord, the two parties are back on the path of formal negotiations.",
        "Ana Sorel has quit as Peru's chief negotiator in its talks with Chile.",
    ],
)
def test_talks_named_as_a_way_or_a_role_are_no_event(run, text):
    assert kinds(run(text), "NegotiationRound") == []


def test_a_negotiator_in_talks_held_somewhere_keeps_the_talks(run):
    x = run("The delegations met again. A negotiator in the talks in Lima on Monday said progress was slow.")
    assert any(e.place == "Lima" or "Lima" in e.label for e in kinds(x, "NegotiationRound"))
