"""The on-disk HTTP cache: responses stored by the SHA-256 of their final URL.

``<key>.body`` holds the body as received and ``<key>.json`` the final URL, status and
headers; a URL that redirected gets a small ``.json`` pointing at its final URL, so a second
run reads everything from disk. Files are written atomically. This module knows nothing of
HTTP clients or address checks: :mod:`accord.ingest.http` decides when to use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_ENV = "ACCORD_CACHE_DIR"


@dataclass(frozen=True, slots=True)
class Entry:
    """One cached response."""

    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    # why the fetch needed allow_private ("" if it did not; None: not recorded)
    private: str | None = None


def cache_directory(configured: Path | None = None) -> Path:
    """The folder given, else ``$ACCORD_CACHE_DIR``, else ``~/.cache/accord/http``."""
    if configured is not None:
        return Path(configured)
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    return Path.home() / ".cache" / "accord" / "http"


def cache_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def load(url: str, directory: Path) -> Entry | None:
    """The cached response for a URL (following a stored redirect), or None."""
    entry = _read_json(directory / f"{cache_key(url)}.json")
    if entry and "redirect" in entry:
        entry = _read_json(directory / f"{cache_key(str(entry['redirect']))}.json")
    if not entry or "final_url" not in entry:
        return None
    final_url = str(entry["final_url"])
    try:
        body = (directory / f"{cache_key(final_url)}.body").read_bytes()
    except OSError:
        return None
    headers = {str(k): str(v) for k, v in dict(entry.get("headers", {})).items()}
    private = entry.get("private")
    private = None if private is None else str(private)
    return Entry(final_url, int(entry.get("status", 200)), headers, body, private)


def store(entry: Entry, asked: Iterable[str], directory: Path) -> None:
    """Store body and headers under the final URL's key; point each asked URL at it."""
    key = cache_key(entry.final_url)
    record = {
        "final_url": entry.final_url,
        "status": entry.status,
        "headers": entry.headers,
        "private": entry.private or "",
        "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    try:
        _write_atomic(directory / f"{key}.body", entry.body)
        _write_atomic(directory / f"{key}.json", json.dumps(record, indent=1).encode("utf-8"))
        for url in set(asked) - {entry.final_url}:
            pointer = json.dumps({"redirect": entry.final_url}).encode("utf-8")
            _write_atomic(directory / f"{cache_key(url)}.json", pointer)
    except OSError:
        pass  # a cache that cannot be written only costs a refetch next time
