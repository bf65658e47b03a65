"""Hypothesis profiles.

``ci`` (the default, what ``make test`` runs) is a gate: enough examples to mean something,
derived from each test's own name (``derandomize``), so every run of a commit tries the same
ones and a commit passes or fails by itself, never by luck of the draw.

``dev`` explores: fresh random examples on every run, and many more of them. Run it with
``make explore`` (or ``HYPOTHESIS_PROFILE=dev pytest``) after changing a model, a rule or a
reader; a failure it finds is shrunk and printed with the decorator that replays it, and
belongs in the suite as an example.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
