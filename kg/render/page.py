"""Self-contained HTML pages: vis-network, our script, styles and data inlined.

No request leaves a page: vis-network's script and stylesheet (shipped in the
pyvis package) are inlined, and a Content-Security-Policy forbids any fetch.
Document text reaches the page only inside a JSON ``<script>`` block with
``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page script puts it
into the document as text nodes.

>>> script_json({"label": "</script><img src=x onerror=alert(1)>"})
'{"label":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import RenderError

__all__ = ["script_json", "page_html", "render_page", "vis_assets", "TEMPLATE", "ASSETS"]

ASSETS = Path(__file__).resolve().parent / "assets"
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
_CLOSE_SCRIPT = re.compile(r"</(script)", re.IGNORECASE)
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")


def script_json(obj) -> str:
    """JSON safe to embed in a ``<script>`` element (no tag can close it)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES:  # str.replace runs at C speed; translate would not
        text = text.replace(raw, escaped)
    return text


def _inline_js(code: str) -> str:
    return _CLOSE_SCRIPT.sub(r"<\\/\1", code)


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped by pyvis (see assets/LICENSE-vis-network.txt)."""
    for base in ("templates/lib/vis-9.1.2", "lib/vis-9.1.2"):
        try:
            root = resources.files("pyvis").joinpath(base)
            js = root.joinpath("vis-network.min.js").read_text(encoding="utf-8")
            css = root.joinpath("vis-network.css").read_text(encoding="utf-8")
            return _inline_js(js), css
        except (FileNotFoundError, ModuleNotFoundError, OSError):
            continue
    raise RenderError("vis-network 9.1.2 not found in the pyvis package (is pyvis installed?)")


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str]:
    return (_inline_js((ASSETS / "views.js").read_text(encoding="utf-8")),
            (ASSETS / "views.css").read_text(encoding="utf-8"))



_TIMELINE_CONTROLS = """<select id="kg-status" aria-label="Status">
<option value="">any status</option><option value="Occurred">occurred</option>
<option value="proposed">proposed or planned</option><option value="Ongoing">ongoing</option>
<option value="Rejected">rejected</option><option value="Cancelled">cancelled</option>
</select>
<select id="kg-track" aria-label="Track"><option value="-1">every track</option></select>
<select id="kg-actor" aria-label="Actor"><option value="-1">any actor</option></select>
<label>from <input type="date" id="kg-from" aria-label="From date"></label>
<label>to <input type="date" id="kg-to" aria-label="To date"></label>
<label><input type="checkbox" id="kg-undated"> undated</label>
<label class="kg-asof">as reported <input type="range" id="kg-asof" min="0" max="0" step="1" value="0"
 aria-label="As reported on"> <output id="kg-asof-day">all reports</output></label>"""
_ACTOR_CONTROLS = """<select id="kg-track" aria-label="Track"><option value="-1">every track</option></select>"""


TEMPLATE = "page.html.jinja"  # in ASSETS, rendered through pyvis's template environment


def render_page(template, data: dict, *, title: str, summary: str, note: str = "") -> str:
    """Render the page ``template`` (a Jinja template) around ``data``, the JSON the
    page script draws (nodes, edges, options and the rest of a payload of
    :mod:`kg.render.layout`); every text argument is escaped."""
    vis_js, vis_css = vis_assets()
    js, css = _own_assets()
    page = template.render(
        csp=CSP,
        title=html.escape(title),
        summary=html.escape(summary),
        note=html.escape(note),
        controls=_TIMELINE_CONTROLS if data.get("page") == "timeline" else _ACTOR_CONTROLS,
        vis_css=vis_css,
        css=css,
        data=script_json(data),
        vis_js=vis_js,
        js=js,
    )
    return page if page.endswith("\n") else page + "\n"


def page_html(payload: dict, *, title: str, summary: str, note: str = "") -> str:
    """The page for a payload of :mod:`kg.render.layout` (through its pyvis ``Network``,
    :func:`kg.render.network.network_from_payload`); every text argument is escaped."""
    from kg.render.network import network_from_payload

    return network_from_payload(payload, title=title, summary=summary, note=note).generate_html()
