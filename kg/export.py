"""`kg export`: the store of a build directory as ttl, nt, trig, nq, jsonld, graphml or gexf.

RDF formats come straight from the store (`GraphStore.dump`, atomic). The network formats go
through `kg.network.write_network`, which reads the store's union graph directly.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreError
from kg.store import FORMATS as RDF_FORMATS
from kg.store import GraphStore

NETWORK_FORMATS = ("graphml", "gexf")  # kg.network.NETWORK_FORMATS, without importing networkx to list them
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
        from kg.network import write_network

        return write_network(store.raw, fmt, target, lang=lang)
