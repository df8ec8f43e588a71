(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var U = D.ui, N = D.nodes, E = D.edges;
  var byId = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.appendChild(document.createTextNode(String(text)));
    if (cls) e.className = cls;
    return e;
  }
  function fmt(s, vars) { return s.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] !== undefined ? String(vars[k]) : m; }); }
  function link(url, text) {
    var a = el("a", text || url);
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      a.setAttribute("href", url);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
    }
    return a;
  }
  var typeLabel = {}; D.filters.types.forEach(function (t) { typeLabel[t.name] = t.label; });
  var modLabel = {}; D.filters.modalities.forEach(function (m) { modLabel[m.name] = m.label; });

  // ---- state -------------------------------------------------------------------------------
  var state = { families: {}, properties: {}, types: {}, modalities: {}, from: "", to: "",
                undated: true, hideIsolated: false, showAll: !D.subset, focus: null };
  D.filters.families.forEach(function (f) { state.families[f.name] = true; });
  D.filters.properties.forEach(function (p) { state.properties[p.name] = true; });
  D.filters.types.forEach(function (t) { state.types[t.name] = true; });
  D.filters.modalities.forEach(function (m) { state.modalities[m.name] = m.checked; });
  var nodeVis = new Uint8Array(N.length), edgeVis = new Uint8Array(E.length);

  function statementPasses(e) {
    if (!e.st.length) return state.modalities.Asserted && state.undated;  // reference data: undated fact
    for (var i = 0; i < e.st.length; i++) {
      var s = e.st[i];
      if (!state.modalities[s.mod]) continue;
      if (!s.d0) { if (state.undated) return true; continue; }
      if ((!state.from || s.d1 >= state.from) && (!state.to || s.d0 <= state.to)) return true;
    }
    return false;
  }
  function recompute() {
    var i, e, ok = new Uint8Array(N.length), eok = new Uint8Array(E.length);
    for (i = 0; i < N.length; i++) {
      var n = N[i];
      ok[i] = state.types[n.type] && (state.focus !== null || state.showAll || n.top) ? 1 : 0;
    }
    for (i = 0; i < E.length; i++) {
      e = E[i];
      eok[i] = ok[e.from] && ok[e.to] && state.families[e.family] && state.properties[e.property] && statementPasses(e) ? 1 : 0;
    }
    var has = new Uint8Array(N.length);
    if (state.focus !== null) {
      var f = state.focus, keep = new Uint8Array(N.length);
      keep[f] = ok[f];
      for (i = 0; i < E.length; i++) {
        e = E[i];
        if (!eok[i]) continue;
        if (e.from === f) keep[e.to] = 1; else if (e.to === f) keep[e.from] = 1;
      }
      for (i = 0; i < E.length; i++) { e = E[i]; if (eok[i] && !(keep[e.from] && keep[e.to])) eok[i] = 0; }
      ok = keep;
    } else if (state.hideIsolated) {
      for (i = 0; i < E.length; i++) if (eok[i]) { has[E[i].from] = 1; has[E[i].to] = 1; }
      for (i = 0; i < N.length; i++) ok[i] = ok[i] && has[i];
    }
    nodeVis = ok; edgeVis = eok;
    if (nodesView) { nodesView.refresh(); edgesView.refresh(); }
    showCounts();
  }

  // ---- tooltips and details (DOM text nodes only) ------------------------------------------------
  function nodeContent(i) {
    var n = N[i], box = el("div");
    box.appendChild(el("div", n.label, "kg-head"));
    box.appendChild(el("div", U.type + ": " + (typeLabel[n.type] || n.type)));
    box.appendChild(el("div", U.degree + ": " + n.degree));
    if (n.alt && n.alt.length) box.appendChild(el("div", U.aliases + ": " + n.alt.join(", ")));
    if (n.geonames || n.wikidata) {
      var l = el("div", U.links + ": ");
      if (n.geonames) l.appendChild(link(n.geonames, "GeoNames"));
      if (n.geonames && n.wikidata) l.appendChild(document.createTextNode(" · "));
      if (n.wikidata) l.appendChild(link(n.wikidata, "Wikidata"));
      box.appendChild(l);
    }
    box.appendChild(el("div", n.iri, "kg-meta"));
    return box;
  }
  function statementContent(s) {
    var d = el("div", null, "kg-st");
    d.appendChild(el("div", "\u201c" + s.ev + "\u201d", "kg-ev"));
    var meta = [modLabel[s.mod] || s.mod];
    if (s.date) meta.push(s.date);
    if (s.dom) meta.push(s.dom);
    if (s.attr) meta.push(U.attributed + " " + s.attr);
    d.appendChild(el("div", meta.join(" · "), "kg-meta"));
    var src = el("div", U.source + ": ", "kg-meta");
    var name = s.title || s.file || s.art || "";
    if (s.title && s.file) name = s.title + " (" + s.file + ")";
    if (s.url) src.appendChild(link(s.url, name)); else src.appendChild(document.createTextNode(name));
    d.appendChild(src);
    return d;
  }
  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function edgeContent(i, limit) {
    var e = E[i], box = el("div");
    box.appendChild(el("div", N[e.from].label + " \u2014 " + e.label + " \u2192 " + N[e.to].label, "kg-head"));
    var arts = count(e.articles, U.article, U.articles) + ", " + count(e.st.length, U.statement, U.statements);
    if (e.hedged) arts += " \u00b7 " + U.hedged;
    if (!e.st.length) arts = U.reference;
    box.appendChild(el("div", arts, "kg-meta"));
    var max = limit ? Math.min(limit, e.st.length) : e.st.length;
    for (var k = 0; k < max; k++) box.appendChild(statementContent(e.st[k]));
    if (max < e.st.length) box.appendChild(el("div", "\u2026 +" + (e.st.length - max), "kg-meta"));
    return box;
  }
  // vis-network shows `title` elements as given: each item gets an empty element, filled on first hover
  var nodeTitles = new Array(N.length), edgeTitles = new Array(E.length);
  function fillNodeTitle(i) { var t = nodeTitles[i]; if (t && !t.firstChild) t.appendChild(nodeContent(i)); }
  function fillEdgeTitle(i) { var t = edgeTitles[i]; if (t && !t.firstChild) t.appendChild(edgeContent(i, 20)); }
  function showDetails(content) {
    var body = byId("kg-details-body");
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(content);
    byId("kg-details").hidden = false;
    return body.textContent;
  }
  function hideDetails() { byId("kg-details").hidden = true; }

  // ---- controls ---------------------------------------------------------------------------------
  function checkbox(parent, testid, label, checked, onchange, cls) {
    var lab = el("label", null, cls), box = document.createElement("input");
    box.type = "checkbox"; box.checked = !!checked; box.setAttribute("data-testid", testid);
    box.addEventListener("change", function () { onchange(box.checked); });
    lab.appendChild(box); lab.appendChild(document.createTextNode(" " + label));
    parent.appendChild(lab);
    return box;
  }
  function fieldset(title) {
    var fs = document.createElement("fieldset"); fs.appendChild(el("legend", title));
    byId("kg-filters").appendChild(fs); return fs;
  }
  var boxes = { families: {}, properties: {}, types: {}, modalities: {} };
  function buildControls() {
    document.title = U.title;
    byId("kg-search").setAttribute("placeholder", U.search);
    byId("kg-search-go").textContent = U.go;
    byId("kg-reset").textContent = U.reset;
    byId("kg-details-close").textContent = U.close;
    var rel = fieldset(U.relations);
    D.filters.families.forEach(function (f) {
      boxes.families[f.name] = checkbox(rel, "filter-family-" + f.name, f.label, true, function (v) { state.families[f.name] = v; recompute(); });
      D.filters.properties.forEach(function (p) {
        if (p.family !== f.name) return;
        boxes.properties[p.name] = checkbox(rel, "filter-property-" + p.name, p.label, true, function (v) { state.properties[p.name] = v; recompute(); }, "kg-sub");
      });
    });
    var ty = fieldset(U.types);
    D.filters.types.forEach(function (t) {
      boxes.types[t.name] = checkbox(ty, "filter-type-" + t.name, t.label, true, function (v) { state.types[t.name] = v; recompute(); });
    });
    var mo = fieldset(U.modality);
    D.filters.modalities.forEach(function (m) {
      boxes.modalities[m.name] = checkbox(mo, "filter-modality-" + m.name, m.label, m.checked, function (v) { state.modalities[m.name] = v; recompute(); });
    });
    var da = fieldset(U.dates);
    [["from", U.from], ["to", U.to]].forEach(function (pair) {
      var lab = el("label", pair[1] + " "), inp = document.createElement("input");
      inp.type = "date"; inp.setAttribute("data-testid", "date-" + pair[0]); inp.id = "kg-date-" + pair[0];
      if (D.filters.dateMin) inp.min = D.filters.dateMin;
      if (D.filters.dateMax) inp.max = D.filters.dateMax;
      inp.addEventListener("change", function () { state[pair[0]] = inp.value; recompute(); });
      lab.appendChild(inp); da.appendChild(lab);
    });
    boxes.undated = checkbox(da, "date-undated", U.undated, true, function (v) { state.undated = v; recompute(); });
    boxes.hideIsolated = checkbox(byId("kg-filters"), "hide-isolated", U.hideIsolated, false, function (v) { state.hideIsolated = v; recompute(); });
    var sub = byId("kg-subset");
    if (D.subset) {
      sub.appendChild(el("div", fmt(U.subset, { n: D.maxNodes })));
      var b = el("button", fmt(U.showAll, { n: N.length })); b.type = "button"; b.setAttribute("data-testid", "show-all");
      b.addEventListener("click", function () { api.applyFilter({ showAll: !state.showAll }); });
      sub.appendChild(b); boxes.showAll = b;
    }
    sub.appendChild(el("div", U.neighbourhood, "kg-meta"));
    // the suggestion list is filled on first use: thousands of <option>s would slow the first drawing
    byId("kg-search").addEventListener("focus", function () {
      var list = byId("kg-search-list");
      if (list.firstChild) return;
      var frag = document.createDocumentFragment();
      N.forEach(function (n) { var o = document.createElement("option"); o.value = n.label; frag.appendChild(o); });
      list.appendChild(frag);
    });
    byId("kg-search-form").addEventListener("submit", function (ev) { ev.preventDefault(); api.search(byId("kg-search").value); });
    byId("kg-reset").addEventListener("click", function () { api.reset(); });
    byId("kg-details-close").addEventListener("click", hideDetails);
    buildLegend();
  }
  var shapeGlyph = { dot: "\u25cf", diamond: "\u25c6", square: "\u25a0", triangle: "\u25b2", triangleDown: "\u25bc", star: "\u2605", hexagon: "\u2b22" };
  function buildLegend() {
    var lg = byId("kg-legend"), fs = document.createElement("fieldset");
    fs.appendChild(el("legend", U.legend));
    D.legend.classes.forEach(function (c) {
      var row = el("div"), sw = el("span", shapeGlyph[c.shape] || "\u25cf", "kg-swatch");
      sw.style.color = c.color; row.appendChild(sw); row.appendChild(document.createTextNode(" " + c.label));
      row.setAttribute("data-testid", "legend-type-" + c.type); fs.appendChild(row);
    });
    D.legend.families.forEach(function (f) {
      var row = el("div"), line = el("span", null, "kg-line");
      line.style.borderTopColor = f.color; row.appendChild(line); row.appendChild(document.createTextNode(f.label));
      row.setAttribute("data-testid", "legend-family-" + f.family); fs.appendChild(row);
    });
    var dashed = el("div"), dl = el("span", null, "kg-line kg-dashed");
    dashed.appendChild(dl); dashed.appendChild(document.createTextNode(U.hedged)); fs.appendChild(dashed);
    fs.appendChild(el("div", U.width, "kg-meta"));
    lg.appendChild(fs);
  }
  function showCounts() {
    var c = api.visibleCounts(), box = byId("kg-counts");
    box.textContent = fmt(U.counts, { n: c.nodes, N: N.length, e: c.edges, E: E.length });
    if (boxes.showAll) boxes.showAll.textContent = state.showAll ? fmt(U.showTop, { n: D.maxNodes }) : fmt(U.showAll, { n: N.length });
  }

  // ---- network ----------------------------------------------------------------------------------
  var nodesData, edgesData, nodesView = null, edgesView = null;
  function visNodes() {
    var out = new Array(N.length);
    for (var i = 0; i < N.length; i++) {
      var n = N[i];
      nodeTitles[i] = document.createElement("div");
      var o = { id: i, label: n.label, shape: n.shape, size: n.size, color: n.color, title: nodeTitles[i] };
      if (n.x !== undefined) { o.x = n.x; o.y = n.y; }
      out[i] = o;
    }
    return out;
  }
  function visEdges() {
    var out = new Array(E.length);
    for (var i = 0; i < E.length; i++) {
      var e = E[i];
      edgeTitles[i] = document.createElement("div");
      out[i] = { id: i, from: e.from, to: e.to, label: e.label, width: e.width, dashes: e.dashes,
                 color: { color: e.color, highlight: e.color, hover: e.color, opacity: e.hedged ? 0.7 : 1 },
                 arrows: e.arrows ? "to" : "", title: edgeTitles[i],
                 smooth: e.curve ? { enabled: true, type: "curvedCW", roundness: e.curve } : false };
    }
    return out;
  }
  var ready = false, readyAt = null;
  function markReady() {
    if (ready) return;
    ready = true; readyAt = performance.now(); performance.mark("kg-ready");
    api.ready = true; api.readyAt = readyAt;
    document.body.setAttribute("data-ready", "1");
  }
  function start() {
    performance.mark("kg-start");
    buildControls();
    recompute();
    performance.mark("kg-controls");
    nodesData = new vis.DataSet(visNodes());
    edgesData = new vis.DataSet(visEdges());
    nodesView = new vis.DataView(nodesData, { filter: function (n) { return nodeVis[n.id] === 1; } });
    edgesView = new vis.DataView(edgesData, { filter: function (e) { return edgeVis[e.id] === 1; } });
    performance.mark("kg-datasets");
    showCounts();
    var browserLayout = D.layout === "browser";
    var container = byId("kg-network");
    var options = {
      autoResize: true,
      layout: { improvedLayout: false, randomSeed: 42 },
      nodes: { font: { size: 14 }, borderWidth: 1 },
      edges: { font: { size: 10, align: "middle", strokeWidth: 3 }, selectionWidth: 2, hoverWidth: 1 },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: E.length > 5000, hideEdgesOnZoom: E.length > 5000 },
      physics: browserLayout
        ? { enabled: true, solver: "barnesHut", stabilization: { enabled: true, iterations: 1000, updateInterval: 100, fit: true } }
        : { enabled: false }
    };
    if (browserLayout) container.classList.add("kg-stabilising");
    var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);
    performance.mark("kg-network");
    window.network = network;
    network.on("hoverNode", function (p) { fillNodeTitle(p.node); });
    network.on("hoverEdge", function (p) { fillEdgeTitle(p.edge); });
    network.on("click", function (p) {
      if (p.nodes.length) { api.neighbourhood(p.nodes[0]); api.showNode(p.nodes[0]); }
      else if (p.edges.length) { api.showTooltip(p.edges[0]); }
      else if (state.focus !== null) { api.reset(); }
      else { hideDetails(); }
    });
    if (browserLayout) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        var pos = network.getPositions(), upd = [];
        Object.keys(pos).forEach(function (k) { upd.push({ id: Number(k), x: pos[k].x, y: pos[k].y }); N[Number(k)].x = pos[k].x; N[Number(k)].y = pos[k].y; });
        nodesData.update(upd);
        container.classList.remove("kg-stabilising");
        network.fit({ animation: false });
        network.once("afterDrawing", markReady);
        network.redraw();
      });
    } else {
      network.once("afterDrawing", markReady);
    }
  }

  // ---- API for tests and power users ----------------------------------------------------------------
  function findNode(query) {
    if (typeof query === "number") return N[query] ? query : null;
    var q = String(query || "").trim().toLowerCase(), i;
    if (!q) return null;
    for (i = 0; i < N.length; i++) if (N[i].label.toLowerCase() === q || N[i].iri === query) return i;
    for (i = 0; i < N.length; i++) if (N[i].alt.some(function (a) { return a.toLowerCase() === q; })) return i;
    for (i = 0; i < N.length; i++) if (N[i].label.toLowerCase().indexOf(q) === 0) return i;
    for (i = 0; i < N.length; i++) if (N[i].label.toLowerCase().indexOf(q) >= 0) return i;
    return null;
  }
  var api = {
    data: D, ready: false, readyAt: null,
    visibleCounts: function () {
      return { nodes: nodesView ? nodesView.length : 0, edges: edgesView ? edgesView.length : 0,
               totalNodes: N.length, totalEdges: E.length };
    },
    visibleNodeIds: function () { return nodesView ? nodesView.getIds() : []; },
    visibleEdgeIds: function () { return edgesView ? edgesView.getIds() : []; },
    state: function () { return JSON.parse(JSON.stringify(state)); },
    applyFilter: function (f) {
      f = f || {};
      ["families", "properties", "types", "modalities"].forEach(function (k) {
        if (!f[k]) return;
        Object.keys(f[k]).forEach(function (name) {
          if (!(name in state[k])) return;
          state[k][name] = !!f[k][name];
          if (boxes[k][name]) boxes[k][name].checked = state[k][name];
        });
      });
      if ("from" in f) { state.from = f.from || ""; byId("kg-date-from").value = state.from; }
      if ("to" in f) { state.to = f.to || ""; byId("kg-date-to").value = state.to; }
      if ("undated" in f) { state.undated = !!f.undated; boxes.undated.checked = state.undated; }
      if ("hideIsolated" in f) { state.hideIsolated = !!f.hideIsolated; boxes.hideIsolated.checked = state.hideIsolated; }
      if ("showAll" in f) state.showAll = !!f.showAll || !D.subset;
      recompute();
      return api.visibleCounts();
    },
    neighbourhood: function (id) {
      state.focus = (id === null || id === undefined) ? null : id;
      recompute();
      if (window.network) window.network.fit({ animation: false });
      return api.visibleCounts();
    },
    reset: function () { state.focus = null; recompute(); hideDetails(); if (window.network) window.network.fit({ animation: false }); return api.visibleCounts(); },
    search: function (query) {
      var msg = byId("kg-search-msg"), i = findNode(query);
      msg.textContent = "";
      if (i === null) { msg.textContent = U.notFound + " \u00ab" + String(query) + "\u00bb"; return null; }
      if (!state.types[N[i].type]) { var t = {}; t[N[i].type] = true; api.applyFilter({ types: t }); }
      if (!nodeVis[i]) { state.focus = i; recompute(); }
      window.network.selectNodes([i]);
      window.network.focus(i, { scale: 1.2, animation: false });
      api.showNode(i);
      return i;
    },
    showNode: function (i) { fillNodeTitle(i); return showDetails(nodeContent(i)); },
    showTooltip: function (i) { fillEdgeTitle(i); return showDetails(edgeContent(i, 0)); },
    edgeTitle: function (i) { fillEdgeTitle(i); return edgeTitles[i]; },
    nodeTitle: function (i) { fillNodeTitle(i); return nodeTitles[i]; }
  };
  window.kgView = api;
  start();
})();
