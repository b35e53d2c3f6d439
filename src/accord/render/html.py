"""The briefing as one self-contained HTML page: no external CSS, scripts or fonts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from accord.model import Briefing, SourceSummary
from accord.render.common import Support, counted_sources, originals, split, support


@dataclass(frozen=True, slots=True)
class View:
    """What the section partials (``templates/sections``) ask about a briefing."""

    roots: dict[str, str]

    def cited(self, sources: Sequence[str]) -> Support:
        return support(sources, self.roots)

    def split(self, items: Sequence[Any], section: str) -> tuple[list[Any], list[Any]]:
        return split(items, section, full=False)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked_text"] = marked_text
    return env


def marked_text(source: SourceSummary) -> Markup:
    """The source text with each sentence in a span that citations can highlight."""
    parts: list[str] = []
    cursor = 0
    text = source.text
    for index, span in enumerate(source.sentences):
        parts.append(str(escape(text[cursor : span["start"]])).replace("\n", "<br>"))
        sentence = escape(text[span["start"] : span["end"]])
        parts.append(f'<span class="sent" id="s-{escape(source.id)}-{index}">{sentence}</span>')
        cursor = span["end"]
    parts.append(str(escape(text[cursor:])).replace("\n", "<br>"))
    return Markup("".join(parts))


def to_html(briefing: Briefing) -> str:
    """Long sections show their top entries and keep the rest one click away (<details>)."""
    template = files("accord.render").joinpath("templates/briefing.html.j2").read_text("utf-8")
    roots = originals(briefing)
    most = max((len(support(f.sources, roots).counted) for f in briefing.facts), default=1)
    return (
        _environment()
        .from_string(template)
        .render(
            b=briefing,
            v=View(roots),
            most=max(most, 1),
            cited=lambda sources: support(sources, roots),
            split=lambda items, section: split(items, section, full=False),
            reports=counted_sources(briefing),
        )
    )
