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

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, Literal, URIRef
from rdflib.namespace import PROV

from kg.errors import KGError
from kg.rdf import to_rdflib
from kg.store import to_oxigraph
from kg.vocab import CLASSES, EXTRA_SUPERCLASSES, FACTUAL_MODALITIES, ONTOLOGY_NS, RELATIONS


class _Terms:
    """`GEO.name` / `GEO["name"]` -> URIRef, created once (rdflib.Namespace re-creates and re-validates each time)."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        term = URIRef(self._base + name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


GEO = _Terms(ONTOLOGY_NS)
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


class StoreGraph:
    """The read-only part of the rdflib Graph API that `to_networkx` and the view use
    (`subject_objects`, `subjects`, `objects`), answered from a pyoxigraph store's default graph
    (the merged union of a build) with rdflib terms.

    `kg build` draws `graph.html` from its store this way instead of parsing `graph.ttl` back into
    an rdflib Graph: at 1,000 articles that parse took longer than every export together and held
    the whole graph in rdflib's indexes.
    """

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        # pyoxigraph term -> rdflib term: the same IRIs (entities, statements, properties) come back
        # in many triples, and making an rdflib term validates the IRI each time
        self._terms: dict[ox.NamedNode | ox.BlankNode | ox.Literal, rdflib.term.Node] = {}

    def _quads(self, s: rdflib.term.Node | None, p: rdflib.term.Node | None, o: rdflib.term.Node | None) -> Iterator[ox.Quad]:
        def term(t: rdflib.term.Node | None) -> ox.NamedNode | ox.Literal | None:
            return None if t is None else to_oxigraph(t)

        return self.store.quads_for_pattern(term(s), term(p), term(o), ox.DefaultGraph())

    def _rdflib(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
        try:
            return self._terms[term]
        except KeyError:
            made = self._terms[term] = to_rdflib(term)
            return made

    def subject_objects(self, p: rdflib.term.Node) -> Iterator[tuple[rdflib.term.Node, rdflib.term.Node]]:
        convert = self._rdflib
        for q in self._quads(None, p, None):
            yield convert(q.subject), convert(q.object)

    def subjects(self, p: rdflib.term.Node, o: rdflib.term.Node) -> Iterator[rdflib.term.Node]:
        for q in self._quads(None, p, o):
            yield self._rdflib(q.subject)

    def objects(self, s: rdflib.term.Node, p: rdflib.term.Node) -> Iterator[rdflib.term.Node]:
        for q in self._quads(s, p, None):
            yield self._rdflib(q.object)


def union_graph(graph: rdflib.Graph) -> rdflib.Graph:
    """A plain Graph holding every triple of `graph`, named graphs included."""
    if isinstance(graph, rdflib.Dataset | rdflib.ConjunctiveGraph):
        union = rdflib.Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return graph


def _local(iri: rdflib.term.Node | None) -> str | None:
    text = str(iri)
    return text[len(ONTOLOGY_NS) :] if isinstance(iri, URIRef) and text.startswith(ONTOLOGY_NS) else None


def _pick(literals: Iterable[rdflib.term.Node], lang: str) -> str | None:
    """Best literal for `lang`: that language, then English/French, then untagged, then any."""
    values = [lit for lit in literals if isinstance(lit, Literal)]
    if not values:
        return None
    order = [lang, "en", "fr", None]

    def rank(lit: Literal) -> tuple[int, str]:
        tag = lit.language
        return (order.index(tag) if tag in order else len(order), str(lit))

    return str(sorted(values, key=rank)[0])


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

    def __init__(self, g: rdflib.Graph, props: Iterable[URIRef]) -> None:
        self.values: dict[rdflib.term.Node, dict[URIRef, list[rdflib.term.Node]]] = {}
        for p in props:
            for s, o in g.subject_objects(p):
                self.values.setdefault(s, {}).setdefault(p, []).append(o)

    def all(self, s: rdflib.term.Node, p: URIRef) -> list[rdflib.term.Node]:
        return self.values.get(s, {}).get(p, [])

    def one(self, s: rdflib.term.Node, p: URIRef) -> rdflib.term.Node | None:
        found = self.all(s, p)
        return min(found, key=str) if found else None  # deterministic when a value is repeated


_STATEMENT_PROPS = (RDF.subject, RDF.predicate, RDF.object, GEO.modality, GEO.evidence, GEO.date, GEO.domain,
                    GEO.location, GEO.attributedTo, GEO.attributedText, GEO.trigger, GEO.rule, GEO.confidence,
                    PROV.wasDerivedFrom)  # fmt: skip
_ARTICLE_PROPS = (GEO.title, GEO.fileName, GEO.url, GEO.date, GEO.publisher)
_ENTITY_PROPS = (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs)


def _article(ix: _Index, iri: rdflib.term.Node, lang: str) -> dict[str, str | None]:
    return {
        "iri": str(iri),
        "title": _pick(ix.all(iri, GEO.title), lang),
        "fileName": _pick(ix.all(iri, GEO.fileName), lang),
        "url": _pick(ix.all(iri, GEO.url), lang),
        "date": _pick(ix.all(iri, GEO.date), lang),
        "publisher": _pick(ix.all(iri, GEO.publisher), lang),
    }


def _statements(g: rdflib.Graph, lang: str) -> dict[tuple[str, str, str], list[dict]]:
    """Supporting statements keyed by (subject IRI, property local name, object IRI)."""
    out: dict[tuple[str, str, str], list[dict]] = {}
    ix = _Index(g, _STATEMENT_PROPS)
    arts = _Index(g, _ARTICLE_PROPS)
    articles: dict[rdflib.term.Node, dict] = {}
    for st in set(g.subjects(RDF.type, GEO.Statement)):
        s, p, o = ix.one(st, RDF.subject), ix.one(st, RDF.predicate), ix.one(st, RDF.object)
        prop = _local(p) if p is not None else None
        if prop not in RELATIONS or not isinstance(s, URIRef) or not isinstance(o, URIRef):
            continue
        modality = _local(ix.one(st, GEO.modality)) or "Asserted"
        src = ix.one(st, PROV.wasDerivedFrom)
        article = None
        if src is not None:
            if src not in articles:
                articles[src] = _article(arts, src, lang)
            article = articles[src]
        date = _pick(ix.all(st, GEO.date), lang) or (article or {}).get("date")
        evidence = ix.all(st, GEO.evidence)
        evidence_lit = evidence[0] if len(evidence) == 1 else (sorted(evidence, key=str)[0] if evidence else None)
        location = ix.one(st, GEO.location)
        attributed = ix.one(st, GEO.attributedTo)
        confidence = ix.one(st, GEO.confidence)
        start, end = _statement_date_bounds(date)
        out.setdefault((str(s), prop, str(o)), []).append(
            {
                "iri": str(st),
                "modality": modality,
                "evidence": str(evidence_lit) if evidence_lit is not None else "",
                "evidence_lang": evidence_lit.language if isinstance(evidence_lit, Literal) else None,
                "date": date,
                "date_start": start,
                "date_end": end,
                "domain": _pick(ix.all(st, GEO.domain), lang),
                "location": str(location) if location is not None else None,
                "attributed_to": str(attributed) if attributed is not None else None,
                "attributed_text": _pick(ix.all(st, GEO.attributedText), lang),
                "trigger": _pick(ix.all(st, GEO.trigger), lang),
                "rule": _pick(ix.all(st, GEO.rule), lang),
                "confidence": float(confidence.toPython()) if isinstance(confidence, Literal) else None,
                "article": article["iri"] if article else None,
                "article_title": article["title"] if article else None,
                "article_file": article["fileName"] if article else None,
                "article_url": article["url"] if article else None,
            }
        )
    for sts in out.values():
        sts.sort(key=lambda d: (d["date"] or "", d["article"] or "", d["evidence"], d["iri"]))
    return out


def _node_attrs(ix: _Index, node: URIRef, lang: str) -> dict:
    types = [t for t in (_local(t) for t in ix.all(node, RDF.type)) if t]
    same = sorted(str(o) for o in ix.all(node, OWL.sameAs) if isinstance(o, URIRef))
    geonames = next((s for s in same if "//sws.geonames.org/" in s), None)
    wikidata = next((s for s in same if "//www.wikidata.org/entity/" in s), None)
    alts = sorted({str(a) for a in ix.all(node, SKOS.altLabel)})
    labels = [lit for lit in ix.all(node, RDFS.label) if isinstance(lit, Literal)]
    en = min((str(v) for v in labels if v.language == "en"), default=None)
    fr = min((str(v) for v in labels if v.language == "fr"), default=None)
    label = (fr or en) if lang == "fr" else (en or fr)
    return {
        "type": most_specific_class(types) or "Entity",
        "label": label or _pick(labels, lang) or (alts[0] if alts else _fallback_name(str(node))),
        "label_en": en,
        "label_fr": fr,
        "alt_labels": alts,
        "geonames": geonames,
        "wikidata": wikidata,
        "same_as": same,
    }


def to_networkx(graph: rdflib.Graph, *, lang: str = "en") -> nx.MultiDiGraph:
    """The entity network of `graph`: one edge per (subject, relation property, object).

    Node attributes: type (most specific geo: class), label (in `lang`), label_en,
    label_fr, alt_labels, geonames, wikidata, same_as, degree.
    Edge key = property local name; attributes: property, family, statements
    (list of dicts: evidence, modality, date, article IRI/title/file...), direct
    (a direct triple exists), articles (distinct supporting articles), weight
    (max(1, articles)), modalities, hedged_only, negated_only.
    """
    g = union_graph(graph)
    net = nx.MultiDiGraph(lang=lang)
    statements = _statements(g, lang)
    direct: set[tuple[str, str, str]] = set()
    for prop in RELATIONS:
        for s, o in g.subject_objects(GEO[prop]):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                direct.add((str(s), prop, str(o)))

    ix = _Index(g, _ENTITY_PROPS)
    entities: set[str] = set()
    for subject, props in ix.values.items():
        for type_ in props.get(RDF.type, ()):
            name = _local(type_)
            if isinstance(subject, URIRef) and name in CLASSES and name not in NON_ENTITY_CLASSES:
                entities.add(str(subject))
    keys = direct | set(statements)
    for s_iri, _, o_iri in keys:
        entities.update((s_iri, o_iri))

    for iri in sorted(entities):
        net.add_node(iri, **_node_attrs(ix, URIRef(iri), lang))

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


def write_network(graph: rdflib.Graph | nx.MultiDiGraph, fmt: str, out: Path | str, *, lang: str = "en") -> Path:
    """Write the entity network as GraphML or GEXF (for Gephi), atomically. Returns the path."""
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
