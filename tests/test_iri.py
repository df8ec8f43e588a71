"""Every IRI comes from kg/iri.py, and the RDF code speaks pyoxigraph (rdflib only at one boundary)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg import iri
from kg.errors import DataFileError
from kg.rdf import as_store, load_rdf, to_oxigraph

KG = Path(__file__).resolve().parents[1] / "kg"
BASES = [iri.DEFAULT_BASE, "https://example.org/kg/", "http://localhost:8080/data/"]  # a base ends with "/"


@pytest.mark.parametrize("base", BASES)
def test_minted_iris_round_trip(base):
    art = iri.article_iri("0123456789abcdef", base=base)
    assert iri.base_of(art) == base
    assert iri.base_of(iri.entities_graph_iri(base=base)) == base
    assert iri.entity_key(iri.entity_iri("country/NE", base=base), base=base) == "country/NE"
    assert iri.entity_key(art, base=base) is None
    assert iri.entity_key(iri.statement_iri("0" * 20, base=base), base=base) is None
    assert iri.entity_key("https://elsewhere.org/country/NE", base=base) is None


def test_ontology_and_reference_iris():
    assert iri.geo_name(iri.geo("Statement")) == "Statement"
    assert iri.geo_name(iri.RDF_TYPE) is None
    assert iri.geonames_iri(2440476) == "https://sws.geonames.org/2440476/"
    assert iri.is_geonames(iri.geonames_iri(2440476)) and not iri.is_geonames(iri.wikidata_iri("Q1032"))
    assert iri.is_wikidata(iri.wikidata_iri("Q1032"))
    pfx = iri.prefixes("https://example.org/kg/")
    assert pfx["id"] == "https://example.org/kg/" and pfx["country"] == "https://example.org/kg/country/"
    assert pfx["geo"] == iri.ONTOLOGY_NS


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """String literals of a module (f-string parts included), docstrings excepted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


IRI_TEXT = re.compile(r"w3id\.org|www\.w3\.org|geonames\.org|wikidata\.org|\barticle/|\bstatement/|graph/entities|ontology#")


def test_iris_are_built_only_in_kg_iri():
    found = [
        f"{path.relative_to(KG.parent)}:{line}: {text[:80]!r}"
        for path in sorted(KG.rglob("*.py"))
        if path.name != "iri.py"
        for line, text in _string_constants(path)
        if IRI_TEXT.search(text)
    ]
    assert not found, "IRIs written outside kg/iri.py (use its functions):\n" + "\n".join(found)


def test_building_and_drawing_never_import_rdflib():
    code = (
        "import sys, kg.build, kg.cli, kg.export, kg.network, kg.query, kg.rdf, kg.store, kg.view; "
        "print(sorted(m for m in sys.modules if m == 'rdflib' or m.startswith('rdflib.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---- the one boundary: rdflib terms in, pyoxigraph terms out ----


def test_to_oxigraph_keeps_every_kind_of_term():
    bnodes: dict = {}
    b = rdflib.BNode()
    assert to_oxigraph(rdflib.URIRef("https://example.org/a")) == ox.NamedNode("https://example.org/a")
    assert to_oxigraph(b, bnodes) is to_oxigraph(b, bnodes)
    assert to_oxigraph(rdflib.Literal("Niger", lang="fr")) == ox.Literal("Niger", language="fr")
    assert to_oxigraph(rdflib.Literal("2025-03", datatype=rdflib.XSD.gYearMonth)) == ox.Literal(
        "2025-03", datatype=ox.NamedNode(iri.XSD_NS + "gYearMonth")
    )
    assert to_oxigraph(rdflib.Literal("plain")) == ox.Literal("plain")
    term = ox.Literal("x")
    assert to_oxigraph(term) is term


def test_as_store_merges_the_graphs_of_a_dataset():
    ds = rdflib.Dataset()
    a, b = ds.graph(rdflib.URIRef("https://example.org/g1")), ds.graph(rdflib.URIRef("https://example.org/g2"))
    triple = (rdflib.URIRef("https://example.org/s"), rdflib.RDFS.label, rdflib.Literal("s", lang="en"))
    a.add(triple)
    b.add(triple)
    b.add((triple[0], rdflib.RDF.type, rdflib.URIRef(iri.geo("Country"))))
    store = as_store(ds)
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 2
    assert as_store(store) is store


def test_load_rdf_merges_named_graphs_and_names_bad_files(tmp_path):
    trig = tmp_path / "g.trig"
    trig.write_text("<https://e.org/g> { <https://e.org/s> <https://e.org/p> <https://e.org/o> . }\n", encoding="utf-8")
    store = load_rdf(trig)
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 1
    bad = tmp_path / "bad.ttl"
    bad.write_text('<https://e.org/s> <https://e.org/p> "ok" .\n<https://e.org/s> <https://e.org/p> "unterminated .\n')
    with pytest.raises(DataFileError, match=r"bad\.ttl:2: not valid Turtle") as e:
        load_rdf(bad)
    assert e.value.line == 2
    with pytest.raises(DataFileError, match=r"unknown RDF format '\.csv'"):
        load_rdf(tmp_path / "x.csv")


def test_a_literal_subject_or_predicate_is_refused(tmp_path):
    from kg.errors import KGError, StoreError
    from kg.rdf import stored_triple
    from kg.store import GraphStore

    s, p = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    assert stored_triple(ox.Quad(s, p, ox.Literal("o"), ox.DefaultGraph())) == (s, p, ox.Literal("o"))
    with pytest.raises(KGError, match="not an RDF triple"):
        stored_triple((ox.Literal("s"), p, s))
    with pytest.raises(KGError, match="not an RDF triple"):
        stored_triple((s, ox.BlankNode(), s))
    with GraphStore.open(tmp_path) as store, pytest.raises(StoreError, match="cannot store it: not an RDF triple"):
        store.replace_article(iri.article_iri("x"), [(rdflib.Literal("s"), rdflib.RDFS.label, rdflib.Literal("o"))])
