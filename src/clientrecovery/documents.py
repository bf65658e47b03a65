"""Written documents of a relationship, as Markdown: pure and deterministic.

- :func:`written_summary`: the follow-up in writing after the issues were agreed: the
  issues with their measures, the client's commitment and the response date (003 §6).
- :func:`plan_document`: the plan put in writing: what the client told us, initiatives by
  priority with owners on both sides, due dates and success criteria, the options with the
  preferred one, and any extra cost with its reasons and benefits (003 §7; 001 §6).

Both relay the client's own words back where they were recorded (``client_words`` of an
issue): "you told us: …" shows the client they were heard (004).
- :func:`stakeholder_update`: what was agreed, for everyone concerned (001 §7).

The wording keeps to the client's outcomes and the facts (002: results, facts, no ego).
The same relationship always gives the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientrecovery.errors import UnknownItem
from clientrecovery.model import IssueStatus, Party, TurnaroundPlan

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["plan_document", "stakeholder_update", "written_summary"]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _plan(r: Relationship) -> TurnaroundPlan:
    plan = r.plan
    if plan is None:
        raise UnknownItem("plan", "current", ())
    return plan


def written_summary(r: Relationship) -> str:
    """The written summary of the agreed issues, the commitment and the response date."""
    p = r.policy
    agreed = [i for i in r.issues if i.status in (IssueStatus.AGREED, IssueStatus.RESOLVED)]
    lines = [f"# Summary: {r.client}", ""]
    if r.issues_agreed_at is not None:
        lines += [f"Issues agreed on {p.local_date(r.issues_agreed_at)}.", ""]
    lines += ["## Agreed issues", ""]
    if not agreed:
        lines += ["No issue has been agreed yet.", ""]
    for n, issue in enumerate(agreed, start=1):
        lines.append(f"{n}. **{issue.title}** ({issue.id}, {issue.category.value})")
        if issue.client_words.strip():
            lines.append(f"   - You told us: “{_cell(issue.client_words)}”")
        for example in issue.examples:
            lines.append(f"   - Example: {example}")
        if issue.quantification is not None:
            lines.append(f"   - Measure: {issue.quantification}")
    if agreed:
        lines.append("")
    lines += ["## Commitment", ""]
    client = [c for c in r.commitments if c.party is Party.CLIENT]
    if not client:
        lines.append("No commitment has been agreed yet.")
    for c in client:
        measure = f"; measured by: {c.measure}" if c.measure.strip() else ""
        lines.append(f"- {c.description} (by {c.due}{measure})")
    lines += ["", "## Response", ""]
    if r.response_due is None:
        lines.append("The date of the response has not been set yet.")
    else:
        lines.append(f"A recommended plan addressing every issue above, by {r.response_due}.")
    return "\n".join(lines) + "\n"


def plan_document(r: Relationship) -> str:
    """The current plan in writing (:class:`~clientrecovery.UnknownItem` if there is none)."""
    plan = _plan(r)
    p = r.policy
    lines = [f"# Turnaround plan v{plan.version}: {r.client}", ""]
    if plan.proposed_at is not None:
        state = (
            f"agreed on {p.local_date(plan.agreed_at)}"
            if plan.agreed_at is not None
            else "awaiting agreement"
        )
        lines += [f"Proposed on {p.local_date(plan.proposed_at)}, {state}.", ""]
    heard = [i for i in r.issues if i.live and i.client_words.strip()]
    if heard:
        lines += ["## What you told us", ""]
        for issue in heard:
            work = ", ".join(w.id for w in plan.initiatives if issue.id in w.addresses)
            answer = f"; addressed by {work}" if work else ""
            lines.append(f"- {issue.id}: “{_cell(issue.client_words)}”{answer}")
        lines.append("")
    lines += [
        "## Initiatives",
        "",
        "| priority | initiative | addresses | responsible | due | success criterion |",
        "|---|---|---|---|---|---|",
    ]
    for i in sorted(plan.initiatives, key=lambda i: (i.priority, i.id)):
        title = _cell(i.title) + (" (quick win)" if i.quick_win else "")
        addresses = ", ".join(i.addresses) or "-"
        owner = f"{i.owner_party.value}: {_cell(i.owner)}"
        lines.append(
            f"| {i.priority} | {i.id} {title} | {addresses} | {owner} | {i.due}"
            f" | {_cell(i.success_criterion)} |"
        )
    lines += ["", "## Options", ""]
    for o in plan.options:
        mark = " (recommended)" if o.preferred else ""
        chosen = " (chosen)" if plan.chosen_option == o.id else ""
        lines.append(f"- **{o.id}**{mark}{chosen}: {o.summary}")
        lines.append(
            f"  - Gain for the client: {o.client_gain}; for the provider: {o.provider_gain}"
        )
        for label, effect in (
            ("Cost", o.cost_effect),
            ("Scope", o.scope_effect),
            ("Timeline", o.timeline_effect),
        ):
            if effect.strip():
                lines.append(f"  - {label}: {effect}")
        if o.cost_change is not None:
            extra = o.cost_change
            why = "; ".join([*extra.reasons, *extra.benefits])
            lines.append(
                f"  - Extra cost: {extra.amount} {extra.currency}" + (f" ({why})" if why else "")
            )
    cost = plan.cost_change
    if cost is not None:
        lines += ["", "## Cost", "", f"Change: {cost.amount} {cost.currency}.", ""]
        lines += ["Reasons:", *(f"- {x}" for x in cost.reasons)] if cost.reasons else []
        lines += ["", "Benefits:", *(f"- {x}" for x in cost.benefits)] if cost.benefits else []
    return "\n".join(lines) + "\n"


def stakeholder_update(r: Relationship) -> str:
    """What was agreed, for the stakeholders (:class:`~clientrecovery.UnknownItem` if no plan)."""
    plan = _plan(r)
    p = r.policy
    lines = [f"# Update: {r.client}", ""]
    if plan.agreed_at is not None:
        chosen = f", option {plan.chosen_option}" if plan.chosen_option else ""
        lines.append(f"Plan v{plan.version} agreed on {p.local_date(plan.agreed_at)}{chosen}.")
    else:
        lines.append(f"Plan v{plan.version} proposed; not agreed yet.")
    lines += ["", "## Who does what, by when", ""]
    for i in sorted(plan.initiatives, key=lambda i: (i.priority, i.id)):
        lines.append(f"- {i.due}: {i.title} ({i.owner_party.value}: {i.owner})")
    commitment = r.client_commitment
    if commitment is not None:
        lines += [
            "",
            "## The client's commitment",
            "",
            f"- {commitment.description} (by {commitment.due})",
        ]
    return "\n".join(lines) + "\n"
