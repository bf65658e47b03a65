"""Review a message against the articles' principles of talking to a client in trouble.

:func:`review` reads a text (an e-mail, a call summary, a plan) and returns a finding for
each move that works against the recovery, pointing at its span and citing the article,
with a better move:

- ``NO_BLAME``: blame pushes the client away; take responsibility and look forward
  (*A Client Management Masterclass*). Found where someone on the client's side (or a
  third party) is the subject of a failure, where a causal link ties a failure to the
  client ("down to your…", "on your side"), and where responsibility is denied.
- ``NO_EGO``: a message to the client is about their goals, not the provider's views,
  expertise or pride (Petrolino, *Four Skills…*: ego has no role). A "we" that commits to
  something ("we will call you on Tuesday") is not ego.
- ``FACTS_NOT_EMOTION``: emotional, defensive, combative or passive-aggressive wording
  instead of facts (Petrolino; and *Rebuilding Client Relations*: never combative or
  defensive). Empathy and apologies are not emotion in this sense and are never flagged.
- ``NO_GENERALITIES``: absolutes applied to people or to the work, and vague complaints
  without a number or a date (Sisco, step 1). Idioms ("never hesitate to call") are not.

It also credits what the articles ask for, as INFO findings: ``LISTENING`` (asking the
client to put things in their own words, reflecting them back, 004),
``TAKES_RESPONSIBILITY`` (000) and ``SPECIFIC_COMMITMENT`` (a date, a number or an owner;
000, 003 §7).

Words inside quotation marks are the client's own and are not judged. The cues are data
(:data:`CHECKS`, :data:`CREDITS`); a team adds phrases or switches a check off through
:class:`~clientrecovery.Policy` (``guidance_phrases``, ``guidance_off``). Pure and
deterministic: regular expressions over word classes, English, no network. Beside the cues,
a small linear model (``_model``, weights shipped as package data, scored in plain Python)
reads each sentence and adds a finding for a check the cues did not find there where its
words weigh clearly for it (more clearly beside another cue's finding), with the clause that
weighs most as its span.

:func:`on_command` and :func:`on_history` review the texts the commands record for the
client (:mod:`clientrecovery.guidance.record`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache

import attrs

from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.guidance import _gate
from clientrecovery.guidance._cues import CREDIT_CUES, CUES, Cue
from clientrecovery.guidance._model import Model, load
from clientrecovery.guidance._text import SPECIFIC, Prepared, prepare
from clientrecovery.guidance._weigh import weigh
from clientrecovery.guidance.record import on_command, on_history
from clientrecovery.model import Party
from clientrecovery.policy import Policy

__all__ = ["CHECKS", "CREDITS", "Check", "Cue", "on_command", "on_history", "review"]

_LISTEN = (
    "listen first: ask “Help me understand…” or “From your perspective…”, then reflect back"
    " “I heard you say…” (004)"
)
_BOTH = frozenset({Party.CLIENT, Party.PROVIDER})


@attrs.frozen
class Check:
    """One guidance check: the moves it looks for and the better move it suggests."""

    rule: Rule
    """The catalogue rule it reports under."""
    cues: tuple[Cue, ...]
    """The moves it looks for."""
    problem: str
    """What a team's own phrase does, for the message: ``“…” {problem}``."""
    hint: str
    """The better move."""
    audiences: frozenset[Party] = _BOTH
    """The audiences of messages it applies to."""


def _cues(rule: Rule) -> tuple[Cue, ...]:
    return tuple(c for c in (*CUES, *CREDIT_CUES) if c.rule is rule)


CHECKS: tuple[Check, ...] = (
    Check(
        Rule.NO_BLAME,
        _cues(Rule.NO_BLAME),
        "assigns blame",
        "say what happened and what will change; accept responsibility and move to the plan (000)",
    ),
    Check(
        Rule.NO_EGO,
        _cues(Rule.NO_EGO),
        "puts the provider at the centre",
        "take “I” and “we” out and say what it means for the client's goals (002)",
        frozenset({Party.CLIENT}),
    ),
    Check(
        Rule.FACTS_NOT_EMOTION,
        _cues(Rule.FACTS_NOT_EMOTION),
        "is emotional or defensive",
        f"state the facts and figures instead; if the client is upset, {_LISTEN}",
    ),
    Check(
        Rule.NO_GENERALITIES,
        _cues(Rule.NO_GENERALITIES),
        "is a generality",
        "name a specific example with a date or a number instead (003 §1)",
    ),
)
"""The checks of what works against a recovery, in the order findings are reported."""

