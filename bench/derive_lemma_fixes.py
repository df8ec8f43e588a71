"""The lemmatiser's slips on cue verbs -> kg/data/lemma_fixes.tsv (rows above the hand-added ones).

For each verb cue of kg/data/cues (hand and derived), the regular inflected forms (French -er verbs:
present, imperfect, simple past, past participle; English: -s, -ed, -ing) are put in small news
sentences and parsed with the language's model (kg.nlp); a form tagged as a verb whose lemma is not
the cue's is a slip, written as "<model lemma> -> <cue lemma>" unless that lemma is itself a cue
verb, is shared by two cue verbs, or looks like a French infinitive (a real verb: "tu" -> "taire").
A fix applies to verb tokens only. Irregular forms are left to hand rows below the marker line.

    .venv/bin/python bench/derive_lemma_fixes.py            # rewrites the derived part of the table
    .venv/bin/python bench/derive_lemma_fixes.py --dry-run  # prints the slips
"""

from __future__ import annotations

import argparse
from collections import Counter

from kg.data_tables import read_table
from kg.iri import fold
from kg.nlp import load_pipeline
from kg.relate.lexicon import CUES_DIR, DERIVATIONS, DERIVED_CUES, HAND_CUES, LEMMA_FIXES, lexicon
from kg.settings import Settings

MARKER = "# -- added by hand --"
# -eler / -eter verbs that take "è" rather than a double consonant ("gèle", "achète")
NO_DOUBLING = frozenset({"geler", "dégeler", "acheter", "racheter", "harceler", "modeler", "peler"})

# sentence frames: {v} is the form; the subject is a country, the object an actor
FRAMES = {
    "fr": {
        "pres3s": "Le Mali {v} le Niger.",
        "pres3s_person": "Il {v} son homologue nigérien.",
        "pres3p": "Les deux pays {v} le Niger.",
        "impf3s": "Le Mali {v} le Niger.",
        "passe": "Le Mali {v} le Niger.",
        "part": "Le Mali a {v} le Niger.",
        "refl": "Le Mali se {v} vers le Niger.",
    },
    "en": {"pres3s": "Mali {v} Niger.", "pres3s_person": "He {v} his Nigerien counterpart.", "past": "Mali {v} Niger.", "ing": "Mali is {v} Niger."},
}


def forms(lang: str, verb: str) -> dict[str, str]:
    """Regular inflected forms of a verb (French -er verbs only; others give none)."""
    if lang == "fr":
        if not verb.endswith("er") or len(verb) < 4:
            return {}
        stem = verb[:-2]
        soft = stem + ("e" if stem.endswith("g") else "")  # "mangeait"
        cedil = stem[:-1] + "ç" if stem.endswith("c") else stem  # "lançait"
        past = soft if soft != stem else cedil
        strong = stem  # the stem of the present before a mute e
        if stem.endswith("y"):
            strong = stem[:-1] + "i"  # "appuie", "envoie"
        elif len(stem) > 2 and stem[-2] == "e" and stem[-1] in "tl" and verb not in NO_DOUBLING:
            strong = stem + stem[-1]  # "rejette", "appelle"
        elif len(stem) > 2 and stem[-2] in "eé":
            strong = stem[:-2] + "è" + stem[-1]  # "mène", "cède"
        return {"pres3s": strong + "e", "pres3s_person": strong + "e", "pres3p": strong + "ent", "impf3s": past + "ait",
                "passe": past + "a", "part": stem + "é", "refl": strong + "e"}  # fmt: skip
    if verb.endswith(("sh", "ch", "s", "x", "z")):
        return {"pres3s": verb + "es", "pres3s_person": verb + "es", "past": verb + "ed", "ing": verb + "ing"}
    if verb.endswith("e"):
        base = verb[:-1]
        return {"pres3s": verb + "s", "pres3s_person": verb + "s", "past": verb + "d", "ing": base + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return {"pres3s": verb[:-1] + "ies", "pres3s_person": verb[:-1] + "ies", "past": verb[:-1] + "ied", "ing": verb + "ing"}
    return {"pres3s": verb + "s", "pres3s_person": verb + "s", "past": verb + "ed", "ing": verb + "ing"}


def cue_verbs(lang: str) -> list[str]:
    """The verb lemmas of the cue tables as written (with their accents), reflexive pronoun dropped."""
    out = set()
    for name in (HAND_CUES, *DERIVED_CUES):
        path = CUES_DIR / name
        if path.exists():
            out |= {r["lemma"].removeprefix("s'") for r in read_table(path, ("lang", "pos", "lemma")) if r["lang"] == lang and r["pos"] == "verb"}
    out |= {r["verb"] for r in read_table(CUES_DIR / DERIVATIONS, ("lang", "verb")) if r["lang"] == lang}
    return sorted(out)


def slips(lang: str) -> Counter[tuple[str, str]]:
    """(model lemma, cue lemma) -> how many forms slipped that way."""
    nlp = load_pipeline(lang, Settings())
    verbs = cue_verbs(lang)
    out: Counter[tuple[str, str]] = Counter()
    for verb in verbs:
        for kind, form in forms(lang, verb).items():
            doc = nlp(FRAMES[lang][kind].format(v=form))
            for tok in doc:
                if tok.lower_ == form and tok.pos_ in ("VERB", "AUX"):
                    got = fold(tok.lemma_)
                    if got != fold(verb):
                        out[(got, fold(verb))] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    rows: list[tuple[str, str, str]] = []
    for lang in ("fr", "en"):
        cue_verbs = {fold(c.lemma) for (pos, _), cues in lexicon(lang).cues.items() if pos == "verb" for c in cues}
        found = slips(lang)
        # a wrong lemma that is itself a cue verb, or that two cue verbs share, cannot be fixed safely
        targets: dict[str, set[str]] = {}
        for (got, want), _n in found.items():
            targets.setdefault(got, set()).add(want)
        for got, wants in sorted(targets.items()):
            # a wrong lemma that looks like a French infinitive is a real verb ("tu" -> "taire"): left alone
            if len(wants) == 1 and got not in cue_verbs and not (lang == "fr" and got.endswith(("er", "ir", "re"))):
                rows.append((lang, got, next(iter(wants))))
    if args.dry_run:
        for r in rows:
            print("\t".join(r))
        return
    text = LEMMA_FIXES.read_text(encoding="utf-8")
    head, _, hand = text.partition(MARKER)
    lines = [line for line in head.split("\n") if line.startswith("#") or line.startswith("lang\t")]
    out = "\n".join(lines) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n" + MARKER + hand
    LEMMA_FIXES.write_text(out if hand else out + "\n", encoding="utf-8")
    print(f"{len(rows)} fixes -> {LEMMA_FIXES}")


if __name__ == "__main__":
    main()
