"""SPARQL over the union of all graphs of a build directory or an RDF file; canned queries.

The target is a build directory (its `store/`) or an RDF file (ttl, nt, trig, nq, jsonld) loaded
into an in-memory store. Either way the query's default graph is the RDF merge of every graph,
so counts agree with `graph.ttl`, and `GRAPH ?g { ... }` reaches the per-article graphs.

Canned queries are `kg/data/queries/<name>.rq`. Their first line is a `#` comment describing
them; a comment line `# param: NAME = DEFAULT | help` declares a parameter. A canned query that
cannot be read, lacks its description, has a malformed `# param:` line or is not valid SPARQL is a
QueryFileError naming the file and the line. A parameter is bound
through pyoxigraph's variable substitution (the value becomes an `xsd:string` literal for
`?NAME`), never pasted into the query text, so no value can change the query. Oxigraph only
substitutes variables the query projects, so a parameterised query selects its parameter.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg import iri
from kg.errors import DataFileError, QueryError, QueryFileError, StoreError
from kg.iri import DEFAULT_BASE, prefixes
from kg.rdf import RDF_TYPE, geo, load_rdf
from kg.store import STORE_DIRNAME, GraphStore, wait_for_writer

FORMATS = ("table", "csv", "json", "tsv")
TABLE_CELL_WIDTH = 80  # longer cells are cut with "…" in the table format (use csv/json for full text)

_PARAM_LINE = re.compile(r"^#\s*param:\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^|]*?)\s*(?:\|\s*(.*))?$")
_PARAM_START = re.compile(r"^#\s*param:")
_SPARQL_POSITION = re.compile(r"\berror at (\d+):(\d+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass(frozen=True)
class QueryParam:
    """A parameter a canned query declares (`# param: name = default | help`)."""

    name: str
    default: str
    help: str = ""


@dataclass(frozen=True)
class CannedQuery:
    name: str
    description: str  # the first comment line
    text: str
    params: tuple[QueryParam, ...] = ()
    path: str = ""  # the .rq file it was read from


@dataclass(frozen=True)
class QueryResult:
    """A materialised result: `kind` is "select", "ask" or "graph" (CONSTRUCT / DESCRIBE)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()
    prefixes: tuple[tuple[str, str], ...] = field(default=tuple(prefixes().items()))

    def records(self) -> list[dict[str, str | None]]:
        """SELECT rows as dicts of plain values (IRI strings, literal lexical forms, None if unbound)."""
        return [
            {v: (t.value if t is not None else None) for v, t in zip(self.variables, row, strict=True)}
            for row in self.rows
        ]

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)


# ---------------------------------------------------------------------- canned queries
def _queries_dir() -> Any:
    return resources.files("kg").joinpath("data", "queries")


def parse_query_header(text: str, *, source: str | None = None) -> tuple[str, tuple[QueryParam, ...]]:
    """(description, params) from the leading `#` comment lines of a query.

    With `source` (the file the text comes from), a `# param:` line that does not read
    `# param: NAME = DEFAULT | help` is a QueryFileError naming the file and line; without it,
    such a line is an ordinary comment.

    >>> parse_query_header("# Partners of a country.\\n# param: country = Niger | a name\\nSELECT ...")
    ('Partners of a country.', (QueryParam(name='country', default='Niger', help='a name'),))
    """
    description = ""
    params = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _PARAM_LINE.match(stripped)
        if match:
            params.append(QueryParam(match.group(1), match.group(2), (match.group(3) or "").strip()))
        elif source is not None and _PARAM_START.match(stripped):
            raise QueryFileError(source, f"malformed parameter line {stripped!r}; write it as `# param: NAME = DEFAULT | help`", line=number)
        elif not description:
            description = stripped.lstrip("#").strip()
    return description, tuple(params)


