"""Fast readers and writers of documents, generated from the classes (private).

:mod:`clientrecovery.serialization` reads a document in two ways:

- here, by one function per class that checks each value's JSON type, builds it, runs only
  the validators and converters that the check does not already make redundant (see
  :data:`clientrecovery._validate.STRUCTURAL`), and raises at the first problem without
  saying what it is;
- when that fails, through the cattrs converter, which is slower but lists every problem with
  its path.

The fast reader is stricter than the converter, never looser: whatever it accepts, the
converter accepts and builds equal (the tests check this on valid and on mutated documents).
The writers here are the only ones: one function per class turning it into JSON-ready values.
"""

from __future__ import annotations

import collections.abc
import enum
import functools
import pickle
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Any

import attrs

from clientrecovery import _validate as v
from clientrecovery._records import setter

__all__ = ["Codec", "NotFast", "Unsupported", "type_hints"]

Fn = Callable[[Any], Any]


@functools.cache
def type_hints(owner: object) -> Mapping[str, Any]:
    """The evaluated annotations of a class (or a function), read once per process.

    :func:`typing.get_type_hints` evaluates every annotation string of ``owner`` and its
    bases each time it is asked; the codec, the state reader, the schema and redaction ask
    for the same classes many times (the relationship's hints once per snapshot field), which
    made the first load of a process several times slower than the next. Read-only, as the
    one mapping is shared.
    """
    return types.MappingProxyType(typing.get_type_hints(owner))


class NotFast(Exception):
    """The fast reader cannot take this value; the detailed one will say why."""


class Unsupported(TypeError):
    """A field type the generator has no reader or writer for."""


_MISSING = object()
# The classes of attrs' combined validators, to look inside them.
_AND: Any = type(attrs.validators.and_(v.required_text, v.optional_text))
_OPTIONAL: Any = type(attrs.validators.optional(v.required_text))
SHARED_MAX = 256
"""How many instances of a shared class a reader or native writer keeps (then it starts
again)."""
_SIMPLE = (str, int, bool, type(None))
# ISO 8601 text starts with the four-digit year, so comparing the text itself keeps dates and
# times to the recorded years (``_validate.FIRST_YEAR`` …) before anything is parsed.
_FIRST, _AFTER = f"{v.FIRST_YEAR:04d}", f"{v.LAST_YEAR + 1:04d}"


