"""`relate()`: one parsed, linked article -> its relations, and the entities they bring in.

Trigger tokens are the tokens whose lemma is a cue of the article's language (selected in one pass
over the lemmas); verbs fire first, so that a relation noun a verb rule used ("rompt sa coopération
avec") is not a trigger of its own. Then the rules that fire on entities and words (`kg.relate.rules`)
run, each over the whole article, in registry order. Among relations with the same subject,
property, object, sentence and modality the first found is kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.data_tables import words
from kg.gazetteer import Gazetteer
from kg.link import Linked
from kg.relate.arguments import antecedents
from kg.relate.context import Context
from kg.relate.lexicon import Cue, doc_lemmas, lemma, lexicon, verbal_adjective
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
    # the lemmas are read once per call, into the context
    ctx = Context(doc, lang, linked, gazetteer, lexicon(lang), words(lang), doc_lemmas(doc), article_date)
    ctx.antecedents = antecedents(ctx)
    out: dict[tuple[str, str, str, int, str], Relation] = {}

    def keep(rels: Iterable[Relation]) -> None:
        for rel in rels:
            out.setdefault((rel.subject, rel.predicate, rel.object, rel.start, rel.modality), rel)

    _fire_cues(ctx, keep)
    _fire_facts(ctx, keep)
    relations = sorted(out.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.rule))
    return Related(tuple(relations), dict(ctx.entities.added), dict(ctx.entities.how))


def _fire_cues(ctx: Context, keep: Callable[[Iterable[Relation]], None]) -> None:
    """The rules of each trigger token's cues, verbs first (a relation noun a verb rule used, as in "rompt
    sa coopération avec", is not a trigger of its own); only tokens whose lemma is a cue can fire."""
    doc, lex = ctx.doc, ctx.lexicon
    table = _dispatch(ctx.lang)
    consumed: set[int] = set()
    order = sorted(
        (doc[i] for i, lem in enumerate(ctx.lemmas) if lem in lex.cue_lemmas),
        key=lambda t: (0 if t.pos_ in ("VERB", "AUX") else 1, t.i),
    )
    for tok in order:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ in ("xcomp", "ROOT") and tok.head.pos_ == "AUX") or (tok.pos_ == "ADJ" and verbal_adjective(tok)):
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
                    fired = fired or "relnoun" in cand.rule or (pos == "noun" and cue.object == "relnoun")
                    rels = list(realise(cand, ctx))
                    # what event anaphora read ("ont condamné ce revirement": who did the act named before)
                    ctx.events += [(cand.trigger.i, r.subject, r.predicate, r.object) for r in rels if r.modality in ("Asserted", "Reported")]
                    keep(rels)
        if fired:
            nouns = lex.relation_nouns
            # a noun of ending on a relation noun ("la suspension de son partenariat avec Tbilissi") holds it
            # as a verb does: the relation noun is no cue of its own (round 5: meetings)
            gov = tok if pos == "verb" else governing_verb(tok)
            consumed.update(t.i for t in tok.subtree if t != tok and lemma(t) in nouns and governing_verb(t) == gov)


def _fire_facts(ctx: Context, keep: Callable[[Iterable[Relation]], None]) -> None:
    """The rules that fire on entities and words, each over the whole article, in registry order."""
    fact = fact_cue(ctx.lang)
    for on, rule in RULES:
        if on == "entity":
            tokens = ctx.entity_tokens
        elif on.startswith("word:"):
            kind = getattr(ctx.words, on.removeprefix("word:"))
            tokens = [ctx.doc[i] for i, lem in enumerate(ctx.lemmas) if lem in kind]
        else:
            continue
        for tok in tokens:
            for cand in rule(tok, fact, ctx):
                keep(realise(cand, ctx))
