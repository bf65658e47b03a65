"""The stage machine as data: its shape, its diagram, and its routes."""

from __future__ import annotations

from collections import deque

import pytest

from clientrecovery import InvalidValue, Relationship, Stage, mermaid
from clientrecovery.stages import AFTERCARE, COMMAND_STAGES, COMMANDS, INITIAL, TRANSITIONS, route


def reachable(start: Stage, *, forward_only: bool = False) -> set[Stage]:
    seen = {start}
    queue = deque([start])
    while queue:
        here = queue.popleft()
        for t in TRANSITIONS:
            if t.source is here and t.target not in seen and (t.forward or not forward_only):
                seen.add(t.target)
                queue.append(t.target)
    return seen


class TestTransitionTable:
    def test_there_is_one_initial_stage(self) -> None:
        """Only ASSESSING has no way in, and it is where `open` starts."""
        targets = {t.target for t in TRANSITIONS}

        assert [s for s in Stage if s not in targets] == [INITIAL] == [Stage.ASSESSING]

    def test_no_way_out_of_a_terminal_stage(self) -> None:
        """RECOVERED and LOST are final: no transition starts there, and only the aftercare
        commands (a contact, a hand-over, lessons) still run, in both."""
        terminal = {s for s in Stage if s.terminal}

        assert terminal == {Stage.RECOVERED, Stage.LOST}
        assert not [t for t in TRANSITIONS if t.source in terminal]
        runs_there = {c for c, stages in COMMAND_STAGES.items() if stages & terminal}
        assert (
            runs_there == AFTERCARE == {"contact_client", "inform_stakeholders", "record_lessons"}
        )
        assert all(terminal <= COMMAND_STAGES[c] for c in AFTERCARE)

    def test_every_stage_is_reachable(self) -> None:
        """From the initial stage, moving forward only."""
        assert reachable(INITIAL, forward_only=True) | {Stage.LOST} == set(Stage)
        assert reachable(INITIAL) == set(Stage)

    @pytest.mark.parametrize("stage", [s for s in Stage if not s.terminal])
    def test_every_open_stage_can_reach_lost(self, stage: Stage) -> None:
        """A relationship can be given up at any point."""
        assert any(t.source is stage and t.target is Stage.LOST for t in TRANSITIONS)

    def test_every_command_of_the_table_is_a_method(self) -> None:
        """The table and the class name the same commands."""
        for command in COMMANDS:
            assert callable(getattr(Relationship, command)), command

    def test_every_transition_starts_where_its_command_may_run(self) -> None:
        """A transition out of a stage the command does not run in would be dead."""
        for t in TRANSITIONS:
            assert t.source in COMMAND_STAGES[t.command], t


class TestMermaid:
    def test_the_diagram_draws_every_transition(self) -> None:
        """One line per transition, plus the start and the two ends."""
        text = mermaid()

        assert text.startswith("stateDiagram-v2\n    [*] --> ASSESSING\n")
        assert "    PLAN_PROPOSED --> RECOVERING: agree_plan\n" in text
        assert "    ASSESSING --> LOST: meet_client (unwilling)\n" in text
        assert text.count("-->") == len(TRANSITIONS) + 3


class TestRoute:
    def test_the_route_to_planning(self) -> None:
        """From DISCOVERY, a plan needs agreement then commitment or promise."""
        assert route(Stage.DISCOVERY, "propose_plan") == ("agree_issues", "secure_commitment")

    def test_a_command_of_the_current_stage_needs_no_route(self) -> None:
        """Already there."""
        assert route(Stage.RECOVERING, "close") == ()

    def test_there_is_no_route_backwards(self) -> None:
        """Meeting the client again is not a forward move."""
        assert route(Stage.PLANNING, "meet_client") is None

    @pytest.mark.parametrize(
        ("stage", "command", "where"),
        [
            ([], "close", r"route\(stage\): must be a Stage, got list"),
            ("recovering", "close", r"route\(stage\): must be a Stage, got str"),
            (Stage.RECOVERING, [], r"route\(command\): must be a str, got list"),
        ],
    )
    def test_what_is_not_a_stage_or_a_command_is_refused(
        self, stage: object, command: object, where: str
    ) -> None:
        """An InvalidValue naming the argument, not a TypeError from a lookup inside."""
        with pytest.raises(InvalidValue, match=where):
            route(stage, command)  # type: ignore[arg-type]

    def test_an_unknown_command_has_no_route(self) -> None:
        assert route(Stage.DISCOVERY, "fly_to_the_moon") is None


class TestNextActionsData:
    def test_every_command_of_the_table_has_a_hint_and_no_other(self) -> None:
        """next_actions() reads the same table: a new command cannot be left out of it."""
        from clientrecovery._actions import HINTS

        assert set(HINTS) == set(COMMANDS) - {"open"}
