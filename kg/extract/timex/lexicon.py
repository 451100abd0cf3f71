"""Phrasing knowledge of the temporal normalizer, as data: names of months, weekdays,
seasons and parts of day, number words, duration units, words that are counts not
years, future cues, and the words of relative and bounding expressions.
"""

from __future__ import annotations


MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
#: Weekday abbreviations, read only in front of a date ("Sat, 28-Jun-2025", "Tue 14 Jan").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "a hundred": 100, "one hundred": 100, "hundred": 100,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "many")
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip
#: Duration units: ISO designator, whether it is a time part (after "T"), multiplier.
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1),
    "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100),
}  # fmt: skip
#: Nouns after a four-digit number that make it a count, not a year.
COUNT_NOUNS = (
    "people", "persons", "prisoners", "soldiers", "troops", "civilians", "children", "men",
    "women", "dead", "bodies", "casualties", "deaths", "killed", "wounded", "injured",
    "captives", "refugees", "residents", "households", "homes", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "feet", "tons", "tonnes", "barrels",
    "dollars", "euros", "pounds", "rubles", "roubles", "hryvnias", "units", "tanks",
    "drones", "missiles", "shells", "rockets", "votes", "hectares", "acres", "cases",
    "times", "others", "more", "percent", "per", "pages", "words", "members", "delegates",
    "workers", "students", "patients", "hostages", "detainees", "pows", "names", "sq",
    "hours", "hrs",  # "from 1700 hours": a clock time
)
#: Nouns after "the 16th" that make it an ordinal, not a day of the month ("on the
#: 16th day of the truce", "the 30th anniversary", "the 12th round").
ORDINAL_NOUNS = (
    "day", "days", "week", "weeks", "month", "months", "year", "years", "anniversary",
    "birthday", "round", "rounds", "session", "sessions", "meeting", "summit", "century",
    "time", "edition", "amendment", "congress", "plenum", "party", "conference", "floor",
    "straight", "consecutive", "successive", "place", "term", "sitting", "convocation",
    "assembly", "attempt", "stage", "phase", "batch", "group", "exchange", "swap", "visit",
    "trip", "package", "article", "paragraph", "point", "clause", "provision", "resolution",
    "brigade", "division", "corps", "army", "parallel", "minute", "hour",
)
#: Words that signal a future-tense clause (used when no tense is supplied).
FUTURE_CUES = (
    r"will", r"won't", r"shall", r"'ll", r"(?:is|are)\s+due", r"(?:is|are)\s+set\s+to",
    r"(?:is|are)\s+expected\s+to", r"(?:is|are)\s+scheduled", r"(?:is|are)\s+planned",
    r"plans?\s+to", r"planning\s+to", r"intends?\s+to", r"going\s+to", r"to\s+be\s+held",
    r"upcoming", r"(?:is|are)\s+to", r"(?:is|are)\s+slated",
    # "a meeting (was being) arranged for Monday"; not "had been scheduled for Monday"
    r"(?<!had\sbeen\s)(?:arranged|scheduled|set|slated|planned|fixed|pencil+ed\s+in)\s+for",
    # "planned talks on Thursday", "as soon as Tuesday" (not "would": "said on Thursday he would")
    # (the verb with its object only before the expression: row FUTURE_CUES_BEFORE)
    r"(?<!been\s)(?<!was\s)(?<!were\s)(?<!originally\s)(?:planned|proposed(?!\s+(?:a|an|to|on|last|earlier|late|yesterday)\s))(?=\s+[a-z])",
    r"as\s+soon\s+as", r"effective", r"payable", r"(?<!was\s)(?<!were\s)set\s+to",
    r"(?<!to\s)(?:begins?|starts?|opens?|resumes?|ends?|expires?|closes?)(?=\s+(?:on|next|this|in)\b)",
    r"(?<!to\s)(?<!the\s)(?:expires|ends|runs\s+out)(?=\s*$)",  # "the truce expires Monday": the date right after
    # "agreed to meet again in August": an undertaking is about a time ahead
    # (not "agreed to meet the demands": "meet" with an object is another verb)
    r"(?:agreed|agree|decided|promised|pledged|vowed|hopes?|hoped|aims?|aimed)\s+to\s+(?:meet(?!\s+(?:the"
    r"|their|its|his|her|all|some|these|those|a|an|any|demands?|conditions?|preconditions?|targets?|deadlines?"
    r"|needs?|obligations?|requirements?|expectations?|commitments?)\b)|reconvene|resume|hold|return|visit"
    r"|travel|convene|sign)\b",
    r"meet\s+again",
    # "the summit has been moved to June", "postponed until May": a new date, ahead (the
    # date right after the word, not "moved to Dara on Monday", where "to" names a place)
    r"(?:postponed|put\s+off|pushed\s+back|delayed|deferred|moved|rescheduled|shifted|adjourned|recessed)\s+(?:to|until|till)"
    r"(?=(?:\s+(?:the|on|in|at|early|late|mid|next|this|a|an))*\s*$)",
    # "set a new deadline of Monday": a deadline lies ahead of the day it is set on
    # (not "missed the deadline of Friday")
    r"(?:set|sets|setting|gave|give|gives|giving|imposed?|imposing|issued?|extended|extends?)"
    r"(?:\s+[\w']+){0,4}?\s+deadline\s+(?:of|on|for)",
    # a deadline told in the present or the perfect lies ahead: "have set Monday as the new
    # deadline", "the deadline is Friday", "the new deadline for a reply is Monday", "a Sunday
    # deadline", "Monday is the deadline" (not "Monday was the deadline", "missed a Friday deadline")
    r"as\s+(?:the|a|an|its|their)\s+(?:new\s+|final\s+|latest\s+|revised\s+|firm\s+|last\s+)?deadline",
    r"deadlines?(?:\s+(?!(?:was|were|had|passed|expired|lapsed)\b)[\w']+){0,5}?\s+(?:is|are|remains|falls)(?:\s+(?:now|still|on))*\s*$",
    r"^\s*deadline\b(?!\s+(?:passed|expired|lapsed|was|ran|had))", r"^\s+is\s+(?:the|a|its|their)\s+(?:new\s+|final\s+|latest\s+)?deadline",
    r"(?<!was\s)(?<!were\s)extended\s+(?:to|until|till)(?=\s*$)",
    # "talks are expected in May", "the summit is now due in June": a time ahead, an adverb
    # between the verb and its participle or not
    r"(?:is|are)\s+expected\s+(?:in|on|next|this|later|by|before|within|early|late)\b",
    r"(?:is|are)\s+(?:now|still|also|widely|tentatively)\s+(?:due|expected|scheduled|planned|slated|set\s+to)",
    # "the board meeting due on Thursday", "a two-day session beginning Thursday": an
    # event told with the day it is due or starts on, right before the expression
    r"(?<!was\s)(?<!were\s)(?<!\bis\s)(?<!\bare\s)\bdue\s+(?:on|in)(?=\s*$)",
    r"\b(?:beginning|starting)(?:\s+on)?(?=\s*$)",
)
#: Future cues that count only before the expression, in its clause ("would meet on
#: Friday"), not after it ("said on Thursday he would meet").
FUTURE_CUES_BEFORE = (r"would", r"could", r"can(?!['’]t|not)",  # "can begin reporting on Friday": ahead
                      r"proposed(?=\s+(?:a|an|to)\s)")  # "proposed a meeting before May", not "X on Monday proposed a"
