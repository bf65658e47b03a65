"""Small word classes the model (``_model``) reads beside the words themselves.

With a few hundred labelled sentences a model learns little about a word it saw twice; it
learns more about a class: *a failure*, *a causal link*, *the client's side*, *an absolute*,
*self-praise*. The classes follow what the articles warn against and ask for, not any
sentence of the corpus: who is the subject of a failure and what ties it to the client
(*A Client Management Masterclass*), the provider's pride and feelings in place of facts
(Petrolino), absolutes and vague quantities in place of a specific example (Sisco, step 1),
and the client's words asked for and played back (*Rebuilding Client Relations*).
"""

from __future__ import annotations

__all__ = ["CLASSES", "MARKERS"]

_WORDS: dict[str, str] = {
    "SELF": "we we're we've we'd we'll our ours ourselves us i i'm i've i'd i'll my me mine",
    "CLIENT": "you you're you've you'd you'll your yours yourself yourselves client client's",
    "THIRD": (
        "they they're they've their them supplier suppliers vendor vendors courier couriers"
        " subcontractor subcontractors contractor contractors partner partners agency printer"
        " printers host hosting manufacturer factory carrier freelancer previous"
    ),
    "CAUSE": (
        "because due owing reason reasons why stem stems stemmed caused causes cause result"
        " resulted thanks blame blamed fault faults responsible responsibility since so"
        " therefore hence consequently down"
    ),
    "FAIL": (
        "late later missed miss failed fail fails forgot forgotten delay delays delayed slipped"
        " slip slips wrong error errors mistake mistakes problem problems broke broken lost"
        " didn't wasn't weren't hasn't haven't hadn't couldn't wouldn't stalled sat ignored"
        " changed changes changing kept keeps dropped confusion mess chaos backlog bottleneck"
        " complaints complain complained"
    ),
    "ABS": (
        "always never every everything everyone everybody nothing nobody none all constantly"
        " forever whole entire completely totally absolutely any anything ever endless"
        " continually repeatedly"
    ),
    "VAGUE": (
        "things stuff some somewhat quite rather general generally overall lot lots often"
        " sometimes various several few patchy mixed bit really kind sort fine great good bad"
        " poor seems seem mood rough edges here there hit miss share string"
    ),
    "PRAISE": (
        "best expert experts expertise specialist specialists award awards"
        " leading proud pride renowned experienced excellent brilliant perfect"
        " superior talented reputation portfolio standard gold finest top industry years"
        " decades trust instinct taste vision style prefer preference better sensible"
    ),
    "KNOW": "know knows knew understand understands confident sure certain obvious right",
    "EMO": (
        "frustrated frustrating annoyed angry upset tired exhausted exhausting disappointed"
        " ridiculous absurd unacceptable insulting shocked offended hurt fed sick honestly"
        " frankly seriously clearly obviously actually surely delighted wonderful thrilled"
        " amazing lovely unbelievable nonsense"
    ),
    "REMIND": (
        "said mentioned explained noted communicated stated reminded remind reminder again"
        " already before previously record per attached reiterate repeat repeating remember"
        " remembering"
    ),
    "REFUSE": (
        "won't cannot can't refuse refused not no debate question questioned expected"
        " pushed accept nothing anyway whatever"
    ),
    "MODAL": "should must need needs ought have has had",
    "ASK": (
        "help understand perspective tell share describe walk how what which would could"
        " like outcome view think feel"
    ),
    "HEAR": "heard hear told said mentioned understood correctly sounds saying asked",
    "OWN": "fault mistake responsibility own owned apologise apologize sorry error regret",
    "WILL": "will we'll i'll going by before until from starting each",
    "TIME": (
        "<n> monday tuesday wednesday thursday friday saturday sunday tomorrow today tonight"
        " noon midday morning afternoon evening week weeks day days hours minutes month"
        " january february march april may june july august september october november"
        " december"
    ),
}

CLASSES: dict[str, tuple[str, ...]] = {}
"""Each word's classes (most words have none)."""
for _name, _words in _WORDS.items():
    for _word in _words.split():
        CLASSES[_word] = (*CLASSES.get(_word, ()), _name)

MARKERS: frozenset[str] = frozenset(
    word
    for name in ("CLIENT", "THIRD", "EMO", "REMIND", "REFUSE")
    for word in _WORDS[name].split()
    if word != "per"  # "per my last message" has "my"; "per round" is no reminder
)
"""The words that say someone is answered, felt about or refused: what an emotional or
defensive sentence has (the review's model adds no emotion finding without one)."""
