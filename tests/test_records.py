"""The persistent containers behind the aggregate behave like plain immutable sequences."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery._records import AppendLog, Chunks, Index, replace, update
from tests.builders import ASSESSMENT, at, in_discovery, opened


class TestChunks:
    @given(st.lists(st.integers(), max_size=200), st.data())
    def test_set_and_append_act_like_a_list_and_leave_the_old_one(
        self, items: list[int], data: st.DataObject
    ) -> None:
        """Every version keeps its own contents."""
        seq, mirror = Chunks(items), list(items)
        versions = [(seq, tuple(mirror))]
        for _ in range(data.draw(st.integers(0, 30))):
            if mirror and data.draw(st.booleans()):
                i = data.draw(st.integers(0, len(mirror) - 1))
                seq, mirror[i] = seq.set(i, -i), -i
            else:
                seq = seq.append(len(mirror))
                mirror.append(len(mirror))
            versions.append((seq, tuple(mirror)))

        for version, expected in versions:
            assert version.as_tuple() == expected
            assert len(version) == len(expected)
            assert version == Chunks(expected)
            assert hash(version) == hash(Chunks(expected))


class TestAppendLog:
    def test_appending_to_an_older_view_does_not_disturb_the_newer(self) -> None:
        """Two branches from one point see only their own items."""
        base = AppendLog([1, 2])
        newer = base.appended(3).appended(4)

        branch = base.appended(99)

        assert newer.as_tuple() == (1, 2, 3, 4)
        assert branch.as_tuple() == (1, 2, 99)
        assert base.as_tuple() == (1, 2)
        assert branch.last == 99
        assert AppendLog([1, 2, 99]) == branch != newer


class TestIndex:
    def test_branches_keep_their_own_ids(self) -> None:
        """A key added on one branch is unknown on another, even at the same position."""
        base = Index().added("I1")
        a = base.added("I2")
        b = base.added("X")

        a2 = a.added("I3")
        b2 = b.added("I3")

        assert (a2.get("I2"), a2.get("X"), a2.get("I3")) == (1, None, 2)
        assert (b2.get("X"), b2.get("I2"), b2.get("I3")) == (1, None, 2)
        assert "I2" not in base
        assert base.keys() == ["I1"]


def test_relationships_branching_from_one_point_stay_independent() -> None:
    """Two different next steps from the same relationship give two consistent cases."""
    r = in_discovery().raise_issue("first", at=at(1))

    a = r.raise_issue("on branch a", at=at(1, 10))
    b = r.raise_issue("on branch b", id="B", at=at(1, 10))
    a = a.raise_issue("later on a", at=at(1, 11))

    assert [i.title for i in a.issues] == ["first", "on branch a", "later on a"]
    assert [i.id for i in b.issues] == ["I1", "B"]
    assert [i.id for i in r.issues] == ["I1"]
    assert not b.has_issue("I2")
    assert len(r.history) + 1 == len(b.history)


def test_an_older_relationship_can_still_move_on_after_a_newer_one() -> None:
    """The shared history buffer copies when an old version is extended."""
    old = opened()
    new = old.assess(ASSESSMENT, at=at(0, 10))

    other = old.assess(ASSESSMENT, at=at(0, 11))

    assert new.history[-1].at == at(0, 10)
    assert other.history[-1].at == at(0, 11)
    assert new != other


class TestReplace:
    @pytest.mark.parametrize("slots", [True, False])
    def test_a_copy_has_the_changes_and_the_original_is_untouched(self, slots: bool) -> None:
        """Slotted (the values) or not (the aggregate), every other field is carried over."""

        @attrs.frozen(slots=slots)
        class Record:
            a: int
            b: str
            c: tuple[int, ...] = ()

        before = Record(1, "x", (2,))

        after = replace(before, b="y")

        assert after == Record(1, "y", (2,))
        assert before == Record(1, "x", (2,))
        assert type(after) is Record

    def test_each_set_of_changes_gets_its_own_copy(self) -> None:
        """A copier is made for each set of changed names: none leaks into another."""

        @attrs.frozen
        class Record:
            a: int
            b: str
            c: tuple[int, ...] = ()

        before = Record(1, "x", (2,))

        copies = [replace(before, b="y"), replace(before, a=5, c=()), replace(before, c=(3,), a=0)]

        assert copies == [Record(1, "y", (2,)), Record(5, "x", ()), Record(0, "x", (3,))]
        assert before == Record(1, "x", (2,))
        with pytest.raises(KeyError, match="nope"):
            replace(before, nope=1)


class TestUpdate:
    @pytest.mark.parametrize("slots", [True, False])
    def test_the_instance_itself_changes_frozen_or_not(self, slots: bool) -> None:
        """In place, for a replay's own records: the same object, the other fields kept."""

        @attrs.frozen(slots=slots)
        class Record:
            a: int
            b: str

        record = Record(1, "x")
        same = record

        update(record, {"b": "y"})

        assert same is record
        assert record == Record(1, "y")

    def test_an_unknown_field_is_refused_before_any_change(self) -> None:
        """A typo names the field and leaves the record as it was."""

        @attrs.frozen
        class Record:
            a: int

        record = Record(1)

        with pytest.raises(KeyError, match="nope"):
            update(record, {"nope": 2})

        assert record == Record(1)
