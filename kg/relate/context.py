"""What every rule sees of one article (`Context`) and what every rule yields (`Candidate`).

A `Context` is built once per `relate()` call and dropped after it: nothing of an article outlives
its call. The linker's result is read, never written; the gazetteer entities the relations bring in
(the country a head of state acts for, the country of a capital...) go to `Entities.added`, which
`relate()` returns next to the relations.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.data_tables import Words
from kg.gazetteer import Gazetteer
from kg.link import Linked
from kg.relate.lexicon import Cue, Lexicon
from kg.types import Entity


@dataclass
class Candidate:
    """A relation a rule found, before its arguments are resolved to entities and qualified.

    `subjects` and `objects` are argument tokens (resolved by `kg.relate.arguments.resolve`), unless
    the rule already knows the entity keys (`subject_keys`, `object_keys`).
    """

    trigger: Token
    subjects: list[Token]
    objects: list[Token]
    cue: Cue
    rule: str  # rule id, "<lang>.<name>" (Relation.rule)
    subject_keys: list[str] | None = None
    object_keys: list[str] | None = None


class Entities:
    """The article's entities as the rules see them: the linker's, plus the gazetteer entities that
    relate brings in (`added`, with the id of the rule that brought each in `how`)."""

    def __init__(self, linked: Mapping[str, Entity], gazetteer: Gazetteer) -> None:
        self._linked = linked
        self._gazetteer = gazetteer
        self.added: dict[str, Entity] = {}
        self.how: dict[str, str] = {}

    def get(self, key: str) -> Entity | None:
        return self._linked.get(key) or self.added.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._linked or key in self.added

    def bring(self, key: str, how: str) -> None:
        """Add the gazetteer's entity `key`, if the article has not linked it and the gazetteer has it."""
        if key not in self._linked and key not in self.added:
            entity = self._gazetteer.get(key)
            if entity is not None:
                self.added[key] = entity
                self.how[key] = how


@dataclass
class Context:
    """One article as the rules see it: the parse, the linker's result, the tables of its language."""

    doc: Doc
    lang: str
    linked: Linked
    gazetteer: Gazetteer
    lexicon: Lexicon
    words: Words
    lemmas: list[str]  # the folded lemma of each token (kg.relate.lexicon.doc_lemmas), read once
    article_date: str | None = None
    entities: Entities = field(init=False)
    # relation nouns with an explicit partner, in text order: (token index, partner keys); set by the
    # driver (kg.relate.arguments.antecedents), read by anaphora ("ces collaborations")
    antecedents: list[tuple[int, list[str]]] = field(default_factory=list)
    # the relations found so far, in the order found: (trigger index, subject key, property, object key);
    # set by the driver, read by event anaphora ("ont condamné ce revirement": the agent of the act named
    # before; "Pékin a rejeté ces accusations": the one who accused Beijing)
    events: list[tuple[int, str, str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entities = Entities(self.linked.entities, self.gazetteer)

    @functools.cached_property
    def entity_tokens(self) -> list[Token]:
        """The tokens that belong to an entity, in text order."""
        n = len(self.doc)
        return [self.doc[i] for i in sorted(i for i in self.linked.tok2ent if 0 <= i < n)]

    @functools.cached_property
    def person_names(self) -> dict[int, list[Token]]:
        """First token of each person's name -> the name's tokens (the person's tokens among the six
        from the first: a person named again within them is the same name)."""
        out: dict[int, list[Token]] = {}
        seen: set[int] = set()
        tok2ent = self.linked.tok2ent
        for tok in self.entity_tokens:
            key = tok2ent.get(tok.i)
            if key is None or not key.startswith("person/") or tok.i in seen:
                continue
            name = [t for t in self.doc[tok.i : tok.i + 6] if tok2ent.get(t.i) == key]
            seen.update(t.i for t in name)
            out[tok.i] = name
        return out

    @functools.cached_property
    def first_mention_ends(self) -> dict[str, int]:
        """Entity key -> the last token of its first mention (a run of tokens linked to it)."""
        out: dict[str, int] = {}
        tok2ent, n = self.linked.tok2ent, len(self.doc)
        for tok in self.entity_tokens:
            key = tok2ent[tok.i]
            if key not in out and (tok.i + 1 >= n or tok2ent.get(tok.i + 1) != key):
                out[key] = tok.i
        return out
