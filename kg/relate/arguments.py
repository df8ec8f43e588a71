"""Arguments: which tokens a trigger's subject and partner are, and which entities they stand for.

* `verb_subjects`: the subject of a verb, or the agent of a passive, through relative clauses,
  infinitive adjuncts and detached participles;
* `relation_partners`: the partner of a relation noun ("sa coopération avec Moscou");
* `resolve`: the entity keys a token stands for, through coordination, appositions, titles ("le
  président nigérien X"), possessors, members of a group and lists after a colon;
* coreference: a subject pronoun is the subject of the speech verb above it ("Switzerland said it
  had expelled ..."), a demonstrative relation noun the partners of the relation named just before
  ("a mis fin à ces collaborations", `antecedents`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from kg import syntax
from kg.data_tables import actor_nouns, collective_nouns, counts
from kg.iri import fold
from kg.relate.context import Context
from kg.relate.lexicon import frame, lemma


def verb_subjects(verb: Token, ctx: Context) -> tuple[list[Token], bool]:
    """Subjects (agents for passives) and whether the verb is passive."""
    if _detached_past_participle(verb) and lemma(verb) in ctx.words.implicit_agent_participle:
        # "a rompu avec le Maroc, accusé d'actions hostiles": a passive whose agent, unless named
        # ("accusés par le Conseil de ..."), is the main clause's subject
        agents = syntax.agents(verb)
        if not agents:
            gov = verb.head if verb.dep_ in ("advcl", "xcomp", "conj") else syntax.governing_verb(verb.head)
            agents = syntax.clause_subject(gov) if gov is not None else []
            if gov is not None and gov.pos_ in ("VERB", "AUX") and gov is not verb:
                # round 8: the clause's subjects with their parse repairs ("L'Arabie saoudite, les Émirats
                # et l'Égypte ont rompu avec le Qatar, accusé de ...": the first listed one too)
                main, main_passive = verb_subjects(gov, ctx)
                if main and not main_passive and {t.i for t in agents} <= {t.i for t in main}:
                    agents = main
        return agents, True
    if not syntax.is_passive(verb):
        accused = accused_of(verb, ctx)
        if accused:  # "accuse Kigali de soutenir le M23": the accused does what it is accused of
            return accused, False
    if syntax.is_passive(verb):
        agents = syntax.agents(verb) or _far_agents(verb, ctx)
        # round 9: an act noun as the agent ("visée par des tirs du M23", "targeted by an attack by JNIM"):
        # whoever did the act
        agents = [d for a in agents for d in (_act_noun_doers(a, ctx) or [a])]
        if not agents and frame(verb, "unaccusative", ctx.lexicon):
            return syntax.passive_subjects(verb), False  # "est arrivé à Alger": not a passive
        return agents, True
    noun = controlling_noun(verb, ctx)
    if noun is not None and not syntax.subjects(verb):
        # "la décision du gouvernement géorgien de suspendre", "son intention de quitter", "Moscow's plan to
        # withdraw", "has no plans to leave": the infinitive's subject is the noun's agent
        return noun_agents(noun, ctx), False
    if verb.dep_ == "xcomp" and not syntax.subjects(verb) and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "xcomp", "attr", "amod"):
        # "Chad is ready to expel", "Russia is likely to deliver": the adjective's subject acts
        subj = syntax.clause_subject(verb.head.head) if verb.head.dep_ != "amod" else []
        if subj:
            return subj, False
    if verb.dep_ in ("acl", "acl:relcl", "relcl") and not syntax.subjects(verb):
        if verb.dep_ == "acl" and _infinitive_adjunct(verb, ctx):
            # "... reçu par Poutine, dix mois après avoir renversé Assad": the parser hangs the adjunct
            # on the nearest noun, but its unexpressed subject is the main clause's (al-Charaa)
            gov = syntax.governing_verb(verb.head)
            subj = (syntax.subjects(gov) or syntax.passive_subjects(gov)) if gov is not None else []
            if subj:
                return subj, False
        if verb.dep_ == "acl" and _detached_participle(verb):
            # "a annoncé la rupture de ses relations avec l'Ukraine, accusant Kiev de ...": the present
            # participle after a comma belongs to the clause, whose subject acts
            gov = syntax.governing_verb(verb.head)
            subj = syntax.clause_subject(gov) if gov is not None else []
            if subj:
                return subj, False
        return [verb.head], False
    if verb.dep_ in ("xcomp", "advcl") and _detached_participle(verb):
        # "a imposé des sanctions au juge X, l'accusant de ...": the participle is the clause's, not
        # object control of "sanctions"
        subj = syntax.clause_subject(verb.head)
        if subj:
            return subj, False
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.lower_ in ctx.words.adjunct_mark and not syntax.subjects(verb):
        # round 5: meetings. a gerund of time after a preposition: "welcomed the decision after receiving
        # the Russian ambassador", "broke with Paris before leaving ECOWAS": the clause's subject acts
        gov = verb.head.head
        subj, passive = verb_subjects(gov, ctx) if gov.pos_ in ("VERB", "AUX") else ([], False)
        if subj and not passive:
            return subj, False
    subj = syntax.clause_subject(verb)
    if subj and subj[0].lower_ in ctx.words.relative_subject and verb.dep_ in ("acl:relcl", "relcl"):
        return _claimed_attack_doers(verb.head, ctx) or [verb.head], False
    if subj and subj[0].lower_ in ctx.words.relative_subject and subj[0].head != verb and subj[0].head.dep_ in ("acl:relcl", "relcl"):
        # round 5: meetings. an infinitive or gerund inheriting a relative's subject: "Ouagadougou, qui a rompu
        # avec Paris avant de quitter la Cédéao" -> the relative's antecedent leaves
        return [subj[0].head.head], False
    if not subj and verb.dep_ == "conj" and verb.head.pos_ in ("PROPN", "NOUN"):
        # round 8: parser slip: the first listed subject read as the root, both coordinated verbs as its
        # conjuncts ("Berlin, Paris et Londres ont jugé cette décision « inacceptable » et menacé de ..."):
        # the earlier verb's subjects
        earlier = [c for c in verb.head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i < verb.i and syntax.subjects(c)]
        if earlier:
            first_subj, first_passive = verb_subjects(earlier[-1], ctx)
            if first_subj and not first_passive:
                return first_subj, False
    if not subj:
        # parser slip: a named subject hung as "dep" ("Séoul et Tokyo ont condamné ...")
        subj = [c for c in verb.children if c.dep_ == "dep" and c.i < verb.i and c.pos_ == "PROPN" and c.i in ctx.linked.tok2ent]
        # round 6: cooperation. a named subject opening the sentence, then a relative, hung as a bare
        # adverbial ("Ouagadougou, qui a rompu avec Paris, s'appuie désormais sur la Russie")
        subj = subj or [
            c
            for c in verb.children
            if c.dep_ == "obl:mod" and c.i < verb.i and c.pos_ == "PROPN" and c.i in ctx.linked.tok2ent and syntax.case_of(c) is None
            and all(t.pos_ == "DET" for t in c.doc[c.sent.start : c.i])
            and any(r.dep_ in ("acl:relcl", "relcl") for r in c.children)
        ]
    elif verb.dep_ in ("acl:relcl", "relcl") and _listed_root_subject(verb, subj, ctx):
        # parser slip: the first of a list of subjects read as the root and the verb as its relative
        # clause ("L'Arabie saoudite, les Émirats arabes unis et l'Égypte ont rompu ...")
        subj = [verb.head, *subj]
    elif listed := _lost_listed_subjects(verb, subj, ctx):
        # parser slip: "Moscou, Pékin et Téhéran ont condamné ..." read with "Moscou" as the root
        subj = [*listed, *subj]
    elif (first := _lost_first_subject(verb, subj, ctx)) is not None:
        # parser slip: the first of two coordinated subjects read as the root, the verb as its conjunct, or
        # hung as "dep" ("Le Japon et l'Australie ont condamné ...")
        subj = [first, *subj]
    if subj and (second := _lost_second_subject(verb, subj, ctx)) is not None:
        # parser slip: "Le président français, Emmanuel Macron, et le chancelier allemand, Olaf Scholz, ont
        # condamné ..." with the second subject hung as "dep"
        subj = [*subj, second]
    if subj:
        # round 9: attribution. "une attaque attribuée au JNIM a tué ...", "drones blamed on the RSF struck ...":
        # the one the act or weapon is attributed to acted
        subj = [d for s in subj for d in (attributed_doers(s, ctx) or [s])]
    return subj, False


def _claimed_attack_doers(noun: Token, ctx: Context) -> list[Token]:
    """round 8: attacks. An attack noun with no agent of its own, object of a verb of doing or claiming, is
    that verb's subject's: "le JNIM a revendiqué l'attaque qui a visé ...", "Al-Shabaab claimed the attack
    that targeted ..." (empty for any other noun: "des sanctions qui visent ..." stay nobody's attack)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in syntax.OBJ or noun.i in ctx.linked.tok2ent or noun.head.pos_ != "VERB":
        return []
    if not any(c.property == "attacks" for c in ctx.lexicon.cues.get(("noun", lemma(noun)), ())):
        return []
    if not frame(noun.head, "support", ctx.lexicon) or resolve(noun, ctx) or event_agents(noun, ctx):
        return []
    subj, passive = verb_subjects(noun.head, ctx)
    return [] if passive else subj


