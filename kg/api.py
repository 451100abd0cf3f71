"""The library API: build, open, query and draw a negotiation knowledge graph from Python.

:func:`build` reads articles and returns a :class:`KnowledgeGraph`, in memory
(``out=None``, nothing is written) or published into a folder as ``kg build`` does;
:func:`open` opens a built folder. A graph answers the bundled queries or any SPARQL
with rows of plain Python values, hands out its pyoxigraph store, an rdflib
``Dataset``, the networkx projection of the analysis and the pyvis ``Network``
objects the pages are drawn from, and shows its timeline inline in Jupyter.

>>> import kg
>>> graph = kg.build([kg.resources.PROJECT_DIR / "seeds"])
>>> rows = graph.query("rounds")
>>> rows.variables[:4]
['track', 'round', 'event', 'label']
>>> [(r["round"], r["status"]) for r in rows]
[(1, 'Occurred'), (2, 'Occurred'), (None, 'Proposed')]
>>> type(graph.timeline_network()).__name__
'KgNetwork'
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, UsageError
from kg.rdf.namespaces import DEFAULT_BASE_IRI

__all__ = ["KnowledgeGraph", "Rows", "build", "open", "python_value"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte")}
_FLOATS = {f"{_XSD}double", f"{_XSD}float"}


def python_value(term):
    """A SPARQL result term as a plain Python value: IRIs as strings, ``xsd:date`` as
    :class:`datetime.date`, ``xsd:dateTime`` as :class:`datetime.datetime`, integers as
    ``int``, decimals as :class:`~decimal.Decimal`, doubles as ``float``, booleans as
    ``bool``, blank nodes as ``"_:id"``, any other literal as its text; unbound as None.

    >>> python_value(ox.Literal("2025-06-02", datatype=ox.NamedNode(_XSD + "date")))
    datetime.date(2025, 6, 2)
    >>> python_value(ox.Literal("3", datatype=ox.NamedNode(_XSD + "integer")))
    3
    >>> python_value(ox.NamedNode("https://w3id.org/negotiation-kg/id/actor/ukraine"))
    'https://w3id.org/negotiation-kg/id/actor/ukraine'
    >>> python_value(ox.Literal("2025-13-01", datatype=ox.NamedNode(_XSD + "date")))  # ill-typed
    '2025-13-01'
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    kind = term.datatype.value if term.datatype is not None else ""
    text = term.value
    try:
        if kind == f"{_XSD}date":
            return date.fromisoformat(text)
        if kind == f"{_XSD}dateTime":
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        if kind in _INTEGERS:
            return int(text)
        if kind == f"{_XSD}decimal":
            return Decimal(text)
        if kind in _FLOATS:
            return float(text)
        if kind == f"{_XSD}boolean":
            return text in ("true", "1")
    except ValueError:
        return text
    return text


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _dates_in_columns(names: Sequence[str], rows: list[dict]) -> list[dict]:
    """The columns a bundled query declares as dates (``# Date columns:`` in its header,
    :func:`kg.rdf.query.date_columns`: it gives ``xsd:date`` as the lexical form) as
    :class:`datetime.date`; a column whose values are not all ISO days stays as it is.
    Other queries' columns are never guessed at: their typed dates are dates already.

    >>> _dates_in_columns(["d", "t"], [{"d": "2025-06-02", "t": "2025-06"}, {"d": None, "t": "x"}])
    [{'d': datetime.date(2025, 6, 2), 't': '2025-06'}, {'d': None, 't': 'x'}]
    """
    for name in names:
        values = [r[name] for r in rows if r[name] is not None]
        if not values or not all(isinstance(v, date) or (isinstance(v, str) and _ISO_DAY.match(v))
                                 for v in values):
            continue
        try:
            converted = [date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        except ValueError:
            continue
        it = iter(converted)
        for r in rows:
            if r[name] is not None:
                r[name] = next(it)
    return rows


class Rows(list):
    """The rows of a SELECT query: a list of dicts (variable -> Python value, None
    where unbound) in the query's order, with the variables in ``variables``.

    >>> rows = Rows(["n"], [{"n": 1}, {"n": 2}])
    >>> rows.variables, [r["n"] for r in rows]
    (['n'], [1, 2])
    """

    def __init__(self, variables: Sequence[str], rows: Iterable[dict]):
        super().__init__(rows)
        self.variables = list(variables)

    def to_pandas(self):
        """The rows as a pandas DataFrame with typed columns: dates as ``datetime64``,
        integers as nullable ``Int64``, doubles as ``float64``, booleans as
        ``boolean``, text as ``string`` (needs the ``negotiation-kg[pandas]`` extra)."""
        try:
            import pandas as pd
        except ImportError:
            raise UsageError("to_pandas() needs pandas: pip install 'negotiation-kg[pandas]'") from None
        columns = {}
        for name in self.variables:
            values = [row.get(name) for row in self]
            present = [v for v in values if v is not None]
            kinds = {type(v) for v in present}
            if kinds == {date}:
                column = pd.Series(pd.to_datetime(values), dtype="datetime64[ns]")
            elif kinds == {bool}:
                column = pd.Series(values, dtype="boolean")
            elif kinds == {int}:
                column = pd.Series(values, dtype="Int64")
            elif kinds and kinds <= {int, float}:
                column = pd.Series([float(v) if v is not None else None for v in values],
                                   dtype="float64")
            elif kinds <= {str}:
                column = pd.Series(values, dtype="string")
            else:
                column = pd.Series(values, dtype="object")
            columns[name] = column
        return pd.DataFrame(columns, columns=self.variables)


class KnowledgeGraph:
    """A built graph: its store, its queries, its views.

    Made by :func:`build` or :func:`open`, not directly. ``out_dir`` is the build
    folder (None for a graph built in memory).
    """

    def __init__(self, store: ox.Store, *, nquads: bytes | None = None, out_dir: Path | None = None,
                 extractions: Sequence | None = None, base_iri: str = DEFAULT_BASE_IRI,
                 manifest: dict | None = None, failed: Sequence = ()):
        self._store = store
        self._nquads = nquads
        self.out_dir = out_dir
        self._extractions = None if extractions is None else tuple(extractions)
        self.base_iri = base_iri
        self.manifest = manifest
        #: the documents a build left out, each a :class:`kg.failures.Failure`
        self.failed = tuple(failed) or tuple(
            _failure_of(f) for f in (manifest or {}).get("failed", ()))
        self._data = None

    def __repr__(self) -> str:
        where = f"out_dir={str(self.out_dir)!r}" if self.out_dir else "in memory"
        return f"<KnowledgeGraph {where}: {len(self._store)} quads>"

    # --- the graph ----------------------------------------------------------
    @property
    def store(self) -> ox.Store:
        """The pyoxigraph ``Store`` holding every named graph."""
        return self._store

    def nquads(self) -> bytes:
        """Every quad as sorted N-Quads, byte for byte the ``graph.nq`` of a build."""
        if self._nquads is None:
            from kg.rdf.io import sorted_nquads

            self._nquads = sorted_nquads(list(self._store))
        return self._nquads

    def to_rdflib(self):
        """An rdflib ``Dataset`` with the named graphs (documents, ontology, consolidated view)."""
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=self.nquads(), format="nquads")
        return ds

    def quads(self) -> list[ox.Quad]:
        """Every quad exactly as written (derived datatypes kept, unlike the store's)."""
        return list(ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS))

    def validate(self):
        """Check the graph against the project's SHACL shapes; returns the report
        (``.conforms``, ``.text``, ``.results``) as ``kg validate`` prints it."""
        from kg.rdf.validate import validate

        return validate(self._store)

    def push(self, store_url: str, **options):
        """Send every named graph to a SPARQL 1.1 Graph Store endpoint, as ``kg push``
        does (the options are :func:`kg.rdf.push.push`'s: ``auth``, ``timeout``,
        ``retries``, ``dry_run``, ``state_file``, ``resume``, ``progress``); returns
        its report."""
        from kg.rdf.push import push

        return push(self.quads(), store_url, **options)

    # --- queries ------------------------------------------------------------
    def query(self, name_or_sparql: str, as_of: date | None = None):
        """Run a bundled query (by name: ``kg query --list``) or SPARQL text.

        SELECT gives :class:`Rows` (``xsd:date`` values come back as dates, and so do the
        columns a bundled query's header declares as dates, which it gives in ISO form;
        any other string stays a string); ASK gives a bool; CONSTRUCT and DESCRIBE give a
        list of ``(subject, predicate, object)`` tuples of Python values. ``as_of``
        answers over the view as it stood on that day: only documents published up
        to it count.
        """
        from kg.rdf.namespaces import PREFIXES
        from kg.rdf.query import _execute, check_query, date_columns, resolve_query

        query = resolve_query(name_or_sparql)
        # read (never run) first, as kg query does: depth limit, syntax, no update, no SERVICE
        check_query(query, prefixes=PREFIXES)
        store = self._store if as_of is None else self._as_of(as_of)
        result = _execute(store, query)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return [(python_value(t.subject), python_value(t.predicate), python_value(t.object))
                    for t in result]
        names = [v.value for v in result.variables]
        rows = [{n: python_value(sol[i]) for i, n in enumerate(names)} for sol in result]
        declared = [n for n in date_columns(query.text) if n in names]
        return Rows(names, _dates_in_columns(declared, rows))

    def _as_of(self, day: date) -> ox.Store:
        if self._extractions is not None:
            from kg.rdf.iris import IriMinter
            from kg.store import view_store

            return view_store(self._extractions, day, IriMinter(self.base_iri))
        if self.out_dir is None or not (self.out_dir / "store").is_dir():
            raise StoreError("as_of needs the documents' records: a graph built by kg.build, or "
                             "a build folder with its persistent store")
        from kg.store import as_of_store, open_store

        with open_store(self.out_dir, base_iri=self.base_iri) as kept:
            return as_of_store(kept, day)

    # --- analysis and views ---------------------------------------------------
    def timeline_data(self):
        """The consolidated view as plain records (:class:`kg.analysis.TimelineData`)."""
        if self._data is None:
            from kg.analysis import read_timeline

            self._data = read_timeline(self._store)
        return self._data

    def analysis(self) -> dict:
        """The timeline analysis: the plain data of ``analysis.json``."""
        from kg.analysis import analyze

        return analyze(self.timeline_data(), allow_empty=True)

    def to_networkx(self):
        """The networkx ``MultiDiGraph`` the analysis works on: events, actors and
        agreements as nodes (with their attributes), their relations as edges."""
        from kg.analysis import project

        return project(self.timeline_data())

    def timeline_network(self):
        """The timeline as a pyvis ``Network`` (:class:`kg.render.network.KgNetwork`):
        the page's nodes, positions, edges, colours and options; ``write_html(path)``
        writes the same self-contained page as ``timeline.html``."""
        from kg.render.network import timeline_network

        return timeline_network(self.timeline_data())

    def actors_network(self):
        """The actor network as a pyvis ``Network``, as drawn in ``actors.html``."""
        from kg.render.network import actors_network

        return actors_network(self.timeline_data())

    def _repr_html_(self) -> str:
        """The timeline page inline in Jupyter, in an iframe (its script runs there)."""
        page = self.timeline_network().generate_html()
        return (f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:640px;'
                f'border:1px solid #ddd" sandbox="allow-scripts" title="Negotiation timeline"></iframe>')


