"""Hand-made graphs for the analysis and view tests (tests/cases/views-*/).

Each case folder holds ``docs.trig`` (document graphs in the published layout)
and optionally ``view.trig`` (triples only the consolidated view holds, such as
reconciliation links). :func:`load_case` builds the consolidated view the way
the layout defines it: the union of the document graphs, marked
``a nkg:ConsolidatedGraph``.
"""

from __future__ import annotations

from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
BASE = "https://w3id.org/negotiation-kg/id/"
NKG = "https://w3id.org/negotiation-kg/ontology#"


def consolidate(store) -> None:
    """Add ``graph/current``: the union of the document graphs, marked as the view."""
    current = f"<{BASE}graph/current>"
    store.update(
        f"INSERT {{ GRAPH {current} {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?g), "{BASE}graph/doc/")) }}'
    )
    store.update(f"INSERT DATA {{ GRAPH {current} {{ {current} a <{NKG}ConsolidatedGraph> }} }}")


def load_case(name: str):
    """A pyoxigraph Store holding the case ``tests/cases/<name>/``."""
    from kg.rdf.io import load_graph, read_quads

    folder = CASES / name
    store = load_graph(folder / "docs.trig")
    consolidate(store)
    if (folder / "view.trig").exists():
        store.extend(read_quads(folder / "view.trig"))
    return store


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _slug(text: str) -> str:
    import re
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "_"


def gold_corpus_trig(root: Path | None = None) -> str:
    """A corpus-like graph: the development corpus's gold annotations written in
    the published layout (one graph per document, the consolidated view their union).

    Labels come from the event keys, evidence from the gold quotes (with their
    offsets in the article text where found), places, rounds, actors,
    affiliations, agreements and proposals as annotated.
    """
    import json

    root = root or Path(__file__).resolve().parent.parent
    texts = {p.stem: p for p in [*root.glob("seeds/*.txt"), *(root / "tests" / "corpus").glob("*.txt")]}
    out = ["@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .",
           "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .",
           "@prefix prov: <http://www.w3.org/ns/prov#> .",
           "@prefix dcterms: <http://purl.org/dc/terms/> .",
           "@prefix schema: <https://schema.org/> .",
           "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
           "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
           f"@base <{BASE}> ."]
    for gold_path in sorted((root / "tests" / "corpus" / "gold").glob("*.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = g["doc"]
        text = texts[doc].read_text(encoding="utf-8") if doc in texts else ""
        title = text.splitlines()[1] if text.count("\n") > 1 else doc
        lines = [f"<doc/{doc}> a nkg:Document, prov:Entity, schema:NewsArticle ; dcterms:identifier {_lit(doc)} ;"
                 f" dcterms:issued \"{g['published']}\"^^xsd:date ; dcterms:title {_lit(title)} ;"
                 f" dcterms:publisher {_lit(g.get('publisher') or 'unknown')} ."]

        def mention(quote: str) -> str:
            b = text.find(quote)
            b = max(b, 0)
            iri = f"mention/{doc}/{b}-{b + len(quote)}"
            lines.append(f"<{iri}> a nif:OffsetBasedString ; nif:beginIndex \"{b}\"^^xsd:nonNegativeInteger ;"
                         f" nif:endIndex \"{b + len(quote)}\"^^xsd:nonNegativeInteger ; nif:anchorOf {_lit(quote)} ;"
                         f" nif:referenceContext <doc/{doc}> ; nkg:inDocument <doc/{doc}> .")
            return iri

        ev_iri = {}
        for e in g["events"]:
            ev_iri[e["key"]] = f"event/{_slug(e['type'])}/doc/{doc}/{e['key']}"
        for e in g["events"]:
            props = [f"a nkg:{e['type']}, sem:Event", f"rdfs:label {_lit(e['key'].replace('-', ' ').capitalize())}",
                     f"nkg:status nkg:{e['status']}", f"prov:wasDerivedFrom <doc/{doc}>"]
            if e.get("begin"):
                props.append(f"sem:hasEarliestBeginTimeStamp \"{e['begin']}\"^^xsd:date")
            if e.get("end"):
                props.append(f"sem:hasLatestEndTimeStamp \"{e['end']}\"^^xsd:date")
            if e.get("round") is not None:
                props.append(f"nkg:roundNumber {int(e['round'])}")
            place = e.get("place")
            if isinstance(place, list):
                place = place[0] if place else None
            if place:
                props.append(f"sem:hasPlace <place/{_slug(place)}>")
                lines.append(f"<place/{_slug(place)}> a nkg:Place, sem:Place ; rdfs:label {_lit(place)} .")
            if e.get("actors"):
                props.append("sem:hasActor " + ", ".join(f"<actor/{_slug(a)}>" for a in e["actors"]))
            if e.get("evidence"):
                props.append(f"nkg:evidence <{mention(e['evidence'])}>")
            if e["type"] == "Proposal":
                for p in g.get("proposals", []):
                    if p["by"] in e.get("actors", []) and p["proposes"] in ev_iri:
                        props += [f"nkg:proposedBy <actor/{_slug(p['by'])}>", f"nkg:proposes <{ev_iri[p['proposes']]}>"]
            lines.append(f"<{ev_iri[e['key']]}> " + " ;\n  ".join(props) + " .")
        for a in g["actors"]:
            props = [f"a nkg:{a['type']}, sem:Actor", f"rdfs:label {_lit(a['name'])}", f"prov:wasDerivedFrom <doc/{doc}>"]
            props += [f"skos:altLabel {_lit(x)}" for x in a.get("aliases") or []]
            if a.get("title"):
                props.append(f"schema:jobTitle {_lit(a['title'])}")
            if a.get("affiliation"):
                props.append(f"nkg:affiliatedWith <actor/{_slug(a['affiliation'])}>")
            lines.append(f"<actor/{_slug(a['name'])}> " + " ;\n  ".join(props) + " .")
        for k in g.get("agreements", []):
            props = [f"a nkg:Agreement", f"rdfs:label {_lit(k['label'])}", "nkg:status nkg:Occurred",
                     f"prov:wasDerivedFrom <doc/{doc}>"]
            if k.get("reached_at") in ev_iri:
                props.append(f"nkg:reachedAt <{ev_iri[k['reached_at']]}>")
            props += [f"nkg:party <actor/{_slug(x)}>" for x in k.get("parties", [])]
            lines.append(f"<agreement/doc/{doc}/{k['key']}> " + " ;\n  ".join(props) + " .")
        out.append(f"<graph/doc/{doc}> {{\n" + "\n".join(lines) + "\n}")
    return "\n".join(out) + "\n"


def load_gold_corpus():
    """A pyoxigraph Store holding :func:`gold_corpus_trig` with its consolidated view."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(gold_corpus_trig().encode("utf-8"), format=ox.RdfFormat.TRIG)
    consolidate(store)
    return store
