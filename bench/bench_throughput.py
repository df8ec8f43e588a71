"""Throughput of `kg build` against bare spaCy, in one run, on the same generated corpus.

For each corpus size (default 50 and 200 articles, from `bench/make_corpus.py`), runs as
separate whole processes (interpreter start and model loading included):

* bare `nlp.pipe` with the same model (fr_core_news_md), one process, and with n_process=2;
* `kg build --jobs 1`, `kg build --jobs 2`, `kg build --engine dask` (2 local workers);

and reports wall time, tokens/s, articles/s, the ratio to bare spaCy, and the peak RSS of the
whole process tree (sampled with psutil every 50 ms; children included). Then profiles a
`--jobs 1` build in-process with cProfile and attributes the time to the stages
(read / nlp / link / relate / rdf / store / exports). Writes `bench/out/throughput.md` (untracked); `--write-results` updates `bench/results/throughput.md`.

    .venv/bin/python bench/bench_throughput.py                 # sizes 50 and 200
    .venv/bin/python bench/bench_throughput.py --sizes 50 --no-dask --no-profile
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import write_corpus  # noqa: E402

PY = sys.executable
KG = [PY, "-m", "kg"]
MODEL = "fr_core_news_md"

BARE = r"""
import json, sys
import spacy
nlp = spacy.load(sys.argv[2])
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip())
n_process = int(sys.argv[3])
tokens = 0
for doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
    tokens += len(doc)
print(json.dumps({"tokens": tokens}))
"""


def run(cmd: list[str], *, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run `cmd`: wall time, CPU time and peak RSS (MB) of the whole process tree, stdout."""
    return run_together([cmd], env=env)


def run_together(cmds: list[list[str]], *, env: dict[str, str] | None = None) -> dict[str, object]:
    """Run `cmds` at the same time: wall time until the last ends, CPU time and peak RSS (MB) of
    all their process trees, and the stdout of each (joined by newlines)."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT) for cmd in cmds]
    roots = [psutil.Process(p.pid) for p in procs]
    peak = 0
    while any(p.poll() is None for p in procs):
        total = 0
        for root in roots:
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
            for p in tree:
                try:
                    total += p.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
        peak = max(peak, total)
        time.sleep(0.05)
    outs = [p.communicate() for p in procs]
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # waited-for descendants included
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for cmd, p, (_out, err) in zip(cmds, procs, outs, strict=True):
        if p.returncode != 0:
            raise SystemExit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{err.decode()[-3000:]}")
    return {
        "wall": wall,
        "cpu": cpu,
        "load": load,
        "peak_mb": peak / 2**20,
        "stdout": "\n".join(out.decode() for out, _ in outs),
        "stderr": "\n".join(err.decode() for _, err in outs),
    }


def halves(corpus: Path) -> tuple[Path, Path]:
    """The corpus split into its first and second half (by articles), next to it."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    mid = (len(lines) + 1) // 2
    first, second = corpus.with_name("half1.jsonl"), corpus.with_name("half2.jsonl")
    first.write_text("\n".join(lines[:mid]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[mid:]) + "\n", encoding="utf-8")
    return first, second


CEILING = "bare nlp.pipe, 2 processes on halves (2-core ceiling)"