def _lost_second_subject(verb: Token, subj: list[Token], ctx: Context) -> Token | None:
    """round 7: parse. The actor after "et" / "and" that the parser hung on the verb as "dep" after its
    subject: "[le président français, Emmanuel Macron,] et [le chancelier allemand, Olaf Scholz,] ont condamné"."""
    last = max(s.right_edge.i for s in subj)
    if last >= verb.i:
        return None
    cc = next((c for c in verb.children if c.dep_ == "cc" and c.lower_ in ctx.words.coordinator and last < c.i < verb.i), None)
    if cc is None:
        return None
    dep = next((c for c in verb.children if c.dep_ == "dep" and cc.i < c.i < verb.i and c.pos_ in ("NOUN", "PROPN")), None)
    if dep is None or dep.left_edge.i != cc.i + 1 or syntax.case_of(dep) is not None:
        return None
    # only punctuation between the second subject and the verb ("..., Olaf Scholz, ont condamné")
    if any(t.pos_ != "PUNCT" and t.dep_ not in ("aux", "aux:tense", "aux:pass") for t in verb.doc[dep.right_edge.i + 1 : verb.i]):
        return None
    return dep if resolve(dep, ctx) else None


def _lost_first_subject(verb: Token, subj: list[Token], ctx: Context) -> Token | None:
    """The named actor before "et" / "and" that the parser cut off from the verb's subject: "[Le Japon] et
    [l'Australie] ont condamné" read with "Le Japon" as the root (the verb its conjunct) or as a "dep"."""
    if not subj or not all(s.head == verb for s in subj):
        return None
    first = min(s.i for s in subj)
    tok2ent = ctx.linked.tok2ent
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.i < first:
        head = verb.head
    else:
        head = next((c for c in verb.children if c.dep_ == "dep" and c.i < first), verb)
    # round 7: parse. a linked name the tagger read as a verb ("Narendra Modi et Xi Jinping ont signé")
    if head == verb or head.i not in tok2ent or head.pos_ not in ("PROPN", "NOUN") and not (head.dep_ == "ROOT" and head.pos_ in ("VERB", "PRON")):
        return None
    cc = [c for c in verb.children if c.dep_ == "cc" and c.lower_ in ctx.words.coordinator and head.i < c.i < first]
    # nothing but the first actor's own name before the "et" (not "Le Japon, qui ..., et l'Australie")
    between = verb.doc[head.i + 1 : cc[0].i] if cc else None
    if between is None or not all(t.head == head and t.dep_ in syntax.NAME_PARTS for t in between):
        return None
    return head


def _lost_listed_subjects(verb: Token, subj: list[Token], ctx: Context) -> list[Token]:
    """round 7: parse. The actors of a list "A, B et C ont condamné" read with A as the root, B as its
    conjunct and the verb as another conjunct of A whose subject is C alone: [A, B]. Only when everything
    between A and the "et" is commas, determiners, the actors' own names and linked actors."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ROOT" or not subj or not all(s.head == verb for s in subj):
        return []
    head, first, tok2ent = verb.head, min(s.i for s in subj), ctx.linked.tok2ent
    if head.i >= first or head.i not in tok2ent or _is_place(tok2ent[head.i], ctx):
        return []
    cc = [c for c in verb.children if c.dep_ == "cc" and c.lower_ in ctx.words.coordinator and head.i < c.i < first]
    if not cc:
        return []
    listed = [c for c in head.children if c.dep_ == "conj" and head.i < c.i < cc[0].i and c.i in tok2ent]
    if not listed:
        return []
    members = {head.i} | {c.i for c in listed}
    for t in verb.doc[head.i + 1 : cc[0].i]:
        ok = t.text == "," or t.i in members or t.pos_ == "DET" and t.head.i in members or t.dep_ in syntax.NAME_PARTS and t.head.i in members
        if not ok:
            return []
    return [head, *listed]


def controlling_noun(verb: Token, ctx: Context) -> Token | None:
    """The control noun (`words.control_noun`) whose infinitive or gerund complement `verb` is: "la décision
    de suspendre", "son intention de quitter", "the plan to withdraw", "at risk of breaking" (else None)."""
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ == "NOUN" and head.i < verb.i:
        infinitive = "VerbForm=Inf" in str(verb.morph) or any("VerbForm=Inf" in str(c.morph) for c in verb.children if c.dep_.startswith("aux"))
        marked = any((c.dep_ == "mark" and c.lower_ in ctx.words.genitive) or (c.dep_ == "aux" and c.tag_ == "TO") for c in verb.children)
        noun = head if infinitive and marked else None
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" and head.lower_ in ctx.words.genitive and head.head.pos_ == "NOUN":
        noun = head.head  # "at risk of breaking with"
    elif verb.dep_ in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX") and "VerbForm=Inf" in str(verb.morph):
        # parser slip: "a critiqué le refus de la Hongrie de sanctionner" with the infinitive hung on the
        # verb; it belongs to the control noun object whose phrase ends right before its "de"
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ctx.words.genitive and c.i < verb.i), None)
        ends = mark.i if mark is not None else -1
        noun = next((o for o in syntax.objects(head) if o.i < verb.i and max(t.i for t in o.subtree) + 1 == ends), None)
    else:
        return None
    return noun if noun is not None and lemma(noun) in ctx.words.control_noun else None


