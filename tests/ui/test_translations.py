"""Every translation unit (the shell, each tab package) ships complete in az, ru and en,
holds every string of its code, and ships the .qm built from its .ts.

The units and the checks are the ones scripts/translations uses
(scripts/translation_units.py), so a new tab is checked as soon as it exists. Running
lupdate over a copy of a shipped .ts and lrelease to a temporary .qm must give the shipped
bytes back: that is the script run a second time, changing nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree  # our own files, not untrusted input

import pytest

from scripts.translation_units import (
    LANGUAGES,
    TRANSLATIONS_DIR,
    Unit,
    problems,
    release,
    source_texts,
    units,
    update_ts,
)

UNITS = units()
CASES = [pytest.param(unit, language, id=f"{unit.name}_{language}")
         for unit in UNITS for language in LANGUAGES]  # fmt: skip
RUN = "run scripts/translations"


def test_the_shell_and_every_tab_package_are_found(tmp_path: Path) -> None:
    ui = tmp_path / "ui"
    for name in ("app.py", "bookings/__init__.py", "bookings/rooms/list.py", "icons/x.py"):
        (ui / name).parent.mkdir(parents=True, exist_ok=True)
        (ui / name).write_text("")
    found = {unit.name: unit.sources for unit in units(ui, tmp_path)}
    assert found == {
        "shell": (ui / "app.py",),
        "bookings": (ui / "bookings/__init__.py", ui / "bookings/rooms/list.py"),
    }
    assert {"shell", "directory"} <= {unit.name for unit in UNITS}


def test_an_entry_not_ready_to_ship_is_named(tmp_path: Path) -> None:
    ts = tmp_path / "x_ru.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="ru"><context><name>Tab</name>
<message><source>Ready</source><translation>Готово</translation></message>
<message><source>New</source><translation type="unfinished"></translation></message>
<message><source>Blank</source><translation> </translation></message>
<message><source>Open %1</source><translation>Открыть</translation></message>
<message><source>%n rows</source><translation>%n строк</translation></message>
<message numerus="yes"><source>%n files</source><translation>
<numerusform>%n файл</numerusform><numerusform>%n файла</numerusform><numerusform></numerusform>
</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    assert problems(ts) == [
        "unfinished: Tab: 'New'",
        "empty: Tab: 'New'",
        "empty: Tab: 'Blank'",
        "lost %1: Tab: 'Open %1'",
        "not a plural (use self.tr(text, '', n)): Tab: '%n rows'",
        "empty: Tab: '%n files'",
        "lost %n: Tab: '%n files'",
    ]


@pytest.mark.parametrize(("unit", "language"), CASES)
def test_every_string_is_translated(unit: Unit, language: str) -> None:
    ts = unit.ts(language)
    assert ts.is_file(), f"{ts.name} is missing: {RUN}"
    assert problems(ts) == [], f"{ts.name}: translate these, then {RUN}"


@pytest.mark.parametrize(("unit", "language"), CASES)
def test_the_ts_holds_exactly_the_strings_of_the_code(
    unit: Unit, language: str, tmp_path: Path
) -> None:
    ts = unit.ts(language)
    assert ts.is_file(), f"{ts.name} is missing: {RUN}"
    fresh = tmp_path / ts.name
    shutil.copyfile(ts, fresh)
    update_ts(unit, language, fresh)
    shipped, current = source_texts(ts), source_texts(fresh)
    assert sorted(current - shipped) == [], f"strings of the code missing from {ts.name}: {RUN}"
    assert sorted(shipped - current) == [], f"strings gone from the code still in {ts.name}: {RUN}"
    assert fresh.read_bytes() == ts.read_bytes(), f"{RUN} would change {ts.name}"


@pytest.mark.parametrize(("unit", "language"), CASES)
def test_the_qm_is_built_from_the_current_ts(unit: Unit, language: str, tmp_path: Path) -> None:
    qm = unit.qm(language)
    assert qm.is_file(), f"{qm.name} is missing: {RUN}"
    built = tmp_path / qm.name
    release(unit.ts(language), built)
    assert built.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: {RUN}"


def test_every_translation_file_belongs_to_a_unit() -> None:
    expected = {path.name for unit in UNITS for language in LANGUAGES
                for path in (unit.ts(language), unit.qm(language))}  # fmt: skip
    shipped = {path.name for pattern in ("*.ts", "*.qm") for path in TRANSLATIONS_DIR.glob(pattern)}
    assert sorted(shipped - expected) == [], "no code feeds these any more: delete them"


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_azerbaijani_is_written_in_latin_script(unit: Unit) -> None:
    root = ElementTree.parse(unit.ts("az")).getroot()  # noqa: S314
    texts = " ".join(t.text or "" for t in root.iter("translation")) + " ".join(
        f.text or "" for f in root.iter("numerusform")
    )
    assert not any("\u0400" <= ch <= "\u04ff" for ch in texts)  # no Cyrillic
    assert "ə" in texts
