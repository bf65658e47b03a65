"""The shape of a message for the guidance cues: its sentences, its quotations, its specifics.

The text is *prepared* once: curly apostrophes become straight ones and every quotation is
blanked out (same length, so offsets still point into the original), because the words
inside quotation marks are the client's own. Sentences are ``[start, end)`` ranges of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import attrs

__all__ = ["Prepared", "prepare"]

# “…”, "…", ‘…’ and '…' (a straight or curly apostrophe inside a word, as in "don't", does
# not end a single-quoted quotation; one after a word, as in "clients'", does not open one).
# A quotation never holds its own opening mark, so an unclosed one costs one pass.
_QUOTED = re.compile(
    r"“[^“”\n]*”|\"[^\"\n]*\"|‘(?:[^‘’\n]|’(?=\w))*’|(?<!\w)'(?=\w)(?:[^'\n]|'(?=\w))*'(?!\w)"
)
_SENTENCE_END = re.compile(r"[.!?;:]+(?=\s|$)|\n+|\s[-–—]\s")

# What makes a statement specific (003 §1-2): a number, a date, a weekday, a month, a time.
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri"
)
SPECIFIC = re.compile(
    rf"\d|\b(?:{_WEEKDAYS}|{_MONTHS})\b|\b(?:tomorrow|tonight|today|noon|midday"
    r"|end of (?:the )?(?:day|week|month)|close of business|eod|cob|this (?:afternoon|morning"
    r"|evening)|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|hundred|a dozen)\b)"
)
"""Something specific, in lower-cased text."""


@attrs.frozen
class Prepared:
    """A message ready for the cues."""

    original: str
    """The text as given."""
    text: str
    """The same length: straight apostrophes, quotations blanked out."""
    lower: str
    """:attr:`text` in lower case, still the same length."""
    starts: tuple[int, ...]
    """Where each sentence starts."""
    ends: tuple[int, ...]
    """Where each sentence ends (exclusive)."""
    quoted: tuple[tuple[int, int], ...]
    """The quotations' spans."""

    def sentence(self, position: int) -> tuple[int, int]:
        """The ``[start, end)`` of the sentence holding ``position``."""
        i = max(bisect_right(self.starts, position) - 1, 0)
        return self.starts[i], self.ends[i]

    def sentences(self) -> list[tuple[int, int]]:
        """Every sentence's ``[start, end)``."""
        return list(zip(self.starts, self.ends, strict=True))

    def quotes_in(self, start: int, end: int) -> bool:
        """Whether a quotation falls within ``[start, end)``."""
        return any(start <= q_start < end for q_start, _ in self.quoted)


def _blanked(text: str, quoted: tuple[tuple[int, int], ...]) -> str:
    """``text`` with the inside of each quotation (its spans, in order) blanked out; what
    ``_QUOTED.sub`` would make of it, without finding the quotations a second time."""
    parts: list[str] = []
    done = 0
    for start, end in quoted:  # a quotation holds two characters at least: its marks
        parts += (text[done : start + 1], " " * (end - start - 2), text[end - 1])
        done = end
    parts.append(text[done:])
    return "".join(parts)


def prepare(text: str) -> Prepared:
    """Straighten apostrophes, blank out quotations and find the sentences of ``text``."""
    straight = text.replace("’", "'").replace("‘", "'") if "’" in text or "‘" in text else text
    quoted = tuple(m.span() for m in _QUOTED.finditer(text))
    if quoted:
        straight = _blanked(text, quoted).replace("’", "'").replace("‘", "'")
    starts = [0]
    ends = []
    for m in _SENTENCE_END.finditer(straight):
        ends.append(m.end())
        starts.append(m.end())
    ends.append(len(straight))
    lower = straight.lower()
    if len(lower) != len(straight):  # a rare letter ("İ") lower-cases to two characters
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in straight)
    return Prepared(text, straight, lower, tuple(starts), tuple(ends), quoted)
