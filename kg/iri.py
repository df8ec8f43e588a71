"""Deterministic identifiers: IRIs are pure functions of normalised keys.

Raw article text never becomes part of an IRI; it goes through `slug()` first.

>>> slug("Abdourahamane Tiani")
'abdourahamane-tiani'
>>> slug("Côte d'Ivoire <script>")
'cote-d-ivoire-script'
>>> slug("")
'x'
>>> content_hash("Le Niger rompt.")[:12]
'326ef3523cb1'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, strip accents and normalise apostrophes and spaces (for matching).

    Pure, and called for the same words over and over (rules, titles, lemmas): memoised.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


def slug(text: str, *, max_length: int = 60) -> str:
    """A safe IRI path segment from any text: ascii, lower-case, hyphens."""
    value = _NON_WORD.sub("-", fold(text)).strip("-")[:max_length].strip("-")
    return value or "x"


def content_hash(text: str) -> str:
    """SHA-256 of the text, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str, publisher: str | None = None) -> str:
    """The identity of an article: its content, plus its publisher when one is named.

    The file name is deliberately not part of it: the same article saved twice is one article.
    """
    return content_hash(f"{publisher or ''}\n{text}")[:16]


def statement_id(article: str, subject: str, predicate: str, obj: str, start: int, end: int, rule: str) -> str:
    """Identity of one extracted statement within one article."""
    return content_hash("|".join((article, subject, predicate, obj, str(start), str(end), rule)))[:20]
