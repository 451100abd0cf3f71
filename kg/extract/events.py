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

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from kg.errors import ExtractionError
from kg.records import Event, Mention, TimeValue

__all__ = ["extract_events", "cues", "WINDOW_CHARS"]

#: Longer documents are resolved in windows of this many characters (whole sentences).
WINDOW_CHARS = 20_000

MEETING_FAMILY = {"NegotiationRound", "Meeting", "Summit"}
STATUS_RANK = {"Cancelled": 6, "Rejected": 5, "Occurred": 4, "Planned": 3, "Ongoing": 2, "Proposed": 1}
CAMEO = {"NegotiationRound": "046", "Meeting": "040", "Summit": "046", "Proposal": "036",
         "Statement": "010", "PrisonerExchange": "0841", "RepatriationOfRemains": "0841",
         "Ceasefire": "0871"}
_ORD_WORDS = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
              "Ninth", "Tenth", "Eleventh", "Twelfth"]
_DEFINITE = {"the", "that", "this", "those", "these", "such", "its", "their", "his", "her", "our"}
_ANAPHORIC_DAY = re.compile(r"\b(that|the same|this)\s+(day|evening|morning|afternoon|night)\b", re.I)
_DELIVERY = {"set", "hand", "present", "submit", "table", "make", "unveil", "deliver", "send",
             "put", "give", "outline", "circulate", "publish", "lay"}
_AGREEMENT_NOUNS = {"agreement", "deal", "accord", "arrangement", "memorandum", "plan", "proposal",
                    "treaty", "framework", "understanding"}
_CONTEXT_PREPS = {"at", "during", "in", "on", "after", "before", "following", "with", "since", "by", "from"}
_SPEAKER_NOUNS = {"president", "minister", "spokesman", "spokesperson", "spokeswoman", "leader",
                  "envoy", "aide", "secretary", "chancellor", "premier", "official", "negotiator",
                  "diplomat", "mediator", "head", "chief"}


@lru_cache(maxsize=None)
def cues() -> dict[str, frozenset[str]]:
    """Status and context cue words by name, from ``ontology/lexicon/cues.jsonl``.

    >>> "hold" in cues()["occurred"] and "will" in cues()["future_aux"]
    True
    """
    from kg.nlp.triggers import load_lexicon

    return {e["cue"]: frozenset(e["lemmas"]) for e in load_lexicon("cues.jsonl")}


@lru_cache(maxsize=None)
def _ordinals() -> dict[str, tuple[int, bool]]:
    from kg.nlp.triggers import load_lexicon

    return {e["word"]: (e["n"], bool(e.get("cardinal"))) for e in load_lexicon("ordinals.jsonl")}


@lru_cache(maxsize=None)
def _entries() -> dict[str, dict]:
    from kg.nlp.triggers import load_lexicon

    return {e["id"]: e for e in load_lexicon()}


# --------------------------------------------------------------------------- candidates
@dataclass(eq=False)
class Cand:
    """One mention of a possible event (internal, mutable while resolving)."""

    kind: str
    role: str  # event | speech | proposal
    trig: object  # spaCy Token
    status: str | None = None
    strong: bool = False
    time: TimeValue | None = None
    earliest: date | None = None
    latest: date | None = None
    place: str | None = None
    place_rank: int = 0
    round: int | None = None
    ref: str = "indef"  # indef | def | anaphor | last | previous | new | specific
    actors: list = field(default_factory=list)
    spans: list = field(default_factory=list)
    speaker: str | None = None
    medium: str | None = None
    proposed_by: list = field(default_factory=list)
    proposes: "Cand | None" = None
    responds: "Cand | None" = None
    ctx: "Cand | None" = None  # the meeting it happened at ("at the table")
    after: "Cand | None" = None
    before: "Cand | None" = None
    count: int | None = None
    quantity: str | None = None
    embedded: object = None  # speech verb token reporting it
    perfect: bool = False
    also: bool = False
    parties: tuple = ()
    target: "Cand | None" = None  # cluster representative
    optimistic: bool = False
    pos: int = 0
    anchors: set = field(default_factory=set)
    focus: "Cand | None" = None
    leaders: int = 0
    nonleaders: int = 0

    def root(self) -> "Cand":
        c = self
        while c.target is not None:
            c = c.target
        return c


