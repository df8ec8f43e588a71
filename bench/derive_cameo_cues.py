"""English verb cues from the CAMEO verb dictionary of PETRARCH -> kg/data/cues/relations_cameo.tsv.

The source is `CAMEO.2.0.txt` of the PETRARCH event coder (Open Event Data Alliance, MIT licence;
https://github.com/openeventdata/petrarch2, `petrarch2/data/dictionaries/`). It is read from the
path given; it is not part of this repository. What is kept of it are facts about English verbs:
which CAMEO event class a verb codes when it has no telling object (its own `[code]`, else its
block's), and, where the block's patterns say so cheaply, the preposition that introduces the
target ("- * (AGAINST)  [140]  # PROTEST").

Dictionary format (PETRARCH's `read_verb_dictionary`): a block opens with `---  NAME  [code]  ---`;
its lines are verbs (`WORD {IRREGULAR FORMS} [code] # comment`, `+PHRASAL_VERB` for multi-word
verbs) and patterns (`- * OBJECT (PREP ...) [code] # VERB`). Codes `[a:b]` are paired events
(source a, target b): the first is kept; `[:b]` (the target acts) and `[---]` give nothing.

CAMEO classes -> properties (ontology/geopolitics.ttl): see `PROPERTY_OF`. Skipped: 01-03 (public
statements, appeals, intents), 045 (mediation), 051-053/055/056 (praise, verbal defence, apology),
08x but 087/0874 (concessions), 09 (investigations), 110 (vague disapproval: cry, lament...), 15
(force posture), 160/165 and 17x but 174 (other coercion).

The dictionary's synonym sets come mostly from WordNet, and many members are wrong in news ("brave",
"face" as meetings, "cane" as an attack): every derived verb was reviewed by hand against one
criterion (in news, does the verb with an actor as its target denote this act?) and the rejects are
kept in `STOP` with the reason, so the derivation is reproducible. Verbs the hand cues of
kg/data/cues/relations.tsv already list are left out (the loader also lets hand cues win). Derived
cues get a lower confidence than hand cues (`CONF`).

    .venv/bin/python bench/derive_cameo_cues.py /path/to/CAMEO.2.0.txt            # writes the data file
    .venv/bin/python bench/derive_cameo_cues.py /path/to/CAMEO.2.0.txt --review   # + bench/out/cameo_candidates.tsv
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CUES = ROOT / "kg" / "data" / "cues"
OUT = CUES / "relations_cameo.tsv"
REVIEW = ROOT / "bench" / "out" / "cameo_candidates.tsv"

# CAMEO code prefix -> property; the longest prefix wins; None = skip
PROPERTY_OF: dict[str, str | None] = {
    "04": "meetsWith",
    "045": None,  # mediate: not a meeting of the mediator with either side
    "050": "cooperatesWith",
    "054": "cooperatesWith",  # grant diplomatic recognition
    "057": "signsAgreementWith",
    "06": "cooperatesWith",
    "07": "supports",
    "087": "withdrawsFrom",
    "0871": None,  # declare truce
    "0872": None,  # ease blockade
    "0873": None,  # demobilise
    "0874": "withdrawsFrom",
    "10": "demands",
    "111": "criticizes",
    "112": "criticizes",
    "12": "rejects",
    "13": "threatens",
    "14": "opposes",
    "161": "endsCooperationWith",
    "162": "endsCooperationWith",
    "163": "sanctions",
    "164": "endsCooperationWith",
    "166": "expels",
    "174": "expels",
    "18": "attacks",
    "19": "attacks",
    "20": "attacks",
}

# base confidence of a derived cue: below the hand cues of the same property (0.6-0.85)
CONF = 0.55

# what a rejected thing is (the hand cue "reject" of relations.tsv): its owner is rejected
REJECT_THINGS = "proposal|plan|offer|request|demand|ultimatum|accusation|allegation|claim|call|bid|resolution|initiative|condition|appeal|charge"

# prepositions a block pattern may give for the target: "- * (AGAINST)"
TARGET_PREPS = {"WITH", "AGAINST", "FROM", "ON", "TO", "AT", "INTO", "UPON"}
# particles of phrasal verbs: "+LASH_OUT" = "lash" with the particle "out"
PARTICLES = {"OUT", "DOWN", "UP", "OFF", "BACK", "AWAY", "OVER", "IN"}

# -- the hand review -------------------------------------------------------------------------------
# Criterion: in news, with an actor as its target, does the verb denote this act? The dictionary's
# blocks are mostly WordNet synonym sets, so whole blocks fail it (a sense of the head verb that is not
# the event's); within the blocks kept, single verbs fail it. Both are dropped with the reason. A key
# "BLOCK property" drops only the verbs of the block that code that property.
STOP_BLOCKS: dict[str, str] = {
    # 04x: senses of thinking, gathering, travelling, informing, not of meeting someone
    "CONSIDER": "thinking, not meeting", "ASSEMBLE": "gathering of a crowd, not a meeting of two actors",
    "GO_SOMEWHERE": "travelling, not meeting", "HEAR": "learning, not meeting", "INTRODUCE": "introducing a thing",
    "INVITE": "an invitation is not a meeting (yet)", "NOTIFY": "informing", "CABLE": "sending a message",
    "ARRIVE": "approaching", "MOBILIZE": "summoning an envoy is a protest, not a meeting", "VERBAL_CONFLICT": "debating",
    "EXPLAIN_VERBAL": "explaining",
    # 05x/06x: senses of change, management, giving, mixing, not cooperation with an actor
    "ACCLAIM": "greeting", "ALLOCATE": "allocating", "BARGAIN": "haggling over a price", "DISCLOSE": "revealing",
    "ENLIST": "enrolling people", "EXTRADITE": "the target is the person handed over", "FACILITATE": "easing a thing",
    "FORMALIZE": "formalising a thing", "GRANT": "giving: the target is a thing, the partner a dative",
    "IMPORT": "importing goods", "INFLUENCE": "influencing", "LINK": "linking things", "MERGE": "merging things",
    "OVERSEE_MANAGE": "managing, commanding", "PURCHASE": "buying", "REJOICE": "rejoicing", "SUPPORT": "promoting a thing",
    "TRADE": "'traded fire / accusations with' are hostile", "ENACT": "enacting a law",
    # 07x
    "EVACUATE": "evacuating people", "FLY": "airlifting goods", "INTERVENE": "intervening in a country is no support of it",
    "RESCUE": "rescuing people", "STABILISE": "stabilising a thing",
    # 12x: delaying, failing, breaching are not rejecting an actor's proposal
    "DELAY": "delaying", "FAIL": "failing", "VIOLATE": "breaching a rule", "OVERRULE": "overruling a decision",
    # 13x: 'endanger', 'risk', 'caution' are no threats by an actor
    "ENDANGER": "putting at risk", "WARN": "cautioning",
    # 14x: annoyance, provocation, rioting without a target
    "DISTURB": "annoying", "PROVOKE": "provoking", "RIOT": "rioting has no target", "RANSACK": "looting things",
    # 16x/163
    "SECEDE": "secession of a region, not the end of a cooperation", "EXCLUDE": "'boycott a summit' is no sanction",
    # 18x-20x: damage to things, harm to persons without a military sense, sport and figurative senses
    "ABUSE": "abuse of persons", "DENOUNCE attacks": "caning, flogging", "DESTROY": "destroying things; 'beat', 'defeat' in elections and sport",
    "DIE": "dying", "EXPLOSIVE_DESTRUCTION": "blowing up things", "FLATTEN": "flattening things", "HURT": "harming things",
    "RAMPAGE": "no target", "RAPE": "crimes against persons", "RIP": "tearing things", "SCUFFLE": "no target",
    "SLAP": "slapping", "STAB": "crimes against persons", "TERRORIZE": "vague", "TORTURE": "crimes against persons",
    "WHIP": "whipping", "STRENGTHEN": "'beef up' is no expulsion (a misfiled pattern)",
}
# single verbs of the kept blocks that fail the criterion
STOP: dict[str, str] = {
    # meetsWith (CONFER, MEET_PEOPLE)
    "brave": "facing a danger", "confront": "a confrontation is no meeting", "encounter": "meeting a difficulty",
    "face": "facing a charge, a threat", "interact": "vague", "run": "'run into' a difficulty", "communicate": "vague",
    # cooperatesWith (AID, ARM, BOOST, COLLABORATE, COORDINATE, FINANCE): see REFRAME for the verbs kept
    "benefit": "benefiting from", "serve": "serving", "attire": "clothing", "gear": "gearing up", "outfit": "clothing",
    "render": "rendering", "stock": "stocking", "tender": "tendering", "amplify": "a thing", "augment": "a thing",
    "beef": "a thing", "compound": "a thing", "enlarge": "a thing", "escalate": "escalating is hostile",
    "exaggerate": "a thing", "heighten": "a thing", "increase": "a thing", "magnify": "a thing", "redouble": "efforts",
    "associate": "vague", "concert": "rare", "conform": "conforming to a rule", "correlate": "things",
    "harmonise": "things", "harmonize": "things", "integrate": "things", "orchestrate": "a campaign",
    "organise": "an event", "organize": "an event", "synchronise": "things", "synchronize": "things",
    "unionise": "workers", "unionize": "workers", "invest": "investing in a thing", "sponsor": "a resolution, terrorism",
    "underwrite": "a loan", "constitute": "a thing", "found": "a thing", "institute": "a thing", "enact": "a law",
    # criticizes
    "charge": "'charged with' a crime, a price", "implicate": "involvement is reported, not criticised",
    "chasten": "rare", "crucify": "figurative", "savage": "rare", "dress": "rare", "lecture": "teaching",
    "remonstrate": "rare", "reprobate": "rare", "jeer": "crowds", "scoff": "at an idea", "snub": "a summit, an invitation",
    # demands
    "adjure": "rare", "bid": "bidding", "campaign": "campaigning", "clamor": "clamouring for a thing",
    "clamour": "clamouring for a thing", "crusade": "figurative", "necessitate": "things", "need": "needing",
    "press": "the press, pressing for a thing", "push": "pushing for a thing", "decree": "decreeing a thing",
    # expels
    "evict": "residents", "exile": "exiled leaders flee their own state", "remove": "too general",
    "deport": "deporting migrants is no act against their state (expels is for troops and diplomats)",
    # supports (DEFEND): defending a place or a decision
    "defend": "a town, a decision", "guard": "a site", "look": "rare", "safeguard": "a thing", "shelter": "people",
    "shield": "a thing", "tend": "tending to", "ward": "rare", "contribute": "contributing to a thing",
    # attacks (kept blocks)
    "circle": "circling", "ring": "ringing", "surround": "vague", "snipe": "figurative",
    "infest": "pests", "inhabit": "living", "reside": "living", "behead": "crimes against persons",
    "decapitate": "figurative", "hang": "executions", "killed": "a parsing leftover", "stamp": "'stamp out' a thing",
    "strangle": "figurative", "string": "rare", "wipe": "a thing", "butcher": "rare", "altercate": "rare",
    "blitz": "figurative", "bludgeon": "rare", "clobber": "figurative", "conflict": "things", "duel": "rare",
    "grapple": "grappling with a problem", "hammer": "'hammer out' a deal", "match": "matching", "pit": "pitting",
    "quarrel": "a verbal dispute", "shot": "a parsing leftover", "siege": "rare as a verb", "square": "rare",
    "stone": "rare", "struggle": "struggling with a problem", "wrestle": "wrestling with a problem", "ram": "things",
    "thump": "rare", "foray": "rare", "intrude": "rare", "recapture": "a town, not an actor", "repel": "repelling an attack",
    # opposes
    "bridle": "rare", "loot": "things", "riot": "no target",
    # rejects
    "defect": "defecting", "object": "intransitive ('object to')",
}
# verbs kept with another frame (and property) than their class gives: lemma -> rows
# (with, property, object, preps); the review reads each block's senses and the verb's usual syntax
REFRAME: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    # material cooperation verbs whose target is helped: supports, direct object
    "arm": (("", "supports", "obj", ""),), "equip": (("", "supports", "obj", ""),), "furnish": (("", "supports", "obj", ""),),
    "bankroll": (("", "supports", "obj", ""),), "finance": (("", "supports", "obj", ""),), "assist": (("", "supports", "obj", ""),),
    "side": (("", "supports", "prep", "with"),),  # "sided with Moscow": political support
    "donate": (("", "supports", "prep", "to"),),
    # 'boost' senses: on a relation noun ("stepped up its cooperation with"), like the hand cue "strengthen"
    "boost": (("", "cooperatesWith", "relnoun", "with"),), "intensify": (("", "cooperatesWith", "relnoun", "with"),),
    "step": (("up", "cooperatesWith", "relnoun", "with"),), "enhance": (("", "cooperatesWith", "relnoun", "with"),),
    "improve": (("", "cooperatesWith", "relnoun", "with"),), "re-establish": (("", "cooperatesWith", "relnoun", "with"),),
    "coordinate": (("", "cooperatesWith", "prep", "with"),),
    # consultation verbs: the partner is an object or follows "with"
    "consult": (("", "meetsWith", "obj", ""), ("", "meetsWith", "prep", "with")),
    "confer": (("", "meetsWith", "prep", "with"),), "converse": (("", "meetsWith", "prep", "with"),),
    "discuss": (("", "meetsWith", "prep", "with"),), "huddle": (("", "meetsWith", "prep", "with"),),
    "get": (("together", "meetsWith", "prep", "with"),),
    "lash": (("out", "criticizes", "prep", "at|against"),),
    "retaliate": (("", "attacks", "prep", "against"),), "skirmish": (("", "attacks", "prep", "with"),),
    "wage": (("war", "attacks", "prep", "against|on"),), "march": (("", "opposes", "prep", "against"),),
}


@dataclass
class Verb:
    """One verb of the dictionary: its words, its code, the patterns that name it."""

    block: str
    words: tuple[str, ...]  # "MEET" or ("MEET", "WITH") for "+MEET_WITH"
    code: str
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (pattern text, code)


HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*(?:#\s*(.*))?$")
VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")


def parse(path: Path) -> Iterator[Verb]:
    """The verbs of the dictionary's verb-pattern section, each with its code and its patterns."""
    text = path.read_text(encoding="utf-8", errors="replace")
    section = text.split("####### VERB PATTERNS", 1)[-1]
    block, block_code = "", ""
    verbs: dict[str, Verb] = {}
    for raw in section.split("\n"):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if m := HEADER.match(line):
            yield from verbs.values()
            block, block_code, verbs = m.group(1), m.group(2), {}
            continue
        if line.startswith("-"):
            m = PATTERN.match(line)
            if m is None:
                continue
            pattern, code, comment = m.group(1), m.group(2), (m.group(3) or "")
            for name in re.split(r"[ ,]+", comment.strip()):
                v = verbs.get(name.lstrip("+"))
                if v is not None:
                    v.patterns.append((pattern, code))
            continue
        m = VERB_LINE.match(line.strip())
        if m is None:
            continue
        word = m.group(1)
        code = m.group(3)[1:-1].strip() if m.group(3) else block_code
        words = tuple(word.lstrip("+").split("_"))
        words = tuple(w for w in words if w)
        verbs["_".join(words)] = Verb(block, words, code)
    yield from verbs.values()


