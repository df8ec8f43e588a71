"""The cue lexicons of one language (`kg/data/cues/*.tsv`), read and checked once per process.

* relations.tsv: the hand cues (a verb or noun lemma, the relation it signals, where its target is);
* relations_cameo.tsv, relations_synonyms.tsv: cues derived from other sources (bench/derive_*.py),
  with a lower confidence; a lemma the hand cues list is never taken from them (hand cues win);
* derivations.tsv: verbs and their event nouns ("attaquer" / "attaque"): a cue on one gives a cue on
  the other, with the noun's frame (agent by "de" / "of", a possessive or a demonym; target by the
  prepositions of the row) and a lower confidence (`DERIVED_SHARE`);
* relation_nouns.tsv: nouns naming a relationship ("coopération", "agreement") and their kind;
* domains.tsv: words giving a relation's domain ("renseignement" -> intelligence);
* modality.tsv: words of reporting, hedging, denial and negation;
* frames.tsv: verbs that frame an event noun ("annoncer des sanctions", "faire face aux attaques");
* kg/data/lemma_fixes.tsv: the model's lemmatiser slips on verbs ("quitte" -> "quitter"), read by `lemma`
  and `doc_lemmas`.

Lemmas are compared folded (`kg.iri.fold`). A row that cannot be read fails with a `DataError`
naming the file and the line; a language with no cues fails with a `LanguageError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from spacy.attrs import LEMMA, ORTH
from spacy.attrs import POS as POS_ATTR
from spacy.parts_of_speech import ADJ, AUX, VERB
from spacy.tokens import Doc, Token

from kg.data_tables import DATA, Row, check_table_language, languages, read_table, words
from kg.iri import fold
from kg.vocab import DOMAINS, RELATIONS

CUES_DIR = DATA / "cues"
HAND_CUES = "relations.tsv"
# cue tables derived from other sources, in the order they are read (same columns as relations.tsv);
# a (pos, lemma) the hand cues or an earlier table give is not taken from a later one
DERIVED_CUES = ("relations_cameo.tsv", "relations_synonyms.tsv")
DERIVATIONS = "derivations.tsv"
# a cue derived from its verb or its event noun (derivations.tsv) has this share of the source's confidence
DERIVED_SHARE = 0.85
# the kinds of verb target a derived noun keeps as they are, and the noun cue kind of each
NOUN_KIND_OF_VERB = {"prep": "prep", "place": "place", "relnoun": "relnoun"}
LEMMA_FIXES = DATA / "lemma_fixes.tsv"
POS = ("verb", "noun")
RELATION_NOUN_KINDS = ("cooperation", "agreement", "talks", "departure", "aid")
MODALITY_KINDS = ("report_prep", "report_verb", "hedge_verb", "hedge_aux", "hedge_noun", "deny_verb", "neg_det", "cond_mark", "hedge_adj", "hedge_adverb", "report_adverb", "accuse_verb", "neg_mark", "contrast_cc", "restrictive", "neg_particle", "neg_adverb", "factive_verb", "deny_noun")
FRAME_KINDS = ("support", "victim", "bond", "measure", "unaccusative", "request")

# a cue applies to its kind of relation noun: talks are held, agreements signed, cooperation ended
RELNOUN_KINDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "meetsWith": frozenset({"talks"}),
        "expels": frozenset({"departure"}),
        "signsAgreementWith": frozenset({"agreement", "cooperation"}),
        "cooperatesWith": frozenset({"cooperation", "agreement"}),
        "endsCooperationWith": frozenset({"cooperation", "agreement", "aid"}),  # "a suspendu son aide au Niger"
    }
)


@dataclass(frozen=True)
class Cue:
    """One row of relations.tsv: a trigger lemma, the relation it signals and where its target is."""

    lang: str
    pos: str  # verb | noun
    lemma: str  # folded
    with_: tuple[str, ...]  # required governed words of a fixed expression ("mettre" + "fin"), folded
    property: str  # a relation of kg.vocab.RELATIONS
    object: str  # where the target is: the rule that reads it (see relations.tsv and kg.relate.rules)
    preps: tuple[str, ...]  # prepositions introducing the target
    conf: float
    where: str = field(default="", compare=False)  # "<file>:<line>", for error messages


@dataclass(frozen=True)
class Lexicon:
    """Every cue table of one language."""

    lang: str
    cues: Mapping[tuple[str, str], tuple[Cue, ...]]  # (pos, lemma) -> cues, in file order
    cue_lemmas: frozenset[str]  # every lemma that is a cue (verb or noun)
    relation_nouns: Mapping[str, str]  # lemma -> kind
    domains: Mapping[str, str]  # word -> domain
    modality: Mapping[str, frozenset[str]]  # kind -> words
    frames: Mapping[str, Mapping[str, frozenset[str]]]  # kind -> verb lemma -> required governed words


def load_lexicon(lang: str, directory: Path = CUES_DIR) -> Lexicon:
    """The cue tables of `lang` in `directory` (a `DataError` names a bad row, a `LanguageError` a missing language)."""
    found = dict(_cues(directory / HAND_CUES, lang))
    for name in DERIVED_CUES:
        if (directory / name).exists():
            for key, more in _cues(directory / name, lang, required=False).items():
                found.setdefault(key, more)  # hand cues and earlier tables win
    if (directory / DERIVATIONS).exists():
        for key, more in _derived(directory / DERIVATIONS, lang, found).items():
            found.setdefault(key, more)
    cues = MappingProxyType(found)
    return Lexicon(
        lang=lang,
        cues=cues,
        cue_lemmas=frozenset(lem for _pos, lem in cues),
        relation_nouns=_relation_nouns(directory / "relation_nouns.tsv", lang),
        domains=_domains(directory / "domains.tsv", lang),
        modality=_modality(directory / "modality.tsv", lang),
        frames=_frames(directory / "frames.tsv", lang),
    )


def _cues(path: Path, lang: str, *, required: bool = True) -> Mapping[tuple[str, str], tuple[Cue, ...]]:
    """(pos, lemma) -> cues, in file order; a cue written with a reflexive pronoun is keyed without it.
    A `required` table must have rows for `lang` (the hand cues); a derived table may have none."""
    relations = read_table(path, ("lang", "pos", "lemma", "with", "property", "object", "preps", "conf"))
    if required:
        check_table_language(lang, languages(relations), "relation cues", path)
    reflexive = _reflexive(lang)
    cues: dict[tuple[str, str], list[Cue]] = {}
    for r in relations:
        if r["lang"] != lang:
            continue
        if r["pos"] not in POS:
            raise r.error(f"unknown pos {r['pos']!r}; allowed: {', '.join(POS)}")
        if r["property"] not in RELATIONS:
            raise r.error(f"unknown property {r['property']!r} for {r['lemma']!r}; known: {', '.join(sorted(RELATIONS))} (kg/vocab.py)")
        try:
            conf = float(r["conf"])
        except ValueError:
            raise r.error(f"conf {r['conf']!r} is not a number; write a confidence between 0 and 1 (0.8)") from None
        if not 0 <= conf <= 1:
            raise r.error(f"conf {conf} is not between 0 and 1")
        cue = Cue(
            lang,
            r["pos"],
            fold(r["lemma"]),
            tuple(fold(w) for w in r["with"].split("|") if w),
            r["property"],
            r["object"],
            tuple(p for p in r["preps"].split("|") if p),
            conf,
            where=f"{r.path}:{r.line}",
        )
        cues.setdefault((cue.pos, _key(cue.lemma, reflexive)), []).append(cue)
    return MappingProxyType({k: tuple(v) for k, v in cues.items()})


def _reflexive(lang: str) -> list[str]:
    return sorted((fold(p) for p in words(lang).reflexive_prefix), key=len, reverse=True)


def _key(lem: str, reflexive: list[str]) -> str:
    """The lemma a cue is keyed by: without its reflexive pronoun ("s'entretenir" -> "entretenir")."""
    return next((lem[len(p) :] for p in reflexive if lem.startswith(p)), lem)


def _derived(path: Path, lang: str, cues: Mapping[tuple[str, str], tuple[Cue, ...]]) -> dict[tuple[str, str], tuple[Cue, ...]]:
    """Cues for the verb or the event noun of each row of derivations.tsv, from the cues of the other one.

    Verb -> noun: a target after a preposition (prep, place, relnoun) keeps its prepositions; a direct
    object becomes the complement with the row's `target` prepositions (a noun cue "patient" when they
    include a genitive, "the expulsion of the ambassador", else "prep", "the attack on Kyiv"); the agent
    is the genitive, the possessive or the demonym (kg.relate.rules.noun_trigger). Noun -> verb: a place
    or a relation noun stays one; the partner of a symmetric relation follows the same prepositions
    ("la réunion avec" -> "se réunir avec"); any other target is the verb's direct object.
    """
    genitive = words(lang).genitive
    between = words(lang).between
    reflexive = _reflexive(lang)
    out: dict[tuple[str, str], tuple[Cue, ...]] = {}
    for r in read_table(path, ("lang", "verb", "noun", "target")):
        if r["lang"] != lang:
            continue
        verb, noun = _key(fold(r["verb"]), reflexive), fold(r["noun"])
        target = tuple(p for p in r["target"].split("|") if p)
        where = f"{r.path}:{r.line}"
        from_verb = [c for c in cues.get(("verb", verb), ()) if not c.with_ and c.object in ("obj", *NOUN_KIND_OF_VERB)]
        from_noun = [c for c in cues.get(("noun", noun), ()) if not c.with_ and c.object != "none"]
        if from_verb and ("noun", noun) not in cues:
            made = []
            for c in from_verb:
                if c.object == "obj":
                    if not target:
                        raise r.error(f"{r['verb']!r} takes a direct object: write the prepositions of the target of {r['noun']!r} in column target")
                    kind, preps = ("patient" if set(target) & genitive else "prep"), target
                else:
                    kind, preps = NOUN_KIND_OF_VERB[c.object], c.preps
                    if kind == "prep" and RELATIONS[c.property].symmetric:
                        preps += tuple(b for b in sorted(between) if b not in preps)
                made.append(replace(c, pos="noun", lemma=noun, object=kind, preps=preps, conf=round(c.conf * DERIVED_SHARE, 2), where=f"{where} (from {c.where})"))
            out[("noun", noun)] = _distinct(made)
        elif from_noun and ("verb", verb) not in cues:
            made = []
            for c in from_noun:
                if c.object in ("place", "relnoun"):
                    kind, preps = c.object, c.preps
                elif c.object == "prep" and RELATIONS[c.property].symmetric:
                    kind, preps = "prep", tuple(p for p in c.preps if p not in between)
                else:
                    kind, preps = "obj", ()
                made.append(replace(c, pos="verb", lemma=verb, object=kind, preps=preps, conf=round(c.conf * DERIVED_SHARE, 2), where=f"{where} (from {c.where})"))
            out[("verb", verb)] = _distinct(made)
    return out


def _distinct(cues: list[Cue]) -> tuple[Cue, ...]:
    """The cues with a distinct (property, object, preps), the first of each kept."""
    seen: dict[tuple[str, str, tuple[str, ...]], Cue] = {}
    for c in cues:
        seen.setdefault((c.property, c.object, c.preps), c)
    return tuple(seen.values())


def _rows_of(path: Path, lang: str, columns: tuple[str, ...], column: str, allowed: tuple[str, ...]) -> Iterator[Row]:
    """The rows of `lang`, each with an allowed value in `column`."""
    for r in read_table(path, columns):
        if r["lang"] == lang:
            if r[column] not in allowed:
                raise r.error(f"unknown {column} {r[column]!r}; allowed: {', '.join(allowed)}")
            yield r


def _relation_nouns(path: Path, lang: str) -> Mapping[str, str]:
    """Relation noun lemma -> kind."""
    return MappingProxyType({fold(r["lemma"]): r["kind"] for r in _rows_of(path, lang, ("lang", "lemma", "kind"), "kind", RELATION_NOUN_KINDS)})


def _domains(path: Path, lang: str) -> Mapping[str, str]:
    """Domain word -> domain (kg.vocab.DOMAINS)."""
    return MappingProxyType({fold(r["word"]): r["domain"] for r in _rows_of(path, lang, ("lang", "word", "domain"), "domain", DOMAINS)})


def _modality(path: Path, lang: str) -> Mapping[str, frozenset[str]]:
    """Modality kind -> words."""
    out: dict[str, set[str]] = {}
    for r in _rows_of(path, lang, ("lang", "word", "kind"), "kind", MODALITY_KINDS):
        out.setdefault(r["kind"], set()).add(fold(r["word"]))
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


def _frames(path: Path, lang: str) -> Mapping[str, Mapping[str, frozenset[str]]]:
    """Frame kind -> verb lemma -> required governed words (empty = none)."""
    out: dict[str, dict[str, frozenset[str]]] = {}
    for r in _rows_of(path, lang, ("lang", "lemma", "kind", "with"), "kind", FRAME_KINDS):
        out.setdefault(r["kind"], {})[fold(r["lemma"])] = frozenset(fold(w) for w in r["with"].split("|") if w)
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})


@functools.lru_cache(maxsize=4)
def lexicon(lang: str) -> Lexicon:
    """The cue tables of `lang` from the package data (read once per process)."""
    return load_lexicon(lang)


@functools.lru_cache(maxsize=4)
def lemma_fixes(lang: str) -> Mapping[str, str]:
    """The model's wrong lemma of a verb -> the right one, folded (kg/data/lemma_fixes.tsv; none for a
    language without rows)."""
    return MappingProxyType({fold(r["lemma"]): fold(r["fix"]) for r in read_table(LEMMA_FIXES, ("lang", "lemma", "fix")) if r["lang"] == lang})


_VERBS = frozenset({VERB, AUX})


def lemma(tok: Token) -> str:
    """The folded lemma of a token (its text when it has no lemma), a lemmatiser slip on a verb fixed, and
    a participle tagged as an adjective after an auxiliary read as its verb ("a gelé" -> "geler")."""
    lem = fold(tok.lemma_ or tok.text)
    if tok.pos in _VERBS:
        return lemma_fixes(tok.lang_).get(lem, lem)
    if tok.pos == ADJ and verbal_adjective(tok):
        return participle_verbs(tok.lang_).get(lem, lem)
    return lem


def verbal_adjective(tok: Token) -> bool:
    """An adjective with an auxiliary of its own: a participle the tagger misread ("a gelé sa participation")."""
    return any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in tok.children)


@functools.lru_cache(maxsize=4)
def participle_verbs(lang: str) -> Mapping[str, str]:
    """Folded regular participles of the language's cue verbs -> the verb ("gele" -> "geler"), from the
    `participle_ending` words of kg/data/words.tsv (none for a language without them)."""
    from kg.data_tables import words

    endings = [tuple(w.split("=", 1)) for w in words(lang).participle_ending]
    verbs = {lem for pos, lem in lexicon(lang).cues if pos == "verb"}
    out: dict[str, str] = {}
    for verb in sorted(verbs):
        for part, inf in endings:
            if verb.endswith(inf) and len(verb) > len(inf):
                out.setdefault(verb[: -len(inf)] + part, verb)
    return MappingProxyType(out)


def doc_lemmas(doc: Doc) -> list[str]:
    """`[lemma(t) for t in doc]`, read from the Doc's arrays (no Token objects)."""
    strings = doc.vocab.strings
    rows: list[list[int]] = doc.to_array([LEMMA, ORTH, POS_ATTR]).reshape(-1, 3).tolist() if len(doc) else []  # type: ignore[assignment]
    fixes = lemma_fixes(doc.lang_)
    out = [fold(strings[lem] or strings[orth]) for lem, orth, _pos in rows]
    lems = [fixes.get(lem, lem) if pos in _VERBS else lem for lem, (_l, _o, pos) in zip(out, rows, strict=True)]
    for i, (_l, _o, pos) in enumerate(rows):
        if pos == ADJ and verbal_adjective(doc[i]):  # rare: Token objects only for these
            lems[i] = participle_verbs(doc.lang_).get(lems[i], lems[i])
    return lems


def frame(verb: Token, kind: str, lex: Lexicon) -> bool:
    """Whether `verb` is a frame verb of `kind` ("annoncer" support, "faire face" victim)."""
    need = lex.frames.get(kind, {}).get(lemma(verb))
    if need is None:
        return False
    # the required word is a child of the verb, or the parser made it the preposition of one
    # ("font face aux attaques": "face" as the case marker of "attaques")
    words = [c for c in verb.children] + [g for c in verb.children for g in c.children if g.dep_ in ("case", "fixed")]
    return not need or any(lemma(c) in need or fold(c.text) in need for c in words)

