"""Reviewing a message: what each check finds and credits, its traps, and its contract."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery import InvalidValue, Party, Policy, Rule, Severity
from clientrecovery.guidance import _ALL_CUES, CHECKS, CREDITS, _gate, _review, _text, review
from tests.guidance_sentences import SENTENCES, TUNED
from tests.test_guidance_corpus import CORPUS, corpus, development

GUIDANCE = [rule for rule in Rule if rule.guidance]
CREDITED = {Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT}
VOCABULARY = (
    "you your we I our the a blame fault because of due to on side never always nothing"
    " everyone late wrong missed failed keeps sitting had would have should proud award"
    " experts trust us know best frankly honestly sorry frustrated ridiculous per my last"
    " email as already explained will by Friday 12 May help me understand heard say told"
    " us it's that's isn't don't we'll you're , . ; ? ! ' \""
)
WORDS = VOCABULARY.split()
_TOOL = Path(__file__).resolve().parent.parent / "tools" / "guidance_gate.py"
_PACKAGE = Path(_gate.__file__).parent


def flagged(text: str, audience: Party = Party.CLIENT) -> set[Rule]:
    """The rules of the WARNING findings for ``text``."""
    return {f.rule for f in review(text, audience=audience) if f.severity is Severity.WARNING}


def credited(text: str) -> set[Rule]:
    """The rules of the INFO findings for ``text``."""
    return {f.rule for f in review(text) if f.severity is Severity.INFO}


class TestTheMoves:
    """Each check reads what the sentence does, in wording no list spells out."""

    @pytest.mark.parametrize(
        "text",
        [
            "The slip comes down to your approval process.",
            "Most of the rework stems from your team's late sign-off.",
            "The hold-up is on your side, not ours.",
            "Your developers broke the staging server twice last week.",
            "Your procurement people sat on the purchase order for a month.",
            "Their designer never sent the final logo files.",
            "If your team had read the handover notes, this would not have happened.",
            "It's not our fault the servers went down.",
        ],
    )
    def test_blame_is_found_where_a_failure_is_pinned_on_someone(self, text: str) -> None:
        """The client or a third party as the subject of a failure, or a causal link to it."""
        assert Rule.NO_BLAME in flagged(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Being the specialists, we can tell what your customers want.",
            "Our award-winning team has delivered far bigger launches than this.",
            "Trust us, we know what works for a brand like yours.",
            "In our professional opinion the homepage is right as it stands.",
            "This account matters a great deal; losing it would be hard for us.",
        ],
    )
    def test_ego_is_found_in_self_praise_and_we_know_best(self, text: str) -> None:
        """The provider's expertise, pride and interests at the centre."""
        assert Rule.NO_EGO in flagged(text)

    @pytest.mark.parametrize(
        "text",
        [
            "We won't be pushed into rebuilding the app.",
            "We delivered exactly what the brief asked for.",
            "As I already explained, the scope was fixed in March.",
            "Per my last email, the files are still outstanding.",
            "With all due respect, you are simply wrong about the invoice.",
            "Frankly, these demands are unreasonable.",
            "We are frustrated by the constant back and forth.",
        ],
    )
    def test_emotion_defence_and_passive_aggression_are_found(self, text: str) -> None:
        """Defensive refusals, combative tone, "per my last email"."""
        assert Rule.FACTS_NOT_EMOTION in flagged(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Quality has been patchy for a while.",
            "The reports are always late.",
            "Nothing works on the new portal.",
            "There have been a lot of problems with the hand-offs.",
            "Everything about the launch went wrong.",
        ],
    )
    def test_generalities_are_absolutes_and_vague_complaints(self, text: str) -> None:
        """Absolutes applied to the work, and complaints without a number or a date."""
        assert Rule.NO_GENERALITIES in flagged(text)


