"""The persistent store (kg.store): incremental updates give what a full rebuild gives."""

from __future__ import annotations

import importlib.util
import random
import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.records import Actor, Document, Event, Extraction, TimeValue
from kg.reconcile import reconcile
from kg.rdf.build_view import view_quads
from kg.store import (add_documents, as_of_store, export_nquads, open_store, rebuild_current,
                      remove_document)

_GEN = Path(__file__).resolve().parent.parent / "bench" / "gen_corpus.py"


def _gen():
    spec = importlib.util.spec_from_file_location("gen_corpus", _GEN)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def synthetic():
    return list(_gen().generate(60, seed=7))


def current(store) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object)
            for q in store.oxigraph.quads_for_pattern(None, None, None, store.current)}


def expected(extractions, store) -> set[ox.Triple]:
    mem = ox.Store()
    mem.extend(view_quads(reconcile(list(extractions)), store.minter))  # normalizes literals
    return {ox.Triple(q.subject, q.predicate, q.object) for q in mem}


def assert_same(got: set, want: set) -> None:
    if got != want:
        extra = sorted(map(str, got - want))[:8]
        missing = sorted(map(str, want - got))[:8]
        pytest.fail(f"{len(got - want)} extra, {len(want - got)} missing\n"
                    f"extra: {extra}\nmissing: {missing}")


def test_adding_one_by_one_equals_a_full_build(tmp_path, synthetic):
    order = random.Random(3).sample(synthetic, len(synthetic))
    with open_store(tmp_path) as store:
        add_documents(store, order[:10])  # an empty store: full build
        results = [add_documents(store, [x]) for x in order[10:]]
        # the generated actors keep their names: no add recomputes the whole view, and each
        # re-reconciles only the events near its own (about 20), not the ~1,000 of the store
        assert [r.full for r in results] == [False] * 50
        assert all(0 < r.events_touched < 100 for r in results), [r.events_touched for r in results]
        assert sum(r.added == (x.document.id,) for r, x in zip(results, order[10:])) == 50
        assert_same(current(store), expected(synthetic, store))
        doc_graphs = {g.value for g in store.oxigraph.named_graphs()}
        assert len([g for g in doc_graphs if "/graph/doc/" in g]) == 60


def test_unchanged_document_is_a_no_op(tmp_path, synthetic):
    with open_store(tmp_path) as store:
        add_documents(store, synthetic[:20])
        before = len(store.oxigraph)
        r = add_documents(store, [synthetic[3]])
        assert (r.unchanged, r.added, r.events_touched) == ((synthetic[3].document.id,), (), 0)
        assert len(store.oxigraph) == before


def test_remove_and_replace_re_reconcile(tmp_path, synthetic):
    with open_store(tmp_path) as store:
        add_documents(store, synthetic[:30])
        gone = synthetic[4].document.id
        r = remove_document(store, gone)
        assert r.removed == (gone,)
        rest = [x for x in synthetic[:30] if x.document.id != gone]
        assert_same(current(store), expected(rest, store))
        assert not store.oxigraph.contains_named_graph(ox.NamedNode(str(store.minter.doc_graph(gone))))
        # a changed document replaces its graph and claims
        x = synthetic[5]
        changed = Extraction(Document(**{**{f: getattr(x.document, f) for f in x.document.__slots__},
                                         "sha256": "changed"}),
                             actors=x.actors, events=x.events[:5], agreements=())
        r = add_documents(store, [changed])
        assert r.replaced == (x.document.id,)
        rest = [changed if y.document.id == x.document.id else y for y in rest]
        assert_same(current(store), expected(rest, store))
        with pytest.raises(StoreError):
            remove_document(store, "no-such-document")


def test_store_persists_and_rebuilds(tmp_path, synthetic):
    with open_store(tmp_path) as store:
        add_documents(store, synthetic[:15])
        want = current(store)
    with open_store(tmp_path) as store:
        assert current(store) == want
        assert store.document_ids() == sorted(x.document.id for x in synthetic[:15])
        rebuild_current(store)
        assert current(store) == want
    with pytest.raises(StoreError):
        open_store(tmp_path, base_iri="https://example.org/other/")


