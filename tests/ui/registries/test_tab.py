"""The Registries tab over the demo data synced from a real server: the chooser with sizes
and modes, the lazy table (first rows, count, SQL sort by a header click, the filter
row, free search), the row detail, the export in the background read back by the
standard library's ``csv``, the ATC tree and the expiring view; the personal-data
message for a user without the role; reads never on the GUI thread."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from domains.registries.filters import RegistryQuery, TextFilter
from domains.registries.queries import count_rows, rows_block
from tests.ui.registries.conftest import MEDICINES, Harness
from ui.registries.i18n import install_registries_translations


def open_medicines(qtbot: Any, harness: Harness) -> None:
    tab = harness.tab
    qtbot.waitUntil(lambda: tab.chooser.count() > 0)
    with qtbot.waitSignal(tab.viewShown, timeout=20_000):
        tab.choose(MEDICINES)
    model = tab.model
    assert model is not None
    qtbot.waitUntil(lambda: model.rowCount() == 5_000, timeout=20_000)


def test_chooser_lists_registries_with_sizes_and_modes(qtbot: Any, analyst_tab: Harness) -> None:
    tab = analyst_tab.tab
    qtbot.waitUntil(lambda: tab.chooser.count() == 4)
    texts = [tab.chooser.item(i).text() for i in range(4)]
    medicines = next(t for t in texts if t.startswith("Dərman"))
    assert "5" in medicines and "offline" in medicines
    assert any("not on this computer" in t for t in texts)


def test_first_rows_count_sort_and_detail(qtbot: Any, analyst_tab: Harness, analyst: Any) -> None:
    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    model = tab.model
    assert model is not None
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(2)] == [
        "Ticarət adı",
        "Beynəlxalq patentləşdirilməmiş adı",
    ]
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    expected = rows_block(
        analyst.cache.db, RegistryQuery(MEDICINES, sort="trade_name", descending=True), 0, 3
    )
    assert [model.row_at(i).id for i in range(3)] == [r.id for r in expected.rows]  # type: ignore[union-attr]
    tab.table.setCurrentIndex(model.index(1, 0))
    assert tab.detail.rowCount() == 10
    assert tab.detail.item(0, 1).text() == expected.rows[1].values["trade_name"]
    tab.copy_current_row()
    from PySide6.QtGui import QGuiApplication

    assert expected.rows[1].values["trade_name"] in QGuiApplication.clipboard().text()
    main = threading.main_thread().ident
    assert analyst_tab.statements.threads and main not in analyst_tab.statements.threads


def test_filter_row_and_search_run_in_sql(qtbot: Any, analyst_tab: Harness, analyst: Any) -> None:
    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    model, row = tab.model, tab.filter_row
    assert model is not None and row is not None
    inn = row.editor("inn")[0]
    assert isinstance(inn, QLineEdit)
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        inn.setText("parasetamol")
    want = count_rows(
        analyst.cache.db, RegistryQuery(MEDICINES, (TextFilter("inn", "parasetamol"),))
    )
    qtbot.waitUntil(lambda: model.rowCount() == want, timeout=20_000)
    assert 0 < want < 5_000
    assert all("Parasetamol" in model.row_at(i).values["inn"] for i in range(min(want, 50)))  # type: ignore[union-attr]
    low, _high = row.editor("valid_until")
    assert isinstance(low, QLineEdit)
    before = model.query
    low.setText("next year")
    problem = row.findChild(type(tab.count_label), "FilterProblem")
    qtbot.waitUntil(
        lambda: any(
            lbl.isVisible() and lbl.text()
            for lbl in row.findChildren(type(tab.count_label), "FilterProblem")
        )
    )
    assert problem is not None
    assert model.query == before
    low.clear()
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.search.setText("Tablet")
    assert model.query.search == "Tablet"


def test_export_in_the_background_is_exactly_the_view(
    qtbot: Any, analyst_tab: Harness, tmp_path: Path
) -> None:
    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    model, row = tab.model, tab.filter_row
    assert model is not None and row is not None
    form = row.editor("form")[0]
    assert isinstance(form, QComboBox)
    qtbot.waitUntil(lambda: form.count() > 2, timeout=20_000)
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        form.setCurrentIndex(1)
    chosen = form.currentData()
    target = tmp_path / "export.csv"
    with qtbot.waitSignal(tab.exportFinished, timeout=30_000):
        tab.export_to(target, "csv")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][3] == "Buraxılış forması"
    assert len(rows) - 1 == model.rowCount() > 0
    assert {r[3] for r in rows[1:]} == {chosen}


def test_atc_tree_and_expiring_view(qtbot: Any, analyst_tab: Harness) -> None:
    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    model = tab.model
    assert model is not None
    qtbot.waitUntil(lambda: tab.atc_tree.topLevelItemCount() > 2, timeout=20_000)
    group = tab.atc_tree.topLevelItem(1)
    code = group.text(0)
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.atc_tree.setCurrentItem(group)
    qtbot.waitUntil(
        lambda: (
            model.rowCount()
            == int(group.text(1).replace(".", "").replace(",", "").replace("\u00a0", ""))
        ),
        timeout=20_000,
    )
    assert all(
        model.row_at(i).values["atc_code"].startswith(code)
        for i in range(min(model.rowCount(), 50))
    )  # type: ignore[union-attr]
    tab.atc_tree.setCurrentItem(tab.atc_tree.topLevelItem(0))
    with qtbot.waitSignal(model.queryFinished, timeout=20_000):
        tab.view_choice.setCurrentIndex(1)
    dates = [model.row_at(i).values["valid_until"] for i in range(min(model.rowCount(), 100))]  # type: ignore[union-attr]
    assert dates and dates == sorted(dates)
    assert all("2026-11-25" <= d <= "2027-02-23" for d in dates)


def test_personal_data_is_not_available_to_the_role(qtbot: Any, head_tab: Harness) -> None:
    tab = head_tab.tab
    qtbot.waitUntil(lambda: tab.chooser.count() == 4)  # 3 registries + the personal-data line
    last = tab.chooser.item(tab.chooser.count() - 1)
    assert "personal data" in last.text()
    tab.chooser.setCurrentItem(last)
    assert tab.pages.currentWidget() is tab.message
    assert "Not available to your role" in tab.message.text()


def test_the_message_shown_follows_a_language_change(
    qtbot: Any, qapp: Any, head_tab: Harness
) -> None:
    tab = head_tab.tab
    qtbot.waitUntil(lambda: tab.chooser.count() == 4)
    tab.chooser.setCurrentItem(tab.chooser.item(tab.chooser.count() - 1))
    assert "Not available to your role" in tab.message.text()
    try:
        assert install_registries_translations(qapp, "az")
        qtbot.waitUntil(lambda: tab.message.text().startswith("Sizin rolunuz"))
    finally:
        install_registries_translations(qapp, "en")
    qtbot.waitUntil(lambda: "Not available to your role" in tab.message.text())


def test_a_registry_not_kept_offline_says_so_and_can_be_chosen(
    qtbot: Any, head_tab: Harness, head: Any
) -> None:
    tab = head_tab.tab
    qtbot.waitUntil(lambda: tab.chooser.count() == 4)
    tab.choose(MEDICINES)
    assert tab.pages.currentWidget() is tab.message
    assert "not on this computer" in tab.message.text()
    tab.keep_offline.setChecked(True)
    qtbot.waitUntil(
        lambda: "offline" in tab.chooser.currentItem().text().split("\n")[1], timeout=10_000
    )
    assert head.cache.meta.offline_registries == [MEDICINES]
    tab.keep_offline.setChecked(False)
    qtbot.waitUntil(lambda: head.cache.meta.offline_registries == [], timeout=10_000)


def test_every_control_is_named_and_reachable(qtbot: Any, analyst_tab: Harness) -> None:
    from tests.ui.shell.accessibility import tab_order_breaks, unnamed_controls

    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    qtbot.waitUntil(lambda: tab.atc_tree.topLevelItemCount() > 2, timeout=20_000)
    assert unnamed_controls(tab) == []
    assert tab_order_breaks(tab) == []


def test_a_cancelled_export_says_so_and_leaves_no_file(
    qtbot: Any, analyst_tab: Harness, tmp_path: Path
) -> None:
    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    target = tmp_path / "all.xlsx"
    tab.export_to(target, "xlsx")
    assert tab.export_progress.isVisible() and tab.export_cancel.isVisible()
    tab.cancel_export()
    qtbot.waitUntil(lambda: not tab.export_progress.isVisible(), timeout=30_000)
    analyst_tab.tasks.wait_for_done()
    if "no file was written" in tab.export_status.text():
        assert list(tmp_path.iterdir()) == []
    else:  # the cancel came after the file was in place: it says where it went
        assert str(target) in tab.export_status.text() and target.exists()


def test_counts_in_the_tree_and_pick_lists_follow_a_language_change(
    qtbot: Any, qapp: Any, analyst_tab: Harness
) -> None:
    """A count read in one language is written again in the next one's grouping
    ("1,164" in English, "1 164" in Russian), not left as it was read."""
    from PySide6.QtCore import QLocale

    tab = analyst_tab.tab
    open_medicines(qtbot, analyst_tab)
    qtbot.waitUntil(lambda: tab.atc_tree.topLevelItemCount() > 2, timeout=20_000)
    groups = [tab.atc_tree.topLevelItem(i) for i in range(1, tab.atc_tree.topLevelItemCount())]
    counts = {g.text(0): g.data(1, Qt.ItemDataRole.UserRole) for g in groups}
    big = next(code for code, count in counts.items() if count >= 1000)
    row = tab.filter_row
    assert row is not None
    form = row.editor("form")[0]
    assert isinstance(form, QComboBox)
    qtbot.waitUntil(lambda: form.count() > 1 and "(" in form.itemText(1), timeout=20_000)
    value = form.itemData(1)
    try:
        assert install_registries_translations(qapp, "ru")
        russian = QLocale("ru")
        qtbot.waitUntil(
            lambda: (
                next(g for g in groups if g.text(0) == big).text(1) == russian.toString(counts[big])
            ),
            timeout=10_000,
        )
        assert "(" in form.itemText(1) and form.itemData(1) == value
        written = form.itemText(1).rsplit("(", 1)[1].rstrip(")")
        assert written == russian.toString(int(written.replace("\u00a0", "")))
    finally:
        install_registries_translations(qapp, "en")
    qtbot.waitUntil(
        lambda: (
            next(g for g in groups if g.text(0) == big).text(1)
            == QLocale("en").toString(counts[big])
        ),
        timeout=10_000,
    )


def test_the_filter_row_keeps_its_editors_readable_in_a_narrow_window(
    qtbot: Any, analyst_tab: Harness
) -> None:
    """At 1280 pixels wide (the tab's share of it) the pick lists give way: every text
    filter keeps room for what is typed, and the tab asks for no more width than it has
    (the long values of a pick list once squeezed the text filters to a few letters)."""
    tab = analyst_tab.tab
    tab.resize(1100, 760)
    open_medicines(qtbot, analyst_tab)
    qtbot.wait(50)
    row = tab.filter_row
    assert row is not None
    edits = [e for e in row.focus_chain() if isinstance(e, QLineEdit)]
    assert edits
    assert all(e.width() >= 80 for e in edits), [e.width() for e in edits]
    assert tab.minimumSizeHint().width() <= 1100
