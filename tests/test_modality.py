"""Modality of extracted relations (bench/gold/README.md, convention 7), by construction class, in French
and English: hedges, negations and denials, reported facts, and the scope of each.

Each case gives the statement expected for one triple; a hedged or negated one must not be a plain fact
(no direct triple). Sentences are made up for the tests, in news style, about real actors.
"""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.iri import article_id, content_hash
from kg.types import Article, Extraction

pytestmark = pytest.mark.slow

ML, BF, NE, NG, RU, FR, US, TR, UA, TD, DZ, MA, PL, GH, TG, SE, CD, RW, IL = (
    f"country/{c}" for c in ("ML", "BF", "NE", "NG", "RU", "FR", "US", "TR", "UA", "TD", "DZ", "MA", "PL", "GH", "TG", "SE", "CD", "RW", "IL")
)
ECOWAS, EU, M23, HEZBOLLAH = "org/ecowas", "org/eu", "group/m23", "group/hezbollah"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, lang: str, text: str) -> Extraction:
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date="2024-03-14", content_hash=content_hash(text))
    return extractor(art)


def statements(ex: Extraction) -> dict[tuple[str, str, str], set[str]]:
    out: dict[tuple[str, str, str], set[str]] = {}
    for r in ex.relations:
        out.setdefault((r.subject, r.predicate, r.object), set()).add(r.modality)
    return out


def check(extractor: Extractor, lang: str, text: str, triple: tuple[str, str, str], modality: str) -> None:
    got = statements(run(extractor, lang, text))
    assert got.get(triple) == {modality}, got


