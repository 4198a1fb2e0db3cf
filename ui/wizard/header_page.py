"""The first page: the document's header and closing block, and the data window.

Number and date may stay blank on a draft (they are given at signing). Each
field is saved through the session; a value the model refuses is shown in red
under its field and not saved.
"""

from collections.abc import Callable
from typing import Any

from cchc_desktop.checks.header import header_field_key, header_findings, header_words
from cchc_desktop.model import Citation
from cchc_desktop.vnformat import format_date_short
from ui.qt import QComboBox, QFormLayout, QGroupBox, QVBoxLayout, QWidget
from ui.wizard.citations import CITATION_COLUMNS, CONTACT_COLUMNS, RowsEditor
from ui.wizard.fields import ProblemLabel, TextField, TextLine
from ui.wizard.marks import FindingKind, Mark
from ui.wizard.page import WizardPage
from ui.wizard.session import HEADER_PREFIX, WINDOW_KEY, ReportSession
from ui.wizard.window_editor import WindowEditor

AUTHORITIES = (
    ("TM", "TM. Ủy ban nhân dân — Chủ tịch ký"),
    ("KT", "KT. Chủ tịch — Phó Chủ tịch ký thay"),
)
_TITLE_FOR = {"TM": "CHỦ TỊCH", "KT": "PHÓ CHỦ TỊCH"}


def _key(name: str) -> str:
    return f"{HEADER_PREFIX}{name}"