#: Verbs in the past tense that do not end in -ed (a verb ending in -ed counts too).
#: Verbs that put something forward: a clause or an infinitive they govern tells what is
#: to come ("suggested that the leaders hold a summit in June", "urged them to meet in May",
#: "proposed that talks be held in May"), and so does what they want in the present ("wants
#: talks in May"); lemmas.
PUT_FORWARD_VERBS = frozenset((
    "suggest", "propose", "recommend", "urge", "demand", "insist", "ask", "request", "call", "invite", "offer",
    "want", "seek", "wish",
))
#: Of :data:`PUT_FORWARD_VERBS`, those whose object itself is still to come when they are in
#: the present ("Kenya wants talks in May").
WANTING_VERBS = frozenset(("want", "seek", "wish", "demand", "propose", "suggest", "urge"))

PAST_VERBS = (
    "was", "were", "had", "did", "ago", "met", "began", "came", "went", "took", "made", "held",
    "told", "sold", "bought", "rose", "fell", "won", "lost", "left", "saw", "gave", "got", "ran",
    "paid", "led", "struck", "fought", "broke", "spent", "sent", "built", "thought", "brought",
    "became", "kept", "stood", "knew", "wrote", "spoke", "chose", "drew", "grew", "flew", "sought",
)


# Seasons cover both the meteorological and the astronomical definitions.
_SEASON_SPANS = {"SP": ((3, 1), (6, 21)), "SU": ((6, 1), (9, 23)), "FA": ((9, 1), (12, 21))}
# When a season has begun and ended, by the meteorological definition.
_SEASON_MET = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


