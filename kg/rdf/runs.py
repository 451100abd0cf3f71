"""Quads sorted in bounded memory: sorted runs on disk, merged as they are read.

A graph file is written in a sorted order: ``graph.nq`` by line, TriG and JSON-LD
graph by graph then subject by subject, Turtle (the union) subject by subject.
:class:`SortedQuads` reads the quads once, :data:`RUN_QUADS` at a time; each batch is
sorted in the three orders and written as three *runs* into a hidden folder of the
output folder; reading an order merges its runs (:func:`heapq.merge`, at most
:data:`FAN_IN` files at once) and drops repeated quads. Memory is that of one batch
while reading, and of one block per run while merging, whatever the number of quads.
A graph of up to :data:`MEMORY_QUADS` quads is never written out: its terms are
ranked once and its quads sorted by the ranks.

The orders are those of the writers (:mod:`kg.rdf.quadtext`): the N-Quads lines by
their text (UTF-8 bytes order as the text does), and the terms by :func:`_order`
(IRIs by their text, then blank nodes, then literals; ``rdf:type`` first among
predicates; the default graph first). So that runs merge by plain comparison, each
term is kept in a *sort form* whose text orders as :func:`_order` does: an IRI
``<x>`` as ``0x``, a blank node or literal behind ``1`` or ``2``, the default graph
as ``""`` and the predicate ``rdf:type`` as ``0``.

>>> from kg.rdf.build import NQuad
>>> qs = [NQuad("<http://e.org/a/b>", "<http://e.org/p>", '"x"', "<http://e.org/g>"),
...       NQuad("<http://e.org/a>", "<http://e.org/p>", '"y"', ""),
...       NQuad("<http://e.org/a>", "<http://e.org/p>", '"y"', "")]
>>> import tempfile
>>> with SortedQuads(qs, tempfile.mkdtemp(), run_quads=1) as sq:
...     [q.s for q in sq.by_graph()], [t[0] for t in sq.triples()], len(list(sq.lines()))
(['<http://e.org/a>', '<http://e.org/a/b>'], ['<http://e.org/a>', '<http://e.org/a/b>'], 2)
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from kg.rdf.quadtext import _RDF_TYPE, NQuad, Quads, nquad

__all__ = ["RUN_QUADS", "MEMORY_QUADS", "FAN_IN", "SortedQuads", "sort_form", "term_of"]

#: Quads sorted in memory at a time (a batch); a larger graph is sorted in runs on disk.
RUN_QUADS = 100_000
#: A graph of up to this many quads is held and sorted in memory, never written out
#: in runs (about 250 bytes a quad besides its terms: 125 MB at this size).
MEMORY_QUADS = 500_000
#: Runs merged at once; past it, runs are first merged into longer ones.
FAN_IN = 128
#: Items pickled (and read back) at a time in a run file.
_BLOCK = 512


def sort_form(term: str) -> str:
    """The text of ``term`` (N-Triples; ``""`` the default graph) that sorts as
    :func:`kg.rdf.quadtext._order` does.

    >>> sorted(["<a/b>", "<a>", '"z"', "_:b"], key=sort_form)
    ['<a>', '<a/b>', '_:b', '"z"']
    >>> [term_of(sort_form(t)) for t in ("<a>", "_:b", '"z"', "")]
    ['<a>', '_:b', '"z"', '']
    """
    if not term:
        return ""
    if term[0] == "<":
        return "0" + term[1:-1]
    return ("1" if term[0] == "_" else "2") + term


def _pred_form(term: str) -> str:
    return "0" if term == _RDF_TYPE else sort_form(term)


def term_of(form: str) -> str:
    """The N-Triples term of a :func:`sort_form`."""
    if not form:
        return ""
    if form[0] == "0":
        return "<" + form[1:] + ">"
    return form[1:]


def _pred_of(form: str) -> str:
    return _RDF_TYPE if form == "0" else term_of(form)


def _graph_row(q: NQuad) -> tuple[str, str, str, str]:
    return (sort_form(q.g), sort_form(q.s), _pred_form(q.p), sort_form(q.o))


def _triple_row(q: NQuad) -> tuple[str, str, str]:
    return (sort_form(q.s), _pred_form(q.p), sort_form(q.o))


def _unique(items: Iterable) -> Iterator:
    """``items`` (sorted) with repeats dropped."""
    last = object()
    for item in items:
        if item != last:
            yield item
            last = item


# --- run files ------------------------------------------------------------------
def _write_lines(path: Path, lines: Iterable[bytes]) -> Path:
    with open(path, "wb") as f:
        f.writelines(lines)
    return path


def _read_lines(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as f:
        yield from f


def _write_rows(path: Path, rows: Iterable[tuple]) -> Path:
    with open(path, "wb") as f:
        block: list[tuple] = []
        for row in rows:
            block.append(row)
            if len(block) == _BLOCK:
                pickle.dump(block, f, protocol=pickle.HIGHEST_PROTOCOL)
                block = []
        if block:
            pickle.dump(block, f, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _read_rows(path: Path) -> Iterator[tuple]:
    with open(path, "rb") as f:
        while True:
            try:
                block = pickle.load(f)
            except EOFError:
                return
            yield from block


#: For each order: how a run is written and read back.
_FILES: dict[str, tuple[Callable, Callable]] = {
    "lines": (_write_lines, _read_lines),
    "graph": (_write_rows, _read_rows),
    "triples": (_write_rows, _read_rows),
}


class SortedQuads:
    """The quads of ``quads``, each once, readable in the writers' orders
    (:meth:`lines`, :meth:`by_graph`, :meth:`triples`), each as often as needed.

    A graph of up to ``memory_quads`` quads (default :data:`MEMORY_QUADS`, or
    ``run_quads`` when that is given) is held in memory: each of its terms is ranked
    once in the writers' order and the quads are sorted by the ranks. A larger one,
    with a ``folder``, is sorted by batches of ``run_quads`` quads (default
    :data:`RUN_QUADS`; the first batch is the ``memory_quads`` read before) into run
    files in a hidden folder inside it, merged ``fan_in`` at a time (default
    :data:`FAN_IN`) and removed by :meth:`close` (or the ``with`` block's end);
    without a folder, every quad is held and sorted in memory.
    """

    def __init__(self, quads: Quads, folder: Path | str | None = None, *,
                 run_quads: int | None = None, fan_in: int | None = None,
                 memory_quads: int | None = None) -> None:
        self._folder = Path(folder) if folder is not None else None
        self._run_quads = max(1, RUN_QUADS if run_quads is None else run_quads)
        self._fan_in = max(2, FAN_IN if fan_in is None else fan_in)
        if memory_quads is None:
            memory_quads = MEMORY_QUADS if run_quads is None else self._run_quads
        self._memory_quads = max(self._run_quads, memory_quads)
        self._tmp: Path | None = None
        self._runs: dict[str, list[Path]] = {kind: [] for kind in _FILES}
        self._count = 0
        self._memory: set[NQuad] | None = None
        self._terms: dict[str, str] = {}
        self._rank: dict[str, int] | None = None
        self._by_graph: list[NQuad] | None = None
        try:
            self._read(quads)
        except BaseException:
            self.close()
            raise

    def _read(self, quads: Quads) -> None:
        batch: set[NQuad] = set()
        terms: dict[str, str] = {}  # each term of a batch kept once
        term = terms.setdefault
        limit = self._memory_quads  # the first batch: the whole graph, if it is small
        for q in quads:
            s, p, o, g = q if isinstance(q, NQuad) else nquad(q)
            batch.add(NQuad(term(s, s), term(p, p), term(o, o), term(g, g)))
            if len(batch) >= limit and self._folder is not None:
                self._spill(batch)
                batch, terms = set(), {}
                term = terms.setdefault
                limit = self._run_quads
        if self._tmp is None:
            self._memory, self._terms = batch, terms
        elif batch:
            self._spill(batch)

    def _spill(self, batch: set[NQuad]) -> None:
        """Sort ``batch`` in each order and write it as a run of each."""
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix=".sort-", dir=self._folder))
        for kind, (write, _) in _FILES.items():
            path = self._tmp / f"{kind}-{self._count:06d}"
            self._count += 1
            write(path, self._sorted(kind, batch))
            self._runs[kind].append(path)

    @staticmethod
    def _sorted(kind: str, quads: set[NQuad]) -> Iterator:
        if kind == "lines":  # sorting the quads as tuples orders their lines as the text does
            return (q.line().encode("utf-8") for q in sorted(quads))
        if kind == "graph":
            return iter(sorted(map(_graph_row, quads)))
        return iter(sorted(set(map(_triple_row, quads))))

    def _merged(self, kind: str) -> Iterator:
        """The items of ``kind``, sorted, each once (from the runs on disk)."""
        write, read = _FILES[kind]
        runs = self._runs[kind]
        while len(runs) > self._fan_in:  # merge into longer runs first: fan_in files open at most
            merged = []
            for i in range(0, len(runs), self._fan_in):
                group = runs[i:i + self._fan_in]
                path = self._tmp / f"{kind}-{self._count:06d}"
                self._count += 1
                write(path, _unique(heapq.merge(*(read(p) for p in group))))
                for p in group:
                    p.unlink()
                merged.append(path)
            runs = self._runs[kind] = merged
        return _unique(heapq.merge(*(read(p) for p in runs)))

    # --- a graph held in memory: each term ranked once, the quads sorted by the ranks
    def _ranks(self) -> dict[str, int]:
        """Each term's place in the :func:`sort_form` order (the default graph first)."""
        if self._rank is None:
            self._rank = {t: i for i, t in enumerate(sorted(self._terms, key=sort_form))}
        return self._rank

    def _triple_key(self) -> Callable[[tuple], tuple[int, int, int]]:
        rank = self._ranks()
        return lambda t: (rank[t[0]], -1 if t[1] == _RDF_TYPE else rank[t[1]], rank[t[2]])

    def lines(self) -> Iterator[bytes]:
        """The N-Quads lines (UTF-8), sorted, each once: ``graph.nq``."""
        if self._memory is not None:
            return self._sorted("lines", self._memory)
        return self._merged("lines")

    def chunks(self, size: int = 20_000) -> Iterator[bytes]:
        """:meth:`lines` joined ``size`` at a time (a graph held in memory is encoded a
        chunk at a time, not a line at a time)."""
        if self._memory is None:
            yield from _batched(self.lines(), size)
            return
        ordered = sorted(self._memory)  # as tuples of texts: as their lines
        line = NQuad.line
        for i in range(0, len(ordered), size):
            yield "".join(map(line, ordered[i:i + size])).encode("utf-8")

    def by_graph(self) -> Iterator[NQuad]:
        """The quads graph by graph (the default graph first), then by subject,
        predicate (``rdf:type`` first) and object: TriG and JSON-LD."""
        if self._memory is not None:
            if self._by_graph is None:  # read twice (TriG, JSON-LD): sorted once
                rank, triple = self._ranks(), self._triple_key()
                self._by_graph = sorted(self._memory, key=lambda q: (rank[q.g], *triple(q)))
            return iter(self._by_graph)
        return (NQuad(term_of(s), _pred_of(p), term_of(o), term_of(g))
                for g, s, p, o in self._merged("graph"))

    def triples(self) -> Iterator[tuple[str, str, str]]:
        """The triples of the union of the graphs, each once, by subject, predicate and
        object: Turtle."""
        if self._memory is not None:
            return iter(sorted({q[:3] for q in self._memory}, key=self._triple_key()))
        return ((term_of(s), _pred_of(p), term_of(o)) for s, p, o in self._merged("triples"))

    def close(self) -> None:
        """Remove the run files."""
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._memory, self._terms, self._rank, self._by_graph = None, {}, None, None

    def __enter__(self) -> SortedQuads:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:  # a run folder never outlives its reader
        if getattr(self, "_tmp", None) is not None and os.path.isdir(self._tmp):
            shutil.rmtree(self._tmp, ignore_errors=True)


def _batched(lines: Iterable[bytes], size: int = 20_000) -> Iterator[bytes]:
    """``lines`` joined ``size`` at a time.

    >>> list(_batched([b"a\\n", b"b\\n", b"c\\n"], 2))
    [b'a\\nb\\n', b'c\\n']
    """
    for batch in iter(lambda it=iter(lines): list(islice(it, size)), []):
        yield b"".join(batch)