class Codec:
    """Readers and writers for a set of attrs classes, generated on first use.

    Writers come in two kinds. JSON-ready ones give only strings, numbers, booleans, ``None``,
    lists and dicts. *Native* ones leave tuples, dates, and datetimes in ``native_zones``, for
    a JSON library that writes them itself exactly as the JSON-ready writer would (orjson
    does, for UTC offsets of whole minutes), which is much faster. What a native writer gives
    is for the encoder only: it may be shared between calls, hold text already written (see
    ``frozen``), and must not be changed.

    Args:
        unions: Base classes whose instances are written with a ``"type"`` tag naming their
            class, and read back by it: ``{Event: (IssueRaised, ...)}``.
        duration_from_str: Reads an ISO 8601 duration.
        duration_to_str: Writes one.
        native_zones: The time zones whose datetimes native writers leave as they are.
        shared: Classes whose readers hand out one instance for equal JSON values (by
            ``repr``, so ``1``, ``1.0`` and ``true`` stay apart), and whose native writers
            keep what they wrote for an instance, up to :data:`SHARED_MAX` per class: for
            immutable values that many documents repeat, such as a policy.
        repeated: Types (classes, or tuples of them) whose values a document holds twice,
            the same object each time, as the state holds what an event gave: their
            native writers keep what they wrote last, and give it again for that object.
        frozen: What the native writers of shared and repeated types keep of what they
            wrote: given the native value, the form the encoder copies as it is (an
            ``orjson.Fragment`` of its text), which it then need not look into again.
        post_init: Per class, what its ``__attrs_post_init__`` amounts to for an instance
            of it, which its reader runs instead (``None``: nothing): a call less per value.
    """

    def __init__(
        self,
        unions: Mapping[type, tuple[type, ...]],
        duration_from_str: Callable[[str], timedelta],
        duration_to_str: Callable[[timedelta], str],
        native_zones: frozenset[tzinfo] = frozenset(),
        shared: tuple[type, ...] = (),
        post_init: Mapping[type, Callable[[Any], None] | None] | None = None,
        repeated: tuple[Any, ...] = (),
        frozen: Callable[[Any], Any] | None = None,
    ) -> None:
        self._unions = dict(unions)
        self._post_init = dict(post_init or {})
        self._shared = shared
        self._repeated = repeated
        self._ns: dict[str, Any] = {
            "NotFast": NotFast,
            "_MISSING": _MISSING,
            "_new": object.__new__,
            "_datetime": datetime.fromisoformat,
            "_pickled": functools.partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL),
            "_date": date.fromisoformat,
            "_Decimal": Decimal,
            "_duration": duration_from_str,
            "_duration_str": duration_to_str,
            "_native_zones": native_zones,
            "_frozen": frozen,
        }
        self._readers: dict[Any, str] = {}
        self._writers: dict[tuple[Any, bool], str] = {}
        self._count = 0
        self.sources: dict[str, str] = {}
        """The generated source of each function, by name (to read when debugging)."""

    # --- public --------------------------------------------------------------------------

    def reader(self, tp: Any) -> Fn:
        """A function reading a JSON value of type ``tp``; raises on anything it cannot take."""
        return self._ns[self._reader(tp)]  # type: ignore[no-any-return]

    def writer(self, tp: Any, *, native: bool = False) -> Fn:
        """A function turning a value of type ``tp`` into JSON-ready (or native) values."""
        return self._ns[self._writer(tp, native)]  # type: ignore[no-any-return]

    def union_readers(self, base: type) -> Mapping[str, Fn]:
        """The reader of each class of a tagged union, by tag (one call less per item)."""
        return {cls.__name__: self.reader(cls) for cls in self._unions[base]}

    def union_writers(self, base: type, *, native: bool = False) -> Mapping[type, Fn]:
        """The writer of each class of a tagged union, by class (one call less per item)."""
        return {cls: self.writer(cls, native=native) for cls in self._unions[base]}

    # --- shared --------------------------------------------------------------------------

    def _name(self, prefix: str, value: object = None) -> str:
        self._count += 1
        name = f"{prefix}{self._count}"
        if value is not None:
            self._ns[name] = value
        return name

    def _define(self, name: str, lines: list[str]) -> None:
        source = self.sources[name] = "\n".join(lines) + "\n"
        exec(compile(source, f"<clientrecovery {name}>", "exec"), self._ns)

    # --- reading -------------------------------------------------------------------------

    def _reader(self, tp: Any) -> str:
        name = self._readers.get(tp)
        if name is not None:
            return name

        def lines(name: str) -> list[str]:
            made = [f"def {name}(x):", *self._read_body(tp), "    return x"]
            if tp in self._shared:
                # Keyed by the value's pickle: exact as its repr is (types and all: 1, 1.0
                # and True differ) and a third of its cost; a value that cannot be pickled
                # raises, as any unusual value does here, and is read the slow way.
                self._memoize(made, "_pickled(x)")
            return made

        return self._generated(self._readers, tp, "read_", lines)

    def _generated(
        self, names: dict[Any, str], key: Any, prefix: str, lines: Callable[[str], list[str]]
    ) -> str:
        """The name of a new function for ``key`` in ``names`` (the readers or the writers),
        defined from the ``lines`` made for that name. The name is given first, so that a
        type met again inside its own generation refers to it."""
        start = self._count
        name = names[key] = self._name(prefix)
        try:
            self._define(name, lines(name))
        except BaseException:
            # Cut short (a RecursionError, an interrupt): forget every name given since, or
            # one kept without its function fails each later use for the process's life.
            # No call of a Python function here: a RecursionError leaves no room for one.
            given: tuple[dict[Any, str], ...] = (self._readers, self._writers)
            for names in given:
                for key, made in list(names.items()):
                    if int(made[made.rindex("_") + 1 :]) > start:
                        del names[key]
            raise
        return name

    def _memoize(self, lines: list[str], key: str) -> None:
        """Make the function of ``lines`` (which returns ``x``) keep its result for its
        argument under ``key`` (an expression), up to :data:`SHARED_MAX` of them. The
        argument is kept too: while it is, no other object can have its ``id``."""
        memo = self._name("_memo_", {})
        lines[1:1] = [
            "    given = x",
            f"    key = {key}",
            f"    found = {memo}.get(key)",
            "    if found is not None: return found[1]",
        ]
        lines[-1:] = [
            f"    if len({memo}) >= {SHARED_MAX}: {memo}.clear()",
            f"    {memo}[key] = (given, x)",
            "    return x",
        ]

    def _read_body(self, tp: Any) -> list[str]:
        inline = self._read_inline(tp, "x")
        if inline is not None:
            return ["    " + line for line in inline]
        if tp in self._unions:
            return self._read_union(tp)
        if attrs.has(tp):
            return self._read_class(tp)
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._read_tuple(args[0])
        if origin in (dict, collections.abc.Mapping):
            return self._read_mapping(*args)
        raise Unsupported(f"no fast reader for {tp!r}")

    def _read_inline(self, tp: Any, x: str) -> list[str] | None:
        """Statements checking (and replacing) ``x`` for a simple type; ``None`` otherwise."""
        fail = "raise NotFast"
        if tp is str or tp is int or tp is bool:
            return [f"if type({x}) is not {tp.__name__}: {fail}"]
        if tp is type(None):
            return [f"if {x} is not None: {fail}"]
        if tp is datetime:
            return [
                f"if type({x}) is not str or {x} < {_FIRST!r} or {x} >= {_AFTER!r}: {fail}",
                f"{x} = _datetime({x})",
                f"if {x}.tzinfo is None: {fail}",
            ]
        if tp is date:
            return [
                f"if type({x}) is not str or len({x}) != 10: {fail}",
                f"if {x} < {_FIRST!r} or {x} >= {_AFTER!r}: {fail}",
                f"{x} = _date({x})",
            ]
        if tp is Decimal:
            return [
                f"if type({x}) is str:",
                f"    if len({x}) > 100: {fail}",
                f"elif type({x}) is not int: {fail}",
                f"{x} = _Decimal({x})",
                f"if not {x}.is_finite(): {fail}",
            ]
        if tp is timedelta:
            return [f"if type({x}) is not str: {fail}", f"{x} = _duration({x})"]
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            members = {m.value: m for m in tp}
            if not all(type(value) is str for value in members):
                raise Unsupported(f"{tp!r}: a fast reader needs string values")
            table = self._name("_members_", members)
            return [
                f"{x} = {table}.get({x}) if type({x}) is str else None",
                f"if {x} is None: {fail}",
            ]
        if typing.get_origin(tp) in (types.UnionType, typing.Union):
            return self._read_optional(tp, x)
        return None

    def _read_field(self, tp: Any, x: str) -> list[str]:
        """Statements reading a field's value ``x``: inline, or by a reader (not called for
        an empty array where a tuple is due, as most of them are)."""
        inline = self._read_inline(tp, x)
        if inline is not None:
            return inline
        read = f"{x} = {self._reader(tp)}({x})"
        if typing.get_origin(tp) is tuple:
            return [f"if not {x} and type({x}) is list: {x} = ()", f"else: {read}"]
        return [read]

    def _read_optional(self, tp: Any, x: str) -> list[str]:
        """``X | None``, ``X | str`` and ``X | str | None`` for one class or simple type X."""
        args = typing.get_args(tp)
        rest = [a for a in args if a not in (type(None), str)]
        if len(rest) > 1:
            raise Unsupported(f"no fast reader for {tp!r}")
        branches: list[str] = []
        if type(None) in args:
            branches.append(f"if {x} is None: pass")
        if str in args:
            branches.append(f"{'elif' if branches else 'if'} type({x}) is str: pass")
        if not rest:
            return [*branches, "else: raise NotFast"]
        inner = self._read_field(rest[0], x)  # a union of one class alone is that class
        return [*branches, "else:", *("    " + line for line in inner)]

    def _read_tuple(self, item: Any) -> list[str]:
        lines = ["    if type(x) is not list: raise NotFast"]
        if item is str or item is int:  # the common case, without a call per item
            check = f"        if type(i) is not {item.__name__}: raise NotFast"
            return [*lines, "    for i in x:", check, "    x = tuple(x)"]
        return [*lines, f"    x = tuple([{self._reader(item)}(i) for i in x])"]

    def _read_mapping(self, key: Any, value: Any) -> list[str]:
        read_key, read_value = self._reader(key), self._reader(value)
        return [
            "    if type(x) is not dict: raise NotFast",
            f"    x = {{{read_key}(k): {read_value}(w) for k, w in x.items()}}",
        ]

    def _read_union(self, base: type) -> list[str]:
        name = self._name("_tags_", self.union_readers(base))
        return ["    if type(x) is not dict: raise NotFast", f"    x = {name}[x['type']](x)"]

    def _read_class(self, cls: type) -> list[str]:
        tagged = any(cls in members for members in self._unions.values())
        hints = type_hints(cls)
        fields = attrs.fields(cls)
        keys = frozenset({f.name for f in fields} | ({"type"} if tagged else set()))
        lines = ["    if type(x) is not dict: raise NotFast"]
        subset = f"if not x.keys() <= {self._name('_keys_', keys)}: raise NotFast"
        after: list[str] = []
        every: list[str] = []  # reading when every key is there (the usual case)
        some: list[str] = []  # reading when defaults fill in
        for n, field in enumerate(fields):
            if not field.init or isinstance(field.converter, attrs.Converter):
                raise Unsupported(f"{cls.__name__}.{field.name}: no fast reader")
            var = f"v{n}"
            check = self._read_field(hints[field.name], var)
            converter = field.converter
            if converter is not None and converter not in v.STRUCTURAL:
                check.append(f"{var} = {self._name('_convert_', converter)}({var})")
            every += [f"{var} = x[{field.name!r}]", *check]
            if field.default is attrs.NOTHING:
                some += [f"{var} = x[{field.name!r}]", *check]
            else:
                made = self._default(cls, field)
                some += [
                    f"{var} = x.get({field.name!r}, _MISSING)",
                    f"if {var} is _MISSING: {var} = {made}",
                    "else:",
                    *("    " + line for line in check),
                ]
            after.extend(self._validation(cls, n, field, var))
        # As many keys as fields, each of them found: no key is unknown, no check needed.
        exact = f"len(x) == {len(keys)}" + (" and 'type' in x" if tagged else "")
        lines.append(f"    if {exact}:")
        lines.extend("        " + line for line in every)
        lines.append("    else:")
        lines.extend("        " + line for line in [subset, *some])
        lines.append(f"    new = _new({self._name('_class_', cls)})")
        for n, field in enumerate(fields):
            lines.append(f"    {self._name('_set_', setter(cls, field.name))}(new, v{n})")
        lines.extend(after)
        if cls in self._post_init:  # known to do only this check (or none at all)
            post_init = self._post_init[cls]
            if post_init is not None:
                lines.append(f"    {self._name('_check_', post_init)}(new)")
        elif hasattr(cls, "__attrs_post_init__"):
            lines.append("    new.__attrs_post_init__()")
        lines.append("    x = new")
        return lines

    def _default(self, cls: type, field: attrs.Attribute[Any]) -> str:
        """An expression giving the field's default."""
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                raise Unsupported(f"{cls.__name__}.{field.name}: no fast reader")
            return f"{self._name('_factory_', default.factory)}()"
        return self._name("_default_", [default]) + "[0]"

    def _validation(self, cls: type, n: int, field: attrs.Attribute[Any], var: str) -> list[str]:
        return ["    " + line for line in self._validate(field.validator, field, var)]

    def _validate(self, validator: Any, field: attrs.Attribute[Any], var: str) -> list[str]:
        """Lines running what of ``validator`` the reader's type checks do not imply."""
        if type(validator) is _AND:  # each part on its own: some may be implied
            return [
                line for part in validator._validators for line in self._validate(part, field, var)
            ]
        if type(validator) is _OPTIONAL:
            inner = self._validate(validator.validator, field, var)
            return [f"if {var} is not None:", *("    " + line for line in inner)] if inner else []
        if validator is None or validator in v.STRUCTURAL:
            return []
        if validator is v.required_text:
            return [f"if not {var}.strip(): raise NotFast"]
        if validator is v.optional_text:
            return [f"if {var} is not None and not {var}.strip(): raise NotFast"]
        check = self._name("_validator_", validator)
        attribute = self._name("_attribute_", field)
        return [f"{check}(new, {attribute}, {var})"]

    # --- writing -------------------------------------------------------------------------

    def _writer(self, tp: Any, native: bool) -> str:
        name = self._writers.get((tp, native))
        if name is not None:
            return name

        def lines(name: str) -> list[str]:
            if tp in self._unions:
                table = self.union_writers(tp, native=native)
                body = f"{self._name('_writers_', table)}[type(x)](x)"
            elif attrs.has(tp):
                body = self._write_class(tp, native)
            else:
                body = self._write(tp, "x", native, whole=True)
            made = [f"def {name}(x):", f"    x = {body}", "    return x"]
            if native and tp in self._shared:  # what a native writer gives is only encoded
                if self._ns["_frozen"] is not None:
                    made.insert(-1, "    x = _frozen(x)")
                self._memoize(made, "id(x)")
            elif native and tp in self._repeated:
                if self._ns["_frozen"] is not None:
                    made.insert(-1, "    x = _frozen(x)")
                self._keep_last(made)
            return made

        return self._generated(self._writers, (tp, native), "write_", lines)

    def _keep_last(self, lines: list[str]) -> None:
        """Make the function of ``lines`` (which returns ``x``) give what it gave last when
        given the same object again. The object is kept with it (so that no other can have
        its ``id``), in one tuple: a thread sees either pair whole, never half of each."""
        last = self._name("_last_", (_MISSING, None))
        lines[1:1] = [
            f"    global {last}",
            f"    kept = {last}",  # read once: another thread may put its own pair
            "    if x is kept[0]: return kept[1]",
            "    given = x",
        ]
        lines[-1:] = [f"    {last} = (given, x)", "    return x"]

    def _write(self, tp: Any, x: str, native: bool, *, whole: bool = False) -> str:
        """An expression writing ``x`` of type ``tp`` (``whole``: in the writer of ``tp``)."""
        if native and not whole and tp in self._repeated:
            return f"{self._writer(tp, native)}({x})"
        if tp in _SIMPLE:
            return x
        if tp is datetime:
            if native:
                d = self._name("d")  # read the attribute once
                return f"({d} if ({d} := {x}).tzinfo in _native_zones else {d}.isoformat())"
            return f"{x}.isoformat()"
        if tp is date:
            return x if native else f"{x}.isoformat()"
        if tp is Decimal:
            return f"str({x})"
        if tp is timedelta:
            return f"_duration_str({x})"
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            # ``_value_`` is the member's own attribute; ``.value`` is a property, ten times
            # slower, and orjson's enum support slower still.
            return f"{x}._value_"
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            rest = [a for a in args if a not in _SIMPLE]
            if not rest:
                return x
            if len(rest) == 1:
                bind, v = self._once(x)
                tests = ["{} is None"] if type(None) in args else []
                tests += ["type({}) is str"] if str in args else []
                test = " or ".join([tests[0].format(bind), *(t.format(v) for t in tests[1:])])
                return f"({v} if {test} else {self._write(rest[0], v, native)})"
            raise Unsupported(f"no fast writer for {tp!r}")
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            if args[0] in _SIMPLE:  # JSON encoders write a tuple as an array
                return x if native else f"list({x})"
            if args[0] in self._unions or attrs.has(args[0]):  # no comprehension's frame
                if not native:
                    return f"list(map({self._writer(args[0], native)}, {x}))"
                bind, v = self._once(x)
                return f"(list(map({self._writer(args[0], native)}, {v})) if {bind} else {v})"
            return f"[{self._write(args[0], 'i', native)} for i in {x}]"
        if origin in (dict, collections.abc.Mapping):  # keys as JSON has them: strings
            key, value = self._write(args[0], "k", False), self._write(args[1], "w", native)
            return f"{{{key}: {value} for k, w in {x}.items()}}"
        if tp in self._unions or attrs.has(tp):
            return f"{self._writer(tp, native)}({x})"
        raise Unsupported(f"no fast writer for {tp!r}")

    def _once(self, x: str) -> tuple[str, str]:
        """``x`` read once (an attribute may be a property): an expression binding it to a
        new name, to be evaluated first, and the name."""
        if x.isidentifier():
            return x, x
        name = self._name("once")
        return f"({name} := {x})", name

    def _write_class(self, cls: type, native: bool) -> str:
        hints = type_hints(cls)
        items = []
        if any(cls in members for members in self._unions.values()):
            items.append(f"'type': {cls.__name__!r}")
        for field in attrs.fields(cls):
            written = self._write(hints[field.name], "x." + field.name, native)
            items.append(f"{field.name!r}: {written}")
        return "{" + ", ".join(items) + "}"

    def object_writer(
        self, cls: type, names: tuple[str, ...], head: Mapping[str, Any], *, native: bool = False
    ) -> Fn:
        """A function writing ``head`` then the named attributes of a ``cls`` as a dict."""
        hints = type_hints(cls)
        items = [f"{k!r}: {self._name('_head_', [value])}[0]" for k, value in head.items()]
        for name in names:
            tp = hints.get(name)
            if tp is None:  # a property
                tp = type_hints(getattr(cls, name).fget)["return"]
            items.append(f"{name!r}: {self._write(tp, 'x.' + name, native)}")
        name = self._name("write_")
        self._define(name, [f"def {name}(x):", "    return {" + ", ".join(items) + "}"])
        return self._ns[name]  # type: ignore[no-any-return]
