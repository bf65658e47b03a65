"""Sphinx directives that draw documentation from the code, so it cannot drift.

- ``clientrecovery-stages``: the stage diagram, drawn as SVG from the transition table at
  build time (``stage_diagram.py``), so the page needs no script and no network.
- ``clientrecovery-rules``: the rule catalogue as a table, from the ``Rule`` data; each row
  has its rule's id as an anchor (``rules.html#ASSESS_FIRST``), so a finding can link to it.
- ``clientrecovery-commands``: which command runs in which stages.
"""

from __future__ import annotations

from typing import Any

import stage_diagram
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from clientrecovery import Relationship, Rule, Stage
from clientrecovery.catalogue import describe_source
from clientrecovery.stages import COMMAND_STAGES


class _Generated(SphinxDirective):
    def lines(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(self.lines(), source="(generated)"), 0, container)
        return list(container.children)


class StagesDirective(SphinxDirective):
    """The stage diagram, drawn from the transition table as inline SVG."""

    def run(self) -> list[nodes.Node]:
        figure = nodes.container(classes=["stage-diagram"])
        figure += nodes.raw("", stage_diagram.svg(), format="html")
        return [figure]


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

    def run(self) -> list[nodes.Node]:
        made = super().run()
        std = self.env.get_domain("std")
        for table in made:
            body = next(iter(table.findall(nodes.tbody)), None)
            if body is None:
                continue
            for rule, row in zip(Rule, body.findall(nodes.row), strict=True):
                row["ids"].append(rule.value)
                # {ref}`rule-assess_first` links to the row from any page.
                std.note_hyperlink_target(  # type: ignore[attr-defined]
                    f"rule-{rule.value.lower()}", self.env.docname, rule.value, rule.value
                )
        return made


class CommandsDirective(_Generated):
    """Each command and the stages it runs in."""

    def lines(self) -> list[str]:
        order = list(Stage)
        rows = [
            [f"`{command}`", ", ".join(s.name for s in sorted(stages, key=order.index))]
            for command, stages in COMMAND_STAGES.items()
        ]
        return _table(["command", "runs in"], rows, "30 70")


def _public_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Relationship is made by ``Relationship.open`` and the commands, never by calling the
    class: its constructor's arguments are private, so the page shows none. Its methods
    written as functions of private modules (the commands, the queries) annotate ``self``
    for the type checker; like any method's, it is not a parameter to list."""
    document = getattr(app.env, "current_document", None)
    recorded = getattr(document, "autodoc_annotations", None)
    if recorded is None:  # Sphinx before 8.2
        recorded = app.env.temp_data.get("annotations", {})
    if what == "class" and obj is Relationship:
        # ...nor a parameter list: forget the annotations autodoc recorded for it.
        recorded.pop(name, None)
        return "", None
    if what == "method" and name.startswith("clientrecovery.Relationship."):
        recorded.get(name, {}).pop("self", None)
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("autodoc-process-signature", _public_signature)
    app.add_directive("clientrecovery-stages", StagesDirective)
    app.add_directive("clientrecovery-rules", RulesDirective)
    app.add_directive("clientrecovery-commands", CommandsDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
