"""Actors of a document: persons, countries and organizations that take part in the story.

:func:`extract_actors` turns the spans of the ``kg_actors`` component into
:class:`~kg.records.Actor` records and a sorted list of resolved mentions.

Which actors are reported (the rule a careful analyst follows):

- every person the text names (gazetteer hits, title patterns, NER with evidence and
  their short forms);
- every organization named other than as a place ("at the White House" is a venue);
- a country when some mention shows it acting: its name other than as the object of a
  place preposition ("talks with Russia", "Turkey's Mevlut Cavusoglu", but not "in
  Belarus"), its capital as a metonym ("Kyiv proposed", "Moscow's team"), or a demonym
  qualifying an actor ("the Russian side", "Turkish Foreign Minister"); or when it is
  the affiliation of a reported person or organization and the text mentions it at all.
  A country named only as a venue ("in Belarus", "on Belarusian territory", "in Rome")
  is a place, not an actor.

Titles prefer what the text says ("Defence Minister Rustem Umerov" -> "Defence Minister
of Ukraine"), then the gazetteer's title.

>>> import spacy
>>> from kg.nlp import add_kg_components, analyze
>>> from kg.records import Document
>>> nlp = add_kg_components(spacy.blank("en"))
>>> text = "Talks\\nTurkish Foreign Minister Hakan Fidan met Russian delegates in Belarus. Fidan said Kyiv's team was ready."
>>> d = Document(id="t", source="t.txt", text=text, sha256="", body_start=6)
>>> (document, doc), = analyze(nlp, [d])
>>> result = extract_actors(doc, document)
>>> [(a.name, a.kind, a.title, a.affiliation) for a in result.actors]
[('Hakan Fidan', 'Person', 'Foreign Minister of Turkey', 'Turkey'), ('Turkey', 'Country', None, None), ('Russia', 'Country', None, None), ('Ukraine', 'Country', None, None)]
>>> actor_at(result, text.index("Fidan said"), text.index("Fidan said") + 5)
'Hakan Fidan'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.records import Actor, Document, Mention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

__all__ = ["ActorMention", "ActorResult", "extract_actors", "actor_at", "normalize_title"]

_KIND_ORDER = {"Person": 0, "Country": 1, "Organization": 2}
_SMALL = {"of", "the", "to", "for", "and", "in", "on", "at", "a", "an"}


@dataclass(frozen=True, slots=True, order=True)
class ActorMention:
    """A resolved actor mention: offsets into ``document.text`` and the canonical name.

    ``role`` is ``actor`` for a mention acting as an actor, ``place`` for a country or
    organization named as a place ("in Moscow").
    """

    start: int
    end: int
    name: str
    kind: str
    role: str = "actor"


@dataclass(frozen=True, slots=True)
class ActorResult:
    """The actors reported for a document and every resolved mention, sorted by start."""

    actors: tuple[Actor, ...] = ()
    mentions: tuple[ActorMention, ...] = ()


def actor_at(result: ActorResult, start: int, end: int, *, places: bool = False) -> str | None:
    """Canonical name of the actor mentioned within ``[start, end)`` (first one), or None.

    A mention counts when it overlaps the range; place mentions count only with
    ``places=True``.

    >>> r = ActorResult(mentions=(ActorMention(0, 4, "Ukraine", "Country"),))
    >>> actor_at(r, 0, 10), actor_at(r, 5, 10)
    ('Ukraine', None)
    """
    for m in result.mentions:
        if m.start < end and start < m.end and (places or m.role == "actor"):
            return m.name
    return None


def normalize_title(
    words: list[tuple[str, str | None]], affiliation: str | None, *, organization: bool = False
) -> str | None:
    """A job title in the gold style from the words of a title phrase.

    ``words`` are ``(text, country)`` pairs, ``country`` being the canonical country a
    word names (a demonym, a country's name or a capital) or None; ``affiliation`` is
    the person's country when known; ``organization`` says that the title names an
    organization ("Kremlin spokesperson"), which then stands for the country.

    >>> normalize_title([("Turkish", "Turkey"), ("Foreign", None), ("Minister", None)], "Turkey")
    'Foreign Minister of Turkey'
    >>> normalize_title([("presidential", None), ("aide", None)], "Russia")
    'Aide to the President of Russia'
    >>> normalize_title([("the", None), ("head", None), ("of", None), ("the", None),
    ...                  ("Azerbaijani", "Azerbaijan"), ("delegation", None)], "Azerbaijan")
    'Head of the Azerbaijani delegation'
    >>> normalize_title([("Kremlin", None), ("spokesperson", None)], "Russia", organization=True)
    'Kremlin spokesperson'
    """
    if len(words) > 2 and [w.lower() for w, _ in words[:2]] == ["according", "to"]:
        words = words[2:]  # "according to Qatar's prime minister, X"
    while words and words[0][0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    while words and words[-1][0].lower() in (",", ".", ";", "the", "a", "an", "at", "in", "with"):
        words = words[:-1]  # "a spokeswoman at the [State Department]": the employer is added apart
    if not words:
        return None
    from kg.nlp.actors import load_gazetteer

    cues = load_gazetteer()
    relative = {k: v for k, v in cues.cues.get("relative_verbs", {}).items() if v}
    title_words = cues.words.get("title_heads", frozenset()) | cues.words.get("title_modifiers", frozenset())
    first = words[0][0].lower()
    if first in relative:
        rest = _join(w for w, _ in words[1:])
        return f"{relative[first]} {rest}".strip()
    if first in ("is", "serves", "was"):
        words = words[1:]
        if words and words[0][0].lower() == "as":
            words = words[1:]
        while words and words[0][0].lower() in ("the", "a", "an"):
            words = words[1:]
        if not words:
            return None
    # split "foreign minister of host Turkey" at the first preposition
    cut = next((i for i, (w, _) in enumerate(words) if w.lower() in ("of", "for", "to")), None)
    country = None
    if cut is not None:
        core, rest = words[:cut], words[cut + 1 :]
        rest_countries = [c for _, c in rest if c]
        filler = {"the", "host", "country", "'s", "’s", "nation", "state"}
        if rest_countries and all(c or w.lower() in filler for w, c in rest):
            country = rest_countries[0]
            words = core
        else:
            text = _join(w for w, _ in words)
            return text[0].upper() + text[1:]
    kept = []
    org_word = organization
    for w, c in words:
        if c:
            country = country or c
            continue
        if w in ("'s", "’s"):
            continue
        kept.append(w)
    if not kept:
        return None
    presidential = [w for w in kept if w.lower() == "presidential"]
    kept = [w for w in kept if w.lower() != "presidential"]
    # a plural head stands for each person ("Foreign Ministers A and B")
    if kept and kept[-1].lower().endswith("s") and kept[-1].lower()[:-1] in title_words:
        kept[-1] = kept[-1][:-1]
    if org_word:
        return " ".join(kept)
    title = _join(w if (w.lower() in _SMALL or w.lower() == "elect") and i else w[:1].upper() + w[1:]
                  for i, w in enumerate(kept))
    country = country or affiliation
    if presidential:
        title += " to the President"
    if country:
        title += f" of {_with_article(country)}"
    return title


_ARTICLE_COUNTRIES = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands",
                      "Philippines", "Bahamas", "Gambia", "Central African Republic",
                      "Democratic Republic of the Congo", "Republic of the Congo",
                      "Dominican Republic", "Czech Republic", "Maldives", "Marshall Islands",
                      "Solomon Islands", "Comoros", "Seychelles", "United Nations", "European Union"}


def _join(words) -> str:
    """Join words with spaces, except before a possessive or punctuation."""
    out = ""
    for w in words:
        if out and w not in ("'s", "’s", ",", ".", ";", ":", ")") and not out.endswith(("(", "-")) and w != "-":
            out += " "
        out += w
    return out


def _with_article(name: str) -> str:
    return f"the {name}" if name in _ARTICLE_COUNTRIES else name


def _sentence_country(doc: Doc, spans: list[Span], actor_spans: list[Span], title_spans: list[Span]) -> str | None:
    """The one country acting in the sentence of a person's first mention, if only one.

    A country that qualifies another person's title ("China's Vice Premier X") does not count.
    """
    first = min(spans, key=lambda s: s.start)
    if doc.has_annotation("SENT_START"):
        sent = first.sent
        lo, hi = sent.start, sent.end
    else:
        lo = first.start
        while lo > 0 and doc[lo - 1].text not in (".", "!", "?"):
            lo -= 1
        hi = first.end
        while hi < len(doc) and doc[hi - 1].text not in (".", "!", "?"):
            hi += 1
    owned = {i for t in title_spans for i in range(t.start, t.end)}
    countries = {s.kb_id_ for s in actor_spans
                 if s.label_ == "Country" and lo <= s.start < hi and not s.id_.endswith(":weak")
                 and s.start not in owned}
    return countries.pop() if len(countries) == 1 else None


def _country_of(name: str | None, gaz) -> str | None:
    """The country an affiliation stands for (an organization's own affiliation)."""
    if name is None:
        return None
    entry = gaz.entry(name)
    if entry is not None and entry.kind == "Organization":
        return entry.affiliation
    return name


def spelling_key(name: str) -> str:
    """A name as its actor's IRI reads it: case, diacritics and punctuation ignored
    (``kg.rdf.iris.slug`` mints the same path segment for names with one key).

    >>> spelling_key("Antonio García") == spelling_key("Antonio Garcia")
    True
    """
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.translate(_TRANSLIT).lower())
    return re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode("ascii")).strip("-")


