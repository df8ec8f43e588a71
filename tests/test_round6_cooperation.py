"""Construction classes of issue 14, round 6 (cooperation, support, agreements, memberships), in French
and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Triple, c, check

from kg.extract import Extractor

pytestmark = pytest.mark.slow

Statement = tuple[str, str, str, str]  # subject, predicate, object, modality ("fact": asserted or reported)



AES, NATO, ECOWAS = "org/aes", "org/nato", "org/ecowas"
ROSATOM, ORANO = "org/rosatom", "org/orano"
POLISARIO, M23, HEZBOLLAH = "group/polisario", "group/m23", "group/hezbollah"


# -- 1. leaning on a partner: "s'appuie sur la Russie", "relies on Washington" -------------------------

RELIANCE = [
    ("fr", "Ouagadougou s'appuie désormais sur la Russie pour assurer sa sécurité.", [(c("BF"), "cooperatesWith", c("RU"), "Asserted")], []),
    ("fr", "Le gouvernement malien s'appuie sur les mercenaires du groupe Wagner depuis 2021.", [(c("ML"), "cooperatesWith", "group/wagner", "fact")], []),
    ("en", "Kyiv has relied heavily on the United States for air defence since the invasion.", [(c("UA"), "cooperatesWith", c("US"), "Asserted")], []),
    ("en", "Ouagadougou now relies on Russia for its security, officials said.", [(c("BF"), "cooperatesWith", c("RU"), "fact")], []),
    # a thing relied on, not an actor
    ("fr", "Le rapport du ministère s'appuie sur des données satellitaires.", [], [(c("FR"), "cooperatesWith", c("US"))]),
    # negated: no plain fact
    ("en", "Analysts say Hungary can no longer rely on Russia.", [(c("HU"), "cooperatesWith", c("RU"), "Negated")], [(c("HU"), "cooperatesWith", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", RELIANCE)
def test_reliance(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. a plural noun of membership after a list: each member -------------------------------------------

LISTED_MEMBERS = [
    (
        "fr",
        "Le Mali et le Niger, membres de l'Alliance des États du Sahel, ont promis l'envoi de renforts.",
        [(c("ML"), "memberOf", AES, "Asserted"), (c("NE"), "memberOf", AES, "Asserted")],
        [],
    ),
    (
        "en",
        "Mali and Niger, members of the Alliance of Sahel States, promised to send reinforcements.",
        [(c("ML"), "memberOf", AES, "Asserted"), (c("NE"), "memberOf", AES, "Asserted")],
        [],
    ),
    (
        "en",
        "Senegal, Ivory Coast and Benin, all ECOWAS members, condemned the coup on Thursday.",
        [(c("SN"), "memberOf", ECOWAS, "Asserted"), (c("BJ"), "memberOf", ECOWAS, "Asserted")],
        [],
    ),
    # a singular noun after the list is said of its last member only
    ("fr", "Le Maroc et le Ghana, membre de la Cédéao, ont signé un accord commercial.", [(c("GH"), "memberOf", ECOWAS, "Asserted")], [(c("MA"), "memberOf", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", LISTED_MEMBERS)
def test_listed_members(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. members of a named group, the group hung on the verb: "soutient les séparatistes du Front Polisario"

GROUP_MEMBERS = [
    ("fr", "L'Algérie soutient les séparatistes du Front Polisario depuis des décennies.", [(c("DZ"), "supports", POLISARIO, "Asserted")], []),
    ("fr", "Alger soutient les indépendantistes du Front Polisario, selon Rabat.", [(c("DZ"), "supports", POLISARIO, "fact")], []),
    ("fr", "Kinshasa accuse le Rwanda de soutenir les rebelles du M23.", [(c("RW"), "supports", M23, "Reported")], []),
    ("en", "Iran backs the fighters of Hezbollah, Israeli officials say.", [(c("IR"), "supports", HEZBOLLAH, "fact")], []),
    # no group named: nothing
    ("fr", "L'Algérie soutient les indépendantistes sahraouis depuis des décennies.", [], [(c("DZ"), "supports", POLISARIO)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", GROUP_MEMBERS)
def test_group_members(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a firm after a demonym or a kind of firm: "le russe Rosatom", "le groupe français Orano" ---------

FIRMS = [
    ("fr", "Niamey a signé un protocole d'accord avec le russe Rosatom.", [(c("NE"), "signsAgreementWith", ROSATOM, "Asserted")], [(c("NE"), "signsAgreementWith", c("RU"))]),
    ("fr", "La junte nigérienne a rompu avec le groupe nucléaire français Orano.", [(c("NE"), "endsCooperationWith", ORANO, "Asserted")], [(c("NE"), "endsCooperationWith", c("FR"))]),
    ("fr", "Le Niger a signé un accord avec le géant russe Rosatom.", [(c("NE"), "signsAgreementWith", ROSATOM, "Asserted")], [(c("NE"), "signsAgreementWith", c("RU"))]),
    ("en", "Niger broke with French nuclear group Orano on Thursday.", [(c("NE"), "endsCooperationWith", ORANO, "Asserted")], [(c("NE"), "endsCooperationWith", c("FR"))]),
    ("en", "Niger signed a memorandum with Russian firm Rosatom.", [(c("NE"), "signsAgreementWith", ROSATOM, "Asserted")], []),
    # a demonym without a firm is still the country
    ("fr", "Le Niger a rompu avec ses partenaires français.", [(c("NE"), "endsCooperationWith", c("FR"), "Asserted")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", FIRMS)
def test_firm_after_demonym(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 5. an agreement signed by several agents: "le pacte signé par Le Caire et Mogadiscio" ---------------

SIGNED_BY = [
    ("fr", "Le pacte de défense signé en août par l'Égypte et la Somalie prévoit l'envoi de soldats.", [(c("EG"), "signsAgreementWith", c("SO"), "Asserted")], []),
    ("fr", "Cette livraison s'inscrit dans l'accord de sécurité signé par Le Caire et Mogadiscio.", [(c("EG"), "signsAgreementWith", c("SO"), "fact")], []),
    ("en", "The defence pact signed in August by Egypt and Somalia provides for the deployment of troops.", [(c("EG"), "signsAgreementWith", c("SO"), "Asserted")], []),
    ("en", "The accord signed by Ethiopia with Egypt angered Sudan.", [(c("ET"), "signsAgreementWith", c("EG"), "fact")], [(c("ET"), "signsAgreementWith", c("SD"))]),
    # one signatory, no partner: no agreement with the one who reacts
    ("fr", "L'accord signé par l'Éthiopie a provoqué la colère de Mogadiscio.", [], [(c("ET"), "signsAgreementWith", c("SO"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", SIGNED_BY)
def test_signed_by(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 6. a named subject, then a relative, hung as a bare adverbial ---------------------------------------

RELATIVE_SUBJECT = [
    (
        "fr",
        "Ouagadougou, qui a rompu avec Paris et chassé les soldats français en 2023, s'appuie désormais sur la Russie, dont des centaines d'instructeurs sont déployés dans la capitale.",
        [(c("BF"), "cooperatesWith", c("RU"), "Asserted"), (c("BF"), "endsCooperationWith", c("FR"), "Asserted")],
        [],
    ),
    (
        "en",
        "Ouagadougou, which broke with Paris in 2023, now relies on Russia, whose instructors are deployed in the capital.",
        [(c("BF"), "cooperatesWith", c("RU"), "Asserted")],
        [],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", RELATIVE_SUBJECT)
def test_relative_subject(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
