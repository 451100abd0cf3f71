"""Events, proposals and statements from a parsed document.

The ``kg_triggers`` component marks candidate words from the trigger lexicon
(``ontology/lexicon/triggers.jsonl``); this module decides, from the parse,
which of them are events and with what arguments:

* **class and CAMEO code** from the lexicon, refined by the participants
  (delegations meeting -> NegotiationRound; leaders -> Summit; other people ->
  Meeting; "return" of bodies -> RepatriationOfRemains, of prisoners ->
  PrisonerExchange);
* **time** from the temporal expressions attached to the trigger or to the verb
  that governs it ("held in Istanbul on May 16"), "before/after X" giving one
  bound, "at the meeting"/"during the session" giving the time of that meeting;
* **place** from "in/at <place>" (a city or country is preferred to a building);
* **round** from ordinals ("second round"), "previous session", counts ("two
  rounds have taken place" -> rounds 1..2, earlier ones bounded by later ones)
  and sequences of dated meetings between numbered rounds;
* **status** from the verb and its modality (cues in ``cues.jsonl``): held/took
  place -> Occurred, will/next/scheduled/agreed to -> Planned,
  proposed/suggested/offered/crucial/ready for -> Proposed, rejected/brushed
  aside -> Rejected, cancelled/postponed -> Cancelled, ongoing/continue -> Ongoing;
* **coreference**: definite mentions ("that meeting", "the swap", "the last
  round of talks") join the event they refer to, so one event has several
  evidence spans;
* **statements** with their speaker (pronouns "he added" resolved to the last
  speaker), merged per speaker unless the medium (address, post, interview,
  briefing) or the date differs; ``responds_to`` from "in reaction to X's
  comments" / "criticised the offer" / "called the meeting...";
* **proposals**: a ``Proposal`` event with ``proposed_by`` and ``proposes`` = key
  of the proposed event (which gets status Proposed).

The stages, one module each, pass a :class:`~kg.extract.events.state.State` on:
:mod:`~kg.extract.events.triggers` (with :mod:`~kg.extract.events.statements`
and :mod:`~kg.extract.events.proposals` for speech and proposal triggers and
:mod:`~kg.extract.events.signings` for signings and the meetings that agreeing implies),
:mod:`~kg.extract.events.arguments` (with :mod:`~kg.extract.events.times`), :mod:`~kg.extract.events.status`,
:mod:`~kg.extract.events.coref` (with :mod:`~kg.extract.events.focus`, which later stages ask for the event a
mention refers to), :mod:`~kg.extract.events.rounds`,
:mod:`~kg.extract.events.dates` (with :mod:`~kg.extract.events.truces`), :mod:`~kg.extract.events.twice` (one event told
twice), :mod:`~kg.extract.events.records` (with :mod:`~kg.extract.events.generic`) and
:mod:`~kg.extract.events.agreements`; :func:`extract_events` runs them in that
order. Names with a leading underscore are the package's own, shared between
its modules. ``docs/extending-extraction.md`` tells how to add a phrasing.

Dates are only the bounds the text supports: a statement reported without a
date ends at the publication date; nothing is ever guessed.

>>> from datetime import date
>>> from kg.records import Document
>>> from kg.extract import extract_many
>>> text = " date 2025-06-03 1\\nT\\nThe two delegations met for a second round of talks in Geneva on Monday."
>>> d = Document("d", "d.txt", text, "0", body_start=text.index("The"), published=date(2025, 6, 3))
>>> ev = next(extract_many([d])).events[0]
>>> ev.kind, ev.status, ev.round, ev.place, str(ev.time.earliest)
('NegotiationRound', 'Occurred', 2, 'Geneva', '2025-06-02')
"""

from __future__ import annotations

from kg.extract.events.again import _two_sittings
from kg.extract.events.agreements import find_agreements
from kg.extract.events.arguments import _attach_all
from kg.extract.events.coref import _corefer, _syntactic_merge
from kg.extract.events.dates import _finish_times, _free_dates, _sentence_dates, _truces_in_force
from kg.extract.events.lexicon import CAMEO, MEETING_FAMILY, STATUS_RANK, WINDOW_CHARS, cues
from kg.extract.events.proposal_nouns import _proposal_noun
from kg.extract.events.proposals import _proposal_times, _proposals_link, _proposals_once, _propose_verb, _rejections
from kg.extract.events.records import _records
from kg.extract.events.rounds import _rounds
from kg.extract.events.state import _CTX, Cand, State, _Ctx
from kg.extract.events.statements import _speech_noun, _speech_verb, _statements
from kg.extract.events.status import _statuses
from kg.extract.events.signings import (_leaders_agreeing, _outcome_of_leaders, _reached_on_a_day, _sign_verb, _signing,
                                        _signings)
from kg.extract.events.triggers import _event_noun, _event_verb, _note_subject
from kg.extract.events.truces import _truces_in_force_merged
from kg.extract.events.twice import _told_twice

