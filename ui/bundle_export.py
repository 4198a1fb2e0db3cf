""" "Gửi báo cáo (USB)": write the report's bundle (and its PDF) onto a stick for the province.

The dialog offers the removable drives it sees and any other folder. The bundle
is prepared on the UI thread (the store belongs to it: load, check, revision);
the files are written off it through ``ui.tasks``; the export is recorded in the
store back on the UI thread once the files are written and verified. The dialog
then says exactly which files were written where.
"""

import os
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cchc_desktop.bundle import (
    FILE_SUFFIX,
    BundleError,
    PreparedBundle,
    prepare_bundle,
    write_bundle_file,
)
from cchc_desktop.checks import Finding, Kinds, check_report, counts_text
from cchc_desktop.model import Report, ReportStatus
from cchc_desktop.os_words import os_error_words, write_failed_words
from cchc_desktop.store import ExportState, Store
from cchc_desktop.vnformat import format_number
from ui.qt import (
    QCheckBox,
    QDesktopServices,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStorageInfo,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from ui.tasks import Cancelled, Progress, run_task

TITLE = "Gửi báo cáo (USB)"
BUTTON_TEXT = "Xuất gói dữ liệu (USB)…"
_FOLDER_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Volume:
    """A place the dialog offers: a removable drive, or a folder the clerk chose."""

    path: Path
    name: str
    free_bytes: int | None

    def label(self) -> str:
        free = "" if self.free_bytes is None else f" — còn trống {size_words(self.free_bytes)}"
        return f"{self.name} ({self.path}){free}"


def size_words(count: int) -> str:
    """``3435973836`` → ``3,2 GB`` (decimal comma, as the clerk reads numbers)."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= scale:
            return f"{format_number(Decimal(count) / scale, 1)} {unit}"
    return f"{count} byte"


def looks_removable(root: str, platform: str = sys.platform, system_drive: str = "") -> bool:
    """Whether a mounted volume is worth offering as a USB stick.

    Linux mounts sticks under ``/media`` or ``/run/media``, macOS under
    ``/Volumes``; on Windows every drive letter but the system drive is offered
    (Qt cannot tell a stick from a second disk there, and both are fine targets).
    """
    normal = root.replace("\\", "/").rstrip("/")
    if platform.startswith("win"):
        system = (system_drive or os.environ.get("SYSTEMDRIVE", "C:")).rstrip("\\/").upper()
        return len(normal) == 2 and normal[1] == ":" and normal.upper() != system
    if platform == "darwin":
        return normal.startswith("/Volumes/")
    return normal.startswith(("/media/", "/run/media/"))


def removable_volumes() -> list[Volume]:
    """The mounted, writable volumes that look like USB sticks."""
    found: list[Volume] = []
    for storage in QStorageInfo.mountedVolumes():
        if not (storage.isValid() and storage.isReady()) or storage.isReadOnly():
            continue
        root = storage.rootPath()
        if not looks_removable(root):
            continue
        name = storage.displayName() or storage.name() or root
        found.append(Volume(Path(root), name, storage.bytesAvailable()))
    return found


def sent_words(state: ExportState) -> str:
    """``Lần gửi gần nhất: số 2, gói lập lúc 09:30 15/04/2026``, or ``Chưa xuất lần nào``.

    The number is the revision the province receives, not a count of writes: an
    unchanged report written again is the same revision, made at the same time.
    """
    if not state.revision:
        return "Chưa xuất lần nào"
    words = f"Lần gửi gần nhất: số {state.revision}"
    if state.exported_at is None:
        return words
    return f"{words}, gói lập lúc {state.exported_at.astimezone():%H:%M %d/%m/%Y}"


def pdf_name(prepared: PreparedBundle, final: bool) -> str:
    """``11074_Xa-Tu-Ky_2026-Q1_r003_du-thao.pdf``: beside the bundle, same stem."""
    stem = prepared.file_name.removesuffix(FILE_SUFFIX)
    return f"{stem}_{'chinh-thuc' if final else 'du-thao'}.pdf"


@dataclass(frozen=True)
class Written:
    """What the task wrote (full paths), for the message and the tests."""

    bundle: Path
    pdf: Path | None
    prepared: PreparedBundle
    pdf_failure: str | None = None  # why the PDF asked for was not written (a sentence)


class BundleExportDialog(QDialog):
    """Choose a stick or a folder, write the bundle (and the PDF), say what was written."""

    def __init__(self, store: Store, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.store = store
        self.report_id = report_id
        self.written: Written | None = None
        self.failure: str | None = None
        self._busy = False
        self._checked_at: tuple[int, ReportStatus] | None = None
        report, findings = self._checked_report()
        self._final = report.status == ReportStatus.FINAL
        kinds = Kinds(store.catalogue)
        blocking = counts_text(kinds(f) for f in findings if f.blocking)
        # A final copy with blocking findings cannot be printed: the box is off, the
        # bundle (which carries the findings) is still sent.
        self._pdf_refused = self._final and bool(blocking)
        layout = QVBoxLayout(self)
        self._subject = f"{report.period_title} của {report.unit.name}"
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self._show_intro()
        layout.addWidget(self.intro)
        self.places = QListWidget(self)
        layout.addWidget(self.places)
        row = QHBoxLayout()
        self.refresh_button = QPushButton("Tìm lại USB", self)
        self.refresh_button.clicked.connect(self.on_refresh_clicked)
        self.other_button = QPushButton("Chọn thư mục khác…", self)
        self.other_button.clicked.connect(self.on_other_folder_clicked)
        row.addWidget(self.refresh_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        layout.addLayout(row)
        copy = "bản chính thức" if self._final else "bản nháp"
        self.with_pdf = QCheckBox(f"Ghi kèm tệp PDF ({copy}) bên cạnh gói dữ liệu", self)
        layout.addWidget(self.with_pdf)
        self.pdf_note = QLabel(self)
        self.pdf_note.setWordWrap(True)
        if self._pdf_refused:
            self.with_pdf.setChecked(False)
            self.with_pdf.setEnabled(False)
            self.pdf_note.setText(
                f"Báo cáo ở trạng thái chính thức nhưng còn {blocking}: chưa in được bản "
                "chính thức nên không ghi kèm tệp PDF; gói dữ liệu vẫn ghi được. Sửa lỗi và "
                "nhập đủ các mục còn thiếu để có tệp PDF."
            )
        self.pdf_note.setVisible(bool(self.pdf_note.text()))
        layout.addWidget(self.pdf_note)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(self)
        self.write_button = self.buttons.addButton("Ghi", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(
            "Mở thư mục", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        self.write_button.clicked.connect(self.on_write_clicked)
        self.open_button.clicked.connect(self.on_open_folder_clicked)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.places.currentItemChanged.connect(lambda *_: self._update_buttons())
        if not report.unit.code:
            self._say(
                f"Báo cáo của «{report.unit.name}» không có mã đơn vị chính thức nên không tạo "
                "được gói dữ liệu gửi tỉnh (tỉnh nhận báo cáo theo mã xã, phường)."
            )
            self.places.setEnabled(False)
            self.other_button.setEnabled(False)
            self.refresh_button.setEnabled(False)
            self.with_pdf.setEnabled(False)
            self._blocked = True
        else:
            self._blocked = False
        self.on_refresh_clicked()
        self.resize(560, 400)

    def _checked_report(self) -> tuple[Report, list[Finding]]:
        """The report and its findings against the previous period, loaded and checked
        again only when its content or status changed since (the dialog is modal:
        writing records the export, it does not edit the report)."""
        now = (self.store.edit_point(self.report_id), self.store.status(self.report_id))
        if now != self._checked_at:
            report = self.store.load(self.report_id)
            previous = self.store.previous_report(self.report_id)
            self._checked = (report, check_report(self.store.catalogue, report, previous))
            self._checked_at = now
        return self._checked

    def _show_intro(self) -> None:
        """What is sent and the last send, read from the store (again after each write)."""
        self.intro.setText(
            f"Gói dữ liệu báo cáo {self._subject} để gửi Sở Nội vụ. "
            f"{sent_words(self.store.export_state(self.report_id))}.\n"
            "Chọn USB hoặc thư mục sẽ ghi:"
        )

    # -- places ----------------------------------------------------------------------

    def volumes(self) -> list[Volume]:
        """The sticks to offer (tests replace this)."""
        return removable_volumes()

    def ask_folder(self) -> Path | None:
        """Ask for another folder (tests replace this)."""
        chosen = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi gói dữ liệu")
        return Path(chosen) if chosen else None

    def on_refresh_clicked(self) -> None:
        chosen = self.chosen_folder()
        self.places.clear()
        for volume in self.volumes():
            self._add_place(volume)
        if chosen is not None:
            self.select_folder(chosen)
        elif self.places.count():
            self.places.setCurrentRow(0)
        if not self.places.count() and not self._blocked:
            self._say("Chưa thấy USB nào. Cắm USB rồi bấm «Tìm lại USB», hoặc chọn thư mục khác.")
        self._update_buttons()

    def on_other_folder_clicked(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.select_folder(folder)

    def select_folder(self, folder: Path) -> None:
        """Select ``folder`` in the list, adding it when it is not a stick already listed."""
        for index in range(self.places.count()):
            if Path(self.places.item(index).data(_FOLDER_ROLE)) == folder:
                self.places.setCurrentRow(index)
                return
        self._add_place(Volume(folder, "Thư mục", None))
        self.places.setCurrentRow(self.places.count() - 1)
        self._say("")

    def _add_place(self, volume: Volume) -> None:
        item = QListWidgetItem(volume.label())
        item.setData(_FOLDER_ROLE, str(volume.path))
        self.places.addItem(item)

    def chosen_folder(self) -> Path | None:
        item = self.places.currentItem()
        return None if item is None else Path(item.data(_FOLDER_ROLE))

    # -- writing ---------------------------------------------------------------------

    def on_write_clicked(self) -> None:
        folder = self.chosen_folder()
        if folder is None or self._blocked:
            return
        report, findings = self._checked_report()
        try:
            prepared = prepare_bundle(self.store, self.report_id, report=report, findings=findings)
        except BundleError as error:
            self._say(error.reason)
            return
        catalogue = self.store.catalogue
        final = self._final
        with_pdf = self.with_pdf.isChecked() and not self._pdf_refused

        def work(progress: Progress, cancelled: Cancelled) -> Written:
            # The bundle first: whatever becomes of the PDF, the province gets the data.
            progress(0, 2 if with_pdf else 1, "Đang ghi gói dữ liệu…")
            bundle = write_bundle_file(prepared.bundle, folder)
            if not with_pdf:
                return Written(bundle, None, prepared)
            from cchc_desktop.pdf import FinalCopyRefused, render_report_pdf  # slow to load

            progress(1, 2, "Đang tạo tệp PDF…")
            pdf = folder / pdf_name(prepared, final)
            try:
                render_report_pdf(report, catalogue, pdf, final=final, findings=findings)
            except FinalCopyRefused as refused:
                return Written(bundle, None, prepared, f"Không ghi kèm tệp PDF. {refused}")
            except OSError as error:
                return Written(bundle, None, prepared, write_failed_words(pdf, error))
            return Written(bundle, pdf, prepared)

        self.written = None
        self.failure = None
        self._say("")
        self._set_busy(True)
        run_task(
            work,
            parent=self,
            label="Đang ghi gói dữ liệu…",
            on_success=self.on_written,
            on_failure=self.on_write_failed,
        ).finished.connect(lambda: self._set_busy(False))

    def on_written(self, written: Written) -> None:
        written.prepared.record(self.store)
        self.written = written
        revision = written.prepared.bundle.revision
        note = "" if written.prepared.changed else " (báo cáo không đổi từ lần xuất trước)"
        lines = [f"Đã ghi gói dữ liệu lần gửi {revision}{note}:", str(written.bundle)]
        if written.pdf is not None:
            lines += ["và tệp PDF:", str(written.pdf)]
        if written.pdf_failure is not None:
            lines.append(written.pdf_failure)
        lines.append(
            "Đợi vài giây rồi dùng «Tháo thiết bị an toàn» (Safely Remove) trước khi rút USB."
        )
        self._say("\n".join(lines))
        self._show_intro()
        self.open_button.setVisible(True)

    def on_write_failed(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None) or str(error)
        if isinstance(error, OSError) and not isinstance(error, BundleError):
            # the PDF (the bundle fails as ExportError): write_atomically names the file
            if error.filename:
                reason = write_failed_words(error.filename, error)
            else:
                reason = f"Không ghi được tệp PDF: {os_error_words(error, writing=True)}"
        self.failure = f"Chưa ghi được: {reason}"
        self._say(self.failure)

    def on_open_folder_clicked(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.bundle.parent)))

    def reject(self) -> None:
        """Not while writing: the task reports back to this dialog."""
        if not self._busy:
            super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.places, self.other_button, self.refresh_button):
            widget.setEnabled(not busy and not self._blocked)
        self.with_pdf.setEnabled(not busy and not self._blocked and not self._pdf_refused)
        self.write_button.setEnabled(not busy and self._can_write())

    def _can_write(self) -> bool:
        return not self._blocked and self.chosen_folder() is not None

    def _update_buttons(self) -> None:
        self.write_button.setEnabled(self._can_write())

    def _say(self, text: str) -> None:
        self.message.setText(text)


def add_bundle_button(
    store: Store, report_id: int, bar: QHBoxLayout, parent: QWidget
) -> QPushButton:
    """Put "Xuất gói dữ liệu (USB)…" in an export bar (before its trailing stretch)."""
    button = QPushButton(BUTTON_TEXT, parent)

    def on_clicked() -> None:
        dialog = BundleExportDialog(store, report_id, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    button.clicked.connect(on_clicked)
    last = bar.itemAt(bar.count() - 1) if bar.count() else None
    if last is not None and last.spacerItem() is not None:
        bar.insertWidget(bar.count() - 1, button)
    else:
        bar.addWidget(button)
    return button
