"""spaCy pipelines per language, with two geokg components.

* ``kg_presegment`` (before the parser) forbids sentence starts inside a run of words:
  a sentence may only begin after punctuation or a line break, and always begins after a
  line break. News headlines and paragraph titles carry no final period, and the
  statistical parser otherwise splits "le général Abdourahamane | Tiani opère".
* ``kg_gazetteer`` (after NER) marks gazetteer surface forms in ``doc.spans["kg_gaz"]``
  (span label = surface kind, span id = folded surface), leaving ``doc.ents`` to spaCy's NER.
  Names match case- and accent-insensitively (the gazetteer keeps one written form per folded
  surface: "Senegal" must match "Sénégal"), acronyms exactly.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.errors import ModelError
from kg.iri import fold
from kg.lang import check_language
from kg.settings import Settings

GAZ_KEY = "kg_gaz"
_SENT_END = frozenset(".!?:;…»\"”")


@Language.component("kg_presegment")
def presegment(doc: Doc) -> Doc:
    """Constrain sentence starts: only after sentence punctuation or a line break.

    The values are written in one `Doc.from_array` call: setting `Token.is_sent_start` one token
    at a time re-scans the whole document on each call (quadratic on long articles).
    """
    values = numpy.zeros(len(doc), dtype="int64")  # 0 = let the parser decide
    texts = [t.text for t in doc]
    spaces = [t.is_space for t in doc]
    for i in range(1, len(doc)):
        prev = texts[i - 1]
        if "\n" in prev or (spaces[i] and "\n" in texts[i]):
            if not spaces[i]:
                values[i] = 1
        elif spaces[i] or doc[i].is_punct:
            values[i] = -1
        elif prev not in _SENT_END and not spaces[i - 1]:
            values[i] = -1
    if len(doc):
        values[0] = 1
        doc.from_array([SENT_START], values.astype("int64").astype("uint64").reshape(-1, 1))
    return doc


class GazetteerMatcher:
    """Marks gazetteer surfaces: acronyms case-sensitively, names case-insensitively."""

    def __init__(self, nlp: Language, lang: str) -> None:
        from kg.gazetteer import default_gazetteer

        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # surfaces written in lower case in the data ("groupes djihadistes") match as they are;
        # capitalised names matched case-insensitively must still be capitalised in the text
        exact: dict[str, list[str]] = {}
        lower: dict[str, list[str]] = {}
        common: dict[str, list[str]] = {}
        for surface in default_gazetteer().surfaces(lang):
            if surface.kind == "demonym":
                continue  # demonyms are adjectives, resolved by link.py on tokens
            text = surface.text.strip()
            if not text:
                continue
            if surface.kind == "acronym" or (len(text) <= 4 and text.isupper()):
                exact.setdefault(surface.kind, []).append(text)
            elif text == text.lower():
                common.setdefault(surface.kind, []).append(text)
            else:
                lower.setdefault(surface.kind, []).append(text)
        tokenizer = nlp.tokenizer
        self.vocab = nlp.vocab
        for kind, texts in exact.items():
            self.exact.add(kind, list(tokenizer.pipe(sorted(set(texts)))))
        # names are matched on a folded copy of the document (same tokens, folded words)
        self.lower = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.common = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table in ((self.lower, lower), (self.common, common)):
            for kind, texts in table.items():
                matcher.add(kind, [self._folded(d) for d in tokenizer.pipe(sorted(set(texts)))])

    def _folded(self, doc: Doc) -> Doc:
        words = [fold(t.text) or t.text for t in doc]
        return Doc(self.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        folded = self._folded(doc)
        for matcher in (self.exact, self.lower, self.common):
            for match_id, start, end in matcher(doc if matcher is self.exact else folded):
                span = Span(doc, start, end, label=match_id)
                # a lower-case match of a capitalised name ("mali" the word, "niger" the verb) is noise
                if matcher is self.lower and not any(t.text[:1].isupper() for t in span if t.text[:1].isalpha()):
                    continue
                spans.append(span)
        doc.spans[GAZ_KEY] = filter_spans(spans)
        return doc


@Language.factory("kg_gazetteer", default_config={"lang": "fr"})
def make_gazetteer_matcher(nlp: Language, name: str, lang: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, lang)


@functools.lru_cache(maxsize=4)
def _load(model: str, lang: str) -> Language:
    try:
        importlib.import_module(model)
    except ImportError as e:
        raise ModelError(
            f"spaCy model {model!r} is not installed; it is a dependency of geokg: "
            "reinstall with `pip install -e .` (or `make setup`)"
        ) from e
    nlp = spacy.load(model)
    nlp.add_pipe("kg_presegment", before="parser")
    nlp.add_pipe("kg_gazetteer", last=True, config={"lang": lang})
    return nlp


def load_pipeline(lang: str, settings: Settings) -> Language:
    """The spaCy pipeline for `lang` (cached per process)."""
    check_language(lang, settings.languages)
    return _load(settings.models[lang], lang)


def parse(texts: Iterable[str], lang: str, settings: Settings) -> Iterable[Doc]:
    """Parse many texts of one language in batches."""
    return load_pipeline(lang, settings).pipe(texts, batch_size=settings.batch_size)
