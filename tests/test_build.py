"""`kg build` end to end: incremental, idempotent, robust to bad input, safe when killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.build import build
from kg.query import run_query

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

ARTICLE_A = """Le Mali expulse l'ambassadeur de France
Le gouvernement malien a expulsé mardi l'ambassadeur de France à Bamako, accusé d'ingérence.
"""
ARTICLE_B = """Le Tchad rompt avec la France
Le Tchad a rompu sa coopération militaire avec la France, a annoncé le gouvernement à N'Djamena.
"""
ARTICLE_C = """Niger and Nigeria sign a security pact
Niger and Nigeria signed a security agreement in Abuja on Monday.
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


def union(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


def n_articles(out: Path) -> int:
    res = run_query(out, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/geokg/ontology#Article> }")
    return int(res.rows[0][0].value)


def test_two_folders_into_one_dir_then_same_again(tmp_path: Path) -> None:
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    write(one, "a.txt", ARTICLE_A)
    write(two, "b.txt", ARTICLE_B)
    write(two, "c.txt", ARTICLE_C)
    assert build([one], out, view=False).articles == 1
    assert build([two], out, view=False).articles == 2
    assert n_articles(out) == 3
    first = union(out)
    # the same folder again changes nothing
    build([two], out, view=False)
    assert isomorphic(first, union(out))
    # the same article under another file name is not a new article
    write(tmp_path / "three", "copy-of-a.txt", ARTICLE_A)
    build([tmp_path / "three"], out, view=False)
    assert n_articles(out) == 3


def test_query_counts_match_graph_ttl(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src, "a.txt", ARTICLE_A)
    write(src, "c.txt", ARTICLE_C)
    build([src], out, view=False)
    res = run_query(out, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(res.rows[0][0].value) == len(union(out))


def test_remove_retracts_only_that_article(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src, "a.txt", ARTICLE_A)
    write(src, "b.txt", ARTICLE_B)
    build([src], out, view=False)
    expected = tmp_path / "expected"
    build([src / "b.txt"], expected, view=False)  # same file name in the graph as in the folder build
    result = subprocess.run([sys.executable, "-m", "kg", "remove", str(out), "a.txt"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert n_articles(out) == 1
    # what only article A supported is gone, entity descriptions included
    assert isomorphic(union(out), union(expected))


def test_bad_inputs_are_named_and_the_rest_is_built(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src, "good.txt", ARTICLE_A)
    write(src, "empty.txt", "")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    write(src, "latin.txt", ARTICLE_B.replace("'", "\u2019"), encoding="cp1252")
    write(src, "feed.jsonl", '{"text": "Le Niger a quitté la CEDEAO en janvier.", "lang": "fr"}\n{"text": broken\n')
    write(src, "page.html", "<html><head><title>Crise</title><script>alert(1)</script></head><body><nav>Accueil | Monde</nav>"
          "<article><h1>Le Burkina Faso expulse des diplomates</h1><p>Le Burkina Faso a expulsé trois diplomates français "
          "accusés d'activités subversives, a annoncé le ministère des Affaires étrangères.</p></article></body></html>")
    # a little over the parser limit (Settings.max_chars): read in parts, never rejected
    huge = "\n\n".join(f"Paragraphe {i}. " + "Le Mali a signé un accord avec la Russie. " * 20 for i in range(130))
    write(src, "huge.txt", huge)
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "--no-view", "-q"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    assert "empty.txt" in err and "binary.txt" in err and "feed.jsonl:2" in err
    g = union(out)
    text = g.serialize(format="nt")
    assert "country/ML" in text and "country/TD" in text
    assert n_articles(out) >= 5  # good, latin, jsonl line 1, html, huge (in parts)
    strict = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp_path / "strict"), "--no-view", "-q", "--strict"], capture_output=True, text=True)
    assert strict.returncode != 0


def test_nothing_buildable_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src, "empty.txt", "")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(tmp_path / "out"), "-q"], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "empty.txt" in proc.stderr


