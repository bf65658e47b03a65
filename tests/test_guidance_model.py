"""The review's model: what it adds beside the cues, and what it never does.

Most tests give ``_review`` a small model of their own (one made-up word, ``zork``, weighs
for a check), so that they say what the review does with a model's scores whatever the
shipped weights are; the last ones read the shipped weights.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery import Party, Policy, Rule, Severity
from clientrecovery.catalogue import describe_source
from clientrecovery.guidance import CHECKS, CREDITS, _review, review
from clientrecovery.guidance._classes import CLASSES
from clientrecovery.guidance._model import ADD, ADD_BESIDE, KEEP, RULES, Model, features, load
from clientrecovery.guidance._text import prepare
from clientrecovery.guidance._weigh import scored, weigh
from tests.guidance_sentences import SENTENCES

HINTS = {check.rule: check.hint for check in (*CHECKS, *CREDITS)}
TEXTS = [text for _, text in SENTENCES] + ["We think the zork fell over.", "I hear the zork."]


def model_for(rule: Rule, word: str = "zork", weight: float = 20.0) -> Model:
    """A model that scores every sentence low except those with ``word``, high for ``rule``,
    and that confirms each of the cues' findings (a far higher score where they found it)."""
    row = tuple(weight if r is rule else 0.0 for r in RULES)
    weights = {f"c:{c.value}": tuple(100.0 * (r is c) for r in RULES) for c in RULES}
    return Model(tuple(-5.0 for _ in RULES), {**weights, f"w:{word}": row})


def reviewed(text: str, model: Model, policy: Policy | None = None) -> list[tuple[Rule, str]]:
    found = _review(text, Party.CLIENT, policy or Policy(), gated=True, model=model)
    return [(f.rule, text[f.span[0] : f.span[1]]) for f in found if f.span]


class TestWhatTheModelAdds:
    def test_a_finding_on_the_clause_that_weighs_most_with_the_checks_hint(self) -> None:
        """Its span is the clause with the word, its hint the check's, its source cited."""
        text = "Yesterday went fine, but the zork fell over."

        (finding,) = _review(
            text, Party.CLIENT, Policy(), gated=True, model=model_for(Rule.NO_BLAME)
        )

        assert finding.rule is Rule.NO_BLAME
        assert finding.severity is Severity.WARNING
        assert finding.span is not None
        assert text[finding.span[0] : finding.span[1]] == "but the zork fell over"
        assert finding.hint == HINTS[Rule.NO_BLAME]
        assert "assigns blame" in finding.message
        assert describe_source(Rule.NO_BLAME.source) in str(finding)

    def test_a_credit_is_an_info_finding(self) -> None:
        found = _review(
            "The zork is fixed.",
            Party.CLIENT,
            Policy(),
            gated=True,
            model=model_for(Rule.TAKES_RESPONSIBILITY),
        )

        assert [(f.rule, f.severity) for f in found] == [(Rule.TAKES_RESPONSIBILITY, Severity.INFO)]

    def test_each_sentence_is_scored_on_its_own(self) -> None:
        """Only the sentence with the word gets the finding."""
        text = "The crates arrived. The zork did not. The van left."

        assert reviewed(text, model_for(Rule.NO_GENERALITIES)) == [
            (Rule.NO_GENERALITIES, "The zork did not")
        ]

    def test_a_low_score_adds_nothing(self) -> None:
        assert reviewed("The zork is here.", model_for(Rule.NO_BLAME, weight=4.0)) == []


