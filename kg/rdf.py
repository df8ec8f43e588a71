"""Extraction -> RDF, against the geopolitics ontology (shape in docs/ARCHITECTURE.md).

No spaCy here: the input is plain data. Every IRI comes from a key (kg.iri); article
text only ever becomes a literal, which rdflib escapes on output.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
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


def _date_literal(value: str) -> Literal:
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:10], datatype=XSD.date)


def _describe(g: Graph, ent: Entity, settings: Settings, *, lang: str | None = None) -> URIRef:
    node = entity_iri(ent.key, settings)
    g.add((node, RDF.type, GEO[check_class(ent.type)]))
    if ent.label_en:
        g.add((node, RDFS.label, Literal(ent.label_en, lang="en")))
    if ent.label_fr:
        g.add((node, RDFS.label, Literal(ent.label_fr, lang="fr")))
    if not (ent.label_en or ent.label_fr):
        g.add((node, RDFS.label, Literal(ent.label(), lang=lang or "en")))
    for alias in ent.aliases:
        if alias not in (ent.label_en, ent.label_fr):
            g.add((node, SKOS.altLabel, Literal(alias, lang=lang) if lang else Literal(alias)))
    return node


class _TripleList(list):
    """A list that takes triples like `Graph.add` does: the build's sink for an article's triples."""

    def add(self, triple: tuple) -> None:
        self.append(triple)


def article_graph(ex: Extraction, settings: Settings) -> Graph:
    """The named graph of one article: the article, its entities, statements and facts."""
    g = bind(Graph(), settings)
    _article_into(g, ex, settings)
    return g


def article_triples(ex: Extraction, settings: Settings) -> list[tuple]:
    """The triples of `article_graph(ex, settings)` as a list of rdflib term tuples (may repeat).

    The build's fast path to the store (`GraphStore.replace_article` takes them as they are and
    drops repeats): no rdflib Graph, its in-memory indexes or its namespace bindings per article.
    """
    out = _TripleList()
    _article_into(out, ex, settings)
    return out


def _article_into(g, ex: Extraction, settings: Settings) -> None:
    art = ex.article
    a = article_iri(art.id, settings)
    g.add((a, RDF.type, GEO.Article))
    g.add((a, GEO.contentHash, Literal(art.content_hash)))
    g.add((a, GEO.language, Literal(ex.lang)))
    g.add((a, GEO.fileName, Literal(art.source)))
    if art.title:
        g.add((a, GEO.title, Literal(art.title, lang=ex.lang)))
    if art.url:
        g.add((a, GEO.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.date:
        g.add((a, GEO.date, _date_literal(art.date)))
    if art.publisher:
        g.add((a, GEO.publisher, Literal(art.publisher)))
    used = {r.subject for r in ex.relations} | {r.object for r in ex.relations}
    used |= {r.location for r in ex.relations if r.location} | {r.attributed_to for r in ex.relations if r.attributed_to}
    for ent in ex.entities:
        _describe(g, ent, settings, lang=ex.lang)
    known = {e.key for e in ex.entities}
    for rel in ex.relations:
        if rel.subject in known and rel.object in known:
            add_relation(g, rel, a, ex.article.id, ex.lang, settings)


def add_relation(g: Graph, rel: Relation, article: URIRef, article_id: str, lang: str, settings: Settings) -> URIRef:
    p = GEO[prop(rel.predicate).name]
    s, o = entity_iri(rel.subject, settings), entity_iri(rel.object, settings)
    st = URIRef(settings.base + "statement/" + statement_id(article_id, rel.subject, rel.predicate, rel.object, rel.start, rel.end, rel.rule))
    g.add((st, RDF.type, GEO.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, GEO.modality, GEO[check_modality(rel.modality)]))
    g.add((st, GEO.evidence, Literal(rel.evidence, lang=lang)))
    g.add((st, GEO.startOffset, Literal(rel.start, datatype=XSD.integer)))
    g.add((st, GEO.endOffset, Literal(rel.end, datatype=XSD.integer)))
    g.add((st, GEO.confidence, Literal(f"{rel.confidence:.2f}", datatype=XSD.decimal)))
    g.add((st, GEO.rule, Literal(rel.rule)))
    g.add((st, PROV.wasDerivedFrom, article))
    if rel.domain:
        g.add((st, GEO.domain, Literal(check_domain(rel.domain))))
    if rel.date:
        g.add((st, GEO.date, _date_literal(rel.date)))
    if rel.location:
        g.add((st, GEO.location, entity_iri(rel.location, settings)))
    if rel.attributed_to:
        g.add((st, GEO.attributedTo, entity_iri(rel.attributed_to, settings)))
    if rel.attributed_text:
        g.add((st, GEO.attributedText, Literal(rel.attributed_text, lang=lang)))
    if rel.trigger:
        g.add((st, GEO.trigger, Literal(rel.trigger, lang=lang)))
    if rel.modality in FACTUAL_MODALITIES:
        g.add((s, p, o))
    return st


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
        if ent.type == "Person" and ent.country:
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
