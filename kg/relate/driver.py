"""`relate()`: one parsed, linked article -> its relations, and the entities they bring in.

Trigger tokens are the tokens whose lemma is a cue of the article's language (selected in one pass
over the lemmas); verbs fire first, so that a relation noun a verb rule used ("rompt sa coopération
avec") is not a trigger of its own. Then the rules that fire on entities and words (`kg.relate.rules`)
run, each over the whole article, in registry order. Among relations with the same subject,
property, object, sentence and modality the first found is kept.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.data_tables import words
from kg.gazetteer import Gazetteer
from kg.link import Linked
from kg.relate.arguments import antecedents
from kg.relate.context import Context
from kg.relate.lexicon import Cue, doc_lemmas, lemma, lexicon
from kg.relate.realise import realise
from kg.relate.rules import RULES, Rule, check_cue, fact_cue, rules_on, with_ok
from kg.syntax import governing_verb
from kg.types import Entity, Relation


@dataclass(frozen=True)
class Related:
    """What relate adds to an article: its relations, and the gazetteer entities they name that the
    linker did not link (with the id of the rule that brought each in)."""

    relations: tuple[Relation, ...]
    entities: Mapping[str, Entity]
    how: Mapping[str, str]


@functools.lru_cache(maxsize=4)
def _dispatch(lang: str) -> Mapping[tuple[str, str], tuple[tuple[Cue, tuple[Rule, ...]], ...]]:
    """(pos, lemma) -> each cue of that trigger with the rules it fires, checked once per language."""
    out = {}
    for key, cues in lexicon(lang).cues.items():
        for cue in cues:
            check_cue(cue)
        out[key] = tuple((cue, rules_on(f"verb:{cue.object}") if cue.pos == "verb" else rules_on("noun")) for cue in cues)
    return out


def relate(doc: Doc, linked: Linked, gazetteer: Gazetteer, *, lang: str, article_date: str | None = None) -> Related:
    """All relations of one parsed, linked article (`linked` is read, never changed)."""
    lex = lexicon(lang)
    table = _dispatch(lang)
    lemmas = doc_lemmas(doc)
    ctx = Context(doc, lang, linked, gazetteer, lex, words(lang), lemmas, article_date)
    ctx.antecedents = antecedents(ctx)
    out: dict[tuple[str, str, str, int, str], Relation] = {}

    def keep(rels: Iterable[Relation]) -> None:
        for rel in rels:
            out.setdefault((rel.subject, rel.predicate, rel.object, rel.start, rel.modality), rel)

    # verbs first: a relation noun a verb rule used ("rompt sa coopération avec") is not a trigger of its own
    consumed: set[int] = set()
    # only tokens whose lemma is a cue can fire a rule: select them in one pass over the lemmas
    cue_lemmas = lex.cue_lemmas
    order = sorted(
        (doc[i] for i, lem in enumerate(lemmas) if lem in cue_lemmas),
        key=lambda t: (0 if t.pos_ in ("VERB", "AUX") else 1, t.i),
    )
    for tok in order:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ in ("xcomp", "ROOT") and tok.head.pos_ == "AUX"):
            pos = "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
            if tok.i in consumed:
                continue
        else:
            continue
        fired = False
        for cue, rules in table.get((pos, lemma(tok)), ()):
            if pos == "verb" and cue.with_ and with_ok(tok, cue) is None:
                continue
            for rule in rules:
                for cand in rule(tok, cue, ctx):
                    fired = fired or "relnoun" in cand.rule
                    keep(realise(cand, ctx))
        if fired:
            nouns = lex.relation_nouns
            consumed.update(t.i for t in tok.subtree if lemma(t) in nouns and governing_verb(t) == tok)
    # facts: rules that fire on entities and words, each over the whole article
    fact = fact_cue(lang)
    for on, rule in RULES:
        if on == "entity":
            tokens = ctx.entity_tokens
        elif on.startswith("word:"):
            kind = getattr(ctx.words, on.removeprefix("word:"))
            tokens = [doc[i] for i, lem in enumerate(lemmas) if lem in kind]
        else:
            continue
        for tok in tokens:
            for cand in rule(tok, fact, ctx):
                keep(realise(cand, ctx))
    relations = sorted(out.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.rule))
    return Related(tuple(relations), dict(ctx.entities.added), dict(ctx.entities.how))
