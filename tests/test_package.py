"""The package as a whole: what importing it, and starting the command line, loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import clientrecovery


def loaded_by(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running ``code``."""
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


class TestLazyImports:
    def test_importing_the_package_loads_none_of_its_modules(self) -> None:
        mine = {m for m in loaded_by("import clientrecovery") if m.startswith("clientrecovery.")}

        assert mine == set()

    def test_the_model_comes_without_cli_analysis_guidance_or_serialization(self) -> None:
        loaded = loaded_by("from clientrecovery import Relationship")

        assert "clientrecovery.relationship" in loaded
        for heavy in ("cli", "analysis", "plots", "guidance", "serialization", "store"):
            assert f"clientrecovery.{heavy}" not in loaded
        assert not loaded & {"cattrs", "sqlite3", "pandas", "matplotlib", "jsonschema"}

    @pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--stage", "lost"]])
    def test_help_and_list_start_without_the_model(self, tmp_path: Path, args: list[str]) -> None:
        from clientrecovery import SQLiteStore
        from clientrecovery.examples import stories

        db = tmp_path / "s.db"
        with SQLiteStore(db) as store:
            for case in stories():
                store.save(case)
        code = (
            "import io, contextlib\n"
            "from clientrecovery.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main({[*args, '--db', str(db)]!r}) == 0\n"
        )
        loaded = loaded_by(code)

        assert not loaded & {"attr", "attrs", "cattrs", "shutil", "clientrecovery.model"}

    def test_the_codec_is_generated_on_first_use(self) -> None:
        code = (
            "import clientrecovery.serialization as ser\n"
            "assert len(ser._EVENT_READERS) == 0\n"
            "from clientrecovery.examples import design_firm\n"
            "ser.from_json(ser.to_json(design_firm()))\n"
            "assert len(ser._EVENT_READERS) > 10\n"
        )
        loaded_by(code)  # raises if an assertion fails


class TestPublicNames:
    def test_every_public_name_resolves_and_is_listed(self) -> None:
        for name in clientrecovery.__all__:
            assert getattr(clientrecovery, name) is not None
        assert set(clientrecovery.__all__) <= set(dir(clientrecovery))

    def test_an_unknown_name_is_an_attribute_error(self) -> None:
        with pytest.raises(AttributeError, match="no attribute 'Nope'"):
            _ = clientrecovery.Nope  # type: ignore[attr-defined]
