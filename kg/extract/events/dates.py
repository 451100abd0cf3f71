"""Dates after coreference: sentence dates for undated events, the publication
day for reports of that day (told by the lead's dates, by a press conference, by
"today" in a statement's own words), one bound only where the words give one
(talks that began in a month, ended, stalled, or whose closing or opening session
is dated; an event a dated statement tells as done), ends at publication (or at
the end of the month or year a report is known to only); truces in force and the
day a truce starts on are in :mod:`~kg.extract.events.truces`."""

from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.events.anchored import _one_day
from kg.extract.events.focus import _event_at, _event_in
from kg.extract.events.lexicon import LEAD_LINES, MEETING_FAMILY, SAME_DAY_REACH
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _climb, _embedding_speech, _future, _gov, _hypothetical, _is_verb, _lemma, _negated, _perfect, _sent,
    _speech_lemma,
)
from kg.extract.events.truces import _truces_in_force  # noqa: F401 - the stage's last step (see truces.py)
from kg.extract.events.times import _round_noun_of
from kg.records import TimeValue

#: The value of a duration in days ("two-day talks": P2D).
_DAYS_RX = re.compile(r"P(\d+)D")


def _free_dates(state):
    pub = state.ctx.pub
    by_sent: dict[int, list] = {}
    for k, (tv, span) in enumerate(state.timexes):
        if k not in state.claimed and tv.granularity == "day" and (pub is None or tv.earliest <= pub):
            by_sent.setdefault(span.sent.start, []).append(tv)
    for e in state.cands:
        if e.role != "event" or e.target is not None:
            continue
        if e.time is None and e.status == "Occurred" and e.kind in MEETING_FAMILY and not getattr(e, "implied", False):
            # a single unclaimed date of the sentence ("agreed on Wednesday ... their third round")
            free = by_sent.get(_sent(e.trig).start, [])
            if len(free) == 1 and e.round is not None:
                e.time = free[0]


def _sentence_dates(state):
    for e in state.clusters:
        word = getattr(e, "ctx_word", None)
        if e.time is None and word == "before_clause":
            ev = _event_in(state, getattr(e, "ctx_clause", None))
            if ev is not None and ev is not e and ev.time and ev.time.earliest:
                e.latest = ev.time.earliest
        if e.time is None and e.earliest is None and word == "after" and getattr(e, "ctx_tok", None) is not None:
            # "following the signing, the ministers held consultations": not before the signing
            ev = _event_at(state, e.ctx_tok)
            if (ev is not None and ev is not e and ev.status == "Occurred" and ev.time is not None
                    and ev.time.granularity == "day" and ev.time.earliest is not None):
                e.earliest = ev.time.earliest
        if (e.time is None and e.earliest is None and e.latest is None and word in ("at", "during")
                and e.kind in MEETING_FAMILY and e.status == "Occurred" and getattr(e, "ctx_tok", None) is not None):
            # "on the sidelines of the talks, which opened on Monday, the minister met the
            # mediator": within the talks' days
            ev = _event_at(state, e.ctx_tok)
            if ev is not None and ev is not e and ev.status in ("Occurred", "Ongoing"):
                if ev.time is not None and ev.time.granularity in ("day", "range") and ev.time.earliest is not None:
                    e.earliest, e.latest = ev.time.earliest, ev.time.latest
                elif ev.time is None and ev.earliest is not None:  # talks opened on a day, still going
                    e.earliest, e.latest = ev.earliest, ev.latest


