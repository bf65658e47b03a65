"""The ``clientrecovery`` command (also ``python -m clientrecovery``).

Every command works on a store (``--db PATH``; default ``$CLIENTRECOVERY_DB`` or
``./clientrecovery.db``) and prints text for people, or JSON with ``--json``. Problems go
to stderr, without a traceback, and the exit status says what happened:

==== =====================================================================================
code meaning
==== =====================================================================================
0    done
1    invalid data: a file or a stored row that does not load, or an import refused
2    usage: unknown command or option, a malformed ``--as-of``
3    not found: no database, no such file, no relationship with that id
4    the store cannot be used: not a clientrecovery database, or written by a newer version
==== =====================================================================================
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import IO, Any, Final

from clientrecovery import demo
from clientrecovery._validate import FIRST_YEAR, LAST_YEAR, is_aware, off_calendar
from clientrecovery.catalogue import Finding, Severity
from clientrecovery.errors import (
    ChronologyError,
    ClientRecoveryError,
    InvalidDocument,
    StaleVersion,
    StoreError,
    UnknownItem,
)
from clientrecovery.model import Stage
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _CONVERTER, from_json, load_jsonl, policy_from_json
from clientrecovery.stages import mermaid
from clientrecovery.store import SQLiteStore

__all__ = ["EXIT", "main", "run"]

EXIT: Final = {"ok": 0, "invalid": 1, "usage": 2, "not_found": 3, "store": 4}
"""The exit statuses, by meaning."""

_URGENCY: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class _Exit(Exception):
    """Stop with a message on stderr and an exit status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# --- arguments -------------------------------------------------------------------------------


def _as_of(text: str) -> datetime | date:
    moment: datetime | date
    try:
        moment = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a date (2026-03-20) nor a date-time with offset"
            " (2026-03-20T17:00+00:00)"
        ) from None
    if isinstance(moment, datetime) and not is_aware(moment):
        raise argparse.ArgumentTypeError(f"{text!r} has no UTC offset (add +00:00, say)")
    if off_calendar(moment) is not None:
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside the years {FIRST_YEAR} to {LAST_YEAR} a case is recorded in"
        )
    return moment


def _stage(text: str) -> Stage:
    try:
        return Stage[text.upper()]
    except KeyError:
        names = ", ".join(s.name for s in Stage)
        raise argparse.ArgumentTypeError(f"{text!r} is not a stage ({names})") from None


_POLICY_HELP: Final = (
    "judge under this policy (a JSON file, as a document's policy) instead of the one each"
    " document carries"
)


