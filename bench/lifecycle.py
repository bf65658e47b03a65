"""How the lifecycle's cost grows with the size of a case.

- Builds cases with 10, 100 and 1,000 issues (one initiative each) through the public
  commands: linear growth shows as a ratio near 10 for ten times the work. Target: the
  1,000-issue case within 12x the 100-issue one, so each command costs the same.
- Times single commands on a 100-issue and a 1,000-issue case, one by one: flat is a ratio
  near 1.
- Replays histories of about 1,000, 10,000 and 100,000 events: the cost per event should stay
  flat (target: 100,000 events at most 1.5x the per-event cost of 1,000).
- Loads 100,000 events of waits on the client and resumes, beside 100,000 client contacts:
  holds are appended in O(1) and cost about what contacts cost (target: within 1.3x; the
  case's policy is the default, in UTC).
- Asks ``findings(now)`` of every case of the example portfolio (the stories and 300
  synthetic cases, each freshly replayed, three days after its last event), beside the same
  measure on the release before the whole method's findings (``PREVIOUS_RELEASE``, taken
  from git with ``git archive``): each round keeps one process per side, each importing its
  own ``src``, both pinned to the same CPU, and alternates their batches one by one; the
  median of the pairs' ratios is judged (target: at most 2x). Without git or that commit,
  the previous release is said to be unavailable and why, and the current tree is timed
  alone.

Prints the best of several runs, the spread (worst/best), medians with their range, and
the ratios.

Run: ``python bench/lifecycle.py`` (or ``make bench``); ``--findings-only`` runs the last
comparison alone, ``--rounds`` and ``--batches`` size it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

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
from clientrecovery import events as ev

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
TARGET = 12.0
REPLAY_TARGET = 1.5
HOLDS_TARGET = 1.3
FINDINGS_TARGET = 2.0
PREVIOUS_RELEASE = "485ae49"
"""The release before the whole method's findings: ``findings(now)`` is timed against it."""
_CURRENT, _PREVIOUS = "current tree", "previous release"


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


def _recovering(n: int) -> Relationship:
    """The ``n``-issue case with its plan agreed and no work started."""
    history = build_case(n).history
    agreed = max(k for k, e in enumerate(history) if isinstance(e, ev.PlanAgreed))
    return Relationship.replay(history[: agreed + 1])


def padded(base: Relationship, events: int, kind: str) -> list[ev.Event]:
    """``base``'s history and, up to ``events`` in all, waits and resumes on one initiative
    or client contacts, built as events (as a store would read them)."""
    history = list(base.history)
    at = history[-1].at
    n = 0
    while len(history) < events:
        n += 1
        if kind == "contacts":
            history.append(ev.ClientContacted(channel="call", summary="update", at=at))
        elif n % 2:
            history.append(
                ev.WaitedOnClient(
                    initiative_id="A2", reason="data", needs="the export", by=at.date(), at=at
                )
            )
        else:
            history.append(ev.Resumed(initiative_id="A2", at=at))
    return history


