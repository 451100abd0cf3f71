"""Proposals: what was proposed, by whom, its status, and what realized it.

A proposal is an event of class ``nkg:Proposal``; what it proposes
(``nkg:proposes``) carries its own status (Proposed, Planned, Occurred...).
Where the graph links one with ``nkg:realizedBy`` (on the proposal or on the
proposed event), the event that realized it is given; it is never guessed.

>>> from kg.analysis.data import read_timeline, store_from_trig, EXAMPLE_TRIG
>>> [p] = proposals(read_timeline(store_from_trig(EXAMPLE_TRIG)))
>>> p.label, p.by, [(t.label, t.status, t.realized_by) for t in p.proposes]
('Umerov proposes a third round', ('Rustem Umerov',), [('Proposed third round', 'Proposed', ())])
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.analysis.data import TimelineData
from kg.analysis.timeline import sort_key

__all__ = ["ProposedItem", "ProposalEntry", "proposals"]


@dataclass(frozen=True, slots=True)
class ProposedItem:
    iri: str
    label: str
    kind: str
    status: str
    realized_by: tuple[str, ...] = ()
    realized_by_labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposalEntry:
    iri: str
    label: str
    status: str
    earliest: str | None
    latest: str | None
    by: tuple[str, ...]  # labels of the proposers
    proposes: tuple[ProposedItem, ...]
    realized_by: tuple[str, ...] = ()


def proposals(data: TimelineData) -> list[ProposalEntry]:
    """Every proposal of ``data`` in timeline order (undated ones last)."""
    out = []
    for p in sorted((e for e in data.events if e.kind == "Proposal"), key=sort_key):
        items = []
        for target in p.proposes:
            t = data.event_by_iri.get(target)
            realized = tuple(sorted(set(t.realized_by if t else ()) | set(p.realized_by)))
            items.append(
                ProposedItem(
                    iri=target,
                    label=t.label if t else data.label(target),
                    kind=t.kind if t else "",
                    status=t.status if t else "",
                    realized_by=realized,
                    realized_by_labels=tuple(data.label(r) for r in realized),
                )
            )
        out.append(
            ProposalEntry(
                iri=p.iri,
                label=p.label,
                status=p.status,
                earliest=p.earliest.isoformat() if p.earliest else None,
                latest=p.latest.isoformat() if p.latest else None,
                by=tuple(sorted(data.label(a) for a in p.proposed_by)),
                proposes=tuple(items),
                realized_by=p.realized_by,
            )
        )
    return out
