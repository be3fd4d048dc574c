"""The administrator's policy for this computer, over the user's own settings.

An administrator pushes a machine-wide JSON file (``%ProgramData%\\MinistryIntranet\\
policy.json`` on Windows, ``/etc/ministry-intranet/policy.json`` elsewhere; the
``MINISTRY_INTRANET_POLICY`` environment variable names another file, for tests) and, on
Windows, values under ``HKLM\\Software\\Policies\\MinistryIntranet`` (Group Policy). The
registry wins over the file, and both win over what the user chose. A value the
administrator set is shown read-only in the app.

The file, every key optional::

    {"server_url": "https://intranet.health.gov.az",
     "ca_bundle": "C:\\\\ProgramData\\\\MinistryIntranet\\\\ministry-ca.pem",
     "offline_grace_days": 7,
     "language": "az",
     "remember_on_this_computer": false,
     "idle_lock_minutes": 10,
     "helpdesk_name": "IT service desk",
     "helpdesk_phone": "+994 12 555 00 00",
     "helpdesk_email": "helpdesk@health.gov.az",
     "helpdesk_url": "https://helpdesk.health.gov.az"}

``idle_lock_minutes`` meets the server's policy of the same name: the stricter one
applies, i.e. the smaller number of minutes where both lock (0 or absent: no lock from
that side), so neither side can switch off a lock the other asks for
(``idle_lock_minutes``). The ``helpdesk_*`` values are shown in the app's Help menu.

A malformed file or value is reported in the log and ignored (it changes nothing): the
app then behaves as without it. No Qt here: the command line and tests read it too.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Protocol, cast

from cache.profile import normalize_server_url

__all__ = [
    "LANGUAGES",
    "POLICY_ENV",
    "REGISTRY_KEY",
    "Effective",
    "Helpdesk",
    "MachinePolicy",
    "PolicyError",
    "UserChoices",
    "default_policy_path",
    "idle_lock_minutes",
    "load_machine_policy",
    "read_policy_file",
    "read_registry",
    "resolve",
]

log = logging.getLogger(__name__)

POLICY_ENV = "MINISTRY_INTRANET_POLICY"
REGISTRY_KEY = r"Software\Policies\MinistryIntranet"
LANGUAGES = ("az", "ru", "en")

# Registry value names (Group Policy style) for the policy's fields.
_REGISTRY_NAMES = {
    "ServerUrl": "server_url",
    "CaBundle": "ca_bundle",
    "OfflineGraceDays": "offline_grace_days",
    "Language": "language",
    "RememberOnThisComputer": "remember_on_this_computer",
    "IdleLockMinutes": "idle_lock_minutes",
    "HelpdeskName": "helpdesk_name",
    "HelpdeskPhone": "helpdesk_phone",
    "HelpdeskEmail": "helpdesk_email",
    "HelpdeskUrl": "helpdesk_url",
}

_HELPDESK_TEXT_LIMIT = 200


class PolicyError(ValueError):
    """A policy source that cannot be read as a whole (not JSON, not an object)."""


@dataclass(frozen=True)
class MachinePolicy:
    """What the administrator set; None means "not set, the user decides"."""

    server_url: str | None = None
    ca_bundle: Path | None = None
    offline_grace_days: int | None = None
    language: str | None = None
    remember_on_this_computer: bool | None = None
    idle_lock_minutes: int | None = None
    helpdesk_name: str | None = None
    helpdesk_phone: str | None = None
    helpdesk_email: str | None = None
    helpdesk_url: str | None = None

    @property
    def helpdesk(self) -> Helpdesk | None:
        """Whom to call, as the administrator set it; None when nothing is set."""
        contact = Helpdesk(
            self.helpdesk_name, self.helpdesk_phone, self.helpdesk_email, self.helpdesk_url
        )
        return None if contact.empty else contact

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str) -> MachinePolicy:
        """Take the valid values; warn about (and drop) the rest."""
        taken: dict[str, Any] = {}
        for name, value in values.items():
            try:
                taken[name] = _validate(name, value)
            except ValueError as error:
                log.warning("policy %s: ignoring %s: %s", source, name, error)
        return cls(**taken)

    def over(self, lower: MachinePolicy) -> MachinePolicy:
        """This policy's values where set, ``lower``'s elsewhere (registry over file)."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(lower, **{k: v for k, v in changes.items() if v is not None})

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def limit(self, server_policy: Mapping[str, Any]) -> dict[str, Any]:
        """The server's policy made no looser by this one: the shorter offline grace, and
        no remembering if either forbids it. Stored in the cache and enforced there."""
        limited = dict(server_policy)
        if self.offline_grace_days is not None:
            server_days = server_policy.get("offline_grace_days")
            if isinstance(server_days, int) and not isinstance(server_days, bool):
                limited["offline_grace_days"] = min(server_days, self.offline_grace_days)
            else:
                limited["offline_grace_days"] = self.offline_grace_days
        if self.remember_on_this_computer is False:
            limited["remember_on_this_computer"] = False
        return limited


