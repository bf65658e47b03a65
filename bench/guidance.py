"""How well and how fast ``guidance.review`` works, on sentences it was not written from.

Reads every labelled file in ``tests/guidance_corpus/`` (``*.jsonl``, written from the
articles' principles by writers who had not seen the engine) and prints precision and recall
per check and per credit on each: ``development.jsonl``, which the cues were tuned on,
``heldout.jsonl``, ``fresh.jsonl``, ``blind.jsonl``, ``blind2.jsonl`` and ``extra.jsonl``
(more writers' sets, which the model of ``guidance/_model.json`` was trained on), and any
other file put there, such as a new blind set, which is picked up as it is and only ever
measured. Only figures are printed, never sentences, except with ``--misses``, which lists
the development file's mistakes.
Figures on the files the model was trained on say how well it fits them, not how well it
generalises: for that, ``python tools/guidance_model.py cv``.

Then it times ``review`` on a message of about 1,000 words (development sentences run
together), in CPU time so that other work on the machine counts less, and, beside it,
two named peers on the same text: one case-insensitive regular
expression of the four checks' keywords (the kind of phrase list the engine replaced), and
VADER's sentiment scores (``vaderSentiment``) if it is installed. Last, it times messages
ten and forty times longer, whose time per 1,000 words stays flat if review is linear.

Run: ``python bench/guidance.py [--misses]`` (or ``make bench``).
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from clientrecovery import Rule, Severity
from clientrecovery.guidance import review

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "guidance_corpus"
VIOLATIONS = (Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES)
CREDITS = (Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT)
TARGET_PRECISION, TARGET_RECALL = 0.85, 0.75

Case = tuple[str, frozenset[Rule]]


def load(name: str) -> list[Case]:
    """The sentences of one half, each with its labels."""
    cases: list[Case] = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            labels = frozenset(Rule(x) for x in (*item["violations"], *item["credits"]))
            cases.append((item["text"], labels))
    return cases


def predicted(text: str) -> frozenset[Rule]:
    """The checks that flag ``text`` and the credits it earns."""
    found = review(text)
    flagged = {f.rule for f in found if f.severity is not Severity.INFO and f.rule in VIOLATIONS}
    earned = {f.rule for f in found if f.rule in CREDITS}
    return frozenset(flagged | earned)


def scores(cases: list[Case], rule: Rule) -> tuple[float, float, int, int, int]:
    """Precision, recall, true positives, false positives and misses of ``rule``."""
    tp = fp = fn = 0
    for text, labels in cases:
        got, want = rule in predicted(text), rule in labels
        tp += got and want
        fp += got and not want
        fn += want and not got
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def quality(halves: dict[str, list[Case]]) -> None:
    print(f"{'rule':<22}" + "".join(f"{name:>34}" for name in halves))
    print(f"{'':<22}" + f"{'precision  recall  (tp/fp/fn)':>34}" * len(halves))
    for rule in (*VIOLATIONS, *CREDITS):
        row = f"{rule.value:<22}"
        for cases in halves.values():
            p, r, tp, fp, fn = scores(cases, rule)
            mark = "" if p >= TARGET_PRECISION and r >= TARGET_RECALL else " *"
            row += f"{p:>13.2f}{r:>8.2f}  ({tp}/{fp}/{fn}){mark:<2}".rjust(34)
        print(row)
    sizes = ", ".join(f"{name} {len(cases)} sentences" for name, cases in halves.items())
    print(f"({sizes}; * misses the target of precision {TARGET_PRECISION}, recall {TARGET_RECALL})")


def misses(cases: list[Case]) -> None:
    for text, labels in cases:
        got = predicted(text)
        for rule in sorted(got ^ labels, key=lambda r: r.value):
            kind = "missed" if rule in labels else "false alarm"
            print(f"{rule.value:<21} {kind:<12} {text}")


def timed(run: Callable[[], object], repeat: int = 200) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append((time.process_time() - start) * 1000)
    return times


def speed(cases: list[Case]) -> None:
    words: list[str] = []
    for text, _ in cases:
        words.extend(text.split())
        if len(words) >= 1000:
            break
    message = " ".join(words[:1000])
    keywords = re.compile(
        r"\b(?:fault|blame|you failed|you should have|because of you|we believe|our opinion"
        r"|proud|our reputation|ridiculous|frustrat\w*|frankly|as i said|always|never"
        r"|everything|nobody)\b",
        re.IGNORECASE,
    )
    peers: dict[str, Callable[[], object]] = {
        "guidance.review": lambda: review(message),
        "one keyword regex": lambda: keywords.findall(message),
    }
    try:
        vader = importlib.import_module("vaderSentiment.vaderSentiment")
    except ImportError:
        print("(vaderSentiment is not installed: VADER not measured)")
    else:
        analyzer = vader.SentimentIntensityAnalyzer()
        peers["VADER polarity_scores"] = lambda: analyzer.polarity_scores(message)
    print(f"\nA message of {len(message.split())} words, {len(message)} characters:")
    base = None
    for name, run in peers.items():
        run()
        times = timed(run)
        median = statistics.median(times)
        quartiles = statistics.quantiles(times, n=4)
        base = base or median
        print(
            f"  {name:<22} median {median:7.3f} ms  (quartiles {quartiles[0]:.3f}-"
            f"{quartiles[2]:.3f}, max {max(times):.3f})  {median / base:6.2f}x review"
        )


def scaling(cases: list[Case]) -> None:
    """``review`` on ever longer messages (the development sentences run together): the
    time per 1,000 words stays about the same when the engine is linear in the text."""
    sentences = " ".join(text for text, _ in cases)
    print("\nLonger messages (time per 1,000 words should stay flat):")
    dense = "You never send the figures on time. "  # a finding in every sentence
    messages = [(" ".join([sentences] * copies), "development") for copies in (1, 10, 40)]
    messages += [(dense * copies, "one finding each") for copies in (100, 1000, 10000)]
    for message, kind in messages:
        words = len(message.split())
        best = min(timed(functools.partial(review, message), repeat=3))
        print(
            f"  {kind:<17} {words:>7,} words  {best:9.1f} ms"
            f"  {best / words * 1000:6.2f} ms per 1,000 words"
        )


def main() -> int:
    development = load("development.jsonl")
    if "--misses" in sys.argv[1:]:
        misses(development)
        return 0
    files = sorted(CORPUS.glob("*.jsonl"), key=lambda p: (p.name != "development.jsonl", p.name))
    quality({path.stem: load(path.name) for path in files})
    speed(development)
    scaling(development)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
