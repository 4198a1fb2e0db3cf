"""Shared test set-up: headless Qt for every test that needs it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