def runs(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def best(fn: Callable[[], object], repeat: int) -> float:
    return min(runs(fn, repeat))


def _chained(r: Relationship, name: str, count: int) -> Relationship:
    """``count`` commands ``name`` in a row, each on the relationship the last one gave."""
    t = r.last_event.at
    for k in range(count):
        match name:
            case "raise_issue":
                r = r.raise_issue("late", at=t)
            case "start_initiative":
                r = r.start_initiative(f"A{k + 2}", at=t)
            case "warn_delay":
                new_due = (t + timedelta(days=60 + k)).date()
                r = r.warn_delay("A2", new_due=new_due, reason="late", at=t)
            case "wait_on_client" | "resume":
                r = r.wait_on_client("A2", reason="data", needs="x", by=t.date(), at=t)
                r = r.resume("A2", at=t)
            case "follow_up":
                r = r.follow_up(note="ok", at=t)
            case "contact_client":
                r = r.contact_client(channel="call", summary="s", at=t)
            case "promise":
                r = r.promise(Commitment(Party.PROVIDER, "call", "logged", t.date()), at=t)
    return r


def per_command(sizes: tuple[int, int]) -> bool:
    """Runs of one command on a small and a large recovering case: per command, the ratio
    should be near 1 (target: at most 2)."""
    cases = {n: _recovering(n) for n in sizes}
    small, large = sizes
    count = 50
    print(f"\n{count} commands in a row on a {small}-issue and a {large}-issue recovering case")
    print(f"  {'command':>22}  {small:>8} (us)  {large:>8} (us)  {'ratio':>6}")
    ok = True
    names = ("raise_issue", "start_initiative", "warn_delay", "wait_on_client")
    for name in (*names, "follow_up", "contact_client", "promise"):
        timed = {n: best(partial(_chained, cases[n], name, count), 5) / count for n in sizes}
        ratio = timed[large] / timed[small]
        ok = ok and ratio <= 2.0
        shown = "wait_on_client+resume" if name == "wait_on_client" else name
        print(
            f"  {shown:>22}  {timed[small] * 1e6:13.1f}  {timed[large] * 1e6:13.1f}  {ratio:6.2f}"
        )
    return ok


def replay_per_event() -> bool:
    lengths = [1_000, 10_000, 100_000]
    histories = [history_of(n).history for n in lengths]
    times = [runs(partial(Relationship.replay, h), repeat=3) for h in histories]
    seconds = [min(t) for t in times]
    report("Replay a history (follow-ups)", [len(h) for h in histories], seconds, "events")
    per_event = [s / len(h) for s, h in zip(seconds, histories, strict=True)]
    ratio = per_event[-1] / per_event[0]
    spread = max(max(t) / min(t) for t in times)
    ok = ratio <= REPLAY_TARGET
    verdict = "within" if ok else "OVER"
    print(
        f"  per event, 100,000 / 1,000: {ratio:.2f}x ({verdict} the {REPLAY_TARGET}x target;"
        f" spread {spread:.2f})"
    )
    return ok


def holds_load_like_contacts() -> bool:
    base = _recovering(10).start_initiative("A2", at=_recovering(10).last_event.at)
    contacts = padded(base, 100_000, "contacts")
    waits = padded(base, 100_000, "holds")
    t_contacts = runs(partial(Relationship.replay, contacts), 3)
    t_waits = runs(partial(Relationship.replay, waits), 3)
    ratio = min(t_waits) / min(t_contacts)
    ok = ratio <= HOLDS_TARGET
    verdict = "within" if ok else "OVER"
    print("\nLoad 100,000 events (replay)")
    for label, times in (("client contacts", t_contacts), ("waits and resumes", t_waits)):
        spread = max(times) / min(times)
        print(f"  {label:22}  {min(times) * 1e3:9.1f} ms  (spread {spread:.2f})")
    print(f"  waits / contacts: {ratio:.2f}x ({verdict} the {HOLDS_TARGET}x target)")
    return ok


_FINDINGS_WORKER = """
import gc, json, os, sys, time
from datetime import timedelta

cpu = int(sys.argv[1])
if cpu >= 0 and hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {cpu})
import clientrecovery
from clientrecovery import Relationship
from clientrecovery.examples import stories, synthetic_portfolio

cases = [*stories(), *synthetic_portfolio(300, seed=0)]
moments = [r.last_event.at + timedelta(days=3) for r in cases]
ended = [i for i, r in enumerate(cases) if r.stage.name in ("RECOVERED", "LOST")]
running = [i for i in range(len(cases)) if i not in set(ended)]


def batch():
    fresh = [Relationship.replay(r.history) for r in cases]  # nothing kept from before
    gc.collect()
    spent = []
    for group in (ended, running):
        start = time.perf_counter()
        for i in group:
            fresh[i].findings(moments[i])
        spent.append((time.perf_counter() - start) * 1e6)
    return spent


batch()  # a warm-up: imports, the reviews of texts never seen
shown = {"module": clientrecovery.__file__, "cases": len(cases), "ended": len(ended)}
print(json.dumps(shown), flush=True)
for _ in sys.stdin:
    print(json.dumps(batch()), flush=True)
"""
"""Times ``findings(now)`` on the example portfolio of whichever ``clientrecovery`` it
imports (``PYTHONPATH``), one batch of fresh replays for each line it reads: prints the
microseconds spent on the ended cases and on the running ones. Pinned to the CPU its
argument names."""


class _Unavailable(Exception):
    """Why one side of the comparison (``label``) could not be timed."""

    def __init__(self, label: str, why: str) -> None:
        super().__init__(why)
        self.label = label


class _Worker:
    """A timing process for one side, kept between its batches so that the two sides'
    batches can alternate one by one, close together in time."""

    def __init__(self, label: str, src: Path, cpu: int) -> None:
        self.label = label
        env = {**os.environ, "PYTHONPATH": str(src)}
        command = [sys.executable, "-c", _FINDINGS_WORKER, str(cpu)]
        try:
            self._process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        except OSError as problem:
            raise _Unavailable(label, f"it could not be started ({problem})") from None
        header = self._line()
        module = Path(header["module"]).resolve()
        if not module.is_relative_to(src.resolve()):
            self.close()
            raise _Unavailable(label, f"it imported clientrecovery from {module}")
        self.cases: int = header["cases"]
        self.ended: int = header["ended"]

    def _line(self) -> Any:
        line = self._process.stdout.readline() if self._process.stdout else ""
        try:
            return json.loads(line)
        except ValueError:
            self._process.kill()
            said = (self._process.communicate()[1] or "").strip().splitlines()
            why = f"it failed ({said[-1] if said else 'no output'})"
            raise _Unavailable(self.label, why) from None

    def batch(self) -> tuple[float, float]:
        """One batch: ``findings(now)`` of every case, the microseconds spent on the ended
        cases and on the running ones."""
        assert self._process.stdin is not None
        try:
            self._process.stdin.write("\n")
            self._process.stdin.flush()
        except OSError as problem:
            raise _Unavailable(self.label, f"it stopped ({problem})") from None
        spent_ended, spent_running = self._line()
        return float(spent_ended), float(spent_running)

    def close(self) -> None:
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):  # it may have stopped already
                self._process.stdin.close()
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def _previous_release(root: Path, into: Path) -> Path:
    """The ``src`` of :data:`PREVIOUS_RELEASE`, extracted from git into ``into``."""
    command = ["git", "-C", str(root), "archive", "--format=tar", PREVIOUS_RELEASE, "src"]
    try:
        archive = subprocess.run(command, capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError) as problem:
        raise _Unavailable(_PREVIOUS, f"git could not be run ({problem})") from None
    if archive.returncode != 0:
        said = archive.stderr.decode(errors="replace").strip().splitlines()
        failed = f"git archive {PREVIOUS_RELEASE} failed"
        raise _Unavailable(_PREVIOUS, f"{failed} ({said[-1] if said else 'no message'})")
    try:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(into, filter="data")
    except (tarfile.TarError, OSError) as problem:
        why = f"the archive of {PREVIOUS_RELEASE} could not be read ({problem})"
        raise _Unavailable(_PREVIOUS, why) from None
    src = into / "src"
    if not (src / "clientrecovery" / "examples.py").exists():
        raise _Unavailable(_PREVIOUS, f"{PREVIOUS_RELEASE} has no clientrecovery.examples")
    return src


