"""The public API as a user writes it; checked by ``mypy --strict`` and run by pytest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import assert_type

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

    findings = r.check("meet_client", at=t)
    assert_type(findings, tuple[cr.Finding, ...])
    assert {f.rule for f in findings} == {cr.Rule.ASSESS_FIRST, cr.Rule.ALIGN_FIRST}

    who = cr.Stakeholder("Ana", "COO", cr.Party.CLIENT)
    r = r.assess(cr.Assessment("scope creep", "since May", [who], "churn", "ignored"), at=t)
    r = r.align_internally(approved_by="Lee", at=t).meet_client(at=t)
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
