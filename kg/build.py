"""Orchestration of `kg build`: read -> extract -> store -> exports.

Articles stream through: they are read lazily, parsed in batches, and each article's
named graph goes to the on-disk store as soon as it is extracted (new graphs in bulk loads
of `GraphStore.BATCH_ARTICLES`, each all or nothing; changed ones in a transaction each), so
memory does not grow with the corpus and an interrupted build loses at most the articles
of the batch in flight, which the next build redoes. The exports (graph.ttl, graph.trig,
graph.html) are written from the store at the end, each atomically.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, KGError
from kg.settings import Settings
from kg.types import Article, Extraction

ProgressFn = Callable[[str, int], None]  # (event, n): "total" expected (0: unknown), "article" done, "skip"


@dataclass
class BuildReport:
    """What a build did: counts, what was skipped and why."""

    out_dir: Path
    articles: int = 0
    skipped: list[InputError] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    by_modality: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # statements left out to keep the shapes (kg.conformance)
    outputs: list[Path] = field(default_factory=list)
    triples: int = 0
    replaced: int = 0  # older versions of the files read, removed (a new version replaces the old one)

    @property
    def ok(self) -> bool:
        return self.articles > 0 and not self.failed

    def summary(self) -> str:
        mods = ", ".join(f"{k.lower()} {v}" for k, v in sorted(self.by_modality.items())) or "none"
        from kg.progress import plural

        lines = [
            f"built {plural(self.articles, 'article')} into {self.out_dir}: {plural(self.entities, 'entity', 'entities')}, "
            f"{plural(self.relations, 'statement')} ({mods}), {plural(self.triples, 'triple')} in the store",
        ]
        if self.replaced:
            lines.append(f"replaced {plural(self.replaced, 'older version')} of edited files (removed from the store)")
        if self.skipped:
            lines.append(f"skipped {plural(len(self.skipped), 'input')}:")
            lines += [f"  - {e.source}: {e.reason}" for e in self.skipped]
        if self.failed:
            lines.append(f"failed {plural(len(self.failed), 'article')} (not in the store):")
            lines += [f"  - {f}" for f in self.failed]
        for w in self.warnings:
            lines.append(f"warning: {w}")
        if self.dropped:
            lines.append(f"dropped {plural(len(self.dropped), 'statement or qualifier', 'statements or qualifiers')} that would break the shapes (warnings above)")
        return "\n".join(lines)


def extract_stream(articles: Iterable[Article], settings: Settings, *, jobs: int = 1, engine: str = "local", scheduler: str | None = None) -> Iterator[Extraction]:
    """Extractions in input order, from 1 process, N processes, or a Dask cluster."""
    if engine == "dask":
        from kg.distributed import dask_extract

        yield from dask_extract(articles, settings, scheduler=scheduler, workers=max(jobs, 1))
        return
    if engine != "local":
        raise KGError(f"unknown engine {engine!r}; use 'local' (with --jobs N) or 'dask'")
    if jobs <= 1:
        from kg.extract import Extractor

        yield from Extractor(settings).pipe(articles)
        return
    from kg.gazetteer import default_gazetteer
    from kg.parallel import parallel_extract

    # the build needs the gazetteer after the last article (entities graph): load it while the
    # workers load their models
    yield from parallel_extract(articles, settings, jobs=jobs, meanwhile=default_gazetteer)


def estimate_articles(inputs: Sequence[str | Path]) -> int:
    """About how many articles `inputs` hold (files, and lines of .jsonl files), for progress bars.

    A cheap pass over names and bytes, no parsing; 0 when unknown (standard input).
    """
    import os

    from kg.read import STDIN, SUPPORTED_EXTENSIONS, _walk

    total = 0
    for item in inputs:
        name = str(item)
        if name == STDIN:
            return 0
        paths = (p for p in _walk(name) if isinstance(p, str)) if os.path.isdir(name) else iter([name])
        for path in paths:
            suffix = os.path.splitext(path)[1].lower()
            if suffix == ".jsonl":
                try:
                    with open(path, "rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    continue
            elif suffix in SUPPORTED_EXTENSIONS:
                total += 1
    return total


def build(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    settings: Settings | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    lang: str | None = None,
    view: bool = True,
    progress: ProgressFn | None = None,
) -> BuildReport:
    """Build (or update) the graph of `inputs` into `out_dir`."""
    from kg.gazetteer import default_gazetteer
    from kg.iri import article_iri
    from kg.rdf import article_triples, dropped_statements, entities_graph, involved_entities
    from kg.read import InputWarning, read_inputs
    from kg.store import GraphStore

    settings = settings or Settings()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(out_dir=out)
    merges = MergeReport.load(out / "merges.json")

    def articles() -> Iterator[Article]:
        for item in read_inputs(list(inputs), settings=settings, lang=lang, exclude=[out]):
            if isinstance(item, InputWarning):
                report.warnings.append(str(item))
                continue
            if isinstance(item, InputError):
                report.skipped.append(item)
                if progress:
                    progress("skip", 1)
                continue
            yield item

    if progress:
        progress("total", estimate_articles(inputs))
    with GraphStore.open(out, base=settings.base) as store:
        remove_staging(out)  # left by a build or export killed mid-write; the store's lock is ours
        sources: dict[str, str] = {}  # article IRI -> where it was read, every article this build tried to store
        reasons: dict[str, str] = {}  # article IRI -> why it could not be stored
        read_from: set[str] = set()  # the source of every article stored (or waiting to be)
        for ex in extract_stream(articles(), settings, jobs=jobs, engine=engine, scheduler=scheduler):
            iri = article_iri(ex.article.id, base=settings.base)
            sources[iri] = ex.article.source
            try:
                triples = article_triples(ex, settings)  # no rdflib Graph per article
                report.dropped += [str(d) for d in dropped_statements(ex)]
                store.replace_article(iri, triples)
            except KGError as e:
                reasons[iri] = str(e)
                continue
            reasons.pop(iri, None)
            read_from.add(ex.article.source)
            merges.add(ex)
            if progress:
                progress("article", 1)
        _count_stored(store, report, sources, reasons)
        report.replaced = _drop_older_versions(store, set(sources), read_from)
        if report.articles:
            keys = {iri[len(settings.base) :] for iri in store.mentioned_entities() if iri.startswith(settings.base)}
            involved = involved_entities(store, base=settings.base)
            store.set_entities(entities_graph(keys, default_gazetteer(), settings, involved=involved))
            _count(store, report, settings)
            write_outputs(store, out, settings=settings, view=view, report=report)
            merges.save(out / "merges.json", keep=set(a.id for a in store.articles()))
        else:
            report.warnings.append(f"nothing was built: the graph files in {out} were left as they were")
    return report


def _count_stored(store, report: BuildReport, sources: dict[str, str], reasons: dict[str, str]) -> None:
    """Count the articles that are in the store, read back from it, and list the others with the reason.

    New articles wait in batches: one whose batch could not be written (a full disk) is known only
    once the batch is tried (`GraphStore.take_lost`), so the count is made at the end, from the store.
    """
    for iri, reason in store.take_lost().items():
        reasons[iri] = f"not stored: {reason}"
    for iri, source in sources.items():
        if store.has_article(iri):
            report.articles += 1
        else:
            report.failed.append(f"{source}: {reasons.get(iri, 'not in the store after the build')}")


def source_file(source: str) -> str:
    """The file an article was read from: its source without `#partN` or a JSON Lines `:line`.

    >>> source_file("news/a.txt#part2"), source_file("feed.jsonl:12#part1"), source_file("b.md")
    ('news/a.txt', 'feed.jsonl', 'b.md')
    """
    file = re.sub(r"#part\d+$", "", source)
    match = re.fullmatch(r"(.+\.jsonl):\d+", file, flags=re.IGNORECASE)
    return os.path.normpath(match.group(1) if match else file)


def _drop_older_versions(store, built: set[str], read_from: set[str]) -> int:
    """Remove the articles an earlier build read from the files this build read, that this build did
    not produce: a new version of a file replaces the old one (an edited article, a file cut into
    fewer parts, a JSON Lines file with lines gone). Returns how many were removed."""
    files = {source_file(src) for src in read_from if src != "-"}
    if not files:
        return 0
    stale = [
        info.iri
        for info in store.articles()
        if info.file_name and info.iri not in built and source_file(info.file_name) in files
    ]
    for iri in stale:
        store.remove_article(iri)
    return len(stale)


def remove_staging(out: Path) -> list[Path]:
    """Remove staging files a killed build, `kg remove` or export left in `out` (never a live writer's)."""
    from kg.fsutil import remove_stale_staging

    removed = remove_stale_staging(out)
    # write_outputs' staged exports (only a writer holding the store's lock writes them), and the
    # temporary files of geokg versions that did not put the writer's pid in their names
    legacy = re.compile(r"\.(?:\.?graph\.(?:ttl|trig|html)(?:\.new)?|merges\.json)\.[a-z0-9_]{8}\.tmp")
    for path in [*out.glob(".graph.*.new"), *(p for p in out.glob(".*.tmp") if legacy.fullmatch(p.name))]:
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def write_outputs(store, out: Path, *, settings: Settings, view: bool = True, report: BuildReport | None = None) -> list[Path]:
    """graph.ttl, graph.trig and graph.html from the store.

    All three are first written completely to hidden staging files next to the targets, then
    renamed into place one after the other: a build killed at any point before the renames
    leaves the previous files untouched, and each rename is atomic.
    """
    import os

    from kg.fsutil import WriteError, describe_os_error

    staged: list[tuple[Path, Path]] = []
    try:
        for name, fmt in (("graph.ttl", "ttl"), ("graph.trig", "trig")):
            tmp = out / f".{name}.new"
            staged.append((tmp, out / name))
            store.dump(tmp, fmt)
        if view:
            from kg.view import write_view

            tmp = out / ".graph.html.new"
            staged.append((tmp, out / "graph.html"))
            write_view(store.raw, tmp, lang=settings.default_lang)
    except BaseException:
        # a full disk or an interruption: nothing staged stays behind, the previous files are intact
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    try:
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as e:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise WriteError(f"cannot rename the new graph files into {out}: {describe_os_error(e)}") from e
    written = [final for _, final in staged]
    if report is not None:
        report.outputs = written
    return written


def _count(store, report: BuildReport, settings: Settings) -> None:
    from kg.iri import ONTOLOGY_NS as geo
    rows = store.query(f"SELECT ?m (COUNT(?s) AS ?n) WHERE {{ ?s a <{geo}Statement> ; <{geo}modality> ?m }} GROUP BY ?m")
    for row in rows:
        report.by_modality[str(row["m"].value).rsplit("#", 1)[-1]] = int(row["n"].value)
    report.relations = sum(report.by_modality.values())
    ents = store.query(
        f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ?c . FILTER(?c NOT IN (<{geo}Statement>, <{geo}Article>)) }}"
    )
    report.entities = int(next(iter(ents))["n"].value)
    report.triples = store.count()


