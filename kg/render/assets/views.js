/* kg views: draws the payload embedded in the page with vis-network.
 * Every string that comes from a document is put into the page with
 * textContent (a text node), never as HTML. No request leaves the page. */
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var view = { payload: payload, drawn: false, drawnAt: null, errors: [] };
  window.kgView = view;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // nodes, edges and options as the pyvis Network of the page holds them -------
  var nodeList = payload.nodes, edgeList = payload.edges, options = payload.options;
  var dense = payload.dense;
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  view.network = network; view.nodes = nodes; view.edges = edges;
  network.once("afterDrawing", function () { view.drawn = true; view.drawnAt = performance.now(); });

  // background: lanes, month ticks, date bars --------------------------------
  var lanes = payload.lanes, ticks = payload.ticks, whiskers = payload.whiskers, axis = payload.axis;
  var xmin = 0, xmax = 0;
  for (var a = 0; a < nodeList.length; a++) {
    if (nodeList[a].x < xmin) xmin = nodeList[a].x;
    if (nodeList[a].x > xmax) xmax = nodeList[a].x;
  }
  var ymin = 0, ymax = 0;
  for (var b = 0; b < nodeList.length; b++) {
    if (nodeList[b].y < ymin) ymin = nodeList[b].y;
    if (nodeList[b].y > ymax) ymax = nodeList[b].y;
  }
  // show everything, lane labels and month labels included
  function fitAll() {  // margins in screen pixels: lane labels on the left, month labels on top
    var W = container.clientWidth || 800, H = container.clientHeight || 600;
    var LM = lanes.length ? 190 : 40, RM = 70, TM = axis && ticks.length ? 40 : 30, BM = 30;
    var y0 = axis && ticks.length ? Math.min(ymin - 15, axis.y0) : ymin - 15, y1 = ymax + 15;
    if (lanes.length) y1 = Math.max(y1, lanes[lanes.length - 1].y1);
    var scale = Math.min(1.3, (W - LM - RM) / Math.max(1, xmax - xmin), (H - TM - BM) / Math.max(1, y1 - y0));
    network.moveTo({ position: { x: xmin - (LM - W / 2) / scale, y: y0 - (TM - H / 2) / scale },
                     scale: scale, animation: false });
  }
  fitAll();
  view.fitAll = fitAll;
  network.on("beforeDrawing", function (ctx) {
    var px = 1 / Math.max(0.005, network.getScale());  // one screen pixel in canvas units
    var tl = network.DOMtoCanvas({ x: 0, y: 0 });  // labels stick to the view's left and top edges
    var br = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    var left = Math.min(xmin - 260, tl.x), right = Math.max(xmax + 160, br.x);
    var labelX = Math.max(left, tl.x) + 8 * px, tickY = Math.max(axis ? axis.y0 - 10 * px : 0, tl.y + 14 * px);
    ctx.save();
    ctx.font = "bold " + Math.round(Math.min(13 * px, 2000)) + "px sans-serif";
    ctx.textBaseline = "middle";
    lanes.forEach(function (lane, k) {
      ctx.fillStyle = lane.undated ? "#fff7e6" : (k % 2 ? "#f4f6f9" : "#fbfcfd");
      ctx.fillRect(left, lane.y0, right - left, lane.y1 - lane.y0);
      ctx.fillStyle = lane.undated ? "#a0522d" : "#445";
      ctx.textAlign = "left";
      var fs = Math.max(7, Math.min(13, (lane.y1 - lane.y0) / px));  // never taller than the lane
      ctx.font = "bold " + Math.round(Math.min(fs * px, 2000)) + "px sans-serif";
      ctx.fillText(lane.label, labelX, lane.y0 + Math.min(10 * px, (lane.y1 - lane.y0) / 2));
    });
    if (axis && ticks.length) {
      ctx.font = Math.round(Math.min(12 * px, 2000)) + "px sans-serif";
      ctx.textAlign = "left";
      ticks.forEach(function (t) {
        ctx.strokeStyle = t[2] ? "#8a8f99" : "#c9ced6";
        ctx.lineWidth = t[2] ? 1.5 : 1;
        ctx.setLineDash([4, 4]);
        ctx.beginPath(); ctx.moveTo(t[0], axis.y0 - 20 * px); ctx.lineTo(t[0], axis.y1); ctx.stroke();
        if (t[1]) { ctx.fillStyle = "#333"; ctx.fillText(t[1], t[0] + 4 * px, tickY); }
      });
      ctx.setLineDash([]);
      // cut stretches of the axis: a zigzag band and what was cut
      (payload.breaks || []).forEach(function (br) {
        var mid = (br[0] + br[1]) / 2, w = Math.min(12 * px, Math.max(4 * px, (br[1] - br[0]) / 6));
        ctx.fillStyle = "rgba(255,255,255,0.85)";
        ctx.fillRect(br[0] + (br[1] - br[0]) * 0.2, axis.y0 - 20 * px, (br[1] - br[0]) * 0.6, axis.y1 - axis.y0 + 20 * px);
        ctx.strokeStyle = "#8a8f99"; ctx.lineWidth = 1.5 * px;
        ctx.beginPath();
        for (var yy = axis.y0 - 20 * px, s = 0; yy < axis.y1; yy += 8 * px, s++) {
          ctx.lineTo(mid + (s % 2 ? w / 2 : -w / 2), yy);
        }
        ctx.stroke();
        ctx.fillStyle = "#555"; ctx.textAlign = "center";
        ctx.fillText("≈", mid, tickY);
        ctx.textAlign = "left";
      });
      ctx.strokeStyle = "#333"; ctx.lineWidth = 1.5;
      ctx.beginPath(); ctx.moveTo(left, axis.y0 - 4); ctx.lineTo(right, axis.y0 - 4); ctx.stroke();
    }
    // uncertain dates: a bar from the earliest to the latest bound; an open
    // bound (not given by the text) fades out in a dashed arrow
    ctx.lineWidth = 3;
    for (var w = 0; w < whiskers.length; w++) {
      var s = whiskers[w], x1 = s[0], x2 = s[1], y = s[2];
      ctx.strokeStyle = "rgba(60,60,60,0.35)";
      ctx.setLineDash([]);
      if (x2 > x1) {
        ctx.beginPath(); ctx.moveTo(x1, y); ctx.lineTo(x2, y); ctx.stroke();
        ctx.beginPath(); ctx.moveTo(x1, y - 6); ctx.lineTo(x1, y + 6); ctx.moveTo(x2, y - 6); ctx.lineTo(x2, y + 6); ctx.stroke();
      }
      ctx.setLineDash([3, 4]);
      if (s[3]) { ctx.beginPath(); ctx.moveTo(x1, y); ctx.lineTo(x1 - 60, y); ctx.lineTo(x1 - 52, y - 5); ctx.moveTo(x1 - 60, y); ctx.lineTo(x1 - 52, y + 5); ctx.stroke(); }
      if (s[4]) { ctx.beginPath(); ctx.moveTo(x2, y); ctx.lineTo(x2 + 60, y); ctx.lineTo(x2 + 52, y - 5); ctx.moveTo(x2 + 60, y); ctx.lineTo(x2 + 52, y + 5); ctx.stroke(); }
    }
    ctx.restore();
  });

  // tooltip: built from text nodes only ---------------------------------------
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
  function place(pt) {
    var rect = container.getBoundingClientRect();
    var x = rect.left + pt.x + 16, y = rect.top + pt.y + 16;
    tip.style.left = Math.max(4, Math.min(x, window.innerWidth - tip.offsetWidth - 8)) + "px";
    tip.style.top = Math.max(4, Math.min(y, window.innerHeight - tip.offsetHeight - 8)) + "px";
  }
  network.on("hoverNode", function (p) {
    if (pinned !== null) return;
    fill(p.node); tip.hidden = false; place(p.pointer.DOM);
  });
  network.on("blurNode", function () { if (pinned === null) tip.hidden = true; });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = p.nodes[0]; fill(pinned); tip.hidden = false; place(p.pointer.DOM); }
    else { pinned = null; tip.hidden = true; }
  });
  view.showInfo = function (id) { fill(id); tip.hidden = false; };

  // search and filter ---------------------------------------------------------
  var hay = null, neighbours = null;
  function buildIndex() {
    hay = payload.info.map(function (inf) {
      var parts = [inf[0]];
      inf[1].forEach(function (row) { parts.push(row[1]); });
      inf[2].forEach(function (ev) { parts.push(ev[0]); });
      return parts.join(" \u0001 ").toLowerCase();
    });
    neighbours = nodeList.map(function () { return []; });
    edgeList.forEach(function (e) { neighbours[e.from].push(e.to); neighbours[e.to].push(e.from); });
  }
  var search = document.getElementById("kg-search");
  var statusSel = document.getElementById("kg-status");
  var partBox = document.getElementById("kg-participation");
  var count = document.getElementById("kg-count");
  var statusKey = payload.keys.indexOf("Status");
  function statusOf(id) {
    var rows = payload.info[id][1];
    for (var k = 0; k < rows.length; k++) if (rows[k][0] === statusKey) return rows[k][1];
    return null;
  }
  function applyFilter() {
    if (hay === null) buildIndex();
    var q = search.value.trim().toLowerCase();
    var st = statusSel ? statusSel.value : "";
    var shown = new Array(nodeList.length), visible = 0;
    for (var k = 0; k < nodeList.length; k++) {
      var s = statusOf(k);
      var okStatus = !st || s === null || (st === "proposed" ? (s === "Proposed" || s === "Planned") : s === st);
      shown[k] = okStatus && (!q || hay[k].indexOf(q) >= 0);
    }
    if (q || st) {  // keep actors linked to what is shown
      for (var m = 0; m < nodeList.length; m++) {
        if (!shown[m] && statusOf(m) === null) {
          shown[m] = neighbours[m].some(function (x) { return shown[x] && statusOf(x) !== null; });
        }
      }
    }
    var updates = [];
    for (var u = 0; u < nodeList.length; u++) {
      if (shown[u]) visible++;
      if (!!nodeList[u].hidden !== !shown[u]) { nodeList[u].hidden = !shown[u]; updates.push({ id: u, hidden: !shown[u] }); }
    }
    if (updates.length) nodes.update(updates);
    count.textContent = visible + " of " + nodeList.length + " shown";
  }
  var timer = null;
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(applyFilter, 150); });
  if (statusSel) statusSel.addEventListener("change", applyFilter);
  if (partBox) partBox.addEventListener("change", function () {
    var updates = [];
    edgeList.forEach(function (ed) {
      if (ed.rel === "participant" || ed.rel === "proposedBy" || ed.rel === "party") updates.push({ id: ed.id, hidden: !partBox.checked });
    });
    edges.update(updates);
  });
  view.applyFilter = applyFilter;
  count.textContent = nodeList.length + " of " + nodeList.length + " shown";

  // legend ----------------------------------------------------------------------
  var legend = document.getElementById("kg-legend");
  function swatch(color, hollow, dashed) {
    var s = el("span", "kg-sw");
    s.style.background = hollow ? "#ffffff" : color;
    s.style.borderColor = color;
    if (dashed) s.style.borderStyle = "dashed";
    return s;
  }
  payload.legend.classes.forEach(function (c) {
    var row = el("div", "kg-lg");
    row.appendChild(swatch(c[1], false, false));
    row.appendChild(el("span", null, c[0]));
    legend.appendChild(row);
  });
  if (payload.page === "timeline") {
    [["occurred (filled)", false, false], ["proposed or planned (hollow, dashed)", true, true]].forEach(function (s) {
      var row = el("div", "kg-lg");
      row.appendChild(swatch("#555555", s[1], s[2]));
      row.appendChild(el("span", null, s[0]));
      legend.appendChild(row);
    });
    var ong = el("div", "kg-lg"); var sw = swatch("#555555", false, false); sw.style.borderColor = "#000"; sw.style.borderWidth = "3px";
    ong.appendChild(sw); ong.appendChild(el("span", null, "ongoing (thick rim)")); legend.appendChild(ong);
    (payload.breaks || []).forEach(function (br) {
      var row = el("div", "kg-lg");
      row.appendChild(el("span", null, "≈"));
      row.appendChild(el("span", null, br[2]));
      legend.appendChild(row);
    });
    var bar = el("div", "kg-lg"); bar.appendChild(el("span", "kg-bar"));
    bar.appendChild(el("span", null, "date range the text allows; dashed arrow: no bound given"));
    legend.appendChild(bar);
  }
  payload.legend.rels.forEach(function (r) {
    var row = el("div", "kg-lg");
    var line = el("span", "kg-line");
    line.style.borderTopColor = r[1];
    if (r[2]) line.style.borderTopStyle = "dashed";
    row.appendChild(line);
    row.appendChild(el("span", null, r[0]));
    legend.appendChild(row);
  });
})();
