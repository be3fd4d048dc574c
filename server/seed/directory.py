"""The ministry's structure, its staff directory and everyone's account."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from server.accounts import NewUser, hash_password
from server.seed.geography import ECONOMIC_REGIONS
from server.seed.names import PersonName, person_name, random_name
from server.seed.text import ordinal

DEMO_PASSWORD = "demo"  # noqa: S105 - the published password of the demo accounts

# The accounts the demo and the tests sign in with; each is linked to a generated person.
FIXED_ACCOUNTS: dict[str, tuple[str, ...]] = {
    "admin": ("staff", "admin"),
    "analyst": ("staff", "analyst"),
    "head": ("staff", "department_head"),
    "staff": ("staff",),
}

ROOT_NAME = "Səhiyyə Nazirliyi"
EMAIL_DOMAIN = "health.gov.az"

Kind = Literal["ministry", "department", "service", "sector", "regional", "district"]

HEAD_TITLES: dict[str, str] = {
    "ministry": "Səhiyyə naziri",
    "department": "Şöbə müdiri",
    "service": "Mətbuat xidmətinin rəhbəri",
    "sector": "Sektor müdiri",
    "regional": "İdarə rəisi",
    "district": "Şöbə müdiri",
}
DEPUTY_TITLES: dict[str, str] = {
    "department": "Şöbə müdirinin müavini",
    "regional": "İdarə rəisinin müavini",
}
# Who sits beside the minister, managed by the minister.
LEADERSHIP = (
    "Nazirin birinci müavini",
    "Nazirin müavini",
    "Nazirin müavini",
    "Nazirin köməkçisi",
    "Nazirin müşaviri",
)

CIVIL_SERVICE = (
    ("Baş məsləhətçi", 2), ("Aparıcı məsləhətçi", 3), ("Məsləhətçi", 3),
    ("Baş mütəxəssis", 2), ("Aparıcı mütəxəssis", 2), ("Mütəxəssis", 1),
)  # fmt: skip
REGIONAL_STAFF = (
    "Baş mütəxəssis", "Aparıcı mütəxəssis", "Mütəxəssis", "Həkim-epidemioloq", "Həkim-statistik",
    "Mühasib", "Kargüzar", "Hüquqşünas", "İnformasiya texnologiyaları üzrə mütəxəssis",
)  # fmt: skip


@dataclass(frozen=True)
class CentralUnit:
    name: str
    kind: Kind
    weight: float
    specialists: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()


CENTRAL: tuple[CentralUnit, ...] = (
    CentralUnit(
        "Müalicə-profilaktika şöbəsi", "department", 4,
        ("Baş mütəxəssis-həkim", "Həkim-metodist"),
        ("Stasionar tibbi yardımın təşkili sektoru", "Ambulator-poliklinik yardım sektoru",
         "Ana və uşaq sağlamlığı sektoru"),
    ),
    CentralUnit(
        "İctimai səhiyyə şöbəsi", "department", 3, ("Həkim-epidemioloq", "Həkim-gigiyenist"),
        ("Epidemioloji nəzarət sektoru", "İmmunoprofilaktika sektoru",
         "Sağlam həyat tərzinin təbliği sektoru"),
    ),
    CentralUnit(
        "Əczaçılıq və tibbi texnika şöbəsi", "department", 3, ("Əczaçı-ekspert", "Provizor"),
        ("Dərman vasitələrinin qeydiyyatı sektoru", "Əczaçılıq fəaliyyətinə nəzarət sektoru"),
    ),
    CentralUnit(
        "Təcili və təxirəsalınmaz tibbi yardım şöbəsi", "department", 2, ("Həkim-metodist",)
    ),
    CentralUnit(
        "Tibbi təhsil və elm şöbəsi", "department", 2, ("Metodist",),
        ("Rezidentura və fasiləsiz tibbi təhsil sektoru",),
    ),
    CentralUnit(
        "Səhiyyə statistikası və analitika şöbəsi", "department", 3,
        ("Həkim-statistik", "Analitik", "Baş analitik"), ("Tibbi statistika sektoru",),
    ),
    CentralUnit(
        "Rəqəmsal səhiyyə və informasiya texnologiyaları şöbəsi", "department", 3,
        ("Sistem administratoru", "Proqram təminatı üzrə mühəndis",
         "Verilənlər bazasının administratoru", "İnformasiya təhlükəsizliyi üzrə mütəxəssis"),
        ("Elektron səhiyyə sistemləri sektoru", "İnformasiya təhlükəsizliyi sektoru"),
    ),
    CentralUnit(
        "İnsan resursları şöbəsi", "department", 2, ("Kadr işləri üzrə mütəxəssis",),
        ("Kadr uçotu sektoru",),
    ),
    CentralUnit(
        "Maliyyə və mühasibat uçotu şöbəsi", "department", 3,
        ("Baş mühasib", "Mühasib", "İqtisadçı"),
        ("Büdcə planlaşdırması sektoru",),
    ),
    CentralUnit("Hüquq şöbəsi", "department", 2, ("Hüquqşünas", "Baş hüquqşünas")),
    CentralUnit(
        "Beynəlxalq əlaqələr şöbəsi", "department", 1.5, ("Tərcüməçi", "Protokol üzrə mütəxəssis")
    ),
    CentralUnit("Mətbuat xidməti", "service", 1.5, ("Mətbuat katibi", "Redaktor", "Dizayner")),
    CentralUnit("Vətəndaş müraciətləri ilə iş şöbəsi", "department", 2, ("Operator",)),
    CentralUnit("Ümumi şöbə", "department", 2, ("Kargüzar", "Arxivarius", "Katib")),
    CentralUnit("Daxili audit şöbəsi", "department", 1.5, ("Auditor", "Baş auditor")),
    CentralUnit(
        "İnzibati-təsərrüfat şöbəsi", "department", 2, ("Təsərrüfat müdiri", "Texnik", "Elektrik")
    ),
)  # fmt: skip

# Where the central units sit: building and floor, in the order of CENTRAL.
CENTRAL_SITES = (
    [("A", f) for f in range(2, 9)]
    + [("B", f) for f in range(1, 7)]
    + [("C", f) for f in (1, 2, 3)]
)
LEADERSHIP_SITE = ("A", 9)


@dataclass(frozen=True)
class FixedPerson:
    username: str
    department: str
    is_head: bool
    name: PersonName
    position: str | None = None


FIXED_PEOPLE = (
    FixedPerson(
        "head", "Müalicə-profilaktika şöbəsi", True, person_name("Rəşad", "İsmayılov", "Elçin", "m")
    ),
    FixedPerson(
        "staff", "Müalicə-profilaktika şöbəsi", False,
        person_name("Günel", "İsmayılov", "Rauf", "f"), "Aparıcı məsləhətçi",
    ),
    FixedPerson(
        "analyst", "Səhiyyə statistikası və analitika şöbəsi", False,
        person_name("Leyla", "Məmmədov", "Arif", "f"), "Baş analitik",
    ),
    FixedPerson(
        "admin", "Rəqəmsal səhiyyə və informasiya texnologiyaları şöbəsi", False,
        person_name("Tural", "Cəfərov", "Vüqar", "m"), "Sistem administratoru",
    ),
)  # fmt: skip


@dataclass
class Department:
    id: str
    name: str
    parent_id: str | None
    kind: Kind
    weight: float
    specialists: tuple[str, ...]
    office: tuple[str, str, int, int]  # place, phone area code, lowest and highest floor
    central: bool
    region_code: str | None = None  # its economic region; None: the whole country
    head_id: str | None = None
    members: list[str] = field(default_factory=list)  # person ids, the head first

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "parent_id": self.parent_id,
            "head_person_id": self.head_id,
            "region_code": self.region_code,
        }


@dataclass
class Directory:
    departments: list[Department]
    people: list[dict[str, Any]]
    users: list[NewUser]
    accounts: dict[str, str]  # fixed username -> person id
    central_people: list[str]

    _by_id: dict[str, Department] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.departments}

    def department(self, department_id: str) -> Department:
        return self._by_id[department_id]


def _structure(with_district_units: bool) -> list[Department]:
    departments: list[Department] = []

    def add(
        name: str,
        parent: str | None,
        kind: Kind,
        weight: float,
        specialists: tuple[str, ...],
        office: tuple[str, str, int, int],
        central: bool,
        region_code: str | None = None,
    ) -> str:
        dep = Department(
            f"dep-{len(departments) + 1:03d}", name, parent, kind, weight, specialists, office,
            central, region_code,
        )  # fmt: skip
        departments.append(dep)
        return dep.id

    building, floor = LEADERSHIP_SITE
    root = add(ROOT_NAME, None, "ministry", 0, (), (f"Bina {building}", "12", floor, floor), True)
    for unit, (building, floor) in zip(CENTRAL, CENTRAL_SITES, strict=True):
        office = (f"Bina {building}", "12", floor, floor)
        parent = add(unit.name, root, unit.kind, unit.weight, unit.specialists, office, True)
        for sector in unit.sectors:
            add(sector, parent, "sector", 2, unit.specialists, office, True)
    for er in ECONOMIC_REGIONS:
        name = (
            "Bakı şəhəri səhiyyə idarəsi"
            if er.code == "baki"
            else f"{er.short} regional səhiyyə idarəsi"
        )
        office = (f"{er.centre}, regional idarənin binası", er.area_code, 1, 3)
        regional = add(name, root, "regional", 4, (), office, False, er.code)
        if with_district_units:
            for district in er.districts:
                office = (f"{district.short}, inzibati bina", er.area_code, 1, 2)
                add(
                    f"{district.adjective} səhiyyə şöbəsi",
                    regional,
                    "district",
                    3,
                    (),
                    office,
                    False,
                    er.code,
                )
    return departments


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder, ties by position)."""
    weight_sum = sum(weights)
    raw = [total * w / weight_sum for w in weights]
    counts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


