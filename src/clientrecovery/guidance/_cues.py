"""The cues of every check and credit, in report order (see ``_words`` for their shape)."""

from __future__ import annotations

from clientrecovery.guidance import _blame, _credits, _ego, _emotion, _generalities
from clientrecovery.guidance._words import Cue

__all__ = ["CREDIT_CUES", "CUES", "Cue"]

CUES: tuple[Cue, ...] = (*_blame.CUES, *_ego.CUES, *_emotion.CUES, *_generalities.CUES)
"""The checks' cues, in report order."""

CREDIT_CUES: tuple[Cue, ...] = _credits.CUES
"""The credits' cues."""
