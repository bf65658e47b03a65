"""The ``clientrecovery`` command (also ``python -m clientrecovery``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from clientrecovery import demo
from clientrecovery.stages import mermaid


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="clientrecovery", description="Turn a dissatisfied client around, step by step."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("demo", help="walk one case through the whole method")
    commands.add_parser("diagram", help="print the stage diagram as Mermaid text")
    args = parser.parse_args(argv)
    if args.command == "demo":
        return demo.run()
    print(mermaid(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
