"""Benchmark: rdflib in memory vs the pyoxigraph store (kg.store) on synthetic graphs shaped like ours.

For each size, in one run: write Turtle and N-Triples, load them back, fill the store the way
`kg build` does (new article graphs bulk-loaded in batches), and time every canned query (kg/data/queries).
rdflib queries run in a forked child with a time limit, since some take minutes at 1M triples.

    .venv/bin/python bench/bench_store.py               # 100k triples
    .venv/bin/python bench/bench_store.py --with-1m     # also 1M (several minutes, mostly rdflib)

Prints a markdown table per size; ratios are rdflib time / pyoxigraph time (higher = store faster).
rdflib is timed once (its runs take seconds to minutes); the store's writes, loads and queries are
medians of 3 (queries warm). The store fill is `replace_article` per article, as `kg build` calls it
(new article graphs wait in memory and are bulk-loaded on disk in batches of
`GraphStore.BATCH_ARTICLES`); rdflib's is adding the same graphs to an in-memory Dataset.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.query import list_queries
from kg.store import GraphStore, prefixes

BASE = "https://w3id.org/geokg/id/"
ID = Namespace(BASE)
GEO = Namespace("https://w3id.org/geokg/ontology#")
RELATIONS = ["cooperatesWith", "supports", "meetsWith", "signsAgreementWith", "endsCooperationWith", "expels",
             "criticizes", "threatens", "sanctions", "attacks", "opposes"]  # fmt: skip
MODALITIES = ["Asserted", "Reported", "Reported", "Asserted", "Hedged", "Negated"]
DOMAINS = ["intelligence", "military", "security", "economic", "diplomatic"]
WORDS = "le la les de des du niger russie coopération armée attaque accord sécurité région jihadistes " \
        "gouvernement ministre sources selon aurait rompu frontière soldats village".split()  # fmt: skip


def entities(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """(key, class, label en, label fr): Niger first so the parameterised queries find it."""
    out = [("country/NE", "Country", "Niger", "Niger")]
    out += [(f"country/C{i}", "Country", f"Country {i}", f"Pays {i}") for i in range(1, 200)]
    out += [(f"region/r{i}", "Region", f"Region {i}", f"Région {i}") for i in range(400)]
    out += [(f"group/g{i}", "ArmedGroup", f"Group {i}", f"Groupe {i}") for i in range(100)]
    out += [(f"person/p{i}", "Person", f"Person {i}", f"Personne {i}") for i in range(300)]
    return out


def synthetic(target_triples: int, seed: int = 7) -> tuple[list[tuple[str, rdflib.Graph]], rdflib.Graph]:
    """Article graphs (iri, graph) and the entities graph, about `target_triples` triples in all."""
    rng = random.Random(seed)
    ents = entities(rng)
    actors = [e for e in ents if e[1] != "Region"]
    regions = [e for e in ents if e[1] == "Region"]
    by_key = {e[0]: e for e in ents}
    articles: list[tuple[str, rdflib.Graph]] = []
    seen: set[tuple] = set()  # distinct triples so far, so the union has about `target_triples`
    n = 0
    while len(seen) < target_triples - 4400:  # the entities graph adds about 4,400
        g = rdflib.Graph()
        art = ID[f"article/{n:08x}"]
        g.add((art, RDF.type, GEO.Article))
        g.add((art, GEO.contentHash, Literal(f"{rng.getrandbits(128):032x}")))
        g.add((art, GEO.fileName, Literal(f"news/{n}.txt")))
        g.add((art, GEO.title, Literal(" ".join(rng.choices(WORDS, k=8)), lang="fr")))
        g.add((art, GEO.language, Literal("fr")))
        g.add((art, GEO.date, Literal(f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD.date)))
        mentioned = set()
        for k in range(10):
            s, o = rng.sample(actors, 2)
            if rng.random() < 0.25 and o[0] != "country/NE":
                s = ents[0]  # Niger is a frequent subject
            p = rng.choice(RELATIONS)
            m = rng.choice(MODALITIES)
            st = ID[f"statement/{n:08x}{k:02d}"]
            for triple in (
                (st, RDF.type, GEO.Statement),
                (st, RDF.subject, ID[s[0]]),
                (st, RDF.predicate, GEO[p]),
                (st, RDF.object, ID[o[0]]),
                (st, GEO.modality, GEO[m]),
                (st, GEO.evidence, Literal(" ".join(rng.choices(WORDS, k=18)) + ".", lang="fr")),
                (st, GEO.startOffset, Literal(k * 100, datatype=XSD.integer)),
                (st, GEO.endOffset, Literal(k * 100 + 99, datatype=XSD.integer)),
                (st, GEO.confidence, Literal(f"0.{rng.randint(3, 9)}", datatype=XSD.decimal)),
                (st, GEO.rule, Literal(f"rule-{rng.randint(1, 30)}")),
                (st, PROV.wasDerivedFrom, art),
                (st, GEO.date, Literal(f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", datatype=XSD.date)),
                (st, GEO.domain, Literal(rng.choice(DOMAINS))),
            ):
                g.add(triple)
            if p == "attacks" or rng.random() < 0.2:
                place = rng.choice(regions)
                g.add((st, GEO.location, ID[place[0]]))
                mentioned.add(place[0])
            if m in ("Asserted", "Reported"):
                g.add((ID[s[0]], GEO[p], ID[o[0]]))
            mentioned.update((s[0], o[0]))
        for key in mentioned:
            _, cls, en, fr = by_key[key]
            g.add((ID[key], RDF.type, GEO[cls]))
            g.add((ID[key], RDFS.label, Literal(en, lang="en")))
            g.add((ID[key], RDFS.label, Literal(fr, lang="fr")))
            g.add((ID[key], SKOS.altLabel, Literal(fr, lang="fr")))
        articles.append((str(art), g))
        seen.update(g)
        n += 1
    entity_graph = rdflib.Graph()
    for i, (key, cls, en, fr) in enumerate(ents):
        node = ID[key]
        entity_graph.add((node, RDF.type, GEO[cls]))
        entity_graph.add((node, RDFS.label, Literal(en, lang="en")))
        entity_graph.add((node, RDFS.label, Literal(fr, lang="fr")))
        entity_graph.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{1000000 + i}/")))
        if cls == "Region":
            entity_graph.add((node, GEO.locatedIn, ID[rng.choice(ents[:200])[0]]))
    return articles, entity_graph


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


_RDFLIB_GRAPH: rdflib.Graph | None = None  # inherited by forked children


def _rdflib_query_child(text: str, bindings: dict, out: mp.Queue) -> None:
    assert _RDFLIB_GRAPH is not None
    start = time.perf_counter()
    result = _RDFLIB_GRAPH.query(text, initBindings=bindings)
    rows = len(list(result)) if result.type == "SELECT" else 1
    out.put((time.perf_counter() - start, rows))


def rdflib_query(text: str, bindings: dict, limit: float) -> tuple[float | None, int | None]:
    ctx = mp.get_context("fork")
    out: mp.Queue = ctx.Queue()
    child = ctx.Process(target=_rdflib_query_child, args=(text, bindings, out))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.terminate()
        child.join()
        return None, None
    return out.get() if not out.empty() else (None, None)


def fmt_s(seconds: float | None, limit: float | None = None) -> str:
    if seconds is None:
        return f"> {limit:g} s" if limit else "n/a"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.0f}x" if a / b >= 10 else f"{a / b:.1f}x"


def run_size(target: int, *, query_limit: float, work: Path) -> str:
    global _RDFLIB_GRAPH
    articles, entity_graph = synthetic(target)
    union = rdflib.Graph()
    for _, g in articles:
        union += g
    union += entity_graph
    n = len(union)
    rows: list[tuple[str, float | None, float | None, str]] = []

    # the store, filled like `kg build`: new article graphs bulk-loaded in batches, then the entities graph
    store_dir = work / f"store-{target}"
    with GraphStore.open(store_dir) as store:

        def fill() -> None:
            for iri, g in articles:
                store.replace_article(iri, g)
            store.set_entities(entity_graph)

        t_build = timed(fill)
        assert store.count() == n, (store.count(), n)

        def rdflib_dataset() -> None:
            ds = rdflib.Dataset()
            for iri, g in articles:
                ctx = ds.graph(URIRef(iri))
                for t in g:
                    ctx.add(t)

        rows.append(
            ("fill: one graph per article (kg build path)", timed(rdflib_dataset), t_build, "new graphs bulk-loaded in batches, on disk")
        )

        ttl_r, nt_r, ttl_o, nt_o = (
            work / f"{x}-{target}.{e}" for x, e in (("r", "ttl"), ("r", "nt"), ("o", "ttl"), ("o", "nt"))
        )
        rows.append(
            (
                "write Turtle",
                timed(lambda: union.serialize(ttl_r, format="turtle")),
                timed(lambda: store.dump(ttl_o, "ttl"), 3),
                "",
            )
        )
        rows.append(
            (
                "write N-Triples",
                timed(lambda: union.serialize(nt_r, format="nt")),
                timed(lambda: store.dump(nt_o, "nt"), 3),
                "",
            )
        )

    def ox_load(path: Path, fmt: ox.RdfFormat) -> None:
        with tempfile.TemporaryDirectory(dir=work) as d:
            s = ox.Store(d)
            s.bulk_load(path=str(path), format=fmt)
            assert len(s) == n
            del s

    rows.append(
        (
            "load Turtle",
            timed(lambda: rdflib.Graph().parse(ttl_o, format="turtle")),
            timed(lambda: ox_load(ttl_o, ox.RdfFormat.TURTLE), 3),
            "store: bulk_load into a new on-disk store",
        )
    )
    rows.append(
        (
            "load N-Triples",
            timed(lambda: rdflib.Graph().parse(nt_o, format="nt")),
            timed(lambda: ox_load(nt_o, ox.RdfFormat.N_TRIPLES), 3),
            "store: bulk_load into a new on-disk store",
        )
    )

    # canned queries: rdflib on the union graph (forked child, time limit) vs the store (median of 3, warm)
    _RDFLIB_GRAPH = union
    pfx = prefixes(BASE)
    with GraphStore.open(store_dir, read_only=True) as store:
        for q in list_queries():
            subs = {ox.Variable(p.name): ox.Literal(p.default) for p in q.params} or None
            binds = {p.name: Literal(p.default) for p in q.params}
            list(store.query(q.text, substitutions=subs))  # warm up
            ox_rows = len(list(store.query(q.text, substitutions=subs)))
            t_ox = timed(lambda q=q, subs=subs: list(store.query(q.text, substitutions=subs)), repeat=3)
            header = "".join(f"PREFIX {k}: <{v}>\n" for k, v in pfx.items())
            t_rdf, rdf_rows = rdflib_query(header + q.text, binds, query_limit)
            note = f"{ox_rows} rows" + ("" if rdf_rows in (None, ox_rows) else f" (rdflib {rdf_rows})")
            rows.append((f"query `{q.name}`", t_rdf, t_ox, note))
    _RDFLIB_GRAPH = None

    lines = [
        f"### {n:,} triples ({len(articles):,} articles, {len(entity_graph):,} entity-graph triples)",
        "",
        "| operation | rdflib 7 (memory) | pyoxigraph store | ratio | note |",
        "|---|---:|---:|---:|---|",
    ]
    for name, a, b, note in rows:
        limit = query_limit if name.startswith("query") else None
        lines.append(f"| {name} | {fmt_s(a, limit)} | {fmt_s(b)} | {ratio(a, b)} | {note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--with-1m", action="store_true", help="also run 1M triples (several minutes)")
    parser.add_argument("--sizes", help="comma-separated triple counts, e.g. 20000,100000 (overrides the defaults)")
    parser.add_argument("--query-limit", type=float, default=60, help="seconds allowed per rdflib query (default 60)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [100_000] + ([1_000_000] if args.with_1m else [])
    print(f"# Store benchmark\n\npython {platform.python_version()}, rdflib {rdflib.__version__}, "
          f"pyoxigraph {ox.__version__}, {platform.machine()}, {mp.cpu_count()} cores\n")  # fmt: skip
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            print(run_size(size, query_limit=args.query_limit, work=Path(work)), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
