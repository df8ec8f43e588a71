"""`Linked`: what the linker gives for one article (on the spaCy side of the boundary).

`kg.extract` turns it into plain `Mention` and `Entity` values; the relation rules read it and
never change it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.types import Entity, Mention


@dataclass
class Linked:
    """Linking output on the spaCy side: token -> entity, plus mentions and entities."""

    tok2ent: dict[int, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)
    focal: str | None = None
    leaders: dict[str, str] = field(default_factory=dict)  # person key -> country key
    how: dict[str, str] = field(default_factory=dict)  # entity key -> how it was first linked

    def entity_of(self, tok: Token) -> str | None:
        return self.tok2ent.get(tok.i)
