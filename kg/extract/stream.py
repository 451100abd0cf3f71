"""Extraction over a stream of documents in bounded memory: short documents a batch
at a time, a long body section by section with the sections' records merged into one
extraction of the whole document. The build (:mod:`kg.pipeline`) reads its documents
through :func:`extract_stream`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence

from kg.records import Document, Extraction

__all__ = ["BATCH_DOCUMENTS", "SECTION_CHARS", "extract_stream", "merge_sections"]

log = logging.getLogger(__name__)


#: Bodies longer than this are analysed and extracted one section at a time (cut at
#: paragraph ends), so that memory stays bounded whatever the length of the text.
SECTION_CHARS = 100_000

#: Short documents are analysed and extracted this many at a time (a multiple of the
#: language pipeline's batch of 16, so the batches are those of one long stream).
BATCH_DOCUMENTS = 256


def extract_stream(docs: Iterable[Document], *, nlp=None, section_chars: int = SECTION_CHARS,
                   progress: Callable[..., None] | None = None,
                   on_error: Callable[[Document, Exception], None] | None = None) -> Iterator[Extraction]:
    """:func:`kg.extract.extract_many` over ``docs``, one extraction per document in
    input order, except that a body longer than ``section_chars`` is analysed
    section by section (each a prefix of the text whose body starts at the
    section, so every offset still indexes the whole text) and the sections'
    records are merged (:func:`merge_sections`): no spaCy Doc of the whole text
    is ever held. ``docs`` is read as it goes: short documents are extracted
    :data:`BATCH_DOCUMENTS` at a time, so a generator of any length is never
    held whole. Events are not linked across sections. ``progress(done, total,
    "characters")`` is called after each section. A document that fails (see
    :func:`kg.extract.extract_many`) is reported to ``on_error`` and left out.

    >>> from kg.records import Document
    >>> text = "T\\n" + "Envoys met in Oslo on Monday.\\n\\n" * 4
    >>> [x] = extract_stream([Document("d", "d.txt", text, "0", body_start=2)], nlp=False)
    >>> x.document.id, len(x.document.text) == len(text)
    ('d', True)
    """
    from dataclasses import replace

    from kg.extract import extract_many
    from kg.nlp.pipeline import split_paragraphs

    batch: list[Document] = []
    for d in docs:
        size = len(d.text) - d.body_start
        if size <= section_chars or nlp is False:
            batch.append(d)
            if len(batch) >= BATCH_DOCUMENTS:  # a feed of any length: a batch at a time
                yield from extract_many(batch, nlp=nlp, on_error=on_error)
                batch = []
            continue
        if batch:
            yield from extract_many(batch, nlp=nlp, on_error=on_error)
            batch = []
        parts, failed = [], []

        def section_failed(document: Document, exc: Exception, failed=failed) -> None:
            failed.append((document, exc))
        for start, chunk in split_paragraphs(d.text[d.body_start:], section_chars):
            begin = d.body_start + start
            section = replace(d, text=d.text[:begin + len(chunk)], body_start=begin)
            # each section's records keep the whole document, not the section's copy of
            # the text up to its end (those copies, held to the merge, grew as the square)
            parts.extend(replace(x, document=d)
                         for x in extract_many([section], nlp=nlp, on_error=section_failed))
            del section
            log.info("%s: %d of %d characters analysed", d.id, start + len(chunk), size)
            if progress is not None:
                progress(start + len(chunk), size, "characters")
        if failed:
            if on_error is None:
                raise failed[0][1]
            on_error(d, failed[0][1])
            continue
        yield merge_sections(d, parts)
    if batch:
        yield from extract_many(batch, nlp=nlp, on_error=on_error)


def merge_sections(document: Document, parts: Sequence[Extraction]) -> Extraction:
    """One extraction of ``document`` from those of its sections: the events,
    agreements and temporal expressions of each (keys of later sections prefixed
    ``s<i>-``), actors of the same name merged (aliases and mentions joined), and
    the rounds that name the same track and number merged
    (:func:`kg.extract.identity.merge_rounds`, as within one section)."""
    from dataclasses import replace

    from kg.records import Actor

    events, agreements, timexes, warnings = [], [], [], []
    actors: dict[str, Actor] = {}
    for i, x in enumerate(parts):
        def key(k, i=i):
            return k if k is None or i == 0 else f"s{i}-{k}"
        events += [replace(e, key=key(e.key), proposes=key(e.proposes), responds_to=key(e.responds_to))
                   for e in x.events]
        agreements += [replace(a, key=key(a.key), reached_at=key(a.reached_at)) for a in x.agreements]
        timexes += x.timexes
        warnings += [w for w in x.warnings if w not in warnings]
        for a in x.actors:
            old = actors.get(a.name)
            actors[a.name] = a if old is None else replace(
                old, aliases=tuple(dict.fromkeys(old.aliases + a.aliases)),
                title=old.title or a.title, affiliation=old.affiliation or a.affiliation,
                wikidata=old.wikidata or a.wikidata, mentions=old.mentions + a.mentions)
    from kg.extract.identity import merge_rounds

    # a round named by track and number in two sections is one event (as within a section)
    merged, agreements, notes = merge_rounds(tuple(events), tuple(agreements))
    warnings += [f"{document.source}: {w}" for w in notes if f"{document.source}: {w}" not in warnings]
    return Extraction(document=document, actors=tuple(actors.values()), events=merged,
                      agreements=agreements, timexes=tuple(timexes), warnings=tuple(warnings))
