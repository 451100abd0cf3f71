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


Modules: :mod:`~kg.reconcile.records` (the view's records, name normalization),
:mod:`~kg.reconcile.actors` (actor keys and merge), :mod:`~kg.reconcile.matching`
(blocking keys and the pair score), :mod:`~kg.reconcile.clustering` (clusters by
signature, components), :mod:`~kg.reconcile.merge` (merged events and agreements,
:func:`reconcile`), :mod:`~kg.reconcile.constants`.
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

from kg.reconcile.constants import FACTUAL, NARROW_DAYS, PLAN_SLACK_DAYS, PROSPECTIVE  # noqa: F401
from kg.reconcile.records import (  # noqa: F401
    Claim, ClaimValue, Conflict, MergedActor, MergedAgreement, MergedEvent, View, _squeeze, fold, name_key, norm,
)
from kg.reconcile.actors import NameResolver, actor_keys, lookup_key, merge_actors  # noqa: F401
from kg.reconcile.matching import _features, _overlap, _score, _track, event_blocks, match_score  # noqa: F401
from kg.reconcile.clustering import _intersect, _keyed, cluster_claims, components  # noqa: F401
from kg.reconcile.merge import claims_of, merge_agreements, merge_events, reconcile  # noqa: F401

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
    "name_key",
    "lookup_key",
    "fold",
]