@dataclass
class _Times:
    """Microseconds a case of one side, batch by batch: all cases, ended, running."""

    cases: list[float] = field(default_factory=list)
    ended: list[float] = field(default_factory=list)
    running: list[float] = field(default_factory=list)


def _alternate(
    workers: list[_Worker], batches: int, first: int, times: dict[str, _Times]
) -> tuple[list[float], list[float]]:
    """``batches`` batches a worker, alternated one by one (ABBA...), each kept in
    ``times``. With two workers, the ratios current / previous of each pair, and the same
    with the current tree's costs weighed by the previous portfolio's mix of ended and
    running cases."""
    paired: list[float] = []
    same_mix: list[float] = []
    for b in range(batches):
        order = workers[::-1] if (b + first) % 2 else workers
        taken = {w.label: (w, w.batch()) for w in order}
        for label, (w, (spent_ended, spent_running)) in taken.items():
            times[label].cases.append((spent_ended + spent_running) / w.cases)
            times[label].ended.append(spent_ended / max(w.ended, 1))
            times[label].running.append(spent_running / max(w.cases - w.ended, 1))
        if len(taken) == 2:
            now, before = times[_CURRENT], times[_PREVIOUS]
            paired.append(now.cases[-1] / before.cases[-1])
            previous = taken[_PREVIOUS][0]
            mix = previous.ended / previous.cases
            weighed = mix * now.ended[-1] + (1 - mix) * now.running[-1]
            same_mix.append(weighed / before.cases[-1])
    return paired, same_mix


def _one_cpu() -> int:
    """The CPU every timing process is pinned to (the last this process may use), or -1."""
    if hasattr(os, "sched_getaffinity"):
        return max(os.sched_getaffinity(0))
    return -1


def _spread(values: list[float], unit: str = "") -> str:
    """The median, the middle half and the whole range of ``values``."""
    q1, median, q3 = (
        statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else values * 3
    )
    return (
        f"median {median:.2f}{unit} (middle half {q1:.2f} to {q3:.2f},"
        f" all {min(values):.2f} to {max(values):.2f})"
    )


