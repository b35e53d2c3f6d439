"""The briefing as Markdown, with citations as [source] tags after each statement.

Every piece of source text is escaped: HTML in a source (``<script>``, ``<img onerror>``)
comes out as text, never as markup a Markdown viewer would render, and Markdown syntax in
a source (links, code, table bars) stays literal. The file holds every entry of every
section; copies of a report (duplicates) are not counted as support.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from accord.model import Briefing
from accord.render.common import (
    LEGEND,
    MARKS,
    Support,
    denials,
    originals,
    other_values_note,
    support,
)

# Markdown punctuation that could turn source text into links, images, code or emphasis
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Source text as literal Markdown on one line."""
    # "&" only where it would start an entity: "AT&T" stays readable, "&lt;" stays literal
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = " ".join(text.split())  # one line: a newline could start a heading or a list
    # a heading, quote or list marker at the start: escape the punctuation ("2011\\." keeps
    # the number, a backslash before a digit would show)
    return _LINE_START.sub(_escape_marker, text, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    return f"{lead}{marker}\\" if marker[0].isdigit() else f"{lead}\\{marker}"


def cite(cited: Support) -> str:
    # plain brackets: with every "[" in source text escaped, no reference link can match
    tags = " ".join(f"[{escape(s)}]" for s in cited.counted)
    also = f" (also in {', '.join(escape(s) for s in cited.also)})" if cited.also else ""
    return tags + also


def claimants_note(claimants: list[str]) -> str:
    return f" — {escape(', '.join(claimants))}" if claimants else ""


def positions(briefing: Briefing, cites: Callable[[list[str]], str]) -> list[str]:
    """Who claims what: each party's statements, then denials beside what they answer."""
    if not briefing.positions:
        return []
    lines = ["## Who claims what", ""]
    for p in briefing.positions:
        speakers = f" (speaking: {escape(', '.join(p.speakers))})" if p.speakers else ""
        lines += [f"### {escape(p.party)}{speakers}", ""]
        for s in p.statements:
            mark = " **(denial)**" if s.denial else ""
            who = f"{escape(s.speaker)} " if s.speaker else ""
            cue = f"_{escape(s.cue)}_ " if s.cue else ""
            lines.append(f"- {who}{cue}{escape(s.text)}{mark} {cites(s.sources)}")
        lines.append("")
    answered = denials(briefing)
    if answered:
        lines += ["### Denials and rebuttals", "", "| denial | answers |", "| --- | --- |"]
        for party, s in answered:
            answers = "—"
            if s.answers:
                said = f": {escape(s.answers.text)}" if s.answers.text else ""
                answers = f"**{escape(s.answers.party)}**{said}"
            who = f" ({escape(s.speaker)})" if s.speaker else ""
            cue = f" {escape(s.cue)}" if s.cue else ""
            denial = f"**{escape(party)}**{who}{cue}: {escape(s.text)}"
            lines.append(f"| {denial} {cites(s.sources)} | {answers} |")
        lines.append("")
    return lines


def coverage(briefing: Briefing) -> list[str]:
    """The coverage grid: a row per key fact or claim, a column per report (numbered, the
    numbers named below the table)."""
    grid = briefing.coverage
    if grid is None or not grid.rows or not grid.columns:
        return []
    numbers = " | ".join(str(n) for n in range(1, len(grid.columns) + 1))
    lines = [
        "## Coverage: who states what",
        "",
        f"| key point | {numbers} |",
        "| --- |" + " :-: |" * len(grid.columns),
    ]
    for row in grid.rows:
        about = f"{escape(row.about)}: " if row.kind == "discrepancy" else ""
        label = f"{about}{escape(row.text)}{claimants_note([row.claimant] if row.claimant else [])}"
        if row.kind == "discrepancy" and other_values_note(row):
            label += f" ({escape(other_values_note(row))})"
        lines.append(f"| {label} | " + " | ".join(MARKS[c.state] for c in row.cells) + " |")
    lines += ["", f"{LEGEND}."]
    for n, column in enumerate(grid.columns, 1):
        also = f" (also in {', '.join(escape(a) for a in column.also)})" if column.also else ""
        name = escape(column.label)
        named = name if column.label == column.source else f"{name} [{escape(column.source)}]"
        lines.append(f"{n}. {named}{also}")
    lines.append("")
    return lines


def to_markdown(briefing: Briefing) -> str:
    roots = originals(briefing)

    def cites(sources: list[str]) -> str:
        return cite(support(sources, roots))

    lines: list[str] = ["# Briefing", ""]
    titles = [s.title for s in briefing.sources if s.title]
    if titles:
        lines += [f"_{escape(titles[0])}_", ""]
    for note in briefing.notes:
        lines += [f"> Note: {escape(note)}", ""]
    lines += ["## Summary", ""]
    summary = briefing.summary
    lines += [
        f"{escape(s.text)}{claimants_note(s.claimants)} {cites(s.sources)}" for s in summary
    ] or ["(no summary)"]
    lines.append("")
    lines += positions(briefing, cites)
    if briefing.discrepancies:
        lines += ["## Where the sources differ", ""]
        for d in briefing.discrepancies:
            lines.append(f"**{escape(d.about)}**")
            lines.append("")
            for v in d.variants:
                claimed = f" — {escape(v.claimant)}" if v.claimant else ""
                lines.append(f"- {escape(v.text)}{claimed} {cites(v.sources)}")
                lines += [f"  - _{escape(e.source)}_: {escape(e.text)}" for e in v.evidence]
            lines.append("")
    if briefing.facts:
        lines += ["## Facts", "", "| kind | fact | sources |", "| --- | --- | --- |"]
        for f in briefing.facts:
            found = support(f.sources, roots)
            claimed = f" — {escape(f.claimant)}" if f.claimant else ""
            lines.append(
                f"| {escape(f.kind)} | {escape(f.text)}{claimed} | {escape(found.label())} |"
            )
        lines.append("")
    if briefing.quotes:
        lines += ["## Quotes", ""]
        for q in briefing.quotes:
            speaker = escape(q.speaker) if q.speaker else "unattributed"
            lines.append(f"- **{speaker}**: \u201c{escape(q.text)}\u201d {cites(q.sources)}")
        lines.append("")
    lines += coverage(briefing)
    if briefing.single_source:
        lines += ["## Claims made by one source only", ""]
        lines += [f"- {escape(c.text)} [{escape(c.source)}]" for c in briefing.single_source]
        lines.append("")
    lines += ["## Sources", ""]
    for s in briefing.sources:
        title = f": {escape(s.title)}" if s.title else ""
        extra = f" (duplicate of {escape(s.duplicate_of)}, not counted)" if s.duplicate_of else ""
        blocks = "block" if len(s.removed) == 1 else "blocks"
        lines.append(
            f"- **{escape(s.id)}**{title}{extra} ({len(s.removed)} {blocks} removed in cleaning)"
        )
    return "\n".join(lines).rstrip() + "\n"
