"""The administrator's policy for this computer, over the user's own settings.

An administrator pushes a machine-wide JSON file (``%ProgramData%\\MinistryIntranet\\
policy.json`` on Windows, ``/etc/ministry-intranet/policy.json`` elsewhere; the
``MINISTRY_INTRANET_POLICY`` environment variable names another file, for tests) and, on
Windows, values under ``Software\\Policies\\MinistryOfHealth\\Intranet`` (Group Policy)
in HKLM (the machine's) and HKCU (the user's). HKLM wins over the file, the machine's
over the user's, and all of them over what the user chose. ``POLICY_FIELDS`` describes
every field once: this reader, the "Policies in effect" view and the ADMX/ADML templates
(``scripts/build-admx``) are all made from it. A value the
administrator set is shown read-only in the app.

The file, every key optional::

    {"server_url": "https://intranet.health.gov.az",
     "ca_bundle": "C:\\\\ProgramData\\\\MinistryIntranet\\\\ministry-ca.pem",
     "offline_grace_days": 7,
     "language": "az",
     "remember_on_this_computer": false,
     "idle_lock_minutes": 10,
     "helpdesk_name": "IT service desk",
     "helpdesk_phone": "+994 12 555 00 00",
     "helpdesk_email": "helpdesk@health.gov.az",
     "helpdesk_url": "https://helpdesk.health.gov.az"}

``idle_lock_minutes`` meets the server's policy of the same name: the stricter one
applies, i.e. the smaller number of minutes where both lock (0 or absent: no lock from
that side), so neither side can switch off a lock the other asks for
(``idle_lock_minutes``). The ``helpdesk_*`` values are shown in the app's Help menu.

A malformed file or value is reported in the log and ignored (it changes nothing): the
app then behaves as without it. No Qt here: the command line and tests read it too.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any, Protocol, cast

from cache.profile import normalize_server_url

__all__ = [
    "FIELDS_BY_NAME",
    "LANGUAGES",
    "POLICY_ENV",
    "POLICY_FIELDS",
    "PRODUCT",
    "REGISTRY_KEY",
    "VENDOR",
    "Effective",
    "Helpdesk",
    "Kind",
    "MachinePolicy",
    "PolicyError",
    "PolicyField",
    "PolicyLayers",
    "SettingInEffect",
    "Source",
    "Texts",
    "UserChoices",
    "default_policy_path",
    "idle_lock_minutes",
    "load_machine_policy",
    "load_policy_layers",
    "read_policy_file",
    "read_registry",
    "resolve",
    "settings_in_effect",
]

log = logging.getLogger(__name__)

POLICY_ENV = "MINISTRY_INTRANET_POLICY"
# Group Policy's own place, <Vendor>\<App>: the same path under HKLM (machine) and HKCU
# (user). Never under Wow6432Node: Software\Policies is shared between 32- and 64-bit
# views (docs/deployment.md).
VENDOR = "MinistryOfHealth"
PRODUCT = "Intranet"
REGISTRY_KEY = rf"Software\Policies\{VENDOR}\{PRODUCT}"
LANGUAGES = ("az", "ru", "en")

_HELPDESK_TEXT_LIMIT = 200


class Kind(Enum):
    """How a policy value is written (JSON, registry, ADMX element) and checked."""

    SERVER_URL = "server_url"  # an http(s) address, normalised as the sign-in does
    WEB_ADDRESS = "web_address"  # an http(s) address, kept as written
    PATH = "path"
    TEXT = "text"
    EMAIL = "email"
    NUMBER = "number"  # an integer within [minimum, maximum]; a registry DWORD
    SWITCH = "switch"  # true or false; a registry DWORD 1 or 0
    CHOICE = "choice"  # one of ``choices``; a registry string


@dataclass(frozen=True)
class Texts:
    """One text in the three languages the app and its templates speak."""

    en: str
    az: str
    ru: str

    def in_language(self, code: str) -> str:
        return str(getattr(self, code, self.en))


@dataclass(frozen=True)
class PolicyField:
    """One setting an administrator may set: the single description that the reader
    (JSON file, registry), the "Policies in effect" view and the Group Policy templates
    (``scripts/build-admx``) all use, so they cannot drift apart."""

    name: str  # the JSON key and the MachinePolicy attribute
    registry_name: str  # the registry value under REGISTRY_KEY
    kind: Kind
    title: Texts
    explanation: Texts
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None

    def validate(self, value: Any) -> Any:
        """The value as the app uses it; ValueError (with the reason) when it is not one."""
        kind = self.kind
        if kind in (Kind.NUMBER, Kind.SWITCH, Kind.CHOICE):
            return _validate_scalar(self, value)
        if not isinstance(value, str) or not value.strip():
            raise ValueError("not a path" if kind is Kind.PATH else "not text")
        text = value.strip()
        if self.max_length is not None and len(text) > self.max_length:
            raise ValueError(f"longer than {self.max_length} characters")
        if kind is Kind.PATH:
            return Path(text)
        if kind is Kind.SERVER_URL:
            url = normalize_server_url(text)
            if not url.startswith(("https://", "http://")):
                raise ValueError("not an http(s) address")
            return url
        if kind is Kind.EMAIL and ("@" not in text or any(c.isspace() for c in text)):
            raise ValueError("not an e-mail address")
        if kind is Kind.WEB_ADDRESS and not text.lower().startswith(("https://", "http://")):
            raise ValueError("not an http(s) address")
        return text


def _validate_scalar(field: PolicyField, value: Any) -> Any:
    if field.kind is Kind.SWITCH:
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):  # a registry DWORD
            return bool(value)
        raise ValueError("not true or false")
    if field.kind is Kind.CHOICE:
        if not isinstance(value, str) or value.strip().lower() not in field.choices:
            raise ValueError(f"not one of {', '.join(field.choices)}")
        return value.strip().lower()
    low, high = field.minimum or 0, field.maximum or 0
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"not a number between {low} and {high}")
    return value


POLICY_FIELDS: tuple[PolicyField, ...] = (
    PolicyField(
        "server_url",
        "ServerUrl",
        Kind.SERVER_URL,
        Texts("Server address", "Server ünvanı", "Адрес сервера"),
        Texts(
            "The Intranet server the app signs in to, e.g. https://intranet.health.gov.az. "
            "When set, users cannot change it.",
            "Tətbiqin daxil olduğu İntranet serveri, məsələn https://intranet.health.gov.az. "
            "Təyin edildikdə istifadəçilər onu dəyişə bilməz.",
            "Сервер Интранета, к которому подключается приложение, например "
            "https://intranet.health.gov.az. Если задан, пользователи не могут его изменить.",
        ),
        max_length=2000,
    ),
    PolicyField(
        "ca_bundle",
        "CaBundle",
        Kind.PATH,
        Texts("Extra CA certificates", "Əlavə CA sertifikatları", "Дополнительные сертификаты ЦС"),
        Texts(
            "The path of a PEM file with certificate authorities to trust besides the "
            "Windows certificate store.",
            "Windows sertifikat anbarından əlavə etibar ediləcək sertifikat "
            "mərkəzlərinin PEM faylının yolu.",
            "Путь к PEM-файлу с центрами сертификации, которым нужно доверять "
            "помимо хранилища сертификатов Windows.",
        ),
        max_length=1000,
    ),
    PolicyField(
        "offline_grace_days",
        "OfflineGraceDays",
        Kind.NUMBER,
        Texts("Offline grace (days)", "Oflayn möhlət (gün)", "Автономный период (дни)"),
        Texts(
            "How many days the offline data may be opened without reaching the server "
            "(0 to 365). The server's limit applies when it is shorter.",
            "Serverə qoşulmadan oflayn məlumatların neçə gün açıla biləcəyi (0-dan "
            "365-ə qədər). Serverin həddi daha qısadırsa, o tətbiq olunur.",
            "Сколько дней автономные данные можно открывать без связи с сервером "
            "(от 0 до 365). Если предел сервера короче, действует он.",
        ),
        minimum=0,
        maximum=365,
    ),
    PolicyField(
        "language",
        "Language",
        Kind.CHOICE,
        Texts("Language", "Dil", "Язык"),
        Texts(
            "The language of the app. When set, users cannot change it.",
            "Tətbiqin dili. Təyin edildikdə istifadəçilər onu dəyişə bilməz.",
            "Язык приложения. Если задан, пользователи не могут его изменить.",
        ),
        choices=LANGUAGES,
    ),
    PolicyField(
        "remember_on_this_computer",
        "RememberOnThisComputer",
        Kind.SWITCH,
        Texts(
            "Allow remembering the sign-in",
            "Girişin yadda saxlanmasına icazə",
            "Разрешить запоминать вход",
        ),
        Texts(
            "Disabled: the password is asked at each start and the key of the offline "
            "data is never kept in the credential store. Enabled or not configured: the "
            "user decides, unless the server forbids it.",
            "Söndürülüb: parol hər başlanğıcda soruşulur və oflayn məlumatların açarı "
            "heç vaxt etimadnamə anbarında saxlanmır. Aktivdir və ya təyin edilməyib: "
            "server qadağan etmirsə, istifadəçi özü qərar verir.",
            "Отключено: пароль запрашивается при каждом запуске, а ключ автономных "
            "данных никогда не хранится в хранилище учётных данных. Включено или не "
            "задано: решает пользователь, если сервер не запрещает.",
        ),
    ),
    PolicyField(
        "idle_lock_minutes",
        "IdleLockMinutes",
        Kind.NUMBER,
        Texts(
            "Idle lock (minutes)",
            "Fəaliyyətsizlik kilidi (dəqiqə)",
            "Блокировка при бездействии (минуты)",
        ),
        Texts(
            "Minutes without input before the window locks (0: no lock from this "
            "policy, up to 1440). The stricter of this and the server's value applies.",
            "Pəncərə kilidlənənə qədər fəaliyyətsiz keçən dəqiqələr (0: bu siyasətdən "
            "kilid yoxdur, 1440-a qədər). Bu və serverin dəyərindən daha sərti tətbiq olunur.",
            "Минуты без ввода до блокировки окна (0: эта политика не блокирует, до 1440). "
            "Действует более строгое из этого значения и значения сервера.",
        ),
        minimum=0,
        maximum=1440,
    ),
    PolicyField(
        "helpdesk_name",
        "HelpdeskName",
        Kind.TEXT,
        Texts("Helpdesk name", "Yardım xidmətinin adı", "Название службы поддержки"),
        Texts(
            "The service desk's name, shown under Help.",
            "Yardım menyusunda göstərilən xidmətin adı.",
            "Название службы поддержки, показываемое в меню «Справка».",
        ),
        max_length=_HELPDESK_TEXT_LIMIT,
    ),
    PolicyField(
        "helpdesk_phone",
        "HelpdeskPhone",
        Kind.TEXT,
        Texts("Helpdesk phone", "Yardım xidmətinin telefonu", "Телефон службы поддержки"),
        Texts(
            "The service desk's phone number, shown under Help.",
            "Yardım menyusunda göstərilən xidmətin telefon nömrəsi.",
            "Телефон службы поддержки, показываемый в меню «Справка».",
        ),
        max_length=_HELPDESK_TEXT_LIMIT,
    ),
    PolicyField(
        "helpdesk_email",
        "HelpdeskEmail",
        Kind.EMAIL,
        Texts("Helpdesk e-mail", "Yardım xidmətinin e-poçtu", "Эл. почта службы поддержки"),
        Texts(
            "The service desk's e-mail address, shown under Help.",
            "Yardım menyusunda göstərilən xidmətin e-poçt ünvanı.",
            "Адрес электронной почты службы поддержки, показываемый в меню «Справка».",
        ),
        max_length=_HELPDESK_TEXT_LIMIT,
    ),
    PolicyField(
        "helpdesk_url",
        "HelpdeskUrl",
        Kind.WEB_ADDRESS,
        Texts(
            "Helpdesk web page", "Yardım xidmətinin veb səhifəsi", "Веб-страница службы поддержки"
        ),
        Texts(
            "The service desk's web page (http or https), shown under Help.",
            "Yardım menyusunda göstərilən xidmətin veb səhifəsi (http və ya https).",
            "Веб-страница службы поддержки (http или https), показываемая в меню «Справка».",
        ),
        max_length=_HELPDESK_TEXT_LIMIT,
    ),
)
FIELDS_BY_NAME = {f.name: f for f in POLICY_FIELDS}
_REGISTRY_NAMES = {f.registry_name: f.name for f in POLICY_FIELDS}


class PolicyError(ValueError):
    """A policy source that cannot be read as a whole (not JSON, not an object)."""


@dataclass(frozen=True)
class MachinePolicy:
    """What the administrator set; None means "not set, the user decides"."""

    server_url: str | None = None
    ca_bundle: Path | None = None
    offline_grace_days: int | None = None
    language: str | None = None
    remember_on_this_computer: bool | None = None
    idle_lock_minutes: int | None = None
    helpdesk_name: str | None = None
    helpdesk_phone: str | None = None
    helpdesk_email: str | None = None
    helpdesk_url: str | None = None

    @property
    def helpdesk(self) -> Helpdesk | None:
        """Whom to call, as the administrator set it; None when nothing is set."""
        contact = Helpdesk(
            self.helpdesk_name, self.helpdesk_phone, self.helpdesk_email, self.helpdesk_url
        )
        return None if contact.empty else contact

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str) -> MachinePolicy:
        """Take the valid values; warn about (and drop) the rest."""
        taken: dict[str, Any] = {}
        for name, value in values.items():
            try:
                taken[name] = _validate(name, value)
            except ValueError as error:
                log.warning("policy %s: ignoring %s: %s", source, name, error)
        return cls(**taken)

    def over(self, lower: MachinePolicy) -> MachinePolicy:
        """This policy's values where set, ``lower``'s elsewhere (registry over file)."""
        changes = {f.name: getattr(self, f.name) for f in fields(self)}
        return replace(lower, **{k: v for k, v in changes.items() if v is not None})

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def limit(self, server_policy: Mapping[str, Any]) -> dict[str, Any]:
        """The server's policy made no looser by this one: the shorter offline grace, and
        no remembering if either forbids it. Stored in the cache and enforced there."""
        limited = dict(server_policy)
        if self.offline_grace_days is not None:
            server_days = server_policy.get("offline_grace_days")
            if isinstance(server_days, int) and not isinstance(server_days, bool):
                limited["offline_grace_days"] = min(server_days, self.offline_grace_days)
            else:
                limited["offline_grace_days"] = self.offline_grace_days
        if self.remember_on_this_computer is False:
            limited["remember_on_this_computer"] = False
        return limited


@dataclass(frozen=True)
class Helpdesk:
    """The service desk's contact from the administrator's policy (any part may be unset)."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    url: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.name or self.phone or self.email or self.url)


