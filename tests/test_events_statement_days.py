"""Statements dated by the day of the past event they report in their own sentence
(dates.py, ``_reported_day``): "the envoys signed the pact on Monday, the agency
said" was said on Monday or after it, so the statement is bounded below by that day
and above by the publication; on the publication day itself, that day exactly.

The sentences are our own and appear in no corpus; the names are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import bounds, one  # tests/ is on sys.path (rootdir-less layout)

pytestmark = pytest.mark.slow

#: The publication date of the documents ``run`` makes (a Wednesday).
PUBLISHED = date(2026, 3, 4)


def test_a_report_of_an_event_of_the_publication_day_is_of_that_day(run):
    """"X ended ... on Wednesday, Y said", in Wednesday's paper: said that Wednesday."""
    x = run("Two shipping guilds ended their quarrel over harbour fees on Wednesday, "
            "the port authority of Valmara said.")
    assert bounds(one(x, "Statement")) == (PUBLISHED, PUBLISHED)


def test_a_report_of_an_earlier_day_is_from_that_day_to_the_publication(run):
    """"X signed ... on Monday, Y said", in Wednesday's paper: Monday to Wednesday."""
    x = run("The fishing cooperatives of Orlen and Tessa signed a quota pact on Monday, "
            "the port authority of Valmara said.")
    assert bounds(one(x, "Statement")) == (date(2026, 3, 2), PUBLISHED)


def test_a_day_to_come_gives_no_lower_bound(run):
    """"X will sign ... on Friday, Y said": the words say nothing of when they were said."""
    x = run("The fishing cooperatives of Orlen and Tessa will sign a quota pact on Friday, "
            "the port authority of Valmara said.")
    assert bounds(one(x, "Statement"))[0] is None


def test_a_day_of_the_reports_own_joined_clause_gives_no_lower_bound(run):
    """"Y told reporters that X had agreed ..., and Z duly met on Monday": the parse
    joins the narrator's clause to the reported one; its Monday is no day of the words."""
    x = run("Mediator Ilse Marwick told reporters that the two guilds had also agreed that their pilots "
            "would meet the next week, and harbour clerks from both ports duly held talks at the quay on Monday.")
    assert bounds(one(x, "Statement"))[0] is None
