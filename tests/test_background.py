"""Background knowledge kept apart (issue 14): `leads` only for leaders in office at the article's
date, ministers and former leaders lead nothing, gazetteer memberships only in the entities graph and
only between entities the articles involve, no self-loops, every written graph conforms to the shapes
(or the build says which statement it dropped and why)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import rdf
from kg.conformance import check
from kg.gazetteer import default_gazetteer
from kg.iri import article_id, content_hash
from kg.settings import Settings
from kg.types import Article, Entity, Extraction, Relation
from kg.vocab import type_error

GEO = "https://w3id.org/geokg/ontology#"
BASE = "https://w3id.org/geokg/id/"


def extraction(relations: list[Relation], entities: list[Entity]) -> Extraction:
    text = "Le Bénin et le JNIM."
    art = Article(id=article_id(text), text=text, source="test.txt", lang="fr", content_hash=content_hash(text))
    return Extraction(article=art, lang="fr", entities=tuple(entities), relations=tuple(relations))


BJ = Entity("country/BJ", "Country", "Benin", "Bénin")
AQ = Entity("group/al-qaeda", "ArmedGroup", "Al-Qaeda", "Al-Qaïda")
JNIM = Entity("group/jnim", "ArmedGroup", "JNIM", "JNIM")
PUTIN = Entity("person/vladimir-putin", "Person", "Vladimir Putin", "Vladimir Poutine")
RU = Entity("country/RU", "Country", "Russia", "Russie")


def rel(s: str, p: str, o: str, **kw: object) -> Relation:
    return Relation(s, p, o, "Asserted", "Le Bénin et le JNIM.", 0, 20, "test", 0.8, **kw)  # type: ignore[arg-type]


def test_type_errors_follow_the_ontology() -> None:
    assert type_error("affiliatedWith", "Country", "ArmedGroup") is not None
    assert type_error("affiliatedWith", "ArmedGroup", "ArmedGroup") is None
    assert type_error("capitalOf", "Country", "Country") is not None
    assert type_error("locatedIn", "Person", "Country") is not None
    assert type_error("withdrawsFrom", "Country", "Person") is not None
    assert type_error("withdrawsFrom", "Country", "InternationalOrganization") is None


def test_statements_that_break_the_shapes_are_dropped_and_reported() -> None:
    ex = extraction(
        [
            rel("country/BJ", "affiliatedWith", "group/al-qaeda"),  # a country affiliated with a group
            rel("country/RU", "leads", "country/RU"),  # a self-loop (and not a person)
            rel("person/vladimir-putin", "leads", "person/vladimir-putin"),  # a self-loop
            rel("group/jnim", "affiliatedWith", "group/al-qaeda", location="person/vladimir-putin"),  # kept, without its location
        ],
        [BJ, AQ, JNIM, PUTIN, RU],
    )
    written, dropped = check(ex)
    assert [(r.subject, r.predicate, r.object, r.location) for r in written.relations] == [("group/jnim", "affiliatedWith", "group/al-qaeda", None)]
    lines = [str(d) for d in dropped]
    assert lines[0] == "dropped statement <country/BJ affiliatedWith group/al-qaeda> in test.txt: the subject is a Country, affiliatedWith needs an ArmedGroup (rdfs:domain)"
    assert "the same entity" in lines[1] and "the same entity" in lines[2]
    assert lines[3].startswith("dropped the location of statement <group/jnim affiliatedWith group/al-qaeda>")
    # the RDF mapping writes only what conforms, and says what it left out
    triples = rdf.article_triples(ex, Settings())
    preds = {(str(s.value), str(p.value), str(o.value)) for s, p, o in triples}
    assert (BASE + "country/BJ", GEO + "affiliatedWith", BASE + "group/al-qaeda") not in preds
    assert (BASE + "group/jnim", GEO + "affiliatedWith", BASE + "group/al-qaeda") in preds
    assert not any(p == GEO + "location" for _, p, _ in preds)
    assert len(rdf.dropped_statements(ex)) == 4


def test_a_conforming_extraction_is_unchanged() -> None:
    ex = extraction([rel("group/jnim", "affiliatedWith", "group/al-qaeda")], [JNIM, AQ])
    assert check(ex) == (ex, ())


def test_written_graph_conforms_to_the_shapes() -> None:
    from kg.validate import validate

    ex = extraction([rel("country/BJ", "affiliatedWith", "group/al-qaeda"), rel("group/jnim", "affiliatedWith", "group/al-qaeda")], [BJ, AQ, JNIM])
    import rdflib

    g = rdflib.Graph()
    g.parse(data=ox.serialize([ox.Triple(*t) for t in rdf.article_triples(ex, Settings())], format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    report = validate(g)
    assert report.conforms, report.results


# -- the leaders table: terms -------------------------------------------------------------------------


def test_leaders_table_terms() -> None:
    g = default_gazetteer()
    # a head of government in office
    assert g.leads_at("person/sebastien-lecornu", "2025-10-20") == "country/FR"
    # before the term: a person, who leads nothing ("a 2025 prime minister made leader in 2023")
    assert g.leads_at("person/sebastien-lecornu", "2023-05-02") is None
    # an undated article: only a term still running
    assert g.leads_at("person/vladimir-putin", None) == "country/RU"
    # a minister leads nothing, whatever the date
    assert g.leads_at("person/sergey-lavrov", "2024-06-01") is None
    assert g.leads_at("person/sergey-lavrov", None) is None
    # precision of the table's dates: "2023-07-26" holds the day, the article's date may be a month
    assert g.in_office("person/abdourahamane-tiani", "2023-07-26")
    assert not g.in_office("person/abdourahamane-tiani", "2023-07-25")


def test_leaders_table_checks_its_dates(tmp_path: Path) -> None:
    import shutil

    from kg.gazetteer import DATA_DIR, Gazetteer, GazetteerError

    for name in DATA_DIR.iterdir():
        if name.is_file():
            shutil.copy(name, tmp_path / name.name)
    path = tmp_path / "leaders.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\t2023-07-26\t", "\tjuillet 2023\t", 1), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"leaders\.tsv:\d+: start 'juillet 2023' is not an ISO date"):
        Gazetteer(tmp_path)


# -- the entities graph ------------------------------------------------------------------------------


def _pairs(triples: list[rdf.Triple], prop: str) -> set[tuple[str, str]]:
    return {(s.value[len(BASE) :], o.value[len(BASE) :]) for s, p, o in triples if p.value == GEO + prop}


def test_entities_graph_leads_only_heads_in_office_and_what_they_lead() -> None:
    g = default_gazetteer()
    keys = ["person/sergey-lavrov", "person/vladimir-putin", "country/RU", "person/mohamed-hamdan-dagalo", "group/rsf", "country/SD"]
    leads = _pairs(rdf.entities_graph(keys, g, Settings()), "leads")
    assert ("person/vladimir-putin", "country/RU") in leads
    assert ("person/sergey-lavrov", "country/RU") not in leads  # a minister
    assert ("person/mohamed-hamdan-dagalo", "group/rsf") in leads  # what the table says he leads
    assert ("person/mohamed-hamdan-dagalo", "country/SD") not in leads


def test_entities_graph_memberships_only_between_involved_entities() -> None:
    g = default_gazetteer()
    keys = ["country/NE", "country/ML", "org/aes"]
    every = _pairs(rdf.entities_graph(keys, g, Settings()), "memberOf")
    assert {("country/ML", "org/aes"), ("country/NE", "org/aes")} <= every
    # Niger only named in a dateline: no membership of it, though the graph still describes it
    some = rdf.entities_graph(keys, g, Settings(), involved={"country/ML", "org/aes"})
    assert _pairs(some, "memberOf") == {("country/ML", "org/aes")}
    assert any(s.value == BASE + "country/NE" for s, _, _ in some)


# -- end to end: what the text says, against the article's date ---------------------------------------


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from kg.extract import Extractor

    return Extractor()


def _leads(extractor, lang: str, text: str, date: str | None) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date=date, content_hash=content_hash(text))
    ex = extractor(art)
    return {(r.subject, r.object) for r in ex.relations if r.predicate == "leads"}


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "L'ancien président Mohamed Bazoum est toujours détenu à Niamey."),
        ("en", "Former President Mohamed Bazoum is still detained in Niamey."),
        ("fr", "L'ex-président nigérien Mohamed Bazoum est toujours détenu."),
        ("en", "The outgoing prime minister, Ali Lamine Zeine, left Niamey on Monday."),
    ],
)
def test_a_former_title_leads_nothing(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _leads(extractor, lang, text, "2025-06-02") == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a critiqué l'Union européenne."),
        ("en", "Russian Foreign Minister Sergey Lavrov criticised the European Union."),
    ],
)
def test_a_minister_leads_nothing(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _leads(extractor, lang, text, "2025-06-02") == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le Premier ministre français Sébastien Lecornu a reçu le président ivoirien."),
        ("en", "French Prime Minister Sébastien Lecornu received the Ivorian president."),
    ],
)
def test_the_text_title_leads_whatever_the_date(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A title the text gives with what it is of makes a leader; the table's dates do not overrule the text."""
    assert ("person/sebastien-lecornu", "country/FR") in _leads(extractor, lang, text, "2025-10-20")


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le Premier ministre Sébastien Lecornu a reçu lundi l'ambassadeur d'Algérie."),
        ("en", "Prime Minister Sébastien Lecornu received the Algerian ambassador on Monday."),
    ],
)
def test_the_table_leads_only_within_the_term(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A title without what it is of: the leaders table says what is led, only within the term."""
    assert ("person/sebastien-lecornu", "country/FR") in _leads(extractor, lang, text, "2025-10-20")
    assert _leads(extractor, lang, text, "2023-05-02") == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "lang, text, linked",
    [
        ("fr", "Sous pression djihadiste, la junte a rompu avec Moscou.", False),
        ("en", "Under jihadist pressure, the junta broke with Moscow.", False),
        ("fr", "Les attaques djihadistes se multiplient dans la région de Tillabéri.", True),
        ("en", "The jihadist attacks in the Tillabéri region killed ten soldiers.", True),
    ],
)
def test_an_adjective_is_an_actor_only_on_an_actor_or_event_noun(extractor, lang: str, text: str, linked: bool) -> None:  # type: ignore[no-untyped-def]
    """"djihadiste" on "pression" is a qualifier; on "attaques" it names who attacks."""
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date="2025-03-03", content_hash=content_hash(text))
    ex = extractor(art)
    assert ("group/jihadist-groups" in {e.key for e in ex.entities}) is linked
