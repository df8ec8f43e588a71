"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a build directory.

The HTTP side is Python's standard `http.server`; every query runs in a child process
(`kg.isolated`) that opens the store read-only, answers that one query and exits, so:

* an Oxigraph panic (0.5.13 aborts on some queries, e.g. a two-key ORDER BY over a cross
  product) kills one child: the client gets HTTP 500 with the reason, the endpoint stays up;
* the timeout is a hard deadline on the child, sorting included: past it the child is killed and
  the client gets HTTP 503 with the reason;
* an answer is sent only once the child has produced all of it, with its length: HTTP 200 always
  carries the complete result, never a truncated one.

Spare children are started ahead (they import pyoxigraph and open the store while waiting), so a
query does not wait for a process to start. The store's default graph is the merged union of all
graphs (see `kg.store`), so answers match `graph.ttl`. `/query` answers GET and POST (form or
`application/sparql-query`); `/update` and writes to `/store` are refused (403).

While the server runs, `DIR/.kg-serving` names its process and `kg build` / `kg remove` refuse to
open the store for writing (a mark left by a server that died is ignored); a store a build is still
writing is refused (or waited for, `wait`). SIGTERM and Ctrl-C stop the server, its children and
remove the mark.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import StoreError
from kg.isolated import Reply, ask_child, start_child
from kg.store import SERVING_MARK, STORE_DIRNAME, mark_serving, wait_for_writer

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_WORKERS = 2  # queries answered at the same time (one child process each)
CHILD_START_TIMEOUT = 30  # seconds to wait for a spare child before starting one in the request

_RESULTS_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
_GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
_ALIASES = {"application/json": "application/sparql-results+json", "application/xml": "application/sparql-results+xml"}


