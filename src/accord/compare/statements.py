"""Which parts of a sentence state something, and which are page furniture.

Photo captions ("... ( associated press ) a soldier stands guard ... monday, march 3,
2014"), video pages' "published on" lines and the dateline before a story's first words
("SAN FRANCISCO (AP) —") are written to a template: two outlets' captions of different
photos, or their datelines, line up word for word and differ in exactly the place and day
a detector looks at. None of them is a claim about the event, so no value in them is
compared. The sentence splitter often leaves a caption joined to the sentence after it
("... ( associated press ) jerusalem ( ap ) — two gunmen opened fire ..."), so furniture
is a span of the sentence, not the whole of it.
"""

from __future__ import annotations

import re

from accord.model import Sentence
from accord.provenance import AGENCY_NAMES

BARE_DATELINE = re.compile(r"\s*(?:[\w.,'’-]+\s+){1,3}?[-–—]+\s*")
# The wire agencies provenance knows, and the broadcasters and picture credits that open
# or close copy in brackets ("( cnn ) --", "( ap photo/john doe )").
AGENCY = rf"(?:{AGENCY_NAMES}|cnn|rns|getty images|ap photo[^)]*)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
MONTH = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april"
    r"|june|july|august|september|october|november|december)\.?"
)
# Spans that are furniture wherever they stand in a sentence.
FURNITURE = re.compile(
    # "image caption", "media caption", "image copyright getty images", "file photo:"
    r"\b(?:image|media|photo|video) (?:caption|copyright(?: \w+){0,2})\b"
    r"|\b(?:file )?photo\s*[:|]"
    r"|\(\s*(?:ap|afp|reuters|getty)? ?photo[^)]*\)"
    # "in this sept. 10, 2014 file photo": the day a photo was taken, not the story's
    r"|\bin this (?:[\w.,]+\s+){0,4}?(?:file |undated )?(?:photo|image|picture)\b"
    # "in this handout picture provided by sana on april 13, 2017": the day it was handed out
    r"(?:\s+(?:provided|released|distributed|taken)\s+by\s+(?:[\w.'’-]+\s+){1,4}?on\s+"
    + MONTH
    + r"\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4})?"
    # "file - this feb. 10, 2013 file photo provided by kalin hill shows": the photo's day
    r"|\bthis\s+(?:[\w.,]+\s+){0,4}?(?:file\s+)?(?:photo|image|picture)\s+(?:provided|released|"
    r"taken|distributed)\s+by\b[^.;]{0,80}?\bshows\b"
    # "Feb. 14, 2013: in this file photo the ship is towed": a dated caption's head
    r"|\b" + MONTH + r"\s*\d{1,2},?\s*\d{4}\s*:\s*in\s+this\b"
    # "a policeman stands outside the restaurant in salisbury, england wednesday, march 7,
    # 2018": an AP caption's present tense and the full day the picture was taken
    r"|\b(?:stands?|sits?|walks?|poses?|gestures?|speaks?|arrives?|waves?|looks\s+on)\b"
    r"[^.;]{0,120}?\b" + WEEKDAY + r",\s*" + MONTH + r"\s*\d{1,2},\s*\d{4}\b"
    # "the dormitory, is photographed on the campus on thursday": a caption's verb, and the
    # day the picture was taken, not the story's
    r"|\b(?:is|are|was|were)\s+(?:photographed|pictured)\b[^.;]{0,80}?\bon\s+" + WEEKDAY + r"\b"
    # a live blog's entry time: "the latest on the nominee ( all times local ): 4: 10 p.m."
    r"|\(\s*all times local\s*\)\s*:?\s*\d{1,2}\s*:\s*\d{2}\s*[ap]\.?\s*m\b\.?"
    # "published on oct 25, 2016", "updated: march 3, 2014", "published tuesday, july 28, 2015"
    # "( d-calif. )", "(R-Ky.)": a lawmaker's party and state, part of the name
    r"|\(\s*[dri]\s*-\s*[a-z.]+\s*\)"
    r"|\b(?:published|updated|posted)\s*(?:on\s*)?:?\s*(?:"
    + WEEKDAY
    + r",?\s*)?"
    + MONTH
    + r"\s*\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}",
    re.I,
)
# A caption joined to the sentence after it ends in "... ( associated press )".
CAPTION_END = re.compile(
    r"\.\.\.\s*\(\s*" + AGENCY + r"\s*\)|\([^()]{0,60}(?:getty images|ap photo|afp)[^()]{0,20}\)",
    re.I,
)
# An AP photo caption ends in the day the photo was taken: "..., monday, march 3, 2014."
CAPTION_DATE = re.compile(
    r"(?:,\s*|\s)(?:on\s+)?" + WEEKDAY + r",\s*" + MONTH + r"\s*\d{1,2},\s*\d{4}\s*[.)]?\s*$", re.I
)
# "san francisco ( ap ) —", "( cnn ) --", "Baghdad (Reuters) -": at most five words, then
# an agency in brackets (and a dash), at the start of a sentence or after a caption.
DATELINE = re.compile(
    r"\s*(?:[\w.,'’-]+\s+){0,5}?\(\s*" + AGENCY + r"\s*\)\s*(?:[-–—]+|:)?\s*", re.I
)
# "washington, july 10 --", "roswell, n.m., march 29 ( kcna ) --", "thursday, nov. 10,
# 2016 --", "July 10 (Reuters) -": the day the copy was filed, with its town and any
# credit, then a dash. That day is the article's, not the event's: two reports filed on
# different days (or a report dated the day after the fire) do not disagree about it.
DATED_DATELINE = re.compile(
    r"\s*(?P<town>(?:[\w.'’-]+(?:\s+[\w.'’-]+){0,3},\s*){0,3}?)(?:"
    + WEEKDAY
    + r",?\s*)?"
    + MONTH
    + r"\s*\d{1,2}(?:st|nd|rd|th)?(?P<year>,?\s*\d{4})?\s*(?P<credit>\([^()]{1,40}\)\s*)?"
    r"[-–—]+\s",
    re.I,
)


