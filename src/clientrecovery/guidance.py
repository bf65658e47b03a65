"""Review a message against the articles' principles of talking to a client in trouble.

:func:`review` reads a text (an e-mail, a call summary, a written summary) and returns a
finding for each phrase that works against the recovery, pointing at its span and citing
the article, with a better move:

- ``NO_BLAME``: blame pushes the client away; take responsibility and look forward
  (*A Client Management Masterclass*).
- ``NO_EGO``: a message to the client is about their goals, not the provider's views or
  pride (Petrolino, *Four Skills…*: ego has no role). This check speaks of provider-centred
  opinions and self-praise, not of every "we": "we will call you on Tuesday" is a commitment.
- ``FACTS_NOT_EMOTION``: emotional or defensive wording instead of facts (Petrolino; and
  *Rebuilding Client Relations*: never combative or defensive).
- ``NO_GENERALITIES``: always, never, everything… instead of a specific example (Sisco,
  step 1).

Words inside quotation marks are the client's own and are not judged. The checks are data
(:data:`CHECKS`); a team adds phrases or switches a check off through
:class:`~clientrecovery.Policy` (``guidance_phrases``, ``guidance_off``). Pure and
deterministic: plain regular expressions, English, no model, no network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import attrs

from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.model import Party
from clientrecovery.policy import Policy

__all__ = ["CHECKS", "Check", "review"]

_LISTEN = (
    "listen first: ask “Help me understand…” or “From your perspective…”, then reflect back"
    " “I heard you say…” (004)"
)


@attrs.frozen
class Check:
    """One guidance check: the phrases it looks for and the better move it suggests."""

    rule: Rule
    """The catalogue rule it reports under."""
    patterns: tuple[str, ...]
    """Regular expressions, matched case-insensitively."""
    problem: str
    """What a match does, for the message: ``“…” {problem}``."""
    hint: str
    """The better move."""
    audiences: frozenset[Party] = frozenset({Party.CLIENT, Party.PROVIDER})
    """The audiences of messages it applies to."""


_YOU_DID = (
    "failed|forgot|ignored|missed|broke|caused|misunderstood|misread|messed up|screwed up"
    "|changed your mind"
)
_YOU_DID_NOT = (
    "tell|told|send|sent|give|gave|provide|provided|read|answer|answered|listen|listened"
    "|follow|followed|reply|replied|respond|responded|approve|approved|check|checked"
)

CHECKS: tuple[Check, ...] = (
    Check(
        Rule.NO_BLAME,
        (
            r"\b(?:your|you'?re|you are|it'?s|it is|it was|that'?s|that is|that was)"
            r" (?:own |entirely |all )?fault\b",
            r"\bnot (?:our|my) (?:fault|problem|responsibility)\b",
            rf"\byou(?:r team)? (?:{_YOU_DID})\b",
            rf"\byou(?:r team)? (?:never|didn'?t|did not|don'?t|do not|failed to)"
            rf" (?:{_YOU_DID_NOT})\b",
            r"\byou should have\b",
            r"\bif you(?:r (?:team|people|staff))? had\b",
            r"\byou(?:r (?:team|people|staff))? keeps? \w+ing\b",
            r"\b(?:it|that) (?:was|is) (?:all )?your (?:decision|choice|call|idea)\b",
            r"\b(?:came|comes|stem(?:s|med)?|result(?:s|ed)?) from\b[^.;]{0,40}\byour?\b",
            r"\bbecause of you(?:r (?:team|people|staff|changes|delays?))?\b",
            # a causal clause that pins a bad outcome on the client
            r"\b(?:because|since) you(?:r team)? \w+(?: \w+){0,6}? (?:late|wrong|incomplete)\b",
            r"\bblam(?:e|ed|es|ing)\b",
            r"\byour (?:own )?(?:mistake|error|failure)s?\b",
            r"\bthat'?s on you\b",
            r"\byour (?:late|unclear|confusing|vague|contradictory|changing) (?:brief|feedback"
            r"|input|answers?|instructions|requirements)\b",
        ),
        "assigns blame",
        "say what happened and what will change; accept responsibility and move to the plan (000)",
    ),
    Check(
        Rule.NO_EGO,
        (
            r"\b(?:I|we) (?:really |strongly |personally )?(?:think|believe|feel|insist"
            r"|prefer|know best|know better)\b",
            r"\b(?:I'm|Im|I am|we're|we are) (?:very |so |really )?(?:proud|sure|certain"
            r"|confident|convinced|right)\b",
            r"\b(?:my|our) (?:own )?(?:opinion|view|preference|way|reputation|expertise"
            r"|experience|designs?|creative vision|standards?|track record|awards?)\b",
            r"\bin (?:my|our) (?:opinion|view|experience)\b",
            r"\b(?:important|hard|difficult|easier|better|best|frustrating) for (?:me|us)\b",
            r"\bwe(?:'ve| have) (?:always|never)\b",
            r"\b(?:we|our \w+)(?: have| are|'re)? the (?:best|finest|leading|top)\b",
            r"\bpride (?:myself|ourselves)\b",
        ),
        "puts the provider at the centre",
        "take “I” and “we” out and say what it means for the client's goals (002)",
        frozenset({Party.CLIENT}),
    ),
    Check(
        Rule.FACTS_NOT_EMOTION,
        (
            r"\b(?:ridiculous|absurd|outrageous|insane|crazy|terrible|horrible|awful"
            r"|disgraceful|pathetic|stupid|nonsense|unreasonable|unacceptable|disaster"
            r"|catastrophe|nightmare|a joke|a mess)\b",
            r"\byou(?:'re| are) (?:(?:just|simply|completely) )?(?:wrong|mistaken|confused)\b",
            r"\b(?:frustrat(?:ed|ing)|angry|annoyed|furious|upset(?:ting)?|fed up)\b",
            r"\b(?:to be (?:honest|frank)|frankly|honestly|obviously|with all due respect"
            r"|calm down|how dare)\b",
            r"\b(?:as|like) (?:I|we) (?:already |have )?(?:said|mentioned|explained|told you)\b",
            r"\b(?:I|we) (?:already )?told you\b",
            r"\bthat'?s (?:just )?not true\b",
            r"\bwe did (?:nothing wrong|everything right)\b",
            r"\bno idea what you'?re talking about\b",
            r"[!?]*![!?]*!",
        ),
        "is emotional or defensive",
        f"state the facts and figures instead; if the client is upset, {_LISTEN}",
    ),
    Check(
        Rule.NO_GENERALITIES,
        (
            r"\b(?:always|never(?! mind)|constantly|continually|forever)\b",
            r"\b(?:again and again|over and over|time and (?:time )?again)\b",
            r"\ball (?:of )?(?:your|the) (?:complaints|issues|problems|tickets|requests)\b",
            r"\b(?:everything|everyone|everybody|nobody|no one)\b",
            r"\bnothing (?:works|ever|gets|is (?:ever|done|right))\b",
            r"\b(?:all the time|every (?:single )?time|each and every)\b",
            r"\b(?:completely|totally|utterly) (?:wrong|useless|broken|unacceptable|failed)\b",
        ),
        "is a generality",
        "name a specific example with a date or a number instead (003 §1)",
    ),
)
"""The built-in checks, in the order findings are reported."""

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _compiled(check: Check, extra: tuple[str, ...]) -> re.Pattern[str]:
    extras = [rf"\b{re.escape(phrase.strip())}\b" for phrase in extra]
    return re.compile("|".join([*check.patterns, *extras]), re.IGNORECASE)


_BUILT_IN: Mapping[Rule, re.Pattern[str]] = {c.rule: _compiled(c, ()) for c in CHECKS}


def review(
    text: str, *, audience: Party = Party.CLIENT, policy: Policy | None = None
) -> tuple[Finding, ...]:
    """Findings for the phrases of ``text`` that work against a recovery.

    Args:
        text: The message.
        audience: Who will read it; ``NO_EGO`` applies to messages for the client.
        policy: Extra phrases and checks switched off (``guidance_phrases``,
            ``guidance_off``), and severities; the default policy otherwise.

    Returns:
        One finding per matched phrase, ordered by position, each with its ``span``.
    """
    if not isinstance(text, str):
        raise InvalidValue("review(text=...)", f"must be a str, got {type(text).__name__}")
    if not isinstance(audience, Party):
        raise InvalidValue("review(audience=...)", "must be a Party")
    policy = policy if policy is not None else Policy()
    quoted = _quoted_spans(text)
    found = [
        f
        for check in CHECKS
        if check.rule not in policy.guidance_off and audience in check.audiences
        for f in _matches(text, check, policy, quoted)
    ]
    return tuple(sorted(found, key=lambda f: (f.span or (0, 0), f.rule.value)))


def _matches(
    text: str, check: Check, policy: Policy, quoted: list[tuple[int, int]]
) -> Iterator[Finding]:
    extra = policy.guidance_phrases.get(check.rule, ())
    pattern = _compiled(check, extra) if extra else _BUILT_IN[check.rule]
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(q_start <= start < q_end for q_start, q_end in quoted):
            continue
        yield Finding(
            check.rule,
            policy.severity(check.rule),
            f"“{match.group(0)}” {check.problem}",
            None,
            check.hint,
            (start, end),
        )
