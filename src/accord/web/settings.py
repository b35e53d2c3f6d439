"""The web app's limits, in one place."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from accord.errors import AccordError
from accord.ingest.documents import MAX_BYTES

MIB = 2**20


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits of one app instance.

    ``max_body_bytes``: largest request body accepted (413 above it).
    ``max_document_chars``: longest single document, in characters (413 above it); the
    language model reads at most a million characters at once.
    ``workers``: how many briefings run at once, in threads off the event loop.
    ``max_pending``: how many more may wait for a worker before requests get 503.
    ``max_documents``: most sources in one request.
    ``cache_size``: recent briefings kept so that downloads do not rerun the pipeline.
    ``timeout_s``: how long a request waits for its briefing before it gets 503.
    ``read_timeout_s``: how long a client may take to send a request's headers and body.
    ``max_connections``: open connections at once; uvicorn answers 503 beyond.
    ``isolate``: brief in worker processes (``workers`` of them) rather than threads, so
    that a briefing over ``timeout_s`` is stopped, not left running.
    ``allowed_hosts``: ``Host`` names accepted besides loopback names, IP addresses and
    the address the server is bound to (a guard against DNS rebinding).
    """

    max_body_bytes: int = MAX_BYTES
    max_document_chars: int = 1_000_000
    workers: int = 2
    max_pending: int = 32
    max_documents: int = 50
    cache_size: int = 16
    timeout_s: float = 120.0
    read_timeout_s: float = 30.0
    max_connections: int = 64
    isolate: bool = True
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> WebSettings:
        """Defaults, overridden by the ``ACCORD_WEB_*`` variables of :data:`VARIABLES`.

        A variable set to something that is not a positive number stops with an
        :class:`AccordError` naming it, rather than being ignored.
        """
        environ = dict(os.environ if environ is None else environ)
        defaults = {f.name: f.default for f in dataclasses.fields(cls)}
        values: dict[str, object] = {}
        for variable, (name, unit) in VARIABLES.items():
            raw = environ.get(variable, "").strip()
            if not raw:
                continue
            if name == "isolate":
                values[name] = _switch(variable, raw)
                continue
            if name == "allowed_hosts":
                values[name] = tuple(h.strip().lower() for h in raw.split(",") if h.strip())
                continue
            values[name] = _positive(variable, raw, unit, integer=isinstance(defaults[name], int))
        return cls(**values)  # type: ignore[arg-type]


# variable -> (field, multiplier from the variable's unit to the field's)
VARIABLES: dict[str, tuple[str, int]] = {
    "ACCORD_WEB_MAX_BODY_MB": ("max_body_bytes", MIB),
    "ACCORD_WEB_MAX_DOCUMENT_CHARS": ("max_document_chars", 1),
    "ACCORD_WEB_WORKERS": ("workers", 1),
    "ACCORD_WEB_MAX_PENDING": ("max_pending", 1),
    "ACCORD_WEB_MAX_DOCUMENTS": ("max_documents", 1),
    "ACCORD_WEB_CACHE_SIZE": ("cache_size", 1),
    "ACCORD_WEB_TIMEOUT_S": ("timeout_s", 1),
    "ACCORD_WEB_READ_TIMEOUT_S": ("read_timeout_s", 1),
    "ACCORD_WEB_MAX_CONNECTIONS": ("max_connections", 1),
    "ACCORD_WEB_ISOLATE": ("isolate", 1),
    "ACCORD_WEB_ALLOWED_HOSTS": ("allowed_hosts", 1),
}


def _switch(variable: str, raw: str) -> bool:
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise AccordError(f"{variable}={raw}: expected 1 or 0")


def _positive(variable: str, raw: str, unit: int, integer: bool) -> int | float:
    try:
        number = float(raw)
    except ValueError:
        number = float("nan")
    if not number > 0 or number == float("inf") or (integer and unit == 1 and number % 1):
        kind = "whole number" if integer and unit == 1 else "number"
        raise AccordError(f"{variable}={raw}: expected a positive {kind}")
    scaled = number * unit
    return int(scaled) if integer else scaled
