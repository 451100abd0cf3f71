"""Event claims grouped into events: clusters compared by signature within blocks, so the cost grows with the number of claims, not its square; and the connected components an update touches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from kg.reconcile.constants import FACTUAL
from kg.reconcile.records import Claim, find_root, norm
from kg.reconcile.matching import _features, _score, _track, event_blocks



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
        if self.track and self.round is not None and (other.track, other.round) == (self.track, self.round):
            # one round by track and number (its IRI): places and dates that disagree are
            # flagged conflicts of the merged event, never two events minted one IRI
            return self.docs.isdisjoint(other.docs)
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


def _by_track(index: tuple[str, ...], probe: tuple[str, ...],
              track: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actor and place blocks split by track: claims of two different tracks never match
    (:func:`~kg.reconcile.matching._score`), so a claim with a track looks in such a block
    only at the claims of its own track (``|t|<track>``) and at those without one
    (``|u``); a claim without a track looks at all of them (``|*``). Rounds of other
    tracks between the same countries, or in the same month, are no longer candidates.

    >>> _by_track(("NegotiationRound|r|2|a|chile",), ("NegotiationRound|r|2|a|chile",), "peru-chile")
    (('NegotiationRound|r|2|a|chile|t|peru-chile', 'NegotiationRound|r|2|a|chile|*'), ('NegotiationRound|r|2|a|chile|t|peru-chile', 'NegotiationRound|r|2|a|chile|u'))
    >>> _by_track(("Meeting|m|2025-06|a|chile",), ("Meeting|m|2025-06|a|chile",), "")
    (('Meeting|m|2025-06|a|chile|u', 'Meeting|m|2025-06|a|chile|*'), ('Meeting|m|2025-06|a|chile|*',))
    """
    def split(b: str) -> bool:
        return "|a|" in b or "|p|" in b

    if track:
        mine = f"|t|{track}"
        return (tuple(k for b in index for k in ((b + mine, b + "|*") if split(b) else (b,))),
                tuple(k for b in probe for k in ((b + mine, b + "|u") if split(b) else (b,))))
    return (tuple(k for b in index for k in ((b + "|u", b + "|*") if split(b) else (b,))),
            tuple(b + "|*" if split(b) else b for b in probe))


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
        index, probe = _by_track(*event_blocks(c.event, self._resolve), _track(c.event))
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

    >>> from kg.records import Event, TimeValue
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

    # signature -> the clusters that hold claims of it (ids of clusters since joined
    # into another are looked up and replaced). A cluster that holds a claim of the
    # claim's own document scores as it may: one claim per document, it never joins.
    where: dict[int, list[int]] = {}
    clusters: dict[int, _Cluster] = {}
    for i, claim in enumerate(ordered):
        scores: dict[int, int] = {}
        for s, score in sigs.matches(i):
            holders = where[s]
            roots = {find_root(parent, cid) for cid in holders}
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

    >>> from kg.records import Event, TimeValue
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

    def union(i: int, j: int) -> None:
        ri, rj = find_root(parent, i), find_root(parent, j)
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
        groups[find_root(parent, i)].append(c)
    return [groups[k] for k in sorted(groups)]
