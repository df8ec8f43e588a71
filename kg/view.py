"""The network view: graph -> view data (pure) -> one self-contained HTML page.

`view_data` turns the RDF graph into plain nodes / edges / legend / filters data
(positions computed in Python with igraph, so the browser draws with physics
off); `render_html` puts that data, vis-network (read from the copy pyvis ships,
licence header kept) and a small script into a single file that makes no
request to any network. Article text is untrusted: it travels as JSON inside a
non-executed `<script type="application/json">` with `<`, `>`, `&`, U+2028 and
U+2029 escaped, the page builds every tooltip and panel with DOM text nodes, and
a Content-Security-Policy allows only the page's own scripts (by hash).

Modalities: edges supported only by hedged statements are dashed; edges
supported only by negated statements are kept in the data but hidden until the
"Negated" modality is ticked.

Filters work statement by statement: an edge is shown when its family, its
property and both end types are ticked and at least one of its statements has
a ticked modality and a date (the statement's, else its article's) that overlaps
the date range; undated statements pass while "include undated" is ticked.
Reference facts from the gazetteer (a direct triple, no statement) count as
asserted and undated.

The page exposes `window.network` (the vis-network instance) and `window.kgView`
(`visibleCounts()`, `applyFilter({...})`, `neighbourhood(id)`, `reset()`,
`search(text)`, `showNode(id)`, `showTooltip(edgeId)`, `data`, `ready`, `readyAt`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import random
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import KGError, LanguageError
from kg.network import Graph, to_networkx
from kg.rdf import RDFS_LABEL, geo, load_rdf
from kg.vocab import FAMILIES, MODALITIES, RELATIONS

LANGS = ("en", "fr")
DEFAULT_MAX_NODES = 1500  # beyond this, the page opens on the top nodes by degree
LAYOUTS = ("python", "browser")  # igraph positions + physics off | stabilise in the browser, then freeze

# class local name -> (colour, vis-network shape)
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "diamond"),
    "Organization": ("#59a14f", "square"),
    "InternationalOrganization": ("#76b7b2", "square"),
    "Government": ("#edc948", "triangle"),
    "ArmedForces": ("#b07aa1", "triangle"),
    "ArmedGroup": ("#e15759", "star"),
    "Place": ("#9c755f", "triangleDown"),
    "City": ("#9c755f", "triangleDown"),
    "Region": ("#bab0ac", "triangleDown"),
    "GeoRegion": ("#bab0ac", "hexagon"),
    "Actor": ("#8c8c8c", "dot"),
    "Entity": ("#c7c7c7", "dot"),
}
FAMILY_COLOUR = {"cooperative": "#2e9e44", "conflictual": "#d62728", "structural": "#8c8c8c"}

CLASS_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "Country": "Country", "Person": "Person", "Organization": "Organization",
        "InternationalOrganization": "International organization", "Government": "Government",
        "ArmedForces": "Armed forces", "ArmedGroup": "Armed group", "Place": "Place", "City": "City",
        "Region": "Region", "GeoRegion": "Geographic region", "Actor": "Actor", "Entity": "Entity",
    },
    "fr": {
        "Country": "Pays", "Person": "Personne", "Organization": "Organisation",
        "InternationalOrganization": "Organisation internationale", "Government": "Gouvernement",
        "ArmedForces": "Forces armées", "ArmedGroup": "Groupe armé", "Place": "Lieu", "City": "Ville",
        "Region": "Région", "GeoRegion": "Région géographique", "Actor": "Acteur", "Entity": "Entité",
    },
}  # fmt: skip
PROPERTY_LABELS: dict[str, tuple[str, str]] = {  # used when the graph carries no rdfs:label for the property
    "cooperatesWith": ("cooperates with", "coopère avec"),
    "supports": ("supports", "soutient"),
    "meetsWith": ("meets with", "rencontre"),
    "signsAgreementWith": ("signs agreement with", "signe un accord avec"),
    "endsCooperationWith": ("ends cooperation with", "met fin à la coopération avec"),
    "expels": ("expels", "expulse"),
    "withdrawsFrom": ("withdraws from", "se retire de"),
    "criticizes": ("criticizes", "critique"),
    "threatens": ("threatens", "menace"),
    "demands": ("demands", "exige"),
    "rejects": ("rejects", "rejette"),
    "sanctions": ("sanctions", "sanctionne"),
    "attacks": ("attacks", "attaque"),
    "opposes": ("opposes", "s'oppose à"),
    "seizesPowerIn": ("seizes power in", "prend le pouvoir dans"),
    "overthrows": ("overthrows", "renverse"),
    "leads": ("leads", "dirige"),
    "memberOf": ("member of", "membre de"),
    "locatedIn": ("located in", "situé dans"),
    "capitalOf": ("capital of", "capitale de"),
    "affiliatedWith": ("affiliated with", "affilié à"),
}
FAMILY_LABELS = {
    "en": {"cooperative": "cooperative", "conflictual": "conflictual", "structural": "structural"},
    "fr": {"cooperative": "coopératif", "conflictual": "conflictuel", "structural": "structurel"},
}
MODALITY_LABELS = {
    "en": {"Asserted": "asserted", "Reported": "reported", "Hedged": "hedged", "Negated": "negated"},
    "fr": {"Asserted": "affirmé", "Reported": "rapporté", "Hedged": "incertain", "Negated": "nié"},
}
UI: dict[str, dict[str, str]] = {
    "en": {
        "title": "geokg network", "search": "Search an entity", "go": "Go", "relations": "Relations",
        "types": "Entity types", "modality": "Modality", "dates": "Dates", "from": "from", "to": "to",
        "undated": "include undated", "hideIsolated": "hide nodes without visible edges",
        "showAll": "Show all {n} nodes", "showTop": "Show only the top {n} nodes",
        "legend": "Legend", "counts": "{n} of {N} nodes, {e} of {E} edges shown",
        "reset": "Reset view", "type": "Type", "degree": "Degree", "aliases": "Aliases",
        "source": "Source", "statements": "statements", "articles": "articles", "close": "Close",
        "notFound": "No entity matches", "hedged": "only hedged statements (dashed)",
        "width": "width: number of supporting articles", "reference": "reference data (no statement)",
        "subset": "Large graph: showing the {n} most connected nodes.",
        "neighbourhood": "Click a node to show its neighbourhood; click the background to reset.",
        "attributed": "according to", "links": "Links",
    },
    "fr": {
        "title": "réseau geokg", "search": "Chercher une entité", "go": "Aller", "relations": "Relations",
        "types": "Types d'entités", "modality": "Modalité", "dates": "Dates", "from": "du", "to": "au",
        "undated": "inclure les relations non datées", "hideIsolated": "masquer les nœuds sans lien visible",
        "showAll": "Afficher les {n} nœuds", "showTop": "N'afficher que les {n} nœuds principaux",
        "legend": "Légende", "counts": "{n} nœuds sur {N}, {e} liens sur {E} affichés",
        "reset": "Réinitialiser", "type": "Type", "degree": "Degré", "aliases": "Alias",
        "source": "Source", "statements": "énoncés", "articles": "articles", "close": "Fermer",
        "notFound": "Aucune entité ne correspond à", "hedged": "énoncés incertains seulement (tirets)",
        "width": "épaisseur : nombre d'articles", "reference": "donnée de référence (sans énoncé)",
        "subset": "Grand graphe : seuls les {n} nœuds les plus connectés sont affichés.",
        "neighbourhood": "Cliquer un nœud pour voir son voisinage ; cliquer le fond pour revenir.",
        "attributed": "selon", "links": "Liens",
    },
}  # fmt: skip

_HTTP = re.compile(r"^https?://", re.IGNORECASE)


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise LanguageError(f"no view labels for language {lang!r}; supported languages: {', '.join(LANGS)}")
    return lang


def _http(url: str | None) -> str | None:
    """`url` if it is an http(s) IRI (safe to use as a link target), else None."""
    return url if url and _HTTP.match(url) else None


def _property_labels(graph: Graph, lang: str) -> dict[str, str]:
    out = {}
    for name, (en, fr) in PROPERTY_LABELS.items():
        found = [lit.value for lit in graph.objects(geo(name), RDFS_LABEL) if isinstance(lit, ox.Literal) and lit.language == lang]
        out[name] = min(found) if found else (fr if lang == "fr" else en)
    return out


def _layout(n: int, pairs: list[tuple[int, int]], *, seed: int = 42) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions (igraph), deterministic, scaled to the node count."""
    if n == 0:
        return []
    if n == 1:
        return [(0.0, 0.0)]
    import igraph as ig  # heavy-ish import: only when drawing

    g = ig.Graph(n=n, edges=pairs, directed=False)
    # a seeded RNG makes the layout reproducible; igraph's own random start is also the fastest
    # (in bench runs a given start made the grid variant 1.5x slower, 50x when the start was compact)
    ig.set_random_number_generator(random.Random(seed))
    try:
        # the grid variant is O(n) per iteration: 0.2 s at 1,000 nodes where the exact one takes 3-4 s
        coords = g.layout_fruchterman_reingold(niter=500, grid="grid" if n > 300 else "nogrid").coords
    finally:
        ig.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    scale = max(250.0, 110.0 * math.sqrt(n)) / extent
    return [(round((x - cx) * scale, 1), round((y - cy) * scale, 1)) for x, y in coords]


