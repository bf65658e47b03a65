"""The cost of asking what time says: ``findings(now)`` over many recovering cases.

Builds 10,000 relationships in the RECOVERING stage (a few issues each, some follow-ups,
contacts and a delay warning, days apart), then times ``findings(now)`` over all of them,
and replaying all of them, and prints the cost per relationship and the ratio.

Run: ``python bench/clock.py [count]`` (or ``make bench``).
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta

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


def recovering(k: int) -> Relationship:
    """A recovering case; ``k`` varies its size and activity."""
    t = T0 + timedelta(hours=k % 97)
    r = Relationship.open(f"Client {k}", trigger="late reports", at=t, id=f"c{k}")
    r = r.assess(
        Assessment("cause", "timeline", [Stakeholder("Ana", "COO", Party.CLIENT)], "impl", "view"),
        at=t,
    )
    r = r.align_internally(approved_by="Lee", at=t).meet_client(at=t, willing=True)
    n = 1 + k % 4
    for i in range(1, n + 1):
        r = r.raise_issue(f"issue {i}", at=t)
        r = r.specify_issue(
            f"I{i}", examples=["x"], quantification=Quantification("m", i, ""), at=t
        )
    r = r.agree_issues(at=t, nothing_missed=True)
    due = (t + timedelta(days=20)).date()
    r = r.secure_commitment(Commitment(Party.CLIENT, "renew", "signed", due), at=t)
    r = r.promise_response(by=(t + timedelta(days=1)).date(), at=t).send_written_summary(at=t)
    day1 = t + timedelta(days=1)
    work = [
        Initiative(f"A{i}", f"fix {i}", (f"I{i}",), Party.PROVIDER, "Sam", due, "ok", i, i == 1)
        for i in range(1, n + 1)
    ]
    work.append(Initiative("CL", "client part", (), Party.CLIENT, "Ana", due, "ok", n + 1))
    options = [
        ResolutionOption("a", "redo", client_gain=2, provider_gain=1, preferred=True),
        ResolutionOption("b", "refund", client_gain=1, provider_gain=0),
    ]
    r = r.propose_plan(TurnaroundPlan(work, options), at=day1).agree_plan(at=day1)
    for d in range(2, 2 + k % 9, 2):
        r = r.follow_up(at=t + timedelta(days=d), note="ok")
        r = r.contact_client(at=t + timedelta(days=d), channel="call", summary="update")
    if k % 3 == 0:
        r = r.warn_delay("A1", new_due=due + timedelta(days=5), reason="x", at=r.last_event.at)
    return r


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    cases = [recovering(k) for k in range(count)]
    now = T0 + timedelta(days=25)
    histories = [r.history for r in cases]

    start = time.perf_counter()
    found = sum(len(r.findings(now)) for r in cases)
    findings_s = time.perf_counter() - start

    start = time.perf_counter()
    for history in histories:
        Relationship.replay(history)
    replay_s = time.perf_counter() - start

    events = sum(len(h) for h in histories)
    print(
        f"{count} recovering relationships, {events} events, {found} findings as of {now:%Y-%m-%d}"
    )
    print(
        f"  findings(now)  {findings_s:8.3f} s  {findings_s / count * 1e6:8.1f} us per relationship"
    )
    print(f"  replay         {replay_s:8.3f} s  {replay_s / count * 1e6:8.1f} us per relationship")
    print(f"  findings / replay: {findings_s / replay_s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
