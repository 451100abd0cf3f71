"""Shared fixtures: the trained pipeline is loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline with the project's components (slow tests only)."""
    from kg.nlp import load_pipeline

    return load_pipeline()
