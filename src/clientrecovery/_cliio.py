"""The command line's input and output: reading documents, writing files whole, the console.

- :func:`read` takes a file or ``-`` (stdin) as UTF-8 bytes and tells one JSON document from
  JSON lines the same way for both (:func:`documents`). Lines are split on ``\\n`` alone:
  U+2028, U+2029 and U+0085 are legal inside JSON strings.
- :class:`Output` writes a file all or nothing: into a temporary file beside the target,
  renamed over it only when everything was written and flushed to disk. Standard output is
  held back the same way, and written in one go at the end.
- :class:`Console` prints text that survives any ``PYTHONIOENCODING`` and pipes, and colours
  severities only on a terminal, never when ``NO_COLOR`` is set (https://no-color.org).
"""

from __future__ import annotations

import os
import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    from types import TracebackType
    from typing import IO, Any, Final, Self

__all__ = ["EXIT", "Console", "Escaped", "Failure", "Output", "documents", "read", "split_lines"]

LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
"""Files always read as JSON lines, whatever their first line looks like."""

EXIT: Final = {
    "ok": 0,
    "invalid": 1,
    "usage": 2,
    "not_found": 3,
    "store": 4,
    "output": 5,
    "bug": 70,
    "interrupted": 130,
}
"""The command line's exit statuses, by meaning (listed in :mod:`clientrecovery.cli`)."""

READ_FAILED: Final = EXIT["not_found"]
WRITE_FAILED: Final = EXIT["output"]