# What the `how` codes of a merge report mean (kg.link sets them on each mention).
MERGE_REASONS = {
    "name": "a name of the entity in the gazetteer",
    "acronym": "an acronym of the entity in the gazetteer",
    "alias": "another name of the entity in the gazetteer",
    "leader": "a person of the gazetteer's leaders table",
    "capital:place": "a capital used as a place: the city",
    "metonym:capital": "a capital acting (subject, partner, target): its country",
    "metonym:seat": "a seat of power or a junta body standing for its country",
    "metonym:forces": "a named army qualified by a demonym: its country",
    "demonym": "a demonym or adjective of nationality: the country",
    "generic:country": "a generic actor (junta, government, authorities): the article's focal country or its complement",
    "generic:forces": "a generic armed actor (army, troops): the article's focal country or its complement",
    "coref:surname": "a surname alone: the full name met in the article",
    "coref:group": "a definite generic group noun (le groupe djihadiste): the armed group named before",
    "acronym:local": "an acronym defined in parentheses after a name in the article",
    "title:surname": "a surname after a title (President Biden): the one person of the gazetteer with that surname",
    "title": "a name after a title (président, general...): a person, keyed by the normalised name",
    "ner:person": "a person found by the statistical NER, keyed by the normalised name",
    "ner:org": "an organisation found by the statistical NER, keyed by the normalised name",
    "ner:place": "a place found by the statistical NER, keyed by its name (and country when the text gives it)",
}


