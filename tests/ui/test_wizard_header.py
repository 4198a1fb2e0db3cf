"""The header page: document fields, signer, recipients, tables and the data window."""

import datetime as dt

import pytest

from tests.ui.wizard_helpers import focused, new_store, open_wizard
from ui.qt import Qt
from ui.wizard.marks import Mark


@pytest.fixture
def report(tmp_path):
    store, report_id = new_store(tmp_path)
    yield store, report_id
    store.close()


def _type_line(qtbot, wizard, key, text):
    wizard.focus_field(key)
    focused().selectAll()
    qtbot.keyClicks(focused(), text)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)


def test_the_header_opens_on_a_blank_number_and_the_commune_s_place(qtbot, report):
    wizard = open_wizard(qtbot, *report)
    page = wizard.header_page
    assert wizard.current_page_index() == 0
    assert focused() is page.number
    assert page.number.text() == "" and page.date.text() == ""
    assert page.place.text() == "Tứ Kỳ"
    assert (page.data_window.start.text(), page.data_window.end.text()) == (
        "15/12/2025",
        "14/03/2026",
    )


def test_header_fields_are_saved_and_a_bad_date_is_explained(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    page = wizard.header_page
    _type_line(qtbot, wizard, "header.number", "05/BC-UBND")
    _type_line(qtbot, wizard, "header.date", "31/02/2026")
    assert page.problems["date"].isVisible()
    assert "Ngày ban hành" in page.problems["date"].text()
    _type_line(qtbot, wizard, "header.date", "10/03/2026")
    assert not page.problems["date"].isVisible()
    header = store.load(report_id).header
    assert header.number == "05/BC-UBND"
    assert header.date == dt.date(2026, 3, 10)


def test_signer_recipients_and_citations(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    page = wizard.header_page
    page.authority.setCurrentIndex(1)  # KT. Chủ tịch
    assert page.signer_title.text() == "PHÓ CHỦ TỊCH"
    page.signer_name.setFocus()
    qtbot.keyClicks(page.signer_name, "Nguyen Van A")
    qtbot.keyClick(page.signer_name, Qt.Key.Key_Tab)
    page.recipients.setFocus()
    qtbot.keyClicks(page.recipients, "So Noi vu;")
    qtbot.keyClick(page.recipients, Qt.Key.Key_Return)
    qtbot.keyClicks(page.recipients, "Luu: VT, VP.")
    qtbot.keyClick(page.recipients, Qt.Key.Key_Tab)
    page.citations.add_row()
    table = page.citations.table
    for column, text in enumerate(["Kế hoạch", "05/KH-UBND", "17/01/2022", "UBND xã", "CCHC"]):
        table.item(0, column).setText(text)
    header = store.load(report_id).header
    assert (header.signer.authority, header.signer.title) == ("KT", "PHÓ CHỦ TỊCH")
    assert header.signer.name == "Nguyen Van A"
    assert header.recipients == ["So Noi vu;", "Luu: VT, VP."]
    assert header.citations[0].text() == (
        "Kế hoạch số 05/KH-UBND ngày 17/01/2022 của UBND xã về CCHC"
    )
    table.item(0, 2).setText("32/01/2022")
    assert page.problems["citations"].isVisible()
    assert "dòng 1" in page.problems["citations"].text()
    assert store.load(report_id).header.citations[0].date == dt.date(2022, 1, 17)
    page.preamble.setPlainText("Thực hiện Kế hoạch số 05/KH-UBND")
    page.preamble.flush()
    wizard.save_pending()
    assert wizard.side.mark(0) == Mark.COMPLETE


def test_the_data_window_can_be_changed_and_reset(qtbot, report):
    store, report_id = report
    wizard = open_wizard(qtbot, store, report_id)
    page = wizard.header_page
    _type_line(qtbot, wizard, "window", "10/12/2025")
    assert store.load(report_id).window_from == dt.date(2025, 12, 10)
    page.data_window.end.setFocus()
    page.data_window.end.selectAll()
    qtbot.keyClicks(page.data_window.end, "01/12/2025")
    qtbot.keyClick(page.data_window.end, Qt.Key.Key_Tab)
    assert "phải trước ngày kết thúc" in page.problems["window"].text()
    assert store.load(report_id).window_to == dt.date(2026, 3, 14)
    qtbot.mouseClick(page.data_window.official, Qt.MouseButton.LeftButton)
    report_now = store.load(report_id)
    assert (report_now.window_from, report_now.window_to) == (
        dt.date(2025, 12, 15),
        dt.date(2026, 3, 14),
    )
    assert page.data_window.end.text() == "14/03/2026"
    assert not page.problems["window"].isVisible()


def test_a_header_field_is_kept_as_the_store_reads_it_back_without_reloading(report, monkeypatch):
    from cchc_desktop.store import Store
    from ui.wizard.session import ReportSession

    store, report_id = report
    session = ReportSession(store, report_id)
    loads: list[int] = []
    real = Store.load
    monkeypatch.setattr(Store, "load", lambda self, i: loads.append(i) or real(self, i))
    edits = [
        ("number", "  12/BC-UBND "),
        ("date", "15/04/2026"),
        ("place", "Tứ Kỳ"),
        ("addressee", "Sở Nội vụ"),
        ("signer", {"title": "CHỦ TỊCH", "name": "Nguyễn Văn A"}),
        ("recipients", ["Sở Nội vụ;", "Lưu: VT."]),
        ("number", ""),  # back to blank: the store removes the row
        ("signer", {}),
    ]
    for name, value in edits:
        session.set_header_field(name, value)
        monkeypatch.setattr(Store, "load", real)
        assert session.header == store.load(report_id).header, name
        monkeypatch.setattr(Store, "load", lambda self, i: loads.append(i) or real(self, i))
    assert loads == []
