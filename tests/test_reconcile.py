"""Reconciliation across documents (kg.reconcile), on hand-made records.

Names, places and dates are invented (a "Varnia"-"Ostrelia" negotiation in
"Lindau"), plus a pair shaped like the seed (a round proposed for next week)
and a later article reporting the third round as held.
"""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest
from rdflib import Dataset
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.records import Actor, Agreement, Document, Event, Extraction, Mention, TimeValue
from kg.reconcile import (
    Claim,
    NameResolver,
    cluster_claims,
    match_score,
    merge_actors,
    reconcile,
)
from kg.rdf.build_view import view_quads
from kg.rdf.iris import IriMinter

D = date
PARTIES = ("Varnia", "Ostrelia")


def day(y, m, d):
    x = D(y, m, d)
    return TimeValue(x.isoformat(), x.isoformat(), x, x, "day")


def window(a, b, timex=None):
    return TimeValue(f"{a}..{b}", timex, a, b, "range")


def doc(doc_id, published, text=""):
    return Document(id=doc_id, source=f"{doc_id}.txt", text=text, sha256=doc_id, published=published)


def ev(key, kind="NegotiationRound", status="Occurred", **kw):
    kw.setdefault("actors", PARTIES)
    return Event(key, kind, kw.pop("label", key), status, **kw)


def x(doc_id, published, *events, actors=(), agreements=()):
    return Extraction(doc(doc_id, published), actors=tuple(actors), events=tuple(events),
                      agreements=tuple(agreements))


# --- a small invented corpus --------------------------------------------------
def corpus() -> list[Extraction]:
    return [
        x("a1", D(2031, 3, 5),
          ev("r1", time=day(2031, 3, 4), place="Lindau", round=1, track="varnia-ostrelia"),
          ev("next", status="Planned", label="next round"),
          actors=[Actor("Mira Kallas", "Person", ("Kallas",), title="Foreign Minister of Varnia",
                        affiliation="Varnia")]),
        x("a2", D(2031, 4, 2),
          ev("session", time=day(2031, 4, 1), place="Lindau", label="talks on Tuesday"),
          ev("prev", time=window(D(2031, 3, 1), D(2031, 3, 31), "2031-03"), round=1,
             label="first round in March"),
          actors=[Actor("Mira Kallass", "Person", ("Kallass",), title="Deputy Prime Minister")]),
        x("a3", D(2031, 4, 10),
          ev("r2", time=day(2031, 4, 1), place="Lindau", round=2, track="varnia-ostrelia"),
          ev("r3-proposed", status="Proposed", time=window(D(2031, 4, 20), D(2031, 4, 30)), round=3,
             track="varnia-ostrelia"),
          ev("prop", kind="Proposal", proposes="r3-proposed", proposed_by=("Varnia",),
             time=day(2031, 4, 1)),
          agreements=[Agreement("swap", "prisoner swap", reached_at="r2", parties=PARTIES)]),
        x("a4", D(2031, 5, 20),
          ev("soon", status="Proposed", time=window(D(2031, 5, 26), D(2031, 6, 1), "2031-W22"),
             label="a new round next week")),
        x("a5", D(2031, 5, 29),
          ev("third", time=day(2031, 5, 28), place="Lindau", round=3, track="varnia-ostrelia"),
          ev("second", time=day(2031, 4, 1), round=2, track="varnia-ostrelia")),
        # an older series between the same parties, another track
        x("b1", D(2027, 2, 3),
          ev("old1", time=day(2027, 2, 1), place="Kestrel", round=1, track="varnia-ostrelia-2027"),
          ev("old2", time=day(2027, 2, 2), place="Kestrel", round=2, track="varnia-ostrelia-2027")),
    ]


def current_graph(extractions, as_of=None):
    ds = Dataset()
    minter = IriMinter("https://example.org/")
    from rdflib import URIRef

    g = ds.graph(URIRef(str(minter.current_graph)))
    import pyoxigraph as ox

    data = ox.serialize([ox.Triple(q.subject, q.predicate, q.object)
                         for q in view_quads(reconcile(extractions, as_of=as_of), minter)],
                        format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode(), format="nt")
    return g


