"""Reconciling many documents into one story: identity, status and bounds across documents.

Pure logic over records: :func:`reconcile` takes the extractions of many
documents and returns a :class:`View`, the consolidated state computed from all
their claims (or, with ``as_of``, from the documents published up to a date).
Each document's own graph keeps what that document says; the view is what the
consolidated graph (``<base>graph/current``) publishes.

The rules (see also ``docs/decisions/20261126-store.md``):

Actors
    Two actor records are one actor when they share a key: a name or alias
    (compared case-, punctuation- and diacritics-insensitively, within the same
    kind), a spelling variant of a person's full name (doubled letters
    collapsed: Zelenskyy / Zelensky) or a Wikidata id. Keys are joined
    transitively. The canonical name is the name used by most documents (then
    the longest, then the first in alphabetical order); every other name and
    alias is kept as an alias. The current title (and affiliation, Wikidata id)
    is the one of the latest publication that gives one; every title is kept
    with its document in :attr:`MergedActor.titles`.

Events
    A *claim* is one document's event. Two claims of different documents can be
    the same real event (a match) when they have the same class, no different
    track, no different round number, the plan (Proposed, Planned) is not
    about something that had happened a week or more before the plan was
    published, and either

    * the same track and round number (strong key: a date or place on which
      they disagree is then a conflict, even when they disagree on both: the
      track and number are the round's IRI, so two nodes would be one), or
    * the same round number, no different place, overlapping actors and, when
      both report the event as having happened, overlapping date bounds, or
    * both are dated within at most 31 days, the date bounds overlap, no
      different place, and the actors overlap (or, without actors, the same
      place is named).

    Claims are taken in a canonical order (publication date, document id,
    key), so the result never depends on the input order. Each claim joins the
    clusters it matches, best match first, as long as the cluster stays
    *admissible*: one claim per document, one class, one track, one round
    number, at most one place unless every claim naming a place carries the
    track and round number, and the bounds of the claims that report the
    event as having happened (Occurred, Ongoing) intersect unless every such
    claim carries the track and round number. So a round number stated in one
    article and a date stated in another end up in one merged event that has
    both, and without a track a round number never outweighs a date.

Status and bounds
    The latest publication decides the status (ties by document id). The
    bounds are the intersection of the bounds of the factual claims (Occurred,
    Ongoing) when there are any, else of all claims. Factual claims of one
    round (by track and number) whose bounds do not intersect are a
    :class:`Conflict` naming both sources, and
    the merged bounds are then their hull (what holds under either claim); a
    plan whose window moved (prospective claims only) is a rescheduling, not a
    contradiction: the latest window wins. A place named differently by claims
    of the same round is a conflict too (the latest factual place is kept).

Realization
    A claim that proposes or plans an event (Proposed, Planned) in a cluster
    whose status is factual is *realized* by the merged event: the consolidated
    graph links the claim's node to the merged node with ``nkg:realizedBy``
    and shows the event once.

>>> from datetime import date, timedelta
>>> from kg.records import Document, Event, Extraction, TimeValue
>>> def doc(i, day): return Document(id=i, source=i, text="", sha256=i, published=day)
>>> week = TimeValue("next week", "2025-W30", date(2025, 7, 21), date(2025, 7, 27), "week")
>>> day = TimeValue("on July 23", "2025-07-23", date(2025, 7, 23), date(2025, 7, 23), "day")
>>> seed = Extraction(doc("a", date(2025, 7, 20)), events=(Event("next", "NegotiationRound",
...     "next round", "Proposed", time=week, actors=("Russia", "Ukraine")),))
>>> later = Extraction(doc("b", date(2025, 7, 24)), events=(Event("r3", "NegotiationRound",
...     "third round", "Occurred", time=day, place="Istanbul", round=3,
...     actors=("Russia", "Ukraine")),))
>>> view = reconcile([later, seed])
>>> [(e.status, e.round, e.place, str(e.time.earliest)) for e in view.events]
[('Occurred', 3, 'Istanbul', '2025-07-23')]
>>> [c.id for c in view.events[0].realizes]
['a#next']
>>> [e.status for e in reconcile([later, seed], as_of=date(2025, 7, 20)).events]
['Proposed']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

__all__ = [
    "FACTUAL",
    "PROSPECTIVE",
    "Claim",
    "ClaimValue",
    "Conflict",
    "MergedActor",
    "MergedEvent",
    "MergedAgreement",
    "NameResolver",
    "View",
    "reconcile",
    "merge_actors",
    "actor_keys",
    "claims_of",
    "cluster_claims",
    "match_score",
    "event_blocks",
    "components",
    "merge_events",
    "merge_agreements",
    "norm",
]

#: Statuses that report an event as having happened (their dates are facts).
FACTUAL = frozenset({"Occurred", "Ongoing"})
#: Statuses of an event that was proposed or planned (realizable by a later event).
PROSPECTIVE = frozenset({"Proposed", "Planned"})
#: Widest date window (in days) that still anchors a match without a round number.
NARROW_DAYS = 31
#: A plan reported on day P can be realized by an event from P minus this many days on.
PLAN_SLACK_DAYS = 7

_DAY_MIN = date.min
_DAY_MAX = date.max


# --- normalization ------------------------------------------------------------
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


# --- actors -------------------------------------------------------------------
def actor_keys(actor: Actor) -> frozenset[str]:
    """The identity keys of an actor record (names, spelling variants, Wikidata).

    >>> sorted(actor_keys(Actor("Volodymyr Zelenskyy", "Person", aliases=("Zelensky",))))
    ['Person|n|volodymyr zelenskyy', 'Person|n|zelensky', 'Person|s|volodymyr zelensky']
    """
    keys = set()
    for name in (actor.name, *actor.aliases):
        k = norm(name)
        if not k:
            continue
        keys.add(f"{actor.kind}|n|{k}")
        if actor.kind == "Person" and " " in k:
            keys.add(f"{actor.kind}|s|{_squeeze(k)}")
    if actor.wikidata:
        keys.add(f"wd|{actor.wikidata}")
    return frozenset(keys)


def _latest(values: Iterable[tuple[tuple, str | None]]) -> str | None:
    best = None
    for order, value in values:
        if value and (best is None or order > best[0]):
            best = (order, value)
    return best[1] if best else None


def merge_actors(records: Iterable[tuple[date | None, str, Actor]]) -> list[MergedActor]:
    """Merge actor records ``(published, doc id, actor)`` into actors (sorted by name).

    Affiliations are left as given (resolve them with :class:`NameResolver`).

    >>> from datetime import date
    >>> a = Actor("Rustem Umerov", "Person", ("Umerov",), title="Defence Minister")
    >>> b = Actor("Umerov", "Person", title="NSDC Secretary")
    >>> [m] = merge_actors([(date(2025, 7, 24), "d2", b), (date(2025, 5, 17), "d1", a)])
    >>> (m.name, m.aliases, m.title, len(m.titles))
    ('Rustem Umerov', ('Umerov',), 'NSDC Secretary', 2)
    """
    recs = sorted(records, key=lambda r: (r[0] or _DAY_MIN, r[1], r[2].name, r[2].kind))
    parent = list(range(len(recs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, (_, _, actor) in enumerate(recs):
        for key in actor_keys(actor):
            j = owner.setdefault(key, i)
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        groups[find(i)].append(i)
    merged = [_merge_actor_group([recs[i] for i in members]) for members in groups.values()]
    return sorted(merged, key=lambda m: (m.name, m.kind))


def _merge_actor_group(group: list[tuple[date | None, str, Actor]]) -> MergedActor:
    docs_per_name: dict[str, set[str]] = defaultdict(set)
    for _, doc_id, a in group:
        docs_per_name[a.name].add(doc_id)
    name = min(docs_per_name, key=lambda n: (-len(docs_per_name[n]), -len(n), n))
    kinds = Counter(a.kind for _, _, a in group)
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    aliases = []
    for alias in sorted({x for _, _, a in group for x in (a.name, *a.aliases) if x}):
        if norm(alias) and alias != name:
            aliases.append(alias)
    order = [((p or _DAY_MIN, d), a) for p, d, a in group]
    titles = tuple(sorted({(p, d, a.title) for p, d, a in group if a.title},
                          key=lambda t: (t[0] or _DAY_MIN, t[1], t[2])))
    return MergedActor(
        name=name,
        kind=kind,
        aliases=tuple(aliases),
        title=_latest((o, a.title) for o, a in order),
        titles=titles,
        affiliation=_latest((o, a.affiliation) for o, a in order),
        wikidata=_latest((o, a.wikidata) for o, a in order),
        mentions=tuple(sorted({m for _, _, a in group for m in a.mentions})),
        sources=tuple(sorted({d for _, d, _ in group})),
    )


class NameResolver:
    """Maps any name or alias of a merged actor to its canonical name.

    >>> r = NameResolver([MergedActor("Volodymyr Zelenskyy", "Person", ("Zelensky",))])
    >>> r("zelensky"), r("Volodymyr Zelensky"), r("Someone Else")
    ('Volodymyr Zelenskyy', 'Volodymyr Zelenskyy', 'Someone Else')
    """

    def __init__(self, actors: Iterable[MergedActor] = (), mapping: Mapping[str, str] | None = None):
        self.map: dict[str, str] = dict(mapping or {})
        self._memo: dict[str, str] = {}
        for a in sorted(actors, key=lambda a: (a.name, a.kind)):
            for key in self.keys_of(a.name, a.aliases, a.kind):
                self.map.setdefault(key, a.name)

    @staticmethod
    def keys_of(name: str, aliases: Iterable[str], kind: str) -> list[str]:
        """The lookup keys of a merged actor (exact names before spelling variants)."""
        out = [norm(x) for x in (name, *aliases) if norm(x)]
        if kind == "Person":
            out += ["~" + _squeeze(k) for k in list(out) if " " in k]
        return out

    def __call__(self, name: str) -> str:
        hit = self._memo.get(name)
        if hit is None:
            hit = self._memo[name] = self._resolve(name)
        return hit

    def _resolve(self, name: str) -> str:
        k = norm(name)
        if not k:
            return name
        hit = self.map.get(k)
        if hit is None and " " in k:
            hit = self.map.get("~" + _squeeze(k))
        return hit or name


# --- event matching -----------------------------------------------------------
def _narrow(iv: tuple[date | None, date | None]) -> bool:
    lo, hi = iv
    return lo is not None and hi is not None and (hi - lo).days <= NARROW_DAYS


def _overlap(a: tuple, b: tuple) -> bool:
    lo = max(a[0] or _DAY_MIN, b[0] or _DAY_MIN)
    hi = min(a[1] or _DAY_MAX, b[1] or _DAY_MAX)
    return lo <= hi


def _jaccard(a: tuple, b: tuple) -> float:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    inter = (hi - lo).days + 1
    union = (max(a[1], b[1]) - min(a[0], b[0])).days + 1
    return max(0.0, inter / union)


def _track(e: Event) -> str:
    return norm(e.track).replace(" ", "-")


def match_score(a: Claim, b: Claim, resolve: Callable[[str], str] = str) -> int:
    """How strongly two claims are the same real event: 0 (not), 100-199 (same
    dates), 200 (same round number), 300 (same track and round number).

    >>> from datetime import date
    >>> d = TimeValue("", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
    >>> x = Claim("d1", None, Event("a", "NegotiationRound", "", "Occurred", time=d,
    ...           actors=("Ukraine",)))
    >>> y = Claim("d2", None, Event("b", "NegotiationRound", "", "Occurred", time=d,
    ...           actors=("Ukraine", "Russia"), round=2))
    >>> match_score(x, y)
    199
    >>> match_score(x, Claim("d2", None, Event("b", "Meeting", "", "Occurred", time=d)))
    0
    """
    return _score(_features(a, resolve), _features(b, resolve))


def _features(c: Claim, resolve: Callable[[str], str]) -> tuple:
    e = c.event
    return (c.doc_id, e.kind, _track(e), e.round, norm(e.place), c.interval,
            e.status in FACTUAL, frozenset(resolve(n) for n in e.actors),
            c.published if e.status in PROSPECTIVE else None)


def _before(iv: tuple, published: date) -> bool:
    """Did an event with bounds ``iv`` surely happen before ``published`` (a week's slack)?"""
    hi = iv[1] or iv[0]
    return hi is not None and hi < published - timedelta(days=PLAN_SLACK_DAYS)


def _score(fa: tuple, fb: tuple) -> int:
    doc_a, kind_a, ta, ra, pa, ia, fact_a, actors_a, plan_a = fa
    doc_b, kind_b, tb, rb, pb, ib, fact_b, actors_b, plan_b = fb
    if doc_a == doc_b or kind_a != kind_b:
        return 0
    if (plan_a and fact_b and _before(ib, plan_a)) or (plan_b and fact_a and _before(ia, plan_b)):
        return 0  # a plan cannot be realized by what happened before it was reported
    if ta and tb and ta != tb:
        return 0
    if ra is not None and rb is not None and ra != rb:
        return 0
    places_differ = bool(pa and pb and pa != pb)
    both_factual = fact_a and fact_b
    overlap = _overlap(ia, ib)
    if ra is not None and ra == rb:
        if ta and ta == tb:
            # The identity of a round: disagreements on its date or place (even both)
            # are flagged conflicts of one node, never two nodes minted the same IRI.
            return 300
        if places_differ or (both_factual and not overlap):
            return 0
        if actors_a and actors_b and not actors_a & actors_b:
            return 0
        return 200
    if places_differ or not (_narrow(ia) and _narrow(ib) and overlap):
        return 0
    if actors_a and actors_b:
        if not actors_a & actors_b:
            return 0
    elif not (pa and pb):
        return 0
    return 100 + int(99 * _jaccard(ia, ib))


def event_blocks(event: Event, resolve: Callable[[str], str] = str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Blocking keys ``(index, probe)``: two claims that can match are such that the
    probe keys of each meet the index keys of the other. Rounds are blocked by
    track or actor, dated events by month and actor (or place).

    >>> from datetime import date
    >>> t = TimeValue("", None, date(2025, 6, 28), date(2025, 7, 3), "range")
    >>> index, probe = event_blocks(Event("k", "Meeting", "", "Occurred", time=t, round=2,
    ...                                   actors=("Ukraine",)))
    >>> index
    ('Meeting|r|2|a|ukraine', 'Meeting|r|2|all', 'Meeting|m|2025-06|a|ukraine', 'Meeting|m|2025-07|a|ukraine')
    >>> probe
    ('Meeting|r|2|a|ukraine', 'Meeting|r|2|none', 'Meeting|m|2025-06|a|ukraine', 'Meeting|m|2025-07|a|ukraine')
    """
    kind = event.kind
    actors = sorted({norm(resolve(a)) for a in event.actors} - {""})
    place = norm(event.place)
    index: list[str] = []
    probe: list[str] = []
    if event.round is not None:
        r = f"{kind}|r|{event.round}"
        track = _track(event)
        if track:
            index.append(f"{r}|t|{track}")
            probe.append(f"{r}|t|{track}")
        index += [f"{r}|a|{a}" for a in actors]
        probe += [f"{r}|a|{a}" for a in actors]
        index.append(f"{r}|all")
        if actors:
            probe.append(f"{r}|none")
        else:
            index.append(f"{r}|none")
            probe.append(f"{r}|all")
    t = event.time
    if t is not None and _narrow((t.earliest, t.latest)):
        for month in sorted({t.earliest.strftime("%Y-%m"), t.latest.strftime("%Y-%m")}):
            m = f"{kind}|m|{month}"
            index += [f"{m}|a|{a}" for a in actors]
            probe += [f"{m}|a|{a}" for a in actors]
            if place:
                index.append(f"{m}|p|{place}")
                probe.append(f"{m}|p|{place}")
    return tuple(index), tuple(probe)


# --- clustering ---------------------------------------------------------------
def _keyed(c: Claim) -> bool:
    """Does the claim name its round by track and number (an identity that survives a
    disagreement on the date or the place, which is then a conflict)?"""
    return c.event.round is not None and bool(_track(c.event))


def _intersect(ivs: Sequence[tuple]) -> tuple | None:
    """The intersection of intervals (None bounds open), or None when empty."""
    los = [lo for lo, _ in ivs if lo is not None]
    his = [hi for _, hi in ivs if hi is not None]
    lo = max(los) if los else None
    hi = min(his) if his else None
    if lo is not None and hi is not None and lo > hi:
        return None
    return (lo, hi)


class _Cluster:
    """What admissibility reads of a cluster, kept as claims join it: its members and
    documents, its class, track, round number and places, the intersection of the
    bounds of its factual claims (``None``: empty), and whether its placed and its
    factual claims all name their round by track and number. Two clusters' union is
    admissible when these, combined, are (:meth:`admits`), so joining a claim to a
    cluster costs the same however many claims the cluster holds."""

    __slots__ = ("members", "docs", "kind", "track", "round", "places", "placed_keyed", "bounds",
                 "factual_keyed")

    @classmethod
    def of(cls, claim: Claim, index: int) -> _Cluster:
        e = claim.event
        self = cls()
        self.members = [index]
        self.docs = {claim.doc_id}
        self.kind, self.track, self.round = e.kind, _track(e), e.round
        place = norm(e.place)
        self.places = frozenset((place,)) if place else _NO_PLACES
        keyed = _keyed(claim)
        self.placed_keyed = keyed or not place
        factual = e.status in FACTUAL
        self.bounds = claim.interval if factual else (None, None)
        self.factual_keyed = keyed or not factual
        return self

    def admits(self, other: _Cluster) -> bool:
        """Is the union of the two clusters admissible (see :func:`cluster_claims`)?"""
        if self.kind != other.kind:
            return False
        if self.track and other.track and self.track != other.track:
            return False
        if self.round is not None and other.round is not None and self.round != other.round:
            return False
        if (len(self.places | other.places) > 1
                and not (self.placed_keyed and other.placed_keyed)):
            return False
        if (self._bounds_with(other) is None
                and not (self.factual_keyed and other.factual_keyed)):
            return False
        return self.docs.isdisjoint(other.docs)

    def _bounds_with(self, other: _Cluster) -> tuple | None:
        if self.bounds is None or other.bounds is None:
            return None
        return _intersect([self.bounds, other.bounds])

    def absorb(self, other: _Cluster) -> None:
        """Take ``other`` in (its sets are reused: it is not to be used afterwards)."""
        if len(self.members) < len(other.members):
            self.members, other.members = other.members, self.members
        self.members.extend(other.members)
        if len(self.docs) < len(other.docs):
            self.docs, other.docs = other.docs, self.docs
        self.docs |= other.docs
        self.track = self.track or other.track
        self.round = self.round if self.round is not None else other.round
        self.places = self.places | other.places
        self.placed_keyed = self.placed_keyed and other.placed_keyed
        self.bounds = self._bounds_with(other)
        self.factual_keyed = self.factual_keyed and other.factual_keyed


_NO_PLACES: frozenset[str] = frozenset()
_NO_DOC = object()  # the document of a signature: equal to no document id


class _Signatures:
    """Claims (in canonical order) grouped by their *signature*: all that matching reads
    of a claim but its document (class, track, round, place, bounds, status, actors, the
    publication date of a plan). Claims of one signature have the same blocking keys
    and score the same against any claim of another document, so a claim is compared
    with each signature found in its blocks once, not with every claim there.

    In a month block (:func:`event_blocks`) only a match by dates can start (a match
    by round number always shares a round block too, and two different round numbers
    never match), and that needs overlapping bounds of at most :data:`NARROW_DAYS`
    days: a signature of one day is filed there under its week, and a claim looks only
    at the weeks of its own bounds (and at the longer signatures of the block, fewer),
    and past the claims with a round number when it has one. With many documents
    about the same actors, a month of one actor holds ever more claims, but a week of
    it few."""

    def __init__(self, ordered: Sequence[Claim], resolve: Callable[[str], str]):
        self.docs = [c.doc_id for c in ordered]
        self._resolve = resolve
        ids: dict[tuple, int] = {}
        self.features: list[tuple] = []  # per signature, with a document equal to none
        self.keys: list[tuple[tuple, tuple]] = []  # per signature: (index keys, probe keys)
        self.of: list[int] = []  # claim -> signature
        for c in ordered:
            sig = _features(c, resolve)[1:]
            k = ids.get(sig)
            if k is None:
                k = ids[sig] = len(self.features)
                self.features.append((_NO_DOC, *sig))
                self.keys.append(self._keys(c))
            self.of.append(k)
        self.by_key: dict = defaultdict(list)
        self._indexed: set[int] = set()

    def _keys(self, c: Claim) -> tuple[tuple, tuple]:
        """Index keys, and probe keys; a probe of one-day signatures in a month block is
        ``((block, has a round number), first week, last week)``, written out week by
        week by :meth:`matches`."""
        index, probe = event_blocks(c.event, self._resolve)
        month = f"{c.event.kind}|m|"
        lo, hi = c.interval
        if lo is None or hi is None or not any(b.startswith(month) for b in index):
            return index, probe
        lo, hi = lo.toordinal(), hi.toordinal()
        rounded = c.event.round is not None
        # a month key is (block, has a round number, the week of its day) for bounds of
        # one day, (block, has a round number) for longer ones (fewer, and that can start
        # weeks before an overlapping day)
        single = lo == hi
        index_keys = tuple(((b, rounded, lo // 7) if single else (b, rounded)) if b.startswith(month)
                           else b for b in index)
        probe_keys: list = []
        for b in probe:
            if not b.startswith(month):
                probe_keys.append(b)
                continue
            # two round numbers match by the round, in its own blocks, or not at all
            for other in (False,) if rounded else (False, True):
                probe_keys.append(((b, other), lo // 7, hi // 7))
                probe_keys.append((b, other))
        return index_keys, tuple(probe_keys)

    def matches(self, i: int) -> Iterator[tuple[int, int]]:
        """``(signature, score)`` of the indexed signatures in the blocks of claim ``i``
        that match it (score > 0 for claims of different documents)."""
        k = self.of[i]
        mine = (self.docs[i], *self.features[k][1:])
        seen: set[int] = set()
        by_key = self.by_key
        for probe in self.keys[k][1]:
            if isinstance(probe, str) or len(probe) == 2:  # a block, or longer bounds in one
                found = [by_key.get(probe, ())]
            else:  # a month block's bounds of one day, week by week
                found = [by_key.get((*probe[0], w), ()) for w in range(probe[1], probe[2] + 1)]
            for sigs in found:
                for s in sigs:
                    if s not in seen:
                        seen.add(s)
                        score = _score(mine, self.features[s])
                        if score:
                            yield s, score

    def index(self, i: int) -> None:
        """Claim ``i`` has been taken: later claims find its signature in its blocks."""
        k = self.of[i]
        if k not in self._indexed:
            self._indexed.add(k)
            for key in self.keys[k][0]:
                self.by_key[key].append(k)


def cluster_claims(claims: Iterable[Claim], resolve: Callable[[str], str] = str) -> list[list[Claim]]:
    """Group claims into real events; the result does not depend on the input order.

    Claims are taken in canonical order; each joins the clusters it matches
    (best first) while the union stays admissible. Returns clusters, each sorted
    canonically, ordered by their first claim.

    A cluster's score is that of its best-matching claim in the blocks of the new
    claim; it is computed by signature (:class:`_Signatures`): for each signature
    found, the clusters that hold a claim of it.

    >>> from datetime import date
    >>> d = TimeValue("", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
    >>> cs = [Claim(i, None, Event("e", "Summit", "", "Occurred", time=d, actors=("X",)))
    ...       for i in ("b", "a", "c")]
    >>> [[c.doc_id for c in group] for group in cluster_claims(cs)]
    [['a', 'b', 'c']]
    """
    ordered = sorted(claims, key=lambda c: c.order)
    sigs = _Signatures(ordered, resolve)
    parent = list(range(len(ordered)))  # cluster ids that were joined -> the cluster's id

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # signature -> the clusters that hold claims of it (ids of clusters since joined
    # into another are looked up and replaced). A cluster that holds a claim of the
    # claim's own document scores as it may: one claim per document, it never joins.
    where: dict[int, list[int]] = {}
    clusters: dict[int, _Cluster] = {}
    for i, claim in enumerate(ordered):
        scores: dict[int, int] = {}
        for s, score in sigs.matches(i):
            holders = where[s]
            roots = {find(cid) for cid in holders}
            if len(roots) < len(holders):
                holders[:] = sorted(roots)
            for root in roots:
                if score > scores.get(root, 0):
                    scores[root] = score
        acc = _Cluster.of(claim, i)
        joined = []
        for cid in sorted(scores, key=lambda c: (-scores[c], c)):
            if acc.admits(clusters[cid]):
                acc.absorb(clusters.pop(cid))
                joined.append(cid)
        new_id = min(joined) if joined else i
        for cid in joined:
            parent[cid] = new_id
        parent[i] = new_id
        clusters[new_id] = acc
        holders = where.setdefault(sigs.of[i], [])
        if new_id not in holders:
            holders.append(new_id)
        sigs.index(i)
    return [[ordered[k] for k in sorted(clusters[cid].members)] for cid in sorted(clusters)]


def components(claims: Iterable[Claim], resolve: Callable[[str], str] = str) -> list[list[Claim]]:
    """Connected components of claims under :func:`match_score` > 0 and the references
    between events of one document (``proposes``, ``responds_to``). Clustering never
    crosses a component, so a change can be re-reconciled component by component.

    Claims are compared by signature, as in :func:`cluster_claims`: the claims of a
    signature that another claim has matched are in one component from then on, so
    they are joined through one of them.

    >>> from datetime import date
    >>> d = TimeValue("", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
    >>> cs = [Claim("a", None, Event("p", "Proposal", "", "Occurred", proposes="s")),
    ...       Claim("a", None, Event("s", "Summit", "", "Proposed")),
    ...       Claim("b", None, Event("m", "Meeting", "", "Occurred", time=d, actors=("X",)))]
    >>> [[c.id for c in comp] for comp in components(cs)]
    [['a#p', 'a#s'], ['b#m']]
    """
    ordered = sorted(claims, key=lambda c: c.order)
    sigs = _Signatures(ordered, resolve)
    docs = sigs.docs
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    # per signature: a claim of the component that holds its claims of two or more
    # documents (any later match joins them all), and the others by document
    hub: dict[int, int] = {}
    loose: dict[int, dict[str, list[int]]] = defaultdict(dict)
    by_id = {c.id: i for i, c in enumerate(ordered)}
    for i, claim in enumerate(ordered):
        for s, _ in sigs.matches(i):
            if s in hub:
                union(i, hub[s])
            others = [d for d in loose[s] if d != docs[i]]
            for d in others:
                for j in loose[s].pop(d):
                    union(i, j)
            if s in hub or len(others) > 1:
                hub.setdefault(s, i)
            elif others:  # one document's claims, now in one component
                loose[s][others[0]] = [i]  # (i is in it)
        loose[sigs.of[i]].setdefault(docs[i], []).append(i)
        sigs.index(i)
        for ref in (claim.event.proposes, claim.event.responds_to):
            j = by_id.get(f"{claim.doc_id}#{ref}") if ref else None
            if j is not None:
                union(i, j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, c in enumerate(ordered):
        groups[find(i)].append(c)
    return [groups[k] for k in sorted(groups)]


# --- merged events ------------------------------------------------------------
def _merged_time(group: list[Claim]) -> tuple[TimeValue | None, tuple[Conflict, ...]]:
    factual = [c for c in group if c.event.status in FACTUAL]
    basis = [c for c in (factual or group) if c.event.time is not None]
    if not basis:
        return None, ()
    conflicts: tuple[Conflict, ...] = ()
    bounds = _intersect([c.interval for c in basis])
    if bounds is None:
        if factual:
            los = [c.interval[0] for c in basis]
            his = [c.interval[1] for c in basis]
            bounds = (None if None in los else min(los), None if None in his else max(his))
            disputed = [c for c in basis
                        if any(not _overlap(c.interval, o.interval) for o in basis)]
            conflicts = (Conflict("time", tuple(
                ClaimValue(c.doc_id, c.event.key, c.published, *c.interval) for c in disputed)),)
        else:  # a plan whose window moved: the latest window holds
            bounds = basis[-1].interval
    same = [c for c in basis if c.interval == bounds]
    source = same[-1].event.time if same else None
    lo, hi = bounds
    if lo is None and hi is None and source is None:
        return None, conflicts
    if source is not None:
        return source, conflicts
    single = lo is not None and lo == hi
    timex = lo.isoformat() if single else None
    text = "; ".join(sorted({c.event.time.text for c in basis if c.event.time.text}))
    return TimeValue(text, timex, lo, hi, "day" if single else "range"), conflicts


def _merged_event(group: list[Claim], resolve: Callable[[str], str]) -> MergedEvent:
    first, last = group[0], group[-1]
    factual = [c for c in group if c.event.status in FACTUAL]
    time, conflicts = _merged_time(group)
    placed = [c for c in group if norm(c.event.place)]
    place = None
    if placed:
        place = ([c for c in placed if c.event.status in FACTUAL] or placed)[-1].event.place
        if len({norm(c.event.place) for c in placed}) > 1:
            conflicts += (Conflict("place", tuple(
                ClaimValue(c.doc_id, c.event.key, c.published, place=c.event.place)
                for c in placed)),)
    tracks = [c.event.track for c in group if c.event.track]
    rounds = [c.event.round for c in group if c.event.round is not None]
    labelled = [c for c in (factual or group) if c.event.label] or [c for c in group if c.event.label]
    status = last.event.status
    realizes = ()
    if status in FACTUAL:
        realizes = tuple(c for c in group if c.event.status in PROSPECTIVE)
    return MergedEvent(
        id=first.id,
        kind=first.event.kind,
        label=labelled[-1].event.label if labelled else "",
        status=status,
        status_source=last.doc_id,
        time=time,
        place=place,
        round=rounds[-1] if rounds else None,
        track=tracks[-1] if tracks else None,
        actors=tuple(sorted({resolve(n) for c in group for n in c.event.actors})),
        mentions=tuple(sorted({m for c in group for m in c.event.mentions})),
        sources=tuple(sorted({c.doc_id for c in group})),
        claims=tuple(c.id for c in group),
        proposed_by=tuple(sorted({resolve(n) for c in group for n in c.event.proposed_by})),
        cameo=_latest((c.order, c.event.cameo) for c in group),
        conflicts=conflicts,
        realizes=realizes,
        first_doc=first.doc_id,
        own_iri=getattr(first.event, "own_iri", False),
    )


def claims_of(x: Extraction) -> list[Claim]:
    """The claims (events) of one document's extraction."""
    return [Claim(x.document.id, x.document.published, e) for e in x.events]


def merge_events(
    claims: Iterable[Claim], resolve: Callable[[str], str] = str
) -> tuple[list[MergedEvent], dict[str, str]]:
    """Cluster claims and merge each cluster; returns the merged events (sorted by
    id, references re-pointed within the given claims) and claim id -> event id."""
    claims = list(claims)
    groups = cluster_claims(claims, resolve)
    claim_event = {c.id: g[0].id for g in groups for c in g}
    merged = []
    for g in groups:
        ev = _merged_event(g, resolve)
        proposes = {claim_event.get(f"{c.doc_id}#{c.event.proposes}")
                    for c in g if c.event.proposes}
        responds = {claim_event.get(f"{c.doc_id}#{c.event.responds_to}")
                    for c in g if c.event.responds_to}
        merged.append(_replace(ev, proposes=tuple(sorted(proposes - {None})),
                               responds_to=tuple(sorted(responds - {None}))))
    return sorted(merged, key=lambda e: e.id), claim_event


def _replace(ev: MergedEvent, **changes) -> MergedEvent:
    from dataclasses import replace

    return replace(ev, **changes)


def merge_agreements(
    extractions: Iterable[Extraction], claim_event: Mapping[str, str], resolve: Callable[[str], str]
) -> list[MergedAgreement]:
    """Each document's agreements, re-pointed to merged events and actors."""
    out = []
    for x in extractions:
        for ag in x.agreements:
            target = claim_event.get(f"{x.document.id}#{ag.reached_at}") if ag.reached_at else None
            out.append(MergedAgreement(x.document.id, ag, target,
                                       tuple(sorted({resolve(p) for p in ag.parties}))))
    return sorted(out, key=lambda a: (a.doc_id, a.agreement.key))


def reconcile(extractions: Sequence[Extraction], *, as_of: date | None = None) -> View:
    """The consolidated view of many documents' extractions.

    With ``as_of``, only documents published up to that date count (documents
    without a publication date count only without ``as_of``). The result does
    not depend on the order of ``extractions``.

    >>> reconcile([]).events
    ()
    """
    xs = [x for x in extractions
          if as_of is None or (x.document.published is not None and x.document.published <= as_of)]
    xs.sort(key=lambda x: (x.document.published or _DAY_MIN, x.document.id))
    actors = merge_actors((x.document.published, x.document.id, a) for x in xs for a in x.actors)
    resolve = NameResolver(actors)
    actors = [_replace_actor(a, resolve) for a in actors]
    events, claim_event = merge_events((c for x in xs for c in claims_of(x)), resolve)
    agreements = merge_agreements(xs, claim_event, resolve)
    return View(
        as_of=as_of,
        documents=tuple(sorted((x.document for x in xs), key=lambda d: d.id)),
        actors=tuple(actors),
        events=tuple(events),
        agreements=tuple(agreements),
        claim_event=claim_event,
    )


def _replace_actor(a: MergedActor, resolve: Callable[[str], str]) -> MergedActor:
    from dataclasses import replace

    if a.affiliation:
        return replace(a, affiliation=resolve(a.affiliation))
    return a

