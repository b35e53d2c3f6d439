"""The briefing as HTML: one renderer for the static page and the web app.

:func:`to_fragment` is the briefing itself (headline, sections, source panels), rendered
from ``templates/briefing-body.html.j2`` and its section partials in ``templates/sections``;
the web app asks the server for it and inserts it. :func:`to_html` wraps the same fragment in
a self-contained page (``assets/accord.css`` and ``assets/briefing.js`` inlined: no external
CSS, scripts or fonts), so the download and the app cannot drift apart.

Every string from a source goes through Jinja's autoescaping. The templates share their
pieces (numbered, coloured source chips, "also in ...", "N more") as macros in
``templates/macros.html.j2``; each reads the :class:`View` passed as ``v``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Protocol
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from accord.model import Briefing, QuoteGroup, SourceSummary
from accord.render.common import (
    LEGEND,
    MARKS,
    Support,
    denials,
    originals,
    other_values,
    source_names,
    split,
    support,
)

PALETTE = 8  # colours of source chips (accord.css --c0 .. --c7)


class Cited(Protocol):
    source: str
    sentence: int


@dataclass(frozen=True, slots=True)
class SourceView:
    """How the page shows one source: its number, colour and the name readers see."""

    id: str
    number: int  # 1-based position in the input
    colour: int
    name: str  # the outlet (or wire agency) where known, else the id
    source: SourceSummary

    @property
    def details(self) -> list[str]:
        """What is known of where it comes from, for the panel's meta line."""
        meta = self.source.meta
        parts = []
        if meta.get("outlet") and meta.get("agency"):
            parts.append(f"{meta['agency']} wire copy")
        parts += [meta[k] for k in ("author", "date") if meta.get(k)]
        if self.link and (host := urlsplit(self.link).hostname) and host != self.name:
            parts.append(host.removeprefix("www."))
        if self.name != self.id:
            parts.append(self.id)
        return parts

    @property
    def link(self) -> str | None:
        """The article's address, when it is a web address (no "javascript:" from a page)."""
        url = self.source.meta.get("url", "")
        return url if urlsplit(url).scheme in ("http", "https") else None


@dataclass(slots=True)
class View:
    """What the templates ask about a briefing: sources by id, support, long lists."""

    briefing: Briefing
    roots: dict[str, str]
    sources: dict[str, SourceView]

    @classmethod
    def of(cls, briefing: Briefing) -> View:
        names = source_names(briefing)
        views = {
            s.id: SourceView(s.id, n + 1, n % PALETTE, names[s.id], s)
            for n, s in enumerate(briefing.sources)
        }
        return cls(briefing, originals(briefing), views)

    def source(self, source_id: str) -> SourceView:
        found = self.sources.get(source_id)
        if found is None:  # a citation of an id the briefing does not list: show the id
            return SourceView(
                source_id, 0, PALETTE - 1, source_id, SourceSummary(source_id, None, "", [], {}, [])
            )
        return found

    def cited(self, sources: Sequence[str]) -> Support:
        return support(sources, self.roots)

    def names(self, ids: Sequence[str]) -> str:
        """ "Le Monde, b.txt": what readers see for a list of sources."""
        return ", ".join(self.source(i).name for i in ids)

    def evidence(self, evidence: Sequence[Cited]) -> str:
        """The sentences behind a statement as JSON [[source, sentence], ...] for the script."""
        return json.dumps([[e.source, e.sentence] for e in evidence], ensure_ascii=False)

    def copies(self, source_id: str) -> list[str]:
        """The sources whose text repeats this one (wire copies in other outlets)."""
        return [s for s, root in self.roots.items() if root == source_id and s != source_id]

    @property
    def originals(self) -> list[SourceView]:
        """One per report: the sources that are not copies, in input order."""
        return [v for v in self.sources.values() if self.roots.get(v.id, v.id) == v.id]

    @property
    def reports(self) -> int:
        return len(self.originals)

    @property
    def most(self) -> int:
        """The largest number of reports behind one fact: the full length of a bar."""
        counts = (len(self.cited(f.sources).counted) for f in self.briefing.facts)
        return max(max(counts, default=1), 1)

    @property
    def headline(self) -> str:
        """The briefing's headline where a stage chose one, else the first source title."""
        chosen = getattr(self.briefing, "headline", None)
        text = getattr(chosen, "text", chosen)
        if isinstance(text, str) and text.strip():
            return text.strip()
        return next((s.title for s in self.briefing.sources if s.title), "") or "Briefing"

    @property
    def meta_line(self) -> str:
        """ "3 sources (+1 copy, not counted) · 5 summary sentences · 120 words"."""
        copies = len(self.sources) - self.reports
        count = f"{self.reports} source{'s' if self.reports != 1 else ''}"
        if copies:
            count += f" (+{copies} {'copy' if copies == 1 else 'copies'}, not counted)"
        words = sum(len(s.text.split()) for s in self.briefing.summary)
        sentences = len(self.briefing.summary)
        return (
            f"{count} · {sentences} summary sentence{'s' if sentences != 1 else ''} · {words} words"
        )

    def facts_by_support(self) -> list[Any]:
        """Facts, the most widely stated first (copies counted once); ties in briefing order."""
        return sorted(self.briefing.facts, key=lambda f: -len(self.cited(f.sources).counted))

    def split(self, items: Sequence[Any], section: str) -> tuple[list[Any], list[Any]]:
        return split(items, section, full=False)


