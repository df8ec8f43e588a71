"""Gazetteer breadth in linking (issue 14): regions of every country, capitals after relational
prepositions, demonym nouns before names, officials with a title and a demonym, collective actors,
companies. Parametrised over language; the sentences are made up, the actors and places real."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.clean import clean
from kg.gazetteer import default_gazetteer
from kg.link import Linked, Linker
from kg.nlp import load_pipeline
from kg.settings import Settings


@pytest.fixture(scope="module")
def link():  # type: ignore[no-untyped-def]
    settings = Settings()
    gaz = default_gazetteer()
    linkers = {lang: Linker(gaz, lang) for lang in ("fr", "en")}

    def run(lang: str, text: str, date: str | None = "2025-06-01") -> tuple[Doc, Linked]:
        doc = load_pipeline(lang, settings)(clean(text, lang=lang))
        return doc, linkers[lang](doc, date=date)

    return run


def linked_text(linked: Linked, text: str) -> str | None:
    """Entity key of the mention whose text contains `text`."""
    hits = [m.entity for m in linked.mentions if text in m.text]
    return hits[0] if hits else None


# -- regions of every country ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, surface, expected",
    [
        ("fr", "Des hommes armés ont attaqué un poste de police dans l'État de Zamfara, dans le nord-ouest du Nigeria.", "Zamfara", "region/NG-zamfara"),
        ("en", "Gunmen attacked a police post in Zamfara State, in north-western Nigeria, on Tuesday.", "Zamfara", "region/NG-zamfara"),
        ("fr", "L'armée a repris plusieurs villages dans la province du Loroum, selon l'état-major.", "Loroum", "region/BF-loroum"),
        ("en", "The army retook several villages in Loroum Province, the general staff said.", "Loroum", "region/BF-loroum"),
        ("fr", "Des frappes ont visé le gouvernorat d'Idlib, dans le nord-ouest de la Syrie.", "Idlib", "region/SY-idlib"),
        ("en", "Air strikes hit Idlib Governorate in north-western Syria overnight.", "Idlib", "region/SY-idlib"),
        ("fr", "Les shebab ont pris une localité de la région de Hiiraan, dans le centre de la Somalie.", "Hiiraan", "region/SO-hiiraan"),
        ("en", "Al-Shabaab fighters seized a town in Somalia's Hiiraan region on Monday.", "Hiiraan", "region/SO-hiiraan"),
        ("fr", "Un drone ukrainien a frappé une raffinerie dans la région de Samara, selon le gouverneur.", "Samara", "region/RU-samara"),
        ("en", "A Ukrainian drone struck a refinery in the Samara region, the governor said.", "Samara", "region/RU-samara"),
        ("en", "Fighting flared again in Paktika province near the Pakistani border.", "Paktika", "region/AF-paktika"),
        ("fr", "Les combats ont repris dans la province de Paktika, près de la frontière pakistanaise.", "Paktika", "region/AF-paktika"),
        ("en", "Insurgents ambushed a convoy in Lower Shabelle, south of Mogadishu.", "Lower Shabelle", "region/SO-shabeellaha-hoose"),
    ],
)
def test_regions_of_every_country(link, lang: str, sentence: str, surface: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked_text(linked, surface) == expected


def test_region_is_located_in_its_country() -> None:
    gaz = default_gazetteer()
    for key, country in (("region/NG-zamfara", "country/NG"), ("region/SO-hiiraan", "country/SO"), ("region/AF-paktika", "country/AF")):
        assert gaz.get(key).parent == country  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "lang, sentence, surface, absent",
    [
        # common words and names of several places are no regions alone
        ("en", "Iranian officials warned Gulf states against hosting US forces.", "Gulf", "region/"),
        ("fr", "Le Centre a voté contre le texte, selon plusieurs élus.", "Centre", "region/"),
        # a region's name inside a person's name
        ("en", "Vladimir Putin met the Kazakh president in Moscow.", "Vladimir", "region/"),
    ],
)
def test_region_names_that_are_not_regions(link, lang: str, sentence: str, surface: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    key = linked_text(linked, surface)
    assert key is None or not key.startswith(absent)


# -- capitals after the preposition of a relation ------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, surface, expected",
    [
        ("fr", "Faute d'alternative, le Venezuela a choisi de se tourner vers Moscou pour moderniser son armée.", "Moscou", "country/RU"),
        ("en", "With Western lenders gone, Manila may have to turn to Beijing for investment.", "Beijing", "country/CN"),
        ("en", "Seoul faces growing pressure from Washington over the cost of US troops.", "Washington", "country/US"),
        ("en", "The deal drew sharp criticism from Tehran on Friday.", "Tehran", "country/IR"),
        ("en", "Budapest has moved closer to Beijing in recent years.", "Beijing", "country/CN"),
        ("fr", "Kiev attend davantage d'aide de la part de Berlin.", "Berlin", "country/DE"),
        ("fr", "Le secrétaire d'État a réaffirmé le soutien de Washington à Taïwan.", "Washington", "country/US"),
        # places stay places
        ("fr", "Le ministre s'est rendu à Moscou mardi pour deux jours.", "Moscou", "city/524901"),
        ("en", "The delegations flew from Moscow to Beijing on Sunday.", "Moscow", "city/524901"),
        ("en", "The talks in Washington ended without a deal.", "Washington", "city/4140963"),
    ],
)
def test_capital_after_relation_preposition_is_the_country(link, lang: str, sentence: str, surface: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked_text(linked, surface) == expected


# -- demonym nouns before a name, officials with a title and a demonym --------------------------------


def person_country(linked: Linked, text: str) -> str | None:
    key = linked_text(linked, text)
    assert key is not None and key.startswith("person/"), f"{text!r} is not a person: {key}"
    return linked.entities[key].country


@pytest.mark.parametrize(
    "lang, sentence, name, country",
    [
        ("fr", "Le président a reçu le Rwandais Jean-Paul Habimana, un homme d'affaires influent.", "Habimana", "country/RW"),
        ("fr", "Le Malien Oumar Diarra a été arrêté samedi à Dakar.", "Oumar Diarra", "country/ML"),
        ("en", "The Frenchman Louis Arnaud was released after two years in detention.", "Louis Arnaud", "country/FR"),
        ("en", "The court sentenced the Iranian Ahmad Reza Djalali to death.", "Ahmad Reza Djalali", "country/IR"),
    ],
)
def test_demonym_noun_before_a_name_gives_the_country(link, lang: str, sentence: str, name: str, country: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert person_country(linked, name) == country


@pytest.mark.parametrize(
    "lang, sentence, name, country, surname",
    [
        ("fr", "Le vice-ministre russe de la Défense, Iounous-Bek Evkourov, a été reçu à Benghazi. Evkourov a ensuite quitté la ville.", "Iounous-Bek Evkourov", "country/RU", "Evkourov"),
        ("fr", "La vice-ministre ukrainienne des Affaires étrangères, Iryna Borovets, a dénoncé l'attaque.", "Iryna Borovets", "country/UA", None),
        ("en", "Iran's deputy foreign minister Kazem Gharibabadi held talks in Geneva. Gharibabadi said the talks were useful.", "Kazem Gharibabadi", "country/IR", "Gharibabadi"),
        ("en", "Nigeria's junior minister Adamu Kwara Bello visited the camp on Monday.", "Adamu Kwara Bello", "country/NG", None),
    ],
)
def test_official_with_title_and_demonym(link, lang: str, sentence: str, name: str, country: str, surname: str | None) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    key = linked_text(linked, name)
    assert person_country(linked, name) == country
    assert key not in linked.leaders  # a deputy minister leads nothing
    if surname:
        assert [m.entity for m in linked.mentions if m.text == surname] == [key]


# -- companies and non-state organisations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, surface, expected, type_",
    [
        ("fr", "Pékin a annoncé des sanctions contre plusieurs groupes américains, dont Lockheed Martin et Raytheon.", "Lockheed Martin", "org/lockheed-martin", "Organization"),
        ("en", "Beijing sanctioned several US defence firms, including Lockheed Martin and Raytheon.", "Raytheon", "org/raytheon", "Organization"),
        ("fr", "Le gouvernement a signé un accord avec Rosatom pour construire une centrale.", "Rosatom", "org/rosatom", "Organization"),
        ("en", "Algeria's Sonatrach signed a long-term gas deal with TotalEnergies.", "Sonatrach", "org/sonatrach", "Organization"),
        ("en", "Washington added Huawei to its export blacklist.", "Huawei", "org/huawei", "Organization"),
        ("fr", "L'Agence internationale de l'énergie atomique a inspecté le site.", "Agence internationale", "org/iaea", "InternationalOrganization"),
    ],
)
def test_companies_are_typed_organisations(link, lang: str, sentence: str, surface: str, expected: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    key = linked_text(linked, surface)
    assert key == expected
    assert linked.entities[key].type == type_


def test_company_has_its_country() -> None:
    gaz = default_gazetteer()
    assert gaz.country_of("org/rosatom") == "country/RU"
    assert gaz.country_of("org/un") is None


# -- collective actors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, noun, key, type_, label_en",
    [
        ("fr", "Des manifestants druzes ont bloqué la route pendant deux jours.", "manifestants", "org/druze-protesters", "Organization", "Druze protesters"),
        ("en", "Druze protesters blocked the road for two days.", "protesters", "org/druze-protesters", "Organization", "Druze protesters"),
        ("en", "Kurdish militants attacked an army post near the border.", "militants", "group/kurdish-militants", "ArmedGroup", "Kurdish militants"),
        ("en", "A Hutu militia attacked a village in the east of the country.", "militia", "group/hutu-militia", "ArmedGroup", "Hutu militia"),
        ("fr", "Des milliers de manifestants géorgiens se sont rassemblés devant le Parlement.", "manifestants", "org/GE-protesters", "Organization", "Georgian protesters"),
        ("en", "Thousands of Georgian protesters rallied outside parliament.", "protesters", "org/GE-protesters", "Organization", "Georgian protesters"),
        ("fr", "L'opposition arménienne a appelé à la démission du gouvernement.", "opposition", "org/AM-opposition", "Organization", "Armenian opposition"),
        ("en", "Bolsonaro supporters stormed government buildings in the capital.", "supporters", "org/bolsonaro-supporters", "Organization", "Bolsonaro supporters"),
        ("fr", "Les partisans de Jair Bolsonaro ont envahi les bâtiments officiels.", "partisans", "org/bolsonaro-supporters", "Organization", "Bolsonaro supporters"),
    ],
)
def test_collective_actors(link, lang: str, sentence: str, noun: str, key: str, type_: str, label_en: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert [m.entity for m in linked.mentions if m.text == noun] == [key]
    ent = linked.entities[key]
    assert (ent.type, ent.label_en) == (type_, label_en)


def test_title_alone_is_no_person(link) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link("fr", "L'opposition a appelé à la démission du Premier ministre.")
    assert not any(m.entity.startswith("person/") for m in linked.mentions)


# -- fresh wire sentences: what else was left unlinked or mislinked -------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, surface, expected",
    [
        ("fr", "La Hongrie a bloqué une nouvelle aide européenne à Kiev.", "Kiev", "country/UA"),
        ("fr", "Les forces de sécurité ont arrêté un chef du gang Los Choneros à Guayaquil.", "Los Choneros", "group/los-choneros"),
        pytest.param(
            "en", "Gunmen from the Los Lobos gang attacked a prison in Guayaquil.", "Los Lobos", "group/los-lobos",
            marks=pytest.mark.xfail(reason="the English NER sees no name in 'the Los Lobos gang'; an unknown gang is only found through the NER"),
        ),
    ],
)
def test_fresh_wire_links(link, lang: str, sentence: str, surface: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked_text(linked, surface) == expected


@pytest.mark.parametrize(
    "lang, sentence, surface",
    [
        ("fr", "Pyongyang a tiré un missile balistique, a indiqué l'état-major sud-coréen.", "état"),  # not a generic "État"
        ("fr", "Le chancelier a promis des missiles Taurus à l'Ukraine.", "Taurus"),  # a weapon, not a place
        ("en", "The Kremlin accused Moldova of persecuting the pro-Russian opposition.", "opposition"),  # not Russia's opposition
        # a treaty or an accord is a document, not an organisation
        ("en", "India has suspended the Indus Waters Treaty with Pakistan.", "Indus Waters Treaty"),
        ("en", "Morocco joined the Abraham Accords in 2020.", "Abraham Accords"),
        ("fr", "L'Inde a suspendu le Traité des eaux de l'Indus.", "Traité des eaux de l'Indus"),
    ],
)
def test_fresh_wire_non_entities(link, lang: str, sentence: str, surface: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked_text(linked, surface) is None


# -- towns of 15k+ (towns.tsv): a place the NER finds is a City when a town has its name ----------------------


@pytest.mark.parametrize(
    "lang, sentence, surface, expected",
    [
        ("fr", "Des tirs d'artillerie ont tué neuf personnes près de Zakho, dans le nord de l'Irak.", "Zakho", "city/89570"),
        ("en", "The leaders met in Sharm el-Sheikh, Egypt, on Monday.", "Sharm el-Sheikh", "city/349340"),
        # a capital stays the capital whatever towns share its name
        ("fr", "Le ministre a rencontré à Paris son homologue américain, venu des États-Unis.", "Paris", "city/2988507"),
    ],
)
def test_towns_found_by_the_ner_are_cities(link, lang: str, sentence: str, surface: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    key = linked_text(linked, surface)
    assert key == expected
    assert linked.entities[key].type == "City"


@pytest.mark.parametrize(
    "lang, sentence, noun, key",
    [
        ("fr", "Pour la troisième nuit, des dizaines de milliers de manifestants se sont rassemblés devant le Parlement, à Tbilissi.", "manifestants", "org/GE-protesters"),
        ("en", "Protesters in Tbilisi clashed with police for a fourth night.", "Protesters", "org/GE-protesters"),
        ("en", "Thousands of protesters rallied in central Belgrade on Saturday.", "protesters", "org/RS-protesters"),
    ],
)
def test_collective_placed_in_a_country(link, lang: str, sentence: str, noun: str, key: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert [m.entity for m in linked.mentions if m.text == noun] == [key]


@pytest.mark.parametrize(
    "lang, sentence, surface, expected",
    [
        ("fr", "Israël a bombardé une centrale électrique près de Sanaa.", "Sanaa", "city/71137"),
        ("fr", "Des frappes ont visé des sites autour de Sanaa.", "Sanaa", "city/71137"),
    ],
)
def test_capital_after_an_adverb_of_place(link, lang: str, sentence: str, surface: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked_text(linked, surface) == expected


@pytest.mark.parametrize(
    "lang, sentence, noun, key",
    [
        ("fr", "À Erevan, plusieurs milliers de partisans de l'opposition ont manifesté dimanche contre le gouvernement.", "partisans", "org/AM-opposition"),
        ("en", "Thousands of supporters of the opposition marched in Yerevan on Sunday.", "supporters", "org/AM-opposition"),
    ],
)
def test_supporters_of_a_collective_are_that_collective(link, lang: str, sentence: str, noun: str, key: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert [m.entity for m in linked.mentions if m.text == noun] == [key]


def test_supporters_of_someone_unknown_are_no_group_of_the_place(link) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link("fr", "Les partisans du président ont défilé à Caracas.")
    assert linked_text(linked, "partisans") is None
