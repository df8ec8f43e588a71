"""Validate the development gold sets and print their counts.

Usage: python bench/gold/check_gold.py [FILE.jsonl ...]
(default: every *.jsonl next to this script). Exits 1 on any error.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

PROPERTIES = {
    "cooperatesWith", "supports", "meetsWith", "signsAgreementWith", "endsCooperationWith",
    "expels", "withdrawsFrom", "criticizes", "threatens", "sanctions", "attacks", "opposes",
    "seizesPowerIn", "overthrows", "leads", "memberOf", "locatedIn", "capitalOf", "affiliatedWith",
    "demands", "rejects",  # added by the ontology (DESIGN.md: "requests, rejects...")
}
MODALITIES = {"asserted", "reported", "hedged", "negated"}
TYPES = {
    "Country", "Person", "InternationalOrganization", "ArmedGroup", "Government", "ArmedForces",
    "City", "Region", "GeoRegion", "Organization",
}
QUALIFIERS = {"domain", "date", "location", "modality", "attributedTo"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_file(path: Path, seen_ids: set[str], errors: list[str]) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{n}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        rows.append(row)
        rid = row.get("id")
        where = f"{path.name}:{n} ({rid})"
        if not rid or rid in seen_ids:
            errors.append(f"{where}: missing or duplicate id")
        seen_ids.add(rid)
        if row.get("lang") not in {"fr", "en"}:
            errors.append(f"{where}: lang must be fr or en")
        if not isinstance(row.get("text"), str) or not row["text"].strip():
            errors.append(f"{where}: empty text")
        if row.get("date") is not None and not DATE.match(row["date"]):
            errors.append(f"{where}: bad article date {row['date']!r}")
        names = {}
        for ent in row.get("entities", []):
            if ent.get("type") not in TYPES:
                errors.append(f"{where}: entity {ent.get('name')!r} has bad type {ent.get('type')!r}")
            if ent.get("name") in names:
                errors.append(f"{where}: entity {ent['name']!r} listed twice")
            names[ent.get("name")] = ent.get("type")
        triples = set()
        for g in row.get("gold", []):
            key = (g.get("s"), g.get("p"), g.get("o"))
            if key in triples:
                errors.append(f"{where}: duplicate gold triple {key}")
            triples.add(key)
            if g.get("p") not in PROPERTIES:
                errors.append(f"{where}: bad property {g.get('p')!r}")
            for end in ("s", "o"):
                if g.get(end) not in names:
                    errors.append(f"{where}: {end}={g.get(end)!r} not in entities")
            if g.get("s") == g.get("o"):
                errors.append(f"{where}: subject equals object {key}")
            if not isinstance(g.get("required"), bool):
                errors.append(f"{where}: required must be true/false {key}")
            q = g.get("qualifiers", {})
            if set(q) - QUALIFIERS or not {"domain", "date", "location", "modality"} <= set(q):
                errors.append(f"{where}: bad qualifier keys {sorted(q)} {key}")
            if q.get("modality") not in MODALITIES:
                errors.append(f"{where}: bad modality {q.get('modality')!r} {key}")
            if q.get("date") is not None and not DATE.match(q["date"]):
                errors.append(f"{where}: bad date {q['date']!r} {key}")
            locs = q.get("location")
            for loc in [locs] if isinstance(locs, str) else (locs or []):
                if loc not in names:
                    errors.append(f"{where}: location {loc!r} not in entities {key}")
    return rows


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    files = [Path(a) for a in argv] or sorted(here.glob("*.jsonl"))
    errors: list[str] = []
    seen: set[str] = set()
    for path in files:
        rows = check_file(path, seen, errors)
        gold = [g for r in rows for g in r.get("gold", [])]
        by_p = Counter(g["p"] for g in gold)
        by_m = Counter(g["qualifiers"]["modality"] for g in gold)
        req = sum(1 for g in gold if g.get("required"))
        empty = sum(1 for r in rows if not r.get("gold"))
        ents = sum(len(r.get("entities", [])) for r in rows)
        print(f"{path.name}: {len(rows)} paragraphs ({empty} without relations), "
              f"{len(gold)} gold facts ({req} required, {len(gold) - req} optional), {ents} entity mentions")
        print("  by property:", dict(sorted(by_p.items(), key=lambda kv: -kv[1])))
        print("  by modality:", dict(by_m))
        print("  required by modality:", dict(Counter(g["qualifiers"]["modality"] for g in gold if g.get("required"))))
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
