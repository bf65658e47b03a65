"""Documents: decode and encode against pydantic v2 and msgspec, like with like.

The pydantic and msgspec mirrors are generated from clientrecovery's own attrs classes, so
all three read exactly the same document schema (events as a union tagged by "type"). Every
figure is taken on the same distinct documents: the synthetic portfolio
(``clientrecovery.examples.synthetic_portfolio``), never one document repeated.

Per document (interleaved rounds in one process; median and spread over the rounds, in
microseconds per document, averaged over the documents):

- decode: JSON bytes to the whole typed document. For the peers, their models of every key;
  for clientrecovery the same output, the events and the state they give (read and applied,
  the rules not checked), which is what a store that verified its chain loads;
- validated load: clientrecovery's from_json: decode + replay every rule + check the state;
- encode: typed objects to JSON bytes.

2,000 documents held in memory, each load in a fresh process of its own (best of three):
the seconds, the growth of the resident memory, and the seconds the cyclic garbage
collector took of that time (its share printed); then the same with the collector off, so
the comparison shows the work of each library and not only its collector. clientrecovery is
held as a verified SQLite store load (a keyed store: chain and state link checked, the case
rebuilt from its stored state, nothing replayed), as from_json (everything re-checked) and
as its decode. The store load checks every chain and state link at once but reads a case's
attributes from the verified texts only when one is first asked for, so it is shown twice:
as loaded, and with every case then read in full.

Needs the bench-only packages: pip install pydantic msgspec (or the 'bench' extra).
Run: python bench/serialization.py
"""

from __future__ import annotations

import gc
import hashlib
import os
import subprocess
import sys
import tempfile
import time
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

import attrs
import msgspec
import pydantic

import clientrecovery
from clientrecovery import Relationship, SQLiteStore, from_json, to_json
from clientrecovery import events as ev
from clientrecovery.examples import synthetic_portfolio
from clientrecovery.serialization import SNAPSHOT_FIELDS, _loads, _trusted


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


HELD = 2000
SAMPLE = 200
"""Distinct documents timed one by one (the held load takes all :data:`HELD`)."""
KEY = b"bench key: thirty-two bytes long"


def workdir() -> Path:
    """The documents (JSON lines) and a keyed store of them, made once for every process."""
    where = Path(tempfile.gettempdir()) / f"clientrecovery-bench-{HELD}-{source_digest()}"
    done = where / "done"
    if not done.exists():
        where.mkdir(exist_ok=True)
        cases = synthetic_portfolio(HELD, seed=11)
        (where / "docs.jsonl").write_text("".join(to_json(r) + "\n" for r in cases))
        store_file = where / "cases.db"
        store_file.unlink(missing_ok=True)
        with SQLiteStore(store_file, key=KEY) as store:
            store.import_jsonl(to_json(r) for r in cases)
        done.touch()
    return where


