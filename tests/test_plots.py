"""The analyst's pictures: each is a Figure that renders to a PNG with something in it."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from clientrecovery import InvalidValue
from clientrecovery import analysis as an
from clientrecovery.examples import stories, synthetic_portfolio

mpl_image = pytest.importorskip("matplotlib.image")

PLOTS: list[Callable[[Any], Any]] = [
    an.stage_funnel,
    an.time_in_stage,
    an.recovery_by_trigger,
    an.recovery_by_end_cause,
    an.on_time_over_time,
]


@pytest.fixture(scope="module")
def portfolio() -> dict[str, list[dict[str, Any]]]:
    return an.tables([*stories(), *synthetic_portfolio(60, seed=7)])


def png(figure: Any) -> Any:
    """The figure as pixels (height x width x RGBA, 0-1)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=60)
    assert buffer.getvalue().startswith(b"\x89PNG")
    buffer.seek(0)
    return mpl_image.imread(buffer, format="png")


def inked(pixels: Any) -> float:
    """The share of pixels that are not (near) white."""
    rgb = pixels[..., :3]
    return float((rgb.min(axis=-1) < 0.9).mean())


class TestEveryPlot:
    @pytest.mark.parametrize("plot", PLOTS, ids=lambda p: p.__name__)
    def test_it_renders_a_png_that_is_not_blank(
        self, plot: Callable[[Any], Any], portfolio: dict[str, list[dict[str, Any]]]
    ) -> None:
        from matplotlib.figure import Figure

        figure = plot(portfolio)

        assert isinstance(figure, Figure)
        assert figure.axes[0].get_title()
        assert inked(png(figure)) > 0.02  # bars, boxes or a line, not only a frame and text

    @pytest.mark.parametrize("plot", PLOTS, ids=lambda p: p.__name__)
    def test_it_takes_relationships_as_well_as_tables(self, plot: Callable[[Any], Any]) -> None:
        figure = plot(stories())

        assert inked(png(figure)) > 0.005


class TestStageFunnel:
    def test_the_bars_add_up_to_the_cases_that_reached_each_stage(
        self, portfolio: dict[str, list[dict[str, Any]]]
    ) -> None:
        figure = an.stage_funnel(portfolio)
        ax = figure.axes[0]
        first_stage_total = sum(
            bar.get_width() for bar in ax.patches if bar.get_y() + bar.get_height() / 2 == 6
        )

        assert first_stage_total == len(portfolio["relationships"])  # every case starts there
        labels = {
            tick: label.get_text()
            for tick, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
        }
        assert labels[6] == "assessing"  # the first stage at the top
        assert labels[0] == "recovered"


class TestTimeInStage:
    def test_the_scale_is_logarithmic_so_short_stays_are_not_flat(
        self, portfolio: dict[str, list[dict[str, Any]]]
    ) -> None:
        ax = an.time_in_stage(portfolio).axes[0]

        assert ax.get_yscale() == "log"
        low, high = ax.get_ylim()
        assert high / low > 100  # minutes and weeks on one axis


class TestRecoveryByEndCause:
    def test_an_end_cause_column_is_used_when_there_is_one(self) -> None:
        rows = [
            {"id": "a", "outcome": "recovered", "end_cause": "resolved", "lost_at_stage": None},
            {"id": "b", "outcome": "lost", "end_cause": "client_left", "lost_at_stage": "planning"},
            {
                "id": "c",
                "outcome": "lost",
                "end_cause": "client_left",
                "lost_at_stage": "discovery",
            },
            {"id": "d", "outcome": "open", "end_cause": None, "lost_at_stage": None},
        ]
        ax = an.recovery_by_end_cause({"relationships": rows}).axes[0]

        labels = [t.get_text() for t in ax.get_xticklabels()]
        recovered, lost = ax.containers
        assert labels == ["client left", "resolved"]  # most ended first; open cases left out
        assert [bar.get_height() for bar in recovered] == [0, 1]
        assert [bar.get_height() for bar in lost] == [2, 0]
        assert [t.get_text() for t in ax.texts] == ["0% recovered", "100% recovered"]
        assert inked(png(ax.figure)) > 0.01

    def test_without_the_column_a_lost_case_counts_by_its_stage(self) -> None:
        rows = [
            {"id": "a", "outcome": "recovered", "lost_at_stage": None},
            {"id": "b", "outcome": "lost", "lost_at_stage": "discovery"},
            {"id": "c", "outcome": "lost", "lost_at_stage": "discovery"},
        ]
        ax = an.recovery_by_end_cause({"relationships": rows}).axes[0]

        assert [t.get_text() for t in ax.get_xticklabels()] == ["lost in discovery", "recovered"]


class TestGivenTables:
    @pytest.mark.parametrize("plot", PLOTS, ids=lambda p: p.__name__)
    @pytest.mark.parametrize(
        ("tables", "said"),
        [
            ({}, r"the tables have no '\w+' table"),
            (
                {"relationships": "rows", "stages": "rows", "initiatives": "rows"},
                r"the '\w+' table must be a list of rows, got str",
            ),
            (
                {"relationships": [["a"]], "stages": [["a"]], "initiatives": [["a"]]},
                r"row 0 of the '\w+' table is not a mapping of columns",
            ),
            (
                {"relationships": [{}], "stages": [{}], "initiatives": [{}]},
                r"row 0 of the '\w+' table has no '\w+' column",
            ),
        ],
    )
    def test_tables_without_what_a_plot_reads_are_refused(
        self, plot: Callable[[Any], Any], tables: dict[str, Any], said: str
    ) -> None:
        """Tables made by hand (or DataFrames given for rows) are an InvalidValue naming the
        plot, the table and the row, never a KeyError from inside the drawing."""
        with pytest.raises(InvalidValue, match=rf"{plot.__name__}\(cases\): {said}"):
            plot(tables)

    def test_dataframes_in_place_of_rows_are_refused(self) -> None:
        pytest.importorskip("pandas")
        frames = an.frames(stories())

        with pytest.raises(InvalidValue, match=r"must be a list of rows, got DataFrame"):
            an.stage_funnel(frames)


class TestImports:
    def test_importing_analysis_does_not_import_matplotlib(self) -> None:
        import subprocess
        import sys

        code = "import sys, clientrecovery.analysis; print('matplotlib' in sys.modules)"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )

        assert done.stdout.strip() == "False"
