"""Value objects refuse bad input at construction, naming the field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from clientrecovery import (
    Assessment,
    Commitment,
    CostChange,
    Impact,
    ImpactKind,
    Initiative,
    InvalidValue,
    Party,
    Quantification,
    ResolutionOption,
    Stakeholder,
    TurnaroundPlan,
    UnknownItem,
)

D = date(2026, 3, 20)


def initiative(id: str = "A1", **change: object) -> Initiative:  # noqa: A002
    fields: dict[str, object] = {
        "id": id,
        "title": "re-brief",
        "addresses": ("I1",),
        "owner_party": Party.PROVIDER,
        "owner": "Sam",
        "due": D,
        "success_criterion": "brief signed",
        "priority": 1,
    }
    fields.update(change)
    return Initiative(**fields)  # type: ignore[arg-type]


class TestRequiredText:
    @pytest.mark.parametrize("blank", ["", "   ", "\n"])
    def test_an_empty_required_text_is_refused(self, blank: str) -> None:
        """White space is not a name."""
        with pytest.raises(InvalidValue, match=r"^Stakeholder.name: must not be empty$"):
            Stakeholder(blank, "CMO", Party.CLIENT)

    def test_a_wrong_type_is_refused_naming_field_and_type(self) -> None:
        """An int where a str belongs."""
        with pytest.raises(InvalidValue, match=r"Commitment.description: must be a str, got 42"):
            Commitment(Party.CLIENT, 42, "m", D)  # type: ignore[arg-type]

    def test_the_error_is_a_value_error_and_a_type_error(self) -> None:
        """Code catching either built-in still works."""
        with pytest.raises(TypeError):
            Stakeholder("", "CMO", Party.CLIENT)
        with pytest.raises(ValueError, match=r"Stakeholder.name"):
            Stakeholder("", "CMO", Party.CLIENT)


class TestEnumsAndDates:
    def test_a_string_for_an_enum_is_refused(self) -> None:
        """Party.CLIENT, not 'client'."""
        with pytest.raises(InvalidValue, match=r"Stakeholder.party: must be a Party, got 'client'"):
            Stakeholder("Dana", "CMO", "client")  # type: ignore[arg-type]

    def test_a_datetime_where_a_date_belongs_is_refused(self) -> None:
        """A due date carries no hidden time."""
        with pytest.raises(InvalidValue, match=r"Commitment.due: must be a date"):
            Commitment(Party.CLIENT, "pay", "paid", datetime(2026, 1, 1, tzinfo=UTC))


class TestNumbers:
    @pytest.mark.parametrize(
        ("given", "expected"), [(5, "5"), ("12.50", "12.50"), (Decimal("3"), "3")]
    )
    def test_ints_strings_and_decimals_become_decimals(self, given: object, expected: str) -> None:
        """Money is exact."""
        assert Quantification("late deliveries", given, "per month").value == Decimal(expected)  # type: ignore[arg-type]

    def test_a_float_is_refused_to_keep_money_exact(self) -> None:
        """0.1 is not exactly a tenth."""
        with pytest.raises(InvalidValue, match=r"CostChange.amount: got the float 0.1; pass a str"):
            CostChange(0.1, "EUR")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["NaN", "Infinity", "lots"])
    def test_a_non_finite_or_non_numeric_value_is_refused(self, bad: str) -> None:
        """Only finite numbers."""
        with pytest.raises(InvalidValue, match=r"ResolutionOption.client_gain"):
            ResolutionOption("a", "s", client_gain=bad, provider_gain=0)

    def test_an_optional_amount_may_be_none(self) -> None:
        """An impact need not be counted."""
        assert Impact(ImpactKind.REPUTATION, "trust shaken").amount is None

    def test_a_priority_below_one_is_refused(self) -> None:
        """1 is the top."""
        with pytest.raises(InvalidValue, match=r"Initiative.priority: must be 1 or more, got 0"):
            initiative(priority=0)

    def test_a_bool_is_not_a_priority(self) -> None:
        """True is an int in Python, but not a priority."""
        with pytest.raises(InvalidValue, match=r"Initiative.priority: must be a int"):
            initiative(priority=True)


class TestCollections:
    def test_lists_become_tuples(self) -> None:
        """Frozen all the way down."""
        a = Assessment("r", "t", [Stakeholder("Dana", "CMO", Party.CLIENT)], "i", "p")

        assert isinstance(a.stakeholders, tuple)

    def test_a_lone_string_is_not_a_sequence_of_strings(self) -> None:
        """'I1' would otherwise become ('I', '1')."""
        with pytest.raises(InvalidValue, match=r"Initiative.addresses: must be a sequence of str"):
            initiative(addresses="I1")

    def test_a_wrong_item_is_named_by_its_position(self) -> None:
        """The bad element's index is in the message."""
        with pytest.raises(
            InvalidValue, match=r"Assessment.stakeholders\[1\]: must be a Stakeholder"
        ):
            Assessment("r", "t", [Stakeholder("Dana", "CMO", Party.CLIENT), "Sam"], "i", "p")  # type: ignore[list-item]

    def test_an_assessment_says_what_it_lacks(self) -> None:
        """In the order the meeting needs them."""
        assert Assessment("", "t", (), "", "p").missing() == (
            "root cause",
            "stakeholders",
            "implications",
        )


class TestTurnaroundPlan:
    def test_duplicate_initiative_ids_are_refused(self) -> None:
        """Ids are unique within the plan."""
        with pytest.raises(InvalidValue, match=r"TurnaroundPlan.initiatives: the id 'A1' is used"):
            TurnaroundPlan(initiatives=[initiative(), initiative()], options=())

    def test_items_are_found_by_id(self) -> None:
        """And an unknown id lists the known ones."""
        plan = TurnaroundPlan(initiatives=[initiative()], options=())

        assert plan.initiative("A1").title == "re-brief"
        with pytest.raises(UnknownItem, match=r"unknown option 'x' \(there is no option yet\)"):
            plan.option("x")

    def test_the_preferred_option_is_the_single_one_marked(self) -> None:
        """None when zero or several are marked."""
        a = ResolutionOption("a", "s", client_gain=1, provider_gain=0, preferred=True)
        b = ResolutionOption("b", "s", client_gain=1, provider_gain=0)

        assert TurnaroundPlan(initiatives=(), options=[a, b]).preferred_option == a
        assert TurnaroundPlan(initiatives=(), options=[b]).preferred_option is None
