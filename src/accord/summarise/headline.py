"""Headline and key points: what a story page shows first, chosen from the sources.

**Headline.** One source's title, never a written one: of the titles of the original
reports (copies are not counted), the one whose content words the other reports state
most (the share of its words found in each other report, averaged), so the headline is
the title best supported by the whole coverage rather than one outlet's angle; ties go
to the shorter title, then to input order. A title that ends with its own outlet's name
("... - The Daily Planet") is shown without it, which deletes words and adds none. Titles
of fewer than ``MIN_TITLE_WORDS`` words are section names or fragments and are not
chosen.

Where no source has a title (plain text pasted without one, most of Multi-News), the
headline is the *lead* of the most representative report: of the opening sentences, the
one most similar to the other reports, lightly compressed (:mod:`.compress`), with its
evidence, if it is short enough to read as a headline (``MAX_LEAD_WORDS``); otherwise
there is none (None): a long first sentence is the summary's job, and a headline cut
down to size would be words no source wrote.

**Key points.** Three to five sentences of the summary (so each is a cited source sentence,
compressed as the summary shows it, with the summary's sources and evidence): the ones
stated by the most reports, ties broken by the summary's own order (which follows the
scorer's choice), leaving out questions, sentences longer than ``MAX_POINT_WORDS``
(unless fewer than three would remain) and the headline's own sentence. A summary of
fewer than three sentences gives fewer key points: none is made up to fill the list.
"""

from __future__ import annotations

import re

from accord.analyse.terms import content_terms
from accord.compare.citations import citations
from accord.compare.support import canonical_sources
from accord.model import Cluster, Document, Headline, Sentence, SummarySentence
from accord.summarise.compress import compress

MIN_TITLE_WORDS = 3
MAX_LEAD_WORDS = 30
MAX_POINT_WORDS = 45
MAX_POINTS = 5
MIN_POINTS = 3
TITLE_TAIL = re.compile(r"\s+[-|–—:]\s+(?P<tail>[^-|–—:]{2,60})$")


def _title(doc: Document) -> str | None:
    """The document's title, without a trailing " - <its outlet>"."""
    title = " ".join((doc.title or "").split())
    outlet = (doc.meta.get("outlet") or "").strip().lower()
    if outlet and (match := TITLE_TAIL.search(title)) and match["tail"].strip().lower() == outlet:
        title = title[: match.start()].rstrip()
    return title if len(title.split()) >= MIN_TITLE_WORDS else None


def _support(words: set[str], others: list[set[str]]) -> float:
    """The average share of ``words`` each other report states."""
    if not words or not others:
        return 0.0
    return sum(len(words & other) / len(words) for other in others) / len(others)


def choose_headline(cluster: Cluster) -> Headline | None:
    """The best-supported title, else a short representative lead, else None."""
    originals = [d for d in cluster.documents if not d.duplicate_of]
    vocab = {d.id: {t for s in d.sentences for t in s.terms} for d in originals}
    titled = [(d, t) for d in originals if (t := _title(d))]
    if titled:

        def score(item: tuple[Document, str]) -> tuple[float, int]:
            doc, title = item
            others = [vocab[d.id] for d in originals if d is not doc]
            return (_support(set(content_terms(title)), others), -len(title.split()))

        _, title = max(titled, key=score)  # max keeps the first of equals: input order
        same = [d.id for d, t in titled if t.lower() == title.lower()]
        return Headline(text=title, kind="title", sources=canonical_sources(cluster, same))
    return _lead(cluster, originals)


def _first_sentence(doc: Document) -> Sentence | None:
    return next((s for s in doc.sentences if not s.heading and len(s.text.split()) >= 6), None)


def _lead(cluster: Cluster, originals: list[Document]) -> Headline | None:
    space = cluster.space
    leads = [s for d in originals if (s := _first_sentence(d)) is not None]
    if not leads or not space.refs:
        return None

    def centrality(sentence: Sentence) -> float:
        row = space.row(space.index(sentence.ref))
        best: dict[str, float] = {}
        for k, ref in enumerate(space.refs):
            if ref.doc_id != sentence.doc_id:
                best[ref.doc_id] = max(best.get(ref.doc_id, 0.0), float(row[k]))
        return sum(best.values()) / max(1, len(originals) - 1)

    lead = max(leads, key=centrality)
    text = compress(lead.text)
    if len(text.split()) > MAX_LEAD_WORDS:
        return None
    # cited as the summary is: never by a source that gives another value for it
    ((sources, cited),) = citations(cluster, [lead.ref])
    return Headline(text=text, kind="lead", sources=sources, evidence=cited)


def key_points(cluster: Cluster, headline: Headline | None) -> list[SummarySentence]:
    """Three to five summary sentences, the most widely stated first."""
    shown = headline.text if headline and headline.kind == "lead" else None
    candidates = [
        (n, s)
        for n, s in enumerate(cluster.summary)
        if not s.text.rstrip(" ”\"'’").endswith("?") and s.text != shown
    ]
    short = [(n, s) for n, s in candidates if len(s.text.split()) <= MAX_POINT_WORDS]
    pool = short if len(short) >= MIN_POINTS else candidates
    ranked = sorted(pool, key=lambda item: (-len(item[1].sources), item[0]))
    return [s for _, s in ranked[:MAX_POINTS]]