def _same_day_lines(state) -> set[int]:
    """The lines (paragraphs, by index among the non-blank lines of the body)
    where the report is of the publication day.

    When the lead (the first lines: headline, lead paragraph) reports, as its
    first dated meeting or statement, one on the publication day ("talks were held on Monday" in
    Monday's paper, "today"), the report is of that day; a statement quoted
    without a time of its own in the paragraph of a mention of that day, or in
    the next ones, was made that day too. Farther on, background may have come
    between."""
    pub = state.ctx.pub
    if not state.sents:
        return set()
    text = state.ctx.text
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    seen, nonblank = set(), []
    for k in range(len(starts)):
        line = " ".join(text[starts[k]:(starts[k + 1] if k + 1 < len(starts) else len(text))].split())
        if not line or line in seen or len(line.split()) < 3 and nonblank or nonblank and _question_heading(line):
            continue  # a repeated headline or caption, a byline or agency tag, a question heading: no paragraph of its own
        seen.add(line)
        nonblank.append(k)
    state.line_starts = [starts[k] for k in nonblank]
    if pub is None:
        return _same_month_lines(state)
    anchors = sorted((c.trig.i, c) for c in state.cands
                     if (c.role == "speech" or c.kind in MEETING_FAMILY)  # not the day a truce took effect
                     and not getattr(c, "implicit", False)  # nor a summit only implied by leaders agreeing
                     and c.status in ("Occurred", "Ongoing") and c.time is not None
                     and c.time.granularity in ("day", "time-of-day") and c.time.earliest is not None)
    if not anchors or anchors[0][1].time.earliest != pub:
        return set()  # the lead's first dated meeting or statement is of another day
    dated = [_line_of(state, c.trig.idx) for _, c in anchors
             if c.time.earliest == pub and c.time.latest == pub]
    if not dated or dated[0] >= LEAD_LINES:
        return set()
    if any(tv.granularity in ("day", "time-of-day") and tv.earliest is not None and tv.earliest < pub
           and _line_of(state, span[0].idx) < LEAD_LINES for tv, span in state.timexes):
        return set()  # the lead also tells of an earlier day ("agreed on Monday" in Tuesday's paper)
    # the paragraphs that tell again of a meeting of the day ("At the ceremony in the
    # capital, the two sides signed ..."), without its date, are of the day too
    for e in state.clusters:
        if (e.kind in MEETING_FAMILY and e.role == "event" and e.status in ("Occurred", "Ongoing")
                and e.time is not None and e.time.earliest == pub and e.time.latest == pub
                and _line_of(state, e.trig.idx) in dated):
            dated += [_line_of(state, m.trig.idx) for m in getattr(e, "members", [e])]
    return {j for k in dated for j in range(k, k + SAME_DAY_REACH + 1)}


def _question_heading(line: str) -> bool:
    """A short question standing as a line of its own, outside quotes, heads a section
    of an explainer ("What did the alliance agree?"); it tells nothing of the day.

    >>> _question_heading("What did the alliance agree to?"), _question_heading("Talks resumed on Monday.")
    (True, False)
    """
    return line.endswith("?") and len(line.split()) < 10 and not any(q in line for q in "\"“”")


def _same_month_lines(state) -> set[int]:
    """In a report known to its month only, the lines where the report is of its own
    day: the lead's first dated meeting or statement is told with "today" (or "this
    afternoon"...), which the timex stage gives the month."""
    month = _period_start(state)
    if month is None:
        return set()
    anchors = sorted((c.trig.i, c) for c in state.cands
                     if (c.role == "speech" or c.kind in MEETING_FAMILY) and not getattr(c, "implicit", False)
                     and c.status in ("Occurred", "Ongoing") and c.time is not None and c.time.earliest is not None
                     and c.time.granularity in ("day", "time-of-day", "month"))
    if not anchors:
        return set()
    first = anchors[0][1].time
    if first.granularity != "month" or first.earliest != month or first.text.lower() not in _REPORT_DAY_WORDS:
        return set()
    line = _line_of(state, anchors[0][1].trig.idx)
    return set(range(line, line + SAME_DAY_REACH + 1)) if line < LEAD_LINES else set()


def _same_day_report_lines(state) -> set[int]:
    """The lines of a report of the publication day told by its date expressions:
    the lead names the publication day in its prose ("said on Saturday" in
    Saturday's paper, "today") and no earlier day; the lines of each mention of that
    day and the next ones are of the day. A date under a verb still to come ("is to
    take effect on Sunday") or a bare dateline names no day of the report."""
    pub = state.ctx.pub
    month = _period_start(state)
    if pub is None and month is None or not state.sents:
        return set()
    if state.line_starts is None:
        _same_day_lines(state)
    day = ("day", "time-of-day")
    told, dated = False, set()
    for tv, span in state.timexes:
        if pub is None:
            # a report known to its month only: "today" is the month ("2025-02")
            if tv.granularity == "month" and tv.earliest == month and tv.text.lower() in _REPORT_DAY_WORDS:
                line = _line_of(state, span[0].idx)
            else:
                continue
        elif tv.granularity not in day or tv.earliest is None:
            continue
        else:
            line = _line_of(state, span[0].idx)
            if tv.earliest < pub and line < LEAD_LINES:
                return set()  # the lead also tells of an earlier day
            if tv.earliest != pub or tv.latest != pub:
                continue
        verb = _climb(span.root, set())
        if verb.i == span.root.i or not _is_verb(verb) or _future(verb) or _hypothetical(verb):
            continue  # a dateline, or a day still to come
        dated.add(line)
        told = told or line < LEAD_LINES
    if not told:
        return set()
    return {j for k in dated for j in range(k, k + SAME_DAY_REACH + 1)}


