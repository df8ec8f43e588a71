"""Property-based tests: cleaning and reading never crash, whatever the input."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.clean import clean
from kg.errors import InputError
from kg.read import read_inputs
from kg.settings import Settings
from kg.types import Article

# Any code point except lone surrogates (which cannot come out of decoded text).
ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)
PIECES = st.sampled_from(
    [
        "Le Niger rompt avec Moscou.",
        "coopé-\nration",
        "Votre Pub ici !",
        "Lire aussi : ",
        "\n\n\n",
        "\r\n",
        "\u00a0",
        "\u202f",
        "\u00ad",
        "\u2019",
        "«\u00a0",
        "e\u0301",
        "\u0301",
        "-",
        "\x00",
        "\x1b[31m",
        "\ufeff",
        "\u200f",
        "\u202e",
        "مرحبا بالعالم",
        "שלום",
        "👨‍👩‍👧",
        "🇳🇪",
        "<script>alert('x')</script>",
        "<a href='javascript:x'>",
        "]]>",
        '"""',
        "\\u0000",
        "x" * 5000,
    ]
)
MIXED_TEXT = st.lists(st.one_of(PIECES, ANY_TEXT), max_size=12).map("".join)
RELAXED = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(st.one_of(ANY_TEXT, MIXED_TEXT), st.sampled_from([None, "fr", "en"]))
def test_clean_never_raises_and_is_idempotent(text: str, lang: str | None) -> None:
    once = clean(text, lang=lang)
    assert clean(once, lang=lang) == once


@RELAXED
@given(st.one_of(ANY_TEXT, MIXED_TEXT))
def test_clean_output_has_no_control_characters(text: str) -> None:
    out = clean(text)
    assert all(char == "\n" or unicodedata.category(char) not in ("Cc", "Cs") for char in out)
    assert out == unicodedata.normalize("NFC", out)
    assert "\n\n\n" not in out
    assert out == out.strip()
    assert all(line == line.strip() for line in out.split("\n"))
    out.encode("utf-8")  # always encodable


@RELAXED
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000))
def test_clean_keeps_letters_of_ordinary_text(text: str) -> None:
    # cleaning only removes invisible characters, spaces and boilerplate lines: never a whole text of letters
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 200:
        assert any(c.isalpha() for c in clean(text))


SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".htm", ".bin"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000), MIXED_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(SUFFIXES))
def test_read_inputs_on_arbitrary_bytes_never_raises(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    results = list(read_inputs([path], settings=Settings(max_chars=500)))
    assert results
    for result in results:
        assert isinstance(result, (Article, InputError))
        if isinstance(result, Article):
            assert result.text and result.text == result.text.strip()
            assert all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in result.text)
            assert len(result.text) <= 500
            assert result.lang in ("fr", "en")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.binary(max_size=200), st.just(b'{"text": "Le Niger rompt avec la Russie."}')),
                      max_size=10))
def test_jsonl_lines_each_give_one_result(tmp_path: Path, lines: list[bytes]) -> None:
    path = tmp_path / "input.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines))
    results = list(read_inputs([path], settings=Settings()))
    assert all(isinstance(result, (Article, InputError)) for result in results)


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>" * 1000, "a" * 300_000, "\u202e" * 10_000])
def test_clean_pathological_inputs(payload: str) -> None:
    out = clean(payload)
    assert clean(out) == out
