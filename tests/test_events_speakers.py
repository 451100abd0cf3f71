"""Statements by a second speaker, and summits and meetings told by who held them:
each phrasing is a row of ontology/lexicon/ or a rule of statements.py / triggers.py,
with a sentence of our own here.

The sentences are our own and appear in no corpus; the names are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, kinds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


def speakers(x):
    return sorted(a for e in kinds(x, "Statement") for a in e.actors[:1])


# ---------------------------------------------------------------- statements
def test_a_passive_speech_verb_is_said_by_its_agent(run):
    """The agent of a passive speech verb is the speaker ("the accord, announced by X
    on May 3", "was announced by the ministry on Monday"), dated by the verb's own date."""
    x = run("The fishing accord, announced by Peruvian President Ana Ruiz on May 3, cut tariffs on fish.")
    s = one(x, "Statement")
    assert s.actors[0] == "Ana Ruiz"
    assert bounds(s) == (date(2025, 5, 3), date(2025, 5, 3))
    x = run("On Monday the new port levy was announced by the Peruvian Foreign Ministry.")
    assert speakers(x) == ["Peruvian Foreign Ministry"]


def test_what_was_reported_by_a_body_is_its_statement(run):
    """"This was reported by the ministry": report, which otherwise needs what is reported
    as a clause, speaks with its agent."""
    x = run("Peru and Chile will sign the fishing accord on Friday. This was reported by the Peruvian Foreign Ministry.")
    assert speakers(x) == ["Peruvian Foreign Ministry"]
    assert kinds(run("No casualties were reported by the army on Monday."), "Statement") == []


def test_a_speech_verb_after_by_is_said_by_the_subject(run):
    """"X hit back by accusing Y": X speaks."""
    x = run("Chile's Foreign Ministry hit back by accusing the Peruvian side of stalling.")
    assert speakers(x) == ["Chile's Foreign Ministry"]


@pytest.mark.parametrize(
    "text",
    [
        "According to negotiator Luis Mendoza, the mediator has a clear plan for the border.",
        "The border talks on Monday went well, according to Chilean negotiator Pedro Lagos.",
    ],
)
def test_words_according_to_a_person_are_their_statement(run, text):
    x = run(text)
    s = one(x, "Statement")
    assert s.actors[0] in ("Luis Mendoza", "Pedro Lagos")


def test_according_to_a_plan_is_no_statement(run):
    assert kinds(run("According to the plan, the fleets will return to port in May."), "Statement") == []


def test_according_to_a_joint_statement_the_subjects_issued_it(run):
    """"According to a joint statement, X and Y agreed ...": X and Y's statement."""
    x = run("According to a joint statement, Peruvian President Ana Ruiz and Chilean President Tomas Vidal "
            "agreed to open talks.")
    s = one(x, "Statement")
    assert s.actors[:2] == ("Ana Ruiz", "Tomas Vidal")


def test_a_statement_its_issuer_qualifies_is_theirs_whatever_its_verb(run):
    """"An ATC statement has it that ...": a statement by the body, though "has" is no speech verb."""
    x = run("The Andean Trade Council (ATC) met on Monday. An ATC statement has it that the council backs the truce.")
    assert speakers(x) == ["Andean Trade Council"]
    assert kinds(run("The statement, however, has no word on the border."), "Statement") == []


def test_clarify_is_a_speech_verb(run):
    x = run("At the start of the fishing forum on Monday, Peruvian President Ana Ruiz clarified that the truce "
            "would be extended.")
    s = one(x, "Statement")
    assert s.actors[0] == "Ana Ruiz" and bounds(s) == (date(2026, 3, 2), date(2026, 3, 2))


def test_the_person_a_title_names_speaks_not_the_body_of_the_title(run):
    """"The Front's lead negotiator, X, said ... He added": one statement, by X (not by the
    Front, which would leave "he added" a second statement of X's)."""
    x = run("The Andean Front's lead negotiator, Pedro Lagos, said the truce would hold. "
            "He added that talks would resume.")
    assert speakers(x) == ["Pedro Lagos"]
    assert speakers(run("A spokesman for President Ana Ruiz said the truce would hold.")) == ["Ana Ruiz"]


def test_the_government_speaks_for_the_country_named_before(run):
    """"the Peruvian government ... welcoming the deal, the government said": Peru's statement;
    "the government" with no country told before names no speaker."""
    x = run("The Peruvian government and the Andean Front agreed on Monday to free 300 prisoners. "
            "In a statement welcoming the deal, the government said the prisoners would be exchanged within "
            "three weeks.")
    assert speakers(x) == ["Peru"]
    assert kinds(run("The government welcomed the agreement."), "Statement") == []


def test_he_is_the_speaker_told_just_before_not_the_last_name(run):
    """"X, the envoy of President Y, issued a statement ... he said": X goes on speaking (one
    statement), though Y is the last person named; a person who is the subject of a clause
    told since is the one who speaks ("Z questioned ... he told the council")."""
    x = run("Marta Reyes, the envoy of Peruvian President Ana Ruiz, issued a statement praising the fishing accord. "
            "\"The fleets are back at sea,\" he said.")
    assert speakers(x) == ["Marta Reyes"]
    x = run("The envoy Marta Reyes warned the council that the truce was fragile. Chile's ambassador Pedro Lagos "
            "questioned the plan. \"Let the fishermen decide,\" he told the council.")
    assert speakers(x) == ["Marta Reyes", "Pedro Lagos"]


def test_what_a_speaker_had_said_before_is_another_statement(run):
    """A past perfect with a date of its own ("the union had said last week") is an
    earlier statement than the one the article reports, not the same one told again."""
    x = run("The Tanner Union (TU) announced that its members accepted the pay offer. "
            "The TU had said last week that more money was part of the new offer.")
    found = kinds(x, "Statement")
    assert [s.actors[0] for s in found] == ["Tanner Union", "Tanner Union"], [(s.label, bounds(s)) for s in found]
    assert (date(2026, 2, 23), date(2026, 3, 1)) in [bounds(s) for s in found]


def test_an_address_to_a_body_is_a_statement_of_its_own(run):
    """"X said ... X's address to the Congress": two statements of one speaker."""
    x = run("President Ana Ruiz said on Monday that the fishing fleets would stay home. "
            "Ruiz's address to the Peruvian Congress drew long applause.")
    assert speakers(x) == ["Ana Ruiz", "Ana Ruiz"]


def test_a_body_that_issues_a_statement_speaks(run):
    """"The ministry issued a statement on Monday": a statement by the body (a person's
    interview or remarks were already one); a government's written statement too."""
    x = run("The Peruvian Foreign Ministry issued a statement on Monday welcoming the truce.")
    s = one(x, "Statement")
    assert s.actors[0] == "Peruvian Foreign Ministry" and bounds(s) == (date(2026, 3, 2), date(2026, 3, 2))
    assert speakers(run("Peru issued a statement on Monday welcoming the truce.")) == ["Peru"]


@pytest.mark.parametrize(
    "text, day",
    [
        ("The Tanner Union (TU) will present the details at a press conference on Tuesday morning.", date(2026, 3, 10)),
        ("Peruvian President Ana Ruiz will brief the Congress on the fishing truce on Friday.", date(2026, 3, 6)),
    ],
)
def test_a_statement_to_come_is_planned(run, text, day):
    s = one(run(text), "Statement")
    assert s.status == "Planned" and bounds(s) == (day, day)


def test_brief_is_a_speech_verb_but_being_briefed_is_not(run):
    x = run("Peruvian President Ana Ruiz briefed reporters on the fishing truce on Monday.")
    assert one(x, "Statement").status == "Occurred"
    assert kinds(run("Peruvian President Ana Ruiz was briefed on the fishing truce by her envoy."), "Statement") == []


# ---------------------------------------------------------------- summits and meetings
def test_one_persons_meeting_with_officials_is_a_meeting(run):
    """A minister's meeting with officials is a meeting, not a round between delegations."""
    x = run("On Monday Luis Mendoza, Peru's foreign minister, met Chilean officials in Lima for the first time "
            "in years.")
    assert one(x, "Meeting").place == "Lima"
    assert kinds(x, "NegotiationRound") == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Lima is getting ready to host the Chilean president next month.", "Summit"),
        ("\"We are getting ready to welcome President Tomas Vidal in the spring,\" Peruvian President Ana Ruiz "
         "told reporters.", "Summit"),
        ("Peruvian President Ana Ruiz received the Chilean leader in Lima on Monday.", "Summit"),
    ],
)
def test_hosting_a_leader_is_a_summit(run, text, kind):
    assert one(run(text), kind)


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian President Ana Ruiz welcomed President Tomas Vidal's decision to reopen the border.",
        "Peruvian President Ana Ruiz will host the opposition leader at her residence on Friday.",
        "The stadium will host the final next month.",
    ],
)
def test_hosting_no_leader_is_no_summit(run, text):
    assert kinds(run(text), "Summit") == []


