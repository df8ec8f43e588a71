"""The README documents every command, and its two commands are what the Makefile and CI run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    sub = next(a for a in parser()._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command: str) -> None:
    assert re.search(rf"`kg {command}\b", README), f"`kg {command}` is not in README.md"


def test_readme_commands_are_make_targets() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.M)


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_make_test_lints_first() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_deps = re.search(r"^test:(.*)$", makefile, re.M).group(1).split()
    assert "lint" in test_deps
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "ruff check kg tests bench" in lint and "mypy" in lint
    assert (ROOT / "kg" / "py.typed").is_file()


def test_every_canned_query_is_documented() -> None:
    for rq in (ROOT / "kg" / "data" / "queries").glob("*.rq"):
        assert f"`{rq.stem}`" in README, rq.stem
        assert rq.read_text(encoding="utf-8").startswith("#"), f"{rq.name} needs a leading comment"
