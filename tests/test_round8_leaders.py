"""Construction classes of issue 14, round 8 (leaders, memberships and support stated in noun phrases), in
French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check, p

from kg.extract import Extractor

pytestmark = pytest.mark.slow




AES, NATO = "org/aes", "org/nato"
KAGAME, FAYE, GOITA, TRAORE, TIANI = (p(s) for s in ("paul-kagame", "bassirou-diomaye-faye", "assimi-goita", "ibrahim-traore", "abdourahamane-tiani"))


# -- 1. a name marked by its country in a list of heads of state ------------------------------------

LISTED_LEADERS = [
    (
        "fr",
        "Plusieurs chefs d'État africains ont assisté à l'investiture, dont le Rwandais Paul Kagame et le Sénégalais Bassirou Diomaye Faye.",
        [(KAGAME, "leads", c("RW"), "Asserted"), (FAYE, "leads", c("SN"), "Asserted")],
        [],
    ),
    (
        "en",
        "Several African leaders attended the inauguration, including Rwanda's Paul Kagame and Senegal's Bassirou Diomaye Faye.",
        [(KAGAME, "leads", c("RW"), "Asserted"), (FAYE, "leads", c("SN"), "Asserted")],
        [],
    ),
    (
        "fr",
        "Une dizaine de présidents étaient présents à Kigali, notamment le Sénégalais Bassirou Diomaye Faye.",
        [(FAYE, "leads", c("SN"), "Asserted")],
        [],
    ),
    # leaders of something else than a state: nothing
    ("fr", "Plusieurs dirigeants rebelles, dont le Rwandais Paul Kagame, ont été cités.", [], [(KAGAME, "leads", c("RW"))]),
    ("en", "Several opposition leaders, including Senegal's Bassirou Diomaye Faye, joined the march.", [], [(FAYE, "leads", c("SN"))]),
    # a name after the list is closed is not one of its members
    (
        "fr",
        "Plusieurs chefs d'État ont assisté à la cérémonie, ainsi que le Sénégalais Bassirou Diomaye Faye.",
        [],
        [(FAYE, "leads", c("SN"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", LISTED_LEADERS)
def test_listed_leaders(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. a title elided in a list: "les chefs de la junte malienne, A, du Burkina Faso, B" -------------

GAPPED_TITLES = [
    (
        "fr",
        "Réunis à Bamako, les chefs de la junte malienne, Assimi Goïta, du Burkina Faso, Ibrahim Traoré, et du Niger, Abdourahamane Tiani, ont signé un traité.",
        [(GOITA, "leads", c("ML"), "Asserted"), (TRAORE, "leads", c("BF"), "Asserted"), (TIANI, "leads", c("NE"), "Asserted")],
        [(TRAORE, "leads", c("ML")), (TIANI, "leads", c("BF"))],
    ),
    (
        "en",
        "Meeting in Bamako, the junta leaders of Mali, Assimi Goita, of Burkina Faso, Ibrahim Traore, and of Niger, Abdourahamane Tiani, signed a treaty.",
        [(GOITA, "leads", c("ML"), "Asserted"), (TRAORE, "leads", c("BF"), "Asserted"), (TIANI, "leads", c("NE"), "Asserted")],
        [],
    ),
    # ministers lead nothing, elided or not
    (
        "fr",
        "Les ministres des Affaires étrangères du Mali, Abdoulaye Diop, et du Niger, Bakary Yaou Sangaré, se sont entretenus à Niamey.",
        [],
        [(p("bakary-yaou-sangare"), "leads", c("NE")), (p("abdoulaye-diop"), "leads", c("ML"))],
    ),
    (
        "en",
        "The foreign ministers of Mali, Abdoulaye Diop, and of Niger, Bakary Yaou Sangare, met in Niamey.",
        [],
        [(p("bakary-yaou-sangare"), "leads", c("NE")), (p("abdoulaye-diop"), "leads", c("ML"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", GAPPED_TITLES)
def test_gapped_titles(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. membership in an apposition: a plural anaphor, "au sein de" ---------------------------------

MEMBERSHIP = [
    (
        "fr",
        "Le Burkina Faso a été attaqué. Le Mali et le Niger, ses alliés au sein de l'Alliance des États du Sahel, ont promis des renforts.",
        [(c("ML"), "memberOf", AES, "Asserted"), (c("NE"), "memberOf", AES, "Asserted")],
        [],
    ),
    (
        "en",
        "Burkina Faso was attacked. Mali and Niger, its allies within the Alliance of Sahel States, pledged reinforcements.",
        [(c("ML"), "memberOf", AES, "Asserted"), (c("NE"), "memberOf", AES, "Asserted")],
        [],
    ),
    (
        "fr",
        "La Turquie et la Grèce ont signé un accord. Les deux voisins, tous deux membres de l'OTAN, veulent tourner la page.",
        [(c("TR"), "memberOf", NATO, "Asserted"), (c("GR"), "memberOf", NATO, "Asserted")],
        [],
    ),
    (
        "en",
        "Turkey and Greece signed a deal. The two neighbours, both NATO members, want to turn the page.",
        [(c("TR"), "memberOf", NATO, "Asserted"), (c("GR"), "memberOf", NATO, "Asserted")],
        [],
    ),
    # a plural noun that stands for nobody named: nothing
    ("fr", "Les deux pays, tous deux membres de l'OTAN, veulent tourner la page.", [], [(c("TR"), "memberOf", NATO)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", MEMBERSHIP)
def test_membership_apposition(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a rank between a leader's title and the name; an army chief who heads his country ------------

BURHAN = p("abdel-fattah-al-burhan")

RANKED_TITLES = [
    (
        "fr",
        "Le chef de la junte nigérienne, le général Abdourahamane Tiani, a promis de riposter.",
        [(TIANI, "leads", c("NE"), "Asserted")],
        [],
    ),
    # an army stands for its country; its chief leads the country when the leaders table says he heads it
    (
        "fr",
        "Dans une allocution, le chef de l'armée soudanaise, le général Abdel Fattah al-Burhane, a promis de riposter.",
        [(BURHAN, "leads", c("SD"), "Asserted")],
        [],
    ),
    ("en", "Sudan's army chief Abdel Fattah al-Burhan accused the Gulf state of prolonging the war.", [(BURHAN, "leads", c("SD"), "Asserted")], []),
    # a chief of staff, or an army chief the table does not hold as head of state, leads nothing
    (
        "fr",
        "Le chef d'état-major de l'armée nigériane, le général Christopher Musa, a promis de riposter.",
        [],
        [(p("christopher-musa"), "leads", c("NG"))],
    ),
    (
        "en",
        "Nigeria's army chief, General Christopher Musa, vowed to respond.",
        [],
        [(p("christopher-musa"), "leads", c("NG"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", RANKED_TITLES)
def test_ranked_titles(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 5. support stated as a commitment to an actor ------------------------------------------------

COMMITMENT = [
    ("fr", "Washington a réaffirmé son engagement « indéfectible » envers Manille.", [(c("US"), "supports", c("PH"), "Asserted")], []),
    ("fr", "Washington a réaffirmé son engagement envers son allié philippin.", [(c("US"), "supports", c("PH"), "Asserted")], []),
    ("fr", "Paris a réaffirmé son engagement envers l'Ukraine.", [(c("FR"), "supports", c("UA"), "Asserted")], []),
    ("en", "Washington reaffirmed its ironclad commitment to Manila.", [(c("US"), "supports", c("PH"), "Asserted")], []),
    # a commitment to a cause, or a battle ("engagement" without "envers"): nothing
    ("fr", "Les États-Unis ont réaffirmé leur engagement envers la paix au Soudan.", [], [(c("US"), "supports", c("SD"))]),
    ("en", "The United States reaffirmed its commitment to peace in Sudan.", [], [(c("US"), "supports", c("SD"))]),
    ("fr", "L'engagement de l'armée malienne contre le JNIM a fait dix morts.", [], [(c("ML"), "supports", "group/jnim")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", COMMITMENT)
def test_commitment_to_an_actor(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 6. meetings stated as nouns: a dated meeting between two leaders; a gathering hosted by someone --

MACRON, TEBBOUNE, PUTIN, XI = p("emmanuel-macron"), p("abdelmadjid-tebboune"), p("vladimir-putin"), p("xi-jinping")
KRISTERSSON, BLINKEN, CHARLES = p("ulf-kristersson"), p("antony-blinken"), p("charles-iii")

MEETING_NOUNS = [
    (
        "fr",
        "La crise survient après l'entretien téléphonique du 31 mars entre Emmanuel Macron et son homologue Abdelmadjid Tebboune.",
        [(MACRON, "meetsWith", TEBBOUNE, "Asserted")],
        [],
    ),
    ("fr", "Le sommet de lundi entre Vladimir Poutine et Xi Jinping a duré trois heures.", [(PUTIN, "meetsWith", XI, "Asserted")], []),
    ("en", "The May 12 meeting between Vladimir Putin and Xi Jinping lasted three hours.", [(PUTIN, "meetsWith", XI, "Asserted")], []),
    (
        "fr",
        "Le Premier ministre suédois Ulf Kristersson a remis les documents lors d'une cérémonie présidée par le secrétaire d'État Antony Blinken.",
        [(KRISTERSSON, "meetsWith", BLINKEN, "Asserted")],
        [],
    ),
    (
        "en",
        "Swedish Prime Minister Ulf Kristersson handed over the documents at a ceremony in Washington hosted by Secretary of State Antony Blinken.",
        [(KRISTERSSON, "meetsWith", BLINKEN, "Asserted")],
        [],
    ),
    ("fr", "Emmanuel Macron a pris la parole lors d'un dîner offert par le roi Charles III.", [(MACRON, "meetsWith", CHARLES, "Asserted")], []),
    # not attended: negated, no plain fact
    ("en", "Emmanuel Macron did not attend the dinner hosted by King Charles III.", [(MACRON, "meetsWith", CHARLES, "Negated")], [(MACRON, "meetsWith", CHARLES)]),
    # a gathering the act only follows: nothing
    ("en", "Emmanuel Macron spoke to reporters after a dinner hosted by King Charles III.", [], [(MACRON, "meetsWith", CHARLES)]),
    ("fr", "Emmanuel Macron s'est exprimé après un dîner offert par le roi Charles III.", [], [(MACRON, "meetsWith", CHARLES)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", MEETING_NOUNS)
def test_meeting_nouns(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 7. a supporter of "the rebels": the one armed group named before ------------------------------

HOUTHIS = "group/houthis"

REBEL_ANAPHOR = [
    (
        "fr",
        "Les Houthis ont tiré des missiles sur un navire. L'Iran, principal soutien des rebelles, a condamné les frappes américaines.",
        [(c("IR"), "supports", HOUTHIS, "Asserted")],
        [],
    ),
    (
        "en",
        "The Houthis fired missiles at a ship. Iran, the rebels' main backer, condemned the US strikes.",
        [(c("IR"), "supports", HOUTHIS, "Asserted")],
        [],
    ),
    # two armed groups named before: "the rebels" is neither
    (
        "fr",
        "Le Hezbollah et les Houthis ont menacé Israël. L'Iran, principal soutien des rebelles, a condamné les frappes.",
        [],
        [(c("IR"), "supports", HOUTHIS), (c("IR"), "supports", "group/hezbollah")],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", REBEL_ANAPHOR)
def test_rebel_anaphor(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
