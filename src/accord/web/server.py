"""Runs the app with uvicorn, loopback by default, and says where it listens."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import ipaddress
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from accord.errors import AccordError
from accord.web.settings import WebSettings

ASGIApp = Any

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}/"


def bind_messages(host: str, port: int) -> list[str]:
    """What to tell the person starting the server."""
    lines = [f"Accord web app at {url(host, port)}  (Ctrl+C to stop)"]
    if is_loopback(host):
        lines.append("Bound to loopback only: reachable from this machine, not the network.")
    else:
        lines.append(
            f"WARNING: bound to {host}, not loopback: anyone who can reach this machine on "
            f"port {port} can use it. There is no authentication; use --host 127.0.0.1 "
            "unless you mean to share it."
        )
    return lines


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or an :class:`AccordError` saying why not.

    The server binds before it says where it listens, so a port already taken gives one
    clear line and no banner.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as error:
        raise AccordError(f"--host {host}: not an address this machine has ({error})") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            problem = "the port is already in use (another server?); choose one with --port"
        elif error.errno == errno.EACCES:
            problem = "permission denied (ports below 1024 need privileges); choose --port"
        else:
            problem = error.strerror or str(error)
        raise AccordError(f"cannot listen on {url(host, port).rstrip('/')}: {problem}") from None
    return sock


def serve_settings(host: str, settings: WebSettings) -> WebSettings:
    """``settings`` with the names this server is reached by added to its allowed hosts."""
    names = [host.strip("[]").lower()]
    if not is_loopback(host):  # shared: the machine's own names are how others reach it
        names += [socket.gethostname().lower(), socket.getfqdn().lower()]
    extra = tuple(n for n in names if n and n not in settings.allowed_hosts)
    return dataclasses.replace(settings, allowed_hosts=settings.allowed_hosts + extra)


def uvicorn_config(app: ASGIApp, settings: WebSettings, host: str, port: int) -> Any:
    """uvicorn's settings: keep-alive and read deadlines, a bound on connections."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        lifespan="on",  # the app's shutdown ends its worker processes
        http=deadline_protocol(settings.read_timeout_s),
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 * 1024,  # request line and headers
        limit_concurrency=settings.max_connections,
    )


def serve(
    host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, settings: WebSettings | None = None
) -> None:
    """Start the web app and block until interrupted; settings from the environment."""
    import uvicorn

    from accord.web.app import create_app

    settings = serve_settings(host, settings or WebSettings.from_env())
    sock = listen(host, port)
    for line in bind_messages(host, port):
        print(line, file=sys.stderr if line.startswith("WARNING") else sys.stdout, flush=True)
    app = create_app(settings)
    app.state.briefer.warm()  # load the model in the workers while the user opens the page
    server = uvicorn.Server(uvicorn_config(app, settings, host, port))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()


def deadline_protocol(seconds: float) -> type[Any]:
    """uvicorn's h11 protocol with a deadline for receiving each request, head and body.

    uvicorn's own timeout covers only idle keep-alive connections: a client that sends
    its headers or body a byte at a time would hold the connection forever. The deadline
    starts when the connection opens or the previous response ends, is not extended by
    data arriving, and closes the connection if the request is not in by then.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class DeadlineH11Protocol(H11Protocol):  # type: ignore[misc]
        read_deadline: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            if self.read_deadline is not None:
                self.read_deadline.cancel()
            self.read_deadline = self.loop.call_later(seconds, self._read_timed_out)

        def _read_timed_out(self) -> None:
            self.read_deadline = None
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not (
                self.transport.is_closing()
            ):
                if self.cycle is not None and not self.cycle.response_complete:
                    self.cycle.disconnected = True
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            if self.read_deadline is not None:
                self.read_deadline.cancel()
            super().connection_lost(exc)

    return DeadlineH11Protocol


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(
    app: ASGIApp, host: str = DEFAULT_HOST, port: int = 0, settings: WebSettings | None = None
) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yield its base URL (no trailing /).

    For tests and embedding: the server is real (sockets, HTTP parsing), on a free port
    unless one is given, and is stopped when the block ends.
    """
    import uvicorn

    port = port or free_port(host)
    settings = settings or getattr(getattr(app, "state", None), "settings", None) or WebSettings()
    server = uvicorn.Server(uvicorn_config(app, settings, host, port))
    thread = threading.Thread(target=server.run, name="accord-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield url(host, port).rstrip("/")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
