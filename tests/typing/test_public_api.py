"""The public API as a user writes it; checked by ``mypy --strict`` and run by pytest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import assert_type

import pytest

import clientrecovery as cr
from clientrecovery.postgres import PostgresStore


def test_a_user_walks_a_case_with_full_types() -> None:
    """Every call below is type-checked; the assertions check it also runs."""
    t = datetime(2026, 5, 4, 9, tzinfo=UTC)
    policy = cr.Policy(
        timezone="Europe/Paris", severities={cr.Rule.QUICK_WIN_FIRST: cr.Severity.ERROR}
    )
    r = cr.Relationship.open("Acme", trigger="missed deadline", at=t, policy=policy, actor="me")
    assert_type(r, cr.Relationship)
    assert_type(r.stage, cr.Stage)
    assert_type(r.version, int)

    findings = r.check("meet_client", at=t, willing=True)
    assert_type(findings, tuple[cr.Finding, ...])
    assert {f.rule for f in findings} == {cr.Rule.ASSESS_FIRST, cr.Rule.ALIGN_FIRST}

    who = cr.Stakeholder("Ana", "COO", cr.Party.CLIENT)
    r = r.assess(cr.Assessment("scope creep", "since May", [who], "churn", "ignored"), at=t)
    r = r.align_internally(approved_by="Lee", at=t).meet_client(at=t, willing=True)
    r = r.raise_issue("reports late", category=cr.IssueCategory.DEADLINE, at=t)
    r = r.specify_issue(
        "I1", examples=["April report"], quantification=cr.Quantification("days late", 6, ""), at=t
    )
    r = r.agree_issues(at=t, nothing_missed=True)
    due: date = (t + timedelta(days=30)).date()
    r = r.secure_commitment(cr.Commitment(cr.Party.CLIENT, "renew", "contract signed", due), at=t)
    r = r.promise_response(by=t + timedelta(days=2), at=t)
    issue: cr.Issue = r.issue("I1")
    commitment: cr.Commitment | None = r.client_commitment
    actions: tuple[cr.NextAction, ...] = r.next_actions()
    gain: Decimal = cr.ResolutionOption("a", "s", client_gain=3, provider_gain="1").client_gain

    assert issue.status is cr.IssueStatus.AGREED
    assert commitment is not None
    assert commitment.id == "C1"
    assert any(a.command == "send_written_summary" and a.ready for a in actions)
    assert gain == Decimal(3)
    assert r.stage is cr.Stage.PLANNING


def test_errors_are_typed_for_callers() -> None:
    """Callers can catch the base class and read the findings."""
    t = datetime(2026, 5, 4, 9, tzinfo=UTC)
    r = cr.Relationship.open("Acme", trigger="late", at=t)
    try:
        r.close(at=t)
    except cr.RuleViolation as refused:
        rules: tuple[str, ...] = refused.rules
        command: str = refused.command
        assert command == "close"
        assert "STAGE_ORDER" in rules
    else:  # pragma: no cover
        raise AssertionError("close in ASSESSING must be refused")


def test_policy_fields_accept_what_they_take_and_refuse_the_rest() -> None:
    """Each Policy field takes its own kind: rules or their ids, any iterable of days; a
    wrong kind is a type error (the ignores below are checked: unused, mypy fails)."""
    by_rule: dict[cr.Rule, cr.Severity] = {cr.Rule.QUICK_WIN_FIRST: cr.Severity.ERROR}
    by_id: dict[str, str] = {"QUICK_WIN_FIRST": "error"}
    policy = cr.Policy(
        severities=by_rule,
        guidance_phrases={"NO_BLAME": ["your fault"]},
        guidance_off=[cr.Rule.NO_EGO],
        workdays=range(5),
        holidays=[date(2026, 12, 25)],
    )
    same = cr.Policy(severities=by_id, guidance_off=("NO_EGO",), workdays=[4, 3, 2, 1, 0])

    assert policy.severities == same.severities == {cr.Rule.QUICK_WIN_FIRST: cr.Severity.ERROR}
    assert policy.workdays == same.workdays == (0, 1, 2, 3, 4)
    assert_type(policy.holidays, tuple[date, ...])
    assert policy.guidance_off == same.guidance_off == (cr.Rule.NO_EGO,)
    with pytest.raises(cr.InvalidValue, match=r"Policy\.workdays"):
        cr.Policy(workdays=5)  # type: ignore[arg-type]
    with pytest.raises(cr.InvalidValue, match=r"Policy\.holidays"):
        cr.Policy(holidays=date(2026, 12, 25))  # type: ignore[arg-type]


def test_grouped_results_sort_under_strict_typing() -> None:
    """Keys are typed as ``by`` gives them, so ``sorted`` type-checks."""
    from clientrecovery import analysis as an
    from clientrecovery.examples import synthetic_portfolio

    cases = synthetic_portfolio(12, seed=5)
    rates = an.grouped(an.recovery_rate, cases, by=lambda r: r.policy.timezone)
    assert_type(rates, dict[str, float | None])
    zones: list[str] = sorted(rates)
    by_column = an.grouped(an.on_time_rate, cases, by="raised_by")
    parties = sorted(by_column)

    assert zones == sorted({r.policy.timezone for r in cases})
    assert set(parties) <= {"client", "provider"}


def test_table_rows_are_typed_per_table() -> None:
    """A row's columns have their types; a misspelt column is a type error."""
    from clientrecovery import analysis as an
    from clientrecovery.examples import stories
    from clientrecovery.rows import InitiativeRow, RelationshipRow

    t = an.tables(stories())
    first: RelationshipRow = t["relationships"][0]
    assert_type(first["outcome"], str)
    assert_type(first["ended_at"], datetime | None)
    work: list[InitiativeRow] = t["initiatives"]
    done = [w["completed_at"] for w in work if w["on_time"]]
    assert_type(done, list[datetime | None])
    with pytest.raises(KeyError):
        first["outcom"]  # type: ignore[typeddict-item]

    assert first["outcome"] == "recovered"
    assert all(isinstance(d, datetime) for d in done)