__all__ = ["extract_events", "cues", "WINDOW_CHARS", "CAMEO", "MEETING_FAMILY", "STATUS_RANK", "Cand", "State"]


def extract_events(doc, document, *, actor_mentions=(), actors=(), timexes=(), text=None):
    """Events and agreements of one document.

    ``doc`` is a spaCy Doc over the body (``doc.user_data["offset"]`` = where the
    body starts in the document text) that went through ``kg_triggers``;
    ``actor_mentions`` are objects with ``start, end, name, kind`` (document
    offsets); ``timexes`` are :class:`~kg.records.TimeValue` with mentions.
    Returns ``(events, agreements)`` as tuples of records. ``text`` is ``doc.text``
    when the caller has read it already (it joins every token's text).

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> text = "Kyiv proposed a ceasefire. Moscow rejected the proposal."
    >>> d = Document("d", "d.txt", text, "0", published=date(2025, 6, 3))
    >>> x = next(extract_many([d]))
    >>> sorted((e.kind, e.status) for e in x.events)
    [('Ceasefire', 'Rejected'), ('Proposal', 'Occurred')]
    """
    ctx = _Ctx(doc, document, actor_mentions, actors, timexes, text=text)
    _CTX.append(ctx)
    try:
        if len(ctx.text) <= WINDOW_CHARS:
            return _run(State.of(ctx))
        # a very long document: coreference stays within windows of whole sentences
        events, agreements, used = [], [], set()
        window, size = [], 0
        for sent in ctx.sents + [None]:
            if sent is None or (window and size + len(sent.text) > WINDOW_CHARS):
                ev, ag = _run(State.of(ctx, window, used))
                events += ev
                agreements += ag
                window, size = [], 0
            if sent is not None:
                window.append(sent)
                size += len(sent.text)
        return tuple(events), tuple(agreements)
    finally:
        _CTX.pop()


def _run(state: State):
    """The stages over one document or window: events and agreements."""
    doc = state.doc
    if len(doc) == 0:
        return (), ()
    last_person: list[str] = []
    state.last_person = last_person
    last_subject: list[tuple[str, str]] = []
    trig_at, entry_at, tok_actor = state.ctx.trig_at, state.ctx.entry_at, state.ctx.tok_actor
    for sent in state.sents:
        for i in range(sent.start, sent.end):  # a Token only for the words that are read
            span = trig_at.get(i)
            if span is None:
                if i in tok_actor:  # the subject an actor is, for "it said" further on
                    _note_subject(state, doc[i], last_subject)
                continue
            t = doc[i]
            entry = entry_at.get(i)
            if entry is None:
                continue
            role = entry["role"]
            try:
                if role == "event":
                    _event_noun(state, t, entry)
                elif role == "event_verb":
                    _event_verb(state, t, entry)
                elif role == "speech":
                    _speech_verb(state, t, span, last_person, last_subject)
                elif role == "speech_noun":
                    _speech_noun(state, t, last_person)
                elif role in ("propose", "ready"):  # "ready": 'ready to hold talks' (proposals._ready_to_accept)
                    _propose_verb(state, t, span, last_person, last_subject)
                elif role == "proposal_noun":
                    _proposal_noun(state, t, last_person, last_subject)
                    _outcome_of_leaders(state, t)
                elif role == "sign":
                    _sign_verb(state, t)
                elif role in ("agree", "agreement_noun"):
                    state.agree_toks.append((t, role))
                    if role == "agreement_noun":
                        _signing(state, t)
                        for k in t.children:  # "the accord reached by X and Y in Ohrid"
                            if k.dep_ == "acl":
                                _leaders_agreeing(state, k)
                        _reached_on_a_day(state, t)  # "the deal reached in Muscat on Monday": a session
                        _outcome_of_leaders(state, t)
                    else:
                        _leaders_agreeing(state, t)
            except (IndexError, ValueError):  # a malformed parse never stops extraction
                continue
            _note_subject(state, t, last_subject)
        for i in range(sent.start, sent.end):
            a = tok_actor.get(i)
            if a and a[1] == "Person" and doc[i].dep_ in ("nsubj", "nsubjpass", "compound", "appos"):
                last_person.append(a[0])
    for c in state.cands:
        c.pos = c.trig.i
    state.cands.sort(key=lambda c: c.pos)
    _attach_all(state)
    _signings(state)
    _syntactic_merge(state)
    _statuses(state)
    _proposals_link(state)
    _free_dates(state)
    _corefer(state)
    _rounds(state)
    _sentence_dates(state)
    _statements(state)
    _proposal_times(state)
    _rejections(state)
    _finish_times(state)
    _truces_in_force(state)
    _truces_in_force_merged(state)
    _two_sittings(state)  # one word that tells two sittings is two events, before they are joined
    _told_twice(state)
    _proposals_once(state)
    events = _records(state)
    agreements = find_agreements(state, events)
    return events, agreements