def _at_briefing(state, c: Cand) -> bool:
    """The sentence before ``c``, in its paragraph, tells of a news conference or
    briefing ("The ministries held a joint press conference. A colonel said ...")."""
    sent = _sent(c.trig)
    if sent.start == 0:
        return False
    prev = _sent(state.doc[sent.start - 1])
    if _line_of(state, prev[0].idx) != _line_of(state, c.trig.idx):
        return False
    nouns = state.ctx.cue["medium_briefing"] - {"press", "media"}  # "conference", "briefing", not "the press"
    return any(x.pos_ == "NOUN" and _lemma(x) in nouns for x in prev)


def _speaking_days(state) -> dict[int, object]:
    """The statements (``id`` of each) whose reported words name the day they were
    said ("we signed it today", he said), with that day: the line of the statement
    (or of one of its mentions) has a "today" of a single day and no other
    speaker's statement. A "today" of the publication day counts only when the lead
    tells of no earlier day (a report of the talks two days on may quote words of
    the day of the talks); quoted words in such a report name that earlier day
    themselves (the timex stage reads them so)."""
    pub = state.ctx.pub
    if pub is None or not state.sents:
        return {}
    if state.line_starts is None:
        _same_day_lines(state)
    earlier = any(tv.granularity in ("day", "time-of-day") and tv.earliest is not None and tv.earliest < pub
                  and _line_of(state, span[0].idx) < LEAD_LINES for tv, span in state.timexes)
    words = state.ctx.cue["speaking_day_word"]
    days: dict[int, set] = {}
    for tv, span in state.timexes:
        if (tv.earliest is not None and tv.earliest == tv.latest and tv.latest <= pub
                and span.text.lower() in words and not (earlier and tv.earliest == pub)):
            days.setdefault(_line_of(state, span[0].idx), set()).add(tv.earliest)
    if not days:
        return {}
    speakers: dict[int, set] = {}
    said = [c for c in state.cands if c.role == "speech"]
    for c in said:
        speakers.setdefault(_line_of(state, c.trig.idx), set()).add(c.root().speaker)
    out = {}
    for c in said:
        line = _line_of(state, c.trig.idx)
        if len(days.get(line, ())) == 1 and len(speakers[line]) == 1:
            out[id(c.root())] = next(iter(days[line]))
    return out


def _line_of(state, idx: int) -> int:
    from bisect import bisect_right

    return bisect_right(state.line_starts, idx) - 1


def _conjoined_days(state):
    """A proposal told by a verb joined to a statement's verb ("X praised the talks
    and invited Y for a visit") was made in the same act: without a time of its
    own it takes the statement's day."""
    said = {}
    for c in state.cands:
        if c.role == "speech":
            said[c.trig.i] = c.root()
    for p in state.proposals:
        if p.time is not None or p.earliest is not None or not _is_verb(p.trig) or p.status != "Occurred":
            continue
        t = p.trig
        joined = [t.head] if t.dep_ == "conj" else []
        joined += [k for k in t.children if k.dep_ == "conj"]
        for v in joined:
            s = said.get(v.i)
            if s is None or _future(v):
                continue
            if s.time is not None and s.time.granularity in ("day", "time-of-day") \
                    and s.time.earliest is not None and s.time.earliest == s.time.latest:
                p.time, p.latest = s.time, None
                break
            if s.time is None and s.earliest is not None and s.earliest == s.latest:
                p.earliest, p.latest = s.earliest, s.latest  # a day the dates stage gave the statement
                break