def bench_size(n: int, work: Path, *, dask: bool, repeat: int = 1) -> list[dict[str, object]]:
    """One row per command; with `repeat` > 1 every command runs that many times, the runs of all
    commands interleaved (so that a slow spell of the machine does not hit one command only), and
    each row keeps its fastest run."""
    corpus = write_corpus(n, HERE / "out" / f"corpus_{n}")
    first, second = halves(corpus)
    configs: list[tuple[str, list[list[str]]]] = [
        ("bare nlp.pipe", [[PY, "-c", BARE, str(corpus), MODEL, "1"]]),
        ("bare nlp.pipe n_process=2", [[PY, "-c", BARE, str(corpus), MODEL, "2"]]),
        # two independent bare processes, each on half of the corpus, at the same time: what two
        # cores of this machine give spaCy with no coordination at all
        (CEILING, [[PY, "-c", BARE, str(first), MODEL, "1"], [PY, "-c", BARE, str(second), MODEL, "1"]]),
    ]
    builds = [("kg build --jobs 1", ["--jobs", "1"]), ("kg build --jobs 2", ["--jobs", "2"])]
    if dask:
        builds.append(("kg build --engine dask (2 workers)", ["--engine", "dask", "--jobs", "2"]))
    for k, (name, flags) in enumerate(builds):
        out = work / f"{n}-{k}"
        configs.append((name, [[*KG, "build", str(corpus), "-o", str(out), "-q", *flags]]))
    best: dict[str, dict[str, object]] = {}
    for _ in range(max(1, repeat)):
        for name, cmds in configs:
            for cmd in cmds:
                if "build" in cmd:
                    shutil.rmtree(cmd[cmd.index("-o") + 1], ignore_errors=True)
            res = run_together(cmds)
            if name not in best or res["wall"] < best[name]["wall"]:
                best[name] = {"name": name, "runs": 0, **res}
            best[name]["runs"] = int(best[name]["runs"]) + 1
    rows = [best[name] for name, _ in configs]
    tokens = json.loads(rows[0]["stdout"])["tokens"]
    base, base_cpu = rows[0]["wall"], rows[0]["cpu"]
    for row in rows:
        row.update(
            n=n,
            tokens=tokens,
            tok_s=tokens / row["wall"],
            art_s=n / row["wall"],
            ratio=base / row["wall"],
            cpu_ratio=base_cpu / max(row["cpu"], 1e-9),
        )
    return rows


# --------------------------------------------------------------------- profile of the stages

# Runs `kg build --jobs 1` in a fresh interpreter with wall-clock timers wrapped around the
# stage functions (no profiler overhead), then once more under cProfile for the top functions.
# Generators (reading, nlp.pipe) are timed per `next()`, so the consumer's work is not counted.
TIMERS = r"""
import functools, json, sys, time
T = {}
t0 = time.perf_counter()

ACTIVE = set()

def timed(stage, fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        if stage in ACTIVE:  # nested in a call already timed for this stage
            return fn(*a, **k)
        ACTIVE.add(stage)
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            ACTIVE.discard(stage)
            T[stage] = T.get(stage, 0.0) + time.perf_counter() - t
    return wrapper

def timed_gen(stage, fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        it = iter(fn(*a, **k))
        while True:
            t = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                T[stage] = T.get(stage, 0.0) + time.perf_counter() - t
                return
            T[stage] = T.get(stage, 0.0) + time.perf_counter() - t
            yield item
    return wrapper

import spacy.language
import kg.build, kg.cli, kg.extract, kg.gazetteer, kg.link, kg.nlp, kg.rdf, kg.read, kg.store, kg.view
T["startup: imports (kg, spaCy, rdflib, pyoxigraph)"] = time.perf_counter() - t0
kg.read.read_inputs = timed_gen("read: files, clean, language, dates", kg.read.read_inputs)
kg.gazetteer.default_gazetteer = timed("load: gazetteer tables", kg.gazetteer.default_gazetteer)
kg.extract.default_gazetteer = kg.gazetteer.default_gazetteer
kg.nlp._load = timed("load: spaCy model + geokg components", kg.nlp._load)
spacy.language.Language.pipe = timed_gen("nlp: nlp.pipe (model + presegment + gazetteer matcher)", spacy.language.Language.pipe)
kg.link.Linker.__call__ = timed("link: mentions -> entities", kg.link.Linker.__call__)
kg.extract.relate = timed("relate: rules -> relations", kg.extract.relate)
kg.rdf.article_triples = timed("rdf: Extraction -> article triples", kg.rdf.article_triples)
STORE = "store: article graphs (new ones bulk-loaded in batches)"
kg.store.GraphStore.replace_article = timed(STORE, kg.store.GraphStore.replace_article)
kg.store.GraphStore.write_waiting = timed(STORE, kg.store.GraphStore.write_waiting)
kg.rdf.entities_graph = timed("end: entities graph + counts", kg.rdf.entities_graph)
kg.store.GraphStore.set_entities = timed("end: entities graph + counts", kg.store.GraphStore.set_entities)
kg.build._count = timed("end: entities graph + counts", kg.build._count)
kg.store.GraphStore.dump = timed("exports: graph.ttl + graph.trig", kg.store.GraphStore.dump)
kg.view.write_view = timed("exports: graph.html (view drawn from the store)", kg.view.write_view)
kg.build.MergeReport.add = timed("merges.json", kg.build.MergeReport.add)
kg.build.MergeReport.save = timed("merges.json", kg.build.MergeReport.save)
t1 = time.perf_counter()
rc = kg.cli.main(["build", sys.argv[1], "-o", sys.argv[2], "-q"])
T["TOTAL"] = time.perf_counter() - t0
print(json.dumps(T))
"""

