""" "Gửi báo cáo (USB)": the dialog offers sticks, writes the bundle (and the PDF) off the UI
thread, records the export and says exactly what it wrote where."""

import datetime as dt
import errno
from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc_desktop.bundle import read_bundle
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.demo import create_demo_report
from cchc_desktop.model import Unit
from cchc_desktop.store import ExportState, Store
from ui.bundle_export import (
    BUTTON_TEXT,
    BundleExportDialog,
    Volume,
    add_bundle_button,
    looks_removable,
    sent_words,
    size_words,
)
from ui.qt import QHBoxLayout, QPushButton, QWidget


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "t.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "USB KINGSTON"
    folder.mkdir()
    return folder


def open_dialog(qtbot, monkeypatch, store: Store, report_id: int, volumes: list[Volume]):
    monkeypatch.setattr(BundleExportDialog, "volumes", lambda self: volumes)
    dialog = BundleExportDialog(store, report_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_bundle_and_pdf_are_written_on_the_stick(qtbot, monkeypatch, store, stick):
    report_id = create_demo_report(store)
    dialog = open_dialog(
        qtbot, monkeypatch, store, report_id, [Volume(stick, "KINGSTON", 3 * 1024**3)]
    )
    assert dialog.places.count() == 1
    assert "KINGSTON" in dialog.places.item(0).text()
    assert "còn trống 3,0 GB" in dialog.places.item(0).text()
    assert dialog.write_button.isEnabled()
    dialog.with_pdf.setChecked(True)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or dialog.failure is not None, timeout=30000)
    assert dialog.failure is None
    written = dialog.written
    bundle_path = stick / "11074_Xa-Tu-Ky_2026-Q1_r001.cchc.json"
    pdf_path = stick / "11074_Xa-Tu-Ky_2026-Q1_r001_du-thao.pdf"
    assert (written.bundle, written.pdf) == (bundle_path, pdf_path)
    assert read_bundle(bundle_path, store.catalogue).unit_code == "11074"
    assert "DỰ THẢO" in PdfReader(pdf_path).pages[0].extract_text()
    text = dialog.message.text()
    assert "lần gửi 1" in text and str(bundle_path) in text and str(pdf_path) in text
    assert dialog.open_button.isVisible()
    assert store.export_state(report_id).revision == 1
    assert sorted(p.name for p in stick.iterdir()) == [bundle_path.name, pdf_path.name]


def test_another_folder_can_be_chosen(qtbot, monkeypatch, store, tmp_path):
    report_id = create_demo_report(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [])
    assert "Chưa xuất lần nào" in dialog.intro.text()
    assert not dialog.write_button.isEnabled()
    assert "Chưa thấy USB nào" in dialog.message.text()
    other = tmp_path / "Gửi tỉnh"
    other.mkdir()
    monkeypatch.setattr(dialog, "ask_folder", lambda: other)
    dialog.other_button.click()
    assert dialog.chosen_folder() == other
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    assert dialog.written.bundle.parent == other and dialog.written.pdf is None
    assert "Lần gửi gần nhất: số 1, gói lập lúc" in dialog.intro.text()  # said at once
    first = dialog.intro.text()
    dialog.write_button.click()  # again, unchanged: the same revision, said so
    qtbot.waitUntil(lambda: "không đổi" in dialog.message.text(), timeout=30000)
    assert [p.name for p in other.iterdir()] == ["11074_Xa-Tu-Ky_2026-Q1_r001.cchc.json"]
    assert dialog.intro.text() == first  # a revision number, not a count of writes
    store.set_value(report_id, "tthc.ho_so.dang_giai_quyet", 5)
    dialog.written = None
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    assert "Lần gửi gần nhất: số 2," in dialog.intro.text()


def test_the_last_send_is_worded_as_a_revision_and_a_time():
    assert sent_words(ExportState(0, None, None)) == "Chưa xuất lần nào"
    made = dt.datetime(2026, 4, 15, 9, 30).astimezone()
    assert (
        sent_words(ExportState(2, "h", made))
        == "Lần gửi gần nhất: số 2, gói lập lúc 09:30 15/04/2026"
    )


def final_with_errors(store: Store) -> int:
    """A final report with a wrong figure (four rules fail) and no signer."""
    report_id = create_demo_report(store)
    store.set_value(report_id, "tthc.ho_so.da_giai_quyet", 1)
    store.set_header_field(report_id, "signer", {})
    store.set_status(report_id, "final")
    return report_id


def test_a_final_copy_with_errors_sends_the_bundle_without_the_pdf(
    qtbot, monkeypatch, store, stick
):
    report_id = final_with_errors(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    note = dialog.pdf_note.text()
    assert "chưa in được bản chính thức" in note
    # The same counts as the refused final copy says: errors and missing entries apart.
    assert "còn 4 lỗi, 1 mục còn thiếu:" in note and "02" not in note
    assert not dialog.with_pdf.isEnabled() and not dialog.with_pdf.isChecked()
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or dialog.failure is not None, timeout=30000)
    assert dialog.failure is None and dialog.written.pdf is None
    assert [p.name for p in stick.iterdir()] == ["11074_Xa-Tu-Ky_2026-Q1_r001.cchc.json"]
    assert store.export_state(report_id).revision == 1
    assert not dialog.with_pdf.isEnabled()  # still off once the write is done