def view_data(
    graph: Any,
    *,
    lang: str = "en",
    max_nodes: int = DEFAULT_MAX_NODES,
    layout: str = "python",
) -> dict[str, Any]:
    """Nodes, edges, legend and filter data for the page (pure: no I/O, deterministic).

    graph: a build's pyoxigraph store, `load_graph`'s result, or anything `kg.rdf.as_store`
        takes (an rdflib Graph or Dataset, triples, quads).
    lang: language of labels and interface ("en" or "fr").
    max_nodes: beyond this many nodes the page opens on the `max_nodes` nodes of
        highest degree (flag `top`), with a control to show all.
    layout: "python" (igraph positions, physics off: fastest) or "browser"
        (vis-network physics stabilises off-screen, then freezes).
    """
    _check_lang(lang)
    if layout not in LAYOUTS:
        raise KGError(f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}")
    g = Graph(graph)
    net = to_networkx(g, lang=lang)
    plabels = _property_labels(g, lang)

    iris = sorted(net.nodes)
    index = {iri: i for i, iri in enumerate(iris)}
    max_degree = max((net.nodes[n]["degree"] for n in iris), default=0)
    ranked = sorted(iris, key=lambda n: (-net.nodes[n]["degree"], net.nodes[n]["label"].casefold(), n))
    subset = len(iris) > max_nodes
    top = set(ranked[:max_nodes]) if subset else set(iris)

    pairs = sorted({(min(index[s], index[o]), max(index[s], index[o])) for s, o in net.edges() if s != o})
    positions: list[tuple[float, float] | None] = [None] * len(iris)
    if layout == "python":
        positions = list(_layout(len(iris), pairs))

    nodes = []
    for i, iri in enumerate(iris):
        d = net.nodes[iri]
        colour, shape = CLASS_STYLE.get(d["type"], CLASS_STYLE["Entity"])
        node: dict[str, Any] = {
            "id": i,
            "iri": iri,
            "label": d["label"],
            "type": d["type"],
            "alt": d["alt_labels"],
            "geonames": _http(d["geonames"]),
            "wikidata": _http(d["wikidata"]),
            "degree": d["degree"],
            "size": round(8 + 4 * math.sqrt(d["degree"]), 1) if d["degree"] else 6,
            "color": colour,
            "shape": shape,
            "top": iri in top,
        }
        xy = positions[i]
        if xy is not None:
            node["x"], node["y"] = xy
        nodes.append(node)

    edges: list[dict[str, Any]] = []
    parallel: dict[tuple[int, int], int] = {}
    for s, o in net.edges():
        key = (min(index[s], index[o]), max(index[s], index[o]))
        parallel[key] = parallel.get(key, 0) + 1
    seen: dict[tuple[int, int], int] = {}
    dates: list[str] = []
    for s, o, prop, d in sorted(net.edges(keys=True, data=True), key=lambda e: (index[e[0]], index[e[1]], e[2])):
        a, b = index[s], index[o]
        pair = (min(a, b), max(a, b))
        rank = seen.get(pair, 0)
        seen[pair] = rank + 1
        statements = []
        for st in d["statements"]:
            statements.append(
                {
                    "ev": st["evidence"],
                    "lang": st["evidence_lang"],
                    "mod": st["modality"],
                    "date": st["date"],
                    "d0": st["date_start"],
                    "d1": st["date_end"],
                    "dom": st["domain"],
                    "attr": st["attributed_text"],
                    "art": st["article"],
                    "title": st["article_title"],
                    "file": st["article_file"],
                    "url": _http(st["article_url"]),
                }
            )
            dates.extend(x for x in (st["date_start"], st["date_end"]) if x)
        edges.append(
            {
                "id": len(edges),
                "from": a,
                "to": b,
                "property": prop,
                "label": plabels[prop],
                "family": d["family"],
                "color": FAMILY_COLOUR[d["family"]],
                "dashes": d["hedged_only"],
                "hedged": d["hedged_only"],
                "negated": d["negated_only"],
                "direct": d["direct"],
                "articles": d["articles"],
                "width": round(1 + 1.5 * math.log2(1 + d["articles"]), 2),
                "arrows": not RELATIONS[prop].symmetric,
                "curve": round(0.15 * (rank + 1), 2) if parallel[pair] > 1 else 0,
                "st": statements,
            }
        )

    present_types = sorted({n["type"] for n in nodes}, key=lambda t: list(CLASS_STYLE).index(t) if t in CLASS_STYLE else 99)
    present_props = sorted({e["property"] for e in edges}, key=list(RELATIONS).index)
    classes = CLASS_LABELS[lang]
    return {
        "version": 1,
        "lang": lang,
        "ui": UI[lang],
        "layout": layout,
        "subset": subset,
        "maxNodes": max_nodes,
        "maxDegree": max_degree,
        "nodes": nodes,
        "edges": edges,
        "legend": {
            "classes": [
                {"type": t, "label": classes.get(t, t), "color": CLASS_STYLE.get(t, CLASS_STYLE["Entity"])[0],
                 "shape": CLASS_STYLE.get(t, CLASS_STYLE["Entity"])[1]}
                for t in present_types
            ],
            "families": [{"family": f, "label": FAMILY_LABELS[lang][f], "color": FAMILY_COLOUR[f]} for f in FAMILIES],
        },  # fmt: skip
        "filters": {
            "families": [{"name": f, "label": FAMILY_LABELS[lang][f]} for f in FAMILIES],
            "properties": [{"name": p, "label": plabels[p], "family": RELATIONS[p].family} for p in present_props],
            "types": [{"name": t, "label": classes.get(t, t)} for t in present_types],
            "modalities": [
                {"name": m, "label": MODALITY_LABELS[lang][m], "checked": m != "Negated"} for m in MODALITIES
            ],
            "dateMin": min(dates, default=None),
            "dateMax": max(dates, default=None),
        },
    }


