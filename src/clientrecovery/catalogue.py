"""The rule catalogue, as data, and the shapes of its outcomes.

Each :class:`Rule` carries a title, the article and step it comes from, a default
:class:`Severity` and whether it is *fixed* (part of the method's structural order, which no
:class:`~clientrecovery.Policy` may relax). The checks themselves live in
:mod:`clientrecovery.rules`; the documentation's rule table is rendered from this module.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

import attrs

__all__ = ["ARTICLES", "Article", "Finding", "NextAction", "Rule", "RuleSpec", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters: ERROR blocks a command; WARNING and INFO advise."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Article:
    """One of the source articles the method is drawn from."""

    key: str
    """Short key, the seed file's number: ``"000"`` … ``"004"``."""
    title: str
    """The article's title."""
    author: str
    """Who wrote it, or ``"unsigned"``."""


ARTICLES: Mapping[str, Article] = {
    a.key: a
    for a in (
        Article("000", "A Client Management Masterclass", "Busara (2009)"),
        Article("001", "Having Difficult Discussions with Clients", "Mark Mueller"),
        Article("002", "Four Skills for Successful Client Service Negotiations", "Laura Petrolino"),
        Article("003", "Dealing with a difficult client", "Mike Sisco"),
        Article("004", "Rebuilding Client Relations", "unsigned"),
    )
}
"""The five source articles, by key."""


@attrs.frozen
class RuleSpec:
    """The catalogue entry behind a :class:`Rule`."""

    title: str
    """What the rule requires, in one line."""
    source: str
    """The article(s) and step(s) it comes from, for example ``'003 §5'``."""
    default_severity: Severity
    """Its severity unless the policy says otherwise."""
    fixed: bool
    """Whether it belongs to the structural order that no policy may relax."""
    guidance: bool = False
    """Whether it reviews wording (:mod:`clientrecovery.guidance`) rather than a command."""


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO


class Rule(enum.Enum):
    """A rule of the method; the value is its stable id, so ``Rule("NOT_TODAY")`` works."""

    CHRONOLOGY = "CHRONOLOGY"
    STAGE_ORDER = "STAGE_ORDER"
    ASSESS_FIRST = "ASSESS_FIRST"
    ALIGN_FIRST = "ALIGN_FIRST"
    MEET_SWIFTLY = "MEET_SWIFTLY"
    SALVAGEABLE = "SALVAGEABLE"
    SPECIFIC_ISSUES = "SPECIFIC_ISSUES"
    CLIENT_CONFIRMS_LIST = "CLIENT_CONFIRMS_LIST"
    CLIENT_COMMITMENT = "CLIENT_COMMITMENT"
    NOT_TODAY = "NOT_TODAY"
    WRITTEN_FOLLOW_UP = "WRITTEN_FOLLOW_UP"
    SUMMARY_PROMPTLY = "SUMMARY_PROMPTLY"
    PLAN_COVERS_ISSUES = "PLAN_COVERS_ISSUES"
    PLAN_IS_SPECIFIC = "PLAN_IS_SPECIFIC"
    QUICK_WIN_FIRST = "QUICK_WIN_FIRST"
    BOTH_PARTIES = "BOTH_PARTIES"
    COST_JUSTIFIED = "COST_JUSTIFIED"
    OPTIONS = "OPTIONS"
    WIN_WIN = "WIN_WIN"
    CLIENT_AGREES_PLAN = "CLIENT_AGREES_PLAN"
    WARN_AHEAD = "WARN_AHEAD"
    CLIENT_PART = "CLIENT_PART"
    FOLLOW_UP_CADENCE = "FOLLOW_UP_CADENCE"
    COMMUNICATE_OFTEN = "COMMUNICATE_OFTEN"
    STAKEHOLDERS_INFORMED = "STAKEHOLDERS_INFORMED"
    PROMISE_KEPT = "PROMISE_KEPT"
    ISSUES_RESOLVED = "ISSUES_RESOLVED"
    COMMITMENT_FULFILLED = "COMMITMENT_FULFILLED"
    INSPECT_BEFORE_ENDING = "INSPECT_BEFORE_ENDING"
    LESSONS_KEPT = "LESSONS_KEPT"
    NO_BLAME = "NO_BLAME"
    NO_EGO = "NO_EGO"
    FACTS_NOT_EMOTION = "FACTS_NOT_EMOTION"
    NO_GENERALITIES = "NO_GENERALITIES"
    LISTENING = "LISTENING"
    TAKES_RESPONSIBILITY = "TAKES_RESPONSIBILITY"
    SPECIFIC_COMMITMENT = "SPECIFIC_COMMITMENT"

    @property
    def spec(self) -> RuleSpec:
        """The catalogue entry of this rule."""
        return CATALOGUE[self]

    @property
    def title(self) -> str:
        """What the rule requires, in one line."""
        return CATALOGUE[self].title

    @property
    def source(self) -> str:
        """The article(s) and step(s) the rule comes from."""
        return CATALOGUE[self].source

    @property
    def default_severity(self) -> Severity:
        """The severity of the rule's findings unless the policy overrides it."""
        return CATALOGUE[self].default_severity

    @property
    def fixed(self) -> bool:
        """Whether the rule is part of the structural order (its severity cannot change)."""
        return CATALOGUE[self].fixed

    @property
    def guidance(self) -> bool:
        """Whether the rule reviews wording rather than a command."""
        return CATALOGUE[self].guidance


