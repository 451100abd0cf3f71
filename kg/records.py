"""Plain, frozen records passed between the pipeline stages.

Data flows one way: ``load -> nlp -> extract -> rdf -> analysis -> render``.
No spaCy ``Span`` and no rdflib term crosses a stage boundary: only these records.
Collections are tuples so that records hash, sort and dedupe.

Offsets (``Mention.start``/``Mention.end``) are Unicode code points into the
whole decoded file text, header included (for JSON Lines: into the ``text``
field), so that ``document.text[start:end] == mention.text``.

>>> from datetime import date
>>> m = Mention("doc1", 0, 5, "Talks")
>>> m.text == "Talks held"[m.start:m.end]
True
>>> t = TimeValue(text="June 2", timex="2025-06-02", earliest=date(2025, 6, 2),
...               latest=date(2025, 6, 2), granularity="day")
>>> t.is_single_day
True
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "EVENT_CLASSES",
    "ACTOR_CLASSES",
    "STATUSES",
    "Document",
    "Mention",
    "TimeValue",
    "Actor",
    "Event",
    "Agreement",
    "Extraction",
]

#: The event classes of the published vocabulary (local names in the ontology namespace).
EVENT_CLASSES = (
    "NegotiationRound",
    "Meeting",
    "Summit",
    "Proposal",
    "Statement",
    "PrisonerExchange",
    "RepatriationOfRemains",
    "Ceasefire",
)
#: The actor classes of the published vocabulary.
ACTOR_CLASSES = ("Person", "Country", "Organization")
#: The statuses an event or agreement can have (what the text asserts).
STATUSES = ("Occurred", "Ongoing", "Planned", "Proposed", "Rejected", "Cancelled")


@dataclass(frozen=True, slots=True)
class Document:
    """One news item as loaded from a file or a JSON Lines record.

    ``text`` is the whole decoded text (header included for native files);
    ``body_start`` is where the article body begins in it (after header and title).
    ``published_period`` ("2025-02", "2025") is set when the source gives the
    publication month or year only; ``published`` is then None: no day is invented.
    """

    id: str
    source: str
    text: str
    sha256: str
    body_start: int = 0
    published: date | None = None
    title: str | None = None
    publisher: str | None = None
    source_token: str | None = None
    url: str | None = None
    format: str = "txt"
    line: int | None = None
    published_period: str | None = None

    @property
    def body(self) -> str:
        """The article text after header and title."""
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A span of a document's text that supports a record (its evidence)."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized temporal expression.

    ``timex`` is the TIMEX3 value ("2025-06-02", "2025-W30", "2025-07", "PAST_REF",
    "P3W"...); ``earliest``/``latest`` are the bounds the text supports (``None`` where
    the text gives none, never invented); ``granularity`` is one of day, week, month,
    quarter, year, season, ref, time-of-day, duration, set, range.

    >>> TimeValue("every week", "P1W", None, None, "set").timex3_type
    'SET'
    >>> TimeValue("that evening", "2025-07-20TEV", None, None, "time-of-day").timex3_type
    'TIME'
    """

    text: str
    timex: str | None
    earliest: date | None
    latest: date | None
    granularity: str
    mention: Mention | None = None

    @property
    def is_single_day(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    @property
    def is_duration(self) -> bool:
        return self.granularity == "duration"

    @property
    def timex3_type(self) -> str:
        """The TIMEX3 type: DATE, TIME, DURATION or SET."""
        if self.granularity == "set":
            return "SET"
        if self.granularity == "duration":
            return "DURATION"
        value = self.timex or ""
        if self.granularity == "time-of-day" or re.search(r"T(?:\d|MO|AF|EV|NI|DT)", value):
            return "TIME"
        return "DATE"

    @property
    def timex3_type_shown(self) -> bool:
        """Whether the value alone does not tell the type (a SET and a DURATION both
        read "P1W"): the graph then publishes it (``nkg:timexType``)."""
        return self.timex3_type in ("SET", "DURATION")


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, country or organization, keyed by its canonical name."""

    name: str
    kind: str  # one of ACTOR_CLASSES
    aliases: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None  # canonical name of another actor
    wikidata: str | None = None  # a Wikidata id such as "Q212"
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """An event of one of the EVENT_CLASSES, as one document tells it.

    ``key`` is unique within the document's extraction and is what ``proposes``,
    ``responds_to`` and ``Agreement.reached_at`` refer to. ``actors`` hold canonical
    actor names. ``track`` names a series of rounds between the same parties
    (e.g. "russia-ukraine"); with ``round`` it identifies a round across documents.
    """

    key: str
    kind: str  # one of EVENT_CLASSES
    label: str
    status: str  # one of STATUSES
    time: TimeValue | None = None
    place: str | None = None
    round: int | None = None
    track: str | None = None
    actors: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    proposed_by: tuple[str, ...] = ()  # Proposal: canonical actor names
    proposes: str | None = None  # Proposal: key of the proposed event (its own key for terms)
    responds_to: str | None = None  # Statement: key of the event responded to
    cameo: str | None = None
    #: Another event of the same document would be minted the same IRI (same class,
    #: day and place): this one keeps an IRI of its document, in the document's
    #: graph and in the consolidated one.
    own_iri: bool = False


@dataclass(frozen=True, slots=True)
class Agreement:
    """Terms that parties accepted (not an event)."""

    key: str
    label: str
    status: str = "Occurred"
    reached_at: str | None = None  # key of the event where it was reached
    parties: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    timexes: tuple[TimeValue, ...] = ()
    warnings: tuple[str, ...] = field(default=())
