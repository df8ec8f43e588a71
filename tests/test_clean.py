"""Cleaning: Unicode, quotes, spaces, hyphenation and boilerplate lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.clean import boilerplate_rules, clean, is_boilerplate

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cdbfd6dc458ff73a.txt"


@pytest.mark.parametrize(
    "raw, expected",
    [
        # Unicode: NFC (e + combining acute -> é)
        ("Tillabe\u0301ri", "Tillabéri"),
        # apostrophes -> ', double curly quotes -> ", guillemets kept
        ("coup d\u2019État, l\u2018Occident", "coup d'État, l'Occident"),
        ("\u201cWe stop\u201d, il dit \u00ab\u00a0stop\u00a0\u00bb", '"We stop", il dit « stop »'),
        # non-breaking, narrow no-break and thin spaces, tabs -> one plain space
        ("Niger\u00a0:\u202fla\u2009junte\t\trompt", "Niger : la junte rompt"),
        # soft hyphen, zero-width space, BOM, bidi marks removed
        ("coo\u00adpé\u200bration\ufeff\u200e", "coopération"),
        # end-of-line hyphenation joined between lower-case letters only
        ("la coopé-\nration militaire", "la coopération militaire"),
        ("la coopé-\n   ration", "la coopération"),
        ("Jean-\nPierre", "Jean-\nPierre"),
        ("en 2023-\n2024", "en 2023-\n2024"),
        ("anti-\n\nterroriste", "anti-\n\nterroriste"),
        # control characters removed, \n kept; \r\n and \r -> \n
        ("a\x00b\x07c\x1bd\x7fe", "abcde"),
        ("un\r\ndeux\rtrois\u2028quatre", "un\ndeux\ntrois\nquatre"),
        # runs of spaces, trailing and leading spaces per line
        ("  Le   Niger  \n   rompt   ", "Le Niger\nrompt"),
        # blank lines: any run collapses to one blank line; none at the ends
        ("\n\nUn.\n\n\n\n\nDeux.\n \n\t\nTrois.\n\n", "Un.\n\nDeux.\n\nTrois."),
        ("", ""),
        ("   \n\t\n", ""),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "lang, line",
    [
        ("fr", "Votre Pub ici !"),
        ("fr", "Publicité"),
        ("fr", "PUBLICITÉ"),
        ("en", "Advertisement"),
        ("en", "ADVERTISEMENT"),
        ("fr", "Lire aussi : Le Mali quitte la Cédéao"),
        ("fr", "À lire aussi"),
        ("en", "Read more: Mali leaves ECOWAS"),
        ("fr", "Partager :"),
        ("fr", "Partager sur Facebook"),
        ("en", "Share this article"),
        ("*", "Facebook Twitter WhatsApp Email"),
        ("fr", "Abonnez-vous à notre newsletter"),
        ("fr", "Suivez-nous sur Twitter"),
        ("en", "Follow us on X"),
        ("en", "Subscribe to our newsletter"),
        ("fr", "Ce site utilise des cookies pour améliorer votre expérience."),
        ("en", "We use cookies to improve your experience."),
        ("fr", "© 2025 Le Journal. Tous droits réservés."),
        ("en", "Copyright 2025 The Paper. All rights reserved."),
        ("fr", "Tous droits réservés"),
        ("en", "Story continues below advertisement"),
        ("*", "* * *"),
    ],
)
def test_boilerplate_lines_are_dropped(lang: str, line: str) -> None:
    text = f"Le Niger rompt avec Moscou.\n{line}\nLa junte confirme."
    expected = "Le Niger rompt avec Moscou.\nLa junte confirme."
    assert clean(text) == expected
    if lang != "*":
        assert clean(text, lang=lang) == expected
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        # the same words inside a sentence are article text
        "Le ministre a dit : lire aussi le rapport de l'ONU, c'est utile.",
        "Il faut, selon lui, partager les renseignements avec les voisins.",
        "Share prices fell after the junta suspended the mining permits.",
        "The minister said the agreement was all rights reserved for the state, a curious phrase.",
        "Publicité mensongère : la junte accuse Paris de propagande.",
        "Niger : Le régime de Tiani sous pression djihadiste rompt subitement sa coopération",
        "Une rupture brusque dans un contexte sécuritaire tendu",
        "Subscribers of the agency were told that Niger had ended the deal.",
        # a long line is never boilerplate, whatever it starts with
        ("Lire aussi " + "la suite des événements au Sahel " * 20).strip(),
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)
    assert clean(f"Avant.\n{line}\nAprès.") == f"Avant.\n{line}\nAprès."


def test_boilerplate_rules_load_and_are_keyed_by_language() -> None:
    rules = boilerplate_rules()
    assert rules
    assert {rule.lang for rule in rules} <= {"fr", "en", "*"}
    assert {"fr", "en"} <= {rule.lang for rule in rules}


def test_boilerplate_by_language() -> None:
    assert is_boilerplate("Publicité", lang="fr")
    assert not is_boilerplate("Publicité", lang="en")
    assert is_boilerplate("Advertisement", lang="en")


def test_boilerplate_removal_then_hyphenation_is_idempotent() -> None:
    # removing the ad line brings "coopé-" next to "ration": joined, and stable on a second pass
    text = "la coopé-\nPublicité\nration militaire"
    assert clean(text) == "la coopération militaire"
    assert clean(clean(text)) == clean(text)


def test_seed_is_cleaned() -> None:
    raw = SEED.read_text(encoding="utf-8")
    text = clean(raw, lang="fr")
    lines = text.split("\n")
    assert lines[0].startswith("Niger : Le régime de Tiani")
    assert "Votre Pub ici" not in text
    assert "Une rupture brusque dans un contexte sécuritaire tendu" in lines  # headings are kept
    assert "coup d'État" in text and "\u2019" not in text
    assert "« désaccords stratégiques »" in text
    assert clean(text, lang="fr") == text
    # every paragraph of the seed except the ad slot survives
    kept = [line.strip() for line in raw.split("\n") if line.strip() and line.strip() != "Votre Pub ici !"]
    assert [line for line in lines if line] == [clean(line) for line in kept]


@pytest.mark.parametrize(
    "lang, raw, expected_tokens",
    [
        ("fr", "un coup d\u2019État", ["un", "coup", "d'", "État"]),
        ("fr", "avec l\u2019Occident", ["avec", "l'", "Occident"]),
        ("fr", "qu\u2019il rompe", ["qu'", "il", "rompe"]),
        ("fr", "aujourd\u2019hui", ["aujourd'hui"]),
        ("en", "Russia\u2019s allies don\u2019t", ["Russia", "'s", "allies", "do", "n't"]),
    ],
)
def test_normalised_apostrophes_still_tokenise(lang: str, raw: str, expected_tokens: list[str]) -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank(lang)
    assert [token.text for token in nlp(clean(raw))] == expected_tokens
