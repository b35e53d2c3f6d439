"""Feeds (RSS/Atom, as files and URLs) and WARC archives as inputs."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from accord.clean import clean
from accord.errors import InputError
from accord.ingest.feeds import (
    documents_from_feed,
    documents_from_warc,
    html_fragment_to_text,
    is_feed_path,
    is_warc_path,
)
from accord.ingest.http import FetchOptions
from accord.ingest.sources import read_arguments
from tests.loopback import LoopbackServer, html
from tests.test_fetch import ARTICLE

PARAGRAPH = (
    "The river authority opened all six sluice gates at the Brennmoor dam on Monday night "
    "after three days of heavy rain raised the reservoir to its highest level in a decade. "
    "Residents of the two villages below the dam were told to move valuables upstairs and "
    "to keep their cars on higher ground until the water had passed. "
)
FULL_TEXT = "".join(f"<p>{PARAGRAPH}Update {n}.</p>" for n in range(4))  # about 300 words

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valley Courier</title>
  <link>https://courier.example/</link>
  <description>News from the valley</description>
  <item>
    <title>Dam gates opened as reservoir rises</title>
    <link>https://courier.example/news/dam-gates-opened</link>
    <pubDate>Mon, 04 Mar 2024 21:15:00 GMT</pubDate>
    <description>Six gates opened at Brennmoor.</description>
    <content:encoded><![CDATA[{FULL_TEXT}]]></content:encoded>
  </item>
  <item>
    <title>Dam gates opened as reservoir rises</title>
    <link>https://courier.example/news/dam-gates-opened</link>
    <pubDate>Tue, 05 Mar 2024 00:00:00 GMT</pubDate>
    <content:encoded><![CDATA[{FULL_TEXT}<p>Second edition.</p>]]></content:encoded>
  </item>
</channel>
</rss>
""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hill Post</title>
  <id>urn:hill-post</id>
  <updated>2024-03-05T10:00:00Z</updated>
  <entry>
    <title>Villages below Brennmoor told to prepare</title>
    <id>urn:hill-post:1</id>
    <updated>2024-03-05T10:00:00Z</updated>
    <content type="html"><![CDATA[{FULL_TEXT}]]></content>
  </entry>
</feed>
""".encode()


def teaser_rss(base: str) -> bytes:
    return f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Briefs</title>
  <item>
    <title>Bridge back open</title>
    <link>{base}/news/bridge-reopens.html</link>
    <pubDate>Thu, 14 Mar 2024 09:00:00 GMT</pubDate>
    <description>The harbour bridge reopened on Thursday. Read more.</description>
  </item>
