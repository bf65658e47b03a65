"""``clientrecovery demo``: one case told step by step, then a store of example cases.

First the masterclass meeting of article 000 (see :func:`clientrecovery.examples.masterclass`):
each command, one step taken out of order and refused with its explanation, what the model
suggests next at two points, and the end state. Then the three stories of the articles and a
small synthetic portfolio are saved in a store, and listed, so the other commands
(``show``, ``timeline``, ``findings``...) have something to work on.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from clientrecovery.examples import masterclass, stories, synthetic_portfolio
from clientrecovery.relationship import Relationship
from clientrecovery.store import Entry, SQLiteStore

__all__ = ["populate", "run"]

SEED = 2026
"""The seed of the demo's synthetic portfolio."""


def _show_next(say: Callable[[str], None]) -> Callable[[Relationship], None]:
    def pause(r: Relationship) -> None:
        say("   What next?")
        for action in r.next_actions():
            if action.command in ("contact_client", "inform_stakeholders", "end", "follow_up"):
                continue
            mark = "ready  " if action.ready else "blocked"
            say(f"     {mark} {action.command}: {action.hint}")
            for blocker in action.blocked_by:
                say(f"             by [{blocker.rule.value}] {blocker.message}")

    return pause


def populate(db: str | os.PathLike[str] = "clientrecovery.db") -> tuple[int, tuple[Entry, ...]]:
    """Store the example cases in ``db`` (those not stored yet, or stored shorter); returns
    how many were added and every stored entry."""
    cases = (*stories(), *synthetic_portfolio(12, seed=SEED))
    added = 0
    with SQLiteStore(db) as store:
        for case in cases:
            stored = store.version(case.id)
            if stored < case.version:
                store.save(case, expected_version=stored)
                added += 1
        return added, store.list()


def run(
    db: str | os.PathLike[str] = "clientrecovery.db",
    *,
    command: str = "clientrecovery",
    say: Callable[[str], None] = print,
) -> int:
    """Print the walk-through, then store the example cases in ``db`` and list them.

    ``command`` is how the user runs the command line (``.venv/bin/clientrecovery``, or
    with ``--db``), so the suggested commands work as printed.
    """
    say("The masterclass case (\u201cA Client Management Masterclass\u201d, article 000)")
    say("=" * 72)
    r = masterclass(say, _show_next(say))
    say("\nEnd state")
    say("-" * 72)
    say(f"stage       {r.stage.name}")
    say(f"events      {r.version}")
    for issue in r.issues:
        say(f"issue       {issue.id} {issue.status.value:9} {issue.title}")
    for c in r.commitments:
        say(f"commitment  {c.id} {c.status.value:9} {c.description}")
    replayed = Relationship.replay(r.history)
    say(f"replay      the history rebuilds an equal relationship: {replayed == r}")

    added, entries = populate(db)
    say(f"\nThe store {os.fspath(db)}: {added} case(s) added, {len(entries)} in all")
    say("-" * 72)
    for e in entries:
        say(f"{e.id:20} {e.client[:24]:24} {e.stage.name:14} {e.version:4} events")
    still_open = next((e.id for e in entries if not e.stage.terminal), "halden-foods")
    pad = " " * len("Try:  ")
    say(f"\nTry:  {command} show {still_open}")
    say(f"{pad}{command} timeline brightwater-health")
    say(f"{pad}{command} summary norbrook-logistics")
    say(f"{pad}{command} findings")
    return 0
