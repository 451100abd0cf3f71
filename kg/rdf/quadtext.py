"""Quads as N-Triples text, and the orders every writer sorts them in (IRIs by their text, then blank nodes, then literals; ``rdf:type`` first among predicates)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


from kg.rdf.build import NQuad, nquad
from kg.rdf.namespaces import RDF, XSD


Quads = Iterable["NQuad | ox.Quad | ox.Triple"]

_RDF_TYPE = f"<{RDF.type}>"
_XSD = str(XSD)
_XSD_STRING = _XSD + "string"
_INTEGER = re.compile(r"^-?(0|[1-9][0-9]*)$")
# A local name that every Turtle parser accepts after a prefix (a safe subset of PN_LOCAL).
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_-]*)$")


def _strings(quads: Quads) -> Iterator[NQuad]:
    for q in quads:
        yield q if isinstance(q, NQuad) else nquad(q)


def _order(nt: str) -> tuple[int, str]:
    """Sort key of an N-Triples term: IRIs by their text (so <a> sorts before <a/b>),
    then blank nodes, then literals."""
    if nt[0] == "<":
        return (0, nt[1:-1])
    return (1, nt) if nt[0] == "_" else (2, nt)


def _pred_order(nt: str) -> tuple[int, str]:
    return (0, "") if nt == _RDF_TYPE else _order(nt)


def _group(triples: Iterable[tuple[str, str, str]]) -> dict[str, dict[str, set[str]]]:
    subjects: dict[str, dict[str, set[str]]] = {}
    for s, p, o in triples:
        preds = subjects.get(s)
        if preds is None:
            preds = subjects[s] = {}
        objs = preds.get(p)
        if objs is None:
            preds[p] = {o}
        else:
            objs.add(o)
    return subjects
