"""Every 4xx the server can answer a queued change with reads as a sentence in az, ru and
en (ui/write_errors.py); the codes are found in the server's own code, so a new one
fails here until it has its words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from client.errors import ApiProblem, parse_refusal, problem_for
from ui.write_errors import BY_CODE, BY_STATUS, CONTEXT, refusal_sentence, sentence

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def server_error_codes() -> set[tuple[int, str]]:
    """(status, code) of every 4xx the server raises: ``ApiError(4xx, "code"``, the
    generic HTTP ones (``_HTTP_CODES``) and the sign-in ones (``unauthorized("code"``)."""
    found: set[tuple[int, str]] = set()
    for path in (ROOT / "server").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= {(int(s), c) for s, c in re.findall(r'ApiError\(\s*(4\d\d),\s*"([a-z_]+)"', text)}
        found |= {(int(s), c) for s, c in re.findall(r'\b(4\d\d): "([a-z_]+)"', text)}
        found |= {(401, c) for c in re.findall(r'unauthorized\(\s*"([a-z_]+)"', text)}
    return found


def test_the_server_codes_are_found() -> None:
    codes = server_error_codes()
    assert {(403, "forbidden"), (412, "version_mismatch"), (428, "precondition_required")} <= codes
    assert len(codes) >= 18


@pytest.mark.parametrize("status_code", sorted(server_error_codes()), ids=str)
def test_every_server_code_has_a_sentence(status_code: tuple[int, str]) -> None:
    status, code = status_code
    assert code in BY_CODE, f"no sentence for {code} ({status})"
    assert status in BY_STATUS, f"no sentence for HTTP {status}"


@pytest.mark.parametrize("language", ["az", "ru", "en"])
def test_every_sentence_is_translated(language: str) -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"shell_{language}.qm"))
    for source in {str(s) for s in (*BY_CODE.values(), *BY_STATUS.values())}:
        words = translator.translate(CONTEXT, source)
        assert words.strip(), f"{language}: {source!r} untranslated"
        if language != "en":
            assert words != source, f"{language}: {source!r} left in English"


def refusal_of(status: int, code: str, detail: str) -> str:
    problem = problem_for(status, {"code": code, "detail": detail})
    assert isinstance(problem, ApiProblem)
    return problem.refusal_text()


def test_a_stored_refusal_reads_in_the_current_language(qapp: QCoreApplication) -> None:
    stored = refusal_of(403, "forbidden", "Only the person or an admin may change it.")
    assert parse_refusal(stored).code == "forbidden"
    assert refusal_sentence(stored) == "You are not allowed to make this change."
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "shell_az.qm"))
    qapp.installTranslator(translator)
    try:
        assert refusal_sentence(stored) == "Bu dəyişikliyi etməyə icazəniz yoxdur."
        assert refusal_sentence("version_mismatch").startswith("Bu arada kimsə")
    finally:
        qapp.removeTranslator(translator)


def test_the_server_sentence_is_the_fallback() -> None:
    assert sentence(None, None, "Something odd.") == "Something odd."
    assert refusal_sentence("an old entry's text") == "an old entry's text"
    assert sentence(418, "teapot", "I am a teapot.") == "I am a teapot."
    assert sentence(409, "room_taken", "x") == "The change collides with the server's data."
    stored = refusal_of(422, "validation_error", "phone: only digits")
    assert refusal_sentence(stored) == "The server did not accept the values: phone: only digits"
