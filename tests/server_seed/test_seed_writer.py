"""The fast seed path writes what the plain one wrote: the same draws, the same rows, the
same database content as the seed produced before it was made fast."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select

from server.blobs import BlobStore
from server.db import COLLECTION_TABLES, Database, metadata, sqlite_url_for
from server.records import bulk_insert
from server.seed import seed
from server.seed.bulk import BulkWriter
from server.seed.draws import Draws, Weighted
from server.seed.producer import RegistryRowProducer

TODAY = date(2026, 11, 25)
STAMP = "2026-11-25T00:00:00+00:00"

# Per table, the first 16 hex digits of SHA-256 over repr() of every row (all columns but
# the salted password hash, in primary-key order), and over the blob files: the demo data
# for TODAY as the seed wrote it before the bulk writer and Draws (commit 374aff5, through
# server.records.bulk_insert and random.Random's public methods). The large set was
# compared the same way by hand, in one process and with the child: every table identical.
DEMO_CONTENT_BEFORE_THE_FAST_PATH = {
    "booking_series": "e3b0c44298fc1c14",  # issue 11: series are made by users, not seeded
    "bookings": "1b0085e1dae03404",
    "collection_floors": "e3b0c44298fc1c14",
    "counters": "dc6e08cbeda3bf9f",
    # Issue 13: each department names its economic region (region_code); nothing else.
    "departments": "732023d0a2f3cfee",
    "devices": "e3b0c44298fc1c14",
    "document_versions": "dabd9600097655b8",
    # Documents name who uploaded their current version (version_uploaded_by, _at).
    "documents": "3d87965f8952c8e9",
    "folder_members": "72123104239d6c2d",
    "folders": "97ae424bd3fa44c2",
    "idempotency": "e3b0c44298fc1c14",
    # Issue 13 added fields (publication date, provisional flag, thresholds, district
    # population): only these three changed, every random draw is the same.
    "indicator_values": "b579a704c2e4b307",
    "indicators": "723d44d0e02f59d7",
    "login_failures": "e3b0c44298fc1c14",
    "logins": "e3b0c44298fc1c14",
    "people": "9a6fa26bc2d8cce1",
    "regions": "6587e75b93614cb0",
    "registries": "9c64bc02d2645788",
    "registry_access_log": "e3b0c44298fc1c14",  # issue 12: empty after a seed
    "registry_rows": "171c71c7ef864f05",
    # Issue 11: rooms carry opening hours and attributes; every random draw is the same.
    "rooms": "9771fb766cb37ec0",
    "series_occurrences": "e3b0c44298fc1c14",
    "shares": "9c68306fa5336fc1",
    "tokens": "e3b0c44298fc1c14",
    "upload_sessions": "e3b0c44298fc1c14",  # issue 10: resumable uploads, none seeded
    "users": "ea0806d3c082bf26",
    "visibility_exits": "e3b0c44298fc1c14",
    "blobs": "3d38c720ec324c29",
}


def content_digest(db: Database, blob_root: Path) -> dict[str, str]:
    digests = {}
    with db.read() as conn:
        for table in metadata.sorted_tables:
            digest = hashlib.sha256()
            columns = [c for c in table.c if c.name != "password_hash"]
            for row in conn.execute(select(*columns).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
            digests[table.name] = digest.hexdigest()[:16]
    digest = hashlib.sha256()
    for path in sorted(blob_root.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(blob_root.parent)).encode())
            digest.update(path.read_bytes())
    digests["blobs"] = digest.hexdigest()[:16]
    return digests


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    root = tmp_path_factory.mktemp("demo-writer")
    db = Database(sqlite_url_for(root))
    db.create_schema()
    seed(db, BlobStore(root / "blobs"), "demo", TODAY)
    yield db, root
    db.dispose()


def test_demo_database_is_what_the_seed_wrote_before_it_was_made_fast(
    demo_db: tuple[Database, Path],
) -> None:
    db, root = demo_db
    assert content_digest(db, root / "blobs") == DEMO_CONTENT_BEFORE_THE_FAST_PATH


def test_registry_rows_from_a_child_process_give_the_same_database(tmp_path: Path) -> None:
    """The large set's path (``RegistryRowProducer``), run on the demo set."""
    db = Database(sqlite_url_for(tmp_path))
    try:
        db.create_schema()
        summary = seed(db, BlobStore(tmp_path / "blobs"), "demo", TODAY, parallel=True)
        assert summary.counts["registry_rows"] == 20_000
        assert content_digest(db, tmp_path / "blobs") == DEMO_CONTENT_BEFORE_THE_FAST_PATH
    finally:
        db.dispose()


