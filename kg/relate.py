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

from spacy.tokens import Doc, Span, Token

from kg import syntax
from kg.data_tables import rows
from kg.iri import fold
from kg.link import Linked
from kg.types import Relation
from kg.vocab import RELATIONS

# relations where a head of state / government acts for the state (state-level coding, as event coders do)
STATE_LEVEL = frozenset(RELATIONS) - {"leads", "seizesPowerIn", "overthrows", "memberOf", "locatedIn", "capitalOf", "affiliatedWith"}
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


# -- rules --------------------------------------------------------------------


def _with_ok(verb: Token, cue: Cue) -> Token | None:
    """For fixed expressions, the token carrying the required word ("fin" of "mettre fin"); else the verb."""
    if not cue.with_:
        return verb
    for c in verb.children:
        if lemma(c) in cue.with_ and c.dep_ in syntax.OBJ | {"compound:prt", "prt", "obl", "obl:arg", "obl:mod", "nmod", "dobj"}:
            return c
        if c.dep_ == "prep" and any(lemma(g) in cue.with_ for g in c.children):
            return c
    return None


def _verb_subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subjects (agents for passives) and whether the verb is passive."""
    if syntax.is_passive(verb):
        return syntax.agents(verb), True
    if verb.dep_ in ("acl", "acl:relcl", "relcl") and not syntax.subjects(verb):
        return [verb.head], False
    subj = syntax.clause_subject(verb)
    if subj and subj[0].lower_ in ("qui", "who", "that", "which") and verb.dep_ in ("acl:relcl", "relcl"):
        return [verb.head], False
    return subj, False


def rule_verb_object(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with a direct object: "Le Mali expulse l'ambassadeur"; passive: "a été expulsé par"."""
    subj, passive = _verb_subjects(verb)
    if passive:
        objs = syntax.passive_subjects(verb) or ([verb.head] if verb.dep_ in ("acl",) else [])
    else:
        objs = [o for o in syntax.objects(verb) if lemma(o) not in cue.with_]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-{'passive' if passive else 'obj'}")


