"""`kg build --jobs N` and `--engine dask` give the graph of `--jobs 1`; `--quiet` prints nothing.

The end-to-end builds run the real French model in the test process (`--jobs 1`), in two
worker processes (`--jobs 2`) and in a local Dask cluster of two workers on 127.0.0.1, on the
same small corpus; graphs are compared by isomorphism (rdflib.compare) with a readable diff.
"""

from __future__ import annotations

import json
import socket
import sys
from itertools import count, islice
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.cli import main
from kg.errors import KGError
from kg.settings import Settings
from kg.types import Article

# Small, unique, real-looking French news paragraphs; more articles than one batch holds
# (batch size 2 below), so chunking and ordering across workers are exercised.
ARTICLES = [
    {
        "title": "Le Niger rompt avec Moscou",
        "date": "2025-03-14",
        "text": "Le Niger a mis fin à sa coopération avec la Russie dans le domaine du renseignement, "
        "selon plusieurs sources sécuritaires. La junte du général Abdourahamane Tiani avait déjà "
        "écarté la France et les États-Unis.",
    },
    {
        "title": "Visite à Dakar",
        "date": "2024-11-02",
        "text": "Le président français Emmanuel Macron s'est entretenu avec son homologue sénégalais à Dakar. "
        "Les deux pays ont signé un accord de coopération économique.",
    },
    {
        "title": "Attaque dans la région de Tillabéri",
        "date": "2025-01-20",
        "text": "Des groupes jihadistes ont attaqué une position de l'armée nigérienne dans la région de Tillabéri, "
        "faisant au moins douze morts, a-t-on appris auprès d'un responsable local.",
    },
    {
        "title": "Le Mali et l'Algérie",
        "date": "2024-06-09",
        "text": "Le Mali a vivement critiqué l'Algérie, accusée d'ingérence dans ses affaires intérieures. "
        "Selon certains analystes, la crise pourrait s'étendre au Burkina Faso.",
    },
    {
        "title": "Sanctions de la CEDEAO",
        "date": "2023-08-10",
        "text": "La CEDEAO a imposé des sanctions économiques à la Guinée après le coup d'État. "
        "Le Tchad n'a pas rompu ses relations avec la France, a précisé le ministre des Affaires étrangères.",
    },
]


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for art in ARTICLES:
            f.write(json.dumps({"lang": "fr", **art}, ensure_ascii=False) + "\n")
    return path


def _build(corpus: Path, out: Path, capfd: pytest.CaptureFixture[str], *flags: str) -> Graph:
    """`kg build CORPUS -o OUT -q FLAGS`: checks it succeeds silently, returns graph.ttl."""
    capfd.readouterr()
    rc = main(["build", str(corpus), "-o", str(out), "-q", "--no-view", "--batch-size", "2", *flags])
    captured = capfd.readouterr()
    assert rc == 0, captured.err
    assert captured.out == "", f"--quiet printed on stdout: {captured.out!r}"
    assert captured.err == "", f"--quiet printed on stderr: {captured.err!r}"
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    return g


def _assert_isomorphic(expected: Graph, got: Graph) -> None:
    if isomorphic(expected, got):
        return
    _both, only_expected, only_got = graph_diff(to_isomorphic(expected), to_isomorphic(got))
    lines = sorted(only_expected.serialize(format="nt").splitlines())[:20]
    more = sorted(only_got.serialize(format="nt").splitlines())[:20]
    pytest.fail(
        "graphs differ\nonly in --jobs 1:\n" + "\n".join(lines) + "\nonly in the other build:\n" + "\n".join(more)
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("parallel") / "in")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The `--jobs 1` graph (built in this process; quietness is checked in its own test)."""
    out = tmp_path_factory.mktemp("jobs1")
    assert main(["build", str(corpus), "-o", str(out), "-q", "--no-view", "--batch-size", "2"]) == 0
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    statement = URIRef("https://w3id.org/geokg/ontology#Statement")
    assert any(g.triples((None, RDF.type, statement))), "the corpus should yield relations, or the comparison is weak"
    return g


@pytest.mark.slow
def test_jobs1_quiet_prints_nothing(
    corpus: Path, reference: Graph, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    g = _build(corpus, tmp_path / "out", capfd, "--jobs", "1")
    _assert_isomorphic(reference, g)  # and a rebuild from scratch is isomorphic


@pytest.mark.slow
def test_jobs2_isomorphic_to_jobs1(
    corpus: Path, reference: Graph, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _assert_isomorphic(reference, _build(corpus, tmp_path / "out", capfd, "--jobs", "2"))


@pytest.mark.slow
def test_dask_local_cluster_isomorphic_to_jobs1(
    corpus: Path, reference: Graph, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("distributed")
    _assert_isomorphic(reference, _build(corpus, tmp_path / "out", capfd, "--engine", "dask", "--jobs", "2"))


def test_summary_without_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kg.build import BuildReport

    report = BuildReport(out_dir=tmp_path, articles=3, entities=5, relations=4)
    report.by_modality.update({"Asserted": 3, "Hedged": 1})
    text = report.summary()
    assert "3 articles" in text and "5 entities" in text and "asserted 3" in text and "hedged 1" in text


# -- errors and streaming, without the model ------------------------------------------------


def test_dask_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.distributed import dask_extract

    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(KGError, match=r"pip install 'geokg\[dask\]'"):
        next(dask_extract([], Settings(), scheduler=None))


def test_dask_unreachable_scheduler(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    import kg.distributed

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(KGError, match="cannot reach the Dask scheduler"):
        next(kg.distributed.dask_extract([], Settings(), scheduler=f"tcp://127.0.0.1:{port}"))


def test_unknown_engine() -> None:
    from kg.build import extract_stream

    with pytest.raises(KGError, match="unknown engine"):
        next(extract_stream([], Settings(), engine="spark"))


def test_parallel_reads_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    """With an endless input, only a bounded window of chunks is ever read ahead."""
    import kg.parallel

    pulled = count()

    def endless():
        for i in pulled:
            yield Article(id=f"a{i}", text=f"Texte {i}.", source="-", lang="fr")

    class FakePool:  # runs the work inline; stands in for the process pool
        def __init__(self, *a: object, **k: object) -> None:
            pass

        def submit(self, fn, chunk):  # noqa: ANN001
            from concurrent.futures import Future

            f: Future = Future()
            f.set_result([a.id for a in chunk])
            return f

        def shutdown(self, *a: object, **k: object) -> None:
            pass

    monkeypatch.setattr(kg.parallel, "ProcessPoolExecutor", FakePool)
    stream = kg.parallel.parallel_extract(endless(), Settings(batch_size=4), jobs=2)
    first = list(islice(stream, 6))
    stream.close()
    assert first == [f"a{i}" for i in range(6)]
    # read so far: the window of 2 * jobs chunks of 4, plus the chunk being handed out
    assert next(pulled) <= (2 * 2 + 1) * 4
