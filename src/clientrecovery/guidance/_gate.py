"""Words a cue's match cannot do without, so that sentences without them are skipped.

A cue's pattern is read with Python's own regular-expression parser. Every match holds,
at the start of a word, one of the literal words of some part of the pattern (for
``\\byour (?:fault|mistake)``: "your", or one of "fault", "mistake"); the part whose words
are rarest is chosen, and the words are kept by their first five letters (a shorter word
whole, marked with ``$``). A sentence with none of those words cannot hold a match, so the
cue is not run on it: most of a long message is skipped, and the findings are the same. A
pattern with no such part (it may be any word, or punctuation) is run on every sentence.

A match usually needs more than one such word ("your" *and* one of "fault", "mistake"), and
so does a cue's ``requires``: the index files an alternative under its rarest words and
keeps the others beside it, so that a sentence is tried only if it has a word of each. Most
alternatives a sentence's common words ("you", "we", "on") bring up are dropped that way,
without a search.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import json
import re
from collections.abc import Iterable
from importlib.resources import files
from typing import Any

__all__ = ["Index", "all_keys", "digest", "encode", "plan", "sentence_keys", "shipped"]

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_WORD = re.compile(r"[^\W_]+")
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_UNKNOWN = object()  # stands for what follows a repeated part of a pattern
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
        # The pattern ends: nothing at all, or letters that a longer word may go on from.
        raise _Unreadable
    (op, av), rest = items[0], items[1:]
    if op is _UNKNOWN:
        raise _Unreadable  # what follows a part of the pattern is not known here
    if op in _ZERO_WIDTH:
        if acc and op is _c.AT:
            if av is _c.AT_NON_BOUNDARY:
                raise _Unreadable  # the word goes on
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


def _needed(items: list[Any], at_word: bool, budget: list[int], tail: list[Any]) -> set[str] | None:
    """Keys one of which every match of ``items`` holds at a word's start, or ``None``."""
    options = _all_needed(items, at_word, budget, tail)
    return min(options, key=_cost) if options else None


def _all_needed(
    items: list[Any], at_word: bool, budget: list[int], tail: list[Any]
) -> list[set[str]]:
    """Sets of keys, every match of ``items`` holding one of each set at a word's start.

    ``tail`` is what follows ``items`` in the pattern (a word may go on into it).
    """
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
                    options.append(_prefixes([*items[i:], *tail], "", budget))
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
            options.extend(
                _all_needed(list(av[-1].data), at_word, budget, [*items[i + 1 :], *tail])
            )
            at_word = False
        elif op is _c.BRANCH:
            after = [*items[i + 1 :], *tail]
            alternatives = [_needed(list(alt.data), at_word, budget, after) for alt in av[1]]
            if all(a is not None for a in alternatives):
                options.append(set().union(*(a for a in alternatives if a is not None)))
            at_word = False
        elif op in _REPEATS:
            low, _, sub = av
            if low >= 1:
                inner = _needed(list(sub.data), at_word, budget, [(_UNKNOWN, None)])
                if inner is not None:
                    options.append(inner)
            at_word = _ends_apart(list(sub.data)) and (at_word or low >= 1)
        else:
            at_word = False
        i += 1
    return options


def all_keys(source: str) -> tuple[frozenset[str], ...] | None:
    """Sets of keys, every match of the pattern ``source`` holding a word of each set,
    rarest first; ``None`` if no such set can be read."""
    try:
        parsed = _parser.parse(source, 0)
        found = _all_needed(list(parsed.data), False, [_LIMIT], [])
    except (_Unreadable, RecursionError, AttributeError, TypeError, ValueError):
        return None
    return _rarest_first(frozenset(k.lower() for k in option) for option in found) or None


