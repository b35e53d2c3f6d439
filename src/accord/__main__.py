"""``python -m accord`` and the ``accord`` command.

The command line is imported inside :func:`run`, so that a Ctrl-C while Accord's modules
load (about a second, longer on a busy machine) says "accord: interrupted" and exits 130,
as it does once the command runs, instead of showing a traceback.
"""

from __future__ import annotations

import os
import sys


def run() -> None:
    try:
        from accord.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("accord: interrupted\n")
        sys.stderr.flush()
        # Nothing has started yet. A plain exit here can still end by SIGINT (status -2):
        # the interpreter marks an interrupt that came through an import as unhandled.
        os._exit(130)
    main()


if __name__ == "__main__":  # not when a worker process (spawn) imports this module
    run()
