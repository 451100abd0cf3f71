"""The records the event stages share.

:class:`_Ctx` is the parse context of one document (tokens mapped to actors,
temporal expressions and places, the trigger spans, the cue words);
:class:`Cand` is one mention of a possible event while the stages resolve it;
:class:`State` is what the stages of one document (or of one window of a long
document) pass to each other: the context, the candidates, and what each stage
leaves for the next (clusters after coreference, statements, proposals, keys).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from kg.errors import ExtractionError
from kg.extract.events.lexicon import _entries, cues, dependency_anchors, token_spans
from kg.extract.timex.values import _period_span
from kg.records import Mention, TimeValue


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

    def bounds(self) -> tuple[date | None, date | None]:
        """``(earliest, latest)``: those of the candidate's time, or its own."""
        return (self.time.earliest, self.time.latest) if self.time is not None else (self.earliest, self.latest)


class _Ctx:
    """Everything about one parsed document that the rules look up."""

    def __init__(self, doc, document, actor_mentions, actors, timexes, text=None):
        self.doc = doc
        self.document = document
        # read once: ``doc.text`` joins every token's text and ``doc.sents`` walks every
        # token at each call
        self.text = doc.text if text is None else text
        self.sents = list(doc.sents)
        # the sentence of each token (kg.extract.events.syntax._sent), as ``Token.sent``
        # finds it from the same sentence starts; None where hooks define sentences
        self.sent_of: list | None = None
        if not (doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks):
            self.sent_of = [s for s in self.sents for _ in range(s.start, s.end)]
            if len(self.sent_of) != len(doc):
                self.sent_of = None
        self.memo: dict[str, dict] = {}  # answers about tokens, by question (kg.extract.events.syntax)
        self.off = doc.user_data.get("offset", document.body_start)
        self.pub = document.published
        # the last day the report can be of: the publication day, or the last day of
        # the month or year a document known only to the month or year was published in
        span = _period_span(getattr(document, "published_period", None))
        self.pub_end = document.published or (span[1] if span else None)
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
        # the sentences that tell a time beginning after the report's day ("from March 10")
        self.later_sents = {span.sent.start for tv, span in self.timexes
                            if self.pub is not None and tv.earliest is not None and tv.earliest > self.pub}
        self.places: list[tuple[object, int]] = []
        self.tok_place: dict[int, tuple[object, int]] = {}

        def add_place(span, rank: int) -> None:
            """A place span, unless a place already covers one of its tokens; a leading
            article is no part of its name ("the White House" is White House)."""
            while len(span) > 1 and span[0].lower_ == "the":
                span = span[1:]
            if any(i in self.tok_place for i in range(span.start, span.end)):
                return
            self.places.append((span, rank))
            for i in range(span.start, span.end):
                self.tok_place[i] = (span, rank)

        rank = {"GPE": 3, "LOC": 2, "FAC": 1}
        for ent in doc.ents:  # entities never overlap: none is skipped
            if ent.label_ in rank and not _numbered_name(ent):
                add_place(_venue_of_named_event(ent), rank[ent.label_])
        for m in actor_mentions:  # places the actor stage recognized ("in Kyiv") that the NER missed
            if getattr(m, "role", "actor") != "place":
                continue
            span = doc.char_span(m.start - self.off, m.end - self.off, alignment_mode="expand")
            if span is not None and len(span):
                add_place(span, 3)
        for start, end in token_spans(doc, "place"):  # "the port city of Mombasa" (patterns.jsonl)
            add_place(doc[start:end], 3)
        triggers = doc.spans["kg_triggers"] if "kg_triggers" in doc.spans else []
        self.trig_at: dict[int, object] = {}
        for s in triggers:
            self.trig_at[s.root.i] = s
        entries = _entries()
        # the lexicon entry of each trigger, looked up once (None: an id the lexicon lacks)
        self.entry_at: dict[int, dict | None] = {i: entries.get(s.kb_id_) for i, s in self.trig_at.items()}
        self.cue = cues()
        self.under_way = dependency_anchors(doc, "under_way")

    # ---- small helpers
    def has_text(self, word: str) -> bool:
        """``word`` (lower case) occurs in the text, as a word or inside one: rules on a
        rare word ("same", "since", "instead") ask it before walking any subtree."""
        low = self.__dict__.get("_lower")
        if low is None:
            low = self._lower = self.text.lower()
        return word in low

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
        low = title.lower()  # whole words: "Trade Minister of the United Kingdom" names no king
        return any(re.search(rf"\b{re.escape(w)}\b", low) for w in cues()["leader_title_phrase"])