CATALOGUE: Mapping[Rule, RuleSpec] = {
    Rule.CHRONOLOGY: RuleSpec(
        "every command's time is timezone-aware and not before the last recorded event",
        "the model's own rule",
        _E,
        True,
    ),
    Rule.STAGE_ORDER: RuleSpec(
        "a command runs only in the stages (and on items in the states) it belongs to",
        "the order of all five articles",
        _E,
        True,
    ),
    Rule.ASSESS_FIRST: RuleSpec(
        "before the client meeting: root cause, timeline, stakeholders, implications and the"
        " client's perspective are written down",
        '001 §1-3; 003 §1 ("do your homework")',
        _E,
        False,
    ),
    Rule.ALIGN_FIRST: RuleSpec(
        "before the client meeting: internal leadership has approved the approach to the"
        " current assessment",
        "001 §4",
        _E,
        False,
    ),
    Rule.MEET_SWIFTLY: RuleSpec(
        "the client is met within the policy's working days of opening the case",
        '001 §4-5 ("handle this as swiftly as possible")',
        _W,
        False,
    ),
    Rule.SALVAGEABLE: RuleSpec(
        "a client unwilling to work things out ends the relationship",
        '000 ("work out if the relationship is still salvageable")',
        _I,
        True,
    ),
    Rule.SPECIFIC_ISSUES: RuleSpec(
        "when the list is agreed, every issue is specific (an example and a measure) or"
        " dropped; an example or measure that is itself a generality is pointed out",
        "003 §1-2",
        _E,
        True,
    ),
    Rule.CLIENT_CONFIRMS_LIST: RuleSpec(
        "the client confirms the list is complete, and it holds at least one issue",
        "003 §3",
        _E,
        True,
    ),
    Rule.CLIENT_COMMITMENT: RuleSpec(
        "a measurable commitment from the client comes before planning",
        "003 §4",
        _E,
        True,
    ),
    Rule.NOT_TODAY: RuleSpec(
        "the response date and the plan come at least the policy's minimum of calendar days"
        " after the issues were agreed",
        "003 §5",
        _E,
        False,
    ),
    Rule.WRITTEN_FOLLOW_UP: RuleSpec(
        "a written summary of issues, commitment and timeframe is sent before the plan",
        "003 §6",
        _E,
        False,
    ),
    Rule.SUMMARY_PROMPTLY: RuleSpec(
        "the written summary goes out within the policy's working days of the agreement",
        '003 §6 ("as soon as possible")',
        _W,
        False,
    ),
    Rule.PLAN_COVERS_ISSUES: RuleSpec(
        "every agreed issue is addressed by at least one initiative, and only known issues are",
        "003 §7",
        _E,
        True,
    ),
    Rule.PLAN_IS_SPECIFIC: RuleSpec(
        "each initiative names an owner on a named side, a due date and a success criterion",
        '003 §7; 000 ("hard deadlines")',
        _E,
        False,
    ),
    Rule.QUICK_WIN_FIRST: RuleSpec(
        "the top-priority initiative is a quick win, due within the policy's working days of"
        " the plan",
        "003 §7",
        _W,
        False,
    ),
    Rule.BOTH_PARTIES: RuleSpec(
        "the plan gives responsibilities to both the client and the provider", "003 §7", _W, False
    ),
    Rule.COST_JUSTIFIED: RuleSpec(
        "asking the client for more money, in the plan or in an option, states the reasons"
        " and the benefits",
        "003 §7",
        _E,
        False,
    ),
    Rule.OPTIONS: RuleSpec(
        "the plan offers 2-3 options for the way forward, exactly one of them preferred",
        "001 §6",
        _E,
        False,
    ),
    Rule.WIN_WIN: RuleSpec(
        "the preferred option gains the client something, no less than any other option"
        " does, and is not tipped to the provider",
        "001 §6",
        _E,
        False,
    ),
    Rule.CLIENT_AGREES_PLAN: RuleSpec(
        "work is done only on initiatives of a plan version the client agreed",
        "003 §8",
        _E,
        True,
    ),
    Rule.WARN_AHEAD: RuleSpec(
        "a delay (a warning, a revision that moves work later, a new response date) is"
        " announced at least the policy's warning lead before the due date",
        "003 §9",
        _W,
        False,
    ),
    Rule.CLIENT_PART: RuleSpec(
        "what the client owes is quantified and dated, the client is reminded when it is"
        " late, and no wait on the client lasts longer than the policy allows",
        '003 final comments ("polite but firm")',
        _W,
        False,
    ),
    Rule.FOLLOW_UP_CADENCE: RuleSpec(
        "status checks follow the cadence (every other business day at first)",
        "003 §9",
        _W,
        False,
    ),
    Rule.COMMUNICATE_OFTEN: RuleSpec(
        "after the meeting, the provider never leaves the client without a proactive contact"
        " longer than the policy's maximum silence",
        "003 §10",
        _W,
        False,
    ),
    Rule.STAKEHOLDERS_INFORMED: RuleSpec(
        "stakeholders are told what was agreed, and again after every warned delay and"
        " every revised plan",
        "001 §7",
        _W,
        False,
    ),
    Rule.PROMISE_KEPT: RuleSpec(
        "the plan reaches the client by the promised response date, and every promise of"
        " the provider is kept by its date",
        "003 §5-6; 000",
        _W,
        False,
    ),
    Rule.ISSUES_RESOLVED: RuleSpec(
        "an issue is resolved only when its initiatives are done; closing needs every agreed"
        " issue resolved",
        "003 §7",
        _E,
        True,
    ),
    Rule.COMMITMENT_FULFILLED: RuleSpec(
        "closing needs the client's commitment fulfilled", "003 §4", _E, True
    ),
    Rule.INSPECT_BEFORE_ENDING: RuleSpec(
        "a case is ended only after the situation was assessed and the client met",
        '003 preamble ("inspect the situation" before writing a client off)',
        _W,
        False,
    ),
    Rule.LESSONS_KEPT: RuleSpec(
        "a lost case keeps the lessons learned", "004 (a learning experience)", _W, False
    ),
    Rule.NO_BLAME: RuleSpec(
        "a message assigns no blame; it takes responsibility and looks forward",
        '000 ("do not assign blame"; "accept responsibility")',
        _W,
        False,
        guidance=True,
    ),
    Rule.NO_EGO: RuleSpec(
        "a message to the client is about the client's goals, not the provider's views or pride",
        '002 ("ego has no role")',
        _W,
        False,
        guidance=True,
    ),
    Rule.FACTS_NOT_EMOTION: RuleSpec(
        "a message states facts, not emotion or defensiveness",
        '002 ("facts vs. emotion"); 004 (not combative or defensive)',
        _W,
        False,
        guidance=True,
    ),
    Rule.NO_GENERALITIES: RuleSpec(
        "a message names specifics, not generalities such as always, never, everything",
        "003 §1",
        _W,
        False,
        guidance=True,
    ),
    Rule.LISTENING: RuleSpec(
        "a message asks the client to put things in their own words, or reflects them back",
        '004 ("help me understand", "from your perspective", "I heard you say")',
        _I,
        False,
        guidance=True,
    ),
    Rule.TAKES_RESPONSIBILITY: RuleSpec(
        "a message accepts the provider's share of the problem",
        '000 ("accept responsibility")',
        _I,
        False,
        guidance=True,
    ),
    Rule.SPECIFIC_COMMITMENT: RuleSpec(
        "a message commits to something specific: a date, a number or an owner",
        '000 ("hard deadlines"); 003 §7',
        _I,
        False,
        guidance=True,
    ),
}
"""The catalogue: one :class:`RuleSpec` per :class:`Rule`."""


