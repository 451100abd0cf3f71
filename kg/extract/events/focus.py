"""Which event a mention of a later stage refers to, once coreference has made its clusters:
the event told at a word (:func:`_event_at`), in a clause (:func:`_event_in`), or the meeting
in focus before a place in the text (:func:`_focus_before`). The statements, proposals,
dates and agreements stages ask these.
"""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY


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
