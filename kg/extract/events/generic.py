"""Generic mentions: words of talks or meetings that name no event of their own.

A news report names talks in passing where they are not an event it tells of: a
source's closeness to them ("two people involved in the talks said", "a source close
to the negotiations", "officials briefed on the talks"), a person's role ("the EU
coordinator for the nuclear talks"), what a meeting is prepared for ("in preparation
for a high-level meeting", "the preparation of peace negotiations"), or what someone is
told about ("ministers will update MPs on the talks"), each side's own deliberations
("consultations within the parties"), or an activity rather than an event held
("holding direct talks would be a mistake", "guarantees before beginning talks"). Such a mention may still be one
of the mentions of an event the text tells of elsewhere, but it does not make one:
the records stage (:mod:`~kg.extract.events.records`) mints no event whose every
mention is generic.

The words are rows of ``ontology/lexicon/cues.jsonl``: ``attribution_governor``,
``talks_role_noun``, ``preparation_noun``, ``telling_topic_verb``, ``internal_body_noun``,
``not_yet_prep``, ``hoped_resumption_word``.

Talks that are only proposed and only ever named as what someone hopes to take up again
("willing to restart the boundary talks", "sought the resumption of the negotiations",
"a basis for the talks to resume"), with no time or place of their own, are a hope for
a stalled process, not a proposed session: no event either.
"""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import _has_to, _lemma


def _located(state, t) -> bool:
    """The phrase of ``t`` names a time or a place of its own ("talks in Lima", not
    "talks with Peru": a country the talks are with is a party)."""
    ctx = state.ctx
    return any(x.i in ctx.tok_timex or (x.i in ctx.tok_place and x.head.lower_ in ("in", "at"))
               for x in t.subtree)


def generic_mention(state, t) -> bool:
    """The event noun ``t`` (talks, a meeting) is named in passing, not told of.

    >>> import spacy
    >>> class _S:
    ...     class ctx:
    ...         cue = {"attribution_governor": frozenset({"involve"}), "talks_role_noun": frozenset(),
    ...                "preparation_noun": frozenset(), "telling_topic_verb": frozenset(),
    ...                "internal_body_noun": frozenset(), "generic": frozenset(), "not_yet_prep": frozenset()}
    ...         tok_timex, tok_place = {}, {}
    >>> doc = spacy.blank("en")("people involved in talks")
    >>> for i, (head, dep) in enumerate([(0, "ROOT"), (0, "acl"), (1, "prep"), (2, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[0].pos_, doc[1].lemma_ = "NOUN", "involve"
    >>> generic_mention(_S, doc[3])
    True
    """
    cue = state.ctx.cue
    # "consultations within the parties", "talks inside the government": each side's own
    # deliberations, not talks between sides
    if any(k.dep_ == "prep" and k.lower_ in ("within", "inside") and any(
            p.dep_ == "pobj" and _lemma(p) in cue["internal_body_noun"] for p in k.children) for k in t.children):
        return True
    if _activity(state, t):
        return True
    first = t
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # "the momentum of the truce and the talks": the second word of a container's "of"
    # phrase is as generic as the first (the triggers stage tells the first)
    if first is not t and first.dep_ == "pobj" and first.head.lower_ == "of" \
            and _lemma(first.head.head) in cue["generic"]:
        return True
    if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.i == t.head.i:
        return False
    prep, gov = t.head.lower_, t.head.head
    word = _lemma(gov)
    # "people involved in the talks", "a source close to the negotiations", "officials
    # briefed on the talks", "diplomats familiar with the discussions": who a source is
    if word in cue["attribution_governor"] and gov.dep_ in ("acl", "amod", "relcl", "appos") \
            and gov.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    # "the EU coordinator for the nuclear talks", "the envoy to the negotiations": a role
    if prep in ("for", "to") and gov.pos_ in ("NOUN", "PROPN") and word in cue["talks_role_noun"]:
        return True
    if _located(state, t):
        return False
    # "in preparation for a high-level meeting", "the preparation of peace negotiations"
    if prep in ("for", "of") and word in cue["preparation_noun"]:
        return True
    # "ministers will update MPs on the talks", "briefed the cabinet about the negotiations"
    return prep in ("on", "about") and gov.pos_ == "VERB" and word in cue["telling_topic_verb"]


