"""Dates and places on statements (issue 14): absolute dates always, relative dates against the
article's date, the place of an event kept. Sentences written for the tests, French and English."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import Extractor
from kg.iri import article_id, content_hash
from kg.relate.qualifiers import resolve_relative
from kg.types import Article, Extraction, Relation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, lang: str, text: str, date: str | None) -> Extraction:
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date=date, content_hash=content_hash(text))
    return extractor(art)


def one(ex: Extraction, s: str, p: str, o: str) -> Relation:
    found = [r for r in ex.relations if (r.subject, r.predicate, r.object) == (s, p, o)]
    assert found, [(r.subject, r.predicate, r.object) for r in ex.relations]
    return found[0]


# (lang, text, article date, (s, p, o), expected date)
DATES = [
    # absolute dates, with or without an article date (plain text has none)
    ("fr", "Le 12 mars 2024, le Tchad a expulsé l'ambassadeur de France.", None, ("country/TD", "expels", "country/FR"), "2024-03-12"),
    ("en", "On March 12, 2024, Chad expelled the French ambassador.", None, ("country/TD", "expels", "country/FR"), "2024-03-12"),
    # a relative day needs the article's date: none, no date
    ("fr", "Le Tchad a expulsé mardi l'ambassadeur de France.", None, ("country/TD", "expels", "country/FR"), None),
    ("en", "Chad expelled the French ambassador on Tuesday.", None, ("country/TD", "expels", "country/FR"), None),
    # the article's own weekday is that day (gold conventions: on or before the article's date)
    ("fr", "Le Tchad a expulsé jeudi l'ambassadeur de France.", "2024-03-14", ("country/TD", "expels", "country/FR"), "2024-03-14"),
    ("en", "Chad expelled the French ambassador on Thursday.", "2024-03-14", ("country/TD", "expels", "country/FR"), "2024-03-14"),
    # relative spans from the calendar table: the month or the year only
    ("fr", "Le Tchad a expulsé la semaine dernière l'ambassadeur de France.", "2024-12-03", ("country/TD", "expels", "country/FR"), "2024-11"),
    ("en", "Chad expelled the French ambassador last week.", "2024-12-03", ("country/TD", "expels", "country/FR"), "2024-11"),
    ("fr", "L'Algérie et la Russie ont signé l'an dernier un accord de coopération militaire.", "2025-03-10", ("country/DZ", "signsAgreementWith", "country/RU"), "2024"),
    ("en", "Algeria and Russia signed a military cooperation agreement last year.", "2025-03-10", ("country/DZ", "signsAgreementWith", "country/RU"), "2024"),
    ("en", "Kenya cut diplomatic ties with Somalia at the weekend.", "2025-01-28", ("country/KE", "endsCooperationWith", "country/SO"), "2025-01"),
    # an event noun takes the date of its verb: "a adopté lundi un paquet de sanctions"
    ("fr", "L'Union européenne a adopté lundi un nouveau paquet de sanctions contre l'Iran.", "2025-02-26", ("org/eu", "sanctions", "country/IR"), "2025-02-24"),
    ("en", "The European Union adopted on Monday a new package of sanctions against Iran.", "2025-02-26", ("org/eu", "sanctions", "country/IR"), "2025-02-24"),
    # a present participle takes the date of its clause: "a annoncé dimanche ..., accusant X"
    ("fr", "Le Mali a rappelé dimanche son ambassadeur, accusant l'Algérie d'ingérence.", "2025-04-08", ("country/ML", "criticizes", "country/DZ"), "2025-04-06"),
    # a participle fronted before the subject: "Réunis dimanche à Abuja, les chefs d'État ..."
    ("fr", "Réunis samedi à Accra, les chefs d'État de la CEDEAO ont imposé des sanctions à la Guinée.", "2025-05-12", ("org/ecowas", "sanctions", "country/GN"), "2025-05-10"),
]


@pytest.mark.parametrize("lang, text, when, triple, expected", DATES)
def test_dates(extractor: Extractor, lang: str, text: str, when: str | None, triple: tuple[str, str, str], expected: str | None) -> None:
    assert one(run(extractor, lang, text, when), *triple).date == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le Niger a accusé lundi la France d'avoir soutenu en 2019 des groupes armés."),
        ("en", "Niger accused France on Monday of having supported armed groups in 2019."),
    ],
)
def test_an_earlier_event_keeps_its_own_date(extractor: Extractor, lang: str, text: str) -> None:
    """A perfect infinitive ("d'avoir soutenu") is an earlier event: it never takes the main clause's date."""
    ex = run(extractor, lang, text, "2025-06-11")
    assert one(ex, "country/NE", "criticizes", "country/FR").date == "2025-06-09"
    assert {r.date for r in ex.relations if r.predicate == "supports"} <= {"2019"}


