"""Sphinx directives that draw documentation from the code, so it cannot drift.

- ``clientrecovery-stages``: the stage diagram (Mermaid), from the transition table.
- ``clientrecovery-rules``: the rule catalogue as a table, from the ``Rule`` data.
- ``clientrecovery-commands``: which command runs in which stages.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from clientrecovery import Rule, Stage
from clientrecovery.catalogue import describe_source
from clientrecovery.stages import COMMAND_STAGES, mermaid


class _Generated(SphinxDirective):
    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(self.lines(), source="(generated)"), 0, container)
        return list(container.children)


class StagesDirective(_Generated):
    """The stage diagram, drawn from the transition table."""

    def lines(self) -> list[str]:
        return ["```{mermaid}", *mermaid().splitlines(), "```"]


def _table(header: list[str], rows: list[list[str]], widths: str) -> list[str]:
    """A MyST list-table (the pages using these directives are Markdown)."""
    out = ["```{list-table}", ":header-rows: 1", f":widths: {widths}", ""]
    for row in [header, *rows]:
        out.append(f"* - {row[0]}")
        out.extend(f"  - {cell}" for cell in row[1:])
    return [*out, "```"]


class RulesDirective(_Generated):
    """The rule catalogue, one row per rule."""

    def lines(self) -> list[str]:
        rows = [
            [
                f"`{rule.value}`",
                rule.title,
                describe_source(rule.source),
                rule.default_severity.name + (", fixed" if rule.fixed else ""),
            ]
            for rule in Rule
        ]
        return _table(["id", "what it requires", "source", "default"], rows, "18 42 28 12")


class CommandsDirective(_Generated):
    """Each command and the stages it runs in."""

    def lines(self) -> list[str]:
        order = list(Stage)
        rows = [
            [f"`{command}`", ", ".join(s.name for s in sorted(stages, key=order.index))]
            for command, stages in COMMAND_STAGES.items()
        ]
        return _table(["command", "runs in"], rows, "30 70")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("clientrecovery-stages", StagesDirective)
    app.add_directive("clientrecovery-rules", RulesDirective)
    app.add_directive("clientrecovery-commands", CommandsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
