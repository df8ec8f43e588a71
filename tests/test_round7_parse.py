"""Round 7: parser slips that lose facts on long wire sentences (kg/nlp.py `kg_reattach`, the subject
fallbacks of kg/relate/arguments.py, the event anaphor of kg/relate/rules.py)."""

from __future__ import annotations

import pytest
from extraction_fixture import check

from kg.extract import Extractor

# a list of subjects "A, B et C ont V" read with A as the root, B its conjunct, only C the verb's subject;
# a linked name the tagger read as a verb ("Narendra")
LISTED_SUBJECTS = [
    ("fr", "Moscou, Pékin et Téhéran ont condamné les frappes américaines.",
     [("country/RU", "criticizes", "country/US", "fact"), ("country/CN", "criticizes", "country/US", "fact"),
      ("country/IR", "criticizes", "country/US", "fact")], []),
    ("fr", "Ankara, Bakou et Tbilissi ont signé un accord de coopération énergétique.",
     [("country/TR", "signsAgreementWith", "country/AZ", "fact"), ("country/TR", "signsAgreementWith", "country/GE", "fact")], []),
    ("fr", "Narendra Modi et Xi Jinping ont signé mardi un accord commercial.",
     [("country/IN", "signsAgreementWith", "country/CN", "fact")], []),
    ("en", "Moscow, Beijing and Tehran condemned the American strikes.",
     [("country/RU", "criticizes", "country/US", "fact"), ("country/CN", "criticizes", "country/US", "fact")], []),
    ("en", "Narendra Modi and Xi Jinping signed a trade agreement on Tuesday.",
     [("country/IN", "signsAgreementWith", "country/CN", "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", LISTED_SUBJECTS)
def test_listed_subjects(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the object after a bare time word, hung as an oblique or on the weekday read as the object
TIME_WORD_OBJECT = [
    ("fr", "Washington a dénoncé mardi de nouvelles frappes russes.", [("country/US", "criticizes", "country/RU", "fact")], []),
    ("fr", "Pékin a lancé samedi des dizaines de missiles contre Taïwan.", [("country/CN", "attacks", "country/TW", "fact")], []),
    ("fr", "La France a expulsé lundi des diplomates russes.", [("country/FR", "expels", "country/RU", "fact")], []),
    ("fr", "Washington a annoncé lundi de nouvelles sanctions contre l'Iran.", [("country/US", "sanctions", "country/IR", "fact")], []),
    # "parler des sanctions" (de + les): talking about sanctions is no sanction
    ("fr", "Le Japon a parlé lundi des sanctions contre la Russie.", [], [("country/JP", "sanctions", "country/RU")]),
    ("en", "Washington denounced new Russian strikes on Tuesday.", [("country/US", "criticizes", "country/RU", "fact")], []),
]


@pytest.mark.parametrize("lang, text, expected, absent", TIME_WORD_OBJECT)
def test_time_word_object(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the act condemned is never that of the verb's own subjects
OWN_ACT = [
    ("en", "Berlin, Paris and London condemned the Iranian decision.",
     [("country/DE", "criticizes", "country/IR", "fact"), ("country/GB", "criticizes", "country/IR", "fact")],
     [("country/DE", "criticizes", "country/FR"), ("country/FR", "criticizes", "country/GB"), ("country/GB", "criticizes", "country/DE")]),
    ("en", "Germany, France and Britain condemned the move.", [],
     [("country/DE", "criticizes", "country/FR"), ("country/FR", "criticizes", "country/DE"), ("country/GB", "criticizes", "country/FR")]),
    ("fr", "Berlin, Paris et Londres ont condamné cette décision iranienne.",
     [("country/DE", "criticizes", "country/IR", "fact")],
     [("country/DE", "criticizes", "country/FR"), ("country/FR", "criticizes", "country/GB"), ("country/GB", "criticizes", "country/DE")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", OWN_ACT)
def test_own_act_not_condemned(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# negative: a place opening the sentence is no listed subject
NOT_LISTED = [
    ("fr", "À Moscou, Pékin et Téhéran ont condamné les frappes américaines.",
     [("country/IR", "criticizes", "country/US", "fact")], [("country/RU", "criticizes", "country/US")]),
    ("en", "In Moscow, Beijing and Tehran condemned the American strikes.",
     [("country/IR", "criticizes", "country/US", "fact")], [("country/RU", "criticizes", "country/US")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", NOT_LISTED)
def test_place_not_listed(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the target of an act noun hung on the verb right after the object ("contre des positions" read as the
# verb's oblique); not across a comma
VERB_HUNG_TARGET = [
    ("fr", "Le Burkina Faso a annoncé des frappes contre des positions du JNIM.", [("country/BF", "attacks", "group/jnim", "fact")], []),
    ("fr", "Le Japon a annoncé de nouvelles sanctions contre des entreprises russes.", [("country/JP", "sanctions", "country/RU", "fact")], []),
    ("en", "Israel announced new strikes against Hezbollah positions in Lebanon.", [("country/IL", "attacks", "group/hezbollah", "fact")], []),
    ("fr", "Le Japon a annoncé des sanctions, contre l'avis de la Chine.", [], [("country/JP", "sanctions", "country/CN")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", VERB_HUNG_TARGET)
def test_verb_hung_target(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)


# the second of two titled subjects hung on the verb as "dep"
SECOND_SUBJECT = [
    ("fr", "Le président français, Emmanuel Macron, et le chancelier allemand, Olaf Scholz, ont condamné l'invasion russe.",
     [("person/emmanuel-macron", "criticizes", "country/RU", "fact"), ("person/olaf-scholz", "criticizes", "country/RU", "fact")], []),
    ("en", "French President Emmanuel Macron and German Chancellor Olaf Scholz condemned the Russian invasion.",
     [("person/emmanuel-macron", "criticizes", "country/RU", "fact"), ("person/olaf-scholz", "criticizes", "country/RU", "fact")], []),
    # a second clause with its own verb is no lost subject
    ("fr", "Le Japon a condamné les essais nord-coréens et la Chine a appelé au calme.",
     [("country/JP", "criticizes", "country/KP", "fact")], [("country/CN", "criticizes", "country/KP")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", SECOND_SUBJECT)
def test_second_subject(extractor: Extractor, lang: str, text: str, expected: list, absent: list) -> None:
    check(extractor, lang, text, expected, absent)
