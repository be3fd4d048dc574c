"""The API's shapes, as pydantic models: they validate requests (unknown fields refused)
and describe responses in the OpenAPI document the client and Schemathesis read."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    model_validator,
)

from server.text import free_text, single_line

_RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)


def _rfc3339_string(value: Any) -> Any:
    """Only an RFC 3339 string with an offset: no Unix timestamps, no local times."""
    if not isinstance(value, str) or not _RFC3339.fullmatch(value):
        raise ValueError(
            "must be an RFC 3339 date-time with an offset, e.g. 2026-03-02T09:30:00+04:00"
        )
    return value


def _representable_in_utc(value: datetime) -> datetime:
    """A moment whose UTC form falls outside years 1-9999 (0001-01-01T00:00:00+01:00)
    cannot be converted or compared by the server: a clear 422, not a crash."""
    try:
        value.astimezone(UTC)
    except OverflowError as error:
        raise ValueError("is outside the range of dates this server handles") from error
    return value


Rfc3339 = Annotated[
    AwareDatetime, BeforeValidator(_rfc3339_string), AfterValidator(_representable_in_utc)
]
Id = Annotated[str, StringConstraints(min_length=1, max_length=64)]
# A title or name: one line, nothing that hides or reorders what a reader sees.
Text1 = Annotated[
    str,
    StringConstraints(min_length=1, max_length=300, strip_whitespace=True),
    AfterValidator(single_line),
]


def _without_nul(value: Any) -> Any:
    """U+0000 is refused everywhere: PostgreSQL cannot store it and no name contains it."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("NUL characters are not allowed")
    elif isinstance(value, dict):
        for key, item in value.items():
            _without_nul(key)
            _without_nul(item)
    elif isinstance(value, list):
        for item in value:
            _without_nul(item)
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul(cls, data: Any) -> Any:
        return _without_nul(data)


# --- records -------------------------------------------------------------------


class RecordBase(Strict):
    id: str
    version: int
    updated_at: datetime


class Department(RecordBase):
    name: str
    parent_id: str | None
    head_person_id: str | None
    region_code: str | None = Field(
        default=None,
        description="The economic region the department serves (a `regions.code` with no "
        "parent, the codes the indicators use); null (or absent) for the ministry's central "
        "departments, which serve the whole country.",
    )


class Person(RecordBase):
    full_name: str
    given_name: str
    family_name: str
    patronymic: str
    position: str
    department_id: str | None
    manager_id: str | None
    email: str | None
    phone: str | None
    mobile: str | None
    office: str | None
    photo_url: str | None
    updated_by: str | None = Field(
        default=None,
        description="The person who last changed the card through PATCH /people/{id}; "
        "null (or absent) when the personnel system wrote it last.",
    )


ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]
RoomAttribute = Literal["accessible", "video_conference", "display"]


class OpeningHours(Strict):
    """One weekday's opening interval in Asia/Baku wall-clock time; a weekday missing
    from a room's list is a closed day."""

    weekday: int = Field(ge=1, le=7, description="ISO weekday: 1 Monday ... 7 Sunday.")
    open: ClockTime
    close: ClockTime


class Room(RecordBase):
    name: str
    building: str
    floor: int
    capacity: int
    equipment: list[str]
    attributes: list[RoomAttribute] = Field(
        default=[], description="What the free-room finder filters on besides equipment."
    )
    opening_hours: list[OpeningHours] | None = Field(
        default=None,
        description="The building's (or this room's own) hours; null: open at all hours. "
        "A booking outside them is refused with 422 outside_opening_hours.",
    )


class Booking(RecordBase):
    room_id: str
    title: str
    start: datetime
    end: datetime
    organizer_id: str
    attendee_ids: list[str]
    status: Literal["confirmed", "cancelled", "released"] = Field(
        description="released: nobody checked in within the grace period after the start."
    )
    series_id: str | None = Field(default=None, description="The series it belongs to.")
    series_version: int | None = Field(
        default=None, description="The series' version (its If-Match) when last written."
    )
    check_in_by: datetime | None = Field(
        default=None, description="Released if nobody checks in by then (start + grace)."
    )
    checked_in_at: datetime | None = None
    released_at: datetime | None = None


