"""`kg query`, `kg export`, `kg remove`, `kg serve`, `kg push`: thin commands over the library.

`kg.cli.COMMANDS` registers each `add_*`; each command calls one library function and prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KGError
from kg.progress import plural

# -- query ---------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import format_result, list_queries, load_query, run_query

    if args.list:
        for q in list_queries():
            params = "".join(f" [--param {p.name}={p.default}]" for p in q.params)
            print(f"{q.name}{params}\n    {q.description}")
        return 0
    if args.name and args.sparql:
        raise KGError("give either a SPARQL query (text or .rq file) or --name NAME, not both")
    if args.name:
        sparql = load_query(args.name).text
    elif args.sparql:
        sparql = _query_text(args.sparql)
    else:
        raise KGError("no query: give SPARQL text, a .rq file, or --name NAME (see `kg query DIR --list`)")
    bindings: dict[str, str] = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise KGError(f"--param {item!r}: write it as NAME=VALUE, e.g. --param country=Russia")
        bindings[key.strip()] = value
    result = run_query(args.target, sparql, params=bindings, isolated=True, timeout=args.timeout, wait=args.wait)
    print(format_result(result, args.format), end="" if args.format in ("csv", "tsv") else "\n")
    return 0


def _query_text(arg: str) -> str:
    """The query itself, or the content of the .rq file it names."""
    if not arg.endswith(".rq"):
        if "\n" in arg or len(arg) >= 4096:
            return arg
        try:
            if not Path(arg).is_file():
                return arg
        except OSError:  # "File name too long" and the like: a one-line query, not a file
            return arg
        return arg
    try:
        return Path(arg).read_text(encoding="utf-8")
    except OSError as e:
        raise KGError(f"cannot read the query file {arg}: {e.strerror or e}") from e


def add_query(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "query",
        help="run SPARQL over a build DIR or an RDF file",
        description="Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of all graphs, "
        "so counts agree with graph.ttl. geo:, id:, rdf:, rdfs:, owl:, skos:, prov:, xsd: are predeclared.",
    )
    p.add_argument("target", help="a build DIR (with store/) or an RDF file (.ttl .nt .trig .nq .jsonld)")
    p.add_argument("sparql", nargs="?", help="SPARQL text or a .rq file")
    p.add_argument("--name", help="run a canned query by name (see --list)")
    p.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query parameter (bound as a literal, never pasted)",
    )
    p.add_argument(
        "--format",
        choices=["table", "csv", "json", "tsv"],
        default="table",
        help="output format (CONSTRUCT/DESCRIBE print Turtle)",
    )
    p.add_argument("--list", action="store_true", help="list the canned queries and exit")
    p.add_argument(
        "--timeout",
        type=float,
        default=300,
        help="stop the query after this many seconds, sorting included (default 300)",
    )
    add_wait(p)
    p.set_defaults(func=cmd_query)


def add_wait(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--wait",
        type=float,
        nargs="?",
        const=float("inf"),
        default=0,
        metavar="SECONDS",
        help="if a build is writing DIR, wait for it to finish (at most SECONDS; no value: as long as it takes) "
        "instead of refusing",
    )


# -- export --------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from kg.export import export

    path = export(args.dir, args.format, args.output, wait=args.wait)
    print(f"wrote {path}")
    return 0


def add_export(sub: argparse._SubParsersAction) -> None:
    from kg.export import EXPORT_FORMATS

    p = sub.add_parser(
        "export",
        help="write the graph of DIR as ttl, nt, trig, nq, jsonld, graphml or gexf",
        description="Write the graph of the build DIR to one file. ttl, nt, jsonld: the union of all graphs "
        "(what graph.ttl holds; JSON-LD with an @context of the usual prefixes); trig, nq: one named graph per "
        "article plus the entities graph; graphml, gexf: the entity network for Gephi. The file is written "
        "atomically: on any error (a full disk) the previous file is left as it was.",
    )
    p.add_argument("dir", help="a build directory (made by kg build)")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the format of the file to write")
    p.add_argument("-o", "--output", required=True, help="file to write (atomically)")
    add_wait(p)
    p.set_defaults(func=cmd_export)


# -- remove --------------------------------------------------------------------


def cmd_remove(args: argparse.Namespace) -> int:
    from kg.build import write_outputs
    from kg.settings import Settings
    from kg.store import GraphStore, remove_articles

    removed = remove_articles(args.dir, args.articles)
    for iri in removed:
        print(f"removed {iri}")
    with GraphStore.open(args.dir, what="kg remove") as store:
        written = write_outputs(
            store, Path(args.dir), settings=Settings(base=store.base), view=(Path(args.dir) / "graph.html").exists()
        )
    print("rewrote " + ", ".join(str(p) for p in written))
    return 0


def add_remove(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "remove",
        help="retract articles from DIR (by id, IRI, url or file name)",
        description="Remove articles from the build DIR: each article's named graph, the triples only it "
        "supported and the entity descriptions no remaining article needs; then rewrite graph.ttl, graph.trig "
        "and graph.html. List the articles with: kg query DIR --name articles.",
    )
    p.add_argument("dir", help="a build directory (made by kg build)")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article id, IRI, url or file name")
    p.set_defaults(func=cmd_remove)


# -- serve ---------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    def ready(server) -> None:  # noqa: ANN001 - a kg.serve.Server
        print(
            f"serving {args.dir} read-only: SPARQL endpoint {server.urls['query']} "
            f"(query timeout {args.timeout:g} s); Ctrl-C or SIGTERM stops",
            file=sys.stderr,
            flush=True,
        )

    return serve(
        args.dir, host=args.host, port=args.port, timeout_s=args.timeout, workers=args.workers, wait=args.wait, on_ready=ready
    )


def add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="a read-only SPARQL endpoint over DIR",
        description="Answer SPARQL 1.1 Protocol queries over the build DIR at http://HOST:PORT/query (GET or POST), "
        "read-only. Each query runs in a child process with a hard timeout, so a query that crashes the engine "
        "or runs too long gets an HTTP error and the endpoint stays up. While it serves, kg build and kg remove "
        "refuse to write DIR. Ctrl-C or SIGTERM stops it.",
    )
    p.add_argument("dir", help="a build directory (made by kg build)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    p.add_argument("--timeout", type=float, default=30, help="seconds a query may run, sorting included (default 30)")
    p.add_argument("--workers", type=int, default=2, help="queries answered at the same time (default 2)")
    add_wait(p)
    p.set_defaults(func=cmd_serve)


# -- push ----------------------------------------------------------------------


def cmd_push(args: argparse.Namespace) -> int:
    from kg.push import push

    report = push(args.dir, args.endpoint, user=args.user, password=args.password, timeout=args.timeout, wait=args.wait)
    print(f"pushed {plural(len(report.graphs), 'graph')} ({plural(report.triples, 'triple')}) to {report.endpoint}")
    if report.deleted:
        print(f"deleted {plural(len(report.deleted), 'graph')} removed locally since the last push")
    if report.note:
        print(f"warning: {report.note}", file=sys.stderr)
    return 0


def add_push(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "push",
        help="send DIR's graphs to a remote store (SPARQL 1.1 Graph Store Protocol)",
        description="Send each article's named graph of the build DIR (HTTP PUT: pushing twice changes nothing) "
        "and this build's entity descriptions (in a named graph of this build's own) to a remote store. Graphs an "
        "earlier push sent that are gone locally are deleted remotely (recorded in DIR/pushed.json); no other "
        "remote graph is touched. The remote must use the union of its named graphs as its default graph "
        "(Oxigraph: serve --union-default-graph; Fuseki: tdb2:unionDefaultGraph true).",
    )
    p.add_argument("dir", help="a build directory (made by kg build)")
    p.add_argument("--endpoint", required=True, help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--user", help="basic-auth user (give --password too)")
    p.add_argument("--password", help="basic-auth password")
    p.add_argument("--timeout", type=float, default=30, help="seconds per HTTP request (default 30)")
    add_wait(p)
    p.set_defaults(func=cmd_push)

