"""A small catalogue and units for the store tests (independent of the shipped catalogue).

The catalogue is tests/fixtures/catalogues/store.toml."""

from pathlib import Path

from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.units import commune
from tests.fixtures import catalogue_text

CATALOGUE_TOML = catalogue_text("store")

TU_KY = Unit.from_official(commune("11074"))
KY_SON = Unit.from_official(commune("04894"))
# A historical unit typed as free text, as in the 2021–2023 reference reports.
PHUONG_KY = Unit(
    name="Xã Phượng Kỳ",
    parent_body="UBND HUYỆN TỨ KỲ",
    issuing_body="ỦY BAN NHÂN DÂN XÃ PHƯỢNG KỲ",
)


def write_catalogue(folder: Path) -> Path:
    path = folder / "thu-kho.toml"
    path.write_text(CATALOGUE_TOML, encoding="utf-8")
    return path


def make_catalogue(folder: Path) -> Catalogue:
    return load_catalogue(write_catalogue(folder))
