"""The geokg spaCy components: the gazetteer matcher and the sentence pre-segmenter."""

from __future__ import annotations

import pytest

from kg.gazetteer import default_gazetteer
from kg.nlp import GAZ_KEY, GazetteerMatcher, load_pipeline
from kg.settings import Settings

SETTINGS = Settings()


@pytest.fixture(scope="module", params=["fr", "en"])
def nlp(request):  # type: ignore[no-untyped-def]
    return load_pipeline(request.param, SETTINGS)


def test_plain_surfaces_split_like_the_tokenizer(nlp) -> None:  # type: ignore[no-untyped-def]
    """The matcher splits letters-and-spaces surfaces on spaces instead of running the tokenizer:
    that must give the tokenizer's own tokens, for every such surface of the gazetteer."""
    rules = nlp.tokenizer.rules or {}
    plain = []
    for surface in default_gazetteer().surfaces(nlp.lang):
        words = surface.text.strip().split(" ")
        if words != [""] and all(w.isalpha() and w not in rules for w in words):
            plain.append((surface.text.strip(), words))
    assert len(plain) > 10_000
    wrong = [(text, [t.text for t in doc]) for (text, words), doc in zip(plain, nlp.tokenizer.pipe(t for t, _ in plain), strict=True) if [t.text for t in doc] != words]
    assert wrong == []


@pytest.mark.parametrize(
    ("lang", "text", "found", "not_found"),
    [
        # accents and case ignored for names, the match keeps the text's own form
        ("fr", "Le Senegal et la cote d'Ivoire ont signé.", ["Senegal", "cote d'Ivoire"], []),
        ("en", "Officials from SENEGAL met in Dakar.", ["SENEGAL", "Dakar"], []),
        # a capitalised name in lower case is a word ("niger" the verb, "mali"): not matched
        ("en", "They did not niger anything, said the mali trader.", [], ["niger", "mali"]),
        # acronyms match exactly: "UA" yes, "ua" no
        ("fr", "L'UA a répondu, mais ua n'est pas un sigle.", ["UA"], ["ua"]),
        # the longest surface wins over the names inside it
        ("fr", "Le Burkina Faso et la République démocratique du Congo.", ["Burkina Faso", "République démocratique du Congo"], ["Congo"]),
    ],
)
def test_gazetteer_spans(lang: str, text: str, found: list[str], not_found: list[str]) -> None:
    doc = load_pipeline(lang, SETTINGS)(text)
    spans = [s.text for s in doc.spans[GAZ_KEY]]
    for f in found:
        assert f in spans
    for n in not_found:
        assert n not in spans


def test_matches_report_overlaps_before_filtering(nlp) -> None:  # type: ignore[no-untyped-def]
    matcher = GazetteerMatcher(nlp, nlp.lang)
    found = matcher.matches(["Burkina", "Faso"])
    assert (0, 2) in {(s, e) for s, e, _ in found}
    assert all(0 <= s < e <= 2 for s, e, _ in found)
    assert matcher.matches([]) == []


def test_presegment_keeps_headline_words_together() -> None:
    doc = load_pipeline("fr", SETTINGS)("Niger : le général Abdourahamane Tiani opère un virage\nLe Niger a rompu avec la Russie.")
    starts = [s.start for s in doc.sents]
    tiani = next(t.i for t in doc if t.text == "Tiani")
    assert tiani not in starts and tiani - 1 not in starts
    assert next(t.i for t in doc if t.text == "Le") in starts