def property_of(code: str) -> str | None:
    """The property of a CAMEO code ("042:043" -> the source's "042"), or None."""
    code = code.strip()
    if not code or code.startswith((":", "-")):
        return None
    code = code.split(":")[0].rstrip("-").strip()
    if not code.isdigit():
        return None
    best = max((p for p in PROPERTY_OF if code.startswith(p)), key=len, default=None)
    return PROPERTY_OF[best] if best is not None else None


def target_preps(verb: Verb, prop: str) -> list[str]:
    """Prepositions the block's patterns give for this verb's target ("- * (AGAINST) [140]")."""
    out: list[str] = []
    for pattern, code in verb.patterns:
        m = re.match(r"^\*\s*\((\w+)\)$", pattern.strip())
        if m and m.group(1) in TARGET_PREPS and property_of(code) == prop and m.group(1).lower() not in out:
            out.append(m.group(1).lower())
    return out


def cue_row(verb: Verb, prop: str) -> tuple[str, str, str, str, str] | None:
    """(lemma, with, object, preps, note) of the cue for one verb, or None when it has no usable frame."""
    words = [w.lower() for w in verb.words]
    lemma, with_, preps = words[0], "", target_preps(verb, prop)
    if len(words) == 2 and words[1].upper() in TARGET_PREPS:
        preps = [words[1]] + [p for p in preps if p != words[1]]
    elif len(words) == 2 and words[1].upper() in PARTICLES:
        with_ = words[1]
    elif len(words) == 2:
        with_ = words[1]  # a fixed object ("+GIVE_NOTICE")
    elif len(words) > 2:
        return None  # longer phrases: the cue format holds one governed word
    if prop in ("meetsWith", "cooperatesWith", "signsAgreementWith"):
        if preps:
            return lemma, with_, "prep", "|".join(preps), "pattern" if target_preps(verb, prop) else "phrasal"
        if prop == "meetsWith" and not with_:
            return lemma, with_, "obj", "", "transitive"
        return lemma, with_, "prep", "with", "default with"
    if prop == "withdrawsFrom":
        return lemma, with_, "place", "from", "default from"
    if prop == "demands":
        return lemma, with_, "addressee", "from|of", "like demand"
    if prop == "rejects":
        return lemma, REJECT_THINGS if not with_ else with_, "owner", "", "like reject"
    if preps:
        return lemma, with_, "prep", "|".join(preps), "pattern"
    return lemma, with_, "obj", "", "default obj"


