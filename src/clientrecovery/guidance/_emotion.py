"""FACTS_NOT_EMOTION: emotion, defensiveness, combative tone, sarcasm, passive aggression.

Petrolino's facts over emotion (002) and *Rebuilding Client Relations*: never combative or
defensive (004).
"""

from __future__ import annotations

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._words import (
    _EMPATHY,
    _FEELING,
    _OUTBURST,
    Cue,
    _re,
)

__all__ = ["CUES"]

CUES: tuple[Cue, ...] = (
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is emotional",
        rf"\b{_OUTBURST}\b",
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
        Rule.FACTS_NOT_EMOTION,
        "is emotional",
        rf"\b(?:we(?:'re| are| were| feel| felt)|i(?:'m| am| was| feel| felt)|our team (?:is"
        rf"|was|feels|felt)|the team (?:is|was|feels|felt)|everyone here is) (?:\w+ ){{0,2}}?"
        rf"{_FEELING}\b|\b{_FEELING} (?:for|to) (?:us|me|our (?:team|people|staff)|the team)\b"
        r"|\b(?:spoken|talked|written) to like (?:this|that)\b",
        _re(
            rf"\bnot (?:at all )?{_FEELING}|\bif (?:you|this|that|anything)\b"
            r"|\b(?:sorry|apologi[sz]e)\b(?!,? but)"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is emotional",
        rf"\b{_FEELING}\b",
        _re(
            rf"{_EMPATHY}|\bnot (?:at all )?{_FEELING}|\b(?:no|never|not) (?:one )?to"
            r" (?:be )?(?:upset|frustrat)|\bif (?:you|this|that|anything)\b"
            r"|\bwhat (?:\w+ ){0,3}(?:frustrat|upset|annoy|disappoint)"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
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
        r"|\bnot how (?:we|this company|our team) (?:operate|work|do business|do things"
        r"|behave)\b"
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
        r" want|whether))",
        _re(
            r"\b(?:sorry|apologi[sz]e) (?:that|for)\b.*\bwe\b|\buntil (?:you|your|it|the)\b"
            r"|\bwithout (?:your|you)\b|\bwe won't (?:\w+ )?(?:leave|stop|close|charge|bill)"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is combative",
        r"\byou(?:'re| are) (?:(?:just|simply|completely|plainly|clearly|quite|being|now"
        r"|frankly) )*(?:wrong|mistaken|confused|overreacting|unreasonable|exaggerating"
        r"|not listening|missing the point|being difficult|impossible|hysterical"
        r"|dramatic|emotional|picky|demanding|nitpicking)\b"
        r"|\bwith (?:all )?(?:due )?respect\b(?! to)|\bcalm down\b|\bhow dare\b|\bget a grip\b"
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
        r"|micromanagement|criticism)\b|\bemails like that\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is passive-aggressive",
        r"\bper (?:my|our) (?:last|previous|earlier|prior|below|above) (?:\w+ )?(?:email"
        r"|e-mail|message|note|mail|reply|call|letter)\b"
        r"|\bas (?:i|we|i've|we've|was) (?:\w+ ){0,3}?(?:said|mentioned|explained|stated"
        r"|noted|pointed out"
        r"|told you|wrote|highlighted|flagged|made clear|outlined|communicated|advised"
        r"|set out|covered)(?! in the (?:plan|attached|table|summary)| on page| in section)"
        r"|\bas (?:previously|already|clearly|repeatedly) (?:\w+ )?(?:said|stated|mentioned"
        r"|set out|laid out|spelt out|spelled out"
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
        r"|\b(?:please|kindly) (?:\w+ )?refer back\b|\byou(?:'ll| will) (?:no doubt )?recall\b"
        r"|\b(?:please|kindly) (?:\w+ )?(?:refer|see|look) (?:back )?(?:to|at) (?:my|our|the"
        r" previous|the earlier|the below|the above)\b"
        r"|\b(?:thanks|thank you) (?:\w+ )?for (?:finally|eventually|at last)\b|\bfinally"
        r" (?:got|getting|sent|replied|responded|answered|read|came|decided|made)\b"
        r"|\b(?:glad|nice|good|great) (?:to see )?(?:that )?you(?:'ve| have)? finally\b"
        r"|\bi(?:'m| am) sure you(?:'re| are)? (?:very |extremely )?busy\b"
        r"|\bif it's not too much (?:trouble|to ask)\b|\b(?:happy|glad) to (?:explain|go over"
        r"|repeat|walk you through) (?:it|this|that) (?:again|once more)\b|\bi (?:would|'d)"
        r" have thought\b|\bsurely you\b|\bwith respect\b(?! to)|\bgoing forward,? please"
        r" (?:make sure|ensure|remember)|\bmoving forward,? please (?:ensure|make sure)"
        r"|\bin case (?:it|that) (?:wasn't|was not|isn't) clear\b|\bi'll (?:say|put) it"
        r" (?:another way|simply)\b|\bfyi,? (?:this|that|we|i)\b"
        r"|\bwe(?:'ve| have) been (?:more than )?(?:very )?(?:patient|understanding)\b"
        r"|\bsome of us\b|\b(?:all of )?this was in the (?:proposal|contract|brief|quote|plan"
        r"|email|sow)\b|\bseem to have gone unread\b|\bwithout anyone telling us\b"
        r"|\bwe(?:'ve| have) been waiting (?:for|on) (?:\w+ ){0,4}?since\b",
        _re(
            r"\bas (?:i|we) (?:\w+ )?(?:said|mentioned|promised|agreed) (?:on|in) (?:the|our)"
            r" (?:call|meeting),? (?:we|i)(?:'ll| will| have)\b|\b(?:before|after|when|until|since)"
            r" (?:we|i) (?:\w+ )?(?:told|warned|reminded) you\b"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is sarcastic",
        r"(?:^|(?<=[.!?;:]\s)|(?<=\n))\s*\b(?:(?:oh|well|ah),? )?(?:(?:that|this|it)(?:'s| is)"
        r" (?:just |really |simply )?)?(?:great|wonderful|lovely"
        r"|brilliant|fantastic"
        r"|perfect|marvellous|super|terrific|oh good|good to know|nice to know|lovely to hear"
        r"|great to hear|good to hear|glad to hear|how nice|how lovely)\b[^.?!;]*?\b(?:another"
        r"|again|so now|as well|yet|dismissed|without (?:anyone|telling|warning|asking)|on the"
        r" morning|at the last minute|on a friday|at \d|one sentence|ignored)\b"
        r"|\bi(?:'m| am) sure (?:the|your|he|she|they|everyone|our) (?:\w+ ){0,2}?(?:will|'ll)"
        r" be (?:thrilled|delighted|overjoyed|pleased|happy|glad) to hear\b"
        r"|\bthanks (?:so much |very much |a lot )?for (?:letting us know|telling us|the"
        r" (?:heads-?up|notice|warning)) (?:on|at|only|just|with|the day)\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "raises its voice",
        r"[!?]*![!?]*!|\?!|!\?|\b[A-Z]{3,}(?: [A-Z]{2,})+\b",
        cased=True,
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is passive-aggressive",
        r"(?:^|(?<=[.!?;:]\s))\s*\b(?:again|once more|once again|yet again),|\bnot (?:mind[- ]"
        r"readers|magicians|miracle workers|a charity)\b|\bcan't read (?:your "
        r"|people's )?minds?"
        r"\b|\brefrain from\b|\bfor the record\b|\bin our defen[cs]e\b|\bto be fair to (?:us"
        r"|me|our)\b|\b(?:just |as )a reminder\b|\breminder that (?:we|i|this|you|the|all)\b"
        r"|\b(?:we|i) (?:\w+ )?(?:flagged|raised|warned (?:you )?about|mentioned|highlighted"
        r"|pointed out) (?:this|that|it)(?: \w+)? (?:back )?(?:in|on|weeks|months|at the start"
        r"|before)\b|\bthanks (?:\w+ ){0,2}?for (?:the )?(?:last-minute|late|short"
        r"|eleventh-hour)"
        r"\b|,? as usual[.!]|\bthis is the thanks\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\b(?:we|i)(?:'ll)?(?: won't| will not| refuse to| are not going to|'re not going to"
        r"| cannot| can't| shall not) (?:\w+ ){0,2}?(?:any (?:further|more|other)|again|another"
        r"|any longer|anymore)\b|\b(?:won't|will not) accept (?:any|further|more|these|such)\b",
        _re(r"\bwon't (?:\w+ )?(?:happen|let (?:this|it) happen)|\buntil (?:you|your|it|the)\b"),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is passive-aggressive",
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
        r"|back)\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is sarcastic",
        r"(?:^|(?<=[.!?;:]\s))\s*\b(?:sure|of course|oh|right|fine),? (?:we'll|we will|i'll"
        r"|i will)"
        r" just\b|\bhow (?:lovely|nice|kind|good|great|wonderful|thoughtful) (?:to|of)\b"
        r"|\bshould be (?:grateful|thankful)\b|\bwell done (?:for|on)\b|, as (?:always|usual"
        r"|ever)"
        r"\s*[.!]",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is sarcastic",
        # the idioms of mock agreement, mock modesty and mock surprise: saying the opposite
        # of what is meant is feeling in place of a fact
        r"(?:^|(?<=[.!?;:]\s))\s*(?:oh|ah|well),? (?:of course|sure|yes|right|great|brilliant"
        r"|wonderful|perfect|lovely|marvellous|fantastic|splendid|by all means)\b"
        r"(?!,? (?:we|i)(?:'ll| will| can| could| would|'d| shall)\b)"
        r"|(?:^|(?<=[.!?;:]\s))\s*sure,? let's\b|\bheaven forbid\b|\bby all means,"
        r"|\b(?:i|we) think (?:we|i) can (?:manage|handle|cope with)\b|\b(?:part the (?:river|sea"
        r"|waters)|work miracles|a magic wand)\b|\b(?:most|any|other) (?:people|clients"
        r"|customers) would be grateful\b|\bhardly (?:a crisis|the end of the world)\b"
        r"|\b(?:we|i) know\b[^.;?!]*, thank you\.?\s*$",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is passive-aggressive",
        r"\bwhat (?:i|we) (?:said|wrote|explained|mentioned|told you) (?:last|earlier|before"
        r"|previously|on|in)\b|\brefer you (?:back )?to\b|\bif you (?:look|read|check)(?: it)?"
        r"(?: properly| carefully| again)?\s*[.!]?$|\byou'll find (?:it|the answer|this|that"
        r"|them)"
        r" (?:in|on)\b|\b(?:we've|we have|i've|i have) (?:been over|gone over|covered"
        r"|discussed)"
        r" (?:this|that|it)(?: already| before| several times| many times| twice)?\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\bunder no circumstances\b|\bin no way\b|\bno intention of\b|\bstand (?:\w+ )?(?:by"
        r"|behind) (?:our|my) (?:invoice|quote|figures|bill|position|decision|price"
        r"|numbers)\b|\b(?:were|was|are|is) (?:perfectly"
        r"|absolutely|crystal|very|entirely|abundantly) clear\b|\bnot (?:a conversation"
        r"|something"
        r"|a discussion) (?:we're|we are|i'm|i am) (?:willing|prepared|going) to\b|\b(?:we're"
        r"|we are|i'm|i am) not (?:willing|prepared) to\b|\bwe met every\b",
        _re(r"\bsorry\b|\bapologi[sz]e\b"),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is combative",
        r"\bdo you (?:honestly|really|seriously|actually) (?:think|believe|expect)\b|\b(?:don't"
        r"|do not) (?:lecture|patroni[sz]e)\b|\blecture us\b|\bmaybe (?:read|check|look at"
        r"|try)\b|\bmaking accusations\b|\bat a loss as to why\b|\bexhausting for\b"
        r"|\bdemoralising\b|\bdraining for (?:us|our|the team|everyone)\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is combative",
        r"\b(?:clearly|obviously|evidently),? you (?:haven't|didn't|don't|weren't|aren't"
        r"|have not"
        r"|did not|do not)\b|\bpaying attention\b|\btake (?:that|this) tone\b|\b(?:that|this)"
        r" tone (?:with|of)\b|\bif that's how you feel\b|\bnot the right (?:partner|fit"
        r"|supplier"
        r"|agency|firm) for you\b|\bspare (?:us|me) the\b|\b(?:i'm|i am|we're"
        r"|we are) not going to"
        r" (?:argue|debate|discuss|go over|justify)\b|\bhad enough of\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is combative",
        r"\b(?:we|i) find (?:this|these|that|those|your) (?:\w+ ){0,2}?(?:offensive|insulting"
        r"|unacceptable|hurtful|outrageous)\b|\blet's be honest,? (?:you|your)\b|\byou (?:were"
        r"|are|'re) never going to be (?:happy|satisfied|pleased)\b|\byou might want to check\b"
        r"|\bcheck your own\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\b(?:can't|cannot) expect us to\b|\bwork miracles\b|\bnot our job to\b|\bbabysit\w*"
        r"\b|\benough is enough\b|\bold ground\b|\bgo (?:over|through) (?:this|it|that) again\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\b(?:shouldn't|should not) have to (?:explain|repeat|say|tell|ask|chase|remind"
        r"|justify)"
        r"\b|\bthat's your opinion\b|\band it's (?:simply |just )?wrong\b|\b(?:we're|we are|i'm"
        r"|i am) done (?:discussing|talking|arguing|here|with this)\b|\bwhat (?:more|else)"
        r" (?:do )?you want from us\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is passive-aggressive",
        r"\bjust so (?:we're|we are|you're|you are) clear\b|\bnot negotiable\b|\bread my"
        r" (?:previous|last|earlier) (?:email|message|note)\b|\b(?:read|check) (?:my"
        r"|our) (?:\w+ )?"
        r"(?:email|message) again\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "asks a rhetorical question",
        r"\b(?:do|does) you (?:have )?(?:any idea|realise|realize|know|understand) how"
        r" (?:much|many|hard|long|often)\b|\bhow (?:was|were|is|are|am|would|could) (?:anyone"
        r"|we|i|anybody|our \w+) (?:\w+ )?(?:supposed|meant|expected|able) to\b|\bwhat"
        r" (?:more|else) (?:do|does|did|could|can) you (?:\w+ )?(?:want|expect|ask)\b|\bis it"
        r" (?:really |honestly )?(?:so|that|too) (?:hard|difficult|much to ask|complicated)\b"
        r"|\bwhat (?:exactly )?(?:did|do) you (?:expect|think would happen)\?"
        r"|\bwhy (?:would|should|on earth would) (?:we|i|anyone)\b|\b(?:who|what|why|how) on"
        r" earth\b|\bhow (?:hard"
        r"|difficult) (?:can|could|is) it (?:really )?(?:be|to)\b"
        r"|\b(?:as )?you(?:'d| would)(?: already)? (?:know|have seen|have known|see|realise"
        r"|realize) (?:this |that )?if you(?:'d| had)\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is emotional",
        r"\b(?:completely|totally|utterly|deeply|hugely|extremely|incredibly|so|such an?"
        r"|really|rather|quite|grossly|wholly|very|frankly|downright|thoroughly|pretty"
        r"|most)(?: \w+)? (?:unfair|hostile|insulting|rude|aggressive|uncalled[- ]for|unjust"
        r"|unwarranted|disappointing|hurtful|offensive|out of line|over the top|ungrateful"
        r"|disrespectful|baseless|unfounded|galling|tiresome|tedious)\b"
        r"|\b(?:unfair|hostile|uncalled[- ]for|unjust|unwarranted|out of line|disrespectful"
        r"|baseless|unfounded|a bit rich|rich coming from|galling)\b",
        _re(
            _EMPATHY + r"|\b(?:to|on|for) you(?:r \w+)?\b|\b(?:our|we) (?:\w+ )?(?:was|were"
            r"|response|reply|handling|work|service|results?|delivery|mistake|failure)\b|\bof"
            r" us\b|\bon our part\b|\bfrom us\b|\b(?:not|never|nothing) (?:\w+ )?(?:unfair"
            r"|hostile|rude)\b"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\b(?:we|i)(?:'re| are|'m| am)? (?:simply |just |frankly |flatly )?(?:refuse to"
        r"|not prepared to|not willing to|unwilling to|won't dignify|will not dignify)\b"
        r"|\bunder no circumstances\b|\bwe won't have (?:that|it|this) said\b|\b(?:we|i)"
        r" won't (?:stand for|put up with|have (?:that|it|this))\b|\bdon't shoot the"
        r" messenger\b|\b(?:won't|will not|don't need to|do not need to) (?:take|accept|need|be"
        r" given) (?:\w+ )?(?:lectures|lessons)\b|\bnot here to be\b"
        r"|\b(?:we|i|our (?:\w+ )?(?:team|people|staff|crew))(?:'re| are| were| was|'m| am"
        r"| have| has|'ve)? (?:never|not|never once) (?:been )?(?:careless|negligent|at fault"
        r"|sloppy|lazy|unprofessional|incompetent|dishonest|rude)\b"
        r"|\b(?:being|be|been|get|got) (?:\w+ )?(?:accused|blamed|lectured|attacked|singled"
        r" out|treated like|spoken to like|talked down to|painted as|criticised|criticized"
        r"|shouted at|yelled at|sworn at|insulted|patroni[sz]ed)\b"
        r"|\b(?:that|this|such|these|your|the) (?:\w+ )?accusations?\b"
        r"|\blet's be (?:realistic|honest|clear|fair|frank|grown-ups|adults|serious)\b"
        r"|\byou got (?:a (?:great|good|fair|generous) deal|what you paid for|more than you"
        r" paid for)\b|\b(?:nothing|no more) (?:more )?can (?:be )?(?:asked|expected) of us\b"
        r"|\b(?:we|i) (?:\w+ )?stand (?:\w+ )?by (?:every|our|my|the|that|this|it|what)\b"
        r"(?! (?:promise|guarantee|commitment|offer|word|warranty|you))",
        _re(
            r"\blet (?:this|that|it) happen\b|\bcharge you\b|\bleave you\b|\bgive up\b"
            r"|\brest\b|\bstop (?:until|before)\b|\bcut corners\b|\bbill you\b|\bsorry\b(?!,? but)"
            r"|\bapologi[sz]|\byou (?:were|have been|felt|feel|'ve been)\b|\b(?:nobody|no one)"
            r" (?:is|was|here is) (?:\w+ )?(?:blam|accus)|\bnot (?:about )?(?:blam|accus)"
            r"|\b(?:we|our|i) (?:\w+ )?(?:got (?:this|it|that|the \w+) wrong|were wrong|was"
            r" wrong|should have|missed|made a)\b"
        ),
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is combative",
        r"\bhave it your way\b|\b(?:find it (?:hard|difficult)|struggle) to believe\b"
        r"|\bnothing to (?:apologi[sz]e|be sorry|answer) for\b"
        r"|\bsuit yourself\b|\bif you think you can do (?:it "
        r"|this )?better\b"
        r"|\bdon't come (?:back|running) to us\b|\blet's not waste (?:any more "
        r"|more )?(?:\w+ )?"
        r"time\b|\b(?:bend|bending|bent) over backwards\b|\bbe my guest\b|\bknock yourself"
        r" out\b|\b(?:we've|i've|we have|i have) heard it all before\b",
    ),
    Cue(
        Rule.FACTS_NOT_EMOTION,
        "is defensive",
        r"\b(?:amazed|astonished|stunned|surprised|staggered|flabbergasted|baffled) (?:that )?"
        r"(?:anyone|anybody|you|your \w+) (?:would|could|can|should)\b"
        r"|\b(?:are|were) you (?:seriously|really|honestly|actually) (?:suggesting|saying"
        r"|telling us|accusing|claiming|implying)\b"
        r"|\b(?:take|took|taking) (?:great |real |serious )?(?:offence|offense|exception"
        r"|umbrage)\b"
        r"|\b(?:perhaps|maybe|kindly) (?:try )?(?:read|check|look at|re-?read)\b[^.;?!]{0,40}"
        r"\bbefore\b"
        r"|\b(?:we(?:'ve| have)|i(?:'ve| have)) (?:already )?(?:tried everything|tried all"
        r"|done all (?:we|i) can)\b",
        _re(_EMPATHY + r"|\bsorry\b"),
    ),
)