def findings_against_the_previous_release(rounds: int = 4, batches: int = 20) -> bool:
    """``findings(now)`` per case on the example portfolio, the current tree beside the
    previous release (target: at most 2x).

    Each round starts one process per side, both pinned to the same CPU, and alternates
    their batches one by one (ABBA), so that each pair of batches shares the machine's
    load; the ratio of each pair is taken, and the median of those ratios is judged.
    """
    print(f"\nfindings(now) on the example portfolio, against release {PREVIOUS_RELEASE}")
    root = Path(__file__).resolve().parents[1]
    cpu = _one_cpu()
    times = {_CURRENT: _Times(), _PREVIOUS: _Times()}
    portfolios: dict[str, tuple[int, int]] = {}
    ratios: list[float] = []
    mixed: list[float] = []
    round_ratios: list[float] = []
    done = 0
    with tempfile.TemporaryDirectory(prefix="clientrecovery-previous-") as scratch:
        sources = {_CURRENT: root / "src"}
        try:
            sources[_PREVIOUS] = _previous_release(root, Path(scratch))
        except _Unavailable as why:
            print(f"  the previous release is unavailable: {why}; the current tree alone")
        while done < rounds:
            workers: list[_Worker] = []
            try:
                for label, src in sources.items():
                    workers.append(_Worker(label, src, cpu))
                paired, same_mix = _alternate(workers, batches, first=done % 2, times=times)
            except _Unavailable as why:
                if why.label == _CURRENT:
                    print(f"  not measured: the current tree failed: {why}")
                    return False
                print(f"  the previous release is unavailable: {why}; the current tree alone")
                sources.pop(_PREVIOUS)
                times = {_CURRENT: _Times()}  # the rounds start again, the current tree alone
                ratios, mixed, round_ratios, done = [], [], [], 0
                continue
            finally:
                for w in workers:
                    portfolios[w.label] = (w.cases, w.ended)
                    w.close()
            done += 1
            ratios.extend(paired)
            mixed.extend(same_mix)
            if paired:
                round_ratios.append(statistics.median(paired))
        portfolios = {label: portfolios[label] for label in sources}
    pinned = f"pinned to CPU {cpu}" if cpu >= 0 else "not pinned (no CPU affinity here)"
    print(f"  {done} rounds of {batches} batches a side, alternated one by one, {pinned}")
    for label, (cases, ended) in portfolios.items():
        spent = times[label]
        print(f"  {label} ({cases} cases): {_spread(spent.cases, ' us')} a case")
        print(
            f"    {ended} ended, {statistics.median(spent.ended):.2f} us each;"
            f" {cases - ended} running, {statistics.median(spent.running):.2f} us each (medians)"
        )
    if not ratios:
        return True  # nothing to compare with: reported, not judged
    ratio = statistics.median(ratios)
    ok = ratio <= FINDINGS_TARGET
    verdict = "within" if ok else "OVER"
    print(f"  current / previous, batch by batch: {_spread(ratios, 'x')}")
    medians = ", ".join(f"{r:.2f}x" for r in round_ratios)
    print(f"  median of each round: {medians} ({verdict} the {FINDINGS_TARGET}x target)")
    print("  (each side times its own example portfolio: its stories and 300 synthetic cases;")
    print("  the current tree's costs weighed by the previous portfolio's share of ended and")
    print(f"  running cases give {statistics.median(mixed):.2f}x, median of the pairs)")
    return ok


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings-only", action="store_true", help="only findings(now)")
    parser.add_argument("--rounds", type=int, default=4, help="pairs of processes (4)")
    parser.add_argument("--batches", type=int, default=20, help="batches a side a round (20)")
    given = parser.parse_args(argv)
    if given.findings_only:
        return 0 if findings_against_the_previous_release(given.rounds, given.batches) else 1
    sizes = [10, 100, 1000]
    build = [best(partial(build_case, n), repeat=9 if n < 1000 else 5) for n in sizes]
    build_ratios = report("Build a whole case (issues, initiatives)", sizes, build, "issues")

    ok = build_ratios[-1] <= TARGET
    verdict = "within" if ok else "OVER"
    ratio = build_ratios[-1]
    print(f"  1,000-issue case / 100-issue case: {ratio:.2f}x ({verdict} the {TARGET:.0f}x target)")

    ok = per_command((100, 1000)) and ok
    ok = replay_per_event() and ok
    ok = holds_load_like_contacts() and ok
    ok = findings_against_the_previous_release(given.rounds, given.batches) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
