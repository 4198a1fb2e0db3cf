"""The one helper for long work (a PDF, importing a folder of bundles): off the UI thread.

``run_task(work, on_success=…, on_failure=…, parent=…, label=…)`` runs
``work(progress, cancelled)`` on a thread of a ``QThreadPool``. The work reports
with ``progress(done, total, message)``, looks at ``cancelled()`` between steps
(or raises :class:`TaskCancelled`), and returns a result or raises. The callbacks
run on the UI thread, through queued signals; the worker never touches a widget.
With a ``label`` a window-modal ``QProgressDialog`` shows the progress and a
"Hủy" button that cancels. After a cancel neither ``on_success`` nor
``on_failure`` runs, only ``on_cancelled``.

The pattern is Anki's ``QueryOp`` and git-cola's ``Task``: the work gets no
widget and no store that the UI thread uses (open your own connection in it).
"""

import threading
import time
from collections.abc import Callable
from typing import Any

from ui.qt import (
    QMessageBox,
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]

CANCEL_TEXT = "Hủy"

# Tasks still running: the caller need not keep a reference for its callbacks to arrive.
_RUNNING: set["Task"] = set()


class TaskCancelled(Exception):
    """Raised by the work when it sees ``cancelled()``: it stopped, it did not fail."""


class _Signals(QObject):
    """Created on the UI thread; emitted from the worker, so delivery is queued."""

    progressed = Signal(int, int, str)
    ended = Signal(str, object)  # "ok" / "error" / "cancelled", result or exception


class _Runnable(QRunnable):
    def __init__(self, task: "Task") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps it; Python owns it
        self._task = task

    def run(self) -> None:
        self._task._run_in_worker()


class Task(QObject):
    """One piece of long work; create with :func:`run_task` (or build, then ``start``)."""

    progressed = Signal(int, int, str)  # done, total, message — on the UI thread
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()  # after whichever of the three above

    def __init__(
        self,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_progress: Progress | None = None,
        parent: QWidget | None = None,
        label: str | None = None,
        progress_interval: float = 0.05,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__()
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancelled = on_cancelled
        self._on_progress = on_progress
        self._parent = parent
        self._label = label
        self._interval = progress_interval
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self._started = False
        self._done = False
        self.dialog: QProgressDialog | None = None
        self._signals = _Signals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progressed.connect(self._on_progressed, queued)
        self._signals.ended.connect(self._on_ended, queued)
        self._runnable = _Runnable(self)

    # -- UI thread -------------------------------------------------------------------

    def start(self) -> "Task":
        """Queue the work on the pool (once) and show the progress dialog if asked."""
        if self._started:
            return self
        self._started = True
        _RUNNING.add(self)
        if self._label is not None:
            self.dialog = self._make_dialog(self._label)
        self._pool.start(self._runnable)
        return self

    def cancel(self) -> None:
        """Ask the work to stop; its result, if it still returns one, is dropped."""
        if not self._done:
            self._cancel.set()

    def is_cancelled(self) -> bool:
        """Whether a cancel was asked for (safe from any thread)."""
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._started and not self._done

    def _make_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, CANCEL_TEXT, 0, 0, self._parent)
        dialog.setWindowTitle("CCHC Desktop")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.setMinimumDuration(400)  # quick work finishes before any dialog flashes
        dialog.setValue(0)  # starts the 400 ms clock even if no progress comes
        dialog.canceled.connect(self.cancel)  # "Hủy" also hides the dialog
        return dialog

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, message: str) -> None:
        if self._done or self._cancel.is_set():
            return
        dialog = self.dialog  # setValue may process events, even this task's end
        if dialog is not None:
            if message:
                dialog.setLabelText(message)
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total > 0 else 0)
        if self._on_progress is not None:
            self._on_progress(done, total, message)
        self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _on_ended(self, outcome: str, payload: object) -> None:
        self._done = True
        _RUNNING.discard(self)
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        try:
            if outcome == "cancelled" or self._cancel.is_set():  # a late result is dropped
                if self._on_cancelled is not None:
                    self._on_cancelled()
                self.cancelled.emit()
            elif outcome == "ok":
                if self._on_success is not None:
                    self._on_success(payload)
                self.succeeded.emit(payload)
            else:
                assert isinstance(payload, BaseException)
                if self._on_failure is not None:
                    self._on_failure(payload)
                else:
                    show_failure(self._parent, payload)
                self.failed.emit(payload)
        finally:
            self.finished.emit()

    # -- worker thread: no widget, only signals --------------------------------------

    def _run_in_worker(self) -> None:
        try:
            result = self._work(self._report, self.is_cancelled)
        except TaskCancelled:
            self._signals.ended.emit("cancelled", None)
        except BaseException as error:  # delivered to on_failure, never lost in the pool
            self._signals.ended.emit("error", error)
        else:
            self._signals.ended.emit("ok", result)

    def _report(self, done: int, total: int, message: str = "") -> None:
        """The ``progress`` the work calls; at most one signal per interval, and the last."""
        now = time.monotonic()
        if done < total and now - self._last_emit < self._interval:
            return
        self._last_emit = now
        self._signals.progressed.emit(int(done), int(total), str(message))


def run_task(work: Work, **options: Any) -> Task:
    """Build a :class:`Task` with ``options`` (see its ``__init__``), start it, return it."""
    return Task(work, **options).start()


def show_failure(parent: QWidget | None, error: BaseException) -> None:
    """The default ``on_failure``: tell the user in Vietnamese what went wrong."""
    QMessageBox.critical(parent, "CCHC Desktop", f"Không thực hiện được:\n{error}")
