"""`kg build --jobs N`: extraction in N worker processes, results in input order.

Each worker loads the spaCy pipelines once (in its initializer); the parent only reads
articles and writes the store. At most `2 * jobs` chunks are in flight, so memory stays
flat whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from kg.errors import KGError
from kg.settings import Settings
from kg.types import Article, Extraction

# Articles per task: at most this many (or `batch_size` if smaller). Small tasks keep the workers
# evenly busy to the end of a corpus (with 16-article tasks one worker finished a 200-article build
# about a task's time, 1.5 s, before the other); each worker still parses its task with nlp.pipe.
MAX_CHUNK = 8

_EXTRACTOR = None  # the worker process's Extractor, set by `_init`
_INIT_ERROR: KGError | None = None  # raised by the first task: a failing initializer breaks the pool unreadably


def chunk_size(settings: Settings) -> int:
    """Articles per task sent to a worker process or a Dask worker."""
    return max(1, min(settings.batch_size, MAX_CHUNK))


def _init(settings: Settings) -> None:
    """Worker initializer: one Extractor per process (pipelines load on the first chunk)."""
    global _EXTRACTOR, _INIT_ERROR
    from kg.extract import Extractor

    try:
        _EXTRACTOR = Extractor(settings)
    except KGError as e:
        _INIT_ERROR = e


def _work(chunk: list[Article]) -> list[Extraction]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    if _EXTRACTOR is None:
        raise KGError("internal error: extraction worker started without its initializer")
    return list(_EXTRACTOR.pipe(chunk))


def parallel_extract(
    articles: Iterable[Article], settings: Settings, *, jobs: int, meanwhile: Callable[[], object] | None = None
) -> Iterator[Extraction]:
    """Extractions of `articles` in input order, computed by `jobs` worker processes.

    `meanwhile` runs once in this process after the first tasks are sent, while the workers load
    their models (the build loads its gazetteer there instead of after the last article).
    """
    it = iter(articles)
    size = chunk_size(settings)
    ctx = mp.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(settings,))
    pending: deque[Future[list[Extraction]]] = deque()
    try:
        while True:
            while len(pending) < 2 * jobs and (chunk := list(islice(it, size))):
                pending.append(pool.submit(_work, chunk))
            if not pending:
                break
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            try:
                results = pending.popleft().result()
            except BrokenProcessPool as e:
                raise KGError(
                    f"a worker process died during extraction ({e}); this is usually memory: "
                    "retry with fewer --jobs or a smaller --batch-size"
                ) from e
            yield from results
    finally:
        # On an early stop (error, Ctrl-C, consumer closed the stream) do not wait for the
        # chunks still queued.
        pool.shutdown(wait=True, cancel_futures=True)