class TestTheTraps:
    """Sound messages a naive check would flag."""

    @pytest.mark.parametrize(
        "text",
        [
            'You said "nothing ever works on the portal"; which pages failed for you?',
            "In the meeting you told us: “your team always ignores our tickets.”",
            "She called the onboarding ‘a total mess’, and three of its steps did fail.",
        ],
    )
    def test_quoted_client_words_are_not_judged(self, text: str) -> None:
        """Within quotation marks the words are the client's own."""
        assert flagged(text) == set()

    @pytest.mark.parametrize(
        "text",
        [
            "Never hesitate to ring me if something looks off.",
            "We are always happy to walk you through the figures.",
            "You can always reach Dana on her mobile.",
            "As always, the minutes are attached.",
        ],
    )
    def test_idioms_with_never_and_always_are_not_generalities(self, text: str) -> None:
        """An offer is not an absolute about the work."""
        assert flagged(text) == set()

    @pytest.mark.parametrize(
        "text",
        [
            "I'm sorry yesterday's call left you frustrated.",
            "I understand how upsetting the outage was for your clinics.",
            "To be honest, our estimate was ten days short.",
            "We apologise for the missed deadline.",
            "I can see why the delay was unacceptable to your board.",
        ],
    )
    def test_empathy_and_apologies_are_never_emotion(self, text: str) -> None:
        """What the articles ask for is not what they warn against."""
        assert Rule.FACTS_NOT_EMOTION not in flagged(text)

    @pytest.mark.parametrize(
        "text",
        [
            "We missed the deadline, and that is on us.",
            "We will call you on Tuesday at 10:00 with the results.",
            "We got the brief wrong, and we will fix the layout by Friday.",
        ],
    )
    def test_a_we_that_takes_responsibility_or_commits_is_not_blame_or_ego(self, text: str) -> None:
        """Only the provider's views and pride are ego; "we missed" is not blame."""
        assert flagged(text) == set()

    @pytest.mark.parametrize(
        "text", ["Help me understand what went wrong with the April release.", "I heard you say…"]
    )
    def test_the_listening_prompts_are_credited_not_flagged(self, text: str) -> None:
        """004's phrases are the better move."""
        assert flagged(text) == set()
        assert credited(text) == {Rule.LISTENING}


class TestCredits:
    """What the articles ask for is an INFO finding."""

    @pytest.mark.parametrize(
        ("text", "rule"),
        [
            ("From your perspective, what would a good outcome look like?", Rule.LISTENING),
            ("You told us the clinics need answers within four hours.", Rule.LISTENING),
            ("That was our mistake, and we own it.", Rule.TAKES_RESPONSIBILITY),
            ("Our estimate was ten days short.", Rule.TAKES_RESPONSIBILITY),
            (
                "Priya will send the revised schedule by Thursday 14 March.",
                Rule.SPECIFIC_COMMITMENT,
            ),
            ("We will have the fix live by 18:00 tomorrow.", Rule.SPECIFIC_COMMITMENT),
        ],
    )
    def test_each_credit_is_an_info_finding(self, text: str, rule: Rule) -> None:
        """With the rule, the span and a hint to keep it."""
        found = [f for f in review(text) if f.rule is rule]

        assert found
        assert all(f.severity is Severity.INFO for f in found)
        assert found[0].span is not None
        assert found[0].hint

    def test_a_vague_promise_is_not_a_specific_commitment(self) -> None:
        """No date, number or owner: nothing to credit."""
        assert Rule.SPECIFIC_COMMITMENT not in credited("We will try to do better in future.")


