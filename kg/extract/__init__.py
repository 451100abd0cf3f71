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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from kg.extract.identity import merge_rounds
from kg.errors import ExtractionError, KgError
from kg.records import Document, Event, Extraction

__all__ = ["extract_many", "extract_document", "own_iris"]


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

    A failure in a step raises :class:`~kg.errors.ExtractionError` naming the
    document and the step (the build then leaves that document out and says so,
    see :func:`extract_many`); it never yields a half-extracted document.

    A document known to the month or year only (``published_period``) gets no day to
    resolve relative dates against: "on Tuesday" stays unresolved rather than
    resolved against an invented day; what needs no day ("this month", "last year")
    resolves against the period.
    """
    from kg.extract.actors import extract_actors
    from kg.extract.events import extract_events
    from kg.extract.timex import find_timexes

    with _step(document, "actors"):
        res = extract_actors(sdoc, document)
        actors, mentions = tuple(res.actors), tuple(res.mentions)
    with _step(document, "dates"):
        off = sdoc.user_data.get("offset", document.body_start)
        from kg.extract.timex import tense_from_parse  # the tense of the verb governing a date

        anchor = document.published
        body = sdoc.text  # joins every token's text: read once, for dates and events
        timexes = tuple(find_timexes(body, anchor, doc_id=document.id, offset=off, split_ranges=True,
                                     period=document.published_period,
                                     tense_at=tense_from_parse(sdoc, off)))
    with _step(document, "events"):
        events, agreements = extract_events(sdoc, document, actor_mentions=mentions, actors=actors,
                                            timexes=timexes, text=body)
    with _step(document, "rounds"):
        merged, agreements, merge_warnings = merge_rounds(tuple(events), tuple(agreements))
        merged = own_iris(merged)
    warnings = [f"{document.source}: {w}" for w in merge_warnings]
    return Extraction(document=document, actors=actors, events=merged,
                      agreements=agreements, timexes=timexes, warnings=tuple(warnings))


def own_iris(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """Mark the events of one document that would be minted the same IRI (same class,
    day and place, or principal actor, see :meth:`kg.rdf.iris.IriMinter.event`):
    each keeps an IRI of its document (:attr:`~kg.records.Event.own_iri`), so that
    two events of one document are never one node with two statuses or dates.

    >>> from datetime import date
    >>> from kg.records import TimeValue
    >>> day = TimeValue("today", "2024-06-12", date(2024, 6, 12), date(2024, 6, 12), "day")
    >>> evs = (Event("a", "Meeting", "", "Planned", time=day, place="Genève"),
    ...        Event("b", "Meeting", "", "Occurred", time=day, place="Geneve"),
    ...        Event("c", "Meeting", "", "Occurred", time=day, place="Bern"))
    >>> [e.own_iri for e in own_iris(evs)]
    [True, True, False]
    """
    from collections import Counter
    from dataclasses import replace

    from kg.extract.actors import spelling_key

    def key(e: Event):
        if e.kind == "NegotiationRound" and e.track and e.round is not None:
            return None  # a round's IRI is its identity across documents
        t = e.time
        if e.kind == "Proposal" or t is None or not t.is_single_day:
            return None  # minted by document and key anyway
        where = e.place or (e.actors[0] if e.actors else "")
        return (e.kind, t.earliest, spelling_key(where) if where else "")

    keys = [key(e) for e in events]
    counts = Counter(k for k in keys if k is not None)
    shared = {k for k, n in counts.items() if n > 1}
    if not shared:
        return events
    return tuple(replace(e, own_iri=True) if k in shared else e for e, k in zip(events, keys))


@contextmanager
def _step(document: Document, step: str):
    """Turn an unexpected exception of one extraction step into an
    :class:`~kg.errors.ExtractionError` that names the document and the step
    (``KG_DEBUG=1`` lets the original propagate, for a traceback)."""
    try:
        yield
    except KgError:
        raise
    except Exception as exc:
        if os.environ.get("KG_DEBUG"):
            raise
        raise ExtractionError(f"{document.source}: {step} not extracted "
                              f"({exc.__class__.__name__}: {_one_line(exc)})") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


#: ``on_error(document, error)`` when one document cannot be extracted.
OnError = Callable[[Document, Exception], None]


_FORK = None
try:
    import multiprocessing as _mp

    _FORK = _mp.get_context("fork")
except ValueError:  # pragma: no cover - no fork on this platform: spaCy's own n_process
    pass

#: The pipeline the forked workers use (set in the parent just before forking).
_WORKER_NLP = None


def _extract_chunk(docs: list[Document]) -> list[tuple[Extraction | None, Exception | None]]:
    """The records of each document of ``docs`` (in a worker), or its error."""
    errors: dict[str, Exception] = {}

    def keep(document: Document, error: Exception) -> None:
        errors[document.id] = error if isinstance(error, ExtractionError) else ExtractionError(str(error))

    xs = {x.document.id: x for x in extract_many(docs, nlp=_WORKER_NLP, on_error=keep)}
    return [(xs.get(d.id), errors.get(d.id)) for d in docs]


def _extract_in_processes(docs: list[Document], nlp, n_process: int,
                          on_error: OnError | None) -> Iterator[Extraction]:
    """:func:`extract_many` over ``docs`` in ``n_process`` forked processes, in input order.

    >>> d = [Document(id=str(i), source="x", text="Talks.", sha256="0") for i in range(3)]
    >>> [x.document.id for x in _extract_in_processes(d, False, 2, None)]
    ['0', '1', '2']
    """
    from concurrent.futures import ProcessPoolExecutor

    global _WORKER_NLP
    _WORKER_NLP = _default_nlp() if nlp is None else nlp  # loaded once, shared by fork
    size = max(1, min(8, len(docs) // (4 * n_process)))
    chunks = [docs[i:i + size] for i in range(0, len(docs), size)]
    try:
        with ProcessPoolExecutor(n_process, mp_context=_FORK) as pool:
            for chunk, results in zip(chunks, pool.map(_extract_chunk, chunks)):
                for document, (x, error) in zip(chunk, results):
                    if x is not None:
                        yield x
                    elif on_error is None:
                        raise error
                    else:
                        on_error(document, error)
    finally:
        _WORKER_NLP = None


def extract_many(
    docs: Iterable[Document], *, nlp=None, n_process: int = 1, on_error: OnError | None = None
) -> Iterator[Extraction]:
    """Extract records from each document, in input order.

    ``nlp`` is a loaded spaCy pipeline, ``None`` to load the default one, or
    ``False`` to skip language analysis (document facts only). With
    ``n_process > 1`` whole documents (parse and extraction) go to worker
    processes that share the loaded pipeline (forked), and only the records come
    back: parsing alone in workers would leave the extraction in this process and
    send every parse back through pickling.

    A document that cannot be analysed or extracted raises
    :class:`~kg.errors.ExtractionError`; with ``on_error`` it is reported there
    instead and left out, and the other documents go on (when the language
    pipeline fails inside a batch, the rest are analysed one by one so that
    the failing document is the only one left out).

    >>> from kg.records import Document
    >>> docs = [Document(id=i, source=f"{i}.txt", text="Talks.", sha256="0") for i in "ab"]
    >>> [x.document.id for x in extract_many(docs, on_error=print)]
    ['a', 'b']
    """
    if n_process > 1 and nlp is not False and _FORK is not None:
        docs = list(docs)
        if len(docs) > 1:
            yield from _extract_in_processes(docs, nlp, n_process, on_error)
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
    docs = list(docs)

    def failed(document: Document, exc: Exception) -> None:
        error = exc if isinstance(exc, KgError) else ExtractionError(
            f"{document.source}: language analysis failed ({exc.__class__.__name__}: {_one_line(exc)})")
        if on_error is None:
            raise error from exc
        on_error(document, error)

    def extracted(document: Document, sdoc) -> Iterator[Extraction]:
        try:
            x = extract_document(document, sdoc)
        except KgError as exc:
            failed(document, exc)
            return
        yield x

    # one stream through the pipeline, so that n_process > 1 keeps every worker busy
    stream = _analyze(nlp, docs, n_process)
    done = 0
    while done < len(docs):
        try:
            d, sdoc = next(stream)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - which document of the batch? analyse one by one
            if os.environ.get("KG_DEBUG"):
                raise
            break
        done += 1
        yield from extracted(d, sdoc)
    for document in docs[done:]:
        try:
            d, sdoc = next(_analyze(nlp, [document], 1))
        except Exception as exc:  # noqa: BLE001 - one odd document must not stop the others
            if os.environ.get("KG_DEBUG"):
                raise
            failed(document, exc)
            continue
        yield from extracted(d, sdoc)