def _policy(name: str) -> Policy:
    try:
        return policy_from_json(Path(name).read_bytes())
    except OSError as failed:
        raise argparse.ArgumentTypeError(f"cannot read {name!r}: {failed.strerror}") from None
    except InvalidDocument as bad:
        raise argparse.ArgumentTypeError(f"{name}: " + "; ".join(bad.problems)) from None


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the store (default: $CLIENTRECOVERY_DB or ./clientrecovery.db)",
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    parser = argparse.ArgumentParser(
        prog="clientrecovery",
        description="Turn a dissatisfied client around, step by step.",
        epilog="exit status: 0 done, 1 invalid data, 2 usage, 3 not found, 4 unusable store",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002 - argparse's name
        return commands.add_parser(name, help=help, description=help, parents=[common])

    command("demo", "walk one case through the method, then store the example cases")
    command("list", "the stored relationships").add_argument(
        "--stage", type=_stage, help="only those in this stage"
    )
    show = command("show", "one relationship: stage, issues, commitments, next steps, findings")
    show.add_argument("id")
    show.add_argument("--as-of", type=_as_of, help="findings as of this date or moment")
    command("timeline", "one relationship's events, oldest first").add_argument("id")
    command("summary", "one relationship's written summary (Markdown)").add_argument("id")
    findings = command("findings", "findings across the store, most urgent first")
    findings.add_argument("--as-of", type=_as_of, help="as of this date or moment")
    findings.add_argument("--stage", type=_stage, help="only relationships in this stage")
    validate = command("validate", "check documents (JSON or JSON lines), or the whole store")
    validate.add_argument("files", nargs="*", metavar="FILE", help="none: check the store")
    validate.add_argument("--policy", type=_policy, help=_POLICY_HELP)
    imports = command("import", "load documents into the store (all of a file, or nothing)")
    imports.add_argument("files", nargs="+", metavar="FILE", help="JSON or JSON lines; - is stdin")
    imports.add_argument(
        "--skip-invalid", action="store_true", help="import the valid documents, report the rest"
    )
    imports.add_argument("--policy", type=_policy, help=_POLICY_HELP)
    export = command("export", "write the stored relationships as JSON lines")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    export.add_argument("--stage", type=_stage, help="only those in this stage")
    command("diagram", "print the stage diagram as Mermaid text")
    return parser


# --- running ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    args.db = getattr(args, "db", None) or os.environ.get("CLIENTRECOVERY_DB", "clientrecovery.db")
    args.json = getattr(args, "json", False)
    try:
        return int(_COMMANDS[args.command](args))
    except _Exit as stop:
        print(f"clientrecovery {args.command}: {stop}", file=sys.stderr)
        return stop.status
    except UnknownItem as missing:
        print(f"clientrecovery {args.command}: {missing}", file=sys.stderr)
        return EXIT["not_found"]
    except StoreError as unusable:
        print(f"clientrecovery {args.command}: {unusable}", file=sys.stderr)
        return EXIT["store"]
    except ClientRecoveryError as invalid:
        print(f"clientrecovery {args.command}: {invalid}", file=sys.stderr)
        return EXIT["invalid"]
    except BrokenPipeError:  # the reader went away (| head); not an error of ours
        sys.stderr.close()
        return EXIT["ok"]


@contextmanager
def _store(args: argparse.Namespace, *, create: bool = False) -> Iterator[SQLiteStore]:
    if not create and args.db != ":memory:" and not Path(args.db).is_file():
        raise _Exit(
            EXIT["not_found"],
            f"no store at {args.db!r}; make one with `clientrecovery demo` or"
            " `clientrecovery import FILE`, or point --db at one",
        )
    with SQLiteStore(args.db, create=create) as store:
        yield store


def _emit(args: argparse.Namespace, data: Any, text: Callable[[], str]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text(), end="")


def _plain(value: Any) -> Any:
    return _CONVERTER.unstructure(value)


def _moment(r: Relationship, as_of: datetime | date | None) -> datetime:
    if isinstance(as_of, datetime):
        return as_of
    if isinstance(as_of, date):  # the end of that day where the relationship is kept
        return datetime.combine(as_of, time(23, 59, 59), tzinfo=r.policy.tz)
    return datetime.now(UTC)


def _findings_of(r: Relationship, as_of: datetime | date | None) -> tuple[Finding, ...] | None:
    """Findings as of the moment, or None when the moment is before the last event."""
    try:
        return r.findings(_moment(r, as_of))
    except ChronologyError:
        return None


# --- commands -------------------------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    return demo.run(args.db)


def _list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        entries = store.list(stage=args.stage)

    def text() -> str:
        rows = [f"{'ID':20} {'CLIENT':24} {'STAGE':14} {'EVENTS':>6}  LAST EVENT (UTC)"]
        rows += [
            f"{e.id:20} {e.client[:24]:24} {e.stage.name:14} {e.version:6}  "
            f"{e.updated_at:%Y-%m-%d %H:%M}"
            for e in entries
        ]
        return "\n".join(rows) + f"\n{len(entries)} relationship(s)\n"

    _emit(args, [_plain(e) for e in entries], text)
    return EXIT["ok"]


def _show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        r = store.load(args.id)
    found = _findings_of(r, args.as_of)
    actions = () if r.stage.terminal else r.next_actions()
    data = {
        "id": r.id,
        "client": r.client,
        "trigger": r.trigger,
        "stage": r.stage.name,
        "version": r.version,
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
        "findings": None if found is None else _plain(found),
    }

    def text() -> str:
        lines = [
            f"{r.id}: {r.client} — {r.stage.name}, {r.version} events",
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
        lines.append(_findings_heading(r, args.as_of, found))
        lines += [f"  {f.severity.name:7} {f}" for f in found or ()]
        return "\n".join(lines) + "\n"

    _emit(args, data, text)
    return EXIT["ok"]


def _findings_heading(
    r: Relationship, as_of: datetime | date | None, found: tuple[Finding, ...] | None
) -> str:
    when = _moment(r, as_of).isoformat(timespec="minutes")
    if found is None:
        return f"Findings: none as of {when}, which is before the last event"
    if r.stage.terminal:
        return f"Findings as of {when}: none, the relationship is {r.stage.name}"
    return f"Findings as of {when}: {len(found)}"


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
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _summary(args: argparse.Namespace) -> int:
    with _store(args) as store:
        r = store.load(args.id)
    summary = r.written_summary()
    _emit(args, {"id": r.id, "summary": summary}, lambda: summary)
    return EXIT["ok"]


def _findings(args: argparse.Namespace) -> int:
    """Every open relationship's findings; the most severe first, then the relationship
    quiet for longest, then by id."""
    rows: list[tuple[tuple[int, datetime, str], Relationship, Finding]] = []
    skipped: list[str] = []
    with _store(args) as store:
        for r in store.relationships(stage=args.stage):
            found = _findings_of(r, args.as_of)
            if found is None:
                skipped.append(r.id)
            for f in found or ():
                rows.append(((_URGENCY[f.severity], r.last_event.at, r.id), r, f))
    rows.sort(key=lambda row: row[0])
    data = [{"relationship": r.id, "client": r.client, **_plain(f)} for _, r, f in rows]

    def text() -> str:
        lines = [f"{f.severity.name:7} {r.id:20} {f}" for _, r, f in rows]
        lines.append(f"{len(rows)} finding(s)")
        if skipped:
            lines.append(f"not judged (last event after --as-of): {', '.join(skipped)}")
        return "\n".join(lines) + "\n"

    _emit(args, data, text)
    return EXIT["ok"]


_LINES: Final = (".jsonl", ".ndjson")


def _read(name: str) -> tuple[list[str], bool]:
    """The lines of a file (``-``: stdin), and whether it is one JSON document (then the
    whole text is the one 'line'): any file not named ``.jsonl`` or ``.ndjson``."""
    if name == "-":
        return sys.stdin.read().splitlines(), False
    path = Path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _Exit(EXIT["not_found"], f"no file {name!r}") from None
    except OSError as failed:
        raise _Exit(EXIT["not_found"], f"cannot read {name!r}: {failed.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise InvalidDocument([f"not UTF-8 ({bad.reason} at byte {bad.start}) @ {name}"]) from None
    if path.suffix in _LINES:
        return text.splitlines(), False
    return [text], True


def _validate(args: argparse.Namespace) -> int:
    if not args.files:
        with _store(args) as store:
            problems = store.verify(policy=args.policy)
            count = len(store.list())
        report = [{"file": args.db, "relationships": count, "problems": problems}]
    else:
        report = [_validate_file(name, args.policy) for name in args.files]

    def text() -> str:
        lines = []
        for item in report:
            if item.get("missing"):
                lines.append(f"{item['file']}: not found")
            elif item["problems"]:
                lines.append(f"{item['file']}: INVALID, {len(item['problems'])} problem(s)")
                lines += [f"  {p}" for p in item["problems"]]
            else:
                lines.append(f"{item['file']}: valid, {item['relationships']} relationship(s)")
        return "\n".join(lines) + "\n"

    _emit(args, report, text)
    if any(item.get("missing") for item in report):
        return EXIT["not_found"]
    return EXIT["invalid"] if any(item["problems"] for item in report) else EXIT["ok"]


def _validate_file(name: str, policy: Policy | None = None) -> dict[str, Any]:
    problems: list[str] = []
    try:
        lines, one_document = _read(name)
    except _Exit:
        return {"file": name, "missing": True, "relationships": 0, "problems": []}
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
    status = EXIT["ok"]
    with _store(args, create=True) as store:
        for name in args.files:
            lines, _ = _read(name)
            skipped: list[str] = []

            def skip(_: int, bad: InvalidDocument, skipped: list[str] = skipped) -> None:
                skipped.extend(bad.problems)

            try:
                changed = store.import_jsonl(
                    lines, on_error=skip if args.skip_invalid else None, policy=args.policy
                )
            except (InvalidDocument, StaleVersion) as refused:
                print(
                    f"clientrecovery import: {name}: nothing imported\n{refused}", file=sys.stderr
                )
                status = EXIT["invalid"]
                continue
            print(f"{name}: {changed} relationship(s) added or extended")
            if skipped:
                status = EXIT["invalid"]
                print(f"{name}: skipped invalid documents:", file=sys.stderr)
                for problem in skipped:
                    print(f"  {problem}", file=sys.stderr)
    return status


def _export(args: argparse.Namespace) -> int:
    with _store(args) as store:
        if args.output is None:
            count = store.export_jsonl(sys.stdout, stage=args.stage)
        else:
            out: IO[str]
            with open(args.output, "w", encoding="utf-8") as out:
                count = store.export_jsonl(out, stage=args.stage)
    print(f"exported {count} relationship(s)", file=sys.stderr)
    return EXIT["ok"]


def _diagram(args: argparse.Namespace) -> int:
    text = mermaid()
    _emit(args, {"mermaid": text}, lambda: text)
    return EXIT["ok"]


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
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


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
