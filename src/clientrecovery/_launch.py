"""The ``clientrecovery`` console script and ``python -m clientrecovery`` (private).

The command line's own modules are imported inside the guard, so that Ctrl-C while Python is
still loading them ends as any interruption does ("interrupted", exit 130), not with a
traceback.
"""

from __future__ import annotations

import sys

__all__ = ["run"]

_INTERRUPTED = 130  # clientrecovery.cli.EXIT["interrupted"], before that module is loaded


def run() -> None:
    """Run the command line and exit with its status."""
    try:
        from clientrecovery.cli import main

        status = main()
    except KeyboardInterrupt:  # before a command started (loading, parsing)
        sys.stderr.write("clientrecovery: interrupted\n")
        status = _INTERRUPTED
    sys.exit(status)
