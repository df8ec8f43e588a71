"""The RDF graph as a network: entities are nodes, relations are edges (networkx).

`to_networkx` reads the union graph in the shape of docs/ARCHITECTURE.md: typed,
labelled entities; direct triples `s geo:p o` for facts; a `geo:Statement` per
extracted relation, whatever its modality. Every (subject, property, object)
that has a direct triple or at least one statement becomes one edge, carrying
all its supporting statements, so hedged and negated relations (which never get
a direct triple) are still drawn, flagged `hedged_only` / `negated_only`.
Negated-only edges are kept here; the HTML view hides them until the analyst
ticks the "Negated" modality.

`write_network` flattens the attributes to scalars for GraphML / GEXF (Gephi).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg import iri
from kg.errors import KGError
from kg.rdf import (
    OWL_SAME_AS,
    PROV_WAS_DERIVED_FROM,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT_LABEL,
    Subject,
    Term,
    as_store,
    geo,
    node,
)
from kg.vocab import CLASSES, EXTRA_SUPERCLASSES, FACTUAL_MODALITIES, RELATIONS

NON_ENTITY_CLASSES = ("Article", "Statement")
NETWORK_FORMATS = ("graphml", "gexf")
# Preference among classes of the same depth (a Country is also a Place: it stays a Country).
_CLASS_ORDER = tuple(CLASSES)


def _depth(name: str) -> int:
    depth, parent = 0, CLASSES.get(name)
    while parent is not None:
        depth, parent = depth + 1, CLASSES.get(parent)
    return depth


def most_specific_class(names: Iterable[str]) -> str | None:
    """The deepest ontology class among `names` (ties: the order of vocab.CLASSES).

    >>> most_specific_class(["Actor", "Place", "Country"])
    'Country'
    >>> most_specific_class(["Organization", "ArmedGroup"])
    'ArmedGroup'
    >>> most_specific_class([]) is None
    True
    """
    known = [n for n in set(names) if n in CLASSES and n not in NON_ENTITY_CLASSES]
    # a class that is a declared superclass of another one present is never the answer
    supers = {p for n in known for p in EXTRA_SUPERCLASSES.get(n, ())}
    known = [n for n in known if n not in supers] or known
    if not known:
        return None
    return sorted(known, key=lambda n: (-_depth(n), _CLASS_ORDER.index(n)))[0]


class Graph:
    """Read access to the default graph of a pyoxigraph Store (the union of all graphs of a build,
    or of `kg.rdf.as_store`'s result), in the few shapes `to_networkx` and the view need.

    `kg build` draws `graph.html` from its store this way instead of parsing `graph.ttl` back:
    at 1,000 articles that parse took longer than every export together.
    """

    def __init__(self, data: Any) -> None:
        self.store = as_store(data)

    # the yields below ignore RDF-star quoted triples, which pyoxigraph's types allow and geokg never writes
    def _quads(self, s: Subject | None, p: ox.NamedNode | None, o: Term | None) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(s, p, o, ox.DefaultGraph())

    def subject_objects(self, p: ox.NamedNode) -> Iterator[tuple[Term, Term]]:
        for q in self._quads(None, p, None):
            yield q.subject, q.object  # type: ignore[misc]

    def subjects(self, p: ox.NamedNode, o: Term) -> Iterator[Term]:
        for q in self._quads(None, p, o):
            yield q.subject  # type: ignore[misc]

    def objects(self, s: Subject, p: ox.NamedNode) -> Iterator[Term]:
        for q in self._quads(s, p, None):
            yield q.object  # type: ignore[misc]


def _local(term: Term | None) -> str | None:
    return iri.geo_name(term.value) if isinstance(term, ox.NamedNode) else None


def _text(term: Term) -> str:
    """The IRI, lexical form or blank node id: what terms are sorted by."""
    return term.value


def _pick(literals: Iterable[Term], lang: str) -> str | None:
    """Best literal for `lang`: that language, then English/French, then untagged, then any."""
    values = [lit for lit in literals if isinstance(lit, ox.Literal)]
    if not values:
        return None
    order = [lang, "en", "fr", None]

    def rank(lit: ox.Literal) -> tuple[int, str]:
        tag = lit.language
        return (order.index(tag) if tag in order else len(order), lit.value)

    return sorted(values, key=rank)[0].value


def _fallback_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1] or iri


def _statement_date_bounds(date: str | None) -> tuple[str | None, str | None]:
    """First and last day covered by an xsd:date / gYearMonth / gYear value.

    >>> _statement_date_bounds("2024")
    ('2024-01-01', '2024-12-31')
    >>> _statement_date_bounds("2024-02")
    ('2024-02-01', '2024-02-31')
    >>> _statement_date_bounds(None)
    (None, None)
    """
    if not date:
        return None, None
    parts = date[:10].split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:  # '-31' is fine for comparisons of ISO strings
        return f"{parts[0]}-{parts[1]}-01", f"{parts[0]}-{parts[1]}-31"
    return date[:10], date[:10]


class _Index:
    """Objects of a few properties, subject by subject, read in one scan per property.

    `graph.value(s, p)` per statement costs an index lookup each; at 25,000 statements
    one pass per property is several times faster.
    """

    def __init__(self, g: Graph, props: Iterable[ox.NamedNode]) -> None:
        self.values: dict[Term, dict[ox.NamedNode, list[Term]]] = {}
        for p in props:
            for s, o in g.subject_objects(p):
                self.values.setdefault(s, {}).setdefault(p, []).append(o)

    def all(self, s: Term, p: ox.NamedNode) -> list[Term]:
        return self.values.get(s, {}).get(p, [])

    def one(self, s: Term, p: ox.NamedNode) -> Term | None:
        found = self.all(s, p)
        return min(found, key=_text) if found else None  # deterministic when a value is repeated


# the ontology terms read per statement and article, made once (tens of thousands of lookups)
_GEO = {name: geo(name) for name in ("modality", "evidence", "date", "domain", "location", "attributedTo",
                                     "attributedText", "trigger", "rule", "confidence", "title", "fileName", "url",
                                     "publisher", "Statement")}  # fmt: skip
_STATEMENT_PROPS = (RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT, *(_GEO[n] for n in ("modality", "evidence", "date",
                    "domain", "location", "attributedTo", "attributedText", "trigger", "rule", "confidence")),
                    PROV_WAS_DERIVED_FROM)  # fmt: skip
_ARTICLE_PROPS = tuple(_GEO[n] for n in ("title", "fileName", "url", "date", "publisher"))
_ENTITY_PROPS = (RDF_TYPE, RDFS_LABEL, SKOS_ALT_LABEL, OWL_SAME_AS)


def _article(ix: _Index, article: Term, lang: str) -> dict[str, str | None]:
    return {
        "iri": article.value,
        "title": _pick(ix.all(article, _GEO["title"]), lang),
        "fileName": _pick(ix.all(article, _GEO["fileName"]), lang),
        "url": _pick(ix.all(article, _GEO["url"]), lang),
        "date": _pick(ix.all(article, _GEO["date"]), lang),
        "publisher": _pick(ix.all(article, _GEO["publisher"]), lang),
    }


def _statements(g: Graph, lang: str) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Supporting statements keyed by (subject IRI, property local name, object IRI)."""
    out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    ix = _Index(g, _STATEMENT_PROPS)
    arts = _Index(g, _ARTICLE_PROPS)
    articles: dict[Term, dict[str, str | None]] = {}
    for st in set(g.subjects(RDF_TYPE, _GEO["Statement"])):
        s, p, o = ix.one(st, RDF_SUBJECT), ix.one(st, RDF_PREDICATE), ix.one(st, RDF_OBJECT)
        prop = _local(p)
        if prop not in RELATIONS or not isinstance(s, ox.NamedNode) or not isinstance(o, ox.NamedNode):
            continue
        modality = _local(ix.one(st, _GEO["modality"])) or "Asserted"
        src = ix.one(st, PROV_WAS_DERIVED_FROM)
        article = None
        if src is not None:
            if src not in articles:
                articles[src] = _article(arts, src, lang)
            article = articles[src]
        date = _pick(ix.all(st, _GEO["date"]), lang) or (article or {}).get("date")
        evidence = ix.all(st, _GEO["evidence"])
        evidence_lit = evidence[0] if len(evidence) == 1 else (sorted(evidence, key=_text)[0] if evidence else None)
        location = ix.one(st, _GEO["location"])
        attributed = ix.one(st, _GEO["attributedTo"])
        confidence = ix.one(st, _GEO["confidence"])
        start, end = _statement_date_bounds(date)
        out.setdefault((s.value, prop, o.value), []).append(
            {
                "iri": st.value,
                "modality": modality,
                "evidence": evidence_lit.value if evidence_lit is not None else "",
                "evidence_lang": evidence_lit.language if isinstance(evidence_lit, ox.Literal) else None,
                "date": date,
                "date_start": start,
                "date_end": end,
                "domain": _pick(ix.all(st, _GEO["domain"]), lang),
                "location": location.value if location is not None else None,
                "attributed_to": attributed.value if attributed is not None else None,
                "attributed_text": _pick(ix.all(st, _GEO["attributedText"]), lang),
                "trigger": _pick(ix.all(st, _GEO["trigger"]), lang),
                "rule": _pick(ix.all(st, _GEO["rule"]), lang),
                "confidence": float(confidence.value) if isinstance(confidence, ox.Literal) else None,
                "article": article["iri"] if article else None,
                "article_title": article["title"] if article else None,
                "article_file": article["fileName"] if article else None,
                "article_url": article["url"] if article else None,
            }
        )
    for sts in out.values():
        sts.sort(key=lambda d: (d["date"] or "", d["article"] or "", d["evidence"], d["iri"]))
    return out


def _node_attrs(ix: _Index, subject: ox.NamedNode, lang: str) -> dict[str, Any]:
    types = [t for t in (_local(t) for t in ix.all(subject, RDF_TYPE)) if t]
    same = sorted(o.value for o in ix.all(subject, OWL_SAME_AS) if isinstance(o, ox.NamedNode))
    geonames = next((s for s in same if iri.is_geonames(s)), None)
    wikidata = next((s for s in same if iri.is_wikidata(s)), None)
    alts = sorted({a.value for a in ix.all(subject, SKOS_ALT_LABEL)})
    labels = [lit for lit in ix.all(subject, RDFS_LABEL) if isinstance(lit, ox.Literal)]
    en = min((v.value for v in labels if v.language == "en"), default=None)
    fr = min((v.value for v in labels if v.language == "fr"), default=None)
    label = (fr or en) if lang == "fr" else (en or fr)
    return {
        "type": most_specific_class(types) or "Entity",
        "label": label or _pick(labels, lang) or (alts[0] if alts else _fallback_name(subject.value)),
        "label_en": en,
        "label_fr": fr,
        "alt_labels": alts,
        "geonames": geonames,
        "wikidata": wikidata,
        "same_as": same,
    }


def to_networkx(graph: Any, *, lang: str = "en") -> nx.MultiDiGraph:
    """The entity network of `graph`: one edge per (subject, relation property, object).

    `graph` is a pyoxigraph Store whose default graph is the union of all graphs (a build's
    store, `kg.rdf.load_rdf`'s result), a `Graph` over one, or anything `kg.rdf.as_store` takes
    (an rdflib Graph or Dataset, triples, quads).

    Node attributes: type (most specific geo: class), label (in `lang`), label_en,
    label_fr, alt_labels, geonames, wikidata, same_as, degree.
    Edge key = property local name; attributes: property, family, statements
    (list of dicts: evidence, modality, date, article IRI/title/file...), direct
    (a direct triple exists), articles (distinct supporting articles), weight
    (max(1, articles)), modalities, hedged_only, negated_only.
    """
    g = graph if isinstance(graph, Graph) else Graph(graph)
    net = nx.MultiDiGraph(lang=lang)
    statements = _statements(g, lang)
    direct: set[tuple[str, str, str]] = set()
    for prop in RELATIONS:
        for s, o in g.subject_objects(geo(prop)):
            if isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode):
                direct.add((s.value, prop, o.value))

    ix = _Index(g, _ENTITY_PROPS)
    entities: set[str] = set()
    for subject, props in ix.values.items():
        for type_ in props.get(RDF_TYPE, ()):
            name = _local(type_)
            if isinstance(subject, ox.NamedNode) and name in CLASSES and name not in NON_ENTITY_CLASSES:
                entities.add(subject.value)
    keys = direct | set(statements)
    for s_iri, _, o_iri in keys:
        entities.update((s_iri, o_iri))

    for entity in sorted(entities):
        net.add_node(entity, **_node_attrs(ix, node(entity), lang))

    for key in sorted(keys):
        s_iri, prop, o_iri = key
        sts = statements.get(key, [])
        mods = sorted({st["modality"] for st in sts})
        is_direct = key in direct
        n_articles = len({st["article"] for st in sts if st["article"]})
        factual = is_direct or any(m in FACTUAL_MODALITIES for m in mods)
        net.add_edge(
            s_iri,
            o_iri,
            key=prop,
            property=prop,
            family=RELATIONS[prop].family,
            statements=sts,
            direct=is_direct,
            articles=n_articles,
            weight=max(1, n_articles),
            modalities=mods,
            hedged_only=not factual,
            negated_only=not factual and mods == ["Negated"],
        )
    for n in net.nodes:
        net.nodes[n]["degree"] = net.degree(n)
    return net


