"""The new report dialog: unit from the official list (or typed), period, window; store errors."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.model import Unit
from cchc_desktop.store import Store
from cchc_desktop.units import commune
from ui.new_report_dialog import NewReportDialog
from ui.qt import QDate, QListWidget, Qt
from ui.start_screen import StartScreen

TU_KY = Unit.from_official(commune("11074"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cchc.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


@pytest.fixture
def screen(qtbot, store: Store) -> StartScreen:
    widget = StartScreen(store)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def open_dialog(qtbot, screen: StartScreen) -> NewReportDialog:
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert isinstance(dialog, NewReportDialog) and dialog.isVisible()
    return dialog


def click_item(qtbot, results: QListWidget, text: str) -> None:
    matches = results.findItems(text, Qt.MatchFlag.MatchStartsWith)
    assert matches, [results.item(i).text() for i in range(results.count())]
    rect = results.visualItemRect(matches[0])
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_period(dialog: NewReportDialog, kind: str, year: int) -> None:
    picker = dialog.period_picker
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData(kind))
    picker.year_spin.setValue(year)


def pick_tu_ky_q1_2026(qtbot, dialog: NewReportDialog) -> None:
    qtbot.keyClicks(dialog.unit_picker.search_edit, "tu ky")
    click_item(qtbot, dialog.unit_picker.results, "Xã Tứ Kỳ")
    choose_period(dialog, "Q1", 2026)


def test_create_from_the_start_screen(qtbot, screen: StartScreen, store: Store) -> None:
    assert screen.empty_hint.isVisibleTo(screen)
    dialog = open_dialog(qtbot, screen)
    pick_tu_ky_q1_2026(qtbot, dialog)
    assert "ỦY BAN NHÂN DÂN XÃ TỨ KỲ" in dialog.summary_label.text()
    with qtbot.waitSignal(screen.open_requested) as opened:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    [summary] = store.list_reports()
    assert (summary.unit_code, summary.unit_name, summary.period) == (
        "11074",
        "Xã Tứ Kỳ",
        "2026-Q1",
    )
    assert opened.args == [summary.id]
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 0).text() == "Xã Tứ Kỳ"
    assert screen.table.item(0, 1).text() == "Quý I năm 2026"
    assert screen.selected_id() == summary.id
    assert not screen.empty_hint.isVisibleTo(screen)
    report = store.load(summary.id)
    assert report.unit.issuing_body == "ỦY BAN NHÂN DÂN XÃ TỨ KỲ"
    assert report.unit.parent_body == "UBND THÀNH PHỐ HẢI PHÒNG"


def test_search_ignores_accents(qtbot, screen: StartScreen) -> None:
    picker = open_dialog(qtbot, screen).unit_picker
    picker.province_combo.setCurrentIndex(picker.province_combo.findData("31"))
    qtbot.keyClicks(picker.search_edit, "phuong")
    texts = [picker.results.item(i).text() for i in range(picker.results.count())]
    assert texts and all("phường" in t.lower() or "phượng" in t.lower() for t in texts)
    assert any(t.startswith("Phường ") for t in texts)
    picker.search_edit.clear()
    qtbot.keyClicks(picker.search_edit, "khong co xa nao nhu the")
    assert picker.results.count() == 0
    assert "Không tìm thấy" in picker.count_label.text()


def test_enter_in_the_search_box_moves_to_the_list(qtbot, screen: StartScreen) -> None:
    dialog = open_dialog(qtbot, screen)
    qtbot.keyClicks(dialog.unit_picker.search_edit, "tu ky")
    qtbot.keyClick(dialog.unit_picker.search_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter chose the commune, it did not submit the dialog
    assert dialog.unit_picker.official_code() == "11074"


def test_window_is_prefilled_and_can_be_changed(qtbot, screen: StartScreen, store: Store) -> None:
    dialog = open_dialog(qtbot, screen)
    pick_tu_ky_q1_2026(qtbot, dialog)
    picker = dialog.period_picker
    assert picker.from_edit.date() == QDate(2025, 12, 15)
    assert picker.to_edit.date() == QDate(2026, 3, 14)
    assert picker.from_edit.displayFormat() == "dd/MM/yyyy"
    choose_period(dialog, "Q2", 2026)
    assert picker.from_edit.date() == QDate(2026, 3, 15)
    choose_period(dialog, "Q1", 2026)
    picker.from_edit.setFocus()
    picker.from_edit.setSelectedSection(picker.from_edit.Section.DaySection)
    qtbot.keyClicks(picker.from_edit, "01")
    assert picker.from_edit.date() == QDate(2025, 12, 1)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    report = store.load(store.list_reports()[0].id)
    assert (report.window_from, report.window_to) == (dt.date(2025, 12, 1), dt.date(2026, 3, 14))


def test_window_ending_before_it_starts_is_refused(qtbot, screen: StartScreen, store) -> None:
    dialog = open_dialog(qtbot, screen)
    pick_tu_ky_q1_2026(qtbot, dialog)
    dialog.period_picker.to_edit.setDate(QDate(2025, 12, 1))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "phải trước ngày kết thúc" in dialog.error_label.text()
    assert store.list_reports() == []


def test_last_unit_is_remembered(qtbot, screen: StartScreen, store: Store) -> None:
    dialog = open_dialog(qtbot, screen)
    pick_tu_ky_q1_2026(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert store.setting("last_unit") == "11074"

    again = open_dialog(qtbot, screen)
    assert again is not dialog
    assert again.unit_picker.official_code() == "11074"
    assert again.unit_picker.province_combo.currentText() == "Thành phố Hải Phòng"
    choose_period(again, "Q2", 2026)
    qtbot.mouseClick(again.create_button, Qt.MouseButton.LeftButton)
    assert [s.period for s in store.list_reports()] == ["2026-Q1", "2026-Q2"]


def test_second_report_for_the_same_period_is_refused_inline(
    qtbot, screen: StartScreen, store: Store
) -> None:
    store.create_report(TU_KY, "2026-Q1")
    screen.reload()
    dialog = open_dialog(qtbot, screen)
    pick_tu_ky_q1_2026(qtbot, dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "Đã có báo cáo quý I năm 2026 của Xã Tứ Kỳ" in dialog.error_label.text()
    assert len(store.list_reports()) == 1
    choose_period(dialog, "Q2", 2026)
    assert not dialog.error_label.isVisible()  # a new choice clears the old refusal


def test_nothing_picked_is_explained(qtbot, screen: StartScreen, store: Store) -> None:
    dialog = open_dialog(qtbot, screen)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "Hãy chọn xã, phường" in dialog.error_label.text()
    assert store.list_reports() == []


def test_historical_unit_typed_as_free_text(qtbot, screen: StartScreen, store: Store) -> None:
    dialog = open_dialog(qtbot, screen)
    picker = dialog.unit_picker
    qtbot.mouseClick(picker.historical_check, Qt.MouseButton.LeftButton)
    assert picker.historical_check.isChecked()
    picker.name_edit.insert("Xã Phượng Kỳ")  # Vietnamese arrives as IME text, not key codes
    picker.parent_edit.insert("UBND huyện Tứ Kỳ")
    choose_period(dialog, "9M", 2023)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    [summary] = store.list_reports()
    report = store.load(summary.id)
    assert report.unit.code is None and report.unit.name == "Xã Phượng Kỳ"
    assert report.unit.parent_body == "UBND HUYỆN TỨ KỲ"
    assert report.unit.issuing_body == "ỦY BAN NHÂN DÂN XÃ PHƯỢNG KỲ"
    assert report.period == "2023-9M"
    assert store.setting("last_unit") is None


def test_ad_hoc_needs_a_title_and_gets_its_own_number(
    qtbot, screen: StartScreen, store: Store
) -> None:
    dialog = open_dialog(qtbot, screen)
    qtbot.keyClicks(dialog.unit_picker.search_edit, "tu ky")
    click_item(qtbot, dialog.unit_picker.results, "Xã Tứ Kỳ")
    choose_period(dialog, "AH", 2026)
    assert dialog.period_picker.title_edit.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "Báo cáo đột xuất cần có tên" in dialog.error_label.text()
    dialog.period_picker.title_edit.insert("phục vụ Đoàn kiểm tra CCHC")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    second = open_dialog(qtbot, screen)
    choose_period(second, "AH", 2026)
    second.period_picker.title_edit.insert("theo yêu cầu của Sở Nội vụ")
    qtbot.mouseClick(second.create_button, Qt.MouseButton.LeftButton)
    found = {s.period: s.period_title for s in store.list_reports()}
    assert found == {
        "2026-AH1": "phục vụ Đoàn kiểm tra CCHC",
        "2026-AH2": "theo yêu cầu của Sở Nội vụ",
    }
    report = store.load(store.list_reports()[0].id)
    assert report.window_from == dt.date(2026, 1, 1)