def hand_lemmas(path: Path) -> set[str]:
    """The English lemmas the hand cues list (verbs and nouns)."""
    out = set()
    for line in path.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0] == "en":
            out.add(cells[2].lower())
    return out


def derive(path: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """(kept rows, candidate rows for review: block, code, lemma, with, property, object, preps, note, verdict)."""
    hand = hand_lemmas(CUES / "relations.tsv")
    kept: dict[tuple[str, str, str, str], tuple[str, ...]] = {}
    review: list[tuple[str, ...]] = []
    for verb in parse(path):
        prop = property_of(verb.code)
        if prop is None:
            continue
        row = cue_row(verb, prop)
        if row is None:
            continue
        lemma, with_, obj, preps, note = row
        verdict = "keep"
        if lemma in hand:
            verdict = "hand"
        elif (block := STOP_BLOCKS.get(verb.block, STOP_BLOCKS.get(f"{verb.block} {prop}"))) and lemma not in REFRAME:
            verdict = "stop block: " + block
        elif lemma in STOP:
            verdict = "stop: " + STOP[lemma]
        frames = REFRAME.get(lemma, ((with_, prop, obj, preps),))
        review.append((verb.block, verb.code, lemma, with_, prop, obj, preps, note, verdict + (" (reframed)" if lemma in REFRAME else "")))
        if verdict == "keep":
            for w, p, o, pr in frames:
                kept.setdefault((lemma, w, p, o), ("en", "verb", lemma, w, p, o, pr, f"{CONF}"))
    return sorted(kept.values(), key=lambda r: (r[4], r[2], r[3])), review


def write(rows: list[tuple[str, ...]], source: Path) -> None:
    head = [
        "# English verb cues derived from the CAMEO verb dictionary of the PETRARCH event coder",
        "# (CAMEO.2.0.txt, Copyright (c) 2015 Open Event Data Alliance, MIT licence:",
        "# https://github.com/openeventdata/petrarch2). Made by bench/derive_cameo_cues.py (CAMEO classes",
        "# -> properties and the hand review's stop list are in that script); do not edit by hand: change",
        "# the script and run it again. Same columns as relations.tsv; a lower confidence than hand cues,",
        "# and the loader (kg/relate/lexicon.py) ignores a lemma the hand cues already list.",
        "lang\tpos\tlemma\twith\tproperty\tobject\tpreps\tconf",
    ]
    OUT.write_text("\n".join(head + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dictionary", type=Path, help="CAMEO.2.0.txt of PETRARCH")
    ap.add_argument("--review", action="store_true", help=f"also write every candidate with its verdict to {REVIEW}")
    args = ap.parse_args()
    rows, review = derive(args.dictionary)
    write(rows, args.dictionary)
    if args.review:
        REVIEW.parent.mkdir(parents=True, exist_ok=True)
        cols = "block\tcode\tlemma\twith\tproperty\tobject\tpreps\tnote\tverdict"
        REVIEW.write_text(cols + "\n" + "\n".join("\t".join(r) for r in review) + "\n", encoding="utf-8")
    print(f"{len(rows)} cues -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
