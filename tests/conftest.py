"""Shared fixtures, each built once per test session: the trained pipeline, the extraction
of the development corpus (seeds/ and tests/corpus/), one ``kg build`` of it, and headless
Chromium (the browser fixtures live in tests/browser.py; declared here, every module
shares the one browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from browser import browser, watched_page  # noqa: F401  (fixtures for every module)
except ImportError:  # pragma: no cover
    from tests.browser import browser, watched_page  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
DEV_PATHS = (ROOT / "seeds", *sorted((ROOT / "tests" / "corpus").glob("*.txt")))


def pytest_xdist_auto_num_workers(config):
    """``-n auto`` (pyproject's addopts): one worker per core, at most four. Each worker
    loads the trained pipeline and builds the development corpus once, so more workers
    than that cost more than they give; files are whole units (``--dist loadfile``), so a
    module's fixtures are built once. ``-n 0`` runs in one process."""
    import os

    return max(1, min(4, len(os.sched_getaffinity(0))))


@pytest.fixture(scope="session")
def blank():
    """A blank English pipeline with the project's components (no trained model): the
    gazetteer and rule stages alone, fast."""
    import spacy

    from kg.nlp import add_kg_components

    return add_kg_components(spacy.blank("en"))


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline with the project's components, as extraction uses it."""
    from kg.extract import _default_nlp

    return _default_nlp()


@pytest.fixture(scope="module")
def run(nlp, request):
    """``run(text)``: the text as one document through the whole extraction
    (:func:`extraction.runner`), published on the ``PUBLISHED`` date of the test module."""
    from extraction import runner  # tests/ is on sys.path (rootdir-less layout)

    return runner(nlp, request.module.PUBLISHED)


@pytest.fixture(scope="module")
def run_on(nlp):
    """``run_on(text, published)``: the text as one document published that day
    (:func:`extraction.dated_runner`), for the tests whose cases each give their day."""
    from extraction import dated_runner  # tests/ is on sys.path (rootdir-less layout)

    return dated_runner(nlp)


@pytest.fixture(scope="session")
def dev_extractions(nlp):
    """The extraction records of the development corpus (seed first, then tests/corpus)."""
    from kg.extract import extract_many
    from kg.load import load_paths

    return tuple(extract_many(load_paths(list(DEV_PATHS)), nlp=nlp))


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    """The output folder of ``kg build seeds tests/corpus`` (one build per session)."""
    import servers

    return servers.built_output(tmp_path_factory.mktemp("build"))