def noun_agents(noun: Token, ctx: Context) -> list[Token]:
    """Who a control noun is of: its possessor ("Moscow's plan"), genitive ("le refus de Bamako", "la décision
    du gouvernement géorgien"), demonym ("la décision américaine"); for a possessive determiner ("son
    intention", "its refusal") or a noun held by a verb of having, taking or saying ("a pris la décision de",
    "has no plans to", "is at risk of"), the subject of that clause."""
    tok2ent = ctx.linked.tok2ent
    own = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON"]
    own += [n for p, n in syntax.obliques(noun) if p in ctx.words.genitive_singular and resolve(n, ctx)]
    own += [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i in tok2ent]
    if own:
        return own
    possessive = any((c.dep_ == "det" and "Poss=Yes" in str(c.morph)) or (c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PRON") for c in noun.children)
    gov = syntax.governing_verb(noun)
    held = gov is not None and (noun.head == gov or (noun.head.dep_ == "prep" and noun.head.head == gov))
    if gov is None or not held or noun.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
        return []
    if possessive or lemma(gov) in ctx.words.control_verb:
        subj, passive = verb_subjects(gov, ctx)
        return [] if passive else [s for s in subj if s != noun]
    return []


def _listed_root_subject(verb: Token, subj: list[Token], ctx: Context) -> bool:
    """Whether `verb.head` is an actor listed before the verb's subject with only a comma between
    their phrases, and the verb has no relative pronoun (so it is no relative clause)."""
    head, first = verb.head, min(subj, key=lambda t: t.i)
    if head.i >= first.i or head.i not in ctx.linked.tok2ent or _is_place(ctx.linked.tok2ent[head.i], ctx):
        return False
    if any(c.lower_ in ctx.words.relative_subject or c.lower_ in ctx.words.relative_object for c in verb.children):
        return False
    gap = [t for t in verb.doc[head.i + 1 : first.i] if t.i not in ctx.linked.tok2ent and t.head.i != head.i]
    return "," in {t.text for t in verb.doc[head.i + 1 : first.i]} and all(t.pos_ in ("DET", "PUNCT") for t in gap)


def accusation_of(verb: Token, ctx: Context) -> Token | None:
    """The verb of accusing whose content `verb` is: "accuse Kigali de soutenir", "accused Beijing of
    supplying", "is accused of supplying" -> accuser / accuse (None when `verb` has a subject of its own)."""
    if syntax.subjects(verb):
        return None
    words = ctx.words
    head = verb.head
    if (verb.dep_ == "pcomp" or verb.dep_ == "pobj" and verb.tag_ == "VBG") and head.dep_ == "prep" and head.lower_ in words.accusation_prep:
        acc = head.head  # "accused X of supplying"
        if acc.dep_ == "pobj" and acc.head.lower_ in words.agent and acc.head.dep_ in ("agent", "prep"):
            acc = acc.head.head  # round 9: "of" hung on the accuser: "Qatar, accused by its neighbours of funding"
    elif verb.dep_ in ("xcomp", "advcl", "acl", "obl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in words.genitive for c in verb.children):
        acc = head  # "accuse X de soutenir", "d'avoir livré"
        if acc.pos_ in ("NOUN", "PROPN") and (acc.dep_ in syntax.OBJ or acc.dep_ in ("obl:agent", "pobj") and acc.head.pos_ in ("VERB", "ADP")):
            # the infinitive hung on the accused: "accuse les Émirats d'armer"; round 9: on the accuser, agent of
            # the participle: "le Qatar, accusé par ses voisins de financer le Hamas"
            acc = acc.head if acc.dep_ != "pobj" else acc.head.head
    else:
        return None
    return acc if acc.pos_ in ("VERB", "AUX") and lemma(acc) in words.accusation_verb else None


def accused_of(verb: Token, ctx: Context) -> list[Token]:
    """Who is accused of doing what `verb` says: the object of the verb of accusing ("accuse Kigali de
    soutenir"), its dative ("reproche à Alger de"), its passive subject ("Rwanda is accused of"), the
    noun a detached participle is said of ("le Qatar, accusé de soutenir"), the antecedent of its
    relative object ("l'Iran, qu'il accuse de soutenir")."""
    acc = accusation_of(verb, ctx)
    if acc is None:
        return []
    out = [o for o in syntax.objects(acc) if o != verb and o.i < verb.i]
    out += [n for p, n in syntax.obliques(acc) if p in ctx.words.dative and n.i < verb.i]
    out += syntax.passive_subjects(acc)
    if not out and acc.dep_ == "acl" and acc.head.pos_ in ("NOUN", "PROPN"):
        out = [acc.head]
    if not out:
        antecedent = misread_relative(acc, ctx)
        out = [antecedent] if antecedent is not None else []
    return out


def misread_relative(verb: Token, ctx: Context) -> Token | None:
    """The antecedent of a relative clause of accusing the parser read as a complement clause: "avec
    l'Iran, qu'il accuse de ..." ("qu'" as a subordinator, the clause hung on the main verb) -> Iran,
    the actor right before the comma (verbs of accusing only: with others the reading is a guess)."""
    if verb.dep_ not in ("ccomp", "advcl", "conj", "parataxis") or syntax.objects(verb) or lemma(verb) not in ctx.words.accusation_verb:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ctx.words.relative_object and c.i < verb.i), None)
    if mark is None or mark.i < 2 or verb.doc[mark.i - 1].text != ",":
        return None
    before = verb.doc[mark.i - 2]
    key = ctx.linked.tok2ent.get(before.i)
    ent = ctx.entities.get(key) if key else None
    if ent is None or ent.type in ("City", "Region", "Place", "GeoRegion"):
        return None
    return before


def attribution_of(noun: Token, ctx: Context) -> Token | None:
    """round 9: attribution. The participle of attribution said of a noun: "une attaque attribuée au JNIM",
    "l'attaque, imputée aux FSR,", "an attack blamed on ISWAP" -> the participle (else None)."""
    # the detached participle the parser hangs on the act's complement: "l'attaque contre la Monusco, attribuée au M23"
    detached = [d for c in noun.children if c.dep_ in ("nmod", "prep", "pobj") for d in (c, *c.children)]
    for c in [*noun.children, *(g for d in detached for g in d.children if g.i > 0 and g.doc[g.i - 1].text == ",")]:
        if c.dep_ in ("acl", "amod", "appos", "relcl") and c.pos_ in ("VERB", "ADJ") and lemma(c) in ctx.words.attribution_participle:
            return c
    return None


def attributed_doers(noun: Token, ctx: Context) -> list[Token]:
    """round 9: attribution. The actors a thing that is no actor is attributed to: "des drones attribués aux
    FSR", "an attack blamed on ISWAP" -> the RSF, ISWAP (empty for a noun that stands for an actor)."""
    if noun.pos_ != "NOUN" or noun.i in ctx.linked.tok2ent:
        return []
    part = attribution_of(noun, ctx)
    if part is None and noun.dep_ in syntax.OBJ and noun.head.pos_ == "VERB" and lemma(noun.head) in ctx.words.attribution_participle:
        part = noun.head  # the object of a verb of attribution: "Kinshasa attribue l'attaque contre la Monusco au M23"
    if part is None or resolve(noun, ctx) or syntax.is_negated(part, ctx.words):
        return []  # (an attribution denied is nobody's act: "une attaque que l'armée n'attribue pas au JNIM")
    prep = ctx.words.attribution_prep
    out = [n for p, n in syntax.obliques(part) if fold(p) in prep and n != noun and resolve(n, ctx)]
    if not out and part == noun.head:
        # parser slip: "attribue l'attaque contre la Monusco au M23" with "au M23" hung on the act's complement;
        # an actor, not a place ("l'attaque contre la base à Kidal")
        out = [
            t
            for t in noun.subtree
            if t != noun and t.dep_ == "nmod" and fold(syntax.case_of(t) or "") in prep and resolve(t, ctx)
            and not any(_is_place(k, ctx) for k in resolve(t, ctx))
        ]
    return out


def _act_noun_doers(noun: Token, ctx: Context) -> list[Token]:
    """round 9: passives. Who did the act a passive's agent noun names (words `act_agent_noun`), when the noun
    does not stand for them itself ("des frappes israéliennes", "M23 fire" do): its genitive or agent
    complement ("des tirs du M23", "an attack by JNIM"); empty otherwise."""
    if noun.pos_ != "NOUN" or noun.i in ctx.linked.tok2ent or lemma(noun) not in ctx.words.act_agent_noun or resolve(noun, ctx):
        return []
    words = ctx.words
    return [n for p, n in syntax.obliques(noun) if (p in words.genitive or p in words.agent) and resolve(n, ctx)]


def passive_act_property(verb: Token, ctx: Context) -> str | None:
    """round 9: passives. The property of the act noun agent of a passive verb of hitting when it is no attack:
    "visée par des sanctions de l'UE", "hit by American sanctions" -> sanctions (else None)."""
    for a in syntax.agents(verb) or _far_agents(verb, ctx):
        if a.pos_ != "NOUN" or a.i in ctx.linked.tok2ent or lemma(a) not in ctx.words.act_agent_noun:
            continue
        props = {c.property for c in ctx.lexicon.cues.get(("noun", lemma(a)), ())}
        if props and "attacks" not in props:
            return sorted(props)[0]
    return None


def _far_agents(verb: Token, ctx: Context) -> list[Token]:
    """The agent of a passive that the parser hung on an adjunct of the verb: "ont été frappés en juin
    par Israël et les États-Unis" ("par Israël" under "juin")."""
    out: list[Token] = []
    tok2ent = ctx.linked.tok2ent

    def town(t: Token) -> bool:
        # round 10: or on a place ("a été accueilli à Addis-Abeba par le Premier ministre")
        ent = ctx.entities.get(tok2ent[t.i]) if t.i in tok2ent else None
        return ent is not None and ent.type in ("City", "Region")

    for c in verb.children:
        if c.dep_ in ("obl:mod", "obl", "npadvmod", "prep") and (c.i not in tok2ent or town(c)):
            # round 9: or an act noun ("visé dans la nuit par des frappes israéliennes")
            out += [n for p, n in syntax.obliques(c) if p in ctx.words.agent and (n.i in ctx.linked.tok2ent or lemma(n) in ctx.words.act_agent_noun)]
    return out


def list_continuation(tok: Token, ctx: Context) -> list[Token]:
    """Actors listed after `tok` that the parser did not coordinate with it: "avec le Mali, le Niger
    ainsi que le Burkina Faso" (the Niger hung on the verb). Only a run of commas and entity mentions
    of the same type that ends in a coordinated one, none of them a subject."""
    doc, tok2ent = tok.doc, ctx.linked.tok2ent
    first = ctx.entities.get(tok2ent.get(tok.i, ""))
    if first is None:
        return []
    out: list[Token] = []
    j = max(t.i for t in tok.subtree) + 1
    while j < tok.sent.end and doc[j].text == ",":
        k = j + 1
        while k < tok.sent.end and doc[k].pos_ == "DET":
            k += 1
        ent = ctx.entities.get(tok2ent.get(k, "")) if k < tok.sent.end else None
        if ent is None or ent.type != first.type or doc[k].dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return []
        out.append(doc[k])
        j = max(t.i for t in doc[k].subtree) + 1
    if not out or not any(c.dep_ == "conj" for c in out[-1].children):
        return []  # a list ends with a coordinated member ("..., le Niger et le Tchad")
    return out


def _infinitive_adjunct(verb: Token, ctx: Context) -> bool:
    """An infinitive (or gerund) clause of time or purpose: "après avoir renversé", "avant de quitter",
    "after toppling"."""
    if not any(c.dep_ == "mark" and c.lower_ in ctx.words.adjunct_mark for c in verb.children):
        return False
    forms = [str(verb.morph)] + [str(c.morph) for c in verb.children if c.dep_.startswith("aux")]
    return verb.tag_ == "VBG" or any("VerbForm=Inf" in f for f in forms)


def _detached_past_participle(verb: Token) -> bool:
    """A past participle right after a comma, without an auxiliary ("..., accusé de", "..., accused of")."""
    morph = str(verb.morph)
    past = verb.tag_ == "VBN" or ("VerbForm=Part" in morph and "Tense=Pres" not in morph)
    if not past or verb.i < 1 or verb.doc[verb.i - 1].text != ",":
        return False
    return not any(c.dep_.startswith("aux") for c in verb.children)


def detached_patient(verb: Token, ctx: Context, *, reach: int = 12) -> list[Token]:
    """What a detached past participle is said of: the nearest actor named before its comma.

    "a rompu ses relations avec le Maroc, accusé de ..." -> Maroc; places are passed over ("45
    diplomates de l'ambassade de Russie à Chisinau, accusés de ..." -> Russie).
    """
    if not _detached_past_participle(verb):
        return []
    head = verb.head
    if verb.dep_.startswith("acl") and head.i < verb.i:
        # the parser hung it on the noun it is said of ("James Kabarebe, ministre ..., accusé de")
        key = ctx.linked.tok2ent.get(head.i)
        if (key is not None and not _is_place(key, ctx)) or (key is None and resolve(head, ctx)):
            return [head]
    start = max(verb.sent.start, verb.i - 1 - reach)
    for t in reversed(verb.doc[start : verb.i - 1]):
        if t.text in (";", ":") or t.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            break  # another clause, or the main subject itself: not what the participle is said of
        key = ctx.linked.tok2ent.get(t.i)
        if key is not None and not _is_place(key, ctx):
            return [t]
    return []


def _is_place(key: str, ctx: Context) -> bool:
    ent = ctx.linked.entities.get(key)
    return ent is not None and ent.type in ("City", "Region", "Place", "GeoRegion")


def _detached_participle(verb: Token) -> bool:
    """A present participle set off by a comma from the noun it hangs on ("..., accusant Kiev")."""
    morph = str(verb.morph)
    present = verb.tag_ == "VBG" or ("VerbForm=Part" in morph and "Tense=Pres" in morph)
    return present and any(t.text == "," for t in verb.doc[verb.head.i + 1 : verb.i])


def relation_partners(noun: Token, ctx: Context, *, preps: tuple[str, ...] = ()) -> list[Token]:
    """Partner tokens of a relation noun: "sa coopération avec Moscou", "l'accord qui le liait à la France"."""
    partner_preps = ctx.words.partner
    if ctx.lexicon.relation_nouns.get(lemma(noun)) == "aid":
        partner_preps = ctx.words.aid_partner  # "son aide au Niger", "aid to Niger"
    if lemma(noun) in ctx.words.accession_noun:
        partner_preps = partner_preps | ctx.words.accession_prep  # round 8: "l'adhésion à l'UE", "accession to NATO"
    out = [m for p, m in syntax.obliques(noun) if p in preps or p in partner_preps]
    if not out and ctx.lexicon.relation_nouns.get(lemma(noun)) == "agreement":
        # round 5: meetings. "un protocole d'accord avec le Somaliland", "a memorandum of understanding with
        # Kenya": the partner hung on the agreement's complement
        out = [m for p, g in syntax.obliques(noun) if p in ctx.words.genitive and g.i not in ctx.linked.tok2ent for p2, m in syntax.obliques(g) if p2 in partner_preps]
    if not out and partner_preps is ctx.words.aid_partner:
        # "ses livraisons de gaz à la Moldavie", "a shipment of bombs to Israel": the partner hung on what is given
        out = [m for p, g in syntax.obliques(noun) if p in ctx.words.genitive and g.i not in ctx.linked.tok2ent for p2, m in syntax.obliques(g) if p2 in partner_preps]
    if out:
        return out + [t for m in out for t in list_continuation(m, ctx)]
    for c in noun.children:
        if c.dep_ in ("acl:relcl", "relcl", "acl") and frame(c, "bond", ctx.lexicon):
            out += [m for p, m in syntax.obliques(c) if p in ctx.words.bond_partner]
            out += [o for o in syntax.objects(c) if o.pos_ == "PROPN"]
            if not out:
                # round 8: the partner's people the agreement lets in, named by a demonym ("l'accord qui
                # autorisait la présence de soldats américains", "the pact that allowed US troops")
                nouns = actor_nouns(ctx.lang)
                out += [t for t in c.subtree if t.dep_ in ("amod", "compound") and t.i in ctx.linked.tok2ent and lemma(t.head) in nouns and t.head.i > c.i]
    return out


def linear_partner(tok: Token, ctx: Context) -> list[Token]:
    """"entre la Russie et le Mali" when the parser lost the coordination: the entity right after "et"."""
    doc = tok.doc
    j = max(t.i for t in tok.subtree) + 1
    if j < len(doc) and doc[j].lower_ in ctx.words.coordinator:
        for k in range(j + 1, min(j + 4, len(doc))):
            if k in ctx.linked.tok2ent:
                return [doc[k]]
            if doc[k].pos_ not in ("DET", "ADP"):
                break
    return []


def names_actor(tok: Token, ctx: Context) -> bool:
    """Whether a token is itself an entity mention (or a noun with a person's name in apposition)."""
    tok2ent = ctx.linked.tok2ent
    if tok.i in tok2ent or named_person(tok, ctx) is not None:
        return True
    if any(c.dep_ in syntax.NAME_PARTS and c.i in tok2ent for c in tok.children):
        return True
    # "des dirigeants du Hamas", "the leaders of Hamas": people of a named actor
    return _member_noun(tok, ctx) and any(p in ctx.words.genitive and n.i in tok2ent for p, n in syntax.obliques(tok))


# -- resolution ----------------------------------------------------------------------------------


def resolve(tok: Token, ctx: Context, *, depth: int = 0) -> list[str]:
    """Entity keys a token stands for, with its conjuncts, appositions and colon lists."""
    tok2ent = ctx.linked.tok2ent
    words = ctx.words
    keys: list[str] = []
    for t in syntax.conjuncts(tok):
        members = syntax.listed_members(t, words.list_intro) if depth <= 2 else []
        listed = [k for m in members for k in resolve(m, ctx, depth=depth + 1)]
        if listed:  # "seven countries, including Argentina and Chile", "sept pays, dont le Mali": the members named
            keys += [k for k in dict.fromkeys(listed) if k not in keys]
            continue
        firm = _firm_named_after(t, ctx)
        if firm is not None:  # "le russe Rosatom", "le groupe nucléaire français Orano": the firm, not its country
            if firm not in keys:
                keys.append(firm)
            continue
        own = tok2ent.get(t.i)
        # a named group or organisation keeps its name ("les Forces de soutien rapide ... du général X");
        # a title or a demonym noun gives way to the person named in apposition
        # ("the Trump administration" is the linked country, not the person)
        generic = own is not None and t.pos_ == "NOUN" and ctx.gazetteer.generic_actor(lemma(t), ctx.lang) == "country"
        person = named_person(t, ctx) if (own is None or own.startswith(("country/", "person/"))) and not generic else None
        if person is not None:  # "le président nigérien Mohamed Bazoum", "son homologue russe Sergueï Lavrov"
            if person not in keys:
                keys.append(person)
            # round 10: parser slip: the next conjunct hung on the name in apposition ("Le Premier ministre
            # indien, Narendra Modi, et son homologue pakistanais, Shehbaz Sharif, se sont engagés")
            more = [n for c in t.children if c.dep_ == "appos" for n in c.children if n.dep_ == "conj" and n.pos_ == "NOUN"]
            keys += [k for n in more for k in resolve(n, ctx, depth=depth + 1) if k not in keys]
            continue
        named = _named_group(t, ctx) if own is not None and t.pos_ == "NOUN" else None
        if named is not None:  # "des jihadistes du JNIM", "les rebelles du M23": the group named
            if named not in keys:
                keys.append(named)
            continue
        key = tok2ent.get(t.i)
        if key is None and depth == 0:
            speaker = _speaker(t, ctx) or _relative_clause_subject(t, ctx) or _object_antecedent(t, ctx)
            if speaker is not None:  # "Switzerland said it had expelled ...": "it" is Switzerland
                keys += [k for k in resolve(speaker, ctx, depth=depth + 1) if k not in keys]
                continue
        if key is None:
            # a multi-token name whose syntactic head is another token of the name
            for c in t.children:
                if c.dep_ in syntax.NAME_PARTS and tok2ent.get(c.i):
                    key = tok2ent[c.i]
                    break
        if key is not None and key.startswith("person/") and t.pos_ == "NOUN" and ctx.gazetteer.generic_actor(lemma(t), ctx.lang) == "country":
            # "the Trump administration", "the Lula government": the leader's country acts
            key = _leader_country(key, ctx) or key
        if key is not None:
            if key not in keys:
                keys.append(key)
            continue
        if t.dep_ in syntax.SUBJ and (apposed := _apposed_to(t, ctx)) is not None:
            keys += [k for k in resolve(apposed, ctx, depth=depth + 1) if k not in keys]
            continue
        plural = plural_anaphor(t, ctx)
        if plural:  # "les deux pays", "the three countries", "both sides"
            keys += [k for k in plural if k not in keys]
            continue
        if depth > 2:
            continue
        # "deux de ses partenaires : la Russie et la Turquie", "les partenaires occidentaux — la France et ..."
        for c in t.children:
            # "Taiwan's vice foreign minister": the possessor of an actor noun
            possessor = c.dep_ in ("poss", "nmod:poss") and t.pos_ == "NOUN"
            # "fighters from ISWAP", "une délégation en provenance du Mali": where members of a group come from
            provenance = _member_noun(t, ctx) and (c.lower_ in words.provenance_prep or syntax.case_of(c) in words.provenance_case)
            if provenance and lemma(t) not in actor_nouns(ctx.lang):
                # "fighters from ISWAP" are ISWAP's; "fighters from Sudan" are not the Sudanese state
                target = next((g for g in c.children if g.dep_ == "pobj"), c)
                provenance = bool(resolve(target, ctx, depth=depth + 1)) and not any(k.startswith("country/") for k in resolve(target, ctx, depth=depth + 1))
                if not provenance:
                    continue
            if c.dep_ == "appos" and any(cue.object == "holder" for cue in ctx.lexicon.cues.get(("noun", lemma(c)), ())):
                continue  # "le JNIM, la branche sahélienne d'Al-Qaïda": said of it, not more of it
            if possessor or provenance or c.dep_ in ("appos", "nmod", "dep", "conj", "obj", "parataxis") or (c.dep_ == "prep" and c.lower_ in words.of_prep):
                if c.dep_ == "nmod" and (case := syntax.case_of(c)) is not None and case not in words.member_case and not provenance:
                    continue
                target = c
                if c.dep_ == "prep":
                    target = next((g for g in c.children if g.dep_ == "pobj"), c)
                keys += [k for k in resolve(target, ctx, depth=depth + 1) if k not in keys]
        if not keys and t.pos_ == "NOUN" and lemma(t) in actor_nouns(ctx.lang) and (owner := _possessive_owner(t, ctx)) is not None:
            # round 8: "mais l'un de ses députés a averti", "one of its officials said": the members of the
            # group or state the sentence's earlier clause has as its subject
            keys.append(owner)
        # demonym adjectives on the noun ("les partenaires russes et turcs")
        for c in t.children:
            if c.dep_ == "amod":
                for a in syntax.conjuncts(c):
                    k = tok2ent.get(a.i)
                    if k and k not in keys:
                        keys.append(k)
    if not keys and depth == 0 and tok.pos_ == "NOUN" and lemma(tok) in actor_nouns(ctx.lang) and tok.dep_ in syntax.OBJ:
        # "expelled diplomats from seven countries": the parser hangs "from" on the verb, right after the
        # object; the state's people come from there (a country; "fighters from Sudan" are not the state's)
        after = tok.right_edge.i + 1
        for c in tok.head.children:
            if c.i == after and c.dep_ == "prep" and c.lower_ in words.provenance_prep:
                found = [k for g in c.children if g.dep_ == "pobj" for k in resolve(g, ctx, depth=depth + 1)]
                if found and all(k.startswith("country/") for k in found):
                    keys = found
    if not keys and depth == 0 and tok.dep_ in syntax.OBJ and _member_noun(tok, ctx):
        # round 6: cooperation. "soutient les séparatistes du Front Polisario": the parser hangs the named
        # group right after a member noun on the verb; the members are the group's (a group or an
        # organisation: "les soldats du Mali" are left to the state rules)
        after = tok.right_edge.i + 1
        for c in tok.head.children:
            if c.left_edge.i == after and syntax.case_of(c) in words.genitive_singular:
                found = [k for k in resolve(c, ctx, depth=depth + 1) if (e := ctx.entities.get(k)) is not None and e.type in ("ArmedGroup", "Organization")]
                keys = found or keys
    if not keys and depth == 0:
        keys = _colon_list(tok, ctx)
    return keys


def act_doers(tok: Token, ctx: Context) -> list[str]:
    """Who a token stands for as the doer of an act: its entities, else the agent of the participle on
    an act noun ("l'accord conclu par l'Éthiopie", "the strikes carried out by Israel")."""
    keys = resolve(tok, ctx)
    if keys or tok.pos_ != "NOUN":
        return keys
    return [k for c in tok.children if c.dep_ in ("acl", "amod") and c.pos_ == "VERB" for a in syntax.agents(c) for k in resolve(a, ctx)]


def _firm_named_after(tok: Token, ctx: Context) -> str | None:
    """round 6: cooperation. The organisation named right after a demonym or a kind of firm, with only
    adjectives between: "avec le russe Rosatom", "le groupe nucléaire français Orano" (French puts the
    demonym before the firm's name; the parser often reads the demonym as the head)."""
    tok2ent = ctx.linked.tok2ent
    own = tok2ent.get(tok.i)
    if own is not None:
        if not (own.startswith("country/") and tok.text[:1].islower()):
            return None  # a demonym is written in lower case in French; a country's name is not
    elif tok.pos_ != "NOUN" or lemma(tok) not in ctx.words.firm_noun:
        return None
    doc = tok.doc
    j = tok.i + 1
    while j < len(doc) and j <= tok.i + 3 and j not in tok2ent and doc[j].pos_ == "ADJ" and doc[j].text[:1].islower():
        j += 1  # "nucléaire"
    while j < len(doc) and j <= tok.i + 4 and doc[j].text[:1].islower() and tok2ent.get(j, "").startswith("country/"):
        j += 1  # the demonym after the kind of firm: "le groupe français"
    key = tok2ent.get(j) if j < len(doc) else None
    ent = ctx.entities.get(key) if key else None
    if ent is None or ent.type != "Organization" or not doc[j].text[:1].isupper():
        return None
    return key


def _named_group(noun: Token, ctx: Context) -> str | None:
    """The named group a common noun linked to a generic group belongs to: "des jihadistes du JNIM",
    "les rebelles du M23" -> JNIM, M23 (not the generic "jihadist groups" or "rebels")."""
    ent = ctx.entities.get(ctx.linked.tok2ent.get(noun.i, ""))
    if ent is None or ent.type != "ArmedGroup":
        return None
    for p, n in syntax.obliques(noun):
        key = ctx.linked.tok2ent.get(n.i)
        other = ctx.entities.get(key) if key else None
        if p in ctx.words.genitive_singular and other is not None and other.type == "ArmedGroup" and key != ent.key:
            return key
    return None


def _apposed_to(noun: Token, ctx: Context) -> Token | None:
    """The entity a noun of what something is ("la branche sahélienne d'Al-Qaïda", "an ally of X") is in
    apposition to, when the parser took the apposition for the subject: "Des combattants du JNIM, la
    branche sahélienne d'Al-Qaïda, ont attaqué" -> JNIM, not Al-Qaeda."""
    if noun.pos_ != "NOUN" or not any(cue.object == "holder" for cue in ctx.lexicon.cues.get(("noun", lemma(noun)), ())):
        return None
    doc = noun.doc
    left = min(t.i for t in noun.subtree if not t.is_punct)
    j = left - 2
    if left < 2 or doc[left - 1].text != ",":
        return None
    if doc[j].text == ")":  # "du Groupe de soutien ... (GSIM, ou JNIM), la branche ..."
        opening = next((k for k in range(j - 1, max(j - 8, 0), -1) if doc[k].text == "("), None)
        j = opening - 1 if opening else j
    return doc[j] if j in ctx.linked.tok2ent else None


def plural_anaphor(noun: Token, ctx: Context, *, window: int = 2) -> list[str]:
    """The actors a counted plural noun stands for: "les deux pays", "les trois capitales européennes",
    "both countries", "the two sides" -> the N most recent distinct actors of its kind before it (its
    sentence first, then up to `window` sentences back), never those of its own clause's single subject
    (X "accused the three countries" is not one of them; "X and Y signed a treaty between the two
    countries" are). Countries for country nouns (a capital counts
    for its country), any state or armed actor for "sides"; nothing unless N are found."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    lem = lemma(noun)
    words = ctx.words
    sides = lem in words.side_anaphor
    leaders = lem in words.leader_anaphor or fold(lem) in words.leader_anaphor
    if not sides and not leaders and lem not in words.plural_anaphor:
        return []
    number = counts(words)
    n = next((number[c.lower_] for c in noun.children if c.lower_ in number), 0)
    if not n:
        n = next((int(c.text) for c in noun.children if c.dep_ == "nummod" and c.text.isdigit()), 0)
    if "Number=Sing" in str(noun.morph) or noun.tag_ in ("NN", "NNP"):
        return []
    if not n and not sides and any(c.dep_ in ("poss", "nmod:poss", "det") and c.lower_ in words.plural_possessive for c in noun.children):
        return _owners_countries(noun, ctx)  # "Modi et Xi ... leurs pays", "Modi and Xi ... their countries"
    if n < 2:
        return []
    doc, tok2ent = noun.doc, ctx.linked.tok2ent
    sent = noun.sent
    start = sent.start
    for _ in range(window):
        if start > 0:
            start = doc[start - 1].sent.start
    gov = syntax.governing_verb(noun)
    own: set[int] = set()
    if gov is not None and noun.dep_ not in syntax.SUBJ | syntax.PASS_SUBJ:
        subj = syntax.clause_subject(gov)
        if not any(c.dep_ == "conj" for s in subj for c in s.children):  # "X et Y ont signé un traité entre les deux pays"
            own = {t.i for s in subj for t in s.subtree}
    # actors named as subjects first ("Morocco and Algeria have quarrelled over Western Sahara. The two
    # countries ..."), else the nearest ones wherever they stand
    for subjects_only in (True, False):
        found: list[str] = []
        for i in range(noun.i - 1, start - 1, -1):
            key = tok2ent.get(i)
            if key is None or i in own or (subjects_only and not _in_subject(doc[i])):
                continue
            ent = ctx.entities.get(key)
            if ent is None:
                continue
            if leaders:
                if ent.type != "Person" or key not in ctx.linked.leaders:
                    continue  # round 10: "les deux dirigeants", "the two leaders": the leaders named before
            elif ent.type == "City" and ent.capital_of and lem in words.plural_anaphor:
                key = ent.capital_of  # "Paris, Londres et Berlin ... les trois capitales"
            elif ent.type == "Person" and key in ctx.linked.leaders:
                key = ctx.linked.leaders[key]  # "Pachinian et Aliev ... les deux pays"
            elif not (ent.type == "Country" or (sides and ent.type in ("ArmedGroup", "InternationalOrganization", "Organization"))):
                continue
            if key not in found:
                found.append(key)
                if len(found) == n:
                    for k in found:
                        ctx.entities.bring(k, "plural-anaphor")
                    return list(reversed(found))
    return []


def _owners_countries(noun: Token, ctx: Context) -> list[str]:
    """The countries of "their countries" / "leurs pays": those of the coordinated subject of the
    sentence's main clause ("Modi and Xi held talks after their countries reached a deal" -> India,
    China), persons standing for the countries they lead or are of; nothing unless each conjunct is a country or a leader
    and two countries at least are found."""
    root = noun.sent.root
    subjects = [c for s in syntax.clause_subject(root) for c in syntax.conjuncts(s)]
    found: list[str] = []
    for s in subjects:
        key = ctx.linked.tok2ent.get(s.i) or next((ctx.linked.tok2ent[c.i] for c in s.children if c.dep_ in syntax.NAME_PARTS and c.i in ctx.linked.tok2ent), None)
        ent = ctx.entities.get(key) if key else None
        if ent is not None and ent.type == "Person":
            key = _leader_country(ent.key, ctx)
            ent = ctx.entities.get(key) if key else None
        if key is None or ent is None or ent.type != "Country":
            return []
        if key not in found:
            found.append(key)
    if len(found) < 2:
        return []
    for k in found:
        ctx.entities.bring(k, "plural-anaphor")
    return found


def _in_subject(tok: Token) -> bool:
    """Whether a token is (in) a clause's subject: the subject, a conjunct or a modifier of it."""
    t = tok
    for _ in range(3):
        if t.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return True
        if t.dep_ not in ("conj", "amod", "compound", "appos", "flat:name", "flat", "nmod", "poss", "nmod:poss") or t.head == t:
            return False
        t = t.head
    return False