def test_conversations_with_leaders_are_a_summit(run):
    """A conversation or call with someone ("conversations with both countries'
    leaders", "a call with the foreign minister") is a meeting; with leaders, a summit."""
    x = run("Peru and Chile settled on a fishing truce once President Ana Ruiz had held conversations "
            "with both countries' leaders last week.")
    s = one(x, "Summit")
    assert bounds(s) == (date(2026, 2, 23), date(2026, 3, 1))
    x = run("Ruiz held a call with the Chilean foreign minister, Pedro Lagos, on Monday.")
    m = one(x, "Meeting")
    assert "Pedro Lagos" in m.actors


@pytest.mark.parametrize(
    "text",
    [
        "President Nora Feld of Uruguay and President Luis Benitez of Paraguay, who held a lengthy video call "
        "about the river last month, are to sign the plan on Friday.",
        "It is up to Uruguay's president, Nora Feld, and Paraguay's president, Luis Benitez, who held a "
        "two-hour video call about the river on Sunday, to approve the plan.",
        "The heads of Peru and Chile reached a deal on fishing rights after a long meeting brokered by Brazil.",
    ],
)
def test_a_meeting_held_by_leaders_is_a_summit(run, text):
    """The meeting names none of its participants, and the subject of the verb it hangs
    on are leaders (through "who" of a relative clause): a summit."""
    x = run(text)
    assert one(x, "Summit")
    assert kinds(x, "Meeting") == []


