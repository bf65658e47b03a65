"""Precision and recall of ``guidance.review`` on the sentences of ``tests/guidance_sentences``.

Those sentences carry every label each one holds. ``TUNED`` are the ones the cues were
changed against; ``HELD_BACK`` (a third, chosen once by hash) were never looked at while
the cues changed, so their figures say how the cues do on wordings they were not built
from. Figures only; no sentence is printed.

Run: ``python bench/guidance_sentences.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.guidance_sentences import HELD_BACK, TUNED

from clientrecovery import Rule
from clientrecovery.guidance import review

LABELS = {
    "B": Rule.NO_BLAME,
    "E": Rule.NO_EGO,
    "F": Rule.FACTS_NOT_EMOTION,
    "G": Rule.NO_GENERALITIES,
    "L": Rule.LISTENING,
    "T": Rule.TAKES_RESPONSIBILITY,
    "S": Rule.SPECIFIC_COMMITMENT,
}


def figures(cases: list[tuple[str, str]]) -> dict[Rule, tuple[float, float, int]]:
    """Precision, recall and positives per rule."""
    found = [
        ({f.rule for f in review(text)}, {LABELS[c] for c in labels if c != "-"})
        for labels, text in cases
    ]
    out = {}
    for rule in LABELS.values():
        tp = sum(rule in got and rule in want for got, want in found)
        fp = sum(rule in got and rule not in want for got, want in found)
        fn = sum(rule in want and rule not in got for got, want in found)
        out[rule] = (
            tp / (tp + fp) if tp + fp else 1.0,
            tp / (tp + fn) if tp + fn else 1.0,
            tp + fn,
        )
    return out


def main() -> None:
    for name, cases in (("tuned", TUNED), ("held back", HELD_BACK)):
        print(f"{name}: {len(cases)} sentences")
        for rule, (precision, recall, positives) in figures(cases).items():
            print(
                f"  {rule.value:22} precision {precision:.2f}  recall {recall:.2f}  ({positives})"
            )


if __name__ == "__main__":
    main()
