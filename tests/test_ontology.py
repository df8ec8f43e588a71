"""The ontology, the closed vocabulary in kg/vocab.py and the SHACL shapes agree."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SH

from kg import ontology_dir, vocab
from kg.validate import validate

GEO = Namespace(vocab.ONTOLOGY_NS)
WDT = Namespace("http://www.wikidata.org/prop/direct/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # open namespace: the closed one warns under pytest collection
ID = Namespace(vocab.DEFAULT_BASE)
DEFINITIONS = (SKOS.definition, RDFS.comment)


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_dir() / "geopolitics.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def local_names(graph: rdflib.Graph, rdf_type: URIRef) -> set[str]:
    return {str(s)[len(GEO) :] for s in graph.subjects(RDF.type, rdf_type) if str(s).startswith(str(GEO))}


def test_ontology_parses_and_has_a_header(onto):
    (header,) = onto.subjects(RDF.type, OWL.Ontology)
    assert {lit.language for lit in onto.objects(header, RDFS.label)} == {"en", "fr"}
    assert {lit.language for lit in onto.objects(header, RDFS.comment)} == {"en", "fr"}
    assert onto.value(header, OWL.versionInfo) is not None


# ---- the closed vocabulary and the ontology match exactly, both ways ----


def test_classes_match(onto):
    assert local_names(onto, OWL.Class) == set(vocab.CLASSES) | {"Modality"}


def test_superclasses_match(onto):
    for name, parent in vocab.CLASSES.items():
        expected = {parent} - {None} | set(vocab.EXTRA_SUPERCLASSES.get(name, ()))
        found = {str(o)[len(GEO) :] for o in onto.objects(GEO[name], RDFS.subClassOf)}
        assert found == expected, name


def test_relation_properties_match(onto):
    object_properties = local_names(onto, OWL.ObjectProperty)
    statement_objects = {"modality", "location", "attributedTo"}
    assert object_properties - statement_objects == set(vocab.RELATIONS)
    assert statement_objects <= object_properties


@pytest.mark.parametrize("name", sorted(vocab.RELATIONS))
def test_relation_domain_range_and_symmetry(onto, name):
    term = vocab.RELATIONS[name]
    assert set(onto.objects(GEO[name], RDFS.domain)) == {GEO[term.domain]}
    assert set(onto.objects(GEO[name], RDFS.range)) == ({GEO[term.range]} if term.range else set())
    assert ((GEO[name], RDF.type, OWL.SymmetricProperty) in onto) == term.symmetric


def test_statement_and_article_properties_match(onto):
    declared = local_names(onto, OWL.DatatypeProperty) | local_names(onto, OWL.ObjectProperty)
    expected = set(vocab.STATEMENT_PROPERTIES) | set(vocab.ARTICLE_PROPERTIES)
    assert declared - set(vocab.RELATIONS) == expected


def test_modality_individuals_match(onto):
    assert local_names(onto, GEO.Modality) == set(vocab.MODALITIES)


def test_annotation_properties(onto):
    assert local_names(onto, OWL.AnnotationProperty) == {"cameoCode", "ploverCategory", "family"}


# ---- labels and definitions in both languages ----


def declared_terms(graph: rdflib.Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, GEO.Modality)
    return sorted({s for k in kinds for s in graph.subjects(RDF.type, k) if isinstance(s, URIRef)})


def test_every_term_has_labels_and_definitions_in_en_and_fr(onto):
    terms = declared_terms(onto)
    assert len(terms) > 40
    missing = []
    for term in terms:
        labels = {lit.language for lit in onto.objects(term, RDFS.label)}
        definitions = {lit.language for p in DEFINITIONS for lit in onto.objects(term, p)}
        if not {"en", "fr"} <= labels or not {"en", "fr"} <= definitions:
            missing.append(f"{term}: labels {sorted(labels)}, definitions {sorted(definitions)}")
    assert not missing, "\n".join(missing)


# ---- relation annotations ----


@pytest.mark.parametrize("name", sorted(vocab.RELATIONS))
def test_relation_annotations_match_vocab(onto, name):
    term = vocab.RELATIONS[name]
    p = GEO[name]
    cameo = {str(o) for o in onto.objects(p, GEO.cameoCode)}
    plover = {str(o) for o in onto.objects(p, GEO.ploverCategory)}
    wikidata = {str(o)[len(WDT) :] for m in (SKOS.exactMatch, SKOS.closeMatch) for o in onto.objects(p, m)}
    assert cameo or wikidata, f"{name} has neither a CAMEO code nor a Wikidata alignment"
    assert cameo == set(term.cameo)
    assert plover == set(term.plover)
    assert wikidata == set(term.wikidata)
    assert [str(o) for o in onto.objects(p, GEO.family)] == [term.family]
    assert term.family in vocab.FAMILIES


# ---- the shapes cover the vocabulary ----


def test_shapes_cover_every_relation(shapes):
    targeted = {str(o)[len(GEO) :] for o in shapes.objects(None, SH.targetSubjectsOf)}
    assert targeted == set(vocab.RELATIONS)
    for name, term in vocab.RELATIONS.items():
        (shape,) = shapes.subjects(SH.targetSubjectsOf, GEO[name])
        assert shapes.value(shape, SH["class"]) == GEO[term.domain]
        (prop,) = shapes.objects(shape, SH.property)
        assert shapes.value(prop, SH.path) == GEO[name]
        assert shapes.value(prop, SH["class"]) == (GEO[term.range] if term.range else None)


def shape_in_list(shapes: rdflib.Graph, path: URIRef) -> set:
    (prop,) = (p for p in shapes.subjects(SH.path, path) if shapes.value(p, SH["in"]) is not None)
    return set(rdflib.collection.Collection(shapes, shapes.value(prop, SH["in"])))


def test_shapes_closed_lists_match_vocab(shapes):
    assert shape_in_list(shapes, RDF.predicate) == {GEO[n] for n in vocab.RELATIONS}
    assert shape_in_list(shapes, GEO.modality) == {GEO[m] for m in vocab.MODALITIES}
    assert {str(v) for v in shape_in_list(shapes, GEO.domain)} == set(vocab.DOMAINS)


# ---- validation: one good graph, many broken ones ----

ARTICLE = ID["article/0123456789abcdef"]
NIGER, RUSSIA, TIANI = ID["country/NE"], ID["country/RU"], ID["person/abdourahamane-tiani"]
TILLABERI = ID["region/tillaberi"]
STATEMENT = ID["statement/00000000000000000001"]
SENTENCE = (
    "Le Niger a mis fin à sa coopération en matière de renseignement avec la Russie, selon des sources sécuritaires."
)


def valid_graph() -> rdflib.Graph:
    """An article graph in the exact shape of docs/ARCHITECTURE.md."""
    g = rdflib.Graph()
    g.bind("geo", GEO)
    g.add((ARTICLE, RDF.type, GEO.Article))
    g.add((ARTICLE, GEO.contentHash, Literal("ab" * 32)))
    g.add((ARTICLE, GEO.language, Literal("fr")))
    g.add((ARTICLE, GEO.fileName, Literal("000_cdbfd6dc458ff73a.txt")))
    g.add((ARTICLE, GEO.title, Literal("Le Niger rompt avec Moscou et Ankara", lang="fr")))
    g.add((ARTICLE, GEO.url, Literal("https://example.org/niger", datatype=XSD.anyURI)))
    g.add((ARTICLE, GEO.date, Literal("2025-03-14", datatype=XSD.date)))
    g.add((ARTICLE, GEO.publisher, Literal("Example")))
    for node, rdf_type, en, fr, alt in (
        (NIGER, GEO.Country, "Niger", "Niger", "nigérien"),
        (RUSSIA, GEO.Country, "Russia", "Russie", "Moscou"),
        (TIANI, GEO.Person, "Abdourahamane Tiani", "Abdourahamane Tiani", "le général Tiani"),
        (TILLABERI, GEO.Region, "Tillabéri", "Tillabéri", "Tillabéri"),
    ):
        g.add((node, RDF.type, rdf_type))
        g.add((node, RDFS.label, Literal(en, lang="en")))
        g.add((node, RDFS.label, Literal(fr, lang="fr")))
        g.add((node, SKOS.altLabel, Literal(alt, lang="fr")))
    g.add((NIGER, OWL.sameAs, URIRef("https://sws.geonames.org/2440476/")))
    g.add((TILLABERI, GEO.locatedIn, NIGER))
    g.add((TIANI, GEO.leads, NIGER))
    g.add((STATEMENT, RDF.type, GEO.Statement))
    g.add((STATEMENT, RDF.subject, NIGER))
    g.add((STATEMENT, RDF.predicate, GEO.endsCooperationWith))
    g.add((STATEMENT, RDF.object, RUSSIA))
    g.add((STATEMENT, GEO.modality, GEO.Reported))
    g.add((STATEMENT, GEO.domain, Literal("intelligence")))
    g.add((STATEMENT, GEO.date, Literal("2025-03", datatype=XSD.gYearMonth)))
    g.add((STATEMENT, GEO.location, TILLABERI))
    g.add((STATEMENT, GEO.attributedText, Literal("des sources sécuritaires", lang="fr")))
    g.add((STATEMENT, GEO.trigger, Literal("mis fin à sa coopération", lang="fr")))
    g.add((STATEMENT, GEO.evidence, Literal(SENTENCE, lang="fr")))
    g.add((STATEMENT, GEO.startOffset, Literal(0)))
    g.add((STATEMENT, GEO.endOffset, Literal(len(SENTENCE))))
    g.add((STATEMENT, GEO.confidence, Literal("0.8", datatype=XSD.decimal)))
    g.add((STATEMENT, GEO.rule, Literal("fr:verb-object")))
    g.add((STATEMENT, PROV.wasDerivedFrom, ARTICLE))
    g.add((NIGER, GEO.endsCooperationWith, RUSSIA))  # the direct triple (modality Reported)
    return g


def test_valid_graph_conforms():
    report = validate(valid_graph())
    assert report.conforms, report.text
    assert report.results == ()


def test_hedged_statement_without_direct_triple_conforms():
    g = valid_graph()
    g.remove((NIGER, GEO.endsCooperationWith, RUSSIA))
    g.set((STATEMENT, GEO.modality, GEO.Hedged))
    report = validate(g)
    assert report.conforms, report.text


def test_validate_does_not_modify_the_graph():
    g = valid_graph()
    before = len(g)
    validate(g)
    assert len(g) == before


def _drop(*triples):
    def edit(g):
        for t in triples:
            g.remove(t)

    return edit


def _set(s, p, o):
    return lambda g: g.set((s, p, o))


def _add(*triples):
    def edit(g):
        for t in triples:
            g.add(t)

    return edit


BROKEN = {
    "statement without evidence": _drop((STATEMENT, GEO.evidence, None)),
    "evidence without language tag": _set(STATEMENT, GEO.evidence, Literal(SENTENCE)),
    "leads with a Country as subject": _add((NIGER, GEO.leads, RUSSIA)),
    "hedged leads with a Country as subject": _add(
        (ID["statement/2"], RDF.type, GEO.Statement),
        (ID["statement/2"], RDF.subject, NIGER),
        (ID["statement/2"], RDF.predicate, GEO.leads),
        (ID["statement/2"], RDF.object, RUSSIA),
        (ID["statement/2"], GEO.modality, GEO.Hedged),
        (ID["statement/2"], GEO.evidence, Literal("...", lang="fr")),
        (ID["statement/2"], PROV.wasDerivedFrom, ARTICLE),
    ),
    "memberOf a Country": _add((NIGER, GEO.memberOf, RUSSIA)),
    "withdrawsFrom a Person": _add((RUSSIA, GEO.withdrawsFrom, TIANI)),
    "capitalOf with a Region as subject": _add((TILLABERI, GEO.capitalOf, NIGER)),
    "entity without label": _drop((RUSSIA, RDFS.label, None)),
    "entity with a plain label only": _add(
        (ID["country/TR"], RDF.type, GEO.Country), (ID["country/TR"], RDFS.label, Literal("Turkey"))
    ),
    "unknown modality": _set(STATEMENT, GEO.modality, GEO.Rumoured),
    "two modalities": _add((STATEMENT, GEO.modality, GEO.Asserted)),
    "predicate not a relation property": _set(STATEMENT, RDF.predicate, RDFS.label),
    "predicate a misspelt relation": _set(STATEMENT, RDF.predicate, GEO.endsCoopWith),
    "statement without subject": _drop((STATEMENT, RDF.subject, None)),
    "statement with two objects": _add((STATEMENT, RDF.object, TIANI)),
    "statement without source article": _drop((STATEMENT, PROV.wasDerivedFrom, None)),
    "statement derived from a non-article": _set(STATEMENT, PROV.wasDerivedFrom, URIRef("https://example.org/x")),
    "reported statement without direct triple": _drop((NIGER, GEO.endsCooperationWith, RUSSIA)),
    "confidence above 1": _set(STATEMENT, GEO.confidence, Literal("1.5", datatype=XSD.decimal)),
    "confidence as a string": _set(STATEMENT, GEO.confidence, Literal("0.5")),
    "negative offset": _set(STATEMENT, GEO.startOffset, Literal(-1)),
    "end before start": _set(STATEMENT, GEO.startOffset, Literal(len(SENTENCE) + 5)),
    "unknown domain": _set(STATEMENT, GEO.domain, Literal("spying")),
    "date as a plain string": _set(STATEMENT, GEO.date, Literal("mars 2025")),
    "location not a place": _set(STATEMENT, GEO.location, TIANI),
    "article without content hash": _drop((ARTICLE, GEO.contentHash, None)),
    "article with two languages": _add((ARTICLE, GEO.language, Literal("en"))),
    "article without language": _drop((ARTICLE, GEO.language, None)),
    "Country also typed Person": _add((NIGER, RDF.type, GEO.Person)),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_graph_does_not_conform(case):
    g = valid_graph()
    BROKEN[case](g)
    report = validate(g)
    assert not report.conforms, case
    assert report.results


def test_a_broken_ontology_file_is_named_with_its_line(tmp_path, monkeypatch):
    from kg.errors import DataFileError

    (tmp_path / "geopolitics.ttl").write_text(
        '@prefix geo: <https://w3id.org/geokg/ontology#> .\ngeo:a geo:b "c" .\ngeo:a geo:b "unterminated .\n', encoding="utf-8"
    )
    monkeypatch.setattr(vocab, "ontology_dir", lambda: tmp_path)
    vocab._ontology_facts.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"geopolitics\.ttl:3: not valid Turtle") as e:
            vocab.label("Country", "en")
        assert e.value.line == 3
    finally:
        monkeypatch.undo()
        vocab._ontology_facts.cache_clear()
    assert vocab.label("Country", "fr") == "Pays"


def test_labels_and_annotations_come_from_the_ontology(onto):
    for name in sorted(set(vocab.RELATIONS) | set(vocab.CLASSES) | set(vocab.MODALITIES)):
        for lang in ("en", "fr"):
            (expected,) = [str(lit) for lit in onto.objects(GEO[name], RDFS.label) if lit.language == lang]
            assert vocab.label(name, lang) == expected
    assert vocab.prop("supports").plover == ("SUPPORT", "AID")  # file order
    with pytest.raises(vocab.VocabularyError, match="no rdfs:label in 'de'"):
        vocab.label("Country", "de")


def test_a_file_validate_cannot_parse_is_named_with_its_line(tmp_path, capsys):
    from kg.cli import main
    from kg.errors import DataFileError
    from kg.validate import parse

    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix a: <http://x/> .\na:b a:c a:d .\na:b a:c "unterminated .\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.ttl:3: not valid turtle"):
        parse(bad)
    assert main(["validate", str(bad)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {bad}:3: not valid turtle")
    good = tmp_path / "good.ttl"
    valid_graph().serialize(good, format="turtle")
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "conforms"


def test_cooperative_family_is_the_cooperative_relations():
    cooperative = {name for name, term in vocab.RELATIONS.items() if term.family == "cooperative"}
    assert set(vocab.COOPERATIVE_FAMILY) == cooperative
