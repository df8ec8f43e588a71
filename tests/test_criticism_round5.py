"""Criticism constructions (issue 14, round 5), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the relations a
construction gives, with their modality where it matters, and what it must not give.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Triple, c, check_exact

from kg.extract import Extractor
from kg.types import Extraction

pytestmark = pytest.mark.slow




def statements(ex: Extraction) -> dict[Triple, str]:
    return {(r.subject, r.predicate, r.object): r.modality for r in ex.relations}



# -- a denial (or a threat) does not reach an act coordinated with it or a detached gerund ------------

A, R, N, H = "Asserted", "Reported", "Negated", "Hedged"

DENIAL_THEN_ACT = [
    # a detached gerund states an act of its own
    ("en", "China denied the report, accusing Washington of spreading lies.", {(c("CN"), "criticizes", c("US")): A}, []),
    ("fr", "La Chine a démenti ces informations, accusant Washington de propager des mensonges.", {(c("CN"), "criticizes", c("US")): A}, []),
    ("en", "Serbian President Aleksandar Vucic denied any involvement, accusing Pristina of seeking war.", {("person/aleksandar-vucic", "criticizes", c("XK")): A}, []),
    ("fr", "Aleksandar Vučić a démenti toute implication, tout en accusant Pristina de vouloir la guerre.", {("person/aleksandar-vucic", "criticizes", c("XK")): A}, []),
    ("fr", "La Turquie a démenti toute responsabilité, imputant l'attaque aux rebelles du PKK.", {(c("TR"), "criticizes", "group/pkk"): A}, []),
    # a verb coordinated with the denial is not its complement
    ("en", "China denied the claims and accused Washington of spreading lies.", {(c("CN"), "criticizes", c("US")): A}, []),
    ("fr", "La Chine a démenti ces accusations et accusé Washington de propager des mensonges.", {(c("CN"), "criticizes", c("US")): A}, []),
    # ... while the denied complement stays negated
    ("en", "Rwanda denies backing M23 and accuses Kinshasa of working with the FDLR.", {(c("RW"), "criticizes", c("CD")): A, (c("RW"), "supports", "group/m23"): N}, []),
    ("fr", "Kigali nie soutenir le M23 et accuse Kinshasa de collaborer avec les FDLR.", {(c("RW"), "criticizes", c("CD")): A, (c("RW"), "supports", "group/m23"): N}, []),
    ("en", "Russia denied supplying weapons to the Houthis.", {(c("RU"), "supports", "group/houthis"): N}, []),
    ("fr", "La Russie a démenti avoir livré des armes aux Houthis.", {(c("RU"), "supports", "group/houthis"): N}, []),
    # a threat coordinated with an act does not make the act a threat
    ("en", "Russia threatened retaliation and expelled two Estonian diplomats.", {(c("RU"), "expels", c("EE")): A}, []),
]


@pytest.mark.parametrize("lang, text, expected, absent", DENIAL_THEN_ACT)
def test_denial_does_not_reach_a_coordinated_act(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- explanations or an apology demanded of someone, or of a diplomat summoned for it -----------------

DEMANDED_OF = [
    ("fr", "Moscou a réclamé vendredi des « éclaircissements » à Erevan.", {(c("RU"), "demands", c("AM")): A}, []),
    ("fr", "La Pologne a exigé des excuses à la Biélorussie.", {(c("PL"), "demands", c("BY")): A}, []),
    ("fr", "L'Algérie a réclamé des excuses de la France pour les crimes de la colonisation.", {(c("DZ"), "demands", c("FR")): A}, []),
    ("en", "Poland demanded an explanation from Belarus.", {(c("PL"), "demands", c("BY")): A}, []),
    ("en", "Algeria demanded an apology from France for colonial-era crimes.", {(c("DZ"), "demands", c("FR")): A}, []),
    # the diplomat summoned stands for his country
    ("fr", "Varsovie a convoqué le chargé d'affaires biélorusse pour exiger des explications.", {(c("PL"), "demands", c("BY")): A}, []),
    ("fr", "Le Quai d'Orsay a convoqué l'ambassadeur d'Iran pour réclamer des explications.", {(c("FR"), "demands", c("IR")): A}, []),
    ("en", "Poland summoned Iran's ambassador to demand an explanation.", {(c("PL"), "demands", c("IR")): A}, []),
    ("en", "Warsaw summoned the Belarusian ambassador on Tuesday to demand an apology.", {(c("PL"), "demands", c("BY")): A}, []),
    # an apology offered, or an explanation of a thing: nothing demanded of an actor
    ("fr", "La France a présenté ses excuses à l'Algérie.", {}, [(c("FR"), "demands", c("DZ"))]),
    ("fr", "Le Mali a exigé des explications sur l'attaque de Kidal.", {}, [(c("ML"), "demands", "city/kidal")]),
    ("en", "Algeria may demand an apology from France.", {(c("DZ"), "demands", c("FR")): H}, [(c("DZ"), "demands", c("FR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", DEMANDED_OF)
def test_explanations_demanded_of(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- two coordinated subjects the parser split ("Le Japon" read as the root or as a "dep") ------------

SPLIT_SUBJECTS = [
    ("fr", "Le Japon et l'Australie ont également condamné les agissements chinois.", {(c("JP"), "criticizes", c("CN")): A, (c("AU"), "criticizes", c("CN")): A}, []),
    ("fr", "Le Japon et l'Australie ont condamné les agissements de la Chine.", {(c("JP"), "criticizes", c("CN")): A, (c("AU"), "criticizes", c("CN")): A}, []),
    ("fr", "La France et l'Allemagne ont condamné l'attaque russe.", {(c("FR"), "criticizes", c("RU")): A, (c("DE"), "criticizes", c("RU")): A}, []),
    ("en", "Japan and Australia also condemned the Chinese actions.", {(c("JP"), "criticizes", c("CN")): A, (c("AU"), "criticizes", c("CN")): A}, []),
    # the first actor is not a subject when something else stands between it and the "et"
    ("fr", "Selon le Japon, l'Australie a condamné les agissements de la Chine.", {(c("AU"), "criticizes", c("CN")): R}, [(c("JP"), "criticizes", c("CN"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", SPLIT_SUBJECTS)
def test_split_coordinated_subjects(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- an actor called a name -------------------------------------------------------------------------

LAI, ZELENSKY = "person/lai-ching-te", "person/volodymyr-zelenskyy"

NAME_CALLING = [
    ("fr", "Pékin a qualifié Lai Ching-te de « parasite ».", {(c("CN"), "criticizes", LAI): A}, []),
    ("en", 'Beijing called Lai Ching-te a "parasite".', {(c("CN"), "criticizes", LAI): A}, [(c("CN"), "meetsWith", LAI)]),
    ("fr", "Lai Ching-te, qualifié de « séparatiste » par Pékin, a rejeté les menaces.", {(c("CN"), "criticizes", LAI): A}, []),
    ("en", 'Lai Ching-te, branded a "separatist" by Beijing, dismissed the threats.', {(c("CN"), "criticizes", LAI): A}, []),
    ("fr", "Le Kremlin a qualifié Zelensky de « dictateur ».", {(c("RU"), "criticizes", ZELENSKY): A}, []),
    ("fr", "Volodymyr Zelensky a été qualifié de « dictateur » par Donald Trump.", {("person/donald-trump", "criticizes", ZELENSKY): A}, []),
    # a call is a call; a name of no blame is nothing
    ("en", "Beijing called Lai Ching-te on Tuesday.", {}, [(c("CN"), "criticizes", LAI)]),
    ("fr", "Pékin a qualifié Lai Ching-te de « président élu ».", {}, [(c("CN"), "criticizes", LAI)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", NAME_CALLING)
def test_name_calling(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- the object hung on the day before it --------------------------------------------------------------

DAY_SLIP = [
    ("fr", "Manille a accusé mercredi les garde-côtes chinois d'avoir attaqué des marins philippins.", {(c("PH"), "criticizes", c("CN")): A}, []),
    ("fr", "Les Philippines ont accusé mercredi les garde-côtes chinois d'avoir attaqué des marins.", {(c("PH"), "criticizes", c("CN")): A}, []),
    ("fr", "La Russie a condamné lundi soir les frappes israéliennes.", {(c("RU"), "criticizes", c("IL")): A}, []),
    ("en", "Manila on Wednesday accused the Chinese coast guard of attacking Filipino sailors.", {(c("PH"), "criticizes", c("CN")): A}, []),
]


@pytest.mark.parametrize("lang, text, expected, absent", DAY_SLIP)
def test_object_after_a_day(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)