def rounds(view, track="varnia-ostrelia"):
    return sorted((e.round, e.time.earliest if e.time else None, e.status)
                  for e in view.events if e.kind == "NegotiationRound" and e.track == track)


# --- identity -------------------------------------------------------------------
def test_rounds_merge_into_one_node_per_round():
    view = reconcile(corpus())
    assert rounds(view) == [(1, D(2031, 3, 4), "Occurred"), (2, D(2031, 4, 1), "Occurred"),
                            (3, D(2031, 5, 28), "Occurred")]
    assert rounds(view, "varnia-ostrelia-2027") == [(1, D(2027, 2, 1), "Occurred"),
                                                    (2, D(2027, 2, 2), "Occurred")]


def test_round_number_and_date_from_different_documents_combine():
    view = reconcile(corpus())
    r2 = view.event_of("a2", "session")  # a dated session without a number ...
    assert r2 is view.event_of("a3", "r2")  # ... is round 2 of another article
    assert (r2.round, r2.place, r2.time.earliest) == (2, "Lindau", D(2031, 4, 1))
    assert r2.sources == ("a2", "a3", "a5")
    r1 = view.event_of("a2", "prev")  # "the first round in March" narrowed to March 4
    assert r1.id == view.event_of("a1", "r1").id
    assert (r1.time.earliest, r1.time.latest) == (D(2031, 3, 4), D(2031, 3, 4))


def test_other_track_and_other_class_stay_apart():
    view = reconcile(corpus())
    old = view.event_of("b1", "old1")
    assert old.id != view.event_of("a1", "r1").id
    assert match_score(Claim("p", None, ev("a", time=day(2031, 4, 1))),
                       Claim("q", None, ev("b", kind="Meeting", time=day(2031, 4, 1)))) == 0


def test_two_events_of_one_document_never_merge():
    a = x("d1", D(2031, 1, 9), ev("e1", kind="PrisonerExchange", time=day(2031, 1, 5)),
          ev("e2", kind="PrisonerExchange", time=day(2031, 1, 6)))
    b = x("d2", D(2031, 1, 20), ev("all", kind="PrisonerExchange",
                                   time=window(D(2031, 1, 5), D(2031, 1, 7))))
    view = reconcile([a, b])
    assert len(view.events) == 2
    assert view.event_of("d2", "all").id in {view.event_of("d1", "e1").id, view.event_of("d1", "e2").id}


def test_undated_events_without_round_do_not_merge():
    a = x("d1", D(2031, 1, 9), ev("s", kind="Summit", status="Proposed"))
    b = x("d2", D(2031, 6, 9), ev("s", kind="Summit", status="Proposed"))
    assert len(reconcile([a, b]).events) == 2


# --- status and bounds ------------------------------------------------------------
def test_latest_publication_decides_status_and_realizes_the_proposal():
    view = reconcile(corpus())
    third = view.event_of("a5", "third")
    assert third.status == "Occurred"
    assert view.event_of("a4", "soon") is third  # "next week" merged into the round held
    assert view.event_of("a3", "r3-proposed") is third
    assert sorted(c.id for c in third.realizes) == ["a3#r3-proposed", "a4#soon"]
    assert (third.time.earliest, third.time.latest) == (D(2031, 5, 28), D(2031, 5, 28))
    assert third.conflicts == ()  # a plan's window that moved is no contradiction
    proposal = view.event_of("a3", "prop")
    assert proposal.proposes == (third.id,)


