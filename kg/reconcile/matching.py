"""Whether two event claims are the same event: the blocking keys of a claim and the score of a pair."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from kg.records import Event
from kg.reconcile.constants import FACTUAL, NARROW_DAYS, PLAN_SLACK_DAYS, PROSPECTIVE, _DAY_MAX, _DAY_MIN
from kg.reconcile.records import Claim, norm



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

    >>> from kg.records import Event, TimeValue
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
    if ra is not None and ra == rb and ta and ta == tb:
        # The identity of a round: disagreements on its date or place (even both), or
        # a plan told after the round was held, are flagged conflicts of one node,
        # never two nodes minted the same IRI.
        return 300
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
    elif not (pa and pb) and not (_bare(fa) and _bare(fb) and ia == ib and ia[0] == ia[1]):
        return 0
    return 100 + int(99 * _jaccard(ia, ib))


def _bare(f: tuple) -> bool:
    """A claim of one day that names no place and no actor: its IRI is its class and day
    (:meth:`kg.rdf.iris.IriMinter.event`), so two such claims of one day are one event."""
    return not f[4] and not f[7]


def event_blocks(event: Event, resolve: Callable[[str], str] = str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Blocking keys ``(index, probe)``: two claims that can match are such that the
    probe keys of each meet the index keys of the other. Rounds are blocked by
    track or actor, dated events by month and actor (or place).

    >>> from kg.records import Event, TimeValue
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
            elif not actors and t.earliest == t.latest:  # a bare day (see _bare)
                index.append(f"{m}|day")
                probe.append(f"{m}|day")
    return tuple(index), tuple(probe)
