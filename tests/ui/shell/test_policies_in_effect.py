""" "Policies in effect": every policy field with its value and source (machine policy,
user policy, server, the user's choice, default), and a locked setting greyed where the
user would change it. The registry is read through the named ``FakeWinreg``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from client.policy import (
    POLICY_FIELDS,
    REGISTRY_KEY,
    MachinePolicy,
    PolicyLayers,
    Source,
    UserChoices,
    load_machine_policy,
    load_policy_layers,
    settings_in_effect,
)
from tests.ui.shell.accessibility import unnamed_controls
from tests.ui.shell.conftest import MakeShell
from tests.ui.shell.test_policy import FakeWinreg, write_policy
from ui.about import AboutDialog
from ui.policies import PoliciesDialog


class FakeWinregBothHives(FakeWinreg):
    """The fake ``winreg`` with HKLM and HKCU keys (keys named ``HIVE\\path``)."""

    def OpenKey(self, key: object, sub_key: str) -> object:
        name = f"{key}\\{sub_key}"
        if name not in self.keys:
            raise FileNotFoundError(sub_key)
        return name


def test_the_machine_policy_wins_over_the_users_and_sources_are_kept(tmp_path: Path) -> None:
    registry = FakeWinregBothHives(
        {
            f"HKLM\\{REGISTRY_KEY}": {"Language": "az"},
            f"HKCU\\{REGISTRY_KEY}": {"Language": "ru", "HelpdeskName": "IT"},
        }
    )
    path = write_policy(tmp_path / "policy.json", {"offline_grace_days": 5})
    layers = load_policy_layers(path, registry)
    assert layers.machine == MachinePolicy(language="az", offline_grace_days=5)
    assert layers.user == MachinePolicy(language="ru", helpdesk_name="IT")
    assert load_machine_policy(path, registry) == MachinePolicy(
        language="az", offline_grace_days=5, helpdesk_name="IT"
    )
    assert layers.source("language") is Source.MACHINE_POLICY
    assert layers.source("helpdesk_name") is Source.USER_POLICY
    assert layers.source("server_url") is None


def test_every_setting_has_a_value_and_a_source() -> None:
    layers = PolicyLayers(
        machine=MachinePolicy(offline_grace_days=30, idle_lock_minutes=5),
        user=MachinePolicy(helpdesk_phone="+994 12 555 00 00"),
    )
    user = UserChoices(server_url="https://mine.example", language=None, remember=True)
    server = {"offline_grace_days": 14, "idle_lock_minutes": 15, "remember_on_this_computer": False}
    rows = {row.field.name: row for row in settings_in_effect(layers, user, server)}
    assert list(rows) == [f.name for f in POLICY_FIELDS]
    seen = {name: (row.value, row.source) for name, row in rows.items()}
    assert seen["server_url"] == ("https://mine.example", Source.USER_CHOICE)
    assert seen["language"] == (None, Source.DEFAULT)
    assert seen["offline_grace_days"] == (14, Source.SERVER)  # the stricter one
    assert seen["idle_lock_minutes"] == (5, Source.MACHINE_POLICY)
    assert seen["remember_on_this_computer"] == (False, Source.SERVER)
    assert seen["helpdesk_phone"] == ("+994 12 555 00 00", Source.USER_POLICY)
    assert seen["ca_bundle"] == (None, Source.DEFAULT)
    assert rows["idle_lock_minutes"].locked and not rows["server_url"].locked


@pytest.mark.parametrize(
    ("language", "title", "source"),
    [
        ("en", "Language", "Set by your organisation (computer policy)"),
        ("az", "Dil", "Təşkilatınız tərəfindən təyin edilib (kompüter siyasəti)"),
        ("ru", "Язык", "Задано вашей организацией (политика компьютера)"),
    ],
)
def test_the_view_lists_every_setting_in_the_apps_language(
    make_shell: MakeShell, language: str, title: str, source: str
) -> None:
    app = make_shell(language=language, machine_policy=MachinePolicy(language=language))
    window = app.sign_in()
    assert window.parts.menus.policies.isVisible()
    window.parts.menus.policies.trigger()
    app.qtbot.waitUntil(lambda: bool(_visible(PoliciesDialog)))
    dialog = _visible(PoliciesDialog)[0]
    table = dialog.table
    assert table.rowCount() == len(POLICY_FIELDS)
    row = [f.name for f in POLICY_FIELDS].index("language")
    assert (table.item(row, 0).text(), table.item(row, 2).text()) == (title, source)
    locked_colour = table.item(row, 0).foreground().color()
    free = [f.name for f in POLICY_FIELDS].index("server_url")
    assert table.item(free, 0).foreground().color() != locked_colour  # greyed rows only
    assert table.item(free, 2).text() != source
    assert unnamed_controls(dialog) == []
    dialog.close()


def test_about_opens_the_view_too(make_shell: MakeShell) -> None:
    app = make_shell()
    window = app.sign_in()
    window.parts.menus.about.trigger()
    app.qtbot.waitUntil(lambda: bool(_visible(AboutDialog)))
    about = _visible(AboutDialog)[0]
    assert about.policies_button is not None
    about.policies_button.click()
    app.qtbot.waitUntil(lambda: bool(_visible(PoliciesDialog)))
    _visible(PoliciesDialog)[0].close()
    about.close()


def test_a_locked_language_is_greyed_where_the_user_would_change_it(
    make_shell: MakeShell,
) -> None:
    app = make_shell(machine_policy=MachinePolicy(language="en", remember_on_this_computer=False))
    dialog = app.dialog
    assert not dialog.remember.isEnabled() and dialog.remember.isVisible()
    assert dialog.remember.text() == "Remember me on this computer (set by your organisation)"
    assert not dialog._language.isEnabled()
    assert dialog._language.toolTip() == "Set by your organisation"
    window = app.sign_in()
    note = window.parts.menus.language_locked_note
    assert note.isVisible() and not note.isEnabled()
    assert note.text() == "Set by your organisation"


def _visible(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
