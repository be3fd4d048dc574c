"""Background work for the GUI: the one way widgets run anything slow.

``TaskRunner.run(work, on_done, on_error)`` calls ``work()`` on a worker thread and
hands its result (or exception) back on the GUI thread by a queued signal, like Anki's
``QueryOp``/``CollectionOp`` and napari's ``thread_worker``. ``work`` must not touch
widgets; the callbacks may, and they always run on the GUI thread. What a tab needs
beyond that is built in, so no tab rebuilds it (the Directory tab once did, with
generation counters and a ``guarded`` wrapper):

- ``owner``: a QObject (the widget or model the callbacks belong to). Once it is
  destroyed its tasks deliver nothing, ever, and are asked to cancel.
- ``key``: latest wins. A new task with the same key (and owner) supersedes the older
  one: the older result is dropped, and the older task is asked to cancel.
- ``run_controlled(work, ...)``: ``work`` gets a ``TaskControl`` to report progress
  (delivered in order on the GUI thread to ``on_progress``) and to see or obey a
  cancel (``check()`` raises ``TaskCancelled``; the task is then reported to
  ``on_cancelled``, not as an error).
- ``priority``: ``INTERACTIVE`` (a tab's reads; the default) and ``BACKGROUND`` (long
  work: files, bulk jobs) run on separate thread pools, so a flood of background work
  never takes the threads a tab's reads need. The sync does not use the pools at all:
  it runs on its own daemon thread (``run_detached``).

Every ``run`` and every ``Task.cancel`` is called on the runner's (GUI) thread; its
bookkeeping is therefore never touched by two threads.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
BACKGROUND_THREADS = 2
"""Threads of the background pool: file writes and bulk jobs, never a tab's reads."""


class TaskCancelled(Exception):
    """Raised inside a work function by ``TaskControl.check()`` once its task is
    cancelled; the runner reports the task as cancelled, not as failed."""


class Priority(enum.Enum):
    """Which pool runs a task: a tab's reads must never wait behind long work."""

    INTERACTIVE = "interactive"
    BACKGROUND = "background"


class TaskControl:
    """What a work function sees of its task (thread-safe): the cancel flag and a way
    to report progress to the GUI thread."""

    def __init__(self, report: Callable[[object], None]) -> None:
        self._cancel = threading.Event()
        self._report = report

    @property
    def cancelled(self) -> bool:
        """True once the task was cancelled, superseded or its owner destroyed."""
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """The cancel flag as an Event, for code that takes one (the sync engine)."""
        return self._cancel

    def check(self) -> None:
        """Raise ``TaskCancelled`` if the task should stop: call it between steps."""
        if self._cancel.is_set():
            raise TaskCancelled

    def report(self, progress: object) -> None:
        """Hand ``progress`` to ``on_progress`` on the GUI thread (in order); nothing
        happens once the task is cancelled."""
        if not self._cancel.is_set():
            self._report(progress)


class Task:
    """A running task's handle, for the GUI thread: ``cancel()`` and ``finished``."""

    def __init__(
        self,
        work: Callable[[TaskControl], Any],
        callbacks: _Callbacks,
        owner: QObject | None,
        key: Hashable | None,
        relay: _Relay,
    ) -> None:
        self._work = work
        self._callbacks = callbacks
        self._owner = owner
        self._key = key
        self._relay = relay
        self._state: _OwnerState | None = None  # the owner's bookkeeping, if any
        self._live = True  # False once superseded or the owner is gone: drop the result
        self._finished = False
        self.control = TaskControl(self._emit_progress)

    @property
    def finished(self) -> bool:
        """True once the task's outcome reached the GUI thread (delivered or dropped)."""
        return self._finished

    def cancel(self) -> None:
        """Ask the work to stop; the task then ends in ``on_cancelled`` (a result it
        returns anyway is not delivered)."""
        self.control.cancel_event.set()

    def _drop(self) -> None:
        """Superseded, or its owner destroyed: nothing is delivered; the work is asked
        to stop."""
        self._live = False
        self.control.cancel_event.set()

    def _emit_progress(self, progress: object) -> None:
        _emit(self._relay.progressed, self, progress)

    def _execute(self) -> _Outcome:
        """On the worker. Once a cancel was asked for, any ending counts as cancelled."""
        stopped = self.control.cancel_event.is_set
        if stopped():
            return _Outcome(cancelled=True)  # superseded or cancelled before it started
        try:
            value = self._work(self.control)
        except TaskCancelled:
            return _Outcome(cancelled=True)
        except BaseException as error:
            if stopped():
                log.debug("a cancelled task ended with %s", type(error).__name__)
                return _Outcome(cancelled=True)
            return _Outcome(error=error)
        return _Outcome(cancelled=stopped(), value=value)


@dataclass(frozen=True)
class _Callbacks:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[Any], None] | None = None
    on_cancelled: Callable[[], None] | None = None


@dataclass(frozen=True)
class _Outcome:
    value: Any = None
    error: BaseException | None = None
    cancelled: bool = False


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry outcomes and progress across threads.

    It has no Qt parent on purpose: every task holds a Python reference to it, so a
    worker (above all the detached sync thread, which nothing waits for) can never emit
    on a relay that the GUI thread is deleting along with its runner, which crashed the
    process (a segfault, not an exception). Once the runner is gone Qt has disconnected
    it, and an emit reaches nobody."""

    finished = Signal(object, object)  # (Task, _Outcome)
    progressed = Signal(object, object)  # (Task, progress)


def _emit(signal: Any, task: Task, value: object) -> None:
    try:
        signal.emit(task, value)
    except RuntimeError:  # the relay was deleted at interpreter exit: nobody to tell
        log.debug("a task ended after its runner")


class _Job(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        task = self._task
        _emit(task._relay.finished, task, task._execute())


@dataclass
class _OwnerState:
    """An owner's pending tasks and its latest task per key (GUI thread only)."""

    pending: set[Task] = field(default_factory=set)
    latest: dict[Hashable, Task] = field(default_factory=dict)


