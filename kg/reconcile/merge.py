"""Merged events and agreements from clusters of claims, and the whole reconciliation of a set of extractions into a view."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from kg.records import Extraction, TimeValue
from kg.reconcile.constants import FACTUAL, PROSPECTIVE, _DAY_MIN
from kg.reconcile.records import Claim, ClaimValue, Conflict, MergedActor, MergedAgreement, MergedEvent, View, norm
from kg.reconcile.actors import NameResolver, _latest, merge_actors
from kg.reconcile.matching import _overlap
from kg.reconcile.clustering import _intersect, cluster_claims



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
