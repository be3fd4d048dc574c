"""Windows facts that cannot run here, through named fakes: the per-user data in
%LOCALAPPDATA% (never the roaming profile), and the 260-character path limit refused
with a clear message before anything is written."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import platformdirs.windows
import pytest

from cache.errors import CachePathTooLong
from cache.profile import WINDOWS_PATH_LIMIT, Profile, default_profiles_root
from client.logs import default_log_dir

LOCAL = r"C:\Users\turane\AppData\Local"
ROAMING = r"C:\Users\turane\AppData\Roaming"


class FakeKnownFolders:
    """Stands in for Windows' SHGetKnownFolderPath (platformdirs' folder resolver)."""

    def __call__(self, csidl_name: str) -> str:
        return {"CSIDL_LOCAL_APPDATA": LOCAL, "CSIDL_APPDATA": ROAMING}[csidl_name]


def test_the_cache_and_logs_live_in_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", FakeKnownFolders())
    for folder in (default_profiles_root(), default_log_dir()):
        text = str(folder)
        assert text.startswith(LOCAL + "/MinistryIntranet") or text.startswith(
            LOCAL + "\\MinistryIntranet"
        ), text
        assert ROAMING not in text


def test_a_cache_path_too_long_for_windows_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 60) / ("e" * 60) / ("f" * 60)
    profile = Profile.for_user("https://intranet.health.gov.az", "staff", deep)
    assert len(profile.longest_path) > WINDOWS_PATH_LIMIT
    with pytest.raises(CachePathTooLong) as refused:
        profile.check_path_length(windows=True)
    message = str(refused.value)
    assert "too long for Windows" in message and str(refused.value.length) in message
    assert refused.value.path == str(profile.folder.absolute())
    profile.check_path_length(windows=False)  # elsewhere: no such limit
    assert not deep.exists()  # nothing was made


def test_ensure_folder_refuses_before_making_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cache.profile.sys.platform", "win32")  # the check's own switch
    deep = tmp_path / ("x" * 120) / ("y" * 100)
    profile = Profile.for_user("https://intranet.health.gov.az", "staff", deep)
    with pytest.raises(CachePathTooLong):
        profile.ensure_folder()
    assert not deep.exists()
    short = Profile.for_user("https://intranet.health.gov.az", "staff", tmp_path / "p")
    short.ensure_folder()  # a usual path is accepted
    assert short.folder.is_dir()


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "too long for Windows"), ("az", "Windows üçün çox uzundur"), ("ru", "слишком длинный")],
)
def test_the_sign_in_says_why_in_the_users_language(
    qapp: object, language: str, words: str
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui import messages
    from ui.i18n import Languages

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    languages.switch(language)
    try:
        error = CachePathTooLong(r"C:\Users\turane\deep", 270, WINDOWS_PATH_LIMIT)
        sentence = messages.for_error(error)
        assert words in sentence and r"C:\Users\turane\deep" in sentence
    finally:
        languages.uninstall()
