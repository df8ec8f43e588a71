"""Small editable tables in `kg/data/*.tsv`, keyed by language.

Each file has a header line; `#` starts a comment line. Loading is cached per process.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from kg.iri import fold

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=64)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `kg/data/<name>` as dicts (header line gives the keys)."""
    path = DATA / name
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


@functools.lru_cache(maxsize=8)
def actor_nouns(lang: str) -> frozenset[str]:
    """Nouns that act for a country when a demonym qualifies them ("la délégation turque")."""
    return frozenset(fold(r["lemma"]) for r in rows("actor_nouns.tsv") if r["lang"] in (lang, "*"))


@functools.lru_cache(maxsize=8)
def noise_words(lang: str) -> frozenset[str]:
    """Surface forms spaCy's NER tags as entities that are never entities ("État", "Pub")."""
    return frozenset(fold(r["text"]) for r in rows("noise.tsv") if r["lang"] in (lang, "*"))


@functools.lru_cache(maxsize=8)
def place_nouns(lang: str) -> frozenset[str]:
    """Nouns whose complement is a place ("la région de Moscou"): a capital there is the city."""
    return frozenset(fold(r["lemma"]) for r in rows("place_nouns.tsv") if r["lang"] in (lang, "*"))
