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
from kg.iri import fold
from kg.relate.arguments import attributed_doers, controlling_noun
from kg.relate.context import Context
from kg.relate.lexicon import lemma


@dataclass(frozen=True)
class Modality:
    value: str  # one of kg.vocab.MODALITIES
    source: Token | None = None  # who says so, when the text says
    source_text: str | None = None  # the source as written ("plusieurs sources sécuritaires")


def _governors(tok: Token, ctx: Context) -> Iterator[Token]:
    """The trigger, then the heads up the clause chain, stopping at the edge of a relative clause, a
    temporal adjunct (what happened "after a meeting" or "which it had paused" does not inherit the
    main clause's "will" or "could") or a bare participle modifying a noun ("le Mali, accusé de
    soutenir des jihadistes": the clause that names the Mali does not govern the accusation)."""
    temporal = ctx.words.temporal
    t = tok
    seen = 0
    while seen < 8:
        yield t
        noun = controlling_noun(t, ctx) if t.dep_ in ("xcomp", "advcl") and t.pos_ == "VERB" else None
        if noun is not None and noun.head == t.head:
            yield noun  # "a critiqué le refus de la Hongrie de sanctionner" (the infinitive hung on the verb)
        if t.head == t or t.dep_ in ("relcl", "acl:relcl"):
            return
        if t.dep_ == "acl" and t.head.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return  # a participle on the subject ("le gouvernement, dirigé par X, a rejeté ...") is its own clause
        if t != tok and t.dep_ == "acl" and syntax.bare_participle(t, subjectless=True):
            return
        if t != tok and t.dep_ == "advcl" and syntax.bare_participle(t, subjectless=True) and t.i > 0 and t.doc[t.i - 1].text == ",":
            return  # "ces frappes, menées avec le soutien de X, visaient à ...": the detached participle's own clause
        if t.pos_ in ("NOUN", "PROPN") and syntax.case_of(t) in temporal:
            return
        if t.dep_ in ("advcl", "conj", "parataxis", "dep") and any(c.dep_ in syntax.SUBJ and c.lower_ in ctx.words.relative_subject for c in t.head.children):
            return  # a relative clause the parser made the main one ("Le Niger, qui doit accueillir le sommet, a rompu")
        t = t.head
        seen += 1


def modality(trigger: Token, cand_objs: list[Token], ctx: Context, *, subjects: list[Token] | None = None) -> Modality:
    """The modality of the relation a trigger and its object and subject tokens express: negated, else
    hedged, else reported, else asserted."""
    full_chain = list(_governors(trigger, ctx))
    # what happened "before Niger withdrew" is not negated or hedged by the main clause ("were not
    # consulted before ..."); a reporting verb above it still reports it
    chain = full_chain
    for k, t in enumerate(full_chain):
        # folded lemmas against the temporal words (the table lists "apres" for "après")
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lemma(c) in ctx.words.temporal for c in t.children):
            chain = full_chain[: k + 1]
            break
    chain = _own_clause(chain, ctx)
    if subjects and trigger.pos_ in ("NOUN", "PROPN"):
        chain = _event_clause(chain, subjects, ctx)
    return (
        _negated(trigger, chain, cand_objs, ctx)
        or _hedged(trigger, chain, ctx)
        or _reported(trigger, full_chain, ctx)
        or Modality("Asserted")
    )


def _own_clause(chain: list[Token], ctx: Context) -> list[Token]:
    """The chain up to the first adverbial clause with its own subject, or the first conjunct that is a
    clause of its own: one with its own subject or
    auxiliary, a finite verb coordinated with a non-finite one, or one joined by "mais" / "but". The
    negation or hedge of the first clause does not reach it ("n'a pas rompu avec la France mais a
    expulsé ...", "did not break with France but expelled ..."); a shared one does ("pourrait rompre
    ... et expulser")."""
    contrast = ctx.lexicon.modality.get("contrast_cc", frozenset())
    for k, t in enumerate(chain):
        if k + 1 >= len(chain):
            break
        kids = list(t.children)
        if t.dep_ == "advcl" and _finite(t) and any(c.dep_ in _SUBJECTS for c in kids):
            # an adverbial clause with its own subject ("..., tandis que le ministre accusait ...",
            # "while Jordan warned ...") is not under the main clause's "pour exiger" or "could"
            return chain[: k + 1]
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX"):
            continue
        own = any(c.dep_ in syntax.SUBJ | syntax.PASS_SUBJ or c.dep_ in _AUX for c in kids)
        # the coordinator hangs on the conjunct (UD) or on the first verb, before the conjunct (ClearNLP)
        ccs = kids + [c for c in t.head.children if t.head.i < c.i < t.i]
        but = any(c.dep_ == "cc" and lemma(c) in contrast for c in ccs)
        if own or but or (_finite(t) and not _finite(t.head)):
            return chain[: k + 1]
    return chain


