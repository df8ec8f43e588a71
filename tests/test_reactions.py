"""Reactions to an act or a proposal with a named author (issue 14, round 4), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the relations a
construction gives and, where it matters, what it must not give.
"""

from __future__ import annotations

import pytest
from extraction_fixture import c, run

from kg.extract import Extractor
from kg.types import Extraction

pytestmark = pytest.mark.slow

Triple = tuple[str, str, str]



def statements(ex: Extraction) -> dict[Triple, str]:
    return {(r.subject, r.predicate, r.object): r.modality for r in ex.relations}


def check(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    out = statements(run(extractor, lang, text))
    facts = {t for t, m in out.items() if m in ("Asserted", "Reported")}
    for triple in expected:
        assert triple in facts, (triple, sorted(out.items()))
    for triple in absent:
        assert triple not in facts, (triple, sorted(out.items()))


# -- a proposal rejected, its author named as its agent or source ------------------------------------

PROPOSALS = [
    ("en", "Mexico rejected an offer by U.S. President Donald Trump to send troops across the border.", [(c("MX"), "rejects", "person/donald-trump")], []),
    ("fr", "Le Mexique a rejeté une proposition de Donald Trump d'envoyer des troupes à la frontière.", [(c("MX"), "rejects", "person/donald-trump")], []),
    ("en", "Kyiv rejected a proposal by Russia to hold talks in Minsk.", [(c("UA"), "rejects", c("RU"))], [(c("UA"), "rejects", c("BY"))]),
    ("fr", "L'Ukraine a rejeté la proposition formulée par Moscou de négocier à Minsk.", [(c("UA"), "rejects", c("RU"))], []),
    ("en", "Denmark rejected a proposal from Washington to buy Greenland.", [(c("DK"), "rejects", c("US"))], []),
    ("fr", "Le Danemark a rejeté la proposition de Washington d'acheter le Groenland.", [(c("DK"), "rejects", c("US"))], []),
    ("en", "Ukraine rejected the peace plan put forward by China.", [(c("UA"), "rejects", c("CN"))], []),
    ("fr", "L'Ukraine a rejeté le plan de paix présenté par la Chine.", [(c("UA"), "rejects", c("CN"))], []),
    # a decision rejected is its maker's
    ("en", "Angola rejected the decision by OPEC to cut its output target.", [(c("AO"), "rejects", "org/opec")], []),
    ("fr", "L'Angola a rejeté la décision de l'OPEP de réduire son quota de production.", [(c("AO"), "rejects", "org/opec")], []),
    # a thing of no named author: nothing
    ("en", "Denmark rejected an offer to buy Greenland by the end of the year.", [], [(c("DK"), "rejects", c("GL"))]),
    ("fr", "Le Danemark a rejeté une offre d'achat du Groenland d'ici la fin de l'année.", [], [(c("DK"), "rejects", c("GL"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", PROPOSALS)
def test_proposal_rejected_with_its_author(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- an act in apposition to the clause that reports it, with a reaction to it -----------------------

APPOSED_ACTS = [
    # a relative clause: the author rejects / criticizes the doer of the act
    ("en", "OPEC cut Nigeria's output target at a meeting last month, a decision Abuja rejected.", [(c("NG"), "rejects", "org/opec")], []),
    ("fr", "L'OPEP a réduit le quota de production du Nigeria le mois dernier, une décision qu'Abuja a rejetée.", [(c("NG"), "rejects", "org/opec")], []),
    ("en", "Mali expelled the French ambassador on Monday, a decision which Paris condemned.", [(c("FR"), "criticizes", c("ML"))], []),
    ("fr", "Le Mali a expulsé lundi l'ambassadeur de France, une décision que Paris a condamnée.", [(c("FR"), "criticizes", c("ML"))], []),
    # the author named as the agent of a participle
    ("en", "Israel struck targets near Damascus, an attack condemned by Egypt and Jordan.", [(c("EG"), "criticizes", c("IL")), (c("JO"), "criticizes", c("IL"))], [(c("EG"), "criticizes", c("SY"))]),
    ("fr", "Israël a frappé des cibles près de Damas, une attaque condamnée par l'Égypte et la Jordanie.", [(c("EG"), "criticizes", c("IL")), (c("JO"), "criticizes", c("IL"))], [(c("EG"), "criticizes", c("SY"))]),
    ("en", "Japan began releasing treated water into the Pacific, a move denounced by Beijing.", [(c("CN"), "criticizes", c("JP"))], []),
    ("fr", "Le Japon a commencé à déverser les eaux traitées dans le Pacifique, une mesure dénoncée par Pékin.", [(c("CN"), "criticizes", c("JP"))], []),
    # the act is the clause that ends at the comma, not the main clause
    (
        "en",
        "South Korea suspended imports of Japanese fish after Tokyo began releasing treated water into the sea, a move Beijing condemned as irresponsible.",
        [(c("CN"), "criticizes", c("JP"))],
        [(c("CN"), "criticizes", c("KR"))],
    ),
    # the act noun read as a modifier or a fronted object of the reaction's subject
    (
        "en",
        "Russia deployed tactical nuclear weapons to Belarus last month, a step Poland's foreign ministry condemned as reckless.",
        [(c("PL"), "criticizes", c("RU"))],
        [(c("PL"), "criticizes", c("BY"))],
    ),
    (
        "fr",
        "La Russie a déployé des armes nucléaires tactiques en Biélorussie le mois dernier, une initiative que le ministère polonais des Affaires étrangères a dénoncée.",
        [(c("PL"), "criticizes", c("RU"))],
        [(c("PL"), "criticizes", c("BY"))],
    ),
    ("en", "Niger ended its military cooperation with the United States, a move Washington rejected as unjustified.", [(c("US"), "rejects", c("NE"))], []),
    ("fr", "Le Niger a mis fin à sa coopération militaire avec les États-Unis, une décision que Washington a rejetée comme injustifiée.", [(c("US"), "rejects", c("NE"))], []),
    # a reaction that does not reject or condemn, and an act noun that is the subject: nothing
    ("en", "Mali expelled the French ambassador, a decision Moscow welcomed.", [], [(c("RU"), "criticizes", c("ML")), (c("RU"), "rejects", c("ML"))]),
    ("fr", "Le Mali a expulsé l'ambassadeur de France, une décision saluée par Moscou.", [], [(c("RU"), "criticizes", c("ML")), (c("RU"), "rejects", c("ML"))]),
    ("en", "Mali expelled the French ambassador, a decision that angered Russia.", [], [(c("ML"), "criticizes", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", APPOSED_ACTS)
def test_apposed_act_with_a_reaction(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "Mali expelled the French ambassador on Monday, a decision Paris did not condemn."),
        ("fr", "Le Mali a expulsé lundi l'ambassadeur de France, une décision que Paris n'a pas condamnée."),
    ],
)
def test_apposed_act_reaction_negated(extractor: Extractor, lang: str, text: str) -> None:
    out = statements(run(extractor, lang, text))
    assert out.get((c("FR"), "criticizes", c("ML"))) == "Negated", sorted(out.items())


# -- an act judged with a word of blame ----------------------------------------------------------------

JUDGED = [
    ("en", "Germany called Iran's decision to expel the inspectors unacceptable.", [(c("DE"), "criticizes", c("IR"))], []),
    ("fr", "Berlin a jugé inacceptable la décision de Téhéran d'expulser les inspecteurs.", [(c("DE"), "criticizes", c("IR"))], []),
    ("fr", "Paris a qualifié d'illégale la décision de Moscou.", [(c("FR"), "criticizes", c("RU"))], []),
    ("en", "China described the Japanese move as irresponsible.", [(c("CN"), "criticizes", c("JP"))], []),
    ("en", "Beijing branded the U.S. sanctions illegal.", [(c("CN"), "criticizes", c("US"))], []),
    # a noun of blame
    ("en", "Russia called the Ukrainian incursion into Kursk a provocation.", [(c("RU"), "criticizes", c("UA"))], []),
    ("fr", "Moscou a qualifié l'incursion ukrainienne dans la région de Koursk de provocation.", [(c("RU"), "criticizes", c("UA"))], []),
    ("en", "Iran called the Israeli strike a violation of its sovereignty.", [(c("IR"), "criticizes", c("IL"))], []),
    ("fr", "Téhéran a qualifié la frappe israélienne de violation de sa souveraineté.", [(c("IR"), "criticizes", c("IL"))], []),
    ("en", "Germany called on Iran to end its provocations.", [], [(c("DE"), "criticizes", c("IR"))]),
    # the act named before
    ("en", "Iran suspended its cooperation with the IAEA. Germany called the decision unacceptable.", [(c("DE"), "criticizes", c("IR"))], [(c("DE"), "criticizes", "org/iaea")]),
    ("fr", "L'Iran a suspendu sa coopération avec l'AIEA. L'Allemagne a jugé cette décision « inacceptable ».", [(c("DE"), "criticizes", c("IR"))], [(c("DE"), "criticizes", "org/iaea")]),
    # a situation or a person judged, or no blame: nothing
    ("en", "France called the situation in Gaza unacceptable.", [], [(c("FR"), "criticizes", "region/gaza-strip")]),
    ("fr", "La France a jugé la situation au Soudan inacceptable.", [], [(c("FR"), "criticizes", c("SD"))]),
    ("en", "Germany called Iran's decision a step forward.", [], [(c("DE"), "criticizes", c("IR"))]),
    ("fr", "Berlin a jugé la décision de Téhéran encourageante.", [], [(c("DE"), "criticizes", c("IR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", JUDGED)
def test_act_judged_with_blame(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
