"""Errors a user can act on. The CLI prints them as one line and exits non-zero."""

from __future__ import annotations


class AccordError(Exception):
    """Base class for problems with the user's input or request."""


class InputError(AccordError):
    """A source that cannot be read or used, named in the message."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