def test_the_row_types_name_every_column_of_the_tables() -> None:
    """The TypedDicts and COLUMNS describe the same tables, column for column."""
    from typing import get_type_hints

    from clientrecovery import analysis as an
    from clientrecovery import rows

    kinds = {
        "relationships": rows.RelationshipRow,
        "issues": rows.IssueRow,
        "initiatives": rows.InitiativeRow,
        "commitments": rows.CommitmentRow,
        "events": rows.EventRow,
        "stages": rows.StageRow,
    }
    assert set(get_type_hints(rows.Tables)) == set(an.COLUMNS) == set(kinds)
    for name, kind in kinds.items():
        assert list(get_type_hints(kind)) == list(an.COLUMNS[name]), name


def test_the_whole_methods_commands_are_typed() -> None:
    """Promises, lessons, an ending with its cause, and what a finding asks to do."""
    t = datetime(2026, 5, 4, 9, tzinfo=UTC)
    r = cr.Relationship.open("Acme", trigger="overrun", at=t, raised_by=cr.Party.PROVIDER)
    r = r.raise_issue("budget overrun", raised_by=cr.Party.PROVIDER, client_words="", at=t)
    r = r.promise(cr.Commitment(cr.Party.PROVIDER, "call back", "call made", t.date()), at=t)
    promises: tuple[cr.Commitment, ...] = r.promises
    r = r.end(reason="moved on", cause=cr.EndCause.PROVIDER_WITHDREW, at=t)
    r = r.record_lessons(["tell them sooner"], at=t)
    cause: cr.EndCause | None = r.end_cause
    command: str | None = r.findings(t)[0].command

    assert [p.id for p in promises] == ["P1"]
    assert cause is cr.EndCause.PROVIDER_WITHDREW
    assert r.lessons == ("tell them sooner",)
    assert command is None  # INSPECT_BEFORE_ENDING: nothing runs after the end


def test_code_written_against_the_store_protocol_runs_on_an_engine() -> None:
    """Both engines are a Store to the type checker; the feed and erasure are typed."""
    t = datetime(2026, 5, 4, 9, tzinfo=UTC)
    store: cr.Store = cr.SQLiteStore(":memory:")
    saved: int = store.save(cr.Relationship.open("Acme", trigger="late", at=t, account="A-1"))

    feed = store.events(after=0, limit=10)
    assert_type(feed, tuple[cr.StoredEvent, ...])
    entries = store.list(account="A-1")
    erasure: cr.Erasure = store.erase(entries[0].id, key="a key of sixteen+", by="dpo", at=t)

    assert saved == 1
    assert [e.position for e in feed] == [1]
    assert erasure.events == 1
    store.close()


def _postgres_is_a_store(store: PostgresStore) -> cr.Store:
    return store  # checked by mypy: PostgresStore keeps the protocol
