"""The demo data set: deterministic, consistent, realistic enough to demo and test against."""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from sqlalchemy import select

from server.accounts import verify_password
from server.blobs import BlobStore
from server.db import (
    COLLECTION_TABLES,
    Database,
    document_versions,
    folder_members,
    sqlite_url_for,
    users,
)
from server.seed import DEMO_PASSWORD, FIXED_ACCOUNTS, SeedSummary, seed
from server.seed.text import capitalize, fold, ordinal, safe_filename

TODAY = date(2026, 11, 25)  # a Wednesday

KEYS: dict[str, set[str]] = {
    "departments": {"name", "parent_id", "head_person_id", "region_code"},
    "people": {
        "full_name", "given_name", "family_name", "patronymic", "position", "department_id",
        "manager_id", "email", "phone", "mobile", "office", "photo_url",
    },
    "rooms": {"name", "building", "floor", "capacity", "equipment", "attributes", "opening_hours"},
    "bookings": {"room_id", "title", "start", "end", "organizer_id", "attendee_ids", "status"},
    "folders": {"name", "parent_id", "department_id", "access"},
    "documents": {
        "folder_id", "title", "description", "filename", "content_type", "size", "sha256",
        "version_no", "author_id", "tags", "created_at", "version_uploaded_by",
        "version_uploaded_at",
    },
    "shares": {"document_id", "from_id", "to_id", "message", "sent_at", "read_at"},
    "registries": {"code", "name", "description", "columns", "row_count"},
    "registry_rows": {"registry_id", "values"},
    "regions": {"code", "name", "parent_code", "population"},
    "indicators": {
        "code", "name", "unit", "description", "target", "alert", "higher_is_better",
    },
    "indicator_values": {
        "indicator_id", "region_code", "period", "value", "published_on", "provisional",
    },
}  # fmt: skip

COUNT_RANGES = {
    "departments": (30, 80),
    "people": (450, 550),
    "rooms": (30, 30),
    "bookings": (1_000, 4_000),
    "folders": (100, 400),
    "documents": (900, 1_100),
    "shares": (100, 1_000),
    "registries": (4, 4),
    "registry_rows": (18_000, 22_000),
    "regions": (14 + 60, 14 + 120),
    "indicators": (10, 20),
    "indicator_values": (10_000, 120_000),
}


@dataclass
class Seeded:
    root: Path
    db: Database
    blobs: BlobStore
    summary: SeedSummary
    bodies: dict[str, list[dict[str, Any]]]

    def by_id(self, collection: str) -> dict[str, dict[str, Any]]:
        return {r["id"]: r for r in self.bodies[collection]}

    def rows(self, table: Any) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return [dict(r._mapping) for r in conn.execute(select(table))]


def _seed_into(root: Path) -> Seeded:
    db = Database(sqlite_url_for(root))
    db.create_schema()
    blobs = BlobStore(root / "blobs")
    summary = seed(db, blobs, "demo", TODAY)
    bodies = {}
    with db.read() as conn:
        for name, table in COLLECTION_TABLES.items():
            result = conn.execute(select(table.c.body).order_by(table.c.seq))
            bodies[name] = [json.loads(body) for (body,) in result]
    return Seeded(root, db, blobs, summary, bodies)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeded]:
    seeded = _seed_into(tmp_path_factory.mktemp("demo"))
    yield seeded
    seeded.db.dispose()


