"""Runs the app with uvicorn, loopback by default, and says where it listens."""

from __future__ import annotations

import ipaddress
import sys

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