def test_a_refused_pdf_never_keeps_the_bundle_from_the_stick(qtbot, monkeypatch, store, stick):
    report_id = final_with_errors(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    dialog._pdf_refused = False  # as if the box had been left on: the PDF is refused
    dialog.with_pdf.setEnabled(True)
    dialog.with_pdf.setChecked(True)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or dialog.failure is not None, timeout=30000)
    assert dialog.failure is None and dialog.written.pdf is None
    text = dialog.message.text()
    assert "Đã ghi gói dữ liệu lần gửi 1" in text
    assert "Không ghi kèm tệp PDF. Chưa in được bản chính thức: báo cáo còn 4 lỗi, 1 mục" in text
    assert [p.name for p in stick.iterdir()] == ["11074_Xa-Tu-Ky_2026-Q1_r001.cchc.json"]
    assert store.export_state(report_id).revision == 1


def test_a_pdf_that_cannot_be_written_is_explained_after_the_bundle(
    qtbot, monkeypatch, store, stick
):
    from cchc_desktop import pdf as pdf_module

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(args[2]))

    monkeypatch.setattr(pdf_module, "render_report_pdf", full)
    report_id = create_demo_report(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    dialog.with_pdf.setChecked(True)
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or dialog.failure is not None, timeout=30000)
    assert dialog.failure is None
    text = dialog.message.text()
    pdf = stick / "11074_Xa-Tu-Ky_2026-Q1_r001_du-thao.pdf"
    assert "Đã ghi gói dữ liệu lần gửi 1" in text
    assert f"Không ghi được tệp «{pdf}»: ổ đĩa đã đầy" in text and "No space" not in text
    assert store.export_state(report_id).revision == 1


def test_the_report_is_loaded_and_checked_once(qtbot, monkeypatch, store, stick):
    from ui import bundle_export

    report_id = create_demo_report(store)
    loads: list[int] = []
    checks: list[int] = []
    real_load, real_check = Store.load, bundle_export.check_report
    monkeypatch.setattr(Store, "load", lambda self, i: loads.append(i) or real_load(self, i))
    monkeypatch.setattr(
        bundle_export, "check_report", lambda *a: checks.append(1) or real_check(*a)
    )
    from cchc_desktop.bundle import export as export_module

    monkeypatch.setattr(export_module, "check_report", lambda *a: checks.append(1) or [])
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None or dialog.failure is not None, timeout=30000)
    assert dialog.failure is None
    assert loads == [report_id] and checks == [1]  # the report (its previous: none here)


def test_a_failed_write_is_explained(qtbot, monkeypatch, store, stick):
    report_id = create_demo_report(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    stick.rmdir()  # the stick was pulled after the dialog listed it
    dialog.write_button.click()
    qtbot.waitUntil(lambda: dialog.failure is not None, timeout=30000)
    assert "Không tìm thấy thư mục" in dialog.message.text()
    assert store.export_state(report_id).revision == 0


def test_a_failed_pdf_write_is_explained_in_vietnamese(qtbot, monkeypatch, store, stick):
    report_id = create_demo_report(store)
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    pdf = stick / "bao-cao.pdf"
    full = OSError(errno.ENOSPC, "No space left on device", str(pdf))  # as write_atomically
    dialog.on_write_failed(full)
    text = dialog.message.text()
    assert text == f"Chưa ghi được: Không ghi được tệp «{pdf}»: ổ đĩa đã đầy, không đủ chỗ ghi tệp."
    assert "No space" not in text and ".tmp" not in text
    assert "Chưa xuất lần nào" in dialog.intro.text()


def test_a_report_without_unit_code_cannot_be_sent(qtbot, monkeypatch, store, stick):
    report_id = store.create_report(Unit(name="Xã Cũ"), "2022-Q3")
    dialog = open_dialog(qtbot, monkeypatch, store, report_id, [Volume(stick, "USB", None)])
    assert "không có mã đơn vị chính thức" in dialog.message.text()
    assert not dialog.write_button.isEnabled()


def test_the_button_goes_before_the_bar_stretch(qtbot, store):
    report_id = create_demo_report(store)
    parent = QWidget()
    qtbot.addWidget(parent)
    bar = QHBoxLayout(parent)
    bar.addWidget(QPushButton("PDF", parent))
    bar.addStretch(1)
    button = add_bundle_button(store, report_id, bar, parent)
    assert button.text() == BUTTON_TEXT
    assert bar.itemAt(1).widget() is button and bar.itemAt(2).spacerItem() is not None


@pytest.mark.parametrize(
    ("root", "platform", "expected"),
    [
        ("/media/hoa/KINGSTON", "linux", True),
        ("/run/media/hoa/USB", "linux", True),
        ("/", "linux", False),
        ("/home", "linux", False),
        ("E:/", "win32", True),
        ("C:/", "win32", False),
        ("/Volumes/USB", "darwin", True),
        ("/", "darwin", False),
    ],
)
def test_removable_volumes_are_recognised(root, platform, expected):
    assert looks_removable(root, platform, system_drive="C:") is expected


def test_sizes_read_the_vietnamese_way():
    assert size_words(3435973836) == "3,2 GB"
    assert size_words(5 * 1024**2) == "5,0 MB"
    assert size_words(12) == "12 byte"
