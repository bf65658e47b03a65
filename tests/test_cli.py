"""The command line, through a real subprocess, and the demo case."""

from __future__ import annotations

import subprocess
import sys

from clientrecovery import Relationship, Stage
from clientrecovery.demo import masterclass
from clientrecovery.stages import mermaid


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clientrecovery", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class TestDemo:
    def test_the_demo_walks_the_case_to_recovery(self) -> None:
        """It shows a refusal, next actions twice, and the end state."""
        done = run("demo")

        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert "meet_client refused: 1 rule broken" in out
        assert "[ALIGN_FIRST]" in out
        assert out.count("What next?") == 2
        assert "blocked send_written_summary" not in out
        assert "stage       RECOVERED" in out
        assert "rebuilds an equal relationship: True" in out

    def test_the_masterclass_case_is_a_valid_history(self) -> None:
        """The demo's case replays, so every step of it follows the method."""
        narration: list[str] = []

        r = masterclass(narration.append)

        assert r.stage is Stage.RECOVERED
        assert Relationship.replay(r.history) == r
        assert any("refused" in line for line in narration)


class TestCommandLine:
    def test_diagram_prints_the_mermaid_text(self) -> None:
        """The same text as clientrecovery.mermaid()."""
        done = run("diagram")

        assert (done.returncode, done.stdout) == (0, mermaid())

    def test_an_unknown_command_exits_with_usage(self) -> None:
        """argparse's usage error: exit 2, message on stderr."""
        done = run("fly")

        assert done.returncode == 2
        assert "invalid choice: 'fly'" in done.stderr
        assert done.stdout == ""
