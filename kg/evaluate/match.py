"""Matching predicted events to gold events one to one (the rules of the
:mod:`kg.evaluate` notes), with the name and text comparisons the scores share:
case-, diacritics- and punctuation-insensitive names mapped to gold actors
through their aliases.

>>> _Names([GoldActor("Türkiye", "Country", ("Turkey",))]).resolve("TURKIYE")
'Türkiye'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from kg.evaluate.records import PRF, GoldActor, GoldEvent, PredictedEvent


_TRANSLIT = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


def _norm(text: str) -> str:
    """Case-, diacritics- and punctuation-insensitive form of a name or phrase."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLIT).casefold())
    stripped = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped))


def _words(text: str) -> set[str]:
    return set(_norm(text).split())


def _contains_words(longer: str, shorter: str) -> bool:
    """True when ``shorter`` occurs in ``longer`` as whole words (both normalized)."""
    return bool(shorter) and f" {shorter} " in f" {longer} "


class _Names:
    """Maps actor names to gold canonical names through the gold names and aliases."""

    def __init__(self, actors: Iterable[GoldActor]) -> None:
        actors = tuple(actors)
        self._map: dict[str, str] = {}
        for a in actors:  # a name wins over another actor's alias
            self._map.setdefault(_norm(a.name), a.name)
        for a in actors:
            for alias in a.aliases:
                self._map.setdefault(_norm(alias), a.name)

    def resolve(self, name: str) -> str | None:
        return self._map.get(_norm(name))

    def key(self, name: str) -> str:
        """The gold name, or a marked normalized form for a name the gold does not know."""
        return self.resolve(name) or "\x00" + _norm(name)


def _dates_compatible(p: PredictedEvent, g: GoldEvent, undated_matches_any: bool = False) -> bool:
    if (not undated_matches_any and p.begin is None and p.end is None
            and (g.begin is not None or g.end is not None)):
        return False  # an undated prediction does not match a dated gold event
    if p.begin is not None and g.end is not None and p.begin > g.end:
        return False
    if g.begin is not None and p.end is not None and g.begin > p.end:
        return False
    return True


def _place_ok(p: PredictedEvent, g: GoldEvent) -> bool:
    return not g.place or p.place is None or _norm(p.place) in {_norm(x) for x in g.place}


def _round_ok(p: PredictedEvent, g: GoldEvent) -> bool:
    return g.round is None or p.round is None or p.round == g.round


def _admissible(p: PredictedEvent, g: GoldEvent, undated_matches_any: bool = False) -> bool:
    return (p.type == g.type and _dates_compatible(p, g, undated_matches_any) and _place_ok(p, g)
            and _round_ok(p, g))


def _evidence_overlap(p: PredictedEvent, g: GoldEvent) -> float:
    gw = _words(g.evidence)
    best = 0.0
    for text in p.evidence:
        pw = _words(text)
        if pw or gw:
            best = max(best, len(pw & gw) / len(pw | gw))
    return best


def _actor_prf(p: PredictedEvent, g: GoldEvent, names: _Names) -> PRF:
    pk = {names.key(a) for a in p.actors}
    gk = {names.key(a) for a in g.actors}
    return PRF(len(pk & gk), len(pk - gk), len(gk - pk))


def _exact(p: PredictedEvent, g: GoldEvent) -> bool:
    return p.begin == g.begin and p.end == g.end


def _quality(p: PredictedEvent, g: GoldEvent, names: _Names) -> int:
    """0..100: how well an admissible pair agrees (a tie-break between matchings)."""
    actors = _actor_prf(p, g, names).f1
    return round(
        40 * _evidence_overlap(p, g)
        + 25 * _exact(p, g)
        + 15 * (p.status == g.status)
        + 10 * (actors if actors is not None else 1.0)
        + 10 * (p.timex == g.timex)
    )


def _assign(n_left: int, n_right: int, weights: Mapping[tuple[int, int], int]) -> list[tuple[int, int]]:
    """A maximum-cardinality, then maximum-weight, one-to-one assignment."""
    import networkx as nx

    if not weights:
        return []
    graph = nx.Graph()
    graph.add_nodes_from(("L", i) for i in range(n_left))
    graph.add_nodes_from(("R", j) for j in range(n_right))
    for (i, j), w in sorted(weights.items()):
        graph.add_edge(("L", i), ("R", j), weight=w)
    pairs = []
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        left, right = (a, b) if a[0] == "L" else (b, a)
        pairs.append((left[1], right[1]))
    return sorted(pairs)


def match_events(
    preds: Sequence[PredictedEvent], golds: Sequence[GoldEvent], actors: Iterable[GoldActor] = (),
    *, undated_matches_any: bool = False,
) -> list[tuple[int, int]]:
    """The one-to-one matching of predicted to gold events, as (pred index, gold index).

    Maximizes the matched predictions, then the agreement of the pairs, then the
    matched non-optional gold events (see the module notes). ``actors`` are the
    gold actors, whose aliases help compare event actors in the tie-break.
    ``undated_matches_any`` lets a prediction without dates match dated gold events.

    >>> from datetime import date
    >>> d = date(2025, 6, 2)
    >>> golds = [GoldEvent("a", "Statement", "Occurred", d, d),
    ...          GoldEvent("b", "Statement", "Occurred", None, date(2025, 6, 9))]
    >>> preds = [PredictedEvent("Statement", "Occurred", None, None),
    ...          PredictedEvent("Statement", "Occurred", date(2025, 6, 5), date(2025, 6, 5))]
    >>> match_events(preds, golds)  # the undated one matches no dated gold event
    [(1, 1)]
    >>> match_events(preds, golds, undated_matches_any=True)  # it takes "a", the dated one "b"
    [(0, 0), (1, 1)]
    """
    names = _Names(actors)
    n = min(len(preds), len(golds))
    scale = 202 * (n + 1)  # larger than any sum of the tie-break terms
    weights = {}
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if _admissible(p, g, undated_matches_any):
                weights[(i, j)] = scale + 2 * _quality(p, g, names) + (not g.optional)
    return _assign(len(preds), len(golds), weights)


def _why_missed(g: GoldEvent, preds: Sequence[PredictedEvent], undated_matches_any: bool) -> str:
    same = [(i, p) for i, p in enumerate(preds) if p.type == g.type]
    if not same:
        return f"no predicted {g.type}"
    if any(_admissible(p, g, undated_matches_any) for _, p in same):
        return f"its candidate {g.type} predictions matched other gold events"
    reasons = []
    if not any(_dates_compatible(p, g, undated_matches_any) for _, p in same):
        reasons.append("dates")
    if not any(_place_ok(p, g) for _, p in same):
        reasons.append("place")
    if not any(_round_ok(p, g) for _, p in same):
        reasons.append("round")
    return f"{len(same)} predicted {g.type} disagree on " + (" or ".join(reasons) or
                                                             "a combination of dates, place and round")