CREDITS: tuple[Check, ...] = (
    Check(
        Rule.LISTENING,
        _cues(Rule.LISTENING),
        "listens",
        "keep it: the client's own words, played back, show they were heard (004)",
    ),
    Check(
        Rule.TAKES_RESPONSIBILITY,
        _cues(Rule.TAKES_RESPONSIBILITY),
        "accepts responsibility",
        "keep it, and follow it with what will change and by when (000)",
    ),
    Check(
        Rule.SPECIFIC_COMMITMENT,
        _cues(Rule.SPECIFIC_COMMITMENT),
        "makes a specific commitment",
        "keep it, and deliver on it: a promise kept rebuilds confidence (000)",
    ),
)
"""What the articles ask for, credited as INFO findings."""

_DEFAULT_POLICY = Policy()


@lru_cache(maxsize=64)
def _team_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    escaped = (re.escape(p.strip().replace("’", "'").lower()) for p in phrases)
    return re.compile("|".join(rf"\b{p}\b" for p in escaped))


def review(
    text: str, *, audience: Party = Party.CLIENT, policy: Policy | None = None
) -> tuple[Finding, ...]:
    """Findings for the moves of ``text`` that work against a recovery, and credits.

    Args:
        text: The message.
        audience: Who will read it; ``NO_EGO`` applies to messages for the client.
        policy: Extra phrases and checks switched off (``guidance_phrases``,
            ``guidance_off``), and severities; the default policy otherwise.

    Returns:
        One finding per move found, ordered by position, each with its ``span``: WARNING
        findings (by default) for the four checks, INFO ones for the credits.

    Raises:
        InvalidValue: ``text`` is not a string, or ``audience`` not a Party, or ``policy``
            not a Policy.
    """
    if not isinstance(text, str):
        raise InvalidValue("review(text=...)", f"must be a str, got {type(text).__name__}")
    if not isinstance(audience, Party):
        raise InvalidValue("review(audience=...)", "must be a Party")
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, Policy):
        raise InvalidValue("review(policy=...)", f"must be a Policy, got {type(policy).__name__}")
    return _review(text, audience, policy, gated=True)


_ALL_CUES = (*CUES, *CREDIT_CUES)
_NUMBER = {id(cue): n for n, cue in enumerate(_ALL_CUES)}
_INDEX = _gate.Index(
    [c.source for c in _ALL_CUES],
    [None if c.requires is None else c.requires.pattern for c in _ALL_CUES],
    _gate.shipped(),
)


def _review(
    text: str,
    audience: Party,
    policy: Policy,
    *,
    gated: bool,
    model: Model | None = None,
    weighed: bool = True,
    held: list[tuple[Rule, int]] | None = None,
) -> tuple[Finding, ...]:
    """:func:`review` past its checks.

    ``gated=False`` tries every cue on every sentence; ``model`` weighs the cues' findings
    (the shipped model by default), and ``weighed=False`` leaves the cues' findings as they
    are (how ``tools/guidance_model.py`` reads what the cues alone find); ``held``, if
    given, receives each check whose cue matched but was held back by its exceptions, with
    where it matched.
    """
    if not text.strip():
        return ()
    prepared = prepare(text)
    sentences = prepared.sentences()
    # For each cue: the sentences worth trying it on, each with the alternatives to try.
    tried: dict[int, list[tuple[int, list[int]]]] = {}
    for n, (start, end) in enumerate(sentences):
        if gated:
            chosen = _INDEX.candidates(_gate.sentence_keys(prepared.lower, start, end))
        else:
            chosen = {number: list(range(len(parts))) for number, parts in enumerate(_INDEX.pieces)}
        for number, which in chosen.items():
            tried.setdefault(number, []).append((n, which))
    active = [
        check
        for check in (*CHECKS, *CREDITS)
        if check.rule not in policy.guidance_off and audience in check.audiences
    ]
    found: list[Finding] = []
    team: list[Finding] = []
    vetoed: list[tuple[Rule, int]] = [] if held is None else held
    for check in active:
        for finding, by_team in _findings(prepared, sentences, tried, check, policy, vetoed):
            (team if by_team else found).append(finding)
    if weighed:
        advice = {c.rule: (c.problem, c.hint, policy.severity(c.rule)) for c in active}
        found = weigh(prepared, found, advice, model or load(), vetoed)
    return tuple(sorted((*found, *team), key=lambda f: (f.span or (0, 0), f.rule.value)))


