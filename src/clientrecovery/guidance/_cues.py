"""What the guidance checks look for: the moves a sentence makes, as data.

A cue describes a move, not a sentence: *someone on the client's side is the subject of a
failure*, *a failure is tied to the client by a causal link*, *an absolute is applied to
people or to the work*, *the provider praises itself*, *the provider refuses or defends
itself*. Each cue is built from small word classes (who acts, what counts as a failure, what
links a cause) and may carry a veto: a pattern that, found in the same sentence, means the
move is something else (an apology, empathy, an idiom, a question put to the client).
"""

from __future__ import annotations

import re

import attrs

from clientrecovery.catalogue import Rule

__all__ = ["CREDIT_CUES", "CUES", "Cue"]


@attrs.frozen
class Cue:
    """One move a check looks for."""

    rule: Rule
    """The rule it reports under."""
    kind: str
    """What the move does, for the message: ``“…” {kind}``."""
    pattern: re.Pattern[str]
    """Where the move is, in the lower-cased prepared text (or as written, if ``cased``)."""
    unless: re.Pattern[str] | None = None
    """Found in the same sentence, the move is something else."""
    vague: bool = False
    """Only when the sentence names nothing specific (a number, a date, a weekday)."""
    hint: str = ""
    """The better move, when it differs from the check's."""
    cased: bool = False
    """Whether the pattern reads the text as written (capitals matter) rather than lower-cased."""


