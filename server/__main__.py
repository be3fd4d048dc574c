"""``python -m server``: the reference ministry backend."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

import uvicorn

from server.app import create_app
from server.config import Policy, Settings
from server.runner import listening_socket, seed_if_empty, uvicorn_config


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--data-dir", type=Path, default=Path("data/server"))
    parser.add_argument("--seed", choices=("none", "demo", "large"), default="none")
    parser.add_argument(
        "--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)"
    )
    parser.add_argument("--max-upload-mb", type=int, default=256)
    parser.add_argument("--offline-grace-days", type=int, default=14)
    parser.add_argument("--idle-lock-minutes", type=int, default=15)
    parser.add_argument(
        "--no-remember", action="store_true", help="policy: forbid remembering the key"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    settings = Settings(
        data_dir=args.data_dir.resolve(),
        database_url=args.database_url,
        max_upload_bytes=args.max_upload_mb * 1024 * 1024,
        policy=Policy(
            offline_grace_days=args.offline_grace_days,
            idle_lock_minutes=args.idle_lock_minutes,
            remember_on_this_computer=not args.no_remember,
        ),
    )
    if seed_if_empty(settings, args.seed):
        print(f"Seeded {args.seed} data into {settings.data_dir}", flush=True)
    app = create_app(settings)
    sock = listening_socket(args.host, args.port)
    host, port = sock.getsockname()[:2]
    server = uvicorn.Server(uvicorn_config(app))
    shown = f"[{host}]" if ":" in host else host

    async def announce() -> None:
        print(f"Listening on http://{shown}:{port}", flush=True)

    config_startup = server.startup

    async def startup(sockets: list[socket.socket] | None = None) -> None:
        await config_startup(sockets=sockets)
        if server.started:
            await announce()

    server.startup = startup  # type: ignore[method-assign]
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
