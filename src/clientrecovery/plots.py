"""Pictures of a portfolio for analysts: each function draws one and returns a matplotlib
``Figure`` (needs the ``notebook`` extra's matplotlib; importing this module does not).

They are also importable from :mod:`clientrecovery.analysis`. Each takes the relationships,
or the tables :func:`~clientrecovery.analysis.tables` made of them (computed once, drawn
many times):

- :func:`stage_funnel`: how many cases reached each stage, and how many of those moved on,
  were lost there, or are still there;
- :func:`time_in_stage`: how long finished stays in each stage lasted, on a log scale
  (a stay of minutes and one of months both show);
- :func:`recovery_by_trigger`: the recovery rate by the category of the first issue;
- :func:`recovery_by_end_cause`: ended cases by how they ended (recovered and lost
  stacked), and the recovery rate of each: by the ``end_cause`` column where the tables
  have one, else by outcome and the stage a lost case was lost in;
- :func:`on_time_over_time`: the share of initiatives completed on time, month by month.

The figures are made without :mod:`matplotlib.pyplot`, so nothing is left open and a
notebook shows each once.

>>> from clientrecovery.examples import stories
>>> figure = stage_funnel(stories())
>>> figure.axes[0].get_title()
'How far cases get through the method'
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC
from typing import TYPE_CHECKING, Any

from clientrecovery.analysis import tables
from clientrecovery.errors import InvalidValue
from clientrecovery.model import Stage

if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    from matplotlib.figure import Figure

    from clientrecovery.relationship import Relationship

__all__ = [
    "on_time_over_time",
    "recovery_by_end_cause",
    "recovery_by_trigger",
    "stage_funnel",
    "time_in_stage",
]

Cases = Iterable["Relationship"] | Mapping[str, Sequence[Mapping[str, Any]]]
"""Relationships, or the tables :func:`~clientrecovery.analysis.tables` made of them."""

_BLUE, _RED, _GREY, _GREEN = "#3b6fb6", "#c8553d", "#b8b8b8", "#4a9d5b"
_MINUTE = 1 / 1440
_FORWARD = tuple(s for s in Stage if s is not Stage.LOST)


def _figure(width: float = 7.5, height: float = 4.0) -> Figure:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError(
            "plots need matplotlib: install the notebook extra,"
            " pip install 'clientrecovery[notebook]'"
        ) from None
    return Figure(figsize=(width, height), layout="constrained")


def _tables(
    cases: Cases, caller: str, needs: Mapping[str, tuple[str, ...]]
) -> Mapping[str, Sequence[Mapping[str, Any]]]:
    """The tables of ``cases`` (made of the relationships, or given), with the columns of
    each table that ``caller`` reads checked: an :class:`~clientrecovery.InvalidValue`
    names a table, row or column that is missing, never a ``KeyError`` from the drawing."""
    if not isinstance(cases, Mapping):
        made: Mapping[str, Any] = tables(cases)
        return made
    where = f"{caller}(cases)"
    for name, columns in needs.items():
        rows = cases.get(name)
        if rows is None:
            raise InvalidValue(
                where,
                f"the tables have no {name!r} table; give the relationships, or the tables"
                " clientrecovery.analysis.tables() made of them",
            )
        if isinstance(rows, str | bytes) or not isinstance(rows, Sequence):
            raise InvalidValue(
                where, f"the {name!r} table must be a list of rows, got {type(rows).__name__}"
            )
        for position, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise InvalidValue(
                    where, f"row {position} of the {name!r} table is not a mapping of columns"
                )
            for column in columns:
                if column not in row:
                    raise InvalidValue(
                        where, f"row {position} of the {name!r} table has no {column!r} column"
                    )
    return cases


def stage_funnel(cases: Cases) -> Figure:
    """For each stage in the method's order, the cases that reached it: those that moved
    on, those lost there and those still there, as one stacked bar."""
    t = _tables(
        cases,
        "stage_funnel",
        {
            "stages": ("stage", "relationship_id"),
            "relationships": ("id", "stage", "outcome", "lost_at_stage"),
        },
    )
    reached: dict[str, set[str]] = {s.value: set() for s in _FORWARD}
    for spell in t["stages"]:
        if spell["stage"] in reached:
            reached[spell["stage"]].add(spell["relationship_id"])
    lost_at = collections.Counter(
        row["lost_at_stage"] for row in t["relationships"] if row["outcome"] == "lost"
    )
    here = collections.Counter(row["stage"] for row in t["relationships"])
    for row in t["relationships"]:
        if row["stage"] == Stage.RECOVERED.value:
            reached[Stage.RECOVERED.value].add(row["id"])
    names = [s.value for s in _FORWARD]
    lost = [lost_at[n] for n in names]
    still = [here[n] if n != Stage.RECOVERED.value else 0 for n in names]
    closed = [len(reached[n]) if n == Stage.RECOVERED.value else 0 for n in names]
    moved = [
        max(len(reached[n]) - lost_at[n] - still[i] - closed[i], 0) for i, n in enumerate(names)
    ]

    figure = _figure(7.5, 4.2)
    ax = figure.add_subplot()
    y = list(range(len(names)))[::-1]  # the first stage at the top
    left = [0] * len(names)
    for values, colour, label in (
        (moved, _BLUE, "moved on"),
        (closed, _GREEN, "recovered"),
        (still, _GREY, "still there"),
        (lost, _RED, "lost there"),
    ):
        ax.barh(y, values, left=left, color=colour, label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for position, total in zip(y, left, strict=True):
        ax.text(total, position, f" {total}", va="center", fontsize=9)
    ax.set_yticks(y, [n.replace("_", " ") for n in names])
    ax.set_xlabel("relationships that reached the stage")
    ax.set_title("How far cases get through the method")
    ax.legend(loc="lower right", frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def time_in_stage(cases: Cases) -> Figure:
    """The length of every finished stay in each open stage, in days on a log scale (a stay
    shorter than a minute is drawn at one minute), with how many stays each box holds."""
    t = _tables(cases, "time_in_stage", {"stages": ("stage", "days")})
    names = [s.value for s in Stage if not s.terminal]
    stays: dict[str, list[float]] = {n: [] for n in names}
    for spell in t["stages"]:
        if spell["days"] is not None and spell["stage"] in stays:
            stays[spell["stage"]].append(max(float(spell["days"]), _MINUTE))
    shown = [n for n in names if stays[n]]

    figure = _figure(7.5, 4.2)
    ax = figure.add_subplot()
    if shown:
        ax.boxplot(
            [stays[n] for n in shown],
            whis=(5, 95),
            widths=0.6,
            patch_artist=True,
            boxprops={"facecolor": "#d6e2f3", "edgecolor": _BLUE},
            medianprops={"color": _RED, "linewidth": 2},
            flierprops={"marker": ".", "markersize": 3, "markeredgecolor": _GREY},
        )
        ax.set_xticks(
            range(1, len(shown) + 1),
            [f"{n.replace('_', ' ')}\n{len(stays[n])} stays" for n in shown],
            fontsize=8,
        )
    ax.set_yscale("log")
    for days, label in (
        (_MINUTE, "1 min"),
        (1 / 24, "1 h"),
        (1, "1 day"),
        (7, "1 wk"),
        (30, "30 d"),
    ):
        ax.axhline(days, color="#eeeeee", linewidth=0.8, zorder=0)
        ax.annotate(
            label,
            (1.0, days),
            xycoords=("axes fraction", "data"),
            fontsize=7,
            color="#888888",
            va="center",
            xytext=(2, 0),
            textcoords="offset points",
        )
    ax.set_ylabel("days in the stage (log scale)")
    ax.set_title("Time in each stage (finished stays; whiskers 5th-95th percentile)")
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def _rates(ax: Any, groups: Mapping[str, tuple[int, int]], title: str, xlabel: str) -> None:
    """Bars of recovered / ended for each group, labelled "k of n"."""
    labels = list(groups)
    rates = [k / n if n else 0.0 for k, n in groups.values()]
    bars = ax.bar(range(len(labels)), rates, color=_BLUE, width=0.6)
    for bar, (k, n) in zip(bars, groups.values(), strict=True):
        ax.annotate(
            f"{k} of {n}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_xticks(range(len(labels)), [str(x).replace("_", " ") for x in labels], rotation=20)
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("recovered, of the cases that ended")
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)


def _ended(
    rows: Iterable[Mapping[str, Any]], key: str, missing: str = "none"
) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = {}
    for row in rows:
        if row["outcome"] not in ("recovered", "lost"):
            continue
        group = counts.setdefault(str(row.get(key) or missing), [0, 0])
        group[0] += row["outcome"] == "recovered"
        group[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(counts.items(), key=lambda kv: -kv[1][1])}


def recovery_by_trigger(cases: Cases) -> Figure:
    """The recovery rate of ended cases by the category of their first issue (the trouble
    that opened them), most common first."""
    given = _tables(cases, "recovery_by_trigger", {"relationships": ("outcome",)})
    groups = _ended(given["relationships"], "trigger_category", "no issue raised")
    figure = _figure(7.0, 3.8)
    _rates(figure.add_subplot(), groups, "Recovery rate by trigger", "category of the first issue")
    return figure


def recovery_by_end_cause(cases: Cases) -> Figure:
    """Ended cases by how they ended, with the recovery rate of each cause.

    The cause is the relationships table's ``end_cause`` column where it has one; without
    it, a recovered case counts as "recovered" and a lost one by the stage it was lost in
    ("lost in discovery"...).
    """
    given = _tables(cases, "recovery_by_end_cause", {"relationships": ("outcome",)})
    rows = [dict(row) for row in given["relationships"]]
    for row in rows:
        if row.get("end_cause") is None:
            row["end_cause"] = (
                "recovered"
                if row["outcome"] == "recovered"
                else f"lost in {row.get('lost_at_stage') or 'an unknown stage'!s}"
            )
    groups = _ended(rows, "end_cause")
    figure = _figure(7.5, 4.0)
    ax = figure.add_subplot()
    x = range(len(groups))
    recovered = [k for k, _ in groups.values()]
    lost = [n - k for k, n in groups.values()]
    ax.bar(x, recovered, color=_GREEN, width=0.6, label="recovered")
    ax.bar(x, lost, bottom=recovered, color=_RED, width=0.6, label="lost")
    for position, (k, n) in zip(x, groups.values(), strict=True):
        ax.annotate(
            f"{k / n:.0%} recovered",
            (position, n),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_xticks(x, [str(c).replace("_", " ") for c in groups], rotation=20)
    ax.set_ylim(0, max((n for _, n in groups.values()), default=1) * 1.15)
    ax.set_ylabel("cases that ended")
    ax.set_xlabel("how the case ended")
    ax.set_title("Ended cases by end cause, and the recovery rate of each")
    ax.legend(frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def on_time_over_time(cases: Cases) -> Figure:
    """Month by month (of completion, UTC), the share of completed initiatives that were on
    time (line), and how many were completed (bars)."""
    done: dict[str, list[int]] = {}
    given = _tables(cases, "on_time_over_time", {"initiatives": ("completed_at", "on_time")})
    for w in given["initiatives"]:
        if w["completed_at"] is None or w["on_time"] is None:
            continue
        month = w["completed_at"].astimezone(UTC).strftime("%Y-%m")
        counts = done.setdefault(month, [0, 0])
        counts[0] += bool(w["on_time"])
        counts[1] += 1
    months = sorted(done)
    figure = _figure(8.0, 3.8)
    ax = figure.add_subplot()
    volume = ax.twinx()
    x = range(len(months))
    volume.bar(x, [done[m][1] for m in months], color="#e4e4e4", width=0.8)
    volume.set_ylabel("initiatives completed", color="#888888")
    ax.set_zorder(volume.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(x, [done[m][0] / done[m][1] for m in months], color=_BLUE, marker="o")
    step = max(1, len(months) // 12)
    ax.set_xticks(list(x)[::step], months[::step], rotation=30, fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("on time, of those completed")
    ax.set_title("On-time delivery of initiatives, by month of completion")
    return figure
