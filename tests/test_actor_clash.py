"""Two actors are never minted one IRI (kg.reconcile.actors, kg.rdf.iris.IriMinter.actor_iris,
kg.rdf.build_view, kg.rdf.doc_graph, kg.store), on hand-made records.

Reconciliation compares actors' names as the IRI slug folds them, so two spellings
that slug alike ("Kærby" and "Kaerby", "Erdoğan" and "Erdogan") are one actor with
both spellings as labels. Names the slug keeps no letter of (all ``actor/_``) are
compared whole; those kept apart get one more segment, of their kind and then of
their name.

Names and dates are invented ("Kærby", "Ørvik", "Łasko", "Ağrın", the years 2035 and 2036).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kg.records import Actor, Event, Extraction
from kg.reconcile import actor_keys, name_key, reconcile
from kg.rdf.build_view import view_quads
from kg.rdf.iris import IriMinter, slug
from kg.rdf.namespaces import RDF, RDFS, SEM, SKOS

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from claims import day, document, update_in_steps, validate_quads as _validate
except ImportError:  # pragma: no cover
    from tests.claims import day, document, update_in_steps, validate_quads as _validate

D = date
BASE = "https://example.org/"


def _actors(quads) -> dict[str, dict[str, set[str]]]:
    """Actor node -> its labels, alternative labels and classes."""
    out: dict[str, dict[str, set[str]]] = {}
    typed = {q.subject.value for q in quads
             if q.predicate.value == str(RDF.type) and q.object.value == str(SEM.Actor)}
    for q in quads:
        s = q.subject.value
        if s not in typed:
            continue
        node = out.setdefault(s, {"label": set(), "alt": set(), "type": set()})
        if q.predicate.value == str(RDFS.label):
            node["label"].add(q.object.value)
        elif q.predicate.value == str(SKOS.altLabel):
            node["alt"].add(q.object.value)
        elif q.predicate.value == str(RDF.type):
            node["type"].add(q.object.value)
    return out


# --- the fold -----------------------------------------------------------------
@pytest.mark.parametrize("a,b", [("Kærby", "Kaerby"), ("Recep Erdoğan", "Recep Erdogan"),
                                 ("Abdullah Gül", "Abdullah Gul"), ("Vera łasko", "Vera lasko"),
                                 ("Ørvik", "rvik"), ("Đurić", "uric"), ("Ağrın", "AGRIN")])
def test_names_that_slug_alike_have_one_key(a, b):
    assert slug(a) == slug(b)
    assert name_key(a) == name_key(b) != ""


@pytest.mark.parametrize("a,b", [("Łasko", "Lasko"), ("Ørvik Straße", "Orvik Strasse"),
                                 ("Đurić", "Duric"), ("Œstrand", "Oestrand"), ("ÆRØ", "Aero")])
def test_capitals_the_slug_drops_still_make_one_actor(a, b):
    """The slug drops a capital "Ł" (it transliterates before lowering the case);
    the actor keys fold it both ways, so both spellings are one actor."""
    assert actor_keys(Actor(a, "Person")) & actor_keys(Actor(b, "Person"))
    [merged] = reconcile([Extraction(document("a", D(2035, 1, 1)), actors=(Actor(a, "Person"),)),
                          Extraction(document("b", D(2035, 1, 2)), actors=(Actor(b, "Person"),))]).actors
    assert {merged.name, *merged.aliases} == {a, b}


LETTERS = "aeiklmnorstuvz" + "øæœłđßğçşıüöéåñ" + "ØÆŁ" + " -'."


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 9))).strip() or "x"


@pytest.mark.parametrize("seed", range(300))
def test_two_names_slug_alike_only_if_their_keys_are_one(seed):
    """The key is a function of the slug: alike slugs, alike keys (the converse up
    to a leading "the" and the slug's hyphens)."""
    rng = random.Random(seed)
    a, b = _name(rng), _name(rng)
    b = rng.choice((b, a.upper(), a.translate(str.maketrans("øæłđ", "oeld")), a.lower()))
    if slug(a) == slug(b):
        assert name_key(a) == name_key(b)


# --- regressions ----------------------------------------------------------------
def test_two_spellings_of_one_name_are_one_actor_with_both_labels():
    xs = [Extraction(document("a", D(2035, 1, 2)), actors=(Actor("Kærby", "Country"),),
                     events=(Event("m", "Meeting", "talks", "Occurred", time=day(D(2035, 1, 1)),
                                   place="Ørvik", actors=("Kærby",)),)),
          Extraction(document("b", D(2035, 1, 3)), actors=(Actor("Kaerby", "Organization"),),
                     events=(Event("m", "Meeting", "talks", "Occurred", time=day(D(2035, 1, 1)),
                                   place="Ørvik", actors=("Kaerby",)),)),
          Extraction(document("c", D(2035, 1, 4)), actors=(Actor("Kaerby", "Organization"),),
                     events=())]
    view = reconcile(xs)
    [actor] = view.actors
    assert (actor.name, actor.kind, actor.aliases) == ("Kaerby", "Organization", ("Kærby",))
    assert actor.sources == ("a", "b", "c")
    [event] = view.events
    assert event.actors == ("Kaerby",)
    quads = view_quads(view, IriMinter(BASE))
    nodes = _actors(quads)
    assert list(nodes) == [BASE + "actor/kaerby"]
    assert nodes[BASE + "actor/kaerby"]["label"] == {"Kaerby"}
    assert nodes[BASE + "actor/kaerby"]["alt"] == {"Kærby"}
    report = _validate(quads)
    assert report.conforms, report.text


def test_people_spelled_with_and_without_their_letters_are_one_each():
    xs = [Extraction(document("a", D(2035, 2, 1)),
                     actors=(Actor("Orhan Ağrın", "Person"), Actor("Vera Łasko", "Person"))),
          Extraction(document("b", D(2035, 2, 2)),
                     actors=(Actor("Orhan Agrin", "Person", title="envoy"), Actor("Vera Lasko", "Person"),
                             Actor("Ağrın", "Person")))]
    view = reconcile(xs)
    assert sorted(a.name for a in view.actors) == ["Ağrın", "Orhan Agrin", "Vera Lasko"]
    by = {a.name: a for a in view.actors}
    assert by["Orhan Agrin"].aliases == ("Orhan Ağrın",)
    assert by["Vera Lasko"].aliases == ("Vera Łasko",)
    nodes = _actors(view_quads(view, IriMinter(BASE)))
    assert sorted(nodes) == [BASE + "actor/agrin", BASE + "actor/orhan-agrin", BASE + "actor/vera-lasko"]


def test_names_without_a_letter_the_slug_keeps_get_a_segment_of_their_kind():
    """Three names in another script, all ``actor/_``: a country and two persons.
    The country's segment is its kind; the persons' their kind and name. One
    person is named in two documents, in two cases: one actor."""
    xs = [Extraction(document("a", D(2036, 3, 1)),
                     actors=(Actor("Сарвия", "Country"), Actor("Илва Дор", "Person")),
                     events=(Event("s", "Statement", "said", "Occurred", time=day(D(2036, 3, 1)),
                                   actors=("Илва Дор",)),)),
          Extraction(document("b", D(2036, 3, 2)),
                     actors=(Actor("ИЛВА ДОР", "Person"), Actor("Мерек", "Person"), Actor("Ardenia", "Country")),
                     events=(Event("m", "Meeting", "met", "Occurred", time=day(D(2036, 3, 2)),
                                   actors=("Мерек", "Ardenia")),))]
    view = reconcile(xs)
    assert len(view.actors) == 4
    minter = IriMinter(BASE)
    quads = view_quads(view, minter)
    nodes = _actors(quads)
    paths = sorted(n.removeprefix(BASE) for n in nodes)
    assert paths[0] == "actor/_/as+country"
    assert paths[1].startswith("actor/_/as+person~") and paths[2].startswith("actor/_/as+person~")
    assert paths[3] == "actor/ardenia"
    assert all(len(n["label"]) == 1 and len(n["type"]) == 2 for n in nodes.values())
    # the events point at the actors' own nodes
    has_actor = {(q.subject.value, q.object.value) for q in quads if q.predicate.value == str(SEM.hasActor)}
    assert {o.removeprefix(BASE) for _, o in has_actor} <= set(paths)
    assert len({o for _, o in has_actor}) == 3
    report = _validate(quads)
    assert report.conforms, report.text


def test_a_document_naming_two_such_actors_builds(tmp_path):
    """Within one document's own graph too (and the build leaves nothing out)."""
    from kg.pipeline import build

    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "d1.txt"
    path.write_text(" date 2036-04-02\nTalks\nThey met.\n", encoding="utf-8")

    def extract(docs):
        return [Extraction(doc, actors=(Actor("Сарвия", "Country"), Actor("Мерек", "Organization")),
                           events=(Event("m", "Meeting", "met", "Occurred", time=day(D(2036, 4, 1)),
                                         actors=("Сарвия", "Мерек")),))
                for doc in docs]

    result = build([path], out=tmp_path / "out", extract=extract)
    assert result.failed == ()
    from kg.rdf.namespaces import DEFAULT_BASE_IRI as base

    lines = (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8").splitlines()
    for graph in ("graph/doc/d1", "graph/current"):
        mine = [line for line in lines if line.endswith(f"<{base}{graph}> .")]
        for part in ("as+country", "as+organization"):
            assert any(line.startswith(f"<{base}actor/_/{part}> ") for line in mine), (graph, part)
        assert not any(f"<{base}actor/_>" in line for line in mine)


# --- random names -----------------------------------------------------------------
SPELLINGS = [("Kærby", "Kaerby", "KÆRBY"), ("—",), ("Ørvik", "Orvik"), ("Łasko", "Lasko"),
             ("Ağrın Sel", "Agrin Sel", "AĞRIN SEL"), ("Đurov", "Durov"), ("Gül", "Gul"),
             ("Straße Union", "Strasse Union"), ("Сарвия",), ("Мерек",), ("--",)]
KINDS = ("Person", "Country", "Organization")


def random_feed(rng: random.Random, spellings=SPELLINGS) -> list[Extraction]:
    """Documents naming actors in one spelling or another, of one kind or another,
    with aliases in other spellings and affiliations, and events and agreements
    naming them."""
    out = []
    for d in range(rng.randint(2, 10)):
        chosen = rng.sample(spellings, rng.randint(1, 4))
        actors = []
        for variants in chosen:
            name = rng.choice(variants)
            aliases = tuple(a for a in variants if a != name and rng.random() < 0.3)
            actors.append(Actor(name, rng.choice(KINDS), aliases))
        if len(actors) > 1 and rng.random() < 0.4:
            actors[0] = Actor(actors[0].name, actors[0].kind, actors[0].aliases, affiliation=actors[1].name)
        when = D(2035, 5, 1) + timedelta(days=rng.randint(0, 4))
        names = [a.name for a in actors]
        events = tuple(Event(f"e{k}", rng.choice(("Meeting", "Statement")), "talks", "Occurred",
                             time=day(when), actors=tuple(rng.sample(names, rng.randint(1, len(names)))))
                       for k in range(rng.randint(0, 2)))
        out.append(Extraction(document(f"d{d:02}", D(2035, 5, 5) + timedelta(days=rng.randint(0, 9))),
                              actors=tuple(actors), events=events))
    return out


@pytest.mark.parametrize("seed", range(60))
def test_merged_actors_never_share_an_iri_and_the_order_does_not_matter(seed):
    rng = random.Random(seed)
    xs = random_feed(rng)
    view = reconcile(xs)
    minter = IriMinter(BASE)
    quads = view_quads(view, minter)
    nodes = _actors(quads)
    assert len(nodes) == len(view.actors)  # one node each: no two actors minted one IRI
    for node in nodes.values():
        assert len(node["label"]) == 1 and len(node["type"]) == 2, node
    # spellings that slug alike are one actor
    assert len({slug(a.name) for a in view.actors if name_key(a.name)}) == \
        len([a for a in view.actors if name_key(a.name)])
    expected = sorted(map(str, quads))
    for _ in range(3):
        shuffled = rng.sample(xs, len(xs))
        assert sorted(map(str, view_quads(reconcile(shuffled), minter))) == expected
    report = _validate(quads)
    assert report.conforms, report.text


@pytest.mark.parametrize("seed", range(12))
def test_the_store_updated_in_steps_equals_a_full_build(tmp_path, seed):
    from kg.store import open_store

    rng = random.Random(seed)
    xs = random_feed(rng, SPELLINGS if seed % 2 else [s for s in SPELLINGS if name_key(s[0])])
    with open_store(tmp_path) as store:
        update_in_steps(store, xs, rng)
