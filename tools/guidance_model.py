"""Train the guidance review's model (``guidance/_model.json``) and cross-validate it.

The model weighs, for each sentence, its words, word pairs and word classes, and what the
cues found or held back there (``clientrecovery.guidance._model``); the review keeps a
cue's finding the model scores above ``KEEP`` and lets it add a finding for a check the
cues did not find in a sentence (``clientrecovery.guidance._weigh``). It is trained on
every sentence of the corpus files in ``TRAIN``, and on the texts the tests and the example
stories hold sound (:func:`sound_texts`), as examples of the violations' absence.

    python tools/guidance_model.py cv      # leave one corpus file out, print the figures
    python tools/guidance_model.py train   # write src/clientrecovery/guidance/_model.json
    python tools/guidance_model.py cv-vader  # cv with VADER's sentiment as features too

``cv`` holds out each file of ``TRAIN`` in turn, trains on the others and scores the
held-out sentences; then, for each check, it chooses the three thresholds of
``_model.KEEP``, ``_model.ADD`` and ``_model.ADD_BESIDE`` once for all folds: those with
the highest recall over all held-out sentences whose precision there is at least ``FLOOR``
(for a credit ``CREDIT_FLOOR``), and at least 0.85 on every held-out file (or, where the
cues alone are below that on a file, no more than 0.02 below the cues), with which the
shipped model adds no check to a sound sentence of the behaviour tests
(``tests/guidance_sentences.py``) nor to a text of the example stories, and drops no cue's
finding of a check those tests label. It prints them, and the figures per file and pooled
for the cues alone, for the shipped thresholds and for the chosen ones.

Needs scikit-learn (``pip install -e '.[train]'``), a development tool only: the library
scores the shipped weights in plain Python.
"""

from __future__ import annotations

import importlib
import json
import math
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

import clientrecovery.guidance._model as model_module
import clientrecovery.guidance._weigh as weigh_module
from clientrecovery import Party, Policy, Rule
from clientrecovery.examples import stories
from clientrecovery.guidance import _review, record
from clientrecovery.guidance._model import ADD, ADD_BESIDE, KEEP, RULES, Model, features
from clientrecovery.guidance._text import prepare
from clientrecovery.guidance._weigh import scored

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus is read as bench/guidance.py reads it
from bench.guidance import TARGET_PRECISION, TARGET_RECALL, VIOLATIONS, Case, load  # noqa: E402
from tests.guidance_sentences import SENTENCES, TUNED  # noqa: E402

OUT = ROOT / "src" / "clientrecovery" / "guidance" / "_model.json"
TRAIN = (
    "development.jsonl",
    "heldout.jsonl",
    "fresh.jsonl",
    "blind.jsonl",
    "blind2.jsonl",
    "extra.jsonl",
    "blind3.jsonl",
    "blind4.jsonl",
    "extra_a.jsonl",
    "extra_b.jsonl",
    "extra_c.jsonl",
    "blind5.jsonl",
    "blind6.jsonl",
    "blind7.jsonl",
    "blind8.jsonl",
)
C = 1.0  # inverse regularisation strength, chosen by the cross-validation below
PRUNE = 0.03  # weights smaller than this for every rule are left out
FLOOR = 0.88  # the precision over all held-out sentences that a check's thresholds must keep
# A credit's recall is above the target by a margin already: its thresholds keep more
# precision in reserve, the margin an unseen writer's sentences may take away.
CREDIT_FLOOR = 0.92
KEEP_GRID = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)  # 0 (before these): keep every one
GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995)
NEVER = 1.0  # a threshold no score reaches

# What the review makes of one sentence of the corpus, for each check: whether the cues
# found it, and the model's best score where they found it, where nothing was found and
# beside another cue's finding.
Read = dict[Rule, tuple[bool, float, float, float]]
Thresholds = dict[Rule, tuple[float, float, float]]  # (keep, alone, beside), as probabilities


_CUES: dict[str, frozenset[int]] = {}


