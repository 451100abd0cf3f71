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

__all__ = ["script_json", "page_html", "vis_assets"]

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


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>@VIS_CSS@</style>
<style>@CSS@</style>
</head>
<body>
<header>
<h1>@TITLE@</h1>
<span class="kg-summary">@SUMMARY@</span>
<input type="search" id="kg-search" placeholder="Search labels, actors, quotes…" aria-label="Search">
@CONTROLS@
<span id="kg-count"></span>
<span class="kg-note">@NOTE@</span>
</header>
<main>
<div id="kg-stage"><div id="kg-network"></div></div>
<aside id="kg-legend"><h2>Legend</h2></aside>
</main>
<div id="kg-tip" hidden></div>
<script type="application/json" id="kg-data">@DATA@</script>
<script>@VIS_JS@</script>
<script>@JS@</script>
</body>
</html>
"""

_TIMELINE_CONTROLS = """<select id="kg-status" aria-label="Status">
<option value="">any status</option><option value="Occurred">occurred</option>
<option value="proposed">proposed or planned</option><option value="Ongoing">ongoing</option>
<option value="Rejected">rejected</option><option value="Cancelled">cancelled</option>
</select>
<label><input type="checkbox" id="kg-participation" checked> participation edges</label>"""


def page_html(payload: dict, *, title: str, summary: str, note: str = "") -> str:
    """The page for a payload of :mod:`kg.render.layout`; every text argument is escaped."""
    vis_js, vis_css = vis_assets()
    js, css = _own_assets()
    parts = {
        "@CSP@": CSP,
        "@TITLE@": html.escape(title),
        "@SUMMARY@": html.escape(summary),
        "@NOTE@": html.escape(note),
        "@CONTROLS@": _TIMELINE_CONTROLS if payload.get("page") == "timeline" else "",
        "@VIS_CSS@": vis_css,
        "@CSS@": css,
        "@DATA@": script_json(payload),
        "@VIS_JS@": vis_js,
        "@JS@": js,
    }
    return re.sub("|".join(re.escape(k) for k in parts), lambda m: parts[m.group(0)], _TEMPLATE)
