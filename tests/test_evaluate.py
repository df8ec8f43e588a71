"""The `kg eval` scorer on hand-made extractions (no spaCy, no gazetteer data)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kg.errors import InputError
from kg.evaluate import COOPERATIVE_LABEL, PRF, format_report, read_gold, score
from kg.types import Article, Entity, Extraction, Relation

ENTITIES = {
    e.key: e
    for e in (
        Entity("country/NE", "Country", "Niger", "Niger"),
        Entity("country/NG", "Country", "Nigeria", "Nigéria"),
        Entity("country/RU", "Country", "Russia", "Russie"),
        Entity("country/TR", "Country", "Turkey", "Turquie"),
        Entity("country/ML", "Country", "Mali", "Mali"),
        Entity("country/FR", "Country", "France", "France"),
        Entity("org/ecowas", "InternationalOrganization", "ECOWAS", "CEDEAO"),
        Entity(
            "person/abdourahamane-tiani", "Person", "Abdourahamane Tiani", "Abdourahamane Tiani", aliases=("Tiani",)
        ),
        Entity("person/tiani", "Person", None, "Tiani"),  # a surname alone, minted locally
        Entity("city/2440485", "City", "Niamey", "Niamey"),
        Entity("region/NE-tillaberi", "Region", "Tillabéri", "Tillabéri"),
    )
}


def rel(s: str, p: str, o: str, modality: str = "Asserted", **kw: Any) -> Relation:
    return Relation(s, p, o, modality, evidence=f"{s} {p} {o}.", start=0, end=10, rule="test-rule", **kw)


def extraction(*relations: Relation, entities: tuple[str, ...] | None = None) -> Extraction:
    keys = entities if entities is not None else sorted({k for r in relations for k in (r.subject, r.object)})
    return Extraction(
        article=Article(id="a1", text="x", source="test"),
        lang="fr",
        entities=tuple(ENTITIES[k] for k in keys),
        relations=relations,
    )


def g(s: str, p: str, o: str, *, required: bool = True, modality: str = "asserted", **q: Any) -> dict[str, Any]:
    return {"s": s, "p": p, "o": o, "required": required, "qualifiers": {"modality": modality, **q}}


def gold(*facts: dict[str, Any], entities: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    return {
        "id": "art-1",
        "lang": "fr",
        "text": "x",
        "gold": list(facts),
        "entities": [{"name": n, "type": t} for n, t in entities],
    }


def counts(prf: PRF) -> tuple[int, int, int]:
    return (prf.tp, prf.fp, prf.fn)


ENDS = "endsCooperationWith"


@pytest.mark.parametrize(
    "case, facts, relations, strict, lenient",
    [
        ("exact match", [g("Niger", ENDS, "Russia")], [rel("country/NE", ENDS, "country/RU")], (1, 0, 0), (1, 0, 0)),
        (
            "reported fact counts",
            [g("Niger", ENDS, "Russia", modality="reported")],
            [rel("country/NE", ENDS, "country/RU", "Reported")],
            (1, 0, 0),
            (1, 0, 0),
        ),
        (
            "wrong direction, non-symmetric",
            [g("Niger", ENDS, "Russia")],
            [rel("country/RU", ENDS, "country/NE")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            "symmetric either way",
            [g("Niger", "cooperatesWith", "Russia")],
            [rel("country/RU", "cooperatesWith", "country/NE")],
            (1, 0, 0),
            (1, 0, 0),
        ),
        (
            "wrong predicate",
            [g("Niger", ENDS, "Russia")],
            [rel("country/NE", "criticizes", "country/RU")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            "Niger is not Nigeria",
            [g("Niger", ENDS, "Russia")],
            [rel("country/NG", ENDS, "country/RU")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            "hedged gold produced as fact",
            [g("Niger", ENDS, "Russia", modality="hedged")],
            [rel("country/NE", ENDS, "country/RU")],
            (0, 1, 0),
            (0, 1, 0),
        ),
        (
            "negated gold produced as fact",
            [g("Niger", ENDS, "Russia", modality="negated")],
            [rel("country/NE", ENDS, "country/RU", "Reported")],
            (0, 1, 0),
            (0, 1, 0),
        ),
        (
            "hedged gold produced hedged: no fact",
            [g("Niger", ENDS, "Russia", modality="hedged")],
            [rel("country/NE", ENDS, "country/RU", "Hedged")],
            (0, 0, 0),
            (0, 0, 0),
        ),
        ("required gold missed", [g("Niger", ENDS, "Russia")], [], (0, 0, 1), (0, 0, 1)),
        ("optional gold missed: not a FN", [g("Niger", ENDS, "Russia", required=False)], [], (0, 0, 0), (0, 0, 0)),
        (
            "optional gold produced: a TP",
            [g("Niger", ENDS, "Russia", required=False)],
            [rel("country/NE", ENDS, "country/RU")],
            (1, 0, 0),
            (1, 0, 0),
        ),
        (
            "duplicates count once",
            [g("Niger", ENDS, "Russia")],
            [rel("country/NE", ENDS, "country/RU"), rel("country/NE", ENDS, "country/RU", "Reported")],
            (1, 0, 0),
            (1, 0, 0),
        ),
        (
            "cooperative family merged when lenient",
            [g("France", "supports", "Niger")],
            [rel("country/FR", "cooperatesWith", "country/NE")],
            (0, 1, 1),
            (1, 0, 0),
        ),
        (
            "lenient family in either direction",
            [g("France", "supports", "Niger")],
            [rel("country/NE", "meetsWith", "country/FR")],
            (0, 1, 1),
            (1, 0, 0),
        ),
        (
            "two family members, one lenient fact",
            [g("France", "supports", "Niger")],
            [rel("country/FR", "supports", "country/NE"), rel("country/FR", "signsAgreementWith", "country/NE")],
            (1, 1, 0),
            (1, 0, 0),
        ),
        (
            "conflictual relations are not merged",
            [g("Niger", ENDS, "France")],
            [rel("country/NE", "expels", "country/FR")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            "full name from the key slug",
            [g("Abdourahamane Tiani", "leads", "Niger")],
            [rel("person/abdourahamane-tiani", "leads", "country/NE")],
            (1, 0, 0),
            (1, 0, 0),
        ),
        (
            "surname alone is not the person",
            [g("Abdourahamane Tiani", "leads", "Niger")],
            [rel("person/tiani", "leads", "country/NE")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            "French label matches",
            [g("CEDEAO", "sanctions", "Niger")],
            [rel("org/ecowas", "sanctions", "country/NE")],
            (1, 0, 0),
            (1, 0, 0),
        ),
    ],
)
def test_relation_scores(
    case: str,
    facts: list[dict[str, Any]],
    relations: list[Relation],
    strict: tuple[int, int, int],
    lenient: tuple[int, int, int],
) -> None:
    report = score([gold(*facts)], [extraction(*relations)], gazetteer=None)
    assert counts(report.strict) == strict, case
    assert counts(report.lenient) == lenient, case


def test_hedged_as_fact_is_listed_with_evidence_and_rule() -> None:
    report = score(
        [gold(g("Niger", ENDS, "Russia", modality="hedged"))],
        [extraction(rel("country/NE", ENDS, "country/RU"))],
        gazetteer=None,
    )
    [fp] = report.false_positives
    assert (fp.article, fp.s, fp.p, fp.o) == ("art-1", "country/NE", ENDS, "country/RU")
    assert "hedged" in fp.reason
    assert fp.evidence and fp.rule == "test-rule"


def test_misses_are_listed() -> None:
    report = score(
        [gold(g("Niger", ENDS, "Russia"), g("Niger", ENDS, "Turkey", required=False))], [extraction()], gazetteer=None
    )
    assert [(m.article, m.s, m.p, m.o) for m in report.misses] == [("art-1", "Niger", ENDS, "Russia")]


@pytest.mark.parametrize(
    "case, facts, relations, modality, accuracy",
    [
        (
            "hedged produced hedged",
            [g("Niger", ENDS, "Russia", modality="hedged")],
            [rel("country/NE", ENDS, "country/RU", "Hedged")],
            (1, 0, 0),
            (1, 1),
        ),
        (
            "negated produced hedged: still not a fact",
            [g("Niger", ENDS, "Russia", modality="negated")],
            [rel("country/NE", ENDS, "country/RU", "Hedged")],
            (1, 0, 0),
            (0, 1),
        ),
        (
            "hedged gold produced as fact",
            [g("Niger", ENDS, "Russia", modality="hedged")],
            [rel("country/NE", ENDS, "country/RU")],
            (0, 0, 1),
            (0, 1),
        ),
        (
            "asserted gold produced hedged",
            [g("Niger", ENDS, "Russia")],
            [rel("country/NE", ENDS, "country/RU", "Hedged")],
            (0, 1, 0),
            (0, 1),
        ),
        (
            "reported gold produced asserted",
            [g("Niger", ENDS, "Russia", modality="reported")],
            [rel("country/NE", ENDS, "country/RU")],
            (0, 0, 0),
            (0, 1),
        ),
        (
            "optional hedged gold missed",
            [g("Niger", ENDS, "Russia", modality="hedged", required=False)],
            [],
            (0, 0, 0),
            (0, 0),
        ),
    ],
)
def test_modality_scores(
    case: str,
    facts: list[dict[str, Any]],
    relations: list[Relation],
    modality: tuple[int, int, int],
    accuracy: tuple[int, int],
) -> None:
    report = score([gold(*facts)], [extraction(*relations)], gazetteer=None)
    assert counts(report.modality) == modality, case
    assert (report.modality_accuracy.correct, report.modality_accuracy.total) == accuracy, case


@pytest.mark.parametrize(
    "case, qualifiers, produced, expected",
    [
        (
            "all right",
            {"domain": "intelligence", "date": "2023-07", "location": "Tillabéri"},
            {"domain": "intelligence", "date": "2023-07-26", "location": "region/NE-tillaberi"},
            {"domain": (1, 1), "date": (1, 1), "location": (1, 1), "attributedTo": (0, 0)},
        ),
        (
            "all wrong",
            {"domain": "intelligence", "date": "2023-07", "location": "Tillabéri"},
            {"domain": "military", "date": "2023", "location": None},
            {"domain": (0, 1), "date": (0, 1), "location": (0, 1), "attributedTo": (0, 0)},
        ),
        (
            "gold silent: not checked",
            {"domain": None, "date": None, "location": None},
            {"domain": "military", "date": "2023"},
            {"domain": (0, 0), "date": (0, 0), "location": (0, 0), "attributedTo": (0, 0)},
        ),
        (
            "a list of places",
            {"location": ["Diffa", "Tillabéri"]},
            {"location": "region/NE-tillaberi"},
            {"domain": (0, 0), "date": (0, 0), "location": (1, 1), "attributedTo": (0, 0)},
        ),
        (
            "named source",
            {"attributedTo": "Russia"},
            {"attributed_to": "country/RU"},
            {"domain": (0, 0), "date": (0, 0), "location": (0, 0), "attributedTo": (1, 1)},
        ),
        (
            "wrong named source",
            {"attributedTo": "Russia"},
            {"attributed_to": "country/NE"},
            {"domain": (0, 0), "date": (0, 0), "location": (0, 0), "attributedTo": (0, 1)},
        ),
        (
            "descriptive source: any source given",
            {"attributedTo": "security sources"},
            {"attributed_text": "des sources sécuritaires"},
            {"domain": (0, 0), "date": (0, 0), "location": (0, 0), "attributedTo": (1, 1)},
        ),
        (
            "descriptive source: none given",
            {"attributedTo": "security sources"},
            {},
            {"domain": (0, 0), "date": (0, 0), "location": (0, 0), "attributedTo": (0, 1)},
        ),
    ],
)
def test_qualifiers(
    case: str, qualifiers: dict[str, Any], produced: dict[str, Any], expected: dict[str, tuple[int, int]]
) -> None:
    r = rel("country/NE", ENDS, "country/RU", **produced)
    ex = extraction(r, entities=("country/NE", "country/RU", "region/NE-tillaberi"))
    report = score([gold(g("Niger", ENDS, "Russia", **qualifiers))], [ex], gazetteer=FakeGazetteer())
    assert {k: (v.correct, v.total) for k, v in report.qualifiers.items()} == expected, case


def test_qualifiers_only_on_matched_facts() -> None:
    report = score(
        [gold(g("Niger", ENDS, "Russia", domain="intelligence"))],
        [extraction(rel("country/RU", ENDS, "country/NE", domain="intelligence"))],
        gazetteer=None,
    )
    assert report.qualifiers["domain"].total == 0


def test_entity_typing_precision_recall() -> None:
    item = gold(
        entities=(("Niger", "Country"), ("Niamey", "City"), ("Abdourahamane Tiani", "Person"), ("Nigeria", "Country"))
    )
    niamey_as_region = Entity("city/2440485", "Region", "Niamey", "Niamey")
    ex = Extraction(
        article=Article(id="a1", text="x", source="test"),
        lang="fr",
        entities=(
            ENTITIES["country/NE"],
            niamey_as_region,
            ENTITIES["person/abdourahamane-tiani"],
            ENTITIES["org/ecowas"],
        ),
    )
    report = score([item], [ex], gazetteer=None)
    assert report.entities_typed is not None and report.entities_untyped is not None
    assert counts(report.entities_typed) == (2, 2, 2)
    assert counts(report.entities_untyped) == (3, 1, 1)
    by_type = {k: counts(v) for k, v in report.entities_by_type.items()}
    assert by_type == {
        "Country": (1, 0, 1),
        "City": (0, 0, 1),
        "Person": (1, 0, 0),
        "Region": (0, 1, 0),
        "InternationalOrganization": (0, 1, 0),
    }
    notes = {(e.name, e.kind): e.note for e in report.entity_errors}
    assert notes[("Niamey", "miss")] == "produced as Region"
    assert notes[("Nigeria", "miss")] == "not produced"


def test_optional_entities() -> None:
    item = gold(entities=(("Niger", "Country"), ("the West", "GeoRegion"), ("Niger Armed Forces", "ArmedForces")))
    for e in item["entities"][1:]:
        e["required"] = False
    ex = extraction(entities=("country/NE", "country/FR"))
    west = Entity("georegion/the-west", "GeoRegion", "the West", "l'Occident")
    ex = Extraction(ex.article, "fr", entities=(*ex.entities, west))
    report = score([item], [ex], gazetteer=None)
    assert report.entities_typed is not None
    assert counts(report.entities_typed) == (2, 1, 0)  # the West matched, the armed forces not missed, France extra


def test_entities_can_be_skipped() -> None:
    report = score([gold(entities=(("Niger", "Country"),))], [extraction()], gazetteer=None, entities=False)
    assert report.entities_typed is None
    assert "entities" not in report.to_dict()


@dataclass(frozen=True)
class Surface:
    text: str
    lang: str
    key: str
    kind: str


class FakeGazetteer:
    """Knows "Ivory Coast" only by its French name, and Moscow as a city and as a seat of power."""

    SURFACES = {
        ("Côte d'Ivoire", "fr"): [Surface("Côte d'Ivoire", "fr", "country/CI", "name")],
        ("Moscow", "en"): [
            Surface("Moscow", "en", "city/524901", "name"),
            Surface("Moscow", "en", "country/RU", "seat"),
        ],
        ("Niger", "en"): [Surface("Niger", "en", "country/NE", "name")],
        ("Russia", "en"): [Surface("Russia", "en", "country/RU", "name")],
    }

    def lookup(self, text: str, lang: str) -> list[Surface]:
        return self.SURFACES.get((text, lang), [])

    def get(self, key: str) -> Entity | None:
        return None


@pytest.mark.parametrize(
    "case, name, key, matched",
    [
        ("English surface", "Niger", "country/NE", True),
        ("gazetteer key wins over labels", "Niger", "country/NG", False),
        ("French surface when no English one", "Côte d'Ivoire", "country/CI", True),
        ("a seat of power names the city, not the country", "Moscow", "country/RU", False),
        ("the city itself", "Moscow", "city/524901", True),
        ("unknown to the gazetteer: key slug", "Abdourahamane Tiani", "person/abdourahamane-tiani", True),
    ],
)
def test_gazetteer_resolution(case: str, name: str, key: str, matched: bool) -> None:
    report = score(
        [gold(g(name, "leads", "France"))],
        [
            Extraction(
                Article("a", "x", "t"),
                "fr",
                relations=(rel(key, "leads", "country/FR"),),
                entities=(ENTITIES["country/FR"],),
            )
        ],
        gazetteer=FakeGazetteer(),
    )
    assert report.strict.tp == int(matched), case


def test_per_relation_and_several_articles() -> None:
    items = [gold(g("Niger", ENDS, "Russia"), g("Niger", ENDS, "Turkey")), gold(g("France", "supports", "Niger"))]
    exs = [
        extraction(rel("country/NE", ENDS, "country/RU")),
        extraction(rel("country/FR", "cooperatesWith", "country/NE")),
    ]
    report = score(items, exs, gazetteer=None)
    assert report.articles == 2 and report.gold_facts == 3
    assert counts(report.strict) == (1, 1, 2)
    assert counts(report.strict_by_relation[ENDS]) == (1, 0, 1)
    assert counts(report.strict_by_relation["supports"]) == (0, 0, 1)
    assert counts(report.strict_by_relation["cooperatesWith"]) == (0, 1, 0)
    assert counts(report.lenient_by_relation[COOPERATIVE_LABEL]) == (1, 0, 0)
    assert report.strict.precision == 0.5 and report.strict.recall == pytest.approx(1 / 3)


def test_prf_undefined() -> None:
    assert PRF().precision is None and PRF().f1 is None
    assert PRF(fn=2).f1 == 0.0


def test_format_report_table_and_json() -> None:
    report = score(
        [gold(g("Niger", ENDS, "Russia", modality="hedged"), g("Niger", ENDS, "Turkey"))],
        [extraction(rel("country/NE", ENDS, "country/RU"))],
        gazetteer=None,
    )
    table = format_report(report)
    assert (
        "strict" in table
        and "lenient" in table
        and "False positives (1)" in table
        and "Niger endsCooperationWith Turkey" in table
    )
    assert "False positives" not in format_report(report, details=False)
    data = json.loads(format_report(report, fmt="json"))
    assert data["strict"]["fp"] == 1 and data["strict"]["fn"] == 1 and len(data["false_positives"]) == 1
    assert "misses" not in json.loads(format_report(report, fmt="json", details=False))


def test_mismatched_lengths_fail() -> None:
    with pytest.raises(ValueError, match="one extraction per gold line"):
        score([gold()], [], gazetteer=None)


def test_unknown_relation_in_gold_names_the_line() -> None:
    with pytest.raises(InputError, match="unknown relation 'endsCoopWith'"):
        score([gold(g("Niger", "endsCoopWith", "Russia"))], [extraction()], gazetteer=None)


def test_read_gold(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(gold(g("Niger", ENDS, "Russia"))) + "\n\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"gold.jsonl:3: each gold line needs a 'text'"):
        read_gold(path)
    with pytest.raises(InputError, match="no such gold file"):
        read_gold(tmp_path / "missing.jsonl")
