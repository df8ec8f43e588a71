"""Plain data passed between pipeline stages.

spaCy objects never cross these types: everything here is frozen, hashable,
picklable (so it travels to worker processes and Dask workers) and free of
rdflib. The RDF mapping (`kg.rdf`) turns an `Extraction` into triples.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article, as read from a file, a JSON line or standard input.

    `id` is a pure function of the content (and of `source` when the input
    names a publisher), never of the file name: the same article saved under
    two names is one article.
    """

    id: str
    text: str
    source: str  # where it was read from: a path, "path:line" or "-"
    lang: str | None = None  # ISO 639-1; None means "detect"
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    publisher: str | None = None
    content_hash: str = ""


@dataclass(frozen=True)
class Entity:
    """A canonical real-world entity (from the gazetteer or minted locally).

    `key` is the stable identity, e.g. "country/NE", "org/ecowas",
    "person/abdourahamane-tiani"; the entity IRI is `base + key`.
    """

    key: str
    type: str  # local name of a class in vocab.CLASSES
    label_en: str | None = None
    label_fr: str | None = None
    geonames: int | None = None
    wikidata: str | None = None  # "Q1032"
    country: str | None = None  # key of the country it belongs to / leads
    parent: str | None = None  # key of the region or country it is located in
    capital_of: str | None = None  # for capitals: key of the country
    aliases: tuple[str, ...] = ()  # surface forms seen (skos:altLabel)
    affiliations: tuple[str, ...] = ()  # armed groups: keys of groups it is affiliated with
    members_of: tuple[str, ...] = ()  # keys of organisations it is a member of (gazetteer)

    def label(self, lang: str = "en") -> str:
        """Best label in `lang`, falling back to the other language or the key."""
        first, second = (self.label_fr, self.label_en) if lang == "fr" else (self.label_en, self.label_fr)
        return first or second or self.key.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Mention:
    """A span of the article text linked to an entity."""

    start: int  # character offsets in Article.text
    end: int
    text: str
    entity: str  # Entity.key
    score: float = 1.0
    how: str = ""  # why it was linked: "gazetteer", "demonym", "metonym:capital", "coref:surname"...


@dataclass(frozen=True)
class Relation:
    """One extracted relation with its modality, qualifiers and provenance."""

    subject: str  # Entity.key
    predicate: str  # local name in vocab.RELATIONS
    object: str  # Entity.key
    modality: str  # one of vocab.MODALITIES
    evidence: str  # the sentence
    start: int  # character offsets of the evidence sentence in Article.text
    end: int
    rule: str  # id of the rule that produced it
    confidence: float = 0.5
    domain: str | None = None  # one of vocab.DOMAINS
    date: str | None = None  # ISO date or year-month ("2023-07") or year
    location: str | None = None  # Entity.key of a place
    attributed_to: str | None = None  # Entity.key, or None
    attributed_text: str | None = None  # the source as written ("plusieurs sources sécuritaires")
    trigger: str | None = None  # the cue as written


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article: the spaCy boundary."""

    article: Article
    lang: str
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