def find_oxigraph() -> str:
    """Path of the `oxigraph` server binary (the push tests' remote store): next to Python, then on PATH."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError(
        "the Oxigraph server is not installed: install the `oxigraph` package "
        "(`pip install oxigraph` or `pip install 'geokg[server]'`) into this environment"
    )


def negotiate(accept: str | None) -> tuple[str, str]:
    """(results media type, graph media type) for an Accept header; JSON and Turtle by default.

    >>> negotiate("text/csv, */*;q=0.1")
    ('text/csv', 'text/turtle')
    >>> negotiate(None)
    ('application/sparql-results+json', 'text/turtle')
    """
    results, graph = None, None
    for item in (accept or "").split(","):
        media = _ALIASES.get(item.split(";")[0].strip().lower(), item.split(";")[0].strip().lower())
        if results is None and media in _RESULTS_TYPES:
            results = media
        if graph is None and media in _GRAPH_TYPES:
            graph = media
    return results or _RESULTS_TYPES[0], graph or _GRAPH_TYPES[0]


class ChildPool:
    """Children of `kg.isolated` ready to answer one query each; at most `size` queries at once."""

    def __init__(self, directory: Path, *, size: int) -> None:
        self.directory = directory
        self._idle: queue.Queue[subprocess.Popen[bytes]] = queue.Queue()
        self._slots = threading.BoundedSemaphore(max(1, size))
        self._all: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self._spawn()

    def _spawn(self) -> None:
        try:
            child = start_child(self.directory)
        except OSError:
            return  # `ask` starts one itself when none is ready, and reports the error
        with self._lock:
            if self._closed:
                _kill(child)
                return
            self._all.add(child)
        self._idle.put(child)

    def ask(self, sparql: str, *, timeout: float, results: str, graph: str) -> Reply:
        with self._slots:
            try:
                child = self._idle.get(timeout=CHILD_START_TIMEOUT)
            except queue.Empty:
                try:
                    child = start_child(self.directory)
                except OSError as e:
                    return Reply(503, f"cannot start a process to run the query: {e}; retry later")
                with self._lock:
                    self._all.add(child)
            threading.Thread(target=self._spawn, daemon=True).start()  # the next query's child
            try:
                return ask_child(child, sparql, timeout=timeout, results=results, graph=graph)
            finally:
                with self._lock:
                    self._all.discard(child)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            children = list(self._all)
            self._all.clear()
        for child in children:
            _kill(child)


def _kill(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.kill()
    with contextlib.suppress(OSError, ValueError):
        child.communicate(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "geokg"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # only the CLI prints

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"))

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        path = urllib.parse.urlsplit(self.path).path
        self._text(200 if path in ("/query", "/store", "/") else 404, "")

    def do_GET(self) -> None:  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        if parts.path != "/query":
            self._not_here(parts.path)
            return
        self._query(urllib.parse.parse_qs(parts.query).get("query", [None])[0])

    def do_POST(self) -> None:  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if parts.path != "/query":
            self._not_here(parts.path, body_read=True)
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            self._query(body.decode("utf-8", "replace"))
        else:
            self._query(urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [None])[0])

    def do_PUT(self) -> None:  # noqa: N802
        self._refuse()

    def do_DELETE(self) -> None:  # noqa: N802
        self._refuse()

    def do_PATCH(self) -> None:  # noqa: N802
        self._refuse()

    def _refuse(self, *, body_read: bool = False) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length and not body_read:
            self.rfile.read(length)
        self._text(403, "this endpoint is read-only (kg serve): change the graph with kg build or kg remove")

    def _not_here(self, path: str, *, body_read: bool = False) -> None:
        if path in ("/update", "/store"):
            self._refuse(body_read=body_read)
        else:
            self._text(404, f"nothing at {path}: the SPARQL endpoint is /query")

    def _query(self, sparql: str | None) -> None:
        if not sparql:
            self._text(400, "no query: give it as the `query` parameter (GET or form POST) or as an application/sparql-query body")
            return
        results, graph = negotiate(self.headers.get("Accept"))
        reply = self.server.pool.ask(sparql, timeout=self.server.timeout_s, results=results, graph=graph)
        if reply.status == 200:
            self._send(200, reply.body, reply.content_type)
            return
        message = reply.message
        if reply.status == 503:
            message += "; narrow the query (LIMIT, more specific patterns) or restart kg serve with a larger --timeout"
        self._text(reply.status, message)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    pool: ChildPool
    timeout_s: float


class Server:
    """A running `kg serve` endpoint (HTTP in a background thread); `stop()` ends it."""

    def __init__(self, directory: Path, httpd: _HTTPServer, mark: Path) -> None:
        self.directory = directory
        self.httpd = httpd
        self.mark = mark
        self.host, self.port = httpd.server_address[:2]
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
        self._thread.start()

    @property
    def urls(self) -> dict[str, str]:
        return endpoint_urls(str(self.host), int(self.port))

    def stop(self) -> None:
        """Stop answering, end the children, remove the serving mark. Safe to call twice."""
        if self.httpd is None:
            return
        self.httpd.shutdown()
        self.httpd.server_close()
        self.httpd.pool.close()
        self._thread.join(timeout=5)
        self.mark.unlink(missing_ok=True)
        self.httpd = None  # type: ignore[assignment]


def start_server(
    directory: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = 30,
    workers: int = DEFAULT_WORKERS,
    wait: float = 0,
) -> Server:
    """Start serving `directory` read-only and return once it accepts queries; the caller stops it."""
    directory = Path(directory)
    location = directory / STORE_DIRNAME
    if not location.is_dir():
        raise StoreError(f"no store in {location}; build one first with `kg build INPUT... -o {directory}`")
    wait_for_writer(directory, wait=wait)
    try:
        httpd = _HTTPServer((host, port), _Handler)
    except OSError as e:
        if _port_open(host, port) or "in use" in str(e):
            raise StoreError(f"{host}:{port} is already in use; choose another port with --port") from e
        raise StoreError(f"cannot listen on {host}:{port}: {e}; check --host and --port") from e
    httpd.timeout_s = timeout_s
    try:
        httpd.pool = ChildPool(directory, size=workers)
        mark = mark_serving(directory, os.getpid(), f"{host}:{httpd.server_address[1]}")
    except OSError as e:
        httpd.server_close()
        if getattr(httpd, "pool", None) is not None:
            httpd.pool.close()
        raise StoreError(f"cannot start serving {directory}: {e}") from e
    return Server(directory, httpd, mark)


def stop_server(server: Server) -> None:
    """Stop a server `start_server` returned."""
    server.stop()


def endpoint_urls(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> dict[str, str]:
    """Where the server answers: SPARQL query endpoint, and the (read-only) Graph Store Protocol path."""
    return {"query": f"http://{host}:{port}/query", "store": f"http://{host}:{port}/store"}


def serve(
    directory: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = 30,
    workers: int = DEFAULT_WORKERS,
    wait: float = 0,
    on_ready: Callable[[Server], None] | None = None,
) -> int:
    """Serve `directory` until SIGTERM or Ctrl-C; `on_ready` is called once it answers. Returns 0."""
    stopping = threading.Event()
    server = start_server(directory, host=host, port=port, timeout_s=timeout_s, workers=workers, wait=wait)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
    try:
        if on_ready is not None:
            on_ready(server)
        while not stopping.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
    return 0


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False


__all__ = ["SERVING_MARK", "Server", "endpoint_urls", "find_oxigraph", "serve", "start_server", "stop_server"]
