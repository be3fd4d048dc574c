"""The Documents tab's figures (issue 10), each beside its anchor in the same run.

    QT_QPA_PLATFORM=offscreen uv run --locked python bench/documents.py \
        [--documents 20000] [--uploads 1000] [--pdf-mb 20] [--lists-only]

1. Folder switch and search over ``--documents`` documents (60 folders, 5 000 people) in
   a SQLCipher cache: what the tab runs for the lazy list's first rows (the first block
   of 200; the count runs beside it), p50/p95. Target p95 < 50 ms.
2. Download of a ``--pdf-mb`` MB document from a real server on loopback into the
   encrypted store (``DocumentContent.download``: AES-GCM chunks, SHA-256 check)
   against its anchor, a raw httpx stream of the same bytes to a plain file; medians of
   5 alternating runs, wall and CPU time. Target: encrypted >= 0.5x the raw speed.
3. Opening the cached PDF: read from the store (decrypt + check) and show its first page
   (QPdfDocument from memory + render page 1). Target < 300 ms.
4. ``--uploads`` small files queued offline (staged + ``apply_command``), then one sync
   drains them: time and peak RSS. Target < 60 s.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._server import peak_rss_mb
from bench.search import generate_people, percentile
from cache.content_files import EncryptedFiles
from cache.database import open_database
from cache.keywrap import Argon2Params
from cache.store import RecordStore
from domains.catalog import CATALOG
from domains.documents.queries import (
    DocumentQuery,
    block_with_plan,
    count_documents,
    documents_block,
)

WORDS = [
    "hesabat",
    "plan",
    "əmr",
    "arayış",
    "protokol",
    "müqavilə",
    "məktub",
    "cədvəl",
    "büdcə",
    "təlimat",
    "qərar",
    "xəstəxana",
    "səhiyyə",
    "dərman",
    "peyvənd",
    "müayinə",
    "kadr",
    "məzuniyyət",
    "illik",
    "rüblük",
    "aylıq",
    "tibbi",
    "ictimai",
    "regional",
    "layihə",
    "monitorinq",
    "statistika",
    "sərəncam",
    "icra",
    "nəzarət",
]
TYPES = (
    ("application/pdf", "pdf"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ("text/plain", "txt"),
)


def _documents(count: int, people: list[dict[str, Any]], folders: int) -> list[dict[str, Any]]:
    rng = random.Random(11)
    rows = []
    for index in range(count):
        month, day = rng.randrange(1, 12), rng.randrange(1, 28)
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 7))).capitalize()
        content_type, extension = rng.choice(TYPES)
        rows.append(
            {
                "id": f"doc-{index:06d}",
                "version": 1,
                "updated_at": f"2026-{month:02d}-{day:02d}T09:00:00Z",
                "folder_id": f"fld-{rng.randrange(folders):03d}",
                "title": title,
                "description": " ".join(rng.choice(WORDS) for _ in range(12)),
                "filename": f"{title[:40].replace(' ', '-')}-{index}.{extension}",
                "content_type": content_type,
                "size": rng.randrange(1_000, 5_000_000),
                "sha256": secrets.token_hex(32),
                "version_no": rng.randrange(1, 5),
                "author_id": rng.choice(people)["id"],
                "tags": [rng.choice(WORDS)],
                "created_at": "2026-01-01T09:00:00Z",
            }
        )
    return rows


def bench_lists(folder: Path, count: int) -> None:
    db = open_database(folder / "documents.db", secrets.token_bytes(32), create=True)
    people = generate_people(5000)
    store = RecordStore(db, CATALOG)
    store.apply_page("people", people, [], "bench")
    folders = [
        {
            "id": f"fld-{i:03d}",
            "version": 1,
            "updated_at": "2026-01-01T00:00:00Z",
            "name": f"Qovluq {i}",
            "parent_id": None,
            "department_id": None,
            "access": "ministry",
        }
        for i in range(60)
    ]
    store.apply_page("folders", folders, [], "bench")
    started = time.perf_counter()
    store.apply_page("documents", _documents(count, people, 60), [], "bench")
    print(f"loaded {count} documents in {time.perf_counter() - started:.1f} s")

    def first_rows(query: DocumentQuery) -> tuple[float, float]:
        """The first block (what the lazy list shows first) and the count (which runs
        beside it and only then sets the exact row count)."""
        begun = time.perf_counter()
        documents_block(db, query, 0, 200)
        shown = time.perf_counter()
        count_documents(db, query)
        return (shown - begun) * 1000, (time.perf_counter() - shown) * 1000

    rng = random.Random(5)
    searches = [DocumentQuery(None, rng.choice(WORDS)[: rng.randrange(1, 7)]) for _ in range(200)]
    rng = random.Random(5)
    for label, queries in (
        ("folder switch", [DocumentQuery(f"fld-{rng.randrange(60):03d}") for _ in range(200)]),
        ("all documents, sorted by size", [DocumentQuery(sort="size")] * 20),
        ("search, all folders (1-6 letters of a word)", searches),
        (
            "search, one folder",
            [
                DocumentQuery(f"fld-{rng.randrange(60):03d}", rng.choice(WORDS)[:4])
                for _ in range(200)
            ],
        ),
        (
            "search by author's family name",
            [
                DocumentQuery(None, str(rng.choice(people)["family_name"])[:5].lower())
                for _ in range(100)
            ],
        ),
    ):
        timed = [first_rows(q) for q in queries]
        rows, counts = [t[0] for t in timed], [t[1] for t in timed]
        print(
            f"{label:44s} first rows p50 {statistics.median(rows):6.1f} ms "
            f"p95 {percentile(rows, 0.95):6.1f} ms | count p50 "
            f"{statistics.median(counts):6.1f} ms p95 {percentile(counts, 0.95):6.1f} ms"
        )
    bench_search_plans(db, searches)
    db.close()


def bench_search_plans(db: Any, searches: list[DocumentQuery]) -> None:
    """The all-folder search's first rows against its anchor, the plan the list had
    before (every FTS match gathered and sorted), in the same run, alternating; medians
    of 5 rounds of the same 200 searches, wall and CPU time."""
    rounds: dict[str, list[tuple[float, float, float]]] = {"anchor": [], "chosen": []}
    for _ in range(5):
        for name in ("anchor", "chosen"):
            wall: list[float] = []
            cpu_begun = time.process_time()
            for query in searches:
                begun = time.perf_counter()
                if name == "anchor":
                    block_with_plan(db, query, 0, 200, walk=False)
                else:
                    documents_block(db, query, 0, 200)
                wall.append((time.perf_counter() - begun) * 1000)
            cpu = time.process_time() - cpu_begun
            rounds[name].append((statistics.median(wall), percentile(wall, 0.95), cpu))
    medians = {
        name: tuple(statistics.median(r[i] for r in runs) for i in range(3))
        for name, runs in rounds.items()
    }
    for name, label in (("anchor", "FTS, all matches sorted (before)"), ("chosen", "now")):
        p50, p95, cpu = medians[name]
        print(
            f"search, all folders, first rows, {label:34s} p50 {p50:6.1f} ms "
            f"p95 {p95:6.1f} ms, CPU {cpu:5.2f} s per 200"
        )
    print(
        f"  ratio now/before: p95 {medians['chosen'][1] / medians['anchor'][1]:.2f}x, "
        f"CPU {medians['chosen'][2] / medians['anchor'][2]:.2f}x (medians of 5 rounds)"
    )


def make_pdf(megabytes: int) -> bytes:
    """A valid PDF: one page of text, and an unreferenced stream of random bytes that
    brings it to the size wanted (a scanned annex, as far as the reader cares)."""
    padding = os.urandom(megabytes * 1024 * 1024)
    text = b"BT /F1 24 Tf 72 720 Td (Illik hesabat 2026) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(padding) + padding + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def bench_content(folder: Path, pdf_mb: int, uploads: int) -> None:
    import httpx
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    from client.documents import DocumentContent
    from client.session import SignIn
    from domains.documents.commands import UploadDocument
    from domains.writes import apply_command
    from server.config import Settings
    from server.runner import ServerThread, seed_if_empty

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    settings = Settings(data_dir=folder / "server")
    seed_if_empty(settings, "demo")
    server = ServerThread(settings).start()
    cheap = Argon2Params(memory_kib=1024, time_cost=1, parallelism=1)
    session = SignIn(
        server.base_url, profile_dir=folder / "profiles", vault_options={"kdf": cheap}
    ).online("head", "demo")
    try:
        session.sync_engine().run()
        content = DocumentContent(session.api, session.cache.content_files())
        pdf = folder / "big.pdf"
        pdf.write_bytes(make_pdf(pdf_mb))
        staged = content.stage(str(pdf))
        apply_command(
            session.cache.db, UploadDocument("fld-0010", staged, "Böyük PDF", session.user)
        )
        session.sync_engine(content_opener=content.opener).run()
        row = session.cache.db.conn.execute(
            "SELECT id, sha256, size, version_no FROM documents WHERE title = 'Böyük PDF'"
        ).fetchone()
        record = {"id": row[0], "sha256": row[1], "size": row[2], "version_no": row[3]}
        path = f"/documents/{record['id']}/content?version={record['version_no']}"

        def raw() -> tuple[float, float]:
            target = folder / "raw.bin"
            token = session.api._access_token  # the anchor: same auth, plain file
            wall, cpu = time.perf_counter(), time.process_time()
            with (
                httpx.Client(base_url=server.api_url) as client,
                client.stream("GET", path, headers={"Authorization": f"Bearer {token}"}) as r,
                target.open("wb") as out,
            ):
                for chunk in r.iter_bytes(256 * 1024):
                    out.write(chunk)
            result = time.perf_counter() - wall, time.process_time() - cpu
            target.unlink()
            return result

        def encrypted(run: int) -> tuple[float, float]:
            store = EncryptedFiles(folder / f"store-{run}", secrets.token_bytes(32))
            fresh = DocumentContent(session.api, store)
            wall, cpu = time.perf_counter(), time.process_time()
            fresh.download(record)
            return time.perf_counter() - wall, time.process_time() - cpu

        raws, encs = [], []
        for run in range(5):
            raws.append(raw())
            encs.append(encrypted(run))
        raw_wall = statistics.median(w for w, _ in raws)
        enc_wall = statistics.median(w for w, _ in encs)
        raw_cpu = statistics.median(c for _, c in raws)
        enc_cpu = statistics.median(c for _, c in encs)
        size = record["size"] / 1024 / 1024
        print(
            f"download {size:.0f} MB: raw httpx to a plain file {size / raw_wall:6.0f} MB/s "
            f"(cpu {raw_cpu * 1000:.0f} ms); into the encrypted store {size / enc_wall:6.0f} MB/s "
            f"(cpu {enc_cpu * 1000:.0f} ms); speed ratio {raw_wall / enc_wall:.2f}x, "
            f"cpu ratio {enc_cpu / raw_cpu:.2f}x"
        )

        opens = []
        for _ in range(5):
            begun = time.perf_counter()
            data = content.files.read(record["sha256"])
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document = QPdfDocument()
            document.load(buffer)
            image = document.render(0, QSize(595, 842))
            assert not image.isNull()
            opens.append((time.perf_counter() - begun) * 1000)
            document.close()
        shown = statistics.median(opens)
        print(f"open the cached {size:.0f} MB PDF, first page shown: median {shown:.0f} ms")

        if uploads:
            small = folder / "small"
            small.mkdir()
            begun = time.perf_counter()
            for index in range(uploads):
                chosen = small / f"qeyd-{index:04d}.txt"
                chosen.write_bytes(f"qeyd {index}\n".encode() * 20)
                apply_command(
                    session.cache.db,
                    UploadDocument(
                        "fld-0010", content.stage(str(chosen)), f"Qeyd {index}", session.user
                    ),
                )
            queued = time.perf_counter() - begun
            begun = time.perf_counter()
            report = session.sync_engine(content_opener=content.opener).run()
            drained = time.perf_counter() - begun
            print(
                f"{uploads} small uploads: queued offline in {queued:.1f} s; drained in "
                f"{drained:.1f} s ({report.pushed} sent, {report.push_waiting} waiting); "
                f"peak RSS {peak_rss_mb():.0f} MB"
            )
    finally:
        session.close()
        server.stop()
        del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--uploads", type=int, default=1000)
    parser.add_argument("--pdf-mb", type=int, default=20)
    parser.add_argument("--lists-only", action="store_true", help="only the lists (1.)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="documents-bench-") as temporary:
        bench_lists(Path(temporary), args.documents)
        if not args.lists_only:
            bench_content(Path(temporary), args.pdf_mb, args.uploads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
