"""«Về chương trình»: version, catalogue, where the data and its backups are.

What a clerk reads out on the telephone when asking for help: the program's
version, the catalogue's version, and the folders of the database and its
backups (selectable, to be copied). One button opens the backup folder in the
file manager, creating it first when no backup has been written yet.
"""

from collections.abc import Callable

from cchc_desktop import __version__
from cchc_desktop.os_words import os_error_words
from cchc_desktop.paths import backups_dir
from cchc_desktop.resources import resource_path
from cchc_desktop.store import Store
from ui.qt import (
    QDesktopServices,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QIcon,
    QLabel,
    QPushButton,
    Qt,
    QUrl,
    QVBoxLayout,
    QWidget,
)

TITLE = "Về chương trình"
PRODUCT = "CCHC Desktop"
SUBTITLE = "Báo cáo cải cách hành chính cấp xã"
FONT_NOTE = "Báo cáo in bằng phông Liberation Serif (giấy phép SIL Open Font License 1.1)."
ERROR_STYLE = "color: #b00020;"
ICON_SIZE = 64


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AboutDialog(QDialog):
    """Version, catalogue version, data folder; opens the backup folder.

    ``open_url`` opens a folder in the system's file manager (Qt's
    ``QDesktopServices.openUrl`` unless a test passes its own) and says whether
    that worked.
    """

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        open_url: Callable[[QUrl], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._open_url = open_url or QDesktopServices.openUrl
        self.data_folder = store.path.parent
        self.backup_folder = backups_dir(store.path)
        catalogue = store.catalogue

        icon = QLabel()
        icon.setPixmap(
            QIcon(str(resource_path("icons", "cchc-desktop.png"))).pixmap(ICON_SIZE, ICON_SIZE)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(PRODUCT)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        heading = QVBoxLayout()
        heading.addWidget(name)
        heading.addWidget(QLabel(SUBTITLE))
        heading.addStretch()
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.version_label = _value(__version__)
        self.catalogue_label = _value(
            f"{catalogue.title} — phiên bản {catalogue.version} (mã {catalogue.id})"
        )
        self.catalogue_label.setWordWrap(True)
        self.data_label = _value(str(self.data_folder))
        self.data_label.setToolTip(str(store.path))
        self.backup_label = _value(str(self.backup_folder))
        details = QFormLayout()
        details.addRow("Phiên bản chương trình:", self.version_label)
        details.addRow("Danh mục chỉ tiêu:", self.catalogue_label)
        details.addRow("Thư mục dữ liệu:", self.data_label)
        details.addRow("Thư mục sao lưu:", self.backup_label)

        self.status_label = QLabel()
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.open_backups_button = QPushButton("Mở thư mục sao lưu")
        self.open_backups_button.clicked.connect(self.on_open_backups_clicked)
        self.close_button = QPushButton("Đóng")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_backups_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)

        note = QLabel(FONT_NOTE)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(details)
        layout.addWidget(note)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def on_open_backups_clicked(self) -> None:
        """Open the backup folder, creating it when no backup has been written yet."""
        try:
            self.backup_folder.mkdir(parents=True, exist_ok=True)
            opened = self._open_url(QUrl.fromLocalFile(str(self.backup_folder)))
        except OSError as error:
            opened = False
            reason = f" ({os_error_words(error, writing=True).rstrip('.')})"
        else:
            reason = ""
        if opened:
            self.status_label.hide()
            return
        self.status_label.setText(
            f"Không mở được thư mục sao lưu{reason}. Đường dẫn: {self.backup_folder}"
        )
        self.status_label.show()
