"""End to end on the seed article: the model case of DESIGN.md, with the real French model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Namespace, URIRef

from kg.build import build
from kg.validate import validate

ROOT = Path(__file__).resolve().parents[1]
GEO = Namespace("https://w3id.org/geokg/ontology#")
ID = Namespace("https://w3id.org/geokg/id/")
NIGER, RUSSIA, TURKEY = ID["country/NE"], ID["country/RU"], ID["country/TR"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    seeds = out / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    report = build([seeds], out / "out", view=True)
    assert report.articles == 1, report.summary()
    return out / "out"


@pytest.fixture(scope="module")
def graph(seed_build: Path) -> Graph:
    g = Graph()
    g.parse(seed_build / "graph.ttl", format="turtle")
    return g


def statements(g: Graph, s: URIRef, p: URIRef, o: URIRef) -> list[URIRef]:
    return [st for st in g.subjects(RDF.type, GEO.Statement) if (st, RDF.subject, s) in g and (st, RDF.predicate, p) in g and (st, RDF.object, o) in g]


def test_outputs_written(seed_build: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.html", "merges.json"):
        assert (seed_build / name).stat().st_size > 0, name


@pytest.mark.parametrize("partner", [RUSSIA, TURKEY], ids=["Russia", "Turkey"])
def test_niger_ends_intelligence_cooperation(graph: Graph, partner: URIRef) -> None:
    assert (NIGER, GEO.endsCooperationWith, partner) in graph
    sts = statements(graph, NIGER, GEO.endsCooperationWith, partner)
    assert sts, "no statement behind the fact"
    modalities = {graph.value(st, GEO.modality) for st in sts}
    assert GEO.Reported in modalities
    domains = {str(graph.value(st, GEO.domain)) for st in sts}
    assert "intelligence" in domains
    for st in sts:
        evidence = graph.value(st, GEO.evidence)
        assert evidence is not None and evidence.language == "fr"
        assert "Russie" in evidence or "Moscou" in evidence or "collaborations" in evidence


def test_tiani_leads_niger(graph: Graph) -> None:
    leaders = [s for s in graph.subjects(GEO.leads, NIGER) if (s, RDF.type, GEO.Person) in graph]
    labels = {str(lab) for s in leaders for lab in graph.objects(s, RDFS.label)}
    assert "Abdourahamane Tiani" in labels


def test_countries_linked_to_geonames(graph: Graph) -> None:
    from rdflib import OWL

    assert (NIGER, OWL.sameAs, URIRef("https://sws.geonames.org/2440476/")) in graph
    assert (RUSSIA, OWL.sameAs, URIRef("https://sws.geonames.org/2017370/")) in graph
    assert (TURKEY, OWL.sameAs, URIRef("https://sws.geonames.org/298795/")) in graph


def test_no_boilerplate_or_noise_entity(graph: Graph) -> None:
    labels = {str(o).lower() for o in graph.objects(None, RDFS.label)} | {str(o).lower() for o in graph.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    for noise in ("votre pub ici", "pub", "état", "d'ankara", "de diffa"):
        assert noise not in labels, noise


def test_hedged_spillover_is_not_a_fact(graph: Graph) -> None:
    """"risque accru de débordement vers ... le Bénin" must not become a plain fact."""
    from kg.vocab import RELATIONS

    benin = ID["country/BJ"]
    relation_props = {GEO[p] for p in RELATIONS}
    assert not [t for t in graph.triples((None, None, benin)) if t[1] in relation_props]
    for st in graph.subjects(RDF.object, benin):
        assert graph.value(st, GEO.modality) in (GEO.Hedged, GEO.Negated)


def test_places_in_niger(graph: Graph) -> None:
    for name in ("Tillabéri", "Diffa"):
        nodes = [s for s in graph.subjects(RDFS.label, None) if any(name in str(lab) for lab in graph.objects(s, RDFS.label))]
        assert nodes, name
        assert any((n, GEO.locatedIn, NIGER) in graph for n in nodes), name


def test_seed_build_conforms_to_shapes(seed_build: Path) -> None:
    ds = Dataset(default_union=True)
    ds.parse(seed_build / "graph.trig", format="trig")
    report = validate(ds)
    assert report.conforms, report.text


def test_rebuild_is_isomorphic(seed_build: Path, tmp_path: Path) -> None:
    from rdflib.compare import isomorphic

    first = Graph().parse(seed_build / "graph.ttl", format="turtle")
    report = build([seed_build.parent / "seeds"], seed_build, view=False)
    assert report.articles == 1
    second = Graph().parse(seed_build / "graph.ttl", format="turtle")
    assert isomorphic(first, second)
