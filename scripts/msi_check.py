"""Checks an MSI's tables with msiinfo (msitools): the dual-purpose per-user flags, the
stable upgrade code and the major upgrade, the version, the Start menu shortcut to
Intranet.exe. Exit 1 with what is wrong.

    uv run --locked python -m scripts.msi_check dist/Intranet-0.1.0.msi --version 0.1.0
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

WXS = Path(__file__).resolve().parents[1] / "packaging" / "wix" / "intranet.wxs"


def upgrade_code() -> str:
    """The UpgradeCode written in the WiX source (it must never change)."""
    found = re.search(r'UpgradeCode="([0-9A-F-]{36})"', WXS.read_text(encoding="utf-8"))
    if found is None:
        raise SystemExit(f"no UpgradeCode in {WXS}")
    return "{" + found.group(1) + "}"


def table(msi: Path, name: str) -> list[list[str]]:
    """The rows of one table (msiinfo export: three header lines, tab-separated)."""
    text = subprocess.run(  # noqa: S603 - msiinfo on our own package
        ["msiinfo", "export", str(msi), name],  # noqa: S607 - msitools on PATH
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:] if line]


def problems(msi: Path, version: str) -> list[str]:
    found: list[str] = []
    properties = {row[0]: row[1] for row in table(msi, "Property")}
    expected = {
        "ALLUSERS": "2",
        "MSIINSTALLPERUSER": "1",
        "ProductVersion": version,
        "UpgradeCode": upgrade_code(),
    }
    for name, value in expected.items():
        if properties.get(name, "").upper() != value.upper():
            found.append(f"Property {name} is {properties.get(name)!r}, not {value!r}")
    upgrades = table(msi, "Upgrade")
    if not any(row[0].upper() == upgrade_code().upper() for row in upgrades):
        found.append("no Upgrade row for the UpgradeCode (no in-place upgrade)")
    shortcuts = table(msi, "Shortcut")
    files = {row[0]: row[2] for row in table(msi, "File")}
    if "Intranet.exe" not in {name.split("|")[-1] for name in files.values()}:
        found.append("Intranet.exe is not in the File table")
    if not any(row[1] == "ShortcutFolder" and "Intranet.exe" in row[4] for row in shortcuts):
        found.append(f"no Start menu shortcut to Intranet.exe: {shortcuts}")
    directories = {row[0]: row for row in table(msi, "Directory")}
    if directories.get("ShortcutFolder", ["", ""])[1] != "ProgramMenuFolder":
        found.append("the shortcut's folder is not under the Start menu (ProgramMenuFolder)")
    # The user's data (%LOCALAPPDATA%\\MinistryIntranet) is never the package's: nothing
    # installs to or removes from a per-user data folder.
    if any(row[1] in {"LocalAppDataFolder", "AppDataFolder"} for row in directories.values()):
        found.append("the package has a folder in the user's data folders")
    removed = {row[3] for row in table(msi, "RemoveFile")}  # DirProperty
    if removed - {"ShortcutFolder"}:
        found.append(f"uninstall removes more than the Start menu folder: {sorted(removed)}")
    found.extend(_user_data_removal_problems(msi, files))
    return found


# The custom action's type: 18 (an installed exe) + 64 (its exit code ignored) + 1024
# (deferred); never 2048 (no impersonation: it would run as SYSTEM, not as the user).
REMOVE_ACTION_TYPE = 18 + 64 + 1024
REMOVE_CONDITION = 'REMOVE~="ALL" AND REMOVEUSERDATA="1" AND NOT UPGRADINGPRODUCTCODE'


def _user_data_removal_problems(msi: Path, files: dict[str, str]) -> list[str]:
    """The user's data goes only when asked: ``REMOVEUSERDATA=1`` at a full uninstall,
    never an upgrade, by ``intranet-cli.exe remove-user-data --yes`` as the user."""
    found: list[str] = []
    if "intranet-cli.exe" not in {name.split("|")[-1] for name in files.values()}:
        found.append("intranet-cli.exe is not in the File table")
    actions = {row[0]: row for row in table(msi, "CustomAction")}
    action = actions.get("RemoveUserData")
    if action is None:
        return [*found, "no RemoveUserData custom action"]
    if int(action[1]) != REMOVE_ACTION_TYPE:
        found.append(f"RemoveUserData has type {action[1]}, not {REMOVE_ACTION_TYPE}")
    if files.get(action[2], "").split("|")[-1] != "intranet-cli.exe" or action[3] != (
        "remove-user-data --yes"
    ):
        found.append(f"RemoveUserData does not run intranet-cli.exe remove-user-data: {action}")
    sequence = {row[0]: row for row in table(msi, "InstallExecuteSequence")}
    step = sequence.get("RemoveUserData")
    if step is None or step[1] != REMOVE_CONDITION:
        found.append(f"RemoveUserData's condition is not {REMOVE_CONDITION!r}: {step}")
    elif int(step[2]) >= int(sequence["RemoveFiles"][2]):
        found.append("RemoveUserData runs after the program's files are removed")
    properties = {row[0] for row in table(msi, "Property")}
    if "REMOVEUSERDATA" in properties:
        found.append("REMOVEUSERDATA has a default value: the data would go unasked")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("msi", type=Path)
    parser.add_argument("--version", required=True)
    args = parser.parse_args(argv)
    wrong = problems(args.msi, args.version)
    for problem in wrong:
        print(f"FAILED {args.msi.name}: {problem}", file=sys.stderr)
    if not wrong:
        print(
            f"{args.msi.name}: ALLUSERS=2, MSIINSTALLPERUSER=1, UpgradeCode {upgrade_code()}, "
            f"version {args.version}, Start menu shortcut to Intranet.exe, major upgrade, "
            "user data removed only with REMOVEUSERDATA=1: ok"
        )
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