def cued(text: str) -> frozenset[int]:
    """What the cues alone make of ``text``, as :func:`~._model.features` takes it: each
    check or credit they find by its place in ``RULES``, ``-1 - k`` for one they hold back."""
    if text not in _CUES:
        place = weigh_module._INDEX  # each rule's place in RULES
        vetoed: list[tuple[Rule, int]] = []
        found = _review(text, Party.CLIENT, Policy(), gated=True, weighed=False, held=vetoed)
        marks = {place[f.rule] for f in found if f.rule in place}
        marks |= {-1 - place[rule] for rule, _ in vetoed if rule in place}
        _CUES[text] = frozenset(marks)
    return _CUES[text]


def fit(cases: list[Case], sound: list[Case] | None = None) -> Model:
    """The model of ``cases``; ``sound`` (by default :func:`sound_texts`) are more examples
    of their violations' absence, not of the credits (their credits are not labelled)."""
    sound = sound_texts() if sound is None else sound
    everything = [*cases, *sound]
    rows = [dict.fromkeys(features(prepare(text).lower, cued(text)), 1) for text, _ in everything]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    names = vectorizer.get_feature_names_out()
    bias: list[float] = []
    columns: list[list[float]] = []
    for rule in RULES:
        labels = [rule in want for _, want in everything]
        weight = [1.0] * len(cases) + [float(rule in VIOLATIONS)] * len(sound)
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        model.fit(matrix, labels, sample_weight=weight)
        bias.append(round(float(model.intercept_[0]), 4))
        columns.append([round(float(w), 3) for w in model.coef_[0]])
    weights = {
        str(name): tuple(col[i] for col in columns)
        for i, name in enumerate(names)
        if max(abs(col[i]) for col in columns) >= PRUNE
    }
    return Model(tuple(bias), weights)


def sound_texts() -> list[Case]:
    """The texts the review is asked to leave without a warning: the behaviour tests' sound
    sentences, the violations of those checked for exactly their labels, and the example
    stories' client-facing texts in which the cues find no violation (its credits are
    labelled there too, but not weighed: only what is not a violation is taught)."""
    tested = [*((labels, text) for labels, text in SENTENCES if labels == "-"), *TUNED]
    tested.extend(("-", text) for text in _story_texts())
    return [(text, _labels(labels)) for labels, text in tested]


def read(text: str, model: Model) -> Read:
    """What the cues find in ``text``, and the model's best scores where they found each
    check (its finding kept above :data:`~._model.KEEP`), where nothing else was found and
    beside another finding."""
    held: list[tuple[Rule, int]] = []
    found = list(_review(text, Party.CLIENT, Policy(), gated=True, weighed=False, held=held))
    cues = {f.rule for f in found}
    kept = dict.fromkeys(RULES, -math.inf)
    alone = dict.fromkeys(RULES, -math.inf)
    beside = dict.fromkeys(RULES, -math.inf)
    every = frozenset(range(len(RULES)))
    for _, _, rule, score, next_to, cue in scored(
        prepare(text), found, RULES, model, held, doubt=every
    ):
        into = kept if cue else beside if next_to else alone
        into[rule] = max(into[rule], score)
    return {rule: (rule in cues, kept[rule], alone[rule], beside[rule]) for rule in RULES}


def _logit(p: float) -> float:
    if p <= 0:
        return -math.inf
    return math.inf if p >= NEVER else math.log(p / (1 - p))


def _columns(reads: list[tuple[frozenset[Rule], Read]], rule: Rule) -> np.ndarray:
    """``reads`` for ``rule`` as rows of (labelled, cue, kept, alone, beside)."""
    return np.array([(rule in want, *got[rule]) for want, got in reads], dtype=float).reshape(-1, 5)


