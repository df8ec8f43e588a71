"""The relation rules, and the one registry that says what fires each of them (`RULES`).

The rule contract: every rule is a generator `rule(tok, cue, ctx) -> Iterator[Candidate]` over one
trigger token, covering one construction; it reads the article through `ctx` and changes nothing.
What fires a rule is the key it is registered under:

* `"verb:<object>"`: a verb whose lemma is a verb cue of `kg/data/cues/relations.tsv` with that
  `object` column (the cue is passed);
* `"noun"`: a noun whose lemma is a noun cue (the cue is passed);
* `"entity"`: each token of a linked entity, in text order;
* `"word:<kind>"`: each token whose folded lemma is a word of that kind in `kg/data/words.tsv`.

Rules that fire on entities or words state facts the text gives outright (a title, an apposition):
they receive the language's fact cue (`FACT`) and yield `fact(...)` candidates, asserted and
unqualified. Adding a rule = one function here + one line in `RULES`; a new verb `object` kind is
then usable in relations.tsv. The order of `RULES` is the order in which rules fire on a token;
the first relation found wins a tie (same subject, property, object, sentence and modality).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from spacy.tokens import Token

from kg import syntax
from kg.data_tables import DataError, calendar
from kg.gazetteer import LEADER_ROLES
from kg.iri import fold
from kg.link.titles import leader_of, title_role_around
from kg.relate.arguments import (
    act_doers,
    antecedent_partners,
    attributed_doers,
    detached_patient,
    event_agents,
    event_antecedent,
    linear_partner,
    list_continuation,
    misread_relative,
    names_actor,
    passive_act_property,
    person_country,
    plural_anaphor,
    reaction_antecedent,
    relation_partners,
    resolve,
    verb_subjects,
)
from kg.relate.context import Candidate, Context
from kg.relate.lexicon import RELNOUN_KINDS, Cue, frame, lemma, lexicon
from kg.relate.qualifiers import PLACE_TYPES
from kg.vocab import RELATIONS

Rule = Callable[[Token, Cue, Context], Iterator[Candidate]]

ACTOR_TYPES = frozenset({"Country", "Person", "Organization", "InternationalOrganization", "ArmedGroup", "Government", "ArmedForces"})

# properties whose object may be an act, standing for the act's agent ("ont condamné ce revirement")
EVENT_OBJECT = frozenset({"criticizes", "rejects"})

# the `object` column of a noun cue: what its complement is (rule noun_trigger reads it)
NOUN_OBJECTS = ("prep", "place", "patient", "relnoun", "none", "holder", "clause")


def fact_cue(lang: str) -> Cue:
    """The cue given to rules that fire on entities or words: no property of its own (see `fact`)."""
    return Cue(lang, "fact", "", (), "", "fact", (), 0.0)


def fact(trigger: Token, cue: Cue, subject: str, prop: str, obj: str, conf: float, rule: str) -> Candidate:
    """A fact the text states outright: `subject prop obj`, asserted, with no qualifiers."""
    return Candidate(trigger, [], [], replace(cue, property=prop, conf=conf), rule, subject_keys=[subject], object_keys=[obj])


# -- verb rules ------------------------------------------------------------------------------------


def with_ok(verb: Token, cue: Cue) -> Token | None:
    """For fixed expressions, the token carrying the required word ("fin" of "mettre fin"); else the verb."""
    if not cue.with_:
        return verb
    for c in verb.children:
        if lemma(c) in cue.with_ and c.dep_ in syntax.OBJ | {"compound:prt", "prt", "obl", "obl:arg", "obl:mod", "nmod", "dobj"}:
            return c
        if lemma(c) in cue.with_ and c.dep_.startswith("expl"):  # a reflexive clitic: "se rendre à", "se rapprocher de"
            return c
        if lemma(c) in cue.with_ and c.dep_ == "xcomp" and c.pos_ == "NOUN":  # parser slip: "a pris le pouvoir" as xcomp
            return c
        if c.dep_ == "prep" and any(lemma(g) in cue.with_ for g in c.children):
            return c
    # round 6: conflict. through a counting noun: "a lancé des dizaines de drones", "fired dozens of missiles"
    measure = lexicon(cue.lang).frames.get("measure", {})
    for c in verb.children:
        # round 8: or an amount ("a gelé 7 milliards de dollars d'avoirs", "froze $7 billion of assets")
        if c.dep_ in syntax.OBJ and (lemma(c) in measure or c.pos_ == "NUM" or any(n.dep_ == "nummod" for n in c.children)):
            for g in [c, *(x for p in c.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj")]:
                found = next((n for n in g.children if n.dep_ == "nmod" and lemma(n) in cue.with_), None)
                if g is not c and lemma(g) in cue.with_:
                    return g  # "dozens of drones": the noun under "of"
                if found is not None:
                    return found  # "des dizaines de drones"
    return None


def verb_object(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with a direct object: "Le Mali expulse l'ambassadeur"; passive: "a été expulsé par"."""
    if cue.property == "withdrawsFrom" and _ordered_to_leave(verb, ctx):
        return
    subj, passive = verb_subjects(verb, ctx)
    if cue.property == "attacks" and lemma(verb) in ctx.words.target_verb:
        # round 9: what targets is an act noun whose own relation holds: "visés par des sanctions de la Cédéao",
        # "Iran is targeted by US sanctions", "les sanctions visent le Mali" sanction, they do not attack
        acts = syntax.agents(verb) if passive else syntax.subjects(verb)
        other = {c.property for a in acts if a.pos_ == "NOUN" for c in ctx.lexicon.cues.get(("noun", lemma(a)), ())} - {"attacks"}
        if len(other) == 1:
            cue = replace(cue, property=other.pop())
    if passive and not subj and _each_other(verb, ctx):
        subj, passive = syntax.subjects(verb) + syntax.passive_subjects(verb), False  # "se sont mutuellement accusés": reflexive
    if subj and not passive and _each_other(verb, ctx):
        # "India and Pakistan expelled each other's diplomats", "se sont mutuellement accusés"
        yield from _reciprocal(verb, subj, replace(cue, property=cue.property), ctx, "verb-each-other")
        return
    if passive and cue.property == "attacks" and (act := passive_act_property(verb, ctx)) is not None:
        cue = replace(cue, property=act)  # round 9: "visée par des sanctions de l'UE", "hit by US sanctions"
    if passive:
        objs = syntax.passive_subjects(verb) or detached_patient(verb, ctx) or ([verb.head] if verb.dep_ in ("acl",) else [])
        up = verb
        while not objs and up.dep_ == "conj" and up.head != up:  # "ont été déclarés persona non grata et expulsés par"
            up = up.head
            while up.pos_ not in ("VERB", "AUX") and up.head != up:
                up = up.head
            objs = syntax.passive_subjects(up)
    else:
        objs = [o for o in syntax.objects(verb) if lemma(o) not in cue.with_]
        if not objs:
            # parser slip: a bare name after the verb read as a predicate ("ont attaqué Israël")
            objs = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "PROPN" and c.i > verb.i and c.i in ctx.linked.tok2ent]
        if not objs and (antecedent := misread_relative(verb, ctx)) is not None:
            objs = [antecedent]  # "a rompu avec l'Iran, qu'il accuse de ...": a relative read as a complement clause
        if not objs:
            # parser slip: the object hung on the day before it ("a accusé mercredi les garde-côtes chinois")
            objs = [g for d in verb.children if d.dep_ == "obl:mod" and d.pos_ == "NOUN" and d.i > verb.i for g in d.children if g.dep_ == "nmod" and not any(k.dep_ == "case" for k in g.children)]
    if not passive and cue.property == "attacks":
        # round 8: attacks. "struck what it called terrorist sites in Pakistan", "a frappé ce qu'il a qualifié de positions du Hezbollah"
        objs = [n for o in objs for n in (syntax.named_thing(o, ctx.words.naming_verb) or [o])]
        objs += [n for c in verb.children if c.dep_ == "ccomp" and not objs for n in syntax.named_thing(c, ctx.words.naming_verb)]
    objs = _seized_ground(verb, objs, ctx)
    if cue.property == "sanctions" and not passive:
        # round 8: a relation suspended is an end of cooperation, not a sanction on its partner ("suspended EU
        # accession talks", "a suspendu sa participation")
        objs = [o for o in objs if lemma(o) not in ctx.lexicon.relation_nouns]
    if cue.property in EVENT_OBJECT and not passive and subj:
        # "ont condamné une violation par Pyongyang des résolutions": the act's agent, not its patient
        for o in list(objs):
            agents = event_agents(o, ctx)
            if agents:
                objs.remove(o)
                yield Candidate(verb, subj, [o], cue, f"{cue.lang}.verb-event-object", object_keys=agents)
    if cue.property == "meetsWith" and (any(c.dep_ == "oprd" for c in verb.children) or syntax.named_thing(verb, ctx.words.naming_verb)):
        return  # naming, not a phone call: "called Lai a 'parasite'", "what the military called Hamas positions"
    if cue.property == "meetsWith" and passive and verb.dep_ == "acl" and objs == [verb.head] and any(fold(lemma(a)) in ctx.words.gathering_noun for a in verb.head.ancestors):
        return  # round 10: the venue of a gathering hosted by X ("a ceremony at the State Department hosted by X"): rule hosted_gathering
    if cue.property == "meetsWith":
        # one meets or receives an actor named as such ("reçoit son homologue turc"), not the owner of a
        # thing received ("a reçu des armes de la Russie")
        # round 10: or the parties a plural pronoun stands for ("Z, qui les avait reçus", "after Z hosted them")
        objs = [o for o in objs if names_actor(o, ctx) or (o.lower_ in ctx.words.plural_object_pronoun and resolve(o, ctx))]
    if subj and objs and not passive and cue.property in COAGENT_PROPERTIES:
        subj = subj + _coagents(verb, ctx)
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-{'passive' if passive else 'obj'}")
    elif subj and not passive and not syntax.objects(verb) and _reciprocal_verb(verb, ctx):
        # "l'Inde et la Chine se sont affrontées", "Xi et Biden se sont rencontrés": each on the other
        yield from _reciprocal(verb, subj, cue, ctx, "verb-reciprocal")


def _seized_ground(verb: Token, objs: list[Token], ctx: Context) -> list[Token]:
    """round 8: attacks. What a verb of taking by force (words `seize_verb`) takes is an attack's target only
    when it is ground: a target noun ("s'est emparé d'une base de l'armée malienne", "seized a Ukrainian army
    base") or a place; a thing taken ("seized Russian assets", "s'emparer du pouvoir") is none."""
    if lemma(verb) not in ctx.words.seize_verb:
        return objs
    tok2ent = ctx.linked.tok2ent

    def place(t: Token) -> bool:
        key = tok2ent.get(t.i, "")
        return (e := ctx.entities.get(key) or ctx.gazetteer.get(key)) is not None and e.type in PLACE_TYPES

    def named_town(t: Token) -> bool:
        # "the town of Bulo Burde": a town named after its kind is ground whatever the linker took its name for
        return lemma(t) in _place_nouns(ctx) and any(n.i in tok2ent and not place(n) for p, n in syntax.obliques(t) if p in ctx.words.genitive)

    return [o for o in objs if (lemma(o) in ctx.words.target_noun and not named_town(o)) or place(o)]


# round 5: meetings. acts that co-agents named in an adverbial do too ("a quitté la Cédéao aux côtés du Mali")
COAGENT_PROPERTIES = frozenset({"withdrawsFrom", "endsCooperationWith"})


def _coagents(verb: Token, ctx: Context) -> list[Token]:
    """Who does the act along with the subject: "aux côtés du Mali et du Niger", "alongside Mali" (words
    `coagent`: the French noun after "aux", the English preposition)."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ctx.words.coagent:
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("obl", "obl:mod", "obl:arg") and fold(lemma(c)) in ctx.words.coagent and syntax.case_of(c) in ("aux", "à", "au"):
            out += [n for p, n in syntax.obliques(c) if p in ctx.words.genitive]
    return out


def verb_prep(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with its partner in an oblique: "rompt avec Ankara", "cooperates with Russia"."""
    subj, passive = verb_subjects(verb, ctx)
    anchor = with_ok(verb, cue)
    objs = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor is not None and anchor != verb:
        objs += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
        if not objs:
            # round 9: parser slip: the partner hung on a bare genitive complement of the fixed noun ("mène une
            # guerre d'agression contre l'Ukraine", "a lancé une offensive d'envergure contre le M23")
            objs = [
                n
                for p, q in syntax.obliques(anchor)
                if p in ctx.words.genitive and q.i not in ctx.linked.tok2ent and not any(c.dep_ == "det" for c in q.children)
                for p2, n in syntax.obliques(q)
                if p2 in cue.preps and p2 not in ctx.words.genitive
            ]
    if not objs:
        # the parser often hangs the partner on the direct object: "a livré des missiles à l'Ukraine",
        # "delivered tanks to Ukraine" ("à l'Ukraine" under "missiles"); genitives stay the object's own
        objs = [
            n
            for o in syntax.objects(verb)
            if o.i not in ctx.linked.tok2ent
            for p, n in syntax.obliques(o)
            if p in cue.preps and p not in ctx.words.genitive
        ]
    if not objs and RELATIONS[cue.property].symmetric:
        # the partner hung on an adjunct of the verb: "s'est entretenu par téléphone avec son homologue"
        objs = [n for c in verb.children if c.dep_ in ("obl", "obl:mod") and c.i not in ctx.linked.tok2ent for p, n in syntax.obliques(c) if p in cue.preps and p not in ctx.words.genitive]
    if not objs:
        # round 8: parser slip: the partner hung on a span of time before it ("reproche depuis des mois à
        # l'organisation", "a rompu depuis deux ans avec Paris")
        objs = [n for c in verb.children if c.dep_ in ("obl", "obl:mod", "npadvmod") and lemma(c) in ctx.words.time_noun for p, n in syntax.obliques(c) if p in cue.preps and p not in ctx.words.genitive and n.i > c.i]
    objs += [t for o in list(objs) for t in list_continuation(o, ctx)]
    if cue.property == "attacks":
        # round 8: attacks. "launched strikes on what the military called Hamas positions"
        objs = [n for o in objs for n in (syntax.named_thing(o, ctx.words.naming_verb) or [o])]
    objs = _seized_ground(verb, objs, ctx)
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-prep")
    elif subj and not objs and not _things(verb, ctx) and (RELATIONS[cue.property].symmetric or _reciprocal_verb(verb, ctx)):
        # "X and Y met", "Indian and Chinese troops clashed": each on the other (both ways unless symmetric)
        yield from _reciprocal(verb, subj, cue, ctx, "verb-reciprocal")


