"""Linking: spans of a parsed article -> canonical entities.

Candidates come from three places: gazetteer surfaces (``doc.spans["kg_gaz"]``), spaCy's
statistical NER (``doc.ents``), and tokens (demonyms, titles, generic actor nouns). Each
candidate is then resolved to one entity key:

* a capital stays a City when it is a place ("à Niamey") and means its country when it
  acts ("Moscou a signé", "rompt avec Ankara"); seats of power always mean the country;
* a demonym on an actor noun makes the noun act for the country ("la délégation turque");
* generic actors ("la junte", "le régime", "les autorités") go to the article's focal
  country (the country mentioned most, headline counted twice), or to the country of
  their complement ("le régime de Tiani" -> the country Tiani leads);
* a surname alone ("Tiani", "le général Tiani") goes to the full name met in the article.

The result, `Linked`, stays on the spaCy side of the boundary; `extract.py` turns it into
plain `Mention` and `Entity` values.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg import syntax
from kg.data_tables import actor_nouns, noise_words, place_nouns
from kg.gazetteer import Gazetteer
from kg.iri import fold, slug
from kg.nlp import GAZ_KEY
from kg.types import Entity, Mention

PERSON_LABELS = frozenset({"PER", "PERSON"})
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
ORG_LABELS = frozenset({"ORG"})
# prepositions after which a capital is a place, not an actor
LOCATIVE = frozenset({"à", "a", "dans", "en", "au", "aux", "in", "at", "near", "près de", "depuis", "from", "vers", "to", "sur", "on"})
# prepositions after which a capital is a partner or target, i.e. an actor
PARTNER = frozenset({"avec", "with", "entre", "between", "contre", "against", "envers", "toward", "towards", "par", "by", "vis-à-vis de", "of"})
# adjectives that make a generic noun not the focal country ("les pays voisins")
NOT_FOCAL = frozenset({"voisin", "étranger", "occidental", "africain", "neighbouring", "neighboring", "foreign", "western", "other", "autre", "membre", "member", "allié", "allied", "partenaire"})


@dataclass
class Linked:
    """Linking output on the spaCy side: token -> entity, plus mentions and entities."""

    tok2ent: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    focal: str | None = None
    leaders: dict[str, str] = field(default_factory=dict)  # person key -> country key
    how: dict[str, str] = field(default_factory=dict)  # entity key -> how it was first linked

    def entity_of(self, tok: Token) -> str | None:
        return self.tok2ent.get(tok.i)


def _strip(span: Span) -> Span | None:
    """Drop leading prepositions / articles / punctuation and trailing punctuation ("d'Ankara")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].pos_ in ("ADP", "DET", "PUNCT", "SPACE") or doc[start].lower_ in ("d'", "d’", "l'", "l’")):
        start += 1
    while end > start and doc[end - 1].pos_ in ("PUNCT", "SPACE"):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label)


