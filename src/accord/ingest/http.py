"""The guarded HTTP fetch for the user's URLs, with the on-disk cache of :mod:`.cache`.

Nothing is fetched unless the user gives a URL (or a feed that lists article links). Every
request

* resolves the host first and refuses private, loopback, link-local and other non-public
  addresses unless ``allow_private`` is set (checked again on every redirect hop);
* sends a clear user agent and follows at most ``max_redirects`` redirects;
* gives up ``timeout`` seconds after it started, however slowly the server sends (a
  watchdog shuts the connection at the deadline; it does not wait for the next chunk);
* decodes ``Content-Encoding`` layers itself (gzip, deflate, stacked in any order), a
  bounded piece at a time, and stops once any layer's output passes ``max_bytes``, so a
  small compressed body cannot expand in memory;
* accepts only HTML pages and RSS/Atom feeds.

Successful responses are cached (see :mod:`accord.ingest.cache`), so a second run reads
everything from disk; an entry fetched from a non-public address (with ``allow_private``)
is refused from the cache too unless ``allow_private`` is set again. All failures are
:class:`~accord.errors.InputError` naming the URL, one line each.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from accord.errors import InputError
from accord.ingest import cache
from accord.ingest.documents import (
    detect_encoding,
    document_from_text,
    id_from_url,
    looks_like_html,
    megabytes,
)
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
ACCEPT_ENCODING = "gzip, deflate"  # the encodings decoded here, under the size cap
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
    addresses = resolve(url)
    if not allow_private and (problem := address_problem(url, addresses)):
        raise InputError(url, problem)
    return addresses


def address_problem(url: str, addresses: Iterable[str]) -> str | None:
    """Why fetching the URL at these addresses needs ``--allow-private``, or None."""
    host = urlsplit(url).hostname or ""
    for address in addresses:
        kind = _address_kind(ipaddress.ip_address(address))
        if kind:
            article = "an" if kind[0] in "aeiou" else "a"
            literal = host.strip("[]") == address
            where = f"{host} is" if literal else f"{host} resolves to {address},"
            return (
                f"{where} {article} {kind} address; refusing to fetch it "
                "(use --allow-private to allow)"
            )
    return None


def resolve(url: str) -> list[str]:
    """The addresses of the URL's host."""
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
    return sorted({str(info[4][0]).split("%")[0] for info in infos})


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
    """Decode a page: declared charset, meta charset, UTF-8, the encoding charset_normalizer
    finds with confidence, then Windows-1252."""
    candidates: list[str] = []
    if charset:
        candidates.append(charset)
    if match := META_CHARSET.search(body[:4096]):
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in [*candidates, "utf-8-sig"]:
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    if found := detect_encoding(body):
        return found[0]
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError:
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


class TooLarge(Exception):
    """A body (or one of its encoding layers) passed the size cap."""


class _Layer:
    """One Content-Encoding layer, decoded at most ``CHUNK`` bytes per step.

    zlib's ``max_length`` keeps each step's output bounded (the rest of the input waits in
    ``unconsumed_tail``), and the layer counts everything it produced: a 3.5 KB double-gzip
    body that would expand to 2 GiB stops at the cap having held a few chunks in memory.
    """

    def __init__(self, coding: str, limit: int) -> None:
        self.coding = coding
        self.limit = limit
        self.produced = 0
        self._inflater: Any = None

    def _start(self, data: bytes) -> Any:
        if self.coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped, but servers send raw deflate as well
        wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            if self._inflater is None:
                if not data:
                    return
                self._inflater = self._start(data)
            out = self._inflater.decompress(data, CHUNK)
            self.produced += len(out)
            if self.produced > self.limit:
                raise TooLarge()
            if out:
                yield out
            if self._inflater.eof:  # a gzip member ended; another may follow
                data, self._inflater = self._inflater.unused_data, None
                continue
            data = self._inflater.unconsumed_tail
            if not data and len(out) < CHUNK:
                return


def _decoded(raw: Iterable[bytes], codings: list[str], limit: int) -> Iterator[bytes]:
    """The body through every encoding layer, last applied first, each capped at ``limit``."""
    layers = [_Layer(coding, limit) for coding in reversed(codings)]

    def through(index: int, data: bytes) -> Iterator[bytes]:
        if index == len(layers):
            yield data
            return
        for piece in layers[index].feed(data):
            yield from through(index + 1, piece)

    for chunk in raw:
        yield from through(0, chunk)


