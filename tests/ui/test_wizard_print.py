"""Printing from "Kiểm tra và xuất": the draft is written off the UI thread; the final
copy is refused while errors remain and written once they are fixed."""

from pypdf import PdfReader

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import create_demo_report
from cchc_desktop.status import ReportStatus
from cchc_desktop.store import Store
from tests.ui.wizard_helpers import new_store, open_wizard
from ui.qt import QMessageBox
from ui.wizard.wizard import BACK_TO_DRAFT_NOTICE, FINAL_NOTICE


def _last_page(qtbot, wizard):
    wizard.go_to_page(wizard.page_count() - 1)
    return wizard.pdf_export


def test_save_draft_writes_a_pdf_with_the_report(qtbot, tmp_path, monkeypatch):
    store = Store.open(tmp_path / "demo.sqlite3", load_catalogue())
    report_id = create_demo_report(store)
    wizard = open_wizard(qtbot, store, report_id)
    export = _last_page(qtbot, wizard)
    target = tmp_path / "nháp.pdf"
    monkeypatch.setattr(export, "ask_path", lambda title, start: target)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    export.buttons["draft"].click()
    qtbot.waitUntil(lambda: target.exists() and export.buttons["draft"].isEnabled(), timeout=20000)
    text = PdfReader(target).pages[0].extract_text()
    assert "DỰ THẢO" in text and "BÁO CÁO" in text


def test_final_copy_is_refused_with_the_errors_listed(qtbot, tmp_path, monkeypatch):
    store, report_id = new_store(tmp_path)
    store.set_value(report_id, "tthc.ho_so.tiep_nhan", 1730)
    store.set_value(report_id, "tthc.ho_so.da_giai_quyet", 1553)
    store.set_value(report_id, "tthc.ho_so.dang_giai_quyet", 176)
    wizard = open_wizard(qtbot, store, report_id)
    export = _last_page(qtbot, wizard)
    target = tmp_path / "chính thức.pdf"
    warnings: list[str] = []
    monkeypatch.setattr(export, "ask_path", lambda title, start: target)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    export.buttons["final"].click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "Chưa in được bản chính thức" in warnings[0]
    assert "1.729" in warnings[0]
    assert not target.exists()


def test_saving_the_final_copy_marks_the_report_final_until_it_is_edited(
    qtbot, tmp_path, monkeypatch
):
    store = Store.open(tmp_path / "demo.sqlite3", load_catalogue())
    report_id = create_demo_report(store)
    wizard = open_wizard(qtbot, store, report_id)
    assert not wizard.status_notice.isVisible()
    export = _last_page(qtbot, wizard)
    target = tmp_path / "chính thức.pdf"
    said: list[str] = []
    monkeypatch.setattr(export, "ask_path", lambda title, start: target)

    def answer(parent, title, text, *rest):
        said.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    export.buttons["final"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert target.exists()
    assert "«Chính thức»" in said[0]
    assert store.status(report_id) == ReportStatus.FINAL
    assert wizard.status_notice.isVisible() and wizard.status_notice.text() == FINAL_NOTICE

    wizard.focus_field("header.signer")  # the signer's name, typed as the clerk types it
    name = wizard.header_page.signer_name
    name.setFocus()
    name.end(False)
    name.insert(" Ánh")
    name.flush()
    qtbot.waitUntil(lambda: store.status(report_id) == ReportStatus.DRAFT)
    assert wizard.status_notice.text() == BACK_TO_DRAFT_NOTICE  # said, not asked
    assert store.load(report_id).header.signer.name.endswith("Ánh")
    wizard.undo()
    assert store.status(report_id) == ReportStatus.FINAL
    assert wizard.status_notice.text() == FINAL_NOTICE


def test_final_copy_refused_while_the_header_lacks_the_signer(qtbot, tmp_path, monkeypatch):
    store = Store.open(tmp_path / "demo.sqlite3", load_catalogue())
    report_id = create_demo_report(store)
    store.set_header_field(report_id, "signer", {"authority": "TM", "name": ""})
    wizard = open_wizard(qtbot, store, report_id)
    export = _last_page(qtbot, wizard)
    assert "1 mục còn thiếu" in wizard.findings_page.summary.text()
    target = tmp_path / "x.pdf"
    warnings: list[str] = []
    monkeypatch.setattr(export, "ask_path", lambda title, start: target)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    export.buttons["final"].click()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "1 mục còn thiếu" in warnings[0] and "người ký" in warnings[0]
    assert not target.exists()
    assert store.status(report_id) == ReportStatus.DRAFT
