"""Linking with the real spaCy models: metonymy, demonyms, generic actors, persons, noise, resolution.

Table-driven and parametrised over language (``lang, sentence, expected``); the fixtures are small,
made-up sentences (not the seed). Names of made-up persons are invented; real ones are public figures.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kg.clean import clean
from kg.gazetteer import default_gazetteer
from kg.link import Linked, Linker
from kg.nlp import load_pipeline
from kg.settings import Settings

NIAMEY, WASHINGTON, MOSCOW = "city/2440485", "city/4140963", "city/524901"
TRIPOLI_LB, PORT_SUDAN = "city/266826", "city/377039"


@pytest.fixture(scope="module")
def link():  # type: ignore[no-untyped-def]
    """Parse and link one text; the pipelines and linkers load once for the module."""
    settings = Settings()
    gaz = default_gazetteer()
    linkers = {lang: Linker(gaz, lang) for lang in ("fr", "en")}

    def run(lang: str, text: str) -> tuple[Doc, Linked]:
        doc = load_pipeline(lang, settings)(clean(text, lang=lang))
        return doc, linkers[lang](doc)

    return run


def key_at(doc: Doc, linked: Linked, word: str, nth: int = 0) -> str | None:
    """Entity key of the nth token whose text is `word`."""
    hits = [t for t in doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return linked.tok2ent.get(hits[nth].i)


def mentions(linked: Linked) -> dict[str, str]:
    """Surface text -> entity key, for the mentions of a text."""
    return {m.text: m.entity for m in linked.mentions}


# -- metonymy: a capital or seat that acts is its country; a place stays a city ----------------


@pytest.mark.parametrize(
    "lang, sentence, word, expected",
    [
        ("fr", "Moscou a signé mardi un accord militaire avec Bamako.", "Moscou", "country/RU"),
        ("fr", "Moscou a signé mardi un accord militaire avec Bamako.", "Bamako", "country/ML"),
        ("fr", "Le Kremlin a démenti ces informations.", "Kremlin", "country/RU"),
        ("fr", "Kinshasa accuse Kigali de soutenir les rebelles.", "Kigali", "country/RW"),
        ("fr", "Les deux ministres se sont rencontrés à Niamey jeudi.", "Niamey", NIAMEY),
        ("fr", "Des milliers de manifestants ont défilé dans les rues de Niamey.", "Niamey", NIAMEY),
        ("en", "Moscow signed a military agreement with Bamako on Tuesday.", "Moscow", "country/RU"),
        ("en", "Moscow signed a military agreement with Bamako on Tuesday.", "Bamako", "country/ML"),
        ("en", "The White House declined to comment.", "White", "country/US"),
        ("en", "The two ministers held talks in Washington on Thursday.", "Washington", WASHINGTON),
        ("en", "The opposition leader fled to Moscow in 2024.", "Moscow", MOSCOW),
    ],
)
def test_metonymy_acting_vs_place(link, lang: str, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, word) == expected


# -- demonyms, all forms, on actor nouns ------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, noun, expected",
    [
        ("fr", "La délégation turque est arrivée lundi.", "délégation", "country/TR"),
        ("fr", "Les autorités nigériennes ont protesté.", "autorités", "country/NE"),
        ("fr", "Le régime militaire nigérien a fermé la frontière.", "régime", "country/NE"),
        ("fr", "Les soldats nigérians ont repoussé l'attaque.", "soldats", "country/NG"),
        ("fr", "Un diplomate a rencontré l'ambassadeur burkinabè.", "ambassadeur", "country/BF"),
        ("fr", "Les troupes maliennes se sont retirées.", "troupes", "country/ML"),
        ("en", "The Turkish delegation arrived on Monday.", "delegation", "country/TR"),
        ("en", "Nigerien troops repelled the attack.", "troops", "country/NE"),
        ("en", "Nigerian soldiers repelled the attack.", "soldiers", "country/NG"),
        ("en", "The Malian government closed the border.", "government", "country/ML"),
    ],
)
def test_demonym_on_actor_noun(link, lang: str, sentence: str, noun: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, noun) == expected


@pytest.mark.parametrize(
    "lang, sentence, word, expected",
    [
        ("fr", "Le Niger et le Nigeria ont signé un accord.", "Niger", "country/NE"),
        ("fr", "Le Niger et le Nigeria ont signé un accord.", "Nigeria", "country/NG"),
        ("fr", "Les deux pays ont signé à Niamey, la capitale nigérienne.", "nigérienne", "country/NE"),
        ("fr", "La délégation nigériane est repartie.", "nigériane", "country/NG"),
        ("fr", "Les partenaires nigériens et nigérians se sont réunis.", "nigériens", "country/NE"),
        ("fr", "Les partenaires nigériens et nigérians se sont réunis.", "nigérians", "country/NG"),
        ("en", "Niger and Nigeria signed an agreement.", "Niger", "country/NE"),
        ("en", "Niger and Nigeria signed an agreement.", "Nigeria", "country/NG"),
        ("en", "Nigerien and Nigerian officers met in Diffa.", "Nigerien", "country/NE"),
        ("en", "Nigerien and Nigerian officers met in Diffa.", "Nigerian", "country/NG"),
    ],
)
def test_niger_is_never_nigeria(link, lang: str, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, word) == expected


# -- generic actors -> the article's focal country -----------------------------------------------


@pytest.mark.parametrize(
    "lang, text, noun, expected",
    [
        (
            "fr",
            "Le Mali a quitté la CEDEAO en janvier. La junte a dénoncé des sanctions injustes.",
            "junte",
            "country/ML",
        ),
        (
            "fr",
            "Le Tchad a rompu avec la France. Le gouvernement a fixé un calendrier de retrait.",
            "gouvernement",
            "country/TD",
        ),
        (
            "fr",
            "Le Burkina Faso a expulsé trois diplomates. Les autorités ont invoqué des activités subversives.",
            "autorités",
            "country/BF",
        ),
        ("en", "Mali left ECOWAS in January. The junta denounced unfair sanctions.", "junta", "country/ML"),
        (
            "en",
            "Chad ended its defence pact with France. The government set a timetable for the withdrawal.",
            "government",
            "country/TD",
        ),
    ],
)
def test_generic_actor_is_focal_country(link, lang: str, text: str, noun: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, text)
    assert key_at(doc, linked, noun) == expected


def test_generic_actor_with_complement(link) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link("fr", "La France a condamné le régime de Bamako. Paris a rappelé son ambassadeur.")
    assert key_at(doc, linked, "régime") == "country/ML"


# -- persons: surnames, titles, leaders ---------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, surname, full",
    [
        (
            "fr",
            "Le général Abdou Karimou Sangaré a pris la parole lundi. Sangaré a promis des élections.",
            "Sangaré",
            "person/abdou-karimou-sangare",
        ),
        (
            "fr",
            "Le général Assimi Goïta a reçu les ambassadeurs. Le général Goïta a ensuite quitté Bamako.",
            "Goïta",
            "person/assimi-goita",
        ),
        (
            "en",
            "General Abdou Karimou Sangare spoke on Monday. Sangare promised elections.",
            "Sangare",
            "person/abdou-karimou-sangare",
        ),
        ("en", "Colonel Assimi Goita met the ambassadors. Goita then left Bamako.", "Goita", "person/assimi-goita"),
    ],
)
def test_surname_coreference(link, lang: str, text: str, surname: str, full: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, text)
    assert key_at(doc, linked, surname, 0) == full
    assert key_at(doc, linked, surname, 1) == full


@pytest.mark.parametrize(
    "lang, sentence, person, country",
    [
        (
            "fr",
            "Le président ghanéen Kwame Asante Boateng a reçu son homologue.",
            "person/kwame-asante-boateng",
            "country/GH",
        ),
        (
            "fr",
            "Le Premier ministre slovaque Marek Kollár a critiqué les sanctions.",
            "person/marek-kollar",
            "country/SK",
        ),
        (
            "fr",
            "Le président du Ghana, Kwame Asante Boateng, a reçu son homologue.",
            "person/kwame-asante-boateng",
            "country/GH",
        ),
        ("fr", "Le président russe Vladimir Poutine a reçu son homologue.", "person/vladimir-putin", "country/RU"),
        ("en", "Lebanese President Michel Suleiman met the envoy on Monday.", "person/michel-suleiman", "country/LB"),
        (
            "en",
            "Ghana's President Kwame Asante Boateng received the envoy.",
            "person/kwame-asante-boateng",
            "country/GH",
        ),
        ("en", "Russian President Vladimir Putin received the envoy.", "person/vladimir-putin", "country/RU"),
    ],
)
def test_title_and_country_make_a_leader(link, lang: str, sentence: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert person in linked.entities and linked.entities[person].type == "Person"
    assert linked.leaders.get(person) == country


@pytest.mark.parametrize(
    "lang, sentence, person",
    [
        ("fr", "Le ministre ghanéen de la Défense, Kofi Mensah Addo, a démenti.", "person/kofi-mensah-addo"),
        ("en", "Ghanaian Defence Minister Kofi Mensah Addo denied the report.", "person/kofi-mensah-addo"),
    ],
)
def test_a_minister_does_not_lead_the_country(link, lang: str, sentence: str, person: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert person in linked.entities
    assert person not in linked.leaders


@pytest.mark.parametrize(
    "lang, sentence, surname, person",
    [
        ("fr", "Le colonel Doumbouya a limogé son Premier ministre.", "Doumbouya", "person/mamadi-doumbouya"),
        ("en", "President Biden on Thursday met the envoy.", "Biden", "person/joe-biden"),
        ("en", "Colonel Doumbouya sacked his prime minister.", "Doumbouya", "person/mamadi-doumbouya"),
    ],
)
def test_title_and_surname_of_a_known_person(link, lang: str, sentence: str, surname: str, person: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, surname) == person


def test_surname_inside_another_name_is_another_person(link) -> None:  # type: ignore[no-untyped-def]
    # "Ouattara" alone is Alassane Ouattara in the gazetteer; inside a longer name it is someone else
    doc, linked = link("fr", "Selon le ministre ivoirien de la Défense, Téné Birahima Ouattara, l'accord est prêt.")
    assert key_at(doc, linked, "Ouattara") == "person/tene-birahima-ouattara"


def test_same_person_in_french_and_english_gets_one_key(link) -> None:  # type: ignore[no-untyped-def]
    _d1, fr = link("fr", "Le ministre malien de la Défense, Sadio Camara, est arrivé à Moscou.")
    _d2, en = link("en", "Malian Defence Minister Sadio Camara arrived in Moscow.")
    assert "person/sadio-camara" in fr.entities and "person/sadio-camara" in en.entities
    _d3, fr2 = link("fr", "Le porte-parole du Kremlin, Dmitri Peskov, a démenti.")
    _d4, en2 = link("en", "Kremlin spokesman Dmitry Peskov denied the report.")
    assert "person/dmitry-peskov" in fr2.entities and "person/dmitry-peskov" in en2.entities


@pytest.mark.xfail(
    reason="an unknown person transliterated differently (Evgueni / Yevgeny) gets two keys; only the gazetteer aligns spellings"
)
def test_unknown_person_transliterations_align(link) -> None:  # type: ignore[no-untyped-def]
    _d1, fr = link("fr", "Le commandant Evgueni Markov a été tué.")
    _d2, en = link("en", "Commander Yevgeny Markov was killed.")
    assert set(k for k in fr.entities if k.startswith("person/")) == set(
        k for k in en.entities if k.startswith("person/")
    )


# -- noise ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, text, absent",
    [
        ("fr", "Votre Pub ici !\nLe Mali a quitté la CEDEAO.", "Pub"),
        ("fr", "Le coup d'État de juillet a surpris les observateurs.", "État"),
        ("fr", "Le Président a pris la parole devant l'Assemblée.", "Président"),
        ("fr", "Le ministre des Affaires étrangères a démenti toute ingérence.", "ministre des Affaires étrangères"),
        ("fr", "Le ministère des Affaires étrangères a convoqué l'ambassadeur.", "ministère des Affaires étrangères"),
        ("fr", "Les diplomates d'Ankara ont quitté la réunion.", "d'Ankara"),
        (
            "fr",
            "Moscou pourrait livrer des drones aux Forces armées maliennes d'ici la fin de l'année.",
            "d'ici la fin",
        ),
        ("fr", "Un missile a visé l'aéroport Ben Gourion, près de Tel-Aviv.", "aéroport Ben Gourion"),
        ("en", "The President spoke to reporters.", "President"),
        ("en", "A Hutu militia operates in the hills.", "Hutu"),
        ("en", "The Gulf state denied the claims.", "Gulf"),
    ],
)
def test_noise_is_not_an_entity(link, lang: str, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, text)
    assert not [m for m in linked.mentions if absent in m.text], linked.mentions
    assert not [k for k in linked.entities if k.startswith("org/ministre")]


@pytest.mark.parametrize(
    "lang, sentence, word, expected",
    [
        (
            "fr",
            "Moscou pourrait livrer des drones aux Forces armées maliennes d'ici la fin de l'année.",
            "Forces",
            "country/ML",
        ),
        ("fr", "Le ministère ukrainien des Affaires étrangères a rejeté ces accusations.", "ukrainien", "country/UA"),
        ("fr", "Les Russes ont livré des armes aux Forces armées maliennes.", "maliennes", "country/ML"),
    ],
)
def test_armies_and_ministries_are_the_country(link, lang: str, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, word) == expected
    assert not [k for k in linked.entities if k.startswith("org/")]


@pytest.mark.parametrize(
    "lang, sentence, adjective",
    [
        ("fr", "Zelensky a appelé ses alliés européens à l'aide.", "européens"),
        ("fr", "Goïta a exclu un retour dans l'organisation ouest-africaine.", "ouest-africaine"),
        ("en", "European leaders are expected to call Kyiv.", "European"),
    ],
)
def test_regional_adjective_is_not_a_geo_region(link, lang: str, sentence: str, adjective: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, adjective) is None


# -- acronyms and organisations -------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, word, expected",
    [
        ("fr", "La CEDEAO a levé ses sanctions.", "CEDEAO", "org/ecowas"),
        ("en", "ECOWAS lifted its sanctions.", "ECOWAS", "org/ecowas"),
        ("fr", "L'OTAN renforce sa présence.", "OTAN", "org/nato"),
        ("en", "NATO is boosting its presence.", "NATO", "org/nato"),
        ("fr", "Le Programme alimentaire mondial manque de fonds.", "Programme", "org/wfp"),
        ("en", "The World Food Programme is short of funds.", "World", "org/wfp"),
    ],
)
def test_organisations_one_key_in_both_languages(link, lang: str, sentence: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, word) == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        (
            "fr",
            "Le Mouvement pour la renaissance du Sahel oriental (MRSO) a revendiqué l'attaque. Le MRSO affirme tenir la ville.",
        ),
        (
            "en",
            "The Movement for the Renewal of the Eastern Sahel (MRES) claimed the attack. MRES says it holds the town.",
        ),
    ],
)
def test_acronym_defined_in_parentheses(link, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, text)
    acr = next(t.text for t in doc if t.text.isupper() and len(t.text) == 4)
    first, second = key_at(doc, linked, acr, 0), key_at(doc, linked, acr, 1)
    assert first is not None and first == second


def test_unknown_international_organisation_is_typed(link) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link("en", "The International Cotton Organization will publish its forecasts.")
    assert [e.type for k, e in linked.entities.items() if k.startswith("org/")] == ["InternationalOrganization"]


# -- places: region or city, places of one name, exonyms --------------------------------------------


@pytest.mark.parametrize(
    "lang, sentence, word, expected_type",
    [
        ("fr", "Les attaques se multiplient dans la région de Diffa.", "Diffa", "Region"),
        ("fr", "Une attaque a visé un convoi près de Diffa.", "Diffa", "City"),
        ("fr", "Les attaques dans les régions de Tillabéri et de Diffa ont fait des morts.", "Diffa", "Region"),
        ("fr", "Des drones ont visé la région d'Odessa.", "Odessa", "Region"),
        ("en", "Attacks are rising in the Diffa region.", "Diffa", "Region"),
        ("en", "Boko Haram attacked a garrison near Diffa.", "Diffa", "City"),
        ("en", "ISWAP fighters overran a base in Borno state.", "Borno", "Region"),
    ],
)
def test_region_or_city(link, lang: str, sentence: str, word: str, expected_type: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    key = key_at(doc, linked, word)
    assert key is not None and linked.entities[key].type == expected_type


@pytest.mark.parametrize(
    "lang, text, word, expected",
    [
        ("fr", "Des affrontements ont éclaté à Tripoli, dans le nord du Liban.", "Tripoli", TRIPOLI_LB),
        ("en", "Clashes broke out in Tripoli, in northern Lebanon.", "Tripoli", TRIPOLI_LB),
        ("fr", "Le gouvernement s'est installé à Port-Soudan.", "Port-Soudan", PORT_SUDAN),
        ("fr", "Les combats continuent au Darfour-Nord.", "Darfour", "region/SD-north-darfur"),
        (
            "en",
            "Congo's government accused Rwanda. Fighting goes on in eastern Democratic Republic of Congo.",
            "Congo",
            "country/CD",
        ),
        ("fr", "La Russie n'a envoyé aucun soldat au Burkina.", "Burkina", "country/BF"),
    ],
)
def test_places_resolved_in_context(link, lang: str, text: str, word: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, text)
    assert key_at(doc, linked, word) == expected


def test_unknown_places_of_one_name_in_two_countries_stay_apart(link) -> None:  # type: ignore[no-untyped-def]
    _d1, a = link("fr", "Des combats ont éclaté à Kountiwal, dans le nord du Mali.")
    _d2, b = link("fr", "Des combats ont éclaté à Kountiwal, dans le nord du Tchad.")
    ka = [k for k in a.entities if k.startswith("place/")]
    kb = [k for k in b.entities if k.startswith("place/")]
    assert ka and kb and ka != kb


@pytest.mark.xfail(
    reason="towns under 15k inhabitants are not in the GeoNames snapshot: an unknown place is a Place, not a City"
)
def test_small_town_is_a_city(link) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link("fr", "Les combats de Tinzaouatène ont fait des dizaines de morts.")
    key = key_at(doc, linked, "Tinzaouatène")
    assert key is not None and linked.entities[key].type == "City"


@pytest.mark.parametrize(
    "lang, text, noun",
    [
        ("fr", "Le Liban est sous tension. À Tripoli, en Libye, le gouvernement a appelé au calme.", "gouvernement"),
        ("en", "Lebanon is tense. In Tripoli, in Libya, the government called for calm.", "government"),
    ],
)
def test_generic_actor_in_a_sentence_about_another_country(link, lang: str, text: str, noun: str) -> None:  # type: ignore[no-untyped-def]
    # the country the generic actor's own clause is set in, not the focal country
    doc, linked = link(lang, text)
    assert key_at(doc, linked, noun) == "country/LY"


def test_generic_group_adjective_refers_to_the_named_group(link) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(
        "fr", "Le JNIM a revendiqué une attaque près de Kayes. Le groupe djihadiste impose un blocus sur le carburant."
    )
    assert key_at(doc, linked, "djihadiste") == "group/jnim"


# -- merge report (kg build writes DIR/merges.json) ---------------------------------------------------


def test_merge_report_says_which_forms_became_which_entity(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from kg.build import MergeReport
    from kg.types import Article, Entity, Extraction, Mention

    def extraction(art: str, lang: str, mentions: list[Mention], entities: list[Entity]) -> Extraction:
        return Extraction(Article(id=art, text="", source=art, lang=lang), lang, tuple(entities), tuple(mentions))

    russia = Entity("country/RU", "Country", "Russia", "Russie")
    tripoli_ly = Entity("city/2210247", "City", "Tripoli", "Tripoli", country="country/LY")
    tripoli_lb = Entity("city/266826", "City", "Tripoli", "Tripoli", country="country/LB")
    report = MergeReport({}, {})
    report.add(
        extraction(
            "a1",
            "fr",
            [
                Mention(0, 6, "Moscou", "country/RU", how="metonym:capital"),
                Mention(10, 17, "Tripoli", "city/266826", how="name"),
            ],
            [russia, tripoli_lb],
        )
    )
    report.add(
        extraction(
            "a2",
            "en",
            [
                Mention(0, 6, "Russia", "country/RU", how="name"),
                Mention(10, 17, "Tripoli", "city/2210247", how="capital:place"),
            ],
            [russia, tripoli_ly],
        )
    )
    report.save(tmp_path / "merges.json", keep={"a1", "a2"})
    data = json.loads((tmp_path / "merges.json").read_text(encoding="utf-8"))
    ru = data["entities"]["country/RU"]
    assert ru["articles"] == 2 and set(ru["forms"]) == {"Moscou", "Russia"}
    assert ru["forms"]["Moscou"]["how"] == ["metonym:capital"]
    assert data["kept_apart"] == [
        {"name": "tripoli", "entities": ["city/2210247", "city/266826"], "why": "different countries or ids"}
    ]
    assert data["reasons"]["metonym:capital"]
    assert MergeReport.load(tmp_path / "merges.json").per_article.keys() == {"a1", "a2"}


@pytest.mark.parametrize(
    "lang, sentence, person, country",
    [
        (
            "fr",
            "Le ministre ghanéen de la Défense, Kofi Mensah Addo, a démenti.",
            "person/kofi-mensah-addo",
            "country/GH",
        ),
        (
            "en",
            "Ghanaian Defence Minister Kofi Mensah Addo denied the report.",
            "person/kofi-mensah-addo",
            "country/GH",
        ),
        ("fr", "L'ambassadeur iranien Ali Karimi a été convoqué.", "person/ali-karimi", "country/IR"),
        ("en", "Iranian ambassador Ali Karimi was summoned.", "person/ali-karimi", "country/IR"),
    ],
)
def test_a_title_with_a_country_says_whose_official(link, lang: str, sentence: str, person: str, country: str) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked.entities[person].country == country
    assert person not in linked.leaders  # serving a country is not leading it


@pytest.mark.parametrize(
    "lang, sentence, surname, person, country",
    [
        ("fr", "Sarkozy a reçu le président sénégalais à l'Élysée.", "Sarkozy", "person/nicolas-sarkozy", "country/FR"),
        (
            "en",
            "Sarkozy received the Senegalese president in Paris.",
            "Sarkozy",
            "person/nicolas-sarkozy",
            "country/FR",
        ),
        ("fr", "Moubarak a rencontré le roi de Jordanie.", "Moubarak", "person/hosni-mubarak", "country/EG"),
        ("en", "Mubarak met the king of Jordan.", "Mubarak", "person/hosni-mubarak", "country/EG"),
    ],
)
def test_former_heads_of_state_are_known(
    link, lang: str, sentence: str, surname: str, person: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, surname) == person
    assert linked.entities[person].country == country


@pytest.mark.parametrize(
    "lang, sentence, noun, key, type_",
    [
        ("fr", "Des rebelles tchadiens ont attaqué une garnison.", "rebelles", "group/TD-rebels", "ArmedGroup"),
        ("en", "Chadian rebels attacked a garrison.", "rebels", "group/TD-rebels", "ArmedGroup"),
        (
            "fr",
            "Des manifestants géorgiens ont défilé devant le Parlement.",
            "manifestants",
            "org/GE-protesters",
            "Organization",
        ),
        ("en", "Georgian demonstrators marched to parliament.", "demonstrators", "org/GE-protesters", "Organization"),
    ],
)
def test_demonym_on_a_collective_is_a_group_of_that_country(
    link, lang: str, sentence: str, noun: str, key: str, type_: str
) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, noun) == key
    ent = linked.entities[key]
    assert (ent.type, ent.country) == (type_, "country/" + key.split("/")[1][:2])


@pytest.mark.parametrize(
    "lang, sentence, word",
    [
        ("en", "The Democratic People's Republic of Korea fired a missile.", "Democratic"),
        ("fr", "La République populaire démocratique de Corée a tiré un missile.", "République"),
    ],
)
def test_north_korea_by_its_official_name(link, lang: str, sentence: str, word: str) -> None:  # type: ignore[no-untyped-def]
    doc, linked = link(lang, sentence)
    assert key_at(doc, linked, word) == "country/KP"


@pytest.mark.parametrize(
    "lang, sentence, person, country",
    [
        # a title in apposition to a title that names a country: same country, and the second title is no name
        (
            "fr",
            "Le ministre malien de la Défense, le général Sadio Camara, est arrivé à Moscou.",
            "person/sadio-camara",
            "country/ML",
        ),
        (
            "en",
            "The Malian defence minister, General Sadio Camara, arrived in Moscow.",
            "person/sadio-camara",
            "country/ML",
        ),
    ],
)
def test_title_in_apposition_to_a_title_with_a_country(
    link, lang: str, sentence: str, person: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    _doc, linked = link(lang, sentence)
    assert linked.entities[person].country == country


def test_linking_does_not_depend_on_the_articles_linked_before() -> None:
    """A Linker keeps nothing of an article: an article links the same, first or after others."""
    settings = Settings()
    gaz = default_gazetteer()
    texts = {
        "fr": [
            "Le Conseil national pour la sauvegarde de la patrie (CNSP) a pris le pouvoir à Niamey. Le CNSP a rompu avec Paris.",
            "Le président ghanéen Nana Akufo-Addo a reçu son homologue. Akufo-Addo a salué la junte au pouvoir à Bamako.",
            "Tripoli, dans le nord du Liban, a été bombardée. Le régime a démenti.",
        ],
        "en": [
            "The National Council for the Safeguard of the Homeland (CNSP) seized power in Niamey. The CNSP broke with Paris.",
            "Ghanaian President Nana Akufo-Addo met his counterpart. Akufo-Addo praised the junta in Bamako.",
        ],
    }

    def result(linked: Linked) -> tuple:  # type: ignore[type-arg]
        return (linked.tok2ent, linked.mentions, linked.entities, linked.aliases, linked.focal, linked.leaders, linked.how)

    for lang, articles in texts.items():
        nlp = load_pipeline(lang, settings)
        docs = [nlp(clean(t, lang=lang)) for t in articles]
        alone = [result(Linker(gaz, lang)(doc)) for doc in docs]
        shared = Linker(gaz, lang)
        for order in (range(len(docs)), reversed(range(len(docs)))):
            for i in order:
                assert result(shared(docs[i])) == alone[i], (lang, i)
        # the per-article state lives in a Run: the Linker holds its language's tables only
        assert set(vars(shared)) == {"gaz", "lang", "tables"}