class Linker:
    """Resolves the mentions of one parsed article."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gaz = gazetteer
        self.lang = lang
        self.actor_nouns = actor_nouns(lang)
        self.noise = noise_words(lang)
        self.place_nouns = place_nouns(lang)

    # -- public -----------------------------------------------------------
    def __call__(self, doc: Doc) -> Linked:
        out = Linked()
        taken: set[int] = set()
        self._gazetteer_spans(doc, out, taken)
        persons = self._persons(doc, out, taken)
        self._ner_spans(doc, out, taken, persons)
        self._demonyms(doc, out, taken)
        out.focal = self._focal_country(doc, out)
        for key, ent in out.entities.items():
            if ent.type == "Person" and ent.country:
                out.leaders[key] = ent.country
        self._generic_actors(doc, out, taken)
        return out

    # -- helpers ----------------------------------------------------------
    def _add(self, out: Linked, span: Span, key: str, how: str, score: float = 1.0, *, tokens: list[Token] | None = None) -> None:
        ent = out.entities.get(key) or self.gaz.get(key)
        if ent is None:
            return
        out.entities[key] = ent
        out.how.setdefault(key, how)
        for t in tokens if tokens is not None else span:
            out.tok2ent[t.i] = key
        text = span.text
        out.mentions.append(Mention(span.start_char, span.end_char, text, key, score, how))
        out.aliases.setdefault(key, set()).add(text)

    def _local(self, out: Linked, key: str, type_: str, label: str, **extra: object) -> str:
        if key not in out.entities and self.gaz.get(key) is None:
            out.entities[key] = Entity(key=key, type=type_, label_en=label, label_fr=label, **extra)  # type: ignore[arg-type]
        elif key not in out.entities:
            out.entities[key] = self.gaz.get(key)  # type: ignore[assignment]
        return key

    def _acts(self, tok: Token) -> bool:
        """Whether a capital acts (metonymy: it means its country) rather than names the city.

        A capital is a place after a locative preposition ("à Niamey", "in Kyiv") or as the
        complement of a place noun ("la région de Moscou"); everywhere else it acts
        ("Moscou a signé", "rompt avec Ankara", "vis-à-vis de Moscou").
        """
        t = tok
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        prep = syntax.case_of(t)
        if prep in PARTNER:
            return True
        if prep in LOCATIVE:
            return False
        if prep in ("de", "du", "des", "d'", "of") and fold(t.head.lemma_) in self.place_nouns:
            return False
        return True

    def _gazetteer_spans(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        for span in doc.spans.get(GAZ_KEY, []):
            cands = self.gaz.lookup(span.text, self.lang)
            if not cands:
                continue
            best = cands[0]
            key, how = best.key, best.kind
            if best.kind == "capital":
                country = self.gaz.country_of(best.key) if best.key.startswith("city/") else best.key
                city = best.key if best.key.startswith("city/") else self.gaz.capital_of(best.key)
                if self._acts(span.root) and country:
                    key, how = country, "metonym:capital"
                elif city:
                    key, how = city, "capital:place"
            elif best.kind == "seat":
                key = self.gaz.country_of(best.key) or best.key
                how = "metonym:seat"
            self._add(out, span, key, how)
            taken.update(range(span.start, span.end))

    def _persons(self, doc: Doc, out: Linked, taken: set[int]) -> dict[str, str]:
        """Full names from NER and from titles; returns surname -> person key."""
        spans: list[Span] = []
        for ent in doc.ents:
            s = _strip(ent)
            if s is not None and ent.label_ in PERSON_LABELS and len(s) >= 1:
                spans.append(s)
        # "le général Abdourahamane Tiani", "President Bola Tinubu": PROPN run after a title noun
        for tok in doc:
            if self.gaz.title_role(tok.lemma_, self.lang) or self.gaz.title_role(tok.text, self.lang):
                j = tok.i + 1
                while j < len(doc) and (doc[j].pos_ == "ADJ" and self.gaz.demonym(doc[j].text, self.lang)):
                    j += 1  # "le président russe Vladimir Poutine"
                k = j
                while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and k - j < 4:
                    k += 1
                if k > j:
                    spans.append(Span(doc, j, k, label="PER"))
        surnames: dict[str, str] = {}
        for m in out.mentions:  # persons already linked by the gazetteer ("Abdourahamane Tiani")
            ent = out.entities.get(m.entity)
            if ent is not None and ent.type == "Person" and len(m.text.split()) >= 2:
                surnames.setdefault(fold(m.text.split()[-1]), m.entity)
        full: list[Span] = []
        for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if any(i in taken for i in range(s.start, s.end)):
                continue
            if len(s) >= 2:
                full.append(s)
        for s in full:
            key = self._person_key(s.text)
            surnames.setdefault(fold(s[-1].text), key)
        for s in sorted(spans, key=lambda s: s.start):
            if any(i in taken for i in range(s.start, s.end)):
                continue
            if len(s) >= 2:
                key = self._person_key(s.text)
                self._local(out, key, "Person", s.text)
                self._add(out, s, key, "ner:person" if s.label_ in PERSON_LABELS else "title")
                taken.update(range(s.start, s.end))
            elif fold(s.text) in surnames:
                key = surnames[fold(s.text)]
                self._add(out, s, key, "coref:surname")
                taken.update(range(s.start, s.end))
        return surnames

    def _person_key(self, name: str) -> str:
        for cand in self.gaz.lookup(name, self.lang):
            if cand.key.startswith("person/"):
                return cand.key
        return f"person/{slug(name)}"

    def _ner_spans(self, doc: Doc, out: Linked, taken: set[int], surnames: dict[str, str]) -> None:
        for ent in doc.ents:
            s = _strip(ent)
            if s is None or any(i in taken for i in range(s.start, s.end)):
                continue
            if all(not t.text[:1].isupper() for t in s if t.text[:1].isalpha()):
                continue  # "Votre Pub ici" keeps its capitals; lower-case ents are noise
            if fold(s.text) in self.noise or (len(s) == 1 and s[0].pos_ == "NOUN"):
                continue  # "État" in "coup d'État", bare titles, common nouns
            if len(s) == 1 and fold(s.text) in surnames:
                self._add(out, s, surnames[fold(s.text)], "coref:surname")
                taken.update(range(s.start, s.end))
                continue
            cands = self.gaz.lookup(s.text, self.lang)
            if cands:
                self._add(out, s, cands[0].key, "gazetteer:" + cands[0].kind)
            elif ent.label_ in PERSON_LABELS:
                if len(s) < 2 and not any(t.pos_ == "PROPN" for t in s):
                    continue
                key = self._local(out, self._person_key(s.text), "Person", s.text)
                self._add(out, s, key, "ner:person", 0.8)
            elif ent.label_ in ORG_LABELS and (len(s) >= 2 or s.text.isupper()):
                key = self._local(out, f"org/{slug(s.text)}", "Organization", s.text)
                self._add(out, s, key, "ner:org", 0.6)
            elif ent.label_ in PLACE_LABELS and any(t.pos_ == "PROPN" for t in s) and len(s.text) > 2:
                key = self._local(out, f"place/{slug(s.text)}", "Place", s.text)
                self._add(out, s, key, "ner:place", 0.6)
            else:
                continue
            taken.update(range(s.start, s.end))

    def _demonyms(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        for tok in doc:
            if tok.i in taken or tok.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            country = self.gaz.demonym(tok.text, self.lang)
            if not country:
                continue
            span = doc[tok.i : tok.i + 1]
            self._add(out, span, country, "demonym")
            taken.add(tok.i)
            # "la délégation turque", "le régime militaire nigérien": the actor noun acts for the country
            head = tok.head
            ent = out.entities.get(country)
            if tok.dep_ == "amod" and head.i not in out.tok2ent and self._is_actor_noun(head) and ent is not None and ent.type == "Country":
                out.tok2ent[head.i] = country
            if tok.dep_ == "conj" and tok.head.dep_ == "amod":
                noun = tok.head.head
                if self._is_actor_noun(noun):
                    # the noun stands for several countries: keep them on the adjectives
                    out.tok2ent.pop(noun.i, None)

    def _is_actor_noun(self, tok: Token) -> bool:
        lemma = fold(tok.lemma_)
        return (
            lemma in self.actor_nouns
            or self.gaz.generic_actor(lemma, self.lang) is not None
            or self.gaz.title_role(lemma, self.lang) is not None
        )

    def _focal_country(self, doc: Doc, out: Linked) -> str | None:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        headline_end = next((t.i for t in doc if "\n" in t.text), len(doc))
        for i, key in out.tok2ent.items():
            ent = out.entities.get(key)
            if ent is None or ent.type != "Country":
                continue
            counts[key] += 2 if i < headline_end else 1
            first.setdefault(key, i)
            first[key] = min(first[key], i)
        if not counts:
            return None
        return sorted(counts, key=lambda k: (-counts[k], first[k]))[0]

    def _generic_actors(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        for tok in doc:
            if tok.i in out.tok2ent or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            stands = self.gaz.generic_actor(fold(tok.lemma_), self.lang)
            if stands is None:
                continue
            if any(fold(c.lemma_) in NOT_FOCAL for c in tok.children if c.dep_ in ("amod", "nmod")):
                continue
            if not any(c.dep_ in ("det", "poss") or fold(c.text) in ("du", "des", "au", "aux") for c in tok.children):
                continue  # "un régime" / bare nouns are not coreferent with the focal country
            target = None
            for prep, noun in syntax.obliques(tok):
                key = out.tok2ent.get(noun.i)
                if key and prep in ("de", "du", "d'", "of"):
                    ent = out.entities.get(key)
                    if ent and ent.type == "Country":
                        target = key
                    elif ent and ent.type == "Person":
                        target = out.leaders.get(key) or ent.country or out.focal
            for c in tok.children:  # "its government", "son régime"
                if c.dep_ in ("poss", "nmod:poss") and c.i in out.tok2ent:
                    target = out.tok2ent[c.i]
            target = target or out.focal
            if not target:
                continue
            if stands == "forces":
                how = "generic:forces"
            else:
                how = "generic:country"
            span = doc[tok.i : tok.i + 1]
            self._add(out, span, target, how, 0.7)
