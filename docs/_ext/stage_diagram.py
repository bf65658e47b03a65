"""The stage diagram as SVG, laid out from :data:`clientrecovery.stages.TRANSITIONS`.

Drawn when the documentation is built, with nothing but Python: no script, no network.

- The forward path runs top to bottom in one column, from the initial stage to RECOVERED;
  each step's commands are written beside its arrow.
- Every way back up the column (a late issue, a revised plan) is a lane on the left, one
  lane per command, the shortest innermost, with one label.
- Every way to LOST is a stub into one lane on the right, which leads down to LOST.

The layout is computed from the table, so a new transition shows up by itself; a test of
the documentation build checks every transition is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from clientrecovery.model import Stage
from clientrecovery.stages import INITIAL, TRANSITIONS, Transition

BOX_W, BOX_H, PITCH, TOP = 200, 44, 124, 70
LANE_BAND = 110  # between lanes on the left: room for a label
SPINE_X = 36 + LANE_BAND + 24 + BOX_W // 2  # the centre of the column, right of two lanes
RIGHT_LANE = SPINE_X + BOX_W // 2 + 215
WIDTH = RIGHT_LANE + 80

FILL = {Stage.RECOVERED: "#d9efdc", Stage.LOST: "#f6dcd5"}
STROKE = {Stage.RECOVERED: "#3d8a4f", Stage.LOST: "#b34a33"}
OPEN_FILL, OPEN_STROKE = "#e3ecf8", "#3b6fb6"
BACK, LOSS, AHEAD = "#7a5aa8", "#b34a33", "#333333"


def _label(t: Transition) -> str:
    return f"{t.command} ({t.when})" if t.when else t.command


def _lines(t: Transition) -> list[tuple[str, str]]:
    """A transition's label as lines: the command, then its condition, smaller."""
    return [(t.command, "cmd"), *([(f"({t.when})", "when")] if t.when else [])]


def _spine() -> list[Stage]:
    """The stages of the forward path, in the method's order (all but those reached only by
    giving up)."""
    reached = {t.target for t in TRANSITIONS if t.forward} | {INITIAL}
    return [s for s in Stage if s in reached]


def _text(x: float, y: float, text: str, *, anchor: str = "start", cls: str = "cmd") -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" class="{cls}">{escape(text)}</text>'
    )


def _path(points: Sequence[tuple[float, float]], colour: str, *, dashed: bool = False) -> str:
    d = " ".join(f"{'M' if i == 0 else 'L'}{x:.0f},{y:.0f}" for i, (x, y) in enumerate(points))
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    marker = {BACK: "back", LOSS: "loss"}.get(colour, "ahead")
    return (
        f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="1.6"{dash}'
        f' marker-end="url(#{marker})"/>'
    )


def _box(stage: Stage, cx: float, cy: float, width: float = BOX_W) -> str:
    fill, stroke = FILL.get(stage, OPEN_FILL), STROKE.get(stage, OPEN_STROKE)
    double = stage.terminal
    out = [
        f'<rect x="{cx - width / 2:.0f}" y="{cy - BOX_H / 2:.0f}" width="{width:.0f}"'
        f' height="{BOX_H}" rx="10" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
    ]
    if double:  # a terminal stage: no command leaves it
        out.append(
            f'<rect x="{cx - width / 2 + 4:.0f}" y="{cy - BOX_H / 2 + 4:.0f}"'
            f' width="{width - 8:.0f}" height="{BOX_H - 8}" rx="7" fill="none"'
            f' stroke="{stroke}" stroke-width="1"/>'
        )
    out.append(_text(cx, cy + 5, stage.name, anchor="middle", cls="stage"))
    return "\n".join(out)