def _reported_day(state, c: Cand):
    """The day of a past event the statement ``c`` reports in its own sentence ("the
    envoys signed on Tuesday, the agency said"; "X agreed Sunday, according to Y"):
    the words were said that day or after it. Only a single day no later than the
    publication, on a verb in the past of the reported clause."""
    pub = state.ctx.pub
    if pub is None:
        return None
    t, sent = c.trig, _sent(c.trig)
    # the reported clause: the verb the speech verb hangs on ("X signed, Y said"; "X signed,
    # according to Y") or one in its complement ("Y said X signed"), not a clause of the
    # report's own joined to it ("Y said ... and X duly met on Tuesday"; a clause joined
    # inside the complement may be one too, as the parse goes)
    told = {t.head.i} if t.dep_ in ("parataxis", "prep", "advcl", "ccomp") and t.head.i != t.i else set()
    told |= {x.i for k in t.children if k.dep_ == "ccomp" for x in _without_conj(k)}
    days = set()
    for tv, span in state.timexes:
        if span.start < sent.start or span.end > sent.end or tv.granularity not in ("day", "time-of-day"):
            continue
        if tv.earliest is None or tv.earliest > pub:
            continue
        v = _climb(span.root, set())
        if v.i not in told or not _is_verb(v):
            continue
        if (v.tag_ == "VBD" or _perfect(v)) and not _future(v) and tv.granularity == "day" and tv.earliest == tv.latest:
            days.add(tv.earliest)
        elif tv.earliest == pub and set(span.text.lower().split()) & {"today", "tonight"}:
            days.add(pub)  # "the strike will end at 7 p.m. today, the union said": said today
    return next(iter(days)) if len(days) == 1 else None


def _without_conj(v):
    """The tokens of ``v``'s subtree but for the clauses joined to it ("X agreed ...,
    and Y duly met on Tuesday": the parse may hang a clause of the report's own there)."""
    out = [v]
    for k in v.children:
        if k.dep_ not in ("conj", "cc"):
            out += _without_conj(k)
    return out


def _of_the_day_described(state, c: Cand) -> bool:
    """The statement ``c`` tells of an event that took place on the publication day
    itself, as the parse hangs them together (its speech verb in a relative clause
    on the event noun, "the meeting, which the White House called constructive", or
    with the event noun for object, "X hailed the talks"): said that day, neither
    before the event nor after the report."""
    pub = state.ctx.pub
    if pub is None:
        return False
    t = c.trig
    nouns = [t.head] if t.dep_ == "relcl" else []
    nouns += [k for k in t.children if k.dep_ in ("dobj", "nsubjpass")]
    for n in nouns:
        ev = _event_at(state, n)
        tv = ev.time if ev is not None else None
        if (ev is not None and ev.status == "Occurred" and tv is not None
                and tv.granularity in ("day", "time-of-day") and tv.earliest == pub and tv.latest == pub):
            return True
        if ev is not None and ev.status in ("Occurred", "Ongoing") and tv is None and ev.earliest == pub \
                and getattr(ev, "started", None) == pub:
            return True  # "opened their first round of talks on Saturday", in Saturday's paper
    return False


