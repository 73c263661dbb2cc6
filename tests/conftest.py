"""Shared test configuration: hypothesis profiles.

Two profiles are registered:

- ``ci``: derandomized, 200 examples a property, no deadline; the default, so that a plain
  ``pytest`` run is quick and gives the same result every time.
- ``dev``: 2,000 random examples a property, for a deeper search before a release.

``CI`` set in the environment always selects ``ci``; otherwise ``HYPOTHESIS_PROFILE`` picks
one (``HYPOTHESIS_PROFILE=dev pytest``).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, max_examples=200, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=2000, deadline=None)

if os.environ.get("CI"):
    settings.load_profile("ci")
else:
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
