"""The model's verdicts (``_model``) on the cues' findings, sentence by sentence.

The model reads each sentence with what the cues found there. A cue's finding stays where
the model scores its check above :data:`~._model.KEEP`. Where it scores a check the cues
did not find, a finding is added: its span the clause that scores highest, its better move
the check's own. In a sentence in which the cues found something else it needs a surer
score (:data:`~._model.ADD_BESIDE`) than in one in which they found nothing
(:data:`~._model.ADD`). It never adds a violation to a sentence that apologises, thanks or
shows empathy, nor a check whose cue matched and was held back by its own exceptions.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise

from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.guidance._classes import MARKERS
from clientrecovery.guidance._model import (
    ADD,
    ADD_BESIDE,
    KEEP,
    RULES,
    Model,
    features,
    units,
    words,
)
from clientrecovery.guidance._text import Prepared

__all__ = ["Scored", "scored", "weigh"]

Advice = tuple[str, str, Severity]
"""What a check's finding says (``“…” {problem}``), its better move and its severity."""

_CLAUSE_END = re.compile(r"[,;:]+(?=\s)|\s[-–—]\s|\s(?:but|because|so|which|and)\s")
_EMPATHY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|regret|understand(?:able)?|i hear|i can see"
    r"|appreciat\w*|thank)\b"
)
# What a finding of the model's own needs in its sentence: ego needs the provider in it;
# emotion needs someone who feels or is answered, a marker of feeling, refusal or reminder,
# or an exclamation (a bare item such as a plan's success criterion has none of these, and
# a model of words scores so short a text by its bias alone); a commitment needs something
# someone will do.
_PEOPLE = "we|we're|we've|we'd|our|ours|us|i|i'm|i've|i'd|my|me"
_NEEDED: dict[Rule, re.Pattern[str]] = {
    Rule.NO_EGO: re.compile(rf"\b(?:{_PEOPLE})\b"),
    Rule.FACTS_NOT_EMOTION: re.compile(
        rf"!|\b(?:{_PEOPLE}|{'|'.join(map(re.escape, sorted(MARKERS, key=len, reverse=True)))})\b"
    ),
    Rule.SPECIFIC_COMMITMENT: re.compile(
        r"\b(?:will|shall|going to|we'll|i'll|he'll|she'll|they'll|plan to|aim to|commit)\b"
    ),
}
# Praise of the client's side, or a good outcome ("which saved a lot of damage"), is
# neither blame nor a vague complaint, whatever it is tied to or however absolute it is
# ("your team has been nothing but patient").
_PRAISE = re.compile(
    r"\b(?:lovely|great|excellent|brilliant|superb|helpful|well done|good job|thanks"
    r"|thank you|grateful|improved|so much better|kind of (?:you|your)|patient|patience"
    r"|supportive|generous|flexible|responsive|quickly|promptly|help(?:ed|s)|sav(?:ed|es)"
    r"|learn\w*|enjoy\w*|benefit\w*)\b"
)

_INDEX = {rule: k for k, rule in enumerate(RULES)}
_NEEDS: list[re.Pattern[str] | None] = [_NEEDED.get(rule) for rule in RULES]
_NOT_PRAISE = frozenset(_INDEX[r] for r in (Rule.NO_BLAME, Rule.NO_GENERALITIES))
_VIOLATIONS = frozenset(
    _INDEX[r] for r in (Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES)
)


Scored = tuple[int, int, Rule, float, bool, bool]
"""A sentence's ``[start, end)``, a check, the model's score for it there, whether the
cues found something else in that sentence, and whether they found this check there."""


def scored(
    prepared: Prepared,
    found: list[Finding],
    rules: Iterable[Rule],
    model: Model,
    vetoed: Iterable[tuple[Rule, int]] = (),
    doubt: frozenset[int] | None = None,
) -> Iterator[Scored]:
    """The model's score for each check of ``rules`` in each sentence: where the cues found
    it there (to weigh their finding), and where it may add a finding, one that the cues
    did not find there nor held back (``vetoed``: a check and where its cue matched but its
    exceptions held), and that the sentence allows. ``doubt``: the checks, by their place in
    :data:`~._model.RULES`, whose cues' findings are weighed (those the model may drop)."""
    doubt = _DOUBT if doubt is None else doubt
    for start, end, lower, scores, cued, todo, beside in _sentences(
        prepared, found, rules, model, vetoed, doubt
    ):
        todo = _allowed(lower, todo)
        for k in cued:
            yield start, end, RULES[k], scores[k], True, True
        for k in todo:
            yield start, end, RULES[k], scores[k], beside, False


_Sentence = tuple[int, int, str, tuple[float, ...], list[int], list[int], bool]
"""What :func:`scored` reads of one sentence: its ``[start, end)`` and lower-cased text, the
model's scores, the checks (by their place in :data:`~._model.RULES`) whose cues' findings
it weighs there and those the cues did not find there nor held back, and whether the cues
found something there."""