def _seed_and_round():
    week = TimeValue("next week", "2031-W30", date(2031, 7, 21), date(2031, 7, 27), "week")
    day = TimeValue("July 23", "2031-07-23", date(2031, 7, 23), date(2031, 7, 23), "day")
    actors = (Actor("Varnia", "Country"), Actor("Ostrelia", "Country"))

    def doc(i, d):
        return Document(id=i, source=i, text="", sha256=i, published=d)

    seed = Extraction(doc("seed", date(2031, 7, 20)), actors=actors, events=(
        Event("next", "NegotiationRound", "next round", "Proposed", time=week,
              actors=("Varnia", "Ostrelia")),))
    later = Extraction(doc("later", date(2031, 7, 24)), actors=actors, events=(
        Event("r3", "NegotiationRound", "third round", "Occurred", time=day, place="Lindau",
              round=3, track="varnia-ostrelia", actors=("Varnia", "Ostrelia")),))
    return seed, later


STATUS_QUERY = """
PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#>
SELECT ?e ?status WHERE { GRAPH ?v { ?v a nkg:ConsolidatedGraph .
  ?e a nkg:NegotiationRound ; nkg:status ?status } }"""


def test_as_of_view_and_realization_in_the_store(tmp_path):
    seed, later = _seed_and_round()
    with open_store(tmp_path) as store:
        add_documents(store, [seed])
        add_documents(store, [later])  # incremental
        rows = [(r["e"].value, r["status"].value) for r in store.query(STATUS_QUERY)]
        assert len(rows) == 1 and rows[0][1].endswith("#Occurred")
        assert rows[0][0].endswith("/event/negotiation-round/varnia-ostrelia/3")
        realized = list(store.query(
            "PREFIX nkg: <https://w3id.org/negotiation-kg/ontology#> "
            "SELECT ?p WHERE { GRAPH ?g { ?p nkg:realizedBy ?r } }"))
        assert [r["p"].value.rsplit("/", 2)[-2:] for r in realized] == [["seed", "next"]]
        then = as_of_store(store, date(2031, 7, 20))
        rows = [r["status"].value for r in then.query(STATUS_QUERY)]
        assert rows == ["https://w3id.org/negotiation-kg/ontology#Proposed"]


def test_export_is_exactly_what_the_store_holds(tmp_path, synthetic):
    with open_store(tmp_path) as store:
        add_documents(store, synthetic[:12])
        add_documents(store, synthetic[12:16])  # incremental units too
        exported = ox.Store()
        exported.load(b"".join(export_nquads(store)), format=ox.RdfFormat.N_QUADS)
        assert set(exported) == set(store.oxigraph)
        lines = b"".join(export_nquads(store)).decode().splitlines()
        assert any("nonNegativeInteger" in line for line in lines)  # exact literals kept


