"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a build directory.

No HTTP handling of our own: this launches Oxigraph's server (`oxigraph serve-read-only`, from
the `oxigraph` package on the package index) over `DIR/store`, bound to 127.0.0.1 by default,
with a query timeout. Its default graph is the store's merged union of all graphs (see
`kg.store`), so answers match `graph.ttl`; updates are refused.

Oxigraph documents a read-only instance next to a writer as undefined behaviour, so while the
server runs, `DIR/.kg-serving` names its process and `kg build` / `kg remove` refuse to open the
store for writing (a mark left by a server that died is ignored). Stop the server, build, serve again.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from kg.errors import StoreError
from kg.store import STORE_DIRNAME, mark_serving

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def find_oxigraph() -> str:
    """Path of the `oxigraph` server binary: next to the running Python first, then on PATH."""
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


def server_command(
    directory: str | os.PathLike[str], *, host: str, port: int, timeout_s: float, read_only: bool = True
) -> list[str]:
    """The command line that serves `directory/store`."""
    location = Path(directory) / STORE_DIRNAME
    mode = "serve-read-only" if read_only else "serve"
    return [
        find_oxigraph(), mode,
        "--location", str(location),
        "--bind", f"{host}:{port}",
        "--timeout-s", str(max(1, int(round(timeout_s)))),
    ]  # fmt: skip


def start_server(
    directory: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = 30,
    startup_timeout: float = 20,
) -> subprocess.Popen[bytes]:
    """Start the read-only server and return once it accepts connections; the caller stops it."""
    location = Path(directory) / STORE_DIRNAME
    if not location.is_dir():
        raise StoreError(f"no store in {location}; build one first with `kg build INPUT... -o {directory}`")
    if _port_open(host, port):
        raise StoreError(f"{host}:{port} is already in use; choose another port with --port")
    command = server_command(directory, host=host, port=port, timeout_s=timeout_s)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            err = (process.stderr.read() if process.stderr else b"").decode("utf-8", "replace").strip()
            raise StoreError(
                f"the Oxigraph server stopped at start (exit code {process.returncode}): {err or 'no message'}"
            )
        if _port_open(host, port):
            try:
                process.serving_mark = mark_serving(directory, process.pid, f"{host}:{port}")  # type: ignore[attr-defined]
            except OSError as e:
                stop_server(process)
                raise StoreError(f"cannot write {Path(directory) / '.kg-serving'}: {e}") from e
            return process
        time.sleep(0.05)
    stop_server(process)
    raise StoreError(f"the Oxigraph server did not listen on {host}:{port} within {startup_timeout:g} s")


def stop_server(process: subprocess.Popen[bytes], *, grace: float = 5) -> None:
    """Terminate the server process (kill it if it does not stop within `grace` seconds)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr:
        process.stderr.close()
    mark = getattr(process, "serving_mark", None)
    if mark is not None:
        mark.unlink(missing_ok=True)


def endpoint_urls(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> dict[str, str]:
    """Where the server answers: SPARQL query endpoint and Graph Store Protocol endpoint."""
    return {"query": f"http://{host}:{port}/query", "store": f"http://{host}:{port}/store"}


def serve(
    directory: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    timeout_s: float = 30,
) -> int:
    """Serve `directory` read-only until the server exits or the user interrupts; returns the exit code."""
    process = start_server(directory, host=host, port=port, timeout_s=timeout_s)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop_server(process)


def _port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False
