"""Atomic file writes: a reader sees the old file or the new one, never half of one.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(d / "a.txt", "bonjour\\n")
>>> (d / "a.txt").read_text()
'bonjour\\n'
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import KGError


class WriteError(KGError):
    """A file that could not be written (full disk, permissions...); names the file and the fix."""


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces `path` only if the block succeeds.

    The data goes to a temporary file in the same directory (so `os.replace` is
    atomic), is flushed and fsynced, then renamed over `path`. On error the
    temporary file is removed, `path` is untouched, and an OSError (a full disk...)
    becomes a `WriteError` naming the file. The temporary file's name carries the
    writer's process id (`.NAME.PID-XXXX.tmp`): one left by a killed writer is
    removed by the next write of the same file, or by `remove_stale_staging`.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(target.parent, name=target.name)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise WriteError(f"cannot write {target}: {describe_os_error(e)}") from e
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs are ordinary files
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise WriteError(f"cannot write {target}: {describe_os_error(e)}; {target} is unchanged") from e
        raise
    _fsync_dir(target.parent)


_STAGING = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)-[^.]+\.tmp")


def remove_stale_staging(directory: str | os.PathLike[str], *, name: str | None = None) -> list[Path]:
    """Remove the temporary files of `atomic_open` whose writer is dead (killed mid-write).

    Only files named by `atomic_open` (`.NAME.PID-XXXX.tmp`) are touched, only those of
    `name` if given, and never one whose process still runs. Returns what was removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    for entry in entries:
        match = _STAGING.fullmatch(entry.name)
        if not match or (name is not None and match.group("name") != name):
            continue
        if _alive(int(match.group("pid"))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def describe_os_error(error: OSError) -> str:
    """What went wrong with a file operation, and how to fix it when it is a full disk.

    >>> import errno
    >>> describe_os_error(OSError(errno.ENOSPC, "No space left on device"))
    'the disk is full (No space left on device); free some space and run the same command again'
    """
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full ({error.strerror or error}); free some space and run the same command again"
    if isinstance(error, PermissionError):
        return f"permission denied ({error.strerror or error}); check the folder's permissions"
    return str(error.strerror or error)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file, fsync, os.replace)."""
    with atomic_open(path) as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (temporary file, fsync, os.replace)."""
    atomic_write_bytes(path, text.encode(encoding))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    # Make the rename itself durable; not every platform can open a directory.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
