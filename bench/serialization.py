"""Documents: decode and encode against pydantic v2 and msgspec, on the same bytes.

The pydantic and msgspec mirrors are generated from clientrecovery's own attrs classes, so
all three read exactly the same document schema (events as a union tagged by "type").
Timings are interleaved in one process, best of several rounds, in microseconds per document.

- decode: JSON bytes to typed objects (for clientrecovery: the events of the history, which
  is what the document's truth is; the state is derived from them), by the generated readers
  that loading uses;
- validated load: clientrecovery's from_json: decode + replay every rule + check the state;
- encode: typed objects to JSON bytes;
- 2,000 documents held in memory: each library loads them in a fresh process of its own,
  keeping them all, with the garbage collector on as in any process; the time of that load
  (and how much of it the collector took) and the growth of the process's resident
  memory. (Not under tracemalloc, which slows every allocation and so distorts the time of
  the library that allocates more from Python.) clientrecovery is held twice: its whole
  load, which the target is for, and its decode alone, for comparison.

Needs the bench-only packages: pip install pydantic msgspec (or the 'bench' extra).
Run: python bench/serialization.py
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Literal

import attrs
import msgspec
import pydantic

from clientrecovery import Relationship, from_json, to_json
from clientrecovery import events as ev
from clientrecovery.serialization import (
    SNAPSHOT_FIELDS,
    _check_snapshot,
    _events,
    _loads,
    _replayed,
)

sys.path.insert(0, "bench")
from lifecycle import build_case


def mirror_types() -> tuple[type[pydantic.BaseModel], type[msgspec.Struct]]:
    """Pydantic and msgspec classes for the document, generated from the attrs classes."""
    p_models: dict[type, Any] = {}
    m_structs: dict[type, Any] = {}

    def convert(tp: Any, target: str) -> Any:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp in (str, int, bool, Decimal, datetime, date, timedelta, type(None)):
            return tp
        if isinstance(tp, type) and issubclass(tp, Enum):
            return tp
        if origin in (typing.Union, __import__("types").UnionType):
            converted = tuple(convert(a, target) for a in args)
            return typing.Union.__getitem__(converted)  # built at run time
        if origin is tuple:
            return tuple[convert(args[0], target), ...]  # type: ignore[misc]
        if origin in (Mapping, dict) or str(origin) == "<class 'collections.abc.Mapping'>":
            return dict[convert(args[0], target), convert(args[1], target)]  # type: ignore[misc]
        if tp is ev.Event:
            return events_union(target)
        if attrs.has(tp):
            return model(tp, target)
        raise TypeError(tp)

    def model(cls: type, target: str) -> Any:
        cache = p_models if target == "pydantic" else m_structs
        if cls in cache:
            return cache[cls]
        hints = typing.get_type_hints(cls)
        fields = {f.name: convert(hints[f.name], target) for f in attrs.fields(cls)}
        name = cls.__name__
        if target == "pydantic":
            spec: dict[str, Any] = {n: (t, ...) for n, t in fields.items()}
            if issubclass(cls, ev.Event):
                spec["type"] = (Literal[name], ...)
            cache[cls] = pydantic.create_model(
                name, __config__=pydantic.ConfigDict(extra="forbid"), **spec
            )
        else:
            kwargs: dict[str, Any] = {"forbid_unknown_fields": True}
            if issubclass(cls, ev.Event):
                kwargs.update(tag_field="type", tag=name)
            cache[cls] = msgspec.defstruct(name, list(fields.items()), **kwargs)
        return cache[cls]

    def events_union(target: str) -> Any:
        members = tuple(model(cls, target) for cls in ev.EVENT_TYPES)
        union = typing.Union.__getitem__(members)  # built at run time
        if target == "pydantic":
            return Annotated[union, pydantic.Field(discriminator="type")]
        return union

    hints = typing.get_type_hints(Relationship)
    top: dict[str, Any] = {"schema_version": int}
    for name in SNAPSHOT_FIELDS:
        tp = hints.get(name) or typing.get_type_hints(getattr(Relationship, name).fget)["return"]
        top[name] = tp
    p_fields: dict[str, Any] = {n: (convert(t, "pydantic"), ...) for n, t in top.items()}
    p_fields["history"] = (list.__class_getitem__(events_union("pydantic")), ...)
    p_top = pydantic.create_model(
        "Document", __config__=pydantic.ConfigDict(extra="forbid"), **p_fields
    )
    m_fields: list[tuple[str, Any]] = [(n, convert(t, "msgspec")) for n, t in top.items()]
    m_fields.append(("history", list.__class_getitem__(events_union("msgspec"))))
    m_top = msgspec.defstruct("Document", m_fields, forbid_unknown_fields=True)
    return p_top, m_top


def case_document() -> tuple[Relationship, bytes]:
    """A recovered case of about 25 KiB."""
    r = build_case(12)
    return r, to_json(r).encode()


def main() -> int:
    p_doc, m_doc = mirror_types()
    r, data = case_document()
    decoder = msgspec.json.Decoder(m_doc)
    encoder = msgspec.json.Encoder()
    p_obj = p_doc.model_validate_json(data)
    m_obj = decoder.decode(data)

    def ours_decode() -> list[ev.Event]:
        return _events(_loads(data, "$")["history"])

    raw = _loads(data, "$")
    events = _events(raw["history"])

    n = 200
    runs: dict[str, Callable[[], object]] = {
        "clientrecovery decode": ours_decode,
        "pydantic decode": lambda: p_doc.model_validate_json(data),
        "msgspec decode": lambda: decoder.decode(data),
        "clientrecovery validated load": lambda: from_json(data),
        "  of which decode + replay": lambda: _replayed(ours_decode()),
        "  of which replay": lambda: _replayed(events),
        "  of which snapshot check": lambda: _check_snapshot(raw, r),
        "clientrecovery encode": lambda: to_json(r),
        "pydantic encode": lambda: p_obj.model_dump_json(),
        "msgspec encode": lambda: encoder.encode(m_obj),
    }
    timings = {name: float("inf") for name in runs}
    for _ in range(7):  # interleaved rounds
        for name, fn in runs.items():
            start = time.perf_counter()
            for _ in range(n):
                fn()
            timings[name] = min(timings[name], (time.perf_counter() - start) / n)

    print(f"document: {len(data) / 1024:.1f} KiB, {r.version} events")
    for name, sec in timings.items():
        print(f"  {name:32} {sec * 1e6:9.1f} us")
    pd, pe = timings["pydantic decode"], timings["pydantic encode"]
    ours, msg = timings["clientrecovery decode"], timings["msgspec decode"]
    validated, enc = timings["clientrecovery validated load"], timings["clientrecovery encode"]
    print("ratios (targets in brackets)")
    print(f"  decode / pydantic decode          {ours / pd:5.2f}x  [<= 1.0]")
    print(f"  decode / msgspec decode           {ours / msg:5.2f}x  [aim 2]")
    print(f"  encode / pydantic encode          {enc / pe:5.2f}x  [<= 0.5]")
    print(f"  validated load / pydantic decode  {validated / pd:5.2f}x  [<= 3]")
    decode_replay = timings["  of which decode + replay"]
    print(f"  (without the state check)         {decode_replay / pd:5.2f}x")

    print("2,000 documents held in memory, each library in a fresh process (best of 3)")
    held: dict[str, list[tuple[float, int, float]]] = {name: [] for name in LOADERS}
    for _ in range(3):  # alternating, as a busy machine slows one process more than another
        for name, results in held.items():
            results.append(hold_in_new_process(name))
    best = {name: min(results) for name, results in held.items()}
    pt, pm, _ = best["pydantic"]
    for name, (seconds, memory, collecting) in best.items():
        print(
            f"  {name:22} {seconds:6.2f} s {memory / 2**20:7.1f} MiB   of which GC"
            f" {collecting:5.2f} s"
        )
    for name in ("clientrecovery", "clientrecovery decode"):
        seconds, memory, _ = best[name]
        print(
            f"  {name + ' / pydantic':34} {seconds / pt:5.2f}x {memory / pm:5.2f}x"
            + ("  [<= 0.6 both]" if name == "clientrecovery" else "  (the events only)")
        )
    return 0


def hold_in_new_process(name: str) -> tuple[float, int, float]:
    """Seconds to load :data:`HELD` documents and keep them, the memory they hold, and the
    seconds of it spent collecting garbage, as measured by :func:`hold` in a process of its
    own (so that neither library's objects weigh on the other's garbage collections, as they
    would on a real process's)."""
    out = subprocess.run(
        [sys.executable, __file__, "--hold", name],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


HELD = 2000

LOADERS: dict[str, Callable[[type[pydantic.BaseModel]], Callable[[bytes], object]]] = {
    "clientrecovery": lambda _: from_json,
    "clientrecovery decode": lambda _: lambda data: _events(_loads(data, "$")["history"]),
    "pydantic": lambda document: document.model_validate_json,
}
"""Each held load, by the name it is reported under, given the pydantic mirror:
clientrecovery's whole load (every rule re-checked, the state compared), its decode alone
(the events of the history, as in the decode line above) and pydantic's decode."""


def hold(name: str) -> int:
    """Load HELD copies of the case document with one library, keep them all, and print the
    seconds taken (the cyclic garbage collector on, as in any process), the growth of the
    process's resident memory in bytes, and the seconds the collector took of that time."""
    load = LOADERS[name](mirror_types()[0])  # built in every process: the same heap for all
    docs = [case_document()[1]] * HELD
    gc.collect()
    collecting = [0.0, 0.0]  # seconds so far, start of the running collection

    def timed(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

    gc.callbacks.append(timed)
    before = resident_bytes()
    start = time.perf_counter()
    held = [load(d) for d in docs]
    elapsed = time.perf_counter() - start
    gc.callbacks.remove(timed)
    print(f"{elapsed:.4f} {resident_bytes() - before} {collecting[0]:.4f} {len(held)}")
    return 0


def resident_bytes() -> int:
    """The process's resident memory now (Linux), else its peak so far (other systems)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource  # not on Windows, where this bench is not expected to run

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


if __name__ == "__main__":
    if sys.argv[1:2] == ["--hold"]:
        sys.exit(hold(sys.argv[2]))
    sys.exit(main())