def marked_text(source: SourceSummary) -> Markup:
    """The source text with each sentence in a span that citations can highlight."""
    parts: list[str] = []
    cursor = 0
    text = source.text
    for index, span in enumerate(source.sentences):
        start = max(span["start"], cursor)
        parts.append(str(escape(text[cursor:start])))
        sentence = escape(text[start : span["end"]])
        anchor = escape(f"s-{source.id}-{index}")  # a link to the sentence: #s-ID-N
        parts.append(f'<span class="sent" id="{anchor}" data-index="{index}">{sentence}</span>')
        cursor = max(cursor, span["end"])
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def by_speaker(quotes: Sequence[QuoteGroup]) -> list[tuple[str | None, list[QuoteGroup]]]:
    """Quotes grouped by speaker: the most quoted first, the unattributed last."""
    groups: dict[str | None, list[QuoteGroup]] = {}
    for quote in quotes:
        groups.setdefault(quote.speaker or None, []).append(quote)
    return sorted(groups.items(), key=lambda item: (item[0] is None, -len(item[1])))


def unquote(text: str) -> str:
    """A quotation without the quotation marks the page puts round it."""
    return text.strip().strip('"\u201c\u201d').strip()


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked_text"] = marked_text
    env.filters["groupby_speaker"] = by_speaker
    env.filters["unquote"] = unquote
    return env


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """A file of ``render/assets`` (the stylesheet and the interaction script)."""
    return files("accord.render").joinpath(f"assets/{name}").read_text("utf-8")


def context(briefing: Briefing) -> dict[str, Any]:
    """What every template sees: the briefing ``b``, its :class:`View` ``v``, and the
    helpers the section partials call by name."""
    view = View.of(briefing)
    return {
        "b": briefing,
        "v": view,
        "cited": view.cited,
        "split": view.split,
        "reports": view.reports,
        "most": view.most,
        # the positions and coverage partials
        "denials": denials,
        "marks": MARKS,
        "legend": LEGEND,
        "other_values": other_values,
    }


def to_fragment(briefing: Briefing) -> str:
    """The briefing as an HTML fragment: what the web app inserts into its page."""
    return _environment().get_template("briefing-body.html.j2").render(context(briefing))


def to_html(briefing: Briefing) -> str:
    """One self-contained page: the fragment with the stylesheet and the script inlined.

    Long sections show their top entries and keep the rest one click away (<details>).
    """
    return (
        _environment()
        .get_template("briefing.html.j2")
        .render(
            context(briefing),
            page=True,
            css=Markup(asset("accord.css")),
            script=Markup(asset("briefing.js")),
        )
    )
