"""Words a cue's match cannot do without, so that sentences without them are skipped.

A cue's pattern is read with Python's own regular-expression parser. Every match holds,
at the start of a word, one of the literal words of some part of the pattern (for
``\\byour (?:fault|mistake)``: "your", or one of "fault", "mistake"); the part whose words
are rarest is chosen, and the words are kept by their first five letters (a shorter word
whole, marked with ``$``). A sentence with none of those words cannot hold a match, so the
cue is not run on it: most of a long message is skipped, and the findings are the same. A
pattern with no such part (it may be any word, or punctuation) is run on every sentence.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from typing import Any

__all__ = ["keys", "sentence_keys"]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_WORD = re.compile(r"[^\W_]+")
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_KEY = 5  # letters of a word that make its key: "haven" (haven't) is not "have$"
_LIMIT = 20_000  # expansions before giving up on a pattern (it then runs everywhere)


class _Unreadable(Exception):
    """The start of the pattern cannot be reduced to a set of words."""


def _prefixes(items: list[Any], acc: str, budget: list[int]) -> set[str]:
    budget[0] -= 1
    if budget[0] < 0:
        raise _Unreadable
    if len(acc) >= _KEY:
        return {acc[:_KEY]}
    if not items:
        if not acc:
            raise _Unreadable  # the pattern can match nothing at all
        return {acc + "$"}
    (op, av), rest = items[0], items[1:]
    if op in _ZERO_WIDTH:
        if acc and op is _c.AT:
            return {acc + "$"}  # a word boundary after letters ends the word
        return _prefixes(rest, acc, budget)
    if op is _c.LITERAL:
        ch = chr(av)
        if ch.isalnum():
            return _prefixes(rest, acc + ch, budget)
        if acc:
            return {acc + "$"}
        raise _Unreadable
    if op is _c.SUBPATTERN:
        return _prefixes([*av[-1].data, *rest], acc, budget)
    if op is _c.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            found |= _prefixes([*alternative.data, *rest], acc, budget)
        return found
    if op in _REPEATS:
        low, high, sub = av
        again = [(op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, sub))]
        once = _prefixes([*sub.data, *(again if high != 1 else []), *rest], acc, budget)
        return once | _prefixes(rest, acc, budget) if low == 0 else once
    if op is _c.IN and acc:
        return {acc + "$"} if _no_letters(av) else _expand_class(av, rest, acc, budget)
    if op is _c.IN:
        return _expand_class(av, rest, acc, budget)
    raise _Unreadable


def _no_letters(members: list[Any]) -> bool:
    return all(op is _c.LITERAL and not chr(av).isalnum() for op, av in members)


def _expand_class(members: list[Any], rest: list[Any], acc: str, budget: list[int]) -> set[str]:
    if not all(op is _c.LITERAL for op, _ in members) or len(members) > 8:
        raise _Unreadable
    found: set[str] = set()
    for _, av in members:
        found |= _prefixes([(_c.LITERAL, av), *rest], acc, budget)
    return found


# How common a word's key is in a message (a guess; it only decides which words gate).
_COMMON = dict.fromkeys(
    [
        *("the$", "you$", "your$", "we$", "i$", "a$", "to$", "and$", "our$", "is$", "it$"),
        *("in$", "on$", "of$", "for$", "that$", "this$", "with$", "be$", "as$", "at$"),
        *("will$", "have$", "was$", "are$", "not$", "me$", "my$", "so$", "if$", "an$", "by$"),
        *("or$", "but$", "all$", "can$", "do$", "from$", "when$", "what$", "us$", "s$", "re$"),
        *("ll$", "m$", "d$", "t$", "ve$", "am$", "they$", "their", "there", "which", "would"),
        *("could", "shoul", "about", "has$", "had$", "been$", "team$", "them$", "were$"),
    ],
    100,
)


def _cost(found: set[str]) -> int:
    return sum(_COMMON.get(key, 1) for key in found)


def _separator(op: Any, av: Any) -> bool:
    """Whether a consumed character here is never part of a word."""
    if op is _c.LITERAL:
        return not chr(av).isalnum()
    if op is _c.IN:
        space = _c.CATEGORY_SPACE
        return all(
            (o is _c.LITERAL and not chr(a).isalnum()) or (o is _c.CATEGORY and a is space)
            for o, a in av
        )
    return False


def _ends_apart(items: list[Any]) -> bool:
    """Whether every match of ``items`` ends with a character that is not part of a word."""
    if not items:
        return False
    op, av = items[-1]
    if op is _c.SUBPATTERN:
        return _ends_apart(list(av[-1].data))
    if op is _c.BRANCH:
        return all(_ends_apart(list(alt.data)) for alt in av[1])
    return _separator(op, av)


def _needed(items: list[Any], at_word: bool, budget: list[int]) -> set[str] | None:
    """Keys one of which every match of ``items`` holds at a word's start, or ``None``."""
    options: list[set[str]] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL and chr(av).isalnum():
            j = i
            while j < len(items) and items[j][0] is _c.LITERAL and chr(items[j][1]).isalnum():
                j += 1
            if at_word:
                with contextlib.suppress(_Unreadable):
                    options.append(_prefixes(items[i:], "", budget))
            at_word = False
            i = j
            continue
        if op is _c.AT:
            at_word = at_word or av is _c.AT_BOUNDARY
        elif op in _ZERO_WIDTH:
            pass
        elif _separator(op, av):
            at_word = True
        elif op is _c.SUBPATTERN:
            inner = _needed(list(av[-1].data), at_word, budget)
            if inner is not None:
                options.append(inner)
            at_word = False
        elif op is _c.BRANCH:
            alternatives = [_needed(list(alt.data), at_word, budget) for alt in av[1]]
            if all(a is not None for a in alternatives):
                options.append(set().union(*(a for a in alternatives if a is not None)))
            at_word = False
        elif op in _REPEATS:
            low, _, sub = av
            if low >= 1:
                inner = _needed(list(sub.data), at_word, budget)
                if inner is not None:
                    options.append(inner)
            at_word = _ends_apart(list(sub.data)) and (at_word or low >= 1)
        else:
            at_word = False
        i += 1
    return min(options, key=_cost) if options else None


def keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Keys of words one of which every match of ``pattern`` holds, or ``None``."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = _needed(list(parsed.data), False, [_LIMIT])
    except (_Unreadable, RecursionError, AttributeError, TypeError, ValueError):
        return None
    return None if found is None else frozenset(found)


def sentence_keys(text: str, start: int, end: int) -> set[str]:
    """The keys of the words of ``text[start:end]`` (lower-cased text)."""
    return {w[:_KEY] if len(w) >= _KEY else w + "$" for w in _WORD.findall(text, start, end)}


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":  # "[]…]" holds a "]"
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


class Index:
    """Each cue as its top-level alternatives, each found through the words it needs.

    A sentence's words give, through the index, the alternatives worth trying on it; an
    alternative whose words cannot be read is tried on every sentence.
    """

    __slots__ = ("_always", "_by_key", "pieces")

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.pieces: list[list[re.Pattern[str]]] = []
        self._by_key: dict[str, list[tuple[int, int]]] = {}
        self._always: list[tuple[int, int]] = []
        for n, pattern in enumerate(patterns):
            parts = [re.compile(p, pattern.flags) for p in alternatives(pattern.pattern)]
            needed = [keys(part) for part in parts]
            unread = [part for part, k in zip(parts, needed, strict=True) if k is None]
            if len(unread) > 1:  # tried everywhere anyway: one search, not several
                joined = re.compile("|".join(p.pattern for p in unread), pattern.flags)
                parts = [p for p, k in zip(parts, needed, strict=True) if k is not None]
                needed = [k for k in needed if k is not None]
                parts.append(joined)
                needed.append(None)
            self.pieces.append(parts)
            for k, found in enumerate(needed):
                if found is None:
                    self._always.append((n, k))
                for key in found or ():
                    self._by_key.setdefault(key.lower(), []).append((n, k))

    def candidates(self, words: set[str]) -> dict[int, list[int]]:
        """For a sentence's words: which alternatives of which cues to try, each once."""
        chosen = set(self._always)
        by_key = self._by_key
        for word in words:
            chosen.update(by_key.get(word, ()))
        found: dict[int, list[int]] = {}
        for n, k in chosen:
            found.setdefault(n, []).append(k)
        return found
