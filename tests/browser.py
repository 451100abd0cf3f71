"""Headless Chromium for the view tests, driven by Playwright (no browser download).

Import the ``browser`` fixture from here in a test module. Locally, without
Playwright or Chromium, the tests that use it skip with the reason; with the
environment variable CI=true they fail instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run on CI: {reason}")
    pytest.skip(reason)


def launch(playwright):
    """Launch the system Chromium with the project's flags."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium browser for the session (skips or fails as documented)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as p:
        try:
            b = launch(p)
        except Error as exc:
            _unavailable(f"Chromium does not start: {exc}")
        yield b
        b.close()


class PageWatch:
    """A page whose every request is routed and blocked, with console errors kept."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            return route.continue_()
        return route.abort()

    @property
    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:", "about:"))]


@pytest.fixture
def watched_page(browser):
    """A fresh page (own context) with all network requests blocked and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    yield watch
    context.close()
