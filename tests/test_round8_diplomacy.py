"""Round 8 of issue 14: recall on diplomatic acts (expulsions, ruptures and suspensions, accusations),
each construction in French and in English.

Sentences are made up for the tests (real actors, news style); each case asserts the relation a
construction gives and, where it matters, what it must not give.
"""

from __future__ import annotations

import pytest
from extraction_fixture import check, run

from kg.extract import Extractor

pytestmark = pytest.mark.slow

AM, BF, DZ, EU, FR, GE, IL, IR, MA, MD, ML, NE, QA, RU, UA, US = (
    "country/AM",
    "country/BF",
    "country/DZ",
    "org/eu",
    "country/FR",
    "country/GE",
    "country/IL",
    "country/IR",
    "country/MA",
    "country/MD",
    "country/ML",
    "country/NE",
    "country/QA",
    "country/RU",
    "country/UA",
    "country/US",
)
AE, BH, EG, SA = "country/AE", "country/BH", "country/EG", "country/SA"
CSTO, IAEA, ECOWAS, HAMAS = "org/csto", "org/iaea", "org/ecowas", "group/hamas"


def plain(lang: str, text: str, extractor: Extractor) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in run(extractor, lang, text).relations if r.modality in ("Asserted", "Reported")}


# -- an expulsion ordered or announced: the one expelled is the noun's complement --------------------

EXPULSION_NOUN = [
    ("fr", "La Pologne a ordonné jeudi l'expulsion de trois diplomates de l'ambassade de Russie à Varsovie.", ("country/PL", "expels", RU)),
    ("fr", "Le Maroc a ordonné l'expulsion de deux diplomates algériens.", (MA, "expels", DZ)),
    ("fr", "Le Mali a annoncé l'expulsion de l'ambassadeur de France.", (ML, "expels", FR)),
    # a conjunct sharing the complement's determiner: "de 45 diplomates et employés de l'ambassade de X"
    ("fr", "La Moldavie a ordonné mercredi l'expulsion de 20 diplomates et employés de l'ambassade de Russie, accusés d'espionnage.", (MD, "expels", RU)),
    ("en", "Poland ordered the expulsion of three diplomats from the Russian embassy in Warsaw.", ("country/PL", "expels", RU)),
    ("en", "Mali announced the expulsion of the French ambassador on Monday.", (ML, "expels", FR)),
    ("en", "Washington ordered the expulsion of two Chinese diplomats.", (US, "expels", "country/CN")),
]


