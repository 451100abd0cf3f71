"""The ``kg_actors`` component: finds mentions of persons, countries and organizations.

Evidence is layered:

1. a gazetteer of well-known actors (``ontology/gazetteer/*.jsonl``): canonical names,
   aliases and transliterations, demonyms and capitals of countries;
2. title patterns that find people nobody listed ("Norwegian Foreign Minister Espen
   Barth Eide", "the head of the Azerbaijani delegation, Elchin Amirbayov,",
   "X, the foreign minister of Y,", "led by X", "X, who heads ...");
3. metonymy: a capital ("Kyiv", "Washington") or a seat of government ("the Kremlin")
   acting as an actor, a demonym with an actor noun ("the Russian side");
4. in-document coreference of short forms ("Umerov" after "Rustem Umerov");
5. the trained NER's PERSON entities, kept only with evidence (a title, a verb of
   saying, an apposition).

The component only annotates. It writes three span groups:

- ``doc.spans["kg_actors"]``: mentions acting as actors; ``label_`` is the kind
  (Person, Country, Organization), ``kb_id_`` the canonical name and ``id_`` says
  ``"<source>:<role>"`` (source: gazetteer, capital, demonym, title, ner, coref;
  role: actor or weak, weak being a demonym that qualifies a non-actor noun);
- ``doc.spans["kg_actor_places"]``: countries, capitals and organizations named as
  places ("in Belarus", "in Moscow", "at the White House");
- ``doc.spans["kg_titles"]``: job titles the text gives a person (label ``Title``;
  ``kb_id_`` is the person, ``id_`` the canonical name of the country or organization
  the title or its context names), or, label ``Affiliation``, the person's name when
  the text gives an affiliation but no title ("Turkey's Mevlut Cavusoglu").

Word lists live in ``ontology/gazetteer/cues.json``.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_actors")
>>> doc = nlp("Norwegian Foreign Minister Espen Barth Eide said Kyiv's team was ready.")
>>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["kg_actors"]]
[('Norwegian', 'Country', 'Norway'), ('Espen Barth Eide', 'Person', 'Espen Barth Eide'), ('Kyiv', 'Country', 'Ukraine')]
>>> [(s.text, s.kb_id_, s.id_) for s in doc.spans["kg_titles"]]
[('Norwegian Foreign Minister', 'Espen Barth Eide', 'Norway')]
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.errors import ExtractionError
from kg.resources import ONTOLOGY_DIR

__all__ = [
    "GAZETTEER_DIR",
    "GazetteerEntry",
    "Gazetteer",
    "load_gazetteer",
    "ActorRecognizer",
    "SPANS_KEY",
    "PLACES_KEY",
    "TITLES_KEY",
]

GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteer"
SPANS_KEY = "kg_actors"
PLACES_KEY = "kg_actor_places"
TITLES_KEY = "kg_titles"

_APOS = ("'s", "’s", "'", "’")


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


@dataclass(slots=True)
class _Hit:
    start: int  # token indices
    end: int
    name: str
    kind: str
    source: str  # gazetteer, capital, demonym, title, ner, coref
    role: str = "actor"  # actor, weak, place


@dataclass(slots=True)
class _Title:
    start: int
    end: int
    person: str
    affiliation: str = ""
    label: str = "Title"  # or "Affiliation": the span is the name, no title given


@Language.factory("kg_actors", default_config={"gazetteer_dir": None})
def make_actor_recognizer(nlp: Language, name: str, gazetteer_dir: str | None) -> ActorRecognizer:
    """Factory of the ``kg_actors`` component."""
    return ActorRecognizer(nlp, name, gazetteer_dir=gazetteer_dir)


class ActorRecognizer:
    """Annotates actor mentions (see the module docstring)."""

    _NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "NORP", "LOC", "WORK_OF_ART"})

    def __init__(self, nlp: Language, name: str = "kg_actors", *, gazetteer_dir: str | None = None):
        self.name = name
        self.gaz = load_gazetteer(gazetteer_dir)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, tuple[str, str]] = {}
        for surface, value in self.gaz.surfaces.items():
            key = nlp.vocab.strings.add(f"kg_actor::{surface}")
            self._keys[key] = value
            self.matcher.add(f"kg_actor::{surface}", [nlp.make_doc(surface)])
        self.vocab = nlp.vocab
        w = self.gaz.words
        self.title_heads = w.get("title_heads", frozenset())
        self.title_words = self.title_heads | w.get("title_modifiers", frozenset())
        self.honorifics = w.get("honorifics", frozenset())
        self.particles = w.get("name_particles", frozenset())
        self.actor_nouns = w.get("actor_nouns", frozenset()) | self.title_words
        self.loc_preps = w.get("locative_prepositions", frozenset())
        self.loc_heads = w.get("locative_heads", frozenset())
        self.from_nouns = w.get("actor_from_nouns", frozenset())
        self.nego_nouns = w.get("negotiation_nouns", frozenset())
        self.speech = w.get("speech_verbs", frozenset())
        self.lead_verbs = w.get("lead_verbs", frozenset())
        self.saying = w.get("saying_verbs", frozenset())
        self.org_heads = w.get("org_heads", frozenset())
        self.not_names = w.get("not_names", frozenset())
        self.relative_verbs: dict[str, str] = self.gaz.cues.get("relative_verbs", {})

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        hits, titles = self.match(doc)
        self.set_annotations(doc, hits, titles)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    # ------------------------------------------------------------------ match
    def match(self, doc: Doc) -> tuple[list[_Hit], list[_Title]]:
        """Find actor mentions and titles (token offsets); nothing is written to ``doc``."""
        self._has_dep = doc.has_annotation("DEP")
        self._has_ents = doc.has_annotation("ENT_IOB")
        gaz_hits = self._gazetteer_hits(doc)
        institutions = self._institutions(doc, gaz_hits)
        inside = {i for h in institutions for i in range(h.start, h.end)}
        gaz_hits = [h for h in gaz_hits if not any(i in inside for i in range(h.start, h.end))]
        gaz_hits += institutions
        gaz_hits.sort(key=lambda h: h.start)
        self._covered = {i: h for h in gaz_hits for i in range(h.start, h.end)}
        persons: list[_Hit] = []
        titles: list[_Title] = []
        self._person_patterns(doc, persons, titles)
        self._ner_persons(doc, persons)
        self._quoted_speakers(doc, persons)
        self._conjunct_persons(doc, persons, gaz_hits)
        self._merge_variants(persons)
        persons[:] = [p for p in persons if not self._commentator(doc, p)]
        # a listed surname belongs to the person of this document who bears it ("Nawaz Sharif")
        own = {p.name.split()[-1] for p in persons if p.name not in self.gaz.entries and len(p.name.split()) >= 2}
        gaz_hits = [h for h in gaz_hits if not (h.kind == "Person" and h.end - h.start == 1 and doc[h.start].text in own)]
        # persons override gazetteer place/country hits they overlap (e.g. "Jordan" in a name)
        taken: set[int] = set()
        out: list[_Hit] = []
        for p in sorted(persons, key=lambda h: (h.start, -(h.end - h.start))):
            if any(i in taken for i in range(p.start, p.end)):
                continue
            taken.update(range(p.start, p.end))
            out.append(p)
        for h in gaz_hits:
            if any(i in taken for i in range(h.start, h.end)):
                continue
            taken.update(range(h.start, h.end))
            out.append(h)
        out.extend(self._coref(doc, out, taken))
        # names coordinated with short forms found by coreference ("between Zelenskyy and Putin")
        more: list[_Hit] = []
        self._conjunct_persons(doc, more, [h for h in out if h.kind == "Person"], taken=taken)
        if more:
            self._merge_variants(out + more)
            out.extend(more)
            taken.update(i for h in more for i in range(h.start, h.end))
            out.extend(self._coref(doc, more, taken))
        out.sort(key=lambda h: (h.start, h.end))
        self._ends = {h.end: h for h in out}
        for h in out:
            if h.kind != "Person":
                h.role = self._role(doc, h)
        out.sort(key=lambda h: (h.start, h.end))
        return out, titles

    def set_annotations(self, doc: Doc, hits: list[_Hit], titles: list[_Title]) -> None:
        """Write the span groups ``kg_actors``, ``kg_actor_places`` and ``kg_titles``."""
        actors, places = [], []
        for h in hits:
            span = Span(doc, h.start, h.end, label=h.kind, kb_id=h.name, span_id=f"{h.source}:{h.role}")
            (places if h.role == "place" else actors).append(span)
        doc.spans[SPANS_KEY] = actors
        doc.spans[PLACES_KEY] = places
        doc.spans[TITLES_KEY] = [
            Span(doc, t.start, t.end, label=t.label, kb_id=t.person, span_id=t.affiliation)
            for t in sorted(titles, key=lambda t: (t.start, t.end))
        ]

    # ------------------------------------------------------------------ gazetteer
    def _gazetteer_hits(self, doc: Doc) -> list[_Hit]:
        found = []
        for key, s, e in self.matcher(doc):
            name, role = self._keys[key]
            surface = doc[s:e].text
            if surface in self.gaz.ambiguous and self._in_longer_name(doc, s, e):
                continue
            if role == "capital" and self._glued_right(doc, e):
                continue  # "Washington Post", "Kyiv Independent", "Tehran Times"
            entry = self.gaz.entries[name]
            if (
                entry.kind == "Person"
                and surface != name
                and e - s == 1
                and s > 0
                and not doc[s].is_sent_start
                and self._is_cap_word(doc[s - 1])
                and doc[s - 1].lower_ not in self.title_words
                and doc[s - 1].lower_ not in self.honorifics
                and doc[s - 1].text not in self.not_names
                and doc[s - 1].text not in self.gaz.surfaces
            ):
                continue  # a listed surname inside another person's name: "Nawaz Sharif"
            source = {"name": "gazetteer", "demonym": "demonym", "capital": "capital"}[role]
            found.append(_Hit(s, e, name, entry.kind, source))
        # longest first, then leftmost
        found.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: set[int] = set()
        result = []
        for h in found:
            if any(i in taken for i in range(h.start, h.end)):
                continue
            taken.update(range(h.start, h.end))
            result.append(h)
        return sorted(result, key=lambda h: h.start)

    def _glued_right(self, doc: Doc, e: int) -> bool:
        return (
            e < len(doc)
            and self._is_cap_word(doc[e])
            and doc[e].lower_ not in self.title_words
            and doc[e].text not in self.not_names
            and doc[e].text not in self.gaz.surfaces
        )

    def _in_longer_name(self, doc: Doc, s: int, e: int) -> bool:
        """An ambiguous surface ("Washington", "Chad") glued to other capitalized words."""
        if e < len(doc) and self._is_cap_word(doc[e]) and doc[e].lower_ not in self.title_words:
            return True
        if s > 0 and self._is_cap_word(doc[s - 1]) and not doc[s - 1].is_sent_start:
            prev = doc[s - 1]
            if prev.lower_ not in self.title_words and prev.text not in self.not_names:
                return True
        return False

    # ------------------------------------------------------------------ names
    def _is_cap_word(self, tok) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    def _is_name_word(self, doc: Doc, i: int) -> bool:
        tok = doc[i]
        t = tok.text
        if not t or not t[0].isupper() or not t.replace("'", "").replace("’", "").replace(".", "").isalpha():
            return False
        if len(t) > 1 and t.isupper() and len(t) > 3:
            return False
        if t in self.not_names or t in self.org_heads:
            return False
        if tok.lower_ in self.title_words or tok.lower_ in self.honorifics:
            return False
        h = self._covered.get(i)
        if h is not None and h.kind != "Person":
            return False
        return True

    def _scan_name(self, doc: Doc, i: int, *, max_len: int = 6) -> tuple[int, int, int] | None:
        """A personal name starting at token ``i``: (span start, name start, end) or None.

        The span may start with honorifics ("Sheikh"); the name proper starts after them.
        """
        n = len(doc)
        j = i
        while j < n and doc[j].lower_ in self.honorifics and doc[j].text[0].isupper():
            j += 1
        name_start = j
        while j < n and j - name_start < max_len:
            if self._is_name_word(doc, j):
                j += 1
                continue
            h = self._covered.get(j)
            if (
                j == name_start
                and j > 0
                and doc[j - 1].lower_ in self.title_heads
                and h is not None
                and h.kind == "Country"
                and h.end == j + 1
                and h.source == "gazetteer"
                and j + 1 < n
                and self._is_name_word(doc, j + 1)
            ):
                j += 1  # a given name that is a country's: "Defence Minister Israel Katz"
                continue
            if (
                j == name_start
                and j > 0
                and doc[j - 1].lower_ in self.title_heads
                and doc[j].text in self.not_names
                and doc[j].is_alpha
                and j + 1 < n
                and self._is_name_word(doc, j + 1)
            ):
                j += 1  # a family name that is also a word: "Vice Premier He Lifeng"
                continue
            tok = doc[j]
            # a bracketed given name, as translators write it: "(Rustem) Umerov"
            if tok.text == "(" and j + 2 < n and self._is_name_word(doc, j + 1) and doc[j + 2].text == ")":
                if j + 3 < n and self._is_name_word(doc, j + 3):
                    j += 3
                    continue
            if tok.text == ")" and j > name_start and doc[j - 2].text == "(" and j + 1 < n and self._is_name_word(doc, j + 1):
                j += 1
                continue
            if (
                tok.lower_ in self.particles
                and j + 1 < n
                and (self._is_name_word(doc, j + 1) or doc[j + 1].text == "-")
            ):
                j += 1
                continue
            if (
                tok.text in ("-", "‐", "‑")
                and j > name_start
                and not doc[j - 1].whitespace_
                and not tok.whitespace_
                and j + 1 < n
                and self._is_name_word(doc, j + 1)
            ):
                j += 1
                continue
            break
        while j > name_start and (doc[j - 1].lower_ in self.particles or doc[j - 1].text in ("-", "‐", "‑")):
            j -= 1
        if j <= name_start:
            return None
        return i, name_start, j

    def _person_name(self, doc: Doc, name_start: int, end: int) -> str:
        """Canonical name of a person span: a gazetteer person if it names one."""
        text = ""
        for tok in doc[name_start:end]:
            if tok.text in ("(", ")"):
                if text and not text.endswith(" "):
                    text += " "
                continue
            text += tok.text + (tok.whitespace_ and " ")
        text = " ".join(text.split())
        entry = self.gaz.surfaces.get(text)
        if entry and self.gaz.entries[entry[0]].kind == "Person":
            return entry[0]
        return text

    def _add_person(self, doc, persons, titles, span, source, title=None, affiliation=""):
        s, ns, e = span
        name = self._person_name(doc, ns, e)
        if ns == e:
            return None
        if name not in self.gaz.entries and e - ns < 2 and source not in ("title",):
            return None
        persons.append(_Hit(s, e, name, "Person", source))
        if title is not None and title[1] > title[0]:
            titles.append(_Title(title[0], title[1], name, affiliation or ""))
        elif affiliation:
            titles.append(_Title(ns, e, name, affiliation, "Affiliation"))
        return name

    # ------------------------------------------------------------------ patterns
    def _title_phrase_before(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """A title phrase ending at token ``i - 1``: (start, affiliation) or None."""
        j = i - 1
        if j < 0:
            return None
        if doc[j].lower_ not in self.title_heads:
            # "Secretary of State X", "Minister for Foreign Affairs X": a head, "of"/"for",
            # then capitalized title words
            k = j
            while k >= 0 and j - k < 3 and doc[k].lower_ in self.title_words and doc[k].text[:1].isupper():
                k -= 1
            if not (k > 0 and k < j and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in self.title_heads):
                return None
        start = i
        affiliation = ""
        k = j
        while k >= 0:
            tok = doc[k]
            h = self._covered.get(k)
            if h is not None and h.kind in ("Country", "Organization"):
                affiliation = affiliation or self._affiliation_of(h)
                k = h.start - 1
                start = h.start
                continue
            if tok.text in _APOS and k > 0 and self._covered.get(k - 1) is not None:
                k -= 1
                continue
            if tok.text == ")":
                o = k - 1
                while o >= 0 and k - o < 12 and doc[o].text != "(":
                    o -= 1
                before = self._covered.get(o - 1) if o > 0 else None
                if o >= 0 and doc[o].text == "(" and before is not None and before.kind == "Organization":
                    k = o - 1
                    continue
                break
            if tok.lower_ in self.title_words and tok.lower_ not in ("and", "&"):
                start = k
                k -= 1
                continue
            if (
                k + 1 < i
                and doc[k + 1].lower_ in self.title_heads
                and doc[k + 1].text[:1].isupper()
                and tok.is_alpha
                and tok.text[:1].isupper()
                and tok.text not in self.not_names
                and not tok.is_sent_start
            ):
                start = k  # a portfolio: "Water Minister", "Agriculture Secretary"
                k -= 1
                continue
            if tok.lower_ == "for" and k > 0 and doc[k - 1].lower_ in self.title_heads and k + 1 < i \
                    and doc[k + 1].text[:1].isupper():
                k -= 1
                continue
            if (
                tok.lower_ in ("and", "&", "-")
                and k > 0
                and doc[k - 1].lower_ in self.title_words
                and self._covered.get(k - 1) is None
            ) or (
                tok.lower_ == "of"
                and k > 0
                and (doc[k - 1].lower_ in self.title_words or self._covered.get(k - 1) is not None)
            ):
                k -= 1
                continue
            break
        return start, affiliation

    def _affiliation_of(self, hit: _Hit) -> str:
        entry = self.gaz.entries.get(hit.name)
        if entry is not None and entry.kind == "Organization" and entry.seat_of_government and entry.affiliation:
            return entry.affiliation
        return hit.name

    def _phrase(self, doc: Doc, start: int, end: int) -> tuple[bool, str]:
        """Whether tokens [start, end) form a title phrase; and the affiliation it names."""
        if end - start > 12 or end <= start:
            return False, ""
        has_head = False
        affiliation = ""
        allowed = self.gaz.words.get("phrase_fillers", frozenset())
        k = start
        while k < end:
            tok = doc[k]
            h = self._covered.get(k)
            if h is not None and h.kind != "Person":
                if not affiliation:
                    affiliation = self._affiliation_of(h)
                k = h.end
                continue
            low = tok.lower_
            if low in self.title_heads:
                has_head = True
            elif not (
                low in self.title_words
                or low in allowed
                or low in self.actor_nouns
                or tok.text in _APOS
                or (tok.is_lower and tok.is_alpha)
            ):
                return False, ""
            k += 1
        return has_head, affiliation

    def _person_patterns(self, doc: Doc, persons: list[_Hit], titles: list[_Title]) -> None:
        n = len(doc)
        i = 0
        while i < n:
            after_title = i > 0 and doc[i - 1].lower_ in self.title_heads
            bracket = doc[i].text == "(" and after_title
            word = after_title and (doc[i].text in self.not_names or i in self._covered)  # "Premier He Lifeng"
            if not (self._is_name_word(doc, i) or doc[i].lower_ in self.honorifics or bracket or word):
                i += 1
                continue
            span = self._scan_name(doc, i)
            if span is None:
                i += 1
                continue
            s, ns, e = span
            found = self._evidence(doc, span, persons, titles)
            if found:
                # "Foreign Ministers A B and C D": the title covers the conjunct too
                plural_title = s > 0 and doc[s - 1].lower_ in self.title_heads and doc[s - 1].lower_.endswith("s")
                if plural_title and e + 1 < n and doc[e].lower_ == "and":
                    other = self._scan_name(doc, e + 1)
                    if other is not None and other[2] - other[1] >= 2:
                        t = titles[-1:] if titles and titles[-1].person == found else []
                        tspan = (t[-1].start, t[-1].end) if t else None
                        self._add_person(doc, persons, titles, other, "title", tspan, t[-1].affiliation if t else "")
                        e = other[2]
            i = max(e, i + 1)

    def _evidence(self, doc: Doc, span, persons, titles) -> str | None:
        s, ns, e = span
        n = len(doc)
        led = s >= 2 and doc[s - 1].lower_ == "by" and doc[s - 2].lower_ in self.lead_verbs
        lead_aff = self._context_affiliation(doc, s - 2) if led else ""
        # 1. title before: "Turkish Foreign Minister Hakan Fidan", "presidential aide X"
        tp = self._title_phrase_before(doc, s)
        if tp is not None:
            ts, aff = tp
            return self._add_person(doc, persons, titles, span, "title", (ts, s), aff)
        # 2. possessive country before: "Turkey's Mevlut Cavusoglu"
        if s >= 2 and doc[s - 1].text in _APOS:
            h = self._covered.get(s - 2)
            if h is not None and h.kind == "Country" and e - ns >= 2:
                return self._add_person(doc, persons, titles, span, "title", None, h.name)
        # 3. apposition after: "X, the foreign minister of host Turkey," / "X, president of Y"
        if e < n and doc[e].text == ",":
            k = e + 1
            while k < n and k - e <= 12 and doc[k].text not in (",", ".", ";", ":", "(", ")", "\n") and not doc[k].text.startswith("\n"):
                k += 1
            ok, aff = self._phrase(doc, e + 1, k)
            if ok and (k == n or doc[k].text in (",", ".", ";", ":")):
                return self._add_person(doc, persons, titles, span, "title", (e + 1, k), aff or lead_aff)
            # "X, who heads the ruling party's faction in parliament"
            if e + 2 < n and doc[e + 1].lower_ == "who":
                verb = doc[e + 2].lower_
                if verb in self.relative_verbs and e - ns >= 2:
                    k = e + 3
                    while k < n and doc[k].text not in (",", ".", ";", ":") and k - e < 16:
                        k += 1
                    return self._add_person(doc, persons, titles, span, "title", (e + 2, k), lead_aff)
        # 4. apposition before: "the head of the Azerbaijani delegation, Elchin Amirbayov,"
        if s >= 2 and doc[s - 1].text == "," and e - ns >= 2:
            k = s - 2
            while k >= 0 and s - k <= 12 and doc[k].text not in (",", ".", ";", ":", "“", '"') and not doc[k].is_sent_start:
                k -= 1
            start = k if k >= 0 and doc[k].is_sent_start and doc[k].text not in (",", ".", ";", ":", "“", '"') else k + 1
            ok, aff = self._phrase(doc, start, s - 1)
            if ok and (e >= n or doc[e].text in (",", ".", ";") or doc[e].lower_ in self.speech):
                return self._add_person(doc, persons, titles, span, "title", (start, s - 1), aff)
        # 5. "led by X", "headed by X" (a full name)
        if led and e - ns >= 2:
            return self._add_person(doc, persons, titles, span, "title", None, lead_aff)
        # 6. an honorific marks a person: "Mr Okafor", "Sheikh Tamim"
        if ns > s:
            return self._add_person(doc, persons, titles, span, "title", None, lead_aff)
        return None

    def _context_affiliation(self, doc: Doc, i: int) -> str:
        """The country owning the team/delegation of "Kyiv's delegation was led by"."""
        k = i - 1
        while k >= 0 and i - k <= 8 and doc[k].text not in (".", ";", "\n"):
            h = self._covered.get(k)
            if h is not None and h.kind in ("Country", "Organization"):
                nxt = doc[h.end] if h.end < len(doc) else None
                if nxt is not None and (nxt.text in _APOS or nxt.lower_ in self.actor_nouns):
                    return self._affiliation_of(h)
            k -= 1
        return ""

    def _ner_persons(self, doc: Doc, persons: list[_Hit]) -> None:
        """PERSON entities of the trained NER, kept with evidence only."""
        if not self._has_ents:
            return
        taken = {i for p in persons for i in range(p.start, p.end)}
        n = len(doc)
        for ent in doc.ents:
            if ent.label_ not in self._NAME_LABELS or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if ent.label_ != "PERSON" and any(t.text in self.org_heads for t in ent):
                continue
            first = ent.start
            while first > 0 and not doc[first].is_sent_start and self._is_name_word(doc, first - 1) \
                    and (first - 1) not in taken and ent.start - first < 3:
                first -= 1  # "Rustem Umierov" when the model tagged only "Umierov"
            span = self._scan_name(doc, first)
            if span is None:
                continue
            s, ns, e = span
            if e < ent.end or e > ent.end + 1 or self._covered.get(ns) is not None:
                continue
            if e - ns < 2:
                # one word: a person only when the model says so and the word says something
                said = (e < n and doc[e].lower_ in self.saying) or (s > 0 and doc[s - 1].lower_ in self.saying)
                if ent.label_ == "PERSON" and said and not doc[ns].is_sent_start:
                    persons.append(_Hit(s, e, self._person_name(doc, ns, e), "Person", "ner"))
                    taken.update(range(s, e))
                continue
            evidence = False
            if e < n and (doc[e].lower_ in self.speech or doc[e].text == ","):
                nxt = doc[e] if doc[e].text != "," else None
                evidence = nxt is not None or any(
                    doc[k].lower_ in self.speech for k in range(e + 1, min(n, e + 3))
                )
            if s > 0 and doc[s - 1].lower_ in self.speech:
                evidence = True
            if ent.label_ == "PERSON" and e < n and doc[e].text == "," and any(
                    doc[k].lower_ in self.title_heads for k in range(e + 1, min(n, e + 6))):
                evidence = True  # "X, national security adviser to the prime minister, signed"
            if self._has_dep:
                root = doc[ns:e].root
                if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in self.speech:
                    evidence = True
                if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ in self.lead_verbs:
                    evidence = True
            if ent.label_ != "PERSON":
                # the small model often labels unfamiliar names ORG or FAC: a person-shaped
                # name of 2-3 words that says something is a person
                said = (e < n and doc[e].lower_ in self.saying) or (s > 0 and doc[s - 1].lower_ in self.saying)
                if self._has_dep:
                    root = doc[ns:e].root
                    said = said or (root.dep_ == "nsubj" and root.head.lower_ in self.saying)
                evidence = said and 2 <= e - ns <= 3 and ent.end == e
            if evidence:
                persons.append(_Hit(s, e, self._person_name(doc, ns, e), "Person", "ner"))
                taken.update(range(s, e))

    def _institutions(self, doc: Doc, gaz_hits: list[_Hit]) -> list[_Hit]:
        """Organizations nobody listed: an ORG entity named like an institution
        ("the Rapid Support Forces"), with its acronym ("RSF") wherever it appears.
        Such a name may contain a listed one ("United Nations Relief and Works Agency")."""
        if not self._has_ents:
            return []
        taken: set[int] = set()
        by_token = {i: h for h in gaz_hits for i in range(h.start, h.end)}
        self._listed = set(by_token)
        heads = self.gaz.words.get("institution_heads", frozenset())
        found: list[_Hit] = []
        acronyms: dict[str, str] = {}
        employers: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start, ent.end
            while s < e and doc[s].lower_ == "the":
                s += 1
            words = [t for t in doc[s:e]]
            if any(i in taken for i in range(s, e)):
                continue
            if e - s < 2 or words[-1].text not in heads:
                if self._employer(doc, s, e):
                    employers.append((s, e))
                continue
            inner = {id(by_token[i]): by_token[i] for i in range(s, e) if i in by_token}.values()
            if any(h.start < s or h.end > e or h.kind == "Person" for h in inner) or any(
                h.start == s and h.end == e for h in inner
            ):
                continue  # overlaps a listed name without containing it, or is one
            if not all(t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "the", "-", "'s", "’s") for t in words):
                continue
            name = doc[s:e].text
            found.append(_Hit(s, e, name, "Organization", "ner"))
            taken.update(range(s, e))
            initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
            if len(initials) >= 2:
                acronyms.setdefault(initials, name)
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and doc[e + 1].is_upper:
                acronyms.setdefault(doc[e + 1].text, name)
        if acronyms:
            listed = {i for h in gaz_hits for i in range(h.start, h.end)}
            for tok in doc:
                if tok.text in acronyms and tok.i not in taken and tok.i not in listed and tok.text not in self.gaz.surfaces:
                    found.append(_Hit(tok.i, tok.i + 1, acronyms[tok.text], "Organization", "coref"))
                    taken.add(tok.i)
        for s, e in employers:  # "CIA Director William Burns", "Mossad chief X": the body a titled person heads
            if not any(i in taken for i in range(s, e)):
                found.append(_Hit(s, e, doc[s:e].text, "Organization", "ner"))
                taken.update(range(s, e))
        return found

    def _employer(self, doc: Doc, s: int, e: int) -> bool:
        """``doc[s:e]`` (an ORG entity not listed anywhere) names the body of a titled
        person who follows: "<ORG> director|chief|spokesman <Person>"."""
        if e - s > 3 or e + 1 >= len(doc) or any(i in self._listed for i in range(s, e)):
            return False
        if not all(t.text[:1].isupper() and t.lower_ not in self.title_words for t in doc[s:e]) \
                or doc[e].lower_ not in self.title_heads or s > 0 and doc[s - 1].lower_ in self.title_words:
            return False  # "Defence Minister X" is a title, not a body
        nxt = doc[e + 1]
        return nxt.ent_type_ == "PERSON" or (nxt.text[:1].isupper() and nxt.ent_type_ == "")

    def _commentator(self, doc: Doc, p: _Hit) -> bool:
        """A person the text presents as an observer ("X, an analyst at ...") takes no part."""
        if p.source not in ("ner",) or p.name in self.gaz.entries:
            return False
        k = p.end
        if k + 2 < len(doc) and doc[k].text == ",":
            k += 1
            while k < len(doc) and k - p.end < 4 and doc[k].lower_ in self.gaz.words.get("observer_modifiers", frozenset()):
                k += 1
            return k < len(doc) and doc[k].lower_ in self.gaz.words.get("observer_nouns", frozenset())
        return False

    def _quoted_speakers(self, doc: Doc, persons: list[_Hit]) -> None:
        """The speaker of a quote: '..., ” Zelenskyy wrote' / '" Medinsky told reporters'."""
        taken = {i for p in persons for i in range(p.start, p.end)}
        quotes = {'"', "”", "“", "'", "’", "''"}
        for i in range(1, len(doc)):
            if doc[i - 1].text not in quotes or i in taken or not self._is_name_word(doc, i):
                continue
            span = self._scan_name(doc, i, max_len=3)
            if span is None:
                continue
            s, ns, e = span
            if e < len(doc) and doc[e].lower_ in self.saying and not any(k in taken for k in range(s, e)):
                persons.append(_Hit(s, e, self._person_name(doc, ns, e), "Person", "ner"))
                taken.update(range(s, e))

    def _conjunct_persons(
        self, doc: Doc, persons: list[_Hit], gaz_hits: list[_Hit], taken: set[int] | None = None
    ) -> None:
        """Names coordinated with a person: "a meeting between Zelenskyy and Vladimir Putin"."""
        n = len(doc)
        anchors = [(h.start, h.end) for h in persons] + [(h.start, h.end) for h in gaz_hits if h.kind == "Person"]
        taken = set(taken or ()) | {i for a, b in anchors for i in range(a, b)}

        def accept(span) -> bool:
            s, ns, e = span
            if any(k in taken for k in range(s, e)) or ns >= e:
                return False
            if e - ns >= 2:
                return True
            return doc[ns].ent_type_ in self._NAME_LABELS and not doc[ns].is_sent_start

        queue = list(anchors)
        while queue:
            s, e = queue.pop()
            found = []
            k = e
            if k < n and doc[k].text == ",":
                k += 1
            if k < n and doc[k].lower_ in ("and", "or"):
                k += 1
            if e < k < n:
                span = self._scan_name(doc, k)
                if span is not None and accept(span):
                    found.append(span)
            k = s - 1
            if k >= 0 and doc[k].lower_ in ("and", "or"):
                k -= 1
            if k >= 0 and doc[k].text == ",":
                k -= 1
            if 0 <= k < s - 1 and self._is_name_word(doc, k):
                start = k
                while start > 0 and k - start < 5 and (
                    self._is_name_word(doc, start - 1) or doc[start - 1].lower_ in self.particles
                ):
                    start -= 1
                span = self._scan_name(doc, start)
                while span is not None and span[2] < k + 1 and start < k:
                    start += 1
                    span = self._scan_name(doc, start)
                if span is not None and span[2] == k + 1 and accept(span):
                    found.append(span)
            for span in found:
                ss, ns, ee = span
                persons.append(_Hit(ss, ee, self._person_name(doc, ns, ee), "Person", "ner"))
                taken.update(range(ss, ee))
                queue.append((ss, ee))

    @staticmethod
    def _name_key(name: str) -> str:
        key = "".join(c for c in name.lower() if c.isalpha())
        for prefix in ("al", "el"):
            if key.startswith(prefix) and len(key) > len(prefix) + 3:
                key = key[len(prefix) :]
        return key

    def _merge_variants(self, persons: list[_Hit]) -> None:
        """Spelling variants of a surname found elsewhere ("al-Busaidi" for "Badr Albusaidi")."""
        surnames: dict[str, str] = {}
        for p in persons:
            parts = p.name.split()
            if len(parts) >= 2:
                surnames.setdefault(self._name_key(parts[-1]), p.name)
        for p in persons:
            if p.name in self.gaz.entries:
                continue
            target = surnames.get(self._name_key(p.name))
            if target is not None and target != p.name:
                p.name = target
                p.source = "coref"

    def _coref(self, doc: Doc, hits: list[_Hit], taken: set[int]) -> list[_Hit]:
        """Short forms of the persons found ("Umerov" after "Rustem Umerov")."""
        short: dict[str, str] = {}
        firsts: dict[str, str | None] = {}
        first_only: set[str] = set()
        for h in hits:
            if h.kind != "Person":
                continue
            entry = self.gaz.entries.get(h.name)
            forms = list(entry.aliases) if entry else []
            parts = h.name.split()
            if len(parts) >= 2:
                forms.append(parts[-1])
                for k, p in enumerate(parts[1:], 1):
                    if p.lower() in self.particles:
                        forms.append(" ".join(parts[k:]))
                        break
            for f in forms:
                listed = self.gaz.surfaces.get(f)
                if len(f) >= 3 and (listed is None or self.gaz.entries[listed[0]].kind == "Person"):
                    short.setdefault(f, h.name)
            if len(parts) >= 2 and parts[0][:1].isupper() and parts[0].lower() not in self.particles \
                    and not self.gaz.surfaces.get(parts[0]) and len(parts[0]) >= 3:
                firsts[parts[0]] = None if firsts.get(parts[0], h.name) != h.name else h.name
        # "Abiy described the deal": a given name alone as the subject of a clause, when
        # one person of the document bears it and nobody has it as a surname
        for f, name in firsts.items():
            if name is not None and f not in short:
                short[f] = name
                first_only.add(f)
        if not short:
            return []
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        names = {}
        for f, name in short.items():
            pattern = doc.vocab.strings.add(f"kg_coref::{f}")
            names[pattern] = name
            matcher.add(f"kg_coref::{f}", [self._make(doc, f)])
        out = []
        for key, s, e in sorted(matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(i in taken for i in range(s, e)):
                continue
            if doc[s:e].text in first_only and not (
                    e - s == 1 and doc[s].dep_ in ("nsubj", "nsubjpass") and doc[s].ent_type_ in ("", "PERSON")):
                continue
            taken.update(range(s, e))
            out.append(_Hit(s, e, names[key], "Person", "coref"))
        return out

    def _make(self, doc: Doc, text: str) -> Doc:
        tokenizer = getattr(self, "_tokenizer", None)
        if tokenizer is None:
            import spacy

            self._tokenizer = tokenizer = spacy.blank("en").tokenizer
        return tokenizer(text)

    # ------------------------------------------------------------------ roles
    def _prev_word(self, doc: Doc, i: int) -> int:
        """Index of the word before token ``i``, skipping articles."""
        k = i - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        return k

    def _role(self, doc: Doc, h: _Hit) -> str:
        n = len(doc)
        nxt = doc[h.end] if h.end < n else None
        possessive = nxt is not None and nxt.text in _APOS
        k = self._prev_word(doc, h.start)
        prev = doc[k] if k >= 0 else None
        locative = prev is not None and prev.lower_ in self.loc_preps
        if prev is not None and prev.lower_ == "to" and k > 0:
            # "travelled to Qatar", "a visit to Moscow": a destination is a place
            locative = doc[k - 1].lower_ in self.gaz.words.get("motion_words", frozenset())
        # conjunction: "in Istanbul and Ankara" inherits the role of the first conjunct
        acts = nxt is not None and nxt.lower_ in self.speech
        if prev is not None and prev.lower_ in ("and", "or", "nor", ",") and not acts:
            first = self._ends.get(k) or self._ends.get(k - 1)
            if first is not None and first is not h and first.kind != "Person":
                if h.source == "demonym":
                    pass  # "Russian and Ukrainian negotiators": decided by the noun below
                elif first.role == "place" and not possessive:
                    return "place"
        if h.source == "demonym":
            return self._demonym_role(doc, h)
        if h.source == "capital":
            if possessive:
                return "actor"
            if locative:
                if prev.lower_ == "from" and k > 0 and doc[self._prev_word(doc, k)].lower_ in self.from_nouns:
                    return "actor"
                return "place"
            if prev is not None and prev.lower_ == "with" and k > 0 and doc[k - 1].lower_ in self.nego_nouns:
                return "actor"
            if self._has_dep:
                tok = doc[h.end - 1]
                dep = tok.dep_
                if dep in ("nsubj", "nsubjpass"):
                    return "actor"
                if dep == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"):
                    return "actor"
                if dep in ("pobj", "dobj", "compound", "npadvmod") and not (nxt is not None and nxt.lower_ in self.speech):
                    return "place"
            if nxt is not None and (nxt.lower_ in self.speech or nxt.text == "," and prev is None):
                return "actor"
            if prev is not None and prev.lower_ in ("neither", "both", "either", "and", "nor"):
                return "actor" if self._later_verb(doc, h.end) else "place"
            return "place"
        # names of countries and organizations
        if possessive:
            return "actor"
        if nxt is not None and nxt.lower_ in self.loc_heads:
            return "place"
        if locative and h.kind == "Organization" and prev.lower_ in ("at", "in") and k > 0 and (
                doc[self._prev_word(doc, k)].lower_ in self.title_heads):
            return "actor"  # "a spokeswoman at the Foreign Office": her employer
        if locative:
            return "place"
        return "actor"

    def _later_verb(self, doc: Doc, i: int) -> bool:
        for k in range(i, min(len(doc), i + 4)):
            if doc[k].lower_ in self.speech:
                return True
        return False

    def _demonym_role(self, doc: Doc, h: _Hit) -> str:
        """"Russian side" -> actor; "Belarusian territory" -> place; "Russian media" -> weak."""
        n = len(doc)
        k = h.end
        # skip a chain "and Ukrainian", ", Turkish" and lower-case adjectives
        steps = 0
        while k < n and steps < 6:
            tok = doc[k]
            h2 = self._covered.get(k)
            if tok.lower_ in ("and", "or", ",", "-") or (h2 is not None and h2.source == "demonym"):
                k = h2.end if h2 is not None and h2.source == "demonym" else k + 1
                steps += 1
                continue
            break
        if k >= n:
            return "weak" if not doc[h.start].text.endswith("s") else "actor"
        low = doc[k].lower_
        if low in self.loc_heads:
            return "place"
        if low in self.actor_nouns or low in self.title_words:
            return "actor"
        if doc[h.start].text.endswith("s") and doc[h.start].text not in ("Swiss",):
            return "actor"  # a plural demonym names the people: "the Russians said"
        return "weak"