def content_codings(header: str, url: str) -> list[str]:
    """The Content-Encoding layers in the order applied; refuses ones not decoded here."""
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    for coding in codings:
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise InputError(url, f"is sent with Content-Encoding {coding}, which is not supported")
    return codings


def _read_capped(
    response: httpx.Response, url: str, options: FetchOptions, deadline: float
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise InputError(
            url, f"is {megabytes(int(declared))}, over the {megabytes(options.max_bytes)} limit"
        )
    codings = content_codings(response.headers.get("content-encoding", ""), url)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in _decoded(response.iter_raw(), codings, options.max_bytes):
            size += len(chunk)
            if size > options.max_bytes:
                raise TooLarge()
            if time.monotonic() > deadline:
                raise InputError(url, f"timed out after {options.timeout:g} s")
            chunks.append(chunk)
    except TooLarge:
        raise InputError(url, f"is larger than the {megabytes(options.max_bytes)} limit") from None
    except zlib.error as exc:
        raise InputError(url, f"has a body that does not decode ({exc})") from None
    return b"".join(chunks)


class Watchdog:
    """Ends a request at its deadline however slowly the server sends: at the deadline it
    shuts down the request's sockets, which wakes a read blocked on them."""

    def __init__(self, seconds: float) -> None:
        self.expired = threading.Event()
        self._streams: list[Any] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: remember every connection opened for this request."""
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info.get("return_value")
            with self._lock:
                self._streams.append(stream)
            if self.expired.is_set():
                _shut(stream)

    def _expire(self) -> None:
        self.expired.set()
        with self._lock:
            streams = list(self._streams)
        for stream in streams:
            _shut(stream)


def _shut(stream: Any) -> None:
    with contextlib.suppress(AttributeError, OSError):
        stream.get_extra_info("socket").shutdown(socket.SHUT_RDWR)


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
        _check_cached(url, entry, options)
        return Fetched(
            url, entry.final_url, entry.status, entry.headers, entry.body, from_cache=True
        )
    deadline = time.monotonic() + options.timeout
    hops: list[str] = []
    private: list[str] = []  # why a hop needed allow_private, recorded with the cache entry
    current = url
    headers = {
        "User-Agent": options.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    watchdog = Watchdog(options.timeout)
    try:
        with (
            watchdog,
            httpx.Client(
                timeout=httpx.Timeout(options.timeout), follow_redirects=False, headers=headers
            ) as client,
        ):
            for _ in range(options.max_redirects + 1):
                addresses = check_address(current, allow_private=options.allow_private)
                if problem := address_problem(current, addresses):
                    private.append(problem)
                extensions = {"trace": watchdog.trace}
                with client.stream("GET", current, extensions=extensions) as response:
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
    except httpx.HTTPError as exc:
        if watchdog.expired.is_set() or isinstance(exc, httpx.TimeoutException):
            raise InputError(url, f"timed out after {options.timeout:g} s") from None
        _request_failed(url, exc)
    if not fetched.body.strip():
        raise InputError(url, "is empty")
    entry = cache.Entry(
        fetched.final_url, fetched.status, fetched.headers, fetched.body, private="; ".join(private)
    )
    cache.store(entry, [fetched.url, *fetched.hops], directory)
    return fetched


def _check_cached(url: str, entry: cache.Entry, options: FetchOptions) -> None:
    """The address guard for a cache hit: an entry fetched from a non-public address is
    served only with ``allow_private`` (entries from before this was recorded are checked
    by resolving their hosts, as a fetch would)."""
    if options.allow_private:
        return
    if entry.private is None:
        for checked in dict.fromkeys((url, entry.final_url)):
            check_address(checked, allow_private=False)
    elif entry.private:
        raise InputError(url, entry.private)


def _request_failed(url: str, exc: Exception) -> None:
    import httpx

    if isinstance(exc, httpx.ConnectError):
        raise InputError(url, f"cannot connect ({exc})") from None
    raise InputError(url, f"request failed ({type(exc).__name__}: {exc})") from None


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
