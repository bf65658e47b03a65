"""The example notebook runs from a clean kernel and draws its five figures."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parent.parent / "docs" / "notebooks" / "case-histories.ipynb"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # jupyter's own path migration notice
def test_the_case_histories_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)

    nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()  # raises CellExecutionError, naming the cell, when one fails

    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    images = [out for out in outputs if "image/png" in out.get("data", {})]
    assert len(images) == 5  # the five plots of clientrecovery.analysis, each drawn once
    assert not [out for out in outputs if out.output_type == "error"]
    texts = "".join(out.get("data", {}).get("text/plain", "") for out in outputs)
    assert "recovery rate" in texts
