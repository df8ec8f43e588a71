"""The network view: graph -> view data (pure) -> one self-contained HTML page.

`view_data` turns the RDF graph into plain nodes / edges / legend / filters data
(positions computed in Python with igraph, so the browser draws with physics
off); `render_html` puts that data, vis-network (read from the copy pyvis ships,
licence header kept) and the page's own template, style and script
(`kg/data/view/page.html`, `view.css`, `view.js`, read at render time) into a
single file that makes no request to any network. Labels of relations, classes
and modalities are the ontology's (`rdfs:label` @en/@fr, `kg.vocab.label`); the
interface's own words are in `kg/data/view/ui.json`.

Article text is untrusted: it travels as JSON inside a non-executed
`<script type="application/json">` with `<`, `>`, `&`, U+2028 and U+2029 escaped,
the page builds every tooltip and panel with DOM text nodes, and a
Content-Security-Policy allows only the page's own scripts (by hash).

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
import functools
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

from kg.errors import DataFileError, KGError, LanguageError
from kg.network import Graph, to_networkx
from kg.rdf import RDFS_LABEL, geo, load_rdf
from kg.vocab import FAMILIES, MODALITIES, RELATIONS, label

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


# ---------------------------------------------------------------------------------------------
# words: the ontology's labels, the interface's own words (kg/data/view/ui.json)


def _view_file(name: str) -> Any:
    return resources.files("kg").joinpath("data", "view", name)


def _read_asset(name: str) -> str:
    path = _view_file(name)
    try:
        return str(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(path, f"cannot read this view asset: {e}; reinstall geokg (pip install -e .)") from e


@functools.lru_cache(maxsize=1)
def _ui_words() -> dict[str, dict[str, Any]]:
    """`kg/data/view/ui.json`: per language, the interface strings, the family names, the fallback type."""
    path = _view_file("ui.json")
    try:
        words = json.loads(_read_asset("ui.json"))
    except json.JSONDecodeError as e:
        raise DataFileError(path, f"not valid JSON: {e.msg} (column {e.colno})", line=e.lineno) from e
    for lang in LANGS:
        entry = words.get(lang) if isinstance(words, dict) else None
        if not isinstance(entry, dict) or not {"ui", "families", "entity"} <= set(entry):
            raise DataFileError(path, f"needs an object for {lang!r} with the keys ui, families and entity")
        missing = sorted(set(FAMILIES) - set(entry["families"]))
        if missing:
            raise DataFileError(path, f"{lang}.families lacks {', '.join(missing)}")
    return words


def ui_strings(lang: str) -> dict[str, str]:
    """The interface strings of the page in `lang` (buttons, headings, messages)."""
    return dict(_ui_words()[_check_lang(lang)]["ui"])


def class_label(name: str, lang: str) -> str:
    """The label of an entity type: the ontology's, or the interface's word for an untyped entity."""
    if name == "Entity":
        return str(_ui_words()[lang]["entity"])
    return label(name, lang)


def family_label(family: str, lang: str) -> str:
    """The name of a relation family (cooperative, conflictual, structural) in `lang`."""
    return str(_ui_words()[lang]["families"][family])


_HTTP = re.compile(r"^https?://", re.IGNORECASE)


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise LanguageError(f"no view labels for language {lang!r}; supported languages: {', '.join(LANGS)}")
    return lang


def _http(url: str | None) -> str | None:
    """`url` if it is an http(s) IRI (safe to use as a link target), else None."""
    return url if url and _HTTP.match(url) else None


def _property_labels(graph: Graph, lang: str) -> dict[str, str]:
    """Each relation's label in `lang`: the graph's own `rdfs:label` if it carries one, else the ontology's."""
    out = {}
    for name in RELATIONS:
        found = [lit.value for lit in graph.objects(geo(name), RDFS_LABEL) if isinstance(lit, ox.Literal) and lit.language == lang]
        out[name] = min(found) if found else label(name, lang)
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
    """Nodes, edges, legend and filter data for the page (deterministic; the only files read are the
    ontology and `ui.json`, once per process, for labels).

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
    classes = {t: class_label(t, lang) for t in present_types}
    families = {f: family_label(f, lang) for f in FAMILIES}
    return {
        "version": 1,
        "lang": lang,
        "ui": ui_strings(lang),
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
            "families": [{"family": f, "label": families[f], "color": FAMILY_COLOUR[f]} for f in FAMILIES],
        },  # fmt: skip
        "filters": {
            "families": [{"name": f, "label": families[f]} for f in FAMILIES],
            "properties": [{"name": p, "label": plabels[p], "family": RELATIONS[p].family} for p in present_props],
            "types": [{"name": t, "label": classes.get(t, t)} for t in present_types],
            "modalities": [
                {"name": m, "label": label(m, lang), "checked": m != "Negated"} for m in MODALITIES
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


_PLACEHOLDER = re.compile(r"__KG_([A-Z_]+?)__")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)  # executable scripts (the data block has a type)


def _fill(template: str, parts: dict[str, str], source: str) -> str:
    """`template` with each `__KG_NAME__` replaced, in one pass: nothing inserted is ever scanned
    for placeholders again."""

    def value(m: re.Match[str]) -> str:
        try:
            return parts[m.group(1)]
        except KeyError:
            line = template.count("\n", 0, m.start()) + 1
            raise DataFileError(source, f"unknown placeholder {m.group(0)}; known: {', '.join(sorted(parts))}", line=line) from None

    return _PLACEHOLDER.sub(value, template)


def render_html(data: dict[str, Any]) -> str:
    """The self-contained page for `view_data(...)` output: every script and style inlined.

    The Content-Security-Policy allows exactly the page's own inline scripts, by the hash of what
    the template puts between each `<script>` and `</script>`.
    """
    vis_js, vis_css = _vis_assets()
    lang = _check_lang(str(data.get("lang", "en")))
    page = _read_asset("page.html")
    parts = {
        "LANG": lang,
        "TITLE": html.escape(ui_strings(lang)["title"]),
        "VIS_CSS": vis_css,
        "CSS": _read_asset("view.css"),
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "JS": _read_asset("view.js"),
    }
    source = str(_view_file("page.html"))
    # the template is trusted: its script bodies (placeholders filled) are what the browser hashes
    scripts = [_fill(body, parts, source) for body in _INLINE_SCRIPT.findall(page)]
    parts["SCRIPT_HASHES"] = " ".join(f"'{_sha256(text)}'" for text in scripts)
    return _fill(page, parts, source)


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
