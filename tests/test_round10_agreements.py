"""Construction classes of issue 14, round 10 (agreements and meetings of leaders), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the statements a
construction gives, with their modality, and what it must not give as a fact.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Statement, Triple, c, check, p

from kg.extract import Extractor

pytestmark = pytest.mark.slow




AGREE = "signsAgreementWith"
MEET = "meetsWith"

# -- 1. parties agreeing with each other by a pronominal verb, or agreeing "with" a partner -------------

AGREEING = [
    ("fr", "L'Arménie et l'Azerbaïdjan se sont entendus vendredi sur le tracé de leur frontière.", [(c("AM"), AGREE, c("AZ"), "fact")], []),
    ("fr", "L'Arménie et l'Azerbaïdjan se sont accordés vendredi sur le tracé de leur frontière.", [(c("AM"), AGREE, c("AZ"), "fact")], []),
    ("en", "Armenia and Azerbaijan agreed on Friday on the demarcation of their border.", [(c("AM"), AGREE, c("AZ"), "fact")], []),
    ("fr", "La Thaïlande s'est entendue avec le Cambodge sur un cessez-le-feu.", [(c("TH"), AGREE, c("KH"), "fact")], []),
    ("en", "Thailand agreed with Cambodia on a ceasefire.", [(c("TH"), AGREE, c("KH"), "fact")], []),
    # a day the parser reads as the object is no object
    ("fr", "L'Éthiopie et l'Érythrée ont convenu lundi d'un retrait des troupes.", [(c("ET"), AGREE, c("ER"), "fact")], []),
    # negated: a Negated statement, no fact ("ne se sont pas entendus" is no passive)
    ("fr", "L'Arménie et l'Azerbaïdjan ne se sont pas entendus sur le tracé de leur frontière.", [(c("AM"), AGREE, c("AZ"), "Negated")], [(c("AM"), AGREE, c("AZ"))]),
    ("en", "Armenia and Azerbaijan did not agree on the demarcation of their border.", [(c("AM"), AGREE, c("AZ"), "Negated")], [(c("AM"), AGREE, c("AZ"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", AGREEING)
def test_agreeing_with_each_other(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 2. a joint pledge of two parties about themselves ------------------------------------------------

PLEDGES = [
    # two leaders, "A et son homologue B": their states agree (head-of-state rule; the counterpart holds
    # the office of the title before it)
    (
        "fr",
        "Le Premier ministre indien, Narendra Modi, et son homologue pakistanais, Shehbaz Sharif, se sont engagés samedi à ne pas recourir à la force au Cachemire.",
        [(c("IN"), AGREE, c("PK"), "fact")],
        [],
    ),
    (
        "en",
        "Indian Prime Minister Narendra Modi and his Pakistani counterpart Shehbaz Sharif pledged on Saturday not to use force in Kashmir.",
        [(c("IN"), AGREE, c("PK"), "fact")],
        [],
    ),
    (
        "fr",
        "Le président vénézuélien, Nicolás Maduro, et son homologue guyanien, Irfaan Ali, se sont engagés jeudi à ne pas recourir à la force.",
        [(c("VE"), AGREE, c("GY"), "fact"), (p("irfaan-ali"), "leads", c("GY"), "fact")],
        [],
    ),
    (
        "en",
        "Venezuelan President Nicolas Maduro and his Guyanese counterpart, Irfaan Ali, pledged on Thursday not to use force.",
        [(c("VE"), AGREE, c("GY"), "fact")],
        [(c("VE"), AGREE, p("irfaan-ali"))],
    ),
    ("fr", "Le Rwanda et la République démocratique du Congo se sont engagés mardi à respecter leur intégrité territoriale.", [(c("RW"), AGREE, c("CD"), "fact")], []),
    ("en", "Rwanda and the Democratic Republic of the Congo pledged on Tuesday to respect each other's territorial integrity.", [(c("RW"), AGREE, c("CD"), "fact")], []),
    ("en", "Ethiopia and Somalia committed to respect each other's sovereignty.", [(c("ET"), AGREE, c("SO"), "fact")], []),
    # what describes a noun of the pledge names no party to it
    (
        "fr",
        "Le Cambodge et la Thaïlande se sont engagés mardi à ne pas recourir à la force autour du temple de Preah Vihear, un site classé par l'Unesco.",
        [(c("KH"), AGREE, c("TH"), "fact")],
        [],
    ),
    ("en", "Cambodia and Thailand pledged on Tuesday not to use force around the Preah Vihear temple, a site listed by UNESCO.", [(c("KH"), AGREE, c("TH"), "fact")], []),
    # a pledge about a third actor is no agreement between the two (the act pledged is hedged)
    ("fr", "L'Allemagne et la Pologne se sont engagées à livrer des chars à l'Ukraine.", [(c("DE"), "supports", c("UA"), "Hedged")], [(c("DE"), AGREE, c("PL")), (c("DE"), "supports", c("UA"))]),
    ("en", "Germany and Poland pledged to deliver tanks to Ukraine.", [(c("DE"), "supports", c("UA"), "Hedged")], [(c("DE"), AGREE, c("PL")), (c("DE"), "supports", c("UA"))]),
    # a pledge of more talks is a plan to meet, no agreement signed
    ("fr", "L'Inde et le Pakistan se sont engagés à reprendre les pourparlers.", [(c("IN"), MEET, c("PK"), "Hedged")], [(c("IN"), AGREE, c("PK")), (c("IN"), MEET, c("PK"))]),
    ("en", "India and Pakistan pledged to resume talks.", [(c("IN"), MEET, c("PK"), "Hedged")], [(c("IN"), AGREE, c("PK")), (c("IN"), MEET, c("PK"))]),
    ("en", "India and Pakistan committed to hold talks next month.", [(c("IN"), MEET, c("PK"), "Hedged")], [(c("IN"), AGREE, c("PK")), (c("IN"), MEET, c("PK"))]),
    # one party alone pledges nothing to itself; a thing pledged is no joint pledge
    ("en", "Japan pledged $1 billion to Ukraine.", [], [(c("JP"), AGREE, c("UA"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", PLEDGES)
def test_joint_pledge(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 3. a declaration initialled or signed by two parties ---------------------------------------------

DECLARATIONS = [
    ("fr", "L'Inde et la Chine ont paraphé jeudi une déclaration commune sur leur frontière.", [(c("IN"), AGREE, c("CN"), "fact")], []),
    ("en", "India and China initialled a joint declaration on their border on Thursday.", [(c("IN"), AGREE, c("CN"), "fact")], []),
    ("en", "India and China initialed a joint declaration on their border on Thursday.", [(c("IN"), AGREE, c("CN"), "fact")], []),
    (
        "fr",
        "Le Premier ministre arménien Nikol Pachinian et le président azerbaïdjanais Ilham Aliev ont paraphé vendredi une déclaration ouvrant la voie à un traité de paix.",
        [(c("AM"), AGREE, c("AZ"), "fact")],
        [],
    ),
    (
        "en",
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev initialled a declaration paving the way for a peace treaty on Friday.",
        [(c("AM"), AGREE, c("AZ"), "fact")],
        [],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", DECLARATIONS)
def test_declaration_signed(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 4. a host who received the parties: "qui les avait reçus", "after X hosted them" -------------------

ERDOGAN, HASSAN, ABIY, TRUMP = p("recep-tayyip-erdogan"), p("hassan-sheikh-mohamud"), p("abiy-ahmed"), p("donald-trump")

HOSTS = [
    (
        "fr",
        "Le président somalien, Hassan Cheikh Mohamoud, et le Premier ministre éthiopien, Abiy Ahmed, ont conclu mercredi à Ankara un accord, sous l'égide du président turc, Recep Tayyip Erdoğan, qui les avait reçus séparément.",
        [(c("SO"), AGREE, c("ET"), "fact"), (ERDOGAN, MEET, HASSAN, "fact"), (ERDOGAN, MEET, ABIY, "fact")],
        # the host is the person (the parser's slip "président turc, Recep" as a conjunct gives no Turkey too)
        [(c("TR"), MEET, HASSAN), (c("TR"), MEET, ABIY)],
    ),
    (
        "en",
        "Somali President Hassan Sheikh Mohamud and Ethiopian Prime Minister Abiy Ahmed concluded an agreement in Ankara on Wednesday under the auspices of Turkish President Recep Tayyip Erdogan, who had received them separately.",
        [(c("SO"), AGREE, c("ET"), "fact"), (ERDOGAN, MEET, HASSAN, "fact"), (ERDOGAN, MEET, ABIY, "fact")],
        [],
    ),
    (
        "fr",
        "Le Rwanda et la République démocratique du Congo ont signé un accord de paix à Washington, où Donald Trump les avait reçus la veille.",
        [(TRUMP, MEET, c("RW"), "fact"), (TRUMP, MEET, c("CD"), "fact")],
        [],
    ),
    (
        "en",
        "Rwanda and the Democratic Republic of the Congo signed a peace deal in Washington after Donald Trump received them at the White House.",
        [(TRUMP, MEET, c("RW"), "fact"), (TRUMP, MEET, c("CD"), "fact")],
        [],
    ),
    # the parties are the subjects of the first clause up that names actors (past "destiné à mettre fin")
    (
        "fr",
        "L'Arménie et l'Azerbaïdjan ont signé un accord destiné à mettre fin à leur conflit, sous l'égide de Donald Trump, qui les avait reçus à la Maison Blanche.",
        [(TRUMP, MEET, c("AM"), "fact"), (TRUMP, MEET, c("AZ"), "fact")],
        [],
    ),
    (
        "en",
        "Armenia and Azerbaijan signed an agreement aimed at ending their conflict under the auspices of Donald Trump, who had received them at the White House.",
        [(TRUMP, MEET, c("AM"), "fact"), (TRUMP, MEET, c("AZ"), "fact")],
        [],
    ),
    # "les" / "them" stands for actors only when the clause above has several of them
    ("fr", "L'Allemagne a livré des chars à la Pologne, qui les attendait depuis des mois.", [(c("DE"), "supports", c("PL"), "fact")], [(c("PL"), MEET, c("DE"))]),
    ("fr", "Le Maroc et l'Algérie les ont rencontrés lundi à Genève.", [], [(c("MA"), MEET, c("DZ"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", HOSTS)
def test_host_received_the_parties(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 5. a visit received: "A a été accueilli à Athènes par B" -------------------------------------------

VISITS = [
    (
        "fr",
        "Le président kényan William Ruto a été accueilli à Addis-Abeba par le Premier ministre éthiopien Abiy Ahmed.",
        [(ABIY, MEET, p("william-ruto"), "fact")],
        [],
    ),
    (
        "en",
        "Kenyan President William Ruto was welcomed in Addis Ababa by Ethiopian Prime Minister Abiy Ahmed.",
        [(ABIY, MEET, p("william-ruto"), "fact")],
        [],
    ),
    (
        "fr",
        "Le président turc Recep Tayyip Erdoğan a été accueilli jeudi à Athènes par le Premier ministre grec Kyriakos Mitsotakis.",
        [(p("kyriakos-mitsotakis"), MEET, ERDOGAN, "fact")],
        [],
    ),
    (
        "en",
        "Turkish President Recep Tayyip Erdogan was welcomed in Athens on Thursday by Greek Prime Minister Kyriakos Mitsotakis.",
        [(p("kyriakos-mitsotakis"), MEET, ERDOGAN, "fact")],
        [],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", VISITS)
def test_visit_received(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 6. "les deux dirigeants", "the two leaders": the leaders named before ------------------------------

LEADER_ANAPHORA = [
    (
        "fr",
        "Le président turc Recep Tayyip Erdoğan a été accueilli jeudi à Athènes par le Premier ministre grec Kyriakos Mitsotakis. Les deux dirigeants ont signé une déclaration sur les relations de bon voisinage.",
        [(c("TR"), AGREE, c("GR"), "fact")],
        [],
    ),
    (
        "en",
        "Turkish President Recep Tayyip Erdogan was welcomed in Athens on Thursday by Greek Prime Minister Kyriakos Mitsotakis. The two leaders signed a declaration on friendly relations.",
        [(c("TR"), AGREE, c("GR"), "fact")],
        [],
    ),
    (
        "fr",
        "Le président russe Vladimir Poutine a reçu lundi au Kremlin le président chinois Xi Jinping. Les deux présidents ont signé une quinzaine d'accords.",
        [(c("RU"), AGREE, c("CN"), "fact")],
        [],
    ),
    # ministers lead nothing: "les deux dirigeants" are no ministers
    (
        "fr",
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a reçu lundi son homologue chinois Wang Yi. Les deux dirigeants ont signé un accord.",
        [(p("sergey-lavrov"), MEET, p("wang-yi"), "fact")],
        [(c("RU"), AGREE, c("CN")), (p("sergey-lavrov"), AGREE, p("wang-yi"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", LEADER_ANAPHORA)
def test_the_two_leaders(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 7. a ceremony or a meal with a partner, as an adverbial of the clause --------------------------------

JAPAROV, RAHMON = p("sadyr-japarov"), p("emomali-rahmon")

CEREMONIES = [
    (
        "en",
        "Kyrgyz President Sadyr Japarov flew to Khujand for the ceremony with his Tajik counterpart, Emomali Rahmon.",
        [(JAPAROV, MEET, RAHMON, "fact")],
        [],
    ),
    # the name after a comma, hung on the ceremony by the parser, is the counterpart's
    ("fr", "Le président kirghiz Sadyr Japarov s'est rendu à Khoujand pour une cérémonie avec son homologue tadjik, Emomali Rahmon.", [(JAPAROV, MEET, RAHMON, "fact")], [(JAPAROV, MEET, c("TJ"))]),
    ("en", "Emmanuel Macron spoke about Ukraine at a dinner with Olaf Scholz on Tuesday.", [(p("emmanuel-macron"), MEET, p("olaf-scholz"), "fact")], []),
    ("fr", "Emmanuel Macron a remis mardi une décoration à un chef d'orchestre lors d'un dîner avec Olaf Scholz.", [(p("emmanuel-macron"), MEET, p("olaf-scholz"), "fact")], []),
    ("fr", "Emmanuel Macron est arrivé mardi à Berlin pour un dîner avec Olaf Scholz.", [(p("emmanuel-macron"), MEET, p("olaf-scholz"), "fact")], []),
    # a topic verb makes what hangs under it a topic, the dinner included (modality.py): hedged, a known gap
    pytest.param(
        "fr",
        "Emmanuel Macron a évoqué l'Ukraine lors d'un dîner avec Olaf Scholz mardi.",
        [(p("emmanuel-macron"), MEET, p("olaf-scholz"), "fact")],
        [],
        marks=pytest.mark.xfail(reason="a topic verb (évoquer) hedges its adverbials too", strict=True),
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", CEREMONIES)
def test_ceremony_with_a_partner(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)


# -- 8. a gathering hosted by someone, the host's participle hung on the venue ---------------------------

HOSTED_AT_A_VENUE = [
    (
        "en",
        "Finnish President Alexander Stubb signed the documents at a ceremony at the NATO headquarters in Brussels hosted by Secretary-General Mark Rutte.",
        [(p("alexander-stubb"), MEET, p("mark-rutte"), "fact")],
        [(p("mark-rutte"), MEET, "org/nato")],
    ),
    (
        "fr",
        "Le président finlandais Alexander Stubb a signé les documents lors d'une cérémonie au siège de l'OTAN à Bruxelles présidée par le secrétaire général Mark Rutte.",
        [(p("alexander-stubb"), MEET, p("mark-rutte"), "fact")],
        [(p("mark-rutte"), MEET, "org/nato")],
    ),
    # the venue named after the host's country is no guest of the host
    (
        "en",
        "Japanese Prime Minister Shigeru Ishiba spoke at a dinner at the White House hosted by Donald Trump.",
        [(p("shigeru-ishiba"), MEET, TRUMP, "fact")],
        [(TRUMP, MEET, c("US"))],
    ),
]


@pytest.mark.parametrize("lang, text, expected, absent", HOSTED_AT_A_VENUE)
def test_gathering_hosted_at_a_venue(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    check(extractor, lang, text, expected, absent)