def test_a_meeting_after_which_party_leaders_agree_is_no_summit(run):
    x = run("The party leaders agreed after a meeting that the vote would be held in May.")
    assert kinds(x, "Summit") == []


def test_talks_of_someone_parsed_as_nmod_are_not_generic():
    """"following X’s conversations with the leaders": the possessor (which the parser may
    attach as nmod with its case marker, not poss) makes the plural a told event, not a
    generic one. A parse built by hand, as the parser gives it on some real text."""
    from types import SimpleNamespace

    import spacy
    from spacy.tokens import Doc

    from kg.extract.events.lexicon import cues
    from kg.extract.events.triggers import _skip_noun

    words = ["a", "pause", "following", "Vidal", "’s", "conversations", "with", "the", "leaders"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 5, 3, 2, 5, 8, 6],
              deps=["det", "ROOT", "prep", "nmod", "case", "pobj", "prep", "det", "pobj"],
              tags=["DT", "NN", "VBG", "NNP", "POS", "NNS", "IN", "DT", "NNS"],
              pos=["DET", "NOUN", "VERB", "PROPN", "PART", "NOUN", "ADP", "DET", "NOUN"],
              lemmas=["a", "pause", "follow", "Vidal", "’s", "conversation", "with", "the", "leader"])
    ctx = SimpleNamespace(cue=cues(), tok_timex={}, tok_place={}, trig_at={}, actors_in=lambda toks, kinds=None: [])
    state = SimpleNamespace(ctx=ctx, doc=doc, trig_tokens={5})
    assert _skip_noun(state, doc[5]) is False
    bare = Doc(doc.vocab, words=["following", "conversations", "with", "the", "leaders"], heads=[0, 0, 1, 4, 2],
               deps=["ROOT", "pobj", "prep", "det", "pobj"], tags=["VBG", "NNS", "IN", "DT", "NNS"],
               pos=["VERB", "NOUN", "ADP", "DET", "NOUN"], lemmas=["follow", "conversation", "with", "the", "leader"])
    assert _skip_noun(SimpleNamespace(ctx=ctx, doc=bare, trig_tokens={1}), bare[1]) is True  # no one's: generic


def test_someones_meeting_told_about_is_an_event(run):
    """"briefed on his meeting in Y with his counterpart, X": a meeting told (its owner,
    its other side and its place are named), though it is what someone was told about; a
    bare "talked about a meeting" stays a topic."""
    x = run("Luis Mendoza, the foreign minister, briefed Peruvian President Ana Ruiz on his meeting in Arica "
            "with his Chilean counterpart, Pedro Lagos.")
    assert one(x, "Meeting").place == "Arica"
    assert kinds(run("The ministers talked about a meeting of the fishing council."), "Meeting") == []


@pytest.mark.parametrize(
    "text",
    [
        "Each foreign minister then had private consultations with Deputy Secretary Marta Reyes about the "
        "next steps.",
        "Peruvian Foreign Minister Luis Mendoza unveiled the plan once his talks with Chilean "
        "Foreign Minister Pedro Lagos were over.",
    ],
)
def test_talks_with_one_named_official_are_a_meeting(run, text):
    """Talks with one person named as such (not a delegation, a side or a leader) are a
    meeting of officials, not a round between delegations."""
    x = run(text)
    assert one(x, "Meeting")
    assert kinds(x, "NegotiationRound") == []


def test_the_talks_with_an_official_are_not_the_round_in_focus(run):
    """"Negotiators met in Arica ... clear after the talks with Foreign Minister X": X took no part
    in the round, so the definite mention is a meeting of its own (coreference)."""
    x = run("Peruvian and Chilean negotiators met in Arica on Monday. The plan became clear after the talks "
            "with Brazilian Foreign Minister Pedro Lagos, Peruvian Foreign Minister Luis Mendoza said.")
    assert one(x, "NegotiationRound").place == "Arica"
    assert "Pedro Lagos" in one(x, "Meeting").actors
