"""A PDF or a value that could not be written is said in Vietnamese words, naming the
file the officer chose: never the system's English, never the temporary file."""

import sqlite3

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.province.sample import sample_bundle
from cchc_desktop.units import communes
from tests.ui.wizard_helpers import new_store, open_wizard
from ui.province.report_dialog import ReceivedReportDialog
from ui.qt import QMessageBox
from ui.wizard.session import _saving

MISSING_FOLDER = "không tìm thấy thư mục chứa tệp (có thể USB đã bị rút)."


def _record(monkeypatch) -> list[str]:
    said: list[str] = []
    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text: said.append(text))
    return said


def test_a_draft_pdf_that_cannot_be_written_names_the_chosen_file(qtbot, tmp_path, monkeypatch):
    store, report_id = new_store(tmp_path)
    wizard = open_wizard(qtbot, store, report_id)
    wizard.go_to_page(wizard.page_count() - 1)
    export = wizard.pdf_export
    target = tmp_path / "USB đã rút" / "nháp.pdf"
    monkeypatch.setattr(export, "ask_path", lambda title, start: target)
    said = _record(monkeypatch)
    export.buttons["draft"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said == [f"Không ghi được tệp «{target}»: {MISSING_FOLDER}"]


def test_a_received_report_that_cannot_be_printed_names_the_chosen_file(
    qtbot, tmp_path, monkeypatch
):
    catalogue = load_catalogue()
    bundle = sample_bundle(next(iter(communes("04"))), "2026-Q1", catalogue)
    dialog = ReceivedReportDialog(bundle, catalogue)
    qtbot.addWidget(dialog)
    target = tmp_path / "USB đã rút" / "bao-cao.pdf"
    said = _record(monkeypatch)
    dialog.print_to(target)
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert said == [f"Không ghi được tệp «{target}»: {MISSING_FOLDER}"]
    assert not dialog.print_button.text().startswith("Đã in")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (sqlite3.OperationalError("database is locked"), ": tệp dữ liệu đang bận"),
        (sqlite3.OperationalError("database or disk is full"), ": ổ đĩa đã đầy"),
        (OSError(28, "No space left on device"), ": ổ đĩa đã đầy"),
        (LookupError("report 7"), ". Hãy thử lại"),
        (sqlite3.OperationalError("no such table: values"), ". Hãy thử lại"),
    ],
)
def test_a_value_that_cannot_be_saved_is_said_in_words(error, words):
    with pytest.raises(ValueError) as raised, _saving():
        raise error
    said = str(raised.value)
    assert said.startswith(f"Chưa lưu được vào tệp dữ liệu{words}")
    assert said.endswith("hãy đóng rồi mở lại chương trình.")
    assert str(error) not in said
