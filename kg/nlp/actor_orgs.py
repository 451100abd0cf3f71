"""Organizations nobody listed, and countries inside compound adjectives, for ``kg_actors``.

A mixin of :class:`kg.nlp.actors.ActorRecognizer`, run after the persons are found:

- a body introduced by its long name and an acronym in brackets ("the Harbour Workers
  Association (HWA)", "the Tallow Coast dockers' union (TCDU)");
- a name the text gives right after a noun that says what it is ("the Lakeland party
  Voran", "the teachers' union, Edtu", "the state-owned carrier Nordlinje"), or right
  before one ("Voran, the main opposition party,");
- a name the trained NER labels ORG that ends in a legal form ("Fenwick Hale LLP"), in
  the head of a body's name ("... Group", "... Association", see ``collective_heads``),
  or that acts somewhere in the text: the subject of a clause, the owner of something
  ("Nordlinje's offer"), one of coordinated subjects, the agent of a passive, the
  partner of talks ("a pact with Voran"). A news outlet cited for a report, a process
  or document ("... Initiative"), a place and a word that is only a head ("Government")
  are left out;
- every other mention of such a name, and of its acronym;
- a country named inside a compound adjective ("a Veloria-backed militia", "the
  U.S.-brokered truce"): the backer or broker is an actor.

The word lists live in ``ontology/gazetteer/cues.json`` (``org_nouns``,
``collective_heads``, ``legal_forms``, ``not_org_tails``, ``news_media``,
``report_verbs``, ``compound_actor_suffixes``, ``local_heads``, ``group_nouns``).
Bodies need the trained NER's labels; countries in compound adjectives do not:

>>> import spacy
>>> from kg.nlp import add_kg_components
>>> nlp = add_kg_components(spacy.blank("en"))
>>> doc = nlp("A Qatar-brokered pause held while Kenya\u2011backed monitors watched.")
>>> [(s.text, s.kb_id_, s.id_) for s in doc.spans["kg_actors"]]
[('Qatar', 'Qatar', 'gazetteer:actor'), ('Kenya‑backed', 'Kenya', 'gazetteer:actor')]
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.nlp.actor_names import _APOS, _HYPHENS, _Hit

#: Any of the hyphens (:data:`~kg.nlp.actor_names._HYPHENS`) inside a word.
_HYPHEN_RX = re.compile("|".join(map(re.escape, _HYPHENS)))

__all__ = ["OrgMentions"]

_CONNECTORS = frozenset({"of", "and", "for", "on", "the", "&", "de", "du", "des", "la", "el", "y"})
_OPEN_QUOTES = ('"', "“", "'", "‘")
_CLOSE_QUOTES = ('"', "”", "'", "’")


class OrgMentions:
    """Organizations named without a gazetteer row; countries in compound adjectives."""

    # ------------------------------------------------------------------ shapes
    def _org_words(self, key: str) -> frozenset[str]:
        return self.gaz.words.get(key, frozenset())

    def _cap(self, tok) -> bool:
        t = tok.text
        return bool(t) and (t[0].isupper() or t[0].isdigit()) and any(c.isalnum() for c in t)

    def _org_shaped(self, doc: Doc, s: int, e: int) -> bool:
        """Whether ``doc[s:e]`` can be an organization's name: capitalized words and the
        small words between them, not only heads, no place, process or document, no
        hyphenated place name, no newline."""
        words = doc[s:e]
        if not 1 <= len(words) <= 9 or not self._cap(words[0]) or not self._cap(words[-1]):
            return False
        for t in words:
            if t.text == "/" and t.i > s and not t.whitespace_ and not doc[t.i - 1].whitespace_:
                continue  # "the Left/Green alliance": two bodies acting as one
            if t.text in _APOS and self._inner_possessive(doc, t.i, s, e):
                continue  # "the Nurses' Union of X", "the International Dockers’ Association"
            if "\n" in t.text or t.text in ("/", "|", ":", ";", "(", ")", '"', "“", "”") or t.text in _APOS:
                return False
            if not (self._cap(t) or t.lower_ in _CONNECTORS or t.text in (",", ".")):
                return False
        last = words[-1].text
        if last in self._org_words("not_org_tails") or last in self.gaz.words.get("place_words", ()):
            return False
        generic = self.title_words | self._org_words("institution_heads") | self.actor_nouns
        plain = [t for t in words if self._cap(t) and t.lower_ not in generic and t.text not in generic
                 and t.text not in self.not_names and self.gaz.surfaces.get(t.text, ("", ""))[1] != "demonym"
                 and not (t.text in self.gaz.surfaces and len(words) > 1 and t.text not in self.org_heads
                          and words[-1].text in generic)]
        if not plain or len(words) == 1 and words[0].text in self._org_words("collective_heads"):
            return False  # "Government", "Council", "Group", "Foreign Ministry", "the Kenyan Government"
        first = words[0].lower_
        if first in self.title_heads or first.rstrip("s") in self.title_heads or words[0].text in self.not_names:
            return False  # "Directors General of ...", "The ..."
        if len(words) > 1 and words[1].lower_ in ("of", "from", "for") and (
                first in self.actor_nouns or first in self._org_words("group_nouns")):
            return False  # "Delegations of Veloria and Arden met": people of a country, no body
        if self.gaz.surfaces.get(last, ("", ""))[1] == "demonym" or self.gaz.surfaces.get(words.text):
            return False  # "Karabakh Armenians": people; "Russian Federation": a listed name
        if any(t.text in _HYPHENS for t in words) and not self._has_org_head(doc, s, e):
            return False  # "Nagorno-Karabakh"
        return True

    def _inner_possessive(self, doc: Doc, i: int, s: int, e: int) -> bool:
        """Token ``i``, an apostrophe, is inside the name ``doc[s:e]``: glued to a
        capitalized word that names no place or country ("Nurses'", "Dockers’s"), a
        capitalized word after it, and the name ends in the head of a body's name."""
        if not (s < i < e - 1) or doc[i - 1].whitespace_ or not self._cap(doc[i - 1]) \
                or not self._cap(doc[i + 1]) or doc[i - 1].text in self.gaz.surfaces:
            return False
        if doc[i].text in ("'", "’") and not doc[i - 1].text.endswith("s"):
            return False  # a closing quote, not a plural possessive
        return self._has_org_head(doc, i + 1, e)

    def _has_org_head(self, doc: Doc, s: int, e: int) -> bool:
        heads = self._org_words("institution_heads") | self._org_words("collective_heads")
        return any(t.text in heads for t in doc[s:e])

    def _legal_form(self, doc: Doc, s: int, e: int) -> bool:
        forms = self._org_words("legal_forms")
        last = self._texts[e - 1]  # doc[e - 1].text (read once by ``match``)
        return last in forms or last.rstrip(".") in forms

    def _is_medium(self, name: str, doc: Doc, s: int, e: int) -> bool:
        return name in self._org_words("news_media") or doc[e - 1].text in self._org_words("medium_heads")

    # ------------------------------------------------------------------ evidence
    def _acts(self, doc: Doc, s: int, e: int, medium: bool) -> bool:
        """A mention of a candidate organization that shows it acting."""
        n = len(doc)
        report = self._org_words("report_verbs")
        if e < n and doc[e].text in _APOS:
            k = e + 1
            while k < n and (doc[k].is_lower and doc[k].is_alpha or doc[k].text in _HYPHENS) and k - e < 5:
                k += 1  # "Nordlinje's latest offer": the thing owned, past its modifiers
            owned = doc[k] if k < n else None
            own = doc[e + 1] if e + 1 < n else None
            if medium:
                return False  # "Tideline News's reporter": the outlet of a journalist
            return not (own is not None and (own.lower_ in self.title_words or own.ent_type_ == "PERSON")) and (
                owned is None or owned.ent_type_ != "PERSON")
        if not self._has_dep:
            return False
        root = doc[s:e].root
        tok = root
        if tok.dep_ == "compound" and tok.head.lower_ in self._org_words("group_nouns") and (
                e - s > 1 or any(c.isupper() or c.isdigit() for c in doc[s].text[1:])):
            tok = tok.head  # "the VLF rebels signed": the group acts as its members ("Veloran" is an adjective)
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head  # "Nordlinje and Vesta announced": the first conjunct's role
        dep, head = tok.dep_, tok.head
        if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
            if head.lemma_ in report and (medium or head.lemma_ not in ("say", "tell", "add")):
                return False  # "Tideline News reported": a source, not a party
            return not medium or head.lemma_ not in ("say", "tell", "write", "add", "note")
        if dep == "poss":
            return not medium and head.lower_ not in self.title_words
        if dep == "pobj" and not medium:
            prep = head
            if prep.lower_ == "by" and prep.dep_ == "agent":
                return prep.head.lemma_ not in report  # "the strike called by the Harbour Workers"
            if prep.lower_ in ("with", "between", "against") and (
                    prep.head.lower_ in self.nego_nouns or prep.head.pos_ == "VERB"):
                return True  # "a pact with Voran", "negotiating with Nordlinje"
        return False

    # ------------------------------------------------------------------ candidates
    def _strip(self, doc: Doc, s: int, e: int) -> tuple[int, int]:
        texts, lowers = self._texts, self._lowers  # doc[k].text, doc[k].lower_ (read once by ``match``)
        while s < e and (lowers[s] in ("the", "a", "an") or texts[s] in _OPEN_QUOTES):
            s += 1
        while e > s and (texts[e - 1] in _APOS or texts[e - 1] in _CLOSE_QUOTES
                         or texts[e - 1] in (",", ".") and not self._legal_form(doc, s, e)):
            e -= 1
        return s, e

    def _name_after(self, doc: Doc, i: int, max_len: int = 5) -> tuple[int, int] | None:
        """Capitalized words from token ``i`` (an organization's name), or None."""
        n = len(doc)
        if i >= n or not self._cap(doc[i]) or doc[i].text in self.not_names:
            return None
        e = i
        while e < n and e - i < max_len and (self._cap(doc[e]) or doc[e].text == "&" and e + 1 < n
                                             and self._cap(doc[e + 1])):
            if "\n" in doc[e].text or doc[e].lower_ in self.title_words:
                break
            e += 1
        return (i, e) if e > i else None

    def _apposed(self, doc: Doc) -> list[tuple[int, int]]:
        """Names right after or before a noun saying what they are: "the Lakeland party
        Voran", "the teachers' union, Edtu", "the drivers' union (LDU)", "Voran, the main
        opposition party,"."""
        nouns = self._org_words("org_nouns")
        n = len(doc)
        out = []
        for tok in self._tokens_in(doc, nouns):
            if not tok.is_lower:
                continue
            k = tok.i + 1
            if k < n and doc[k].text in (",", "("):
                k += 1
            if k + 1 < n and doc[k].lower_ in ("known", "called") and doc[k + 1].lower_ == "as":
                k += 2  # "a group of parties, known as the Unity Bloc"
                if k < n and doc[k].lower_ == "the":
                    k += 1
            span = self._name_after(doc, k)
            if span is not None:
                s, e = span
                closed = e >= n or doc[e].text in (",", ".", ")", ";", ":") or doc[e].is_lower \
                    or doc[e].text in _APOS
                if closed and not (doc[k - 1].text == "(" and (e >= n or doc[e].text != ")")):
                    out.append(span)
            # "Voran, the main opposition party," / "Voran, a union of ..."
            j = tok.i - 1
            while j > 0 and tok.i - j < 5 and (doc[j].is_lower or doc[j].text in _APOS) and doc[j].lower_ not in (
                    "the", "a", "an"):
                j -= 1
            if j >= 2 and doc[j].lower_ in ("the", "a", "an") and doc[j - 1].text == "," and (
                    tok.i + 1 >= n or doc[tok.i + 1].text in (",", ".", ";") or doc[tok.i + 1].lower_ in (
                    "of", "in", "that", "which", "whose")):
                e = j - 1
                s = e
                while s > 0 and e - s < 5 and self._cap(doc[s - 1]) and doc[s - 1].text not in self.not_names:
                    s -= 1
                    if doc[s].is_sent_start:
                        break
                if s < e:
                    out.append((s, e))
        return out

    def _bracketed(self, doc: Doc) -> list[tuple[int, int, int]]:
        """A long name with an org head, then its acronym in brackets: (start, end,
        acronym token)."""
        heads = self._org_words("institution_heads") | self._org_words("collective_heads")
        nouns = self._org_words("org_nouns")
        n = len(doc)
        out = []
        for i in (i for i, text in enumerate(self._texts) if text == "(" and i > 0):
            tok = doc[i]
            a = tok.i + 1
            if a < n and doc[a].text in _OPEN_QUOTES:
                a += 1
            if a >= n or not (doc[a].text.isupper() and 2 <= len(doc[a].text) <= 8 and doc[a].text.isalpha()):
                continue
            c = a + 1
            if c < n and doc[c].text in _CLOSE_QUOTES:
                c += 1
            if c >= n or doc[c].text != ")":
                continue
            e = tok.i
            if doc[e - 1].text in _APOS:
                e -= 1  # "the Joint Security Teams' (JST) transition"
            lower_head = doc[e - 1].text in nouns and doc[e - 1].is_lower  # "... Transport union (RMT)"
            s = e - 1 if lower_head else e
            while s > 0 and e - s < 12:
                prev = doc[s - 1]
                if self._cap(prev) and "\n" not in prev.text:
                    s -= 1
                elif prev.text in _APOS and s >= 2 and self._inner_possessive(doc, s - 1, s - 2, e):
                    s -= 1  # "the Nurses' Union of Eastland (NUE)"
                elif prev.lower_ in _CONNECTORS - {"the"} or prev.text in (",", "&"):
                    s -= 1
                elif prev.lower_ == "the" and s >= 2 and doc[s - 2].lower_ in ("of", "for") and not lower_head \
                        and not any(t.text in heads for t in doc[s:e]):
                    s -= 1  # "Armed Forces of the Veloran Republic (AFVR)", not "members of the X Union"
                else:
                    break
            while s < e and not self._cap(doc[s]):
                s += 1
            if s >= e or (not lower_head and not any(t.text in heads for t in doc[s:e])):
                continue
            out.append((s, e, a))
        return out

    def _party_of_person(self, doc: Doc, hits: list[_Hit]) -> list[tuple[int, int]]:
        """The acronym in brackets right after a person's name, as a party or body is
        given ("mediator Lena Voss (SPD)", "X (D66) said"), when it names no country."""
        n = len(doc)
        out = []
        for h in hits:
            a = h.end + 1
            if h.kind != "Person" or a + 1 >= n or doc[h.end].text != "(" or doc[a + 1].text != ")":
                continue
            t = doc[a].text
            if 2 <= len(t) <= 6 and t.isalnum() and t.upper() == t and any(c.isalpha() for c in t) \
                    and t not in self.gaz.surfaces:
                out.append((a, a + 1))
        return out

    def _spelled_out(self, doc: Doc) -> list[tuple[int, int, str]]:
        """A name ending in the head of a body's name whose initials are an acronym the
        text uses elsewhere ("the Coastal Ferry Operators Association ... the CFOA"):
        (start, end, acronym)."""
        acronyms = {t for t in self._texts if t.isalpha() and t.isupper() and 2 <= len(t) <= 6}
        if not acronyms:
            return []
        heads = self._org_words("institution_heads") | self._org_words("collective_heads")
        out = []
        for tok in self._tokens_in(doc, heads):
            e = tok.i + 1
            s = tok.i
            while s > 0 and e - s < 8 and "\n" not in doc[s - 1].text and (
                    self._cap(doc[s - 1]) or doc[s - 1].lower_ in ("of", "and", "for", "&")):
                s -= 1
            for a in range(s, tok.i):
                initials = "".join(t.text[0] for t in doc[a:e] if t.text[:1].isupper())
                if self._cap(doc[a]) and initials in acronyms and initials not in self.gaz.surfaces:
                    out.append((a, e, initials))
                    break
        return out

    def _organizations(self, doc: Doc, hits: list[_Hit], taken: set[int]) -> tuple[list[_Hit], list[_Hit]]:
        """Organizations nobody listed (see the module docstring): the new hits, and the
        hits of countries or demonyms inside their names, which they replace."""
        self._renamed: dict[str, str] = {}
        if not self._has_ents:
            return [], []
        n = len(doc)
        text = None  # the document's text, joined once when first needed (``doc.text`` joins every token's)
        by_token = {i: h for h in hits for i in range(h.start, h.end)}
        persons = {w for h in hits if h.kind == "Person" for w in h.name.split()}
        persons |= {ent[-1].text for ent in self._ents if ent.label_ == "PERSON" and len(ent) >= 2}

        def free(s: int, e: int, longer: bool = False) -> bool:
            """No person and no listed body inside; a country or demonym inside is
            replaced, and so is (``longer``) a shorter body found by the NER."""
            for i in range(s, e):
                h = by_token.get(i)
                if h is None:
                    continue
                if h.kind == "Person" or h.start < s or h.end > e:
                    return False
                if h.kind == "Organization" and not (longer and h.source != "gazetteer" and e - s > h.end - h.start):
                    return False
            return True

        labels: dict[str, list[str]] = {}
        for ent in self._ents:
            s, e = self._strip(doc, ent.start, ent.end)
            if s < e:
                labels.setdefault(self._span_text(doc, s, e), []).append(ent.label_)
        accepted: dict[str, tuple[int, int]] = {}
        candidates: dict[str, list[tuple[int, int]]] = {}
        acronym_of: dict[str, str] = {}
        for s, e, a in self._bracketed(doc):
            s, e = self._strip(doc, s, e)
            if s < e and free(s, e, longer=True) and not self._is_medium(self._span_text(doc, s, e), doc, s, e):
                name = self._span_text(doc, s, e)
                accepted.setdefault(name, (s, e))
                acronym_of.setdefault(doc[a].text, name)
        for s, e, acr in self._spelled_out(doc):
            if free(s, e, longer=True) and not self._is_medium(self._span_text(doc, s, e), doc, s, e):
                accepted.setdefault(self._span_text(doc, s, e), (s, e))
                acronym_of.setdefault(acr, self._span_text(doc, s, e))
        for s, e in self._party_of_person(doc, hits):
            if free(s, e):
                accepted.setdefault(self._span_text(doc, s, e), (s, e))
        for s, e in self._apposed(doc):
            s, e = self._strip(doc, s, e)
            if s < e and free(s, e) and self._org_shaped(doc, s, e) and not self._is_medium(
                    self._span_text(doc, s, e), doc, s, e) and not any(
                    t.text in persons for t in doc[s:e]):
                accepted.setdefault(self._span_text(doc, s, e), (s, e))
        spans = [(ent.start, ent.end) for ent in self._ents if ent.label_ == "ORG" or self._legal_form(
            doc, ent.start, ent.end)]
        forms = self._org_words("legal_forms")
        for tok in self._tokens_in(doc, forms):  # "Ostrow Partners LLP" with no label at all
            if tok.i > 0 and tok.ent_type_ == "" and self._cap(doc[tok.i - 1]):
                s = tok.i
                while s > 0 and tok.i - s < 4 and (self._cap(doc[s - 1]) or doc[s - 1].text == "&") \
                        and doc[s - 1].text not in self.not_names and "\n" not in doc[s - 1].text:
                    s -= 1
                spans.append((s, tok.i + 1))
        for start, end in spans:
            s, e = self._strip(doc, start, end)
            if s >= 2 and doc[s - 1].text == "/" and not doc[s - 2].whitespace_ and not doc[s - 1].whitespace_:
                s -= 2  # "CDU/CSU", tagged in halves
            while e + 1 < n and doc[e].text == "/" and not doc[e - 1].whitespace_ and not doc[e].whitespace_:
                e += 2
            if e + 1 < n and doc[e].text in self._org_words("local_heads") and doc[e + 1].like_num:
                e += 2  # a union's local: "IAM District 751", "Teamsters Local 117"
            elif e < n and e - s >= 2 and doc[e - 1].text in self._org_words("local_heads") and doc[e].like_num:
                e += 1
            if s >= e or not free(s, e) or not self._org_shaped(doc, s, e):
                continue
            name = self._span_text(doc, s, e)
            if e - s == 1 and (name in persons or name in self.gaz.surfaces):
                continue  # a surname of a person of the text the model took for a body
            if labels.get(name, []).count("PERSON") > labels.get(name, []).count("ORG") and not self._legal_form(doc, s, e):
                continue
            if text is None:
                text = doc.text
            if any(f"{name} {tail}" in text for tail in self._org_words("not_org_tails")):
                continue  # "Dolmabahce" after "Dolmabahce Palace": a short name of a place
            candidates.setdefault(name, []).append((s, e))
        texts = set(self._texts)
        for name, spans in candidates.items():  # noqa: B020 - the ORG spans are read no more
            if name in accepted or name in acronym_of:
                continue
            s, e = spans[0]
            if self._is_medium(name, doc, s, e) or any(w in self._org_words("news_media") for w in name.split()):
                # an outlet cited or credited takes no part in the story; a body whose name
                # ends like an outlet's may act otherwise ("Canada Post will meet the union")
                if any(self._acts(doc, a, b, True) for a, b in spans):
                    accepted[name] = (s, e)
                continue
            if not (self._legal_form(doc, s, e) or self._collective(doc, s, e)
                      or any(self._acts(doc, a, b, False) for a, b in spans)):
                # the acronym of the name, where it acts ("MLB's latest offer")
                initials = "".join(t.text[0] for t in doc[s:e] if t.text[:1].isupper())
                if not (len(initials) >= 2 and initials in texts and any(
                        self._acts(doc, i, i + 1, False) for i in self._at.get(initials, ()))):
                    continue
                acronym_of.setdefault(initials, name)
            accepted[name] = (s, e)
        for name, (s, e) in accepted.items():
            initials = "".join(t.text[0] for t in doc[s:e] if t.text[:1].isupper())
            if e - s >= 2 and len(initials) >= 2 and initials in texts and initials not in self.gaz.surfaces:
                acronym_of.setdefault(initials, name)  # "the Pacific Dockworkers Federation ... the PDF"
        for name in list(accepted):
            if "/" in name and " " not in name:
                for part in name.split("/"):  # "CDU/CSU": each half alone is the alliance
                    if part and part not in self.gaz.surfaces:
                        acronym_of.setdefault(part, name)
        for acr, name in acronym_of.items():
            if name in accepted:
                accepted.pop(acr, None)  # "the transport union (TU)": one body, named in full
        if not accepted:
            return [], []
        # every mention of an accepted name or its acronym
        phrases = [(name, name) for name in accepted]
        for acr, name in acronym_of.items():
            if name in accepted and acr not in self.gaz.surfaces:
                phrases.append((name, acr))
        for name, (s, e) in accepted.items():
            if e - s >= 3 and self._legal_form(doc, s, e):  # "Helix Pharma" after "Helix Pharma Inc."
                short = doc[s:e - 1].text.rstrip(" ,")
                if short not in self.gaz.surfaces:
                    phrases.append((name, short))
        found: list[_Hit] = []
        dropped: dict[int, _Hit] = {}
        renamed: dict[str, str] = {}
        used: set[int] = set()
        matches = sorted(self._phrase_matches(doc, phrases), key=lambda m: (-(m[2] - m[1]), m[1]))
        for key, s, e in matches:
            if any(i in used for i in range(s, e)) or not free(s, e, longer=True):
                continue
            if s > 0 and self._cap(doc[s - 1]) and doc[s - 1].text not in self.not_names and not doc[s].is_sent_start \
                    and doc[s - 1].i not in by_token and e - s == 1 and doc[s].text not in acronym_of:
                continue  # a word of a longer name
            name = doc.vocab.strings[key]
            for i in range(s, e):
                old = by_token.get(i)
                if old is not None and old.kind == "Organization":  # a shorter body, now named in full
                    dropped[id(old)] = old
                    renamed[old.name] = name
            used.update(range(s, e))
            found.append(_Hit(s, e, name, "Organization", "ner"))
        for acr, name in acronym_of.items():
            if name in accepted:
                renamed.setdefault(acr, name)
        for h in hits:  # other mentions of a body now named in full ("KMPDU")
            if h.kind == "Organization" and h.name in renamed and id(h) not in dropped:
                h.name = renamed[h.name]
        self._renamed = renamed
        taken.update(used)
        return found, list(dropped.values())

    def _collective(self, doc: Doc, s: int, e: int) -> bool:
        """A name ending in the head of a body's name ("... Group", "... Association")."""
        return doc[e - 1].text in self._org_words("collective_heads")

    # ------------------------------------------------------------------ countries
    def _compound_countries(self, doc: Doc, taken: set[int]) -> list[_Hit]:
        """A country inside one token of a compound adjective: "U.S.-brokered",
        "Veloria-backed" (the backer or broker acts)."""
        suffixes = self._org_words("compound_actor_suffixes")
        out = []
        for i, text in enumerate(self._texts):
            if i in taken or not _HYPHEN_RX.search(text):  # (a hyphen in the word: one search)
                continue
            tok = doc[i]
            cut = max(text.rfind(h) for h in _HYPHENS)
            head, tail = text[:cut], text[cut + 1:]
            if tail.lower() not in suffixes:
                continue
            found = self.gaz.surfaces.get(head)
            if found is None or self.gaz.entries[found[0]].kind != "Country" or found[1] == "capital":
                continue
            out.append(_Hit(tok.i, tok.i + 1, found[0], "Country", "gazetteer"))
            taken.add(tok.i)
        return out
