"""Acronyms: "Conseil national pour la sauvegarde de la patrie (CNSP)" makes "CNSP", there and later in
the article, that name; an acronym the NER linked once ("MRES says") is every "MRES"."""

from __future__ import annotations

from spacy.tokens import Span

from kg.iri import fold
from kg.link.run import Run


def acronym_after(span: Span, key: str) -> dict[str, str]:
    """ "Conseil national pour la sauvegarde de la patrie (CNSP)": the acronym in parentheses
    right after a name is that name."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        acr = doc[span.end + 1].text
        if abbreviates(acr, span):
            return {acr: key}
    return {}


def acronyms_in_parentheses(run: Run) -> None:
    """ "Le Mouvement pour ... (MRSO)": the parser hangs the acronym on the name (apposition) even
    when the NER cut the name short; the acronym and its later uses are that name."""
    doc, out, taken, acronyms = run.doc, run.out, run.taken, run.acronyms
    texts = run.facts.texts
    inside = [doc[i] for i in range(1, len(texts) - 1) if texts[i - 1] == "(" and texts[i + 1] == ")"]
    for tok in inside:
        if tok.i in taken:
            continue
        key = out.tok2ent.get(tok.head.i) if tok.dep_ == "appos" else None
        if key is None or key.startswith("person/"):
            continue
        name = [m for m in out.mentions if m.entity == key and m.start <= tok.head.idx < m.end]
        span = doc.char_span(name[0].start, name[0].end) if name else None
        if abbreviates(tok.text, span if span is not None else doc[tok.head.i : tok.head.i + 1]):
            acronyms.setdefault(tok.text, key)
    for m in list(out.mentions):  # an acronym the NER saw once ("MRES says") is every "MRES"
        if m.how == "ner:org" and m.text.isupper() and " " not in m.text:
            acronyms.setdefault(m.text, m.entity)
    for i, text in enumerate(texts):
        if i not in taken and text in acronyms:
            run.add(doc[i : i + 1], acronyms[text], "acronym:local")
            taken.add(i)


def abbreviates(acronym: str, name: Span) -> bool:
    """Whether an upper-case word can be the acronym of a name: same first letter ("CNSP" of
    "Conseil national pour la sauvegarde de la patrie", not "MRES" of "Sahel")."""
    if not (acronym.isupper() and 2 <= len(acronym) <= 8):
        return False
    first = fold(name.text)[:1]
    return bool(first) and fold(acronym)[:1] == first