def _utc(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    assert value.endswith("+00:00"), value
    assert moment.second == 0 and moment.microsecond == 0, value
    return moment


# --- determinism and shape -----------------------------------------------------------


def test_same_day_gives_identical_data(demo: Seeded, tmp_path: Path) -> None:
    again = _seed_into(tmp_path)
    try:
        assert again.summary == demo.summary
        for collection in COLLECTION_TABLES:
            assert again.bodies[collection] == demo.bodies[collection], collection
        assert again.rows(folder_members) == demo.rows(folder_members)
        assert again.rows(document_versions) == demo.rows(document_versions)
        # Password hashes are salted, so they alone differ between runs.
        strip = [{k: v for k, v in u.items() if k != "password_hash"} for u in demo.rows(users)]
        assert [
            {k: v for k, v in u.items() if k != "password_hash"} for u in again.rows(users)
        ] == strip
        assert sorted(p.name for p in (again.root / "blobs").rglob("*") if p.is_file()) == sorted(
            p.name for p in (demo.root / "blobs").rglob("*") if p.is_file()
        )
    finally:
        again.db.dispose()


def test_counts_are_in_range_and_match_the_summary(demo: Seeded) -> None:
    for collection, (low, high) in COUNT_RANGES.items():
        count = len(demo.bodies[collection])
        assert low <= count <= high, (collection, count)
        assert demo.summary.counts[collection] == count
    assert demo.summary.users == len(demo.bodies["people"]) == len(demo.rows(users))


def test_every_record_has_exactly_the_api_fields(demo: Seeded) -> None:
    for collection, keys in KEYS.items():
        expected = keys | {"id", "version", "updated_at"}
        for record in demo.bodies[collection]:
            assert set(record) == expected, (collection, record["id"])
            assert record["version"] == 1
            assert record["updated_at"] == "2026-11-25T00:00:00+00:00"


def test_every_record_validates_against_the_api_models(demo: Seeded) -> None:
    from server.schemas import RECORD_MODELS

    for collection, model in RECORD_MODELS.items():
        for record in demo.bodies[collection]:
            model.model_validate(record)


def test_ids_are_unique_and_readable(demo: Seeded) -> None:
    patterns = {
        "departments": r"dep-\d{3}", "people": r"person-\d{5}", "rooms": r"room-\d{3}",
        "bookings": r"bkg-\d{6}", "folders": r"fld-\d{4}", "documents": r"doc-\d{6}",
        "shares": r"shr-\d{5}", "registries": r"reg-[a-z-]+",
        "registry_rows": r"rrow-[a-z-]+-\d{6}", "regions": r"region-[a-z-]+",
        "indicators": r"ind-[a-z0-9-]+", "indicator_values": r"ival-\d{6}",
    }  # fmt: skip
    for collection, pattern in patterns.items():
        ids = [r["id"] for r in demo.bodies[collection]]
        assert len(ids) == len(set(ids)), collection
        assert all(re.fullmatch(pattern, i) for i in ids), collection


# --- people and accounts -------------------------------------------------------------


def test_fixed_accounts_exist_with_their_roles_and_the_demo_password(demo: Seeded) -> None:
    accounts = {u["username"]: u for u in demo.rows(users)}
    people = demo.by_id("people")
    for username, roles in FIXED_ACCOUNTS.items():
        user = accounts[username]
        assert set(user["roles"].split()) == set(roles)
        assert verify_password(user["password_hash"], DEMO_PASSWORD)
        assert user["id"] in people
        assert user["department_id"] == people[user["id"]]["department_id"]
        assert user["display_name"] == people[user["id"]]["full_name"]
    head = accounts["head"]
    departments = demo.by_id("departments")
    assert departments[head["department_id"]]["head_person_id"] == head["id"]
    assert departments[head["department_id"]]["parent_id"] == "dep-001"


def test_every_person_has_an_account_named_after_the_email(demo: Seeded) -> None:
    heads = {d["head_person_id"] for d in demo.bodies["departments"]}
    people = demo.by_id("people")
    fixed = set(FIXED_ACCOUNTS)
    rows = demo.rows(users)
    assert {u["id"] for u in rows} == set(people)
    for user in rows:
        if user["username"] in fixed:
            continue
        person = people[user["id"]]
        assert f"{user['username']}@health.gov.az" == person["email"]
        expected = {"staff", "department_head"} if user["id"] in heads else {"staff"}
        assert set(user["roles"].split()) == expected
    sample = next(u for u in rows if u["username"] not in fixed)
    assert verify_password(sample["password_hash"], DEMO_PASSWORD)


def test_directory_is_realistic(demo: Seeded) -> None:
    people = demo.bodies["people"]
    families = {p["family_name"] for p in people}
    assert {"İsmayılov", "İsmayılova", "Məmmədova", "Cəfərov"} <= families
    emails = [p["email"] for p in people]
    assert len(emails) == len(set(emails))
    for p in people:
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d*@health\.gov\.az", p["email"]), p["email"]
        assert re.fullmatch(r"\+994 \d{2} \d{3} \d{2} \d{2}", p["phone"]), p["phone"]
        assert re.fullmatch(r"\+994 50 \d{3} \d{2} \d{2}", p["mobile"]), p["mobile"]
        assert p["patronymic"].endswith((" oğlu", " qızı"))
        assert p["full_name"] == f"{p['family_name']} {p['given_name']} {p['patronymic']}"
        if p["family_name"].endswith(("ova", "yeva", "eva")):
            assert p["patronymic"].endswith("qızı"), p["full_name"]
        assert p["photo_url"] is None
    assert "Səhiyyə Nazirliyi" in {d["name"] for d in demo.bodies["departments"]}


def test_managers_are_department_heads(demo: Seeded) -> None:
    departments = demo.by_id("departments")
    people = demo.by_id("people")
    roots = [d for d in departments.values() if d["parent_id"] is None]
    assert [d["name"] for d in roots] == ["Səhiyyə Nazirliyi"]
    for person in people.values():
        department = departments[person["department_id"]]
        if department["head_person_id"] == person["id"]:
            parent = department["parent_id"]
            expected = departments[parent]["head_person_id"] if parent else None
        else:
            expected = department["head_person_id"]
        assert person["manager_id"] == expected, person["id"]


# --- foreign keys ----------------------------------------------------------------------


def test_all_references_resolve(demo: Seeded) -> None:
    people = demo.by_id("people")
    departments = demo.by_id("departments")
    rooms = demo.by_id("rooms")
    folders = demo.by_id("folders")
    documents = demo.by_id("documents")
    registries = demo.by_id("registries")
    indicators = demo.by_id("indicators")
    codes = {r["code"]: r for r in demo.bodies["regions"]}

    for d in departments.values():
        assert d["parent_id"] is None or d["parent_id"] in departments
        assert d["head_person_id"] in people
        assert people[d["head_person_id"]]["department_id"] == d["id"]
    for p in people.values():
        assert p["department_id"] in departments
        assert p["manager_id"] is None or p["manager_id"] in people
    for b in demo.bodies["bookings"]:
        assert b["room_id"] in rooms
        assert b["organizer_id"] in people
        assert b["attendee_ids"] and all(a in people for a in b["attendee_ids"])
        assert b["organizer_id"] not in b["attendee_ids"]
        assert len(set(b["attendee_ids"])) == len(b["attendee_ids"])
    for f in folders.values():
        assert f["parent_id"] is None or f["parent_id"] in folders
        assert f["department_id"] is None or f["department_id"] in departments
    for doc in documents.values():
        assert doc["folder_id"] in folders
        assert doc["author_id"] in people
    for s in demo.bodies["shares"]:
        assert s["document_id"] in documents
        assert s["from_id"] in people and s["to_id"] in people and s["from_id"] != s["to_id"]
    for row in demo.bodies["registry_rows"]:
        assert row["registry_id"] in registries
    for region in demo.bodies["regions"]:
        assert region["parent_code"] is None or region["parent_code"] in codes
    for value in demo.bodies["indicator_values"]:
        assert value["indicator_id"] in indicators
        assert codes[value["region_code"]]["parent_code"] is not None
    for member in demo.rows(folder_members):
        assert folders[member["folder_id"]]["access"] == "restricted"
        assert member["person_id"] in people
    for version in demo.rows(document_versions):
        assert version["document_id"] in documents
        assert version["author_id"] in people


# --- bookings --------------------------------------------------------------------------


def test_confirmed_bookings_never_overlap_and_keep_office_hours(demo: Seeded) -> None:
    by_room: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    statuses = Counter(b["status"] for b in demo.bodies["bookings"])
    assert set(statuses) == {"confirmed", "cancelled"}
    assert statuses["cancelled"] < statuses["confirmed"] / 5
    baku = timedelta(hours=4)
    for b in demo.bodies["bookings"]:
        start, end = _utc(b["start"]), _utc(b["end"])
        assert start < end
        local_start, local_end = start + baku, end + baku
        assert local_start.date() == local_end.date()
        assert local_start.weekday() < 5
        assert local_start.hour >= 9 and (local_end.hour, local_end.minute) <= (18, 0)
        assert TODAY - timedelta(days=15) <= local_start.date() <= TODAY + timedelta(days=15)
        if b["status"] == "confirmed":
            by_room[b["room_id"]].append((start, end))
    for slots in by_room.values():
        slots.sort()
        for (_, previous_end), (next_start, _) in pairwise(slots):
            assert previous_end <= next_start


# --- folders, documents and their files ------------------------------------------------


def test_folders_cover_every_department_and_restricted_ones_have_members(demo: Seeded) -> None:
    folders = demo.bodies["folders"]
    assert {f["department_id"] for f in folders if f["access"] == "department"} == set(
        demo.by_id("departments")
    )
    assert any(f["access"] == "ministry" and f["department_id"] is None for f in folders)
    members = defaultdict(set)
    for m in demo.rows(folder_members):
        members[m["folder_id"]].add(m["person_id"])
    restricted = [f["id"] for f in folders if f["access"] == "restricted"]
    assert len(restricted) >= 2
    assert all(members[f] for f in restricted)
    staff = next(u["id"] for u in demo.rows(users) if u["username"] == "staff")
    assert any(staff in members[f] for f in restricted)


def test_documents_and_versions_agree(demo: Seeded) -> None:
    versions = defaultdict(list)
    for v in demo.rows(document_versions):
        versions[v["document_id"]].append(v)
    counts = Counter(d["version_no"] for d in demo.bodies["documents"])
    assert counts[1] > counts[2] > counts[3] > 0
    for doc in demo.bodies["documents"]:
        mine = sorted(versions[doc["id"]], key=lambda v: v["version_no"])
        assert [v["version_no"] for v in mine] == list(range(1, doc["version_no"] + 1))
        latest = mine[-1]
        assert (doc["sha256"], doc["size"]) == (latest["sha256"], latest["size"])
        assert doc["filename"] == latest["filename"]
        assert doc["content_type"] == latest["content_type"]
        assert doc["created_at"] == mine[0]["created_at"]
        # Who uploaded the version shown: the latest version's author, not the document's.
        assert doc["version_uploaded_by"] == latest["author_id"]
        assert doc["version_uploaded_at"] == latest["created_at"]
        times = [_utc(v["created_at"]) for v in mine]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert times[-1] < datetime(2026, 11, 25, tzinfo=UTC)
        assert doc["tags"] and all(isinstance(t, str) for t in doc["tags"])


def test_filenames_are_safe(demo: Seeded) -> None:
    reserved = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)
    for doc in demo.bodies["documents"]:
        name = doc["filename"]
        assert re.fullmatch(r"[a-z0-9][a-z0-9.-]*\.(pdf|docx|xlsx|txt|png)", name), name
        assert len(name) <= 120
        assert not reserved.fullmatch(name)