_REL_DAYS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
    "the day after tomorrow": 2, "the day before yesterday": -2, "earlier today": 0,
    "later today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "overnight": -1,  # told in the past: the night before the report (see relative._h_rel_day)
}  # fmt: skip


_ANAPHOR_DAYS = {
    "before": -1, "previous": -1, "earlier": -1, "prior": -1, "after": 1, "next": 1,
    "following": 1, "later": 1, "same": 0, "that": 0,
}  # fmt: skip


_REFS = {
    "recent": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "in the past": "PAST_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "for now": "PRESENT_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "in the future": "FUTURE_REF",
    "in the near future": "FUTURE_REF", "in due course": "FUTURE_REF",
}  # fmt: skip


_UPPER = ("by", "before", "until", "till", "up to", "through", "no later than", "not later than",
          "ahead of", "prior to")  # fmt: skip
_DEADLINES = ("by", "until", "till", "through", "no later than", "not later than")
_BEFORE_START = ("before", "ahead of", "prior to")


_FUTURE_WORDS = ("will", "won't", "shall", "'ll", "due", "set to", "expected", "schedul", "plan",
                 "intend", "going to", "to be held", "upcoming", "is to", "are to", "slated",
                 "propos", "soon as", "would", "could", "can", "effective", "payable", "begin", "start", "open", "resum", "end", "expir", "clos",
                 "arranged for", "set for", "fixed for", "in for", "agree", "decided", "promised",
                 "pledged", "vowed", "hope", "aim", "meet again", "deadline", "postpon", "put off",
                 "pushed back", "delayed", "deferred", "moved", "reschedul", "shifted", "adjourn", "recess",
                 "beginning", "starting")  # fmt: skip

#: Adverbs of a set ("daily") and the TIMEX3 value of each.
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
}  # fmt: skip
#: "every <unit>" and the TIMEX3 value of the set.
SET_UNITS: dict[str, str] = {
    "day": "P1D", "night": "P1D", "week": "P1W", "weekend": "P1W", "month": "P1M", "quarter": "P1Q",
    "year": "P1Y", "hour": "PT1H", "minute": "PT1M", "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV",
}  # fmt: skip
#: How the first two digits of a year are said ("nineteen ninety-six").
SPOKEN_CENTURIES: dict[str, int] = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}

#: Words normalized when asked (``normalize("currently")``) but not reported in running
#: text: TimeML leaves them untagged, and they date nothing ("previously announced").
NOT_IN_RUNNING_TEXT = frozenset(("previously",))
#: Decades said in words, with the century understood ("the nineties": the 1990s).
DECADE_WORDS: dict[str, int] = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990,
}  # fmt: skip
