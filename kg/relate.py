"""Relations: cue lexicons + dependency rules -> `Relation` values.

Each rule is a small generator over one trigger token, covering one construction, and
yields `Candidate`s (trigger, subject tokens, object tokens, property). Arguments are then
resolved to entities through the linker's token map (with coordination, appositions and
lists after a colon), and every candidate gets a modality, qualifiers and provenance.

Cues, relation nouns, domains and modality words live in `kg/data/cues/*.tsv`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

from kg import syntax
from kg.data_tables import rows
from kg.iri import fold
from kg.link import Linked
from kg.types import Relation
from kg.vocab import RELATIONS

# State acts: when a head of state or government does one of these, the state does it (as event coders
# code "Tiani ends cooperation" as NER). Other acts (criticizes, meetsWith...) stay with the person.
STATE_LEVEL = frozenset({"endsCooperationWith", "cooperatesWith", "signsAgreementWith", "expels", "sanctions", "withdrawsFrom", "supports", "attacks"})
HEAD_ROLES = frozenset({"head_of_state", "head_of_government", "leader"})
ACTOR_TYPES = frozenset({"Country", "Person", "Organization", "InternationalOrganization", "ArmedGroup", "Government", "ArmedForces"})
PLACE_TYPES = frozenset({"Country", "City", "Region", "GeoRegion", "Place"})


@dataclass(frozen=True)
class Cue:
    lang: str
    pos: str
    lemma: str
    with_: tuple[str, ...]
    property: str
    object: str
    preps: tuple[str, ...]
    conf: float


@dataclass
class Candidate:
    trigger: Token
    subjects: list[Token]
    objects: list[Token]
    cue: Cue
    rule: str
    subject_keys: list[str] | None = None  # already resolved (e.g. from the linker)
    object_keys: list[str] | None = None


@dataclass
class Context:
    """Article-level state the rules may consult (the linker's output, anaphora antecedents)."""

    linked: Linked
    lang: str
    # (token index, partner entity keys) of relation nouns with an explicit partner, in text order
    antecedents: list[tuple[int, list[str]]]

    def antecedent_partners(self, tok: Token, *, window: int = 3) -> list[str]:
        """Partners of the closest earlier relation noun within `window` sentences ("ces collaborations")."""
        sents = list(tok.doc.sents)
        idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        lo = sents[max(0, idx - window)].start
        best: list[str] = []
        for i, keys in self.antecedents:
            if lo <= i < tok.i:
                best = keys
        return best


# -- lexicons ---------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def cues(lang: str) -> dict[tuple[str, str], tuple[Cue, ...]]:
    """(pos, lemma) -> cues, for one language."""
    out: dict[tuple[str, str], list[Cue]] = {}
    for r in rows("cues/relations.tsv"):
        if r["lang"] != lang:
            continue
        cue = Cue(
            lang,
            r["pos"],
            fold(r["lemma"]),
            tuple(fold(w) for w in r["with"].split("|") if w),
            r["property"],
            r["object"],
            tuple(p for p in r["preps"].split("|") if p),
            float(r["conf"]),
        )
        if cue.property not in RELATIONS:
            raise ValueError(f"cues/relations.tsv: unknown property {cue.property!r} for {cue.lemma!r}")
        out.setdefault((cue.pos, cue.lemma.removeprefix("s'")), []).append(cue)
    return {k: tuple(v) for k, v in out.items()}


@functools.lru_cache(maxsize=4)
def relation_nouns(lang: str) -> dict[str, str]:
    return {fold(r["lemma"]): r["kind"] for r in rows("cues/relation_nouns.tsv") if r["lang"] == lang}


@functools.lru_cache(maxsize=4)
def domain_words(lang: str) -> dict[str, str]:
    return {fold(r["word"]): r["domain"] for r in rows("cues/domains.tsv") if r["lang"] == lang}


@functools.lru_cache(maxsize=4)
def modality_words(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for r in rows("cues/modality.tsv"):
        if r["lang"] == lang:
            out.setdefault(r["kind"], set()).add(fold(r["word"]))
    return {k: frozenset(v) for k, v in out.items()}


def lemma(tok: Token) -> str:
    return fold(tok.lemma_ or tok.text)


_LAST_DOC: list = [None, []]  # the Doc of the last doc_lemmas() call and its lemmas


def doc_lemmas(doc: Doc) -> list[str]:
    """`[lemma(t) for t in doc]`, read from the Doc's arrays (no Token objects); kept for the last Doc."""
    if _LAST_DOC[0] is not doc:
        strings = doc.vocab.strings
        pairs: list[list[int]] = doc.to_array([LEMMA, ORTH]).reshape(-1, 2).tolist() if len(doc) else []
        _LAST_DOC[:] = [doc, [fold(strings[lem] or strings[orth]) for lem, orth in pairs]]
    return _LAST_DOC[1]


def _entity_tokens(doc: Doc, linked: Linked) -> list[int]:
    """Indices of the tokens that belong to an entity, in order (the tokens rules about entities visit)."""
    n = len(doc)
    return sorted(i for i in linked.tok2ent if 0 <= i < n)


@functools.lru_cache(maxsize=4)
def frames(lang: str) -> dict[str, dict[str, frozenset[str]]]:
    """kind -> verb lemma -> required governed words (empty = none), from cues/frames.tsv."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for r in rows("cues/frames.tsv"):
        if r["lang"] == lang:
            out.setdefault(r["kind"], {})[fold(r["lemma"])] = frozenset(fold(w) for w in r["with"].split("|") if w)
    return out


def _frame(verb: Token, kind: str, lang: str) -> bool:
    """Whether `verb` is a frame verb of `kind` ("annoncer" support, "faire face" victim)."""
    table = frames(lang).get(kind, {})
    need = table.get(lemma(verb))
    if need is None:
        return False
    # the required word is a child of the verb, or the parser made it the preposition of one
    # ("font face aux attaques": "face" as the case marker of "attaques")
    words = [c for c in verb.children] + [g for c in verb.children for g in c.children if g.dep_ in ("case", "fixed")]
    return not need or any(lemma(c) in need or fold(c.text) in need for c in words)


def _governing_verb(tok: Token) -> Token | None:
    t = tok.head
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def relation_partners(noun: Token, ctx: Context, *, preps: tuple[str, ...] = ()) -> list[Token]:
    """Partner tokens of a relation noun: "sa coopération avec Moscou", "l'accord qui le liait à la France"."""
    partner_preps: tuple[str, ...] = ("avec", "with", "entre", "between")
    if relation_nouns(ctx.lang).get(lemma(noun)) == "aid":
        partner_preps = ("à", "au", "aux", "to", "for", "pour")  # "son aide au Niger", "aid to Niger"
    out = [m for p, m in syntax.obliques(noun) if p in preps or p in partner_preps]
    if out:
        return out
    for c in noun.children:
        if c.dep_ in ("acl:relcl", "relcl", "acl") and _frame(c, "bond", ctx.lang):
            out += [m for p, m in syntax.obliques(c) if p in ("à", "a", "au", "aux", "avec", "to", "with")]
            out += [o for o in syntax.objects(c) if o.pos_ == "PROPN"]
    return out


# -- rules --------------------------------------------------------------------


def _with_ok(verb: Token, cue: Cue) -> Token | None:
    """For fixed expressions, the token carrying the required word ("fin" of "mettre fin"); else the verb."""
    if not cue.with_:
        return verb
    for c in verb.children:
        if lemma(c) in cue.with_ and c.dep_ in syntax.OBJ | {"compound:prt", "prt", "obl", "obl:arg", "obl:mod", "nmod", "dobj"}:
            return c
        if lemma(c) in cue.with_ and c.dep_ == "xcomp" and c.pos_ == "NOUN":  # parser slip: "a pris le pouvoir" as xcomp
            return c
        if c.dep_ == "prep" and any(lemma(g) in cue.with_ for g in c.children):
            return c
    return None


def _verb_subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subjects (agents for passives) and whether the verb is passive."""
    if syntax.is_passive(verb):
        agents = syntax.agents(verb)
        if not agents and _frame(verb, "unaccusative", verb.doc.lang_):
            return syntax.passive_subjects(verb), False  # "est arrivé à Alger": not a passive
        return agents, True
    if verb.dep_ in ("acl", "acl:relcl", "relcl") and not syntax.subjects(verb):
        if verb.dep_ == "acl" and _infinitive_adjunct(verb):
            # "... reçu par Poutine, dix mois après avoir renversé Assad": the parser hangs the adjunct
            # on the nearest noun, but its unexpressed subject is the main clause's (al-Charaa)
            gov = _governing_verb(verb.head)
            subj = (syntax.subjects(gov) or syntax.passive_subjects(gov)) if gov is not None else []
            if subj:
                return subj, False
        if verb.dep_ == "acl" and _detached_participle(verb):
            # "a annoncé la rupture de ses relations avec l'Ukraine, accusant Kiev de ...": the present
            # participle after a comma belongs to the clause, whose subject acts
            gov = _governing_verb(verb.head)
            subj = syntax.clause_subject(gov) if gov is not None else []
            if subj:
                return subj, False
        return [verb.head], False
    subj = syntax.clause_subject(verb)
    if subj and subj[0].lower_ in ("qui", "who", "that", "which") and verb.dep_ in ("acl:relcl", "relcl"):
        return [verb.head], False
    return subj, False


_ADJUNCT_MARKS = frozenset({"après", "avant", "pour", "sans", "afin", "after", "before", "without"})


def _infinitive_adjunct(verb: Token) -> bool:
    """An infinitive (or gerund) clause of time or purpose: "après avoir renversé", "avant de quitter",
    "after toppling"."""
    if not any(c.dep_ == "mark" and c.lower_ in _ADJUNCT_MARKS for c in verb.children):
        return False
    forms = [str(verb.morph)] + [str(c.morph) for c in verb.children if c.dep_.startswith("aux")]
    return verb.tag_ == "VBG" or any("VerbForm=Inf" in f for f in forms)


def _detached_participle(verb: Token) -> bool:
    """A present participle set off by a comma from the noun it hangs on ("..., accusant Kiev")."""
    morph = str(verb.morph)
    present = verb.tag_ == "VBG" or ("VerbForm=Part" in morph and "Tense=Pres" in morph)
    return present and any(t.text == "," for t in verb.doc[verb.head.i + 1 : verb.i])


def rule_verb_object(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with a direct object: "Le Mali expulse l'ambassadeur"; passive: "a été expulsé par"."""
    subj, passive = _verb_subjects(verb)
    if passive:
        objs = syntax.passive_subjects(verb) or ([verb.head] if verb.dep_ in ("acl",) else [])
        up = verb
        while not objs and up.dep_ == "conj" and up.head != up:  # "ont été déclarés persona non grata et expulsés par"
            up = up.head
            while up.pos_ not in ("VERB", "AUX") and up.head != up:
                up = up.head
            objs = syntax.passive_subjects(up)
    else:
        objs = [o for o in syntax.objects(verb) if lemma(o) not in cue.with_]
    if cue.property == "meetsWith":
        # one meets or receives an actor named as such ("reçoit son homologue turc"), not the owner of a
        # thing received ("a reçu des armes de la Russie")
        objs = [o for o in objs if _names_actor(o, ctx.linked)]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-{'passive' if passive else 'obj'}")


def _names_actor(tok: Token, linked: Linked) -> bool:
    """Whether a token is itself an entity mention (or a noun with a person's name in apposition)."""
    if tok.i in linked.tok2ent or _named_person(tok, linked) is not None:
        return True
    return any(c.dep_ in syntax.NAME_PARTS and c.i in linked.tok2ent for c in tok.children)


GENITIVE_PREPS = frozenset({"de", "du", "des", "d'", "d’", "of"})


def rule_verb_prep(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with its partner in an oblique: "rompt avec Ankara", "cooperates with Russia"."""
    subj, passive = _verb_subjects(verb)
    anchor = _with_ok(verb, cue)
    objs = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor is not None and anchor != verb:
        objs += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
    if not objs:
        # the parser often hangs the partner on the direct object: "a livré des missiles à l'Ukraine",
        # "delivered tanks to Ukraine" ("à l'Ukraine" under "missiles"); genitives stay the object's own
        objs = [
            n
            for o in syntax.objects(verb)
            if o.i not in ctx.linked.tok2ent
            for p, n in syntax.obliques(o)
            if p in cue.preps and p not in GENITIVE_PREPS
        ]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-prep")
    elif subj and not objs and RELATIONS[cue.property].symmetric and not syntax.objects(verb):
        yield from _reciprocal(verb, subj, cue, ctx, "verb-reciprocal")


def rule_verb_relnoun(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb on a relation noun: "rompt sa coopération avec Moscou", "mettre fin à ses accords avec"."""
    subj, passive = _verb_subjects(verb)
    nouns = relation_nouns(cue.lang)
    heads = [c for c in verb.children if (c.dep_ in syntax.OBJ or c.dep_ in syntax.OBLIQUE or c.dep_ == "prep") and lemma(c) in nouns]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if lemma(g) in nouns]
    if verb.dep_ in ("relcl", "acl:relcl") and any(c.dep_ in syntax.OBJ | {"dep"} and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        # "the military aid to Ukraine, which it had paused": the antecedent is the object (the parser
        # often hangs the clause on the partner, the last noun before it)
        antecedent = verb.head
        if lemma(antecedent) not in nouns:
            antecedent = antecedent.head.head if antecedent.dep_ == "pobj" else antecedent.head
        if lemma(antecedent) in nouns and antecedent.i < verb.i:
            heads.append(antecedent)
    if passive:
        heads += [c for c in syntax.passive_subjects(verb) if lemma(c) in nouns]
    if cue.with_:
        fixed = _with_ok(verb, cue)
        if fixed is None:
            return
        heads = [h for h in heads if h != fixed] + [n for p, n in syntax.obliques(fixed) if lemma(n) in nouns]
        heads += [n for p, n in syntax.obliques(verb) if p in ("à", "au", "aux", "to") and lemma(n) in nouns]
    if not heads and not cue.with_:
        # parser slips ("ont signé lundi à Niamey, la capitale, un protocole d'accord" with the object
        # attached to the apposition): a relation noun after the verb in its own clause
        heads = [t for t in verb.subtree if t.i > verb.i and lemma(t) in nouns and _governing_verb(t) == verb and t.dep_ not in ("nsubj", "nsubj:pass")]
    # a cue applies to its kind of relation noun: talks are held, agreements signed, cooperation ended
    allowed = RELNOUN_KINDS.get(cue.property)
    if allowed:
        heads = [h for h in heads if nouns.get(lemma(h)) in allowed]
    # "l'accord de coopération": the head relation noun and the nouns it governs
    heads += [m for h in list(heads) for p, m in syntax.obliques(h) if p in ("de", "d'", "of", "en") and lemma(m) in nouns]
    objs: list[Token] = []
    for noun in heads:
        for n in syntax.conjuncts(noun):
            objs += relation_partners(n, ctx, preps=cue.preps)
    objs += [n for p, n in syntax.obliques(verb) if p in cue.preps and lemma(n) not in nouns]
    if heads and subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-relnoun")
    elif heads and subj and any(_demonstrative(h) for h in heads):
        # "a mis fin à ces collaborations": the partners of the relation named just before
        keys = ctx.antecedent_partners(verb)
        if keys:
            yield Candidate(verb, subj, [], cue, f"{cue.lang}.verb-relnoun-anaphora", object_keys=keys)
    elif heads and subj and RELATIONS[cue.property].symmetric:
        yield from _reciprocal(verb, subj, cue, ctx, "verb-relnoun-reciprocal")


RELNOUN_KINDS: dict[str, frozenset[str]] = {
    "meetsWith": frozenset({"talks"}),
    "expels": frozenset({"departure"}),
    "signsAgreementWith": frozenset({"agreement", "cooperation"}),
    "cooperatesWith": frozenset({"cooperation", "agreement"}),
    "endsCooperationWith": frozenset({"cooperation", "agreement", "aid"}),  # "a suspendu son aide au Niger"
}


def _reciprocal(trigger: Token, subj: list[Token], cue: Cue, ctx: Context, rule: str) -> Iterator[Candidate]:
    """"Le Nigeria et le Niger ont signé un accord": coordinated subjects of a symmetric relation."""
    keys = [k for s in subj for k in resolve(s, ctx.linked)]
    # "The US, Russia and China met": every pair of the coordinated subjects
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            yield Candidate(trigger, [], [], cue, f"{cue.lang}.{rule}", subject_keys=[a], object_keys=[b])


def _linear_partner(tok: Token, linked: Linked) -> list[Token]:
    """"entre la Russie et le Mali" when the parser lost the coordination: the entity right after "et"."""
    doc = tok.doc
    j = max(t.i for t in tok.subtree) + 1
    if j < len(doc) and doc[j].lower_ in ("et", "and"):
        for k in range(j + 1, min(j + 4, len(doc))):
            if k in linked.tok2ent:
                return [doc[k]]
            if doc[k].pos_ not in ("DET", "ADP"):
                break
    return []


def _demonstrative(noun: Token) -> bool:
    return any(c.dep_ == "det" and ("PronType=Dem" in str(c.morph) or c.lower_ in ("this", "these", "those", "that")) for c in noun.children)


def rule_verb_place(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb whose target is a place: "retire ses troupes du Mali", "took power in Niger"."""
    subj, _ = _verb_subjects(verb)
    anchor = _with_ok(verb, cue)
    if anchor is None:
        return
    objs = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor != verb:  # "paid a visit to Moscow": the place hangs on the fixed noun
        objs += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
    for c in verb.children:
        if c.dep_ in syntax.OBJ and cue.object == "place" and not cue.with_:
            objs += [n for p, n in syntax.obliques(c) if p in cue.preps]
    if cue.property == "withdrawsFrom" and not objs:
        objs = [o for o in syntax.objects(verb) if o.pos_ == "PROPN"]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-place")


def rule_verb_act_target(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """The target of an announced act: "threatened to cut gas supplies to Ukraine", "a menacé de fermer
    son espace aérien aux appareils maliens" -> threatens Ukraine / Mali."""
    subj, passive = _verb_subjects(verb)
    if passive:
        return
    objs: list[Token] = []
    for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        objs += syntax.objects(act)
        objs += [n for p, n in syntax.obliques(act) if p in cue.preps]
        # "de couper ses livraisons de gaz à l'Ukraine": the partner of the act's object
        objs += [n for o in syntax.objects(act) for p, n in syntax.obliques(o) if p in cue.preps and p not in ("de", "du", "des", "d'", "of")]
    acts_targets = [o for o in objs if resolve(o, ctx.linked)]
    if not acts_targets and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "ont imposé des sanctions au Niger et menacé de recourir à la force": the coordinated act's target
        first = verb.head
        objs = [o for o in syntax.objects(first) if resolve(o, ctx.linked)]
        objs += [n for p, n in syntax.obliques(first) if p in cue.preps and p not in ("de", "du", "des", "d'", "of")]
        objs += [n for o in syntax.objects(first) for p, n in syntax.obliques(o) if p in cue.preps and p not in ("de", "du", "des", "d'", "of")]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-act-target")


def rule_verb_addressee(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Who is told to act: "demanded that the United States cancel the sale", "exige de la France qu'elle
    retire ses troupes" -> demands United States / France."""
    subj, passive = _verb_subjects(verb)
    if passive:
        return
    objs = [s for c in verb.children if c.dep_ == "ccomp" for s in syntax.subjects(c) + syntax.passive_subjects(c)]
    objs += [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-addressee")


def rule_verb_owner(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb on a thing of the target: "rejected Russia's proposal", "a rejeté l'ultimatum américain",
    "rejected the demands of Kinshasa" -> rejects Russia / United States / DR Congo."""
    subj, passive = _verb_subjects(verb)
    if passive:
        return
    things = [o for o in syntax.objects(verb) if lemma(o) in cue.with_]
    if subj and things:
        yield Candidate(verb, subj, things, cue, f"{cue.lang}.verb-owner")


def rule_verb_source(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Roles reversed: "X a reçu des armes de la Russie", "X received weapons from Russia" -> Russia supports X."""
    subj, passive = _verb_subjects(verb)
    if passive:
        return
    anchor = _with_ok(verb, cue)
    if anchor is None:
        return
    sources = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor != verb:
        sources += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
    if subj and sources:
        yield Candidate(verb, sources, subj, cue, f"{cue.lang}.verb-source")


def rule_noun_trigger(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Noun triggers: "la rupture avec Moscou", "la coopération militaire entre la Russie et le Mali"."""
    if cue.with_ and not any(lemma(c) in cue.with_ for c in noun.subtree):
        return
    obl = list(syntax.obliques(noun))
    between = [n for p, n in obl if p in ("entre", "between")]
    if between:
        members = [m for b in between for m in syntax.conjuncts(b)]
        if len(members) == 1:
            members += _linear_partner(members[0], ctx.linked)
        if len(members) >= 2:
            yield Candidate(noun, [members[0]], members[1:], cue, f"{cue.lang}.noun-between")
        return
    # "of" / "de" complements are the agent ("l'offensive de Boko Haram"), except for nouns whose
    # complement is what undergoes the act (object "patient": "the invasion of Ukraine")
    objs = [n for p, n in obl if p in cue.preps and p not in ("de", "du", "des", "d'", "of")] if cue.object not in ("place", "patient") else [n for p, n in obl if p in cue.preps]
    objs = [n for n in objs if lemma(n) not in cue.with_]  # "arrivée au pouvoir": "pouvoir" is part of the cue
    subj = [n for p, n in obl if p in ("de", "du", "des", "d'", "of", "par", "by") and n not in objs and lemma(n) not in relation_nouns(cue.lang)]
    subj += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss", "amod", "compound") and c.pos_ != "PRON"]
    if not subj and any((c.dep_ == "det" and "Poss=Yes" in str(c.morph)) or (c.dep_ == "poss" and c.pos_ == "PRON") for c in noun.children):
        # "son arrivée au pouvoir", "sa rupture avec" -> the subject of the governing clause
        gov = noun.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head != gov:
            gov = gov.head
        subj = syntax.clause_subject(gov)
    gov = _governing_verb(noun)
    carrier = _measure_of(noun, cue.lang) or noun  # "un seizième paquet de sanctions contre la Russie"
    if not subj and gov is not None and carrier.dep_ in syntax.OBJ | {"obl", "obl:arg", "pobj", "dobj"} and _frame(gov, "support", cue.lang):
        # "Les États-Unis ont annoncé des sanctions contre X": the framing verb's subject acts
        subj = syntax.clause_subject(gov)
    if not objs and gov is not None and _frame(gov, "victim", cue.lang) and noun not in syntax.clause_subject(gov):
        # "Le Niger fait face aux attaques de Boko Haram": the framing verb's subject undergoes it
        objs = syntax.clause_subject(gov)
    if not objs and cue.object == "relnoun":
        objs = [p for m in noun.children if lemma(m) in relation_nouns(cue.lang) for p in relation_partners(m, ctx)]
        objs += [p for pr, m in syntax.obliques(noun) if lemma(m) in relation_nouns(cue.lang) for p in relation_partners(m, ctx)]
    if subj and objs:
        yield Candidate(noun, subj, objs, cue, f"{cue.lang}.noun-trigger")
    elif subj and cue.object == "place":
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-trigger-place")
    elif subj and cue.property == "attacks":
        # "les attaques djihadistes dans la région de X": the target is where it happens (see _realise)
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-attack-location")


def _measure_of(noun: Token, lang: str) -> Token | None:
    """The measure noun an event noun is counted by ("paquet de sanctions", "a wave of attacks"), or None."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if head == noun or head.pos_ != "NOUN" or syntax.case_of(noun) not in ("de", "d'", "des", "of"):
        return None
    return head if lemma(head) in frames(lang).get("measure", {}) else None


RULES: dict[str, tuple[Callable[[Token, Cue, Context], Iterator[Candidate]], ...]] = {
    "obj": (rule_verb_object,),
    "prep": (rule_verb_prep,),
    "relnoun": (rule_verb_relnoun,),
    "place": (rule_verb_place,),
    "source": (rule_verb_source,),
    "act": (rule_verb_act_target,),
    "addressee": (rule_verb_addressee,),
    "owner": (rule_verb_owner,),
}


LEAD_ROLES = frozenset({"head_of_state", "head_of_government", "leader"})
PREDICATIVE = frozenset({"être", "devenir", "rester", "désigner", "nommer", "élire", "proclamer", "investir", "be", "become", "remain", "appoint", "name", "elect", "proclaim", "swear"})


def _title_role(tok: Token, gazetteer, lang: str) -> str | None:
    """The role a title noun gives, trying multiword titles around it ("premier ministre", "chef de l'État")."""
    doc = tok.doc
    forms = [tok.text, tok.lemma_]
    if tok.i > 0:
        forms.append(f"{doc[tok.i - 1].text} {tok.text}")
    for j in range(tok.i + 2, min(tok.i + 5, len(doc)) + 1):
        forms.append(doc[tok.i : j].text)
    roles = [gazetteer.title_role(f, lang) for f in forms]
    # the most specific (longest) title wins: "ministre des affaires étrangères" is not "ministre" + nothing
    for _form, role in sorted(zip(forms, roles, strict=True), key=lambda fr: -len(fr[0])):
        if role:
            return role
    return None


def _title_target(title: Token, linked: Linked, person: str) -> str | None:
    """What a title is the title of: "président nigérien", "chef de la junte malienne", "secrétaire général de l'OTAN"."""
    for c in title.children:
        if c.dep_ in ("amod", "poss", "nmod:poss") or (c.dep_ == "compound" and c.pos_ in ("ADJ", "PROPN")):
            key = linked.tok2ent.get(c.i)
            if key and key != person and not key.startswith("person/"):
                return key
    for p, n in syntax.obliques(title):
        if p in ("de", "du", "des", "d'", "of"):
            for key in resolve(n, linked):
                ent = linked.entities.get(key)
                if ent is not None and ent.type in ACTOR_TYPES and ent.type != "Person":
                    return key
    # English "Russian President Vladimir Putin": the demonym modifies the name
    head = title.head if title.dep_ == "compound" else None
    if head is not None:
        for c in head.children:
            key = linked.tok2ent.get(c.i)
            if c.dep_ == "amod" and key and not key.startswith("person/"):
                return key
    return None


def rule_title_leads(doc: Doc, linked: Linked, gazetteer, lang: str) -> Iterator[tuple[str, str, Token, str]]:
    """Titles that tie a person to what they lead:
    "le président russe Vladimir Poutine", "le chef de la junte malienne, Assimi Goïta",
    "Mark Rutte, secrétaire général de l'OTAN", "Goïta a été désigné président de la confédération",
    "le régime de Tiani" ("la junte dirigée par X" is left to the verb rules)."""
    seen: set[int] = set()
    ent_toks = _entity_tokens(doc, linked)  # the rules below only fire on tokens of an entity
    for i in ent_toks:
        key = linked.tok2ent.get(i)
        if key is None or not key.startswith("person/") or i in seen:
            continue
        tok = doc[i]
        name = [t for t in doc[tok.i : tok.i + 6] if linked.tok2ent.get(t.i) == key]
        seen.update(t.i for t in name)
        titles: list[Token] = []
        # a title right before the name, possibly with a demonym: "le président ukrainien Volodymyr Zelensky"
        j = tok.i - 1
        while j >= 0 and j >= tok.i - 4 and doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT") and doc[j].text not in (".", ";"):
            if doc[j].pos_ in ("NOUN", "PROPN") and _title_role(doc[j], gazetteer, lang):
                titles.append(doc[j])
                break
            j -= 1
        # syntactic links: the name in apposition to a title, or a title in apposition to the name
        for t in name:
            if t.dep_ in ("appos", "flat", "flat:name", "nmod", "compound") and t.head.pos_ == "NOUN" and t.head not in titles:
                titles.append(t.head)
            titles += [c for c in t.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
        # predicative: "X a été désigné président de ...", "X est le chef de l'État"
        for t in name:
            if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
                verb = t.head
                if lemma(verb) in PREDICATIVE or any(lemma(c) in PREDICATIVE for c in verb.children if c.dep_ in ("cop", "aux:pass", "auxpass")):
                    titles += [c for c in verb.children if c.dep_ in ("xcomp", "attr", "oprd", "obl:mod") and c.pos_ == "NOUN"]
                    if verb.pos_ == "NOUN":
                        titles.append(verb)
        for title in titles:
            role = _title_role(title, gazetteer, lang)
            if role == "counterpart":  # "son homologue rwandais Paul Kagame": the role the person holds
                role = gazetteer.leader_role(key)
            if role not in LEAD_ROLES:
                continue
            target = _title_target(title, linked, key)
            if not target and gazetteer.leader_role(key) == role:
                # the text names the role but not what is led ("le président congolais Félix Tshisekedi":
                # the demonym is ambiguous), and the leaders table holds this person in this role
                target = gazetteer.leads(key)
            if target:
                yield key, target, title, f"{lang}.title-leads"
    # "le régime de Tiani", "Tiani's junta": generic actor noun with a person complement
    lemmas = doc_lemmas(doc)
    for i in ent_toks:
        if gazetteer.generic_actor(lemmas[i], lang) != "country":
            continue
        country = linked.tok2ent.get(i)
        if not country:
            continue
        tok = doc[i]
        for p, n in syntax.obliques(tok):
            k = linked.tok2ent.get(n.i)
            if k and k.startswith("person/") and p in ("de", "du", "d'", "of"):
                yield k, country, tok, f"{lang}.regime-of"
        for c in tok.children:
            k = linked.tok2ent.get(c.i)
            if c.dep_ in ("poss",) and k and k.startswith("person/"):
                yield k, country, tok, f"{lang}.regime-of"
    # "à la tête du CNSP": a person placed at the head of something
    for i, lem in enumerate(lemmas):
        if lem not in ("tete", "head"):  # folded lemmas: "tête" -> "tete"
            continue
        tok = doc[i]
        if syntax.case_of(tok) not in ("à", "a", "at"):
            continue
        gov = _governing_verb(tok)
        subj = [k for s_ in (syntax.clause_subject(gov) if gov is not None else []) for k in resolve(s_, linked)]
        targets = [k for p, n in syntax.obliques(tok) if p in ("de", "du", "des", "d'", "of") for k in resolve(n, linked)]
        for sk in subj:
            for tk in targets:
                if sk.startswith("person/") and not tk.startswith("person/"):
                    yield sk, tk, tok, f"{lang}.head-of"


def rule_place_context(doc: Doc, linked: Linked, lang: str) -> Iterator[tuple[str, str, str, Token, str]]:
    """What the text says about where a place is:
    "Niamey, la capitale nigérienne" / "Niamey, the Nigerien capital" -> capitalOf;
    "Kayes, dans l'ouest du Mali" / "Diffa, in south-eastern Niger" / "El-Fasher, chef-lieu du Darfour-Nord" -> locatedIn."""
    capital_words = {"capitale", "capital"}
    seen: set[str] = set()
    for tok in (doc[i] for i in _entity_tokens(doc, linked)):
        key = linked.tok2ent.get(tok.i)
        ent = linked.entities.get(key) if key else None
        if ent is None or ent.type not in ("City", "Region", "Place") or key in seen:
            continue
        if tok.i + 1 < len(doc) and linked.tok2ent.get(tok.i + 1) == key:
            continue  # use the last token of a multi-token name
        seen.add(key)
        cands = [c for c in tok.children if c.dep_ in ("appos", "nmod", "obl", "obl:mod", "acl", "prep", "dep")]
        # the parser often hangs the apposition on the name's head instead
        cands += [c for c in tok.head.children if c.dep_ in ("appos", "nmod", "obl:mod") and c.i > tok.i and doc[tok.i + 1].text == ","]
        for c in cands:
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for h in heads:
                if h.i < tok.i or h.i > tok.i + 12:
                    continue
                if any(g.dep_ == "conj" for g in h.children):
                    continue  # a list of places ("à Paris, Londres et Berlin"), not an apposition
                where = [k for p, n in syntax.obliques(h) if p in ("de", "du", "des", "d'", "of") for k in resolve(n, linked)]
                where += [linked.tok2ent[a.i] for a in h.children if a.dep_ in ("amod", "compound") and a.i in linked.tok2ent]
                if linked.tok2ent.get(h.i) and h.pos_ == "PROPN":
                    where.append(linked.tok2ent[h.i])  # "in Niger" directly
                for w in where:
                    went = linked.entities.get(w)
                    if went is None or w == key:
                        continue
                    if lemma(h) in capital_words and went.type == "Country" and ent.type == "City":
                        yield key, "capitalOf", w, h, f"{lang}.place-apposition"
                    elif went.type == "Country" and ent.country and ent.country != w:
                        continue  # the gazetteer places it in another country: a misreading
                    elif went.type in ("Country", "Region") and lemma(h) not in capital_words:
                        case = syntax.case_of(h)
                        if case in ("dans", "à", "a", "au", "en", "in", None) or lemma(h) in linked_place_nouns(lang):
                            yield key, "locatedIn", w, h, f"{lang}.place-apposition"


def linked_place_nouns(lang: str) -> frozenset[str]:
    from kg.data_tables import place_nouns

    return place_nouns(lang) | {"chef-lieu", "ville", "town", "city", "village", "localité", "commune", "région", "region", "province"}


# -- argument resolution --------------------------------------------------------


def resolve(tok: Token, linked: Linked, *, depth: int = 0) -> list[str]:
    """Entity keys a token stands for, with its conjuncts, appositions and colon lists."""
    keys: list[str] = []
    for t in syntax.conjuncts(tok):
        own = linked.tok2ent.get(t.i)
        # a named group or organisation keeps its name ("les Forces de soutien rapide ... du général X");
        # a title or a demonym noun gives way to the person named in apposition
        person = _named_person(t, linked) if own is None or own.startswith(("country/", "person/")) else None
        if person is not None:  # "le président nigérien Mohamed Bazoum", "son homologue russe Sergueï Lavrov"
            if person not in keys:
                keys.append(person)
            continue
        key = linked.tok2ent.get(t.i)
        if key is None and depth == 0:
            speaker = _speaker(t) or _relative_clause_subject(t)
            if speaker is not None:  # "Switzerland said it had expelled ...": "it" is Switzerland
                keys += [k for k in resolve(speaker, linked, depth=depth + 1) if k not in keys]
                continue
        if key is None:
            # a multi-token name whose syntactic head is another token of the name
            for c in t.children:
                if c.dep_ in syntax.NAME_PARTS and linked.tok2ent.get(c.i):
                    key = linked.tok2ent[c.i]
                    break
        if key is not None:
            if key not in keys:
                keys.append(key)
            continue
        if depth > 2:
            continue
        # "deux de ses partenaires : la Russie et la Turquie", "les partenaires occidentaux — la France et ..."
        for c in t.children:
            # "Taiwan's vice foreign minister": the possessor of an actor noun
            possessor = c.dep_ in ("poss", "nmod:poss") and t.pos_ == "NOUN"
            # "fighters from ISWAP", "une délégation en provenance du Mali": where members of a group come from
            provenance = _member_noun(t) and (c.lower_ == "from" or syntax.case_of(c) == "en provenance de")
            if provenance and lemma(t) not in actor_nouns_of(t.doc.lang_):
                # "fighters from ISWAP" are ISWAP's; "fighters from Sudan" are not the Sudanese state
                target = next((g for g in c.children if g.dep_ == "pobj"), c)
                provenance = bool(resolve(target, linked, depth=depth + 1)) and not any(k.startswith("country/") for k in resolve(target, linked, depth=depth + 1))
                if not provenance:
                    continue
            if possessor or provenance or c.dep_ in ("appos", "nmod", "dep", "conj", "obj", "parataxis") or (c.dep_ == "prep" and c.lower_ in ("of", "de")):
                if c.dep_ == "nmod" and syntax.case_of(c) not in (None, "de", "du", "des", "d'", "notamment", "comme") and not provenance:
                    continue
                target = c
                if c.dep_ == "prep":
                    target = next((g for g in c.children if g.dep_ == "pobj"), c)
                keys += [k for k in resolve(target, linked, depth=depth + 1) if k not in keys]
        # demonym adjectives on the noun ("les partenaires russes et turcs")
        for c in t.children:
            if c.dep_ == "amod":
                for a in syntax.conjuncts(c):
                    k = linked.tok2ent.get(a.i)
                    if k and k not in keys:
                        keys.append(k)
    if not keys and depth == 0:
        keys = _colon_list(tok, linked)
    return keys


SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "il", "elle", "ils", "elles"})


RELATIVE_PRONOUNS = frozenset({"which", "that", "que", "qu'", "qu’"})


def _relative_clause_subject(pron: Token) -> Token | None:
    """The subject of the clause a relative clause hangs in, for a subject pronoun of that relative clause:
    "The United States will resume the aid, which it had paused" -> the United States."""
    if pron.pos_ != "PRON" or pron.lower_ not in SUBJECT_PRONOUNS or pron.dep_ not in syntax.SUBJ:
        return None
    verb = pron.head
    if verb.dep_ not in ("relcl", "acl:relcl"):
        return None
    gov = _governing_verb(verb.head)
    subj = syntax.clause_subject(gov) if gov is not None else []
    return subj[0] if subj and subj[0].pos_ != "PRON" else None


def _speaker(pron: Token) -> Token | None:
    """The subject of the speech verb whose complement clause a subject pronoun opens:
    "Switzerland said it had expelled", "Le Niger a annoncé qu'il quittait" -> Switzerland, Niger."""
    if pron.pos_ != "PRON" or pron.lower_ not in SUBJECT_PRONOUNS or pron.dep_ not in syntax.SUBJ | syntax.PASS_SUBJ:
        return None
    clause = pron.head
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:  # "said it would leave", "said it had met ... and signed"
        clause = clause.head
    that = any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’", "that") for c in clause.children)
    if clause.dep_ != "ccomp" and not (clause.dep_ == "advcl" and that):  # "a annoncé mardi qu'elle ..." misparsed
        return None
    speech = clause.head
    if lemma(speech) not in modality_words(pron.doc.lang_).get("report_verb", ()):
        return None
    subj = syntax.subjects(speech)
    return subj[0] if subj and subj[0].pos_ != "PRON" else None


@functools.lru_cache(maxsize=4)
def _member_nouns(lang: str) -> frozenset[str]:
    """Nouns naming members of a group (actor nouns and non-state collectives: "delegation", "fighters")."""
    from kg.data_tables import actor_nouns

    return actor_nouns(lang) | frozenset(fold(r["lemma"]) for r in rows("collective_nouns.tsv") if r["lang"] == lang)


@functools.lru_cache(maxsize=4)
def actor_nouns_of(lang: str) -> frozenset[str]:
    from kg.data_tables import actor_nouns

    return actor_nouns(lang)


def _member_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and lemma(tok) in _member_nouns(tok.doc.lang_)


def _named_person(noun: Token, linked: Linked) -> str | None:
    """The person named in apposition to a common noun ("le président X", "his counterpart X")."""
    if noun.pos_ != "NOUN":
        return None
    for c in noun.children:
        if c.dep_ in ("appos", "flat", "flat:name", "nmod", "compound") and syntax.case_of(c) is None:
            key = linked.tok2ent.get(c.i)
            if key and key.startswith("person/"):
                return key
    # ClearNLP: "President Vladimir Putin" has the noun as a compound of the name
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        key = linked.tok2ent.get(noun.head.i)
        if key and key.startswith("person/"):
            return key
    # parser slip: the name right after its title hangs elsewhere ("dirigé par le général Assimi Goïta")
    nxt = noun.i + 1
    if nxt < len(noun.doc) and noun.i not in linked.tok2ent and noun.doc[nxt].pos_ == "PROPN" and noun.doc[nxt].head != noun.doc[nxt]:
        key = linked.tok2ent.get(nxt)
        if key and key.startswith("person/"):
            return key
    return None


def _colon_list(tok: Token, linked: Linked) -> list[str]:
    """Entities listed after a colon that closes the phrase of `tok` ("avec deux partenaires : X et Y")."""
    sent = tok.sent
    right = max(t.i for t in tok.subtree)
    for j in range(right + 1, min(right + 4, sent.end)):
        t = tok.doc[j]
        if t.text in (":", "—", "–", "-"):
            keys: list[str] = []
            for k in range(j + 1, sent.end):
                u = tok.doc[k]
                if u.is_punct and u.text in (".", ";", "!", "?"):
                    break
                key = linked.tok2ent.get(u.i)
                if key and key not in keys:
                    keys.append(key)
            return keys
        if not (t.is_punct or t.pos_ in ("ADJ", "ADV")):
            break
    return []


# -- modality and qualifiers ----------------------------------------------------


@dataclass(frozen=True)
class Modality:
    value: str
    source: Token | None = None
    source_text: str | None = None


TEMPORAL = frozenset({"après", "avant", "depuis", "lors de", "pendant", "durant", "after", "before", "since", "during", "following"})


def _governors(tok: Token) -> Iterator[Token]:
    """The trigger, then the heads up the clause chain, stopping at the edge of a relative clause or a
    temporal adjunct (what happened "after a meeting" or "which it had paused" does not inherit the
    main clause's "will" or "could")."""
    t = tok
    seen = 0
    while seen < 8:
        yield t
        if t.head == t or t.dep_ in ("relcl", "acl:relcl"):
            return
        if t.dep_ == "acl" and t.head.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return  # a participle on the subject ("le gouvernement, dirigé par X, a rejeté ...") is its own clause
        if t != tok and t.pos_ in ("NOUN", "PROPN") and syntax.case_of(t) in TEMPORAL:
            return
        if t == tok and t.pos_ in ("NOUN", "PROPN") and syntax.case_of(t) in TEMPORAL:
            return
        t = t.head
        seen += 1


def modality(trigger: Token, cand_objs: list[Token], lang: str) -> Modality:
    words = modality_words(lang)
    sent = trigger.sent
    # negation: on the trigger, on a governing verb, "aucun" on the object, or a denial verb above
    full_chain = list(_governors(trigger))
    # what happened "before Niger withdrew" is not negated or hedged by the main clause ("were not
    # consulted before ..."); a reporting verb above it still reports it
    chain = full_chain
    for k, t in enumerate(full_chain):
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and lemma(c) in TEMPORAL for c in t.children):
            chain = full_chain[: k + 1]
            break
    for t in chain:
        if t.pos_ in ("VERB", "AUX", "NOUN") and syntax.is_negated(t):
            return Modality("Negated")
        if t != trigger and lemma(t) in words.get("deny_verb", ()):
            return Modality("Negated")
        if t.dep_ in ("ROOT",):
            break
    for o in cand_objs + [trigger]:
        for c in o.children:
            if c.dep_ in ("det", "neg") and lemma(c) in words.get("neg_det", ()):
                return Modality("Negated")
    # hedges: conditional mood, modal verbs / auxiliaries, conditional clauses, hedge nouns, questions
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
    if sent.text.rstrip().endswith("?"):
        return Modality("Hedged")
    # reported: "selon X", "d'après X", "according to X", or the complement clause of a speech verb
    prev: Token | None = None
    for t in full_chain:
        for prep, n in syntax.obliques(t):
            if prep in words.get("report_prep", ()) or (prep == "to" and n.head.head.lower_ == "according"):
                return Modality("Reported", n, _phrase(n))
        for c in t.children:
            if c.lower_ == "according" or lemma(c) in words.get("report_prep", ()):
                n = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                return Modality("Reported", n, _phrase(n) if n is not None else None)
        if t != trigger and lemma(t) in words.get("report_verb", ()) and prev is not None and prev.dep_ in ("ccomp", "xcomp", "parataxis", "advcl", "csubj"):
            subj = syntax.subjects(t)
            return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
        prev = t
        if t.dep_ == "ROOT":
            break
    # a speech verb whose subject follows ("..., a déclaré le ministre")
    for t in sent:
        if lemma(t) in words.get("report_verb", ()) and t.dep_ in ("parataxis", "ROOT") and t != trigger:
            if t.dep_ == "parataxis" or (t.i > trigger.i and any(c.is_punct and c.text in (",", "«", "»", '"', "“", "”") for c in sent[: t.i - sent.start])):
                subj = syntax.subjects(t)
                return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
    return Modality("Asserted")


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


def domain_of(trigger: Token, objs: list[Token], lang: str) -> str | None:
    """Domain words on the trigger's phrase or its relation noun: "coopération en matière de renseignement".

    Sources ("selon des sources sécuritaires"), subjects and other clauses are not searched.
    """
    words = domain_words(lang)
    reporting = modality_words(lang).get("report_prep", frozenset())
    skip = {o.i for o in objs}
    pool: list[Token] = []
    for head in [trigger] + [o.head for o in objs if o.head != trigger]:
        for c in head.children:
            if c.dep_ in syntax.SUBJ or c.dep_ in ("punct", "advcl", "ccomp", "parataxis", "acl:relcl", "relcl", "conj", "cc"):
                continue
            if syntax.case_of(c) in reporting or c.lower_ == "according":
                continue
            pool.extend(x for x in c.subtree if x.i not in skip)
    for t in sorted(pool, key=lambda t: abs(t.i - trigger.i)):
        d = words.get(lemma(t)) or words.get(fold(t.text))
        if d:
            return d
    return None


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


_ABSOLUTE_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2}) (?P<m1>[^\W\d_]+)|(?P<m2>[^\W\d_]+) (?P<d2>\d{1,2}),?|(?P<m3>[^\W\d_]+))? ?(?P<y>1[89]\d\d|20\d\d)"
)


def _absolute_date(text: str, lang: str) -> datetime | None:
    """The plain absolute dates ("26 juillet 2023", "July 26, 2023", "juillet 2023", "2023") read
    directly, as dateparser reads them; None for anything else (relative dates, weekdays, ranges)."""
    m = _ABSOLUTE_DATE.fullmatch(text)
    if m is None:
        return None
    name = m["m1"] or m["m2"] or m["m3"]
    month = _MONTH_NUMBERS["fr" if lang == "fr" else "en"].get(name.lower()) if name else None
    if name and month is None:
        return None
    if m["m2"] and lang == "fr":
        return None  # "juillet 26 2023" is not French
    day = int(m["d1"] or m["d2"] or 1)
    try:
        return datetime(int(m["y"]), month or 1, day)
    except ValueError:
        return None  # "31 février 2023": dateparser decides


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str, lang: str, base: Date | None) -> datetime | None:
    """dateparser's reading of a date phrase against the article date (memoised: dateparser takes
    about 5 ms a call, and an article repeats its few date phrases). Plain absolute dates and
    weekdays alone, most of those met in news, are read directly (`_absolute_date`); the tests
    check that both readings agree."""
    found = _absolute_date(text, lang)
    if found is not None:
        return found
    weekday = _WEEKDAY_NUMBERS["fr" if lang == "fr" else "en"].get(text.lower())
    if weekday is not None and base is not None:
        # a weekday alone is the last such day before the article's date; "hier" the day before
        back = 1 if weekday < 0 else (base.weekday() - weekday - 1) % 7 + 1
        return datetime(base.year, base.month, base.day) - timedelta(days=back)
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return dateparser.parse(text, languages=[lang], settings=settings)  # type: ignore[arg-type]


def date_of(trigger: Token, lang: str, article_date: str | None) -> str | None:
    """A date attached to the trigger's phrase ("en juillet 2023", "le 26 juillet 2023", "mardi")."""
    months = _months(lang)
    weekdays = _weekdays(lang)

    def datelike(t: Token) -> bool:
        return lemma(t) in months or lemma(t) in weekdays or bool(_YEAR.fullmatch(t.text))

    if trigger.pos_ in ("NOUN", "PROPN"):
        inner = {x.i for c in trigger.subtree if c != trigger and (c.dep_ in ("acl:relcl", "relcl") or (c.dep_ == "acl" and c.pos_ == "VERB")) for x in c.subtree}
        toks = [t for t in trigger.subtree if t.i not in inner]
    else:
        # only date phrases attached to the verb itself, not dates inside other clauses or events
        toks = [trigger]
        for c in trigger.children:
            heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
            for h in heads:
                if datelike(h) or any(datelike(x) for x in h.children if x.dep_ in ("nmod", "nummod", "compound", "flat", "amod")):
                    toks.extend(h.subtree)
    parts = [t for t in toks if lemma(t) in months or _YEAR.fullmatch(t.text) or lemma(t) in weekdays or (t.text.isdigit() and len(t.text) <= 2)]
    if not parts:
        return None
    has_month = any(lemma(t) in months for t in parts)
    has_year = any(_YEAR.fullmatch(t.text) for t in parts)
    has_weekday = any(lemma(t) in weekdays for t in parts)
    if not (has_year or has_weekday or has_month):
        return None
    span = trigger.doc[min(t.i for t in parts) : max(t.i for t in parts) + 1]
    base = None
    if article_date:
        try:
            base = Date.fromisoformat(article_date[:10])
        except ValueError:
            base = None
    if has_weekday and not has_year and not has_month:
        if base is None:
            return None
    if has_month and not has_year and base is None:
        return None
    parsed = _parse_date(span.text, lang, base)
    if parsed is None:
        if has_year:
            return _YEAR.search(span.text).group(1)  # type: ignore[union-attr]
        return None
    day_given = has_weekday or any(t.text.isdigit() and len(t.text) <= 2 for t in parts)
    if day_given:
        return parsed.date().isoformat()
    if has_month:
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return f"{parsed.year:04d}"


# month names (folded forms too) -> month number
_MONTH_NUMBERS = {
    "fr": {
        **dict(zip("janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), range(1, 13), strict=True)),
        "fevrier": 2, "aout": 8, "decembre": 12,
    },
    "en": dict(zip("january february march april may june july august september october november december".split(), range(1, 13), strict=True)),
}  # fmt: skip


@functools.lru_cache(maxsize=4)
def _months(lang: str) -> frozenset[str]:
    return frozenset(_MONTH_NUMBERS["fr" if lang == "fr" else "en"])


# weekday names -> Monday = 0 ... Sunday = 6; "hier", "yesterday" -> -1
_WEEKDAY_NUMBERS = {
    "fr": {**dict(zip("lundi mardi mercredi jeudi vendredi samedi dimanche".split(), range(7), strict=True)), "hier": -1},
    "en": {**dict(zip("monday tuesday wednesday thursday friday saturday sunday".split(), range(7), strict=True)), "yesterday": -1},
}


@functools.lru_cache(maxsize=4)
def _weekdays(lang: str) -> frozenset[str]:
    return frozenset(_WEEKDAY_NUMBERS["fr" if lang == "fr" else "en"])


def location_of(trigger: Token, args: set[int], linked: Linked) -> str | None:
    """A place attached to the trigger: "dans la région de Tillabéri", "in Goma"."""
    for prep, n in syntax.obliques(trigger):
        case = [c for c in n.children if c.dep_ == "case"]
        if prep in ("de", "d'") and case and case[0].i > 0 and n.doc[case[0].i - 1].lower_ == "près":
            prep = "près de"  # UD: "près" as an adverb, "de" as the case of the place
        if prep not in ("dans", "à", "a", "en", "au", "aux", "in", "at", "near", "près de", "sur"):
            continue
        for cand in [n] + [m for p, m in syntax.obliques(n) if p in ("de", "d'", "of", "du")]:
            for c in syntax.conjuncts(cand):
                if c.i in args:
                    continue
                key = linked.tok2ent.get(c.i)
                ent = linked.entities.get(key) if key else None
                if ent is not None and ent.type in PLACE_TYPES:
                    return key
    return None


# -- driver ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _cue_lemmas(lang: str) -> frozenset[str]:
    """Every lemma that is a cue of some rule (verb or noun) in `lang`."""
    return frozenset(lem for _pos, lem in cues(lang))


def relate(doc: Doc, linked: Linked, gazetteer, *, lang: str, article_date: str | None = None) -> list[Relation]:
    """All relations of one parsed, linked article."""
    table = cues(lang)
    _LAST_DOC[0] = None  # lemmas are read again for every call (see doc_lemmas)
    out: dict[tuple, Relation] = {}
    ctx = Context(linked, lang, _antecedents(doc, linked, lang))
    # verbs first: a relation noun a verb rule used ("rompt sa coopération avec") is not a trigger of its own
    consumed: set[int] = set()
    # only tokens whose lemma is a cue can fire a rule: select them in one pass over the Doc
    cue_lemmas = _cue_lemmas(lang)
    order = sorted(
        (doc[i] for i, lem in enumerate(doc_lemmas(doc)) if lem in cue_lemmas),
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
        for cue in table.get((pos, lemma(tok)), ()):
            if pos == "verb":
                if cue.with_ and _with_ok(tok, cue) is None:
                    continue
                rules = RULES[cue.object]
            else:
                rules = (rule_noun_trigger,)
            for rule in rules:
                for cand in rule(tok, cue, ctx):
                    fired = fired or "relnoun" in cand.rule
                    for rel in _realise(cand, doc, linked, lang, article_date, gazetteer):
                        out.setdefault((rel.subject, rel.predicate, rel.object, rel.start, rel.modality), rel)
        if fired:
            nouns = relation_nouns(lang)
            consumed.update(t.i for t in tok.subtree if lemma(t) in nouns and _governing_verb(t) == tok)
    for place, prop_name, where, tok, rule_id in rule_place_context(doc, linked, lang):
        sent = tok.sent
        rel = Relation(place, prop_name, where, "Asserted", _evidence(sent), sent.start_char, sent.end_char, rule_id, 0.7, trigger=tok.text)
        out.setdefault((place, prop_name, where, rel.start, rel.modality), rel)
    for person, target, tok, rule_id in rule_title_leads(doc, linked, gazetteer, lang):
        sent = tok.sent
        if target not in linked.entities and gazetteer.get(target) is not None and rule_id.endswith("title-leads"):
            # what the leaders table says the titled person leads, unnamed in the text
            linked.entities[target] = gazetteer.get(target)
            linked.how.setdefault(target, "leaders-table")
        if target not in linked.entities or not _typed_ok(person, target, "leads", linked):
            continue
        rel = Relation(person, "leads", target, "Asserted", _evidence(sent), sent.start_char, sent.end_char, rule_id, 0.8, trigger=tok.text)
        out.setdefault((person, "leads", target, rel.start, rel.modality), rel)
    return sorted(out.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.rule))


def _antecedents(doc: Doc, linked: Linked, lang: str) -> list[tuple[int, list[str]]]:
    """Relation nouns with an explicit partner ("alliances avec Moscou et Ankara"), in order."""
    nouns = relation_nouns(lang)
    out = []
    for tok in (doc[i] for i, lem in enumerate(doc_lemmas(doc)) if lem in nouns):
        keys = [k for p, n in syntax.obliques(tok) if p in ("avec", "with", "entre", "between") for k in resolve(n, linked)]
        if keys:
            out.append((tok.i, keys))
    return out


def _evidence(sent: Span) -> str:
    return sent.text.strip()


def _realise(cand: Candidate, doc: Doc, linked: Linked, lang: str, article_date: str | None, gazetteer) -> Iterator[Relation]:
    cue = cand.cue
    prop = RELATIONS[cue.property]
    subj_keys = cand.subject_keys or [k for s in cand.subjects for k in resolve(s, linked)]
    obj_keys = cand.object_keys or [k for o in cand.objects for k in resolve(o, linked)]
    location = location_of(cand.trigger, {t.i for t in cand.objects + cand.subjects}, linked)
    if not obj_keys and cue.object == "place" and location is None and cue.property == "seizesPowerIn":
        obj_keys = [linked.focal] if linked.focal else []
    where = location
    event_noun = cue.pos == "noun" or bool(cue.with_)  # "une attaque", "a mené une attaque"
    if cue.property == "attacks" and event_noun:
        # "une attaque contre une garnison près de Diffa": a town or region named with the target is
        # where the attack happens; the country it is in is the target (below). A town struck directly
        # ("a frappé le port de Hodeïda") may be held by someone else than its state: no inference.
        hit = [k for k in obj_keys if k in linked.entities and linked.entities[k].type in PLACE_TYPES - {"Country"}]
        obj_keys = [k for k in obj_keys if k not in hit]
        where = where or (hit[0] if hit and not obj_keys else None)
    if not obj_keys and cue.property == "attacks" and event_noun and where is None:
        # "an attack by Boko Haram on a garrison near Diffa", "In Niger, troops repelled an attack by ..."
        args = {t.i for t in cand.objects + cand.subjects}
        gov = _governing_verb(cand.trigger)
        for head in [*cand.objects, *([gov] if gov is not None else [])]:
            where = location_of(head, args, linked)
            if where is not None:
                break
    if not obj_keys and cue.property == "attacks" and event_noun and where is not None:
        # "les attaques djihadistes dans la région de Tillabéri": the country where it happens is hit
        country = gazetteer.country_of(where)
        obj_keys = [country] if country else []
        if country and country not in linked.entities and gazetteer.get(country) is not None:
            linked.entities[country] = gazetteer.get(country)
    if cue.property == "meetsWith" and cue.object == "place":
        # "arrived in Amman on a visit": a visit to a capital is a visit to its country
        obj_keys = [_capital_country(k, linked, gazetteer) for k in obj_keys]
    if not subj_keys or not obj_keys:
        return
    if cue.property == "leads" and len(subj_keys) == 1 and subj_keys[0].startswith("person/"):
        # "le régime militaire dirigé par le général X": a generic noun led by a known leader is his country
        own = _leader_country(subj_keys[0], linked, gazetteer)
        generic = {o.i for o in cand.objects if gazetteer.generic_actor(lemma(o), lang) is not None}
        if own and generic and own in gazetteer.entities:
            obj_keys = [own]
            linked.entities.setdefault(own, gazetteer.get(own))
    pairs = []
    for s in subj_keys:
        for o in obj_keys:
            s2, o2 = _state_level(s, linked, cue.property, gazetteer), _state_level(o, linked, cue.property, gazetteer)
            if _typed_ok(s2, o2, prop.name, linked) and s2 != o2:
                pairs.append((s2, o2))
    if not pairs:
        return  # modality, domain and date are read only for a candidate that gives a relation
    mod = modality(cand.trigger, cand.objects, lang)
    domain = domain_of(cand.trigger, cand.objects, lang) if prop.family != "structural" else None
    when = date_of(cand.trigger, lang, article_date)
    source_key = resolve(mod.source, linked)[0] if mod.source is not None and resolve(mod.source, linked) else None
    sent = cand.trigger.sent
    for s2, o2 in pairs:
        conf = cue.conf * (0.9 if len(subj_keys) * len(obj_keys) > 2 else 1.0)
        yield Relation(
            subject=s2,
            predicate=prop.name,
            object=o2,
            modality=mod.value,
            evidence=_evidence(sent),
            start=sent.start_char,
            end=sent.end_char,
            rule=cand.rule,
            confidence=round(conf, 2),
            domain=domain,
            date=when,
            location=location if location not in (s2, o2) else None,
            attributed_to=source_key,
            attributed_text=mod.source_text,
            trigger=cand.trigger.text,
        )


def _capital_country(key: str, linked: Linked, gazetteer) -> str:
    """The country of a capital city (added to the article's entities), else the key itself."""
    ent = linked.entities.get(key) or gazetteer.get(key)
    country = ent.capital_of if ent is not None and ent.type == "City" else None
    if not country or gazetteer.get(country) is None:
        return key
    linked.entities.setdefault(country, gazetteer.get(country))
    return country


def _leader_country(person: str, linked: Linked, gazetteer) -> str | None:
    """The country a person leads, from the article (titles) or the gazetteer."""
    if person in linked.leaders:
        return linked.leaders[person]
    ent = gazetteer.get(person)
    return ent.country if ent is not None and ent.type == "Person" else None


def _state_level(key: str, linked: Linked, prop: str, gazetteer) -> str:
    """A head of state acting in an interstate relation acts for the state."""
    role = gazetteer.leader_role(key) if gazetteer.get(key) is not None else "head_of_state"
    if prop in STATE_LEVEL and key in linked.leaders and role in HEAD_ROLES:
        country = linked.leaders[key]
        if country not in linked.entities and gazetteer.get(country) is not None:
            linked.entities[country] = gazetteer.get(country)
        return country
    return key


def _typed_ok(s: str, o: str, prop: str, linked: Linked) -> bool:
    st = linked.entities[s].type if s in linked.entities else None
    ot = linked.entities[o].type if o in linked.entities else None
    if st is None or ot is None:
        return False
    term = RELATIONS[prop]
    if term.domain == "Person" and st != "Person":
        return False
    if term.domain in ("Actor",) and st not in ACTOR_TYPES:
        return False
    if term.range == "Actor" and ot not in ACTOR_TYPES:
        return False
    if term.range == "Country" and ot != "Country":
        return False
    if term.range == "Place" and ot not in PLACE_TYPES:
        return False
    if term.range == "Organization" and ot not in ("Organization", "InternationalOrganization", "ArmedGroup", "Government", "ArmedForces"):
        return False
    if term.range == "Person" and ot != "Person":
        return False
    return True
