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
from clientrecovery.guidance._gate import alternatives

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
    requires: re.Pattern[str] | None = None
    """Only when this is found in the same sentence too."""
    vague: bool = False
    """Only when the sentence names nothing specific (a number, a date, a weekday)."""
    specific: bool = False
    """Only when the sentence names something specific."""
    hint: str = ""
    """The better move, when it differs from the check's."""
    cased: bool = False
    """Whether the pattern reads the text as written (capitals matter) rather than lower-cased."""


def _each(prefix: str, group: str, suffix: str = "") -> str:
    """``prefix`` and ``suffix`` around each alternative of ``group`` (a ``(?:…)``), each an
    alternative of its own, so that each is found through its own words
    (see :mod:`clientrecovery.guidance._gate`)."""
    inner = group[3:-1] if group.startswith("(?:") and group.endswith(")") else group
    return "|".join(f"{prefix}{alternative}{suffix}" for alternative in alternatives(inner))


def _re(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case pattern: the text is lower-cased once, which makes matching
    three times faster than matching without regard to case."""
    return re.compile(pattern)


# --- word classes ----------------------------------------------------------------------------


def _any(*words: str) -> str:
    """An alternation of ``words`` (regular-expression fragments), longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


# Who is on the client's side: "you", any short noun phrase that starts with "your", the
# client and its people; and third parties a provider might point at.
_CLIENT = (
    r"(?:(?:someone|somebody|anyone|anybody) (?:on|in|at|from) your \w+|you"
    r"|your(?! (?:\w+ )?(?:order|invoice|delivery|deliveries|report|site|website|app|system"
    r"|shipment|install|installation|project|launch|event|booking|account|refund|stock|goods"
    r"|parcel|package|food|meal|room|kitchen|equipment|device|server|service|ticket|query"
    r"|request|case|claim|complaint|warranty|quote|contract|data|files?)s? (?:was|were|is|are"
    r"|has|have|had|came|arrived|went|got|did|didn't|wasn't|weren't|never|keeps?|kept)\b)"
    r"(?: [\w-]+(?:'s)?){1,3}?"
    r"|the client(?:'s)?(?: \w+){0,2}?)"
)
_OTHERS = (
    r"(?:supplier|vendor|subcontractor|contractor|courier|printer|hosting provider|host"
    r"|freelancer|architect|venue|hotel|landlord|electrician|gateway|carrier|manufacturer"
    r"|factory|council|bank|broker|installer|distributor|wholesaler|agency|partner|airline"
    r"|company|firm|provider|shipper|haulier|logistics \w+|freight \w+|venue|caterers?"
    r"|translator|interpreter|photographer|copywriter|agent|solicitor|accountant|auditor"
    r"|caterer|builder|plumber|surveyor|consultant|developer|designer|engineer|previous \w+)"
)
_THIRD = (
    rf"(?:(?:the|their|a|an|that) (?:\w+ ){{0,2}}?(?:{_OTHERS}|\w+ team|people|staff|department)s?"
    rf"(?:'s? (?:\w+ ){{0,2}}?\w+)?|our (?:\w+ )?{_OTHERS}s?|they|the \w+ you (?:hired|chose|picked"
    rf"|appointed|brought in|used|insisted on|recommended|suggested|engaged|sent)|the \w+ your"
    rf" (?:\w+ ){{0,2}}?(?:hired|booked|chose|picked|appointed|brought in|recommended|engaged))"
)
_ADV = (
    r"(?:(?:just|simply|clearly|obviously|repeatedly|still|again|also|then|completely"
    r"|totally|somehow|apparently|evidently|unfortunately|never once|only|already|actually"
    r"|really|both|all) )?"
)
# What a person can fail to do.
_ACTS = (
    r"(?:tell|told|send|sent|give|gave|provide|provided|read|answer|answered|reply|replied"
    r"|respond|responded|listen|listened|follow|followed|approve|approved|sign|signed|check"
    r"|checked|test|tested|review|reviewed|share|shared|confirm|confirmed|pay|paid|supply"
    r"|supplied|deliver|delivered|get back|got back|return|returned|let us know|turn up"
    r"|show up|attend|attended|update|updated|inform|informed|mention|mentioned|flag|flagged"
    r"|specify|specified|agree|agreed|book|booked|prepare|prepared|upload|uploaded"
    r"|respect|stick to|stuck to|meet|met|honou?r|honou?red|bother|submit|submitted"
    r"|fill|filled|complete|completed|make|made|do|did|keep|kept|brief|briefed|clarify"
    r"|clarified|come back|came back|get|got|grant|granted|chase|chased|open|opened|label"
    r"|labelled|return|book|order|ordered|arrange|arranged|warn|warned|ask|asked|turn|come"
    r"|show|read|use|used|fix|fixed|back up|backed up|plan|planned|record|recorded)"
)
_BAD = (
    r"(?:late|slow|wrong|unclear|vague|incomplete|inaccurate|incorrect|unresponsive|unavailable"
    r"|missing|inconsistent|contradictory|conflicting|careless|outdated|out of date|faulty"
    r"|never around|not around|absent|confusing|impossible to reach|flawed|faulty|unusable"
    r"|after the deadline|past the deadline|too late|at the last minute)"
)
_FAILED = (
    r"(?:failed|forgot|forgotten|ignored|ignoring|missed|missing|neglected|overlooked|broke"
    r"|broken|caused|causing|delayed|misunderstood|misread|misjudged|mixed up|messed up"
    r"|screwed up|botched|skipped|skipping|dropped|dropped the ball|lost|mislaid|misplaced"
    r"|deleted|overrode|overwrote|unplugged|unplugging|tripped|vetoed|blocked|stalled"
    r"|\w+ (?:us |me |it |them )?(?:the |an? )?(?:wrong|incorrect|outdated|faulty) \w+"
    r"|damaged|scratched|dented|cracked|spilled|smashed|ruined|wiped|corrupted|leaked|froze"
    r"|introduced|contradicted|conflicted|clashed|refused|denied|withheld|blocked"
    r"|(?:is|are|was|were) (?:still )?(?:holding|sitting on|blocking|delaying|stalling)"
    r"|(?:has|have|had) cost (?:us|you|the|both|everyone)|kept (?:us|me|the \w+) waiting"
    r"|went bust|went under|went bankrupt|folded|(?:left|gave|provided|sent|kept) no"
    r"|overruled|vetoed|rushed|turned up without|arrived without|came without"
    r"|(?:was|were) (?:on holiday|away|off sick|unavailable|out of (?:the )?office)"
    r"|mis\w+ed|cancell?ed|pulled out|backed out|walked away|withdrew|double-booked|overbooked"
    r"|left (?:\w+ ){0,4}?(?:in (?:a|such a) (?:\w+ )?(?:state|mess)|broken|unfinished|half-done"
    r"|incomplete|behind)"
    r"|sat on|sitting on|held (?:up|back|onto|on to|the \w+|it|them|us|things)"
    r"|holding (?:up|back|the \w+|things|us)|let (?:\w+ ){1,3}?(?:down|slip|lapse|leave|go)"
    r"|pushed (?:untested|unfinished|broken|back)|imposed|cut the|pulled the|went quiet"
    r"|went silent|went dark|disappeared|moved the goalposts|insisted on|insisting on"
    r"|(?:gave|give|sent|send|supplied|provided|handed|uploaded|entered|entering|used|using"
    r"|ordered|specified|approved|chose|picked) (?:us |me )?(?:the |an? |their |your )?"
    rf"(?:{_BAD}|old|\w+ (?:{_BAD}))"
    rf"|(?:are|is|were|was|kept|keep|keeps) \w+ing (?:\w+ ){{0,3}}?(?:wrong|incorrectly|late)"
    r"|changed (?:\w+ ){0,3}?(?:after|again|late|at the last minute|without|twice|mid-?\w*"
    r"|halfway)|changed (?:your|their|the) (?:mind|minds|requirements|brief|scope|spec)"
    r"|keeps? (?:on )?\w+ing|kept (?:on )?\w+ing"
    r"|(?:is|are|was|were) the (?:one|ones|people) who"
    rf"|(?:were|was|are|is|have been|has been|had been) (?:\w+ )?{_BAD}"
    rf"|(?:came|come|comes|arrived?|arrives|got|turned up|turn up) (?:\w+ ){{0,4}}?(?:{_BAD})"
    r"|(?:was|were)(?:n't| not) (?:\w+ )?(?:there|available|on site|around|in|ready|reachable"
    r"|present|trained|briefed|prepared|aware|informed|consulted)"
    r"|switched off|turned off|shut down|shut off"
    r"|(?:didn't|did not|never|haven't|have not|hasn't|has not|failed to|neglected to|forgot to"
    r"|omitted to|refused to)(?: even| yet| ever| bother to)? (?!(?:like|want|feel|think|expect"
    r"|worry|apologi\w*|owe|lose|miss out|pay for|get charged"
    r"|need|mean|mind|hesitate|know|see|worry|have to|get a|receive|hear|agree|say)\b)\w+"
    r"|(?:didn't|did not|never|haven't|have not|hasn't|has not|hadn't|had not|couldn't"
    r"|could not|wouldn't|would not|won't|failed to|neglected to|forgot to|refused to"
    r"|omitted to|chose not to|decided not to|don't|do not|doesn't|does not|can't be bothered"
    rf" to) (?:even |yet |ever |bother to )?(?:\w+ )?{_ACTS})"
)
# Words that tie an outcome to a cause.
_BECAUSE_LINKS = (
    "because of",
    "due to",
    "thanks to",
    "owing to",
    "on account of",
    r"(?:all )?down to",
    r"(?:a |the )?(?:direct )?results? of",
    r"result(?:ed|s|ing)? from",
    "caused by",
    r"stem(?:s|med|ming)? from",
    r"(?:came|comes?|coming) (?:about )?from",
    r"traced? (?:back )?to",
    r"traces (?:back )?to",
    r"(?:goes|went|go|comes|came) back to",
    r"(?:a |the )?consequence of",
    r"(?:a |the )?product of",
    "attributable to",
    r"(?:is|was|lies|lay|rests|sits|sat) (?:squarely |firmly |entirely |fully |solely )?with",
    r"the fault of",
    r"blame (?:lies )?(?:on|with)",
    "triggered by",
    "brought on by",
    "driven by",
    r"originat\w* (?:with|in|from)",
    r"(?:arise|arises|arose|arisen) from",
    r"(?:belongs|belonged) to",
    r"(?:owed|owing) (?:entirely |mostly |largely )?to",
    r"(?:made|introduced|done|asked for|requested|imposed|held up|set|blocked|caused|delayed"
    r"|stopped|prevented|damaged|interrupted|disrupted|triggered|let down) by",
    r"(?:because|since)(?: of)?",
)
_BECAUSE = _any(*_BECAUSE_LINKS)


def _each_link(rest: str) -> str:
    """``\\b{link} {rest}`` for every causal link, each an alternative of its own, so that
    each is found through its own words (see :mod:`clientrecovery.guidance._gate`)."""
    return "|".join(rf"\b{link} {rest}" for link in _BECAUSE_LINKS)


_PROBLEM = (
    r"(?:delays?|slips?|slippage|problems?|issues?|errors?|mistakes?|bugs?|defects?|faults?"
    r"|outages?|failures?|overruns?|overspend|hold-?ups?|bottlenecks?|blockers?|gaps?"
    r"|confusion|mess|mix-?up|misunderstanding|breakdown|rework|lateness|trouble|setbacks?"
    r"|knock-on|downtime|disruption|backlog|extra cost|extra work|wasted|missed|late|slow"
    r"|go-?live|change|wrong|cause|blame|responsibility|ball|fault|shortfall|loss|losses|drop"
    r"|dip|decline|damage|complaints?|crash|leak|breach|fine|penalty|late fee|errors? crept)"
)
_EMPATHY = (
    r"(?:sorry|apologi[sz]|apology|understand(?:able)?|understood|i can see|i see why|i hear"
    r"|i can hear|i appreciate|we appreciate|must (?:have been|be|feel)|i know how|we know how"
    r"|i imagine|i can imagine|can only imagine|makes sense|fair enough|no wonder|rightly"
    r"|right to|thank|regret|acknowledge|your (?:frustration|concern|anger|disappointment"
    r"|annoyance)|for you|to you|left you|leaves you|made you|making you|you(?:'re| are| were"
    r"|'ve been| have been| feel| felt| must| sound)|how (?:frustrating|difficult|hard"
    r"|upsetting|stressful)|i'd feel the same|would feel)"
)
_FEELING = (
    r"(?:frustrat(?:ed|ing)|annoy(?:ed|ing)|angry|irritat(?:ed|ing)|upset(?:ting)?|fed up"
    r"|sick of|tired of|exasperat(?:ed|ing)|furious|fuming|livid|outraged|offended|insulted"
    r"|hurt|appalled|disgusted|shocked|stunned|astonished|baffled|bewildered|insulting"
    r"|disappointed|exhausted|devastated|gutted|at (?:my|our) wits'? end|had enough"
    r"|losing patience|lost patience|running out of patience|out of patience|can't believe"
    r"|cannot believe|unbelievable|beyond belief)"
)
_OUTBURST = (
    r"(?:ridiculous|absurd|outrageous|insane|crazy|preposterous|laughable|ludicrous"
    r"|unreasonable|unacceptable|disgraceful|pathetic|stupid|idiotic|nonsense|rubbish"
    r"|shambles|a joke|a farce|a circus|a disaster|offensive|hurtful|disastrous|a nightmare"
    r"|nightmare"
    r"|shocking|appalling|atrocious|dreadful|outrageously|unprofessional|insulting|petty"
    r"|childish|hysterical|paranoid|overreact\w*|ungrateful|out of proportion|blown out of"
    r"|unrealistic|impossible demands?|seriously\?|come on)"
)
_QUESTION = (
    r"\?\s*$|^\s*(?:could|can|would|will|did|do|have|has|were|was|is|are|when|what|which|how"
    r"|where|why)\b"
)
_REPORTED = (
    r"\b(?:you (?:said|told|mentioned|wrote|explained|described|raised)|i heard|you feel|you felt"
    r"|you sound|it sounds|help me understand|from your perspective)\b"
)
_VAGUE_MARKER = (
    r"\b(?:some|a number of|a bunch of|lots of|a lot of|loads of|plenty of|various|several"
    r"|certain|things|stuff|generally|general|overall|broadly|on the whole|by and large"
    r"|in places|here and there|at times|sometimes|often|lately|recently|of late|for (?:a"
    r" while|some time|ages|months|weeks|a long time)|ever since|since kick-?off|across the"
    r" board|a bit|somewhat|kind of|sort of|rather|the whole|keeps?|kept|on both sides"
    r"|probably|ups and downs|all over|back and forth|in lots of ways|in many ways|now and"
    r" then|from time to time|on and off|more often than not|most of the time|constant"
    r"|continual|repeated|endless|recurring|persistent|ongoing|so many|too many|numerous"
    r"|countless|most weeks|most days|most months|at some point|from start to finish|from day one"
    r"|the whole thing)\b"
)
_NEGATIVE = (
    r"\b(?:off|wrong|messy|a mess|strained|difficult|trouble|problems?|issues?|broke|broken"
    r"|sideways|questionable|unclear|lacking|lack of|poor|patchy|spotty|hit and miss"
    r"|hit-and-miss|inconsistent|uneven|disappointing|slipping|sliding|behind|rough|bumpy"
    r"|shaky|ups and downs|all over the (?:map|place)|back and forth|cropping up|not (?:go"
    r"|gone|went) (?:to plan|well)|didn't go (?:to plan|well)|hasn't gone (?:as )?well"
    r"|haven't gone (?:as )?well|could be better|not great|not been (?:great|good|ideal|right"
    r"|easy)|below par|sub-?par|stuck|glitch\w*"
    r"|buggy|bugs|slipped|slid|glitches|rushed|pop(?:s|ping)? up|crop(?:s|ping)? up|defects"
    r"|faults|hiccups|niggles|complaints|unreliable"
    r"|mistakes"
    r"|disaster|nightmare|shambles|downhill|missing|went missing"
    r"|errors|delays|late|slow|falling apart|deteriorat\w+"
    r"|getting worse|not (?:good|up to|where)|mediocre|sloppy|shoddy|weak|lax|chaotic"
    r"|frustrat\w+|a struggle|a concern|bad|worse|worst|fail\w*|gone wrong|going wrong"
    r"|go wrong|not working|doesn't work|don't work)\b"
)

# --- the cues --------------------------------------------------------------------------------

_B, _E, _F, _G = Rule.NO_BLAME, Rule.NO_EGO, Rule.FACTS_NOT_EMOTION, Rule.NO_GENERALITIES
_OURS = (
    r"\b(?:our (?:own )?(?:fault|mistake|error|responsibility|doing|part|side|problem)"
    r"|(?:is|was|'s|are|were) (?:all |entirely |squarely )?on us|with us|is ours|are ours"
    r"|was ours)\b"
)

CUES: tuple[Cue, ...] = (
    # NO_BLAME: the client, or a third party, is the subject of a failure.
    Cue(
        _B,
        "makes the client the subject of a failure",
        _re(_each(rf"\b{_CLIENT}(?: (?:that|which|who))? {_ADV}(?:", _FAILED, r")\b")),
        _re(
            _QUESTION + r"|\bsorry\b|\bapologi[sz]e\b|\bregret\b"
            r"|\bif (?:you|your \w+) (?:can|could|would)\b|\b(?:in case|unless|so"
            r" that|so) you\b|\byou(?:'ll| will)? (?:should|may|might) (?:have )?(?:received|got"
            r"|seen|had)\b|\b(?:you|your \w+) (?:did|have done) nothing wrong\b"
        ),
    ),
    Cue(
        _B,
        "ties the failure to the client",
        _re(
            _each_link(
                r"(?:\w+ ){0,4}?(?:your|you|the client'?s?|yours)\b(?! (?:help|patience|feedback"
                r" was|support|quick|prompt|input|notes|team's notes))"
            )
        ),
        _re(
            r"\b(?:because|since|due to|owing to|down to|thanks to) (?:of )?(?:we|i|us|our)\b"
            r"|\bsorry\b|\bapologi[sz]e\b|"
            r"\b(?:thanks to your (?:help|patience|support|quick|prompt)|(?:as|when|after|since"
            r"|because) (?:you|your \w+) (?:said|asked|told|mentioned|requested|wrote|suggested"
            r"|need|want|wanted|like|prefer)|as per your|as you know|help me understand"
            r"|from your perspective|(?:when|after|as|since) (?:you're|you are) (?:happy|ready"
            r"|free|available)|(?:when|once|after|as soon as|if) (?:you|your \w+) (?:\w+ )?"
            r"(?:approve|sign|confirm|send|agree|can|have|are|get|give|choose|decide))\b"
        ),
        requires=_re(
            rf"\b{_PROBLEM}|{_BAD}|\b(?:collaps\w*|ruin\w*|spoil\w*|suffer\w*|flood\w*|longer"
            r"|stall\w*|slipp\w*|overr\w*|crash\w*|stopp\w*|broke"
            r"|wast\w*|behind|lost|delay\w*|went down|fell over|held|waiting|took|takes|cost"
            r"|went up|underperformed|failed"
            r"|fail|dropped|drop|lost|loss|pushed|why|can't|cannot|couldn't|had to)\b"
        ),
    ),
    Cue(
        _B,
        "ties the failure to the client",
        _re(
            r"\byour\b[^.;?!]{0,80}?\b(?:is|was|are|were) the (?:real |main |only )?reason\b"
            r"|\byour\b[^.;?!]{0,80}?\b(?:is|was|are|were) (?:the (?:real )?reason |exactly |really"
            r" )?why\b|\byour\b[^.;?!]{0,80}?\b(?:which|that)(?:'s| is| was) why\b"
            r"|\b(?:which|that)(?:'s| is| was) why (?:your|you)\b"
        ),
        _re(_QUESTION + r"|\bthat's what we\b"),
    ),
    Cue(
        _B,
        "makes the client the subject of a failure",
        _re(
            rf"\b{_CLIENT}(?:'re| are| is| were| was)? (?:\w+ )?(?:always|never|constantly"
            r"|continually|forever|perpetually)\b|\b(?:nobody|no one|no-one|none of (?:you|them))"
            r" (?:on|in|at|from) (?:your|the client's)\b"
        ),
        _re(
            _QUESTION + r"|\b(?:always|forever) (?:\w+ )?(?:welcome|happy|free|able|right"
            r"|invited)\b|\bnever (?:hesitate|feel|worry|be shy|need)\b|\bcan always\b"
            r"|\b(?:will|'ll|shall) (?:\w+ )?always\b"
        ),
    ),
    Cue(
        _B,
        "blames someone else",
        _re(_each_link(rf"(?:\w+ ){{0,3}}?(?:the|their|our) (?:\w+ )?{_OTHERS}s?\b")),
        _re(_QUESTION + r"|" + _OURS[2:-2] + r"|\bwe (?:take|accept|own)"),
        requires=_re(
            rf"\b{_PROBLEM}|{_BAD}|\b(?:stall\w*|slipp\w*|overr\w*|crash\w*|broke"
            r"|lost|delay\w*|went up|cost|failed)\b"
        ),
    ),
    Cue(
        _B,
        "places the problem on the client's side",
        _re(
            r"\b(?:on|at|from|with) your (?:own )?(?:side|end|desk|court)\b"
            r"|\bthe ball (?:is|was|'s) (?:now )?in your court\b"
            r"|\b(?:a question|one) for your (?:own )?\w+(?: \w+)?,? not (?:for )?us\b"
            r"|\bwe can only (?:move|go|work|deliver) as (?:fast|quickly) as\b"
        ),
        _re(
            _QUESTION + r"|\b(?:please|let us know|tell us|if someone|could someone|can someone"
            r"|is there anyone|anyone on your|if|once|when|as soon as)\b"
        ),
        requires=_re(rf"\b{_PROBLEM}|{_FAILED}|\b(?:court|only|not us|not for us)\b"),
    ),
    Cue(
        _B,
        "assigns blame",
        _re(
            r"\b(?:your|the client's|their) (?:own )?(?:fault|mistake|error|oversight|failure"
            r"|negligence|omission|doing|lookout)\b"
            r"|\b(?:that|this|it)(?:'s| is| was) (?:all )?(?:on|down to) (?:you|them)\b"
            r"|\b(?:it|that|this) (?:was|is|'s) (?:all )?your (?:own )?(?:decision|choice|call"
            r"|idea|wish)\b"
            r"|\b(?:blam(?:e|ed|es|ing)|at fault|culprits?|to blame|scapegoat)\b"
            r"|\bmaybe ask (?:\w+ ){1,3}?why\b|\bask (?:\w+ ){1,3}?why (?:\w+ ){0,4}?(?:never"
            r"|didn't|wasn't|hasn't|isn't)\b"
        ),
        _re(
            r"\b(?:no|not|nobody|no one|never|don't|do not|won't|isn't|without|rather than"
            r"|instead of|no point)\b (?:\w+ ){0,4}?(?:blam|fault|point\w* fingers)|\bnot about"
            r" (?:\w+ )?blame|\bour own|\bwere blaming|\bblaming (?:anyone|each other)"
            r"|\bhelp me understand|\bdon't see (?:this|it|that) as\b|\bthe (?:blame"
            r"|fault) (?:\w+ ){0,4}?(?:is|was|lies|sits"
            r"|rests) (?:ours|with us|in our|with our)|\b(?:the )?(?:blame|fault) on our\b"
            r"|\bwe won't be made the scapegoat|\bwe (?:take|accept|own)|\bscapegoat for\b"
        ),
    ),
    Cue(
        _B,
        "denies responsibility",
        _re(
            r"\bnot (?:our|my) (?:fault|problem|responsibility|doing|concern|issue|mistake|job)\b"
            r"|\b(?:is|was|'s)(?:n't| not) (?:on us|down to us|something (?:we|our \w+) (?:\w+ )?"
            r"(?:caused|did))\b|\bnothing to do with (?:us|me|our)\b|\b(?:out of|beyond|outside)"
            r" (?:our|my) (?:hands|control|remit)\b|\b(?:we|i) (?:can't|cannot|can not|won't"
            r"|will not|shouldn't|don't) (?:be (?:held )?(?:responsible|accountable|liable"
            r"|blamed)|accept (?:responsibility|liability|the blame|blame))\b"
            r"|\b(?:we|i)(?:'re| are| were| was|'m| am) not (?:responsible|to blame|at fault"
            r"|accountable|liable)\b|\bresponsibility (?:for (?:\w+ ){1,4})?(?:lies|rests|sits"
            r"|falls) (?:squarely |firmly )?(?:with|on)\b(?! us| our)|\bwash (?:our|my) hands\b"
            r"|\bwe(?:'ve| have)? (?:done|did) our (?:part|bit|job|share)\b|\b(?:the rest"
            r"|everything else|that part"
            r"|that bit|the remainder)\b[^.;?!]{0,20}\bup to (?:you|your)\b|\bhardly (?:our"
            r"|my) (?:fault|problem|doing)\b|\b(?:is|was|'s) what"
            r" you (?:approved|signed off|asked for|chose|agreed|ordered|specified|wanted)\b"
            r"|,? not (?:us|ours|by us|on our side"
            r"|our (?:team|people|crew|staff))\b(?! (?:to|on|in|at|for))"
        ),
    ),
    Cue(
        _B,
        "says what the client should have done",
        _re(
            rf"\b{_CLIENT} (?:really )?(?:should|ought to|could|needed to|were supposed to|was"
            r" supposed to|had to)(?:n't)? (?:have )?(?:\w+ed|\w+en|told|sent|known|read|done"
            r"|given|made|got|kept|thought|come|brought|paid|run|put|let)\b"
            rf"|\bif (?:only )?{_CLIENT}(?:'d| had)(?:n't| not)? \w+[^.?!;]*(?:\b(?:would|could"
            r"|might)|'d)(?:n't| not)? (?:have|be|already)\b|\b(?:none of this|this|that|it)"
            r" (?:would|could)(?:n't| not)? have (?:happened|been needed) if\b|\b(?:would"
            r"|could)(?:n't| not) have happened if\b"
            rf"|\bhad (?:{_CLIENT}|(?:anyone|someone|somebody) (?:on|in|at|from) your \w+)"
            r" [^.?!;]{0,80}?\b(?:would|could|might)\b"
        ),
        _re(
            r"\b(?:you|your \w+) (?:should|might|may) (?:have|now have) (?:received|got|had|seen"
            r"|heard)\b|\bwe (?:really )?should(?:n't)? have\b|\bsaid we\b"
        ),
    ),
    Cue(
        _B,
        "blames someone else",
        _re(
            rf"\b{_THIRD} {_ADV}(?:{_FAILED}|let us down|dropped the ball|(?:was|were|is|are)"
            r" (?:to blame|at fault|wrong|late|the problem))\b"
        ),
        _re(
            _QUESTION
            + r"|\b(?:we|i) (?:\w+ )?(?:missed|didn't|failed|should have)|"
            + _OURS[2:-2]
            + r"|\bwe (?:take|accept|own)"
        ),
    ),
    Cue(
        _B,
        "blames by implication",
        _re(
            r"\bfinally (?:arrives?|sends?|sent|gets? (?:round|around|back)|comes? (?:in|through)"
            r"|replies|responds|approves?|signs?|reaches|lands|decides?|turns? up|shows? up)\b"
            r"|\bwithout (?:anyone|anybody|any of you|you) (?:\w+ )?(?:telling|informing|asking"
            r"|warning|letting) us\b|\b(?:seem to have |have |has )?gone unread\b"
            r"|\bwe(?:'ve| have) (?:still )?been waiting (?:for|on) (?:\w+ ){0,4}?since\b"
            r"|\bthanks (?:so much |very much |a lot )?for (?:letting us know|telling us|the"
            r" (?:heads-?up|notice|warning)) (?:on|at|only|just|with|the day)\b"
            r"|\bcheck your facts\b|\blooping in your (?:manager|boss|director|line manager)\b"
            r"|\bonce again,? (?:your|you)\b|\bstill waiting (?:on|for) (?:you|your)\b"
        ),
    ),
    # NO_EGO: the provider's views, expertise and pride at the centre.
    Cue(
        _E,
        "puts the provider's judgement above the client's",
        _re(
            r"\b(?:our|my) (?:view|opinion|taste|recommendation|judge?ment|preference|position"
            r"|vision|call|decision) (?:has to|must|should|will|always) (?:win|stand|prevail"
            r"|come first)\b|\b(?:my|our) recommendation stands\b"
            r"|\b(?:trust|take it from|believe) (?:us|me|our (?:\w+ )?(?:judge?ment|experience|word"
            r"|team|process|method|instincts?|expertise|approach|call|eye|designers|people))\b"
            r"(?! (?:to|on|by|with|when|that we'll))"
            r"|\b(?:we|i) know (?:best|better|what(?:'s| is) (?:best|right))\b"
            r"|\bwe know what (?:works|converts|sells|performs|lands|resonates|your (?:\w+ )?"
            r"(?:customers|guests|users|audience|clients|staff|delegates) (?:want|need|like))\b"
            r"|\bwe (?:\w+ )?prefer (?:our|my)\b|\bour own (?:approach|way|method|idea|ideas"
            r"|design|plan|taste|style|instincts?)\b"
            r"|\b(?:we|i) know (?:this|the|your) (?:\w+ ){0,2}?(?:far |much |a lot )?better than"
            r"|\b(?:i|we)(?:'m| am|'re| are) (?:the best judge|best placed to judge|the ones who"
            r" know)\b|\bwhat we (?:already )?know\b(?! (?:about your|from you))"
            r"|\bbut we do\b|\bleave (?:the )?(?:\w+ )?(?:to us|to the experts)\b|\blet us"
            r" (?:worry about|decide|handle the|take care of the|lead on)\b|\byour job is to\b"
            r"|\bwhat you pay us for\b|\byou hired us (?:because|to|for) (?:we|our|the)\b"
            r"|\b(?:take|taking|took) good advice\b|\bour (?:\w+ )?(?:have|has) decided\b"
            r"|\b(?:we|i|our \w+) can (?:tell|see|read) (?:you )?(?:what|which|how|an audience)"
            r"\b|\bwithout (?:needing|needing to ask|asking (?:them|you|anyone)|testing it|a"
            r" pilot|focus groups|research)\b|\b(?:we|i) don't need (?:a|an|any|to"
            r"|your) (?:\w+ ){0,4}?(?:to (?:know|tell"
            r"|see|show|prove|confirm)|research|ask)\b|\b(?:we|i) don't need (?:a"
            r"|to) (?:\w+ ){0,3}?"
            r"(?:to know|test|pilot|ask|check)\b|\b(?:isn't|is not) (?:really )?necessary; we\b"
            r"|\bno need for (?:a |any )?(?:review|feedback|test\w*|second opinion|check)\b"
            r"|\bwe(?:'ve| have) nailed\b|\bi built (?:this|it|the)\b|\bwe(?:'d| would) (?:much )?"
            r"rather (?:\w+ ){0,4}?(?:our|we)\b|\bour (?:own )?taste\b"
            r"|\b(?:most|other|many) clients (?:don't|do not|never|rarely|can't) (?:\w+ ){0,2}?"
            r"(?:grasp|understand|get|see|appreciate)\b"
            r"|\b(?:we|i) (?:really |strongly |firmly )?(?:insist|maintain)\b"
            r"|\b(?:we|i) (?:think|believe|feel) (?:that )?(?:our|my|the|this) (?:\w+ ){0,3}?(?:is"
            r"|are) (?:clearly |simply |much |far )?(?:better|best|right|stronger|strongest"
            r"|superior|perfect|excellent)\b|\bin (?:my|our) (?:professional |expert )?"
            r"(?:opinion|view|judge?ment)\b|\bcome round to\b|\bonce they (?:see|get used)\b"
            r"|\bwill (?:love|like) it once\b"
        ),
        _re(
            r"\bfeel free\b|\bi(?:'m| am) sure you(?:'ll| will)? (?:understand|agree)\b"
            r"|\b(?:trust|believe) (?:us|me) (?:back|again)|\bearn (?:your|back)"
        ),
    ),
    Cue(
        _E,
        "leans on the provider's expertise",
        _re(
            r"\b(?:as|being|we(?:'re| are)|i(?:'m| am)) (?:the |your |an? )?(?:\w+ )?(?:experts?"
            r"|specialists?|professionals?|authorit(?:y|ies)|consultants?|pros|leaders?|pioneers"
            r"|veterans)\b(?! in your)"
            r"|\b(?:specialists|experts|professionals|people) like (?:us|me)\b"
            r"|\b(?:with|given|after|from|in|having) (?:all )?(?:(?:my|our|twenty|ten|fifteen|\d+"
            r"|many|decades of|years of|two decades|three decades) )?(?:\w+ ){0,2}?(?:expertise"
            r"|experience|know-?how|track record|credentials|years|decades)(?: in \w+| of \w+)?,"
            r"|\bhaving (?:run|built|delivered|done|designed"
            r"|managed) (?:\w+ ){0,3}?for (?:\w+ ){0,2}"
            r"?(?:years|decades)\b|\bworking (?:with|on) (?:\w+ ){0,4}?every day,? we\b"
            r"|\b(?:my|our) (?:\d+|many|decades of|years of|long|proven|extensive|deep)"
            r" (?:\w+ )?(?:years?|expertise|experience|track record)\b"
            r"|\bwe(?:'ve| have) (?:seen|done|run|built|delivered|handled) (?:a thousand|thousands"
            r"|hundreds|dozens|it happen|this happen|this (?:before|many)|it (?:before|many))\b"
            r"|\b(?:done|seen|run|built) (?:this|these|it|them) (?:\w+ )?(?:hundreds|thousands|a"
            r" thousand|dozens|many|countless) (?:of )?times\b|\bthe usual pattern\b"
            r"|\bwe know what (?:works|we(?:'re| are) doing)\b"
        ),
        _re(r"\byour (?:\w+ )?(?:knows?|know) (?:\w+ ){0,4}?better than (?:we|us)\b"),
    ),
    Cue(
        _E,
        "praises the provider",
        _re(
            r"\b(?:our|my|the|this) (?:\w+ )?(?:award-?winning|world-?class|industry-?leading"
            r"|best-in-class|top-?notch|first-?class|outstanding|fantastic|brilliant|superb"
            r"|exceptional|stellar|impeccable|flawless|exemplary|talented|amazing|unrivalled"
            r"|unmatched|premium)(?: \w+)? (?:work|team|designs?|agency|people|staff|quality"
            r"|service|record|standards?|reputation|engineers|developers|designers|portfolio"
            r"|output|talent|firm|studio|crew|method|approach)\b"
            r"|\b(?:our|my) (?:reputation|track record|awards?|portfolio|pedigree|standing"
            r"|credentials|calibre|playbook|perfect record)\b|\bperfect record\b"
            r"|\b(?:win|won|wins|winning|scooped|picked up|collected) (?:\w+ ){0,3}?awards?\b"
            r"|\bsecond to none\b|\bbest in the (?:business|industry|market|country|sector)\b"
            r"|\bnobody does (?:it|this) better\b|\b(?:we|our (?:\w+ )?\w+) (?:don't|do not"
            r"|doesn't|does not|never) (?:make|get|miss|drop)(?: \w+)? (?:mistakes|errors|things"
            r" wrong|deadlines|balls)\b|\bfamous for\b|\bcalibre\b|\bpremium firm\b"
            r"|\bproven (?:formula|method|methodology|approach|process|system|recipe)\b"
            r"|\b(?:our|we)\b[^.;?!]{0,40}\b(?:finest|world-class|elite|top-tier|best-in-class)\b"
            r"|\bour (?:\w+ )?(?:method|methodology|process|approach) is (?:the )?(?:industry[- ]"
            r"standard|best practice|proven|tried and tested)\b|\bwe(?:'ve| have) never (?:had"
            r"|seen)"
            r" (?:a|an|one|any) \w+(?: \w+)? (?:fail|go wrong|flop|miss|complain)\b"
            r"|\bspeaks? for (?:itself|themselves)\b|\bproud(?:ly)?\b|\bpride (?:ourselves"
            r"|myself)\b|\bfull stop\b"
            r"|\b(?:we|our \w+)(?:'re| are| have)? (?:the )?(?:best|finest|leading|top|number one"
            r"|market leaders?|strongest|most experienced)\b(?! (?:time|way|option|route|for you))"
            r"|\bbetter than (?:any|other|most) (?:\w+ )?(?:agenc|provider|firm|compan|supplier"
            r"|vendor|team)\w*|\b(?:nobody|no one|no-one) else could (?:have )?\b"
            r"|\b(?:no|none of our) other clients? (?:\w+ ){0,2}?(?:has|have|had|complain\w*)"
            r"|\bclients (?:rarely|never|don't) (?:\w+ )?(?:question|complain|doubt)\b"
            r"|\bclients who (?:follow|use|trust|listen to) (?:our|us)\b"
            r"|\b(?:all|every one|most) of our (?:other )?clients\b"
            r"|\b(?:nobody|no one|no client) has ever (?:\w+ )?(?:questioned|complained|doubted)\b"
            r"|\bwe(?:'ve| have) never (?:had|received) (?:a |any )?(?:complaint|problem"
            r"|criticism)\b|\bunusual for a client to be unhappy\b"
            r"|\bsome of the best (?:work|things?)\b|\bthe best (?:work|job) (?:\w+ ){0,3}?(?:has"
            r" |have )?ever\b|\bstand behind every\b"
            r"|\b(?:clients|others|everyone else) (?:love|loves|praise|rave about) (?:our|us)\b"
            r"|\b(?:our|the) (?:design|work|solution|approach|concept|plan|code) (?:is|was|are"
            r"|were) (?:clearly |obviously |simply |objectively )?(?:right|correct|superior"
            r"|excellent|the best|the right one)\b|\bsecond-guessing our (?:own )?\w+"
        ),
        _re(r"\bproud to (?:\w+ )?(?:work|help) (?:with|for) you\b|\bnot proud\b"),
    ),
    Cue(
        _E,
        "speaks of the provider's interests",
        _re(
            r"\b(?:important|hard|difficult|tough|painful|stressful|inconvenient|costly"
            r"|expensive|embarrassing|awkward|a lot of work|demanding|unfair|tiring|draining"
            r"|easier|a problem|a big deal|a blow|a hit) for (?:me|us|our (?:team|business|agency"
            r"|company|people|margins?)|the (?:team|agency))\b"
            r"|\b(?:our|my) (?:margins?|profit|bottom line|image|brand|name|other clients)\b"
            r"|\bwe (?:have|need|want) to protect (?:our|the team's)\b"
            r"|\bwe have other clients\b|\bour rates\b"
        ),
    ),
    # FACTS_NOT_EMOTION: emotion, defensiveness, combative tone, passive aggression, sarcasm.
    Cue(
        _F,
        "is emotional",
        _re(rf"\b{_OUTBURST}\b"),
        _re(
            r"\b(?:sorry|apologi[sz]e)\b(?!,? but)|\bunderstand(?:ably)? (?:why|how|that|your)"
            r"|\bi can see (?:why|how)\b|\b(?:you|your \w+) (?:called|described|said|told us)"
            r"|\b(?:rightly|fairly|fair to) (?:\w+ )?(?:called|say)"
            r"|\bunacceptable (?:on our part|of us|from us)|\bour (?:\w+ )?(?:was|were) (?:\w+ )?"
            r"(?:unacceptable|unprofessional)|\bwe (?:were|was) (?:\w+ )?(?:unprofessional"
            r"|unacceptable)|\b(?:that|this|it) (?:was|is) unacceptable,? and (?:we|i)\b"
        ),
    ),
    Cue(
        _F,
        "is emotional",
        _re(
            rf"\b(?:we(?:'re| are| were| feel| felt)|i(?:'m| am| was| feel| felt)|our team (?:is"
            rf"|was|feels|felt)|the team (?:is|was|feels|felt)|everyone here is) (?:\w+ ){{0,2}}?"
            rf"{_FEELING}\b|\b{_FEELING} (?:for|to) (?:us|me|our (?:team|people|staff)|the team)\b"
            r"|\b(?:spoken|talked|written) to like (?:this|that)\b"
        ),
        _re(
            rf"\bnot (?:at all )?{_FEELING}|\bif (?:you|this|that|anything)\b"
            r"|\b(?:sorry|apologi[sz]e)\b(?!,? but)"
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
        "is defensive",
        _re(
            r"\bwe (?:did|have done|'ve done) (?:absolutely )?(?:nothing wrong|everything (?:right"
            r"|correctly|we (?:could|were asked|said)|asked|by the book|possible|in our power)"
            r"|our (?:job|part|best))\b"
            r"|\bwe (?:\w+ )?(?:followed|met|delivered|did|built|implemented|produced|executed"
            r"|made|drew|installed) (?:\w+ ){0,4}?(?:exactly|precisely|to the letter|as (?:agreed"
            r"|specified|briefed|asked|requested|instructed|signed off|per the))"
            r"|\b(?:exactly|precisely) what (?:you|they|was|the brief|your team) (?:\w+ )?(?:asked"
            r"|agreed|specified|signed|approved|requested|wanted|drew|designed|ordered)"
            r"|\b(?:that|this|it)(?:'s| is| was) (?:simply |just |absolutely |categorically )?"
            r"(?:not|un)(?:true|fair|accurate|the case|correct|what happened|justified"
            r"|warranted)\b|\b(?:our|the) (?:invoice|quote|figures?|numbers|bill|report|work)"
            r" (?:is|was|are|were) (?:perfectly |entirely |completely )?(?:correct|accurate|right"
            r"|fine)\b"
            r"|\b(?:we|i) (?:\w+ )?(?:stand by|reject|dispute|deny|disagree with|take issue"
            r" with|object to|resent)\b|\bi (?:don't|do not) accept\b|\bi (?:don't|do not) see"
            r" why (?:we|i)\b|\bwhy should (?:we|i)\b|\bnot in the habit of\b"
            r"|\b(?:we|i)(?:'ll| will)?(?: won't| will not| refuse to| are not going to"
            r"|'re not going"
            r" to| am not going to|'m not going to| do not intend to| don't intend to| cannot"
            r"| can't"
            r"| shall not|'re not| are not| am not|'m not) (?:simply |just )?(?:be (?:pushed"
            r"|bullied|forced|pressured|pressed"
            r"|dictated|rushed|held|dragged|made|talked|railroaded|strong-?armed|lectured|blamed"
            r"|\w+ing)|accept (?:that|this|the|your|blame|responsibility|liability)|tolerate"
            r"|entertain|agree to|apologi[sz]e|rebuild|redo|start over|start again|re-?do|rewrite"
            r"|do (?:that|this|it) again|discuss (?:this|it) further|keep (?:doing|going over)"
            r"|take (?:that|this|the blame)|reopen|revisit|refund|hand back|give back|budge"
            r"|change (?:our|my) (?:position|mind))"
            r"|\bthere(?:'s| is) no way (?:we|i)(?:'re| are|'m| am| will|'ll)\b"
            r"|\b(?:our|my) (?:position|answer|view|decision) (?:hasn't|has not|won't|will not|is"
            r" not going to) change|\band (?:it|that|this) won't\b"
            r"|\b(?:under|have|has|had) no obligation\b|\b(?:we're|we are|we were) not obliged"
            r"|\bas per (?:the|our) (?:contract|agreement|terms|sow|statement of work)\b"
            r"|\bthere(?:'s| is) nothing (?:more |else )?(?:we|i) (?:can|could) do\b"
            r"|\bthat(?:'s| is) not how (?:this|it|we|things) (?:works?|do things)\b"
            r"|\bwe(?:'ve| have) (?:already )?(?:bent over backwards|gone above|done more than"
            r"|done (?:more than )?enough|been more than (?:fair|patient|reasonable|generous)"
            r"|done our part)|\b(?:our|my) (?:people|team|staff|crew) (?:worked|have worked"
            r"|gave up)"
            r" (?:\w+ ){0,2}?(?:weekends|nights|evenings|late|overtime)"
            r"|\b(?:take it or leave it|final offer|non-?negotiable|end of (?:story|discussion))\b"
            r"|\bwe (?:can't|cannot) (?:be expected|keep)\b|\bno (?:one|reasonable)"
            r" (?:\w+ )?(?:could|would) have\b|\bwe(?:'re| are) not (?:going to|here to)"
            r" (?:apologi|argue|debate|re-?litigate)|\bjust because (?:a few|one|some)\b"
            r"|\bbecause of one (?:person|reader|user|customer|comment)\b|\b(?:one|a) (?:small|tiny"
            r"|minor|single) (?:typo|mistake|error|slip)\b|\bwe(?:'ve| have) made our"
            r" recommendation\b|\bwhether you take\b|\bup to you\b(?=[^.?!;]*\b(?:advice|if you"
            r" want|whether))"
        ),
        _re(
            r"\b(?:sorry|apologi[sz]e) (?:that|for)\b.*\bwe\b|\buntil (?:you|your|it|the)\b"
            r"|\bwithout (?:your|you)\b|\bwe won't (?:\w+ )?(?:leave|stop|close|charge|bill)"
        ),
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
            r"|can't|cannot) (?:seem to )?(?:understand|get it|grasp|appreciate|know)\b"
            r"|\byou (?:have|had) no idea\b|\bno idea what you(?:'re| are) talking about\b"
            r"|\b(?:let me|i'll|i will|i need to|i must|allow me to) (?:be (?:very |perfectly"
            r" |absolutely )?(?:blunt|frank|direct)|say (?:it|this) (?:again|once more)|spell"
            r" (?:it|this) out|remind you|repeat myself)\b|\bmake no mistake\b"
            r"|\bif you(?:'d| had)? (?:\w+ )?(?:bothered|actually|even|only|properly|carefully)"
            r" (?:to )?(?:read|look|listen|check)"
            r"|\byou (?:need|have|ought) to (?:understand|accept|realise|realize|calm|stop|learn"
            r"|get used|face)\b|\bwhatever you (?:say|want|think|'ve heard|have heard)\b"
            r"|\bif that's what you want\b|\bwhatever your \w+ (?:\w+ )?(?:prefer|prefers|want"
            r"|wants|think|thinks|say|says)\b|\bgood luck (?:with|finding|getting|trying)\b"
            r"|\byou (?:people|lot)\b|\bwhat"
            r" (?:exactly )?do you expect\b|\bhow (?:many (?:more )?times|often) (?:do|must|have"
            r"|will|should) (?:we|i)\b"
            r"|\bi don't care\b|\bthat's your (?:problem|call|lookout)\b|\bdeal with it\b|\bget"
            r" over it\b|\bwhy (?:on earth|would you|didn't you|did you|can't you|won't you|do you"
            r" keep)|\bcheck your facts\b|\blet's not pretend\b|\bdon't pretend\b"
            r"|\b(?:you're|you are) free to (?:find|go|take|look|hire)\b|\b(?:can|could|should)"
            r" (?:hire|find|try|use|go to) (?:a |an )?(?:different|another|other) (?:\w+ )?"
            r"(?:consultant|supplier|agency|provider|firm|company|vendor|contractor)"
            r"|\bevery (?:single )?(?:claim|point|word|complaint|thing) (?:\w+ ){0,3}?(?:is|was)"
            r" (?:\w+ )?(?:wrong|false|untrue|baseless|nonsense)\b"
            r"|\byour (?:expectations|demands|requests?|complaints?|claims?) (?:are|is|were|was)"
            r" (?:\w+ )?(?:unrealistic|unreasonable|absurd|ridiculous|baseless|excessive|wrong)\b"
            r"|\byour (?:constant|endless|incessant|repeated|continual|unreasonable|demanding)"
            r" (?:\w+ )?(?:demands|complaints|requests|changes|emails|calls|interference"
            r"|micromanagement|criticism)\b|\bemails like that\b"
        ),
    ),
    Cue(
        _F,
        "is passive-aggressive",
        _re(
            r"\bper (?:my|our) (?:last|previous|earlier|prior|below|above) (?:\w+ )?(?:email"
            r"|e-mail|message|note|mail|reply|call|letter)\b"
            r"|\bas (?:i|we|was) (?:\w+ ){0,3}?(?:said|mentioned|explained|stated|noted|pointed out"
            r"|told you|wrote|highlighted|flagged|made clear|outlined|communicated|advised"
            r"|set out|covered)(?! in the (?:plan|attached|table|summary)| on page| in section)"
            r"|\bas (?:previously|already|clearly|repeatedly) (?:\w+ )?(?:said|stated|mentioned"
            r"|explained|discussed|communicated|agreed|noted|advised|requested|indicated)\b"
            r"|\bas (?:stated|mentioned|noted|explained|said|outlined|covered|discussed"
            r"|communicated|flagged|highlighted) (?:in|on|at|before|previously|earlier|already"
            r"|several|many|multiple|my|our|numerous|repeatedly)\b"
            r"|\blike (?:i|we) (?:said|told you|mentioned|explained)\b"
            r"|\b(?:i|we) (?:already |have already |did |had |did already )?(?:told|warned"
            r"|reminded) you\b(?! (?:that we|we would|we'd))|\b(?:i|we) (?:believe |think )?(?:i"
            r"|we)?"
            r" ?(?:already|have already) (?:answered|addressed|covered|explained|responded|replied)"
            r"|\bi(?:'m| am) sure you(?:'re| are)? (?:\w+ )?aware\b"
            r"|\b(?:just )?(?:a )?(?:friendly|gentle|quick|polite|final) (?:reminder|nudge)\b"
            r"|\bjust to (?:reiterate|repeat|remind you|re-?state)\b|(?:^|(?<=[.!?;:,]\s))\s*to"
            r" (?:reiterate|repeat|remind you|re-?state)\b"
            r"|\bfor the (?:second|third|fourth|fifth|sixth|umpteenth|hundredth|\w+th|last)"
            r" time\b|\b(?:once|yet) again,? (?:i|we|you|the|for|on|as)\b|\byet again\b"
            r"|\b(?:explained|said|told you|mentioned|asked|repeated|answered|raised) (?:this |that"
            r" |it )?(?:\w+ ){0,2}?(?:twice|three times|four times|several times|many times|more"
            r" than once|\w+ times now|over and over)\b|\bnot sure (?:how|what) else\b"
            r"|\bi'm not sure what(?:'s| is| was) unclear\b"
            r"|\bwhat (?:part|bit) of\b|\bfor clarity\b|\bnot to labou?r the point\b|\bcircling"
            r" back\b|\blooping (?:in|back)\b|\bi did (?:warn|tell|mention|say)\b"
            r"|\b(?:please|kindly) (?:\w+ )?(?:refer|see|look) (?:back )?(?:to|at) (?:my|our|the"
            r" previous|the earlier|the below|the above)\b"
            r"|\b(?:thanks|thank you) (?:\w+ )?for (?:finally|eventually|at last)\b|\bfinally"
            r" (?:got|getting|sent|replied|responded|answered|read|came|decided|made)\b"
            r"|\b(?:glad|nice|good|great) (?:to see )?(?:that )?you(?:'ve| have)? finally\b"
            r"|\bi(?:'m| am) sure you(?:'re| are)? (?:very |extremely )?busy\b"
            r"|\bif it's not too much (?:trouble|to ask)\b|\b(?:happy|glad) to (?:explain|go over"
            r"|repeat|walk you through) (?:it|this|that) (?:again|once more)\b|\bi (?:would|'d)"
            r" have thought\b|\bsurely you\b|\bwith respect\b|\bgoing forward,? please"
            r" (?:make sure|ensure|remember)|\bmoving forward,? please (?:ensure|make sure)"
            r"|\bin case (?:it|that) (?:wasn't|was not|isn't) clear\b|\bi'll (?:say|put) it"
            r" (?:another way|simply)\b|\bfyi,? (?:this|that|we|i)\b"
            r"|\bwe(?:'ve| have) been (?:more than )?(?:very )?(?:patient|understanding)\b"
            r"|\bsome of us\b|\b(?:all of )?this was in the (?:proposal|contract|brief|quote|plan"
            r"|email|sow)\b|\bseem to have gone unread\b|\bwithout anyone telling us\b"
            r"|\bwe(?:'ve| have) been waiting (?:for|on) (?:\w+ ){0,4}?since\b"
        ),
        _re(
            r"\bas (?:i|we) (?:\w+ )?(?:said|mentioned|promised|agreed) (?:on|in) (?:the|our)"
            r" (?:call|meeting),? (?:we|i)(?:'ll| will| have)\b|\b(?:before|after|when|until|since)"
            r" (?:we|i) (?:\w+ )?(?:told|warned|reminded) you\b"
        ),
    ),
    Cue(
        _F,
        "is sarcastic",
        _re(
            r"(?:^|(?<=[.!?;:]\s)|(?<=\n))\s*\b(?:(?:oh|well|ah),? )?(?:great|wonderful|lovely"
            r"|brilliant|fantastic"
            r"|perfect|marvellous|super|terrific|oh good|good to know|nice to know|lovely to hear"
            r"|great to hear|good to hear|glad to hear|how nice|how lovely)\b[^.?!;]*?\b(?:another"
            r"|again|so now|as well|yet|dismissed|without (?:anyone|telling|warning|asking)|on the"
            r" morning|at the last minute|on a friday|at \d|one sentence|ignored)\b"
            r"|\bi(?:'m| am) sure (?:the|your|he|she|they|everyone|our) (?:\w+ ){0,2}?(?:will|'ll)"
            r" be (?:thrilled|delighted|overjoyed|pleased|happy|glad) to hear\b"
            r"|\bthanks (?:so much |very much |a lot )?for (?:letting us know|telling us|the"
            r" (?:heads-?up|notice|warning)) (?:on|at|only|just|with|the day)\b"
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
            r"|every (?:single )?time|each and every|without fail|at every turn"
            r"|day in,? day out|week in,? week out|on a daily basis)\b"
        ),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\b(?:never|don't|do not) hesitate\b|\bnever mind\b"
            r"|\b(?:always|forever) (?:\w+ )?"
            r"(?:happy|glad|pleased|delighted|welcome|available|here|there|reachable|ready|keen"
            r"|contactable|just a call"
            r"|open|grateful|thankful|on hand|at your (?:disposal|service)|free to|a way)\b"
            r"|\bas (?:always|ever)\b|\b(?:can|may|could) always\b|\bfeel free\b"
            r"|\bnever too (?:late|early)\b|\balways (?:call|ring|email|reach|contact|ask)\b"
            r"|(?:^|[,;:]|\band)\s*never (?:feel|be|worry|think|hesitate|wait|apologi[sz]e|fear"
            r"|doubt)\b|\bit never hurts\b|\bthere(?:'s| is) always\b|\b(?:we|i)(?:'d| would)"
            r" never\b|\b(?:will|'ll|shall|would|'d) (?:\w+ )?always\b|\b(?:we|i|our \w+)(?:'ve"
            r"| have| had)? never\b|\b(?:we|i)(?:'ve| have|'re| are|'m| am)? always\b"
            r"|\bhas never been \w+ed\b"
            r"|\bnever (?:\w+ed|came|got|went|sent"
            r"|gave|made|took|told|reached|arrived|heard|saw|knew|thought|meant)\b"
            r"|\b(?:each time|every time|any time|anytime) (?:you|the|a|an|we|it|this|that|there"
            r"|something|someone)\b(?![^.?!;]*\b(?:never|fail|late|wrong|broke|miss|ignore))"
            r"|\bnever (?:again )?(?:be )?(?:left|leave) (?:you )?(?:without|in the dark)\b"
            r"|\bnever once\b(?=[^.?!;]*\bwe\b)|\bnever (?:more than|far|too far)\b"
            r"|\bnever happen again\b|\bshould never have\b|\balways (?:on|around"
            r"|contactable)\s*(?:[.!,;]|$)"
            r"|\byou(?:'ll| will) never (?:have to|need to|be left|wait"
            r"|again)\b"
        ),
        vague=True,
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\b(?:nothing|nobody|no one|no-one|none of (?:it|this|them|the \w+|your \w+))"
            r"(?: \w+){0,4}? (?:has|have|had|is|was|are|were|ever|really|works?|worked|goes|went"
            r"|gets|got|seems?|reads?|listens?|answers?|replies|responds?|tells?|told|cares?"
            r"|knows?|checks?|turns up|shows up|picks up|calls? back)\b|\b(?:everything|everyone"
            r"|all of (?:it|them))(?: \w+){0,4}? (?:gets? lost|goes missing|go missing|disappears?"
            r"|falls? through the cracks|gets? ignored)\b"
            r"|\b(?:everything|everyone|everybody|all (?:of )?(?:the|your|our|these|those) \w+)"
            r"(?: \w+){0,4}? (?:is|are|was|were|has|have|seems?|went|goes|gone|keeps?)"
            r" (?:\w+ ){0,2}?(?:behind|wrong|stuck|broken|late|delayed|failing|failed|off|a"
            r" mess|slipping|overdue|down|out of date|buggy|in a mess|gone wrong|go wrong|going"
            r" wrong|had errors|errors)\b"
            r"|\beverything (?:that )?could go wrong\b|\bwants? everything\b"
            r"|\bevery (?:single )?(?:\w+ ){1,4}?(?:has|have|had|is|was|are|were) (?:\w+ ){0,2}?"
            r"(?:wrong|late|errors?|broken|behind|failed|off|problems?|issues?|mistakes?)\b"
            r"|\b(?:change|changes|changed|changing|moves?|moved|slips?|slipped|breaks?|broke"
            r"|fails?|failed|goes wrong|went wrong) (?:\w+ )?(?:after|with|at|in|on) every"
            r" (?:single )?\w+\b"
            r"|\b(?:completely|totally|utterly|entirely|fundamentally|thoroughly|hopelessly"
            r"|wholly|absolutely) (?:wrong|useless|broken|unacceptable|failed|unusable|worthless"
            r"|inadequate|off|unreliable|incompetent|unworkable|hopeless|awful|terrible|poor)\b"
            r"|\bnever once\b"
        ),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\b(?:is there|was there|has there been) (?:anything"
            r"|anyone)\b|\bno one (?:else )?"
            r"(?:should|deserves|wants)\b|\bnothing (?:is |was |has been )?(?:missing|left out"
            r"|else|more|lost|wrong with your)|\beveryone (?:on|in|at|from) (?:the|our|your|this)"
            r" (?:call|meeting|thread|list|email|team)|\bnothing (?:changes|will change) (?:for"
            r" you|in|on)\b|\bnothing to (?:pay|do)\b|\bnone of (?:this|it) (?:is|was) (?:your"
            r"|on you)|\bnone of this would\b|\bnobody else could\b|\bnobody has ever questioned"
            r"|\bdid (?:absolutely )?nothing wrong\b|\bnobody (?:walked|told|explained|showed)"
            r" you\b|\b(?:we|i)(?:'ll| will) (?:\w+ )?(?:make sure|ensure)"
        ),
        vague=True,
    ),
    Cue(
        _G,
        "is a vague complaint",
        _re(_NEGATIVE),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\b(?:we|i)(?:'ll| will| are going to)\b"
            r"|\bi'?m sorry\b|\bapologi[sz]e\b|\bif (?:any|anything|something|you|we|it)\b"
            r"|\b(?:off|wrong|late|slow|bad) (?:with|for) you\b|\bnot (?:your|you)\b"
            r"|\bhow (?:hard|difficult)\b|\bsounds like\b|\bwhere (?:it|things) went wrong\b"
            r"|\bwhat went wrong\b|\bif (?:it|things) (?:go|goes|went) wrong\b|\b(?:we|i) (?:\w+ )?"
            r"(?:missed|should have|got|made|were|was|let you)\b|\bour (?:\w+ )?(?:fault|mistake"
            r"|error)|\b(?:the )?fault (?:was|sat|lies|is) (?:in|with) our\b|\b(?:we|i) (?:know"
            r"|understand"
            r"|appreciate|realise|realize|can see|can imagine)\b|\bfor (?:you|your)\b|\bmust have"
            r" been\b"
        ),
        requires=_re(_VAGUE_MARKER),
        vague=True,
    ),
    Cue(
        _G,
        "is a vague complaint",
        _re(
            r"\b(?:has|have|had) been (?:\w+ )?(?:patchy|spotty|inconsistent|hit and miss"
            r"|hit-and-miss|up and down|shaky|poor|rough|bumpy|mixed|sloppy|slipping|lacking"
            r"|below par|subpar|sub-par|not great|disappointing|so-so|uneven|variable|lax"
            r"|slack|messy|chaotic|all over the (?:place|map)|a struggle|strained|questionable"
            r"|difficult|off|low|an issue|a problem|a concern)\b|\b(?:has|have"
            r"|had) gone (?:downhill"
            r"|sideways|backwards|south|off the rails|off track|wrong)\b"
        ),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\bif (?:it|this|that)\b|\b(?:we|i) (?:know|understand"
            r"|appreciate|realise|realize|can see)\b|\bfor (?:you|your)\b|\bsorry\b"
        ),
        vague=True,
    ),
    Cue(
        _G,
        "is a generality",
        _re(r"\b(?:keeps?|kept) (?:on )?\w+ing\b"),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\b(?:will|'ll|please|to|we|i|let's|let us) keep\b"
            r"|\bkeep(?:s|ing)? (?:you|us|them|everyone)\b|\b(?:we|i) (?:know|understand|appreciate"
            r"|can see)\b|\bsorry\b"
        ),
        vague=True,
    ),
    # Broad moves: each a structure that a sentence of any wording can take.
    Cue(
        _B,
        "ties a bad outcome to what the client did",
        _re(
            r"\b(?:you|your(?: \w+){1,3}?) (?:\w+ )?(?:asked for|chose|picked|insisted on|wanted"
            r"|decided"
            r" on|opted for|went with|signed off|took|approved|changed|added|removed|moved|sent"
            r"|kept|delayed|held|skipped|cut|rejected|refused|overruled|ignored)\b"
        ),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS[2:-2] + r"|\bif (?:you|your)\b|\bthank"
            r"|\b(?:we|i|our \w+) (?:\w+ )?(?:were|was|should have|missed|got|made|let|failed"
            r"|didn't|forgot)\b|\b(?:will|'ll|can|could)\b"
        ),
        requires=_re(
            r"\b(?:so|which (?:is|was|means|meant)|that's why|that is why|hence|meaning|as a result"
            r"|and (?:now|then|so|that|the|our|it|this|everything))\b[^.?!;]*\b(?:lost|late|later"
            r"|slipp\w*|delay\w*|miss\w*"
            r"|crash\w*|fail\w*|broke|broken|rougher|worse|problems?|held up|moved|cancell?ed"
            r"|suffered"
            r"|overr\w*|cost|costs|stuck|behind|wrong|can't|cannot|couldn't|won't|wasn't|isn't)\b"
        ),
    ),
    Cue(
        _B,
        "blames by implication",
        _re(
            r"\b(?:waiting|waited|wait) (?:on|for) (?:your|you)\b(?=[^.?!;]*\b(?:for|since|weeks"
            r"|days|months|still|most of|all of|again)\b)|\b(?:that's|this is|that is) what"
            r" happens (?:when|if)\b|\bif (?:only )?(?:you|your \w+) had (?:listened|read|told"
            r"|checked|asked|followed)\b"
        ),
        _re(_QUESTION),
    ),
    Cue(
        _E,
        "leans on the provider's record",
        _re(
            r"\b(?:hundreds|thousands|dozens|scores|countless) of (?:other )?(?:\w+ )?(?:brands"
            r"|clients|companies|projects|events|customers|sites|launches|businesses|weddings"
            r"|campaigns|installs|migrations)\b|\b(?:doing|done|running|building|designing|planning"
            r"|making) (?:this|it|these|events|sites|apps|kitchens|campaigns) (?:for|over) (?:\w+"
            r" ){0,2}?(?:years|decades)\b|\bwhy you hired (?:us|experts|the experts|professionals"
            r"|specialists)\b|\bwe know (?:the|this|your) (?:market|industry|business|sector"
            r"|audience|space|trade|customers)\b|\b(?:our|my) (?:recommendation|decision|position"
            r"|view|answer|design|call) is (?:final|not up for|non-?negotiable|the right one)\b"
        ),
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(
            r"\b(?:we|i|our (?:\w+ )?\w+)\b[^.?!;]{0,60}\b(?:better|more \w+|smarter|wiser"
            r"|further)(?: \w+){0,2} than (?:you|your|the client|yours)\b"
            r"|\bno other (?:\w+ )?(?:firm"
            r"|agency|team|company|supplier|provider|studio|caterer|builder|one|crew) (?:could"
            r"|would"
            r"|can)\b|\bthe (?:most \w+|best|finest|biggest|leading|top) (?:\w+ )?in the (?:country"
            r"|region|world|sector|industry|business|market|city|area|field|trade)\b"
            r"|\bmore (?:\w+ )?"
            r"\w+ than (?:anyone|anybody|any other|most|all) (?:else|other|of)?|\b(?:you"
            r"|they)(?:'ll"
            r"| will) (?:\w+ )?"
            r"(?:thank us|see we were right|come round|come around|get used to it|love it|agree"
            r" once|learn to love)\b"
        ),
        _re(
            r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows|understand"
            r"|understands) (?:\w+ ){0,4}?better"
            r" than (?:we|us)\b|\bbetter than (?:you|your) (?:expected|hoped|asked)"
        ),
    ),
    Cue(
        _F,
        "is passive-aggressive",
        _re(
            r"(?:^|(?<=[.!?;:]\s))\s*\b(?:again|once more|once again|yet again),|\bnot (?:mind[- ]"
            r"readers|magicians|miracle workers|a charity)\b|\bcan't read (?:your "
            r"|people's )?minds?"
            r"\b|\brefrain from\b|\bfor the record\b|\bin our defen[cs]e\b|\bto be fair to (?:us"
            r"|me|our)\b|\b(?:just |as )a reminder\b|\breminder that (?:we|i|this|you|the|all)\b"
            r"|\b(?:we|i) (?:\w+ )?(?:flagged|raised|warned (?:you )?about|mentioned|highlighted"
            r"|pointed out) (?:this|that|it)(?: \w+)? (?:back )?(?:in|on|weeks|months|at the start"
            r"|before)\b|\bthanks (?:\w+ ){0,2}?for (?:the )?(?:last-minute|late|short"
            r"|eleventh-hour)"
            r"\b|,? as usual[.!]|\bthis is the thanks\b"
        ),
    ),
    Cue(
        _F,
        "is defensive",
        _re(
            r"\b(?:we|i)(?:'ll)?(?: won't| will not| refuse to| are not going to|'re not going to"
            r"| cannot| can't| shall not) (?:\w+ ){0,2}?(?:any (?:further|more|other)|again|another"
            r"|any longer|anymore)\b|\b(?:won't|will not) accept (?:any|further|more|these|such)\b"
        ),
        _re(r"\bwon't (?:\w+ )?(?:happen|let (?:this|it) happen)|\buntil (?:you|your|it|the)\b"),
    ),
    Cue(
        _G,
        "is a vague complaint",
        _re(
            r"\b(?:dipped|dropped|declined|fallen|fell|worsened|suffered|deteriorated|wobbly"
            r"|struggl"
            r"\w*|underperform\w*|falling short|fallen short|aren't working|isn't working|not"
            r" working|aren't right|isn't right|not right|the way (?:it|they|things) should)\b"
        ),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\b(?:we|i)(?:'ll| will| are going to)\b|\bif\b"
            r"|\b(?:we|i|our \w+) (?:\w+ )?(?:dropped|fell|let)\b"
        ),
        requires=_re(_VAGUE_MARKER),
        vague=True,
    ),
    Cue(
        _B,
        "ties a bad outcome to what the client did",
        _re(r"\b(?:when|after|once|as soon as) (?:you|your(?: [\w-]+){1,3}?) \w+"),
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS[2:-2] + r"|\bif\b|\bthank|\b(?:will|'ll"
            r"|can|could|please)\b|\b(?:we|i|our \w+) (?:\w+ )?(?:were|was|should have|missed"
            r"|got|made|let|failed|didn't|forgot)\b"
        ),
        requires=_re(
            rf"\b{_PROBLEM}\b|\bcrept in\b|\b(?:fell apart|fell through|fell over|stalled"
            rf"|collapsed|went down|ground to a halt"
            r"|derailed|pushed back|slipp\w*|delay\w*|crash\w*|broke|broken|lost|cancell?ed"
            r"|overr\w*|stuck|behind|went wrong)\b"
        ),
    ),
    Cue(
        _F,
        "is passive-aggressive",
        _re(
            r"\bthe (?:second|third|fourth|fifth|sixth|umpteenth|\w+th) time (?:i|we)(?:'ve| have)?"
            r"\b|\b(?:i|we) (?:don't|do not) appreciate\b|\b(?:spoken|talked|written) to (?:in"
            r"|like)"
            r" (?:that|this) (?:way|manner|tone)\b|\bnot how (?:\w+ ){0,2}?(?:works?"
            r"|do(?:es)? things)"
            r"\b|\byou (?:clearly|obviously|evidently|apparently) (?:haven't|didn't|don't|did not"
            r"|have"
            r" not|do not|can't|cannot)\b|\bthat's a first\b|\bwhat a surprise\b"
            r"|\bhow (?:convenient"
            r"|surprising)\b|\bwho knew\b|\bnothing (?:further|more|else) to (?:add|say|discuss)\b"
            r"|\b(?:this|the) (?:matter|discussion|conversation) is (?:now )?closed\b"
            r"|\bnothing (?:more"
            r" |further |else )?to discuss\b|\btake kindly to\b|\bthreat(?:s|en\w*)\b|\bhardly"
            r" (?:our|my|fair|surprising|a surprise|the point)\b|\bplease stop"
            r" \w+ing\b|\bpatience (?:is )?(?:wearing|running|worn) (?:thin|out)\b"
            r"|\blosing (?:our|my)"
            r" patience\b|\bkindly note\b|\b(?:this|that|it) (?:was|were) (?:already |clearly "
            r"|all )?"
            r"(?:covered|explained|agreed|discussed|stated|set out|spelled out) (?:in|at|on|during"
            r"|back)\b"
        ),
    ),
    Cue(
        Rule.TAKES_RESPONSIBILITY,
        "accepts responsibility",
        _re(_each(rf"\b(?:we|i|our(?: [\w-]+){{1,2}}?) {_ADV}(?:", _FAILED, r")\b")),
        _re(
            _QUESTION + r"|\bnot (?:our|my) (?:fault|mistake|responsibility|problem)\b|\bnot on us"
            r"\b|\bnothing wrong\b|\bnot something (?:we|our)\b|\b(?:we|i) (?:never|don't|do not"
            r"|won't|will not) (?:\w+ )?(?:charge|ask|share|sell|leave|close|stop)\b|\bif (?:we"
            r"|i)\b"
            r"|\bour (?:\w+ )?(?:supplier|vendor|subcontractor|contractor|courier|printer|host"
            r"|freelancer|partner|carrier|manufacturer)s?\b|\b(?:we|i)(?:'ll)? (?:won't|will not"
            r"|refuse)\b|\b(?:were|was) (?:never|not) (?:given|sent|told|shown|granted|informed)\b"
            r"|\bshouldn't have to\b|\bby your\b|\b(?:because|due to|thanks to) (?:of )?your\b"
            r"|\b(?:position|view|answer|stance|decision|price|quote) (?:hasn't|has not"
            r"|won't)\b|\b(?:we|i) keep\b"
        ),
    ),
    Cue(
        _F,
        "is sarcastic",
        _re(
            r"(?:^|(?<=[.!?;:]\s))\s*\b(?:sure|of course|oh|right|fine),? (?:we'll|we will|i'll"
            r"|i will)"
            r" just\b|\bhow (?:lovely|nice|kind|good|great|wonderful|thoughtful) (?:to|of)\b"
            r"|\bshould be (?:grateful|thankful)\b|\bwell done (?:for|on)\b|, as (?:always|usual"
            r"|ever)"
            r"\s*[.!]"
        ),
    ),
    Cue(
        _F,
        "is passive-aggressive",
        _re(
            r"\bwhat (?:i|we) (?:said|wrote|explained|mentioned|told you) (?:last|earlier|before"
            r"|previously|on|in)\b|\brefer you (?:back )?to\b|\bif you (?:look|read|check)(?: it)?"
            r"(?: properly| carefully| again)?\s*[.!]?$|\byou'll find (?:it|the answer|this|that"
            r"|them)"
            r" (?:in|on)\b|\b(?:we've|we have|i've|i have) (?:been over|gone over|covered"
            r"|discussed)"
            r" (?:this|that|it)(?: already| before| several times| many times| twice)?\b"
        ),
    ),
    Cue(
        _F,
        "is defensive",
        _re(
            r"\bunder no circumstances\b|\bin no way\b|\bno intention of\b|\bstand (?:\w+ )?(?:by"
            r"|behind) (?:our|my) (?:invoice|quote|figures|bill|position|decision|price"
            r"|numbers)\b|\b(?:were|was|are|is) (?:perfectly"
            r"|absolutely|crystal|very|entirely|abundantly) clear\b|\bnot (?:a conversation"
            r"|something"
            r"|a discussion) (?:we're|we are|i'm|i am) (?:willing|prepared|going) to\b|\b(?:we're"
            r"|we are|i'm|i am) not (?:willing|prepared) to\b|\bwe met every\b"
        ),
        _re(r"\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        _F,
        "is combative",
        _re(
            r"\bdo you (?:honestly|really|seriously|actually) (?:think|believe|expect)\b|\b(?:don't"
            r"|do not) (?:lecture|patroni[sz]e)\b|\blecture us\b|\bmaybe (?:read|check|look at"
            r"|try)\b|\bmaking accusations\b|\bat a loss as to why\b|\bexhausting for\b"
            r"|\bdemoralising\b|\bdraining for (?:us|our|the team|everyone)\b"
        ),
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(
            r"\b(?:simply|clearly|obviously|objectively) the (?:better|best|right|superior"
            r"|stronger)"
            r" (?:solution|option|choice|approach|design|way|answer)\b|\b(?:our|we)\b[^.;?!]{0,40}"
            r"\b(?:higher|better|stronger|greater|more \w+) than (?:most|other|any|anyone"
            r"|anybody)\b"
            r"|\bgo-to (?:team|agency|firm|people|supplier)\b|\bearned our (?:place|reputation"
            r"|stripes)\b|\bmore \w+(?: [\w-]+){0,4} than (?:anyone|anybody|any other|most)\b"
            r"|\b(?:will|'ll) (?:see|realise|realize|understand|get|come to see) (?:that|it|this)?"
            r" ?eventually\b|\b(?:the|our) (?:concept|design|work|idea|plan|solution|layout|menu"
            r"|campaign) is (?:brilliant|excellent|perfect|great|superb|outstanding|spot on)\b"
            r"|\bhas made (?:her|his|their|our) decision\b|\bthe decision (?:has been|is) made\b"
            r"|\b(?:our|my) professional (?:judge?ment|opinion|view|instinct)\b"
            r"|\bvoted \w+ (?:\w+ )?of"
            r" the year\b|\b(?:agency|supplier|studio|firm|team|caterer|company) of the year\b"
            r"|\bfollow our lead\b|\b(?:as|like) (?:it|they|we) always (?:does|do)\b"
        ),
        _re(r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b"),
    ),
    Cue(
        _B,
        "says what the client should have done",
        _re(
            r"\b(?:would|'d) have \w+[^.;?!]{0,60}\bif (?:you|your|the client)(?: \w+){0,3}? had\b"
        ),
        _re(_QUESTION),
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(
            r"\b(?:we|our|i)\b[^.;?!]{0,60}\b(?:\w+er|more \w+"
            r"|far \w+)(?: \w+){0,2} than (?:yours|you|your"
            r"|anything|anyone|anybody|most|other|any)\b|\bthe only (?:\w+ ){0,2}?(?:firm|one|ones"
            r"|team|agency|company|people|supplier|caterer|studio|provider)\b|\bspeak for (?:us|me"
            r"|themselves)\b|\b(?:came|come) to us (?:for|because)\b|\byou hired us (?:for|because"
            r"|to)\b|\b(?:been|worked) in (?:this|the) (?:business|industry|game|trade|field"
            r"|sector)"
            r" (?:long enough|for)\b|\blong enough to know\b|\bsets? the (?:standard|benchmark"
            r"|bar)\b"
            r"|\bour (?:\w+ )?(?:are|is) (?:the )?(?:experts?|professionals?|specialists?)\b"
            r"|\bhand-?"
            r"holding\b|\bour (?:own )?vision\b|\bour way of\b|\b(?:we|our \w+) (?:don't|do not) do"
            r" (?:generic|boring|safe|cheap|ordinary|average|bland)\b"
            r"|\bso the (?:\w+ ){0,2}?(?:stays"
            r"|stands)\b|\bnot a list of requests\b"
        ),
        _re(r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b|\bsorry\b"),
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(r"\b(?:it's|it is|that's|that is) the right (?:one|choice|call|option)\b"),
        requires=_re(r"\b(?:we|i) (?:\w+ )?(?:picked|chose|designed|selected|recommended|built)\b"),
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\b(?:most|many|half|lots) of (?:the|your|our) \w+ (?:have|has|had|are"
            r"|were) (?:\w+ ){0,2}?"
            r"(?:issues|problems|errors|late|wrong|faults|bugs|mistakes)\b|\bevery (?:week|day"
            r"|month"
            r"|time|release|delivery|round|visit)\b[^.;?!]*\b(?:new|another|more|fresh) (?:problem"
            r"|issue|error|delay|complaint|mistake|glitch)s?\b"
        ),
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        _F,
        "is combative",
        _re(
            r"\b(?:clearly|obviously|evidently),? you (?:haven't|didn't|don't|weren't|aren't"
            r"|have not"
            r"|did not|do not)\b|\bpaying attention\b|\btake (?:that|this) tone\b|\b(?:that|this)"
            r" tone (?:with|of)\b|\bif that's how you feel\b|\bnot the right (?:partner|fit"
            r"|supplier"
            r"|agency|firm) for you\b|\bspare (?:us|me) the\b|\b(?:i'm|i am|we're"
            r"|we are) not going to"
            r" (?:argue|debate|discuss|go over|justify)\b|\bhad enough of\b"
        ),
    ),
    Cue(
        _B,
        "ties the failure to the client",
        _re(
            r"\bthe reason\b[^.;?!]{0,60}\bis (?:that )?(?:you|your)\b"
            r"|\byour\b[^.;?!]{0,80}?\b(?:is"
            r"|was|'s) what (?:broke|caused|stopped|blocked|delayed|held|killed|sank)\b|\b(?:this"
            r"|that)"
            r"(?:'s| is) the result\b|\band here we are\b|\bfrom your \w+(?: \w+)? (?:was|were|is"
            rf"|are|came) (?:\w+ )?{_BAD}\b|\blet down by (?:you|your)\b"
        ),
        _re(_QUESTION + r"|" + _OURS[2:-2]),
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\b(?:rarely|seldom|hardly ever|usually|typically|routinely|frequently|forever)\b"
            r"[^.;?!]{0,40}\b(?:wrong|late|on time|back to us|broken|off|missing|mistakes|errors"
            r"|problems|issues|down|unclear|slow)\b|\b(?:a fair bit|quite a bit|a fair amount"
            r"|a good"
            r" deal) of (?:confusion|trouble|problems|issues|rework|back and forth|disruption)\b"
            r"|\bplagued by\b|\bround in circles\b"
        ),
        _re(_QUESTION + r"|" + _REPORTED + r"|\b(?:we|i)(?:'ll| will)\b"),
        vague=True,
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(
            r"\bwe know what (?:good|great|success|right|quality) looks like\b|\btoo (?:experienced"
            r"|good|skilled|senior|careful|professional) to\b|\btake our word for it\b|\bour"
            r" (?:direction|guidance|leadership)\b|\bnot more opinions\b|\bopinions from the"
            r" committee\b"
        ),
    ),
    Cue(
        _F,
        "is combative",
        _re(
            r"\b(?:we|i) find (?:this|these|that|those|your) (?:\w+ ){0,2}?(?:offensive|insulting"
            r"|unacceptable|hurtful|outrageous)\b|\blet's be honest,? (?:you|your)\b|\byou (?:were"
            r"|are|'re) never going to be (?:happy|satisfied|pleased)\b|\byou might want to check\b"
            r"|\bcheck your own\b"
        ),
    ),
    Cue(
        _B,
        "ties the failure to the client",
        _re(
            r"\bwould have (?:gone|been|worked|finished|run|landed)\b[^.;?!]{0,60}\b(?:with|had|if)"
            r"\b[^.;?!]{0,40}\b(?:your|you)\b|\bagainst our (?:advice|recommendations?|warnings?)\b"
            r"|\b(?:sitting|sat|stuck|lying) (?:in|on) your\b|\b(?:information|data|figures|files"
            r"|details|brief|specs?|numbers|instructions|list) you (?:gave|sent|provided|supplied)"
            rf"(?: us)?\b[^.;?!]{{0,40}}\b{_BAD}\b"
        ),
        _re(_QUESTION + r"|\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        _E,
        "leans on the provider's record",
        _re(
            r"\bseen it all\b|\bseen (?:it|this|everything) (?:all )?before\b|\b(?:doubt"
            r"|don't think)"
            r" (?:anyone|anybody) else could\b|\bdefer to (?:us|our)\b|\bnot in the habit of"
            r" (?:getting|making)\b"
        ),
    ),
    Cue(
        _F,
        "is defensive",
        _re(
            r"\b(?:can't|cannot) expect us to\b|\bwork miracles\b|\bnot our job to\b|\bbabysit\w*"
            r"\b|\benough is enough\b|\bold ground\b|\bgo (?:over|through) (?:this|it|that) again\b"
        ),
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\btends? to (?:be )?(?:vague|late|wrong|slow|unclear|patchy|messy|incomplete|off)\b"
            r"|\b(?:is|are|has gone|have gone|went) down across\b|\b(?:pop|crop)s? up every\b"
        ),
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        _B,
        "blames by implication",
        _re(
            r",? not (?:from|by) (?:you|your)\b|\bwhile (?:you|your(?: [\w-]+){1,3}?) (?:was|were)"
            r" \w+ing\b(?=[^.;?!]*\b(?:lapsed|expired|ran out|sold out|missed|went|slipped|lost))"
            r"|\b(?:we|i) (?:were|was) (?:never|not) (?:given|sent|told|shown|granted|provided with"
            r"|informed|invited|asked)\b|\b(?:you|your(?: [\w-]+){1,3}?) should (?:know"
            r"|understand|be"
            r" able to|have learned)\b"
        ),
        _re(_QUESTION + r"|\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        _G,
        "is a generality",
        _re(
            r"\bfew and far between\b|\bone (?:problem|issue|thing|mistake|delay|error) after"
            r" another\b|\bhit or miss\b|\bjust (?:isn't|is not|wasn't) there\b|\b(?:everyone"
            r"|everybody"
            r"|all of us)(?: \w+){0,2}? (?:is|are|was|were|seems?) (?:\w+ )?(?:unhappy|frustrated"
            r"|annoyed|disappointed|confused|fed up|lost)\b"
        ),
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        _E,
        "puts the provider above the client",
        _re(
            r"\b(?:at|to) the top of (?:our|the|their) (?:field|industry|game|sector|tree|trade)\b"
            r"|\bany (?:competent|good|decent|serious|professional|sensible|reputable) \w+ would"
            r" (?:agree|tell you|say|do)\b|\b(?:praised|admired|commended|recognised|recognized)"
            r" by\b|\b(?:we|i)(?:'ll| will)? decide (?:what|how|which|whether)\b|\b(?:the )?experts"
            r" (?:on|in) our team\b|\bour experts\b|\b(?:already )?made the call\b"
        ),
    ),
    Cue(
        _F,
        "is defensive",
        _re(
            r"\b(?:shouldn't|should not) have to (?:explain|repeat|say|tell|ask|chase|remind"
            r"|justify)"
            r"\b|\bthat's your opinion\b|\band it's (?:simply |just )?wrong\b|\b(?:we're|we are|i'm"
            r"|i am) done (?:discussing|talking|arguing|here|with this)\b|\bwhat (?:more|else)"
            r" (?:do )?you want from us\b"
        ),
    ),
    Cue(
        Rule.LISTENING,
        "reflects the client's words back",
        _re(
            r"\bif i(?:'ve| have)? got (?:this|that|it|you) right\b|\bhave i got (?:this|that|it)"
            r" right\b|\bam i right (?:that|in thinking)\b|\bto make sure i(?:'ve)? understood\b"
        ),
    ),
)
"""The checks' cues, in report order."""

# --- credits: what the articles ask for ------------------------------------------------------

_L, _R, _S = Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT
_OWNER = (
    r"(?:team|lead|manager|engineer|designer|developer|director|tester|reviewer|analyst"
    r"|technician|crew|driver|planner|chef|coordinator|accountant|consultant|contact|architect)"
)
_ACTION = (
    r"(?:send|deliver|call|ring|phone|email|have|fix|fit|be|bring|start|finish|move|hold"
    r"|check|review|test|re-?test|set up|put|replace|reprint|redo|rebuild|share|meet|visit"
    r"|arrive|update|confirm|install|complete|run|give|refund|credit|cover|pay|book|join"
    r"|present|publish|provide|arrange|come|attend|do|make|get|take|write|prepare|add"
    r"|assign|return|walk|show|hand|drop|collect|ship|restore|upload|issue|reply|respond"
    r"|answer|report|post|record|train|sit|stay|keep|lead|handle|cut|bring|tell|let you know"
    r"|re-?run|repair|swap|remove|clean|sweep|leave|open|close|ring|follow up|go through"
    r"|contact|escalate|look at|work|waive|absorb|replace|fix|pick up|monitor|audit)"
)
_TENTATIVE = (
    r"\?\s*$|\b(?:might|could|hope to|try to|trying to|aim to|should be able|ideally|if (?:we"
    r" can|possible))\b|\bmay (?:be|have|need|not|take|want|slip|change)\b|\b(?:we|i|they|it)"
    r" (?:won't|will not|shall not)\b"
)
_ADMIT = (
    r"(?:got (?:\w+ ){0,3}?wrong|missed|made (?:a|an|the|two|three|several) (?:\w+ )?(?:mistakes?"
    r"|errors?|wrong call|bad call)|let you down|dropped the ball|failed (?:to|you)|should have"
    r"|shouldn't have(?! to)|under-?estimated|under-?scoped|over-?promised|over-?committed"
    r"|under-?\w+ed"
    r"|took on too much|bit off more"
    r"|overlooked|misjudged"
    r"|misread|fell short|were (?:late|wrong|slow)|was (?:late|wrong|slow)|own (?:this|that"
    r"|it|the|our)|take (?:full )?(?:the )?(?:responsibility|ownership|the blame)|accept (?:full"
    r" )?(?:responsibility|the blame|that (?:we|our|the))|are responsible|'re responsible|am"
    r" responsible|caused|broke|forgot|priced (?:\w+ ){0,3}?(?:wrong|before)|changed (?:\w+ ){0,3}?"
    r"without|spent (?:\w+ ){0,4}?(?:defending|arguing|instead)|promised (?:\w+ ){0,3}?and"
    r" (?:didn't|did not|then)|didn't (?:\w+ ){0,2}?(?:test|check|tell|flag|send|warn|catch"
    r"|spot|follow|plan|allow|listen|read|ask|deliver|keep|update|call)|never (?:tested|checked"
    r"|told|flagged|sent|warned|caught|planned|asked|updated|called)|sent (?:\w+ ){0,4}?(?:without"
    r"|to the wrong|the wrong)|(?:have|'ve) been (?:\w+ )?off our game)"
)

CREDIT_CUES: tuple[Cue, ...] = (
    Cue(
        _L,
        "asks the client to articulate",
        _re(
            r"\bhelp (?:me|us) (?:to )?(?:understand|see|get)\b|\bfrom your (?:own )?(?:perspective"
            r"|point of view|side,|standpoint|seat|vantage point|angle)\b|\bfrom where you"
            r" (?:sit|stand)\b|\b(?:can|could|would) you (?:\w+ )?(?:walk|take) (?:me|us)"
            r" (?:through|back)\b|\btell (?:me|us) (?:more|how|what|which|where|when|about)\b"
            r"|\bin your (?:own )?words\b|\bi heard (?:\w+ ){0,2}?(?:things|points|concerns|issues"
            r"|messages|worries)\b|\b(?:walk|talk|take) (?:me|us) through\b|\b(?:i"
            r"|we)(?:'d| would) (?:like|love|want) to (?:hear"
            r"|understand|know) (?:\w+ ){0,4}?(?:from you|your|what|how|which|whether)"
            r"|\bi want to (?:hear|understand)\b|\bwhat matters (?:most )?to you\b"
        ),
    ),
    Cue(
        _L,
        "asks the client to articulate",
        _re(
            r"\b(?:what|which|how|where|why|who|is there|are there|do you|did you|would you"
            r"|could you|can you|have (?:i|we)|is that|does that|was it|were you|when you)\b"
            r"[^.!?;]*\?"
        ),
        _re(
            r"\bwhat time\b|\bwhen (?:can|could|would|will) (?:you|we)\b|\bsuit you\b|\bconvenient"
            r"|\bhow many (?:more )?times\b|\bdo we (?:have|need) to\b|\bwhy (?:should|would"
            r"|on earth"
            r"|can't|won't|didn't|did|do) you\b|\bwhat (?:exactly )?do you expect\b"
            r"\b|\b(?:a good|the best) time\b|\bavailable\b|\bslot\b|\bpo number\b|\binvoice"
            r" address\b|\bhow (?:about|does \w+ sound)\b|\bwould you like (?:a|us to send)\b"
        ),
        requires=_re(r"\?\s*$"),
    ),
    Cue(
        _L,
        "reflects the client's words back",
        _re(
            r"\b(?:i|we) (?:\w+ )?(?:heard|hear) (?:you|that|what you)\b|\bwhat (?:i|we)(?:'m| am"
            r"|'re| are) (?:hearing|taking away)\b|\bwhat i (?:heard|took away)\b|\bit sounds"
            r" (?:like|as though|as if)\b|\byou sound\b|\byou (?:also )?(?:told|showed|reminded)"
            r" (?:us|me)\b|\byou (?:said|mentioned|explained|pointed out|raised|described"
            r"|flagged|noted|wrote|made (?:it )?clear|were clear|asked (?:for|us|me|that"
            r"|whether))\b|\b(?:if|so) i(?:'ve| have)? understood (?:you|that)?\b|\blet me"
            r" (?:make sure|check|play (?:that|it) back|repeat back|summari[sz]e)\b|\b(?:did|have)"
            r" (?:i|we) (?:get|got|understood|capture|captured) (?:that|this|it|you|everything)"
            r"(?: \w+)? right\b|\bso you(?:'re| are) saying\b|\byour point (?:about|on|that)\b"
            r"|\bas you (?:put it|described it|said)\b|\bif i understand (?:you )?(?:correctly"
            r"|right)?\b|\bi(?:'ve| have) (?:written|noted|taken) (?:that|this|it) down\b"
        ),
        _re(
            r"\byou (?:never|didn't|did not) (?:told|tell|said|say|mention)"
            r"|\b(?:i|we) (?:already |did )?told you\b"
        ),
    ),
    Cue(
        _R,
        "accepts responsibility",
        _re(
            rf"\b(?:we|i|our (?:\w+ )?(?:team|people|staff|crew|designer|developer|engineer|driver"
            rf"|side)) (?:\w+ )?{_ADMIT}\b"
            r"|\b(?:that|this|it|which)(?:'s| is| was) (?:on us|on me|our (?:\w+ )?(?:fault|mistake"
            r"|error|responsibility|doing|oversight|failure)|my (?:fault|mistake|error))\b"
            r"|\b(?:our|my) (?:\w+ )?(?:fault|mistake|error|oversight|failure|misjudge?ment"
            r"|miss|problem to solve)\b"
            r"|\bour (?:own )?(?:\w+ ){0,2}?(?:estimate|timeline|schedule|plan|staffing|process"
            r"|testing|team|handover|brief(?:ing)?|review|code|release|quote|form|template|script"
            r"|notes|choice|budget|packing|deployment|system|forecast|design"
            r"|checks?) (?:\w+ ){0,2}?"
            r"(?:was|were|fell|missed|had|left|accepted|ignored|didn't|did not|wasn't|weren't"
            r"|broke|caused) (?:\w+ ){0,4}?(?:short|wrong|late|inadequate|not|too|weak|flawed"
            r"|missing|the cause|the root|out|optimistic|low|high|a date|rated|should have"
            r"|entirely|without)\b"
            r"|\bthe (?:fault|responsibility|mistake|blame|error|slip|problem|cause) (?:\w+ ){0,5}?"
            r"(?:is|was|lies|lay|rests|sat|sits) (?:ours|with us|with me|(?:in|with|on) (?:our"
            r"|my))\b|\bon our part\b|\bdown to us\b|\bis ours\b|\b(?:the )?(?:blame|fault) on"
            r" our\b|\bno excuse\b|\b(?:i|we) (?:\w+ )?apologi[sz]e for (?:our|the|my|not|missing"
            r"|failing|that)\b|\b(?:i'm|i am|we're|we are) sorry (?:that )?(?:we|our|i)\b"
            r"|\bwe (?:take|accept|own) (?:that|this|it|the)\b|\bshould never have\b|\b(?:was|is)"
            r" (?:entirely |all |completely )?(?:mine|ours)\b"
            r"|\bour(?: [\w-]+){1,2}? (?:really )?should"
            r"(?:n't)? have\b|\bsorry: (?:the|our)\b"
            r"|\boff our game\b"
            r"|\byou(?:'re| are| were) (?:quite |absolutely |completely )?right(?: that| to|;|,|\.)"
        ),
        _re(
            r"\b(?:we|i) (?:\w+ )?(?:should have|missed) (?:\w+ )?(?:been told|heard|known)\b"
            r"|\bnot (?:our|my) (?:fault|mistake|responsibility|problem)\b|\bnot on us\b|\bor have"
            r" (?:i|we) missed\b|\bnot something (?:we|our)\b|\bwhether (?:we|i)\b"
            r"|\b(?:did|have) (?:i|we) miss\b"
        ),
    ),
    Cue(
        _S,
        "makes a specific commitment",
        _re(
            rf"\b(?:we|i|you|our (?:\w+ )?{_OWNER}|the (?:\w+ )?{_OWNER}|(?:it|they|this|that)"
            r"|a (?:\w+ )?(?:engineer|technician|manager|lead|senior \w+|second \w+))(?:'ll| will"
            r"| shall| are going to| is going to| am going to|'m going to|'re going to)"
            rf" (?:\w+ ){{0,2}}?{_ACTION}\b|\b(?:we|i)(?:'re| are|'m| am|'ve| have) (?:now )?"
            r"(?:moving|putting|adding|sending|booking|assigning|bringing|starting|moved|booked"
            r"|assigned|added|scheduled|set up)\b|\bevery (?:\w+ )?(?:monday|tuesday|wednesday"
            r"|thursday|friday|day|morning|week|working day)\b[^.?!;]*\b(?:will|'ll)\b"
            r"|\bwill (?:\w+ )?be (?:answered|sent|fixed|delivered|with you|on site|live|ready"
            r"|done|in"
            r" place|there|available|fitted|installed|back|replaced|repaired|restored|finished"
            r"|complete|checked|reviewed|tested|called|posted)\b"
            r"|\bwill (?:\w+ ){0,5}?(?:by|on|before|from) (?:\d|monday|tuesday|wednesday|thursday"
            r"|friday|saturday|sunday|tomorrow|the \d|next)"
        ),
        _re(_TENTATIVE),
        specific=True,
    ),
    Cue(
        _S,
        "makes a specific commitment",
        re.compile(
            r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:will|is going to|shall|has booked|is booked"
            r"|will have|is moving|is sending|starts)\b"
        ),
        _re(_TENTATIVE),
        specific=True,
        cased=True,
    ),
)
"""The credits' cues."""
