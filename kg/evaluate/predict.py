"""What the system predicts for a document, as :class:`PredictedDoc` records: read
from extraction records (:func:`predictions_from_extraction`) or from the
document's named graph in a built store (:func:`predictions_from_store`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from urllib.parse import quote, unquote

from kg.errors import RdfError
from kg.evaluate.records import (
    PredictedActor,
    PredictedAgreement,
    PredictedDoc,
    PredictedEvent,
    PredictedProposal,
    PredictedTimex,
)
from kg.records import ACTOR_CLASSES, EVENT_CLASSES, Extraction


def predictions_from_extraction(extraction: Extraction) -> PredictedDoc:
    """What an :class:`~kg.records.Extraction` reports, without going through RDF.

    Event ``iri`` is the record key (what ``proposes`` and ``reached_at`` refer to);
    the time values of the extraction and of its events give the timexes.

    >>> from datetime import date
    >>> from kg.records import Document, Event, Extraction, Mention, TimeValue
    >>> doc = Document(id="d", source="d.txt", text="Talks on June 2.", sha256="0")
    >>> t = TimeValue("June 2", "2025-06-02", date(2025, 6, 2), date(2025, 6, 2), "day")
    >>> x = Extraction(doc, events=(Event("r", "NegotiationRound", "Talks", "Occurred",
    ...     time=t, mentions=(Mention("d", 0, 15, "Talks on June 2"),)),), timexes=(t,))
    >>> p = predictions_from_extraction(x)
    >>> p.events[0].begin, p.events[0].evidence, p.timexes
    (datetime.date(2025, 6, 2), ('Talks on June 2',), (PredictedTimex(text='June 2', value='2025-06-02'),))
    """
    events = []
    proposals = []
    timexes = {PredictedTimex(t.text, t.timex) for t in extraction.timexes}
    for e in extraction.events:
        t = e.time
        events.append(PredictedEvent(
            type=e.kind, status=e.status,
            begin=t.earliest if t else None, end=t.latest if t else None,
            timex=t.timex if t else None, place=e.place, round=e.round,
            actors=tuple(e.actors), evidence=tuple(m.text for m in e.mentions),
            iri=e.key, label=e.label,
        ))
        if t is not None and t.text:
            timexes.add(PredictedTimex(t.text, t.timex))
        if e.kind == "Proposal" and (e.proposed_by or e.proposes):
            proposals.append(PredictedProposal(tuple(e.proposed_by), e.proposes))
    actors = [PredictedActor(a.name, a.kind, tuple(a.aliases), a.title, a.affiliation)
              for a in extraction.actors]
    agreements = [PredictedAgreement(a.label, a.reached_at, tuple(a.parties))
                  for a in extraction.agreements]
    return PredictedDoc(
        doc_id=extraction.document.id,
        events=tuple(sorted(events, key=_event_sort_key)),
        actors=tuple(sorted(actors, key=_actor_sort_key)),
        agreements=tuple(sorted(agreements, key=_tuple_sort_key)),
        proposals=tuple(sorted(proposals, key=_tuple_sort_key)),
        timexes=tuple(sorted(timexes, key=_tuple_sort_key)),
    )


def _event_sort_key(e: PredictedEvent):
    return (e.iri, e.type, repr(e))


def _actor_sort_key(a: PredictedActor):
    return (a.name, repr(a))


def _tuple_sort_key(t: tuple):
    return repr(t)


# --------------------------------------------------------------------------- predictions from a graph
def _query(store, q: str, graph=None) -> list[tuple]:
    """Rows of a SELECT as tuples of plain strings (None for unbound)."""
    from kg.rdf.namespaces import PREFIXES

    kwargs = {"default_graph": graph} if graph is not None else {}
    try:
        solutions = store.query(q, prefixes=PREFIXES, **kwargs)
    except SyntaxError as exc:  # a bug in this module, not bad input
        raise RdfError(f"evaluation query failed: {exc}") from None
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in solutions]


_CONSOLIDATED = "nkg:ConsolidatedGraph"


def _document_graphs(store) -> dict[str, list[str]]:
    rows = _query(store, f"""
        SELECT DISTINCT ?id ?g WHERE {{
          GRAPH ?g {{ ?d a nkg:Document ; dcterms:identifier ?id . }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?g a {_CONSOLIDATED} }} }}
        }}""")
    out: dict[str, list[str]] = {}
    for doc_id, g in rows:
        out.setdefault(doc_id, []).append(g)
    return {k: sorted(v) for k, v in out.items()}


def document_ids(store) -> list[str]:
    """Identifiers of the documents that have a document graph in ``store``, sorted.

    >>> import pyoxigraph as ox
    >>> document_ids(ox.Store())
    []
    """
    return sorted(_document_graphs(store))


def _document_graph(store, doc_id: str, graphs: Mapping[str, list[str]] | None = None) -> str:
    candidates = (graphs if graphs is not None else _document_graphs(store)).get(doc_id, [])
    if not candidates:
        raise RdfError(f"no document graph has a document with dcterms:identifier {doc_id!r}")
    if len(candidates) > 1:
        tail = "graph/doc/" + quote(doc_id, safe="-._~")
        preferred = [g for g in candidates if g.endswith(tail)]
        if len(preferred) != 1:
            raise RdfError(f"document {doc_id!r} is in several graphs: {', '.join(candidates)}")
        return preferred[0]
    return candidates[0]


def _local(iri: str | None) -> str | None:
    if iri is None:
        return None
    return re.split(r"[#/]", iri)[-1]


def _tail_name(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1]).replace("-", " ")


def _iso(value: str, node: str, prop: str) -> date:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RdfError(f"<{node}> {prop}: not an xsd:date: {value!r}") from None


def predictions_from_store(store, doc_id: str) -> PredictedDoc:
    """Read what one document's named graph says, whatever the base IRI.

    The graph is the one holding a ``nkg:Document`` with ``dcterms:identifier``
    ``doc_id`` (not the consolidated graph). Names are ``rdfs:label`` values
    (the IRI's last segment when a node has no label). Timexes are the
    ``nkg:timex`` values of nodes with ``nif:anchorOf`` or ``nkg:evidence``
    mentions, and of event intervals paired with the event's evidence texts.
    Raises RdfError when no document graph has that identifier.

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.load(input=b'''@prefix nkg: <https://w3id.org/negotiation-kg/ontology#> .
    ... @prefix dcterms: <http://purl.org/dc/terms/> .
    ... <http://x/graph/doc/d> { <http://x/doc/d> a nkg:Document ; dcterms:identifier "d" .
    ...   <http://x/e> a nkg:Summit ; nkg:status nkg:Proposed . }''', format=ox.RdfFormat.TRIG)
    >>> predictions_from_store(s, "d").events
    (PredictedEvent(type='Summit', status='Proposed', begin=None, end=None, timex=None, place=None, round=None, actors=(), evidence=(), iri='http://x/e', label=''),)
    """
    import pyoxigraph as ox

    graph = ox.NamedNode(_document_graph(store, doc_id))

    def rows(q: str) -> list[tuple]:
        return _query(store, q, graph)

    def grouped(q: str) -> dict[str, list]:
        out: dict[str, list] = {}
        for node, value in rows(q):
            if value is not None:
                out.setdefault(node, []).append(value)
        return out

    def labelled(q: str) -> dict[str, list[str]]:
        out: dict[str, set[str]] = {}
        for node, target, label in rows(q):
            out.setdefault(node, set()).add(label if label is not None else _tail_name(target))
        return {k: sorted(v) for k, v in out.items()}

    event_values = ", ".join(f"nkg:{c}" for c in EVENT_CLASSES)
    classes: dict[str, list[str]] = grouped(
        f"SELECT ?e ?c WHERE {{ ?e a ?c . FILTER(?c IN ({event_values})) }}")
    labels = grouped("SELECT ?e ?l WHERE { ?e rdfs:label ?l }")
    statuses = grouped("SELECT ?e ?s WHERE { ?e nkg:status ?s }")
    begins = grouped("SELECT ?e ?b WHERE { ?e sem:hasEarliestBeginTimeStamp ?b }")
    ends = grouped("SELECT ?e ?b WHERE { ?e sem:hasLatestEndTimeStamp ?b }")
    timex = grouped("SELECT ?e ?t WHERE { ?e sem:hasTime ?i . ?i nkg:timex ?t }")
    rounds = grouped("SELECT ?e ?n WHERE { ?e nkg:roundNumber ?n }")
    evidence = grouped("SELECT ?e ?a WHERE { ?e nkg:evidence ?m . ?m nif:anchorOf ?a }")
    places = labelled("SELECT ?e ?p ?l WHERE { ?e sem:hasPlace ?p . OPTIONAL { ?p rdfs:label ?l } }")
    event_actors = labelled(
        "SELECT ?e ?a ?l WHERE { ?e sem:hasActor ?a . OPTIONAL { ?a rdfs:label ?l } }")

    events = []
    for iri in sorted(classes):
        try:
            rnd = min(int(v) for v in rounds[iri]) if iri in rounds else None
        except ValueError:
            raise RdfError(f"<{iri}> nkg:roundNumber: not an integer: {rounds[iri]!r}") from None
        events.append(PredictedEvent(
            type=_local(sorted(classes[iri])[0]),
            status=_local(min(statuses[iri])) if iri in statuses else None,
            begin=min(_iso(v, iri, "sem:hasEarliestBeginTimeStamp") for v in begins[iri])
            if iri in begins else None,
            end=max(_iso(v, iri, "sem:hasLatestEndTimeStamp") for v in ends[iri])
            if iri in ends else None,
            timex=min(timex[iri]) if iri in timex else None,
            place=places[iri][0] if iri in places else None,
            round=rnd,
            actors=tuple(event_actors.get(iri, ())),
            evidence=tuple(sorted(set(evidence.get(iri, ())))),
            iri=iri,
            label=min(labels[iri]) if iri in labels else "",
        ))

    actor_values = ", ".join(f"nkg:{c}" for c in ACTOR_CLASSES)
    actor_classes = grouped(f"SELECT ?a ?c WHERE {{ ?a a ?c . FILTER(?c IN ({actor_values})) }}")
    alt = grouped("SELECT ?a ?l WHERE { ?a skos:altLabel ?l }")
    titles = grouped("SELECT ?a ?t WHERE { ?a schema:jobTitle ?t }")
    affiliations = labelled(
        "SELECT ?a ?b ?l WHERE { ?a nkg:affiliatedWith ?b . OPTIONAL { ?b rdfs:label ?l } }")
    actors = sorted(
        (PredictedActor(
            name=min(labels[a]) if a in labels else _tail_name(a),
            type=_local(sorted(actor_classes[a])[0]),
            aliases=tuple(sorted(set(alt.get(a, ())))),
            title=min(titles[a]) if a in titles else None,
            affiliation=affiliations[a][0] if a in affiliations else None,
        ) for a in actor_classes),
        key=_actor_sort_key,
    )

    agreement_nodes = [r[0] for r in rows("SELECT ?g WHERE { ?g a nkg:Agreement }")]
    reached = grouped("SELECT ?g ?e WHERE { ?g a nkg:Agreement ; nkg:reachedAt ?e }")
    parties = labelled(
        "SELECT ?g ?a ?l WHERE { ?g nkg:party ?a . OPTIONAL { ?a rdfs:label ?l } }")
    agreements = sorted(
        (PredictedAgreement(
            min(labels[g]) if g in labels else "",
            min(reached[g]) if g in reached else None,
            tuple(parties.get(g, ())),
        ) for g in set(agreement_nodes)),
        key=_tuple_sort_key,
    )

    by = labelled("SELECT ?p ?a ?l WHERE { ?p a nkg:Proposal ; nkg:proposedBy ?a ."
                  " OPTIONAL { ?a rdfs:label ?l } }")
    proposes = grouped("SELECT ?p ?e WHERE { ?p a nkg:Proposal ; nkg:proposes ?e }")
    proposals = sorted(
        (PredictedProposal(tuple(by.get(p, ())), min(proposes[p]) if p in proposes else None)
         for p in set(by) | set(proposes)),
        key=_tuple_sort_key,
    )

    timex_rows = rows("""
        SELECT DISTINCT ?text ?value WHERE {
          ?x nkg:timex ?value .
          { ?x nif:anchorOf ?text }
          UNION { ?x nkg:evidence ?m . ?m nif:anchorOf ?text }
          UNION { ?e sem:hasTime ?x ; nkg:evidence ?m . ?m nif:anchorOf ?text }
        }""")
    timexes = sorted({PredictedTimex(t, v) for t, v in timex_rows}, key=_tuple_sort_key)
    return PredictedDoc(doc_id, tuple(events), tuple(actors), tuple(agreements),
                        tuple(proposals), tuple(timexes))
