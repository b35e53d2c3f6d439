"""Writing results: atomically (temp file, then rename), never over the user's inputs.

A new file gets the mode any program would give it (0666 less the umask), an existing one
keeps its mode: the temporary file is created 0600, so its mode is set before the rename.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from accord.errors import AccordError


def check_writable(path: Path, protected: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, an output path that cannot be written.

    Raises :class:`AccordError` (one line) for an input file, a folder, a missing or
    read-only folder.
    """
    target = path.resolve()
    if any(target == p.resolve() for p in protected):
        raise AccordError(f"{path}: is one of the inputs; refusing to overwrite it")
    if target.is_dir():
        raise AccordError(f"{path}: is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise AccordError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise AccordError(f"{path}: cannot write in folder {folder} (permission denied)")


def write_atomic(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one."""
    write_atomic_lines(path, [text], protected)


def write_atomic_lines(path: Path, pieces: Iterable[str], protected: Iterable[Path] = ()) -> None:
    """Stream ``pieces`` into a temporary file beside ``path``, then rename it into place.

    If anything fails on the way (including an error raised while producing the pieces),
    the temporary file is removed and ``path`` is left as it was.
    """
    check_writable(path, protected)
    target = path.resolve()
    mode = _mode_for(target)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PermissionError:
        raise AccordError(
            f"{path}: cannot write in folder {target.parent} (permission denied)"
        ) from None
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for piece in pieces:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permission bits, else 0666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process umask, read without changing it where Linux tells it (/proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (not thread-safe, but brief)
    os.umask(mask)
    return mask
