"""``main.py documents upload|download|send`` against the real demo server: one line per
result, the same commands and outbox as the tab, a refused name exits non-zero."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import main
from tests.demo import DemoServer


def _run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> tuple[int, list[str]]:
    monkeypatch.setattr("sys.stdin", io.StringIO("demo\n"))
    status = main.main(argv)
    return status, capsys.readouterr().out.splitlines()


def test_upload_download_and_send_from_the_command_line(
    demo_server: DemoServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    common = ["--server", demo_server.url, "--username", "head", "--password-stdin"]
    profiles = ["--profile-dir", str(tmp_path / "profiles")]
    good = tmp_path / "Skript hesabatı.txt"
    good.write_text("skriptdən\n", encoding="utf-8")
    bad = tmp_path / "CON.txt"
    bad.write_text("x")

    status, lines = _run(
        monkeypatch,
        capsys,
        [*profiles, "documents", "upload", str(good), str(bad), "--folder", "fld-0010", *common],
    )
    assert status == 3  # one was refused
    assert "refused CON.txt: filename reserved" in lines
    uploaded = [line for line in lines if line.startswith("uploaded Skript hesabatı.txt as doc-")]
    assert len(uploaded) == 1
    document_id = uploaded[0].rsplit(" ", 1)[1]

    out = tmp_path / "back.txt"
    status, lines = _run(
        monkeypatch,
        capsys,
        [*profiles, "documents", "download", document_id, "--out", str(out), *common],
    )
    assert status == 0 and out.read_text(encoding="utf-8") == "skriptdən\n"
    assert lines == [f"downloaded {document_id} to {out} ({out.stat().st_size} bytes)"]

    status, lines = _run(
        monkeypatch,
        capsys,
        [*profiles, "documents", "send", document_id, "--to", "", *common],
    )
    assert status == 3 and lines[0] == "refused : recipient empty"
