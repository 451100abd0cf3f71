"""The phrasing knowledge the event stages read: lexicon files and fixed tables.

Cue words come from ``ontology/lexicon/cues.jsonl``, ordinals from
``ordinals.jsonl``, trigger entries from ``triggers.jsonl``.
"""

from __future__ import annotations

from functools import lru_cache
import re


#: Longer documents are resolved in windows of this many characters (whole sentences).
WINDOW_CHARS = 20_000


MEETING_FAMILY = {"NegotiationRound", "Meeting", "Summit"}


STATUS_RANK = {"Cancelled": 6, "Rejected": 5, "Occurred": 4, "Planned": 3, "Ongoing": 2, "Proposed": 1}


CAMEO = {"NegotiationRound": "046", "Meeting": "040", "Summit": "046", "Proposal": "036",
         "Statement": "010", "PrisonerExchange": "0841", "RepatriationOfRemains": "0841",
         "Ceasefire": "0871"}


_ORD_WORDS = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
              "Ninth", "Tenth", "Eleventh", "Twelfth"]


_DEFINITE = {"the", "that", "this", "those", "these", "such", "its", "their", "his", "her", "our"}


_ANAPHORIC_DAY = re.compile(r"\b(that|the same|this)\s+(day|evening|morning|afternoon|night)\b", re.I)


_DELIVERY = {"set", "hand", "present", "submit", "table", "make", "unveil", "deliver", "send",
             "put", "give", "outline", "circulate", "publish", "lay"}


_AGREEMENT_NOUNS = {"agreement", "deal", "accord", "arrangement", "memorandum", "plan", "proposal",
                    "treaty", "framework", "understanding"}


_CONTEXT_PREPS = {"at", "during", "in", "on", "after", "before", "following", "with", "since", "by", "from"}


_SPEAKER_NOUNS = {"president", "minister", "spokesman", "spokesperson", "spokeswoman", "leader",
                  "envoy", "aide", "secretary", "chancellor", "premier", "official", "negotiator",
                  "diplomat", "mediator", "head", "chief"}


@lru_cache(maxsize=None)
def cues() -> dict[str, frozenset[str]]:
    """Status and context cue words by name, from ``ontology/lexicon/cues.jsonl``.

    >>> "hold" in cues()["occurred"] and "will" in cues()["future_aux"]
    True
    """
    from kg.nlp.triggers import load_lexicon

    return {e["cue"]: frozenset(e["lemmas"]) for e in load_lexicon("cues.jsonl")}


@lru_cache(maxsize=None)
def _ordinals() -> dict[str, tuple[int, bool]]:
    from kg.nlp.triggers import load_lexicon

    return {e["word"]: (e["n"], bool(e.get("cardinal"))) for e in load_lexicon("ordinals.jsonl")}


@lru_cache(maxsize=None)
def _entries() -> dict[str, dict]:
    from kg.nlp.triggers import load_lexicon

    return {e["id"]: e for e in load_lexicon()}


MAX_IMPLIED_ROUNDS = 3  # a count of rounds up to this many is told round by round (rounds 1..n)


LEAD_LINES = 3  # the headline and lead paragraph of a news report (non-blank lines)


SAME_DAY_REACH = 2  # paragraphs after a mention of the publication day that still speak of it
