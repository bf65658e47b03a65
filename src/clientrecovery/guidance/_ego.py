"""NO_EGO: the provider's judgement, expertise, record and interests at the centre (002)."""

from __future__ import annotations

from clientrecovery.catalogue import Rule
from clientrecovery.guidance._words import (
    Cue,
    _re,
)

__all__ = ["CUES"]

CUES: tuple[Cue, ...] = (
    Cue(
        Rule.NO_EGO,
        "puts the provider's judgement above the client's",
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
        r"\b|\b(?:we|i|our \w+)\b[^.;?!]{0,40}\bwithout (?:needing|needing to ask"
        r"|asking (?:them|you|anyone)|testing it|a"
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
        r"|\bwill (?:love|like) it once\b",
        _re(
            r"\bfeel free\b|\bi(?:'m| am) sure you(?:'ll| will)? (?:understand|agree)\b"
            r"|\b(?:trust|believe) (?:us|me) (?:back|again)|\bearn (?:your|back)"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "leans on the provider's expertise",
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
        r"|\bwe know what (?:works|we(?:'re| are) doing)\b",
        _re(r"\byour (?:\w+ )?(?:knows?|know) (?:\w+ ){0,4}?better than (?:we|us)\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "praises the provider",
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
        r"|\bour (?:\w+ )?(?:methods?|methodology|process\w*|approach\w*|systems?|recipes?)"
        r" (?:is|are) (?:\w+ )?(?:tried[- ]and[- ]tested|battle-tested|time-tested|proven)\b"
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
        r"|excellent|the best|the right one)\b|\bsecond-guessing our (?:own )?\w+",
        _re(
            r"\bproud to (?:\w+ ){0,2}?(?:work\w*|help\w*|partner\w*|serve|support\w*)"
            r" (?:with |for |alongside )?you\b|\bnot proud\b"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "speaks of the provider's interests",
        r"\b(?:important|hard|difficult|tough|painful|stressful|inconvenient|costly"
        r"|expensive|embarrassing|awkward|a lot of work|demanding|unfair|tiring|draining"
        r"|easier|a problem|a big deal|a blow|a hit) for (?:me|us|our (?:team|business|agency"
        r"|company|people|margins?)|the (?:team|agency))\b"
        r"|\b(?:our|my) (?:margins?|profit|bottom line|image|brand|name|other clients)\b"
        r"|\bwe (?:have|need|want) to protect (?:our|the team's)\b"
        r"|\bwe have other clients\b|\bour rates\b",
    ),
    Cue(
        Rule.NO_EGO,
        "leans on the provider's record",
        r"\b(?:hundreds|thousands|dozens|scores|countless) of (?:other )?(?:\w+ )?(?:brands"
        r"|clients|companies|projects|events|customers|sites|launches|businesses|weddings"
        r"|campaigns|installs|migrations)\b|\b(?:doing|done|running|building|designing|planning"
        r"|making) (?:this|it|these|events|sites|apps|kitchens|campaigns) (?:for|over) (?:\w+"
        r" ){0,2}?(?:years|decades)\b|\bwhy you hired (?:us|experts|the experts|professionals"
        r"|specialists)\b|\bwe know (?:the|this|your) (?:market|industry|business|sector"
        r"|audience|space|trade|customers)\b|\b(?:our|my) (?:recommendation|decision|position"
        r"|view|answer|design|call) is (?:final|not up for|non-?negotiable|the right one)\b",
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
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
        r" once|learn to love)\b",
        _re(
            r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows|understand"
            r"|understands) (?:\w+ ){0,4}?better"
            r" than (?:we|us)\b|\bbetter than (?:you|your) (?:expected|hoped|asked)"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
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
        r"|\bfollow our lead\b|\b(?:as|like) (?:it|they|we) always (?:does|do)\b",
        _re(r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
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
        r"|stands)\b|\bnot a list of requests\b",
        _re(r"\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b|\bsorry\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
        r"\b(?:it's|it is|that's|that is) the right (?:one|choice|call|option)\b",
        requires=_re(r"\b(?:we|i) (?:\w+ )?(?:picked|chose|designed|selected|recommended|built)\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
        r"\bwe know what (?:good|great|success|right|quality) looks like\b|\btoo (?:experienced"
        r"|good|skilled|senior|careful|professional) to\b|\btake our word for it\b|\bour"
        r" (?:direction|guidance|leadership)\b|\bnot more opinions\b|\bopinions from the"
        r" committee\b",
    ),
    Cue(
        Rule.NO_EGO,
        "leans on the provider's record",
        r"\bseen it all\b|\bseen (?:it|this|everything) (?:all )?before\b|\b(?:doubt"
        r"|don't think)"
        r" (?:anyone|anybody) else could\b|\bdefer to (?:us|our)\b|\bnot in the habit of"
        r" (?:getting|making)\b",
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
        r"\b(?:at|to) the top of (?:our|the|their) (?:field|industry|game|sector|tree|trade)\b"
        r"|\bany (?:competent|good|decent|serious|professional|sensible|reputable) \w+ would"
        r" (?:agree|tell you|say|do)\b|\b(?:praised|admired|commended|recognised|recognized)"
        r" by\b|\b(?:we|i)(?:'ll| will)? decide (?:what|how|which|whether)\b|\b(?:the )?experts"
        r" (?:on|in) our team\b|\bour experts\b|\b(?:already )?made the call\b",
    ),
    Cue(
        Rule.NO_EGO,
        "praises the provider",
        r"\b(?:nobody|no one|no-one) does (?:\w+ ){0,2}?(?:it |this )?like (?:we do|us)\b"
        r"|\b(?:our"
        r"|my) \w+ (?:are|is) always right\b|\balways right in the end\b",
    ),
    Cue(
        Rule.NO_EGO,
        "praises the provider",
        r"\b(?:we(?:'re| are)|i(?:'m| am)|our(?: [\w-]+){1,3}? (?:is"
        r"|are))\b,?(?: [\w-]+,?){0,3}?"
        r" (?:the (?:most (?:\w+ )?\w+|best|finest|leading|top|strongest|safest|fastest"
        r"|smartest|sharpest|greatest|biggest name)|among the (?:most|best|top|finest|leading"
        r"|strongest|greatest)|one of the (?:best|most|top|finest|leading|strongest"
        r"|greatest))\b"
        r"|\bour (?:[\w-]+ ){0,3}?(?:is|are|was|were|has been|have been) (?:\w+ )?(?:excellent"
        r"|spotless|superb|flawless|impeccable|unbeatable|unrivalled|second to none|brilliant"
        r"|outstanding|exceptional|world-class|top-notch|the gold standard|the benchmark"
        r"|first-rate|faultless|immaculate|unmatched|unparalleled|beyond reproach|beyond"
        r" question|above reproach|exemplary|unquestionable|the envy of)\b"
        r"|\b(?:recogni[sz]ed|known|regarded|seen|considered|rated|respected|celebrated)"
        r" (?:\w+ )?(?:as|by (?:many|all|everyone|the industry|our peers)) (?:the )?(?:\w+ )?"
        r"(?:leaders?|experts?|best|specialists?|authorit\w+|top|go-to|number one|pioneers"
        r"|genius|geniuses|master|masters|visionary|visionaries|legends?|stars?)\b"
        r"|\bof our (?:standing|calibre|stature|reputation|quality|pedigree)\b",
        _re(
            r"\bfor you\b|\byour\b|\b(?:earliest|soonest|latest|nearest|first|next|priority"
            r"|mistake|fault|error|responsibility|worst|weakest|slowest|lowest point|job now)\b"
            r"|\b(?:far from|not|hardly|less than|never been)\b|\bsorry\b"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "leans on the provider's expertise",
        r"\b(?:having|after) (?:\w+ ){1,6}?(?:\d+|hundreds?|dozens|thousands|many|countless"
        r"|years|decades|\w+ hundred)\b[^.;?!]{0,40}?,? (?:we|i) (?:know|can|are sure|'re"
        r" sure|are confident|'re confident|understand)\b"
        r"|\b(?:we|i)(?:'ve| have) (?:got )?(?:a lot of|lots of|plenty of|years of|decades of"
        r"|enough|more|far more|a wealth of|vast|huge) (?:\w+ )?(?:experience|expertise"
        r"|know-?how)\b"
        r"|\b(?:i|we)(?:'ve| have) been (?:an? |the )?(?:[\w-]+ ){0,3}?for (?:\w+ ){0,2}?"
        r"(?:years|decades)\b"
        r"|\b(?:we|i) (?:already )?know (?:exactly |precisely |full well |perfectly well )?"
        r"(?:what|how|which) (?:\w+ ){0,3}?(?:needs?|wants?|works|ends|will (?:work|sell|land"
        r"|perform|look|go)|should look|looks best|is best|is needed|is right|goes)\b"
        r"|\b(?:we|i) know (?:that )?(?:yours|it|this|the \w+|your \w+) will (?:work|perform"
        r"|sell|succeed|land|look|be fine|be a success)\b"
        r"|\b(?:we|i) (?:don't|do not|won't|will not) need (?:\w+ ){0,2}?(?:testing|research"
        r"|feedback|input|reviews?|sign-?off|a pilot|data|surveys?|to ask|to test|to check"
        r"|your (?:input|views|approval|opinion|feedback))\b|\bno need (?:for|to) (?:\w+ )"
        r"{0,3}?(?:review|check|test|ask|consult|question)\w*\b",
        _re(
            r"\bwith you\b|\byou (?:told|said|mentioned)|\bfrom us\b|\b(?:need|want|like|love)"
            r" to (?:know|understand|hear)\b|\blet (?:us|me) know\b|\bhow (?:much|hard|frustrating"
            r"|difficult|important|stressful|upsetting)\b|\bsorry\b|\bfor you to\b"
            r"|\bno need (?:for you|to worry|to apologi)"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "rests a verdict on the provider's record",
        r"\b(?:we|we've|we have|i|i've|i have|our|my)\b[^.;?!]{0,60}?\b(?:won|awards?"
        r"|award-winning|winners?|named|(?:over|more than|some) (?:\d+|\w+ (?:hundred"
        r"|thousand))|hundreds|thousands|\d+ (?:years|projects|clients|events|sites)"
        r"|(?:\w+ )?(?:years|decades) (?:in|of|behind)|half the|every (?:major|big|top))\b"
        r"[^.;?!]{0,60}?(?:,? so|;) (?:the|our|this|that|it|its|these|those|i'm|we're|i am"
        r"|we are)\b[^.;?!]{0,60}?\b(?:right|sound|correct|stands?|in safe hands|works"
        r"|spot on|exactly as it should be|the right one)\b",
        _re(r"\b(?:sorry|apologi[sz]e|our mistake|our fault|we got (?:it|this) wrong)\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider's taste or signature above the brief",
        r"\b(?:our|my|the studio's|the firm's|the agency's) (?:own )?(?:signature|house"
        r" style|distinctive (?:look|style)|design language)\b"
        r"|\b(?:far |much |a lot )?more (?:elegant|sophisticated|stylish|tasteful|refined"
        r"|striking|beautiful)\b[^.;?!]{0,40}\bthan (?:the )?(?:\w+ )?(?:you|your)\b"
        r"|\b(?:our|my|the) original (?:\w+ )?(?:was|were|is) (?:the )?(?:far |much )?"
        r"(?:better|stronger|more \w+|right)\b",
        _re(r"\b(?:sorry|apologi[sz]e|you prefer|you(?:'d| would) like|your brand's)\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider's judgement above the client's",
        r"\b(?:the way|how) (?:i|we) (?:like|prefer|want|would do) (?:it|things|them)\b"
        r"|\b(?:i|we)(?:'d| would) (?:much )?rather (?:we )?(?:kept|keep|stick|stuck|go|went"
        r"|do|did|leave|left) (?:\w+ ){0,5}?(?:our|my|the way (?:i|we)|as (?:it is|they are))\b"
        r"|\b(?:we|i) (?:get to |will |'ll )?decide (?:the|on the|what|how|which|whether)\b"
        r"|\bthat(?:'s| is) (?:our|my) (?:area|call|decision|department|domain|business|field"
        r"|territory|job to decide)\b|\bleave (?:that|this|it|those|these) (?:\w+ )?to us\b"
        r"|\btoo (?:talented|qualified|accomplished|expert|important|senior|skilled) to\b"
        r"|\b(?:clients|customers|people|brands) who (?:take|follow|trust|accept|listen to"
        r"|use|stick with) (?:our|us)\b"
        r"|\b(?:we|our|i)\b[^.;?!]{0,50}\b(?:better|smarter|wiser|sharper|stronger|quicker"
        r"|cleverer|more (?:experienced|qualified|skilled|capable|knowledgeable|talented"
        r"|professional|reliable))(?: [\w-]+){0,4} than (?:a|an|the|any|their|most|other"
        r"|your|you) ?(?:[\w-]+ ){0,2}?(?:committee|team|staff|people|in-house|competition"
        r"|others|rest|agenc\w+|firms?|suppliers?|competitors?|amateurs?|do|does|could)\b",
        _re(
            r"\b(?:together|with you|with your|you(?:'d| would) like|you prefer|you want)\b"
            r"|\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b|\bsorry\b"
            r"|\b(?:rather|other|more|less|later|longer|sooner|earlier|worse|slower) than\b"
        ),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
        r"\b(?:no|nobody|no one|no other) (?:\w+ ){0,6}?(?:can|could) (?:match|beat|touch"
        r"|rival|equal|compete with) (?:our|us)\b"
        r"|\b(?:nobody|no one|no client|no customer|none of our clients) (?:has|have|had)"
        r" (?:ever )?(?:\w+ )?(?:complained|questioned|doubted|critici[sz]ed|queried|objected)"
        r"\b[^.;?!]{0,20}\b(?:our|us)\b"
        r"|\bthe experts here\b|\b(?:our|the) (?:\w+ )?experts? (?:have|has) (?:already )?"
        r"(?:decided|settled|ruled|spoken|concluded)\b"
        r"|\b(?:we(?:'re| are)|our (?:\w+ )?(?:is|are)) (?:\w+ )?(?:known|famous|renowned"
        r"|respected|celebrated|praised) (?:\w+ ){0,3}?for\b"
        r"|\b(?:we|our|i)\b[^.;?!]{0,50}\bmore (?!time|work|money|often|days|weeks|than)\w+"
        r" than (?:them|they|others|anyone|anybody|everyone|most|the rest)\b"
        r"|\b(?:lucky|fortunate) to have (?:us|a team (?:of|like) (?:our|ours|us))\b",
        _re(r"\bsorry\b|\b(?:you|your (?:\w+ )?\w+) (?:know|knows) (?:\w+ ){0,4}?better\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "puts the provider above the client",
        r"\b(?:won't|will not|wouldn't|couldn't|can't|cannot) find (?:anyone|anybody"
        r"|a (?:\w+ )?"
        r"(?:team|firm|agency|supplier|company)) (?:\w+ )?(?:better|more \w+)\b"
        r"|\b(?:in (?:our|my|their) sleep|with (?:our|my|their) eyes closed|standing on (?:our"
        r"|my|their) heads?)\b"
        r"|\b(?:the )?(?:quality|standard|calibre|accuracy|craftsmanship) of our (?:\w+ ){0,2}?"
        r"(?:is|are|was|were) (?:\w+ )?(?:beyond (?:doubt|question|reproach)|unquestionable"
        r"|excellent|superb|flawless|impeccable|second to none|outstanding|exceptional|not in"
        r" question|not the issue)\b"
        r"|\bif (?:anyone|anybody) (?:knows|can|understands|gets)\b[^.;?!]{0,40}\b(?:it's"
        r"|it is)"
        r" (?:us|me|we)\b",
        _re(r"\bsorry\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "praises the provider",
        r"\bour (?:\w+ ){0,2}?(?:have|has) been (?:\w+ )?(?:featured|showcased|published"
        r"|praised"
        r"|covered|shortlisted|profiled) (?:in|by)\b"
        r"|\b(?:in a (?:different|whole other) league|in a league of (?:our|its|their) own"
        r"|head and shoulders above|a cut above|miles ahead of)\b"
        r"|\b(?:we|i) (?:don't|do not|won't|never) take (?:advice|direction|instructions"
        r"|lessons"
        r"|notes|feedback) (?:\w+ ){0,4}?from\b"
        r"|\b(?:we|i) (?:made|took|got) the right (?:call|decision|choice)\b|\bprove (?:us|me)"
        r" right\b|\bbefore (?:anyone|anybody|everyone) else\b",
        _re(r"\bsorry\b|\b(?:if|whether|did|have) (?:we|i)\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "leans on the provider's expertise",
        r"\b(?:master's|masters|phd|doctorate|degree|qualifications?|certifications?|credentials"
        r"|chartered|mba|standards|pedigree)\b[^.;?!]{0,30}\b(?:so|therefore|which is why"
        r"|that's why|hence)\b[^.;?!]{0,40}\b(?:confident|sure|certain|right|correct|know"
        r"|stands?|doesn't add up|can't be|must be)\b"
        r"|\b(?:called|named|rated|voted|judged|described) (?:it|us|our \w+|them) (?:as )?"
        r"(?:exceptional|outstanding|the best|excellent|world-class|first-rate|superb"
        r"|brilliant)\b"
        r"|\b(?:we|i) (?:pioneered|invented|wrote the book on|created|developed|designed|built)"
        r" (?:this|the|that|these) (?:\w+ )?(?:approach|method|process|system|workflow|model"
        r"|technique|standard)\b[^.;?!]{0,40}\b(?:so|and it's|which is why)\b"
        r"|\bthe (?:best|finest|strongest) (?:\w+ )?(?:we|i)(?:'ve| have)? ever (?:built|made"
        r"|done|designed|delivered|produced)\b",
        _re(r"\bsorry\b|\byour (?:own )?(?:experience|standards)\b|\byou\b"),
    ),
    Cue(
        Rule.NO_EGO,
        "praises the provider",
        r"\b(?:we(?:'re| are)|i(?:'m| am)|our (?:\w+ ){0,2}?(?:is|are)) (?:very |extremely "
        r"|really"
        r" |highly |incredibly |exceptionally |genuinely |simply |so )(?:good|great|excellent"
        r"|brilliant|skilled|talented|experienced|qualified|meticulous|accomplished|respected"
        r"|renowned|successful|capable|competent|knowledgeable|clever|smart|gifted)\b"
        r"(?! (?:at (?:fixing|putting|making up)|to|of|with|for|only|when|if))"
        r"|\bwe(?:'re| are) not (?:just )?(?:some|a|an) (?:\w+ )?(?:cheap|amateur|small|average"
        r"|two-bit|back-street|fly-by-night|run-of-the-mill) (?:\w+ )?(?:outfit|firm|agency"
        r"|supplier|operation|company|team|shop)\b"
        r"|\b(?:every|all|our other) (?:other )?(?:projects?|clients?|launches|events|installs"
        r"|sites|campaigns|jobs) (?:\w+ ){0,3}?(?:went|have gone|has gone|are|were|run|ran)"
        r" (?:\w+ )?(?:perfectly|fine|smoothly|well|without a hitch|like clockwork)\b"
        r"|\byour (?:\w+ )?(?:suggestions?|ideas?|input|feedback|opinions?|views?|preferences?)"
        r" (?:isn't|is not|aren't|are not|won't be|will not be|wasn't|weren't) (?:really )?"
        r"(?:needed|necessary|relevant|required|the point|what matters)\b",
        _re(
            r"\bsorry\b|\bapologi[sz]|\b(?:not|usually|normally|but|although|though|yet|still)\b"
            r"|\b(?:will|'ll)\b|\b(?:pleased|glad|happy|aware|sure)\b|\?"
        ),
    ),
)
