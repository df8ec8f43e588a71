"""SHACL validation of the graphs geokg writes, against ontology/shapes.ttl.

Runs pyshacl with RDFS inference and the ontology as `ont_graph`, so data graphs need only
carry the most specific rdf:type of each node (geo:Country, not also geo:Actor). pyshacl works
on rdflib graphs: this module is where geokg still parses RDF with rdflib (files only; no term
is converted).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import SH

from kg import ontology_dir
from kg.errors import DataFileError


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str  # pyshacl's human-readable report
    results: tuple[str, ...] = ()  # one line per violation: "<focus node> <path>: <message>"


def parse(path: str | os.PathLike[str], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Parse an RDF file with rdflib (format from the extension) into `graph` (a new Dataset whose
    default graph is the union of all graphs when None); a DataFileError names the file (and line)."""
    path = Path(path)
    fmt = rdflib.util.guess_format(str(path))
    if fmt is None:
        raise DataFileError(path, "unknown RDF format; use .ttl, .nt, .trig, .nq, .rdf or .jsonld")
    target = rdflib.Dataset(default_union=True) if graph is None else graph
    try:
        target.parse(path, format=fmt)
    except OSError as e:
        raise DataFileError(path, f"cannot read: {e.strerror or e}") from e
    except Exception as e:  # rdflib's parsers raise many types (BadSyntax, AssertionError, ValueError...)
        lines = getattr(e, "lines", None)  # rdflib's BadSyntax counts lines from 0
        raise DataFileError(path, f"not valid {fmt}: {e}", line=lines + 1 if isinstance(lines, int) else None) from e
    return target


@lru_cache(maxsize=1)
def _graphs() -> tuple[rdflib.Graph, rdflib.Graph]:
    """The parsed ontology and shapes (parsed once; never mutated)."""
    folder = ontology_dir()
    return parse(folder / "geopolitics.ttl", rdflib.Graph()), parse(folder / "shapes.ttl", rdflib.Graph())


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