def idle_lock_minutes(server_value: object, machine: MachinePolicy) -> int:
    """Minutes of inactivity before the window locks (0: never): the stricter of the
    server's policy and the machine's, i.e. the smaller where both set a lock."""
    candidates = [
        value
        for value in (server_value, machine.idle_lock_minutes)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0
    ]
    return min(candidates, default=0)


def _validate(name: str, value: Any) -> Any:
    field = FIELDS_BY_NAME.get(name)
    if field is None:
        raise ValueError("unknown setting")
    return field.validate(value)


def default_policy_path() -> Path:
    """Where the administrator's file lives (the environment variable wins)."""
    override = os.environ.get(POLICY_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(program_data) / "MinistryIntranet" / "policy.json"
    return Path("/etc/ministry-intranet/policy.json")


def read_policy_file(path: Path) -> MachinePolicy:
    """The policy in ``path``; an absent file is an empty policy. Raises ``PolicyError``
    for a file that is there but unreadable as a JSON object."""
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad writes a BOM
    except FileNotFoundError:
        return MachinePolicy()
    except (OSError, UnicodeDecodeError) as error:
        raise PolicyError(f"cannot read {path}: {type(error).__name__}") from error
    try:
        values = json.loads(text)
    except ValueError as error:
        raise PolicyError(f"{path} is not valid JSON: {error}") from error
    if not isinstance(values, dict):
        raise PolicyError(f"{path} must hold a JSON object")
    return MachinePolicy.from_mapping(values, str(path))


class WinregLike(Protocol):
    """The part of the standard ``winreg`` module this reads (so tests pass a fake)."""

    HKEY_LOCAL_MACHINE: Any
    HKEY_CURRENT_USER: Any

    def OpenKey(self, key: Any, sub_key: str) -> Any: ...

    def EnumValue(self, key: Any, index: int) -> tuple[str, Any, int]: ...

    def CloseKey(self, key: Any) -> None: ...


def _system_winreg() -> WinregLike | None:
    if sys.platform == "win32":
        import winreg  # noqa: PLC0415 - exists on Windows only

        return cast(WinregLike, winreg)
    return None


def read_registry(winreg: WinregLike | None = None, *, user: bool = False) -> MachinePolicy:
    """``HKLM\\Software\\Policies\\MinistryOfHealth\\Intranet`` (or HKCU's with
    ``user``) on Windows; empty elsewhere."""
    registry = winreg if winreg is not None else _system_winreg()
    if registry is None:
        return MachinePolicy()
    hive, hive_name = (
        (registry.HKEY_CURRENT_USER, "HKCU") if user else (registry.HKEY_LOCAL_MACHINE, "HKLM")
    )
    try:
        key = registry.OpenKey(hive, REGISTRY_KEY)
    except OSError:
        return MachinePolicy()  # no policy key: nothing set
    values: dict[str, Any] = {}
    try:
        index = 0
        while True:
            try:
                name, value, _kind = registry.EnumValue(key, index)
            except OSError:
                break  # no more values
            index += 1
            field = _REGISTRY_NAMES.get(name)
            if field is None:
                log.warning("policy registry: ignoring unknown value %s", name)
            else:
                values[field] = value
    finally:
        registry.CloseKey(key)
    return MachinePolicy.from_mapping(values, f"{hive_name}\\{REGISTRY_KEY}")


class Source(Enum):
    """Where a setting in effect came from (the "Policies in effect" view)."""

    MACHINE_POLICY = "machine_policy"
    USER_POLICY = "user_policy"
    SERVER = "server"
    USER_CHOICE = "user_choice"
    DEFAULT = "default"


@dataclass(frozen=True)
class PolicyLayers:
    """The machine's policy (HKLM over the machine-wide file) and the user's (HKCU).
    The machine's wins, as in Group Policy."""

    machine: MachinePolicy = MachinePolicy()
    user: MachinePolicy = MachinePolicy()

    @property
    def merged(self) -> MachinePolicy:
        return self.machine.over(self.user)

    def source(self, name: str) -> Source | None:
        """Which policy set ``name``; None when neither did."""
        if getattr(self.machine, name) is not None:
            return Source.MACHINE_POLICY
        if getattr(self.user, name) is not None:
            return Source.USER_POLICY
        return None


def load_policy_layers(path: Path | None = None, winreg: WinregLike | None = None) -> PolicyLayers:
    """HKLM over the file (both the machine's), and HKCU (the user's). A broken file is
    logged and left out."""
    try:
        from_file = read_policy_file(path or default_policy_path())
    except PolicyError as error:
        log.error("the administrator's policy file is ignored: %s", error)
        from_file = MachinePolicy()
    return PolicyLayers(
        machine=read_registry(winreg).over(from_file), user=read_registry(winreg, user=True)
    )


def load_machine_policy(
    path: Path | None = None, winreg: WinregLike | None = None
) -> MachinePolicy:
    """Every policy that applies: the machine's over the user's."""
    return load_policy_layers(path, winreg).merged


@dataclass(frozen=True)
class UserChoices:
    """What the user chose in the app (kept in their settings)."""

    server_url: str | None = None
    language: str | None = None
    remember: bool = True


@dataclass(frozen=True)
class Effective:
    """What the app uses, and which of it the user may change."""

    server_url: str | None
    server_url_locked: bool
    language: str | None
    language_locked: bool
    ca_bundle: Path | None
    remember_allowed: bool
    remember: bool


def resolve(policy: MachinePolicy, user: UserChoices) -> Effective:
    """The administrator's values over the user's."""
    remember_allowed = policy.remember_on_this_computer is not False
    return Effective(
        server_url=policy.server_url or user.server_url,
        server_url_locked=policy.server_url is not None,
        language=policy.language or user.language,
        language_locked=policy.language is not None,
        ca_bundle=policy.ca_bundle,
        remember_allowed=remember_allowed,
        remember=remember_allowed and user.remember,
    )


@dataclass(frozen=True)
class SettingInEffect:
    """One row of "Policies in effect": the value the app uses and where it came from
    (None: not set, the app's own behaviour)."""

    field: PolicyField
    value: Any
    source: Source

    @property
    def locked(self) -> bool:
        """Set by an administrator, so the user cannot change it."""
        return self.source in (Source.MACHINE_POLICY, Source.USER_POLICY)


def _positive_int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def settings_in_effect(
    layers: PolicyLayers, user: UserChoices, server_policy: Mapping[str, Any] | None
) -> list[SettingInEffect]:
    """Every policy field, its value and its source, in POLICY_FIELDS' order. The
    server's limits meet the policy's as the app applies them (the stricter wins)."""
    server = server_policy or {}
    rows: list[SettingInEffect] = []
    for field in POLICY_FIELDS:
        set_by = layers.source(field.name)
        ours = getattr(layers.merged, field.name)
        row = SettingInEffect(field, ours, set_by) if set_by is not None else None
        if field.name in ("offline_grace_days", "idle_lock_minutes"):
            row = _stricter(field, row, _positive_int(server.get(field.name)))
        elif field.name == "remember_on_this_computer":
            if server.get(field.name) is False and ours is not False:
                row = SettingInEffect(field, False, Source.SERVER)
        elif row is None and field.name in ("server_url", "language"):
            chosen = getattr(user, field.name)
            if chosen is not None:
                row = SettingInEffect(field, chosen, Source.USER_CHOICE)
        rows.append(row or SettingInEffect(field, None, Source.DEFAULT))
    return rows


def _stricter(
    field: PolicyField, ours: SettingInEffect | None, server_value: int | None
) -> SettingInEffect | None:
    """The smaller limit where both set one (0 idle minutes: no lock from that side)."""
    if server_value is None or (field.name == "idle_lock_minutes" and server_value == 0):
        return ours
    server_row = SettingInEffect(field, server_value, Source.SERVER)
    if ours is None or (field.name == "idle_lock_minutes" and ours.value == 0):
        return server_row
    return ours if ours.value <= server_value else server_row
