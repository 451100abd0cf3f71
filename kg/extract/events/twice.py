"""One event told twice: after the dates stage, two clusters that tell the same event
in two places of a report become one.

Coreference (:mod:`~kg.extract.events.coref`) joins the mentions that refer back to an
event ("the talks", "that meeting"). Four more ways a report tells one event twice
leave two clusters behind it:

* **coordinated words of one event**: "a long session of talks and consultations",
  "Side A freed forty captives and side B released sixty": words of the same class
  joined by "and" in one phrase tell one event, unless the dates, places or
  statuses they are given tell two, or one is told as another ("talks in Panama,
  and earlier discussions between the presidents");
* **the same telling repeated**: a lead repeated under the headline, or a paragraph
  that retells an earlier one in other words ("had begun exploratory talks with X ...
  had already begun exploratory talks with X"): the same event word with the same
  modifiers under the same verb, with the same parties, compatible dates and places,
  is one event;
* **one event told once with its place, once with its date**: the only such two of
  a class ("progress was made in talks in Istanbul ... held two days of talks on
  Wednesday and Thursday");
* **the one event told again with nothing of its own**: in a report that tells of
  one meeting of a class (with its date, place or round) and of no other, talks of
  that class told again with no date, place or round of their own ("a year of
  start-and-stop talks", "their negotiations fell through") are that meeting, unless
  they are told as another one ("similar talks with the banks", "parallel talks":
  the row ``other_event_modifier`` of ``cues.jsonl``).

All ask that the two clusters have the same class, status and round (if any), that
their places, if both are named, are the same, that their dates overlap (a missing
bound being open) and that the parties of one are among those of the other. Talks
named only in passing (:mod:`~kg.extract.events.generic`) are joined to nothing.
"""

from __future__ import annotations

from kg.extract.events.coref import _merge
from kg.extract.events.generic import all_generic
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import _gov, _lemma, _sent


def _members(c):
    return [m for m in getattr(c, "members", [c]) if m.role == "event"]


def _bounds(state, c):
    from kg.extract.events.records import _time_value

    t = _time_value(state, c)
    return (t.earliest, t.latest) if t is not None else (None, None)


def _dates_overlap(a, b) -> bool:
    (a0, a1), (b0, b1) = a, b
    if a0 is not None and b1 is not None and a0 > b1:
        return False
    return not (b0 is not None and a1 is not None and b0 > a1)


def _same_event(state, a, b, *, counts: bool = True) -> bool:
    """``a`` and ``b`` may be one event: nothing the text gives them tells two (with
    ``counts``, their numbers of people or days may not differ either)."""
    if a.kind != b.kind or a.role != "event" or b.role != "event":
        return False
    if a.status != b.status and {a.status, b.status} != {"Occurred", "Ongoing"}:
        return False  # talks under way told again as held are still the talks under way
    if a.round is not None and b.round is not None and a.round != b.round:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    if counts and a.quantity and b.quantity and a.quantity != b.quantity:
        return False
    sa, sb = set(a.actors), set(b.actors)
    if not (sa <= sb or sb <= sa):
        return False
    return _dates_overlap(_bounds(state, a), _bounds(state, b))


def _words(c) -> dict:
    """The tokens of the event words of cluster ``c`` (its triggers and anchors), by index."""
    out = {m.trig.i: m.trig for m in _members(c)}
    doc = c.trig.doc
    for m in _members(c):
        for i in m.anchors:
            out.setdefault(i, doc[i])
    return out


def _coordinated(a, b) -> bool:
    """A word of ``a`` and a word of ``b`` are joined by "and" in one phrase: one is the
    conjunct of the other (or of the other's "of" phrase: "a session of talks and
    consultations"), or of the word the other hangs on ("X freed ten and Y
    released five" parsed with the second verb joined to the clause above the first)."""
    wa, wb = _words(a), _words(b)
    for x, y in ((wa, wb), (wb, wa)):
        for t in y.values():
            if t.dep_ != "conj":
                continue
            h = t.head
            if h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i in x:
                h = h.head.head  # "a session of talks and consultations": the session's talks
            if h.i in x or any(_sent(o).start == _sent(t).start and o.head.i == t.head.i and o.i < t.i
                                    and o.dep_ in ("advcl", "ccomp", "xcomp") for o in x.values()):
                return True
    return False


def _told_apart(state, a, b) -> bool:
    """A word of ``a`` or ``b`` is told as another event than the one it is joined to:
    "talks in Panama, and earlier discussions between the presidents" (the rows
    ``recent`` and ``other_event_modifier``)."""
    cue = state.ctx.cue
    words = cue["recent"] | cue["other_event_modifier"]
    return any(k.dep_ in ("amod", "advmod") and k.i < t.i and (k.lower_ in words or _lemma(k) in words)
               for c in (a, b) for t in _words(c).values() for k in t.children)


