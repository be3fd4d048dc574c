"""The window hands every tab the online-read port (``TabContext.online``) over the
signed-in session's API client: a tab reads ``GET /registries`` on a worker from the
real server, as the signed-in user (a staff member sees the personal-data registry
listed as not readable); it follows the session's connection state."""

from __future__ import annotations

from domains.registries.online import RegistryListing, registry_listing
from tests.ui.shell.conftest import MakeShell, probe_tabs


def test_the_window_gives_tabs_the_online_port(make_shell: MakeShell) -> None:
    shell = make_shell(tabs=probe_tabs)
    window = shell.sign_in()
    context = window.parts.context
    online = context.online
    assert online is not None and online.available
    got: list[list[RegistryListing]] = []
    context.tasks.run(lambda: registry_listing(online), got.append, owner=window)
    shell.qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    readable = {listing.id: listing.readable for listing in got[0]}
    assert readable == {"reg-open": True, "reg-personal": False}
    session = shell.shell.session
    assert session is not None
    session.offline = True  # the sync lost the server: nothing is sent
    assert not online.available
