"""Extraction: documents -> records (actors, time, events, agreements).

``extract_many`` is the stage's entry point used by the build. It yields one
:class:`~kg.records.Extraction` per document, in input order:
language analysis (spaCy with the project's components) -> actors ->
temporal expressions -> events, proposals, statements -> agreements.

>>> from datetime import date
>>> from kg.records import Document
>>> doc = Document(id="d", source="d.txt", text="Hello.", sha256="0")
>>> [x.document.id for x in extract_many([doc], nlp=False)]
['d']
>>> text = "Negotiators will meet in Doha next week for a third round of talks."
>>> d = Document("d2", "d2.txt", text, "0", published=date(2025, 7, 20))
>>> ev = next(extract_many([d])).events[0]
>>> ev.kind, ev.status, ev.round, ev.time.timex
('NegotiationRound', 'Planned', 3, '2025-W30')
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from kg.extract.identity import merge_rounds
from kg.records import Document, Extraction

__all__ = ["extract_many", "extract_document"]

def _timex_stage():
    from kg.extract.timex import find_timexes

    return find_timexes


def _actor_stage():
    from kg.extract.actors import extract_actors

    return extract_actors


def _load_nlp():
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    import kg.nlp.triggers  # noqa: F401  (registers the components)

    if "kg_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
    if "kg_triggers" not in nlp.pipe_names:
        nlp.add_pipe("kg_triggers", last=True)
    return nlp


_NLP = None


def _default_nlp():
    global _NLP
    if _NLP is None:
        _NLP = _load_nlp()
    return _NLP


def _analyze(nlp, docs: Iterable[Document], n_process: int):
    from kg.nlp import analyze

    yield from analyze(nlp, docs, n_process=n_process)


def extract_document(document: Document, sdoc) -> Extraction:
    """All records of one document from its parsed body ``sdoc``.

    Never raises on odd input: a failure in one step becomes a warning.
    """
    from kg.extract.events import extract_events

    warnings: list[str] = []
    find_timexes = _timex_stage()
    extract_actors = _actor_stage()
    actors = ()
    mentions = ()
    timexes = ()
    try:
        res = extract_actors(sdoc, document)
        actors, mentions = tuple(res.actors), tuple(res.mentions)
    except Exception as exc:  # noqa: BLE001 - a bad document must not stop a build
        warnings.append(f"{document.source}: actors not extracted ({exc.__class__.__name__}: {exc})")
    try:
        off = sdoc.user_data.get("offset", document.body_start)
        try:
            timexes = tuple(find_timexes(sdoc.text, document.published, doc_id=document.id, offset=off,
                                         split_ranges=True))
        except TypeError:  # a time stage without range splitting
            timexes = tuple(find_timexes(sdoc.text, document.published, doc_id=document.id, offset=off))
    except Exception as exc:  # noqa: BLE001
        warnings.append(f"{document.source}: dates not normalized ({exc.__class__.__name__}: {exc})")
    events, agreements = (), ()
    try:
        events, agreements = extract_events(sdoc, document, actor_mentions=mentions, actors=actors,
                                            timexes=timexes)
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("KG_DEBUG"):
            raise
        warnings.append(f"{document.source}: events not extracted ({exc.__class__.__name__}: {exc})")
    merged, agreements, merge_warnings = merge_rounds(tuple(events), tuple(agreements))
    warnings.extend(f"{document.source}: {w}" for w in merge_warnings)
    return Extraction(document=document, actors=actors, events=merged,
                      agreements=agreements, timexes=timexes, warnings=tuple(warnings))


_FORK = None
try:
    import multiprocessing as _mp

    _FORK = _mp.get_context("fork")
except ValueError:  # pragma: no cover - no fork on this platform: spaCy's own n_process
    pass

#: The pipeline the forked workers use (set in the parent just before forking).
_WORKER_NLP = None


def _extract_chunk(docs: list[Document]) -> list[Extraction]:
    return list(extract_many(docs, nlp=_WORKER_NLP))


def _extract_in_processes(docs: list[Document], nlp, n_process: int) -> Iterator[Extraction]:
    """:func:`extract_many` over ``docs`` in ``n_process`` forked processes, in input order.

    >>> d = [Document(id=str(i), source="x", text="Talks.", sha256="0") for i in range(3)]
    >>> [x.document.id for x in _extract_in_processes(d, False, 2)]
    ['0', '1', '2']
    """
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    _WORKER_NLP = _default_nlp() if nlp is None else nlp  # loaded once, shared by fork
    size = max(1, min(8, len(docs) // (4 * n_process)))
    chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
    try:
        with ProcessPoolExecutor(n_process, mp_context=_FORK) as pool:
            for xs in pool.map(_extract_chunk, chunks):
                yield from xs
    finally:
        _WORKER_NLP = None


def extract_many(
    docs: Iterable[Document], *, nlp=None, n_process: int = 1
) -> Iterator[Extraction]:
    """Extract records from each document, in input order.

    ``nlp`` is a loaded spaCy pipeline, ``None`` to load the default one, or
    ``False`` to skip language analysis (document facts only). With
    ``n_process > 1`` whole documents (parse and extraction) go to worker
    processes that share the loaded pipeline (forked), and only the records come
    back: parsing alone in workers would leave the extraction, most of the time,
    in this process and send every parse back through pickling.
    """
    if n_process > 1 and nlp is not False and _FORK is not None:
        docs = list(docs)
        if len(docs) > 1:
            yield from _extract_in_processes(docs, nlp, n_process)
            return
    if nlp is False:
        for doc in docs:
            yield Extraction(document=doc)
        return
    if nlp is None:
        nlp = _default_nlp()
    else:
        import kg.nlp.triggers  # noqa: F401  (registers the components)

        if "kg_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("kg_line_breaks", before="parser")
        if "kg_triggers" not in nlp.pipe_names:
            nlp.add_pipe("kg_triggers", last=True)
    # one stream through the pipeline, so that n_process > 1 keeps every worker busy
    for d, sdoc in _analyze(nlp, docs, n_process):
        yield extract_document(d, sdoc)
