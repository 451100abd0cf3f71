"""The phrasing knowledge the event stages read: lexicon files and a few fixed tables.

Word sets come from ``ontology/lexicon/cues.jsonl``, one row per set::

    {"cue": "speaker_noun", "lemmas": ["president", "minister", ...], "match": "lemma",
     "stage": "statements", "note": "nouns of a person who speaks for a side: 'the minister said'"}

``match`` says what a rule compares with the words (the token's ``lemma`` or its
lower-cased ``word``), ``stage`` the module of ``kg.extract.events`` that reads the
row and ``note`` what the words do there. A rule reads a row as ``cue["speaker_noun"]``
(``state.ctx.cue``) or ``cues()["speaker_noun"]``: adding a word to a row extends the
rule, with no code. Ordinals come from ``ordinals.jsonl``, trigger entries (and
their ``Matcher`` patterns) from ``triggers.jsonl``.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Longer documents are resolved in windows of this many characters (whole sentences).
WINDOW_CHARS = 20_000

MEETING_FAMILY = {"NegotiationRound", "Meeting", "Summit"}
STATUS_RANK = {"Cancelled": 6, "Rejected": 5, "Occurred": 4, "Planned": 3, "Ongoing": 2, "Proposed": 1}
CAMEO = {"NegotiationRound": "046", "Meeting": "040", "Summit": "046", "Proposal": "036",
         "Statement": "010", "PrisonerExchange": "0841", "RepatriationOfRemains": "0841",
         "Ceasefire": "0871"}
_ORD_WORDS = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
              "Ninth", "Tenth", "Eleventh", "Twelfth"]  # labels of numbered rounds
_ANAPHORIC_DAY = re.compile(r"\b(that|the same|this)\s+(day|evening|morning|afternoon|night)\b", re.I)

MAX_IMPLIED_ROUNDS = 3  # a count of rounds up to this many is told round by round (rounds 1..n)
LEAD_LINES = 3  # the headline and lead paragraph of a news report (non-blank lines)
SAME_DAY_REACH = 2  # paragraphs after a mention of the publication day that still speak of it


@lru_cache(maxsize=None)
def cues() -> dict[str, frozenset[str]]:
    """Word sets by name, from ``ontology/lexicon/cues.jsonl``.

    >>> "hold" in cues()["occurred"] and "will" in cues()["future_aux"]
    True
    >>> "spokeswoman" in cues()["speaker_noun"]
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