def _rarest_first(options: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    return tuple(sorted(set(options), key=lambda o: (_cost(set(o)), sorted(o))))


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


Keys = tuple[frozenset[str], ...] | None
"""The words one of each set of which a piece needs (rarest first), or ``None``: any."""
Plan = tuple[tuple[tuple[tuple[int, int], ...], Keys], ...]
"""A cue's pieces: for each, the spans of the cue's source it joins (with ``|``), and its keys."""


def plan(source: str, requires: str | None) -> Plan:
    """How :class:`Index` files the cue ``source`` (whose sentence must match ``requires``).

    Each top-level alternative is a piece of its own, found through the words it needs (and
    the words ``requires`` needs); the alternatives whose words cannot be read are tried
    everywhere anyway, so they are joined into one piece: one search, not several.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for part in alternatives(source):
        spans.append((start, start + len(part)))
        start += len(part) + 1
    needed = [all_keys(source[a:b]) for a, b in spans]
    pieces: list[tuple[tuple[tuple[int, int], ...], Keys]] = [
        ((span,), keys) for span, keys in zip(spans, needed, strict=True) if keys is not None
    ]
    unread = tuple(span for span, keys in zip(spans, needed, strict=True) if keys is None)
    if unread:
        pieces.append((unread, None))
    also = all_keys(requires) if requires is not None else None
    if also is not None:
        pieces = [(joined, _rarest_first((*(k or ()), *also))) for joined, k in pieces]
    return tuple(pieces)


def digest(source: str, requires: str | None) -> str:
    """What a cue's :func:`plan` is filed under in the shipped table."""
    text = f"{source}\x00{requires or ''}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(text).hexdigest()[:16]


def encode(found: Plan) -> list[Any]:
    """:func:`plan`'s result as JSON data (``_gate.json``)."""
    return [
        [[list(span) for span in joined], None if k is None else [sorted(o) for o in k]]
        for joined, k in found
    ]


def _decode(data: list[Any]) -> Plan:
    return tuple(
        (
            tuple((int(a), int(b)) for a, b in joined),
            None if keys is None else tuple(frozenset(o) for o in keys),
        )
        for joined, keys in data
    )


@functools.cache
def shipped() -> dict[str, list[Any]]:
    """The plans of the shipped cues, worked out ahead (``tools/guidance_gate.py``)."""
    text = files(__package__).joinpath("_gate.json").read_text(encoding="utf-8")
    data: dict[str, list[Any]] = json.loads(text)
    return data


class Index:
    """Each cue as its top-level alternatives, each found through the words it needs.

    A sentence's words give, through the index, the alternatives worth trying on it; an
    alternative whose words cannot be read is tried on every sentence. Working out the
    words (parsing some thousand alternatives) and compiling them took most of a second:
    the shipped cues' plans are read from a table made ahead (:func:`shipped`), and each
    piece is compiled when a sentence first needs it.
    """

    __slots__ = ("_always", "_by_key", "_compiled", "_each", "_ones", "_pairs", "pieces")

    def __init__(
        self,
        patterns: list[str],
        requires: list[str | None] | None = None,
        table: dict[str, list[Any]] | None = None,
    ) -> None:
        self.pieces: list[tuple[str, ...]] = []
        """Each cue's pieces, as the sources of regular expressions."""
        self._compiled: dict[tuple[int, int], re.Pattern[str]] = {}
        self._pairs: list[tuple[int, int]] = []  # each alternative's cue and place in it
        self._by_key: dict[str, list[int]] = {}
        self._always: list[int] = []
        # Beside the rarest words an alternative needs, the other words it needs as well:
        # words it needs each of, and sets of words it needs one of.
        self._each: list[frozenset[str] | None] = []
        self._ones: list[tuple[frozenset[str], ...] | None] = []
        for n, source in enumerate(patterns):
            required = requires[n] if requires else None
            known = table.get(digest(source, required)) if table is not None else None
            found = _decode(known) if known is not None else plan(source, required)
            self.pieces.append(
                tuple("|".join(source[a:b] for a, b in joined) for joined, _ in found)
            )
            for k, (_, keys) in enumerate(found):
                number = len(self._pairs)
                self._pairs.append((n, k))
                if keys is None:
                    self._always.append(number)
                    self._each.append(None)
                    self._ones.append(None)
                    continue
                for key in keys[0]:
                    self._by_key.setdefault(key, []).append(number)
                each = frozenset(next(iter(o)) for o in keys[1:] if len(o) == 1)
                ones = tuple(o for o in keys[1:] if len(o) > 1)
                self._each.append(each or None)
                self._ones.append(ones or None)

    def piece(self, number: int, k: int) -> re.Pattern[str]:
        """Cue ``number``'s piece ``k``, compiled (once)."""
        compiled = self._compiled.get((number, k))
        if compiled is None:
            compiled = self._compiled[(number, k)] = re.compile(self.pieces[number][k])
        return compiled

    def candidates(self, words: set[str]) -> dict[int, list[int]]:
        """For a sentence's words: which alternatives of which cues to try, each once."""
        chosen = set(self._always)
        by_key = self._by_key
        for word in words:
            chosen.update(by_key.get(word, ()))
        eaches, oneses, pairs = self._each, self._ones, self._pairs
        found: dict[int, list[int]] = {}
        for number in chosen:
            each = eaches[number]
            if each is not None and not each <= words:
                continue
            ones = oneses[number]
            if ones is not None and any(map(words.isdisjoint, ones)):
                continue
            n, k = pairs[number]
            found.setdefault(n, []).append(k)
        return found
