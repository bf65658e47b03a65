"""The ``clientrecovery`` command, through a real subprocess each time."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clientrecovery import Policy, Relationship, SQLiteStore, Stage, to_json
from clientrecovery._cliio import Escaped
from clientrecovery.examples import design_firm, masterclass, turnaround
from clientrecovery.stages import mermaid
from tests.builders import at, plan_for, planning
from tests.test_integrity import misname_a_trigger


def run(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The command in a new process; ``env`` adds to (or, with "", blanks) variables."""
    base = {k: v for k, v in os.environ.items() if k not in ("CLIENTRECOVERY_DB", "NO_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "clientrecovery", *args],
        capture_output=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=120,
        check=False,
        cwd=cwd,
        input=stdin,
        env={**base, **(env or {})},
    )
    assert "Traceback" not in done.stderr, done.stderr  # never, whatever happens
    return done


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """``clientrecovery demo`` run once, in an empty directory."""
    where = tmp_path_factory.mktemp("demo")
    return where, run("demo", cwd=where)


@pytest.fixture
def db(demo: tuple[Path, subprocess.CompletedProcess[str]]) -> str:
    return str(demo[0] / "clientrecovery.db")


class TestDemo:
    def test_the_demo_walks_the_case_then_fills_a_store(
        self, demo: tuple[Path, subprocess.CompletedProcess[str]]
    ) -> None:
        """It shows a refusal, next actions twice, the end state, and the stored cases."""
        where, done = demo

        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert "advised: [ASSESS_FIRST]" in out
        assert "[ALIGN_FIRST]" in out
        assert out.count("What next?") == 2
        assert "stage       RECOVERED" in out
        assert "rebuilds an equal relationship: True" in out
        assert "16 case(s) added, 16 in all" in out
        with SQLiteStore(where / "clientrecovery.db", create=False) as store:
            assert store.load("halden-foods") == masterclass()
            assert len(store.list()) == 16

    def test_running_the_demo_again_adds_nothing(self, tmp_path: Path) -> None:
        first = run("demo", "--db", str(tmp_path / "d.db"))
        again = run("demo", "--db", str(tmp_path / "d.db"))

        assert first.returncode == again.returncode == 0
        assert "0 case(s) added, 16 in all" in again.stdout


class TestReading:
    def test_list_shows_every_case_and_filters_by_stage(self, db: str) -> None:
        everything = run("list", "--db", db)
        lost = run("--db", db, "list", "--stage", "lost", "--json")

        assert everything.returncode == 0
        assert "halden-foods" in everything.stdout
        assert "16 relationship(s)" in everything.stdout
        rows = json.loads(lost.stdout)
        assert "brightwater-health" in [row["id"] for row in rows]
        assert {row["stage"] for row in rows} == {"lost"}

    def test_list_filters_by_account(self, db: str) -> None:
        """The demo's synthetic cases come in threes per account; stories have none."""
        done = run("list", "--db", db, "--account", "a2026-00001", "--json")
        empty = run("list", "--db", db, "--account", " ")

        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert [row["id"] for row in rows] == ["s2026-00003", "s2026-00004", "s2026-00005"]
        assert {row["account"] for row in rows} == {"a2026-00001"}
        assert len({row["client"] for row in rows}) == 1
        assert empty.returncode == 2
        assert "an account key must not be empty" in empty.stderr

    def test_show_gives_stage_issues_commitments_next_and_findings(self, db: str) -> None:
        done = run("show", "halden-foods", "--db", db)

        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("halden-foods: Halden Foods — RECOVERED, 39 events")
        assert "I1 resolved" in done.stdout
        assert "C1 fulfilled client: continue the project" in done.stdout
        assert "(the relationship is RECOVERED): 0" in done.stdout
        assert "ready   record_lessons" in done.stdout  # what still runs after the end

    def test_show_of_a_lost_case_gives_what_stands_after_its_end(self, tmp_path: Path) -> None:
        """A case lost without lessons says so, and offers to record them (004)."""
        from tests.builders import recovering

        r = recovering()
        lost = r.end(reason="the client chose another agency", at=r.last_event.at)
        path = tmp_path / "lost.db"
        with SQLiteStore(path) as store:
            store.save(lost)

        done = run("show", lost.id, "--db", str(path), "--as-of", "2026-12-01")

        assert done.returncode == 0, done.stderr
        assert "(the relationship is LOST): 1" in done.stdout
        assert "[LESSONS_KEPT]" in done.stdout
        assert "ready   record_lessons" in done.stdout

    def test_show_as_of_a_date_judges_an_open_case_then(self, tmp_path: Path) -> None:
        """Stopped mid-recovery: as of weeks later, follow-ups and contact are overdue."""
        r = turnaround()
        cut = Relationship.replay(r.history[:30])
        path = tmp_path / "one.db"
        with SQLiteStore(path) as store:
            store.save(cut)

        later = run("show", cut.id, "--db", str(path), "--as-of", "2026-07-15", "--json")

        assert later.returncode == 0, later.stderr
        data = json.loads(later.stdout)
        assert data["stage"] == "recovering"  # as list --json and documents write it
        rules = {f["rule"] for f in data["findings"]}
        assert {"FOLLOW_UP_CADENCE", "COMMUNICATE_OFTEN"} <= rules
        assert any(a["command"] == "close" and not a["ready"] for a in data["next_actions"])
        early = run("show", cut.id, "--db", str(path), "--as-of", "2026-05-01T00:00+00:00")
        assert early.returncode == 3
        assert "after --as-of" in early.stderr

    def test_timeline_lists_events_in_order(self, db: str) -> None:
        done = run("timeline", "brightwater-health", "--db", db)
        as_json = json.loads(run("timeline", "brightwater-health", "--db", db, "--json").stdout)

        lines = done.stdout.splitlines()
        assert len(lines) == design_firm().version == len(as_json)
        assert "RelationshipOpened by Client manager" in lines[0]
        assert "RelationshipEnded" in lines[-1]
        assert as_json[0]["type"] == "RelationshipOpened"

    def test_summary_prints_the_written_summary(self, db: str) -> None:
        done = run("summary", "norbrook-logistics", "--db", db)

        assert done.stdout == turnaround().written_summary()

    def test_findings_across_the_store_are_most_urgent_first(self, db: str) -> None:
        done = run("findings", "--db", db, "--json")

        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)
        assert rows
        order = {"error": 0, "warning": 1, "info": 2}
        ranks = [order[row["severity"]] for row in rows]
        assert ranks == sorted(ranks)
        with SQLiteStore(db) as store:
            open_ids = {e.id for e in store.list() if not e.stage.terminal}
        aftercare = {"LESSONS_KEPT", "INSPECT_BEFORE_ENDING", "PROMISE_KEPT", "MEET_SWIFTLY"}
        for row in rows:  # a closed case only keeps what stands after its end
            assert row["relationship"] in open_ids or row["rule"] in aftercare, row

    def test_diagram_prints_the_mermaid_text(self) -> None:
        done = run("diagram")

        assert (done.returncode, done.stdout) == (0, mermaid())


