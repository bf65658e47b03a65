"""Hypothesis profiles.

``ci`` (the default, what ``make test`` runs) is a gate: enough examples to mean something,
derived from each test's own name (``derandomize``), so every run of a commit tries the same
ones and a commit passes or fails by itself, never by luck of the draw.

``dev`` explores: fresh random examples on every run, and many more of them. Run it with
``make explore`` (or ``HYPOTHESIS_PROFILE=dev pytest``) after changing a model, a rule or a
reader; a failure it finds is shrunk and printed with the decorator that replays it, and
belongs in the suite as an example.
"""

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- a PostgreSQL server for the PostgreSQL store's tests ---------------------------------

POSTGRES_VARIABLE = "CLIENTRECOVERY_TEST_POSTGRES"
HOW_TO_RUN = (
    f"the PostgreSQL tests need a server: run `.ci/with-postgres make test` (it starts a"
    f" throwaway one), or set {POSTGRES_VARIABLE} to a libpq connection string"
)


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The connection string of the test server: skipped without one, failed under CI."""
    conninfo = os.environ.get(POSTGRES_VARIABLE, "")
    if not conninfo:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {POSTGRES_VARIABLE} is not set: {HOW_TO_RUN}")
        pytest.skip(HOW_TO_RUN)
    try:
        import psycopg
    except ImportError:
        pytest.fail(f"{POSTGRES_VARIABLE} is set but psycopg is missing: install [postgres]")
    try:
        psycopg.connect(conninfo, connect_timeout=10).close()
    except psycopg.Error as failed:
        pytest.fail(f"{POSTGRES_VARIABLE} is set but the server cannot be reached: {failed}")
    return conninfo


@pytest.fixture
def postgres(postgres_server: str) -> Iterator[str]:
    """A connection string whose tables go to a new, empty schema, dropped afterwards."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    yield make_conninfo(postgres_server, options=f"-csearch_path={schema}")
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def path(tmp_path: Path) -> str:
    """Where a test's SQLite store lives: a file in the test's own folder."""
    return str(tmp_path / "cases.db")
