"""Writing results: atomically (temp file, then rename), never over the user's inputs."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from accord.errors import AccordError


def write_atomic(path: Path, text: str, protected: Iterable[Path] = ()) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the whole new one."""
    write_atomic_lines(path, [text], protected)


def write_atomic_lines(path: Path, pieces: Iterable[str], protected: Iterable[Path] = ()) -> None:
    """Stream ``pieces`` into a temporary file beside ``path``, then rename it into place.

    If anything fails on the way (including an error raised while producing the pieces),
    the temporary file is removed and ``path`` is left as it was.
    """
    target = path.resolve()
    if any(target == p.resolve() for p in protected):
        raise AccordError(f"{path}: is one of the inputs; refusing to overwrite it")
    if target.is_dir():
        raise AccordError(f"{path}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise AccordError(f"{path}: folder {target.parent} does not exist")
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for piece in pieces:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