def test_every_blob_exists_with_its_hash_and_is_a_real_file(demo: Seeded) -> None:
    kinds = Counter()
    for version in demo.rows(document_versions):
        data = demo.blobs.path_for(version["sha256"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == version["sha256"]
        assert len(data) == version["size"]
        extension = version["filename"].rsplit(".", 1)[1]
        kinds[extension] += 1
        VALIDATORS[extension](data)
        assert version["content_type"] == CONTENT_TYPES[extension]
    assert set(kinds) == set(VALIDATORS)


def _check_pdf(data: bytes) -> None:
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    tail = data[data.rindex(b"startxref") :].split()
    xref_at = int(tail[1])
    assert data[xref_at:].startswith(b"xref\n")
    lines = data[xref_at:].split(b"\n")
    first, count = (int(x) for x in lines[1].split())
    assert first == 0
    entries = data[xref_at:].split(b"\n", 2)[2][: count * 20]
    assert entries[:20] == b"0000000000 65535 f \n"
    for number in range(1, count):
        entry = entries[number * 20 : number * 20 + 20]
        assert entry.endswith(b" 00000 n \n"), entry
        offset = int(entry[:10])
        assert data[offset:].startswith(b"%d 0 obj" % number), number
    assert re.search(rb"/Size %d\b" % count, data[xref_at:])
    for match in re.finditer(rb"<< /Length (\d+) >>\nstream\n", data):
        end = match.end() + int(match.group(1))
        assert data[end:].startswith(b"\nendstream")


def _check_ooxml(data: bytes, main: str, required: set[str]) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert required <= names
        for name in names:
            # Every part is well-formed XML; these are our own files, not untrusted input.
            ElementTree.fromstring(archive.read(name))  # noqa: S314
        types = archive.read("[Content_Types].xml").decode()
        assert f'PartName="/{main}"' in types
        assert re.search(r"[əğıİşçöü]", archive.read(main).decode())


def _check_docx(data: bytes) -> None:
    _check_ooxml(data, "word/document.xml", {"[Content_Types].xml", "_rels/.rels"})


def _check_xlsx(data: bytes) -> None:
    _check_ooxml(
        data,
        "xl/worksheets/sheet1.xml",
        {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"},
    )


def _check_png(data: bytes) -> None:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    position, chunks, idat = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks.append(kind)
        if kind == b"IDAT":
            idat += body
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        position += 12 + length
    assert chunks[0] == b"IHDR" and chunks[-1] == b"IEND"
    assert (depth, colour) == (8, 2)
    assert len(zlib.decompress(idat)) == height * (1 + 3 * width)


def _check_txt(data: bytes) -> None:
    text = data.decode("utf-8")
    assert re.search(r"[əğıİşçöü]", text)


VALIDATORS = {
    "pdf": _check_pdf,
    "docx": _check_docx,
    "xlsx": _check_xlsx,
    "png": _check_png,
    "txt": _check_txt,
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
    "png": "image/png",
}


def test_shares_come_from_someone_who_sees_the_document(demo: Seeded) -> None:
    documents = demo.by_id("documents")
    folders = demo.by_id("folders")
    people = demo.by_id("people")
    for share in demo.bodies["shares"]:
        folder = folders[documents[share["document_id"]]["folder_id"]]
        assert folder["access"] != "restricted"
        if folder["access"] == "department":
            assert people[share["from_id"]]["department_id"] == folder["department_id"]
        sent = _utc(share["sent_at"])
        assert _utc(documents[share["document_id"]]["created_at"]) < sent
        assert sent < datetime(2026, 11, 25, tzinfo=UTC)
        if share["read_at"] is not None:
            assert sent < _utc(share["read_at"]) < datetime(2026, 11, 25, tzinfo=UTC)


# --- registries, regions, indicators --------------------------------------------------

PY_TYPES: dict[str, type | tuple[type, ...]] = {
    "text": str, "integer": int, "number": (int, float), "date": str, "boolean": bool, "enum": str,
}  # fmt: skip


def test_registry_rows_match_their_columns(demo: Seeded) -> None:
    registries = demo.by_id("registries")
    assert {r["code"] for r in registries.values()} == {
        "institutions", "health-workers", "medicines", "pharmacies",
    }  # fmt: skip
    rows_per_registry = Counter(r["registry_id"] for r in demo.bodies["registry_rows"])
    columns = {}
    for registry in registries.values():
        assert registry["row_count"] == rows_per_registry[registry["id"]] > 0
        for column in registry["columns"]:
            expected = {"key", "label", "type", "filterable"} | (
                {"options"} if column["type"] == "enum" else set()
            )
            assert set(column) == expected
        columns[registry["id"]] = {c["key"]: c for c in registry["columns"]}
    for row in demo.bodies["registry_rows"]:
        mine = columns[row["registry_id"]]
        assert set(row["values"]) == set(mine), row["id"]
        for key, value in row["values"].items():
            column = mine[key]
            assert isinstance(value, PY_TYPES[column["type"]]), (row["id"], key)
            if column["type"] in ("integer", "number"):
                assert not isinstance(value, bool)
            if column["type"] == "date":
                date.fromisoformat(value)
            if column["type"] == "enum":
                assert value in column["options"], (row["id"], key, value)


def test_personal_data_flag_is_private(demo: Seeded) -> None:
    from server.db import registries as table

    with demo.db.read() as conn:
        flags = dict(conn.execute(select(table.c.code, table.c.personal_data)).all())
    assert flags == {
        "institutions": False, "health-workers": True, "medicines": False, "pharmacies": False,
    }  # fmt: skip


def test_medicines_look_real(demo: Seeded) -> None:
    rows = [
        r["values"] for r in demo.bodies["registry_rows"] if r["registry_id"] == "reg-medicines"
    ]
    assert all(re.fullmatch(r"[A-Z]\d\d[A-Z][A-Z]\d\d", r["atc_code"]) for r in rows)
    pairs = {(r["inn"], r["atc_code"]) for r in rows}
    assert ("Metformin", "A10BA02") in pairs and ("Parasetamol", "N02BE01") in pairs


def test_regions_are_the_2021_division(demo: Seeded) -> None:
    regions = demo.bodies["regions"]
    top = {r["code"]: r["name"] for r in regions if r["parent_code"] is None}
    assert len(top) == 14
    assert {
        "Bakı iqtisadi rayonu",
        "Naxçıvan iqtisadi rayonu",
        "Şərqi Zəngəzur iqtisadi rayonu",
    } <= (set(top.values()))
    children = Counter(r["parent_code"] for r in regions if r["parent_code"] is not None)
    assert set(children) == set(top)
    names = {r["name"] for r in regions}
    assert {"Sumqayıt şəhəri", "Şuşa rayonu", "Şərur rayonu", "Lənkəran rayonu"} <= names


def test_every_department_serves_its_economic_region_or_the_country(demo: Seeded) -> None:
    """A regional health office and its district units carry their economic region's
    code (the indicators' code); the ministry's central departments none: the country."""
    departments = demo.by_id("departments")
    top = {r["code"]: r["name"] for r in demo.bodies["regions"] if r["parent_code"] is None}
    root = next(d for d in departments.values() if d["parent_id"] is None)
    assert root["region_code"] is None
    regional = {}
    for department in departments.values():
        code = department["region_code"]
        parent = departments.get(department["parent_id"] or "")
        if code is None:  # central: under the ministry, and so is every unit above it
            assert parent is None or parent["region_code"] is None
            continue
        assert code in top, department
        if parent is not None and parent["parent_id"] is None:
            regional[code] = department["name"]
        else:  # a district unit: its regional office's region
            assert parent is not None and parent["region_code"] == code
    assert set(regional) == set(top)  # one regional office per economic region
    assert regional["baki"] == "Bakı şəhəri səhiyyə idarəsi"
    assert any(d["region_code"] is None and d["parent_id"] for d in departments.values())


def test_indicator_values_cover_five_years_for_every_district(demo: Seeded) -> None:
    districts = {r["code"] for r in demo.bodies["regions"] if r["parent_code"] is not None}
    indicators = {i["code"] for i in demo.bodies["indicators"]}
    assert {
        "immunization-coverage", "infant-mortality", "bed-occupancy", "tb-incidence",
        "e-prescriptions", "sick-leave-certificates", "discharge-summaries",
    } <= indicators  # fmt: skip
    series: dict[tuple[str, str], list[str]] = defaultdict(list)
    for v in demo.bodies["indicator_values"]:
        assert isinstance(v["value"], float) and v["value"] >= 0
        series[(v["indicator_id"], v["region_code"])].append(v["period"])
    assert len(series) == len(districts) * len(indicators)
    for periods in series.values():
        assert len(periods) == 60 == len(set(periods))
        assert min(periods) == "2021-11" and max(periods) == "2026-10"
    coverage = [
        v["value"]
        for v in demo.bodies["indicator_values"]
        if v["indicator_id"] == "ind-immunization-coverage"
    ]
    assert 80 < sum(coverage) / len(coverage) < 99.8 and max(coverage) <= 100


# --- helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1-ci"), (3, "3-cü"), (6, "6-cı"), (9, "9-cu"), (10, "10-cu"), (40, "40-cı"),
     (100, "100-cü"), (2020, "2020-ci"), (2023, "2023-cü"), (2026, "2026-cı")],
)  # fmt: skip
def test_ordinal_suffix_follows_vowel_harmony(number: int, expected: str) -> None:
    assert ordinal(number) == expected


def test_safe_filename_folds_and_refuses_device_names() -> None:
    assert fold("İsmayılov Şəki Ağdaş") == "Ismayilov Seki Agdas"
    assert capitalize("icbari sığorta") == "İcbari sığorta"
    assert capitalize("ılıq") == "Ilıq"
    assert (
        safe_filename("2025-ci il üzrə illik hesabat", "pdf") == "2025-ci-il-uzre-illik-hesabat.pdf"
    )
    assert safe_filename("CON", "txt") == "con-senad.txt"
    assert safe_filename("../../etc/passwd", "txt") == "etc-passwd.txt"
    assert len(safe_filename("ə" * 500, "docx")) <= 120
