"""The ``clientrecovery`` command (also ``python -m clientrecovery``).

Every command works on a store (``--db PATH``; default ``$CLIENTRECOVERY_DB`` or
``./clientrecovery.db``) and prints text for people, or JSON with ``--json``. Problems go
to stderr, without a traceback, and the exit status says what happened:

==== =====================================================================================
code meaning
==== =====================================================================================
0    done
1    invalid data: a file or a stored case that does not load, or an import refused
2    usage: unknown command or option, a malformed ``--as-of``
3    not found: no database, no such file (or a directory), no relationship with that id
4    the store cannot be used: not a clientrecovery database, or written by a newer version
5    the output cannot be written: a directory, a missing folder, a full disk, a closed stdout
70   a fault of the program itself (please report it, with the command)
130  interrupted (Ctrl-C); nothing half-written is left behind
==== =====================================================================================

Commands over the whole store (``list``, ``findings``, ``export``, ``validate``) report a
damaged case on stderr and go on with the others, then exit 1.
"""

from __future__ import annotations

# Only the standard library's os and sys here: `--help`, `--version` and `list` must start
# as fast as Python does. Everything else is imported by the command using it.
import os
import sys

from clientrecovery._cliargs import parser
from clientrecovery._clicommands import COMMANDS
from clientrecovery._cliio import EXIT, Console, Escaped, Failure

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    import argparse
    from collections.abc import Sequence

__all__ = ["EXIT", "main", "run"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        sys.stdout = _ClosedOutput()
    try:
        args = parser(argv).parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error argparse printed
        _flush()
        return stop.code if isinstance(stop.code, int) else EXIT["usage"]
    except OSError as error:  # --help or --version could not be written
        _silence_stdout()
        print(
            f"clientrecovery: cannot write the output: {error.strerror or error}", file=sys.stderr
        )
        return EXIT["output"]
    given = getattr(args, "db", None)
    if given == "":
        print(f"clientrecovery {args.command}: --db needs a path", file=sys.stderr)
        return EXIT["usage"]
    args.db = given or os.environ.get("CLIENTRECOVERY_DB") or "clientrecovery.db"
    args.json = getattr(args, "json", False)
    args.console = Console()
    # What a case holds is printed, never obeyed: control characters go out as escapes.
    streams = sys.stdout, sys.stderr
    sys.stdout = Escaped(sys.stdout, colour=args.console.colour)
    sys.stderr = Escaped(sys.stderr, colour=False)
    try:
        return _guarded(args)
    finally:
        sys.stdout, sys.stderr = streams


def _guarded(args: argparse.Namespace) -> int:
    def fail(message: object, status: int) -> int:
        print(f"clientrecovery {args.command}: {message}", file=sys.stderr)
        return status

    try:
        if isinstance(getattr(args, "policy", None), str):  # --policy FILE, read once
            from clientrecovery._cliargs import read_policy

            args.policy = read_policy(args.policy)
        status = int(COMMANDS[args.command](args))
        _flush()
        return status
    except Failure as stop:
        return fail(stop, stop.status)
    except BrokenPipeError:  # the reader went away (| head); not an error of ours
        _silence_stdout()
        return EXIT["ok"]
    except KeyboardInterrupt:
        return fail("interrupted; nothing half-written was left", EXIT["interrupted"])
    except Exception as error:  # never a traceback: a message and the documented status
        # The library's errors are imported only now: `list` may never need them.
        from clientrecovery.errors import ClientRecoveryError, StoreError, UnknownItem

        if isinstance(error, UnknownItem):
            return fail(error, EXIT["not_found"])
        if isinstance(error, StoreError):
            return fail(error, EXIT["store"])
        if isinstance(error, ClientRecoveryError):
            return fail(error, EXIT["invalid"])
        if isinstance(error, OSError):  # the console itself: stdout on a full disk, say
            _silence_stdout()
            return fail(f"cannot write the output: {error.strerror or error}", EXIT["output"])
        return fail(
            f"internal error ({type(error).__name__}: {error}); please report it with the command",
            EXIT["bug"],
        )


class _ClosedOutput:
    """Standard output when the process was started without one: writing to it fails as
    writing to a closed descriptor does, so a command that prints says it could not."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (in a doctest)
        pass


def run() -> None:
    """The console script's entry point (see :mod:`clientrecovery._launch`)."""
    from clientrecovery._launch import run as launch

    launch()
