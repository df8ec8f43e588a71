"""Text cleaning: Unicode, quotes, spaces, hyphenation and site boilerplate lines.

The result keeps one paragraph per line (at most one blank line between blocks), so
character offsets computed later refer to a stable, readable text. `clean` is
idempotent: `clean(clean(x)) == clean(x)`.

>>> clean("Le Niger\u00a0rompt avec\u202fMoscou\u2019s  allies\u00ad.")
"Le Niger rompt avec Moscou's allies."
>>> clean("« La coopé-\\nration » est rompue, dit l\u2019armée.")
"« La coopération » est rompue, dit l'armée."
>>> clean("Titre\\nVotre Pub ici !\\n\\n\\n\\nPremier paragraphe.\\nLire aussi : Le Mali quitte la Cédéao")
'Titre\\n\\nPremier paragraphe.'
>>> clean("Il a dit : Lire aussi le rapport.")  # boilerplate is matched on whole lines only
'Il a dit : Lire aussi le rapport.'
>>> clean("Jean-\\nPierre")  # not joined: the second part is capitalised
'Jean-\\nPierre'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Boilerplate lines are short; a longer line is article text, whatever it starts with.
MAX_BOILERPLATE_LINE = 300

# Invisible format characters that only break matching (Unicode category Cf). Joiners
# (U+200C, U+200D) are kept: emoji sequences and several scripts need them.
_DROP = dict.fromkeys(
    map(
        ord,
        "\u00ad\u200b\u2060\ufeff\u200e\u200f\u061c\u180e"
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    )
)
_TRANSLATE: dict[int, str | None] = {
    **_DROP,
    # apostrophes and single quotes -> ' (spaCy's French tokenizer splits "d'" and "l'" alike)
    **dict.fromkeys(map(ord, "\u2019\u2018\u201b\u02bc\u2032\uff07"), "'"),
    # double quotes -> " (French guillemets « » and ‹ › are kept as they are)
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033\uff02"), '"'),
    # line and paragraph breaks -> \n
    **dict.fromkeys(map(ord, "\r\u2028\u2029\u0085\x0b\x0c"), "\n"),
    # spaces of every width, tabs -> plain space
    **dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "),
}

_SPACES = re.compile(r" {2,}")
# "coopé-\nration" -> "coopération": a hyphen at the end of a line between two lower-case letters.
_HYPHENATION = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class BoilerplateRule:
    """One line of `kg/data/boilerplate.tsv`."""

    lang: str  # "fr", "en" or "*"
    pattern: re.Pattern[str]
    comment: str


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """The boilerplate line patterns, read once from `kg/data/boilerplate.tsv`."""
    rules = []
    text = resources.files("kg").joinpath("data/boilerplate.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"kg/data/boilerplate.tsv:{number}: expected lang, kind, pattern, comment")
        lang, kind, pattern = fields[0].strip(), fields[1].strip(), fields[2]
        comment = fields[3] if len(fields) > 3 else ""
        if kind == "literal":
            regex = re.escape(pattern.strip()) + r"\s*[.!:]?"
        elif kind == "regex":
            regex = pattern
        else:
            raise ValueError(f"kg/data/boilerplate.tsv:{number}: kind must be 'literal' or 'regex', not {kind!r}")
        rules.append(BoilerplateRule(lang, re.compile(regex, re.IGNORECASE), comment))
    return tuple(rules)


@lru_cache(maxsize=8)
def _rules_for(lang: str | None) -> tuple[re.Pattern[str], ...]:
    return tuple(rule.pattern for rule in boilerplate_rules() if lang is None or rule.lang in ("*", lang))


def is_boilerplate(line: str, *, lang: str | None = None) -> bool:
    """Whether a whole (stripped) line is site boilerplate: ad slot, share or subscribe call...

    >>> is_boilerplate("Votre Pub ici !"), is_boilerplate("Tous droits réservés.")
    (True, True)
    >>> is_boilerplate("Le Niger rompt sa coopération avec Moscou.")
    False
    """
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return False
    return any(pattern.fullmatch(line) for pattern in _rules_for(lang))


def _normalize_characters(text: str) -> str:
    # Drop lone surrogates and control characters first, so that NFC sees the final neighbours.
    text = "".join(
        char
        for char in text.replace("\r\n", "\n").translate(_TRANSLATE)
        if char == "\n" or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return unicodedata.normalize("NFC", text)


def _lines(text: str) -> list[str]:
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def clean(text: str, *, lang: str | None = None) -> str:
    """Normalise Unicode, quotes, spaces and hyphenation; drop boilerplate lines.

    `lang` selects the boilerplate patterns ("fr", "en"); None applies all of them
    (they match whole lines only, so applying a foreign pattern is harmless).
    """
    lines = _lines(_normalize_characters(text))
    # Dropping a line can bring a hyphenated line next to its continuation, and joining
    # lines can form a boilerplate line: repeat until nothing changes (each round removes lines).
    while True:
        kept = [line for line in lines if not is_boilerplate(line, lang=lang)]
        joined = _HYPHENATION.sub(_join_if_lower, "\n".join(kept)).split("\n")
        if joined == lines:
            break
        lines = joined
    result = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return result


def _join_if_lower(match: re.Match[str]) -> str:
    text = match.string
    before, after = text[match.start() - 1], text[match.end()]
    return "" if before.islower() and after.islower() else match.group()


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a cleaned text.

    >>> paragraphs("Un.\\n\\nDeux.\\nTrois.")
    ['Un.', 'Deux.', 'Trois.']
    """
    return [line for line in text.split("\n") if line.strip()]


__all__ = ["clean", "is_boilerplate", "boilerplate_rules", "paragraphs"]
