"""Runs the app with uvicorn, loopback by default, and says where it listens."""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    """Start the web app and block until interrupted."""
    import uvicorn

    from accord.web.app import create_app
    from accord.web.settings import WebSettings

    for line in bind_messages(host, port):
        print(line, file=sys.stderr if line.startswith("WARNING") else sys.stdout, flush=True)
    uvicorn.run(create_app(WebSettings.from_env()), host=host, port=port, log_level="warning")


def free_port(host: str = DEFAULT_HOST) -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: ASGIApp, host: str = DEFAULT_HOST, port: int = 0) -> Iterator[str]:
    """Run ``app`` with uvicorn in a background thread; yield its base URL (no trailing /).

    For tests and embedding: the server is real (sockets, HTTP parsing), on a free port
    unless one is given, and is stopped when the block ends.
    """
    import uvicorn

    port = port or free_port(host)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
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
