"""The model's findings (``_model``) beside the cues', sentence by sentence.

The cues' findings all stay. The model reads each sentence in which the cues found
nothing at all, and where it scores the sentence for a check a finding is added: its span
the clause that scores highest, its better move the check's own. It never adds a violation
to a sentence that apologises, thanks or shows empathy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from itertools import pairwise

from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.guidance._classes import MARKERS
from clientrecovery.guidance._model import ADD, RULES, Model, features, units, words
from clientrecovery.guidance._text import Prepared

__all__ = ["weigh"]

Advice = tuple[str, str, Severity]
"""What a check's finding says (``“…” {problem}``), its better move and its severity."""

_CLAUSE_END = re.compile(r"[,;:]+(?=\s)|\s[-–—]\s|\s(?:but|because|so|which|and)\s")
_EMPATHY = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|regret|understand(?:able)?|i hear|i can see"
    r"|i appreciate|we appreciate|thank)\b"
)
# What a finding of the model's own needs in its sentence (one in which no cue found
# anything, neither a violation nor a move the articles ask for): ego needs the provider in
# it; emotion needs someone who feels or is answered, a marker of feeling, refusal or
# reminder, or an exclamation (a bare item such as a plan's success criterion has none of
# these, and a model of words scores so short a text by its bias alone); a commitment needs
# something someone will do.
_PEOPLE = "we|we're|we've|we'd|our|ours|us|i|i'm|i've|i'd|my|me"
_NEEDS: dict[Rule, re.Pattern[str]] = {
    Rule.NO_EGO: re.compile(rf"\b(?:{_PEOPLE})\b"),
    Rule.FACTS_NOT_EMOTION: re.compile(
        rf"!|\b(?:{_PEOPLE}|{'|'.join(map(re.escape, sorted(MARKERS, key=len, reverse=True)))})\b"
    ),
    Rule.SPECIFIC_COMMITMENT: re.compile(
        r"\b(?:will|shall|going to|we'll|i'll|he'll|she'll|they'll|plan to|aim to|commit)\b"
    ),
}
# Praise of the client's side is not blame, whatever it is tied to.
_PRAISE = re.compile(
    r"\b(?:lovely|great|excellent|brilliant|superb|helpful|well done|good job|thanks"
    r"|thank you|grateful|improved|so much better|kind of (?:you|your)|patient|patience"
    r"|supportive|generous|flexible|responsive)\b"
)
# Absolutes are the cues' to judge: they know the idioms and promises ("you can always
# reach…", "deserve a … that never…") that a model of words does not; the model's own
# generalities are the vague complaints.
_ABSOLUTE = re.compile(r"\b(?:always|never|ever|forever|every\w*|nothing|nobody|no one|all)\b")
_VIOLATIONS = frozenset({Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES})
_INDEX = {rule: k for k, rule in enumerate(RULES)}


def weigh(
    prepared: Prepared, found: list[Finding], active: Mapping[Rule, Advice], model: Model
) -> list[Finding]:
    """The cues' ``found`` and the findings the model adds for the checks of ``active``."""
    bounds = units(prepared.lower)
    if not bounds:
        return found
    starts = [start for start, _ in bounds]
    by_unit: dict[int, list[Finding]] = {}
    for finding in found:
        at = finding.span[0] if finding.span else 0
        by_unit.setdefault(max(bisect_right(starts, at) - 1, 0), []).append(finding)
    kept: list[Finding] = []
    for n, (start, end) in enumerate(bounds):
        here = by_unit.get(n)
        if here:  # the model reads only the sentences in which the cues found nothing
            kept.extend(here)
            continue
        lower = prepared.lower[start:end]
        scores = model.scores(features(lower))
        for rule, (problem, hint, severity) in active.items():
            k = _INDEX.get(rule)
            if k is None or scores[k] <= ADD[k]:
                continue
            if rule in _VIOLATIONS and _EMPATHY.search(lower):
                continue
            if rule is Rule.NO_BLAME and _PRAISE.search(lower):
                continue
            if rule is Rule.NO_GENERALITIES and _ABSOLUTE.search(lower):
                continue
            needs = _NEEDS.get(rule)
            if needs is not None and not needs.search(lower):
                continue
            c_start, c_end = _clause(prepared, start, end, k, model)
            kept.append(
                Finding(
                    rule,
                    severity,
                    f"“{prepared.original[c_start:c_end]}” {problem} (read as a whole)",
                    None,
                    hint,
                    (c_start, c_end),
                )
            )
    return kept


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
