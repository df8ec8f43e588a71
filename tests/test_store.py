"""The on-disk store: atomic replace, union, removal, dumps in every format, literal round-trips."""

from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib
from rdf_fixture import ARTICLES, BASE, TRICKY, article_graph, article_iri, build, entities_graph, union_graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import StoreError
from kg.store import GraphStore, remove_articles


def assert_isomorphic(expected: rdflib.Graph, actual: rdflib.Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(
            "graphs differ\nonly expected:\n"
            + only_expected.serialize(format="nt")
            + "\nonly actual:\n"
            + only_actual.serialize(format="nt")
        )


def parse(path, fmt: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    return g


def parse_dataset(path, fmt: str) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    return ds


@pytest.fixture
def built(tmp_path):
    with GraphStore.open(tmp_path) as store:
        build(store)
    return tmp_path


def test_replace_is_idempotent(tmp_path):
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        first = store.count(), store.quad_count()
        store.dump(tmp_path / "one.ttl")
        store.replace_article(article_iri("a1"), article_graph("a1"))
        assert (store.count(), store.quad_count()) == first
        store.dump(tmp_path / "two.ttl")
    assert_isomorphic(parse(tmp_path / "one.ttl", "turtle"), parse(tmp_path / "two.ttl", "turtle"))
    assert_isomorphic(article_graph("a1"), parse(tmp_path / "two.ttl", "turtle"))


def test_replace_drops_what_the_old_version_said(tmp_path):
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        smaller = article_graph("a1")
        smaller.remove((None, rdflib.URIRef("https://w3id.org/geokg/ontology#endsCooperationWith"), None))
        store.replace_article(article_iri("a1"), smaller)
        store.dump(tmp_path / "g.ttl")
    assert_isomorphic(smaller, parse(tmp_path / "g.ttl", "turtle"))


def test_two_articles_give_their_union(built):
    with GraphStore.open(built, read_only=True) as store:
        assert store.count() == len(union_graph())
        # entity labels are repeated in both article graphs: counted once in the union
        assert store.quad_count() > store.count()
        assert [a.iri for a in store.articles()] == [article_iri(a) for a in sorted(ARTICLES)]
        store.dump(built / "graph.ttl")
    assert_isomorphic(union_graph(), parse(built / "graph.ttl", "turtle"))


def test_remove_retracts_only_that_article(built):
    assert remove_articles(built, ["news/other.md"]) == [article_iri("a2")]
    with GraphStore.open(built) as store:
        assert not store.has_article(article_iri("a2"))
        assert store.has_article(article_iri("a1"))
        store.dump(built / "graph.ttl")
    mentioned = {"country/NE", "country/RU", "country/TR", "country/BJ", "region/tillaberi", "group/jnim"}
    expected = article_graph("a1") + entities_graph(mentioned)  # France was only in a2
    assert_isomorphic(expected, parse(built / "graph.ttl", "turtle"))


def test_remove_then_re_add_restores_the_graph(built):
    with GraphStore.open(built) as store:
        store.dump(built / "before.nq")
        assert store.remove_article(article_iri("a1"))
        assert not store.remove_article(article_iri("a1"))
        store.replace_article(article_iri("a1"), article_graph("a1"))
        store.set_entities(entities_graph())
        store.dump(built / "after.nq")
    before, after = parse_dataset(built / "before.nq", "nquads"), parse_dataset(built / "after.nq", "nquads")
    for name in (article_iri("a1"), article_iri("a2"), BASE + "graph/entities"):
        assert_isomorphic(before.graph(rdflib.URIRef(name)), after.graph(rdflib.URIRef(name)))


def test_find_articles_by_id_iri_url_and_file_name(built):
    with GraphStore.open(built, read_only=True) as store:
        a1 = article_iri("a1")
        for ref in ("a1", a1, "https://example.org/a1", "seeds/000_niger.txt", "000_niger.txt"):
            assert store.find_articles(ref) == [a1], ref
        assert store.find_articles("nothing") == []
        assert store.article_hash(a1) == "hash-a1"
        assert store.article_hash(article_iri("zz")) is None


def test_remove_unknown_article_is_a_clear_error(built):
    with pytest.raises(StoreError, match="no article matches 'nope'"):
        remove_articles(built, ["nope"])


def test_mentioned_entities(built):
    with GraphStore.open(built, read_only=True) as store:
        mentioned = store.mentioned_entities()
    assert mentioned == {
        BASE + k
        for k in (
            "country/NE",
            "country/RU",
            "country/TR",
            "country/FR",
            "country/BJ",
            "region/tillaberi",
            "group/jnim",
        )
    }


@pytest.mark.parametrize("fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_union_formats_parse_back_isomorphic(built, fmt, rdflib_format):
    with GraphStore.open(built, read_only=True) as store:
        store.dump(built / f"graph.{fmt}")
    assert_isomorphic(union_graph(), parse(built / f"graph.{fmt}", rdflib_format))


@pytest.mark.parametrize("fmt, rdflib_format", [("trig", "trig"), ("nq", "nquads")])
def test_dataset_formats_keep_one_graph_per_article(built, fmt, rdflib_format):
    with GraphStore.open(built, read_only=True) as store:
        store.dump(built / f"graph.{fmt}")
    ds = parse_dataset(built / f"graph.{fmt}", rdflib_format)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {article_iri("a1"), article_iri("a2"), BASE + "graph/entities"}
    for article_id in ARTICLES:
        assert_isomorphic(article_graph(article_id), ds.graph(rdflib.URIRef(article_iri(article_id))))
    assert_isomorphic(entities_graph(), ds.graph(rdflib.URIRef(BASE + "graph/entities")))
    assert len(ds.default_graph) == 0


@pytest.mark.parametrize(
    "fmt, rdflib_format", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("trig", "trig"), ("nq", "nquads")]
)
def test_tricky_literals_round_trip(built, fmt, rdflib_format):
    with GraphStore.open(built, read_only=True) as store:
        store.dump(built / f"graph.{fmt}")
    if fmt in ("trig", "nq"):
        g = parse_dataset(built / f"graph.{fmt}", rdflib_format).graph(rdflib.URIRef(article_iri("a2")))
    else:
        g = parse(built / f"graph.{fmt}", rdflib_format)
    titles = set(g.objects(rdflib.URIRef(article_iri("a2")), rdflib.URIRef("https://w3id.org/geokg/ontology#title")))
    assert titles == {rdflib.Literal(TRICKY, lang="fr")}


def test_dump_is_atomic_and_leaves_no_temporary_file(built):
    target = built / "graph.ttl"
    target.write_text("old")
    with GraphStore.open(built, read_only=True) as store:
        with pytest.raises(StoreError, match="unknown RDF format"):
            store.dump(built / "graph.xyz")
        store.dump(target)
    assert target.read_text() != "old"
    assert not [p for p in built.iterdir() if p.name.endswith(".tmp")]


def test_read_only_store_refuses_writes(built):
    with GraphStore.open(built, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.replace_article(article_iri("a1"), article_graph("a1"))


def test_missing_store_says_how_to_build_one(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        GraphStore.open(tmp_path / "nothing", read_only=True)


def test_second_writer_gets_a_clear_error(built):
    with GraphStore.open(built):
        with pytest.raises(StoreError, match="in use by another process"):
            GraphStore.open(built)


def test_base_is_inferred_from_article_graphs(tmp_path):
    other = "https://example.org/kg/"
    g = rdflib.Graph()
    g.add(
        (rdflib.URIRef(other + "article/x"), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/geokg/ontology#Article"))
    )
    with GraphStore.open(tmp_path, base=other) as store:
        store.replace_article(other + "article/x", g)
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert store.base == other
        assert store.entities_graph == other + "graph/entities"


def test_invalid_iri_is_a_store_error(tmp_path):
    with GraphStore.open(tmp_path) as store:
        with pytest.raises(StoreError, match="not a valid IRI"):
            store.replace_article("not an iri", rdflib.Graph())


# ---------------------------------------------------------------------- export and remove commands


@pytest.mark.parametrize("fmt", ["ttl", "nt", "trig", "nq", "jsonld"])
def test_export_rdf_formats(built, fmt):
    from kg.export import export

    out = export(built, fmt, built / "out" / f"g.{fmt}")
    assert out.exists()
    rdflib_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}[fmt]
    if fmt in ("trig", "nq"):
        merged = rdflib.Graph()
        for s, p, o, _ in parse_dataset(out, rdflib_format).quads((None, None, None, None)):
            merged.add((s, p, o))
        assert_isomorphic(union_graph(), merged)
    else:
        assert_isomorphic(union_graph(), parse(out, rdflib_format))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats(built, fmt):
    pytest.importorskip("kg.network")
    from kg.export import export

    out = export(built, fmt, built / f"g.{fmt}")
    assert out.stat().st_size > 0


def test_export_unknown_format(built):
    from kg.export import export

    with pytest.raises(StoreError, match="use one of: ttl, nt, trig, nq, jsonld, graphml, gexf"):
        export(built, "xml", built / "g.xml")


def test_cli_remove_rewrites_graph_files(built, capsys):
    from kg.cli import main

    assert main(["remove", str(built), "a2"]) == 0
    out = capsys.readouterr().out
    assert f"removed {article_iri('a2')}" in out
    g = parse(built / "graph.ttl", "turtle")
    assert (rdflib.URIRef(article_iri("a2")), None, None) not in g
    assert (rdflib.URIRef(article_iri("a1")), None, None) in g
    assert main(["remove", str(built), "a2"]) == 2


def test_blank_nodes_are_replaced_wholesale(tmp_path):
    g = article_graph("a1")
    note = rdflib.BNode()
    g.add((rdflib.URIRef(article_iri("a1")), rdflib.RDFS.seeAlso, note))
    g.add((note, rdflib.RDFS.label, rdflib.Literal("a note")))
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), g)
        store.replace_article(article_iri("a1"), g)
        assert store.count() == store.quad_count() == len(g)
        store.dump(tmp_path / "g.nt")
        store.remove_article(article_iri("a1"))
        assert store.count() == 0
    assert_isomorphic(g, parse(tmp_path / "g.nt", "nt"))


def test_shrinking_an_article_keeps_what_other_graphs_hold(built):
    with GraphStore.open(built) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        # shared triples stay in the union while another graph holds them
        smaller = rdflib.Graph()
        smaller.add(
            (
                rdflib.URIRef(article_iri("a1")),
                rdflib.RDF.type,
                rdflib.URIRef("https://w3id.org/geokg/ontology#Article"),
            )
        )
        store.replace_article(article_iri("a1"), smaller)
        store.dump(built / "g.ttl")
    expected = article_graph("a2") + entities_graph() + smaller
    assert_isomorphic(expected, parse(built / "g.ttl", "turtle"))


def test_a_served_store_is_not_opened_for_writing(tmp_path):
    from kg.store import mark_serving

    GraphStore.open(tmp_path).close()
    mark_serving(tmp_path, os.getpid(), "127.0.0.1:7878")  # a live process serves it
    with pytest.raises(StoreError, match=r"served by `kg serve` \(process \d+, 127.0.0.1:7878\).*stop the server"):
        GraphStore.open(tmp_path)
    GraphStore.open(tmp_path, read_only=True).close()  # readers are fine


def test_a_mark_left_by_a_dead_server_is_ignored(tmp_path):
    from kg.store import mark_serving

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    mark_serving(tmp_path, dead.pid, "127.0.0.1:7878")
    GraphStore.open(tmp_path).close()


# ---------------------------------------------------------------- new articles written in batches


def _dataset_lines(directory) -> set[str]:
    """Every quad of the store as an N-Quads line, the merged default graph's included."""
    with GraphStore.open(directory, read_only=True) as store:
        data = store.raw.dump(format=ox.RdfFormat.N_QUADS)
    return set(data.decode().splitlines())


@pytest.mark.parametrize("batch", [2, 64])
def test_batched_writes_give_the_same_store_as_one_transaction_each(tmp_path, monkeypatch, batch):
    one, batched = tmp_path / "one", tmp_path / "batched"
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 1)
    with GraphStore.open(one) as store:
        build(store)
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", batch)
    with GraphStore.open(batched) as store:
        build(store)
    assert _dataset_lines(one) == _dataset_lines(batched)
    with GraphStore.open(batched, read_only=True) as store:
        store.dump(tmp_path / "g.ttl")
    assert_isomorphic(union_graph(), parse(tmp_path / "g.ttl", "turtle"))


def test_waiting_articles_are_seen_by_every_read(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        assert store.has_article(article_iri("a1"))  # written before the read, not at the 64th article
        assert store.count() == len(article_graph("a1"))
        store.replace_article(article_iri("a2"), article_graph("a2"))
        assert [a.iri for a in store.articles()] == sorted([article_iri("a1"), article_iri("a2")])


def test_an_article_given_twice_in_one_batch_keeps_its_second_version(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    smaller = article_graph("a1")
    smaller.remove((None, rdflib.URIRef("https://w3id.org/geokg/ontology#endsCooperationWith"), None))
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        store.replace_article(article_iri("a1"), smaller)
        store.dump(tmp_path / "g.ttl")
    assert_isomorphic(smaller, parse(tmp_path / "g.ttl", "turtle"))


def test_closing_writes_the_waiting_articles(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    store = GraphStore.open(tmp_path)
    store.replace_article(article_iri("a1"), article_graph("a1"))
    store.close()
    with GraphStore.open(tmp_path, read_only=True) as again:
        assert again.has_article(article_iri("a1"))


def test_jsonld_export_has_a_context(built):
    import json

    from kg.export import export
    from kg.store import prefixes

    out = export(built, "jsonld", built / "g.jsonld")
    data = json.loads(out.read_text())
    assert data["@context"] == prefixes(BASE)
    assert_isomorphic(union_graph(), parse(out, "json-ld"))


def test_large_waiting_articles_are_written_before_the_batch_is_full(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    monkeypatch.setattr(GraphStore, "BATCH_QUADS", len(article_graph("a1")))
    with GraphStore.open(tmp_path) as store:
        store.replace_article(article_iri("a1"), article_graph("a1"))
        assert store._waiting == {}  # written at once: memory is bounded by triples, not only by articles
        store.replace_article(article_iri("a2"), article_graph("a2"))
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert len(store.articles()) == 2