class MergeReport:
    """Which surface forms became which entity, and why, per article (DIR/merges.json).

    `entities`: per entity key, its label, type, surface forms (with the `how` codes of
    `MERGE_REASONS` and the number of articles) and number of articles; `kept_apart`: entities
    whose labels read the same but that stay distinct nodes (different types or countries);
    `reasons`: the meaning of each `how` code.
    """

    def __init__(self, per_article: dict[str, dict[str, dict[str, list[str]]]], labels: dict[str, dict[str, str]]) -> None:
        self.per_article = per_article
        self.labels = labels

    @classmethod
    def load(cls, path: Path) -> MergeReport:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data.get("per_article", {}), data.get("entities_meta", {}))
        except (OSError, ValueError, AttributeError):
            return cls({}, {})

    def add(self, ex: Extraction) -> None:
        forms: dict[str, dict[str, list[str]]] = {}
        for m in ex.mentions:
            hows = forms.setdefault(m.entity, {}).setdefault(m.text, [])
            if m.how not in hows:
                hows.append(m.how)
        self.per_article[ex.article.id] = forms
        for e in ex.entities:
            self.labels[e.key] = {"label": e.label("en"), "type": e.type}

    def save(self, path: Path, *, keep: set[str]) -> None:
        from kg.fsutil import atomic_write_text

        per_article = {k: v for k, v in sorted(self.per_article.items()) if k in keep}
        entities: dict[str, dict] = {}
        for _art, forms in per_article.items():
            for key, surfaces in forms.items():
                e = entities.setdefault(key, {**self.labels.get(key, {}), "forms": {}, "articles": 0})
                e["articles"] += 1
                for text, hows in surfaces.items():
                    f = e["forms"].setdefault(text, {"how": [], "count": 0})
                    f["count"] += 1
                    f["how"] = sorted(set(f["how"]) | set(hows))
        from kg.iri import fold

        by_name: dict[str, list[str]] = {}
        for key, e in entities.items():
            by_name.setdefault(fold(str(e.get("label") or key.rsplit("/", 1)[-1])), []).append(key)
        kept_apart = [
            {
                "name": name,
                "entities": sorted(keys),
                "why": "different types" if len({entities[k].get("type") for k in keys}) > 1 else "different countries or ids",
            }
            for name, keys in sorted(by_name.items())
            if len(keys) > 1
        ]
        used = sorted({h for e in entities.values() for f in e["forms"].values() for h in f["how"]})
        reasons = {h: MERGE_REASONS.get(h.split(":", 1)[0] if h.startswith("gazetteer:") else h, "") for h in used}
        for h in used:
            if h.startswith("gazetteer:"):
                reasons[h] = "a NER span found in the gazetteer as " + MERGE_REASONS.get(h.split(":", 1)[1], h.split(":", 1)[1])
        data = {
            "entities": dict(sorted(entities.items())),
            "kept_apart": kept_apart,
            "reasons": reasons,
            "per_article": per_article,
            "entities_meta": self.labels,
        }
        atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))
