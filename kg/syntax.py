"""Dependency helpers shared by linking and relation rules, for both label schemes.

The French model speaks Universal Dependencies (nsubj, obj, obl:agent, nmod + case); the
English model speaks ClearNLP (nsubj, dobj, agent, prep + pobj). These functions give the
rules one vocabulary: subjects, objects, agents, and (preposition, noun) obliques. Words (negators)
come from `kg/data/words.tsv`, passed in by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.iri import fold

if TYPE_CHECKING:
    from kg.data_tables import Words

SUBJ = frozenset({"nsubj", "csubj", "expl:subj"})
PASS_SUBJ = frozenset({"nsubj:pass", "nsubjpass", "csubjpass"})
OBJ = frozenset({"obj", "dobj", "iobj", "dative"})
AGENT = frozenset({"obl:agent", "agent"})
OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod", "nmod", "prep", "advcl"})
NAME_PARTS = frozenset({"flat", "flat:name", "flat:foreign", "compound", "appos"})


def is_passive(verb: Token) -> bool:
    """True for 'a été chassée par', 'was expelled by', and past participles with an agent
    ('le régime dirigé par le général X', 'the junta led by')."""
    if any(c.dep_ in PASS_SUBJ or c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        return True
    if "Voice=Pass" in str(verb.morph):  # (French compound tenses the tagger calls passive: put right in kg.nlp)
        return True
    if verb.dep_ in ("acl", "amod") and any(c.dep_ in ("obl:agent", "agent") for c in verb.children):
        return True
    if ("VerbForm=Part" in str(verb.morph) or verb.tag_ == "VBN") and any(c.dep_ in ("obl:agent", "agent") for c in verb.children):
        return True  # a coordinated participle with its agent: "déclarés persona non grata et expulsés par X"
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def case_of(noun: Token) -> str | None:
    """The preposition governing `noun` (lemma, lower-case), for both schemes.

    UD: the `case` child ("avec Moscou"); ClearNLP: the head `prep` ("with Russia").
    Multiword prepositions keep their first word's fixed parts ("en matière de" -> "en matière de").
    """
    for c in noun.children:
        if c.dep_ == "case":
            parts = [c.lower_] + [f.lower_ for f in c.children if f.dep_ == "fixed"]
            return " ".join(parts).replace("’", "'")
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        return noun.head.lower_
    return None


def subjects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in SUBJ]
    if not out:  # parser slip: the subject hangs on the auxiliary ("Israël a dans le même temps frappé")
        out = [g for c in verb.children if c.dep_ in ("aux", "aux:tense") and c.i < verb.i for g in c.children if g.dep_ in SUBJ]
    return out


def passive_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in PASS_SUBJ]


def objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in OBJ]
    # ClearNLP attaches "expelled by the junta": agent -> pobj
    return out


def agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "obl:agent":
            out.append(c)
        elif c.dep_ == "agent":
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("obl", "obl:arg", "obl:mod") and case_of(c) == "par" and is_passive(verb):
            out.append(c)
    return out


def obliques(head: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, noun) pairs attached to a verb or a noun."""
    for c in head.children:
        if c.dep_ in ("prep", "dative"):  # ClearNLP: "sent weapons to Iran" has "to" as a dative
            for g in c.children:
                if g.dep_ == "pobj":
                    yield c.lower_, g
                elif g.dep_ == "prep":  # "out of", "away from"
                    for h in g.children:
                        if h.dep_ == "pobj":
                            yield f"{c.lower_} {g.lower_}", h
        elif c.dep_ in ("obl", "obl:arg", "obl:mod", "nmod", "obl:agent"):
            prep = case_of(c)
            if prep:
                yield prep, c


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("le Mali, le Burkina Faso et le Niger")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in [*t.children, *(g for p in [*_name_tail(t), *_name_complement(t)] for g in p.children)]:
            # a list the parser read as an apposition: "Mali, Burkina Faso and Niger"
            # (round 9: with a serial comma the last member hangs on the first: "Mali, [Burkina Faso], and Niger")
            listed = c.dep_ == "appos" and c.pos_ == "PROPN" and t.pos_ == "PROPN" and any(g.dep_ == "conj" for g in [*c.children, *(g for g in t.children if g.i > c.i)])
            # round 9: coordination. The same list read as a bare noun modifier after a comma: "le Burkina
            # Faso, [le Mali] et le Niger" (Mali a caseless nmod of Burkina, Niger its conjunct)
            listed = listed or (c.dep_ == "nmod" and c.pos_ == "PROPN" and t.pos_ == "PROPN" and case_of(c) is None and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "," and any(g.dep_ == "conj" for g in c.children))
            # round 9: a clause with its own subject is not one more actor ("Washington [et Londres ont imposé]": the
            # parser's root on the first subject, the verb its conjunct)
            clause = c.pos_ in ("VERB", "AUX") and any(g.dep_ in SUBJ for g in c.children)
            if (c.dep_ == "conj" or listed) and not clause and c not in out:
                out.append(c)
                stack.append(c)
    out += [c for c in _stray_conjuncts(tok) if c not in out]
    return sorted(out, key=lambda t: t.i)


