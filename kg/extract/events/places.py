"""Places told through another event (the arguments stage calls these after it has
attached each place to the word it hangs on): an event "held in the same city" is where
the event told last before it is, and talks held at, during or on the sidelines of
another meeting are where that meeting is.

>>> from datetime import date
>>> from kg.records import Document
>>> from kg.extract import extract_many
>>> text = "Envoys met in Geneva on Tuesday. They will meet again at the same venue next month."
>>> d = Document("d", "d.txt", text, "0", published=date(2025, 6, 3))
>>> [e.place for e in next(extract_many([d])).events]
['Geneva', 'Geneva']
"""

from __future__ import annotations

from kg.extract.events.syntax import _lemma


def _the_same_place(state):
    """An event "held in the same city", "at the same venue" (row same_place_noun) has
    the place of the event with a place told last before it."""
    if not state.ctx.has_text("same"):
        return
    cue = state.ctx.cue
    for c in state.cands:
        if c.role != "event" or c.place is not None:
            continue
        same = [p for a in c.anchors for k in state.doc[a].children if k.dep_ == "prep" and k.lower_ in cue["place_prep"]
                for p in k.children if p.dep_ == "pobj" and _lemma(p) in cue["same_place_noun"]
                and any(x.lower_ == "same" for x in p.children)]
        before = [o for o in state.cands if o.role == "event" and o.place is not None and o.trig.i < c.trig.i] if same else []
        if before:
            last = max(before, key=lambda o: o.trig.i)
            c.place, c.place_rank = last.place, last.place_rank


def _context_place(state):
    """Talks held at or during another meeting, or on its sidelines, with no place of
    their own are where that meeting is: "held talks on the sidelines of the G20
    meeting in Rio de Janeiro" (in Rio de Janeiro)."""
    for c in state.cands:
        tok = getattr(c, "ctx_tok", None)
        if c.role != "event" or c.place is not None or tok is None or getattr(c, "ctx_word", None) not in ("at", "during"):
            continue
        host = next((o for o in state.cands if o.role == "event" and o.trig.i == tok.i and o is not c), None)
        if host is not None and host.place is not None:
            c.place, c.place_rank = host.place, host.place_rank