PROFILE = r"""
import cProfile, sys
import kg.cli
cProfile.run('kg.cli.main(["build", sys.argv[1], "-o", sys.argv[2], "-q"])', sys.argv[3])
"""


def profile_build(corpus: Path, out: Path) -> tuple[float, list[tuple[str, float]], str]:
    """Stage timers of a `kg build --jobs 1` (total s, [(stage, s)]) and the cProfile top functions."""
    shutil.rmtree(out, ignore_errors=True)
    res = run([PY, "-c", TIMERS, str(corpus), str(out / "timers")])
    timers = json.loads(res["stdout"].strip().splitlines()[-1])
    total = timers.pop("TOTAL")
    stages = list(timers.items())
    stats = out / "profile.pstats"
    run([PY, "-c", PROFILE, str(corpus), str(out / "cprofile"), str(stats)])
    buf = io.StringIO()
    pstats.Stats(str(stats), stream=buf).sort_stats("tottime").print_stats(20)
    top = "\n".join(line for line in buf.getvalue().splitlines() if line.strip())
    top = top[top.find("ncalls") :] if "ncalls" in top else top
    top = top.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
    return total, stages, top


# --------------------------------------------------------------------- report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    import spacy

    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; Python {platform.python_version()}, spaCy {spacy.__version__}, {platform.system()} {platform.release()}"


