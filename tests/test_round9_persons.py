"""Construction classes of issue 14, round 9 (persons, titles and descriptive anaphora), in French and
English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check, p

from kg.extract import Extractor

pytestmark = pytest.mark.slow




DOUMBOUYA, GOITA, CAMARA, TEDROS, GROSSI, HAYYA = (
    p(s) for s in ("mamadi-doumbouya", "assimi-goita", "sadio-camara", "tedros-adhanom-ghebreyesus", "rafael-grossi", "khalil-al-hayya")
)
HEZBOLLAH, HAMAS, RSF, JNIM, WHO, IAEA = "group/hezbollah", "group/hamas", "group/rsf", "group/jnim", "org/who", "org/iaea"


# -- 1. a leader's title in apposition before a plain name, at the start of a sentence -----------------

TITLE_APPOSITIONS = [
    # the parser hangs the name on the title's complement ("junte"): the title is the noun above it
    ("fr", "Le chef de la junte guinéenne, Mamadi Doumbouya, a dissous le gouvernement.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("fr", "Le chef de la transition guinéenne, Mamadi Doumbouya, a dissous le gouvernement.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("fr", "Le dirigeant militaire guinéen, Mamadi Doumbouya, a limogé le Premier ministre.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("en", "Guinea's military ruler, Mamadi Doumbouya, dissolved the government on Monday.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("en", "Guinea's military ruler Mamadi Doumbouya dissolved the government on Monday.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("en", "The Guinean junta head, Mamadi Doumbouya, dissolved the government on Monday.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    # a leader's title naming no country: what the leaders table says he heads at the article's date
    ("en", "Junta leader Mamadi Doumbouya dissolved the government on Monday.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    ("fr", "Le chef de la junte, Mamadi Doumbouya, a dissous le gouvernement.", [(DOUMBOUYA, "leads", c("GN"), "Asserted")], []),
    # ministers and chiefs of staff lead nothing, however their title is built
    ("fr", "Le ministre de la Défense du Mali, Sadio Camara, a rencontré son homologue russe.", [], [(CAMARA, "leads", c("ML"))]),
    ("en", "Mali's defence minister, Sadio Camara, met his Russian counterpart.", [], [(CAMARA, "leads", c("ML"))]),
    ("fr", "Le chef de la diplomatie, Sergueï Lavrov, a critiqué la France.", [], [(p("sergey-lavrov"), "leads", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", TITLE_APPOSITIONS)
def test_title_apposition_before_a_name(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. a descriptive anaphor of a group with a demonym: the group of that country named just before -----

DESCRIPTIVE_ANAPHORA = [
    ("fr", "Le Hezbollah a tiré des roquettes sur Israël. Le mouvement chiite a aussi menacé les États-Unis.", [(HEZBOLLAH, "threatens", c("US"), "Asserted")], []),
    ("en", "Hezbollah fired rockets at Israel. The Iran-backed group also threatened the United States.", [(HEZBOLLAH, "threatens", c("US"), "Asserted")], []),
    (
        "fr",
        "Le Hezbollah a tiré des roquettes sur Israël. Le mouvement libanais a aussi menacé les États-Unis.",
        [(HEZBOLLAH, "threatens", c("US"), "Asserted")],
        [(c("LB"), "threatens", c("US"))],
    ),
    (
        "en",
        "Hezbollah fired rockets at Israel. The Lebanese movement also threatened the United States.",
        [(HEZBOLLAH, "threatens", c("US"), "Asserted")],
        [(c("LB"), "threatens", c("US"))],
    ),
    (
        "fr",
        "Le Hamas a rejeté la proposition. Le mouvement islamiste palestinien a accusé Israël de bloquer l'aide.",
        [(HAMAS, "criticizes", c("IL"), "Asserted")],
        [(c("PS"), "criticizes", c("IL"))],
    ),
    (
        "en",
        "The Rapid Support Forces seized the city. The Sudanese paramilitary group then attacked the army.",
        [(RSF, "attacks", c("SD"), "fact")],
        [],
    ),
    # of two groups named, the demonym picks the one of its country
    (
        "fr",
        "Le Hamas et le Hezbollah ont salué la trêve. Le mouvement libanais a toutefois menacé Israël.",
        [(HEZBOLLAH, "threatens", c("IL"), "Asserted")],
        [(HAMAS, "threatens", c("IL"))],
    ),
    (
        "en",
        "Hamas and Hezbollah welcomed the truce. The Palestinian movement nevertheless threatened Israel.",
        [(HAMAS, "threatens", c("IL"), "Asserted")],
        [(HEZBOLLAH, "threatens", c("IL"))],
    ),
    # without a demonym, two groups named: no antecedent
    ("en", "Hamas and Hezbollah welcomed the truce. The movement nevertheless threatened Israel.", [], [(HAMAS, "threatens", c("IL")), (HEZBOLLAH, "threatens", c("IL"))]),
    # the one armed group's fighters: "les paramilitaires", "the paramilitaries", "the militants"
    (
        "fr",
        "Les Forces de soutien rapide ont pris la ville. Les paramilitaires ont ensuite attaqué l'armée soudanaise.",
        [(RSF, "attacks", c("SD"), "Asserted")],
        [],
    ),
    (
        "en",
        "The Rapid Support Forces seized the town of Bara. The paramilitaries then attacked the Sudanese army.",
        [(RSF, "attacks", c("SD"), "Asserted")],
        [],
    ),
    ("en", "Al-Shabaab seized the town. The militants then attacked Somali troops.", [("group/al-shabaab", "attacks", c("SO"), "Asserted")], []),
    # two groups named: no antecedent; a French "militant" is an activist
    ("en", "Hamas and Hezbollah welcomed the truce. The militants then attacked Israel.", [], [(HAMAS, "attacks", c("IL")), (HEZBOLLAH, "attacks", c("IL"))]),
    ("fr", "Le Hamas a salué la trêve. Les militants ont critiqué la France.", [], [(HAMAS, "criticizes", c("FR"))]),
    # a demonym of another country than the group's: not the group
    ("en", "Hamas rejected the proposal. The Lebanese movement accused Israel of blocking aid.", [], [(HAMAS, "criticizes", c("IL"))]),
    ("fr", "Le JNIM a attaqué une base au Mali. Le mouvement libanais a condamné Israël.", [], [(JNIM, "criticizes", c("IL"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", DESCRIPTIVE_ANAPHORA)
def test_descriptive_group_anaphora(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. the head of a body: "directeur général", and a possessive title standing for the body named before --

BODY_LEADERS = [
    (
        "fr",
        "L'Organisation mondiale de la santé a lancé un appel. Son directeur général, Tedros Adhanom Ghebreyesus, a critiqué la Chine.",
        [(TEDROS, "leads", WHO, "Asserted")],
        [],
    ),
    (
        "en",
        "The World Health Organization issued an appeal. Its director-general, Tedros Adhanom Ghebreyesus, criticised China.",
        [(TEDROS, "leads", WHO, "Asserted")],
        [],
    ),
    ("fr", "Le directeur général de l'AIEA, Rafael Grossi, a rencontré des responsables iraniens.", [(GROSSI, "leads", IAEA, "Asserted")], []),
    (
        "en",
        "The International Atomic Energy Agency inspected the site. Its director general, Rafael Grossi, met Iranian officials.",
        [(GROSSI, "leads", IAEA, "Asserted")],
        [],
    ),
    ("fr", "Le Hamas a rejeté la proposition. Son chef, Khalil al-Hayya, a accusé Israël de bloquer l'aide.", [(HAYYA, "leads", HAMAS, "Asserted")], []),
    ("en", "Hamas rejected the proposal. Its leader, Khalil al-Hayya, accused Israel of blocking aid.", [(HAYYA, "leads", HAMAS, "Asserted")], []),
    # a director of a state's service leads no country
    ("fr", "Le directeur général de la police malienne, Soulaïmane Traoré, a rencontré le ministre.", [], [(p("soulaimane-traore"), "leads", c("ML"))]),
    ("en", "Mali's police director general, Soulaimane Traore, met the minister.", [], [(p("soulaimane-traore"), "leads", c("ML"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", BODY_LEADERS)
def test_head_of_a_body(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a head of government named again by "M. X" / "Mr X" acts for the state; demanding a force's departure --

SN, FR, ML, GN = c("SN"), c("FR"), c("ML"), c("GN")
SONKO = p("ousmane-sonko")

STATE_ACTS_BY_NAME = [
    (
        "fr",
        "Le Premier ministre sénégalais, Ousmane Sonko, s'est exprimé lundi. M. Sonko a demandé le départ des soldats français.",
        [(SONKO, "leads", SN, "Asserted"), (SN, "expels", FR, "Asserted")],
        [],
    ),
    (
        "en",
        "Senegal's Prime Minister Ousmane Sonko spoke on Monday. Mr Sonko demanded the departure of French troops.",
        [(SONKO, "leads", SN, "Asserted"), (SN, "expels", FR, "Asserted")],
        [],
    ),
    # an honorific and the surname of one known person: that person ("M. Sonko", "Mr Sonko")
    ("fr", "M. Sonko a demandé le départ des soldats français.", [(SN, "expels", FR, "Asserted")], []),
    ("en", "Mr Sonko demanded the departure of French troops.", [(SN, "expels", FR, "Asserted")], []),
    ("fr", "Mme Meloni a rencontré M. Macron à Rome.", [(p("giorgia-meloni"), "meetsWith", p("emmanuel-macron"), "Asserted")], []),
    ("en", "Mrs Meloni met Mr Macron in Rome on Monday.", [(p("giorgia-meloni"), "meetsWith", p("emmanuel-macron"), "Asserted")], []),
    ("fr", "Le Mali a exigé le départ des troupes françaises.", [(ML, "expels", FR, "Asserted")], []),
    ("fr", "Bamako réclame le départ des soldats français.", [(ML, "expels", FR, "fact")], []),
    ("fr", "Le Mali pourrait exiger le départ des troupes françaises.", [(ML, "expels", FR, "Hedged")], [(ML, "expels", FR)]),
    ("fr", "Le Mali n'a pas exigé le départ des troupes françaises.", [(ML, "expels", FR, "Negated")], [(ML, "expels", FR)]),
    ("en", "Mali demanded the departure of French troops.", [(ML, "expels", FR, "Asserted")], []),
    # a surname after a first mention in a passive agent: the leader acts for his state
    (
        "fr",
        "Le président Alpha Condé a été renversé par le colonel Mamadi Doumbouya. Doumbouya a ensuite suspendu la coopération avec la France.",
        [(GN, "endsCooperationWith", FR, "Asserted")],
        [],
    ),
    (
        "en",
        "President Alpha Conde was overthrown by Colonel Mamadi Doumbouya. Doumbouya then suspended cooperation with France.",
        [(GN, "endsCooperationWith", FR, "Asserted")],
        [],
    ),
    # an adverb between "avoir" and the participle: still active ("a ensuite suspendu", not a passive)
    ("fr", "La Guinée a ensuite suspendu sa coopération avec la France.", [(GN, "endsCooperationWith", FR, "Asserted")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", STATE_ACTS_BY_NAME)
def test_state_acts_named_by_surname(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