@dataclass(frozen=True)
class Helpdesk:
    """The service desk's contact from the administrator's policy (any part may be unset)."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.name or self.phone or self.email or self.url)


def idle_lock_minutes(server_value: object, machine: MachinePolicy) -> int:
    """Minutes of inactivity before the window locks (0: never): the stricter of the
    server's policy and the machine's, i.e. the smaller where both set a lock."""
    candidates = [
        value
        for value in (server_value, machine.idle_lock_minutes)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0
    ]
    return min(candidates, default=0)


def _helpdesk_text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("not text")
    text = value.strip()
    if len(text) > _HELPDESK_TEXT_LIMIT:
        raise ValueError(f"longer than {_HELPDESK_TEXT_LIMIT} characters")
    if name == "helpdesk_email" and ("@" not in text or any(c.isspace() for c in text)):
        raise ValueError("not an e-mail address")
    if name == "helpdesk_url" and not text.lower().startswith(("https://", "http://")):
        raise ValueError("not an http(s) address")
    return text


def _validate(name: str, value: Any) -> Any:
    if name == "server_url":
        if not isinstance(value, str):
            raise ValueError("not text")
        url = normalize_server_url(value)
        if not url.startswith(("https://", "http://")):
            raise ValueError("not an http(s) address")
        return url
    if name == "ca_bundle":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("not a path")
        return Path(value.strip())
    if name == "offline_grace_days":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
            raise ValueError("not a number of days between 0 and 365")
        return value
    if name == "language":
        if not isinstance(value, str) or value.strip().lower() not in LANGUAGES:
            raise ValueError(f"not one of {', '.join(LANGUAGES)}")
        return value.strip().lower()
    if name == "remember_on_this_computer":
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):  # a registry DWORD
            return bool(value)
        raise ValueError("not true or false")
    if name == "idle_lock_minutes":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1440:
            raise ValueError("not a number of minutes between 0 and 1440")
        return value
    if name.startswith("helpdesk_") and name in {f.name for f in fields(MachinePolicy)}:
        return _helpdesk_text(name, value)
    raise ValueError("unknown setting")


def default_policy_path() -> Path:
    """Where the administrator's file lives (the environment variable wins)."""
    override = os.environ.get(POLICY_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(program_data) / "MinistryIntranet" / "policy.json"
    return Path("/etc/ministry-intranet/policy.json")


def read_policy_file(path: Path) -> MachinePolicy:
    """The policy in ``path``; an absent file is an empty policy. Raises ``PolicyError``
    for a file that is there but unreadable as a JSON object."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad writes a BOM
    except FileNotFoundError:
        return MachinePolicy()
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(f"cannot read {path}: {type(error).__name__}") from error
    try:
        values = json.loads(text)
    except ValueError as error:
        raise PolicyError(f"{path} is not valid JSON: {error}") from error
    if not isinstance(values, dict):
        raise PolicyError(f"{path} must hold a JSON object")
    return MachinePolicy.from_mapping(values, str(path))


class WinregLike(Protocol):
    """The part of the standard ``winreg`` module this reads (so tests pass a fake)."""

    HKEY_LOCAL_MACHINE: Any

    def OpenKey(self, key: Any, sub_key: str) -> Any: ...

    def EnumValue(self, key: Any, index: int) -> tuple[str, Any, int]: ...

    def CloseKey(self, key: Any) -> None: ...


def _system_winreg() -> WinregLike | None:
    if sys.platform == "win32":
        import winreg  # noqa: PLC0415 - exists on Windows only

        return cast(WinregLike, winreg)
    return None


def read_registry(winreg: WinregLike | None = None) -> MachinePolicy:
    """``HKLM\\Software\\Policies\\MinistryIntranet`` (Windows; empty elsewhere)."""
    registry = winreg if winreg is not None else _system_winreg()
    if registry is None:
        return MachinePolicy()
    try:
        key = registry.OpenKey(registry.HKEY_LOCAL_MACHINE, REGISTRY_KEY)
    except OSError:
        return MachinePolicy()  # no policy key: nothing set
    values: dict[str, Any] = {}
    try:
        index = 0
        while True:
            try:
                name, value, _kind = registry.EnumValue(key, index)
            except OSError:
                break  # no more values
            index += 1
            field = _REGISTRY_NAMES.get(name)
            if field is None:
                log.warning("policy registry: ignoring unknown value %s", name)
            else:
                values[field] = value
    finally:
        registry.CloseKey(key)
    return MachinePolicy.from_mapping(values, "HKLM\\" + REGISTRY_KEY)


def load_machine_policy(
    path: Path | None = None, winreg: WinregLike | None = None
) -> MachinePolicy:
    """The registry over the file. A broken file is logged and left out."""
    try:
        from_file = read_policy_file(path or default_policy_path())
    except PolicyError as error:
        log.error("the administrator's policy file is ignored: %s", error)
        from_file = MachinePolicy()
    return read_registry(winreg).over(from_file)


@dataclass(frozen=True)
class UserChoices:
    """What the user chose in the app (kept in their settings)."""

    server_url: str | None = None
    language: str | None = None
    remember: bool = True


@dataclass(frozen=True)
class Effective:
    """What the app uses, and which of it the user may change."""

    server_url: str | None
    server_url_locked: bool
    language: str | None
    language_locked: bool
    ca_bundle: Path | None
    remember_allowed: bool
    remember: bool


def resolve(policy: MachinePolicy, user: UserChoices) -> Effective:
    """The administrator's values over the user's."""
    remember_allowed = policy.remember_on_this_computer is not False
    return Effective(
        server_url=policy.server_url or user.server_url,
        server_url_locked=policy.server_url is not None,
        language=policy.language or user.language,
        language_locked=policy.language is not None,
        ca_bundle=policy.ca_bundle,
        remember_allowed=remember_allowed,
        remember=remember_allowed and user.remember,
    )
