"""The phrasing data of the event rules (ontology/lexicon/) and the worked example of
docs/extending-extraction.md: a new phrasing is a data row plus a sentence of our own here.

The sentences are our own and appear in no corpus.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from extraction import one  # tests/ is on sys.path (rootdir-less layout)

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "kg" / "extract" / "events"


def test_every_word_set_a_rule_names_is_a_row_of_the_lexicon():
    """A rule reads its words as cue["name"] or cues()["name"]: each name is a row of
    cues.jsonl (a typo would otherwise fail only when the rule runs), and each row has words."""
    from kg.extract.events.lexicon import cues, patterns

    rows = cues()
    named = set()
    for path in sorted(EVENTS.glob("*.py")):
        named |= set(re.findall(r"""cues?(?:\(\))?\[["']([a-z_]+)["']\]""", path.read_text(encoding="utf-8")))
    assert named, "no rule reads the lexicon"
    assert named <= set(rows), sorted(named - set(rows))
    assert all(words and all(isinstance(w, str) and w for w in words) for words in rows.values())
    for row in patterns():
        assert row["matcher"] in ("token", "dependency") and row["pattern"] and row["gives"], row["id"]


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)


# ---------------------------------------------------------------- the worked example
# "prospective" was added to the row status_proposed_modifier of cues.jsonl: an event
# its modifier calls prospective is proposed, not held.
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Officials in Quito welcomed the prospective summit of Andean presidents.",
        "A prospective summit between the leaders of Chile and Peru was discussed in Lima on Monday.",
    ],
)
def test_a_prospective_summit_is_proposed(run, text):
    summit = one(run(text), "Summit")
    assert summit.status == "Proposed"
    assert summit.time is None  # a plan talked about on a day is not held on it