def _name_complement(tok: Token) -> list[Token]:
    """round 9: coordination. The complement that ends a country's name, right after it with only its
    preposition and article between ("Corée [du Sud]", "République [du Congo]"): a conjunct hung on it is the
    name's ("la Corée du Sud et l'Australie")."""
    if tok.pos_ != "PROPN":
        return []
    return [
        c
        for c in tok.children
        if c.dep_ == "nmod" and c.pos_ == "PROPN" and c.i > tok.i and case_of(c) in ("de", "du", "des", "d'") and all(b.head == c and b.dep_ in ("case", "det") for b in tok.doc[tok.i + 1 : c.i])
    ]


def _stray_conjuncts(tok: Token) -> list[Token]:
    """round 9: coordination. Names coordinated with a name complement that the parser hung on the common noun
    the complement modifies: "des sanctions à Moscou et [Minsk]" (Minsk a conjunct of "sanctions"). A
    proper name conjunct of a common noun, right after the complement with only "et", a determiner or a
    comma between, is the complement's."""
    head = tok.head
    if tok.pos_ != "PROPN" or tok.dep_ not in ("nmod", "obl", "obl:arg", "obl:mod") or head.pos_ != "NOUN" or case_of(tok) is None:
        return []
    out: list[Token] = []
    end = tok.right_edge.i
    for c in head.children:
        if c.dep_ != "conj" or c.pos_ != "PROPN" or c.i <= end:
            continue
        between = c.doc[end + 1 : c.left_edge.i] if c.left_edge.i > end else c.doc[end + 1 : c.i]
        if all(b.pos_ in ("CCONJ", "DET", "PUNCT") and b.text not in (".", ";", ":") for b in between) and any(b.pos_ == "CCONJ" or b.text == "," for b in [*between, *c.children]):
            out.append(c)
            end = c.right_edge.i
    return out


def _name_tail(tok: Token) -> list[Token]:
    """round 8: attacks. The later words of a proper name the parser hung under its first word, with no
    preposition ("Boko [Haram]"): a conjunct hung on the last word is the name's ("de Boko Haram et de l'ISWAP")."""
    if tok.pos_ != "PROPN":
        return []
    out: list[Token] = []
    t = tok
    while (nxt := next((c for c in t.children if c.i == t.i + 1 and c.pos_ == "PROPN" and c.dep_ in NAME_PARTS | {"nmod"} and case_of(c) is None), None)) is not None:
        out.append(nxt)
        t = nxt
    return out


