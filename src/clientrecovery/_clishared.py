"""What the command line's commands share: the store opened from the arguments, its
entries listed and loaded with damaged ones reported, a case as it stood at a moment, and
answers written as text or JSON (see :mod:`clientrecovery._clicommands`).

Like the commands, it imports what it uses when it runs.
"""

from __future__ import annotations

import argparse
import sys

from clientrecovery._cliio import EXIT, Failure

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    from collections.abc import Callable, Iterator, Sequence
    from datetime import date, datetime
    from typing import Any

    from clientrecovery.relationship import Relationship
    from clientrecovery.store import SQLiteStore

_Exit = Failure  # stop with a message on stderr and an exit status


def _store(args: argparse.Namespace, *, create: bool = False) -> SQLiteStore:
    """The store, opened (use it in a ``with``)."""
    from pathlib import Path

    try:
        missing = not create and args.db != ":memory:" and not Path(args.db).is_file()
        where = Path(args.db)
        what = (
            "a directory"
            if where.is_dir()
            else "no store, but something that is not a file,"
            if where.exists()
            else "no store"
        )
    except OSError:  # a path the system refuses: the store says what is wrong with it
        missing = False
    if missing:
        raise _Exit(
            EXIT["not_found"],
            f"{what} at {args.db!r}; make a store with `clientrecovery demo` or"
            " `clientrecovery import FILE`, or point --db at one",
        )
    from clientrecovery.store import SQLiteStore

    return SQLiteStore(args.db, create=create)


def _emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        import json

        print(json.dumps(data, ensure_ascii=not args.console.unicode, indent=2))
    else:
        print(text(), end="")


def _plain(value: Any) -> Any:
    from clientrecovery.serialization import _CONVERTER

    return _CONVERTER.unstructure(value)


def _damaged(args: argparse.Namespace, where: str, problems: Sequence[str]) -> None:
    """Report a case that does not load, and go on."""
    print(f"clientrecovery {args.command}: {where} is damaged:", file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def _entries(
    args: argparse.Namespace, store: SQLiteStore, stage: str | None, account: str | None = None
) -> list[Any]:
    """The store's entries (in ``stage``, of ``account``), each damaged row reported and
    left out."""
    from clientrecovery.model import Stage

    damaged: list[str] = args.damaged

    def report(rid: str, bad: Any) -> None:
        damaged.append(rid)
        _damaged(args, f"relationship {rid!r}", bad.problems)

    chosen = None if stage is None else Stage[stage]
    return list(store.list(stage=chosen, account=account, on_error=report))


def _loaded(args: argparse.Namespace, store: SQLiteStore, stage: str | None) -> Iterator[Any]:
    """Every stored relationship that loads (in ``stage``); the others reported."""
    from clientrecovery.errors import InvalidDocument

    for entry in _entries(args, store, stage):
        try:
            yield store.load(entry.id)
        except InvalidDocument as bad:
            args.damaged.append(entry.id)
            _damaged(args, f"relationship {entry.id!r}", bad.problems)


def _end_of(moment: datetime | date, r: Relationship) -> datetime:
    """A moment as given, or the end of a day where the relationship is kept."""
    from datetime import datetime, time

    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(23, 59, 59, 999999), tzinfo=r.policy.tz)


def _as_it_stood(r: Relationship, as_of: datetime | date | None) -> Relationship | None:
    """The relationship replayed up to ``as_of`` (all of it without one); ``None`` when it
    was opened later."""
    if as_of is None:
        return r
    moment = _end_of(as_of, r)
    history = r.history
    kept = 0
    while kept < len(history) and history[kept].at <= moment:
        kept += 1
    if kept == len(history):
        return r
    return None if kept == 0 else type(r).replay(history[:kept])


def _moment(r: Relationship, as_of: datetime | date | None) -> datetime:
    from datetime import UTC, datetime

    if as_of is not None:
        return _end_of(as_of, r)
    return max(datetime.now(UTC), r.last_event.at)
