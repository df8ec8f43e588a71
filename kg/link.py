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
* a surname alone ("Tiani", "le général Tiani") goes to the full name met in the article;
* a title gives a person ("le président ghanéen X", "Lebanese President X", "Niger's prime
  minister, X", "le président du Ghana, X"); with a country and a head role (head of state or
  government, leader) the person leads that country (`Linked.leaders`); ministers do not;
* a name of several places picks by context: the region after a region noun ("la région de
  Diffa", "Borno state"), else the city; the place in the country the sentence (else the
  article) names ("Tripoli, dans le nord du Liban"); among equal candidates one the article
  already names ("Congo" after "République démocratique du Congo");
* NER noise is dropped or reshaped (kg/data/ner_words.tsv, noise.tsv): titles and offices are not
  organisations ("ministre des Affaires étrangères"), glued tails are cut ("... d'ici la fin"),
  facilities are not entities ("aéroport Ben Gourion"), an unknown name used as a modifier is
  not one ("a Hutu militia"), a named army with a demonym is its country ("Forces armées
  maliennes"), a regional adjective is not a geo-region ("ses alliés européens");
* an acronym in parentheses after a name ("(CNSP)", "(HTC)") and its later uses are that name.

Keys of local entities are pure functions of normalised names (`kg.iri.slug`): the same name in
two articles, in either language, is one node; an unknown place includes the country the
sentence places it in ("place/ML-kountiwal"), so two places of one name stay apart.

The result, `Linked`, stays on the spaCy side of the boundary; `extract.py` turns it into
plain `Mention` and `Entity` values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_PUNCT, LEMMA, ORTH, POS, SENT_START, SPACY
from spacy.parts_of_speech import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from kg import syntax
from kg.data_tables import actor_nouns, noise_words, place_nouns, rows
from kg.gazetteer import Gazetteer, Surface
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
# roles whose title + country make the person the country's leader (Linked.leaders)
HEAD_ROLES = frozenset({"head_of_state", "head_of_government", "leader"})
# longest title looked for, in tokens ("chef d'état-major des armées")
MAX_TITLE_TOKENS = 6
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


_NAME_POS = frozenset((ADJ, NOUN, PROPN))  # parts of speech a demonym or a title can have


def _memoised(cache: dict[str, str | None], key: str, compute: Callable[[str], str | None]) -> str | None:
    """`compute(key)`, kept in `cache` (cleared when it reaches 100,000 entries; the gazetteer is fixed,
    and the linker asks the same words again and again)."""
    try:
        return cache[key]
    except KeyError:
        if len(cache) >= 100_000:
            cache.clear()
        value = cache[key] = compute(key)
        return value


class Linker:
    """Resolves the mentions of one parsed article."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gaz = gazetteer
        self.lang = lang
        self._facts_doc: Doc | None = None  # see _token_facts
        self._facts: tuple[str, list[int], list[int], list[bool], list[str]] = ("", [], [], [], [])
        self._texts: list[str] = []  # token texts of _facts_doc
        self._pos: list[int] = []  # coarse part-of-speech ids of _facts_doc (spacy.parts_of_speech)
        self._sent_start: list[int] = []  # per token of _facts_doc: the index where its sentence starts
        # title lookups repeat the same few words and spans: memoised (bounded; the gazetteer is fixed)
        self._title_roles: dict[str, str | None] = {}
        self._title_prefixes = gazetteer.title_prefixes(lang)
        self._demonym_memo: dict[str, str | None] = {}  # see _word_demonym
        self._generic_memo: dict[str, str | None] = {}  # see _lemma_generic
        self._demonym_of: list[str | None] = []  # per token of _facts_doc
        self._generic_of: list[str | None] = []  # per token of _facts_doc
        self._acronyms: dict[str, str] = {}  # per article: acronym -> key (reset by __call__)
        self._sent_countries: dict[int, set[str]] = {}  # per article: sentence start -> countries named
        self.actor_nouns = actor_nouns(lang)
        # "Syrian rebels": lemma -> (type, label_en, label_fr) of non-state collectives (collective_nouns.tsv)
        self.collectives = {fold(r["lemma"]): (r["type"], r["label_en"], r["label_fr"]) for r in rows("collective_nouns.tsv") if r["lang"] == lang}
        self.noise = noise_words(lang)
        self.place_nouns = place_nouns(lang)
        self.region_nouns = frozenset(
            fold(r["lemma"]) for r in rows("place_nouns.tsv") if r["lang"] in (lang, "*") and r.get("kind") == "region"
        )
        words: dict[str, set[str]] = {}
        for r in rows("ner_words.tsv"):
            if r["lang"] in (lang, "*"):
                words.setdefault(r["kind"], set()).add(fold(r["word"]))
        self.cut_words = frozenset(words.get("cut", ()))
        self.facility_words = frozenset(words.get("facility", ()))
        self.office_words = frozenset(words.get("office", ()))
        self.intl_words = frozenset(words.get("intl", ()))
        # gazetteer persons by surname (last word of their labels), for "President Biden", "le général Tiani"
        self._by_surname: dict[str, set[str]] = {}
        for key, ent in gazetteer.entities.items():
            if ent.type == "Person":
                for label in {ent.label_en, ent.label_fr} - {None}:
                    parts = str(label).split()
                    if len(parts) >= 2:
                        self._by_surname.setdefault(fold(parts[-1]), set()).add(key)
        # region key by each word of its labels ("oblast d'Odessa" -> odessa), to find the region a
        # city name stands for after a region noun ("la région d'Odessa")
        self._region_words: dict[str, list[str]] = {}
        for key, ent in gazetteer.entities.items():
            if ent.type == "Region":
                for label in {ent.label_en, ent.label_fr, *ent.aliases} - {None}:
                    for w in _words(str(label)):
                        self._region_words.setdefault(w, []).append(key)

    # -- public -----------------------------------------------------------
    def __call__(self, doc: Doc) -> Linked:
        out = Linked()
        taken: set[int] = set()
        self._facts_doc = None  # per-token facts are read again for every call (see _token_facts)
        heads: dict[str, str] = {}  # local person key -> country their title says they lead
        self._acronyms = {}  # "CNSP" -> key of the name it abbreviates in this article
        self._gazetteer_spans(doc, out, taken)
        persons = self._persons(doc, out, taken, heads)
        self._ner_spans(doc, out, taken, persons)
        self._acronyms_in_parentheses(doc, out, taken)
        self._surnames(doc, out, taken, persons)
        self._demonyms(doc, out, taken)
        out.focal = self._focal_country(doc, out)
        for key, ent in out.entities.items():
            if ent.type == "Person" and ent.country and self.gaz.get(key) is not None:
                out.leaders[key] = ent.country
        for key, country in heads.items():
            out.leaders.setdefault(key, country)
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

        A capital == a place after a locative preposition ("à Niamey", "in Kyiv") or as the
        complement of a place noun ("la région de Moscou"); everywhere else it acts
        ("Moscou a signé", "rompt avec Ankara", "vis-à-vis de Moscou").
        """
        t = _first_conjunct(tok)
        prep = syntax.case_of(t)
        if prep in PARTNER:
            return True
        if prep in LOCATIVE:
            return False
        if prep in ("de", "du", "des", "d'", "of") and fold(_governor(t).lemma_) in self.place_nouns:
            return False
        if t.dep_ == "compound" and fold(t.head.lemma_) in self.place_nouns:
            return False  # "the Moscow region", "Kyiv residents"
        return True

    def _in_region_context(self, tok: Token) -> bool:
        """Whether a place name is the complement of a region noun ("la région de Kayes", "Borno state")."""
        t = _first_conjunct(tok)
        if t.i != tok.i and fold(t.lemma_) in self.region_nouns:
            return True  # "les régions de Tillabéri et de Diffa" parsed with Diffa a conjunct of "régions"
        gov = _governor(t)
        if gov.i != t.i and fold(gov.lemma_) in self.region_nouns and syntax.case_of(t) in ("de", "du", "des", "d'", "of"):
            return True
        return t.dep_ in ("compound", "nmod", "amod", "flat", "appos") and fold(t.head.lemma_) in self.region_nouns and t.head.i > t.i

    def _choose(self, cands: list[Surface], span: Span, out: Linked) -> Surface:
        """The candidate a gazetteer span stands for in context.

        * Among equally good candidates, one the article already names wins ("Congo" after
          "République démocratique du Congo").
        * A name shared by a region and a city is the region after a region noun ("la région de
          Diffa", "Borno state") and the city elsewhere ("près de Kayes").
        """
        best = cands[0]
        placed = self._placed(cands, span)
        if placed is not None and (placed.kind == best.kind or _type_of(self.gaz.get(best.key)) in ("City", "Region")):
            cands = [placed] + [c for c in cands if c is not placed and self.gaz.country_of(c.key) == self.gaz.country_of(placed.key)]
            best = placed
        same_rank = [c for c in cands if self.gaz.rank(c)[:2] == self.gaz.rank(best)[:2]]
        for c in same_rank:
            if c.key in out.entities:
                best = c
                break
        types = {c.key: _type_of(self.gaz.get(c.key)) for c in cands}
        if types.get(best.key) in ("City", "Region") and best.kind != "capital":
            regional = self._in_region_context(span.root)
            if regional:
                regions = [c for c in cands if types[c.key] == "Region"]
                if regions:
                    return regions[0]
                region = self._region_named(span.text, self.gaz.country_of(best.key))
                if region:
                    return region
            elif types[best.key] == "Region":
                country = self.gaz.country_of(best.key)
                cities = [c for c in cands if types[c.key] == "City" and self.gaz.country_of(c.key) == country]
                if cities:
                    return cities[0]
        elif best.kind == "capital" and self._in_region_context(span.root):
            region = self._region_named(span.text, self.gaz.country_of(best.key))
            if region:
                return region
        return best

    def _region_named(self, text: str, country: str | None) -> Surface | None:
        """A region of `country` whose label has the word `text` ("Odessa" -> "oblast d'Odessa")."""
        words = _words(text)
        if len(words) != 1:
            return None
        for key in self._region_words.get(words[0], ()):
            if country is None or self.gaz.country_of(key) == country:
                return Surface(text, "*", key, "name")
        return None

    def _countries_named(self, doc: Doc) -> None:
        """Countries each sentence and the article name (by name or demonym), to place ambiguous city names."""
        self._sent_countries = {}
        self._token_facts(doc)
        for span in doc.spans.get(GAZ_KEY, []):
            cands = self.gaz.lookup(span.text, self.lang)
            if cands and cands[0].kind in ("name", "alias", "acronym") and cands[0].key.startswith("country/"):
                self._sent_countries.setdefault(self._sent_start[span.start], set()).add(cands[0].key)
        for i, key in enumerate(self._demonym_of):
            if key and key.startswith("country/") and self._pos[i] in _NAME_POS:
                self._sent_countries.setdefault(self._sent_start[i], set()).add(key)

    def _placed(self, cands: list[Surface], span: Span) -> Surface | None:
        """Among places of one name in several countries ("Tripoli" in Libya and Lebanon), the one whose
        country the sentence, else the article, names; None when that does not decide."""
        places = [c for c in cands if c.key.startswith(("city/", "region/"))]
        countries = {self.gaz.country_of(c.key) for c in places}
        if len(countries) < 2:
            return None
        self._token_facts(span.doc)
        named = self._sent_countries.get(self._sent_start[span.start], set())
        hits = [c for c in places if self.gaz.country_of(c.key) in named]
        if hits and len({self.gaz.country_of(c.key) for c in hits}) == 1:
            return hits[0]
        # else the country the article names in most sentences, if one does
        counts = Counter(k for keys in self._sent_countries.values() for k in keys)
        ranked = sorted(places, key=lambda c: -counts[self.gaz.country_of(c.key) or ""])
        top = counts[self.gaz.country_of(ranked[0].key) or ""]
        if top and all(counts[self.gaz.country_of(c.key) or ""] < top for c in ranked if self.gaz.country_of(c.key) != self.gaz.country_of(ranked[0].key)):
            return ranked[0]
        return None

    def _gazetteer_spans(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        self._countries_named(doc)
        for span in doc.spans.get(GAZ_KEY, []):
            cands = self.gaz.lookup(span.text, self.lang)
            if not cands:
                continue
            first = self.gaz.get(cands[0].key)
            if first is not None and first.type == "Person" and len(span) == 1 and _inside_name(span):
                continue  # "Ouattara" inside "Téné Birahima Ouattara" is another person
            if _hyphenated_inside_ent(span):
                continue  # "France" inside "Agence France-Presse"
            best = self._choose(cands, span, out)
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
            elif self._generic_group(key, span):
                named = self._main_named_group(out)
                if named:
                    key, how = named, "coref:group"
            self._add(out, span, key, how)
            taken.update(range(span.start, span.end))
            if best.kind != "acronym" and not key.startswith("person/"):
                self._acronyms.update(self._acronym_after(span, key))

    def _generic_group(self, key: str, span: Span) -> bool:
        """ "le groupe djihadiste", "the jihadist group": a definite singular group noun qualified by a
        generic group adjective refers back to the group the article named."""
        ent = self.gaz.get(key)
        if ent is None or ent.type != "ArmedGroup" or ent.wikidata or len(span) != 1 or not span.text.islower():
            return False  # only a lower-case generic adjective ("djihadiste"), never a name ("the Wagner group")
        head = span.root.head if span.root.dep_ in ("amod", "compound") else None
        if head is None or head.pos_ != "NOUN" or "Plur" in (head.morph.get("Number", None) or []):
            return False
        return any(c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "the", "ce", "cette", "this") for c in head.children)

    @staticmethod
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

    def _title_role(self, text: str) -> str | None:
        """`Gazetteer.title_role` for this language, memoised."""
        return _memoised(self._title_roles, text, lambda t: self.gaz.title_role(t, self.lang))

    def _token_facts(self, doc: Doc) -> tuple[str, list[int], list[int], list[bool], list[str]]:
        """Per-token facts of `doc` read once (text offsets, punctuation, lemma), for `_title_at`.

        Computed on the first call for a Doc and kept until the next Doc: walking the Doc creates
        a spaCy Token object per token, and the title search would otherwise do it about 20 times.
        """
        if self._facts_doc is not doc:
            strings = doc.vocab.strings
            rows: list[list[int]] = (
                doc.to_array([ORTH, LEMMA, IDX, IS_PUNCT, POS, SPACY, SENT_START]).tolist() if len(doc) else []
            )
            texts = [strings[row[0]] for row in rows]
            # index of the first token of each token's sentence (Token.sent walks the Doc each time)
            sent_start, start = [], 0
            for i, row in enumerate(rows):
                if row[6] == 1:
                    start = i
                sent_start.append(start)
            self._facts = (
                # = doc.text, which would make a Token object per token
                "".join(t + " " if row[5] else t for t, row in zip(texts, rows, strict=True)),
                [row[2] for row in rows],
                [row[2] + len(t) for row, t in zip(rows, texts, strict=True)],
                [bool(row[3]) and t not in ("'", "’", "-") for row, t in zip(rows, texts, strict=True)],
                [strings[row[1]] for row in rows],
            )
            self._texts = texts
            # per token: the country or region its text is a demonym of, and what its lemma stands
            # for as a generic actor (memoised per word: both are asked of every token)
            self._demonym_of = [self._word_demonym(t) for t in texts]
            self._generic_of = [self._lemma_generic(lem) for lem in self._facts[4]]
            self._pos = [row[4] for row in rows]
            self._sent_start = sent_start
            self._facts_doc = doc
        return self._facts

    def _word_demonym(self, text: str) -> str | None:
        """`Gazetteer.demonym` for this language, memoised."""
        return _memoised(self._demonym_memo, text, lambda t: self.gaz.demonym(t, self.lang))

    def _lemma_generic(self, lemma: str) -> str | None:
        """`Gazetteer.generic_actor` of a lemma for this language, memoised."""
        return _memoised(self._generic_memo, lemma, lambda lem: self.gaz.generic_actor(fold(lem), self.lang))

    def _title_at(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """(role, end) of the longest title starting at token i ("Premier ministre", "chef de l'État")."""
        text, starts, ends, punct, lemmas = self._token_facts(doc)
        if fold(self._texts[i]) not in self._title_prefixes and self._title_role(lemmas[i]) is None:
            return None  # no title starts with this word: no span to try
        best = None
        for j in range(min(len(starts), i + MAX_TITLE_TOKENS), i, -1):
            if any(punct[i:j]):
                continue
            # the text of the span doc[i:j] (Span.text: without the last token's whitespace)
            role = self._title_role(text[starts[i] : ends[j - 1]])
            if role is None and j == i + 1:
                role = self._title_role(lemmas[i])
            if role is not None:
                best = (role, j)
                break
        return best

    def _country_tok(self, tok: Token, out: Linked) -> str | None:
        key = self.gaz.demonym(tok.text, self.lang) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None
        if key is None:
            key = out.tok2ent.get(tok.i)
        ent = out.entities.get(key) if key else None
        if key and (ent is None or ent.type != "Country"):
            ent = self.gaz.get(key)
        return key if ent is not None and ent.type == "Country" else None

    def _persons(self, doc: Doc, out: Linked, taken: set[int], heads: dict[str, str]) -> dict[str, str]:
        """Full names from NER and from titles; returns surname -> person key.

        A title with a country ("le président russe Vladimir Poutine", "Russian President Vladimir
        Putin", "Niger's prime minister, Ali Lamine Zeine", "le président du Niger, X") makes a head of
        state, of government or a leader the leader of that country (`heads`).
        """
        spans: list[Span] = []
        for ent in doc.ents:
            s = _strip(ent)
            if s is None or ent.label_ not in PERSON_LABELS:
                continue
            title = self._title_at(doc, s.start)
            if title is not None and title[1] < s.end:
                s = Span(doc, title[1], s.end, label=s.label)  # "général Nguema" -> "Nguema"
            if len(s) == 1 and s.root.dep_ in ("compound", "amod") and s.root.head.pos_ == "NOUN":
                continue  # "a Hutu militia": a modifier, not a person
            spans.append(s)
        titled: dict[tuple[int, int], tuple[str, str | None]] = {}  # person span -> (role, country)
        last_title: tuple[int, str] | None = None  # (end, country) of the last title that named a country
        i = 0
        self._token_facts(doc)
        pos = self._pos
        while i < len(doc):
            found = self._title_at(doc, i) if pos[i] in _NAME_POS else None
            if found is None:
                i += 1
                continue
            role, j = found
            country = None
            # before the title: "Russian President", "US President", "Niger's prime minister"
            if i > 0:
                prev = doc[i - 1]
                if prev.tag_ == "POS" and i > 1:
                    prev = doc[i - 2]
                country = self._country_tok(prev, out)
            # after the title: demonyms ("le président russe"), "du Niger", "de la Russie"
            k = j
            while k < len(doc):
                t = doc[k]
                if t.pos_ == "ADJ" and self.gaz.demonym(t.text, self.lang):
                    country = country or self._country_tok(t, out)
                    k += 1
                elif t.lower_ in ("de", "du", "des", "d'", "d’", "of", "la", "l'", "l’", "the") and k + 1 < len(doc):
                    n = k + 1
                    while n < len(doc) and doc[n].lower_ in ("la", "l'", "l’", "le", "les", "the"):
                        n += 1
                    if n < len(doc) and n in out.tok2ent:
                        key = out.tok2ent[n]
                        country = country or self._country_tok(doc[n], out)
                        while n < len(doc) and out.tok2ent.get(n) == key:
                            n += 1
                        k = n
                    elif n < len(doc) and doc[n].text[:1].isupper() and doc[n].pos_ != "PROPN" or (
                        n + 1 < len(doc) and doc[n].text[:1].isupper() and doc[n + 1].text[:1].islower() and doc[n + 1].pos_ == "ADJ"
                    ):
                        # the portfolio: "de la Défense", "des Affaires étrangères"
                        n += 1
                        while n < len(doc) and doc[n].pos_ == "ADJ" and doc[n].text[:1].islower() and not self.gaz.demonym(doc[n].text, self.lang):
                            n += 1
                        k = n
                    else:
                        break
                else:
                    break
            start = i - 1 if i > 0 and doc[i - 1].pos_ == "DET" else i
            if country is None and last_title is not None and start > 0 and doc[start - 1].text == "," and start - last_title[0] <= 6:
                # "the US commander in Iraq, General David Petraeus": a title in apposition to one naming a country
                country = last_title[1]
            if country is not None:
                last_title = (k, country)
            if k < len(doc) and doc[k].text == "," and k + 1 < len(doc) and _name_word(doc[k + 1]) and k + 1 not in out.tok2ent and self._title_at(doc, k + 1) is None:
                k += 1  # "le ministre des Affaires étrangères, Abderaman Koulamallah" (not ", General X": a title of its own)
            m = k
            while m < len(doc) and _name_word(doc[m]) and m not in out.tok2ent and m - k < 4:
                m += 1
            if m > k:
                span = Span(doc, k, m, label="PER")
                spans.append(span)
                titled[(k, m)] = (role, country)
            i = max(i + 1, j)
        surnames: dict[str, str] = {}
        for mention in out.mentions:  # persons already linked by the gazetteer ("Abdourahamane Tiani")
            known = out.entities.get(mention.entity)
            if known is not None and known.type == "Person" and len(mention.text.split()) >= 2:
                surnames.setdefault(fold(mention.text.split()[-1]), mention.entity)
        for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if len(s) >= 2 and not any(i in taken for i in range(s.start, s.end)):
                surnames.setdefault(fold(s[-1].text), self._person_key(s.text))
        for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
            if any(i in taken for i in range(s.start, s.end)):
                # the gazetteer named the person: the title may still tell their country
                keys = {out.tok2ent.get(i) for i in range(s.start, s.end)}
                role, country = titled.get((s.start, s.end), ("", None))
                only = next(iter(keys)) if len(keys) == 1 else None
                if only and role in HEAD_ROLES and country and only.startswith("person/") and self.gaz.get(only) is None:
                    heads.setdefault(only, country)
                continue
            if len(s) >= 2:
                key = self._person_key(s.text)
                role, country = titled.get((s.start, s.end), ("", None))
                # a title with a country ("Russian Foreign Minister X", "the US commander, General X") says
                # whose official the person is (Entity.country); only head roles make them lead it (below)
                self._local(out, key, "Person", s.text, country=country)
                self._add(out, s, key, "ner:person" if s.label_ in PERSON_LABELS and (s.start, s.end) not in titled else "title")
                taken.update(range(s.start, s.end))
                if role in HEAD_ROLES and country and self.gaz.get(key) is None:
                    heads.setdefault(key, country)
            elif fold(s.text) in surnames:
                key = surnames[fold(s.text)]
                self._add(out, s, key, "coref:surname")
                taken.update(range(s.start, s.end))
            elif (s.start, s.end) in titled and len(self._by_surname.get(fold(s.text), ())) == 1:
                # "President Biden": a title and the surname of one known person
                key = next(iter(self._by_surname[fold(s.text)]))
                self._add(out, s, key, "title:surname")
                taken.update(range(s.start, s.end))
                surnames.setdefault(fold(s.text), key)
        return surnames

    def _person_key(self, name: str) -> str:
        for cand in self.gaz.lookup(name, self.lang):
            if cand.key.startswith("person/"):
                return cand.key
        return f"person/{slug(name)}"

    def _trim(self, span: Span) -> Span | None:
        """A NER span without its glued tail ("Forces armées maliennes d'ici la fin") or leading
        lower-case adjectives ("eastern Democratic Republic of Congo")."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and doc[start].pos_ == "ADJ" and doc[start].text[:1].islower():
            start += 1
        for i in range(start + 1, end):
            if doc[i].text[:1].islower() and fold(doc[i].text).rstrip("'’") in self.cut_words:
                end = i
                while end > start and (doc[end - 1].pos_ in ("ADP", "DET", "PUNCT") or doc[end - 1].lower_ in ("d'", "d’")):
                    end -= 1
                break
        if start >= end:
            return None
        return Span(doc, start, end, label=span.label)

    def _ner_spans(self, doc: Doc, out: Linked, taken: set[int], surnames: dict[str, str]) -> None:
        acronyms = self._acronyms
        for ent in doc.ents:
            s = _strip(ent)
            s = self._trim(s) if s is not None else None
            if s is None or any(i in taken for i in range(s.start, s.end)):
                continue
            if all(not t.text[:1].isupper() for t in s if t.text[:1].isalpha()):
                continue  # "Votre Pub ici" keeps its capitals; lower-case ents are noise
            if fold(s.text) in self.noise or (len(s) == 1 and s[0].pos_ == "NOUN"):
                continue  # "État" in "coup d'État", bare titles, common nouns
            edge = {fold(s[0].text), fold(s[-1].text)}
            if edge & self.office_words or self._title_at(doc, s.start) is not None:
                continue  # "ministère des Affaires étrangères", "ministre de la Défense": offices and titles
            if edge & self.facility_words:
                continue  # "aéroport Ben Gourion": facilities are not entities of the ontology
            if len(s) == 1 and fold(s.text) in surnames:
                self._add(out, s, surnames[fold(s.text)], "coref:surname")
                taken.update(range(s.start, s.end))
                continue
            country = self._forces_of(s)
            if country:
                self._add(out, s, country, "metonym:forces")
                taken.update(range(s.start, s.end))
                continue
            cands = self.gaz.lookup(s.text, self.lang)
            if cands and cands[0].kind == "demonym" and len(s) == 1:
                continue  # adjectives are the demonym pass's business ("the Turkish delegation", "European leaders")
            if cands:
                best = self._choose(cands, s, out)
                self._add(out, s, best.key, "gazetteer:" + best.kind)
                taken.update(range(s.start, s.end))
                continue
            if s.text in acronyms:
                self._add(out, s, acronyms[s.text], "acronym:local")
                taken.update(range(s.start, s.end))
                continue
            if s.root.dep_ == "compound" and s.root.head.pos_ == "NOUN" and s.root.head.i >= s.end:
                continue  # "the Gulf state", "a Hutu militia": an unknown name used as a modifier
            if ent.label_ in PERSON_LABELS:
                if len(s) < 2:
                    continue  # an unknown single name is not enough for a person
                key = self._local(out, self._person_key(s.text), "Person", s.text)
                self._add(out, s, key, "ner:person", 0.8)
            elif ent.label_ in ORG_LABELS and (len(s) >= 2 or s.text.isupper()):
                type_ = "InternationalOrganization" if {fold(t.text) for t in s} & self.intl_words else "Organization"
                key = self._local(out, f"org/{slug(s.text)}", type_, s.text)
                self._add(out, s, key, "ner:org", 0.6)
                acronyms.update(self._acronym_after(s, key))
            elif ent.label_ in PLACE_LABELS and any(t.pos_ == "PROPN" for t in s) and len(s.text) > 2:
                if self.lang == "fr" and s.start > 0 and doc[s.start - 1].lower_ in ("la", "le", "les", "l'", "l’"):
                    continue  # "la mine de la Somaïr": a French town takes no article; a company does
                key = self._local(out, self._place_key(s, out), "Place", s.text)
                self._add(out, s, key, "ner:place", 0.6)
            else:
                continue
            taken.update(range(s.start, s.end))

    def _forces_of(self, span: Span) -> str | None:
        """ "les Forces armées maliennes", "l'Armée nationale tchadienne": a named body whose head is an
        actor noun qualified by a demonym is its country (bench/gold/README.md, convention 3)."""
        if len(span) < 2 or not self._is_actor_noun(span[0]):
            return None
        for t in span[1:]:
            key = self.gaz.demonym(t.text, self.lang)
            if key and t.text[:1].islower() or (key and t.pos_ == "ADJ"):
                ent = self.gaz.get(key)
                if ent is not None and ent.type == "Country":
                    return key
        return None

    def _place_key(self, span: Span, out: Linked) -> str:
        """Key of an unknown place: its name, and the country the sentence places it in when it says
        so ("Tinzaouatène, dans le nord du Mali"), so that two places of one name stay two nodes."""
        country = None
        for t in span.sent:
            key = out.tok2ent.get(t.i)
            if key and t.i >= span.end and t.i - span.end <= 8:
                ent = out.entities.get(key)
                if ent is not None and ent.type == "Country" and syntax.case_of(t) in ("de", "du", "d'", "of", "in", "en", "au"):
                    country = key
                    break
        name = slug(span.text)
        return f"place/{country.split('/')[1]}-{name}" if country else f"place/{name}"

    @staticmethod
    def _acronym_after(span: Span, key: str) -> dict[str, str]:
        """ "Conseil national pour la sauvegarde de la patrie (CNSP)": the acronym in parentheses
        right after a name is that name."""
        doc = span.doc
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            acr = doc[span.end + 1].text
            if _abbreviates(acr, span):
                return {acr: key}
        return {}

    def _acronyms_in_parentheses(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        """ "Le Mouvement pour ... (MRSO)": the parser hangs the acronym on the name (apposition) even
        when the NER cut the name short; the acronym and its later uses are that name."""
        self._token_facts(doc)
        texts = self._texts
        inside = [doc[i] for i in range(1, len(texts) - 1) if texts[i - 1] == "(" and texts[i + 1] == ")"]
        for tok in inside:
            if tok.i in taken:
                continue
            key = out.tok2ent.get(tok.head.i) if tok.dep_ == "appos" else None
            if key is None or key.startswith("person/"):
                continue
            name = [m for m in out.mentions if m.entity == key and m.start <= tok.head.idx < m.end]
            span = doc.char_span(name[0].start, name[0].end) if name else None
            if _abbreviates(tok.text, span if span is not None else doc[tok.head.i : tok.head.i + 1]):
                self._acronyms.setdefault(tok.text, key)
        for m in list(out.mentions):  # an acronym the NER saw once ("MRES says") is every "MRES"
            if m.how == "ner:org" and m.text.isupper() and " " not in m.text:
                self._acronyms.setdefault(m.text, m.entity)
        for i, text in enumerate(texts):
            if i not in taken and text in self._acronyms:
                self._add(out, doc[i : i + 1], self._acronyms[text], "acronym:local")
                taken.add(i)

    def _surnames(self, doc: Doc, out: Linked, taken: set[int], surnames: dict[str, str]) -> None:
        """A surname alone that the NER missed ("Goïta a exclu", "Lavrov a dénoncé")."""
        self._token_facts(doc)
        texts, pos = self._texts, self._pos
        for i, text in enumerate(texts):
            if not surnames or i in taken or pos[i] != PROPN or not text[:1].isupper():
                continue
            key = surnames.get(fold(text))
            if key is None:
                continue
            tok = doc[i]
            prev_name = tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].text[:1].isupper() and (tok.i - 1) not in taken
            nxt_name = tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper()
            if prev_name or nxt_name:
                continue  # part of another full name
            span = doc[tok.i : tok.i + 1]
            self._add(out, span, key, "coref:surname")
            taken.add(tok.i)

    def _demonyms(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        self._token_facts(doc)
        # only tokens whose text is a demonym can be one: select them without walking the Doc
        for tok in [doc[i] for i, key in enumerate(self._demonym_of) if key and self._pos[i] in _NAME_POS]:
            if tok.i in taken or tok.pos_ not in ("ADJ", "NOUN", "PROPN"):
                continue
            country = self._demonym_of[tok.i]
            if not country:
                continue
            ent = self.gaz.get(country)
            if ent is not None and ent.type == "GeoRegion" and tok.pos_ == "ADJ":
                continue  # "ses alliés européens", "l'organisation ouest-africaine": a qualifier, not an actor
            if _ethnic(tok):
                continue  # "ethnic Albanians", "d'origine albanaise": a people, not the state
            span = doc[tok.i : tok.i + 1]
            self._add(out, span, country, "demonym")
            taken.add(tok.i)
            # "la délégation turque", "le régime militaire nigérien": the actor noun acts for the country
            head = tok.head
            ent = out.entities.get(country)
            several = any(c.dep_ == "conj" for c in tok.children)  # "Ukrainian and US officials"
            if tok.dep_ in ("amod", "compound") and not several and head.i not in out.tok2ent and self._is_actor_noun(head) and ent is not None and ent.type == "Country":
                out.tok2ent[head.i] = country
            elif tok.dep_ in ("amod", "compound") and not several and head.i not in out.tok2ent and ent is not None and ent.type == "Country":
                collective = self.collectives.get(fold(head.lemma_))
                if collective is not None:
                    # "Syrian rebels", "les manifestants géorgiens": a group of that country, not the state
                    key = self._collective(out, country, collective)
                    self._add(out, doc[head.i : head.i + 1], key, "demonym:collective", 0.8)
                    taken.add(head.i)
            if tok.dep_ == "conj" and tok.head.dep_ == "amod":
                noun = tok.head.head
                if self._is_actor_noun(noun):
                    # the noun stands for several countries: keep them on the adjectives
                    out.tok2ent.pop(noun.i, None)

    def _collective(self, out: Linked, country: str, collective: tuple[str, str, str]) -> str:
        """Key of the non-state collective `collective` (type, label_en, label_fr) of `country`, minted locally."""
        type_, label_en, label_fr = collective
        code = country.split("/", 1)[1]
        key = f"{'group' if type_ == 'ArmedGroup' else 'org'}/{code}-{slug(label_en)}"
        state = out.entities.get(country) or self.gaz.get(country)
        if key not in out.entities:
            out.entities[key] = Entity(
                key=key,
                type=type_,
                label_en=f"{label_en} ({state.label('en') if state else code})",
                label_fr=f"{label_fr} ({state.label('fr') if state else code})",
                country=country,
            )
        return key

    def _is_actor_noun(self, tok: Token) -> bool:
        lemma = fold(tok.lemma_)
        return (
            lemma in self.actor_nouns
            or self.gaz.generic_actor(lemma, self.lang) is not None
            or self.gaz.title_role(lemma, self.lang) is not None
        )

    def _seat_of(self, tok: Token, out: Linked) -> str | None:
        """ "la junte au pouvoir à Niamey", "the junta in Niamey": the country of the seat it sits in."""
        for head in (tok, *(c for c in tok.children if c.dep_ in ("acl", "acl:relcl", "nmod"))):
            for prep, noun in syntax.obliques(head):
                key = out.tok2ent.get(noun.i)
                ent = out.entities.get(key) if key else None
                if ent is not None and prep in LOCATIVE and ent.type in ("City", "Country") and ent.country or (ent is not None and ent.type == "Country" and prep in LOCATIVE):
                    return key if ent.type == "Country" else ent.country
        return None

    def _focal_country(self, doc: Doc, out: Linked) -> str | None:
        """The country the article names most (mentions, headline counted twice; first named wins ties)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        text, starts, _, _, _ = self._token_facts(doc)
        headline_end = next((starts[i] for i, t in enumerate(self._texts) if "\n" in t), len(text))
        for m in out.mentions:
            ent = out.entities.get(m.entity)
            if ent is None or ent.type != "Country":
                continue
            counts[m.entity] += 2 if m.start < headline_end else 1
            first[m.entity] = min(first.get(m.entity, m.start), m.start)
        if not counts:
            return None
        return sorted(counts, key=lambda k: (-counts[k], first[k]))[0]

    def _generic_actors(self, doc: Doc, out: Linked, taken: set[int]) -> None:
        self._token_facts(doc)
        # only tokens whose lemma is a generic actor noun can be one: select them without walking the Doc
        for tok in [doc[i] for i, stands in enumerate(self._generic_of) if stands is not None]:
            if tok.i in out.tok2ent or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            stands = self._generic_of[tok.i]
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
            if target is None and stands == "country":
                target = self._seat_of(tok, out)
            target = target or out.focal
            if not target:
                continue
            if stands == "forces":
                how = "generic:forces"
            else:
                how = "generic:country"
            span = doc[tok.i : tok.i + 1]
            self._add(out, span, target, how, 0.7)


# words that make a demonym name a people rather than a state ("ethnic Albanians", "d'origine turque")
ETHNIC = frozenset({"ethnic", "ethnique", "ethnie", "origine", "origin", "descent", "souche"})


def _ethnic(tok: Token) -> bool:
    """Whether a demonym names an ethnic group: "ethnic Turks", "les Turcs de souche", "d'origine turque"."""
    if any(fold(c.lemma_) in ETHNIC for c in tok.children if c.dep_ in ("amod", "nmod", "advmod", "compound")):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return (prev is not None and fold(prev.lemma_) in ETHNIC) or (tok.dep_ == "amod" and fold(tok.head.lemma_) in ETHNIC)


def _first_conjunct(tok: Token) -> Token:
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    return t


def _governor(tok: Token) -> Token:
    """The noun a prepositional complement hangs on: UD "région <-nmod- Kayes", ClearNLP "region -prep-> of -pobj-> X"."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        return tok.head.head
    return tok.head


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in fold(text)).split() if len(w) > 2]


def _inside_name(span: Span) -> bool:
    """Whether a one-word span is the end or the middle of a longer capitalised name."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start


def _name_word(tok: Token) -> bool:
    """A word that can be part of a person's name after a title (the tagger often calls rare names ADJ or NOUN)."""
    return (
        tok.text[:1].isupper()
        and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X")
        and not tok.is_sent_start
        and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY")  # not "Thursday"
    )


def _abbreviates(acronym: str, name: Span) -> bool:
    """Whether an upper-case word can be the acronym of a name: same first letter ("CNSP" of
    "Conseil national pour la sauvegarde de la patrie", not "MRES" of "Sahel")."""
    if not (acronym.isupper() and 2 <= len(acronym) <= 8):
        return False
    first = fold(name.text)[:1]
    return bool(first) and fold(acronym)[:1] == first


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
