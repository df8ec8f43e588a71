"""Why were gold facts missed? A development aid: classifies each missed required fact of a gold file.

For every required factual gold fact that extraction did not produce, says which of these holds:
  unlinked-s / unlinked-o  the subject / object is not linked anywhere in the article
  apart                    both are linked but never in one sentence
  other-property           a relation between the two was produced, with another property
  non-factual              the right triple was produced, but hedged or negated
  same-sentence            both are linked in one sentence and nothing links them
and prints the sentence(s) concerned. Use it on development sets only (dev_*, dev2_*): running it
on held-out or blind sets turns them into development sets.

    .venv/bin/python bench/miss_causes.py bench/gold/dev2_fr.jsonl [--cause same-sentence]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kg.evaluate import Resolver, _gold_facts, gold_article, read_gold
from kg.extract import Extractor, article_language
from kg.nlp import load_pipeline
from kg.vocab import FACTUAL_MODALITIES, RELATIONS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path, nargs="+")
    ap.add_argument("--cause", help="print only misses of this cause")
    ap.add_argument("--quiet", action="store_true", help="only the counts")
    args = ap.parse_args()
    ex = Extractor()
    res = Resolver(ex.gazetteer)
    counts: Counter[str] = Counter()
    for path in args.gold:
        items = read_gold(path)
        arts = [gold_article(it, f"{path}:{it['_line']}") for it in items]
        for it, art, extraction in zip(items, arts, ex.pipe(arts), strict=True):
            lang = article_language(art, ex.settings)
            doc = load_pipeline(lang, ex.settings)(art.text)
            sents = [(s.start_char, s.end_char, s.text) for s in doc.sents]
            local = {e.key: e for e in extraction.entities}
            keys = {e.key for e in extraction.entities} | {m.entity for m in extraction.mentions}

            def where(name: str, keys: set[str] = keys, local: dict = local, ext=extraction, sents=sents) -> list[int]:
                hits = {k for k in keys if res.matches(name, k, local)}
                out = []
                for m in ext.mentions:
                    if m.entity in hits:
                        out += [i for i, (a, b, _) in enumerate(sents) if a <= m.start < b]
                return sorted(set(out))

            for g in _gold_facts(it, str(path)):
                if not (g.required and g.factual):
                    continue
                rels = [r for r in extraction.relations if
                        (res.matches(g.s, r.subject, local) and res.matches(g.o, r.object, local))
                        or (res.matches(g.o, r.subject, local) and res.matches(g.s, r.object, local))]
                symmetric = g.p in RELATIONS and RELATIONS[g.p].symmetric
                same = [r for r in rels if r.predicate == g.p and (symmetric or res.matches(g.s, r.subject, local))]
                if any(r.modality in FACTUAL_MODALITIES for r in same):
                    continue
                ws, wo = where(g.s), where(g.o)
                if same:
                    cause = "non-factual"
                elif rels:
                    cause = "other-property"
                elif not ws:
                    cause = "unlinked-s"
                elif not wo:
                    cause = "unlinked-o"
                elif not set(ws) & set(wo):
                    cause = "apart"
                else:
                    cause = "same-sentence"
                counts[cause] += 1
                if args.quiet or (args.cause and cause != args.cause):
                    continue
                print(f"[{it['id']}] {g.s} {g.p} {g.o} ({g.modality.lower()}): {cause}")
                for r in rels:
                    print(f"    produced: {r.subject} {r.predicate} {r.object} {r.modality} ({r.rule})")
                shown = sorted(set(ws) & set(wo)) or sorted(set(ws) | set(wo))
                for i in shown[:2]:
                    print(f"    « {sents[i][2].strip()} »")
    total = sum(counts.values())
    print(f"\n{total} missed required facts")
    for cause, n in counts.most_common():
        print(f"  {cause:15} {n:4}  {n / total:.0%}")


if __name__ == "__main__":
    main()
