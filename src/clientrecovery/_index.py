"""A quick read of a store's relationships table, for the command line's ``list``.

Starting Python takes about ten milliseconds; importing the model and its dependencies takes
ten times as long, and listing a store needs none of it. :func:`entries` reads the table with
:mod:`sqlite3` alone, read-only, for a store of the layout this version writes whose rows are
all well formed. For anything else (no file, another layout, a damaged row) it answers
``None`` and the caller uses :class:`~clientrecovery.SQLiteStore`, which migrates, explains
and reports. Its constants mirror the store's and the model's; a test keeps them equal.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

APPLICATION_ID = 0x43525331
"""``PRAGMA application_id`` of a store (``store.APPLICATION_ID``)."""
LAYOUT = 5
"""The store layout this version writes (``len(store.MIGRATIONS)``)."""
STAGES = {
    "ASSESSING": "assessing",
    "DISCOVERY": "discovery",
    "ISSUES_AGREED": "issues_agreed",
    "PLANNING": "planning",
    "PLAN_PROPOSED": "plan_proposed",
    "RECOVERING": "recovering",
    "RECOVERED": "recovered",
    "LOST": "lost",
}
"""Each :class:`~clientrecovery.Stage`'s name and value, in the method's order."""

Row = tuple[str, str, str, int, datetime, datetime, str | None]
"""id, client, stage name, version, opened at, last event at (UTC) and account."""


def entries(path: str, stage: str | None = None) -> list[Row] | None:
    """The stored relationships (those in the stage named ``stage``), by id; ``None`` when
    this quick read cannot vouch for the answer."""
    if path == ":memory:" or not os.path.isfile(path):
        return None
    query = "SELECT id, client, stage, version, opened_at, updated_at, account FROM relationships"
    try:
        db = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        if db.execute("PRAGMA application_id").fetchone() != (APPLICATION_ID,):
            return None
        if db.execute("PRAGMA user_version").fetchone() != (LAYOUT,):
            return None
        if stage is None:
            rows = db.execute(query + " ORDER BY id").fetchall()
        else:
            rows = db.execute(query + " WHERE stage = ? ORDER BY id", (stage,)).fetchall()
    except (sqlite3.Error, UnicodeDecodeError):  # a damaged schema: the store says so
        return None
    finally:
        db.close()
    out: list[Row] = []
    for rid, client, name, version, opened, updated, account in rows:
        if not (
            isinstance(rid, str)
            and isinstance(client, str)
            and name in STAGES
            and type(version) is int
            and isinstance(opened, str)
            and isinstance(updated, str)
            and (account is None or isinstance(account, str))
        ):
            return None
        try:
            opened_at, updated_at = datetime.fromisoformat(opened), datetime.fromisoformat(updated)
        except ValueError:
            return None
        if opened_at.tzinfo is None or updated_at.tzinfo is None:
            return None
        out.append((rid, client, name, version, opened_at, updated_at, account))
    return out


def _uri_path(path: str) -> str:
    """``path`` as the path of a ``file:`` URI (RFC 3986, as SQLite reads it)."""
    absolute = os.path.abspath(path)
    escaped = "".join(
        c
        if c.isalnum() or c in "/-._~"
        else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogateescape"))
        for c in absolute
    )
    return escaped
