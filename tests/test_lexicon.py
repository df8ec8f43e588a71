"""The cue lexicon: hand cues, derived tables (CAMEO verbs, vector synonyms), verb / event-noun
derivations and lemma fixes (kg/relate/lexicon.py), without the spaCy models."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg.relate.lexicon import CUES_DIR, DERIVED_SHARE, doc_lemmas, lemma, lexicon, load_lexicon

ROOT = Path(__file__).resolve().parent.parent


def _copy(tmp_path: Path) -> Path:
    for path in CUES_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _append(path: Path, *lines: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))


def test_hand_cues_win_over_a_derived_table(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _append(d / "relations_cameo.tsv", "en\tverb\texpel\t\tattacks\tobj\t\t0.5", "en\tverb\tupbraid\t\tcriticizes\tobj\t\t0.5")
    lex = load_lexicon("en", d)
    assert {c.property for c in lex.cues[("verb", "expel")]} == {"expels"}
    assert [c.property for c in lex.cues[("verb", "upbraid")]] == ["criticizes"]


def test_cameo_cues_are_loaded_below_hand_confidence() -> None:
    lex = lexicon("en")
    cue = lex.cues[("verb", "lambaste")][0]
    assert cue.property == "criticizes" and cue.object == "obj" and "relations_cameo.tsv" in cue.where
    assert cue.conf < min(c.conf for c in lex.cues[("verb", "criticize")])


@pytest.mark.parametrize(
    "lang, key, prop, kind, preps",
    [
        # verb with a direct object -> the noun's target by the row's prepositions, agent by the genitive
        ("fr", ("noun", "soutien"), "supports", "prep", ("à", "au", "aux", "pour")),
        ("en", ("noun", "support"), "supports", "prep", ("for", "to")),
        # with a genitive among them, the "de" / "of" complement is the patient
        ("fr", ("noun", "renversement"), "overthrows", "patient", ("de", "du", "des", "d'")),
        ("en", ("noun", "condemnation"), "criticizes", "patient", ("of",)),
        # a relation-noun verb gives a relation-noun noun ("le gel de la coopération avec")
        ("fr", ("noun", "gel"), "endsCooperationWith", "relnoun", ("avec",)),
        ("en", ("noun", "restoration"), "cooperatesWith", "relnoun", ("with",)),
        # noun -> verb: the partner of a symmetric relation keeps its preposition ("se réunir avec")
        ("fr", ("verb", "reunir"), "meetsWith", "prep", ("avec",)),
        # noun -> verb: any other target is the direct object ("assaulted the base")
        ("en", ("verb", "assault"), "attacks", "obj", ()),
    ],
)
def test_derived_verb_and_noun_cues(lang: str, key: tuple[str, str], prop: str, kind: str, preps: tuple[str, ...]) -> None:
    cues = lexicon(lang).cues[key]
    cue = next(c for c in cues if c.property == prop)
    assert (cue.object, cue.preps) == (kind, preps)
    assert "derivations.tsv" in cue.where and cue.conf < 0.85


def test_a_derivation_never_overrides_a_cue_of_its_own(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _append(d / "derivations.tsv", "fr\texpulser\tattaque\tcontre")  # "attaque" has hand cues: they stay
    lex = load_lexicon("fr", d)
    assert {c.property for c in lex.cues[("noun", "attaque")]} == {"attacks"}


def test_a_derived_noun_of_a_transitive_verb_needs_its_prepositions(tmp_path: Path) -> None:
    from kg.data_tables import DataError

    d = _copy(tmp_path)
    _append(d / "derivations.tsv", "fr\tfustiger\tfustigation\t")
    with pytest.raises(DataError, match=r"derivations\.tsv:\d+: 'fustiger' takes a direct object"):
        load_lexicon("fr", d)


def test_derived_confidence_is_a_share_of_the_source() -> None:
    lex = lexicon("fr")
    source = next(c for c in lex.cues[("verb", "soutenir")] if c.property == "supports")
    derived = next(c for c in lex.cues[("noun", "soutien")] if c.property == "supports")
    assert derived.conf == round(source.conf * DERIVED_SHARE, 2)


def _doc(lang: str, words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank(lang).vocab, words=words, pos=pos, lemmas=lemmas)


def test_lemma_fixes_apply_to_verbs_only() -> None:
    doc = _doc("fr", ["Le", "Mali", "quitte", "la", "rencontre"], ["DET", "PROPN", "VERB", "DET", "NOUN"], ["le", "Mali", "quitte", "le", "rencontre"])
    assert lemma(doc[2]) == "quitter"
    assert lemma(doc[4]) == "rencontre"
    assert doc_lemmas(doc) == [lemma(t) for t in doc]


def _cameo_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("derive_cameo_cues", ROOT / "bench" / "derive_cameo_cues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


DICTIONARY = """# a made-up dictionary in PETRARCH's format
####### VERB PATTERNS #######

---  BERATE   [111]  ---
BERATE
UPBRAID {UPBRAIDS UPBRAIDED}
CANE [180]

---  TALK   [---]  ---
+CONFER_WITH {+CONFERRED_WITH} [040]
PARLEY [040]
- * (WITH)                                            [040]         # PARLEY

---  MOVE   [---]  ---
BUDGE [:110]
SHIFT [---]
"""


def test_cameo_dictionary_parse_and_frames(tmp_path: Path) -> None:
    script = _cameo_script()
    path = tmp_path / "CAMEO.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    verbs = {"_".join(v.words): v for v in script.parse(path)}
    assert verbs["UPBRAID"].code == "111" and verbs["CANE"].code == "180"  # a verb's own code wins
    assert script.property_of("111") == "criticizes" and script.property_of("042:043") == "meetsWith"
    assert script.property_of(":110") is None and script.property_of("---") is None and script.property_of("110") is None
    assert script.cue_row(verbs["PARLEY"], "meetsWith")[1:4] == ("", "prep", "with")  # the pattern's preposition
    assert script.cue_row(verbs["CONFER_WITH"], "meetsWith")[1:4] == ("", "prep", "with")  # a phrasal verb's
    assert script.cue_row(verbs["UPBRAID"], "criticizes")[:4] == ("upbraid", "", "obj", "")


def test_synonym_cues_take_their_source_cue_at_a_lower_confidence() -> None:
    lex = lexicon("fr")
    (cue,) = lex.cues[("verb", "annuler")]
    (source,) = [c for c in lex.cues[("verb", "suspendre")] if c.property == "endsCooperationWith"]
    assert (cue.property, cue.object, cue.preps) == (source.property, source.object, source.preps)
    assert cue.conf < source.conf and "relations_synonyms.tsv" in cue.where
