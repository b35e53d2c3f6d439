"""The briefing as a rich terminal view."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.model import Briefing


def _citations(sources: list[str]) -> Text:
    return Text(" " + " ".join(f"[{s}]" for s in sources), style="cyan")


def renderables(briefing: Briefing) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for note in briefing.notes:
        parts.append(Text(f"Note: {note}", style="yellow"))
    summary = Text()
    for sentence in briefing.summary:
        summary.append(sentence.text)
        summary.append_text(_citations(sentence.sources))
        summary.append("\n")
    parts.append(Panel(summary, title="Summary", title_align="left", border_style="blue"))
    if briefing.discrepancies:
        table = Table(title="Where the sources differ", title_justify="left", expand=True)
        table.add_column("about", style="bold")
        table.add_column("variant")
        table.add_column("sources", style="cyan")
        for d in briefing.discrepancies:
            for n, v in enumerate(d.variants):
                table.add_row(d.about if n == 0 else "", v.text, ", ".join(v.sources))
        parts.append(table)
    if briefing.facts:
        table = Table(title="Facts", title_justify="left", expand=True)
        for column in ("kind", "fact", "sources"):
            table.add_column(column)
        for f in briefing.facts:
            table.add_row(f.kind, f.text, f"{len(f.sources)}: {', '.join(f.sources)}")
        parts.append(table)
    if briefing.quotes:
        table = Table(title="Who said what", title_justify="left", expand=True)
        table.add_column("speaker", style="bold")
        table.add_column("quote")
        table.add_column("sources", style="cyan")
        for q in briefing.quotes:
            table.add_row(
                q.speaker or "unattributed", f"\u201c{q.text}\u201d", ", ".join(q.sources)
            )
        parts.append(table)
    if briefing.single_source:
        table = Table(title="Claims made by one source only", title_justify="left", expand=True)
        table.add_column("claim")
        table.add_column("source", style="cyan")
        for c in briefing.single_source:
            table.add_row(c.text, c.source)
        parts.append(table)
    return parts


def show(briefing: Briefing, console: Console | None = None) -> None:
    (console or Console()).print(Group(*renderables(briefing)))


def to_text(briefing: Briefing, width: int = 100) -> str:
    buffer = io.StringIO()
    show(briefing, Console(file=buffer, width=width, color_system=None, force_terminal=False))
    return buffer.getvalue()
