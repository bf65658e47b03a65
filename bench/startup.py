"""How long a fresh process takes to import clientrecovery and to run the command line.

Each figure is a whole process, started the way a user or a script starts it, timed against
a peer in *paired runs*: every round runs the subject and its peer back to back (in
alternating order), so a busy machine slows both alike, and the ratio of each pair is kept.
Prints the median time of each, the median ratio and its spread (the middle half of the
ratios), and the target the ratio is held to:

- ``import clientrecovery`` against ``import attrs, cattrs, dateutil`` (its dependencies
  as a whole process): at most 1.3x;
- ``clientrecovery --help`` and ``clientrecovery list`` on the demo store against
  ``python -c pass``: at most 3x;
- for information, ``import clientrecovery.guidance`` (the review: its cues, and the
  gate table worked out ahead, ``tools/guidance_gate.py``) against the dependencies, and
  ``clientrecovery show`` of an ended demo case (which reviews its texts) against
  ``python -c pass``;
- for information, ``from clientrecovery import Relationship`` (the model itself),
  ``from clientrecovery import SQLiteStore`` (the store and serialization, whose codec is
  generated on first use) and a first ``to_json`` (which generates it) against the
  dependencies.

Bytecode is written and warmed once before timing, as an installed package has it.

Run: ``python bench/startup.py [rounds]`` (or ``make bench``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
SCRIPT = str(Path(PYTHON).with_name("clientrecovery"))
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR")}


def once(command: list[str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def paired(
    label: str, subject: list[str], peer: list[str], rounds: int, cwd: str, target: float | None
) -> float:
    for command in (subject, peer):  # compile and cache, then time
        once(command, cwd)
    mine: list[float] = []
    theirs: list[float] = []
    for n in range(rounds):
        if n % 2:
            theirs.append(once(peer, cwd))
            mine.append(once(subject, cwd))
        else:
            mine.append(once(subject, cwd))
            theirs.append(once(peer, cwd))
    ratios = sorted(a / b for a, b in zip(mine, theirs, strict=True))
    ratio = statistics.median(ratios)
    low, high = ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4]
    verdict = "" if target is None else (" ok" if ratio <= target else " OVER")
    goal = "" if target is None else f" (target <= {target}x){verdict}"
    print(
        f"  {label:38} {statistics.median(mine) * 1e3:6.1f} ms vs"
        f" {statistics.median(theirs) * 1e3:6.1f} ms: {ratio:4.2f}x"
        f" [{low:4.2f}-{high:4.2f}]{goal}"
    )
    return ratio


def main(rounds: int) -> None:
    deps = [PYTHON, "-c", "import attrs, cattrs, dateutil"]
    bare = [PYTHON, "-c", "pass"]
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [PYTHON, "-c", "from clientrecovery.demo import populate; populate()"],
            cwd=folder,
            env=ENV,
            check=True,
        )
        print(f"whole processes, {rounds} paired rounds each (median ratio [middle half]):")
        figures = [
            paired(
                "import clientrecovery",
                [PYTHON, "-c", "import clientrecovery"],
                deps,
                rounds,
                folder,
                1.3,
            ),
            paired("clientrecovery --help", [SCRIPT, "--help"], bare, rounds, folder, 3.0),
            paired("clientrecovery list (demo store)", [SCRIPT, "list"], bare, rounds, folder, 3.0),
        ]
        paired(
            "import clientrecovery.guidance",
            [PYTHON, "-c", "import clientrecovery.guidance"],
            deps,
            rounds,
            folder,
            None,
        )
        paired(
            "clientrecovery show (ended demo case)",
            [SCRIPT, "show", "brightwater-health"],
            bare,
            rounds,
            folder,
            None,
        )
        paired(
            "from clientrecovery import Relationship",
            [PYTHON, "-c", "from clientrecovery import Relationship"],
            deps,
            rounds,
            folder,
            None,
        )
        paired(
            "from clientrecovery import SQLiteStore",
            [PYTHON, "-c", "from clientrecovery import SQLiteStore"],
            deps,
            rounds,
            folder,
            None,
        )
        paired(
            "import, then a first to_json",
            [
                PYTHON,
                "-c",
                "from clientrecovery import to_json; from clientrecovery.examples import"
                " design_firm; to_json(design_firm())",
            ],
            deps,
            rounds,
            folder,
            None,
        )
    if any(ratio > target for ratio, target in zip(figures, (1.3, 3.0, 3.0), strict=True)):
        print("  (a ratio is over its target)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