def rule_verb_prep(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb with its partner in an oblique: "rompt avec Ankara", "cooperates with Russia"."""
    subj, passive = _verb_subjects(verb)
    anchor = _with_ok(verb, cue)
    objs = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    if anchor is not None and anchor is not verb:
        objs += [n for p, n in syntax.obliques(anchor) if p in cue.preps]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-prep")


def rule_verb_relnoun(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb on a relation noun: "rompt sa coopération avec Moscou", "mettre fin à ses accords avec"."""
    subj, passive = _verb_subjects(verb)
    nouns = relation_nouns(cue.lang)
    heads = [c for c in verb.children if (c.dep_ in syntax.OBJ or c.dep_ in syntax.OBLIQUE or c.dep_ == "prep") and lemma(c) in nouns]
    heads += [g for c in verb.children if c.dep_ == "prep" for g in c.children if lemma(g) in nouns]
    if passive:
        heads += [c for c in syntax.passive_subjects(verb) if lemma(c) in nouns]
    if cue.with_:
        fixed = _with_ok(verb, cue)
        if fixed is None:
            return
        heads = [h for h in heads if h is not fixed] + [n for p, n in syntax.obliques(fixed) if lemma(n) in nouns]
        heads += [n for p, n in syntax.obliques(verb) if p in ("à", "au", "aux", "to") and lemma(n) in nouns]
    objs: list[Token] = []
    for noun in heads:
        for n in syntax.conjuncts(noun):
            objs += [m for p, m in syntax.obliques(n) if p in cue.preps or p in ("avec", "with", "entre", "between")]
    objs += [n for p, n in syntax.obliques(verb) if p in cue.preps and lemma(n) not in nouns]
    if heads and subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-relnoun")
    elif heads and subj and any(_demonstrative(h) for h in heads):
        # "a mis fin à ces collaborations": the partners of the relation named just before
        keys = ctx.antecedent_partners(verb)
        if keys:
            yield Candidate(verb, subj, [], cue, f"{cue.lang}.verb-relnoun-anaphora", object_keys=keys)


def _demonstrative(noun: Token) -> bool:
    return any(c.dep_ == "det" and ("PronType=Dem" in str(c.morph) or c.lower_ in ("this", "these", "those", "that")) for c in noun.children)


def rule_verb_place(verb: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Verb whose target is a place: "retire ses troupes du Mali", "took power in Niger"."""
    subj, _ = _verb_subjects(verb)
    if cue.with_ and _with_ok(verb, cue) is None:
        return
    objs = [n for p, n in syntax.obliques(verb) if p in cue.preps]
    for c in verb.children:
        if c.dep_ in syntax.OBJ and cue.object == "place" and not cue.with_:
            objs += [n for p, n in syntax.obliques(c) if p in cue.preps]
    if cue.property == "withdrawsFrom" and not objs:
        objs = [o for o in syntax.objects(verb) if o.pos_ == "PROPN"]
    if subj and objs:
        yield Candidate(verb, subj, objs, cue, f"{cue.lang}.verb-place")


def rule_noun_trigger(noun: Token, cue: Cue, ctx: Context) -> Iterator[Candidate]:
    """Noun triggers: "la rupture avec Moscou", "la coopération militaire entre la Russie et le Mali"."""
    if cue.with_ and not any(lemma(c) in cue.with_ for c in noun.subtree):
        return
    obl = list(syntax.obliques(noun))
    between = [n for p, n in obl if p in ("entre", "between")]
    if between:
        members = [m for b in between for m in syntax.conjuncts(b)]
        if len(members) >= 2:
            yield Candidate(noun, [members[0]], members[1:], cue, f"{cue.lang}.noun-between")
        return
    objs = [n for p, n in obl if p in cue.preps and p not in ("de", "du", "des", "d'", "of")] if cue.object != "place" else [n for p, n in obl if p in cue.preps]
    objs = [n for n in objs if lemma(n) not in cue.with_]  # "arrivée au pouvoir": "pouvoir" is part of the cue
    subj = [n for p, n in obl if p in ("de", "du", "des", "d'", "of", "par", "by") and n not in objs]
    subj += [c for c in noun.children if c.dep_ in ("poss", "nmod:poss", "amod", "compound")]
    if not subj and any(c.dep_ == "det" and "Poss=Yes" in str(c.morph) for c in noun.children):
        # "son arrivée au pouvoir", "sa rupture avec" -> the subject of the governing clause
        gov = noun.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head is not gov:
            gov = gov.head
        subj = syntax.clause_subject(gov)
    if noun.dep_ in syntax.SUBJ | syntax.OBJ and not subj:
        pass
    if subj and objs:
        yield Candidate(noun, subj, objs, cue, f"{cue.lang}.noun-trigger")
    elif subj and cue.object == "place":
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-trigger-place")
    elif subj and cue.property == "attacks":
        # "les attaques djihadistes dans la région de X": the target is where it happens (see _realise)
        yield Candidate(noun, subj, [], cue, f"{cue.lang}.noun-attack-location")


RULES: dict[str, tuple[Callable[[Token, Cue, Context], Iterator[Candidate]], ...]] = {
    "obj": (rule_verb_object,),
    "prep": (rule_verb_prep,),
    "relnoun": (rule_verb_relnoun,),
    "place": (rule_verb_place,),
}


def rule_title_leads(doc: Doc, linked: Linked, gazetteer, lang: str) -> Iterator[tuple[str, str, Token, str]]:
    """Titles and heads of regimes: "le président russe Vladimir Poutine", "le régime de Tiani",
    "la junte dirigée par le général X" is handled by the verb rules (diriger, passive)."""
    for tok in doc:
        key = linked.tok2ent.get(tok.i)
        if key is None or not key.startswith("person/"):
            continue
        if tok.i > 0 and linked.tok2ent.get(tok.i - 1) == key:
            continue  # only the first token of a name
        # a title right before the name, with a demonym or a "de <country>" complement
        j = tok.i - 1
        country = None
        saw_title = False
        while j >= 0 and j >= tok.i - 4:
            t = doc[j]
            k = linked.tok2ent.get(t.i)
            ent = linked.entities.get(k) if k else None
            if ent is not None and ent.type == "Country":
                country = k
            elif gazetteer.title_role(t.lemma_, lang) in ("head_of_state", "head_of_government", "leader"):
                saw_title = True
                for p, n in syntax.obliques(t):
                    kk = linked.tok2ent.get(n.i)
                    if kk and linked.entities.get(kk) and linked.entities[kk].type == "Country":
                        country = kk
                break
            elif t.pos_ not in ("ADJ", "DET", "PROPN", "NOUN"):
                break
            j -= 1
        if saw_title and country:
            yield key, country, tok, f"{lang}.title-leads"
    # "le régime de Tiani", "Tiani's junta": generic actor noun with a person complement
    for tok in doc:
        if gazetteer.generic_actor(lemma(tok), lang) != "country":
            continue
        country = linked.tok2ent.get(tok.i)
        if not country:
            continue
        for p, n in syntax.obliques(tok):
            k = linked.tok2ent.get(n.i)
            if k and k.startswith("person/") and p in ("de", "du", "d'", "of"):
                yield k, country, tok, f"{lang}.regime-of"
        for c in tok.children:
            k = linked.tok2ent.get(c.i)
            if c.dep_ in ("poss",) and k and k.startswith("person/"):
                yield k, country, tok, f"{lang}.regime-of"


# -- argument resolution --------------------------------------------------------


def resolve(tok: Token, linked: Linked, *, depth: int = 0) -> list[str]:
    """Entity keys a token stands for, with its conjuncts, appositions and colon lists."""
    keys: list[str] = []
    for t in syntax.conjuncts(tok):
        key = linked.tok2ent.get(t.i)
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
            if c.dep_ in ("appos", "nmod", "dep", "conj", "obj", "parataxis") or (c.dep_ == "prep" and c.lower_ in ("of", "de")):
                if c.dep_ == "nmod" and syntax.case_of(c) not in (None, "de", "du", "des", "d'", "notamment", "comme"):
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


def _governors(tok: Token) -> Iterator[Token]:
    """The trigger, then the heads up the clause chain."""
    t = tok
    seen = 0
    while seen < 8:
        yield t
        if t.head is t:
            return
        t = t.head
        seen += 1


def modality(trigger: Token, cand_objs: list[Token], lang: str) -> Modality:
    words = modality_words(lang)
    sent = trigger.sent
    # negation: on the trigger, on a governing verb, "aucun" on the object, or a denial verb above
    chain = list(_governors(trigger))
    for t in chain:
        if t.pos_ in ("VERB", "AUX", "NOUN") and syntax.is_negated(t):
            return Modality("Negated")
        if t is not trigger and lemma(t) in words.get("deny_verb", ()):
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
        if t is not trigger and lemma(t) in words.get("hedge_verb", ()) and t.pos_ in ("VERB", "AUX"):
            return Modality("Hedged")
        if t is not trigger and lemma(t) in words.get("hedge_noun", ()) and t.pos_ == "NOUN":
            return Modality("Hedged")
        if t.dep_ == "ROOT":
            break
    if sent.text.rstrip().endswith("?"):
        return Modality("Hedged")
    # reported: "selon X", "d'après X", "according to X", or the complement of a speech verb
    for t in chain:
        for prep, n in syntax.obliques(t):
            if prep in words.get("report_prep", ()) or (prep == "to" and n.head.head.lower_ == "according"):
                return Modality("Reported", n, _phrase(n))
        for c in t.children:
            if c.lower_ == "according" or lemma(c) in words.get("report_prep", ()):
                n = next((g for g in c.subtree if g.dep_ == "pobj"), None)
                return Modality("Reported", n, _phrase(n) if n is not None else None)
        if t is not trigger and lemma(t) in words.get("report_verb", ()):
            subj = syntax.subjects(t)
            return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
        if t.dep_ == "ROOT":
            break
    # a speech verb whose subject follows ("..., a déclaré le ministre")
    for t in sent:
        if lemma(t) in words.get("report_verb", ()) and t.dep_ in ("parataxis", "ROOT") and t is not trigger:
            if t.dep_ == "parataxis" or any(c.is_punct and c.text in ("«", "»", '"', "“", "”") for c in sent):
                subj = syntax.subjects(t)
                return Modality("Reported", subj[0] if subj else None, _phrase(subj[0]) if subj else None)
    return Modality("Asserted")


def _phrase(tok: Token | None) -> str | None:
    """The noun phrase of a source, without its preposition ("plusieurs sources sécuritaires")."""
    if tok is None:
        return None
    toks = [t for t in tok.subtree if not (t.dep_ in ("case", "punct") and t.head is tok)]
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
    for head in [trigger] + [o.head for o in objs if o.head is not trigger]:
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


def date_of(trigger: Token, lang: str, article_date: str | None) -> str | None:
    """A date attached to the trigger's phrase ("en juillet 2023", "le 26 juillet 2023", "mardi")."""
    import dateparser

    months = _months(lang)
    weekdays = _weekdays(lang)

    def datelike(t: Token) -> bool:
        return lemma(t) in months or lemma(t) in weekdays or bool(_YEAR.fullmatch(t.text))

    if trigger.pos_ in ("NOUN", "PROPN"):
        toks = list(trigger.subtree)
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
    from datetime import datetime

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(span.text, languages=[lang], settings=settings)  # type: ignore[arg-type]
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


@functools.lru_cache(maxsize=4)
def _months(lang: str) -> frozenset[str]:
    if lang == "fr":
        return frozenset("janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre".split())
    return frozenset("january february march april may june july august september october november december".split())


@functools.lru_cache(maxsize=4)
def _weekdays(lang: str) -> frozenset[str]:
    if lang == "fr":
        return frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche hier".split())
    return frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday".split())


def location_of(trigger: Token, args: set[int], linked: Linked) -> str | None:
    """A place attached to the trigger: "dans la région de Tillabéri", "in Goma"."""
    for prep, n in syntax.obliques(trigger):
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


def relate(doc: Doc, linked: Linked, gazetteer, *, lang: str, article_date: str | None = None) -> list[Relation]:
    """All relations of one parsed, linked article."""
    table = cues(lang)
    out: dict[tuple, Relation] = {}
    ctx = Context(linked, lang, _antecedents(doc, linked, lang))
    for tok in doc:
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ in ("xcomp", "ROOT") and tok.head.pos_ == "AUX"):
            pos = "verb"
        elif tok.pos_ in ("NOUN", "PROPN"):
            pos = "noun"
        else:
            continue
        for cue in table.get((pos, lemma(tok)), ()):
            if pos == "verb":
                if cue.with_ and _with_ok(tok, cue) is None:
                    continue
                rules = RULES[cue.object]
            else:
                rules = (rule_noun_trigger,)
            for rule in rules:
                for cand in rule(tok, cue, ctx):
                    for rel in _realise(cand, doc, linked, lang, article_date, gazetteer):
                        out.setdefault((rel.subject, rel.predicate, rel.object, rel.start, rel.modality), rel)
    for person, country, tok, rule_id in rule_title_leads(doc, linked, gazetteer, lang):
        sent = tok.sent
        rel = Relation(person, "leads", country, "Asserted", _evidence(sent), sent.start_char, sent.end_char, rule_id, 0.8)
        out.setdefault((person, "leads", country, rel.start, rel.modality), rel)
    return sorted(out.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.rule))