def _sentences(
    prepared: Prepared,
    found: list[Finding],
    rules: Iterable[Rule],
    model: Model,
    vetoed: Iterable[tuple[Rule, int]],
    doubt: frozenset[int],
) -> Iterator[_Sentence]:
    """:func:`scored`, a sentence at a time, before the sentence's own words rule checks
    out (:func:`_allowed`); sentences with nothing to weigh are left out."""
    bounds = units(prepared.lower)
    starts = [start for start, _ in bounds]
    # Checks by their place in RULES (an int hashes faster than an enum member).
    by_unit: dict[int, set[int]] = {}
    for finding in found:
        k = _INDEX.get(finding.rule)
        if k is not None:
            at = finding.span[0] if finding.span else 0
            by_unit.setdefault(max(bisect_right(starts, at) - 1, 0), set()).add(k)
    for rule, at in vetoed:
        k = _INDEX.get(rule)
        if k is not None:
            by_unit.setdefault(max(bisect_right(starts, at) - 1, 0), set()).add(-1 - k)
    wanted = sorted(_INDEX[rule] for rule in rules if rule in _INDEX)
    for n, (start, end) in enumerate(bounds):
        done = by_unit.get(n, _NONE)
        if done:
            cued = [k for k in wanted if k in done and k in doubt]
            todo = [k for k in wanted if k not in done and -1 - k not in done]
        else:  # most sentences: the cues found nothing there
            cued, todo = [], wanted
        if todo or cued:
            lower = prepared.lower[start:end]
            scores = model.scores(features(lower, done))
            yield start, end, lower, scores, cued, todo, any(k >= 0 for k in done)


def _allowed(lower: str, todo: list[int]) -> list[int]:
    """The checks of ``todo`` that the sentence ``lower`` allows the model to add: no
    violation where it apologises, thanks or shows empathy, no blame nor generality where
    it praises, and none without what the check needs (:data:`_NEEDED`).

    Each check is judged on its own, so that the checks allowed of a part of ``todo`` are
    that part of those allowed of all of it: :func:`weigh` asks only about the few checks
    that score high enough to be added."""
    if todo and not _VIOLATIONS.isdisjoint(todo) and _EMPATHY.search(lower):
        todo = [k for k in todo if k not in _VIOLATIONS]
    if todo and not _NOT_PRAISE.isdisjoint(todo) and _PRAISE.search(lower):
        todo = [k for k in todo if k not in _NOT_PRAISE]
    return [k for k in todo if (needs := _NEEDS[k]) is None or needs.search(lower)]


_NONE: frozenset[int] = frozenset()
_DOUBT = frozenset(k for k, keep in enumerate(KEEP) if keep > -math.inf)


def weigh(
    prepared: Prepared,
    found: list[Finding],
    active: Mapping[Rule, Advice],
    model: Model,
    vetoed: Iterable[tuple[Rule, int]] = (),
) -> list[Finding]:
    """The cues' ``found`` that the model keeps, and the findings it adds for the checks
    of ``active``.

    A cue's finding stays unless the model, reading the words of its sentence with what
    the cues found there, scores its check at or below :data:`~._model.KEEP`. A sentence
    in which the cues found something needs a surer score for another check
    (:data:`~._model.ADD_BESIDE`) than one in which they found nothing.
    """
    added: list[Finding] = []
    doubted: list[tuple[Rule, int, int]] = []
    for start, end, lower, scores, cued, todo, beside in _sentences(
        prepared, found, active, model, vetoed, _DOUBT
    ):
        for k in cued:
            if scores[k] <= KEEP[k]:
                doubted.append((RULES[k], start, end))
        above = ADD_BESIDE if beside else ADD
        # What the sentence allows is read only for the checks that score high enough:
        # :func:`scored` reads it first, but those are the same checks (see _allowed).
        high = [k for k in todo if scores[k] > above[k]]
        for k in _allowed(lower, high) if high else ():
            rule = RULES[k]
            problem, hint, severity = active[rule]
            c_start, c_end = _clause(prepared, start, end, k, model)
            added.append(
                Finding(
                    rule,
                    severity,
                    f"“{prepared.original[c_start:c_end]}” {problem} (read as a whole)",
                    None,
                    hint,
                    (c_start, c_end),
                )
            )
    kept = [f for f in found if not _doubted(f, doubted)] if doubted else list(found)
    return kept + added


def _doubted(finding: Finding, doubted: list[tuple[Rule, int, int]]) -> bool:
    at = finding.span[0] if finding.span else 0
    return any(rule is finding.rule and start <= at < end for rule, start, end in doubted)


def _clause(prepared: Prepared, start: int, end: int, k: int, model: Model) -> tuple[int, int]:
    """The clause of ``[start, end)`` whose words score highest for the ``k``-th rule of
    the model, trimmed."""
    cuts = [start]
    cuts.extend(m.start() for m in _CLAUSE_END.finditer(prepared.lower, start, end))
    cuts.append(end)
    best: tuple[float, int, int] | None = None
    for c_start, c_end in pairwise(cuts):
        clause = prepared.lower[c_start:c_end]
        if len(cuts) == 2 or not clause.strip():
            continue
        score = model.score(words(clause), k)
        if best is None or score > best[0]:
            best = (score, c_start, c_end)
    c_start, c_end = (start, end) if best is None else best[1:]
    trimmed = _trim(prepared.original, c_start, c_end)
    return trimmed if trimmed[1] > trimmed[0] else (start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end
