"""The SQLite store's connection: opening the file, transactions, and sqlite3's errors told
as the library's (private).

:class:`~clientrecovery.SQLiteStore` inherits :class:`ConnectionAndErrors` (through
:class:`~clientrecovery._sqlite_layout.LayoutAndMigration`). No :mod:`sqlite3` exception
leaves the store: each is caught by :meth:`~ConnectionAndErrors._guard` and told by
:meth:`~ConnectionAndErrors._failure` as a :class:`~clientrecovery.StoreError` that says
whether the store is locked, read-only, damaged or not a store at all.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from clientrecovery.errors import StoreError

__all__ = ["SQLITE_FAILURES", "ConnectionAndErrors"]

SQLITE_FAILURES: Final = (sqlite3.Error, UnicodeDecodeError)
"""What a :mod:`sqlite3` call raises when SQLite fails: its own errors, and
:class:`UnicodeDecodeError` where SQLite's message is not UTF-8 (it quotes a name from a
damaged schema), which Python's :mod:`sqlite3` fails to decode instead of raising."""

_SQLITE_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every SQLite database file."""


class ConnectionAndErrors:
    """The connection of a SQLite store to its file, and what its errors mean."""

    path: str
    _db: sqlite3.Connection
    _key: bytes | None
    _readonly: bool
    _chain: str
    """``"sha256"`` or ``"hmac-sha256"`` (``store_meta``'s ``chain``)."""

    def _connect(self, *, create: bool, timeout: float) -> None:
        """Connect to :attr:`path` (read-only when the store is): a missing or empty file is
        refused unless the store may create it."""
        try:
            self._open_file(create=create, timeout=timeout)
        except OSError as failed:  # the path itself: a folder not searchable, a name too long
            raise StoreError(f"the store {self.path!r} {_path_problem(failed)}") from None

    def _open_file(self, *, create: bool, timeout: float) -> None:
        memory = self.path == ":memory:"
        if not memory and (not create or self._readonly):
            file = Path(self.path)
            if not file.is_file():
                raise StoreError(f"no store at {self.path!r}")
            if file.stat().st_size == 0:
                raise StoreError(f"{self.path!r} is an empty file, not a clientrecovery store")
        if not memory:
            self._check_header()
        try:
            if self._readonly and not memory:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._db = sqlite3.connect(uri, timeout=timeout, isolation_level=None, uri=True)
            else:
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except SQLITE_FAILURES as failed:
            raise self._failure(failed, "open") from None

    def _check_header(self) -> None:
        """Refuse a file that is there and not empty but does not start as a SQLite database
        does: SQLite takes a file shorter than its header (a store truncated to a few bytes)
        for an empty database, and would make a new store of it."""
        try:
            with open(self.path, "rb") as file:
                start = file.read(len(_SQLITE_HEADER))
        except OSError:
            return  # no file (to be created), or one SQLite will say it cannot open
        if start and start != _SQLITE_HEADER:
            raise StoreError(
                f"{self.path!r} is not a clientrecovery store: it does not start as a SQLite"
                f" database does ({_bytes(os.path.getsize(self.path))}: truncated, damaged or"
                " another kind of file)"
            )

    def _failure(self, failed: sqlite3.Error | UnicodeDecodeError, doing: str) -> StoreError:
        """What an sqlite3 error (one of :data:`SQLITE_FAILURES`) means to the user, as a
        :class:`StoreError`."""
        if isinstance(failed, UnicodeDecodeError):
            return StoreError(
                f"the store {self.path!r} is damaged: cannot {doing} (SQLite's error message,"
                " which quotes a name from its schema, is not UTF-8: the schema is damaged)"
            )
        text = str(failed)
        lowered = text.lower()
        if "locked" in lowered or "busy" in lowered:
            return StoreError(
                f"the store {self.path!r} is locked by another process; try again later ({text})"
            )
        if "unable to open" in lowered and self.path != ":memory:":
            try:
                os.stat(self.path)
            except FileNotFoundError:
                pass  # to be made: its folder says whether it can be
            except OSError as refused:  # the name itself: too long, a loop
                return StoreError(f"the store {self.path!r} {_path_problem(refused)}")
            problem = _folder_problem(Path(self.path).parent)
            if problem is not None:
                return StoreError(f"the store {self.path!r} {problem}")
        if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            folder = Path(self.path).parent
            if not os.path.lexists(self.path) and not os.access(folder, os.W_OK):
                return StoreError(
                    f"the store {self.path!r} cannot be created: its folder {str(folder)!r}"
                    f" is not writable ({text})"
                )
            what = (
                "is read-only"
                if "unable to open" not in lowered or not self._writable()
                else "cannot be opened"
            )
            return StoreError(f"the store {self.path!r} {what}: cannot {doing} ({text})")
        if "not a database" in lowered or "file is encrypted" in lowered:
            return StoreError(f"{self.path!r} is not a clientrecovery store ({text})")
        if "malformed" in lowered or "corrupt" in lowered or "disk i/o" in lowered:
            return StoreError(f"the store {self.path!r} is damaged: cannot {doing} ({text})")
        return StoreError(f"the store {self.path!r}: cannot {doing} ({text})")

    def _writable(self) -> bool:
        """Whether this process may write the file and its directory (where SQLite keeps
        the ``-wal`` and ``-shm`` files a reader of a WAL database needs too)."""
        file = Path(self.path)
        return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """No sqlite3 exception leaves the store: each becomes a :class:`StoreError`."""
        try:
            yield
        except SQLITE_FAILURES as failed:
            raise self._failure(failed, doing) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: it takes the write lock first, so the reads inside it are
        still true when it commits; any error rolls everything back."""
        if self._readonly:
            raise StoreError(f"the store {self.path!r} was opened read-only: cannot write")
        self._check_writable()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same committed state."""
        self._db.execute("BEGIN")
        try:
            yield self._db
        finally:
            self._db.execute("COMMIT")

    def _check_writable(self) -> None:
        if self._chain == "hmac-sha256" and self._key is None:
            raise StoreError(
                f"the store {self.path!r} has a keyed hash chain: open it with its key to write"
            )


def _folder_problem(folder: Path) -> str | None:
    """What is wrong with the folder a store is in, or would be made in (``None``: nothing
    this can tell)."""
    try:
        if folder.is_dir():
            if not os.access(folder, os.X_OK):
                return f"cannot be opened: its folder {str(folder)!r} may not be searched"
            return None
        if folder.exists():
            return f"cannot be created: {str(folder)!r} is a file, not a folder"
    except OSError as failed:
        return _path_problem(failed)
    return f"cannot be created: its folder {str(folder)!r} does not exist"


def _path_problem(failed: OSError) -> str:
    """What an error of the file system about a store's path means, for its message."""
    reasons = {
        errno.EACCES: "cannot be opened: a folder on its path may not be searched or read",
        errno.EPERM: "cannot be opened: a folder on its path may not be searched or read",
        errno.ENOTDIR: "cannot be opened: a part of its path is a file, not a folder",
        errno.ENAMETOOLONG: "cannot be opened: its name is too long for the file system",
        errno.ELOOP: "cannot be opened: its path loops through symbolic links",
    }
    return reasons.get(failed.errno or 0, f"cannot be opened ({failed.strerror or failed})")


def _bytes(size: int) -> str:
    return f"{size} byte" if size == 1 else f"{size} bytes"
