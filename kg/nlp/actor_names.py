"""Personal names and the titles that introduce them, for the ``kg_actors`` component.

A mixin of :class:`kg.nlp.actors.ActorRecognizer`: scanning a personal name
("Sheikh Tamim bin Hamad Al Thani"), the title phrase before it ("Norwegian
Foreign Minister"), an apposition after it ("X, the foreign minister of Y,") and
the other evidence that makes a capitalized word sequence a person. The methods
read the word lists the recognizer sets up (``self.title_heads`` ...) and the
gazetteer hits of the document (``self._covered``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["PersonNames"]

_APOS = ("'s", "’s", "'", "’")
_HYPHENS = ("-", "‐", "‑", "–")


def fold_name(text: str) -> str:
    """A spelling key of a name: lower case, letters and digits only, diacritics dropped.

    >>> fold_name("Badr bin Hamad al-Busaidi") == fold_name("Badr bin Hamad Albusaidi")
    True
    >>> fold_name("Antonio García")
    'antoniogarcia'
    """
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


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


class PersonNames:
    """Name scanning and title patterns (see the module docstring)."""

    # ------------------------------------------------------------------ names
    def _is_cap_word(self, tok) -> bool:
        t = tok.text
        return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)

    def _is_name_word(self, doc: Doc, i: int) -> bool:
        # the text and lower-case form of ``doc[i]``, read once per document by ``match``
        t = self._texts[i]
        if not t or not t[0].isupper() or not t.replace("'", "").replace("’", "").replace(".", "").isalpha():
            return False
        if len(t) > 1 and t.isupper() and len(t) > 3:
            return False
        if t in self.not_names or t in self.org_heads or t in self.gaz.words.get("legal_forms", ()):
            return False  # ("Co.", "LLP": a company's legal form)
        lower = self._lowers[i]
        if lower in self.title_words or lower in self.honorifics:
            return False
        if lower in self.actor_nouns or t in self.gaz.words.get("place_words", ()):
            return False  # "the head of EU Diplomacy", "the Middle East", "Yunnan Province"
        h = self._covered.get(i)
        if h is not None and h.kind != "Person":
            return False
        return True

    def _scan_name(self, doc: Doc, i: int, *, max_len: int = 6) -> tuple[int, int, int] | None:
        """A personal name starting at token ``i``: (span start, name start, end) or None.

        The span may start with honorifics ("Sheikh"); the name proper starts after them.
        """
        n = len(doc)
        texts, lowers = self._texts, self._lowers  # texts[k], lowers[k] (read once by ``match``)
        j = i
        while j < n and lowers[j] in self.honorifics and texts[j][0].isupper():
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
                and lowers[j - 1] in self.title_heads
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
                and lowers[j - 1] in self.title_heads
                and texts[j] in self.not_names
                and doc[j].is_alpha
                and j + 1 < n
                and self._is_name_word(doc, j + 1)
            ):
                j += 1  # a family name that is also a word: "Vice Premier He Lifeng"
                continue
            tok = doc[j]
            # a bracketed given name, as translators write it: "(Rustem) Umerov"
            if tok.text == "(" and j + 2 < n and self._is_name_word(doc, j + 1) and texts[j + 2] == ")":
                if j + 3 < n and self._is_name_word(doc, j + 3):
                    j += 3
                    continue
            if tok.text == ")" and j > name_start and texts[j - 2] == "(" and j + 1 < n and self._is_name_word(doc, j + 1):
                j += 1
                continue
            k = j
            while k < n and lowers[k] in self.particles and k - j < 3:
                k += 1  # particles, one or a run of them: "bin", "von der", "van den", "de la"
            if k > j and k < n and (self._is_name_word(doc, k) or texts[k] == "-"):
                j = k
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
            if self._hyphen_part(doc, j, name_start):
                j += 2  # a lower-case part of a hyphenated name: "Kim Jong-un", "Moon Jae-in"
                continue
            break
        while j > name_start and (lowers[j - 1] in self.particles or texts[j - 1] in ("-", "‐", "‑")):
            j -= 1
        if j <= name_start:
            return None
        return i, name_start, j

    def _hyphen_part(self, doc: Doc, j: int, name_start: int) -> bool:
        """Token ``j`` is a hyphen gluing a short lower-case part to the name word before it."""
        if not (j > name_start and j + 1 < len(doc) and doc[j].text in ("-", "‐", "‑")):
            return False
        part = doc[j + 1]
        return (
            not doc[j - 1].whitespace_
            and not doc[j].whitespace_
            and part.is_alpha
            and part.is_lower
            and len(part.text) <= 5
            and part.text not in self.gaz.words.get("not_hyphen_name_parts", frozenset())
        )

    def _person_key(self, text: str) -> str | None:
        """The gazetteer person a spelling names, case, diacritics, spaces and hyphens
        aside ("Badr bin Hamad al-Busaidi" for the listed "Badr bin Hamad Albusaidi")."""
        keys = getattr(self, "_person_keys", None)
        if keys is None:
            keys = {}
            for surface, (name, _) in self.gaz.surfaces.items():
                if self.gaz.entries[name].kind == "Person":
                    keys.setdefault(fold_name(surface), name)
            self._person_keys = keys
        return keys.get(fold_name(text))

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
        if end - name_start >= 2:
            return self._person_key(text) or text
        return text

    def _add_person(self, doc, persons, titles, span, source, title=None, affiliation=""):
        s, ns, e = span
        name = self._person_name(doc, ns, e)
        if ns == e:
            return None
        if name not in self.gaz.entries and e - ns < 2 and (source not in ("title",) or not self._one_word_name(doc, ns)):
            return None
        ns2 = self._portfolio_end(doc, ns, e)
        if ns2 > ns:  # "Minister of Minerals Mohamed Ali": the portfolio is no part of the name
            s = ns = ns2
            name = self._person_name(doc, ns, e)
        persons.append(_Hit(s, e, name, "Person", source))
        if title is not None and affiliation and any(
                doc[k].lower_ in self.callings for k in range(title[0], title[1])) and not any(
                doc[k].lower_ in self.title_heads and doc[k].lower_ not in self.callings
                for k in range(title[0], title[1])):
            affiliation = ""  # "X, a Colombian businessman": a nationality, no office
        if title is not None and title[1] > title[0]:
            titles.append(_Title(title[0], title[1], name, affiliation or ""))
        elif affiliation:
            titles.append(_Title(ns, e, name, affiliation, "Affiliation"))
        return name

    def _one_word_name(self, doc: Doc, i: int) -> bool:
        """Whether the one word ``doc[i]`` after a title can be a name ("President Xi"),
        not an acronym, an institution ("General Assembly"), a word glued to a
        capitalized word ("General Border Committee"), a name with an acronym
        ("Military Operations (DGMO)") or one portfolio of two ("Deputy
        International and Legal Affairs Minister X")."""
        n = len(doc)
        tok = doc[i]
        if len(tok.text) > 1 and tok.text.isupper():
            return False
        if tok.text in self.gaz.words.get("institution_heads", frozenset()):
            return False
        if i + 1 < n:
            nxt = doc[i + 1]
            if self._is_cap_word(nxt) and not nxt.is_sent_start and nxt.text not in self.not_names \
                    and not nxt.is_punct:
                return False
            if nxt.text == "(" and i + 3 < n and doc[i + 2].text.isupper() and doc[i + 3].text == ")":
                return False
            if nxt.lower_ in ("and", "&") and i + 2 < n:
                k = i + 2
                plain = False
                while k < n and k - i <= 6 and self._is_cap_word(doc[k]):
                    if doc[k].lower_ in self.title_heads:
                        return not plain
                    if doc[k].lower_ not in self.title_words and self._covered.get(k) is None:
                        plain = True
                    k += 1
        return True

    def _portfolio_end(self, doc: Doc, ns: int, e: int) -> int:
        """Where the name proper starts when the trained NER puts a person's name
        after a capitalized word that ends a title ("Minister of Minerals",
        "Senior Advisor for Africa"): the start of that PERSON entity, else ``ns``."""
        if e - ns < 3 or ns == 0 or doc[ns - 1].lower_ not in ("of", "for", "and", "to") \
                or not doc.has_annotation("ENT_IOB"):
            return ns
        first, second = doc[ns], doc[ns + 1]
        if first.ent_type_ != "PERSON" and second.ent_type_ == "PERSON" and second.ent_iob_ == "B":
            return ns + 1
        return ns

    # ------------------------------------------------------------------ patterns
    def _title_phrase_before(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """A title phrase ending at token ``i - 1``: (start, affiliation) or None."""
        j = i - 1
        if j < 0:
            return None
        h = self._covered.get(j)
        if doc[j].lower_ not in self.title_heads and h is not None and h.kind in ("Country", "Organization") \
                and h.end == j + 1:
            # "Special Envoy to Lebanon X", "Secretary of the Security Council X": a title
            # head, a preposition and the place or body of the office
            k = h.start - 1
            if k >= 0 and doc[k].lower_ == "the":
                k -= 1
            if k > 0 and doc[k].lower_ in ("of", "for", "to", "in") and doc[k - 1].lower_ in self.title_heads:
                before = self._title_phrase_before(doc, k)
                if before is not None:
                    return before[0], before[1] or self._affiliation_of(h)
        if doc[j].lower_ not in self.title_heads and h is None \
                and doc[j].text in self.gaz.words.get("institution_heads", frozenset()):
            # "Secretary of the Supreme Defence Council X": a body nobody listed
            k = j - 1
            while k >= 0 and j - k <= 5 and self._is_cap_word(doc[k]) and doc[k].lower_ not in self.title_heads:
                k -= 1
            if k >= 0 and doc[k].lower_ == "the":
                k -= 1
            if k > 0 and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in self.title_heads:
                before = self._title_phrase_before(doc, k)
                if before is not None:
                    return before
        portfolio = j + 1  # the first word of a portfolio nobody listed ("Minister for Overseas X")
        if doc[j].lower_ not in self.title_heads:
            # "Secretary of State X", "Minister for Foreign Affairs X": a head, "of"/"for",
            # then capitalized title words
            k = j
            while k >= 0 and j - k < 6 and (doc[k].lower_ in self.title_words and doc[k].text[:1].isupper()
                                             or doc[k].lower_ in ("and", "&") and k < j):
                k -= 1  # "High Representative for Foreign Affairs and Security Policy X"
            if not (k > 0 and k < j and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in self.title_heads):
                # "Deputy Prime Minister for Reintegration X": one or two words after "for"
                # (or after the country or body of the office: "Representative for Afghanistan
                # Reconciliation X")
                words = [q for q in (j - 1, j) if q > 1 and all(
                    doc[x].is_alpha and doc[x].text[:1].isupper() and doc[x].ent_type_ != "PERSON"
                    and doc[x].text not in self.not_names and self._covered.get(x) is None for x in range(q, j + 1))]
                first = next((q for q in words if self._portfolio_before(doc, q)), None)
                if first is None:
                    return None
                portfolio = first
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
            if tok.lower_ in self.title_words and tok.lower_ not in ("and", "&") or portfolio <= k:
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
            if tok.text in _HYPHENS and k > start:
                k += 1  # "envoy for the Kosovo-Serbia dialogue"
                continue
            if h is not None and k > start and doc[k - 1].lower_ in ("of", "to"):
                k = h.end  # "personal envoy of <the president, named>"
                continue
            low = tok.lower_
            if has_head and tok.tag_ in ("VBD", "VBZ", "VBP", "MD") and low not in self.title_words:
                return False, ""  # a clause after the title: "Speaking to X, the minister said ..."
            if low in self.title_heads:
                has_head = True
            elif not (
                low in self.title_words
                or low in allowed
                or low in self.actor_nouns
                or tok.text in _APOS
                or (tok.is_lower and tok.is_alpha)
                or self._portfolio_of(doc, start, k) is not None
            ):
                return False, ""
            k += 1
        return has_head, affiliation

    def _portfolio_of(self, doc: Doc, lo: int, k: int, most: int | None = None) -> int | None:
        """Token ``k`` is a capitalized word of a portfolio nobody listed: after a title
        head and "of" or "for", with only such words and "and" between ("Minister of Mines
        and Energy"), within ``doc[lo:]`` and at most ``most`` words long. The index of
        that "of" or "for", or None."""
        if not (doc[k].is_alpha and doc[k].text[:1].isupper()):
            return None
        j = k - 1
        while j > lo and (most is None or k - j < most) and (
                doc[j].is_alpha and doc[j].text[:1].isupper() or doc[j].lower_ in ("and", "&")):
            j -= 1
        return j if j > lo and doc[j].lower_ in ("of", "for") and doc[j - 1].lower_ in self.title_heads else None

    def _person_patterns(self, doc: Doc, persons: list[_Hit], titles: list[_Title]) -> None:
        n = len(doc)
        texts, lowers = self._texts, self._lowers
        i = 0
        while i < n:
            after_title = i > 0 and lowers[i - 1] in self.title_heads
            bracket = texts[i] == "(" and after_title
            word = after_title and (texts[i] in self.not_names or i in self._covered)  # "Premier He Lifeng"
            # (a name word starts with a capital: the cheap test first)
            if not (texts[i][:1].isupper() and self._is_name_word(doc, i) or lowers[i] in self.honorifics
                    or bracket or word):
                i += 1
                continue
            span = self._scan_name(doc, i)
            if span is None:
                i += 1
                continue
            s, ns, e = span
            if s == ns and e - ns >= 3 and doc[ns].ent_type_ != "PERSON" and self._portfolio_before(doc, ns):
                s = ns = ns + 1  # a portfolio first: "Minister for Reintegration Ivo Tarnas"
                span = (s, ns, e)
            found = self._evidence(doc, span, persons, titles)
            if found:
                # "Foreign Ministers A B and C D": the title covers the conjunct too
                plural_title = s > 0 and self._plural_title_at(doc, s - 1)
                # "Presidents A B of X and C D of Y": each name's own country after "of"
                own = self._of_body(e) if plural_title else None
                if own is not None and titles and titles[-1].person == found and not titles[-1].affiliation:
                    titles[-1] = _Title(titles[-1].start, titles[-1].end, found, own[1], titles[-1].label)
                k = own[0] if own is not None else e
                if plural_title and k + 1 < n and doc[k].lower_ == "and":
                    other = self._scan_name(doc, k + 1)
                    if other is not None and (other[2] - other[1] >= 2 or e - ns < 2 and other[2] - other[1] == 1):
                        t = titles[-1:] if titles and titles[-1].person == found else []
                        tspan = (t[-1].start, t[-1].end) if t else None
                        theirs = self._of_body(other[2]) if own is not None else None
                        aff = theirs[1] if theirs is not None else "" if own is not None else t[-1].affiliation if t else ""
                        self._add_person(doc, persons, titles, other, "title", tspan, aff)
                        e = theirs[0] if theirs is not None else other[2]
            i = max(e, i + 1)

    def _of_body(self, e: int) -> tuple[int, str] | None:
        """A country or body named right after "of" at token ``e`` ("... of Brazil"): where
        it ends and the affiliation it gives, else None."""
        if e + 1 >= len(self._lowers) or self._lowers[e] != "of":
            return None
        h = self._covered.get(e + 1)
        if h is None or h.start != e + 1 or h.kind not in ("Country", "Organization"):
            return None
        return h.end, self._affiliation_of(h)

    def _portfolio_before(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows "for" after a title head, or a country or body named after
        "for"/"of"/"to" and a title head ("Minister for Reintegration X", "Special
        Representative for Afghanistan Reconciliation X"): a portfolio word, not a name."""
        k = i - 1
        h = self._covered.get(k)
        if h is not None and h.kind in ("Country", "Organization") and h.end == i:
            if h.start < 2 or self._lowers[h.start - 1] not in ("for", "of", "to"):
                return False
            k = h.start - 1
        elif k < 1 or self._lowers[k] != "for":
            return False
        return self._lowers[k - 1] in self.title_heads

    def _evidence(self, doc: Doc, span, persons, titles) -> str | None:
        s, ns, e = span
        n = len(doc)
        texts, lowers = self._texts, self._lowers  # texts[k], lowers[k] (read once by ``match``)
        led = s >= 2 and lowers[s - 1] == "by" and lowers[s - 2] in self.lead_verbs
        lead_aff = self._context_affiliation(doc, s - 2) if led else ""
        if s > 0 and doc[s].ent_type_ == "ORG" and doc[s].ent_iob_ == "I" and doc[s - 1].ent_type_ == "ORG" \
                and doc[s - 1].ent_iob_ == "B" and lowers[s - 1] in self.title_words:
            return None  # "General Motors": a title word that begins a body's name, as the model reads it
        # 1. title before: "Turkish Foreign Minister Hakan Fidan", "presidential aide X"
        tp = self._title_phrase_before(doc, s)
        if tp is not None:
            ts, aff = tp
            return self._add_person(doc, persons, titles, span, "title", (ts, s), aff)
        # 1b. a name in brackets after a title: "the Turkish Cypriot leader (X Y)"
        if s >= 2 and texts[s - 1] == "(" and e < n and texts[e] == ")" and e - ns >= 2:
            tp = self._title_phrase_before(doc, s - 1)
            if tp is not None:
                return self._add_person(doc, persons, titles, span, "title", (tp[0], s - 1), tp[1])
        # 2. possessive country before: "Turkey's Mevlut Cavusoglu"
        if s >= 2 and texts[s - 1] in _APOS:
            h = self._covered.get(s - 2)
            if h is not None and h.kind == "Country" and e - ns >= 2:
                return self._add_person(doc, persons, titles, span, "title", None, h.name)
        # 3. apposition after: "X, the foreign minister of host Turkey," / "X, president of Y"
        if e < n and texts[e] == ",":
            k = e + 1
            while k < n and k - e <= 12 and texts[k] not in (",", ".", ";", ":", "(", ")", "\n") and not texts[k].startswith("\n"):
                k += 1
            ok, aff = self._phrase(doc, e + 1, k)
            if ok and (k == n or texts[k] in (",", ".", ";", ":")):
                return self._add_person(doc, persons, titles, span, "title", (e + 1, k), aff or lead_aff)
            # "X, who heads the ruling party's faction in parliament"
            if e + 2 < n and lowers[e + 1] == "who":
                verb = lowers[e + 2]
                if verb in self.relative_verbs and e - ns >= 2:
                    k = e + 3
                    while k < n and texts[k] not in (",", ".", ";", ":") and k - e < 16:
                        k += 1
                    return self._add_person(doc, persons, titles, span, "title", (e + 2, k), lead_aff)
        # 4. apposition before: "the head of the Azerbaijani delegation, Elchin Amirbayov,"
        if s >= 2 and texts[s - 1] == "," and e - ns >= 2:
            k = s - 2
            while k >= 0 and s - k <= 12 and texts[k] not in (",", ".", ";", ":", "“", '"', "(") \
                    and not doc[k].is_sent_start:
                k -= 1
            start = k if k >= 0 and doc[k].is_sent_start and texts[k] not in (",", ".", ";", ":", "“", '"', "(") \
                else k + 1
            ok, aff = self._phrase(doc, start, s - 1)
            if ok and (doc[start].is_lower and lowers[start] not in ("the", "a", "an")
                       or any(lowers[j] == "by" for j in range(start, s - 1))):  # "a team led by the Minister ..."
                k = self._title_suffix(doc, start, s - 1)  # "as agreed by the Minister of X, Y"
                if k is not None and k > start and self._phrase(doc, k, s - 1)[0]:
                    start = k
                    ok, aff = self._phrase(doc, k, s - 1)
            if not ok:  # "posted by U.S. Special Envoy for Sudan, X": the title ends the clause
                k = self._title_suffix(doc, start, s - 1)
                if k is not None:
                    ok, aff = self._phrase(doc, k, s - 1)
                    start = k if ok else start
            if ok and (e >= n or texts[e] in (",", ".", ";", ")") or lowers[e] in self.speech):
                return self._add_person(doc, persons, titles, span, "title", (start, s - 1), aff)
        # 5. "led by X", "headed by X" (a full name)
        if led and e - ns >= 2:
            return self._add_person(doc, persons, titles, span, "title", None, lead_aff)
        # 6. an honorific marks a person: "Mr Okafor", "Sheikh Tamim"
        if ns > s and not (e - ns < 2 and s > 0 and lowers[s - 1] in self.loc_preps):
            return self._add_person(doc, persons, titles, span, "title", None, lead_aff)
        return None  # (one word after an honorific and a place preposition: a building, "at Seri X")

    def _title_suffix(self, doc: Doc, lo: int, end: int) -> int | None:
        """The start of the title words that end ``doc[lo:end]`` ("... posted by [U.S.
        Special Envoy for Sudan]"): countries, organizations, title words and the small
        words between them, from the first capitalized one; None if there are none."""
        fillers = self.gaz.words.get("phrase_fillers", frozenset())
        # a portfolio nobody listed may end the title: "the Minister of Labour and Employment"
        k = end
        if end - 1 >= lo and (j := self._portfolio_of(doc, lo, end - 1, most=5)) is not None:
            k = j
        while k > lo:
            tok = doc[k - 1]
            h = self._covered.get(k - 1)
            if (h is not None and h.kind != "Person") or tok.lower_ in self.title_words or tok.lower_ in fillers \
                    or tok.text in _APOS or tok.lower_ in self.actor_nouns and tok.text[:1].isupper():
                k -= 1
                continue
            break
        while k < end and not doc[k].text[:1].isupper():
            k += 1
        return k if k < end else None

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
