"""The web app's limits, in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass

from accord.ingest.documents import MAX_BYTES

MIB = 2**20


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else default


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Limits of one app instance.

    ``max_body_bytes``: largest request body accepted (413 above it).
    ``workers``: how many briefings run at once, in threads off the event loop.
    ``max_pending``: how many more may wait for a worker before requests get 503.
    ``max_documents``: most sources in one request.
    ``cache_size``: recent briefings kept so that downloads do not rerun the pipeline.
    """

    max_body_bytes: int = MAX_BYTES
    workers: int = 2
    max_pending: int = 32
    max_documents: int = 50
    cache_size: int = 16

    @classmethod
    def from_env(cls) -> WebSettings:
        """Defaults, overridden by ACCORD_WEB_MAX_BODY_MB / _WORKERS / _MAX_PENDING."""
        return cls(
            max_body_bytes=_env_int("ACCORD_WEB_MAX_BODY_MB", MAX_BYTES // MIB) * MIB,
            workers=_env_int("ACCORD_WEB_WORKERS", cls.workers),
            max_pending=_env_int("ACCORD_WEB_MAX_PENDING", cls.max_pending),
        )