class TestValidateImportExport:
    def test_validate_accepts_good_files(self, tmp_path: Path) -> None:
        one = tmp_path / "one.json"
        one.write_text(to_json(masterclass()))
        many = tmp_path / "many.jsonl"
        many.write_text(to_json(design_firm()) + "\n\n" + to_json(turnaround()) + "\n")

        done = run("validate", str(one), str(many))

        assert done.returncode == 0, done.stdout
        assert f"{one}: valid, 1 relationship(s)" in done.stdout
        assert f"{many}: valid, 2 relationship(s)" in done.stdout

    def test_validate_reports_every_problem_with_its_line_and_path(self, tmp_path: Path) -> None:
        document = json.loads(to_json(masterclass()))
        document["history"][3]["at"] = "yesterday"
        bad = tmp_path / "bad.jsonl"
        bad.write_text(to_json(design_firm()) + "\n" + json.dumps(document) + "\n{oops\n")

        done = run("validate", str(bad), "--json")

        assert done.returncode == 1
        (report,) = json.loads(done.stdout)
        assert report["relationships"] == 1
        assert report["problems"][0].startswith("line 2: 'yesterday' is not an ISO 8601")
        assert report["problems"][0].endswith("@ $.history[3].at")
        assert report["problems"][1].startswith("line 3: not valid JSON")

    def test_validate_reports_bytes_that_are_not_utf8(self, tmp_path: Path) -> None:
        bad = tmp_path / "latin1.json"
        bad.write_bytes(b'{"client": "Caf\xe9"}')

        done = run("validate", str(bad))

        assert done.returncode == 1
        assert "not UTF-8" in done.stdout

    def test_validate_a_missing_file_exits_3(self, tmp_path: Path) -> None:
        done = run("validate", str(tmp_path / "nope.json"))

        assert done.returncode == 3
        assert "no file" in done.stderr
        assert "nope.json" in done.stderr
        assert done.stdout == ""

    def test_validate_without_files_checks_the_store(self, db: str) -> None:
        done = run("validate", "--db", db)

        assert done.returncode == 0
        assert "valid, 16 relationship(s)" in done.stdout

    def test_validate_and_import_judge_under_the_receivers_policy(self, tmp_path: Path) -> None:
        """--policy FILE: the receiver's rules, and what the document's own had relaxed."""
        lenient = Policy(severities={"WRITTEN_FOLLOW_UP": "warning"})
        r = planning(policy=lenient)
        r = r.propose_plan(plan_for(r), at=at(3))
        case = tmp_path / "case.json"
        case.write_text(to_json(r))
        strict = tmp_path / "strict.json"
        strict.write_text("{}")

        assert run("validate", str(case)).returncode == 0
        done = run("validate", str(case), "--policy", str(strict))
        assert done.returncode == 1
        assert "relaxes the receiver's: WRITTEN_FOLLOW_UP (error → warning)" in done.stdout
        target = str(tmp_path / "strict.db")
        imported = run("import", "--db", target, "--policy", str(strict), str(case))
        assert imported.returncode == 1
        assert "nothing imported" in imported.stderr

    def test_a_policy_file_that_is_no_policy_is_invalid_data(self, tmp_path: Path) -> None:
        """As for any file the command line reads: exit 1, saying what is wrong and where."""
        for text, message in (
            ('{"min_days_before_plan": "soon"}', "expected an integer"),
            ('{"max_silence": "P99999999999D"}', "longer than a duration can be"),
        ):
            bad = tmp_path / "policy.json"
            bad.write_text(text)
            done = run("validate", "--policy", str(bad))
            assert done.returncode == 1
            assert message in done.stderr
            assert "@ $." in done.stderr

    def test_a_policy_file_that_is_not_there_is_not_found(self, tmp_path: Path) -> None:
        for name in (tmp_path / "absent.json", tmp_path):
            done = run("validate", "--policy", str(name))
            assert done.returncode == 3
            assert f"--policy: cannot read {str(name)!r}" in done.stderr

    def test_export_then_import_into_a_new_store(self, db: str, tmp_path: Path) -> None:
        exported = tmp_path / "all.jsonl"
        out = run("export", "--db", db, "-o", str(exported))
        target = str(tmp_path / "copy.db")

        into = run("import", str(exported), "--db", target)

        assert out.returncode == 0
        assert "exported 16 relationship(s)" in out.stderr
        assert into.returncode == 0, into.stderr
        assert "16 relationship(s) added or extended" in into.stdout
        assert run("export", "--db", target).stdout == exported.read_text()

    def test_import_from_stdin(self, tmp_path: Path) -> None:
        target = str(tmp_path / "in.db")

        done = run("import", "-", "--db", target, stdin=to_json(masterclass()) + "\n")

        assert done.returncode == 0, done.stderr
        with SQLiteStore(target) as store:
            assert [e.id for e in store.list(stage=Stage.RECOVERED)] == ["halden-foods"]

    def test_an_invalid_file_imports_nothing(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.jsonl"
        bad.write_text(to_json(masterclass()) + "\n[1, 2]\n")
        target = str(tmp_path / "t.db")

        refused = run("import", str(bad), "--db", target)
        skipped = run("import", str(bad), "--db", str(tmp_path / "s.db"), "--skip-invalid")

        assert refused.returncode == 1
        assert "nothing imported" in refused.stderr
        assert "line 2: expected a document object, got an array @ $" in refused.stderr
        with SQLiteStore(target) as store:
            assert store.list() == ()
        assert skipped.returncode == 1
        assert "1 relationship(s) added" in skipped.stdout
        assert "line 2" in skipped.stderr


class TestErrors:
    def test_a_missing_database_exits_3_without_creating_it(self, tmp_path: Path) -> None:
        missing = tmp_path / "none.db"

        done = run("list", "--db", str(missing))

        assert done.returncode == 3
        assert "no store at" in done.stderr
        assert "Traceback" not in done.stderr
        assert not missing.exists()

    def test_an_unknown_relationship_exits_3(self, db: str) -> None:
        done = run("show", "nobody", "--db", db)

        assert done.returncode == 3
        assert "unknown relationship 'nobody'" in done.stderr

    def test_a_file_that_is_not_a_store_exits_4(self, tmp_path: Path) -> None:
        other = tmp_path / "other.db"
        other.write_text("not a database at all " * 50)

        done = run("list", "--db", str(other))

        assert done.returncode == 4
        assert "is not a clientrecovery store" in done.stderr
        assert "Traceback" not in done.stderr

    @pytest.mark.parametrize("command", ["list", "validate"])
    def test_a_schema_name_that_is_not_utf8_exits_4(self, tmp_path: Path, command: str) -> None:
        path = tmp_path / "s.db"
        with SQLiteStore(path) as store:
            store.save(masterclass())
        misname_a_trigger(str(path))

        done = run(command, "--db", str(path))

        assert done.returncode == 4
        assert "is damaged: cannot open" in done.stderr
        assert "Traceback" not in done.stderr

    def test_a_corrupted_row_exits_1(self, tmp_path: Path) -> None:
        path = tmp_path / "c.db"
        with SQLiteStore(path) as store:
            store.save(masterclass())
            store._db.execute("UPDATE relationships SET snapshot = '{'")

        done = run("show", "halden-foods", "--db", str(path))
        checked = run("validate", "--db", str(path))

        assert done.returncode == checked.returncode == 1
        assert "relationships.snapshot: not valid JSON" in done.stderr
        assert "INVALID, 1 problem(s)" in checked.stdout

    @pytest.mark.parametrize(
        ("as_of", "problem"),
        [
            ("2026-03-20T10:00", "has no UTC offset"),
            ("9999-12-31", "'9999-12-31' is outside the years 1900 to 2999"),
            ("0001-01-01T00:00+14:00", "'0001-01-01T00:00+14:00' is outside the years"),
        ],
    )
    def test_a_malformed_as_of_is_a_usage_error(self, db: str, as_of: str, problem: str) -> None:
        done = run("findings", "--db", db, "--as-of", as_of)

        assert done.returncode == 2
        assert problem in done.stderr

    def test_an_unknown_command_exits_with_usage(self) -> None:
        done = run("fly")

        assert done.returncode == 2
        assert "invalid choice: 'fly'" in done.stderr
        assert done.stdout == ""

    def test_the_database_can_come_from_the_environment(self, db: str) -> None:
        env = {**os.environ, "CLIENTRECOVERY_DB": db}
        done = subprocess.run(
            [sys.executable, "-m", "clientrecovery", "list"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=env,
        )

        assert done.returncode == 0
        assert "16 relationship(s)" in done.stdout


# --- a portfolio with a damaged case --------------------------------------------------------


def damaged_store(folder: Path, *, row: str = "snapshot") -> tuple[Path, list[Relationship]]:
    """A store of the example stories and twelve synthetic cases, one of them damaged: its
    snapshot is not JSON (``row="snapshot"``), its relationships row names no stage
    (``row="stage"``), or a plain INSERT added an events row of version -1 (``row="stray"``)."""
    from clientrecovery.examples import stories, synthetic_portfolio

    cases = [*stories(), *synthetic_portfolio(12, seed=2026)]
    path = folder / "damaged.db"
    with SQLiteStore(path) as store:
        for case in cases:
            store.save(case)
        if row == "snapshot":
            store._db.execute("UPDATE relationships SET snapshot = '{' WHERE id = 'halden-foods'")
        elif row == "stray":
            store._db.execute(
                "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
                " VALUES ('halden-foods', -1, 'FollowedUp', '2026-01-01T00:00:00+00:00', NULL,"
                " '{}', x'00')"
            )
        else:
            store._db.execute("UPDATE relationships SET stage = 'BOGUS' WHERE id = 'halden-foods'")
    return path, cases


class TestExportIsAllOrNothing:
    def test_a_damaged_case_leaves_no_file_and_names_the_case(self, tmp_path: Path) -> None:
        """Every case is checked, the damaged one named, and no file appears at all."""
        path, _ = damaged_store(tmp_path)
        out = tmp_path / "out.jsonl"

        done = run("export", "--db", str(path), "-o", str(out))

        assert done.returncode == 1
        assert "'halden-foods' is damaged" in done.stderr
        assert "nothing exported" in done.stderr
        assert not out.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.db"]  # no temp file

    def test_a_failed_export_leaves_the_previous_file_as_it_was(self, tmp_path: Path) -> None:
        path, _ = damaged_store(tmp_path)
        out = tmp_path / "out.jsonl"
        out.write_text("the previous export\n")

        done = run("export", "--db", str(path), "-o", str(out))

        assert done.returncode == 1
        assert out.read_text() == "the previous export\n"

    def test_to_stdout_a_damaged_case_writes_nothing(self, tmp_path: Path) -> None:
        path, _ = damaged_store(tmp_path)

        done = run("export", "--db", str(path))

        assert done.returncode == 1
        assert done.stdout == ""

    def test_skip_invalid_exports_the_others_and_still_exits_1(self, tmp_path: Path) -> None:
        path, cases = damaged_store(tmp_path)
        out = tmp_path / "out.jsonl"

        done = run("export", "--db", str(path), "-o", str(out), "--skip-invalid")

        assert done.returncode == 1
        assert "'halden-foods' is damaged" in done.stderr
        ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
        assert sorted(ids) == sorted(c.id for c in cases if c.id != "halden-foods")

    def test_a_whole_export_replaces_the_file_in_one_step(self, db: str, tmp_path: Path) -> None:
        out = tmp_path / "out.jsonl"
        out.write_text("old\n")

        done = run("export", "--db", db, "-o", str(out), "--json")

        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["exported"] == 16
        assert len(out.read_text(encoding="utf-8").splitlines()) == 16
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]

    @pytest.mark.parametrize(
        ("target", "problem"),
        [
            ("{tmp}", "it is a directory"),
            ("{tmp}/no/such/folder/out.jsonl", "no folder"),
            ("/dev/full", "No space left on device"),
        ],
    )
    def test_an_output_that_cannot_be_written_exits_5(
        self, db: str, tmp_path: Path, target: str, problem: str
    ) -> None:
        if target == "/dev/full" and not Path("/dev/full").exists():
            pytest.skip("no /dev/full here")
        done = run("export", "--db", db, "-o", target.format(tmp=tmp_path))

        assert done.returncode == 5
        assert problem in done.stderr
        assert list(tmp_path.iterdir()) == []

    def test_a_full_disk_under_stdout_exits_5_without_a_traceback(self, db: str) -> None:
        done = into_a_full_disk("list", "--db", db)

        assert done.returncode == 5
        assert "No space left on device" in done.stderr
        assert "Traceback" not in done.stderr

    @pytest.mark.parametrize("argv", [["--version"], ["--help"], ["show", "--help"]])
    def test_help_or_version_that_cannot_be_written_exits_5(self, argv: list[str]) -> None:
        """argparse drops the error of writing them: the command said it was done."""
        done = into_a_full_disk(*argv)

        assert done.returncode == 5
        assert "cannot write the output: No space left on device" in done.stderr
        assert "Traceback" not in done.stderr


def into_a_full_disk(*argv: str) -> subprocess.CompletedProcess[str]:
    """The CLI run with its standard output on ``/dev/full`` (skipped where there is none)."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [sys.executable, "-m", "clientrecovery", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )


class TestPortfolioCommandsGoOn:
    def test_list_shows_the_good_cases_and_names_the_damaged_row(self, tmp_path: Path) -> None:
        path, cases = damaged_store(tmp_path, row="stage")

        done = run("list", "--db", str(path))
        as_json = run("list", "--db", str(path), "--json")

        assert done.returncode == as_json.returncode == 1
        assert f"{len(cases) - 1} relationship(s)" in done.stdout
        assert "'halden-foods' is damaged" in done.stderr
        assert len(json.loads(as_json.stdout)) == len(cases) - 1

    def test_findings_judge_every_case_that_loads(self, tmp_path: Path) -> None:
        path, _ = damaged_store(tmp_path)

        done = run("findings", "--db", str(path), "--as-of", "2026-12-31", "--json")

        assert done.returncode == 1
        assert "'halden-foods' is damaged" in done.stderr
        judged = {f["relationship"] for f in json.loads(done.stdout)}
        assert judged  # the open synthetic cases are late by the end of 2026
        assert "halden-foods" not in judged

    def test_a_stray_events_row_names_its_case_and_the_others_go_on(self, tmp_path: Path) -> None:
        """An events row below version 1 once made the case "unknown" (exit 3) and stopped
        export and findings at it; now the case is damaged and the others go on."""
        path, cases = damaged_store(tmp_path, row="stray")
        out = tmp_path / "out.jsonl"

        shown = run("show", "halden-foods", "--db", str(path))
        exported = run("export", "--db", str(path), "-o", str(out), "--skip-invalid")
        judged = run("findings", "--db", str(path), "--as-of", "2026-12-31", "--json")

        assert shown.returncode == 1
        assert "events row -1: no event has this version" in shown.stderr
        for done in (exported, judged):
            assert done.returncode == 1
            assert "'halden-foods' is damaged" in done.stderr
            assert "events row -1" in done.stderr
        ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
        assert sorted(ids) == sorted(c.id for c in cases if c.id != "halden-foods")
        relationships = {f["relationship"] for f in json.loads(judged.stdout)}
        assert relationships
        assert "halden-foods" not in relationships

    def test_validate_of_the_store_counts_and_reports_each_damaged_case(
        self, tmp_path: Path
    ) -> None:
        path, _ = damaged_store(tmp_path, row="stage")
        with SQLiteStore(path) as store:
            store._db.execute(
                "UPDATE relationships SET snapshot = '[]' WHERE id = 'brightwater-health'"
            )

        done = run("validate", "--db", str(path), "--json")

        assert done.returncode == 1
        [report] = json.loads(done.stdout)
        assert any("'halden-foods'" in p for p in report["problems"])
        assert any("'brightwater-health'" in p for p in report["problems"])


class TestDocumentsInAndOut:
    @pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\u0085", "\r"])
    def test_an_export_with_line_separators_in_names_imports_back(
        self, tmp_path: Path, odd: str
    ) -> None:
        """JSON lines are split on \\n alone; other separators inside strings are text."""
        at = design_firm().opened_at
        r = Relationship.open(f"Line{odd}Break Ltd", trigger=f"a{odd}b", at=at, id="odd")
        source = tmp_path / "a.db"
        with SQLiteStore(source) as store:
            store.save(r)
        exported = run("export", "--db", str(source))

        for name in ("in.jsonl", "-"):
            target = tmp_path / f"b{len(name)}.db"
            if name != "-":
                (tmp_path / name).write_text(exported.stdout, encoding="utf-8", newline="")
            done = run("import", name, "--db", str(target), stdin=exported.stdout, cwd=tmp_path)

            assert done.returncode == 0, done.stderr
            with SQLiteStore(target) as store:
                assert store.load("odd") == r

    def test_validate_stdin_reads_one_pretty_document_like_a_file(self, tmp_path: Path) -> None:
        pretty = json.dumps(json.loads(to_json(design_firm())), indent=2)
        (tmp_path / "case.json").write_text(pretty)

        from_stdin = run("validate", "-", stdin=pretty)
        from_file = run("validate", str(tmp_path / "case.json"))

        assert from_stdin.returncode == from_file.returncode == 0, from_stdin.stdout
        assert "valid, 1 relationship(s)" in from_stdin.stdout
        assert "valid, 1 relationship(s)" in from_file.stdout

    def test_import_stdin_reads_json_lines_like_a_file(self, db: str, tmp_path: Path) -> None:
        lines = run("export", "--db", db).stdout
        target = tmp_path / "copy.db"

        done = run("import", "-", "--db", str(target), "--json", stdin=lines)

        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [{"file": "-", "imported": 16, "skipped": []}]

    def test_a_failed_import_creates_no_store(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.jsonl"
        bad.write_text("{oops\n")
        target = tmp_path / "new.db"

        refused = run("import", str(bad), "--db", str(target))
        missing = run("import", str(tmp_path / "absent.jsonl"), "--db", str(target))

        assert refused.returncode == 1
        assert missing.returncode == 3
        assert not target.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]

    def test_validate_a_directory_says_so_on_stderr(self, tmp_path: Path) -> None:
        done = run("validate", str(tmp_path), "--json")

        assert done.returncode == 3
        assert "is a directory" in done.stderr
        assert json.loads(done.stdout)[0]["error"].endswith("is a directory, not a file")

    def test_empty_input_is_no_document_for_validate_and_import_alike(self, tmp_path: Path) -> None:
        """Nothing but blank lines holds no document, whatever the file is named: both
        commands give the one verdict (validate said invalid JSON, import imported 0)."""
        for name, text in (("empty.json", ""), ("blank.txt", "\n \n")):
            empty = tmp_path / name
            empty.write_text(text)

            checked = run("validate", str(empty))
            imported = run("import", "--db", str(tmp_path / "cases.db"), str(empty))

            assert (checked.returncode, imported.returncode) == (0, 0), checked.stdout
            assert f"{empty}: valid, 0 relationship(s)" in checked.stdout
            assert f"{empty}: 0 relationship(s) added or extended" in imported.stdout

    def test_a_store_path_that_is_not_a_file_says_so(self, tmp_path: Path) -> None:
        fifo = tmp_path / "cases.db"
        os.mkfifo(fifo)

        done = run("list", "--db", str(fifo))

        assert done.returncode == 3
        assert "no store, but something that is not a file, at" in done.stderr


def closed(redirect: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The command started with a standard stream closed (``<&-``, ``>&-``) by a shell."""
    command = " ".join([sys.executable, "-m", "clientrecovery", *args, redirect])
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, encoding="utf-8", timeout=120, check=False
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


class TestClosedStreams:
    def test_reading_a_closed_stdin_says_so(self, db: str) -> None:
        for command in ("validate", "import --db " + db):
            done = closed("<&-", *command.split(), "-")

            assert done.returncode == 3, done.stderr
            assert "no standard input to read for '-': it is closed" in done.stderr

    def test_printing_to_a_closed_stdout_says_so_and_a_file_is_still_written(
        self, db: str, tmp_path: Path
    ) -> None:
        listed = closed(">&-", "list", "--db", db)
        exported = closed(">&-", "export", "--db", db, "-o", str(tmp_path / "all.jsonl"))

        assert listed.returncode == 5
        assert "cannot write the output: standard output is closed" in listed.stderr
        assert exported.returncode == 0, exported.stderr
        assert (tmp_path / "all.jsonl").read_text().count("\n") == 16


class TestConventions:
    def test_version_prints_the_package_version(self) -> None:
        from clientrecovery import __version__

        done = run("--version")

        assert done.returncode == 0
        assert done.stdout.strip() == f"clientrecovery {__version__}"

    @pytest.mark.parametrize(
        "command",
        [
            ["list"],
            ["show", "halden-foods"],
            ["show", "halden-foods", "--as-of", "2026-03-05"],
            ["timeline", "brightwater-health"],
            ["summary", "norbrook-logistics"],
            ["findings"],
            ["validate"],
            ["diagram"],
        ],
    )
    def test_every_command_prints_json_with_json(self, db: str, command: list[str]) -> None:
        done = run(*command, "--db", db, "--json")

        assert done.returncode == 0, done.stderr
        json.loads(done.stdout)

    def test_demo_and_import_print_json_too(self, tmp_path: Path) -> None:
        demo = run("demo", "--db", str(tmp_path / "d.db"), "--json")
        export = run("export", "--db", str(tmp_path / "d.db"))
        imported = run("import", "-", "--db", str(tmp_path / "e.db"), "--json", stdin=export.stdout)

        assert demo.returncode == imported.returncode == 0, demo.stderr + imported.stderr
        assert json.loads(demo.stdout)["added"] == 16
        assert json.loads(imported.stdout)[0]["imported"] == 16

    def test_output_survives_an_ascii_console(self, db: str, tmp_path: Path) -> None:
        """Text is escaped, JSON is ASCII JSON, an export is still the exact UTF-8 data."""
        ascii_only = {"PYTHONIOENCODING": "ascii"}
        shown = run("show", "halden-foods", "--db", db, env=ascii_only)
        as_json = run("show", "halden-foods", "--db", db, "--json", env=ascii_only)
        exported = run("export", "--db", db, env=ascii_only)
        plain = run("export", "--db", db)

        assert shown.returncode == as_json.returncode == exported.returncode == 0
        assert shown.stdout.isascii()
        assert "Halden Foods \\u2014 RECOVERED" in shown.stdout
        assert json.loads(as_json.stdout)["id"] == "halden-foods"
        assert exported.stdout == plain.stdout

    def test_colour_on_a_terminal_only_and_never_with_no_color(self, db: str) -> None:
        pty = pytest.importorskip("pty")

        def on_a_terminal(env: dict[str, str]) -> bytes:
            command = [sys.executable, "-m", "clientrecovery", "findings", "--db", db]
            leader, follower = pty.openpty()
            with subprocess.Popen(
                command,
                stdout=follower,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "TERM": "xterm", **env},
            ) as child:
                os.close(follower)
                chunks = []
                while True:
                    try:
                        chunk = os.read(leader, 65536)
                    except OSError:  # the terminal closes when the child ends
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                child.wait(timeout=120)
            os.close(leader)
            return b"".join(chunks)

        coloured = on_a_terminal({})
        plain = on_a_terminal({"NO_COLOR": "1"})
        piped = run("findings", "--db", db).stdout

        assert b"\x1b[31mERROR\x1b[0m" in coloured or b"\x1b[33mWARNING" in coloured
        assert b"\x1b[" not in plain
        assert "\x1b[" not in piped

    def test_an_empty_environment_database_means_the_default(self, db: str) -> None:
        folder = Path(db).parent

        done = run("list", cwd=folder, env={"CLIENTRECOVERY_DB": ""})
        empty = run("list", "--db", "")

        assert done.returncode == 0, done.stderr
        assert "16 relationship(s)" in done.stdout
        assert empty.returncode == 2

    def test_show_as_of_replays_the_case_up_to_that_moment(self, db: str) -> None:
        case = masterclass()
        cut = case.history[12].at

        then = run("show", "halden-foods", "--db", db, "--as-of", cut.isoformat(), "--json")

        assert then.returncode == 0, then.stderr
        data = json.loads(then.stdout)
        expected = Relationship.replay([e for e in case.history if e.at <= cut])
        assert data["version"] == expected.version < case.version
        assert data["stage"] == expected.stage.value

    def test_findings_as_of_leave_out_cases_opened_later(self, db: str) -> None:
        done = run("findings", "--db", db, "--as-of", "2026-03-05", "--json")

        assert done.returncode == 0, done.stderr
        judged = {f["relationship"] for f in json.loads(done.stdout)}
        assert "norbrook-logistics" not in judged  # opened in May 2026

    def test_an_id_that_is_not_text_is_a_usage_error(self, db: str) -> None:
        done = run("show", "\udcff", "--db", db)

        assert done.returncode == 2
        assert "not valid UTF-8" in done.stderr

    @pytest.mark.parametrize(
        ("args", "argument"),
        [
            (("validate", ""), "argument FILE"),
            (("import", ""), "argument FILE"),
            (("export", "-o", ""), "argument -o/--output"),
            (("validate", "--policy", "", "-"), "argument --policy"),
        ],
    )
    def test_an_empty_file_name_is_a_usage_error(
        self, db: str, args: tuple[str, ...], argument: str
    ) -> None:
        """Not "'' is a directory" (the folder an empty name opens), and nothing written."""
        before = Path(db).read_bytes()
        done = run(*args, "--db", db, stdin="")

        assert done.returncode == 2
        assert f"{argument}: a file name must not be empty" in done.stderr
        assert "directory" not in done.stderr
        assert Path(db).read_bytes() == before

    def test_an_account_that_is_not_text_is_a_usage_error_as_an_id_is(self, db: str) -> None:
        """One verdict for bytes that are not UTF-8: not an empty list for one argument and
        a usage error for the other."""
        done = run("list", "--account", "a2026-\udcff", "--db", db)

        assert done.returncode == 2
        assert "argument --account" in done.stderr
        assert "not valid UTF-8" in done.stderr

    def test_the_demo_suggestions_run_as_printed(self, tmp_path: Path) -> None:
        """The "Try:" lines name the program as it was started, so they work pasted."""
        script = Path(sys.executable).with_name("clientrecovery")
        if not script.exists():
            pytest.skip("the console script is not installed beside this Python")
        demo = subprocess.run(
            [str(script), "demo"], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        tail = demo.stdout.split("Try:", 1)[1]
        suggestions = [line.strip() for line in tail.splitlines() if line.strip()]

        assert len(suggestions) == 4
        for line in suggestions:
            done = subprocess.run(
                line, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, (line, done.stderr)


class TestQuickList:
    def test_the_quick_read_mirrors_the_store_and_the_model(self) -> None:
        from clientrecovery import _index
        from clientrecovery.store import APPLICATION_ID, MIGRATIONS

        assert _index.APPLICATION_ID == APPLICATION_ID
        assert len(MIGRATIONS) == _index.LAYOUT
        assert {s.name: s.value for s in Stage} == _index.STAGES

    def test_the_quick_read_gives_what_the_store_lists(self, db: str) -> None:
        from clientrecovery import _index

        quick = _index.entries(db)
        with SQLiteStore(db) as store:
            entries = store.list()

        assert quick == [
            (e.id, e.client, e.stage.name, e.version, e.opened_at, e.updated_at, e.account)
            for e in entries
        ]
        assert _index.entries(db, "LOST") == [row for row in quick if row[2] == "LOST"]

    def test_anything_unusual_is_left_to_the_store(self, tmp_path: Path) -> None:
        from clientrecovery import _index

        path, _ = damaged_store(tmp_path, row="stage")
        other = tmp_path / "other.db"
        other.write_bytes(b"not sqlite" * 100)

        assert _index.entries(str(path)) is None
        assert _index.entries(str(other)) is None
        assert _index.entries(str(tmp_path / "absent.db")) is None


class TestControlCharacters:
    def test_what_a_case_holds_is_printed_never_obeyed(self, tmp_path: Path) -> None:
        """A client named with terminal escapes (from someone else's document) cannot clear,
        recolour or retitle the terminal, nor overwrite a line."""
        name = "Acme\x1b[2J\x1b[31mHACKED\x1b[0m\rEvil\x1b]0;title\x07"
        path = tmp_path / "s.db"
        with SQLiteStore(path) as store:
            store.save(Relationship.open(name, trigger="late\x9b", at=at(0), id="esc"))

        for command in (("list",), ("show", "esc"), ("timeline", "esc")):
            done = run(*command, "--db", str(path))

            assert done.returncode == 0, done.stderr
            assert not any(c in done.stdout for c in "\x1b\r\x07\x9b"), done.stdout
            assert "Acme\\x1b[2J" in done.stdout

    def test_the_severities_keep_their_colours(self) -> None:
        out = io.StringIO()

        Escaped(out, colour=True).write("\x1b[31mERROR\x1b[0m by \x1b[2J\rme\n")

        assert out.getvalue() == "\x1b[31mERROR\x1b[0m by \\x1b[2J\\x0dme\n"


class TestInterrupted:
    def test_ctrl_c_while_the_command_line_loads_is_an_interruption(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ctrl-C before any command runs, while Python still imports the command line's
        modules: "interrupted" and 130, not a traceback."""
        import types

        from clientrecovery import _launch

        class Loading(types.ModuleType):
            def __getattr__(self, name: str) -> object:
                raise KeyboardInterrupt

        monkeypatch.setitem(sys.modules, "clientrecovery.cli", Loading("clientrecovery.cli"))
        with pytest.raises(SystemExit) as stopped:
            _launch.run()

        assert stopped.value.code == 130
        assert capsys.readouterr().err == "clientrecovery: interrupted\n"

    def test_ctrl_c_in_the_middle_of_an_export_leaves_nothing(self, tmp_path: Path) -> None:
        """SIGINT once the temporary file exists: exit 130, no file, no temporary."""
        import signal
        import time

        from clientrecovery.examples import synthetic_portfolio

        path = tmp_path / "big.db"
        with SQLiteStore(path) as store:
            store.import_jsonl(to_json(r) for r in synthetic_portfolio(400, seed=11))
        out = tmp_path / "out" / "cases.jsonl"
        out.parent.mkdir()
        with subprocess.Popen(
            [sys.executable, "-m", "clientrecovery", "export", "--db", str(path), "-o", str(out)],
            stderr=subprocess.PIPE,
            text=True,
        ) as child:
            deadline = time.monotonic() + 60
            while not any(out.parent.iterdir()) and time.monotonic() < deadline:
                time.sleep(0.005)
            child.send_signal(signal.SIGINT)
            _, stderr = child.communicate(timeout=120)

        if child.returncode == 0:  # pragma: no cover - a machine fast enough to finish first
            pytest.skip("the export finished before the signal arrived")
        assert child.returncode == 130
        assert "interrupted" in stderr
        assert "Traceback" not in stderr
        assert list(out.parent.iterdir()) == []


class TestOddFiles:
    @pytest.mark.parametrize("command", [("list",), ("import", "cases.jsonl")])
    def test_a_store_path_the_system_refuses_is_a_store_problem(
        self, tmp_path: Path, command: tuple[str, ...]
    ) -> None:
        """Not found (3) or a store problem (4), naming it; never 5 ("cannot write the
        output")."""
        (tmp_path / "cases.jsonl").write_text(to_json(design_firm()) + "\n")
        for db in ("cases.jsonl/x.db", "x" * 300 + ".db"):
            done = run(*command, "--db", db, cwd=tmp_path)

            assert done.returncode in (3, 4), done.stderr
            assert repr(db) in done.stderr
            assert "output" not in done.stderr

    def test_export_over_the_store_itself_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "s.db"
        with SQLiteStore(path) as store:
            store.save(design_firm())

        done = run("export", "--db", str(path), "-o", str(path))

        assert done.returncode == 2
        assert "is the store itself" in done.stderr
        with SQLiteStore(path, create=False) as store:
            assert store.load(design_firm().id) == design_firm()

    def test_export_through_a_link_replaces_the_file_it_points_to(
        self, db: str, tmp_path: Path
    ) -> None:
        real = tmp_path / "real.jsonl"
        real.write_text("old\n")
        link = tmp_path / "link.jsonl"
        link.symlink_to(real)

        done = run("export", "--db", db, "-o", str(link))

        assert done.returncode == 0, done.stderr
        assert link.is_symlink()
        assert len(real.read_text(encoding="utf-8").splitlines()) == 16

    def test_a_byte_order_mark_is_not_part_of_the_document(self, tmp_path: Path) -> None:
        marked = tmp_path / "case.json"
        marked.write_bytes(b"\xef\xbb\xbf" + to_json(design_firm()).encode())

        done = run("validate", str(marked))

        assert done.returncode == 0, done.stdout
        assert "valid, 1 relationship(s)" in done.stdout
