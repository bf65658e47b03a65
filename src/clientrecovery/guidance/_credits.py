"""The credits, what the articles ask for.

LISTENING (004), TAKES_RESPONSIBILITY (000) and SPECIFIC_COMMITMENT (000; 003 §7).
"""

from __future__ import annotations

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._words import (
    _ACTION,
    _ADMIT,
    _ADV,
    _FAILED,
    _OWNER,
    _QUESTION,
    _TENTATIVE,
    Cue,
    _each,
    _re,
)

__all__ = ["CUES"]

CUES: tuple[Cue, ...] = (
    Cue(
        Rule.LISTENING,
        "reflects the client's words back",
        r"\bif i(?:'ve| have)? got (?:this|that|it|you) right\b|\bhave i got (?:this|that|it)"
        r" right\b|\bam i right (?:that|in thinking)\b|\bmake sure i(?:'ve| have)? (?:got"
        r"|understood"
        r"|heard)\b|\bto make sure i(?:'ve)? understood\b",
    ),
    Cue(
        Rule.LISTENING,
        "asks the client to articulate",
        r"\bhelp (?:me|us) (?:to )?(?:understand|see|get)\b|\bfrom your (?:own )?(?:perspective"
        r"|point of view|side,|standpoint|seat|vantage point|angle)\b|\bfrom where you"
        r" (?:sit|stand)\b|\b(?:can|could|would) you (?:\w+ )?(?:walk|take) (?:me|us)"
        r" (?:through|back)\b|\btell (?:me|us) (?:more|how|what|which|where|when|about)\b"
        r"|\bin your (?:own )?words\b|\bi heard (?:\w+ ){0,2}?(?:things|points|concerns|issues"
        r"|messages|worries)\b|\b(?:walk|talk|take) (?:me|us) through\b|\b(?:i"
        r"|we)(?:'d| would) (?:like|love|want) to (?:hear"
        r"|understand|know) (?:\w+ ){0,4}?(?:from you|your|what|how|which|whether)"
        r"|\bi want to (?:hear|understand)\b|\bwhat matters (?:most )?to you\b",
    ),
    Cue(
        Rule.LISTENING,
        "asks the client to articulate",
        r"\b(?:what|which|how|where|why|who|is there|are there|do you|did you|would you"
        r"|could you|can you|have (?:i|we)|is that|does that|was it|were you|when you)\b"
        r"[^.!?;]*\?",
        _re(
            r"\bwhat time\b|\bwhen (?:can|could|would|will) (?:you|we)\b|\bsuit you\b|\bconvenient"
            r"|\bhow many (?:more )?times\b|\bdo we (?:have|need) to\b|\bwhy (?:should|would"
            r"|on earth"
            r"|can't|won't|didn't|did|do) you\b|\bwhat (?:exactly )?do you expect\b"
            r"\b|\bany idea\b|\b(?:supposed|meant|expected) to\b|\bwhat (?:more|else) do you\b"
            r"|\bso hard\b|\bwhy would (?:we|i)\b|\bon earth\b|\b(?:a good|the best) time\b"
            r"|\bavailable\b|\bslot\b|\bpo number\b|\binvoice"
            r" address\b|\bhow (?:about|does \w+ sound)\b|\bwould you like (?:a|us to send)\b"
        ),
        requires=_re(r"\?\s*$"),
    ),
    Cue(
        Rule.LISTENING,
        "reflects the client's words back",
        r"\b(?:i|we) (?:\w+ )?(?:heard|hear) (?:you|that|what you)\b|\bwhat (?:i|we)(?:'m| am"
        r"|'re| are) (?:hearing|taking away)\b|\bwhat i (?:heard|took away)\b|\bit sounds"
        r" (?:like|as though|as if)\b|\byou sound\b|\byou(?:'ve| have)? (?:also )?(?:told"
        r"|showed|reminded)"
        r" (?:us|me)\b|\byou (?:said|mentioned|explained|pointed out|raised|described"
        r"|flagged|noted|wrote|made (?:it )?clear|were clear|asked (?:for|us|me|that"
        r"|whether))\b|\b(?:if|so) i(?:'ve| have)? understood(?: you| that)?\b|\blet me"
        r" (?:make sure|check|play (?:that|it) back|repeat back|summari[sz]e)\b|\b(?:did|have)"
        r" (?:i|we) (?:get|got|understood|capture|captured) (?:that|this|it|you|everything)"
        r"(?: \w+)? right\b|\bso you(?:'re| are) saying\b|\byour point (?:about|on|that)\b"
        r"|\bas you (?:put it|described it|said)\b|\b(?:did i understand"
        r"|have i understood) (?:you )?(?:correctly|right)\b"
        r"|\bif i understand (?:you )?(?:correctly"
        r"|right)?\b|\bi(?:'ve| have) (?:written|noted|taken) (?:that|this|it) down\b",
        _re(
            r"\byou (?:never|didn't|did not) (?:told|tell|said|say|mention)"
            r"|\b(?:i|we) (?:already |did )?told you\b"
        ),
    ),
    Cue(
        Rule.TAKES_RESPONSIBILITY,
        "accepts responsibility",
        _each(rf"\b(?:we|i|our(?: [\w-]+){{1,2}}?) {_ADV}(?:", _FAILED, r")\b"),
        _re(
            _QUESTION + r"|\bnot (?:our|my) (?:fault|mistake|responsibility|problem)\b|\bnot on us"
            r"\b|\bnothing wrong\b|\bnot something (?:we|our)\b|\b(?:we|i) (?:never|don't|do not"
            r"|won't|will not) (?:\w+ )?(?:charge|ask|share|sell|leave|close|stop)\b|\bif (?:we"
            r"|i)\b"
            r"|\bour (?:\w+ )?(?:supplier|vendor|subcontractor|contractor|courier|printer|host"
            r"|freelancer|partner|carrier|manufacturer)s?\b|\b(?:we|i)(?:'ll)? (?:won't|will not"
            r"|refuse)\b|\b(?:were|was) (?:never|not) (?:given|sent|told|shown|granted|informed)\b"
            r"|\bshouldn't have to\b|\bmissed you\b|\b(?:didn't|did not|never) (?:get|receive|hear"
            r"|see)"
            r" (?:your|you|the \w+ (?:from|you))\b|\bby your\b|\b(?:because|due to"
            r"|thanks to) (?:of )?your\b"
            r"|\b(?:doesn't|does not|don't|do not)\b"
            r"|\b(?:position|view|answer|stance|decision|price|quote) (?:hasn't|has not"
            r"|won't)\b|\b(?:we|i) keep\b"
        ),
    ),
    Cue(
        Rule.TAKES_RESPONSIBILITY,
        "accepts responsibility",
        rf"\b(?:we|i|our (?:\w+ )?(?:team|people|staff|crew|designer|developer|engineer|driver"
        rf"|side)) (?:\w+ )?{_ADMIT}\b"
        r"|\b(?:that|this|it|which)(?:'s| is| was) (?:entirely |all |completely |squarely "
        r"|wholly )?(?:on us|on me|our (?:\w+ )?(?:fault|mistake"
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
        r"|my))\b|\bon (?:our|my) part\b|\b(?:a |my |our )?(?:bad|poor|wrong) call (?:by|from"
        r"|on) (?:me|us|my|our)\b|\bdown to us\b|\bis ours\b|\b(?:the )?(?:blame|fault) on"
        r" our\b|\bno excuse\b|\b(?:i|we) (?:\w+ )?apologi[sz]e for (?:our|the|my|not|missing"
        r"|failing|that)\b|\b(?:i'm|i am|we're|we are) sorry (?:that )?(?:we|our|i)\b"
        r"|\bwe (?:take|accept|own) (?:that|this|it|the)\b|\bshould never have\b|\b(?:was|is)"
        r" (?:entirely |all |completely )?(?:mine|ours)\b"
        r"|\bour(?: [\w-]+){1,2}? (?:really )?should"
        r"(?:n't)? have\b|\bsorry: (?:the|our)\b"
        r"|\boff our game\b|\b(?:was|is|'s|were) (?:all |entirely |squarely )?on our (?:end"
        r"|side|part)\b|\b(?:careless|wrong|a mistake|thoughtless|sloppy|unfair|poor|remiss"
        r"|negligent|short-sighted|naive|unprofessional) of (?:us|me)\b|\b(?:is|are|was|'s)"
        r" (?:\w+ )?our (?:own )?responsibility\b"
        r"|\byou(?:'re| are| were) (?:quite |absolutely |completely )?right(?: that| to|;|,|\.)",
        _re(
            r"\b(?:we|i) (?:\w+ )?(?:should have|missed) (?:\w+ )?(?:been told|heard|known)\b"
            r"|\bnot (?:our|my) (?:fault|mistake|responsibility|problem)\b|\bnot on us\b|\bor have"
            r" (?:i|we) missed\b|\bnot something (?:we|our)\b|\bwhether (?:we|i)\b"
            r"|\b(?:did|have) (?:i|we) miss\b|\bmissed you\b|\b(?:we|i) should have (?:the|your|it"
            r"|them|everything|all)\b(?=[^.;?!]*\b(?:by|in stock|ready|back|soon|tomorrow"
            r"|within)\b)"
            r"|\b(?:didn't|did not|never) (?:get"
            r"|receive|hear|see)"
            r" (?:your|you|the \w+ (?:from|you))\b|\b(?:refuse|reject|deny|dispute)\b"
            r"|\bnone of (?:this"
            r"|it|that)\b|\bnothing (?:here|of this)\b"
        ),
    ),
    Cue(
        Rule.SPECIFIC_COMMITMENT,
        "makes a specific commitment",
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
        r"|friday|saturday|sunday|tomorrow|the \d|next)",
        _re(_TENTATIVE),
        specific=True,
    ),
    Cue(
        Rule.SPECIFIC_COMMITMENT,
        "makes a specific commitment",
        r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)? (?:will|is going to|shall|has booked|is booked"
        r"|will have|is moving|is sending|starts)\b",
        _re(_TENTATIVE),
        specific=True,
        cased=True,
    ),
    Cue(
        Rule.TAKES_RESPONSIBILITY,
        "accepts responsibility",
        r"\b(?:because of|due to|down to|caused by|came from|comes from|stemmed from|stems from"
        r"|resulted from|traced? (?:back )?to|traces (?:back )?to|a result of|the result of"
        r"|introduced by|started with) (?:[\w-]+ ){0,4}?(?:we|us|our|i|me|my)\b"
        r"(?! (?:\w+ )?(?:supplier|vendor|subcontractor|contractor|courier|printer|partner"
        r"|carrier|manufacturer|host)s?\b)",
        _re(
            _QUESTION + r"|\b(?:not|isn't|wasn't|nothing|hardly|never)\b|\bthank|\bhelp\w*\b"
            r"|\b(?:your|the client's)\b(?= (?:\w+ ){0,3}?(?:delay|change|decision|approval|late))"
        ),
        requires=_re(
            r"\b(?:delays?|slips?|problems?|issues?|errors?|mistakes?|bugs?|defects?|faults?|outages?"
            r"|failures?|overruns?|hold-?ups?|confusion|mess|mix-?up|breakdown|rework|crash\w*"
            r"|late|wrong|missing|broke\w*|damage\w*)\b"
        ),
    ),
    Cue(
        Rule.TAKES_RESPONSIBILITY,
        "accepts responsibility",
        r"\b(?:mess|mistakes?|errors?|hash|muddle|blunders?|slips?) (?:that )?(?:we|i)"
        r" (?:made|caused|created|left)\b|\b(?:mistake|error|fault|failure|oversight|slip|miss)"
        r" (?:\w+ )?on our (?:side|end|part)\b",
        _re(_QUESTION + r"|\b(?:not|no|never|nothing|isn't|wasn't)\b"),
    ),
)
