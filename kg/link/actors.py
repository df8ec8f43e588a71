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

from spacy.tokens import Token

from kg import syntax
from kg.data_tables import Words
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
        if tok.dep_ == "conj" and tok.head.dep_ == "amod":
            noun = tok.head.head
            if tables.is_actor_noun(fold(noun.lemma_)):
                # the noun stands for several countries: keep them on the adjectives
                out.tok2ent.pop(noun.i, None)


def _collective(run: Run, country: str, collective: tuple[str, str, str]) -> str:
    """Key of the non-state collective `collective` (type, label_en, label_fr) of `country`, minted locally."""
    out = run.out
    type_, label_en, label_fr = collective
    code = country.split("/", 1)[1]
    key = f"{'group' if type_ == 'ArmedGroup' else 'org'}/{code}-{slug(label_en)}"
    state = out.entities.get(country) or run.gaz.get(country)
    if key not in out.entities:
        out.entities[key] = Entity(
            key=key,
            type=type_,
            label_en=f"{label_en} ({state.label('en') if state else code})",
            label_fr=f"{label_fr} ({state.label('fr') if state else code})",
            country=country,
        )
    return key


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
    """Link generic actor nouns ("la junte", "les autorités") to the country they stand for."""
    doc, out, facts, words = run.doc, run.out, run.facts, run.tables.words
    # only tokens whose lemma is a generic actor noun can be one: select them without walking the Doc
    for tok in [doc[i] for i, stands in enumerate(facts.generic_of) if stands is not None]:
        if tok.i in out.tok2ent or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        stands = facts.generic_of[tok.i]
        if stands is None:
            continue
        # NOTE: folded lemmas against not_focal as written (see kg/data/words.tsv)
        if any(fold(c.lemma_) in words.not_focal for c in tok.children if c.dep_ in ("amod", "nmod")):
            continue
        if not any(c.dep_ in ("det", "poss") or fold(c.text) in words.contracted_article for c in tok.children):
            continue  # "un régime" / bare nouns are not coreferent with the focal country
        target = None
        for prep, noun in syntax.obliques(tok):
            key = out.tok2ent.get(noun.i)
            if key and prep in words.genitive_singular:
                ent = out.entities.get(key)
                if ent and ent.type == "Country":
                    target = key
                elif ent and ent.type == "Person":
                    target = out.leaders.get(key) or ent.country or out.focal
        for c in tok.children:  # "its government", "son régime"
            if c.dep_ in ("poss", "nmod:poss") and c.i in out.tok2ent:
                target = out.tok2ent[c.i]
        if target is None and stands == "country":
            target = _seat_of(run, tok)
        target = target or out.focal
        if not target:
            continue
        how = "generic:forces" if stands == "forces" else "generic:country"
        span = doc[tok.i : tok.i + 1]
        run.add(span, target, how, 0.7)
