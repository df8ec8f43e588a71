"""SPARQL over a build directory or a file: union semantics, canned queries, parameters, formats."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdf_fixture import BASE, TRICKY, build, union_graph

from kg.cli import main
from kg.errors import QueryError
from kg.query import format_result, list_queries, load_query, run_query
from kg.store import GraphStore

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("build")
    with GraphStore.open(directory) as store:
        build(store)
        for fmt in ("ttl", "nt", "trig", "nq", "jsonld"):
            store.dump(directory / f"graph.{fmt}")
    return directory


def count(target) -> int:
    return int(run_query(target, COUNT).rows[0][0].value)


def test_counts_match_the_dumped_turtle(built):
    parsed = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    assert count(built) == len(parsed) == len(union_graph())


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_every_file_format_queries_like_the_store(built, fmt):
    assert count(built / f"graph.{fmt}") == count(built)


def test_per_predicate_counts_match_rdflib(built):
    sparql = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"
    ours = {r["p"]: int(r["n"]) for r in run_query(built, sparql).records()}
    parsed = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    theirs = {str(r.p): int(r.n) for r in parsed.query(sparql)}
    assert ours == theirs


def test_named_graphs_are_reachable(built):
    result = run_query(built, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [r["g"] for r in result.records()] == [BASE + "article/a1", BASE + "article/a2", BASE + "graph/entities"]


def test_ask_construct_describe(built):
    assert run_query(built, "ASK { ?s geo:endsCooperationWith ?o }").boolean is True
    assert run_query(built, "ASK { ?s geo:attacks <https://w3id.org/geokg/id/country/BJ> }").boolean is False  # hedged
    constructed = run_query(
        built, "CONSTRUCT { ?s geo:endsCooperationWith ?o } WHERE { ?s geo:endsCooperationWith ?o }"
    )
    assert len(constructed) == 2
    turtle = format_result(constructed, "json")  # graphs print as Turtle in every format
    assert len(rdflib.Graph().parse(data=turtle, format="turtle")) == 2
    described = run_query(built, "DESCRIBE <https://w3id.org/geokg/id/country/NE>")
    assert len(described) > 0


def test_invalid_sparql_is_a_query_error(built):
    with pytest.raises(QueryError, match="invalid SPARQL"):
        run_query(built, "SELEKT * WHERE { ?s ?p ?o }")


def test_missing_target_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match="does not exist"):
        run_query(tmp_path / "nope", COUNT)
    with pytest.raises(QueryError, match="not a geokg build directory"):
        run_query(tmp_path, COUNT)


# ---------------------------------------------------------------------- canned queries

EXPECTED = {
    "ruptures": [("Niger", "Russia"), ("Niger", "Turkey")],
    "partners": [("Russia", "cooperatesWith", "out"), ("Turkey", "supports", "in")],
    "timeline": ["2023-06", "2024-01-10", "2025-02-20", "2025-03-01", "2025-03-01", None],
    "attacks-by-region": [("Tillabéri", "Niger", "1", "JNIM")],
    "statements-by-modality": ["Asserted"] * 3 + ["Reported"] * 3 + ["Hedged"],
    "actors-by-degree": [("Niger", "6"), ("Russia", "2"), ("Turkey", "2"), ("France", "1"), ("JNIM", "1")],
    "articles": [BASE + "article/a1", BASE + "article/a2"],
}


def rows_of(name: str, records: list[dict]) -> list:
    if name == "ruptures":
        return [(r["subjectName"], r["objectName"]) for r in records]
    if name == "partners":
        return [(r["partnerName"], r["relation"].rsplit("#")[-1], r["direction"]) for r in records]
    if name == "timeline":
        return [r["date"] for r in records]
    if name == "attacks-by-region":
        return [(r["region"], r["country"], r["attacks"], r["attackers"]) for r in records]
    if name == "statements-by-modality":
        return [r["modality"] for r in records]
    if name == "actors-by-degree":
        return [(r["name"], r["degree"]) for r in records]
    return [r["article"] for r in records]


def test_every_canned_query_is_documented_and_tested():
    queries = list_queries()
    assert {q.name for q in queries} == set(EXPECTED)
    for q in queries:
        assert q.text.startswith("# ") and q.description, q.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_canned_queries_on_the_fixture(built, name):
    result = run_query(built, load_query(name).text)
    assert rows_of(name, result.records()) == EXPECTED[name]


def test_ruptures_carry_modality_domain_date_and_evidence(built):
    first = run_query(built, load_query("ruptures").text).records()[0]
    assert (first["modality"], first["domain"], first["date"]) == ("Reported", "intelligence", "2025-03-01")
    assert "Moscou" in first["evidence"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Russia", [("Niger", "cooperatesWith", "in")]),
        ("russie", [("Niger", "cooperatesWith", "in")]),
        (BASE + "country/TR", [("Niger", "supports", "out")]),
    ],
)
def test_partners_parameter(built, value, expected):
    result = run_query(built, load_query("partners").text, params={"country": value})
    assert rows_of("partners", result.records()) == expected


@pytest.mark.parametrize(
    "value", ['" } DROP ALL ; #', '"} } UNION { ?c ?relation ?partner } #', 'Niger" || true || "', TRICKY]
)
def test_parameter_injection_is_a_plain_literal(built, value):
    before = count(built)
    result = run_query(built, load_query("partners").text, params={"country": value})
    assert result.rows == ()
    assert count(built) == before


def test_unknown_parameter_and_unknown_query(built):
    with pytest.raises(QueryError, match="this query takes: country"):
        run_query(built, load_query("partners").text, params={"actor": "Niger"})
    with pytest.raises(QueryError, match="available queries:\n  actors-by-degree"):
        load_query("nope")


BROKEN_QUERIES = {
    # file content -> (line, message) of the QueryFileError
    "# Partners.\n# param: country Niger\nSELECT ?country WHERE { ?country ?p ?o }\n": (2, "malformed parameter line"),
    "# Partners.\nPREFIX geo: <https://w3id.org/geokg/ontology#>\nSELECT ?s WHERE {\n  ?s geo:leads .\n}\n": (4, "invalid SPARQL"),
    "SELECT ?s WHERE { ?s ?p ?o }\n": (1, "no description"),
    "# Partners.\nSELECT ?s WHERE { ?s ?p ?o }\n\udcff": (None, "cannot read the query"),
}


@pytest.mark.parametrize("text", sorted(BROKEN_QUERIES))
def test_broken_canned_query_names_the_file_and_line(tmp_path, monkeypatch, text):
    import kg.query
    from kg.errors import DataFileError, QueryFileError

    (tmp_path / "fine.rq").write_text("# Fine.\nASK { ?s ?p ?o }\n", encoding="utf-8")
    (tmp_path / "bad.rq").write_bytes(text.encode("utf-8", "surrogateescape"))
    monkeypatch.setattr(kg.query, "_queries_dir", lambda: tmp_path)
    line, message = BROKEN_QUERIES[text]
    with pytest.raises(QueryFileError, match=message) as e:
        load_query("fine")  # every canned query is checked: a broken one is never silently skipped
    assert isinstance(e.value, QueryError) and isinstance(e.value, DataFileError)
    assert e.value.path == str(tmp_path / "bad.rq") and e.value.line == line
    assert str(e.value).startswith(f"{tmp_path / 'bad.rq'}:{line}: " if line else f"{tmp_path / 'bad.rq'}: ")


# ---------------------------------------------------------------------- formats


def test_json_is_sparql_results_json(built):
    result = run_query(built, load_query("ruptures").text)
    text = format_result(result, "json")
    data = json.loads(text)
    assert data["head"]["vars"] == list(result.variables)
    parsed = ox.parse_query_results(text, ox.QueryResultsFormat.JSON)
    assert len(list(parsed)) == 2


def test_tsv_parses_back_with_the_same_terms(built):
    result = run_query(built, "SELECT ?t WHERE { ?a geo:title ?t }")
    parsed = list(ox.parse_query_results(format_result(result, "tsv"), ox.QueryResultsFormat.TSV))
    assert sorted(str(s["t"]) for s in parsed) == sorted(str(r[0]) for r in result.rows)


def test_csv_keeps_tricky_values(built):
    result = run_query(built, "SELECT ?t WHERE { ?a geo:title ?t } ORDER BY ?t")
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"), newline="")))
    assert rows[0] == ["t"]
    assert TRICKY in [r[0] for r in rows[1:]]


def test_table_shortens_iris_and_stays_aligned(built):
    text = format_result(run_query(built, load_query("ruptures").text), "table")
    lines = text.splitlines()
    assert "country:NE" in text and "https://" not in text
    assert lines[-1] == "(2 rows)"
    starts = [i for i, c in enumerate(lines[1]) if c == "-" and (i == 0 or lines[1][i - 1] == " ")]
    for line in lines[:-1]:
        for start in starts[1:]:
            assert line[start - 2 : start] == "  ", line  # every column starts where its dashes do


def test_ask_formats(built):
    result = run_query(built, "ASK { ?s ?p ?o }")
    assert json.loads(format_result(result, "json")) == {"head": {}, "boolean": True}
    assert format_result(result, "table") == "true"


# ---------------------------------------------------------------------- command line


def test_cli_query_by_name_with_param(built, capsys):
    assert main(["query", str(built), "--name", "partners", "--param", "country=Russia", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("Russia,Niger,")


def test_cli_query_rq_file(built, tmp_path, capsys):
    rq = tmp_path / "count.rq"
    rq.write_text("# count\n" + COUNT)
    assert main(["query", str(built / "graph.ttl"), str(rq), "--format", "tsv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith(f'"{len(union_graph())}"')


def test_cli_bad_query_exits_2(built, capsys):
    assert main(["query", str(built), "SELEKT"]) == 2
    assert "invalid SPARQL" in capsys.readouterr().err