def source_digest() -> str:
    """A digest of the library's source: documents made by other code (another checkout, an
    older version whose rules differ) are never taken for this one's."""
    package = Path(clientrecovery.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def documents() -> list[bytes]:
    return [line.encode() for line in (workdir() / "docs.jsonl").read_text().splitlines()]


def ours_decode(data: bytes) -> Relationship:
    """clientrecovery's whole typed document: events read and applied, rules not checked."""
    return _trusted(_loads(data, "$")["history"])


def stats(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[0], ordered[-1]


def main() -> int:
    p_doc, m_doc = mirror_types()
    docs = documents()[:SAMPLE]
    cases = [from_json(d) for d in docs]
    decoder = msgspec.json.Decoder(m_doc)
    encoder = msgspec.json.Encoder()
    p_objs = [p_doc.model_validate_json(d) for d in docs]
    m_objs = [decoder.decode(d) for d in docs]

    def each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        def run() -> None:
            for item in items:
                fn(item)

        return run

    runs: dict[str, Callable[[], None]] = {
        "clientrecovery decode": each(ours_decode, docs),
        "pydantic decode": each(p_doc.model_validate_json, docs),
        "msgspec decode": each(decoder.decode, docs),
        "clientrecovery validated load": each(from_json, docs),
        "clientrecovery encode": each(to_json, cases),
        "pydantic encode": each(lambda o: o.model_dump_json(), p_objs),
        "msgspec encode": each(encoder.encode, m_objs),
    }
    rounds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(9):  # interleaved rounds
        for name, fn in runs.items():
            start = time.perf_counter()
            fn()
            rounds[name].append((time.perf_counter() - start) / len(docs))
    events = sum(len(r.history) for r in cases)
    size = sum(map(len, docs)) / len(docs)
    print(
        f"{len(docs)} distinct documents: {size / 1024:.1f} KiB and {events / len(docs):.0f}"
        " events on average"
    )
    print(f"  {'per document':32} {'median':>9} {'(min - max)':>20}")
    for name, samples in rounds.items():
        mid, low, high = stats(samples)
        print(f"  {name:32} {mid * 1e6:9.1f} us ({low * 1e6:7.1f} - {high * 1e6:7.1f})")

    def ratio(ours: str, peer: str) -> str:
        mid = stats(rounds[ours])[0] / stats(rounds[peer])[0]
        pairs = [a / b for a, b in zip(rounds[ours], rounds[peer], strict=True)]
        return f"{mid:5.2f}x ({min(pairs):.2f}-{max(pairs):.2f})"

    print("ratios, median (range over rounds); targets in brackets")
    for ours, peer, target in (
        ("clientrecovery decode", "pydantic decode", ""),
        ("clientrecovery decode", "msgspec decode", ""),
        ("clientrecovery validated load", "pydantic decode", "[<= 3]"),
        ("clientrecovery validated load", "msgspec decode", ""),
        ("clientrecovery encode", "pydantic encode", "[<= 0.5]"),
        ("clientrecovery encode", "msgspec encode", ""),
    ):
        label = f"{ours.removeprefix('clientrecovery ')} / {peer}"
        print(f"  {label:36} {ratio(ours, peer)}  {target}")

    print(f"{HELD:,} distinct documents held in memory, each load in a fresh process (best of 3)")
    for collector in ("on", "off"):
        held: dict[str, list[tuple[float, int, float]]] = {name: [] for name in LOADERS}
        for _ in range(3):  # alternating, as a busy machine slows one process more than another
            for name, results in held.items():
                results.append(hold_in_new_process(name, collector))
        best = {name: min(results) for name, results in held.items()}
        spread = {name: max(r[0] for r in results) for name, results in held.items()}
        print(f"  garbage collector {collector}")
        for name, (seconds, memory, collecting) in best.items():
            share = (
                f"GC {collecting:5.2f} s ({collecting / seconds:4.0%})" if collector == "on" else ""
            )
            worst = spread[name]
            print(
                f"    {name:36} {seconds:6.2f} s (worst {worst:5.2f})"
                f" {memory / 2**20:7.1f} MiB  {share}"
            )
        pt, pm, _ = best["pydantic"]
        mt, mm, _ = best["msgspec"]
        for name in (
            "clientrecovery verified store load",
            "clientrecovery store load, all read",
            "clientrecovery from_json",
            "clientrecovery decode",
        ):
            seconds, memory, _ = best[name]
            target = "  [<= 0.6 both]" if name.endswith("store load") and collector == "on" else ""
            label = name.removeprefix("clientrecovery ") + " / pydantic"
            print(
                f"    {label:34} {seconds / pt:5.2f}x"
                f" time {memory / pm:5.2f}x memory;  / msgspec {seconds / mt:5.2f}x"
                f" {memory / mm:5.2f}x{target}"
            )
    return 0


def hold_in_new_process(name: str, collector: str) -> tuple[float, int, float]:
    """Seconds to load :data:`HELD` documents and keep them, the memory they hold, and the
    seconds of it spent collecting garbage, as measured by :func:`hold` in a process of its
    own (so that neither library's objects weigh on the other's garbage collections, as they
    would on a real process's)."""
    out = subprocess.run(
        [sys.executable, __file__, "--hold", name, collector],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1]), float(out[2])


Mirrors = tuple[type[pydantic.BaseModel], type[msgspec.Struct]]
Load = Callable[[list[bytes]], list[object]]


def _store_load(_: Mirrors) -> Load:
    def load(docs: list[bytes]) -> list[object]:
        with SQLiteStore(workdir() / "cases.db", key=KEY, readonly=True) as store:
            return [store.load(entry.id) for entry in store.list()]

    return load


def _store_load_read(_: Mirrors) -> Load:
    def load(docs: list[bytes]) -> list[object]:
        with SQLiteStore(workdir() / "cases.db", key=KEY, readonly=True) as store:
            held = [store.load(entry.id) for entry in store.list()]
        for r in held:  # every attribute, the communications and the history read
            r.stage, r.communications, r.history  # noqa: B018
        return list(held)

    return load


def _each(one: Callable[[bytes], object]) -> Load:
    return lambda docs: [one(d) for d in docs]


LOADERS: dict[str, Callable[[Mirrors], Load]] = {
    "clientrecovery verified store load": _store_load,
    "clientrecovery store load, all read": _store_load_read,
    "clientrecovery from_json": lambda _: _each(from_json),
    "clientrecovery decode": lambda _: _each(ours_decode),
    "pydantic": lambda m: _each(m[0].model_validate_json),
    "msgspec": lambda m: _each(msgspec.json.Decoder(m[1]).decode),
}
"""Each held load, by the name it is reported under, given the mirrors: the store's verified
load (the same documents, saved in a keyed store beforehand: every chain and state link
checked, the attributes read from the verified texts when first asked for), the same load
with every case then read in full (its attributes, communications and history: what the
deferred reading costs when a caller does ask), clientrecovery's whole from_json, its
decode, and the peers' decode."""


def hold(name: str, collector: str) -> int:
    """Load the HELD documents with one library, keep them all, and print the seconds taken,
    the growth of the process's resident memory in bytes, and the seconds the collector took
    of that time."""
    load = LOADERS[name](mirror_types())  # built in every process: the same heap for all
    docs = documents()
    gc.collect()
    if collector == "off":
        gc.disable()
    collecting = [0.0, 0.0]  # seconds so far, start of the running collection

    def timed(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[1] = time.perf_counter()
        else:
            collecting[0] += time.perf_counter() - collecting[1]

    gc.callbacks.append(timed)
    before = resident_bytes()
    start = time.perf_counter()
    held = load(docs)
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
        sys.exit(hold(sys.argv[2], sys.argv[3]))
    sys.exit(main())
