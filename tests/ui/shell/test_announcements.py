"""A tab's news and counted title reach the shell: a tab with ``titleChanged`` and
``current_title()`` has its count on its tab ("Documents (3)"); a tab's ``announced``
news shows in the status bar always, and as a tray notification where the system has a
tray. No tray runs here (offscreen, Xvfb): ``FakeTray`` stands in for it through the
window's notifier seam; the real factory's answer is checked against the system's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QWidget

from tests.ui.shell.conftest import MakeShell
from ui.context import TabContext
from ui.notifier import TrayNotifier, system_tray_notifier
from ui.tabs import TabSpec


class NewsTab(QLabel):
    """A tab with a count in its title and news to tell."""

    titleChanged = Signal()
    announced = Signal(object)

    def __init__(self, context: TabContext) -> None:
        super().__init__()
        self.count = 0

    @staticmethod
    def title() -> str:
        return "News"

    def current_title(self) -> str:
        return f"News ({self.count})" if self.count else "News"

    def arrive(self, count: int) -> None:
        self.count += count
        self.titleChanged.emit()
        self.announced.emit(lambda: f"{count} new in your inbox.")


class FakeTray:
    """Records what a system tray would have shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))


def news_tabs() -> list[TabSpec]:
    return [TabSpec("news", NewsTab, NewsTab.title)]


def _news_tab(window: Any) -> NewsTab:
    tab = window.tabs["news"]
    assert isinstance(tab, NewsTab)
    return tab


def test_news_shows_in_the_status_bar_and_the_tray_and_the_count_on_the_tab(
    make_shell: MakeShell,
) -> None:
    trays: list[FakeTray] = []

    def fake_tray(_window: QWidget) -> FakeTray:
        trays.append(FakeTray())
        return trays[-1]

    window = make_shell(tabs=news_tabs, notifier=fake_tray).sign_in()
    tab = _news_tab(window)
    assert window.tab_widget.tabText(0) == "News"
    tab.arrive(3)
    assert window.tab_widget.tabText(0) == "News (3)"
    assert window.statusBar().currentMessage() == "3 new in your inbox."
    assert len(trays) == 1
    assert trays[0].shown == [(window.windowTitle(), "3 new in your inbox.")]
    tab.arrive(1)  # one tray for the window's life
    assert len(trays) == 1 and trays[0].shown[-1][1] == "1 new in your inbox."
    assert window.tab_widget.tabText(0) == "News (4)"


def test_without_a_tray_the_status_bar_still_tells(make_shell: MakeShell) -> None:
    asked: list[QWidget] = []

    def no_tray(window: QWidget) -> None:
        asked.append(window)  # as system_tray_notifier answers where there is no tray

    window = make_shell(tabs=news_tabs, notifier=no_tray).sign_in()
    _news_tab(window).arrive(2)
    assert asked == [window]
    assert window.statusBar().currentMessage() == "2 new in your inbox."
    assert window.tab_widget.tabText(0) == "News (2)"


def test_the_systems_tray_is_used_exactly_where_it_exists(make_shell: MakeShell) -> None:
    window = make_shell(tabs=news_tabs).sign_in()
    notifier: Callable[..., object] = system_tray_notifier
    made = notifier(window)
    if QSystemTrayIcon.isSystemTrayAvailable():
        assert isinstance(made, TrayNotifier)
    else:  # offscreen and Xvfb have none: the status bar alone tells
        assert made is None
    _news_tab(window).arrive(1)
    assert window.statusBar().currentMessage() == "1 new in your inbox."