def _event_clause(chain: list[Token], subjects: list[Token], ctx: Context) -> list[Token]:
    """An event noun under a verb that takes it as given (`factive_verb`: condemn, prevent, respond
    to), with an agent other than the verb's subject, names an event that happened: "n'a pas pu empêcher
    l'attaque russe", "failed to stop the attack by Russia", "pourrait condamner l'attaque du JNIM". The
    verb's negation or hedge is about its own subject's act, and stops there. Other verbs may create
    the event ("rétablirait les sanctions de l'ONU") or be a request made to its agent: their modality
    reaches it."""
    agents = {c.i for s in subjects for c in syntax.conjuncts(s)}
    factive = ctx.lexicon.modality.get("factive_verb", frozenset())
    for k, t in enumerate(chain[1:], start=1):
        if t.pos_ not in ("VERB", "AUX"):
            continue
        if not _is_word(t, factive):
            return chain
        own = {c.i for s in syntax.clause_subject(t) for c in syntax.conjuncts(s)}
        addressed = {g.i for c in t.children if c.dep_ not in _SUBJECTS and c.i != chain[k - 1].i for g in c.subtree}
        if own & agents or addressed & agents:
            return chain
        return chain[:k]
    return chain


_AUX = frozenset({"aux", "aux:tense", "aux:pass", "auxpass", "cop"})
_SUBJECTS = syntax.SUBJ | syntax.PASS_SUBJ


def _finite(verb: Token) -> bool:
    """A finite verb form, or a past participle with its own auxiliary."""
    return "VerbForm=Fin" in str(verb.morph) or any(c.dep_ in _AUX for c in verb.children)


def _negated(trigger: Token, chain: list[Token], cand_objs: list[Token], ctx: Context) -> Modality | None:
    """Negation: on the trigger or a governing verb ("n'a pas", "did not", not "ne ... que"), "sans" /
    "without" on its clause, "aucun" / "no" on the object, or a denial verb above ("a démenti avoir",
    "ruled out", "failed to")."""
    words = ctx.lexicon.modality
    deny, neg_mark = words.get("deny_verb", frozenset()), words.get("neg_mark", frozenset())
    prev: Token | None = None
    for t in chain:
        negated = t.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and syntax.is_negated(t, ctx.words) and not _restrictive(t, ctx)
        # a denial governs its complement, not its subject ("les discussions ont échoué": they took place)
        # nor a verb coordinated with it ("denied the claims and accused Kinshasa of ...")
        if t != trigger and t.pos_ in ("VERB", "AUX", "NOUN") and _is_word(t, deny) and not (prev is not None and (prev.dep_ in _SUBJECTS or _coordinated(prev))):
            # a denial denied is a possibility: "n'exclut pas de quitter", "did not rule out"
            return Modality("Hedged") if negated else Modality("Negated")
        if negated or (t.pos_ in ("VERB", "AUX") and _neg_adverb(t, ctx)):
            return Modality("Negated")
        if t != trigger and t.pos_ == "NOUN" and (lemma(t) in words.get("deny_noun", ()) or (lemma(t) in ctx.words.control_noun and _neg_det(t, ctx))):
            return Modality("Negated")  # "son refus de livrer", "its refusal to extradite", "has no plans to leave"
        if any(c.dep_ == "advmod" and c.pos_ == "ADV" and c.i < t.i and lemma(c) in deny for c in t.children):
            return Modality("Negated")  # a denial verb the model read as an adverb ("Kigali dément soutenir")
        if any(c.dep_ == "mark" and lemma(c) in neg_mark for c in t.children):
            return Modality("Negated")  # "sans rompre", "sans que"
        if t.pos_ == "NOUN" and syntax.case_of(t) in neg_mark:
            return Modality("Negated")  # "sans accord"
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in neg_mark:
            return Modality("Negated")  # "without breaking"
        if t.dep_ in ("ROOT",) or _detached_gerund(t):
            break  # "a démenti toute implication, accusant Pristina de ...": the gerund says what it does
        prev = t
    objs = [o for o in trigger.children if o.dep_ in syntax.OBJ] if trigger.pos_ in ("VERB", "AUX") else []
    for o in cand_objs + objs + [trigger]:
        for c in o.children:
            if c.dep_ in ("det", "neg") and lemma(c) in words.get("neg_det", ()):
                return Modality("Negated")
    return None


