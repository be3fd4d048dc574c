"""The Qt binding we ship must not leak or over-release references.

PySide6 6.12.0 under Python 3.11 dropped one reference to None on every call of a method
returning nothing, and one to True on every Signal.emit from Python: after a few thousand
calls the interpreter aborted ("deallocating None"). This guards the pin in pyproject.toml.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ticked = Signal(int)


def test_void_calls_and_emits_keep_reference_counts_of_singletons() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.ticked.connect(received.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        emitter.setObjectName("x")
        emitter.ticked.emit(i)
    assert len(received) == 2000
    # A little slack for unrelated allocations; the bug moved these by 2000.
    assert abs(sys.getrefcount(None) - none_before) < 50
    assert abs(sys.getrefcount(True) - true_before) < 50
