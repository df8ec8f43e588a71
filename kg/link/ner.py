"""spaCy's NER spans -> entities, once the gazetteer and the titles have had their say.

NER noise is dropped or reshaped (kg/data/ner_words.tsv, noise.tsv): titles and offices are not
organisations ("ministre des Affaires étrangères"), glued tails are cut ("... d'ici la fin"),
facilities are not entities ("aéroport Ben Gourion"), an unknown name used as a modifier is not
one ("a Hutu militia"), a named army with a demonym is its country ("Forces armées maliennes").
Unknown names get local keys, pure functions of the name: an unknown place includes the country
the sentence places it in ("place/ML-kountiwal"), so two places of one name stay apart.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg import syntax
from kg.iri import fold, slug
from kg.link.acronyms import acronym_after
from kg.link.persons import person_key
from kg.link.run import Run
from kg.link.spans import ORG_LABELS, PERSON_LABELS, PLACE_LABELS, strip, trim
from kg.link.surfaces import _placed, choose
from kg.link.titles import title_at


def ner_spans(run: Run, surnames: dict[str, str]) -> None:
    """Link the NER spans no earlier pass took."""
    doc, taken, tables, acronyms = run.doc, run.taken, run.tables, run.acronyms
    for ent in doc.ents:
        s = strip(ent, tables.words)
        s = trim(s, tables) if s is not None else None
        if s is None or any(i in taken for i in range(s.start, s.end)):
            continue
        if all(not t.text[:1].isupper() for t in s if t.text[:1].isalpha()):
            continue  # "Votre Pub ici" keeps its capitals; lower-case ents are noise
        if fold(s.text) in tables.noise or (len(s) == 1 and s[0].pos_ == "NOUN"):
            continue  # "État" in "coup d'État", bare titles, common nouns
        edge = {fold(s[0].text), fold(s[-1].text)}
        if edge & tables.office_words or title_at(run, s.start) is not None:
            continue  # "ministère des Affaires étrangères", "ministre de la Défense": offices and titles
        if edge & tables.facility_words:
            continue  # "aéroport Ben Gourion": facilities are not entities of the ontology
        if len(s) == 1 and fold(s.text) in surnames:
            run.add(s, surnames[fold(s.text)], "coref:surname")
            taken.update(range(s.start, s.end))
            continue
        country = _forces_of(run, s)
        if country:
            run.add(s, country, "metonym:forces")
            taken.update(range(s.start, s.end))
            continue
        # names `lookup` alone knows are taken from the NER only for a place it finds, as a town (towns.tsv:
        # "près de Zakho"), never a region's common-word name ("Gulf")
        found = run.gaz.lookup(s.text, run.lang)
        cands = [c for c in found if c.kind != "label"]
        if not cands and ent.label_ in PLACE_LABELS:
            cands = [c for c in found if c.key.startswith("city/")]
            if len({run.gaz.country_of(c.key) for c in cands}) > 1 and _placed(run, cands, s) is None:
                cands = []  # towns of one name in several countries, none the text places
        if cands and cands[0].kind == "demonym" and len(s) == 1:
            continue  # adjectives are the demonym pass's business ("the Turkish delegation", "European leaders")
        if cands:
            best = choose(run, cands, s)
            run.add(s, best.key, "gazetteer:" + best.kind)
            taken.update(range(s.start, s.end))
            continue
        if s.text in acronyms:
            run.add(s, acronyms[s.text], "acronym:local")
            taken.update(range(s.start, s.end))
            continue
        if s.root.dep_ == "compound" and s.root.head.pos_ == "NOUN" and s.root.head.i >= s.end:
            continue  # "the Gulf state", "a Hutu militia": an unknown name used as a modifier
        if ent.label_ in PERSON_LABELS:
            if len(s) < 2:
                continue  # an unknown single name is not enough for a person
            key = run.local(person_key(run, s.text), "Person", s.text)
            run.add(s, key, "ner:person", 0.8)
        elif _armed_noun_beside(s, tables.armed_nouns) and (len(s) >= 2 or s.text.isupper()):
            # "le gang Los Choneros", "the Tren de Aragua gang", "la milice X": an armed group whatever the NER's label
            key = run.local(f"group/{slug(s.text)}", "ArmedGroup", s.text)
            run.add(s, key, "ner:group", 0.6)
        elif ent.label_ in ORG_LABELS and (len(s) >= 2 or s.text.isupper()):
            type_ = "InternationalOrganization" if {fold(t.text) for t in s} & tables.intl_words else "Organization"
            key = run.local(f"org/{slug(s.text)}", type_, s.text)
            run.add(s, key, "ner:org", 0.6)
            acronyms.update(acronym_after(s, key))
        elif ent.label_ in PLACE_LABELS and any(t.pos_ == "PROPN" for t in s) and len(s.text) > 2:
            if s.start > 0 and doc[s.start - 1].lower_ in tables.words.company_article:
                continue  # "la mine de la Somaïr": a French town takes no article; a company does
            key = run.local(_place_key(run, s), "Place", s.text)
            run.add(s, key, "ner:place", 0.6)
        else:
            continue
        taken.update(range(s.start, s.end))


def _armed_noun_beside(span: Span, nouns: frozenset[str]) -> bool:
    """Whether a name comes right after or before an armed-group noun ("le gang Los Choneros", "the Tren de
    Aragua gang"; kg/data/ner_words.tsv, armed)."""
    doc = span.doc
    before = span.start > 0 and fold(doc[span.start - 1].lemma_) in nouns
    return before or (span.end < len(doc) and fold(doc[span.end].lemma_) in nouns)


def _forces_of(run: Run, span: Span) -> str | None:
    """ "les Forces armées maliennes", "l'Armée nationale tchadienne": a named body whose head is an
    actor noun qualified by a demonym is its country (bench/gold/README.md, convention 3)."""
    if len(span) < 2 or not run.tables.is_actor_noun(fold(span[0].lemma_)):
        return None
    for t in span[1:]:
        key = run.tables.demonym(t.text)
        if key and t.text[:1].islower() or (key and t.pos_ == "ADJ"):
            ent = run.gaz.get(key)
            if ent is not None and ent.type == "Country":
                return key
    return None


def _place_key(run: Run, span: Span) -> str:
    """Key of an unknown place: its name, and the country the sentence places it in when it says
    so ("Tinzaouatène, dans le nord du Mali"), so that two places of one name stay two nodes."""
    out, words = run.out, run.tables.words
    country = None
    for t in span.sent:
        key = out.tok2ent.get(t.i)
        if key and t.i >= span.end and t.i - span.end <= 8:
            ent = out.entities.get(key)
            if ent is not None and ent.type == "Country" and ((case := syntax.case_of(t)) in words.genitive_singular or case in words.place_country):
                country = key
                break
    name = slug(span.text)
    return f"place/{country.split('/')[1]}-{name}" if country else f"place/{name}"
