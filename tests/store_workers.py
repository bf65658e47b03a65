"""Code run in other processes by the store's tests (importable, so ``spawn`` can start it)."""

from __future__ import annotations

import itertools
import sys
import time
from datetime import UTC, datetime, timedelta

from clientrecovery import Relationship, StaleVersion
from clientrecovery.store import SQLiteStore


def compete(
    path: str, relationship_id: str, worker: int, attempts: int, start: float
) -> tuple[list[str], int]:
    """From ``start`` (a ``time.time()``), load, add one follow-up, save; ``attempts`` times.
    Returns the notes saved and how many saves were refused as stale."""
    saved: list[str] = []
    stale = 0
    with SQLiteStore(path) as store:
        time.sleep(max(0.0, start - time.time()))  # every worker begins at the same moment
        for attempt in range(attempts):
            r = store.load(relationship_id)
            note = f"worker {worker} attempt {attempt}"
            changed = r.follow_up(at=r.last_event.at + timedelta(minutes=1), note=note)
            try:
                store.save(changed, expected_version=r.version)
            except StaleVersion:
                stale += 1
            else:
                saved.append(note)
    return saved, stale


def write_forever(path: str) -> None:
    """Save relationships of 300 events each until killed, saying after each one."""
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with SQLiteStore(path) as store:
        for n in itertools.count():
            r = Relationship.open(f"Client {n}", trigger="slow support", at=start, id=f"w{n:06d}")
            for k in range(299):
                r = r.contact_client(
                    at=start + timedelta(minutes=k), channel="call", summary=f"{k}"
                )
            store.save(r)
            sys.stdout.write(f"saved {n}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    write_forever(sys.argv[1])
