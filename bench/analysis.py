"""The cost of analysis: 10,000 synthetic relationships to tables and metrics.

Makes the portfolio (``clientrecovery.examples.synthetic_portfolio``), writes it as JSON
lines, then times each step over the whole portfolio, and measures its peak memory
(tracemalloc, on the first 1,000 relationships, apart from the timing):

- loading the documents (``load_jsonl``, which replays every history): the baseline;
- ``analysis.tables`` (the six tables of plain dicts);
- every metric of ``analysis`` over the whole portfolio, and one grouped metric;
- ``analysis.frames`` (pandas DataFrames), when pandas is installed.

Prints seconds, peak memory and the ratio of each to loading.

Run: ``python bench/analysis.py [count]`` (or ``make bench``).
"""

from __future__ import annotations

import io
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from clientrecovery import analysis as an
from clientrecovery import dump_jsonl, load_jsonl
from clientrecovery.examples import synthetic_portfolio


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def peak(work: Callable[[], Any]) -> float:
    """The peak of memory allocated while ``work`` runs, in MB (tracemalloc slows it down,
    so it is measured apart from the time)."""
    tracemalloc.start()
    work()
    top = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return top


def metrics(cases: list[Any]) -> dict[str, Any]:
    return {
        "recovery_rate": an.recovery_rate(cases),
        "days_in_stage": an.days_in_stage(cases),
        "time_to_issue_agreement": an.time_to_issue_agreement(cases),
        "time_to_plan_agreement": an.time_to_plan_agreement(cases),
        "time_to_close": an.time_to_close(cases),
        "on_time_rate": an.on_time_rate(cases),
        "warning_lead_times": an.warning_lead_times(cases),
        "follow_up_adherence": an.follow_up_adherence(cases),
        "rules_broken": an.rules_broken(cases, now=datetime(2027, 1, 1, tzinfo=UTC)),
    }


def main(count: int) -> None:
    print(f"making {count:,} synthetic relationships ...")
    out = io.StringIO()
    dump_jsonl(synthetic_portfolio(count, seed=3), out)
    lines = out.getvalue().splitlines()
    print(f"  {len(out.getvalue()) / 1e6:.1f} MB of JSON lines\n")

    cases, load_s = timed(lambda: list(load_jsonl(lines)))
    sample_lines = lines[:1_000]
    steps: list[tuple[str, Callable[[list[Any]], Any]]] = [
        ("analysis.tables", an.tables),
        ("every metric, whole portfolio", metrics),
        (
            "recovery_rate grouped by trigger",
            lambda c: an.grouped(an.recovery_rate, c, by="trigger_category"),
        ),
    ]
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("  (pandas is not installed: frames skipped)")
    else:
        steps.append(("analysis.frames (pandas)", an.frames))
    load_mb = peak(lambda: list(load_jsonl(sample_lines)))
    rows = [("load_jsonl (the baseline)", load_s, load_mb)]
    for label, step in steps:  # in a notebook's order: later steps reuse the replays
        _, seconds = timed(lambda step=step: step(cases))  # type: ignore[misc]
        fresh = list(load_jsonl(sample_lines))  # nothing cached from the timed run
        rows.append((label, seconds, peak(lambda step=step, fresh=fresh: step(fresh))))  # type: ignore[misc]
    tables = an.tables(cases)

    print(f"  {'':34} {'seconds':>8} {'x load':>7} {'MB/1,000':>9} {'x load':>7}")
    for label, seconds, mb in rows:
        print(f"  {label:34} {seconds:8.2f} {seconds / load_s:7.2f} {mb:9.1f} {mb / load_mb:7.2f}")
    print(f"\n  memory: the peak allocated for the first {len(sample_lines):,} relationships")
    count = sum(len(t) for t in (tables["relationships"], tables["events"], tables["stages"]))
    count += sum(len(t) for t in (tables["issues"], tables["initiatives"], tables["commitments"]))
    print(f"\n  {count:,} rows in all")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