def _activity(state, t) -> bool:
    """Talks named as an activity, not as an event held: the object of a gerund that is
    a subject ("holding direct talks would be a mistake"), a gerund's noun that is the
    subject of "be" ("opening membership negotiations is a turning point"), or the
    object of a gerund after "before" ("guarantees before beginning talks": not yet
    begun), with no time or place of their own."""
    if _located(state, t):
        return False
    g = t.head
    if t.dep_ == "dobj" and g.tag_ == "VBG":
        if g.dep_ in ("csubj", "csubjpass"):
            return True
        if g.dep_ == "pcomp" and g.head.lower_ in state.ctx.cue["not_yet_prep"]:
            return True
    return t.dep_ in ("nsubj", "nsubjpass") and _lemma(g) == "be" and any(
        k.dep_ in ("amod", "compound") and k.i < t.i and (k.tag_ == "VBG" or _opening_gerund(k))
        for k in t.subtree)


def _opening_gerund(k) -> bool:
    """``k`` is a gerund that opens its sentence or quotation, whatever tag the parser
    gave it ("Opening" read as a name)."""
    before = k.doc[k.i - 1] if k.i > 0 else None
    opens = before is None or before.is_punct or before.is_space or before.is_quote
    return opens and k.lower_.endswith("ing") and len(k) > 4


def all_generic(state, c) -> bool:
    """Every mention of the cluster ``c`` (talks or a meeting) is generic: no event."""
    if c.role != "event" or c.kind not in MEETING_FAMILY:
        return False
    members = getattr(c, "members", [c])
    if c.status == "Proposed" and c.round is None and not _proposed_by_someone(state, members) and all(
            m.role == "event" and not _verbal_trigger(m) and hoped_resumption(state, m.trig) for m in members):
        return True
    return all(m.role == "event" and not _verbal_trigger(m) and generic_mention(state, m.trig) for m in members)


def _proposed_by_someone(state, members) -> bool:
    """A proposal of the text proposes one of ``members``: talks a side urged or called
    to resume ("X urged both sides to resume talks") are what it proposes, an event."""
    return any(p.proposes is not None and any(p.proposes is m for m in members)
               for p in getattr(state, "proposals", ()))


def hoped_resumption(state, t) -> bool:
    """The talks ``t`` are named as what is to be taken up again: the object of a verb of
    resuming ("willing to restart the boundary talks"), the "of" phrase of a noun of it
    ("sought the resumption of the negotiations") or, in a clause of purpose, the subject
    of such a verb ("a basis for the talks to resume"); neither the talks nor that verb
    have a time or place of their own.

    >>> import spacy
    >>> class _S:
    ...     class ctx:
    ...         cue = {"hoped_resumption_word": frozenset({"restart"})}
    ...         tok_timex, tok_place = {}, {}
    >>> doc = spacy.blank("en")("to restart talks")
    >>> for i, (head, dep) in enumerate([(1, "aux"), (1, "ROOT"), (1, "dobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[1].lemma_ = "restart"
    >>> hoped_resumption(_S, doc[2])
    True
    """
    words = state.ctx.cue["hoped_resumption_word"]
    v = None
    if t.dep_ in ("dobj", "nsubj") and t.head.i != t.i and _lemma(t.head) in words:
        v = t.head
        if t.dep_ == "nsubj" and not _has_to(v):
            return False  # "the talks resumed": told, not hoped for
    elif t.dep_ == "pobj" and t.head.lower_ in ("of", "to") and _lemma(t.head.head) in words:
        v = t.head.head
    return v is not None and not _located(state, v)


def _verbal_trigger(c) -> bool:
    return c.trig.pos_ in ("VERB", "AUX") and c.trig.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass")
