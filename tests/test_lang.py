"""Language detection by function words, and the unsupported-language error."""

from __future__ import annotations

import pytest

from kg.errors import LanguageError
from kg.lang import check_language, detect_language, normalize_language, stopwords

SEED_START = (
    "Face à une recrudescence des attaques djihadistes dans plusieurs régions du pays, le régime militaire "
    "nigérien dirigé par le général Abdourahamane Tiani opère un virage inattendu en rompant sa coopération "
    "en matière de renseignement avec deux de ses partenaires stratégiques : la Russie et la Turquie."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (SEED_START, "fr"),
        ("Le Niger a rompu sa coopération avec la Russie et la Turquie.", "fr"),
        ("Après avoir rompu avec l'Occident, le revirement vis-à-vis de Moscou pourrait accentuer l'isolement du régime.", "fr"),
        ("Niger has ended its intelligence cooperation with Russia and Turkey.", "en"),
        ("The junta, which seized power in July 2023, had pushed France and the United States aside.", "en"),
        ("Die Regierung von Niger hat die Zusammenarbeit mit Russland und der Türkei beendet.", "de"),
        ("El gobierno de Níger ha roto la cooperación con Rusia y Turquía por razones de seguridad.", "es"),
        ("O governo do Níger rompeu a cooperação com a Rússia e a Turquia.", "pt"),
        ("De regering van Niger heeft de samenwerking met Rusland beëindigd.", "nl"),
        ("قطع النيجر تعاونه الاستخباراتي مع روسيا وتركيا", "ar"),
        ("尼日尔中断了与俄罗斯和土耳其的情报合作", "zh"),
        ("Нигер прекратил сотрудничество с Россией и Турцией", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    lang, confidence = detect_language(text)
    assert lang == expected
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize(
    "text, default",
    [("", "fr"), ("Niamey", "fr"), ("Tillabéri, Diffa", "en"), ("12 345 678", "fr"), ("🙂🙂", "en")],
)
def test_no_evidence_gives_default_with_zero_confidence(text: str, default: str) -> None:
    assert detect_language(text, default=default) == (default, 0.0)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a German name or quotation inside a French or English text does not make it German
        ("Le quotidien Die Welt affirme que le Niger a rompu avec la Russie et la Turquie.", "fr"),
        ("Der Spiegel reports that Niger has ended its cooperation with Russia, says the minister.", "en"),
        ("Le Monde diplomatique", "fr"),
    ],
)
def test_foreign_words_in_supported_text(text: str, expected: str) -> None:
    assert detect_language(text)[0] == expected


def test_detection_is_deterministic() -> None:
    assert len({detect_language(SEED_START) for _ in range(5)}) == 1


def test_supported_is_respected() -> None:
    # with only English supported, a French text is reported as French (unsupported), not as English
    assert detect_language(SEED_START, supported=("en",), default="en")[0] == "fr"


def test_stopword_table_covers_supported_languages() -> None:
    table = stopwords()
    assert {"fr", "en"} <= set(table)
    assert all(word == word.lower() and word.strip() == word for words in table.values() for word in words)


@pytest.mark.parametrize(
    "declared, expected",
    [("fr", "fr"), ("fr-FR", "fr"), ("EN_us", "en"), ("fra", "fr"), ("eng", "en"), ("French", "fr"),
     ("français", "fr"), ("de-DE", "de"), ("", None), (None, None)],
)
def test_normalize_language(declared: str | None, expected: str | None) -> None:
    assert normalize_language(declared) == expected


def test_check_language() -> None:
    assert check_language("fr", ("fr", "en")) == "fr"
    with pytest.raises(LanguageError) as error:
        check_language("de", ("fr", "en"))
    assert str(error.value) == "unsupported language 'de'; supported: en, fr; pass --lang to override"
