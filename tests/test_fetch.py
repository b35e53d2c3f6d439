"""accord.ingest.http against a real HTTP server on loopback (no mocked client)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from accord.clean import clean
from accord.errors import InputError
from accord.ingest import http as fetch_module
from accord.ingest.documents import id_from_url
from accord.ingest.http import USER_AGENT, FetchOptions, fetch, is_url
from accord.ingest.sources import fetch_documents
from tests.loopback import LoopbackServer, html

ARTICLE = b"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour bridge reopens after storm repairs | The Coastal Ledger</title>
<meta property="og:title" content="Harbour bridge reopens after storm repairs">
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article>
<h1>Harbour bridge reopens after storm repairs</h1>
<p>The Kelvin Harbour bridge reopened to traffic on Thursday morning, eleven weeks after
a winter storm tore away part of its northern span and forced the port authority to close
the crossing to all vehicles.</p>
<p>Engineers replaced 140 metres of decking and two support cables, the authority said,
at a cost of about 4.2 million pounds. Buses returned to the route at six o'clock and the
first lorries crossed shortly afterwards.</p>
<p>"We are relieved to have the link back before the spring fishing season," said Marta
Vell, who chairs the harbour traders' association. Fish merchants had faced a ninety-minute
detour through the inland ring road while the bridge was shut.</p>
<p>The authority said a speed limit of thirty miles an hour would remain in place for a
month while sensors on the new cables are checked each night.</p>
</article>
<footer><p>Subscribe to our newsletter for the latest harbour news.</p></footer>
</body></html>
"""


def options(tmp_path: Path, **changes: object) -> FetchOptions:
    settings: dict[str, object] = {"allow_private": True, "cache_dir": tmp_path / "cache"}
    settings.update(changes)
    return FetchOptions(**settings)  # type: ignore[arg-type]


def test_is_url() -> None:
    assert is_url("https://example.com/a")
    assert is_url("http://example.com")
    assert not is_url("reports/a.html")
    assert not is_url("ftp://example.com/a")
    assert not is_url("-")


def test_id_from_url() -> None:
    assert id_from_url("https://news.example.com/2024/03/bridge-reopens.html") == "bridge-reopens"
    nested = "https://example.com/world/quake-toll-rises/index.html"
    assert id_from_url(nested) == "quake-toll-rises"
    assert id_from_url("https://www.example.com/") == "example-com"


