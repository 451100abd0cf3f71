"""The records of the consolidated view (claims, merged events, actors and agreements, conflicts) and the normalization of names they are keyed by."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kg.records import Agreement, Document, Event, Mention, TimeValue
from kg.reconcile.constants import _DAY_MIN



# --- normalization ------------------------------------------------------------
#: letters that Unicode does not decompose, written in ASCII (as IRI slugs write them)
TRANSLIT = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def find_root(parent: list[int], i: int) -> int:
    """The root of ``i`` in the union-find forest ``parent`` (paths halved as it goes).

    >>> parent = [0, 0, 1, 3]
    >>> find_root(parent, 2), parent
    (0, [0, 0, 0, 3])
    """
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def fold(text: str, *, capitals: bool = False) -> str:
    """Lower-case ASCII letters of ``text`` as IRI slugs fold them: the letters of
    :data:`TRANSLIT` transliterated, then case lowered, accents taken off by Unicode
    decomposition, and what is still not ASCII dropped.

    The slug transliterates before it lowers the case, so it drops a capital "Ł"
    or "Ø"; with ``capitals`` the capitals are transliterated too.

    >>> fold("Kærby"), fold("Erdoğan"), fold("Gül"), fold("Łasko"), fold("Łasko", capitals=True)
    ('kaerby', 'erdogan', 'gul', 'asko', 'lasko')
    """
    text = text.lower().translate(TRANSLIT) if capitals else text.translate(TRANSLIT)
    folded = unicodedata.normalize("NFKD", text.lower())
    return folded.encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=1 << 16)
def name_key(text: str | None, *, capitals: bool = False) -> str:
    """The comparison key of an actor's name: its letters folded as the IRI slug folds
    them (:func:`fold`), other characters to spaces, a leading "the" dropped. Two
    names whose slugs are alike have one key; a name with no letter or digit that
    folds to ASCII has the empty key.

    >>> name_key("Kærby") == name_key("Kaerby"), name_key("The Kremlin"), name_key("Łukasz Nowak")
    (True, 'kremlin', 'ukasz nowak')
    >>> name_key("Тбилиси")
    ''
    >>> name_key("Łukasz Nowak", capitals=True)  # (see fold)
    'lukasz nowak'
    """
    if not text:
        return ""
    words = re.sub(r"[^0-9a-z]+", " ", fold(text, capitals=capitals)).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def raw_key(text: str) -> str:
    """The comparison key of a name whose :func:`name_key` is empty: the name itself,
    compatibility-normalized, case folded, with its spaces collapsed; empty for a
    name without a letter or digit.

    >>> raw_key(" Тбилиси  Сити") == raw_key("ТБИЛИСИ Сити"), raw_key(" -- ")
    (True, '')
    """
    if not any(c.isalnum() for c in text):
        return ""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@lru_cache(maxsize=1 << 16)
def norm(text: str | None) -> str:
    """A comparison key: diacritics folded, case folded, punctuation to spaces.

    >>> norm("  Çırağan   Palace! ")
    'ciragan palace'
    >>> norm("The Kremlin")
    'kremlin'
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[^0-9a-z]+", " ", folded).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _squeeze(key: str) -> str:
    """Collapse doubled letters (a transliteration variant): zelenskyy -> zelensky."""
    return re.sub(r"([a-z])\1+", r"\1", key)


# --- records of the view ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Claim:
    """One document's event, with the publication date of its document."""

    doc_id: str
    published: date | None
    event: Event

    @property
    def id(self) -> str:
        """``<doc id>#<event key>``, unique across documents."""
        return f"{self.doc_id}#{self.event.key}"

    @property
    def order(self) -> tuple:
        """The canonical order: publication date (unknown first), document id, key."""
        return (self.published or _DAY_MIN, self.doc_id, self.event.key)

    @property
    def interval(self) -> tuple[date | None, date | None]:
        t = self.event.time
        return (t.earliest, t.latest) if t is not None else (None, None)


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """What one document claims for a disputed property of a merged event."""

    doc_id: str
    key: str
    published: date | None
    earliest: date | None = None
    latest: date | None = None
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """Claims of different documents that cannot all hold (``prop``: "time" or "place")."""

    prop: str
    claims: tuple[ClaimValue, ...]


@dataclass(frozen=True, slots=True)
class MergedActor:
    """One actor across documents; ``titles`` are (published, doc id, title) claims."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    titles: tuple[tuple[date | None, str, str], ...] = ()
    affiliation: str | None = None
    wikidata: str | None = None
    mentions: tuple[Mention, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One real event, merged from the claims of one or more documents.

    ``id`` is the id of its first claim in the canonical order; ``proposes``
    and ``responds_to`` hold ids of merged events; ``realizes`` holds the ids
    of the prospective claims that this (factual) event realized.
    """

    id: str
    kind: str
    label: str
    status: str
    status_source: str
    time: TimeValue | None
    place: str | None
    round: int | None
    track: str | None
    actors: tuple[str, ...]
    mentions: tuple[Mention, ...]
    sources: tuple[str, ...]
    claims: tuple[str, ...]
    proposed_by: tuple[str, ...] = ()
    proposes: tuple[str, ...] = ()
    responds_to: tuple[str, ...] = ()
    cameo: str | None = None
    conflicts: tuple[Conflict, ...] = ()
    realizes: tuple[Claim, ...] = ()
    first_doc: str = ""
    own_iri: bool = False  # the first claim keeps an IRI of its document

    def as_event(self) -> Event:
        """The merged event as an :class:`~kg.records.Event` (for IRI minting)."""
        return Event(self.id.split("#", 1)[1], self.kind, self.label, self.status,
                     time=self.time, place=self.place, round=self.round, track=self.track,
                     actors=self.actors, own_iri=self.own_iri)


@dataclass(frozen=True, slots=True)
class MergedAgreement:
    """A document's agreement with its event and parties re-pointed to the merged ones."""

    doc_id: str
    agreement: Agreement
    reached_at: str | None  # id of a merged event
    parties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class View:
    """The consolidated state: merged actors, events and agreements, and where claims went."""

    as_of: date | None
    documents: tuple[Document, ...]
    actors: tuple[MergedActor, ...]
    events: tuple[MergedEvent, ...]
    agreements: tuple[MergedAgreement, ...]
    claim_event: Mapping[str, str] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[tuple[MergedEvent, Conflict]]:
        """Every flagged conflict with its event."""
        return [(e, c) for e in self.events for c in e.conflicts]

    def event_of(self, doc_id: str, key: str) -> MergedEvent:
        """The merged event that a document's event went into."""
        target = self.claim_event[f"{doc_id}#{key}"]
        return next(e for e in self.events if e.id == target)