def _failure_of(entry: dict):
    from kg.pipeline import Failure

    return Failure(entry.get("id", ""), entry.get("source", ""), entry.get("kind", ""), entry.get("error", ""))


def build(paths: Sequence[str | Path] | str | Path, out: str | Path | None = None, *,
          base_iri: str = DEFAULT_BASE_IRI, date: date | None = None, keep_going: bool = False,
          validate: bool = True, progress: Callable[[int, int], None] | None = None,
          nlp=None, exclude=None) -> KnowledgeGraph:
    """Build the graph of the articles at ``paths`` (files or folders).

    With ``out=None`` the graph is built in memory and nothing is written; with a
    folder it is published there exactly as ``kg build --out`` does (graph files,
    pages, manifest, persistent store) and opened. The options are those of
    ``kg build`` (``exclude``: globs of file names passed over in folders, by default
    a folder's README, LICENSE, CHANGELOG...); ``validate=False`` skips the SHACL check.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if out is not None:
        from kg.pipeline import build as build_folder

        build_folder(paths, out=out, base_iri=base_iri, date=date, keep_going=keep_going,
                     nlp=nlp, validate=validate, progress=progress, exclude=exclude)
        return open(out)
    from kg.memory import build_memory

    store, nquads, xs, minter, failed = build_memory(paths, base_iri=base_iri, date=date,
                                             keep_going=keep_going, nlp=nlp, validate=validate,
                                             progress=progress, exclude=exclude)
    return KnowledgeGraph(store, nquads=nquads, extractions=xs, base_iri=minter.base, failed=failed)


def open(out_dir: str | Path) -> KnowledgeGraph:  # noqa: A001 - the API's name for it
    """Open a build folder (written by ``kg build`` or :func:`build` with ``out``).

    Reads its persistent store while it holds what the folder publishes, else its
    ``graph.nq``.
    """
    import json

    from kg.rdf.io import load_graph

    out = Path(out_dir)
    if not out.is_dir():
        raise UsageError(f"{out}: not a build folder")
    manifest = None
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    base = (manifest or {}).get("base_iri", DEFAULT_BASE_IRI)
    nq = out / "graph.nq"
    nquads = nq.read_bytes() if nq.is_file() else None
    store = load_graph(out)
    return KnowledgeGraph(store, nquads=nquads, out_dir=out, base_iri=base, manifest=manifest)

