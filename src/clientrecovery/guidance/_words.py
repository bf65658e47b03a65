"""The word classes the guidance cues are built from, and the shape of a cue.

A cue describes a move, not a sentence: *someone on the client's side is the subject of a
failure*, *a failure is tied to the client by a causal link*, *an absolute is applied to
people or to the work*, *the provider praises itself*, *the provider refuses or defends
itself*. Each cue is built from small word classes (who acts, what counts as a failure, what
links a cause) and may carry a veto: a pattern that, found in the same sentence, means the
move is something else (an apology, empathy, an idiom, a question put to the client). The
cues themselves live in one module per check: ``_blame``, ``_ego``, ``_emotion``,
``_generalities`` and ``_credits``.
"""

from __future__ import annotations

import re

import attrs

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._gate import alternatives

__all__ = ["Cue"]


@attrs.frozen
class Cue:
    """One move a check looks for."""

    rule: Rule
    """The rule it reports under."""
    kind: str
    """What the move does, for the message: ``“…” {kind}``."""
    source: str
    """Where the move is: a regular expression over the lower-cased prepared text (or the
    text as written, if ``cased``). It is compiled piece by piece, when a sentence has the
    words a piece needs (:mod:`clientrecovery.guidance._gate`)."""
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

    @property
    def pattern(self) -> re.Pattern[str]:
        """:attr:`source`, compiled."""
        return re.compile(self.source)


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
# People and groups on the client's side, as the head of a noun phrase ("your night shift",
# "their finance people"): a subject that can act, unlike "your order" or "your site".
_PEOPLE = (
    r"(?:team|teams|staff|people|side|managers?|department|dept|admin|admins|it|board|office"
    r"|head office|finance|legal|procurement|warehouse|shift|developers?|engineers?|lead|director"
    r"|contact|planner|architect|landlord|supplier|agency|printers?|accounts|reception|security"
    r"|facilities|colleagues|users|employees|crew|operators|boss|ceo|cfo|buyer|buyers|pa"
    r"|assistant|committee|stakeholders|marketing|sales|lawyers|solicitor|accountant"
    r"|contractors?|vendors?|partners?|forwarder|courier|couriers|host|venue|council|bank"
    r"|hotel|caterers?|photographer|designer|consultants?|installer|electrician|builder"
    r"|freelancers?|subcontractors?|auditors?|agents?|workers|drivers?|cleaners|technicians?"
    r"|help-?desk|help desk|service desk|support|support team|analysts?|testers?)"
)
# What a clause says went wrong, wherever it falls after its subject.
_WENT_WRONG = (
    r"(?:the wrong|wrong|incorrect(?:ly)?|out of date|outdated|left out|left off|missed|never"
    r" (?:\w+ed|sent|gave|came|turned up|showed up|told|got|made|did|paid|read|answered)|didn't"
    r"|did not|hasn't|haven't|hadn't|failed|forgot|lost|cost us|cost the|set us back|held"
    r" (?:up|back|us|it|the \w+|things)|too late|late|broke|damaged|chipped|cracked|scratched"
    r"|dented|gave (?:\w+ ){0,3}?to (?:another|someone else|a different)|gave away|misprinted"
    r"|mis\w+ed|disabled|deleted|walked off|pulled out|cancell?ed|ignored"
    r"|unplugged|switched off|overwrote|blocked|stalled|slowed (?:\w+ ){0,2}?down|delayed"
    r"|still (?:hasn't|haven't|not|waiting)|sat on|lost|dropped|wiped|corrupted|crashed"
    r"|no-?show|went quiet|went silent|vanished|turned (?:\w+ ){0,3}?away|sent (?:\w+ ){0,2}?away"
    r"|locked (?:\w+ )?out|without (?:asking|telling|checking|warning|consulting|informing|fixing"
    r"|resolving|reading|looking|testing)|cut (?:through|off)|left (?:\w+ ){0,3}?(?:outside|in the"
    r" rain|unattended|on the doorstep)|pulled (?:\w+ ){0,3}?(?:off|out)|took (?:\w+ ){0,3}?off)"
)
# Words of a clause that mean it is thanks or credit, not blame.
_PRAISE = (
    r"(?:thank\w*|grateful|helpful|helped|patien\w+|support\w*|quick|prompt|clear|detailed"
    r"|careful|thorough|great|excellent|fast|early|swift|generous|kind|brilliant|spot on|saved"
    r"|spotted|caught|flagged|well done|impressive|invaluable|appreciat\w+|better|improv\w+)"
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
    r"|incomplete|behind)|left (?:you|your [\w-]+(?: [\w-]+)?|the [\w-]+|them|us) (?:\w+ ){0,3}?"
    r"(?:without|short|in the dark|waiting|exposed|stranded|untidy|dirty|open|unlocked)"
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
    r"(?:came|comes?|coming) (?:about |entirely |mostly |largely |directly |straight )?from",
    r"(?:started|starts|began|begins|kicked off) with",
    r"(?:came|comes?|coming) out of",
    r"traced? (?:back )?to",
    r"traces (?:back )?to",
    r"(?:goes|went|go|comes|came) back to",
    r"(?:a |the )?consequence of",
    r"the (?:price|cost|fallout|upshot) of",
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
    r"(?:delays?|slips?|slippage|slow-?downs?|lag|outages?|drop-?off|problems?|issues?|errors?|mistakes?|bugs?|defects?|faults?"
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
    r" board|a bit|somewhat|kind of(?! (?:you|your|them|him|her|us))|sort of|rather|the whole"
    r"|keeps?|kept|on both sides"
    r"|probably|ups and downs|all over|back and forth|in lots of ways|in many ways|now and"
    r" then|from time to time|on and off|more often than not|most of the time|constant"
    r"|continual|repeated|endless|recurring|persistent|ongoing|so many|too many|numerous"
    r"|countless|most weeks|most days|most months|at some point|from start to finish|from day one"
    r"|the whole thing|everywhere|all over the place|throughout)\b"
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
    r"|frustrat\w+|a struggle|a concern|headache|a pain|hassle|a battle|a fight|bad|worse|worst"
    r"|fail\w*|gone wrong|going wrong"
    r"|go wrong|not working|doesn't work|don't work|vague|rocky|unhelpful|unstable|flaky"
    r"|arguments|disputes|rows|friction|tension|clashes|firefighting|chaos)\b"
)

_OURS = (
    r"\b(?:our (?:own )?(?:fault|mistake|error|responsibility|doing|part|side|problem)"
    r"|(?:is|was|'s|are|were) (?:all |entirely |squarely )?on us|with us|is ours|are ours"
    r"|was ours)\b"
)

# --- for the credits -------------------------------------------------------------------------

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
    r"|under-?\w+ed|got complacent|took (?:our|my) eyes? off|let (?:\w+ ){0,2}?slide|cut corners"
    r"|(?:were|was) (?:careless|sloppy|negligent)"
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
