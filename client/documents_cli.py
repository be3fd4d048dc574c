"""``main.py documents upload|download|send``: the Documents tab's commands for scripts.

The same commands and the same outbox as the tab: an upload is staged (encrypted into
the content store) and queued, then one sync sends it (offline it stays queued and the
next sync or the app sends it). One line per result on stdout; ``main.py`` turns an error
into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse

from client.documents import DocumentContent
from client.session import Session
from domains.command import CommandRefused
from domains.documents.commands import SendDocument, UploadDocument
from domains.documents.queries import document_record
from domains.writes import apply_command

__all__ = ["REFUSED", "run_documents"]

REFUSED = 3
"""Exit status when a file or a recipient was refused (nothing of it was queued)."""


def _reasons(refused: CommandRefused) -> str:
    return ", ".join(f"{p.field} {p.code}" for p in refused.problems)


def run_documents(args: argparse.Namespace, session: Session) -> int:
    """Run one action over an open session; returns the exit status."""
    content = DocumentContent(session.api, session.cache.content_files())
    db = session.cache.db
    status = 0
    if not args.offline:  # the folders, documents and people as they are now
        session.sync_engine(content_opener=content.opener, content_sender=content).run()
    if args.action == "upload":
        queued: list[tuple[str, str]] = []
        for path in args.files:
            staged = content.stage(str(path))
            title = staged.filename.rpartition(".")[0] or staged.filename
            try:
                applied = apply_command(
                    db, UploadDocument(args.folder, staged, title, session.user)
                )
            except CommandRefused as refused:
                print(f"refused {path.name}: {_reasons(refused)}")
                status = REFUSED
                continue
            queued.append((str(applied.write.record["id"]), staged.filename))
        _sync(args, session, content)
        for local_id, filename in queued:
            print(_upload_result(session, local_id, filename, args.folder))
    elif args.action == "send":
        for person_id in args.to:
            try:
                apply_command(
                    db, SendDocument(args.document, person_id, args.message, session.user)
                )
            except CommandRefused as refused:
                print(f"refused {person_id}: {_reasons(refused)}")
                status = REFUSED
                continue
            print(f"queued {args.document} to {person_id}")
        _sync(args, session, content)
    else:
        record = document_record(db, args.document)
        if record is None:
            print(f"refused {args.document}: document gone")
            return REFUSED
        data = content.open(record)
        args.out.write_bytes(data)
        print(f"downloaded {args.document} to {args.out} ({len(data)} bytes)")
    return status


def _sync(args: argparse.Namespace, session: Session, content: DocumentContent) -> None:
    if not args.offline:
        report = session.sync_engine(content_opener=content.opener, content_sender=content).run()
        print(f"synced: {report.pushed} sent, {report.push_waiting} waiting")


def _upload_result(session: Session, local_id: str, filename: str, folder_id: str) -> str:
    """What became of one queued upload: uploaded (the server's id), or still waiting."""
    row = session.cache.db.conn.execute(
        "SELECT state, last_error FROM outbox WHERE record_id = ?", (local_id,)
    ).fetchone()
    if row is None:
        found = session.cache.db.conn.execute(
            "SELECT id FROM documents WHERE folder_id = ? AND filename = ? "
            "ORDER BY updated_at DESC LIMIT 1",
            (folder_id, filename),
        ).fetchone()
        return f"uploaded {filename} as {found[0] if found else '?'}"
    return f"{row[0]} {filename}" + (f": {row[1]}" if row[1] else "")
