"""The FastAPI app: the page, its assets, and the JSON API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

import accord
from accord.render import render
from accord.render.html import to_fragment
from accord.web import errors
from accord.web.examples import bundled_examples
from accord.web.guard import GuardMiddleware
from accord.web.limits import BodyLimitMiddleware
from accord.web.schemas import MAX_WORDS, MIN_WORDS, BriefRequest, RenderRequest
from accord.web.service import Briefer, BriefFn
from accord.web.settings import WebSettings

HERE = Path(__file__).parent
ASSETS = Path(str(files("accord.render").joinpath("assets")))
MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}
SUFFIXES = {"json": "json", "md": "md", "html": "html", "text": "txt"}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "The body is not valid JSON."},
    413: {"description": "The body, or one document, is over the size limit."},
    422: {"description": "Wrong shape, or a source that cannot be used (empty, binary)."},
    503: {
        "description": "Too many briefings in progress, or the briefing took longer than the "
        "time budget; retry after Retry-After seconds."
    },
}


def _page_renderer() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"])
    )


def create_app(settings: WebSettings | None = None, brief_fn: BriefFn | None = None) -> FastAPI:
    """A new app. ``brief_fn(documents, words)`` replaces the pipeline (for tests)."""
    settings = settings or WebSettings()
    briefer = Briefer(settings, brief_fn)
    pages = _page_renderer()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        briefer.close()  # end the worker processes with the server

    app = FastAPI(
        lifespan=lifespan,
        title="Accord",
        version=accord.__version__,
        description="A cited briefing from several news reports of one event, offline.",
        docs_url=None,  # Swagger UI loads from a CDN: /docs is a local page instead
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.briefer = briefer
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(GuardMiddleware, allowed_hosts=settings.allowed_hosts)  # outermost
    errors.install(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # the briefing's stylesheet and script, the same files the static HTML page inlines
    app.mount("/assets", StaticFiles(directory=ASSETS), name="assets")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request) -> HTMLResponse:
        page = pages.get_template("index.html").render(
            version=accord.__version__,
            max_body_bytes=settings.max_body_bytes,
            min_words=MIN_WORDS,
            max_words=MAX_WORDS,
        )
        return HTMLResponse(page)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def api_docs() -> HTMLResponse:
        """The API described from its OpenAPI schema, with no script and nothing remote."""
        schema = app.openapi()
        endpoints = [
            {
                "method": method.upper(),
                "path": path,
                "summary": op.get("summary", ""),
                "description": op.get("description", ""),
            }
            for path, item in schema.get("paths", {}).items()
            for method, op in item.items()
        ]
        page = pages.get_template("api.html").render(
            version=accord.__version__, endpoints=endpoints
        )
        return HTMLResponse(page)

    @app.get("/health", tags=["service"])
    async def health() -> dict[str, str]:
        """Liveness: answers while the server is up, even when briefings are queued."""
        return {"status": "ok", "version": accord.__version__}

    @app.get("/api/examples", tags=["briefing"])
    async def examples() -> list[dict[str, Any]]:
        """The bundled example clusters, as documents ready for POST /api/brief."""
        return bundled_examples()

    @app.post(
        "/api/brief",
        tags=["briefing"],
        responses={200: {"content": {"application/json": {}}}, **ERRORS},
    )
    async def brief(body: BriefRequest) -> Response:
        """The briefing as JSON: the same document as ``accord brief --format json``."""
        briefing = await briefer.brief(body)
        return Response(render(briefing, "json"), media_type=MEDIA_TYPES["json"])

    @app.post(
        "/api/view",
        tags=["briefing"],
        responses={200: {"content": {"text/html": {}}}, **ERRORS},
    )
    async def view(body: BriefRequest) -> Response:
        """The briefing as the HTML fragment the briefing desk shows: the body of the HTML
        download, every source text escaped. Style it with /assets/accord.css; the
        citation highlighting is /assets/briefing.js."""
        briefing = await briefer.brief(body)
        return Response(to_fragment(briefing), media_type=MEDIA_TYPES["html"])

    @app.post("/api/render", tags=["briefing"], responses=ERRORS)
    async def render_briefing(body: RenderRequest) -> Response:
        """The briefing as a download: JSON, Markdown, self-contained HTML or plain text."""
        briefing = await briefer.brief(body)
        return Response(
            render(briefing, body.format),
            media_type=MEDIA_TYPES[body.format],
            headers={
                "Content-Disposition": f'attachment; filename="briefing.{SUFFIXES[body.format]}"'
            },
        )

    return app
