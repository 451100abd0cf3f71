"""Analysis: the graph's consolidated view as plain records and networkx measures.

:func:`read_timeline` is the one reader of the graph (SPARQL over a pyoxigraph
Store); everything else is a pure function over its :class:`TimelineData`.

>>> from kg.analysis import analyze, read_timeline, store_from_trig, EXAMPLE_TRIG
>>> analyze(read_timeline(store_from_trig(EXAMPLE_TRIG)))["counts"]["events"]
3
"""

from kg.analysis.actors import ActorMeasure, actor_measures, affiliations, coparticipation, top_proposers
from kg.analysis.data import (
    EXAMPLE_TRIG,
    ActorRec,
    AgreementRec,
    DocumentRec,
    EventRec,
    Evidence,
    TimelineData,
    read_timeline,
    store_from_trig,
)
from kg.analysis.projection import actor_view, project, timeline_view
from kg.analysis.proposals import ProposalEntry, ProposedItem, proposals
from kg.analysis.report import analyze, format_text
from kg.analysis.timeline import Timeline, TimelineEntry, UndatedEntry, precedes, timeline
from kg.analysis.tracks import Track, TrackRound, tracks

__all__ = [
    "EXAMPLE_TRIG",
    "ActorMeasure",
    "ActorRec",
    "AgreementRec",
    "DocumentRec",
    "EventRec",
    "Evidence",
    "ProposalEntry",
    "ProposedItem",
    "Timeline",
    "TimelineData",
    "TimelineEntry",
    "Track",
    "TrackRound",
    "UndatedEntry",
    "actor_measures",
    "actor_view",
    "affiliations",
    "analyze",
    "coparticipation",
    "format_text",
    "precedes",
    "project",
    "proposals",
    "read_timeline",
    "store_from_trig",
    "timeline",
    "timeline_view",
    "top_proposers",
    "tracks",
]
