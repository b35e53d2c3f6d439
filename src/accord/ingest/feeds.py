"""Feeds (RSS/Atom) and web archives (WARC) as inputs: every article in them is a source.

A feed entry that carries its full text (``content:encoded``, Atom ``content`` or a long
description) becomes a document directly; an entry with only a teaser has its link fetched
through :mod:`accord.ingest.http` (with the same address guard and cache as any URL). A WARC file
gives one document per ``response`` record that holds an HTML page with status 200.

Ids come from the entry's link slug or its title, made unique within the feed.
"""

from __future__ import annotations

import calendar
import re
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.ingest.documents import (
    MAX_BYTES,
    document_from_text,
    id_from_url,
    read_bytes,
    scrub_surrogates,
    slug,
    unique_ids,
)
from accord.ingest.http import (
    HTML_TYPES,
    FetchOptions,
    charset_of,
    decode_body,
    document_from_fetched,
    fetch,
    is_url,
    looks_like_feed,
    media_type,
)
from accord.model import Document

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
MIN_FULL_WORDS = 120  # an entry body shorter than this is a teaser: fetch the article
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "figure", "figcaption",
}  # fmt: skip


# --- recognising inputs -------------------------------------------------------------------


def is_warc_path(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def is_feed_path(path: Path) -> bool:
    """A file named like a feed whose first bytes are RSS, Atom or RDF."""
    if path.suffix.lower() not in FEED_SUFFIXES or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(2048))
    except OSError:
        return False


def is_feed_or_archive(path: Path) -> bool:
    return is_warc_path(path) or is_feed_path(path)


def read_feed_or_archive(
    path: Path, options: FetchOptions | None = None, notes: list[str] | None = None
) -> list[Document]:
    if is_warc_path(path):
        return documents_from_warc(path, notes)
    return documents_from_feed(read_bytes(path), str(path), options)


# --- feeds --------------------------------------------------------------------------------

# A numeric character reference to a surrogate or beyond U+10FFFF makes feedparser raise
# UnicodeEncodeError; HTML reads it as U+FFFD, and so does this (inside CDATA too, where it
# is a reference of the HTML the entry carries).
_CHAR_REF = re.compile(rb"&#([xX][0-9a-fA-F]{1,8}|[0-9]{1,10});")


def _safe_reference(match: re.Match[bytes]) -> bytes:
    digits = match.group(1)
    value = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group(0)


def scrub_references(data: bytes) -> bytes:
    return _CHAR_REF.sub(_safe_reference, data) if b"&" in data else data


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one paragraph per block element."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in ("script", "style"):
            element.text = ""
        elif tag in BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _entry_body(entry: Any) -> str:
    """The longest text the entry carries (content or summary), as plain text."""
    bodies: list[str] = []
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        kind = content.get("type") or "text/html"
        bodies.append(value.strip() if kind == "text/plain" else html_fragment_to_text(value))
    if summary := entry.get("summary"):
        bodies.append(html_fragment_to_text(summary))
    return max(bodies, key=lambda b: len(b.split()), default="")


def _entry_date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if parsed := entry.get(key):
            return time_to_iso(parsed)
    return ""


def time_to_iso(parsed: Any) -> str:
    """feedparser's UTC struct_time as an ISO date-time."""
    import datetime as dt

    moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry_id(entry: Any, number: int, fallback: str) -> str:
    link = entry.get("link") or ""
    if is_url(link):
        candidate = id_from_url(link)
        if candidate and candidate not in (slug(fallback), "page"):
            return candidate
    if title := entry.get("title"):
        return slug(title) or f"{fallback}-{number}"
    return f"{fallback}-{number}"


def documents_from_feed(
    data: bytes, source: str, options: FetchOptions | None = None
) -> list[Document]:
    """Every entry of an RSS/Atom feed as a document (fetching teasers' links)."""
    import feedparser

    # A feed fetched from a URL resolves its relative links against that URL.
    headers = {"content-location": source} if is_url(source) else {}
    parsed = feedparser.parse(scrub_references(data), response_headers=headers)
    entries = list(parsed.entries)
    if not entries:
        problem = getattr(parsed, "bozo_exception", None)
        detail = f" ({str(problem).splitlines()[0]})" if problem else ""
        raise InputError(source, f"is not a news feed with entries{detail}")
    feed_title = str(parsed.feed.get("title") or "")
    fallback = slug(feed_title) or "entry"
    documents: list[Document] = []
    for number, entry in enumerate(entries, start=1):
        meta = {
            "outlet": feed_title,
            "date": _entry_date(entry),
            "author": str(entry.get("author") or ""),
            "feed": source,
        }
        doc_id = _entry_id(entry, number, fallback)
        title = scrub_surrogates(" ".join(str(entry.get("title") or "").split())) or None
        body = scrub_surrogates(_entry_body(entry))
        link = str(entry.get("link") or "")
        if len(body.split()) >= MIN_FULL_WORDS or not is_url(link):
            if not body.strip():
                raise InputError(source, f"entry {number} ({title or 'untitled'}) has no text")
            text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
            doc = document_from_text(doc_id, text, html=False, url=link, **meta)
        else:
            doc = document_from_fetched(fetch(link, options), doc_id, **meta)
        doc.title = title
        documents.append(doc)
    return unique_ids(documents)


# --- web archives -------------------------------------------------------------------------


def _starts_like_warc(path: Path) -> bool:
    import zlib

    with path.open("rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def documents_from_warc(path: Path, notes: list[str] | None = None) -> list[Document]:
    """One document per HTML ``response`` record (status 200) of a WARC file.

    A record over the size limit is left out with a note in ``notes``, or refused without.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    name = str(path)
    if not path.is_file():
        raise InputError(name, "no such file" if not path.exists() else "is not a regular file")
    documents: list[Document] = []
    seen: set[str] = set()
    oversized = 0
    try:
        if not _starts_like_warc(path):
            raise InputError(name, "is not a readable WARC file (no WARC/1.x header)")
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                header = record.http_headers.get_header("Content-Type") or ""
                if media_type(header) not in HTML_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if uri in seen:
                    continue
                body = record.content_stream().read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    seen.add(uri)
                    oversized += 1
                    problem = f"record {uri or oversized} is over the {MAX_BYTES // 2**20} MB limit"
                    if notes is None:
                        raise InputError(name, problem)
                    notes.append(f"{name}: {problem}; left out")
                    continue
                if not body.strip():
                    continue
                seen.add(uri)
                text = decode_body(body, charset_of(header))
                archived = record.rec_headers.get_header("WARC-Date") or ""
                doc_id = id_from_url(uri) if is_url(uri) else f"{path.stem}-{len(documents) + 1}"
                meta = {"url": uri, "archived": archived, "path": name}
                documents.append(document_from_text(doc_id, text, html=True, **meta))
    except ArchiveLoadFailed as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(name, f"is not a readable WARC file ({detail})") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not documents:
        within = f" within the {MAX_BYTES // 2**20} MB limit" if oversized else ""
        raise InputError(name, f"holds no HTML response records{within}")
    return unique_ids(documents)
