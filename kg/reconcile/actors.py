"""Actors across documents: the keys that identify one actor, the merge of its records, and the resolver of names to merged actors."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from kg.records import Actor
from kg.reconcile.constants import _DAY_MIN
from kg.reconcile.records import MergedActor, _squeeze, find_root, name_key, raw_key



# --- actors -------------------------------------------------------------------
def actor_keys(actor: Actor) -> frozenset[str]:
    """The identity keys of an actor record (names, spelling variants, Wikidata).

    A name is one actor whatever class a document gave it: the actor's IRI is made
    from its name, so two records of one name are one node, and the merge keeps the
    class most documents give (one text may take an organization for a person).
    Names are compared by :func:`~kg.reconcile.records.name_key`, which folds letters
    as the IRI's slug does, so that two spellings minted one IRI ("Kærby",
    "Kaerby") are one actor; a name with no letter the slug keeps is compared whole.

    >>> sorted(actor_keys(Actor("Volodymyr Zelenskyy", "Person", aliases=("Zelensky",))))
    ['n|volodymyr zelenskyy', 'n|zelensky', 's|volodymyr zelensky']
    >>> sorted(actor_keys(Actor("Recep Tayyip Erdoğan", "Person", aliases=("Тайип", "--"))))
    ['n|recep tayyip erdogan', 'r|тайип', 's|recep tayip erdogan', 'x|--']
    >>> [m.kind for m in merge_actors([(None, "d1", Actor("Renvo", "Organization")),
    ...                                (None, "d2", Actor("Renvo", "Person")),
    ...                                (None, "d3", Actor("Renvo", "Organization"))])]
    ['Organization']
    """
    keys = set()
    for name in (actor.name, *actor.aliases):
        if not name or not name.strip():
            continue
        k = name_key(name)
        if not k:  # no letter the slug keeps: the name compared whole, or as it is
            keys.add(f"r|{raw_key(name)}" if raw_key(name) else f"x|{name}")
            continue
        for k in {k, name_key(name, capitals=True)}:
            keys.add(f"n|{k}")
            if actor.kind == "Person" and " " in k:
                keys.add(f"s|{_squeeze(k)}")
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

    owner: dict[str, int] = {}
    for i, (_, _, actor) in enumerate(recs):
        for key in actor_keys(actor):
            j = owner.setdefault(key, i)
            ri, rj = find_root(parent, i), find_root(parent, j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        groups[find_root(parent, i)].append(i)
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
        if alias != name and (name_key(alias) or raw_key(alias)):
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


def lookup_key(name: str | None) -> str:
    """The key a :class:`NameResolver` files a name under: its
    :func:`~kg.reconcile.records.name_key`, or ``=`` and the whole name folded
    (:func:`~kg.reconcile.records.raw_key`; the name as it is without a letter or
    digit) when that is empty; empty for a blank name.

    >>> lookup_key("Gül"), lookup_key("Тбилиси"), lookup_key("--"), lookup_key(" ")
    ('gul', '=тбилиси', '=--', '')
    """
    if not name or not name.strip():
        return ""
    return name_key(name) or "=" + (raw_key(name) or name)


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
        out = [k for x in (name, *aliases) for k in dict.fromkeys((lookup_key(x), name_key(x, capitals=True)))
               if k]
        if kind == "Person":
            out += ["~" + _squeeze(k) for k in list(out) if " " in k and not k.startswith("=")]
        return out

    def __call__(self, name: str) -> str:
        hit = self._memo.get(name)
        if hit is None:
            hit = self._memo[name] = self._resolve(name)
        return hit

    def _resolve(self, name: str) -> str:
        k = lookup_key(name)
        if not k:
            return name
        hit = self.map.get(k)
        if hit is None and not k.startswith("="):
            capitals = name_key(name, capitals=True)
            hit = self.map.get(capitals)
            for k in dict.fromkeys((k, capitals)):
                if hit is None and " " in k:
                    hit = self.map.get("~" + _squeeze(k))
        return hit or name
