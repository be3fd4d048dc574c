"""The MSI authoring (packaging/wix/intranet.wxs) built by Debian's wixl from a staged
folder, and its tables checked by scripts/msi_check.py: the real source passes, a
source that lost the per-user flag or the shortcut is caught, and so is one whose
uninstall would remove the user's data unasked, as SYSTEM, or on an upgrade."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scripts import msi_check

WXS = msi_check.WXS


def fake_staged_folder(root: Path) -> Path:
    """Stands in for the Windows build folder: its layout, not its programs."""
    (root / "_internal" / "resources" / "guide").mkdir(parents=True)
    (root / "Intranet.exe").write_bytes(b"MZ fake")
    (root / "intranet-cli.exe").write_bytes(b"MZ fake")
    (root / "_internal" / "resources" / "guide" / "guide_en.md").write_text("# Guide\n")
    return root


def build(tmp_path: Path, source: str) -> Path:
    stage = fake_staged_folder(tmp_path / "stage")
    # intranet-cli.exe is named by intranet.wxs itself, not harvested (as scripts/build-msi)
    files = sorted(str(p) for p in stage.rglob("*") if p.is_file() and p.name != "intranet-cli.exe")
    heat = subprocess.run(
        [
            "wixl-heat",
            "-p",
            f"{stage}/",
            "--var",
            "var.SourceDir",
            "--component-group",
            "AppFiles",
            "--directory-ref",
            "INSTALLDIR",
            "--win64",
        ],
        input="\n".join(files) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    (tmp_path / "files.wxs").write_text(heat.stdout)
    (tmp_path / "intranet.wxs").write_text(source)
    msi = tmp_path / "Intranet.msi"
    subprocess.run(
        [
            "wixl",
            "-a",
            "x64",
            "-D",
            "Win64=yes",
            "-D",
            "SourceDir=stage",
            "-D",
            "Version=1.2.3",
            "-o",
            str(msi),
            "intranet.wxs",
            "files.wxs",
        ],
        cwd=tmp_path,
        capture_output=True,
        check=True,
    )
    return msi


def test_the_authoring_gives_the_tables_administrators_rely_on(tmp_path: Path) -> None:
    msi = build(tmp_path, WXS.read_text(encoding="utf-8"))
    assert msi_check.problems(msi, "1.2.3") == []
    assert msi_check.problems(msi, "1.2.4") == ["Property ProductVersion is '1.2.3', not '1.2.4'"]


def test_a_lost_per_user_flag_or_shortcut_is_caught(tmp_path: Path) -> None:
    source = WXS.read_text(encoding="utf-8")
    source = source.replace('<Property Id="MSIINSTALLPERUSER" Value="1" />', "")
    start = source.index("<Shortcut ")
    source = source[:start] + source[source.index("/>", start) + 2 :]
    found = msi_check.problems(build(tmp_path, source), "1.2.3")
    assert any("MSIINSTALLPERUSER" in problem for problem in found)
    assert any("shortcut" in problem for problem in found)


@pytest.mark.parametrize(
    ("change", "caught"),
    [
        # unasked: a default value for REMOVEUSERDATA
        (
            (
                '<Property Id="REMOVEUSERDATA" Secure="yes" />',
                '<Property Id="REMOVEUSERDATA" Value="1" />',
            ),
            "REMOVEUSERDATA has a default value",
        ),
        # as SYSTEM (not impersonated): another user's data, and never the uninstalling user's
        (('Impersonate="yes"', 'Impersonate="no"'), "RemoveUserData has type"),
        # on an upgrade too: a new version would find no data
        ((" AND NOT UPGRADINGPRODUCTCODE", ""), "RemoveUserData's condition"),
        # after the program's files are gone: nothing left to run
        (('Before="RemoveFiles"', 'After="RemoveFiles"'), "after the program's files"),
    ],
)
def test_an_uninstall_that_would_remove_the_users_data_wrongly_is_caught(
    tmp_path: Path, change: tuple[str, str], caught: str
) -> None:
    source = WXS.read_text(encoding="utf-8")
    assert change[0] in source
    found = msi_check.problems(build(tmp_path, source.replace(*change)), "1.2.3")
    assert any(caught in problem for problem in found), found
