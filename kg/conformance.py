"""The last-line guard before the RDF mapping: what would make a written graph break the shapes.

The relation stage already checks types (kg/relate/realise.py); this guard is the one place that
says, for any `Extraction` (from the extractor, a worker, a library user), which statements cannot be
written and why, so that every graph the build writes conforms to ontology/shapes.ttl:

* a self-loop (`X leads X`);
* a subject or object that is not an entity of the article, or whose type is outside the
  property's rdfs:domain / rdfs:range (`kg.vocab.type_error`: `country/BJ affiliatedWith group/al-qaeda`);
* a location that is not a place, a source (attributedTo) that is not an actor: the statement is
  kept without that qualifier.

`check(ex)` returns the extraction to write and what was dropped; the build lists the drops on its
report ("dropped statement <s p o> in <article>: <reason>"), a warning unless `kg build --strict`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kg.types import Extraction, Relation
from kg.vocab import is_a, type_error


@dataclass(frozen=True)
class Dropped:
    """A statement (or a qualifier of one) left out of the graph, and why."""

    article: str  # the article's source (file name, url or id)
    subject: str
    predicate: str
    object: str
    reason: str
    qualifier: str | None = None  # "location" / "attributedTo" when only that qualifier was dropped

    def __str__(self) -> str:
        what = f"the {self.qualifier} of statement" if self.qualifier else "statement"
        return f"dropped {what} <{self.subject} {self.predicate} {self.object}> in {self.article}: {self.reason}"


def violation(rel: Relation, types: dict[str, str]) -> str | None:
    """Why `rel` cannot be written (types: entity key -> class of the article's entities), or None."""
    if rel.subject == rel.object:
        return "the subject and the object are the same entity"
    if rel.subject not in types:
        return f"the subject {rel.subject} is not an entity of the article"
    if rel.object not in types:
        return f"the object {rel.object} is not an entity of the article"
    return type_error(rel.predicate, types[rel.subject], types[rel.object])


def check(ex: Extraction) -> tuple[Extraction, tuple[Dropped, ...]]:
    """The extraction without the statements that would break the shapes, and what was dropped.

    Pure and deterministic: the build calls it for the report, the RDF mapping for what it writes.
    """
    types = {e.key: e.type for e in ex.entities}
    where = ex.article.source or ex.article.id
    keep: list[Relation] = []
    dropped: list[Dropped] = []
    for rel in ex.relations:
        reason = violation(rel, types)
        if reason is not None:
            dropped.append(Dropped(where, rel.subject, rel.predicate, rel.object, reason))
            continue
        if rel.location and not is_a(types.get(rel.location), "Place"):
            dropped.append(Dropped(where, rel.subject, rel.predicate, rel.object, f"{rel.location} is not a place", "location"))
            rel = replace(rel, location=None)
        if rel.attributed_to and not is_a(types.get(rel.attributed_to), "Actor"):
            reason = f"{rel.attributed_to} is not an actor"
            dropped.append(Dropped(where, rel.subject, rel.predicate, rel.object, reason, "attributedTo"))
            rel = replace(rel, attributed_to=None)
        keep.append(rel)
    if not dropped:
        return ex, ()
    return replace(ex, relations=tuple(keep)), tuple(dropped)
