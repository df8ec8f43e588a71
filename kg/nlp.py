"""spaCy pipelines per language, with two geokg components.

* ``kg_presegment`` (before the parser) forbids sentence starts inside a run of words:
  a sentence may only begin after punctuation or a line break, and always begins after a
  line break. News headlines and paragraph titles carry no final period, and the
  statistical parser otherwise splits "le général Abdourahamane | Tiani opère".
* ``kg_reattach`` (after the parser and the lemmatizer) repairs parser slips. First, an indefinite plural object after a time
  adverbial ("a lancé dimanche des frappes contre le PKK", "mène depuis des années des opérations",
  "a imposé ce week-end de nouvelles sanctions") is hung on the time noun as its complement, or on the
  verb as an oblique right after a bare time word ("a dénoncé mardi de nouvelles frappes", the weekday
  sometimes read as the object: "a expulsé lundi des diplomates"); it is put back as the verb's object.
  It also repairs, in French: a pronominal verb in a compound tense read as a passive ("Le Mali s'est
  retiré de la Cédéao"), a compound tense with "avoir" and an adverb read as a passive ("ont ensuite
  attaqué"), and an oblique hung on the bare weekday before it ("s'est retiré lundi de la Cédéao").
* ``kg_gazetteer`` (after NER) marks gazetteer surface forms in ``doc.spans["kg_gaz"]``
  (span label = surface kind, span id = folded surface), leaving ``doc.ents`` to spaCy's NER.
  Names match case- and accent-insensitively (the gazetteer keeps one written form per folded
  surface: "Senegal" must match "Sénégal"), acronyms exactly.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
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
    # one array read instead of a Token object per token and attribute
    attrs = doc.to_array([ORTH, IS_SPACE, IS_PUNCT]).tolist()
    strings = doc.vocab.strings
    texts = [strings[orth] for orth, _, _ in attrs]
    spaces = [bool(space) for _, space, _ in attrs]
    for i in range(1, len(doc)):
        prev = texts[i - 1]
        if "\n" in prev or (spaces[i] and "\n" in texts[i]):
            if not spaces[i]:
                values[i] = 1
        elif spaces[i] or attrs[i][2]:
            values[i] = -1
        elif prev not in _SENT_END and not spaces[i - 1]:
            values[i] = -1
    if len(doc):
        values[0] = 1
        column: Any = values.astype("int64").astype("uint64").reshape(-1, 1)  # spaCy's stubs want thinc's Ints2d
        doc.from_array([SENT_START], column)
    return doc


class GazetteerMatcher:
    """Marks gazetteer surfaces: acronyms case-sensitively, names case-insensitively.

    Surfaces are indexed as tuples of token texts (exact for acronyms, folded for names), keyed
    by their first token; a document is matched in one pass over its token texts. This replaces
    spaCy's PhraseMatcher, which needed a folded copy of every Doc and a Doc per pattern (about
    3 CPU s per process to build for 20k surfaces). Most surfaces are plain words separated by
    spaces and are split without the tokenizer; the others ("Côte d'Ivoire", "al-Chabab") are
    tokenized by the pipeline's own tokenizer so that they split like the text does.
    """

    EXACT, NAME, COMMON = 0, 1, 2

    def __init__(self, nlp: Language, lang: str) -> None:
        from kg.gazetteer import default_gazetteer

        self.vocab = nlp.vocab
        # first token -> {pattern tuple: label}, one table per mode:
        # EXACT on the token texts (acronyms), NAME and COMMON on folded texts; a NAME match must
        # also be capitalised in the text ("mali" the word, "niger" the verb are noise), surfaces
        # written in lower case in the data ("groupes djihadistes") are COMMON
        self._tables: tuple[dict[str, dict[tuple[str, ...], str]], ...] = ({}, {}, {})
        # per table, first token -> length of the longest surface starting with it
        self._longest: tuple[dict[str, int], ...] = ({}, {}, {})
        self.max_len = 1
        tokenizer = cast(Tokenizer, nlp.tokenizer)  # typed as any callable; the models' is a Tokenizer
        rules = tokenizer.rules or {}
        hard: list[tuple[int, str, str]] = []  # surfaces that need the real tokenizer
        for surface in default_gazetteer().surfaces(lang):
            if surface.kind == "demonym":
                continue  # demonyms are adjectives, resolved by link.py on tokens
            text = surface.text.strip()
            if not text:
                continue
            if surface.kind == "acronym" or (len(text) <= 4 and text.isupper()):
                mode = self.EXACT
            elif text == text.lower():
                mode = self.COMMON
            else:
                mode = self.NAME
            words = text.split(" ")
            if all(w.isalpha() and w not in rules for w in words):
                self._add(mode, words, surface.kind)
                if lang == "fr" and surface.kind == "acronym" and len(words) == 1 and len(text) >= 4 and text.isupper():
                    # round 9: French writes an acronym read as a word with one capital ("la Monusco", "l'Otan")
                    self._add(mode, [text.capitalize()], surface.kind)
            else:
                hard.append((mode, text, surface.kind))
        for (mode, _, kind), doc in zip(hard, tokenizer.pipe(t for _, t, _ in hard), strict=True):
            self._add(mode, [t.text for t in doc], kind)

    def _add(self, mode: int, words: list[str], kind: str) -> None:
        if mode != self.EXACT:
            words = [fold(w) or w for w in words]
        key = tuple(words)
        self._tables[mode].setdefault(key[0], {}).setdefault(key, kind)
        longest = self._longest[mode]
        longest[key[0]] = max(longest.get(key[0], 1), len(key))
        self.max_len = max(self.max_len, len(key))

    def matches(self, texts: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every surface in a sequence of token texts (overlaps included)."""
        folded = [fold(t) or t for t in texts]
        exact, name, common = self._tables
        lexact, lname, lcommon = self._longest
        n = len(texts)
        found: list[tuple[int, int, str]] = []
        for i in range(n):
            for table, longest, words in ((exact, lexact, texts), (name, lname, folded), (common, lcommon, folded)):
                patterns = table.get(words[i])
                if patterns is None:
                    continue
                for end in range(i + 1, min(n, i + longest[words[i]]) + 1):
                    kind = patterns.get(tuple(words[i:end]))
                    if kind is None:
                        continue
                    if table is name and not any(t[:1].isupper() for t in texts[i:end] if t[:1].isalpha()):
                        continue
                    found.append((i, end, kind))
        return found

    def __call__(self, doc: Doc) -> Doc:
        strings = self.vocab.strings
        texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
        spans = [Span(doc, start, end, label=kind) for start, end, kind in self.matches(texts)]
        doc.spans[GAZ_KEY] = filter_spans(spans)
        return doc


