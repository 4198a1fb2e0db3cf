"""Fixtures of the store tests: the small store catalogue and a fresh store over it.

A test module that needs another ``catalogue`` or ``store`` defines its own, which wins."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import Catalogue
from cchc_desktop.store import Store
from tests.core.store_helpers import make_catalogue


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    return make_catalogue(tmp_path)


@pytest.fixture
def store(tmp_path: Path, catalogue: Catalogue) -> Iterator[Store]:
    with Store.open(tmp_path / "cchc.sqlite3", catalogue) as opened:
        yield opened
