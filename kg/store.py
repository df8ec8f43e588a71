"""The on-disk store in `DIR/store`: one named graph per article, built incrementally.

Layout (pyoxigraph `Store`, RocksDB underneath):

* named graph `<base>article/<id>`: that article's triples (the graph name is the article IRI);
* named graph `<base>graph/entities`: gazetteer descriptions of the entities articles mention;
* the default graph: the RDF merge (set union) of all named graphs, kept up to date in the same
  transaction as every change.

Why a materialised merge instead of pyoxigraph's `use_default_graph_as_union`: in oxigraph 0.5 the
union default graph yields a triple once per graph that holds it (oxigraph issue #1919, fixed only
after 0.5), and every article graph repeats the types and labels of the entities it mentions, so
`COUNT(*)` over the union would not match `graph.ttl`. Querying the merged default graph does, and
`kg serve` sees the same default graph. `GRAPH ?g { ... }` still reaches the per-article graphs.

Each change (`replace_article`, `remove_article`, `set_entities`) is one SPARQL update or one
transactional insert, which oxigraph runs as one transaction: a crash leaves the store before or
after the change, never in between. The exception is the common case of a build, a new article
graph: those wait in memory and go in by batches, each batch one all-or-nothing bulk load (see
`GraphStore.BATCH_ARTICLES`), so a crash loses at most the batch still waiting; a batch that cannot
be written (a full disk) is retried article by article, and what still fails is reported
(`GraphStore.take_lost`), never dropped unseen.

A writer marks the folder (`DIR/.kg-writing`, its pid) while it has the store open; readers
(`GraphStore.open(read_only=True)`, hence `kg query`, `kg export`, `kg push`, `kg serve`) refuse
a store another live process is writing, or wait for it (`wait`): mid-build, a store holds part of
the articles and no entities graph yet.

>>> import rdflib, tempfile
>>> g = rdflib.Graph()
>>> art = rdflib.URIRef("https://w3id.org/geokg/id/article/abc")
>>> _ = g.add((art, rdflib.RDF.type, rdflib.URIRef(GEO + "Article")))
>>> with GraphStore.open(tempfile.mkdtemp()) as store:
...     store.replace_article(str(art), g)
...     store.replace_article(str(art), g)
...     (store.count(), store.has_article(str(art)))
(1, True)
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg import iri
from kg.errors import KGError, QueryError, StoreError
from kg.fsutil import atomic_open, describe_os_error
from kg.iri import DEFAULT_BASE, ENTITIES_GRAPH, KEY_PREFIXES, prefixes  # noqa: F401  (re-exported)
from kg.rdf import StoredTriple, stored_triple

if TYPE_CHECKING:
    import rdflib

GEO = iri.ONTOLOGY_NS
STORE_DIRNAME = "store"
# written by `kg serve` next to the store while its server runs: "<pid> <host:port>"
SERVING_MARK = ".kg-serving"


def mark_serving(directory: str | os.PathLike[str], pid: int, where: str) -> Path:
    """Record that process `pid` serves the store of `directory` (see `serving_pid`)."""
    mark = Path(directory) / SERVING_MARK
    mark.write_text(f"{pid} {where}\n", encoding="utf-8")
    return mark


def serving_pid(directory: str | os.PathLike[str]) -> tuple[int, str] | None:
    """(pid, host:port) of a live `kg serve` server over `directory`'s store, else None.

    A mark left by a server that no longer runs (killed, machine restarted) is ignored.
    """
    return _live_mark(Path(directory) / SERVING_MARK)


def _live_mark(mark: Path) -> tuple[int, str] | None:
    """(pid, text) of a "<pid> <text>" mark file whose process is alive, else None."""
    try:
        pid_text, _, text = mark.read_text(encoding="utf-8").strip().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, another user's
    return pid, text


# written by a writer (`kg build`, `kg remove`) next to the store while it has it open: "<pid> <what>"
WRITING_MARK = ".kg-writing"


def mark_writing(directory: str | os.PathLike[str], what: str) -> Path:
    """Record that this process writes the store of `directory` (see `writing_pid`)."""
    mark = Path(directory) / WRITING_MARK
    mark.write_text(f"{os.getpid()} {what}\n", encoding="utf-8")
    return mark


def writing_pid(directory: str | os.PathLike[str]) -> tuple[int, str] | None:
    """(pid, what) of another live process writing `directory`'s store (a build in progress), else None.

    A mark left by a killed writer is ignored: its process is gone, or (its pid reused by another
    program) nobody holds the store's lock any more.
    """
    live = _live_mark(Path(directory) / WRITING_MARK)
    if live is None or live[0] == os.getpid() or not _store_locked(Path(directory) / STORE_DIRNAME):
        return None
    return live[0], live[1] or "kg build"


def _store_locked(path: Path) -> bool:
    """Whether a process holds the RocksDB lock of the store at `path` (a writer has it open).

    RocksDB locks `LOCK` with fcntl(F_SETLK); testing it here is safe because this process is not
    a writer of that store (a writer's own process never asks: see `writing_pid`).
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: trust the pid
        return True
    try:
        fd = os.open(path / "LOCK", os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def wait_for_writer(directory: str | os.PathLike[str], *, wait: float = 0) -> None:
    """Return once no other process writes `directory`'s store; StoreError if one still does after `wait` s.

    Readers (`kg query`, `kg export`, `kg push`, `kg serve`) call it: mid-build, a store holds part
    of the articles and no entities graph yet.
    """
    deadline = time.monotonic() + max(0.0, wait)
    while (writer := writing_pid(directory)) is not None:
        if time.monotonic() >= deadline:
            waited = f" (waited {wait:g} s)" if wait > 0 else ""
            raise StoreError(
                f"{directory} is being written by process {writer[0]} ({writer[1]}){waited}: its store holds a "
                "partial graph until that finishes. Wait for it to finish, or run this command again with "
                "--wait to wait for it"
            )
        time.sleep(min(0.2, max(0.0, deadline - time.monotonic())) or 0.01)




class BatchWriteError(StoreError):
    """Article graphs of a batch that could not be written; `failed` maps each IRI to the reason."""

    def __init__(self, message: str, *, failed: dict[str, str]) -> None:
        super().__init__(message)
        self.failed = failed


def _os_reason(error: BaseException) -> str:
    """A short reason for a failed write, with the fix when the disk is full.

    RocksDB reports a full disk as text ("IO error: No space left on device"), without an errno.
    """
    if isinstance(error, OSError) and error.errno is not None:
        return describe_os_error(error)
    text = str(error)
    if "No space left" in text or "Disk quota" in text:
        return f"the disk is full ({text}); free some space and run the same command again"
    return text


# file extension / format name -> pyoxigraph format
FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = ("trig", "nq")
_FORMAT_ALIASES = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "json-ld": "jsonld", "json": "jsonld"}


def rdf_format(name: str) -> tuple[str, ox.RdfFormat]:
    """Normalise a format name or file extension (`ttl`, `.nq`, `turtle`...) to (name, RdfFormat).

    >>> rdf_format(".TTL")[0]
    'ttl'
    """
    key = name.lower().lstrip(".")
    key = _FORMAT_ALIASES.get(key, key)
    if key not in FORMATS:
        raise StoreError(f"unknown RDF format {name!r}; use one of: {', '.join(FORMATS)}")
    return key, FORMATS[key]


@dataclass(frozen=True)
class ArticleInfo:
    """What the store knows about one article (its graph name is `iri`)."""

    iri: str
    file_name: str | None
    url: str | None
    title: str | None
    hash: str | None

    @property
    def id(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


def _triples(data: rdflib.Graph | Iterable[Any]) -> list[StoredTriple]:
    """Triples from an rdflib Graph, rdflib/pyoxigraph term tuples, or pyoxigraph Triple/Quad objects."""
    bnodes: dict[Any, ox.BlankNode] = {}
    try:
        return [stored_triple(item, bnodes) for item in data]
    except KGError as e:
        raise StoreError(f"cannot store it: {e}") from e


class GraphStore:
    """An on-disk pyoxigraph store with one named graph per article; see the module docstring.

    Open it with `GraphStore.open(DIR)`; it lives in `DIR/store`. Use it as a context manager,
    or call `close()`. Only one process may open a store for writing; readers (`read_only=True`,
    `kg query`, `kg serve`) must not run while a writer changes it.
    """

    # RocksDB keeps recent writes in memory tables (one per column family, each tens of MB) until it
    # flushes them: measured, a build's memory grew by about 33 MB per 100 articles until the first
    # flush. Flushing every FLUSH_EVERY articles keeps it flat for a few percent of the store's time.
    FLUSH_EVERY = 100

    # New article graphs (the common case of a build) are not written one transaction each: their
    # quads wait in memory and BATCH_ARTICLES of them go in with one `bulk_extend`. pyoxigraph's
    # bulk loader sorts the quads into one SST file per index and RocksDB ingests the files of all
    # indexes in one call (IngestExternalFiles, all or nothing): a batch below the loader's own batch
    # size (1M quads) is one such call, so a crash leaves whole batches of whole articles, and costs
    # at most the articles still waiting (the next build redoes them). Measured writing the graphs of
    # 900 corpus articles: 12.2 to 13.7 s one transaction each, 6.1 to 7.0 s in batches of 64 or 100.
    # Any read or other change through this wrapper writes the waiting batch first.
    BATCH_ARTICLES = 64
    # ... or fewer when they are large: parts of a long file hold tens of thousands of triples each,
    # and 64 of them waiting as Python objects took hundreds of MB (issue 15)
    BATCH_QUADS = 200_000

    def __init__(self, store: ox.Store, path: Path, *, read_only: bool, base: str | None) -> None:
        self._store: ox.Store | None = store
        self.path = path
        self.read_only = read_only
        self._base = base
        self._unflushed = 0  # articles written since the last flush
        # new article graphs not yet written: graph name -> its triples (see BATCH_ARTICLES)
        self._waiting: dict[ox.NamedNode, list[StoredTriple]] = {}
        self._waiting_quads = 0  # their triples, counted
        self.lost: dict[str, str] = {}  # article graphs a failed batch could not write: IRI -> reason
        self._mark: Path | None = None  # the writer's mark (WRITING_MARK), removed at close

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(
        cls,
        directory: str | os.PathLike[str],
        *,
        read_only: bool = False,
        base: str | None = None,
        wait: float = 0,
        what: str = "kg build",
    ) -> GraphStore:
        """Open (or, unless `read_only`, create) the store in `directory/store`.

        `base` is the namespace of minted IRIs; when None it is inferred from the stored
        article graph names (`<base>article/<id>`), falling back to the default base.
        A reader refuses a store another process is writing (a build in progress), after waiting
        up to `wait` seconds for it to finish; a writer marks the store (`what` names the command).
        """
        path = Path(directory) / STORE_DIRNAME
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no store in {path}; build one first with `kg build INPUT... -o {directory}`")
            wait_for_writer(directory, wait=wait)
            try:
                store = ox.Store.read_only(str(path))
            except OSError as e:
                raise StoreError(f"cannot open the store {path} read-only: {e}; is it a geokg build directory?") from e
        else:
            served = serving_pid(directory)
            if served is not None:
                # Oxigraph documents a writer next to a read-only server as undefined behaviour
                raise StoreError(
                    f"the store {path} is being served by `kg serve` (process {served[0]}, {served[1]}); "
                    "stop the server first (Ctrl-C), then build or remove, then serve again"
                )
            try:
                path.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(path))
            except OSError as e:
                if "lock" in str(e).lower():
                    raise StoreError(
                        f"the store {path} is in use by another process (a running `kg build` or `kg remove`?); "
                        "wait for it to finish, or stop it, then retry"
                    ) from e
                raise StoreError(f"cannot open the store {path}: {e}") from e
            try:
                mark = mark_writing(directory, what)
            except OSError as e:
                del store  # releases the lock
                raise StoreError(f"cannot write {Path(directory) / WRITING_MARK}: {describe_os_error(e)}") from e
            opened = cls(store, path, read_only=read_only, base=base)
            opened._mark = mark
            return opened
        return cls(store, path, read_only=read_only, base=base)

    def close(self) -> None:
        """Write what waits, flush and release the store (and its lock). Safe to call twice."""
        if self._store is None:
            return
        try:
            if not self.read_only:
                self.write_waiting()
                try:
                    self._store.flush()
                except OSError as e:
                    raise StoreError(f"cannot flush the store {self.path}: {_os_reason(e)}") from e
        finally:
            self._store = None
            if self._mark is not None:
                self._mark.unlink(missing_ok=True)
                self._mark = None
        if self.lost:
            lost, self.lost = self.lost, {}
            raise BatchWriteError(
                f"{len(lost)} article graph(s) could not be written to {self.path}: "
                + "; ".join(f"{iri}: {reason}" for iri, reason in sorted(lost.items())[:5]),
                failed=lost,
            )

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph Store (for read access the wrapper does not offer).

        Article graphs still waiting to be written are written first, so reads see every change.
        """
        if self._store is None:
            raise StoreError(f"the store {self.path} is closed; open it again with GraphStore.open()")
        if self._waiting:
            self.write_waiting()
        return self._store

    def write_waiting(self) -> None:
        """Write the new article graphs waiting in memory, in one bulk load (see BATCH_ARTICLES).

        When the bulk load fails (a full disk, an I/O error), it has written nothing (all or
        nothing), and each article is then tried on its own, one transaction each. Articles that
        still cannot be written are recorded in `lost` (graph IRI -> reason): the caller takes
        them with `take_lost()`; `close()` raises a `BatchWriteError` for any left untaken.
        """
        if not self._waiting or self._store is None:
            return
        waiting, self._waiting, self._waiting_quads = self._waiting, {}, 0
        default = ox.DefaultGraph()
        merged = dict.fromkeys(t for triples in waiting.values() for t in triples)  # entity labels repeat
        quads = [ox.Quad(*t, g) for g, triples in waiting.items() for t in triples]
        quads += [ox.Quad(*t, default) for t in merged]
        try:
            self._store.bulk_extend(quads)
            return
        except (OSError, ValueError):
            pass  # nothing of the batch was written: retry article by article
        for graph, triples in waiting.items():
            one = [ox.Quad(*t, graph) for t in triples] + [ox.Quad(*t, default) for t in triples]
            try:
                self._store.extend(one)  # one transaction: the article is wholly in, or not at all
            except (OSError, ValueError) as e:
                self.lost[graph.value] = _os_reason(e)
            else:
                self.lost.pop(graph.value, None)

    def take_lost(self) -> dict[str, str]:
        """Article graphs that could not be written (IRI -> reason) since the last call; see `write_waiting`."""
        self.write_waiting()
        lost, self.lost = self.lost, {}
        return lost

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only; open it with read_only=False to change it")
        if self._store is None:
            raise StoreError(f"the store {self.path} is closed; open it again with GraphStore.open()")
        return self._store  # not `raw`: a write does not wait for the batch unless it has to

    # ------------------------------------------------------------------ naming
    @property
    def base(self) -> str:
        """The resource namespace: given at open, else inferred from the article graph names."""
        if self._base is None:
            self._base = DEFAULT_BASE
            for graph in self.raw.named_graphs():
                name = getattr(graph, "value", "")
                base = iri.base_of(name)
                if base is not None:
                    self._base = base
                    if "/" + iri.ARTICLE_PATH in name:
                        break
        return self._base

    @property
    def entities_graph(self) -> str:
        """IRI of the named graph holding entity descriptions."""
        return iri.entities_graph_iri(base=self.base)

    def article_iri(self, article_id: str) -> str:
        return iri.article_iri(article_id, base=self.base)

    @staticmethod
    def _node(iri: str) -> ox.NamedNode:
        try:
            return ox.NamedNode(iri)
        except ValueError as e:
            raise StoreError(f"{iri!r} is not a valid IRI: {e}") from e

    # ------------------------------------------------------------------ writes
    def _replace_graph(self, graph_iri: str, data: rdflib.Graph | Iterable[Any]) -> None:
        """Replace one named graph and keep the merged default graph in step, in one transaction
        (a new article graph: in the next batch, see BATCH_ARTICLES).

        Only the difference is written: an unchanged graph costs a read and no write, so
        rebuilding the same inputs leaves the store untouched.
        """
        store = self._writable()
        node = self._node(graph_iri)
        g = str(node)
        new = list(dict.fromkeys(_triples(data)))
        if node in self._waiting:
            self.write_waiting()  # the same graph twice in one batch: the second one replaces the first
        old = [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, node)]
        if self.BATCH_ARTICLES > 1 and new and not old and not any(isinstance(t, ox.BlankNode) for triple in new for t in triple):
            # a new graph: it waits for the next bulk load, with its share of the merged default graph
            self._waiting[node] = new
            self._waiting_quads += len(new)
            if len(self._waiting) >= self.BATCH_ARTICLES or self._waiting_quads >= self.BATCH_QUADS:
                self.write_waiting()
            return
        self.write_waiting()
        if any(isinstance(t, ox.BlankNode) for triple in (*new, *old) for t in triple):
            # Blank nodes cannot be matched across updates by label: replace the graph wholesale.
            parts = [
                f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != {g}) }} }}",
                f"DROP SILENT GRAPH {g}",
            ]
            if new:
                body = _body(new)
                parts.append(f"INSERT DATA {{\n{body}\nGRAPH {g} {{\n{body}\n}} }}")
            self._update(" ;\n".join(parts), graph_iri)
            return
        old_set, new_set = set(old), set(new)
        removed = [t for t in old if t not in new_set]
        added = [t for t in new if t not in old_set]
        if not removed and not added:
            if not new and store.contains_named_graph(node):
                self._update(f"DROP SILENT GRAPH {g}", graph_iri)
            return
        # a removed triple leaves the merge only if no other named graph still holds it
        orphans = [t for t in removed if not any(
            isinstance(q.graph_name, ox.NamedNode) and q.graph_name != node
            for q in store.quads_for_pattern(t[0], t[1], t[2], None)
        )]  # fmt: skip
        if added and not removed:
            # the common case (a new article): one transactional extend, no SPARQL text to parse
            default = ox.DefaultGraph()
            quads = [ox.Quad(*t, node) for t in added] + [ox.Quad(*t, default) for t in added]
            try:
                store.extend(quads)
            except (OSError, ValueError) as e:
                raise StoreError(f"cannot write graph {graph_iri} to {self.path}: {_os_reason(e)}") from e
            return
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{\n{_body(orphans)}\nGRAPH {g} {{\n{_body(removed)}\n}} }}")
        if added:
            parts.append(f"INSERT DATA {{\n{_body(added)}\nGRAPH {g} {{\n{_body(added)}\n}} }}")
        if not new:
            parts.append(f"DROP SILENT GRAPH {g}")
        # The single writer holds the store's lock, so what was read above is still current.
        self._update(" ;\n".join(parts), graph_iri)

    def _update(self, sparql: str, graph_iri: str) -> None:
        try:
            self._writable().update(sparql)
        except (SyntaxError, OSError, ValueError) as e:
            raise StoreError(f"cannot write graph {graph_iri} to {self.path}: {_os_reason(e)}") from e

    def replace_article(self, article_iri: str, data: rdflib.Graph | Iterable[Any]) -> None:
        """Make `data` the whole content of the article's named graph (atomic; idempotent).

        `data` is an rdflib Graph (or any iterable of rdflib/pyoxigraph triples).
        """
        self._replace_graph(article_iri, data)
        self._unflushed += 1
        if self._unflushed >= self.FLUSH_EVERY:
            self._unflushed = 0
            try:
                self._writable().flush()
            except OSError as e:
                raise StoreError(f"cannot flush the store {self.path}: {_os_reason(e)}") from e

    def remove_article(self, article_iri: str) -> bool:
        """Drop the article's named graph and what only it supported; False if it was absent.

        Entity descriptions are not touched: call `prune_entities()` or `set_entities()` after.
        """
        if not self.has_article(article_iri):
            return False
        self._replace_graph(article_iri, ())
        return True

    def set_entities(self, data: rdflib.Graph | Iterable[Any]) -> None:
        """Replace the entities graph `<base>graph/entities` (atomic)."""
        self._replace_graph(self.entities_graph, data)

    def prune_entities(self) -> int:
        """Keep only entity descriptions whose subject an article still mentions; returns triples dropped.

        This is what `kg remove` does without the gazetteer; a build recomputes the graph instead.
        """
        graph = self._node(self.entities_graph)
        current = [(q.subject, q.predicate, q.object) for q in self.raw.quads_for_pattern(None, None, None, graph)]
        mentioned = self.mentioned_entities()
        kept = [t for t in current if getattr(t[0], "value", None) in mentioned]
        if len(kept) != len(current):
            self._replace_graph(self.entities_graph, kept)
        return len(current) - len(kept)

    # ------------------------------------------------------------------ reads
    def has_article(self, article_iri: str) -> bool:
        return self.raw.contains_named_graph(self._node(article_iri))

    def article_hash(self, article_iri: str) -> str | None:
        """The geo:contentHash stored for the article, or None if the article is absent."""
        node = self._node(article_iri)
        for quad in self.raw.quads_for_pattern(node, ox.NamedNode(iri.geo("contentHash")), None, node):
            return getattr(quad.object, "value", None)
        return None

    def articles(self) -> list[ArticleInfo]:
        """Every article in the store, sorted by IRI."""
        rows = self._select(
            """SELECT ?g ?file ?url ?title ?hash WHERE { GRAPH ?g {
                 ?g a geo:Article .
                 OPTIONAL { ?g geo:fileName ?file } OPTIONAL { ?g geo:url ?url }
                 OPTIONAL { ?g geo:title ?title } OPTIONAL { ?g geo:contentHash ?hash } } }
               ORDER BY ?g ?file ?url ?title"""
        )
        seen: dict[str, ArticleInfo] = {}
        for g, file, url, title, digest in rows:
            if g is not None and g not in seen:
                seen[g] = ArticleInfo(g, file, url, title, digest)
        return list(seen.values())

    def find_articles(self, ref: str) -> list[str]:
        """IRIs of the articles `ref` names: an IRI, an id (or an id prefix of 6+ characters), a url or a file name."""
        ref = ref.strip()
        found = []
        for info in self.articles():
            if ref in (info.iri, info.id, info.url) or _same_file(ref, info.file_name):
                found.append(info.iri)
            elif len(ref) >= 6 and info.id.startswith(ref):
                found.append(info.iri)
        return found

    def graph_names(self) -> list[str]:
        """Names of all named graphs (articles and entities), sorted."""
        return sorted(g.value for g in self.raw.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, graph_iri: str) -> list[ox.Triple]:
        """The triples of one named graph."""
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self.raw.quads_for_pattern(None, None, None, self._node(graph_iri))
        ]

    def mentioned_entities(self) -> set[str]:
        """IRIs under the base used as subject or object in article graphs (articles and statements excluded)."""
        # Two plain scans, subjects then IRI objects, filtered here: one query with a UNION and the
        # string filters in SPARQL took 4 times as long (3.6 s against 0.9 s on 1,000 articles).
        # The graph name goes in as a serialised (validated, escaped) term, never as raw text.
        # Rows are filtered as they come, never all held: statements are most of the subjects, and
        # the parts of a long file have hundreds of thousands of them (issue 15).
        ent = self._node(self.entities_graph)
        base = self.base
        found: set[str] = set()
        for sparql in (
            f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x ?p ?o }} FILTER(?g != {ent}) }}",
            f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?s ?p ?x }} FILTER(?g != {ent} && isIRI(?x)) }}",
        ):
            for solution in self.query(sparql):
                x = _value(solution[0])
                if x is not None and iri.entity_key(x, base=base) is not None:
                    found.add(x)
        return found

    def count(self) -> int:
        """Number of distinct triples in the union of all graphs (what graph.ttl holds)."""
        # counted by the store (iterating the quads in Python made a Python object per quad)
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0][0] or 0)

    def quad_count(self) -> int:
        """Number of quads in the named graphs (a triple shared by two articles counts twice)."""
        return sum(1 for g in self.raw.named_graphs() for _ in self.raw.quads_for_pattern(None, None, None, g))

    def query(self, sparql: str, *, substitutions: dict[ox.Variable, Any] | None = None) -> Any:
        """Run a SPARQL query over the union of all graphs; returns pyoxigraph's result object.

        `geo:`, `id:`, `rdf:`, `rdfs:`, `owl:`, `skos:`, `prov:`, `xsd:` are predeclared.
        `substitutions` binds variables to terms (never pasted into the text).
        """
        try:
            return self.raw.query(sparql, prefixes=prefixes(self.base), substitutions=substitutions)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except (OSError, ValueError, TypeError, RuntimeError) as e:
            raise QueryError(f"the query failed: {e}") from e

    def _select(self, sparql: str, **kwargs: Any) -> list[tuple[str | None, ...]]:
        result = self.query(sparql, **kwargs)
        names = [v.value for v in result.variables]
        return [tuple(_value(sol[name]) for name in names) for sol in result]

    # ------------------------------------------------------------------ dumps
    def dump(self, path: str | os.PathLike[str], format: str | None = None) -> None:  # noqa: A002
        """Write the store to `path` atomically; the format is guessed from the extension if not given.

        ttl, nt, jsonld: the union of all graphs as one graph (the merged default graph).
        trig, nq: one named graph per article plus the entities graph.
        pyoxigraph 0.5 writes all five formats itself; its JSON-LD is expanded, and goes out as the
        `@graph` of a document with an `@context` of the prefixes above.
        """
        name, fmt = rdf_format(format or Path(path).suffix or "")
        data = self.raw
        with atomic_open(path) as handle:
            try:
                if name in DATASET_FORMATS:
                    ox.serialize(self._named_quads(), handle, fmt, prefixes=prefixes(self.base))
                elif name == "nt":
                    data.dump(handle, fmt, from_graph=ox.DefaultGraph())
                elif name == "jsonld":
                    # pyoxigraph writes expanded JSON-LD (full IRIs, no @context): wrapped as the @graph
                    # of a document whose @context declares the usual prefixes, for readers and tools
                    # that expect one; the data is unchanged (full IRIs stay valid under a context)
                    context = json.dumps({"@context": prefixes(self.base)}, indent=1)
                    handle.write(context[:-1].rstrip().encode("utf-8") + b',\n "@graph": ')
                    data.dump(handle, fmt, from_graph=ox.DefaultGraph())
                    handle.write(b"\n}\n")
                else:
                    data.dump(handle, fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes(self.base))
            except (OSError, ValueError) as e:
                raise StoreError(f"cannot write {path}: {_os_reason(e)}") from e

    def serialize_graph(self, graph_iri: str, format: str = "nt") -> bytes:  # noqa: A002
        """One named graph as bytes (N-Triples by default, Turtle with `format="ttl"`)."""
        name, fmt = rdf_format(format)
        if name in DATASET_FORMATS:
            raise StoreError(f"serialize_graph writes one graph; use ttl, nt or jsonld, not {name}")
        pfx = None if name == "nt" else prefixes(self.base)
        data = ox.serialize(self.graph_triples(graph_iri), None, fmt, prefixes=pfx)
        return data or b""

    def _named_quads(self) -> Iterator[ox.Quad]:
        for name in self.graph_names():
            yield from self.raw.quads_for_pattern(None, None, None, ox.NamedNode(name))


def _body(triples: Iterable[tuple[Any, Any, Any]]) -> str:
    # pyoxigraph terms print as N-Triples terms, escaped; N-Triples lines are valid SPARQL data
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


def _value(term: Any) -> str | None:
    return None if term is None else term.value


def _same_file(ref: str, file_name: str | None) -> bool:
    if not file_name:
        return False
    if ref == file_name or os.path.normpath(ref) == os.path.normpath(file_name):
        return True
    # a bare name matches the stored path's last component
    return "/" not in ref and os.sep not in ref and Path(file_name).name == ref


def remove_articles(directory: str | os.PathLike[str], refs: Iterable[str]) -> list[str]:
    """Retract the articles `refs` name (id, IRI, url or file name) from the store of `directory`.

    Each article's named graph goes, with the triples only it supported, then the entity
    descriptions no remaining article mentions. Returns the IRIs removed. A ref that names no
    article, or several, is a StoreError and nothing is removed.
    """
    with GraphStore.open(directory, what="kg remove") as store:
        targets: list[str] = []
        for ref in refs:
            found = store.find_articles(ref)
            if not found:
                raise StoreError(
                    f"no article matches {ref!r} in {store.path}; give an article id, IRI, url or file name "
                    f"(list them with: kg query {directory} --name articles)"
                )
            if len(found) > 1:
                raise StoreError(f"{ref!r} matches {len(found)} articles ({', '.join(found)}); give one of these IRIs")
            targets.extend(t for t in found if t not in targets)
        for iri in targets:
            store.remove_article(iri)
        if targets:
            store.prune_entities()
    return targets
