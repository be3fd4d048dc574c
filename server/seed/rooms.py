"""Meeting rooms in the ministry's buildings and a realistic, conflict-free booking diary."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from server.records import iso
from server.seed.directory import Directory

# Buildings and their floors; the first three hold the central apparatus.
BUILDINGS = (("A", 9), ("B", 6), ("C", 4), ("D", 5), ("E", 7), ("F", 4))

# Opening hours (Asia/Baku, ISO weekdays): the central buildings A-C every day
# 07:00-22:00 (duty staff), the regional ones D-F on working days 08:00-19:00; the diary
# below (09:00-18:00 on working days) lies inside them. Buildings A and B have lifts: all
# their rooms are accessible; elsewhere only the ground and first floors.
CENTRAL_HOURS = [{"weekday": d, "open": "07:00", "close": "22:00"} for d in range(1, 8)]
REGIONAL_HOURS = [{"weekday": d, "open": "08:00", "close": "19:00"} for d in range(1, 6)]
CENTRAL_BUILDINGS = frozenset({"A", "B", "C"})
BUILDINGS_WITH_LIFTS = frozenset({"A", "B"})
DISPLAYS = frozenset({"ekran", "proyektor", "interaktiv lövhə"})


def opening_hours(building: str) -> list[dict[str, Any]]:
    return CENTRAL_HOURS if building in CENTRAL_BUILDINGS else REGIONAL_HOURS


def attributes(building: str, floor: int, equipment: list[str]) -> list[str]:
    """What the free-room finder filters on, derived from the room's equipment and place."""
    found = []
    if building in BUILDINGS_WITH_LIFTS or floor <= 1:
        found.append("accessible")
    if "videokonfrans" in equipment:
        found.append("video_conference")
    if DISPLAYS.intersection(equipment):
        found.append("display")
    return found


BAKU_OFFSET = timedelta(hours=4)  # Asia/Baku, no daylight saving time since 2016
DAY_START = 9 * 60  # local minutes
DAY_END = 18 * 60


@dataclass(frozen=True)
class RoomType:
    name: str
    capacity: tuple[int, int]
    always: tuple[str, ...]
    sometimes: tuple[str, ...]
    weight: int


ASSEMBLY = RoomType(
    "Konfrans zalı", (40, 120), ("proyektor", "ekran", "mikrofon sistemi"),
    ("videokonfrans", "sinxron tərcümə avadanlığı", "səs yazma avadanlığı"), 0,
)  # fmt: skip
BOARD = RoomType(
    "Kollegiya zalı", (50, 60),
    ("proyektor", "ekran", "videokonfrans", "mikrofon sistemi", "sinxron tərcümə avadanlığı"),
    (), 0,
)  # fmt: skip
ROOM_TYPES = (
    RoomType("İclas otağı", (8, 20), ("lövhə",), ("proyektor", "ekran", "videokonfrans"), 6),
    RoomType("Kiçik iclas otağı", (4, 8), ("lövhə",), ("ekran", "telefon konfransı"), 4),
    RoomType("Videokonfrans otağı", (6, 14), ("videokonfrans", "ekran", "veb-kamera"),
             ("mikrofon sistemi", "lövhə"), 2),
    RoomType("Təlim otağı", (16, 30), ("proyektor", "lövhə"),
             ("flipçart", "noutbuklar", "interaktiv lövhə"), 2),
)  # fmt: skip

MEETINGS = (
    "Həftəlik planlaşdırma görüşü", "Şöbə müşavirəsi", "İşçi qrupunun iclası",
    "Kollegiya iclasına hazırlıq", "Rüblük hesabatın müzakirəsi", "Büdcə layihəsinin müzakirəsi",
    "İmmunizasiya kampaniyası üzrə müşavirə", "Elektron səhiyyə sistemi: təqdimat",
    "Yeni əməkdaşlar üçün təlim", "Beynəlxalq təşkilatın nümayəndələri ilə görüş",
    "Regional idarələrlə videokonfrans", "Dərman təminatı üzrə müşavirə",
    "Daxili audit: yekun görüş", "İnformasiya təhlükəsizliyi təlimi",
    "Statistik hesabatların yoxlanılması", "Vətəndaş müraciətlərinin təhlili",
    "Müsahibə", "Layihə komandasının görüşü", "Tender komissiyasının iclası",
    "Klinik protokolların müzakirəsi", "Attestasiya komissiyasının iclası",
)  # fmt: skip