class Failure(Exception):
    """Stop the command with a message on stderr and an exit status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# --- input ---------------------------------------------------------------------------------


def split_lines(text: str) -> list[str]:
    """JSON lines: split on ``\\n`` only (a ``\\r`` before it is JSON whitespace)."""
    return text.split("\n")


def documents(text: str, name: str) -> tuple[list[str], bool]:
    """The documents of a text and whether it is one JSON document (the whole text) rather
    than JSON lines.

    A ``.jsonl`` or ``.ndjson`` file is JSON lines. Anything else, stdin included, is JSON
    lines when its first non-blank line is a whole JSON object on its own (as every line of
    an export is), and one document otherwise (a pretty-printed one starts with a lone
    ``{``); one line alone reads the same either way.
    """
    lines = split_lines(text)
    if name != "-" and os.path.splitext(name)[1].lower() in LINES_SUFFIXES:
        return lines, False
    first = next((line.strip() for line in lines if line.strip()), "")
    if not first:  # nothing but blank lines: no document, as in a .jsonl file (and import)
        return lines, False
    if len(first) > 1 and first.startswith("{") and first.endswith("}"):
        return lines, False
    return [text], True


def read(name: str) -> str:
    """The text of a file, or of stdin for ``-``, decoded as UTF-8.

    Raises:
        Failure: No such file, a directory, or unreadable (status 3).
        InvalidDocument: Not UTF-8.
    """
    from pathlib import Path

    from clientrecovery.errors import InvalidDocument

    try:
        if name == "-":
            if sys.stdin is None:  # started with standard input closed (`<&-`)
                raise Failure(READ_FAILED, "no standard input to read for '-': it is closed")
            stream = getattr(sys.stdin, "buffer", None)
            data: bytes | str = stream.read() if stream is not None else sys.stdin.read()
        else:
            data = Path(name).read_bytes()
    except FileNotFoundError:
        raise Failure(READ_FAILED, f"no file {name!r}") from None
    except IsADirectoryError:
        raise Failure(READ_FAILED, f"{name!r} is a directory, not a file") from None
    except OSError as failed:
        raise Failure(READ_FAILED, f"cannot read {name!r}: {failed.strerror}") from None
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # a byte-order mark is not data
    except UnicodeDecodeError as bad:
        raise InvalidDocument([f"not UTF-8 ({bad.reason} at byte {bad.start}) @ {name}"]) from None


# --- output --------------------------------------------------------------------------------


class Output:
    """A text destination written all or nothing: a file (``path``) or standard output.

    Use it as a context manager; what was written is kept only by :meth:`commit`, and left
    the context without it (an error, Ctrl-C) nothing of it remains. A file is written to a
    temporary file in the same folder, flushed to disk and renamed over the target, so a
    reader sees the old file or the whole new one. A target that is not a regular file
    (``/dev/stdout``, a pipe) cannot be renamed over: it gets the whole text at the end.

    Raises:
        Failure: The target is a directory, its folder is missing, or the disk is full
            (status 5).
    """

    def __init__(self, path: str | None) -> None:
        import tempfile
        from pathlib import Path

        self.path = path
        self._target = path or ""
        self._temp: Path | None = None
        self._folder: str | None = None  # the temporary file's, made on entering
        self._stream: IO[str]
        if path is None or _special(path):
            self._stream = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed below
                max_size=8 << 20, mode="w+", encoding="utf-8", newline=""
            )
            return
        target = Path(path)
        if target.is_symlink():  # write the file it points to, not over the link
            target = Path(os.path.realpath(path))
        if target.is_dir():
            raise Failure(WRITE_FAILED, f"cannot write {path!r}: it is a directory")
        if not target.parent.is_dir():
            raise Failure(WRITE_FAILED, f"cannot write {path!r}: no folder {str(target.parent)!r}")
        self._target = str(target)
        self._folder = str(target.parent)

    def _open_temporary(self, folder: str) -> None:
        """Make the temporary file beside the target. Made here, in ``__enter__``, so that
        once it exists ``__exit__`` is sure to remove it; and named before it is made, so
        that an interruption at any moment (Ctrl-C) leaves nothing behind."""
        from pathlib import Path

        name = Path(self._target).name
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            while True:
                self._temp = Path(folder) / f".{name}.{os.urandom(6).hex()}.tmp"
                try:
                    fd = os.open(self._temp, flags, 0o600)
                    break
                except FileExistsError:  # another's, by chance: never ours to remove
                    self._temp = None
            self._stream = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
        except BaseException as stopped:
            if self._temp is not None:
                self._temp.unlink(missing_ok=True)
                self._temp = None
            if isinstance(stopped, OSError):
                raise Failure(
                    WRITE_FAILED, f"cannot write {self.path!r}: {stopped.strerror}"
                ) from None
            raise

    def write(self, text: str) -> None:
        try:
            self._stream.write(text)
        except OSError as failed:
            raise Failure(WRITE_FAILED, f"cannot write {self._shown}: {failed.strerror}") from None

    @property
    def _shown(self) -> str:
        return "standard output" if self.path is None else repr(self.path)

    def commit(self) -> None:
        """Keep what was written: rename the file into place, or send the text out."""
        from pathlib import Path

        try:
            if self._temp is not None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
                self._stream.close()
                if Path(self._target).exists():  # keep the old file's permissions
                    os.chmod(self._temp, Path(self._target).stat().st_mode & 0o7777)
                else:
                    umask = os.umask(0)
                    os.umask(umask)
                    os.chmod(self._temp, 0o666 & ~umask)
                os.replace(self._temp, self._target)
                self._temp = None
                return
            self._stream.seek(0)
            if self.path is None:
                _copy(self._stream, sys.stdout)
                sys.stdout.flush()
            else:
                with open(self.path, "w", encoding="utf-8", newline="") as out:
                    _copy(self._stream, out)
        except BrokenPipeError:  # the reader went away: the caller stops quietly
            raise
        except OSError as failed:
            raise Failure(WRITE_FAILED, f"cannot write {self._shown}: {failed.strerror}") from None

    def __enter__(self) -> Self:
        if self._folder is not None:
            self._open_temporary(self._folder)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        stream = getattr(self, "_stream", None)
        if stream is not None and not stream.closed:
            stream.close()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)


def _special(path: str) -> bool:
    """Whether ``path`` exists and is not a regular file or directory (a device, a pipe)."""
    return os.path.exists(path) and not os.path.isfile(path) and not os.path.isdir(path)


def _copy(source: IO[str], out: IO[str]) -> None:
    """Copy text; to a stream with bytes underneath (stdout), as UTF-8 bytes, which is what
    JSON lines are, whatever the console's encoding."""
    raw = getattr(out, "buffer", None)
    if raw is not None:
        out.flush()
    while chunk := source.read(1 << 16):
        if raw is not None:
            raw.write(chunk.encode("utf-8", "surrogateescape"))
        else:
            out.write(chunk)


# --- the console ---------------------------------------------------------------------------

_COLOURS: Final = {"ERROR": "31", "WARNING": "33", "INFO": "36"}


class Escaped:
    """A text stream that writes control characters as escapes (``\\x1b``, ``\\x0d``), so
    that what a case holds (a client's name from someone else's document, say) cannot clear,
    recolour or retitle the terminal or overwrite a line; new lines and tabs are kept, and so
    are the colours :class:`Console` gives severities when ``colour`` is on."""

    def __init__(self, stream: Any, *, colour: bool) -> None:
        self._stream = stream
        self._colour = colour

    def write(self, text: str) -> int:
        if _CONTROL.search(text) is not None:
            if self._colour:
                parts = _OURS.split(text)
                codes = _OURS.findall(text)
                text = "".join(
                    _escaped(part) + (codes[n] if n < len(codes) else "")
                    for n, part in enumerate(parts)
                )
            else:
                text = _escaped(text)
        self._stream.write(text)
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_OURS: Final = re.compile(r"\x1b\[(?:0|31|33|36)m")  # the severities' colours, and reset


def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


class Console:
    """How to print on this run's standard output."""

    def __init__(self) -> None:
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:  # a character the encoding lacks is escaped
                reconfigure(errors="backslashreplace")
        encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
        self.unicode = encoding in ("utf-8", "utf8", "utf-16", "utf-32")
        """Whether the output takes any character (else JSON is written in ASCII)."""
        isatty = getattr(sys.stdout, "isatty", None)
        self.colour = (
            isatty is not None
            and isatty()
            and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb"
        )
        """Whether to colour severities: on a terminal, without ``NO_COLOR``."""

    def severity(self, name: str, width: int = 7) -> str:
        """A severity's name padded to ``width``, coloured where colour is on."""
        padded = f"{name:{width}}"
        code = _COLOURS.get(name)
        if not self.colour or code is None:
            return padded
        return f"\033[{code}m{name}\033[0m{padded[len(name) :]}"