def _coordinated(verb: Token) -> bool:
    """A verb coordinated with its head verb: an act of its own, not the complement of the head."""
    return verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and verb.head.pos_ in ("VERB", "AUX")


def _detached_gerund(verb: Token) -> bool:
    """A present participle set off by a comma ("denied the report, accusing Washington of ...", "a
    démenti toute responsabilité, imputant l'attaque au PKK", ", tout en accusant"): an adjunct that
    states an act of its own, not the complement of a denial or a negated verb above it."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    if verb.tag_ != "VBG" and not ("VerbForm=Part" in str(verb.morph) and "Tense=Pres" in str(verb.morph)):
        return False
    start = verb.left_edge.i
    return start > 0 and verb.doc[start - 1].text == "," and not any(c.dep_ in syntax.SUBJ for c in verb.children)


def _neg_det(noun: Token, ctx: Context) -> bool:
    """A negative determiner on a noun ("aucune intention", "no plans")."""
    return any(c.dep_ in ("det", "neg") and lemma(c) in ctx.lexicon.modality.get("neg_det", ()) for c in noun.children)


def _restrictive(verb: Token, ctx: Context) -> bool:
    """A negation word that does not negate the verb: "ne ... que" (only: "n'a livré que des drones"),
    and, in a language whose verbal negation needs its particle (`neg_particle`, French "ne"), a
    negator without it ("a tiré pas moins de 40 missiles")."""
    words = ctx.lexicon.modality
    neg = [c for c in verb.children if c.dep_ in ("advmod", "neg") and (c.lower_ in ctx.words.negator or "Polarity=Neg" in str(c.morph))]
    particle = [c for c in neg if lemma(c) in ctx.words.negation_particle]
    if words.get("neg_particle") and not particle:
        return True
    if len(particle) < len(neg):
        return False
    only = words.get("restrictive", frozenset())
    return any(g.lower_ in only and g.i > verb.i and g.dep_ in ("advmod", "mark", "cc") for c in verb.children for g in (c, *c.children))


def _neg_adverb(verb: Token, ctx: Context) -> bool:
    """A negative adverb phrase on the verb: "no longer"."""
    phrases = ctx.lexicon.modality.get("neg_adverb", frozenset())
    return any(c.dep_ == "advmod" and f"{g.lower_} {c.lower_}" in phrases for c in verb.children for g in c.children)


def _is_word(t: Token, table: frozenset[str]) -> bool:
    """The token's lemma is in a modality table, alone or with its particle ("rule out", "back down")."""
    lem = lemma(t)
    if lem in table:
        return True
    return any(c.dep_ in ("prt", "compound:prt") and f"{lem} {c.lower_}" in table for c in t.children)


def _hedged(trigger: Token, chain: list[Token], ctx: Context) -> Modality | None:
    """Hedges: conditional and future, modal verbs and auxiliaries, plans, offers, requests and threats
    (the act they name), hedge adjectives ("prêt à", "likely to") and adverbs ("probablement"),
    conditional clauses, hedge nouns ("risque de", "talk of"), questions."""
    words = ctx.lexicon.modality
    hedge_verb, hedge_noun, hedge_adj = words.get("hedge_verb", frozenset()), words.get("hedge_noun", frozenset()), words.get("hedge_adj", frozenset())
    hedge_adv = words.get("hedge_adverb", frozenset())
    prev: Token | None = None
    for t in chain:
        morph = str(t.morph)
        if t.pos_ in ("VERB", "AUX") and "Mood=Cnd" in morph:
            return Modality("Hedged")
        if t.pos_ == "VERB" and "Tense=Fut" in morph:
            return Modality("Hedged")
        for c in t.children:
            if c.dep_ in _AUX:
                cm = str(c.morph)
                if "Mood=Cnd" in cm or "Tense=Fut" in cm or lemma(c) in words.get("hedge_aux", ()):
                    return Modality("Hedged")
            if c.dep_ == "mark" and lemma(c) in words.get("cond_mark", ()):
                return Modality("Hedged")
            if c.dep_ == "advmod" and lemma(c) in hedge_adv:
                return Modality("Hedged")
        if t != trigger and t.pos_ in ("VERB", "AUX") and _is_word(t, hedge_verb) and not (prev is not None and _coordinated(prev)) and not _engaged_in(prev):
            return Modality("Hedged")  # not a verb coordinated with it ("threatened retaliation and expelled ..."), not "engaged in talks"
        if t != trigger and t.pos_ == "NOUN" and lemma(t) in hedge_noun:
            return Modality("Hedged")
        if t != trigger and lemma(t) in hedge_adj and _adjectival(t) and prev is not None and prev.pos_ in ("VERB", "AUX"):
            return Modality("Hedged")  # "prêt à rompre", "likely to leave", "is set to sign"; not "due to the attack"
        if t.dep_ == "ROOT":
            break
        prev = t
    if trigger.sent.text.rstrip().endswith("?"):
        return Modality("Hedged")
    return None


