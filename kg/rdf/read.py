"""Reading graph files (N-Quads, TriG, Turtle, N-Triples, JSON-LD) into quads and stores, never fetching anything: a JSON-LD context must be local."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from kg.errors import RdfError
from kg.rdf.namespaces import NKG, RDF


# --------------------------------------------------------------------------
# reading (never fetching anything)
# --------------------------------------------------------------------------
#: Graph file extensions :func:`read_quads` reads, and their formats.
GRAPH_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def _context_file(ref: str, source: Path | str, folder: Path | None, seen: tuple[Path, ...]):
    """The ``@context`` of the local file a relative context reference names (relative
    to ``folder``), its own context references inlined; RdfError for anything that is
    not a local file. Errors name ``source``, the document being read."""
    parts = urlsplit(ref)
    local = folder is not None and not (parts.scheme or parts.netloc or parts.query) and parts.path
    if not local:
        where = " and local context files" if folder is not None else ""
        raise RdfError(f"{source}: the remote JSON-LD context {ref!r} is not fetched "
                       f"(only inline contexts{where} are read)")
    path = (folder / unquote(parts.path)).resolve()
    if path in seen:
        raise RdfError(f"{source}: the JSON-LD context file {path} includes itself")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, ValueError) as exc:
        raise RdfError(f"{source}: cannot read the JSON-LD context file {ref!r}: {exc}") from None
    if not isinstance(data, dict) or "@context" not in data:
        raise RdfError(f"{source}: no '@context' in the JSON-LD context file {path}")
    return _local_context(data["@context"], source, path.parent, (*seen, path))


def _local_context(ctx, source: Path | str, folder: Path | None = None, seen: tuple[Path, ...] = ()):
    """``ctx`` with every context file it names inlined. Raises RdfError for anything
    that would make a JSON-LD processor fetch a remote document: a context given by
    URL, an ``@import``, in scoped contexts too. Relative references are read from
    ``folder`` when given, else refused as well."""
    if isinstance(ctx, str):
        return _context_file(ctx, source, folder, seen)
    if isinstance(ctx, list):
        return [_local_context(item, source, folder, seen) for item in ctx]
    if isinstance(ctx, dict):
        if "@import" in ctx:
            raise RdfError(f"{source}: '@import' of the JSON-LD context {ctx['@import']!r} is not "
                           "fetched (only inline contexts are read)")
        return _local_jsonld(ctx, source, folder, seen)  # scoped contexts of term definitions
    if ctx is None:
        return None
    raise RdfError(f"{source}: a JSON-LD context is an object, not {type(ctx).__name__}")


def _check_local_context(ctx, where: Path | str) -> None:
    """Refuse a JSON-LD context that would make a processor fetch a remote document."""
    _local_context(ctx, where)


def _local_jsonld(node, source: Path | str, folder: Path | None = None, seen: tuple[Path, ...] = ()):
    """A JSON-LD document with every ``@context`` checked by :func:`_local_context`."""
    if isinstance(node, dict):
        return {key: _local_context(value, source, folder, seen) if key == "@context"
                else _local_jsonld(value, source, folder, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_local_jsonld(item, source, folder, seen) for item in node]
    return node


def check_jsonld_local(data, source: str = "<json-ld>") -> None:
    """Raise RdfError if a JSON-LD document would make a processor fetch a remote
    document: a context given by reference (a string), an ``@import``, anywhere,
    including contexts scoped to terms and nested nodes.

    >>> check_jsonld_local({"@context": {"name": "https://schema.org/name"}, "name": "x"})
    >>> check_jsonld_local({"@context": "http://127.0.0.1:9/ctx.jsonld"}, "a.jsonld")
    Traceback (most recent call last):
    kg.errors.RdfError: a.jsonld: the remote JSON-LD context 'http://127.0.0.1:9/ctx.jsonld' is not fetched (only inline contexts are read)
    """
    _local_jsonld(data, source)


def _graph_file(path: Path) -> Path:
    if path.is_dir():
        for name in ("graph.trig", "graph.nq"):
            if (path / name).is_file():
                return path / name
        raise RdfError(f"{path}: no graph.trig or graph.nq in this folder (run 'kg build')")
    if not path.is_file():
        raise RdfError(f"{path}: no such graph file or folder (run 'kg build')")
    return path


def read_quads(path: Path | str) -> list[ox.Quad]:
    """The quads of a graph file, or of a build folder (its ``graph.trig``, else
    ``graph.nq``), exactly as written (a Store would give integer literals of
    derived datatypes back as ``xsd:integer``).

    The format comes from the extension (see :data:`GRAPH_FORMATS`). Nothing is
    ever fetched: a JSON-LD file whose contexts are not inline or in local files
    is refused before any parser sees it; JSON-LD that pyoxigraph refuses (a
    context given as a relative file...) is read by rdflib. Triples of a file
    without graphs (Turtle, N-Triples, RDF/XML, N3) go into the graph that the
    file declares ``a nkg:ConsolidatedGraph``, so the bundled queries work on
    ``graph.ttl`` too; else they stay in the default graph. Errors are
    :class:`RdfError` naming the file (and line and column).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<https://e.org/v> a <https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph> .")
    >>> [q.graph_name.value for q in read_quads(p)]
    ['https://e.org/v']
    >>> read_quads("no/such/dir")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.RdfError: no/such/dir: no such graph file or folder ...
    """
    path = _graph_file(Path(path))
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(GRAPH_FORMATS))
        raise RdfError(f"{path}: unknown graph file extension {path.suffix!r} (known: {known})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RdfError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return _parse(data, fmt, path, path.resolve().parent)


def _parse(data: bytes, fmt: ox.RdfFormat, source: Path | str, folder: Path | None) -> list[ox.Quad]:
    """The quads of ``data``; ``folder`` holds the local JSON-LD context files (None: none are read)."""
    if fmt == ox.RdfFormat.JSON_LD:
        return _parse_jsonld(data, source, folder)
    try:
        quads = list(ox.parse(data, format=fmt))
    except (SyntaxError, ValueError) as exc:
        raise RdfError(f"{source}: not valid {fmt.name}: {_one_line(str(exc))}") from None
    return quads if fmt.supports_datasets else _into_consolidated_graph(quads)


def _into_consolidated_graph(quads: list[ox.Quad]) -> list[ox.Quad]:
    """Triples of the default graph moved into the one graph that declares itself
    ``a nkg:ConsolidatedGraph`` (unchanged when none or several do)."""
    marker, rdf_type = str(NKG.ConsolidatedGraph), str(RDF.type)
    views = {q.subject for q in quads
             if isinstance(q.graph_name, ox.DefaultGraph) and isinstance(q.subject, ox.NamedNode)
             and q.predicate.value == rdf_type and q.object.value == marker}
    if len(views) != 1:
        return quads
    (view,) = views
    return [ox.Quad(q.subject, q.predicate, q.object, view) if isinstance(q.graph_name, ox.DefaultGraph)
            else q for q in quads]


def _parse_jsonld(data: bytes, source: Path | str, folder: Path | None) -> list[ox.Quad]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeError, ValueError) as exc:
        raise RdfError(f"{source}: not JSON: {exc}") from None
    inlined = _local_jsonld(doc, source, folder)  # raises before any parser sees a remote context
    try:
        return list(ox.parse(data, format=ox.RdfFormat.JSON_LD))
    except (SyntaxError, ValueError) as exc:
        base = Path(source).resolve().as_uri() if isinstance(source, Path) else None
        return _parse_jsonld_with_rdflib(inlined, source, base, first_error=exc)


def _parse_jsonld_with_rdflib(doc, source: Path | str, base: str | None, *,
                              first_error: Exception) -> list[ox.Quad]:
    """rdflib reads JSON-LD that pyoxigraph refuses, e.g. a context given as a relative
    file; it gets the document with those contexts inlined, so it fetches nothing."""
    from rdflib import BNode, Dataset, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    dataset = Dataset()
    try:
        dataset.parse(data=json.dumps(doc), format="json-ld", publicID=base)
    except Exception as exc:  # rdflib's JSON-LD parser raises many kinds of errors
        raise RdfError(f"{source}: not valid JSON-LD: {_one_line(str(first_error))}; "
                       f"rdflib: {_one_line(str(exc))}") from None

    def term(node):
        if isinstance(node, URIRef):
            return ox.NamedNode(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)

    try:
        return [ox.Quad(term(s), term(p), term(o),
                        ox.DefaultGraph() if g is None or g == DATASET_DEFAULT_GRAPH_ID else term(g))
                for s, p, o, g in dataset.quads()]
    except ValueError as exc:
        raise RdfError(f"{source}: invalid RDF term in JSON-LD: {exc}") from None


def load_graph(path: Path | str) -> ox.Store:
    """:func:`read_quads` into a new in-memory Store (for querying).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<https://e.org/v> a <https://w3id.org/negotiation-kg/ontology#ConsolidatedGraph> .")
    >>> [g.value for g in load_graph(p).named_graphs()]
    ['https://e.org/v']
    """
    store = ox.Store()
    store.extend(read_quads(path))
    return store


def store_from_text(text: str, format: str = "trig") -> ox.Store:
    """A Store holding a graph given as text (for examples and tests); ``format`` is
    an extension of :data:`GRAPH_FORMATS` without its dot. Read as :func:`read_quads`
    reads a file, except that JSON-LD contexts must all be inline.

    >>> len(store_from_text("<http://e.org/g> { <http://e.org/a> <http://e.org/b> <http://e.org/c> }"))
    1
    """
    fmt = GRAPH_FORMATS.get("." + format.lower().lstrip("."))
    if fmt is None:
        raise RdfError(f"<{format} text>: unknown graph format {format!r}")
    store = ox.Store()
    store.extend(_parse(text.encode("utf-8"), fmt, f"<{format} text>", None))
    return store


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