def read_query_file(path: Any) -> CannedQuery:
    """A canned query from its .rq file, checked: readable, described, valid SPARQL (QueryFileError if not)."""
    name = path.name[: -len(".rq")] if path.name.endswith(".rq") else path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryFileError(path, f"cannot read the query: {e}") from e
    description, params = parse_query_header(text, source=str(path))
    if not description:
        raise QueryFileError(path, "no description: start the file with a `# what this query answers` comment line", line=1)
    try:  # parsed (and run) against an empty store: only the syntax is checked
        ox.Store().query(text, prefixes=prefixes())
    except SyntaxError as e:
        found = _SPARQL_POSITION.search(str(e))
        raise QueryFileError(path, f"invalid SPARQL: {e}", line=int(found.group(1)) if found else None) from e
    return CannedQuery(name, description, text, params, str(path))


def list_queries() -> list[CannedQuery]:
    """Every canned query, sorted by name."""
    found = [read_query_file(entry) for entry in _queries_dir().iterdir() if entry.name.endswith(".rq")]
    return sorted(found, key=lambda q: q.name)


def load_query(name: str) -> CannedQuery:
    """The canned query called `name`, or a QueryError listing the available names."""
    available = {q.name: q for q in list_queries()}
    if name in available:
        return available[name]
    listing = "\n".join(f"  {q.name}: {q.description}" for q in available.values())
    raise QueryError(f"no canned query named {name!r}; available queries:\n{listing}")


# ---------------------------------------------------------------------- running
def run_query(
    target: str | os.PathLike[str],
    sparql: str,
    *,
    params: Mapping[str, str] | None = None,
    base: str | None = None,
    isolated: bool = False,
    timeout: float | None = None,
    wait: float = 0,
) -> QueryResult:
    """Run `sparql` over the union of all graphs of `target` (a build DIR or an RDF file).

    `params` bind variables `?name` to string literals (see the module docstring); parameters
    the query declares in `# param:` comments get their default when not given.
    `isolated`: run it in a child process (`kg.isolated`), stopped after `timeout` seconds, so
    that an Oxigraph crash or a runaway sort is a QueryError, never the end of this process
    (`kg query` always does). A build DIR being written by another process is refused, after
    waiting up to `wait` seconds for the writer to finish.
    """
    path = Path(target)
    bindings = _bindings(sparql, params or {})
    if path.is_dir():
        if not (path / STORE_DIRNAME).is_dir():
            raise QueryError(
                f"{path} is not a geokg build directory (no {STORE_DIRNAME}/ inside); "
                f"build one with `kg build INPUT... -o {path}`, or query an RDF file"
            )
        try:
            wait_for_writer(path, wait=wait)
        except StoreError as e:
            raise QueryError(str(e)) from e
    elif not path.is_file():
        raise QueryError(f"{path} does not exist; give a build directory (with {STORE_DIRNAME}/) or an RDF file")
    if isolated:
        return _run_isolated(path, sparql, bindings, base=base, timeout=timeout)
    if path.is_dir():
        try:
            with GraphStore.open(path, read_only=True, base=base) as store:
                return _materialise(store.query(sparql, substitutions=bindings), store.base)
        except StoreError as e:
            raise QueryError(str(e)) from e
    if path.is_file():
        memory, file_base = _load_file(path, base)
        try:
            result = memory.query(sparql, prefixes=prefixes(file_base), substitutions=bindings)
        except SyntaxError as e:
            raise QueryError(f"invalid SPARQL: {e}") from e
        except (OSError, ValueError, RuntimeError, TypeError) as e:
            raise QueryError(f"the query failed: {e}") from e
    return _materialise(result, file_base)


def _run_isolated(
    path: Path, sparql: str, bindings: dict[ox.Variable, Any] | None, *, base: str | None, timeout: float | None
) -> QueryResult:
    from kg.isolated import ask_child, start_child

    child = start_child(path, base=base)
    substitutions = {k.value: v.value for k, v in (bindings or {}).items()}
    reply = ask_child(child, sparql, timeout=timeout, substitutions=substitutions)
    if reply.status == 503 and timeout is not None and "longer than" in reply.message:
        raise QueryError(f"{reply.message}; narrow the query (LIMIT, more specific patterns) or raise --timeout")
    if reply.status != 200:
        raise QueryError(reply.message)
    try:
        if reply.kind == "graph":
            parsed: Any = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(reply.body, ox.RdfFormat.N_TRIPLES)]
        else:
            parsed = ox.parse_query_results(reply.body, ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as e:
        raise QueryError(f"the query's results could not be read back: {e}") from e
    return _materialise(parsed, reply.base)


def _bindings(sparql: str, params: Mapping[str, str]) -> dict[ox.Variable, Any] | None:
    _, declared = parse_query_header(sparql)
    values = {p.name: p.default for p in declared}
    if declared:
        unknown = sorted(set(params) - set(values))
        if unknown:
            known = ", ".join(p.name for p in declared)
            raise QueryError(f"unknown parameter(s) {', '.join(unknown)}; this query takes: {known}")
    values.update(params)
    if not values:
        return None
    for name in values:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"invalid parameter name {name!r}: use letters, digits and underscores")
        if not re.search(rf"[?$]{re.escape(name)}\b", sparql):
            raise QueryError(f"parameter {name!r} is not a variable of this query (no ?{name} in it)")
    return {ox.Variable(name): ox.Literal(str(value)) for name, value in values.items()}