def test_seed_like_pair():
    seed = x("seed", D(2031, 7, 20),
             ev("next-round", status="Proposed", label="another round next week",
                time=window(D(2031, 7, 21), D(2031, 7, 27), "2031-W30")),
             ev("umerov-proposal", kind="Proposal", proposes="next-round", proposed_by=("Ivo Brask",),
                time=day(2031, 7, 19), actors=("Ivo Brask",)))
    later = x("later", D(2031, 7, 24),
              ev("round-3", time=day(2031, 7, 23), place="Lindau", round=3, track="varnia-ostrelia"))
    for order in ([seed, later], [later, seed]):
        view = reconcile(order)
        rounds_ = [e for e in view.events if e.kind == "NegotiationRound"]
        assert len(rounds_) == 1
        r = rounds_[0]
        assert (r.status, r.round, r.place, r.time.earliest) == ("Occurred", 3, "Lindau", D(2031, 7, 23))
        assert [c.id for c in r.realizes] == ["seed#next-round"]
        assert view.event_of("seed", "umerov-proposal").proposes == (r.id,)
    before = reconcile([seed, later], as_of=D(2031, 7, 20))
    [r] = [e for e in before.events if e.kind == "NegotiationRound"]
    assert (r.status, r.round, r.realizes) == ("Proposed", None, ())
    g = current_graph([seed, later])
    q = """PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
    SELECT ?p ?r WHERE { ?p nkg:realizedBy ?r . ?r nkg:roundNumber 3 }"""
    rows = list(g.query(q))
    assert len(rows) == 1 and str(rows[0][0]).endswith("/doc/seed/next-round")


def test_contradicting_dates_are_a_flagged_conflict():
    a = x("d1", D(2031, 9, 2), ev("r4", time=day(2031, 9, 1), round=4, track="varnia-ostrelia"))
    b = x("d2", D(2031, 9, 5), ev("r4", time=day(2031, 9, 3), round=4, track="varnia-ostrelia"))
    view = reconcile([b, a])
    [e] = view.events
    [conflict] = e.conflicts
    assert conflict.prop == "time"
    assert sorted((c.doc_id, c.earliest) for c in conflict.claims) == [
        ("d1", D(2031, 9, 1)), ("d2", D(2031, 9, 3))]
    assert (e.time.earliest, e.time.latest) == (D(2031, 9, 1), D(2031, 9, 3))  # hull, not a pick
    g = current_graph([a, b])
    q = """PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT ?c ?d ?o WHERE { ?c a nkg:Conflict ; nkg:claimedBy ?d ; rdf:object ?o ;
                            nkg:conflictsWith ?other }"""
    claimed = {(str(d).rsplit("/", 1)[1], str(o)) for _, d, o in g.query(q)}
    assert claimed == {("d1", "2031-09-01"), ("d2", "2031-09-03")}


def test_consistent_bounds_are_intersected():
    a = x("d1", D(2031, 9, 30), ev("m", kind="Meeting", time=window(D(2031, 9, 1), D(2031, 9, 30))))
    b = x("d2", D(2031, 10, 1), ev("m", kind="Meeting", time=window(D(2031, 9, 10), D(2031, 10, 5))))
    [e] = reconcile([a, b]).events
    assert (e.time.earliest, e.time.latest, e.conflicts) == (D(2031, 9, 10), D(2031, 9, 30), ())


def test_as_of_keeps_what_was_believed_then():
    view = reconcile(corpus(), as_of=D(2031, 4, 10))
    r3 = view.event_of("a3", "r3-proposed")
    assert (r3.status, r3.time.earliest, r3.realizes) == ("Proposed", D(2031, 4, 20), ())
    assert {d.id for d in view.documents} == {"a1", "a2", "a3", "b1"}
    assert reconcile(corpus(), as_of=D(2020, 1, 1)).events == ()


# --- actors ---------------------------------------------------------------------
def test_aliases_and_spelling_variants_merge_one_person():
    recs = [(D(2031, 1, 1), "d1", Actor("Volodar Zelenskyy", "Person", ("Zelenskyy",))),
            (D(2031, 1, 2), "d2", Actor("Volodar Zelensky", "Person", ("Zelensky",))),
            (D(2031, 1, 3), "d3", Actor("Zelensky", "Person")),
            (D(2031, 1, 4), "d4", Actor("Volodar Zelenskyy", "Person", wikidata="Q99"))]
    [a] = merge_actors(recs)
    assert a.name == "Volodar Zelenskyy"
    assert set(a.aliases) == {"Zelenskyy", "Volodar Zelensky", "Zelensky"}
    assert a.wikidata == "Q99" and a.sources == ("d1", "d2", "d3", "d4")
    resolve = NameResolver([a])
    assert resolve("ZELENSKY") == "Volodar Zelenskyy"