_TRANSLIT = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """The legal forms that end a company's name (gazetteer word list ``legal_forms``),
    and the tails they give a :func:`spelling_key` ("-inc"), read once."""
    from kg.nlp.gazetteer import load_gazetteer

    forms = load_gazetteer().words.get("legal_forms", ())
    return frozenset(forms), tuple("-" + spelling_key(form) for form in forms)


def _merge_key(actor: Actor) -> str:
    """:func:`spelling_key` of an actor's name, and for an organization without its
    legal form ("Helix Pharma Inc." is "Helix Pharma")."""
    key = spelling_key(actor.name)
    if actor.kind == "Organization":
        for tail in _legal_forms()[1]:
            if key.endswith(tail) and len(key) > len(tail):
                return key[: -len(tail)]
    return key


def _short_forms(actors: list[Actor]) -> dict[str, str]:
    """Organizations named by the end of exactly one other organization's name, or by one
    of its aliases ("the Foreign Ministry" after "the Qatari Foreign Ministry"): short
    name -> full name.

    >>> _short_forms([Actor("Qatari Foreign Ministry", "Organization"),
    ...               Actor("Foreign Ministry", "Organization")])
    {'Foreign Ministry': 'Qatari Foreign Ministry'}
    """
    orgs = [a for a in actors if a.kind == "Organization"]
    out = {}
    for a in orgs:
        fulls = [b.name for b in orgs if b is not a and (
            b.name.endswith(" " + a.name) or a.name in b.aliases or _leading(a.name, b.name))
            and len(b.name) > len(a.name)]
        if len(fulls) == 1 and fulls[0] not in out:
            out[a.name] = fulls[0]
    return out