def event_agents(noun: Token, ctx: Context) -> list[str]:
    """Who did the act a noun names, as its agent complement: "une violation par Pyongyang des
    résolutions", "the seizure by Iran of a tanker" -> North Korea, Iran."""
    if noun.pos_ != "NOUN" or noun.i in ctx.linked.tok2ent:
        return []
    lem = lemma(noun)
    if lem not in ctx.words.event_noun and ("noun", lem) not in ctx.lexicon.cues:
        return []
    return [k for p, n in syntax.obliques(noun) if p in ctx.words.agent for k in resolve(n, ctx)]


def event_antecedent(noun: Token, ctx: Context, *, window: int = 2) -> list[str]:
    """Who did the act a demonstrative act noun refers back to: "ce revirement", "this decision", "the
    move" -> the subject of the last relation found before it, within `window` sentences back."""
    if not _demonstrative(noun, ctx):
        return []
    sents = list(noun.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= noun.i < s.end), 0)
    lo = sents[max(0, idx - window)].start
    before = [(i, key) for i, key, _, _ in ctx.events if lo <= i < noun.i]
    if not before:
        return []
    last = max(i for i, _ in before)
    return list(dict.fromkeys(key for i, key in before if i == last))


# round 10: the acts one actor takes against another, which the other may answer ("Doha a dénoncé des
# mesures injustifiées": the measures taken against Doha)
HOSTILE_ACTS = frozenset({"endsCooperationWith", "expels", "withdrawsFrom", "criticizes", "threatens", "demands", "rejects", "sanctions", "attacks", "opposes"})


