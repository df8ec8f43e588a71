"""Modality of a relation: asserted, reported (and by whom), hedged or negated.

Read on the trigger and the clauses above it, stopping at the edge of a relative clause or a
temporal adjunct: what happened "after a meeting" or "which it had paused" does not inherit the
main clause's "will" or "could". The words come from `kg/data/cues/modality.tsv` and
`kg/data/words.tsv` (temporal markers, negators, source phrases).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from kg import syntax
from kg.relate.context import Context
from kg.relate.lexicon import lemma


@dataclass(frozen=True)
class Modality:
    value: str  # one of kg.vocab.MODALITIES
    source: Token | None = None  # who says so, when the text says
    source_text: str | None = None  # the source as written ("plusieurs sources sécuritaires")


def _governors(tok: Token, ctx: Context) -> Iterator[Token]:
    """The trigger, then the heads up the clause chain, stopping at the edge of a relative clause or a
    temporal adjunct (what happened "after a meeting" or "which it had paused" does not inherit the
    main clause's "will" or "could")."""
    temporal = ctx.words.temporal
    t = tok
    seen = 0
    while seen < 8:
        yield t
        if t.head == t or t.dep_ in ("relcl", "acl:relcl"):
            return
        if t.dep_ == "acl" and t.head.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return  # a participle on the subject ("le gouvernement, dirigé par X, a rejeté ...") is its own clause
        if t != tok and t.pos_ in ("NOUN", "PROPN") and syntax.case_of(t) in temporal:
            return
        if t == tok and t.pos_ in ("NOUN", "PROPN") and syntax.case_of(t) in temporal:
            return
        t = t.head
        seen += 1


def modality(trigger: Token, cand_objs: list[Token], ctx: Context) -> Modality:
    """The modality of the relation a trigger and its object tokens express: negated, else hedged,
    else reported, else asserted."""
    full_chain = list(_governors(trigger, ctx))
    # what happened "before Niger withdrew" is not negated or hedged by the main clause ("were not
    # consulted before ..."); a reporting verb above it still reports it
    chain = full_chain
    for k, t in enumerate(full_chain):
        # folded lemmas against the temporal words (the table lists "apres" for "après")
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lemma(c) in ctx.words.temporal for c in t.children):
            chain = full_chain[: k + 1]
            break
    return (
        _negated(trigger, chain, cand_objs, ctx)
        or _hedged(trigger, chain, ctx)
        or _reported(trigger, full_chain, ctx)
        or Modality("Asserted")
    )


def _negated(trigger: Token, chain: list[Token], cand_objs: list[Token], ctx: Context) -> Modality | None:
    """Negation: on the trigger, on a governing verb, "aucun" on the object, or a denial verb above."""
    words = ctx.lexicon.modality
    for t in chain:
        if t.pos_ in ("VERB", "AUX", "NOUN") and syntax.is_negated(t, ctx.words):
            return Modality("Negated")
        if t != trigger and lemma(t) in words.get("deny_verb", ()):
            return Modality("Negated")
        if t.dep_ in ("ROOT",):
            break
    for o in cand_objs + [trigger]:
        for c in o.children:
            if c.dep_ in ("det", "neg") and lemma(c) in words.get("neg_det", ()):
                return Modality("Negated")
    return None


def _hedged(trigger: Token, chain: list[Token], ctx: Context) -> Modality | None:
    """Hedges: conditional mood, modal verbs / auxiliaries, conditional clauses, hedge nouns, questions."""
    words = ctx.lexicon.modality
    for t in chain:
        morph = str(t.morph)
        if t.pos_ in ("VERB", "AUX") and "Mood=Cnd" in morph:
            return Modality("Hedged")
        if t.pos_ == "VERB" and "Tense=Fut" in morph:
            return Modality("Hedged")
        for c in t.children:
            if c.dep_ in ("aux", "aux:tense", "aux:pass") and ("Mood=Cnd" in str(c.morph) or lemma(c) in words.get("hedge_aux", ())):
                return Modality("Hedged")
            if c.dep_ == "mark" and lemma(c) in words.get("cond_mark", ()):
                return Modality("Hedged")
        if t != trigger and lemma(t) in words.get("hedge_verb", ()) and t.pos_ in ("VERB", "AUX"):
            return Modality("Hedged")
        if t != trigger and lemma(t) in words.get("hedge_noun", ()) and t.pos_ == "NOUN":
            return Modality("Hedged")
        if t.dep_ == "ROOT":
            break
    if trigger.sent.text.rstrip().endswith("?"):
        return Modality("Hedged")
    return None


def _reported(trigger: Token, full_chain: list[Token], ctx: Context) -> Modality | None:
    """Reported: "selon X", "d'après X", "according to X", the complement clause of a speech verb, or a
    speech verb whose subject follows ("..., a déclaré le ministre")."""
    words = ctx.lexicon.modality
    phrases = ctx.words.source_phrase  # "according to": a participle token and its preposition
    leads, ends = source_phrase_heads(phrases), source_phrase_preps(phrases)
    prev: Token | None = None
    for t in full_chain:
        for prep, n in syntax.obliques(t):
            if prep in words.get("report_prep", ()) or (prep in ends and f"{n.head.head.lower_} {prep}" in phrases):
                return Modality("Reported", n, _phrase(n))
        for c in t.children:
            if c.lower_ in leads or lemma(c) in words.get("report_prep", ()):
                src = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                return Modality("Reported", src, _phrase(src) if src is not None else None)
        if t != trigger and lemma(t) in words.get("report_verb", ()) and prev is not None and prev.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "csubj"):
            subj = syntax.subjects(t)
            return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
        prev = t
        if t.dep_ == "ROOT":
            break
    sent = trigger.sent
    for t in sent:
        if lemma(t) in words.get("report_verb", ()) and t.dep_ in ("parataxis", "ROOT") and t != trigger:
            if t.dep_ == "parataxis" or (t.i > trigger.i and any(c.is_punct and c.text in (",", "«", "»", '"', "“", "”") for c in sent[: t.i - sent.start])):
                subj = syntax.subjects(t)
                return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
    return None


@functools.lru_cache(maxsize=8)
def source_phrase_heads(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of source phrases ("according" of "according to")."""
    return frozenset(p.split(" ", 1)[0] for p in phrases)


@functools.lru_cache(maxsize=8)
def source_phrase_preps(phrases: frozenset[str]) -> frozenset[str]:
    """The prepositions of source phrases ("to" of "according to")."""
    return frozenset(p.split(" ", 1)[-1] for p in phrases)


def _phrase(tok: Token | None) -> str | None:
    """The noun phrase of a source, without its preposition ("plusieurs sources sécuritaires")."""
    if tok is None:
        return None
    toks = [t for t in tok.subtree if not (t.dep_ in ("case", "punct") and t.head == tok)]
    toks = [t for t in toks if t.i >= tok.i or t.dep_ not in ("case", "mark")]
    start = min(t.i for t in toks)
    while start < tok.i and tok.doc[start].pos_ in ("ADP", "PUNCT"):
        start += 1
    return tok.doc[start : max(t.i for t in toks) + 1].text.strip(" ,")