def _antecedents(doc: Doc, linked: Linked, lang: str) -> list[tuple[int, list[str]]]:
    """Relation nouns with an explicit partner ("alliances avec Moscou et Ankara"), in order."""
    nouns = relation_nouns(lang)
    out = []
    for tok in doc:
        if lemma(tok) in nouns:
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
    if not obj_keys and cue.property == "attacks" and cue.pos == "noun" and location is not None:
        # "les attaques djihadistes dans la région de Tillabéri": the country where it happens is hit
        country = gazetteer.country_of(location)
        obj_keys = [country] if country else []
        if country and country not in linked.entities and gazetteer.get(country) is not None:
            linked.entities[country] = gazetteer.get(country)
    if not subj_keys or not obj_keys:
        return
    mod = modality(cand.trigger, cand.objects, lang)
    domain = domain_of(cand.trigger, cand.objects, lang) if prop.family != "structural" else None
    when = date_of(cand.trigger, lang, article_date)
    source_key = resolve(mod.source, linked)[0] if mod.source is not None and resolve(mod.source, linked) else None
    sent = cand.trigger.sent
    for s in subj_keys:
        for o in obj_keys:
            s2, o2 = _state_level(s, linked, cue.property, gazetteer), _state_level(o, linked, cue.property, gazetteer)
            if not _typed_ok(s2, o2, prop.name, linked):
                continue
            if s2 == o2:
                continue
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


def _state_level(key: str, linked: Linked, prop: str, gazetteer) -> str:
    """A head of state acting in an interstate relation acts for the state."""
    if prop in STATE_LEVEL and key in linked.leaders:
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
