"""A synthetic corpus of extracted records, for measuring the store (not the language pipeline).

A world of countries, people (with titles that change over time) and
negotiation tracks, each a series of numbered rounds on known dates and places.
Every document, published on some day, tells about 20 events: rounds before
its date (held, with the date, a month, or only the number), the next round
(proposed for next week), meetings, statements, proposals of the next round,
prisoner exchanges and ceasefires. The same real events recur across documents,
so reconciling has real work to do. Each event's evidence is the sentence that
tells it, at its offsets in the document text. Deterministic for a seed.

    python bench/gen_corpus.py 1000 > /dev/null      # prints a summary on stderr

>>> xs = list(generate(3, seed=1))
>>> [len(x.events) >= 15 for x in xs]
[True, True, True]
>>> all(x.document.text[m.start:m.end] == m.text for x in xs for e in x.events for m in e.mentions)
True
"""

from __future__ import annotations

import hashlib
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue

__all__ = ["generate", "World"]

_SYLLABLES = ("ka", "lo", "ri", "ven", "dor", "mi", "sa", "tu", "bel", "ora", "nis", "gar", "le",
              "pa", "zu", "mor", "te", "vi", "an", "kel")
_CITIES = 60
_START = date(2020, 1, 1)
_DAYS = 3650


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


@dataclass
class _Track:
    name: str
    parties: tuple[str, str]
    rounds: list[tuple[date, str]]  # (date, city) of rounds 1..n


