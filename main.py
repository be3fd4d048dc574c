"""Ministry Intranet: the desktop app, and its headless commands.

python main.py --demo                 the app with the embedded demo server (staff / demo)
python main.py [--profile-dir DIR]    the app, with the server from policy or settings
python main.py [--profile-dir DIR] sync --server URL --username NAME [--password-stdin]
python main.py [--profile-dir DIR] sync --server URL --username NAME --offline
python main.py [--profile-dir DIR] remove-user-data [--yes]
    every cache, key, log and setting of this user on this computer (uninstall's option)
python main.py [--profile-dir DIR] indicators export --server URL --username NAME
    --indicator CODE [--area CODE ...] [--from YYYY-MM] [--to YYYY-MM] --out FILE.csv|.xlsx
"""

from __future__ import annotations

import argparse
import getpass
import logging
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cache.errors import (
    CacheError,
    CacheTooNew,
    OfflineGraceExpired,
    ProfileNotFound,
    WrongPassword,
)
from client.address import BadAddress, complete_server_url
from client.bookings_args import add_bookings_parser
from client.errors import (
    ApiProblem,
    DeviceRevoked,
    IntranetError,
    InvalidCredentials,
    NetworkError,
    RateLimited,
    ServerUnavailable,
)

if TYPE_CHECKING:
    from client.session import Session
    from client.sync import SyncProgress
    from server.runner import ServerThread
    from ui.app import Prefill, WindowReport

# The window comes first: the modules a command or the app needs load inside the
# functions, after ``ui.startup`` has put the first window up (docs/startup.md).

