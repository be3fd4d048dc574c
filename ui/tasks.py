"""Background work for the GUI: the one way widgets run anything slow.

``TaskRunner.run(work, on_done, on_error)`` calls ``work()`` on a worker thread and
hands its result (or exception) back on the GUI thread by a queued signal, like Anki's
``QueryOp``. ``work`` must not touch widgets; the callbacks may. A task whose owner was
destroyed meanwhile delivers nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; its signals carry results across threads."""

    done = Signal(object, object)  # (callback, result)
    failed = Signal(object, object)  # (callback, exception)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(self._call)
        self.failed.connect(self._call)

    @Slot(object, object)
    def _call(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        if callback is not None:
            callback(value)


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__()
        self.relay, self.work, self.on_done, self.on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:
            if self.on_error is None:
                log.exception("background task failed")
            _deliver(self.relay.failed, self.on_error, error)
            return
        _deliver(self.relay.done, self.on_done, result)


def _deliver(signal: Any, callback: Any, value: Any) -> None:
    try:
        signal.emit(callback, value)
    except RuntimeError:  # the runner was deleted meanwhile: nobody to tell
        log.debug("a task ended after its owner")


class TaskRunner(QObject):
    """Owns a thread pool; create one per window (or per app) and pass it along."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._relay = _Relay()
        self._relay.setParent(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def run_detached(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Like ``run``, for work that may hang on the network (the sync): a daemon
        thread that nothing waits for, neither ``wait_for_done`` nor the process's exit,
        so quitting never waits for a server that does not answer."""
        relay = self._relay

        def body() -> None:
            try:
                result = work()
            except BaseException as error:
                if on_error is None:
                    log.exception("background task failed")
                _deliver(relay.failed, on_error, error)
                return
            _deliver(relay.done, on_done, result)

        threading.Thread(target=body, name="detached-task", daemon=True).start()

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Tests and shutdown: wait until every queued task has finished."""
        return bool(self._pool.waitForDone(msecs))
