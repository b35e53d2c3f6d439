"""Render: a briefing as JSON (for machines), Markdown, a self-contained HTML page, or a
rich terminal view (for people)."""

from __future__ import annotations

import json
from typing import Literal

from accord.model import Briefing

Format = Literal["text", "md", "html", "json"]
FORMATS: tuple[Format, ...] = ("text", "md", "html", "json")


def to_json(briefing: Briefing) -> str:
    return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(briefing: Briefing, fmt: Format, full: bool = False) -> str:
    """The briefing as text in one of :data:`FORMATS`.

    JSON and Markdown hold every entry of every section; the HTML page shows the top ones
    of a long section with the rest one click away; the terminal view (``text``) shows the
    top ones and says how many more there are, or every one with ``full``.
    """
    if fmt == "json":
        return to_json(briefing)
    if fmt == "md":
        from accord.render.markdown import to_markdown

        return to_markdown(briefing)
    if fmt == "html":
        from accord.render.html import to_html

        return to_html(briefing)
    if fmt == "text":
        from accord.render.terminal import to_text

        return to_text(briefing, full=full)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
