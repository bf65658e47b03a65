"""The cost of the SQLite store against serialization alone.

Makes 10,000 synthetic relationships (``clientrecovery.examples.synthetic_portfolio``),
then, each timed:

- ``to_json`` of every one, and ``from_json`` of every document (the baseline);
- ``save`` of every one into a new store file, one transaction each (as a tool saving one
  case at a time does), and ``import_jsonl`` of all of them in one transaction;
- ``load`` of every one by id (a read transaction, then validation like ``from_json``);
- ``list()`` of the whole store, and saves that append one event to a stored case.

Prints microseconds per operation and the ratios to ``to_json``/``from_json``.

Run: ``python bench/store.py [count]`` (or ``make bench``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from clientrecovery import SQLiteStore, from_json, to_json
from clientrecovery.examples import synthetic_portfolio


def timed(label: str, count: int, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    per = (time.perf_counter() - start) / count * 1e6
    print(f"  {label:44} {per:9.1f} us per relationship")
    return per


def main(count: int) -> None:
    print(f"making {count:,} synthetic relationships ...")
    cases = synthetic_portfolio(count, seed=1)
    events = sum(r.version for r in cases)
    print(f"  {events:,} events, {events / count:.1f} per relationship\n")

    documents: list[str] = []
    encode = timed("to_json", count, lambda: documents.extend(to_json(r) for r in cases))
    decode = timed("from_json (validated)", count, lambda: [from_json(d) for d in documents])

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        with SQLiteStore(path) as store:
            save = timed(
                "save, one transaction each", count, lambda: [store.save(r) for r in cases]
            )
            ids = [r.id for r in cases]
            load = timed("load (validated)", count, lambda: [store.load(i) for i in ids])
            listed = timed("list() of the whole store", count, store.list)
            open_ = [r.id for r in cases if not r.stage.terminal][:500]
            some = [store.load(i) for i in open_]
            changed = [
                r.contact_client(
                    at=r.last_event.at + timedelta(minutes=1), channel="call", summary="bench"
                )
                for r in some
            ]
            one = timed(
                "save of one more event to a stored case",
                len(some),
                lambda: [
                    store.save(c, expected_version=r.version)
                    for r, c in zip(some, changed, strict=True)
                ],
            )
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(folder).glob("bench.db-*"))
        with SQLiteStore(Path(folder) / "bulk.db") as bulk:
            imported = timed(
                "import_jsonl, one transaction", count, lambda: bulk.import_jsonl(documents)
            )

    print()
    print(f"  store file: {size / 1e6:.1f} MB, {size / count / 1e3:.1f} kB per relationship")
    print(f"  save / to_json         {save / encode:6.1f}x")
    print(f"  load / from_json       {load / decode:6.2f}x")
    print(f"  import / from_json     {imported / decode:6.2f}x")
    print(f"  list / from_json       {listed / decode:6.3f}x")
    print(f"  one-event save / to_json {one / encode:4.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