class TestReview:
    def test_a_finding_points_at_its_span_and_cites_the_article(self) -> None:
        """The offsets cover the words; the message quotes them; the hint says what to do."""
        text = "Sorry for the delay. Your reports are always late."

        (finding,) = [f for f in review(text) if f.rule is Rule.NO_GENERALITIES]

        assert finding.span is not None
        assert text[finding.span[0] : finding.span[1]] == "always"
        assert finding.message == "“always” is a generality"
        assert "Dealing with a difficult client" in str(finding)
        assert "specific example" in finding.hint

    def test_ego_is_only_checked_in_messages_for_the_client(self) -> None:
        """An internal note may say what the team thinks."""
        text = "Trust us, we know what your customers want."

        assert flagged(text) == {Rule.NO_EGO}
        assert flagged(text, Party.PROVIDER) == set()

    def test_a_team_can_add_phrases_and_switch_checks_off(self) -> None:
        """Through the policy; a credit can be switched off too."""
        policy = Policy(
            guidance_phrases={Rule.FACTS_NOT_EMOTION: ("no offence",)},
            guidance_off=[Rule.NO_GENERALITIES, Rule.LISTENING],
        )
        text = "No offence, but the files are always late."

        found = review(text, policy=policy)

        assert [(f.rule, f.message) for f in found] == [
            (Rule.FACTS_NOT_EMOTION, "“No offence” is emotional or defensive")
        ]
        assert review("Help me understand the gap.", policy=policy) == ()

    def test_the_policy_sets_the_severity(self) -> None:
        """Advisory by default; a team can make blame an error."""
        strict = Policy(severities={Rule.NO_BLAME: Severity.ERROR})

        assert review("That was your fault.")[0].severity is Severity.WARNING
        assert review("That was your fault.", policy=strict)[0].severity is Severity.ERROR

    def test_only_guidance_rules_can_be_given_phrases(self) -> None:
        """A command rule has no phrases."""
        with pytest.raises(InvalidValue, match="NOT_TODAY is not a guidance check"):
            Policy(guidance_off=["NOT_TODAY"])

    @pytest.mark.parametrize(
        ("kwargs", "match"),
        [
            ({"text": b"bytes"}, r"review\(text=\.\.\.\): must be a str, got bytes"),
            ({"text": "ok", "audience": "client"}, r"review\(audience=\.\.\.\): must be a Party"),
            ({"text": "ok", "policy": {}}, r"review\(policy=\.\.\.\): must be a Policy"),
        ],
    )
    def test_bad_arguments_are_named(self, kwargs: dict[str, object], match: str) -> None:
        """A typed error, never a TypeError from inside."""
        with pytest.raises(InvalidValue, match=match):
            review(**kwargs)  # type: ignore[arg-type]

    def test_findings_come_in_the_order_of_the_text(self) -> None:
        """By position, one per move."""
        text = "Honestly, you never told us; it's your fault!!"

        found = review(text)

        assert [f.rule.value for f in found] == ["NO_BLAME", "NO_BLAME", "FACTS_NOT_EMOTION"]
        assert [f.span for f in found] == sorted(f.span for f in found if f.span)

    def test_every_guidance_rule_has_its_check_or_credit(self) -> None:
        """One check per warning rule, one credit per INFO rule, all in the catalogue."""
        assert sorted(c.rule.value for c in (*CHECKS, *CREDITS)) == sorted(
            r.value for r in GUIDANCE
        )
        assert {c.rule for c in CREDITS} == CREDITED
        assert all(cue.rule is c.rule for c in (*CHECKS, *CREDITS) for cue in c.cues)


class TestProperties:
    @given(st.text(max_size=300))
    def test_any_text_gives_spans_inside_it_deterministically(self, text: str) -> None:
        """Pure: the same findings twice, every span within the text, never an error."""
        found = review(text)

        assert found == review(text)
        assert all(f.span and 0 <= f.span[0] < f.span[1] <= len(text) for f in found)

    @given(st.text(alphabet=st.characters(blacklist_characters="“”\"‘’'\n"), max_size=80))
    def test_words_inside_quotation_marks_are_never_judged(self, inner: str) -> None:
        """Whatever the client said."""
        text = f"You said “{inner}”."

        assert all(f.span and not (9 < f.span[0] < 10 + len(inner)) for f in review(text))


# Development sentences that end a sentence and hold no quotation (which spans sentences).
_WHOLE = [
    text
    for text, _, _ in development()
    if text.rstrip()[-1:] in ".?!" and not any(mark in text for mark in '"“”‘’')
]


class TestLongTexts:
    @given(st.lists(st.sampled_from(_WHOLE), min_size=2, max_size=8))
    def test_sentences_run_together_are_judged_each_as_alone(self, parts: list[str]) -> None:
        """A message is judged sentence by sentence: what each finds alone is found in the
        message at its place, and nothing else (one sentence's findings never hide or
        add to another's)."""
        alone = []
        offset = 0
        for part in parts:
            for f in review(part):
                assert f.span is not None
                alone.append((f.rule, f.message, (f.span[0] + offset, f.span[1] + offset)))
            offset += len(part) + 1

        together = [(f.rule, f.message, f.span) for f in review(" ".join(parts))]

        assert sorted(together, key=repr) == sorted(alone, key=repr)

    def test_every_one_of_thousands_of_sentences_gets_its_finding(self) -> None:
        """A long message (the scale bench/guidance.py times) loses no finding: each copy
        of a sentence is judged, the last as the first."""
        sentence = "You never listen. "
        found = review(sentence * 3000)

        generalities = [f for f in found if f.rule is Rule.NO_GENERALITIES]
        assert len(generalities) == 3000
        assert generalities[-1].span == (2999 * len(sentence) + 4, 2999 * len(sentence) + 9)


