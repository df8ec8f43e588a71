"""Actors named by common words: demonyms, collectives and generic actor nouns, and the focal country.

* a demonym on an actor noun makes the noun act for the country ("la délégation turque"); on a
  collective noun it names a group of that country ("Syrian rebels"); a regional adjective is not
  a geo-region ("ses alliés européens"), an ethnic use not a state ("ethnic Albanians");
* generic actors ("la junte", "le régime", "les autorités") go to the country of their complement
  or possessor ("le régime de Tiani" -> the country Tiani leads), to the country of their seat
  ("la junte au pouvoir à Niamey"), else to the article's focal country (the country mentioned
  most, headline counted twice).
"""

from __future__ import annotations

from collections import Counter

from spacy.parts_of_speech import NOUN
from spacy.tokens import Token

from kg import syntax
from kg.data_tables import Words, counts
from kg.iri import fold, slug
from kg.link.run import Run
from kg.link.surfaces import NAME_POS
from kg.types import Entity


def demonyms(run: Run) -> None:
    """Link the demonyms of the article, and the actor and collective nouns they qualify."""
    doc, out, taken, facts, tables = run.doc, run.out, run.taken, run.facts, run.tables
    # only tokens whose text is a demonym can be one: select them without walking the Doc
    for tok in [doc[i] for i, key in enumerate(facts.demonym_of) if key and facts.pos[i] in NAME_POS]:
        if tok.i in taken or tok.pos_ not in ("ADJ", "NOUN", "PROPN"):
            continue
        country = facts.demonym_of[tok.i]
        if not country:
            continue
        ent = run.gaz.get(country)
        if ent is not None and ent.type == "GeoRegion" and tok.pos_ == "ADJ":
            continue  # "ses alliés européens", "l'organisation ouest-africaine": a qualifier, not an actor
        if _ethnic(tok, tables.words):
            continue  # "ethnic Albanians", "d'origine albanaise": a people, not the state
        if tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("pro", "anti"):
            continue  # "the pro-Russian opposition", "anti-French protests": a stance, not the country
        span = doc[tok.i : tok.i + 1]
        run.add(span, country, "demonym")
        taken.add(tok.i)
        # "la délégation turque", "le régime militaire nigérien": the actor noun acts for the country
        head = tok.head
        ent = out.entities.get(country)
        several = any(c.dep_ == "conj" for c in tok.children)  # "Ukrainian and US officials"
        if tok.dep_ in ("amod", "compound") and not several and head.i not in out.tok2ent and tables.is_actor_noun(fold(head.lemma_)) and ent is not None and ent.type == "Country":
            out.tok2ent[head.i] = country
        elif tok.dep_ in ("amod", "compound") and not several and head.i not in out.tok2ent and ent is not None and ent.type == "Country":
            collective = tables.collectives.get(fold(head.lemma_))
            if collective is not None:
                # "Syrian rebels", "les manifestants géorgiens": a group of that country, not the state
                key = _collective(run, country, collective)
                run.add(doc[head.i : head.i + 1], key, "demonym:collective", 0.8)
                taken.add(head.i)
                lo, hi = min(tok.i, head.i), max(tok.i, head.i)
                out.aliases[key].add(doc[lo : hi + 1].text)  # the phrase seen: "manifestants géorgiens"
        if tok.dep_ == "conj" and tok.head.dep_ == "amod":
            noun = tok.head.head
            if tables.is_actor_noun(fold(noun.lemma_)):
                # the noun stands for several countries: keep them on the adjectives
                out.tok2ent.pop(noun.i, None)


def _collective(run: Run, country: str, collective: tuple[str, str, str]) -> str:
    """Key of the non-state collective `collective` (type, label_en, label_fr) of `country`, minted locally,
    named the way the gold and the press name it: "Georgian protesters" (bench/gold/README.md)."""
    out = run.out
    type_, label_en, label_fr = collective
    code = country.split("/", 1)[1]
    key = f"{'group' if type_ == 'ArmedGroup' else 'org'}/{code}-{slug(label_en)}"
    state = out.entities.get(country) or run.gaz.get(country)
    if key not in out.entities:
        demonym = run.gaz.demonym_word(country, "en")
        out.entities[key] = Entity(
            key=key,
            type=type_,
            label_en=f"{demonym} {label_en}" if demonym else f"{label_en} ({state.label('en') if state else code})",
            label_fr=f"{label_fr} ({state.label('fr') if state else code})",
            country=country,
        )
    return key


