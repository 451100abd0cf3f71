"""The pages in a real browser: headless Chromium, every request blocked.

Locally without Chromium or Playwright these tests skip with the reason; with
CI=true they fail instead (see tests/browser.py).
"""

from __future__ import annotations

import json
import time
from itertools import combinations

import pytest

from kg.analysis import precedes, read_timeline, store_from_trig
from kg.analysis.synthetic import synthetic_trig
from kg.render import write_views

try:  # tests/ is on sys.path (rootdir-less layout) or a package
    from browser import _unavailable
    from views_cases import load_case, load_gold_corpus
except ImportError:  # pragma: no cover
    from tests.browser import _unavailable
    from tests.views_cases import load_case, load_gold_corpus

pytestmark = pytest.mark.browser

CASES = {
    "seed": lambda: load_case("views-seed"),
    "corpus": load_gold_corpus,  # the development corpus's gold annotations, 7 articles
    "synthetic": lambda: store_from_trig(synthetic_trig(300, seed=5)),
    "xss": lambda: load_case("views-xss"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each case written once with write_views: (folder, data, analysis)."""
    out = {}
    for name, make in CASES.items():
        store = make()
        folder = tmp_path_factory.mktemp(f"views-{name}")
        write_views(store, folder)
        out[name] = (folder, read_timeline(store), json.loads((folder / "analysis.json").read_text()))
    return out


def _wait(page, expr: str, timeout: float = 30.0):
    """Poll ``expr`` from Python (the page's CSP forbids the eval wait_for_function uses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expr):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expr}")
        page.wait_for_timeout(50)


def _open(watch, path):
    watch.page.goto(path.as_uri())
    _wait(watch.page, "!!(window.kgView && window.kgView.drawn === true)")
    return watch.page


def _offline_and_clean(watch, path):
    assert watch.errors == [], watch.errors
    assert watch.external == [], watch.external
    assert watch.requests == [path.as_uri()]  # not even a local file besides the page


@pytest.mark.parametrize("case", ["seed", "corpus", "synthetic"])
def test_timeline_page_draws_offline_with_the_analysis_counts(watched_page, built, case, tmp_path):
    folder, data, report = built[case]
    path = folder / "timeline.html"
    page = _open(watched_page, path)
    _offline_and_clean(watched_page, path)
    counts = page.evaluate("[kgView.nodes.length, kgView.edges.length, "
                           "Object.keys(kgView.network.body.nodes).length]")
    assert counts[:2] == [report["views"]["timeline"]["nodes"], report["views"]["timeline"]["edges"]]
    assert counts[2] >= counts[0]  # every node made it into the drawn network
    # x on the page increases with the dates: an event certainly before another is left of it
    iris = page.evaluate("kgView.payload.iris")
    pos = {str(n["id"]): n for n in page.evaluate("kgView.nodes.get().map(n => ({id: n.id, x: n.x, y: n.y}))")}
    x = {iris[int(k)]: v["x"] for k, v in pos.items()}
    dated = [e for e in data.events if e.dated]
    pairs = [(a, b) for a, b in combinations(dated, 2) if precedes(a, b) or precedes(b, a)]
    assert pairs
    for a, b in pairs:
        first, second = (a, b) if precedes(a, b) else (b, a)
        assert x[first.iri] < x[second.iri], (first.label, second.label)
    # undated events sit in their own lane, below every dated lane (collapsed until opened)
    lanes = page.evaluate("kgView.payload.lanes")
    undated_lane = [ln for ln in lanes if ln["undated"]]
    assert len(undated_lane) == 1
    ys = {iris[int(k)]: v["y"] for k, v in pos.items()}
    for e in data.events:
        if not e.dated:
            assert undated_lane[0]["y0"] <= ys[e.iri] <= undated_lane[0]["y1"]
    shot = tmp_path / f"timeline-{case}.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_timeline_search_filters_and_tooltip_shows_evidence(watched_page, built):
    folder, data, _ = built["seed"]
    page = _open(watched_page, folder / "timeline.html")
    page.fill("#kg-search", "peskov")
    _wait(page, "kgView.filter.q === 'peskov'")
    shown = page.evaluate("kgView.nodes.get({filter: n => !n.hidden}).map(n => kgView.payload.iris[n.id])")
    assert any(i.endswith("peskov-comment") for i in shown)
    assert not any(i.endswith("russia-ukraine/2") for i in shown)
    page.select_option("#kg-status", "proposed")
    page.check("#kg-undated")  # undated events too (collapsed into their strip by default)
    page.fill("#kg-search", "")
    _wait(page, "kgView.filter.q === '' && kgView.nodes.get({filter: n => !n.hidden}).length > 1 && "
                "kgView.nodes.get({filter: n => !n.hidden}).length < kgView.nodes.length")
    statuses = {data.event_by_iri[i].status for i in
                page.evaluate("kgView.nodes.get({filter: n => !n.hidden}).map(n => kgView.payload.iris[n.id])")
                if i in data.event_by_iri}
    assert statuses == {"Proposed", "Planned"}
    idx = page.evaluate("kgView.payload.iris").index(
        "https://w3id.org/negotiation-kg/id/event/statement/doc/s1/peskov-comment")
    page.evaluate(f"kgView.showInfo({idx})")
    tip = page.inner_text("#kg-tip")
    assert "positive signal" in tip and "Leader announces proposed next phase of talks" in tip
    assert "on or before 2025-07-20" in tip


@pytest.mark.parametrize("case", ["seed", "corpus", "synthetic"])
def test_actors_page_draws_offline_with_the_analysis_counts(watched_page, built, case, tmp_path):
    folder, data, report = built[case]
    path = folder / "actors.html"
    page = _open(watched_page, path)
    _offline_and_clean(watched_page, path)
    counts = page.evaluate("[kgView.nodes.length, kgView.edges.length]")
    assert counts == [report["views"]["actors"]["nodes"], report["views"]["actors"]["edges"]]
    # sized by centrality: the most central actor is drawn largest
    sizes = page.evaluate("kgView.nodes.get().map(n => [kgView.payload.iris[n.id], n.size])")
    top = report["actors"]["measures"][0]["iri"]
    assert max(sizes, key=lambda s: s[1])[0] == top
    page.screenshot(path=str(tmp_path / f"actors-{case}.png"))


@pytest.mark.parametrize("name", ["timeline.html", "actors.html"])
def test_document_text_never_runs(watched_page, built, name):
    folder, _, report = built["xss"]
    path = folder / name
    page = _open(watched_page, path)
    n = page.evaluate("kgView.nodes.length")
    assert n > 0
    for i in range(n):  # every tooltip, as text
        page.evaluate(f"kgView.showInfo({i})")
    page.fill("#kg-search", "<script>")
    page.wait_for_timeout(300)
    page.fill("#kg-search", "")
    page.wait_for_timeout(300)
    texts = page.evaluate("Array.from({length: kgView.nodes.length}, (_, i) => "
                          "(kgView.showInfo(i), document.getElementById('kg-tip').innerText)).join('\\n')")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, b, a').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert "window.__pwned='actor'" in texts or name == "timeline.html"
    assert "</script><script>window.__pwned='quote'</script>" in texts
    _offline_and_clean(watched_page, path)


def test_missing_browser_skips_locally_and_fails_on_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        _unavailable("no Chromium at /nowhere")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no Chromium"):
        _unavailable("no Chromium at /nowhere")
