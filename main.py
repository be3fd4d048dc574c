"""Ministry Intranet: the desktop app, and its headless commands.

python main.py [--profile-dir DIR] sync --server URL --username NAME [--password-stdin]
python main.py [--profile-dir DIR] sync --server URL --username NAME --offline
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from cache.errors import CacheError
from client.errors import DeviceRevoked, IntranetError
from client.session import DeviceIdentity, Session, SignIn, wipe_profile
from client.sync import SyncProgress
from client.validation import COLLECTIONS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python main.py", description="Ministry Intranet")
    parser.add_argument("--profile-dir", type=Path, help="where the encrypted caches live")
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    commands = parser.add_subparsers(dest="command", required=True)
    sync = commands.add_parser("sync", help="sign in and sync without a window")
    sync.add_argument("--server", required=True, help="e.g. https://intranet.health.gov.az")
    sync.add_argument("--username", required=True)
    sync.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    sync.add_argument("--offline", action="store_true", help="open the cache only; no network")
    sync.add_argument(
        "--registry",
        action="append",
        default=None,
        metavar="ID",
        help="keep this registry's rows offline (repeatable; remembered)",
    )
    sync.add_argument("--ca-bundle", type=Path, help="an extra CA certificate file to trust")
    return parser


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("Password: ")


def _print_counts(session: Session) -> None:
    records = session.cache.records
    for collection in COLLECTIONS:
        print(f"{collection:<20}{records.count(collection):>10}")


def _progress(update: SyncProgress) -> None:
    total = f"/{update.total}" if update.total else ""
    print(f"  {update.collection}: {update.done}{total}", file=sys.stderr, flush=True)


def run_sync(args: argparse.Namespace) -> int:
    sign_in = SignIn(args.server, profile_dir=args.profile_dir, ca_bundle=args.ca_bundle)
    password = _password(args.password_stdin)
    started = time.monotonic()
    if args.offline:
        session = sign_in.offline(args.username, password)
        print(f"Opened the offline cache of {args.username} (no network).")
        try:
            _print_counts(session)
        finally:
            session.close()
        print(f"Done in {time.monotonic() - started:.1f} s.")
        return 0
    session = sign_in.online(args.username, password)
    try:
        return _sync_session(args, session)
    except DeviceRevoked:
        # An administrator revoked this computer: its copy of the data must go.
        session.close()
        wipe_profile(session.vault, session.credentials, session.profile)
        DeviceIdentity.create(sign_in.root)
        print(
            "error: this computer was revoked by an administrator; its offline data was removed",
            file=sys.stderr,
        )
        return 1
    finally:
        session.close()


def _sync_session(args: argparse.Namespace, session: Session) -> int:
    if args.registry is not None:
        session.cache.meta.offline_registries = args.registry
    print(f"Signed in to {args.server} as {args.username}.")
    report = session.sync_engine().run(progress=_progress if args.verbose else None)
    _print_counts(session)
    changed = sum(report.pulled.values()) + sum(report.deleted.values())
    print(
        f"Synced in {report.seconds:.1f} s: {changed} changes received, "
        f"{report.pushed} sent, {report.requests} requests."
    )
    if report.push_errors or report.push_conflicts:
        print(
            f"{report.push_errors} changes were refused and {report.push_conflicts} "
            "are in conflict: open the app to decide."
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "sync":
            return run_sync(args)
    except (IntranetError, CacheError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
