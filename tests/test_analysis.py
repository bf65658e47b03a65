"""Analysis: tidy rows, DataFrames with and without pandas, metrics against hand-computed
values, and redaction."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from clientrecovery import (
    InvalidValue,
    Quantification,
    Relationship,
    RuleViolation,
    Stage,
    redact,
    to_json,
)
from clientrecovery import analysis as an
from clientrecovery.examples import (
    design_firm,
    masterclass,
    stories,
    synthetic_portfolio,
    turnaround,
)
from tests.builders import at, ready_to_meet, recovering
from tests.strategies import relationships

STORIES = stories()


def followed(days: list[int], end: int) -> Relationship:
    """RECOVERING from Thursday 2026-03-05 12:00 UTC, status checks on ``days`` (days after
    Monday 2026-03-02), ended on day ``end``."""
    r = recovering()
    for d in days:
        r = r.follow_up(at=at(d), note="checked")
    return r.end(reason="budget cut", at=at(end, 12))


class TestMetricsByHand:
    """Each figure below is worked out from the stories' scripts in clientrecovery.examples."""

    def test_recovery_rate_counts_only_ended_relationships(self) -> None:
        still_open = Relationship.replay(turnaround().history[:20])

        assert an.recovery_rate(STORIES) == pytest.approx(3 / 4)
        assert an.recovery_rate([*STORIES, still_open]) == pytest.approx(3 / 4)
        assert an.recovery_rate([still_open]) is None

    def test_time_to_agreements_and_close(self) -> None:
        """Masterclass: opened Mon 09:00, issues agreed Tue 11:00 and the plan at 11:45 in the
        same meeting, closed on day 18 at 12:00. Difficult discussion: opened Mon 09:00,
        agreed Tue 11:15, plan Wed 15:00, closed on day 40 at 12:00. Turnaround: opened Mon
        09:00 Chicago, agreed Tue 12:00, plan Thu 15:00, closed on day 53 at 12:00. The design
        firm never agreed anything."""
        assert an.time_to_issue_agreement(STORIES) == (26 / 24, 1 + 2.25 / 24, 1.125)
        assert an.time_to_plan_agreement(STORIES) == (1 + 2.75 / 24, 2.25, 3.25)
        assert an.time_to_close(STORIES) == (18.125, 40.125, 53.125)

    def test_days_in_each_stage(self) -> None:
        """The design firm: assessing from Mon 09:00 to Sat 10:00, then discovery for eleven
        days until it ended; an open stay is left out."""
        days = an.days_in_stage([design_firm()])

        assert days["assessing"] == pytest.approx((6 + 1 / 24,))
        assert days["discovery"] == (11.0,)
        assert days["recovering"] == ()
        assert list(days) == [s.value for s in Stage if not s.terminal]
        assert an.days_in_stage([ready_to_meet()])["assessing"] == ()

    def test_on_time_rate(self) -> None:
        """Masterclass: 3 of 3 on time; difficult discussion: 3 of 3. Turnaround: A1, A2 and
        A5 on time; A3 was delayed and A4, the client's part, came three days late. 9 of 11."""
        assert an.on_time_rate([masterclass()]) == 1.0
        assert an.on_time_rate(STORIES) == pytest.approx(9 / 11)
        assert an.on_time_rate([design_firm()]) is None

    def test_warning_lead_times(self) -> None:
        """Turnaround: A3 was due Thu 21 May; the client was told on Wed 13 May."""
        assert an.warning_lead_times(STORIES) == (8.0,)

    def test_follow_up_adherence(self) -> None:
        """Recovery from Thu 5 March: checks due every other working day for two weeks, on
        Fri 6, Tue 10, Thu 12, Mon 16 and Wed 18 March. Done on the 6th, 12th and 16th:
        3 of 5. A check late for the 10th does not count for it."""
        r = followed([4, 10, 14], end=17)

        assert an.follow_up_adherence([r]) == pytest.approx(3 / 5)
        (row,) = an.tables([r])["relationships"]
        assert (row["follow_ups_due"], row["follow_ups_missed"]) == (5, 2)
        assert an.follow_up_adherence([followed([4, 8, 10, 14, 16], end=17)]) == 1.0
        assert an.follow_up_adherence([ready_to_meet()]) is None

    def test_rules_broken_from_recorded_refusals_and_from_findings(self) -> None:
        refusals = []
        for command in ("meet_client", "meet_client"):
            try:
                early = Relationship.replay(masterclass().history[:2])
                getattr(early, command)(at=at(0, 12), willing=True)
            except RuleViolation as refused:
                refusals.append(refused)
        try:
            recovering().close(at=at(4))
        except RuleViolation as refused:
            refusals.append(refused)

        counted = an.rules_broken(refusals=refusals)

        # close: 2 issues unresolved (one finding each), the commitment not fulfilled
        assert counted == {"ALIGN_FIRST": 2, "ISSUES_RESOLVED": 2, "COMMITMENT_FULFILLED": 1}
        r = recovering()
        # as of Tue 10 March: the check due Fri 6 was missed, the stakeholders never told, and
        # the quick win is due 11 working days after the plan (the policy asks for 10); the
        # masterclass's last event is later, so it is not judged
        found = an.rules_broken([r, r, masterclass()], now=at(8))
        assert found == {"QUICK_WIN_FIRST": 2, "FOLLOW_UP_CADENCE": 2, "STAKEHOLDERS_INFORMED": 2}

    def test_grouped_by_a_column_or_a_function(self) -> None:
        by_category = an.grouped(an.recovery_rate, STORIES, by="trigger_category")
        by_zone = an.grouped(an.time_to_close, STORIES, by=lambda r: r.policy.timezone)

        assert by_category == {"quality": 0.5, "budget": 1.0, "deadline": 1.0}
        assert by_zone == {
            "Europe/London": (18.125,),
            "Europe/Berlin": (40.125,),
            "America/New_York": (),
            "America/Chicago": (53.125,),
        }
        with pytest.raises(InvalidValue, match="'colour' is not a column"):
            an.grouped(an.recovery_rate, STORIES, by="colour")