BROKEN_INSTALLATION = 3  # the exit code when a part of the installation is missing
DEMO_PORT = 48765  # fixed, so the demo's offline cache (keyed by the address) is found again


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python main.py", description="Ministry Intranet")
    parser.add_argument("--profile-dir", type=Path, help="where the encrypted caches live")
    parser.add_argument("--verbose", action="store_true", help="log requests to stderr")
    parser.add_argument(
        "--demo", action="store_true", help="start the embedded demo server and sign in to it"
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    # Tests of whole starts (tests/ui/shell/test_start.py): report each window shown.
    parser.add_argument("--report-windows", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--demo-port", type=int, default=DEMO_PORT, help=argparse.SUPPRESS)
    # The built folder's smoke test (scripts/smoke-frozen): sign in, sync, every tab, quit.
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command")
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
    remove = commands.add_parser(
        "remove-user-data",
        help="remove this user's offline data, keys, logs and settings from this computer",
    )
    remove.add_argument("--yes", action="store_true", help="remove them (else only list them)")
    indicators = commands.add_parser("indicators", help="public-health indicators, offline")
    actions = indicators.add_subparsers(dest="action", required=True)
    export = actions.add_parser(
        "export", help="write an indicator's monthly values from the offline data (no network)"
    )
    export.add_argument("--server", required=True, help="the server the offline data is of")
    export.add_argument("--username", required=True)
    export.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin"
    )
    export.add_argument("--indicator", required=True, metavar="CODE", help="e.g. tb-incidence")
    export.add_argument(
        "--area",
        action="append",
        default=None,
        metavar="CODE",
        help="an economic region or district code (repeatable; default: the whole country)",
    )
    export.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month")
    export.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month")
    export.add_argument("--out", type=Path, required=True, help="a .csv or .xlsx file")
    _registries_parser(commands)
    from client.documents_args import add_documents_parser  # noqa: PLC0415 - argparse only

    add_documents_parser(commands)
    add_bookings_parser(commands)
    return parser


def _registries_parser(commands: Any) -> None:
    """``registries list|export``: the Registries tab's views on the offline cache."""
    registries = commands.add_parser(
        "registries", help="list or export registries (the cache, or --online)"
    )
    registries.add_argument("action", choices=("list", "export"))
    registries.add_argument("registry", nargs="?", help="the registry id (export)")
    registries.add_argument("--server", required=True)
    registries.add_argument("--username", required=True)
    registries.add_argument("--password-stdin", action="store_true")
    registries.add_argument("--out", type=Path, help="the file to write (.csv or .xlsx)")
    registries.add_argument("--format", choices=("csv", "xlsx"), help="default: from --out")
    for name, meta in (
        ("contains", "COLUMN=TEXT"),
        ("starts", "COLUMN=TEXT"),
        ("pick", "COLUMN=VALUE"),
        ("range", "COLUMN=LOW..HIGH"),
        ("flag", "COLUMN=yes|no"),
    ):
        registries.add_argument(f"--{name}", action="append", default=[], metavar=meta)
    registries.add_argument("--search", default="")
    registries.add_argument("--sort", metavar="COLUMN")
    registries.add_argument("--descending", action="store_true")
    registries.add_argument("--columns", metavar="A,B,C", help="the columns, in order")
    registries.add_argument(
        "--online",
        action="store_true",
        help="export: read the view from the server (a registry not kept offline)",
    )


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("Password: ")


def _print_counts(session: Session) -> None:
    records = session.cache.records
    for collection in records.catalog.names:
        print(f"{collection:<20}{records.count(collection):>10}")


def _progress(update: SyncProgress) -> None:
    total = f"/{update.total}" if update.total else ""
    print(f"  {update.collection}: {update.done}{total}", file=sys.stderr, flush=True)


def plain_sentence(error: Exception, server: str) -> str:
    """What the headless command prints for an error: a sentence, not an exception's text
    (no ``[Errno 111]``, no counters)."""
    if isinstance(error, InvalidCredentials):
        return "The username or password is incorrect."
    if isinstance(error, WrongPassword):
        text = (
            "The password is incorrect: it was checked against the offline data on this computer."
        )
        seconds = math.ceil(error.next_delay)
        if seconds > 0:
            text += f" Wait {seconds} second{'s' if seconds != 1 else ''} before trying again."
        return text
    if isinstance(error, NetworkError):
        return (
            f"The server {server} cannot be reached. Check the network connection and the address."
        )
    if isinstance(error, RateLimited):
        return "Too many attempts. Please try again in a few minutes."
    if isinstance(error, ServerUnavailable):
        return "The server is not available right now. Please try again in a few minutes."
    if isinstance(error, ProfileNotFound):
        return (
            "There is no offline data for this user on this computer. Sign in online first "
            "(without --offline)."
        )
    if isinstance(error, BadAddress):
        return f"{server!r} is not a server address; enter e.g. https://intranet.health.gov.az."
    if isinstance(error, ApiProblem):
        return f"The server refused: {error.detail.rstrip('.')}."
    if isinstance(error, OfflineGraceExpired | CacheTooNew):
        text = str(error)
        return text[:1].upper() + text[1:] + "."
    return f"{type(error).__name__}: {str(error).rstrip('.')}."


def run_sync(args: argparse.Namespace) -> int:
    from cache.engine_check import sqlcipher_problem  # noqa: PLC0415

    problem = sqlcipher_problem()
    if problem is not None:
        print(f"error: this installation is incomplete: {problem}.", file=sys.stderr)
        return BROKEN_INSTALLATION
    from client.session import DeviceIdentity, SignIn, wipe_profile  # noqa: PLC0415

    args.server = complete_server_url(args.server)
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


def run_indicators_export(args: argparse.Namespace) -> int:
    """Writes the table behind a line chart, from the offline cache only: CSV (UTF-8 with
    a byte-order mark, for Excel) or XLSX. Bad input is one sentence and writes nothing."""
    from client.session import SignIn  # noqa: PLC0415
    from domains.indicators.queries import (  # noqa: PLC0415
        COUNTRY,
        export_series,
        series_csv,
        series_xlsx,
    )

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        print("error: --out must end with .csv or .xlsx.", file=sys.stderr)
        return 1
    args.server = complete_server_url(args.server)
    sign_in = SignIn(args.server, profile_dir=args.profile_dir)
    session = sign_in.offline(args.username, _password(args.password_stdin))
    try:
        indicator, lines = export_series(
            session.cache.db, args.indicator, args.area or [COUNTRY], args.first, args.last
        )
    except ValueError as error:
        print(f"error: {str(error)[:1].upper()}{str(error)[1:]}.", file=sys.stderr)
        return 1
    finally:
        session.close()
    header = "Ay"  # "Month": the file is read in Azerbaijani, as its area names are
    writers = {
        ".csv": lambda: series_csv(header, lines),
        ".xlsx": lambda: series_xlsx(header, indicator.code, lines),
    }
    args.out.write_bytes(writers[suffix]())
    months = len(lines[0].points) if lines else 0
    print(f"Wrote {indicator.code}: {len(lines)} areas × {months} months to {args.out}.")
    return 0


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


def _export_online(session: Any, registry: Any, query: Any, out: Path, file_format: str) -> int:
    """The view read from the server page by page (keyset, 500 a page), on a worker
    thread (online reads refuse the main one), written whole or not at all."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    from client.online import ApiOnlineReads  # noqa: PLC0415
    from domains.registries.export import export_rows  # noqa: PLC0415
    from domains.registries.online import iter_pages  # noqa: PLC0415

    reads = ApiOnlineReads(session.api, lambda: True)
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(
            lambda: export_rows(
                query.shown_columns(registry), iter_pages(reads, query), out, file_format
            )
        ).result()


def run_registries(args: argparse.Namespace) -> int:
    """List the registries or export one view of a registry kept offline, from the
    encrypted cache (no network: the rows are the last sync's); with ``--online``, the
    view of any registry the user may read, from the server (signed in online)."""
    from client.session import SignIn  # noqa: PLC0415
    from domains.online import OnlineReadFailed  # noqa: PLC0415
    from domains.registries.export import ExportFailed, export_view  # noqa: PLC0415
    from domains.registries.filters import BadFilter  # noqa: PLC0415
    from domains.registries.headless import build_query, registry_lines  # noqa: PLC0415
    from domains.registries.model import load_registry  # noqa: PLC0415

    args.server = complete_server_url(args.server)
    if args.action == "export" and (args.registry is None or args.out is None):
        print("error: export takes a registry id and --out FILE", file=sys.stderr)
        return 2
    file_format = args.format or (args.out.suffix.lstrip(".").lower() if args.out else "")
    if args.action == "export" and file_format not in ("csv", "xlsx"):
        print("error: --out must end in .csv or .xlsx (or give --format)", file=sys.stderr)
        return 2
    sign_in = SignIn(args.server, profile_dir=args.profile_dir)
    password = _password(args.password_stdin)
    online = args.action == "export" and args.online
    session = (sign_in.online if online else sign_in.offline)(args.username, password)
    try:
        db = session.cache.db
        if args.action == "list":
            print("\n".join(registry_lines(db)))
            return 0
        registry = load_registry(db, args.registry)
        if registry is None:
            print(f"error: there is no registry {args.registry!r} here", file=sys.stderr)
            return 1
        try:
            query = build_query(
                registry,
                contains=args.contains,
                starts=args.starts,
                pick=args.pick,
                ranges=args.range,
                flags=args.flag,
                search=args.search,
                sort=args.sort,
                descending=args.descending,
                columns=args.columns,
            )
        except BadFilter as bad:
            problems = ", ".join(f"{p.column}: {p.code.replace('_', ' ')}" for p in bad.problems)
            print(f"error: {problems}", file=sys.stderr)
            return 2
        except ValueError as bad:
            print(f"error: {bad}", file=sys.stderr)
            return 2
        try:
            if online:
                rows = _export_online(session, registry, query, args.out, file_format)
            else:
                rows = export_view(db, query, args.out, file_format)
        except OnlineReadFailed as failed:
            print(f"error: the server's pages could not be read: {failed}", file=sys.stderr)
            return 1
        except ExportFailed as failed:
            print(f"error: {args.out} could not be written: {failed.detail}", file=sys.stderr)
            return 1
        print(f"{rows} rows written to {args.out}.")
        return 0
    finally:
        session.close()


def _demo_server(
    running: list[ServerThread], profile_dir: Path | None = None, port: int = DEMO_PORT
) -> Callable[[], Prefill]:
    """Starts the reference server on loopback, seeding the demo data on first use, with
    its data in the per-user data folder (in ``profile_dir/demo-server`` when one is
    given, so a test's demo is its own). Runs on a worker (seeding takes seconds)."""

    def start() -> Prefill:
        import platformdirs  # noqa: PLC0415 - the server loads only for the demo

        from cache.profile import APP_NAME  # noqa: PLC0415
        from server.config import Settings  # noqa: PLC0415
        from server.runner import ServerThread, seed_if_empty  # noqa: PLC0415
        from ui.app import Prefill  # noqa: PLC0415

        if profile_dir is not None:
            data = profile_dir / "demo-server"
        else:
            data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
            data = data / "demo-server"
        settings = Settings(data_dir=data)
        if seed_if_empty(settings, "demo"):
            logging.getLogger(__name__).info("seeded the demo data")
        try:
            server = ServerThread(settings, port=port).start()
        except OSError:  # the port is taken: any free one will do
            server = ServerThread(settings).start()
        running.append(server)
        return Prefill(server.base_url, "staff", "demo")

    return start


def run_gui(args: argparse.Namespace) -> int:
    from client.logs import setup_logging  # noqa: PLC0415
    from ui.startup import show_first_window  # noqa: PLC0415 - PySide6 and light modules

    log_file = setup_logging(verbose=args.verbose, console=args.verbose)
    first = show_first_window(
        args.profile_dir,
        demo=args.demo,
        argv=sys.argv[:1],
        probe=args.startup_probe or args.smoke_test,
    )
    if first is None:
        return 0  # another instance of this profile was asked to come forward
    from cache.engine_check import sqlcipher_problem  # noqa: PLC0415

    problem = sqlcipher_problem()  # after the splash: the same import ui.app needs anyway
    if problem is not None:
        from ui.fatal import show_broken_installation  # noqa: PLC0415

        logging.getLogger(__name__).error("this installation is incomplete: %s", problem)
        first.splash.close()
        show_broken_installation(problem)
        return BROKEN_INSTALLATION
    from ui.app import AppOptions, StartupProbe, run  # noqa: PLC0415 - the rest, now

    running: list[ServerThread] = []
    probe = StartupProbe() if args.startup_probe else None
    try:
        return run(
            AppOptions(
                profile_dir=args.profile_dir,
                log_folder=log_file.parent if log_file is not None else None,
            ),
            demo=_demo_server(running, args.profile_dir, args.demo_port) if args.demo else None,
            startup_probe=probe,
            window_report=_window_report(args),
            first=first,
        )
    finally:
        for server in running:
            server.stop()


def _window_report(args: argparse.Namespace) -> WindowReport | None:
    from ui.app import WindowReport  # noqa: PLC0415 - see the top

    if args.smoke_test:
        from ui.smoke import SmokeTest  # noqa: PLC0415

        return SmokeTest()
    return WindowReport() if args.report_windows else None


def run_documents_command(args: argparse.Namespace) -> int:
    """``documents upload|download|send``: the tab's commands over the same outbox."""
    from client.documents_cli import run_documents  # noqa: PLC0415
    from client.session import SignIn  # noqa: PLC0415

    args.server = complete_server_url(args.server)
    sign_in = SignIn(args.server, profile_dir=args.profile_dir, ca_bundle=args.ca_bundle)
    password = _password(args.password_stdin)
    if args.offline:
        session = sign_in.offline(args.username, password)
    else:
        session = sign_in.online(args.username, password)
    try:
        return run_documents(args, session)
    finally:
        session.close()


def run_remove_user_data(args: argparse.Namespace) -> int:
    """What an uninstall leaves unless asked (the MSI's REMOVEUSERDATA=1 runs this): one
    line per place; without ``--yes`` only the list, and exit code 2."""
    from cache.keystore import CredentialStore  # noqa: PLC0415
    from client.user_data import UserDataPlaces, remove_user_data  # noqa: PLC0415

    places = (
        UserDataPlaces.default()
        if args.profile_dir is None
        else UserDataPlaces.under(args.profile_dir)
    )
    if not args.yes:
        found = places.existing()
        for path in found:
            print(f"would remove {path}")
        if not found:
            print("nothing of this app is kept for this user on this computer")
            return 0
        print("run again with --yes to remove them (close the app first)")
        return 2
    try:
        removed = remove_user_data(places, CredentialStore())
    except OSError as error:
        print(
            f"error: {error.filename or 'a file'} could not be removed "
            f"({error.strerror or type(error).__name__}); close the app and run this again",
            file=sys.stderr,
        )
        return 1
    for path in removed:
        print(f"removed {path}")
    if not removed:
        print("nothing of this app is kept for this user on this computer")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is None:
        return run_gui(args)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "sync":
            return run_sync(args)
        if args.command == "indicators":
            return run_indicators_export(args)
        if args.command == "remove-user-data":
            return run_remove_user_data(args)
        if args.command == "registries":
            return run_registries(args)
        if args.command == "documents":
            return run_documents_command(args)
        if args.command == "bookings":
            from client.bookings_cli import run_bookings  # noqa: PLC0415

            args.server = complete_server_url(args.server)
            return run_bookings(args, args.server)
    except (IntranetError, CacheError, BadAddress) as error:
        print(f"error: {plain_sentence(error, args.server)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
