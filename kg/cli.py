"""The `kg` command: a thin layer over the library. Only the CLI modules print.

Each subcommand parses its flags, calls one library function, and prints the result.
Errors from the library (`KGError`) become one line on stderr and exit code 2.

Every command is registered explicitly in `COMMANDS`, (name, add_parser) pairs in the order
`kg --help` lists them; the implementations live here (build, validate, eval), in
`kg.cli_store` (query, export, remove, serve, push) and in `kg.cli_view` (view). Those modules
are imported like any other: if one cannot be imported, `kg` fails with the import error
instead of running without its commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import cli_store, cli_view
from kg.errors import KGError
from kg.iri import DEFAULT_BASE
from kg.progress import plural

if TYPE_CHECKING:
    from kg.settings import Settings

AddParser = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def _settings(args: argparse.Namespace) -> Settings:
    from kg.settings import Settings

    settings = Settings()
    if getattr(args, "base", None):
        settings = settings.with_(base=args.base)
    return settings


# -- build ---------------------------------------------------------------------


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.progress import Progress

    settings = _settings(args)
    if args.batch_size:
        settings = settings.with_(batch_size=args.batch_size)
    with Progress(quiet=args.quiet) as progress:
        report = build(
            args.inputs,
            args.output,
            settings=settings,
            jobs=args.jobs,
            engine=args.engine,
            scheduler=args.scheduler,
            lang=args.lang,
            view=not args.no_view,
            progress=progress.update,
        )
    for err in report.skipped:
        print(f"skipped {err.source}: {err.reason}", file=sys.stderr)
    for dropped in report.dropped:
        print(f"warning: {dropped}", file=sys.stderr)
    if args.quiet:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    else:
        print(report.summary())
    if report.articles == 0:
        print("error: nothing could be built from the inputs given", file=sys.stderr)
        return 1
    if report.failed:
        print(f"error: {plural(len(report.failed), 'article')} could not be stored (listed above); "
              "fix the cause and run the same command again", file=sys.stderr)
        return 1
    if args.strict and report.skipped:
        print("error: --strict: some inputs were skipped", file=sys.stderr)
        return 1
    if args.strict and report.dropped:
        print("error: --strict: some statements were dropped to keep the graph conformant", file=sys.stderr)
        return 1
    return 0


def add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="build or update the graph of articles into DIR", description="Read articles (.txt, .md, .html, .jsonl, folders, - for stdin), extract entities and relations, and write DIR/graph.ttl, DIR/graph.trig, DIR/graph.html and the store DIR/store/.")
    p.add_argument("inputs", nargs="+", help="files, folders, or - for standard input")
    p.add_argument("-o", "--output", required=True, help="output directory (created; updated incrementally)")
    p.add_argument("--lang", choices=["fr", "en"], help="language of articles that do not declare one (default: detect)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for extraction (default 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes or a Dask cluster")
    p.add_argument("--scheduler", help="Dask scheduler address (default: start a local cluster)")
    p.add_argument("--batch-size", type=int, default=0, help="articles per nlp.pipe batch")
    p.add_argument("--base", help=f"base IRI of minted resources (default {DEFAULT_BASE})")
    p.add_argument("--no-view", action="store_true", help="do not write graph.html")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any input is skipped or any statement dropped")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary")
    p.set_defaults(func=cmd_build)


# -- validate ------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import parse, validate

    target = Path(args.target)
    path = target / "graph.trig" if target.is_dir() else target
    if not path.exists():
        raise KGError(f"{path}: no such file; run `kg build ... -o {target}` first or pass an RDF file")
    report = validate(parse(path))
    print("conforms" if report.conforms else report.text)
    return 0 if report.conforms else 1


def add_validate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="check a graph against ontology/shapes.ttl (SHACL)",
        description="Check a build DIR (its graph.trig) or an RDF file against the SHACL shapes "
        "ontology/shapes.ttl, with the ontology and RDFS inference. Prints 'conforms' (exit code 0) "
        "or the violations (exit code 1).",
    )
    p.add_argument("target", help="a build DIR or an RDF file (.ttl .nt .trig .nq .jsonld)")
    p.set_defaults(func=cmd_validate)


# -- eval ------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate, format_report

    report = evaluate(Path(args.gold), settings=_settings(args), entities=not args.relations_only)
    print(format_report(report, fmt=args.format, details=not args.no_details))
    return 0


def add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against a gold JSONL file (precision, recall, F1)",
        description="Extract relations and entities from the text of each gold article and score them against "
        "the gold: precision, recall and F1, strict and lenient, per relation and overall. The gold sets of "
        "bench/gold/ are examples of the format (described in bench/gold/README.md).",
    )
    p.add_argument("gold", help="gold JSONL, one article per line with its 'text' (format: bench/gold/README.md)")
    p.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    p.add_argument("--no-details", action="store_true", help="do not list misses and false positives")
    p.add_argument("--relations-only", action="store_true", help="skip the entity scores")
    p.set_defaults(func=cmd_eval)


# -- registration ----------------------------------------------------------------

COMMANDS: tuple[tuple[str, AddParser], ...] = (
    ("build", add_build),
    ("query", cli_store.add_query),
    ("export", cli_store.add_export),
    ("view", cli_view.add_view),
    ("remove", cli_store.add_remove),
    ("serve", cli_store.add_serve),
    ("push", cli_store.add_push),
    ("validate", add_validate),
    ("eval", add_eval),
)


def parser() -> argparse.ArgumentParser:
    """The `kg` argument parser, with every command of `COMMANDS`."""
    p = argparse.ArgumentParser(prog="kg", description="geokg: knowledge graphs of geopolitical news (French and English).")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, add in COMMANDS:
        add(sub)
        if name not in sub.choices:
            raise KGError(f"{add.__module__}.{add.__qualname__} did not register the command {name!r}; fix kg.cli.COMMANDS")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KGError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a file the library did not name in a KGError (a full disk, a read-only folder)
        from kg.fsutil import describe_os_error

        where = f"{e.filename}: " if e.filename else ""
        print(f"error: {where}{describe_os_error(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous graph files and the store are intact; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
