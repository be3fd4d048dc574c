"""Screenshots of the Registries tab in a real window.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \\
        uv run --locked python scripts/screenshot_registries.py [--million /tmp/registries-bench]

- ``registries-million-<lang>.png``: a registry of 1 000 000 rows, filtered and sorted,
  and ``registries-export-<lang>.png``: an XLSX export of it in progress. Both from the
  cache ``bench/registries.py`` builds (``--million``; skipped when it is absent).
- ``registries-online-search-<lang>.png``: the free search online (Cyrillic typed for
  Latin), and ``registries-online-export-<lang>.png``: an online export in progress
  (its pages paced, ``PacedOnlineReads``, so the shot catches it); ``--online-only``
  takes just these two.
- ``registries-atc-<lang>.png``: the medicines' ATC view,
  ``registries-online-<lang>.png``: a registry not kept on this computer browsed online
  (filtered and sorted by the server, with its exact count),
  ``registries-online-atc-<lang>.png``: the medicines' ATC tree read from the server,
  and ``registries-personal-<lang>.png``: the
  personal-data line a department head sees, named by the server; over the ``demo`` data
  seeded into a temporary server and synced.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QTabWidget

from cache.database import open_database
from cache.keywrap import Argon2Params
from cache.meta import Meta
from client.online import ApiOnlineReads
from client.session import Session, SignIn
from domains.registries.online import EXPORT_PAGE
from scripts.screenshot_harness import settle, shot_parser, styled_application, wait_until
from server.config import Settings
from server.runner import ServerThread, seed_if_empty
from ui.context import DataEvents, TabContext
from ui.reads import ReadPool
from ui.registries import RegistriesTab, install_registries_translations
from ui.tasks import TaskRunner
from ui.writes import Writes

MILLION = "reg-health-workers"


@contextlib.contextmanager
def demo_sessions(root: Path) -> Iterator[tuple[Session, Session]]:
    settings = Settings(data_dir=root / "server")
    seed_if_empty(settings, "demo")
    server = ServerThread(settings).start()
    sessions = []
    try:
        for username, offline in (("analyst", ["reg-medicines"]), ("head", [])):
            sign_in = SignIn(
                server.base_url,
                profile_dir=root / username,
                vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
            )
            session = sign_in.online(username, "demo")
            session.cache.meta.offline_registries = offline
            session.sync_engine().run()
            sessions.append(session)
        yield sessions[0], sessions[1]
    finally:
        for session in sessions:
            session.close()
        server.stop()


class Window:
    def __init__(
        self,
        connect: Callable[[], Any],
        user: dict[str, object],
        size: tuple[int, int],
        online: Session | None = None,
        online_reads: Any = None,
    ) -> None:
        self.tasks = TaskRunner()
        self.events = DataEvents()
        self.reads = ReadPool(connect, self.tasks)
        context = TabContext(
            reads=self.reads,
            writes=Writes(self.reads, self.events),
            tasks=self.tasks,
            events=self.events,
            user=user,
            online=online_reads
            or (ApiOnlineReads(online.api, lambda: True) if online is not None else None),
        )
        self.window = QMainWindow()
        self.tabs = QTabWidget(self.window)
        self.window.setCentralWidget(self.tabs)
        self.tab = RegistriesTab(context)
        self.tabs.addTab(self.tab, RegistriesTab.title())
        self.window.resize(*size)
        self.window.show()

    def shoot(self, app: QApplication, languages: list[str], path: Callable[[str], Path]) -> None:
        for language in languages:
            install_registries_translations(app, language)
            self.tabs.setTabText(0, RegistriesTab.title())
            settle()
            self.window.grab().save(str(path(language)))
            print(f"saved {path(language)}")

    def close(self) -> None:
        self.tab.cancel_export()
        self.tasks.wait_for_done()
        self.window.close()
        self.reads.close()


def million(
    app: QApplication, folder: Path, out: Path, languages: list[str], size: tuple[int, int]
) -> None:
    key = bytes.fromhex((folder / "bench.key").read_text())

    def connect() -> Any:
        return open_database(folder / "cache.db", key, create=False)

    db = connect()
    Meta(db).offline_registries = [MILLION]
    db.close()
    shot = Window(connect, {"roles": ["staff", "analyst"], "id": "p-analyst"}, size)
    tab = shot.tab
    wait_until(lambda: tab.chooser.count() > 0)
    tab.choose(MILLION)
    wait_until(lambda: tab.model is not None and (tab.model.count or 0) == 1_000_000, 120)
    row = tab.filter_row
    assert row is not None and tab.model is not None
    district = row.editor("district")[0]
    assert isinstance(district, QComboBox)
    wait_until(lambda: district.count() > 3, 120)
    district.setCurrentIndex(district.findData("Bakı şəhəri, Xətai rayonu"))
    wait_until(lambda: bool(tab.model and tab.model.query.filters), 30)
    tab.model.sort(0)
    wait_until(
        lambda: bool(tab.model and tab.model.query.sort == "full_name" and tab.model.count), 60
    )
    tab.table.selectRow(2)
    shot.shoot(app, languages, lambda lang: out / f"registries-million-{lang}.png")
    tab.export_to(folder / "screenshot-export.xlsx", "xlsx")
    wait_until(lambda: tab.export_progress.value() > 2000, 120)
    shot.shoot(app, languages, lambda lang: out / f"registries-export-{lang}.png")
    shot.close()
    (folder / "screenshot-export.xlsx").unlink(missing_ok=True)


class PacedOnlineReads:
    """The session's online reads, each page of rows a second late: a screenshot of an
    export in progress needs it to last (2 000 demo rows take well under a second)."""

    def __init__(self, reads: ApiOnlineReads, pace: float = 1.0) -> None:
        self._reads = reads
        self._pace = pace

    @property
    def available(self) -> bool:
        return self._reads.available

    def get_json(self, path: str, params: Any = None) -> object:
        if path.endswith("/rows") and params and int(params.get("limit", 0)) >= EXPORT_PAGE:
            time.sleep(self._pace)
        return self._reads.get_json(path, params)


def online_search_and_export(
    app: QApplication, out: Path, languages: list[str], size: tuple[int, int]
) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="registries-shot-") as temporary,
        demo_sessions(Path(temporary)) as (analyst, _head),
    ):
        shot = Window(analyst.cache.connect, analyst.user, size, online=analyst)
        tab = shot.tab
        wait_until(lambda: tab.choice("reg-institutions") is not None)
        tab.choose("reg-institutions")
        wait_until(lambda: bool(tab.model and tab.model.online and tab.model.loaded_once))
        tab.search.setText("шеки")
        wait_until(lambda: bool(tab.model and tab.model.query.search))
        tab.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        wait_until(lambda: bool(tab.model and tab.model.query.sort == "beds"))
        wait_until(lambda: bool(tab.model and tab.model.count))
        settle(1.0)
        tab.table.selectRow(0)
        shot.shoot(app, languages, lambda lang: out / f"registries-online-search-{lang}.png")
        shot.close()
        paced = PacedOnlineReads(ApiOnlineReads(analyst.api, lambda: True))
        shot = Window(analyst.cache.connect, analyst.user, size, online_reads=paced)
        tab = shot.tab
        wait_until(lambda: tab.choice("reg-institutions") is not None)
        tab.choose("reg-institutions")
        wait_until(lambda: bool(tab.model and tab.model.online and tab.model.loaded_once))
        target = Path(temporary) / "müəssisələr.xlsx"
        tab.export_to(target, "xlsx")
        wait_until(lambda: tab.export_progress.value() >= EXPORT_PAGE, 60)
        for language in languages:  # one shot per page: the export stays in progress
            shot.shoot(app, [language], lambda lang: out / f"registries-online-export-{lang}.png")
        shot.close()


def demo(app: QApplication, out: Path, languages: list[str], size: tuple[int, int]) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="registries-shot-") as temporary,
        demo_sessions(Path(temporary)) as (analyst, head),
    ):
        shot = Window(analyst.cache.connect, analyst.user, size)
        tab = shot.tab
        wait_until(lambda: tab.chooser.count() > 0)
        tab.choose("reg-medicines")
        wait_until(lambda: tab.atc_tree.topLevelItemCount() > 2)
        group = tab.atc_tree.topLevelItem(3)
        assert group is not None
        group.setExpanded(True)
        wait_until(lambda: group.childCount() > 0)
        tab.atc_tree.setCurrentItem(group.child(0))
        wait_until(lambda: bool(tab.model and tab.model.query.filters and tab.model.count))
        tab.table.selectRow(0)
        shot.shoot(app, languages, lambda lang: out / f"registries-atc-{lang}.png")
        shot.close()
        shot = Window(analyst.cache.connect, analyst.user, size, online=analyst)
        tab = shot.tab
        wait_until(lambda: tab.choice("reg-institutions") is not None)
        tab.choose("reg-institutions")
        wait_until(lambda: bool(tab.model and tab.model.online and tab.model.loaded_once))
        row = tab.filter_row
        assert row is not None and tab.model is not None
        kind = row.editor("ownership")[0]  # more rows than the first page: counted
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findData("Dövlət"))
        wait_until(lambda: bool(tab.model and tab.model.query.filters))
        tab.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        wait_until(lambda: bool(tab.model and tab.model.query.sort == "beds"))
        wait_until(lambda: bool(tab.model and tab.model.count is not None))  # the server's
        settle(1.0)
        tab.table.selectRow(1)
        shot.shoot(app, languages, lambda lang: out / f"registries-online-{lang}.png")
        shot.close()
        shot = Window(head.cache.connect, head.user, size, online=head)
        tab = shot.tab
        wait_until(lambda: tab.choice("reg-medicines") is not None)
        tab.choose("reg-medicines")  # not kept by the head: its ATC tree from the server
        wait_until(lambda: tab.online_mode and tab.atc_tree.topLevelItemCount() > 2)
        group = tab.atc_tree.topLevelItem(3)
        assert group is not None
        group.setExpanded(True)
        wait_until(lambda: group.childCount() > 0)
        tab.atc_tree.setCurrentItem(group.child(0))
        wait_until(lambda: bool(tab.model and tab.model.query.filters and tab.model.count))
        settle(1.0)
        tab.table.selectRow(0)
        shot.shoot(app, languages, lambda lang: out / f"registries-online-atc-{lang}.png")
        shot.close()
        shot = Window(head.cache.connect, head.user, size, online=head)
        tab = shot.tab
        wait_until(lambda: tab.chooser.count() > 0)
        wait_until(lambda: "\n" in tab.chooser.item(tab.chooser.count() - 1).text())
        tab.chooser.setCurrentRow(tab.chooser.count() - 1)
        shot.tasks.wait_for_done()
        wait_until(lambda: tab.pages.currentWidget() is tab.message)
        shot.shoot(app, languages, lambda lang: out / f"registries-personal-{lang}.png")
        shot.close()


def main() -> int:
    parser = shot_parser(__doc__, "az,en")
    parser.add_argument("--million", type=Path, default=Path("/tmp/registries-bench"))  # noqa: S108
    parser.add_argument("--skip-million", action="store_true", help="only the demo's shots")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--online-only", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = styled_application()
    languages = args.languages.split(",")
    size = (args.width, args.height)
    if args.online_only:
        online_search_and_export(app, args.out, languages, size)
        return 0
    if args.skip_million:
        pass
    elif (args.million / "cache.db").exists():
        million(app, args.million, args.out, languages, size)
    else:
        print(f"no {args.million}/cache.db: run bench/registries.py first for the million shots")
    demo(app, args.out, languages, size)
    online_search_and_export(app, args.out, languages, size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