def describe_source(source: str) -> str:
    """Spell out the article keys of a rule's source with their titles.

    >>> describe_source("003 §5")
    '“Dealing with a difficult client” (Sisco) §5'
    """
    for key, article in ARTICLES.items():
        author = article.author.split(" (")[0].split()[-1]
        source = source.replace(key, f"“{article.title}” ({author})", 1)
    return source


@attrs.frozen
class Finding:
    """One outcome of checking a rule.

    ``str(finding)`` reads ``[RULE_ID] what is missing — source — what to do next``.
    """

    rule: Rule
    """The rule the finding is about."""
    severity: Severity
    """Its severity under the relationship's policy."""
    message: str
    """What is missing or wrong, in a sentence."""
    subject: str | None = None
    """The id of the issue, initiative, option or commitment concerned, if any."""
    hint: str = ""
    """What to do next."""
    span: tuple[int, int] | None = None
    """For a reviewed text: the ``[start, end)`` character offsets of the words concerned."""
    command: str | None = None
    """The command that resolves the finding, if one does (for a CRM to offer as a button)."""

    def __str__(self) -> str:
        parts = [f"[{self.rule.value}] {self.message}", describe_source(self.rule.source)]
        if self.hint:
            parts.append(self.hint)
        return " — ".join(parts)


@attrs.frozen
class NextAction:
    """A command that fits the relationship's stage, and what (if anything) blocks it."""

    command: str
    """The command's name, for example ``"agree_issues"``."""
    blocked_by: tuple[Finding, ...]
    """ERROR findings that would refuse the command now; empty when it can run."""
    hint: str
    """What the command does at this point, or which items it applies to."""

    @property
    def ready(self) -> bool:
        """Whether nothing blocks the command."""
        return not self.blocked_by
