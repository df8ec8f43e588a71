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


# ---------------------------------------------------------------- issue 15, case 6: newcomer friction


def subparsers() -> dict:
    return next(a for a in parser()._actions if a.dest == "command").choices


@pytest.mark.parametrize("command", commands())
def test_every_command_and_argument_has_a_help_text(command: str) -> None:
    sub = subparsers()[command]
    assert sub.description, f"`kg {command} --help` has no description"
    for action in sub._actions:
        if action.dest != "help":
            assert action.help, f"`kg {command}`: {'/'.join(action.option_strings) or action.dest} has no help text"


@pytest.mark.parametrize("command", commands())
def test_files_named_in_help_texts_exist(command: str) -> None:
    text = subparsers()[command].format_help()
    for name in re.findall(r"[\w./-]+\.(?:md|ttl|rq|jsonl|py)\b", text):
        if "/" in name and not name.startswith(("DIR", "FILE", "<")):
            assert (ROOT / name).exists(), f"`kg {command} --help` names {name}, which the repository lacks"
    assert "DESIGN.md" not in text  # lives outside the repository


def test_bare_kg_commands_come_after_activating_the_environment() -> None:
    first_kg = re.search(r"^\s*kg \w+", README, re.M)
    activate = README.find(". .venv/bin/activate")
    assert activate != -1, "README.md never says how to put `kg` on PATH"
    assert first_kg is None or activate < first_kg.start(), "README.md uses bare `kg` before activating .venv"


def test_readme_says_how_the_view_draws_hedges() -> None:
    assert not re.search(r"network view see facts and never hedges", README.replace("\n", " "))
    assert "dashed" in README


@pytest.mark.slow
def test_the_readme_python_example_prints_what_its_comment_says() -> None:
    import contextlib
    import io

    block = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    code, comment = block.split("report = build")[0].rsplit("# ", 1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - the README's own example
    assert out.getvalue().strip() == comment.strip()


def test_make_browser_fails_loudly_when_apt_is_locked(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    fake = tmp_path / "bin"
    fake.mkdir()
    for name, script in (("apt-get", 'echo "E: Could not get lock /var/lib/dpkg/lock-frontend" >&2; exit 100'), ("id", "echo 0")):
        (fake / name).write_text(f"#!/bin/sh\n{script}\n")
        (fake / name).chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    args = ["make", "-s", "-C", str(ROOT), "browser", f"CHROMIUM={tmp_path / 'no-chromium'}", "APT_RETRIES=1", "APT_LOCK_TIMEOUT=0"]
    proc = subprocess.run(args, capture_output=True, text=True, env=env)
    assert proc.returncode != 0 and "chromium could not be installed" in proc.stderr and "SKIP_BROWSER=1" in proc.stderr
    skipped = subprocess.run([*args, "SKIP_BROWSER=1"], capture_output=True, text=True, env=env)
    assert skipped.returncode == 0 and "browser tests will be skipped" in skipped.stderr


def test_counts_read_in_the_singular() -> None:
    from kg.build import BuildReport

    text = BuildReport(out_dir=Path("out"), articles=1, entities=1, relations=1, triples=1).summary()
    assert text.startswith("built 1 article into out: 1 entity, 1 statement (none), 1 triple in the store")