@dataclass(frozen=True)
class Room:
    id: str
    name: str
    capacity: int
    is_board: bool
    record: dict[str, Any]


def build_rooms(rng: random.Random, count: int) -> list[Room]:
    """One board room, an assembly hall per building, then a mix of smaller rooms."""
    buildings = BUILDINGS[: max(3, min(len(BUILDINGS), count // 45 + 1))]
    used: set[tuple[str, int]] = set()
    rooms: list[Room] = []

    def add(kind: RoomType, building: str, floors: int) -> None:
        while True:
            floor = rng.randint(1, floors)
            number = floor * 100 + rng.randint(1, 40)
            if (building, number) not in used:
                break
        used.add((building, number))
        equipment = list(kind.always) + [e for e in kind.sometimes if rng.random() < 0.5]
        room_id = f"room-{len(rooms) + 1:03d}"
        capacity = rng.randint(*kind.capacity)
        name = f"{kind.name} {building}-{number}"
        record = {
            "id": room_id,
            "name": name,
            "building": f"Bina {building}",
            "floor": floor,
            "capacity": capacity,
            "equipment": equipment,
            "attributes": attributes(building, floor, equipment),
            "opening_hours": opening_hours(building),
        }
        rooms.append(Room(room_id, name, capacity, kind is BOARD, record))

    add(BOARD, *BUILDINGS[0])
    for building, floors in buildings:
        if len(rooms) < count:
            add(ASSEMBLY, building, floors)
    while len(rooms) < count:
        kind = rng.choices(ROOM_TYPES, [t.weight for t in ROOM_TYPES])[0]
        add(kind, *rng.choice(buildings))
    return rooms


def _working_days(first: date, last: date | None) -> Iterator[date]:
    day = first
    while last is None or day <= last:
        if day.weekday() < 5:
            yield day
        day += timedelta(days=1)


def _day_schedule(rng: random.Random, room: Room) -> list[tuple[int, int]]:
    """Back-to-back slots in one room on one day, local minutes; they never overlap."""
    if rng.random() < (0.7 if room.is_board else 0.12):
        return []
    slots: list[tuple[int, int]] = []
    minute = DAY_START
    gaps = (0, 0, 15, 30, 30, 60, 60, 90, 120, 180) if not room.is_board else (60, 120, 180)
    while True:
        minute += rng.choice(gaps)
        length = rng.choice((30, 45, 60, 60, 60, 90, 120))
        if minute + length > DAY_END:
            return slots
        slots.append((minute, minute + length))
        minute += length


def bookings(
    rng: random.Random,
    rooms: list[Room],
    directory: Directory,
    first_day: date,
    last_day: date | None,
    limit: int | None,
) -> Iterator[dict[str, Any]]:
    """Weekday bookings, day by day, room by room, in Baku working hours (09:00-18:00).

    Each room's slots on a day come from one chain of gaps and lengths, so confirmed
    bookings of a room never overlap, and cancelled ones do not either."""
    person_department = {p["id"]: p["department_id"] for p in directory.people}
    organisers = directory.central_people
    count = 0
    for day in _working_days(first_day, last_day):
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - BAKU_OFFSET
        for room in rooms:
            for start, end in _day_schedule(rng, room):
                if limit is not None and count >= limit:
                    return
                count += 1
                organiser = rng.choice(organisers)
                colleagues = directory.department(person_department[organiser]).members
                wanted = rng.randint(1, max(1, min(8, room.capacity - 1)))
                attendees: list[str] = []
                for _ in range(wanted * 3):
                    pool = colleagues if rng.random() < 0.7 else organisers
                    candidate = rng.choice(pool)
                    if candidate != organiser and candidate not in attendees:
                        attendees.append(candidate)
                        if len(attendees) == wanted:
                            break
                title = "Kollegiya iclası" if room.is_board and rng.random() < 0.5 else None
                yield {
                    "id": f"bkg-{count:06d}",
                    "room_id": room.id,
                    "title": title or rng.choice(MEETINGS),
                    "start": iso(midnight + timedelta(minutes=start)),
                    "end": iso(midnight + timedelta(minutes=end)),
                    "organizer_id": organiser,
                    "attendee_ids": sorted(attendees),
                    "status": "cancelled" if rng.random() < 0.05 else "confirmed",
                }
