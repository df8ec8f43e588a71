"""Fingerprint of what extraction and the build produce, to prove a refactoring changes nothing.

Extracts every article of a generated corpus (`bench/make_corpus.py`, French) and every development gold text
(`bench/gold/*.jsonl` but the held-out and blind sets, French and English), and writes one JSON line per article (mentions,
entities, relations, all fields) to `OUT/extractions.jsonl`; with `--build` it also runs `kg build`
on the same articles into `OUT/build/`. `--compare A B` compares two such folders: extractions line
by line, and the built graphs (`graph.trig`) named graph by named graph, by isomorphism.

    .venv/bin/python bench/fingerprint.py --out /tmp/fp_before --build       # before the change
    .venv/bin/python bench/fingerprint.py --out /tmp/fp_after --build        # after
    .venv/bin/python bench/fingerprint.py --compare /tmp/fp_before /tmp/fp_after

Writes only under OUT (default `bench/out/fingerprint`, untracked); never touches tracked files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

from kg.iri import article_id, content_hash  # noqa: E402
from kg.types import Article  # noqa: E402


def articles(n: int) -> list[Article]:
    """The generated corpus of `n` articles, then every gold paragraph (fr and en)."""
    out: list[Article] = []
    for rec in make_corpus(n):
        text = rec["text"]
        out.append(Article(id=article_id(text), text=text, source=f"corpus:{len(out)}", lang="fr",
                           date=rec.get("date"), content_hash=content_hash(text)))
    for path in sorted((HERE / "gold").glob("*.jsonl")):
        if path.name.startswith(("heldout_", "blind_")):
            continue  # measurement sets: a diff would show their texts
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            out.append(Article(id=article_id(text), text=text, source=f"{path.name}:{rec['id']}",
                               lang=rec.get("lang"), date=rec.get("date"), content_hash=content_hash(text)))
    return out


def extract(arts: list[Article], out: Path) -> str:
    from kg.extract import Extractor

    lines = []
    for ex in Extractor().pipe(arts):
        d = asdict(ex)
        d["article"] = {"id": ex.article.id, "source": ex.article.source}
        lines.append(json.dumps(d, ensure_ascii=False, sort_keys=True))
    text = "\n".join(lines) + "\n"
    (out / "extractions.jsonl").write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode()).hexdigest()


def build(arts: list[Article], out: Path) -> None:
    import shutil

    from kg.build import build as kg_build

    shutil.rmtree(out / "build", ignore_errors=True)  # a fresh build: kg build is incremental
    src = out / "input.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"text": a.text, "lang": a.lang, "date": a.date}, ensure_ascii=False) + "\n")
    # relative paths, so that the file names recorded in the graph do not depend on OUT
    import os

    here = Path.cwd()
    os.chdir(out)
    try:
        kg_build(["input.jsonl"], "build")
    finally:
        os.chdir(here)


def compare(a: Path, b: Path) -> int:
    bad = 0
    la = (a / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    lb = (b / "extractions.jsonl").read_text(encoding="utf-8").splitlines()
    if len(la) != len(lb):
        print(f"extractions: {len(la)} vs {len(lb)} articles")
        bad += 1
    for i, (x, y) in enumerate(zip(la, lb, strict=False)):
        if x != y:
            bad += 1
            dx, dy = json.loads(x), json.loads(y)
            print(f"article {i} ({dx['article']['source']}) differs:")
            for key in ("mentions", "entities", "relations"):
                sx = {json.dumps(v, sort_keys=True) for v in dx[key]}
                sy = {json.dumps(v, sort_keys=True) for v in dy[key]}
                for v in sorted(sx - sy)[:5]:
                    print(f"  - {key}: {v}")
                for v in sorted(sy - sx)[:5]:
                    print(f"  + {key}: {v}")
    print(f"extractions: {len(la) - bad if bad <= len(la) else 0}/{len(la)} identical")
    ga, gb = a / "build" / "graph.trig", b / "build" / "graph.trig"
    if ga.exists() and gb.exists():
        from rdflib import Dataset
        from rdflib.compare import graph_diff, isomorphic, to_isomorphic

        da, db = Dataset(), Dataset()
        da.parse(ga, format="trig")
        db.parse(gb, format="trig")
        names_a = {g.identifier for g in da.graphs()}
        names_b = {g.identifier for g in db.graphs()}
        if names_a != names_b:
            bad += 1
            print(f"graphs: named graphs differ: {len(names_a - names_b)} only before, {len(names_b - names_a)} only after")
        diff_graphs = 0
        for name in sorted(names_a & names_b):
            g1, g2 = da.graph(name), db.graph(name)
            if not isomorphic(g1, g2):
                diff_graphs += 1
                if diff_graphs <= 3:
                    _, only1, only2 = graph_diff(to_isomorphic(g1), to_isomorphic(g2))
                    print(f"graph {name} differs: -{len(only1)} +{len(only2)}")
                    for t in sorted(only1)[:5]:
                        print("  -", t)
                    for t in sorted(only2)[:5]:
                        print("  +", t)
        bad += diff_graphs
        print(f"graphs: {len(names_a & names_b) - diff_graphs}/{len(names_a | names_b)} named graphs isomorphic")
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / "out" / "fingerprint")
    ap.add_argument("-n", type=int, default=200, help="articles in the generated corpus (default 200)")
    ap.add_argument("--build", action="store_true", help="also run kg build on the same articles")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    args.out.mkdir(parents=True, exist_ok=True)
    arts = articles(args.n)
    digest = extract(arts, args.out)
    print(f"{len(arts)} articles, extractions sha256 {digest}")
    if args.build:
        build(arts, args.out)
        print(f"built into {args.out / 'build'}")


if __name__ == "__main__":
    main()
