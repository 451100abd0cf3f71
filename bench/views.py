"""Benchmark: our timeline page against a bare pyvis page of the same size.

For synthetic graphs of 200, 2,000 and 10,000 events (kg.analysis.synthetic),
in one run:

* generate: seconds to build our timeline.html from the records
  (``render_timeline``), and a bare pyvis page with the same numbers of nodes
  and edges (same fixed positions, physics off; its node and edge lists are
  filled directly since ``Network.add_edge`` is quadratic) with pyvis's own
  ``generate_html``;
* draw: milliseconds from navigation start to the first vis ``afterDrawing``
  event in headless Chromium (every network request blocked), median of 3.

* filter: milliseconds for search + status + track applied together in the page
  (kgView.setFilter) until the next frame is drawn, median of 5.

Targets: ours draws within 1.5x of bare at every size; ours generates in
under 1 s at 10,000 events; a filter at 2,000 events applies in under 100 ms.

Run: .venv/bin/python bench/views.py [sizes...]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.analysis import read_timeline, store_from_trig  # noqa: E402
from kg.analysis.synthetic import synthetic_trig  # noqa: E402
from kg.render import render_timeline  # noqa: E402
from kg.render.layout import timeline_payload  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOOK = "network = new vis.Network(container, data, options);"


def bare_page(payload: dict) -> tuple[str, float]:
    """A bare pyvis page with the payload's nodes (same positions) and edges."""
    from pyvis.network import Network

    t0 = time.perf_counter()
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    net.toggle_physics(False)
    net.nodes = [{"id": i, "label": n[2], "x": n[0], "y": n[1], "shape": "dot", "size": 10}
                 for i, n in enumerate(payload["nodes"])]
    net.node_ids = list(range(len(net.nodes)))
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [{"from": e[0], "to": e[1], "arrows": "to"} for e in payload["edges"]]
    html = net.generate_html()
    seconds = time.perf_counter() - t0
    if HOOK not in html:
        raise SystemExit("pyvis template changed: cannot hook the first drawing")
    html = html.replace(HOOK, HOOK + "\nnetwork.once('afterDrawing', function () {"
                        " window.__drawnAt = performance.now(); });")
    return html, seconds


def time_to_draw(browser, path: Path, expr: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(path.as_uri(), wait_until="commit")
        deadline = time.monotonic() + 300
        value = None
        while value is None:
            value = page.evaluate(expr)
            if value is None:
                if time.monotonic() > deadline:
                    raise SystemExit(f"{path.name}: not drawn after 300 s")
                time.sleep(0.02)
        times.append(float(value))
        context.close()
    return statistics.median(times)


FILTER = """new Promise(done => {
  const t0 = performance.now();
  kgView.setFilter(%s);
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
})"""


def time_to_filter(browser, path: Path, runs: int = 5) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    page.goto(path.as_uri())
    while not page.evaluate("!!(window.kgView && window.kgView.drawn)"):
        time.sleep(0.02)
    times = []
    for k in range(runs):
        f = ("{q: 'round', status: 'Occurred', track: 0}" if k % 2 == 0
             else "{q: '', status: '', track: -1}")
        times.append(page.evaluate(FILTER % f))
    context.close()
    return statistics.median(times)


def main(sizes: list[int]) -> int:
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-views-"))
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n in sizes:
            data = read_timeline(store_from_trig(synthetic_trig(n, seed=n)))
            render_timeline(data)  # warm caches (vis asset read) once
            t0 = time.perf_counter()
            page = render_timeline(data)
            ours_gen = time.perf_counter() - t0
            ours = tmp / f"ours-{n}.html"
            ours.write_text(page, encoding="utf-8")
            payload = timeline_payload(data)
            html, bare_gen = bare_page(payload)
            bare = tmp / f"bare-{n}.html"
            bare.write_text(html, encoding="utf-8")
            ours_draw = time_to_draw(browser, ours, "window.kgView && window.kgView.drawnAt")
            bare_draw = time_to_draw(browser, bare, "window.__drawnAt === undefined ? null : window.__drawnAt")
            filter_ms = time_to_filter(browser, ours)
            rows.append((n, len(payload["nodes"]), len(payload["edges"]), ours_gen, bare_gen,
                         ours_draw, bare_draw, filter_ms))
            print(f"{n:>6} events: {len(payload['nodes'])} nodes, {len(payload['edges'])} edges | "
                  f"generate ours {ours_gen:.2f} s, bare {bare_gen:.2f} s | "
                  f"draw ours {ours_draw:.0f} ms, bare {bare_draw:.0f} ms, ours/bare {ours_draw / bare_draw:.2f} | "
                  f"filter {filter_ms:.0f} ms",
                  flush=True)
        browser.close()
    ok_draw = all(r[5] / r[6] <= 1.5 for r in rows)
    big = [r for r in rows if r[0] == 10000]
    ok_gen = all(r[3] < 1.0 for r in big)
    print(f"target draw within 1.5x of bare at every size: {'met' if ok_draw else 'NOT met'}")
    mid = [r for r in rows if r[0] == 2000]
    ok_filter = all(r[7] < 100 for r in mid)
    if mid:
        print(f"target filter under 100 ms at 2,000 events: {'met' if ok_filter else 'NOT met'} "
              f"({mid[0][7]:.0f} ms)")
    if big:
        print(f"target generate under 1 s at 10,000 events: {'met' if ok_gen else 'NOT met'} "
              f"({big[0][3]:.2f} s)")
    print("note: bare uses pyvis defaults (smooth dynamic edges, labels = our labels); ours draws "
          "straight edges plus lanes, axis ticks, date bars and its own label layer")
    return 0 if ok_draw and ok_gen and ok_filter else 1


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [200, 2000, 10000]))
