"""A small linear model over a sentence's words and the cues' verdicts on it.

The cues (the other modules of this package) say what a sentence does through patterns;
the model reads the words of each sentence, as learnt from the labelled corpus
(``tests/guidance_corpus/``), together with what the cues found in it. For each sentence
and each check or credit it scores (as log-odds)

    bias + Σ weight(word) + Σ weight(word pair) + Σ weight(word class, pair of classes)
         + Σ weight(check the cues found there, or matched and held back)

and the review (``_weigh``) keeps a cue's finding where the score of its check is above
:data:`KEEP`, and adds a finding of its own where the score of a check the cues did not
find is above :data:`ADD` (in a sentence in which the cues found nothing) or
:data:`ADD_BESIDE` (beside a cue's finding for another check). The cues' verdicts are
features, so the model learns how far to trust each cue on wording it was not written
for: on unseen writers' sentences a cue is right about nine times in ten, and the words
around it tell many of the tenth apart. The weights are package data (``_model.json``),
written by ``tools/guidance_model.py`` (scikit-learn's logistic regression, a development
tool only); scoring them here is plain Python.

Sentences are scored on the prepared text, so quotations (the client's own words) stay
blanked out for the model as for the cues.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from itertools import pairwise
from operator import add

import attrs

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._classes import CLASSES

__all__ = ["ADD", "ADD_BESIDE", "KEEP", "RULES", "Model", "features", "load", "units", "words"]

RULES: tuple[Rule, ...] = (
    Rule.NO_BLAME,
    Rule.NO_EGO,
    Rule.FACTS_NOT_EMOTION,
    Rule.NO_GENERALITIES,
    Rule.LISTENING,
    Rule.TAKES_RESPONSIBILITY,
    Rule.SPECIFIC_COMMITMENT,
)
"""The checks and credits the model scores, in the order of its weight vectors."""


def _odds(p: float) -> float:
    """The log-odds of ``p``; a probability of 1 is a threshold no score reaches."""
    if p <= 0:
        return -math.inf
    return math.inf if p >= 1 else math.log(p / (1 - p))


_ADD_ABOVE = (0.93, 0.7, 0.7, 0.5, 0.5, 0.5, 0.5)
ADD: tuple[float, ...] = tuple(map(_odds, _ADD_ABOVE))
"""For each rule of :data:`RULES`: the model adds a finding of its own above this score (a
probability) in a sentence in which the cues found nothing. Chosen, with :data:`ADD_BESIDE`
and :data:`KEEP`, by ``tools/guidance_model.py cv``: a cross-validation that holds out one
corpus file (one writer's set) at a time and trains on the others; the three thresholds
are chosen once for all folds, never per fold, as those with the highest recall over all
held-out sentences that keep precision there at 0.88 or more (0.92 for a credit, whose
recall has a margin already), and at 0.85 or more on every held-out file (no more than 0.02
below the cues alone on a file where they are below 0.85), and with which the shipped model
adds no check to the sound sentences of the behaviour tests (``tests/guidance_sentences.py``)
nor to the texts of the example stories, and drops no cue's finding of a check those tests
label. The model is trained on those sound texts too, as examples of the violations'
absence (not of the credits: theirs are not labelled)."""

_BESIDE_ABOVE = (0.75, 0.65, 0.85, 0.55, 0.5, 0.5, 0.5)
ADD_BESIDE: tuple[float, ...] = tuple(map(_odds, _BESIDE_ABOVE))
"""For each rule of :data:`RULES`: the threshold in a sentence in which the cues found
something for another check or credit (a sentence that blames often boasts or generalises
too), chosen with :data:`ADD`. For most checks it is higher: there, a model of words
would otherwise read the cues' own finding a second time under another check. A check whose
cue matched in the sentence but was held back by its own exceptions (an idiom, a promise)
is not added by the model at all."""

_KEEP_ABOVE = (0.1, 0.05, 0.1, 0.4, 0.2, 0.3, 0.05)
KEEP: tuple[float, ...] = tuple(map(_odds, _KEEP_ABOVE))
"""For each rule of :data:`RULES`: a cue's finding stays where the model, reading the
sentence's words with the cues' verdicts, scores its check above this (a probability; 0
would keep every one), chosen with :data:`ADD`. A cue is written for a move, and on unseen
writers' sentences it also matches some that do not make it; the model drops those of its
findings it scores low, which is worth more precision than the findings it loses."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_UNIT_END = re.compile(r"[.!?]+(?=\s|$)|\n+")


def units(lower: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` of each sentence of ``lower``, split at full stops only."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _UNIT_END.finditer(lower):
        if lower[start : match.end()].strip():
            bounds.append((start, match.end()))
        start = match.end()
    if lower[start:].strip():
        bounds.append((start, len(lower)))
    return bounds


def features(lower: str, cued: Iterable[int] = ()) -> list[str]:
    """The features of one lower-cased sentence.

    Words and neighbouring word pairs (a number reads as ``<n>``); the word classes of
    :mod:`~clientrecovery.guidance._classes` present, and each pair of them in the order
    they first appear (who does what: ``CLIENT<FAIL``, ``CAUSE<CLIENT``, ``SELF<PRAISE``);
    whether it is a question; and what the cues made of it (``cued``: for each check or
    credit of :data:`RULES` by its place, ``k`` where a cue found it, ``-1 - k`` where a
    cue matched but its exceptions held it back), so that the model weighs the cues'
    verdicts with the words instead of beside them.
    """
    words = ["<n>" if w[0].isdigit() else w for w in _WORD.findall(lower)]
    found = [f"w:{w}" for w in words]
    found.extend(f"b:{a}_{b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    order: list[str] = []
    for word in words:
        for name in CLASSES.get(word, ()):
            if name not in order:
                order.append(name)
    found.extend(f"k:{name}" for name in order)
    found.extend(f"p:{a}<{b}" for i, a in enumerate(order) for b in order[i + 1 :])
    if "?" in lower:
        found.append("q:?")
    found.extend(_CUED[k] for k in sorted(cued))
    return list(dict.fromkeys(found))  # each once: the model is trained on presence


_CUED = {k: f"c:{rule.value}" for k, rule in enumerate(RULES)}
_CUED |= {-1 - k: f"h:{rule.value}" for k, rule in enumerate(RULES)}


def words(lower: str) -> list[str]:
    """The word and word-pair features of :func:`features` alone (for scoring a clause)."""
    seen = ["<n>" if w[0].isdigit() else w for w in _WORD.findall(lower)]
    found = [f"w:{w}" for w in seen]
    found.extend(f"b:{a}_{b}" for a, b in pairwise(seen))
    return list(dict.fromkeys(found))


@attrs.frozen
class Model:
    """The weights: a bias and, for each feature, one weight per rule of :data:`RULES`."""

    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, found: list[str]) -> tuple[float, ...]:
        """The score of each rule of :data:`RULES` for these features (log-odds)."""
        rows = list(filter(None, map(self.weights.get, found)))
        if not rows:
            return self.bias
        return tuple(map(add, self.bias, map(sum, zip(*rows, strict=True))))

    def score(self, found: list[str], k: int) -> float:
        """The score of the ``k``-th rule of :data:`RULES` alone, without the bias."""
        get = self.weights.get
        return sum(row[k] for row in map(get, found) if row is not None)


@cache
def load() -> Model:
    """The shipped model (read once, on first use)."""
    data = json.loads(files(__package__).joinpath("_model.json").read_text(encoding="utf-8"))
    if list(data["rules"]) != [r.value for r in RULES]:  # pragma: no cover - a build error
        raise RuntimeError("guidance/_model.json does not match the model's rules")
    weights = {name: tuple(row) for name, row in data["weights"].items()}
    return Model(tuple(data["bias"]), weights)
