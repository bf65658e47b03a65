"""Hypothesis profiles: ``ci`` (the default) runs enough examples to mean something;
``dev`` runs many more. Choose with ``HYPOTHESIS_PROFILE=dev pytest``."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
