"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from kg.extract import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor for the session: the spaCy models load once."""
    return Extractor()