_CTX: list = []


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(eq=False)
class State:
    """What the stages of one document (or one window of it) pass to each other.

    Built by :meth:`State.of`; each stage reads what the earlier ones left and adds
    its own part: ``cands`` (triggers), ``claimed`` (arguments), ``clusters`` and
    ``focus_at`` (coreference), ``statements``, ``proposals``, then ``parties``,
    ``keys`` and ``records`` (records).
    """

    ctx: _Ctx
    doc: object  # spaCy Doc
    sents: list
    timexes: list  # (TimeValue, Span) within the window
    places: list  # (Span, rank) within the window
    used: set  # event keys already given (shared by the windows of a document)
    trig_tokens: set = field(default_factory=set)
    cands: list = field(default_factory=list)
    agree_toks: list = field(default_factory=list)
    last_person: list = field(default_factory=list)
    claimed: set = field(default_factory=set)
    clusters: list = field(default_factory=list)
    focus_at: dict = field(default_factory=dict)
    statements: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    parties: tuple = ()
    keys: dict = field(default_factory=dict)
    records: list = field(default_factory=list)
    headline: int | None = None  # caches of coref and dates
    by_trig: dict | None = None
    line_starts: list | None = None
    day_spans: list | None = None

    @classmethod
    def of(cls, ctx: _Ctx, sents=None, used=None) -> "State":
        """The state of ``ctx``'s document, or of the window ``sents`` of it."""
        sents = list(sents) if sents is not None else list(ctx.sents)
        lo = sents[0].start if sents else 0
        hi = sents[-1].end if sents else 0
        return cls(
            ctx=ctx,
            doc=ctx.doc,
            sents=sents,
            timexes=[(tv, span) for tv, span in ctx.timexes if lo <= span.start < hi],
            places=[(ent, r) for ent, r in ctx.places if lo <= ent.start < hi],
            used=used if used is not None else set(),
            trig_tokens=set(ctx.trig_at),
        )


def _numbered_name(span) -> bool:
    """One word of letters and digits ("G20", "COP29", "P5") names a forum or a group,
    not a place, whatever the named-entity tagger says ("at the G20 summit").

    >>> import spacy
    >>> doc = spacy.blank("en")("the G20 summit in Osaka")
    >>> _numbered_name(doc[1:2]), _numbered_name(doc[4:5])
    (True, False)
    """
    return len(span) == 1 and any(ch.isdigit() for ch in span.text) and any(ch.isalpha() for ch in span.text)


#: Last words of an event's proper name that the tagger may take for part of a place's
#: ("the Kingston Talks"): the place is the name before them.
_EVENT_NAME_END = frozenset({"talks", "negotiations", "dialogue", "summit", "conference", "process", "round"})


def _venue_of_named_event(span):
    """The place of a place-tagged span that is an event's proper name ("the Kingston
    Talks" is Kingston); any other span as it is.

    >>> import spacy
    >>> doc = spacy.blank("en")("the Kingston Talks ended")
    >>> _venue_of_named_event(doc[0:3]).text, _venue_of_named_event(doc[1:2]).text
    ('the Kingston', 'Kingston')
    """
    if len(span) > 1 and span[-1].lower_ in _EVENT_NAME_END and span[-1].text[:1].isupper():
        return span[:-1]
    return span