class HeaderPage(WizardPage):
    TITLE = "Thông tin chung của báo cáo"

    def __init__(self, session: ReportSession, parent: QWidget | None = None) -> None:
        super().__init__(
            self.TITLE,
            "Số và ngày văn bản để trống khi còn là bản nháp. Mọi thay đổi được lưu ngay.",
            parent,
        )
        self.session = session
        self.problems: dict[str, ProblemLabel] = {}
        self._forms: list[QFormLayout] = []
        document = self._form("Văn bản")
        self.number = self._line(document, "Số văn bản", "number", "Để trống ở bản nháp")
        self.place = self._line(document, "Địa danh (nơi ban hành)", "place", "Ví dụ: Tứ Kỳ")
        self.date = self._line(document, "Ngày ban hành", "date", "dd/mm/yyyy, để trống ở bản nháp")
        self._add_window(document)
        average = self.fontMetrics().averageCharWidth()
        for line, chars in ((self.number, 24), (self.place, 32), (self.date, 36)):
            line.setMaximumWidth(chars * average)  # short values get short boxes

        opening = self._form("Kính gửi và căn cứ")
        self.addressee = self._line(opening, "Kính gửi", "addressee", "Ví dụ: Sở Nội vụ tỉnh …")
        self.preamble = TextField(_key("preamble"), self, lines=3, most=10)
        self.preamble.setPlaceholderText("Thực hiện Kế hoạch số …/KH-UBND ngày … của … về …")
        self.preamble.settled.connect(lambda _k, text: self._save("preamble", text))
        self.register(_key("preamble"), self.preamble)
        self._row(opening, "Căn cứ", self.preamble, "preamble")

        self.citations = RowsEditor(
            CITATION_COLUMNS, "Thêm văn bản", self, kinds_in_first_column=True
        )
        self.citations.rows_edited.connect(lambda rows: self._save("citations", rows))
        self._boxed(
            "Văn bản được trích dẫn (kế hoạch, quyết định, công văn …)", self.citations, "citations"
        )

        signing = self._form("Người ký")
        self.authority = QComboBox(self)
        for code, words in AUTHORITIES:
            self.authority.addItem(words, code)
        self.authority.currentIndexChanged.connect(self._on_authority_changed)
        self.register(_key("signer"), self.authority)
        self._row(signing, "Hình thức ký", self.authority, None)
        self.signer_title = self._line(signing, "Chức vụ người ký", None, "CHỦ TỊCH")
        self.signer_name = self._line(
            signing, "Họ và tên người ký", "signer", "Ví dụ: Nguyễn Văn A", saves=False
        )
        self.authority.setMaximumWidth(48 * average)
        for line in (self.signer_title, self.signer_name):
            line.setMaximumWidth(48 * average)
            self.register(_key("signer"), line)
            line.settled.connect(lambda _text: self._save_signer())

        self.recipients = TextField(_key("recipients"), self, lines=4, most=12)
        self.recipients.setPlaceholderText("Sở Nội vụ tỉnh …\nThường trực Đảng ủy xã\nLưu: VT, VP")
        self.recipients.settled.connect(lambda _k, text: self._save("recipients", _lines(text)))
        self._boxed("Nơi nhận (mỗi dòng một nơi nhận)", self.recipients, "recipients")

        self.contacts = RowsEditor(CONTACT_COLUMNS, "Thêm cán bộ", self)
        self.contacts.rows_edited.connect(lambda rows: self._save("contacts", rows))
        self._boxed(
            "Cán bộ phụ trách cải cách hành chính (không bắt buộc)", self.contacts, "contacts"
        )
        self.layout_.addStretch(1)
        self._align_labels()
        self._load()

    # -- building ------------------------------------------------------------------------

    def _form(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.addWidget(box)
        self._forms.append(form)
        return form

    def _align_labels(self) -> None:
        """One label width for every box, so that the fields line up down the page."""
        labels = [
            label
            for form in self._forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and (label := item.widget()) is not None
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _row(self, form: QFormLayout, label: str, widget: QWidget, name: str | None) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        if name is not None:
            self.problems[name] = ProblemLabel(holder)
            column.addWidget(self.problems[name])
        form.addRow(label, holder)

    def _line(
        self, form: QFormLayout, label: str, name: str | None, placeholder: str, saves: bool = True
    ) -> TextLine:
        """A text line saved as header field ``name`` (``saves``), its problems shown below."""
        line = TextLine(self)
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(label)
        if name is not None and saves:
            line.settled.connect(lambda text: self._save(name, text))
            self.register(_key(name), line)
        self._row(form, label, line, name)
        return line

    def _boxed(self, title: str, widget: QWidget, name: str) -> None:
        box = QGroupBox(title, self)
        column = QVBoxLayout(box)
        column.addWidget(widget)
        self.problems[name] = ProblemLabel(box)
        column.addWidget(self.problems[name])
        self.register(_key(name), widget.table if isinstance(widget, RowsEditor) else widget)
        self.layout_.addWidget(box)

    def _add_window(self, form: QFormLayout) -> None:
        self.data_window = WindowEditor(self.session, self)
        self._row(form, "Số liệu tính từ ngày", self.data_window, "window")
        self.data_window.problem.connect(self.problems["window"].show_problem)
        self.register(WINDOW_KEY, self.data_window.start)
        self.register(WINDOW_KEY, self.data_window.end)

    # -- loading and saving --------------------------------------------------------------

    def _load(self) -> None:
        for name in ("number", "place", "date", "addressee", "preamble", "citations"):
            self.refresh(_key(name))
        for key in (_key("signer"), _key("recipients"), _key("contacts"), WINDOW_KEY):
            self.refresh(key)

    def refresh(self, key: str) -> None:
        header = self.session.header
        name = key.removeprefix(HEADER_PREFIX)
        if name in self.problems:
            self.problems[name].show_problem(None)
        if name in ("number", "place", "addressee"):
            getattr(self, name).set_text_quietly(getattr(header, name))
        elif name == "date":
            self.date.set_text_quietly(format_date_short(header.date) if header.date else "")
        elif name == "preamble":
            self.preamble.set_text_quietly(header.preamble)
        elif name == "recipients":
            self.recipients.set_text_quietly("\n".join(header.recipients))
        elif name == "citations":
            self.citations.set_rows([_citation_row(c) for c in header.citations])
        elif name == "contacts":
            self.contacts.set_rows([c.model_dump() for c in header.contacts])
        elif name == "signer":
            self.authority.blockSignals(True)
            self.authority.setCurrentIndex(max(0, self.authority.findData(header.signer.authority)))
            self.authority.blockSignals(False)
            self.signer_title.set_text_quietly(header.signer.title)
            self.signer_name.set_text_quietly(header.signer.name)
        elif key == WINDOW_KEY:
            self.data_window.refresh()

    def _save(self, name: str, value: Any) -> None:
        self._attempt(name, lambda: self.session.set_header_field(name, value))

    def _attempt(self, name: str, write: Callable[[], None]) -> None:
        try:
            write()
        except ValueError as error:
            self.problems[name].show_problem(str(error))
        else:
            self.problems[name].show_problem(None)

    def _save_signer(self) -> None:
        signer = {
            "authority": self.authority.currentData(),
            "title": self.signer_title.text().strip(),
            "name": self.signer_name.text().strip(),
        }
        self._save("signer", signer)

    def _on_authority_changed(self) -> None:
        """TM goes with CHỦ TỊCH and KT with PHÓ CHỦ TỊCH, unless another title was typed."""
        title = self.signer_title.text().strip()
        if not title or title in _TITLE_FOR.values():
            self.signer_title.set_text_quietly(_TITLE_FOR[self.authority.currentData()])
        self._save_signer()

    def flush(self) -> None:
        editors: tuple[TextLine | TextField | WindowEditor, ...] = (
            *(self.number, self.place, self.date, self.addressee, self.preamble),
            *(self.signer_title, self.signer_name, self.data_window, self.recipients),
        )
        for editor in editors:
            editor.flush()

    # -- state ---------------------------------------------------------------------------

    def missing(self) -> list[tuple[FindingKind, str, str]]:
        return header_missing(self.session)

    def mark(self) -> tuple[Mark, str]:
        return header_mark(self.session)


def header_missing(session: ReportSession) -> list[tuple[FindingKind, str, str]]:
    """What the printed report still lacks on the header page: (kind, message, field key).

    The core's rules (``header_findings``): the same gaps keep ``cchc pdf --final``
    from printing and are listed by ``cchc check`` and in the bundle.
    """
    return [
        (FindingKind.MISSING, finding.message, header_field_key(finding))
        for finding in header_findings(session.header, *session.window)
    ]


def header_mark(session: ReportSession) -> tuple[Mark, str]:
    """The header page's mark, from the session alone (the page need not be built)."""
    header = session.header
    started = any(
        (
            header.number,
            header.date,
            header.addressee,
            header.preamble,
            header.citations,
            header.signer.name,
            header.recipients,
            header.contacts,
        )
    )
    missing = header_findings(header, *session.window)
    if not started:
        return Mark.NOT_STARTED, ""
    if missing:
        return Mark.IN_PROGRESS, "; ".join(header_words(f) for f in missing)
    return Mark.COMPLETE, ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _citation_row(citation: Citation) -> dict[str, str]:
    row = citation.model_dump()
    row["date"] = format_date_short(citation.date) if citation.date else ""
    return row
