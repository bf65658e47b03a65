"""The command line's arguments: the parser and the converters of its values.

Only the standard library's argparse, os and sys here: ``--help``, ``--version`` and
``list`` must start as fast as Python does.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from clientrecovery import _index

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    from collections.abc import Sequence
    from datetime import date, datetime

    from clientrecovery.policy import Policy

__all__ = ["parser"]


def _as_of(text: str) -> datetime | date:
    from datetime import date, datetime

    from clientrecovery._validate import FIRST_YEAR, LAST_YEAR, is_aware, off_calendar

    moment: datetime | date
    try:
        moment = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a date (2026-03-20) nor a date-time with offset"
            " (2026-03-20T17:00+00:00)"
        ) from None
    if isinstance(moment, datetime) and not is_aware(moment):
        raise argparse.ArgumentTypeError(f"{text!r} has no UTC offset (add +00:00, say)")
    if off_calendar(moment) is not None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside the years {FIRST_YEAR} to {LAST_YEAR} a case is recorded in"
        )
    return moment


def _stage(text: str) -> str:
    """A stage's name (``Stage[name]``), checked without importing the model."""
    if text.upper() not in _index.STAGES:
        names = ", ".join(_index.STAGES)
        raise argparse.ArgumentTypeError(f"{text!r} is not a stage ({names})")
    return text.upper()


def _identifier(text: str) -> str:
    """A relationship's id as given; one that is not text (undecodable bytes) is refused."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not valid UTF-8 text") from None
    return text


_POLICY_HELP = (
    "judge under this policy (a JSON file, as a document's policy) instead of the one each"
    " document carries"
)


def _file_name(text: str) -> str:
    """A file's name as given; an empty one names no file (the folder it would open)."""
    if not text:
        raise argparse.ArgumentTypeError("a file name must not be empty")
    return text


def read_policy(name: str) -> Policy:
    """The policy in the file ``--policy`` names: a file that is not there (or a directory)
    is not found (exit 3), one that is no policy is invalid data (exit 1), as for any other
    file the command line reads."""
    from pathlib import Path

    from clientrecovery._cliio import EXIT, Failure
    from clientrecovery.errors import InvalidDocument
    from clientrecovery.serialization import policy_from_json

    try:
        text = Path(name).read_bytes()
    except OSError as failed:
        raise Failure(
            EXIT["not_found"], f"--policy: cannot read {name!r}: {failed.strerror}"
        ) from None
    try:
        return policy_from_json(text)
    except InvalidDocument as bad:
        raise Failure(EXIT["invalid"], f"--policy: {name}: " + "; ".join(bad.problems)) from None


def _version() -> str:
    from clientrecovery import __version__

    return f"clientrecovery {__version__}"


class _Parser(argparse.ArgumentParser):
    """argparse's parser, except that help or a version it cannot write to standard output
    raises the ``OSError`` (argparse drops it, and ``--help > /dev/full`` exited 0)."""

    def _print_message(self, message: str, file: Any = None) -> None:
        out = sys.stdout
        if message and file is out:
            out.write(message)
            out.flush()
        else:  # usage errors, to standard error: as argparse does
            super()._print_message(message, file)


class _Help(argparse.HelpFormatter):
    """argparse's help, sized to the terminal without importing shutil (which brings bz2 and
    lzma with it: a third of start-up), the way shutil.get_terminal_size does."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS", "0"))
        except ValueError:
            columns = 0
        if columns <= 0:
            try:
                columns = os.get_terminal_size((sys.__stdout__ or sys.stdout).fileno()).columns
            except (AttributeError, ValueError, OSError):  # not a terminal
                columns = 80
        super().__init__(prog, width=max(columns, 40) - 2)


class _Unused:
    """Stands in for the parser of a command not on the command line: its arguments are
    not needed, and declaring them is most of the cost of starting up."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        return None


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; only the commands named in ``argv`` get their arguments declared (all
    are listed in ``--help``)."""
    named = set(sys.argv[1:] if argv is None else argv)
    common = _Parser(add_help=False, formatter_class=_Help)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the store (default: $CLIENTRECOVERY_DB or ./clientrecovery.db)",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    parser = _Parser(
        prog="clientrecovery",
        description="Turn a dissatisfied client around, step by step.",
        epilog="exit status: 0 done, 1 invalid data, 2 usage, 3 not found, 4 unusable store,"
        " 5 output not written",
        parents=[common],
        formatter_class=_Help,
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    def command(name: str, help: str) -> argparse.ArgumentParser | _Unused:  # noqa: A002
        if name not in named:
            commands.add_parser(name, help=help, add_help=False, formatter_class=_Help)
            return _Unused()
        return commands.add_parser(
            name, help=help, description=help, parents=[common], formatter_class=_Help
        )

    command("demo", "walk one case through the method, then store the example cases")
    listing = command("list", "the stored relationships")
    listing.add_argument("--stage", type=_stage, help="only those in this stage")
    listing.add_argument("--account", type=_account, help="only the cases of this account")
    show = command("show", "one relationship: stage, issues, commitments, next steps, findings")
    show.add_argument("id", type=_identifier)
    show.add_argument("--as-of", type=_as_of, help="the case as it stood at this date or moment")
    command("timeline", "one relationship's events, oldest first").add_argument(
        "id", type=_identifier
    )
    command("summary", "one relationship's written summary (Markdown)").add_argument(
        "id", type=_identifier
    )
    findings = command("findings", "findings across the store, most urgent first")
    findings.add_argument(
        "--as-of", type=_as_of, help="the cases as they stood at this date or moment"
    )
    findings.add_argument("--stage", type=_stage, help="only relationships in this stage")
    validate = command("validate", "check documents (JSON or JSON lines), or the whole store")
    validate.add_argument(
        "files", nargs="*", type=_file_name, metavar="FILE", help="none: check the store"
    )
    validate.add_argument("--policy", type=_file_name, help=_POLICY_HELP)
    imports = command("import", "load documents into the store (all of a file, or nothing)")
    imports.add_argument(
        "files", nargs="+", type=_file_name, metavar="FILE", help="JSON or JSON lines; - is stdin"
    )
    imports.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid documents, report the rest (a document whose history"
        " conflicts with the stored one still refuses the file)",
    )
    imports.add_argument("--policy", type=_file_name, help=_POLICY_HELP)
    export = command("export", "write the stored relationships as JSON lines (all or nothing)")
    export.add_argument(
        "-o", "--output", type=_file_name, metavar="FILE", help="default: standard output"
    )
    export.add_argument("--stage", type=_stage, help="only those in this stage")
    export.add_argument(
        "--skip-invalid", action="store_true", help="export the cases that load, report the rest"
    )
    command("diagram", "print the stage diagram as Mermaid text")
    return parser


def _account(text: str) -> str:
    """An account key, refused as an id is when it is not text (undecodable bytes)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an account key must not be empty")
    return _identifier(text)
