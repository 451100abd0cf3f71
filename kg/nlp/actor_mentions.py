"""Other evidence of persons and organizations, and coreference, for ``kg_actors``.

A mixin of :class:`kg.nlp.actors.ActorRecognizer`: the trained NER's PERSON
entities kept with evidence, organizations nobody listed with their acronyms,
quoted speakers, names coordinated with a person, spelling variants of a
surname, and short forms of the persons found ("Umerov" after "Rustem Umerov").
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.nlp.actor_names import _APOS, _Hit, fold_name

__all__ = ["PersonMentions"]


_WORD_CACHE = 5000  # texts whose words PersonMentions._words remembers


class PersonMentions:
    """NER persons, institutions, speakers, conjuncts and coreference."""

    def _ner_persons(self, doc: Doc, persons: list[_Hit]) -> None:
        """PERSON entities of the trained NER, kept with evidence only."""
        if not self._has_ents:
            return
        taken = {i for p in persons for i in range(p.start, p.end)}
        n = len(doc)
        companies = {doc[ent.start:ent.end - 1].text.removeprefix("the ").rstrip(",") for ent in self._ents
                     if ent.label_ == "ORG" and len(ent) >= 2 and self._legal_form(doc, ent.start, ent.end)}
        for ent in self._ents:
            if ent.label_ not in self._NAME_LABELS or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if ent.text in companies:
                continue  # "Helix Pharma" after "Helix Pharma Inc.": the company's short name
            if ent.label_ != "PERSON" and any(t.text in self.org_heads for t in ent):
                continue
            if ent.end - ent.start >= 2 and doc[ent.end - 1].text in _APOS:
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "X Y's": the name alone
            first = ent.start
            while first > 0 and not doc[first].is_sent_start and self._is_name_word(doc, first - 1) \
                    and (first - 1) not in taken and ent.start - first < 3 and not (
                        len(ent) >= 2 and first >= 2 and doc[first - 2].lower_ in ("of", "for", "to", "and")):
                first -= 1  # "Rustem Umierov" when the model tagged only "Umierov"
            span = self._scan_name(doc, first)
            if span is None:
                continue
            s, ns, e = span
            if e < ent.end or e > ent.end + 1 or self._covered.get(ns) is not None:
                continue
            # "a store owner at Fort Davis said": a name after a preposition of place is where the
            # speaker is, not who speaks
            placed = s > 0 and doc[s - 1].lower_ in self.place_preps
            if e - ns < 2:
                # one word: a person only when the model says so and the word says something
                said = (e < n and doc[e].lower_ in self.saying) or (s > 0 and doc[s - 1].lower_ in self.saying)
                if ent.label_ == "PERSON" and said and not placed and not doc[ns].is_sent_start:
                    persons.append(_Hit(s, e, self._person_name(doc, ns, e), "Person", "ner"))
                    taken.update(range(s, e))
                continue
            evidence = False
            if e < n and not placed and (doc[e].lower_ in self.speech or doc[e].text == ","):
                nxt = doc[e] if doc[e].text != "," else None
                evidence = nxt is not None or any(
                    doc[k].lower_ in self.speech for k in range(e + 1, min(n, e + 3))
                )
            if s > 0 and doc[s - 1].lower_ in self.speech:
                evidence = True
            if ent.label_ == "PERSON" and s > 0 and doc[s - 1].lower_ in self.role_nouns:
                evidence = True  # "his Argentine counterpart Javier Milei"
            if ent.label_ == "PERSON" and s > 0 and self._plural_title_at(doc, s - 1):
                evidence = True  # "lawmakers X and Y", "parliament members X and Y": a title of each
            if ent.label_ == "PERSON" and e < n and doc[e].text in _APOS and doc[e].text.endswith("s"):
                evidence = True  # "X Y's government": a possessive full name
            if ent.label_ == "PERSON" and e + 1 < n and doc[e].lower_ == "as":
                k = e + 1
                while k < n and doc[k].lower_ in ("the", "a", "an", "its", "their", "chief", "new"):
                    k += 1
                if k < n and doc[k].lower_ in self.title_words:
                    evidence = True  # "succeeded X as the mediator", "named X as envoy"
            if ent.label_ == "PERSON" and e < n and doc[e].text == "," and any(
                    doc[k].lower_ in self.title_heads for k in range(e + 1, min(n, e + 6))):
                evidence = True  # "X, national security adviser to the prime minister, signed"
            if self._has_dep:
                root = doc[ns:e].root
                if root.dep_ in ("nsubj", "nsubjpass") and root.head.lower_ in self.speech:
                    evidence = True
                if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.lower_ in self.lead_verbs:
                    evidence = True
            if ent.label_ == "PERSON" and self._has_dep and not evidence and e - ns >= 2:
                last = doc[e - 1].text  # "X Y, the owner, ... Y has signed": the surname acts later
                evidence = any(t.text == last and t.i >= e and t.dep_ in ("nsubj", "nsubjpass")
                               and t.head.pos_ in ("VERB", "AUX") and t.ent_type_ in ("", "PERSON", "ORG")
                               for t in doc[e:])
            if ent.label_ == "PERSON" and self._has_dep and not evidence:
                root = doc[ns:e].root
                other = root.head if root.dep_ == "conj" else None
                if other is not None and any(p.start <= other.i < p.end for p in persons):
                    evidence = True  # "co-chaired by X from one side and Y from the other"
            if ent.label_ != "PERSON":
                if self._named_as_body(doc, ent.text):
                    continue  # a body the model names elsewhere: "the railway Nordlinje said"
                # the small model often labels unfamiliar names ORG or FAC: a person-shaped
                # name of 2-3 words that says something is a person
                said = (e < n and doc[e].lower_ in self.saying) or (s > 0 and doc[s - 1].lower_ in self.saying)
                if self._has_dep:
                    root = doc[ns:e].root
                    said = said or (root.dep_ == "nsubj" and root.head.lower_ in self.saying)
                evidence = said and not placed and 2 <= e - ns <= 3 and ent.end == e and len(doc[ns:e].text.split()) >= 2
            if evidence:
                persons.append(_Hit(s, e, self._person_name(doc, ns, e), "Person", "ner"))
                taken.update(range(s, e))

    def _plural_title_at(self, doc: Doc, i: int) -> bool:
        """``doc[i]`` is a title in the plural, before the names of those who hold it
        ("Foreign Ministers A and B", "lawmakers A and B", "council members A and B")."""
        t = doc[i]
        return (t.lower_ in self.title_heads and t.lower_.endswith("s")
                or t.tag_ == "NNS" and t.lemma_.lower() in self.title_heads)

    def _named_as_body(self, doc: Doc, text: str) -> bool:
        """The model labels ``text`` ORG at least twice, once after "the" or a noun saying
        what it is ("the state-owned railway Nordlinje")."""
        ents = [x for x in self._ents if x.label_ == "ORG" and x.text.endswith(text)]
        nouns = self.gaz.words.get("org_nouns", frozenset())
        return len(ents) >= 2 and any(
            x.start > 0 and (doc[x.start - 1].lower_ == "the" or doc[x.start - 1].text in nouns
                             or x.text.lower().startswith("the ")) for x in ents)

    def _institutions(self, doc: Doc, gaz_hits: list[_Hit]) -> list[_Hit]:
        """Organizations nobody listed: an ORG entity named like an institution
        ("the Rapid Support Forces"), with its acronym ("RSF") wherever it appears.
        Such a name may contain a listed one ("United Nations Relief and Works Agency")."""
        taken: set[int] = set()
        by_token = {i: h for h in gaz_hits for i in range(h.start, h.end)}
        self._listed = set(by_token)
        if not self._has_ents:
            return self._ministries(doc, by_token, taken)
        heads = self.gaz.words.get("institution_heads", frozenset())
        found: list[_Hit] = []
        acronyms: dict[str, str] = {}
        employers: list[tuple[int, int]] = []
        for ent in self._ents:
            if ent.label_ != "ORG":
                continue
            s, e = ent.start, ent.end
            while s < e and doc[s].lower_ in ("the", "a", "an"):
                s += 1
            words = [t for t in doc[s:e]]
            if any(i in taken for i in range(s, e)):
                continue
            if e - s == 2 and words[-1].text == "Government" and s in by_token and by_token[s].kind == "Country":
                continue  # "the Thai Government": the country itself
            if e - s >= 3 and words[0].lower_ in self.gaz.words.get("government_words", ()) and words[1].lower_ == "of" \
                    and (e - 1) in by_token and by_token[e - 1].kind == "Country" and by_token[e - 1].start >= s + 2:
                continue  # "the Government of Chile": the country itself
            if e - s >= 2 and words[-1].text not in heads and self._head_of(words, heads, by_token):
                pass  # "the Ministry of External Affairs", "the Sudanese Ministry of Foreign Affairs"
            elif e - s < 2 or words[-1].text not in heads:
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
            if e < len(doc) and doc[e].lower_ in self.gaz.words.get("spokes_heads", frozenset()):
                continue  # "Foreign Ministry spokesman X": the office of the spokesman's title
            name = doc[s:e].text
            owner = by_token.get(s - 2) if s >= 2 and doc[s - 1].text in _APOS else None
            if owner is not None and owner.kind == "Country" and owner.end == s - 1:
                name = doc[owner.start:e].text  # "China's Commerce Ministry"
            found.append(_Hit(s, e, name, "Organization", "ner"))
            taken.update(range(s, e))
            initials = "".join(t.text[0] for t in words if t.text[:1].isupper())
            if len(initials) >= 2:
                acronyms.setdefault(initials, name)
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and doc[e + 1].is_upper:
                acronyms.setdefault(doc[e + 1].text, name)
        if acronyms:
            listed = {i for h in gaz_hits for i in range(h.start, h.end)}
            for tok in self._tokens_in(doc, acronyms):
                if tok.i not in taken and tok.i not in listed and tok.text not in self.gaz.surfaces:
                    found.append(_Hit(tok.i, tok.i + 1, acronyms[tok.text], "Organization", "coref"))
                    taken.add(tok.i)
        for s, e in employers:  # "CIA Director William Burns", "Mossad chief X": the body a titled person heads
            if not any(i in taken for i in range(s, e)):
                found.append(_Hit(s, e, doc[s:e].text, "Organization", "ner"))
                taken.update(range(s, e))
        found += self._ministries(doc, by_token, taken)
        return found

    @staticmethod
    def _head_of(words, heads, by_token) -> bool:
        """An institution named by its head and what it is for: "Ministry of X" (after
        a demonym or country, "Sudanese Ministry of Foreign Affairs")."""
        k = 1 if words[0].i in by_token and by_token[words[0].i].kind == "Country" else 0
        if not all(t.text[:1].isupper() or t.lower_ in ("of", "for", "and", "the") or t.text in ("-", "‑")
                   for t in words[k:]) or not words[k].text[:1].isupper():
            return False
        # the head may follow other words of the name: "Inter-American Union of Electoral Bodies"
        return any(words[j].text in heads and words[j + 1].lower_ in ("of", "for")
                   for j in range(k, len(words) - 2))

    def _ministries(self, doc: Doc, by_token: dict, taken: set[int]) -> list[_Hit]:
        """A ministry written in lower case after the country that owns it: "Oman's foreign
        ministry", "the Armenian defence ministry" (named "Omani Foreign Ministry"). The
        office of a spokesman's title ("the Afghan foreign ministry spokesman") is left out."""
        portfolio = self.gaz.words.get("ministry_words", frozenset())
        spokes = self.gaz.words.get("spokes_heads", frozenset())
        out = []
        for tok in self._tokens_in(doc, ("ministry", "ministries")):
            if tok.i in taken or tok.i in by_token:
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in spokes:
                continue
            s = tok.i
            while s > 0 and doc[s - 1].lower_ in portfolio and doc[s - 1].is_lower:
                s -= 1
            k = s - 1
            if k > 0 and doc[k].text in _APOS:
                k -= 1
            owner = by_token.get(k)
            if s == tok.i or owner is None or owner.kind != "Country" or owner.end != k + 1:
                continue
            owners = [owner]
            while tok.text == "ministries" and owners[-1].start >= 2 and doc[owners[-1].start - 1].lower_ in (
                    "and", ",") and by_token.get(owners[-1].start - 2) is not None:
                other = by_token[owners[-1].start - 2]  # "the Armenian and Azerbaijani foreign ministries"
                if other.kind != "Country":
                    break
                owners.append(other)
            if tok.text == "ministries" and len(owners) < 2:
                continue
            for owner in reversed(owners):
                entry = self.gaz.entries.get(owner.name)
                adjective = entry.demonyms[0] if entry is not None and entry.demonyms else owner.name
                words = " ".join(t.text.capitalize() for t in doc[s:tok.i + 1])
                out.append(_Hit(s, tok.i + 1, f"{adjective} {words.removesuffix('ies') + 'y' if len(owners) > 1 else words}",
                                "Organization", "ner"))
            taken.update(range(s, tok.i + 1))
        return out

    def _employer(self, doc: Doc, s: int, e: int) -> bool:
        """``doc[s:e]`` (an ORG entity not listed anywhere) names the body of a titled
        person who follows: "<ORG> director|chief|spokesman <Person>"."""
        if e - s > 3 or e + 1 >= len(doc) or any(i in self._listed for i in range(s, e)):
            return False
        if not all(t.text[:1].isupper() and t.lower_ not in self.title_words for t in doc[s:e]) \
                or doc[e].lower_ not in self.title_heads or s > 0 and doc[s - 1].lower_ in self.title_words \
                or doc[e].lower_ in self.gaz.words.get("spokes_heads", frozenset()):
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
        texts = self._texts
        for i in range(1, len(doc)):
            if texts[i - 1] not in quotes or i in taken or not self._is_name_word(doc, i):
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
            if ns > 0 and doc[ns - 1].lower_ in ("a", "an", "the"):
                return False  # "selected an Oromo, X": a noun, not a name
            if doc[ns].text.isupper() and len(doc[ns].text) > 1:
                return False  # "Nordlinje and the LDU": an acronym names a body
            if e < n and doc[e].lower_ in self.title_words:
                return False  # "X, Board Member of ...": a word of a title
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
        key = fold_name(name)
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

    def _merge_known_as(self, doc: Doc, hits: list[_Hit], taken: set[int]) -> list[_Hit]:
        """"X, also known as Y", "X, alias Y": one person under two names (the second,
        the name the person goes by, is kept). Returns the hits of second names that
        nothing else found (a full name after the cue)."""
        new: list[_Hit] = []
        persons = sorted((h for h in hits if h.kind == "Person"), key=lambda h: h.start)
        by_start = {h.start: h for h in persons}
        cues = [tuple(c.split()) for c in self.gaz.words.get("alias_cues", frozenset())]
        for h in persons:
            k = h.end
            if k < len(doc) and doc[k].text in (",", "("):
                k += 1
            for cue in cues:
                if tuple(self._lowers[k:k + len(cue)]) == cue:  # the words' lower-case forms (read by ``match``)
                    at = k + len(cue)  # the other name may follow a title or honorific
                    other = next((by_start[i] for i in range(at, at + 3) if i in by_start), None)
                    if other is None and at < len(doc) and self._is_name_word(doc, at):
                        span = self._scan_name(doc, at)
                        if span is not None and span[2] - span[1] >= 2 and not any(
                                i in taken for i in range(span[0], span[2])):
                            other = _Hit(span[0], span[2], self._person_name(doc, span[1], span[2]), "Person", "coref")
                            new.append(other)
                            taken.update(range(span[0], span[2]))
                    if other is not None and other.name != h.name:
                        old = h.name
                        for x in persons:
                            if x.name == old:
                                x.name, x.source = other.name, "coref"
                    break
        return new

    def _surname_unarticled(self, name: str) -> str | None:
        """The last word of ``name`` without its article ("Ani" of "Naseer al-Ani"; the
        articles are the gazetteer's name_particles), or None.

        >>> rec = PersonMentions()
        >>> rec.particles = frozenset({"al", "el"})
        >>> rec._surname_unarticled("Naseer al-Ani"), rec._surname_unarticled("Kim Kye-gwan")
        ('Ani', None)
        """
        article, dash, rest = name.split()[-1].partition("-")
        return rest if dash and article.lower() in self.particles and rest[:1].isupper() else None

    def _merge_short_names(self, hits: list[_Hit]) -> None:
        """A person named by the first words of one longer name of the document is that
        person: "Xi" or "President Xi" after "Xi Jinping", "Keir" after "Keir Starmer",
        "Ursula" after "Ursula von der Leyen". Skipped when two longer names share them."""
        full: dict[tuple[str, ...], set[str]] = {}
        for h in hits:
            if h.kind == "Person":
                words = tuple(fold_name(w) for w in h.name.split())
                for k in range(1, len(words)):
                    full.setdefault(words[:k], set()).add(h.name)
                    if k >= 2 and len(words) - k >= 1:  # "Bagheri Kani" after "Ali Bagheri Kani"
                        full.setdefault(words[len(words) - k:], set()).add(h.name)
                rest = self._surname_unarticled(h.name)
                if len(words) >= 2 and rest:
                    full.setdefault((fold_name(rest),), set()).add(h.name)  # "Ani" after "Naseer al-Ani"
        for h in hits:
            if h.kind != "Person":
                continue
            longer = full.get(tuple(fold_name(w) for w in h.name.split()), set())
            if len(longer) == 1:
                h.name = next(iter(longer))
                h.source = "coref"

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
                rest = self._surname_unarticled(h.name)
                if rest:
                    forms.append(rest)  # "Ani" after "Naseer al-Ani"
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
        names = {}
        for f, name in short.items():
            pattern = doc.vocab.strings.add(f"kg_coref::{f}")
            names[pattern] = name
        out = []
        matches = self._phrase_matches(doc, [(f"kg_coref::{f}", f) for f in short])
        for key, s, e in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
            if any(i in taken for i in range(s, e)):
                continue
            if doc[s:e].text in first_only and not (
                    e - s == 1 and doc[s].dep_ in ("nsubj", "nsubjpass") and doc[s].ent_type_ in ("", "PERSON")):
                continue
            taken.update(range(s, e))
            out.append(_Hit(s, e, names[key], "Person", "coref"))
        return out

    def _phrase_matches(self, doc: Doc, phrases: list[tuple[str, str]]) -> list[tuple[int, int, int]]:
        """The matches ``(key id, start, end)`` in ``doc`` of ``phrases``, ``(key, text)``
        pairs, as spaCy's ``PhraseMatcher(attr="ORTH")`` with each text made a pattern by
        :meth:`_make` finds them: every place where the words of a text are the words of
        the document. Building that matcher costs more than finding its few phrases in a
        document; the order of the matches is not its order, which says nothing where no
        two keys share the words of a text (a span is then matched under one key at
        most). Where two keys do, the PhraseMatcher itself runs.

        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> rec = PersonMentions()
        >>> doc = nlp("Umerov met Rustem Umerov.")
        >>> found = rec._phrase_matches(doc, [("a", "Umerov"), ("b", "Rustem Umerov")])
        >>> [(nlp.vocab.strings[k], s, e) for k, s, e in found]
        [('a', 0, 1), ('b', 2, 4), ('a', 3, 4)]
        """
        by_words: dict[tuple[int, ...], str] = {}
        for key, text in phrases:
            words = self._words(doc, text)
            if words and by_words.setdefault(words, key) != key:
                matcher = PhraseMatcher(doc.vocab, attr="ORTH")
                for key, text in phrases:
                    matcher.add(key, [self._make(doc, text)])
                return matcher(doc)
        starts: dict[int, list[tuple[tuple[int, ...], int]]] = {}
        for words, key in by_words.items():
            starts.setdefault(words[0], []).append((words, doc.vocab.strings.add(key)))
        orths = doc.to_array(ORTH).tolist() if starts and len(doc) else []
        out = []
        for i, orth in enumerate(orths):
            for words, key in starts.get(orth, ()):
                if tuple(orths[i:i + len(words)]) == words:
                    out.append((key, i, i + len(words)))
        return out

    def _words(self, doc: Doc, text: str) -> tuple[int, ...]:
        """The ORTH ids of the words of ``text`` as :meth:`_make` splits it, remembered
        by text (the tokenizer is made once and never changed, so a text always splits
        the same way; a few thousand texts at most are kept).

        >>> import spacy
        >>> rec = PersonMentions()
        >>> doc = spacy.blank("en")("x")
        >>> words = rec._words(doc, "Bagheri Kani")
        >>> len(words), words == tuple(t.orth for t in rec._make(doc, "Bagheri Kani"))
        (2, True)
        """
        cache = getattr(self, "_word_cache", None)
        if cache is None:
            self._word_cache = cache = {}
        words = cache.get(text)
        if words is None:
            if len(cache) >= _WORD_CACHE:
                cache.clear()
            words = cache[text] = tuple(t.orth for t in self._make(doc, text))
        return words

    def _make(self, doc: Doc, text: str) -> Doc:
        tokenizer = getattr(self, "_tokenizer", None)
        if tokenizer is None:
            import spacy

            self._tokenizer = tokenizer = spacy.blank("en").tokenizer
        return tokenizer(text)
