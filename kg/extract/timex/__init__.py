"""
Temporal expressions: recognize them in running text and normalize them.

Every expression is normalized against an *anchor*, the publication date of the
document, into a :class:`~kg.records.TimeValue`: a TIMEX3 ``value``, a
granularity and the ``[earliest, latest]`` bounds that the text supports. A bound
the text does not support is left ``None`` (a fabricated bound is worse than none).

>>> from datetime import date
>>> sunday = date(2025, 7, 20)
>>> normalize("next week", sunday)
TimeValue(text='next week', timex='2025-W30', earliest=datetime.date(2025, 7, 21), latest=datetime.date(2025, 7, 27), granularity='week', mention=None)
>>> normalize("on Saturday", sunday).timex
'2025-07-19'
>>> [t.text for t in find_timexes("Talks resumed on June 2 after 1,000 prisoners were freed.", sunday)]
['June 2']

Design decisions (the rules are by kind of phrasing, never by sentence):

* Weeks are ISO weeks, Monday to Sunday ("2025-W30").
* A bare weekday ("on Saturday") is the one on or before the anchor; with
  ``tense="future"`` the one on or after it. "last Saturday" is the latest one
  strictly before the anchor, "this Saturday" the one in the anchor's week,
  "next Saturday" the one in the *following ISO week* (like "next week"),
  "this coming Saturday" the first one strictly after the anchor.
* A date without a year ("June 2") takes the year, among the anchor's year and
  its neighbours, whose date is nearest to the anchor; dates after the anchor
  count 1.5 times their distance (news mostly reports the past), 4 times in a
  past-tense context, and dates before the anchor count 4 times in a
  future-tense context. Months and seasons without a year follow the same rule.
* Ranges ("between June 20 and June 30") have granularity ``range``, bounds at
  their ends and as timex the enclosing month or year (``None`` across years).
* Bounded expressions keep the timex of what they bound and set granularity to
  ``upper-bound`` ("by/before/until the end of August": latest 2025-08-31, no
  earliest) or ``lower-bound`` ("since 2022", "as early as next week": an
  earliest and no latest). "before X" ends the day before X begins, except
  "before the end of X" which ends with X.
* "early/mid/late June", "the start/end of June" keep the whole month as bounds
  (the text does not say which days); "earlier this year" runs from January 1 to
  the anchor, "later this month" from the anchor to the month's end.
* Seasons ("2025-SU") get bounds that cover both the meteorological and the
  astronomical season (summer: June 1 .. September 23).
* References: "recently" is ``PAST_REF`` (latest = anchor), "now" is
  ``PRESENT_REF`` (the anchor day), "in the coming days" is ``FUTURE_REF``
  (earliest = anchor).
* Durations ("a 90-day ceasefire", "more than three years") get ISO durations
  ("P90D", "P3Y"), granularity ``duration`` and no bounds; a duration range
  ("two to three days") takes its upper end; vague amounts are ``X`` ("PXD").
* Anaphoric expressions ("the day before", "that evening", "three years later")
  resolve against ``reference``, the date of the event talked about; without
  one they are recognized with timex ``None`` and no bounds. In running text
  :func:`find_timexes` supplies the reference itself (see there).
* Parts of a day: "that evening" is "2025-07-23TEV" (MO, AF, EV, NI; a night
  may run into the next day, so its latest bound is the day after); a clock
  time with a day, "Thursday at 10 a.m.", "1700 hours on June 2", is
  "2025-07-24T10:00"; alone it is "XXXX-XX-XXT10:00" without bounds, except in
  running text, where it is on a day told in its sentence or the two before,
  else on the lead day, else on the publication day ("hours ago" is that day
  too).
* In running text, "today" (and "yesterday", "tonight"...) in quoted words, in a
  report whose narrator first tells of a day before the publication, is relative
  to that day: the words were said then ("the accord signed today," he said).
* Datelines: "28-Jun-2025", "Sat 8 Apr 2023"; an all-numeric "13-09-2025" is
  read day first or month first by which number exceeds 12, else by the
  reading nearest the anchor.
* A bound on an event within a period ("after this month's first meeting",
  "before next week's talks") is bounded by the period's own ends.
* Without an anchor only absolute expressions resolve ("2 June 2025", "1856");
  the others are recognized with timex ``None``, except that a publication
  known to the month or year (``period="2025-02"``) resolves what needs no
  more ("this month", "last year", "in January"), never a day or a week; the
  day of the report itself ("today", "this afternoon", "hours ago") is then a
  day of that month, so it takes the month ("2025-02").

Granularities: day, week, weekend, month, quarter, half, season, year, decade,
century, time-of-day, range, upper-bound, lower-bound, ref, duration.
The package: :mod:`~kg.extract.timex.lexicon` (phrasing knowledge as data),
:mod:`~kg.extract.timex.values` (values and calendar arithmetic),
:mod:`~kg.extract.timex.patterns`, :mod:`~kg.extract.timex.absolute` and
:mod:`~kg.extract.timex.relative` and :mod:`~kg.extract.timex.fiscal` (the handlers), :mod:`~kg.extract.timex.grammar`
(rules and gates), :mod:`~kg.extract.timex.tense` (the direction of underspecified
dates) and :mod:`~kg.extract.timex.scan` (the entry points).
"""

from __future__ import annotations

from kg.extract.timex.grammar import _LINE
from kg.extract.timex.patterns import _SOFT_PREP
from kg.extract.timex.scan import (
    _State,
    _scan_line,
    find_timexes,
    normalize,
    timeml_span,
    timex_type,
)
from kg.extract.timex.tense import guess_tense, tense_from_parse

__all__ = ["normalize", "find_timexes", "guess_tense", "tense_from_parse", "timeml_span", "timex_type"]
