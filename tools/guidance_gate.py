"""Write the guidance review's gate table (``src/clientrecovery/guidance/_gate.json``).

For every shipped cue, the table holds how ``clientrecovery.guidance._gate.Index`` files it:
its pieces and the words each needs (``_gate.plan``), under a digest of the cue's pattern
and ``requires``. Working that out parses about a thousand regular expressions, most of a
second that every process importing the review would otherwise spend. A cue missing from
the table (one just edited) is worked out at import instead, with the same result; a test
checks that the shipped table is exactly what this tool writes.

    python tools/guidance_gate.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from clientrecovery.guidance._cues import CREDIT_CUES, CUES
from clientrecovery.guidance._gate import digest, encode, plan

OUT = Path(__file__).resolve().parent.parent / "src" / "clientrecovery" / "guidance" / "_gate.json"


def table() -> dict[str, list[Any]]:
    """The plans of the shipped cues, by digest."""
    found: dict[str, list[Any]] = {}
    for cue in (*CUES, *CREDIT_CUES):
        requires = None if cue.requires is None else cue.requires.pattern
        found[digest(cue.source, requires)] = encode(plan(cue.source, requires))
    return dict(sorted(found.items()))


def text() -> str:
    """The table as the file holds it."""
    return json.dumps(table(), separators=(",", ":"), sort_keys=True) + "\n"


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)")