class _Ctx:
    """Everything about one parsed document that the rules look up."""

    def __init__(self, doc, document, actor_mentions, actors, timexes):
        self.doc = doc
        self.document = document
        self.off = doc.user_data.get("offset", document.body_start)
        self.pub = document.published
        self.tok_actor: dict[int, tuple[str, str]] = {}
        for m in actor_mentions:
            if getattr(m, "role", "actor") != "actor":
                continue
            span = doc.char_span(m.start - self.off, m.end - self.off, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                self.tok_actor[t.i] = (m.name, m.kind)
        self.titles = {a.name: (a.title or "") for a in actors}
        self.kind_of = {n: k for n, k in self.tok_actor.values()}
        self.affiliation = {a.name: a.affiliation for a in actors if a.affiliation}
        self.timexes: list[tuple[TimeValue, object]] = []
        self.tok_timex: dict[int, int] = {}
        for tv in timexes:
            if tv.mention is None:
                continue
            if tv.granularity not in ("upper-bound", "lower-bound", "ref", "duration") and (
                tv.earliest is None or tv.latest is None
            ):
                continue  # recognized but not resolved (no anchor, no reference): no date to give
            span = doc.char_span(tv.mention.start - self.off, tv.mention.end - self.off,
                                 alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            k = len(self.timexes)
            self.timexes.append((tv, span))
            for t in span:
                self.tok_timex.setdefault(t.i, k)
        self.places: list[tuple[object, int]] = []
        self.tok_place: dict[int, tuple[object, int]] = {}

        def add_place(span, rank: int) -> None:
            """A place span, unless a place already covers one of its tokens."""
            if any(i in self.tok_place for i in range(span.start, span.end)):
                return
            self.places.append((span, rank))
            for i in range(span.start, span.end):
                self.tok_place[i] = (span, rank)

        rank = {"GPE": 3, "LOC": 2, "FAC": 1}
        for ent in doc.ents:  # entities never overlap: none is skipped
            if ent.label_ in rank:
                add_place(ent, rank[ent.label_])
        for m in actor_mentions:  # places the actor stage recognized ("in Kyiv") that the NER missed
            if getattr(m, "role", "actor") != "place":
                continue
            span = doc.char_span(m.start - self.off, m.end - self.off, alignment_mode="expand")
            if span is not None and len(span):
                add_place(span, 3)
        for t in doc:  # "the port city of Mombasa": a place, whatever the entity recognizer says
            if t.lower_ in ("town", "city", "village", "resort", "port") and t.i + 2 < len(doc) \
                    and doc[t.i + 1].lower_ == "of" and doc[t.i + 2].pos_ == "PROPN":
                end = t.i + 2
                while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title:
                    end += 1
                add_place(doc[t.i + 2:end + 1], 3)
        triggers = doc.spans["kg_triggers"] if "kg_triggers" in doc.spans else []
        self.trig_at: dict[int, object] = {}
        for s in triggers:
            self.trig_at[s.root.i] = s
        self.cue = cues()

    # ---- small helpers
    def mention(self, start_tok, end_tok) -> Mention:
        doc = self.doc
        if end_tok <= start_tok:  # a rule built its span the wrong way round
            raise ExtractionError(f"{self.document.source}: empty evidence span at tokens "
                                  f"{start_tok}-{end_tok} ({doc[min(start_tok, len(doc) - 1)].text!r})")
        a = doc[start_tok].idx
        last = doc[end_tok - 1]
        b = last.idx + len(last.text)
        return Mention(self.document.id, a + self.off, b + self.off, self.document.text[a + self.off:b + self.off])

    def actor_of(self, tok):
        return self.tok_actor.get(tok.i)

    def actors_in(self, tokens, kinds=("Person", "Country", "Organization")) -> list[str]:
        out = []
        for t in tokens:
            a = self.tok_actor.get(t.i)
            if a and a[1] in kinds and a[0] not in out:
                out.append(a[0])
        return out

    def is_leader(self, name: str) -> bool | None:
        title = self.titles.get(name)
        if not title:
            return None
        low = title.lower()
        return any(w in low for w in ("president", "prime minister", "chancellor", "king", "emir",
                                      "premier", "head of state", "supreme leader", "sultan"))


def _lemma(t) -> str:
    return t.lemma_.lower() if t.lemma_ else t.text.lower()


def _is_verb(t) -> bool:
    return t.pos_ in ("VERB", "AUX")


def _gov(t):
    """The verb governing a noun (climbing through nominal and prepositional links)."""
    cur = t
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis") and not _is_verb(cur):
            return None
        cur = cur.head
        if _is_verb(cur):
            return cur
    return None


def _main_gov(t):
    """Like :func:`_gov`, but a misparsed reduced clause ("X, pencilled in for May,
    was pushed back") hands over to the main verb that lacks a subject."""
    g = _gov(t)
    if g is not None and g.dep_ == "advcl" and g.tag_ == "VBN" and not _aux(g) and g.head.i != g.i:
        h = g.head
        if _is_verb(h) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            return h
    return g


def _verbal(c) -> bool:
    """The candidate's trigger is used as a verb (not a noun the tagger took for one)."""
    return _is_verb(c.trig) and c.role != "event" or _is_verb(c.trig) and not getattr(c, "nominal", False)


def _climb(t, stop: set[int]):
    """The first verb or stop token above ``t`` (the place a modifier attaches)."""
    cur = t
    for _ in range(8):
        if cur.i in stop and cur is not t:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        if cur.i in stop or _is_verb(cur):
            return cur
    return cur


def _aux(t) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}


def _future(t) -> bool:
    a = _aux(t)
    if a & {"will", "shall", "'ll", "wo", "would"}:
        return True
    return any(c.lower_ == "going" for c in t.children if c.dep_ == "aux")


def _perfect(t) -> bool:
    return bool(_aux(t) & {"has", "have", "had", "'s", "'ve", "'d"})


def _negated(t) -> bool:
    if any(c.dep_ == "neg" for c in t.children):
        return True
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(
            d.lower_ in ("no", "neither", "none", "nobody") for d in c.subtree
        ):
            return True
    return False


def _hypothetical(t) -> bool:
    """``t`` (a verb) is in a whether/if/unless clause or under could/might."""
    cur = t
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless") for c in cur.children):
            return True
        if cur.dep_ in ("ccomp", "advcl", "xcomp", "conj", "relcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _under_way(v) -> bool:
    """``v`` is "be" with "under way", "underway" or "ongoing" ("talks that have been under way")."""
    if _lemma(v) != "be":
        return False
    for k in v.children:
        if k.dep_ == "prep" and k.lower_ == "under" and any(p.lower_ == "way" for p in k.children):
            return True
        if k.dep_ in ("acomp", "advmod", "attr") and k.lower_ in ("underway", "ongoing"):
            return True
    return False


def _has_to(t) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _speech_lemma(t) -> bool:
    e = _entry_for(t)
    return e is not None and e["role"] in ("speech",)


_CTX: list = []


def _entry_for(t):
    ctx = _CTX[-1] if _CTX else None
    if ctx is None:
        return None
    s = ctx.trig_at.get(t.i)
    if s is None:
        return None
    return _entries().get(s.kb_id_)


def _embedding_speech(t):
    """The speech verb that reports the clause of ``t`` ("X said that ... t")."""
    cur = t
    crossed = False
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("advcl", "relcl", "acl") and not crossed and cur is not t:
            return None
        if cur.dep_ in ("advcl",) and cur is t and cur.tag_ != "VBG":
            return None
        if cur.dep_ in ("ccomp", "xcomp", "parataxis") and _is_verb(cur):
            crossed = True
        cur = cur.head
        if crossed and _is_verb(cur) and _speech_lemma(cur):
            return cur
    return None


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- main
def extract_events(doc, document, *, actor_mentions=(), actors=(), timexes=()):
    """Events and agreements of one document.

    ``doc`` is a spaCy Doc over the body (``doc.user_data["offset"]`` = where the
    body starts in the document text) that went through ``kg_triggers``;
    ``actor_mentions`` are objects with ``start, end, name, kind`` (document
    offsets); ``timexes`` are :class:`~kg.records.TimeValue` with mentions.
    Returns ``(events, agreements)`` as tuples of records.

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> text = "Kyiv proposed a ceasefire. Moscow rejected the proposal."
    >>> d = Document("d", "d.txt", text, "0", published=date(2025, 6, 3))
    >>> x = next(extract_many([d]))
    >>> sorted((e.kind, e.status) for e in x.events)
    [('Ceasefire', 'Rejected'), ('Proposal', 'Occurred')]
    """
    ctx = _Ctx(doc, document, actor_mentions, actors, timexes)
    _CTX.append(ctx)
    try:
        if len(doc.text) <= WINDOW_CHARS:
            return _Extractor(ctx).run()
        # a very long document: coreference stays within windows of whole sentences
        events, agreements, used = [], [], set()
        window, size = [], 0
        for sent in list(doc.sents) + [None]:
            if sent is None or (window and size + len(sent.text) > WINDOW_CHARS):
                ev, ag = _Extractor(ctx, window, used).run()
                events += ev
                agreements += ag
                window, size = [], 0
            if sent is not None:
                window.append(sent)
                size += len(sent.text)
        return tuple(events), tuple(agreements)
    finally:
        _CTX.pop()


class _Extractor:
    def __init__(self, ctx: _Ctx, sents=None, used=None):
        self.ctx = ctx
        self.doc = ctx.doc
        self.sents = list(sents) if sents is not None else list(ctx.doc.sents)
        lo = self.sents[0].start if self.sents else 0
        hi = self.sents[-1].end if self.sents else 0
        self.timexes = [(tv, span) for tv, span in ctx.timexes if lo <= span.start < hi]
        self.places = [(ent, r) for ent, r in ctx.places if lo <= ent.start < hi]
        self.used = used if used is not None else set()
        self.cands: list[Cand] = []
        self.agree_toks: list = []
        self.trig_tokens: set[int] = set(ctx.trig_at)

    # ------------------------------------------------------------------ phase A
    def run(self):
        from kg.extract.agreements import find_agreements

        doc = self.doc
        if len(doc) == 0:
            return (), ()
        last_person: list[str] = []
        self._last_person = last_person
        last_subject: list[tuple[str, str]] = []
        for sent in self.sents:
            for t in sent:
                span = self.ctx.trig_at.get(t.i)
                if span is None:
                    self._note_subject(t, last_subject)
                    continue
                entry = _entries().get(span.kb_id_)
                if entry is None:
                    continue
                role = entry["role"]
                try:
                    if role == "event":
                        self._event_noun(t, entry)
                    elif role == "event_verb":
                        self._event_verb(t, entry)
                    elif role == "speech":
                        self._speech_verb(t, span, last_person, last_subject)
                    elif role == "speech_noun":
                        self._speech_noun(t, last_person)
                    elif role == "propose":
                        self._propose_verb(t, span, last_person, last_subject)
                    elif role == "proposal_noun":
                        self._proposal_noun(t, last_person, last_subject)
                    elif role in ("agree", "agreement_noun"):
                        self.agree_toks.append((t, role))
                        if role == "agreement_noun":
                            self._signing(t)
                except (IndexError, ValueError):  # a malformed parse never stops extraction
                    continue
                self._note_subject(t, last_subject)
            for t in sent:
                a = self.ctx.actor_of(t)
                if a and a[1] == "Person" and t.dep_ in ("nsubj", "nsubjpass", "compound", "appos"):
                    last_person.append(a[0])
        for c in self.cands:
            c.pos = c.trig.i
        self.cands.sort(key=lambda c: c.pos)
        self._attach_all()
        self._syntactic_merge()
        self._statuses()
        self._proposals_link()
        self._free_dates()
        self._corefer()
        self._rounds()
        self._sentence_dates()
        self._statements()
        self._proposal_times()
        self._rejections()
        self._finish_times()
        events = self._records()
        agreements = find_agreements(self, events)
        return events, agreements

    def _note_subject(self, t, last_subject):
        a = self.ctx.actor_of(t)
        if a and t.dep_ in ("nsubj", "nsubjpass") and a[1] in ("Country", "Organization"):
            last_subject.append(a)
        elif a and t.dep_ in ("nsubj",) and a[1] == "Person":
            last_subject.append(a)

    # ------------------------------------------------------------------ builders
    def _skip_noun(self, t) -> bool:
        low = {c.lower_ for c in t.children}
        dets = [c for c in t.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")]
        cue = self.ctx.cue
        # "in exchange for"
        if t.lower_ == "exchange" and t.head.lower_ == "in" and any(c.lower_ == "for" for c in t.children):
            # "free 40 hostages in exchange for 300 prisoners": the swap itself, unless a
            # release verb already makes it an event
            v = t.head.head
            people = any(_lemma(x) in cue["prisoner"] for c in t.children if c.lower_ == "for" for x in c.subtree)
            return not people or v.i in self.trig_tokens or any(
                x.i in self.trig_tokens and _lemma(x) in ("free", "release", "swap", "exchange")
                for x in self.doc[max(v.left_edge.i, t.i - 8):t.i])
        # "an exchange of written proposals / of fire / of views": not of people
        if _lemma(t) in ("exchange", "swap") and t.pos_ == "NOUN":
            of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if of and not any(_lemma(p) in cue["prisoner"] or _lemma(p) in cue["remains"] or p.like_num
                              or any(x.like_num for x in p.children) for p in of):
                return True
        # negation: "no ceasefire", "not with a truce", "short of a ceasefire", "rather than"
        if "no" in low:
            return True
        prev = self.doc[max(t.i - 4, t.sent.start):t.i]
        words = {p.lower_ for p in prev}
        if {"without", "than"} & words or "short of" in prev.text.lower() or (
            "not" in words and "with" in words
        ):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("without", "than"):
            return True
        # "the pace of negotiations", "the process": generic containers
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and _lemma(t.head.head) in cue["generic"]:
            return True
        # "the exchange process", "a ceasefire mechanism": a container, not an event
        if t.dep_ == "compound" and _lemma(t.head) in self.ctx.cue["generic"] | {"mechanism", "framework", "commission",
                                                                                "committee", "group", "line", "zone"}:
            return True
        # "ceasefire talks", "prisoner-exchange negotiations": the topic of talks, not an event
        if t.dep_ == "compound" and _lemma(t.head) in ("talk", "talks", "negotiation", "discussion", "consultation",
                                                        "deal", "proposal", "plan", "initiative", "effort", "envoy",
                                                        "mediator", "negotiator", "dialogue", "line", "monitor"):
            if _lemma(t.head) not in ("deal", "proposal", "plan"):
                return True
        # topics of talks: "discussions concerning the exchange of prisoners", "negotiations on a truce"
        if t.dep_ == "pobj" and t.head.lower_ in ("concerning", "regarding", "about", "over"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("on",) and t.head.head.lower_ in (
            "negotiations", "talks", "discussions", "consultations", "dialogue", "contacts"
        ):
            return True
        # generic plurals: "exchanges made while...", "Swaps of this kind"
        if t.tag_ in ("NNS", "NNPS", "VBZ") and not dets and not self._has_time_or_place(t):
            between = any(c.dep_ == "prep" and c.lower_ in ("between", "with") and self.ctx.actors_in(c.subtree)
                          for c in t.children)  # "talks between Kigali and Kinshasa have stalled"
            if not any(c.dep_ in ("amod",) for c in t.children) and not between:
                return True
        if any(c.lower_ == "kind" for c in t.subtree if c.i > t.i):
            return True
        return False

    def _has_time_or_place(self, t) -> bool:
        for c in t.subtree:
            if c.i in self.ctx.tok_timex or c.i in self.ctx.tok_place:
                return True
        g = _gov(t)
        if g is not None:
            verbs = [g] + [k for k in g.children if k.dep_ in ("xcomp", "conj") and _is_verb(k)]
            for v in verbs:
                for c in v.children:
                    if c.dep_ in ("prep", "npadvmod") and any(
                        x.i in self.ctx.tok_timex or x.i in self.ctx.tok_place for x in c.subtree
                    ):
                        return True
        return False

    def _event_noun(self, t, entry):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            return
        if self._skip_noun(t):
            return
        kind = entry["class"]
        c = Cand(kind, "event", t)
        c.nominal = True
        c.anchors = {t.i}
        g = _gov(t)
        if g is not None and _hypothetical(g) and not any(d.lower_ in _DEFINITE for d in t.children):
            return
        if g is not None and _lemma(g) in ("end",) and _has_to(g):
            return
        if kind == "RepatriationOfRemains" and not any(
            _lemma(x) in self.ctx.cue["remains"] for x in t.subtree
        ):
            return
        if kind == "PrisonerExchange" and entry["id"] == "release" and not any(
            _lemma(x) in self.ctx.cue["prisoner"] or x.tag_ in ("NNS",) for x in [t]
        ):
            return
        self._ref_and_round(c)
        self._leaders(c)
        if kind in MEETING_FAMILY and t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "during") and c.ref == "indef" \
                and _lemma(t.head.head) not in ("attempt", "bid", "effort", "try"):
            c.ref, c.context = "def", True  # "..., in a session that lasted an hour, agreed on ..."
        self.cands.append(c)

    def _leaders(self, c: Cand):
        """Summit when the participants are leaders; delegations make a round."""
        t = c.trig
        if c.kind not in MEETING_FAMILY:
            return
        cue = self.ctx.cue
        if c.kind == "NegotiationRound" and c.round is None and t.lower_ in ("talks", "discussions", "consultations") \
                and any(k.dep_ == "prep" and k.lower_ == "with" for k in t.children):
            # "Mirzoyan is due in Brussels for talks with EU officials": one person's meeting
            g = _gov(t)
            subj = [x for k in (g.children if g is not None else []) if k.dep_ in ("nsubj", "nsubjpass")
                    for x in k.subtree]
            if len(self.ctx.actors_in(subj, ("Person",))) == 1 and len(self.ctx.actors_in(subj)) <= 2 and not any(
                    _lemma(x) in cue["delegation"] for x in subj):
                c.kind = "Meeting"
                c.one_person = True
        words = {_lemma(x) for x in t.children} | {_lemma(x) for x in t.subtree if x.dep_ in ("pobj", "poss")}
        if c.kind == "Meeting" and words & {"leader", "president", "head"}:
            c.kind = "Summit"
            return
        if c.kind == "Meeting" and any(_lemma(x) == "level" and "high" in x.head.text.lower() for x in t.subtree):
            c.kind = "Summit"
            return
        between = [x for x in t.children if x.dep_ == "prep" and x.lower_ in ("between", "of", "with")]
        persons = []
        for p in between:
            persons += self.ctx.actors_in(p.subtree, ("Person",))
        if c.kind == "Meeting" and any(_lemma(x) in cue["delegation"] for p in between for x in p.subtree) \
                and not getattr(c, "one_person", False):
            c.kind = "NegotiationRound"
            return
        if c.kind == "Meeting" and persons:
            status = [self.ctx.is_leader(p) for p in persons]
            with_only = all(p.lower_ == "with" for p in between)
            if with_only:
                g = _gov(t)
                subj = [x for x in (g.children if g is not None else []) if x.dep_ == "nsubj"]
                for s in subj:
                    for p in self.ctx.actors_in(s.subtree, ("Person",)):
                        status.append(self.ctx.is_leader(p))
                if len(status) >= 2 and all(status):
                    c.kind = "Summit"
            elif any(status) and not any(s is False for s in status):
                c.kind = "Summit"

    def _ref_and_round(self, c: Cand):
        t = c.trig
        cue = self.ctx.cue
        ords = _ordinals()
        kids = list(t.children)
        words = [k.lower_ for k in kids if k.i < t.i] + [k.lower_ for k in self.doc[max(t.i - 3, t.sent.start):t.i]]
        for k in kids:
            if k.dep_ == "amod" and k.lower_ in ("recent", "latest", "last") and k.i < t.i:
                words.append(k.lower_)
        # ordinal: "second round", "the second Istanbul negotiations"; not "first talks in three years"
        first_in_a_while = any(x.lower_ == "since" and not (
            _under_way(x.head) or _lemma(x.head) in cue["ongoing"]) for x in t.subtree) or any(
            k.dep_ == "prep" and k.lower_ in ("in", "since") and any(
                x.like_num or x.i in self.ctx.tok_timex or _lemma(x) in ("year", "month", "week", "decade", "day", "time")
                for x in k.subtree)
            for k in kids
        )
        if first_in_a_while:
            c.first_since = True
        for k in self.doc[max(t.i - 4, t.sent.start):t.i]:
            o = ords.get(k.lower_)
            if o and not o[1] and not (o[0] == 1 and first_in_a_while):
                if c.kind in ("NegotiationRound", "Meeting") and (k.head.i == t.i or k.head.head.i == t.i):
                    c.round = o[0]
                    if c.kind == "Meeting":
                        c.kind = "NegotiationRound"
        # counts: "two rounds have taken place"
        for k in kids:
            if k.dep_ == "nummod" and k.lower_ in ords and ords[k.lower_][1] and t.tag_ == "NNS":
                c.count = ords[k.lower_][0]
        det = {k.lower_ for k in kids if k.dep_ in ("det", "poss", "predet")}
        poss = [k for k in kids if k.dep_ == "poss"]
        new = set(words) & cue["new"]
        recent = set(words) & cue["recent"]
        if "previous" in words or "preceding" in words or "prior" in words:
            c.ref = "previous"
        elif recent and ("last" in words or "latest" in words or "recent" in words) and (det & {"the"} or "most" in words):
            c.ref = "last"
        elif new:
            c.ref = "new"
        elif "such" in det or any(k.lower_ == "such" for k in kids):
            c.ref = "such"
        elif det & _DEFINITE or poss:
            c.ref = "def"
        # quantities distinguish exchanges: "1,200 prisoners", "1,000-for-1,000"
        for x in t.subtree:
            if x.like_num and any(ch.isdigit() for ch in x.text):
                c.quantity = x.text.replace(",", "")
                break
        if c.quantity is None:
            for x in self.doc[max(t.i - 3, t.sent.start):t.i]:
                if any(ch.isdigit() for ch in x.text):
                    c.quantity = re.sub(r"\D", "", x.text)[:6]
                    break

    def _event_verb(self, t, entry):
        if t.dep_ in ("amod", "compound", "nmod") or t.tag_ == "JJ":
            return
        if _negated(t) or _hypothetical(t):
            return
        kind = entry["class"]
        cue = self.ctx.cue
        objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
        obj_lemmas = {_lemma(x) for o in objs for x in o.subtree}
        be_to = _has_to(t) and _lemma(t.head) == "be" and t.dep_ == "xcomp" and t.head.tag_ in ("VBZ", "VBP", "VBD")
        if _has_to(t) and not be_to and not (_lemma(t.head) in cue["planned"] | cue["proposed"] | {
            "agree", "propose", "suggest", "offer", "deal", "travel", "go", "fly", "head", "come", "arrive", "return"}):
            if t.head.dep_ != "xcomp" or _lemma(t.head.head) not in {"agree", "settle"}:
                if not (t.head.pos_ == "NOUN" and _lemma(t.head) in ("deal", "agreement", "plan", "proposal")):
                    return
        lem = _lemma(t)
        if lem in ("receive",) and obj_lemmas & cue["remains"]:
            kind = "RepatriationOfRemains"  # "Kyiv received the bodies of 1,000 soldiers"
        elif lem in ("receive",) and obj_lemmas & cue["prisoner"] and any(x.like_num for o in objs for x in o.subtree):
            kind = "PrisonerExchange"
        if kind == "RepatriationOfRemains":
            if obj_lemmas & cue["remains"]:
                kind = "RepatriationOfRemains"
            elif obj_lemmas & cue["prisoner"]:
                kind = "PrisonerExchange"
            else:
                return
        if kind == "PrisonerExchange" and lem in ("exchange", "swap", "free", "release"):
            if objs and not (obj_lemmas & cue["prisoner"] or any(x.like_num for o in objs for x in o.subtree)):
                return
            if not objs and not any(x.like_num for x in t.sent if x.head.i == t.i):
                if t.tag_ != "VBN":
                    return
        c = Cand(kind, "event", t)
        c.anchors = {t.i}
        if _has_to(t) and t.head.i != t.i and _lemma(t.head) in ("travel", "go", "fly", "head", "come", "arrive", "return"):
            c.anchors.add(t.head.i)  # "travel to Washington on Monday to meet": the trip's date
        for o in objs:
            for x in o.subtree:
                if x.like_num and any(ch.isdigit() for ch in x.text):
                    c.quantity = x.text.replace(",", "")
                    break
        subj = [x for x in t.children if x.dep_ in ("nsubj", "nsubjpass", "agent")]
        cur = t
        for _ in range(3):  # "officials are due to meet", "X is expected to travel to Y to meet Z"
            if subj or cur.dep_ not in ("xcomp", "advcl", "acomp") or cur.head.i == cur.i:
                break
            cur = cur.head
            subj = [x for x in cur.children if x.dep_ in ("nsubj", "nsubjpass")]
            if _lemma(cur) in ("travel", "go", "fly", "head", "come", "arrive", "return"):
                c_anchor_extra = cur.i
        subj = subj
        subj_tokens = [x for s in subj for x in s.subtree]
        if t.dep_ == "relcl":
            subj_tokens += [t.head]
        if kind == "Meeting" and lem == "meet":
            persons = self.ctx.actors_in(subj_tokens, ("Person",))
            if any(x.lower_ in ("he", "she") for x in subj_tokens):  # "he and President X could meet"
                p0 = self._pronoun_person(t)
                if p0 is not None and p0 not in persons:
                    persons.insert(0, p0)
            persons += [a for o in t.children if o.dep_ == "dobj" for a in self.ctx.actors_in(o.subtree, ("Person",))]
            if len(persons) >= 2 and all(self.ctx.is_leader(p) for p in persons):
                kind = "Summit"
            elif any(_lemma(x) in cue["delegation"] for x in subj_tokens) and not (
                    # "army commanders from both sides are to meet": commanders, not delegations
                    subj and all(h.pos_ == "NOUN" and _lemma(h) not in cue["delegation"]
                                 and not self.ctx.actor_of(h)
                                 for s0 in subj for h in [s0] + [k for k in s0.children if k.dep_ == "conj"])):
                kind = "NegotiationRound"
            else:
                persons = self.ctx.actors_in(subj_tokens, ("Person",))
                if len(persons) >= 2 and all(self.ctx.is_leader(p) for p in persons):
                    kind = "Summit"
                elif not persons and self.ctx.actors_in(subj_tokens, ("Country",)):
                    kind = "NegotiationRound"
            c.kind = kind
        if lem in ("receive", "host") and kind in MEETING_FAMILY:
            if not (obj_lemmas & cue["delegation"] or any(_lemma(x) in cue["delegation"] for x in subj_tokens)):
                return
        c.actors = self.ctx.actors_in(subj_tokens)
        if lem == "meet":
            for o in t.children:
                if o.dep_ == "dobj":
                    c.actors += [a for a in self.ctx.actors_in(o.subtree) if a not in c.actors]
                if o.dep_ == "prep" and o.lower_ == "for":  # "met for the fourth time"
                    for p in o.children:
                        if _lemma(p) == "time":
                            for k in p.children:
                                n = _ordinals().get(k.lower_)
                                if n and not n[1] and not any(x.lower_ in ("since", "in") for x in p.children):
                                    c.round = n[0]
                                    c.kind = "NegotiationRound" if c.kind == "Meeting" and not self.ctx.actors_in(subj_tokens, ("Person",)) else c.kind
        if t.dep_ == "relcl" and t.head.i in self.ctx.tok_timex:
            c.anchors.add(t.head.i)
            c.date_head = self.ctx.tok_timex[t.head.i]
        if t.dep_ == "relcl" and _lemma(t.head) in ("time", "occasion", "day"):
            c.anchors.add(t.head.head.i)
        # definite subjects without anything new refer back ("before the delegations sat down")
        if c.kind in MEETING_FAMILY and lem in ("meet", "sit", "negotiate") and any(
            x.lower_ in ("the",) for x in subj_tokens
        ) and not _future(t) and not any(x.i in self.ctx.tok_timex for x in t.subtree):
            c.ref = "def"
        for k in t.children:
            if k.lower_ == "again":
                c.ref = "new" if _future(t) else c.ref
        self.cands.append(c)
        # "met in Rome on April 19 and went back to Muscat on April 26": a further meeting
        for cj in t.children:
            if cj.dep_ == "conj" and _is_verb(cj) and cj.i not in self.trig_tokens:
                if any(x.i in self.ctx.tok_timex for p in cj.children if p.dep_ == "prep" for x in p.subtree):
                    c2 = Cand(c.kind, "event", cj)
                    c2.anchors = {cj.i}
                    c2.actors = list(c.actors)
                    self.cands.append(c2)

    def _pronoun_person(self, t):
        """The person "he"/"she" in the clause of ``t`` stands for: the subject of the
        verb that reports or proposes the clause ("X suggested that he and Y could
        meet"), else the last person named."""
        cur = t
        for _ in range(4):
            if cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or cur.head.i == cur.i:
                break
            cur = cur.head
            for x in cur.children:
                if x.dep_ == "nsubj":
                    n = self.ctx.actors_in(x.subtree, ("Person",))
                    if n:
                        return n[0]
        return self._last_person[-1] if self._last_person else None

    def _signer_verb(self, t):
        """The verb by which the agreement noun ``t`` is signed: "signed the treaty",
        "put their names/signatures to the treaty"."""
        g = t.head
        if t.dep_ == "dobj" and _lemma(g) in ("sign", "initial"):
            return g
        if t.dep_ == "pobj" and g.lower_ == "to" and _lemma(g.head) in ("put", "set") and any(
                k.dep_ == "dobj" and _lemma(k) in ("name", "signature", "hand") for k in g.head.children):
            return g.head
        return None

    def _signing(self, t):
        """'X and Y signed a peace deal in Washington on Friday': the signing is a
        meeting of the signatories (a summit when they are leaders)."""
        g = self._signer_verb(t)
        if g is None or _negated(g) or _hypothetical(g) or _future(g):
            return
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in g.children):
            return
        dated = any(x.i in self.ctx.tok_timex or x.i in self.ctx.tok_place
                    for k in list(g.children) + list(t.children) if k.dep_ in ("prep", "npadvmod") for x in k.subtree)
        if not dated or g.i in {c.trig.i for c in self.cands}:
            return
        c = Cand("Meeting", "event", g)
        c.anchors = {g.i, t.i}  # "signed a declaration in Nairobi": the place may hang on the noun
        subj = [x for k in g.children if k.dep_ in ("nsubj",) for x in k.subtree]
        persons = self.ctx.actors_in(subj, ("Person",))
        c.actors = self.ctx.actors_in(subj)
        if any(x.lower_ in ("he", "she") for x in subj):
            p0 = self._pronoun_person(g)
            if p0 is not None and p0 not in persons:
                persons.insert(0, p0)
                c.actors.insert(0, p0)
        if len(persons) >= 2 and all(self.ctx.is_leader(p) for p in persons):
            c.kind = "Summit"
        elif not persons and len(self.ctx.actors_in(subj, ("Country", "Organization"))) >= 2:
            c.kind = "NegotiationRound"
        self.cands.append(c)

    def _speaker(self, t, last_person, last_subject, allow_country=False):
        subj = [x for x in t.children if x.dep_ in ("nsubj",)]
        if not subj and t.dep_ in ("advcl", "conj", "xcomp") and _is_verb(t.head):
            subj = [x for x in t.head.children if x.dep_ == "nsubj"]
        for s in subj:
            kinds = ("Person", "Organization") + (("Country",) if allow_country else ())
            names = self.ctx.actors_in(s.subtree, kinds)
            persons = self.ctx.actors_in([s], kinds) or [n for n in names if self.ctx.tok_actor and True]
            if persons:
                return persons[0], s
            if s.lower_ in ("he", "she"):
                g = t
                for _ in range(4):
                    if g.dep_ in ("ccomp", "conj", "advcl") and g.head.i != g.i:
                        g = g.head
                        for x in g.children:
                            if x.dep_ == "nsubj":
                                n = self.ctx.actors_in(x.subtree, ("Person",))
                                if n:
                                    return n[0], s
                    else:
                        break
                return (last_person[-1] if last_person else None), s
            if s.lower_ in ("who",) and t.dep_ == "relcl":
                # "X, a spokesman for the front, who told reporters": the person the clause describes
                cur = t.head
                for _ in range(6):
                    a = self.ctx.actor_of(cur)
                    if a and a[1] == "Person":
                        return a[0], s
                    if cur.dep_ not in ("pobj", "prep", "appos", "compound") or cur.head.i == cur.i:
                        break
                    cur = cur.head
                return None, s
            if allow_country and s.lower_ == "it":
                return (last_subject[-1][0] if last_subject else None), s
            if allow_country and s.lower_ == "they":  # a plural: a government or a body, not one person
                groups = [a for a in last_subject if a[1] != "Person"]
                return (groups[-1][0] if groups else None), s
            if _lemma(s) in _SPEAKER_NOUNS and not names and s.tag_ == "NN" and not self.ctx.actors_in(s.subtree):
                return (last_person[-1] if last_person else None), s
            if names:
                return names[0], s
            return None, s
        return None, None

    def _medium(self, t) -> tuple[str | None, list]:
        cue = self.ctx.cue
        toks = [t] + [x for c in t.children if c.dep_ in ("prep", "dobj", "dative", "advcl") for x in c.subtree]
        extra = [x for x in toks if x.i in self.trig_tokens and x.i != t.i]
        lem = {_lemma(x) for x in toks} | {x.lower_ for x in toks}
        if _lemma(t) in ("post", "write", "tweet") or lem & {"x", "twitter", "telegram", "facebook", "instagram"}:
            return "post", extra
        if lem & cue["medium_interview"]:
            return "interview", extra
        if lem & cue["medium_address"] or _lemma(t) == "address" and not (lem & cue["medium_briefing"]):
            return "address", extra
        if lem & cue["medium_briefing"]:
            return "briefing", extra
        return None, extra

    def _speech_verb(self, t, span, last_person, last_subject):
        if t.dep_ in ("amod", "compound") or _negated(t):
            return
        lem = _lemma(t)
        if lem == "call" and not any(c.dep_ in ("oprd", "ccomp", "xcomp", "dobj") for c in t.children):
            return
        if lem == "play" and not any(c.lower_ == "down" for c in t.children):
            return
        if lem in ("brush",) and not any(c.lower_ == "aside" for c in t.children):
            return
        if lem in ("report",) and not any(c.dep_ == "ccomp" for c in t.children):
            return
        if lem == "address" and not any(_lemma(x) in self.ctx.cue["medium_briefing"] | {"nation", "parliament", "crowd", "assembly", "delegation"} for x in t.subtree):
            return
        if _hypothetical(t):
            return
        if lem in ("speak", "talk") and any(
            (k.dep_ == "prep" and k.lower_ in ("with", "by", "over", "on") and any(
                _lemma(x) in ("phone", "telephone", "video", "call") or self.ctx.actor_of(x) for x in k.subtree))
            or k.dep_ == "advmod" and k.lower_ in ("directly",)
            for k in t.children
        ) or (lem in ("speak", "talk") and self.ctx.actors_in(
                [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree], ("Person",)).__len__() >= 2):
            # "X and Y spoke by phone", "X spoke with Y": a conversation, not a statement
            c = Cand("Meeting", "event", t)
            c.anchors = {t.i}
            subj = [x for k in t.children if k.dep_ in ("nsubj",) for x in k.subtree]
            withs = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for x in k.subtree]
            persons = self.ctx.actors_in(subj + withs, ("Person",))
            if not persons and any(x.lower_ in ("he", "she") for x in subj) and last_person:
                persons = [last_person[-1]] + self.ctx.actors_in(withs, ("Person",))
            c.actors = persons + [a for a in self.ctx.actors_in(subj + withs) if a not in persons]
            self.cands.append(c)
            return
        if _embedding_speech(t) is not None:
            return
        speaker, subj = self._speaker(t, last_person, last_subject)
        written = any(k.dep_ == "prep" and k.lower_ == "in" and any(
            _lemma(p) in ("statement", "communique", "communiqué", "declaration") for p in k.children)
            for k in t.children)
        if written:
            # "X and Y said in a joint statement", "In a statement, the leaders of X and Y said":
            # governments and bodies issue written statements
            subj_toks = [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree]
            issuers = self.ctx.actors_in(subj_toks)
            if issuers and (speaker is None or self.ctx.kind_of.get(speaker) == "Country"
                            or speaker not in issuers):
                speaker = issuers[0]
                subj = next(k for k in t.children if k.dep_ == "nsubj")
        else:
            issuers = []
        if speaker is None or not written and self.ctx.tok_actor.get(
                subj.i if subj is not None else -1, ("", ""))[1] == "Country":
            return
        if self.ctx.kind_of.get(speaker) == "Country" and not written:
            return
        c = Cand("Statement", "speech", t)
        c.speaker = speaker
        c.actors = [speaker] + [a for a in issuers if a != speaker]
        c.medium, extra = self._medium(t)
        c.anchors = {t.i} | {x.i for x in extra}
        # "in an interview aired on Sunday": the medium's own clause dates the statement
        c.anchors |= {k.i for x in extra for k in x.children if k.dep_ in ("acl", "relcl") and _is_verb(k)}
        for k in t.children:
            if k.dep_ in ("advcl",) and _is_verb(k):
                c.anchors.add(k.i)
                m, ex = self._medium(k)
                c.medium = c.medium or m
                c.anchors |= {x.i for x in ex}
        c.optimistic = any(_lemma(x) in self.ctx.cue["optimistic"] for x in t.subtree)
        if lem in self.ctx.cue["rejected"]:
            c.ref = "reject"
        start = min([subj.left_edge.i if subj is not None else t.i, t.i])
        end = t.i + 1
        for k in t.children:
            if k.dep_ in ("prep", "advmod", "npadvmod", "dobj", "prt") and k.i > t.i and k.right_edge.i - t.i < 12:
                end = max(end, k.right_edge.i + 1)
        if subj is not None and subj.i > t.i:
            end = max(end, subj.right_edge.i + 1)
            start = t.i
        c.spans.append((start, end))
        self.cands.append(c)
        last_person.append(speaker)

    def _speech_noun(self, t, last_person):
        g = _gov(t)
        if g is None or g.i in self.trig_tokens and _speech_lemma(g):
            return
        if t.dep_ not in ("dobj", "pobj"):
            return
        subj = [x for x in g.children if x.dep_ == "nsubj"]
        names = self.ctx.actors_in([x for s in subj for x in s.subtree], ("Person",))
        if not names or _lemma(g) in ("follow",):
            return
        if any(k.dep_ == "poss" for k in t.children):
            return
        c = Cand("Statement", "speech", t)
        c.speaker = names[0]
        c.actors = [names[0]]
        c.medium = "address" if _lemma(t) in ("address", "speech") else _lemma(t)
        c.anchors = {t.i, g.i}
        # the speaker may come after the medium ("In a televised address, X thanked ..."):
        # the evidence runs from whichever comes first to whichever ends last
        who = subj[0]
        c.spans.append((min(who.left_edge.i, t.left_edge.i, g.i), max(t.right_edge.i, who.right_edge.i, g.i) + 1))
        self.cands.append(c)
        last_person.append(names[0])

    def _proposer(self, t, last_person, last_subject):
        name, s = self._speaker(t, last_person, last_subject, allow_country=True)
        if name is None and t.dep_ == "conj":
            return self._proposer(t.head, last_person, last_subject)
        return name

    def _propose_verb(self, t, span, last_person, last_subject):
        if t.dep_ in ("amod", "compound") or t.tag_ == "JJ" or _negated(t) or _hypothetical(t):
            return
        obj_tokens = [x for c in t.children if c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative", "attr", "pcomp")
                      and not (c.dep_ == "prep" and c.lower_ in _CONTEXT_PREPS) for x in c.subtree]
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "during"):
                for p in c.children:
                    for a in p.children:
                        if (a.dep_ == "acl" and a.tag_ == "VBG") or a.dep_ == "appos":
                            obj_tokens += list(a.subtree)
        if span.end - span.start > 1:  # "press for", "put forward": the object hangs on the particle
            for tok in span:
                obj_tokens += [x for c in tok.children for x in c.subtree if x.i >= span.end]
        has_event = any(x.i in self.trig_tokens and _entries().get(self.ctx.trig_at[x.i].kb_id_, {}).get("role") in ("event", "event_verb") for x in obj_tokens)
        has_event = has_event or any(  # "suggested that they could sign the accord by June"
            x.i in self.trig_tokens and _entries().get(self.ctx.trig_at[x.i].kb_id_, {}).get("role") == "agreement_noun"
            and self._signer_verb(x) is not None for x in obj_tokens)
        lem = _lemma(t)
        if lem in ("raise", "float", "pitch", "urge") and not any(
            o.dep_ == "dobj" and o.i in self.trig_tokens for o in t.children
        ) and not any(o.dep_ == "xcomp" and any(x.i in self.trig_tokens for x in o.subtree) for o in t.children):
            return  # "raised concerns about the exchange" proposes nothing
        if not has_event and lem not in ("propose", "submit", "table") and not any(
            _lemma(x) in ("proposal", "plan", "memorandum", "initiative") for x in obj_tokens
        ):
            return
        proposer = self._proposer(t, last_person, last_subject)
        subj = [x for x in t.children if x.dep_ == "nsubj"]
        if proposer is None and not (has_event and subj and (
                subj[0].pos_ in ("NOUN", "PROPN") or subj[0].lower_ in ("they", "we"))):
            return
        c = Cand("Proposal", "proposal", t)
        c.proposed_by = [proposer] if proposer else []
        c.actors = [proposer] if proposer else []
        c.anchors = {t.i}
        c.perfect = _perfect(t) or (t.dep_ == "conj" and _perfect(t.head))
        c.also = any(k.lower_ == "also" for k in t.children)
        if _future(t):
            c.status, c.strong = "Planned", True
        c.embedded = _embedding_speech(t)
        c.obj_tokens = obj_tokens
        subj = [x for x in t.children if x.dep_ == "nsubj"]
        start = subj[0].left_edge.i if subj else t.i
        end = max([t.i + 1] + [x.i + 1 for x in obj_tokens if x.i - t.i < 14])
        c.spans.append((min(start, t.i), end))
        self.cands.append(c)

    def _proposed_by_agent(self, t) -> bool:
        """'a framework first outlined by President X in May', 'the plan put forward by
        Norway': a proposal by the agent of the participle, dated by its clause."""
        for k in t.children:
            if k.dep_ != "acl" or k.tag_ != "VBN" or _lemma(k) not in _DELIVERY | {
                    "outline", "propose", "float", "suggest", "offer", "draft", "unveil", "table"}:
                continue
            agents = [x for a in k.children if a.dep_ == "agent" for x in a.subtree]
            persons = self.ctx.actors_in(agents, ("Person",))
            who = persons or self.ctx.actors_in(agents)
            if not who:
                continue
            c = Cand("Proposal", "proposal", t)
            c.proposed_by = [who[0]]
            c.actors = [who[0]] + [a for a in self.ctx.actors_in(agents) if a != who[0]]
            aff = self.ctx.affiliation.get(who[0])
            if aff and aff not in c.actors:
                c.actors.append(aff)
            c.anchors = {t.i, k.i}
            c.obj_tokens = [x for x in t.subtree if not (k.left_edge.i <= x.i <= k.right_edge.i)]
            c.spans.append((t.left_edge.i, k.right_edge.i + 1))
            self.cands.append(c)
            return True
        return False

    def _proposal_noun(self, t, last_person, last_subject):
        g = _gov(t)
        if g is None:
            return
        if t.dep_ in ("oprd", "attr", "dobj") and _lemma(g) in ("call", "describe", "dub", "term", "label") and \
                any(k.lower_ == "what" for k in g.children) and g.dep_ in ("ccomp", "dobj", "pcomp", "xcomp") and \
                _lemma(g.head) in _DELIVERY:
            g = g.head  # "tabled what officials called a bridging proposal": the tabling
        if self._proposed_by_agent(t):
            return
        if _lemma(g) in ("reject", "refuse", "dismiss", "decline", "brush", "criticise", "criticize", "welcome", "accept"):
            return
        if _lemma(t) in ("plan", "idea", "initiative", "draft", "offer", "framework", "roadmap", "blueprint"):
            return
        if g.i in self.trig_tokens and _entries().get(self.ctx.trig_at[g.i].kb_id_, {}).get("role") == "propose":
            return
        if _lemma(g) not in _DELIVERY or t.dep_ not in ("dobj", "nsubjpass", "pobj", "oprd", "attr"):
            return
        if _negated(g) or _hypothetical(g):
            return
        proposer = self._proposer(g, last_person, last_subject)
        subj = [x for x in g.children if x.dep_ == "nsubj"]
        if proposer is None and not (subj and subj[0].pos_ in ("NOUN", "PROPN")):
            return
        c = Cand("Proposal", "proposal", t)
        c.proposed_by = [proposer] if proposer else []
        c.actors = [proposer] if proposer else self.ctx.actors_in([x for s in subj for x in s.subtree])
        c.anchors = {t.i, g.i}
        if g.tag_ == "VBG" and g.dep_ == "pcomp" and g.head.lower_ == "with" and _is_verb(g.head.head):
            c.anchors.add(g.head.head.i)  # "talks ended on Friday with X tabling a proposal": on Friday
        c.perfect = _perfect(g)
        if _future(g):
            c.status, c.strong = "Planned", True
        c.embedded = _embedding_speech(g)
        c.obj_tokens = [x for x in t.subtree]
        subj = [x for x in g.children if x.dep_ == "nsubj"]
        start = subj[0].left_edge.i if subj else g.i
        c.spans.append((min(start, g.i, t.i), max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
        self.cands.append(c)

    # ------------------------------------------------------------------ attachments
    def _attach_all(self):
        ctx = self.ctx
        anchors_of: dict[int, list[Cand]] = {}
        for c in self.cands:
            g = _main_gov(c.trig) if c.role == "event" and not _verbal(c) else None
            context_noun = c.trig.dep_ == "pobj" and c.trig.head.lower_ in ("at", "during")
            if c.role == "event" and not _verbal(c) and not context_noun:
                for k in c.trig.children:
                    if k.dep_ in ("acl", "relcl") and _is_verb(k) and (
                        _lemma(k) in self.ctx.cue["occurred"] | self.ctx.cue["planned"] or _lemma(k) == "occur"
                        or _under_way(k)
                    ):
                        c.anchors.add(k.i)
            if c.role == "event" and c.trig.dep_ == "pobj" and c.trig.head.lower_ in ("at", "for") and \
                    _lemma(c.trig.head.head) in ("attempt", "bid", "effort", "try"):
                # "a first attempt at talks, set for early October, was called off": the attempt's clause
                c.anchors |= {k.i for k in c.trig.head.head.children if k.dep_ in ("acl", "relcl") and _is_verb(k)}
            if c.role == "event" and c.trig.dep_ == "compound" and _lemma(c.trig.head) in _AGREEMENT_NOUNS:
                # "a ceasefire deal that will take effect on Sunday": the deal's clause, not its signing
                c.in_agreement = True
                g = None
                for k in c.trig.head.children:
                    if k.dep_ in ("relcl", "acl") and _is_verb(k):
                        c.anchors.add(k.i)
                        c.anchors |= {x.i for x in k.children if x.dep_ == "xcomp"}
            rel = self._temporal_pp(c.trig) if c.role == "event" and not _verbal(c) else None
            if rel is not None and g is not None:
                c.temporal_rel = (rel, g)
                g = None
            if g is not None and c.role == "event" and not (
                c.kind not in MEETING_FAMILY and _lemma(g) in ("agree", "settle", "sign", "reach", "strike")
            ):
                c.anchors.add(g.i)
                for cj in g.children:
                    if cj.dep_ == "conj" and _is_verb(cj):
                        c.anchors.add(cj.i)
                    if cj.dep_ == "xcomp" and _is_verb(cj):  # "is due to take effect on Monday"
                        c.anchors.add(cj.i)
            for a in c.anchors:
                anchors_of.setdefault(a, []).append(c)
        stop = set(self.trig_tokens) | set(anchors_of)
        self.claimed: set[int] = set()
        pub = ctx.pub
        for k, (tv, span) in enumerate(self.timexes):
            root = span.root
            at = _climb(root, stop)
            prep = root.head if root.dep_ == "pobj" else None
            if root.head.i == root.i:
                continue
            before = span.start - 1
            if before >= 0 and self.doc[before].lower_ == "on":
                before -= 1
            if before >= 0 and self.doc[before].i in self.trig_tokens and _is_verb(self.doc[before]) and \
                    _entries().get(self.ctx.trig_at[before].kb_id_, {}).get("role") == "speech":
                at = self.doc[before]  # "X said on Thursday (that) ...": the saying's date
            if _is_verb(at) and _future(at) and tv.granularity == "day" and pub and tv.latest and tv.latest < pub:
                em = _embedding_speech(at)  # "said on Thursday he would meet ...": the saying's date
                if em is not None:
                    at = em
            for c in anchors_of.get(at.i, []):
                if c.role == "event" and c.trig.i != at.i and at.i not in (c.trig.i,) and _is_verb(at) is False:
                    pass
                self._give_time(c, tv, prep, k)
        # places
        for ent, rank in self.places:
            root = ent.root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and _lemma(root.head.head) in (
                "city", "town", "capital", "resort", "village", "port"
            ) and root.head.head.dep_ == "pobj":
                root = root.head.head
            motion = root.dep_ == "pobj" and root.head.lower_ == "to" and _lemma(root.head.head) in (
                "travel", "go", "fly", "head", "come", "return", "arrive", "move")
            if (root.dep_ != "pobj" or root.head.lower_ not in ("in", "at", "near", "inside", "outside")) and not motion:
                continue
            at = _climb(root, stop)
            for c in anchors_of.get(at.i, []):
                if c.role == "event" and rank > c.place_rank:
                    c.place, c.place_rank = ent.text, rank
        for c in self.cands:
            if c.role != "event":
                continue
            if not _verbal(c) and c.place is None:  # "the Geneva talks", "the second Istanbul round"
                for k in c.trig.children:
                    hit = ctx.tok_place.get(k.i)
                    if k.dep_ in ("compound", "amod", "nmod") and hit is not None and hit[1] >= 2 and k.i < c.trig.i:
                        c.place, c.place_rank = hit[0].text, hit[1]
            g = c.trig if _verbal(c) else _gov(c.trig)
            if g is not None and g.dep_ == "relcl":
                for ent, rank in self.places:
                    if ent.start <= g.head.i < ent.end and rank > c.place_rank:
                        c.place, c.place_rank = ent.text, rank
            # context meeting: "at the table", "at the meeting", "during the session", "at Tuesday's session"
        for c in self.cands:
            self._context_preps(c)
            if c.role == "event" and not _verbal(c):
                self._participants(c)
            if getattr(c, "date_head", None) is not None and c.time is None:
                # "since 2019, when they met in Osaka": the date the clause hangs on
                tv, span = ctx.timexes[c.date_head]
                if tv.granularity in ("lower-bound", "upper-bound"):
                    from kg.extract.timex import normalize

                    words = [x.text for x in span if x.lower_ not in ("since", "before", "after", "until", "by", "from")]
                    tv2 = normalize(" ".join(words), ctx.pub) if words else None
                    tv = TimeValue(tv2.text, tv2.timex, tv2.earliest, tv2.latest, tv2.granularity, tv.mention) if tv2 else None
                if tv is not None and tv.granularity not in ("duration", "ref"):
                    c.time = tv
        self._started_on()
        self._days_of()
        self._durations()
        # "signed a truce on Saturday after two weeks of talks": the talks end by Saturday
        for c in self.cands:
            rel = getattr(c, "temporal_rel", None)
            if rel is None or c.time is not None:
                continue
            word, g = rel
            for tv, span in self.timexes:
                root = span.root
                if root.head.i != root.i and _climb(root, set()).i == g.i and tv.granularity == "day":
                    if word in ("after", "following") and tv.latest:
                        c.latest = tv.latest
                    elif word in ("before", "until", "ahead") and tv.earliest:
                        c.earliest = tv.earliest

    def _participants(self, c: Cand):
        """Who takes part in a noun event ("X and Y held talks", "talks between X and Y");
        talks between leaders only are a summit, between other named people a meeting."""
        t = c.trig
        g = _gov(t)
        toks = []
        if g is not None and t.dep_ in ("dobj", "attr") and _lemma(g) in (
            "hold", "have", "conduct", "begin", "open", "resume", "start", "join", "attend", "continue", "end", "conclude"
        ):
            toks += [x for k in g.children if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree]
        if t.dep_ in ("nsubj", "nsubjpass") and g is not None and _lemma(g) in ("take", "begin", "open", "resume", "end", "conclude", "continue"):
            pass
        toks += [x for k in t.children if k.dep_ == "prep" and k.lower_ in ("between", "with") for x in k.subtree]
        for a in self.ctx.actors_in(toks):
            if a not in c.actors:
                c.actors.append(a)
        if c.kind != "NegotiationRound" or c.round is not None or c.ref in ("def", "such", "anaphor"):
            return
        if any(_lemma(x) in self.ctx.cue["delegation"] for x in toks):
            return
        persons = self.ctx.actors_in(toks, ("Person",))
        if len(persons) >= 2 and _lemma(t) in ("talk", "talks", "meeting", "discussion", "discussions"):
            leaders = [self.ctx.is_leader(p) for p in persons]
            c.kind = "Summit" if all(leaders) else "Meeting"

    def _temporal_pp(self, t):
        """'after/before/since <t>': the preposition, if t sits in such a phrase."""
        cur = t
        for _ in range(4):
            if cur.head.i == cur.i or _is_verb(cur.head):
                break
            if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "before", "since", "following", "until", "ahead"):
                return cur.head.lower_
            cur = cur.head
        if cur.dep_ == "pobj" and cur.head.lower_ in ("after", "before", "since", "following", "until", "ahead"):
            return cur.head.lower_
        return None

    def _durations(self):
        """'a seven-day ceasefire', 'a 72-hour truce': how long it lasts once it starts."""
        for c in self.cands:
            if c.kind != "Ceasefire" or c.role != "event":
                continue
            for tv, span in self.timexes:
                if tv.granularity != "duration" or not tv.timex:
                    continue
                if not any(x.i in range(span.start, span.end) for x in c.trig.children
                           if x.dep_ in ("amod", "compound", "nummod", "nmod")) and not (
                        span.end == c.trig.i or span.end + 1 == c.trig.i and self.doc[span.end].text == "-"):
                    continue
                m = re.fullmatch(r"P(?:(\d+)([DW])|T(\d+)H)", tv.timex)
                if m is None:
                    continue
                days = int(m[1]) * (7 if m[2] == "W" else 1) if m[1] else -(-int(m[3]) // 24)
                if 0 < days <= 366:
                    c.duration_days = days

    def _days_of(self):
        """'Two days of talks ended on Friday': the talks ran Thursday to Friday;
        'three days of talks opened on Monday' (all before publication): Monday to Wednesday."""
        ords = _ordinals()
        for c in self.cands:
            t = c.trig
            tv = c.time
            if c.role != "event" or tv is None or tv.granularity != "day" or not tv.earliest:
                continue
            if not (t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in ("day", "week")):
                continue
            unit = t.head.head
            n = None
            for k in unit.children:
                if k.dep_ == "nummod":
                    n = int(k.text) if k.text.isdigit() else ords.get(k.lower_, (None, False))[0]
            if not n or n < 2 or n > 60:
                continue
            span = timedelta(days=n - 1) if _lemma(unit) == "day" else timedelta(weeks=n) - timedelta(days=1)
            g = unit.head if unit.dep_ in ("nsubj", "nsubjpass") else None
            if g is None or not _is_verb(g):
                continue
            lem = _lemma(g)
            if lem in ("end", "conclude", "close", "wrap", "finish", "culminate"):
                c.time = TimeValue(tv.text, None, tv.earliest - span, tv.latest, "range", tv.mention)
            elif lem in ("open", "begin", "start", "get") and self.ctx.pub and tv.earliest + span <= self.ctx.pub \
                    and not _future(g):
                c.time = TimeValue(tv.text, None, tv.earliest, tv.earliest + span, "range", tv.mention)

    def _started_on(self):
        """'completed the exchange on Sunday, closing an operation that started on
        Friday': the start verb gives the earliest bound."""
        for c in self.cands:
            if c.role != "event" or c.time is None or c.time.granularity != "day":
                continue
            heads = [self.doc[a] for a in c.anchors if _is_verb(self.doc[a])]
            for h in heads:
                for v in h.subtree:
                    if not _is_verb(v) or _lemma(v) not in ("start", "begin", "commence", "open", "get"):
                        continue
                    subj = [x for x in v.children if x.dep_ in ("nsubj", "nsubjpass")]
                    subj_l = {_lemma(x) for x in subj}
                    if v.dep_ == "relcl":
                        subj_l.add(_lemma(v.head))
                    if not subj_l & {"that", "which", "it", "operation", "process", "exchange", "swap",
                                      "handover", "release", "return", "repatriation"}:
                        continue
                    for tv, span in self.timexes:
                        root = span.root
                        if root.head.i != root.i and _climb(root, set()).i == v.i and tv.granularity == "day" \
                                and tv.earliest and tv.earliest < c.time.earliest:
                            c.time = TimeValue(c.time.text, None, tv.earliest, c.time.latest, "range", c.time.mention)

    def _give_time(self, c: Cand, tv: TimeValue, prep, k: int):
        if tv.granularity == "duration" or tv.timex is None and tv.earliest is None and tv.latest is None:
            return
        word = prep.lower_ if prep is not None else ""
        self.claimed.add(k)
        if tv.granularity == "upper-bound":
            if tv.latest is not None:
                c.latest = tv.latest if c.latest is None else min(c.latest, tv.latest)
            return
        if tv.granularity == "lower-bound":
            if getattr(c, "first_since", False):
                return  # "the first meeting since 2019" says nothing of when this one was
            if tv.earliest is not None:
                c.earliest = tv.earliest if c.earliest is None else max(c.earliest, tv.earliest)
            return
        if (c.time is not None and c.time.granularity == "day" and tv.granularity == "day" and c.time.mention
                and tv.mention and c.time.earliest and tv.earliest and c.time.earliest < tv.earliest):
            # "between June 20 and June 30", "from May 2 to May 5": one range
            a, b = c.time.mention, tv.mention
            gap = self.ctx.document.text[a.end:b.start].strip().lower()
            before = self.ctx.document.text[max(a.start - 9, 0):a.start].strip().lower()
            if gap in ("and", "to", "-", "–", "until", "through", "till") and before.endswith(("between", "from")):
                c.time = TimeValue(f"{a.text} {gap} {b.text}", None, c.time.earliest, tv.latest, "range", a)
                return
        if word in ("until", "till") and prep is not None and _lemma(prep.head) in (
                "postpone", "delay", "defer", "reschedule", "push", "put", "move", "shift", "adjourn"):
            word = ""  # "postponed until June 3": the new date
        if word in ("before", "by", "until", "till"):
            bound = tv.earliest - timedelta(days=1) if (tv.granularity == "day" and word == "before" and tv.earliest) else tv.latest
            c.latest = bound if c.latest is None else min(c.latest, bound)
            return
        if word in ("after", "since"):
            bound = tv.latest + timedelta(days=1) if (tv.granularity == "day" and word == "after" and tv.latest) else tv.earliest
            c.earliest = bound
            return
        if c.time is not None and c.time.granularity == "day" and tv.granularity == "day" and c.time != tv:
            root = self._tv_root(tv)
            if root is not None and root.dep_ == "conj":  # "on March 3 and March 7": one more date
                c.extra = getattr(c, "extra", []) + [tv]
            elif root is not None and _lemma(_climb(root, set())) in ("continue", "end", "conclude", "last", "run",
                                                                       "close", "wrap", "finish", "resume"):
                lo, hi = min(c.time.earliest, tv.earliest), max(c.time.latest, tv.latest)
                c.time = TimeValue(f"{c.time.text} .. {tv.text}", None, lo, hi, "range", c.time.mention)
            return
        root = self._tv_root(tv)
        at = _climb(root, set()) if root is not None else None
        if (at is not None and tv.granularity == "day" and tv.earliest and not _verbal(c) and c.role == "event"
                and _lemma(at) in ("open", "begin", "start", "commence", "kick") and not _future(at)
                and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass") or c.trig.i == at.i)):
            # "the talks opened on October 25": when they began, not when they ended
            c.started = tv.earliest
            c.earliest = tv.earliest if c.earliest is None else max(c.earliest, tv.earliest)
            return
        if (c.time is not None and at is not None and _lemma(at) in ("conclude", "end", "finish", "wrap", "close", "complete")
                and c.time.earliest and c.time.latest and tv.earliest and tv.latest and tv.earliest > c.time.latest):
            # "talks began in 2020 and were concluded in March": from the start to the end
            c.time = TimeValue(f"{c.time.text} .. {tv.text}", None, c.time.earliest, tv.latest, "range", c.time.mention)
            return
        if c.time is None or (c.time.granularity not in ("day",) and tv.granularity == "day"):
            c.time = tv

    def _tv_root(self, tv: TimeValue):
        for t2, span in self.timexes:
            if t2 is tv:
                return span.root
        return None

    def _context_preps(self, c: Cand):
        """'at the table', 'during the session', 'after the talks', 'afterwards', 'before X'."""
        heads = [self.doc[a] for a in c.anchors]
        for h in heads:
            kids = list(h.children)
            kids += [g for k in h.children if k.dep_ in ("oprd", "acomp") for g in k.children]
            for k in kids:
                if k.dep_ == "prep" and k.lower_ in ("at", "during", "after", "following", "before", "on", "in"):
                    for p in k.children:
                        if p.dep_ not in ("pobj", "pcomp"):
                            continue
                        if _lemma(p) in ("table", "sideline", "sidelines", "margin", "margins") and k.lower_ == "at":
                            c.ctx_word = "table"
                        elif p.i in self.trig_tokens and _entries()[self.ctx.trig_at[p.i].kb_id_]["class"] in MEETING_FAMILY:
                            c.ctx_tok = p
                            c.ctx_word = {"following": "after"}.get(k.lower_, k.lower_)
                        elif k.lower_ in ("after", "following", "before") and p.pos_ == "VERB":
                            c.ctx_word = k.lower_ + "_clause"
                            c.ctx_clause = p
                if k.dep_ == "advmod" and k.lower_ in ("afterwards", "afterward", "later") and not any(
                    x.i in self.ctx.tok_timex for x in k.subtree
                ):
                    c.ctx_word = "afterwards"
                if k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("before", "after", "once")
                                             for m in k.children):
                    mark = [m.lower_ for m in k.children if m.dep_ == "mark"][0]
                    c.ctx_word = {"once": "after"}.get(mark, mark) + "_clause"  # "once the talks were over"
                    c.ctx_clause = k
                if k.dep_ == "advcl" and k.tag_ == "VBG" and any(_lemma(x) in ("speak", "write") for x in [k]):
                    for kk in k.children:
                        if kk.dep_ == "advmod" and kk.lower_ in ("afterwards", "afterward"):
                            c.ctx_word = "afterwards"
                        if kk.dep_ == "prep" and kk.lower_ in ("after", "following"):
                            for p in kk.children:
                                if p.i in self.trig_tokens:
                                    c.ctx_tok = p
                                    c.ctx_word = "after"
            if h.dep_ == "advcl" and h.tag_ == "VBG":
                pass
        # "greeted the two delegations": the delegations are at the meeting in focus
        if c.role == "speech":
            for h in heads:
                if any(k.dep_ == "dobj" and _lemma(k) == "delegation" for k in h.children):
                    c.delegations = True
                    if not hasattr(c, "ctx_word"):
                        c.ctx_word = "delegations"

    # ------------------------------------------------------------------ syntax merges
    def _syntactic_merge(self):
        by_tok = {c.trig.i: c for c in self.cands if c.role == "event"}
        for c in self.cands:
            if c.role != "event":
                continue
            cur = c.trig
            for _ in range(3):
                if cur.dep_ not in ("pobj", "prep", "compound", "appos", "conj", "attr", "npadvmod") or cur.head.i == cur.i:
                    break
                if cur.dep_ == "conj" and cur is c.trig:
                    break
                if cur.dep_ == "prep" and cur.lower_ not in ("of", "for"):
                    break
                cur = cur.head
                other = by_tok.get(cur.i)
                if other is not None and other is not c and self._compatible(c, other):
                    self._merge(other, c)
                    break
        # an event verb and its noun ("met for a second round", "held talks")
        for c in self.cands:
            if c.role != "event" or c.target is not None:
                continue
            if _verbal(c):
                for x in c.trig.children:
                    if x.dep_ == "conj" or (x.dep_ == "prep" and x.lower_ not in ("of", "for")):
                        continue
                    for y in [x] + [z for z in x.children if z.dep_ == "pobj"]:
                        o = by_tok.get(y.i)
                        if o is not None and o is not c and o.target is None and self._compatible(c, o):
                            if o.kind == "NegotiationRound" or c.kind != "NegotiationRound":
                                if o.kind in MEETING_FAMILY and c.kind in MEETING_FAMILY and c.kind == "Meeting":
                                    c.kind = o.kind
                            self._merge(c, o)

    def _compatible(self, a: Cand, b: Cand) -> bool:
        if a.kind == b.kind:
            return True
        return a.kind in MEETING_FAMILY and b.kind in MEETING_FAMILY

    def _merge(self, keep: Cand, gone: Cand):
        """Fold ``gone`` into ``keep`` (one event, several evidence spans)."""
        keep, gone = keep.root(), gone.root()
        if gone is keep:
            return
        gone.target = keep
        keep.anchors |= gone.anchors
        keep.members = getattr(keep, "members", [keep]) + getattr(gone, "members", [gone])
        if keep.kind != gone.kind and (gone.ref not in ("def", "anaphor", "such") or gone.round is not None):
            order = ["NegotiationRound", "Summit", "Meeting"]
            if keep.kind in order and gone.kind in order:
                keep.kind = min(keep.kind, gone.kind, key=order.index)
        if gone.time is not None:
            if keep.time is None:
                keep.time = gone.time
            elif keep.time.granularity != "day" and gone.time.granularity == "day":
                if not (keep.time.earliest and keep.time.latest and keep.time.earliest <= gone.time.earliest <= keep.time.latest and keep.status == "Occurred" and keep.kind == "PrisonerExchange"):
                    keep.time = gone.time
        keep.earliest = keep.earliest or gone.earliest
        keep.latest = keep.latest or gone.latest
        if gone.place_rank > keep.place_rank:
            keep.place, keep.place_rank = gone.place, gone.place_rank
        if keep.round is None:
            keep.round = gone.round
        if keep.count is None:
            keep.count = gone.count
        for a in gone.actors:
            if a not in keep.actors:
                keep.actors.append(a)
        if gone.status:
            if keep.status is None or (gone.strong and not keep.strong) or (
                gone.strong == keep.strong and STATUS_RANK[gone.status] > STATUS_RANK[keep.status]
            ):
                keep.status, keep.strong = gone.status, gone.strong or keep.strong
        keep.spans += gone.spans
        if keep.ref in ("def", "anaphor", "indef") and gone.ref in ("new", "last", "previous"):
            keep.ref = gone.ref
        if not hasattr(keep, "ctx_word") and hasattr(gone, "ctx_word"):
            keep.ctx_word = gone.ctx_word
            for attr in ("ctx_tok", "ctx_clause"):
                if hasattr(gone, attr):
                    setattr(keep, attr, getattr(gone, attr))
        keep.quantity = keep.quantity or gone.quantity
        keep.leaders = max(keep.leaders, gone.leaders)
        if getattr(keep, "duration_days", None) is None and getattr(gone, "duration_days", None):
            keep.duration_days = gone.duration_days

    # ------------------------------------------------------------------ statuses
    def _statuses(self):
        for c in self.cands:
            if c.role == "event" and c.target is None:
                st, strong = self._status(c)
                if st == "Cancelled" and self._moved_to_later(c):
                    st, strong = "Planned", True
                if c.status is None or (strong and not c.strong):
                    c.status, c.strong = st, strong
            elif c.role == "speech":
                c.status, c.strong = "Occurred", True
            elif c.role == "proposal" and c.status is None:
                c.status, c.strong = "Occurred", True

    def _moved_to_later(self, c: Cand) -> bool:
        """'was put off until later in the spring', 'postponed to June 3': a new date
        after publication makes the event planned, not cancelled."""
        g = c.trig if _verbal(c) else _main_gov(c.trig)
        pub = self.ctx.pub
        if g is None or pub is None:
            return False
        verbs = [g] + [cj for cj in g.children if cj.dep_ == "conj" and _is_verb(cj)]
        for v in verbs:
            prts = {k.lower_ for k in v.children if k.dep_ in ("prt", "advmod")}
            lem = _lemma(v)
            if not (lem in ("postpone", "delay", "defer", "reschedule", "move", "shift", "adjourn")
                    or lem == "push" and "back" in prts or lem == "put" and "off" in prts):
                continue
            for k in v.children:
                if k.dep_ != "prep" or k.lower_ not in ("until", "till", "to", "for"):
                    continue
                for x in k.subtree:
                    j = self.ctx.tok_timex.get(x.i)
                    if j is not None:
                        tv = self.ctx.timexes[j][0]
                        if tv.latest is not None and tv.latest > pub:
                            return True
        return False

    def _status(self, c: Cand) -> tuple[str, bool]:
        cue = self.ctx.cue
        t = c.trig
        words_before = {x.lower_ for x in self.doc[max(t.i - 3, t.sent.start):t.i]}
        mods = {_lemma(k) for k in t.children if k.dep_ in ("amod", "advmod", "compound", "acomp")} | words_before
        if any(k.dep_ in ("relcl", "acl") and _under_way(k) and not _future(k) for k in t.children):
            return "Ongoing", True  # "talks that have been under way since May 2"
        if getattr(c, "context", False):
            g = _gov(t)
            if g is not None and (g.tag_ in ("VBD", "VBN") or _perfect(g)) and not _future(g):
                return "Occurred", True
        if getattr(c, "temporal_rel", None) is not None and c.temporal_rel[0] in ("after", "following", "since"):
            return "Occurred", True
        if getattr(c, "in_agreement", False):
            head = t.head
            if _lemma(head) in ("proposal", "plan", "idea"):
                return "Proposed", True
            hg = _gov(head)
            if hg is not None and (_future(hg) or _lemma(hg) in cue["proposed"]):
                return "Proposed", True
            return "Planned", True
        g0 = t if _verbal(c) else _main_gov(t)
        if g0 is not None and t.dep_ in ("nsubjpass", "dobj", "nsubj") and not _negated(g0):
            l0 = _lemma(g0)
            prt0 = {k.lower_ for k in g0.children if k.dep_ in ("prt", "advmod")}
            later = [cj for cj in g0.children if cj.dep_ == "conj" and _lemma(cj) in cue["occurred"]]
            if not later and (l0 in cue["cancelled"] or (l0 == "call" and "off" in prt0)):
                return "Cancelled", True
            if later and later[-1].tag_ in ("VBD", "VBN") and not _future(later[-1]):
                return "Occurred", True
            going_on = l0 == "go" and "on" in prt0 and g0.tag_ == "VBG"  # "talks have been going on since May"
            if (l0 in ("continue", "resume", "proceed") or going_on) and t.dep_ == "nsubj" and (
                    _future(g0) or g0.tag_ in ("VBZ", "VBP", "VBG")):
                return "Ongoing", True  # "the talks, which began on Monday, will continue on Wednesday"
            if not later and l0 in cue["rejected"] and t.dep_ != "nsubj" and (l0 not in ("turn", "rule") or prt0 & {"down", "out"}):
                return "Rejected", True
        own = {_lemma(k) for k in t.children if k.dep_ in ("amod", "compound", "advmod")} | {
            k.lower_ for k in t.children if k.dep_ in ("amod", "compound")}
        if own & {"possible", "proposed", "potential", "hypothetical", "suggested", "propose", "suggest"}:
            return "Proposed", True
        if mods & {"next", "upcoming", "forthcoming", "planned", "scheduled"}:
            return "Planned", True
        if mods & {"ongoing"}:
            return "Ongoing", True
        # the trigger's own clause: "the swap that was carried out", "talks held in"
        for k in t.children:
            if k.dep_ in ("relcl", "acl") and _is_verb(k):
                lem = _lemma(k)
                if _under_way(k) and not _future(k):
                    return "Ongoing", True  # "talks that have been under way since May 2"
                if lem in cue["occurred"] and k.tag_ in ("VBD", "VBN", "VBG") and not _future(k):
                    return "Occurred", True
                if lem in cue["planned"] and k.tag_ in ("VBN",) and lem not in ("agree", "settle"):
                    return "Planned", True
                if lem in ("meet", "take") and _future(k):
                    return "Proposed", False
                if lem in cue["rejected"] and not _negated(k):
                    return "Rejected", True
                if lem in cue["cancelled"]:
                    return "Cancelled", True
        if mods & {"previous", "last", "recent", "latest", "earlier", "past"}:
            return "Occurred", True
        g = t if _verbal(c) else _main_gov(t)
        # "importance of a summit", "ready for such a meeting"
        chain = []
        cur = t
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            chain.append(cur)
            if _is_verb(cur):
                break
        if any(_lemma(x) in cue["proposed"] for x in chain):
            return "Proposed", True
        if any(_lemma(x) in ("proposal", "plan", "offer", "initiative", "idea", "call", "demand", "request") and x.pos_ == "NOUN"
               for x in chain[:3]):
            return "Proposed", True
        if g is None:
            return "Occurred", False
        verbs = [g] + [cj for cj in g.children if cj.dep_ == "conj" and _is_verb(cj)]
        lem = _lemma(g)
        lems = [_lemma(v) for v in verbs]
        if len(verbs) > 1 and _lemma(verbs[-1]) in cue["occurred"] and lem not in cue["occurred"] and (
            lem in cue["cancelled"] or lem in ("push", "put", "delay")
        ):
            return "Occurred", True
        prts = {k.lower_ for v in verbs for k in v.children if k.dep_ in ("prt", "advmod")}
        acomp = {_lemma(k) for k in g.children if k.dep_ in ("acomp", "xcomp", "attr", "oprd")}
        if _lemma(g) == "be" and any(
            _lemma(x) in cue["proposed"] for k in g.children if k.dep_ in ("csubj", "nsubj") for x in k.subtree
        ):
            return "Proposed", True
        if acomp & cue["proposed"] or _lemma(g) in cue["proposed"]:
            return "Proposed", True
        if acomp & {"due", "expected", "scheduled", "set", "planned", "slated"} and not _perfect(g):
            return "Planned", True
        if acomp & cue["ongoing"] or _lemma(g) in ("continue",) and not _future(g) or (
                _under_way(g) and not _future(g) and t.dep_ == "nsubj"):
            return "Ongoing", True
        if any(l in cue["cancelled"] for l in lems) or ("push" in lems and "back" in prts) or (
            "call" in lems and "off" in prts
        ):
            return "Cancelled", True
        if lem in cue["rejected"] and not _negated(g):
            return "Rejected", True
        if lem in cue["planned_work"] and g.tag_ in ("VBG", "VBZ", "VBP") and not _perfect(g):
            return "Planned", True
        if lem in ("agree", "settle") and _lemma(g.head) in ("fail", "refuse", "decline") and g.dep_ == "xcomp":
            return "Proposed", True
        if lem in ("agree", "settle") or (g.pos_ == "NOUN" and lem in ("deal",)):
            return "Planned", True
        if _lemma(g.head) in ("agree", "settle", "deal") and g.dep_ in ("xcomp", "acl"):
            return "Planned", True
        if g.dep_ == "acl" and _lemma(g.head) in ("deal", "agreement"):
            return "Planned", True
        if lem in ("set", "fix", "schedule", "announce", "agree") and (_negated(g) or any(
            x.lower_ in ("no",) for x in g.subtree)):
            return "Planned", True
        scope = [g]
        cur = g
        for _ in range(4):  # "a truce would see Hamas free hostages": the clause of a modal verb
            if cur.dep_ not in ("ccomp", "xcomp", "conj", "dobj", "amod", "acomp", "oprd") or cur.head.i == cur.i:
                break
            cur = cur.head
            scope.append(cur)
        if any(_future(v) for v in scope) and any(
                k.dep_ == "prep" and k.lower_ == "under" and any(
                    _lemma(p) in ("plan", "proposal", "framework", "draft", "offer", "initiative", "blueprint")
                    for p in k.children)
                for v in scope for k in v.children):
            return "Proposed", True  # "under the plan, the rebels would free 40 captives"
        if len(scope) > 1 and not _future(g) and not _perfect(g) and any(_is_verb(v) and _future(v) for v in scope[1:]):
            return "Planned", True  # "a truce would see the militia free ...": the clause's future
        if g.tag_ in ("VBP", "VBZ") and g.dep_ in ("advcl", "relcl", "ccomp") and any(
                k.dep_ in ("mark", "advmod") and k.lower_ in ("when", "once", "after", "until", "before") and k.i < g.i
                for k in g.children):
            return "Planned", True  # "an agreement when the envoys reconvene": a temporal clause's present
        if _future(g) or any(k.lower_ == "should" for k in g.children):
            if any(k.lower_ == "could" for k in g.children):
                return "Proposed", False
            return "Planned", True
        if any(k.lower_ in ("could", "might", "may") for k in g.children if k.dep_ == "aux"):
            return "Proposed", False
        if g.tag_ == "VBG" and any(k.lower_ in ("is", "are", "'s", "'re") for k in g.children if k.dep_ == "aux"):
            if lem in cue["planned_work"]:
                return "Planned", True
            return "Ongoing", True
        if lem in cue["planned"] and lem not in cue["occurred"] and g.tag_ in ("VBN",):
            return "Planned", True
        if lem in cue["occurred"] and (g.tag_ in ("VBD", "VBN") or _perfect(g)):
            return "Occurred", True
        if g.tag_ in ("VBD", "VBN") or _perfect(g):
            return "Occurred", False
        if g.tag_ in ("VB",) and _has_to(g):
            heads = {_lemma(g.head), _lemma(g.head.head)}
            if heads & {"due", "expect", "schedule", "set", "plan", "agree", "decide", "prepare", "slate"}:
                return "Planned", True
            if _lemma(g.head) == "be" and g.dep_ == "xcomp" and g.head.tag_ in ("VBZ", "VBP", "VBD"):
                return "Planned", True  # "commanders are to meet within a week"
            if heads & cue["proposed"] | {"want", "hope", "offer", "propose", "suggest", "seek", "try"}:
                return "Proposed", True
            return "Proposed", False
        return "Occurred", False

    # ------------------------------------------------------------------ proposals
    def _proposals_link(self):
        events = [c for c in self.cands if c.role == "event"]
        for p in self.cands:
            if p.role != "proposal":
                continue
            toks = {x.i for x in getattr(p, "obj_tokens", [])}
            for e in events:
                if e.trig.i in toks:
                    r = e.root()
                    p.proposes = r
                    r.proposal = p
                    if (r.status != "Occurred" or not r.strong) and r.status not in ("Rejected", "Cancelled"):
                        r.status, r.strong = "Proposed", True
                    # a date hanging on the proposal verb that lies ahead is the proposed event's
                    break
            if p.proposes is not None and p.proposes.time is None:
                for k, (tv, span) in enumerate(self.timexes):
                    root = span.root
                    if root.head.i == root.i:
                        continue
                    at = _climb(root, set())
                    if at.i == p.trig.i:
                        prep = root.head if root.dep_ == "pobj" else None
                        self._give_time(p.proposes, tv, prep, k)
            if p.proposes is not None and p.proposes.latest is None and p.proposes.time is None:
                for k, (tv, span) in enumerate(self.timexes):
                    root = span.root
                    if root.dep_ == "pobj" and root.head.lower_ == "before" and _climb(root, set()).i == p.trig.i:
                        self._give_time(p.proposes, tv, root.head, k)

    # ------------------------------------------------------------------ coreference
    def _corefer(self):
        """Mentions of one event inside the document become one event."""
        self.clusters: list[Cand] = []
        self.focus_at: dict[int, Cand] = {}
        focus: Cand | None = None
        deferred = []
        for c in self.cands:
            if c.role != "event" or c.target is not None:
                if c.role != "event":
                    c.focus = focus
                continue
            c.focus = focus
            match = self._find_antecedent(c, focus)
            if match == "defer":
                deferred.append(c)
                continue
            if match is not None:
                self._merge(match, c)
                rep = match
            else:
                self.clusters.append(c)
                rep = c
            if rep.kind in MEETING_FAMILY and rep.status == "Occurred" and c.ref != "previous":
                occurred = [e for e in self.clusters if e.kind in MEETING_FAMILY and e.status == "Occurred"
                            and e.ref != "previous"]
                dated = [e for e in occurred if e.time is not None and e.time.granularity == "day" and e.time.earliest]
                focus = max(dated, key=lambda e: e.time.earliest) if dated else rep
            for cc in self.cands:
                pass
        for c in deferred:
            match = self._latest_round(c)
            if match is None:
                match = self._find_antecedent(c, None, allow_after=True)
            if match is not None and match != "defer":
                self._merge(match, c)
            else:
                self.clusters.append(c)

    def _time_key(self, c: Cand):
        t = c.time
        if t is None:
            return None
        return (t.earliest, t.latest, t.timex)

    def _find_antecedent(self, c: Cand, focus, allow_after=False):
        fam = MEETING_FAMILY if c.kind in MEETING_FAMILY else {c.kind}
        if c.ref == "last" and c.time is None and c.round is None:
            return "defer"
        if c.ref == "previous" and focus is not None and focus.round and c.round is None:
            c.round = focus.round - 1
        def elsewhere(e) -> bool:  # two different cities are two different events
            return e.place_rank >= 3 and c.place_rank >= 3 and e.place != c.place

        prior = [e for e in self.clusters if (e.kind in fam or (e.kind in MEETING_FAMILY and c.kind in MEETING_FAMILY))
                 and not elsewhere(e)]
        if focus is not None and elsewhere(focus):
            focus = None
        if c.round is not None:
            for e in prior:
                if e.round == c.round and e.kind == "NegotiationRound" and self._same_series(e, c):
                    return e
        tk = self._time_key(c)
        if tk is not None and c.time.granularity == "day" and c.kind in MEETING_FAMILY:
            for e in reversed(prior):
                if self._time_key(e) == tk and (e.round is None or c.round is None or e.round == c.round):
                    return e
            return None
        if tk is not None and c.ref == "new":
            for e in reversed(prior):
                if self._time_key(e) == tk and e.status != "Occurred":
                    return e
            return None
        if c.round is not None:
            return None
        if c.kind in MEETING_FAMILY:
            if c.ref == "such" and prior:
                return prior[-1]
            if c.ref in ("def", "anaphor") and c.kind != "Summit":
                demonstrative = any(k.lower_ in ("that", "those", "this", "these") and k.dep_ == "det"
                                    for k in c.trig.children)
                if tk is not None:  # "those contacts ... later that spring"
                    for e in reversed(prior):
                        if e.time is not None and self._overlap(e.time, c.time) and e.status == c.status:
                            return e
                    return None
                if demonstrative and prior:
                    return prior[-1]
                if c.status in ("Planned", "Proposed") and c.strong:  # "they would join the meeting"
                    ahead = [e for e in prior if e.status in ("Planned", "Proposed")]
                    if ahead:
                        return ahead[-1]
                if focus is not None and tk is None:
                    return focus
                cands = [e for e in prior if e.status == "Occurred"]
                if cands and tk is None:
                    return cands[-1]
                return None
            if c.kind == "Summit":
                for e in reversed(prior):
                    if e.kind == "Summit" and e.status != "Occurred" and c.status != "Occurred":
                        return e
                if c.ref in ("def",):
                    for e in reversed(prior):
                        if e.kind == "Summit":
                            return e
                return None
            if c.ref == "new" and c.status != "Occurred":
                for e in reversed(prior):
                    if e.status in ("Planned", "Proposed") and e.kind in MEETING_FAMILY and e.time is None and tk is None and e.ref == "new":
                        return e
            return None
        # exchanges, ceasefires, returns
        occ = c.status == "Occurred"
        if c.ref in ("def", "anaphor") and c.time is None:
            same = [e for e in prior if e.kind == c.kind and (e.status == "Occurred") == occ
                    and not (c.quantity and e.quantity and c.quantity != e.quantity)]
            if same:
                return same[-1]
        if c.time is not None and c.time.granularity == "day" and occ:
            for e in reversed(prior):
                t = e.time
                if e.kind == c.kind and e.status == "Occurred" and t is not None and t.earliest and t.latest and (
                    t.earliest <= c.time.earliest <= t.latest) and t.earliest != t.latest:
                    return e
        for e in reversed(prior):
            if e.kind != c.kind:
                continue
            if (getattr(e, "proposal", None) is None) != (getattr(c, "proposal", None) is None) and c.ref not in ("def", "anaphor"):
                continue
            if c.ref == "new" and (e.status == "Occurred") != (c.status == "Occurred"):
                continue
            if c.quantity and e.quantity and c.quantity != e.quantity:
                continue
            if c.ref == "new" and c.quantity and c.quantity != e.quantity:
                continue
            occ_c, occ_e = c.status == "Occurred", e.status == "Occurred"
            if occ_c != occ_e and c.ref not in ("def", "anaphor"):
                continue
            if occ_c != occ_e and c.strong and e.strong and c.ref == "def" and c.time is not None:
                continue
            if e.time and c.time and not self._overlap(e.time, c.time):
                continue
            return e
        return None

    def _overlap(self, a: TimeValue, b: TimeValue) -> bool:
        if None in (a.earliest, a.latest, b.earliest, b.latest):
            return True
        return a.earliest <= b.latest and b.earliest <= a.latest

    def _same_series(self, a: Cand, b: Cand) -> bool:
        ya = a.time.earliest.year if a.time and a.time.earliest else None
        yb = b.time.earliest.year if b.time and b.time.earliest else None
        if ya and yb and abs(ya - yb) > 1:
            return False
        return True

    def _latest_round(self, c: Cand):
        rounds = [e for e in self.clusters if e.kind == "NegotiationRound" and e.status == "Occurred"]
        if c.place:
            same = [e for e in rounds if e.place == c.place]
            rounds = same or rounds
        if not rounds:
            return None

        def key(e):
            return (e.round or 0, e.time.earliest if e.time and e.time.earliest else date.min)

        return max(rounds, key=key)

    # ------------------------------------------------------------------ rounds
    def _rounds(self):
        rounds = [e for e in self.clusters if e.kind == "NegotiationRound"]
        # "two rounds have taken place ..., with the most recent session occurring on June 2"
        for e in list(rounds):
            if e.count and e.count > 1:
                sent = e.trig.sent
                last = None
                for o in self.cands:
                    r = o.root()
                    if r is not e and r.kind in MEETING_FAMILY and o.trig.sent == sent and o.ref in ("last",) or (
                        r is not e and o.trig.sent == sent and r.kind in MEETING_FAMILY and r.time and r in self.clusters and o.ref == "last"
                    ):
                        last = r
                n = e.count
                if last is not None and last.round is None:
                    last.round = n
                    if last.place is None:
                        last.place, last.place_rank = e.place, e.place_rank
                elif last is None:
                    e.round = n
                for i in range(1, n + (0 if (last is not None or e.round == n) else 1)):
                    if i == n and e.round == n:
                        continue
                    if any(r.round == i for r in self.clusters if r.kind == "NegotiationRound"):
                        continue
                    new = Cand("NegotiationRound", "event", e.trig, status=e.status, strong=True)
                    new.round, new.place, new.place_rank = i, e.place, e.place_rank
                    new.earliest = e.earliest  # "three rounds since February": all of them
                    new.spans = list(e.spans)
                    new.actors = list(e.actors)
                    new.implied = True
                    self.clusters.append(new)
                if e.round is None:
                    e.target = last if last is not None else None
                    if last is not None:
                        last.spans += e.spans
                        last.anchors |= e.anchors
                        for a in e.actors:
                            if a not in last.actors:
                                last.actors.append(a)
                        self.clusters.remove(e)
        # plural "further rounds followed on March 3 and March 7" -> one round per date
        for e in list(self.clusters):
            extra = getattr(e, "extra", [])
            if e.kind == "NegotiationRound" and extra and e.trig.tag_ == "NNS":
                for tv in extra:
                    new = Cand(e.kind, "event", e.trig, status=e.status, strong=e.strong)
                    new.time, new.place, new.place_rank = tv, e.place, e.place_rank
                    new.spans, new.actors, new.ref = list(e.spans), list(e.actors), e.ref
                    new.further = True
                    self.clusters.append(new)
                e.further = True
                e.extra = []
        # merge clusters that now share a round number
        rounds = [e for e in self.clusters if e.kind == "NegotiationRound"]
        for i, a in enumerate(rounds):
            for b in rounds[i + 1:]:
                if a.round and a.round == b.round and b in self.clusters and a in self.clusters and self._same_series(a, b):
                    self._merge(a, b)
                    self.clusters.remove(b)
        # sequence: unnumbered dated occurred rounds between numbered ones
        rounds = sorted(
            [e for e in self.clusters if e.kind == "NegotiationRound" and e.status == "Occurred" and e.time and e.time.granularity == "day"],
            key=lambda e: e.time.earliest,
        )
        numbered = [e for e in rounds if e.round]
        for a, b in zip(numbered, numbered[1:]):
            between = [e for e in rounds if a.time.earliest < e.time.earliest < b.time.earliest and not e.round]
            if len(between) == b.round - a.round - 1 and self._same_series(a, b):
                for k, e in enumerate(between, 1):
                    e.round = a.round + k
        if numbered:
            last = numbered[-1]
            after = [e for e in rounds if e.time.earliest > last.time.earliest and not e.round]
            run = []
            for e in after:
                if not getattr(e, "further", False):
                    break
                run.append(e)
            for k, e in enumerate(run, 1):
                e.round = last.round + k
        # earlier rounds end before later ones: an upper bound, never an invented date
        numbered = [e for e in self.clusters if e.kind == "NegotiationRound" and e.round and e.status == "Occurred"]
        for e in numbered:
            if e.time is None and e.latest is None:
                later = [o.time.earliest for o in numbered if o.round > e.round and o.time and o.time.earliest]
                if later:
                    e.latest = min(later)

    # ------------------------------------------------------------------ statements
    def _statements(self):
        stmts = [c for c in self.cands if c.role == "speech"]
        self.statements: list[Cand] = []
        current: dict[str, Cand] = {}
        for s in stmts:
            self._statement_time(s)
            prev = current.get(s.speaker)
            if prev is not None and self._same_statement(prev, s):
                self._merge_statement(prev, s)
            else:
                current[s.speaker] = s
                self.statements.append(s)

    def _same_statement(self, a: Cand, b: Cand) -> bool:
        if a.medium and b.medium and a.medium != b.medium:
            return False
        ta, tb = a.time, b.time
        if ta and tb and ta.earliest and tb.earliest and ta.granularity == "day" and tb.granularity == "day" and ta.earliest != tb.earliest:
            return False
        return True

    def _merge_statement(self, a: Cand, b: Cand):
        b.target = a
        a.medium = a.medium or b.medium
        if a.time is None or (a.time.granularity != "day" and b.time is not None and b.time.granularity == "day"):
            if b.time is not None:
                a.time = b.time
        a.earliest = a.earliest or b.earliest
        if b.latest and (a.latest is None or b.latest < a.latest):
            a.latest = b.latest
        a.spans += b.spans
        a.optimistic = a.optimistic or b.optimistic
        if b.responds is not None and a.responds is None:
            a.responds = b.responds
        if getattr(b, "ref", None) == "reject":
            a.reject_toks = getattr(a, "reject_toks", []) + [b.trig]

    def _focus_before(self, pos: int, fam=MEETING_FAMILY):
        """The meeting in focus at ``pos``: of the occurred meetings mentioned
        before, the latest one in time (else the last one mentioned)."""
        seen = []
        for c in self.cands:
            if c.role == "event" and c.pos < pos:
                r = c.root()
                if r.kind in fam and r.status == "Occurred" and r not in seen:
                    seen.append(r)
        dated = [r for r in seen if r.time is not None and r.time.earliest is not None and r.time.granularity == "day"]
        if dated:
            return max(dated, key=lambda r: r.time.earliest)
        return seen[-1] if seen else None

    def _statement_time(self, s: Cand):
        word = getattr(s, "ctx_word", None)
        if s.time is not None and _ANAPHORIC_DAY.search(s.time.text or ""):
            f = self._focus_before(s.pos)
            if f is not None and f.time is not None and f.time.granularity == "day":
                s.time = TimeValue(s.time.text, s.time.timex if s.time.earliest == f.time.earliest else f.time.earliest.isoformat(),
                                   f.time.earliest, f.time.latest, "day", s.time.mention)
        if s.time is not None:
            return
        if word in ("after", "afterwards", "after_clause"):
            ref = None
            if word == "after" and getattr(s, "ctx_tok", None) is not None:
                ref = self._event_at(s.ctx_tok)
            if ref is None and word == "after_clause":
                ev = self._event_in(getattr(s, "ctx_clause", None))
                ref = ev
                if ref is None:
                    d = self._last_day_before(s.pos)
                    if d is not None:
                        s.earliest = d
                        return
            if ref is None:
                ref = self._focus_before(s.pos)
            if ref is not None:
                s.earliest = ref.time.earliest if ref.time else None
        elif word in ("at", "during", "delegations", "table"):
            ref = self._event_at(s.ctx_tok) if getattr(s, "ctx_tok", None) is not None else self._focus_before(s.pos)
            if ref is not None and ref.time is not None:
                s.time = ref.time
        elif word == "before_clause":
            ev = self._event_in(getattr(s, "ctx_clause", None))
            if ev is not None and ev.time and ev.time.earliest:
                s.latest = ev.time.earliest
            elif getattr(s, "delegations", False):
                ref = self._focus_before(s.pos)
                if ref is not None and ref.time is not None:
                    s.time = ref.time

    def _last_day_before(self, pos):
        best = None
        for tv, span in self.timexes:
            if span.end <= pos and tv.granularity == "day":
                best = tv.earliest
        return best

    def _event_at(self, tok):
        if not hasattr(self, "_by_trig"):
            self._by_trig = {}
            for c in self.cands:
                if c.role == "event":
                    self._by_trig.setdefault(c.trig.i, c)
        c = self._by_trig.get(tok.i)
        return c.root() if c is not None else None

    def _event_in(self, clause):
        if clause is None:
            return None
        ids = {x.i for x in clause.subtree}
        for c in self.cands:
            if c.role == "event" and c.trig.i in ids:
                return c.root()
        # "before travelling on to Istanbul": the event at that place
        for ent, rank in self.places:
            if ent.start in ids:
                for e in self.clusters:
                    if e.place == ent.text and e.time:
                        return e
        return None

    # ------------------------------------------------------------------ proposal times
    def _proposal_times(self):
        props = [c for c in self.cands if c.role == "proposal"]
        stmt_at = {}
        for s in self.cands:
            if s.role == "speech":
                stmt_at[s.trig.i] = s.root()
        prev = None
        for p in props:
            word = getattr(p, "ctx_word", None)
            if word in ("at", "during", "table", "on", "in") and (word != "on" or getattr(p, "ctx_tok", None) is not None):
                ref = self._event_at(p.ctx_tok) if getattr(p, "ctx_tok", None) is not None else self._focus_before(p.pos)
                if ref is not None:
                    p.time, p.earliest, p.latest = ref.time, ref.earliest if ref.time is None else None, ref.latest if ref.time is None else None
                    p.ctx = ref
            elif p.also and prev is not None and prev.time is not None:
                p.time = prev.time
            if p.time is None and p.embedded is not None and p.status == "Occurred":
                s = stmt_at.get(p.embedded.i)
                if s is not None:
                    for a in s.actors:
                        if a not in p.actors:
                            p.actors.append(a)
                    lo = s.time.earliest if s.time else s.earliest
                    hi = s.time.latest if s.time else s.latest
                    if hi is None:
                        hi = self.ctx.pub
                    if p.perfect:
                        p.latest = hi
                    else:
                        p.earliest, p.latest = lo, hi
            if p.time is None and p.latest is None and p.status == "Occurred":
                p.latest = self.ctx.pub
            # a pronoun proposer "it" inherits the previous proposer
            prev = p
        # one Proposal per proposed event
        self.proposals: list[Cand] = []
        seen: dict[int, Cand] = {}
        for p in props:
            tgt = p.proposes.root() if p.proposes is not None else None
            if tgt is not None and id(tgt) in seen:
                q = seen[id(tgt)]
                p.target = q
                for a in p.proposed_by:
                    if a not in q.proposed_by:
                        q.proposed_by.append(a)
                for a in p.actors:
                    if a not in q.actors:
                        q.actors.append(a)
                q.spans += p.spans
                continue
            if tgt is not None:
                seen[id(tgt)] = p
            self.proposals.append(p)

    # ------------------------------------------------------------------ rejections, responses
    def _rejections(self):
        for s in self.cands:
            if s.role != "speech":
                continue
            t = s.trig
            lem = _lemma(t)
            objs = [x for x in t.children if x.dep_ in ("dobj", "pobj", "prep")]
            obj_toks = [y for o in objs for y in o.subtree]
            rep = s.root()
            # responds_to: "In reaction to X's comments", "criticised the offer", "called the meeting ..."
            target = None
            for y in obj_toks + [x for k in t.children if k.dep_ == "prep" for x in k.subtree]:
                ev = self._event_at(y)
                if ev is not None:
                    target = ev
                    break
                if _lemma(y) in ("offer", "idea", "proposal", "initiative", "plan", "request"):
                    target = self._last_proposal(s.pos)
                    break
                if _lemma(y) in ("comment", "remark", "statement", "address", "post", "word"):
                    owner = self.ctx.actors_in(y.subtree, ("Person",))
                    target = self._last_statement(s.pos, owner[0] if owner else None, exclude=rep)
                    if target is not None:
                        break
            if target is not None and rep.responds is None and target is not rep:
                rep.responds = target
        # "Moscow rejected the proposal", "X brushed the idea aside", "turned down the offer"
        cue = self.ctx.cue
        for sent in self.sents:
            for t in sent:
                if not _is_verb(t) or _lemma(t) not in cue["rejected"] or _negated(t) or _hypothetical(t):
                    continue
                prts = {k.lower_ for k in t.children if k.dep_ in ("prt", "advmod")}
                if _lemma(t) in ("brush", "turn", "rule") and not prts & {"aside", "down", "out", "off"}:
                    continue
                for o in t.children:
                    if o.dep_ not in ("dobj", "nsubjpass"):
                        continue
                    victim = None
                    if _lemma(o) in ("offer", "idea", "proposal", "initiative", "plan", "request", "suggestion"):
                        p = self._last_proposal(t.i + 1)
                        if p is not None and p.proposes is not None:
                            victim = p.proposes.root()
                        elif p is None:
                            proposed = [c.root() for c in self.cands if c.role == "event" and c.pos < t.i
                                        and c.root().status == "Proposed"]
                            victim = proposed[-1] if proposed else None
                    else:
                        victim = self._event_at(o)
                    if victim is not None and victim.role == "event" and victim.status != "Occurred":
                        victim.status, victim.strong = "Rejected", True

    def _last_proposal(self, pos):
        best = None
        for p in self.cands:
            if p.role == "proposal" and p.pos < pos:
                best = p.root()
        return best

    def _last_statement(self, pos, speaker, exclude):
        best = None
        for p in self.cands:
            if p.role == "speech" and p.pos < pos and p.root() is not exclude and (speaker is None or p.speaker == speaker):
                best = p.root()
        return best

    # ------------------------------------------------------------------ times
    def _free_dates(self):
        pub = self.ctx.pub
        by_sent: dict[int, list] = {}
        for k, (tv, span) in enumerate(self.timexes):
            if k not in self.claimed and tv.granularity == "day" and (pub is None or tv.earliest <= pub):
                by_sent.setdefault(span.sent.start, []).append(tv)
        for e in self.cands:
            if e.role != "event" or e.target is not None:
                continue
            if e.time is None and e.status == "Occurred" and e.kind in MEETING_FAMILY and not getattr(e, "implied", False):
                # a single unclaimed date of the sentence ("agreed on Wednesday ... their third round")
                free = by_sent.get(e.trig.sent.start, [])
                if len(free) == 1 and e.round is not None:
                    e.time = free[0]

    def _sentence_dates(self):
        for e in self.clusters:
            word = getattr(e, "ctx_word", None)
            if e.time is None and word == "before_clause":
                ev = self._event_in(getattr(e, "ctx_clause", None))
                if ev is not None and ev is not e and ev.time and ev.time.earliest:
                    e.latest = ev.time.earliest

    def _finish_times(self):
        pub = self.ctx.pub
        for c in self.clusters + self.statements + self.proposals:
            t = c.time
            if t is not None and t.granularity == "ref":
                # "recently" bounds a past event by the publication; "currently", "in the
                # coming days" give no bound an event could be dated by
                if t.timex == "PAST_REF" and c.status == "Occurred":
                    c.latest = c.latest or t.latest or pub
                c.time = None
                c.ref_timex = t.timex
            if c.time is None and c.latest is None and c.status == "Occurred" and c.role in ("speech", "event") \
                    and c.kind != "Ceasefire":  # a truce in force has no end the report could give
                c.latest = pub
            if c.time is not None and pub is not None and c.status in ("Planned", "Proposed") and c.role == "event" \
                    and c.time.latest and c.time.latest < pub and c.time.granularity == "day":
                c.time = None  # a plan dated before the report: the date was another verb's
            if c.time is not None and pub is not None and c.status == "Occurred" and c.time.earliest and c.time.earliest > pub:
                # an occurred event cannot be after publication: the time was misread
                c.time = None
                c.latest = pub

    # ------------------------------------------------------------------ records
    def _party_groups(self) -> list[list[int]]:
        """Token groups naming the parties of talks together: "talks between X and Y",
        "X and Y met/agreed", "Russian and Ukrainian negotiators met"."""
        groups = []
        for c in self.cands:
            if c.role != "event" or c.kind not in MEETING_FAMILY:
                continue
            t = c.trig
            for k in t.children:
                if k.dep_ == "prep" and k.lower_ == "between":
                    groups.append([x.i for x in k.subtree])
            v = t if _verbal(c) else _gov(t)
            if v is not None:
                for k in v.children:
                    if k.dep_ in ("nsubj",):
                        groups.append([x.i for x in k.subtree])
        for t, _role in self.agree_toks:
            for k in t.children:
                if k.dep_ == "nsubj":
                    groups.append([x.i for x in k.subtree])
        return groups

    def _party_positions(self) -> set[int]:
        """Tokens where the parties of talks are named: the subjects of meeting,
        negotiating and agreeing verbs, and "talks between/with X"."""
        out: set[int] = set()
        for c in self.cands:
            if c.role != "event" and not (c.role == "proposal"):
                continue
            t = c.trig
            verbs = [t] if _verbal(c) else [v for v in [_gov(t)] if v is not None]
            for v in verbs:
                for k in v.children:
                    if k.dep_ in ("nsubj", "nsubjpass", "agent"):
                        out |= {x.i for x in k.subtree}
            for k in t.children:
                if k.dep_ == "prep" and k.lower_ in ("between", "with", "of"):
                    out |= {x.i for x in k.subtree}
        for t, _role in self.agree_toks:
            for k in t.children:
                if k.dep_ == "nsubj":
                    out |= {x.i for x in k.subtree}
        return out

    def _track_parties(self) -> tuple[str, ...]:
        """The two main parties: countries (and unaffiliated organizations) counted
        over the document, three times where they are named as parties of talks."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        lo = self.sents[0].start if self.sents else 0
        hi = self.sents[-1].end if self.sents else 0
        positions = self._party_positions()
        for i, (name, kind) in sorted(self.ctx.tok_actor.items()):
            if not lo <= i < hi or kind == "Person":
                continue
            if kind == "Organization":
                aff = self.ctx.affiliation.get(name)
                if aff:
                    name = aff
                elif i not in positions:
                    continue
            tok = self.doc[i]
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.ent_type_ in ("GPE", "LOC"):
                continue
            if tok.i > 0 and self.doc[tok.i - 1].lower_ in ("host",):
                continue
            if i > 0 and self.ctx.tok_actor.get(i - 1, ("", ""))[0] == name:
                continue
            counts[name] = counts.get(name, 0) + (3 if i in positions else 1)
            first.setdefault(name, i)
        top = sorted(counts, key=lambda n: (-counts[n], first[n]))[:2]
        pairs: dict[tuple[str, str], int] = {}
        for group in self._party_groups():
            names = []
            for i in group:
                a = self.ctx.tok_actor.get(i)
                if a and a[1] in ("Country", "Organization"):
                    n = self.ctx.affiliation.get(a[0], a[0]) if a[1] == "Organization" else a[0]
                    if n not in names:
                        names.append(n)
            if len(names) == 2:
                key = tuple(sorted(names))
                pairs[key] = pairs.get(key, 0) + 1
        if pairs:
            best = max(pairs.values())
            chosen = [p for p in pairs if pairs[p] == best]
            if len(chosen) == 1 or tuple(sorted(top)) not in chosen:
                return chosen[0]
        return tuple(top)

    def _tracks(self, parties) -> dict[int, str]:
        """The track of each numbered round: the parties and the year its series began
        (the earliest dated numbered round at most a year before it)."""
        from kg.rdf.iris import slug

        if len(parties) != 2:
            return {}
        base = "-".join(sorted(slug(p) for p in parties))
        rounds = [e for e in self.clusters if e.kind == "NegotiationRound" and e.round is not None]

        def day(e):
            t = e.time
            return t.earliest if t is not None and t.earliest else (e.latest or None)

        dated = sorted((day(e), e.round) for e in rounds if day(e) is not None)
        out = {}
        for e in rounds:
            d = day(e)
            if d is None:  # the series of the nearest dated round, else the publication year
                near = sorted(dated, key=lambda x: abs(x[1] - e.round))
                d = near[0][0] if near else None
            if d is not None:
                start = min(x for x, _ in dated if x <= d and (d - x).days <= 400) if dated else d
                year = min(start, d).year
            else:
                year = self.ctx.pub.year if self.ctx.pub else None
            out[id(e)] = f"{base}-{year}" if year else base
        return out

    def _records(self):
        from kg.rdf.iris import slug

        ctx = self.ctx
        parties = self._track_parties()
        self.parties = parties
        events: list[tuple[Cand, Event]] = []
        used = self.used
        all_c = self.clusters + self.statements + self.proposals
        tracks = self._tracks(parties)
        self.keys: dict[int, str] = {}
        for c in sorted(all_c, key=lambda c: c.pos):
            if c.kind not in CAMEO:
                continue
            key = self._key(c, tracks.get(id(c)), used)
            self.keys[id(c)] = key
        records = []
        for c in sorted(all_c, key=lambda c: c.pos):
            if id(c) not in self.keys:
                continue
            time = self._time_value(c)
            actors = list(c.actors)
            if c.kind in MEETING_FAMILY | {"PrisonerExchange", "RepatriationOfRemains", "Ceasefire"} and c.role == "event":
                persons = [a for a in actors if ctx.kind_of.get(a) == "Person"]
                if c.kind == "Summit" and persons:
                    actors += [ctx.affiliation[p] for p in persons if ctx.affiliation.get(p) and ctx.affiliation[p] not in actors]
                elif c.kind != "Meeting":
                    actors = list(parties) + [a for a in actors if a not in parties]
            actors += [a for s in c.spans for a in self._span_actors(s, c) if a not in actors]
            mentions = {ctx.mention(a, b) for a, b in c.spans}
            for m in getattr(c, "members", [c]):
                if not m.spans and (m.role == "event" or m is c):
                    mentions.add(self._evidence(m))
            mentions = sorted(m for m in mentions if not any(
                o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                for o in mentions))
            cameo = CAMEO[c.kind]
            if c.kind == "Statement" and c.optimistic:
                cameo = "013"
            ev = Event(
                key=self.keys[id(c)],
                kind=c.kind,
                label=self._label(c, time),
                status=c.status or "Occurred",
                time=time,
                place=c.place,
                round=c.round if c.kind == "NegotiationRound" else None,
                track=tracks.get(id(c)) if c.kind == "NegotiationRound" and c.round is not None else None,
                actors=tuple(dict.fromkeys(actors)),
                mentions=tuple(mentions),
                proposed_by=tuple(c.proposed_by),
                proposes=self.keys.get(id(c.proposes.root())) if c.proposes is not None else None,
                responds_to=self.keys.get(id(c.responds.root())) if c.responds is not None else None,
                cameo=cameo,
            )
            records.append(ev)
            c.record = ev
        self.records = records
        return tuple(records)

    def _span_actors(self, span, c):
        if c.role != "event" or c.kind not in MEETING_FAMILY:
            return []
        a, b = span
        return [n for n in self.ctx.actors_in(self.doc[a:b], ("Person",)) if n not in c.actors][:4]

    def _evidence(self, c: Cand) -> Mention:
        t = c.trig
        toks = [t]
        if not _verbal(c):
            toks += [x for x in t.subtree if x.i - t.i < 12]
        else:
            toks += [x for k in t.children if k.dep_ in ("nsubj", "nsubjpass", "prep", "dobj", "npadvmod", "prt") for x in k.subtree]
        g = _gov(t) if not _verbal(c) else None
        if g is not None and abs(g.i - t.i) < 6:
            toks += [g] + [x for k in g.children if k.dep_ in ("prep", "npadvmod") and abs(k.i - g.i) < 8 for x in k.subtree]
        sent = t.sent
        toks = [x for x in toks if sent.start <= x.i < sent.end]
        a = min(x.i for x in toks)
        b = max(x.i for x in toks) + 1
        while b > a + 1 and self.doc[b - 1].is_punct:
            b -= 1
        return self.ctx.mention(a, b)

    def _time_value(self, c: Cand) -> TimeValue | None:
        t = c.time
        lo, hi = c.earliest, c.latest
        n = getattr(c, "duration_days", None)
        started = getattr(c, "started", None)
        if n and started is not None and t is None:  # "a 72-hour truce began on Friday"
            return TimeValue("", None, started, started + timedelta(days=n), "range", None)
        if (t is not None and n and t.granularity in ("day", "time-of-day") and t.earliest and t.earliest == t.latest
                and c.status in ("Planned", "Ongoing", "Occurred") and lo is None and hi is None):
            # "a seven-day ceasefire will take effect on Monday": Monday to the day it runs out
            return TimeValue(t.text, None, t.earliest, t.earliest + timedelta(days=n), "range", t.mention)
        if (t is not None and c.kind == "Ceasefire" and not n and t.granularity in ("day", "time-of-day")
                and t.earliest and t.earliest == t.latest and hi is None):
            # "the truce takes effect on August 3": a truce lasts, the day is where it begins
            return TimeValue(t.text, t.timex, t.earliest, None, t.granularity, t.mention)
        if t is not None and t.granularity == "season":
            # where a season starts and ends is a convention (March 1 or March 20?): the
            # value "2025-SP" without date bounds, unless other words give them
            return TimeValue(t.text, t.timex, lo, hi, t.granularity, t.mention)
        if (t is not None and c.status == "Ongoing" and lo is not None and hi is None and t.granularity == "day"
                and t.earliest is not None and t.earliest > lo):
            # "under way since May 2" and a later day it was met on: still going, no end
            return TimeValue("", None, lo, None, "range", None)
        if t is not None:
            lo2, hi2 = t.earliest, t.latest
            started = getattr(c, "started", None)
            if started is not None and lo2 is not None and lo2 >= started:
                if lo2 > started:  # "opened on May 2 ... ended on May 5"
                    return TimeValue(t.text, None, started, hi2, "range", t.mention)
                lo2 = started
            elif lo is not None and lo2 is not None:
                lo2 = max(lo, lo2)
            if hi is not None and hi2 is not None:
                hi2 = min(hi, hi2)
            lo2 = lo2 if lo2 is not None else lo
            hi2 = hi2 if hi2 is not None else hi
            if lo2 is not None and hi2 is not None and lo2 > hi2:
                # the derived bounds contradict the expression: keep what the expression says
                lo2, hi2 = t.earliest, t.latest
                if lo2 is not None and hi2 is not None and lo2 > hi2:
                    return None
            return TimeValue(t.text, t.timex, lo2, hi2, t.granularity, t.mention)
        if lo is not None and hi is not None and lo > hi:
            lo = None  # a derived lower bound after the upper one (e.g. the publication): drop it
        if lo is None and hi is None:
            return None
        timex = getattr(c, "ref_timex", None)
        return TimeValue("", timex, lo, hi, "range", None)

    def _key(self, c: Cand, track, used) -> str:
        from kg.rdf.iris import slug

        if c.kind == "NegotiationRound" and c.round is not None:
            base = f"{track}-round-{c.round}" if track else f"round-{c.round}"
        else:
            from kg.rdf.iris import class_slug

            others = [a for a in c.actors if a not in getattr(self, "parties", ())]
            who = c.speaker or (c.proposed_by[0] if c.proposed_by else None) or c.place or (others[0] if others else None)
            t = c.time
            when = None
            if t is not None and t.earliest and t.earliest == t.latest:
                when = t.earliest.isoformat()
            elif t is not None and t.timex and not t.timex.endswith("_REF"):
                when = t.timex
            status = None if c.status in ("Occurred", None) or c.kind in ("Proposal", "Statement") else c.status
            base = "-".join(slug(x) for x in [class_slug(c.kind), who or "", when or "", status or ""] if x)
        if not hasattr(self.ctx, "next_n"):
            self.ctx.next_n = {}
        key, n = base, self.ctx.next_n.get(base, 2)
        while key in used:
            key, n = f"{base}-{n}", n + 1
        self.ctx.next_n[base] = n
        used.add(key)
        return key

    def _label(self, c: Cand, time: TimeValue | None) -> str:
        when = ""
        if time is not None and time.earliest and time.earliest == time.latest:
            when = f" ({time.earliest.isoformat()})"
        elif time is not None and time.timex and not time.timex.endswith("_REF"):
            when = f" ({time.timex})"
        elif time is not None and time.earliest and time.latest:
            when = f" ({time.earliest.isoformat()} to {time.latest.isoformat()})"
        elif time is not None and time.latest and not time.earliest:
            when = f" (by {time.latest.isoformat()})"
        elif time is not None and time.earliest:
            when = f" (from {time.earliest.isoformat()})"
        status = "" if c.status in ("Occurred", None) else f" ({c.status.lower()})"
        if c.kind == "NegotiationRound":
            if c.round:
                where = f" {c.place}" if c.place else ""
                word = _ORD_WORDS[c.round] if c.round < len(_ORD_WORDS) else f"Round {c.round}:"
                return f"{word}{where} round{when}{status}"
            return f"Talks{' in ' + c.place if c.place else ''}{when}{status}"
        if c.kind == "Statement":
            medium = {"post": "Post", "address": "Address", "interview": "Interview", "briefing": "Remarks to reporters"}.get(c.medium or "", "Statement")
            return f"{medium} by {c.speaker}{when}"
        if c.kind == "Proposal":
            what = c.proposes.root().kind if c.proposes is not None else self.doc[c.trig.i:c.trig.i + 1].text
            from kg.records import EVENT_CLASSES  # noqa: F401

            by = f" by {', '.join(c.proposed_by)}" if c.proposed_by else ""
            return f"Proposal{by}: {_human(what)}{when}"
        names = {"Meeting": "Meeting", "Summit": "Summit", "PrisonerExchange": "Prisoner exchange",
                 "RepatriationOfRemains": "Return of remains", "Ceasefire": "Ceasefire"}
        where = f" in {c.place}" if c.place else ""
        return f"{names.get(c.kind, c.kind)}{where}{when}{status}"


def _human(kind: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
