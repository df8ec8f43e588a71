"""What the linker knows about one language, read once per `Linker`: word lists, gazetteer indexes,
and memoised gazetteer lookups (pure functions of the fixed gazetteer, so the memos hold no state
of any article)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from kg.data_tables import Words, actor_nouns, collective_nouns, noise_words, place_nouns, rows, words
from kg.gazetteer import Gazetteer
from kg.iri import fold

NER_WORD_KINDS = ("cut", "facility", "office", "intl", "armed")


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


def label_words(text: str) -> list[str]:
    """The folded words of a label longer than two letters ("oblast d'Odessa" -> oblast, odessa)."""
    return [w for w in "".join(c if c.isalnum() else " " for c in fold(text)).split() if len(w) > 2]


class LinkTables:
    """The tables of one language the linker reads (kg/data/*.tsv, kg/data/words.tsv, the gazetteer)."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gaz = gazetteer
        self.lang = lang
        self.words: Words = words(lang)
        self.title_prefixes = gazetteer.title_prefixes(lang)
        self.actor_nouns = actor_nouns(lang)
        # "Syrian rebels": lemma -> (type, label_en, label_fr) of non-state collectives (collective_nouns.tsv)
        self.collectives = collective_nouns(lang)
        self.noise = noise_words(lang)
        # quantity_nouns.tsv: "des milliers de manifestants", "thousands of protesters"
        self.quantity_nouns = frozenset(fold(r["lemma"]) for r in rows("quantity_nouns.tsv", ("lang", "lemma")) if r["lang"] in (lang, "*"))
        # peoples.tsv: folded adjective of a people -> (label_en, label_fr) ("druzes" -> Druze, druzes)
        self.peoples: dict[str, tuple[str, str]] = {}
        for r in rows("peoples.tsv", ("lang", "forms", "label_en", "label_fr")):
            if r["lang"] == lang:
                for form in r["forms"].split("|"):
                    self.peoples[fold(form)] = (r["label_en"], r["label_fr"])
        self.place_nouns = place_nouns(lang)
        self.region_nouns = frozenset(
            fold(r["lemma"]) for r in rows("place_nouns.tsv", ("lang", "lemma")) if r["lang"] in (lang, "*") and r.get("kind") == "region"
        )
        # metonymy.tsv: a place preposition -> the heads after which a capital acts ("turn to Beijing")
        self.acting_after: dict[str, frozenset[str]] = {}
        for r in rows("metonymy.tsv", ("lang", "preposition", "heads")):
            if r["lang"] in (lang, "*"):
                heads = frozenset(fold(h) for h in r["heads"].split("|") if h.strip())
                self.acting_after[fold(r["preposition"])] = self.acting_after.get(fold(r["preposition"]), frozenset()) | heads
        found: dict[str, set[str]] = {}
        for r in rows("ner_words.tsv", ("lang", "word", "kind")):
            if r["kind"] not in NER_WORD_KINDS:
                raise r.error(f"unknown kind {r['kind']!r}; allowed: {', '.join(NER_WORD_KINDS)}")
            if r["lang"] in (lang, "*"):
                found.setdefault(r["kind"], set()).add(fold(r["word"]))
        self.cut_words = frozenset(found.get("cut", ()))
        self.facility_words = frozenset(found.get("facility", ()))
        self.office_words = frozenset(found.get("office", ()))
        self.intl_words = frozenset(found.get("intl", ()))
        self.armed_nouns = frozenset(found.get("armed", ()))
        # gazetteer persons by surname (last word of their labels), for "President Biden", "le général Tiani"
        self.by_surname: dict[str, set[str]] = {}
        for key, ent in gazetteer.entities.items():
            if ent.type == "Person":
                for label in {ent.label_en, ent.label_fr} - {None}:
                    parts = str(label).split()
                    if len(parts) >= 2:
                        self.by_surname.setdefault(fold(parts[-1]), set()).add(key)
        # region key by each word of its labels ("oblast d'Odessa" -> odessa), to find the region a
        # city name stands for after a region noun ("la région d'Odessa")
        self.region_words: dict[str, list[str]] = {}
        for key, ent in gazetteer.entities.items():
            if ent.type == "Region":
                for label in {ent.label_en, ent.label_fr, *ent.aliases} - {None}:
                    for w in label_words(str(label)):
                        self.region_words.setdefault(w, []).append(key)
        # title, demonym and generic-actor lookups repeat the same few words: memoised
        self._title_memo: dict[str, str | None] = {}
        self._demonym_memo: dict[str, str | None] = {}
        self._generic_memo: dict[str, str | None] = {}

    def title_role(self, text: str) -> str | None:
        """`Gazetteer.title_role` for this language, memoised."""
        return _memoised(self._title_memo, text, lambda t: self.gaz.title_role(t, self.lang))

    def demonym(self, text: str) -> str | None:
        """`Gazetteer.demonym` of a word for this language, memoised."""
        return _memoised(self._demonym_memo, text, lambda t: self.gaz.demonym(t, self.lang))

    def generic(self, lemma: str) -> str | None:
        """`Gazetteer.generic_actor` of a lemma for this language, memoised."""
        return _memoised(self._generic_memo, lemma, lambda lem: self.gaz.generic_actor(fold(lem), self.lang))

    @functools.cached_property
    def event_nouns(self) -> frozenset[str]:
        """Folded lemmas of the relation cues' nouns ("attaque", "attack"): an adjective on one of them
        names who does it ("les attaques djihadistes")."""
        from kg.relate.lexicon import lexicon  # the cue tables, read once per process

        return frozenset(lem for pos, lem in lexicon(self.lang).cues if pos == "noun")

    def capital_acts_after(self, prep: str, head_lemma: str) -> bool:
        """Whether a capital after the place preposition `prep` governed by `head_lemma` acts (metonymy.tsv:
        "se tourner vers Moscou", "pressure from Washington", "support to Kyiv" with the cue nouns)."""
        heads = self.acting_after.get(fold(prep))
        if not heads:
            return False
        lemma = fold(head_lemma)
        return "*" in heads or lemma in heads or ("cues" in heads and lemma in self.event_nouns)

    def is_actor_noun(self, lemma: str) -> bool:
        """Whether a folded lemma names an actor: an actor noun, a generic actor or a title."""
        return (
            lemma in self.actor_nouns
            or self.gaz.generic_actor(lemma, self.lang) is not None
            or self.gaz.title_role(lemma, self.lang) is not None
        )