def _flagged(rows: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """For each (keep, alone, beside) of ``grid`` (log-odds) and each row: flagged?"""
    keep, alone, beside = (grid[:, i : i + 1] for i in range(3))
    cue = rows[:, 1] > 0
    return (cue & (rows[:, 2] > keep)) | (rows[:, 3] > alone) | (rows[:, 4] > beside)


def _counts(rows: np.ndarray, flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Precision and recall for each row of ``flags``."""
    want = rows[:, 0] > 0
    tp = (flags & want).sum(axis=1)
    fp = (flags & ~want).sum(axis=1)
    fn = (~flags & want).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(tp + fp > 0, tp / (tp + fp), 1.0)
        recall = np.where(tp + fn > 0, tp / (tp + fn), 1.0)
    return precision, recall


def figures(
    reads: list[tuple[frozenset[Rule], Read]], rule: Rule, thresholds: tuple[float, float, float]
) -> tuple[float, float]:
    """Precision and recall of ``rule`` with these thresholds (probabilities)."""
    grid = np.array([[_logit(p) for p in thresholds]])
    precision, recall = _counts(_columns(reads, rule), _flagged(_columns(reads, rule), grid))
    return float(precision[0]), float(recall[0])


def choose(
    folds: dict[str, list[tuple[frozenset[Rule], Read]]],
    rule: Rule,
    sound: list[tuple[frozenset[Rule], Read]],
    labelled: list[tuple[frozenset[Rule], Read]],
) -> tuple[float, float, float]:
    """The thresholds for ``rule`` (probabilities: keep, alone, beside), as the module's
    docstring says: the shipped model must add no violation to the ``sound`` sentences not
    labelled with it, and keep every cue's finding of a check the ``labelled`` ones carry."""
    candidates = [
        (k, a, b) for k in (0.0, *KEEP_GRID) for a in (*GRID, NEVER) for b in (*GRID, NEVER)
    ]
    grid = np.array([[_logit(p) for p in c] for c in candidates])
    pooled = _columns([item for reads in folds.values() for item in reads], rule)
    precision, recall = _counts(pooled, _flagged(pooled, grid))
    ok = precision >= (FLOOR if rule in VIOLATIONS else CREDIT_FLOOR)
    for reads in folds.values():
        rows = _columns(reads, rule)
        cues_alone = _counts(rows, _flagged(rows, np.array([[-np.inf, np.inf, np.inf]])))[0][0]
        ok &= _counts(rows, _flagged(rows, grid))[0] >= min(TARGET_PRECISION, cues_alone - 0.02)
    if rule in VIOLATIONS:
        rows = _columns(sound, rule)
        flags = _flagged(rows, grid)
        want, cue = rows[:, 0] > 0, rows[:, 1] > 0
        ok &= ~(flags & ~want & ~cue).any(axis=1)  # nothing added to a sound sentence
    rows = _columns(labelled, rule)
    flags = _flagged(rows, grid)
    want, cue = rows[:, 0] > 0, rows[:, 1] > 0
    ok &= ~(~flags & want & cue).any(axis=1)  # no labelled cue finding dropped
    score = np.where(ok, recall + precision / 1000, -1.0)
    best = int(np.argmax(score))
    return candidates[best] if score[best] >= 0 else (0.0, NEVER, NEVER)


def cross_validate() -> None:
    folds: dict[str, list[tuple[frozenset[Rule], Read]]] = {}
    for test in TRAIN:
        model = fit([case for name in TRAIN if name != test for case in load(name)])
        folds[test] = [(want, read(text, model)) for text, want in load(test)]
    shipped = {
        rule: (_probability(KEEP[k]), _probability(ADD[k]), _probability(ADD_BESIDE[k]))
        for k, rule in enumerate(RULES)
    }
    whole = fit([case for name in TRAIN for case in load(name)])
    # The behaviour tests' sound sentences, those they check for exactly their labels, and
    # the client-facing texts of the example stories in which the cues find no violation.
    tested = [*((labels, text) for labels, text in SENTENCES if labels == "-"), *TUNED]
    tested.extend(("-", text) for text in _story_texts())
    sound = [(_labels(labels), read(text, whole)) for labels, text in tested]
    labelled = [(_labels(labels), read(text, whole)) for labels, text in (*SENTENCES, *TUNED)]
    chosen = {rule: choose(folds, rule, sound, labelled) for rule in RULES}
    cues = dict.fromkeys(RULES, (0.0, NEVER, NEVER))
    for title, thresholds in (("cues alone", cues), ("shipped", shipped), ("chosen", chosen)):
        _table(title, folds, thresholds)
    print("\nchosen thresholds (probability; keep, alone, beside):")
    for rule, (keep, alone, beside) in chosen.items():
        print(f"  {rule.value:<22}{keep:>7}{alone:>7}{beside:>7}")


_LETTERS = {"B": Rule.NO_BLAME, "E": Rule.NO_EGO, "F": Rule.FACTS_NOT_EMOTION}
_LETTERS |= {"G": Rule.NO_GENERALITIES, "L": Rule.LISTENING, "T": Rule.TAKES_RESPONSIBILITY}
_LETTERS |= {"S": Rule.SPECIFIC_COMMITMENT}


def _probability(odds: float) -> float:
    return 0.0 if odds == -math.inf else 1.0 if odds == math.inf else 1 / (1 + math.exp(-odds))


def _story_texts() -> list[str]:
    """The texts the example stories record for the client, where no cue finds a violation
    (the stories show the method done well)."""
    seen: dict[str, None] = {}
    for story in stories():
        for event in story.history:
            if type(event) in record._PLANS:
                texts = record._plan_texts(event.plan, "plan")  # type: ignore[attr-defined]
            elif type(event) in record._EVENT_TEXTS:
                texts = record._EVENT_TEXTS[type(event)](event)
            else:
                continue
            seen.update(dict.fromkeys(text for _, text, _ in texts))
        seen.update(dict.fromkeys(text for _, text, _ in record._summary_texts(story)))
    return [
        text
        for text in seen
        if text.strip()
        and not any(
            f.rule in VIOLATIONS
            for f in _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)
        )
    ]


def _labels(letters: str) -> frozenset[Rule]:
    """The labels of a behaviour test's sentence (``tests/guidance_sentences.py``)."""
    return frozenset(_LETTERS[c] for c in letters if c != "-")


def _table(
    title: str, folds: dict[str, list[tuple[frozenset[Rule], Read]]], thresholds: Thresholds
) -> None:
    names = [name.removesuffix(".jsonl") for name in folds]
    print(f"\n{title}: precision/recall on each held-out file, trained on the others")
    print(f"  {'rule':<22}" + "".join(f"{n[:11]:>12}" for n in names) + f"{'pooled':>12}")
    pooled = [item for reads in folds.values() for item in reads]
    for rule in RULES:
        row = f"  {rule.value:<22}"
        for reads in (*folds.values(), pooled):
            precision, recall = figures(reads, rule, thresholds[rule])
            mark = "*" if precision < TARGET_PRECISION or recall < TARGET_RECALL else " "
            row += f"{precision:>7.2f}/{recall:.2f}{mark}"
        print(row)
    print(f"  (* misses the target of precision {TARGET_PRECISION}, recall {TARGET_RECALL})")


def train() -> None:
    model = fit([case for name in TRAIN for case in load(name)])
    data = {
        "about": "guidance review model: written by tools/guidance_model.py train",
        "trained_on": list(TRAIN),
        "rules": [r.value for r in RULES],
        "bias": list(model.bias),
        "weights": {name: list(row) for name, row in sorted(model.weights.items())},
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model.weights)} features")


