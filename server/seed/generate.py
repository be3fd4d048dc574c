"""The seed entry point: every collection, in one transaction, from fixed random streams."""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain
from typing import Any, Literal, Protocol

from sqlalchemy import Table

from server.accounts import user_rows
from server.blobs import BlobStore
from server.db import Database, document_versions, folder_members, users
from server.records import iso
from server.seed import geography, indicators, registries
from server.seed.bulk import BulkWriter, EncodedBatch
from server.seed.directory import build_directory
from server.seed.documents import BlobMaker, build_documents, build_folders, build_shares
from server.seed.producer import RegistryRowProducer
from server.seed.rooms import bookings, build_rooms

Size = Literal["demo", "large"]


@dataclass(frozen=True)
class Plan:
    people: int
    district_units: bool  # the large set adds a unit per district under each regional office
    rooms: int
    booking_days_before: int
    booking_days_after: int | None  # None: as many days as the booking limit needs
    booking_limit: int | None
    documents: int
    blob_pool_per_kind: int | None  # None: every document version has its own content
    shares: int
    institutions: int
    health_workers: int
    medicines: int
    pharmacies: int


PLANS: dict[str, Plan] = {
    "demo": Plan(
        people=500, district_units=False, rooms=30, booking_days_before=14,
        booking_days_after=14, booking_limit=None, documents=1_000, blob_pool_per_kind=None,
        shares=400, institutions=2_000, health_workers=10_000, medicines=5_000,
        pharmacies=3_000,
    ),
    "large": Plan(
        people=50_000, district_units=True, rooms=300, booking_days_before=60,
        booking_days_after=None, booking_limit=100_000, documents=20_000,
        blob_pool_per_kind=60, shares=20_000, institutions=50_000, health_workers=500_000,
        medicines=250_000, pharmacies=200_000,
    ),
}  # fmt: skip


@dataclass(frozen=True)
class SeedSummary:
    counts: dict[str, int]  # records written per synced collection
    users: int


def _rng(size: str, stream: str) -> random.Random:
    """One independent, fixed stream per part, so changing one part leaves the others as
    they were. (String seeds are hashed with SHA-512: stable across runs and platforms.)"""
    return random.Random(f"ministry-intranet/{size}/{stream}")


class Sink(Protocol):
    """Where generated data goes: ``BulkWriter`` (the database), or a benchmark's counter."""

    def records(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int: ...

    def encoded(self, collection: str, batches: Iterable[EncodedBatch]) -> int: ...

    def dicts(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None: ...


def updated_at_for(today: date) -> str:
    """Every seeded record's ``updated_at``: midnight UTC of ``today``."""
    return iso(datetime.combine(today, time(0, 0), tzinfo=UTC))


def seed(
    db: Database, blobs: BlobStore, size: Size, today: date, *, parallel: bool | None = None
) -> SeedSummary:
    """Fill an empty database and blob store with the ``demo`` or ``large`` data set.

    The same ``size`` and ``today`` always give the same records, bytes and files.
    ``parallel``: registry rows from a child process (``server.seed.producer``); by
    default for ``large`` only.
    """
    if parallel is None:
        parallel = size == "large"
    updated_at = updated_at_for(today)
    with ExitStack() as stack:
        producer = (
            stack.enter_context(RegistryRowProducer(size, today, updated_at)) if parallel else None
        )
        conn = stack.enter_context(db.write())
        return generate(
            BulkWriter(conn, updated_at),
            blobs,
            size,
            today,
            registry_rows=None if producer is None else producer.batches(),
        )


def registry_row_records(size: Size, today: date) -> Iterator[dict[str, Any]]:
    """The registry rows, registry by registry, from their own random streams."""
    plan = PLANS[size]
    institutions = registries.institution_identities(_rng(size, "institutions"), plan.institutions)
    registry_rng = _rng(size, "registry-rows")
    return chain(
        registries.institution_rows(registry_rng, today, institutions),
        registries.worker_rows(registry_rng, today, plan.health_workers, institutions),
        registries.medicine_rows(registry_rng, today, plan.medicines),
        registries.pharmacy_rows(registry_rng, today, plan.pharmacies),
    )


def generate(
    sink: Sink,
    blobs: BlobStore,
    size: Size,
    today: date,
    *,
    registry_rows: Iterable[EncodedBatch] | None = None,
) -> SeedSummary:
    """Generate the data set into ``sink``, collection by collection (blobs into ``blobs``).

    ``registry_rows``: the registry rows already encoded (by ``RegistryRowProducer``);
    without it they are generated here."""
    plan = PLANS[size]
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)

    directory = build_directory(_rng(size, "people"), plan.people, plan.district_units)
    rooms = build_rooms(_rng(size, "rooms"), plan.rooms)
    folders = build_folders(directory, _rng(size, "folders"))
    maker = BlobMaker(blobs, plan.blob_pool_per_kind)
    documents = build_documents(
        _rng(size, "documents"), directory, folders, plan.documents, today, maker
    )
    row_counts = {
        registries.INSTITUTIONS.id: plan.institutions,
        registries.HEALTH_WORKERS.id: plan.health_workers,
        registries.MEDICINE_REGISTRY.id: plan.medicines,
        registries.PHARMACIES.id: plan.pharmacies,
    }

    counts: dict[str, int] = {}

    def put(collection: str, records: Iterable[dict[str, Any]]) -> None:
        counts[collection] = sink.records(collection, records)

    put("departments", (d.record() for d in directory.departments))
    put("people", directory.people)
    sink.dicts(users, user_rows(directory.users))
    put("rooms", (r.record for r in rooms))
    put(
        "bookings",
        bookings(
            _rng(size, "bookings"),
            rooms,
            directory,
            today - timedelta(days=plan.booking_days_before),
            None
            if plan.booking_days_after is None
            else today + timedelta(days=plan.booking_days_after),
            plan.booking_limit,
        ),
    )
    put("folders", (f.record() for f in folders))
    members = [
        {"folder_id": f.id, "person_id": p}
        for f in folders
        if f.access == "restricted"
        for p in f.members
    ]
    sink.dicts(folder_members, members)
    put("documents", (d.record for d in documents))
    sink.dicts(document_versions, [v for d in documents for v in d.versions])
    put("shares", build_shares(_rng(size, "shares"), directory, documents, plan.shares, stamp))
    put("registries", (r.record(row_counts[r.id]) for r in registries.REGISTRIES))
    if registry_rows is None:
        put("registry_rows", registry_row_records(size, today))
    else:
        counts["registry_rows"] = sink.encoded("registry_rows", registry_rows)
    put("regions", geography.region_records())
    put("indicators", (i.record() for i in indicators.INDICATORS))
    put("indicator_values", indicators.indicator_values(_rng(size, "indicators"), today))
    return SeedSummary(counts=counts, users=len(directory.users))
