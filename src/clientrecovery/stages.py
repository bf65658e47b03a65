"""The stage machine of the method, as data.

:data:`COMMAND_STAGES` says in which stages each command may run; :data:`TRANSITIONS` lists
every change of stage a command can make. The STAGE_ORDER rule, the hints of
:meth:`Relationship.next_actions <clientrecovery.Relationship.next_actions>` and the
diagram in the documentation (:func:`mermaid`) are all read from these two tables, and a
test checks their shape and that the relationship never changes stage any other way.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

import attrs

from clientrecovery.errors import InvalidValue
from clientrecovery.model import Stage

__all__ = [
    "AFTERCARE",
    "COMMANDS",
    "COMMAND_STAGES",
    "INITIAL",
    "OPEN_STAGES",
    "TRANSITIONS",
    "Transition",
    "mermaid",
    "route",
]

INITIAL = Stage.ASSESSING
"""The stage a relationship is opened in."""

OPEN_STAGES: frozenset[Stage] = frozenset(s for s in Stage if not s.terminal)
"""The stages from which the relationship can still move."""

_MET = OPEN_STAGES - {Stage.ASSESSING}
_ALL = frozenset(Stage)
# Delivery runs wherever an agreed plan may be in force: a late issue reopens discovery for
# the new issue only (003 §9; 000). Which initiatives the client agreed is checked by the
# CLIENT_AGREES_PLAN rule.
_DELIVERY = _MET


@attrs.frozen
class Transition:
    """One change of stage a command can make."""

    source: Stage
    """The stage before."""
    command: str
    """The command."""
    target: Stage
    """The stage after."""
    when: str = ""
    """The condition, where the command can also leave the stage as it is."""
    forward: bool = True
    """Whether it moves the method on (``False`` for going back or giving up)."""


COMMAND_STAGES: Mapping[str, frozenset[Stage]] = {
    "assess": OPEN_STAGES,
    "align_internally": frozenset({Stage.ASSESSING}),
    "meet_client": frozenset({Stage.ASSESSING}),
    "raise_issue": OPEN_STAGES,
    "specify_issue": frozenset({Stage.DISCOVERY}),
    "drop_issue": frozenset({Stage.DISCOVERY}),
    "agree_issues": frozenset({Stage.DISCOVERY}),
    "secure_commitment": frozenset({Stage.ISSUES_AGREED}),
    "promise_response": frozenset({Stage.ISSUES_AGREED, Stage.PLANNING}),
    "promise": OPEN_STAGES,
    "send_written_summary": frozenset({Stage.PLANNING}),
    "propose_plan": frozenset({Stage.PLANNING}),
    "revise_plan": frozenset({Stage.PLANNING, Stage.PLAN_PROPOSED, Stage.RECOVERING}),
    "agree_plan": frozenset({Stage.PLAN_PROPOSED}),
    "start_initiative": _DELIVERY,
    "complete_initiative": _DELIVERY,
    "warn_delay": _DELIVERY,
    "wait_on_client": _DELIVERY,
    "resume": _DELIVERY,
    "drop_initiative": _DELIVERY,
    "follow_up": _MET,
    "contact_client": _ALL,
    "inform_stakeholders": _ALL,
    "resolve_issue": frozenset({Stage.RECOVERING}),
    "fulfil_commitment": OPEN_STAGES,
    "break_commitment": OPEN_STAGES,
    "close": frozenset({Stage.RECOVERING}),
    "end": OPEN_STAGES,
    "record_lessons": _ALL,
}
"""The stages each command may run in (``open`` starts a relationship and has none)."""

AFTERCARE: frozenset[str] = frozenset(
    c for c, stages in COMMAND_STAGES.items() if stages & {Stage.RECOVERED, Stage.LOST}
)
"""The commands that still run once a relationship is closed or lost: a parting summary or
a hand-over (004), over-service after a recovery (000), lessons learned (004). None of
them changes the stage."""

COMMANDS: tuple[str, ...] = ("open", *COMMAND_STAGES)
"""Every command, in the order of the method."""

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Stage.ASSESSING, "meet_client", Stage.DISCOVERY, "willing"),
    Transition(Stage.ASSESSING, "meet_client", Stage.LOST, "unwilling", forward=False),
    Transition(Stage.DISCOVERY, "agree_issues", Stage.ISSUES_AGREED),
    Transition(
        Stage.DISCOVERY, "agree_issues", Stage.RECOVERING, "late issues dropped", forward=False
    ),
    Transition(
        Stage.DISCOVERY, "agree_issues", Stage.PLAN_PROPOSED, "late issues dropped", forward=False
    ),
    Transition(Stage.ISSUES_AGREED, "secure_commitment", Stage.PLANNING, "response promised"),
    Transition(Stage.ISSUES_AGREED, "promise_response", Stage.PLANNING, "client committed"),
    Transition(Stage.PLANNING, "propose_plan", Stage.PLAN_PROPOSED),
    Transition(Stage.PLANNING, "revise_plan", Stage.PLAN_PROPOSED, "after a late issue"),
    Transition(Stage.RECOVERING, "revise_plan", Stage.PLAN_PROPOSED),
    Transition(Stage.PLAN_PROPOSED, "agree_plan", Stage.RECOVERING),
    Transition(Stage.RECOVERING, "close", Stage.RECOVERED),
    *(
        Transition(stage, "raise_issue", Stage.DISCOVERY, "late issue", forward=False)
        for stage in (Stage.ISSUES_AGREED, Stage.PLANNING, Stage.PLAN_PROPOSED, Stage.RECOVERING)
    ),
    *(Transition(stage, "end", Stage.LOST, forward=False) for stage in Stage if not stage.terminal),
)
"""Every change of stage, in the order of the method."""


def route(stage: Stage, command: str) -> tuple[str, ...] | None:
    """The shortest run of commands that moves ``stage`` forward to where ``command`` fits.

    Returns ``()`` if the command fits ``stage`` already, ``None`` if no forward route leads
    there (the stage is past it, or terminal).

    >>> route(Stage.DISCOVERY, "propose_plan")
    ('agree_issues', 'secure_commitment')

    Raises:
        InvalidValue: ``stage`` is not a :class:`~clientrecovery.Stage` or ``command`` not a
            string (an unknown command's name has no route: ``None``).
    """
    given: tuple[object, object] = (stage, command)  # callers may pass anything
    if not isinstance(given[0], Stage):
        raise InvalidValue("route(stage)", f"must be a Stage, got {type(given[0]).__name__}")
    if not isinstance(given[1], str):
        raise InvalidValue("route(command)", f"must be a str, got {type(given[1]).__name__}")
    wanted = COMMAND_STAGES.get(command, frozenset())
    seen = {stage}
    queue: deque[tuple[Stage, tuple[str, ...]]] = deque([(stage, ())])
    while queue:
        here, path = queue.popleft()
        if here in wanted:
            return path
        for t in TRANSITIONS:
            if t.forward and t.source is here and t.target not in seen:
                seen.add(t.target)
                queue.append((t.target, (*path, t.command)))
    return None


def mermaid() -> str:
    """The stage diagram as Mermaid ``stateDiagram-v2`` text, drawn from :data:`TRANSITIONS`."""
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL.name}"]
    for t in TRANSITIONS:
        label = f"{t.command} ({t.when})" if t.when else t.command
        lines.append(f"    {t.source.name} --> {t.target.name}: {label}")
    lines.extend(f"    {s.name} --> [*]" for s in Stage if s.terminal)
    return "\n".join(lines) + "\n"