class TaskRunner(QObject):
    """Owns the thread pools; create one per window (or per app) and pass it along."""

    def __init__(
        self,
        parent: QObject | None = None,
        max_threads: int = 4,
        background_threads: int = BACKGROUND_THREADS,
    ) -> None:
        super().__init__(parent)
        self._relay = _Relay()  # no parent: see _Relay
        self._relay.finished.connect(self._finish)
        self._relay.progressed.connect(self._progress)
        self._pools = {
            Priority.INTERACTIVE: QThreadPool(self),
            Priority.BACKGROUND: QThreadPool(self),
        }
        self._pools[Priority.INTERACTIVE].setMaxThreadCount(max_threads)
        self._pools[Priority.BACKGROUND].setMaxThreadCount(background_threads)
        self._latest: dict[Hashable, Task] = {}  # tasks without an owner
        # Keyed by the owner's C++ address, removed when it is destroyed (so an address
        # reused later starts afresh); nothing here holds the owner itself.
        self._owners: dict[int, _OwnerState] = {}

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        key: Hashable | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Task:
        """Run ``work()`` on a worker; ``on_done(result)`` or ``on_error(exception)``
        follows on the GUI thread, unless ``owner`` is gone or a newer task took
        ``key``."""
        return self.run_controlled(
            lambda _control: work(), on_done, on_error, owner=owner, key=key, priority=priority
        )

    def run_controlled(
        self,
        work: Callable[[TaskControl], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        on_progress: Callable[[Any], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        owner: QObject | None = None,
        key: Hashable | None = None,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Task:
        """Like ``run``, for work that reports progress or obeys a cancel: ``work``
        gets the task's ``TaskControl``."""
        callbacks = _Callbacks(on_done, on_error, on_progress, on_cancelled)
        task = Task(work, callbacks, owner, key, self._relay)
        if owner is not None:
            state = task._state = self._state_of(owner)
            state.pending.add(task)
            latest = state.latest
        else:
            latest = self._latest
        if key is not None:
            older = latest.get(key)
            if older is not None:
                older._drop()
            latest[key] = task
        self._pools[priority].start(_Job(task))
        return task

    def run_detached(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Like ``run``, for work that may hang on the network (the sync): a daemon
        thread that nothing waits for, neither ``wait_for_done`` nor the process's exit,
        so quitting never waits for a server that does not answer."""
        task = Task(lambda _control: work(), _Callbacks(on_done, on_error), None, None, self._relay)
        relay = self._relay

        def body() -> None:
            _emit(relay.finished, task, task._execute())

        threading.Thread(target=body, name="detached-task", daemon=True).start()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Tests and shutdown: wait until every task queued on the pools has finished."""
        deadline = time.monotonic() + msecs / 1000
        done = True
        for pool in self._pools.values():
            left = max(0, int((deadline - time.monotonic()) * 1000))
            done = bool(pool.waitForDone(left)) and done
        return done

    # --- the GUI thread -----------------------------------------------------------------

    @Slot(object, object)
    def _progress(self, task: Task, progress: object) -> None:
        callback = task._callbacks.on_progress
        if callback is not None and self._deliverable(task) and not task.control.cancelled:
            callback(progress)

    @Slot(object, object)
    def _finish(self, task: Task, outcome: _Outcome) -> None:
        task._finished = True
        deliverable = self._deliverable(task)
        self._forget(task)
        callbacks = task._callbacks
        if not deliverable:
            log.debug("a task's outcome was dropped (superseded, or its owner is gone)")
            return
        if outcome.cancelled:
            if callbacks.on_cancelled is not None:
                callbacks.on_cancelled()
        elif outcome.error is not None:
            if callbacks.on_error is None:
                log.error("background task failed", exc_info=outcome.error)
            else:
                callbacks.on_error(outcome.error)
        elif callbacks.on_done is not None:
            callbacks.on_done(outcome.value)

    @staticmethod
    def _deliverable(task: Task) -> bool:
        owner = task._owner
        return task._live and (owner is None or shiboken6.isValid(owner))

    def _state_of(self, owner: QObject) -> _OwnerState:
        address = int(shiboken6.getCppPointer(owner)[0])
        state = self._owners.get(address)
        if state is None:
            state = self._owners[address] = _OwnerState()
            # A plain callable, not a slot of an object of ours: it still runs while a
            # garbage-collected owner is being deleted.
            owner.destroyed.connect(lambda *_: self._owner_destroyed(address))
        return state

    def _owner_destroyed(self, address: int) -> None:
        """The owner is gone: its tasks deliver nothing and are asked to stop."""
        state = self._owners.pop(address, None)
        if state is not None:
            for task in state.pending:
                task._drop()
            state.pending.clear()
            state.latest.clear()

    def _forget(self, task: Task) -> None:
        state = task._state
        if state is not None:
            state.pending.discard(task)
            latest = state.latest
        else:
            latest = self._latest
        if task._key is not None and latest.get(task._key) is task:
            del latest[task._key]
