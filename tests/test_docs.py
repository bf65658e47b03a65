"""What the documentation site draws from the code: the stage diagram, offline."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from clientrecovery import Stage
from clientrecovery.stages import TRANSITIONS

sys.path.insert(0, str(Path(__file__).parent.parent / "docs" / "_ext"))

import stage_diagram

SVG = "{http://www.w3.org/2000/svg}"


def drawn() -> ET.Element:
    return ET.fromstring(stage_diagram.svg())


class TestStageDiagram:
    def test_it_is_plain_svg_with_no_script_or_outside_link(self) -> None:
        svg = stage_diagram.svg()

        assert drawn().tag == f"{SVG}svg"
        assert "<script" not in svg
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")

    def test_every_stage_and_every_transition_is_labelled(self) -> None:
        texts = [t.text or "" for t in drawn().iter(f"{SVG}text")]

        assert {s.name for s in Stage} <= set(texts)
        for t in TRANSITIONS:
            assert any(t.command in text for text in texts), t
            if t.when:
                assert any(t.when in text for text in texts), t

    def test_the_forward_path_reads_top_to_bottom(self) -> None:
        boxes = {
            t.text: float(t.attrib["y"])
            for t in drawn().iter(f"{SVG}text")
            if t.attrib.get("class") == "stage"
        }
        forward = [s.name for s in Stage if s is not Stage.LOST]

        assert [boxes[name] for name in forward] == sorted(boxes[name] for name in forward)
        assert len(set(boxes.values())) >= len(forward)  # one row per stage, none overlapping

    def test_it_is_wide_enough_to_read_and_no_wider_than_a_page(self) -> None:
        _, _, width, height = (float(n) for n in drawn().attrib["viewBox"].split())

        assert 500 <= width <= 760  # shown near full size in the page's text column
        assert height > width  # a column, top to bottom
