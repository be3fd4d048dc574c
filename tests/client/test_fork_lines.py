"""The kill loops' line protocol: each line leaves in one write(2), so a SIGKILL can
never leave half of one for the next line to be glued to (a CI run hung on
"downloadingended 15017 9" when print wrote the text and the newline apart)."""

from __future__ import annotations

import os

import pytest

from tests.client import fork_lines


def test_a_line_and_its_newline_leave_in_one_write(monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[tuple[int, bytes]] = []

    def record(fd: int, data: bytes) -> int:
        writes.append((fd, bytes(data)))
        return len(data)

    monkeypatch.setattr(os, "write", record)
    fork_lines.say("downloading")
    fork_lines.say("ended 15017 9")
    assert writes == [(1, b"downloading\n"), (1, b"ended 15017 9\n")]


def test_a_short_write_is_finished(monkeypatch: pytest.MonkeyPatch) -> None:
    writes: list[bytes] = []

    def halves(_fd: int, data: bytes) -> int:
        writes.append(bytes(data))
        return max(1, len(data) // 2)

    monkeypatch.setattr(os, "write", halves)
    fork_lines.say("pid 42")
    assert b"".join(w[: max(1, len(w) // 2)] for w in writes) == b"pid 42\n"
