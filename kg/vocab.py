"""The closed vocabulary of the geopolitics ontology, mirrored in code.

`tests/test_ontology.py` checks that these tables and `ontology/geopolitics.ttl`
match exactly, so a typo in a term fails at once instead of minting a new,
meaningless IRI. What the code never branches on is read from the ontology file
instead of being copied here: labels in English and French (`label`), and each
relation's CAMEO codes, PLOVER categories and Wikidata alignments
(`RelationTerm.cameo`, `.plover`, `.wikidata`).

>>> prop("endsCooperationWith").family
'conflictual'
>>> prop("endsCoopWith")
Traceback (most recent call last):
...
kg.errors.VocabularyError: unknown relation 'endsCoopWith'; known relations: affiliatedWith, attacks, capitalOf, cooperatesWith, criticizes, demands, endsCooperationWith, expels, leads, locatedIn, meetsWith, memberOf, opposes, overthrows, rejects, sanctions, seizesPowerIn, signsAgreementWith, supports, threatens, withdrawsFrom
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg import iri, ontology_dir
from kg.errors import DataFileError, VocabularyError
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
    """A relation property: what the code relies on is here, its annotations come from the ontology."""

    name: str
    domain: str  # class local name
    range: str | None  # class local name; None = any resource (a place or an organisation)
    family: str  # cooperative | conflictual | structural
    symmetric: bool = False

    @property
    def cameo(self) -> tuple[str, ...]:
        """CAMEO codes (or code prefixes) of the property: its `geo:cameoCode` values."""
        return ontology_annotations(self.name, "cameoCode")

    @property
    def plover(self) -> tuple[str, ...]:
        """PLOVER categories of the property: its `geo:ploverCategory` values."""
        return ontology_annotations(self.name, "ploverCategory")

    @property
    def wikidata(self) -> tuple[str, ...]:
        """Wikidata properties ("P463") the property is aligned to (`skos:exactMatch` / `skos:closeMatch`)."""
        return ontology_annotations(self.name, "wikidata")


RELATIONS: dict[str, RelationTerm] = {
    t.name: t
    for t in (
        RelationTerm("cooperatesWith", "Actor", "Actor", "cooperative", symmetric=True),
        RelationTerm("supports", "Actor", "Actor", "cooperative"),
        RelationTerm("meetsWith", "Actor", "Actor", "cooperative", symmetric=True),
        RelationTerm("signsAgreementWith", "Actor", "Actor", "cooperative", symmetric=True),
        RelationTerm("endsCooperationWith", "Actor", "Actor", "conflictual"),
        RelationTerm("expels", "Actor", "Actor", "conflictual"),
        RelationTerm("withdrawsFrom", "Actor", None, "conflictual"),
        RelationTerm("criticizes", "Actor", "Actor", "conflictual"),
        RelationTerm("threatens", "Actor", "Actor", "conflictual"),
        RelationTerm("demands", "Actor", "Actor", "conflictual"),
        RelationTerm("rejects", "Actor", "Actor", "conflictual"),
        RelationTerm("sanctions", "Actor", "Actor", "conflictual"),
        RelationTerm("attacks", "Actor", "Actor", "conflictual"),
        RelationTerm("opposes", "Actor", "Actor", "conflictual"),
        RelationTerm("seizesPowerIn", "Actor", "Country", "conflictual"),
        RelationTerm("overthrows", "Actor", "Person", "conflictual"),
        RelationTerm("leads", "Person", "Actor", "structural"),
        RelationTerm("memberOf", "Actor", "Organization", "structural"),
        RelationTerm("locatedIn", "Place", "Place", "structural"),
        RelationTerm("capitalOf", "City", "Country", "structural"),
        RelationTerm("affiliatedWith", "ArmedGroup", "Organization", "structural"),
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


def is_a(cls: str | None, ancestor: str) -> bool:
    """Whether the class `cls` is `ancestor` or one of its subclasses (`EXTRA_SUPERCLASSES` included).

    >>> is_a("ArmedGroup", "Organization"), is_a("Country", "Place"), is_a("Country", "Organization")
    (True, True, False)
    """
    todo = [cls] if cls else []
    while todo:
        c = todo.pop()
        if c == ancestor:
            return True
        parent = CLASSES.get(c)
        if parent:
            todo.append(parent)
        todo.extend(EXTRA_SUPERCLASSES.get(c, ()))
    return False


def type_error(prop_name: str, subject_type: str | None, object_type: str | None) -> str | None:
    """Why a subject of `subject_type` and an object of `object_type` cannot take the relation
    `prop_name` (its rdfs:domain and rdfs:range, and the shapes' extra rule for withdrawsFrom), or None.

    >>> type_error("affiliatedWith", "Country", "ArmedGroup")
    'the subject is a Country, affiliatedWith needs an ArmedGroup (rdfs:domain)'
    >>> type_error("leads", "Person", "Country") is None
    True
    """
    term = prop(prop_name)
    if not is_a(subject_type, term.domain):
        return f"the subject is {_a(subject_type)}, {term.name} needs {_a(term.domain)} (rdfs:domain)"
    if term.range is not None and not is_a(object_type, term.range):
        return f"the object is {_a(object_type)}, {term.name} needs {_a(term.range)} (rdfs:range)"
    if term.range is None and not (is_a(object_type, "Place") or is_a(object_type, "Organization")):
        return f"the object is {_a(object_type)}, {term.name} needs a place or an organisation"
    return None


def _a(cls: str | None) -> str:
    if not cls:
        return "not an entity of the article"
    return f"an {cls}" if cls[0] in "AEIOU" else f"a {cls}"


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


# ---------------------------------------------------------------------- read from the ontology file
@dataclass(frozen=True)
class _OntologyFacts:
    labels: dict[str, dict[str, str]]  # local name -> language -> rdfs:label
    annotations: dict[str, dict[str, tuple[str, ...]]]  # local name -> cameoCode | ploverCategory | wikidata -> values


@functools.lru_cache(maxsize=1)
def _ontology_facts() -> _OntologyFacts:
    """Labels and relation annotations of `ontology/geopolitics.ttl`, parsed once, in file order."""
    import pyoxigraph as ox  # not at import time: most users of the vocabulary never need the file

    path = ontology_dir() / "geopolitics.ttl"
    labels: dict[str, dict[str, list[str]]] = {}
    annotations: dict[str, dict[str, list[str]]] = {}
    try:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as e:
        raise DataFileError(path, f"not valid Turtle: {e.msg}", line=e.lineno) from e
    except OSError as e:
        raise DataFileError(path, f"cannot read the ontology: {e}; reinstall geokg (pip install -e .)") from e
    for t in triples:
        name = iri.geo_name(t.subject.value) if isinstance(t.subject, ox.NamedNode) else None
        if name is None:
            continue
        p, o = t.predicate.value, t.object
        if p == iri.RDFS_LABEL and isinstance(o, ox.Literal) and o.language:
            labels.setdefault(name, {}).setdefault(o.language, []).append(o.value)
        elif p in (iri.geo("cameoCode"), iri.geo("ploverCategory")) and isinstance(o, ox.Literal):
            annotations.setdefault(name, {}).setdefault(p[len(iri.ONTOLOGY_NS) :], []).append(o.value)
        elif p in (iri.SKOS_EXACT_MATCH, iri.SKOS_CLOSE_MATCH) and isinstance(o, ox.NamedNode) and o.value.startswith(iri.WIKIDATA_PROPERTY):
            annotations.setdefault(name, {}).setdefault("wikidata", []).append(o.value[len(iri.WIKIDATA_PROPERTY) :])
    return _OntologyFacts(
        labels={n: {lang: min(values) for lang, values in by_lang.items()} for n, by_lang in labels.items()},
        annotations={n: {k: tuple(v) for k, v in by_key.items()} for n, by_key in annotations.items()},
    )


def label(name: str, lang: str) -> str:
    """The ontology's `rdfs:label` of a term (class, property or modality local name) in `lang`.

    >>> label("endsCooperationWith", "fr"), label("Country", "en")
    ('met fin à la coopération avec', 'Country')
    """
    found = _ontology_facts().labels.get(name, {}).get(lang)
    if found is None:
        raise VocabularyError(f"the ontology has no rdfs:label in {lang!r} for {name!r}; add one to ontology/geopolitics.ttl")
    return found


def ontology_annotations(name: str, key: str) -> tuple[str, ...]:
    """Values of the annotation `key` (cameoCode, ploverCategory, wikidata) of a term, in file order."""
    return _ontology_facts().annotations.get(name, {}).get(key, ())
