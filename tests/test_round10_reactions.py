"""Reactions to an earlier act, across sentences (issue 14, round 10), in French and English.

A sentence reports an act by A against B (a rupture, sanctions, an accusation); a later sentence has B
answer it with a noun pointing back at it ("ces accusations", "des mesures injustifiées", "the
allegations"): B criticizes or rejects A. Sentences are made up for the tests (real actors, wire style).
"""

from __future__ import annotations

import pytest
from extraction_fixture import Triple, c, check_exact

from kg.extract import Extractor

pytestmark = pytest.mark.slow

A, N = "Asserted", "Negated"




REACTIONS = [
    # accusations answered by the accused: the accuser is rejected
    (
        "fr",
        "La Russie a accusé vendredi l'Ukraine d'avoir bombardé la centrale de Zaporijjia. Kiev a rejeté ces accusations.",
        {(c("UA"), "rejects", c("RU")): A},
        [],
    ),
    (
        "en",
        "Russia on Friday accused Ukraine of shelling the Zaporizhzhia plant. Kyiv rejected the accusations.",
        {(c("UA"), "rejects", c("RU")): A},
        [],
    ),
    (
        "fr",
        "L'Inde a accusé le Pakistan de soutenir des groupes armés au Cachemire. Islamabad a récusé des allégations sans fondement.",
        {(c("PK"), "rejects", c("IN")): A},
        [],
    ),
    (
        "en",
        "India accused Pakistan of backing armed groups in Kashmir. Islamabad dismissed the allegations as baseless.",
        {(c("PK"), "rejects", c("IN")): A},
        [],
    ),
    # the act as a passive's subject, the one answering it as the agent
    (
        "fr",
        "La Russie a accusé vendredi l'Ukraine d'avoir bombardé la centrale de Zaporijjia. Ces accusations ont été rejetées par Kiev.",
        {(c("UA"), "rejects", c("RU")): A},
        [],
    ),
    (
        "en",
        "Russia on Friday accused Ukraine of shelling the Zaporizhzhia plant. The accusations were rejected by Kyiv.",
        {(c("UA"), "rejects", c("RU")): A},
        [],
    ),
    # a complement naming no actor keeps the noun pointing back
    (
        "fr",
        "L'Inde a accusé lundi le Pakistan d'espionnage. Islamabad a rejeté les accusations d'espionnage.",
        {(c("PK"), "rejects", c("IN")): A},
        [],
    ),
    (
        "en",
        "India on Monday accused Pakistan of espionage. Islamabad rejected the allegations of spying.",
        {(c("PK"), "rejects", c("IN")): A},
        [],
    ),
    # a denial of the accusations is a rejection of the accuser
    (
        "fr",
        "Les Philippines ont accusé mercredi la Chine d'avoir attaqué des marins philippins. Pékin a démenti ces accusations.",
        {(c("CN"), "rejects", c("PH")): A},
        [],
    ),
    (
        "en",
        "The Philippines on Wednesday accused China of attacking Filipino sailors. Beijing denied the accusations.",
        {(c("CN"), "rejects", c("PH")): A},
        [],
    ),
    # measures taken against the one who reacts, qualified as unjust: their authors are criticized
    (
        "fr",
        "Le Mali et le Burkina Faso ont rompu jeudi leurs relations diplomatiques avec l'Ukraine. Kiev a dénoncé des mesures « injustifiées ».",
        {(c("UA"), "criticizes", c("ML")): A, (c("UA"), "criticizes", c("BF")): A},
        [],
    ),
    (
        "en",
        "Mali and Burkina Faso severed diplomatic relations with Ukraine on Thursday. Kyiv condemned the measures as unjustified.",
        {(c("UA"), "criticizes", c("ML")): A, (c("UA"), "criticizes", c("BF")): A},
        [],
    ),
    (
        "fr",
        "Le Niger a expulsé lundi l'ambassadeur de France. Paris a regretté une décision injustifiée.",
        {(c("FR"), "criticizes", c("NE")): A},
        [],
    ),
    (
        "en",
        "Niger expelled the French ambassador on Monday. Paris deplored an unjustified decision.",
        {(c("FR"), "criticizes", c("NE")): A},
        [],
    ),
    # an act taken against the judge, judged with a word of blame ("regrettable")
    (
        "fr",
        "Le Soudan a rompu mardi ses relations diplomatiques avec les Émirats arabes unis. Le chef de l'armée a annoncé le rappel de l'ambassadeur soudanais. Abou Dhabi a jugé cette décision « regrettable ».",
        {(c("AE"), "criticizes", c("SD")): A},
        [],
    ),
    (
        "en",
        "Sudan cut diplomatic ties with the United Arab Emirates on Tuesday. The army chief announced the recall of the Sudanese ambassador. Abu Dhabi called the decision regrettable.",
        {(c("AE"), "criticizes", c("SD")): A},
        [],
    ),
    # restrictions, an embargo: acts too
    (
        "fr",
        "Washington a imposé mardi de nouvelles sanctions à la Chine. Pékin a dénoncé ces restrictions.",
        {(c("CN"), "criticizes", c("US")): A},
        [],
    ),
    (
        "en",
        "Washington imposed new sanctions on China on Tuesday. Beijing condemned the restrictions.",
        {(c("CN"), "criticizes", c("US")): A},
        [],
    ),
    # a denial is an asserted rejection; a negated one stays negated
    (
        "fr",
        "L'Azerbaïdjan a accusé l'Arménie d'avoir violé le cessez-le-feu. Erevan n'a pas rejeté ces accusations.",
        {(c("AM"), "rejects", c("AZ")): N},
        [(c("AM"), "rejects", c("AZ"))],
    ),
    (
        "en",
        "Azerbaijan accused Armenia of violating the ceasefire. Yerevan did not reject the accusations.",
        {(c("AM"), "rejects", c("AZ")): N},
        [(c("AM"), "rejects", c("AZ"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", REACTIONS)
def test_reaction_to_an_earlier_act(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


NO_REACTION = [
    # a reaction to one's own measures gives nothing
    ("fr", "Le Qatar a imposé des sanctions à l'Arabie saoudite. Doha a dénoncé des mesures injustifiées.", [(c("QA"), "criticizes", c("SA"))]),
    ("en", "Qatar imposed sanctions on Saudi Arabia. Doha condemned the unjustified measures.", [(c("QA"), "criticizes", c("SA"))]),
    ("fr", "Le Qatar a rompu ses relations avec l'Arabie saoudite. Cette décision a été condamnée par Doha.", [(c("QA"), "criticizes", c("SA"))]),
    ("en", "Qatar cut ties with Saudi Arabia. The decision was condemned by Doha.", [(c("QA"), "criticizes", c("SA"))]),
    # an accusation the reactor made itself is not answered by it
    ("fr", "La Russie a accusé l'Ukraine de sabotage. Moscou a rejeté des allégations sans fondement.", [(c("RU"), "rejects", c("UA"))]),
    ("en", "Russia accused Ukraine of sabotage. Moscow dismissed baseless allegations.", [(c("RU"), "rejects", c("UA"))]),
    # accusations against someone else: a third party's rejection names no accuser
    (
        "fr",
        "L'Azerbaïdjan a accusé l'Arménie d'avoir violé le cessez-le-feu. La Russie a rejeté ces accusations.",
        [(c("RU"), "rejects", c("AZ"))],
    ),
    ("en", "Azerbaijan accused Armenia of violating the ceasefire. Russia rejected the accusations.", [(c("RU"), "rejects", c("AZ"))]),
    # no earlier act: nothing
    ("fr", "La Chine a rejeté ces accusations.", [(c("CN"), "rejects", c("US"))]),
    ("en", "Beijing rejected the accusations.", [(c("CN"), "rejects", c("US"))]),
    # an act named more than two sentences back is out of reach
    (
        "fr",
        "La Russie a accusé l'Ukraine de sabotage. Le marché a reculé. Les prix du gaz ont bondi. L'hiver approche. Kiev a rejeté ces accusations.",
        [(c("UA"), "rejects", c("RU"))],
    ),
    (
        "en",
        "Russia accused Ukraine of sabotage. Markets fell. Gas prices jumped. Winter is coming. Kyiv rejected the accusations.",
        [(c("UA"), "rejects", c("RU"))],
    ),
]


@pytest.mark.parametrize("lang, text, absent", NO_REACTION)
def test_no_reaction_without_an_act_against_the_reactor(extractor: Extractor, lang: str, text: str, absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, {}, absent)
