"""Gazetteer surfaces (`doc.spans["kg_gaz"]`) -> entities, choosing among the entities of one name.

* a capital stays a City when it is a place ("à Niamey") and means its country when it acts
  ("Moscou a signé", "rompt avec Ankara"); seats of power always mean the country;
* a name of several places picks by context: the region after a region noun ("la région de
  Diffa", "Borno state"), else the city; the place in the country the sentence (else the article)
  names ("Tripoli, dans le nord du Liban"); among equal candidates one the article already names
  ("Congo" after "République démocratique du Congo");
* "le groupe djihadiste" after a named armed group is that group.
"""

from __future__ import annotations

from collections import Counter

from spacy.parts_of_speech import ADJ, NOUN, PROPN
from spacy.tokens import Span, Token

from kg import syntax
from kg.gazetteer import Surface
from kg.iri import fold
from kg.link.acronyms import acronym_after
from kg.link.linked import Linked
from kg.link.run import Run
from kg.link.spans import PERSON_LABELS
from kg.link.tables import label_words
from kg.nlp import GAZ_KEY
from kg.types import Entity

NAME_POS = frozenset((ADJ, NOUN, PROPN))  # parts of speech a demonym or a title can have


def gazetteer_spans(run: Run) -> None:
    """Link every gazetteer surface of the article."""
    _countries_named(run)
    doc, gaz = run.doc, run.gaz
    for span in doc.spans.get(GAZ_KEY, []):
        # names lookup alone knows (towns, regions' common-word names) are not candidates of a matched surface
        cands = [c for c in gaz.lookup(span.text, run.lang) if c.kind != "label"]
        if not cands:
            continue
        first = gaz.get(cands[0].key)
        if first is not None and first.type == "Person" and len(span) == 1 and _inside_name(span):
            continue  # "Ouattara" inside "Téné Birahima Ouattara" is another person
        if first is not None and first.type in ("Region", "City") and _inside_person(span):
            continue  # a place's name inside a person's name ("Vladimir Putin", "Ahmad Reza Djalali")
        if _hyphenated_inside_ent(span):
            continue  # "France" inside "Agence France-Presse"
        if _qualifier_only(run, span, cands[0].key):
            continue  # "sous pression djihadiste": an adjective on a noun that is no actor nor event
        best = choose(run, cands, span)
        key, how = best.key, best.kind
        if how == "alias" and gaz.leader_role(key) is not None and not gaz.in_office(key, run.date):
            continue  # a leader's surname alone names them only during their term ("Déby" in 2015 is the father)
        if best.kind == "capital":
            country = gaz.country_of(best.key) if best.key.startswith("city/") else best.key
            city = best.key if best.key.startswith("city/") else gaz.capital_of(best.key)
            seat = _seat_of_organisation(run, cands, country)
            if _acts(run, span.root) and seat is not None:
                key, how = seat, "metonym:seat"  # "Bruxelles a proposé de nouvelles sanctions": the EU
            elif _acts(run, span.root) and country:
                key, how = country, "metonym:capital"
            elif city:
                key, how = city, "capital:place"
        elif best.kind == "seat":
            key = gaz.country_of(best.key) or best.key
            how = "metonym:seat"
        elif _generic_group(run, key, span):
            named = _main_named_group(run.out)
            if named:
                key, how = named, "coref:group"
        run.add(span, key, how)
        run.taken.update(range(span.start, span.end))
        if best.kind != "acronym" and not key.startswith("person/"):
            run.acronyms.update(acronym_after(span, key))


def _seat_of_organisation(run: Run, cands: list[Surface], country: str | None) -> str | None:
    """round 9: coordination. The organisation a capital is also the seat of (seats.tsv: "Bruxelles" -> the EU),
    which it stands for when it acts, unless the article names the capital's country (by name or demonym:
    "la Belgique", "belge"), where it may be that state's government."""
    seat = next((c.key for c in cands if c.kind == "seat" and not c.key.startswith("country/")), None)
    if seat is None or (country is not None and any(country in keys for keys in run.sent_countries.values())):
        return None
    return seat


def _qualifier_only(run: Run, span: Span, key: str) -> bool:
    """Whether a group's adjective ("djihadiste", "jihadist") only qualifies its noun: it names an
    actor when its noun is an actor ("le groupe djihadiste", "jihadist fighters") or an event the
    actor does ("les attaques djihadistes"), not on other nouns ("sous pression djihadiste", "la
    menace jihadiste" as a topic, "jihadist propaganda"). Demonyms of countries are the demonym pass's."""
    tok = span.root
    # an adjective, or a common word the tagger calls a noun ("jihadist pressure"); never a name ("Hamas positions")
    adjective = tok.pos_ == "ADJ" or (tok.text[:1].islower() and tok.pos_ == "NOUN")
    if len(span) != 1 or not adjective or tok.dep_ not in ("amod", "compound") or key.startswith("country/"):
        return False
    head = fold(tok.head.lemma_)
    tables = run.tables
    return not (tables.is_actor_noun(head) or head in tables.collectives or head in tables.words.group_noun or head in tables.event_nouns)