def cross_validate_vader() -> None:
    """``cv`` with VADER's sentiment (``pip install vaderSentiment``) among the features.

    Each sentence also gets bins of VADER's compound score (at most -0.6, -0.3, -0.05; at
    least 0.05, 0.3, 0.6) and of its negative share (at least 0.1, 0.25, 0.4), so that the
    model can weigh the lexicon's intensity beside the words. The review adopts it only if
    these figures beat plain ``cv``'s; the measured outcome is in the changelog.
    """
    vader = importlib.import_module("vaderSentiment.vaderSentiment")
    analyzer = vader.SentimentIntensityAnalyzer()
    plain = model_module.features

    def with_vader(lower: str, cued: Iterable[int] = ()) -> list[str]:
        scores = analyzer.polarity_scores(lower)
        found = plain(lower, cued)
        found.extend(f"v:c<={c}" for c in (-0.6, -0.3, -0.05) if scores["compound"] <= c)
        found.extend(f"v:c>={c}" for c in (0.05, 0.3, 0.6) if scores["compound"] >= c)
        found.extend(f"v:neg>={c}" for c in (0.1, 0.25, 0.4) if scores["neg"] >= c)
        return found

    # fit() reads this module's name; the review scores with the two modules' own.
    global features
    features = model_module.features = weigh_module.features = with_vader
    cross_validate()


COMMANDS: dict[str, Callable[[], None]] = {
    "cv": cross_validate,
    "cv-vader": cross_validate_vader,
    "train": train,
}

if __name__ == "__main__":
    COMMANDS[sys.argv[1] if len(sys.argv) > 1 else "cv"]()
