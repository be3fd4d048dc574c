"""Every shipped translation is complete, and every built .qm is newer than its source."""

from __future__ import annotations

import xml.etree.ElementTree as ET  # our own files, not untrusted input
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("az", "ru", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shell_translation_is_complete(language: str) -> None:
    source = TRANSLATIONS / f"shell_{language}.ts"
    root = ET.parse(source).getroot()  # noqa: S314
    messages = list(root.iter("message"))
    assert len(messages) > 50
    problems = []
    for message in messages:
        text = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append((kind, text))
        forms = list(translation.iter("numerusform"))
        values = [f.text for f in forms] if message.get("numerus") == "yes" else [translation.text]
        if not all(v and v.strip() for v in values):
            problems.append(("empty", text))
        # Placeholders survive translation.
        for marker in ("%1", "%2", "%n"):
            if text and marker in text and not all(marker in (v or "") for v in values):
                problems.append((f"lost {marker}", text))
    assert problems == []


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("shell_*.ts")), ids=lambda p: p.name)
def test_every_qm_is_built_from_the_current_ts(ts: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} is missing: run scripts/translations"
    assert qm.stat().st_mtime >= ts.stat().st_mtime, f"{qm.name} is older than {ts.name}"


def test_azerbaijani_is_written_in_latin_script() -> None:
    root = ET.parse(TRANSLATIONS / "shell_az.ts").getroot()  # noqa: S314
    texts = " ".join(t.text or "" for t in root.iter("translation")) + " ".join(
        f.text or "" for f in root.iter("numerusform")
    )
    assert not any("\u0400" <= ch <= "\u04ff" for ch in texts)  # no Cyrillic
    assert "ə" in texts