def _load_file(path: Path, base: str | None) -> tuple[ox.Store, str]:
    # the default graph of the loaded store is the merge of all graphs, as for a build directory
    try:
        store = load_rdf(path)
    except DataFileError as e:
        raise QueryError(f"cannot query {e}") from e
    return store, base or _infer_base(store)


def _infer_base(store: ox.Store) -> str:
    for quad in store.quads_for_pattern(None, RDF_TYPE, geo("Article"), None):
        name = getattr(quad.subject, "value", "")
        found = iri.base_of(name)
        if found is not None and "/" + iri.ARTICLE_PATH in name:
            return found
    return DEFAULT_BASE


def _materialise(result: Any, base: str) -> QueryResult:
    pfx = tuple(prefixes(base).items())
    try:
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result), prefixes=pfx)
        if isinstance(result, ox.QuerySolutions):
            names = tuple(v.value for v in result.variables)
            rows = tuple(tuple(solution[n] for n in names) for solution in result)
            return QueryResult("select", variables=names, rows=rows, prefixes=pfx)
        # CONSTRUCT / DESCRIBE: oxigraph may repeat a triple (a graph is a set), so dedupe.
        triples = tuple(dict.fromkeys(result))
        return QueryResult("graph", triples=triples, prefixes=pfx)
    except (OSError, RuntimeError) as e:
        raise QueryError(f"the query failed while reading results: {e}") from e


# ---------------------------------------------------------------------- formatting
def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as `table`, `csv`, `json` (SPARQL 1.1 JSON results) or `tsv` (SPARQL 1.1 TSV).

    CONSTRUCT and DESCRIBE results are Turtle in every format.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if result.kind == "graph":
        data = ox.serialize(list(result.triples), None, ox.RdfFormat.TURTLE, prefixes=dict(result.prefixes))
        return (data or b"").decode("utf-8")
    if result.kind == "ask":
        value = "true" if result.boolean else "false"
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2)
        if fmt == "csv":
            return f"_askResult\r\n{value}\r\n"
        if fmt == "tsv":
            return f"?_askResult\n{value}\n"
        return value
    if fmt == "json":
        return _json(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    return _table(result)


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != iri.XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _json(result: QueryResult) -> str:
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None} for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}, indent=2, ensure_ascii=False
    )


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(
            ["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode) else t.value) for t in row]
        )
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def shorten(iri: str, prefix_map: Mapping[str, str]) -> str:
    """`iri` as prefix:local when a namespace matches (longest first), else <iri>.

    >>> shorten("https://w3id.org/geokg/id/country/NE", prefixes())
    'country:NE'
    """
    best = max((ns for ns in prefix_map.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    name = next(k for k, v in prefix_map.items() if v == best)
    return f"{name}:{iri[len(best) :]}"


def _cell(term: Term | None, prefix_map: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = shorten(term.value, prefix_map)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    else:
        text = term.value
    text = " ".join(text.split())  # newlines and tabs would break the alignment
    text = _CONTROL.sub("\ufffd", text)
    if len(text) > TABLE_CELL_WIDTH:
        text = text[: TABLE_CELL_WIDTH - 1] + "…"
    return text


def _table(result: QueryResult) -> str:
    prefix_map = dict(result.prefixes)
    header = list(result.variables)
    body = [[_cell(t, prefix_map) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines)
