"""The labelled corpus: per-check precision and recall on its development half, traps.

Precision and recall are asserted on ``development.jsonl`` only. The other files have since
become development material too (the model of ``guidance/_model.json`` is trained on all of
them), and are read here only for their traps: clean sentences of each kind the articles'
principles make easy to misread.
How well the review generalises is measured by ``tools/guidance_model.py cv`` (one file held
out at a time) and by ``bench/guidance.py`` on any new file, never asserted.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

import pytest

from clientrecovery import Rule, Severity
from clientrecovery.guidance import review

CORPUS = Path(__file__).parent / "guidance_corpus"
VIOLATIONS = (Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES)
CREDITS = (Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT)

Case = tuple[str, frozenset[Rule], str]


@cache
def corpus(name: str) -> tuple[Case, ...]:
    """One file of the corpus: each sentence with its labels and its kind."""
    cases = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        labels = frozenset(Rule(x) for x in (*item["violations"], *item["credits"]))
        cases.append((item["text"], labels, item["kind"]))
    return tuple(cases)


def development() -> tuple[Case, ...]:
    """The development half: each sentence with its labels and its kind."""
    return corpus("development.jsonl")


def predicted(text: str) -> frozenset[Rule]:
    """The checks that flag ``text`` and the credits it earns."""
    found = review(text)
    flagged = {f.rule for f in found if f.severity is Severity.WARNING}
    return frozenset(flagged | {f.rule for f in found if f.severity is Severity.INFO})


class TestTheCorpus:
    def test_the_development_half_is_the_even_hashes(self) -> None:
        """The split is fixed: a sentence whose sha256 starts with an even byte."""
        texts = [text for text, _, _ in development()]

        assert all(hashlib.sha256(t.encode("utf-8")).digest()[0] % 2 == 0 for t in texts)
        assert len(set(texts)) == len(texts) >= 200

    def test_every_check_and_credit_has_cases_and_half_the_sentences_are_clean(self) -> None:
        """At least 15 positives for each label; clean sentences, mostly traps, too."""
        cases = development()
        clean = [c for c in cases if not c[1] & set(VIOLATIONS)]

        for rule in (*VIOLATIONS, *CREDITS):
            assert sum(rule in labels for _, labels, _ in cases) >= 15, rule
        assert 0.4 <= len(clean) / len(cases) <= 0.6
        assert sum(kind.startswith("trap:") for _, _, kind in clean) >= 100


@pytest.mark.parametrize("rule", [*VIOLATIONS, *CREDITS], ids=lambda r: r.value)
def test_precision_and_recall_on_the_development_half(rule: Rule) -> None:
    """At least 0.93 and 0.9 for every check and credit (measured: 0.97-1.00 and 0.94-1.00);
    a failure lists the mistakes."""
    tp = fp = fn = 0
    mistakes = []
    for text, labels, _ in development():
        got, want = rule in predicted(text), rule in labels
        tp += got and want
        fp += got and not want
        fn += want and not got
        if got != want:
            mistakes.append(f"{'missed' if want else 'false alarm'}: {text}")

    precision = tp / (tp + fp)
    recall = tp / (tp + fn)

    assert precision >= 0.93, mistakes
    assert recall >= 0.9, mistakes


def test_trap_sentences_are_almost_never_flagged() -> None:
    """Quoted client words, listening prompts, apologies, idioms: at most 2 of them."""
    traps = [
        text
        for text, labels, kind in development()
        if kind.startswith("trap:") and not labels & set(VIOLATIONS)
    ]

    flagged = [t for t in traps if predicted(t) & set(VIOLATIONS)]

    assert len(flagged) <= 2, flagged


# The trap classes of the corpus (issue 18), found through each trap's ``kind``.
TRAPS = {
    "quoted client words": r"quot",
    "asking the client to articulate": (
        r"help me understand|perspective|where you sit|question|articulate|asking|vent"
        r"|do you feel"
    ),
    "reflecting back": r"heard|reflect|you told us|you said|you're right|you were right",
    "responsibility-accepting we": (
        r"responsib|fault|blame|mistake|own|down to us|should have|on our side|because of our"
        r"|wrong|let you down"
    ),
    "apologies and empathy": r"apolog|empathy|sorry|admission|thanks|we know",
    "idioms with never or always": r"idiom|never too|always welcome|never|always",
    "specific commitments": r"commitment|every other day|every as|always as",
}


@pytest.mark.parametrize("trap", TRAPS, ids=str)
def test_every_trap_class_has_cases_and_is_rarely_flagged(trap: str) -> None:
    """Across the three files each class has at least 10 clean traps, and at most 1 in 8
    of them raises a warning (measured: none for most classes, 4 of 83 for owned fault)."""
    pattern = re.compile(TRAPS[trap])
    traps = [
        text
        for name in ("development.jsonl", "heldout.jsonl", "fresh.jsonl")
        for text, labels, kind in corpus(name)
        if kind.startswith("trap:") and pattern.search(kind) and not labels & set(VIOLATIONS)
    ]

    flagged = [t for t in traps if predicted(t) & set(VIOLATIONS)]

    assert len(traps) >= 10
    assert len(flagged) <= len(traps) / 8, flagged
