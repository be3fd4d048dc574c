"""The server address as people type it: ``intranet.health.gov.az``, ``127.0.0.1:8765``
or a whole URL. A bare host gets ``https://``; only a loopback host (this computer: the
demo, a test server) gets ``http://``, since nothing else should be reached in clear.
What cannot be an address is refused with the reason (``BadAddress.problem``). No Qt.
"""

from __future__ import annotations

import ipaddress
from enum import Enum
from urllib.parse import urlsplit

from cache.profile import normalize_server_url

__all__ = ["AddressProblem", "BadAddress", "complete_server_url", "is_loopback"]


class AddressProblem(Enum):
    EMPTY = "empty"
    SPACES = "spaces"
    SCHEME = "scheme"  # not http(s)://
    NO_HOST = "no_host"
    PORT = "port"  # not a number from 1 to 65535


class BadAddress(ValueError):
    def __init__(self, problem: AddressProblem, text: str) -> None:
        super().__init__(f"not a server address ({problem.value}): {text!r}")
        self.problem = problem


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def complete_server_url(text: str) -> str:
    """The normalised URL for what was typed; raises ``BadAddress`` saying what is wrong."""
    typed = text.strip()
    if not typed:
        raise BadAddress(AddressProblem.EMPTY, text)
    if any(character.isspace() for character in typed):
        raise BadAddress(AddressProblem.SPACES, text)
    if "://" not in typed:
        host = urlsplit(f"//{typed}").hostname or ""
        typed = f"{'http' if is_loopback(host) else 'https'}://{typed}"
    parts = urlsplit(typed)
    if parts.scheme.lower() not in ("http", "https"):
        raise BadAddress(AddressProblem.SCHEME, text)
    if not parts.hostname:
        raise BadAddress(AddressProblem.NO_HOST, text)
    try:
        port = parts.port
    except ValueError:
        raise BadAddress(AddressProblem.PORT, text) from None
    if port == 0:
        raise BadAddress(AddressProblem.PORT, text)
    return normalize_server_url(typed)