def _leading(short: str, full: str) -> bool:
    """``short`` is the first words of ``full`` and what follows them is a legal form or
    names the body's place ("Versum" of "Versum Materials Inc.", "Writers Guild" of
    "Writers Guild of America"), not another body ("Hamas political bureau").

    >>> _leading("Versum", "Versum Materials Inc."), _leading("Hamas", "Hamas political bureau")
    (True, False)
    """
    if not full.startswith(short + " "):
        return False
    rest = full[len(short) + 1:]
    words = rest.replace(",", " ").split()
    return rest.startswith("of ") or bool(words) and words[-1] in _legal_forms()[0] and all(
        w[:1].isupper() for w in words)


def merge_spellings(actors: list[Actor]) -> tuple[list[Actor], dict[str, str]]:
    """One actor for the spellings of one name ("Antonio García", "Antonio Garcia"):
    they are one node of the graph. The spelling with the most mentions (then the
    first) is the name, the others become aliases. Returns the actors, in order,
    and a map of each dropped name to the name kept.

    >>> from kg.records import Mention
    >>> a = Actor("Ana Núñez", "Person", mentions=(Mention("d", 0, 9, "Ana Núñez"),))
    >>> b = Actor("Ana Nunez", "Person", mentions=(Mention("d", 20, 29, "Ana Nunez"),
    ...                                             Mention("d", 40, 49, "Ana Nunez")))
    >>> merged, renamed = merge_spellings([a, b])
    >>> [(x.name, x.aliases, len(x.mentions)) for x in merged], renamed
    ([('Ana Nunez', ('Ana Núñez',), 3)], {'Ana Núñez': 'Ana Nunez'})
    """
    from dataclasses import replace

    keys = {a.name: _merge_key(a) for a in actors}
    short = _short_forms(actors)
    for name, full in short.items():
        keys[name] = keys[full]
    groups: dict[str, list[Actor]] = {}
    for a in actors:
        groups.setdefault(keys[a.name], []).append(a)
    if all(len(g) == 1 for g in groups.values()):
        return actors, {}
    keep: dict[str, Actor] = {}
    renamed: dict[str, str] = {}
    for key, group in groups.items():
        best = max(group, key=lambda a: (a.name not in short, len(a.mentions), -group.index(a)))
        others = [a for a in group if a is not best]
        names = [n for a in others for n in (a.name, *a.aliases)]
        keep[key] = replace(
            best,
            aliases=tuple(dict.fromkeys(n for n in (*best.aliases, *names) if n != best.name)),
            mentions=tuple(sorted({m for a in group for m in a.mentions})),
            title=best.title or next((a.title for a in others if a.title), None),
            affiliation=best.affiliation or next((a.affiliation for a in others if a.affiliation), None),
            wikidata=best.wikidata or next((a.wikidata for a in others if a.wikidata), None),
        )
        renamed.update({a.name: best.name for a in others})
    out = []
    for a in actors:
        kept = keep.get(keys[a.name])
        if kept is not None and kept.name == a.name:
            aff = kept.affiliation
            out.append(replace(kept, affiliation=renamed.get(aff, aff)) if aff else kept)
    return out, renamed


