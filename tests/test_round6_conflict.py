"""Conflict constructions (issue 14, round 6), in French and English.

Sentences are made up for the tests (real actors, wire style); each case asserts the relations a
construction gives, with their modality, and what it must not give.
"""

from __future__ import annotations

import pytest
from extraction_fixture import Triple, c, check_exact

from kg.extract import Extractor
from kg.nlp import parse
from kg.settings import Settings

pytestmark = pytest.mark.slow

A, N = "Asserted", "Negated"




# -- an object after a time adverbial ("a lancé dimanche des frappes contre") ------------------------

TIME_THEN_OBJECT = [
    ("fr", "L'armée turque a lancé dimanche des frappes contre le PKK dans le nord de l'Irak.", {(c("TR"), "attacks", "group/pkk"): A}, []),
    ("en", "The Turkish army launched strikes against the PKK in northern Iraq on Sunday.", {(c("TR"), "attacks", "group/pkk"): A}, []),
    ("fr", "L'armée turque mène depuis des années des opérations contre le PKK.", {(c("TR"), "attacks", "group/pkk"): A}, []),
    ("en", "The Turkish army has for years carried out operations against the PKK.", {(c("TR"), "attacks", "group/pkk"): A}, []),
    ("fr", "Les États-Unis ont imposé ce week-end de nouvelles sanctions contre l'Iran.", {(c("US"), "sanctions", c("IR")): A}, []),
    ("en", "The United States imposed new sanctions on Iran this weekend.", {(c("US"), "sanctions", c("IR")): A}, []),
    ("fr", "La Russie a lancé samedi soir des missiles contre Kiev.", {(c("RU"), "attacks", c("UA")): A}, []),
    # the negation still holds; a singular "de" after a negation is no object repaired
    ("fr", "L'armée turque n'a pas lancé dimanche de frappes contre le PKK.", {}, [(c("TR"), "attacks", "group/pkk")]),
    ("en", "The Turkish army did not launch strikes against the PKK on Sunday.", {}, [(c("TR"), "attacks", "group/pkk")]),
]


@pytest.mark.parametrize("lang, text, expected, absent", TIME_THEN_OBJECT)
def test_object_after_a_time_adverbial(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


@pytest.mark.parametrize(
    "text, noun, dep",
    [
        ("L'armée turque a lancé dimanche des frappes contre le PKK.", "frappes", "obj"),
        ("Les États-Unis ont imposé ce week-end de nouvelles sanctions contre l'Iran.", "sanctions", "obj"),
        # a genuine complement of the time noun stays where it is
        ("Le sommet se tiendra au mois de mai.", "mai", "nmod"),
        ("Le pays sort de dix années de guerre.", "guerre", "nmod"),
    ],
)
def test_reattach_repairs_only_the_slip(text: str, noun: str, dep: str) -> None:
    doc = next(iter(parse([text], "fr", Settings())))
    tok = next(t for t in doc if t.text == noun)
    assert tok.dep_ == dep, [(t.text, t.dep_, t.head.text) for t in doc]


# -- the fixed noun of a verb cue behind a counting noun ("a lancé des dizaines de drones contre") ------

COUNTED_NOUN = [
    ("fr", "La Russie a lancé des dizaines de drones contre l'Ukraine.", {(c("RU"), "attacks", c("UA")): A}, []),
    ("en", "Russia launched dozens of drones against Ukraine overnight.", {(c("RU"), "attacks", c("UA")): A}, []),
    ("fr", "La Russie a lancé des centaines de missiles et de drones contre l'Ukraine.", {(c("RU"), "attacks", c("UA")): A}, []),
    ("en", "Russia launched hundreds of drones and missiles at Ukraine.", {(c("RU"), "attacks", c("UA")): A}, []),
    # a counted noun that is no fixed noun of the cue
    ("fr", "La Russie a lancé des dizaines de projets avec la Chine.", {}, [(c("RU"), "attacks", c("CN"))]),
    ("en", "Russia launched dozens of projects with China.", {}, [(c("RU"), "attacks", c("CN"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", COUNTED_NOUN)
def test_fixed_noun_behind_a_counting_noun(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- power taken with no place named: the person's country ------------------------------------------

POWER_TAKEN = [
    ("fr", "Le capitaine Ibrahim Traoré a pris le pouvoir en septembre 2022.", {("person/ibrahim-traore", "seizesPowerIn", c("BF")): A}, []),
    ("en", "Captain Ibrahim Traore seized power in September 2022.", {("person/ibrahim-traore", "seizesPowerIn", c("BF")): A}, []),
    ("fr", "Le capitaine Ibrahim Traoré, arrivé au pouvoir par un putsch en septembre 2022, a limogé le chef d'état-major.", {("person/ibrahim-traore", "seizesPowerIn", c("BF")): A}, []),
    ("en", "Captain Ibrahim Traore, who came to power in a coup in September 2022, sacked the army chief.", {("person/ibrahim-traore", "seizesPowerIn", c("BF")): A}, []),
    ("fr", "Le colonel Assimi Goïta, arrivé au pouvoir par la force en 2020, a nommé un Premier ministre.", {("person/assimi-goita", "seizesPowerIn", c("ML")): A}, []),
    # come to power with no word of force: an election as well
    ("fr", "Bassirou Diomaye Faye, arrivé au pouvoir en avril 2024, a limogé le ministre de l'Intérieur.", {}, [("person/bassirou-diomaye-faye", "seizesPowerIn", c("SN"))]),
    ("en", "Bassirou Diomaye Faye, who came to power in April 2024, sacked the interior minister.", {}, [("person/bassirou-diomaye-faye", "seizesPowerIn", c("SN"))]),
    # negated
    ("fr", "Le colonel Assimi Goïta n'a jamais pris le pouvoir.", {("person/assimi-goita", "seizesPowerIn", c("ML")): N}, []),
    # the place named wins
    ("fr", "Le général Tiani a pris le pouvoir au Niger.", {("person/abdourahamane-tiani", "seizesPowerIn", c("NE")): A}, []),
]


@pytest.mark.parametrize("lang, text, expected, absent", POWER_TAKEN)
def test_power_taken_without_a_place(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)


# -- a government overthrown is its leader's ------------------------------------------------------

OVERTHROWN_LEADER = [
    ("fr", "Le général Tiani a renversé le gouvernement de Mohamed Bazoum en juillet 2023.", {("person/abdourahamane-tiani", "overthrows", "person/mohamed-bazoum"): A}, []),
    ("en", "General Tiani overthrew the government of Mohamed Bazoum in July 2023.", {("person/abdourahamane-tiani", "overthrows", "person/mohamed-bazoum"): A}, []),
    ("en", "General Tiani toppled Mohamed Bazoum's government in July 2023.", {("person/abdourahamane-tiani", "overthrows", "person/mohamed-bazoum"): A}, []),
    ("fr", "Le général Tiani n'a pas renversé le gouvernement de Mohamed Bazoum.", {("person/abdourahamane-tiani", "overthrows", "person/mohamed-bazoum"): N}, []),
    # a country's government: no one overthrows a country
    ("fr", "Le général Tiani a renversé le gouvernement du Niger.", {}, [("person/abdourahamane-tiani", "overthrows", c("NE"))]),
    ("en", "General Tiani overthrew the government of Niger.", {}, [("person/abdourahamane-tiani", "overthrows", c("NE"))]),
]


@pytest.mark.parametrize("lang, text, expected, absent", OVERTHROWN_LEADER)
def test_government_overthrown_is_its_leaders(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    check_exact(extractor, lang, text, expected, absent)