class Folder(RecordBase):
    name: str
    parent_id: str | None
    department_id: str | None
    access: Literal["ministry", "department", "restricted"]


class Document(RecordBase):
    folder_id: str
    title: str
    description: str
    filename: str
    content_type: str
    size: int
    sha256: str
    version_no: int
    author_id: str | None
    tags: list[str]
    created_at: datetime
    checkout: Checkout | None = Field(
        default=None,
        description="Who holds the document checked out for editing, since when and until "
        "when the server keeps the lock (null or absent: nobody). Only the holder uploads "
        "versions while it is held.",
    )
    conflict_of: ConflictOf | None = Field(
        default=None,
        description="Set on a conflict copy (POST /documents/{id}/conflict-copies): the "
        "document and version it was based on and who made it.",
    )
    version_uploaded_by: str | None = Field(
        default=None,
        description="The person id of whoever uploaded the current version (version_no); "
        "author_id stays the one who made the document. Absent on a record no upload has "
        "touched since the server began to record it.",
    )
    version_uploaded_at: datetime | None = Field(
        default=None,
        description="When the current version was uploaded (updated_at also moves with "
        "metadata changes and check-outs). Absent with version_uploaded_by.",
    )


class Checkout(Strict):
    by: str = Field(description="The person id of the holder.")
    at: datetime = Field(description="When it was checked out.")
    expires_at: datetime = Field(description="When the server releases it by itself.")


class ConflictOf(Strict):
    document_id: str
    based_on_version_no: int
    made_by: str
    made_at: datetime


class Share(RecordBase):
    document_id: str
    from_id: str
    to_id: str
    message: str
    sent_at: datetime
    read_at: datetime | None


class RegistryColumn(Strict):
    key: str
    label: str
    type: Literal["text", "integer", "number", "date", "boolean", "enum"]
    filterable: bool
    options: list[str] | None = None


class Registry(RecordBase):
    code: str
    name: str
    description: str
    columns: list[RegistryColumn]
    row_count: int


class RegistryRow(RecordBase):
    registry_id: str
    values: dict[str, Any]


class Region(RecordBase):
    code: str
    name: str
    parent_code: str | None
    population: int | None = None
    """Inhabitants of a district (None for an economic region): the weight of its rates
    in regional and national means (docs/analytics.md)."""


class Indicator(RecordBase):
    code: str
    name: str
    unit: str
    description: str
    target: float | None = None
    """The level aimed at (e.g. 95 for immunisation coverage); None: no target."""
    alert: float | None = None
    """Beyond this level the indicator needs attention; None: no alert level."""
    higher_is_better: bool | None = None
    """The direction of ``target`` and ``alert``; None for counts (no good direction)."""


class IndicatorValue(RecordBase):
    indicator_id: str
    region_code: str
    period: str
    value: float | None
    published_on: str | None = None
    """The day the ministry published this month's values (YYYY-MM-DD)."""
    provisional: bool = False
    """Still provisional: the month's values may be revised."""


RECORD_MODELS: dict[str, type[RecordBase]] = {
    "departments": Department,
    "people": Person,
    "rooms": Room,
    "bookings": Booking,
    "folders": Folder,
    "documents": Document,
    "shares": Share,
    "registries": Registry,
    "registry_rows": RegistryRow,
    "regions": Region,
    "indicators": Indicator,
    "indicator_values": IndicatorValue,
}


# --- auth ----------------------------------------------------------------------


