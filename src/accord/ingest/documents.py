"""Text and bytes into :class:`Document`: decoding, HTML sniffing, limits, ids, validation.

Every input reaches the pipeline through :func:`document_from_text`, so one validator with
one wording sees every source: empty, binary (NUL), invalid Unicode (an unpaired surrogate)
and too long are refused here, naming the source. Nothing here touches the network or
interprets the content beyond deciding whether it is HTML; cleaning happens in
:mod:`accord.clean`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from accord.errors import InputError
from accord.model import Document

MAX_BYTES = 20 * 1024 * 1024  # the largest source accepted, from any door (bytes of UTF-8)
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> bool:
    return _SURROGATE.search(text) is None


def scrub_surrogates(text: str) -> str:
    """Replace lone surrogates with U+FFFD, as browsers do; for text parsed out of markup."""
    return _SURROGATE.sub("\ufffd", text)


def too_large(size: int) -> str:
    return f"is {size / 2**20:.1f} MB, over the {MAX_BYTES // 2**20} MB limit"


def check_text(name: str, text: str) -> None:
    """The one validator: refuse empty, binary, invalid-Unicode or oversized text.

    A str can hold lone surrogates ("\\ud800" in Python or a JSON escape), which no encoder
    and no later stage accepts: refused here with one line rather than crashing in spaCy.
    The size limit counts UTF-8 bytes, as for files.
    """
    if "\x00" in text:
        raise InputError(name, _BINARY)
    if not _encodable(text):
        raise InputError(name, "text holds invalid Unicode (an unpaired surrogate)")
    if len(text) > MAX_BYTES // 4 and (size := len(text.encode("utf-8"))) > MAX_BYTES:
        raise InputError(name, too_large(size))
    if not text.strip():
        raise InputError(name, _EMPTY)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", or the codec the text was found to be in ("cp1252", ...)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# English news that is not UTF-8 is almost always Windows-1252 (a superset of Latin-1): when
# it is among the equally likely readings, it wins (charset_normalizer alone picks cp1250
# for French "à", giving "ŕ").
WESTERN = "cp1252"


def decode(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes: UTF-8 (with or without BOM), a UTF-16/32 BOM, else the
    encoding charset_normalizer finds with confidence; refuse binary or undecodable data
    with a message naming ``name``."""
    if not data.strip():
        raise InputError(name, _EMPTY)
    text, encoding = _decode_text(data, name)
    if not text.strip():
        raise InputError(name, _EMPTY)
    return Decoded(text, encoding)


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        raise InputError(name, _BINARY)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        failure = exc
    found = detect_encoding(data)
    if found is None:
        raise InputError(
            name,
            f"is not UTF-8 text (byte 0x{data[failure.start]:02x} at offset {failure.start}) "
            "and its encoding cannot be told with confidence; convert it, e.g. with "
            "iconv -f ENCODING -t utf-8",
        )
    return found


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """(text, codec) when charset_normalizer's best readings agree, else None."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(match.chaos for match in matches)
    best = [match for match in matches if match.chaos <= least + 0.005]
    if any(WESTERN in match.could_be_from_charset for match in best):
        try:
            return data.decode(WESTERN), WESTERN
        except UnicodeDecodeError:
            pass
    readings = {str(match) for match in best}
    if len(readings) != 1:
        return None  # equally likely readings differ: guessing could change the words
    return readings.pop(), best[0].encoding


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
        raise InputError(name, too_large(size))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from None


def document_from_bytes(doc_id: str, data: bytes, name: str, **meta: str) -> Document:
    """Bytes of a file or stdin as a Document; ``meta["encoding"]`` names a non-UTF-8 one."""
    decoded = decode(data, name)
    encoding = "" if decoded.encoding == "utf-8" else decoded.encoding
    return document_from_text(doc_id, decoded.text, name=name, encoding=encoding, **meta)


def document_from_path(path: Path) -> Document:
    suffix = path.suffix.lower()
    html = True if suffix in HTML_SUFFIXES else (None if suffix not in TEXT_SUFFIXES else False)
    doc = document_from_bytes(path.stem, read_bytes(path), str(path), path=str(path))
    if html is not None:
        doc.is_html = html
    return doc


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
