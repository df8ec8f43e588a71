"""Issue 15, case 1: a full disk while the store or the exports are written.

The disk is made full by fault injection (a pyoxigraph store whose writes raise ENOSPC, an fsync
that raises ENOSPC), so the tests run anywhere; nothing here is timed.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdf_fixture import article_graph, article_iri, build

from kg.cli import main
from kg.store import BatchWriteError, GraphStore

ENOSPC = OSError(errno.ENOSPC, "No space left on device")


class FullDisk:
    """A pyoxigraph Store whose bulk loads fail, and whose transactions fail for some graphs."""

    def __init__(self, store: ox.Store, *, refuse: set[str] | frozenset[str] = frozenset(), refuse_text: str | None = None) -> None:
        self._store = store
        self.refuse = set(refuse)
        self.refuse_text = refuse_text

    def bulk_extend(self, quads) -> None:
        raise OSError("IO error: No space left on device")

    def extend(self, quads) -> None:
        quads = list(quads)
        names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        if names & self.refuse or (self.refuse_text and any(self.refuse_text in str(q.object) for q in quads)):
            raise OSError("IO error: No space left on device")
        self._store.extend(quads)

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# ---------------------------------------------------------------------- the store


def test_a_failed_batch_is_retried_article_by_article(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    store = GraphStore.open(tmp_path)
    store._store = FullDisk(store._store, refuse={article_iri("a2")})
    store.replace_article(article_iri("a1"), article_graph("a1"))
    store.replace_article(article_iri("a2"), article_graph("a2"))
    lost = store.take_lost()
    assert list(lost) == [article_iri("a2")]
    assert "disk is full" in lost[article_iri("a2")] and "free some space" in lost[article_iri("a2")]
    assert store.has_article(article_iri("a1")) and not store.has_article(article_iri("a2"))
    assert store.count() == len(article_graph("a1"))  # a1 whole, with its share of the default graph
    store.close()


def test_closing_with_unreported_losses_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    store = GraphStore.open(tmp_path)
    store._store = FullDisk(store._store, refuse={article_iri("a1")})
    store.replace_article(article_iri("a1"), article_graph("a1"))
    with pytest.raises(BatchWriteError, match="could not be written") as caught:
        store.close()
    assert list(caught.value.failed) == [article_iri("a1")]
    GraphStore.open(tmp_path).close()  # the lock was released


# ---------------------------------------------------------------------- kg build

ARTICLES = {
    "a.txt": "Le Mali expulse l'ambassadeur de France\nLe gouvernement malien a expulsé mardi l'ambassadeur de France.\n",
    "b.txt": "Le Tchad rompt avec la France\nLe Tchad a rompu sa coopération militaire avec la France.\n",
    "c.txt": "Le Niger quitte la CEDEAO\nLe Niger a quitté la CEDEAO en janvier, a annoncé la junte.\n",
}


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_build_on_a_full_disk_says_what_was_lost_and_fails(tmp_path, monkeypatch, capsys):
    src = write_articles(tmp_path / "src")
    out = tmp_path / "out"
    opened = GraphStore.open.__func__

    def open_full(cls, directory, **kwargs):
        store = opened(cls, directory, **kwargs)
        if not kwargs.get("read_only"):
            store._store = FullDisk(store._store, refuse_text="b.txt")
        return store

    monkeypatch.setattr(GraphStore, "open", classmethod(open_full))
    monkeypatch.setattr(GraphStore, "BATCH_ARTICLES", 64)
    code = main(["build", str(src), "-o", str(out), "--no-view"])
    captured = capsys.readouterr()
    assert code == 1
    assert "built 2 articles" in captured.out  # the count is true
    assert "b.txt" in captured.out and "disk is full" in captured.out
    assert "could not be stored" in captured.err
    monkeypatch.undo()
    with GraphStore.open(out, read_only=True) as store:
        assert len(store.articles()) == 2


@pytest.mark.slow
def test_exports_on_a_full_disk_leave_the_old_files_and_no_staging(tmp_path, monkeypatch, capsys):
    src = write_articles(tmp_path / "src")
    out = tmp_path / "out"
    assert main(["build", str(src / "a.txt"), "-o", str(out), "--no-view", "-q"]) == 0
    before = (out / "graph.ttl").read_bytes()
    calls = []

    def fsync(fd):
        calls.append(fd)
        if len(calls) >= 2:  # the first staged export goes through, the second finds the disk full
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("kg.fsutil.os.fsync", fsync)
    code = main(["build", str(src), "-o", str(out), "--no-view", "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert "disk is full" in err and "Traceback" not in err
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_export_on_a_full_disk_is_a_clear_error(tmp_path, monkeypatch, capsys):
    with GraphStore.open(tmp_path) as store:
        build(store)
    target = tmp_path / "exports" / "g.ttl"
    monkeypatch.setattr("kg.fsutil.os.fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    code = main(["export", str(tmp_path), "--format", "ttl", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: ") and "disk is full" in err and str(target) in err
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_staging_files_of_a_killed_writer_are_cleaned(tmp_path):
    with GraphStore.open(tmp_path) as store:
        build(store)
    pid = dead_pid()
    exports = tmp_path / "exports"
    exports.mkdir()
    stale = exports / f".g.ttl.{pid}-abc123.tmp"
    live = exports / f".g.ttl.{os.getppid()}-def456.tmp"  # a writer still running: kept
    other = exports / f".notes.txt.{pid}-abc123.tmp"  # another file's: left to its own next write
    for path in (stale, live, other):
        path.write_text("half")
    assert main(["export", str(tmp_path), "--format", "ttl", "-o", str(exports / "g.ttl")]) == 0
    assert not stale.exists() and live.exists() and other.exists()


@pytest.mark.slow
def test_a_build_removes_what_a_killed_build_left(tmp_path):
    src = write_articles(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    pid = dead_pid()
    leftovers = [
        out / f"..graph.ttl.new.{pid}-x1y2.tmp",
        out / ".graph.trig.new",
        out / f".merges.json.{pid}-zz.tmp",
        out / "..graph.html.new.k3j_9xqa.tmp",  # named by an earlier geokg, without the pid
    ]
    for path in leftovers:
        path.write_text("half")
    assert main(["build", str(src / "a.txt"), "-o", str(out), "--no-view", "-q"]) == 0
    assert [p for p in leftovers if p.exists()] == []


def test_an_unwritable_output_folder_is_one_error_line(tmp_path, capsys, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    code = main(["build", str(tmp_path / "src"), "-o", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith(f"error: {tmp_path / 'out'}: the disk is full") and "Traceback" not in err
