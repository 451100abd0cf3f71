"""Synthetic graphs in the published layout, for benchmarks and view tests.

:func:`synthetic_trig` writes a corpus-like graph of ``n_events`` events spread
over several documents: tracks of numbered rounds between pairs of countries,
meetings, statements responding to earlier events, proposals of later events,
agreements reached at rounds, and the same mix of date knowledge as real
articles (single days, ranges, one bound only, undated). Deterministic for a seed.

>>> from kg.analysis.data import read_timeline, store_from_trig
>>> data = read_timeline(store_from_trig(synthetic_trig(40, seed=1)))
>>> len(data.events), len(data.documents) >= 2, any(not e.dated for e in data.events)
(40, True, True)
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from kg.rdf.namespaces import DEFAULT_BASE_IRI, PREFIXES

__all__ = ["synthetic_trig"]

BASE = DEFAULT_BASE_IRI
_PREFIXES = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in PREFIXES.items()) + f"@base <{BASE}> .\n"
_KINDS = (("Meeting", 20), ("Statement", 25), ("Proposal", 15), ("Summit", 5),
          ("PrisonerExchange", 8), ("RepatriationOfRemains", 4), ("Ceasefire", 5), ("NegotiationRound", 18))


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _d(d: date) -> str:
    return f'"{d.isoformat()}"^^xsd:date'


def synthetic_trig(n_events: int, *, seed: int = 0, start: date = date(2022, 1, 1)) -> str:
    """A TriG text: one graph per document plus the consolidated view (their union)."""
    rng = random.Random(seed)
    span_days = 365 if n_events <= 500 else 365 * 4
    n_countries = max(4, min(40, n_events // 50))
    countries = [f"Country {i:02d}" for i in range(n_countries)]
    n_people = max(6, min(800, n_events // 8))
    people = [(f"Envoy {i:03d}", countries[i % n_countries]) for i in range(n_people)]
    n_tracks = max(2, min(60, n_events // 60))
    tracks = []
    for k in range(n_tracks):
        a, b = rng.sample(countries, 2)
        tracks.append((f"{min(a, b)}–{max(a, b)}".lower().replace(" ", "-"), a, b))
    n_docs = max(2, n_events // 20)
    docs: dict[int, list[str]] = {d: [] for d in range(n_docs)}

    def slug(name: str) -> str:
        return name.lower().replace(" ", "-")

    for d in range(n_docs):
        issued = start + timedelta(days=int(span_days * (d + 1) / n_docs))
        docs[d].append(
            f"<doc/d{d}> a nkg:Document, prov:Entity, schema:NewsArticle ; dcterms:identifier \"d{d}\" ;"
            f" dcterms:issued {_d(issued)} ; dcterms:title {_lit(f'Talks report number {d}')} ;"
            f" dcterms:publisher \"Synthetic Wire\" ; schema:url \"https://news.example.org/d{d}\" ."
        )
    kinds = [k for k, w in _KINDS for _ in range(w)]
    round_counter = {t[0]: 0 for t in tracks}
    events: list[tuple[str, date | None]] = []
    round_iris: list[str] = []
    for i in range(n_events):
        kind = rng.choice(kinds)
        day = start + timedelta(days=int(span_days * i / max(1, n_events - 1)))
        d = min(n_docs - 1, i * n_docs // n_events)
        track, ca, cb = rng.choice(tracks)
        person, home = rng.choice(people)
        r = rng.random()
        lo: date | None
        hi: date | None
        if r < 0.6:
            lo = hi = day
        elif r < 0.75:
            lo, hi = day, day + timedelta(days=6)
        elif r < 0.85:
            lo, hi = None, day
        elif r < 0.9:
            lo, hi = day, None
        else:
            lo = hi = None
        status = rng.choice(("Occurred", "Occurred", "Occurred", "Proposed", "Planned", "Ongoing"))
        iri = f"event/{kind.lower()}/s{i}"
        props = [f"a nkg:{kind}, sem:Event", f"nkg:status nkg:{status}"]
        actors = [f"<actor/{slug(ca)}>", f"<actor/{slug(cb)}>"]
        if kind == "NegotiationRound":
            round_counter[track] += 1
            label = f"Round {round_counter[track]} of {ca} and {cb} talks"
            props += [f"nkg:roundNumber {round_counter[track]}", f"nkg:track {_lit(track)}"]
            round_iris.append(iri)
        elif kind == "Statement":
            label = f"{person} comments on the talks"
            actors = [f"<actor/{slug(person)}>"]
            if events and rng.random() < 0.4:
                props.append(f"nkg:respondsTo <{rng.choice(events[-20:])[0]}>")
        elif kind == "Proposal":
            label = f"{person} proposes further talks"
            actors = [f"<actor/{slug(person)}>", f"<actor/{slug(home)}>"]
            props.append(f"nkg:proposedBy <actor/{slug(person)}>")
        else:
            label = f"{kind} between {ca} and {cb}"
        props.append(f"rdfs:label {_lit(label + f' #{i}')}")
        props.append("sem:hasActor " + ", ".join(sorted(set(actors))))
        if lo:
            props.append(f"sem:hasEarliestBeginTimeStamp {_d(lo)}")
        if hi:
            props.append(f"sem:hasLatestEndTimeStamp {_d(hi)}")
        b = 100 + 80 * i
        props += [f"nkg:evidence <mention/d{d}/{b}-{b + 60}>", f"prov:wasDerivedFrom <doc/d{d}>"]
        docs[d].append(f"<{iri}> " + " ;\n    ".join(props) + " .")
        docs[d].append(
            f"<mention/d{d}/{b}-{b + 60}> a nif:OffsetBasedString ; nif:beginIndex \"{b}\"^^xsd:nonNegativeInteger ;"
            f" nif:endIndex \"{b + 60}\"^^xsd:nonNegativeInteger ; nif:anchorOf {_lit(f'the text says: {label.lower()}')} ;"
            f" nif:referenceContext <doc/d{d}> ; nkg:inDocument <doc/d{d}> ."
        )
        events.append((iri, lo or hi))
    # proposals propose a later event; agreements at some rounds
    lines_extra: dict[int, list[str]] = {d: [] for d in range(n_docs)}
    for i, (iri, _) in enumerate(events):
        if iri.startswith("event/proposal/") and i + 1 < len(events):
            target = events[min(len(events) - 1, i + 1 + rng.randrange(10))][0]
            lines_extra[min(n_docs - 1, i * n_docs // n_events)].append(f"<{iri}> nkg:proposes <{target}> .")
    for k, iri in enumerate(round_iris):
        if k % 4 == 0:
            i = int(iri.rsplit("/s", 1)[1])
            d = min(n_docs - 1, i * n_docs // n_events)
            lines_extra[d].append(
                f"<agreement/s{i}> a nkg:Agreement ; rdfs:label {_lit(f'Agreement reached at round #{i}')} ;"
                f" nkg:status nkg:Occurred ; nkg:reachedAt <{iri}> ; prov:wasDerivedFrom <doc/d{d}> ."
            )
    actor_lines = []
    for c in countries:
        actor_lines.append(f"<actor/{slug(c)}> a nkg:Country, sem:Actor ; rdfs:label {_lit(c)} .")
    for p, home in people:
        actor_lines.append(
            f"<actor/{slug(p)}> a nkg:Person, sem:Actor ; rdfs:label {_lit(p)} ;"
            f" schema:jobTitle \"Envoy\" ; nkg:affiliatedWith <actor/{slug(home)}> ."
        )
    out = [_PREFIXES]
    union: list[str] = []
    for d in range(n_docs):
        body = docs[d] + lines_extra[d] + (actor_lines if d == 0 else [])
        out.append(f"<graph/doc/d{d}> {{\n" + "\n".join(body) + "\n}\n")
        union += body
    out.append("<graph/current> {\n<graph/current> a nkg:ConsolidatedGraph .\n" + "\n".join(union) + "\n}\n")
    return "\n".join(out)