def _acts(run: Run, tok: Token) -> bool:
    """Whether a capital acts (metonymy: it means its country) rather than names the city.

    A capital == a place after a locative preposition ("à Niamey", "in Kyiv", "flew from Moscow") or as
    the complement of a place noun ("la région de Moscou"); everywhere else it acts ("Moscou a signé",
    "rompt avec Ankara", "vis-à-vis de Moscou"), also after a place preposition that a relation governs
    (kg/data/metonymy.tsv: "se tourner vers Moscou", "turn to Beijing", "pressure from Washington").
    """
    words = run.tables.words
    t = syntax.first_conjunct(tok)
    prep = syntax.case_of(t)
    if prep in words.acting_case:
        return True
    if prep in words.locative:
        # "se tourner vers Moscou", "pressure from Washington": a relation's preposition (metonymy.tsv)
        if prep is None:
            return False
        gov = syntax.governor(t)
        # the verb's object when the parser hangs the preposition on the verb ("drew criticism from Tehran")
        heads = [gov, *(c for c in gov.children if c.dep_ in ("dobj", "obj") and c.i < t.i)] if gov.pos_ == "VERB" else [gov]
        return any(run.tables.capital_acts_after(prep, h.lemma_) for h in heads)
    if prep in words.genitive and fold(syntax.governor(t).lemma_) in run.tables.place_nouns:
        return False
    case = next((c for c in t.children if c.dep_ == "case"), None)
    if prep in words.genitive and case is not None and case.i > 0 and fold(t.doc[case.i - 1].lemma_) in run.tables.place_nouns:
        return False  # "près de Sanaa", "autour de Hodeïda": an adverb of place before the preposition
    if t.dep_ == "compound" and fold(t.head.lemma_) in run.tables.place_nouns:
        return False  # "the Moscow region", "Kyiv residents"
    return True


def _in_region_context(run: Run, tok: Token) -> bool:
    """Whether a place name is the complement of a region noun ("la région de Kayes", "Borno state")."""
    region_nouns = run.tables.region_nouns
    t = syntax.first_conjunct(tok)
    if t.i != tok.i and fold(t.lemma_) in region_nouns:
        return True  # "les régions de Tillabéri et de Diffa" parsed with Diffa a conjunct of "régions"
    gov = syntax.governor(t)
    if gov.i != t.i and fold(gov.lemma_) in region_nouns and syntax.case_of(t) in run.tables.words.genitive:
        return True
    return t.dep_ in ("compound", "nmod", "amod", "flat", "appos") and fold(t.head.lemma_) in region_nouns and t.head.i > t.i


def choose(run: Run, cands: list[Surface], span: Span) -> Surface:
    """The candidate a gazetteer span stands for in context.

    * Among equally good candidates, one the article already names wins ("Congo" after
      "République démocratique du Congo").
    * A name shared by a region and a city is the region after a region noun ("la région de
      Diffa", "Borno state") and the city elsewhere ("près de Kayes").
    """
    gaz, out = run.gaz, run.out
    best = cands[0]
    placed = _placed(run, cands, span)
    if placed is not None and (placed.kind == best.kind or _type_of(gaz.get(best.key)) in ("City", "Region")):
        cands = [placed] + [c for c in cands if c is not placed and gaz.country_of(c.key) == gaz.country_of(placed.key)]
        best = placed
    same_rank = [c for c in cands if gaz.rank(c)[:2] == gaz.rank(best)[:2]]
    for c in same_rank:
        if c.key in out.entities:
            best = c
            break
    types = {c.key: _type_of(gaz.get(c.key)) for c in cands}
    if types.get(best.key) in ("City", "Region") and best.kind != "capital":
        regional = _in_region_context(run, span.root)
        if regional:
            regions = [c for c in cands if types[c.key] == "Region"]
            if regions:
                return regions[0]
            region = _region_named(run, span.text, gaz.country_of(best.key))
            if region:
                return region
        elif types[best.key] == "Region":
            country = gaz.country_of(best.key)
            cities = [c for c in cands if types[c.key] == "City" and gaz.country_of(c.key) == country]
            if cities:
                return cities[0]
    elif best.kind == "capital" and _in_region_context(run, span.root):
        region = _region_named(run, span.text, gaz.country_of(best.key))
        if region:
            return region
    return best


