"""What a new user meets in the sign-in dialog: a bare server address, a computer without
a credential store, the demo's password after a sign-out, the hints and names shown."""

from __future__ import annotations

import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QComboBox

from cache.keystore import CredentialStore, KeyStorage
from client.address import AddressProblem, BadAddress, complete_server_url
from tests.server.conftest import PASSWORD, World
from tests.ui.shell.conftest import MakeShell
from ui.app import Prefill
from ui.main_window import Leave


def test_a_bare_loopback_address_signs_in_over_http(make_shell: MakeShell, world: World) -> None:
    bare = world.server.base_url.removeprefix("http://")  # 127.0.0.1:PORT, as typed
    app = make_shell(prefill=Prefill(bare))
    app.sign_in()
    session = app.shell.session
    assert session is not None
    assert session.profile.server_url == world.server.base_url


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("intranet health", "The server address cannot contain spaces."),
        ("ftp://intranet.health.gov.az", "The server address must begin with https://"),
        ("https://", "The server address has no server name"),
        ("intranet.health.gov.az:70000", "must be a number from 1 to 65535"),
    ],
)
def test_a_wrong_address_says_what_is_wrong(make_shell: MakeShell, typed: str, says: str) -> None:
    app = make_shell()
    dialog = app.dialog
    dialog.server.setText(typed)
    app.submit()
    assert says in dialog.message.text()
    assert not dialog.busy and app.shell.window is None  # nothing was tried


def test_without_a_credential_store_remember_me_is_not_offered(make_shell: MakeShell) -> None:
    app = make_shell(credentials=CredentialStore(fail.Keyring()))  # keyring's own "none"
    dialog = app.dialog
    note = dialog.findChild(type(dialog.message), "rememberNote")
    assert note is not None
    app.qtbot.waitUntil(note.isVisible)
    assert not dialog.remember.isChecked() and not dialog.remember.isEnabled()
    assert "no working credential store" in note.text()
    app.sign_in()
    session = app.shell.session
    assert session is not None
    assert session.cache.key_storage == KeyStorage.NOT_ALLOWED  # nothing was tried


def test_with_a_credential_store_remember_me_is_offered(make_shell: MakeShell) -> None:
    app = make_shell()
    dialog = app.dialog
    app.shell.tasks.wait_for_done(10_000)  # the store was asked
    app.qtbot.wait(50)  # and its answer delivered
    note = dialog.findChild(type(dialog.message), "rememberNote")
    assert note is not None and not note.isVisible()
    assert dialog.remember.isChecked() and dialog.remember.isEnabled()


def test_the_demo_password_is_filled_in_only_the_first_time(
    make_shell: MakeShell, world: World
) -> None:
    app = make_shell(prefill=Prefill(world.server.base_url, "staff", PASSWORD))
    assert app.dialog.password.text() == PASSWORD  # the demo's very first sign-in
    app.sign_in()
    app.leave(Leave.SIGN_OUT)
    app.qtbot.waitUntil(lambda: app.shell.dialog is not None)
    assert app.dialog.username.text() == "staff"
    assert app.dialog.password.text() == ""


def test_the_hint_and_the_language_list_say_what_people_expect(make_shell: MakeShell) -> None:
    app = make_shell()
    dialog = app.dialog
    assert dialog.username.placeholderText() == "e.g. turane.ceferli"
    choice = dialog.findChild(QComboBox, "languageChoice")
    assert choice is not None
    names = [choice.itemText(i) for i in range(choice.count())]
    assert names == ["Azərbaycanca", "Русский", "English"]
    window = app.sign_in()
    menu = [a.text() for a in window.parts.menus.language_menu.actions()]
    assert menu == ["Azərbaycanca", "Русский", "English"]


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("intranet.health.gov.az", "https://intranet.health.gov.az"),
        ("Intranet.Health.gov.az:8443/", "https://intranet.health.gov.az:8443"),
        ("127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("localhost:8765", "http://localhost:8765"),
        ("[::1]:8765", "http://[::1]:8765"),
        ("10.0.0.5:8765", "https://10.0.0.5:8765"),  # not this computer: never in clear
        ("http://intranet.health.gov.az", "http://intranet.health.gov.az"),  # as typed
    ],
)
def test_bare_hosts_get_https_and_only_loopback_gets_http(typed: str, url: str) -> None:
    assert complete_server_url(typed) == url


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("  ", AddressProblem.EMPTY),
        ("intranet health", AddressProblem.SPACES),
        ("ftp://intranet", AddressProblem.SCHEME),
        ("https://", AddressProblem.NO_HOST),
        ("intranet:http", AddressProblem.PORT),
        ("intranet:0", AddressProblem.PORT),
    ],
)
def test_what_cannot_be_an_address_says_why(typed: str, problem: AddressProblem) -> None:
    with pytest.raises(BadAddress) as raised:
        complete_server_url(typed)
    assert raised.value.problem is problem