class World:
    """Countries, people, cities and negotiation tracks, sized for ``n_docs`` documents."""

    def __init__(self, n_docs: int, seed: int = 0) -> None:
        rng = random.Random(seed)
        self.rng = rng
        n_countries = 40 + n_docs // 100
        self.countries = sorted({_name(rng, 3) + "ia" for _ in range(n_countries)})
        self.cities = sorted({_name(rng, 2) + "burg" for _ in range(_CITIES)})
        self.people = []  # (name, surname, country, titles by period)
        for i in range(8 * len(self.countries)):
            first, last = _name(rng, 2), _name(rng, 3)
            country = self.countries[i % len(self.countries)]
            t1 = rng.choice(("Foreign Minister", "Defence Minister", "Envoy", "Spokesperson"))
            t2 = rng.choice(("Secretary of the Security Council", "Prime Minister", "Aide"))
            self.people.append((f"{first} {last}", last, country, (t1, t2)))
        self.tracks = []
        for i in range(max(5, n_docs // 40)):
            a, b = rng.sample(self.countries, 2)
            day = _START + timedelta(days=rng.randrange(_DAYS - 400))
            rounds = []
            for _ in range(rng.randint(4, 10)):
                rounds.append((day, rng.choice(self.cities)))
                day += timedelta(days=rng.randint(10, 60))
            self.tracks.append(_Track(f"{a}-{b}-{i}".lower(), (a, b), rounds))


_ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


class _Doc:
    def __init__(self, doc_id: str, published: date) -> None:
        self.id = doc_id
        self.published = published
        self.parts = [f" date {published.isoformat()}\nTalks continue\n(Synthetic Wire) "]
        self.length = len(self.parts[0])
        self.events: list[Event] = []
        self.actors: dict[str, Actor] = {}

    def sentence(self, text: str) -> Mention:
        m = Mention(self.id, self.length, self.length + len(text), text)
        self.parts.append(text + " ")
        self.length += len(text) + 1
        return m

    def event(self, text: str, **kw) -> str:
        key = f"e{len(self.events)}"
        self.events.append(Event(key, mentions=(self.sentence(text),), **kw))
        return key

    def actor(self, name: str, kind: str, **kw) -> str:
        if name not in self.actors:
            self.actors[name] = Actor(name, kind, **kw)
        return name


def _day(d: date) -> TimeValue:
    return TimeValue(d.strftime("%B %d"), d.isoformat(), d, d, "day")


def _document(world: World, i: int, rng: random.Random, events_per_doc: int) -> Extraction:
    track = rng.choice(world.tracks)
    first, last = track.rounds[0][0], track.rounds[-1][0]
    published = first + timedelta(days=rng.randint(1, (last - first).days + 30))
    doc = _Doc(f"syn{i:06d}", published)
    a, b = track.parties
    for c in (a, b):
        doc.actor(c, "Country", aliases=(c.upper()[:3],))
    held = [(n + 1, d, city) for n, (d, city) in enumerate(track.rounds) if d < published]
    upcoming = [(n + 1, d, city) for n, (d, city) in enumerate(track.rounds) if d >= published]
    people = [p for p in world.people if p[2] in (a, b)]
    for n, d, city in held[-5:]:
        style = rng.random()
        kw = dict(kind="NegotiationRound", status="Occurred", actors=(a, b), track=track.name)
        if style < 0.5:
            doc.event(f"The {_ORD[(n - 1) % 10]} round was held in {city} on {d:%B %d}.",
                      label=f"Round {n} ({d})", time=_day(d), place=city, round=n, **kw)
        elif style < 0.8:
            month = TimeValue(d.strftime("%B %Y"), d.strftime("%Y-%m"), d.replace(day=1),
                              (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1),
                              "month")
            doc.event(f"Round {n} took place in {d:%B %Y}.", label=f"Round {n}", time=month,
                      round=n, **kw)
        else:
            doc.event(f"Delegations met in {city} on {d:%B %d}.", label=f"Talks in {city}",
                      time=_day(d), place=city, kind="NegotiationRound", status="Occurred",
                      actors=(a, b))
    if upcoming:
        week = published + timedelta(days=7 - published.weekday())
        nxt = doc.event("Another round was proposed for next week.", label="next round",
                        kind="NegotiationRound", status="Proposed", actors=(a, b),
                        time=TimeValue("next week", week.strftime("%G-W%V"), week,
                                       week + timedelta(days=6), "week"))
        proposer = rng.choice(people)
        doc.actor(proposer[0], "Person", aliases=(proposer[1],), title=proposer[3][0], affiliation=proposer[2])
        doc.event(f"{proposer[1]} proposed another meeting.", label="proposal of the next round",
                  kind="Proposal", status="Occurred", actors=(proposer[0],), proposed_by=(proposer[0],),
                  proposes=nxt, time=_day(published - timedelta(days=1)))
    if held:
        n, d, city = held[-1]
        doc.event("A prisoner swap was agreed.", label="prisoner exchange", kind="PrisonerExchange",
                  status="Planned", actors=(a, b))
    while len(doc.events) < events_per_doc:
        person = rng.choice(people)
        period = 0 if published < first + (last - first) / 2 else 1
        doc.actor(person[0], "Person", aliases=(person[1],), title=person[3][period], affiliation=person[2])
        roll = rng.random()
        when = published - timedelta(days=rng.randint(0, 20))
        if roll < 0.5:
            doc.event(f"{person[1]} said talks must go on.", label=f"statement by {person[1]}",
                      kind="Statement", status="Occurred", actors=(person[0],), time=_day(when))
        elif roll < 0.8:
            other = rng.choice(people)
            doc.actor(other[0], "Person", aliases=(other[1],), title=other[3][period], affiliation=other[2])
            doc.event(f"{person[1]} met {other[1]} on {when:%B %d}.", label=f"{person[1]} meets {other[1]}",
                      kind="Meeting", status="Occurred", actors=tuple(sorted({person[0], other[0]})),
                      time=_day(when), place=rng.choice(world.cities))
        else:
            doc.event(f"A ceasefire was proposed by {person[1]}.", label="ceasefire proposal",
                      kind="Ceasefire", status="Proposed", actors=(a, b))
    agreements = ()
    round_keys = [e.key for e in doc.events if e.kind == "NegotiationRound" and e.status == "Occurred"]
    if round_keys:
        agreements = (Agreement("swap", "prisoner exchange agreement", reached_at=round_keys[-1],
                                parties=(a, b)),)
    text = "".join(doc.parts)
    document = Document(id=doc.id, source=f"{doc.id}.txt", text=text,
                        sha256=hashlib.sha256(text.encode()).hexdigest(), body_start=0,
                        published=published, title="Talks continue", publisher="Synthetic Wire")
    return Extraction(document, actors=tuple(doc.actors.values()), events=tuple(doc.events),
                      agreements=agreements)


def generate(n_docs: int, *, events_per_doc: int = 20, seed: int = 0, start: int = 0,
             world_docs: int | None = None) -> Iterator[Extraction]:
    """``n_docs`` synthetic extractions (documents ``start`` ... ``start + n_docs - 1``),
    about ``events_per_doc`` events each, in a world sized for ``world_docs``
    documents (default ``n_docs``). Document ``i`` depends only on the seed, the
    world and ``i``, so ``generate(1, start=n, world_docs=n)`` is one more document."""
    world = World(world_docs or n_docs, seed)
    for i in range(start, start + n_docs):
        yield _document(world, i, random.Random(f"{seed}-{i}"), events_per_doc)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    xs = list(generate(n))
    print(f"{n} documents, {sum(len(x.events) for x in xs)} events, "
          f"{sum(len(x.actors) for x in xs)} actor records", file=sys.stderr)