def test_a_few_rows_read_as_before(demo_db: tuple[Database, Path]) -> None:
    """Readable facts from the same pre-change data (what a digest mismatch would be about)."""
    db, _root = demo_db
    table = COLLECTION_TABLES["registry_rows"]
    with db.read() as conn:
        worker = conn.execute(
            select(table.c.seq, table.c.body).where(table.c.id == "rrow-health-workers-000001")
        ).one()
        medicine = conn.execute(
            select(table.c.body).where(table.c.id == "rrow-medicines-000250")
        ).scalar_one()
    assert worker.seq == 6366
    assert worker.body == (
        '{"id":"rrow-health-workers-000001","registry_id":"reg-health-workers","values":'
        '{"full_name":"Səfərova Aytac Pərviz qızı","fin":"CMVH3F2","gender":"Qadın",'
        '"birth_date":"1973-09-23","specialty":"Nevroloq","institution":"«Şəfa» tibb mərkəzi, '
        'Gəncə filialı № 2","district":"Gəncə şəhəri","category":"İkinci",'
        '"experience_years":29,"license_valid_until":"2030-10-13","mobile":"+994 77 852 52 02",'
        '"active":true},"version":1,"updated_at":"2026-11-25T00:00:00+00:00"}'
    )
    assert medicine == (
        '{"id":"rrow-medicines-000250","registry_id":"reg-medicines","values":'
        '{"trade_name":"İbuprofen-Elbe","inn":"İbuprofen","atc_code":"M01AE01",'
        '"form":"Suspenziya","strength":"400 mq","manufacturer":"Elbe Arzneimittel GmbH",'
        '"country":"Almaniya","registration_no":"DV-2025-000250","valid_until":"2030-04-01",'
        '"prescription_only":false},"version":1,"updated_at":"2026-11-25T00:00:00+00:00"}'
    )


def test_draws_give_the_numbers_of_the_public_methods() -> None:
    items = ("a", "b", "c", "d", "e", "f", "g")
    weights = (5, 1, 0, 3, 2, 8, 1)
    for name in ("one", "two", "three"):
        public = random.Random(name)
        fast_rng = random.Random(name)
        draws = Draws(fast_rng)
        weighted = Weighted(items, weights)
        for low, high in [(0, 0), (1, 1), (0, 99), (23, 68), (-60, 1825), (200, 999)] * 200:
            assert draws.randint(low, high) == public.randint(low, high)
            assert draws.choice(items) == public.choice(items)
            assert weighted.pick(draws.random) == public.choices(items, weights)[0]
            assert draws.random() == public.random()
        assert fast_rng.getstate() == public.getstate()  # the streams stay in step


def test_draws_refuse_what_the_public_methods_refuse() -> None:
    draws = Draws(random.Random(1))
    with pytest.raises(ValueError):
        draws.randint(5, 4)
    with pytest.raises(IndexError):
        draws.choice(())
    with pytest.raises(ValueError):
        Weighted(("a", "b"), (0, 0))
    with pytest.raises(ValueError):
        Weighted(("a", "b"), (1,))


def _records(collection: str) -> list[dict[str, Any]]:
    """Records that exercise the column extractors, private fields and JSON escaping."""
    if collection == "registries":
        return [
            {
                "id": f"reg-{n}",
                "code": f"code-{n}",
                "name": 'Ad "dırnaqda"\n\tvə \\ tərs xətt',
                "description": "ünvan — «aptek» \u2028 \U0001f600",
                "columns": [{"key": "x", "filterable": True, "options": ["Kişi", None]}],
                "row_count": n * 10,
                "personal_data": n % 2 == 0,
            }
            for n in range(1, 8)
        ]
    if collection == "bookings":
        return [
            {
                "id": f"bkg-{n:06d}",
                "room_id": "room-001",
                "title": "İclas",
                "start": f"2026-11-{n + 1:02d}T06:00:00+00:00",
                "end": f"2026-11-{n + 1:02d}T07:30:00+00:00",
                "organizer_id": "person-00001",
                "attendee_ids": ["person-00002"],
                "status": "cancelled" if n == 3 else "confirmed",
            }
            for n in range(1, 8)
        ]
    return [
        {
            "id": f"ival-{n:06d}",
            "indicator_id": "ind-x",
            "region_code": "AZ-BA",
            "period": "2026-01",
            "value": n / 3 + 1e-7,
        }
        for n in range(1, 8)
    ]


@pytest.mark.parametrize("collection", ["registries", "bookings", "indicator_values"])
def test_bulk_writer_writes_the_rows_bulk_insert_writes(tmp_path: Path, collection: str) -> None:
    table = COLLECTION_TABLES[collection]

    def plain(conn: Connection, records: list[dict[str, Any]]) -> int:
        return bulk_insert(conn, collection, records, updated_at=STAMP)

    def fast(conn: Connection, records: list[dict[str, Any]]) -> int:
        return BulkWriter(conn, STAMP).records(collection, records)

    written = []
    for name, write in [("plain", plain), ("fast", fast)]:
        root = tmp_path / name
        root.mkdir()
        db = Database(sqlite_url_for(root))
        try:
            db.create_schema()
            with db.write() as conn:
                assert write(conn, _records(collection)) == 7
            with db.read() as conn:
                written.append(
                    [tuple(r) for r in conn.execute(select(table).order_by(table.c.seq))]
                )
        finally:
            db.dispose()
    assert written[1] == written[0]
    assert len(written[0]) == 7


def test_a_failing_child_process_fails_the_seed_with_its_traceback() -> None:
    with (
        RegistryRowProducer("no-such-size", TODAY, STAMP) as producer,  # type: ignore[arg-type]
        pytest.raises(RuntimeError, match="KeyError: 'no-such-size'"),
    ):
        list(producer.batches())
    assert producer.process.exitcode not in (None, 0)
