"""The administrator's policy over the user's settings (client.policy, and how the shell
shows it). The Windows registry is read through a fake ``winreg``, named as such."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cache.errors import OfflineGraceExpired
from client.policy import (
    POLICY_ENV,
    REGISTRY_KEY,
    MachinePolicy,
    PolicyError,
    UserChoices,
    default_policy_path,
    load_machine_policy,
    read_policy_file,
    read_registry,
    resolve,
)
from client.session import SignIn
from tests.server.conftest import PASSWORD, World
from tests.ui.shell.conftest import CHEAP_KDF, MakeShell


class FakeWinreg:
    """Stands in for the standard ``winreg`` module (Windows only) in these tests."""

    HKEY_LOCAL_MACHINE = "HKLM"
    HKEY_CURRENT_USER = "HKCU"

    def __init__(self, keys: dict[str, dict[str, Any]]) -> None:
        self.keys = keys
        self.closed = 0

    def OpenKey(self, key: Any, sub_key: str) -> Any:  # winreg's names
        if (key, sub_key) not in {(self.HKEY_LOCAL_MACHINE, k) for k in self.keys}:
            raise FileNotFoundError(sub_key)
        return sub_key

    def EnumValue(self, key: Any, index: int) -> tuple[str, Any, int]:
        values = list(self.keys[key].items())
        if index >= len(values):
            raise OSError("no more data")
        name, value = values[index]
        return name, value, 4 if isinstance(value, int) else 1

    def CloseKey(self, key: Any) -> None:
        self.closed += 1


def write_policy(path: Path, values: dict[str, Any]) -> Path:
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def test_the_file_is_read_and_validated(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write_policy(
        tmp_path / "policy.json",
        {
            "server_url": "HTTPS://Intranet.Health.gov.az/",
            "ca_bundle": "/etc/ministry/ca.pem",
            "offline_grace_days": 3,
            "language": "AZ",
            "remember_on_this_computer": False,
            "offline_grace_hours": 5,
        },
    )
    with caplog.at_level(logging.WARNING):
        policy = read_policy_file(path)
    assert policy == MachinePolicy(
        server_url="https://intranet.health.gov.az",
        ca_bundle=Path("/etc/ministry/ca.pem"),
        offline_grace_days=3,
        language="az",
        remember_on_this_computer=False,
    )
    assert "offline_grace_hours" in caplog.text


def test_bad_values_are_ignored_one_by_one(tmp_path: Path) -> None:
    path = write_policy(
        tmp_path / "policy.json",
        {"server_url": "intranet", "offline_grace_days": "7", "language": "fr", "ca_bundle": 3},
    )
    assert read_policy_file(path) == MachinePolicy()


def test_a_broken_file_changes_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "policy.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(PolicyError):
        read_policy_file(path)
    with caplog.at_level(logging.ERROR):
        assert load_machine_policy(path, FakeWinreg({})) == MachinePolicy()
    assert "is ignored" in caplog.text
    assert read_policy_file(tmp_path / "absent.json") == MachinePolicy()


def test_the_environment_variable_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_policy(tmp_path / "p.json", {"language": "ru"})
    monkeypatch.setenv(POLICY_ENV, str(path))
    assert default_policy_path() == path
    assert load_machine_policy(winreg=FakeWinreg({})).language == "ru"


def test_the_registry_wins_over_the_file(tmp_path: Path) -> None:
    path = write_policy(
        tmp_path / "policy.json",
        {"server_url": "https://file.example", "language": "ru", "offline_grace_days": 10},
    )
    registry = FakeWinreg(
        {
            REGISTRY_KEY: {
                "ServerUrl": "https://registry.example",
                "OfflineGraceDays": 2,
                "RememberOnThisComputer": 0,
                "Unknown": "x",
            }
        }
    )
    policy = load_machine_policy(path, registry)
    assert policy == MachinePolicy(
        server_url="https://registry.example",
        offline_grace_days=2,
        language="ru",  # only in the file
        remember_on_this_computer=False,
    )
    assert registry.closed == 1
    assert read_registry(FakeWinreg({})) == MachinePolicy()  # no policy key


def test_policy_wins_over_the_users_choices() -> None:
    user = UserChoices(server_url="https://mine.example", language="en", remember=True)
    assert resolve(MachinePolicy(), user).server_url == "https://mine.example"
    effective = resolve(
        MachinePolicy(server_url="https://intranet.health.gov.az", language="az"), user
    )
    assert effective.server_url == "https://intranet.health.gov.az"
    assert effective.server_url_locked and effective.language_locked
    assert effective.language == "az"
    forbidden = resolve(MachinePolicy(remember_on_this_computer=False), user)
    assert not forbidden.remember_allowed and not forbidden.remember


def test_policy_only_tightens_the_servers_limits() -> None:
    server = {"offline_grace_days": 14, "remember_on_this_computer": True, "idle_lock_minutes": 15}
    assert MachinePolicy(offline_grace_days=3).limit(server)["offline_grace_days"] == 3
    assert MachinePolicy(offline_grace_days=30).limit(server)["offline_grace_days"] == 14
    assert (
        MachinePolicy(remember_on_this_computer=True).limit(
            {**server, "remember_on_this_computer": False}
        )["remember_on_this_computer"]
        is False
    )
    assert MachinePolicy(remember_on_this_computer=False).limit(server) == {
        **server,
        "remember_on_this_computer": False,
    }


def test_the_dialog_shows_a_policy_server_read_only(
    make_shell: MakeShell, world: World, tmp_path: Path
) -> None:
    app = make_shell(
        machine_policy=MachinePolicy(
            server_url=world.server.base_url, remember_on_this_computer=False
        ),
        prefill=None,
    )
    app.shell.settings.server_url = "https://somewhere.else"
    app.shell.show_sign_in()
    dialog = app.shell.dialog
    assert dialog is not None
    assert dialog.server.isReadOnly()
    assert dialog.server.text() == world.server.base_url
    assert dialog.server.toolTip() == "Set by your administrator"
    assert dialog.remember.isVisible() and not dialog.remember.isEnabled()
    assert "set by your organisation" in dialog.remember.text()
    app.sign_in()
    session = app.shell.session
    assert session is not None
    assert session.policy["remember_on_this_computer"] is False


def test_a_shorter_grace_set_later_is_enforced_offline(world: World, tmp_path: Path) -> None:
    lenient = SignIn(
        world.server.base_url,
        profile_dir=tmp_path / "profiles",
        vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
    )
    session = lenient.online("staff", PASSWORD, remember=False)
    session.cache.touch_server_contact(datetime.now(UTC) - timedelta(days=5))
    session.close()
    strict = SignIn(
        world.server.base_url,
        profile_dir=tmp_path / "profiles",
        vault_options={"kdf": CHEAP_KDF, "sleeper": lambda _s: None},
        machine_policy=MachinePolicy(offline_grace_days=3),
    )
    with pytest.raises(OfflineGraceExpired) as raised:
        strict.offline("staff", PASSWORD)
    assert raised.value.grace_days == 3
    lenient.offline("staff", PASSWORD).close()  # 5 days is within the server's 14