class TestTables:
    def test_every_row_has_the_declared_columns(self) -> None:
        t = an.tables([*STORIES, *synthetic_portfolio(30, seed=4)])

        assert list(t) == list(an.COLUMNS)
        for name, rows in t.items():
            assert rows, name
            for row in rows:
                assert list(row) == list(an.COLUMNS[name])

    def test_one_row_per_thing(self) -> None:
        t = an.tables(STORIES)

        assert len(t["relationships"]) == 4
        assert len(t["issues"]) == sum(len(r.issues) for r in STORIES)
        assert len(t["events"]) == sum(r.version for r in STORIES)
        assert len(t["initiatives"]) == 3 + 3 + 5
        assert [c["status"] for c in t["commitments"]] == ["fulfilled"] * 5
        assert [row["end_cause"] for row in t["relationships"]] == [
            None,
            None,
            "no_agreement",
            None,
        ]

    def test_stage_spells_cover_a_history_end_to_end(self) -> None:
        for r in (*STORIES, *synthetic_portfolio(20, seed=8)):
            spells = an.tables([r])["stages"]
            assert spells[0]["entered_at"] == r.opened_at
            for before, after in itertools.pairwise(spells):
                assert before["left_at"] == after["entered_at"]
                assert before["stage"] != after["stage"]
            end = spells[-1]["left_at"]
            assert end == r.ended_at

    def test_the_event_rows_carry_the_stage_after_each_event(self) -> None:
        r = masterclass()
        rows = an.tables([r])["events"]

        for n in (1, 4, 12, 35):
            assert rows[n - 1]["stage"] == Relationship.replay(r.history[:n]).stage.value
        assert [row["type"] for row in rows[-2:]] == ["RelationshipClosed", "ClientContacted"]

    @pytest.mark.parametrize(
        "metric",
        [
            an.tables,
            an.frames,
            an.recovery_rate,
            an.days_in_stage,
            an.time_to_issue_agreement,
            an.time_to_plan_agreement,
            an.time_to_close,
            an.on_time_rate,
            an.warning_lead_times,
            an.follow_up_adherence,
            lambda cases: an.rules_broken(cases, now=at(400)),
            lambda cases: an.grouped(an.recovery_rate, cases, by="outcome"),
        ],
    )
    def test_every_metric_names_what_is_not_a_relationship(self, metric: Any) -> None:
        """Not a collection, or an item that is not a relationship, in a stream too: an
        InvalidValue with the position, never Python's TypeError or AttributeError."""
        pytest.importorskip("pandas")
        r = masterclass()

        with pytest.raises(InvalidValue, match=r"\(relationships\): must be an iterable of"):
            metric(None)
        with pytest.raises(InvalidValue, match=r"\(relationships\[1\]\): must be a Relationship"):
            metric(iter([r, "halden-foods"]))

    def test_rules_broken_and_to_frame_name_their_other_inputs(self) -> None:
        """Refusals must be refusals or findings; a table's rows must be mappings."""
        with pytest.raises(InvalidValue, match=r"rules_broken\(refusals\[0\]\): must be a"):
            an.rules_broken(refusals=["ALIGN_FIRST"])
        with pytest.raises(InvalidValue, match=r"rules_broken\(refusals\): must be an iterable"):
            an.rules_broken(refusals=3)  # type: ignore[arg-type]
        with pytest.raises(
            InvalidValue, match=r"rules_broken\(now=...\): must be a timezone-aware"
        ):
            an.rules_broken([masterclass()], now=datetime(2027, 1, 1))  # noqa: DTZ001
        with pytest.raises(InvalidValue, match=r"rules_broken\(relationships\[0\]\)"):
            an.rules_broken([1])  # type: ignore[list-item]
        pytest.importorskip("pandas")
        with pytest.raises(InvalidValue, match=r"to_frame\(rows\)\[0\]: must be a Mapping"):
            an.to_frame([masterclass()], "relationships")  # type: ignore[list-item]
        with pytest.raises(InvalidValue, match=r"to_frame\(table=...\): must be one of"):
            an.to_frame([], table=["events"])  # type: ignore[arg-type]

    def test_only_relationships_are_accepted(self) -> None:
        with pytest.raises(InvalidValue, match=r"tables\(relationships\[1\]\)"):
            an.tables([masterclass(), "halden-foods"])  # type: ignore[list-item]

    def test_a_case_lost_then_given_its_lessons_is_lost_where_it_ended(self) -> None:
        """Lessons recorded after the end (as LESSONS_KEPT asks) leave the case LOST; it was
        lost in the stage it ended in, and the funnel counts every lost case once."""
        r = ready_to_meet()
        ended = r.end(reason="moved to a competitor", at=r.last_event.at + timedelta(hours=1))
        taught = ended.record_lessons(["call the same day"], at=ended.last_event.at)

        rows = an.tables([ended, taught])["relationships"]
        assert [row["lost_at_stage"] for row in rows] == [r.stage.value] * 2
        portfolio = an.tables(synthetic_portfolio(120, seed=2026))["relationships"]
        lost = [row for row in portfolio if row["outcome"] == "lost"]
        assert lost
        assert all(row["lost_at_stage"] not in (None, "lost") for row in lost)


