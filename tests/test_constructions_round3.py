"""Construction classes of issue 14, third round (recall on news never seen), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check

from kg.extract import Extractor

pytestmark = pytest.mark.slow




ECOWAS, EU, UN = "org/ecowas", "org/eu", "org/un"


# -- 1. a noun's infinitive: its unexpressed subject is the noun's agent ------------------------------

CONTROL_NOUNS = [
    # possessive determiner: the clause's subject; the modality is the noun's (a decision is as the clause
    # says, an intention or a plan is hedged, a refusal negated)
    ("fr", "Le Burkina Faso a annoncé sa décision de quitter la CEDEAO.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    ("en", "Burkina Faso announced its decision to leave ECOWAS.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    ("fr", "Le Togo a réaffirmé son intention de quitter la CEDEAO.", [(c("TG"), "withdrawsFrom", ECOWAS, "Hedged")], [(c("TG"), "withdrawsFrom", ECOWAS)]),
    ("fr", "La Géorgie a réaffirmé sa volonté de se rapprocher de Moscou.", [(c("GE"), "cooperatesWith", c("RU"), "Hedged")], [(c("GE"), "cooperatesWith", c("RU"))]),
    # genitive, possessor, demonym
    ("fr", "La décision du gouvernement malien de retirer ses troupes du Niger a surpris.", [(c("ML"), "withdrawsFrom", c("NE"), "Asserted")], []),
    ("fr", "Le projet de Moscou de retirer ses troupes de Syrie inquiète Damas.", [(c("RU"), "withdrawsFrom", c("SY"), "Hedged")], [(c("RU"), "withdrawsFrom", c("SY"))]),
    ("en", "Moscow's plan to withdraw its troops from Syria worried Damascus.", [(c("RU"), "withdrawsFrom", c("SY"), "Hedged")], [(c("RU"), "withdrawsFrom", c("SY"))]),
    (
        "fr",
        "Paris a dénoncé le refus de Bamako d'expulser l'ambassadeur russe.",
        [(c("ML"), "expels", c("RU"), "Negated")],
        [(c("ML"), "expels", c("RU")), (c("FR"), "expels", c("RU"))],
    ),
    (
        "en",
        "Washington criticised Hungary's refusal to sanction Russia.",
        [(c("HU"), "sanctions", c("RU"), "Negated"), (c("US"), "criticizes", c("HU"), "Asserted")],
        [(c("HU"), "sanctions", c("RU")), (c("US"), "sanctions", c("RU"))],
    ),
    (
        "fr",
        "Washington a critiqué le refus de la Hongrie de sanctionner la Russie.",
        [(c("HU"), "sanctions", c("RU"), "Negated")],
        [(c("HU"), "sanctions", c("RU")), (c("US"), "sanctions", c("RU"))],
    ),
    # a noun held by a verb of having or taking: the verb's subject
    ("fr", "Le Niger a pris la décision d'expulser l'ambassadeur de France.", [(c("NE"), "expels", c("FR"), "Asserted")], []),
    ("en", "Niger made the decision to expel the French ambassador.", [(c("NE"), "expels", c("FR"), "Asserted")], []),
    ("en", "Ghana has no intention of leaving ECOWAS.", [(c("GH"), "withdrawsFrom", ECOWAS, "Negated")], [(c("GH"), "withdrawsFrom", ECOWAS)]),
    ("fr", "Le Ghana n'a aucune intention de quitter la CEDEAO.", [(c("GH"), "withdrawsFrom", ECOWAS, "Negated")], [(c("GH"), "withdrawsFrom", ECOWAS)]),
    # a decision with no agent named, under a verb that judges it: nobody's
    ("fr", "L'Union européenne a salué la décision de quitter la CEDEAO.", [], [(EU, "withdrawsFrom", ECOWAS)]),
    ("en", "The European Union welcomed the decision to leave ECOWAS.", [], [(EU, "withdrawsFrom", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", CONTROL_NOUNS)
def test_control_nouns(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. requested acts named by nouns: the one asked would act, else the askers (hedged) ---------------

REQUESTED_ACTS = [
    (
        "fr",
        "La Pologne a demandé à l'Union européenne de nouvelles sanctions contre la Russie.",
        [(EU, "sanctions", c("RU"), "Hedged")],
        [(EU, "sanctions", c("RU")), (c("PL"), "sanctions", c("RU"))],
    ),
    (
        "fr",
        "La Lituanie a appelé l'Union européenne à de nouvelles sanctions contre la Biélorussie.",
        [(EU, "sanctions", c("BY"), "Hedged")],
        [(EU, "sanctions", c("BY")), (c("LT"), "sanctions", c("BY"))],
    ),
    ("en", "Poland asked the European Union for new sanctions against Russia.", [(EU, "sanctions", c("RU"), "Hedged")], [(EU, "sanctions", c("RU"))]),
    ("en", "Lithuania urged the European Union to adopt new sanctions against Belarus.", [(EU, "sanctions", c("BY"), "Hedged")], [(EU, "sanctions", c("BY"))]),
    ("en", "Poland urged the EU to impose sanctions on Russia.", [(EU, "sanctions", c("RU"), "Hedged")], [(EU, "sanctions", c("RU"))]),
    # nobody asked: the askers would act
    ("fr", "La Lituanie a réclamé des sanctions contre la Biélorussie.", [(c("LT"), "sanctions", c("BY"), "Hedged")], [(c("LT"), "sanctions", c("BY"))]),
    ("en", "Lithuania called for sanctions against Belarus.", [(c("LT"), "sanctions", c("BY"), "Hedged")], [(c("LT"), "sanctions", c("BY"))]),
    ("en", "Ukraine demanded new sanctions on Russia.", [(c("UA"), "sanctions", c("RU"), "Hedged")], [(c("UA"), "sanctions", c("RU"))]),
    # sanctions announced are the announcer's, asserted (the support frame, unchanged)
    ("fr", "L'Union européenne a annoncé de nouvelles sanctions contre la Biélorussie.", [(EU, "sanctions", c("BY"), "Asserted")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", REQUESTED_ACTS)
def test_requested_acts(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. threatened acts: the threat asserted, its act hedged; aid and deliveries cut end a cooperation ---

THREATENED_ACTS = [
    (
        "fr",
        "Les États-Unis ont menacé de couper l'aide à l'Ukraine.",
        [(c("US"), "threatens", c("UA"), "Asserted"), (c("US"), "endsCooperationWith", c("UA"), "Hedged")],
        [(c("US"), "endsCooperationWith", c("UA"))],
    ),
    (
        "en",
        "The United States threatened to cut aid to Ukraine.",
        [(c("US"), "threatens", c("UA"), "Asserted"), (c("US"), "endsCooperationWith", c("UA"), "Hedged")],
        [(c("US"), "endsCooperationWith", c("UA"))],
    ),
    ("en", "Washington threatened to cut off military aid to Kyiv.", [(c("US"), "endsCooperationWith", c("UA"), "Hedged")], [(c("US"), "endsCooperationWith", c("UA"))]),
    (
        "fr",
        "Moscou menace de suspendre ses livraisons de gaz à la Moldavie.",
        [(c("RU"), "threatens", c("MD"), "Asserted"), (c("RU"), "endsCooperationWith", c("MD"), "Hedged")],
        [(c("RU"), "endsCooperationWith", c("MD"))],
    ),
    ("fr", "La Russie menace de rompre ses relations avec la Moldavie.", [(c("RU"), "endsCooperationWith", c("MD"), "Hedged")], [(c("RU"), "endsCooperationWith", c("MD"))]),
    # done, not threatened: asserted
    ("fr", "Les États-Unis ont coupé leur aide militaire à l'Ukraine.", [(c("US"), "endsCooperationWith", c("UA"), "Asserted")], [(c("US"), "supports", c("UA"))]),
    ("fr", "La Russie a suspendu ses livraisons d'armes à l'Arménie.", [(c("RU"), "endsCooperationWith", c("AM"), "Asserted")], [(c("RU"), "supports", c("AM"))]),
    ("en", "Russia cut gas supplies to Moldova.", [(c("RU"), "endsCooperationWith", c("MD"), "Asserted")], []),
    (
        "en",
        "The United States, which has paused a shipment of heavy bombs to Israel, said it was reviewing the plan.",
        [(c("US"), "endsCooperationWith", c("IL"), "fact")],
        [(c("US"), "supports", c("IL"))],
    ),
    # deliveries announced are support
    ("fr", "La Russie a annoncé des livraisons d'armes à l'Arménie.", [(c("RU"), "supports", c("AM"), "Asserted")], [(c("RU"), "endsCooperationWith", c("AM"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", THREATENED_ACTS)
def test_threatened_acts(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. support named in an adverbial, and a supporter said of an entity ------------------------------

BACKING = [
    # "avec le soutien de X", "with the backing of X": X supports whoever does the act
    (
        "fr",
        "Les forces américaines et britanniques ont bombardé des positions houthies au Yémen avec le soutien de l'Australie et du Canada.",
        [(c("AU"), "supports", c("US"), "Asserted"), (c("CA"), "supports", c("GB"), "Asserted")],
        [],
    ),
    ("fr", "L'armée burkinabè a repris la ville de Djibo avec l'appui de la Russie.", [(c("RU"), "supports", c("BF"), "Asserted")], []),
    ("fr", "Le Niger, avec l'aide de la Turquie, a lancé une opération contre l'État islamique.", [(c("TR"), "supports", c("NE"), "Asserted")], []),
    ("en", "Israeli forces intercepted the drones with the help of France and Britain.", [(c("FR"), "supports", c("IL"), "Asserted"), (c("GB"), "supports", c("IL"), "Asserted")], []),
    ("en", "The Somali army retook the town with the backing of Turkey.", [(c("TR"), "supports", c("SO"), "Asserted")], []),
    # a detached participle said of an act: the act's agent (its demonym, or the act named before)
    ("fr", "Les frappes israéliennes, menées avec le soutien des États-Unis, ont visé des sites iraniens.", [(c("US"), "supports", c("IL"), "Asserted")], []),
    ("en", "Turkish airstrikes, conducted with the backing of Azerbaijan, targeted the PKK in northern Iraq.", [(c("AZ"), "supports", c("TR"), "Asserted")], []),
    pytest.param(
        "en",
        "Turkish drone strikes, carried out with the backing of Qatar, hit Kurdish positions.",
        [(c("QA"), "supports", c("TR"), "Asserted")],
        [],
        marks=pytest.mark.xfail(reason="the demonym of a compound act noun ('Turkish drone strikes') is not read as the act's agent"),
    ),
    (
        "fr",
        "Les États-Unis ont bombardé les Houthis au Yémen dimanche. Ces frappes, menées avec l'appui des Pays-Bas, visaient des radars.",
        [(c("NL"), "supports", c("US"), "Asserted")],
        [],
    ),
    pytest.param(
        "en",
        "The United States bombed Houthi positions on Sunday. The strikes, carried out with the support of the Netherlands, targeted radars.",
        [(c("NL"), "supports", c("US"), "Asserted")],
        [],
        marks=pytest.mark.xfail(reason="a definite act noun ('The strikes') is not taken for the act named before (event_antecedent reads demonstratives)"),
    ),
    # "avec" of the verb's own partner is no adverbial of support
    ("fr", "Le Mali a rompu avec l'aide de la France.", [], [(c("FR"), "supports", c("ML")), (c("ML"), "supports", c("FR"))]),
    ("en", "Niger has broken with the help of France.", [], [(c("FR"), "supports", c("NE")), (c("NE"), "supports", c("FR"))]),
    # a hedged act: the support is hedged too
    ("fr", "Le Tchad pourrait attaquer les rebelles avec le soutien de la France.", [(c("FR"), "supports", c("TD"), "Hedged")], [(c("FR"), "supports", c("TD"))]),
    ("en", "Chad could strike the rebels with the support of France.", [(c("FR"), "supports", c("TD"), "Hedged")], [(c("FR"), "supports", c("TD"))]),
]

SUPPORTERS = [
    # "X, principal soutien de Y", "X, Y's main backer": X supports Y
    ("fr", "L'Iran, principal soutien du Hezbollah, a dénoncé l'opération israélienne.", [(c("IR"), "supports", "group/hezbollah", "Asserted")], []),
    ("fr", "Téhéran, parrain des Houthis, a démenti toute implication.", [(c("IR"), "supports", "group/houthis", "Asserted")], []),
    ("en", "Iran, the main backer of the Houthis, denied any role in the attack.", [(c("IR"), "supports", "group/houthis", "Asserted")], []),
    ("en", "Russia, Belarus's main sponsor, condemned the new sanctions.", [(c("RU"), "supports", c("BY"), "Asserted")], []),
    # "soutien" as an act, not a supporter: no apposition, no fact said of the subject
    ("fr", "Le soutien de la France à l'Ukraine reste ferme, a déclaré l'Allemagne.", [], [(c("DE"), "supports", c("FR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", BACKING)
def test_backing(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


@pytest.mark.parametrize("lang, text, expected, absent", SUPPORTERS)
def test_supporters(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
