"""`kg build --engine dask`: extraction mapped over a Dask cluster, results in input order.

The work unit is a chunk of articles (`kg.parallel.chunk_size`: at most 8) and the task is a pure
function, `extract_chunk(chunk, settings) -> list[Extraction]`: everything it returns is
plain, picklable data, so only articles and extractions travel over the network. Each worker
builds one `Extractor` (spaCy pipelines, gazetteer) the first time it sees a settings object
and reuses it for every later chunk. The driver keeps at most `2 * workers` chunks in flight
(a sliding window), yields their results in input order, and writes the store itself, so the
graph is isomorphic to `--jobs 1` and the driver's memory stays flat.

Without a scheduler address a `LocalCluster` is started on 127.0.0.1 (one single-threaded
worker process per job) and closed at the end. With an address (`tcp://host:8786`), the
workers must have geokg installed (`pip install 'geokg[dask]'`, same version as the driver);
start them with one thread each (`dask worker tcp://host:8786 --nthreads 1`): spaCy is bound
by the GIL, so threads add memory, not speed.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from kg.errors import KGError
from kg.parallel import chunk_size
from kg.settings import Settings
from kg.types import Article, Extraction

CONNECT_TIMEOUT = "10s"  # how long to wait for a --scheduler before giving up

# Worker side: one Extractor per settings object, built on first use (the spaCy pipelines
# load once per worker process, not once per task). Settings holds a dict, so the cache is
# keyed by its repr, which is a pure function of its fields.
_EXTRACTORS: dict[str, Any] = {}
_LOCK = threading.Lock()


def extract_chunk(chunk: list[Article], settings: Settings) -> list[Extraction]:
    """The task run on a worker: a chunk of articles -> their extractions, in order."""
    key = repr(settings)
    # One lock for building and running: a worker started with several threads shares one
    # spaCy pipeline, which is not documented as thread-safe.
    with _LOCK:
        extractor = _EXTRACTORS.get(key)
        if extractor is None:
            from kg.extract import Extractor

            extractor = _EXTRACTORS[key] = Extractor(settings)
        return list(extractor.pipe(chunk))


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise KGError(
            "the Dask engine needs dask.distributed, which is not installed: "
            "run `pip install 'geokg[dask]'`, or build without --engine dask (use --jobs N)"
        ) from e
    return distributed


def _connect(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """(client, cluster or None): a client on `scheduler`, or on a new local cluster."""
    distributed = _import_distributed()
    if scheduler is None:
        if workers < 1:
            raise KGError(f"--jobs must be at least 1 with --engine dask (got {workers})")
        try:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        except (OSError, RuntimeError) as e:
            raise KGError(f"could not start a local Dask cluster of {workers} worker(s): {e}") from e
        try:
            return distributed.Client(cluster), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as e:
        raise KGError(
            f"cannot reach the Dask scheduler at {scheduler!r} ({e}); check the address "
            "(e.g. tcp://10.0.0.5:8786) and that `dask scheduler` is running there, "
            "or omit --scheduler to start a local cluster"
        ) from e
    return client, None


def dask_extract(
    articles: Iterable[Article],
    settings: Settings,
    *,
    scheduler: str | None,
    workers: int = 2,
) -> Iterator[Extraction]:
    """Extractions of `articles` in input order, computed on a Dask cluster.

    `scheduler` is the address of a running scheduler, or None to start a local cluster of
    `workers` processes on 127.0.0.1. The client (and the local cluster) are closed when the
    iterator is exhausted or closed.
    """
    client, cluster = _connect(scheduler, workers)
    pending: deque[Any] = deque()
    try:
        n_workers = len(client.scheduler_info().get("workers", {})) or workers
        window = 2 * max(1, n_workers)
        size = chunk_size(settings)
        it = iter(articles)
        while True:
            while len(pending) < window and (chunk := list(islice(it, size))):
                # pure=False: no hashing of the articles to build a key; every chunk is new work.
                pending.append(client.submit(extract_chunk, chunk, settings, pure=False))
            if not pending:
                break
            future = pending.popleft()
            try:
                results = future.result()
            except OSError as e:  # the scheduler or a worker went away mid-build
                raise KGError(f"the Dask cluster failed during the build: {e}") from e
            finally:
                future.release()
            yield from results
    finally:
        for future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()