def report(
    rows: list[dict[str, object]], profile: tuple[float, list[tuple[str, float]], str] | None, argv: list[str]
) -> str:
    lines = [
        "# Throughput of `kg build` against bare spaCy",
        "",
        f"Machine: {machine()}.",
        f"Command: `{' '.join(['.venv/bin/python', 'bench/bench_throughput.py', *argv])}` "
        f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).",
        "Each row is one whole process (interpreter start and model loading included), "
        "all in the same run on the same corpus (`bench/make_corpus.py`, unique French articles); with "
        "`--repeat N` each command ran N times, interleaved with the others, and its row is its fastest run; "
        "ratio = bare `nlp.pipe` wall time / this row's wall time; CPU s = user + system time of the whole "
        "process tree (less sensitive than wall time to other jobs on the machine; x bare (CPU) = bare CPU s / "
        "this row's CPU s, an efficiency ratio, meaningful for one process); peak RSS = the whole process tree, "
        "sampled every 50 ms; load before = 1-minute load average when the row started (2 cores: above 2, "
        "other jobs were competing and wall times are inflated).",
        "",
        "| articles | tokens | command | wall s | tokens/s | articles/s | x bare nlp.pipe | CPU s | x bare (CPU) | peak RSS MB | load before |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['tokens']} | {r['name']} | {r['wall']:.1f} | {r['tok_s']:.0f} | {r['art_s']:.1f} | {r['ratio']:.2f} "
            f"| {r['cpu']:.1f} | {r['cpu_ratio']:.2f} | {r['peak_mb']:.0f} | {r['load']:.1f} |"
        )
    lines += ["", "## Targets (issue 7)", ""]
    by = {(r["n"], r["name"]): r for r in rows}
    for n in sorted({r["n"] for r in rows}):
        j1, j2, bare = by.get((n, "kg build --jobs 1")), by.get((n, "kg build --jobs 2")), by.get((n, "bare nlp.pipe"))
        if j1 and bare:
            lines.append(
                f"* {n} articles: `--jobs 1` = {j1['ratio']:.2f}x bare nlp.pipe (target ≥ 0.9x): {'met' if j1['ratio'] >= 0.9 else 'MISSED'}"
            )
        if j1 and j2:
            sp = j1["wall"] / j2["wall"]
            lines.append(
                f"* {n} articles: `--jobs 2` = {sp:.2f}x `--jobs 1` (target ≥ 1.8x): {'met' if sp >= 1.8 else 'MISSED'}"
            )
        ceiling = by.get((n, CEILING))
        if ceiling and bare:
            line = (
                f"* {n} articles: two independent bare processes on the two halves of the corpus finish "
                f"{ceiling['ratio']:.2f}x faster than one bare process on all of it (this machine's ceiling for 2 processes)"
            )
            if j2:
                line += f"; `--jobs 2` runs at {j2['ratio'] / ceiling['ratio']:.2f} of that ceiling"
            lines.append(line)
    sizes = sorted({r["n"] for r in rows})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for name in ("kg build --jobs 1", "kg build --jobs 2", "kg build --engine dask (2 workers)"):
            a, b = by.get((small, name)), by.get((large, name))
            if a and b:
                m = b["peak_mb"] / a["peak_mb"]
                lines.append(
                    f"* peak memory of `{name[9:]}` at {large} / at {small} articles = {m:.2f} (target ≤ 1.3): {'met' if m <= 1.3 else 'MISSED'}"
                )
    if profile:
        total, stages, top = profile
        lines += [
            "",
            "## Where the time goes (`kg build --jobs 1`, largest corpus)",
            "",
            f"Wall-clock timers around the stage functions, one in-process build: {total:.1f} s in all.",
            "",
            "| stage | s | share |",
            "|---|---:|---:|",
        ]
        for stage, sec in stages:
            lines.append(f"| {stage} | {sec:.2f} | {100 * sec / total:.0f}% |")
        rest = total - sum(s for _, s in stages)
        lines.append(f"| other (build loop, store open/close, unattributed) | {rest:.2f} | {100 * rest / total:.0f}% |")
        lines += [
            "",
            "Top functions by own time (cProfile, a second build; the profiler inflates Python-heavy code):",
            "",
            "```",
            top,
            "```",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs per command; each row keeps the fastest (default 1)")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "throughput.md", help="results file (default bench/out/throughput.md, untracked)")
    ap.add_argument("--write-results", action="store_true", help="write the tracked bench/results/throughput.md instead")
    args = ap.parse_args()
    if args.write_results:
        args.out = HERE / "results" / "throughput.md"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows: list[dict[str, object]] = []
    try:
        for n in args.sizes:
            for row in bench_size(n, work, dask=not args.no_dask, repeat=args.repeat):
                rows.append(row)
                print(
                    f"{n:5d} {row['name']:40s} {row['wall']:7.1f}s {row['tok_s']:8.0f} tok/s x{row['ratio']:.2f} {row['peak_mb']:6.0f} MB",
                    flush=True,
                )
        profile = None
        if not args.no_profile:
            n = max(args.sizes)
            profile = profile_build(HERE / "out" / f"corpus_{n}" / "articles.jsonl", work / "profile")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(rows, profile, sys.argv[1:])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
