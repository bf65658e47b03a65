"""Reviewing a message: per-check precision and recall on a labelled set, and behaviour."""

from __future__ import annotations

import pytest

from clientrecovery import Party, Policy, Rule, Severity
from clientrecovery.guidance import CHECKS, review
from tests.guidance_cases import CASES

GUIDANCE = [rule for rule in Rule if rule.guidance]


def test_the_labelled_set_is_large_and_balanced() -> None:
    """At least 80 sentences, both kinds."""
    flagged = sum(1 for _, labels, _ in CASES if labels)

    assert len(CASES) >= 80
    assert 30 <= flagged <= len(CASES) - 30


@pytest.mark.parametrize("rule", GUIDANCE, ids=lambda r: r.value)
def test_precision_and_recall_on_the_labelled_set(rule: Rule) -> None:
    """Both at least 0.9 for each check; mistakes are printed to help tune the phrases."""
    tp = fp = fn = 0
    mistakes = []
    for text, labels, audience in CASES:
        predicted = rule in {f.rule for f in review(text, audience=audience)}
        expected = rule.value in labels
        tp += predicted and expected
        fp += predicted and not expected
        fn += expected and not predicted
        if predicted != expected:
            mistakes.append(("missed" if expected else "false alarm", text))

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{rule.value}: precision {precision:.2f}, recall {recall:.2f}, {tp} found")
    for kind, text in mistakes:
        print(f"  {kind}: {text}")

    assert precision >= 0.9
    assert recall >= 0.9


class TestReview:
    def test_a_finding_points_at_its_span_and_cites_the_article(self) -> None:
        """The offsets cover the phrase; the message quotes it; the hint says what to do."""
        text = "Sorry for the delay. Your reports are always late."

        (finding,) = review(text)

        assert finding.rule is Rule.NO_GENERALITIES
        assert finding.span is not None
        assert text[finding.span[0] : finding.span[1]] == "always"
        assert finding.message == "“always” is a generality"
        assert "Dealing with a difficult client" in str(finding)
        assert "specific example" in finding.hint

    def test_words_inside_quotes_are_the_clients_own(self) -> None:
        """Quoted, not judged; the same words outside quotes are."""
        assert review('She said "you never listen to us".') == ()
        assert [f.rule for f in review("You never listen to us.")] == [
            Rule.NO_BLAME,
            Rule.NO_GENERALITIES,
        ]

    def test_ego_is_only_checked_in_messages_for_the_client(self) -> None:
        """An internal note may say what the team thinks."""
        text = "We believe the brief was clear."

        assert [f.rule for f in review(text)] == [Rule.NO_EGO]
        assert review(text, audience=Party.PROVIDER) == ()

    def test_the_listening_prompts_pass(self) -> None:
        """004's phrases are the better move, not a finding."""
        for prompt in ("Help me understand…", "From your perspective…", "I heard you say…"):
            assert review(prompt) == ()

    def test_a_team_can_add_phrases_and_switch_checks_off(self) -> None:
        """Through the policy."""
        policy = Policy(
            guidance_phrases={Rule.NO_BLAME: ("per my last email",)},
            guidance_off=[Rule.NO_GENERALITIES],
        )
        text = "Per my last email, the files are always late."

        found = review(text, policy=policy)

        assert [(f.rule, f.message) for f in found] == [
            (Rule.NO_BLAME, "“Per my last email” assigns blame")
        ]

    def test_the_policy_sets_the_severity(self) -> None:
        """Advisory by default; a team can make blame an error."""
        strict = Policy(severities={Rule.NO_BLAME: Severity.ERROR})

        assert review("That was your fault.")[0].severity is Severity.WARNING
        assert review("That was your fault.", policy=strict)[0].severity is Severity.ERROR

    def test_only_guidance_rules_can_be_given_phrases(self) -> None:
        """A command rule has no phrases."""
        from clientrecovery import InvalidValue

        with pytest.raises(InvalidValue, match="NOT_TODAY is not a guidance check"):
            Policy(guidance_off=["NOT_TODAY"])

    def test_the_same_text_gives_the_same_findings(self) -> None:
        """Pure and deterministic."""
        text = "Honestly, you never told us; it's your fault!!"

        assert review(text) == review(text)
        assert [f.rule.value for f in review(text)] == [
            "FACTS_NOT_EMOTION",
            "NO_BLAME",
            "NO_GENERALITIES",
            "NO_BLAME",
            "FACTS_NOT_EMOTION",
        ]

    def test_every_check_is_data_with_a_rule_of_the_catalogue(self) -> None:
        """One check per guidance rule."""
        assert sorted(c.rule.value for c in CHECKS) == sorted(r.value for r in GUIDANCE)