def _finish_times(state):
    pub = state.ctx.pub
    same_day = _same_day_lines(state)
    told_day = _same_day_report_lines(state)
    spoken_day = _speaking_days(state)
    briefed = None  # where a statement to the press of the publication day was told
    for c in state.clusters + state.statements + state.proposals:
        t = c.time
        if t is not None and t.granularity == "ref":
            # "recently" bounds a past event by the publication; "currently", "in the
            # coming days" give no bound an event could be dated by
            if t.timex == "PAST_REF" and c.status == "Occurred":
                c.latest = c.latest or t.latest or state.ctx.pub_end
            c.time = None
            c.ref_timex = t.timex
        if c.time is None and c.earliest is None and c.status == "Planned" and c.role == "event" \
                and _weekday_to_come(state, c):
            c.earliest = _period_start(state)  # "set to begin Wednesday", in a November report
        if c.role == "speech" and c.time is None and c.earliest is None and c.latest is None \
                and c.status == "Occurred" and not c.perfect and _of_the_day_described(state, c):
            c.earliest = pub  # "the talks on Saturday, which X called constructive", in Saturday's paper
        if c.role == "speech" and id(c) in spoken_day and c.time is None and c.earliest is None \
                and c.latest is None and c.status == "Occurred":
            c.earliest = spoken_day[id(c)]  # its own words call the day "today"
            if c.earliest != pub:
                c.latest = c.earliest  # quoted in a report of an earlier day: said that day
        if c.role == "speech" and c.time is None and c.earliest is None and c.latest is None \
                and c.status == "Occurred" and not c.perfect:
            c.earliest = _reported_day(state, c)  # "X agreed Sunday, according to Y": said that day or after
        if c.role == "speech" and told_day and (c.medium in ("briefing", "address") or _at_briefing(state, c)) \
                and _line_of(state, c.trig.idx) in told_day and not hasattr(c, "ctx_word") \
                and c.time is None and c.earliest is None and c.latest is None and c.status == "Occurred" \
                and not c.perfect:
            c.earliest = pub or _period_start(state)  # told to the press in a report of the day, without a time of its own
            briefed = c.trig.i if briefed is None else min(briefed, c.trig.i)
        elif c.role == "speech" and briefed is not None and c.trig.i > briefed and not hasattr(c, "ctx_word") \
                and c.time is None and c.earliest is None and c.latest is None and c.status == "Occurred" \
                and not c.perfect:
            c.earliest = pub or _period_start(state)  # after the day's press conference, others' remarks there
        if (t is not None and _marked(c, "starts_on", t) and c.status in ("Planned", "Proposed")
                and c.earliest is None and c.latest is None):
            c.time, c.earliest, t = None, t.earliest, None  # "set to start on Wednesday": from then on
        part = _part_of(state, c) if t is not None and t.granularity in ("day", "time-of-day") else None
        if part == "closing" and c.status == "Occurred" and c.earliest is None:
            c.time, c.latest = None, t.latest  # "at the closing session of the talks on Friday"
            continue
        if part == "opening" and c.status in ("Occurred", "Ongoing") and c.latest is None:
            c.time, c.earliest = None, t.earliest  # "the opening day of the talks, on Monday"
            t = None
        if (t is not None and _marked(c, "closed", t) and c.status == "Occurred" and c.earliest is None
                and getattr(c, "started", None) is None and not getattr(c, "duration_days", None)):
            c.time, c.latest = None, t.latest  # "the talks ended on Friday": by Friday, begun before
            lasted = next((m.lasted_days for m in getattr(c, "members", [c]) if getattr(m, "lasted_days", None)),
                          None) or _told_days(state, c)  # "the two-day talks ended on Tuesday"
            if lasted and t.granularity == "day" and t.latest is not None:
                c.earliest = t.latest - timedelta(days=lasted - 1)  # "... after three days": Tuesday to Thursday
            continue
        if (t is not None and _marked(c, "begun", t) and c.status in ("Occurred", "Ongoing") and c.latest is None
                and pub is not None and t.latest is not None and t.latest < pub):
            # "began late last month": from the month on, still going or ended by the report
            c.time, c.earliest = None, max(c.earliest or t.earliest, t.earliest)
        if (c.role == "speech" and same_day and _line_of(state, c.trig.idx) in same_day and c.time is None and c.earliest is None and c.latest is None
                and c.status == "Occurred" and not c.perfect):
            c.earliest = pub or _period_start(state)  # said in a report of the day, without a time of its own
        if (c.time is None and c.earliest is not None and c.latest is None and c.role == "event"
                and c.kind in MEETING_FAMILY and (days := _told_days(state, c))):
            # "two-day talks opened in Vell on Monday": Monday and Tuesday
            c.latest = c.earliest + timedelta(days=days - 1)
        if (c.time is not None and _one_day(c.time) and c.status in ("Planned", "Ongoing")
                and c.role == "event" and c.kind in MEETING_FAMILY
                and c.earliest is None and c.latest is None and (days := _told_days(state, c))):
            # "will hold two-day talks on Monday", "are holding two-day talks today": from that day
            # ("began a two-day round on Monday" is read above, from the day the talks began)
            c.time = TimeValue(c.time.text, None, c.time.earliest,
                               c.time.earliest + timedelta(days=days - 1), "range", c.time.mention)
        if c.time is None and c.latest is None and c.status == "Occurred" and c.role == "event":
            halted = [m.halted for m in getattr(c, "members", [c]) if getattr(m, "halted", None) is not None]
            # "the talks stalled in July"; "talks have ended, the ministry said yesterday"
            c.latest = halted[0].latest if halted else _reported_by(state, c)
        if c.time is None and c.latest is None and c.status == "Occurred" and c.role in ("speech", "event") \
                and c.kind != "Ceasefire" and (pub is not None or not _told_unreal(state, c)) \
                and not any(getattr(m, "nth_day", None) for m in getattr(c, "members", [c])):
            # a truce in force has no end the report could give; in a report known to the
            # month or year only, the end of that period ("talks can now start": none)
            c.latest = state.ctx.pub_end
        if c.time is not None and pub is not None and c.status in ("Planned", "Proposed") and c.role == "event" \
                and c.time.latest and c.time.latest < pub and c.time.granularity == "day":
            c.time = None  # a plan dated before the report: the date was another verb's
        stop = next((m.halted for m in getattr(c, "members", [c]) if getattr(m, "halted", None) is not None), None)
        if (c.time is not None and stop is not None and c.status == "Occurred" and c.time.earliest and c.time.latest
                and stop.latest and c.time.granularity != "range"):
            if stop.latest > c.time.latest:
                # "a ceasefire agreed in January collapsed on Sunday": from its own date to the halt
                c.time = TimeValue(f"{c.time.text} .. {stop.text}", None, c.time.earliest, stop.latest, "range",
                                   c.time.mention)
            elif c.time.earliest <= stop.latest < c.time.latest:
                # "a truce brokered earlier this month collapsed on Sunday": over by that Sunday
                c.time = TimeValue(c.time.text, c.time.timex, c.time.earliest, stop.latest, c.time.granularity,
                                   c.time.mention)
        if (c.time is not None and pub is not None and c.status == "Ongoing" and c.role == "event"
                and c.kind != "Ceasefire" and c.time.granularity in _PERIODS and c.time.earliest and c.time.latest
                and c.time.earliest <= pub <= c.time.latest and c.latest is None and _told_going_on(state, c)):
            # "the talks are continuing this week": under way in the period of the report,
            # begun when the text says (or before), with no end
            c.time, c.earliest = None, getattr(c, "started", None) or c.earliest
        if (c.time is not None and pub is not None and c.status == "Occurred" and c.time.granularity in _PERIODS
                and c.time.earliest and c.time.latest and c.time.earliest <= pub < c.time.latest):
            # "this week, the envoys held talks" in Thursday's paper: Monday to Thursday, not to Sunday
            c.time = TimeValue(c.time.text, c.time.timex, c.time.earliest, pub, c.time.granularity, c.time.mention)
        if c.time is not None and pub is not None and c.status == "Occurred" and c.time.earliest and c.time.earliest > pub:
            # an occurred event cannot be after publication: the time was misread
            c.time = None
            c.latest = pub
    _conjoined_days(state)


