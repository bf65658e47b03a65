"""The rule catalogue as data, and the shape of findings and errors."""

from __future__ import annotations

import re

from clientrecovery import Finding, Rule, RuleViolation, Severity, UnknownItem
from clientrecovery.catalogue import ARTICLES, CATALOGUE, describe_source


class TestRule:
    def test_a_rule_is_found_by_its_id(self) -> None:
        """The value is the stable id."""
        assert Rule("NOT_TODAY") is Rule.NOT_TODAY

    def test_every_rule_has_a_catalogue_entry_citing_an_article(self) -> None:
        """Title, source and severity for each; sources name real articles."""
        assert set(CATALOGUE) == set(Rule)
        for rule in Rule:
            assert rule.title
            if rule is not Rule.CHRONOLOGY and rule is not Rule.STAGE_ORDER:
                keys = re.findall(r"\b00\d\b", rule.source)
                assert keys, rule
                assert set(keys) <= set(ARTICLES), rule

    def test_advisory_rules_are_warnings_and_not_fixed(self) -> None:
        """As the design's catalogue says."""
        advisory = {r for r in Rule if r.default_severity is Severity.WARNING and not r.guidance}

        assert advisory == {
            Rule.QUICK_WIN_FIRST,
            Rule.BOTH_PARTIES,
            Rule.WARN_AHEAD,
            Rule.FOLLOW_UP_CADENCE,
            Rule.COMMUNICATE_OFTEN,
            Rule.STAKEHOLDERS_INFORMED,
            Rule.PROMISE_KEPT,
            Rule.MEET_SWIFTLY,
            Rule.SUMMARY_PROMPTLY,
            Rule.CLIENT_PART,
            Rule.INSPECT_BEFORE_ENDING,
            Rule.LESSONS_KEPT,
        }
        assert not [r for r in advisory if r.fixed]

    def test_guidance_rules_are_advisory_and_cite_the_articles(self) -> None:
        """Wording advice never blocks a command."""
        guidance = {r for r in Rule if r.guidance}

        assert guidance == {
            Rule.NO_BLAME,
            Rule.NO_EGO,
            Rule.FACTS_NOT_EMOTION,
            Rule.NO_GENERALITIES,
            Rule.LISTENING,
            Rule.TAKES_RESPONSIBILITY,
            Rule.SPECIFIC_COMMITMENT,
        }
        credit = {Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT}
        assert {r.default_severity for r in guidance - credit} == {Severity.WARNING}
        assert {r.default_severity for r in credit} == {Severity.INFO}
        assert not [r for r in guidance if r.fixed]

    def test_sources_are_spelled_out_with_titles(self) -> None:
        """Readers see the article's title and author."""
        assert (
            describe_source("001 §4") == "“Having Difficult Discussions with Clients” (Mueller) §4"
        )


class TestMessages:
    def test_a_finding_reads_rule_message_source_and_hint(self) -> None:
        """[RULE_ID] what is missing — source — what to do next."""
        f = Finding(Rule.WRITTEN_FOLLOW_UP, Severity.ERROR, "no summary", None, "send it")

        assert str(f) == (
            "[WRITTEN_FOLLOW_UP] no summary — “Dealing with a difficult client” (Sisco) §6"
            " — send it"
        )

    def test_a_violation_lists_every_finding(self) -> None:
        """Counted, one per line."""
        a = Finding(Rule.OPTIONS, Severity.ERROR, "one option")
        b = Finding(Rule.WIN_WIN, Severity.ERROR, "lopsided")

        refused = RuleViolation("propose_plan", [a, b])

        assert str(refused).splitlines()[0] == "propose_plan refused: 2 rules broken"
        assert refused.rules == ("OPTIONS", "WIN_WIN")
        assert refused.command == "propose_plan"

    def test_an_unknown_item_reads_plainly_and_is_a_key_error(self) -> None:
        """No doubled quotes from KeyError."""
        missing = UnknownItem("issue", "I9", ["I1", "I2"])

        assert str(missing) == "unknown issue 'I9' (known: I1, I2)"
        assert isinstance(missing, KeyError)
