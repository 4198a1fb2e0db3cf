"""A hidden start-up probe for ``benchmarks.bench_startup``: not a feature.

With ``CCHC_EXIT_AFTER_PAINT=1`` in the environment, :func:`watch` makes the
process print one line when the watched window has been painted for the first
time, then quit::

    first-paint epoch=1767225600.123456 peak_kb=81234

``epoch`` is ``time.time()`` once the first paint pass has finished (the
benchmark subtracts the moment it spawned the process); ``peak_kb`` is the
process's peak resident memory so far. The app and the bare-``QWizard`` floor
use this same probe, so both are measured alike. Imports only Qt.
"""

import os
import sys
import time

from ui.qt import QApplication, QEvent, QObject, QTimer, QWidget

ENV = "CCHC_EXIT_AFTER_PAINT"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def peak_kb() -> int:
    """Peak resident set size of this process in KiB (0 where it cannot be read)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS


class _Probe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._fired = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._fired:
            self._fired = True
            QTimer.singleShot(0, self._report)  # after the rest of this paint pass
        return False

    def _report(self) -> None:
        print(f"first-paint epoch={time.time():.6f} peak_kb={peak_kb()}", flush=True)
        QApplication.exit(0)


def watch(window: QWidget) -> None:
    """Report the first paint of ``window`` and quit, if the environment asks for it."""
    if wanted():
        _Probe(window)
