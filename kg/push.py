"""`kg push`: send a build's graphs to a remote triple store (SPARQL 1.1 Graph Store HTTP Protocol).

Each article's named graph is PUT to `ENDPOINT?graph=<article IRI>` and the entity descriptions
to `ENDPOINT?graph=<base>graph/entities`, as N-Triples. PUT replaces a graph, so pushing twice
changes nothing and re-running after a failure completes the push.

Nothing is sent half-prepared: every graph is serialised first, then the endpoint is probed,
then the graphs are sent. If a PUT fails midway, `PushError` says which graphs were sent and
which were not.

Graphs removed locally (`kg remove`, or articles that left the inputs) are deleted remotely: the
build directory keeps, in `pushed.json`, the graphs last pushed to each endpoint, and a push
DELETEs those of them that are no longer in the store (after sending the others). Graphs the
remote store got from anywhere else are never touched. The record is keyed by the endpoint
normalised (`endpoint_key`: scheme, host in lower case with localhost, 127.0.0.1 and ::1 as one,
port, path as given), so `http://127.0.0.1:7878/store` and `http://localhost:7878/store` are one store.

Several build directories may push to one store: article graphs are named by their content, so two
builds holding an article send the same graph; the entity descriptions, which each build computes
from its own articles, go to a graph of that build's own, `<base>graph/entities/<build id>` (the
id is made at the first push and kept in `pushed.json`), so no build overwrites another's. The
remote store must query the union of its named graphs as its default graph (Oxigraph:
`serve --union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`), as the graphs land in named
graphs only.

For an Oxigraph server the endpoint is `http://HOST:PORT/store`; for Fuseki `http://HOST:PORT/DATASET/data`.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from kg import iri
from kg.errors import KGError, RemoteError
from kg.fsutil import atomic_open
from kg.store import GraphStore

CONTENT_TYPE = "application/n-triples"


PUSHED_FILE = "pushed.json"  # in the build directory: {"build": id, "endpoints": {endpoint key: [graph IRIs]}}


@dataclass(frozen=True)
class PushReport:
    endpoint: str
    graphs: tuple[str, ...]  # graph IRIs sent, in order
    triples: int  # triples sent (a triple in two graphs counts twice)
    deleted: tuple[str, ...] = ()  # graphs pushed earlier, gone locally, deleted remotely
    note: str | None = None  # a warning for the user (the push itself succeeded)


class PushError(RemoteError):
    """A push that stopped midway: `sent` graphs are on the remote store, `pending` are not."""

    def __init__(self, message: str, *, sent: tuple[str, ...], pending: tuple[str, ...]) -> None:
        super().__init__(message)
        self.sent = sent
        self.pending = pending


def push(
    directory: str | os.PathLike[str],
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30,
    wait: float = 0,
) -> PushReport:
    """PUT every named graph of the build `directory` to the Graph Store Protocol `endpoint`."""
    _check_url(endpoint)
    if (user is None) != (password is None):
        raise RemoteError("give both --user and --password for basic authentication, or neither")
    headers = {}
    if user is not None:
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"

    # 1. serialise everything
    record = _load_pushed(directory)
    key = endpoint_key(endpoint)
    pushed = record["endpoints"]
    with GraphStore.open(directory, read_only=True, wait=wait) as store:
        entities = store.entities_graph
        payloads = [
            (
                iri.build_entities_graph_iri(record["build"], base=store.base) if name == entities else name,  # this build's own entities graph
                store.serialize_graph(name, "nt"),
                len(store.graph_triples(name)),
            )
            for name in store.graph_names()
        ]
    local = {name for name, _, _ in payloads}
    stale = [g for g in pushed.get(key, []) if g not in local]
    # 2. probe the endpoint
    probe(endpoint, headers=headers, timeout=timeout)
    # 3. send
    sent: list[str] = []
    total = 0
    for index, (graph, data, count) in enumerate(payloads):
        url = graph_url(endpoint, graph)
        request = urllib.request.Request(
            url, data=data, method="PUT", headers={**headers, "Content-Type": CONTENT_TYPE}
        )
        try:
            _send(request, timeout)
        except RemoteError as e:
            pending = tuple(name for name, _, _ in payloads[index:])
            shown = ", ".join(pending[:5]) + (f" and {len(pending) - 5} more" if len(pending) > 5 else "")
            raise PushError(
                f"push to {endpoint} stopped at graph {graph}: {e}. Sent {len(sent)} of {len(payloads)} graphs; "
                f"not sent: {shown}. Fix the problem and run `kg push` again: it replaces graphs, so re-running completes it",
                sent=tuple(sent),
                pending=pending,
            ) from e
        sent.append(graph)
        total += count
    # 4. delete what an earlier push sent and the store no longer has
    deleted: list[str] = []
    for graph in stale:
        request = urllib.request.Request(graph_url(endpoint, graph), method="DELETE", headers=headers)
        try:
            _send(request, timeout)
        except _HTTPStatus as e:
            if e.code != 404:  # 404: already gone
                _save_pushed(directory, record, {**pushed, key: sorted(local | set(stale) - set(deleted))})
                raise PushError(
                    f"push to {endpoint}: every graph was sent, but deleting the removed graph {graph} failed: {e}. "
                    "Run `kg push` again to retry the deletions",
                    sent=tuple(sent),
                    pending=(),
                ) from e
        deleted.append(graph)
    note = _save_pushed(directory, record, {**pushed, key: sorted(local)})
    return PushReport(endpoint, tuple(sent), total, tuple(deleted), note)


def endpoint_key(endpoint: str) -> str:
    """The endpoint as the push record knows it: one key per store, however its URL is written.

    >>> endpoint_key("HTTP://LocalHost:7878/store")
    'http://localhost:7878/store'
    >>> endpoint_key("http://127.0.0.1:7878/store") == endpoint_key("http://[::1]:7878/store")
    True
    >>> endpoint_key("https://example.org/ds/data?x=1")
    'https://example.org:443/ds/data?x=1'
    """
    parts = urllib.parse.urlsplit(endpoint.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host in ("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1") or host.startswith("127."):
        host = "localhost"
    elif ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port or {"http": 80, "https": 443}.get(scheme)
    except ValueError:
        port = None
    path = urllib.parse.unquote(parts.path) or "/"  # a trailing slash is kept: servers tell them apart
    return f"{scheme}://{host}:{port}{urllib.parse.quote(path)}" + (f"?{parts.query}" if parts.query else "")


def _load_pushed(directory: str | os.PathLike[str]) -> dict:
    """The push record: {"build": this build's id, "endpoints": {endpoint key: [graphs pushed there]}}.

    Older records (a bare {endpoint URL: [graphs]}) are read too, their URLs normalised.
    """
    path = Path(directory) / PUSHED_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    except (OSError, ValueError) as e:
        raise RemoteError(f"{path} is unreadable ({e}); delete it (graphs removed locally will then stay remotely)") from e
    if isinstance(data, dict) and "endpoints" in data:
        build_id, endpoints = data.get("build"), data["endpoints"]
    else:
        build_id, endpoints = None, data
    if (
        not isinstance(endpoints, dict)
        or not all(isinstance(v, list) for v in endpoints.values())
        or not (build_id is None or (isinstance(build_id, str) and build_id.isalnum()))
    ):
        raise RemoteError(f"{path} is not a geokg push record; delete it (graphs removed locally will then stay remotely)")
    merged: dict[str, list[str]] = {}
    for url, graphs in endpoints.items():
        known = merged.setdefault(endpoint_key(str(url)), [])
        known.extend(g for g in map(str, graphs) if g not in known)
    return {"build": build_id or uuid.uuid4().hex[:16], "endpoints": merged}


def _save_pushed(directory: str | os.PathLike[str], record: dict, endpoints: dict[str, list[str]]) -> str | None:
    """Write the push record; a message instead of an error when the directory is read-only."""
    path = Path(directory) / PUSHED_FILE
    data = {"build": record["build"], "endpoints": endpoints}
    try:
        with atomic_open(path) as f:
            f.write((json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    except (OSError, KGError) as e:
        return f"could not record the push in {path} ({e}): graphs removed locally later will stay remotely"
    return None


def graph_url(endpoint: str, graph: str) -> str:
    """`endpoint?graph=<graph>` with the IRI percent-encoded.

    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/geokg/id/article/ab")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fgeokg%2Fid%2Farticle%2Fab'
    """
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph})}"


def probe(endpoint: str, *, headers: dict[str, str] | None = None, timeout: float = 30) -> None:
    """Check that `endpoint` is up and accepts us (HEAD); RemoteError says what is wrong."""
    request = urllib.request.Request(endpoint, method="HEAD", headers=dict(headers or {}))
    try:
        _send(request, timeout)
    except _HTTPStatus as e:
        if e.code == 404:
            raise RemoteError(
                f"{endpoint} answered 404 Not Found: is it a Graph Store Protocol endpoint? "
                "(Oxigraph: http://HOST:PORT/store; Fuseki: http://HOST:PORT/DATASET/data)"
            ) from e
        if e.code in (401, 403):
            raise
        # 405 and other 4xx answers to HEAD still mean the server is up


class _HTTPStatus(RemoteError):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def _send(request: urllib.request.Request, timeout: float) -> None:
    url = request.full_url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as e:
        body = _body(e)
        if e.code in (401, 403):
            hint = (
                "check --user and --password, and that this account may write"
                if e.code == 401
                else ("the store refuses writes (read-only server or missing permission)")
            )
            raise _HTTPStatus(f"{url} refused the request: HTTP {e.code} {e.reason}: {body}; {hint}", e.code) from e
        raise _HTTPStatus(f"{url} answered HTTP {e.code} {e.reason}: {body}", e.code) from e
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, ConnectionRefusedError):
            raise RemoteError(f"{url} is down: connection refused; start the store or check --endpoint") from e
        if isinstance(reason, socket.timeout | TimeoutError):
            raise RemoteError(f"{url} did not answer within {timeout:g} s; check the store or raise --timeout") from e
        if isinstance(reason, socket.gaierror):
            raise RemoteError(f"{url}: unknown host ({reason}); check --endpoint") from e
        raise RemoteError(f"{url} cannot be reached: {reason}") from e
    except TimeoutError as e:
        raise RemoteError(f"{url} did not answer within {timeout:g} s; check the store or raise --timeout") from e
    except (ConnectionError, OSError) as e:
        raise RemoteError(f"{url}: connection failed: {e}") from e


def _body(error: urllib.error.HTTPError) -> str:
    try:
        text = error.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
    return " ".join(text.split())[:300]


def _check_url(endpoint: str) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(f"{endpoint!r} is not an http(s) URL; give e.g. --endpoint http://127.0.0.1:7878/store")