#: words of the report's own day that a report known to its month only reads as the month
_REPORT_DAY_WORDS = frozenset(("today", "this morning", "this afternoon", "this evening", "tonight",
                               "earlier today", "later today"))

#: periods that may hold the publication day and run past it ("this week", "this year")
_PERIODS = ("week", "month", "quarter", "half", "year")


def _told_going_on(state, c: Cand) -> bool:
    """One of ``c``'s mentions hangs on a verb of going on ("the talks are continuing",
    "drag on") or one told with "still": begun before the period it is told in."""
    lasting = state.ctx.cue["status_lasting_verb"] - {"resume"}
    for m in getattr(c, "members", [c]):
        v = m.trig if _is_verb(m.trig) else _gov(m.trig)
        if v is not None and (_lemma(v) in lasting or any(ch.lower_ == "still" for ch in v.children)):
            return True
    return False


def _told_days(state, c: Cand) -> int | None:
    """The number of days a meeting is told as lasting with its noun ("two-day talks",
    "a three-day round of talks", "the talks, which lasted two days"): 2 to 14, else None."""
    nouns = [m.trig for m in getattr(c, "members", [c])]
    # "a two-day round of talks": the noun whose "of" names the talks
    nouns += [r for r in (_round_noun_of(state, t) for t in nouns) if r is not None]
    if state.day_spans is None:  # the durations of 2 to 14 days the window tells, once
        state.day_spans = [(int(hit[1]), span) for tv, span in state.timexes if tv.granularity == "duration"
                           and (hit := _DAYS_RX.fullmatch(tv.timex or "")) is not None and 2 <= int(hit[1]) <= 14]
    for t in nouns:
        # "the talks, which lasted two days", "which ran for three days": a span verb of the noun's own clause
        lasting = {k.i for k in t.children if k.dep_ == "relcl" and _lemma(k) in state.ctx.cue["span_verb"]
                   and c.kind in MEETING_FAMILY}
        for days, span in state.day_spans:
            if span.end == t.i or span.end + 1 == t.i and state.doc[span.end].text == "-" or any(
                    x.i in range(span.start, span.end) for x in t.children if x.dep_ in ("amod", "compound", "nummod")
            ) or span.root.head.i in lasting or span.root.head.dep_ == "prep" and span.root.head.head.i in lasting:
                return days
    return None