def _told_as_another(state, c) -> bool:
    """A word of ``c`` is told as another event than one told before: "similar
    discussions", "parallel talks" (row ``other_event_modifier``), or, with no
    determiner, "earlier talks" (row ``recent``)."""
    cue = state.ctx.cue
    for t in _words(c).values():
        mods = {w for k in t.children if k.dep_ in ("amod", "advmod", "det") and k.i < t.i
                for w in (k.lower_, _lemma(k))}
        if mods & cue["other_event_modifier"]:
            return True
        if mods & cue["recent"] and not any(k.dep_ in ("det", "poss") for k in t.children):
            return True
    return False


def _retold(a, b) -> bool:
    """A word of ``a`` and a word of ``b``, in different sentences, are the same event
    word with the same modifiers under the same verb ("had begun exploratory talks"
    twice; "held talks" alone is too common a telling to be the same one), or the same
    event verb with the same object under the same verb ("plan to visit X to negotiate
    a lasting truce deal" in the lead and again in the body)."""
    def tellings(c):
        out = set()
        for m in _members(c):
            t = m.trig
            g = _gov(t)
            mods = frozenset(_lemma(k) for k in t.children if k.dep_ in ("amod", "compound"))
            if t.pos_ == "VERB":  # "to negotiate a permanent truce deal" twice: the verb, its object
                g = t.head if t.dep_ in ("xcomp", "advcl") else None
                mods = frozenset(_lemma(x) for o in t.children if o.dep_ == "dobj"
                                 for x in [o] + [k for k in o.children if k.dep_ in ("amod", "compound")])
            if g is not None and g.i != t.i and mods:
                out.add((_lemma(t), mods, _lemma(g), _sent(t).start))
        return out

    told = tellings(a)
    return any(w == w2 and ms == ms2 and v == v2 and s != s2
               for w, ms, v, s in told for w2, ms2, v2, s2 in tellings(b))


def _bare(state, c) -> bool:
    """Talks or a meeting told with nothing of their own: held (by the publication day,
    if at all), with no date, place or round."""
    if c.kind not in MEETING_FAMILY or c.status != "Occurred" or c.place or c.round is not None:
        return False
    if _told_as_another(state, c):
        return False  # "similar discussions with the banks", "earlier talks": told as another one
    if any(_lemma(m.trig) in state.ctx.cue["signing_verb"] for m in _members(c)):
        return False  # a signing told again is the signings stage's to date and place
    lo, hi = _bounds(state, c)
    return lo is None and hi in (None, state.ctx.pub_end)


def _told_twice(state):
    """Merge the clusters that tell one event twice (see the module notes)."""
    # talks named only in passing are no event (the records stage drops them): nothing to join
    events = sorted((c for c in state.clusters if c.target is None and c.role == "event"
                     and not all_generic(state, c)), key=lambda c: c.pos)
    for i, a in enumerate(events):
        if a.target is not None:
            continue
        for b in events[i + 1:]:
            if b.target is not None:
                continue
            # the two halves of one swap may free different numbers ("X freed 20 and Y 2,000")
            if (_coordinated(a, b) and _same_event(state, a, b, counts=False) and not _told_apart(state, a, b)) or (
                    len(_members(a)) == 1 and len(_members(b)) == 1 and _retold(a, b)
                    and _same_event(state, a, b)):
                _merge(state, a, b)
    # one told with its place and no date, one with its date and no place: when each is
    # the only such one of its class, the same event told twice
    live = [c for c in events if c.target is None]
    for kind in MEETING_FAMILY:
        placed = [c for c in live if c.kind == kind and c.place and _bounds(state, c)[0] is None]
        dated = [c for c in live if c.kind == kind and not c.place and _bounds(state, c)[0] is not None]
        if len(placed) == 1 and len(dated) == 1 and _same_event(state, placed[0], dated[0]):
            _merge(state, dated[0], placed[0])
    # talks told with nothing of their own, in a report that tells of one such event
    # (with its date, place or round) and no other of the class: that event again
    live = [c for c in events if c.target is None]
    for kind in MEETING_FAMILY:
        told = [c for c in live if c.kind == kind and not _bare(state, c)]
        if len(told) != 1:
            continue
        (one,) = told
        for c in live:
            if c.kind == kind and c is not one and _bare(state, c) and _same_event(state, one, c):
                _merge(state, one, c)
    state.clusters = [c for c in state.clusters if c.target is None]