# ---------------------------------------------------------------------------------------------
# rendering


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy shipped inside the pyvis package (newest 9.x)."""
    lib = resources.files("pyvis") / "lib"
    versions = sorted(
        (p for p in lib.iterdir() if p.name.startswith("vis-") and (p / "vis-network.min.js").is_file()),
        key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)),
    )
    if not versions:
        raise KGError("vis-network not found inside the pyvis package; reinstall it: pip install 'pyvis>=0.3.2,<0.4'")
    js = (versions[-1] / "vis-network.min.js").read_text(encoding="utf-8")
    css = (versions[-1] / "vis-network.css").read_text(encoding="utf-8")
    # the source map is not shipped: drop the comment so devtools never try to fetch it
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    css = re.sub(r"/\*# sourceMappingURL=\S+ \*/\s*$", "", css)
    if "@license" not in js:
        raise KGError("the vis-network copy inside pyvis lost its licence header; reinstall pyvis")
    for text, what in ((js, "vis-network.min.js"), (css, "vis-network.css")):
        if re.search(r"</(script|style)|<!--", text, re.IGNORECASE):
            raise KGError(f"{what} contains a sequence that would end its inline tag; it cannot be inlined as is")
    return js, css


def json_for_script(data: object) -> str:
    """JSON safe inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 escaped.

    >>> json_for_script({"a": "</script><b>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


_PAGE = """<!DOCTYPE html>
<html lang="__KG_LANG__">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src __KG_SCRIPT_HASHES__; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'">
<title>__KG_TITLE__</title>
<style>
__KG_VIS_CSS__
</style>
<style>
__KG_CSS__
</style>
</head>
<body>
<div id="kg-app">
  <aside id="kg-side" data-testid="sidebar">
    <h1 id="kg-title">__KG_TITLE__</h1>
    <form id="kg-search-form" data-testid="search-form" autocomplete="off">
      <input id="kg-search" type="search" list="kg-search-list" data-testid="search">
      <datalist id="kg-search-list"></datalist>
      <button type="submit" id="kg-search-go" data-testid="search-go"></button>
    </form>
    <div id="kg-search-msg" data-testid="search-msg"></div>
    <div id="kg-counts" data-testid="counts"></div>
    <div id="kg-subset" data-testid="subset"></div>
    <button type="button" id="kg-reset" data-testid="reset"></button>
    <div id="kg-filters" data-testid="filters"></div>
    <div id="kg-legend" data-testid="legend"></div>
  </aside>
  <main id="kg-main">
    <div id="kg-network" data-testid="network"></div>
    <section id="kg-details" data-testid="details" hidden>
      <button type="button" id="kg-details-close" data-testid="details-close"></button>
      <div id="kg-details-body" data-testid="details-body"></div>
    </section>
  </main>
</div>
<script type="application/json" id="kg-data">__KG_DATA__</script>
<script>
__KG_VIS_JS__
</script>
<script>
__KG_JS__
</script>
</body>
</html>
"""

_CSS = """
html, body { margin: 0; height: 100%; font: 13px/1.35 system-ui, sans-serif; color: #222; }
#kg-app { display: flex; height: 100vh; }
#kg-side { width: 290px; min-width: 290px; overflow-y: auto; padding: 8px 10px; border-right: 1px solid #ddd; box-sizing: border-box; background: #fafafa; }
#kg-side h1 { font-size: 15px; margin: 2px 0 8px; }
#kg-side fieldset { border: 1px solid #ddd; margin: 8px 0; padding: 4px 6px; }
#kg-side legend { font-weight: 600; }
#kg-side label { display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#kg-side label.kg-sub { padding-left: 16px; }
#kg-search-form { display: flex; gap: 4px; }
#kg-search { flex: 1; min-width: 0; }
#kg-search-msg { color: #a00; min-height: 1em; }
#kg-counts, #kg-subset { margin: 4px 0; color: #444; }
#kg-main { position: relative; flex: 1; }
#kg-network { position: absolute; inset: 0; }
#kg-network.kg-stabilising { visibility: hidden; }
#kg-details { position: absolute; top: 8px; right: 8px; width: 380px; max-height: calc(100% - 16px); overflow-y: auto; background: #fff; border: 1px solid #bbb; box-shadow: 0 2px 8px rgba(0,0,0,.15); padding: 8px 10px; box-sizing: border-box; z-index: 20; }
#kg-details-close { float: right; }
.kg-head { font-weight: 600; margin-bottom: 4px; }
.kg-meta { color: #555; }
.kg-st { border-top: 1px solid #eee; padding: 4px 0; }
.kg-ev { font-style: italic; }
.kg-swatch { display: inline-block; width: 1.2em; text-align: center; }
.kg-line { display: inline-block; width: 28px; vertical-align: middle; margin-right: 4px; border-top: 3px solid #888; }
.kg-line.kg-dashed { border-top-style: dashed; }
div.vis-tooltip { max-width: 420px; white-space: normal; font: 12px/1.3 system-ui, sans-serif; }
"""

_JS = r"""
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
  function edgeContent(i, limit) {
    var e = E[i], box = el("div");
    box.appendChild(el("div", N[e.from].label + " \u2014 " + e.label + " \u2192 " + N[e.to].label, "kg-head"));
    var arts = e.articles + " " + U.articles + ", " + e.st.length + " " + U.statements;
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
"""


def render_html(data: dict[str, Any]) -> str:
    """The self-contained page for `view_data(...)` output: every script and style inlined."""
    vis_js, vis_css = _vis_assets()
    lang = _check_lang(str(data.get("lang", "en")))
    hashes = " ".join(f"'{_sha256(s)}'" for s in ("\n" + vis_js + "\n", "\n" + _JS + "\n"))
    parts = {
        "LANG": lang,
        "TITLE": html.escape(UI[lang]["title"]),
        "SCRIPT_HASHES": hashes,
        "VIS_CSS": vis_css,
        "CSS": _CSS,
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "JS": _JS,
    }
    # one pass, so nothing inserted is ever scanned for placeholders again
    return re.sub(r"__KG_([A-Z_]+?)__", lambda m: parts[m.group(1)], _PAGE)


def write_view(
    graph: Any,
    path: Path | str,
    *,
    lang: str = "en",
    max_nodes: int = DEFAULT_MAX_NODES,
    layout: str = "python",
) -> Path:
    """Write the network view of `graph` to `path` atomically (temp file + os.replace)."""
    from kg.fsutil import atomic_write_text

    path = Path(path)
    atomic_write_text(path, render_html(view_data(graph, lang=lang, max_nodes=max_nodes, layout=layout)))
    return path


def load_graph(target: Path | str) -> ox.Store:
    """The graph of a build DIR (its graph.ttl) or of any RDF file (format from the extension), as an
    in-memory store whose default graph is the merge of all its graphs."""
    target = Path(target)
    if target.is_dir():
        for name in ("graph.ttl", "graph.trig", "graph.nq", "graph.nt"):
            if (target / name).is_file():
                target = target / name
                break
        else:
            raise KGError(f"{target}: no graph.ttl in this folder; run `kg build ... -o {target}` first or pass an RDF file")
    if not target.is_file():
        raise KGError(f"{target}: no such file; pass a build folder or an RDF file (.ttl, .nt, .trig, .nq, .jsonld)")
    return load_rdf(target)


def view_file(target: Path | str, out: Path | str, *, lang: str = "en", max_nodes: int = DEFAULT_MAX_NODES) -> Path:
    """`kg view`: read a build DIR's graph.ttl (or any RDF file) and write the HTML view to `out`."""
    _check_lang(lang)
    return write_view(load_graph(target), out, lang=lang, max_nodes=max_nodes)


__all__ = [
    "DEFAULT_MAX_NODES",
    "LANGS",
    "json_for_script",
    "load_graph",
    "render_html",
    "view_data",
    "view_file",
    "write_view",
]
