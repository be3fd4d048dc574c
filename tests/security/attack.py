"""The attack run (issue #7, "Keep the attack"): ``scripts/attack [--quick] [--only ...]``.

Each class gets its own real server (``python -m server``) on 127.0.0.1 over a fresh
copy of the demo data, so one class's lockouts or writes never blind another. Every
class prints one line, ``<class>: <attempts> attempts, <failures> failures``, followed
by the first few failures; the run exits 1 if any class failed. Bounded in attempts
(Schemathesis also in time); ``--quick`` makes fewer.

Not collected by pytest (no ``test_`` prefix): it is long, and it is meant to be run
whole by a reviewer or by CI in its quick form.
"""

from __future__ import annotations

import argparse
import random
import secrets
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path

from server.config import Settings
from server.runner import seed_if_empty
from tests.security import (
    authentication,
    authorization,
    bursts,
    cursors,
    fuzzing,
    hostile,
    kills,
    races,
)
from tests.security.harness import Attack, ServerProcess, Tally

CLASSES: dict[str, Callable[[Attack], None]] = {
    "authorization": authorization.run,
    "authentication": authentication.run,
    "hostile": hostile.run,
    "races": races.run,
    "bursts": bursts.run,
    "kills": kills.run,
    "cursors": cursors.run,
    "schemathesis": fuzzing.run,
}


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/attack", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer attempts (for CI)")
    parser.add_argument(
        "--only", help=f"comma-separated classes (default: all of {', '.join(CLASSES)})"
    )
    parser.add_argument("--seed", type=int, help="random seed (default: a fresh one, printed)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--verbose", action="store_true", help="print every failure")
    return parser.parse_args(argv)


def run_class(name: str, template: Path, work: Path, quick: bool, seed: int) -> Tally:
    tally = Tally(name)
    server = ServerProcess.start(template, work / name)
    attack = Attack(server, tally, quick, seed, work)
    try:
        CLASSES[name](attack)
    except Exception as error:  # the harness itself broke: that is a failure to report
        tally.fail(f"the attack could not finish: {error!r}")
        traceback.print_exc(file=sys.stderr)
    finally:
        attack.close()
        alive = server.alive()
        logged = server.tracebacks()
        server.stop()
    if not alive:
        tally.fail("the server process died during the attack")
    with tally.kind("the server logged an unhandled error"):
        for line in logged:
            tally.fail(f"the server logged an unhandled error: {line}")
    return tally


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    names = list(CLASSES) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [n for n in names if n not in CLASSES]
    if unknown:
        print(f"error: unknown classes {unknown}; choose from {list(CLASSES)}", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    random.seed(seed)
    work = Path(tempfile.mkdtemp(prefix="intranet-attack-"))
    started = time.monotonic()
    print(f"attack run: seed {seed}, {'quick' if args.quick else 'full'}, in {work}", flush=True)
    failed = False
    try:
        template = work / "template"
        seed_if_empty(Settings(data_dir=template), "demo", date.today())
        for name in names:
            class_started = time.monotonic()
            tally = run_class(name, template, work, args.quick, seed)
            print(tally.report(every=args.verbose), flush=True)
            print(f"    ({time.monotonic() - class_started:.0f} s)", file=sys.stderr, flush=True)
            failed = failed or bool(tally.failures)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"attack run: {time.monotonic() - started:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
