"""`kg eval` on every gold set of bench/gold/; prints the reports and writes a summary file.

Scores the development sets (dev_fr, dev_en, seed, dev2_fr, dev2_en, dev3_fr, dev3_en) and the measurement sets
(heldout_fr, heldout_en, blind_fr, blind_en: never used to develop rules, see bench/gold/README.md);
a missing file is skipped with a message. Misses and false positives are printed and written for the
development sets only; measurement sets give their scores alone. Writes `bench/out/eval_dev.md`
(untracked); `--write-results` writes the tracked `bench/results/eval_dev.md` instead. A benchmark,
not a test: it loads the spaCy models.

    .venv/bin/python bench/eval_dev.py
    .venv/bin/python bench/eval_dev.py --no-details          # tables only
    .venv/bin/python bench/eval_dev.py --write-results       # update bench/results/eval_dev.md
    .venv/bin/kg eval bench/gold/dev_fr.jsonl                # the same report for one file
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from kg.evaluate import PRF, EvalReport, evaluate, format_report
from kg.settings import Settings

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
FILES = (
    "dev_fr.jsonl", "dev_en.jsonl", "seed.jsonl", "dev2_fr.jsonl", "dev2_en.jsonl", "dev3_fr.jsonl", "dev3_en.jsonl",
    "heldout_fr.jsonl", "heldout_en.jsonl", "blind_fr.jsonl", "blind_en.jsonl",
)  # fmt: skip
# Measurement sets: their misses and false positives are never printed nor written (reading them
# would turn them into development sets); only their scores are.
MEASUREMENT = ("heldout_", "blind_")
OUT = HERE / "out" / "eval_dev.md"  # untracked; --write-results writes bench/results/
RESULTS = HERE / "results" / "eval_dev.md"


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _ratio(q: object) -> str:
    """correct/total of a qualifier on matched facts whose gold gives it."""
    return "-" if q is None or not getattr(q, "total", 0) else f"{q.correct}/{q.total}"  # type: ignore[attr-defined]


def _prf(s: PRF | None) -> list[str]:
    if s is None:
        return ["-", "-", "-"]
    return [_f(s.precision), _f(s.recall), _f(s.f1)]


def summary_rows(reports: dict[str, tuple[EvalReport, float]]) -> list[str]:
    head = (
        "| gold file | articles | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 "
        "| hedged/negated P | R | hedged/negated produced as fact | modality acc. | dates | places | typed-entity P | R | untyped-entity P | R | seconds |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, (r, secs) in reports.items():
        ma = r.modality_accuracy
        cells = [
            name,
            str(r.articles),
            *_prf(r.strict),
            *_prf(r.lenient),
            _f(r.modality.precision),
            _f(r.modality.recall),
            str(sum(1 for fp in r.false_positives if fp.reason.endswith("produced as a fact"))),
            f"{ma.correct}/{ma.total}",
            _ratio(r.qualifiers.get("date")),
            _ratio(r.qualifiers.get("location")),
            _f(r.entities_typed.precision) if r.entities_typed else "-",
            _f(r.entities_typed.recall) if r.entities_typed else "-",
            _f(r.entities_untyped.precision) if r.entities_untyped else "-",
            _f(r.entities_untyped.recall) if r.entities_untyped else "-",
            f"{secs:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of the gold files (default bench/gold)")
    ap.add_argument("--out", type=Path, default=OUT, help="results file (default bench/out/eval_dev.md, untracked)")
    ap.add_argument("--write-results", action="store_true", help="write the tracked bench/results/eval_dev.md instead")
    ap.add_argument("--no-details", action="store_true", help="leave the misses and false positives out")
    args = ap.parse_args(argv)
    if args.write_results:
        args.out = RESULTS

    settings = Settings()
    reports: dict[str, tuple[EvalReport, float]] = {}
    texts: dict[str, str] = {}
    for name in FILES:
        path = args.gold / name
        if not path.is_file():
            print(f"skipping {path}: not found (the development gold sets live in bench/gold/)", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        report = evaluate(path, settings=settings, entities=True)
        secs = time.perf_counter() - t0
        report.source = f"bench/gold/{name}"
        reports[name] = (report, secs)
        details = not args.no_details and not name.startswith(MEASUREMENT)
        texts[name] = format_report(report, fmt="table", details=details)
        print(texts[name])
        print()
    if not reports:
        print("nothing to evaluate: no gold file found", file=sys.stderr)
        return 1

    md = [
        "# `kg eval` on the development gold sets",
        "",
        f"Generated by `.venv/bin/python bench/eval_dev.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"(Python {platform.python_version()}, {platform.machine()}). Scoring rules: `kg/evaluate.py` docstring "
        "and `bench/gold/README.md`; seconds include loading the models for the first file.",
        "",
        "Facts = asserted + reported statements. Strict compares property names; lenient merges "
        "cooperatesWith / supports / signsAgreementWith / meetsWith. Optional gold facts and entities "
        "count when produced and are not misses when absent. Hedged/negated P/R scores produced "
        "Hedged|Negated statements against hedged/negated gold items; hedged/negated produced as fact = "
        "facts (asserted or reported) whose gold item is hedged or negated; modality acc. = exact modality "
        "on gold items some statement matches; dates / places = matched facts whose gold gives a date / place "
        "and whose statement has it right.",
        "",
        *summary_rows(reports),
        "",
    ]
    for name, text in texts.items():
        md += [f"## {name}", "", f"`.venv/bin/kg eval bench/gold/{name}`", "", "```", text, "```", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(md), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
