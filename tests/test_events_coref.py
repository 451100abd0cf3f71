"""Within-document coreference on real-news phrasing: one meeting told twice is one event.

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from extraction import kinds, runner
except ImportError:  # pragma: no cover
    from tests.extraction import kinds, runner

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(nlp):
    return runner(nlp, date(2026, 3, 4))


# coref.py _syntactic_merge, row naming_verb: the name given to talks is the talks.
@pytest.mark.parametrize(
    "text",
    [
        'Premier Ana Roble of Peru called the talks in Lima "a very constructive meeting" and said more work was needed.',
        "Ana Roble described the talks in Lima as a frank meeting.",
    ],
)
def test_talks_called_a_meeting_are_one_event(run, text):
    x = run(text)
    meetings = kinds(x, "NegotiationRound") + kinds(x, "Meeting")
    assert len(meetings) == 1, [(e.kind, e.label) for e in x.events]
    assert meetings[0].kind == "NegotiationRound"
