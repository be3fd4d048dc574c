"""Screenshots of the conflict screen for a meeting series changed on two computers.

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
        uv run --locked python scripts/screenshot_series_conflict.py [--out docs/screenshots]

Seeds the ``demo`` data into a temporary server and signs ``head`` in on two profiles.
The first books a weekly series (3 Thursdays at 19:00); the second renames it and moves
it to 19:30 and sends that first; the first, offline meanwhile, had moved it to 20:00:
its push meets a 412 on the series. Saves ``series-conflict`` (the conflict screen) and
``series-conflict-edit`` (its "Edit…": the series dialog with mine) in az and en
(``-<lang>.png``). Nothing is left behind.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMainWindow

from cache.keywrap import Argon2Params
from client.session import SignIn
from domains.bookings.commands import BookSeries, ChangeSeries, occurrences
from domains.bookings.queries import BAKU
from domains.catalog import CATALOG
from domains.changes import conflict_sides
from domains.describers import conflict_shapers
from domains.writes import apply_command
from scripts.screenshot_harness import settle, shot_parser, styled_application, synced_session
from ui.bookings import BookingsTab
from ui.bookings.i18n import install_bookings_translations
from ui.conflict import ConflictDialog
from ui.context import DataEvents, TabContext
from ui.i18n import Languages
from ui.reads import ReadPool
from ui.tasks import TaskRunner
from ui.writes import Writes


def main() -> int:
    parser = shot_parser(__doc__, "az,en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    languages = args.languages.split(",")

    app = styled_application()
    shell = Languages(app)

    def speak(language: str) -> None:
        shell.switch(language)
        install_bookings_translations(app, language)
        QLocale.setDefault(QLocale(language))

    with tempfile.TemporaryDirectory(prefix="series-shot-") as temporary:
        root = Path(temporary)
        with synced_session(root) as session:
            db = session.cache.db
            room_id = str(db.conn.execute("SELECT id FROM rooms ORDER BY name").fetchone()[0])
            day = date.today() + timedelta(days=(3 - date.today().weekday()) % 7 + 7)
            start = datetime.combine(day, time(19, 0), BAKU)
            planned = tuple(occurrences(start, start + timedelta(hours=1), "weekly", count=3))
            apply_command(
                db,
                BookSeries(room_id, "Həftəlik iclas", planned, [], session.user, datetime.now(UTC)),
            )
            session.sync_engine().run()
            series_id = json.loads(
                db.conn.execute(
                    "SELECT record FROM bookings WHERE room_id = ? AND start = ?",
                    (room_id, start.astimezone(UTC).isoformat()),
                ).fetchone()[0]
            )["series_id"]
            other = SignIn(
                session.api.server_url,
                profile_dir=root / "other-profiles",
                vault_options={"kdf": Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)},
            ).online("head", "demo")
            try:
                other.sync_engine().run()
                first = other.cache.db.conn.execute(
                    "SELECT id FROM bookings WHERE json_extract(record, '$.series_id') = ? "
                    "ORDER BY start",
                    (series_id,),
                ).fetchone()[0]
                apply_command(
                    other.cache.db,
                    ChangeSeries(
                        first,
                        other.user,
                        title="Həftəlik iclas: büdcə",
                        start_time=time(19, 30),
                        end_time=time(20, 30),
                    ),
                )
                other.sync_engine().run()
            finally:
                other.close()
            occurrence = str(
                db.conn.execute(
                    "SELECT id FROM bookings WHERE json_extract(record, '$.series_id') = ? "
                    "ORDER BY start",
                    (series_id,),
                ).fetchone()[0]
            )
            apply_command(
                db,
                ChangeSeries(occurrence, session.user, start_time=time(20, 0), end_time=time(21)),
            )
            session.sync_engine().run()
            sides = conflict_sides(db, CATALOG, "bookings", occurrence, conflict_shapers())
            assert sides is not None and sides.kind == "booking_series"

            tasks = TaskRunner()
            events = DataEvents()
            reads = ReadPool(session.cache.connect, tasks)
            writes = Writes(reads, events)
            context = TabContext(
                reads=reads, writes=writes, tasks=tasks, events=events, user=session.user
            )
            window = QMainWindow()
            tab = BookingsTab(context)
            window.setCentralWidget(tab)
            window.resize(1280, 800)
            window.show()
            conflict = ConflictDialog(sides, writes, window)
            conflict.show()
            for language in languages:
                speak(language)
                settle()
                path = args.out / f"series-conflict-{language}.png"
                conflict.grab().save(str(path))
                print(f"saved {path}")
            for language in languages:  # the dialog is worded when it opens
                speak(language)
                edit = tab.edit_conflict(sides, writes)
                assert edit is not None
                settle()
                path = args.out / f"series-conflict-edit-{language}.png"
                edit.grab().save(str(path))
                print(f"saved {path}")
                edit.reject()
            conflict.close()
            tasks.wait_for_done()
            window.close()
            reads.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
