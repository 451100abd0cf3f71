"""Thresholds and status groups of reconciliation."""

from datetime import date

__all__ = ["FACTUAL", "PROSPECTIVE", "NARROW_DAYS", "PLAN_SLACK_DAYS"]

#: Statuses that report an event as having happened (their dates are facts).
FACTUAL = frozenset({"Occurred", "Ongoing"})
#: Statuses of an event that was proposed or planned (realizable by a later event).
PROSPECTIVE = frozenset({"Proposed", "Planned"})
#: Widest date window (in days) that still anchors a match without a round number.
NARROW_DAYS = 31
#: A plan reported on day P can be realized by an event from P minus this many days on.
PLAN_SLACK_DAYS = 7

_DAY_MIN = date.min
_DAY_MAX = date.max
