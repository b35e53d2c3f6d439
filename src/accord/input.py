"""Input: turn what the user gives (text, files, folders, stdin) into :class:`Document` objects.

Nothing here interprets the content beyond deciding whether it is HTML; cleaning and
extraction happen in :mod:`accord.clean`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from accord.errors import InputError
from accord.model import Document

if TYPE_CHECKING:
    from accord.fetch import FetchOptions

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
STDIN = "-"

Item = str | Path | Document


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head or ("<p>" in head and "</p>" in head) or "<article" in head
    )


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a message naming ``name``."""
    if not data.strip():
        raise InputError(name, "is empty")
    if b"\x00" in data[:8192]:
        raise InputError(name, "looks like a binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. with iconv -t utf-8",
        ) from None
    if not text.strip():
        raise InputError(name, "is empty")
    return text


def read_bytes(path: Path) -> bytes:
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file or folder")
    if not path.is_file():
        raise InputError(name, "is not a regular file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(name, f"is {size / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None


def document_from_text(
    doc_id: str, text: str, *, html: bool | None = None, **meta: str
) -> Document:
    is_html = looks_like_html(text) if html is None else html
    return Document(id=doc_id, raw=text, is_html=is_html, meta={k: v for k, v in meta.items() if v})


def document_from_path(path: Path) -> Document:
    text = decode(read_bytes(path), str(path))
    suffix = path.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else (None if suffix not in TEXT_SUFFIXES else False)
    return document_from_text(path.stem, text, html=html, path=str(path))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Folders become the supported files inside them (sorted, hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(str(path), f"folder holds no {', '.join(sorted(SUFFIXES))} files")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_stdin() -> Document:
    data = sys.stdin.buffer.read()
    if len(data) > MAX_BYTES:
        raise InputError("<stdin>", f"is over the {MAX_BYTES // 2**20} MB limit")
    return document_from_text("stdin", decode(data, "<stdin>"))


def unique_ids(documents: list[Document]) -> list[Document]:
    """Give documents that share a file name distinct ids ("report", "report-2")."""
    seen: dict[str, int] = {}
    for doc in documents:
        count = seen.get(doc.id, 0) + 1
        seen[doc.id] = count
        if count > 1:
            doc.id = f"{doc.id}-{count}"
    return documents


def read_items(items: Sequence[Item]) -> list[Document]:
    """The Python API's input: article text (str), files (Path) or ready Documents."""
    documents: list[Document] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, Path):
            documents.extend(document_from_path(p) for p in expand_paths([item]))
        elif isinstance(item, str):
            if not item.strip():
                raise InputError(f"S{number}", "is empty")
            documents.append(document_from_text(f"S{number}", item))
        else:
            raise TypeError(f"cannot read a {type(item).__name__}; give str, Path or Document")
    return unique_ids(documents)


def read_arguments(
    arguments: Sequence[str], fetch_options: FetchOptions | None = None
) -> list[Document]:
    """The CLI's input: paths, folders, "-" for stdin, URLs, feeds and WARC files."""
    from accord.feeds import is_feed_or_archive, read_feed_or_archive
    from accord.fetch import fetch_documents, is_url

    documents: list[Document] = []
    for argument in arguments:
        if argument == STDIN:
            documents.append(read_stdin())
        elif is_url(argument):
            documents.extend(fetch_documents(argument, fetch_options))
        elif is_feed_or_archive(Path(argument)):
            documents.extend(read_feed_or_archive(Path(argument), fetch_options))
        else:
            documents.extend(document_from_path(p) for p in expand_paths([Path(argument)]))
    return unique_ids(documents)
