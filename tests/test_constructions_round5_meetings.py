"""Construction classes of issue 14, round 5 (meetings, agreements, cooperation, leaders, places), in
French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check

from kg.extract import Extractor

pytestmark = pytest.mark.slow




ECOWAS, EU, UN, NATO = "org/ecowas", "org/eu", "org/un", "org/nato"
ARLIT, KAYES, SYZRAN = "city/2447513", "city/2455518", "city/484972"
SAMARA, BORNO = "region/RU-samara", "region/NG-borno"
HOUTHIS, HAMAS = "group/houthis", "group/hamas"


# -- 1. a placing phrase after a place, hung higher up by the parser ----------------------------------

PLACING = [
    ("fr", "La junte a nationalisé la mine d'uranium d'Arlit, dans le nord du pays, exploitée par Orano au Niger.", [(ARLIT, "locatedIn", c("NE"), "Asserted")], []),
    ("en", "Niger's junta took over the uranium mine of Arlit, in the north of the country, on Thursday.", [(ARLIT, "locatedIn", c("NE"), "Asserted")], []),
    ("fr", "Des drones ukrainiens ont frappé la raffinerie de Syzran, dans la région de Samara, ainsi qu'un dépôt.", [(SYZRAN, "locatedIn", SAMARA, "Asserted")], []),
    ("en", "Islamic State fighters overran a military base in Wajiroko, in Borno State, on Monday.", [("place/wajiroko", "locatedIn", BORNO, "Asserted")], []),
    ("en", "Three Nigerian soldiers were killed near Kayes, in western Mali.", [(KAYES, "locatedIn", c("ML"), "Asserted")], []),
    # a comma phrase that places nothing
    ("fr", "Emmanuel Macron a rencontré Abdelmadjid Tebboune à Alger, dans le cadre d'une visite d'État.", [], [("city/2507480", "locatedIn", c("FR"))]),
    ("en", "Emmanuel Macron met Abdelmadjid Tebboune in Algiers, in a bid to ease tensions with France.", [], [("city/2507480", "locatedIn", c("FR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", PLACING)
def test_placing_phrase(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. English leader titles after the name of what is led ------------------------------------------

TITLES = [
    ("en", "Ukraine criticised United Nations Secretary-General Antonio Guterres for attending the summit.", [("person/antonio-guterres", "leads", UN, "Asserted")], []),
    ("en", "NATO Secretary-General Mark Rutte urged allies to spend more on defence.", [("person/mark-rutte", "leads", NATO, "Asserted")], []),
    ("fr", "Le secrétaire général de l'ONU, António Guterres, a appelé à la retenue.", [("person/antonio-guterres", "leads", UN, "Asserted")], []),
    # a minister leads nothing, whatever stands before the title
    ("en", "Russian Foreign Minister Sergei Lavrov met Kenyan President William Ruto in Nairobi.", [("person/william-ruto", "leads", c("KE"), "Asserted")], [("person/sergey-lavrov", "leads", c("RU"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", TITLES)
def test_title_before_name(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. a participle said of an actor, engaged in talks; a gerund of time -------------------------------

ENGAGED = [
    ("fr", "L'Arabie saoudite, engagée depuis des mois dans des pourparlers avec les Houthis, a appelé à la retenue.", [(c("SA"), "meetsWith", HOUTHIS, "Asserted")], []),
    ("en", "Saudi Arabia, engaged for months in talks with the Houthis, called for restraint.", [(c("SA"), "meetsWith", HOUTHIS, "Asserted")], []),
    # committing to talks is not holding them
    ("fr", "Le Qatar s'est engagé à mener des pourparlers avec le Hamas.", [(c("QA"), "meetsWith", HAMAS, "Hedged")], [(c("QA"), "meetsWith", HAMAS)]),
    ("en", "Foreign Minister Amir Khan Muttaqi welcomed the move after receiving the new Russian ambassador, Dmitry Zhirnov.", [("person/amir-khan-muttaqi", "meetsWith", "person/dmitry-zhirnov", "Asserted")], []),
    ("en", "Burkina Faso broke with Paris before leaving ECOWAS.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    ("fr", "Le Burkina Faso a rompu avec Paris avant de quitter la Cédéao.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    # "without" negates: no fact
    ("en", "Mali broke with Paris without leaving ECOWAS.", [], [(c("ML"), "withdrawsFrom", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", ENGAGED)
def test_engaged_and_gerund(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a noun of ending on a relation noun -------------------------------------------------------------

ENDING = [
    ("fr", "Washington a annoncé samedi la suspension de son partenariat stratégique avec Tbilissi.", [(c("US"), "endsCooperationWith", c("GE"), "Asserted")], [(c("US"), "cooperatesWith", c("GE"))]),
    ("en", "Washington announced on Saturday the suspension of its strategic partnership with Tbilisi.", [(c("US"), "endsCooperationWith", c("GE"), "Asserted")], [(c("US"), "cooperatesWith", c("GE"))]),
    ("fr", "La rupture de la coopération entre le Mali et la France a été actée lundi.", [(c("ML"), "endsCooperationWith", c("FR"), "Asserted")], [(c("ML"), "cooperatesWith", c("FR"))]),
    ("en", "The suspension of the partnership between Georgia and the United States was announced on Saturday.", [(c("GE"), "endsCooperationWith", c("US"), "Asserted")], [(c("GE"), "cooperatesWith", c("US"))]),
    # the relation noun alone still gives the cooperation
    ("fr", "Washington a renforcé son partenariat stratégique avec Tbilissi.", [(c("US"), "cooperatesWith", c("GE"), "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", ENDING)
def test_ending_a_relation(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 5. agreements reached, memoranda, ceasefires between two sides --------------------------------------

AGREEMENTS = [
    ("en", "India and China reached a deal to ease their border standoff.", [(c("IN"), "signsAgreementWith", c("CN"), "Asserted")], []),
    ("fr", "Le Pakistan et l'Afghanistan sont parvenus dimanche à un accord de cessez-le-feu.", [(c("PK"), "signsAgreementWith", c("AF"), "Asserted")], []),
    ("fr", "L'Ukraine et la Russie ont abouti à un accord sur les exportations de céréales.", [(c("UA"), "signsAgreementWith", c("RU"), "Asserted")], []),
    ("en", "Ethiopia signed a memorandum of understanding with Kenya in January.", [(c("ET"), "signsAgreementWith", c("KE"), "Asserted")], []),
    ("fr", "En janvier, l'Éthiopie avait signé avec le Kenya un protocole d'accord sur la sécurité.", [(c("ET"), "signsAgreementWith", c("KE"), "Asserted")], []),
    ("fr", "Le cessez-le-feu entre Israël et le Hezbollah est entré en vigueur mercredi.", [(c("IL"), "signsAgreementWith", "group/hezbollah", "Asserted")], []),
    ("en", "The ceasefire between Israel and Hezbollah took effect on Wednesday.", [(c("IL"), "signsAgreementWith", "group/hezbollah", "Asserted")], []),
    # a ceasefire called for is not one agreed
    ("en", "The United Nations called for a ceasefire between Israel and Hamas.", [], [(c("IL"), "signsAgreementWith", HAMAS)]),
    ("fr", "L'ONU a appelé à un cessez-le-feu entre Israël et le Hamas.", [], [(c("IL"), "signsAgreementWith", HAMAS)]),
    # reaching something else is no agreement
    ("en", "Russian troops reached the outskirts of Pokrovsk.", [], [(c("RU"), "signsAgreementWith", c("UA"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", AGREEMENTS)
def test_agreements_reached(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 6. a plural member noun in apposition to coordinated countries ----------------------------------------

MEMBERS = [
    ("fr", "La Turquie et la Grèce, toutes deux membres de l'OTAN, ont renoué le dialogue.", [(c("TR"), "memberOf", NATO, "Asserted"), (c("GR"), "memberOf", NATO, "Asserted")], []),
    ("en", "Turkey and Greece, both members of NATO, resumed talks.", [(c("TR"), "memberOf", NATO, "Asserted"), (c("GR"), "memberOf", NATO, "Asserted")], []),
    # a singular member noun is said of the last only
    ("fr", "Le Mali et le Ghana, membre de la Cédéao, ont protesté.", [(c("GH"), "memberOf", ECOWAS, "Asserted")], [(c("ML"), "memberOf", ECOWAS)]),
    ("en", "Mali and Ghana, a member of ECOWAS, protested.", [(c("GH"), "memberOf", ECOWAS, "Asserted")], [(c("ML"), "memberOf", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", MEMBERS)
def test_plural_members(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 7. co-agents of leaving or breaking named in an adverbial ---------------------------------------------

COAGENTS = [
    ("fr", "Le Burkina Faso a quitté la Cédéao en janvier aux côtés du Mali et du Niger.", [(c(k), "withdrawsFrom", ECOWAS, "Asserted") for k in ("BF", "ML", "NE")], []),
    ("fr", "Le Burkina Faso a quitté la Cédéao aux côtés de ses voisins malien et nigérien.", [(c(k), "withdrawsFrom", ECOWAS, "Asserted") for k in ("BF", "ML", "NE")], []),
    ("en", "Burkina Faso left ECOWAS in January alongside Mali and Niger.", [(c(k), "withdrawsFrom", ECOWAS, "Asserted") for k in ("BF", "ML", "NE")], []),
    # a partner in a fight is no co-agent of a withdrawal, and other acts keep their one subject
    ("fr", "Le Tchad a expulsé les soldats français aux côtés du Niger.", [(c("TD"), "expels", c("FR"), "Asserted")], [(c("NE"), "expels", c("FR"))]),
    ("en", "Chad expelled French troops alongside Niger.", [(c("TD"), "expels", c("FR"), "Asserted")], [(c("NE"), "expels", c("FR"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", COAGENTS)
def test_coagents(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 8. having talks ----------------------------------------------------------------------------------------

TALKS_HAD = [
    ("fr", "Emmanuel Macron et Abdelmadjid Tebboune ont eu un entretien téléphonique lundi.", [("person/emmanuel-macron", "meetsWith", "person/abdelmadjid-tebboune", "Asserted")], []),
    ("fr", "Emmanuel Macron a eu un entretien avec Abdelmadjid Tebboune.", [("person/emmanuel-macron", "meetsWith", "person/abdelmadjid-tebboune", "Asserted")], []),
    ("en", "Emmanuel Macron had talks with Abdelmadjid Tebboune on Monday.", [("person/emmanuel-macron", "meetsWith", "person/abdelmadjid-tebboune", "Asserted")], []),
    ("en", "Macron and Tebboune had talks on Monday.", [("person/emmanuel-macron", "meetsWith", "person/abdelmadjid-tebboune", "Asserted")], []),
    # no talks, or relations that are no talks
    ("fr", "Le Mali n'a eu aucune discussion avec la France.", [(c("ML"), "meetsWith", c("FR"), "Negated")], [(c("ML"), "meetsWith", c("FR"))]),
    ("fr", "La France a eu des relations tendues avec l'Algérie.", [], [(c("FR"), "meetsWith", c("DZ"))]),
    ("en", "France has had tense relations with Algeria.", [], [(c("FR"), "meetsWith", c("DZ"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", TALKS_HAD)
def test_talks_had(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


def test_title_after_organisation_name(extractor: Extractor) -> None:
    check(extractor, "en", "European Commission President Ursula von der Leyen met Chinese President Xi Jinping.", [("person/ursula-von-der-leyen", "leads", "org/european-commission", "Asserted")], [])


# -- 9. an infinitive or gerund of time inside a relative clause: the antecedent acts ----------------------

RELATIVE_ADJUNCT = [
    ("fr", "Ouagadougou, qui a rompu avec Paris en 2023 avant de quitter la Cédéao en janvier, s'appuie sur la Russie.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    ("en", "Burkina Faso, which broke with Paris in 2023 before leaving ECOWAS in January, now relies on Russia.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], []),
    # the main clause's subject is not the one who leaves
    ("fr", "Le Togo a salué le Burkina Faso, qui a rompu avec Paris avant de quitter la Cédéao.", [(c("BF"), "withdrawsFrom", ECOWAS, "Asserted")], [(c("TG"), "withdrawsFrom", ECOWAS)]),
]


@pytest.mark.parametrize("lang, text, expected, absent", RELATIVE_ADJUNCT)
def test_relative_adjunct(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
