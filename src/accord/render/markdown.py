"""The briefing as Markdown, with citations as [source] tags after each statement."""

from __future__ import annotations

from accord.model import Briefing


def cite(sources: list[str]) -> str:
    return " ".join(f"[{s}]" for s in sources)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(briefing: Briefing) -> str:
    lines: list[str] = ["# Briefing", ""]
    titles = [s.title for s in briefing.sources if s.title]
    if titles:
        lines += [f"_{titles[0]}_", ""]
    for note in briefing.notes:
        lines += [f"> Note: {note}", ""]
    lines += ["## Summary", ""]
    lines += [f"{s.text} {cite(s.sources)}" for s in briefing.summary] or ["(no summary)"]
    lines.append("")
    if briefing.discrepancies:
        lines += ["## Where the sources differ", ""]
        for d in briefing.discrepancies:
            lines.append(f"**{d.about}**")
            lines.append("")
            for v in d.variants:
                lines.append(f"- {v.text} {cite(v.sources)}")
                lines += [f"  - _{e.source}_: {e.text}" for e in v.evidence]
            lines.append("")
    if briefing.facts:
        lines += ["## Facts", "", "| kind | fact | sources |", "| --- | --- | --- |"]
        lines += [
            f"| {f.kind} | {_escape(f.text)} | {', '.join(f.sources)} |" for f in briefing.facts
        ]
        lines.append("")
    if briefing.quotes:
        lines += ["## Quotes", ""]
        for q in briefing.quotes:
            lines.append(
                f"- **{q.speaker or 'unattributed'}**: \u201c{q.text}\u201d {cite(q.sources)}"
            )
        lines.append("")
    if briefing.single_source:
        lines += ["## Claims made by one source only", ""]
        lines += [f"- {c.text} [{c.source}]" for c in briefing.single_source]
        lines.append("")
    lines += ["## Sources", ""]
    for s in briefing.sources:
        title = f": {s.title}" if s.title else ""
        extra = f" (duplicate of {s.duplicate_of})" if s.duplicate_of else ""
        blocks = "block" if len(s.removed) == 1 else "blocks"
        lines.append(f"- **{s.id}**{title}{extra} ({len(s.removed)} {blocks} removed in cleaning)")
    return "\n".join(lines).rstrip() + "\n"
