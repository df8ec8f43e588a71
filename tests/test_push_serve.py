"""`kg push` against a real Oxigraph server, and `kg serve` answering over HTTP; servers started here."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdf_fixture import BASE, build, union_graph
from rdflib.compare import isomorphic

from kg.errors import RemoteError, StoreError
from kg.push import PushError, graph_url, push
from kg.serve import endpoint_urls, find_oxigraph, start_server, stop_server
from kg.store import GraphStore

try:
    OXIGRAPH = find_oxigraph()
except StoreError:  # pragma: no cover - the dev extra installs it
    OXIGRAPH = None
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the oxigraph server package is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph did not start")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    directory = tmp_path_factory.mktemp("build")
    with GraphStore.open(directory) as store:
        build(store)
    return directory


@pytest.fixture
def remote(tmp_path):
    """A read-write Oxigraph server on a free local port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(tmp_path / "remote"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def served(built):
    """`kg serve` over the fixture build on a free port; yields its base URL."""
    port = free_port()
    process = start_server(built, port=port, timeout_s=10)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)


def remote_graph(endpoint: str, graph: str) -> rdflib.Graph:
    request = urllib.request.Request(graph_url(endpoint, graph), headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return rdflib.Graph().parse(data=response.read(), format="nt")


def sparql_select(base_url: str, sparql: str) -> dict:
    url = f"{base_url}/query?{urllib.parse.urlencode({'query': sparql})}"
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def local_graphs(directory) -> dict[str, rdflib.Graph]:
    with GraphStore.open(directory, read_only=True) as store:
        return {
            name: rdflib.Graph().parse(data=store.serialize_graph(name, "nt"), format="nt")
            for name in store.graph_names()
        }


def test_push_delivers_every_triple_and_a_second_push_changes_nothing(built, remote):
    endpoint = remote + "/store"
    local = local_graphs(built)
    assert set(local) == {BASE + "article/a1", BASE + "article/a2", BASE + "graph/entities"}

    report = push(built, endpoint)
    build_id = json.loads((built / "pushed.json").read_text())["build"]
    # the entity descriptions go to this build's own entities graph (several builds may push to one store)
    local[f"{BASE}graph/entities/{build_id}"] = local.pop(BASE + "graph/entities")
    assert report.graphs == tuple(sorted(local))
    assert report.triples == sum(len(g) for g in local.values())
    first = {name: remote_graph(endpoint, name) for name in local}
    for name, graph in local.items():
        assert len(first[name]) == len(graph), name
        assert isomorphic(first[name], graph), name

    push(built, endpoint)
    for name, graph in local.items():
        again = remote_graph(endpoint, name)
        assert len(again) == len(graph) and isomorphic(again, first[name]), name
    # nothing landed in the remote default graph
    count = sparql_select(remote, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert count["results"]["bindings"][0]["n"]["value"] == "0"


def test_push_to_a_dead_port_names_the_endpoint(built):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(RemoteError, match=f"{endpoint}.*is down"):
        push(built, endpoint, timeout=5)


def test_push_to_a_wrong_path_says_what_endpoint_to_use(built, remote):
    with pytest.raises(RemoteError, match="404.*Graph Store Protocol endpoint"):
        push(built, remote + "/nothing-here")


def test_push_refused_midway_reports_sent_and_pending(built, served):
    # the read-only server answers the probe but refuses every PUT
    with pytest.raises(PushError) as caught:
        push(built, served + "/store")
    assert caught.value.sent == ()
    assert len(caught.value.pending) == 3
    assert "HTTP 403" in str(caught.value) and "run `kg push` again" in str(caught.value)


def test_push_checks_its_arguments(built):
    with pytest.raises(RemoteError, match="not an http"):
        push(built, "ftp://example.org/store")
    with pytest.raises(RemoteError, match="both --user and --password"):
        push(built, "http://127.0.0.1:1/store", user="u")


def test_serve_answers_select_and_matches_graph_ttl(served):
    answer = sparql_select(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == len(union_graph())
    answer = sparql_select(
        served, "SELECT ?o WHERE { ?s <https://w3id.org/geokg/ontology#endsCooperationWith> ?o } ORDER BY ?o"
    )
    assert [b["o"]["value"] for b in answer["results"]["bindings"]] == [BASE + "country/RU", BASE + "country/TR"]


def test_serve_refuses_updates(served):
    request = urllib.request.Request(
        served + "/update", data=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code in (403, 405)
    assert (
        int(sparql_select(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")["results"]["bindings"][0]["n"]["value"])
        > 0
    )


def test_serve_on_a_busy_port_is_a_clear_error(built, served):
    port = int(served.rsplit(":", 1)[1])
    with pytest.raises(StoreError, match="already in use"):
        start_server(built, port=port)


def test_serve_without_a_store_says_how_to_build(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        start_server(tmp_path, port=free_port())


def test_endpoint_urls():
    assert endpoint_urls("127.0.0.1", 7000) == {
        "query": "http://127.0.0.1:7000/query",
        "store": "http://127.0.0.1:7000/store",
    }


def test_build_refused_while_served_then_allowed(built, served):
    with pytest.raises(StoreError, match="served by `kg serve`"):
        GraphStore.open(built)
    port = int(served.rsplit(":", 1)[1])
    assert (built / ".kg-serving").read_text().split()[1] == f"127.0.0.1:{port}"


def test_stopping_the_server_removes_its_mark(built):
    process = start_server(built, port=free_port(), timeout_s=10)
    assert (built / ".kg-serving").is_file()
    stop_server(process)
    assert not (built / ".kg-serving").exists()
    GraphStore.open(built).close()


def remote_graph_names(remote: str) -> set[str]:
    answer = sparql_select(remote, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {b["g"]["value"] for b in answer["results"]["bindings"]}


def test_push_deletes_graphs_removed_locally_and_only_those(tmp_path, remote):
    from kg.store import remove_articles

    endpoint = remote + "/store"
    directory = tmp_path / "build"
    with GraphStore.open(directory) as store:
        build(store)
    # a graph the remote store got from elsewhere
    other = "https://example.org/other-graph"
    urllib.request.urlopen(
        urllib.request.Request(
            graph_url(endpoint, other), data=b"<https://example.org/s> <https://example.org/p> \"o\" .\n",
            method="PUT", headers={"Content-Type": "application/n-triples"},
        ),
        timeout=10,
    ).read()  # fmt: skip
    first = push(directory, endpoint)
    assert first.deleted == ()
    assert remote_graph_names(remote) == set(first.graphs) | {other}

    remove_articles(directory, [BASE + "article/a2"])
    second = push(directory, endpoint)
    assert second.deleted == (BASE + "article/a2",)
    assert remote_graph_names(remote) == set(second.graphs) | {other}
    assert BASE + "article/a2" not in second.graphs
    # the record now matches the store: a third push deletes nothing
    assert push(directory, endpoint).deleted == ()
    record = json.loads((directory / "pushed.json").read_text())
    assert record["endpoints"] == {endpoint.replace("127.0.0.1", "localhost"): sorted(second.graphs)}


def test_a_broken_push_record_is_a_clear_error(tmp_path, remote):
    directory = tmp_path / "build"
    with GraphStore.open(directory) as store:
        build(store)
    (directory / "pushed.json").write_text("[not a record")
    with pytest.raises(RemoteError, match=r"pushed.json is unreadable.*delete it"):
        push(directory, remote + "/store")


# ---------------------------------------------------------------- issue 15, case 4: one store, several builds


def test_the_push_record_knows_a_store_by_any_of_its_urls(tmp_path, remote):
    from kg.store import remove_articles

    directory = tmp_path / "build"
    with GraphStore.open(directory) as store:
        build(store)
    port = remote.rsplit(":", 1)[1]
    push(directory, f"http://127.0.0.1:{port}/store")
    remove_articles(directory, [BASE + "article/a2"])
    again = push(directory, f"http://LOCALHOST:{port}/store")
    assert again.deleted == (BASE + "article/a2",)
    assert BASE + "article/a2" not in remote_graph_names(remote)


def test_an_old_push_record_is_read_and_its_entities_graph_replaced(tmp_path, remote):
    directory = tmp_path / "build"
    with GraphStore.open(directory) as store:
        build(store)
    endpoint = remote + "/store"
    old = {endpoint: [BASE + "article/a1", BASE + "article/a2", BASE + "graph/entities"]}
    (directory / "pushed.json").write_text(json.dumps(old))
    report = push(directory, endpoint)
    assert report.deleted == (BASE + "graph/entities",)  # now under this build's own name


def test_two_builds_pushed_to_one_store_keep_each_others_entities(tmp_path, remote):
    endpoint = remote + "/store"
    one, two = tmp_path / "one", tmp_path / "two"
    with GraphStore.open(one) as store:
        build(store)
    from rdf_fixture import article_graph, article_iri, entities_graph

    with GraphStore.open(two) as store:  # a second build with one article and fewer entities
        store.replace_article(article_iri("a1"), article_graph("a1"))
        store.set_entities(entities_graph({"country/NE", "country/RU"}))
    push(one, endpoint)
    push(two, endpoint)
    union = sparql_select(remote, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }")
    assert int(union["results"]["bindings"][0]["n"]["value"]) == len(union_graph())
    entities = [g for g in remote_graph_names(remote) if g.startswith(BASE + "graph/entities/")]
    assert len(entities) == 2
    # pushing the first build again changes nothing of the second's
    push(one, endpoint)
    assert len(remote_graph(endpoint, sorted(entities)[0])) + len(remote_graph(endpoint, sorted(entities)[1])) == (
        len(entities_graph()) + len(entities_graph({"country/NE", "country/RU"}))
    )