class LoginRequest(Strict):
    username: Annotated[str, StringConstraints(min_length=1, max_length=150)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    device_id: Annotated[
        str, StringConstraints(min_length=8, max_length=128, pattern=r"^[A-Za-z0-9._:-]+$")
    ]
    # Shown to administrators in device lists: the same rule as names and titles.
    device_name: Annotated[
        str, StringConstraints(min_length=1, max_length=255), AfterValidator(single_line)
    ]


class RefreshRequest(Strict):
    refresh_token: Annotated[str, StringConstraints(min_length=1, max_length=512)]


class LogoutRequest(Strict):
    refresh_token: Annotated[str, StringConstraints(max_length=512)] | None = None


class User(Strict):
    id: str
    username: str
    display_name: str
    roles: list[str]
    department_id: str | None


class PolicyModel(Strict):
    offline_grace_days: int
    idle_lock_minutes: int
    max_offline_document_mb: int
    remember_on_this_computer: bool


class TokenPair(Strict):
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


class LoginResponse(TokenPair):
    user: User
    policy: PolicyModel
    device_secret: str


class MeResponse(Strict):
    user: User
    policy: PolicyModel


class DeviceRevoked(Strict):
    device_id: str
    revoked_logins: int


# --- sync ----------------------------------------------------------------------


class SyncHeads(Strict):
    collections: dict[str, str]
    registry_rows: dict[str, str] = Field(
        description="The newest cursor of the rows of each registry the user may read."
    )


# --- writes --------------------------------------------------------------------


class BookingCreate(Strict):
    room_id: Id
    title: Text1
    start: Rfc3339
    end: Rfc3339
    attendee_ids: Annotated[list[Id], Field(max_length=200)] = []


class SeriesCreate(Strict):
    """A recurring booking: the first occurrence and the rule, created all at once."""

    room_id: Id
    title: Text1
    start: Rfc3339 = Field(description="The first occurrence's start.")
    end: Rfc3339
    attendee_ids: Annotated[list[Id], Field(max_length=200)] = []
    frequency: Literal["daily", "weekly"]
    count: int | None = Field(default=None, ge=1, le=366, description="This many occurrences.")
    until: date | None = Field(
        default=None, description="Or up to this Asia/Baku date, included (within a year)."
    )
    skip_clashes: bool = Field(
        default=False,
        description="false: one taken or closed occurrence refuses the whole series (409, "
        "nothing kept, the clashes listed); true: only the free occurrences are booked.",
    )


class SeriesPatch(Strict):
    """A change to every future confirmed occurrence; cancelled ones stay cancelled."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})
    title: Text1 | None = None
    attendee_ids: Annotated[list[Id], Field(max_length=200)] | None = None
    start_time: ClockTime | None = Field(default=None, description="New Asia/Baku start, HH:MM.")
    end_time: ClockTime | None = Field(default=None, description="New Asia/Baku end, HH:MM.")


class Clash(BaseModel):
    start: datetime
    end: datetime
    reason: Literal["booked", "closed"]
    conflicting_ids: list[str] = []


class Series(BaseModel):
    id: str
    version: int
    room_id: str
    organizer_id: str
    title: str
    frequency: Literal["daily", "weekly"]
    status: Literal["active", "cancelled"]


class SeriesAnswer(BaseModel):
    series: Series
    bookings: list[Booking] = Field(description="The occurrences this request wrote.")
    skipped: list[Clash] = []


class BookingPatch(Strict):
    room_id: Id | None = None
    title: Text1 | None = None
    start: Rfc3339 | None = None
    end: Rfc3339 | None = None
    attendee_ids: Annotated[list[Id], Field(max_length=200)] | None = None


Tag = Annotated[
    str,
    StringConstraints(min_length=1, max_length=50, strip_whitespace=True),
    AfterValidator(single_line),
]
Description = Annotated[str, StringConstraints(max_length=5000), AfterValidator(free_text)]


class DocumentMetadata(Strict):
    folder_id: Id
    title: Text1
    description: Description = ""
    tags: Annotated[list[Tag], Field(max_length=20)] = []


class ConflictCopyMetadata(Strict):
    based_on_version_no: Annotated[StrictInt, Field(ge=1, le=1_000_000)]


class UploadSessionCreate(Strict):
    filename: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(max_length=255)] = ""
    size: Annotated[StrictInt, Field(ge=0, le=1 << 50)]


class UploadSession(Strict):
    id: str
    filename: str
    content_type: str
    size: int
    offset: int = Field(description="Bytes received so far: the next chunk starts here.")
    complete: bool
    state: Literal["open", "cancelled", "finished"] = Field(
        description="open: takes chunks; cancelled (DELETE) or finished (a document, version "
        "or conflict copy was made of it): its bytes are gone from the session."
    )
    expires_at: datetime


class VersionFromUpload(Strict):
    """An upload finished from a complete upload session (JSON instead of multipart).
    ``sha256`` names the bytes: the server checks it, and it (not the session) is what the
    idempotency key is bound to, so a resend through a new session replays the answer."""

    upload_id: Id
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class DocumentFromUpload(VersionFromUpload):
    metadata: DocumentMetadata


class ConflictCopyFromUpload(VersionFromUpload):
    metadata: ConflictCopyMetadata


class DocumentPatch(Strict):
    folder_id: Id | None = None
    title: Text1 | None = None
    description: Description | None = None
    tags: Annotated[list[Tag], Field(max_length=20)] | None = None


# A person's own contact details (PATCH /people/{id}). Trimmed first; the lengths count
# what is left. A work phone may be changed, never removed; mobile and office are
# cleared with "".
PHONE_MAX_CHARS, OFFICE_MAX_CHARS = 32, 64
_PHONE_CHARACTERS = re.compile(r"[0-9 +()\-]*", re.ASCII)


def _phone_number(value: str) -> str:
    """Digits and the usual separators only: what a desk phone or a mobile can dial."""
    single_line(value)  # control and bidirectional characters: the common message
    if not _PHONE_CHARACTERS.fullmatch(value):
        raise ValueError("may contain only digits, spaces, +, -, ( and )")
    if value and not any(character.isdigit() for character in value):
        raise ValueError("must contain at least one digit")
    return value


WorkPhone = Annotated[
    str,
    StringConstraints(min_length=1, max_length=PHONE_MAX_CHARS, strip_whitespace=True),
    AfterValidator(_phone_number),
]
ClearablePhone = Annotated[
    str,
    StringConstraints(max_length=PHONE_MAX_CHARS, strip_whitespace=True),
    AfterValidator(_phone_number),
]
Office = Annotated[
    str,
    StringConstraints(max_length=OFFICE_MAX_CHARS, strip_whitespace=True),
    AfterValidator(single_line),
]


class PersonPatch(Strict):
    """The fields of a person that person may change (an administrator: anyone's)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"minProperties": 1})
    phone: WorkPhone | None = Field(
        default=None,
        description="Work phone: digits, spaces, + - ( ), at most 32 characters; "
        "cannot be removed.",
    )
    mobile: ClearablePhone | None = Field(default=None, description='As phone; "" removes it.')
    office: Office | None = Field(
        default=None, description='One line, at most 64 characters; "" removes it.'
    )


class ShareCreate(Strict):
    document_id: Id
    to_ids: Annotated[list[Id], Field(min_length=1, max_length=50)]
    message: Annotated[str, StringConstraints(max_length=2000), AfterValidator(free_text)] = ""


# --- errors --------------------------------------------------------------------


class FieldError(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details; ``code`` is the stable word a client switches on."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldError] | None = None
    current: dict[str, Any] | None = Field(
        default=None, description="412: the record as the server has it now."
    )
    conflicting_ids: list[str] | None = Field(
        default=None, description="409 booking_conflict: the bookings it overlaps."
    )
    clashes: list[Clash] | None = Field(
        default=None, description="409 booking_conflict of a series: each taken occurrence."
    )
    opening_hours: list[OpeningHours] | None = Field(
        default=None, description="422 outside_opening_hours: the room's hours."
    )
