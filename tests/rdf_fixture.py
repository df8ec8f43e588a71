"""A tiny hand-built dataset in geokg's RDF shape (no spaCy): two articles and an entities graph.

Shared by test_store.py, test_query.py and test_push_serve.py.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

BASE = "https://w3id.org/geokg/id/"
ID = Namespace(BASE)
GEO = Namespace("https://w3id.org/geokg/ontology#")

# A literal that exercises every escape: quotes, newline, tab, angle brackets, backslash,
# a control character, braces and a SPARQL-looking tail.
TRICKY = 'Le "Niger" <rompt>\n\tavec \\ Moscou \x01 } ; DROP ALL # \u00e9t\u00e9 \U0001f30d'

ENTITIES = {
    "country/NE": ("Country", "Niger", "Niger", 2440476),
    "country/RU": ("Country", "Russia", "Russie", 2017370),
    "country/TR": ("Country", "Turkey", "Turquie", 298795),
    "country/FR": ("Country", "France", "France", 3017382),
    "country/BJ": ("Country", "Benin", "Bénin", 2395170),
    "region/tillaberi": ("Region", "Tillabéri", "Tillabéri", 2595293),
    "group/jnim": ("ArmedGroup", "JNIM", "JNIM", None),
}

# article id -> (title, file name, statements); statement: (id, s, p, o, modality, date, domain, location, evidence)
ARTICLES = {
    "a1": (
        "Niger ends intelligence cooperation",
        "seeds/000_niger.txt",
        [
            (
                "s1",
                "country/NE",
                "endsCooperationWith",
                "country/RU",
                "Reported",
                "2025-03-01",
                "intelligence",
                None,
                "Niamey a rompu sa coopération avec Moscou.",
            ),
            (
                "s2",
                "country/NE",
                "endsCooperationWith",
                "country/TR",
                "Reported",
                "2025-03-01",
                "intelligence",
                None,
                "Niamey a rompu sa coopération avec Ankara.",
            ),
            (
                "s3",
                "group/jnim",
                "attacks",
                "country/NE",
                "Asserted",
                "2025-02-20",
                "military",
                "region/tillaberi",
                "Le JNIM a attaqué à Tillabéri.",
            ),
            (
                "s4",
                "group/jnim",
                "attacks",
                "country/BJ",
                "Hedged",
                None,
                "military",
                None,
                "La violence pourrait déborder au Bénin.",
            ),
        ],
    ),
    "a2": (
        TRICKY,
        "news/other.md",
        [
            (
                "s5",
                "country/NE",
                "cooperatesWith",
                "country/RU",
                "Asserted",
                "2024-01-10",
                "military",
                None,
                "Niger and Russia signed a military deal.",
            ),
            ("s6", "country/FR", "criticizes", "country/NE", "Reported", None, None, None, TRICKY),
            (
                "s7",
                "country/TR",
                "supports",
                "country/NE",
                "Asserted",
                "2023-06",
                "military",
                None,
                "Turkey delivered drones to Niger.",
            ),
        ],
    ),
}


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{article_id}"


def entity_triples(g: Graph, key: str, *, full: bool) -> None:
    cls, en, fr, geonames = ENTITIES[key]
    node = ID[key]
    g.add((node, RDF.type, GEO[cls]))
    g.add((node, RDFS.label, Literal(en, lang="en")))
    g.add((node, RDFS.label, Literal(fr, lang="fr")))
    if full:
        if geonames:
            g.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{geonames}/")))
        if key == "region/tillaberi":
            g.add((node, GEO.locatedIn, ID["country/NE"]))


def article_graph(article_id: str) -> Graph:
    """The named graph of one fixture article, as rdf.py would write it."""
    title, file_name, statements = ARTICLES[article_id]
    g = Graph()
    art = URIRef(article_iri(article_id))
    g.add((art, RDF.type, GEO.Article))
    g.add((art, GEO.contentHash, Literal(f"hash-{article_id}")))
    g.add((art, GEO.fileName, Literal(file_name)))
    g.add((art, GEO.title, Literal(title, lang="fr")))
    g.add((art, GEO.language, Literal("fr")))
    g.add((art, GEO.url, Literal(f"https://example.org/{article_id}", datatype=XSD.anyURI)))
    mentioned = set()
    for sid, s, p, o, modality, date, domain, location, evidence in statements:
        st = ID[f"statement/{article_id}-{sid}"]
        g.add((st, RDF.type, GEO.Statement))
        g.add((st, RDF.subject, ID[s]))
        g.add((st, RDF.predicate, GEO[p]))
        g.add((st, RDF.object, ID[o]))
        g.add((st, GEO.modality, GEO[modality]))
        g.add((st, GEO.evidence, Literal(evidence, lang="fr")))
        g.add((st, GEO.confidence, Literal("0.8", datatype=XSD.decimal)))
        g.add((st, GEO.rule, Literal("test")))
        g.add((st, PROV.wasDerivedFrom, art))
        if date:
            g.add((st, GEO.date, Literal(date, datatype=XSD.date if len(date) == 10 else XSD.gYearMonth)))
        if domain:
            g.add((st, GEO.domain, Literal(domain)))
        if location:
            g.add((st, GEO.location, ID[location]))
            mentioned.add(location)
        if modality in ("Asserted", "Reported"):
            g.add((ID[s], GEO[p], ID[o]))
        mentioned.update((s, o))
    for key in sorted(mentioned):
        entity_triples(g, key, full=False)
        g.add((ID[key], SKOS.altLabel, Literal(ENTITIES[key][2], lang="fr")))
    return g


def entities_graph(keys: set[str] | None = None) -> Graph:
    g = Graph()
    for key in sorted(keys if keys is not None else ENTITIES):
        entity_triples(g, key, full=True)
    return g


def build(store) -> None:  # noqa: ANN001 - a kg.store.GraphStore
    """Fill a store with both fixture articles and the entities graph."""
    for article_id in ARTICLES:
        store.replace_article(article_iri(article_id), article_graph(article_id))
    store.set_entities(entities_graph())


def union_graph() -> Graph:
    """What graph.ttl should hold: the set union of every graph."""
    g = Graph()
    for article_id in ARTICLES:
        g += article_graph(article_id)
    g += entities_graph()
    return g
