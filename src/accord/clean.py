"""Clean: strip page furniture from a document and keep its reporting.

HTML goes through trafilatura (the best extractor we measured) and what it left out is
listed under ``removed``. Plain text, which is often scraped text with the furniture still
in it, is cleaned line by line with rules for ads, captions and credits, related-headline
lists, tag lines, newsletter and subscription blurbs, copyright lines and "Source:" tails.
Every dropped line is kept in ``Document.removed`` with its reason, so a reader can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord import provenance
from accord.model import Document, Removal

ADVERT = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|ad|story continues below"
    r"( advertisement)?|continue reading( below)?|scroll to continue.*)\W*$",
    re.I,
)
CAPTION = re.compile(
    r"(\b(photo|photograph|picture|image|credit|video|graphic)s?( credit)?\s*[:/]\s*"
    r"[\w .,&'’-]{0,60}$)|(\((photo|picture|image)[^)]{0,60}\)\s*$)"
    r"|(\b(getty images|afp|ap photo|reuters|epa|shutterstock)(\s*/\s*[\w .]+)?\s*$)",
    re.I,
)
PROMO = re.compile(
    r"\b(subscri(be|ption)|newsletter|sign up|sign-up|editorial charter|follow us|"
    r"download (our|the) app|stay informed|read more:|click here|share this|"
    r"all rights reserved|copyright|©|terms of (use|service)|privacy policy|"
    r"related (articles|stories|coverage)|most (read|popular)|recommended for you|"
    r"listen (to|again)|watch (the )?(full|video|live))\b",
    re.I,
)
CREDIT = re.compile(
    r"^\(?\s*(reporting|writing|editing|additional reporting) by\b.{0,200}\)?$", re.I
)
SOURCE_TAIL = re.compile(
    r"^\s*(source|sources|via|with reporting by|reporting by)\s*:\s*(.{1,80})$", re.I
)
# A video player's notice that crawls keep at the head of the story's first line ("Please
# enable Javascript to watch this video Flora, Ind. --"): cut it, keep the rest.
PLAYER_NOTICE = re.compile(
    r"^\s*(?:please\s+enable\s+javascript\s+to\s+(?:watch|view)\s+this\s+video"
    r"|your\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|html5\s+video)(?:\s+tag)?"
    r"|this\s+video\s+is\s+(?:not|no\s+longer)\s+available)[.:]?\s+",
    re.I,
)
AGENCY_TAG = provenance.AGENCY_LINE  # "– (Reuters)" on a line of its own

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # the Document.meta["date"] contract
BLANK_RUN = re.compile(r"\n{3,}")
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")

MAX_TITLE_WORDS = 20
MAX_HEADLINE_WORDS = 14


@dataclass(slots=True)
class Cleaned:
    text: str
    title: str | None
    removed: list[Removal]
    meta: dict[str, str]


def _words(line: str) -> list[str]:
    return line.split()


def is_headline_like(line: str) -> bool:
    """Short, no sentence-final punctuation: a headline, a subhead or a link text."""
    words = _words(line)
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not TERMINAL.search(line)


def is_tag_line(line: str) -> bool:
    """Lower-case keyword lists such as "vladimir putin russia"."""
    words = _words(line)
    return (
        1 < len(words) <= 8
        and line == line.lower()
        and not TERMINAL.search(line)
        and all(w.isalpha() for w in words)
    )


def line_reason(line: str) -> str | None:
    """Why a single line is page furniture, or None if it may be reporting."""
    stripped = line.strip()
    if ADVERT.match(stripped):
        return "advertisement"
    if AGENCY_TAG.match(stripped) or CREDIT.match(stripped):
        return "credit line"
    if SOURCE_TAIL.match(stripped):
        return "source line"
    if CAPTION.search(stripped) and len(_words(stripped)) <= 60:
        return "photo caption or credit"
    if PROMO.search(stripped) and len(_words(stripped)) <= 40:
        return "subscription, promotion or copyright"
    if is_tag_line(stripped):
        return "tag line"
    return None


def _related_runs(lines: list[str], keep: set[int]) -> dict[int, str]:
    """Runs of two or more headline-like lines in a row are lists of other stories."""
    reasons: dict[int, str] = {}
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if line.strip() and is_headline_like(line) and i not in keep:
            run.append(i)
            continue
        if line.strip() or not run:
            if len(run) >= 2:
                reasons.update(dict.fromkeys(run, "list of other headlines"))
            run = []
    return reasons


def _promo_blocks(lines: list[str], reasons: dict[int, str]) -> None:
    """A block of consecutive lines that holds a subscription blurb is one blurb.

    Only in documents that separate paragraphs with blank lines; elsewhere each line is
    a paragraph and the rule would swallow real reporting.
    """
    if "" not in (line.strip() for line in lines):
        return
    start = 0
    for i, line in enumerate([*lines, ""]):
        if line.strip():
            continue
        block = range(start, i)
        if any(reasons.get(j) == "subscription, promotion or copyright" for j in block):
            for j in block:
                reasons.setdefault(j, "subscription, promotion or copyright")
        start = i + 1


def clean_text(raw: str) -> Cleaned:
    """Clean plain text; the first headline-like line becomes the title."""
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    notices: list[Removal] = []
    for i, line in enumerate(lines):
        if notice := PLAYER_NOTICE.match(line):
            notices.append(Removal(text=notice.group().strip(), reason="video player notice"))
            lines[i] = line[notice.end() :]
    reasons: dict[int, str] = {}
    position = 0  # lines with text so far: bylines and date lines are read near the top only
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if reason := provenance.line_kind(line, position) or line_reason(line):
            reasons[i] = reason
        position += 1

    title_index = next(
        (i for i, line in enumerate(lines) if line.strip() and i not in reasons), None
    )
    title = None
    keep: set[int] = set()
    if (
        title_index is not None
        and len(_words(lines[title_index])) <= MAX_TITLE_WORDS
        and not (lines[title_index].rstrip().endswith("."))
    ):
        title = lines[title_index].strip()
        keep = {title_index, title_index + 1}  # the standfirst often follows the title
    for i, reason in _related_runs(lines, keep).items():
        reasons.setdefault(i, reason)
    _promo_blocks(lines, reasons)

    seen: set[str] = set()
    removed: list[Removal] = notices
    kept: list[str] = []
    for i, line in enumerate(lines):
        key = " ".join(line.split()).lower()
        if not key:
            kept.append("")
            continue
        reason = reasons.get(i)
        if reason is None and key in seen and len(_words(line)) > 0:
            reason = "repeated line"
        seen.add(key)
        if reason:
            removed.append(Removal(text=line.strip(), reason=reason))
        else:
            kept.append(line.strip())
    text = BLANK_RUN.sub("\n\n", "\n".join(kept)).strip()
    meta = provenance.read_lines(lines, text)
    return Cleaned(text=text, title=title, removed=removed, meta=meta)


def clean_html(raw: str, url: str | None = None) -> Cleaned:
    """Extract the article with trafilatura; list the page's other text blocks as removed."""
    import trafilatura  # imported here: loading it costs time only when HTML is given

    extracted = trafilatura.bare_extraction(
        raw,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        # Only a date the page states for itself: no guessing from copyright lines or URLs.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (extracted.text if extracted else "") or ""
    cleaned = clean_text(body)
    meta: dict[str, str] = {}
    title = None
    if extracted:
        title = extracted.title
        for key, value in (
            ("outlet", extracted.sitename),
            ("date", extracted.date),
            ("url", extracted.url or url),
            ("author", extracted.author),
        ):
            if value and (key != "date" or ISO_DAY.match(str(value))):
                meta[key] = str(value).strip()
    meta.update({k: v for k, v in cleaned.meta.items() if k not in meta})
    text = cleaned.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    removed = _html_leftovers(raw, text) + cleaned.removed
    return Cleaned(text=text, title=title or cleaned.title, removed=removed, meta=meta)


BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "figcaption", "blockquote", "td", "dd", "dt")


def _html_leftovers(raw: str, kept_text: str) -> list[Removal]:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(raw)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    kept = " ".join(kept_text.split())
    removed: list[Removal] = []
    seen: set[str] = set()
    for element in tree.iter(*BLOCK_TAGS):
        if any(a.tag in ("script", "style", "noscript") for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if len(text) < 3 or text in seen or text in kept:
            continue
        seen.add(text)
        reason = (
            "photo caption or credit"
            if element.tag == "figcaption"
            else (line_reason(text) or "outside the article")
        )
        removed.append(Removal(text=text, reason=reason))
    return removed


def clean(doc: Document) -> Document:
    """Fill ``text``, ``title``, ``removed``, ``meta`` and ``dateline`` of a document from
    its raw input."""
    cleaned = clean_html(doc.raw, doc.meta.get("url")) if doc.is_html else clean_text(doc.raw)
    doc.text = cleaned.text
    doc.title = doc.title or cleaned.title
    doc.removed = cleaned.removed
    doc.dateline = provenance.dateline(doc.text)
    for key, value in cleaned.meta.items():
        doc.meta.setdefault(key, value)
    return doc
