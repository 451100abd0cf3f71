/* kg views: draws the payload embedded in the page with vis-network.
 * Every string that comes from a document is put into the page with
 * textContent (a text node) or drawn on the canvas, never as HTML.
 * No request leaves the page.
 *
 * What the page exposes for tests and for the curious, on window.kgView:
 *   labels      the node labels drawn last, as screen boxes {id, x, y, w, h, text}
 *   tickLabels  the axis tick labels drawn last, as screen boxes {x, y, w, h, text}
 *   setFilter(f), filter, shownEvents(), applyFilter(), setAsOf(ordinal|null)
 *   select(id), showInfo(id), fitAll(), network, nodes, edges, payload          */
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var view = { payload: payload, drawn: false, drawnAt: null, labels: [], tickLabels: [] };
  window.kgView = view;
  var isTimeline = payload.page === "timeline";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // nodes, edges and options as the pyvis Network of the page holds them ---------
  var nodeList = payload.nodes, edgeList = payload.edges, options = payload.options;
  var QUIET = { participant: 1, proposedBy: 1, party: 1, proposes: 1, respondsTo: 1, coparticipation: 0 };
  var relStyle = {};
  (payload.rels || []).forEach(function (r) { relStyle[r[0]] = r; });
  edgeList.forEach(function (e) {  // an edge's relation styles it, unless the edge says otherwise
    var r = relStyle[e.rel];
    if (!r) return;
    if (e.color === undefined) e.color = { color: r[2], opacity: 0.9 };
    if (e.dashes === undefined) e.dashes = r[3];
    if (e.width === undefined) e.width = r[5];
    if (e.arrows === undefined && r[4]) e.arrows = { to: { enabled: true, scaleFactor: 0.5 } };
  });
  var N = nodeList.length;
  var facets = payload.facets || [];
  var shorts = payload.short || nodeList.map(function (n) { return n.label; });
  function rankOf(id) { return facets[id] ? facets[id][5] : 2; }
  function isEvent(id) { return !!(facets[id] && facets[id][1] !== undefined && rankOf(id) < 2); }
  var container = document.getElementById("kg-network");
  var lanes = payload.lanes || [], whiskers = payload.whiskers || [], axis = payload.axis;

  // the timeline fills the page's height: lanes stretch when the content is flat ----
  var xmin = 0, xmax = 0, ymin = 0, ymax = 0;
  function extent() {
    xmin = Infinity; xmax = -Infinity; ymin = Infinity; ymax = -Infinity;
    for (var a = 0; a < N; a++) {
      var n = nodeList[a];
      if (n.x < xmin) xmin = n.x; if (n.x > xmax) xmax = n.x;
      if (n.y < ymin) ymin = n.y; if (n.y > ymax) ymax = n.y;
    }
    if (!N) { xmin = xmax = ymin = ymax = 0; }
  }
  extent();
  var M = isTimeline ? { left: lanes.length ? 200 : 40, right: 190, top: axis ? 44 : 30, bottom: 30 }
                     : { left: 130, right: 130, top: 30, bottom: 30 };  // room for the labels beside the nodes
  // labels: placed on screen, key classes first, none over another, none over a node --
  var widthCache = {};
  function textWidth(ctx, text) {
    var key = ctx.font + "|" + text, w = widthCache[key];
    if (w === undefined) { w = widthCache[key] = ctx.measureText(text).width; }
    return w;
  }
  var FONT = 12, LH = 16, CELL = 48;
  view.labelPx = FONT;
  var hiddenNow = new Uint8Array(N);  // undated events start collapsed into their strip
  for (var h0 = 0; h0 < N; h0++) if (facets[h0] && rankOf(h0) < 2 && facets[h0][3] === null && facets[h0][4] === null) hiddenNow[h0] = 1;
  var measureCtx = document.createElement("canvas").getContext("2d");
  measureCtx.font = FONT + "px sans-serif";
  function Grid() { this.cells = {}; }
  Grid.prototype.each = function (b, fn) {
    for (var cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++)
      for (var cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++)
        if (fn(cx + "," + cy) === false) return false;
    return true;
  };
  Grid.prototype.free = function (b) {
    var cells = this.cells;
    return this.each(b, function (key) {
      var list = cells[key];
      if (!list) return true;
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
      }
      return true;
    });
  };
  Grid.prototype.take = function (b) {
    var cells = this.cells;
    this.each(b, function (key) { (cells[key] = cells[key] || []).push(b); });
  };
  // ``at``: {s, vx, vy, W, H, ky}: scale, view centre, size, and a factor on every y
  // (the default view tries stretched lanes before they are applied)
  function placeLabels(at, grid, bandH) {
    var s = at.s, W = at.W, H = at.H, ky = at.ky || 1;
    function sx(x) { return (x - at.vx) * s + W / 2; }
    function sy(y) { return (y * ky - at.vy) * s + H / 2; }
    for (var ob = 0; ob < N; ob++) {  // every visible node is an obstacle
      if (hiddenNow[ob]) continue;
      var on = nodeList[ob], ox = sx(on.x), oy = sy(on.y);
      if (ox < -20 || ox > W + 20 || oy < -20 || oy > H + 20) continue;
      var orad = Math.max(3, (on.size || 10) * s);
      grid.take({ x: ox - orad, y: oy - orad, w: 2 * orad, h: 2 * orad });
    }
    var show1 = s >= 0.75, show2 = s >= 1.25 || !isTimeline, order = [];
    for (var i = 0; i < N; i++) {
      if (hiddenNow[i]) continue;
      var r = rankOf(i);
      if ((r === 1 && !show1) || (r >= 2 && !show2)) continue;
      var x = sx(nodeList[i].x), y = sy(nodeList[i].y);
      if (x < 0 || x > W || y < bandH || y > H) continue;
      order.push([r, x, i, y]);
    }
    if (!isTimeline) {  // the actor network: the largest first
      order.sort(function (a, b) { return (nodeList[b[2]].size || 0) - (nodeList[a[2]].size || 0) || a[2] - b[2]; });
    } else {
      order.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    }
    var placed = [], missedKey = 0;
    for (var o = 0; o < order.length && placed.length < 4000; o++) {
      var id = order[o][2], px = order[o][1], py = order[o][3], text = shorts[id];
      if (!text) continue;
      var tw = textWidth(measureCtx, text), rad = Math.max(4, (nodeList[id].size || 10) * s) + 3;
      var cands = [[px + rad, py - LH / 2], [px - rad - tw, py - LH / 2], [px - tw / 2, py - rad - LH],
                   [px - tw / 2, py + rad], [px + rad, py - LH * 1.5], [px + rad, py + LH / 2],
                   [px - rad - tw, py - LH * 1.5], [px - rad - tw, py + LH / 2]];
      var done = false;
      for (var c = 0; c < cands.length && !done; c++) {
        var b = { x: cands[c][0], y: cands[c][1], w: tw, h: LH, id: id, text: text };
        if (grid.free(b)) { grid.take(b); placed.push(b); done = true; }
      }
      if (!done && order[o][0] === 0) missedKey++;
    }
    return { placed: placed, missedKey: missedKey };
  }

  // the default view: the widest where every round, summit, agreement and ceasefire in
  // view carries its label: everything when that reads, else the latest key events (30,
  // 20, ... of them) across all lanes, lanes stretched to use the page's height
  // the lane titles stick to the left edge, below the axis band
  function laneTitles(at, bandH) {
    var out = [], ky = at.ky || 1;
    measureCtx.font = "bold " + FONT + "px sans-serif";
    lanes.forEach(function (lane) {
      var y0 = (lane.y0 * ky - at.vy) * at.s + at.H / 2, y1 = (lane.y1 * ky - at.vy) * at.s + at.H / 2;
      if (y1 < bandH || y0 > at.H) return;
      var text = lane.undated ? (filterUndated() ? lane.label + " ▾" : lane.label + ": " + undatedTotal() + " events ▸ (click)") : lane.label;
      var ty = Math.max(y0 + 2, bandH + 2);
      if (ty + LH > y1 && y1 - y0 < LH) return;
      out.push({ x: 6, y: ty, w: textWidth(measureCtx, text) + 8, h: LH, text: text, undated: lane.undated });
    });
    measureCtx.font = FONT + "px sans-serif";
    return out;
  }
  function filterUndated() { return typeof filter !== "undefined" && filter.undated; }
  function undatedTotal() {
    var n = 0;
    for (var i = 0; i < N; i++) if (facets[i] && rankOf(i) < 2 && facets[i][3] === null && facets[i][4] === null) n++;
    return n;
  }
  function viewTop() { return axis ? Math.min(ymin - 15, axis.y0) : ymin - 15; }
  function candidateViews() {
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var keyXs = [], datedMax = -Infinity;
    for (var d = 0; d < N; d++) {
      var f = facets[d];
      if (!f || rankOf(d) >= 2 || (f[3] === null && f[4] === null)) continue;
      if (nodeList[d].x > datedMax) datedMax = nodeList[d].x;
      if (f[5] === 0) keyXs.push(nodeList[d].x);
    }
    keyXs.sort(function (a, b) { return a - b; });
    var contentH = lanes.length ? lanes[lanes.length - 1].y1 - Math.min(0, viewTop()) : Math.max(1, ymax - ymin);
    var out = [];
    function add(scale, x0) {
      var ky = isTimeline && lanes.length ? Math.max(1, Math.min(8, (H - M.top - M.bottom) / Math.max(1, contentH * scale))) : 1;
      if (ky < 1.05) ky = 1;
      out.push({ s: scale, x0: x0, ky: ky });
    }
    var fitX = (W - M.left - M.right) / Math.max(1, xmax - xmin);
    add(Math.min(1.3, fitX), xmin);
    [60, 40, 30, 20, 12, 8, 5, 3].forEach(function (k) {
      if (keyXs.length > k) {
        var x0 = keyXs[keyXs.length - k];
        add(Math.min(1.3, (W - M.left - M.right) / Math.max(1, datedMax - x0)), x0);
      }
    });
    return out;
  }
  function chooseView() {
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var cands = candidateViews(), chosen = cands[cands.length - 1];
    if (!isTimeline) return cands[0];
    for (var c = 0; c < cands.length; c++) {
      var v = cands[c], top = viewTop() * v.ky;
      var at = { s: v.s, W: W, H: H, ky: v.ky, vx: v.x0 + (W / 2 - M.left) / v.s, vy: top + (H / 2 - M.top) / v.s };
      var grid = new Grid(), bandH = axis ? 22 : 0;
      grid.take({ x: 0, y: 0, w: W, h: bandH });
      laneTitles(at, bandH).forEach(function (b) { grid.take(b); });
      if (placeLabels(at, grid, bandH).missedKey === 0) { chosen = v; break; }
    }
    return chosen;
  }
  var planned = isTimeline ? chooseView() : null;
  if (planned && planned.ky > 1) {
    var k = planned.ky;
    nodeList.forEach(function (n) { n.y = Math.round(n.y * k * 10) / 10; });
    lanes.forEach(function (ln) { ln.y0 *= k; ln.y1 *= k; });
    whiskers.forEach(function (w) { w[2] *= k; });
    if (axis) axis.y1 *= k;
    extent();
  }
  function defaultView() {
    if (!planned) { fitAll(); return; }
    moveTo(planned.s, planned.x0, viewTop());
  }

  // the first state, set before vis sees the data: quiet edges hidden, undated events collapsed
  if (isTimeline) {
    edgeList.forEach(function (ed) { if (QUIET[ed.rel]) ed.hidden = true; });
    for (var h1 = 0; h1 < N; h1++) if (hiddenNow[h1]) nodeList[h1].hidden = true;
  }
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  view.network = network; view.nodes = nodes; view.edges = edges;

  function contentBottom() { return lanes.length ? Math.max(ymax + 15, lanes[lanes.length - 1].y1) : ymax + 15; }
  function fitScale() {
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var y0 = axis ? Math.min(ymin - 15, axis.y0) : ymin - 15;
    return Math.min(1.3, (W - M.left - M.right) / Math.max(1, xmax - xmin),
                    (H - M.top - M.bottom) / Math.max(1, contentBottom() - y0));
  }
  function moveTo(scale, x0, y0) {  // x0, y0: canvas point at the top left of the drawing area
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    network.moveTo({ position: { x: x0 + (W / 2 - M.left) / scale, y: y0 + (H / 2 - M.top) / scale },
                     scale: scale, animation: false });
  }
  function fitAll() {
    var s = fitScale(), y0 = axis ? Math.min(ymin - 15, axis.y0) : ymin - 15;
    moveTo(s, xmin, y0);
  }
  defaultView();
  view.fitAll = fitAll; view.defaultView = defaultView;

  // screen <-> canvas ------------------------------------------------------------
  function toScreen(x, y, s, vp, W, H) { return [(x - vp.x) * s + W / 2, (y - vp.y) * s + H / 2]; }

  // background: lanes, axis grid, date bars ----------------------------------------
  var ticksets = payload.ticksets || {};
  var LEVELS = ["day", "week", "month", "quarter", "year"];
  var chosenTicks = [];
  function chooseTicks(ctx, s) {  // the finest granularity whose labels do not touch
    ctx.font = "12px sans-serif";
    for (var l = 0; l < LEVELS.length; l++) {
      var ts = ticksets[LEVELS[l]];
      if (!ts || !ts.length) continue;
      var ok = true;
      for (var t = 1; t < ts.length && ok; t++) {
        var gap = (ts[t][0] - ts[t - 1][0]) * s;
        if (gap < textWidth(ctx, ts[t - 1][1]) + 14) ok = false;
      }
      if (ok) { view.tickLevel = LEVELS[l]; return ts; }
    }
    var years = ticksets.year || [];  // even years crowd: every n-th
    var step = 1;
    while (step < years.length) {
      var fits = true;
      for (var u = step; u < years.length; u += step) {
        if ((years[u][0] - years[u - step][0]) * s < textWidth(ctx, years[u][1]) + 14) { fits = false; break; }
      }
      if (fits) break;
      step *= 2;
    }
    view.tickLevel = step > 1 ? "years" : "year";
    return years.filter(function (_, i) { return i % step === 0; });
  }

  network.on("beforeDrawing", function (ctx) {
    if (!isTimeline) return;
    var s = Math.max(0.0005, network.getScale()), px = 1 / s;
    var tl = network.DOMtoCanvas({ x: 0, y: 0 });
    var br = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var left = Math.min(xmin - 260, tl.x), right = Math.max(xmax + 160, br.x);
    ctx.save();
    lanes.forEach(function (lane, k) {
      ctx.fillStyle = lane.undated ? "#fff7e6" : (k % 2 ? "#f2f4f8" : "#fbfcfd");
      ctx.fillRect(left, lane.y0, right - left, lane.y1 - lane.y0);
    });
    if (axis) {
      chosenTicks = chooseTicks(ctx, s);
      ctx.setLineDash([4 * px, 4 * px]);
      chosenTicks.forEach(function (t) {
        ctx.strokeStyle = t[2] ? "#8a8f99" : "#cfd4dc";
        ctx.lineWidth = (t[2] ? 1.5 : 1) * px;
        ctx.beginPath(); ctx.moveTo(t[0], Math.max(axis.y0 - 20 * px, tl.y)); ctx.lineTo(t[0], axis.y1); ctx.stroke();
      });
      ctx.setLineDash([]);
      (payload.breaks || []).forEach(function (b) {  // a cut stretch of the axis: a zigzag band
        var mid = (b[0] + b[1]) / 2, w = Math.min(12 * px, Math.max(4 * px, (b[1] - b[0]) / 6));
        ctx.fillStyle = "rgba(255,255,255,0.85)";
        ctx.fillRect(b[0] + (b[1] - b[0]) * 0.2, axis.y0 - 20 * px, (b[1] - b[0]) * 0.6, axis.y1 - axis.y0 + 20 * px);
        ctx.strokeStyle = "#8a8f99"; ctx.lineWidth = 1.5 * px;
        ctx.beginPath();
        for (var yy = axis.y0 - 20 * px, q = 0; yy < axis.y1; yy += 8 * px, q++) ctx.lineTo(mid + (q % 2 ? w / 2 : -w / 2), yy);
        ctx.stroke();
      });
    }
    // uncertain dates: a bar from the earliest to the latest bound; an open bound
    // (not given by the text) fades out in a dashed arrow
    ctx.lineWidth = 3 * Math.min(1, px);
    for (var w = 0; w < whiskers.length; w++) {
      var sk = whiskers[w], x1 = sk[0], x2 = sk[1], y = sk[2];
      ctx.strokeStyle = "rgba(60,60,60,0.35)";
      ctx.setLineDash([]);
      if (x2 > x1) {
        ctx.beginPath(); ctx.moveTo(x1, y); ctx.lineTo(x2, y); ctx.stroke();
        ctx.beginPath(); ctx.moveTo(x1, y - 6); ctx.lineTo(x1, y + 6); ctx.moveTo(x2, y - 6); ctx.lineTo(x2, y + 6); ctx.stroke();
      }
      ctx.setLineDash([3, 4]);
      if (sk[3]) { ctx.beginPath(); ctx.moveTo(x1, y); ctx.lineTo(x1 - 60, y); ctx.stroke(); }
      if (sk[4]) { ctx.beginPath(); ctx.moveTo(x2, y); ctx.lineTo(x2 + 60, y); ctx.stroke(); }
    }
    ctx.restore();
  });

  network.on("afterDrawing", function (ctx) {
    var s = Math.max(0.0005, network.getScale());
    var vp = network.getViewPosition();
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var m = ctx.getTransform(), pr = m.a / s;
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.font = FONT + "px sans-serif";
    ctx.textBaseline = "middle";
    var grid = new Grid();
    // the sticky axis band and lane titles come first
    var bandH = 0, tickBoxes = [];
    if (isTimeline && axis) {
      bandH = 22;
      ctx.fillStyle = "rgba(255,255,255,0.92)";
      ctx.fillRect(0, 0, W, bandH);
      ctx.fillStyle = "#333";
      chosenTicks.forEach(function (t) {
        var tx = (t[0] - vp.x) * s + W / 2;
        if (tx < -80 || tx > W + 10) return;
        var b = { x: tx + 3, y: 3, w: textWidth(ctx, t[1]), h: LH, text: t[1] };
        if (!grid.free(b)) return;
        grid.take(b); tickBoxes.push(b);
        ctx.font = (t[2] ? "bold " : "") + FONT + "px sans-serif";
        ctx.fillText(t[1], b.x, b.y + LH / 2);
        ctx.font = FONT + "px sans-serif";
      });
      grid.take({ x: 0, y: 0, w: W, h: bandH });
    }
    var at = { s: s, vx: vp.x, vy: vp.y, W: W, H: H, ky: 1 };
    if (isTimeline) {
      ctx.font = "bold " + FONT + "px sans-serif";
      laneTitles(at, bandH).forEach(function (b) {
        ctx.fillStyle = "rgba(255,255,255,0.85)"; ctx.fillRect(b.x, b.y, b.w, b.h);
        ctx.fillStyle = b.undated ? "#a0522d" : "#334";
        ctx.fillText(b.text, b.x + 4, b.y + LH / 2);
        grid.take(b);
      });
      ctx.font = FONT + "px sans-serif";
    }
    var result = placeLabels(at, grid, bandH);
    result.placed.forEach(function (b) {
      ctx.fillStyle = "rgba(255,255,255,0.78)"; ctx.fillRect(b.x - 1, b.y, b.w + 2, b.h);
      ctx.fillStyle = rankOf(b.id) === 0 ? "#111" : "#333";
      ctx.fillText(b.text, b.x, b.y + LH / 2);
    });
    ctx.restore();
    view.labels = result.placed; view.tickLabels = tickBoxes; view.scale = s;
    if (!view.drawn) { view.drawn = true; view.drawnAt = performance.now(); }
  });

  // tooltip: built from text nodes only ---------------------------------------------
  var tip = document.getElementById("kg-tip");
  var pinned = null;
  function fill(id) {
    var inf = payload.info[id];
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    tip.appendChild(el("div", "kg-tip-title", inf[0]));
    var table = el("table");
    inf[1].forEach(function (row) {
      var tr = el("tr");
      tr.appendChild(el("th", null, payload.keys[row[0]]));
      tr.appendChild(el("td", null, row[1]));
      table.appendChild(tr);
    });
    if (asOf !== null && isEvent(id)) {
      var tr2 = el("tr");
      tr2.appendChild(el("th", null, "As reported then"));
      tr2.appendChild(el("td", null, statusAsOf(id) || "not yet reported"));
      table.appendChild(tr2);
    }
    tip.appendChild(table);
    inf[2].forEach(function (ev) {
      var box = el("div", "kg-tip-ev");
      box.appendChild(el("q", null, ev[0]));
      var where = ev[2] !== null && ev[3] !== null ? " (characters " + ev[2] + "–" + ev[3] + ")" : "";
      box.appendChild(el("div", "kg-tip-src", payload.sources[ev[1]] + where));
      tip.appendChild(box);
    });
    tip.appendChild(el("div", "kg-tip-iri", payload.iris[id]));
  }
  function placeTip(pt) {
    var rect = container.getBoundingClientRect();
    var x = rect.left + pt.x + 16, y = rect.top + pt.y + 16;
    tip.style.left = Math.max(4, Math.min(x, window.innerWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = Math.max(4, Math.min(y, window.innerHeight - tip.offsetHeight - 8)) + "px";
  }
  network.on("hoverNode", function (p) {
    if (pinned !== null) return;
    fill(p.node); tip.hidden = false; placeTip(p.pointer.DOM);
  });
  network.on("blurNode", function () { if (pinned === null) tip.hidden = true; });
  view.showInfo = function (id) { fill(id); tip.hidden = false; };

  // edges: proposal and participation edges only around the selected event ----------
  var neighbours = null;
  function buildNeighbours() {
    neighbours = nodeList.map(function () { return []; });
    edgeList.forEach(function (e) { neighbours[e.from].push(e.to); neighbours[e.to].push(e.from); });
  }
  var selected = null;
  function showEdgesAround(id) {
    if (!isTimeline) return;
    if (neighbours === null) buildNeighbours();
    var near = {};
    if (id !== null) { near[id] = 1; neighbours[id].forEach(function (x) { near[x] = 1; }); }
    var updates = [];  // (an edge of a hidden node is not drawn anyway)
    edgeList.forEach(function (ed) {
      var hide = !!QUIET[ed.rel] && !(id !== null && (ed.from === id || ed.to === id || (near[ed.from] && near[ed.to])));
      if (!!ed.hidden !== hide) { ed.hidden = hide; updates.push({ id: ed.id, hidden: hide }); }
    });
    if (updates.length) edges.update(updates);
  }
  var edgesAround = null;
  function showEdgesAroundOnce(id) { if (id !== edgesAround) { edgesAround = id; showEdgesAround(id); } }

  // the event list: date order, grouped by track, synced both ways -----------------
  var list = document.getElementById("kg-list"), rowOf = {};
  function fmt(ord) {
    if (ord === null || ord === undefined) return "";
    var d = new Date((ord - 719163) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  function buildList() {
    if (!list) return;
    var groups = {}, names = payload.tracks || [];
    if (!isTimeline) names = payload.communities || [];
    for (var i = 0; i < N; i++) {
      var f = facets[i];
      if (!f || (isTimeline && rankOf(i) >= 2)) continue;
      var key = !isTimeline ? "t" + f[2] : f[3] === null && f[4] === null ? "~undated" : (f[2] >= 0 ? "t" + f[2] : "~" + f[0]);
      (groups[key] = groups[key] || []).push(i);
    }
    var keys = Object.keys(groups).sort(function (a, b) {
      var ka = a[0] === "t" ? [0, +a.slice(1)] : a === "~undated" ? [2, 0] : [1, a];
      var kb = b[0] === "t" ? [0, +b.slice(1)] : b === "~undated" ? [2, 0] : [1, b];
      return ka[0] - kb[0] || (ka[1] < kb[1] ? -1 : ka[1] > kb[1] ? 1 : 0);
    });
    keys.forEach(function (key) {
      var title = key[0] === "t" ? names[+key.slice(1)] : key === "~undated" ? "Undated" : (payload.class_titles || {})[key.slice(1)] || key.slice(1);
      var sec = el("section", "kg-group");
      sec.appendChild(el("h3", null, title));
      var ul = el("ul");
      ul.setAttribute("role", "list");
      groups[key].sort(!isTimeline ? function (a, b) { return (nodeList[b].size || 0) - (nodeList[a].size || 0) || a - b; } : function (a, b) {
        var fa = facets[a], fb = facets[b];
        var da = fa[3] !== null ? fa[3] : fa[4], db = fb[3] !== null ? fb[3] : fb[4];
        return (da === null) - (db === null) || (da || 0) - (db || 0) || a - b;
      }).forEach(function (id) {
        var f = facets[id], li = el("li"), btn = el("button", "kg-row");
        btn.type = "button";
        btn.dataset.id = id;
        var when = !isTimeline ? f[0] : f[3] !== null && f[3] === f[4] ? fmt(f[3]) : (f[3] !== null || f[4] !== null ? (fmt(f[3]) || "…") + " – " + (fmt(f[4]) || "…") : "no date");
        btn.appendChild(el("span", "kg-when", when));
        btn.appendChild(el("span", "kg-what", shorts[id]));
        btn.appendChild(el("span", "kg-status", f[1] || ""));
        btn.title = nodeList[id].label;
        btn.addEventListener("click", function () { select(id, true); });
        li.appendChild(btn); ul.appendChild(li); rowOf[id] = li;
      });
      sec.appendChild(ul);
      list.appendChild(sec);
    });
    list.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
      var rows = Array.prototype.filter.call(list.querySelectorAll("li"), function (li) { return !li.hidden; });
      var at = rows.indexOf(document.activeElement && document.activeElement.parentNode);
      var next = rows[Math.max(0, Math.min(rows.length - 1, at + (ev.key === "ArrowDown" ? 1 : -1)))];
      if (next) { next.firstChild.focus(); ev.preventDefault(); }
    });
  }
  function select(id, fromList) {
    if (selected !== null && rowOf[selected]) rowOf[selected].classList.remove("kg-current");
    selected = id;
    if (id === null) { pinned = null; tip.hidden = true; showEdgesAroundOnce(null); network.unselectAll(); return; }
    pinned = id;
    network.selectNodes([id]);
    showEdgesAroundOnce(id);
    fill(id); tip.hidden = false;
    if (rowOf[id]) {
      rowOf[id].classList.add("kg-current");
      if (!fromList) rowOf[id].scrollIntoView({ block: "nearest" });
    }
    if (fromList) {
      network.focus(id, { scale: Math.max(1, network.getScale()), animation: false });
      var pos = network.canvasToDOM({ x: nodeList[id].x, y: nodeList[id].y });
      placeTip(pos);
    }
  }
  view.select = select;
  network.on("click", function (p) {
    if (p.nodes.length) { select(p.nodes[0], false); placeTip(p.pointer.DOM); return; }
    // the undated strip opens and closes with a click on it
    var lane = lanes.filter(function (ln) { return ln.undated; })[0];
    if (lane && p.pointer.canvas.y >= lane.y0 && p.pointer.canvas.y <= lane.y1) {
      filter.undated = !filter.undated; applyFilter(false);
      return;
    }
    select(null, false);
  });

  // filters that combine -------------------------------------------------------------
  var filter = { q: "", status: "", classes: {}, track: -1, actor: -1, from: null, to: null, undated: false };
  var asOf = null;
  var hay = null, nEvents = 0;
  for (var ne = 0; ne < N; ne++) if (isEvent(ne)) nEvents++;
  function buildHay() {
    hay = payload.info.map(function (inf, i) {
      var parts = [inf[0], shorts[i]];
      inf[1].forEach(function (row) { parts.push(row[1]); });
      inf[2].forEach(function (ev) { parts.push(ev[0]); });
      return parts.join(" \u0001 ").toLowerCase();
    });
  }
  function reportsUpTo(id, day) {
    var rs = (payload.reports || [])[id] || [];
    var last = null, any = rs.length === 0;
    for (var r = 0; r < rs.length; r++) {
      if (rs[r][0] === null || rs[r][0] <= day) { last = rs[r][1]; any = true; }
    }
    return [any, last];
  }
  function statusAsOf(id) {
    var f = facets[id];
    if (!f) return "";
    if (asOf === null) return f[1];
    var r = reportsUpTo(id, asOf);
    return r[1] !== null ? r[1] : f[1];
  }
  function eventMatches(id) {
    var f = facets[id];
    if (asOf !== null && !reportsUpTo(id, asOf)[0]) return false;
    if (filter.classes[f[0]]) return false;
    var st = statusAsOf(id);
    if (filter.status && !(filter.status === "proposed" ? (st === "Proposed" || st === "Planned") : st === filter.status)) return false;
    if (filter.track >= 0 && f[2] !== filter.track) return false;
    if (filter.actor >= 0 && (payload.linked[id] || []).indexOf(filter.actor) < 0) return false;
    var undated = f[3] === null && f[4] === null;
    if (undated && !filter.undated) return false;
    if ((filter.from !== null || filter.to !== null)) {
      if (undated) return false;
      var lo = f[3] !== null ? f[3] : f[4], hi = f[4] !== null ? f[4] : f[3];
      if (filter.from !== null && hi < filter.from) return false;
      if (filter.to !== null && lo > filter.to) return false;
    }
    if (filter.q && hay[id].indexOf(filter.q) < 0) return false;
    return true;
  }
  function active() {
    return !!(filter.q || filter.status || filter.track >= 0 || filter.actor >= 0 || filter.from !== null ||
              filter.to !== null || asOf !== null || Object.keys(filter.classes).some(function (k) { return filter.classes[k]; }));
  }
  var count = document.getElementById("kg-count");
  var shownIds = [];
  function applyFilter(zoom) {
    if (hay === null) buildHay();
    if (neighbours === null) buildNeighbours();
    var shown = new Uint8Array(N), visible = 0, events = [];
    if (!isTimeline) {
      for (var a = 0; a < N; a++) {
        var okq = !filter.q || hay[a].indexOf(filter.q) >= 0;
        var okt = filter.track < 0 || ((payload.actor_tracks || [])[a] || []).indexOf(filter.track) >= 0;
        shown[a] = okq && okt ? 1 : 0;
      }
    } else {
      for (var k = 0; k < N; k++) {
        if (isEvent(k)) { shown[k] = eventMatches(k) ? 1 : 0; if (shown[k]) events.push(k); }
      }
      var anyFilter = active();
      for (var m = 0; m < N; m++) {  // actors: those linked to what is shown
        if (isEvent(m)) continue;
        shown[m] = anyFilter ? (neighbours[m].some(function (x) { return shown[x] && isEvent(x); }) ? 1 : 0) : 1;
      }
    }
    var updates = [], restyle = asOf !== view._styledAsOf;
    for (var v = 0; v < N; v++) {
      if (shown[v]) visible++;
      hiddenNow[v] = shown[v] ? 0 : 1;
      var upd = null;
      if (!!nodeList[v].hidden !== !shown[v]) { nodeList[v].hidden = !shown[v]; upd = { id: v, hidden: !shown[v] }; }
      if (restyle && isEvent(v) && facets[v][0] !== "Agreement") {
        var g = groupFor(facets[v][0], statusAsOf(v));
        if (g && g !== nodeList[v].group) { nodeList[v].group = g; upd = upd || { id: v }; upd.group = g; }
      }
      if (upd) updates.push(upd);
      var row = rowOf[v];
      if (row) {
        if (row.hidden !== !shown[v]) row.hidden = !shown[v];
        if (restyle) row.lastChild.lastChild.textContent = statusAsOf(v);
      }
    }
    view._styledAsOf = asOf;
    if (updates.length) nodes.update(updates);
    showEdgesAroundOnce(selected !== null && shown[selected] ? selected : null);
    shownIds = events;
    count.textContent = (isTimeline ? events.length + " of " + nEvents + " events" : visible + " of " + N + " actors") + " shown";
    if (zoom !== false) {
      var target = isTimeline ? events : [];
      if (!isTimeline) for (var z = 0; z < N; z++) if (shown[z]) target.push(z);
      if (target.length && active()) fitNodes(target);
      else if (!active()) defaultView();
    }
    if (!updates.length && zoom === false) network.redraw();  // else vis redraws on its own
  }
  function fitNodes(ids) {  // what remains, in view (vis's fit measures every node's box: slower)
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    ids.forEach(function (i) {
      var n = nodeList[i];
      if (n.x < x0) x0 = n.x; if (n.x > x1) x1 = n.x;
      if (n.y < y0) y0 = n.y; if (n.y > y1) y1 = n.y;
    });
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var scale = Math.min(1.3, (W - M.left - M.right) / Math.max(1, x1 - x0), (H - M.top - M.bottom) / Math.max(1, y1 - y0));
    // the box's centre at the centre of the drawing area (between the margins)
    network.moveTo({ position: { x: (x0 + x1) / 2 - (M.left - M.right) / (2 * scale),
                                 y: (y0 + y1) / 2 - (M.top - M.bottom) / (2 * scale) },
                     scale: scale, animation: false });
  }
  function groupFor(kind, status) {
    var style = (payload.status_styles || {})[status] || "unknown";
    var idx = (payload.group_names || []).indexOf(kind + ":" + style);
    return idx >= 0 ? "g" + idx : null;
  }
  view.applyFilter = applyFilter;
  view.filter = filter;
  view.shownEvents = function () { return shownIds.slice(); };
  view.setFilter = function (f) {
    Object.keys(f).forEach(function (key) { filter[key] = f[key]; });
    if (typeof filter.q === "string") filter.q = filter.q.trim().toLowerCase();
    syncControls();
    applyFilter();
  };
  view.setAsOf = function (day) { asOf = day; syncControls(); applyFilter(); };
  view.statusAsOf = statusAsOf;

  // controls ------------------------------------------------------------------------
  function byId(x) { return document.getElementById(x); }
  var search = byId("kg-search"), statusSel = byId("kg-status"), trackSel = byId("kg-track"),
      actorSel = byId("kg-actor"), fromIn = byId("kg-from"), toIn = byId("kg-to"),
      undatedBox = byId("kg-undated"), asOfIn = byId("kg-asof"), asOfOut = byId("kg-asof-day");
  function ordOf(iso) { return iso ? Math.round(Date.parse(iso + "T00:00:00Z") / 86400000) + 719163 : null; }
  var published = payload.published || [];
  function syncControls() {
    if (statusSel) statusSel.value = filter.status;
    if (trackSel) trackSel.value = String(filter.track);
    if (actorSel) actorSel.value = String(filter.actor);
    if (fromIn) fromIn.value = filter.from !== null ? fmt(filter.from) : "";
    if (toIn) toIn.value = filter.to !== null ? fmt(filter.to) : "";
    if (undatedBox) undatedBox.checked = !!filter.undated;
    if (asOfIn) {
      var at = published.length;
      if (asOf !== null) { at = 0; while (at < published.length && published[at][0] <= asOf) at++; }
      asOfIn.value = String(at);
      asOfOut.textContent = asOf === null ? "all reports" : (at ? "as reported on " + fmt(asOf) : "before the first report");
    }
    legendRows.forEach(function (row) {
      row.setAttribute("aria-pressed", filter.classes[row.dataset.kind] ? "false" : "true");
    });
  }
  function options_(sel, items) {
    items.forEach(function (it) { var o = el("option", null, it[1]); o.value = String(it[0]); sel.appendChild(o); });
  }
  if (trackSel) options_(trackSel, (payload.tracks || []).map(function (t, i) { return [i, t]; }));
  if (actorSel) {
    var actorsList = [];
    for (var ai = 0; ai < N; ai++) if (!isEvent(ai) && facets[ai]) actorsList.push([ai, nodeList[ai].label]);
    actorsList.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
    options_(actorSel, actorsList);
  }
  var timer = null;
  if (search) search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { filter.q = search.value.trim().toLowerCase(); applyFilter(); }, 150);
  });
  if (statusSel) statusSel.addEventListener("change", function () { filter.status = statusSel.value; applyFilter(); });
  if (trackSel) trackSel.addEventListener("change", function () { filter.track = +trackSel.value; applyFilter(); });
  if (actorSel) actorSel.addEventListener("change", function () { filter.actor = +actorSel.value; applyFilter(); });
  if (fromIn) fromIn.addEventListener("change", function () { filter.from = ordOf(fromIn.value); applyFilter(); });
  if (toIn) toIn.addEventListener("change", function () { filter.to = ordOf(toIn.value); applyFilter(); });
  if (undatedBox) undatedBox.addEventListener("change", function () { filter.undated = undatedBox.checked; applyFilter(false); });
  if (asOfIn) {
    asOfIn.max = String(published.length);
    asOfIn.value = String(published.length);
    asOfIn.addEventListener("input", function () {
      var at = +asOfIn.value;
      asOf = at >= published.length ? null : (at === 0 ? (published.length ? published[0][0] - 1 : null) : published[at - 1][0]);
      syncControls(); applyFilter(false);
    });
  }

  // legend: class entries toggle their class ------------------------------------------
  var legend = byId("kg-legend"), legendRows = [];
  function swatch(color, hollow, dashed, shape) {
    var sw = el("span", "kg-sw" + (shape ? " kg-" + shape : ""));
    sw.style.background = hollow ? "#ffffff" : color;
    sw.style.borderColor = color;
    if (dashed) sw.style.borderStyle = "dashed";
    return sw;
  }
  (payload.legend.classes || []).forEach(function (c) {
    var row = el("button", "kg-lg kg-toggle");
    row.type = "button";
    row.dataset.kind = c[0];
    row.setAttribute("aria-pressed", "true");
    row.appendChild(swatch(c[1], false, false, c[2]));
    row.appendChild(el("span", null, c[3] || c[0]));
    if (isTimeline) row.addEventListener("click", function () {
      filter.classes[c[0]] = !filter.classes[c[0]]; syncControls(); applyFilter();
    });
    legend.appendChild(row); legendRows.push(row);
  });
  if (isTimeline) {
    [["occurred (filled)", false, false], ["proposed or planned (hollow, dashed)", true, true]].forEach(function (sx) {
      var row = el("div", "kg-lg");
      row.appendChild(swatch("#555555", sx[1], sx[2]));
      row.appendChild(el("span", null, sx[0]));
      legend.appendChild(row);
    });
    var ong = el("div", "kg-lg"), sw = swatch("#555555", false, false); sw.style.borderColor = "#000"; sw.style.borderWidth = "3px";
    ong.appendChild(sw); ong.appendChild(el("span", null, "ongoing (thick rim)")); legend.appendChild(ong);
    (payload.breaks || []).forEach(function (b) {
      var row = el("div", "kg-lg");
      row.appendChild(el("span", null, "≈"));
      row.appendChild(el("span", null, b[2]));
      legend.appendChild(row);
    });
    var bar = el("div", "kg-lg"); bar.appendChild(el("span", "kg-bar"));
    bar.appendChild(el("span", null, "date range the text allows; dashed: no bound given"));
    legend.appendChild(bar);
  }
  if (payload.size_legend) {
    var sl = payload.size_legend, row2 = el("div", "kg-lg kg-size");
    row2.appendChild(el("span", "kg-dot-s"));
    row2.appendChild(el("span", null, sl.label + ": " + sl.min + " … " + sl.max));
    row2.appendChild(el("span", "kg-dot-l"));
    legend.appendChild(row2);
  }
  (payload.legend.rels || []).forEach(function (r) {
    var row = el("div", "kg-lg");
    var line = el("span", "kg-line");
    line.style.borderTopColor = r[1];
    if (r[2]) line.style.borderTopStyle = "dashed";
    row.appendChild(line);
    row.appendChild(el("span", null, r[0]));
    legend.appendChild(row);
  });

  buildList();
  applyFilter(false);
  syncControls();
})();
