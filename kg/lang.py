"""Language detection by function-word ratios (fast, deterministic, no dependency).

The function words live in `kg/data/stopwords.tsv` (lang, word). Besides French and
English the table holds a few other European languages, so that a German or Spanish
text is recognised as *unsupported* instead of being forced into French; texts in a
non-Latin script are recognised by their script.

>>> detect_language("Le Niger a rompu sa coopération avec la Russie et la Turquie.")
('fr', 0.667)
>>> detect_language("Niger has ended its intelligence cooperation with Russia and Turkey.")
('en', 0.8)
>>> detect_language("Die Regierung hat die Zusammenarbeit mit Russland beendet.")[0]
'de'
>>> detect_language("Niamey")  # no evidence: the default, with no confidence
('fr', 0.0)
>>> check_language("de", ("fr", "en"))
Traceback (most recent call last):
...
kg.errors.LanguageError: unsupported language 'de'; supported: en, fr; pass --lang to override
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from kg.errors import LanguageError

UNDETERMINED = "und"  # ISO 639-2 code for "undetermined"

# Scripts that identify a language (or at least rule out French and English).
# Cyrillic and other shared scripts give "und": the language is unknown, but it is not fr/en.
_SCRIPT_LANGS: dict[str, str] = {
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "CJK": "zh",
    "DEVANAGARI": "hi",
    "THAI": "th",
    "CYRILLIC": UNDETERMINED,
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "ETHIOPIC": "am",
}

_WORD = re.compile(r"[^\W\d_]+")

# Below this many function-word hits a guess is not trusted (confidence scales up to it).
_FULL_EVIDENCE = 5
# A language outside `supported` is reported only with at least this score (about two
# function words) and this many times the score of the best supported language; otherwise
# the best supported language wins (short or mixed texts, quotations).
_MIN_FOREIGN_SCORE = 1.5
_FOREIGN_RATIO = 2.0


@lru_cache(maxsize=1)
def stopwords() -> Mapping[str, frozenset[str]]:
    """Function words per language code, from `kg/data/stopwords.tsv` (read once, on first use)."""
    table: dict[str, set[str]] = {}
    text = resources.files("kg").joinpath("data/stopwords.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        lang, _, word = line.partition("\t")
        table.setdefault(lang.strip(), set()).add(word.strip().lower())
    return {lang: frozenset(words) for lang, words in table.items()}


@lru_cache(maxsize=1)
def _word_weights() -> Mapping[str, tuple[tuple[str, float], ...]]:
    """For each function word, the languages it belongs to, weighted 1/k when k languages share it."""
    langs_of: dict[str, list[str]] = {}
    for lang, words in sorted(stopwords().items()):
        for word in words:
            langs_of.setdefault(word, []).append(lang)
    return {word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in langs_of.items()}


def _script_guess(text: str) -> tuple[str | None, float]:
    """The language implied by a dominant non-Latin script, and the share of letters in it."""
    counts: dict[str, int] = {}
    letters = 0
    for char in text[:20_000]:
        if not char.isalpha():
            continue
        letters += 1
        name = unicodedata.name(char, "")
        script = name.split(" ", 1)[0] if name else ""
        if script not in ("LATIN",):
            counts[script] = counts.get(script, 0) + 1
    if not letters or not counts:
        return None, 0.0
    script, count = max(sorted(counts.items()), key=lambda item: item[1])
    share = count / letters
    if share < 0.5:
        return None, 0.0
    return _SCRIPT_LANGS.get(script, UNDETERMINED), round(share, 3)


def guess_language(text: str) -> tuple[str | None, float, dict[str, float]]:
    """Best language in the stopword table (or from the script), its confidence, and the score per language.

    Each function word counts 1/k when k languages share it ("la": fr, es, it). The
    confidence is the relative margin of the best score over the runner-up, scaled down
    when the best score is below a handful of words. `None` means "no evidence".
    """
    code, share = _script_guess(text)
    if code is not None:
        return code, share, {}
    weights = _word_weights()
    scores = dict.fromkeys(stopwords(), 0.0)
    for match in _WORD.finditer(text[:50_000]):
        for lang, weight in weights.get(match.group().lower(), ()):
            scores[lang] += weight
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] <= 0:
        return None, 0.0, scores
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return best, _confidence(best_score, runner_up), scores


def _confidence(best: float, other: float) -> float:
    return round((best - other) / best * min(1.0, best / _FULL_EVIDENCE), 3)


def detect_language(
    text: str,
    *,
    supported: Iterable[str] = ("fr", "en"),
    default: str = "fr",
) -> tuple[str, float]:
    """The language of `text` and a confidence in [0, 1].

    Returns a code in `supported` when the text looks like one of them; another code
    ("de", "ar", or "und" for an undetermined non-Latin script) when the text is clearly
    in a language outside `supported` (the caller decides what to do: see `check_language`);
    and `(default, 0.0)` when there is no evidence at all (very short text, names only).
    """
    allowed = tuple(supported)
    best, confidence, scores = guess_language(text)
    if best is None:
        return default, 0.0
    if best in allowed:
        return best, confidence
    if not scores:  # decided by the script
        return best, confidence
    home_score, home = max((scores.get(lang, 0.0), lang) for lang in sorted(allowed, reverse=True))
    foreign_score = scores[best]
    if foreign_score >= _MIN_FOREIGN_SCORE and (home_score == 0 or foreign_score >= _FOREIGN_RATIO * home_score):
        return best, _confidence(foreign_score, home_score)
    if home_score > 0:
        return home, 0.0
    return default, 0.0


def normalize_language(code: str | None) -> str | None:
    """An ISO 639-1 code from a declared language ("fr-FR", "fra", "French", "français").

    >>> normalize_language("fr-FR"), normalize_language("EN_us"), normalize_language("fra")
    ('fr', 'en', 'fr')
    >>> normalize_language("  ") is None
    True
    """
    if code is None:
        return None
    value = code.strip().lower().replace("_", "-")
    if not value:
        return None
    primary = value.split("-", 1)[0]
    if len(primary) == 2 and primary.isalpha():
        return primary
    names = {"français": "fr", "francais": "fr", "french": "fr", "anglais": "en", "english": "en"}
    if value in names:
        return names[value]
    try:
        import pycountry  # a dependency; imported here so that importing kg.lang stays cheap

        found = pycountry.languages.lookup(primary)
    except (LookupError, ImportError):
        return primary
    return getattr(found, "alpha_2", None) or primary


def check_language(code: str, supported: Iterable[str]) -> str:
    """`code` if it is supported, else a `LanguageError` listing the supported languages."""
    allowed = sorted(supported)
    if code not in allowed:
        raise LanguageError(
            f"unsupported language {code!r}; supported: {', '.join(allowed)}; pass --lang to override"
        )
    return code
