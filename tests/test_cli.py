"""The ``clientrecovery`` command, through a real subprocess each time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clientrecovery import Policy, Relationship, SQLiteStore, Stage, to_json
from clientrecovery.examples import design_firm, masterclass, turnaround
from clientrecovery.stages import mermaid
from tests.builders import at, plan_for, planning


def run(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLIENTRECOVERY_DB"}
    return subprocess.run(
        [sys.executable, "-m", "clientrecovery", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
        input=stdin,
        env=env,
    )


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
        assert "meet_client refused: 1 rule broken" in out
        assert "[ALIGN_FIRST]" in out
        assert out.count("What next?") == 2
        assert "stage       RECOVERED" in out
        assert "rebuilds an equal relationship: True" in out
        assert "15 case(s) added, 15 in all" in out
        with SQLiteStore(where / "clientrecovery.db", create=False) as store:
            assert store.load("halden-foods") == masterclass()
            assert len(store.list()) == 15

    def test_running_the_demo_again_adds_nothing(self, tmp_path: Path) -> None:
        first = run("demo", "--db", str(tmp_path / "d.db"))
        again = run("demo", "--db", str(tmp_path / "d.db"))

        assert first.returncode == again.returncode == 0
        assert "0 case(s) added, 15 in all" in again.stdout


class TestReading:
    def test_list_shows_every_case_and_filters_by_stage(self, db: str) -> None:
        everything = run("list", "--db", db)
        lost = run("--db", db, "list", "--stage", "lost", "--json")

        assert everything.returncode == 0
        assert "halden-foods" in everything.stdout
        assert "15 relationship(s)" in everything.stdout
        rows = json.loads(lost.stdout)
        assert "brightwater-health" in [row["id"] for row in rows]
        assert {row["stage"] for row in rows} == {"lost"}

    def test_show_gives_stage_issues_commitments_next_and_findings(self, db: str) -> None:
        done = run("show", "halden-foods", "--db", db)

        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("halden-foods: Halden Foods — RECOVERED, 35 events")
        assert "I1 resolved" in done.stdout
        assert "C1 fulfilled client: continue the project" in done.stdout
        assert "none, the relationship is RECOVERED" in done.stdout

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
        assert data["stage"] == "RECOVERING"
        rules = {f["rule"] for f in data["findings"]}
        assert {"FOLLOW_UP_CADENCE", "COMMUNICATE_OFTEN"} <= rules
        assert any(a["command"] == "close" and not a["ready"] for a in data["next_actions"])
        early = run("show", cut.id, "--db", str(path), "--as-of", "2026-05-01T00:00+00:00")
        assert "before the last event" in early.stdout

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
        assert {row["relationship"] for row in rows} <= open_ids

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
        assert "nope.json: not found" in done.stdout

    def test_validate_without_files_checks_the_store(self, db: str) -> None:
        done = run("validate", "--db", db)

        assert done.returncode == 0
        assert "valid, 15 relationship(s)" in done.stdout

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

    def test_an_unreadable_policy_file_is_a_usage_error(self, tmp_path: Path) -> None:
        bad = tmp_path / "policy.json"
        bad.write_text('{"min_days_before_plan": "soon"}')
        done = run("validate", "--policy", str(bad))
        assert done.returncode == 2
        assert "expected an integer" in done.stderr
        assert "Traceback" not in done.stderr

    def test_export_then_import_into_a_new_store(self, db: str, tmp_path: Path) -> None:
        exported = tmp_path / "all.jsonl"
        out = run("export", "--db", db, "-o", str(exported))
        target = str(tmp_path / "copy.db")

        into = run("import", str(exported), "--db", target)

        assert out.returncode == 0
        assert "exported 15 relationship(s)" in out.stderr
        assert into.returncode == 0, into.stderr
        assert "15 relationship(s) added or extended" in into.stdout
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
        assert "15 relationship(s)" in done.stdout