class TestGate:
    """Skipping sentences that lack a cue's words changes no finding."""

    def test_the_corpus_gives_the_same_findings_either_way(self) -> None:
        """Every sentence of every file, and each file as one message."""
        policy = Policy()

        for path in sorted(CORPUS.glob("*.jsonl")):
            texts = [text for text, _, _ in corpus(path.name)]
            for text in [*texts, " ".join(texts)]:
                assert _review(text, Party.CLIENT, policy, gated=True) == _review(
                    text, Party.CLIENT, policy, gated=False
                ), text

    def test_the_development_half_as_one_message_gives_the_same_findings_either_way(
        self,
    ) -> None:
        """All of it as one message, split at other places than its sentences."""
        texts = [text for text, _, _ in development()]
        policy = Policy()

        for text in ["\n".join(texts), " - ".join(texts)]:
            assert _review(text, Party.CLIENT, policy, gated=True) == _review(
                text, Party.CLIENT, policy, gated=False
            )

    def test_an_alternative_is_tried_only_with_a_word_of_each_part_it_needs(self) -> None:
        """A sentence with "your" alone does not bring up "your (fault|mistake)"; nor does one
        without a word that the cue's ``requires`` needs."""
        index = _gate.Index([r"\byour (?:fault|mistake)\b|\bblame\b"], [r"\blate\b"])

        assert index.candidates({"your$", "late$"}) == {}
        assert index.candidates({"your$", "fault"}) == {}
        assert index.candidates({"your$", "mista", "late$"}) == {0: [0]}
        assert index.candidates({"blame", "late$"}) == {0: [1]}

    def test_the_shipped_table_is_what_the_cues_give(self) -> None:
        """``_gate.json`` is exactly what ``tools/guidance_gate.py`` writes from the cues
        as they are now: a cue edited without rewriting it fails here."""
        spec = importlib.util.spec_from_file_location("guidance_gate", _TOOL)
        assert spec is not None
        assert spec.loader is not None
        tool = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tool)

        assert tool.text() == (_PACKAGE / "_gate.json").read_text(encoding="utf-8")

    def test_an_index_without_the_table_files_every_cue_as_with_it(self) -> None:
        """What the table saves is only time: worked out at import (a cue missing from it),
        each cue has the same pieces and every corpus sentence brings up the same ones."""
        sources = [c.source for c in _ALL_CUES]
        requires = [None if c.requires is None else c.requires.pattern for c in _ALL_CUES]
        read = _gate.Index(sources, requires, _gate.shipped())
        worked_out = _gate.Index(sources, requires, {})

        assert read.pieces == worked_out.pieces
        assert len(_gate.shipped()) == len({*zip(sources, requires, strict=True)})
        for path in sorted(CORPUS.glob("*.jsonl")):
            for text, _, _ in corpus(path.name):
                keys = _gate.sentence_keys(text.lower(), 0, len(text))
                assert read.candidates(keys) == worked_out.candidates(keys), text

    def test_a_piece_is_compiled_once_when_first_needed(self) -> None:
        index = _gate.Index([r"\byour (?:fault|mistake)\b|\bblame\b"])

        assert index.pieces == [(r"\byour (?:fault|mistake)\b", r"\bblame\b")]
        assert index.piece(0, 1) is index.piece(0, 1)
        assert index.piece(0, 1).pattern == r"\bblame\b"

    @given(st.lists(st.sampled_from(WORDS), max_size=40))
    def test_any_sentence_gives_the_same_findings_either_way(self, words: list[str]) -> None:
        """Sentences made of the cues' own words."""
        text = " ".join(words)
        policy = Policy()

        assert _review(text, Party.CLIENT, policy, gated=True) == _review(
            text, Party.CLIENT, policy, gated=False
        )


