"""The cue lexicons of one language (`kg/data/cues/*.tsv`), read and checked once per process.

* relations.tsv: the cues (a verb or noun lemma, the relation it signals, where its target is);
* relation_nouns.tsv: nouns naming a relationship ("coopération", "agreement") and their kind;
* domains.tsv: words giving a relation's domain ("renseignement" -> intelligence);
* modality.tsv: words of reporting, hedging, denial and negation;
* frames.tsv: verbs that frame an event noun ("annoncer des sanctions", "faire face aux attaques").

Lemmas are compared folded (`kg.iri.fold`). A row that cannot be read fails with a `DataError`
naming the file and the line; a language with no cues fails with a `LanguageError`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from spacy.attrs import LEMMA, ORTH
from spacy.tokens import Doc, Token

from kg.data_tables import DATA, Row, check_table_language, languages, read_table, words
from kg.iri import fold
from kg.vocab import DOMAINS, RELATIONS

CUES_DIR = DATA / "cues"
POS = ("verb", "noun")
RELATION_NOUN_KINDS = ("cooperation", "agreement", "talks", "departure", "aid")
MODALITY_KINDS = ("report_prep", "report_verb", "hedge_verb", "hedge_aux", "hedge_noun", "deny_verb", "neg_det", "cond_mark")
FRAME_KINDS = ("support", "victim", "bond", "measure", "unaccusative")

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
    cues = _cues(directory / "relations.tsv", lang)
    return Lexicon(
        lang=lang,
        cues=cues,
        cue_lemmas=frozenset(lem for _pos, lem in cues),
        relation_nouns=_relation_nouns(directory / "relation_nouns.tsv", lang),
        domains=_domains(directory / "domains.tsv", lang),
        modality=_modality(directory / "modality.tsv", lang),
        frames=_frames(directory / "frames.tsv", lang),
    )


def _cues(path: Path, lang: str) -> Mapping[tuple[str, str], tuple[Cue, ...]]:
    """(pos, lemma) -> cues, in file order; a cue written with a reflexive pronoun is keyed without it."""
    relations = read_table(path, ("lang", "pos", "lemma", "with", "property", "object", "preps", "conf"))
    check_table_language(lang, languages(relations), "relation cues", path)
    reflexive = sorted(words(lang).reflexive_prefix, key=len, reverse=True)
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
        key = next((cue.lemma[len(p) :] for p in reflexive if cue.lemma.startswith(p)), cue.lemma)
        cues.setdefault((cue.pos, key), []).append(cue)
    return MappingProxyType({k: tuple(v) for k, v in cues.items()})


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


def lemma(tok: Token) -> str:
    """The folded lemma of a token (its text when it has no lemma)."""
    return fold(tok.lemma_ or tok.text)


def doc_lemmas(doc: Doc) -> list[str]:
    """`[lemma(t) for t in doc]`, read from the Doc's arrays (no Token objects)."""
    strings = doc.vocab.strings
    pairs: list[list[int]] = doc.to_array([LEMMA, ORTH]).reshape(-1, 2).tolist() if len(doc) else []  # type: ignore[assignment]
    return [fold(strings[lem] or strings[orth]) for lem, orth in pairs]


def frame(verb: Token, kind: str, lex: Lexicon) -> bool:
    """Whether `verb` is a frame verb of `kind` ("annoncer" support, "faire face" victim)."""
    need = lex.frames.get(kind, {}).get(lemma(verb))
    if need is None:
        return False
    # the required word is a child of the verb, or the parser made it the preposition of one
    # ("font face aux attaques": "face" as the case marker of "attaques")
    words = [c for c in verb.children] + [g for c in verb.children for g in c.children if g.dep_ in ("case", "fixed")]
    return not need or any(lemma(c) in need or fold(c.text) in need for c in words)