def _told_unreal(state, c: Cand) -> bool:
    """A mention of ``c`` hangs on a verb with a modal or future auxiliary or in
    the infinitive ("talks can now start", "is to invite them to discuss"): the
    words tell of it as possible or to come, whatever status it was given."""
    words = state.ctx.cue["unreal_aux_word"]
    for m in getattr(c, "members", [c]):
        v = m.trig if _is_verb(m.trig) else _gov(m.trig)
        for _ in range(3):
            if v is None:
                break
            if any(k.dep_ in ("aux", "auxpass") and k.lower_ in words for k in v.children):
                return True
            v = v.head if v.dep_ in ("xcomp", "conj") and v.head.i != v.i else None
    return False


def _marked(c: Cand, what: str, t) -> bool:
    """The day ``t`` of ``c`` is the one a mention of it marked as ``what`` ('begun':
    when it began; 'closed': when it ended)."""
    return any(getattr(m, what, None) is t for m in getattr(c, "members", [c]))


def _part_of(state, c: Cand) -> str | None:
    """'closing' or 'opening' when the mention that gave ``c`` its day names a part
    of it at its end or start ("the closing ceremony of the third round", "the first
    day of the talks"): the day is the event's last or first, not all of it."""
    cue = state.ctx.cue
    for m in getattr(c, "members", [c]):
        if m.time is not c.time:
            continue
        t = m.trig
        if t.dep_ != "pobj" or t.head.lower_ != "of" or _lemma(t.head.head) not in cue["event_part_noun"]:
            continue
        mods = {k.lower_ for k in t.head.head.children if k.dep_ in ("amod", "compound")}
        if mods & cue["closing_part_word"]:
            return "closing"
        if mods & cue["opening_part_word"]:
            return "opening"
    return None


def _reported_by(state, c: Cand):
    """The day a statement told of ``c`` as done ("the round has ended, the ministry
    said on Monday"; "on March 3 it was reported that they finalized the talks"):
    ``c`` ended by then. None when no mention of ``c`` is reported on a day."""
    pub = state.ctx.pub
    best = None
    for m in getattr(c, "members", [c]):
        v = m.trig if _is_verb(m.trig) else _gov(m.trig)
        if v is None or _future(v) or _hypothetical(v) or _negated(v):
            continue
        said = _embedding_speech(v) if not _speech_lemma(v) else None
        if said is None:
            continue
        for tv, span in state.timexes:
            if (tv.granularity in ("day", "time-of-day") and tv.latest is not None
                    and (pub is None or tv.latest <= pub) and _climb(span.root, set()).i == said.i):
                best = tv.latest if best is None else min(best, tv.latest)
    return best


def _period_start(state):
    """The first day of the month a report is known to only to (None otherwise)."""
    from kg.extract.timex.values import _period_span

    period = getattr(state.ctx.document, "published_period", None)
    span = _period_span(period) if state.ctx.pub is None and period and len(period) == 7 else None
    return span[0] if span else None


def _weekday_to_come(state, c: Cand) -> bool:
    """In a report known to its month only, an event to come is dated by a bare weekday
    on its verb or that verb's infinitive ("the truce, set to begin Wednesday", row
    ``weekday_word``): no calendar picks the day, but it is not before that month."""
    if _period_start(state) is None:
        return False
    days = state.ctx.cue["weekday_word"]
    for m in getattr(c, "members", [c]):
        v = m.trig if _is_verb(m.trig) else _gov(m.trig)
        own = [k for k in m.trig.children if k.dep_ in ("acl", "relcl") and _is_verb(k)]  # "the truce, set to ..."
        verbs = [x for x in [v] + own if x is not None and not _negated(x)]
        for w in verbs + [k for x in verbs for k in x.children if k.dep_ in ("xcomp", "acl", "relcl") and _is_verb(k)]:
            for k in w.children:
                if k.dep_ in ("npadvmod", "prep", "obl", "nmod") and (k.lower_ in days or k.lower_ == "on" and any(
                        o.dep_ == "pobj" and o.lower_ in days for o in k.children)):
                    return True
    return False