def verb_relnoun(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb on a relation noun: "rompt sa coopération avec Moscou", "mettre fin à ses accords avec"."""
    subj, passive = verb_subjects(verb, ctx)
    nouns = ctx.lexicon.relation_nouns
    heads = [c for c in verb.children if (c.dep_ in syntax.OBJ or c.dep_ in syntax.OBLIQUE or c.dep_ == "prep") and lemma(c) in nouns]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if lemma(g) in nouns]
    if verb.dep_ in ("relcl", "acl:relcl") and any(c.dep_ in syntax.OBJ | {"dep"} and c.lower_ in ctx.words.relative_object for c in verb.children):
        # "the military aid to Ukraine, which it had paused": the antecedent is the object (the parser
        # often hangs the clause on the partner, the last noun before it)
        antecedent = verb.head
        if lemma(antecedent) not in nouns:
            antecedent = antecedent.head.head if antecedent.dep_ == "pobj" else antecedent.head
        if lemma(antecedent) in nouns and antecedent.i < verb.i:
            heads.append(antecedent)
    if passive:
        heads += [c for c in syntax.passive_subjects(verb) if lemma(c) in nouns]
        if verb.dep_ == "acl" and lemma(verb.head) in nouns and verb.head.i < verb.i:
            # round 6: cooperation. "le pacte de défense signé en août par Le Caire et Mogadiscio", "the
            # accord signed by Armenia and Azerbaijan": the participle on the relation noun, its agents
            heads.append(verb.head)
    if cue.with_:
        fixed = with_ok(verb, cue)
        if fixed is None:
            return
        heads = [h for h in heads if h != fixed] + [n for p, n in syntax.obliques(fixed) if lemma(n) in nouns]
        if nouns.get(lemma(fixed)) in RELNOUN_KINDS.get(cue.property, ()):
            heads.append(fixed)  # round 9: persons. "a exigé le départ des soldats français": the fixed noun is the relation
        heads += [n for p, n in syntax.obliques(verb) if p in ctx.words.dative and lemma(n) in nouns]
    if not heads and not cue.with_:
        # parser slips ("ont signé lundi à Niamey, la capitale, un protocole d'accord" with the object
        # attached to the apposition): a relation noun after the verb in its own clause
        heads = [t for t in verb.subtree if t.i > verb.i and lemma(t) in nouns and syntax.governing_verb(t) == verb and t.dep_ not in ("nsubj", "nsubj:pass")]
    # a cue applies to its kind of relation noun: talks are held, agreements signed, cooperation ended
    allowed = RELNOUN_KINDS.get(cue.property)
    if allowed and cue.property == "endsCooperationWith" and lemma(verb) in ctx.words.talks_end:
        allowed = allowed | {"talks"}  # round 8: "a suspendu les négociations avec l'UE", "broke off talks with"
    if allowed:
        heads = [h for h in heads if nouns.get(lemma(h)) in allowed]
    # "l'accord de coopération": the head relation noun and the nouns it governs
    heads += [m for h in list(heads) for p, m in syntax.obliques(h) if p in ctx.words.relnoun_complement and lemma(m) in nouns]
    objs: list[Token] = []
    for noun in heads:
        for n in syntax.conjuncts(noun):
            objs += relation_partners(n, ctx, preps=cue.preps)
    objs += [n for p, n in syntax.obliques(verb) if p in cue.preps and lemma(n) not in nouns]
    if not objs and any(nouns.get(lemma(h)) == "aid" for h in heads):
        # "cut aid to Ukraine": the parser hangs the aid's recipient on the verb
        objs = [n for p, n in syntax.obliques(verb) if p in ctx.words.aid_partner and lemma(n) not in nouns and n.i > min(h.i for h in heads)]
    objs += [t for o in list(objs) for t in list_continuation(o, ctx)]  # "avec le Mali, le Niger ainsi que le Burkina Faso"
    if heads and subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-relnoun")
    elif heads and subj and any(_demonstrative(h, ctx) for h in heads):
        # "a mis fin à ces collaborations": the partners of the relation named just before
        keys = antecedent_partners(verb, ctx)
        if keys:
            yield Candidate(verb, subj, [], cue, f"{cue.lang}.verb-relnoun-anaphora", object_keys=keys)
    elif heads and subj and (RELATIONS[cue.property].symmetric or any(_plural_possessive(h, ctx) for h in heads)):
        # "Le Nigeria et le Niger ont signé un accord", "les deux pays ont rompu leurs relations"
        yield from _reciprocal(verb, subj, cue, ctx, "verb-relnoun-reciprocal")


def _reciprocal(trigger: Token, subj: list[Token], cue: Cue, ctx: Context, rule: str) -> Iterator[Candidate]:
    """"Le Nigeria et le Niger ont signé un accord", "les deux pays ont rompu leurs relations": several
    subjects of a relation with each other; both ways unless the relation is symmetric."""
    keys = [k for s in subj for k in resolve(s, ctx)]
    both = not RELATIONS[cue.property].symmetric
    # "The US, Russia and China met": every pair of the coordinated subjects
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            yield Candidate(trigger, [], [], cue, f"{cue.lang}.{rule}", subject_keys=[a], object_keys=[b])
            if both:
                yield Candidate(trigger, [], [], cue, f"{cue.lang}.{rule}", subject_keys=[b], object_keys=[a])


def _things(verb: Token, ctx: Context) -> list[Token]:
    """The direct objects of a verb, but a day the parser read as one ("ont convenu lundi d'une trêve", "se
    sont engagés jeudi à") and a reflexive pronoun."""
    days = calendar(ctx.lang).weekdays
    return [o for o in syntax.objects(verb) if o.lower_ not in ctx.words.reflexive_pronoun and lemma(o) not in ctx.words.time_noun and o.lower_ not in days]


def _reciprocal_verb(verb: Token, ctx: Context) -> bool:
    """A verb whose plural subject acts on itself: a reflexive clitic on a transitive verb ("se sont
    affrontés", "se sont rencontrés"), or a verb that says so alone ("clashed")."""
    words = ctx.words
    if any(lemma(t) in words.together or t.lower_ in words.together for c in verb.children if c.dep_ not in syntax.SUBJ for t in c.subtree):
        return False  # "fought together", "aux côtés de": allies, not foes
    if not syntax.passive_subjects(verb) and lemma(verb) in words.reciprocal_verb:
        return True
    return any(c.lower_ in words.reflexive_pronoun and (c.dep_.startswith("expl") or c.dep_ in syntax.OBJ) for c in verb.children)


def _each_other(verb: Token, ctx: Context) -> bool:
    """A reciprocal on the verb or in its object: "mutuellement", "each other('s diplomats)"."""
    words = ctx.words.reciprocal
    doc = verb.doc
    near = [c for c in verb.children if c.dep_ in ("advmod", *syntax.OBJ, "obl", "prep")]
    for t in (g for c in near for g in c.subtree):
        if t.lower_ in words or (t.i > 0 and f"{doc[t.i - 1].lower_} {t.lower_}" in words):
            return True
    return False


def _plural_possessive(noun: Token, ctx: Context) -> bool:
    """"leurs relations", "their ties": a relation of several owners with each other."""
    return any(c.dep_ in ("det", "poss", "nmod:poss") and c.lower_ in ctx.words.plural_possessive for c in noun.children)


def _demonstrative(noun: Token, ctx: Context) -> bool:
    return any(c.dep_ == "det" and ("PronType=Dem" in str(c.morph) or c.lower_ in ctx.words.demonstrative) for c in noun.children)


def verb_place(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb whose target is a place: "retire ses troupes du Mali", "took power in Niger"."""
    if cue.property == "withdrawsFrom" and _ordered_to_leave(verb, ctx):
        return
    subj, _ = verb_subjects(verb, ctx)
    anchor = with_ok(verb, cue)
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


def verb_act_target(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """The target of an announced act: "threatened to cut gas supplies to Ukraine", "a menacé de fermer
    son espace aérien aux appareils maliens" -> threatens Ukraine / Mali."""
    subj, passive = verb_subjects(verb, ctx)
    if passive:
        return
    genitive = ctx.words.genitive
    objs: list[Token] = []
    for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
        objs += syntax.objects(act)
        objs += [n for p, n in syntax.obliques(act) if p in cue.preps]
        # "de couper ses livraisons de gaz à l'Ukraine": the partner of the act's object
        objs += [n for o in syntax.objects(act) for p, n in syntax.obliques(o) if p in cue.preps and p not in genitive]
        # "de suspendre ses livraisons de gaz à la Moldavie": the partner hung on what is given
        given = [g for o in syntax.objects(act) for p, g in syntax.obliques(o) if p in genitive and g.i not in ctx.linked.tok2ent]
        objs += [n for g in given for p, n in syntax.obliques(g) if p in cue.preps and p not in genitive]
    acts_targets = [o for o in objs if resolve(o, ctx)]
    if not acts_targets:
        # round 8: the target of a hostile measure the act brings about ("a menacé de déclencher le mécanisme
        # qui rétablirait les sanctions de l'ONU contre l'Iran", "threatened to trigger the mechanism that would
        # restore UN sanctions on Iran")
        for act in (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            for t in act.subtree:
                if t.pos_ != "NOUN" or (gov := syntax.governing_verb(t)) is None or (gov != act and lemma(gov) not in ctx.words.impose_verb):
                    continue
                hostile = [k for k in ctx.lexicon.cues.get(("noun", lemma(t)), ()) if k.property in HOSTILE_MEASURES and k.object == "prep"]
                # the target, or hung on the measure's author ("les sanctions de l'ONU contre l'Iran")
                owners = [t, *(g for p, g in syntax.obliques(t) if p in genitive)]
                found = [n for k in hostile for o in owners for p, n in syntax.obliques(o) if p in k.preps and p not in genitive and resolve(n, ctx)]
                objs += found
                acts_targets += found
    if not acts_targets and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "ont imposé des sanctions au Niger et menacé de recourir à la force": the coordinated act's target
        first = verb.head
        objs = [o for o in syntax.objects(first) if resolve(o, ctx)]
        objs += [n for p, n in syntax.obliques(first) if p in cue.preps and p not in genitive]
        objs += [n for o in syntax.objects(first) for p, n in syntax.obliques(o) if p in cue.preps and p not in genitive]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-act-target")


# round 8: measures whose target a threat to bring them about threatens (verb_act_target)
HOSTILE_MEASURES = frozenset({"sanctions", "attacks"})


def verb_addressee(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Who is told to act: "demanded that the United States cancel the sale", "exige de la France qu'elle
    retire ses troupes" -> demands United States / France."""
    subj, passive = verb_subjects(verb, ctx)
    if passive:
        return
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if cue.property == "threatens":
        # round 5: "warned that Israel would strike": who would strike is not the one warned (rule vowing)
        clauses = [c for c in clauses if lemma(c) not in ctx.words.retaliation_word]
    objs = [s for c in clauses for s in syntax.subjects(c) + syntax.passive_subjects(c)]
    objs += [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-addressee")


def verb_owner(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb on a thing of the target: "rejected Russia's proposal", "a rejeté l'ultimatum américain",
    "rejected the demands of Kinshasa", "rejected an offer by Donald Trump" -> rejects Russia / United
    States / DR Congo / Donald Trump."""
    subj, passive = verb_subjects(verb, ctx)
    if passive:
        return
    things = [o for o in syntax.objects(verb) if lemma(o) in cue.with_]
    if not subj:
        return
    if not things:
        # round 8: an amount of the thing ("froze $7 billion of Afghan central bank assets", "gèle 7 milliards
        # de dollars d'avoirs de la banque centrale afghane": the owner may hang on the amount)
        for o in syntax.objects(verb):
            if o.pos_ == "NUM" or any(c.dep_ == "nummod" for c in o.children):
                inner = [n for p, n in syntax.obliques(o) if p in ctx.words.genitive and lemma(n) in cue.with_]
                things += [n if resolve(n, ctx) else o for n in inner[:1]]
    owned = [o for o in things if resolve(o, ctx)]
    if owned:
        yield Candidate(verb, subj, owned, cue, f"{cue.lang}.verb-owner")
    for o in things:
        # "rejected an offer by U.S. President Donald Trump", "a proposal from Moscow", "l'offre faite par
        # la Russie": the author of the thing, named as its agent or source
        if o in owned:
            continue
        agent = ctx.words.agent
        authors = [k for p, n in syntax.obliques(o) if p in agent or p in ctx.words.provenance_prep for k in resolve(n, ctx)]
        made = [c for c in o.children if c.dep_ == "acl" and c.pos_ == "VERB"]  # "le plan présenté par", "the plan put forward by"
        authors += [k for c in made for n in syntax.agents(c) or [n for p, n in syntax.obliques(c) if p in agent] for k in resolve(n, ctx)]
        if authors:
            yield Candidate(verb, subj, [o], cue, f"{cue.lang}.verb-owner-agent", object_keys=authors)


def verb_source(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Roles reversed: "X a reçu des armes de la Russie", "X received weapons from Russia" -> Russia supports X."""
    subj, passive = verb_subjects(verb, ctx)
    if passive:
        return
    anchor = with_ok(verb, cue)
    if anchor is None:
        return
    sources = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor != verb:
        sources += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
    if subj and sources:
        yield Candidate(verb, sources, subj, cue, f"{cue.lang}.verb-source")


def _ordered_to_leave(verb: Token, ctx: Context) -> bool:
    """Whether a verb of leaving is what someone is ordered to do ("ordered the ambassador to leave
    the country"): an expulsion (`verb_order_leave`), not a withdrawal done."""
    if lemma(verb) not in ctx.words.leave_verb:
        return False
    if verb.dep_ in ("xcomp", "ccomp", "advcl"):
        order = verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ in syntax.OBJ | {"obl:arg", "obl"}:
        order = verb.head.head  # "a ordonné à l'ambassadeur de quitter": the infinitive hung on the person
    elif verb.dep_ == "acl" and verb.head.dep_ in ("conj", "nmod") and (people := _people_of(verb.head)) is not None:
        # round 8: hung on a complement of the people: "a sommé douze agents de l'ambassade de France et de
        # ses consulats de quitter"
        order = people.head
    else:
        return False
    return any(c.object == "leave" for c in ctx.lexicon.cues.get(("verb", lemma(order)), ()))


def _people_of(tok: Token) -> Token | None:
    """The object a complement (or a conjunct of one) belongs to: "agents" of "agents de l'ambassade de
    France et de ses consulats"."""
    while tok.dep_ in ("conj", "nmod") and tok.head != tok:
        tok = tok.head
    return tok if tok.dep_ in syntax.OBJ else None


def verb_order_leave(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Ordered to leave: "Alger a sommé douze agents de l'ambassade de France de quitter le territoire",
    "Algeria ordered twelve French embassy staff to leave" -> expels the country the people are of."""
    subj, passive = verb_subjects(verb, ctx)
    if passive or not subj:
        return
    # the people ordered out: the object, or the dative ("a ordonné à l'ambassadeur de France de quitter")
    people = syntax.objects(verb) + [n for p, n in syntax.obliques(verb) if p in ctx.words.dative]
    leaves = [c for t in [verb, *people] for c in t.children if lemma(c) in ctx.words.leave_verb and _ordered_to_leave(c, ctx)]
    if not leaves:
        # round 8: the infinitive hung on a complement of the people ("de l'ambassade de France et de ses consulats de quitter")
        leaves = [c for t in people for c in t.subtree if c.dep_ == "acl" and lemma(c) in ctx.words.leave_verb and _ordered_to_leave(c, ctx)]
    if not leaves:
        return
    for o in people:
        if o.pos_ == "PRON":
            continue
        keys = resolve(o, ctx)
        if not keys:
            # "douze agents de l'ambassade de France", "twelve French embassy staff": whose people they are
            keys = [k for t in o.subtree if (k := ctx.linked.tok2ent.get(t.i)) and (e := ctx.entities.get(k)) is not None and e.type == "Country"][:1]
        if keys:
            yield Candidate(verb, subj, [o], cue, f"{cue.lang}.verb-order-leave", object_keys=keys)


# -- noun rule -------------------------------------------------------------------------------------


def _talks_ended(noun: Token, ctx: Context) -> bool:
    """Whether talks are what a verb or noun of pausing acts on: "a suspendu les négociations",
    "la suspension des pourparlers", "broke off talks" (words `talks_end`)."""
    if noun.dep_ in syntax.OBJ and noun.head.pos_ in ("VERB", "AUX"):
        return lemma(noun.head) in ctx.words.talks_end
    if noun.dep_ in ("nmod", "pobj", "obl") and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        return lemma(noun.head.head) in ctx.words.talks_end  # "the suspension of talks"
    return noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and lemma(noun.head) in ctx.words.talks_end


def _follows(n: Token, noun: Token) -> bool:
    """Whether the prepositional phrase of `n` (its preposition a head in English) begins right after `noun`'s phrase."""
    anchor = n.head if n.head.dep_ in ("prep", "dative") else n
    return anchor.left_edge.i == noun.right_edge.i + 1


def noun_trigger(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Noun triggers: "la rupture avec Moscou", "la coopération militaire entre la Russie et le Mali"."""
    if cue.with_ and not any(lemma(c) in cue.with_ for c in noun.subtree):
        return
    if cue.property == "meetsWith" and _talks_ended(noun, ctx):
        return  # round 8: "a suspendu les négociations avec l'UE": no meeting (see verb_relnoun)
    words = ctx.words
    nouns = ctx.lexicon.relation_nouns
    obl = list(syntax.obliques(noun))
    between = [n for p, n in obl if p in words.between]
    if not between:
        # round 8: meetings. The parties hung on the noun's date: "l'entretien du 31 mars entre X et Y"
        dates = [c for c in noun.children if c.dep_ in ("nmod", "obl", "obl:mod") and c.i not in ctx.linked.tok2ent and (c.pos_ == "NUM" or lemma(c) in words.time_noun)]
        between = [n for d in dates for p, n in syntax.obliques(d) if p in words.between]
    if not between and cue.object == "relnoun":
        # round 5: meetings. the parties named on the relation noun: "la rupture de la coopération entre
        # le Mali et la France", "the suspension of the partnership between X and Y"
        between = [n for _p, m in obl if lemma(m) in nouns for p2, n in syntax.obliques(m) if p2 in words.between]
    if between:
        members = [m for b in between for m in syntax.conjuncts(b)]
        if len(members) == 1:
            members += linear_partner(members[0], ctx)
        if len(members) >= 2:
            yield Candidate(noun, [members[0]], members[1:], cue, f"{cue.lang}.noun-between")
        return
    # "of" / "de" complements are the agent ("l'offensive de Boko Haram"), except for nouns whose
    # complement is what undergoes the act (object "patient": "the invasion of Ukraine")
    objs = [n for p, n in obl if p in cue.preps and p not in words.genitive] if cue.object not in ("place", "patient") else [n for p, n in obl if p in cue.preps]
    objs = [n for n in objs if lemma(n) not in cue.with_]  # "arrivée au pouvoir": "pouvoir" is part of the cue
    if cue.object == "patient" and objs:
        # round 8: parser slip: a conjunct sharing the complement's determiner hung on the noun ("l'expulsion
        # de 45 diplomates et employés de l'ambassade de Russie": "employés" is expelled too)
        objs += [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > max(o.i for o in objs) and not any(d.dep_ == "det" for d in c.children)]
    amounts: list[Token] = []
    if not objs and cue.object == "prep":
        # the partner after an amount ("une aide de 500 millions de dollars à l'Ukraine") or on the measure
        # noun the event noun names ("a new aid package for Ukraine")
        amounts = [n for p, n in obl if p in words.genitive and any(t.pos_ == "NUM" for t in n.subtree)]
        if noun.dep_ == "compound" and lemma(noun.head) in ctx.lexicon.frames.get("measure", {}):
            amounts.append(noun.head)
        objs = [m for a in amounts for t in a.subtree for p, m in syntax.obliques(t) if p in cue.preps and p not in words.genitive]
    if not objs and cue.object == "prep" and nouns.get(lemma(noun)) == "aid":
        # "des livraisons d'armes à l'Arménie", "deliveries of arms to Armenia": the partner hung on what is given
        given = [n for p, n in obl if p in words.genitive and n.i not in ctx.linked.tok2ent]
        objs = [m for g in given for p, m in syntax.obliques(g) if p in cue.preps and p not in words.genitive]
        amounts += given if objs else []
    if not objs and cue.object in ("prep", "patient"):
        # "des sanctions visant des entités nord-coréennes", "strikes targeting Hezbollah positions"
        for c in noun.children:
            if c.dep_ in ("acl", "amod") and c.pos_ == "VERB" and lemma(c) in words.target_verb and c.i > noun.i:
                # ("des entités": the partitive article is often parsed as a preposition)
                objs += [g for g in c.children if (g.dep_ in syntax.OBJ or g.dep_ == "obl:arg") and (syntax.case_of(g) is None or syntax.case_of(g) in words.genitive)]
    if not objs and cue.object == "prep" and noun.dep_ in syntax.OBJ and noun.head.pos_ == "VERB":
        # round 7: parse. the target hung on the verb right after the object: "a annoncé des frappes contre des
        # positions du JNIM" ("contre des positions" read as the verb's oblique)
        objs = [n for p, n in syntax.obliques(noun.head) if p in cue.preps and p not in words.genitive and _follows(n, noun)]
    if cue.property == "attacks":
        # round 8: attacks. "strikes on what the military called Hamas positions"
        objs = [n for o in objs for n in (syntax.named_thing(o, words.naming_verb) or [o])]
    if not objs and cue.object == "prep":
        # round 8: attacks. parse slip: the target hung on the demonym ("une frappe israélienne contre un fief du
        # Hezbollah" read with "contre" under "israélienne")
        objs = [n for c in noun.children if c.dep_ == "amod" and c.i in ctx.linked.tok2ent for p, n in syntax.obliques(c) if p in cue.preps and p not in words.genitive]
    if not objs and cue.object == "prep":
        objs = _linear_target(noun, cue, ctx)
    subj = [n for p, n in obl if (p in words.genitive or p in words.agent) and n not in objs and n not in amounts and lemma(n) not in nouns]
    # round 8: attacks. the weapon fired is no agent ("une attaque de drones contre", "un tir de missile contre"),
    # unless it names its owner ("des drones russes")
    subj = [n for n in subj if lemma(n) not in words.weapon_noun or resolve(n, ctx)]
    if not subj and cue.object == "patient" and cue.property == "attacks":
        # round 8: attacks. parse slip: the agent hung on the patient ("la destruction d'un drone malien par la
        # défense aérienne algérienne", "the downing of a Malian drone by Algerian air defences"); the patient a
        # thing, not an actor of its own
        subj = [n for o in objs if o.i not in ctx.linked.tok2ent for p, n in syntax.obliques(o) if p in words.agent and n.i > o.i]
    # a possessor, or a demonym ("une frappe israélienne", "Turkish air strikes"); not a plain adjective ("new")
    subj += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss", "amod", "compound") and c.pos_ != "PRON" and (c.dep_ in ("poss", "nmod:poss") or names_actor(c, ctx))]
    owned = any((c.dep_ == "det" and "Poss=Yes" in str(c.morph)) or (c.dep_ == "poss" and c.pos_ == "PRON") for c in noun.children)
    if owned and cue.property == "expels":
        return  # round 8: the possessor of an expulsion is the one expelled: "a dénoncé son expulsion de la Cédéao"
    if not subj and owned:
        # "son arrivée au pouvoir", "sa rupture avec" -> the subject of the governing clause
        up = noun.head
        while up.pos_ not in ("VERB", "AUX") and up.head != up:
            up = up.head
        subj = syntax.clause_subject(up)
    if not subj and cue.property == "attacks":
        subj = _authors(noun, ctx)  # round 8: "le JNIM, responsable de plusieurs attaques contre", "was behind the attack on"
    if not subj:
        # round 9: attribution. "l'attaque contre la Monusco, attribuée au M23", "attribue l'attaque ... au M23"
        subj = attributed_doers(noun, ctx)
    gov = syntax.governing_verb(noun)
    carrier = _measure_of(noun, ctx) or noun  # "un seizième paquet de sanctions contre la Russie"
    if noun.dep_ == "compound" and lemma(noun.head) in ctx.lexicon.frames.get("measure", {}):
        carrier = noun.head  # "a new aid package"
    if not subj and gov is not None and frame(gov, "request", ctx.lexicon) and syntax.governing_verb(carrier) == gov:
        # "a demandé à l'UE de nouvelles sanctions contre X", "asked the EU for sanctions": the one asked
        # would act; "ont appelé à des sanctions contre X": the askers (hedged: the act is requested)
        subj = _addressees(gov, carrier, ctx) or syntax.clause_subject(gov)
    if carrier.dep_ == "conj" and carrier.head.pos_ == "NOUN":
        carrier = syntax.first_conjunct(carrier)  # "ordered sweeping tariffs and visa restrictions on X"
    if not subj and gov is not None and carrier.dep_ in syntax.OBJ | {"obl", "obl:arg", "pobj", "dobj"} and frame(gov, "support", ctx.lexicon):
        # "Les États-Unis ont annoncé des sanctions contre X": the framing verb's subject acts
        subj = syntax.clause_subject(gov)
        if subj and subj[0].lower_ in words.relative_subject and gov.dep_ in ("acl:relcl", "relcl"):
            subj = [gov.head]  # round 8: attacks. "Israël, qui a mené des frappes en Syrie": the antecedent acts
        if not subj and gov.dep_ == "acl" and gov.head.pos_ in ("PROPN", "NOUN") and gov.head.i < gov.i:
            # round 5: meetings. a participle said of an actor: "l'Arabie saoudite, engagée dans des
            # pourparlers avec les Houthis", "Saudi Arabia, engaged in talks with the Houthis"
            subj = [gov.head]
    if not objs and gov is not None and frame(gov, "victim", ctx.lexicon) and noun not in syntax.clause_subject(gov):
        # "Le Niger fait face aux attaques de Boko Haram": the framing verb's subject undergoes it
        objs = syntax.clause_subject(gov)
    if not objs and cue.object == "relnoun":
        objs = [p for m in noun.children if lemma(m) in nouns for p in relation_partners(m, ctx)]
        objs += [p for pr, m in syntax.obliques(noun) if lemma(m) in nouns for p in relation_partners(m, ctx)]
    if cue.object == "relnoun" and not any(names_actor(o, ctx) for o in objs):
        # round 8: parser slip: an adverbial between the noun and its complement hangs the complement as
        # the adverbial's conjunct ("la rupture « avec effet immédiat » de ses relations avec Kiev")
        # the complement hung on the adverbial ("the suspension, with immediate effect, of its relations with
        # X": "of its relations" under "effect", itself under the verb)
        adverbials = [c for c in noun.children if c.dep_ in ("nmod", "obl")]
        if noun.head.pos_ in ("VERB", "AUX"):
            adverbials += [n for p, n in syntax.obliques(noun.head) if n.i > noun.i and n.head.i <= noun.right_edge.i + 2]
        late = [m for c in adverbials for m in c.children if m.dep_ == "conj" and lemma(m) in nouns and syntax.case_of(m) in words.genitive]
        late += [m for c in adverbials for p, m in syntax.obliques(c) if p in words.genitive and lemma(m) in nouns and lemma(c) not in nouns]
        objs = [p for m in late for p in relation_partners(m, ctx)] or objs
    if subj and objs:
        yield Candidate(noun, subj, objs, cue, f"{cue.lang}.noun-trigger")
    elif subj and cue.object == "place":
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-trigger-place")
    elif subj and cue.property == "attacks":
        # "les attaques djihadistes dans la région de X": the target is where it happens (see realise)
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-attack-location")


def _authors(noun: Token, ctx: Context) -> list[Token]:
    """round 8: attacks. Who is said to have done the act a noun names, with a word of authorship (words
    `author_word`): "le JNIM, responsable de plusieurs attaques contre", "X est l'auteur de l'attaque", "JNIM
    was responsible for the attack", "ISWAP, which was behind the attack" (through a count: "d'une série d'attentats")."""
    words = ctx.words
    act = _measure_of(noun, ctx) or noun
    head = act.head
    if act.dep_ == "pobj" and head.dep_ == "prep":  # English: the preposition heads the noun
        if head.lower_ in words.author_word and head.head.pos_ in ("AUX", "VERB"):
            subj, passive = verb_subjects(head.head, ctx)  # "was behind the attack"
            return [] if passive else subj
        word = head.head if head.lower_ in words.genitive | {"for"} else None
    else:
        word = head if syntax.case_of(act) in words.genitive else None
    if word is None or word == act or lemma(word) not in words.author_word or word.pos_ not in ("NOUN", "ADJ"):
        return []
    if any(c.dep_ == "cop" for c in word.children):  # "Le JNIM est l'auteur de", "X est responsable de"
        return syntax.subjects(word)  # (not "holds Tehran responsible for": an accusation)
    if word.dep_ in ("acomp", "attr") and word.head.pos_ in ("AUX", "VERB"):  # "was responsible for"
        subj, passive = verb_subjects(word.head, ctx)
        return [] if passive else subj
    comma = word.i > 0 and word.doc[word.i - 1].text == ","
    if word.dep_ in ("amod", "appos", "acl") or (word.dep_ == "conj" and comma):  # "le JNIM, responsable de"
        return [word.head] if word.head.pos_ in ("NOUN", "PROPN") else []
    return []
def _linear_target(noun: Token, cue: Cue, ctx: Context) -> list[Token]:
    """round 8: support. The target right after a noun when the parser lost its preposition ("son
    engagement « indéfectible » envers Manille": "envers" read as a noun): the noun, its adjectives and
    quotes, one of the cue's prepositions (a single word, not a genitive), then an actor."""
    doc, words = noun.doc, ctx.words
    j = noun.i + 1
    while j < len(doc) and j <= noun.i + 5 and (doc[j].pos_ == "ADJ" or doc[j].text in ("«", "»", '"', "“", "”")):
        j += 1
    if j + 1 >= len(doc) or doc[j].lower_ not in cue.preps or doc[j].lower_ in words.genitive or doc[j].pos_ == "ADP":
        return []  # a preposition the parser read as one was already looked at
    k = j + 1
    while k < len(doc) and k <= j + 2 and doc[k].pos_ == "DET":
        k += 1
    return [doc[k]] if k < len(doc) and names_actor(doc[k], ctx) else []


def _addressees(verb: Token, noun: Token, ctx: Context) -> list[Token]:
    """Who a verb of asking asks, besides the act noun asked for: its dative ("demande à l'UE") or its
    object ("asked the EU for"), when they name an actor."""
    own = {t.i for t in noun.subtree}
    out = [n for p, n in syntax.obliques(verb) if p in ctx.words.dative and n.i not in own]
    out += [o for o in syntax.objects(verb) if o.i not in own]
    return [t for t in out if resolve(t, ctx)]


def _measure_of(noun: Token, ctx: Context) -> Token | None:
    """The measure noun an event noun is counted by ("paquet de sanctions", "a wave of attacks"), or None."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if head == noun or head.pos_ != "NOUN" or syntax.case_of(noun) not in ctx.words.measure:
        return None
    return head if lemma(head) in ctx.lexicon.frames.get("measure", {}) else None


def event_anaphor(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """An act named before, condemned or rejected: "La Côte d'Ivoire a condamné ce revirement", "Senegal
    condemned the move" -> criticizes the agent of the last relation found (fires after every cue rule).
    Round 10: an act answered by the one it was taken against, with a noun pointing back at it: "Pékin a
    rejeté ces accusations", "Doha a dénoncé des mesures « injustifiées »", "Moscow dismissed the
    allegations" -> rejects / criticizes the one who accused or acted against it."""
    gov = noun.head
    if noun.dep_ not in syntax.OBJ | syntax.PASS_SUBJ or gov.pos_ != "VERB":
        return
    own = next((c for c in ctx.lexicon.cues.get(("verb", lemma(gov)), ()) if c.property in EVENT_OBJECT and (not c.with_ or lemma(noun) in c.with_)), None)
    if own is None:
        return
    subj, passive = verb_subjects(gov, ctx)
    # round 10: the act as a passive's subject, its critic as the agent: "Ces accusations ont été rejetées
    # par Pékin", "The measures were condemned by Doha"
    if not subj or passive != (noun.dep_ in syntax.PASS_SUBJ):
        return
    # round 7: parse. the act is never the verb's own: "Berlin, Paris and London condemned the decision" must
    # not read the decision as that of one of its critics (the last relation found is the verb's own)
    own_keys = {k for s in subj for k in resolve(s, ctx)}
    agents = event_antecedent(noun, ctx) if lemma(noun) in ctx.words.event_noun else []
    agents = [a for a in agents if a not in own_keys]
    if not agents and not event_agents(noun, ctx):
        agents = reaction_antecedent(noun, _actor_keys(own_keys, ctx), ctx)
    if agents:
        yield Candidate(gov, subj, [noun], replace(own, object="obj"), f"{ctx.lang}.event-anaphor", object_keys=agents)


def _actor_keys(keys: set[str], ctx: Context) -> set[str]:
    """Entity keys with the country each stands for: the country of a capital ("Doha"), of a leader."""
    out = set(keys)
    for k in keys:
        ent = ctx.entities.get(k) or ctx.gazetteer.get(k)
        if ent is not None and ent.type == "City" and ent.capital_of:
            out.add(ent.capital_of)
        elif k.startswith("person/"):
            country = person_country(k, ctx)
            if country:
                out.add(country)
    return out


def _reaction_cue(verb: Token, ctx: Context) -> Cue | None:
    """The cue of a verb of condemning or rejecting ("condamner", "reject"), whatever thing it takes."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in ctx.lexicon.cues.get(("verb", lemma(verb)), ()) if c.property in EVENT_OBJECT), None)


def _reactions_to(noun: Token, ctx: Context) -> Iterator[tuple[Token, list[Token]]]:
    """(verb, authors) of a reaction said of an act noun in a relative or participle clause: "a decision
    Luanda rejected", "a move which Beijing condemned", "une mesure dénoncée par Pékin", "une décision que
    Bamako a rejetée" (French: the parser often hangs "que X a rejetée" on the main verb)."""
    words = ctx.words
    found = False
    for c in noun.children:
        if c.dep_ not in ("relcl", "acl:relcl", "acl") or _reaction_cue(c, ctx) is None:
            continue
        relative = c.dep_ != "acl" or any((m.dep_ == "mark" or m.dep_ in syntax.OBJ) and m.lower_ in words.relative_object for m in c.children)
        if not relative:
            # "une mesure dénoncée par Pékin", "a move denounced by Beijing"; not "a move condemning ..."
            if "VerbForm=Part" not in str(c.morph) and c.tag_ != "VBN":
                continue
            authors = syntax.agents(c) or [n for p, n in syntax.obliques(c) if p in words.agent]
        elif syntax.is_passive(c) and syntax.agents(c):
            authors = syntax.agents(c)  # "a decision which was condemned by Paris"
        else:
            subj = syntax.subjects(c) or syntax.passive_subjects(c)  # "que Paris n'a pas condamnée" misread as a passive
            own = [o for o in syntax.objects(c) if o.lower_ not in words.relative_object]
            if own or any(t.lower_ in words.relative_subject for t in subj):
                continue  # "a decision that angered Luanda", "a move Beijing said hurt ...": not the object
            authors = [t for t in subj if t.lower_ not in words.relative_object]
        if authors:
            found = True
            yield c, authors
    if found or noun.i + 1 >= noun.sent.end:
        return
    # misread relatives: "une décision que Luanda a rejetée", "a move Beijing's foreign ministry condemned"
    # (the act noun read as a modifier of the subject): [relative pronoun], a subject, auxiliaries, the verb
    start = noun.i + 2 if noun.doc[noun.i + 1].lower_ in words.relative_object else noun.i + 1
    rest = noun.doc[start : min(noun.sent.end, start + 7)]
    verb = next((t for t in rest if t.pos_ == "VERB"), None)
    if verb is None or _reaction_cue(verb, ctx) is None or any(c.dep_ in syntax.OBJ and c != noun for c in verb.children):
        return  # its own object, unless the act noun itself: "a step Poland condemned" read as a fronted object
    between = noun.doc[start : verb.i]
    inside = {b.i for b in between}
    authors = [t for t in between if t.head.i not in inside and t.pos_ in ("PROPN", "NOUN") and resolve(t, ctx)]
    if authors and all(t.pos_ in ("DET", "PROPN", "NOUN", "ADJ", "AUX", "ADP", "PART", "ADV") for t in between):
        yield verb, authors


def act_reaction(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """An act named in apposition to the clause that reports it, with a reaction to it: "OPEC cut Angola's
    quota, a decision Luanda rejected", "Japan released the water, a move Beijing condemned", "une mesure
    dénoncée par Pékin" -> the author rejects / criticizes whoever did the act (the clause's subject)."""
    first = next(t for t in noun.subtree if t.dep_ != "punct" or t.i == noun.i)
    if first.i < 2 or noun.doc[first.i - 1].text != "," or noun.dep_ in syntax.SUBJ:
        return
    # the act is the clause that ends at the comma: "after Tokyo began releasing water, a move ..."
    last = noun.doc[first.i - 2]
    gov = last if last.pos_ == "VERB" else syntax.governing_verb(last)
    for _ in range(3):
        if gov is None or gov.dep_ not in ("acl", "amod") or syntax.subjects(gov) or syntax.agents(gov):
            break
        gov = syntax.governing_verb(gov.head)  # "les eaux traitées dans le Pacifique": the clause, not the modifier
    if gov is None or gov.i > noun.i:
        return
    doers, _ = verb_subjects(gov, ctx)
    doers = doers or syntax.clause_subject(gov)
    keys = [k for t in doers for k in act_doers(t, ctx)]
    if not keys:
        return
    for verb, authors in _reactions_to(noun, ctx):
        own = _reaction_cue(verb, ctx)
        mine = {k for a in authors for k in resolve(a, ctx)}
        targets = [k for k in keys if k not in mine]
        if own is not None and targets and verb != gov:
            yield Candidate(verb, authors, doers, replace(own, object="obj"), f"{ctx.lang}.act-reaction", object_keys=targets)


def reaction(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A reaction named with its author, to the subject that caused it: "a tiré un missile, suscitant la
    colère de Tokyo", "drawing condemnation from Japan", "L'annonce de l'Éthiopie a provoqué l'ire de la
    Somalie", "est sous le feu des critiques de la France" -> the author criticizes the subject (or the
    agent of the subject's act)."""
    words = ctx.words
    authors = [n for p, n in syntax.obliques(noun) if p in words.reaction_author and n.i > noun.i]
    host = noun
    if noun.head.pos_ == "NOUN" and lemma(noun.head) in words.under_fire:
        host = noun.head  # "sous le feu des critiques de X"
    verb = host.head if host.dep_ in syntax.OBJ and lemma(host.head) in words.reaction_verb and host.head.pos_ in ("VERB", "AUX") else None
    if not authors and verb is not None:
        # "prompting protests from Taipei": the author hung on the verb
        authors = [n for p, n in syntax.obliques(verb) if p in words.reaction_author and p not in words.genitive and n.i > noun.i]
    authors += [t for a in authors if not any(c.dep_ == "conj" for c in a.children) for t in linear_partner(a, ctx)]
    if not authors:
        return
    targets: list[Token] = []
    if verb is not None:
        # "suscitant la colère de Pékin", "a provoqué l'ire de", "drew condemnation from"
        subj, passive = verb_subjects(verb, ctx)
        targets = [] if passive else subj
    elif host != noun and syntax.case_of(host) in words.under_prep:
        # "Israël est sous le feu des critiques de la France", "X, sous le feu des critiques de Y, a ..."
        if any(c.dep_ == "cop" for c in host.children):
            targets = syntax.subjects(host)
        else:
            gov = syntax.governing_verb(host)
            targets = syntax.clause_subject(gov) if gov is not None else []
    keys = [k for t in targets for k in act_doers(t, ctx)]
    if not keys:
        return
    own = replace(cue, pos="noun", lemma=lemma(noun), property="criticizes", object="obj", conf=0.6)
    yield Candidate(noun, authors, targets, own, f"{ctx.lang}.reaction", object_keys=keys)


def angering(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Who an act angers criticises who did it: "a signé un accord avec le Somaliland, irritant la Somalie",
    "angering Somalia", "Somalia was angered by the deal" (the agent of the act, when an act noun)."""
    if verb.pos_ != "VERB":
        return
    subj, passive = verb_subjects(verb, ctx)
    if passive:
        authors, targets = syntax.passive_subjects(verb), subj
    else:
        authors, targets = syntax.objects(verb), subj
    authors = [a for a in authors if a.pos_ != "PRON" or a.i in ctx.linked.tok2ent]
    keys = [k for t in targets for k in act_doers(t, ctx)]
    if authors and keys:
        own = replace(cue, pos="verb", lemma=lemma(verb), property="criticizes", object="obj", conf=0.6)
        yield Candidate(verb, authors, targets, own, f"{ctx.lang}.angering", object_keys=keys)


def _said_by(word: Token, verb: Token) -> bool:
    """Whether a word under `verb` is said by it, not by a clause of its own: "called the decision to expel
    the inspectors unacceptable" (yes), "called the decision, which X said was unacceptable" (no)."""
    t = word
    while t != verb and t.head != t:
        clause = t.dep_ in ("ccomp", "advcl", "relcl", "acl:relcl", "parataxis", "conj") and t != word  # "branded X illegal": ccomp
        if clause or (t.pos_ == "VERB" and syntax.subjects(t)):
            return False
        t = t.head
    return t == verb


def judging(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Something judged with a word of blame: "Berlin a jugé cette décision « inacceptable »", "a qualifié
    d'illégale la décision de Téhéran", "Germany called Iran's decision unacceptable", "described the
    Japanese move as irresponsible" -> the judge criticizes the doer of the act judged (or its owner)."""
    if verb.pos_ != "VERB":
        return
    words = ctx.words
    if not any(t.i > verb.i and lemma(t) in words.blame_word and _said_by(t, verb) for t in verb.subtree):
        return
    subj, passive = verb_subjects(verb, ctx)
    if not subj or passive:
        return
    # what is judged: the object, or the subject of a small clause ("called [the decision unacceptable]")
    things = syntax.objects(verb) + [g for c in verb.children if c.dep_ in ("oprd", "ccomp", "xcomp") for g in c.children if g.dep_ in syntax.SUBJ]
    mine = {k for t in subj for k in resolve(t, ctx)}
    own = replace(cue, pos="verb", lemma=lemma(verb), property="criticizes", object="obj", conf=0.6)
    for thing in things:
        if thing.pos_ != "NOUN" or lemma(thing) not in words.event_noun and ("noun", lemma(thing)) not in ctx.lexicon.cues:
            continue  # an act judged, not a person or a thing: "called him a liar", "jugé la situation"
        keys = event_agents(thing, ctx) or act_doers(thing, ctx) or event_antecedent(thing, ctx)
        keys = [k for k in keys if k not in mine] or reaction_antecedent(thing, _actor_keys(mine, ctx), ctx)
        if keys:
            yield Candidate(verb, subj, [thing], own, f"{ctx.lang}.judging", object_keys=keys)


# -- fact rules: what the text states outright about entities ---------------------------------------


def place_apposition(tok: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """What the text says about where a place is, at the end of its first mention:
    "Niamey, la capitale nigérienne" / "Niamey, the Nigerien capital" -> capitalOf;
    "Kayes, dans l'ouest du Mali" / "Diffa, in south-eastern Niger" / "El-Fasher, chef-lieu du Darfour-Nord" -> locatedIn."""
    tok2ent, words, doc = ctx.linked.tok2ent, ctx.words, ctx.doc
    key = tok2ent[tok.i]
    ent = ctx.entities.get(key)
    if ent is None or ent.type not in ("City", "Region", "Place") or ctx.first_mention_ends.get(key) != tok.i:
        return
    cands = [c for c in tok.children if c.dep_ in ("appos", "nmod", "obl", "obl:mod", "acl", "prep", "dep")]
    # the parser often hangs the apposition on the name's head instead
    cands += [c for c in tok.head.children if c.dep_ in ("appos", "nmod", "obl:mod") and c.i > tok.i and doc[tok.i + 1].text == ","]
    cands += _surface_apposition(tok, ctx)
    for c in cands:
        heads = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        for h in heads:
            if h.i < tok.i or h.i > tok.i + 12:
                continue
            if any(g.dep_ == "conj" for g in h.children):
                continue  # a list of places ("à Paris, Londres et Berlin"), not an apposition
            where = [k for p, n in syntax.obliques(h) if p in words.genitive for k in resolve(n, ctx)]
            where += [tok2ent[a.i] for a in h.children if a.dep_ in ("amod", "compound") and a.i in tok2ent]
            if tok2ent.get(h.i) and h.pos_ == "PROPN":
                where.append(tok2ent[h.i])  # "in Niger" directly
            capital = lemma(h) in words.capital_noun
            for w in where:
                went = ctx.entities.get(w)
                if went is None or w == key:
                    continue
                if capital and went.type == "Country" and ent.type == "City":
                    yield fact(h, cue, key, "capitalOf", w, 0.7, f"{ctx.lang}.place-apposition")
                elif went.type == "Country" and ent.country and ent.country != w:
                    continue  # the gazetteer places it in another country: a misreading
                elif went.type in ("Country", "Region") and not capital:
                    # folded lemma against place_apposition_noun (which lists the folded forms)
                    if (case := syntax.case_of(h)) is None or case in words.place_apposition_case or lemma(h) in _place_nouns(ctx):
                        yield fact(h, cue, key, "locatedIn", w, 0.7, f"{ctx.lang}.place-apposition")


def _surface_apposition(tok: Token, ctx: Context) -> list[Token]:
    """A placing phrase set off by a comma right after a place that the parser hung higher up
    ("la mine d'Arlit, dans le nord du pays": "nord" on the verb): its noun, when it names a place or a
    part of one ("nord", "région", "province"), or is itself a named place ("Wajiroko, in Borno State")."""
    doc = tok.doc
    if tok.i + 3 >= len(doc) or doc[tok.i + 1].text != "," or doc[tok.i + 2].lower_ not in ctx.words.place_apposition_case:
        return []
    prep = doc[tok.i + 2]
    head = prep.head if prep.dep_ == "case" else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if head is None or head.i <= prep.i or head.i > prep.i + 5 or (head.head != prep and head.head.i in range(tok.i + 1, head.i)):
        return []
    if lemma(head) in _place_nouns(ctx) or (head.pos_ == "PROPN" and head.i in ctx.linked.tok2ent):
        return [head]
    return []


def place_of_kind(tok: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A place named after its kind, the kind said of a country or region: "la ville tadjike de Khoujand",
    "the Russian city of Kazan", "Russia's Samara region", "in Somalia's Hiiraan region" -> locatedIn."""
    tok2ent = ctx.linked.tok2ent
    key = tok2ent[tok.i]
    ent = ctx.entities.get(key)
    if ent is None or ent.type not in ("City", "Region", "Place") or tok2ent.get(tok.i + 1) == key:
        return  # acts once, on the last token of a place's mention
    mention = {i for i in range(tok.i - 6, tok.i + 1) if tok2ent.get(i) == key}
    kind: Token | None = None
    if tok.pos_ == "NOUN" and lemma(tok) in ctx.words.place_kind_noun and len(mention) > 1:
        kind = tok  # the kind is part of the gazetteer's name: "Russia's [Samara region]"
    elif tok.dep_ == "pobj" and tok.head.lower_ in ctx.words.genitive:  # "the city of Kazan"
        kind = tok.head.head
    elif tok.dep_ in ("nmod", "obl", "obl:mod") and syntax.case_of(tok) in ctx.words.genitive:  # "la ville de Kazan"
        kind = tok.head
    elif tok.dep_ in ("compound", "appos", "flat", "nmod", "amod") and tok.head.i > tok.i:  # "Samara region"
        kind = tok.head
    if kind is None or kind.pos_ != "NOUN" or lemma(kind) not in ctx.words.place_kind_noun:
        return
    for c in kind.children:
        w = tok2ent.get(c.i)
        if w is None or c.i in mention or c.dep_ not in ("amod", "poss", "nmod:poss", "compound"):
            continue
        went = ctx.entities.get(w)
        if went is None or w == key or went.type not in ("Country", "Region"):
            continue
        if went.type == "Country" and ent.country and ent.country != w:
            continue  # the gazetteer places it in another country: a misreading
        yield fact(kind, cue, key, "locatedIn", w, 0.7, f"{ctx.lang}.place-kind")


def _place_nouns(ctx: Context) -> frozenset[str]:
    from kg.data_tables import place_nouns

    return place_nouns(ctx.lang) | ctx.words.place_apposition_noun


def title_leads(tok: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A title that ties the person named at `tok` to what they lead:
    "le président russe Vladimir Poutine", "le chef de la junte malienne, Assimi Goïta",
    "Mark Rutte, secrétaire général de l'OTAN", "Goïta a été désigné président de la confédération"
    ("la junte dirigée par X" is left to the verb rules)."""
    name = ctx.person_names.get(tok.i)
    if name is None:
        return
    doc, gazetteer, lang = ctx.doc, ctx.gazetteer, ctx.lang
    key = ctx.linked.tok2ent[tok.i]
    titles: list[Token] = []
    # a title right before the name, possibly with a demonym: "le président ukrainien Volodymyr Zelensky"
    j = tok.i - 1
    while j >= 0 and j >= tok.i - 4 and doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "PUNCT") and doc[j].text not in (".", ";"):
        if doc[j].pos_ in ("NOUN", "PROPN") and title_role_around(doc[j], gazetteer, lang):
            titles.append(doc[j])
            break
        j -= 1
    # syntactic links: the name in apposition to a title, or a title in apposition to the name
    for t in name:
        if t.dep_ in ("appos", "flat", "flat:name", "nmod", "compound") and t.head not in titles and (
            t.head.pos_ == "NOUN" or (t.dep_ == "appos" and t.head.pos_ == "ADJ" and title_role_around(t.head, gazetteer, lang))
        ):
            # (an English title the tagger ends with an adjective: "Its director-general, X")
            titles.append(t.head)
        elif t.dep_ in ("conj", "appos") and _comma_apposition(t, name[0]):
            # "Le secrétaire général de l'ONU, António Guterres, a ...": the parser reads the name set off
            # by commas as a conjunct of the title, or ("The prime minister of Canada, Mark Carney") as an
            # apposition to the title's complement
            up = t.head
            for _ in range(3):
                if up.pos_ == "NOUN" or up.head == up:
                    break
                up = up.head
            if up.pos_ == "NOUN" and up.dep_ == "nmod" and up.head.pos_ == "NOUN" and not title_role_around(up, gazetteer, lang):
                up = up.head  # "Le chef de la junte guinéenne, X": the parser hangs the name on the title's complement
            between = range(up.i + 1, name[0].i)
            if any(i in ctx.person_names and i not in {t.i for t in name} for i in between):
                continue  # "les chefs de la junte malienne, X, du Burkina Faso, Y": Y's title is elided
            if up.pos_ == "NOUN" and up not in titles and title_role_around(up, gazetteer, lang):
                titles.append(up)
        titles += [c for c in t.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"]
    # predicative: "X a été désigné président de ...", "X est le chef de l'État"
    predicative = ctx.words.predicative_verb  # folded lemmas (the table lists the folded forms)
    for t in name:
        if t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            verb = t.head
            if lemma(verb) in predicative or any(lemma(c) in predicative for c in verb.children if c.dep_ in ("cop", "aux:pass", "auxpass")):
                titles += [c for c in verb.children if c.dep_ in ("xcomp", "attr", "oprd", "obl:mod") and c.pos_ == "NOUN"]
                if verb.pos_ == "NOUN":
                    titles.append(verb)
    ranked = _title_before_rank(titles, key, ctx)
    for title in titles:
        role = title_role_around(title, gazetteer, lang)
        if title is ranked or role == "military_rank":
            # round 8: leaders. "le chef de l'armée soudanaise, le général X", "Sudan's army chief X": an army
            # stands for its country, but its chief leads the country only when the leaders table says he
            # heads it (a chief of staff leads nothing)
            target, known = _title_target(title, ctx, key), gazetteer.leads_at(key, ctx.article_date)
            if target and (target == known or (known is None and role in LEADER_ROLES)):
                yield fact(title, cue, key, "leads", target, 0.75, f"{lang}.title-leads")
            continue
        if role == "counterpart":  # "son homologue rwandais Paul Kagame": the role the person holds
            role = gazetteer.leader_role(key) if gazetteer.in_office(key, ctx.article_date) else None
            # else the role of the title the counterpart answers: "le président vénézuélien, X, et son
            # homologue guyanien, Y" (Y is a president too)
            role = role or _counterpart_role(title, ctx)
        target = _title_target(title, ctx, key)
        held = gazetteer.leader_role(key)
        if not target and (held == role or (role == "leader" and held in LEADER_ROLES)):
            # the text names the role but not what is led ("le président congolais Félix Tshisekedi":
            # the demonym is ambiguous; "Junta leader Mamadi Doumbouya": a leader of what the table says he
            # heads), and the leaders table holds this person in this role then
            target = gazetteer.leads_at(key, ctx.article_date)
        led = leader_of(role, target)
        if led:
            yield fact(title, cue, key, "leads", led, 0.8, f"{lang}.title-leads")
    if not titles:
        # round 8: leaders. No title of the name's own: one elided in a list ("les chefs de la junte
        # malienne, A, du Burkina Faso, B"), or a list of heads of state the name is marked in by its
        # country ("plusieurs chefs d'État, dont le Rwandais Paul Kagame")
        led = _gapped_title(name, key, ctx) or _listed_leader(name, key, ctx)
        if led:
            yield fact(name[0], cue, key, "leads", led, 0.75, f"{lang}.title-leads-list")


def _title_before_rank(titles: list[Token], key: str, ctx: Context) -> Token | None:
    """round 8: leaders. A leader's title set off by a comma before a rank and the name: "le chef de la
    junte nigérienne, le général X", "le chef de l'armée soudanaise, le général X" (the parser hangs the rank
    on the title's complement). The title found is added to `titles` and returned (the caller checks an
    army chief against the leaders table)."""
    doc, gazetteer, lang = ctx.doc, ctx.gazetteer, ctx.lang
    rank = next((t for t in titles if title_role_around(t, gazetteer, lang) == "military_rank"), None)
    if rank is None or ctx.linked.tok2ent.get(rank.i) == key:
        return None  # (a rank the linker took into the name: "Senior General X" read as a person of its own)
    start = rank.i - 1 if rank.i > 0 and doc[rank.i - 1].lower_ in ctx.words.article else rank.i
    if start < 2 or doc[start - 1].text != ",":
        return None
    for j in range(start - 2, max(doc[start].sent.start, start - 8) - 1, -1):
        t = doc[j]
        if t.is_punct or ctx.linked.tok2ent.get(j, "").startswith("person/"):
            return None
        if t.pos_ == "NOUN" and (role := title_role_around(t, gazetteer, lang)):
            if (role not in LEADER_ROLES and role != "military_rank") or t in titles:
                return None
            titles.append(t)
            return t
    return None


def _gapped_title(name: list[Token], key: str, ctx: Context) -> str | None:
    """What a name leads when its title is elided in a list: "les chefs de la junte malienne, A, du
    Burkina Faso, B, et du Niger, C", "the presidents of Mali, A, of Niger, B" (B leads Burkina Faso, C
    Niger); the title before the list's first name must be a leader's (`_elided_role`)."""
    gap = _gap(name[0].i, key, ctx)
    return leader_of(_elided_role(gap[1], ctx, 0), gap[0]) if gap else None


def _elided_role(first: int, ctx: Context, depth: int) -> str | None:
    """The role of the title a list of names shares, read back from the name starting at `first`: the
    title right before it ("les chefs de la junte malienne, A"), or, through a gap, before the name before."""
    doc = ctx.doc
    if first < 2 or doc[first - 1].text != "," or depth > 6:
        return None
    for j in range(first - 2, max(doc[first].sent.start, first - 8) - 1, -1):
        t = doc[j]
        if t.is_punct or ctx.linked.tok2ent.get(j, "").startswith("person/"):
            break
        if t.pos_ == "NOUN" and (role := title_role_around(t, ctx.gazetteer, ctx.lang)):
            return role
    gap = _gap(first, ctx.linked.tok2ent.get(first, ""), ctx)
    return _elided_role(gap[1], ctx, depth + 1) if gap else None


def _gap(first: int, key: str, ctx: Context) -> tuple[str, int] | None:
    """A gap before the name of `key` starting at `first`: ", du Burkina Faso, B" -> (what the gap
    names, the first token of the name before the gap)."""
    doc, tok2ent, words = ctx.doc, ctx.linked.tok2ent, ctx.words
    k = first - 2
    if k < 4 or doc[k + 1].text != ",":
        return None
    led = tok2ent.get(k)
    ent = ctx.entities.get(led) if led else None
    if led is None or ent is None or ent.type == "Person":
        return None
    while k > 0 and tok2ent.get(k - 1) == led:
        k -= 1
    k -= 1
    if doc[k].lower_ in words.article:  # "de la", "de l'"
        k -= 1
    if doc[k].lower_ not in words.genitive:
        return None
    k -= 1
    if doc[k].lower_ in words.coordinator:
        k -= 1
    before = tok2ent.get(k - 1) if k >= 1 and doc[k].text == "," else None
    if before is None or not before.startswith("person/") or before == key:
        return None
    start = k - 1
    while start > 0 and tok2ent.get(start - 1) == before:
        start -= 1
    return led, start


def _listed_leader(name: list[Token], key: str, ctx: Context) -> str | None:
    """What a name marked by its country leads in a list of heads of state or government: "plusieurs
    chefs d'État, dont le Rwandais Paul Kagame et le Sénégalais X", "leaders including Rwanda's Paul
    Kagame" (words: `state_leader_noun`, `list_intro`). An ambiguous demonym ("le Congolais X") gives
    what the leaders table says the person leads."""
    doc, tok2ent, words = ctx.doc, ctx.linked.tok2ent, ctx.words
    first = name[0].i
    if first < 3:
        return None
    prev = doc[first - 1]
    if ctx.lang == "en":
        if prev.text not in ("'s", "’s"):
            return None
        marker = doc[first - 2]
    else:
        if not prev.text[:1].isupper() or doc[first - 2].lower_ not in words.definite_det or prev.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        marker = prev
    country = tok2ent.get(marker.i)
    ent = ctx.entities.get(country) if country else None
    known = ctx.gazetteer.leads_at(key, ctx.article_date)
    if ent is not None and ent.type != "Country":
        return None
    if country is None and (ctx.lang == "en" or known is None or not known.startswith("country/")):
        return None
    if country is not None and known is not None and known != country:
        return None  # the table says otherwise: not this list
    led = country or known
    intro = False
    for j in range(marker.i - 1, max(doc[first].sent.start, first - 30) - 1, -1):
        t = doc[j]
        if t.text == ";" or t.lower_ in words.list_exit:
            return None
        nxt = f"{t.lower_} {doc[j + 1].lower_}"
        if t.lower_ in words.list_intro or nxt in words.list_intro:
            intro = True
        if t.pos_ == "NOUN" and _state_leaders(t, ctx):
            return led if intro else None
        if t.pos_ == "NOUN" and title_role_around(t, ctx.gazetteer, ctx.lang):
            return None  # another title between: the name is not in the list of heads of state
    return None


def _state_leaders(noun: Token, ctx: Context) -> bool:
    """A plural noun naming heads of state or government ("chefs d'État africains", "world leaders"),
    not leaders of something else ("les dirigeants rebelles", "Hamas leaders", "les chefs du M23")."""
    if not ("Number=Plur" in str(noun.morph) or noun.tag_ in ("NNS", "NNPS")):
        return False
    doc, words = noun.doc, ctx.words
    base = lemma(noun)
    forms = [base] + [fold(base + noun.whitespace_ + doc[noun.i + 1 : j].text) for j in range(noun.i + 2, min(noun.i + 5, len(doc)) + 1)]
    if not any(f in words.state_leader_noun for f in forms):
        return False
    if any(fold(t.text) in words.non_state_modifier or lemma(t) in words.non_state_modifier for t in doc[max(0, noun.i - 2) : noun.i]):
        return False  # "opposition leaders", "rebel leaders"
    for c in noun.children:
        if lemma(c) in words.non_state_modifier:
            return False
        k = ctx.linked.tok2ent.get(c.i)
        ent = ctx.entities.get(k) if k else None
        if c.dep_ in ("nmod", "compound", "poss") and ent is not None and ent.type != "Country":
            return False
    return True


def _comma_apposition(tok: Token, first: Token) -> bool:
    """A name (`tok` one of its tokens, `first` its first) set off by a comma right after its head's
    phrase, with no conjunction: "le président, X"."""
    doc = tok.doc
    if first.i < 1 or doc[first.i - 1].text != ",":
        return False
    return not any(c.dep_ == "cc" for c in tok.children) and not any(t.dep_ == "cc" for t in doc[min(tok.head.i, first.i) : first.i])


def _counterpart_role(title: Token, ctx: Context) -> str | None:
    """The leader role of the nearest title before a counterpart noun in its sentence ("le président X et son
    homologue Y"): the counterpart holds the same office."""
    for t in reversed(title.doc[title.sent.start : title.i]):
        if t.pos_ == "NOUN":
            role = title_role_around(t, ctx.gazetteer, ctx.lang)
            if role and role != "counterpart":
                return role if role in LEADER_ROLES else None
    return None


def _title_target(title: Token, ctx: Context, person: str) -> str | None:
    """What a title is the title of: "président nigérien", "chef de la junte malienne", "secrétaire général de l'OTAN"."""
    tok2ent = ctx.linked.tok2ent
    for c in title.children:
        if c.dep_ in ("amod", "poss", "nmod:poss") or (c.dep_ == "compound" and c.pos_ in ("ADJ", "PROPN")):
            key = tok2ent.get(c.i)
            if key and key != person and not key.startswith("person/"):
                return key
    for p, n in syntax.obliques(title):
        if p in ctx.words.genitive:
            for key in resolve(n, ctx):
                ent = ctx.entities.get(key)
                if ent is not None and ent.type in ACTOR_TYPES and ent.type != "Person":
                    return key
    # English "Russian President Vladimir Putin": the demonym modifies the name
    head = title.head if title.dep_ == "compound" else None
    if head is not None:
        for c in head.children:
            key = tok2ent.get(c.i)
            if c.dep_ == "amod" and key and not key.startswith("person/"):
                return key
    # round 5: meetings. English "United Nations Secretary-General Antonio Guterres", "European Commission
    # President Ursula von der Leyen": the name of what is led is a compound right before the title (the
    # parser hangs it on the title or on the person's name)
    if ctx.lang == "en":
        end = title.i - 1
        while end >= max(0, title.i - 3) and end not in tok2ent and ctx.doc[end].dep_ in ("compound", "punct"):
            end -= 1  # the rest of the title: "Secretary -" of "Secretary-General"
        key = tok2ent.get(end) if end >= 0 else None
        if key and not key.startswith("person/") and key != person and ctx.doc[end].dep_ == "compound":
            ent = ctx.entities.get(key)
            if ent is not None and ent.type in ("Country", "Region", "InternationalOrganization", "Organization", "ArmedGroup"):
                return key
    return _possessive_body(title, ctx)


# what a possessive on a title may stand for: the one organisation or group named just before
_BODY_TYPES = ("InternationalOrganization", "Organization", "ArmedGroup")


def _possessive_body(title: Token, ctx: Context) -> str | None:
    """round 9: persons. The body a possessive on a title stands for: "L'OMS a lancé un appel. Son directeur
    général, X, ..." (the WHO), "Hamas ... its leader, X": the one organisation or armed group named in
    the title's sentence before it or in the sentence before; none when two are named there."""
    if not any((c.dep_ == "det" and "Poss=Yes" in str(c.morph)) or (c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PRON") for c in title.children):
        return None
    if any(c.lower_ in ctx.words.plural_possessive for c in title.children):
        return None  # "leurs dirigeants", "their leaders": several owners
    start = title.sent.start
    if start > 0:
        start = title.doc[start - 1].sent.start
    tok2ent = ctx.linked.tok2ent
    found = {k for i in range(start, title.i) if (k := tok2ent.get(i)) and (e := ctx.entities.get(k)) is not None and e.type in _BODY_TYPES}
    return found.pop() if len(found) == 1 else None


def regime_of(tok: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A generic actor noun that stands for a country, with a person complement: "le régime de Tiani",
    "Tiani's junta" -> Tiani leads the country."""
    if ctx.gazetteer.generic_actor(ctx.lemmas[tok.i], ctx.lang) != "country":
        return
    tok2ent = ctx.linked.tok2ent
    country = tok2ent.get(tok.i)
    if not country:
        return
    for p, n in syntax.obliques(tok):
        k = tok2ent.get(n.i)
        if k and k.startswith("person/") and p in ctx.words.genitive_singular:
            yield fact(tok, cue, k, "leads", country, 0.8, f"{ctx.lang}.regime-of")
    for c in tok.children:
        k = tok2ent.get(c.i)
        if c.dep_ in ("poss",) and k and k.startswith("person/"):
            yield fact(tok, cue, k, "leads", country, 0.8, f"{ctx.lang}.regime-of")


def head_of(tok: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A person placed at the head of something: "X, à la tête du CNSP", "X, at the head of the junta"."""
    if syntax.case_of(tok) not in ctx.words.at:
        return
    gov = syntax.governing_verb(tok)
    subj = [k for s_ in (syntax.clause_subject(gov) if gov is not None else []) for k in resolve(s_, ctx)]
    targets = [k for p, n in syntax.obliques(tok) if p in ctx.words.genitive for k in resolve(n, ctx)]
    for sk in subj:
        for tk in targets:
            if sk.startswith("person/") and not tk.startswith("person/"):
                yield fact(tok, cue, sk, "leads", tk, 0.8, f"{ctx.lang}.head-of")


# -- said of an entity: copular links, adverbials of company ---------------------------------------


def noun_holder(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A relation noun said of an entity, its complement the other side (noun cues with object "holder"):
    "le JNIM, la branche sahélienne d'Al-Qaïda", "Ghana is a member of ECOWAS", "le Niger, pays membre
    de la CEDEAO", "the Islamic State's regional affiliate, ISIS-K"."""
    if cue.object != "holder":
        return
    case = syntax.case_of(noun)
    if case is not None and fold(case) in ctx.words.backing_case and lemma(noun) in ctx.words.backing_noun:
        return  # "Le Mali, avec le soutien de la Russie, a ...": an adverbial of support (`backing`), not said of Mali
    others = [n for p, n in syntax.obliques(noun) if p in cue.preps]
    # round 8: membership. A compound preposition the parser splits ("au sein de l'AES": "au" + the noun
    # "sein" + "de"): the cue lists it whole
    if any(" " in q for q in cue.preps):
        others += [n2 for p, n in syntax.obliques(noun) for p2, n2 in syntax.obliques(n) if f"{p} {n.lower_} {p2}" in cue.preps]
    others += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON"]
    others += [c for c in noun.children if c.dep_ == "compound" and c.i in ctx.linked.tok2ent]  # "Turkey, a NATO member"
    if not others:
        return
    holders = _holders(noun, ctx)
    if not holders and noun.dep_ in ("amod", "nmod", "compound") and noun.head.pos_ == "NOUN":
        holders = _holders(noun.head, ctx)  # "le Niger, pays membre de la CEDEAO"
    holders = [h for h in holders if h not in others]
    pred = noun.head if noun.dep_ in ("attr", "acomp") else noun
    if any(c.lower_ in ctx.words.negator for c in pred.children):  # "n'est pas membre de", "is not a member of"
        return
    # what a noun says of an entity is stated outright, whatever the clause around it ("China, Pakistan's
    # closest ally, urged ..."): a fact, asserted
    stated = replace(cue, object="fact")
    for h in (k for t in holders for k in resolve(t, ctx)):
        for o in (k for t in others for k in resolve(t, ctx)):
            if h != o:
                yield fact(noun, stated, h, cue.property, o, cue.conf, f"{cue.lang}.noun-holder")


def _holders(noun: Token, ctx: Context) -> list[Token]:
    """What a noun is said of: the noun it is in apposition to, the subject it is the predicate of, an
    entity in apposition to it, or the entity just before the comma that opens it (an apposition the
    parser lost or read as a coordination: "La Chine, principal fournisseur ...")."""
    if noun.dep_ == "appos" and noun.head.i not in ctx.linked.tok2ent and (anaphor := _comma_anaphor(noun, ctx)) is not None:
        # round 8: membership. "des années de tensions entre les deux voisins, pourtant membres de l'OTAN":
        # the parser hangs the apposition on a noun further up; the plural anaphor before the comma is meant
        return [anaphor]
    if noun.dep_ == "appos":
        first = noun.head
        while first.dep_ == "conj" and ("Number=Plur" in str(noun.morph) or noun.tag_ == "NNS"):
            first = first.head  # round 5: meetings. "la Turquie et la Grèce, toutes deux membres de l'OTAN": each
        if first != noun.head:
            return syntax.conjuncts(first)
        listed = syntax.conjuncts(noun.head)
        if len(listed) > 1 and "Number=Sing" in str(noun.morph) and noun.i > listed[-1].i:
            # "le Mali et le Ghana, membre de la Cédéao": a singular noun after the list is said of its last
            return [listed[-1]]
        return [noun.head]
    if any(c.dep_ == "cop" for c in noun.children):  # "le Mali est membre de"
        return syntax.subjects(noun)
    if noun.dep_ in ("attr", "acomp") and noun.head.pos_ in ("AUX", "VERB"):  # "Ghana is a member of"
        return syntax.subjects(noun.head)
    named = [c for c in noun.children if c.dep_ == "appos" and c.i in ctx.linked.tok2ent]
    if named:
        return named
    doc, left = noun.doc, min(t.i for t in noun.subtree if not t.is_punct)  # the comma may hang on the noun
    if left < 2 or doc[left - 1].text != ",":
        return []
    j = left - 2
    if doc[j].text == ")":  # "le Groupe de soutien à l'islam (GSIM, ou JNIM), la branche sahélienne d'Al-Qaïda"
        opening = next((k for k in range(j - 1, max(j - 8, 0), -1) if doc[k].text == "("), None)
        j = opening - 1 if opening else j
    if j not in ctx.linked.tok2ent:
        # round 8: membership. "Les deux voisins, tous deux membres de l'OTAN": a plural anaphor
        # (resolved to the countries it stands for)
        return [doc[j]] if plural_anaphor(doc[j], ctx) else []
    listed = syntax.conjuncts(doc[j].head) if doc[j].dep_ == "conj" else []
    if len(listed) > 1 and doc[j] in listed and ("Number=Plur" in str(noun.morph) or noun.tag_ == "NNS"):
        # round 6: cooperation. "Le Mali et le Niger, membres de l'AES": a plural noun after a list is said
        # of each of its members
        return [t for t in listed if t.i in ctx.linked.tok2ent]
    return [doc[j]]


def _comma_anaphor(noun: Token, ctx: Context) -> Token | None:
    """A plural anaphor right before the comma that opens a noun's phrase ("les deux voisins, membres de")."""
    doc = noun.doc
    left = min(t.i for t in noun.subtree if not t.is_punct)
    if left < 2 or doc[left - 1].text != ",":
        return None
    return doc[left - 2] if plural_anaphor(doc[left - 2], ctx) else None


def noun_clause(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """An adverbial noun that names a partner of the clause's subject (noun cues with object "clause";
    `with` holds its preposition): "ont signé l'accord en présence de Donald Trump" -> meets Trump,
    "des troupes combattant aux côtés de l'armée russe" -> supports Russia."""
    case = syntax.case_of(noun)
    if cue.object not in ("clause", "backer") or case is None:
        return
    if fold(case) not in cue.with_ and not (noun.head.pos_ == "ADV" and fold(noun.head.lower_) in cue.with_):
        return  # (round 10: "lors d'un dîner avec": "d'" hangs on "lors")
    others = [n for p, n in syntax.obliques(noun) if p in cue.preps]
    # "avec le soutien de l'Australie, de Bahreïn et du Canada": the parser coordinates the others with the noun
    others += [c for c in noun.children if c.dep_ == "conj" and syntax.case_of(c) in cue.preps]
    gov = syntax.governing_verb(noun)
    if not others or gov is None:
        return
    if cue.object == "backer":
        # "ont frappé les Houthis avec le soutien de l'Australie", "ces frappes, menées avec le soutien de X",
        # "retook Kidal with the backing of Wagner": the complement backs whoever does the act
        keys = _act_agents(gov, ctx)
        if keys:
            yield Candidate(noun, others, [], cue, f"{cue.lang}.noun-backer", object_keys=keys)
        return
    subj = syntax.clause_subject(gov)
    if not subj:
        subj, _ = verb_subjects(gov, ctx)
    if subj:
        yield Candidate(noun, subj, others, cue, f"{cue.lang}.noun-clause")


def backing(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Support named in an adverbial: its complement backs whoever does the act ("ont frappé les Houthis avec
    le soutien de l'Australie", "ces frappes, menées avec l'appui de X", "with the backing of X")."""
    words = ctx.words
    gov, case = syntax.governing_verb(noun), syntax.case_of(noun)
    if gov is None or case is None:
        return
    on_verb = noun.head == gov or (noun.head.dep_ == "prep" and noun.head.head == gov)
    if on_verb and any(c.object == "prep" and fold(case) in c.preps for c in ctx.lexicon.cues.get(("verb", lemma(gov)), ())):
        return  # "a rompu avec l'aide de la France": the verb's own partner, not an adverbial of support
    own = replace(cue, pos="noun", lemma=lemma(noun), property="supports", object="backer", preps=tuple(words.genitive), with_=tuple(words.backing_case), conf=0.6)
    yield from noun_clause(noun, own, ctx)


def supporter(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A supporter said of an entity: "l'Iran, principal soutien des Houthis", "Russia, Assad's main backer"."""
    own = replace(cue, pos="noun", lemma=lemma(noun), property="supports", object="holder", preps=tuple(ctx.words.genitive), conf=0.6)
    yield from noun_holder(noun, own, ctx)


def hosted_gathering(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """round 8: meetings. A gathering hosted by someone: the subject of the clause that takes part in it
    meets the host ("X a remis les documents lors d'une cérémonie présidée par Y", "X handed over the
    documents at a ceremony hosted by Y"; not "after a meeting chaired by Y"); words: `gathering_noun`,
    `host_verb`, `gathering_case`."""
    words = ctx.words
    # round 10: or the participle hung on the venue of the gathering ("at a ceremony at the State Department
    # in Washington hosted by X": "hosted" under "Department")
    venues = [t for t in noun.subtree if t.i > noun.i and t.dep_ in ("pobj", "nmod") and t.pos_ in ("NOUN", "PROPN")]
    hosts = [
        n
        for c in [*noun.children, *(g for v in venues for g in v.children)]
        if c.dep_ in ("acl", "amod", "acl:relcl") and lemma(c) in words.host_verb and c.i > noun.i
        for p, n in [*syntax.obliques(c), *((a.lower_, g) for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")]
        if p in words.agent
    ]
    gov, case = syntax.governing_verb(noun), syntax.case_of(noun)
    if not hosts or gov is None:
        return
    attended = noun.dep_ in syntax.OBJ and noun.head == gov and lemma(gov) in words.attend_verb  # "attended a dinner hosted by X"
    # "lors d'un dîner": "d'" hangs on "lors"
    if not attended and (case is None or (fold(case) not in words.gathering_case and fold(noun.head.lower_) not in words.gathering_case)):
        return
    subj = [t for t in syntax.clause_subject(gov) or verb_subjects(gov, ctx)[0] if noun not in t.subtree]
    if subj:
        own = replace(cue, pos="noun", lemma=lemma(noun), property="meetsWith", object="clause", preps=tuple(words.agent), conf=0.6)
        yield Candidate(noun, subj, hosts, own, f"{cue.lang}.hosted-gathering")


def _act_agents(verb: Token, ctx: Context) -> list[str]:
    """Who does the act of a verb: its subject or agent; for a bare participle said of an act noun ("ces
    frappes, menées avec ...", "the strikes, carried out with ..."), the agent of that act (its agent
    complement, its demonym, or for "ces frappes" the agent of the act named before)."""
    subj, passive = verb_subjects(verb, ctx)
    if passive and not subj:
        subj = syntax.passive_subjects(verb)
    keys = [k for s in subj for k in act_doers(s, ctx)]
    if keys or not syntax.bare_participle(verb):
        return keys
    doc = verb.doc
    act = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else None
    if act is None and verb.i >= 2 and doc[verb.i - 1].text == ",":
        act = next((t for t in reversed(doc[verb.sent.start : verb.i - 1]) if t.pos_ in ("NOUN", "PROPN")), None)
    if act is None:
        return []
    return act_doers(act, ctx) or event_antecedent(act, ctx)


# -- round 5: criticism -----------------------------------------------------------------------------


def _demand_cue(verb: Token, ctx: Context) -> Cue | None:
    """The `demands` cue of a verb ("exiger", "réclamer", "demand"), whatever thing it takes."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in ctx.lexicon.cues.get(("verb", lemma(verb)), ()) if c.property == "demands"), None)


def demanded_of(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Explanations or an apology demanded, and who must give them: "a réclamé des explications à Erevan",
    "exige des excuses de la Turquie", "demanded an apology from Ankara"; asked of a diplomat summoned for
    it: "a convoqué le chargé d'affaires biélorusse pour exiger des explications", "summoned Iran's envoy
    to demand an explanation" -> demands the one asked (a diplomat's country)."""
    gov = noun.head
    if noun.dep_ == "nmod" and gov.dep_ in ("obl:mod", "npadvmod") and gov.head.pos_ == "VERB":
        gov = gov.head  # parser slip: "a réclamé vendredi des explications" hung on the day
    elif noun.dep_ not in syntax.OBJ and noun.dep_ != "obl:arg":  # "a exigé des excuses à": read as an oblique
        return
    if (own := _demand_cue(gov, ctx)) is None:
        return
    subj, passive = verb_subjects(gov, ctx)
    if passive:
        return
    words = ctx.words
    # the one asked, hung on the noun or on the verb: "des explications à Erevan", "an apology from Ankara"
    asked = [n for p, n in syntax.obliques(noun) if p in words.demand_case and n.i > noun.i]
    asked += [n for p, n in syntax.obliques(gov) if p in words.demand_case and p not in own.preps and n.i > noun.i]
    summon = gov.head if gov.dep_ in ("advcl", "xcomp") and gov.head.pos_ == "VERB" and lemma(gov.head) in words.summon_verb else None
    if not asked and summon is not None:
        asked = syntax.objects(summon)  # the diplomat summoned stands for his country
        subj = subj or verb_subjects(summon, ctx)[0]
    asked = [a for a in asked if resolve(a, ctx)]
    if subj and asked:
        yield Candidate(gov, subj, asked, replace(own, object="obj"), f"{ctx.lang}.demanded-of")


def name_calling(word: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """An actor called a name: "Pékin a qualifié Lai Ching-te de « parasite »", "Beijing called Lai a
    'separatist'", "Lai, qualifié de « séparatiste » par Pékin", "branded a 'terrorist' by Moscow" -> the
    one who calls criticizes the one called (read on the words: the parser mangles these small clauses)."""
    words, tok2ent, doc = ctx.words, ctx.linked.tok2ent, word.doc
    sent = word.sent
    verb = next((t for t in reversed(doc[max(sent.start, word.i - 7) : word.i]) if t.pos_ in ("VERB", "AUX") and lemma(t) in words.judge_verb), None)
    if verb is None:
        return
    own = replace(cue, pos="verb", lemma=lemma(verb), property="criticizes", object="obj", conf=0.6)
    subj, passive = verb_subjects(verb, ctx)
    named = [t for t in doc[verb.i + 1 : word.i] if t.i in tok2ent]
    if named and subj and not passive:
        # active: the one called stands between the verb and the name ("a qualifié Lai de", "called Lai a")
        yield Candidate(verb, subj, named[:1], own, f"{ctx.lang}.name-calling")
        return
    if named:
        return
    # a passive or a participle set off by a comma, its author after "par" / "by" right after the name
    after = doc[word.i + 1 : min(sent.end, word.i + 5)]
    by = next((t for t in after if t.lower_ in words.agent), None)
    authors = [t for t in after if by is not None and t.i > by.i and t.i in tok2ent][:1]
    called = [t for t in syntax.passive_subjects(verb) if resolve(t, ctx)]
    if not called and verb.i >= 2 and doc[verb.i - 1].text == "," and doc[verb.i - 2].i in tok2ent:
        called = [doc[verb.i - 2]]  # "Lai Ching-te, qualifié de « séparatiste » par Pékin"
    if authors and called:
        yield Candidate(verb, authors, called, own, f"{ctx.lang}.name-calling")


# -- round 5: attacks ------------------------------------------------------------------------------


def _retaliation_targets(word: Token, ctx: Context) -> list[Token]:
    """What a retaliation word aims at: its oblique ("riposter contre Israël", "se venger d'Israël",
    "revenge against Israel"), or the object of an attack verb ("a promis de frapper Israël", "vowed to
    strike Tehran"; not "venger la mort de son chef", "avenge Soleimani")."""
    out = [n for p, n in syntax.obliques(word) if p in ctx.words.retaliation_prep]
    if word.pos_ == "VERB" and any(c.property == "attacks" for c in ctx.lexicon.cues.get(("verb", lemma(word)), ())):
        out += syntax.objects(word)
    return [t for t in out if resolve(t, ctx)]


def _own_side(subjects: list[Token], mine: set[str], ctx: Context) -> bool:
    """Whether a clause's subject is the speaker or the speaker's state ("it", "Israël" after Netanyahou)."""
    for s in subjects:
        if s.pos_ == "PRON" and s.i not in ctx.linked.tok2ent:
            return True
        if any(k in mine for k in resolve(s, ctx)):
            return True
    return False


def vowing(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A vow of retaliation threatens its target: "a promis de riposter contre Israël", "Iran vowed revenge
    against Israel", "a juré que les Américains paieront le prix", "vowed that Washington would pay
    dearly" -> threatens Israel / United States (the vow is the act of speaking: asserted)."""
    if verb.pos_ != "VERB":
        return
    words = ctx.words
    subj, passive = verb_subjects(verb, ctx)
    if not subj or passive:
        return
    targets: list[Token] = []
    heads = [c for c in verb.children if c.dep_ in ("xcomp", "dobj", "obj")]
    # "a promis mercredi de riposter": the infinitive misread as a complement of the date
    heads += [a for c in verb.children if c.dep_ in ("obl:mod", "npadvmod") for a in c.children if a.dep_ == "acl" and "VerbForm=Inf" in str(a.morph)]
    heads += [n for _, n in syntax.obliques(verb) if lemma(n) in words.retaliation_word]  # "a menacé de représailles contre"
    acts = [k for c in heads for k in syntax.conjuncts(c)]  # "de venger son chef et de riposter contre"
    mine = {k for t in subj for k in resolve(t, ctx)}
    mine |= {o for k in mine if (o := person_country(k, ctx)) is not None}
    for c in acts + [c for c in verb.children if c.dep_ == "ccomp"]:
        if c in acts and lemma(c) in words.retaliation_word:
            targets += _retaliation_targets(c, ctx)
        elif c.dep_ == "ccomp" and lemma(c) in words.pay_verb:
            paid = any(lemma(g) in words.price_word for g in c.children if g.dep_ in ("dobj", "obj", "advmod", "npadvmod"))
            targets += [s for s in syntax.subjects(c) if paid and resolve(s, ctx)]
        elif c.dep_ == "ccomp" and lemma(c) in words.retaliation_word and _own_side(syntax.subjects(c), mine, ctx):
            # "a averti qu'Israël frapperait si le Hezbollah violait la trêve", "warned it would retaliate
            # if Israel attacked": the one the speaker's side would strike, else who the condition names
            hit = _retaliation_targets(c, ctx)
            conditions = [a for a in c.children if a.dep_ in ("advcl", "ccomp")]
            # round 8: parser slip: the condition hung on the verb of warning ("a averti qu'Israël frapperait
            # « avec force » si le Hezbollah violait la trêve")
            conditions += [a for a in verb.children if a.dep_ == "advcl" and a.i > c.i]
            hit = hit or [s for a in conditions if any(lemma(m) in words.condition_mark for m in a.children) for s in syntax.subjects(a) if resolve(s, ctx)]
            targets += hit
    if targets:
        own = replace(cue, pos="verb", lemma=lemma(verb), property="threatens", object="obj", conf=0.7)
        yield Candidate(verb, subj, targets, own, f"{ctx.lang}.vow-retaliation")


# -- round 6: conflict -----------------------------------------------------------------------------


def power_taken(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Power taken with no place named: "le capitaine Ibrahim Traoré, arrivé au pouvoir par un putsch",
    "Traoré a pris le pouvoir en 2022", "Goita, who seized power in 2020" -> seizesPowerIn the country
    the person leads or belongs to (else the article's country, see realise). A weak cue ("arriver au
    pouvoir", "come to power": also by an election) needs a word of force ("par un putsch", "in a coup")."""
    if cue.property != "seizesPowerIn" or (anchor := with_ok(verb, cue)) is None:
        return
    if any(p in cue.preps and resolve(n, ctx) for p, n in syntax.obliques(verb)):
        return  # the place is named: rule verb_place
    subj, passive = verb_subjects(verb, ctx)
    if not subj or passive:
        return
    means = [n for h in {verb, anchor} for _, n in syntax.obliques(h)]  # "au pouvoir par un putsch": on either
    if cue.conf < 0.75 and not any(lemma(n) in ctx.words.coup_word or fold(n.lower_) in ctx.words.coup_word for n in means):
        return
    keys = [c for s in subj for k in resolve(s, ctx) if (c := person_country(k, ctx)) is not None][:1]
    for k in keys:
        if k not in ctx.entities and ctx.gazetteer.get(k) is not None:
            ctx.entities.bring(k, f"{cue.lang}.power-taken")
    yield Candidate(verb, subj, [], cue, f"{cue.lang}.power-taken", object_keys=keys or None)


def overthrown_leader(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """A government overthrown is its leader's: "a renversé le gouvernement de Mohamed Bazoum", "toppled
    the government of Mohamed Bazoum" -> overthrows Bazoum (the government alone stands for the country,
    which no one overthrows)."""
    if cue.property != "overthrows":
        return
    subj, passive = verb_subjects(verb, ctx)
    if not subj or passive:
        return
    for o in syntax.objects(verb):
        if ctx.gazetteer.generic_actor(lemma(o), ctx.lang) is None:
            continue
        owners = [n for p, n in syntax.obliques(o) if p in ctx.words.genitive] + [c for c in o.children if c.dep_ in ("nmod:poss", "poss")]
        keys = [k for n in owners for k in resolve(n, ctx) if k.startswith("person/")]
        if keys:
            yield Candidate(verb, subj, [o], cue, f"{cue.lang}.overthrown-leader", object_keys=keys)


def joint_pledge(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """round 10: agreements. A pledge that two or more parties make together about themselves is an
    agreement between them ("Maduro et son homologue Ali se sont engagés à ne pas recourir à la force",
    "Pakistan and Afghanistan pledged not to use force"); not when what is pledged involves another actor
    ("pledged to support Ukraine": support for a third party) or is only more talks ("se sont engagés à
    poursuivre les discussions")."""
    if with_ok(verb, cue) is None:
        return
    subj, passive = verb_subjects(verb, ctx)
    if passive or _things(verb, ctx):
        return  # "pledged $1bn", "a engagé des troupes": a thing given, no joint pledge ("jeudi" misread as an object is none)
    keys = {k for s in subj for k in resolve(s, ctx)}
    if len(keys) < 2:
        return
    pledged = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and c.i > verb.i]
    if not pledged:
        return
    tok2ent = ctx.linked.tok2ent
    nouns = ctx.lexicon.relation_nouns
    # what describes a noun of the pledge ("le différend qui oppose leurs deux pays, ... revendiquée par
    # Caracas") is no party to it
    aside = {g.i for c in pledged for t in c.subtree if t.dep_ in ("acl", "acl:relcl", "relcl", "appos", "parataxis") for g in t.subtree}
    for t in (g for c in pledged for g in c.subtree if g.i not in aside):
        key = tok2ent.get(t.i)
        if key is not None and key not in keys:
            ent = ctx.entities.get(key) or ctx.gazetteer.get(key)
            if ent is None or ent.type in ACTOR_TYPES:
                return  # a third actor: the pledge is about it (a place is none: "à Doha", "sur l'Essequibo")
        if nouns.get(lemma(t)) == "talks" or any(c.property == "meetsWith" for pos in ("verb", "noun") for c in ctx.lexicon.cues.get((pos, lemma(t)), ())):
            return  # more talks pledged: a plan to meet, no agreement
    yield from _reciprocal(verb, subj, cue, ctx, "joint-pledge")


# -- the registry ----------------------------------------------------------------------------------

RULES: tuple[tuple[str, Rule], ...] = (
    ("verb:obj", verb_object),  # direct object, or agent of a passive: "expulse l'ambassadeur", "a été expulsé par"
    ("verb:prep", verb_prep),  # partner in an oblique: "rompt avec Ankara"; coordinated subjects of a symmetric verb
    ("verb:relnoun", verb_relnoun),  # verb on a relation noun: "rompt sa coopération avec Moscou", "ces collaborations"
    ("verb:place", verb_place),  # target is a place: "retire ses troupes du Mali", "took power in Niger"
    ("verb:source", verb_source),  # roles reversed: "a reçu des armes de la Russie" -> Russia supports
    ("verb:act", verb_act_target),  # target of an announced act: "a menacé de couper le gaz à l'Ukraine"
    ("verb:addressee", verb_addressee),  # who is told to act: "exige de la France qu'elle retire"
    ("verb:leave", verb_order_leave),  # ordered to leave: "a sommé les agents de l'ambassade de France de quitter"
    ("verb:owner", verb_owner),  # owner of the thing acted on: "a rejeté l'ultimatum américain"
    ("noun", noun_trigger),  # event or relation noun: "la rupture avec Moscou", "la coopération entre X et Y"
    ("noun", noun_holder),  # said of an entity: "le JNIM, la branche sahélienne d'Al-Qaïda", "Ghana is a member of"
    ("noun", noun_clause),  # partner of the clause's subject: "en présence de Donald Trump", "aux côtés de l'armée russe"
    ("entity", place_apposition),  # place in apposition: "Niamey, la capitale nigérienne", "Kayes, dans l'ouest du Mali"
    ("entity", place_of_kind),  # place after its kind: "la ville tadjike de Khoujand", "Russia's Samara region"
    ("entity", title_leads),  # title of a leader: "le président russe Vladimir Poutine", "X, secrétaire général de l'OTAN"
    ("entity", regime_of),  # generic actor of a person: "le régime de Tiani", "Tiani's junta"
    ("word:head_noun", head_of),  # put at the head: "à la tête du CNSP"
    ("word:event_noun", event_anaphor),  # an act named before, condemned: "a condamné ce revirement", "condemned the move"
    ("word:accusation_noun", event_anaphor),  # accusations answered: "Pékin a rejeté ces accusations", "dismissed the allegations"
    ("word:event_noun", act_reaction),  # an act in apposition, with a reaction: "a decision Luanda rejected", "une mesure dénoncée par Pékin"
    ("word:reaction_noun", reaction),  # a reaction named with its author: "suscitant la colère de Pékin", "drawing condemnation from"
    ("word:backing_noun", backing),  # support in an adverbial: "avec le soutien de X", "with the backing of X" -> X supports the doer
    ("word:supporter_noun", supporter),
    ("word:gathering_noun", hosted_gathering),  # a gathering hosted by someone: "lors d'une cérémonie présidée par X", "at a dinner hosted by X"  # a supporter said of an entity: "l'Iran, principal soutien des Houthis"
    ("word:judge_verb", judging),  # an act judged with a word of blame: "a jugé cette décision « inacceptable »", "called the move illegal"
    ("word:anger_verb", angering),  # who an act angers criticises its doer: "irritant la Somalie", "angering Somalia"
    # round 5: criticism
    ("word:insult_word", name_calling),  # an actor called a name: "a qualifié Lai de « parasite »", "branded a 'terrorist' by Moscow"
    ("word:demand_noun", demanded_of),  # explanations demanded of someone: "a réclamé des explications à Erevan", "summoned X's envoy to demand an apology"
    # round 5: attacks
    ("word:vow_verb", vowing),  # a vow of retaliation: "a promis de riposter contre Israël", "vowed that Washington would pay the price"
    # round 6: conflict
    ("verb:place", power_taken),  # power taken, no place named: "Traoré, arrivé au pouvoir par un putsch" -> his country
    ("verb:obj", overthrown_leader),  # a government overthrown is its leader's: "a renversé le gouvernement de Bazoum"
    # round 10: agreements
    ("verb:pledge", joint_pledge),  # a joint pledge about themselves: "se sont engagés à ne pas recourir à la force"
)


def rules_on(key: str) -> tuple[Rule, ...]:
    """The rules registered under `key`, in registry order."""
    return tuple(rule for on, rule in RULES if on == key)


def check_cue(cue: Cue) -> None:
    """A `DataError` for a cue whose `object` no rule reads (names the cue's file and line)."""
    if cue.pos == "verb" and not rules_on(f"verb:{cue.object}"):
        known = sorted(on.removeprefix("verb:") for on, _ in RULES if on.startswith("verb:"))
        raise DataError(f"{cue.where}: no verb rule reads object {cue.object!r}; known: {', '.join(known)} (kg/relate/rules.py)")
    if cue.pos == "noun" and cue.object not in NOUN_OBJECTS:
        raise DataError(f"{cue.where}: unknown object {cue.object!r} for a noun cue; known: {', '.join(NOUN_OBJECTS)}")

