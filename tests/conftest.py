"""Shared fixtures: the trained pipeline and headless Chromium, each started once per
test session (the browser fixtures live in tests/browser.py; they are declared here
so that every module shares the one browser)."""

from __future__ import annotations

import pytest

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from browser import browser, watched_page  # noqa: F401  (fixtures for every module)
except ImportError:  # pragma: no cover
    from tests.browser import browser, watched_page  # noqa: F401


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline with the project's components (slow tests only)."""
    from kg.nlp import load_pipeline

    return load_pipeline()
