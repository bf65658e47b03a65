"""JSON text (private): parsing that gives one verdict with or without orjson, and compact
writing.

When ``orjson`` is installed (the ``json`` extra) it parses and writes; the standard library
does otherwise, held to orjson's verdicts, so the results are the same either way.
"""

from __future__ import annotations

import importlib
import json
import math
import re
from datetime import date
from enum import Enum
from types import ModuleType
from typing import Any

from clientrecovery.errors import InvalidDocument

__all__ = ["_dumps", "_json_type", "_loads"]

_orjson: ModuleType | None
try:  # pragma: no cover - depends on the environment
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None
_ORJSON = _orjson  # as imported: what wrote a fragment reads it, even once switched off
_FRAGMENT: type | None = getattr(_orjson, "Fragment", None)


def _loads(text: str | bytes, where: str, *, exact: bool = True) -> Any:
    """Parse JSON text; orjson and the standard library give the same verdict on the same
    bytes: a byte order mark, text that is not UTF-8 (or holds a lone surrogate), a
    duplicate key, ``NaN``, a number beyond the largest double (``1e400``, an integer of
    309 digits) are refused; an integer beyond 64 bits is a float (as orjson reads it, and
    as every field of a document then refuses it). ``exact=False`` skips the
    check for duplicate keys, for text this library wrote and can prove unchanged."""
    return _parsed(text, where, exact)[0]


def _parsed(text: str | bytes, where: str, exact: bool = True) -> tuple[Any, bytes | None]:
    """:func:`_loads`, and the text's bytes if they are exactly what orjson writes of the
    value it read (``None`` otherwise, and without orjson): a part of such text can be
    compared with what the library writes, byte for byte, without writing the value again."""
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidDocument([f"expected JSON text or bytes, got {type(text).__name__} @ {where}"])
    if text[:1] == "\ufeff" or text[:3] == b"\xef\xbb\xbf":
        raise InvalidDocument([f"starts with a byte order mark, which JSON text has not @ {where}"])
    try:
        if _orjson is None:
            return _parse_strict(text), None
        value = _orjson.loads(text)
        if not exact:
            return value, None
        written = _as_written(value, text)
        if written is None:
            _parse_strict(text)  # not as this library writes it: duplicate keys are possible
        return value, written
    except RecursionError:
        raise InvalidDocument([f"JSON nested too deeply @ {where}"]) from None
    except UnicodeError as bad:
        raise InvalidDocument([f"{_not_utf8(bad)} @ {where}"]) from None
    except ValueError as bad:  # json.JSONDecodeError, orjson.JSONDecodeError, duplicate keys
        if isinstance(text, bytes | bytearray):  # orjson says bad UTF-8 as a JSON error
            try:
                text.decode("utf-8")
            except UnicodeDecodeError as undecodable:
                raise InvalidDocument([f"{_not_utf8(undecodable)} @ {where}"]) from None
        raise InvalidDocument([f"not valid JSON ({_first_line(bad)}) @ {where}"]) from None


def _not_utf8(bad: UnicodeError) -> str:
    """What is wrong with text that is not UTF-8, the same from either parser."""
    if isinstance(bad, UnicodeDecodeError):
        return f"not UTF-8 ({bad.reason} at byte {bad.start})"
    return f"a lone surrogate at character {getattr(bad, 'start', 0)}: not UTF-8 text"


def _as_written(value: Any, text: str | bytes | bytearray) -> bytes | None:
    """The bytes of ``text`` if orjson writes ``value`` back as exactly them (then no key is
    there twice), else ``None``."""
    assert _orjson is not None
    try:
        written: bytes = _orjson.dumps(value)
    except TypeError:  # nested deeper than orjson writes
        return None
    return written if written == (text.encode() if isinstance(text, str) else text) else None


def _dumped(document: dict[str, Any]) -> bytes | None:
    """Compact JSON bytes by orjson, as :func:`_dumps` writes them; ``None`` without it."""
    if _orjson is None:
        return None
    written: bytes = _orjson.dumps(document)
    return written


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_INT64 = range(-(2**63), 2**64)  # what orjson reads as an integer
_INT64_DIGITS = len(str(-(2**63)))  # no longer integer may be in _INT64 (JSON has no 0-padding)
_INFINITE = "number is infinity when parsed as double"  # orjson's words


def _parse_strict(text: str | bytes | bytearray) -> Any:
    """The standard library's parse, held to orjson's verdicts (see :func:`_loads`)."""
    if isinstance(text, str):
        text.encode("utf-8")  # a lone surrogate raises
    else:
        text = bytes(text).decode("utf-8")  # never UTF-16 or -32, which json would guess
    value = json.loads(
        text,
        object_pairs_hook=_unique,
        parse_int=_integer,
        parse_float=_double,
        parse_constant=_constant,
    )
    if _ESCAPED_SURROGATE.search(text):  # "\ud800" alone: refused as orjson refuses it
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {twice!r}")
    return found


def _integer(digits: str) -> int | float:
    """An integer as orjson reads it: within 64 bits an ``int``, beyond them a float, and
    refused where no double holds it. The float is made from the digits, never from an
    ``int`` (``float(int)`` overflows, and ``int`` refuses more than 4300 digits)."""
    if len(digits) <= _INT64_DIGITS:
        number = int(digits)
        if number in _INT64:
            return number
    return _double(digits)


def _double(digits: str) -> float:
    """A number with a fraction or exponent, or an integer beyond 64 bits, as orjson reads
    it: the nearest double, refused (``ValueError``) where that is infinite."""
    number = float(digits)
    if math.isinf(number):
        raise ValueError(_INFINITE)
    return number


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _dumps(document: dict[str, Any]) -> str:
    """Compact JSON of JSON-ready or native values (see :class:`~clientrecovery._codec.Codec`)."""
    if _orjson is not None:
        text: str = _orjson.dumps(document).decode()
        return text
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_native)


def _frozen(value: Any) -> Any:
    """``value`` in the form the encoder copies as it is, never looking into it again: with
    orjson, a fragment of the text it writes of ``value``; without, ``value`` itself."""
    if _orjson is None or _FRAGMENT is None:
        return value
    return _FRAGMENT(_orjson.dumps(value))


def _native(value: object) -> object:
    """How orjson writes the values native writers leave to it (a datetime is a date)."""
    if _FRAGMENT is not None and type(value) is _FRAGMENT:  # made while orjson wrote
        assert _ORJSON is not None  # a fragment exists only where orjson was imported
        return json.loads(_ORJSON.dumps(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _json_type(value: object) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)
