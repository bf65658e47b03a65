"""Written documents: their content, and the same bytes for the same relationship."""

from __future__ import annotations

import attrs
import pytest

from clientrecovery import CostChange, Relationship, UnknownItem
from tests.builders import at, plan_for, recovering, summary_sent


class TestWrittenSummary:
    def test_it_lists_issues_with_measures_the_commitment_and_the_date(self) -> None:
        """003 §6, in full."""
        text = summary_sent(2).written_summary()

        assert text == (
            "# Summary: Halden Foods\n"
            "\n"
            "Issues agreed on 2026-03-03.\n"
            "\n"
            "## Agreed issues\n"
            "\n"
            "1. **problem 1** (I1, other)\n"
            "   - Example: example of problem 1\n"
            "   - Measure: 1 per week (occurrences)\n"
            "2. **problem 2** (I2, other)\n"
            "   - Example: example of problem 2\n"
            "   - Measure: 2 per week (occurrences)\n"
            "\n"
            "## Commitment\n"
            "\n"
            "- release the phase-two budget (by 2026-04-01; measured by: purchase order signed)\n"
            "\n"
            "## Response\n"
            "\n"
            "A recommended plan addressing every issue above, by 2026-03-05.\n"
        )

    def test_the_same_case_gives_the_same_bytes(self) -> None:
        """Deterministic: a replayed case writes the identical summary."""
        r = summary_sent(3)

        assert Relationship.replay(r.history).written_summary() == r.written_summary()


class TestPlanDocument:
    def test_initiatives_by_priority_options_and_cost(self) -> None:
        """Owners on both sides, due dates, criteria, the recommended option, the cost case."""
        r = summary_sent(2)
        cost = CostChange(
            "1200", "EUR", reasons=["a second designer"], benefits=["two weeks sooner"]
        )
        r = r.propose_plan(attrs.evolve(plan_for(r), cost_change=cost), at=at(3))

        text = r.plan_document()

        assert (
            "| 1 | A1 fix I1 (quick win) | I1 | provider: Sam Reyes | 2026-03-22 | I1 no longer"
            in text
        )
        assert "| 3 | CL one decision-maker for feedback | - | client: Dana Okafor |" in text
        assert text.index("| 1 | A1") < text.index("| 2 | A2") < text.index("| 3 | CL")
        assert "- **redo** (recommended): redo at no charge" in text
        assert (
            "Change: 1200 EUR.\n\nReasons:\n- a second designer\n\nBenefits:\n- two weeks sooner"
            in text
        )
        assert "Proposed on 2026-03-05, awaiting agreement." in text

    def test_there_is_no_plan_document_before_a_plan(self) -> None:
        """An UnknownItem, not an empty page."""
        with pytest.raises(UnknownItem, match="unknown plan 'current'"):
            summary_sent(1).plan_document()


class TestStakeholderUpdate:
    def test_it_says_what_was_agreed_who_does_what_and_the_commitment(self) -> None:
        """001 §7."""
        text = recovering(1).stakeholder_update()

        assert text.startswith(
            "# Update: Halden Foods\n\nPlan v1 agreed on 2026-03-05, option redo.\n"
        )
        assert "- 2026-03-22: fix I1 (provider: Sam Reyes)" in text
        assert "- release the phase-two budget (by 2026-04-01)" in text
