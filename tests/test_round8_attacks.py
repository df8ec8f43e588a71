"""Round 8: attacks whose actors were not connected (kg/relate/rules.py `noun_trigger`, kg/relate/arguments.py
`verb_subjects`, kg/syntax.py `conjuncts`, the round 8 cues of kg/data/cues/relations.tsv). Sentences are
made up for the tests (real actors, wire style), each construction in French and in English."""

from __future__ import annotations

import pytest
from extraction_fixture import check

from kg.extract import Extractor

pytestmark = pytest.mark.slow

DZ, IL, ML, NE, NG, SO, SY, TR, IQ, US, RU, UA = (
    f"country/{c}" for c in ("DZ", "IL", "ML", "NE", "NG", "SO", "SY", "TR", "IQ", "US", "RU", "UA")
)
EU = "org/eu"

# an attack noun with no agent of its own, claimed or carried out by someone, then said in a relative clause to
# have hit a target: the claimant attacks the target; any other noun ("des sanctions qui visent") stays nobody's attack
CLAIMED_ATTACK = [
    ("fr", "Les Shebab ont revendiqué l'attaque qui a visé une base de l'armée somalienne.", [("group/al-shabaab", "attacks", SO, "fact")], []),
    ("fr", "Le JNIM a revendiqué mardi l'attaque qui a frappé un camp de l'armée malienne près de Kayes.", [("group/jnim", "attacks", ML, "fact")], []),
    ("en", "Al-Shabaab claimed the attack that targeted a Somali army base near Mogadishu.", [("group/al-shabaab", "attacks", SO, "fact")], []),
    ("en", "JNIM claimed on Tuesday the attack which hit a Malian army camp near Kayes.", [("group/jnim", "attacks", ML, "fact")], []),
    # condemning an attack is not claiming it
    ("fr", "Le Niger a condamné l'attaque qui a visé un camp de l'armée malienne.", [], [(NE, "attacks", ML)]),
    ("en", "Niger condemned the attack that targeted a Malian army camp.", [], [(NE, "attacks", ML)]),
    # sanctions that target a country are no attack by whoever adopts them
    ("fr", "L'Union européenne a adopté des sanctions qui visent la Russie.", [], [(EU, "attacks", RU)]),
    ("en", "The European Union adopted sanctions that target Russia.", [], [(EU, "attacks", RU)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", CLAIMED_ATTACK)
def test_claimed_attack_relative(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# strikes carried out in a country by the antecedent of a relative clause: "X, qui a mené des frappes en Y"
STRIKES_IN_RELATIVE = [
    ("fr", "Israël, qui a mené des centaines de frappes en Syrie depuis décembre, n'a pas commenté.", [(IL, "attacks", SY, "fact")], []),
    ("fr", "La Turquie, qui mène depuis des années des frappes en Irak, a démenti.", [(TR, "attacks", IQ, "fact")], []),
    ("en", "Israel, which has carried out hundreds of strikes in Syria since December, did not comment.", [(IL, "attacks", SY, "fact")], []),
    ("en", "Turkey, which has conducted strikes in Iraq for years, denied the report.", [(TR, "attacks", IQ, "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", STRIKES_IN_RELATIVE)
def test_strikes_in_a_country_relative(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# coordinated agents of an attack noun, the first a name of several words: "de Boko Haram et de l'ISWAP"
COORDINATED_AGENTS = [
    ("fr", "Le Niger fait face aux attaques de Boko Haram et de l'ISWAP.", [("group/boko-haram", "attacks", NE, "fact"), ("group/iswap", "attacks", NE, "fact")], []),
    ("fr", "Le Niger et le Nigeria font face aux attaques de Boko Haram et de l'ISWAP.",
     [("group/boko-haram", "attacks", NG, "fact"), ("group/iswap", "attacks", NG, "fact"), ("group/iswap", "attacks", NE, "fact")], []),
    ("en", "Niger faces attacks by Boko Haram and ISWAP.", [("group/boko-haram", "attacks", NE, "fact"), ("group/iswap", "attacks", NE, "fact")], []),
    ("en", "Niger and Nigeria face attacks by Boko Haram and ISWAP.", [("group/iswap", "attacks", NG, "fact"), ("group/iswap", "attacks", NE, "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", COORDINATED_AGENTS)
def test_coordinated_agents_of_an_attack(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# destroying or downing an actor's thing: the agent (its "par" / "by", or the verb's subject) attacks the owner
DESTRUCTION = [
    ("fr", "Bamako a protesté après la destruction d'un drone de l'armée malienne par la défense aérienne algérienne.", [(DZ, "attacks", ML, "fact")], []),
    ("fr", "La destruction d'un drone malien par l'armée algérienne a provoqué une crise.", [(DZ, "attacks", ML, "fact")], []),
    ("fr", "L'armée israélienne a détruit des positions du Hezbollah au Liban.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    ("en", "Mali protested after the downing of a Malian army drone by Algerian air defences.", [(DZ, "attacks", ML, "fact")], []),
    ("en", "The destruction of a Malian drone by the Algerian army sparked a crisis.", [(DZ, "attacks", ML, "fact")], []),
    ("en", "The Israeli army destroyed Hezbollah positions in southern Lebanon.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    # one's own arsenal destroyed is no attack
    ("fr", "La Syrie a achevé la destruction de son arsenal chimique.", [], [(SY, "attacks", SY)]),
    ("en", "Syria completed the destruction of its chemical arsenal.", [], [(SY, "attacks", SY)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", DESTRUCTION)
def test_destruction_of_an_actors_thing(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# ground taken by force: an attack on its owner (a target noun with an owner, or the country named with a town);
# a thing seized (assets, a tanker, power) is no attack, and a town taken with no holder named gives nobody
SEIZED_GROUND = [
    ("fr", "Les jihadistes du JNIM se sont emparés d'une base de l'armée malienne près de Tessit.", [("group/jnim", "attacks", ML, "fact")], []),
    ("fr", "L'Armée d'Arakan s'est emparée du quartier général de l'armée birmane à Ann.", [("group/arakan-army", "attacks", "country/MM", "fact")], []),
    ("fr", "Les forces russes se sont emparées de la ville d'Avdiïvka, dans l'est de l'Ukraine.", [(RU, "attacks", UA, "fact")], []),
    ("en", "JNIM fighters seized a Malian army base near Tessit.", [("group/jnim", "attacks", ML, "fact")], []),
    ("en", "The Arakan Army seized the headquarters of the Myanmar army's western command.", [("group/arakan-army", "attacks", "country/MM", "fact")], []),
    ("en", "Al-Shabaab fighters recaptured the strategic town of Moqokori in Somalia's Hiiraan region on Monday.", [("group/al-shabaab", "attacks", SO, "fact")], []),
    # a town whose name the linker does not know as a place is still no actor attacked
    ("en", "Al-Shabaab fighters recaptured the strategic town of Bulo Burde on Monday.", [], [("group/al-shabaab", "attacks", "org/bulo-burde")]),
    ("fr", "Les États-Unis se sont emparés d'avoirs russes.", [], [(US, "attacks", RU)]),
    ("en", "The United States seized Russian assets.", [], [(US, "attacks", RU)]),
    ("fr", "Le M23 s'est emparé de Goma.", [], [("group/m23", "attacks", "country/CD")]),
    ("en", "The M23 seized Goma.", [], [("group/m23", "attacks", "country/CD")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", SEIZED_GROUND)
def test_seized_ground(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the target of an attack noun hung on its demonym by the parser: "une frappe israélienne contre un fief du Hezbollah"
DEMONYM_TARGET = [
    ("fr", "Une frappe israélienne contre un fief du Hezbollah a tué un commandant.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    ("fr", "La frappe américaine contre une base des Houthis a fait dix morts.", [(US, "attacks", "group/houthis", "fact")], []),
    ("en", "An Israeli strike on a Hezbollah stronghold killed a commander.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    ("en", "The US strike against a Houthi base killed ten people.", [(US, "attacks", "group/houthis", "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", DEMONYM_TARGET)
def test_attack_target_on_the_demonym(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the weapon fired, in the genitive of an attack noun, is no agent: the claimant or doer is ("a revendiqué une attaque
# de drones contre"); a weapon with its owner's demonym still names the agent ("une attaque de drones russes")
WEAPON_GENITIVE = [
    ("fr", "L'Ukraine a revendiqué une attaque de drones contre une raffinerie russe.", [(UA, "attacks", RU, "fact")], []),
    ("fr", "Les Houthis ont revendiqué jeudi un tir de missile balistique contre Israël.", [("group/houthis", "attacks", IL, "fact")], []),
    ("fr", "Une attaque de drones russes contre Kharkiv a fait trois morts.", [(RU, "attacks", UA, "fact")], []),
    ("en", "Ukraine claimed a drone attack on a Russian refinery.", [(UA, "attacks", RU, "fact")], []),
    ("en", "The Houthis claimed an attack of ballistic missiles against Israel.", [("group/houthis", "attacks", IL, "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", WEAPON_GENITIVE)
def test_weapon_is_no_agent(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# an incursion by a demonym's country into a region: the region's country is attacked
INCURSION = [
    ("fr", "L'incursion ukrainienne dans la région de Koursk a surpris Moscou.", [(UA, "attacks", RU, "fact")], []),
    ("en", "The Ukrainian incursion into Russia's Kursk region surprised Moscow.", [(UA, "attacks", RU, "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", INCURSION)
def test_incursion(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# who is said to be the author of an attack ("responsable de", "l'auteur de", "responsible for", "behind") did it;
# a denial is negated, and an accusation in a small clause ("holds Tehran responsible for") is not stated as a fact
AUTHORS = [
    ("fr", "Le JNIM, responsable de plusieurs attaques contre l'armée malienne, a revendiqué l'enlèvement.", [("group/jnim", "attacks", ML, "fact")], []),
    ("fr", "Le JNIM est l'auteur de l'attaque contre un camp de l'armée malienne.", [("group/jnim", "attacks", ML, "fact")], []),
    ("fr", "Le JNIM n'est pas responsable de l'attaque contre l'armée malienne.", [("group/jnim", "attacks", ML, "Negated")], [("group/jnim", "attacks", ML)]),
    ("fr", "Les responsables de l'attaque contre l'armée malienne n'ont pas été identifiés.", [], [("group/jnim", "attacks", ML)]),
    ("en", "The TTP, responsible for a series of attacks in Pakistan, denied the claim.", [("group/ttp", "attacks", "country/PK", "fact")], []),
    ("en", "ISWAP, which was behind the attack on a Nigerian army base, issued a statement.", [("group/iswap", "attacks", NG, "fact")], []),
    ("en", "JNIM was responsible for the attack on a Malian army camp.", [("group/jnim", "attacks", ML, "fact")], []),
    ("en", "Hamas denied being behind the attack on Israel.", [], [("group/hamas", "attacks", IL)]),
    ("en", "Washington holds Tehran responsible for the attack on Israel.", [], [("country/IR", "attacks", IL)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", AUTHORS)
def test_author_of_an_attack(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# a free relative of naming as the target: "struck what it called X", "a frappé ce qu'il a qualifié de X" -> X; the
# naming verb is no phone call ("what the military called Hamas positions" is no meeting with Hamas)
NAMED_TARGET = [
    ("en", 'India struck what it called nine "terrorist infrastructure" sites in Pakistan early on Wednesday.', [("country/IN", "attacks", "country/PK", "fact")], []),
    ("en", "Israeli jets struck what the military described as Hezbollah positions in southern Lebanon.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    ("fr", "Israël a frappé ce qu'il a qualifié de positions du Hezbollah dans le sud du Liban.", [(IL, "attacks", "group/hezbollah", "fact")], []),
    ("fr", "L'armée turque a bombardé ce qu'elle a qualifié de positions du PKK.", [(TR, "attacks", "group/pkk", "fact")], []),
    ("en", "Israel launched strikes on what the military called Hamas positions in eastern Rafah.", [], [(IL, "meetsWith", "group/hamas")]),
    ("fr", "Israël a lancé des frappes contre ce que l'armée a appelé des positions du Hamas.", [], [(IL, "meetsWith", "group/hamas")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", NAMED_TARGET)
def test_target_named_in_a_free_relative(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)
