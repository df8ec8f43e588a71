"""The network view's data, HTML escaping and Gephi exports (pure; no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import PROV

from kg.errors import KGError, LanguageError
from kg.network import to_networkx, write_network
from kg.view import LANGS, _vis_assets, json_for_script, render_html, view_data, view_file, write_view
from kg.vocab import FAMILIES, RELATIONS

GEO = rdflib.Namespace("https://w3id.org/geokg/ontology#")
ID = rdflib.Namespace("https://w3id.org/geokg/id/")

PAYLOAD_SCRIPT = "</script><script>window.__pwned=1;alert(1)</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
PAYLOAD_ATTR = "\"'><svg onload=\"window.__pwned=1;alert(1)\">"
HOSTILE = f"{PAYLOAD_SCRIPT} {PAYLOAD_IMG} {PAYLOAD_ATTR} \u2028<!-- &amp;"

ENTITIES = {
    # key: (type, en, fr, geonames, wikidata)
    "country/NE": ("Country", "Niger", "Niger", 2440476, "Q1032"),
    "country/RU": ("Country", "Russia", "Russie", 2017370, "Q159"),
    "country/TR": ("Country", "Turkey", "Turquie", 298795, "Q43"),
    "country/FR": ("Country", "France", "France", 3017382, "Q142"),
    "country/BJ": ("Country", "Benin", "Bénin", 2395170, "Q962"),
    "person/abdourahamane-tiani": ("Person", "Abdourahamane Tiani", "Abdourahamane Tiani", None, "Q120767048"),
    "region/tillaberi": ("Region", "Tillabéri", "Tillabéri", 2439374, None),
    "group/jnim": ("ArmedGroup", "JNIM", "JNIM", None, None),
    "org/ecowas": ("InternationalOrganization", "ECOWAS", "CEDEAO", None, "Q161549"),
}

# (article, s, p, o, modality, date, domain, evidence)
STATEMENTS = [
    ("a1", "country/NE", "endsCooperationWith", "country/RU", "Reported", "2025-03", "intelligence",
     "Niamey a rompu sa coopération en matière de renseignement avec Moscou."),
    ("a2", "country/NE", "endsCooperationWith", "country/RU", "Asserted", "2025-04-02", "intelligence",
     "Le Niger met fin à la coopération avec la Russie."),
    ("a1", "country/NE", "endsCooperationWith", "country/TR", "Reported", "2025-03", "intelligence",
     "Niamey a aussi rompu avec Ankara."),
    ("a1", "country/NE", "endsCooperationWith", "country/FR", "Reported", "2023", "military",
     "La junte avait écarté la France."),
    ("a1", "group/jnim", "attacks", "country/NE", "Asserted", "2025-03-20", "military",
     "Le JNIM a attaqué une position de l'armée à Tillabéri."),
    ("a1", "group/jnim", "attacks", "country/BJ", "Hedged", None, "security",
     "Les violences pourraient déborder au Bénin."),
    ("a2", "country/NE", "cooperatesWith", "country/RU", "Negated", "2025-04-02", "security",
     "Le Niger ne coopère plus avec la Russie."),
]  # fmt: skip
REFERENCE = [  # gazetteer knowledge in the entities graph (no statement)
    ("person/abdourahamane-tiani", "leads", "country/NE"),
    ("region/tillaberi", "locatedIn", "country/NE"),
]


def sample_graph(*, hostile: bool = False) -> rdflib.Dataset:
    """A small dataset in the RDF shape of docs/ARCHITECTURE.md (named graph per article)."""
    ds = rdflib.Dataset()
    ents = ds.graph(ID["graph/entities"])
    articles = {
        "a1": ("Niger : la junte rompt avec Moscou et Ankara", "000_cdbfd6dc458ff73a.txt", "2025-03-28"),
        "a2": ("Niamey et Moscou", "niger-russie.txt", "2025-04-02"),
    }
    for key, (type_, en, fr, gn, wd) in ENTITIES.items():
        node = ID[key]
        ents.add((node, RDF.type, GEO[type_]))
        if hostile and key == "group/jnim":
            en = fr = f"JNIM {PAYLOAD_SCRIPT}"
        ents.add((node, RDFS.label, Literal(en, lang="en")))
        ents.add((node, RDFS.label, Literal(fr, lang="fr")))
        if gn:
            ents.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{gn}/")))
        if wd:
            ents.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{wd}")))
        if hostile and key == "country/NE":
            ents.add((node, OWL.sameAs, URIRef("javascript:window.__pwned=1")))
    for s, p, o in REFERENCE:
        ents.add((ID[s], GEO[p], ID[o]))
    for aid, (title, file, date) in articles.items():
        art = ID[f"article/{aid}"]
        g = ds.graph(art)
        g.add((art, RDF.type, GEO.Article))
        g.add((art, GEO.title, Literal(f"{title} {PAYLOAD_ATTR}" if hostile else title, lang="fr")))
        g.add((art, GEO.fileName, Literal(file)))
        g.add((art, GEO.date, Literal(date, datatype=XSD.date)))
        g.add((art, GEO.language, Literal("fr")))
        g.add((art, GEO.contentHash, Literal(aid * 8)))
        if hostile:
            g.add((art, GEO.url, Literal("javascript:window.__pwned=1", datatype=XSD.anyURI)))
        g.add((ID["country/NE"], SKOS.altLabel, Literal(PAYLOAD_IMG if hostile else "Niamey", lang="fr")))
    for i, (aid, s, p, o, modality, date, domain, evidence) in enumerate(STATEMENTS):
        art = ID[f"article/{aid}"]
        g = ds.graph(art)
        st = ID[f"statement/{i:020d}"]
        if hostile:
            evidence = f"{evidence} {HOSTILE}"
        g.add((st, RDF.type, GEO.Statement))
        g.add((st, RDF.subject, ID[s]))
        g.add((st, RDF.predicate, GEO[p]))
        g.add((st, RDF.object, ID[o]))
        g.add((st, GEO.modality, GEO[modality]))
        g.add((st, GEO.evidence, Literal(evidence, lang="fr")))
        g.add((st, GEO.startOffset, Literal(0)))
        g.add((st, GEO.endOffset, Literal(len(evidence))))
        g.add((st, GEO.confidence, Literal("0.8", datatype=XSD.decimal)))
        g.add((st, GEO.rule, Literal("test")))
        g.add((st, PROV.wasDerivedFrom, art))
        if domain:
            g.add((st, GEO.domain, Literal(domain)))
        if date:
            dtype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(date), XSD.date)
            g.add((st, GEO.date, Literal(date, datatype=dtype)))
        if modality in ("Asserted", "Reported"):
            g.add((ID[s], GEO[p], ID[o]))
        for key in (s, o):
            g.add((ID[key], RDF.type, GEO[ENTITIES[key][0]]))
    return ds


# expected shape of sample_graph()
N_NODES = len(ENTITIES)
N_EDGES = 8  # 7 statements on 6 distinct (s, p, o) + 2 reference facts
N_EDGES_DEFAULT = N_EDGES - 1  # the negated-only edge is hidden until "Negated" is ticked


def _edge(data, s, p, o):
    ids = {n["iri"]: n["id"] for n in data["nodes"]}
    return next(e for e in data["edges"] if (e["from"], e["property"], e["to"]) == (ids[str(ID[s])], p, ids[str(ID[o])]))


def test_to_networkx_nodes_and_edges():
    net = to_networkx(sample_graph())
    assert net.number_of_nodes() == N_NODES
    assert net.number_of_edges() == N_EDGES
    niger = net.nodes[str(ID["country/NE"])]
    assert niger["type"] == "Country"
    assert (niger["label_en"], niger["label_fr"]) == ("Niger", "Niger")
    assert niger["geonames"] == "https://sws.geonames.org/2440476/"
    assert niger["wikidata"] == "http://www.wikidata.org/entity/Q1032"
    assert niger["alt_labels"] == ["Niamey"]
    assert net.nodes[str(ID["group/jnim"])]["type"] == "ArmedGroup"
    ru = net.edges[str(ID["country/NE"]), str(ID["country/RU"]), "endsCooperationWith"]
    assert ru["family"] == "conflictual"
    assert ru["direct"] and not ru["hedged_only"]
    assert ru["articles"] == 2 and ru["weight"] == 2
    assert [s["modality"] for s in ru["statements"]] == ["Reported", "Asserted"]
    assert ru["statements"][0]["article_title"] == "Niger : la junte rompt avec Moscou et Ankara"
    assert ru["statements"][0]["article_file"] == "000_cdbfd6dc458ff73a.txt"
    assert ru["statements"][0]["domain"] == "intelligence"
    hedged = net.edges[str(ID["group/jnim"]), str(ID["country/BJ"]), "attacks"]
    assert hedged["hedged_only"] and not hedged["direct"] and not hedged["negated_only"]
    negated = net.edges[str(ID["country/NE"]), str(ID["country/RU"]), "cooperatesWith"]
    assert negated["hedged_only"] and negated["negated_only"]
    leads = net.edges[str(ID["person/abdourahamane-tiani"]), str(ID["country/NE"]), "leads"]
    assert leads["statements"] == [] and leads["direct"] and leads["family"] == "structural"


def test_plain_graph_and_dataset_give_the_same_network():
    ds = sample_graph()
    flat = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    a, b = to_networkx(ds), to_networkx(flat)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    assert dict(a.nodes(data="label")) == dict(b.nodes(data="label"))


def test_view_data_styles_and_filters():
    data = view_data(sample_graph())
    assert len(data["nodes"]) == N_NODES and len(data["edges"]) == N_EDGES
    assert data["subset"] is False and all(n["top"] for n in data["nodes"])
    niger = next(n for n in data["nodes"] if n["label"] == "Niger")
    assert niger["degree"] == max(n["degree"] for n in data["nodes"])
    assert niger["size"] > next(n for n in data["nodes"] if n["label"] == "Turkey")["size"]
    assert {n["shape"] for n in data["nodes"] if n["type"] == "Country"} == {"dot"}
    assert all("x" in n and "y" in n for n in data["nodes"])
    ru = _edge(data, "country/NE", "endsCooperationWith", "country/RU")
    tr = _edge(data, "country/NE", "endsCooperationWith", "country/TR")
    assert ru["color"] == "#d62728" and ru["dashes"] is False
    assert ru["width"] > tr["width"]  # two supporting articles against one
    assert ru["curve"] and not tr["curve"]  # two parallel edges Niger-Russia are curved apart
    assert _edge(data, "group/jnim", "attacks", "country/BJ")["dashes"] is True
    assert _edge(data, "person/abdourahamane-tiani", "leads", "country/NE")["color"] == "#8c8c8c"
    ev = ru["st"][0]
    assert ev["ev"].startswith("Niamey a rompu") and ev["mod"] == "Reported" and ev["date"] == "2025-03"
    assert (ev["d0"], ev["d1"]) == ("2025-03-01", "2025-03-31")
    f = data["filters"]
    assert [m["name"] for m in f["modalities"] if not m["checked"]] == ["Negated"]
    assert {p["name"] for p in f["properties"]} == {"endsCooperationWith", "attacks", "cooperatesWith", "leads", "locatedIn"}
    assert (f["dateMin"], f["dateMax"]) == ("2023-01-01", "2025-04-02")
    assert {c["type"] for c in data["legend"]["classes"]} == {n["type"] for n in data["nodes"]}
    assert view_data(sample_graph()) == data  # deterministic, layout included


def test_view_data_languages():
    fr = view_data(sample_graph(), lang="fr")
    assert {n["label"] for n in fr["nodes"]} >= {"Russie", "Turquie", "CEDEAO"}
    assert _edge(fr, "country/NE", "endsCooperationWith", "country/RU")["label"] == "met fin à la coopération avec"
    assert fr["ui"]["legend"] == "Légende"
    with pytest.raises(LanguageError, match="supported languages: en, fr"):
        view_data(sample_graph(), lang="de")


def test_top_nodes_subset_beyond_threshold():
    data = view_data(sample_graph(), max_nodes=3)
    assert data["subset"] is True
    top = [n["label"] for n in data["nodes"] if n["top"]]
    assert len(top) == 3 and "Niger" in top


def test_empty_graph():
    data = view_data(rdflib.Graph())
    assert (data["nodes"], data["edges"], data["filters"]["dateMin"]) == ([], [], None)
    assert render_html(data).startswith("<!DOCTYPE html>")


def test_hostile_text_is_escaped_in_html():
    data = view_data(sample_graph(hostile=True))
    page = render_html(data)
    # only the page's own three scripts (data, vis-network, ours) close a script element
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 3
    assert len(re.findall(r"<script\b", page.replace(_vis_assets()[0], ""), re.IGNORECASE)) == 3
    for payload in (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_ATTR, "<svg", "<img", "onerror=\"", "\u2028", "<!--"):
        assert payload not in page
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in blob and ">" not in blob and "&" not in blob
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1" in blob
    assert json.loads(blob) == json.loads(json.dumps(data))  # escaping is lossless
    # non-http(s) link targets never reach the page data
    assert "javascript:" not in "".join(str(n.get("geonames")) + str(n.get("wikidata")) for n in data["nodes"])
    assert all(s["url"] is None for e in data["edges"] for s in e["st"])
    assert "innerHTML" not in page.split('id="kg-data"')[1].split("</script>", 3)[-1]


def test_json_for_script_escapes_line_separators():
    text = json_for_script({"t": "a\u2028b\u2029c<>&"})
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"t": "a\u2028b\u2029c<>&"}


def test_page_is_self_contained():
    page = render_html(view_data(sample_graph()))
    assert "@license" in page and "vis-network" in page  # licence header kept
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert 'id="kg-data"' in page and "window.network" in page and "window.kgView" in page


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_write_network_round_trip(tmp_path, fmt):
    out = write_network(sample_graph(hostile=True), fmt, tmp_path / f"g.{fmt}")
    net = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert net.number_of_nodes() == N_NODES
    assert net.number_of_edges() == N_EDGES
    niger = str(ID["country/NE"])
    if fmt == "graphml":
        assert net.nodes[niger]["type"] == "Country"
        assert net.nodes[niger]["label"] == "Niger"
    else:  # networkx's GEXF reader keeps the label as "label" and custom attributes by title
        assert net.nodes[niger]["label"] == "Niger"
        assert net.nodes[niger]["type"] == "Country"
    edge = next(d for s, o, d in net.edges(data=True) if s == niger and o == str(ID["country/RU"]) and d["property"] == "endsCooperationWith")
    assert float(edge["weight"]) == 2.0
    assert edge["family"] == "conflictual"
    with pytest.raises(KGError, match="graphml, gexf"):
        write_network(sample_graph(), "dot", tmp_path / "g.dot")


def test_write_view_and_view_file(tmp_path):
    ds = sample_graph()
    out = write_view(ds, tmp_path / "out" / "graph.html", lang="fr")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]
    build = tmp_path / "build"
    build.mkdir()
    flat = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    flat.serialize(build / "graph.ttl", format="turtle")
    page = view_file(build, tmp_path / "v.html", lang="en").read_text(encoding="utf-8")
    assert "Abdourahamane Tiani" in page
    ds.serialize(tmp_path / "g.trig", format="trig")
    assert "Tillab" in view_file(tmp_path / "g.trig", tmp_path / "w.html", lang="en").read_text(encoding="utf-8")
    with pytest.raises(KGError, match="no graph.ttl"):
        view_file(tmp_path / "out", tmp_path / "x.html", lang="en")


# ---- the view's words: labels from the ontology file, the interface's own from ui.json ----


def ontology_labels() -> dict[str, dict[str, str]]:
    """rdfs:label per local name and language, read here with rdflib (independently of kg.vocab)."""
    from kg import ontology_dir

    onto = rdflib.Graph().parse(ontology_dir() / "geopolitics.ttl", format="turtle")
    out: dict[str, dict[str, str]] = {}
    for s, lit in onto.subject_objects(RDFS.label):
        if str(s).startswith(str(GEO)) and isinstance(lit, Literal) and lit.language:
            out.setdefault(str(s)[len(GEO) :], {})[lit.language] = str(lit)
    return out


def every_term_graph() -> rdflib.Graph:
    """One entity of every entity class, one direct triple of every relation, one untyped node."""
    from kg.vocab import ENTITY_TYPES

    g = rdflib.Graph()
    nodes = [ID[f"x/{t}"] for t in ENTITY_TYPES]
    for node, t in zip(nodes, ENTITY_TYPES, strict=True):
        g.add((node, RDF.type, GEO[t]))
        g.add((node, RDFS.label, Literal(t, lang="en")))
    for i, p in enumerate(RELATIONS):
        g.add((nodes[i % len(nodes)], GEO[p], nodes[(i + 1) % len(nodes)]))
    g.add((nodes[0], GEO.attacks, ID["x/untyped"]))
    return g


@pytest.mark.parametrize("lang", LANGS)
def test_view_labels_are_the_ontology_labels(lang):
    expected = ontology_labels()
    data = view_data(every_term_graph(), lang=lang)
    f = data["filters"]
    assert {p["name"] for p in f["properties"]} == set(RELATIONS)
    shown = {p["name"]: p["label"] for p in f["properties"]}
    shown.update((t["name"], t["label"]) for t in f["types"] if t["name"] != "Entity")
    shown.update((m["name"], m["label"]) for m in f["modalities"])
    shown.update((c["type"], c["label"]) for c in data["legend"]["classes"] if c["type"] != "Entity")
    assert {e["property"]: e["label"] for e in data["edges"]}.items() <= shown.items()
    assert "Entity" in {t["name"] for t in f["types"]}  # the untyped node: the interface's word
    differ = {name: (label, expected.get(name, {}).get(lang)) for name, label in shown.items() if label != expected.get(name, {}).get(lang)}
    assert not differ, f"view labels differ from ontology/geopolitics.ttl ({lang}): {differ}"


def test_no_ontology_label_is_copied_into_python():
    import kg.view
    from kg.vocab import CLASSES, MODALITIES

    source = Path(kg.view.__file__).read_text(encoding="utf-8")
    shown = set(RELATIONS) | set(CLASSES) | set(MODALITIES)
    copied = sorted(
        text
        for name, labels in ontology_labels().items()
        if name in shown
        for text in labels.values()
        if text.lower() != name.lower() and f'"{text}"' in source
    )
    assert not copied, f"kg/view.py repeats ontology labels {copied}: read them with kg.vocab.label"


def test_ui_words_cover_every_language_and_family():
    from kg.view import family_label, ui_strings

    assert set(json.loads((Path(__file__).resolve().parents[1] / "kg/data/view/ui.json").read_text(encoding="utf-8"))) == set(LANGS)
    keys = {lang: set(ui_strings(lang)) for lang in LANGS}
    assert keys["en"] == keys["fr"]
    assert all(family_label(f, lang) for f in FAMILIES for lang in LANGS)


def test_graph_labels_win_over_the_ontology():
    g = every_term_graph()
    g.add((GEO.attacks, RDFS.label, Literal("strikes", lang="en")))
    edge = next(e for e in view_data(g)["edges"] if e["property"] == "attacks")
    assert edge["label"] == "strikes"


def test_view_asset_errors_name_the_file(monkeypatch, tmp_path):
    from kg import view
    from kg.errors import DataFileError

    data = view_data(rdflib.Graph())  # labels and interface words read from the real files
    monkeypatch.setattr(view, "_view_file", lambda name: tmp_path / name)
    (tmp_path / "page.html").write_text("<html><script>\n__KG_JS__\n</script></html>\n", encoding="utf-8")
    (tmp_path / "view.css").write_text("", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"view\.js: cannot read this view asset"):
        render_html(data)
    (tmp_path / "view.js").write_text("", encoding="utf-8")
    (tmp_path / "page.html").write_text("<html>\n<title>__KG_TITEL__</title>\n</html>\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"page\.html:2: unknown placeholder __KG_TITEL__"):
        render_html(data)


def test_broken_ui_words_name_the_file_and_line(monkeypatch, tmp_path):
    from kg import view
    from kg.errors import DataFileError

    (tmp_path / "ui.json").write_text('{\n  "en": {"ui": {}, }\n}\n', encoding="utf-8")
    monkeypatch.setattr(view, "_view_file", lambda name: tmp_path / name)
    view._ui_words.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"ui\.json:2: not valid JSON"):
            view.ui_strings("en")
        (tmp_path / "ui.json").write_text('{"en": {"ui": {}, "families": {}, "entity": "Entity"}}\n', encoding="utf-8")
        view._ui_words.cache_clear()
        with pytest.raises(DataFileError, match=r"ui\.json: en\.families lacks conflictual, cooperative, structural"):
            view.ui_strings("en")
        families = {f: f for f in FAMILIES}
        (tmp_path / "ui.json").write_text(json.dumps({"en": {"ui": {}, "families": families, "entity": "Entity"}}), encoding="utf-8")
        view._ui_words.cache_clear()
        with pytest.raises(DataFileError, match=r"ui\.json: needs an object for 'fr'"):
            view.ui_strings("en")
    finally:
        monkeypatch.undo()
        view._ui_words.cache_clear()
