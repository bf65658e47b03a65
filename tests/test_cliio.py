"""The command line's reading and writing of files, in-process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery._cliio import Failure, Output, documents, split_lines


class TestOutput:
    def test_an_interruption_leaves_neither_the_file_nor_a_temporary(self, tmp_path: Path) -> None:
        """Ctrl-C in the middle of an export: the folder is as it was."""
        target = tmp_path / "out.jsonl"

        def interrupted() -> None:
            with Output(str(target)) as out:
                out.write("{}\n")
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            interrupted()
        assert list(tmp_path.iterdir()) == []

    def test_without_commit_nothing_is_kept(self, tmp_path: Path) -> None:
        target = tmp_path / "out.jsonl"
        target.write_text("old\n")
        with Output(str(target)) as out:
            out.write("new\n")
        assert target.read_text() == "old\n"
        assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]

    def test_commit_renames_the_whole_file_into_place(self, tmp_path: Path) -> None:
        target = tmp_path / "out.jsonl"
        with Output(str(target)) as out:
            out.write("a\u2028b\n")
            out.commit()
        assert target.read_bytes() == "a\u2028b\n".encode()
        umask = os.umask(0)
        os.umask(umask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # as a plain open() makes it

    def test_a_directory_is_refused_before_anything_is_written(self, tmp_path: Path) -> None:
        with pytest.raises(Failure, match="is a directory") as refused:
            Output(str(tmp_path))
        assert refused.value.status == 5


class TestDocuments:
    def test_a_pretty_document_is_one_document(self) -> None:
        text = json.dumps({"a": [1, 2], "b": "x"}, indent=2)
        assert documents(text, "-") == ([text], True)
        assert documents(text, "case.json") == ([text], True)

    def test_json_lines_are_lines_whatever_the_name(self) -> None:
        text = '{"a": 1}\n{"a": 2}\n'
        for name in ("-", "export.json", "export.jsonl", "export.txt"):
            lines, one = documents(text, name)
            assert not one
            assert [json.loads(line) for line in lines if line] == [{"a": 1}, {"a": 2}]

    @given(st.lists(st.text(), min_size=1, max_size=5))
    def test_lines_split_on_newline_alone(self, names: list[str]) -> None:
        """Any string JSON can hold survives, U+2028, U+2029, U+0085 and \\r included."""
        text = "\n".join(json.dumps({"name": n}, ensure_ascii=False) for n in names)
        assert [json.loads(line)["name"] for line in split_lines(text)] == names