@pytest.mark.parametrize("lang, text, expected", EXPULSION_NOUN)
def test_expulsion_noun_expels_its_complement(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    got = plain(lang, text, extractor)
    assert expected in got
    s, p, o = expected
    assert (o, p, s) not in got


@pytest.mark.parametrize(
    "lang, text, absent",
    [
        # the possessor of an expulsion is the one expelled, not the one expelling
        ("fr", "Le Mali a dénoncé son expulsion de la Cédéao.", (ML, "expels", ECOWAS)),
        ("en", "Mali condemned its expulsion from ECOWAS.", (ML, "expels", ECOWAS)),
    ],
)
def test_own_expulsion_is_not_an_expulsion_by_the_owner(extractor: Extractor, lang: str, text: str, absent: tuple[str, str, str]) -> None:
    assert absent not in plain(lang, text, extractor)


# -- listed subjects: a detached accusation participle accuses for every one of them -----------------

LISTED_ACCUSERS = [
    (
        "fr",
        "L'Arabie saoudite, les Émirats arabes unis, Bahreïn et l'Égypte ont rompu lundi leurs relations diplomatiques avec le Qatar, accusé de soutenir le terrorisme.",
        [(SA, "criticizes", QA, "fact"), (AE, "criticizes", QA, "fact"), (EG, "criticizes", QA, "fact"), (SA, "endsCooperationWith", QA, "fact")],
    ),
    (
        "en",
        "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt cut diplomatic ties with Qatar on Monday, accused of supporting terrorism.",
        [(SA, "criticizes", QA, "fact"), (BH, "criticizes", QA, "fact"), (EG, "criticizes", QA, "fact"), (SA, "endsCooperationWith", QA, "fact")],
    ),
    (
        "fr",
        "Le Mali, le Burkina Faso et le Niger ont rompu leurs relations avec l'Ukraine, accusée de soutenir les rebelles.",
        [(ML, "criticizes", UA, "fact"), (BF, "criticizes", UA, "fact"), (NE, "criticizes", UA, "fact")],
    ),
]


@pytest.mark.parametrize("lang, text, expected", LISTED_ACCUSERS)
def test_listed_subjects_all_accuse(extractor: Extractor, lang: str, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    check(extractor, lang, text, expected, [(QA, "criticizes", SA), (UA, "criticizes", ML)])


# -- pausing or breaking off talks ends cooperation; it is no meeting, no sanction -------------------

TALKS_ENDED = [
    ("fr", "La Géorgie a suspendu les négociations d'adhésion à l'Union européenne.", (GE, "endsCooperationWith", EU)),
    ("fr", "La décision du gouvernement géorgien de suspendre les négociations d'adhésion à l'Union européenne a provoqué des manifestations.", (GE, "endsCooperationWith", EU)),
    ("fr", "Le Mali a annoncé la suspension des négociations avec la Cédéao.", (ML, "endsCooperationWith", ECOWAS)),
    ("fr", "Israël a rompu les négociations avec le Hamas.", (IL, "endsCooperationWith", HAMAS)),
    ("en", "Georgia suspended accession talks with the European Union.", (GE, "endsCooperationWith", EU)),
    ("en", "Georgia suspended its talks with the European Union on Thursday.", (GE, "endsCooperationWith", EU)),
    ("en", "Israel broke off talks with Hamas on Tuesday.", (IL, "endsCooperationWith", HAMAS)),
]


@pytest.mark.parametrize("lang, text, expected", TALKS_ENDED)
def test_talks_ended_end_cooperation(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    got = plain(lang, text, extractor)
    assert expected in got
    s, _p, o = expected
    assert (s, "meetsWith", o) not in got
    assert (s, "sanctions", o) not in got


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # talks held stay a meeting
        ("fr", "Le Hamas a tenu des négociations avec Israël au Caire.", (HAMAS, "meetsWith", IL)),
        ("en", "Hamas held talks with Israel in Cairo.", (HAMAS, "meetsWith", IL)),
    ],
)
def test_talks_held_are_a_meeting(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    got = plain(lang, text, extractor)
    assert expected in got
    assert (expected[0], "endsCooperationWith", expected[2]) not in got


@pytest.mark.parametrize("lang", ["en"])
def test_suspended_talks_are_no_sanction(extractor: Extractor, lang: str) -> None:
    assert (GE, "sanctions", EU) not in plain(lang, "Georgia suspended EU accession talks.", extractor)


# -- an adverbial between the noun and its complement: "la rupture « avec effet immédiat » de ses relations"

@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Le Mali a annoncé la rupture « avec effet immédiat » de ses relations diplomatiques avec l'Ukraine.", (ML, "endsCooperationWith", UA)),
        ("en", "Mali announced the suspension, with immediate effect, of its diplomatic relations with Ukraine.", (ML, "endsCooperationWith", UA)),
    ],
)
def test_rupture_with_immediate_effect(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in plain(lang, text, extractor)


# -- an organisation named again as "l'agence", "the agency"; a partner after a span of time ----------

ORG_AGAIN = [
    ("fr", "L'Iran a suspendu sa coopération avec l'AIEA. Téhéran reproche à l'agence onusienne de ne pas avoir condamné les frappes.", (IR, "criticizes", IAEA)),
    ("en", "Iran suspended its cooperation with the IAEA. Tehran accuses the agency of failing to condemn the strikes.", (IR, "criticizes", IAEA)),
    # the partner hung on the span of time before it
    ("fr", "L'Arménie a gelé sa participation à l'OTSC. Erevan reproche depuis des mois à l'organisation de ne pas être intervenue.", (AM, "criticizes", CSTO)),
    ("en", "Armenia froze its participation in the CSTO. For months Yerevan has blamed the alliance for failing to intervene.", (AM, "criticizes", CSTO)),
]


@pytest.mark.parametrize("lang, text, expected", ORG_AGAIN)
def test_organisation_named_again(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in plain(lang, text, extractor)


@pytest.mark.parametrize(
    "lang, text",
    [
        # two organisations before it: "l'agence" stays unresolved
        ("fr", "L'Iran a rompu avec l'AIEA et l'ONU. Téhéran reproche à l'agence sa partialité."),
        ("en", "Iran broke with the IAEA and the UN. Tehran accuses the agency of bias."),
    ],
)
def test_agency_anaphor_needs_one_candidate(extractor: Extractor, lang: str, text: str) -> None:
    got = plain(lang, text, extractor)
    assert (IR, "criticizes", IAEA) not in got
    assert (IR, "criticizes", "org/un") not in got


# -- an agreement ended, its partner named by the people it let in -----------------------------------

AGREEMENT_PEOPLE = [
    ("fr", "Le Niger a dénoncé samedi l'accord de coopération militaire qui autorisait la présence de soldats américains sur son sol.", (NE, "endsCooperationWith", US)),
    ("fr", "Le Niger a dénoncé samedi « avec effet immédiat » l'accord de coopération militaire avec les États-Unis.", (NE, "endsCooperationWith", US)),
    ("en", "Niger scrapped the defence pact that allowed American troops to operate on its soil.", (NE, "endsCooperationWith", US)),
    ("en", "Niger revoked with immediate effect the military agreement with the United States.", (NE, "endsCooperationWith", US)),
]


@pytest.mark.parametrize("lang, text, expected", AGREEMENT_PEOPLE)
def test_agreement_partner_from_its_people(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    got = plain(lang, text, extractor)
    assert expected in got
    assert (NE, "endsCooperationWith", NE) not in got


# -- ordered to leave, the infinitive hung on a complement of the people -----------------------------

@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Alger a sommé dimanche douze agents de l'ambassade de France et de ses consulats de quitter le territoire sous 48 heures."),
        ("en", "Algeria ordered twelve staff of the French embassy and its consulates to leave the country within 48 hours."),
    ],
)
def test_ordered_to_leave_through_a_complement(extractor: Extractor, lang: str, text: str) -> None:
    got = plain(lang, text, extractor)
    assert (DZ, "expels", FR) in got
    assert (FR, "withdrawsFrom", DZ) not in got


# -- a warning of a strike if the other side acts: the condition's subject is threatened -------------

@pytest.mark.parametrize(
    "lang, text",
    [
        # the condition hung on the verb of warning, after a quoted adverbial
        ("fr", "Benyamin Netanyahou a averti qu'Israël frapperait « avec force » si le Hezbollah violait la trêve."),
        ("en", "Benjamin Netanyahu warned that Israel would strike hard if Hezbollah violated the truce."),
    ],
)
def test_warning_with_a_condition(extractor: Extractor, lang: str, text: str) -> None:
    got = plain(lang, text, extractor)
    assert ("person/benjamin-netanyahu", "threatens", "group/hezbollah") in got
    assert ("group/hezbollah", "threatens", "person/benjamin-netanyahu") not in got


@pytest.mark.parametrize(
    "lang, text",
    [
        # a condition on something else than a strike: no threat
        ("fr", "Benyamin Netanyahou a affirmé qu'Israël négocierait si le Hezbollah respectait la trêve."),
        ("en", "Benjamin Netanyahu said Israel would negotiate if Hezbollah respected the truce."),
    ],
)
def test_condition_without_retaliation_is_no_threat(extractor: Extractor, lang: str, text: str) -> None:
    assert not {f for f in plain(lang, text, extractor) if f[1] == "threatens"}


# -- a threat to bring about a hostile measure: the measure's target is threatened -------------------

@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "La France a menacé de déclencher le mécanisme qui rétablirait les sanctions de l'ONU contre l'Iran.", (FR, "threatens", IR)),
        ("fr", "Berlin, Paris et Londres ont jugé cette décision « inacceptable » et menacé de déclencher le mécanisme qui rétablirait les sanctions contre l'Iran.", ("country/DE", "threatens", IR)),
        ("en", "France threatened to trigger the mechanism that would restore UN sanctions on Iran.", (FR, "threatens", IR)),
        ("en", "Britain threatened to back a resolution that would impose new sanctions against Iran.", ("country/GB", "threatens", IR)),
    ],
)
def test_threat_of_a_measure_brought_about(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in plain(lang, text, extractor)


@pytest.mark.parametrize(
    "lang, text",
    [
        # a measure lifted is no threat to its target
        ("fr", "La France a menacé de quitter l'accord qui avait levé les sanctions contre l'Iran."),
        ("en", "France threatened to leave the deal that had lifted sanctions on Iran."),
    ],
)
def test_threat_on_a_lifted_measure_is_not_a_threat_to_its_target(extractor: Extractor, lang: str, text: str) -> None:
    assert (FR, "threatens", IR) not in plain(lang, text, extractor)


@pytest.mark.parametrize(
    "lang, text",
    [
        # listed subjects, two coordinated verbs: the second verb's subjects are the first one's
        ("fr", "Londres, Paris et Berlin ont jugé cette mesure « inacceptable » et menacé d'imposer des sanctions contre la Russie."),
        ("en", "London, Paris and Berlin called the move unacceptable and threatened to impose sanctions on Russia."),
    ],
)
def test_listed_subjects_of_a_second_verb(extractor: Extractor, lang: str, text: str) -> None:
    got = plain(lang, text, extractor)
    for s in ("country/GB", FR, "country/DE"):
        assert (s, "threatens", RU) in got


# -- "l'un de ses députés", "one of its lawmakers": the members of the earlier clause's subject ------

@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le Hezbollah n'a pas revendiqué l'attaque, mais l'un de ses députés a averti qu'Israël « paierait le prix » de cette escalade."),
        ("en", "Hezbollah did not claim the attack, but one of its lawmakers warned that Israel would pay the price for this escalation."),
    ],
)
def test_member_named_by_a_possessive(extractor: Extractor, lang: str, text: str) -> None:
    assert ("group/hezbollah", "threatens", IL) in plain(lang, text, extractor)