def test_wikidata_joins_different_names():
    recs = [(None, "d1", Actor("Republic of Varnia", "Country", wikidata="Q123")),
            (None, "d2", Actor("Varnia", "Country", wikidata="Q123"))]
    assert len(merge_actors(recs)) == 1
    assert len(merge_actors([(None, "d1", Actor("Varnia", "Country")),
                             (None, "d2", Actor("Ostrelia", "Country"))])) == 2


def test_title_changes_over_time():
    view = reconcile(corpus())
    [mira] = [a for a in view.actors if "Kallas" in a.aliases]
    assert mira.title == "Deputy Prime Minister"  # the latest publication's title
    assert [t for _, _, t in mira.titles] == ["Foreign Minister of Varnia", "Deputy Prime Minister"]
    assert view.actors == reconcile(list(reversed(corpus()))).actors


# --- order independence -----------------------------------------------------------
def test_same_consolidated_graph_in_every_order():
    base = corpus()
    reference = current_graph(base)
    orders = [list(reversed(base))] + [random.Random(seed).sample(base, len(base)) for seed in (1, 2, 3)]
    orders += [list(p) for p in itertools.islice(itertools.permutations(base), 0, 720, 97)]
    for order in orders:
        g = current_graph(order)
        if not isomorphic(g, reference):
            _, only_ref, only_g = graph_diff(to_isomorphic(reference), to_isomorphic(g))
            pytest.fail(f"order {[e.document.id for e in order]}:\n"
                        f"only in reference: {sorted(only_ref)[:10]}\nonly here: {sorted(only_g)[:10]}")


def test_cluster_claims_is_order_independent():
    claims = [Claim(e.document.id, e.document.published, v) for e in corpus() for v in e.events]
    ref = [[c.id for c in g] for g in cluster_claims(claims)]
    for seed in range(5):
        shuffled = random.Random(seed).sample(claims, len(claims))
        assert [[c.id for c in g] for g in cluster_claims(shuffled)] == ref


def test_evidence_of_every_article_is_kept():
    text = "Talks were held in Lindau."
    m1 = Mention("d1", 0, 16, text[0:16])
    m2 = Mention("d2", 0, 5, text[0:5])
    a = Extraction(doc("d1", D(2031, 1, 2), text), events=(ev("t", time=day(2031, 1, 1), mentions=(m1,)),))
    b = Extraction(doc("d2", D(2031, 1, 3), text), events=(ev("t", time=day(2031, 1, 1), mentions=(m2,)),))
    [e] = reconcile([a, b]).events
    assert e.mentions == (m1, m2) and e.sources == ("d1", "d2")


# --- clustering by signature equals the pairwise definition --------------------
def _pairwise_clusters(claims, resolve=str):
    """The definition, claim by claim: compare with every earlier claim whose index
    keys meet one's probe keys; join the matched clusters, best first, while admissible."""
    from kg.reconcile import _intersect, _keyed, _track, event_blocks, norm

    def keyed_alike(a, b):  # both carry the same track and round number: one round
        keys = [({_track(c.event) for c in m} - {""}, {c.event.round for c in m} - {None}) for m in (a, b)]
        kinds = {c.event.kind for c in (*a, *b)}
        return len(kinds) == 1 and keys[0] == keys[1] and all(len(k) == 1 for k in keys[0])

    def admissible(members, other=()):
        members = members + list(other)
        if other and keyed_alike(members[:len(members) - len(other)], other):
            return len({c.doc_id for c in members}) == len(members)
        docs = [c.doc_id for c in members]
        placed = [c for c in members if norm(c.event.place)]
        factual = [c for c in members if c.event.status in ("Occurred", "Ongoing")]
        return (len(set(docs)) == len(docs) and len({c.event.kind for c in members}) == 1
                and len({_track(c.event) for c in members} - {""}) <= 1
                and len({c.event.round for c in members} - {None}) <= 1
                and (len({norm(c.event.place) for c in placed}) <= 1 or all(map(_keyed, placed)))
                and (not factual or _intersect([c.interval for c in factual]) is not None
                     or all(map(_keyed, factual))))

    ordered = sorted(claims, key=lambda c: c.order)
    blocks = [event_blocks(c.event, resolve) for c in ordered]
    cluster_of, clusters = [], {}
    for i, claim in enumerate(ordered):
        scores = {}
        for j in range(i):
            if set(blocks[i][1]) & set(blocks[j][0]):
                s = match_score(claim, ordered[j], resolve)
                if s:
                    scores[cluster_of[j]] = max(scores.get(cluster_of[j], 0), s)
        members, joined = [i], []
        for cid in sorted(scores, key=lambda c: (-scores[c], c)):
            if admissible([ordered[k] for k in members], [ordered[k] for k in clusters[cid]]):
                members += clusters.pop(cid)
                joined.append(cid)
        new_id = min(joined, default=i)
        clusters[new_id] = sorted(members)
        cluster_of.append(new_id)
        for k in members:
            cluster_of[k] = new_id
    return [[ordered[k].id for k in clusters[c]] for c in sorted(clusters)]


