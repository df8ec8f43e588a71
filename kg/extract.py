"""Article -> Extraction: the spaCy boundary.

`Extractor()(article)` handles one article, `Extractor().pipe(articles)` many, in batches
per language with `nlp.pipe`, preserving order. Everything returned is plain data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from spacy.tokens import Doc

from kg.dateline import dateline_date
from kg.gazetteer import Gazetteer, default_gazetteer
from kg.link import Linked, Linker
from kg.nlp import load_pipeline
from kg.relate import relate
from kg.settings import Settings
from kg.types import Article, Entity, Extraction, Mention


def article_language(article: Article, settings: Settings) -> str:
    """The declared language, else the detected one, else the default."""
    if article.lang:
        return article.lang
    from kg.lang import detect_language

    lang, _score = detect_language(article.text, supported=settings.languages, default=settings.default_lang)
    return lang or settings.default_lang


class Extractor:
    """Turns articles into extractions; loads each language's pipeline once."""

    def __init__(self, settings: Settings | None = None, *, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings or Settings()
        self.gazetteer = gazetteer or default_gazetteer()
        self._linkers: dict[str, Linker] = {}

    def linker(self, lang: str) -> Linker:
        if lang not in self._linkers:
            self._linkers[lang] = Linker(self.gazetteer, lang)
        return self._linkers[lang]

    def __call__(self, article: Article) -> Extraction:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        size = max(1, self.settings.batch_size)
        for chunk in _batches(articles, size=size, max_chars=max(MAX_BATCH_CHARS, self.settings.max_chars)):
            langs = [article_language(a, self.settings) for a in chunk]
            results: dict[int, Extraction] = {}
            for lang in sorted(set(langs)):
                idx = [i for i, lg in enumerate(langs) if lg == lang]
                nlp = load_pipeline(lang, self.settings)
                docs = nlp.pipe((chunk[i].text for i in idx), batch_size=size)
                for i, doc in zip(idx, docs, strict=True):
                    results[i] = self.from_doc(chunk[i], doc, lang)
            for i in range(len(chunk)):
                yield results[i]

    def from_doc(self, article: Article, doc: Doc, lang: str) -> Extraction:
        if not article.date and (found := dateline_date(article.text, lang)):
            # plain text has no metadata: the date its dateline gives ("NIAMEY, 12 mars 2024 (AFP) -")
            article = replace(article, date=found)
        linked = self.linker(lang)(doc, date=article.date)
        related = relate(doc, linked, self.gazetteer, lang=lang, article_date=article.date)
        relations = [r for r in related.relations if r.confidence >= self.settings.min_confidence]
        # the linker's entities, and the gazetteer entities the relations brought in
        entities = {**linked.entities, **related.entities}
        return Extraction(
            article=article,
            lang=lang,
            entities=_entities(entities, linked),
            mentions=tuple(sorted(_mentions(linked), key=lambda m: (m.start, m.end, m.entity))),
            relations=tuple(relations),
        )


# A batch holds at most `batch_size` articles and about this many characters: spaCy keeps a whole
# batch's docs in memory, and 16 parts of a long file (Settings.max_chars each) took 3.7 GB for a
# 1 MB file against 1.1 GB one part at a time (issue 15). Ordinary articles still go 16 at a time.
MAX_BATCH_CHARS = 100_000


def _batches(articles: Iterable[Article], *, size: int, max_chars: int) -> Iterator[list[Article]]:
    """Lists of at most `size` articles and `max_chars` characters (one longer article goes alone).

    >>> from kg.types import Article
    >>> arts = [Article(id=str(i), text="x" * n, source="s") for i, n in enumerate([10, 10, 90, 5])]
    >>> [[a.id for a in b] for b in _batches(arts, size=16, max_chars=100)]
    [['0', '1'], ['2', '3']]
    """
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) >= size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _mentions(linked: Linked) -> Iterator[Mention]:
    seen: set[tuple[int, int, str]] = set()
    for m in linked.mentions:
        if (m.start, m.end, m.entity) not in seen:
            seen.add((m.start, m.end, m.entity))
            yield m


def _entities(entities: Mapping[str, Entity], linked: Linked) -> tuple[Entity, ...]:
    """Every entity of the article, with the surface forms seen in it as aliases."""
    out = []
    for key in sorted(entities):
        ent = entities[key]
        aliases = tuple(sorted(linked.aliases.get(key, set())))
        if ent.type == "Person" and not ent.country and key in linked.leaders:
            # a title in the article says what this person leads ("Russian President Boris Yeltsin")
            ent = replace(ent, country=linked.leaders[key])
        out.append(replace(ent, aliases=aliases))
    return tuple(out)