def reaction_antecedent(noun: Token, reactor: set[str], ctx: Context, *, window: int = 2) -> list[str]:
    """Who did the act that an act noun points back at, when the actors in `reactor` answer it: "Pékin a
    rejeté ces accusations" (the one who accused Beijing), "Doha a dénoncé des mesures « injustifiées »",
    "Beijing rejected the accusations", "Rabat a regretté une décision injustifiée" (the one who acted
    against Rabat), within `window` sentences back.

    The noun points back when it is demonstrative or definite and bare, or qualified as unjust. The act
    is the last one against the reactor of the matching kind (an accusation: a criticism); nothing when
    the reactor's own act against another is the closer one (a reaction to its own measures)."""
    if not reactor or not (_unjust(noun, ctx) or _demonstrative(noun, ctx) or _definite_bare(noun, ctx)):
        return []
    sents = list(noun.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= noun.i < s.end), 0)
    lo = sents[max(0, idx - window)].start
    accusation = lemma(noun) in ctx.words.accusation_noun
    acts = [e for e in ctx.events if lo <= e[0] < noun.i and e[2] in HOSTILE_ACTS and (e[2] == "criticizes" or not accusation)]
    against = [e for e in acts if e[3] in reactor and e[1] not in reactor]
    if not against:
        return []
    last = max(e[0] for e in against)
    if any(e[0] > last and e[1] in reactor for e in acts):
        return []  # the reactor's own act is named after it: "ces mesures" are its own
    return list(dict.fromkeys(e[1] for e in against if e[0] == last))