def extract_actors(doc: Doc, document: Document) -> ActorResult:
    """Actors of ``document`` from its analysed ``doc`` (see the module docstring).

    ``doc`` comes from :func:`kg.nlp.analyze` (its ``user_data["offset"]`` says where
    the analysed text starts in ``document.text``; without it the body start is used).
    """
    from kg.nlp.actors import PLACES_KEY, SPANS_KEY, TITLES_KEY, load_gazetteer

    gaz = load_gazetteer()
    offset = doc.user_data.get("offset", document.body_start)
    doc_id = doc.user_data.get("doc_id", document.id)
    actor_spans = list(doc.spans.get(SPANS_KEY, []))
    place_spans = list(doc.spans.get(PLACES_KEY, []))
    title_spans = list(doc.spans.get(TITLES_KEY, []))

    def mention(span: Span) -> Mention:
        start, end = span.start_char + offset, span.end_char + offset
        text = span.text  # joined from the span's tokens at each read: once
        if document.text[start:end] != text:
            raise ExtractionError(
                f"{document.source}: analysed text does not line up with the document at "
                f"offset {start} ({text!r}); analyse documents with kg.nlp.analyze"
            )
        return Mention(doc_id, start, end, text)

    by_name: dict[str, list[Span]] = {}
    kinds: dict[str, str] = {}
    strong: set[str] = set()
    for span in actor_spans:
        by_name.setdefault(span.kb_id_, []).append(span)
        kinds[span.kb_id_] = span.label_
        if not span.id_.endswith(":weak"):
            strong.add(span.kb_id_)
    place_by_name: dict[str, list[Span]] = {}
    for span in place_spans:
        place_by_name.setdefault(span.kb_id_, []).append(span)
        kinds.setdefault(span.kb_id_, span.label_)

    # titles the text gives, per person
    text_titles: dict[str, tuple[Span, str]] = {}
    text_affiliations: dict[str, str] = {}
    for t in title_spans:
        if t.label_ == "Title":
            text_titles.setdefault(t.kb_id_, (t, t.id_))
        if t.id_:
            text_affiliations.setdefault(t.kb_id_, t.id_)

    reported: dict[str, str] = {}
    for name, spans in by_name.items():
        kind = kinds[name]
        if kind == "Person" or (kind == "Organization" and name in strong) or (kind == "Country" and name in strong):
            reported[name] = kind

    affiliations: dict[str, str | None] = {}
    for name, kind in list(reported.items()):
        entry = gaz.entry(name)
        aff = text_affiliations.get(name)
        if aff is not None and kind == "Person":
            aff = _country_of(aff, gaz) or aff  # "NSDC Secretary" works for Ukraine
        if aff is None and entry is not None:
            aff = entry.affiliation
        if aff is None and kind == "Person":
            aff = _sentence_country(doc, by_name[name], actor_spans, title_spans)
        affiliations[name] = aff
    # affiliations that the text mentions at all are actors too
    for name, aff in list(affiliations.items()):
        if aff and aff not in reported and (aff in strong or aff in place_by_name):
            reported[aff] = kinds[aff]
            affiliations.setdefault(aff, gaz.entry(aff).affiliation if gaz.entry(aff) else None)

    all_spans = actor_spans + place_spans
    actors = []
    for name, kind in reported.items():
        entry = gaz.entry(name)
        spans = by_name.get(name) or place_by_name.get(name, [])
        mentions = tuple(sorted({mention(s) for s in spans}))
        # names seen in the text (a demonym is no name: "Ukrainian" is not an alias of Ukraine)
        seen = [s.text for s in sorted(spans, key=lambda s: s.start) if not s.id_.startswith("demonym:")]
        if entry is not None:
            seen += list(entry.aliases)
        if kind == "Organization" and " of " in name:
            head, _, tail = name.rpartition(" of ")
            country = gaz.entry(tail.removeprefix("the "))
            if country is not None and country.kind == "Country" and len(head.split()) >= 2:
                seen.append(head)  # "National Assembly of Veloria" is "the National Assembly" there
        aliases = tuple(dict.fromkeys(a for a in seen if a != name and a.lower() != f"the {name}".lower()))
        title = None
        if kind == "Person":
            if name in text_titles:
                tspan, _ = text_titles[name]
                words = []
                organization = None
                depth = 0
                for tok in tspan:
                    if tok.text == "(":
                        depth += 1
                    if depth:
                        if tok.text == ")":
                            depth -= 1
                        continue  # "NSDC (National Security and Defense Council) Secretary"
                    country = None
                    for s in all_spans:
                        if s.start <= tok.i < s.end:
                            if s.label_ == "Country":
                                country = s.kb_id_
                            elif s.label_ == "Organization":
                                organization = organization or s.kb_id_
                            break
                    words.append((tok.text, country))
                org_entry = gaz.entry(organization) if organization else None
                if organization and not (org_entry and org_entry.seat_of_government) and not any(
                    w.lower() in ("of", "for", "to") for w, _ in words
                ):
                    # "NSDC Secretary" -> "Secretary of the National Security and Defense Council";
                    # a seat of government stays an adjective ("Kremlin spokesperson")
                    org_words = {t.text for s in all_spans if s.kb_id_ == organization and s.start >= tspan.start
                                 and s.end <= tspan.end for t in s}
                    core = [(w, c) for w, c in words if w not in org_words and not c]
                    head = normalize_title(core, None)
                    article = "the " if len(organization.split()) > 1 else ""
                    title = f"{head} of {article}{organization}" if head else None
                else:
                    title = normalize_title(words, _country_of(affiliations.get(name), gaz),
                                            organization=organization is not None)
            if title is None and entry is not None:
                title = entry.title
        affiliation = affiliations.get(name) if kind != "Country" else None
        if affiliation not in reported:
            # an affiliation is an actor of the graph, so only one the document reports
            # (the Council's United Nations, a Secretary of State's country, when the
            # text never names them, stay out; the title still says it)
            affiliation = None
        actors.append(
            Actor(
                name=name,
                kind=kind,
                aliases=aliases,
                title=title,
                affiliation=affiliation,
                wikidata=entry.wikidata if entry is not None else None,
                mentions=mentions,
            )
        )
    actors.sort(key=lambda a: (_KIND_ORDER.get(a.kind, 9), a.mentions[0].start if a.mentions else 0, a.name))
    actors, renamed = merge_spellings(actors)
    ams = []
    for s in actor_spans:
        if s.kb_id_ in reported:
            m = mention(s)
            ams.append(ActorMention(m.start, m.end, renamed.get(s.kb_id_, s.kb_id_), s.label_, "actor"))
    for s in place_spans:
        m = mention(s)
        ams.append(ActorMention(m.start, m.end, s.kb_id_, s.label_, "place"))
    return ActorResult(actors=tuple(actors), mentions=tuple(sorted(ams)))