def _pairwise_components(claims, resolve=str):
    from kg.reconcile import event_blocks

    ordered = sorted(claims, key=lambda c: c.order)
    blocks = [event_blocks(c.event, resolve) for c in ordered]
    by_id = {c.id: i for i, c in enumerate(ordered)}
    edges = {i: set() for i in range(len(ordered))}
    for i, c in enumerate(ordered):
        for j in range(i):
            if set(blocks[i][1]) & set(blocks[j][0]) and match_score(c, ordered[j], resolve):
                edges[i].add(j), edges[j].add(i)
        for ref in (c.event.proposes, c.event.responds_to):
            j = by_id.get(f"{c.doc_id}#{ref}") if ref else None
            if j is not None:
                edges[i].add(j), edges[j].add(i)
    seen, out = set(), []
    for i in range(len(ordered)):
        if i not in seen:
            comp, todo = set(), [i]
            while todo:
                k = todo.pop()
                if k not in comp:
                    comp.add(k)
                    todo += edges[k]
            seen |= comp
            out.append([ordered[k].id for k in sorted(comp)])
    return out


def _random_claims(rng: random.Random) -> list[Claim]:
    """Many documents about a few actors, places and days: the same events told with
    and without dates, round numbers, tracks and places, as plans and as facts, some
    twice in one document."""
    from dataclasses import replace

    start = D(2031, 1, 25)
    out = []
    for d in range(rng.randint(3, 16)):
        if out and rng.random() < 0.3:  # a document that tells an event twice
            out.append(replace(out[-1], event=replace(out[-1].event, key="again")))
        published = start + (rng.randint(0, 70) * (start - D(2031, 1, 24)))
        for k in range(rng.randint(1, 5)):
            time = None
            if rng.random() < 0.85:
                lo = start + rng.randint(0, 45) * (start - D(2031, 1, 24))
                span = rng.choice((0, 0, 0, 1, 6, 20, 31, 40))
                hi = lo + span * (start - D(2031, 1, 24))
                time = window(lo if rng.random() < 0.95 else None, hi if rng.random() < 0.95 else None)
            out.append(Claim(f"n{d:02d}", published if rng.random() < 0.95 else None, ev(
                f"k{k}", kind=rng.choice(("NegotiationRound", "Meeting")),
                status=rng.choice(("Occurred", "Ongoing", "Proposed", "Planned", "Announced")),
                time=time, place=rng.choice((None, None, "Lindau", "Mirow")),
                round=rng.choice((None, None, 1, 2)), track=rng.choice((None, "north", "south")),
                actors=tuple(rng.sample(("Varnia", "Ostrelia", "Kesh"), rng.randint(0, 2))),
                proposes=f"k{rng.randint(0, 4)}" if rng.random() < 0.1 else None)))
    return out


@pytest.mark.parametrize("seed", range(60))
def test_clusters_and_components_equal_the_pairwise_definition(seed):
    claims = _random_claims(random.Random(seed))
    assert [[c.id for c in g] for g in cluster_claims(claims)] == _pairwise_clusters(claims)
    from kg.reconcile import components

    assert [[c.id for c in g] for g in components(claims)] == _pairwise_components(claims)


