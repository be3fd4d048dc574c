"""Screenshots of "Policies in effect" in a real X window (Xvfb), one per language:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" \\
        uv run --locked python scripts/screenshot_policies.py [--out docs/screenshots]

The rows are what ``settings_in_effect`` gives for a typical managed computer: a machine
policy (server, offline grace, no remembering), a user policy (the helpdesk), the
server's idle lock, and defaults for the rest.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from client.policy import MachinePolicy, PolicyLayers, UserChoices, settings_in_effect
from ui.i18n import Languages
from ui.policies import PoliciesDialog
from ui.startup import load_style

LAYERS = PolicyLayers(
    machine=MachinePolicy(
        server_url="https://intranet.health.gov.az",
        offline_grace_days=7,
        remember_on_this_computer=False,
    ),
    user=MachinePolicy(helpdesk_name="IT service desk", helpdesk_phone="+994 12 555 00 00"),
)
SERVER = {"offline_grace_days": 14, "idle_lock_minutes": 15}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--languages", default="az,en,ru")
    args = parser.parse_args()
    qapp = QApplication(sys.argv[:1])
    load_style(qapp)
    languages = Languages(qapp)
    args.out.mkdir(parents=True, exist_ok=True)
    for code in args.languages.split(","):
        languages.switch(code)
        user = UserChoices(language=code)
        dialog = PoliciesDialog(lambda u=user: settings_in_effect(LAYERS, u, SERVER))
        dialog.show()
        for _ in range(20):
            QCoreApplication.processEvents()
        path = args.out / f"policies-{code}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
