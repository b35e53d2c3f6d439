"""Errors a user can act on. The CLI prints them as one line and exits non-zero."""

from __future__ import annotations

import os
import sys
from typing import NoReturn


class AccordError(Exception):
    """Base class for problems with the user's input or request."""


class InputError(AccordError):
    """A source that cannot be read or used, named in the message."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


def exit_interrupted() -> NoReturn:
    """Say the run was interrupted and exit 130 (Ctrl-C), from the command line or while
    its modules load. Files being written were already removed or left as they were while
    the interrupt unwound. A plain ``sys.exit`` here can still end the process by SIGINT
    (status -2) when the interrupt came through an import (the interpreter marks it
    unhandled), so the exit is immediate, after flushing."""
    sys.stderr.write("accord: interrupted\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)