HEDGES = [
    # conditional mood, on the verb, a modal or the copula of an adjective
    ("fr", "Le Niger pourrait quitter la CEDEAO l'an prochain.", (NE, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Niger devrait quitter la CEDEAO l'an prochain.", (NE, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Mali envisagerait de quitter la CEDEAO.", (ML, "withdrawsFrom", ECOWAS)),
    ("fr", "L'Algérie serait prête à rompre ses relations avec le Maroc.", (DZ, "endsCooperationWith", MA)),
    ("en", "Niger could leave ECOWAS next year.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger might leave ECOWAS next year.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger would leave ECOWAS if the sanctions stay.", (NE, "withdrawsFrom", ECOWAS)),
    # epistemic adverbs
    ("fr", "La Russie livrera probablement des armes au Mali.", (RU, "supports", ML)),
    ("en", "Russia probably delivered weapons to Mali.", (RU, "supports", ML)),
    ("en", "Russia possibly delivered weapons to Mali.", (RU, "supports", ML)),
    ("en", "Russia will likely attack Ukraine again.", (RU, "attacks", UA)),
    # plans and intentions
    ("fr", "Le Niger prévoit de quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Niger envisage de quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Niger entend quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger plans to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger intends to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger is set to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger is expected to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger aims to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger seeks to leave ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    # future
    ("fr", "La Russie livrera des armes au Mali.", (RU, "supports", ML)),
    ("fr", "La Russie va livrer des armes au Mali.", (RU, "supports", ML)),
    ("en", "Russia will deliver weapons to Mali.", (RU, "supports", ML)),
    # offers and promises: the promised act is not done
    ("fr", "La Turquie a proposé de livrer des drones au Niger.", (TR, "supports", NE)),
    ("fr", "La Turquie s'est dite prête à livrer des drones au Niger.", (TR, "supports", NE)),
    ("fr", "Le Tchad a promis d'expulser l'ambassadeur de France.", (TD, "expels", FR)),
    ("en", "Turkey offered to deliver drones to Niger.", (TR, "supports", NE)),
    ("en", "Turkey pledged to deliver drones to Niger.", (TR, "supports", NE)),
    ("en", "Turkey vowed to deliver drones to Niger.", (TR, "supports", NE)),
    # requests and demands: the requested act
    ("fr", "La Pologne a exhorté la Russie à se retirer d'Ukraine.", (RU, "withdrawsFrom", UA)),
    ("en", "Poland urged Russia to withdraw from Ukraine.", (RU, "withdrawsFrom", UA)),
    ("en", "Poland urged the European Union to sanction Russia.", (EU, "sanctions", RU)),
    # a requested act named by a noun: the one asked would do it
    ("fr", "La Pologne a demandé à l'Union européenne de nouvelles sanctions contre la Russie.", (EU, "sanctions", RU)),
    # threats: the threatened act
    ("fr", "Le Tchad a menacé d'expulser l'ambassadeur de France.", (TD, "expels", FR)),
    ("en", "Chad threatened to expel the French ambassador.", (TD, "expels", FR)),
    ("fr", "Les États-Unis ont menacé de couper l'aide à l'Ukraine.", (US, "endsCooperationWith", UA)),
    ("en", "The United States threatened to cut aid to Ukraine.", (US, "endsCooperationWith", UA)),
    # conditionals
    ("fr", "Si la Russie attaque la Pologne, l'OTAN ripostera.", (RU, "attacks", PL)),
    ("en", "If Russia attacks Poland, NATO will respond.", (RU, "attacks", PL)),
    ("en", "If Niger leaves ECOWAS, Nigeria would close its border.", (NE, "withdrawsFrom", ECOWAS)),
    # questions and speculation
    ("en", "There is talk of a Malian withdrawal from ECOWAS.", (ML, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Mali va-t-il quitter la CEDEAO ?", (ML, "withdrawsFrom", ECOWAS)),
    # risk
    ("fr", "Le Niger risque de rompre avec la Russie.", (NE, "endsCooperationWith", RU)),
    # the act under a predicative adjective or a noun of risk (the adjective's or the clause's subject acts)
    ("en", "Chad is ready to expel the French ambassador.", (TD, "expels", FR)),
    ("en", "Russia is likely to deliver weapons to Mali.", (RU, "supports", ML)),
    ("en", "Niger is at risk of breaking with Russia.", (NE, "endsCooperationWith", RU)),
    # a denial denied is a possibility
    ("fr", "Le Niger n'exclut pas de quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger has not ruled out leaving ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
]


@pytest.mark.parametrize("lang, sentence, triple", HEDGES)
def test_hedged(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str]) -> None:
    check(extractor, lang, sentence, triple, "Hedged")


NEGATIONS = [
    ("fr", "La Russie n'a jamais livré d'armes au Mali.", (RU, "supports", ML)),
    ("fr", "La Russie n'a livré aucune arme au Mali.", (RU, "supports", ML)),
    ("fr", "Ni la Russie ni la Chine n'ont livré d'armes au Mali.", (RU, "supports", ML)),
    ("fr", "Le Mali ne coopère plus avec la France.", (ML, "cooperatesWith", FR)),
    ("en", "Russia never delivered weapons to Mali.", (RU, "supports", ML)),
    ("en", "Russia has delivered no weapons to Mali.", (RU, "supports", ML)),
    ("en", "Ghana did not leave ECOWAS.", (GH, "withdrawsFrom", ECOWAS)),
    ("en", "Mali no longer cooperates with France.", (ML, "cooperatesWith", FR)),
    # denials
    ("fr", "Le Kremlin a démenti avoir livré des armes au Mali.", (RU, "supports", ML)),
    ("fr", "Le Kremlin nie avoir livré des armes au Mali.", (RU, "supports", ML)),
    ("en", "The Kremlin denied delivering weapons to Mali.", (RU, "supports", ML)),
    ("en", "The Kremlin denied that Russia had delivered weapons to Mali.", (RU, "supports", ML)),
    ("en", "Rwanda denies arming the M23.", (RW, "supports", M23)),
    ("fr", "Le Rwanda dément soutenir le M23.", (RW, "supports", M23)),  # "dément" read as an adverb
    # refusals, exclusions, failures
    ("fr", "Le Niger a refusé d'expulser l'ambassadeur de France.", (NE, "expels", FR)),
    ("en", "Niger refused to expel the French ambassador.", (NE, "expels", FR)),
    ("fr", "Le Niger a exclu de quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS)),
    ("en", "Niger ruled out leaving ECOWAS.", (NE, "withdrawsFrom", ECOWAS)),
    ("fr", "Le Ghana n'a pas réussi à signer un accord avec le Togo.", (GH, "signsAgreementWith", TG)),
    ("en", "Ghana failed to sign an agreement with Togo.", (GH, "signsAgreementWith", TG)),
    ("en", "Ghana declined to join the Alliance of Sahel States.", (GH, "memberOf", "org/aes")),
    # no intention, no plans: the act under the noun, negated
    ("fr", "Le Ghana n'a pas l'intention de quitter la CEDEAO.", (GH, "withdrawsFrom", ECOWAS)),
    ("en", "Ghana has no plans to leave ECOWAS.", (GH, "withdrawsFrom", ECOWAS)),
    # "sans"
    ("fr", "Le Niger a quitté la CEDEAO sans rompre ses relations avec le Nigeria.", (NE, "endsCooperationWith", NG)),
]


@pytest.mark.parametrize("lang, sentence, triple", NEGATIONS)
def test_negated(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str]) -> None:
    check(extractor, lang, sentence, triple, "Negated")


NOT_NEGATED = [
    # "ne ... que" is "only"; "pas moins de" is "no fewer than"; "not only ... but also"
    ("fr", "Le Mali n'a signé qu'un accord avec la Russie.", (ML, "signsAgreementWith", RU), "Asserted"),
    ("fr", "La Russie a tiré pas moins de 40 missiles sur l'Ukraine.", (RU, "attacks", UA), "Asserted"),
    ("en", "Russia launched no fewer than 50 drones at Ukraine overnight.", (RU, "attacks", UA), "Asserted"),
    ("en", "Russia not only delivered weapons to Mali but also trained its army.", (RU, "supports", ML), "Asserted"),
    # "without" on a noun of manner is no negation of the act
    ("fr", "Israël a frappé le Hezbollah au Liban sans avertissement.", (IL, "attacks", HEZBOLLAH), "Asserted"),
    ("en", "Israel struck Hezbollah positions in Lebanon without warning.", (IL, "attacks", HEZBOLLAH), "Asserted"),
    # a failed talk took place: the denial verb governs its complement, not its subject
    ("en", "Russia attacked Ukraine after talks between the two sides failed.", (RU, "attacks", UA), "Asserted"),
]


@pytest.mark.parametrize("lang, sentence, triple, modality", NOT_NEGATED)
def test_not_negated(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str], modality: str) -> None:
    check(extractor, lang, sentence, triple, modality)


REPORTED = [
    # the accusation's content in English ("accuses X of V-ing": X does it, by the accuser's word)
    ("en", "Kinshasa accuses Rwanda of backing the M23.", (RW, "supports", M23), CD),
    ("fr", "Selon Reuters, le Mali a expulsé l'ambassadeur de France.", (ML, "expels", FR), "Reuters"),
    ("fr", "D'après des sources diplomatiques, le Mali a expulsé l'ambassadeur de France.", (ML, "expels", FR), "des sources diplomatiques"),
    ("en", "According to Reuters, Mali expelled the French ambassador.", (ML, "expels", FR), "Reuters"),
    ("fr", "Kiev affirme que la Russie a attaqué la Pologne.", (RU, "attacks", PL), UA),
    ("en", "Kyiv claims that Russia attacked Poland.", (RU, "attacks", PL), UA),
    ("en", "Mali expelled the French ambassador, officials said.", (ML, "expels", FR), "officials"),
    ("en", "Russia attacked Ukraine, President Emmanuel Macron told reporters.", (RU, "attacks", UA), "person/emmanuel-macron"),
    ("fr", "Selon le président Emmanuel Macron, la Russie a attaqué l'Ukraine.", (RU, "attacks", UA), "person/emmanuel-macron"),
    ("fr", "Des experts de l'ONU estiment que le Rwanda soutient le M23.", (RW, "supports", M23), "org/un"),
    ("en", "UN experts say Rwanda supports the M23.", (RW, "supports", M23), "org/un"),
    # the content of an accusation is the accuser's, even when the accused denies it
    ("fr", "Kinshasa accuse le Rwanda de soutenir le M23.", (RW, "supports", M23), CD),
    ("fr", "Kinshasa accuse le Rwanda de soutenir le M23, ce que Kigali nie.", (RW, "supports", M23), CD),
    ("fr", "Le Mali a accusé l'Algérie d'avoir abattu un drone malien, ce qu'Alger dément.", (DZ, "attacks", ML), ML),
    ("en", "Russia reportedly delivered weapons to Mali.", (RU, "supports", ML), None),
]


@pytest.mark.parametrize("lang, sentence, triple, source", REPORTED)
def test_reported(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str], source: str | None) -> None:
    rels = [r for r in run(extractor, lang, sentence).relations if (r.subject, r.predicate, r.object) == triple]
    assert [r.modality for r in rels] == ["Reported"], rels
    assert (rels[0].attributed_to or rels[0].attributed_text) == source


ASSERTED = [
    # acts performed by speaking are asserted
    ("fr", "Le Tchad a annoncé la fin de l'accord de défense avec la France.", (TD, "endsCooperationWith", FR)),
    ("en", "Chad announced the end of its defence agreement with France.", (TD, "endsCooperationWith", FR)),
    ("fr", "Kinshasa accuse le Rwanda de soutenir le M23.", (CD, "criticizes", RW)),
    ("en", "Kinshasa accuses Rwanda of backing the M23.", (CD, "criticizes", RW)),
    # the threat itself is asserted; its act is hedged (HEDGES)
    ("fr", "Les États-Unis ont menacé de couper l'aide à l'Ukraine.", (US, "threatens", UA)),
    ("en", "The United States threatened to cut aid to Ukraine.", (US, "threatens", UA)),
    # an event taken as given by a reaction verb happened, whatever that verb's negation or hedge
    ("fr", "L'Ukraine n'a pas pu empêcher l'attaque russe contre Kharkiv.", (RU, "attacks", UA)),
    ("en", "Ukraine failed to stop the attack by Russia on Kharkiv.", (RU, "attacks", UA)),
]


@pytest.mark.parametrize("lang, sentence, triple", ASSERTED)
def test_asserted(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str]) -> None:
    check(extractor, lang, sentence, triple, "Asserted")


SCOPE = [
    # a hedge or a negation stays in its clause: "mais" / "but" opens a clause of its own
    ("fr", "Le Mali a rompu avec la France mais pourrait renouer avec la Russie.", (ML, "endsCooperationWith", FR), "Asserted"),
    ("fr", "Le Mali a rompu avec la France mais pourrait renouer avec la Russie.", (ML, "cooperatesWith", RU), "Hedged"),
    ("en", "Mali broke with France but could restore ties with Russia.", (ML, "endsCooperationWith", FR), "Asserted"),
    ("en", "Mali broke with France but could restore ties with Russia.", (ML, "cooperatesWith", RU), "Hedged"),
    ("fr", "Le Mali n'a pas rompu avec la France mais a expulsé l'ambassadeur de Suède.", (ML, "expels", SE), "Asserted"),
    ("fr", "Le Mali n'a pas rompu avec la France mais a expulsé l'ambassadeur de Suède.", (ML, "endsCooperationWith", FR), "Negated"),
    ("en", "Mali did not break with France, but expelled the Swedish ambassador.", (ML, "expels", SE), "Asserted"),
    ("en", "Mali did not break with France, but expelled the Swedish ambassador.", (ML, "endsCooperationWith", FR), "Negated"),
    ("fr", "Le Niger a rompu avec la Russie et pourrait expulser l'ambassadeur russe.", (NE, "endsCooperationWith", RU), "Asserted"),
    # a shared modal or negation reaches both conjuncts
    ("fr", "Le Niger pourrait rompre avec la Russie et expulser l'ambassadeur russe.", (NE, "expels", RU), "Hedged"),
    ("en", "Niger could end its cooperation with Russia and expel the Russian ambassador.", (NE, "expels", RU), "Hedged"),
    ("fr", "Le Mali n'a ni rompu avec la France ni expulsé l'ambassadeur de France.", (ML, "expels", FR), "Negated"),
    ("en", "Mali did not break with France or expel the French ambassador.", (ML, "expels", FR), "Negated"),
    # past facts in relative clauses stay asserted; the relative clause's own negation stays there
    ("fr", "Le Mali, qui a rompu avec la France en 2022, pourrait signer un accord avec la Russie.", (ML, "endsCooperationWith", FR), "Asserted"),
    ("fr", "Le Mali, qui a rompu avec la France en 2022, pourrait signer un accord avec la Russie.", (ML, "signsAgreementWith", RU), "Hedged"),
    ("en", "Mali, which broke with France in 2022, will sign an agreement with Russia.", (ML, "endsCooperationWith", FR), "Asserted"),
    ("en", "Mali, which broke with France in 2022, will sign an agreement with Russia.", (ML, "signsAgreementWith", RU), "Hedged"),
    ("fr", "Le Mali, qui n'a pas quitté la CEDEAO, a signé un accord avec la Russie.", (ML, "signsAgreementWith", RU), "Asserted"),
    ("fr", "Le Niger, qui doit accueillir le sommet, a rompu avec la France.", (NE, "endsCooperationWith", FR), "Asserted"),
    ("en", "Niger, which is due to host the summit, broke with France.", (NE, "endsCooperationWith", FR), "Asserted"),
    # an adverbial clause with its own subject is not under the main clause's hedge
    ("en", "The African Union called for an immediate ceasefire, while the European Union sanctioned Rwanda.", (EU, "sanctions", RW), "Asserted"),
    # what happened before the main clause's act is not negated by it
    ("fr", "Le Niger n'a pas consulté le Tchad avant de quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS), "Asserted"),
    # "without" + gerund: the gerund takes the clause's subject, and is negated
    ("en", "Niger left ECOWAS without breaking its ties with Nigeria.", (NE, "endsCooperationWith", NG), "Negated"),
]


@pytest.mark.parametrize("lang, sentence, triple, modality", SCOPE)
def test_scope(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str], modality: str) -> None:
    check(extractor, lang, sentence, triple, modality)


GAPS = [
    # the model reads "compte" as part of a name
    ("fr", "Le Niger compte quitter la CEDEAO.", (NE, "withdrawsFrom", ECOWAS), "Hedged"),
    # a denied accusation without its accuser: the denier's act, negated (the pronoun is not resolved)
    ("en", "Russia rejected accusations that it had delivered weapons to Mali.", (RU, "supports", ML), "Negated"),
    ("fr", "La Russie a rejeté les accusations selon lesquelles elle aurait livré des armes au Mali.", (RU, "supports", ML), "Negated"),
]


@pytest.mark.parametrize("lang, sentence, triple, modality", GAPS)
@pytest.mark.xfail(reason="known gap: see the comment on each case", strict=True)
def test_known_gaps(extractor: Extractor, lang: str, sentence: str, triple: tuple[str, str, str], modality: str) -> None:
    check(extractor, lang, sentence, triple, modality)
