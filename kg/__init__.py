"""geokg: a knowledge-graph builder for geopolitical news (French first, English second)."""

from __future__ import annotations

from pathlib import Path


def ontology_dir() -> Path:
    """The folder holding geopolitics.ttl and shapes.ttl (inside the wheel, else the source tree)."""
    packaged = Path(__file__).parent / "ontology"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "ontology"
