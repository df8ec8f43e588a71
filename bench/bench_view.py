"""Time to the first stable drawing of the network view in headless Chromium.

Synthetic graphs in the RDF shape of docs/ARCHITECTURE.md (countries, people, armed
groups; one geo:Statement per relation with evidence, modality, date and article;
a direct triple for asserted / reported ones), at 100, 1,000 and 5,000 nodes with
5 relations per node (mean degree ≈ 10). Compared in the same run:

* baseline: vis-network physics stabilises in the browser (off-screen), then freezes
  (`view_data(layout="browser")`, all nodes);
* ours: positions computed in Python with igraph, physics off
  (`view_data(layout="python")`), all nodes, and with the default threshold
  (beyond 1,500 nodes the page opens on the top 1,500 by degree).

"Browser" = from navigation start to the first drawing after which nothing moves
(`kgView.readyAt`, performance.now()); "Python" = view_data + render_html.
Writes bench/out/view.md (untracked); --write-results updates bench/results/view.md. Usage: .venv/bin/python bench/bench_view.py [--sizes 100,1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV

from kg.rdf import as_store
from kg.view import DEFAULT_MAX_NODES, render_html, view_data
from kg.vocab import RELATIONS

GEO = rdflib.Namespace("https://w3id.org/geokg/ontology#")
ID = rdflib.Namespace("https://w3id.org/geokg/id/")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]  # fmt: skip
ACTOR_PROPS = [p for p, t in RELATIONS.items() if t.domain == "Actor" and t.range == "Actor"]


def synthetic_graph(n: int, *, per_node: int = 5, seed: int = 0) -> rdflib.Graph:
    rng = random.Random(seed)
    g = rdflib.Graph()
    types = ["Country"] * 5 + ["Person"] * 2 + ["ArmedGroup", "InternationalOrganization", "Government"]
    nodes = []
    for i in range(n):
        node = ID[f"bench/e{i}"]
        nodes.append(node)
        g.add((node, RDF.type, GEO[rng.choice(types)]))
        g.add((node, RDFS.label, Literal(f"Entity {i}", lang="en")))
        g.add((node, RDFS.label, Literal(f"Entité {i}", lang="fr")))
        if i % 3 == 0:
            g.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{100000 + i}/")))
    n_articles = max(1, n // 5)
    for a in range(n_articles):
        art = ID[f"article/bench{a}"]
        g.add((art, RDF.type, GEO.Article))
        g.add((art, GEO.title, Literal(f"Article {a}", lang="fr")))
        g.add((art, GEO.fileName, Literal(f"a{a}.txt")))
        g.add((art, GEO.date, Literal(f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}", datatype=XSD.date)))
    k = 0
    for i in range(n):
        for _ in range(per_node):
            j = rng.randrange(n)
            if j == i:
                j = (i + 1) % n
            p = rng.choice(ACTOR_PROPS)
            mod = rng.choices(["Asserted", "Reported", "Hedged", "Negated"], weights=[5, 4, 1, 0.3])[0]
            st = ID[f"statement/bench{k}"]
            k += 1
            g.add((st, RDF.type, GEO.Statement))
            g.add((st, RDF.subject, nodes[i]))
            g.add((st, RDF.predicate, GEO[p]))
            g.add((st, RDF.object, nodes[j]))
            g.add((st, GEO.modality, GEO[mod]))
            g.add((st, GEO.evidence, Literal(f"Entity {i} {p} entity {j}, according to a long enough sentence.", lang="en")))
            g.add((st, GEO.date, Literal(f"2024-{1 + k % 12:02d}", datatype=XSD.gYearMonth)))
            g.add((st, PROV.wasDerivedFrom, ID[f"article/bench{rng.randrange(n_articles)}"]))
            if mod in ("Asserted", "Reported"):
                g.add((nodes[i], GEO[p], nodes[j]))
    return g


def measure(browser, path: Path, timeout_s: float) -> dict:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    external: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else (external.append(r.request.url), r.abort()))
    t0 = time.perf_counter()
    page.goto(path.resolve().as_uri(), timeout=timeout_s * 1000)
    # polled from Python: wait_for_function would eval inside the page, which its CSP forbids
    while not page.evaluate("!!(window.kgView && window.kgView.ready === true)"):
        if time.perf_counter() - t0 > timeout_s:
            page.close()
            return {"browser_s": None, "wall_s": None, "still": False, "requests": len(external), "drawn": None}
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    ready_ms = page.evaluate("kgView.readyAt")
    before = page.evaluate("JSON.stringify(network.getPositions())")
    page.wait_for_timeout(500)
    still = before == page.evaluate("JSON.stringify(network.getPositions())")
    drawn = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    page.close()
    return {"browser_s": ready_ms / 1000, "wall_s": wall, "still": still, "requests": len(external), "drawn": drawn}


HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a drawing counts as never stable")
    ap.add_argument("--out", type=Path, default=HERE / "out" / "view.md", help="results file (default bench/out/view.md, untracked)")
    ap.add_argument("--write-results", action="store_true", help="write the tracked bench/results/view.md instead")
    args = ap.parse_args(argv)
    if args.write_results:
        args.out = HERE / "results" / "view.md"
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    variants = [
        ("baseline: physics stabilised in the browser, then frozen (all nodes)", "browser", 10**9),
        ("ours: igraph layout in Python, physics off (all nodes)", "python", 10**9),
        (f"ours, default threshold (top {DEFAULT_MAX_NODES} nodes beyond it)", "python", DEFAULT_MAX_NODES),
    ]
    rows = []
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in sizes:
            t = time.perf_counter()
            graph = synthetic_graph(n)
            triples = len(graph)
            graph = as_store(graph)  # the view reads pyoxigraph terms, as from a build's store: convert once
            gen_s = time.perf_counter() - t
            print(f"n={n}: {triples} triples generated in {gen_s:.1f} s", file=sys.stderr)
            for name, layout, max_nodes in variants:
                if max_nodes >= n and max_nodes != 10**9:
                    continue  # the threshold does not apply at this size
                t = time.perf_counter()
                page = render_html(view_data(graph, layout=layout, max_nodes=max_nodes))
                py_s = time.perf_counter() - t
                path = Path(tmp) / f"v{n}-{layout}-{max_nodes}.html"
                path.write_text(page, encoding="utf-8")
                runs = []
                repeats = 1 if (layout == "browser" and n >= 5000) else args.repeats  # minutes per run
                for _ in range(repeats):
                    runs.append(measure(browser, path, args.timeout))
                    if runs[-1]["browser_s"] is None:
                        break  # a drawing that never settled will not settle on the next load either
                ok = [r["browser_s"] for r in runs if r["browser_s"] is not None]
                row = {
                    "n": n,
                    "variant": name,
                    "python_s": py_s,
                    "browser_s": statistics.median(ok) if len(ok) == len(runs) else None,
                    "wall_s": statistics.median(w) if (w := [r["wall_s"] for r in runs if r["wall_s"] is not None]) else None,
                    "still": all(r["still"] for r in runs),
                    "requests": max(r["requests"] for r in runs),
                    "drawn": runs[0]["drawn"],
                    "runs": len(runs),
                    "mb": len(page.encode("utf-8")) / 1e6,
                }
                rows.append(row)
                print(row, file=sys.stderr)
        browser.close()

    def fmt(x: float | None) -> str:
        return f">{args.timeout:.0f} s" if x is None else f"{x:.2f} s"

    lines = [
        "# Network view: time to the first stable drawing (headless Chromium)",
        "",
        f"`bench/bench_view.py`, {platform.machine()}, {platform.python_version()}, Chromium at {CHROMIUM}, "
        f"median of {args.repeats} page loads (runs column; the in-browser baseline once at 5,000 nodes); synthetic graphs with 5 relations per node (mean degree ≈ 10), "
        "one statement each. *Browser*: navigation start to the first drawing after which nothing moves "
        "(checked: positions identical 0.5 s later). *Python*: `view_data` + `render_html`. *Wall*: Playwright "
        "`goto` to ready, as seen from Python.",
        "",
        f"Machine load average (1 min) {load_before[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
        f"on {os.cpu_count()} cores: absolute figures are only comparable within one run.",
        "",
        "| nodes | variant | drawn (nodes, edges) | browser | wall | python | page | still | external requests | runs |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        drawn = f"{r['drawn'][0]:,}, {r['drawn'][1]:,}" if r["drawn"] else "-"
        lines.append(
            f"| {r['n']:,} | {r['variant']} | {drawn} | {fmt(r['browser_s'])} | {fmt(r['wall_s'])} | "
            f"{r['python_s']:.2f} s | {r['mb']:.1f} MB | {'yes' if r['still'] else 'no'} | {r['requests']} | {r['runs']} |"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
