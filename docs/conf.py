"""Sphinx configuration for the clientrecovery documentation.

Adding a page: write a Markdown (MyST) file under ``docs/`` and name it in a toctree of
``index.md``. Examples written as ``>>>`` sessions run as doctests in ``make test`` (leave a
blank line before a code block's closing fence). Tables and diagrams that describe the code
come from the directives in ``_ext/clientrecovery_docs.py``, never pasted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import clientrecovery  # noqa: E402 - after the path is set

project = "clientrecovery"
author = "clientrecovery developers"
copyright = "2026, clientrecovery developers"  # noqa: A001 - Sphinx's name for it
release = clientrecovery.__version__

extensions = [
    "myst_nb",  # Markdown pages (it brings myst_parser) and the notebook, executed
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "clientrecovery_docs",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# The example notebook runs on every build, from a clean kernel, and is shown with its
# outputs and plots; an error in a cell fails the build.
nb_execution_mode = "force"
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
nitpicky = False

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = "clientrecovery"
