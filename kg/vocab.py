"""The closed vocabulary of the geopolitics ontology, mirrored in code.

`tests/test_ontology.py` checks that these tables and `ontology/geopolitics.ttl`
match exactly, so a typo in a term fails at once instead of minting a new,
meaningless IRI.

>>> prop("endsCooperationWith").family
'conflictual'
>>> prop("endsCoopWith")
Traceback (most recent call last):
...
kg.errors.VocabularyError: unknown relation 'endsCoopWith'; known relations: affiliatedWith, attacks, capitalOf, cooperatesWith, criticizes, demands, endsCooperationWith, expels, leads, locatedIn, meetsWith, memberOf, opposes, overthrows, rejects, sanctions, seizesPowerIn, signsAgreementWith, supports, threatens, withdrawsFrom
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import VocabularyError
from kg.iri import DEFAULT_BASE, ONTOLOGY_NS  # noqa: F401  (re-exported: the namespaces live in kg.iri)

# class local name -> parent class local name (None for roots)
CLASSES: dict[str, str | None] = {
    "Actor": None,
    "Country": "Actor",
    "Person": "Actor",
    "Organization": "Actor",
    "InternationalOrganization": "Organization",
    "ArmedGroup": "Organization",
    "Government": "Organization",
    "ArmedForces": "Organization",
    "Place": None,
    "City": "Place",
    "Region": "Place",
    "GeoRegion": "Place",
    "Article": None,
    "Statement": None,
}

# Country is also a Place (it can be the location of an event).
EXTRA_SUPERCLASSES: dict[str, tuple[str, ...]] = {"Country": ("Place",)}

ENTITY_TYPES = tuple(c for c in CLASSES if c not in ("Actor", "Organization", "Place", "Article", "Statement"))


@dataclass(frozen=True)
class RelationTerm:
    name: str
    domain: str  # class local name
    range: str | None  # class local name; None = any resource (a place or an organisation)
    family: str  # cooperative | conflictual | structural
    cameo: tuple[str, ...] = ()
    plover: tuple[str, ...] = ()
    wikidata: tuple[str, ...] = ()
    symmetric: bool = False


RELATIONS: dict[str, RelationTerm] = {
    t.name: t
    for t in (
        RelationTerm("cooperatesWith", "Actor", "Actor", "cooperative", ("05", "06"), ("COOPERATE",), symmetric=True),
        RelationTerm("supports", "Actor", "Actor", "cooperative", ("05", "07"), ("SUPPORT", "AID")),
        RelationTerm("meetsWith", "Actor", "Actor", "cooperative", ("04",), ("CONSULT",), symmetric=True),
        RelationTerm("signsAgreementWith", "Actor", "Actor", "cooperative", ("057",), ("AGREE", "SUPPORT"), symmetric=True),
        RelationTerm("endsCooperationWith", "Actor", "Actor", "conflictual", ("16",), ("SANCTION",)),
        RelationTerm("expels", "Actor", "Actor", "conflictual", ("166",), ("SANCTION",)),
        RelationTerm("withdrawsFrom", "Actor", None, "conflictual", ("087",), ("RETREAT",)),
        RelationTerm("criticizes", "Actor", "Actor", "conflictual", ("11",), ("ACCUSE",)),
        RelationTerm("threatens", "Actor", "Actor", "conflictual", ("13",), ("THREATEN",)),
        RelationTerm("demands", "Actor", "Actor", "conflictual", ("10",), ("REQUEST",)),
        RelationTerm("rejects", "Actor", "Actor", "conflictual", ("12",), ("REJECT",)),
        RelationTerm("sanctions", "Actor", "Actor", "conflictual", ("163",), ("SANCTION",)),
        RelationTerm("attacks", "Actor", "Actor", "conflictual", ("18", "19", "20"), ("ASSAULT",)),
        RelationTerm("opposes", "Actor", "Actor", "conflictual", ("14",), ("PROTEST",)),
        RelationTerm("seizesPowerIn", "Actor", "Country", "conflictual", ("180",), ("COERCE", "ASSAULT")),
        RelationTerm("overthrows", "Actor", "Person", "conflictual", ("180",), ()),
        RelationTerm("leads", "Person", "Actor", "structural", (), (), ("P35", "P6", "P488")),
        RelationTerm("memberOf", "Actor", "Organization", "structural", (), (), ("P463",)),
        RelationTerm("locatedIn", "Place", "Place", "structural", (), (), ("P131", "P17")),
        RelationTerm("capitalOf", "City", "Country", "structural", (), (), ("P1376",)),
        RelationTerm("affiliatedWith", "ArmedGroup", "Organization", "structural", (), (), ("P1416",)),
    )
}

FAMILIES = ("cooperative", "conflictual", "structural")
COOPERATIVE_FAMILY = ("cooperatesWith", "supports", "signsAgreementWith", "meetsWith")

MODALITIES = ("Asserted", "Reported", "Hedged", "Negated")
FACTUAL_MODALITIES = ("Asserted", "Reported")  # only these become direct triples

DOMAINS = (
    "intelligence",
    "military",
    "security",
    "economic",
    "diplomatic",
    "energy",
    "humanitarian",
    "political",
    "judicial",
    "nuclear",
)

# Statement vocabulary: property local names used on geo:Statement and geo:Article.
STATEMENT_PROPERTIES = (
    "modality",
    "domain",
    "date",
    "location",
    "attributedTo",
    "attributedText",
    "evidence",
    "startOffset",
    "endOffset",
    "confidence",
    "rule",
    "trigger",
)
ARTICLE_PROPERTIES = ("title", "url", "fileName", "publisher", "date", "language", "contentHash")


def prop(name: str) -> RelationTerm:
    """The relation term called `name`, or a VocabularyError listing the known ones."""
    try:
        return RELATIONS[name]
    except KeyError:
        raise VocabularyError(f"unknown relation {name!r}; known relations: {', '.join(sorted(RELATIONS))}") from None


def check_class(name: str) -> str:
    """`name` if it is a class of the ontology, else a VocabularyError."""
    if name not in CLASSES:
        raise VocabularyError(f"unknown class {name!r}; known classes: {', '.join(sorted(CLASSES))}")
    return name


def check_modality(name: str) -> str:
    if name not in MODALITIES:
        raise VocabularyError(f"unknown modality {name!r}; known modalities: {', '.join(MODALITIES)}")
    return name


def check_domain(name: str) -> str:
    if name not in DOMAINS:
        raise VocabularyError(f"unknown domain {name!r}; known domains: {', '.join(DOMAINS)}")
    return name
