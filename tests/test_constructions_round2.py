"""Construction classes of issue 14, second round (recall on news never seen), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the relations a
construction gives and, where it matters, what it must not give.
"""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.iri import article_id, content_hash
from kg.types import Article, Extraction

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]


def c(code: str) -> str:
    return f"country/{code}"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, lang: str, text: str) -> Extraction:
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date="2025-03-14", content_hash=content_hash(text))
    return extractor(art)


def facts(ex: Extraction) -> set[Triple]:
    return {(r.subject, r.predicate, r.object) for r in ex.relations if r.modality in ("Asserted", "Reported")}


def check(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    out = facts(run(extractor, lang, text))
    for triple in expected:
        assert triple in out, (triple, sorted(out))
    for triple in absent:
        assert triple not in out, (triple, sorted(out))


# -- accusation content: the accused does what it is accused of -----------------------------------

ACCUSATIONS = [
    # "accused X of V-ing": the gerund's subject is the accused, not the accuser
    (
        "en",
        "Washington accused Beijing of supplying Moscow with weapons.",
        [(c("US"), "criticizes", c("CN")), (c("CN"), "supports", c("RU"))],
        [(c("US"), "supports", c("RU"))],
    ),
    (
        "fr",
        "Kiev accuse Téhéran de livrer des drones à la Russie.",
        [(c("UA"), "criticizes", c("IR")), (c("IR"), "supports", c("RU"))],
        [(c("UA"), "supports", c("RU"))],
    ),
    ("en", "Kinshasa accuses Kigali of backing the M23.", [(c("CD"), "criticizes", c("RW")), (c("RW"), "supports", "group/m23")], [(c("CD"), "supports", "group/m23")]),
    ("fr", "Le Soudan accuse les Émirats arabes unis d'armer les Forces de soutien rapide.", [(c("AE"), "supports", "group/rsf")], [(c("SD"), "supports", "group/rsf")]),
    ("en", "Sudan accuses the United Arab Emirates of arming the Rapid Support Forces.", [(c("AE"), "supports", "group/rsf")], [(c("SD"), "supports", "group/rsf")]),
    # the accused as the subject of a passive
    ("en", "Rwanda is accused of supplying weapons to the M23 rebels.", [(c("RW"), "supports", "group/m23")], []),
    ("fr", "Le Rwanda est accusé d'avoir livré des armes aux rebelles du M23.", [(c("RW"), "supports", "group/m23")], []),
    # the accused as the antecedent of a relative object pronoun
    (
        "en",
        "Morocco cut ties with Iran, which it accuses of supporting the Polisario Front.",
        [(c("MA"), "criticizes", c("IR")), (c("IR"), "supports", "group/polisario")],
        [(c("MA"), "supports", "group/polisario")],
    ),
    ("fr", "Le Maroc a rompu avec l'Iran, qu'il accuse de soutenir le Polisario.", [(c("IR"), "supports", "group/polisario")], [(c("MA"), "supports", "group/polisario")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", ACCUSATIONS)
def test_accusation_content(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


@pytest.mark.xfail(reason="'qu'il accuse' read as a complement clause: its subject pronoun is not resolved (guessing the main clause's subject cost precision)")
def test_accuser_of_a_misread_relative(extractor: Extractor) -> None:
    out = facts(run(extractor, "fr", "Le Maroc a rompu avec l'Iran, qu'il accuse de soutenir le Polisario."))
    assert (c("MA"), "criticizes", c("IR")) in out


# -- reciprocal events: coordinated subjects and no partner -----------------------------------------

RECIPROCAL = [
    # clashes: attacks both ways
    ("en", "Indian and Chinese troops clashed in the Galwan valley.", [(c("IN"), "attacks", c("CN")), (c("CN"), "attacks", c("IN"))], []),
    ("fr", "Des soldats indiens et chinois se sont affrontés dans la vallée de Galwan.", [(c("IN"), "attacks", c("CN")), (c("CN"), "attacks", c("IN"))], []),
    ("en", "Thailand and Cambodia clashed along their border.", [(c("TH"), "attacks", c("KH")), (c("KH"), "attacks", c("TH"))], []),
    ("fr", "Les armées thaïlandaise et cambodgienne se sont affrontées à la frontière.", [(c("TH"), "attacks", c("KH")), (c("KH"), "attacks", c("TH"))], []),
    # a reflexive symmetric verb: once
    ("fr", "Xi Jinping et Joe Biden se sont rencontrés à San Francisco.", [("person/xi-jinping", "meetsWith", "person/joe-biden")], []),
    ("en", "Xi Jinping and Joe Biden met in San Francisco.", [("person/xi-jinping", "meetsWith", "person/joe-biden")], []),
    ("fr", "Les chefs de la diplomatie chinois et indien se sont entretenus à Pékin.", [(c("CN"), "meetsWith", c("IN"))], []),
    ("en", "Russia and Ukraine held talks in Istanbul.", [(c("RU"), "meetsWith", c("UA"))], []),
    ("fr", "L'Arménie et l'Azerbaïdjan ont conclu un accord de paix.", [(c("AM"), "signsAgreementWith", c("AZ"))], []),
    ("en", "Ethiopia and Eritrea signed a peace deal.", [(c("ET"), "signsAgreementWith", c("ER"))], []),
    # fighting together is no clash
    ("en", "Russian and Syrian troops fought together against rebels near Aleppo.", [], [(c("RU"), "attacks", c("SY")), (c("SY"), "attacks", c("RU"))]),
    ("fr", "Les soldats russes et syriens ont combattu ensemble près d'Alep.", [], [(c("RU"), "attacks", c("SY")), (c("SY"), "attacks", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", RECIPROCAL)
def test_reciprocal_events(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- reactions naming their author -----------------------------------------------------------------

REACTIONS = [
    (
        "en",
        "North Korea fired a ballistic missile on Sunday, drawing condemnation from Japan and South Korea.",
        [(c("JP"), "criticizes", c("KP")), (c("KR"), "criticizes", c("KP"))],
        [(c("KP"), "criticizes", c("JP"))],
    ),
    (
        "fr",
        "La Corée du Nord a tiré dimanche un missile balistique, suscitant la colère de Tokyo et Séoul.",
        [(c("JP"), "criticizes", c("KP")), (c("KR"), "criticizes", c("KP"))],
        [],
    ),
    # a capital named after "from" is its country when it reacts
    ("en", "Pyongyang launched a missile over Japan, drawing sharp condemnation from Seoul.", [(c("KR"), "criticizes", c("KP"))], [(c("KR"), "criticizes", c("JP"))]),
    ("en", "China held military drills around Taiwan, prompting protests from Taipei.", [(c("TW"), "criticizes", c("CN"))], []),
    ("fr", "La Chine a organisé des manœuvres autour de Taïwan, provoquant la colère de Taipei.", [(c("TW"), "criticizes", c("CN"))], []),
    # the agent of the act that caused it
    ("fr", "L'annonce de l'Éthiopie a provoqué l'ire de la Somalie.", [(c("SO"), "criticizes", c("ET"))], []),
    ("en", "Ethiopia's announcement drew the ire of Somalia.", [(c("SO"), "criticizes", c("ET"))], []),
    ("fr", "Israël est sous le feu des critiques de la France après ses frappes au Liban.", [(c("FR"), "criticizes", c("IL"))], [(c("FR"), "criticizes", c("LB"))]),
    ("en", "Israel is under fire from critics in France after its strikes in Lebanon.", [], [(c("FR"), "criticizes", c("LB"))]),
    # passive of a verb of criticising
    ("fr", "La décision du Niger a été vivement critiquée par la CEDEAO.", [("org/ecowas", "criticizes", c("NE"))], []),
    ("en", "Niger's decision was sharply criticized by ECOWAS.", [("org/ecowas", "criticizes", c("NE"))], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", REACTIONS)
def test_reactions_naming_their_author(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
