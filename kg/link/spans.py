"""NER spans before linking: their labels, and the words trimmed off their edges."""

from __future__ import annotations

from spacy.tokens import Span

from kg.data_tables import Words
from kg.iri import fold
from kg.link.tables import LinkTables

PERSON_LABELS = frozenset({"PER", "PERSON"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
ORG_LABELS = frozenset({"ORG"})


def strip(span: Span, words: Words) -> Span | None:
    """Drop leading prepositions / articles / punctuation and trailing punctuation ("d'Ankara")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in ("ADP", "DET", "PUNCT", "SPACE") or doc[start].lower_ in words.elided_article):
        start += 1
    while end > start and doc[end - 1].pos_ in ("PUNCT", "SPACE"):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)


def trim(span: Span, tables: LinkTables) -> Span | None:
    """A NER span without its glued tail ("Forces armées maliennes d'ici la fin") or leading
    lower-case adjectives ("eastern Democratic Republic of Congo")."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].pos_ == "ADJ" and doc[start].text[:1].islower():
        start += 1
    for i in range(start + 1, end):
        if doc[i].text[:1].islower() and fold(doc[i].text).rstrip("'’") in tables.cut_words:
            end = i
            while end > start and (doc[end - 1].pos_ in ("ADP", "DET", "PUNCT") or doc[end - 1].lower_ in tables.words.elided_de):
                end -= 1
            break
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)
