"""Progress of long builds on stderr (rich); silent under --quiet or when stderr is not a terminal."""

from __future__ import annotations

import sys
import time
from typing import Any


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """`n` and the noun, plural when n != 1.

    >>> plural(1, "article"), plural(3, "article"), plural(0, "entity", "entities")
    ('1 article', '3 articles', '0 entities')
    """
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


class Progress:
    """Counts articles done and skipped, shows the rate; a context manager."""

    def __init__(self, *, quiet: bool = False, total: int | None = None) -> None:
        self.quiet = quiet
        self.total = total
        self.done = 0
        self.skipped = 0
        self.started = time.monotonic()
        self._bar: Any = None  # rich TaskID once the bar is shown
        self._rich: Any = None

    def __enter__(self) -> Progress:
        if not self.quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._rich = RichProgress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                transient=True,
                console=Console(stderr=True),  # rich defaults to stdout, which scripts may be reading
            )
            self._rich.__enter__()
            self._bar = self._rich.add_task("build", total=self.total, rate="")
        return self

    def update(self, event: str, n: int = 1) -> None:
        """The build's progress callback: ("total", expected articles or 0), ("article", n), ("skip", n)."""
        if event == "total":
            self.total = n or None
            if self._bar is not None:
                self._rich.update(self._bar, total=self.total)
            return
        if event == "article":
            self.done += n
        elif event == "skip":
            self.skipped += n
        if self._bar is not None:
            elapsed = max(time.monotonic() - self.started, 1e-6)
            self._rich.update(self._bar, completed=self.done, rate=f"{self.done / elapsed:.1f} articles/s, {self.skipped} skipped")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._rich.__exit__(None, None, None)