def collectives(run: Run) -> None:
    """Collective nouns qualified by a people ("des manifestants druzes", "Kurdish militants", "a Hutu
    militia") or named after a person ("Bolsonaro supporters", "les partisans de Bolsonaro"): a
    descriptive non-state group (ArmedGroup or Organization, collective_nouns.tsv), one key per name
    ("org/druze-protesters"), whatever the language; those with a country's demonym are `demonyms`'."""
    doc, out, tables, facts = run.doc, run.out, run.tables, run.facts
    for i, lemma in enumerate(facts.lemmas):
        if i in out.tok2ent or facts.pos[i] != NOUN:
            continue
        collective = tables.collectives.get(fold(lemma))
        if collective is None:
            continue
        tok = doc[i]
        inner = _collective_complement(run, tok)
        if inner is not None:  # "les partisans de l'opposition", "fighters of the opposition": that collective
            collective = tables.collectives[fold(inner.lemma_)]
        named = _people_named(run, inner or tok) or _person_named(run, tok) or _loyal_to(run, tok)
        if named is None:
            if collective[0] == "Organization" and (country := _collective_place(run, inner or tok, complement_ok=inner is not None)):
                # "protesters in Tbilisi", "des manifestants se sont rassemblés à Tbilissi": the country's
                key = _collective(run, country, collective)
                run.add(doc[i : i + 1], key, "place:collective", 0.7)
                run.taken.add(i)
            continue
        qualifier, name_en, name_fr, country = named
        type_, label_en, label_fr = collective
        label = f"{name_en} {label_en}"
        key = f"{'group' if type_ == 'ArmedGroup' else 'org'}/{slug(label)}"
        if key not in out.entities:
            out.entities[key] = Entity(key=key, type=type_, label_en=label, label_fr=f"{label_fr} {name_fr}", country=country)
        run.add(doc[i : i + 1], key, "collective", 0.8)
        run.taken.add(i)
        lo, hi = min(i, qualifier.i), max(i, qualifier.i)
        out.aliases[key].add(doc[lo : hi + 1].text)  # the phrase seen: "manifestants druzes", "Bolsonaro supporters"
        if "Number=Plur" in str(tok.morph) and not label.endswith("s"):
            out.aliases[key].add(f"{label}s")  # round 9: "pro-GNA militias"


def _collective_complement(run: Run, tok: Token) -> Token | None:
    """The collective noun a collective's genitive complement is ("les partisans de l'opposition")."""
    genitive = run.tables.words.genitive
    for c in tok.children:
        if c.dep_ in ("nmod", "pobj") or (c.dep_ == "prep" and c.lower_ in genitive):
            noun = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
            if noun is not None and noun.pos_ == "NOUN" and syntax.case_of(noun) in genitive and fold(noun.lemma_) in run.tables.collectives:
                return noun
    return None


