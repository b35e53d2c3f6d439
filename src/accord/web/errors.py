"""Every failure a client can cause becomes a 4xx with a one-line ``error`` message."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from accord.errors import AccordError
from accord.web.service import Busy, TimedOut, TooLarge


def error_response(status: int, message: str, **extra: object) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _where(loc: tuple[object, ...]) -> str:
    parts = [str(p) for p in loc if p != "body"]
    return ".".join(parts) or "body"


SHAPE = 'expected a JSON object {"documents": [{"id": ..., "text" or "html": ...}], "words": N}'


def describe_validation(exc: RequestValidationError, content_type: str) -> tuple[int, str]:
    errors = exc.errors()
    for error in errors:
        if error.get("type") == "json_invalid":
            reason = (error.get("ctx") or {}).get("error", "")
            return 400, f"request body is not valid JSON{': ' + reason if reason else ''}"
    if any(tuple(e.get("loc", ())) == ("body",) for e in errors):
        if "json" not in content_type.lower():
            return 415, f"send the body as JSON with Content-Type: application/json; {SHAPE}"
        return 422, f"body: {SHAPE}"
    messages = []
    for error in errors[:5]:
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        messages.append(f"{_where(tuple(error.get('loc', ())))}: {message}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return 422, "; ".join(messages) + more


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, message = describe_validation(exc, request.headers.get("content-type", ""))
        return error_response(status, message)

    @app.exception_handler(AccordError)
    async def unusable_input(_: Request, exc: AccordError) -> JSONResponse:
        source = getattr(exc, "source", None)
        return error_response(422, str(exc), **({"source": source} if source else {}))

    @app.exception_handler(TooLarge)
    async def too_large(_: Request, exc: TooLarge) -> JSONResponse:
        return error_response(413, str(exc), source=exc.source)

    @app.exception_handler(TimedOut)
    async def timed_out(_: Request, exc: TimedOut) -> JSONResponse:
        response = error_response(
            503,
            f"the briefing took longer than this server's {exc.seconds:g} s limit "
            "(ACCORD_WEB_TIMEOUT_S); send fewer or shorter sources, or retry later",
        )
        response.headers["Retry-After"] = "30"
        return response

    @app.exception_handler(Busy)
    async def busy(_: Request, __: Busy) -> JSONResponse:
        response = error_response(503, "the server is busy with other briefings; retry shortly")
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
        )

    # internal errors (500) are answered by accord.web.guard, so that they carry its headers
