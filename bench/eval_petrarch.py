"""Dyad + PLOVER-category scores on the public English event-coding suites; writes `bench/out/eval_petrarch.md`.

Reads, from `../shared/benchmarks/` (or `$GEOKG_BENCHMARKS`), never from the repository:

* `petrarch_validation.jsonl`, rows with `suite == "up_gsr_en"` (78 real-world sentences,
  UniversalPetrarch's gold-standard records, CAMEO-coded, MIT);
* `plover_gsr_cameo.jsonl` (322 PLOVER codebook sentences, CC BY-SA 4.0).

Those files must never be copied into the repository, and nothing derived from their text is
written here: the results file holds aggregate figures only (`--details` prints the per-row
misses and false positives to the terminal, not to the file). Skips with a message when absent.

Scoring (DESIGN.md, "Public benchmarks"): each sentence is one English article (`lang="en"`,
dated from the row); our Asserted and Reported relations whose property has a PLOVER category
(`kg.vocab.RELATIONS[p].plover`) become events (source country, target country, categories).
An entity stands for its country: `country/XX` is XX; a person, organisation, armed group or
place counts for `Entity.country` when the gazetteer gives one, else for no country (None, like
PETRARCH's IGO or unknown actors). ISO 3166 alpha-2 codes become alpha-3 (pycountry) to compare
with the rows' decoded `country`. An expected event is (source_decoded.country,
target_decoded.country, PLOVER category); a produced event matches it when the two countries are
equal (either order for our symmetric properties) and the category is one of the property's.
Matching is one-to-one per sentence. An expectation with no PLOVER category (CAMEO 01/02 public
statements and appeals, which PLOVER drops) is ignored, and a produced event on its dyad is not
counted as a false positive. A "no events" row is right only if nothing is produced.

    .venv/bin/python bench/eval_petrarch.py                    # writes bench/out/eval_petrarch.md (untracked)
    .venv/bin/python bench/eval_petrarch.py --write-results    # updates bench/results/eval_petrarch.md
    GEOKG_BENCHMARKS=/path/to/benchmarks .venv/bin/python bench/eval_petrarch.py --details
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycountry

from kg.evaluate import PRF
from kg.iri import article_id, content_hash
from kg.settings import Settings
from kg.types import Article, Entity, Extraction
from kg.vocab import FACTUAL_MODALITIES, RELATIONS

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "eval_petrarch.md"  # untracked; --write-results writes bench/results/
RESULTS = HERE / "results" / "eval_petrarch.md"
DEFAULT_BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"

PLOVER = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# CAMEO -> PLOVER, used only when a row carries no PLOVER category of its own. Root codes follow
# PLOVER's CAMEO2PLOVER table (PLOVER 0.5 has no FIGHT or MASS VIOLENCE: 18-20 are ASSAULT, with a
# mode); the longer prefixes are the exceptions seen in that table. 01/02 (statements, appeals)
# have no PLOVER event: None.
CAMEO_TO_PLOVER: dict[str, str | None] = {
    "01": None,  # make public statement
    "02": None,  # appeal
    "03": "AGREE",  # express intent to cooperate
    "04": "CONSULT",  # consult, visit, meet
    "05": "COOPERATE",  # diplomatic cooperation
    "051": "SUPPORT",  # praise or endorse
    "057": "SUPPORT",  # sign formal agreement (as CAMEO2PLOVER codes it)
    "06": "COOPERATE",  # material cooperation
    "07": "AID",  # provide aid
    "08": "CONCEDE",  # yield
    "084": "RETREAT",  # return, release
    "085": "RETREAT",  # ease economic sanctions, boycott, embargo
    "087": "RETREAT",  # de-escalate military engagement (withdraw)
    "09": "ACCUSE",  # investigate
    "10": "REQUEST",  # demand
    "11": "ACCUSE",  # disapprove, criticise, accuse
    "12": "REJECT",  # reject
    "13": "THREATEN",  # threaten
    "14": "PROTEST",  # protest
    "15": "MOBILIZE",  # exhibit force posture
    "16": "SANCTION",  # reduce relations
    "17": "COERCE",  # coerce
    "175": "ASSAULT",  # violent repression
    "18": "ASSAULT",  # assault
    "19": "ASSAULT",  # fight
    "20": "ASSAULT",  # unconventional mass violence
}


def cameo_to_plover(code: str) -> str | None:
    """PLOVER category of a CAMEO code, longest known prefix first.

    >>> cameo_to_plover("0841"), cameo_to_plover("190"), cameo_to_plover("015")
    ('RETREAT', 'ASSAULT', None)
    """
    for n in (3, 2):
        if code[:n] in CAMEO_TO_PLOVER:
            return CAMEO_TO_PLOVER[code[:n]]
    return None


def benchmarks_dir() -> Path:
    return Path(os.environ.get("GEOKG_BENCHMARKS") or DEFAULT_BENCHMARKS)


def iso3(iso2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=iso2.upper())
    return c.alpha_3 if c else None


# -- rows ----------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    source: str | None
    target: str | None
    category: str | None  # None = no PLOVER event (ignored)
    code: str


@dataclass
class Row:
    id: str
    text: str
    date: str | None
    expected: list[Expected]
    no_events: bool
    cameo_disagreements: list[tuple[str, str, str | None]] = field(default_factory=list)
    cameo_checked: int = 0  # CAMEO expectations whose own PLOVER category was compared with our table


def _date(raw: Any) -> str | None:
    s = str(raw or "")
    if len(s) == 8 and s.isdigit():
        return f"{s[:4]}-{s[4:6]}-{s[6:]}"
    return s[:10] if len(s) >= 10 and s[4] == "-" else None


def _country(decoded: Any) -> str | None:
    return (decoded or {}).get("country") or None


def read_rows(path: Path, suite: str | None = None) -> Iterator[Row]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if suite and r.get("suite") != suite:
                continue
            if r.get("evaluate") is False:
                continue
            row = Row(r["id"], r["text"], _date(r.get("date")), [], bool(r.get("expect_no_events")))
            for e in r.get("expected") or []:
                code = str(e.get("code") or "")
                given = e.get("plover")
                category = given if given in PLOVER else None
                if e.get("code_system") == "CAMEO" or code[:2].isdigit():
                    mapped = cameo_to_plover(code)
                    if category is None and given is None:
                        category = mapped
                    else:
                        row.cameo_checked += 1
                        if mapped != category:
                            row.cameo_disagreements.append((code, str(given), mapped))
                elif category is None and code in PLOVER:
                    category = code
                row.expected.append(
                    Expected(_country(e.get("source_decoded")), _country(e.get("target_decoded")), category, code)
                )
            yield row


# -- produced events -----------------------------------------------------------


@dataclass(frozen=True)
class Event:
    source: str | None
    target: str | None
    categories: frozenset[str]
    symmetric: bool
    predicate: str


def _entity(key: str, local: dict[str, Entity], gazetteer: Any) -> Entity | None:
    return local.get(key) or gazetteer.get(key)


def country_of(key: str, local: dict[str, Entity], gazetteer: Any) -> str | None:
    """ISO alpha-3 code of the country an entity key stands for, or None."""
    prefix, _, rest = key.partition("/")
    if prefix == "country":
        return iso3(rest)
    ent = _entity(key, local, gazetteer)
    if ent is not None and ent.country and ent.country.startswith("country/"):
        return iso3(ent.country.split("/", 1)[1])
    if prefix in ("gov", "forces") and len(rest) == 2 and rest.isupper():
        return iso3(rest)
    return None


def events(ex: Extraction, gazetteer: Any) -> list[Event]:
    local = {e.key: e for e in ex.entities}
    out: set[Event] = set()
    for r in ex.relations:
        term = RELATIONS.get(r.predicate)
        if r.modality not in FACTUAL_MODALITIES or term is None or not term.plover:
            continue
        out.add(
            Event(
                country_of(r.subject, local, gazetteer),
                country_of(r.object, local, gazetteer),
                frozenset(c for c in term.plover if c in PLOVER),
                term.symmetric,
                r.predicate,
            )
        )
    return sorted(out, key=lambda e: (str(e.source), str(e.target), e.predicate))


def _dyad(e: Event, src: str | None, tgt: str | None) -> bool:
    return (e.source, e.target) == (src, tgt) or (e.symmetric and (e.target, e.source) == (src, tgt))


# -- scoring -------------------------------------------------------------------


@dataclass
class SuiteScore:
    name: str
    rows: int = 0
    event_rows: int = 0
    full: PRF = field(default_factory=PRF)  # dyad + category
    dyad: PRF = field(default_factory=PRF)  # dyad only (any category)
    category: PRF = field(default_factory=PRF)  # category only, per sentence (set of categories)
    covered: PRF = field(default_factory=PRF)  # dyad + category, expectations in categories geokg models
    by_category: dict[str, PRF] = field(default_factory=dict)  # expected category: TP / FN
    fp_by_property: Counter[str] = field(default_factory=Counter)
    no_event_rows: int = 0
    no_event_wrong: int = 0
    ignored_expectations: int = 0
    cameo_disagreements: list[tuple[str, str, str | None]] = field(default_factory=list)
    cameo_checked: int = 0
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0


# PLOVER categories the ontology has a property for (kg/vocab.py); "modelled categories" scores
# count misses only among these (REQUEST, INVESTIGATE, REJECT, CONCEDE... have no property yet)
MODELLED = frozenset(c for t in RELATIONS.values() for c in t.plover)


def score_row(row: Row, produced: list[Event], s: SuiteScore) -> None:
    s.rows += 1
    s.cameo_disagreements += row.cameo_disagreements
    s.cameo_checked += row.cameo_checked
    if row.no_events:
        s.no_event_rows += 1
        s.no_event_wrong += int(bool(produced))
    expected = [e for e in row.expected if e.category]
    ignored = [e for e in row.expected if not e.category]
    s.ignored_expectations += len(ignored)
    s.event_rows += int(bool(expected))

    # dyad + category, one-to-one
    used: set[int] = set()
    for x in expected:
        j = next(
            (
                j
                for j, p in enumerate(produced)
                if j not in used and x.category in p.categories and _dyad(p, x.source, x.target)
            ),
            None,
        )
        stat = s.by_category.setdefault(str(x.category), PRF())
        modelled = x.category in MODELLED
        if j is None:
            s.full.fn += 1
            s.covered.fn += int(modelled)
            stat.fn += 1
            s.details.append(f"  miss  [{row.id}] {x.source} -> {x.target} {x.category} (code {x.code})")
        else:
            used.add(j)
            s.full.tp += 1
            s.covered.tp += 1
            stat.tp += 1
    for j, p in enumerate(produced):
        if j in used or any(_dyad(p, x.source, x.target) for x in ignored):
            continue
        s.full.fp += 1
        s.covered.fp += 1
        s.fp_by_property[p.predicate] += 1
        s.details.append(
            f"  FP    [{row.id}] {p.source} -> {p.target} {'/'.join(sorted(p.categories))} ({p.predicate})"
        )

    # dyad only
    used = set()
    for x in expected:
        j = next((j for j, p in enumerate(produced) if j not in used and _dyad(p, x.source, x.target)), None)
        if j is None:
            s.dyad.fn += 1
        else:
            used.add(j)
            s.dyad.tp += 1
    s.dyad.fp += sum(
        1 for j, p in enumerate(produced) if j not in used and not any(_dyad(p, x.source, x.target) for x in ignored)
    )

    # category only: the set of categories of the sentence
    want = {str(x.category) for x in expected}
    got = {c for p in produced for c in p.categories}
    hit = {c for c in want if c in got}
    s.category.tp += len(hit)
    s.category.fn += len(want - hit)
    # a produced event whose categories all miss is one false positive
    s.category.fp += sum(1 for p in produced if not (p.categories & want))

    if row.no_events and produced:
        s.details.append(f"  noev  [{row.id}] produced {len(produced)} event(s) on a no-events row")


def run(suites: dict[str, list[Row]], settings: Settings) -> list[SuiteScore]:
    from kg.extract import Extractor

    extractor = Extractor(settings)
    out = []
    for name, rows in suites.items():
        t0 = time.perf_counter()
        articles = [
            Article(
                id=article_id(r.text),
                text=r.text,
                source=r.id,
                lang="en",
                date=r.date,
                content_hash=content_hash(r.text),
            )
            for r in rows
        ]
        s = SuiteScore(name)
        for row, ex in zip(rows, extractor.pipe(articles), strict=True):
            score_row(row, events(ex, extractor.gazetteer), s)
        s.seconds = time.perf_counter() - t0
        out.append(s)
    return out


# -- report --------------------------------------------------------------------


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _prf(p: PRF) -> str:
    return f"{p.tp} | {p.fp} | {p.fn} | {_f(p.precision)} | {_f(p.recall)} | {_f(p.f1)}"


def report_md(scores: Iterable[SuiteScore], bench: Path) -> str:
    scores = list(scores)
    md = [
        "# Public English event-coding suites: dyad + PLOVER category",
        "",
        f"Generated by `.venv/bin/python bench/eval_petrarch.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"(Python {platform.python_version()}), reading `{bench}` (outside the repository; the sentences are not "
        "reproduced here: aggregate figures only). Scoring rules: the docstring of `bench/eval_petrarch.py`.",
        "",
        "## Overall",
        "",
        "| suite | rows | rows with PLOVER events | score | TP | FP | FN | P | R | F1 |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        for label, p in (("dyad + category", s.full), ("dyad + category, modelled categories", s.covered), ("dyad only", s.dyad), ("category only", s.category)):
            md.append(f"| {s.name} | {s.rows} | {s.event_rows} | {label} | {_prf(p)} |")
    md += [
        "",
        '| suite | "no events" rows | wrongly produced something | rate | CAMEO 01/02 expectations ignored | seconds |',
        "|---|---|---|---|---|---|",
    ]
    for s in scores:
        rate = _f(s.no_event_wrong / s.no_event_rows) if s.no_event_rows else "-"
        md.append(
            f"| {s.name} | {s.no_event_rows} | {s.no_event_wrong} | {rate} | {s.ignored_expectations} | {s.seconds:.1f} |"
        )
    for s in scores:
        md += [
            "",
            f"## {s.name}: per expected PLOVER category (dyad + category)",
            "",
            "| category | TP | FN | recall |",
            "|---|---|---|---|",
        ]
        for cat, p in sorted(s.by_category.items()):
            md.append(f"| {cat} | {p.tp} | {p.fn} | {_f(p.recall)} |")
        if s.fp_by_property:
            md += [
                "",
                "False positives by our property: " + ", ".join(f"{k} {v}" for k, v in s.fp_by_property.most_common()),
            ]
        if s.cameo_checked:
            md += [
                "",
                f"Our CAMEO -> PLOVER table agrees with the row's own PLOVER category on {s.cameo_checked - len(s.cameo_disagreements)} of {s.cameo_checked} CAMEO-coded expectations.",
            ]
        if s.cameo_disagreements:
            c = Counter(s.cameo_disagreements)
            md += [
                "",
                "CAMEO codes where the row's own PLOVER category differs from our table (the row's is used): "
                + ", ".join(f"{k} x{v}" for k, v in c.items()),
            ]
    md += [
        "",
        "## Mapping",
        "",
        "Our properties -> PLOVER (from `kg/vocab.py`; properties without a category are not events):",
        "",
        "| property | PLOVER | symmetric |",
        "|---|---|---|",
    ]
    for name, term in RELATIONS.items():
        md.append(f"| {name} | {' / '.join(term.plover) or '(not an event)'} | {'yes' if term.symmetric else ''} |")
    groups: dict[str | None, list[str]] = defaultdict(list)
    for code, target in CAMEO_TO_PLOVER.items():
        groups[target].append(code)
    md += [
        "",
        "CAMEO -> PLOVER (fallback when a row has no PLOVER category; longest prefix wins): "
        + "; ".join(f"{target or 'no event'}: {', '.join(codes)}" for target, codes in groups.items())
        + ".",
        "",
    ]
    return "\n".join(md)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT, help="results file (default bench/out/eval_petrarch.md, untracked)")
    ap.add_argument("--write-results", action="store_true", help="write the tracked bench/results/eval_petrarch.md instead")
    ap.add_argument("--details", action="store_true", help="print per-row misses and false positives (terminal only)")
    args = ap.parse_args(argv)
    if args.write_results:
        args.out = RESULTS

    bench = benchmarks_dir()
    files = {
        "up_gsr_en": (bench / "petrarch_validation.jsonl", "up_gsr_en"),
        "plover_gsr_cameo": (bench / "plover_gsr_cameo.jsonl", None),
    }
    suites: dict[str, list[Row]] = {}
    for name, (path, suite) in files.items():
        if not path.is_file():
            print(
                f"skipping {name}: {path} not found (set GEOKG_BENCHMARKS to the folder holding the public suites)",
                file=sys.stderr,
            )
            continue
        suites[name] = list(read_rows(path, suite))
    if not suites:
        print(f"SKIPPED: no public benchmark files in {bench}; nothing measured", file=sys.stderr)
        return 0

    scores = run(suites, Settings())
    for s in scores:
        print(f"{s.name}: {s.rows} rows")
        for label, p in (("dyad + category", s.full), ("dyad + category, modelled categories", s.covered), ("dyad only", s.dyad), ("category only", s.category)):
            print(
                f"  {label:16} TP {p.tp:3} FP {p.fp:3} FN {p.fn:3}  P {_f(p.precision)}  R {_f(p.recall)}  F1 {_f(p.f1)}"
            )
        print(f"  no-events rows wrongly producing something: {s.no_event_wrong}/{s.no_event_rows}")
        if args.details:
            print("\n".join(s.details))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report_md(scores, bench), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
