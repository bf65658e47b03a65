"""The case stores as they grow: SQLite and PostgreSQL, from 1,000 cases up.

Makes 2,000 distinct synthetic relationships (``clientrecovery.examples.synthetic_portfolio``,
about 24 events each, three cases per account), then, for each engine, grows one store in
steps (``save`` of those documents under new ids and accounts, one transaction each, in no
particular id order, as a CRM would) and, at each size, times on cases the store already
holds or has never seen, one transaction each:

- ``save`` of a new case (all its events), and of one more event on a stored case;
- ``load`` of one stored case (read, chain check on PostgreSQL, replay, snapshot check);
- ``list(account=...)`` of one account (three cases), and ``list()`` of the whole store
  (per entry; for SQLite also its query alone, from the covering index and from the table);
- the store's size per case, and where it goes (tables and indexes).

Each figure is the median of its samples in microseconds, with the 10th-90th percentile
spread; the last column is the ratio to the same figure at the first size (flat is 1.0).
PostgreSQL is measured when ``CLIENTRECOVERY_TEST_POSTGRES`` holds a connection string
(``.ci/with-postgres python bench/store.py`` starts a throwaway server).

Run: ``python bench/store.py [sqlite|postgres] [size ...]`` (default both engines, at 1000,
10000 and 30000 cases; ``make bench``).
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from clientrecovery import Relationship, SQLiteStore, Store, from_json, to_json
from clientrecovery.examples import synthetic_portfolio

POOL = 2_000
SAMPLES = 150
Sizer = Callable[[], dict[str, int]]


def percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=10)
    return statistics.median(values), cuts[0], cuts[-1]


def sample(work: Callable[[int], object], count: int = SAMPLES) -> list[float]:
    """Microseconds of each of ``count`` calls of ``work(i)``."""
    times = []
    for i in range(count):
        start = time.perf_counter()
        work(i)
        times.append((time.perf_counter() - start) * 1e6)
    return times


def grown_id(n: int, cases: list[Relationship]) -> str:
    """The id of the ``n``-th grown case: a scrambled prefix, as ids derived from names and
    times are (``Relationship.open``'s uuid5), so cases do not arrive in id order."""
    return f"{hashlib.blake2b(str(n).encode(), digest_size=4).hexdigest()}-{cases[n % POOL].id}"


class Grower:
    """Documents of the pool under new ids and accounts, so a store can hold any number."""

    def __init__(self, cases: list[Relationship]) -> None:
        self.cases = cases
        self.documents = [to_json(case) for case in cases]
        self.made = 0

    def copy(self, n: int) -> Relationship:
        """The ``n``-th case of the pool's cycles: same history, its own id and account."""
        case = self.cases[n % POOL]
        return from_json(
            self.documents[n % POOL]
            .replace(f'"{case.id}"', f'"{grown_id(n, self.cases)}"')
            .replace(f'"{case.account}"', f'"g{n // POOL}-{case.account}"')
        )

    def grow(self, store: Store, to: int) -> None:
        """Save cases, one transaction each, until the store holds ``to``."""
        while self.made < to:
            store.save(self.copy(self.made))
            self.made += 1


def figures_at(store: Store, size: int, cases: list[Relationship]) -> dict[str, list[float]]:
    """The timings of one store holding ``size`` grown cases (see the module's description)."""
    rng = random.Random(size)

    def grown(n: int) -> str:
        return grown_id(n, cases)

    stored = [grown(n) for n in rng.sample(range(size), SAMPLES)]
    open_ids = [grown(n) for n in range(size) if not cases[n % POOL].stage.terminal]
    loaded = [store.load(i) for i in rng.sample(open_ids, SAMPLES)]
    changed = [
        r.contact_client(at=r.last_event.at + timedelta(minutes=1), channel="call", summary="b")
        for r in loaded
    ]
    new_cases = [
        from_json(to_json(cases[k]).replace(f'"{cases[k].id}"', f'"new-{size}-{cases[k].id}"'))
        for k in rng.sample(range(POOL), SAMPLES)
    ]
    accounts = [f"g{n // POOL}-{cases[n % POOL].account}" for n in rng.sample(range(size), SAMPLES)]
    sample(lambda i: store.load(stored[i]), 20)  # warm up: caches, prepared statements
    figures = {
        "save of a new case": sample(lambda i: store.save(new_cases[i])),
        "save of one more event": sample(
            lambda i: store.save(changed[i], expected_version=loaded[i].version)
        ),
        "load of one case": sample(lambda i: store.load(stored[i])),
        "list(account=...)": sample(lambda i: store.list(account=accounts[i])),
    }
    total = size + SAMPLES
    figures["list(), per entry"] = [t / total for t in sample(lambda _: store.list(), 5)]
    return figures


def measure(
    name: str, store: Store, sizes: list[int], sizer: Sizer, cases: list[Relationship]
) -> None:
    print(f"\n{name}")
    print(f"  {'cases':>8}  {'figure':26} {'median us':>9} {'p10-p90':>17} {'vs first':>8}")
    grower = Grower(cases)
    first: dict[str, float] = {}
    for size in sizes:
        started = time.perf_counter()
        grower.grow(store, size)
        grew = time.perf_counter() - started
        for figure, values in figures_at(store, size, cases).items():
            median, low, high = percentiles(values)
            ratio = median / first.setdefault(figure, median)
            print(f"  {size:>8,}  {figure:26} {median:9.1f} {low:8.1f}-{high:8.1f} {ratio:8.2f}")
        parts = sizer()
        total = size + SAMPLES
        biggest = sorted(parts.items(), key=lambda item: -item[1])[:6]
        print(
            f"  {size:>8,}  {sum(parts.values()) / total / 1e3:.1f} kB per case ("
            + ", ".join(f"{part} {bytes_ / total / 1e3:.1f}" for part, bytes_ in biggest)
            + f"); grown in {grew:.0f} s"
        )


def sqlite_sizes(path: Path) -> Sizer:
    def sizes() -> dict[str, int]:
        db = sqlite3.connect(path)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.OperationalError:  # built without the dbstat table
            rows = [("file", path.stat().st_size)]
        db.close()
        return {str(name): int(size) for name, size in rows}

    return sizes


@contextmanager
def postgres_store(conninfo: str) -> Iterator[tuple[Store, Sizer]]:
    import psycopg
    from psycopg.conninfo import make_conninfo

    from clientrecovery.postgres import PostgresStore

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            with PostgresStore(make_conninfo(conninfo, options=f"-csearch_path={schema}")) as store:

                def sizes() -> dict[str, int]:
                    admin.execute(f"VACUUM ANALYZE {schema}.events, {schema}.relationships")
                    rows: list[tuple[Any, ...]] = admin.execute(
                        "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c"
                        " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s"
                        " UNION ALL SELECT c.relname || ' (toast)',"
                        " pg_total_relation_size(c.reltoastrelid) FROM pg_class c"
                        " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE n.nspname = %s AND c.reltoastrelid <> 0",
                        (schema, schema),
                    ).fetchall()
                    return {str(name): int(size) for name, size in rows if size}

                yield store, sizes
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def list_query(path: Path, total: int) -> None:
    """The query behind SQLite's ``list()`` alone: from its covering index, and from the
    table (whose rows hold the snapshots)."""
    db = sqlite3.connect(path)
    columns = "id, client, stage, version, opened_at, updated_at, account"

    def reader(query: str) -> Callable[[int], object]:
        return lambda _: db.execute(query).fetchall()

    for name, source in (
        ("covering index", "relationships INDEXED BY relationships_listed"),
        ("table", "relationships NOT INDEXED"),
    ):
        query = f"SELECT {columns} FROM {source} ORDER BY id"
        median, low, high = percentiles(sample(reader(query), 5))
        print(
            f"  the list() query alone, from the {name}: {median / total:.2f} us an entry"
            f" ({low / total:.2f}-{high / total:.2f})"
        )
    db.close()


def main(sizes: list[int], engines: frozenset[str] | None = None) -> None:
    engines = engines or frozenset({"sqlite", "postgres"})
    print(f"making {POOL:,} synthetic relationships ...")
    cases = synthetic_portfolio(POOL, seed=1)
    events = sum(r.version for r in cases)
    print(f"  {events / POOL:.1f} events per relationship; sizes {sizes}")

    if "sqlite" in engines:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.db"
            with SQLiteStore(path) as sqlite_store:
                measure("SQLite (one file, WAL)", sqlite_store, sizes, sqlite_sizes(path), cases)
            list_query(path, sizes[-1] + SAMPLES)
    if "postgres" not in engines:
        return

    conninfo = os.environ.get("CLIENTRECOVERY_TEST_POSTGRES")
    if not conninfo:
        print("\nPostgreSQL: skipped (set CLIENTRECOVERY_TEST_POSTGRES, or run the bench")
        print("under .ci/with-postgres)")
        return
    with postgres_store(conninfo) as (pg, pg_sizes):
        measure("PostgreSQL (local socket)", pg, sizes, pg_sizes, cases)


if __name__ == "__main__":
    names = frozenset(a for a in sys.argv[1:] if not a.isdigit())
    main([int(a) for a in sys.argv[1:] if a.isdigit()] or [1_000, 10_000, 30_000], names or None)
