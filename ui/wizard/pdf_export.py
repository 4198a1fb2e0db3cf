"""The print buttons of "Kiểm tra và xuất": preview, save the draft, save the final copy.

The report is read from the store on the UI thread (fast); ReportLab renders it
off the UI thread through ``ui.tasks``, and the result is announced back here.
A final copy written marks the report final (``Store.mark_final``, for the
content it was printed from) and says so through ``status_changed``.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from cchc_desktop.checks import FindingKind, Kinds
from cchc_desktop.os_words import write_failed_words
from cchc_desktop.status import ReportStatus, status_word
from cchc_desktop.store import Store
from cchc_desktop.units import fold
from ui.qt import (
    QDesktopServices,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QObject,
    QPushButton,
    QUrl,
    QWidget,
    Signal,
)
from ui.tasks import run_task


def suggested_name(unit_name: str, period: str, final: bool) -> str:
    """``bao-cao-cchc-xa-tu-ky-2026-Q1-du-thao.pdf``: sorts, readable, no accents."""
    unit = "-".join(fold(unit_name).split())
    return f"bao-cao-cchc-{unit}-{period}-{'chinh-thuc' if final else 'du-thao'}.pdf"


class PdfExport(QObject):
    """Owns the three buttons and the rendering task of one report."""

    status_changed = Signal(object)  # ReportStatus, after a final copy was written

    def __init__(self, store: Store, report_id: int, bar: QHBoxLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.parent_widget = parent
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("preview", "Xem trước bản nháp", self.on_preview_clicked),
            ("draft", "Lưu bản nháp (PDF)…", self.on_save_draft_clicked),
            ("final", "Lưu bản chính thức (PDF)…", self.on_save_final_clicked),
        ):
            button = QPushButton(text, parent)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)

    def on_preview_clicked(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="cchc-xem-truoc-"))
        report = self.store.load(self.report_id)
        target = folder / suggested_name(report.unit.name, report.period, final=False)
        self.render(target, final=False, then=self.open_file)

    def on_save_draft_clicked(self) -> None:
        self.save(final=False)

    def on_save_final_clicked(self) -> None:
        self.save(final=True)

    def save(self, final: bool) -> None:
        report = self.store.load(self.report_id)
        title = "Lưu bản chính thức" if final else "Lưu bản nháp"
        start = Path.home() / suggested_name(report.unit.name, report.period, final)
        chosen = self.ask_path(title, start)
        if chosen is not None:
            if final:
                printed_at = self.store.edit_point(self.report_id)  # the content rendered
                self.render(chosen, final=True, then=lambda p: self.final_saved(p, printed_at))
            else:
                self.render(chosen, final=False, then=self.announce_saved)

    def final_saved(self, path: Path, printed_at: int) -> None:
        """The final copy is written: the report is final (unless edited meanwhile)."""
        status = self.store.mark_final(self.report_id, printed_at)
        self.status_changed.emit(status)
        if status == ReportStatus.FINAL:
            note = f"Báo cáo đã chuyển sang trạng thái «{status_word(status)}»."
        else:
            note = "Báo cáo đã được sửa trong lúc in nên vẫn là bản nháp."
        self.announce_saved(path, note)

    def ask_path(self, title: str, start: Path) -> Path | None:
        """Ask where to save (tests replace this)."""
        name, _ = QFileDialog.getSaveFileName(
            self.parent_widget, title, str(start), "Tệp PDF (*.pdf)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def render(self, target: Path, *, final: bool, then: Callable[[Path], None]) -> None:
        """Render off the UI thread; ``then(target)`` runs on the UI thread when written."""
        from cchc_desktop.pdf import render_report_pdf

        report = self.store.load(self.report_id)
        previous = self.store.previous_report(self.report_id)
        catalogue = self.store.catalogue

        def work(progress: object, cancelled: object) -> Path:
            render_report_pdf(report, catalogue, target, final=final, previous=previous)
            return target

        for button in self.buttons.values():
            button.setEnabled(False)
        run_task(
            work,
            parent=self.parent_widget,
            label="Đang tạo tệp PDF…",
            on_success=then,
            on_failure=lambda error: self.announce_failure(error, target),
        ).finished.connect(self.enable_buttons)

    def enable_buttons(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def announce_saved(self, path: Path, note: str = "") -> None:
        noted = f"\n{note}" if note else ""
        answer = QMessageBox.question(
            self.parent_widget,
            "Đã lưu tệp PDF",
            f"Đã lưu báo cáo vào:\n{path}{noted}\n\nMở thư mục chứa tệp?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def announce_failure(self, error: BaseException, target: Path | None = None) -> None:
        """Why the PDF was not written: for a system error, in words and naming ``target``
        (the file the officer chose, not the temporary one written first)."""
        if isinstance(error, OSError):
            where = target or error.filename or ""
            lines = [write_failed_words(where, error)]
        else:
            lines = [str(error)]
        errors = getattr(error, "errors", None) or []
        kinds = Kinds(self.store.catalogue)  # the wrong figures first, then what is missing
        errors = sorted(errors, key=lambda f: kinds(f) != FindingKind.ERROR)
        lines += [f"• {finding.message}" for finding in errors[:15]]
        if len(errors) > 15:
            lines.append(f"… và {len(errors) - 15} mục khác.")
        QMessageBox.warning(self.parent_widget, "Không tạo được tệp PDF", "\n".join(lines))
