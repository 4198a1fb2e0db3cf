"""The open report: the one path through which the wizard reads and writes it.

Every page writes through a :class:`ReportSession`, which calls the store (each
edit is durable when the call returns), keeps the figures and texts the checks
read, and announces each changed field with ``field_changed`` so that checks and
other views follow.
"""

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from cchc_desktop.catalogue import Indicator
from cchc_desktop.checks import compute_derived
from cchc_desktop.model import HEADER_LABELS, Header, validate_header_field
from cchc_desktop.os_words import storage_error_words
from cchc_desktop.periods import parse_period
from cchc_desktop.store import Change, Store
from cchc_desktop.vnformat import Number
from ui.qt import QObject, Signal

HEADER_PREFIX = "header."
WINDOW_KEY = "window"
BURST = dt.timedelta(seconds=2)  # keystrokes closer than this are undone together


class ReportSession(QObject):
    """One report of one store, as the wizard edits it."""

    field_changed = Signal(str)  # an indicator id, a narrative key, header.<name> or window
    saved = Signal()

    def __init__(self, store: Store, report_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.catalogue = store.catalogue
        previous = store.previous_report(report_id)
        self.previous_values: dict[str, Number] | None = (
            None if previous is None else dict(previous.values)
        )
        self._reload()

    def _reload(self) -> None:
        report = self.store.load(self.report_id)
        self.report = report
        self.values: dict[str, Number] = dict(report.values)
        self.narratives: dict[str, str] = dict(report.narratives)
        self.header: Header = report.header
        self.window: tuple[dt.date | None, dt.date | None] = (
            report.window_from,
            report.window_to,
        )

    # -- reading ---------------------------------------------------------------------

    def indicator(self, key: str) -> Indicator:
        return self.catalogue.indicator(key)

    def derived(self) -> dict[str, Number]:
        """Every derived percentage the current figures give."""
        return dict(compute_derived(self.catalogue, self.values))

    def default_window(self) -> tuple[dt.date, dt.date] | None:
        return parse_period(self.report.period).default_window()

    def started(self, keys: list[str]) -> bool:
        """Whether any of these figures or texts holds something the clerk typed."""
        for key in keys:
            if self.narratives.get(key, "").strip():
                return True
            if key in self.values and self.catalogue.has_indicator(key):
                default = self.catalogue.indicator(key).default
                if default is None or self.values[key] != default:
                    return True
        return False

    # -- writing (each raises ValueError with a Vietnamese message; nothing is saved) -

    def set_value(self, key: str, raw: str | None) -> Number | None:
        with _saving():
            value = self.store.set_value(self.report_id, key, raw)
        if value is None:
            self.values.pop(key, None)
        else:
            self.values[key] = value
        self._changed(key)
        return value

    def set_text(self, key: str, text: str) -> None:
        with _saving():
            self.store.set_text(self.report_id, key, text)
        if text.strip():
            self.narratives[key] = text
        else:
            self.narratives.pop(key, None)
        self._changed(key)

    def set_header_field(self, name: str, value: Any) -> None:
        with _saving():
            validated = validate_header_field(name, value)
            self.store.set_header_field(self.report_id, name, validated)
        # As the store reads it back: a stored field is validated again from its JSON.
        self.header = self.header.model_copy(update={name: validated})
        self._changed(f"{HEADER_PREFIX}{name}")

    def set_window(self, start: dt.date, end: dt.date) -> None:
        with _saving():
            self.store.set_window(self.report_id, start, end)
        self.window = (start, end)
        self._changed(WINDOW_KEY)

    def remember_position(self, page: int, field: str | None) -> None:
        with suppress(sqlite3.Error, OSError, LookupError):  # a convenience: tried again next move
            self.store.set_position(self.report_id, {"page": page, "field": field})

    def position(self) -> dict[str, Any]:
        return self.store.position(self.report_id)

    # -- history ---------------------------------------------------------------------

    def undo(self) -> Change | None:
        """Take back the last edit, with the keystrokes typed in the same burst before it.

        A figure is saved on every keystroke: typing 1730 is four edits, but one
        thing to take back. Edits of the same field less than ``BURST`` apart go together.
        """
        return self._step(undo=True)

    def redo(self) -> Change | None:
        """Re-apply what the last undo took back (the same burst of keystrokes)."""
        return self._step(undo=False)

    def _step(self, undo: bool) -> Change | None:
        step = self.store.undo if undo else self.store.redo
        first = step(self.report_id)
        if first is None:
            return None
        last = first
        while True:
            following = self._next_in_history(last, undo)
            if (
                following is None
                or (following.target, following.key) != (first.target, first.key)
                or abs(following.at - last.at) > BURST
            ):
                break
            last = step(self.report_id) or last
        self._reload()
        self._changed(first.key)
        return first

    def _next_in_history(self, change: Change, undo: bool) -> Change | None:
        """What the next undo (or redo) would take, looking only near ``change``'s time."""
        nearby = self.store.history(self.report_id, since=change.at - BURST - BURST)
        if undo:
            older = [c for c in nearby if not c.undone and c.id < change.id]
            return max(older, key=lambda c: c.id) if older else None
        newer = [c for c in nearby if c.undone and not c.discarded and c.id > change.id]
        return min(newer, key=lambda c: c.id) if newer else None

    def label(self, change: Change) -> str:
        """The changed field in words, for "Đã hoàn tác thay đổi ở «…»"."""
        catalogue = self.catalogue
        if change.target == "window":
            return "Thời gian lấy số liệu"
        if catalogue.has_indicator(change.key):
            return catalogue.indicator(change.key).label
        if change.key.startswith(HEADER_PREFIX):
            return HEADER_LABELS.get(change.key.removeprefix(HEADER_PREFIX), change.key)
        section_id, _, narrative_id = change.key.partition(".")
        section = catalogue.section(section_id)
        found = [n.label for n in section.narratives if n.id == narrative_id]
        return f"{found[0] if found else narrative_id} — {section.title}"

    def _changed(self, key: str) -> None:
        self.field_changed.emit(key)
        self.saved.emit()


@contextmanager
def _saving() -> Iterator[None]:
    """The file could not be written (locked, disk full, report deleted meanwhile): say so
    in words, like a refused value, instead of failing inside a keystroke."""
    try:
        yield
    except (sqlite3.Error, OSError, LookupError) as error:
        words = storage_error_words(error)
        raise ValueError(
            f"Chưa lưu được vào tệp dữ liệu{f': {words}' if words else '.'} Hãy thử lại; "
            "nếu vẫn không được, hãy đóng rồi mở lại chương trình."
        ) from error
