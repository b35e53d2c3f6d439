"""The JSON the API accepts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from accord.model import DEFAULT_WORDS

MIN_WORDS = 10
MAX_WORDS = 5000


class SourceIn(BaseModel):
    """One report: plain text in ``text`` or a web page in ``html`` (exactly one)."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(
        default=None,
        max_length=200,
        description="Name shown in citations; S1, S2, ... when left out.",
        examples=["reuters"],
    )
    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(default=None, description="The article as an HTML page.")

    @model_validator(mode="after")
    def one_body(self) -> SourceIn:
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" or "html"')
        return self


class BriefRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[SourceIn] = Field(min_length=1, description="The reports of one event.")
    words: int = Field(default=DEFAULT_WORDS, ge=MIN_WORDS, le=MAX_WORDS)


class RenderRequest(BriefRequest):
    format: Literal["json", "md", "html", "text"] = Field(
        default="json", description="json | md | html | text"
    )