class _Emails:
    """given.family@health.gov.az, ASCII-folded, made unique with a number."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def local_part(self, name: PersonName) -> str:
        base = name.email_local
        seen = self.used.get(base, 0) + 1
        self.used[base] = seen
        return base if seen == 1 else f"{base}{seen}"


def build_directory(rng: random.Random, total_people: int, with_district_units: bool) -> Directory:
    """Departments, people and accounts; department heads manage their unit, and report to
    the head of the unit above."""
    departments = _structure(with_district_units)
    by_id = {d.id: d for d in departments}
    root = departments[0]
    fixed_by_department: dict[str, list[FixedPerson]] = {}
    for fixed in FIXED_PEOPLE:
        fixed_by_department.setdefault(fixed.department, []).append(fixed)

    others = departments[1:]
    staff_total = total_people - len(departments) - len(LEADERSHIP)
    if staff_total < len(others):
        raise ValueError("too few people for the ministry's structure")
    staff_counts = allocate(staff_total, [d.weight for d in others])

    emails = _Emails()
    people: list[dict[str, Any]] = []
    accounts: dict[str, str] = {}
    heads: set[str] = set()

    def add_person(dep: Department, position: str, name: PersonName, manager: str | None) -> str:
        person_id = f"person-{len(people) + 1:05d}"
        local = emails.local_part(name)
        place, area, lowest, highest = dep.office
        floor = rng.randint(lowest, highest)
        room = f"{floor}{rng.randint(1, 40):02d}"
        people.append(
            {
                "id": person_id,
                "full_name": name.full,
                "given_name": name.given,
                "family_name": name.family,
                "patronymic": name.patronymic,
                "position": position,
                "department_id": dep.id,
                "manager_id": manager,
                "email": f"{local}@{EMAIL_DOMAIN}",
                "phone": f"+994 {area} {rng.randint(200, 599)} {rng.randint(0, 99):02d} "
                f"{rng.randint(0, 99):02d}",
                "mobile": f"+994 50 {rng.randint(200, 999)} {rng.randint(0, 99):02d} "
                f"{rng.randint(0, 99):02d}",
                "office": f"{place}, {ordinal(floor)} mərtəbə, otaq {room}",
                "photo_url": None,
            }
        )
        dep.members.append(person_id)
        return person_id

    # Heads first, top-down, so every head's manager already exists.
    for dep in departments:
        manager = by_id[dep.parent_id].head_id if dep.parent_id else None
        fixed_head = next((f for f in fixed_by_department.get(dep.name, []) if f.is_head), None)
        name = fixed_head.name if fixed_head else random_name(rng)
        dep.head_id = add_person(dep, HEAD_TITLES[dep.kind], name, manager)
        heads.add(dep.head_id)
        if fixed_head:
            accounts[fixed_head.username] = dep.head_id
    for position in LEADERSHIP:
        add_person(root, position, random_name(rng), root.head_id)
    for dep, count in zip(others, staff_counts, strict=True):
        fixed_staff = [f for f in fixed_by_department.get(dep.name, []) if not f.is_head]
        for index in range(count):
            if index == 0 and dep.kind in DEPUTY_TITLES and count >= 6:
                position = DEPUTY_TITLES[dep.kind]
            elif dep.kind in ("regional", "district"):
                position = rng.choice(REGIONAL_STAFF)
            elif dep.specialists and rng.random() < 0.35:
                position = rng.choice(dep.specialists)
            else:
                position = rng.choices(
                    [p for p, _ in CIVIL_SERVICE], [w for _, w in CIVIL_SERVICE]
                )[0]
            if fixed_staff and index >= 1:
                fixed = fixed_staff.pop(0)
                person_id = add_person(dep, fixed.position or position, fixed.name, dep.head_id)
                accounts[fixed.username] = person_id
            else:
                add_person(dep, position, random_name(rng), dep.head_id)

    missing = [f.username for f in FIXED_PEOPLE if f.username not in accounts]
    if missing:
        raise ValueError(f"no place for the fixed accounts {missing}")
    central_people = [p for d in departments if d.central for p in d.members]
    return Directory(departments, people, _users(people, heads, accounts), accounts, central_people)


def _users(
    people: list[dict[str, Any]], heads: set[str], accounts: dict[str, str]
) -> list[NewUser]:
    # Demo-only shortcut: argon2 costs ~50 ms per hash, so every generated account shares
    # one hash of the demo password. Never do this for real accounts.
    shared_hash = hash_password(DEMO_PASSWORD)
    fixed_by_person = {person_id: username for username, person_id in accounts.items()}
    result = []
    for person in people:
        username = fixed_by_person.get(person["id"])
        if username is not None:
            roles = FIXED_ACCOUNTS[username]
        else:
            username = person["email"].split("@", 1)[0]
            roles = ("staff", "department_head") if person["id"] in heads else ("staff",)
        result.append(
            NewUser(
                id=person["id"],
                username=username,
                password_hash=shared_hash,
                display_name=person["full_name"],
                roles=roles,
                department_id=person["department_id"],
            )
        )
    return result