@pytest.mark.parametrize(
    "lang, text",
    [
        # a person's ministers are not taken for a state or a group
        ("fr", "Emmanuel Macron a reçu le président malien, et ses ministres ont critiqué l'Algérie."),
        ("en", "Emmanuel Macron received the Malian president, and his ministers criticised Algeria."),
    ],
)
def test_possessive_of_a_person_is_not_resolved(extractor: Extractor, lang: str, text: str) -> None:
    assert not {f for f in plain(lang, text, extractor) if f[1] == "criticizes" and f[2] == DZ}


# -- assets frozen, counted as an amount: the owner of the assets is sanctioned ----------------------

@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Washington gèle toujours quelque 7 milliards de dollars d'avoirs de la banque centrale afghane.", (US, "sanctions", "country/AF")),
        ("en", "Washington still freezes about $7 billion of Afghan central bank assets.", (US, "sanctions", "country/AF")),
        ("en", "The European Union froze 200 billion euros of Russian central bank assets.", (EU, "sanctions", RU)),
    ],
)
def test_frozen_amount_of_assets(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in plain(lang, text, extractor)


@pytest.mark.parametrize(
    "lang, text",
    [
        # an amount given is no sanction
        ("fr", "Washington a débloqué 7 milliards de dollars d'aide pour la banque centrale afghane."),
        ("en", "Washington released $7 billion of aid for the Afghan central bank."),
    ],
)
def test_amount_released_is_no_sanction(extractor: Extractor, lang: str, text: str) -> None:
    assert (US, "sanctions", "country/AF") not in plain(lang, text, extractor)
