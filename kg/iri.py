"""Deterministic identifiers: every IRI geokg mints or uses is made here, from keys.

IRIs are pure functions of normalised keys (ISO code, GeoNames id, normalised name, content
hash); raw article text never becomes part of an IRI, it goes through `slug()` first. The
functions return plain strings: the RDF code (`kg.rdf`) makes pyoxigraph terms of them.

>>> slug("Abdourahamane Tiani")
'abdourahamane-tiani'
>>> slug("Côte d'Ivoire <script>")
'cote-d-ivoire-script'
>>> slug("")
'x'
>>> content_hash("Le Niger rompt.")[:12]
'326ef3523cb1'
>>> article_iri("0123456789abcdef")
'https://w3id.org/geokg/id/article/0123456789abcdef'
>>> entity_iri("country/NE", base="https://example.org/kg/")
'https://example.org/kg/country/NE'
>>> geo("endsCooperationWith")
'https://w3id.org/geokg/ontology#endsCooperationWith'
>>> base_of("https://example.org/kg/article/0123456789abcdef")
'https://example.org/kg/'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

# ---------------------------------------------------------------------- namespaces
ONTOLOGY_NS = "https://w3id.org/geokg/ontology#"
DEFAULT_BASE = "https://w3id.org/geokg/id/"  # a setting (`Settings.base`, `kg build --base`)
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
PROV_NS = "http://www.w3.org/ns/prov#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
GEONAMES = "https://sws.geonames.org/{}/"
WIKIDATA = "http://www.wikidata.org/entity/{}"
WIKIDATA_PROPERTY = "http://www.wikidata.org/prop/direct/"  # `wdt:`, the ontology's alignments

# The vocabulary terms geokg writes besides its own ontology's.
RDF_TYPE = RDF_NS + "type"
RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = RDF_NS + "subject", RDF_NS + "predicate", RDF_NS + "object"
RDFS_LABEL = RDFS_NS + "label"
SKOS_ALT_LABEL = SKOS_NS + "altLabel"
SKOS_EXACT_MATCH, SKOS_CLOSE_MATCH = SKOS_NS + "exactMatch", SKOS_NS + "closeMatch"
OWL_SAME_AS = OWL_NS + "sameAs"
PROV_WAS_DERIVED_FROM = PROV_NS + "wasDerivedFrom"
XSD_STRING = XSD_NS + "string"

# Paths of minted resources under the base. An entity's path is its key ("country/NE").
ARTICLE_PATH = "article/"
STATEMENT_PATH = "statement/"
ENTITIES_GRAPH = "graph/entities"

# one prefix per kind of resource key, so Turtle reads `country:NE` rather than `id:country\/NE`
KEY_PREFIXES = ("article", "statement", "country", "city", "region", "georegion", "place", "person", "org", "group", "graph")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes every serialisation and query uses, `id:` bound to `base`."""
    return {
        "geo": ONTOLOGY_NS,
        "id": base,
        **{k: f"{base}{k}/" for k in KEY_PREFIXES},
        "rdf": RDF_NS,
        "rdfs": RDFS_NS,
        "owl": OWL_NS,
        "skos": SKOS_NS,
        "prov": PROV_NS,
        "xsd": XSD_NS,
    }


# ---------------------------------------------------------------------- IRIs
def geo(name: str) -> str:
    """The ontology term `name` (a class, property or modality local name; see kg.vocab)."""
    return ONTOLOGY_NS + name


def geo_name(iri: str) -> str | None:
    """The local name of an ontology term, None for any other IRI.

    >>> geo_name("https://w3id.org/geokg/ontology#Country"), geo_name("https://example.org/x")
    ('Country', None)
    """
    return iri[len(ONTOLOGY_NS) :] if iri.startswith(ONTOLOGY_NS) else None


def entity_iri(key: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of the entity with `key` ("country/NE", "person/abdourahamane-tiani")."""
    return base + key


def article_iri(article_id: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of an article, which also names the article's graph."""
    return f"{base}{ARTICLE_PATH}{article_id}"


def statement_iri(statement_id: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of one extracted statement (`statement_id` from `statement_id()`)."""
    return f"{base}{STATEMENT_PATH}{statement_id}"


def entities_graph_iri(*, base: str = DEFAULT_BASE) -> str:
    """The name of the graph holding the gazetteer's entity descriptions."""
    return base + ENTITIES_GRAPH


def build_entities_graph_iri(build_id: str, *, base: str = DEFAULT_BASE) -> str:
    """The graph a pushed build's entity descriptions go to in a shared remote store (`kg push`).

    >>> build_entities_graph_iri("b1")
    'https://w3id.org/geokg/id/graph/entities/b1'
    """
    return f"{entities_graph_iri(base=base)}/{build_id}"


def geonames_iri(geonames_id: int | str) -> str:
    """The GeoNames IRI of a place: `geonames_iri(2440476)` -> 'https://sws.geonames.org/2440476/'."""
    return GEONAMES.format(geonames_id)


def wikidata_iri(qid: str) -> str:
    """The Wikidata IRI of an item: `wikidata_iri("Q1032")` -> 'http://www.wikidata.org/entity/Q1032'."""
    return WIKIDATA.format(qid)


def is_geonames(value: str) -> bool:
    """Whether `value` is a GeoNames IRI (http or https)."""
    return "//sws.geonames.org/" in value


def is_wikidata(value: str) -> bool:
    """Whether `value` is a Wikidata item IRI (http or https)."""
    return "//www.wikidata.org/entity/" in value


def base_of(graph_name: str) -> str | None:
    """The base of an article IRI or of the entities graph name, None for any other IRI."""
    marker = "/" + ARTICLE_PATH
    if marker in graph_name:
        return graph_name[: graph_name.rindex(marker) + 1]
    if graph_name.endswith("/" + ENTITIES_GRAPH):
        return graph_name[: -len(ENTITIES_GRAPH)]
    return None


def entity_key(iri: str, *, base: str = DEFAULT_BASE) -> str | None:
    """The key of an entity IRI minted under `base`; None for articles, statements and other IRIs.

    >>> entity_key("https://w3id.org/geokg/id/country/NE"), entity_key("https://w3id.org/geokg/id/article/ab")
    ('country/NE', None)
    """
    if not iri.startswith(base):
        return None
    key = iri[len(base) :]
    return None if key.startswith((ARTICLE_PATH, STATEMENT_PATH)) else key


# ---------------------------------------------------------------------- keys and hashes
_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, strip accents and normalise apostrophes and spaces (for matching).

    Pure, and called for the same words over and over (rules, titles, lemmas): memoised.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    return " ".join(text.lower().split())


def slug(text: str, *, max_length: int = 60) -> str:
    """A safe IRI path segment from any text: ascii, lower-case, hyphens."""
    value = _NON_WORD.sub("-", fold(text)).strip("-")[:max_length].strip("-")
    return value or "x"


def content_hash(text: str) -> str:
    """SHA-256 of the text, hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def article_id(text: str, publisher: str | None = None) -> str:
    """The identity of an article: its content, plus its publisher when one is named.

    The file name is deliberately not part of it: the same article saved twice is one article.
    """
    return content_hash(f"{publisher or ''}\n{text}")[:16]


def statement_id(article: str, subject: str, predicate: str, obj: str, start: int, end: int, rule: str) -> str:
    """Identity of one extracted statement within one article."""
    return content_hash("|".join((article, subject, predicate, obj, str(start), str(end), rule)))[:20]
