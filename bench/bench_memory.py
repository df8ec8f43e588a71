"""Benchmark: peak memory of `kg build` on one large .txt file, against a 1 MB file in the same run.

Generates French news-like text (sentences from a small fixed list, paragraphs of 3 to 8), one file
per size, builds each in a fresh output folder with `kg build FILE -o DIR --no-view -q` in a child
process, and reads the child's peak resident set size (`resource.getrusage(RUSAGE_CHILDREN)`,
measured per child by running each build from its own short-lived parent).

    .venv/bin/python bench/bench_memory.py                   # 1 MB and 20 MB (about 15 min on 2 cores)
    .venv/bin/python bench/bench_memory.py --sizes 1 4       # quicker

Prints a markdown table and writes it to bench/out/memory.md (or --out). Memory should stay
bounded by the part (`Settings.max_chars`), not grow with the file: the ratio to the 1 MB file is
the figure to watch.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "Le Mali a signé un accord de défense avec la Russie à Bamako.",
    "Le Niger a rompu sa coopération militaire avec la France, a annoncé la junte.",
    "Des jihadistes ont attaqué un poste de l'armée dans la région de Tillabéri.",
    "Le président Tiani a reçu le ministre turc des Affaires étrangères à Niamey.",
    "La CEDEAO menace de sanctions le Burkina Faso après le report des élections.",
    "Washington a critiqué la décision du gouvernement malien d'expulser l'ambassadeur.",
)

# run in a fresh interpreter, so that RUSAGE_CHILDREN is this one build's peak
_CHILD = """
import json, resource, subprocess, sys, time
start = time.monotonic()
code = subprocess.call([sys.executable, "-m", "kg", "build", sys.argv[1], "-o", sys.argv[2], "--no-view", "-q"])
print(json.dumps({"code": code, "seconds": time.monotonic() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def make_text(n_bytes: int, *, seed: int = 1) -> str:
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < n_bytes:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 8)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def measure(path: Path, out: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(out)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 20], help="file sizes in MB (the first is the reference)")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "memory.md")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"{size:g}mb.txt"
            path.write_text(make_text(int(size * 1_000_000)), encoding="utf-8")
            got = measure(path, Path(tmp) / f"out-{size:g}")
            rows.append((size, got))
            print(f"{size:g} MB: {got}", file=sys.stderr)
    ref = rows[0][1]["peak_mb"]
    lines = [
        f"Peak memory of `kg build FILE --no-view` ({platform.python_version()}, {time.strftime('%Y-%m-%d')})",
        "",
        "| file | peak RSS | ratio to the first | wall time | exit code |",
        "|---|---|---|---|---|",
    ]
    for size, got in rows:
        lines.append(
            f"| {size:g} MB | {got['peak_mb']:.0f} MB | {got['peak_mb'] / ref:.2f} | {got['seconds']:.0f} s | {got['code']} |"
        )
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
