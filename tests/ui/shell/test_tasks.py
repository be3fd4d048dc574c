"""``ui.tasks.TaskRunner`` on real threads (pytest-qt): owners, latest-wins keys,
progress, cancel, priorities. Work is held by ``threading.Event`` gates, never by
sleeps, so each test says in which order things happen, not how long they take."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel

from ui.tasks import Priority, Task, TaskControl, TaskRunner

TIMEOUT = 10_000
GATE_TIMEOUT = 30  # seconds: a gate never left closed by a failing test holds a thread forever


def on_gui_thread() -> bool:
    return threading.get_ident() == threading.main_thread().ident


@pytest.fixture
def runner(qapp: Any) -> Iterator[TaskRunner]:
    made = TaskRunner(max_threads=2, background_threads=2)
    try:
        yield made
    finally:
        assert made.wait_for_done(TIMEOUT)
        QCoreApplication.processEvents()
        shiboken6.delete(made)


def wait_finished(qtbot: Any, *tasks: Task) -> None:
    qtbot.waitUntil(lambda: all(task.finished for task in tasks), timeout=TIMEOUT)


def test_a_destroyed_owner_gets_nothing_and_its_task_is_asked_to_cancel(
    qtbot: Any, runner: TaskRunner
) -> None:
    label = QLabel("waiting")
    started, gate = threading.Event(), threading.Event()
    saw_cancel: list[bool] = []
    called: list[str] = []

    def work(control: TaskControl) -> str:
        started.set()
        gate.wait(GATE_TIMEOUT)
        saw_cancel.append(control.cancelled)
        return "result"

    def show(text: str) -> None:
        called.append(text)
        label.setText(text)  # would raise on a deleted label

    task = runner.run_controlled(
        work, show, lambda error: called.append(repr(error)), owner=label, key="read"
    )
    assert started.wait(GATE_TIMEOUT)
    label.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(label)
    gate.set()
    wait_finished(qtbot, task)
    assert called == []
    assert saw_cancel == [True]


def test_a_newer_task_with_the_same_key_wins(qtbot: Any, runner: TaskRunner) -> None:
    owner, other_owner = QObject(), QObject()
    gate, started = threading.Event(), threading.Event()
    results: list[str] = []
    cancelled: list[str] = []
    observed: list[str] = []

    def cooperating(control: TaskControl) -> str:
        started.set()
        control.cancel_event.wait(GATE_TIMEOUT)  # e.g. between two pages of a long read
        observed.append("asked to cancel")
        control.check()
        return "oldest"

    def stubborn() -> str:
        gate.wait(GATE_TIMEOUT)
        return "older"

    oldest = runner.run_controlled(
        cooperating, results.append, on_cancelled=lambda: cancelled.append("oldest"),
        owner=owner, key="list",
    )  # fmt: skip
    assert started.wait(GATE_TIMEOUT)
    older = runner.run(stubborn, results.append, owner=owner, key="list")
    newest = runner.run(lambda: "newest", results.append, owner=owner, key="list")
    elsewhere = runner.run(lambda: "other owner", results.append, owner=other_owner, key="list")
    wait_finished(qtbot, oldest, newest, elsewhere)
    assert observed == ["asked to cancel"]  # the cooperating one stopped without the gate
    gate.set()  # the stubborn one ends late, after the newest result
    wait_finished(qtbot, older)
    assert sorted(results) == ["newest", "other owner"]  # keys are per owner
    assert cancelled == []  # superseded is silent: not a cancel the owner asked for


def test_progress_arrives_on_the_gui_thread_in_order_before_the_result(
    qtbot: Any, runner: TaskRunner
) -> None:
    label = QLabel()
    events: list[str] = []
    on_gui: list[bool] = []
    worker_threads: list[int] = []

    def work(control: TaskControl) -> int:
        worker_threads.append(threading.get_ident())
        for step in range(200):
            control.report(step)
        return 200

    def progressed(step: int) -> None:
        on_gui.append(on_gui_thread())
        label.setText(str(step))
        events.append(f"step {step}")

    def done(total: int) -> None:
        on_gui.append(on_gui_thread())
        events.append(f"done {total}")

    task = runner.run_controlled(work, done, on_progress=progressed, owner=label)
    wait_finished(qtbot, task)
    assert events == [f"step {step}" for step in range(200)] + ["done 200"]
    assert all(on_gui) and len(on_gui) == 201
    assert worker_threads and worker_threads[0] != threading.main_thread().ident
    assert label.text() == "199"


def test_cancel_stops_a_cooperating_task_and_reports_it_as_cancelled(
    qtbot: Any, runner: TaskRunner
) -> None:
    started = threading.Event()
    steps: list[int] = []
    outcome: list[str] = []
    on_gui: list[bool] = []

    def work(control: TaskControl) -> str:
        for step in range(1_000_000):
            control.check()
            steps.append(step)
            if step == 0:
                started.set()
                control.cancel_event.wait(GATE_TIMEOUT)
        return "ran to the end"

    def cancelled() -> None:
        on_gui.append(on_gui_thread())
        outcome.append("cancelled")

    task = runner.run_controlled(
        work,
        outcome.append,
        lambda error: outcome.append(f"error {error!r}"),
        on_cancelled=cancelled,
    )
    assert started.wait(GATE_TIMEOUT)
    task.cancel()
    wait_finished(qtbot, task)
    assert outcome == ["cancelled"]
    assert steps == [0]
    assert on_gui == [True]


def test_an_interactive_read_is_not_held_up_by_a_flood_of_background_work(
    qtbot: Any, runner: TaskRunner
) -> None:
    gate = threading.Event()
    background_threads: set[int] = set()
    lock = threading.Lock()

    def long_job() -> None:
        with lock:
            background_threads.add(threading.get_ident())
        gate.wait(GATE_TIMEOUT)

    flood = [runner.run(long_job, priority=Priority.BACKGROUND) for _ in range(12)]
    qtbot.waitUntil(lambda: len(background_threads) == 2, timeout=TIMEOUT)  # both busy
    read_by: list[int] = []
    read = runner.run(threading.get_ident, read_by.append)  # interactive by default
    try:
        wait_finished(qtbot, read)
        assert not any(task.finished for task in flood)  # it ran while the flood waited
        assert read_by and read_by[0] not in background_threads
        assert read_by[0] != threading.main_thread().ident
    finally:
        gate.set()
    wait_finished(qtbot, *flood)


def test_errors_reach_on_error_on_the_gui_thread_but_a_superseded_one_does_not(
    qtbot: Any, runner: TaskRunner
) -> None:
    owner = QObject()
    gate = threading.Event()
    errors: list[tuple[str, bool]] = []
    progress: list[str] = []
    done: list[object] = []

    def failing_late(control: TaskControl) -> None:
        gate.wait(GATE_TIMEOUT)
        raise ValueError("superseded")

    def failing(control: TaskControl) -> None:
        control.report("halfway")
        raise ValueError("broken")

    def failed(error: BaseException) -> None:
        errors.append((str(error), on_gui_thread()))

    older = runner.run_controlled(failing_late, done.append, failed, owner=owner, key="k")
    newer = runner.run_controlled(
        failing, done.append, failed, on_progress=progress.append, owner=owner, key="k"
    )
    gate.set()
    wait_finished(qtbot, older, newer)
    assert errors == [("broken", True)]
    assert progress == ["halfway"]
    assert done == []


def test_a_detached_task_ending_while_its_runner_is_deleted_does_not_crash(qapp: Any) -> None:
    """The sync's detached thread emits its outcome whenever it ends; the window (and its
    runner) may be torn down at that very moment. The relay once died with the runner
    and the emit crashed the process (a segfault in CI): this loop hit it every run."""
    delivered: list[int] = []
    for attempt in range(1500):
        runner = TaskRunner()
        gate = threading.Event()

        def work(gate: threading.Event = gate, attempt: int = attempt) -> int:
            gate.wait(GATE_TIMEOUT)
            return attempt

        runner.run_detached(work, delivered.append)
        gate.set()
        shiboken6.delete(runner)
    QCoreApplication.processEvents()
    assert delivered == []  # a deleted runner delivers nothing
