"""Shared fixtures: the bundled example and, where present, the shared seed reports."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed reports not found at {SEEDS} (they are not part of the repo)")
    return SEEDS


@pytest.fixture(scope="session")
def example_briefing():
    import accord

    return accord.brief([EXAMPLE])


@pytest.fixture(scope="session")
def seeds_briefing(seeds_dir: Path):
    import accord

    return accord.brief([seeds_dir])


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    thread = threading.Thread(target=srv.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium for a browser test module (see ``tests/browser.py``)."""
    from tests.browser import ARGS, CHROMIUM, sync_api

    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
