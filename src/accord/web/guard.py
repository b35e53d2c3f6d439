"""The outermost ASGI middleware: what every response carries and every request must meet.

- Security headers on every response, errors included: a Content-Security-Policy that
  allows only this server's own scripts, styles and requests and forbids framing, plus
  ``X-Content-Type-Options``, ``X-Frame-Options`` and ``Referrer-Policy``.
- A ``Host`` check against DNS rebinding: a page on another origin whose name is made to
  resolve to 127.0.0.1 would send its own name as ``Host``; only loopback names, IP
  addresses, the bound address and configured names are answered (400 otherwise).
- Internal errors become a JSON 500 here, so that they carry the headers too.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("accord.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def host_name(header: str) -> str:
    """``Host`` without its port, lower case: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(header: str, allowed: Iterable[str]) -> bool:
    """An IP address cannot be rebound, so any is fine; names must be known ones."""
    name = host_name(header).rstrip(".")
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        pass
    return name in LOOPBACK_NAMES or name in {h.lower().strip("[]") for h in allowed}


async def send_json(send: Send, status: int, payload: dict[str, str]) -> None:
    body = json.dumps(payload).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = ()) -> None:
        self.app = app
        self.allowed_hosts = tuple(allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v for k, v in scope.get("headers", []) if k.lower() == b"host"), None)
        if host is not None:
            shown = host.decode("latin-1")
            if not host_allowed(shown, self.allowed_hosts):
                message = (
                    f"Host {shown!r} is not a name this server answers to (a guard against "
                    "DNS rebinding); use its address, e.g. http://127.0.0.1:PORT/, or add the "
                    "name to ACCORD_WEB_ALLOWED_HOSTS"
                )
                await send_json(send, 400, {"error": message})
                return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as error:
            log.exception("internal error", exc_info=error)
            if not started:
                await send_json(send, 500, {"error": f"internal error: {type(error).__name__}"})
