"""Anaphora and lists of members (issue 14, round 4), each in French and in English.

Sentences are made up for the tests (real actors, news style): a definite noun of an organisation or a
group ("l'organisation", "the bloc", "the group") standing for the one such actor named just before;
"their countries" / "leurs pays" after two countries or leaders; a plural noun listing its members
("seven countries, including Argentina", "plusieurs pays, dont le Mali").
"""

from __future__ import annotations

import pytest
from extraction_fixture import run

from kg.extract import Extractor
from kg.types import Extraction

pytestmark = pytest.mark.slow

AM, AR, CD, CL, CN, DE, DZ, FI, FR, GB, HU, ID, IL, MA, NE, PE, RU, RW, SE, VE = (
    f"country/{c}" for c in ("AM", "AR", "CD", "CL", "CN", "DE", "DZ", "FI", "FR", "GB", "HU", "ID", "IL", "MA", "NE", "PE", "RU", "RW", "SE", "VE")
)
NATO, CSTO, BRICS, HAMAS, M23 = "org/nato", "org/csto", "org/brics", "group/hamas", "group/m23"


def facts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in ex.relations if r.modality in ("Asserted", "Reported")}


def anaphors(ex: Extraction) -> set[tuple[str, str]]:
    return {(m.text, m.entity) for m in ex.mentions if m.how.startswith("anaphor:")}


# -- "l'organisation", "the bloc", "the group": the one organisation or group named just before ----------

ORG_ANAPHORA = [
    ("fr", "La Suède a rejoint l'OTAN en mars. La Finlande a adhéré à l'alliance en 2023.", (FI, "memberOf", NATO)),
    ("en", "Sweden joined NATO in March. Finland joined the alliance in 2023.", (FI, "memberOf", NATO)),
    ("fr", "La Suède a rejoint l'OTAN en mars. La Russie a vivement critiqué l'alliance.", (RU, "criticizes", NATO)),
    ("en", "Sweden joined NATO in March. Russia threatened the alliance with retaliation.", (RU, "threatens", NATO)),
    (
        "fr",
        "L'Égypte et l'Iran ont été admis aux BRICS l'an dernier. L'Indonésie a rejoint le bloc en janvier.",
        (ID, "memberOf", BRICS),
    ),
    ("en", "Egypt, Ethiopia and Iran were admitted to BRICS last year. Indonesia joined the bloc in January.", (ID, "memberOf", BRICS)),
    (
        "fr",
        "L'Arménie a gelé sa participation à l'OTSC. Erevan reproche à l'organisation de ne pas être intervenue.",
        (AM, "criticizes", CSTO),
    ),
    (
        "en",
        "Armenia froze its participation in the CSTO. Yerevan criticized the organisation for failing to intervene.",
        (AM, "criticizes", CSTO),
    ),
    # an armed group: "le groupe", "le mouvement", "the group"
    ("fr", "Le M23 a pris Goma. Kinshasa accuse le Rwanda de soutenir le mouvement.", (RW, "supports", M23)),
    ("en", "The M23 seized Goma. Kinshasa accuses Rwanda of backing the group.", (RW, "supports", M23)),
]