def test_relative_units() -> None:
    base = date(2025, 1, 28)  # a Tuesday
    assert resolve_relative("day", -2, base) == "2025-01-26"
    assert resolve_relative("weekend", 0, base) == "2025-01"
    assert resolve_relative("month", -1, base) == "2024-12"
    assert resolve_relative("season", 3, base) == "2024"  # "au printemps" in January: last year's
    assert resolve_relative("year", 0, base) == "2025"


# (lang, text, (s, p, o), expected location)
PLACES = [
    # what frames the event: "lundi à Moscou", "at a military base in Anchorage"
    ("fr", "Le ministre malien des Affaires étrangères s'est entretenu lundi à Moscou avec Sergueï Lavrov.", ("country/ML", "meetsWith", "person/sergey-lavrov"), "city/524901"),
    ("en", "Donald Trump and Vladimir Putin met on Friday at a military base in Anchorage.", ("person/donald-trump", "meetsWith", "person/vladimir-putin"), "city/5879400"),
    # an event noun's verb: "ont tenu à Doha un cycle de pourparlers"
    ("fr", "Les États-Unis et l'Iran ont tenu dimanche à Mascate un nouveau cycle de pourparlers.", ("country/US", "meetsWith", "country/IR"), "city/287286"),
    # an attack: the place named with the target is kept, and its country is hit
    ("en", "Troops repelled an attack by Boko Haram on a garrison near Diffa.", ("group/boko-haram", "attacks", "country/NE"), "city/2445704"),
    ("fr", "Des combattants de l'ISWAP ont attaqué une base de l'armée nigériane dans l'État de Borno.", ("group/iswap", "attacks", "country/NG"), "region/NG-borno"),
    ("en", "ISWAP fighters overran a Nigerian army base in Borno state on Sunday.", ("group/iswap", "attacks", "country/NG"), "region/NG-borno"),
]


@pytest.mark.parametrize("lang, text, triple, expected", PLACES)
def test_places(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str], expected: str) -> None:
    assert one(run(extractor, lang, text, "2025-04-14"), *triple).location == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le Niger a rompu avec la Communauté économique des États de l'Afrique de l'Ouest."),
        ("en", "Niger broke with the Economic Community of West African States."),
    ],
)
def test_a_word_of_a_name_is_no_domain(extractor: Extractor, lang: str, text: str) -> None:
    ex = run(extractor, lang, text, "2025-01-29")
    assert ex.relations
    assert {r.domain for r in ex.relations} == {None}


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "BAMAKO, 3 avril 2025 (AFP) - Le Mali a expulsé mardi l'ambassadeur de France.", "2025-04-01"),
        ("en", "Published: April 3, 2025\nMali expelled the French ambassador on Tuesday.", "2025-04-01"),
    ],
)
def test_plain_text_takes_its_date_from_the_dateline(extractor: Extractor, lang: str, text: str, expected: str) -> None:
    """A plain-text article has no date but its dateline's: relative dates are read against it."""
    ex = run(extractor, lang, text, None)
    assert ex.article.date == "2025-04-03"
    assert one(ex, "country/ML", "expels", "country/FR").date == expected
