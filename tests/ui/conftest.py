"""Fixtures of the wizard tests."""

import pytest

from tests.ui.wizard_helpers import new_store


@pytest.fixture
def report(tmp_path):
    """A fresh database with one report: ``(store, report_id)``, closed afterwards."""
    store, report_id = new_store(tmp_path)
    yield store, report_id
    store.close()
