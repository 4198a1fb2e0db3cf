"""«Tổng hợp»: the province view imports bundles, lists who reported, opens and exports."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop.bundle import bundle_bytes
from cchc_desktop.catalogue import Catalogue, load_catalogue
from cchc_desktop.province.sample import sample_bundle, write_sample_bundles
from cchc_desktop.units import commune, communes, provinces
from ui.province import ProvinceView
from ui.province.report_dialog import PAGES, ReceivedReportDialog
from ui.province.tables import BUNDLE_ROLE, COMMUNE_COLUMNS, RED
from ui.qt import Qt, QTableWidget

CAO_BANG = list(communes("04"))
STATE = COMMUNE_COLUMNS.index("Tình trạng")
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="module")
def usb(tmp_path_factory, catalogue) -> Path:
    folder = tmp_path_factory.mktemp("usb")
    write_sample_bundles(folder / "xa", CAO_BANG[:3], "2026-Q1", catalogue)
    write_sample_bundles(folder / "khac", [commune("11074")], "2026-Q1", catalogue)
    (folder / "hong.json").write_text("không phải gói dữ liệu", encoding="utf-8")
    return folder


def make_view(qtbot, catalogue, path: Path) -> ProvinceView:
    view = ProvinceView(catalogue, path)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    return view


@pytest.fixture
def view(qtbot, catalogue, tmp_path) -> Iterator[ProvinceView]:
    shown = make_view(qtbot, catalogue, tmp_path / "tinh.sqlite3")
    yield shown
    shown.close_database()


def import_and_wait(qtbot, view: ProvinceView, paths: list[Path]) -> None:
    view.result_dialog = None
    view.import_paths(paths)
    qtbot.waitUntil(lambda: view.result_dialog is not None, timeout=WAIT_MS)


def states(table: QTableWidget) -> list[str]:
    return [table.item(row, STATE).text() for row in range(table.rowCount())]


def row_of(table: QTableWidget, code: str) -> int:
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == code:
            return row
    raise AssertionError(f"{code} not listed")


def test_an_empty_database_lists_every_commune_as_missing(view):
    assert view.province_box.count() == len(provinces()) == 34
    view.select("04", "2026-Q1")
    assert view.communes.rowCount() == len(CAO_BANG)
    assert set(states(view.communes)) == {"Chưa báo cáo"}
    assert view.communes.item(0, STATE).foreground().color() == RED
    assert view.totals.rowCount() == 0
    assert not view.conflicts_button.isEnabled()
    assert f"Đã báo cáo 0/{len(CAO_BANG)}" in view.counts.text()


def test_importing_a_folder_shows_the_result_and_the_province_that_arrived(qtbot, view, usb):
    view.select("01", "2026-Q1")
    import_and_wait(qtbot, view, [usb])
    dialog = view.result_dialog
    assert dialog.counts.text() == "Đã nhập 4 tệp, bỏ qua 0, từ chối 1, xung đột 0."
    assert dialog.listing.item(0).text().startswith("Từ chối — Tệp «hong.json»: ")
    assert dialog.listing.count() == 5
    assert view.province_code() == "04" and view.period() == "2026-Q1"  # most files were for 04
    reported = [row for row, text in enumerate(states(view.communes)) if text == "Đã báo cáo"]
    assert len(reported) == 3
    assert view.totals.rowCount() > 50
    assert view.csv_button.isEnabled() and view.pdf_button.isEnabled()
    dialog.close()


def test_a_commune_s_report_opens_read_only_with_its_findings(qtbot, view, usb, tmp_path):
    import_and_wait(qtbot, view, [usb / "xa"])
    view.result_dialog.close()
    row = row_of(view.communes, CAO_BANG[0].code)
    view.on_commune_double_clicked(row, 1)
    dialog = view.report_dialog
    assert isinstance(dialog, ReceivedReportDialog)
    assert [dialog.side.item(n).text() for n in range(dialog.side.count())] == PAGES
    figures = dialog.figures
    labels = [figures.item(r, 0).text() for r in range(figures.rowCount()) if figures.item(r, 0)]
    assert "Tổng số hồ sơ tiếp nhận" in labels
    assert any(label.endswith("(tính toán)") for label in labels)  # rates derived again
    assert "Tổ hỗ trợ dịch vụ công trực tuyến" in dialog.texts.toPlainText()
    assert dialog.texts.isReadOnly()
    assert dialog.findings_list.count() >= 1
    assert CAO_BANG[0].name in dialog.windowTitle() and "chỉ xem" in dialog.windowTitle()
    pdf = tmp_path / dialog.pdf_name()
    dialog.print_to(pdf)
    qtbot.waitUntil(lambda: dialog.print_button.text().startswith("Đã in"), timeout=WAIT_MS)
    assert pdf.read_bytes().startswith(b"%PDF")
    dialog.close()
    missing = row_of(view.communes, CAO_BANG[10].code)
    assert view.communes.item(missing, 0).data(BUNDLE_ROLE) is None
    view.on_commune_double_clicked(missing, 1)
    assert "chưa gửi báo cáo" in view.message.text()


def test_the_missing_filter_and_the_exports(qtbot, view, usb, tmp_path):
    import_and_wait(qtbot, view, [usb / "xa"])
    view.result_dialog.close()
    view.missing_only.setChecked(True)
    assert view.communes.rowCount() == len(CAO_BANG) - 3
    assert set(states(view.communes)) == {"Chưa báo cáo"}
    view.missing_only.setChecked(False)
    csv_path = tmp_path / "tong-hop.csv"
    view.write_csv(csv_path)
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbfSTT,")
    assert "Đã ghi bảng tổng hợp" in view.message.text()
    pdf_path = tmp_path / "tong-hop.pdf"
    view.write_pdf(pdf_path)
    qtbot.waitUntil(lambda: "Đã in bảng tổng hợp" in view.message.text(), timeout=WAIT_MS)
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert view.export_name("csv") == "tong-hop_04_2026-Q1.csv"


def test_a_conflict_is_shown_and_settled_in_its_dialog(qtbot, view, catalogue, tmp_path):
    first = sample_bundle(CAO_BANG[0], "2026-Q1", catalogue, scale=1)
    second = sample_bundle(CAO_BANG[0], "2026-Q1", catalogue, scale=2)
    (tmp_path / "a.json").write_bytes(bundle_bytes(first))
    (tmp_path / "b.json").write_bytes(bundle_bytes(second))
    import_and_wait(qtbot, view, [tmp_path / "a.json", tmp_path / "b.json"])
    assert view.result_dialog.counts.text().endswith("xung đột 1.")
    view.result_dialog.close()
    assert view.conflicts_button.isEnabled() and view.conflicts_button.text() == "Xung đột (1)…"
    row = row_of(view.communes, CAO_BANG[0].code)
    assert view.communes.item(row, STATE).text() == "Xung đột"
    view.on_conflicts_clicked()
    dialog = view.conflicts_dialog
    assert "«a.json»" in dialog.first.text() and "đang dùng" in dialog.first.text()
    assert "lập lúc " in dialog.first.text() and "chính thức, 0 lỗi" in dialog.first.text()
    assert "«b.json»" in dialog.second.text() and "đang dùng" not in dialog.second.text()
    differences = dialog.differences.text()
    assert "Khác nhau (" in differences and differences.count(" — bản nhận sau ") == 8
    label = catalogue.indicator("chi_dao.ke_hoach.tong").label
    assert f"{label}: bản nhận trước " in differences and "chỗ khác nữa" in differences
    questions: list[str] = []
    dialog.confirm = lambda question: questions.append(question) or True
    dialog.choose(other=True)
    assert "«b.json»" in questions[0]
    assert dialog.listing.item(0).text() == "Không còn xung đột nào trong kỳ này."
    assert not view.conflicts_button.isEnabled()
    row = row_of(view.communes, CAO_BANG[0].code)
    assert view.communes.item(row, STATE).text() == "Đã báo cáo"
    assert view.communes.item(row, COMMUNE_COLUMNS.index("Tệp")).text() == "b.json"
    dialog.close()


def test_the_province_and_period_are_remembered(qtbot, catalogue, tmp_path):
    path = tmp_path / "tinh.sqlite3"
    first = make_view(qtbot, catalogue, path)
    first.select("04", "2025-Y")
    first.close_database()
    again = make_view(qtbot, catalogue, path)
    assert (again.province_code(), again.period()) == ("04", "2025-Y")
    again.close_database()


def test_the_period_box_names_periods_in_words_and_keeps_their_codes(view):
    box = view.period_box
    labels = [box.itemText(n) for n in range(box.count())]
    codes = [box.itemData(n) for n in range(box.count())]
    assert "Quý I năm 2026" in labels and "6 tháng đầu năm 2026" in labels
    assert "Năm 2025" in labels and "9 tháng năm 2026" in labels
    assert not [label for label in labels if "-Q" in label or label.startswith("20")]
    assert labels[codes.index("2026-Q1")] == "Quý I năm 2026"
    view.select("04", "2026-Q2")
    assert box.currentText() == "Quý II năm 2026" and view.period() == "2026-Q2"
    assert "quý II năm 2026" in view.counts.text()
    box.setEditText("2026-q3")  # a code typed by hand is read, then shown in words
    view.reload()
    assert view.period() == "2026-Q3" and box.currentText() == "Quý III năm 2026"
    view.select("04", "2019-AH1")  # not offered: added
    assert box.currentText() == "Đột xuất năm 2019 (AH1)" and view.period() == "2019-AH1"
    assert box.count() == len(labels) + 1


def test_a_wrong_period_is_said_not_shown(view):
    view.period_box.setCurrentText("2026-Q7")
    view.reload()
    assert "Kỳ báo cáo «2026-Q7» không hợp lệ" in view.message.text()


def test_the_back_button_asks_to_close(qtbot, view):
    with qtbot.waitSignal(view.close_requested, timeout=WAIT_MS):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)


def test_with_nothing_remembered_the_view_opens_on_the_last_import(qtbot, catalogue, tmp_path):
    from cchc_desktop.province import ProvinceDatabase, import_paths

    path = tmp_path / "tinh.sqlite3"
    hai_phong = list(communes("31"))[:2]
    write_sample_bundles(tmp_path / "usb", hai_phong, "2026-Q1", catalogue)
    with ProvinceDatabase.open(path) as db:  # imported from the command line, say
        import_paths(db, [tmp_path / "usb"], catalogue)
    view = make_view(qtbot, catalogue, path)
    assert (view.province_code(), view.period()) == ("31", "2026-Q1")
    assert len(view.summary.reported) == 2
    view.close_database()


def test_the_totals_say_the_unit_once_and_how_many_communes(qtbot, view, usb):
    from ui.province.tables import TOTAL_COLUMNS

    import_and_wait(qtbot, view, [usb / "xa"])
    view.result_dialog.close()
    assert TOTAL_COLUMNS[3] == "Số đơn vị có số liệu"
    cells = {
        view.totals.item(r, 0).text(): r
        for r in range(view.totals.rowCount())
        if view.totals.item(r, 1) is not None
    }
    row = cells["Tỷ lệ hồ sơ được số hóa"]
    value, unit = view.totals.item(row, 1).text(), view.totals.item(row, 2).text()
    assert unit == "%" and not value.endswith("%")  # not «100%» then «%»
    assert view.totals.item(row, 3).text() == "3"
    assert "Tỷ lệ tính trên 3 đơn vị có đủ số liệu" in view.totals.item(row, 1).toolTip()
    assert "tính từ tổng số liệu của các đơn vị có đủ" in view.rate_note.text()


def test_a_file_that_cannot_be_written_is_said_in_vietnamese(qtbot, view, usb, tmp_path):
    import_and_wait(qtbot, view, [usb / "xa"])
    view.result_dialog.close()
    chosen = tmp_path / "khong-co" / "tong-hop.csv"
    view.write_csv(chosen)
    message = view.message.text()
    assert message == (
        f"Không ghi được tệp «{chosen}»: không tìm thấy thư mục chứa tệp (có thể USB đã bị rút)."
    )
    pdf = tmp_path / "khong-co" / "tong-hop.pdf"
    view.write_pdf(pdf)
    qtbot.waitUntil(lambda: "tong-hop.pdf" in view.message.text(), timeout=WAIT_MS)
    message = view.message.text()
    assert message.startswith(f"Không ghi được tệp «{pdf}»: không tìm thấy thư mục")
    assert ".part" not in message and "Errno" not in message
