"""NO_GENERALITIES: absolutes about people or the work, vague complaints (003 §1)."""

from __future__ import annotations

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._words import (
    _NEGATIVE,
    _QUESTION,
    _REPORTED,
    _VAGUE_MARKER,
    Cue,
    _re,
)

__all__ = ["CUES"]

# What the provider says of itself, what someone deserves or wants, idioms, thanks: not
# complaints, whatever their quantifiers.
_NOT_A_COMPLAINT = (
    r"|\b(?:we|i|our [\w-]+(?: [\w-]+)?) (?:\w+ )?(?:doesn't|does not|don't|do not|were never"
    r"|was never|are never|am never)\b|\bnever (?:feel|hesitate|worry|be shy|think twice"
    r"|apologi[sz]e)\b"
    r"|\b(?:thank\w*|grateful|appreciat\w+|quickly|promptly|helpful|brilliant|well done)\b"
    r"|\bmak(?:es?|ing) (?:\w+ ){0,3}?(?:better|easier|clearer|stronger)\b"
    r"|\b(?:deserves?|needs?|wants?|expects?)\b[^.;?!]{0,40}\b(?:never|always)\b"
    r"|\bnone of (?:this|it|that) (?:is|was|'s) (?:\w+ )?(?:our|my)\b"
    # a purpose ("so that nothing is missed"), an offer, an idiom
    r"|\bso (?:that )?(?:nothing|nobody|no one|no \w+) (?:is|gets|will be|falls|slips)\b"
    r"|\b(?:i|we)(?:'ll| will| would|'d) never (?:turn down|say no to|tire of|pass up)\b"
    r"|\bbetter late than never\b|\bnothing is off the table\b"
)