def test_fetch_and_extract(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/news/bridge-reopens.html"] = html(ARTICLE)
    docs = fetch_documents(server.url("/news/bridge-reopens.html"), options(tmp_path))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.id == "bridge-reopens"
    assert doc.is_html
    assert doc.meta["url"] == server.url("/news/bridge-reopens.html")
    assert server.agents == [USER_AGENT]
    clean(doc)
    assert doc.title == "Harbour bridge reopens after storm repairs"
    assert "140 metres of decking" in doc.text
    assert "Subscribe" not in doc.text
    assert doc.meta["date"] == "2024-03-14"
    assert doc.meta["outlet"] == "The Coastal Ledger"


def test_redirects_are_followed_and_capped(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    server.routes["/old"] = (301, {"Location": "/middle"}, b"")
    server.routes["/middle"] = (302, {"Location": server.url("/article.html")}, b"")
    fetched = fetch(server.url("/old"), options(tmp_path))
    assert fetched.final_url == server.url("/article.html")
    assert fetched.hops == [server.url("/old"), server.url("/middle")]
    assert fetched.body == ARTICLE

    server.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(InputError, match=r"too many redirects \(more than 3\)"):
        fetch(server.url("/loop"), options(tmp_path, max_redirects=3))
    assert server.hits["/loop"] == 4


def test_timeout(server: LoopbackServer, tmp_path: Path) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)
        handler.send_response(200)
        handler.end_headers()

    server.routes["/slow"] = slow
    started = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 0.3 s") as info:
        fetch(server.url("/slow"), options(tmp_path, timeout=0.3))
    assert time.monotonic() - started < 1.2
    assert str(info.value).startswith(server.url("/slow") + ": ")


def test_size_cap_with_and_without_content_length(server: LoopbackServer, tmp_path: Path) -> None:
    big = b"<html><body>" + b"<p>padding text</p>" * 20000 + b"</body></html>"
    server.routes["/declared"] = html(big)

    def undeclared(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: HTTP/1.0, body runs to the close
        try:
            for _ in range(50):
                handler.wfile.write(b"<p>" + b"x" * 16000 + b"</p>")
        except OSError:
            pass  # the client hung up at the limit

    server.routes["/streamed"] = undeclared
    limited = options(tmp_path, max_bytes=100_000)
    with pytest.raises(InputError, match=r"is 371 KB, over the 97 KB limit"):
        fetch(server.url("/declared"), limited)
    with pytest.raises(InputError, match=r"is larger than the 97 KB limit"):
        fetch(server.url("/streamed"), limited)


def test_http_errors_and_content_types(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/photo.png"] = (200, {"Content-Type": "image/png"}, b"\x89PNG....")
    server.routes["/gone"] = (410, {"Content-Type": "text/html"}, b"gone")
    with pytest.raises(InputError, match=r"/missing: HTTP 404 Not Found$"):
        fetch(server.url("/missing"), options(tmp_path))
    with pytest.raises(InputError, match=r"HTTP 410 Gone"):
        fetch(server.url("/gone"), options(tmp_path))
    with pytest.raises(InputError, match=r"is image/png, not an HTML page or a news feed"):
        fetch(server.url("/photo.png"), options(tmp_path))


def test_private_addresses_are_refused(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    url = server.url("/article.html")
    with pytest.raises(InputError) as info:
        fetch(url, options(tmp_path, allow_private=False))
    message = str(info.value)
    assert "127.0.0.1 is a loopback address; refusing to fetch it" in message
    assert "--allow-private" in message
    assert "\n" not in message
    assert server.hits["/article.html"] == 0
    assert fetch(url, options(tmp_path)).status == 200
    named = f"http://localhost:{server.server_address[1]}/article.html"
    with pytest.raises(InputError, match=r"localhost resolves to (127.0.0.1|::1), a loopback"):
        fetch(named, options(tmp_path, allow_private=False, use_cache=False))


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.1.2.3", "private"),
        ("192.168.0.5", "private"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("93.184.215.14", None),
        ("2606:4700::6810:85e5", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    import ipaddress

    assert fetch_module._address_kind(ipaddress.ip_address(address)) == kind


def test_every_redirect_hop_is_checked(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A public page that redirects to a private address is refused at the second hop."""
    port = server.server_address[1]
    server.routes["/article.html"] = html(ARTICLE)
    server.routes["/jump"] = (302, {"Location": f"http://127.0.0.1:{port}/article.html"}, b"")
    real_check = fetch_module.check_address

    def check(url: str, *, allow_private: bool = False) -> list[str]:
        if url.startswith(f"http://localhost:{port}/"):  # stands in for a public host
            return ["127.0.0.1"]
        return real_check(url, allow_private=allow_private)

    monkeypatch.setattr(fetch_module, "check_address", check)
    with pytest.raises(InputError, match=r"127.0.0.1 is a loopback address; refusing"):
        fetch(f"http://localhost:{port}/jump", options(tmp_path, allow_private=False))
    assert server.hits["/jump"] == 1
    assert server.hits["/article.html"] == 0


def test_dns_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(InputError, match=r"cannot resolve host name news.invalid"):
        fetch("https://news.invalid/story", options(tmp_path))


def test_cache_serves_second_fetch_from_disk(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    server.routes["/short"] = (301, {"Location": "/article.html"}, b"")
    first = fetch(server.url("/short"), options(tmp_path))
    second = fetch(server.url("/short"), options(tmp_path))
    third = fetch(server.url("/article.html"), options(tmp_path))
    assert not first.from_cache
    assert second.from_cache and third.from_cache
    assert second.body == third.body == ARTICLE
    assert second.final_url == server.url("/article.html")
    assert second.headers["content-type"] == "text/html; charset=utf-8"
    assert server.hits == Counter({"/short": 1, "/article.html": 1})
    cached = sorted(p.suffix for p in (tmp_path / "cache").iterdir())
    assert cached == [".body", ".json", ".json"]  # body + headers, and the redirect pointer

    fetch(server.url("/short"), options(tmp_path, use_cache=False))
    assert server.hits["/article.html"] == 2


def test_cache_dir_from_environment(
    server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "env-cache"))
    fetch(server.url("/article.html"), FetchOptions(allow_private=True))
    assert len(list((tmp_path / "env-cache").glob("*.body"))) == 1


def test_charset_from_header(server: LoopbackServer, tmp_path: Path) -> None:
    page = "<html><body><p>Caf\u00e9 owners in Z\u00fcrich</p></body></html>".encode("latin-1")
    server.routes["/latin.html"] = (200, {"Content-Type": "text/html; charset=iso-8859-1"}, page)
    fetched = fetch(server.url("/latin.html"), options(tmp_path))
    assert "Caf\u00e9 owners in Z\u00fcrich" in fetched.text()


def test_undeclared_legacy_encoding_is_detected(server: LoopbackServer, tmp_path: Path) -> None:
    text = "Президент заявил, что переговоры продолжатся в понедельник в Москве."
    page = f"<html><body><p>{text}</p></body></html>".encode("cp1251")
    server.routes["/ru.html"] = (200, {"Content-Type": "text/html"}, page)
    assert text in fetch(server.url("/ru.html"), options(tmp_path)).text()


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_cli_brief_mixes_a_url_with_a_file(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/news/bridge-reopens.html"] = html(ARTICLE)
    note = tmp_path / "traders.txt"
    note.write_text(
        "Traders welcome bridge reopening\n\nThe Kelvin Harbour bridge reopened on Thursday "
        "after eleven weeks of repairs to decking and cables, the port authority said.\n"
    )
    url = server.url("/news/bridge-reopens.html")
    cache = str(tmp_path / "cache")
    refused = run_cli("brief", url, str(note), "-f", "json", "--cache-dir", cache)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "loopback address; refusing to fetch it (use --allow-private" in refused.stderr
    result = run_cli("brief", url, str(note), "-f", "json", "--allow-private", "--cache-dir", cache)
    assert result.returncode == 0, result.stderr
    sources = {s["id"]: s for s in json.loads(result.stdout)["sources"]}
    assert set(sources) == {"bridge-reopens", "traders"}
    assert sources["bridge-reopens"]["url"] == url
    assert sources["bridge-reopens"]["outlet"] == "The Coastal Ledger"
    assert server.hits["/news/bridge-reopens.html"] == 1
    missing = run_cli("brief", server.url("/nowhere"), "--allow-private", "--cache-dir", cache)
    assert missing.returncode == 2
    assert missing.stderr == f"accord: {server.url('/nowhere')}: HTTP 404 Not Found\n"


# --- hostile servers (issue 10) -------------------------------------------------------------


def gzipped(data: bytes) -> bytes:
    import gzip

    return gzip.compress(data, compresslevel=9, mtime=0)


def test_double_gzip_is_capped_as_it_decodes(server: LoopbackServer, tmp_path: Path) -> None:
    """A small body that expands enormously through two gzip layers never sits in memory
    whole: decoding stops at the cap, holding no more than a few chunks at a time."""
    import tracemalloc

    expanded = 64 * 2**20
    bomb = gzipped(gzipped(b"<html><body>" + b" " * expanded))
    assert len(bomb) < 100_000
    server.routes["/bomb.html"] = (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"},
        bomb,
    )
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"bomb.html: is larger than the 1.0 MB limit"):
            fetch(server.url("/bomb.html"), options(tmp_path, max_bytes=2**20))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20  # httpx's own decoder held the whole 64 MB layer


def test_stacked_encodings_decode(server: LoopbackServer, tmp_path: Path) -> None:
    import zlib

    server.routes["/layers.html"] = (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "deflate, gzip"},
        gzipped(zlib.compress(ARTICLE)),
    )
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    server.routes["/raw.html"] = (
        200,
        {"Content-Type": "text/html", "Content-Encoding": "deflate"},
        raw_deflate.compress(ARTICLE) + raw_deflate.flush(),
    )
    server.routes["/br.html"] = (200, {"Content-Type": "text/html", "Content-Encoding": "br"}, b"x")
    assert fetch(server.url("/layers.html"), options(tmp_path)).body == ARTICLE
    assert fetch(server.url("/raw.html"), options(tmp_path)).body == ARTICLE
    with pytest.raises(InputError, match=r"Content-Encoding br, which is not supported"):
        fetch(server.url("/br.html"), options(tmp_path))


def test_trickling_body_stops_at_the_deadline(server: LoopbackServer, tmp_path: Path) -> None:
    """One byte every 0.1 s never trips a per-read timeout; the whole-request one holds."""

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", "200")
        handler.end_headers()
        try:
            for _ in range(200):  # bounded: 20 s at most
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client hung up at its deadline

    server.routes["/trickle.html"] = trickle
    started = time.monotonic()
    with pytest.raises(InputError, match=r"trickle.html: timed out after 1 s"):
        fetch(server.url("/trickle.html"), options(tmp_path, timeout=1.0))
    assert time.monotonic() - started < 5  # it used to read on for the whole 20 s


def test_cache_hit_from_a_private_address_needs_allow_private(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    server.routes["/short"] = (301, {"Location": "/article.html"}, b"")
    assert fetch(server.url("/short"), options(tmp_path)).body == ARTICLE  # allowed, cached
    for path in ("/short", "/article.html"):
        with pytest.raises(InputError, match=r"127.0.0.1 is a loopback address; refusing"):
            fetch(server.url(path), options(tmp_path, allow_private=False))
    assert fetch(server.url("/short"), options(tmp_path)).from_cache
    assert server.hits == Counter({"/short": 1, "/article.html": 1})


def test_cache_entries_without_the_record_are_checked_by_address(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.routes["/article.html"] = html(ARTICLE)
    fetch(server.url("/article.html"), options(tmp_path))
    for entry in (tmp_path / "cache").glob("*.json"):  # as written before it was recorded
        data = json.loads(entry.read_text())
        data.pop("private", None)
        entry.write_text(json.dumps(data))
    with pytest.raises(InputError, match=r"loopback address; refusing"):
        fetch(server.url("/article.html"), options(tmp_path, allow_private=False))
