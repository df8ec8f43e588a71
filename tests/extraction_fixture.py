"""What the construction tests share: one extraction of a made-up sentence, and the check of what it
gives ("fact" = asserted or reported) and must not give as a fact. The `extractor` fixture is in
conftest.py (one Extractor for the whole session: the models load once)."""

from __future__ import annotations

from kg.extract import Extractor
from kg.iri import article_id, content_hash
from kg.types import Article, Extraction

Triple = tuple[str, str, str]
Statement = tuple[str, str, str, str]  # subject, predicate, object, modality (or "fact")


def run(extractor: Extractor, lang: str, text: str) -> Extraction:
    art = Article(id=article_id(text), text=text, source="test", lang=lang, date="2025-03-14", content_hash=content_hash(text))
    return extractor(art)


def check(extractor: Extractor, lang: str, text: str, expected: list[Statement], absent: list[Triple]) -> None:
    """Each expected statement is produced with its modality ("fact": asserted or reported); no absent
    triple is produced as a fact."""
    rels = run(extractor, lang, text).relations
    got = {(r.subject, r.predicate, r.object, r.modality) for r in rels}
    plain = {(r.subject, r.predicate, r.object) for r in rels if r.modality in ("Asserted", "Reported")}
    for st in expected:
        assert (st[:3] in plain if st[3] == "fact" else st in got), (st, sorted(got))
    for triple in absent:
        assert triple not in plain, (triple, sorted(got))


def c(code: str) -> str:
    """A country's key ("ML" -> "country/ML")."""
    return f"country/{code}"


def p(slug: str) -> str:
    """A person's key ("assimi-goita" -> "person/assimi-goita")."""
    return f"person/{slug}"


def check_exact(extractor: Extractor, lang: str, text: str, expected: dict[Triple, str], absent: list[Triple]) -> None:
    """Each expected triple is produced with exactly that modality ("Asserted", "Negated"...); no absent
    triple is produced as a fact."""
    out = {(r.subject, r.predicate, r.object): r.modality for r in run(extractor, lang, text).relations}
    for triple, mod in expected.items():
        assert out.get(triple) == mod, (triple, mod, sorted(out.items()))
    facts = {t for t, m in out.items() if m in ("Asserted", "Reported")}
    for triple in absent:
        assert triple not in facts, (triple, sorted(out.items()))
