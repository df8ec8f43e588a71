"""The `kg` command line: every command registered explicitly, documented, with help; never silently missing."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kg import cli
from kg.errors import KGError

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    """Command names of the README's "Commands" table, in order."""
    section = README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    names = [m.group(1) for m in re.finditer(r"^\| `kg ([a-z]+)\b", section, re.M)]
    return list(dict.fromkeys(names))


def subcommands(p: argparse.ArgumentParser) -> argparse._SubParsersAction:
    return next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))


def test_readme_table_is_found():
    assert readme_commands()[:3] == ["build", "query", "export"]
    assert len(readme_commands()) >= 9


@pytest.mark.parametrize("name", readme_commands())
def test_every_readme_command_is_registered_with_help(name, capsys):
    sub = subcommands(cli.parser())
    assert name in sub.choices, f"`kg {name}` is in README.md but not in kg.cli.COMMANDS"
    summary = {a.dest: a.help for a in sub._choices_actions}
    assert summary.get(name), f"`kg {name}` has no help line for `kg --help`"
    with pytest.raises(SystemExit) as exit_:
        cli.parser().parse_args([name, "--help"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: kg {name}")


def test_registration_is_the_explicit_list():
    names = [name for name, _ in cli.COMMANDS]
    assert len(names) == len(set(names))
    assert list(subcommands(cli.parser()).choices) == names  # nothing registered besides the list
    assert names == readme_commands()  # `kg --help` lists them in the README's order


def test_an_add_parser_that_registers_nothing_is_an_error(monkeypatch):
    monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, ("ghost", lambda sub: None)))
    with pytest.raises(KGError, match="did not register the command 'ghost'"):
        cli.parser()


@pytest.mark.parametrize("module", ["kg.cli_store", "kg.cli_view"])
def test_a_command_module_that_cannot_be_imported_is_an_error(module):
    # Before: `except ImportError: continue` dropped the module's commands without a word.
    code = textwrap.dedent(
        f"""
        import importlib.abc, sys

        class Broken(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:
                    raise ImportError("simulated: a dependency of " + name + " is missing")
                return None

        sys.meta_path.insert(0, Broken())
        from kg.cli import main
        main(["--help"])
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode != 0
    assert f"simulated: a dependency of {module} is missing" in done.stderr
    assert "usage: kg" not in done.stdout
