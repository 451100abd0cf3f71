"""Which event a mention of a later stage refers to, once coreference has made its clusters:
the event told at a word (:func:`_event_at`), in a clause (:func:`_event_in`), or the meeting
in focus before a place in the text (:func:`_focus_before`), and whether a mention is in the
headline (:func:`_in_headline`). The coreference, statements, proposals, dates and agreements
stages ask these.
"""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.state import Cand


def _focus_before(state, pos: int, fam=MEETING_FAMILY):
    """The meeting in focus at ``pos``: of the occurred meetings mentioned
    before, the latest one in time (else the last one mentioned)."""
    seen = []
    for c in state.cands:
        if c.role == "event" and c.pos < pos:
            r = c.root()
            if r.kind in fam and r.status == "Occurred" and r not in seen:
                seen.append(r)
    dated = [r for r in seen if r.time is not None and r.time.earliest is not None and r.time.granularity == "day"]
    if dated:
        return max(dated, key=lambda r: r.time.earliest)
    return seen[-1] if seen else None


def _event_at(state, tok):
    if state.by_trig is None:
        state.by_trig = {}
        for c in state.cands:
            if c.role == "event":
                state.by_trig.setdefault(c.trig.i, c)
    c = state.by_trig.get(tok.i)
    return c.root() if c is not None else None


def _event_in(state, clause):
    if clause is None:
        return None
    ids = {x.i for x in clause.subtree}
    for c in state.cands:
        if c.role == "event" and c.trig.i in ids:
            return c.root()
    # "before travelling on to Istanbul": the event at that place
    for ent, rank in state.places:
        if ent.start in ids:
            for e in state.clusters:
                if e.place == ent.text and e.time:
                    return e
    return None


def _headline_end(state) -> int:
    """Where the headline ends (a character offset in the doc), or 0: the first
    line, when it ends without a full stop and the body goes on after it."""
    if state.headline is None:
        text = state.ctx.text
        state.headline, pos = 0, 0
        for _ in range(2):  # a section word above the headline ("News") is part of it
            lead = text[pos:].lstrip()
            off = len(text) - len(lead)
            nl = lead.find("\n")
            line = lead[:nl].rstrip() if nl > 0 else ""
            if not line or line[-1] in ".!?:\"”'’" or len(line) >= 200:
                break
            state.headline = pos = off + nl
            if len(line.split()) > 3:
                break
    return state.headline


def _in_headline(state, c: Cand) -> bool:
    return c.trig.idx < _headline_end(state) and state.sents and state.sents[0].start == 0