# A caption told as one: "This image provided by the state police shows ...", "File photo:
# a man appears in a booking photo provided by ...": a picture's line, with its own day.
CAPTION_OPENING = re.compile(
    r"^\W*(?:(?:this|the|an?)\s+(?:undated\s+|handout\s+|file\s+)?(?:image|photo|photograph|"
    r"picture|frame\s+grab|booking\s+photo|mug\s*shot)\s+(?:(?:provided|released|"
    r"distributed|taken|obtained)\s+(?:by|from)\s+[^.;]{1,80}?\s+)?shows\b"
    r"|(?:file|handout)\s+(?:photo|image|picture)\s*[:|-])",
    re.I,
)
# Longer, and the splitter has joined the caption to the story's next sentence.
CAPTION_WORDS = 40


def furniture(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans (offsets in the sentence's text) of captions, datelines and page lines."""
    text = sentence.text
    if CAPTION_DATE.search(text) or (
        CAPTION_OPENING.match(text) and len(text.split()) <= CAPTION_WORDS
    ):
        return [(0, len(text))]  # the whole sentence is a photo's caption
    spans = [m.span() for m in FURNITURE.finditer(text)]
    head = 0
    for match in CAPTION_END.finditer(text):
        head = match.end()
    dateline = DATELINE.match(text, head) or _dated_dateline(sentence, head)
    if dateline:
        head = dateline.end()
    elif head:  # after a caption's credit: "... ( afp/getty images ) washington –"
        bare = BARE_DATELINE.match(text, head)
        head = bare.end() if bare else head
    if head:
        spans.append((0, head))
    return spans


def _dated_dateline(sentence: Sentence, head: int) -> re.Match[str] | None:
    """A dated dateline at ``head``; a bare "August 7 --" (no town, year or credit) only
    where it opens the document: further down it may be an entry of a timeline, whose
    day is the event's."""
    match = DATED_DATELINE.match(sentence.text, head)
    if match is None or match["town"] or match["year"] or match["credit"]:
        return match
    return match if sentence.index == 0 and head == 0 else None


def only_in_furniture(sentence: Sentence, value_text: str) -> bool:
    """Whether a value written ``value_text`` stands in the sentence only inside its
    furniture (a caption, a dateline): then it is no claim of the sentence."""
    spans = furniture(sentence)
    if not spans or not value_text:
        return False
    lowered, needle = sentence.text.lower(), value_text.lower()
    at = [m.start() for m in re.finditer(re.escape(needle), lowered)]
    if not at:
        return False
    return all(any(s <= k and k + len(needle) <= e for s, e in spans) for k in at)
