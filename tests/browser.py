"""What the headless-Chromium tests share: where Chromium is, how it is started, and the
marks that skip a test module where Playwright or Chromium is missing.

A test module says ``pytestmark = BROWSER_MARKS`` and imports ``sync_api`` from here; the
``browser`` fixture (one Chromium per module) is in ``conftest.py``. The flags keep
Chromium from reaching for the network, which this machine's closed network refuses.
"""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (run .ci/install-browser)"
)
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason=f"{CHROMIUM} is missing (run .ci/install-browser: apt-get install chromium)",
    ),
]
