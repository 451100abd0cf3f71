"""Event precision on real-news phrasing: words of talks that name no event of their own,
and one event told twice.

The sentences are our own, with invented names, and appear in no corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from extraction import kinds
except ImportError:  # pragma: no cover
    from tests.extraction import kinds

pytestmark = pytest.mark.slow


#: The publication date of the documents ``run`` makes (the ``run`` fixture of conftest.py).
PUBLISHED = date(2026, 3, 4)

MEETINGS = ("NegotiationRound", "Meeting", "Summit")


def _meetings(x):
    return [e for k in MEETINGS for e in kinds(x, k)]


# generic.py, rows attribution_governor, talks_role_noun, preparation_noun,
# telling_topic_verb: talks named in passing (who a source is, a person's role, what a
# meeting is prepared for, what someone is told about) are no event.
@pytest.mark.parametrize(
    "text",
    [
        "Fishing quotas dominated the agenda, three diplomats involved in the negotiations told the Lisbon Gazette.",
        "A source close to the discussions said the Andorran side wanted more time.",
        "An official briefed on the talks said both sides had softened their positions.",
        "The council's coordinator for the Baltic water talks, Ilse Marnik, resigned on Monday.",
        "The two foreign ministers discussed the preparation of border negotiations.",
        "Aides in both capitals are drafting papers in preparation for a ministerial meeting.",
        "Cabinet members will brief the senators on the negotiations with Peru later today.",
    ],
)
def test_talks_named_in_passing_are_no_event(run, text):
    assert _meetings(run(text)) == []


def test_talks_named_in_passing_still_join_the_talks_told_of(run):
    x = run("Delegations of Chile and Peru met in Lima on Monday, and the Chilean minister "
            "will brief the senators on the negotiations.")
    (talks,) = _meetings(x)
    assert talks.place == "Lima" and talks.status == "Occurred"
    assert len(talks.mentions) == 2