def test_killed_build_leaves_the_last_good_graph(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src, "a.txt", ARTICLE_A)
    build([src], out, view=False)
    before = (out / "graph.ttl").read_bytes()
    many = tmp_path / "many"
    for i in range(200):
        write(many, f"n{i:03d}.txt", f"Article {i}\nLe Mali a signé l'accord numéro {i} avec la Russie à Bamako le {i % 28 + 1} mars. "
              "Le Niger a rompu sa coopération militaire avec la France. Le Tchad a expulsé l'ambassadeur du Soudan.\n")
    sizes = {p.name: p.stat().st_size for p in (out / "store").iterdir()}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(many), "-o", str(out), "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # wait until the store is being written, then kill -9 mid-build
    deadline = time.monotonic() + 300
    writing = False
    while time.monotonic() < deadline and proc.poll() is None and not writing:
        time.sleep(0.2)
        # new article graphs go in by batches, as SST files RocksDB ingests (new *.sst files); other
        # writes are transactions appended to its write-ahead log (*.log grows by a few KB)
        writing = any(
            (p.suffix == ".sst" and p.name not in sizes) or (p.suffix == ".log" and p.stat().st_size - sizes.get(p.name, 0) > 4000)
            for p in (out / "store").iterdir()
        )
    if proc.poll() is not None:
        pytest.skip("the build finished before it could be killed")
    assert writing, "the build never started writing the store"
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    # the previous exports are intact and readable
    assert (out / "graph.ttl").read_bytes() == before
    Graph().parse(out / "graph.ttl", format="turtle")
    assert not list(out.glob("*.tmp*")) or all(not p.name.startswith("graph.ttl") for p in out.glob("*.tmp*"))
    # the store opens, holds whole articles only, and the next build resumes and completes
    partial = n_articles(out)
    assert 1 < partial < 201, partial  # killed mid-way: some of the new articles are in, whole
    report = build([many], out, view=False)
    assert report.articles == 200
    assert n_articles(out) == 201


# ---------------------------------------------------------------- issue 15, cases 5 and 6


def n_statements(out: Path) -> int:
    res = run_query(out, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a <https://w3id.org/geokg/ontology#Statement> }")
    return int(res.rows[0][0].value)


def test_an_edited_file_replaces_its_old_version(tmp_path: Path) -> None:
    src, out, fresh = tmp_path / "src", tmp_path / "out", tmp_path / "fresh"
    write(src, "a.txt", ARTICLE_A)
    write(src, "feed.jsonl", '{"text": "Le Niger a quitté la CEDEAO en janvier, a annoncé la junte.", "lang": "fr"}\n')
    build([src], out, view=False)
    edited = ARTICLE_A.replace("mardi", "mercredi")
    write(src, "a.txt", edited)
    write(src, "feed.jsonl", '{"text": "Le Mali a quitté la CEDEAO en janvier, a annoncé la junte.", "lang": "fr"}\n')
    report = build([src], out, view=False)
    assert report.replaced == 2 and "replaced 2 older versions" in report.summary()
    assert n_articles(out) == 2
    build([src], fresh, view=False)  # the same files built from scratch: the same statements, not twice as many
    assert n_statements(out) == n_statements(fresh)
    assert isomorphic(union(out), union(fresh))


def test_an_edited_file_read_in_fewer_parts_leaves_no_old_part(tmp_path: Path) -> None:
    from kg.settings import Settings

    src, out = tmp_path / "src", tmp_path / "out"
    settings = Settings().with_(max_chars=200)
    write(src, "long.txt", "\n".join([ARTICLE_B.strip()] * 4))
    assert build([src], out, view=False, settings=settings).articles > 1
    write(src, "long.txt", ARTICLE_B)
    build([src], out, view=False, settings=settings)
    assert n_articles(out) == 1


def test_a_build_that_built_nothing_writes_no_exports(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write(src, "empty.txt", "")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(src), "-o", str(out), "-q"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert not (out / "graph.ttl").exists() and not (out / "graph.html").exists() and not (out / "graph.trig").exists()
    # a build directory that had a graph keeps it
    write(src, "a.txt", ARTICLE_A)
    build([src / "a.txt"], out, view=False)
    before = (out / "graph.ttl").read_bytes()
    report = build([src / "empty.txt"], out, view=False)
    assert report.articles == 0 and (out / "graph.ttl").read_bytes() == before


def test_spacy_gets_batches_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory is bounded by the part, not the file: spaCy never holds many long parts at once."""
    import kg.extract as extract
    from kg.settings import Settings
    from kg.types import Article

    real = extract.load_pipeline
    seen: list[int] = []

    class Recording:
        def __init__(self, nlp) -> None:  # noqa: ANN001
            self.nlp = nlp

        def pipe(self, texts, batch_size: int):  # noqa: ANN001
            texts = list(texts)
            seen.append(sum(len(t) for t in texts))
            return self.nlp.pipe(texts, batch_size=batch_size)

    monkeypatch.setattr(extract, "load_pipeline", lambda lang, settings: Recording(real(lang, settings)))
    monkeypatch.setattr(extract, "MAX_BATCH_CHARS", 250)
    parts = [Article(id=f"p{i}", text=ARTICLE_B.strip(), source=f"long.txt#part{i}", lang="fr") for i in range(5)]
    settings = Settings().with_(max_chars=200, batch_size=16)
    assert len(list(extract.Extractor(settings).pipe(parts))) == 5
    assert seen and max(seen) <= 250, seen


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", ARTICLE_A)
    build([tmp_path], tmp_path / "out", view=False)
    report = build([tmp_path], tmp_path / "out", view=False)  # out/store/* now exists under the input folder
    assert report.skipped == [] and report.articles == 1
