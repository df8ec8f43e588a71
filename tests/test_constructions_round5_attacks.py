"""Construction classes of issue 14, fifth round: attacks, threats and sanctions, in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check

from kg.extract import Extractor

pytestmark = pytest.mark.slow




HEZBOLLAH, HOUTHIS, PKK, IS = "group/hezbollah", "group/houthis", "group/pkk", "group/islamic-state"


# -- 1. a vow of retaliation threatens its target ------------------------------------------------------

VOWS = [
    # a retaliation verb as the vow's infinitive, with its target
    ("fr", "Le Pakistan a promis mercredi de riposter contre l'Inde.", [(c("PK"), "threatens", c("IN"), "Asserted")], []),
    ("en", "Pakistan vowed on Wednesday to retaliate against India.", [(c("PK"), "threatens", c("IN"), "Asserted")], []),
    ("fr", "L'Iran a juré de se venger d'Israël après la mort de son général.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    # coordinated infinitives: only the retaliation's target
    (
        "fr",
        "Le Hezbollah a juré de venger la mort de son chef et de riposter contre Israël.",
        [(HEZBOLLAH, "threatens", c("IL"), "Asserted")],
        [],
    ),
    # a retaliation noun as the vow's object
    ("fr", "Téhéran a promis une riposte « écrasante » contre Israël.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    ("en", "Iran vowed revenge against Israel for the killing of its commander.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    # a vow to strike: threatens (asserted), the strike itself hedged
    (
        "en",
        "Iran pledged to strike Israel.",
        [(c("IR"), "threatens", c("IL"), "Asserted"), (c("IR"), "attacks", c("IL"), "Hedged")],
        [(c("IR"), "attacks", c("IL"))],
    ),
    (
        "fr",
        "L'Iran a juré de frapper Israël.",
        [(c("IR"), "threatens", c("IL"), "Asserted")],
        [(c("IR"), "attacks", c("IL"))],
    ),
    # a clause saying the target will pay the price
    (
        "fr",
        "Les Houthis ont promis que les Américains paieront le prix de cette agression.",
        [(HOUTHIS, "threatens", c("US"), "Asserted")],
        [],
    ),
    (
        "en",
        "The Houthis vowed that the Americans and the British would pay a heavy price.",
        [(HOUTHIS, "threatens", c("US"), "Asserted"), (HOUTHIS, "threatens", c("GB"), "Asserted")],
        [],
    ),
    # not a threat: a vow of support, paying for something, avenging a person, a denied vow
    ("fr", "La Russie a promis de soutenir la Syrie.", [], [(c("RU"), "threatens", c("SY"))]),
    ("en", "Putin promised that Russia would pay for the reconstruction of Syria.", [], [(c("RU"), "threatens", c("SY"))]),
    ("en", "Hezbollah vowed to avenge Hassan Nasrallah.", [], [(HEZBOLLAH, "threatens", "person/hassan-nasrallah")]),
    ("en", "Iran did not vow revenge against Israel.", [], [(c("IR"), "threatens", c("IL"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", VOWS)
def test_vow_of_retaliation(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. attacks counted or conducted ----------------------------------------------------------------

ATTACK_OPERATIONS = [
    # the place of counted strikes hangs on the count
    ("fr", "Israël a mené des dizaines de frappes en Syrie depuis décembre.", [(c("IL"), "attacks", c("SY"), "Asserted")], []),
    ("fr", "L'armée israélienne a mené des dizaines de frappes au Liban cette semaine.", [(c("IL"), "attacks", c("LB"), "Asserted")], []),
    ("fr", "Israël a mené des centaines de raids aériens au Liban.", [(c("IL"), "attacks", c("LB"), "Asserted")], []),
    pytest.param(
        "fr",
        "Israël a effectué des centaines de frappes au Liban.",
        [(c("IL"), "attacks", c("LB"), "Asserted")],
        [],
        marks=pytest.mark.xfail(reason="the French model tags 'frappes' after 'centaines de' as an adverb here"),
    ),
    ("en", "Israel has carried out hundreds of strikes in Syria since December.", [(c("IL"), "attacks", c("SY"), "Asserted")], []),
    # operations conducted or carried out against a target
    ("en", "The Turkish army has been conducting operations against the PKK for decades.", [(c("TR"), "attacks", PKK, "Asserted")], []),
    ("en", "US forces carried out operations against Islamic State in Syria.", [(c("US"), "attacks", IS, "Asserted")], []),
    ("fr", "L'armée turque mène des opérations contre les rebelles du PKK.", [(c("TR"), "attacks", PKK, "Asserted")], []),
    # not an attack: an inquiry conducted, a count of people
    ("en", "Turkey conducted an investigation into the PKK attack.", [], [(c("TR"), "attacks", PKK)]),
    ("fr", "Des centaines de manifestants ont défilé à Paris contre la Russie.", [], [(c("FR"), "attacks", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", ATTACK_OPERATIONS)
def test_attack_operations(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. bans, bars, restrictions and surcharges ---------------------------------------------------------

BANS = [
    ("en", "China imposed a ban on Japanese seafood in August.", [(c("CN"), "sanctions", c("JP"), "Asserted")], []),
    ("en", "China banned imports of Japanese seafood after the release of treated water.", [(c("CN"), "sanctions", c("JP"), "Asserted")], []),
    ("en", "Southeast Asian ministers barred Myanmar's junta from the summit.", [], []),
    ("en", "ASEAN barred Myanmar's junta leader from attending the summit.", [("org/asean", "sanctions", c("MM"), "Asserted")], []),
    # coordinated sanction nouns share the framing verb
    ("en", "Trump ordered sweeping tariffs and visa restrictions on Colombia.", [(c("US"), "sanctions", c("CO"), "Asserted")], []),
    ("fr", "Washington a imposé des surtaxes sur l'acier chinois.", [(c("US"), "sanctions", c("CN"), "Asserted")], []),
    # not a sanction: a domestic ban, a court, restrictions on nobody
    ("en", "Police banned the protest in Paris.", [], [(c("FR"), "sanctions", c("FR"))]),
    ("en", "Restrictions on the press in Russia have tightened.", [], [(c("RU"), "sanctions", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", BANS)
def test_bans_and_restrictions(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a town struck directly and said to be held by someone: the holder is hit -----------------------

HELD_TOWNS = [
    (
        "fr",
        "L'armée israélienne a bombardé Hodeïda, tenue par les Houthis.",
        [(c("IL"), "attacks", HOUTHIS, "Asserted")],
        [(c("IL"), "attacks", c("YE"))],
    ),
    # with no holder named, a town struck gives no country (it may be held by someone else than its state)
    ("en", "Israel struck Hodeidah on Monday.", [], [(c("IL"), "attacks", c("YE"))]),
    ("en", "M23 rebels captured most of Goma on Monday.", [], [("group/m23", "attacks", "country/CD")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", HELD_TOWNS)
def test_held_town(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 5. the members a sanction's target lists ---------------------------------------------------------

LISTED_TARGETS = [
    (
        "fr",
        "Pékin a annoncé des sanctions contre sept entreprises américaines de défense, dont Lockheed Martin et General Dynamics.",
        [(c("CN"), "sanctions", "org/lockheed-martin", "Asserted"), (c("CN"), "sanctions", "org/general-dynamics", "Asserted")],
        [],
    ),
    (
        "en",
        "Beijing announced sanctions on seven US defence firms, including Lockheed Martin and General Dynamics.",
        [(c("CN"), "sanctions", "org/lockheed-martin", "Asserted"), (c("CN"), "sanctions", "org/general-dynamics", "Asserted")],
        [],
    ),
    (
        "fr",
        "Les États-Unis ont imposé des sanctions contre plusieurs responsables russes, dont Sergueï Lavrov.",
        [(c("US"), "sanctions", "person/sergey-lavrov", "Asserted")],
        [],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", LISTED_TARGETS)
def test_listed_targets(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 6. a warning that the speaker's side would strike, a threat of reprisals ----------------------------

WARNINGS = [
    (
        "fr",
        "Benyamin Netanyahou a averti qu'Israël frapperait avec force si le Hezbollah violait la trêve.",
        [("person/benjamin-netanyahu", "threatens", HEZBOLLAH, "Asserted")],
        [("person/benjamin-netanyahu", "threatens", c("IL"))],
    ),
    (
        "en",
        "Benjamin Netanyahu warned that Israel would strike hard if Hezbollah violated the truce.",
        [("person/benjamin-netanyahu", "threatens", HEZBOLLAH, "Asserted")],
        [("person/benjamin-netanyahu", "threatens", c("IL"))],
    ),
    ("en", "Iran warned it would retaliate if Israel attacked its nuclear sites.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    ("fr", "L'Iran a menacé de représailles contre Israël.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    ("en", "Iran threatened retaliation against Israel.", [(c("IR"), "threatens", c("IL"), "Asserted")], []),
    # the one warned is still the clause's subject when it would pay
    ("fr", "Le Hezbollah a averti qu'Israël paierait le prix de cette escalade.", [(HEZBOLLAH, "threatens", c("IL"), "Asserted")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", WARNINGS)
def test_warning_of_a_strike(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
