"""Long work runs off the UI thread; results, progress and errors come back on it."""

import threading
import time

from PySide6.QtWidgets import QPushButton

from ui.qt import QWidget
from ui.tasks import Task, TaskCancelled, run_task

WAIT_MS = 10_000


class Recorder:
    """Remembers each callback with the thread it ran on."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object, threading.Thread]] = []

    def __call__(self, name: str):
        def record(*args):
            value = args[0] if len(args) == 1 else args
            self.calls.append((name, value, threading.current_thread()))

        return record

    def names(self) -> list[str]:
        return [name for name, _, _ in self.calls]

    def values(self, name: str) -> list[object]:
        return [value for called, value, _ in self.calls if called == name]

    def all_on_main_thread(self) -> bool:
        return all(thread is threading.main_thread() for _, _, thread in self.calls)


def start(qtbot, work, recorder: Recorder, **options) -> Task:
    task = Task(
        work,
        on_success=recorder("success"),
        on_failure=recorder("failure"),
        on_cancelled=lambda: recorder("cancelled")(None),
        on_progress=recorder("progress"),
        **options,
    )
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        task.start()
    return task


def test_the_result_comes_back_on_the_ui_thread(qtbot):
    recorder = Recorder()

    def work(progress, cancelled):
        return ("xong", threading.current_thread())

    task = start(qtbot, work, recorder)
    [(text, worker)] = recorder.values("success")
    assert text == "xong"
    assert worker is not threading.main_thread()
    assert recorder.names() == ["success"]
    assert recorder.all_on_main_thread()
    assert not task.is_running()


def test_progress_arrives_in_order_and_the_last_step_always(qtbot):
    recorder = Recorder()

    def work(progress, cancelled):
        for step in range(1, 4):
            progress(step, 3, f"Bước {step}/3")
        return 3

    start(qtbot, work, recorder, progress_interval=0)
    assert recorder.values("progress") == [
        (1, 3, "Bước 1/3"),
        (2, 3, "Bước 2/3"),
        (3, 3, "Bước 3/3"),
    ]
    assert recorder.names()[-1] == "success"
    assert recorder.all_on_main_thread()


def test_progress_is_throttled_but_the_final_step_gets_through(qtbot):
    recorder = Recorder()

    def work(progress, cancelled):
        for step in range(1, 1001):
            progress(step, 1000, "")
        return None

    start(qtbot, work, recorder, progress_interval=60)
    assert recorder.values("progress") == [(1, 1000, ""), (1000, 1000, "")]


def test_an_exception_reaches_the_failure_callback_with_its_message(qtbot):
    recorder = Recorder()

    def work(progress, cancelled):
        raise OSError("Không ghi được tệp báo cáo")

    start(qtbot, work, recorder)
    [error] = recorder.values("failure")
    assert isinstance(error, OSError)
    assert str(error) == "Không ghi được tệp báo cáo"
    assert recorder.names() == ["failure"]
    assert recorder.all_on_main_thread()


def test_cancel_stops_the_work_and_drops_its_result(qtbot):
    recorder = Recorder()
    begun = threading.Event()
    stopped = threading.Event()
    steps = []

    def work(progress, cancelled):
        begun.set()
        while not cancelled():
            steps.append(1)
            time.sleep(0.005)
        stopped.set()
        return "không được dùng"

    task = Task(work, on_success=recorder("success"), on_cancelled=lambda: recorder("x")(None))
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        task.start()
        assert begun.wait(5)
        task.cancel()
    assert stopped.is_set()
    assert recorder.names() == ["x"]
    count = len(steps)
    time.sleep(0.05)
    assert len(steps) == count  # nothing runs on after the cancel


def test_work_that_raises_task_cancelled_counts_as_cancelled_not_failed(qtbot):
    recorder = Recorder()

    def work(progress, cancelled):
        raise TaskCancelled

    start(qtbot, work, recorder)
    assert recorder.names() == ["cancelled"]


def test_the_progress_dialog_cancel_button_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    recorder = Recorder()
    begun = threading.Event()

    def work(progress, cancelled):
        begun.set()
        progress(0, 10, "Đang tạo tệp PDF…")
        while not cancelled():
            time.sleep(0.005)
        raise TaskCancelled

    task = run_task(
        work,
        on_success=recorder("success"),
        on_cancelled=lambda: recorder("cancelled")(None),
        parent=parent,
        label="Đang xuất báo cáo…",
        progress_interval=0,
    )
    dialog = task.dialog
    assert dialog is not None
    assert dialog.labelText() == "Đang xuất báo cáo…"
    assert begun.wait(5)
    qtbot.waitUntil(lambda: dialog.labelText() == "Đang tạo tệp PDF…", timeout=WAIT_MS)
    assert dialog.maximum() == 10
    [button] = dialog.findChildren(QPushButton)
    assert button.text() == "Hủy"
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        button.click()
    assert recorder.names() == ["cancelled"]
    assert task.dialog is None


def test_a_task_nobody_holds_still_calls_back(qtbot):
    results = []

    def work(progress, cancelled):
        time.sleep(0.02)
        return 42

    run_task(work, on_success=results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=WAIT_MS)
