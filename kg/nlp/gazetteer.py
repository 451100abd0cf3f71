"""The actor gazetteer: well-known actors and the cue word lists of ``kg_actors``.

``ontology/gazetteer/*.jsonl`` hold one actor a line (name, kind, aliases,
demonyms, capitals, title, affiliation, wikidata); ``cues.json`` holds the word
lists the recognizer reads (title words, honorifics, speech verbs ...).

>>> g = load_gazetteer()
>>> g.entries["Ukraine"].kind, g.surfaces["Ukrainian"]
('Country', ('Ukraine', 'demonym'))
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.errors import ExtractionError
from kg.resources import ONTOLOGY_DIR

__all__ = ["GAZETTEER_DIR", "GazetteerEntry", "Gazetteer", "load_gazetteer"]

GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One well-known actor of the gazetteer."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None
    wikidata: str | None = None
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seat_of_government: bool = False
    ambiguous: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Entries by canonical name, surface forms and the cue word lists.

    ``surfaces`` maps a surface form to ``(canonical name, role)`` with role one of
    ``name`` (name or alias), ``demonym``, ``capital``.

    >>> g = load_gazetteer()
    >>> g.surfaces["Kyiv"], g.surfaces["Omani"], g.entries["Kremlin"].affiliation
    (('Ukraine', 'capital'), ('Oman', 'demonym'), 'Russia')
    """

    entries: dict[str, GazetteerEntry]
    surfaces: dict[str, tuple[str, str]]
    ambiguous: frozenset[str]
    cues: dict
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def entry(self, name: str) -> GazetteerEntry | None:
        return self.entries.get(name)


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ExtractionError(f"{path}:{n}: not valid JSON: {exc.msg}") from exc
    return rows


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("an", "i", "ot")):
        return demonym + "s"
    return None


@lru_cache(maxsize=8)
def load_gazetteer(directory: str | Path | None = None) -> Gazetteer:
    """Read every ``*.jsonl`` of the gazetteer folder and ``cues.json`` (cached)."""
    folder = Path(directory) if directory is not None else GAZETTEER_DIR
    if not folder.is_dir():
        raise ExtractionError(f"{folder}: gazetteer folder is missing")
    entries: dict[str, GazetteerEntry] = {}
    surfaces: dict[str, tuple[str, str]] = {}
    ambiguous: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for n, row in enumerate(_read_jsonl(path), 1):
            if "name" not in row or row.get("kind") not in ("Person", "Country", "Organization"):
                raise ExtractionError(f"{path}:{n}: needs a name and a kind (Person|Country|Organization)")
            e = GazetteerEntry(
                name=row["name"],
                kind=row["kind"],
                aliases=tuple(row.get("aliases") or ()),
                title=row.get("title"),
                affiliation=row.get("affiliation"),
                wikidata=row.get("wikidata"),
                demonyms=tuple(row.get("demonyms") or ()),
                capitals=tuple(row.get("capitals") or ()),
                seat_of_government=bool(row.get("seat_of_government")),
                ambiguous=tuple(row.get("ambiguous") or ()),
            )
            entries[e.name] = e
            ambiguous.update(e.ambiguous)
            for s in (e.name, *e.aliases):
                surfaces.setdefault(s, (e.name, "name"))
                if s.startswith("the "):
                    surfaces.setdefault("The " + s[4:], (e.name, "name"))
            for s in e.demonyms:
                surfaces.setdefault(s, (e.name, "demonym"))
                plural = _plural(s)
                if plural:
                    surfaces.setdefault(plural, (e.name, "demonym"))
            for s in e.capitals:
                surfaces.setdefault(s, (e.name, "capital"))
    cues_path = folder / "cues.json"
    if not cues_path.exists():
        cues_path = GAZETTEER_DIR / "cues.json"
    try:
        cues = json.loads(cues_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ExtractionError(f"{cues_path}: cannot read the cue word lists: {exc}") from exc
    words = {k: frozenset(v) for k, v in cues.items() if isinstance(v, list)}
    return Gazetteer(entries, surfaces, frozenset(ambiguous), cues, words)
