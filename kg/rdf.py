"""Extraction -> RDF, against the geopolitics ontology (shape in docs/ARCHITECTURE.md).

geokg's RDF is pyoxigraph terms from end to end: this mapping makes them, the store holds them,
the exports and the network view read them. rdflib enters at one boundary only, `to_oxigraph`,
for graphs that library users (and tests) build with rdflib; SHACL validation (pyshacl) parses
its own rdflib graphs from files.

No spaCy here: the input is plain data. Every IRI comes from `kg.iri`; article text only ever
becomes a literal, which the RDF writers escape on output.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg import conformance, iri
from kg.errors import DataFileError, KGError
from kg.settings import Settings
from kg.types import Entity, Extraction, Relation
from kg.vocab import FACTUAL_MODALITIES, RELATIONS, check_class, check_domain, check_modality, prop, type_error

if TYPE_CHECKING:
    from kg.gazetteer import Gazetteer

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Subject = ox.NamedNode | ox.BlankNode
Object = ox.NamedNode | ox.Literal
Triple = tuple[ox.NamedNode, ox.NamedNode, Object]  # what the mapping makes
StoredTriple = tuple[Subject, ox.NamedNode, Term]  # what a store holds (blank nodes from users' graphs)


# ---------------------------------------------------------------------- terms
@functools.lru_cache(maxsize=1 << 16)
def node(value: str) -> ox.NamedNode:
    """The pyoxigraph IRI term for `value` (cached: a build makes the same IRIs over and over,
    and making a term validates the IRI each time)."""
    return ox.NamedNode(value)


def geo(name: str) -> ox.NamedNode:
    """The ontology term `name` as an IRI term."""
    return node(iri.geo(name))


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=node(iri.XSD_NS + datatype))


RDF_TYPE, RDFS_LABEL, SKOS_ALT_LABEL = node(iri.RDF_TYPE), node(iri.RDFS_LABEL), node(iri.SKOS_ALT_LABEL)
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = node(iri.RDF_SUBJECT), node(iri.RDF_PREDICATE), node(iri.RDF_OBJECT)
OWL_SAME_AS, PROV_WAS_DERIVED_FROM = node(iri.OWL_SAME_AS), node(iri.PROV_WAS_DERIVED_FROM)


def date_literal(value: str) -> ox.Literal:
    """An xsd:gYear, xsd:gYearMonth or xsd:date literal, from the length of an ISO date.

    >>> date_literal("2024-03").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    """
    if len(value) == 4:
        return _typed(value, "gYear")
    if len(value) == 7:
        return _typed(value, "gYearMonth")
    return _typed(value[:10], "date")


# ---------------------------------------------------------------------- the mapping
def article_triples(ex: Extraction, settings: Settings) -> list[Triple]:
    """The triples of one article's named graph (the article, its entities, statements and facts),
    as pyoxigraph term tuples (may repeat): what `GraphStore.replace_article` takes."""
    out: list[Triple] = []
    add = out.append
    art, lang, base = ex.article, ex.lang, settings.base
    a = node(iri.article_iri(art.id, base=base))
    add((a, RDF_TYPE, geo("Article")))
    add((a, geo("contentHash"), ox.Literal(art.content_hash)))
    add((a, geo("language"), ox.Literal(lang)))
    add((a, geo("fileName"), ox.Literal(art.source)))
    if art.title:
        add((a, geo("title"), ox.Literal(art.title, language=lang)))
    if art.url:
        add((a, geo("url"), _typed(art.url, "anyURI")))
    if art.date:
        add((a, geo("date"), date_literal(art.date)))
    if art.publisher:
        add((a, geo("publisher"), ox.Literal(art.publisher)))
    for ent in ex.entities:
        out.extend(entity_triples(ent, base=base, lang=lang))
    # what would break the shapes is not written (kg.conformance: the build reports it)
    written, _dropped = conformance.check(ex)
    for rel in written.relations:
        _relation_into(add, rel, a, art.id, lang, base)
    return out


def dropped_statements(ex: Extraction) -> tuple[conformance.Dropped, ...]:
    """The statements (and qualifiers) of `ex` that `article_triples` leaves out, and why."""
    return conformance.check(ex)[1]


def entity_triples(ent: Entity, *, base: str = iri.DEFAULT_BASE, lang: str | None = None) -> list[Triple]:
    """Type, labels and aliases (surface forms, in `lang` when known) of one entity."""
    subject = node(iri.entity_iri(ent.key, base=base))
    out: list[Triple] = [(subject, RDF_TYPE, geo(check_class(ent.type)))]
    if ent.label_en:
        out.append((subject, RDFS_LABEL, ox.Literal(ent.label_en, language="en")))
    if ent.label_fr:
        out.append((subject, RDFS_LABEL, ox.Literal(ent.label_fr, language="fr")))
    if not (ent.label_en or ent.label_fr):
        out.append((subject, RDFS_LABEL, ox.Literal(ent.label(), language=lang or "en")))
    for alias in ent.aliases:
        if alias not in (ent.label_en, ent.label_fr):
            out.append((subject, SKOS_ALT_LABEL, ox.Literal(alias, language=lang) if lang else ox.Literal(alias)))
    return out


def _relation_into(add: Callable[[Triple], None], rel: Relation, article: ox.NamedNode, article_id: str, lang: str, base: str) -> None:
    p = geo(prop(rel.predicate).name)
    s, o = node(iri.entity_iri(rel.subject, base=base)), node(iri.entity_iri(rel.object, base=base))
    sid = iri.statement_id(article_id, rel.subject, rel.predicate, rel.object, rel.start, rel.end, rel.rule)
    st = node(iri.statement_iri(sid, base=base))
    add((st, RDF_TYPE, geo("Statement")))
    add((st, RDF_SUBJECT, s))
    add((st, RDF_PREDICATE, p))
    add((st, RDF_OBJECT, o))
    add((st, geo("modality"), geo(check_modality(rel.modality))))
    add((st, geo("evidence"), ox.Literal(rel.evidence, language=lang)))
    add((st, geo("startOffset"), _typed(str(rel.start), "integer")))
    add((st, geo("endOffset"), _typed(str(rel.end), "integer")))
    add((st, geo("confidence"), _typed(f"{rel.confidence:.2f}", "decimal")))
    add((st, geo("rule"), ox.Literal(rel.rule)))
    add((st, PROV_WAS_DERIVED_FROM, article))
    if rel.domain:
        add((st, geo("domain"), ox.Literal(check_domain(rel.domain))))
    if rel.date:
        add((st, geo("date"), date_literal(rel.date)))
    if rel.location:
        add((st, geo("location"), node(iri.entity_iri(rel.location, base=base))))
    if rel.attributed_to:
        add((st, geo("attributedTo"), node(iri.entity_iri(rel.attributed_to, base=base))))
    if rel.attributed_text:
        add((st, geo("attributedText"), ox.Literal(rel.attributed_text, language=lang)))
    if rel.trigger:
        add((st, geo("trigger"), ox.Literal(rel.trigger, language=lang)))
    if rel.modality in FACTUAL_MODALITIES:
        add((s, p, o))


def entities_graph(
    keys: Iterable[str], gazetteer: Gazetteer, settings: Settings, *, involved: Iterable[str] | None = None
) -> list[Triple]:
    """Gazetteer knowledge about the gazetteer entities in `keys`, as triples (may repeat): the
    background the articles did not say, kept apart from them in `id:graph/entities`.

    Places are closed upwards (a region brings its country, so "Tillabéri locatedIn Niger"
    holds). Memberships, affiliations and leaders are stated only between entities the articles
    involve (`involved`: subjects and objects of their statements; `keys` when not given), so a
    dateline or a passing mention does not fill the graph with every organisation a country joined.
    `leads` comes only from the leaders table, for heads of state, of government and of
    organisations or groups still in office there (`Gazetteer.leads_at(key, None)`): a minister
    leads nothing, a former leader is a person. Every link fits the property's domain and range.
    """
    out: list[Triple] = []
    base = settings.base
    mentioned = set(keys)
    related = mentioned if involved is None else set(involved) & mentioned
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
        out.extend(entity_triples(ent, base=base))
        subject = node(iri.entity_iri(ent.key, base=base))
        if ent.geonames:
            out.append((subject, OWL_SAME_AS, node(iri.geonames_iri(ent.geonames))))
        if ent.wikidata:
            out.append((subject, OWL_SAME_AS, node(iri.wikidata_iri(ent.wikidata))))
        links: list[tuple[str, str, bool]] = []  # (property, target, follow even if not involved)
        if ent.parent and ent.type in ("City", "Region", "Place"):
            links.append(("locatedIn", ent.parent, True))
        if ent.capital_of:
            links.append(("capitalOf", ent.capital_of, True))
        if key in related:
            links += [("memberOf", org, False) for org in ent.members_of]
            links += [("affiliatedWith", grp, False) for grp in ent.affiliations]
            led = gazetteer.leads_at(key, None) if ent.type == "Person" else None
            if led is not None:
                links.append(("leads", led, False))
        for p, target, follow in links:
            other = gazetteer.get(target)
            if other is None or p not in RELATIONS or target == key:
                continue
            if not follow and target not in related:
                continue
            if type_error(p, ent.type, other.type) is not None:
                continue  # the shapes would reject it (kg.conformance does the same for statements)
            out.append((subject, geo(p), node(iri.entity_iri(target, base=base))))
            if target not in done:
                todo.append(target)
    return out


def involved_entities(store: Any, *, base: str = iri.DEFAULT_BASE) -> set[str]:
    """Keys of the entities that are the subject or object of a statement in some article graph
    (a `GraphStore` or a pyoxigraph Store): what `entities_graph` states memberships and leaders of."""
    sparql = (
        "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?st a <" + iri.geo("Statement") + "> . "
        "{ ?st <" + iri.RDF_SUBJECT + "> ?x } UNION { ?st <" + iri.RDF_OBJECT + "> ?x } } }"
    )
    found: set[str] = set()
    for row in store.query(sparql):
        term = row[0]
        key = iri.entity_key(term.value, base=base) if isinstance(term, ox.NamedNode) else None
        if key is not None:
            found.add(key)
    return found


# ---------------------------------------------------------------------- the rdflib boundary
def to_oxigraph(term: Any, bnodes: dict[Any, ox.BlankNode] | None = None) -> Term:
    """A term of a graph built with rdflib (or a pyoxigraph term, unchanged) as a pyoxigraph term.

    The one place geokg converts between the two libraries, for graphs library users and tests
    build with rdflib; geokg itself never makes rdflib terms. Blank nodes are mapped through
    `bnodes` so one rdflib BNode stays one node.

    >>> import rdflib
    >>> str(to_oxigraph(rdflib.Literal('a "b"\\n', lang="fr")))
    '"a \\\\"b\\\\"\\\\n"@fr'
    """
    if isinstance(term, ox.NamedNode | ox.BlankNode | ox.Literal):
        return term
    import rdflib  # only when someone hands us rdflib terms

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        if bnodes is None:
            return ox.BlankNode()
        if term not in bnodes:
            bnodes[term] = ox.BlankNode()
        return bnodes[term]
    if isinstance(term, rdflib.Literal):
        lexical = str(term)
        if term.language:
            return ox.Literal(lexical, language=term.language)
        if term.datatype is not None:
            return ox.Literal(lexical, datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(lexical)
    raise KGError(f"cannot use {term!r} as an RDF term: expected an rdflib or pyoxigraph IRI, blank node or literal")


def as_store(data: Any) -> ox.Store:
    """`data` as a pyoxigraph Store whose default graph is the union (RDF merge) of all its graphs.

    `data` is a Store already in that shape (a build's store, `load_rdf`'s result), an rdflib
    Graph or Dataset, or an iterable of triples or quads (pyoxigraph or rdflib terms).
    """
    if isinstance(data, ox.Store):
        return data
    quads = getattr(data, "quads", None)
    items: Iterable[Any] = quads((None, None, None, None)) if callable(quads) else data
    bnodes: dict[Any, ox.BlankNode] = {}
    default = ox.DefaultGraph()
    store = ox.Store()
    store.extend(ox.Quad(*stored_triple(item, bnodes), default) for item in items)
    return store


def stored_triple(item: Any, bnodes: dict[Any, ox.BlankNode] | None = None) -> StoredTriple:
    """A pyoxigraph Triple or Quad, or an (s, p, o[, g]) tuple of pyoxigraph or rdflib terms, as a
    checked triple of pyoxigraph terms (a KGError if the subject is a literal or the predicate not an IRI)."""
    if isinstance(item, ox.Triple | ox.Quad):
        s, p, o = item.subject, item.predicate, item.object
    else:
        s, p, o = item[0], item[1], item[2]
    subject, predicate, obj = to_oxigraph(s, bnodes), to_oxigraph(p, bnodes), to_oxigraph(o, bnodes)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise KGError(f"not an RDF triple: {item!r} (the subject must be an IRI or a blank node, the predicate an IRI)")
    return subject, predicate, obj


# ---------------------------------------------------------------------- files
# file extension -> format of the RDF files geokg reads (the extensions rdflib's guess_format knows)
RDF_EXTENSIONS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
    "rdf": ox.RdfFormat.RDF_XML,
    "xml": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}


def load_rdf(path: str | os.PathLike[str]) -> ox.Store:
    """An RDF file (format from the extension) in an in-memory Store whose default graph is the
    merge of all its graphs, as in a build's store; a DataFileError names the file and line."""
    path = Path(path)
    fmt = RDF_EXTENSIONS.get(path.suffix.lower().lstrip("."))
    if fmt is None:
        known = ", ".join("." + e for e in RDF_EXTENSIONS)
        raise DataFileError(path, f"unknown RDF format {path.suffix or '(no extension)'!r}; use one of: {known}")
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)
    except SyntaxError as e:
        raise DataFileError(path, f"not valid {fmt.name}: {e.msg}", line=e.lineno) from e
    except (OSError, ValueError) as e:
        raise DataFileError(path, f"cannot read as {fmt.name}: {e}") from e
    if fmt.supports_datasets or fmt == ox.RdfFormat.JSON_LD:
        default = ox.DefaultGraph()
        named = [q for q in store.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)]
        store.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in named)
    return store