def _scalar_network(net: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str / int / float / bool (GraphML and GEXF need scalars)."""
    flat = nx.MultiDiGraph()
    for n, d in net.nodes(data=True):
        flat.add_node(
            n,
            label=d.get("label") or "",
            type=d.get("type") or "",
            label_en=d.get("label_en") or "",
            label_fr=d.get("label_fr") or "",
            alt_labels=" | ".join(d.get("alt_labels", ())),
            geonames=d.get("geonames") or "",
            wikidata=d.get("wikidata") or "",
            degree=int(d.get("degree", 0)),
        )
    for s, o, k, d in net.edges(keys=True, data=True):
        sts = d.get("statements", [])
        flat.add_edge(
            s,
            o,
            key=k,
            label=d["property"],
            property=d["property"],
            family=d["family"],
            weight=float(d["weight"]),
            articles=int(d["articles"]),
            statements=len(sts),
            direct=bool(d["direct"]),
            hedged_only=bool(d["hedged_only"]),
            negated_only=bool(d["negated_only"]),
            modalities=" ".join(d["modalities"]),
            dates=" ".join(sorted({st["date"] for st in sts if st["date"]})),
            evidence=json.dumps([st["evidence"] for st in sts], ensure_ascii=False),
        )
    return flat


def write_network(graph: Any, fmt: str, out: Path | str, *, lang: str = "en") -> Path:
    """Write the entity network (a networkx graph from `to_networkx`, or what it takes) as GraphML or
    GEXF (for Gephi), atomically. Returns the path."""
    if fmt not in NETWORK_FORMATS:
        raise KGError(f"unknown network format {fmt!r}; use one of: {', '.join(NETWORK_FORMATS)}")
    net = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph, lang=lang)
    flat = _scalar_network(net)
    from kg.fsutil import atomic_open

    out = Path(out)
    with atomic_open(out) as handle:
        if fmt == "graphml":
            nx.write_graphml(flat, handle, encoding="utf-8")
        else:
            nx.write_gexf(flat, handle, encoding="utf-8")
    return out