@pytest.mark.parametrize("lang, text, expected", ORG_ANAPHORA)
def test_org_anaphora(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(run(extractor, lang, text))


NO_ORG_ANAPHORA = [
    # two candidates in the window: the UN and Hamas, the EU and NATO
    ("fr", "Le Hamas a revendiqué l'attaque. L'ONU a condamné les violences. Israël a promis de frapper le groupe."),
    ("en", "Hamas claimed the attack. The UN condemned the violence. Israel vowed to strike the group."),
    ("fr", "L'Union européenne s'est réunie à Bruxelles. L'OTAN a promis de répondre. La Hongrie a critiqué l'organisation."),
    ("en", "The European Union met in Brussels. NATO said it would respond. Hungary criticized the organisation."),
    # a company is a candidate too: "le groupe" may be it
    ("fr", "Orano a dénoncé la saisie de sa mine. Le Niger accuse le groupe de pillage."),
    ("en", "Orano said Niger had seized its mine. Niger accused the group of looting."),
    # indefinite: not coreferent
    ("fr", "Le Mali a quitté la CEDEAO. Le Niger a critiqué un bloc régional."),
    ("en", "Mali left ECOWAS. Niger criticized a regional bloc."),
]


@pytest.mark.parametrize("lang, text", NO_ORG_ANAPHORA)
def test_no_org_anaphora(extractor: Extractor, lang: str, text: str) -> None:
    assert not anaphors(run(extractor, lang, text))


# -- "their countries" / "leurs pays": the countries of a coordinated subject ------------------------------

OWNERS_COUNTRIES = [
    (
        "fr",
        "Le Maroc et l'Algérie se sont réunis à Genève, une semaine après que leurs pays ont signé un accord commercial.",
        (MA, "signsAgreementWith", DZ),
    ),
    ("en", "Morocco and Algeria met in Geneva, a week after their countries signed a trade agreement.", (MA, "signsAgreementWith", DZ)),
    (
        "fr",
        "Emmanuel Macron et Olaf Scholz se sont rencontrés lundi à Berlin, une semaine après que leurs pays ont signé un accord de défense.",
        (FR, "signsAgreementWith", DE),
    ),
    (
        "en",
        "Emmanuel Macron and Olaf Scholz met in Berlin on Monday, a week after their countries signed a defence agreement.",
        (FR, "signsAgreementWith", DE),
    ),
]


@pytest.mark.parametrize("lang, text, expected", OWNERS_COUNTRIES)
def test_owners_countries(extractor: Extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in facts(run(extractor, lang, text))


NO_OWNERS_COUNTRIES = [
    # no named owners: "African leaders", one leader only
    ("fr", "Des dirigeants africains se sont réunis à Addis-Abeba après que leurs pays ont signé un accord commercial avec la Chine."),
    ("en", "African leaders met in Addis Ababa after their countries signed a trade agreement with China."),
    ("fr", "Emmanuel Macron a déclaré que leurs pays avaient signé un accord commercial."),
    ("en", "Emmanuel Macron said their countries had signed a trade agreement."),
]


@pytest.mark.parametrize("lang, text", NO_OWNERS_COUNTRIES)
def test_no_owners_countries(extractor: Extractor, lang: str, text: str) -> None:
    assert not {f for f in facts(run(extractor, lang, text)) if f[1] == "signsAgreementWith" and CN not in f}


# -- lists of members: "including", "such as", "dont" --------------------------------------------------------

LISTED_MEMBERS = [
    (
        "fr",
        "Le Venezuela a expulsé lundi les diplomates de sept pays latino-américains, dont l'Argentine, le Chili et le Pérou.",
        {(VE, "expels", AR), (VE, "expels", CL), (VE, "expels", PE)},
    ),
    (
        "en",
        "Venezuela on Monday expelled the ambassadors of seven Latin American countries, including Argentina, Chile and Peru.",
        {(VE, "expels", AR), (VE, "expels", CL), (VE, "expels", PE)},
    ),
    ("fr", "La Chine a imposé des sanctions à plusieurs pays européens, dont la France et l'Allemagne.", {(CN, "sanctions", FR), (CN, "sanctions", DE)}),
    ("en", "China imposed sanctions on several European countries, including France and Germany.", {(CN, "sanctions", FR), (CN, "sanctions", DE)}),
    ("en", "China imposed sanctions on several European countries such as France and Germany.", {(CN, "sanctions", FR), (CN, "sanctions", DE)}),
    (
        "fr",
        "La Russie a condamné plusieurs pays occidentaux, dont la France et le Royaume-Uni, pour leurs livraisons d'armes.",
        {(RU, "criticizes", FR), (RU, "criticizes", GB)},
    ),
    (
        "en",
        "Russia condemned several Western countries, including France and Britain, for their arms deliveries.",
        {(RU, "criticizes", FR), (RU, "criticizes", GB)},
    ),
]


@pytest.mark.parametrize("lang, text, expected", LISTED_MEMBERS)
def test_listed_members(extractor: Extractor, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    got = facts(run(extractor, lang, text))
    assert expected <= got
    # the list is the countries named, not the article's focal country nor "the West"
    assert not {f for f in got if f[1] == expected.copy().pop()[1] and f[2] in (f[0], "georegion/the-west")}


# "expelled diplomats from X": the parser hangs "from" on the verb; a state's people come from a country
# (the French "les diplomates de X" hangs on the noun: covered above)
FROM_COUNTRIES = [
    (
        "en",
        "Venezuela on Monday expelled diplomats from seven Latin American countries, including Argentina, Chile and Peru.",
        {(VE, "expels", AR), (VE, "expels", CL), (VE, "expels", PE)},
        set(),
    ),
    ("en", "Niger expelled diplomats from France on Tuesday.", {(NE, "expels", FR)}, set()),
    # fighters are not a state's people; a capital after "from" is where they are expelled from
    ("en", "Mali expelled fighters from Sudan.", set(), {("country/ML", "expels", "country/SD")}),
    ("en", "Russia expelled 20 diplomats from Moscow on Tuesday.", set(), {(RU, "expels", RU)}),
]


@pytest.mark.parametrize("lang, text, expected, absent", FROM_COUNTRIES)
def test_members_from_countries(extractor: Extractor, lang: str, text: str, expected: set[tuple[str, str, str]], absent: set[tuple[str, str, str]]) -> None:
    got = facts(run(extractor, lang, text))
    assert expected <= got
    assert not absent & got
