"""How the lifecycle's cost grows with the size of a case.

Builds cases with 10, 100 and 1,000 issues (one initiative each) through the public
commands, and replays histories of about 100, 1,000 and 10,000 events. Prints the best of
several runs and the growth ratio from one size to the next: linear growth shows as a ratio
near 10 for ten times the work. The target: the 1,000-issue case within 12x the 100-issue one.

Run: ``python bench/lifecycle.py`` (or ``make bench``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from clientrecovery import (
    Assessment,
    Commitment,
    Initiative,
    Party,
    Quantification,
    Relationship,
    ResolutionOption,
    Stakeholder,
    TurnaroundPlan,
)

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
TARGET = 12.0


def build_case(n: int) -> Relationship:
    """A whole recovery with ``n`` issues and ``n`` initiatives, from opening to close."""
    r = Relationship.open("Bench Ltd", trigger="bench", at=T0, id=f"bench-{n}")
    r = r.assess(
        Assessment("cause", "timeline", [Stakeholder("Ana", "COO", Party.CLIENT)], "impl", "view"),
        at=T0,
    )
    r = r.align_internally(approved_by="Lee", at=T0).meet_client(at=T0, willing=True)
    measure = Quantification("occurrences", 1, "per week")
    for k in range(1, n + 1):
        r = r.raise_issue(f"issue {k}", at=T0)
        r = r.specify_issue(f"I{k}", examples=["an example"], quantification=measure, at=T0)
    r = r.agree_issues(at=T0, nothing_missed=True)
    due = (T0 + timedelta(days=40)).date()
    r = r.secure_commitment(Commitment(Party.CLIENT, "renew", "signed", due), at=T0)
    day1 = T0 + timedelta(days=1)
    r = r.promise_response(by=day1.date(), at=T0).send_written_summary(at=T0)
    work = [
        Initiative(
            f"A{k}",
            f"fix {k}",
            (f"I{k}",),
            Party.PROVIDER if k > 1 else Party.CLIENT,
            "Sam",
            due,
            "fixed",
            priority=k,
            quick_win=k == 1,
        )
        for k in range(1, n + 1)
    ]
    options = [
        ResolutionOption("a", "redo", client_gain=2, provider_gain=1, preferred=True),
        ResolutionOption("b", "refund", client_gain=1, provider_gain=0),
    ]
    r = r.propose_plan(TurnaroundPlan(work, options), at=day1).agree_plan(at=day1)
    for k in range(1, n + 1):
        r = r.start_initiative(f"A{k}", at=day1)
        r = r.complete_initiative(f"A{k}", at=day1)
        r = r.resolve_issue(f"I{k}", evidence="confirmed", at=day1)
    r = r.fulfil_commitment("C1", evidence="signed", at=day1)
    return r.close(at=day1)


def history_of(events: int) -> Relationship:
    """A recovering case padded with follow-ups to about ``events`` events."""
    r = build_case(10)
    r = Relationship.replay(r.history[:-1])  # not closed: follow-ups may still be added
    at = r.history[-1].at
    while r.version < events:
        r = r.follow_up(at=at, note="on track")
    return r


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def report(title: str, sizes: list[int], seconds: list[float], unit: str) -> list[float]:
    print(f"\n{title}")
    print(f"  {unit:>8}  {'best (ms)':>10}  {'per item (us)':>13}  {'ratio to previous':>17}")
    ratios = []
    for i, (size, sec) in enumerate(zip(sizes, seconds, strict=True)):
        ratio = sec / seconds[i - 1] if i else float("nan")
        if i:
            ratios.append(ratio)
        shown = f"{ratio:17.2f}" if i else f"{'':>17}"
        print(f"  {size:>8}  {sec * 1e3:10.2f}  {sec / size * 1e6:13.2f}  {shown}")
    return ratios


def main() -> int:
    sizes = [10, 100, 1000]
    build = [best(partial(build_case, n), repeat=5 if n < 1000 else 3) for n in sizes]
    build_ratios = report("Build a whole case (issues, initiatives)", sizes, build, "issues")

    lengths = [100, 1_000, 10_000]
    histories = [history_of(n).history for n in lengths]
    replay = [best(partial(Relationship.replay, h), repeat=3) for h in histories]
    report("Replay a history", [len(h) for h in histories], replay, "events")

    ok = build_ratios[-1] <= TARGET
    verdict = "within" if ok else "OVER"
    ratio = build_ratios[-1]
    print(f"\n1,000-issue case / 100-issue case: {ratio:.2f}x ({verdict} the {TARGET:.0f}x target)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
