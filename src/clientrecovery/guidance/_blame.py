"""NO_BLAME: blame pushes the client away (000).

The client, or a third party, as the subject of a failure; causal links to the client;
denials of responsibility; what the client should have done; blame by implication.
"""

from __future__ import annotations

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._words import (
    _ADV,
    _BAD,
    _CLIENT,
    _FAILED,
    _OTHERS,
    _OURS,
    _PEOPLE,
    _PRAISE,
    _PROBLEM,
    _QUESTION,
    _REPORTED,
    _THIRD,
    _WENT_WRONG,
    Cue,
    _each,
    _each_link,
    _re,
)

__all__ = ["CUES"]

# The client cleared, not blamed: "it wasn't your fault", "nobody on your farm did
# anything wrong" (the wording of blame, negated).
_CLEARED = (
    r"|(?:\bnot|n't|\bnever) (?:\w+ ){0,2}?your (?:own )?(?:fault|doing|mistake)\b"
    r"|\b(?:nobody|no one|no-one|none of (?:you|your \w+))\b[^.;?!]{0,40}\b(?:did|does"
    r"|has done|had done) (?:anything|something) wrong\b"
)

CUES: tuple[Cue, ...] = (
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        _each(rf"\b{_CLIENT}(?: (?:that|which|who))? {_ADV}(?:", _FAILED, r")\b"),
        _re(
            _QUESTION + r"|\bsorry\b|\bapologi[sz]e\b|\bregret\b"
            r"|\b(?:we|i|this|it|that) (?:\w+ )?(?:told|gave|sent|showed|owe|cost|caused|left"
            r"|asked|put|kept|let) (?:you|your|the client)\b"
            r"|\bif (?:you|your \w+) (?:can|could|would)\b|\b(?:in case|unless|so"
            r" that|so) you\b|\byou(?:'ll| will)? (?:should|may|might) (?:have )?(?:received|got"
            r"|seen|had)\b|\b(?:you|your \w+) (?:did|have done) nothing wrong\b" + _CLEARED
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        _each_link(
            r"(?:[\w-]+ ){0,5}?(?:your|you|the client'?s?|yours)\b(?! (?:help|patience|feedback"
            r" was|support|quick|prompt|input|notes|team's notes))"
        ),
        _re(
            r"\b(?:because|since|due to|owing to|down to|thanks to) (?:of )?(?:we|i|us|our)\b"
            rf"|\b(?:because of|thanks to|due to|owing to|down to) your (?:\w+ )?{_PRAISE}\b"
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
            r"|fail|dropped|drop|lost|loss|pushed|why|can't|cannot|couldn't|had to|fell|fallen"
            r"|duplicate\w*|slow\w*|blurry|on hold)\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        r"\b(?:your|you)\b[^.;?!]{0,80}?\b(?:is|was|are|were) the (?:real |main |only )?"
        r"reason\b"
        r"|\b(?:your|you)\b[^.;?!]{0,80}?\b(?:is|was|are|were) (?:the (?:real )?reason |exactly"
        r" |really )?why\b|\b(?:your|you)\b[^.;?!]{0,80}?\b(?:which|that)(?:'s| is| was) why\b"
        r"|\bthe (?:real |main |only )?reason\b[^.;?!]{0,60}?\b(?:is|was|were)\b[^.;?!]{0,40}?"
        r"\b(?:your|you)\b"
        r"|\b(?:which|that)(?:'s| is| was) why (?:your|you)\b",
        _re(_QUESTION + r"|\bthat's what we\b" + rf"|\b{_PRAISE}\b"),
    ),
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        rf"\b{_CLIENT}(?:'re| are| is| were| was)? (?:\w+ )?(?:always|never|constantly"
        r"|continually|forever|perpetually)\b|\b(?:nobody|no one|no-one|none of (?:you|them))"
        r" (?:on|in|at|from) (?:your|the client's)\b"
        r"|\b(?:everybody|everyone|all of you) (?:on|in|at|from) your \w+ (?:\w+ )?(?:seems?"
        r"|wants?|keeps?|changes?|ignores?|complains?|is|are)\b"
        r"|\bevery (?:single )?time\b[^.;?!]*\b(?:you|your \w+)(?: \w+)? (?:change|changes"
        r"|changed|move|moves|add|adds|reject|rejects|ignore|ignores|complain|complains|forget"
        r"|forgets|miss|misses)\b"
        r"|\b(?:you|your \w+) (?:complain|complains|moan|moans|grumble|grumbles) about"
        r" (?:\w+ )?(?:everything|anything|every \w+)\b",
        _re(
            rf"\b{_PRAISE}\b|\bquickly\b|\bpromptly\b|\bnever (?:have|need) to\b|"
            + _QUESTION
            + r"|\b(?:always|forever) (?:\w+ )?(?:welcome|happy|free|able|right"
            r"|invited)\b|\bnever (?:hesitate|feel|worry|be shy|need)\b|\bcan always\b"
            r"|\b(?:will|'ll|shall) (?:\w+ )?always\b|\bshould(?:n't)? (?:ever )?have to\b"
            r"|\b(?:needs?|has) to\b" + _CLEARED
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "blames someone else",
        _each_link(rf"(?:\w+ ){{0,3}}?(?:the|their|our) (?:\w+ )?{_OTHERS}s?\b"),
        _re(_QUESTION + r"|" + _OURS + r"|\bwe (?:take|accept|own)"),
        requires=_re(
            rf"\b{_PROBLEM}|{_BAD}|\b(?:stall\w*|slipp\w*|overr\w*|crash\w*|broke"
            r"|lost|delay\w*|went up|cost|failed)\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "places the problem on the client's side",
        r"\b(?:on|at|from|with) your (?:own )?(?:side|end|desk|court)\b"
        r"|\bthe ball (?:is|was|'s) (?:now )?in your court\b"
        r"|\b(?:a question|one) for your (?:own )?\w+(?: \w+)?,? not (?:for )?us\b"
        r"|\bwe can only (?:move|go|work|deliver) as (?:fast|quickly) as\b",
        _re(
            _QUESTION + r"|\b(?:please|let us know|tell us|if someone|could someone|can someone"
            r"|is there anyone|anyone on your|if|once|when|as soon as)\b"
        ),
        requires=_re(rf"\b{_PROBLEM}|{_FAILED}|\b(?:court|only|not us|not for us)\b"),
    ),
    Cue(
        Rule.NO_BLAME,
        "assigns blame",
        r"\b(?:your|the client's|their) (?:own )?(?:fault|mistake|error|oversight|failure"
        r"|negligence|omission|doing|lookout)\b"
        r"|\b(?:that|this|it)(?:'s| is| was) (?:all )?(?:on|down to) (?:you|them)\b"
        r"|\b(?:it|that|this) (?:was|is|'s) (?:all )?your (?:own )?(?:decision|choice|call"
        r"|idea|wish)\b"
        r"|\b(?<!being )(?:blam(?:e|ed|es|ing)|at fault|culprits?|to blame|scapegoat)\b"
        r"|\bmaybe ask (?:\w+ ){1,3}?why\b|\bask (?:\w+ ){1,3}?why (?:\w+ ){0,4}?(?:never"
        r"|didn't|wasn't|hasn't|isn't)\b",
        _re(
            r"\b(?:no|none|not|nobody|no one|never|don't|do not|won't|isn't|wasn't|weren't"
            r"|aren't|without|rather than"
            r"|instead of|no point)\b (?:[\w']+ ){0,4}?(?:blam|fault|point\w* fingers)|\bnot about"
            r" (?:\w+ )?blame|\bmatters less\b|\b(?:i|we) (?:can |do )?(?:understand|see)"
            r" (?:why|how)\b"
            r"|\b(?:it's|it is|it was|that's|that is|that was) (?:all )?(?:us|ours|me|on us"
            r"|on me)\b|\bour own|\bwere blaming|\bblaming (?:anyone|each other)"
            r"|\bhelp me understand|\bdon't see (?:this|it|that) as\b|\bthe (?:blame"
            r"|fault) (?:\w+ ){0,4}?(?:is|was|lies|sits"
            r"|rests) (?:ours|with us|in our|with our)|\b(?:the )?(?:blame|fault) on our\b"
            r"|\bwe won't be made the scapegoat|\bwe (?:take|accept|own)|\bscapegoat for\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "denies responsibility",
        r"\b(?:not|isn't|wasn't|aren't|weren't)(?: really| entirely| strictly| at all)?"
        r" (?:our|my) (?:fault|problem|responsibility|doing|concern|issue|mistake|job)\b"
        r"|\bnot (?:a|any) (?:fault|failure|mistake|error) (?:on|of) (?:our|my) (?:part|side)\b"
        r"|\b(?:there|there's|there is|there was)(?: really| simply)? nothing (?:more |else )?"
        r"(?:we|i) (?:can|could) (?:have )?do\b"
        r"|\b(?:sits|lies|rests)(?: really| squarely| firmly)? with (?:them|her|him)\b"
        r"|\b(?:is|was|'s)(?: really| squarely| all)? on (?:them|her|him)\b(?! way)"
        r"|\b(?:none of (?:this|it|that)|nothing (?:here|of this)) (?:is|was|'s) (?:our|my)"
        r" (?:\w+ )?(?:doing|fault|making|responsibility|problem)\b"
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
        # the cause put beyond the provider's reach or end
        r"|\b(?:we|i) (?:had|have|'ve|'d) (?:had )?(?:nothing|no control|little control)"
        r" (?:to do with|over)\b|\b(?:unlikely|hardly likely|not likely) to be"
        r" (?:on|at) our (?:end|side)\b|\bdon't see what (?:else )?(?:we|i) (?:were|was|could"
        r"|should) (?:supposed to |have )?(?:do|done)\b|\b(?:we|i) (?:do not|don't|cannot"
        r"|can't|won't) accept (?:that )?(?:[\w']+ ){0,5}?(?:our|we|us)\b",
    ),
    Cue(
        Rule.NO_BLAME,
        "says what the client should have done",
        rf"\b{_CLIENT} (?:really )?(?:should|ought to|could|needed to|were supposed to|was"
        r" supposed to|had to)(?:n't)?(?: really| honestly| definitely"
        r"| easily)? (?:have )?(?:\w+ed|\w+en|told|sent|known|read|done"
        r"|given|made|got|kept|thought|come|brought|paid|run|put|let)\b"
        rf"|\bif (?:only )?{_CLIENT}(?:'d| had)(?:n't| not)? \w+[^.?!;]*(?:\b(?:would|could"
        r"|might)|'d)(?:n't| not)? (?:have|be|already)\b|\b(?:none of this|this|that|it)"
        r" (?:would|could)(?:n't| not)? have (?:happened|been needed) if\b|\b(?:would"
        r"|could)(?:n't| not) have happened if\b"
        rf"|\bhad (?:{_CLIENT}|(?:anyone|someone|somebody) (?:on|in|at|from) your \w+)"
        r" [^.?!;]{0,80}?\b(?:would|could|might)\b",
        _re(
            r"\b(?:you|your \w+) (?:should|might|may) (?:have|now have) (?:received|got|had|seen"
            r"|heard)\b|\bwe (?:really )?should(?:n't)? have\b|\bsaid we\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "blames someone else",
        rf"\b{_THIRD} {_ADV}(?:{_FAILED}|let us down|dropped the ball|(?:was|were|is|are)"
        r" (?:to blame|at fault|wrong|late|the problem))\b",
        _re(
            _QUESTION
            + r"|\b(?:we|i) (?:\w+ )?(?:missed|didn't|failed|should have)|"
            + _OURS
            + r"|\bwe (?:take|accept|own)"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "blames by implication",
        r"\bfinally (?:arrives?|sends?|sent|gets? (?:round|around|back)|comes? (?:in|through)"
        r"|replies|responds|approves?|signs?|reaches|lands|decides?|turns? up|shows? up)\b"
        r"|\bwithout (?:anyone|anybody|any of you|you) (?:\w+ )?(?:telling|informing|asking"
        r"|warning|letting) us\b|\b(?:seem to have |have |has )?gone unread\b"
        r"|\bwe(?:'ve| have) (?:still )?been waiting (?:for|on) (?:\w+ ){0,4}?since\b"
        r"|\bthanks (?:so much |very much |a lot )?for (?:letting us know|telling us|the"
        r" (?:heads-?up|notice|warning)) (?:on|at|only|just|with|the day)\b"
        r"|\bcheck your facts\b|\blooping in your (?:manager|boss|director|line manager)\b"
        r"|\bonce again,? (?:your|you)\b|\bstill waiting (?:on|for) (?:you|your)\b",
    ),
    Cue(
        Rule.NO_BLAME,
        "ties a bad outcome to what the client did",
        r"\b(?:you|your(?: \w+){1,3}?) (?:\w+ )?(?:asked for|chose|picked|insisted on|wanted"
        r"|decided"
        r" on|opted for|went with|signed off|took|approved|changed|added|removed|moved|sent"
        r"|kept|delayed|held|skipped|cut|rejected|refused|overruled|ignored)\b",
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS + r"|\bif (?:you|your)\b|\bthank"
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
        Rule.NO_BLAME,
        "blames by implication",
        r"\b(?:waiting|waited|wait) (?:on|for) (?:your|you)\b(?=[^.?!;]*\b(?:for|since|weeks"
        r"|days|months|still|most of|all of|again)\b)|\b(?:that's|this is|that is) what"
        r" happens (?:when|if)\b|\bif (?:only )?(?:you|your \w+) had (?:listened|read|told"
        r"|checked|asked|followed)\b",
        _re(_QUESTION),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties a bad outcome to what the client did",
        r"\b(?:when|after|once|as soon as|the moment|ever since|from the day|right after)"
        r" (?:you|your(?: [\w-]+){1,3}?) \w+",
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS + r"|\bif\b|\bthank|\b(?:will|'ll"
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
        Rule.NO_BLAME,
        "says what the client should have done",
        r"\b(?:would|'d) have \w+[^.;?!]{0,60}\bif (?:you|your|the client)(?: \w+){0,3}? had\b",
        _re(_QUESTION),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        r"\bthe reason\b[^.;?!]{0,60}\bis (?:that )?(?:you|your)\b"
        r"|\byour\b[^.;?!]{0,80}?\b(?:is"
        r"|was|'s) what (?:broke|caused|stopped|blocked|delayed|held|killed|sank)\b|\b(?:this"
        r"|that)"
        r"(?:'s| is) the result\b|\band here we are\b|\bfrom your \w+(?: \w+)? (?:was|were|is"
        rf"|are|came) (?:\w+ )?{_BAD}\b|\blet down by (?:you|your)\b",
        _re(_QUESTION + r"|" + _OURS),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        r"\bwould have (?:gone|been|worked|finished|run|landed)\b[^.;?!]{0,60}\b(?:with|had|if)"
        r"\b[^.;?!]{0,40}\b(?:your|you)\b|\bagainst our (?:advice|recommendations?|warnings?)\b"
        r"|\b(?:sitting|sat|stuck|lying) (?:in|on) your\b|\b(?:information|data|figures|files"
        r"|details|brief|specs?|numbers|instructions|list) you (?:gave|sent|provided|supplied)"
        rf"(?: us)?\b[^.;?!]{{0,40}}\b{_BAD}\b",
        _re(_QUESTION + r"|\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        Rule.NO_BLAME,
        "blames by implication",
        r",? not (?:from|by) (?:you|your)\b|\bwhile (?:you|your(?: [\w-]+){1,3}?) (?:was|were)"
        r" \w+ing\b(?=[^.;?!]*\b(?:lapsed|expired|ran out|sold out|missed|went|slipped|lost))"
        r"|\b(?:we|i) (?:were|was) (?:never|not) (?:given|sent|told|shown|granted|provided with"
        r"|informed|invited|asked)\b|\b(?:you|your(?: [\w-]+){1,3}?) should (?:know"
        r"|understand|be"
        r" able to|have learned)\b",
        _re(_QUESTION + r"|\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        Rule.NO_BLAME,
        "blames by implication",
        r"\bhard to (?:deliver|hit|meet|work|plan|finish|keep|stay)\b[^.;?!]{0,60}\bwhen\b"
        r"|\b(?:came|come|comes) from your\b[^.;?!]{0,40}\bnot (?:from )?us\b|\bhands (?:are"
        r"|were)"
        r" tied\b",
        _re(_QUESTION + r"|\bsorry\b"),
    ),
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        r"(?:^|(?<=[.!?;:,]\s)|(?<=\n))\s*(?:(?:frankly|honestly|unfortunately|sadly|again"
        r"|and|but|so|then|also|meanwhile|in the end|in fact),? )?(?:(?:your|their|the"
        rf" client's)(?: [\w-]+){{0,2}}? {_PEOPLE}"
        rf"|the(?: [\w-]+){{0,2}}? {_OTHERS}s?)(?:'s?)?\b"
        rf"[^.;?!]{{0,80}}?\b{_WENT_WRONG}\b"
        r"|\b(?:it|that)(?:'s| is| was) (?:\w+ )?(?:your|their|the client's)(?: [\w-]+){0,2}?"
        rf" {_PEOPLE}(?:'s [\w-]+)? (?:who|that)\b",
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS + r"|\bsorry\b|\bapologi[sz]"
            rf"|\b{_PRAISE}\b|\bif\b|\b(?:we|i|our \w+) (?:\w+ )?(?:missed|didn't|failed|should"
            r"|forgot|promised|let|were late|was late|got)\b|\b(?:because of|due to|after|from)"
            r" (?:our|us)\b|\b(?:didn't|did not|don't|never|haven't) (?:\w+ )?(?:need|have to"
            r"|mind|hesitate|deserve)\b|\bnothing wrong\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        r"\bthe (?:[\w-]+ ){0,2}?(?:bottleneck|delay|problem|hold-?up|issue|cause|late start"
        r"|slip|slippage|blocker|weak link|sticking point|trouble|hitch|snag|overrun|hold"
        r"|error|mistake) (?:is|was|has been|lies|lay|sits|sat|rests)(?: (?:really|squarely"
        r"|entirely|all|simply|mainly|largely))? (?:on |with |down to |at |in )?(?:your"
        r"|the client's)\b|\byour(?: [\w-]+){0,3}?'s? (?:own )?(?:doing|fault|mistake"
        r"|error|lookout|oversight)\b|\b(?:their|the [\w-]+)(?: [\w-]+){0,2}?'s (?:own )?"
        r"(?:doing|fault|mistake)\b|\byour\b[^.;?!]{0,60}?\b(?:is|are|was|were) what"
        r" (?:\w+ ){0,2}?(?:slowed|held|caused|stopped|delayed|broke|blocked|tripped|sank"
        r"|killed|derailed|set|cost)\b"
        r"|\b(?:came|arrived|come|delivered|sent|supplied|shipped) (?:\w+ ){0,2}?from"
        r" (?:your|their|the client's)(?: [\w-]+){1,3}?\b[^.;?!]{0,30}?\b(?:already"
        r" )?(?:damaged|chipped|broken|cracked|faulty|wrong|late|incomplete|missing|out of"
        r" date|corrupt\w*|defective|mislabell?ed|unusable)\b"
        r"|\b(?:as )?you(?:'d| would)(?: already)? (?:know|have seen|have known|see|realise"
        r"|realize) (?:this |that )?if you(?:'d| had)\b",
        _re(
            _QUESTION + r"|\bsorry\b|\bapologi[sz]|\b(?:not|never|nothing)\b[^.;?!]{0,30}\byour"
            r" (?:\w+ )?(?:doing|fault|mistake)|\bmay be\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        r"\bthe(?: [\w-]+){0,2}? (?:(?:that|which) )?(?:you|they|your(?: [\w-]+){0,2}?"
        rf" {_PEOPLE}) (?:signed off|sent|wrote|chose|approved|provided|supplied|gave us|picked"
        r"|brought in|took on|appointed|engaged|recommended|insisted on|wanted|asked for|added"
        r"|booked|hired|exported|drew|prepared|specified|ordered|uploaded)\b[^.;?!]{0,60}?\b"
        rf"{_WENT_WRONG}\b"
        r"|(?:^|(?<=[.!?;:,]\s)|(?<=\n))\s*(?:(?:frankly|honestly|unfortunately|again|and|but"
        r"|so),? )?the [\w-]+ (?:team|department|office|people|staff|desk)(?: over there| at"
        rf" your end| on your side)?\b[^.;?!]{{0,60}}?\b{_WENT_WRONG}\b"
        r"|\b(?:we were|we'd been|we had been) (?:sent|given|supplied|provided with|handed)\b"
        r"[^.;?!]{0,40}\b(?:old|out of date|outdated|wrong|incomplete|missing|incorrect|broken"
        r"|corrupt\w*|unusable|\w+ years old)\b"
        r"|\b(?:it's|it is|it was) (?:the way|how) (?:your|you|they|their)\b[^.;?!]{0,30}"
        r"\b(?:using|used|use|handled|set up|configured|run|ran|treat\w*)\b",
        _re(
            _QUESTION + r"|" + _REPORTED + r"|" + _OURS + r"|\bour\b|\bsorry\b|\bapologi[sz]"
            rf"|\b{_PRAISE}\b|\bif\b|\b(?:we|i) (?:\w+ )?(?:missed|didn't|failed|should|forgot"
            r"|promised)\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        r"\byour (?:\w+ )?(?:requests?|changes?|instructions|demands|requirements|feedback"
        r"|approvals?|answers?|replies|emails|orders|specs?|briefs?|sign-?offs?|decisions)\b"
        r"[^.;?!]{0,30}\b(?:forever|always|constantly|continually|never|every (?:single )?"
        r"(?:week|day|time|month)|all the time|keeps?)\b",
        _re(
            _QUESTION + r"|" + _REPORTED + rf"|\b{_PRAISE}\b|\b(?:useful|valuable|welcome|on time"
            r"|quick|quickly|promptly|matter|matters|come first|heard|read)\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties the failure to the client",
        r"\b(?:switched off|turned off|shut down|deleted|removed|changed|overwritten|broken"
        r"|damaged|cancell?ed|blocked|delayed|held up|unplugged|ignored|lost|missed|rejected"
        r"|vetoed|overruled|moved|unlocked|left open) by (?:(?:someone|somebody|one|a member)"
        r" (?:in|on|at|from|of) )?(?:your|the client's)\b"
        r"|\blet down by (?:the|their|our) (?:[\w-]+ ){0,2}?"
        rf"(?:{_OTHERS}|firm|team|people)s?\b"
        rf"|\b{_CLIENT} (?:was|were) (?:supposed|meant|due|expected) to"
        r" (?!(?:receive|get|have|hear|see|be sent|be given)\b)\w+"
        r"|\b(?:your|their|the client's)(?: [\w-]+){0,2}?(?:'s)? (?:lack of|failure to"
        r"|refusal to|inability to|reluctance to|delay in|slowness|silence|indecision"
        r"|carelessness|negligence|u-turns?|changes of mind|last-minute changes)\b"
        r"|\b(?:it|that)(?:'s| is| was) (?:\w+ )?(?:your|their|the client's)\b[^.;?!]{0,50}?"
        r"\b(?:who|that) (?:\w+ ){0,2}?(?:let|caused|broke|stopped|delayed|held|blocked|killed"
        r"|sank|tripped|brought|made|started|lost|cost)\b"
        r"|\b(?:happened|occurred|broke|went missing|got lost|was lost|was damaged|were damaged"
        r"|got damaged|went wrong) (?:\w+ ){0,2}?(?:while|when) (?:\w+ ){0,4}?(?:in|with|at"
        r"|under) your (?:own )?\w+"
        r"|\b(?:waiting|waited|wait)(?: \w+){1,3}? (?:on|for) (?:your|you)\b(?=[^.?!;]*\bto"
        r" (?:show|turn|arrive|reply|respond|answer|sign|approve|send|decide|get back))",
        _re(
            _QUESTION + r"|\bsorry\b|\bapologi[sz]|" + _OURS + rf"|\b{_PRAISE}\b"
            r"|\b(?:you|your \w+) (?:were|was) right\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "ties a bad outcome to what the client did",
        r"\byour\b[^.;?!]{0,50}?\b(?:meant|forced|led to|left us|put us|pushed us|made (?:it"
        r"|us))"
        r"\b[^.;?!]{0,50}\b(?:ran out|failed|couldn't|could not|late|behind|short|miss\w*|lost"
        r"|delay\w*|overr\w*|scrambl\w*|impossible)\b"
        r"|\byour (?:[\w-]+ ){0,2}?(?:was|were|is|are) (?:\w+ )?full of (?:\w+ )?(?:errors"
        r"|duplicates|mistakes|gaps|typos|holes|bugs|problems|inconsistencies)\b",
        _re(
            _QUESTION + r"|" + _REPORTED + r"|\bsorry\b|\bapologi[sz]|" + _OURS + rf"|\b{_PRAISE}\b"
        ),
    ),
    Cue(
        Rule.NO_BLAME,
        "makes the client the subject of a failure",
        r"\b(?:a|an|the) (?:[\w-]+ ){0,2}?(?:hired|brought in|appointed|engaged|booked|chosen"
        r"|picked|sent) by (?:you|your|the client)\b[^.;?!]{0,60}?\b"
        rf"{_WENT_WRONG}\b"
        r"|\b(?:your|at your end|on your side|from your side)\b[^.;?!]{0,50}\b(?:has been|is"
        r"|was|were|are|have been) (?:\w+ )?the (?:weak link|bottleneck|sticking point|main"
        r" problem|problem|issue|hold-?up|blocker|cause)\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + r"|\bsorry\b|\bapologi[sz]|"
            + _OURS
            + r"|\b(?:thank\w*|helpful|lovely|nice|great job|well done)\b"
        ),
    ),
)