def _findings(
    prepared: Prepared,
    sentences: list[tuple[int, int]],
    tried: dict[int, list[tuple[int, list[int]]]],
    check: Check,
    policy: Policy,
    vetoed: list[tuple[Rule, int]],
) -> Iterator[tuple[Finding, bool]]:
    """The findings of ``check``'s cues, then of the team's phrases (``True`` beside them).

    Where a cue matched and its exceptions (``unless``) held it back, the check and the
    match's position go into ``vetoed``.
    """
    severity = policy.severity(check.rule)
    # The spans found so far, by sentence: a cue's span lies within its sentence, so only
    # that sentence's need comparing (all of them, for every span, made a long text's
    # review quadratic: 20,000 sentences took 20 s).
    taken: dict[int, list[tuple[int, int]]] = {}
    credited: set[int] = set()  # a credit counts once per sentence
    credit = check in CREDITS
    specific: dict[int, bool] = {}  # whether each sentence names something specific
    lower = prepared.lower
    for cue in check.cues:
        number = _NUMBER[id(cue)]
        source = prepared.text if cue.cased else lower
        for n, which in tried.get(number, ()):
            if credit and n in credited:
                continue  # its first span would end the sentence's loop below at once
            s_start, s_end = sentences[n]
            sentence = lower[s_start:s_end]
            if cue.requires is not None and not cue.requires.search(sentence):
                continue
            if cue.vague or cue.specific:
                if n not in specific:
                    specific[n] = SPECIFIC.search(sentence) is not None
                if cue.specific != specific[n]:
                    continue
            spans = _spans([_INDEX.piece(number, k) for k in which], source, s_start, s_end)
            if not spans:
                continue
            held: bool | None = None
            in_sentence = taken.setdefault(n, [])
            for start, end in spans:
                if credit and n in credited:
                    break
                if any(t_start < end and start < t_end for t_start, t_end in in_sentence):
                    continue
                if held is None:
                    held = cue.unless is not None and bool(cue.unless.search(sentence))
                if held:
                    vetoed.append((check.rule, start))
                    break
                in_sentence.append((start, end))
                credited.add(n)
                yield (
                    Finding(
                        check.rule,
                        severity,
                        f"“{prepared.original[start:end].strip()}” {cue.kind}",
                        None,
                        cue.hint or check.hint,
                        (start, end),
                    ),
                    False,
                )
    phrases = policy.guidance_phrases.get(check.rule, ())
    if phrases:
        found = _Spans(span for spans in taken.values() for span in spans)
        for match in _team_pattern(phrases).finditer(prepared.lower):
            start, end = match.span()
            if not found.overlaps(start, end, prepared.sentence(start) if credit else None):
                found.add(start, end)
                yield (
                    Finding(
                        check.rule,
                        severity,
                        f"“{prepared.original[start:end]}” {check.problem}",
                        None,
                        check.hint,
                        (start, end),
                    ),
                    True,
                )


def _spans(
    pieces: list[re.Pattern[str]], source: str, start: int, end: int
) -> list[tuple[int, int]]:
    """Where any of ``pieces`` matches in ``source[start:end]``, in order, longest first."""
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        pos = start
        while pos < end and (match := piece.search(source, pos, end)) is not None:
            m_start, m_end = match.span()
            if m_end > m_start:
                spans.append((m_start, m_end))
            pos = max(m_end, m_start + 1)
    if len(spans) > 1:
        spans = sorted(set(spans), key=lambda span: (span[0], -span[1]))
    return spans


class _Spans:
    """Spans that do not overlap one another (what a check found so far), in order."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._ends = [end for _, end in ordered]

    def overlaps(self, start: int, end: int, sentence: tuple[int, int] | None) -> bool:
        """Whether ``[start, end)`` overlaps a span; with ``sentence`` (a credit, which
        counts once per sentence), whether a span starts in that sentence instead."""
        if sentence is not None:
            i = bisect_left(self._starts, sentence[0])
            return i < len(self._starts) and self._starts[i] < sentence[1]
        i = bisect_left(self._starts, end)  # the spans before it end in order too
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
