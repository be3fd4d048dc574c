"""The arguments of ``main.py documents …`` (argparse only: ``main.py`` builds its parser
at every start, before the first window, so nothing heavy loads here)."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_documents_parser"]


def add_documents_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    documents = commands.add_parser("documents", help="upload, download or send documents")
    actions = documents.add_subparsers(dest="action", required=True)
    upload = actions.add_parser("upload", help="queue files as new documents, then sync")
    upload.add_argument("files", nargs="+", type=Path)
    upload.add_argument("--folder", required=True, metavar="FOLDER_ID")
    download = actions.add_parser("download", help="save a document's current version")
    download.add_argument("document", metavar="DOCUMENT_ID")
    download.add_argument("--out", required=True, type=Path, help="the file to write")
    send = actions.add_parser("send", help="send a document to colleagues with a note")
    send.add_argument("document", metavar="DOCUMENT_ID")
    send.add_argument("--to", action="append", required=True, metavar="PERSON_ID")
    send.add_argument("--message", default="")
    for action in (upload, download, send):
        action.add_argument("--server", required=True)
        action.add_argument("--username", required=True)
        action.add_argument("--password-stdin", action="store_true")
        action.add_argument("--offline", action="store_true", help="queue only; no network")
        action.add_argument("--ca-bundle", type=Path)
