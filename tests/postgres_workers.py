"""Code run in other processes by the PostgreSQL store's tests (importable, so ``spawn`` can
start it)."""

from __future__ import annotations

import itertools
import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from clientrecovery import Relationship, StaleVersion, postgres
from clientrecovery.postgres import PostgresStore

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _contacted(r: Relationship, note: str) -> Relationship:
    return r.contact_client(at=r.last_event.at + timedelta(minutes=1), channel="call", summary=note)


def compete(
    conninfo: str, relationship_id: str, worker: int, attempts: int, start: float
) -> tuple[list[str], int]:
    """From ``start`` (a ``time.time()``), load, add one contact, save; ``attempts`` times.
    Returns the summaries saved and how many saves were refused as stale."""
    saved: list[str] = []
    stale = 0
    with PostgresStore(conninfo) as store:
        time.sleep(max(0.0, start - time.time()))  # every worker begins at the same moment
        for attempt in range(attempts):
            r = store.load(relationship_id)
            note = f"worker {worker} attempt {attempt}"
            try:
                store.save(_contacted(r, note), expected_version=r.version)
            except StaleVersion:
                stale += 1
            else:
                saved.append(note)
    return saved, stale


def own_cases(conninfo: str, worker: int, cases: int, steps: int, start: float) -> int:
    """From ``start``, open ``cases`` relationships of this worker's own and extend each
    ``steps`` times, one save each; returns how many events it saved."""
    written = 0
    with PostgresStore(conninfo) as store:
        time.sleep(max(0.0, start - time.time()))
        for n in range(cases):
            r = Relationship.open(
                f"Client {worker}", trigger=f"case {n}", at=START, id=f"w{worker}-c{n}"
            )
            written += store.save(r)
            for step in range(steps):
                changed = _contacted(r, f"step {step}")
                written += store.save(changed, expected_version=r.version)
                r = changed
    return written


def write_forever(conninfo: str, size: int, pause_inside: int | None = None) -> None:
    """Save relationships of ``size`` events each until killed, saying after each one. With
    ``pause_inside``, save that many, then stop inside the next save's transaction, after
    its events were sent, and say ``inside``."""
    with PostgresStore(conninfo) as store:
        if pause_inside is not None:
            _pause_after(store, pause_inside)
        for n in itertools.count():
            store.save(opened_case(n, size))
            sys.stdout.write(f"saved {n}\n")
            sys.stdout.flush()


def opened_case(n: int, size: int) -> Relationship:
    """Relationship ``w00000n``: opened, then ``size - 1`` calls."""
    r = Relationship.open(f"Client {n}", trigger="slow support", at=START, id=f"w{n:06d}")
    for k in range(size - 1):
        r = r.contact_client(at=START + timedelta(minutes=k), channel="call", summary=f"{k}")
    return r


def _pause_after(store: PostgresStore, saves: int) -> None:
    """Make the store's writes (each save's rows, sent inside its transaction) stop after
    ``saves`` of them, saying ``inside``; this process only writes through ``store``."""
    write = postgres.write
    done = itertools.count()

    def paused(*args: Any, **kwargs: Any) -> None:
        write(*args, **kwargs)
        if next(done) == saves:
            sys.stdout.write("inside\n")
            sys.stdout.flush()
            time.sleep(60)  # killed here, its transaction open

    postgres.write = paused


if __name__ == "__main__":
    pause = int(sys.argv[3]) if len(sys.argv) > 3 else None
    write_forever(sys.argv[1], int(sys.argv[2]), pause)