def svg() -> str:
    """The diagram, as an SVG document (scales to the page width)."""
    spine = _spine()
    row = {s: i for i, s in enumerate(spine)}
    y = {s: TOP + PITCH * i for s, i in row.items()}
    left, right = SPINE_X - BOX_W / 2, SPINE_X + BOX_W / 2
    parts: list[str] = []

    # The forward steps: straight down the column, their commands beside the arrow.
    steps: dict[tuple[Stage, Stage], list[Transition]] = {}
    ups: dict[tuple[str, str, Stage], list[Transition]] = {}
    losses: list[Transition] = []
    for t in TRANSITIONS:
        if t.target not in row:
            losses.append(t)
        elif t.source in row and row[t.target] == row[t.source] + 1:
            steps.setdefault((t.source, t.target), []).append(t)
        elif t.source in row and row[t.target] < row[t.source]:
            ups.setdefault((t.command, t.when, t.target), []).append(t)
        else:  # a skip forward: also a lane on the left (none in the method today)
            ups.setdefault((t.command, t.when, t.target), []).append(t)
    for (source, target), group in steps.items():
        top, bottom = y[source] + BOX_H / 2, y[target] - BOX_H / 2
        parts.append(_path([(SPINE_X, top), (SPINE_X, bottom - 2)], AHEAD))
        labels = [line for t in group for line in _lines(t)]
        first = (top + bottom) / 2 - (len(labels) - 1) * 7.5 + 5
        for n, (text, cls) in enumerate(labels):
            parts.append(_text(SPINE_X + 12, first + 15 * n, text, cls=cls))

    # The ways back up: one lane each, the shortest nearest the column.
    def span(item: tuple[tuple[str, str, Stage], list[Transition]]) -> int:
        (_, _, target), group = item
        return max(abs(row[t.source] - row[target]) for t in group)

    lanes = sorted(ups.items(), key=span)
    for lane, ((command, when, target), group) in enumerate(lanes):
        x = left - 24 - LANE_BAND * lane
        ends = sorted({row[target], *(row[t.source] for t in group)})
        top_row, bottom_row = ends[0], ends[-1]

        def port(
            r: int, lane: int = lane, top_row: int = top_row, bottom_row: int = bottom_row
        ) -> float:
            # Inner lanes attach inside their span, outer ones outside it, so none cross.
            shift = 7 if lane == 0 else -7
            if r == top_row:
                return TOP + PITCH * r + shift
            if r == bottom_row:
                return TOP + PITCH * r - shift
            return TOP + PITCH * r

        for t in group:
            sy = port(row[t.source])
            parts.append(
                f'<path d="M{left:.0f},{sy:.0f} L{x:.0f},{sy:.0f}" fill="none" stroke="{BACK}"'
                ' stroke-width="1.6" stroke-dasharray="6 4"/>'
            )
        ty = port(row[target])
        parts.append(
            f'<path d="M{x:.0f},{port(bottom_row):.0f} L{x:.0f},{port(top_row):.0f}" fill="none"'
            f' stroke="{BACK}" stroke-width="1.6" stroke-dasharray="6 4"/>'
        )
        parts.append(_path([(x, ty), (left - 2, ty)], BACK, dashed=True))
        # The label: in the band left of the lane, beside its first rise; the outermost
        # lane has no band beyond it, so its label goes inside, beside its top step.
        if lane == len(lanes) - 1:
            lx, anchor, ly = x + 8, "start", TOP + PITCH * (top_row + 0.5)
        else:
            lx, anchor, ly = x - 8, "end", TOP + PITCH * (bottom_row - 0.5)
        parts.append(_text(lx, ly - 2, command, anchor=anchor, cls="cmd back"))
        if when:
            parts.append(_text(lx, ly + 14, f"({when})", anchor=anchor, cls="when back"))

    # Giving up: a stub from each stage into one lane down to LOST.
    lost_targets = sorted({t.target for t in losses}, key=list(Stage).index)
    bottom_y = y[spine[-1]]
    for target in lost_targets:
        sources = sorted({t.source for t in losses if t.target is target}, key=row.__getitem__)
        for s in sources:
            parts.append(
                f'<path d="M{right:.0f},{y[s]:.0f} L{RIGHT_LANE:.0f},{y[s]:.0f}" fill="none"'
                f' stroke="{LOSS}" stroke-width="1.6" stroke-dasharray="6 4"/>'
            )
        first = y[sources[0]]
        parts.append(_path([(RIGHT_LANE, first), (RIGHT_LANE, bottom_y - BOX_H / 2 - 2)], LOSS))
        parts.append(_box(target, RIGHT_LANE, bottom_y, width=150))
        by_command: dict[str, list[Transition]] = {}
        for t in losses:
            if t.target is target:
                by_command.setdefault(_label(t), []).append(t)
        everywhere = [c for c, g in by_command.items() if len(g) > 1]
        for text in everywhere:
            parts.append(
                _text(right + 10, first - 8, f"{text}, from any open stage", cls="cmd loss")
            )
        for text, group in by_command.items():
            if text not in everywhere:
                for t in group:
                    parts.append(_text(right + 10, y[t.source] + 18, text, cls="cmd loss"))

    # The stages, drawn last so they sit on top of the lines; the start above the first.
    for s in spine:
        parts.append(_box(s, SPINE_X, y[s]))
    parts.append(f'<circle cx="{SPINE_X}" cy="{TOP - 52}" r="7" fill="{AHEAD}"/>')
    parts.append(_path([(SPINE_X, TOP - 45), (SPINE_X, TOP - BOX_H / 2 - 2)], AHEAD))
    parts.append(_text(SPINE_X + 12, TOP - 34, "open"))

    height = bottom_y + BOX_H / 2 + 24
    summary = "; ".join(f"{t.source.name} to {t.target.name} by {_label(t)}" for t in TRANSITIONS)
    markers = "".join(
        f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8"'
        f' markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"'
        f' fill="{colour}"/></marker>'
        for name, colour in (("ahead", AHEAD), ("back", BACK), ("loss", LOSS))
    )
    style = (
        "<style>"
        ".stage{font:600 14px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#1d1d1d}"
        ".cmd{font:13px ui-monospace,'DejaVu Sans Mono',Menlo,Consolas,monospace;fill:#333}"
        ".when{font:italic 12px system-ui,-apple-system,'Segoe UI',sans-serif;fill:#555}"
        ".back{fill:#5b3f87}.loss{fill:#8f3322}"
        "</style>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}"'
        f' width="100%" style="max-width:{WIDTH}px" role="img"'
        ' aria-labelledby="stage-diagram-title stage-diagram-desc">'
        '<title id="stage-diagram-title">The stages of a relationship</title>'
        f'<desc id="stage-diagram-desc">{escape(summary)}</desc>'
        f"<defs>{markers}</defs>{style}\n" + "\n".join(parts) + "\n</svg>\n"
    )
