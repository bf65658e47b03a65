"""What can be done next (private): each command's plain-language hint and, for commands on
items, which items can take it; read by :meth:`Relationship.next_actions
<clientrecovery.Relationship.next_actions>` with the stage table and the rules."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from clientrecovery import rules
from clientrecovery.catalogue import NextAction
from clientrecovery.model import CommitmentStatus, InitiativeStatus, IssueStatus, Party
from clientrecovery.stages import COMMAND_STAGES

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["HINTS", "next_actions"]

_FINISHED = (InitiativeStatus.DONE, InitiativeStatus.DROPPED)


def next_actions(r: Relationship) -> tuple[NextAction, ...]:
    """The commands of ``r``'s stage, in the order of the method, with what blocks each."""
    actions: list[NextAction] = []
    for command, stages in COMMAND_STAGES.items():  # the stage table's order and stages
        if r.stage not in stages:
            continue
        hint = HINTS[command]
        if command == "propose_plan" and r.plan_version:
            continue
        if command == "revise_plan" and not r.plan_version:
            continue
        items = _ITEMS.get(command)
        if items is not None:
            ids = items(r)
            if not ids:
                continue
            hint = f"{hint}: {', '.join(ids)}"
        blocked = tuple(rules.blockers(r, command))
        actions.append(NextAction(command, blocked, hint))
    return tuple(actions)


def _ids_of_issues(*statuses: IssueStatus) -> Callable[[Relationship], list[str]]:
    return lambda r: [i.id for i in r.issues if i.status in statuses]


def _ids_of_initiatives(
    *statuses: InitiativeStatus, held: bool = False
) -> Callable[[Relationship], list[str]]:
    """Ids of initiatives in one of the ``statuses``; waiting on the client only if ``held``
    (as the command's check allows, see ``rules.delivery.initiative_ready``)."""

    def ids(r: Relationship) -> list[str]:
        return [
            i.id
            for i in r._work
            if i.status in statuses and (held or not i.on_hold) and r.agreed_initiative(i.id)
        ]

    return ids


def _waitable(r: Relationship) -> list[str]:
    """Provider work that may wait on the client (client-owned work is reminded instead)."""
    ready = _ids_of_initiatives(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS)(r)
    return [i for i in ready if r.initiative(i).owner_party is Party.PROVIDER]


def _resolvable(r: Relationship) -> list[str]:
    return [
        i.id
        for i in r.issues
        if i.status is IssueStatus.AGREED
        and r.initiatives_for(i.id)
        and all(w.status in _FINISHED for w in r.initiatives_for(i.id))
    ]


def _open_commitments(r: Relationship) -> list[str]:
    return [c.id for c in r.commitments if c.status is CommitmentStatus.AGREED and c.id]


_ITEMS: Mapping[str, Callable[[Relationship], list[str]]] = {
    "specify_issue": _ids_of_issues(IssueStatus.RAISED),
    "drop_issue": _ids_of_issues(IssueStatus.RAISED),
    "start_initiative": _ids_of_initiatives(InitiativeStatus.PLANNED),
    "complete_initiative": _ids_of_initiatives(InitiativeStatus.IN_PROGRESS),
    "warn_delay": _ids_of_initiatives(
        InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS, held=True
    ),
    "wait_on_client": _waitable,
    "resume": lambda r: [i.id for i in r._work if i.on_hold],
    "drop_initiative": _ids_of_initiatives(
        InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS, held=True
    ),
    "resolve_issue": _resolvable,
    "fulfil_commitment": _open_commitments,
    "break_commitment": _open_commitments,
}

HINTS: Mapping[str, str] = {
    "assess": "write down root cause, timeline, stakeholders, implications and the client's"
    " perspective (001 §1-3)",
    "align_internally": "get leadership to approve the approach (001 §4)",
    "meet_client": "meet the client; find out whether they want to work things out (000)",
    "raise_issue": "record each problem the client names (003 §1)",
    "specify_issue": "ask for examples and a measure for",
    "drop_issue": "throw out a generality that stays vague",
    "agree_issues": "ask the client to confirm the list and that nothing is missing (003 §3)",
    "secure_commitment": "ask what the client will do once the issues are solved (003 §4)",
    "promise": "record a promise of your own, with its date, and keep it (000)",
    "promise_response": "give a date for the plan, not today (003 §5)",
    "send_written_summary": "write up the issues, the commitment and the date (003 §6)",
    "propose_plan": "put a prioritised plan with 2-3 options to the client (003 §7; 001 §6)",
    "revise_plan": "put a revised plan to the client",
    "agree_plan": "get the client's agreement to the plan (003 §8)",
    "start_initiative": "start work on",
    "complete_initiative": "record as done",
    "warn_delay": "warn the client early if a deadline is at risk (003 §9) for",
    "wait_on_client": "pause while the client owes its part",
    "resume": "resume work the client has unblocked",
    "drop_initiative": "drop work that is no longer needed",
    "resolve_issue": "confirm with the client that these are resolved",
    "fulfil_commitment": "record a kept commitment",
    "break_commitment": "record a broken commitment",
    "close": "close the turnaround as recovered",
    "follow_up": "check the status of the turnaround (003 §9)",
    "contact_client": "reach out before the client expects it (003 §10)",
    "inform_stakeholders": "tell everyone concerned what was agreed (001 §7)",
    "end": "end the relationship and keep the lessons learned (004)",
    "record_lessons": "keep what this case taught, whatever its outcome (004)",
}