def _region_named(run: Run, text: str, country: str | None) -> Surface | None:
    """A region of `country` whose label has the word `text` ("Odessa" -> "oblast d'Odessa")."""
    words = label_words(text)
    if len(words) != 1:
        return None
    for key in run.tables.region_words.get(words[0], ()):
        if country is None or run.gaz.country_of(key) == country:
            return Surface(text, "*", key, "name")
    return None


def _countries_named(run: Run) -> None:
    """Countries each sentence and the article name (by name or demonym), to place ambiguous city names."""
    run.sent_countries = {}
    facts = run.facts
    for span in run.doc.spans.get(GAZ_KEY, []):
        cands = run.gaz.lookup(span.text, run.lang)
        if cands and cands[0].kind in ("name", "alias", "acronym") and cands[0].key.startswith("country/"):
            run.sent_countries.setdefault(facts.sent_start[span.start], set()).add(cands[0].key)
    for i, key in enumerate(facts.demonym_of):
        if key and key.startswith("country/") and facts.pos[i] in NAME_POS:
            run.sent_countries.setdefault(facts.sent_start[i], set()).add(key)


def _placed(run: Run, cands: list[Surface], span: Span) -> Surface | None:
    """Among places of one name in several countries ("Tripoli" in Libya and Lebanon), the one whose
    country the sentence, else the article, names; None when that does not decide."""
    gaz = run.gaz
    places = [c for c in cands if c.key.startswith(("city/", "region/"))]
    countries = {gaz.country_of(c.key) for c in places}
    if len(countries) < 2:
        return None
    named = run.sent_countries.get(run.facts.sent_start[span.start], set())
    hits = [c for c in places if gaz.country_of(c.key) in named]
    if hits and len({gaz.country_of(c.key) for c in hits}) == 1:
        return hits[0]
    # else the country the article names in most sentences, if one does
    counts = Counter(k for keys in run.sent_countries.values() for k in keys)
    ranked = sorted(places, key=lambda c: -counts[gaz.country_of(c.key) or ""])
    top = counts[gaz.country_of(ranked[0].key) or ""]
    if top and all(counts[gaz.country_of(c.key) or ""] < top for c in ranked if gaz.country_of(c.key) != gaz.country_of(ranked[0].key)):
        return ranked[0]
    return None


def _generic_group(run: Run, key: str, span: Span) -> bool:
    """ "le groupe djihadiste", "the jihadist group": a definite singular group noun qualified by a
    generic group adjective refers back to the group the article named."""
    ent = run.gaz.get(key)
    if ent is None or ent.type != "ArmedGroup" or ent.wikidata or len(span) != 1 or not span.text.islower():
        return False  # only a lower-case generic adjective ("djihadiste"), never a name ("the Wagner group")
    head = span.root.head if span.root.dep_ in ("amod", "compound") else None
    if head is None or head.pos_ != "NOUN" or "Plur" in (head.morph.get("Number", None) or []):
        return False
    return any(c.dep_ == "det" and c.lower_ in run.tables.words.definite_det for c in head.children)


def _main_named_group(out: Linked) -> str | None:
    """The named armed group the article has talked about most so far (first named wins ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for n, m in enumerate(out.mentions):
        ent = out.entities.get(m.entity)
        if ent is not None and ent.type == "ArmedGroup" and ent.label("en")[:1].isupper():
            counts[m.entity] += 1
            first.setdefault(m.entity, n)
    if not counts:
        return None
    return sorted(counts, key=lambda k: (-counts[k], first[k]))[0]


def _inside_name(span: Span) -> bool:
    """Whether a one-word span is the end or the middle of a longer capitalised name."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start


def _inside_person(span: Span) -> bool:
    """Whether the NER reads a span as part of a longer person's name (IOB, O(1) per span)."""
    doc = span.doc
    if any(t.ent_type_ not in PERSON_LABELS for t in span):
        return False
    before = span[0].ent_iob_ == "I"
    after = span.end < len(doc) and doc[span.end].ent_iob_ == "I" and doc[span.end].ent_type_ in PERSON_LABELS
    return before or after


def _hyphenated_inside_ent(span: Span) -> bool:
    """Whether a span is glued by a hyphen to the rest of a longer NER name ("Agence France-Presse").

    Token-level (IOB) so it costs O(1) per span, not a walk over `doc.ents`.
    """
    doc = span.doc
    before = span.start > 0 and doc[span.start].ent_iob_ == "I" and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    after = span.end < len(doc) and doc[span.end].ent_iob_ == "I" and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_
    return before or after


def _type_of(entity: Entity | None) -> str | None:
    return entity.type if entity is not None else None