def _re(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case pattern: the text is lower-cased once, which makes matching
    three times faster than matching without regard to case."""
    return re.compile(pattern)


# --- word classes ----------------------------------------------------------------------------

# Who is on the client's side, and third parties a provider might point at.
_GROUP = (
    r"(?:team|staff|people|side|end|department|dept|developers?|engineers?|designers?"
    r"|colleagues?|managers?|management|board|legal|lawyers|procurement|finance|accounts"
    r"|marketing|it|office|ops|operations|approvers?|approval|sign-?off|stakeholders?"
    r"|reviewers?|admins?|administrators?|users|company|organi[sz]ation|business|group"
    r"|contact|agency|supplier|vendor|partner|boss|cfo|ceo|cto|director|head)"
)
_CLIENT = rf"(?:you|your (?:own )?(?:\w+ )?{_GROUP}|the client(?:'s (?:\w+ )?{_GROUP})?)"
_THIRD = (
    r"(?:(?:the|their|our|your|a) (?:\w+ ){0,2}?(?:supplier|vendor|subcontractor|contractor"
    r"|courier|printer|host|freelancer|intern|junior|temp|previous agency|old agency"
    r"|other agency|partner|developer|designer|they|third party|new hire|account manager)s?"
    r"|they|their (?:\w+ )?" + _GROUP + r")"
)
_ADV = r"(?:(?:just|simply|clearly|obviously|repeatedly|still|again|also|then|completely"
_ADV += r"|totally|somehow|apparently|evidently|unfortunately|never once) )?"
# What a person can fail at.
_ACTS = (
    r"(?:tell|told|send|sent|give|gave|provide|provided|read|answer|answered|reply|replied"
    r"|respond|responded|listen|listened|follow|followed|approve|approved|sign|signed|check"
    r"|checked|test|tested|review|reviewed|share|shared|confirm|confirmed|pay|paid|supply"
    r"|supplied|deliver|delivered|get back|got back|return|returned|let us know|turn up"
    r"|show up|attend|attended|update|updated|inform|informed|mention|mentioned|flag|flagged"
    r"|specify|specified|agree|agreed|book|booked|prepare|prepared|upload|uploaded"
    r"|respect|stick to|stuck to|meet|met|honou?r|honou?red|bother|submit|submitted"
    r"|fill|filled|complete|completed|make|made|do|did|keep|kept|brief|briefed|clarify"
    r"|clarified|come back|came back|get|got|grant|granted|chase|chased)"
)
_FAILED = (
    r"(?:failed|forgot|forgotten|ignored|missed|neglected|overlooked|broke|broken|caused"
    r"|delayed|misunderstood|misread|misjudged|mixed up|messed up|screwed up|botched"
    r"|dropped the ball|let (?:us|this|it|the \w+) (?:down|slip)|held (?:us|things|it|this"
    r"|everything|the \w+) up|sat on|blew|went quiet|went silent|went dark|disappeared"
    r"|changed (?:your|their|the) (?:mind|minds|requirements|brief|scope|spec|priorities)"
    r"|keeps? (?:changing|moving|missing|forgetting|asking|adding|sending|ignoring)"
    r"|kept (?:changing|moving|missing|forgetting|asking|adding|sending|ignoring)"
    r"|(?:were|was|are|is|have been|has been) (?:\w+ )?(?:late|slow|wrong|unclear|vague"
    r"|incomplete|unresponsive|unavailable|missing|inconsistent|contradictory|careless)"
    r"|(?:came|come|arrived?|sent|got) (?:\w+ ){0,4}?(?:late|wrong|incomplete)"
    rf"|(?:didn't|did not|never|haven't|have not|hasn't|has not|hadn't|had not|couldn't"
    rf"|could not|wouldn't|would not|won't|failed to|neglected to|forgot to|refused to"
    rf"|omitted to|chose not to|decided not to|don't|do not|doesn't|does not) (?:even )?"
    rf"(?:\w+ )?{_ACTS})"
)
# Words that tie an outcome to a cause.
_BECAUSE = (
    r"(?:because of|due to|thanks to|owing to|on account of|down to|result(?:ed|s|ing)? from"
    r"|(?:a |the )?result of|caused by|stem(?:s|med|ming)? from|came from|comes? from"
    r"|traced? (?:back )?to|(?:a |the )?consequence of|(?:a |the )?product of"
    r"|attributable to|(?:is|was|lies|rests|sits) with|the fault of|blame (?:lies )?(?:on|with)"
    r"|triggered by|brought on by|driven by|started with|originated (?:with|in|from))"
)
_PROBLEM = (
    r"(?:delays?|slips?|slippage|problems?|issues?|errors?|mistakes?|bugs?|defects?|faults?"
    r"|outages?|failures?|overruns?|overspend|hold-?ups?|bottlenecks?|blockers?|gaps?"
    r"|confusion|mess|mix-?up|misunderstanding|breakdown|rework|lateness|trouble|setbacks?"
    r"|knock-on|downtime|disruption|backlog|extra cost|extra work|wasted)"
)
_EMPATHY = (
    r"(?:sorry|apologi[sz]|apology|understand(?:able)?|understood|i can see|i see why|i hear"
    r"|i appreciate|we appreciate|must (?:have been|be|feel)|i know how|we know how"
    r"|i imagine|i can imagine|makes sense|fair enough|no wonder|rightly|right to|thank"
    r"|regret|acknowledge|your (?:frustration|concern|anger|disappointment|annoyance)"
    r"|for you|to you|left you|leaves you|made you|making you|you(?:'re| are| were|'ve been"
    r"| have been| feel| felt| must)|how (?:frustrating|difficult|hard|upsetting))"
)
_FEELING = (
    r"(?:frustrat(?:ed|ing)|annoy(?:ed|ing)|angry|irritat(?:ed|ing)|upset(?:ting)?|fed up"
    r"|sick of|tired of|exasperat(?:ed|ing)|furious|fuming|livid|outraged|offended|insulted"
    r"|hurt|appalled|disgusted|shocked|stunned|astonished|baffled|bewildered|insulting"
    r"|disappointed|exhausted|at (?:my|our) wits'? end|had enough|losing patience"
    r"|lost patience|can't believe|cannot believe|unbelievable|beyond belief)"
)
_OUTBURST = (
    r"(?:ridiculous|absurd|outrageous|insane|crazy|preposterous|laughable|ludicrous"
    r"|unreasonable|unacceptable|disgraceful|pathetic|stupid|idiotic|nonsense|rubbish"
    r"|shambles|a joke|a farce|a circus|a mess|a disaster|disastrous|a nightmare|a shambles"
    r"|shocking|appalling|atrocious|dreadful|terrible|horrible|awful|outrageously"
    r"|unprofessional|insulting|petty|childish|hysterical|paranoid|dramatic|overreact\w*"
    r"|unrealistic|impossible demands?|no-?brainer|utterly|seriously\?|come on)"
)
_WE = r"(?:we|i|our team|the team|our (?:\w+ )?(?:people|staff|designers|developers|engineers))"
_WE_BE = r"(?:we(?:'re| are| were)|i(?:'m| am| was)|our team (?:is|was)|the team (?:is|was))"

# --- the cues --------------------------------------------------------------------------------

_B, _E, _F, _G = Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES
_QUESTION_TO_CLIENT = r"^\s*(?:could|can|would|will|did|do|have|has|were|was|is|are)\b[^?]*\?"

CUES: tuple[Cue, ...] = (
    # NO_BLAME: the client, or a third party, is the subject of a failure.
    Cue(
        _B,
        "makes the client the subject of a failure",
        _re(rf"\b{_CLIENT}(?: \w+)?? {_ADV}{_FAILED}\b"),
        _re(
            _QUESTION_TO_CLIENT + r"|\bif you (?:ever )?(?:don't|do not|didn't|haven't)\b"
            r"|\b(?:in case|unless|so that|so) you\b|\b(?:we|i) (?:\w+ )?(?:missed|didn't"
            r"|did not|failed|forgot|never)\b"
        ),
    ),
    Cue(
        _B,
        "ties the failure to the client",
        _re(rf"\b{_BECAUSE} (?:\w+ ){{0,3}}?(?:your|you|the client'?s?|yours)\b"),
        _re(
            r"\b(?:thanks to your (?:help|patience|feedback|support|quick|prompt|input)"
            r"|due to you (?:on|by)|comes? from your (?:side|team) (?:by|on)"
            r"|come from you)"
        ),
    ),
    Cue(
        _B,
        "places the problem on the client's side",
        _re(
            rf"\b(?:{_PROBLEM}|(?:the )?(?:hold-?up|fault|problem|ball|blame|delay|cause|issue"
            r"|responsibility|bottleneck))(?: \w+){0,5}? (?:is|was|are|were|lies|lay|sits|sat"
            r"|rests|remains|seems to be|appears to be|has been) (?:\w+ )?(?:on|at|with|from"
            r"|in) (?:your|the client's) (?:side|end|court|desk|hands|team|department)\b"
            r"|\b(?:on|at) your (?:end|side) (?:is|was|has been|caused|held|meant)\b"
            r"|\bthe ball (?:is|was) in your court\b"
        ),
    ),
    Cue(
        _B,
        "assigns blame",
        _re(
            r"\b(?:your|the client's|their) (?:own )?(?:fault|mistake|error|oversight|failure"
            r"|negligence|omission|doing|responsibility|problem|lookout)\b"
            r"|\b(?:that|this|it)(?:'s| is| was) (?:all )?(?:on|down to) (?:you|them)\b"
            r"|\b(?:it|that|this) (?:was|is|'s) (?:all )?your (?:own )?(?:decision|choice|call"
            r"|idea|request|wish)\b|\b(?:you|they)(?:'re| are| were) the (?:ones?) who\b"
            r"|\b(?:blam(?:e|ed|es|ing)|at fault|culprit|to blame)\b"
            r"|\byou (?:insisted on|chose|opted for|decided on|asked for) (?:\w+ ){0,4}?(?:so|and"
            r" now|which is why|that's why|hence)\b"
        ),
        _re(
            r"\b(?:no|not|nobody|no one|never|don't|do not|won't|isn't|without|rather than"
            r"|instead of)\b (?:\w+ ){0,3}?blam|\bnot (?:about|here to) \w+ blame"
            r"|\byour (?:problem|responsibility) (?:statement|owner|list)"
            r"|\b(?:our|my) (?:fault|mistake)|\bthe responsibility (?:is|was) ours"
        ),
    ),
    Cue(
        _B,
        "denies responsibility",
        _re(
            r"\bnot (?:our|my) (?:fault|problem|responsibility|doing|concern|issue|mistake|job)\b"
            r"|\bnothing to do with (?:us|me|our)\b|\b(?:out of|beyond|outside) (?:our|my)"
            r" (?:hands|control|remit)\b|\b(?:we|i) (?:can't|cannot|can not|won't|will not"
            r"|shouldn't) be (?:held )?(?:responsible|accountable|liable|blamed)\b"
            r"|\b(?:we|i)(?:'re| are| were| was|'m| am) not (?:responsible|to blame|at fault"
            r"|accountable|liable)\b|\bresponsibility (?:lies|rests|sits|falls) (?:with|on)"
            r" (?:you|your|the client|them|their)\b|\bwash (?:our|my) hands\b"
        ),
    ),
    Cue(
        _B,
        "says what the client should have done",
        _re(
            r"\b(?:you|your (?:\w+ )?" + _GROUP + r") (?:really )?(?:should|ought to|could"
            r"|needed to|were supposed to|was supposed to|had to)(?:n't)? (?:have )?"
            r"(?:\w+ed|\w+en|told|sent|known|read|done|given|made|got|kept|thought)\b"
            r"|\bif (?:only )?(?:you|your (?:\w+ )?" + _GROUP + r")(?:'d| had)(?:n't| not)?"
            r" \w+[^.?!;]*\b(?:would|could|might)(?:n't| not)? have\b"
            r"|\bhad (?:you|your (?:\w+ )?" + _GROUP + r") (?:\w+ ){0,6}?(?:we|this|it|the)"
            r" (?:\w+ ){0,4}?(?:would|could|might)\b"
        ),
        _re(r"\b(?:we|i) (?:really )?should(?:n't)? have\b"),
    ),
    Cue(
        _B,
        "blames someone else",
        _re(
            rf"\b{_THIRD} {_ADV}(?:{_FAILED}|let us down|dropped the ball|was to blame|were to"
            r" blame|is to blame)\b"
        ),
        _re(
            _QUESTION_TO_CLIENT + r"|\b(?:we|i) (?:\w+ )?(?:missed|didn't|failed|should have)"
            r"|\bour (?:fault|mistake|responsibility)|\bon us\b|\bwe (?:take|accept|own)"
        ),
    ),
    # NO_EGO: the provider's views, pride and expertise at the centre.
    Cue(
        _E,
        "puts the provider's opinion at the centre",
        _re(
            r"\b(?:i|we) (?:really |strongly |personally |honestly |still |firmly |genuinely |do"
            r" |truly )?(?:think|believe|feel|reckon|insist|maintain|prefer|know best|know"
            r" better|know what(?:'s| is) (?:best|right)|are (?:sure|certain|convinced|positive"
            r"|adamant)|'re (?:sure|certain|convinced|positive|adamant)|'m (?:sure|certain"
            r"|convinced|positive|adamant)|am (?:sure|certain|convinced|positive|adamant))\b"
            r"|\bin (?:my|our) (?:\w+ )?(?:opinion|view|judge?ment|experience|eyes)\b"
            r"|\b(?:my|our) (?:own )?(?:opinion|view|preference|taste|instinct|gut|position"
            r" is|creative vision|vision for)\b|\bwe(?:'d| would) (?:much )?(?:rather|prefer)\b"
        ),
        _re(
            r"\b(?:i|we) (?:\w+ )?(?:think|feel|believe) (?:\w+ )?(?:sorry|terrible|awful|bad"
            r" about)|\bfeel free\b|\bi(?:'m| am) sure you(?:'ll| will)? (?:understand|agree)\b"
            r"|\b(?:we|i) (?:think|believe|feel|reckon) (?:that )?(?:we|i) (?:\w+ )?(?:owe|should"
            r" have|missed|got|were wrong|let you|underestimated|fell short|dropped|failed)\b"
            r"|\bi (?:think|believe) (?:you|your)(?:'re| are)? (?:right|correct)\b"
        ),
    ),
    Cue(
        _E,
        "leans on the provider's expertise",
        _re(
            r"\b(?:as|being|we(?:'re| are)|i(?:'m| am)) (?:the |your |an? )?(?:\w+ )?(?:experts?"
            r"|specialists?|professionals?|authorit(?:y|ies)|agency|consultants?|pros)"
            r"(?: here| in this| on this|,)"
            r"|\b(?:with|given|after|from|in) (?:all )?(?:my|our) (?:\w+ ){0,3}?(?:expertise"
            r"|experience|know-?how|track record|credentials)\b"
            r"|\b(?:my|our) (?:\d+|many|decades of|years of|long|proven|extensive|deep)"
            r" (?:\w+ )?(?:years?|expertise|experience|track record)\b"
            r"|\b(?:trust|believe) (?:us|me)(?:,|\b(?! to| on| by| with))"
            r"|\bwe know (?:best|better|what (?:works|your|you|is best|'s best|is right)|how to"
            r" (?:do|run) (?:this|our|these|a))"
            r"|\bwe can (?:tell|see) (?:you )?what (?:your|you|the)\b"
            r"|\b(?:we|i)(?:'ve| have) (?:been doing|done) (?:this|these|it)(?: kind of \w+)?"
            r" (?:for|\w+ times|before|a thousand|hundreds|more times)\b"
            r"|\bwe(?:'re| are) (?:the )?(?:ones|people) who know\b"
            r"|\b(?:leave|let) (?:the )?(?:\w+ )?(?:design|creative|technical|decisions?|it|that)"
            r" (?:\w+ )?(?:to us|to the experts)\b|\bwe know what we(?:'re| are) doing\b"
        ),
    ),
    Cue(
        _E,
        "praises the provider",
        _re(
            r"\b(?:our|my) (?:\w+ )?(?:award-?winning|world-?class|industry-?leading|best-in-class"
            r"|top-?notch|first-?class|excellent|outstanding|fantastic|brilliant|superb"
            r"|exceptional|stellar|impeccable|flawless|high|exemplary|great|talented|amazing"
            r"|unrivalled|unmatched|senior)(?: \w+)? (?:work|team|designs?|agency|people|staff"
            r"|quality|service|record|standards?|reputation|engineers|developers|designers"
            r"|portfolio|output|talent)\b"
            r"|\b(?:our|my) (?:reputation|track record|awards?|portfolio|pedigree|standing"
            r"|credentials|results elsewhere)\b"
            r"|\bspeaks? for (?:itself|themselves)\b|\bproud(?:ly)?\b|\bpride (?:ourselves"
            r"|myself)\b"
            r"|\b(?:we|our \w+)(?:'re| are| have)? (?:the )?(?:best|finest|leading|top|number one"
            r"|market leaders?|strongest|most experienced)\b"
            r"|\bbetter than (?:any|other|most) (?:\w+ )?(?:agenc|provider|firm|compan|supplier"
            r"|vendor|team)\w*"
            r"|\b(?:no|none of our) other clients? (?:\w+ ){0,2}?(?:has|have|had|complain)"
            r"|\b(?:all|every one|most) of our (?:other )?clients\b"
            r"|\bwe(?:'ve| have) never (?:had|seen|received|been)\b"
            r"|\b(?:clients|others|everyone else) (?:love|loves|praise|rave about) (?:our|us)\b"
            r"|\b(?:our|the) (?:design|work|solution|approach|concept|plan|code) (?:is|was|are"
            r"|were) (?:clearly |obviously |simply |objectively )?(?:right|correct|better"
            r"|superior|excellent|the best|the right one|strong|sound|fine)\b"
        ),
        _re(r"\bproud to (?:\w+ )?(?:work|help) (?:with|for) you\b|\bnot proud\b"),
    ),
    Cue(
        _E,
        "speaks of the provider's interests",
        _re(
            r"\b(?:important|hard|difficult|tough|frustrating|painful|stressful|inconvenient"
            r"|costly|expensive|embarrassing|awkward|a lot of work|demanding|unfair|tiring"
            r"|draining|easier|better|a problem|a big deal|a blow|a hit) for (?:me|us|our"
            r" (?:team|business|agency|company|people|margins?)|the (?:team|agency))\b"
            r"|\b(?:our|my) (?:margins?|profit|bottom line|image|brand|name|time is|schedule"
            r" is|other clients)\b|\bwe (?:have|need|want) to protect (?:our|the team's)\b"
            r"|\bwe(?:'re| are) (?:a )?(?:busy|stretched|overloaded|swamped)\b"
            r"|\bwe have other clients\b"
        ),
    ),
    # FACTS_NOT_EMOTION: emotion, defensiveness, combative tone, passive aggression.
    Cue(
        _F,
        "is emotional",
        _re(rf"\b{_OUTBURST}\b"),
        _re(
            r"\b(?:sorry|apologi[sz]e)\b(?!,? but)|\bunderstand(?:ably)? (?:why|how|that|your)"
            r"|\bi can see (?:why|how)\b|\b(?:you|your \w+) (?:called|described|said|told us)"
            r"|\b(?:rightly|fairly|fair to) (?:\w+ )?(?:called|say)"
            r"|\bit was unacceptable (?:of|for) us\b|\bunacceptable (?:on our part|of us|from us)"
            r"|\bour (?:\w+ )?(?:was|were) (?:\w+ )?(?:unacceptable|unprofessional)"
            r"|\bwe (?:were|was) (?:\w+ )?(?:unprofessional|unacceptable)"
            r"|\b(?:that|this|it) (?:was|is) unacceptable,? and (?:we|i)\b"
        ),
    ),
    Cue(
        _F,
        "is emotional",
        _re(rf"\b{_FEELING}\b"),
        _re(
            rf"{_EMPATHY}|\bnot (?:at all )?{_FEELING}|\b(?:no|never|not) (?:one )?to"
            r" (?:be )?(?:upset|frustrat)|\bif (?:you|this|that|anything)\b"
            r"|\bwhat (?:\w+ ){0,3}(?:frustrat|upset|annoy|disappoint)"
        ),
    ),
    Cue(
        _F,
        "is emotional",
        _re(
            rf"\b{_WE_BE} (?:\w+ ){{0,2}}?{_FEELING}\b|\b(?:frankly|honestly|quite frankly"
            r"|to be (?:brutally )?(?:honest|frank)),? (?:\w+ ){0,6}?(?:you|your|these|this"
            r" (?:kind|sort)|we(?:'re| are) (?:tired|sick|fed up|done|not)|i(?:'m| am)"
            r" (?:tired|sick|fed up|done|not))\b"
        ),
        _re(
            r"\b(?:sorry|apologi[sz]e|our (?:\w+ )?(?:estimate|mistake|error|fault)|we (?:\w+ )?"
            r"(?:missed|got|were wrong|fell|should have|underestimated|owe you))\b"
            r"|\bhonestly,? (?:we|i) (?:don't|do not) (?:yet )?know\b"
        ),
    ),
    Cue(
        _F,
        "is defensive",
        _re(
            r"\bwe (?:did|have done|'ve done) (?:absolutely )?(?:nothing wrong|everything (?:right"
            r"|correctly|we (?:could|were asked|said)|asked|by the book|possible|in our power)"
            r"|our (?:job|part|best))\b"
            r"|\bwe (?:\w+ )?(?:followed|met|delivered|did|built|implemented|produced|executed)"
            r" (?:\w+ ){0,4}?(?:exactly|precisely|to the letter|as (?:agreed|specified|briefed"
            r"|asked|requested|instructed|signed off|per the))"
            r"|\b(?:exactly|precisely) what (?:you|was|the brief|your team) (?:\w+ )?(?:asked"
            r"|agreed|specified|signed|approved|requested|wanted)"
            r"|\b(?:that|this|it)(?:'s| is| was) (?:simply |just |absolutely |categorically )?"
            r"(?:not|un)(?:true|fair|accurate|the case|correct|what happened|justified"
            r"|warranted)\b"
            r"|\b(?:we|i) (?:\w+ )?(?:stand by|reject|dispute|deny|disagree with|take issue"
            r" with|object to|resent)\b"
            r"|\b(?:we|i) (?:won't|will not|refuse to|are not going to|'re not going to|am not"
            r" going to|'m not going to|do not intend to|don't intend to|cannot|can't|shall"
            r" not) (?:simply |just )?(?:be (?:pushed|bullied|forced|pressured|pressed|dictated"
            r"|rushed|held|dragged|made|talked|railroaded|strong-?armed|lectured)"
            r"|accept (?:that|this|the|your|blame|responsibility|liability)|tolerate|entertain"
            r"|agree to|apologi[sz]e|rebuild|redo|start over|start again|re-?do|rewrite"
            r"|do (?:that|this|it) again|discuss this further|keep (?:doing|going over)"
            r"|take (?:that|this|the blame))"
            r"|\b(?:under|have|has|had) no obligation\b|\b(?:we're|we are|we were) not obliged"
            r"|\bthe (?:contract|agreement|sow|statement of work|brief|spec) (?:\w+ )?(?:clearly|"
            r"plainly|explicitly|expressly)\b|\bas per (?:the|our) (?:contract|agreement|terms"
            r"|sow|statement of work)\b|\b(?:was|is|were|are)(?:n't| not) (?:in|part of|within)"
            r" (?:the|our) (?:\w+ )?(?:scope|contract|agreement|brief|remit)\b"
            r"|\bthere(?:'s| is) nothing (?:more |else )?(?:we|i) (?:can|could) do\b"
            r"|\bthat(?:'s| is) not how (?:this|it|we|things) (?:works?|do things)\b"
            r"|\bwe(?:'ve| have) (?:already )?(?:bent over backwards|gone above|done more than"
            r"|done (?:more than )?enough|been more than (?:fair|patient|reasonable|generous))"
            r"|\b(?:take it or leave it|final offer|non-?negotiable|end of (?:story|discussion))\b"
            r"|\bwe (?:can't|cannot) (?:be expected|keep)\b|\bno (?:one|reasonable)"
            r" (?:\w+ )?(?:could|would) have\b|\bwe(?:'re| are) not (?:going to|here to)"
            r" (?:apologi|argue|debate|re-?litigate)"
        ),
        _re(r"\b(?:sorry|apologi[sz]e) (?:that|for)\b.*\bwe\b"),
    ),
    Cue(
        _F,
        "is combative",
        _re(
            r"\byou(?:'re| are) (?:(?:just|simply|completely|plainly|clearly|quite|being|now"
            r"|frankly) )*(?:wrong|mistaken|confused|overreacting|unreasonable|exaggerating"
            r"|not listening|missing the point|being difficult|impossible|hysterical"
            r"|dramatic|emotional|picky|demanding|nitpicking)\b"
            r"|\bwith (?:all )?(?:due )?respect\b|\bcalm down\b|\bhow dare\b|\bget a grip\b"
            r"|\byou (?:clearly |obviously |simply |just |still )?(?:don't|do not|fail to"
            r"|can't|cannot) (?:seem to )?(?:understand|get it|grasp|appreciate|see|know)\b"
            r"|\byou (?:have|had) no idea\b|\bno idea what you(?:'re| are) talking about\b"
            r"|\b(?:let me|i'll|i will|i need to|i must|allow me to) (?:be (?:very |perfectly"
            r" |absolutely )?clear|say (?:it|this) (?:again|once more)|spell (?:it|this) out"
            r"|remind you|repeat myself)\b|\bmake no mistake\b|\bto be (?:perfectly |very"
            r" |absolutely )?clear\b"
            r"|\bif you(?:'d| had)? (?:\w+ )?(?:bothered|actually|even|only|properly|carefully)"
            r" (?:to )?(?:read|look|listen|check)"
            r"|\byou (?:need|have|ought) to (?:understand|accept|realise|realize|calm|stop|learn"
            r"|get used|face)\b|\bwhatever you (?:say|want|think)\b|\bif that's what you want\b"
            r"|\bgood luck with\b|\byou (?:people|lot)\b|\bwhat (?:exactly )?do you expect\b"
            r"|\bhow (?:many times|often) (?:do|must|have) (?:we|i)\b|\bi don't care\b"
            r"|\bthat's your (?:problem|call|lookout)\b|\bdeal with it\b|\bget over it\b"
            r"|\bstop (?:\w+ing)\b (?:us|me|the team)|\bwhy (?:on earth|would you|didn't you"
            r"|did you|can't you|won't you|do you keep)"
            r"|\byour (?:constant|endless|incessant|repeated|continual|unreasonable|demanding)"
            r" (?:\w+ )?(?:demands|complaints|requests|changes|emails|calls|interference"
            r"|micromanagement|criticism)\b"
        ),
    ),
    Cue(
        _F,
        "is passive-aggressive",
        _re(
            r"\bper (?:my|our) (?:last|previous|earlier|prior|below|above) (?:\w+ )?(?:email"
            r"|e-mail|message|note|mail|reply|call|letter)\b"
            r"|\bas (?:i|we|was) (?:\w+ )?(?:said|mentioned|explained|stated|noted|pointed out"
            r"|told you|wrote|highlighted|flagged|made clear|outlined|communicated|advised"
            r"|set out)(?! in the plan| on page| in section| in the attached)"
            r"|\bas (?:previously|already|clearly|repeatedly) (?:\w+ )?(?:said|stated|mentioned"
            r"|explained|discussed|communicated|agreed|noted|advised|requested|indicated)\b"
            r"|\blike (?:i|we) (?:said|told you|mentioned|explained)\b"
            r"|\b(?:i|we) (?:already |have already |did |had )?(?:told|warned|reminded) you\b"
            r"|\bas you (?:would|should|will|may|might|must) (?:\w+ )?(?:know|recall|remember"
            r"|be aware|have seen|have read|already know)\b|\bas i'm sure you(?:'re| are)?"
            r" (?:\w+ )?aware\b|\b(?:just )?a (?:friendly|gentle|quick|polite|final)"
            r" reminder\b|\b(?:just )?to (?:reiterate|repeat|remind you|re-?state)\b"
            r"|\bfor the (?:second|third|fourth|fifth|sixth|umpteenth|hundredth|\w+th|last)"
            r" time\b|\b(?:once|yet) again,? (?:i|we|you|the)\b|\bnot sure (?:how|what) else\b"
            r"|\bi'm not sure what(?:'s| is| was) unclear\b|\bwhat (?:part|bit) of\b"
            r"|\b(?:please|kindly) (?:\w+ )?(?:refer|see|look) (?:back )?(?:to|at) (?:my|our|the"
            r" previous|the earlier|the below|the above)\b"
            r"|\b(?:thanks|thank you) (?:\w+ )?for (?:finally|eventually|at last)\b|\bfinally"
            r" (?:got|getting|sent|replied|responded|answered|read|came|decided|made)\b"
            r"|\b(?:glad|nice|good|great) (?:to see )?(?:that )?you(?:'ve| have)? finally\b"
            r"|\bi(?:'m| am) sure you(?:'re| are)? (?:very |extremely )?busy\b"
            r"|\bif it's not too much (?:trouble|to ask)\b|\b(?:happy|glad) to (?:explain|go over"
            r"|repeat|walk you through) (?:it|this|that) (?:again|once more)\b|\bi (?:would|'d)"
            r" have thought\b|\bsurely you\b|\bwith respect\b|\bnoted\.|\bgoing forward,? please"
            r" (?:make sure|ensure|remember)|\bmoving forward,? please (?:ensure|make sure)"
            r"|\bin case (?:it|that) (?:wasn't|was not|isn't) clear\b|\bi'll (?:say|put) it"
            r" (?:another way|simply)\b|\bfyi,? (?:this|that|we|i)\b|\bfriendly nudge\b"
            r"|\bwe(?:'ve| have) been (?:more than )?(?:very )?(?:patient|understanding)\b"
            r"|\bsome of us\b|\bif you (?:had )?(?:checked|read) your (?:inbox|emails?)\b"
        ),
    ),
    Cue(
        _F,
        "raises its voice",
        re.compile(r"[!?]*![!?]*!|\?!|!\?|\b[A-Z]{3,}(?: [A-Z]{2,})+\b"),
        cased=True,
    ),
    # NO_GENERALITIES: absolutes applied to people or to the work; vague complaints.
    Cue(
        _G,
        "is a generality",
        _re(
            r"\b(?:always|never|constantly|continually|continuously|forever|invariably"
            r"|perpetually|incessantly|endlessly|eternally)\b"
            r"|\b(?:again and again|over and over|time and (?:time )?again|all the time"
            r"|every (?:single )?time|each and every|without fail|at every turn|every single"
            r"|day in,? day out|week in,? week out|on a daily basis|each time|any time)\b"
        ),
        _re(
            r"\b(?:never|don't|do not) hesitate\b|\bnever mind\b|\b(?:always|forever) (?:\w+ )?"
            r"(?:happy|glad|pleased|delighted|welcome|available|here|there|reachable|ready|keen"
            r"|open|grateful|thankful|on hand|at your (?:disposal|service)|free to)\b"
            r"|\bas (?:always|ever)\b|\b(?:can|may|could) always\b|\bfeel free\b"
            r"|\bnever too (?:late|early)\b|\balways (?:call|ring|email|reach|contact|ask)\b"
            r"|\b(?:we|i)(?:'ll| will| shall) always (?:\w+ )?(?:tell|call|copy|send|give|let|keep"
            r"|confirm|share|flag|include|answer|reply|respond|be)\b"
            r"|\b(?:each time|every time|any time|anytime) (?:you|the|a|an|we|it|this|that|there"
            r"|something|someone)\b(?![^.?!;]*\b(?:never|fail|late|wrong|broke|miss|ignore))"
            r"|\bnever (?:again )?(?:be )?(?:left|leave) (?:you )?(?:without|in the dark)\b"
            r"|\b(?:i|we)(?:'ve| have) never (?:been|felt) (?:more|so)\b"
        ),
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\b(?:everything|nothing|everyone|everybody|nobody|no one|no-one|none of (?:it|this"
            r"|them|us|you|your|the))\b(?: \w+){0,3}? (?:is|was|are|were|has|have|had|seems?"
            r"|went|goes|works?|worked|broke|breaks|ever|really|actually|\w+s|\w+ed|can|could"
            r"|will|would|did|does|do|cares?|knows?)\b"
            r"|\b(?:all|every one) of (?:your|the|these|those|our) (?:\w+ )?(?:complaints|issues"
            r"|problems|tickets|requests|changes|concerns|emails|bugs|errors|delays|mistakes"
            r"|deliverables|reports|releases|deadlines|points)\b"
            r"|\b(?:completely|totally|utterly|entirely|fundamentally|thoroughly|hopelessly"
            r"|wholly|absolutely) (?:wrong|useless|broken|unacceptable|failed|unusable|worthless"
            r"|inadequate|off|unreliable|incompetent|unworkable|hopeless|awful|terrible|poor)\b"
            r"|\bnothing (?:ever|works|gets|is (?:ever|done|right))\b|\bnever once\b"
        ),
        _re(
            r"\b(?:is there|was there|has there been) (?:anything|anyone)\b|\bno one (?:else )?"
            r"(?:should|deserves|wants)\b|\bnothing (?:is |was )?(?:missing|left out|else|more)"
            r"|\beveryone (?:on|in|at) (?:the|our|your|this) (?:call|meeting|thread|list|email)"
            r"|\bnothing (?:changes|will change) (?:for you|in|on)\b|\bnothing to (?:pay|do)\b"
            r"|\bnone of (?:this|it) (?:is|was) (?:your|on you)"
        ),
    ),
    Cue(
        _G,
        "is a vague complaint",
        _re(
            r"\b(?:has|have|had) been (?:\w+ )?(?:patchy|spotty|inconsistent|hit and miss"
            r"|hit-and-miss|up and down|shaky|poor|rough|bumpy|mixed|sloppy|slipping|lacking"
            r"|below par|subpar|sub-par|not great|disappointing|so-so|uneven|variable|lax"
            r"|slack|messy|chaotic|all over the place|a struggle|an issue|a problem|a concern)\b"
            r"|\b(?:things|stuff|it|standards|quality|service|communication|work|delivery"
            r"|performance|responsiveness) (?:have|has|had|keeps?|kept|are|is|seem|seems) (?:been"
            r" )?(?:\w+ )?(?:slipping|sliding|going wrong|falling|dropping|deteriorating"
            r"|getting worse|breaking|falling apart|falling through the cracks|off track|not"
            r" (?:great|good|right|ideal|up to))\b"
            r"|\b(?:a lot of|lots of|loads of|plenty of|so many|too many|numerous|countless"
            r"|various|a number of|endless|constant|repeated|ongoing|persistent|recurring"
            r"|frequent|the usual|all sorts of|all kinds of|a string of|a series of"
            r"|a catalogue of|one thing after another|issue after issue|problem after problem)"
            r" (?:\w+ )?" + _PROBLEM + r"\b"
            r"|\b(?:for (?:a while|some time|ages|months|weeks|a long time)|lately|of late"
            r"|recently|these days|across the board|here and there|on and off|now and then"
            r"|from time to time|more often than not|most of the time|a lot of the time|again)\b"
            r"(?=[^.?!;]*\b(?:poor|bad|patchy|late|slow|wrong|off|sloppy|issues|problems"
            r"|mistakes|errors|slipping|quality|lacking|worse|disappointing|frustrat\w*)\b)"
            r"|\b(?:in general|generally|overall|by and large|as a whole|on the whole|broadly)"
            r"(?=[^.?!;]*\b(?:poor|bad|patchy|late|slow|wrong|sloppy|issues|problems|mistakes"
            r"|errors|slipping|lacking|worse|disappointing|not (?:good|great|up))\b)"
            r"|\b(?:the|your|our|their) (?:general |overall )?(?:quality|standard|service"
            r"|communication|work|output|performance|responsiveness|attitude|support|process"
            r"|reporting|delivery|engagement) (?:is|was|has been|are|were) (?:\w+ )?(?:poor"
            r"|bad|patchy|lacking|disappointing|not good enough|subpar|below|inconsistent|weak"
            r"|sloppy|shoddy|not up to|not where|unacceptable|terrible|awful|mediocre|lax)\b"
            r"|\bsomething (?:always |usually |often )?(?:goes|went|is|was) (?:\w+ )?wrong\b"
            r"|\b(?:these|such|those|this kind of|that kind of|the same old) (?:\w+ )?(?:issues"
            r"|problems|mistakes|errors|complaints|delays) (?:keep|keeps|are|have)\b"
        ),
        vague=True,
    ),
)
"""The checks' cues, in report order."""

# --- credits: what the articles ask for ------------------------------------------------------

_L, _R, _S = Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT
_OWNER = r"(?:team|lead|manager|engineer|designer|developer|director|tester|reviewer|analyst)"
_WHEN = (
    r"(?:\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight"
    r"|noon|midday|end of (?:the )?(?:day|week|month)|close of business|next week|january"
    r"|february|march|april|may|june|july|august|september|october|november|december|one|two"
    r"|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifteen|thirty)\b)"
)
_TENTATIVE = r"\?\s*$|\b(?:might|may|could|hope to|try to|aim to|should be able)\b"

CREDIT_CUES: tuple[Cue, ...] = (
    Cue(
        _L,
        "asks the client to articulate",
        _re(
            r"\bhelp (?:me|us) (?:to )?(?:understand|see|get)\b|\bfrom your (?:own )?(?:perspective"
            r"|point of view|side|standpoint|seat|vantage point|end|angle)\b|\bfrom where you"
            r" (?:sit|stand)\b|\b(?:can|could|would) you (?:\w+ )?(?:walk|take) (?:me|us)"
            r" (?:through|back)\b|\btell (?:me|us) (?:more|how|what|which|where|when|about)\b"
            r"|\bwhat (?:would|does|did|should|could) (?:\w+ ){0,5}?(?:look like|mean|matter|feel"
            r" like) (?:for|to) you\b|\bhow (?:did|does|has|have|would|is) (?:\w+ ){0,5}?"
            r"(?:affect(?:ed|ing)?|impact(?:ed|ing)?|land(?:ed)? (?:for|with)|feel for) (?:you"
            r"|your)\b|\bwhat matters (?:most )?to you\b|\bwhat (?:else )?(?:have|did) (?:we|i)"
            r" miss\b|\bwhat (?:could|should) (?:we|i) have done (?:differently|better)\b"
            r"|\bwhat (?:would|will) (?:\w+ )?(?:good|success|a good outcome|right)"
            r"|\bdo you feel (?:that )?(?:by|if|this|the)\b|\bin your (?:own )?words\b"
            r"|\bwhich (?:\w+ ){0,3}(?:matter|hurt|affect|cost)\w* (?:you )?(?:most)\b"
            r"|\bwhat (?:was|were|is|are) (?:\w+ ){0,3}(?:hardest|worst|most \w+) (?:for|about)"
            r" (?:you|your)\b|\bwhere (?:do|did) (?:you|your \w+) (?:feel|see|think)\b"
        ),
    ),
    Cue(
        _L,
        "reflects the client's words back",
        _re(
            r"\b(?:i|we) (?:\w+ )?(?:heard|hear) you(?: say| said|r point| loud| on)?\b"
            r"|\bwhat (?:i|we)(?:'m| am|'re| are) hearing\b|\bwhat i heard\b|\byou(?: \w+)?"
            r" (?:told|showed|reminded) (?:us|me)\b|\byou (?:said|mentioned|explained|pointed"
            r" out|raised|described|flagged|noted|made (?:it )?clear|were clear|asked"
            r" (?:for|us|me|that|whether))\b|\b(?:if|so) i(?:'ve| have)? understood (?:you )?"
            r"(?:correctly|right)\b|\blet me (?:make sure|check|play (?:that|it) back|repeat"
            r" back|summari[sz]e)\b|\b(?:did|have) (?:i|we) (?:get|got|understood|capture"
            r"|captured) (?:that|this|it|you|everything)(?: \w+)? right\b|\bso you(?:'re| are)"
            r" saying\b|\byour point (?:about|on|that)\b|\bas you (?:put it|described it|said)\b"
            r"|\byou(?:'re| are| were) right\b|\bif i understand (?:you )?(?:correctly|right)\b"
        ),
        _re(r"\byou (?:never|didn't|did not) (?:told|tell|said|say|mention)"),
    ),
    Cue(
        _R,
        "accepts responsibility",
        _re(
            r"\b(?:we|i) (?:\w+ )?(?:got (?:\w+ ){0,3}?wrong|missed|made (?:a|an|the|two|three"
            r"|several) (?:\w+ )?(?:mistakes?|errors?|wrong call|bad call)|let you down|dropped"
            r" the ball|failed (?:to|you)|should have|shouldn't have|under-?estimated"
            r"|over-?promised|overlooked|misjudged|misread|fell short|were (?:late|wrong|slow)"
            r"|was (?:late|wrong|slow)|own (?:this|that|it|the|our)|take (?:full )?(?:the )?"
            r"(?:responsibility|ownership|the blame)|accept (?:full )?(?:responsibility|the"
            r" blame|that (?:we|our|the))|are responsible|'re responsible|am responsible|caused"
            r"|broke|forgot|didn't (?:\w+ ){0,2}?(?:test|check|tell|flag|send|warn|catch|spot"
            r"|follow|plan|allow))\b"
            r"|\b(?:that|this|it)(?:'s| is| was) (?:on us|on me|our (?:\w+ )?(?:fault|mistake"
            r"|error|responsibility|doing|oversight)|my (?:fault|mistake|error))\b"
            r"|\b(?:our|my) (?:\w+ )?(?:fault|mistake|error|oversight|failure|misjudge?ment"
            r"|miss)\b|\bour (?:estimate|schedule|plan|staffing|process|testing|team|handover"
            r"|brief(?:ing)?|review|code|release) (?:\w+ ){0,2}?(?:was|were|fell|missed|had)"
            r" (?:\w+ ){0,3}?(?:short|wrong|late|inadequate|not|too|weak|flawed|missing|the"
            r" cause|the root)\b|\bthe (?:fault|responsibility|mistake) (?:is|was|lies|rests)"
            r" (?:ours|with us|with me)\b|\bno excuse\b|\b(?:i|we) (?:\w+ )?apologi[sz]e for"
            r" (?:our|the|my|not|missing|failing)\b|\b(?:i'm|i am|we're|we are) sorry (?:that"
            r" )?(?:we|our|i)\b"
        ),
        _re(r"\b(?:we|i) (?:\w+ )?(?:should have|missed) (?:\w+ )?(?:been told|heard|known)\b"),
    ),
    Cue(
        _S,
        "makes a specific commitment",
        _re(
            rf"\b(?:we|i|our (?:\w+ )?{_OWNER}|the (?:\w+ )?{_OWNER}|you)(?:'ll| will| shall"
            r"| are going to| is going to| can expect| have committed to| commit to| promise to"
            rf"|'re going to| am going to|'m going to| will have)\b(?=[^.?!;]*{_WHEN})"
            r"|\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|noon"
            r"|the end of|end of|close of|\d{1,2}(?:st|nd|rd|th)?\b|\d{4}-\d{2}-\d{2}"
            r"|(?:january|february|march|april|may|june|july|august|september|october|november"
            r"|december))"
        ),
        _re(_TENTATIVE),
    ),
    Cue(
        _S,
        "makes a specific commitment",
        re.compile(
            rf"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:will|is going to|shall)\b"
            rf"(?=[^.?!;]*(?i:{_WHEN}))"
        ),
        _re(_TENTATIVE),
        cased=True,
    ),
)
"""The credits' cues."""
