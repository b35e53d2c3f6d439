"""The guarded HTTP fetch for the user's URLs, with the on-disk cache of :mod:`.cache`.

Nothing is fetched unless the user gives a URL (or a feed that lists article links). Every
request

* resolves the host first and refuses private, loopback, link-local and other non-public
  addresses unless ``allow_private`` is set (checked again on every redirect hop);
* sends a clear user agent, follows at most ``max_redirects`` redirects, gives up after
  ``timeout`` seconds and stops reading once the body passes ``max_bytes``;
* accepts only HTML pages and RSS/Atom feeds.

Successful responses are cached (see :mod:`accord.ingest.cache`), so a second run reads
everything from disk. All failures are :class:`~accord.errors.InputError` naming the URL,
one line each.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from accord.errors import InputError
from accord.ingest import cache
from accord.ingest.documents import document_from_text, id_from_url, looks_like_html, megabytes
from accord.model import Document

if TYPE_CHECKING:
    import httpx

USER_AGENT = "Accord/0.1 (+offline news briefing tool)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.1"
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How to fetch. The defaults suit news pages; tests shrink the limits."""

    allow_private: bool = False
    cache_dir: Path | None = None  # None: $ACCORD_CACHE_DIR, else ~/.cache/accord/http
    use_cache: bool = True  # False: always fetch (responses are still stored)
    timeout: float = 20.0  # seconds, for the whole request including redirects
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Fetched:
    """A successful response (from the network or the cache)."""

    url: str  # as the user gave it
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes
    from_cache: bool = False
    hops: list[str] = field(default_factory=list)  # URLs visited before the final one

    @property
    def media_type(self) -> str:
        return media_type(self.headers.get("content-type", ""))

    def text(self) -> str:
        """The body as text: the header's charset, else the page's meta charset, else UTF-8."""
        return decode_body(self.body, charset_of(self.headers.get("content-type", "")))


# --- URLs and addresses -------------------------------------------------------------------


def is_url(argument: str) -> bool:
    """Whether a command-line argument is an http(s) URL rather than a path."""
    parts = urlsplit(argument.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _address_kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public one, or None if it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _address_kind(ip.ipv4_mapped)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_private:
        return "private"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


def check_address(url: str, *, allow_private: bool = False) -> list[str]:
    """Resolve the URL's host; refuse it if any address is not public. Returns the addresses."""
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise InputError(url, "has no host name")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise InputError(url, "has an invalid port") from None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(url, f"cannot resolve host name {host} ({reason})") from None
    addresses = sorted({str(info[4][0]).split("%")[0] for info in infos})
    if not allow_private:
        for address in addresses:
            kind = _address_kind(ipaddress.ip_address(address))
            if kind:
                article = "an" if kind[0] in "aeiou" else "a"
                literal = host.strip("[]") == address
                where = f"{host} is" if literal else f"{host} resolves to {address},"
                raise InputError(
                    url,
                    f"{where} {article} {kind} address; refusing to fetch it "
                    "(use --allow-private to allow)",
                )
    return addresses


# --- content types and text ---------------------------------------------------------------


def _content_type(header: str) -> Message:
    message = Message()
    message["content-type"] = header
    return message


def media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower() if header else ""


def charset_of(header: str) -> str | None:
    if not header:
        return None
    charset = _content_type(header).get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) else None


META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_body(body: bytes, charset: str | None = None) -> str:
    """Decode a page: declared charset, meta charset, UTF-8, then Windows-1252."""
    candidates: list[str] = []
    if charset:
        candidates.append(charset)
    if match := META_CHARSET.search(body[:4096]):
        candidates.append(match.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8-sig", "cp1252"]
    for name in candidates:
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def is_feed(fetched: Fetched) -> bool:
    kind = fetched.media_type
    if kind in FEED_TYPES - {"application/xml", "text/xml"}:
        return True
    return (kind in FEED_TYPES or not kind) and looks_like_feed(fetched.body)


# --- fetching -----------------------------------------------------------------------------


def _read_capped(
    response: httpx.Response, url: str, options: FetchOptions, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise InputError(
            url, f"is {megabytes(int(declared))}, over the {megabytes(options.max_bytes)} limit"
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(CHUNK):
        size += len(chunk)
        if size > options.max_bytes:
            raise InputError(url, f"is larger than the {megabytes(options.max_bytes)} limit")
        if time.monotonic() > deadline:
            raise InputError(url, f"timed out after {options.timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_type(response: httpx.Response, url: str, accept: Iterable[str]) -> None:
    kind = media_type(response.headers.get("content-type", ""))
    if kind and kind not in accept:
        raise InputError(url, f"is {kind}, not an HTML page or a news feed")


def fetch(url: str, options: FetchOptions | None = None) -> Fetched:
    """GET an HTML page or a feed, from the cache when it holds the URL."""
    import httpx

    options = options or FetchOptions()
    url = url.strip()
    if not is_url(url):
        raise InputError(url, "is not an http or https URL")
    directory = cache.cache_directory(options.cache_dir)
    if options.use_cache and (entry := cache.load(url, directory)):
        return Fetched(
            url, entry.final_url, entry.status, entry.headers, entry.body, from_cache=True
        )
    deadline = time.monotonic() + options.timeout
    hops: list[str] = []
    current = url
    headers = {"User-Agent": options.user_agent, "Accept": ACCEPT}
    try:
        with httpx.Client(
            timeout=httpx.Timeout(options.timeout), follow_redirects=False, headers=headers
        ) as client:
            for _ in range(options.max_redirects + 1):
                check_address(current, allow_private=options.allow_private)
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise InputError(url, f"HTTP {response.status_code} without a Location")
                        hops.append(current)
                        current = urljoin(current, location)
                        if not is_url(current):
                            raise InputError(url, f"redirects to {current}, not an http(s) URL")
                        continue
                    if response.status_code >= 400:
                        reason = response.reason_phrase or "error"
                        raise InputError(url, f"HTTP {response.status_code} {reason}")
                    _check_type(response, url, HTML_TYPES | FEED_TYPES)
                    body = _read_capped(response, url, options, deadline)
                    fetched = Fetched(
                        url=url,
                        final_url=str(response.url),
                        status=response.status_code,
                        headers={k.lower(): v for k, v in response.headers.items()},
                        body=body,
                        hops=hops,
                    )
                    break
            else:
                raise InputError(url, f"too many redirects (more than {options.max_redirects})")
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {options.timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise InputError(url, f"cannot connect ({exc})") from None
    except httpx.HTTPError as exc:
        raise InputError(url, f"request failed ({type(exc).__name__}: {exc})") from None
    if not fetched.body.strip():
        raise InputError(url, "is empty")
    entry = cache.Entry(fetched.final_url, fetched.status, fetched.headers, fetched.body)
    cache.store(entry, [fetched.url, *fetched.hops], directory)
    return fetched


def document_from_fetched(fetched: Fetched, doc_id: str | None = None, **meta: str) -> Document:
    """An HTML response as a Document; :mod:`accord.clean` extracts it with trafilatura."""
    if fetched.media_type not in HTML_TYPES and not (
        not fetched.media_type and looks_like_html(fetched.body)
    ):
        kind = fetched.media_type or "not recognisable as HTML"
        raise InputError(fetched.url, f"is {kind}, not an HTML page")
    text = fetched.text()
    if not text.strip():
        raise InputError(fetched.url, "is empty")
    return document_from_text(
        doc_id or id_from_url(fetched.final_url),
        text,
        html=True,
        name=fetched.url,
        url=fetched.final_url,
        **meta,
    )