class TestQuotations:
    def test_an_unclosed_quotation_mark_quotes_nothing(self) -> None:
        """Only a closed quotation is the client's; one stray mark hides nothing."""
        assert Rule.NO_BLAME in flagged("“Your team never sends the files on time.")
        assert flagged("“Your team never sends the files on time.”") == set()

    @given(st.text(alphabet="ab ’'‘“”\"\n", max_size=60))
    def test_quotations_are_blanked_as_a_substitution_would(self, text: str) -> None:
        """The quotations found once are blanked in place: the same text as substituting
        each match of the pattern with its marks around spaces."""
        quoted = tuple(m.span() for m in _text._QUOTED.finditer(text))

        assert _text._blanked(text, quoted) == _text._QUOTED.sub(
            lambda m: m[0][0] + " " * (len(m[0]) - 2) + m[0][-1], text
        )

    def test_many_opening_marks_are_read_in_one_pass(self) -> None:
        """A text of 50,000 opening marks and no closing one holds no finding."""
        assert review("“" * 50_000 + "always") != ()
        assert review("‘" * 50_000) == ()


LABELS = {
    "B": Rule.NO_BLAME,
    "E": Rule.NO_EGO,
    "F": Rule.FACTS_NOT_EMOTION,
    "G": Rule.NO_GENERALITIES,
    "L": Rule.LISTENING,
    "T": Rule.TAKES_RESPONSIBILITY,
    "S": Rule.SPECIFIC_COMMITMENT,
}


@pytest.mark.parametrize(("label", "text"), SENTENCES, ids=lambda x: x[:40])
def test_sentences_written_outside_the_corpus(label: str, text: str) -> None:
    """Each is flagged (or credited) for its move; a sound one raises no warning."""
    if label == "-":
        assert flagged(text) == set()
    elif LABELS[label] in CREDITED:
        assert LABELS[label] in credited(text)
    else:
        assert LABELS[label] in flagged(text)


@pytest.mark.parametrize(("labels", "text"), TUNED, ids=lambda x: x[:40])
def test_sentences_with_every_label_they_carry(labels: str, text: str) -> None:
    """Exactly the checks labelled flag it, and it earns at least the credits labelled."""
    wanted = {LABELS[c] for c in labels if c != "-"}

    assert flagged(text) == wanted - CREDITED
    assert wanted & CREDITED <= credited(text)


STRUCTURES = [
    # a verdict resting on the provider's record, awards or signature
    ("E", "Our studio has won four design awards, so the layout is right."),
    ("E", "We have fitted over 300 kitchens, so the plan is sound."),
    ("E", "The muted palette is our signature, and it stays."),
    ("E", "Honestly, the pale oak is far more elegant than the walnut your buyer chose."),
    # denial of the provider's part, a refusal to act, fault placed on a third person
    ("B", "It isn't our fault that the parcel sat at customs for a week."),
    ("B", "The carrier lost the crate, and there was nothing more we could do."),
    ("B", "The delay on the permits really sits with them."),
    # vague quantities of problems, in place of an example
    ("G", "There have been various niggles with the new tills."),
    ("G", "It has been one setback after another on the roof."),
    ("G", "Mistakes crept in somewhere along the line."),
    ("G", "Everything on the second floor is running behind."),
    # a reminder of what was already said, in place of the facts
    ("F", "As we've explained before, the warranty covers parts only."),
    ("F", "As already laid out in the brief, the budget is fixed."),
    ("F", "Kindly refer back to Tuesday's thread for the answer."),
    ("F", "You will no doubt recall that we flagged this risk in March."),
    # the same words, sound
    ("-", "We'll recall the faulty units on Friday and replace them by 12 May."),
    ("-", "Better late than never: the signed lease is attached."),
    ("-", "We list each task with its owner, so that nothing is left to chance."),
    ("-", "We'd never turn down a site visit with your facilities lead."),
    ("-", "We've fixed the export script, so the report now lists every order."),
    ("-", "Maria is on her way with the replacement unit and will be there by 11:00."),
    ("-", "The fault was ours, and it isn't something we will let happen again."),
]


@pytest.mark.parametrize(("label", "text"), STRUCTURES, ids=lambda x: x[:40])
def test_structures_of_each_check(label: str, text: str) -> None:
    """A move is read from what the sentence does; the sound ones raise no warning."""
    if label == "-":
        assert flagged(text) == set()
    else:
        assert LABELS[label] in flagged(text)
