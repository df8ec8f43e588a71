"""One linker call: the per-token facts of the article read once (`Facts`) and the result being built
(`Run`). A `Run` lives for one article; the `Linker` keeps nothing of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_PUNCT, LEMMA, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token

from kg.gazetteer import Gazetteer
from kg.link.linked import Linked
from kg.link.tables import LinkTables
from kg.types import Entity, Mention


@dataclass(frozen=True)
class Facts:
    """Per-token facts of one Doc, read from its arrays in one call: walking the Doc creates a spaCy
    Token object per token, and the title search would otherwise do it about 20 times."""

    text: str  # = doc.text, which would make a Token object per token
    starts: list[int]  # character offset of each token
    ends: list[int]  # character offset after each token
    punct: list[bool]  # punctuation, apostrophes and hyphens excepted
    lemmas: list[str]
    texts: list[str]
    pos: list[int]  # coarse part-of-speech ids (spacy.parts_of_speech)
    sent_start: list[int]  # the index where each token's sentence starts
    demonym_of: list[str | None]  # the country or region each token's text is a demonym of
    generic_of: list[str | None]  # what each token's lemma stands for as a generic actor

    @classmethod
    def read(cls, doc: Doc, tables: LinkTables) -> Facts:
        strings = doc.vocab.strings
        rows: list[list[int]] = doc.to_array([ORTH, LEMMA, IDX, IS_PUNCT, POS, SPACY, SENT_START]).tolist() if len(doc) else []  # type: ignore[assignment]
        texts = [strings[row[0]] for row in rows]
        # index of the first token of each token's sentence (Token.sent walks the Doc each time)
        sent_start, start = [], 0
        for i, row in enumerate(rows):
            if row[6] == 1:
                start = i
            sent_start.append(start)
        lemmas = [strings[row[1]] for row in rows]
        return cls(
            text="".join(t + " " if row[5] else t for t, row in zip(texts, rows, strict=True)),
            starts=[row[2] for row in rows],
            ends=[row[2] + len(t) for row, t in zip(rows, texts, strict=True)],
            punct=[bool(row[3]) and t not in ("'", "’", "-") for row, t in zip(rows, texts, strict=True)],
            lemmas=lemmas,
            texts=texts,
            pos=[row[4] for row in rows],
            sent_start=sent_start,
            # both are asked of every token: memoised per word by the tables
            demonym_of=[tables.demonym(t) for t in texts],
            generic_of=[tables.generic(lem) for lem in lemmas],
        )


@dataclass
class Run:
    """The state of one linker call: the article, its facts, what is linked so far."""

    doc: Doc
    tables: LinkTables
    facts: Facts
    out: Linked = field(default_factory=Linked)
    taken: set[int] = field(default_factory=set)  # tokens already part of a mention
    acronyms: dict[str, str] = field(default_factory=dict)  # "CNSP" -> key of the name it abbreviates
    sent_countries: dict[int, set[str]] = field(default_factory=dict)  # sentence start -> countries named
    date: str | None = None  # the article's date (ISO), for the leaders table's terms

    @property
    def gaz(self) -> Gazetteer:
        return self.tables.gaz

    @property
    def lang(self) -> str:
        return self.tables.lang

    def add(self, span: Span, key: str, how: str, score: float = 1.0, *, tokens: list[Token] | None = None) -> None:
        """Link `span` (or `tokens`) to the entity `key`, known locally or to the gazetteer."""
        out = self.out
        ent = out.entities.get(key) or self.gaz.get(key)
        if ent is None:
            return
        out.entities[key] = ent
        out.how.setdefault(key, how)
        for t in tokens if tokens is not None else span:
            out.tok2ent[t.i] = key
        text = span.text
        out.mentions.append(Mention(span.start_char, span.end_char, text, key, score, how))
        out.aliases.setdefault(key, set()).add(text)

    def local(self, key: str, type_: str, label: str, **extra: object) -> str:
        """Make `key` an entity of the article: the gazetteer's, else a local one of `type_` named `label`."""
        out = self.out
        if key not in out.entities and self.gaz.get(key) is None:
            out.entities[key] = Entity(key=key, type=type_, label_en=label, label_fr=label, **extra)  # type: ignore[arg-type]
        elif key not in out.entities:
            out.entities[key] = self.gaz.get(key)  # type: ignore[assignment]
        return key
