"""Titles: the role a title gives a person, and the one place that says when a title makes a leader.

* `leader_of(role, led)`: a title whose role is a leader role (`kg.gazetteer.LEADER_ROLES`: head of
  state or government, leader) over a country or a body makes its holder lead it ("le président du
  Niger", "Russian President X", "le chef de la junte malienne"); ministers and ranks lead nothing.
  The linker (`Linked.leaders`) and the relation rules (`leads`) both ask it.
* `title_at(run, i)`: the longest title starting at a token, read on the article's token arrays
  (the linker: "le président ghanéen X", "Premier ministre X");
* `title_role_around(tok, ...)`: the role a title noun gives with the words around it ("premier
  ministre", "chef de l'État"), for the relation rules; none for a past title (`former`: "l'ancien
  président", "former President", "le président sortant").
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.data_tables import words
from kg.errors import LanguageError
from kg.gazetteer import BODY_LEADER, LEADER_ROLES, Gazetteer
from kg.iri import fold

if TYPE_CHECKING:
    from kg.link.run import Run

# longest title looked for, in tokens ("chef d'état-major des armées")
MAX_TITLE_TOKENS = 6


def leader_of(role: str | None, led: str | None) -> str | None:
    """What the holder of a title with `role` leads: `led` for a leader role, else None.

    A body's leader (`BODY_LEADER`: "directeur général") leads an organisation or a group, never a
    country ("le directeur général de la police").

    >>> leader_of("head_of_state", "country/NE"), leader_of("minister", "country/NE"), leader_of("leader", None)
    ('country/NE', None, None)
    >>> leader_of("body_leader", "org/who"), leader_of("body_leader", "country/NE")
    ('org/who', None)
    """
    if role == BODY_LEADER:
        return led if led and led.startswith(("org/", "group/")) else None
    return led if led and role in LEADER_ROLES else None


def former(tok: Token) -> bool:
    """Whether a title is a past one: "l'ancien président", "l'ex-Premier ministre", "former President",
    "le président sortant" (words: `former_title` of kg/data/words.tsv, for the article's language)."""
    past = _former_words(tok.doc.lang_)
    if tok.lower_.startswith("ex-") or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in past):
        return True
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in past for c in tok.children)


@functools.lru_cache(maxsize=8)
def _former_words(lang: str) -> frozenset[str]:
    try:
        return words(lang).former_title
    except LanguageError:
        return frozenset()


def title_role_around(tok: Token, gazetteer: Gazetteer, lang: str) -> str | None:
    """The role a title noun gives, trying multiword titles around it ("premier ministre", "chef de l'État");
    None for a past title ("l'ancien président": `former`)."""
    if former(tok):
        return None
    doc = tok.doc
    forms = [tok.text, tok.lemma_]
    if tok.i > 0:
        forms.append(f"{doc[tok.i - 1].text} {tok.text}")
    if tok.i > 1 and doc[tok.i - 1].text == "-":
        forms.append(doc[tok.i - 2 : tok.i + 1].text)  # a hyphenated title split by the tokenizer: "Secretary-General"
    for j in range(tok.i + 2, min(tok.i + 5, len(doc)) + 1):
        forms.append(doc[tok.i : j].text)
    roles = [gazetteer.title_role(f, lang) for f in forms]
    # the most specific (longest) title wins: "ministre des affaires étrangères" is not "ministre" + nothing
    for _form, role in sorted(zip(forms, roles, strict=True), key=lambda fr: -len(fr[0])):
        if role:
            return role
    return None


def title_at(run: Run, i: int) -> tuple[str, int] | None:
    """(role, end) of the longest title starting at token i ("Premier ministre", "chef de l'État")."""
    facts, tables = run.facts, run.tables
    text, starts, ends, punct, lemmas = facts.text, facts.starts, facts.ends, facts.punct, facts.lemmas
    if fold(facts.texts[i]) not in tables.title_prefixes and tables.title_role(lemmas[i]) is None:
        return None  # no title starts with this word: no span to try
    best = None
    for j in range(min(len(starts), i + MAX_TITLE_TOKENS), i, -1):
        if any(punct[i:j]):
            continue
        # the text of the span doc[i:j] (Span.text: without the last token's whitespace)
        role = tables.title_role(text[starts[i] : ends[j - 1]])
        if role is None and j == i + 1:
            role = tables.title_role(lemmas[i])
        if role is not None:
            best = (role, j)
            break
    return best