class Reattach:
    """Puts an object the parser hung on a time adverbial back on its verb (see the module doc)."""

    def __init__(self, lang: str) -> None:
        from kg.data_tables import calendar, words

        cal = calendar(lang)
        self.time = words(lang).time_noun | frozenset(cal.months) | frozenset(cal.weekdays)
        self.reflexive = words(lang).reflexive_pronoun

    def _is_time(self, tok: Token) -> bool:
        return fold(tok.lemma_.lower()) in self.time or tok.lower_ in self.time

    def __call__(self, doc: Doc) -> Doc:
        for v in doc:
            # round 9: parse. a compound tense read as a passive: a pronominal verb with "être" ("Le Mali s'est
            # retiré de la Cédéao", "ne se sont pas entendus": "Mali" as nsubj:pass) or a participle with
            # "avoir" and an adverb ("Les paramilitaires ont ensuite attaqué"). With no agent (and, with
            # "avoir", no "été"), the subject acts: the labels and the tagger's Voice=Pass are put right here,
            # so kg.syntax.is_passive has one answer
            if v.pos_ != "VERB":
                continue
            kids = list(v.children)
            reflexive = any(c.dep_ in ("expl:comp", "expl:pv") and c.lower_ in self.reflexive for c in kids)
            avoir = any(c.dep_ == "aux:tense" and c.lemma_ == "avoir" for c in kids)
            if not (reflexive or avoir) or any(c.dep_ == "obl:agent" or (c.dep_ == "aux:pass" and not reflexive) for c in kids):
                continue
            for c in kids:
                if c.dep_ == "nsubj:pass":
                    c.dep_ = "nsubj"
                elif c.dep_ == "aux:pass":
                    c.dep_ = "aux:tense"
            if "Voice=Pass" in str(v.morph):  # (set_morph is missing from spaCy's type stubs)
                cast(Any, v).set_morph("|".join(f for f in str(v.morph).split("|") if f != "Voice=Pass") or None)
        for x in doc:
            if x.pos_ != "NOUN" or "Number=Plur" not in str(x.morph):
                continue
            if x.dep_ == "nmod":
                when = x.head
                verb = when.head
                # round 7: parse. the time word also read as the object ("a expulsé lundi des diplomates")
                if when.dep_ not in ("obl:mod", "obj") or when.i >= x.i or verb.pos_ != "VERB" or not self._is_time(when):
                    continue
            elif x.dep_ in ("obl:arg", "obl:mod") and x.head.pos_ == "VERB":
                # round 7: parse. the object hung on the verb as an oblique right after a time word, read
                # (or not) as the object: "a dénoncé mardi de nouvelles frappes", "a lancé samedi des dizaines
                # de missiles"; not a verb with a reflexive ("s'est félicité lundi des progrès")
                verb = x.head
                first = x.left_edge
                when = doc[first.i - 1] if first.i > 0 else x
                if when.head != verb or when.dep_ not in ("obl:mod", "obj") or not self._is_time(when) or when.n_lefts or when.n_rights:
                    continue
                if any(c.dep_.startswith("expl") for c in verb.children):
                    continue
            else:
                continue
            if any(c.dep_ in ("obj", "nsubj:pass") and c != when for c in verb.children):
                continue
            case = [c for c in x.children if c.dep_ == "case" and c.i < x.i]
            # "des frappes"; "de nouvelles sanctions" (the plural "de" before an adjective)
            adj = any(c.dep_ == "amod" and c.i < x.i for c in x.children)
            if len(case) != 1 or not (case[0].lower_ == "des" or (case[0].lower_ in ("de", "d'", "d’") and adj)):
                continue
            x.head = verb
            x.dep_ = "obj"
            case[0].dep_ = "det"
            case[0].pos_ = "DET"
            if when.dep_ == "obj":
                when.dep_ = "obl:mod"
        for x in doc:
            # round 9: parse. an oblique hung on the bare time word right before it ("s'est retiré lundi de la
            # Cédéao": "de la Cédéao" read as "lundi"'s complement): back on the verb; not "la nuit de lundi",
            # "au mois de mai"
            when = x.head
            if x.dep_ != "nmod" or when.i != x.left_edge.i - 1 or when.head.pos_ != "VERB" or not self._is_time(when):
                continue
            if when.dep_ not in ("obl:mod", "xcomp", "obj") or any(c.dep_ in ("det", "case") for c in when.children) or self._is_time(x):
                continue
            if not any(c.dep_ == "case" and c.i < x.i for c in x.children):
                continue
            x.head = when.head
            x.dep_ = "obl:arg"
            if when.dep_ != "obl:mod":
                when.dep_ = "obl:mod"
        return doc


@Language.factory("kg_reattach", default_config={"lang": "fr"})
def make_reattach(nlp: Language, name: str, lang: str) -> Reattach:
    return Reattach(lang)


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
    nlp.add_pipe("kg_reattach", after="lemmatizer" if "lemmatizer" in nlp.pipe_names else "parser", config={"lang": lang})
    nlp.add_pipe("kg_gazetteer", last=True, config={"lang": lang})
    return nlp


def load_pipeline(lang: str, settings: Settings) -> Language:
    """The spaCy pipeline for `lang` (cached per process)."""
    check_language(lang, settings.languages)
    return _load(settings.models[lang], lang)


def parse(texts: Iterable[str], lang: str, settings: Settings) -> Iterable[Doc]:
    """Parse many texts of one language in batches."""
    return load_pipeline(lang, settings).pipe(texts, batch_size=settings.batch_size)
