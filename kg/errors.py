"""Errors people can act on: each message says what was wrong and how to fix it."""

from __future__ import annotations

import os


class KGError(Exception):
    """Base class of every error geokg raises on purpose."""


class VocabularyError(KGError):
    """A term that is not in the ontology."""


class InputError(KGError):
    """An input that cannot be read as an article (names the file and the reason)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DataFileError(KGError):
    """A file geokg loads (the ontology, a canned query, a view asset, an RDF file) that is missing
    or malformed; the message names the file, and the line when it is known."""

    def __init__(self, path: str | os.PathLike[str], reason: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason


class LanguageError(KGError):
    """A language geokg has no pipeline for."""


class ModelError(KGError):
    """A spaCy model that is not installed."""


class StoreError(KGError):
    """The on-disk store cannot be opened or written."""


class QueryError(KGError):
    """A SPARQL query that cannot be parsed or run."""


class QueryFileError(DataFileError, QueryError):
    """A canned query file (`kg/data/queries/*.rq`) that cannot be read or parsed."""


class RemoteError(KGError):
    """A remote triple store that is down, refuses, or answers an error."""