</channel></rss>
""".encode()


def test_html_fragment_to_text() -> None:
    text = html_fragment_to_text(
        "<p>One <b>bold</b> line.</p><p>Two<br>lines.</p><script>x</script>"
    )
    assert text == "One bold line.\n\nTwo\nlines."
    assert html_fragment_to_text("plain words") == "plain words"


def test_rss_file_with_full_content(tmp_path: Path) -> None:
    path = tmp_path / "courier.rss"
    path.write_bytes(RSS)
    assert is_feed_path(path)
    docs = read_arguments([str(path)])
    assert [d.id for d in docs] == ["dam-gates-opened", "dam-gates-opened-2"]
    first = docs[0]
    assert first.title == "Dam gates opened as reservoir rises"
    assert first.meta["outlet"] == "Valley Courier"
    assert first.meta["date"] == "2024-03-04T21:15:00Z"
    assert docs[1].meta["date"] == "2024-03-05"
    assert first.meta["url"] == "https://courier.example/news/dam-gates-opened"
    assert not first.is_html
    clean(first)
    assert first.text.startswith("Dam gates opened as reservoir rises\n\nThe river authority")
    assert first.text.count("Brennmoor dam") == 4
    assert first.meta["date"] == "2024-03-04T21:15:00Z"  # the feed's date is kept


def test_atom_without_links_uses_title_ids(tmp_path: Path) -> None:
    docs = documents_from_feed(ATOM, "hill.atom")
    assert [d.id for d in docs] == ["villages-below-brennmoor-told-to-prepare"]
    assert docs[0].meta["outlet"] == "Hill Post"
    assert "sluice gates" in docs[0].raw


def test_teaser_entries_fetch_their_links(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/news/bridge-reopens.html"] = html(ARTICLE)
    options = FetchOptions(allow_private=True, cache_dir=tmp_path / "cache")
    docs = documents_from_feed(teaser_rss(server.base), "briefs.rss", options)
    assert server.hits["/news/bridge-reopens.html"] == 1
    doc = docs[0]
    assert doc.id == "bridge-reopens"
    assert doc.is_html
    assert doc.title == "Bridge back open"
    clean(doc)
    assert "140 metres of decking" in doc.text
    assert doc.meta["outlet"] == "Harbour Briefs"
    assert doc.meta["date"] == "2024-03-14T09:00:00Z"


def test_relative_links_of_a_feed_url(server: LoopbackServer, tmp_path: Path) -> None:
    feed = teaser_rss("").replace(b"<link>/news/", b"<link>news/")
    server.routes["/feeds/briefs.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
    server.routes["/feeds/news/bridge-reopens.html"] = html(ARTICLE)
    options = FetchOptions(allow_private=True, cache_dir=tmp_path / "cache")
    docs = read_arguments([server.url("/feeds/briefs.xml")], fetch_options=options)
    assert [d.meta["url"] for d in docs] == [server.url("/feeds/news/bridge-reopens.html")]


def test_teaser_links_obey_the_address_guard(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/news/bridge-reopens.html"] = html(ARTICLE)
    options = FetchOptions(cache_dir=tmp_path / "cache")
    with pytest.raises(InputError, match="loopback address; refusing"):
        documents_from_feed(teaser_rss(server.base), "briefs.rss", options)
    assert server.hits["/news/bridge-reopens.html"] == 0


def test_feed_url_mixed_with_a_file(server: LoopbackServer, tmp_path: Path) -> None:
    server.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, RSS)
    server.routes["/harbour-story.html"] = html(ARTICLE)
    note = tmp_path / "note.txt"
    note.write_text("Harbour notes\n\nThe bridge opened again on Thursday morning.\n")
    options = FetchOptions(allow_private=True, cache_dir=tmp_path / "cache")
    args = [server.url("/feed"), str(note), server.url("/harbour-story.html")]
    docs = read_arguments(args, fetch_options=options)
    assert [d.id for d in docs] == [
        "dam-gates-opened",
        "dam-gates-opened-2",
        "note",
        "harbour-story",
    ]
    assert docs[0].meta["feed"] == server.url("/feed")


def test_not_a_feed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^broken.rss: is not a news feed with entries"):
        documents_from_feed(b"<?xml version='1.0'?><rss><channel><title>x", "broken.rss")
    path = tmp_path / "notes.xml"
    path.write_text("<?xml version='1.0'?><notes><note>hi</note></notes>")
    assert not is_feed_path(path)


def write_warc(path: Path, base: str = "https://ledger.example") -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(uri: str, status: str, ctype: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=BytesIO(body), http_headers=headers
        )
        writer.write_record(record)

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                f"{base}/news/bridge-reopens.html",
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    "GET /news/bridge-reopens.html HTTP/1.1", [], is_http_request=True
                ),
            )
        )
        response(f"{base}/news/bridge-reopens.html", "200 OK", "text/html; charset=utf-8", ARTICLE)
        response(f"{base}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response(f"{base}/missing", "404 Not Found", "text/html", b"<p>missing</p>")
        dam = f"<html><head><title>Dam</title></head><body><article>{FULL_TEXT}</article></body>"
        response(f"{base}/news/dam-gates.html", "200 OK", "text/html", dam.encode())
        response(f"{base}/news/bridge-reopens.html", "200 OK", "text/html", ARTICLE)  # revisit


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    assert is_warc_path(path)
    docs = documents_from_warc(path)
    assert [d.id for d in docs] == ["bridge-reopens", "dam-gates"]
    assert all(d.is_html for d in docs)
    assert docs[0].meta["url"] == "https://ledger.example/news/bridge-reopens.html"
    assert docs[0].meta["archived"]
    clean(docs[0])
    assert docs[0].title == "Harbour bridge reopens after storm repairs"
    assert "140 metres of decking" in docs[0].text
    assert [d.id for d in read_arguments([str(path)])] == ["bridge-reopens", "dam-gates"]


def test_bad_warc_files(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive\r\n\r\n")
    with pytest.raises(InputError, match=r"junk.warc: is not a readable WARC file"):
        documents_from_warc(junk)
    with pytest.raises(InputError, match=r"gone.warc: no such file"):
        documents_from_warc(tmp_path / "gone.warc")


# --- hostile input (issue 10) -------------------------------------------------------------


def test_surrogate_character_references_in_a_feed_read_as_replacement(tmp_path: Path) -> None:
    """&#xD800; made feedparser raise UnicodeEncodeError; HTML reads it as U+FFFD."""
    body = FULL_TEXT.replace("Brennmoor", "Brenn&#xD800;moor", 1)
    rss = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Valley &#xD800; Courier</title>
  <item><title>Dam &#55296; gates &#x1F600; opened</title>
    <description><![CDATA[{body}]]></description></item>
  <item><title>Second</title>
    <description>&lt;p&gt;Sluice&amp;#xDFFF;gates {PARAGRAPH * 2}&lt;/p&gt;</description></item>
</channel></rss>""".encode()
    path = tmp_path / "odd.rss"
    path.write_bytes(rss)
    doc, second = read_arguments([str(path)])
    assert doc.title == "Dam \ufffd gates \U0001f600 opened"
    assert doc.meta["outlet"] == "Valley \ufffd Courier"
    assert "Brenn\ufffdmoor" in doc.raw
    assert "Sluice\ufffdgates" in second.raw  # a reference in escaped HTML, read by lxml
    for text in (doc.raw, second.raw, doc.title, doc.meta["outlet"]):
        text.encode("utf-8")  # nothing unencodable reaches the pipeline


def test_an_oversized_warc_record_is_noted_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import accord.ingest.feeds as feeds

    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    monkeypatch.setattr(feeds, "MAX_BYTES", len(ARTICLE) - 1)  # the bridge page is over it
    notes: list[str] = []
    docs = read_arguments([str(path)], notes=notes)
    assert [d.id for d in docs] == ["dam-gates"]
    url = "https://ledger.example/news/bridge-reopens.html"
    assert notes == [f"{path}: record {url} is over the 0 MB limit; left out"]
    with pytest.raises(InputError, match=rf"crawl.warc.gz: record {url} is over the"):
        documents_from_warc(path)
    monkeypatch.setattr(feeds, "MAX_BYTES", 10)
    with pytest.raises(InputError, match=r"holds no HTML response records within the 0 MB limit"):
        documents_from_warc(path, notes=[])
