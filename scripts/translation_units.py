"""Which code feeds which translation file, and the refresh that rebuilds them all.

A translation unit is the shell (``ui/*.py`` → ``shell_<lang>.ts``) or one tab package
(``ui/<tab>/**/*.py`` → ``<tab>_<lang>.ts``). Units are found by walking ``ui/``, never
listed by hand, so a new tab gets its files by running ``scripts/translations``, and
tests/ui/test_translations.py checks every unit with these same functions (what the test
demands is exactly what the script makes).

    scripts/translations      # = uv run --locked python -m scripts.translation_units

For each unit and language: ``pyside6-lupdate`` refreshes the ``.ts`` (keeps existing
translations, marks new strings unfinished, drops strings gone from the code), then
``pyside6-lrelease`` builds the ``.qm`` that ships. Running it twice changes nothing.
lupdate reads a plural only from ``self.tr(text, "", n)`` (ui/messages.py shows how), not
from ``QCoreApplication.translate(..., n)``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree  # our own files, not untrusted input

from client.policy import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
SHELL = "shell"
PLACEHOLDERS = ("%1", "%2", "%3", "%n")


@dataclass(frozen=True)
class Unit:
    """Source files translated together, into ``<name>_<language>.ts``."""

    name: str
    sources: tuple[Path, ...]
    directory: Path = TRANSLATIONS_DIR

    def ts(self, language: str) -> Path:
        return self.directory / f"{self.name}_{language}.ts"

    def qm(self, language: str) -> Path:
        return self.directory / f"{self.name}_{language}.qm"


def units(ui_dir: Path = UI_DIR, directory: Path = TRANSLATIONS_DIR) -> list[Unit]:
    """The shell (the modules directly in ``ui/``) and every package below it."""
    shell = Unit(SHELL, tuple(sorted(ui_dir.glob("*.py"))), directory)
    tabs = [
        Unit(package.name, tuple(sorted(package.rglob("*.py"))), directory)
        for package in sorted(ui_dir.iterdir())
        if (package / "__init__.py").is_file()
    ]
    if any(tab.name == SHELL for tab in tabs):
        raise ValueError(f"ui/{SHELL}/ would share the shell's translation files: rename it")
    return [shell, *tabs]


def _tool(name: str) -> str:
    """One of PySide6's tools, from the environment running this Python."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is missing: run `uv sync --locked` first")
    return found


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 - our tools, our files
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr or done.stdout}")


def update_ts(unit: Unit, language: str, ts: Path) -> None:
    """Bring ``ts`` (created if missing) up to date with the unit's code."""
    sources = [str(path) for path in unit.sources]
    _run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
          "-target-language", language, *sources, "-ts", str(ts)])  # fmt: skip


def release(ts: Path, qm: Path) -> None:
    """Build the binary catalogue Qt loads at run time."""
    _run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)])


def source_texts(ts: Path) -> set[tuple[str, str]]:
    """Every (context, source text) the file holds."""
    root = ElementTree.parse(ts).getroot()  # noqa: S314
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def problems(ts: Path) -> list[str]:
    """Every entry not ready to ship: unfinished or empty, a lost placeholder, a plural
    that lupdate did not see as one."""
    root = ElementTree.parse(ts).getroot()  # noqa: S314
    found = []
    for context in root.iter("context"):
        for message in context.iter("message"):
            where = f"{context.findtext('name')}: {message.findtext('source')!r}"
            text = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                found.append(f"no translation: {where}")
                continue
            if translation.get("type") is not None:
                found.append(f"{translation.get('type')}: {where}")
            plural = message.get("numerus") == "yes"
            if "%n" in text and not plural:
                found.append(f"not a plural (use self.tr(text, '', n)): {where}")
            values = (
                [form.text for form in translation.iter("numerusform")]
                if plural
                else [translation.text]
            )
            if not values or not all(value and value.strip() for value in values):
                found.append(f"empty: {where}")
            for marker in PLACEHOLDERS:
                if marker in text and not all(marker in (value or "") for value in values):
                    found.append(f"lost {marker}: {where}")
    return found


def main() -> int:
    for unit in units():
        for language in LANGUAGES:
            ts = unit.ts(language)
            update_ts(unit, language, ts)
            release(ts, unit.qm(language))
            left = problems(ts)
            print(f"{ts.name}: {len(source_texts(ts))} strings, {len(left)} to translate")
            for problem in left:
                print(f"    {problem}")
    known = {unit.ts(language).name for unit in units() for language in LANGUAGES}
    for stray in sorted(TRANSLATIONS_DIR.glob("*.ts")):
        if stray.name not in known:
            print(f"{stray.name}: no code feeds it any more; delete it and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
