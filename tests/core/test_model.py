"""The report model validates at the boundary and stores text as NFC."""

import subprocess
import sys
import unicodedata
from datetime import date

import pytest

from cchc_desktop import units
from cchc_desktop.model import Citation, Header, Unit, validate_header_field


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_text_typed_or_pasted_as_nfd_is_stored_as_nfc():
    header = Header.model_validate({"place": nfd("Phượng Kỳ"), "recipients": [nfd("Sở Nội vụ;")]})
    assert header.place == "Phượng Kỳ"
    assert unicodedata.is_normalized("NFC", header.recipients[0])


def test_official_unit_fills_the_header_bodies():
    unit = Unit.from_official(units.commune("11074"))
    assert unit.code == "11074"
    assert unit.parent_body == "UBND THÀNH PHỐ HẢI PHÒNG"


def test_historical_unit_may_be_free_text():
    unit = Unit(name="Xã Phượng Kỳ", parent_body="UBND HUYỆN TỨ KỲ")
    assert unit.code is None


def test_dates_are_accepted_as_clerks_write_them():
    assert validate_header_field("date", "05/01/2026") == date(2026, 1, 5)
    assert validate_header_field("date", "2026-01-05") == date(2026, 1, 5)
    assert validate_header_field("date", "") is None


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("date", "31/02/2026", "Ngày ban hành"),
        ("date", "hôm qua", "dd/mm/yyyy"),
        ("signer", {"authority": "XX"}, "Người ký"),
        ("citations", [{"number": "05/KH-UBND"}], "Văn bản trích dẫn"),
        ("unknown", "x", "Không có trường"),
    ],
)
def test_bad_header_values_get_a_vietnamese_message_naming_the_field(name, value, words):
    with pytest.raises(ValueError, match=words):
        validate_header_field(name, value)


def test_a_citation_reads_as_the_reports_write_it():
    citation = Citation(
        kind="Kế hoạch",
        number="05/KH-UBND",
        date=date(2022, 1, 17),
        issuer="Ủy ban nhân dân thị xã Ngã Năm",
        summary="thực hiện công tác cải cách hành chính năm 2022",
    )
    assert citation.text() == (
        "Kế hoạch số 05/KH-UBND ngày 17/01/2022 của Ủy ban nhân dân thị xã Ngã Năm "
        "về thực hiện công tác cải cách hành chính năm 2022"
    )


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, cchc_desktop, cchc_desktop.catalogue, cchc_desktop.model, "
        "cchc_desktop.units, cchc_desktop.periods, cchc_desktop.vnformat\n"
        "import pkgutil, importlib\n"
        "for m in pkgutil.walk_packages(cchc_desktop.__path__, 'cchc_desktop.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
