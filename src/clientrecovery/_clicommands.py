"""The command line's commands: one function per command, each taking the parsed
arguments and returning the exit status (see :mod:`clientrecovery.cli`).

Each command imports what it uses when it runs: ``list`` must start as fast as Python does.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from clientrecovery import _index
from clientrecovery._cliio import EXIT, Failure, Output, documents, read
from clientrecovery._clishared import (
    _as_it_stood,
    _emit,
    _entries,
    _loaded,
    _moment,
    _plain,
    _store,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    from collections.abc import Callable
    from datetime import datetime
    from typing import Any, Final

    from clientrecovery.catalogue import Finding
    from clientrecovery.policy import Policy
    from clientrecovery.relationship import Relationship

__all__ = ["COMMANDS"]

_URGENCY: Final = {"ERROR": 0, "WARNING": 1, "INFO": 2}

_Exit = Failure  # stop with a message on stderr and an exit status


def _demo(args: argparse.Namespace) -> int:
    from clientrecovery import demo

    if not args.json:
        return demo.run(args.db, command=_invocation(args.db))
    added, entries = demo.populate(args.db)
    data = {"store": args.db, "added": added, "relationships": [_plain(e) for e in entries]}
    _emit(args, data, str)
    return EXIT["ok"]


def _invocation(db: str) -> str:
    """How to run this command again from the current folder, as the user can type it."""
    import shlex
    import shutil
    from pathlib import Path

    def shown(path: str) -> str:
        where = Path(path).absolute()
        try:
            return str(where.relative_to(Path.cwd()))
        except ValueError:
            return str(where)

    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    found = shutil.which("clientrecovery")
    if program is not None and program.name == "clientrecovery" and program.exists():
        if found is not None and Path(found).resolve() == program.resolve():
            command = "clientrecovery"
        else:
            command = shlex.quote(shown(str(program)))
    else:
        command = f"{shlex.quote(shown(sys.executable))} -m clientrecovery"
    if db != "clientrecovery.db":
        command += f" --db {shlex.quote(db)}"
    return command


def _list(args: argparse.Namespace) -> int:
    quick = (
        None
        if args.db == ":memory:" or args.account is not None
        else _index.entries(args.db, args.stage)
    )
    if quick is None:
        args.damaged = []
        with _store(args) as store:
            entries = [
                (e.id, e.client, e.stage.name, e.version, e.opened_at, e.updated_at, e.account)
                for e in _entries(args, store, args.stage, args.account)
            ]
    else:
        args.damaged, entries = [], quick

    def text() -> str:
        rows = [f"{'ID':20} {'CLIENT':24} {'STAGE':14} {'EVENTS':>6}  LAST EVENT (UTC)"]
        rows += [
            f"{rid:20} {client[:24]:24} {stage:14} {version:6}  {updated:%Y-%m-%d %H:%M}"
            for rid, client, stage, version, _, updated, _ in entries
        ]
        return "\n".join(rows) + f"\n{len(entries)} relationship(s)\n"

    data = [
        {
            "id": rid,
            "client": client,
            "account": account,
            "stage": _index.STAGES[stage],
            "version": version,
            "opened_at": opened.isoformat(),
            "updated_at": updated.isoformat(),
        }
        for rid, client, stage, version, opened, updated, account in entries
    ]
    _emit(args, data, text)
    return EXIT["invalid"] if args.damaged else EXIT["ok"]


def _show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        latest = store.load(args.id)
    r = _as_it_stood(latest, args.as_of)
    if r is None:
        raise _Exit(
            EXIT["not_found"],
            f"{args.id!r} was opened at {latest.opened_at.isoformat(timespec='minutes')},"
            " after --as-of",
        )
    when = _moment(r, args.as_of)
    found = r.findings(when)  # a closed case keeps what stands after its end (lessons…)
    actions = r.next_actions()  # after the end too: lessons, a parting summary (004)
    data = {
        "id": r.id,
        "client": r.client,
        "trigger": r.trigger,
        "stage": r.stage.value,  # as list --json, export and documents write it
        "version": r.version,
        "as_of": when.isoformat(),
        "issues": _plain(r.issues),
        "commitments": _plain(r.commitments),
        "plan": _plain(r.plan),
        "next_actions": [
            {
                "command": a.command,
                "ready": a.ready,
                "hint": a.hint,
                "blocked_by": _plain(a.blocked_by),
            }
            for a in actions
        ],
        "findings": _plain(found),
    }
    paint = args.console.severity

    def text() -> str:
        then = "" if args.as_of is None else f" as of {when.isoformat(timespec='minutes')}"
        lines = [
            f"{r.id}: {r.client} — {r.stage.name}, {r.version} events{then}",
            f"  trouble: {r.trigger}",
            "Issues",
            *(
                f"  {i.id} {i.status.value:9} {i.title}"
                + (f" ({i.quantification})" if i.quantification else "")
                for i in r.issues
            ),
            "Commitments",
            *(
                f"  {c.id} {c.status.value:9} {c.party.value}: {c.description} (due {c.due})"
                for c in r.commitments
            ),
        ]
        if r.plan is not None:
            agreed = "agreed" if r.plan_agreed else "proposed"
            lines.append(f"Plan v{r.plan.version} ({agreed})")
            lines += [
                f"  {w.id} {w.status.value:9} {w.title} — {w.owner or w.owner_party.value},"
                f" due {w.due}"
                for w in r.plan.initiatives
            ]
        if actions:
            lines.append("Next")
            for a in actions:
                lines.append(f"  {'ready  ' if a.ready else 'blocked'} {a.command}: {a.hint}")
                lines += [f"          by {f}" for f in a.blocked_by]
        stamp = when.isoformat(timespec="minutes")
        ended = f" (the relationship is {r.stage.name})" if r.stage.terminal else ""
        lines.append(f"Findings as of {stamp}{ended}: {len(found)}")
        lines += [f"  {paint(f.severity.name)} {f}" for f in found]
        return "\n".join(lines) + "\n"

    _emit(args, data, text)
    return EXIT["ok"]


def _timeline(args: argparse.Namespace) -> int:
    with _store(args) as store:
        history = store.history(args.id)
    rows = [_plain(event) for event in history]
    for row, event in zip(rows, history, strict=True):
        row["type"] = type(event).__name__

    def text() -> str:
        lines = []
        for n, (row, event) in enumerate(zip(rows, history, strict=True), start=1):
            detail = "; ".join(
                f"{k}={_short(v)}" for k, v in row.items() if k not in ("type", "at", "actor")
            )
            who = f" by {event.actor}" if event.actor else ""
            lines.append(
                f"{n:4}  {event.at.isoformat(timespec='minutes')}  {row['type']}{who}"
                + (f"  {detail}" if detail else "")
            )
        return "\n".join(lines) + "\n"

    _emit(args, rows, text)
    return EXIT["ok"]


def _short(value: Any) -> str:
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _summary(args: argparse.Namespace) -> int:
    with _store(args) as store:
        r = store.load(args.id)
    summary = r.written_summary()
    _emit(args, {"id": r.id, "summary": summary}, lambda: summary)
    return EXIT["ok"]


def _findings(args: argparse.Namespace) -> int:
    """Every relationship's findings as it stood at ``--as-of`` (or now), a closed one's
    being what stands after its end; the most severe first, then the relationship quiet
    for longest, then by id."""
    rows: list[tuple[tuple[int, datetime, str], Relationship, Finding]] = []
    args.damaged = []
    with _store(args) as store:
        # With --as-of, a case is judged in the stage it was in then.
        for latest in _loaded(args, store, None if args.as_of else args.stage):
            r = _as_it_stood(latest, args.as_of)
            if r is None or (args.stage and r.stage.name != args.stage):
                continue
            for f in r.findings(_moment(r, args.as_of)):
                rows.append(((_URGENCY[f.severity.name], r.last_event.at, r.id), r, f))
    rows.sort(key=lambda row: row[0])
    data = [{"relationship": r.id, "client": r.client, **_plain(f)} for _, r, f in rows]
    paint = args.console.severity

    def text() -> str:
        lines = [f"{paint(f.severity.name)} {r.id:20} {f}" for _, r, f in rows]
        lines.append(f"{len(rows)} finding(s)")
        return "\n".join(lines) + "\n"

    _emit(args, data, text)
    return EXIT["invalid"] if args.damaged else EXIT["ok"]


def _validate(args: argparse.Namespace) -> int:
    if not args.files:
        unreadable: list[str] = []
        with _store(args) as store:
            problems = store.verify(
                policy=args.policy
            )  # every case loaded; a damaged one does not stop it
            count = len(store.list(on_error=lambda _, bad: unreadable.extend(bad.problems)))
        problems = [*unreadable, *(p for p in problems if p not in unreadable)]
        report = [{"file": args.db, "relationships": count, "problems": problems}]
    else:
        report = [_validate_file(args, name, args.policy) for name in args.files]

    def text() -> str:
        lines = []
        for item in report:
            if item.get("error"):
                continue  # said on stderr
            if item["problems"]:
                lines.append(f"{item['file']}: INVALID, {len(item['problems'])} problem(s)")
                lines += [f"  {p}" for p in item["problems"]]
            else:
                lines.append(f"{item['file']}: valid, {item['relationships']} relationship(s)")
        return "\n".join(lines) + "\n" if lines else ""

    _emit(args, report, text)
    if any(item.get("error") for item in report):
        return EXIT["not_found"]
    return EXIT["invalid"] if any(item["problems"] for item in report) else EXIT["ok"]


def _validate_file(
    args: argparse.Namespace, name: str, policy: Policy | None = None
) -> dict[str, Any]:
    from clientrecovery.errors import InvalidDocument
    from clientrecovery.serialization import from_json, load_jsonl

    problems: list[str] = []
    try:
        lines, one_document = documents(read(name), name)
    except Failure as unreadable:
        print(f"clientrecovery validate: {unreadable}", file=sys.stderr)
        return {"file": name, "error": str(unreadable), "relationships": 0, "problems": []}
    except InvalidDocument as bad:
        return {"file": name, "relationships": 0, "problems": list(bad.problems)}

    def keep(_: int, bad: InvalidDocument) -> None:
        problems.extend(bad.problems)

    if one_document:
        try:
            from_json(lines[0], policy=policy)
            count = 1
        except InvalidDocument as bad:
            problems.extend(bad.problems)
            count = 0
    else:
        count = sum(1 for _ in load_jsonl(lines, on_error=keep, policy=policy))
    return {"file": name, "relationships": count, "problems": problems}


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from clientrecovery.errors import InvalidDocument, StaleVersion

    inputs = [(name, documents(read(name), name)[0]) for name in args.files]  # all, first
    try:
        fresh = args.db != ":memory:" and not Path(args.db).exists()
    except OSError:  # a path the system refuses: the store says what is wrong with it
        fresh = False
    report: list[dict[str, Any]] = []
    try:
        with _store(args, create=True) as store:
            for name, lines in inputs:
                skipped: list[str] = []

                def skip(_: int, bad: InvalidDocument, skipped: list[str] = skipped) -> None:
                    skipped.extend(bad.problems)

                try:
                    on_error = skip if args.skip_invalid else None
                    changed = store.import_jsonl(lines, on_error=on_error, policy=args.policy)
                except (InvalidDocument, StaleVersion) as refused:
                    print(f"clientrecovery import: {name}: nothing imported", file=sys.stderr)
                    print(str(refused), file=sys.stderr)
                    report.append({"file": name, "imported": 0, "refused": str(refused)})
                    continue
                report.append({"file": name, "imported": changed, "skipped": skipped})
                if skipped:
                    print(
                        f"clientrecovery import: {name}: skipped invalid documents:",
                        file=sys.stderr,
                    )
                    for problem in skipped:
                        print(f"  {problem}", file=sys.stderr)
    finally:
        if fresh and not any(item["imported"] for item in report):
            for suffix in ("", "-wal", "-shm", "-journal"):  # a failed import leaves no store
                with contextlib.suppress(OSError):  # none was made there: nothing to remove
                    Path(args.db + suffix).unlink(missing_ok=True)

    def text() -> str:
        return "".join(
            f"{item['file']}: {item['imported']} relationship(s) added or extended\n"
            for item in report
            if "refused" not in item
        )

    _emit(args, report, text)
    failed = any("refused" in item or item["skipped"] for item in report)
    return EXIT["invalid"] if failed else EXIT["ok"]


def _export(args: argparse.Namespace) -> int:
    """All or nothing: the documents go to a temporary file, renamed into place once every
    case has been written (standard output gets them in one go at the end)."""
    from clientrecovery.serialization import to_json

    args.damaged = []
    count = 0
    if args.output is not None and _same_file(args.output, args.db):
        raise _Exit(EXIT["usage"], f"-o {args.output!r} is the store itself; name another file")
    with Output(args.output) as out, _store(args) as store:
        for r in _loaded(args, store, args.stage):
            out.write(to_json(r) + "\n")
            count += 1
        if args.damaged and not args.skip_invalid:
            raise _Exit(
                EXIT["invalid"],
                f"nothing exported: {len(args.damaged)} damaged case(s) above; --skip-invalid"
                " exports the others",
            )
        out.commit()
    where = "standard output" if args.output is None else repr(args.output)
    print(f"exported {count} relationship(s) to {where}", file=sys.stderr)
    if args.json and args.output is not None:  # on stdout, the documents are the JSON
        _emit(args, {"file": args.output, "exported": count, "damaged": args.damaged}, str)
    return EXIT["invalid"] if args.damaged else EXIT["ok"]


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one of them does not exist: not the same
        return False


def _diagram(args: argparse.Namespace) -> int:
    from clientrecovery.stages import mermaid

    text = mermaid()
    _emit(args, {"mermaid": text}, lambda: text)
    return EXIT["ok"]


COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "demo": _demo,
    "list": _list,
    "show": _show,
    "timeline": _timeline,
    "summary": _summary,
    "findings": _findings,
    "validate": _validate,
    "import": _import,
    "export": _export,
    "diagram": _diagram,
}
