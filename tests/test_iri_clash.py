"""Two events that reconciliation keeps apart never share an IRI (kg.rdf.iris,
kg.rdf.build_view.event_iris, kg.store), on hand-made records.

The IRI scheme names a single-day event by its class, day and place (or first
actor), a round by its track and number: things that reconciliation may keep
apart (disjoint actors, two events of one document, two tracks whose names fold
to one slug, a round told by pieces that never met). Each merged event of such a
clash gets one more segment, made of what it is; the others keep their IRIs.

Names, places and dates are invented ("Varnia", "Ostrelia", "Kesh", the towns of
"Tervel" and "Lindau", the years 2033 and 2034).
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

import pyoxigraph as ox
import pytest

from kg.records import Actor, Event, Extraction, TimeValue
from kg.reconcile import reconcile
from kg.rdf.build_view import event_iris, view_quads
from kg.rdf.iris import IriMinter
from kg.rdf.namespaces import DEFAULT_BASE_IRI, NKG, SEM

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from claims import (current_triples, day, document, expected_triples, update_in_steps,
                        validate_quads as _validate)
except ImportError:  # pragma: no cover
    from tests.claims import (current_triples, day, document, expected_triples, update_in_steps,
                              validate_quads as _validate)

D = date
BASE = "https://example.org/"


#: names that can be both a place and an actor, and spellings that reconciliation
#: keeps apart ("ø" folded away) but a slug writes alike ("o")
PLACES = (None, None, "Tervel", "Lindau", "Kesh", "Tromsø", "Tromso")
ACTORS = ("Varnia", "Ostrelia", "Kesh", "Ilse Varga", "Otto Renk", "Tromsø")
TRACKS = (None, None, None, "north", "Nørth talks", "Noerth talks")
KINDS = ("Meeting", "Statement", "NegotiationRound", "Summit", "Proposal", "Ceasefire")
STATUSES = ("Occurred", "Occurred", "Ongoing", "Planned", "Proposed", "Cancelled")


def random_feed(rng: random.Random, places=PLACES) -> list[Extraction]:
    """Documents about a few actors, places and days: events of one class, day and
    place with other actors, rounds with and without tracks and numbers, plans and
    facts, windows of a few days, and events told twice in one document."""
    start = D(2033, 3, 1)
    out = []
    for d in range(rng.randint(2, 12)):
        published = start + timedelta(days=rng.randint(0, 20)) if rng.random() < 0.95 else None
        events = []
        for k in range(rng.randint(1, 5)):
            if events and rng.random() < 0.15:  # the same event told twice (no own IRI)
                events.append(replace(events[-1], key=f"e{k}", status=rng.choice(STATUSES)))
                continue
            time = None
            if rng.random() < 0.9:
                lo = start + timedelta(days=rng.randint(0, 6))
                span = rng.choice((0, 0, 0, 0, 1, 5))
                time = day(lo) if span == 0 else TimeValue("", None, lo, lo + timedelta(days=span), "range")
            kind = rng.choice(KINDS)
            events.append(Event(
                f"e{k}", kind, f"{kind} {k}", rng.choice(STATUSES), time=time,
                place=rng.choice(places),
                actors=tuple(rng.sample(ACTORS, rng.choice((0, 1, 1, 1, 2, 3)))),
                round=rng.choice((None, None, 1, 2)) if kind in ("NegotiationRound", "Meeting") else None,
                track=rng.choice(TRACKS) if kind == "NegotiationRound" else None,
                proposes=rng.choice(events).key if kind == "Proposal" and events and rng.random() < 0.5
                else None))
        names = sorted({n for e in events for n in e.actors})
        actors = tuple(Actor(n, "Person" if " " in n else "Country") for n in names)
        out.append(Extraction(document(f"n{d:02d}", published), actors=actors, events=tuple(events)))
    return out


def first_iris(view, minter) -> dict[str, str]:
    """The IRI each merged event is minted on its own (:meth:`IriMinter.event`)."""
    return {e.id: str(minter.event(e.as_event(), e.first_doc)) for e in view.events}


@pytest.mark.parametrize("seed", range(200))
def test_merged_events_never_share_an_iri(seed):
    rng = random.Random(seed)
    xs = random_feed(rng)
    minter = IriMinter(BASE)
    view = reconcile(xs)
    iris = {k: v.value for k, v in event_iris(view.events, minter).items()}
    assert len(set(iris.values())) == len(iris), sorted(Counter(iris.values()).most_common(3))
    # an event that clashes with no other keeps the IRI it had; one that does gets a segment
    first = first_iris(view, minter)
    clashing = {k for k, v in first.items() if list(first.values()).count(v) > 1}
    for k, iri in iris.items():
        if k in clashing:
            assert iri.startswith(first[k] + "/with+"), (iri, first[k])
        else:
            assert iri == first[k]
    # the same IRIs in any order of the documents
    again = reconcile(rng.sample(xs, len(xs)))
    assert {k: v.value for k, v in event_iris(again.events, minter).items()} == iris


def _one_value_each(quads) -> None:
    """No event node of the consolidated graph has two values of a property that
    the shapes allow once (what a shared IRI gave)."""
    once = {str(NKG.status), str(NKG.roundNumber), str(NKG.track), str(SEM.hasPlace),
            str(SEM.hasEarliestBeginTimeStamp), str(SEM.hasLatestEndTimeStamp)}
    values = defaultdict(set)
    for q in quads:
        if q.predicate.value in once and "/conflict/" not in q.subject.value:
            values[(q.subject.value, q.predicate.value)].add(q.object)
    many = {k: v for k, v in values.items() if len(v) > 1}
    assert not many, sorted(many.items(), key=str)[:3]


@pytest.mark.parametrize("seed", range(200))
def test_no_event_node_gets_two_values(seed):
    view = reconcile(random_feed(random.Random(seed)))
    _one_value_each(view_quads(view, IriMinter(BASE)))


# --- regressions: a build that left documents out -------------------------------
def _build(tmp_path, feed: dict, *, out: str = "out", order=None):
    """Build ``feed`` (doc id -> (published, events, actors)) with its records made by
    hand, its documents given in ``order`` (of doc ids; default: as listed)."""
    from kg.pipeline import build

    folder = tmp_path / f"in-{out}"
    folder.mkdir()
    feed = {k: feed[k] for k in (order or feed)}
    paths = []
    for doc_id, (published, _, _) in feed.items():
        path = folder / f"{doc_id}.txt"
        path.write_text(f" date {published.isoformat()}\nTalks {doc_id}\nThey spoke.\n", encoding="utf-8")
        paths.append(path)

    def extract(docs):
        return [Extraction(doc, actors=feed[doc.id][2], events=feed[doc.id][1]) for doc in docs]

    return build(paths, out=tmp_path / out, extract=extract)


def _event_nodes(nq: bytes, kind: str) -> dict[str, set[str]]:
    """Event node of class ``kind`` in the consolidated graph -> its statuses."""
    store = ox.Store()
    store.load(nq, format=ox.RdfFormat.N_QUADS)
    rows = store.query(
        "SELECT ?e ?s WHERE { GRAPH ?g { ?g a <%s> . ?e a <%s> ; <%s> ?s } }"
        % (NKG.ConsolidatedGraph, NKG[kind], NKG.status))
    out = defaultdict(set)
    for row in rows:
        out[row["e"].value].add(row["s"].value.rsplit("#", 1)[1])
    return dict(out)


def test_two_statements_by_different_speakers_on_one_day_in_one_city(tmp_path):
    """Two ministers speak in Tervel on one day, each told by another article: two
    statements (no common speaker), once minted one IRI: one node with two
    speakers and two dates of telling, the later article left out of the build."""
    when = day(D(2034, 5, 9))
    feed = {
        "w1": (D(2034, 5, 10), (Event("s", "Statement", "Varga says talks go on", "Occurred", time=when,
                                      place="Tervel", actors=("Ilse Varga",)),),
               (Actor("Ilse Varga", "Person"),)),
        "w2": (D(2034, 5, 12), (Event("s", "Statement", "Renk rejects the offer", "Occurred",
                                      time=when, place="Tervel", actors=("Otto Renk",)),
                                Event("p", "Ceasefire", "a truce", "Proposed", actors=("Otto Renk",))),
               (Actor("Otto Renk", "Person"),)),
    }
    result = _build(tmp_path, feed)
    assert result.failed == ()
    nodes = _event_nodes((tmp_path / "out" / "graph.nq").read_bytes(), "Statement")
    assert sorted(i.removeprefix(DEFAULT_BASE_IRI) for i in nodes) == ["event/statement/2034-05-09/tervel/with+ilse-varga",
                                      "event/statement/2034-05-09/tervel/with+otto-renk"]
    assert all(len(s) == 1 for s in nodes.values())


def test_two_meetings_of_different_parties_on_one_day_and_place(tmp_path):
    """Ardenia met Castrel in Tervel on June 2 while Belmora's meeting with Dravia
    there that day was called off: two meetings, two statuses, two nodes."""
    when = day(D(2034, 6, 2))
    countries = lambda *names: tuple(Actor(n, "Country") for n in names)  # noqa: E731
    feed = {
        "t1": (D(2034, 6, 3), (Event("m", "Meeting", "water talks", "Occurred", time=when, place="Tervel",
                                     actors=("Ardenia", "Castrel")),), countries("Ardenia", "Castrel")),
        "t2": (D(2034, 6, 1), (Event("m", "Meeting", "border talks", "Planned", time=when, place="Tervel",
                                     actors=("Belmora", "Dravia")),), countries("Belmora", "Dravia")),
        "t3": (D(2034, 6, 4), (Event("m", "Meeting", "border talks off", "Cancelled", time=when,
                                     place="Tervel", actors=("Dravia",)),), countries("Dravia")),
    }
    result = _build(tmp_path, feed)
    assert result.failed == ()
    nodes = _event_nodes((tmp_path / "out" / "graph.nq").read_bytes(), "Meeting")
    assert sorted((i.rsplit("/", 1)[1], s) for i, s in nodes.items()) == [
        ("with+ardenia+castrel", {"Occurred"}), ("with+belmora+dravia", {"Cancelled"})]
    # the same bytes whatever the order of the documents
    for n, order in enumerate((["t3", "t2", "t1"], ["t2", "t3", "t1"])):
        again = _build(tmp_path, feed, out=f"out{n}", order=order)
        assert again.failed == ()
        assert (tmp_path / f"out{n}" / "graph.nq").read_bytes() == (tmp_path / "out" / "graph.nq").read_bytes()


def test_a_clash_in_the_store_follows_the_documents_that_make_it(tmp_path):
    """Added one at a time and removed again, documents that start and end a clash
    leave the consolidated graph a full build of the same documents gives: the
    first event loses its plain IRI when the second arrives, and gets it back when
    the second is removed."""
    from kg.store import add_documents, open_store, remove_document

    when = day(D(2034, 6, 2))
    xs = [Extraction(document(f"v{i}", D(2034, 6, 3 + i)), actors=(Actor(name, "Country"),),
                     events=(Event("m", "Meeting", f"talks {i}", status, time=when, place="Lindau",
                                   actors=(name,)),))
          for i, (name, status) in enumerate([("Varnia", "Occurred"), ("Ostrelia", "Cancelled"),
                                              ("Kesh", "Planned")])]
    with open_store(tmp_path) as store:
        add_documents(store, xs[:1])
        assert current_triples(store) == expected_triples(xs[:1], store)
        plain = store.minter.base + "event/meeting/2034-06-02/lindau"
        assert _subjects(store) >= {plain}
        for n in (2, 3):
            r = add_documents(store, [xs[n - 1]])
            assert not r.full
            assert current_triples(store) == expected_triples(xs[:n], store)
        assert plain not in _subjects(store)
        remove_document(store, "v1")
        remove_document(store, "v2")
        assert current_triples(store) == expected_triples(xs[:1], store)
        assert plain in _subjects(store)


def _subjects(store) -> set[str]:
    return {t.subject.value for t in current_triples(store)}


@pytest.mark.parametrize("seed", range(25))
def test_the_store_updated_in_steps_equals_a_full_build(tmp_path, seed):
    """Random feeds added in batches, then some documents removed: the consolidated
    graph is what reconciling the documents kept from nothing gives (clashes that
    an update starts or ends re-mint the events of other components)."""
    from kg.store import open_store

    rng = random.Random(seed)
    # one spelling of each place: a store labels a place by the spelling it met first
    # (a full build by the first in order), which this test is not about
    xs = random_feed(rng, places=PLACES[:-1])
    with open_store(tmp_path) as store:
        update_in_steps(store, xs, rng)


def _x(doc_id, published, *events, actors=()):
    return Extraction(document(doc_id, published), actors=tuple(Actor(n, "Country") for n in actors),
                      events=tuple(events))


def test_a_round_made_of_claims_that_never_met_and_places_that_slug_alike():
    """A round's track (one article) and number (another) meet in one merged event
    that has round 3 of the track, while a third article gives round 3 of the track
    another day: the two never matched, but both are minted the round's IRI. And two
    towns that reconciliation tells apart ("Tromsø" folds to "troms") slug alike."""
    parties = ("Varnia", "Ostrelia")
    held, later = day(D(2033, 6, 2)), day(D(2033, 6, 8))
    xs = [_x("a", D(2033, 6, 3), Event("t", "NegotiationRound", "talks", "Occurred", time=held,
                                       place="Lindau", actors=parties, track="north"), actors=parties),
          _x("b", D(2033, 6, 4), Event("n", "NegotiationRound", "third round", "Occurred", time=held,
                                       place="Lindau", actors=parties, round=3), actors=parties),
          _x("c", D(2033, 6, 9), Event("r", "NegotiationRound", "round 3", "Occurred", time=later,
                                       place="Lindau", actors=parties, round=3, track="north"),
             actors=parties),
          _x("d", D(2033, 6, 9), Event("m", "Meeting", "harbour talks", "Occurred", time=later,
                                       place="Tromsø", actors=("Kesh",)), actors=("Kesh",)),
          _x("e", D(2033, 6, 10), Event("m", "Meeting", "harbour talks", "Cancelled", time=later,
                                        place="Tromso", actors=("Kesh",)), actors=("Kesh",))]
    view = reconcile(xs)
    minter = IriMinter(BASE)
    assert len(view.events) == 4
    iris = sorted(i.value.removeprefix(BASE) for i in event_iris(view.events, minter).values())
    assert iris[0].startswith("event/meeting/2033-06-08/tromso/with+kesh~")
    assert iris[1].startswith("event/meeting/2033-06-08/tromso/with+kesh~")
    assert iris[2].startswith("event/negotiation-round/north/3/with+ostrelia+varnia~")
    assert iris[3].startswith("event/negotiation-round/north/3/with+ostrelia+varnia~")
    assert len(set(iris)) == 4
    report = _validate(view_quads(view, minter))
    assert report.conforms, report.text