def test_cli_add_and_remove(tmp_path, capsys):
    from kg.cli import main

    seed = Path(__file__).resolve().parent.parent / "seeds"
    assert main(["add", str(seed), "--out", str(tmp_path)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["add", str(seed), "--out", str(tmp_path)]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    assert main(["remove", "no-such-doc", "--out", str(tmp_path)]) == 2
    assert "no document 'no-such-doc'" in capsys.readouterr().err
    assert main(["remove", "000_5ff86238f25741d4", "--out", str(tmp_path)]) == 0
    with open_store(tmp_path) as store:
        assert store.document_ids() == []


def test_bundled_timeline_as_of_a_date(tmp_path):
    from kg.cli import store_for_query
    from kg.rdf.query import resolve_query, run_query

    seed, later = _seed_and_round()
    with open_store(tmp_path) as store:
        add_documents(store, [seed, later])
    query = resolve_query("timeline")
    now = run_query(store_for_query(tmp_path), query, "csv").decode()
    then = run_query(store_for_query(tmp_path, date(2031, 7, 20)), query, "csv").decode()
    assert "Occurred" in now and "Proposed" not in now and "2031-07-23" in now
    assert "Proposed" in then and "Occurred" not in then
    with pytest.raises(StoreError):
        store_for_query(tmp_path / "nowhere")


def _as_format_1(path: Path) -> None:
    """Turn the sidecar in ``path`` into one of format 1, as kg wrote it before the N-Quads
    were compressed: plain N-Quads blobs and no format mark."""
    import sqlite3
    import zlib

    db = sqlite3.connect(path / "store" / "claims.sqlite")
    for table, key in (("docs", "doc_id"), ("units", "owner")):
        for k, blob in db.execute(f"SELECT {key}, nq FROM {table}").fetchall():
            if blob:
                db.execute(f"UPDATE {table} SET nq = ? WHERE {key} = ?", (zlib.decompress(blob), k))
    db.execute("DELETE FROM meta WHERE k = 'format'")
    db.commit()
    db.close()


def _blobs(path: Path) -> tuple[int, int, str | None]:
    """(bytes of the N-Quads blobs, how many of them read as plain N-Quads, the format mark)."""
    import sqlite3

    db = sqlite3.connect(path / "store" / "claims.sqlite")
    blobs = [b for t in ("docs", "units") for (b,) in db.execute(f"SELECT nq FROM {t}") if b]
    mark = db.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
    db.close()
    return sum(map(len, blobs)), sum(b[:1] in (b"<", b"_") for b in blobs), mark and mark[0]


def test_n_quads_are_kept_compressed_and_a_store_of_format_1_is_read_and_upgraded(tmp_path, synthetic):
    from kg.store import FORMAT

    new, old = tmp_path / "new", tmp_path / "old"
    for out in (new, old):
        with open_store(out) as store:
            add_documents(store, synthetic[:12])
    size, plain, mark = _blobs(new)
    assert (plain, mark, FORMAT) == (0, "2", 2)
    _as_format_1(old)
    size_1, plain_1, mark_1 = _blobs(old)
    assert mark_1 is None and plain_1 > 0 and size_1 > 5 * size
    with open_store(old) as store:  # read as it is
        assert store.format == 1
        assert b"".join(export_nquads(store)) == b"".join(export_nquads(open_store(new)))
    for out in (new, old):  # a change: the old store is compressed, then changed as the new one
        with open_store(out) as store:
            remove_document(store, synthetic[3].document.id)
            add_documents(store, synthetic[12:14])
    assert _blobs(old)[1:] == (0, "2")
    with open_store(old) as a, open_store(new) as b:
        assert b"".join(export_nquads(a)) == b"".join(export_nquads(b))
        assert current(a) == current(b)


def test_a_store_of_a_newer_format_is_refused(tmp_path):
    import sqlite3

    with open_store(tmp_path):
        pass
    db = sqlite3.connect(tmp_path / "store" / "claims.sqlite")
    db.execute("UPDATE meta SET v = '99' WHERE k = 'format'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="format 99, made by a newer kg"):
        open_store(tmp_path)


def test_graphs_loaded_and_kept_in_parts_are_the_graphs_made_whole(tmp_path, synthetic, monkeypatch):
    """A document's graph made in parts of 7 lines, loaded 11 quads at a time and read back
    in parts of about 300 bytes gives the store and the export that one part each gives."""
    import kg.store.core as core
    import kg.store.update as update

    whole = tmp_path / "whole"
    with open_store(whole) as store:
        add_documents(store, synthetic[:12])
        want_quads, want_export = set(store.oxigraph), b"".join(export_nquads(store))
    monkeypatch.setattr(core, "PART_LINES", 7)
    monkeypatch.setattr(core.document_graph_parts, "__defaults__", (7,))
    monkeypatch.setattr(update, "LOAD_QUADS", 11)
    monkeypatch.setattr(update._Loader.__init__, "__kwdefaults__", {"quads": 11})
    unpack = core.KgStore.unpack_parts
    monkeypatch.setattr(core.KgStore, "unpack_parts", lambda self, blob, size=300: unpack(self, blob, size))
    parts = tmp_path / "parts"
    with open_store(parts) as store:
        add_documents(store, synthetic[:12])
        chunks = list(export_nquads(store))
        assert set(store.oxigraph) == want_quads
        assert b"".join(chunks) == want_export
        assert len(chunks) > 100 and all(c.endswith(b"\n") for c in chunks)
        doc = synthetic[0]
        made = list(core.document_graph_parts(doc, store.minter))
        assert len(made) > 1 and b"".join(made) == core.document_graph_nquads(doc, store.minter)
        assert store.unpack(store.pack_parts(made)) == b"".join(made) == store.unpack(store.pack(b"".join(made)))
        assert store.pack_parts([]) == store.pack(b"") == b""