def _engaged_in(prev: Token | None) -> bool:
    """A noun the verb holds with "in" ("engagée dans des pourparlers", "engaged in talks"): what the
    subject is already doing, not what it commits to (round 5: meetings)."""
    return prev is not None and prev.pos_ == "NOUN" and syntax.case_of(prev) in ("dans", "in")


def _adjectival(t: Token) -> bool:
    """An adjective, or a passive participle used as one ("is set to", "est censé")."""
    return t.pos_ == "ADJ" or (t.pos_ == "VERB" and any(c.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass", "cop") for c in t.children))


def _reported(trigger: Token, full_chain: list[Token], ctx: Context) -> Modality | None:
    """Reported: "selon X", "d'après X", "according to X", the complement clause of a speech verb, a
    speech verb whose subject follows ("..., a déclaré le ministre"), the content of an accusation
    ("accuse le Rwanda de soutenir le M23": reported by the accuser), "reportedly"."""
    words = ctx.lexicon.modality
    phrases = ctx.words.source_phrase  # "according to": a participle token and its preposition
    leads, ends = source_phrase_heads(phrases), source_phrase_preps(phrases)
    report_prep, accuse = words.get("report_prep", frozenset()), words.get("accuse_verb", frozenset())
    for t in [trigger, *syntax.subjects(trigger)]:
        if attributed_doers(t, ctx):
            # round 9: attribution. "une attaque attribuée au JNIM a tué ...": someone's attribution;
            # "Kinshasa attribue l'attaque au M23": Kinshasa's
            by = syntax.subjects(t.head) if t.dep_ in syntax.OBJ and t.head.pos_ == "VERB" else []
            return Modality("Reported", by[0] if by else None, _phrase(by[0]) if by else None)
    prev: Token | None = None
    for t in full_chain:
        for prep, n in syntax.obliques(t):
            if _prep(prep) in report_prep or (prep in ends and f"{n.head.head.lower_} {prep}" in phrases):
                return Modality("Reported", n, _phrase(n))
        for c in t.children:
            if c.lower_ in leads or lemma(c) in report_prep:
                src = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                return Modality("Reported", src, _phrase(src) if src is not None else None)
            if c.dep_ == "advmod" and lemma(c) in words.get("report_adverb", ()):
                return Modality("Reported")
        if t != trigger and lemma(t) in words.get("report_verb", ()) and prev is not None and prev.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "csubj"):
            subj = syntax.subjects(t)
            return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
        if t != trigger and t.pos_ == "VERB" and lemma(t) in accuse and prev is not None and prev.dep_ not in syntax.OBJ | syntax.SUBJ:
            # "accuse le Rwanda de soutenir", "accused Rwanda of backing": the accuser says so; the
            # subject of "..., accusant Kiev de" is the clause's
            subj = syntax.subjects(t) or syntax.agents(t)
            gov = syntax.governing_verb(t) if not subj and t.dep_ in ("acl", "advcl", "xcomp") else None
            subj = subj or (syntax.clause_subject(gov) if gov is not None else [])
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


def _prep(prep: str) -> str:
    """A preposition as the tables write it: folded, the elided "d'" glued to its word ("d' après")."""
    return fold(prep).replace("' ", "'")


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