def _unjust(noun: Token, ctx: Context) -> bool:
    """An act noun qualified as unjust or baseless: "une décision injustifiée", "des prétextes fallacieux",
    "des allégations sans fondement", "baseless allegations", "unjustified measures"."""
    words = ctx.words
    # the parser often hangs "sans fondement" right after the noun on the verb: "a récusé des allégations sans fondement"
    after = [c for c in noun.head.children if c.dep_.startswith("obl") and c.left_edge.i == noun.right_edge.i + 1]
    for c in [*noun.children, *after]:
        if c.dep_ in ("amod", "acl", "acl:relcl") and lemma(c) in words.unjust_word:
            return True
        # "sans fondement" (a noun of ground with its preposition of lack), "without foundation"
        if (c.dep_ == "nmod" or c in after) and lemma(c) in words.ground_noun and any(g.dep_ == "case" and g.lower_ in words.unjust_without for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in words.unjust_without and any(g.dep_ == "pobj" and lemma(g) in words.ground_noun for g in c.children):
            return True
    return False


def _definite_bare(noun: Token, ctx: Context) -> bool:
    """"les accusations", "the allegations", "les accusations d'espionnage": a definite act noun with
    nothing but its article, adjectives and a complement naming no actor points back at the act named
    before."""
    tok2ent = ctx.linked.tok2ent
    return any(c.dep_ == "det" and (c.lower_ in ctx.words.definite_det or "Definite=Def" in str(c.morph)) for c in noun.children) and all(
        c.dep_ in ("det", "amod", "punct") or (c.dep_ in ("nmod", "compound", "prep") and not any(t.i in tok2ent for t in c.subtree))
        for c in noun.children
    )


def _demonstrative(noun: Token, ctx: Context) -> bool:
    """"ce revirement", "cette décision", "this move", and "the move" in English (the definite article
    of a bare act noun refers back)."""
    bare = noun.tag_ == "NN" and all(c.dep_ in ("det", "amod", "punct") for c in noun.children)
    return any(
        c.dep_ == "det" and ("PronType=Dem" in str(c.morph) or c.lower_ in ctx.words.demonstrative or (c.lower_ == "the" and bare))
        for c in noun.children
    )


def person_country(person: str, ctx: Context) -> str | None:
    """The country a person leads (their title in the article), else the one the gazetteer gives them."""
    if person in ctx.linked.leaders:
        return ctx.linked.leaders[person]
    ent = ctx.gazetteer.get(person)
    return (ent.country or None) if ent is not None and ent.type == "Person" else None


def _leader_country(person: str, ctx: Context) -> str | None:
    """`person_country`, brought in."""
    country = person_country(person, ctx)
    if country is not None:
        ctx.entities.bring(country, "leader-country")
    return country


def _object_antecedent(pron: Token, ctx: Context) -> Token | None:
    """What an object pronoun stands for: a relative "que" the noun its clause hangs on ("le ministre X,
    qu'elles accusent"); a singular object pronoun the nearest actor named before it in its sentence,
    outside its clause's subject ("a sanctionné le juge X, l'accusant de", "accusing him of"); a person
    for "him" / "her", a person or a country for "le" / "la", not a person for "it"."""
    if pron.pos_ != "PRON" or pron.dep_ not in syntax.OBJ:
        return None
    words = ctx.words
    verb = pron.head
    if pron.lower_ in words.relative_object and verb.dep_ in ("relcl", "acl:relcl") and verb.head.i < pron.i:
        return verb.head
    if pron.lower_ in words.plural_object_pronoun:
        return _plural_object_antecedent(pron, ctx)
    if pron.lower_ not in words.object_pronoun:
        return None
    own = {t.i for s in verb_subjects(verb, ctx)[0] for t in s.subtree}
    tok2ent = ctx.linked.tok2ent
    for i in range(pron.i - 1, pron.sent.start - 1, -1):
        key = tok2ent.get(i)
        ent = ctx.entities.get(key) if key else None
        if ent is None or i in own or ent.type not in ("Person", "Country", "ArmedGroup", "InternationalOrganization", "Organization"):
            continue
        person = ent.type == "Person"
        if pron.lower_ in words.person_pronoun and not person:
            continue
        if pron.lower_ == "it" and person:
            continue
        return pron.doc[i]
    return None


def _plural_object_antecedent(pron: Token, ctx: Context) -> Token | None:
    """round 10: meetings. A plural object pronoun of a relative or adverbial clause stands for the several
    coordinated subjects of the clause it hangs on ("X et Y ont conclu un accord sous l'égide de Z, qui les
    avait reçus séparément", "X and Y signed a deal after Z hosted them"); None unless they are two actors
    or more, none of them in the pronoun's own clause's subject."""
    verb = pron.head
    if verb.dep_ not in ("relcl", "acl:relcl", "advcl"):
        return None
    own = {k for s in verb_subjects(verb, ctx)[0] for k in resolve(s, ctx, depth=1)}
    gov = verb
    for _ in range(12):  # the first clause up whose subject names actors ("un accord destiné à mettre fin ...,
        # sous l'égide de Z, qui les avait reçus": past the infinitive, whose subject names none)
        if gov.head == gov:
            return None
        gov = gov.head
        if gov.pos_ not in ("VERB", "AUX"):
            continue
        subj = verb_subjects(gov, ctx)[0]
        keys = resolve(subj[0], ctx, depth=1) if subj else []
        if keys:
            return subj[0] if len(keys) >= 2 and not own & set(keys) else None
    return None


def _relative_clause_subject(pron: Token, ctx: Context) -> Token | None:
    """The subject of the clause a relative clause hangs in, for a subject pronoun of that relative clause:
    "The United States will resume the aid, which it had paused" -> the United States."""
    if pron.pos_ != "PRON" or pron.lower_ not in ctx.words.subject_pronoun or pron.dep_ not in syntax.SUBJ:
        return None
    verb = pron.head
    if verb.dep_ not in ("relcl", "acl:relcl"):
        return None
    gov = syntax.governing_verb(verb.head)
    subj = syntax.clause_subject(gov) if gov is not None else []
    return subj[0] if subj and subj[0].pos_ != "PRON" else None


def _speaker(pron: Token, ctx: Context) -> Token | None:
    """The subject of the speech verb whose complement clause a subject pronoun opens:
    "Switzerland said it had expelled", "Le Niger a annoncé qu'il quittait" -> Switzerland, Niger."""
    if pron.pos_ != "PRON" or pron.lower_ not in ctx.words.subject_pronoun or pron.dep_ not in syntax.SUBJ | syntax.PASS_SUBJ:
        return None
    clause = pron.head
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:  # "said it would leave", "said it had met ... and signed"
        clause = clause.head
    that = any(c.dep_ == "mark" and c.lower_ in ctx.words.complementizer for c in clause.children)
    if clause.dep_ != "ccomp" and not (clause.dep_ == "advcl" and that):  # "a annoncé mardi qu'elle ..." misparsed
        return None
    speech = clause.head
    if lemma(speech) not in ctx.lexicon.modality.get("report_verb", ()):
        return None
    subj = syntax.subjects(speech)
    return subj[0] if subj and subj[0].pos_ != "PRON" else None


def _possessive_owner(noun: Token, ctx: Context) -> str | None:
    """The group, organisation or state a possessive ("ses députés", "its lawmakers") on a member noun
    stands for: the subject of an earlier clause of the sentence, when it is one (not a person)."""
    if not any((c.dep_ == "det" and "Poss=Yes" in str(c.morph)) or (c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PRON") for c in noun.children):
        return None
    tok2ent = ctx.linked.tok2ent
    for i in range(noun.i - 1, noun.sent.start - 1, -1):
        key = tok2ent.get(i)
        ent = ctx.entities.get(key) if key else None
        tok = noun.doc[i]
        if ent is not None and tok.dep_ in syntax.SUBJ and tok.head.i < noun.i:
            return key if ent.type in ("ArmedGroup", "Organization", "InternationalOrganization", "Country") else None
    return None


@functools.lru_cache(maxsize=4)
def _member_nouns(lang: str) -> frozenset[str]:
    """Nouns naming members of a group (actor nouns and non-state collectives: "delegation", "fighters")."""
    return actor_nouns(lang) | frozenset(collective_nouns(lang))


def _member_noun(tok: Token, ctx: Context) -> bool:
    return tok.pos_ == "NOUN" and lemma(tok) in _member_nouns(ctx.lang)


def named_person(noun: Token, ctx: Context) -> str | None:
    """The person named in apposition to a common noun ("le président X", "his counterpart X")."""
    if noun.pos_ != "NOUN":
        return None
    tok2ent = ctx.linked.tok2ent
    for c in noun.children:
        if c.dep_ in ("appos", "flat", "flat:name", "nmod", "compound") and syntax.case_of(c) is None:
            key = tok2ent.get(c.i)
            if key and key.startswith("person/"):
                return key
    for c in noun.children:
        # round 10: parser slip: the name after a comma read as a conjunct with no conjunction ("sous l'égide
        # du président turc, Recep Tayyip Erdoğan, qui"): an apposition
        if c.dep_ == "conj" and c.i > 0 and noun.doc[c.i - 1].text == "," and not any(x.dep_ == "cc" for n in noun.children if n.dep_ == "conj" for x in n.children):
            key = tok2ent.get(c.i)
            if key and key.startswith("person/"):
                return key
    # ClearNLP: "President Vladimir Putin" has the noun as a compound of the name
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        key = tok2ent.get(noun.head.i)
        if key and key.startswith("person/"):
            return key
    # parser slip: the name right after its title hangs elsewhere ("dirigé par le général Assimi Goïta")
    nxt = noun.i + 1
    while nxt < len(noun.doc) and noun.doc[nxt].dep_ == "amod" and noun.doc[nxt].head == noun:
        nxt += 1  # "son homologue rwandais Paul Kagame" with the name hung on another noun
    if nxt < len(noun.doc) - 1 and noun.doc[nxt].text == "," and noun.doc[nxt + 1].pos_ == "PROPN":
        nxt += 1  # round 10: or set off by a comma ("avec son homologue tadjik, Emomali Rahmon")
    if nxt < len(noun.doc) and (noun.i not in tok2ent or nxt > noun.i + 1) and noun.doc[nxt].pos_ == "PROPN" and noun.doc[nxt].head != noun.doc[nxt]:
        key = tok2ent.get(nxt)
        if key and key.startswith("person/"):
            return key
    return None


def _colon_list(tok: Token, ctx: Context) -> list[str]:
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
                key = ctx.linked.tok2ent.get(u.i)
                if key and key not in keys:
                    keys.append(key)
            return keys
        if not (t.is_punct or t.pos_ in ("ADJ", "ADV")):
            break
    return []


# -- coreference of relation nouns ------------------------------------------------------------------


def antecedents(ctx: Context) -> list[tuple[int, list[str]]]:
    """Relation nouns with an explicit partner ("alliances avec Moscou et Ankara"), in text order:
    (token index, partner entity keys)."""
    nouns = ctx.lexicon.relation_nouns
    out = []
    for tok in (ctx.doc[i] for i, lem in enumerate(ctx.lemmas) if lem in nouns):
        keys = [k for p, n in syntax.obliques(tok) if p in ctx.words.partner for k in resolve(n, ctx)]
        if keys:
            out.append((tok.i, keys))
    return out


def antecedent_partners(tok: Token, ctx: Context, *, window: int = 3) -> list[str]:
    """Partners of the closest earlier relation noun (`ctx.antecedents`) within `window` sentences
    ("ces collaborations")."""
    sents = list(tok.doc.sents)
    idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    lo = sents[max(0, idx - window)].start
    best: list[str] = []
    for i, keys in ctx.antecedents:
        if lo <= i < tok.i:
            best = keys
    return best
