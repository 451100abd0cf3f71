"""Temporal expressions: a table of expressions with their expected values.

Each row: (source, text, anchor, options, timex, earliest, latest, granularity).
``source`` says where the phrasing comes from: "gold" (tests/corpus/gold), "issue"
(the issue text and its acceptance criteria) or "own" (invented for this table;
more than half of the rows). ``None`` in the earliest/latest columns means "no
bound" and is checked as such; ``...`` in the granularity column means "not
checked".
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kg.extract import timex as T
from kg.extract.timex import find_timexes, guess_tense, normalize

CORPUS = Path(__file__).parent / "corpus"
D = date.fromisoformat

SUN = "2025-07-20"  # the seed's publication date, a Sunday
MON = "2025-07-21"
WED = "2025-07-23"
THU = "2025-07-24"
SAT = "2025-07-26"

# fmt: off
ROWS = [
    # source, text, anchor, options, timex, earliest, latest, granularity
    ("issue", "Saturday", SUN, {}, "2025-07-19", "2025-07-19", "2025-07-19", "day"),
    ("issue", "on Saturday", SUN, {}, "2025-07-19", "2025-07-19", "2025-07-19", "day"),
    ("issue", "next week", SUN, {}, "2025-W30", "2025-07-21", "2025-07-27", "week"),
    ("issue", "the upcoming week", SUN, {}, "2025-W30", "2025-07-21", "2025-07-27", "week"),
    ("issue", "June 2", SUN, {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("issue", "by the end of August", SUN, {}, "2025-08", None, "2025-08-31", "upper-bound"),
    ("issue", "before the end of August", THU, {}, "2025-08", None, "2025-08-31", "upper-bound"),
    ("issue", "earlier this year", "2025-05-24", {}, "2025", "2025-01-01", "2025-05-24", "year"),
    ("issue", "earlier this month", THU, {}, "2025-07", "2025-07-01", THU, "month"),
    ("issue", "late last month", "2025-06-03", {}, "2025-05", "2025-05-01", "2025-05-31", "month"),
    ("issue", "last week", THU, {}, "2025-W29", "2025-07-14", "2025-07-20", "week"),
    ("issue", "last Sunday", "2025-05-24", {}, "2025-05-18", "2025-05-18", "2025-05-18", "day"),
    ("issue", "on Friday", SAT, {"tense": "past"}, "2025-07-25", "2025-07-25", "2025-07-25", "day"),
    ("issue", "in March 2022", SUN, {}, "2022-03", "2022-03-01", "2022-03-31", "month"),
    ("issue", "February 24", "2022-03-30", {"tense": "past"}, "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("issue", "the day before", SUN, {"reference": "2025-06-02"}, "2025-06-01", "2025-06-01", "2025-06-01", "day"),
    ("issue", "the previous day", SUN, {"reference": "2025-03-01"}, "2025-02-28", "2025-02-28", "2025-02-28", "day"),
    ("issue", "a day earlier", SUN, {"reference": "2025-06-02"}, "2025-06-01", "2025-06-01", "2025-06-01", "day"),
    ("issue", "later that day", SUN, {"reference": "2025-06-02"}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("issue", "that evening", THU, {"reference": WED}, "2025-07-23TEV", WED, WED, "time-of-day"),
    ("issue", "the day before", SUN, {}, None, None, None, "day"),
    ("issue", "1856", SUN, {}, "1856", "1856-01-01", "1856-12-31", "year"),
    ("issue", "three years", SUN, {}, "P3Y", None, None, "duration"),
    ("issue", "a 90-day", SUN, {}, "P90D", None, None, "duration"),
    ("issue", "in the coming days", SUN, {}, "FUTURE_REF", SUN, None, "ref"),
    ("issue", "as early as next week", "2025-05-26", {}, "2025-W23", "2025-06-02", None, "lower-bound"),
    ("issue", "mid-June", SUN, {}, "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("issue", "the end of the month", SUN, {}, "2025-07", "2025-07-01", "2025-07-31", "month"),
    ("issue", "this week", SUN, {}, "2025-W29", "2025-07-14", "2025-07-20", "week"),
    ("issue", "tomorrow", SUN, {}, "2025-07-21", "2025-07-21", "2025-07-21", "day"),
    ("issue", "yesterday", SUN, {}, "2025-07-19", "2025-07-19", "2025-07-19", "day"),
    ("issue", "today", SUN, {}, "2025-07-20", SUN, SUN, "day"),
    ("issue", "tonight", SUN, {}, "2025-07-20TNI", SUN, "2025-07-21", "time-of-day"),
    ("issue", "this weekend", SUN, {}, "2025-W29-WE", "2025-07-19", "2025-07-20", "weekend"),
    ("issue", "the weekend", SUN, {}, "2025-W29-WE", "2025-07-19", "2025-07-20", "weekend"),
    ("issue", "June 2nd", SUN, {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("issue", "2 June 2025", SUN, {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("issue", "June 2-3", SUN, {}, "2025-06", "2025-06-02", "2025-06-03", "range"),
    ("issue", "between June 20 and June 30", "2025-06-03", {}, "2025-06", "2025-06-20", "2025-06-30", "range"),
    ("issue", "from 20 to 30 June", "2025-06-03", {}, "2025-06", "2025-06-20", "2025-06-30", "range"),
    ("issue", "2025-06-02", None, {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("issue", "Q3 2025", None, {}, "2025-Q3", "2025-07-01", "2025-09-30", "quarter"),
    ("issue", "the summer", SUN, {}, "2025-SU", "2025-06-01", "2025-09-23", "season"),
    ("issue", "in the spring", SUN, {}, "2025-SP", "2025-03-01", "2025-06-21", "season"),
    ("issue", "recent", SUN, {}, "PAST_REF", None, SUN, "ref"),
    ("issue", "recently", SUN, {}, "PAST_REF", None, SUN, "ref"),
    # gold rows (tests/corpus/gold/*.json), each with its document's publication date
    ("gold", "Friday", "2025-05-17", {}, "2025-05-16", "2025-05-16", "2025-05-16", "day"),
    ("gold", "2022", "2025-05-17", {}, "2022", "2022-01-01", "2022-12-31", "year"),
    ("gold", "more than three years", "2025-05-17", {}, "P3Y", None, None, "duration"),
    ("gold", "under two hours", "2025-05-17", {}, "PT2H", None, None, "duration"),
    ("gold", "nearly eight years", "2025-05-17", {}, "P8Y", None, None, "duration"),
    ("gold", "the same day", "2025-05-17", {"reference": "2025-05-16"}, "2025-05-16", "2025-05-16", "2025-05-16", "day"),
    ("gold", "barely five weeks", "2025-05-17", {}, "P5W", None, None, "duration"),
    ("gold", "later that spring", "2025-05-17", {"reference": "2022-03-01"}, "2022-SP", "2022-03-01", "2022-06-21", "season"),
    ("gold", "Sunday", "2025-05-26", {}, "2025-05-25", "2025-05-25", "2025-05-25", "day"),
    ("gold", "February 2022", "2025-05-26", {}, "2022-02", "2022-02-01", "2022-02-28", "month"),
    ("gold", "May 16", "2025-05-26", {}, "2025-05-16", "2025-05-16", "2025-05-16", "day"),
    ("gold", "Monday", "2025-05-26", {}, "2025-05-26", "2025-05-26", "2025-05-26", "day"),
    ("gold", "next week", "2025-05-26", {}, "2025-W23", "2025-06-02", "2025-06-08", "week"),
    ("gold", "1949", "2025-05-26", {}, "1949", "1949-01-01", "1949-12-31", "year"),
    ("gold", "Monday", "2025-06-03", {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("gold", "just over an hour", "2025-06-03", {}, "PT1H", None, None, "duration"),
    ("gold", "less than three weeks", "2025-06-03", {}, "P3W", None, None, "duration"),
    ("gold", "a week", "2025-06-03", {}, "P1W", None, None, "duration"),
    ("gold", "June 20", "2025-06-03", {}, "2025-06-20", "2025-06-20", "2025-06-20", "day"),
    ("gold", "40 minutes", THU, {}, "PT40M", None, None, "duration"),
    ("gold", "Wednesday", THU, {}, "2025-07-23", WED, WED, "day"),
    ("gold", "the end of August", THU, {}, "2025-08", "2025-08-01", "2025-08-31", "month"),
    ("gold", "50 days", THU, {}, "P50D", None, None, "duration"),
    ("gold", "Friday", "2025-05-24", {}, "2025-05-23", "2025-05-23", "2025-05-23", "day"),
    ("gold", "April 12", "2025-05-24", {}, "2025-04-12", "2025-04-12", "2025-04-12", "day"),
    ("gold", "the start of May", "2025-05-24", {}, "2025-05", "2025-05-01", "2025-05-31", "month"),
    ("gold", "three years later", "2025-05-24", {"reference": "2015-07-14"}, "2018", "2018-01-01", "2018-12-31", "year"),
    ("gold", "Tuesday", "2022-03-30", {}, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    ("gold", "now", "2022-03-30", {}, "PRESENT_REF", "2022-03-30", "2022-03-30", "ref"),
    ("gold", "Later that day", "2022-03-30", {"reference": "2022-03-29"}, "2022-03-29", "2022-03-29", "2022-03-29", "day"),
    # own rows: weekdays ("next <weekday>" is the one in the following ISO week)
    ("own", "next Wednesday", SUN, {}, "2025-07-23", WED, WED, "day"),
    ("own", "next Wednesday", MON, {}, "2025-07-30", "2025-07-30", "2025-07-30", "day"),
    ("own", "this Friday", WED, {}, "2025-07-25", "2025-07-25", "2025-07-25", "day"),
    ("own", "last Friday", "2025-07-25", {}, "2025-07-18", "2025-07-18", "2025-07-18", "day"),
    ("own", "Friday", SAT, {"tense": "future"}, "2025-08-01", "2025-08-01", "2025-08-01", "day"),
    ("own", "on Saturday", SAT, {"tense": "future"}, "2025-07-26", SAT, SAT, "day"),
    ("own", "this coming Monday", SUN, {}, "2025-07-21", MON, MON, "day"),
    ("own", "Monday next week", WED, {}, "2025-07-28", "2025-07-28", "2025-07-28", "day"),
    ("own", "Saturday evening", SUN, {}, "2025-07-19TEV", "2025-07-19", "2025-07-19", "time-of-day"),
    ("own", "last night", SUN, {}, "2025-07-19TNI", "2025-07-19", SUN, "time-of-day"),
    ("own", "the day after tomorrow", SUN, {}, "2025-07-22", "2025-07-22", "2025-07-22", "day"),
    ("own", "that same day", SUN, {"reference": "2025-06-02"}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("own", "the following day", SUN, {"reference": "2025-06-30"}, "2025-07-01", "2025-07-01", "2025-07-01", "day"),
    ("own", "the night before", SUN, {"reference": "2025-06-02"}, "2025-06-01TNI", "2025-06-01", "2025-06-02", "time-of-day"),
    ("own", "that morning", SUN, {"reference": "2025-06-02"}, "2025-06-02TMO", "2025-06-02", "2025-06-02", "time-of-day"),
    ("own", "a day later", SUN, {"reference": "2024-02-28"}, "2024-02-29", "2024-02-29", "2024-02-29", "day"),
    ("own", "the day before", None, {"reference": "2025-06-02"}, "2025-06-01", "2025-06-01", "2025-06-01", "day"),
    ("own", "Saturday", None, {}, None, None, None, "day"),
    # own rows: dates with and without a year
    ("own", "December 28", "2025-01-10", {}, "2024-12-28", "2024-12-28", "2024-12-28", "day"),
    ("own", "January 5", "2024-12-20", {"tense": "future"}, "2025-01-05", "2025-01-05", "2025-01-05", "day"),
    ("own", "November 3", THU, {"tense": "past"}, "2024-11-03", "2024-11-03", "2024-11-03", "day"),
    ("own", "November 3", THU, {"tense": "future"}, "2025-11-03", "2025-11-03", "2025-11-03", "day"),
    ("own", "September 1", THU, {}, "2025-09-01", "2025-09-01", "2025-09-01", "day"),
    ("own", "Feb. 24, 2022", SUN, {}, "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("own", "24 February 2022", None, {}, "2022-02-24", "2022-02-24", "2022-02-24", "day"),
    ("own", "the 2nd of June", SUN, {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("own", "Monday, June 2", "2026-01-10", {}, "2025-06-02", "2025-06-02", "2025-06-02", "day"),
    ("own", "June 2", None, {}, None, None, None, "day"),
    ("own", "Jan. 5, 2024", None, {}, "2024-01-05", "2024-01-05", "2024-01-05", "day"),
    ("own", "two days after June 2", SUN, {}, "2025-06-04", "2025-06-04", "2025-06-04", "day"),
    ("own", "a week from Monday", WED, {"tense": "future"}, "2025-08-04", "2025-08-04", "2025-08-04", "day"),
    ("own", "on the 16th", SUN, {}, "2025-07-16", "2025-07-16", "2025-07-16", "day"),
    ("own", "Thursday at 10 a.m.", WED, {"tense": "future"}, "2025-07-24T10:00", THU, THU, "time-of-day"),
    ("own", "14:30 GMT on June 2", SUN, {}, "2025-06-02T14:30", "2025-06-02", "2025-06-02", "time-of-day"),
    ("own", "10 p.m.", SUN, {}, "XXXX-XX-XXT22:00", None, None, "time-of-day"),
    # own rows: weeks, months, years, quarters, seasons
    ("own", "three days ago", SUN, {}, "2025-07-17", "2025-07-17", "2025-07-17", "day"),
    ("own", "two weeks ago", SUN, {}, "2025-W27", "2025-06-30", "2025-07-06", "week"),
    ("own", "a year ago", SUN, {}, "2024", "2024-01-01", "2024-12-31", "year"),
    ("own", "in two weeks' time", SUN, {}, "2025-W31", "2025-07-28", "2025-08-03", "week"),
    ("own", "the week before last", SUN, {}, "2025-W27", "2025-06-30", "2025-07-06", "week"),
    ("own", "earlier this week", THU, {}, "2025-W30", "2025-07-21", THU, "week"),
    ("own", "the following week", SUN, {"reference": "2025-06-02"}, "2025-W24", "2025-06-09", "2025-06-15", "week"),
    ("own", "the week of June 2", SUN, {}, "2025-W23", "2025-06-02", "2025-06-08", "week"),
    ("own", "last weekend", SUN, {}, "2025-W28-WE", "2025-07-12", "2025-07-13", "weekend"),
    ("own", "the weekend", WED, {}, "2025-W29-WE", "2025-07-19", "2025-07-20", "weekend"),
    ("own", "the weekend", WED, {"tense": "future"}, "2025-W30-WE", "2025-07-26", "2025-07-27", "weekend"),
    ("own", "last month", SUN, {}, "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("own", "early next month", SUN, {}, "2025-08", "2025-08-01", "2025-08-31", "month"),
    ("own", "later this month", SUN, {}, "2025-07", SUN, "2025-07-31", "month"),
    ("own", "end-June", SUN, {}, "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("own", "later this year", SUN, {}, "2025", SUN, "2025-12-31", "year"),
    ("own", "next year", SUN, {}, "2026", "2026-01-01", "2026-12-31", "year"),
    ("own", "late 2024", None, {}, "2024", "2024-01-01", "2024-12-31", "year"),
    ("own", "mid-2023", None, {}, "2023", "2023-01-01", "2023-12-31", "year"),
    ("own", "that year", SUN, {"reference": "2015-07-14"}, "2015", "2015-01-01", "2015-12-31", "year"),
    ("own", "the first half of 2024", None, {}, "2024-H1", "2024-01-01", "2024-06-30", "half"),
    ("own", "the third quarter", SUN, {}, "2025-Q3", "2025-07-01", "2025-09-30", "quarter"),
    ("own", "Q4", "2025-01-15", {}, "2025-Q4", "2025-10-01", "2025-12-31", "quarter"),
    ("own", "last summer", "2025-10-10", {}, "2025-SU", "2025-06-01", "2025-09-23", "season"),
    ("own", "last summer", SUN, {}, "2024-SU", "2024-06-01", "2024-09-23", "season"),
    ("own", "this winter", "2025-01-15", {}, "2024-WI", "2024-12-01", "2025-03-20", "season"),
    ("own", "the fall of 2022", None, {}, "2022-FA", "2022-09-01", "2022-12-21", "season"),
    ("own", "the 1990s", None, {}, "199", "1990-01-01", "1999-12-31", "decade"),
    # own rows: ranges and bounds
    ("own", "between 2019 and 2021", None, {}, None, "2019-01-01", "2021-12-31", "range"),
    ("own", "2014-2022", None, {}, None, "2014-01-01", "2022-12-31", "range"),
    ("own", "from March to May 2022", SUN, {}, "2022", "2022-03-01", "2022-05-31", "range"),
    ("own", "December 28 to January 3", "2025-01-10", {}, None, "2024-12-28", "2025-01-03", "range"),
    ("own", "June 30-July 2", SUN, {}, "2025", "2025-06-30", "2025-07-02", "range"),
    ("own", "from Friday to Sunday", WED, {}, "2025-07", "2025-07-18", "2025-07-20", "range"),
    ("own", "since 2022", SUN, {}, "2022", "2022-01-01", None, "lower-bound"),
    ("own", "until June 30", SUN, {}, "2025-06-30", None, "2025-06-30", "upper-bound"),
    ("own", "after June 2", SUN, {}, "2025-06-02", "2025-06-03", None, "lower-bound"),
    ("own", "before June 2", SUN, {}, "2025-06-02", None, "2025-06-01", "upper-bound"),
    ("own", "no later than Friday", MON, {"tense": "future"}, "2025-07-25", None, "2025-07-25", "upper-bound"),
    # own rows: durations and references
    ("own", "within 48 hours", SUN, {}, "PT48H", None, None, "duration"),
    ("own", "two to three days", SUN, {}, "P3D", None, None, "duration"),
    ("own", "24 to 48 hours", SUN, {}, "PT48H", None, None, "duration"),
    ("own", "half an hour", SUN, {}, "PT30M", None, None, "duration"),
    ("own", "an hour and a half", SUN, {}, "PT1.5H", None, None, "duration"),
    ("own", "a few days", SUN, {}, "PXD", None, None, "duration"),
    ("own", "two decades", SUN, {}, "P20Y", None, None, "duration"),
    ("own", "the past three years", SUN, {}, "P3Y", None, None, "duration"),
    ("own", "twenty-four hours", SUN, {}, "PT24H", None, None, "duration"),
    ("own", "in the coming weeks", SUN, {}, "FUTURE_REF", SUN, None, "ref"),
    ("own", "in recent days", SUN, {}, "PAST_REF", None, SUN, "ref"),
    ("own", "currently", SUN, {}, "PRESENT_REF", SUN, SUN, "ref"),
    ("own", "soon", SUN, {}, "FUTURE_REF", SUN, None, "ref"),
    ("own", "recently", None, {}, "PAST_REF", None, None, "ref"),
    # quarters and fiscal vocabulary (issue 15)
    ("own", "third-quarter", "2025-10-31", {}, "2025-Q3", "2025-07-01", "2025-09-30", "quarter"),
    ("own", "the fiscal second quarter", "2025-10-31", {}, "2025-Q2", "2025-04-01", "2025-06-30", "quarter"),
    ("own", "its fourth quarter", "2026-02-10", {}, "2025-Q4", "2025-10-01", "2025-12-31", "quarter"),
    ("own", "next year's first quarter", "2025-10-31", {}, "2026-Q1", "2026-01-01", "2026-03-31", "quarter"),
    ("own", "the 2023 second quarter", SUN, {}, "2023-Q2", "2023-04-01", "2023-06-30", "quarter"),
    ("own", "the current quarter", "2025-10-31", {}, "2025-Q4", "2025-10-01", "2025-12-31", "quarter"),
    ("own", "the latest quarter", "2026-02-10", {}, "2025-Q4", "2025-10-01", "2025-12-31", "quarter"),
    ("own", "the year-ago quarter", "2025-10-31", {}, "2024-Q3", "2024-07-01", "2024-09-30", "quarter"),
    ("own", "the current fiscal year", SUN, {}, "2025", "2025-01-01", "2025-12-31", "year"),
    ("own", "year-end", SUN, {}, "2025", "2025-01-01", "2025-12-31", "year"),
    ("own", "several quarters", SUN, {}, "PXQ", None, None, "duration"),
    # sets (issue 15)
    ("own", "every week", SUN, {}, "P1W", None, None, "set"),
    ("own", "each quarter", SUN, {}, "P1Q", None, None, "set"),
    ("own", "each March", SUN, {}, "XXXX-03", None, None, "set"),
    ("own", "every Friday", SUN, {}, "XXXX-WXX-5", None, None, "set"),
    # years and decades as said (issue 15)
    ("own", "nineteen eighty-four", SUN, {}, "1984", "1984-01-01", "1984-12-31", "year"),
    ("own", "the year two thousand", SUN, {}, "2000", "2000-01-01", "2000-12-31", "year"),
    ("own", "May nineteen ninety-one", SUN, {}, "1991-05", "1991-05-01", "1991-05-31", "month"),
    ("own", "the nineties", SUN, {}, "199", "1990-01-01", "1999-12-31", "decade"),
    ("own", "the late 1960s", SUN, {}, "196", "1960-01-01", "1969-12-31", "decade"),
    ("own", "19th century", SUN, {}, "18", "1800-01-01", "1900-12-31", "century"),
    # tense decides the direction (issue 15)
    ("own", "in December", "2025-03-04", {"tense": "future"}, "2025-12", "2025-12-01", "2025-12-31", "month"),
    ("own", "in November", "2025-02-04", {"tense": "past"}, "2024-11", "2024-11-01", "2024-11-30", "month"),
    ("own", "by February", "2025-10-30", {}, "2026-02", None, "2026-02-28", "upper-bound"),
    # references (issue 15)
    ("own", "the near term", SUN, {}, "FUTURE_REF", SUN, None, "ref"),
    ("own", "several years ago", SUN, {}, "PAST_REF", None, SUN, "ref"),
    ("own", "the past few weeks", SUN, {}, "PAST_REF", None, SUN, "ref"),
    ("own", "as soon as possible", SUN, {}, "FUTURE_REF", SUN, None, "ref"),
    ("own", "this past spring", "2025-10-01", {}, "2025-SP", "2025-03-01", "2025-06-21", "season"),
    # real prose (issue 10 §3): the day of the report, clock times, datelines, background periods
    ("issue", "hours ago", SUN, {}, "2025-07-20", SUN, SUN, "day"),
    ("own", "a few minutes ago", WED, {}, WED, WED, WED, "day"),
    ("own", "two hours ago", None, {}, None, None, None, "day"),
    ("issue", "Wednesday this week", SAT, {"tense": "future"}, "2025-07-30", "2025-07-30", "2025-07-30", "day"),
    ("own", "Wednesday this week", SAT, {"tense": "past"}, WED, WED, WED, "day"),
    ("own", "this Thursday", SAT, {"tense": "future"}, "2025-07-31", "2025-07-31", "2025-07-31", "day"),
    ("own", "this Thursday", MON, {"tense": "future"}, THU, THU, THU, "day"),
    ("issue", "in the early 2000s", SUN, {}, "200", "2000-01-01", "2009-12-31", "decade"),
    ("own", "mid-1990s", SUN, {}, "199", "1990-01-01", "1999-12-31", "decade"),
    ("own", "since late 1980s", SUN, {}, "198", "1980-01-01", None, "lower-bound"),
    ("own", "Fri, 14-Mar-2025", None, {}, "2025-03-14", "2025-03-14", "2025-03-14", "day"),
    ("own", "Tue 3 Jun 2025", None, {}, "2025-06-03", "2025-06-03", "2025-06-03", "day"),
    ("own", "Thurs. June 5", "2025-06-09", {}, "2025-06-05", "2025-06-05", "2025-06-05", "day"),
    ("own", "21-10-2024", None, {}, "2024-10-21", "2024-10-21", "2024-10-21", "day"),
    ("own", "10/21/2024", None, {}, "2024-10-21", "2024-10-21", "2024-10-21", "day"),
    ("own", "03.04.2025", "2025-04-02", {}, "2025-04-03", "2025-04-03", "2025-04-03", "day"),
    ("own", "03.04.2025", None, {}, None, None, None, "day"),
    ("own", "1830 hours", SUN, {"reference": WED}, "2025-07-23T18:30", WED, WED, "time-of-day"),
    ("own", "at 0900 hrs", SUN, {}, "XXXX-XX-XXT09:00", None, None, "time-of-day"),
    ("own", "21:15 hours", SUN, {"reference": WED}, "2025-07-23T21:15", WED, WED, "time-of-day"),
    ("own", "5 p.m. (local time) on Thursday", SAT, {}, "2025-07-24T17:00", THU, THU, "time-of-day"),
    ("own", "the 9th of July at 1400 hours", SUN, {}, "2025-07-09T14:00", "2025-07-09", "2025-07-09", "time-of-day"),
    # a publication known to the month or year only (issue 10 §2): what that period resolves
    ("own", "before the end of this month", None, {"period": "2024-03"}, "2024-03", None, "2024-03-31", "upper-bound"),
    ("own", "earlier this year", None, {"period": "2024-03"}, "2024", "2024-01-01", "2024-03-31", "year"),
    ("own", "in February", None, {"period": "2024-03"}, "2024-02", "2024-02-01", "2024-02-29", "month"),
    ("own", "three months ago", None, {"period": "2024-03"}, "2023-12", "2023-12-01", "2023-12-31", "month"),
    ("own", "on Tuesday", None, {"period": "2024-03"}, None, None, None, "day"),
    ("own", "this month", None, {"period": "2024"}, None, None, None, "month"),
    ("own", "last year", None, {"period": "2024"}, "2023", "2023-01-01", "2023-12-31", "year"),
    ("own", "earlier in the day", SUN, {"reference": WED}, WED, WED, WED, "day"),
    ("own", "later in the evening", SUN, {"reference": WED}, "2025-07-23TEV", WED, WED, "time-of-day"),
]
# fmt: on


def _d(s: str | None) -> date | None:
    return None if s is None else D(s)


def _opts(options: dict) -> dict:
    return {k: (D(v) if k == "reference" else v) for k, v in options.items()}


def test_table_is_large_and_mostly_own():
    own = sum(1 for r in ROWS if r[0] == "own")
    assert len(ROWS) >= 80
    assert own * 2 >= len(ROWS)


@pytest.mark.parametrize(
    "source,text,anchor,options,timex,earliest,latest,gran",
    ROWS,
    ids=[f"{r[0]}:{r[1]}@{r[2]}{''.join('/' + str(v) for v in r[3].values())}" for r in ROWS],
)
def test_normalize(source, text, anchor, options, timex, earliest, latest, gran):
    tv = normalize(text, _d(anchor), **_opts(options))
    assert tv is not None, f"{text!r} not recognized"
    assert tv.text == text
    assert (tv.timex, tv.earliest, tv.latest) == (timex, _d(earliest), _d(latest))
    if gran is not ...:
        assert tv.granularity == gran
    if tv.earliest is not None and tv.latest is not None:
        assert tv.earliest <= tv.latest
    if tv.granularity == "duration":
        assert tv.earliest is None and tv.latest is None


@pytest.mark.parametrize(
    "text",
    [
        "1,000 prisoners", "339", "79", "6,000", "aged 18 to 25", "the talks", "march", "may",
        "a second round", "the 47-year-old", "2000 soldiers", "1 percent", "Istanbul", "", "the",
        "the fall of Kabul", "most recent", "the last round", "the fall in prices",
    ],
)  # fmt: skip
def test_normalize_rejects_what_is_not_temporal(text):
    assert normalize(text, D(SUN)) is None


def test_normalize_ignores_surrounding_punctuation_and_space():
    assert normalize(" (June 2, 2025). ", None).timex == "2025-06-02"
    assert normalize("“next week”", D(SUN)).timex == "2025-W30"


def test_weekday_direction_follows_tense():
    sat = D(SAT)
    assert normalize("Friday", sat).earliest == D("2025-07-25")
    assert normalize("Friday", sat, tense="past").earliest == D("2025-07-25")
    assert normalize("Friday", sat, tense="future").earliest == D("2025-08-01")
    # "next Friday" does not depend on the tense: the Friday of the following ISO week
    assert normalize("next Friday", sat, tense="past").earliest == D("2025-08-01")


def test_yearless_date_takes_the_nearest_plausible_year():
    # a date far after the anchor in a past-tense context is last year's
    assert normalize("October 15", D(SUN), tense="past").earliest == D("2024-10-15")
    # a few weeks ahead stays in the anchor's year even in a past-tense sentence
    # ("had proposed a round on August 10")
    assert normalize("August 10", D(SUN), tense="past").earliest == D("2025-08-10")
    # without a tense, the nearest one, leaning to the past
    assert normalize("January 30", D(SUN)).earliest == D("2025-01-30")
    assert normalize("February 29", D("2025-03-10")).earliest == D("2024-02-29")


# --- running text ------------------------------------------------------------------


def _found(text: str, anchor: str | None, **kw) -> list[tuple[str, str | None]]:
    out = find_timexes(text, _d(anchor), doc_id="doc", **kw)
    for t in out:
        assert t.mention is not None and t.mention.doc_id == "doc"
        assert text[t.mention.start : t.mention.end] == t.text == t.mention.text
    return [(t.text, t.timex) for t in out]


def test_find_in_invented_sentences():
    s = "Delegations will meet again on Thursday, officials said after the talks on Monday."
    assert _found(s, WED) == [("Thursday", "2025-07-24"), ("Monday", "2025-07-21")]
    s = "The truce, agreed on 2 June 2025, holds until June 30, and a 90-day ceasefire may follow."
    assert _found(s, SUN) == [("2 June 2025", "2025-06-02"), ("until June 30", "2025-06-30"), ("90-day", "P90D")]
    s = "Envoys met between 20 and 30 June and again in mid-July, barely a week ago."
    assert _found(s, THU) == [
        ("between 20 and 30 June", "2025-06"), ("mid-July", "2025-07"), ("a week ago", "2025-W29"),
    ]  # fmt: skip


def test_find_reports_bounds_of_ranges_and_bounded_expressions():
    out = find_timexes("Talks could resume as early as next week or by the end of August.", D(SUN))
    assert [(t.text, t.earliest, t.latest, t.granularity) for t in out] == [
        ("as early as next week", D("2025-07-21"), None, "lower-bound"),
        ("by the end of August", None, D("2025-08-31"), "upper-bound"),
    ]


def test_find_does_not_fire_on_numbers_that_are_not_dates():
    s = (
        "Kyiv said 1,000 prisoners and 339 children were freed and 6,000 bodies returned. "
        "Trump, 79, met captives aged 18 to 25. The 47-year-old paid 2000 dollars for 1 percent. "
        "Theresa May said troops may march on. The fall of the city was the most recent one. "
        "Prices are expected to fall, and the fall in output continued. "
        "A second round of the 1,000-for-1,000 swap followed."
    )
    assert _found(s, SUN) == []


# --- issue 15: the classes of error seen on TempEval-3's TimeBank, in sentences of our own --------


def test_past_tense_of_the_clause_sends_an_undated_month_back():
    s = "The mediators met in March and agreed on a text."
    assert _found(s, "2025-10-20") == [("March", "2025-03")]
    s = "In January, the two ministers exchanged letters."  # the verb is beyond the comma
    assert _found(s, "2025-10-20") == [("January", "2025-01")]


def test_future_meaning_without_will():
    s = "Planned talks on Thursday were confirmed by both capitals."
    assert _found(s, SUN) == [("Thursday", "2025-07-24")]
    s = "The envoys could sign as soon as Tuesday."
    assert _found(s, SUN) == [("as soon as Tuesday", "2025-07-22")]
    s = "The new tariff schedule is effective March 1."
    assert _found(s, "2025-11-12") == [("March 1", "2026-03-01")]


def test_expected_or_due_with_a_date_and_no_infinitive_looks_ahead():
    """'are expected in May', 'is now due in June': a time ahead, as 'expected to';
    told in the past ('were expected in May') it stays behind."""
    s = "Fresh border talks are expected in May, a diplomat in Vell said."
    assert _found(s, "2026-03-11") == [("May", "2026-05")]
    s = "The pay deal is now due in June after a delay."
    assert _found(s, "2026-03-11")[-1] == ("June", "2026-06")
    s = "The dockers' talks were expected in May but never opened."
    assert _found(s, "2026-03-11") == [("May", "2025-05")]


def test_the_week_month_or_year_before_or_after_the_one_told_of():
    """'The week before,' / 'The year after,' told alone are the period before or after
    the one the text tells of; 'the week before the summit' is a bound, not this."""
    s = "The envoys met in Vell on Monday. The week before, their deputies met in Geneva."
    assert _found(s, "2026-03-11") == [("Monday", "2026-03-09"), ("The week before", "2026-W10")]
    s = "The truce was signed in Vell in 2019. The year after, it collapsed."
    assert _found(s, "2026-03-11") == [("2019", "2019"), ("The year after", "2020")]
    s = "The accord was signed in Vell in May 2024. The month before, the ministers met twice."
    assert _found(s, "2026-03-11")[-1] == ("The month before", "2024-04")


def test_overnight_before_a_day_of_its_sentence_is_the_night_before_that_day():
    """'haggled overnight and signed early on Thursday' in Wednesday's paper: the night
    into last Thursday, not the night before the report; alone, the night before it."""
    s = "The dock union haggled overnight and signed a pay deal early on Thursday."
    assert _found(s, "2026-03-11") == [("overnight", "2026-03-04TNI"), ("Thursday", "2026-03-05")]
    s = "The dock union haggled overnight with the port."
    assert _found(s, "2026-03-11") == [("overnight", "2026-03-10TNI")]


def test_a_month_naming_an_event_after_the():
    """'the March talks', 'the January round': the month of the event; a modal 'may' or
    a month before a noun of no event ('the May deadline') is none."""
    s = "The March talks between the dockers and the port ended without a deal."
    assert _found(s, "2026-03-11") == [("March", "2026-03")]
    s = "The January round of wage talks produced an outline deal."
    assert _found(s, "2026-03-11") == [("January", "2026-01")]
    assert _found("The dockers may talk again.", "2026-03-11") == []
    assert _found("The May deadline passed quietly.", "2026-03-11") == []


def test_future_cue_carries_across_a_conjunction():
    s = "The envoys will land in Doha on Monday and sign the accord on Wednesday."
    assert _found(s, SUN) == [("Monday", "2025-07-21"), ("Wednesday", "2025-07-23")]


def test_a_past_plan_is_no_future():
    s = "The round was originally expected to close on Friday, but it ran on."
    assert _found(s, SUN) == [("Friday", "2025-07-18")]


def test_quarter_being_reported_is_the_reference_of_comparisons():
    s = ("Exports of the cooperative rose 8% in the third quarter. The year-ago period was weaker, "
         "and sales were flat compared with a year earlier. Year-earlier margins were thin. "
         "In the quarter, the board also hired staff.")
    assert _found(s, "2025-11-05") == [
        ("the third quarter", "2025-Q3"), ("The year-ago period", "2024-Q3"), ("a year earlier", "2024-Q3"),
        ("Year-earlier", "2024-Q3"), ("the quarter", "2025-Q3"),
    ]  # fmt: skip


def test_a_year_earlier_follows_the_narrative_not_the_last_year_mentioned():
    s = "The pact was signed in 2019. A year earlier, talks had collapsed."
    assert _found(s, SUN) == [("2019", "2019"), ("A year earlier", "2018")]
    s = ("The ministry cited the 2019 accord. Trade then grew. Officials praised the port. "
         "Grain exports were 4% below the level of a year earlier.")
    assert _found(s, SUN)[-1] == ("a year earlier", "2024")


def test_sets_are_adverbs_not_adjectives():
    s = "Inspectors report daily, and the panel meets every Friday."
    out = find_timexes(s, D(SUN))
    assert [(t.text, t.timex, t.granularity) for t in out] == [
        ("daily", "P1D", "set"), ("every Friday", "XXXX-WXX-5", "set"),
    ]  # fmt: skip
    assert _found("The daily briefing and the weekly bulletin were cancelled.", SUN) == []
    assert [(normalize(w, D(SUN)).timex, normalize(w, D(SUN)).granularity) for w in ("daily", "annually")] == [
        ("P1D", "set"), ("P1Y", "set"),
    ]  # fmt: skip


def test_bare_durations_and_rates():
    s = "Fighting resumed within weeks, after several quarters of calm, and lasted for months."
    assert _found(s, SUN) == [("weeks", "PXW"), ("several quarters", "PXQ"), ("months", "PXM")]
    assert _found("Rooms cost $300 a night and the mill ships 900 tonnes a week.", SUN) == []


def test_years_said_in_words_and_not_counts():
    s = "In nineteen ninety-one the dam was built; it has stood for two thousand years."
    found = _found(s, SUN)
    assert found[0] == ("nineteen ninety-one", "1991")
    assert not any(value == "2000" for _, value in found)


def test_words_timeml_leaves_untagged():
    s = "A previously announced plan was dropped."
    assert _found(s, SUN) == []
    assert normalize("previously", D(SUN)).timex == "PAST_REF"


def test_clock_time_takes_the_day_of_the_sentence():
    s = "On Tuesday the convoy left at 6 p.m. and crossed at 9:30 p.m. EST."
    assert _found(s, SUN) == [("Tuesday", "2025-07-15"), ("6 p.m.", "2025-07-15T18:00"),
                              ("9:30 p.m. EST", "2025-07-15T21:30")]  # fmt: skip


def test_timeml_span_leaves_the_modifier_out():
    s = "The parties aim to finish by August, perhaps as early as Tuesday."
    out = find_timexes(s, D(SUN))
    assert [t.text for t in out] == ["by August", "as early as Tuesday"]
    assert [s[slice(*T.timeml_span(t))] for t in out] == ["August", "Tuesday"]


def test_timex_types():
    s = "On June 2 at 10 a.m. the two sides met for three hours; they now meet every week."
    assert [(t.text, T.timex_type(t)) for t in find_timexes(s, D(SUN))] == [
        ("June 2 at 10 a.m.", "TIME"), ("three hours", "DURATION"), ("now", "DATE"), ("every week", "SET"),
    ]  # fmt: skip


def test_the_year_and_the_year_ended():
    s = "Sales for the year rose. For the year ended June 30, profit fell."
    out = find_timexes(s, D(SUN))
    assert [(t.text, t.timex, t.granularity) for t in out] == [
        ("the year", "2025", "year"), ("the year", "P1Y", "duration"), ("June 30", "2025-06-30", "day"),
    ]  # fmt: skip


def test_find_clock_times_and_possessives():
    s = "Today's session opened at 10 a.m. and the truce expired at midnight on Sunday."
    assert _found(s, "2025-07-22") == [
        ("Today", "2025-07-22"), ("10 a.m.", "2025-07-22T10:00"), ("midnight on Sunday", "2025-07-20T00:00"),
    ]  # fmt: skip


def test_find_durations_that_are_not_dates():
    s = "A truce of 24 to 48 hours was on offer; their meeting had taken a little over an hour."
    assert _found(s, SUN) == [("24 to 48 hours", "PT48H"), ("a little over an hour", "PT1H")]


def test_find_offsets_and_doc_id():
    text = "xxxx Talks ended on Friday."
    out = find_timexes(text[5:], D(SAT), doc_id="d7", offset=5)
    assert [(m.doc_id, m.start, m.end, m.text) for m in (t.mention for t in out)] == [("d7", 20, 26, "Friday")]
    assert text[20:26] == "Friday"


def test_find_skips_the_native_header_date():
    text = " date 2025-07-20 403\nTalks set for next week\nThe sides met on Saturday.\n"
    out = find_timexes(text, D(SUN))
    assert [(t.text, t.timex) for t in out] == [("next week", "2025-W30"), ("Saturday", "2025-07-19")]
    assert all(text[t.mention.start : t.mention.end] == t.text for t in out)


def test_find_does_not_join_lines():
    assert _found("Delegation 057\nSecond round", SUN) == []


def test_find_resolves_day_anaphors_in_the_sentence_else_the_lead_day():
    s = (
        "The sides met in Geneva on Tuesday. On March 3, an earlier meeting had failed. "
        "The day before, envoys had arrived. On Friday they talked; the next day they signed."
    )
    out = _found(s, "2022-03-12")  # a Saturday
    assert out == [
        ("Tuesday", "2022-03-08"), ("March 3", "2022-03-03"), ("The day before", "2022-03-07"),
        ("Friday", "2022-03-11"), ("the next day", "2022-03-12"),
    ]  # fmt: skip


def test_find_resolves_hours_later_to_the_day_referred_to():
    s = ("Lithuania and Belarus said on Monday that the border text was final. Hours later, the Lithuanian "
         "minister spoke to reporters. On Wednesday the envoys met; a few hours later they left.")
    out = _found(s, "2021-09-10")  # a Friday
    assert out == [
        ("Monday", "2021-09-06"), ("Hours later", "2021-09-06"), ("Wednesday", "2021-09-08"),
        ("a few hours later", "2021-09-08"),
    ]  # fmt: skip
    assert _found("They talked for hours.", "2021-09-10") == [("hours", "PTXH")]


def test_find_resolves_year_anaphors_against_the_last_date():
    s = "The 2015 accord was signed in Vienna; Washington left it three years later."
    assert _found(s, SUN) == [("2015", "2015"), ("three years later", "2018")]
    s = "The envoys met twice in October 2019 before the contacts faded later that autumn."
    assert _found(s, SUN) == [("October 2019", "2019-10"), ("later that autumn", "2019-FA")]


def test_find_explicit_reference_and_tense():
    s = "That evening the envoys left. They return on Saturday."
    out = find_timexes(s, D(SUN), reference=D("2025-06-02"), tense_at=lambda i: "future")
    assert [(t.text, t.timex) for t in out] == [("That evening", "2025-06-02TEV"), ("Saturday", "2025-07-26")]
    seen = []
    find_timexes(s, D(SUN), offset=100, tense_at=lambda i: seen.append(i))
    assert 100 + s.index("Saturday") in seen


def test_find_guesses_future_from_the_clause():
    s = "Zelenskyy said on Saturday that talks will resume, and the delegations will meet on Saturday."
    assert _found(s, SUN) == [("Saturday", "2025-07-19"), ("Saturday", "2025-07-26")]


def test_guess_tense():
    s = "The round is due to open on Monday in Istanbul."
    assert guess_tense(s, s.index("Monday"), s.index("Monday") + 6) == "future"
    s = "The round opened on Monday, and more will follow."
    assert guess_tense(s, s.index("Monday"), s.index("Monday") + 6) == "past"


def test_guess_tense_of_arrangements_and_clock_times():
    for s in ("A call between the two envoys was being arranged for Thursday.",
              "The vote is slated for Thursday, officials said.",
              "Both delegations are to sign the text on Thursday.",
              "On Thursday the curfew will be lifted at 6:30 in the morning."):
        assert guess_tense(s, s.index("Thursday"), s.index("Thursday") + 8) == "future", s
    s = "A call that had been scheduled for Thursday never took place."
    assert guess_tense(s, s.index("Thursday"), s.index("Thursday") + 8) != "future"


def test_month_of_a_relative_year_and_a_postponement_target():
    assert _found("They last met in Oslo in April of last year.", "2025-03-14") == [("April of last year", "2024-04")]
    assert _found("A vote is planned for October next year.", "2025-03-14") == [("October next year", "2026-10")]
    (t,) = find_timexes("The vote was put off until June 3.", D("2025-05-10"))
    assert (t.text, t.granularity, str(t.earliest)) == ("June 3", "day", "2025-06-03")
    (t,) = find_timexes("The truce holds until June 3.", D("2025-05-10"))
    assert (t.granularity, t.earliest) == ("upper-bound", None)


def test_find_split_ranges():
    s = "They proposed a round between June 20 and June 30."
    whole = find_timexes(s, D("2025-06-03"))
    assert [(t.text, t.earliest, t.latest) for t in whole] == [
        ("between June 20 and June 30", D("2025-06-20"), D("2025-06-30"))
    ]
    parts = find_timexes(s, D("2025-06-03"), split_ranges=True)
    assert [(t.text, t.timex) for t in parts] == [("June 20", "2025-06-20"), ("June 30", "2025-06-30")]
    assert all(s[t.mention.start : t.mention.end] == t.text for t in parts)


def test_find_without_anchor_resolves_only_absolute_dates():
    out = find_timexes("On Friday, as on 2 June 2025, talks were held in 2022.", None)
    assert [(t.text, t.timex) for t in out] == [("Friday", None), ("2 June 2025", "2025-06-02"), ("2022", "2022")]


def _embedded_text() -> str:
    """Every expression of the table inside a sentence, for the scan checks below."""
    return "\n".join(f"On that note, {r[1]} was mentioned by 1,000 people." for r in ROWS)


def test_quick_scan_finds_what_a_scan_of_every_position_finds():
    text = _embedded_text() + "\n" + "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))

    def run(fast: bool):
        results, state = [], T._State()
        for line in T._LINE.finditer(text):
            T._scan_line(text, line.start(), line.end(), D(SUN), state, results, "d", 0, None, None, False, fast=fast)
        return [(t.mention.start, t.mention.end, t.timex) for t in results]

    quick, full = run(True), run(False)
    assert quick == full
    assert len(quick) >= len(ROWS)


def test_every_table_expression_is_found_whole_in_running_text():
    for source, text, anchor, options, *_ in ROWS:
        sentence = f"Officials said {text} was mentioned."
        out = find_timexes(sentence, _d(anchor), reference=_d(options.get("reference")), period=options.get("period"))
        # "on Saturday" is found as "Saturday", "a 90-day (truce)" as "90-day"
        core = re.sub(r"^an?\s+(?=\d)", "", T._SOFT_PREP.sub("", text))
        assert any(core in t.text for t in out), (text, [t.text for t in out])


@pytest.mark.parametrize("path", sorted((CORPUS / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_gold_timexes_of_the_corpus(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = CORPUS / f"{gold['doc']}.txt"
    if not doc.exists():
        doc = Path(__file__).parent.parent / "seeds" / f"{gold['doc']}.txt"
    text = doc.read_text(encoding="utf-8")
    found = find_timexes(text, D(gold["published"]), doc_id=gold["doc"], split_ranges=True)
    for t in found:
        assert text[t.mention.start : t.mention.end] == t.text
    for g in gold.get("timexes", []):
        hits = [t.timex for t in found if g["text"].lower() in t.text.lower()]
        if g.get("optional"):
            continue
        assert g["value"] in hits, (g, hits)


def test_a_text_repeated_gives_its_expressions_repeated():
    """Every copy of the corpus bodies gives the same expressions (the speed of this on a
    megabyte is measured by bench/long_text.py)."""
    body = "\n".join(p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(CORPUS.glob("*.txt")))
    once = [(t.text, t.timex) for t in find_timexes(body, D(SUN))]
    out = find_timexes((body + "\n") * 4, D(SUN))
    assert len(once) > 50 and [(t.text, t.timex) for t in out] == once * 4


def test_weeks_are_iso_weeks():
    for n in range(0, 400, 13):
        anchor = D("2024-12-20") + timedelta(days=n)
        tv = normalize("next week", anchor)
        assert tv.earliest.weekday() == 0 and tv.latest.weekday() == 6
        assert tv.earliest - anchor <= timedelta(days=7) and tv.earliest > anchor
        y, w, _ = tv.earliest.isocalendar()
        assert tv.timex == f"{y}-W{w:02d}"


def test_an_ordinal_before_a_noun_is_no_day_of_the_month():
    s = "Under the plan, truce talks open on the 16th day, the 25th anniversary is marked on the 3rd, and the 4th round follows."
    assert _found(s, SUN) == [("the 3rd", "2025-07-03")]


def test_a_four_digit_clock_is_no_year():
    s = "The guns fell silent at 1830 hours local time on Tuesday; the envoys met again at 0900 hrs."
    assert _found(s, SUN) == [("1830 hours local time on Tuesday", "2025-07-15T18:30"), ("0900 hrs", "2025-07-15T09:00")]
    assert _found("A truce holds from 2100 hours.", SUN) == [("2100 hours", "2025-07-20T21:00")]
    assert _found("Volunteers gave some 2000 hours of work.", SUN) == [("some 2000 hours", "PT2000H")]


def test_datelines():
    s = "Geneva | Fri, 14-Mar-2025 | 10:15\nDelegates met on 21-10-2024 and again on 03.04.2025."
    assert _found(s, "2025-04-02") == [("Fri, 14-Mar-2025", "2025-03-14"), ("10:15", "2025-03-14T10:15"),
                                       ("21-10-2024", "2024-10-21"), ("03.04.2025", "2025-04-03")]  # fmt: skip


def test_the_day_of_the_report():
    s = "Negotiators left the venue a few hours ago, a spokesman said. Minutes ago the ministry confirmed it."
    assert _found(s, SUN) == [("a few hours ago", SUN), ("Minutes ago", SUN)]
    # a clock time alone: a day told in its sentence or the two before, else the report's
    s = "A signing is planned for Thursday in Doha. The ministry confirmed the plan. It will start at 11 a.m. local time."
    assert _found(s, SUN) == [("Thursday", THU), ("11 a.m. local time", "2025-07-24T11:00")]
    assert _found("The two foreign ministers spoke by phone at 9:30 p.m.", SUN) == [("9:30 p.m.", "2025-07-20T21:30")]
    # farther back, a day ahead told earlier, in a future clause
    s = ("A dinner is planned on Tuesday in New York.\n\nIt is part of an effort to revive the talks. "
         "A spokesman confirmed the plan to reporters.\n\nThe guests will arrive at 7 p.m., he said.")
    assert _found(s, "2024-10-14") == [("Tuesday", "2024-10-15"), ("7 p.m.", "2024-10-15T19:00")]
    assert _found(s.replace("will arrive", "arrived"), "2024-10-14") == [("Tuesday", "2024-10-15"), ("7 p.m.", "2024-10-14T19:00")]
    s = "The minister arrived on Monday and spoke to reporters later in the day."
    assert _found(s, SAT) == [("Monday", MON), ("later in the day", MON)]


def test_a_part_of_the_day_after_a_preposition():
    s = "Talks had been set for noon on Monday but were pushed back to the evening."
    assert _found(s, "2025-07-22") == [("noon on Monday", "2025-07-21T12:00"), ("the evening", "2025-07-21TEV")]
    assert _found("The morning session opened on Monday.", "2025-07-22") == [("Monday", "2025-07-21")]


def test_a_bound_on_a_possessive_is_the_period_itself():
    s = "Mediators flew in after this week's first session and will leave before next month's vote."
    out = find_timexes(s, D(WED))
    assert [(t.text, t.earliest, t.latest) for t in out] == [
        ("after this week", D("2025-07-21"), None), ("before next month", None, D("2025-08-31"))]  # fmt: skip


def test_an_undertaking_to_meet_points_ahead():
    assert _found("The two sides agreed to reconvene in Nairobi in March.", SUN) == [("March", "2026-03")]
    assert _found("In Caracas in January the rebels agreed to meet again.", SUN) == [("January", "2026-01")]
    s = "Talks were due to begin in May after the army agreed to meet the rebels' demands, but fighting resumed."
    assert _found(s, SUN) == [("May", "2025-05")]


def test_background_periods():
    s = "Contacts began in early 2000s, broke off in the mid-1990s and resumed under the 2015 accord."
    out = find_timexes(s, D(SUN))
    assert [(t.text, t.timex, t.earliest, t.latest) for t in out] == [
        ("early 2000s", "200", D("2000-01-01"), D("2009-12-31")),
        ("the mid-1990s", "199", D("1990-01-01"), D("1999-12-31")),
        ("2015", "2015", D("2015-01-01"), D("2015-12-31")),
    ]  # fmt: skip


def test_a_publication_known_to_the_month():
    s = "The envoys met on Monday and agreed to set up a commission before the end of this month; talks began in March."
    out = find_timexes(s, None, period="2022-04")
    assert [(t.text, t.timex, t.earliest, t.latest) for t in out] == [
        ("Monday", None, None, None),
        ("before the end of this month", "2022-04", None, D("2022-04-30")),
        ("March", "2022-03", D("2022-03-01"), D("2022-03-31")),
    ]  # fmt: skip
    assert find_timexes(s, D("2022-04-12"), period="2021-01")[1].latest == D("2022-04-30")  # a day wins


def test_the_day_of_a_report_known_to_the_month_is_a_day_of_that_month():
    """'today', 'this afternoon', 'hours ago' in a report known to its month only: the
    month (its days bound the day); 'yesterday' may fall in the month before, and a
    report known to its year only gives no month."""
    s = "The board voted this afternoon, hours ago the mediators left, and the accord is signed today; yesterday they met."
    out = find_timexes(s, None, period="2023-09")
    assert [(t.text, t.timex, t.earliest, t.latest) for t in out] == [
        ("this afternoon", "2023-09", D("2023-09-01"), D("2023-09-30")),
        ("hours ago", "2023-09", D("2023-09-01"), D("2023-09-30")),
        ("today", "2023-09", D("2023-09-01"), D("2023-09-30")),
        ("yesterday", None, None, None),
    ]  # fmt: skip
    assert normalize("today", None, period="2023").timex is None


def test_a_weekday_after_can_is_ahead():
    """'can start selling on Friday': what may be done is ahead, the coming Friday; a
    Friday said of the past, or after 'cannot recall', stays the last one."""
    sat = D("2026-03-14")
    s = "Under the deal, farmers can start selling grain at the border market on Friday."
    assert [t.timex for t in find_timexes(s, sat)] == ["2026-03-20"]
    for s in ("Officials said on Friday that farmers can sell grain.", "He cannot recall what was agreed on Friday."):
        assert [t.timex for t in find_timexes(s, sat)] == ["2026-03-13"], s


def test_today_in_quoted_words_of_a_report_of_an_earlier_day_is_that_day():
    """The narrator tells of Wednesday in Friday's paper: 'the accord signed today,' said
    in quotes, is Wednesday's today; the narrator's own 'today' stays Friday, and a quote
    in a report of the day itself keeps the day of the report."""
    fri = D("2026-03-13")
    s = ('The two sides agreed on Wednesday to end the war.\n"The accord signed today is only a start," '
         "said the mediator.\nThe deal was welcomed today by neighbours.")
    assert [(t.text, t.timex) for t in find_timexes(s, fri)] == [
        ("Wednesday", "2026-03-11"), ("today", "2026-03-11"), ("today", "2026-03-13")]
    assert [t.timex for t in find_timexes('"We signed it today," she said.', fri)] == ["2026-03-13"]
