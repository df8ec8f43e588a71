"""`kg build --jobs N`: extraction in N worker processes, results in input order.

Each worker loads the spaCy pipelines once (in its initializer); the parent only reads
articles and writes the store. At most `2 * jobs` chunks are in flight, so memory stays
flat whatever the corpus size.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from kg.settings import Settings
from kg.types import Article, Extraction

_EXTRACTOR = None


def _init(settings: Settings) -> None:
    global _EXTRACTOR
    from kg.extract import Extractor

    _EXTRACTOR = Extractor(settings)


def _work(chunk: list[Article]) -> list[Extraction]:
    assert _EXTRACTOR is not None  # noqa: S101 - set by the initializer
    return list(_EXTRACTOR.pipe(chunk))


def parallel_extract(articles: Iterable[Article], settings: Settings, *, jobs: int) -> Iterator[Extraction]:
    it = iter(articles)
    size = max(1, settings.batch_size)
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init, initargs=(settings,)) as pool:
        pending: deque[Future[list[Extraction]]] = deque()
        while True:
            while len(pending) < 2 * jobs and (chunk := list(islice(it, size))):
                pending.append(pool.submit(_work, chunk))
            if not pending:
                break
            yield from pending.popleft().result()
