"""People search latency on an encrypted cache of generated staff.

    uv run --locked python bench/search.py [--people 50000] [--queries 3000]
    uv run --locked python bench/search.py --apply 200000   # also time apply_page

Builds a SQLCipher cache in a temporary folder (random key, no keyring),
fills it with Azerbaijani-looking people through ``RecordStore.apply_page``,
then times ``search_people`` over prefix queries of 1 to 6 letters taken from
real names, positions and e-mail addresses, typed the way people type them
(without the Azerbaijani letters, sometimes in capitals). Target: p95 < 5 ms.

``--apply N`` also compares ``apply_page`` on N people-like rows (one page,
one transaction, FTS included) with a raw ``executemany`` of prebuilt tuples
into the same table with its FTS index, and into a table without one.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import sqlite_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cache.database import open_database
from cache.folding import az_fold
from cache.store import RecordStore
from domains.catalog import CATALOG
from domains.directory.queries import search_people

FAMILY_ROOTS = [
    "Məmməd",
    "Əli",
    "Həsən",
    "Hüseyn",
    "Quli",
    "İsmayıl",
    "Cəfər",
    "Abbas",
    "Baba",
    "Rza",
    "Oruc",
    "Nəsir",
    "Kərim",
    "Sadıq",
    "Vəli",
    "Xəlil",
    "Yusif",
    "Zeynal",
    "Şirin",
    "Ömər",
    "Qasım",
    "Bağır",
    "Bayram",
    "Əhməd",
    "Hacı",
    "Musa",
    "İbrahim",
    "Süleyman",
    "Rəhim",
    "Salman",
    "Tağı",
    "Novruz",
    "Qəhrəman",
    "Mirzə",
    "Əsgər",
    "Fətəli",
    "Nəbi",
    "Hümbət",
    "Cavad",
    "Sultan",
    "Mehdi",
    "Abdulla",
    "Əliş",
    "Çələbi",
    "Şükür",
    "Ağa",
    "Qafar",
    "Əziz",
    "Hümmət",
    "Məlik",
    "Paşa",
    "Teymur",
    "Rüstəm",
    "Səfər",
    "Kazım",
]
MALE = [
    "Rəşad",
    "Elçin",
    "Tural",
    "Orxan",
    "İlham",
    "Vüqar",
    "Kamran",
    "Fərid",
    "Anar",
    "Elnur",
    "Ramil",
    "Səbuhi",
    "Ülvi",
    "Nicat",
    "Cavid",
    "Rüfət",
    "Emin",
    "Toğrul",
    "Şahin",
    "Zaur",
    "Əkbər",
    "Mübariz",
    "Rauf",
    "Vasif",
    "Elşən",
    "Fuad",
    "Həbib",
    "Yaşar",
]
FEMALE = [
    "Gülnarə",
    "Aysel",
    "Şəhla",
    "Günel",
    "Nigar",
    "Ülviyyə",
    "Səbinə",
    "Lalə",
    "Aytən",
    "Nərgiz",
    "Könül",
    "Xədicə",
    "Zəhra",
    "Leyla",
    "Fidan",
    "Aynur",
    "Sevinc",
    "Türkan",
    "Ləman",
    "Çiçək",
    "Mehriban",
    "Röya",
    "Samirə",
    "Pərvin",
    "Nurlana",
    "Vüsalə",
]
POSITIONS = (
    "Baş mütəxəssis",
    "Aparıcı mütəxəssis",
    "Şöbə müdiri",
    "Şöbə müdirinin müavini",
    "Sektor müdiri",
    "Baş məsləhətçi",
    "Məsləhətçi",
    "Həkim-epidemioloq",
    "Baş həkim",
    "Statistik",
    "Hüquqşünas",
    "Mühasib",
    "Katib",
    "İT mütəxəssisi",
)
ASCII = str.maketrans("əƏıİöÖüÜçÇşŞğĞ", "eEiIoOuUcCsSgG")


def family_name(rng: random.Random, female: bool) -> str:
    """Əliyev, Həsənov(a), Abbaslı, Məmmədzadə: the common shapes of Azerbaijani surnames."""
    root = rng.choice(FAMILY_ROOTS)
    shape = rng.choices(("ov", "li", "zadə"), weights=(8, 1, 1))[0]
    if shape == "zadə":
        return root + "zadə"
    if shape == "li":
        return root + ("lı" if root[-1] in "aıou" else "li")
    name = root + ("yev" if root[-1] in "aeəiıoöuü" else "ov")
    return name + "a" if female else name


def generate_people(count: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    people = []
    for index in range(count):
        female = rng.random() < 0.5
        given = rng.choice(FEMALE if female else MALE)
        family = family_name(rng, female)
        patronymic = f"{rng.choice(MALE)} {'qızı' if female else 'oğlu'}"
        email_local = f"{given}.{family}".translate(ASCII).lower()
        people.append(
            {
                "id": f"person-{index:06d}",
                "version": 1,
                "updated_at": "2026-03-02T09:30:00+04:00",
                "full_name": f"{family} {given} {patronymic}",
                "given_name": given,
                "family_name": family,
                "patronymic": patronymic,
                "position": rng.choice(POSITIONS),
                "department_id": f"dep-{rng.randrange(300):03d}",
                "manager_id": f"person-{rng.randrange(max(1, index)):06d}",
                "email": f"{email_local}{index}@health.gov.az",
                "phone": f"+994 12 {rng.randrange(100, 999)} {rng.randrange(10, 99)} 00",
                "mobile": f"+994 50 {rng.randrange(100, 999)} {rng.randrange(10, 99)} 11",
                "office": f"Bina {rng.randrange(1, 6)}, otaq {rng.randrange(100, 600)}",
                "photo_url": None,
            }
        )
    return people


def generate_queries(people: list[dict[str, Any]], count: int, seed: int = 11) -> list[str]:
    """Prefixes of 1 to 6 letters of words people search for, typed without ə, ı, ş…"""
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        person = rng.choice(people)
        field = rng.choices(
            ("family_name", "given_name", "position", "email", "two_words"),
            weights=(5, 3, 1, 1, 1),
        )[0]
        length = rng.randint(1, 6)
        if field == "two_words":
            text = f"{person['family_name'][:length]} {person['given_name'][: rng.randint(1, 3)]}"
        else:
            words = str(person[field]).replace("@", " ").split()
            text = rng.choice(words)[:length]
        if rng.random() < 0.6:
            text = az_fold(text)  # typed without Azerbaijani letters
        elif rng.random() < 0.3:
            text = text.upper()
        queries.append(text)
    return queries


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def bench_search(people_count: int, query_count: int, folder: Path) -> None:
    db = open_database(folder / "search.db", secrets.token_bytes(32), create=True)
    people = generate_people(people_count)
    started = time.perf_counter()
    RecordStore(db, CATALOG).apply_page("people", people, [], "bench")
    loaded = time.perf_counter() - started
    print(f"loaded {people_count} people in {loaded:.2f} s ({people_count / loaded:,.0f} rows/s)")

    queries = generate_queries(people, query_count)
    for label in ("first pass (pages still being decrypted into the cache)", "second pass (warm)"):
        report(label, [time_query(db, query) for query in queries], queries)
    db.close()


def time_query(db: sqlite_utils.Database, query: str) -> float:
    started = time.perf_counter()
    search_people(db, query, limit=50)
    return (time.perf_counter() - started) * 1000


def report(label: str, all_ms: list[float], queries: list[str]) -> None:
    print(f"{label}: {len(queries)} prefix queries, limit 50")
    print(
        f"  search_people: p50 {statistics.median(all_ms):.2f} ms, "
        f"p95 {percentile(all_ms, 0.95):.2f} ms, p99 {percentile(all_ms, 0.99):.2f} ms, "
        f"max {max(all_ms):.2f} ms  (target p95 < 5 ms)"
    )
    by_length: dict[int, list[float]] = {}
    for query, elapsed in zip(queries, all_ms, strict=True):
        by_length.setdefault(min(len(query.replace(" ", "")), 7), []).append(elapsed)
    for length, samples in sorted(by_length.items()):
        name = f"{length} letters" if length < 7 else "7+ letters"
        print(
            f"    {name:10s} n={len(samples):4d}  p50 {statistics.median(samples):.2f} ms"
            f"  p95 {percentile(samples, 0.95):.2f} ms"
        )


def bench_apply(rows: int, folder: Path) -> None:
    """apply_page against raw executemany of prebuilt tuples, same table, same FTS."""
    people = generate_people(rows, seed=3)
    key = secrets.token_bytes(32)

    db = open_database(folder / "apply.db", key, create=True)
    store = RecordStore(db, CATALOG)
    started = time.perf_counter()
    store.apply_page("people", people, [], "c1")
    applied = time.perf_counter() - started
    db.close()

    db = open_database(folder / "raw.db", key, create=True)
    builder = RecordStore(db, CATALOG)._builder("people")
    tuples = [builder.row(person) for person in people]  # Python work not timed
    started = time.perf_counter()
    with db.atomic():
        db.conn.executemany(builder.upsert_sql, tuples)
    raw_fts = time.perf_counter() - started
    db.execute("CREATE TABLE plain AS SELECT * FROM people WHERE 0")
    started = time.perf_counter()
    with db.atomic():
        db.conn.executemany(
            f"INSERT INTO plain VALUES ({', '.join('?' * (len(tuples[0]) + 4))})",
            [(None, *row, "synced", None, None) for row in tuples],
        )
    raw_plain = time.perf_counter() - started
    db.close()

    print(f"apply_page, {rows} people in one page:      {rows / applied:9,.0f} rows/s")
    print(f"raw executemany, same upsert + FTS:         {rows / raw_fts:9,.0f} rows/s")
    print(f"raw executemany, same columns, no index/FTS: {rows / raw_plain:7,.0f} rows/s")
    print(
        f"apply_page / raw (with FTS): {raw_fts / applied:.2f};"
        f" apply_page / raw (no index/FTS): {raw_plain / applied:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=3_000)
    parser.add_argument("--apply", type=int, default=0, metavar="ROWS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as temporary:
        folder = Path(temporary)
        os.chmod(folder, 0o700)
        bench_search(args.people, args.queries, folder)
        if args.apply:
            bench_apply(args.apply, folder)


if __name__ == "__main__":
    main()