def named_thing(tok: Token, naming: frozenset[str]) -> list[Token]:
    """round 8: attacks. The thing a free relative of naming names, for `tok` the relative or its verb: "[what it
    called] nine sites in Pakistan" (the verb, "what" its object, the sites its predicate), "[ce qu'il a qualifié]
    de positions du Hezbollah" ("ce" and its relative clause). Empty for anything else. `naming`: folded lemmas."""
    if tok.pos_ in ("VERB", "AUX") and fold(tok.lemma_) in naming and any(g.lower_ == "what" and g.dep_ in ("dobj", "obj") for g in tok.children):
        named = [g for g in tok.children if g.dep_ in ("oprd", "dobj", "obj", "xcomp") and g.lower_ != "what"]
        return named or [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    if tok.lower_ == "ce" and tok.pos_ == "PRON":
        rel = next((r for r in tok.children if r.dep_ in ("acl:relcl", "relcl") and fold(r.lemma_) in naming), None)
        if rel is not None:
            return [n for p, n in obliques(rel) if p in ("de", "d'", "des", "du")]
    return []


def clause_subject(verb: Token, *, depth: int = 4) -> list[Token]:
    """Subjects of `verb`, inherited from the governing clause for gerunds, infinitives, xcomp.

    "Tiani opère un virage en rompant sa coopération" -> rompant inherits "Tiani".
    "Le Mali a décidé de quitter la CEDEAO" -> quitter inherits "Mali".
    """
    t = verb
    for step in range(depth):
        subj = subjects(t)
        if not subj and step > 0:
            subj = passive_subjects(t)  # raising: "Mali is expected to leave" -> Mali leaves
        if subj:
            return subj
        if t.dep_ in ("advcl", "xcomp", "conj", "ccomp") and t.head != t:
            if t.dep_ == "ccomp" and subjects(t):
                return subjects(t)
            if t.dep_ == "xcomp":
                # object control: "prompting President X to threaten Y", "pousse le Mali à quitter" -> X, Mali
                controller = [o for o in objects(t.head) if o.i < t.i and (o.pos_ in ("PROPN", "PRON") or any(c.dep_ in ("det", "poss", "nmod:poss") for c in o.children))]
                if controller:
                    return controller[:1]
            t = t.head
            continue
        break
    return []


def is_negated(verb: Token, words: Words) -> bool:
    """'ne ... pas', 'did not', 'never' on the verb or its auxiliaries (`words.negator`); a weak negator
    ("plus") only with a negation particle ("ne ... plus", not "plus de")."""
    for c in verb.children:
        if c.dep_ in ("advmod", "neg") and (c.lower_ in words.negator or "Polarity=Neg" in str(c.morph)):
            if c.lower_ not in words.weak_negator or any(x.lower_ in words.negation_particle for x in verb.children):
                return True
    return False


def governing_verb(tok: Token) -> Token | None:
    """The verb or auxiliary a token hangs on, at most four heads up ("les sanctions annoncées" -> annoncer)."""
    t = tok.head
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def first_conjunct(tok: Token) -> Token:
    """The first of a coordination the token belongs to ("Tillabéri et Diffa": Tillabéri)."""
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    return t


def governor(tok: Token) -> Token:
    """The noun a prepositional complement hangs on: UD "région <-nmod- Kayes", ClearNLP "region -prep-> of -pobj-> X"."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def name_tokens(tok: Token) -> list[Token]:
    """A proper name with its flat / compound parts, in order."""
    parts = [tok] + [c for c in tok.subtree if c.dep_ in NAME_PARTS and c.pos_ == "PROPN" and c.head == tok]
    return sorted(set(parts), key=lambda t: t.i)


def listed_members(noun: Token, intro: frozenset[str]) -> list[Token]:
    """The first members a plural noun lists after one of the words `intro` (words.tsv list_intro): a
    preposition "including", "such as" ("seven countries, including Argentina and Chile"), or a relative
    clause without a verb whose head is the first member ("sept pays, dont l'Argentine et le Chili");
    their conjuncts are the other members."""
    if noun.pos_ not in ("NOUN", "PROPN") or "Number=Sing" in str(noun.morph) or noun.tag_ in ("NN", "NNP"):
        return []
    out: list[Token] = []
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "prep":
            before = c.doc[c.i - 1].lower_ if c.i > 0 else ""
            if c.lower_ in intro or f"{before} {c.lower_}" in intro:
                out += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("acl:relcl", "relcl") and c.pos_ == "PROPN" and any(g.i < c.i and g.lower_ in intro for g in c.children):
            out.append(c)
    if not out and noun.head != noun:
        # the list hung on the noun's head right after the noun ("des sanctions contre sept entreprises
        # américaines, dont Lockheed Martin": "dont Lockheed Martin" read under "sanctions")
        end = max(t.i for t in noun.subtree)
        for c in noun.head.children:
            between = noun.doc[end + 1 : c.i]
            if c.i > end and c.dep_ in ("acl:relcl", "relcl") and c.pos_ == "PROPN" and between and all(t.is_punct or t.lower_ in intro or t.pos_ == "DET" for t in between) and any(t.lower_ in intro for t in between):
                out.append(c)
    return out


def bare_participle(verb: Token, *, subjectless: bool = False) -> bool:
    """A past participle with no auxiliary ("menées avec", "carried out with", "backed by"); with
    `subjectless`, also without a subject of its own ("accusé de": a clause of its own)."""
    past = verb.tag_ == "VBN" or ("VerbForm=Part" in str(verb.morph) and "Tense=Past" in str(verb.morph))
    return past and not any((subjectless and c.dep_ in SUBJ) or c.dep_.startswith("aux") for c in verb.children)