class TestWhatTheModelNeverDoes:
    def test_a_cues_finding_the_model_confirms_stays_as_it_is(self) -> None:
        """A model that weighs only the cues' verdicts, far above, keeps each of their
        findings as it is and adds none of its own."""
        text = "Your team missed the deadline again. As I said, the price is fixed."
        weights = {f"c:{rule.value}": tuple(100.0 * (r is rule) for r in RULES) for rule in RULES}
        confirming = Model(tuple(-50.0 for _ in RULES), weights)
        cues = _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)

        assert {f.rule for f in cues} >= {Rule.NO_BLAME, Rule.FACTS_NOT_EMOTION}
        assert _review(text, Party.CLIENT, Policy(), gated=True, model=confirming) == cues

    def test_a_cues_finding_the_model_doubts_is_dropped(self) -> None:
        """Where the model, reading the words with the cues' verdicts, scores a check at or
        below ``KEEP``, the cue's finding goes; a check whose ``KEEP`` is 0 keeps it."""
        text = "Your team missed the deadline again. As I said, the price is fixed."
        against = Model(tuple(-50.0 for _ in RULES), {})
        cues = _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)
        doubted = {RULES[k] for k, keep in enumerate(KEEP) if keep > -math.inf}

        found = _review(text, Party.CLIENT, Policy(), gated=True, model=against)

        assert found == tuple(f for f in cues if f.rule not in doubted)
        assert Rule.NO_BLAME in doubted

    def test_the_shipped_model_keeps_a_plain_cue_finding(self) -> None:
        found = _review("Your team missed the deadline again.", Party.CLIENT, Policy(), gated=True)

        assert Rule.NO_BLAME in {f.rule for f in found}

    def test_beside_a_cues_finding_another_check_needs_a_surer_score(self) -> None:
        """A score above ``ADD`` but not ``ADD_BESIDE`` adds a check to a sentence in which
        the cues found nothing, not to one in which they found something else."""
        k = RULES.index(Rule.FACTS_NOT_EMOTION)
        between = 5.0 + (ADD[k] + ADD_BESIDE[k]) / 2
        above = 5.0 + ADD_BESIDE[k] + 1.0
        text = "Your team missed the zork deadline."
        cues = {f.rule for f in _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)}

        assert ADD[k] < ADD_BESIDE[k]
        assert cues == {Rule.NO_BLAME}
        assert {
            r for r, _ in reviewed(text, model_for(Rule.FACTS_NOT_EMOTION, weight=between))
        } == {Rule.NO_BLAME}
        assert reviewed(
            "Your zork slipped.", model_for(Rule.FACTS_NOT_EMOTION, weight=between)
        ) == [(Rule.FACTS_NOT_EMOTION, "Your zork slipped")]
        assert {r for r, _ in reviewed(text, model_for(Rule.FACTS_NOT_EMOTION, weight=above))} == {
            Rule.NO_BLAME,
            Rule.FACTS_NOT_EMOTION,
        }

    def test_never_a_second_finding_for_a_check_the_cues_found(self) -> None:
        text = "Your team missed the zork deadline."

        assert [r for r, _ in reviewed(text, model_for(Rule.NO_BLAME, weight=50.0))] == [
            Rule.NO_BLAME
        ]

    def test_never_a_check_whose_cue_its_own_exceptions_held_back(self) -> None:
        """An idiom with "never" matches a generality's cue and is held back by it: the
        model does not overrule that, though it may add another check there."""
        text = "Never hesitate to call me about the zork."
        cues = _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)

        assert Rule.NO_GENERALITIES not in {f.rule for f in cues}
        assert reviewed(text, model_for(Rule.NO_GENERALITIES, weight=50.0)) == []
        assert [r for r, _ in reviewed(text, model_for(Rule.NO_BLAME, weight=50.0))] == [
            Rule.NO_BLAME
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "I'm sorry the zork went the way it did.",
            "We apologise for the zork.",
            "I understand how the zork felt on your side.",
            "Thank you for flagging the zork.",
        ],
    )
    @pytest.mark.parametrize("rule", [Rule.NO_BLAME, Rule.NO_GENERALITIES], ids=str)
    def test_never_a_violation_on_an_apology_or_empathy(self, text: str, rule: Rule) -> None:
        assert [r for r, _ in reviewed(text, model_for(rule)) if r is rule] == []

    def test_ego_needs_the_provider_in_the_sentence(self) -> None:
        model = model_for(Rule.NO_EGO)

        assert reviewed("The zork is sound.", model) == []
        assert reviewed("Our zork is sound.", model) == [(Rule.NO_EGO, "Our zork is sound")]

    def test_emotion_needs_someone_answered_or_a_marker_of_feeling(self) -> None:
        """A bare item (a plan's success criterion) scored by its words is never emotion."""
        model = model_for(Rule.FACTS_NOT_EMOTION)

        assert reviewed("one zork per round", model) == []
        assert reviewed("Your zork, again.", model) == [(Rule.FACTS_NOT_EMOTION, "Your zork")]
        assert reviewed("Frankly the zork stands.", model) == [
            (Rule.FACTS_NOT_EMOTION, "Frankly the zork stands")
        ]
        assert reviewed("The zork stands!", model) == [(Rule.FACTS_NOT_EMOTION, "The zork stands")]

    def test_a_commitment_needs_someone_who_will_do_something(self) -> None:
        model = model_for(Rule.SPECIFIC_COMMITMENT)

        assert reviewed("The zork ran at 02:00.", model) == []
        assert reviewed("The zork will be rerun at 02:00.", model) == [
            (Rule.SPECIFIC_COMMITMENT, "The zork will be rerun at 02:00")
        ]

    def test_the_clients_quoted_words_are_not_read(self) -> None:
        found = reviewed("You called it “a zork”; which page was it?", model_for(Rule.NO_BLAME))

        assert Rule.NO_BLAME not in {rule for rule, _ in found}

    def test_a_check_switched_off_stays_off(self) -> None:
        policy = Policy(guidance_off=[Rule.NO_BLAME])

        assert reviewed("The zork fell over.", model_for(Rule.NO_BLAME), policy) == []

    @given(st.lists(st.sampled_from(["sorry", "zork", "the", "team", "late", "."]), max_size=30))
    def test_gated_and_ungated_reviews_agree_with_the_model(self, words: list[str]) -> None:
        text = " ".join(words)
        model = model_for(Rule.NO_GENERALITIES)

        assert _review(text, Party.CLIENT, Policy(), gated=True, model=model) == _review(
            text, Party.CLIENT, Policy(), gated=False, model=model
        )


