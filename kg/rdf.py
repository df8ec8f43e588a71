"""Extraction -> RDF, against the geopolitics ontology (shape in docs/ARCHITECTURE.md).

No spaCy here: the input is plain data. Every IRI comes from a key (kg.iri); article
text only ever becomes a literal, which the RDF writers (pyoxigraph, rdflib) escape on output.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.gazetteer import Gazetteer
from kg.iri import statement_id
from kg.settings import Settings
from kg.types import Entity, Extraction, Relation
from kg.vocab import (
    FACTUAL_MODALITIES,
    GEONAMES,
    ONTOLOGY_NS,
    RELATIONS,
    WIKIDATA,
    check_class,
    check_domain,
    check_modality,
    prop,
)

GEO = Namespace(ONTOLOGY_NS)
ENTITIES_GRAPH = "graph/entities"

PREFIXES = {
    "geo": GEO,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "xsd": XSD,
}


def bind(graph: Graph, settings: Settings) -> Graph:
    for p, ns in PREFIXES.items():
        graph.bind(p, ns, override=True)
    graph.bind("id", Namespace(settings.base), override=True)
    return graph


def entity_iri(key: str, settings: Settings) -> URIRef:
    return URIRef(settings.base + key)


def article_iri(article_id: str, settings: Settings) -> URIRef:
    return URIRef(f"{settings.base}article/{article_id}")


def entities_graph_iri(settings: Settings) -> URIRef:
    return URIRef(settings.base + ENTITIES_GRAPH)


def _describe(g: Graph, ent: Entity, settings: Settings, *, lang: str | None = None) -> URIRef:
    for triple in _entity_triples(ent, settings.base, lang):
        g.add(tuple(to_rdflib(t) for t in triple))
    return entity_iri(ent.key, settings)


# The article triples are made as pyoxigraph terms directly: the store takes them as they are, and
# a build makes about 360 per article (creating rdflib terms, then converting them, cost 3x more).
_XSD = str(XSD)


@functools.lru_cache(maxsize=1 << 16)
def _iri(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _geo(name: str) -> ox.NamedNode:
    return _iri(ONTOLOGY_NS + name)


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_iri(_XSD + datatype))


_RDF_TYPE, _RDFS_LABEL, _SKOS_ALT = _iri(str(RDF.type)), _iri(str(RDFS.label)), _iri(str(SKOS.altLabel))
_RDF_S, _RDF_P, _RDF_O = _iri(str(RDF.subject)), _iri(str(RDF.predicate)), _iri(str(RDF.object))
_DERIVED = _iri(str(PROV.wasDerivedFrom))


def _ox_date(value: str) -> ox.Literal:
    if len(value) == 4:
        return _typed(value, "gYear")
    if len(value) == 7:
        return _typed(value, "gYearMonth")
    return _typed(value[:10], "date")


def article_triples(ex: Extraction, settings: Settings) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """The triples of one article's named graph (the article, its entities, statements and facts),
    as pyoxigraph term tuples (may repeat): what `GraphStore.replace_article` takes."""
    out: list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]] = []
    add = out.append
    art, lang, base = ex.article, ex.lang, settings.base
    a = _iri(f"{base}article/{art.id}")
    add((a, _RDF_TYPE, _geo("Article")))
    add((a, _geo("contentHash"), ox.Literal(art.content_hash)))
    add((a, _geo("language"), ox.Literal(lang)))
    add((a, _geo("fileName"), ox.Literal(art.source)))
    if art.title:
        add((a, _geo("title"), ox.Literal(art.title, language=lang)))
    if art.url:
        add((a, _geo("url"), _typed(art.url, "anyURI")))
    if art.date:
        add((a, _geo("date"), _ox_date(art.date)))
    if art.publisher:
        add((a, _geo("publisher"), ox.Literal(art.publisher)))
    for ent in ex.entities:
        out.extend(_entity_triples(ent, base, lang))
    known = {e.key for e in ex.entities}
    for rel in ex.relations:
        if rel.subject in known and rel.object in known:
            _relation_into(add, rel, a, art.id, lang, base)
    return out


def _entity_triples(ent: Entity, base: str, lang: str | None) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """Type, labels and aliases (surface forms, in `lang` when known) of one entity."""
    node = _iri(base + ent.key)
    out = [(node, _RDF_TYPE, _geo(check_class(ent.type)))]
    if ent.label_en:
        out.append((node, _RDFS_LABEL, ox.Literal(ent.label_en, language="en")))
    if ent.label_fr:
        out.append((node, _RDFS_LABEL, ox.Literal(ent.label_fr, language="fr")))
    if not (ent.label_en or ent.label_fr):
        out.append((node, _RDFS_LABEL, ox.Literal(ent.label(), language=lang or "en")))
    for alias in ent.aliases:
        if alias not in (ent.label_en, ent.label_fr):
            out.append((node, _SKOS_ALT, ox.Literal(alias, language=lang) if lang else ox.Literal(alias)))
    return out


def _relation_into(add, rel: Relation, article: ox.NamedNode, article_id: str, lang: str, base: str) -> None:  # noqa: ANN001
    p = _geo(prop(rel.predicate).name)
    s, o = _iri(base + rel.subject), _iri(base + rel.object)
    st = _iri(base + "statement/" + statement_id(article_id, rel.subject, rel.predicate, rel.object, rel.start, rel.end, rel.rule))
    add((st, _RDF_TYPE, _geo("Statement")))
    add((st, _RDF_S, s))
    add((st, _RDF_P, p))
    add((st, _RDF_O, o))
    add((st, _geo("modality"), _geo(check_modality(rel.modality))))
    add((st, _geo("evidence"), ox.Literal(rel.evidence, language=lang)))
    add((st, _geo("startOffset"), _typed(str(rel.start), "integer")))
    add((st, _geo("endOffset"), _typed(str(rel.end), "integer")))
    add((st, _geo("confidence"), _typed(f"{rel.confidence:.2f}", "decimal")))
    add((st, _geo("rule"), ox.Literal(rel.rule)))
    add((st, _DERIVED, article))
    if rel.domain:
        add((st, _geo("domain"), ox.Literal(check_domain(rel.domain))))
    if rel.date:
        add((st, _geo("date"), _ox_date(rel.date)))
    if rel.location:
        add((st, _geo("location"), _iri(base + rel.location)))
    if rel.attributed_to:
        add((st, _geo("attributedTo"), _iri(base + rel.attributed_to)))
    if rel.attributed_text:
        add((st, _geo("attributedText"), ox.Literal(rel.attributed_text, language=lang)))
    if rel.trigger:
        add((st, _geo("trigger"), ox.Literal(rel.trigger, language=lang)))
    if rel.modality in FACTUAL_MODALITIES:
        add((s, p, o))


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """A pyoxigraph term as the rdflib term a Turtle parser would give (xsd:string -> plain literal)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value != _XSD + "string":
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return Literal(term.value)


