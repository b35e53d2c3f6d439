"""Text and bytes into :class:`Document`: decoding, HTML sniffing, limits, ids, validation.

Every input reaches the pipeline through :func:`document_from_text`, so one validator with
one wording sees every source: empty, binary (NUL), invalid Unicode (an unpaired surrogate)
and too long are refused here, naming the source. Nothing here touches the network or
interprets the content beyond deciding whether it is HTML; cleaning happens in
:mod:`accord.clean`.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from accord.errors import InputError
from accord.model import Document

MAX_BYTES = 20 * 1024 * 1024  # the largest source accepted, from any door
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
SNIFF = 2048  # how much of the start decides whether a text is HTML

_BINARY = "looks like a binary file (NUL bytes), not text or HTML"
_EMPTY = "is empty"


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size // 1024} KB"


def looks_like_html(text: str | bytes) -> bool:
    """Whether the start of a text (or body) is an HTML page or fragment."""
    head = text[:SNIFF]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    head = head.lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        "<body" in head
        or "<head" in head
        or "<article" in head
        or ("<p>" in head and "</p>" in head)
    )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_text(name: str, text: str) -> None:
    """The one validator: refuse empty, binary, invalid-Unicode or oversized text."""
    if len(text) > MAX_BYTES:
        raise InputError(name, f"is {megabytes(len(text))}, over the {megabytes(MAX_BYTES)} limit")
    if "\x00" in text:
        raise InputError(name, _BINARY)
    if not _encodable(text):
        raise InputError(name, "text holds invalid Unicode (an unpaired surrogate)")
    if not text.strip():
        raise InputError(name, _EMPTY)


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a message naming ``name``."""
    if not data.strip():
        raise InputError(name, _EMPTY)
    if b"\x00" in data[:8192]:
        raise InputError(name, _BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it, e.g. with iconv -t utf-8",
        ) from None
    if not text.strip():
        raise InputError(name, _EMPTY)
    return text


def document_from_text(
    doc_id: str, text: str, *, html: bool | None = None, name: str | None = None, **meta: str
) -> Document:
    """A validated Document; ``html=None`` sniffs the text. Errors name ``name`` or the id."""
    label = name or doc_id
    if not _encodable(doc_id):
        raise InputError(label, "id holds invalid Unicode (an unpaired surrogate)")
    check_text(label, text)
    is_html = looks_like_html(text) if html is None else html
    return Document(id=doc_id, raw=text, is_html=is_html, meta={k: v for k, v in meta.items() if v})


# --- files --------------------------------------------------------------------------------


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


def document_from_path(path: Path) -> Document:
    text = decode(read_bytes(path), str(path))
    suffix = path.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else (None if suffix not in TEXT_SUFFIXES else False)
    return document_from_text(path.stem, text, html=html, name=str(path), path=str(path))


# --- ids ----------------------------------------------------------------------------------


def slug(text: str, limit: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)[:limit].strip("-")


def id_from_url(url: str) -> str:
    """A readable source id: the last meaningful path segment, else the host name."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    for segment in reversed(segments):
        stem = re.sub(r"\.(s?html?|php|aspx?|jsp|cms)$", "", segment, flags=re.I)
        generic = stem.lower() in ("index", "default", "article", "story", "amp")
        if not generic and not (stem.isdigit() and len(stem) < 5) and (candidate := slug(stem)):
            return candidate
    host = (parts.hostname or "page").removeprefix("www.")
    return slug(host) or "page"


def unique_ids(documents: list[Document]) -> list[Document]:
    """Give documents that share a file name distinct ids ("report", "report-2")."""
    seen: dict[str, int] = {}
    for doc in documents:
        count = seen.get(doc.id, 0) + 1
        seen[doc.id] = count
        if count > 1:
            doc.id = f"{doc.id}-{count}"
    return documents
