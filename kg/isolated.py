"""SPARQL in a child process: an engine crash or a runaway query never takes the caller down.

Oxigraph 0.5.13 (the latest 0.5 release) panics on some queries, e.g. a two-key ORDER BY over a
cross product (`SELECT * {?s ?p ?o . ?a ?b ?c} ORDER BY ?o ?c LIMIT 1`: "user-provided comparison
function does not correctly implement a total order"), and the panic aborts the whole process. Its
own timeout is not checked while it sorts. So `kg query` and `kg serve` run each query in a child
process (`python -m kg.isolated TARGET`): the child opens the store read-only (or loads the RDF
file), reads one request (JSON) on standard input, writes one reply on standard output and exits.
The parent enforces a hard deadline by killing the child, and reports a crash as an error.

A reply is one JSON header line (`ok`, `kind`, `base`, `content_type`, or `status` and `message`)
followed by the serialised result: SPARQL results (JSON, XML, CSV, TSV) for SELECT and ASK, RDF
(N-Triples, Turtle, RDF/XML, JSON-LD...) for CONSTRUCT and DESCRIBE, as the request asks.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

# the child's panic message without a page of Rust backtrace
_CHILD_ENV = {"RUST_BACKTRACE": "0"}


@dataclass(frozen=True)
class Reply:
    """What one child answered: `status` is 200, 400 (bad query), 500 (crash) or 503 (timed out)."""

    status: int
    message: str = ""
    kind: str = ""  # "select", "ask" or "graph"
    base: str = ""
    content_type: str = ""
    body: bytes = b""


def child_command(target: str | os.PathLike[str], *, base: str | None = None) -> list[str]:
    """The command line of a child that answers one query over `target` (a build DIR or an RDF file)."""
    command = [sys.executable, "-m", "kg.isolated", os.fspath(target)]
    return command + (["--base", base] if base else [])


def start_child(target: str | os.PathLike[str], *, base: str | None = None) -> subprocess.Popen[bytes]:
    """Start a child; it opens `target` at once, then waits for its request on standard input."""
    env = {**os.environ, **_CHILD_ENV}
    return subprocess.Popen(
        child_command(target, base=base), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def ask_child(
    child: subprocess.Popen[bytes],
    sparql: str,
    *,
    timeout: float | None,
    substitutions: dict[str, str] | None = None,
    results: str = "application/sparql-results+json",
    graph: str = "application/n-triples",
) -> Reply:
    """Send one query to a started child and wait for its reply, at most `timeout` seconds (then kill it)."""
    request = json.dumps(
        {"query": sparql, "substitutions": substitutions or {}, "results": results, "graph": graph}
    ).encode("utf-8")
    try:
        out, err = child.communicate(request, timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return Reply(503, f"the query ran longer than {timeout:g} s and was stopped")
    header, _, body = out.partition(b"\n")
    if child.returncode != 0 or not header:
        return Reply(500, _crash_message(child.returncode, err))
    try:
        meta = json.loads(header)
    except ValueError:
        return Reply(500, _crash_message(child.returncode, err))
    if not meta.get("ok"):
        return Reply(int(meta.get("status", 400)), str(meta.get("message", "the query failed")))
    return Reply(200, kind=meta["kind"], base=meta["base"], content_type=meta["content_type"], body=body)


def _crash_message(code: int | None, err: bytes) -> str:
    lines = [line.strip() for line in err.decode("utf-8", "replace").splitlines() if line.strip()]
    # the panic's own message is the line after "thread '...' panicked at ...:"
    detail = next((lines[i + 1] for i, line in enumerate(lines[:-1]) if "panicked at" in line), lines[-1] if lines else "")
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return (
        f"the SPARQL engine (Oxigraph) crashed on this query ({how}{': ' + detail if detail else ''}); "
        "nothing was changed. This is an Oxigraph bug: rewrite the query (e.g. ORDER BY one key, or fewer "
        "unconnected patterns) and try again"
    )


# ---------------------------------------------------------------------- the child


def _open(target: str, base: str | None) -> tuple[Any, str]:
    """(run(sparql, substitutions) -> pyoxigraph result, base) for a build DIR or an RDF file."""
    from pathlib import Path

    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.query import _load_file
    from kg.store import STORE_DIRNAME, GraphStore, prefixes

    path = Path(target)
    if path.is_dir():
        if not (path / STORE_DIRNAME).is_dir():
            raise QueryError(f"{path} is not a geokg build directory (no {STORE_DIRNAME}/ inside)")
        store = GraphStore.open(path, read_only=True, base=base)
        return store.query, store.base
    memory, file_base = _load_file(path, base)
    pfx = prefixes(file_base)

    def run(sparql: str, *, substitutions: dict[ox.Variable, Any] | None = None) -> Any:
        try:
            return memory.query(sparql, prefixes=pfx, substitutions=substitutions)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except (OSError, ValueError, RuntimeError, TypeError) as e:
            raise QueryError(f"the query failed: {e}") from e

    return run, file_base


def _serialise(result: Any, request: dict[str, Any]) -> tuple[str, str, bytes]:
    import pyoxigraph as ox

    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        fmt = ox.QueryResultsFormat.from_media_type(request["results"]) or ox.QueryResultsFormat.JSON
        kind = "ask" if isinstance(result, ox.QueryBoolean) else "select"
        return kind, fmt.media_type, result.serialize(format=fmt) or b""
    rdf = ox.RdfFormat.from_media_type(request["graph"])
    if rdf is None or rdf.supports_datasets:
        rdf = ox.RdfFormat.N_TRIPLES
    # CONSTRUCT may repeat a triple (a graph is a set)
    return "graph", rdf.media_type, ox.serialize(list(dict.fromkeys(result)), None, rdf) or b""


def main(argv: list[str] | None = None) -> int:
    """Answer one request on standard input (see the module docstring). Only for `start_child`."""
    import argparse

    import pyoxigraph as ox

    from kg.errors import KGError, QueryError

    parser = argparse.ArgumentParser(prog="python -m kg.isolated", description="answer one SPARQL query (internal)")
    parser.add_argument("target")
    parser.add_argument("--base")
    args = parser.parse_args(argv)
    out = sys.stdout.buffer

    def fail(status: int, message: str) -> int:
        out.write(json.dumps({"ok": False, "status": status, "message": message}).encode("utf-8") + b"\n")
        out.flush()
        return 0

    try:
        run, base = _open(args.target, args.base)
    except KGError as e:
        return fail(503 if "being written" in str(e) else 400, str(e))
    data = sys.stdin.buffer.read()
    if not data.strip():
        return 0  # the parent closed without a request (a spare child of a server that stops)
    request = json.loads(data)
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in request.get("substitutions", {}).items()} or None
    try:
        kind, content_type, body = _serialise(run(request["query"], substitutions=substitutions), request)
    except QueryError as e:
        return fail(400, str(e))
    except (OSError, RuntimeError, ValueError) as e:
        return fail(400, f"the query failed while reading results: {e}")
    header = {"ok": True, "kind": kind, "base": base, "content_type": content_type}
    out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