class TestWeighingSentenceBySentence:
    @given(
        st.lists(st.sampled_from(TEXTS), min_size=1, max_size=4),
        st.sampled_from(
            [load(), model_for(Rule.NO_EGO), model_for(Rule.NO_BLAME), Model((-50.0,) * 7, {})]
        ),
    )
    def test_the_review_keeps_and_adds_what_the_scores_say(
        self, parts: list[str], model: Model
    ) -> None:
        """``weigh`` reads the scores a sentence at a time, not through :func:`scored`:
        what it keeps and adds is still what ``scored``'s scores say against the
        thresholds."""
        text = " ".join(parts)
        held: list[tuple[Rule, int]] = []
        found = list(_review(text, Party.CLIENT, Policy(), gated=True, weighed=False, held=held))
        advice = {c.rule: (c.problem, c.hint, Severity.WARNING) for c in (*CHECKS, *CREDITS)}
        doubted, added = [], []
        for start, end, rule, score, beside, cued in scored(
            prepare(text), found, advice, model, held
        ):
            k = RULES.index(rule)
            if cued and score <= KEEP[k]:
                doubted.append((rule, start, end))
            elif not cued and score > (ADD_BESIDE if beside else ADD)[k]:
                added.append(rule)

        weighed = weigh(prepare(text), found, advice, model, held)

        kept = [
            f
            for f in found
            if not any(r is f.rule and a <= (f.span or (0, 0))[0] < b for r, a, b in doubted)
        ]
        assert weighed[: len(kept)] == kept
        assert [f.rule for f in weighed[len(kept) :]] == added


class TestTheShippedModel:
    def test_the_weights_match_the_rules_and_load_once(self) -> None:
        data = json.loads(
            files("clientrecovery.guidance").joinpath("_model.json").read_text(encoding="utf-8")
        )
        model = load()

        assert data["rules"] == [r.value for r in RULES]
        assert model is load()
        assert len(model.bias) == len(RULES)
        assert all(len(row) == len(RULES) for row in model.weights.values())
        assert len(model.weights) > 1000

    @given(st.lists(st.sampled_from(["late", "your", "we", "will", "every", "3", "never"])))
    def test_a_score_is_the_bias_plus_the_weights_of_the_features(self, words: list[str]) -> None:
        model = load()
        found = features(" ".join(words))
        expected = [
            model.bias[k] + sum(model.weights[f][k] for f in found if f in model.weights)
            for k in range(len(RULES))
        ]

        assert all(
            math.isclose(a, b, abs_tol=1e-9)
            for a, b in zip(model.scores(found), expected, strict=True)
        )

    def test_a_repeated_word_counts_once_as_in_training(self) -> None:
        """The trainer reads which features a sentence has, not how often: so does scoring."""
        once = "the report was late"
        twice = "the report was late, late, late"
        model = load()

        assert len(features(twice)) == len(set(features(twice)))
        assert model.score(features(twice), 0) - model.score(features(once), 0) == sum(
            model.weights.get(f, (0.0,) * len(RULES))[0]
            for f in set(features(twice)) - set(features(once))
        )

    def test_it_credits_responsibility_the_cues_miss(self) -> None:
        """An admission that names the provider's own step: the model's own credit."""
        text = "It comes down to our own review step, which let two unreconciled accounts through."
        cues = _review(text, Party.CLIENT, Policy(), gated=True, weighed=False)

        assert Rule.TAKES_RESPONSIBILITY not in {f.rule for f in cues}
        assert Rule.TAKES_RESPONSIBILITY in {f.rule for f in review(text)}


@pytest.mark.parametrize("word", sorted(CLASSES))
def test_every_class_word_is_one_word_the_model_reads(word: str) -> None:
    # A class entry the tokenizer splits ("award-winning" read as "award", "winning") would
    # never match a sentence: each entry must come back whole as the sentence's only word.
    text = "42" if word == "<n>" else word
    assert CLASSES[word], word
    assert any(f"k:{name}" in features(text) for name in CLASSES[word]), word
    assert [f for f in features(text) if f.startswith("w:")] == [f"w:{word}"], word