def _collective_place(run: Run, tok: Token, *, complement_ok: bool = False) -> str | None:
    """The country of the place a protest-like collective is in ("protesters in Tbilisi", "des manifestants
    rassemblés à Tbilissi", "les manifestants se sont rassemblés ... à Tbilissi", a place of the sentence of
    a collective subject); None for one qualified otherwise or placed nowhere."""
    out, words = run.out, run.tables.words
    if any(c.dep_ in ("amod", "compound", "nmod:poss", "poss") and c.pos_ in ("ADJ", "PROPN") for c in tok.children):
        return None  # "pro-government protesters": qualified otherwise
    if not complement_ok and any(c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN") and syntax.case_of(c) in words.genitive for c in tok.children):
        return None  # "les partisans d'Erdogan", "supporters of the deal": whose, not where
    heads = [tok, *(c for c in tok.children if c.dep_ in ("acl", "acl:relcl", "relcl"))]
    top = tok  # "des dizaines de milliers de manifestants", "thousands of protesters": through the quantities
    while top.dep_ in ("nmod", "pobj") and (fold(syntax.governor(top).lemma_) in run.tables.quantity_nouns or fold(syntax.governor(top).lemma_) in run.tables.collectives):
        top = syntax.governor(top)
    subject = top.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and top.head.pos_ in ("VERB", "AUX")
    if subject:
        heads.append(top.head)
    for head in heads:
        for prep, noun in syntax.obliques(head):
            key = out.tok2ent.get(noun.i)
            ent = out.entities.get(key) if key else None
            if ent is not None and prep in words.locative and ent.type in ("City", "Country", "Region"):
                return key if ent.type == "Country" else ent.country
    if subject:  # a place of the sentence the parser hung elsewhere ("À Erevan, des milliers de partisans ... ont manifesté")
        for t in tok.sent:
            key = out.tok2ent.get(t.i)
            ent = out.entities.get(key) if key else None
            if ent is not None and ent.type in ("City", "Region") and syntax.case_of(t) in words.locative and ent.country:
                return ent.country
    return None  # no place: not the article's focal country (unplaced protesters are anyone's)


def _people_named(run: Run, tok: Token) -> tuple[Token, str, str, str | None] | None:
    """ "des manifestants druzes", "Kurdish militants": the adjective of a people on a collective noun."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod", "nmod:poss") and c.i not in run.out.tok2ent:
            found = run.tables.peoples.get(fold(c.text))
            if found:
                return c, found[0], found[1], None
    return None


def _person_named(run: Run, tok: Token) -> tuple[Token, str, str, str | None] | None:
    """ "Bolsonaro supporters", "les partisans de Bolsonaro": a person the collective is named after."""
    out = run.out
    for c in tok.children:
        key = out.tok2ent.get(c.i)
        ent = out.entities.get(key) if key else None
        if ent is None or ent.type != "Person":
            continue
        if (c.dep_ == "compound" and c.i < tok.i) or (c.dep_ == "nmod" and syntax.case_of(c) in run.tables.words.genitive_singular):
            surname = (ent.label("en") or c.text).split()[-1]
            return c, surname, f"de {surname}", ent.country
    return None


def _loyal_to(run: Run, tok: Token) -> tuple[Token, str, str, str | None] | None:
    """round 9: a collective loyal to a named actor that is no country: "des milices fidèles au GNA",
    "militias loyal to Khalifa Haftar", "les milices pro-GNA" -> "pro-GNA militia", "pro-Haftar militia"
    (a person by surname, an acronym as written, else the English label)."""
    out, words = run.out, run.tables.words
    for c in tok.children:
        if c.dep_ not in ("amod", "nmod", "compound") or c.i in out.tok2ent:
            continue
        target: Token | None = None
        if fold(c.lemma_) in words.loyal_adj:
            # French hangs "au GNA" on the noun after the adjective; English "to X" on the adjective
            after = [g for g in (*tok.children, *c.children) if g.i > c.i and g.dep_ in ("nmod", "prep")]
            for g in after:
                noun = next((p for p in g.children if p.dep_ == "pobj"), None) if g.dep_ == "prep" else g
                prep = g.lower_ if g.dep_ == "prep" else syntax.case_of(g)
                if noun is not None and prep in words.loyal_prep and noun.i in out.tok2ent:
                    target = noun
                    break
            nxt = tok.doc[c.i + 1] if c.i + 1 < len(tok.doc) else None
            if target is None and nxt is not None and nxt.lower_ in words.loyal_prep and nxt.head.i in out.tok2ent and nxt.head.i > nxt.i:
                target = nxt.head  # parser slip: "fidèles au GNA" with "au GNA" hung on the verb
            key = out.tok2ent.get(target.i) if target is not None else None
        elif c.lower_.startswith("pro-") and len(c.text) > 4:
            cands = run.gaz.lookup(c.text[4:], run.lang)
            key = cands[0].key if cands else None
            target = c
        else:
            continue
        ent = (out.entities.get(key) or run.gaz.get(key)) if key else None
        if target is None or ent is None or ent.type in ("Country", "City", "Region", "GeoRegion", "Place"):
            continue
        if ent.type == "Person":
            name = (ent.label("en") or target.text).split()[-1]
        elif c.lower_.startswith("pro-"):
            name = c.text[4:]
        else:
            name = target.text if target.text.isupper() else (ent.label("en") or target.text)
        return c, f"pro-{name}", f"pro-{name}", ent.country
    return None


def _ethnic(tok: Token, words: Words) -> bool:
    """Whether a demonym names an ethnic group: "ethnic Turks", "les Turcs de souche", "d'origine turque"."""
    if any(fold(c.lemma_) in words.ethnic for c in tok.children if c.dep_ in ("amod", "nmod", "advmod", "compound")):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (prev is not None and fold(prev.lemma_) in words.ethnic) or (tok.dep_ == "amod" and fold(tok.head.lemma_) in words.ethnic)


def focal_country(run: Run) -> str | None:
    """The country the article names most (mentions, headline counted twice; first named wins ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    facts = run.facts
    headline_end = next((facts.starts[i] for i, t in enumerate(facts.texts) if "\n" in t), len(facts.text))
    for m in run.out.mentions:
        ent = run.out.entities.get(m.entity)
        if ent is None or ent.type != "Country":
            continue
        counts[m.entity] += 2 if m.start < headline_end else 1
        first[m.entity] = min(first.get(m.entity, m.start), m.start)
    if not counts:
        return None
    return sorted(counts, key=lambda k: (-counts[k], first[k]))[0]


def _seat_of(run: Run, tok: Token) -> str | None:
    """ "la junte au pouvoir à Niamey", "the junta in Niamey": the country of the seat it sits in."""
    out, locative = run.out, run.tables.words.locative
    for head in (tok, *(c for c in tok.children if c.dep_ in ("acl", "acl:relcl", "nmod"))):
        for prep, noun in syntax.obliques(head):
            key = out.tok2ent.get(noun.i)
            ent = out.entities.get(key) if key else None
            if ent is not None and prep in locative and ent.type in ("City", "Country") and ent.country or (ent is not None and ent.type == "Country" and prep in locative):
                return key if ent.type == "Country" else ent.country
    return None


def generic_actors(run: Run) -> None:
    """Link generic actor nouns ("la junte", "les autorités") to the country they stand for, from local
    context first: the complement or possessor, a "dirigé par X" / "led by X" link, the seat, the
    nearest preceding country acting as a subject; the article's focal country only as the last resort."""
    doc, out, facts, words = run.doc, run.out, run.facts, run.tables.words
    # only tokens whose lemma is a generic actor noun can be one: select them without walking the Doc
    for tok in [doc[i] for i, stands in enumerate(facts.generic_of) if stands is not None]:
        if tok.i in out.tok2ent or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        stands = facts.generic_of[tok.i]
        if stands is None:
            continue
        if not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
            continue  # "l'état-major": a word glued to another, not the generic noun
        # folded lemmas against not_focal (which lists the folded forms)
        if any(fold(c.lemma_) in words.not_focal for c in tok.children if c.dep_ in ("amod", "nmod")):
            continue
        if not any(c.dep_ in ("det", "poss") or fold(c.text) in words.contracted_article for c in tok.children):
            continue  # "un régime" / bare nouns are not coreferent with the focal country
        if fold(tok.lemma_) in words.plural_anaphor and ("Number=Plur" in str(tok.morph) or tok.tag_ == "NNS") and any(c.lower_ in words.plural_possessive for c in tok.children):
            continue  # "leurs pays", "their countries": several owners' countries (plural anaphora, kg.relate)
        if syntax.listed_members(tok, words.list_intro):
            continue  # "plusieurs pays, dont le Mali et le Niger": the countries listed, not the focal one
        if any(c.dep_ == "nummod" or c.lower_ in counts(words) for c in tok.children):
            continue  # "les deux pays", "the three countries": several actors (plural anaphora, kg.relate)
        target, known = _generic_target(run, tok)
        if not known and stands == "country":
            target = _seat_of(run, tok) or _preceding_country(run, tok)
        if not known:
            target = target or out.focal
        if not target:
            continue
        how = "generic:forces" if stands == "forces" else "generic:country"
        span = doc[tok.i : tok.i + 1]
        run.add(span, target, how, 0.7)


def _person_country(run: Run, key: str) -> str | None:
    """The country a person leads (their title in the article, else the gazetteer), or None."""
    ent = run.out.entities.get(key)
    return run.out.leaders.get(key) or (ent.country if ent is not None else None)


def _generic_target(run: Run, tok: Token) -> tuple[str | None, bool]:
    """What the text itself says a generic noun stands for, and whether it says anything: the country
    of its complement ("le gouvernement du Niger", "le gouvernement des États-Unis", "le régime de
    Tiani"), of its possessor ("its government", "Tiani's junta"), of whoever leads it ("la junte
    dirigée par X", "the junta led by X"). A person whose country is unknown says something (the
    noun is not the focal country) but gives no target."""
    out, words = run.out, run.tables.words
    target: str | None = None
    known = False
    for prep, noun in syntax.obliques(tok):
        key = out.tok2ent.get(noun.i)
        ent = out.entities.get(key) if key else None
        if ent is None or prep not in words.genitive:
            continue
        if ent.type == "Country":  # "des" too: "le gouvernement des États-Unis" names one country
            return key, True
        if ent.type == "Person" and prep in words.genitive_singular:
            target, known = _person_country(run, ent.key), True
    for c in tok.children:  # "its government", "son régime", "Tiani's junta", "the Trump administration"
        key = out.tok2ent.get(c.i)
        ent = out.entities.get(key) if key else None
        if ent is not None and ent.type == "Person" and c.pos_ == "PROPN" and c.dep_ in ("compound", "appos", "nmod", "flat:name") and syntax.case_of(c) is None:
            return _person_country(run, ent.key), True  # "the Trump administration", "l'administration Trump"
        if c.dep_ in ("poss", "nmod:poss") and key:
            if ent is not None and ent.type == "Country":
                return key, True
    if known:
        return target, known
    # "la junte dirigée par le général X", "the junta led by X"
    for c in tok.children:
        if c.dep_ in ("acl", "amod", "acl:relcl", "relcl") and fold(c.lemma_) in words.lead_verb:
            for agent in syntax.agents(c):
                key = out.tok2ent.get(agent.i)
                if key is None:
                    key = next((out.tok2ent[g.i] for g in agent.subtree if g.i in out.tok2ent), None)
                ent = out.entities.get(key) if key else None
                if ent is not None and ent.type == "Person":
                    return _person_country(run, ent.key), True
    return None, False


def _preceding_country(run: Run, tok: Token) -> str | None:
    """The nearest country acting as a subject before `tok`, in its sentence or the one before ("Le Mali
    a expulsé l'ambassadeur de France. La junte a aussi ..." -> Mali), when the focal country is not
    named there (then the focal country it is); never the subject of the noun's own clause ("Sudan's
    army chief accused the Gulf state": not Sudan)."""
    out, doc = run.out, run.doc
    sent = tok.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    gov = syntax.governing_verb(tok)
    own = {t.i for s in (syntax.clause_subject(gov) if gov is not None and tok.dep_ not in syntax.SUBJ | syntax.PASS_SUBJ else []) for t in s.subtree}
    # "À Tripoli, en Libye, le gouvernement a appelé au calme", "In Mali, the junta ...": the country
    # the noun's own clause is set in
    for i in range(sent.start, tok.i):
        key = out.tok2ent.get(i)
        ent = out.entities.get(key) if key else None
        if ent is not None and ent.type == "Country" and syntax.case_of(doc[i]) in run.tables.words.place_country and gov is not None and syntax.governing_verb(doc[i]) == gov:
            return key
    for i in range(tok.i - 1, start - 1, -1):
        key = out.tok2ent.get(i)
        ent = out.entities.get(key) if key else None
        if ent is None or ent.type != "Country":
            continue
        t = doc[i]
        head = syntax.first_conjunct(t)
        if head.dep_ in ("amod", "compound", "nmod", "poss", "nmod:poss") and out.tok2ent.get(head.head.i) in (None, key):
            head = head.head  # "le gouvernement malien", "Mali's army" as a subject
        if i not in own and head.dep_ in syntax.SUBJ | syntax.PASS_SUBJ:
            return key
    return None


# what a definite anaphor noun may stand for, by its kind; any of ANAPHOR_RIVALS before it counts as a
# candidate, so that an anaphor is linked only when one actor of these types is named in its window
ANAPHOR_TYPES = {"org": ("InternationalOrganization",), "group": ("ArmedGroup", "InternationalOrganization"), "rebels": ("ArmedGroup",)}
ANAPHOR_RIVALS = ("ArmedGroup", "InternationalOrganization", "Organization")
# children that make the noun a name or a description of its own ("le groupe Wagner", "the group of
# experts", "son alliance", "the two blocs"), not an anaphor
_OWN_COMPLEMENT = ("compound", "flat", "flat:name", "appos", "nmod", "prep", "nummod", "poss", "nmod:poss", "obl", "fixed")


def org_anaphors(run: Run, *, window: int = 2) -> None:
    """Link a definite noun of an organisation or a group ("l'organisation", "le bloc", "the alliance",
    "the group", words.tsv org_anaphor / group_anaphor) to the one organisation or armed group named
    before it in its sentence and the `window` sentences before: "L'Arménie a gelé sa participation à
    l'OTSC. Erevan reproche à l'organisation ..." -> CSTO. Nothing when two such actors are named there
    (a company counts: "le groupe" may be it), nor for a plural (but "les rebelles", "the rebels": the
    one armed group's fighters), an indefinite or a noun with a complement of its own ("le groupe de
    contact", "the group's own name"). A demonym on the noun ("the Lebanese movement", "le mouvement
    islamiste palestinien") keeps only the groups of that country: the one of them named there."""
    doc, out, facts, words = run.doc, run.out, run.facts, run.tables.words
    kinds = {**dict.fromkeys(words.group_anaphor, "group"), **dict.fromkeys(words.org_anaphor, "org"), **dict.fromkeys(words.rebel_anaphor, "rebels")}
    for i, lem in enumerate(facts.lemmas):
        kind = kinds.get(fold(lem))
        if kind is None or i in out.tok2ent:
            continue
        tok = doc[i]
        plural = "Number=Plur" in str(tok.morph) or tok.tag_ in ("NNS", "NNPS")
        # round 8: support. "les rebelles", "the rebels": plural, the group's fighters
        if tok.pos_ not in ("NOUN", "PROPN") or plural != (kind == "rebels"):
            continue
        if kind == "rebels":  # "les rebelles", "soutien des rebelles" (not the partitive "des rebelles ont attaqué")
            definite = any((c.dep_ == "det" and c.lower_ in words.article) or (c.dep_ == "case" and fold(c.text) in words.contracted_article) for c in tok.children)
        else:
            definite = any((c.dep_ == "det" and c.lower_ in words.definite_det) or fold(c.text) in words.contracted_article for c in tok.children)
        if not definite:
            continue  # "un groupe", "a bloc", "des rebelles": not coreferent
        if any(c.dep_ in _OWN_COMPLEMENT for c in tok.children):
            continue
        # a demonym on the noun ("the Lebanese movement", "le mouvement islamiste palestinien") must be
        # the country of the group it stands for; any other linked child is a description of its own
        origin = {out.tok2ent[c.i] for c in tok.children if c.i in out.tok2ent}
        if origin and (len(origin) > 1 or not all(c.dep_ == "amod" for c in tok.children if c.i in out.tok2ent)):
            continue
        start = facts.sent_start[i]
        for _ in range(window):
            if start > 0:
                start = facts.sent_start[start - 1]
        found: dict[str, str] = {}
        for j in range(start, i):
            key = out.tok2ent.get(j)
            ent = out.entities.get(key) if key else None
            if ent is not None and ent.type in ANAPHOR_RIVALS:
                found[ent.key] = ent.type
        if origin:
            # "the Lebanese movement": only a group of that country (of several named, the one)
            found = {k: t for k, t in found.items() if (e := out.entities.get(k)) is not None and e.country in origin}
        if len(found) != 1:
            continue
        key, type_ = next(iter(found.items()))
        if type_ in ANAPHOR_TYPES[kind]:
            run.add(doc[i : i + 1], key, f"anaphor:{kind}", 0.6)