def article_graph(ex: Extraction, settings: Settings) -> Graph:
    """`article_triples` as an rdflib Graph (for library users; the build does not make one)."""
    g = bind(Graph(), settings)
    for s, p, o in article_triples(ex, settings):
        g.add((to_rdflib(s), to_rdflib(p), to_rdflib(o)))
    return g


def entities_graph(keys: Iterable[str], gazetteer: Gazetteer, settings: Settings) -> Graph:
    """Gazetteer knowledge about the gazetteer entities in `keys`.

    Places are closed upwards (a region brings its country, so "Tillabéri locatedIn Niger"
    holds); memberships, affiliations and leaders are stated only between entities the
    articles mention, so the graph does not fill up with every organisation a country joined.
    """
    g = bind(Graph(), settings)
    mentioned = set(keys)
    todo = sorted(mentioned)
    done: set[str] = set()
    while todo:
        key = todo.pop()
        if key in done:
            continue
        done.add(key)
        ent = gazetteer.get(key)
        if ent is None:
            continue
        node = _describe(g, ent, settings)
        if ent.geonames:
            g.add((node, OWL.sameAs, URIRef(GEONAMES.format(ent.geonames))))
        if ent.wikidata:
            g.add((node, OWL.sameAs, URIRef(WIKIDATA.format(ent.wikidata))))
        links: list[tuple[str, str, bool]] = []  # (property, target, follow even if not mentioned)
        if ent.parent and ent.type in ("City", "Region", "Place"):
            links.append(("locatedIn", ent.parent, True))
        if ent.capital_of:
            links.append(("capitalOf", ent.capital_of, True))
        links += [("memberOf", org, False) for org in ent.members_of]
        links += [("affiliatedWith", grp, False) for grp in ent.affiliations]
        if ent.type == "Person" and ent.country and gazetteer.leader_role(key) is not None:
            # only the leaders table says who leads; persons.tsv's country is the one they belong to
            links.append(("leads", ent.country, False))
        for p, target, follow in links:
            if gazetteer.get(target) is None or p not in RELATIONS:
                continue
            if not follow and target not in mentioned:
                continue
            g.add((node, GEO[p], entity_iri(target, settings)))
            if target not in done:
                todo.append(target)
    return g
