"""Construction classes of issue 14, second round (recall on news never seen), in French and English.

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


# -- actor nouns as agents: forces, fighters, weapons of a country or a group -----------------------

ACTOR_NOUNS = [
    ("fr", "Des avions de combat turcs ont frappé des positions du PKK dans le nord de l'Irak.", [(c("TR"), "attacks", "group/pkk")], [(c("IQ"), "attacks", "group/pkk")]),
    ("en", "Turkish warplanes struck PKK positions in northern Iraq.", [(c("TR"), "attacks", "group/pkk")], [(c("IQ"), "attacks", "group/pkk")]),
    ("fr", "Des drones russes ont attaqué l'Ukraine dans la nuit.", [(c("RU"), "attacks", c("UA"))], []),
    ("en", "Russian missiles hit Ukraine's energy grid.", [(c("RU"), "attacks", c("UA"))], []),
    ("fr", "L'aviation birmane a bombardé l'Armée d'Arakan.", [(c("MM"), "attacks", "group/arakan-army")], []),
    ("en", "Myanmar's air force bombed the Arakan Army.", [(c("MM"), "attacks", "group/arakan-army")], []),
    ("fr", "Des miliciens des Forces de soutien rapide ont attaqué l'armée soudanaise.", [("group/rsf", "attacks", c("SD"))], []),
    ("en", "Militiamen of the Rapid Support Forces attacked the Sudanese army.", [("group/rsf", "attacks", c("SD"))], []),
    # a bare name read by the parser as a predicate is the object
    ("fr", "Les combattants du Hamas ont attaqué Israël.", [("group/hamas", "attacks", c("IL"))], []),
    ("en", "Hamas gunmen attacked Israel.", [("group/hamas", "attacks", c("IL"))], []),
    # a generic group noun with a named group: the named group
    ("fr", "Des jihadistes du JNIM ont attaqué l'armée burkinabè.", [("group/jnim", "attacks", c("BF"))], [("group/jihadist-groups", "attacks", c("BF"))]),
    ("en", "Jihadists of the Islamic State attacked the Nigerian army.", [("group/islamic-state", "attacks", c("NG"))], [("group/jihadist-groups", "attacks", c("NG"))]),
    # a group's apposition the parser took for the subject: the group, not the one it is a branch of
    (
        "fr",
        "Des combattants du JNIM, la branche sahélienne d'Al-Qaïda, ont attaqué une base de l'armée burkinabè.",
        [("group/jnim", "attacks", c("BF"))],
        [("group/al-qaeda", "attacks", c("BF"))],
    ),
    ("en", "Wagner mercenaries supported the Malian army.", [("group/wagner", "supports", c("ML"))], []),
    ("fr", "Des mercenaires de Wagner ont soutenu l'armée malienne.", [("group/wagner", "supports", c("ML"))], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", ACTOR_NOUNS)
def test_actor_nouns_as_agents(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- attack targets: the owner of the target, else the country of its ground -------------------------

ATTACK_TARGETS = [
    # the owner named
    ("fr", "L'armée israélienne a frappé des positions du Hezbollah dans le sud du Liban.", [(c("IL"), "attacks", "group/hezbollah")], []),
    ("en", "Indian artillery shelled Pakistani posts along the Line of Control.", [(c("IN"), "attacks", c("PK"))], []),
    # no owner: the country of the place named with the target
    ("en", "India struck sites in Pakistan.", [(c("IN"), "attacks", c("PK"))], []),
    ("fr", "Israël a frappé des sites militaires en Iran.", [(c("IL"), "attacks", c("IR"))], []),
    ("en", "Boko Haram attacked a base in Borno state.", [("group/boko-haram", "attacks", c("NG"))], []),
    ("fr", "Boko Haram a attaqué une base dans l'État de Borno.", [("group/boko-haram", "attacks", c("NG"))], []),
    ("en", "Ukrainian drones hit an oil refinery in Russia's Samara region.", [(c("UA"), "attacks", c("RU"))], []),
    ("fr", "L'aviation russe a bombardé un village de la région de Kharkiv.", [(c("RU"), "attacks", c("UA"))], []),
    # a town's own port struck: who holds the town is not said (tests/test_relate.py)
    ("en", "Israel bombed the port of Hodeidah.", [], [(c("IL"), "attacks", c("YE"))]),
    ("fr", "L'armée israélienne a bombardé des dépôts de carburant dans le port de Hodeïda, au Yémen.", [(c("IL"), "attacks", c("YE"))], []),
    # the attacker's own ground gives nothing
    ("en", "The Nigerian army bombed a camp in Borno state.", [], [(c("NG"), "attacks", c("NG"))]),
    ("fr", "L'armée pakistanaise a frappé des caches dans le Khyber Pakhtunkhwa.", [], [(c("PK"), "attacks", c("PK"))]),
    # a group's targets are not its ground's state
    ("en", "Turkey struck Kurdish militant targets in northern Iraq.", [], [(c("TR"), "attacks", c("IQ"))]),
    ("fr", "La Turquie a frappé des cibles de militants kurdes dans le nord de l'Irak.", [], [(c("TR"), "attacks", c("IQ"))]),
    # a target held by someone: the holder is hit, not the ground's state
    ("fr", "L'aviation israélienne a frappé le port de Hodeïda, contrôlé par les Houthis.", [(c("IL"), "attacks", "group/houthis")], [(c("IL"), "attacks", c("YE"))]),
    ("en", "Israeli jets struck the port of Hodeidah, which is held by the Houthis.", [(c("IL"), "attacks", "group/houthis")], [(c("IL"), "attacks", c("YE"))]),
    ("en", "Myanmar's air force bombed a village held by the Arakan Army.", [(c("MM"), "attacks", "group/arakan-army")], []),
    ("fr", "L'aviation israélienne a frappé le port de Hodeïda, contrôlé par les rebelles.", [], [(c("IL"), "attacks", c("YE"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", ATTACK_TARGETS)
def test_attack_targets(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


def test_attack_target_keeps_its_place(extractor: Extractor) -> None:
    rels = [r for r in run(extractor, "en", "Boko Haram attacked a base in Borno state.").relations if r.predicate == "attacks"]
    assert rels and all(r.location is not None and r.location != c("NG") for r in rels)


# -- hosts and visits ---------------------------------------------------------------------------------

HOSTS_AND_VISITS = [
    ("en", "Vladimir Putin hosted Kim Jong Un in Moscow.", [("person/vladimir-putin", "meetsWith", "person/kim-jong-un")], []),
    ("fr", "Vladimir Poutine a reçu Kim Jong-un à Moscou.", [("person/vladimir-putin", "meetsWith", "person/kim-jong-un")], []),
    ("fr", "Kim Jong-un a été reçu par Vladimir Poutine au Kremlin.", [("person/vladimir-putin", "meetsWith", "person/kim-jong-un")], []),
    ("en", "Kim Jong Un was received by Vladimir Putin in Moscow.", [("person/vladimir-putin", "meetsWith", "person/kim-jong-un")], []),
    ("en", "Qatar hosted Hamas leaders for talks.", [(c("QA"), "meetsWith", "group/hamas")], []),
    pytest.param(
        "fr",
        "Le Qatar a accueilli des dirigeants du Hamas pour des pourparlers.",
        [(c("QA"), "meetsWith", "group/hamas")],
        [],
        marks=pytest.mark.xfail(reason="the linker takes 'dirigeants' for a generic actor of the preceding country (Qatar), not Hamas's people"),
    ),
    ("en", "During Narendra Modi's visit to Moscow, the two countries signed an agreement.", [("person/narendra-modi", "meetsWith", c("RU"))], []),
    ("fr", "La visite d'Emmanuel Macron à Alger a été reportée.", [("person/emmanuel-macron", "meetsWith", c("DZ"))], []),
    # one receives an actor, not the owner of a thing received
    ("fr", "Le Mali a reçu des drones de la Turquie.", [(c("TR"), "supports", c("ML"))], [(c("ML"), "meetsWith", c("TR"))]),
    ("en", "Mali received drones from Turkey.", [(c("TR"), "supports", c("ML"))], [(c("ML"), "meetsWith", c("TR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", HOSTS_AND_VISITS)
def test_hosts_and_visits(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- more wire constructions ----------------------------------------------------------------------------

WIRE = [
    # aid with its amount between the noun and the partner, or named by a package
    ("fr", "Les États-Unis ont annoncé une aide militaire de 500 millions de dollars à l'Ukraine.", [(c("US"), "supports", c("UA"))], []),
    ("en", "The Pentagon announced a new $1 billion aid package for Ukraine.", [(c("US"), "supports", c("UA"))], []),
    # the partner of a talk hung on an adjunct
    ("fr", "Le président kényan William Ruto s'est entretenu par téléphone avec son homologue somalien.", [("person/william-ruto", "meetsWith", c("SO"))], []),
    ("en", "Kenyan President William Ruto held talks by phone with his Somali counterpart.", [("person/william-ruto", "meetsWith", c("SO"))], []),
    # revoking an agreement
    ("en", "Niger's junta revoked a military agreement with the United States.", [(c("NE"), "endsCooperationWith", c("US"))], []),
    ("fr", "La junte nigérienne a révoqué l'accord militaire avec les États-Unis.", [(c("NE"), "endsCooperationWith", c("US"))], []),
    # a protest lodged
    ("en", "Japan lodged a protest with China over the incursion.", [(c("JP"), "criticizes", c("CN"))], []),
    ("fr", "Le Japon a adressé une protestation à la Chine après l'incursion.", [(c("JP"), "criticizes", c("CN"))], []),
    # who an act angers criticises its doer
    ("en", "Ethiopia signed a memorandum of understanding with Somaliland, angering Somalia.", [(c("SO"), "criticizes", c("ET"))], [(c("ET"), "criticizes", c("SO"))]),
    ("en", "Somalia was angered by Ethiopia's deal with Somaliland.", [(c("SO"), "criticizes", c("ET"))], []),
    ("fr", "L'accord de l'Éthiopie avec le Somaliland a ulcéré la Somalie.", [(c("SO"), "criticizes", c("ET"))], []),
    ("fr", "La Somalie a été irritée par l'accord conclu par l'Éthiopie avec le Somaliland.", [(c("SO"), "criticizes", c("ET"))], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", WIRE)
def test_more_wire_constructions(extractor: Extractor, lang: str, text: str, expected: list[Triple], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


@pytest.mark.xfail(reason="'irritant' after a comma is tagged as an adjective, its object as an adjunct")
def test_angering_participle_fr(extractor: Extractor) -> None:
    out = facts(run(extractor, "fr", "L'Éthiopie a signé un protocole d'accord avec le Somaliland, irritant la Somalie."))
    assert (c("SO"), "criticizes", c("ET")) in out
