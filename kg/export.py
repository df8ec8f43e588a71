"""`kg export`: the store of a build directory as ttl, nt, trig, nq, jsonld, graphml or gexf.

RDF formats come straight from the store (`GraphStore.dump`, atomic). The network formats go
through `kg.network.write_network` on the union graph.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import KGError, StoreError
from kg.store import FORMATS as RDF_FORMATS
from kg.store import GraphStore

NETWORK_FORMATS = ("graphml", "gexf")
EXPORT_FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS)


def export(directory: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str], *, lang: str = "en", wait: float = 0) -> Path:
    """Write the graph of build `directory` to `out` in `fmt`; returns the path written.

    ttl, nt, jsonld: the union of all graphs; trig, nq: one named graph per article plus the
    entities graph; graphml, gexf: the entity network (labels in `lang`). A build in progress
    in `directory` is refused, after waiting up to `wait` seconds for it to finish.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of: {', '.join(EXPORT_FORMATS)}")
    target = Path(out)
    with GraphStore.open(directory, read_only=True, wait=wait) as store:
        if fmt in RDF_FORMATS:
            store.dump(target, fmt)
            return target
        data = store.raw.dump(format=RDF_FORMATS["nt"], from_graph=ox.DefaultGraph())
    try:
        from kg.network import write_network
    except ImportError as e:  # the network module ships with geokg; this guards a partial install
        raise KGError(f"the {fmt} export needs kg.network, which failed to import: {e}") from e
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    return Path(write_network(graph, fmt, target, lang=lang))
