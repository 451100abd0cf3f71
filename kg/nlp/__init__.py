"""The language pipeline (spaCy) and the project's components.

``load_pipeline()`` gives the trained English pipeline with the project's components;
``analyze(nlp, documents)`` yields ``(document, doc)`` pairs. Components only annotate
(``doc.spans[...]``); turning a Doc into records is the job of :mod:`kg.extract`.
spaCy is imported only when a pipeline is built or run.
"""

from kg.nlp.pipeline import (
    CHUNK_CHARS,
    KG_COMPONENTS,
    MODEL_NAMES,
    add_kg_components,
    analyze,
    load_pipeline,
    split_paragraphs,
)

__all__ = [
    "CHUNK_CHARS",
    "KG_COMPONENTS",
    "MODEL_NAMES",
    "add_kg_components",
    "analyze",
    "load_pipeline",
    "split_paragraphs",
]
