"""How the kill loops' processes talk to the test: one line in one ``write(2)``.

With ``PYTHONUNBUFFERED=1`` (set in CI and here) ``print`` writes a line's text and its
newline in two system calls; a SIGKILL between them left "downloading" without its
newline, the fork server's "ended <pid> <status>" was glued to it, and the test waited
for a line that never came (CI hung). A single write of less than ``PIPE_BUF`` bytes to a
pipe is atomic: the line is whole or absent.
"""

from __future__ import annotations

import os

__all__ = ["say"]


def say(text: str) -> None:
    """Write ``text`` and its newline to stdout at once."""
    data = (text + "\n").encode("utf-8")
    while data:
        data = data[os.write(1, data) :]
