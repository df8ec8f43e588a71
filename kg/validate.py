"""SHACL validation of the graphs geokg writes, against ontology/shapes.ttl.

Runs pyshacl with RDFS inference and the ontology as `ont_graph`, so data graphs need only
carry the most specific rdf:type of each node (geo:Country, not also geo:Actor).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg import ontology_dir


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str  # pyshacl's human-readable report
    results: tuple[str, ...] = ()  # one line per violation: "<focus node> <path>: <message>"


@lru_cache(maxsize=1)
def _graphs() -> tuple[rdflib.Graph, rdflib.Graph]:
    """The parsed ontology and shapes (parsed once; never mutated)."""
    folder = ontology_dir()
    ontology = rdflib.Graph().parse(folder / "geopolitics.ttl", format="turtle")
    shapes = rdflib.Graph().parse(folder / "shapes.ttl", format="turtle")
    return ontology, shapes


def validate(data_graph: rdflib.Graph) -> ValidationReport:
    """Check `data_graph` against the shapes; the graph itself is not modified."""
    ontology, shapes = _graphs()
    conforms, report, text = shacl_validate(
        data_graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="rdfs",
        abort_on_first=False,
        allow_warnings=False,
    )
    results = sorted(_describe(report, r) for r in report.subjects(rdflib.RDF.type, SH.ValidationResult))
    return ValidationReport(conforms=bool(conforms), text=str(text), results=tuple(results))


def _describe(report: rdflib.Graph, result: rdflib.term.Node) -> str:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
    where = f"{focus} {path}" if isinstance(path, rdflib.URIRef) else f"{focus}"
    return f"{where}: {message}"