def test_two_round_numbers_on_one_day_and_place_stay_two_nodes():
    """Two articles each number a round held the same day in the same town, neither
    naming the two parties (no track): two events, two IRIs, one round number each,
    and the consolidated graph conforms to the shapes (one node once got both)."""
    import pyoxigraph as ox

    from kg.rdf.validate import validate

    held = day(2033, 9, 14)
    xs = [x("n1", D(2033, 9, 15), ev("r", time=held, place="Quellbrunn", round=5, actors=())),
          x("n2", D(2033, 9, 15), ev("s", time=held, place="Quellbrunn", round=6, actors=()))]
    view = reconcile(xs)
    assert sorted(e.round for e in view.events) == [5, 6]
    minter = IriMinter("https://example.org/")
    quads = list(view_quads(view, minter))
    from kg.rdf.namespaces import NKG

    number = ox.NamedNode(str(NKG.roundNumber))
    numbers = {}
    for q in quads:
        if q.predicate == number:
            numbers.setdefault(q.subject.value, []).append(int(q.object.value))
    assert sorted(numbers.values()) == [[5], [6]]
    store = ox.Store()
    store.extend(quads)
    report = validate(store)
    assert report.conforms, report.text


def _conforms(view) -> None:
    """The consolidated graph of ``view`` conforms to the shapes, and no two merged
    events are minted one IRI."""
    import pyoxigraph as ox

    from kg.rdf.build_view import event_iris
    from kg.rdf.validate import validate

    minter = IriMinter("https://example.org/")
    iris = event_iris(view.events, minter)
    assert len(set(iris.values())) == len(iris), sorted(i.value for i in iris.values())
    store = ox.Store()
    store.extend(view_quads(view, minter))
    report = validate(store)
    assert report.conforms, report.text


def test_one_track_and_number_is_one_event_whatever_else_the_claims_say():
    track = "varnia-ostrelia-2033"
    parties = [Actor("Varnia", "Country"), Actor("Ostrelia", "Country")]

    def told(doc_id, published, when, **kw):
        return x(doc_id, published, ev("r", time=day(*when), round=4, **kw), actors=parties)

    xs = [
        told("p1", D(2033, 3, 4), (2033, 3, 3), track=track),  # held on March 3 ...
        # ... a fourth round that day in Mirow, told without the parties' track, joins it ...
        told("p2", D(2033, 3, 5), (2033, 3, 3), place="Mirow", actors=("Varnia",)),
        # ... another article puts round 4 of the track in Kestrel a month later ...
        told("p3", D(2033, 4, 9), (2033, 4, 8), place="Kestrel", track=track),
        # ... and a late one still plans it, for May (after it was held)
        told("p4", D(2033, 4, 20), (2033, 5, 2), status="Planned", track=track),
    ]
    view = reconcile(xs)
    [round4] = view.events
    assert round4.sources == ("p1", "p2", "p3", "p4")
    assert {c.prop for c in round4.conflicts} == {"time", "place"}
    assert round4.status == "Planned"  # the latest publication decides
    _conforms(view)


def test_claims_of_one_day_naming_no_place_and_no_actor_are_one_event():
    """Such a claim's IRI is its class and day: two of them are one node, so one event
    with one status (they were two events minted one IRI, with two statuses)."""
    when = day(2033, 6, 12)
    xs = [x("q1", D(2033, 6, 1), ev("e", kind="PrisonerExchange", status="Planned", time=when, actors=())),
          x("q2", D(2033, 6, 14), ev("e", kind="PrisonerExchange", status="Occurred", time=when, actors=())),
          x("q3", D(2033, 6, 20), ev("e", kind="PrisonerExchange", status="Occurred", time=day(2033, 6, 13),
                                     actors=()))]
    view = reconcile(xs)
    assert sorted((e.sources, e.status) for e in view.events) == [(("q1", "q2"), "Occurred"),
                                                                  (("q3",), "Occurred")]
    _conforms(view)
