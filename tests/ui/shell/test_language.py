"""Switching the language changes what is on screen, at once, without a restart."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from client.policy import MachinePolicy
from tests.ui.shell.conftest import MakeShell, visible_texts
from ui.i18n import system_language
from ui.status import format_when
from ui.sync_controller import CacheFacts

DIALOG = {
    "en": {"Sign in", "Username:", "Password:", "Remember me on this computer", "Quit"},
    "az": {"Daxil ol", "İstifadəçi adı:", "Şifrə:", "Bu kompüterdə məni yadda saxla", "Çıxış"},
    "ru": {"Войти", "Имя пользователя:", "Пароль:", "Запомнить меня на этом компьютере", "Выход"},
}
WINDOW = {
    "en": {"&Intranet", "&Language", "&Synchronise now", "Sign &out", "Online"},
    "az": {"&İntranet", "&Dil", "İndi &sinxronlaşdır", "Sistemdən &çıx", "Onlayn"},
    "ru": {"&Интранет", "&Язык", "&Синхронизировать сейчас", "&Выйти из системы", "В сети"},
}


def status_texts(texts: set[str]) -> set[str]:
    """The connection label reads '●  Online': keep the word."""
    return {t.removeprefix("●  ") for t in texts}


def test_the_sign_in_dialog_follows_the_language_choice(make_shell: MakeShell) -> None:
    app = make_shell()
    dialog = app.dialog
    assert DIALOG["en"] <= visible_texts(dialog)
    for code in ("az", "ru", "en"):
        index = dialog._language.findData(code)
        dialog._language.setCurrentIndex(index)  # as the user picks it in the list
        app.qtbot.waitUntil(lambda c=code: DIALOG[c] <= visible_texts(dialog))
        assert app.shell.settings.language == code
    assert dialog.windowTitle() == "Sign in — Ministry Intranet"


def test_the_main_window_retranslates_every_part(make_shell: MakeShell) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    for code in ("az", "ru", "en"):
        window.parts.menus.language_actions[code].trigger()
        app.qtbot.waitUntil(
            lambda c=code: WINDOW[c] <= status_texts(visible_texts(window)), timeout=5000
        )
        assert window.parts.menus.language_actions[code].isChecked()
    window.parts.menus.language_actions["az"].trigger()
    app.qtbot.waitUntil(lambda: window.windowTitle() == "İntranet — Səhiyyə Nazirliyi")
    assert window.parts.status.last_sync.text().startswith("Son sinxronlaşdırma: ")
    window.parts.menus.language_actions["ru"].trigger()
    app.qtbot.waitUntil(
        lambda: window.parts.status.last_sync.text().startswith("Последняя синхронизация: ")
    )
    # The choice is kept for the next start.
    assert app.shell.settings.language == "ru"


def test_plural_forms_and_numbers_follow_the_language(make_shell: MakeShell) -> None:
    app = make_shell()
    window = app.sign_in()
    app.wait_synced()
    status = window.parts.status
    expected = {
        "ru": {
            1: "1 изменение ожидает отправки",
            3: "3 изменения ожидают отправки",
            5: "5 изменений ожидают отправки",
        },
        "az": {1: "Göndərilməyi gözləyən dəyişiklik: 1", 5: "Göndərilməyi gözləyən dəyişiklik: 5"},
        "en": {1: "1 change waiting to be sent", 5: "5 changes waiting to be sent"},
    }
    for code, cases in expected.items():
        app.shell.set_language(code)
        for count, text in cases.items():
            status.set_facts(CacheFacts(None, count))
            assert status.waiting.text() == text
            assert status.waiting.isVisibleTo(window)
    status.set_facts(CacheFacts(None, 0))
    assert not status.waiting.isVisibleTo(window)


def test_dates_use_the_languages_locale(make_shell: MakeShell) -> None:
    moment = datetime(2025, 3, 14, 9, 5, tzinfo=UTC)
    az = format_when(moment, QLocale("az_Latn_AZ"))
    ru = format_when(moment, QLocale("ru_RU"))
    en = format_when(moment, QLocale("en_GB"))
    assert "mart 2025" in az
    assert "марта 2025" in ru
    assert "March 2025" in en


def test_first_start_follows_the_system_locale() -> None:
    assert system_language(QLocale("az_Latn_AZ")) == "az"
    assert system_language(QLocale("ru_RU")) == "ru"
    assert system_language(QLocale("de_DE")) == "en"
    assert system_language(QLocale("en_US")) == "en"


def test_a_language_set_by_policy_cannot_be_changed(make_shell: MakeShell) -> None:
    app = make_shell(machine_policy=MachinePolicy(language="az"), language="az")
    dialog = app.dialog
    assert not dialog._language.isEnabled()
    window = app.sign_in()
    assert not window.parts.menus.language_actions["en"].isEnabled()
    app.shell.set_language("en")
    assert app.languages.current == "az"


def test_uninstall_gives_back_the_locale_and_the_tabs_translators(qapp: Any) -> None:
    """A window's languages, once uninstalled (sign-out, the next window, the next test),
    leave no trace: the process's locale is the one from before, and no tab keeps its
    translator or writes numbers in the old language."""
    from ui.i18n import Languages
    from ui.registries.i18n import format_number, install_registries_translations

    before = QLocale()
    languages = Languages(qapp)
    languages.add_installer(install_registries_translations)
    languages.switch("ru")
    assert QLocale().language() == QLocale.Language.Russian
    assert format_number(2000) == QLocale("ru").toString(2000)
    languages.uninstall()
    assert QLocale() == before
    assert format_number(2000) == before.toString(2000)
    assert QCoreApplication.translate("RegistriesTab", "Registries") == "Registries"