CUES: tuple[Cue, ...] = (
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:always|never|constantly|continually|continuously|forever|invariably"
        r"|perpetually|incessantly|endlessly|eternally)\b"
        r"|\b(?:again and again|over and over|time and (?:time )?again|all the time"
        r"|every (?:single )?time|each and every|without fail|at every turn"
        r"|day in,? day out|week in,? week out|on a daily basis)\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:never|don't|do not) hesitate\b|\bnever mind\b"
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
            r"|something|someone)\b(?![^.?!;]*\b(?:never|fail\w*|late|wrong|broke\w*|break\w*|miss\w*|ignore\w*"
            r"|crash\w*|falls? over|goes (?:wrong|down)|stops|slips))"
            r"|\bnever (?:again )?(?:be )?(?:left|leave) (?:you )?(?:without|in the dark)\b"
            r"|\bnever once\b(?=[^.?!;]*\bwe\b)|\bnever (?:more than|far|too far)\b"
            r"|\bnever happen again\b|\bshould never have\b|\balways (?:on|around"
            r"|contactable)\s*(?:[.!,;]|$)"
            r"|\byou(?:'ll| will) never (?:have to|need to|be|wait|again)\b"
            r"|\b(?:would|could) (?:\w+ )?never have\b|\bon never \w+ing\b"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:nothing|nobody|no one|no-one|none of (?:it|this|them|the \w+|your \w+))"
        r"(?: \w+){0,4}? (?:has|have|had|is|was|are|were|ever|really|works?|worked|goes|went"
        r"|gets|got|seems?|reads?|listens?|answers?|replies|responds?|tells?|told|cares?"
        r"|knows?|checks?|turns up|shows up|picks up|calls? back)\b|\b(?:everything|everyone"
        r"|all of (?:it|them))(?: \w+){0,4}? (?:gets? lost|goes missing|go missing|disappears?"
        r"|falls? through the cracks|gets? ignored)\b"
        r"|\b(?:everything|everyone|everybody|all (?:of )?(?:the|your|our|these|those) \w+)"
        r"(?: \w+){0,4}? (?:is|are|was|were|has|have|seems?|went|goes|gone|keeps?)"
        r" (?:\w+ ){0,2}?(?:behind|wrong|stuck|broken|late|delayed|failing|failed|off|confusing"
        r"|unclear|clunky|awful|terrible|slow|hard to \w+|a"
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
        r"|\bnever once\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:is there|was there|has there been) (?:anything"
            r"|anyone)\b|\bno one (?:else )?"
            r"(?:should|deserves|wants)\b|\bnothing (?:is |was |has been )?(?:missing|missed"
            r"|damaged|broken|affected|charged|changed|left out"
            r"|else|more|lost|wrong with your)|\beveryone (?:on|in|at|from) (?:the|our|your|this)"
            r" (?:call|meeting|thread|list|email|team)|\bnothing (?:changes|will change) (?:for"
            r" you|in|on)\b|\bnothing to (?:pay|do)\b|\bnone of (?:this|it) (?:is|was) (?:your"
            r"|on you)|\bnone of this would\b|\bnobody else could\b|\b(?:nobody"
            r"|no one) could have\b|\bshould(?:n't)? (?:ever )?have to\b"
            r"|\bnobody has ever questioned"
            r"|\bnothing (?:for )?(?:we|us|i|anyone) (?:could|can|to)\b"
            r"|\bdid (?:absolutely )?nothing wrong\b|\bnobody (?:walked|told|explained|showed)"
            r" you\b|\b(?:we|i)(?:'ll| will) (?:\w+ )?(?:make sure|ensure)"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        _NEGATIVE,
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:we|i)(?:'ll| will| are going to)\b"
            r"|\bi'?m sorry\b|\bapologi[sz]e\b|\bif (?:any|anything|something|you|we|it)\b"
            r"|\b(?:off|wrong|late|slow|bad) (?:with|for) you\b|\bnot (?:your|you)\b"
            r"|\b(?:keep|kept|take|took|leave|left) (?:\w+ ){0,3}?off\b"
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
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:has|have|had) been (?:\w+ )?(?:patchy|spotty|inconsistent|hit and miss"
        r"|hit-and-miss|up and down|shaky|poor|rough|bumpy|mixed|sloppy|slipping|lacking"
        r"|below par|subpar|sub-par|not great|disappointing|so-so|uneven|variable|lax"
        r"|slack|messy|chaotic|all over the (?:place|map)|a struggle|strained|questionable"
        r"|difficult|off|low|an issue|a problem|a concern)\b|\b(?:has|have"
        r"|had) gone (?:downhill"
        r"|sideways|backwards|south|off the rails|off track|wrong)\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\bif (?:it|this|that)\b|\b(?:we|i) (?:know|understand"
            r"|appreciate|realise|realize|can see)\b|\bfor (?:you|your)\b|\bsorry\b"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:keeps?|kept) (?:on )?\w+ing\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:will|'ll|please|to|we|i|let's|let us) keep\b"
            r"|\bkeep(?:s|ing)? (?:you|us|them|everyone)\b|\b(?:we|i) (?:know|understand|appreciate"
            r"|can see)\b|\bsorry\b"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:dipped|dropped|declined|fallen|fell|worsened|suffered|deteriorated|wobbly"
        r"|struggl"
        r"\w*|underperform\w*|falling short|fallen short|aren't working|isn't working|not"
        r" working|aren't right|isn't right|not right|the way (?:it|they|things) should)\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:we|i)(?:'ll| will| are going to)\b|\bif\b"
            r"|\b(?:we|i|our \w+) (?:\w+ )?(?:dropped|fell|let)\b"
        ),
        requires=_re(_VAGUE_MARKER),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:most|many|half|lots) of (?:the|your|our) \w+ (?:have|has|had|are"
        r"|were) (?:\w+ ){0,2}?"
        r"(?:issues|problems|errors|late|wrong|faults|bugs|mistakes)\b|\bevery (?:week|day"
        r"|month"
        r"|time|release|delivery|round|visit)\b[^.;?!]*\b(?:new|another|more|fresh) (?:problem"
        r"|issue|error|delay|complaint|mistake|glitch)s?\b",
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:rarely|seldom|hardly ever|usually|typically|routinely|frequently|forever)\b"
        r"[^.;?!]{0,40}\b(?:wrong|late|on time|back to us|broken|off|missing|mistakes|errors"
        r"|problems|issues|down|unclear|slow)\b|\b(?:a fair bit|quite a bit|a fair amount"
        r"|a good"
        r" deal) of (?:confusion|trouble|problems|issues|rework|back and forth|disruption)\b"
        r"|\bplagued by\b|\bround in circles\b",
        _re(_QUESTION + r"|" + _REPORTED + _NOT_A_COMPLAINT + r"|\b(?:we|i)(?:'ll| will)\b"),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\btends? to (?:be )?(?:vague|late|wrong|slow|unclear|patchy|messy|incomplete|off)\b"
        r"|\b(?:is|are|has gone|have gone|went) down across\b|\b(?:pop|crop)s? up every\b",
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\bfew and far between\b|\bone (?:problem|issue|thing|mistake|delay|error) after"
        r" another\b|\bhit or miss\b|\bjust (?:isn't|is not|wasn't) there\b|\b(?:everyone"
        r"|everybody"
        r"|all of us)(?: \w+){0,2}? (?:is|are|was|were|seems?) (?:\w+ )?(?:unhappy|frustrated"
        r"|annoyed|disappointed|confused|fed up|lost)\b",
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:hit and miss|hit-and-miss|hit or miss|from top to bottom|through and through)\b"
        r"|\bconfusing in places\b|\b(?:unclear|confusing|wrong|off) in (?:places|parts)\b",
        _re(_QUESTION + r"|" + _REPORTED),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:change|changes|changed|changing|moves?|moved|slips?|slipped|breaks?|broke"
        r"|fails?|failed|crash\w*|goes wrong|went wrong|goes down|went down) (?:\w+ )?every"
        r" (?:single )?(?:week|day|month|time|release|sprint|visit|delivery|round|meeting)\b",
        _re(_QUESTION + r"|" + _REPORTED + r"|\b(?:will|'ll|we|our)\b"),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\bthe same (?:old )?(?:story|thing|problem|issue|mistakes?|errors?|complaints?)\b"
        r"(?=[^.;?!]*\b(?:every|each|again|always|over and over|all the time)\b)"
        r"|\b(?:isn't|is not|aren't|are not|wasn't|weren't) what (?:it|they) used to be\b"
        r"|\b(?:your|the|all the) (?:\w+ )?\w+s (?:are|have been) (?:\w+ )?(?:a nightmare"
        r"|a mess"
        r"|a disaster|terrible|awful|useless|hopeless|impossible|rubbish|shocking|a joke"
        r"|unusable|a pain)\b",
        _re(_QUESTION + r"|" + _REPORTED + _NOT_A_COMPLAINT),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\b(?:your|their|the) (?:\w+ )?(?:staff|people|team|drivers|managers|engineers|users"
        r"|customers|suppliers|emails|forms|invoices|reports|systems|tools)(?: are"
        r"| is)? (?:\w+ )?"
        r"(?:rude|unhelpful|useless|hopeless|incompetent|careless|lazy|unreliable|impossible"
        r"|chaotic|sloppy)\b",
        _re(_QUESTION + r"|" + _REPORTED + _NOT_A_COMPLAINT + r"|\bsorry\b|\bfor you\b"),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:isn't|is not|aren't|are not|hasn't|has not|haven't|have not|wasn't|weren't)"
        r"(?: (?:really|quite|been|always|exactly|entirely|yet))* (?:great|good|ideal|right"
        r"|where (?:it|they|we) (?:should|needs? to|ought to) be|up to (?:scratch|standard|par"
        r"|the mark)|productive|working|worked|landing|landed|effective|smooth|good enough"
        r"|what (?:it|they) should be|hitting the mark)\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + _NOT_A_COMPLAINT
            + r"|\b(?:we|i|our|my|us)\b|\bsorry\b|\bapologi[sz]e\b|\bif\b|\bunless\b"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:a lot of|lots of|a string of|a series of|a raft of|a host of|its (?:fair )?share"
        r" of|plenty of|all sorts of) (?:\w+ )?(?:things|issues|problems|misunderstandings"
        r"|mistakes|errors|concerns|hiccups|niggles|complaints|delays|glitches|headaches"
        r"|teething troubles)\b|\brough edges\b",
        _re(
            _QUESTION
            + r"|"
            + _REPORTED
            + r"|\bsorry\b|\bapologi[sz]e\b|\bour (?:\w+ )?(?:mistakes|errors)\b"
            r"|\bwe (?:made|caused)\b"
        ),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a generality",
        r"\bevery (?:single )?time\b[^.;?!]*\b(?:you|your \w+|they)(?: \w+)? (?:change|changes"
        r"|changed|move|moves|add|adds|reject|rejects|ignore|ignores|complain|complains"
        r"|forget|forgets|miss|misses)\b|\bevery (?:week|day|month|time|visit|release)\b"
        r"[^.;?!]*\b(?:crisis|drama|fire|surprise|emergency|panic|headache)\b"
        r"|\b(?:everybody|everyone) (?:on|in|at|from) your \w+ (?:\w+ )?(?:seems?|wants?"
        r"|keeps?)\b"
        r"|\b(?:complain|complains|moan|moans) about (?:\w+ )?(?:everything|anything)\b",
        _re(_QUESTION + r"|" + _REPORTED + r"|\b(?:will|'ll|we'll)\b"),
        vague=True,
    ),
    Cue(
        Rule.NO_GENERALITIES,
        "is a vague complaint",
        r"\b(?:various|several|a few|some|assorted|sundry|numerous|countless) (?:\w+ )?"
        r"(?:problems|issues|inconsistencies|niggles|glitches|things (?:slide|slip|go wrong"
        r"|went wrong))\b|\bone (?:\w+ )?(?:disaster|problem|issue|crisis|setback|mistake"
        r"|drama|thing) after another\b|\b(?:plenty|a lot|lots|so much|too much|a fair bit)"
        r" (?:has |have )?(?:went|gone|going|go|goes) (?:wrong|sideways|awry|badly)\b"
        r"|\bsomewhere along the (?:way|line)\b|\beverything (?:\w+ ){0,3}?(?:is|are|'s"
        r"|has been|was) (?:running |still |all )?(?:behind|late|off track|a mess)\b"
        r"|\ba (?:rocky|rough|bumpy|difficult|tough|shaky) (?:few |couple of )?(?:weeks"
        r"|months|period|patch|ride|stretch)\b|\bnot quite what (?:everyone|anyone|we|you"
        r"|people) (?:had )?(?:hoped|wanted|expected)\b",
        _re(_QUESTION + r"|" + _REPORTED + r"|\bsorry\b|\bapologi[sz]e\b|\bfor you\b"),
        vague=True,
    ),
)
