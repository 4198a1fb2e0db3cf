"""What every page of the wizard has: a title, its fields by key, and its mark."""

from cchc_desktop.checks import Finding
from ui.qt import QFont, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget
from ui.wizard.marks import Mark

FIELD_KEY = "field_key"  # the Qt property naming the field a widget edits


class WizardPage(QWidget):
    """A page: builds its widgets from the report, writes back through the session.

    ``fields`` maps each field key (indicator id, narrative key, ``header.<name>``)
    to the widget that takes focus for it, in the page's order.
    """

    def __init__(self, title: str, help_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.fields: dict[str, QWidget] = {}
        self.layout_ = QVBoxLayout(self)
        heading = QLabel(title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        self.layout_.addWidget(heading)
        if help_text:
            self.layout_.addWidget(hint(help_text))

    def register(self, key: str, widget: QWidget) -> None:
        """``widget`` edits ``key``; the first widget of a key is the one focused for it."""
        self.fields.setdefault(key, widget)
        widget.setProperty(FIELD_KEY, key)

    def first_field(self) -> QWidget | None:
        for widget in self.fields.values():
            if widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return widget
        return None

    def refresh(self, key: str) -> None:
        """Show ``key``'s value as the session now has it (after undo or redo)."""

    def show_findings(self, findings: list[Finding]) -> None:
        """Put the checker's findings next to the fields they involve."""

    def started(self) -> bool:
        """Whether the clerk has typed anything on this page."""
        return True

    def mark(self) -> tuple[Mark, str]:
        """The page's state for the side list, and a line of detail."""
        return Mark.NOT_STARTED, ""

    def flush(self) -> None:
        """Save any text still waiting for the typing to pause."""
        for widget in self.fields.values():
            flush = getattr(widget, "flush", None)
            if callable(flush):
                flush()


def hint(text: str) -> QLabel:
    """A grey explanatory line that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { color: #5f6368; }")
    return label


def scroll_area(parent: QWidget) -> QScrollArea:
    """An empty vertical scroll area for a page (:func:`put_page` fills it)."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return scroll


def put_page(scroll: QScrollArea, page: QWidget) -> None:
    """``page`` in ``scroll``: as wide as the window allows, never wider."""
    page.setMaximumWidth(page.fontMetrics().averageCharWidth() * 180)  # lines on wide screens
    scroll.setWidget(page)
    page.show()  # needed when the scroll area has been shown before


def reveal(scroll: QScrollArea, widget: QWidget, margin: int = 50) -> None:
    """Scroll ``scroll`` so that all of ``widget`` shows (with up to ``margin`` pixels
    around it, as ``ensureWidgetVisible`` leaves); one taller than the view shows from
    its top, as much as fits.

    ``QScrollArea.ensureWidgetVisible`` shows only a text editor's cursor line (it
    follows the cursor rectangle), cutting a narrative box after its first line.
    """
    content = scroll.widget()
    if content is None or not content.isAncestorOf(widget):
        scroll.ensureWidgetVisible(widget, margin, margin)
        return
    top = widget.mapTo(content, widget.rect().topLeft()).y()
    height = widget.height()
    bar = scroll.verticalScrollBar()
    view = scroll.viewport().height()
    if bar.value() <= top and top + height <= bar.value() + view:
        return  # all of it shows already: the page stays still
    room = max(0, min(margin, (view - height) // 2))  # the margin that fits around it
    start, end = top - room, top + height + room
    if height > view:
        bar.setValue(top)  # its top in view, then as much as fits
    elif start < bar.value():
        bar.setValue(start)
    elif end > bar.value() + view:
        bar.setValue(end - view)


def scrolled(page: QWidget, parent: QWidget) -> QScrollArea:
    """``page`` in a vertical scroll area: as wide as the window allows, never wider."""
    scroll = scroll_area(parent)
    put_page(scroll, page)
    return scroll
