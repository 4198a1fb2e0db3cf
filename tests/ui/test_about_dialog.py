"""«Về chương trình»: versions, the data and backup folders, opening the backup folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc_desktop import __version__
from cchc_desktop.catalogue import load_catalogue
from cchc_desktop.store import Store
from ui.about_dialog import AboutDialog
from ui.qt import Qt, QUrl


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    folder = tmp_path / "Dữ liệu xã Tứ Kỳ"  # a Vietnamese folder name with spaces
    with Store.open(folder / "cchc.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


class Opener:
    """Stands in for QDesktopServices.openUrl: records the folders, gives a set answer."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.folders: list[Path] = []

    def __call__(self, url: QUrl) -> bool:
        self.folders.append(Path(url.toLocalFile()))
        return self.answer


def make_dialog(qtbot, store: Store, opener: Opener) -> AboutDialog:
    dialog = AboutDialog(store, open_url=opener)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_versions_and_folders(qtbot, store: Store) -> None:
    dialog = make_dialog(qtbot, store, Opener(True))
    assert dialog.windowTitle() == "Về chương trình"
    assert dialog.version_label.text() == __version__
    assert store.catalogue.version in dialog.catalogue_label.text()
    assert store.catalogue.title in dialog.catalogue_label.text()
    assert dialog.data_label.text() == str(store.path.parent)
    assert "Dữ liệu xã Tứ Kỳ" in dialog.data_label.text()
    assert dialog.backup_label.text() == str(store.path.parent / "backups")
    assert not dialog.status_label.isVisible()


def test_opens_the_backup_folder_creating_it(qtbot, store: Store) -> None:
    opener = Opener(True)
    dialog = make_dialog(qtbot, store, opener)
    backups = store.path.parent / "backups"
    assert not backups.exists()  # keep_backups=0: nothing written yet
    qtbot.mouseClick(dialog.open_backups_button, Qt.MouseButton.LeftButton)
    assert opener.folders == [backups]
    assert backups.is_dir()
    assert not dialog.status_label.isVisible()


def test_says_so_when_the_folder_cannot_be_opened(qtbot, store: Store) -> None:
    dialog = make_dialog(qtbot, store, Opener(False))
    qtbot.mouseClick(dialog.open_backups_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.isVisible()
    assert "Không mở được thư mục sao lưu" in dialog.status_label.text()
    assert str(store.path.parent / "backups") in dialog.status_label.text()


def test_close_button_closes(qtbot, store: Store) -> None:
    dialog = make_dialog(qtbot, store, Opener(True))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == AboutDialog.DialogCode.Accepted
