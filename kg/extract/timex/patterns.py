"""Regular-expression building blocks and the pattern of each kind of expression.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.timex.lexicon import COUNT_NOUNS, ORDINAL_NOUNS


_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH = rf"(?-i:(?:{_MONTH_FULL})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
MONTHF = rf"(?-i:{_MONTH_FULL})(?![a-z])"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
WEEKDAY_ABBR = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?![a-z])"
DAYNUM = r"(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d,.$€£#])(?:1[5-9]\d\d|20\d\d)(?!\d|[,.]\d)"
NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+dozen|dozen|a\s+hundred|one\s+hundred|hundred)(?![a-z])"
)
NUM = rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\d,]\d)|{NUMW})"
NUMA = rf"(?:{NUM}|a\s+couple\s+of|couple\s+of|a\s+few|several|many|an?)"  # "a week", "a few days"
NUMD = rf"(?:{NUM}|an?)"  # definite amounts, for date arithmetic
UNIT = (
    r"(?:seconds|secs|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?"
    r"|months?|quarters?|years?|decades?|centur(?:y|ies))(?![a-z])"
)
DATE_UNIT = r"(?:days?|nights?|weeks?|fortnights?|months?|years?|decades?)(?![a-z])"
DUR_MOD = (
    r"(?:a\s+little\s+(?:over|more\s+than|under|less\s+than)|more\s+than|less\s+than"
    r"|fewer\s+than|just\s+(?:over|under)|well\s+(?:over|under)|only\s+about|only\s+around"
    r"|at\s+least|at\s+most|up\s+to|close\s+to|upwards\s+of|the\s+better\s+part\s+of"
    r"|nearly|almost|about|around|roughly|approximately|some|barely|only|under|over"
    r"|a\s+full|the\s+full|a\s+further|another)"
)
PART = r"(?:morning|afternoon|evening|night)"
MOD = (
    r"(?:the\s+(?:very\s+)?(?:start|beginning|end|middle|close|turn)\s+of|early|late|mid"
    r"|end|start|earlier\s+in|later\s+in)"
)
REL_NEXT = r"(?:next|last|this|the\s+coming|the\s+upcoming|the\s+following|the\s+previous|that|the\s+same|the)"
REL_YEAR = r"(?:this\s+year|last\s+year|next\s+year|the\s+year)"
_COUNT = "|".join(COUNT_NOUNS)
_SOFT_PREP = re.compile(r"^(?:on|in|at|during|over|of|for|around|circa|c\.|throughout|within)\s+", re.I)
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _unname(pattern: str) -> str:
    """Drop group names so that a pattern can be embedded more than once."""
    return _GROUP_NAME.sub("(?:", pattern)


_P_ISO = r"(?<![\d-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"
#: "March 12, 2020", and "March 12th , 2020" with a stray space before the comma
_P_MDY = rf"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:(?:[ \t]?,)?\s+(?P<y>{YEAR}))?"
_P_DMY = (
    rf"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})"
    rf"(?:(?:[ \t]?,)?\s+(?P<y>{YEAR}))?"  # "18 May, 2021", and "12th , 2020" with a stray space
)
#: Datelines: "28-Jun-2025", "Sat, 28-Jun-2025", "28/Jun/2025".
_P_DMY_DASH = (
    rf"(?:(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?(?P<d>{DAYNUM})(?P<s1>[-/])(?P<mon>{MONTH})[-/](?P<y>{YEAR})"
)
#: All-numeric dates: "13-09-2025", "09/13/2025", "13.09.2025" (day and month told apart
#: by which one exceeds 12, else by the anchor).
_P_NUMERIC_DATE = (
    r"(?<![\d./-])(?P<a>0?[1-9]|[12]\d|3[01])(?P<s1>[-/.])(?P<b>0?[1-9]|[12]\d|3[01])[-/.]"
    r"(?P<y>(?:19|20)\d\d)(?![\d/-]|\.\d)"
)
_P_MY = rf"(?P<mon>{MONTH})\s*,?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<ry>last|next|this)\s+year(?!['’]s))"
_P_MONTH_MOD = rf"(?P<mod>{MOD})[\s-]*(?P<mon>{MONTHF})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?"
_P_REL_MONTH = rf"(?P<rel>this\s+past|this\s+coming|last|next|this|that)\s+(?P<mon>{MONTHF})"
_P_QUARTER = (
    rf"(?:Q(?P<q>[1-4])|the\s+(?P<qo>first|second|third|fourth|final|last)\s+quarter)"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR}|{REL_YEAR}))?"
)
_P_HALF = (
    rf"(?:H(?P<h>[12])|the\s+(?P<ho>first|second|latter)\s+half)\s+(?:of\s+)?"
    rf"(?P<y>{YEAR}|{REL_YEAR})"
)
# "fall" is a season unless it reads as the noun or verb ("the fall of Kabul", "a fall in prices")
_SEASONW = (
    r"(?:spring|summer|autumn|winter|fall(?!\s+(?:of\s+(?!(?:1[5-9]|20)\d\d)|in|to|from|and|out|back"
    r"|short|apart|behind|off|down|through|under|on|for|by|into|below|sharply|further)\b))"
)
_P_SEASON = (
    rf"(?:(?P<mod>{MOD}|earlier|later)[\s-]+)?"
    rf"(?:(?P<rel>this\s+past|this|last|next|that|the\s+same|the\s+coming|the\s+upcoming|the\s+following"
    rf"|the\s+previous|the\s+past|the)\s+)?(?P<s>{_SEASONW})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?"
)
_P_SEASON_BARE = rf"(?P<s>{_SEASONW})"
_P_DECADE = (
    r"the\s+(?:(?:early|mid|late)[\s-]*)?(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s|['’](?P<d2>\d0)s"
    r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
    # without "the" only in digits ("talks in early 2000s", "since 1990s")
    r"|(?:(?:early|mid|late)[\s-]*)?(?P<dec3>(?:1[5-9]|20)\d0)s"
)
_P_CENTURY = (
    r"(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century|the\s+(?:(?P<co>first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth))\s+century"
)
_P_REL_DAY = (
    rf"(?P<w>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|last\s+night"
    rf"|earlier\s+today|later\s+today|this\s+morning|this\s+afternoon|this\s+evening"
    rf"|today|tonight|yesterday|tomorrow|overnight(?![\s-]+(?:rates?|stays?|trains?|flights?|trading|session)\b))"
    rf"(?:\s+(?P<part>{PART}))?"
)
#: A part of the day after a preposition ("deferred to the evening", "in the morning"):
#: of the day referred to.
_P_PART_OF_DAY = (
    r"the\s+(?P<part>morning|afternoon|evening)(?![\w-]|['’]s|\s+(?:of|before|after|news|session|sessions"
    r"|prayers?|papers?|edition|shift|rush|meal|show|star|hours|flight|briefing|address)\b)"
)
#: "hours ago", "a few minutes ago": the day of the report.
_P_HOURS_AGO = (
    rf"(?:(?:a\s+few|several|some|a\s+couple\s+of|{NUMW}|\d+|an?)\s+)?(?:hours?|minutes?|hrs)\s+ago"
)
_P_ANAPHOR_DAY = (
    r"(?:the\s+(?P<part>day|night|evening|morning)\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow))"
    r"|the\s+(?P<dir2>previous|next|following|same)\s+(?P<part2>day|evening|morning|afternoon|night)"
    r"|(?:a|one)\s+day\s+(?P<dir3>earlier|later)"
    r"|(?P<dir4>later|earlier)\s+(?:that|in\s+the)\s+(?P<part4>day|morning|afternoon|evening|night)"
    r"|(?P<dir5>that)\s+(?:same\s+)?(?P<part5>day|morning|afternoon|evening|night)"
    r"|(?:(?:a\s+few|several|some|a\s+couple\s+of|two|three|four|an?|one)\s+)?(?P<dir6>hours?|minutes)\s+later)"
)
#: "since then", "ever since then": from the time told just before
_P_SINCE_THEN = r"(?:ever\s+)?since\s+then\b"
_P_NUM_REL = (
    rf"(?P<n>{NUMD})\s+(?P<u>{DATE_UNIT})\s+(?P<rel>ago|from\s+now|later|earlier"
    rf"|(?:before|after|prior)(?=\s*[,.;:)]|\s*$))"
    rf"|in\s+(?P<n2>{NUMD})\s+(?P<u2>{DATE_UNIT})(?P<rel2>['’]s?\s+time)"
)
_P_WEEK = (
    r"the\s+week\s+(?P<ba>before|after)(?=\s*[,.;:)]|\s*$)|"  # "The week before, ...": the week before the one told of
    r"(?P<rel2>the\s+week\s+ahead|the\s+week\s+before\s+last)|"
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>next|last|this|the\s+coming|the\s+upcoming"
    r"|the\s+following|the\s+previous|the\s+past|the\s+last|that|the\s+same|the)\s+week"
    r"(?!end|s|\s+of\b|\s+ahead|\s+before\s+last|['’]s\s+(?:time))"
)
_P_WEEK_OF = rf"the\s+week\s+of\s+(?P<x>{_unname(_P_MDY)}|{_unname(_P_DMY)}|{_unname(_P_ISO)})"
_P_WEEKEND = (
    r"(?P<rel>this|last|next|that|the\s+coming|the\s+upcoming|the\s+past|the\s+previous"
    r"|the\s+following|the\s+same|the)\s+weekend(?!s)"
)
_P_MONTH_REL = (
    r"the\s+month\s+(?P<ba>before|after)(?=\s*[,.;:)]|\s*$)|"
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>{REL_NEXT}|the\s+past|the\s+last)\s+month"
    r"(?!s|\s+of\b|['’]s\s+time)"
)
_P_YEAR_REL = (
    r"the\s+year\s+(?P<ba>before|after)(?=\s*[,.;:)]|\s*$)|"
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>{REL_NEXT}|the\s+past|the\s+last)\s+year"
    r"(?!s|\s+of\b|\s*\d|['’]s\s+time)"
)
_P_YEAR_MOD = rf"(?P<mod>{MOD})[\s-]*(?P<y>{YEAR})"
_P_WEEKDAY = (
    rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<wk>next|last|this)\s+week)?(?:\s+(?P<part>{PART}))?"
)
_P_MONTH = rf"(?P<mon>{MONTHF})"
_P_DAY_OF_MONTH = (
    rf"the\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?!\s+(?:of\s+)?{MONTH}"
    rf"|[\s-]+(?:{'|'.join(ORDINAL_NOUNS)})(?![a-z]))"
)
_AMOUNT_WORDS = ("for", "about", "over", "than", "some", "nearly", "almost", "around", "of", "the", "those", "these")
_ZONE = (
    r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|CET|CEST|EET|EEST|MSK|IST|local\s+time"
    r"|\(local\s+time\)|Moscow\s+time|Kyiv\s+time))?"
)
_TIME = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m(?![\w]))" + _ZONE +
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])(?:\s+(?:hours|hrs)(?![a-z]))?" + _ZONE +
    # the 24-hour clock said in hours ("at 1700 hours", "1200 hrs"), not an amount ("for 1200 hours")
    r"|(?<![\d,.])" + "".join(rf"(?<!\b{w}\s)" for w in _AMOUNT_WORDS) +
    r"(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?:hours|hrs)(?![a-z])" + _ZONE +
    r"|(?P<w>noon|midnight|midday))"
)
_P_TIME = _TIME
_P_YEAR = (
    rf"(?:the\s+year\s+)?(?P<y>{YEAR})(?!\s+(?:{_COUNT})\b|\s*%|\s+per\s*cent)"
)
_P_REF_PREP = (
    r"(?P<w>(?:in|over|during|within)\s+(?:the\s+)?(?:coming|upcoming|next\s+few|past\s+few|last\s+few"
    r"|recent)\s+(?:days|weeks|months|years)"
    r"|(?:in|over)\s+the\s+(?:days|weeks|months|years)\s+ahead"
    rf"|in\s+the\s+(?:near\s+)?future|in\s+due\s+course|in\s+the\s+past(?!\s+(?:few|several|\d|{NUMW}|week|month|quarter|year|day|decade|century)))"
)
_P_REF = (
    r"(?P<w>the\s+(?:coming|upcoming|next\s+few)\s+(?:days|weeks|months|years)"
    r"|the\s+(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|quarters|years)"
    r"|(?:several|a\s+few|many)\s+(?:days|weeks|months|years|decades)\s+ago"
    r"|the\s+(?:near|short)\s+term"
    r"|(?:future|coming)\s+(?:quarters|years)|a\s+later\s+date"
    r"|(?<!most\s)(?<!more\s)recent\s+(?:days|weeks|months|quarters|years)"
    r"|(?<=\bthe\s)current(?=\s+(?!account|affairs|events|and|of|to|in|on|at)[a-z])"
    r"|(?<='s\s)current(?=\s+[a-z])|(?<=’s\s)current(?=\s+[a-z])|as\s+soon\s+as\s+possible"
    r"|(?<=\bits\s)current(?=\s+[a-z])|(?<=\btheir\s)current(?=\s+[a-z])|(?<=\bhis\s)current(?=\s+[a-z])"
    r"|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|(?<!most\s)(?<!more\s)recent(?:ly)?|lately|previously|currently|at\s+present"
    r"|at\s+the\s+moment|nowadays|these\s+days|right\s+now|for\s+now|now(?!\s+that)"
    r"|(?<!as\s)soon(?!\s+(?:after|afterwards|before|as)\b)|shortly(?!\s+(?:after|afterwards|before)))"
)
_P_DURATION_RANGE = (
    rf"(?:{DUR_MOD}\s+)?(?P<n1>{NUM})\s*(?:to|-|–|or)\s*(?P<n2>{NUM})[\s-]+(?P<u>{UNIT})"
    r"(?![-\s]+old\b)"
)
_P_DURATION = (
    rf"(?:(?:the\s+(?:past|last|next|first)|{DUR_MOD})\s+)?(?P<n>{NUMA})"
    rf"(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<u>{UNIT})(?P<half2>\s+and\s+a\s+half)?(?![-\s]+old\b)"
    r"(?!\s+(?:ago|later|earlier|from\s+now)\b)"
)
_P_HALF_UNIT = r"(?:half\s+an?|a\s+half)[\s-]+(?P<u>hour|day|year|month|century)(?![a-z])"
_P_VAGUE_DURATION = r"(?P<u>hours|days|weeks|months|quarters|years|decades|centuries)"
_P_ORDINAL_DURATION = (
    r"(?:its|their|his|her)\s+(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?P<u>day|week|month|year)(?![a-z])"
)
