"""``accord serve`` as a user starts it: a subprocess, settings from environment variables."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from accord.web.server import free_port


@contextmanager
def accord_serve(env: dict[str, str] | None = None, host: str = "127.0.0.1") -> Iterator[str]:
    """Start ``accord serve`` on a free loopback port; yield its base URL (no trailing /)."""
    port = free_port(host)
    environ = {**os.environ, **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environ,
    )
    base = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/health", timeout=5)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise RuntimeError(f"accord serve exited: {process.stderr.read()}") from None
                if time.monotonic() > deadline:
                    raise RuntimeError("accord serve did not start listening") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
