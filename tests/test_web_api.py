"""The web API over real HTTP: a uvicorn server on a free loopback port, driven with httpx."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from accord.ingest.documents import document_from_text
from accord.model import Briefing, Document
from accord.pipeline import BriefOptions, brief_documents
from accord.render import render
from accord.web import WebSettings, create_app
from accord.web.limits import BodyLimitMiddleware
from accord.web.server import bind_messages, is_loopback, running

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
TIMEOUT = httpx.Timeout(120.0)


def example_request(words: int = 250) -> dict:
    files = sorted(EXAMPLE.glob("*.txt"))
    assert files, f"the bundled example is missing from {EXAMPLE}"
    return {"documents": [{"id": p.stem, "text": p.read_text()} for p in files], "words": words}


def small_request(tag: str) -> dict:
    """Two short reports; ``tag`` makes the request distinct (no cache hits)."""
    return {
        "documents": [
            {
                "id": "wire",
                "text": f"Officials said 150 people were evacuated from {tag} on Tuesday. "
                "The fire started in a warehouse at the harbour.",
            },
            {
                "id": "paper",
                "text": f"At least 200 people were evacuated from {tag} on Tuesday, police said. "
                "The fire started in a warehouse at the harbour overnight.",
            },
        ],
        "words": 60,
    }


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with running(create_app()) as url:
        yield url


@pytest.fixture()
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=TIMEOUT) as http:
        yield http


def raw_request(base_url: str, head: bytes, body: bytes = b"") -> tuple[int, bytes]:
    """Send bytes as they are (headers may lie); return the status and response body."""
    host, port = base_url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(head + body)
        data = b""
        while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1]


def _length(data: bytes) -> int:
    found = re.search(rb"content-length: *(\d+)", data, re.IGNORECASE)
    return int(found.group(1)) if found else 0


# --- service ----------------------------------------------------------------------------


def test_health(client: httpx.Client) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_openapi_describes_the_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/brief", "/api/render", "/api/examples", "/health"} <= set(spec["paths"])
    brief = spec["paths"]["/api/brief"]["post"]
    assert "413" in brief["responses"] and "422" in brief["responses"]
    schema = json.dumps(spec["components"]["schemas"])
    assert '"documents"' in schema and '"html"' in schema


def test_page_and_assets_are_served_and_offline(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:href|src)="(/(?:static|assets)/[^"?]+)', page.text)
    assert sorted(assets) == ["/assets/accord.css", "/assets/briefing.js", "/static/accord.js"]
    for text in [page.text] + [client.get(a).text for a in assets]:
        # nothing is fetched from elsewhere: no remote scripts, styles, fonts or images
        assert not re.search(r'(?:src|href)=["\']?(?:https?:)?//', text)
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import", text)
    assert client.get("/static/accord.js").status_code == 200


def test_examples_endpoint_offers_the_bundled_cluster(client: httpx.Client) -> None:
    examples = client.get("/api/examples").json()
    harbour = next(e for e in examples if e["name"] == "harbour-fire")
    assert [d["id"] for d in harbour["documents"]] == [
        d["id"] for d in example_request()["documents"]
    ]
    assert all(d["text"].strip() for d in harbour["documents"])


# --- briefing ---------------------------------------------------------------------------


def test_brief_returns_the_cli_json(client: httpx.Client) -> None:
    response = client.post("/api/brief", json=example_request())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    web = response.json()
    cli = subprocess.run(
        [sys.executable, "-m", "accord", "brief", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    expected = json.loads(cli.stdout)
    for source in expected["sources"]:
        source.pop("path", None)  # the CLI knows file paths; the web API gets text only
    assert web == expected
    assert web["summary"] and web["summary"][0]["evidence"]
    sources = {s["id"]: s for s in web["sources"]}
    for sentence in web["summary"]:
        for evidence in sentence["evidence"]:
            span = sources[evidence["source"]]["sentences"][evidence["sentence"]]
            assert sources[evidence["source"]]["text"][span["start"] : span["end"]].strip()


def test_brief_reads_html_documents(client: httpx.Client) -> None:
    page = (
        "<html><head><title>Harbour fire</title></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article>"
        "<p>Around 300 people were evacuated after a fire at Kelmouth harbour on Tuesday.</p>"
        "<p>More than 60 firefighters fought the blaze for nine hours, officials said.</p>"
        "</article></body></html>"
    )
    request = {
        "documents": [{"id": "page", "html": page}, small_request("Kelmouth")["documents"][0]]
    }
    response = client.post("/api/brief", json=request)
    assert response.status_code == 200, response.text
    source = next(s for s in response.json()["sources"] if s["id"] == "page")
    assert "Around 300 people were evacuated" in source["text"]
    assert "<p>" not in source["text"] and "Home" not in source["text"]


def test_source_ids_default_and_stay_unique(client: httpx.Client) -> None:
    documents = small_request("Quay Road")["documents"]
    request = {
        "documents": [
            {"text": documents[0]["text"]},
            {"id": "x", "text": documents[1]["text"]},
            {"id": "x", "text": documents[1]["text"] + " Roads were closed."},
        ]
    }
    response = client.post("/api/brief", json=request)
    assert response.status_code == 200, response.text
    assert [s["id"] for s in response.json()["sources"]] == ["S1", "x", "x-2"]


@pytest.mark.parametrize("fmt", ["md", "html", "json", "text"])
def test_render_downloads_each_format(client: httpx.Client, fmt: str) -> None:
    request = example_request()
    response = client.post("/api/render", json={**request, "format": fmt})
    assert response.status_code == 200, response.text
    suffix = {"text": "txt"}.get(fmt, fmt)
    assert f'filename="briefing.{suffix}"' in response.headers["content-disposition"]
    documents = [document_from_text(d["id"], d["text"], html=False) for d in request["documents"]]
    assert response.text == render(brief_documents(documents, BriefOptions(250)), fmt)  # type: ignore[arg-type]
    if fmt == "html":
        assert "<html" in response.text.lower() and "<script src=" not in response.text


def test_view_is_the_fragment_of_the_html_download(client: httpx.Client) -> None:
    from accord.render.html import to_fragment

    request = {
        "documents": [
            {"id": "a", "text": 'At least 200 people <img src=x onerror="alert(1)"> left.'},
            {
                "id": "b",
                "html": "<html><head><meta property='og:site_name' content='Paper'>"
                "</head><body><article><p>About 180 people left their homes on Tuesday, "
                "police said.</p></article></body></html>",
            },
        ]
    }
    response = client.post("/api/view", json=request)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in response.headers
    assert "<img" not in response.text and "&lt;img" in response.text
    assert "<script" not in response.text and " style=" not in response.text
    download = client.post("/api/render", json={**request, "format": "html"}).text
    levelled = re.sub(r"<(/?)h[12]\b", r"<\1h", response.text)  # h2 here, h1 in the page
    assert levelled.strip() in re.sub(r"<(/?)h[12]\b", r"<\1h", download)
    documents = [
        document_from_text("a", request["documents"][0]["text"], html=False),
        document_from_text("b", request["documents"][1]["html"], html=True),
    ]
    assert response.text == to_fragment(brief_documents(documents, BriefOptions(250)))
    assert 'class="cite-name">Paper<' in response.text or ">Paper<" in response.text


def test_download_reuses_the_briefing() -> None:
    calls: list[int] = []

    def counting(documents: list[Document], words: int) -> Briefing:
        calls.append(words)
        return brief_documents(documents, BriefOptions(words))

    with running(create_app(brief_fn=counting)) as url, httpx.Client(timeout=TIMEOUT) as http:
        request = small_request("Northgate")
        assert http.post(f"{url}/api/brief", json=request).status_code == 200
        assert http.post(f"{url}/api/render", json={**request, "format": "md"}).status_code == 200
        assert http.post(f"{url}/api/brief", json={**request, "words": 90}).status_code == 200
    assert calls == [60, 90]


# --- bad requests: 4xx with a clear message, never a 500 ---------------------------------


def test_malformed_json_is_400(client: httpx.Client) -> None:
    response = client.post(
        "/api/brief", content=b'{"documents": [', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]


def test_body_that_is_not_json_is_415(client: httpx.Client) -> None:
    response = client.post("/api/brief", content=b"just some text")
    assert response.status_code == 415
    assert "application/json" in response.json()["error"]


@pytest.mark.parametrize(
    ("body", "words_in_message"),
    [
        ([1, 2], ["JSON object", "documents"]),
        ({}, ["documents", "Field required"]),
        ({"documents": "text"}, ["documents", "list"]),
        ({"documents": []}, ["documents", "at least 1"]),
        ({"documents": [{"id": "a"}]}, ["documents.0", '"text" or "html"']),
        ({"documents": [{"text": "a", "html": "<p>a</p>"}]}, ["exactly one"]),
        ({"documents": [{"text": 42}]}, ["documents.0.text", "string"]),
        ({"documents": [{"text": "a"}], "words": 0}, ["words", "greater than or equal to 10"]),
        ({"documents": [{"text": "a"}], "colour": "red"}, ["colour", "not permitted"]),
    ],
)
def test_wrong_shape_is_422(
    client: httpx.Client, body: object, words_in_message: list[str]
) -> None:
    response = client.post("/api/brief", json=body)
    assert response.status_code == 422
    message = response.json()["error"]
    for word in words_in_message:
        assert word in message


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"id": "blank", "text": "  \n\t "}, "blank: is empty"),
        ({"id": "bin", "text": "PK\x03\x04\x00\x00binary"}, "bin: looks like a binary file"),
        ({"id": "page", "html": "<html><body>\x00</body></html>"}, "page: looks like a binary"),
    ],
)
def test_unusable_document_is_422_naming_it(
    client: httpx.Client, document: dict, problem: str
) -> None:
    request = {"documents": [small_request("Quay")["documents"][0], document]}
    response = client.post("/api/brief", json=request)
    assert response.status_code == 422, response.text
    assert response.json()["error"].startswith(problem)
    assert response.json()["source"] == document["id"]


def test_unpaired_surrogate_escape_is_422(client: httpx.Client) -> None:
    body = rb'{"documents": [{"id": "odd", "text": "A fire \ud800 broke out."}]}'
    response = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"] == "odd: text holds invalid Unicode (an unpaired surrogate)"


def test_body_that_is_not_utf8_is_400(client: httpx.Client) -> None:
    body = b'{"documents": [{"text": "A fire \xff\xfe broke out."}]}'
    response = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]


def test_too_many_documents_is_422(client: httpx.Client) -> None:
    request = {"documents": [{"text": f"Report {n}."} for n in range(51)]}
    response = client.post("/api/brief", json=request)
    assert response.status_code == 422
    assert "at most 50" in response.json()["error"]


def test_unknown_route_and_method_are_4xx(client: httpx.Client) -> None:
    assert client.get("/api/nothing").status_code == 404
    assert client.get("/api/brief").status_code == 405
    assert client.put("/api/render", json={}).status_code == 405


# --- size limit -------------------------------------------------------------------------


def test_default_limit_is_20_mb_and_a_declared_larger_body_is_413(base_url: str) -> None:
    head = (
        b"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 20971521\r\nConnection: close\r\n\r\n"
    )
    status, body = raw_request(base_url, head)  # refused before any of the body is sent
    assert status == 413
    assert json.loads(body)["error"] == "request body is over the 20 MB limit"


def test_body_just_under_the_limit_is_read() -> None:
    limit = 64 * 1024
    with running(create_app(WebSettings(max_body_bytes=limit))) as url:
        padding = " " * (limit - 200)
        body = json.dumps({"documents": [{"text": "Flood in Dhaka."}], "words": 5}) + padding
        assert len(body) < limit
        response = httpx.post(
            f"{url}/api/brief", content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == 422  # read and parsed: words=5 is the only problem
    assert "words" in response.json()["error"]


def test_chunked_body_without_length_is_cut_at_the_limit() -> None:
    limit = 64 * 1024

    def chunks() -> Iterator[bytes]:
        yield b'{"documents": [{"text": "'
        for _ in range(20):
            yield b"x" * 8192
        yield b'"}]}'

    with running(create_app(WebSettings(max_body_bytes=limit))) as url:
        response = httpx.post(
            f"{url}/api/brief", content=chunks(), headers={"content-type": "application/json"}
        )
        assert "content-length" not in response.request.headers
        assert response.status_code == 413
        assert response.json()["error"] == "request body is over the 64 KB limit"
        assert httpx.get(f"{url}/health").status_code == 200


def test_understated_content_length_cannot_smuggle_a_large_body(base_url: str) -> None:
    body = json.dumps(small_request("Quay")).encode()
    head = (
        b"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 10\r\nConnection: close\r\n\r\n"
    )
    status, answer = raw_request(base_url, head, body + b"x" * 100_000)
    assert status == 400  # only the 10 declared bytes were read: invalid JSON, not a 500
    assert "not valid JSON" in json.loads(answer)["error"]
    assert httpx.get(f"{base_url}/health").status_code == 200


def test_middleware_counts_received_bytes_not_the_header() -> None:
    """An ASGI server that passes a lying Content-Length still cannot get past the cap."""
    reached: list[bytes] = []

    async def app(scope, receive, send) -> None:
        reached.append((await receive())["body"])

    async def scenario() -> list[dict]:
        messages = [
            {"type": "http.request", "body": b"a" * 600, "more_body": True},
            {"type": "http.request", "body": b"b" * 600, "more_body": False},
        ]
        sent: list[dict] = []

        async def receive() -> dict:
            return messages.pop(0)

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "POST", "headers": [(b"content-length", b"10")]}
        await BodyLimitMiddleware(app, max_bytes=1000)(scope, receive, send)
        return sent

    sent = asyncio.run(scenario())
    assert sent[0]["status"] == 413
    assert b"1000 bytes" in sent[1]["body"]
    assert reached == []


# --- load -------------------------------------------------------------------------------


def test_concurrent_briefings_all_succeed_and_health_stays_responsive(base_url: str) -> None:
    async def scenario() -> tuple[list[int], float]:
        async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT) as http:
            briefs = [
                asyncio.create_task(http.post("/api/brief", json=small_request(f"pier {n}")))
                for n in range(10)
            ]
            await asyncio.sleep(0.3)  # briefings are now running or queued
            started = time.monotonic()
            health = await http.get("/health")
            latency = time.monotonic() - started
            assert health.status_code == 200
            statuses = [r.status_code for r in await asyncio.gather(*briefs)]
            return statuses, latency

    statuses, latency = asyncio.run(scenario())
    assert statuses == [200] * 10
    assert latency < 1.0  # the event loop is not blocked by pipeline work


def test_queue_over_its_bound_gets_503() -> None:
    release = threading.Event()
    running_now = threading.Semaphore(0)

    def slow(documents: list[Document], words: int) -> Briefing:
        running_now.release()
        release.wait(timeout=60)
        return brief_documents(documents, BriefOptions(words))

    settings = WebSettings(workers=1, max_pending=1)
    with running(create_app(settings, brief_fn=slow)) as url:

        async def scenario() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT) as http:
                first = asyncio.create_task(http.post("/api/brief", json=small_request("A")))
                await asyncio.to_thread(running_now.acquire, True, 30)
                second = asyncio.create_task(http.post("/api/brief", json=small_request("B")))
                await asyncio.sleep(0.3)  # queued behind the first
                third = await http.post("/api/brief", json=small_request("C"))
                health = await http.get("/health")
                release.set()
                return [await first, await second, third, health]

        first, second, third, health = asyncio.run(scenario())
    assert third.status_code == 503
    assert third.headers["retry-after"] == "5" and "busy" in third.json()["error"]
    assert health.status_code == 200
    assert (first.status_code, second.status_code) == (200, 200)


# --- binding ----------------------------------------------------------------------------


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.0.2")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("::")


def test_bind_messages_say_loopback_or_warn() -> None:
    local = bind_messages("127.0.0.1", 8000)
    assert local[0].startswith("Accord web app at http://127.0.0.1:8000/")
    assert "loopback only" in local[1]
    shared = bind_messages("0.0.0.0", 9000)
    assert shared[1].startswith("WARNING: bound to 0.0.0.0") and "port 9000" in shared[1]
    assert bind_messages("::1", 8000)[0].startswith("Accord web app at http://[::1]:8000/")


def test_accord_serve_binds_loopback_and_says_so() -> None:
    from accord.web.server import free_port

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = process.stdout.readline()
        second = process.stdout.readline()
        assert first.startswith(f"Accord web app at http://127.0.0.1:{port}/")
        assert "loopback only" in second
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "accord serve did not start listening"
                time.sleep(0.2)
        assert response.json()["status"] == "ok"
        listening = subprocess.run(
            ["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=False
        ).stdout
        if listening.strip():  # where ss is installed: nothing listens beyond loopback
            assert all("127.0.0.1:" in line for line in listening.splitlines())
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- accord serve as a user starts it -----------------------------------------------------


def test_accord_serve_with_settings_from_the_environment_briefs_over_http() -> None:
    from tests.serve import accord_serve

    env = {"ACCORD_WEB_WORKERS": "1", "ACCORD_WEB_MAX_PENDING": "4", "ACCORD_WEB_TIMEOUT_S": "300"}
    with accord_serve(env) as url, httpx.Client(base_url=url, timeout=TIMEOUT) as http:
        response = http.post("/api/brief", json=example_request())
        assert response.status_code == 200, response.text
        expected = json.loads(render(_example_briefing(), "json"))
        assert response.json()["summary"] == expected["summary"]
        assert http.get("/health").json()["status"] == "ok"


def _example_briefing() -> Briefing:
    documents = [document_from_text(d["id"], d["text"]) for d in example_request()["documents"]]
    return brief_documents(documents, BriefOptions(250))


def test_accord_serve_refuses_a_bad_setting_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "accord", "serve", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**__import__("os").environ, "ACCORD_WEB_WORKERS": "many"},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        result.stderr.strip() == "accord: ACCORD_WEB_WORKERS=many: expected a positive whole number"
    )


def test_accord_serve_on_a_taken_port_says_so_without_a_banner() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "accord", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stdout == ""  # no "Accord web app at ..." for a server that never ran
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"accord: cannot listen on http://127.0.0.1:{port}")
    assert "already in use" in lines[0]


def test_settings_from_env_keep_the_defaults_and_read_every_variable() -> None:
    assert WebSettings.from_env({}) == WebSettings()
    settings = WebSettings.from_env(
        {
            "ACCORD_WEB_MAX_BODY_MB": "3",
            "ACCORD_WEB_WORKERS": "4",
            "ACCORD_WEB_MAX_PENDING": "5",
            "ACCORD_WEB_TIMEOUT_S": "2.5",
            "ACCORD_WEB_READ_TIMEOUT_S": "7",
            "ACCORD_WEB_ALLOWED_HOSTS": "Desk.Example, other",
        }
    )
    assert (settings.max_body_bytes, settings.workers, settings.max_pending) == (3 * 2**20, 4, 5)
    assert (settings.timeout_s, settings.read_timeout_s) == (2.5, 7.0)
    assert settings.allowed_hosts == ("desk.example", "other")
    assert settings.max_documents == WebSettings().max_documents


# --- failures, time budget ---------------------------------------------------------------


def test_a_failed_briefing_fails_every_identical_waiter_and_the_server_goes_on() -> None:
    calls: list[int] = []
    gate = threading.Event()

    def flaky(documents: list[Document], words: int) -> Briefing:
        calls.append(1)
        if len(calls) == 1:
            gate.wait(timeout=30)  # let the identical requests pile up behind this one
            raise RuntimeError("boom")
        return brief_documents(documents, BriefOptions(words))

    with running(create_app(WebSettings(workers=1), brief_fn=flaky)) as url:

        async def scenario() -> tuple[list[httpx.Response], httpx.Response, httpx.Response]:
            async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(30.0)) as http:
                same = [
                    asyncio.create_task(http.post("/api/brief", json=small_request("quay")))
                    for _ in range(5)
                ]
                await asyncio.sleep(0.5)
                health = await http.get("/health")
                gate.set()
                failed = await asyncio.gather(*same)
                again = await http.post("/api/brief", json=small_request("quay"))
                return failed, health, again

        failed, health, again = asyncio.run(scenario())
    assert [r.status_code for r in failed] == [500] * 5
    assert failed[0].json() == {"error": "internal error: RuntimeError"}
    assert health.status_code == 200
    assert again.status_code == 200  # a failure is not cached
    assert len(calls) == 2  # the five identical requests shared one computation


def test_a_briefing_over_the_time_budget_is_503_and_found_on_retry() -> None:
    release = threading.Event()

    def slow(documents: list[Document], words: int) -> Briefing:
        release.wait(timeout=30)
        return brief_documents(documents, BriefOptions(words))

    app = create_app(WebSettings(timeout_s=0.5), brief_fn=slow)
    with running(app) as url, httpx.Client(base_url=url, timeout=TIMEOUT) as http:
        late = http.post("/api/brief", json=small_request("dock"))
        assert http.get("/health").status_code == 200
        release.set()
        deadline = time.monotonic() + 30
        while (retry := http.post("/api/brief", json=small_request("dock"))).status_code != 200:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert late.status_code == 503
    assert "longer than this server's 0.5 s limit" in late.json()["error"]
    assert "ACCORD_WEB_TIMEOUT_S" in late.json()["error"]
    assert late.headers["retry-after"]
    assert retry.json()["summary"]


def test_a_document_over_a_million_characters_is_413_naming_it(client: httpx.Client) -> None:
    words = "The harbour fire burned through the night, officials said on Tuesday. "
    request = {
        "documents": [
            {"id": "huge", "text": words * (1_100_000 // len(words) + 1)},
            {"id": "small", "text": words},
        ]
    }
    response = client.post("/api/brief", json=request)
    assert response.status_code == 413
    assert response.json()["source"] == "huge"
    assert "over the 1,000,000-character limit" in response.json()["error"]


# --- slow clients ------------------------------------------------------------------------


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """True if the server closes ``sock`` (recv gives b"") within ``seconds``."""
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return True


@pytest.mark.parametrize(
    "head, trickle",
    [
        (b"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: 1\r\n"),
        (
            b"POST /api/brief HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n",
            b" ",
        ),
    ],
    ids=["slow-headers", "slow-body"],
)
def test_slow_clients_are_cut_off_at_the_read_deadline(head: bytes, trickle: bytes) -> None:
    with running(create_app(WebSettings(read_timeout_s=1.0))) as url:
        host, port = url.removeprefix("http://").rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(head)
            closed = False
            for _ in range(40):  # a byte every 0.1 s keeps data flowing past the deadline
                try:
                    sock.sendall(trickle)
                except (BrokenPipeError, ConnectionResetError):
                    closed = True
                    break
                sock.settimeout(0.1)
                try:
                    if sock.recv(4096) == b"":
                        closed = True
                        break
                except TimeoutError:
                    pass
            assert closed or _closed_within(sock, 0.5), "the slow client was never cut off"


# --- headers, Host ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("GET", "/", None),
        ("GET", "/health", None),
        ("GET", "/static/accord.js", None),
        ("GET", "/docs", None),
        ("GET", "/nowhere", None),
        ("POST", "/api/brief", {"documents": []}),
    ],
)
def test_every_response_carries_the_security_headers(
    client: httpx.Client, method: str, path: str, body: dict | None
) -> None:
    response = client.request(method, path, json=body)
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"


def test_internal_errors_carry_the_security_headers_too() -> None:
    def broken(documents: list[Document], words: int) -> Briefing:
        raise KeyError("x")

    with running(create_app(brief_fn=broken)) as url:
        response = httpx.post(f"{url}/api/brief", json=small_request("x"), timeout=TIMEOUT)
    assert response.status_code == 500
    assert response.json() == {"error": "internal error: KeyError"}
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_foreign_host_is_refused_against_dns_rebinding(base_url: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert httpx.get(f"{base_url}/health", headers={"Host": host}).status_code == 200
    refused = httpx.get(f"{base_url}/api/examples", headers={"Host": f"evil.example:{port}"})
    assert refused.status_code == 400
    assert "DNS rebinding" in refused.json()["error"]
    assert "ACCORD_WEB_ALLOWED_HOSTS" in refused.json()["error"]


def test_configured_host_names_are_answered() -> None:
    with running(create_app(WebSettings(allowed_hosts=("desk.example",)))) as url:
        ok = httpx.get(f"{url}/health", headers={"Host": "desk.example"})
        refused = httpx.get(f"{url}/health", headers={"Host": "other.example"})
    assert (ok.status_code, refused.status_code) == (200, 400)


def test_api_docs_page_is_local_and_links_the_openapi_json(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert 'href="/openapi.json"' in page.text
    assert "/api/brief" in page.text
    assert not re.search(r"(src|href)=\"(https?:)?//", page.text), "nothing may load remotely"
    assert "<script" not in page.text
    assert client.get("/redoc").status_code == 404


# --- worker processes ----------------------------------------------------------------------


def _slow_texts() -> dict[str, str]:
    """Enough text to keep the pipeline busy for well over a few seconds."""
    import random

    rng = random.Random(7)
    words = "fire harbour police said people evacuated tuesday officials warehouse crew".split()
    sentences = (
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(8_000)
    )
    return {
        "long": " ".join(sentences),
        "short": "Officials said 150 people were evacuated on Tuesday.",
    }


def _slow_documents() -> list[Document]:
    return [document_from_text(name, text) for name, text in _slow_texts().items()]


def test_the_process_pool_stops_a_briefing_at_its_deadline() -> None:
    from accord.web.workers import Overdue, ProcessPool

    pool = ProcessPool(size=1, timeout_s=1.0)
    try:
        small = [document_from_text(d["id"], d["text"]) for d in small_request("pier")["documents"]]
        assert pool.brief(small, 60).summary  # starts the worker
        (worker,) = [pool._idle.get()]
        pool._idle.put(worker)
        with pytest.raises(Overdue):
            pool.brief(_slow_documents(), 60)
        worker.process.join(timeout=10)
        assert not worker.process.is_alive(), "the overdue briefing's process was not ended"
        assert pool.brief(small, 60).summary  # a fresh worker takes its place
    finally:
        pool.close()


@pytest.mark.slow  # two worker processes load the model
def test_accord_serve_answers_503_at_the_time_budget_and_goes_on() -> None:
    from tests.serve import accord_serve

    env = {"ACCORD_WEB_WORKERS": "1", "ACCORD_WEB_TIMEOUT_S": "2"}
    long_request = {
        "documents": [{"id": name, "text": text} for name, text in _slow_texts().items()],
        "words": 60,
    }
    with accord_serve(env) as url, httpx.Client(base_url=url, timeout=TIMEOUT) as http:
        late = http.post("/api/brief", json=long_request)
        assert http.get("/health").status_code == 200
        # the one worker was ended, not left running; its replacement loads the model
        for _ in range(30):
            after = http.post("/api/brief", json=small_request("slip"))
            if after.status_code != 503:
                break
    assert late.status_code == 503, late.text
    assert "longer than this server's 2 s limit" in late.json()["error"]
    assert after.status_code == 200