class TestFrames:
    def test_dtypes(self) -> None:
        pd = pytest.importorskip("pandas")
        f = an.frames([*STORIES, *synthetic_portfolio(20, seed=2)])
        rel = f["relationships"]

        assert isinstance(rel["stage"].dtype, pd.CategoricalDtype)
        assert rel["stage"].cat.ordered
        assert list(rel["stage"].cat.categories) == [s.value for s in Stage]
        assert str(rel["opened_at"].dt.tz) == "UTC"
        assert rel["opened_at"].iloc[0] == pd.Timestamp(masterclass().opened_at)
        assert str(rel["events"].dtype) == "Int64"
        assert str(f["initiatives"]["on_time"].dtype) == "boolean"
        assert rel["lost_at_stage"].isna().sum() == (rel["outcome"] != "lost").sum()
        assert (rel["stage"] >= "recovering").sum() == (
            rel["stage"].isin(["recovering", "recovered", "lost"])
        ).sum()
        assert len(f["events"]) == rel["events"].sum()

    def test_times_and_dates_are_microseconds_in_every_year_a_case_may_hold(self) -> None:
        """Past pandas' nanosecond limit (2262), whether a column has values or none: a case
        in its last year, with a due date moved into the next millennium by a long hold."""
        pd = pytest.importorskip("pandas")
        r = recovering(1).wait_on_client("A1", reason="the client's sign-off", at=at(4))
        r = r.resume("A1", at=datetime(2999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-14))))

        f = an.frames([r])

        rel, work = f["relationships"], f["initiatives"]
        assert {str(rel[c].dtype) for c in ("opened_at", "ended_at")} == {"datetime64[us, UTC]"}
        assert rel["last_event_at"].iloc[0] == pd.Timestamp("3000-01-01 13:00", tz="UTC")
        assert str(work["due"].dtype) == "datetime64[us]"
        assert work.set_index("initiative_id")["due"]["A1"] == pd.Timestamp(r.initiative("A1").due)
        assert r.initiative("A1").due.year == 3000

    def test_an_empty_table_keeps_its_columns(self) -> None:
        pytest.importorskip("pandas")
        frame = an.to_frame([], "initiatives")

        assert list(frame.columns) == list(an.COLUMNS["initiatives"])
        assert len(frame) == 0
        with pytest.raises(InvalidValue, match="to_frame"):
            an.to_frame([], "people")

    def test_without_pandas_rows_work_and_frames_explain(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now fails

        assert an.tables(STORIES)["relationships"][0]["id"] == "halden-foods"
        with pytest.raises(ImportError, match=r"pip install 'clientrecovery\[analysis\]'"):
            an.frames(STORIES)

    def test_the_core_never_imports_pandas(self) -> None:
        code = (
            "import sys, clientrecovery, clientrecovery.analysis as an;"
            "from clientrecovery.examples import stories;"
            "an.tables(stories()); an.recovery_rate(stories());"
            "print('pandas' in sys.modules)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
        )

        assert done.stdout.strip() == "False"


KEY = "a team secret of some length"


class TestRedaction:
    def with_emails(self) -> Relationship:
        r = Relationship.replay(turnaround().history[:40])
        return r.contact_client(
            at=r.last_event.at + timedelta(hours=1),
            channel="email",
            summary="wrote to alma.reyes@norbrook.example about Alma's request",
            actor="tom.becker@provider.example",
        )

    def test_no_name_or_email_is_left(self) -> None:
        for original in (*STORIES, self.with_emails()):
            text = to_json(redact(original, KEY))
            for secret in (
                original.client,
                original.id,
                "Dana",
                "Okafor",
                "Renata",
                "Marcus",
                "Alma",
                "Becker",
                "norbrook",
                "@provider.example",
                original.trigger,
            ):
                assert secret not in text, secret

    def test_the_redacted_case_replays_and_keeps_the_facts(self) -> None:
        for original in (*STORIES, self.with_emails(), *synthetic_portfolio(15, seed=6)):
            hidden = redact(original, b"\x00" + KEY.encode())
            assert Relationship.replay(hidden.history) == hidden
            assert hidden.stage is original.stage
            assert [e.at for e in hidden.history] == [e.at for e in original.history]
            assert [type(e) for e in hidden.history] == [type(e) for e in original.history]
            assert [(i.category, i.status) for i in hidden.issues] == [
                (i.category, i.status) for i in original.issues
            ]
        assert an.on_time_rate([redact(r, KEY) for r in STORIES]) == an.on_time_rate(STORIES)
        assert an.follow_up_adherence([redact(r, KEY) for r in STORIES]) == an.follow_up_adherence(
            STORIES
        )

    def test_the_same_value_gets_the_same_pseudonym_across_a_portfolio(self) -> None:
        """Synthetic cases share the stakeholder 'Director' and clients' names."""
        cases = synthetic_portfolio(30, seed=2)
        hidden = [redact(r, KEY) for r in cases]
        approvers = {r.alignment.approved_by for r in hidden if r.alignment is not None}
        by_client: dict[str, set[str]] = {}
        for r, h in zip(cases, hidden, strict=True):
            by_client.setdefault(r.client, set()).add(h.client)

        assert len(approvers) == 1
        assert all(len(names) == 1 for names in by_client.values())
        assert len({h.client for h in hidden}) == len(by_client)
        assert redact(cases[0], "another key of many bytes").client != hidden[0].client

    def test_an_email_stays_an_email(self) -> None:
        hidden = redact(self.with_emails(), KEY)

        assert hidden.last_event.actor is not None
        assert hidden.last_event.actor.endswith("@example.invalid")
        assert "@" not in json.dumps(hidden.last_event.summary)  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        "key", ["", b"", None, 42, "k", b"fifteen bytes!!", "sixteen \ud800 chars!"]
    )
    def test_a_missing_key_is_refused(self, key: object) -> None:
        with pytest.raises(InvalidValue, match=r"redact\(key=...\)"):
            redact(masterclass(), key)  # type: ignore[arg-type]

    def test_channels_units_user_ids_and_phrases_are_content(self) -> None:
        """Nothing a user typed survives: not a channel, a unit, an id, a guidance phrase."""
        phrases = {"NO_GENERALITIES": ["as discussed with Okafor"]}
        policy = attrs.evolve(masterclass().policy, guidance_phrases=phrases)
        r = Relationship.replay(
            [attrs.evolve(masterclass().history[0], policy=policy), *masterclass().history[1:-1]]
        )
        r = r.contact_client(
            at=r.last_event.at + timedelta(hours=1),
            channel="WhatsApp +44 7700 900123",
            summary="told them",
        )
        original = to_json(r)
        hidden = redact(r, KEY)
        text = to_json(hidden)
        assert "WhatsApp" not in text
        assert "900123" not in text
        assert "Okafor" not in text
        units = [
            i.quantification.unit for i in r.issues if isinstance(i.quantification, Quantification)
        ]
        assert units
        assert all(f'"unit":"{u}"' not in text for u in units if u)
        assert r.plan is not None
        user_ids = [i.id for i in r.plan.initiatives]
        for chosen in user_ids:
            if f'"{chosen}"' in original and not chosen[1:].isdigit():
                assert f'"{chosen}"' not in text
        assert an.on_time_rate([hidden]) == an.on_time_rate([r])

    def test_pseudonyms_have_64_bits(self) -> None:
        hidden = redact(masterclass(), KEY)
        assert len(hidden.client.removeprefix("Client ")) == 16

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(relationships())
    def test_any_history_redacts_to_a_valid_one(self, r: Relationship) -> None:
        hidden = redact(r, KEY)

        assert (hidden.stage, hidden.version) == (r.stage, r.version)
        assert Relationship.replay(hidden.history) == hidden


class TestGroupedArguments:
    def test_a_metric_that_is_not_a_function_is_named(self) -> None:
        with pytest.raises(InvalidValue, match=r"grouped\(metric=...\)"):
            an.grouped("recovery_rate", STORIES, by="stage")  # type: ignore[call-overload]

    def test_a_key_that_cannot_group_is_named_with_its_case(self) -> None:
        with pytest.raises(InvalidValue, match=r"grouped\(by=...\): gave \[") as refused:
            an.grouped(an.recovery_rate, STORIES, by=lambda r: [r.stage])
        assert STORIES[0].id in str(refused.value)
