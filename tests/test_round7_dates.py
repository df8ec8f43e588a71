"""Round 7, the date qualifier: date phrases the text gives that the statement missed (article date
2025-03-14, a Friday; see extraction_fixture.run). Each case also says what date must NOT be given."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from tests.extraction_fixture import run


def _date(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str]) -> str | None:
    rels = [r for r in run(extractor, lang, text).relations if (r.subject, r.predicate, r.object) == triple]
    assert rels, (triple, [(r.subject, r.predicate, r.object) for r in run(extractor, lang, text).relations])
    return rels[0].date


@pytest.mark.parametrize(
    "lang, text, triple, expected",
    [
        # a hyphenated relative phrase the tokenizer splits ("ce week" "-" "end"): the month of last Saturday
        ("fr", "L'aviation russe a bombardé ce week-end la ville ukrainienne de Kharkiv.", ("country/RU", "attacks", "country/UA"), "2025-03"),
        ("en", "Russian aircraft bombed the Ukrainian city of Kharkiv over the weekend.", ("country/RU", "attacks", "country/UA"), "2025-03"),
        # a fronted weekday the parser takes for the root of the sentence, the clause hanging on it
        ("fr", "Mardi encore, des drones russes avaient visé la région ukrainienne d'Odessa.", ("country/RU", "attacks", "country/UA"), "2025-03-11"),
        ("fr", "Jeudi, des frappes israéliennes avaient visé le sud du Liban.", ("country/IL", "attacks", "country/LB"), "2025-03-13"),
        ("en", "On Tuesday, Russian drones struck the Ukrainian region of Odesa.", ("country/RU", "attacks", "country/UA"), "2025-03-11"),
        # an infinitive of purpose happens at its clause's time
        (
            "fr",
            "Des milliers de manifestants se sont rassemblés samedi à Tbilissi pour protester contre le gouvernement géorgien.",
            ("org/GE-protesters", "opposes", "country/GE"),
            "2025-03-08",
        ),
        (
            "en",
            "Thousands of protesters gathered in Tbilisi on Saturday to protest against the Georgian government.",
            ("org/GE-protesters", "opposes", "country/GE"),
            "2025-03-08",
        ),
        # a predicate noun takes its clause's date
        ("fr", "La Finlande est membre de l'OTAN depuis avril 2023.", ("country/FI", "memberOf", "org/nato"), "2023-04"),
        ("en", "Finland became the 31st member of NATO on Tuesday.", ("country/FI", "memberOf", "org/nato"), "2025-03-11"),
    ],
)
def test_date_given(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str], expected: str) -> None:
    assert _date(extractor, lang, text, triple) == expected


@pytest.mark.parametrize(
    "lang, text, triple",
    [
        # "avant de": a later event, not the clause's time
        (
            "fr",
            "Des milliers de manifestants se sont rassemblés samedi à Tbilissi avant de protester contre le gouvernement géorgien.",
            ("org/GE-protesters", "opposes", "country/GE"),
        ),
        # an apposition is no event of the clause: the clause's date is not its date
        ("fr", "Le Ghana, membre de la CEDEAO, a accueilli lundi le sommet.", ("country/GH", "memberOf", "org/ecowas")),
        ("en", "Ghana, a member of ECOWAS, hosted the summit on Monday.", ("country/GH", "memberOf", "org/ecowas")),
    ],
)
def test_no_date_given(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert _date(extractor, lang, text, triple) is None


@pytest.mark.parametrize(
    "lang, text, triple, expected",
    [
        # "N units after": the clause's event is N units before its main clause's day (else the article's)
        (
            "fr",
            "Le président syrien Ahmed al-Charaa a été reçu lundi à Moscou, dix mois après avoir renversé Bachar al-Assad.",
            ("person/ahmed-al-sharaa", "overthrows", "person/bashar-al-assad"),
            "2024-05",
        ),
        (
            "en",
            "Russia recognised the Taliban government on Monday, nearly four years after the movement seized power in Kabul.",
            ("group/taliban", "seizesPowerIn", "country/AF"),
            "2021",
        ),
    ],
)
def test_interval_before_main_clause(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str], expected: str) -> None:
    assert _date(extractor, lang, text, triple) == expected


@pytest.mark.parametrize(
    "lang, text, triple",
    [
        # the main clause is the later event: "N units after" gives it no date
        ("fr", "Le Mali a rompu avec la France deux ans après le coup d'État.", ("country/ML", "endsCooperationWith", "country/FR")),
        ("en", "India and China signed a deal two days after the talks.", ("country/IN", "signsAgreementWith", "country/CN")),
    ],
)
def test_interval_not_main_clause(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str]) -> None:
    assert _date(extractor, lang, text, triple) is None
